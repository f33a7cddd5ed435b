package scanner

import (
	"context"
	"io/fs"
)

// An inputKind is one kind of input: it says which files of the walk it
// wants and scans them. Adding a kind (Kotlin sources, .aar archives, a
// build file format) is one file implementing this and one line in
// newKinds; the walk, placement and reports need no change.
type inputKind interface {
	// name identifies the kind in statistics.
	name() string
	// wants is asked once per file of the walk, in the order of newKinds;
	// the first kind that wants a file gets it. d is nil for a file named on
	// the command line; for a symbolic link d.Type() is ModeSymlink.
	wants(rel string, d fs.DirEntry) bool
	// scan reads the kind's files and reports through env: findings already
	// placed, notifications, and facts for the project pass.
	scan(ctx context.Context, files []input, env *env) error
}

// Kind names.
const (
	kindJava     = "java"
	kindCompiled = "compiled"
	kindBuild    = "build"
	kindConfig   = "config"
)

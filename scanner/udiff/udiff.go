// Package udiff writes unified diffs (the format git apply and patch read)
// between two versions of a file.
package udiff

import (
	udiff "github.com/aymanbagabas/go-udiff"
)

// Unified returns the diff of old to new for path, with three lines of
// context, or "" when they are equal. Paths are written a/path and b/path
// as git does.
func Unified(path, old, new string) string {
	if old == new {
		return ""
	}
	return udiff.Unified("a/"+path, "b/"+path, old, new)
}

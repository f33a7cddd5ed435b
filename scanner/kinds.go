package scanner

import (
	"context"
	"io/fs"
	"sync"
	"sync/atomic"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
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

// newKinds lists the input kinds in the order they take files. Build files
// come first in scan order (not in this list's order) because roles read
// them; see Scan.
func newKinds(p *plan) []inputKind {
	return []inputKind{
		javaKind{},
		compiledKind{},
		buildKind{},
		configKind{globs: p.configGlobs()},
	}
}

// env is what every input kind shares during one scan: the options, the
// rules' plan, where code runs, and the sinks for what the kinds find.
type env struct {
	kinds []inputKind
	opts  *Options
	plan  *plan
	roles *roles
	index *projectIndex

	// walked is the outcome of the walk; build holds the build files read.
	walked *walked
	build  *buildFiles
	// depsOnly reads only what the dependency rules need: build files and
	// archive metadata, no class (kscan deps).
	depsOnly bool

	mu            sync.Mutex
	findings      []rules.Finding
	notifications []rules.Notification
	projects      []*facts.BuildProject
	stats         Stats

	// total and done count inputs for Options.Progress.
	total int
	done  atomic.Int64
}

// tick reports one more input done to Options.Progress.
func (e *env) tick() {
	n := e.done.Add(1)
	if p := e.opts.Progress; p != nil {
		p(int(n), e.total)
	}
}

func (e *env) addProject(p *facts.BuildProject) {
	e.mu.Lock()
	e.projects = append(e.projects, p)
	e.mu.Unlock()
}

func (e *env) report(fs []rules.Finding) {
	if len(fs) == 0 {
		return
	}
	e.mu.Lock()
	e.findings = append(e.findings, fs...)
	e.mu.Unlock()
}

func (e *env) notify(n rules.Notification) {
	e.mu.Lock()
	e.notifications = append(e.notifications, n)
	e.mu.Unlock()
}

// count adds to the run's statistics under the lock.
func (e *env) count(fn func(*Stats)) {
	e.mu.Lock()
	fn(&e.stats)
	e.mu.Unlock()
}

// role is where the code at a path of the tree runs.
func (e *env) role(rel string) facts.Role { return e.roles.of(rel) }

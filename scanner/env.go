package scanner

import (
	"sync"
	"sync/atomic"

	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/finding"
	"github.com/kscan/kscan/scanner/scope"
)

// env is what every input kind shares during one scan: the options, the
// rules' plan, where code runs, and the sinks for what the kinds find.
type env struct {
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
	findings      []finding.Finding
	notifications []finding.Notification
	projects      []*facts.BuildProject
	stats         Stats

	// large finds the walk's large sources beside the steps before the
	// sources (nil: none looked for).
	large *largeSources

	// graphs collects the call graph's summaries as sources are parsed.
	graphs *graphIndex
	// memos keeps the scans of classes met again (nil: none kept).
	memos *classMemos

	// scope classifies inputs as production or not; tally counts the
	// decisions.
	scope *scope.Classifier
	tally *scope.Tally
	// toolOnly are the command-line tools read for the call graph alone
	// (under mu): no finding is reported in them.
	toolOnly map[string]bool

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

func (e *env) report(fs []finding.Finding) {
	if len(fs) == 0 {
		return
	}
	e.mu.Lock()
	e.findings = append(e.findings, fs...)
	e.mu.Unlock()
}

func (e *env) notify(n finding.Notification) {
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

// production classifies an input of the tree at rel (head: its first
// bytes, or nil) and says whether to scan it: production code always, the
// rest only with --include non-production. Every decision is counted.
func (e *env) production(in input, rel string, head []byte) bool {
	ok, _ := e.decide(in, rel, head)
	return ok
}

// decide is production that also returns the decision (the zero
// Decision, production, for a file named on the command line).
func (e *env) decide(in input, rel string, head []byte) (bool, scope.Decision) {
	if in.named {
		return true, scope.Decision{}
	}
	if len(head) > scope.HeadSize {
		head = head[:scope.HeadSize]
	}
	d := e.scope.File(rel, head)
	e.tally.Add(d)
	return d.Production() || e.opts.IncludeNonProduction, d
}

// setAsideByPath says, from its path alone, that an input is not
// production and is not to be scanned, counting it; an input that might be
// production (its content may still tell) is not counted yet.
func (e *env) setAsideByPath(in input, rel string) bool {
	if e.opts.IncludeNonProduction || e.opts.ParseOnly || in.named {
		return false // a file named on the command line is always scanned
	}
	d := e.scope.File(rel, nil)
	if d.Production() {
		return false
	}
	e.tally.Add(d)
	return true
}

// readForGraphOnly records a set-aside source read only for the call
// graph.
func (e *env) readForGraphOnly(rel string) {
	e.mu.Lock()
	if e.toolOnly == nil {
		e.toolOnly = map[string]bool{}
	}
	e.toolOnly[rel] = true
	e.mu.Unlock()
}

// dropGraphOnly removes the findings placed in sources read for the call
// graph alone (a helper's caller found in a set-aside tool).
func dropGraphOnly(fs []finding.Finding, paths map[string]bool) []finding.Finding {
	if len(paths) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if !paths[f.Path] {
			out = append(out, f)
		}
	}
	return out
}

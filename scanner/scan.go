package scanner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/callgraph"
	"github.com/kscan/kscan/scanner/finding"
	"github.com/kscan/kscan/scanner/scope"
	"github.com/kscan/kscan/scanner/slim"
)

// Scan runs the rules over the inputs: one walk of the targets hands each
// file to its input kind; the build kind runs first (roles are read from
// poms), then sources, compiled code and configuration files; then the
// rules that read the project as a whole and its dependencies.
func Scan(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	e, err := newEnv(&opts)
	if err != nil {
		return nil, err
	}
	defer e.graphs.spill.discard()
	kinds := newKinds(e.plan)
	for _, n := range opts.BaseNotes {
		e.notify(finding.Notification{Path: opts.Base.Place(e.roles.root, n.File), Line: n.Line, Level: rules.Level(n.Level), Kind: n.Kind, Message: n.Message})
	}
	if err := e.run(ctx, kinds, false); err != nil {
		return nil, err
	}
	heapAfterSources()
	// Inputs are classified only while they are read: the classifier's
	// state for every directory need not live through the passes below.
	e.scope = nil
	ph := &e.stats.Phases
	mark := time.Now()
	lap := func(d *time.Duration) {
		now := time.Now()
		*d += now.Sub(mark)
		mark = now
	}
	if !opts.ParseOnly {
		var lists [][]input
		sources := 0
		for k, kind := range kinds {
			if kind.name() == kindJava || kind.name() == kindConfig {
				lists = append(lists, e.walked.byKind[k])
			}
			if kind.name() == kindJava {
				sources += len(e.walked.byKind[k])
			}
		}
		abs := newAbsIndex(lists...)
		// The search for callers may read a tenth of the tree's sources
		// (at least 2,000): a bound on its share of the run where common
		// names make most files of a large tree candidates. Of the tree,
		// not of the files the scan parsed, so that a sharper pre-filter
		// does not cut the search short.
		maxFiles := sources / 10
		if maxFiles < 2000 {
			maxFiles = 2000
		}
		// The project pass's findings come after the graph, so the writers
		// whose reach they wait for are asked for now, as a finding's own
		// guards are: a finding with no place carries them while the graph
		// is built (which settles the other findings' guards in place).
		found := len(e.findings)
		var pf projectFacts
		if e.plan.hasProject || e.plan.hasClassPath() {
			pf.files = e.index.sortedProjectFiles()
		}
		if e.plan.hasProject && e.plan.has("static-mutable-state") {
			// Found once: their writers now, the findings in the pass.
			pf.statics = rules.FindForeignStatics(pf.files)
			if ks := pf.statics.Writers(); len(ks) > 0 {
				e.findings = append(e.findings, finding.Finding{EntrySensitive: true, EntryGuards: ks})
			}
		}
		graph, err := e.graphs.build(ctx, e.findings, graphOptions{jobs: e.opts.Jobs, timeout: e.opts.ParseTimeout,
			maxFileSize: e.opts.MaxFileSize, types: e.index.types, maxFiles: maxFiles})
		e.findings = e.findings[:found]
		if err != nil {
			return nil, err
		}
		if e.graphs.stopped {
			e.notify(finding.Notification{Level: rules.LevelNote, Kind: "call-graph-bound",
				Message: fmt.Sprintf("the search for callers stopped after reading %d files (it parses only those that may call what it looks for), its bound for this scan: helpers' callers further away are not reported, and hazards it could not trace to an entry point are kept", e.graphs.parsed)})
		}
		lap(&ph.Graph)
		if e.plan.hasProject || e.plan.hasClassPath() {
			projectPass(e, abs, graph, pf)
		}
		e.findings = dropEntryOnly(dropGraphOnly(e.findings, e.toolOnly), graph)
		lap(&ph.Project)
		if e.plan.hasDeps() {
			depsPass(e, opts.Adapters)
		}
		lap(&ph.Deps)
		e.findings = dropDeclared(e.findings, e.index.declared)
		source := func(class string) []byte { return e.index.types.source(class, abs, e.opts.MaxFileSize) }
		sourceAt := func(rel string) []byte {
			if a, ok := abs.get(rel); ok {
				if src, err := safefs.ReadFile(a, e.opts.MaxFileSize); err == nil {
					return src
				}
			}
			return nil
		}
		// The sources naming a word, for verdicts that read the creations
		// of a class or the calls of a method (a key object's fields).
		mentions := func(w string) ([]string, bool) {
			return e.graphs.mentioning(w, maxMentions, e.opts.MaxFileSize, e.opts.Jobs)
		}
		// Every static no code of its file reads asks which sources name
		// it: the words are searched together, each file read once.
		var unread []string
		for _, f := range e.findings {
			if f.Pending != nil && f.Pending.Unread != "" {
				unread = append(unread, f.Pending.Unread)
			}
		}
		e.graphs.prefetchMentions(unread, maxMentions, e.opts.MaxFileSize, e.opts.Jobs)
		e.findings = dropSettled(e.findings, graph, e.index.files, source, sourceAt, mentions, e.index.declared)
	}
	res := &Result{Root: e.roles.root, Findings: e.findings, Notifications: e.notifications, Stats: e.stats, Roles: e.roles.decisions(),
		Scope: e.tally, IncludedNonProduction: opts.IncludeNonProduction, NotRun: e.plan.leftOut()}
	if e.walked != nil {
		res.StaleTemps = e.walked.staleTemps
	}
	if e.index != nil && !opts.ParseOnly {
		var notes []finding.Notification
		res.Findings, notes = dropOwnCopies(res.Findings, e.graphs.own, e.index)
		res.Notifications = append(res.Notifications, notes...)
		if !opts.IncludeNonProduction {
			res.Findings, notes = dropAntlibs(res.Findings, e.index, e.tally, e.opts.MaxFileSize)
			res.Notifications = append(res.Notifications, notes...)
		}
	}
	res.Findings = mergeSourceCopies(res.Findings)
	sortFindings(res.Findings)
	sortNotifications(res.Notifications)
	for _, p := range e.projects {
		if p.Role == facts.RoleModule && p.BuildOnly == "" {
			n, unknown := slim.PackagedSize(p)
			res.Modules = append(res.Modules, ModuleSize{Path: p.Path, PackagedBytes: n, Unknown: unknown})
		}
	}
	sort.Slice(res.Modules, func(i, j int) bool { return res.Modules[i].Path < res.Modules[j].Path })
	res.Stats.Duration = time.Since(start)
	p := &res.Stats.Phases
	p.Other = res.Stats.Duration - (p.Discover + p.Build + p.ScopeWait + p.Sources + p.Classes + p.Config + p.Graph + p.Project + p.Deps)
	return res, nil
}

// DepsResult is what the dependency pass found: one entry per build
// project of the tree, and what could not be read or resolved.
type DepsResult struct {
	Root          string
	Projects      []*facts.BuildProject
	Notifications []finding.Notification
}

// Dependencies reads the build files under opts.Paths (offline; parents
// and BOMs also from ~/.m2/repository) and the metadata of archives,
// without running any rule: a scan with only the build kind and the
// metadata of compiled code.
func Dependencies(opts Options) (*DepsResult, error) {
	for _, t := range opts.Paths {
		if _, err := os.Stat(t); err != nil {
			return nil, &PathError{t, err}
		}
	}
	opts.Rules = nil
	e, err := newEnv(&opts)
	if err != nil {
		return nil, err
	}
	if err := e.run(context.Background(), newKinds(e.plan), true); err != nil {
		return nil, err
	}
	sort.Slice(e.projects, func(i, j int) bool { return e.projects[i].Path < e.projects[j].Path })
	sort.SliceStable(e.notifications, func(i, j int) bool {
		a, b := e.notifications[i], e.notifications[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Line < b.Line
	})
	return &DepsResult{Root: e.roles.root, Projects: e.projects, Notifications: e.notifications}, nil
}

// newEnv applies the defaults and prepares what every kind shares.
func newEnv(opts *Options) (*env, error) {
	root := opts.Root
	if root == "" {
		root = "."
	}
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if len(opts.Paths) == 0 {
		opts.Paths = []string{"."}
	}
	if opts.Jobs <= 0 {
		opts.Jobs = runtime.NumCPU()
	}
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	if opts.ParseTimeout <= 0 {
		opts.ParseTimeout = 20 * time.Second
	}
	if err := ValidateExcludes(opts.Excludes); err != nil {
		return nil, err
	}
	if opts.Static {
		opts.Rules = withoutLeaks(opts.Rules)
	}
	p := newPlan(opts.Rules)
	p.candidatesKept = opts.MinLevel.Rank() == 0
	if err := scope.ValidateOverrides(opts.ScopeOverrides); err != nil {
		return nil, err
	}
	// The classifier, the roles and the dependency loader read the same
	// poms: each is parsed once.
	build := &buildFiles{root: root, in: safefs.NewRoot(root), src: map[string][]byte{}}
	e := &env{opts: opts, plan: p, roles: newRoles(root, opts.PathRoles, opts.Role, opts.RoleAuto), build: build,
		scope: scope.New(root, scope.Options{Overrides: opts.ScopeOverrides, Targets: dirTargets(root, opts.Paths), FileDirs: fileDirs(root, opts.Paths), Jobs: opts.Jobs,
			ParsePOM: build.parse}), tally: &scope.Tally{},
		graphs: newGraphIndex()}
	if !opts.ParseOnly {
		for _, n := range callgraph.Names {
			p.interest.Calls[n] = true
			p.classCalls[n] = true
		}
	}
	return e, nil
}

// run walks the targets and runs the input kinds: build files first,
// because roles come from them. depsOnly runs only what dependencies need.
func (e *env) run(ctx context.Context, kinds []inputKind, depsOnly bool) error {
	e.depsOnly = depsOnly
	started := time.Now()
	w := &walker{root: e.roles.root, excludes: e.opts.Excludes, kinds: kinds, notify: e.notify}
	if e.opts.Jobs > 1 {
		w.readers = e.opts.Jobs
	}
	if b := e.opts.Base; b != nil {
		w.context, _ = filepath.Abs(b.Path)
	}
	// The classifier's indexes read the tree's production sources before
	// the first source can be decided, and the walk and the build files
	// are mostly one core's work: built beside them, on the other core,
	// the sources step waits only for what is left. Their consumer index
	// waits for the walk's poms. Not for a parse-only or
	// dependencies-only run, nor for files named alone (no source asks
	// the indexes then).
	var prepared chan struct{}
	listTop := ""
	if !depsOnly && !e.opts.ParseOnly && anyDir(e.opts.Paths) {
		e.scope.AwaitPOMs()
		if listTop = oneDir(e.opts.Paths); listTop != "" && !ownWalks {
			// The indexes read the walk's list of the directory's files
			// instead of walking the tree twice more.
			e.scope.AwaitListing()
			w.listed, w.skipped = new([]string), new([]string)
		}
		prepared = make(chan struct{})
		go func() {
			defer close(prepared)
			e.scope.Prepare()
		}()
		defer func() {
			e.scope.ListPOMs(nil, nil) // a walk that failed lists none
			e.scope.SetListing("", nil, nil)
			<-prepared
		}()
	}
	walked, err := w.walk(e.opts.Paths)
	if err != nil {
		return err
	}
	if w.listed != nil {
		e.scope.SetListing(listTop, *w.listed, *w.skipped)
		w.listed, w.skipped = nil, nil
	}
	e.walked = walked
	var poms, pomDirs []string
	if dirs, ok := w.wholeDirs(walked); ok {
		// The walk found every pom of the directories it read: the
		// classifier's consumer index need not walk them again.
		poms, pomDirs = []string{}, dirs
		for k, kind := range kinds {
			if kind.name() == kindBuild {
				for i := range walked.byKind[k] {
					if in := &walked.byKind[k][i]; in.base() == "pom.xml" {
						poms = append(poms, in.rel())
					}
				}
			}
		}
	}
	e.scope.ListPOMs(pomDirs, poms)
	var java []input
	order := []int{}
	for k, kind := range kinds {
		if kind.name() == kindJava {
			java = walked.byKind[k]
		}
		if kind.name() == kindBuild {
			order = append([]int{k}, order...)
		} else if !depsOnly || kind.name() == kindCompiled {
			order = append(order, k)
		}
	}
	if len(java) > 1 && e.opts.Jobs > 1 && !depsOnly {
		e.large = findLargeSources(java)
	}
	e.index = newProjectIndex(java, e.plan.mentions, e.plan.rules)
	if len(java) > 0 {
		e.graphs.own = newOwnCopies(e.index.types)
	}
	// Archives of one size are counted once: copies of one jar (the same
	// library in many applications' lib folders) add no class to the maps
	// sized here, and distinct archives nearly always differ in size.
	var archived int64
	sized := map[int64]bool{}
	for k, kind := range kinds {
		if kind.name() == kindCompiled {
			for _, in := range walked.byKind[k] {
				if !sized[in.size] {
					sized[in.size] = true
					archived += in.size
				}
			}
		}
	}
	// Beside the first inputs' work; done before the passes that read
	// the maps without the index's lock.
	expected := make(chan struct{})
	go func() {
		defer close(expected)
		e.index.expectClasses(archived)
	}()
	defer func() { <-expected }()
	for k, kind := range kinds {
		if kind.name() != kindBuild {
			e.total += len(walked.byKind[k])
		}
	}
	ph := &e.stats.Phases
	ph.Discover = time.Since(started)
	for _, k := range order {
		t := time.Now()
		if kinds[k].name() == kindJava && prepared != nil {
			<-prepared
			ph.ScopeWait += time.Since(t) // a step of its own, not the sources'
			t = time.Now()
		}
		if err := kinds[k].scan(ctx, walked.byKind[k], e); err != nil {
			return err
		}
		d := time.Since(t)
		switch kinds[k].name() {
		case kindJava:
			ph.Sources += d
		case kindCompiled:
			ph.Classes += d
		case kindBuild:
			ph.Build += d
		default:
			ph.Config += d
		}
	}
	return nil
}

// ownWalks makes the scope indexes walk the tree themselves, for tests
// that hold the walk's listing to theirs.
var ownWalks bool

// oneDir is the absolute path of the one directory a scan names, "" when
// it names several paths or a file.
func oneDir(paths []string) string {
	if len(paths) != 1 {
		return ""
	}
	abs, err := filepath.Abs(paths[0])
	if err != nil {
		return ""
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		return ""
	}
	return filepath.Clean(abs)
}

func sortFindings(fs []finding.Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Region.ByteOffset != b.Region.ByteOffset {
			return a.Region.ByteOffset < b.Region.ByteOffset
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		return a.Message < b.Message
	})
}

func sortNotifications(ns []finding.Notification) {
	sort.SliceStable(ns, func(i, j int) bool {
		a, b := &ns[i], &ns[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Message < b.Message
	})
}

// anyDir reports a path that is a directory.
func anyDir(paths []string) bool {
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			return true
		}
	}
	return false
}

// dirTargets lists the directory targets relative to root, for scope: the
// user asked for them, so their names are no signal.
func dirTargets(root string, paths []string) []string {
	var out []string
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
			continue
		}
		if rel, err := filepath.Rel(root, abs); err == nil && !strings.HasPrefix(rel, "..") {
			out = append(out, filepath.ToSlash(rel))
		}
	}
	return out
}

// fileDirs are the directories, relative to root, of the paths to scan
// that are files (a path outside root gives the root).
func fileDirs(root string, paths []string) []string {
	var out []string
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		if fi, err := os.Stat(abs); err != nil || fi.IsDir() {
			continue
		}
		rel, err := filepath.Rel(root, filepath.Dir(abs))
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			rel = "."
		}
		out = append(out, filepath.ToSlash(rel))
	}
	return out
}

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

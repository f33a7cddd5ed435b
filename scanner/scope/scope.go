package scope

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/scanner/deps"
)

// HeadSize is how many leading bytes of a file the content signals read;
// pass at least this much (or the whole file when smaller) to File and
// Entry.
const HeadSize = 16 << 10

// Class is what a piece of code is for.
type Class uint8

const (
	// Production code ships into an application and runs in the shared JVM.
	Production Class = iota
	// Test is test scope: test sources and resources, fixtures, test data.
	Test
	// TestSupport is a library for tests (JUnit on its compile class path,
	// *-testlib, *-test-framework).
	TestSupport
	// Benchmark is JMH or Caliper code and benchmark modules.
	Benchmark
	// Example is examples, samples and demos.
	Example
	// BuildTool is code that runs inside a build tool or an IDE: Maven
	// plugins and archetypes, Ant tasks (and Ant itself), annotation
	// processors, doclets, Gradle build logic, build wrappers, Eclipse
	// plugins.
	BuildTool
	// Packaging is a build file or archive that lists or bundles code
	// without being a class path: assembly and distribution poms, BOMs,
	// sources and javadoc jars.
	Packaging
	// Configured is set aside by a user override.
	Configured
	// Desktop is a desktop GUI (Swing, AWT or JavaFX windows): a tool a person runs
	// on a workstation, never code of a server's shared JVM.
	Desktop
	// CLI is command-line tool code: shells, dumpers and generators in a
	// cli, tool or tools package that only their own main methods use.
	// They run in a process of their own, started from a terminal or a
	// build.
	CLI
	// Android is code for Android: it uses the Android platform's own API
	// (android.*, androidx.*), which no server JVM has, so it runs in an
	// Android app's process, never in a base or a module.
	Android
	numClasses
)

var classNames = [numClasses]string{"production", "test scope", "test support", "benchmark", "example", "build tool", "packaging", "configured", "desktop GUI", "command-line tool", "Android"}

func (c Class) String() string {
	if c < numClasses {
		return classNames[c]
	}
	return fmt.Sprintf("class(%d)", c)
}

// MarshalText writes the class name, for JSON.
func (c Class) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// Decision says whether some code is production and why.
type Decision struct {
	Class Class `json:"class"`
	// Reason names the signal ("src/test/ source set", "benchmark module
	// netty-microbench (depends on org.openjdk.jmh:jmh-core)"); decisions of
	// the same kind share a reason so that they can be counted.
	Reason string `json:"reason"`
	// At is the slash path, relative to the root, of the file or directory
	// that carries the signal ("." for the root); for an override, the
	// place it was configured.
	At string `json:"at,omitempty"`
	// Override is set when a user override decided.
	Override bool `json:"override,omitempty"`
	// Hints are observations that decide nothing here (a launcher module,
	// build tools counted as production); the call graph or a reader uses
	// them.
	Hints []string `json:"hints,omitempty"`
}

// Production reports whether the code runs in the shared JVM.
func (d Decision) Production() bool { return d.Class == Production }

func (d Decision) String() string {
	s := d.Class.String() + ": " + d.Reason
	if d.At != "" && d.At != "." && !strings.Contains(d.Reason, d.At) {
		s += " (" + d.At + ")"
	}
	return s
}

// Override sets the scope of every path a glob matches, as configured by
// the user (.kscan.yaml lists of production and non-production globs). A
// glob without '/' matches a file or directory name at any depth; one with
// '/' matches a path from the root, '**' standing for any number of
// directories; a match on a directory covers everything below it. The
// deepest match wins; at equal depth a production override wins.
type Override struct {
	Glob       string
	Production bool
	Source     string // where it was configured, e.g. ".kscan.yaml:12"
}

// Options configure a Classifier.
type Options struct {
	Overrides []Override
	// BuildToolsProduction counts build-tool code (Maven plugins, Ant tasks
	// and Ant itself, Gradle build logic) as production. By default it is
	// set aside: it runs inside Maven, Ant or Gradle, not in an application
	// JVM. Set it when the scanned code is embedded in an application
	// (Ant's tasks run inside Jasper, for example).
	BuildToolsProduction bool
	// Targets are the directories the user named to scan (slash paths
	// relative to the root): their own names and their ancestors' are
	// never read as signals. Whoever asks for testdata/projects/app, or for
	// an examples/ directory, wants that code scanned.
	Targets []string
	// FileDirs are the directories of the files the user named to scan
	// (slash paths relative to the root): the indexes read their
	// projects too (see walkRoots).
	FileDirs []string
	// Jobs: how many files the indexes read at once (the scan's workers,
	// which wait for them); 0 or 1 reads one at a time.
	Jobs int
	// ParsePOM parses a pom read from rel (nil: deps.ParsePOM), for a scan
	// that parses the tree's poms once for all its readers; the classifier
	// never changes a POM.
	ParsePOM func(rel string, data []byte) (*deps.POM, error)
}

// Classifier decides the scope of the files of one tree. Directory
// decisions (from build files and names) are made once and inherited by
// everything below. It is safe for concurrent use.
type Classifier struct {
	root string
	in   *safefs.Root // root's links resolved once
	opts Options

	mu       sync.Mutex
	dirs     map[string]*dirState
	modules  map[string]*module // by directory
	poms     map[string]*pomFile
	testPkgs map[string]bool
	supers   map[superKey]superResult

	// prodOnce walks the production directories once for both indexes;
	// prod is dropped once both took it (prodTakes, under mu), so that
	// the scan does not keep a path per source to its end.
	prodOnce  sync.Once
	prod      []string
	prodTakes int
	walks     int // production walks made, for tests
	// marks holds, by position in prod, whether the head of a Java
	// source holds one of asideMarks (markAside, markNone; 0 unknown), as
	// the tool index's pass read it: the used-by index reads no head
	// twice.
	marks atomic.Pointer[[]uint8]
	// headReads counts the heads the used-by index read itself, for tests.
	headReads atomic.Int64

	toolOnce sync.Once
	tools    *toolIndex

	usedOnce sync.Once
	used     *usedByIndex

	consumersOnce sync.Once
	consumers     map[string]int // artifactId -> modules in the tree that depend on it
	// poms0 are the poms ListPOMs gave (under mu), until the consumer
	// index takes them, with the directories the walk read whole; poms is
	// handed off (pomsListed) by ListPOMs, once AwaitPOMs asked for it.
	poms0, pomDirs []string
	pomsListed     handoff
	// listing is the tree's files as the scan's walk saw them (under mu),
	// handed off by SetListing once AwaitListing asked for it; nil when
	// the indexes walk the tree themselves.
	listing *listing
	listed  handoff
}

// handoff is what the scan's walk hands the classifier once (under the
// classifier's mu): wait makes the readers wait for it, done hands it off
// and wakes them. Readers of a handoff no one waited for go on at once.
type handoff struct {
	done  bool
	ready chan struct{}
}

// wait makes readers wait for the handoff, unless it was made already.
func (h *handoff) wait() {
	if !h.done && h.ready == nil {
		h.ready = make(chan struct{})
	}
}

// finish makes the handoff, once.
func (h *handoff) finish() {
	if h.done {
		return
	}
	h.done = true
	if h.ready != nil {
		close(h.ready)
	}
}

// New returns a Classifier for the tree at root (a directory on disk; ""
// for a classifier that reads no file and decides from paths and contents
// alone).
func New(root string, opts Options) *Classifier {
	if root != "" {
		if abs, err := filepath.Abs(root); err == nil {
			root = abs
		}
	}
	if opts.ParsePOM == nil {
		opts.ParsePOM = deps.ParsePOM
	}
	return &Classifier{root: root, in: safefs.NewRoot(root), opts: opts, dirs: map[string]*dirState{}, modules: map[string]*module{}, poms: map[string]*pomFile{}, testPkgs: map[string]bool{}, supers: map[superKey]superResult{}}
}

// ValidateOverrides reports a malformed glob before a scan starts.
func ValidateOverrides(ovs []Override) error {
	for _, o := range ovs {
		g := strings.TrimSpace(o.Glob)
		if g == "" {
			return fmt.Errorf("%s: empty glob", o.Source)
		}
		for _, seg := range strings.Split(g, "/") {
			if _, err := path.Match(seg, ""); err != nil {
				return fmt.Errorf("%s: bad glob %q: %v", o.Source, o.Glob, err)
			}
		}
	}
	return nil
}

// clean normalises a relative path to slash form without ./ or a trailing
// slash; the root is "".
func clean(rel string) string {
	// A path that is clean already (the walk's) is kept as it is: the
	// classifier keeps a key for every directory, and a copy of each
	// would add to the paths the scan already holds.
	if rel != "" && rel != "." && rel != ".." && rel[0] != '/' && !strings.HasPrefix(rel, "../") &&
		!strings.Contains(rel, "\\") && path.Clean(rel) == rel {
		return rel
	}
	rel = strings.ReplaceAll(rel, "\\", "/")
	rel = path.Clean("/" + rel)[1:]
	return rel
}

func segments(rel string) []string {
	if rel == "" {
		return nil
	}
	return strings.Split(rel, "/")
}

func at(rel string) string {
	if rel == "" {
		return "."
	}
	return rel
}

// Dir classifies a directory (slash path relative to the root) from the
// build files and names of it and its ancestors.
func (c *Classifier) Dir(rel string) Decision {
	rel = clean(rel)
	if d, ok := c.override(rel); ok {
		return d
	}
	st := c.dir(rel)
	d := c.testPackage(st)
	if st.mod != nil && st.mod.rel == rel && len(st.mod.hints) > 0 {
		d.Hints = append(append([]string(nil), d.Hints...), st.mod.hints...)
	}
	return c.withBuildToolPolicy(d)
}

// testPackage turns the decision of a directory in a package named test
// into test scope when that package holds test classes.
func (c *Classifier) testPackage(st *dirState) Decision {
	if st.d.Production() && st.testPkg != "" && c.holdsTests(st.testPkg) {
		return Decision{Class: Test, Reason: "test package (holds JUnit/TestNG test classes)", At: st.testPkg}
	}
	return *st.d
}

// withBuildToolPolicy turns a build-tool decision into production with a
// hint when build tools count as production.
func (c *Classifier) withBuildToolPolicy(d Decision) Decision {
	if d.Class != BuildTool || !c.opts.BuildToolsProduction {
		return d
	}
	return Decision{Class: Production, Reason: "build tools counted as production", At: d.At,
		Hints: append(append([]string(nil), d.Hints...), "build tool: "+d.Reason)}
}

// dirState is the decision for a directory and what its children need to
// know about where they are. The classifier keeps one for every directory
// of the tree while inputs are read (about 200,000 on a 1 GB tree), so it
// is kept small: the decision is shared with the parent's unless this
// directory decides anew (most directories are packages that inherit it).
type dirState struct {
	d   *Decision // never changed once set: a new decision is a new value
	mod *module
	// testPkg is the nearest package directory named test or tests outside
	// a main source set: test scope when it holds test classes.
	testPkg string
	depth   int32
	// byName: d was decided by a directory name at depth nameDepth, a
	// guess a file's package declaration may correct.
	nameDepth int32
	byName    bool
	// pkg: this directory is inside a package path; names below it are
	// package names, not layout.
	pkg bool
	// src: this directory is a src/ directory of the layout, its children
	// are source sets; set: it is a source set, its children are language
	// directories or packages; lang: its children are packages.
	src, set, lang bool
	// main: inside a production source set (src/main or a declared
	// source directory), where content signals are not read.
	main bool
}

// decide gives the directory a decision of its own.
func (s *dirState) decide(d Decision) { s.d = &d }

var rootProduction = Decision{Class: Production, Reason: "no non-production signal"}

func (c *Classifier) dir(rel string) *dirState {
	c.mu.Lock()
	st, ok := c.dirs[rel]
	c.mu.Unlock()
	if ok {
		return st
	}
	if rel == "" {
		st = &dirState{d: &rootProduction}
		if m := c.module(""); m != nil {
			st.mod = m
			if m.inherited() {
				st.decide(m.decision)
			}
		}
	} else {
		parent, name := path.Split(rel)
		parent = strings.TrimSuffix(parent, "/")
		st = c.child(c.dir(parent), parent, name, rel, -1, true)
	}
	if !st.d.Production() && !st.d.Override && c.namedOrAbove(rel) {
		named := *st
		named.decide(Decision{Class: Production, Reason: "a directory named to scan", At: rel})
		named.byName = false
		st = &named
	}
	c.mu.Lock()
	if prev, ok := c.dirs[rel]; ok {
		st = prev
	} else {
		c.dirs[rel] = st
	}
	c.mu.Unlock()
	return st
}

// namedOrAbove reports a directory that is one of Options.Targets or an
// ancestor of one.
func (c *Classifier) namedOrAbove(rel string) bool {
	for _, t := range c.opts.Targets {
		t = clean(t)
		if t == "" || t == "." {
			continue
		}
		if rel == "" || t == rel || strings.HasPrefix(t, rel+"/") {
			return true
		}
	}
	return false
}

// child derives the state of directory rel (named name, below parent p).
// pkgFrom >= 0 forces a package path from that depth on (a file's package
// declaration told where its source root is). fs says whether build files
// and sources may be read (false inside archives).
func (c *Classifier) child(p *dirState, parentRel, name, rel string, pkgFrom int, fs bool) *dirState {
	s := &dirState{d: p.d, depth: p.depth + 1, mod: p.mod, main: p.main, byName: p.byName, nameDepth: p.nameDepth, testPkg: p.testPkg}
	if !p.d.Production() {
		s.pkg = p.pkg
		if p.d.Class == TestSupport && !p.pkg {
			c.testsOfLibrary(p, s, name, rel)
		}
		return s
	}
	if name == "archetype-resources" {
		s.decide(Decision{Class: BuildTool, Reason: "Maven archetype template (archetype-resources/)", At: rel})
		return s
	}
	if p.pkg || (pkgFrom >= 0 && int(s.depth) > pkgFrom) || p.lang {
		s.pkg = true
		c.packageDir(s, name, rel, fs)
		return s
	}
	// Source roots a build file declares.
	if p.mod != nil && p.mod.rel != rel {
		if m, how, ok := p.mod.declared(rel); ok {
			if m {
				s.main, s.lang = true, true
				s.decide(Decision{Class: Production, Reason: "source root declared in " + how, At: rel})
			} else {
				s.lang = true
				s.decide(Decision{Class: Test, Reason: "test source root declared in " + how, At: rel})
			}
			return s
		}
	}
	var m *module
	if fs {
		m = c.module(rel)
	}
	switch {
	case m != nil:
		// a module directory: its build file and name decide below
	case p.src:
		if packageRoots[name] {
			s.pkg = true
			return s
		}
		s.set = true
		if cls, known := setClass(name); known {
			if cls == Production {
				s.main = true
				s.decide(Decision{Class: Production, Reason: "main source set src/main/", At: rel})
			} else {
				s.decide(Decision{Class: cls, Reason: fmt.Sprintf("src/%s/ source set", name), At: rel})
			}
			return s
		}
	case p.set:
		if packageRoots[name] {
			s.pkg = true
			c.packageDir(s, name, rel, fs)
			return s
		}
		if isLangDir(name) {
			s.lang = true
			return s
		}
	case packageRoots[name]:
		s.pkg = true
		return s
	case name == "classes" && (path.Base(parentRel) == "WEB-INF" || path.Base(parentRel) == "BOOT-INF"):
		s.lang = true
		return s
	}
	if m != nil {
		s.mod = m
		if m.inherited() {
			s.decide(m.decision)
			// JUnit on the compile class path of a module named as tests
			// (guava-tests, netty-testsuite) makes tests, not a library.
			if m.decision.Class == TestSupport {
				if cls, word := nameClass(name, true); cls == Test && testsWord(word) {
					s.decide(Decision{Class: Test, Reason: nameReason(Test, name, word, true), At: rel})
				}
			}
			return s
		}
	}
	if d, ok := c.toolDir(rel); ok {
		s.decide(d)
		return s
	}
	switch name {
	case "src":
		s.src = m == nil // a src/ holding a build file is a module (Apache MINA keeps its root pom there)
		return s
	case ".mvn":
		s.decide(Decision{Class: BuildTool, Reason: ".mvn (Maven wrapper and build settings)", At: rel})
		return s
	case "buildSrc":
		s.decide(Decision{Class: BuildTool, Reason: "Gradle build logic (buildSrc/)", At: rel})
		return s
	case "wrapper":
		if path.Base(parentRel) == "gradle" || path.Base(parentRel) == ".mvn" {
			s.decide(Decision{Class: BuildTool, Reason: "build tool wrapper (" + path.Base(parentRel) + "/wrapper/)", At: rel})
			return s
		}
	}
	// A directory with src/main is a module even when the build file that
	// configures it sits higher up (Spring's root build.gradle).
	isModule := m != nil || (fs && c.isDir(rel+"/src/main"))
	if cls, word := nameClass(name, isModule); cls != Production {
		s.decide(Decision{Class: cls, Reason: nameReason(cls, name, word, isModule), At: rel})
		s.byName, s.nameDepth = true, s.depth
		return s
	}
	if m != nil && m.artifactID != "" && m.artifactID != name {
		if cls, word := nameClass(m.artifactID, true); cls != Production {
			s.decide(Decision{Class: cls, Reason: nameReason(cls, m.artifactID, word, true), At: rel})
			return s
		}
	}
	return s
}

// testsOfLibrary finds the tests of a test-support library (spring-test's
// src/test, guava-testlib's test/): they are test scope, not the library.
func (c *Classifier) testsOfLibrary(p, s *dirState, name, rel string) {
	switch {
	case p.set || p.lang:
		s.pkg = true
	case p.src:
		s.set = true
		if cls, known := setClass(name); known && cls == Test {
			s.decide(Decision{Class: Test, Reason: fmt.Sprintf("src/%s/ source set", name), At: rel})
		}
	case name == "src":
		s.src = true
	case packageRoots[name]:
		s.pkg = true
	case name == "test" || name == "tests":
		s.decide(Decision{Class: Test, Reason: nameReason(Test, name, name, false), At: rel})
	}
}

// packageDir reads a package directory outside a main source set: a
// package named like examples is example code (org/hsqldb/sample); one
// named test or tests is remembered, to be test scope if it holds test
// classes (org/hsqldb/test). In a main source set such packages ship in
// the artifact (org.jsoup.examples), so they stay production.
func (c *Classifier) packageDir(s *dirState, name, rel string, fs bool) {
	if s.main {
		return
	}
	lower := strings.ToLower(name)
	switch {
	case exampleWords[lower] && !placeholderDomain(rel):
		s.decide(Decision{Class: Example, Reason: "example package " + name + "/ outside a main source set", At: rel})
	case fs && (lower == "test" || lower == "tests"):
		s.testPkg = rel
	}
}

var classNouns = map[Class]string{Test: "test", TestSupport: "test-support", Benchmark: "benchmark", Example: "example", Packaging: "installer"}

func nameReason(c Class, name, word string, module bool) string {
	if module {
		return fmt.Sprintf("%s module %s (name)", classNouns[c], name)
	}
	if docWords[word] {
		return fmt.Sprintf("documentation directory %s/", name)
	}
	return fmt.Sprintf("%s directory %s/", classNouns[c], name)
}

// override returns the decision of the user override that matches rel.
func (c *Classifier) override(rel string) (Decision, bool) {
	if len(c.opts.Overrides) == 0 {
		return Decision{}, false
	}
	segs := segments(rel)
	best, bestDepth := -1, -1
	for i, o := range c.opts.Overrides {
		dep := matchDepth(o.Glob, segs)
		if dep < 0 {
			continue
		}
		if dep > bestDepth || (dep == bestDepth && o.Production && !c.opts.Overrides[best].Production) {
			best, bestDepth = i, dep
		}
	}
	if best < 0 {
		return Decision{}, false
	}
	o := c.opts.Overrides[best]
	d := Decision{Override: true, At: o.Source}
	if o.Production {
		d.Class, d.Reason = Production, "configured production: "+o.Glob
	} else {
		d.Class, d.Reason = Configured, "configured non-production: "+o.Glob
	}
	return d, true
}

// matchDepth returns how many leading segments of segs the glob matches
// (the deepest match), or -1.
func matchDepth(glob string, segs []string) int {
	g := strings.TrimSuffix(strings.TrimPrefix(strings.ReplaceAll(strings.TrimSpace(glob), "\\", "/"), "./"), "/")
	if g == "" {
		return -1
	}
	if !strings.Contains(g, "/") {
		for i := len(segs) - 1; i >= 0; i-- {
			if ok, _ := path.Match(g, segs[i]); ok {
				return i + 1
			}
		}
		return -1
	}
	pat := strings.Split(g, "/")
	for n := len(segs); n >= 1; n-- {
		if matchSegs(pat, segs[:n]) {
			return n
		}
	}
	return -1
}

func matchSegs(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(segs); i++ {
				if matchSegs(pat[1:], segs[i:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], segs[0]); !ok {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0
}

// readFile reads a file of the tree, capped.
func (c *Classifier) readFile(rel string, max int64) ([]byte, error) {
	if c.root == "" {
		return nil, fmt.Errorf("no root")
	}
	return c.in.ReadFile(filepath.Join(c.root, filepath.FromSlash(rel)), max)
}

// placeholderDomain reports a package directory that is the reserved
// example domain (com/example, org/example, net/example), where real
// applications live: Spring Initializr generates com.example.demo.
func placeholderDomain(rel string) bool {
	segs := segments(rel)
	n := len(segs)
	if n < 2 || !strings.EqualFold(segs[n-1], "example") && !strings.EqualFold(segs[n-1], "demo") {
		return false
	}
	for i := n - 2; i >= 0 && i >= n-3; i-- {
		switch strings.ToLower(segs[i]) {
		case "com", "org", "net":
			return true
		}
	}
	return false
}

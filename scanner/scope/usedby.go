package scope

import (
	"bytes"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/kscan/kscan/internal/safefs"
)

// usedByReason is the reason of the decisions of the used-by index for a
// helper of its user's own package; the user's file is the decision's At.
const usedByReason = "helper that only set-aside code of its own package uses"

// usedByToolReason is the reason for a helper in a subpackage of a
// set-aside source's package (a GUI's manager classes, a generator's
// model), used by set-aside code alone.
const usedByToolReason = "helper that only set-aside code above its package uses"

// testSupportReason is the reason for a test-support class of a
// production source tree (com.foo.test.TestUtils, a FooTestCase base) and
// the helpers only it uses.
const testSupportReason = "test-support class (test package or *TestUtils-like name) that no production code uses"

// usedByIndex holds the production sources whose only users in the tree
// are set-aside sources, with the decision of their user.
//
// A user sets aside what it names in its own package (package-private
// helpers, the public classes of a tool's own package) and in the
// subpackages of its own package, in its source root (a GUI's manager
// package, a code generator's model). A public class of a sibling or
// parent package, which a library's users may call with no caller in the
// tree, stays production. Test-support classes of a production tree (in
// a package named test, tests, testing or testutil, or named like
// FooTestUtils, FooTestCase, FooTestSupport, FooTesting) are their own users: set
// aside, with what only they use, unless production code uses them.
type usedByIndex struct {
	set map[string]Decision
}

// usedByDecision decides a production source from its users in the tree.
func (c *Classifier) usedByDecision(rel string) (Decision, bool) {
	if c.root == "" {
		return Decision{}, false
	}
	c.usedOnce.Do(c.buildUsedByIndex)
	d, ok := c.used.set[rel]
	return d, ok
}

// Prepare builds the indexes that decide production sources by what
// else in the tree uses them (command-line tools, compile-time API
// trees, helpers only set-aside code uses), as the first decision that
// needs them would: a caller with a core to spare starts it before the
// sources are read.
// The decisions are the same whenever the indexes are built.
func (c *Classifier) Prepare() {
	if c.root == "" {
		return
	}
	c.toolOnce.Do(c.buildToolIndex)
	c.usedOnce.Do(c.buildUsedByIndex)
	// Both indexes are built: the walk's listing is read no more.
	c.mu.Lock()
	c.listing = nil
	c.mu.Unlock()
}

// usedSrc is a source of a production directory.
type usedSrc struct {
	rel, dir, pkg, name, fqn string
	srcRoot                  string   // directory its package path starts in
	rooted                   bool     // srcRoot is known (the path ends with the package)
	aside                    Decision // set aside by its content (Class != Production)
	imports                  []string
	toks                     map[string]bool
	main                     bool // declares a main method
}

// usedCand is a candidate: a production source only set-aside code may
// use, with the decision of its first user and the package below which
// that user may set helpers aside.
type usedCand struct {
	d    Decision
	root string
	// seed is the test-package source the candidate was reached from
	// (itself for one), nil when a set-aside source or a test-support name
	// vouches for it: a package named test is test support only when tests
	// or a test driver use it (a JMeter sampler in ...java.test ships).
	seed *usedSrc
	// from is the directory of the source the chain starts at; cross
	// marks a candidate outside that source's package, reached by an
	// import. Such a candidate stays aside only when most sources of from
	// are set aside: a tool's own package, not a product package that
	// holds a console class (org.apache.zookeeper's JLine completer).
	from  string
	cross bool
}

// testSupportSegs are package segments that name test support.
var testSupportSegs = setOf("test", "tests", "testing", "testutil", "testutils")

// testSupportSuffixes end the names of test-support classes.
var testSupportSuffixes = []string{"TestUtils", "TestUtil", "TestCase", "TestSupport", "TestHelper", "Testing"}

// testSupportRoot is the package below which a test-support source's
// helpers may be set aside: its own package for a source named like a
// test-support class (byName), else the package up to its test segment;
// ok is false for neither.
func testSupportRoot(pkg, name string) (root string, byName, ok bool) {
	for _, suf := range testSupportSuffixes {
		if strings.HasSuffix(name, suf) {
			return pkg, true, true
		}
	}
	segs := strings.Split(pkg, ".")
	for i, s := range segs {
		if i > 0 && testSupportSegs[strings.ToLower(s)] {
			return strings.Join(segs[:i+1], "."), false, true
		}
	}
	return "", false, false
}

// testSupportPath reports a path (directory and base name) that
// testSupportRoot may accept, before its head is read.
func testSupportPath(rel string) bool {
	name := strings.TrimSuffix(path.Base(rel), ".java")
	for _, suf := range testSupportSuffixes {
		if strings.HasSuffix(name, suf) {
			return true
		}
	}
	for _, s := range segments(path.Dir(rel)) {
		if testSupportSegs[strings.ToLower(s)] {
			return true
		}
	}
	return false
}

// under reports a package equal to root or below it.
func under(pkg, root string) bool {
	return pkg == root || root != "" && strings.HasPrefix(pkg, root+".")
}

// buildUsedByIndex finds the set-aside sources of production directories
// (by the heads of the sources of directories whose paths or bytes can
// set one aside) and the test-support sources, follows what they name to
// the candidates, then reads every production source for production uses
// of a candidate: what production code uses, and all such a candidate
// uses, stays production.
func (c *Classifier) buildUsedByIndex() {
	idx := &usedByIndex{set: map[string]Decision{}}
	c.used = idx
	var javas, others []string
	var javaAt []int // position of javas[i] in the production files
	isJava := map[string]bool{}
	byDir := map[string][]string{}
	for i, rel := range c.productionFiles() {
		if path.Ext(rel) == ".java" {
			javas = append(javas, rel)
			javaAt = append(javaAt, i)
			isJava[rel] = true
			byDir[path.Dir(rel)] = append(byDir[path.Dir(rel)], rel)
		} else {
			others = append(others, rel)
		}
	}
	parsed := map[string]*usedSrc{}
	skipped := map[string]bool{} // unreadable, or set aside by its directory
	// A user's identifiers are asked only for the names of the sources
	// (named below): it keeps those alone, and the sources' imports and
	// packages are kept once each. On a large tree the users' full sets
	// were most of the heap while the index was built.
	javaNames := make(map[string]bool, len(javas))
	for _, rel := range javas {
		javaNames[strings.TrimSuffix(path.Base(rel), ".java")] = true
	}
	kept := map[string]string{}
	keep := func(s string) string {
		if k, ok := kept[s]; ok {
			return k
		}
		k := strings.Clone(s) // without the slack of the builder that made it
		kept[k] = k
		return k
	}
	src := func(rel string) *usedSrc {
		if s := parsed[rel]; s != nil || skipped[rel] {
			return s
		}
		head, err := readHead(c.abs(rel)) // walked, not followed: inside the root
		if err != nil {
			skipped[rel] = true
			return nil
		}
		h := parseJavaHead(head)
		dir := path.Dir(rel)
		st := c.refine(c.dir(dir), dir, h.pkg)
		if !c.testPackage(st).Production() {
			skipped[rel] = true // set aside by its directory: neither user nor candidate
			return nil
		}
		for i, imp := range h.imports {
			h.imports[i] = keep(imp)
		}
		s := &usedSrc{rel: rel, dir: dir, pkg: keep(h.pkg), name: strings.TrimSuffix(path.Base(rel), ".java"), imports: slices.Clip(h.imports)}
		s.fqn = s.name
		if s.pkg != "" {
			s.fqn = s.pkg + "." + s.name
		}
		s.srcRoot, s.rooted = sourceRoot(dir, h.pkg)
		if d, ok := c.sourceSignals(rel, dir, path.Base(rel), ".java", h, st); ok && !d.Production() {
			s.aside = d
			s.aside.At = rel
		}
		parsed[rel] = s
		return s
	}
	// Only the directories with a source whose name, head bytes or tool
	// package can set it aside are parsed: a byte search is a fraction of
	// a parse.
	marked := map[string]bool{}
	var tests []string
	for _, rel := range javas {
		if testSupportPath(rel) {
			tests = append(tests, rel)
		}
		dir := path.Dir(rel)
		if marked[dir] {
			continue
		}
		if toolCandidate(dir) {
			marked[dir] = true
			continue
		}
		if _, ok := fileNameRule(path.Base(rel), ".java", c.dir(dir).main); ok {
			marked[dir] = true
		}
	}
	// The sources of those directories are parsed first: a tool
	// package's ask for the tool index, whose pass over the other
	// sources marks their heads, so that the heads below are not read
	// again. (It is built for the same sources as when they were parsed
	// after the heads: src is the same whenever it is called.)
	for _, rel := range javas {
		if marked[path.Dir(rel)] {
			src(rel)
		}
	}
	var marks []uint8
	if m := c.marks.Load(); m != nil {
		marks = *m
	}
	for i, rel := range javas {
		dir := path.Dir(rel)
		if marked[dir] {
			continue
		}
		mark := uint8(0)
		if marks != nil {
			mark = marks[javaAt[i]]
		}
		if mark == 0 {
			c.headReads.Add(1)
			if head, err := readHead(c.abs(rel)); err == nil {
				mark = headMark(head)
			}
		}
		if mark == markAside {
			marked[dir] = true
		}
	}
	// Users: the set-aside sources, with the package below which they may
	// set helpers aside; the test-support sources are candidates and users
	// at once.
	var users, seeds []*usedSrc
	cand := map[*usedSrc]usedCand{}
	for _, rel := range javas {
		if !marked[path.Dir(rel)] {
			continue
		}
		if s := src(rel); s != nil && !s.aside.Production() {
			users = append(users, s)
		}
	}
	for _, rel := range tests {
		s := src(rel)
		if s == nil || !s.aside.Production() {
			continue
		}
		if root, byName, ok := testSupportRoot(s.pkg, s.name); ok {
			uc := usedCand{d: Decision{Class: TestSupport, Reason: testSupportReason, At: s.rel}, root: root, from: s.dir}
			if !byName {
				uc.seed = s
				seeds = append(seeds, s)
			}
			cand[s] = uc
			users = append(users, s)
		}
	}
	if len(users) == 0 {
		return
	}
	read := func(s *usedSrc) bool {
		if s.toks != nil {
			return true
		}
		l, err := safefs.ReadLent(c.abs(s.rel), safefs.MaxSource) // walked, not followed: inside the root
		if err != nil {
			return false
		}
		body := blankCommentsAndLiterals(l.Data)
		l.Release()
		s.toks = map[string]bool{}
		for w := range identifiers(body) {
			if javaNames[w] {
				s.toks[w] = true
			}
		}
		s.main = hasMain(body)
		return true
	}
	// named lists the production sources u names that it may set aside:
	// of its own package by simple name, of a package below root in its
	// source root by import.
	named := func(u *usedSrc, root string) []*usedSrc {
		var out []*usedSrc
		for _, rel := range byDir[u.dir] {
			if s := src(rel); s != nil && s != u && s.aside.Production() && s.pkg == u.pkg && u.toks[s.name] {
				out = append(out, s)
			}
		}
		if !u.rooted || root == "" {
			return out
		}
		base := u.srcRoot
		if base != "" {
			base += "/"
		}
		for _, imp := range u.imports {
			if strings.HasSuffix(imp, ".*") {
				pkg := strings.TrimSuffix(imp, ".*")
				if pkg == u.pkg || !under(pkg, root) {
					continue
				}
				for _, rel := range byDir[base+strings.ReplaceAll(pkg, ".", "/")] {
					if s := src(rel); s != nil && s.aside.Production() && s.pkg == pkg && u.toks[s.name] {
						out = append(out, s)
					}
				}
				continue
			}
			// a class, or a member or nested class of one: the longest
			// prefix that is a source of the tree
			for q := imp; strings.IndexByte(q, '.') > 0; q = q[:strings.LastIndexByte(q, '.')] {
				rel := base + strings.ReplaceAll(q, ".", "/") + ".java"
				if !isJava[rel] {
					continue
				}
				if s := src(rel); s != nil && s.aside.Production() && s.pkg != u.pkg && under(s.pkg, root) && s.fqn == q {
					out = append(out, s)
				}
				break
			}
		}
		return out
	}
	// counts tells how many sources of a directory are set aside (by
	// their content or as candidates) and how many are not; package-info
	// and module-info declare no class.
	counts := func(dir string, aside func(*usedSrc) bool) (in, out int) {
		for _, rel := range byDir[dir] {
			if b := path.Base(rel); b == "package-info.java" || b == "module-info.java" {
				continue
			}
			if s := parsed[rel]; s == nil && skipped[rel] || s != nil && (!s.aside.Production() || aside(s)) {
				in++
			} else {
				out++
			}
		}
		return in, out
	}
	// Discovery, in two passes: helpers of the users' own packages first;
	// then imports into subpackages, only from a directory at least half
	// set aside by then (a product package with one console class is not
	// read through).
	discover := func(stack []*usedSrc, cross func(dir string) bool) {
		// Users in path order, so that a candidate named by several takes
		// the same user every run.
		sort.Slice(stack, func(i, j int) bool { return stack[i].rel > stack[j].rel })
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !read(u) {
				continue
			}
			from := usedCand{d: u.aside, root: u.pkg, from: u.dir}
			if uc, ok := cand[u]; ok {
				from = uc
			}
			root := ""
			if cross(from.from) {
				root = from.root
			}
			d := from.d
			for _, s := range named(u, root) {
				if _, ok := cand[s]; ok {
					continue
				}
				sd := Decision{Class: d.Class, Reason: usedByReason, At: d.At}
				switch {
				case d.Reason == testSupportReason:
					sd.Reason = testSupportReason
				case s.pkg != u.pkg || d.Reason == usedByToolReason:
					sd.Reason = usedByToolReason
				}
				cand[s] = usedCand{d: sd, root: from.root, seed: from.seed, from: from.from, cross: from.cross || s.pkg != u.pkg}
				stack = append(stack, s)
			}
		}
	}
	discover(append([]*usedSrc(nil), users...), func(string) bool { return false })
	isCand := func(s *usedSrc) bool { _, ok := cand[s]; return ok }
	tool := map[string]bool{}
	var again []*usedSrc
	for _, u := range users {
		if _, ok := tool[u.dir]; !ok {
			in, out := counts(u.dir, isCand)
			tool[u.dir] = in >= out
		}
		if tool[u.dir] {
			again = append(again, u)
		}
	}
	for s, uc := range cand {
		if tool[uc.from] && !uc.cross {
			again = append(again, s)
		}
	}
	discover(again, func(dir string) bool { return tool[dir] })
	if len(cand) == 0 {
		return
	}
	byName := map[string][]*usedSrc{}
	for s := range cand {
		byName[s.name] = append(byName[s.name], s)
	}
	// Uses from outside the set-aside code: same package by simple name,
	// other packages by qualified name (an import, a quoted name for
	// reflection, a META-INF/services line) or a wildcard import. A
	// candidate's use is an edge: it counts once the candidate is used.
	// The files are read by the scan's workers at once: every other
	// worker waits for this index. used and edges are shared (mu); each
	// source appends only its own edges, in its own order, and the set of
	// used candidates does not depend on the order files are read in.
	used := map[*usedSrc]bool{}
	edges := map[*usedSrc][]*usedSrc{}
	var mu sync.Mutex
	isUsed := func(s *usedSrc) bool {
		mu.Lock()
		defer mu.Unlock()
		return used[s]
	}
	words := newWordSet(byName)
	check := func(rel, pkg string, data []byte, self *usedSrc) {
		_, selfCand := cand[self]
		var toks map[string]bool
		var mine []*usedSrc
		names := namesIn(data, words)
		for _, name := range names {
			cs := byName[name]
			for _, s := range cs {
				if s == self || (!selfCand && isUsed(s)) {
					continue
				}
				uses := containsName(data, s.fqn)
				if !uses {
					if toks == nil {
						toks = segmentsIn(data, names)
					}
					uses = toks[s.name] && ((pkg == s.pkg && rel != "") || bytes.Contains(data, []byte(s.pkg+".*")))
				}
				switch {
				case !uses:
				case selfCand:
					mine = append(mine, s)
				default:
					mu.Lock()
					used[s] = true
					mu.Unlock()
				}
			}
		}
		if len(mine) > 0 {
			mu.Lock()
			edges[self] = append(edges[self], mine...)
			mu.Unlock()
		}
	}
	c.each(len(javas), func(i int) {
		rel := javas[i]
		s := parsed[rel]
		if s != nil && !s.aside.Production() {
			return // a set-aside source's uses keep nothing in production
		}
		l, err := safefs.ReadLent(c.abs(rel), safefs.MaxSource)
		if err != nil {
			return
		}
		defer l.Release()
		data := l.Data
		pkg := ""
		if s != nil {
			pkg = s.pkg
		} else {
			pkg = parseJavaHead(data).pkg
		}
		check(rel, pkg, data, s)
	})
	c.each(len(others), func(i int) {
		rel := others[i]
		l, err := safefs.ReadLent(c.abs(rel), safefs.MaxSource)
		if err != nil {
			return
		}
		defer l.Release()
		data := l.Data
		pkg := ""
		if toolSourceExts[path.Ext(rel)] {
			h := parseJavaHead(data)
			if d, ok := javaSignals(h, false); ok && !d.Production() {
				return
			}
			pkg = h.pkg
		} else {
			rel = "" // a services file names classes qualified only
		}
		check(rel, pkg, data, nil)
	})
	// What production code uses is production, and so is all it uses.
	var todo []*usedSrc
	for s := range used {
		todo = append(todo, s)
	}
	for len(todo) > 0 {
		a := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		for _, b := range edges[a] {
			if !used[b] {
				used[b] = true
				todo = append(todo, b)
			}
		}
	}
	// A test package's sources are test support once a test driver of
	// theirs (a main method) or a test names them, and so is what such a
	// source uses.
	vouched := map[*usedSrc]bool{}
	var more []*usedSrc
	for _, s := range seeds {
		if s.main {
			vouched[s] = true
			more = append(more, s)
		}
	}
	if len(seeds) > len(more) {
		for _, s := range c.namedByTests(seeds) {
			if !vouched[s] {
				vouched[s] = true
				more = append(more, s)
			}
		}
	}
	for len(more) > 0 {
		a := more[len(more)-1]
		more = more[:len(more)-1]
		for _, b := range edges[a] {
			if cand[b].seed != nil && !vouched[cand[b].seed] {
				vouched[cand[b].seed] = true
				more = append(more, cand[b].seed)
			}
		}
	}
	aside := func(s *usedSrc) bool {
		uc, ok := cand[s]
		return ok && !used[s] && (uc.seed == nil || vouched[uc.seed])
	}
	// Helpers of other packages stay aside only below a tool package: one
	// at least half of whose sources are set aside (a GUI beside a class
	// no one names). Each helper put back in production
	// keeps what it uses there too, which may put back more.
	toolDir := map[string]bool{}
	for changed := true; changed; {
		changed = false
		for k := range toolDir {
			delete(toolDir, k)
		}
		isTool := func(dir string) bool {
			v, ok := toolDir[dir]
			if !ok {
				in, out := counts(dir, aside)
				v = in >= out
				toolDir[dir] = v
			}
			return v
		}
		var back []*usedSrc
		for s, uc := range cand {
			if uc.cross && aside(s) && !isTool(uc.from) {
				back = append(back, s)
			}
		}
		for len(back) > 0 {
			a := back[len(back)-1]
			back = back[:len(back)-1]
			if used[a] {
				continue
			}
			used[a] = true
			changed = true
			back = append(back, edges[a]...)
		}
	}
	for s, uc := range cand {
		if aside(s) {
			idx.set[s.rel] = uc.d
		}
	}
}

// namedByTests returns the sources a test-scope Java source of the tree
// names: by qualified name, or by simple name with a wildcard import of
// its package or from its own package. The walk lists the test sources;
// the workers read them at once (a large tree's tests are most of its
// files), and stop reading once every source was found named.
func (c *Classifier) namedByTests(srcs []*usedSrc) []*usedSrc {
	byName := map[string][]*usedSrc{}
	for _, s := range srcs {
		byName[s.name] = append(byName[s.name], s)
	}
	words := newWordSet(byName)
	var tests []string
	c.walkFiles(func(string) bool { return true }, func(p, rel, base string) bool {
		if !strings.HasSuffix(base, ".java") || c.Dir(path.Dir(rel)).Class != Test {
			return false
		}
		tests = append(tests, p)
		return true
	}, nil)
	var mu sync.Mutex
	found := map[*usedSrc]bool{}
	var all atomic.Bool
	isFound := func(s *usedSrc) bool {
		mu.Lock()
		defer mu.Unlock()
		return found[s]
	}
	c.each(len(tests), func(i int) {
		if all.Load() {
			return
		}
		l, err := safefs.ReadLent(tests[i], safefs.MaxSource) // walked, not followed: inside the root
		if err != nil {
			return
		}
		defer l.Release()
		data := l.Data
		var toks map[string]bool
		var pkg string
		for _, name := range namesIn(data, words) {
			for _, s := range byName[name] {
				if isFound(s) {
					continue
				}
				uses := containsName(data, s.fqn)
				if !uses {
					if toks == nil {
						toks = identifiers(data)
						pkg = parseJavaHead(data).pkg
					}
					uses = toks[s.name] && (pkg == s.pkg || bytes.Contains(data, []byte(s.pkg+".*")))
				}
				if uses {
					mu.Lock()
					found[s] = true
					all.Store(len(found) == len(srcs))
					mu.Unlock()
				}
			}
		}
	})
	out := make([]*usedSrc, 0, len(found))
	for _, s := range srcs {
		if found[s] {
			out = append(out, s)
		}
	}
	return out
}

// asideMarks are byte strings one of which the head of every source that
// javaSignals sets aside holds (its imports, its superclass, its package).
var asideMarks = [][]byte{[]byte("org.apache.maven"), []byte("org.apache.tools.ant"), []byte("javax.annotation.processing"),
	[]byte("TestCase"), []byte("javadoc"), []byte("doclets"), []byte("org.gradle.api"), []byte("javax.swing"), []byte("java.awt"),
	[]byte("jline"), []byte("org.openjdk.jmh"), []byte("com.google.caliper"), []byte("org.junit"), []byte("junit.framework"),
	[]byte("org.testng"), []byte("package test"), []byte("package sample"), []byte("package Test"), []byte("package Sample")}

// Head marks: whether a source's head holds one of asideMarks.
const (
	markAside uint8 = 1 + iota
	markNone
)

// headMark is the mark of a head.
func headMark(head []byte) uint8 {
	if asideMarked(head) {
		return markAside
	}
	return markNone
}

// asideMarked reports a head that holds one of asideMarks.
func asideMarked(head []byte) bool {
	for _, g := range markGroups {
		for off := 0; off < len(head); {
			i := bytes.Index(head[off:], g.prefix)
			if i < 0 {
				break
			}
			rest := head[off+i+len(g.prefix):]
			for _, s := range g.rests {
				if bytes.HasPrefix(rest, s) {
					return true
				}
			}
			off += i + 1
		}
	}
	return false
}

// markGroups are asideMarks by a prefix they share: a mark is in a head
// where one of its group's prefixes is followed by its rest. One search
// for "org." and one for "java" stand for ten of the marks' searches.
var markGroups = func() []markGroup {
	prefixes := [][]byte{[]byte("org."), []byte("java"), []byte("package ")}
	var gs []markGroup
	for _, p := range prefixes {
		gs = append(gs, markGroup{prefix: p})
	}
	for _, m := range asideMarks {
		k := slices.IndexFunc(prefixes, func(p []byte) bool { return bytes.HasPrefix(m, p) })
		if k < 0 {
			gs = append(gs, markGroup{prefix: m, rests: [][]byte{nil}})
			continue
		}
		gs[k].rests = append(gs[k].rests, m[len(prefixes[k]):])
	}
	return gs
}()

type markGroup struct {
	prefix []byte
	rests  [][]byte
}

// wordSet is a set of names with what lets namesIn pass over most words
// without a map look-up: the bytes the names start with and their
// lengths (class names: most words of code, starting lower-case, are
// none of them).
type wordSet struct {
	m     map[string][]*usedSrc
	first [256]bool
	lens  [65]bool // by length; 64 for 64 and more
}

func newWordSet(m map[string][]*usedSrc) *wordSet {
	w := &wordSet{m: m}
	for name := range m {
		if name != "" {
			w.first[name[0]] = true
		}
		w.lens[min(len(name), 64)] = true
	}
	return w
}

// identByte classifies bytes: identStart, identPart, and spaceOrSlash
// (where skipSpace may move).
var identByte = func() (t [256]uint8) {
	for b := range 256 {
		if isIdentStart(byte(b)) {
			t[b] |= identStart
		}
		if isIdentPart(byte(b)) {
			t[b] |= identPart
		}
	}
	for _, b := range []byte(" \t\n\r\f/") {
		t[b] |= spaceOrSlash
	}
	return t
}()

const (
	identStart uint8 = 1 << iota
	identPart
	spaceOrSlash
)

// namesIn returns the names that occur in data as words, each once, in
// one pass over data whatever the number of names.
func namesIn(data []byte, names *wordSet) []string {
	var out []string
	var seen map[string]bool
	for i := 0; i < len(data); {
		if identByte[data[i]]&identStart == 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(data) && identByte[data[j]]&identPart != 0 {
			j++
		}
		if !names.first[data[i]] || !names.lens[min(j-i, 64)] {
			i = j
			continue
		}
		if _, ok := names.m[string(data[i:j])]; ok {
			w := string(data[i:j])
			if seen == nil {
				seen = map[string]bool{}
			}
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
		i = j
	}
	return out
}

// segmentsIn returns which of names (words without dots) identifiers(src)
// holds: the segments of the possibly qualified names it reads, found the
// same way, without building the names or the set of all of them.
func segmentsIn(src []byte, names []string) map[string]bool {
	out := make(map[string]bool, len(names))
	// skip is skipSpace, called only where it may move (a space or a
	// comment's slash): it is most of the words' ends.
	skip := func(i int) int {
		if i < len(src) && identByte[src[i]]&spaceOrSlash != 0 {
			return skipSpace(src, i)
		}
		return i
	}
	n := len(src)
	for i := 0; i < n; {
		if identByte[src[i]]&identStart == 0 || (i > 0 && identByte[src[i-1]]&identPart != 0) {
			i++
			continue
		}
		// as ident: segments joined by dots with spaces or comments around
		for {
			j := i + 1
			for j < n && identByte[src[j]]&identPart != 0 {
				j++
			}
			for _, name := range names {
				if len(name) == j-i && string(src[i:j]) == name {
					out[name] = true
				}
			}
			if k := skip(j); k < n && src[k] == '.' {
				if m := skip(k + 1); m < n && identByte[src[m]]&identStart != 0 {
					i = m
					continue
				}
			}
			i = j
			break
		}
	}
	return out
}

package scope

import (
	"bytes"
	"path"
	"sort"
	"strings"

	"github.com/kscan/kscan/internal/safefs"
)

// usedByReason is the reason of every decision of the used-by index; the
// user's file is the decision's At.
const usedByReason = "helper that only set-aside code of its own package uses"

// usedByIndex holds the production sources whose only users in the tree
// are set-aside sources (a GUI, an Ant task, a command-line tool) of their
// own package, with the decision of their user.
//
// The user must be in the same package: that covers package-private
// helpers (only their package can name them) and the public classes of a
// tool's own package (a preprocessor its Ant task drives), while a public
// class of another package, which a library's users may call with no
// caller in the tree, stays production.
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

// usedSrc is a source of a production directory.
type usedSrc struct {
	rel, dir, pkg, name, fqn string
	aside                    Decision // set aside by its content (Class != Production)
	toks                     map[string]bool
}

// buildUsedByIndex reads the heads of the sources of production
// directories to find the set-aside ones, then the set-aside sources whole
// for the classes of their directory they name, and, only when there are
// such classes, the other sources for production uses of them.
func (c *Classifier) buildUsedByIndex() {
	idx := &usedByIndex{set: map[string]Decision{}}
	c.used = idx
	var javas, others []string
	c.walkProduction(func(rel, name string) bool {
		switch ext := path.Ext(name); {
		case ext == ".java":
			javas = append(javas, rel)
		case toolSourceExts[ext] || strings.Contains(rel, "META-INF/services/"):
			others = append(others, rel)
		default:
			return false
		}
		return true
	})
	// Only the directories with a source whose name, head bytes or tool
	// package can set it aside are parsed: a byte search is a fraction of
	// a parse.
	marked := map[string]bool{}
	for _, rel := range javas {
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
			continue
		}
		head, err := readHead(c.abs(rel)) // walked, not followed: inside the root
		if err == nil && asideMarked(head) {
			marked[dir] = true
		}
	}
	var srcs []*usedSrc
	asideDirs := map[string]bool{}
	for _, rel := range javas {
		if !marked[path.Dir(rel)] {
			continue
		}
		head, err := readHead(c.abs(rel))
		if err != nil {
			continue
		}
		h := parseJavaHead(head)
		dir := path.Dir(rel)
		s := &usedSrc{rel: rel, dir: dir, pkg: h.pkg, name: strings.TrimSuffix(path.Base(rel), ".java")}
		s.fqn = s.name
		if s.pkg != "" {
			s.fqn = s.pkg + "." + s.name
		}
		st := c.refine(c.dir(dir), dir, h.pkg)
		if !st.d.Production() {
			continue // set aside by its directory: not among the candidates
		}
		if d, ok := c.sourceSignals(rel, dir, path.Base(rel), ".java", h, st); ok && !d.Production() {
			s.aside = d
		}
		if !s.aside.Production() {
			s.aside.At = rel
			asideDirs[dir] = true
		}
		srcs = append(srcs, s)
	}
	if len(asideDirs) == 0 {
		return
	}
	read := func(s *usedSrc) bool {
		if s.toks != nil {
			return true
		}
		data, err := safefs.ReadFile(c.abs(s.rel), safefs.MaxSource) // walked, not followed: inside the root
		if err != nil {
			return false
		}
		s.toks = identifiers(blankCommentsAndLiterals(data))
		return true
	}
	// Candidates: production sources of a directory with set-aside
	// sources, named by one of them or by another candidate.
	byDir := map[string][]*usedSrc{}
	for _, s := range srcs {
		if asideDirs[s.dir] {
			byDir[s.dir] = append(byDir[s.dir], s)
		}
	}
	cand := map[*usedSrc]Decision{} // candidate -> decision of its first user
	edges := map[*usedSrc][]*usedSrc{}
	dirs := make([]string, 0, len(byDir))
	for d := range byDir {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for _, d := range dirs {
		group := byDir[d]
		var stack []*usedSrc
		for _, u := range group {
			if u.aside.Production() || !read(u) {
				continue
			}
			for _, s := range group {
				if _, ok := cand[s]; !ok && s.aside.Production() && s.pkg == u.pkg && u.toks[s.name] {
					cand[s] = u.aside
					stack = append(stack, s)
				}
			}
		}
		for len(stack) > 0 {
			a := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !read(a) {
				continue
			}
			for _, s := range group {
				if s != a && s.aside.Production() && s.pkg == a.pkg && a.toks[s.name] {
					edges[a] = append(edges[a], s)
					if _, ok := cand[s]; !ok {
						cand[s] = cand[a]
						stack = append(stack, s)
					}
				}
			}
		}
	}
	if len(cand) == 0 {
		return
	}
	byName := map[string][]*usedSrc{}
	for s := range cand {
		byName[s.name] = append(byName[s.name], s)
	}
	// Production uses from outside the candidates: same package by simple
	// name, other packages by qualified name (an import, a quoted name for
	// reflection, a META-INF/services line) or a wildcard import.
	used := map[*usedSrc]bool{}
	check := func(rel, pkg string, data []byte, self *usedSrc) {
		var toks map[string]bool
		for name, cs := range byName {
			if !bytes.Contains(data, []byte(name)) {
				continue
			}
			for _, s := range cs {
				if used[s] || s == self {
					continue
				}
				if _, isCand := cand[self]; isCand && self != nil && self.pkg == s.pkg && self.dir == s.dir {
					continue // a candidate's use is an edge, followed below
				}
				if containsName(data, s.fqn) {
					used[s] = true
					continue
				}
				if toks == nil {
					toks = identifiers(data)
				}
				if toks[s.name] && ((pkg == s.pkg && rel != "") || bytes.Contains(data, []byte(s.pkg+".*"))) {
					used[s] = true
				}
			}
		}
	}
	parsed := map[string]*usedSrc{}
	for _, s := range srcs {
		parsed[s.rel] = s
	}
	for _, rel := range javas {
		s := parsed[rel]
		if s != nil && !s.aside.Production() {
			continue // a set-aside source's uses keep nothing in production
		}
		data, err := safefs.ReadFile(c.abs(rel), safefs.MaxSource)
		if err != nil || !namesAny(data, byName) {
			continue
		}
		pkg := ""
		if s != nil {
			pkg = s.pkg
		} else {
			pkg = parseJavaHead(data).pkg
		}
		check(rel, pkg, data, s)
	}
	for _, rel := range others {
		data, err := safefs.ReadFile(c.abs(rel), safefs.MaxSource)
		if err != nil {
			continue
		}
		pkg := ""
		if toolSourceExts[path.Ext(rel)] {
			h := parseJavaHead(data)
			if d, ok := javaSignals(h, false); ok && !d.Production() {
				continue
			}
			pkg = h.pkg
		} else {
			rel = "" // a services file names classes qualified only
		}
		check(rel, pkg, data, nil)
	}
	// What production code uses is production, and so is all it uses.
	var stack []*usedSrc
	for s := range used {
		stack = append(stack, s)
	}
	for len(stack) > 0 {
		a := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, b := range edges[a] {
			if !used[b] {
				used[b] = true
				stack = append(stack, b)
			}
		}
	}
	for s, d := range cand {
		if !used[s] {
			idx.set[s.rel] = Decision{Class: d.Class, Reason: usedByReason, At: d.At}
		}
	}
}

// asideMarks are byte strings one of which the head of every source that
// javaSignals sets aside holds (its imports, its superclass, its package).
var asideMarks = [][]byte{[]byte("org.apache.maven"), []byte("org.apache.tools.ant"), []byte("javax.annotation.processing"),
	[]byte("TestCase"), []byte("javadoc"), []byte("doclets"), []byte("org.gradle.api"), []byte("javax.swing"), []byte("java.awt"),
	[]byte("jline"), []byte("org.openjdk.jmh"), []byte("com.google.caliper"), []byte("org.junit"), []byte("junit.framework"),
	[]byte("org.testng"), []byte("package test"), []byte("package sample"), []byte("package Test"), []byte("package Sample")}

// asideMarked reports a head that holds one of asideMarks.
func asideMarked(head []byte) bool {
	for _, m := range asideMarks {
		if bytes.Contains(head, m) {
			return true
		}
	}
	return false
}

// namesAny reports a source that holds one of the names.
func namesAny(data []byte, names map[string][]*usedSrc) bool {
	for n := range names {
		if bytes.Contains(data, []byte(n)) {
			return true
		}
	}
	return false
}

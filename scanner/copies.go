package scanner

import (
	"sort"
	"strings"

	"github.com/kscan/kscan/scanner/finding"
)

// mergeSourceCopies reports once a hazard that several source files of the
// tree hold because they define the same class: Bouncy Castle keeps a
// variant of some classes for each old JDK and for J2ME beside
// src/main/java, a multi-release library one for each Java version. The
// findings of one rule with the same message in copies of one class are one
// finding, at the copy in a main source set (src/main/java) or else the
// first by path; the other copies are its related locations, so that a
// change to any of them still meets the changed-lines gate. Copies are
// files placed as their class's package and name say, in different source
// roots.
func mergeSourceCopies(fs []finding.Finding) []finding.Finding {
	type key struct{ rule, class, msg string }
	groups := map[key][]int{}
	var order []key
	for i := range fs {
		f := &fs[i]
		// A finding with an edit stays with each copy: each needs it.
		if f.Class == "" || f.Entry != "" || len(f.Fixes) > 0 || !inSourceRoot(f.Path, f.Class) {
			continue
		}
		k := key{f.RuleID, f.Class, f.Message}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	drop := map[int]bool{}
	for _, k := range order {
		idx := groups[k]
		if len(idx) < 2 {
			continue
		}
		sort.SliceStable(idx, func(a, b int) bool { return copyRank(fs[idx[a]].Path, fs[idx[b]].Path) })
		keep := &fs[idx[0]]
		for _, i := range idx[1:] {
			if fs[i].Path == keep.Path {
				continue // two findings of one file: not copies
			}
			keep.Related = append(keep.Related, finding.Location{Path: fs[i].Path, Region: fs[i].Region, Message: "the same class, another source tree"})
			drop[i] = true
		}
	}
	if len(drop) == 0 {
		return fs
	}
	out := fs[:0]
	for i := range fs {
		if !drop[i] {
			out = append(out, fs[i])
		}
	}
	return out
}

// copyRank orders the copies of a class: a main source set's first, then
// the shorter path, then by path.
func copyRank(a, b string) bool {
	ma, mb := strings.Contains("/"+a, "/src/main/java/"), strings.Contains("/"+b, "/src/main/java/")
	if ma != mb {
		return ma
	}
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// inSourceRoot reports a source file placed where its class's package and
// name put it: .../org/x/Foo.java for org.x.Foo (or a class nested in it).
func inSourceRoot(path, class string) bool {
	if !strings.HasSuffix(path, ".java") {
		return false
	}
	top := class
	if i := strings.IndexByte(top, '$'); i >= 0 {
		top = top[:i]
	}
	want := strings.ReplaceAll(top, ".", "/") + ".java"
	return path == want || strings.HasSuffix(path, "/"+want)
}

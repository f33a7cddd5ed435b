package rules

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// Two more reads that only bound a cache (see evictionBound): a clamp of
// the size a static cache is then made with (`if (size > max) { size =
// max; } names = new String[size];`, `n = Math.min(n, max)`), and the
// count after which a static cache is built or trained (`if (seen >
// trainAfter) { train(); }`, the branch filling a static container or
// array of the class and doing nothing else a caller sees). Either only
// decides how much or when the library caches. A clamped size handed back
// to callers, or a count past which a call fails or a switch turns, stays
// a finding.

// clampRead reports a read of f at offset at inside a clamp whose result
// sizes a static container or array of f's class in the same method.
func clampRead(file *facts.File, src []byte, f *facts.Field, at int) bool {
	m := methodAt(file, at)
	if m == nil || m.Decl.Start < 0 || m.Decl.End > len(src) {
		return false
	}
	body := string(src[m.Decl.Start:m.Decl.End])
	rel := at - m.Decl.Start
	name := regexp.QuoteMeta(f.Name)
	q := `(?:(?:this|` + regexp.QuoteMeta(simpleName(f.Class)) + `)\s*\.\s*)?` + name + `\b`
	forms := []*regexp.Regexp{
		// if (v > F) { v = F; }
		regexp.MustCompile(`\bif\s*\(\s*([\w$]+)\s*>=?\s*` + q + `\s*\)\s*\{?\s*([\w$]+)\s*=\s*` + q + `\s*;\s*\}?`),
		// v = Math.min(v, F) / Math.min(F, v)
		regexp.MustCompile(`\b([\w$]+)\s*=\s*Math\s*\.\s*min\s*\(\s*(?:[\w$]+\s*,\s*` + q + `|` + q + `\s*,\s*[\w$]+)\s*\)\s*;`),
	}
	for i, re := range forms {
		for _, loc := range re.FindAllStringSubmatchIndex(body, -1) {
			if rel < loc[0] || rel >= loc[1] {
				continue
			}
			v := body[loc[2]:loc[3]]
			if i == 0 && body[loc[4]:loc[5]] != v {
				return false
			}
			return sizesStaticCache(file, f.Class, body[loc[1]:], v)
		}
	}
	return false
}

// sizesStaticCache reports a static container or array field of class
// assigned, in rest, a new one sized by the local v.
func sizesStaticCache(file *facts.File, class, rest, v string) bool {
	re := regexp.MustCompile(`(?:^|[^\w$.])([\w$]+)\s*=\s*new\s+[\w.$]+\s*(?:<[^()]*>)?\s*(?:\[\s*` + regexp.QuoteMeta(v) + `\s*\]|\(\s*` + regexp.QuoteMeta(v) + `\s*[,)])`)
	for _, sm := range re.FindAllStringSubmatch(rest, -1) {
		if staticCacheField(file, class, sm[1]) {
			return true
		}
		// made in a local first: String[] c = new String[size]; ... CACHE = c;
		kept := regexp.MustCompile(`(?:^|[^\w$.])([\w$]+)\s*=\s*` + regexp.QuoteMeta(sm[1]) + `\s*;`)
		for _, k := range kept.FindAllStringSubmatch(rest, -1) {
			if staticCacheField(file, class, k[1]) {
				return true
			}
		}
	}
	return false
}

// staticCacheField reports a static container or array of class named
// name.
func staticCacheField(file *facts.File, class, name string) bool {
	for i := range file.Fields {
		fd := &file.Fields[i]
		if fd.Static && fd.Class == class && fd.Name == name && (isContainer(fd) || isArray(fd)) {
			return true
		}
	}
	return false
}

// thresholdRead reports a read of f in an if condition comparing a count
// with it, whose branch (with no else) only builds or fills a static cache
// of f's class, itself or through the class's methods it calls.
func thresholdRead(file *facts.File, src []byte, f *facts.Field, at int) bool {
	open := enclosingHeader(src, at)
	if open < 0 || !strings.HasSuffix(strings.TrimSpace(string(src[max(0, open-8):open])), "if") {
		return false
	}
	close, _, body, ok := comparedIn(src, open, at)
	if !ok || body == nil || elseAfterRE.Match(src[close+1+len(body)+countSpace(src[close+1:]):]) {
		return false
	}
	b := string(body)
	if strings.Contains(b, "throw ") || exitsBranchRE.MatchString(b) {
		return false
	}
	// Every static field the branch assigns must be a cache.
	for _, sm := range assignedNameRE.FindAllStringSubmatch(b, -1) {
		if fd := staticFields(file)[f.Class+"#"+sm[1]]; fd != nil && !isContainer(fd) && !isArray(fd) {
			return false
		}
	}
	var caches []string
	for i := range file.Fields {
		fd := &file.Fields[i]
		if fd.Static && fd.Class == f.Class && (isContainer(fd) || isArray(fd)) {
			caches = append(caches, fd.Name)
		}
	}
	return len(caches) > 0 && fillsCache(file, src, f.Class, b, caches, 2)
}

var (
	elseAfterRE    = lazyRE(`^\s*else\b`)
	assignedNameRE = lazyRE(`(?:^|[^\w$.])([\w$]+)\s*(?:=[^=]|\+\+|--|[-+*/|&]=)`)
)

func countSpace(b []byte) int {
	n := 0
	for n < len(b) && isSpaceByte(b[n]) {
		n++
	}
	return n
}

// fillsCache reports a body that fills or builds one of caches, itself or
// through the methods of class it calls (depth levels down).
func fillsCache(file *facts.File, src []byte, class, body string, caches []string, depth int) bool {
	for _, c := range caches {
		if regexp.MustCompile(`(?:^|[^\w$.])` + regexp.QuoteMeta(c) + `\s*(?:\[[^\]]*\]\s*=[^=]|=[^=]|\.\s*(?:put|putIfAbsent|computeIfAbsent|add|addAll|putAll)\s*\()`).MatchString(body) {
			return true
		}
	}
	if depth == 0 {
		return false
	}
	for _, m := range file.Methods {
		if m.Class != class || m.Name == "" || m.Decl.Start < 0 || m.Decl.End > len(src) || !callsName([]byte(body), m.Name) {
			continue
		}
		mb := string(src[m.Decl.Start:m.Decl.End])
		if mb != body && fillsCache(file, src, class, mb, caches, depth-1) {
			return true
		}
	}
	return false
}

// exitsBranchRE finds a return or break: a branch that leaves decides more
// than when a cache is built.
var exitsBranchRE = lazyRE(`\breturn\b|\bbreak\b`)

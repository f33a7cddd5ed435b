package rules

import (
	"bytes"
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
	m := file.MethodAround(at)
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
// with it, whose branch only builds or fills a static cache of f's class,
// itself or through the class's methods it calls, and whose else, if any,
// only trains it (counts, records what it saw in the cache's statistics):
// `if (seen > trainAfter) { seen = 0; build(); } else { seen++;
// STATS.put(k, n); }`. Neither branch may leave (return, break, throw) or
// assign anything but the compared count, the class's static containers
// and arrays, and locals the branch declares: the threshold then decides
// only when the cache is built, never what the method does or returns.
func thresholdRead(file *facts.File, src []byte, f *facts.Field, at int) bool {
	close, clause, body, ok := comparedInIf(src, at)
	if !ok {
		return false
	}
	var elseBody []byte
	after := branchEnd(src, close, body)
	if loc := elseAfterRE.FindStringIndex(string(src[after:min(len(src), after+16)])); loc != nil {
		elseBody = guardedBody(src, after+loc[1])
		if elseBody == nil || bytes.HasPrefix(bytes.TrimSpace(elseBody), []byte("if")) {
			return false // else if: a chain decides more than when to build
		}
	}
	// The names the condition compares with f: the count it may reset.
	compared := map[string]bool{}
	for _, w := range javaIdentRE.FindAllString(clause, -1) {
		if w != f.Name {
			compared[w] = true
		}
	}
	for _, b := range [][]byte{body, elseBody} {
		if b != nil && !cacheOnlyBranch(file, f.Class, javaCode(string(b)), compared) {
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
	return len(caches) > 0 && fillsCache(file, src, f.Class, string(body), caches, 2)
}

// cacheOnlyBranch reports a branch (code, literals blanked) that does not
// leave and assigns only the names compared, the static containers and
// arrays of class, and locals it declares (or their members and slots).
func cacheOnlyBranch(file *facts.File, class, code string, compared map[string]bool) bool {
	if exitsBranchRE.MatchString(code) || strings.Contains(code, "throw ") {
		return false
	}
	for _, sm := range assignedTargetRE.FindAllStringSubmatch(code, -1) {
		qual, name := sm[1], sm[2]
		if sm[3] != "" {
			name = sm[3] // ++name
		}
		if qual != "" {
			parts := strings.Split(strings.Join(strings.Fields(qual), ""), ".")
			if q := parts[0]; len(parts) > 2 || q != "this" && q != simpleName(class) {
				if declaresName(code, q) {
					continue // entry.value = v on an entry the branch made
				}
				return false
			}
		}
		if compared[name] || declaresName(code, name) {
			continue
		}
		if fd := staticFields(file)[class+"#"+name]; fd != nil && (isContainer(fd) || isArray(fd)) {
			continue
		}
		return false
	}
	return true
}

var (
	elseAfterRE = lazyRE(`^\s*else\b`)
	// An assignment's target: [qualifier.]name = (also name[i] =, +=,
	// name++), or ++name.
	assignedTargetRE = lazyRE(`(?:^|[^\w$.])((?:[\w$]+\s*\.\s*)*)([\w$]+)\s*(?:\[[^\]]*\]\s*)*(?:=[^=]|\+\+|--|[-+*/|&]=)|(?:\+\+|--)\s*([\w$]+)`)
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

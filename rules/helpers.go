package rules

import (
	"bytes"
	"sort"
	"strings"

	"github.com/kscan/kscan/internal/javatext"
	"github.com/kscan/kscan/rules/facts"
)

// Helpers that more than one rule uses. A helper that only one rule uses
// lives in that rule's file, so deleting a rule file leaves the others
// compiling; helpers of one family of rules are in helpers_<family>.go.

// Calls.

// calls iterates over a file's calls.
func calls(p *Pass, fn func(c *facts.Call)) {
	for i := range p.File.Calls {
		if p.Stopped() {
			return
		}
		fn(&p.File.Calls[i])
	}
}

// is reports whether a call resolved to owner and one of the names.
func is(c *facts.Call, owner string, names ...string) bool {
	if c.Owner != owner {
		return false
	}
	for _, n := range names {
		if c.Name == n {
			return true
		}
	}
	return false
}

// Names of types, as facts give them and as messages and fixes write them.

// simpleOwner is the simple name of a qualified type name, as messages
// show it: "java.lang.System" gives "System", a nested "Outer$Inner" stays whole.
func simpleOwner(fqn string) string {
	for i := len(fqn) - 1; i >= 0; i-- {
		if fqn[i] == '.' {
			return fqn[i+1:]
		}
	}
	return fqn
}

// simpleName is the last segment of a binary or qualified name.
func simpleName(n string) string {
	if i := strings.LastIndexAny(n, ".$"); i >= 0 {
		return n[i+1:]
	}
	return n
}

// typeName returns how the file can write a JDK type: its simple name when
// that resolves to it, else the qualified name (the file declares or
// imports another type of the same simple name).
func typeName(f *facts.File, fqn string) string {
	simple := fqn[strings.LastIndexByte(fqn, '.')+1:]
	for _, t := range f.Types {
		if t == simple || strings.HasSuffix(t, "."+simple) || strings.HasSuffix(t, "$"+simple) {
			return fqn
		}
	}
	imported := false
	for _, im := range f.Imports {
		if im.Static || im.Wildcard {
			continue
		}
		if strings.HasSuffix(im.Name, "."+simple) {
			if im.Name != fqn {
				return fqn
			}
			imported = true
		}
	}
	if imported || strings.HasPrefix(fqn, "java.lang.") && strings.Count(fqn, ".") == 2 {
		return simple
	}
	return fqn
}

// contextLoader is the thread context ClassLoader expression, written so
// that it compiles in the file.
func contextLoader(f *facts.File) string {
	return typeName(f, "java.lang.Thread") + ".currentThread().getContextClassLoader()"
}

// Declarations: where a fact sits and what surrounds it.

// enclosingMethodDecl is the innermost declared method or constructor
// around span.
func enclosingMethodDecl(p *Pass, at facts.Span) *facts.MethodDecl {
	var best *facts.MethodDecl
	for i := range p.File.Methods {
		m := &p.File.Methods[i]
		if m.Decl.Start <= at.Start && at.End <= m.Decl.End && (best == nil || m.Decl.Len() < best.Decl.Len()) {
			best = m
		}
	}
	return best
}

// within reports whether offset at lies in s.
func within(at int, s facts.Span) bool { return s.Holds(at) }

// paramNames lists the parameter names of a parameter list as written,
// "(Map<K, V> m, final String... names)" -> [m names].
func paramNames(params string) []string {
	var out []string
	for _, part := range ParamParts(params) {
		f := strings.Fields(strings.TrimRight(strings.TrimSpace(part), "[] "))
		if len(f) >= 2 {
			out = append(out, strings.TrimRight(f[len(f)-1], "[]"))
		}
	}
	return out
}

// ParamParts splits a parameter list (with or without its parentheses) at
// the commas outside type arguments and annotation arguments, one part per
// parameter as written.
func ParamParts(params string) []string {
	params = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(params), "("), ")")
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(params); i++ {
		switch params[i] {
		case '<', '(':
			depth++
		case '>', ')':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, params[start:i])
				start = i + 1
			}
		}
	}
	return append(out, params[start:])
}

// annotationIs matches an annotation as written by its simple name, with or
// without a package qualifier and arguments.
func annotationIs(a, simple string) bool {
	name := strings.TrimPrefix(a, "@")
	if i := strings.IndexByte(name, '('); i >= 0 {
		name = name[:i]
	}
	name = strings.TrimSpace(name)
	return name == simple || strings.HasSuffix(name, "."+simple)
}

// outerClass is the top-level type of a binary name: cleanup written in an
// inner class or lambda of the same type counts for the whole nest.
func outerClass(class string) string {
	if i := strings.IndexByte(class, '$'); i >= 0 {
		return class[:i]
	}
	return class
}

// sameNest reports two binary names in the same top-level type.
func sameNest(a, b string) bool { return a != "" && outerClass(a) == outerClass(b) }

// nestText is the source of the top-level type declaration enclosing class,
// where the cleanup evidence is looked for.
func nestText(p *Pass, class string) string {
	top := outerClass(class)
	for _, td := range p.File.TypeDecls {
		if td.Name == top {
			return p.Text(td.Decl)
		}
	}
	return ""
}

// Source bytes and strings.

// containsAny reports whether src contains one of the words anywhere, for
// the byte pre-filters that run before a file is parsed.
func containsAny(src []byte, words ...string) bool {
	for _, w := range words {
		if bytes.Contains(src, []byte(w)) {
			return true
		}
	}
	return false
}

// declBlanks matches, in pre-filters' expressions, what may lie between
// two tokens: blanks, block comments and line comments.
const declBlanks = `(?:\s|/\*(?s:.*?)\*/|//[^\n]*\n)*`

// callNamed reports a call of one of names in src, for pre-filters: the
// name as a whole word followed, past any blanks and line breaks, by "(".
func callNamed(src []byte, names ...string) bool {
	if len(names) > 2 {
		return callNamedAny(src, names)
	}
	found := false
	for _, name := range names {
		callOpens(src, name, func(int) bool {
			found = true
			return false
		})
		if found {
			return true
		}
	}
	return false
}

// callOpens calls fn with the offset of the "(" of each call of name in
// src, as callNamed finds them, until fn returns false.
func callOpens(src []byte, name string, fn func(open int) bool) {
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte(name))
		if j < 0 {
			return
		}
		j += i
		k := j + len(name)
		for k < len(src) && isREBlank(src[k]) {
			k++
		}
		if (j == 0 || !isIdent(src[j-1])) && k < len(src) && src[k] == '(' && !fn(k) {
			return
		}
		i = j + len(name)
	}
}

// calledOn reports a call of one of names on the class named class of
// java.lang (System.setProperty(...), blanks allowed around the dot), or
// any call of them when the source names the class qualified, as a static
// import does (import static java.lang.System.*): the only ways a call
// of the source resolves to that class's method.
func calledOn(src []byte, class string, names ...string) bool {
	if bytes.Contains(src, []byte("java.lang."+class+".")) {
		return callNamed(src, names...)
	}
	found := false
	for _, name := range names {
		callOpens(src, name, func(open int) bool {
			d := skipBlanksBack(src, skipBlanksBack(src, open)-len(name))
			if d == 0 || src[d-1] != '.' {
				return true
			}
			e := skipBlanksBack(src, d-1)
			found = e >= len(class) && string(src[e-len(class):e]) == class && (e == len(class) || !isIdent(src[e-len(class)-1]))
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// staticPossible reports a source that can declare a static field or
// initialiser: the word static, or interface (whose constants are static
// without it), for pre-filters of rules whose findings need one.
func staticPossible(src []byte) bool {
	return wordIn(src, "static") || wordIn(src, "interface")
}

// mayCreate reports, for pre-filters, a source that may create class
// simple of package pkg: the name after new, or after pkg's qualifier
// after new, past blanks. Where a comment or an annotation comes between
// (a type annotation), the name counts as created: the parser decides.
func mayCreate(src []byte, simple, pkg string) bool {
	segs := strings.Split(pkg, ".")
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte(simple))
		if j < 0 {
			return false
		}
		j += i
		i = j + len(simple)
		if j > 0 && isIdent(src[j-1]) || i < len(src) && isIdent(src[i]) {
			continue // part of a longer name
		}
		k := skipBlanksBack(src, j)
		if k > 0 && src[k-1] == '.' {
			// a qualified name: its qualifier must be pkg
			if k = qualifierBack(src, k-1, segs); k < 0 {
				continue
			}
		}
		switch {
		case k >= 2 && src[k-1] == '/' && src[k-2] == '*', k >= 1 && src[k-1] == ')':
			return true // a comment or an annotation's arguments before it
		case k >= 1 && isIdent(src[k-1]):
			s := k
			for s > 0 && isIdent(src[s-1]) {
				s--
			}
			if string(src[s:k]) == "new" {
				return true
			}
			if b := skipBlanksBack(src, s); b > 0 && src[b-1] == '@' {
				return true // a type annotation
			}
		}
	}
}

// qualifierBack matches segs, a package's names, backwards before the dot
// at src[dot], blanks allowed around the dots: the offset before the blanks
// that precede the qualifier, or -1 when it is another.
func qualifierBack(src []byte, dot int, segs []string) int {
	q := dot
	for n := len(segs) - 1; n >= 0; n-- {
		seg := segs[n]
		q = skipBlanksBack(src, q)
		if q < len(seg) || string(src[q-len(seg):q]) != seg || q > len(seg) && isIdent(src[q-len(seg)-1]) {
			return -1
		}
		q -= len(seg)
		if n > 0 {
			if q = skipBlanksBack(src, q); q == 0 || src[q-1] != '.' {
				return -1
			}
			q--
		}
	}
	return skipBlanksBack(src, q)
}

// skipBlanksBack is the offset before the blanks and line breaks that end
// src[:i].
func skipBlanksBack(src []byte, i int) int {
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t' || src[i-1] == '\n' || src[i-1] == '\r' || src[i-1] == '\f') {
		i--
	}
	return i
}

// callNamedAny is callNamed in one pass for many names: the word before
// each "(" (past blanks and line breaks) is looked up, where a search per
// name read the whole source once each.
func callNamedAny(src []byte, names []string) bool {
	for i := 0; ; i++ {
		j := bytes.IndexByte(src[i:], '(')
		if j < 0 {
			return false
		}
		i += j
		e := skipBlanksBack(src, i)
		s := e
		for s > 0 && isIdent(src[s-1]) {
			s--
		}
		if s == e {
			continue
		}
		for _, name := range names {
			if len(name) == e-s && string(src[s:e]) == name {
				return true
			}
		}
	}
}

// anyWordIn reports one of the words, the keys of ws, as a whole word in b.
func anyWordIn(b []byte, ws map[string]bool) bool {
	for w := range ws {
		if wordIn(b, w) {
			return true
		}
	}
	return false
}

// wordIn reports w as a whole word in b.
func wordIn(b []byte, w string) bool { return javatext.WordIn(b, w) }

// isIdent reports a byte that can be part of a Java identifier.
func isIdent(c byte) bool { return javatext.IsIdentByte(c) }

// hasString reports whether xs contains s.
func hasString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// Messages and fixes.

// quote shows a string value in a message.
func quote(s string) string {
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	return "\"" + s + "\""
}

// shorten shows a code excerpt in a message: one line, at most 60 bytes.
func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}

// replace is a one-edit fix.
func replace(desc string, s facts.Span, text string) Fix {
	return Fix{Description: desc, Edits: []Edit{{Span: s, New: text}}}
}

// archiveList names up to four archives for a message.
func archiveList(js []facts.ArchiveRef) string {
	var names []string
	for _, j := range js {
		names = append(names, j.Archive)
	}
	if len(names) > 4 {
		names = append(names[:4], "...")
	}
	return strings.Join(names, ", ")
}

// hasMain reports a static main method declared in the nest of class
// (the class, its top-level class, or a class nested there): a
// command-line class, or a tool whose launcher is a nested class.
func hasMain(f *facts.File, class string) bool {
	for _, m := range f.Methods {
		if sameNest(m.Class, class) && m.Name == "main" && m.Static {
			return true
		}
	}
	return false
}

// appEntry reports code of an application whose main the container runs
// inside the shared JVM: a Spring Boot application class (Koupleless and
// SOFAArk start a module by calling its main). Such a main is no process
// of its own, so what it does is not entry-point-only.
func appEntry(p *Pass, class string) bool {
	for _, t := range p.File.TypeDecls {
		if !sameNest(t.Name, class) {
			continue
		}
		for _, a := range t.Annotations {
			if annotationIs(a, "SpringBootApplication") || annotationIs(a, "EnableAutoConfiguration") || annotationIs(a, "SpringBootConfiguration") {
				return true
			}
		}
		// A main that starts Spring Boot (SpringApplication.run, a builder).
		if t.Name == outerClass(class) && t.Decl.Start < t.Decl.End && t.Decl.End <= len(p.Src) &&
			bytes.Contains(p.Src[t.Decl.Start:t.Decl.End], []byte("SpringApplication")) {
			return true
		}
	}
	if strings.HasSuffix(p.File.Path, ".class") {
		// A class file has blank text: its nest's call of SpringApplication.run
		// says the same (as appEntryFile reads it).
		for i := range p.File.Calls {
			if c := &p.File.Calls[i]; sameNest(c.Class, class) && is(c, "org.springframework.boot.SpringApplication", "run") {
				return true
			}
		}
	}
	return false
}

// sortKeys orders method keys for a stable report.
func sortKeys(ks []facts.MethodKey) {
	sort.Slice(ks, func(i, j int) bool {
		a, b := ks[i], ks[j]
		if a.Class != b.Class {
			return a.Class < b.Class
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Arity < b.Arity
	})
}

// braceBefore is the offset of the '{' opening the innermost block around
// at, looking back no further than offset lo; -1 when none.
func braceBefore(src []byte, at, lo int) int {
	depth := 0
	for i := at - 1; i >= 0 && i >= lo; i-- {
		switch src[i] {
		case '}':
			depth++
		case '{':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return -1
}

// skipSpaceBack is the offset of the last non-space byte at or before i.
func skipSpaceBack(src []byte, i int) int {
	for i >= 0 && isSpaceByte(src[i]) {
		i--
	}
	return i
}

// isSpaceByte reports Java's usual white space.
func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

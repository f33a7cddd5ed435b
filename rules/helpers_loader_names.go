package rules

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// Names a lookup takes that the library fixed in its own code, though the
// extractor sees only a name: a constant field, a local assigned string
// literals only, a parameter of a private method whose callers all pass
// string literals. Such a name is one of the library's own files or
// classes, chosen where it is written; judged by its values, it is not a
// name known only at run time.

// fixedValues returns the string values name x stands for when the code
// fixes them, with ok; ok is false for a name known only at run time
// (a parameter others pass, a value read or computed). Depth bounds the
// walk through private helpers.
func fixedValues(p *Pass, x facts.Expr) (vals []string, ok bool) {
	return fixedValuesDepth(p, x, 2)
}

func fixedValuesDepth(p *Pass, x facts.Expr, depth int) ([]string, bool) {
	if x.Kind == facts.ExprName && x.Local != nil {
		x = *x.Local
	}
	switch x.Kind {
	case facts.ExprString:
		return []string{x.Value}, true
	case facts.ExprName:
	default:
		return nil, false
	}
	n := x.Text
	if x.Field != nil {
		n = x.Field.Name
	}
	if constantName.MatchString(n) {
		// A constant field: its value when this file declares it; else
		// a name another class of the library fixed (no value to judge).
		short := n[strings.LastIndexByte(n, '.')+1:]
		for _, fd := range p.File.Fields {
			if fd.Name != short || !fd.Static || fd.Init == nil {
				continue
			}
			switch fd.Init.Kind {
			case facts.ExprString:
				return []string{fd.Init.Value}, true
			case facts.ExprConcat:
				// PKG_PATH + "/mime.properties": judged by its literals.
				head, tail := literalEnds(fd.Init.Text)
				return []string{head, strings.TrimPrefix(tail, "/")}, head != "" || tail != ""
			}
			return nil, false
		}
		return nil, true
	}
	if !simpleNameRE.MatchString(n) {
		return nil, false
	}
	m := enclosingMethodDecl(p, x.Span)
	if m == nil {
		// A static initialiser block: its locals.
		for _, s := range p.File.StaticInits {
			if s.Start <= x.Span.Start && x.Span.End <= s.End {
				return localLiterals(p, s, n)
			}
		}
		return nil, false
	}
	if i := indexOf(paramNames(m.Params), n); i >= 0 {
		if depth == 0 {
			return nil, false
		}
		return callerLiterals(p, m, i, depth-1)
	}
	return localLiterals(p, m.Decl, n)
}

// simpleNameRE matches a simple name: a local variable or parameter.
var simpleNameRE = lazyRE(`^[A-Za-z_$][\w$]*$`)

func indexOf(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return -1
}

// localLiterals returns the values of a local variable every assignment of
// which, its initialiser included, is a string literal ("String r =
// \"a.properties\"; ... r = \"b.properties\";").
func localLiterals(p *Pass, body0 facts.Span, name string) ([]string, bool) {
	body := string(p.textBytes(body0))
	re, err := regexp.Compile(`(?:^|[^\w$.])` + regexp.QuoteMeta(name) + `\s*(=[^=][^;]*|[-+*/]=|\+\+|--)`)
	if err != nil {
		return nil, false
	}
	var vals []string
	for _, g := range re.FindAllStringSubmatch(body, -1) {
		rhs := strings.TrimSpace(strings.TrimPrefix(g[1], "="))
		if !strings.HasPrefix(g[1], "=") || !strings.HasPrefix(rhs, "\"") {
			return nil, false
		}
		v, err := strconv.Unquote(rhs)
		if err != nil {
			return nil, false
		}
		vals = append(vals, v)
	}
	return vals, len(vals) > 0
}

// callerLiterals returns the values a private method's callers in this
// file pass as parameter i, when every call passes a string literal or a
// constant (VMPluginFactory.createPlugin(JDK7_CLASSNAME_CHECK,
// JDK7_PLUGIN_NAME)). Calls are read from the text: only the calls a rule
// asks for are extracted.
func callerLiterals(p *Pass, m *facts.MethodDecl, i, depth int) ([]string, bool) {
	if !m.Private && !strings.HasPrefix(strings.TrimSpace(string(p.textBytes(m.Decl))), "private") {
		return nil, false
	}
	re, err := regexp.Compile(`(?:^|[^\w$])` + regexp.QuoteMeta(m.Name) + `\s*\(`)
	if err != nil {
		return nil, false
	}
	arity := len(paramNames(m.Params))
	var vals []string
	seen := false
	src := string(p.Src)
	for _, loc := range re.FindAllStringIndex(src, -1) {
		if loc[0] <= m.Span.Start && m.Span.Start < loc[1] {
			continue // the declaration itself
		}
		args, ok := callArgs(src[loc[1]:])
		if !ok || len(args) != arity || i >= len(args) {
			return nil, false // another overload, varargs, or unreadable
		}
		a := strings.TrimSpace(args[i])
		switch {
		case strings.HasPrefix(a, "\""):
			v, err := strconv.Unquote(a)
			if err != nil {
				return nil, false
			}
			vals = append(vals, v)
		case constantName.MatchString(a):
			v, ok := fixedValuesDepth(p, facts.Expr{Kind: facts.ExprName, Text: a}, depth)
			if !ok {
				return nil, false
			}
			vals = append(vals, v...)
		default:
			return nil, false
		}
		seen = true
	}
	return vals, seen
}

// callArgs splits the argument list that text starts inside (after the
// opening parenthesis) at its top-level commas.
func callArgs(text string) ([]string, bool) {
	depth, start := 0, 0
	var out []string
	inStr := false
	for j := 0; j < len(text); j++ {
		ch := text[j]
		if inStr {
			if ch == '\\' {
				j++
			} else if ch == '"' {
				inStr = false
			}
			continue
		}
		switch ch {
		case '"':
			inStr = true
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				if last := strings.TrimSpace(text[start:j]); last != "" || len(out) > 0 {
					out = append(out, last)
				}
				return out, true
			}
			depth--
		case ',':
			if depth == 0 {
				out = append(out, text[start:j])
				start = j + 1
			}
		case ';':
			return nil, false
		}
	}
	return nil, false
}

// fixedResource judges a resource name the code fixes: flag reports one
// of its values an application provides (appResource), and ok that the
// name is fixed at all.
func fixedResource(p *Pass, x facts.Expr) (flag bool, what string, ok bool) {
	vals, ok := fixedValues(p, x)
	if !ok {
		return false, "", false
	}
	for _, v := range vals {
		if appResource(v) {
			return true, quote(v) + ", an application-level resource", true
		}
	}
	return false, "", true
}

// resourceVerdictIn is resourceVerdict with the names the file fixes
// resolved first.
func resourceVerdictIn(p *Pass, x facts.Expr) (flag bool, what string) {
	if flag, what, ok := fixedResource(p, x); ok {
		return flag, what
	}
	return resourceVerdict(x)
}

// dependencyAdapter reports a class made for the library that the class
// name probe belongs to: a segment of the probe's package, not one of the
// class's own packages nor a generic word, that the class's simple name
// (or an enclosing class's) spells out, or that starts with one of its
// words ("OracleJdbc4NativeJdbcExtractor" and oracle.jdbc,
// "HsqlEmbeddedDatabaseConfigurer" and org.hsqldb).
func dependencyAdapter(class, probe string) bool {
	i := strings.LastIndexByte(probe, '.')
	if i < 0 {
		return false
	}
	own := map[string]bool{}
	outer := outerClass(class)
	if j := strings.LastIndexByte(outer, '.'); j > 0 {
		for _, s := range strings.Split(outer[:j], ".") {
			own[strings.ToLower(s)] = true
		}
	}
	shared := 0
	for _, seg := range strings.Split(probe[:i], ".") {
		if seg = strings.ToLower(seg); len(seg) >= 4 && own[seg] && !genericSegments[seg] {
			shared++
		}
	}
	if shared >= 2 {
		// groovy.runtime.metaclass from org.codehaus.groovy.runtime.metaclass:
		// a mirror of the library's own package, which its users fill.
		return false
	}
	names := strings.Split(outer[strings.LastIndexByte(outer, '.')+1:]+strings.TrimPrefix(class, outer), "$")
	// "jonas_tm": the product's name is one part of a segment.
	for _, seg := range strings.FieldsFunc(probe[:i], func(r rune) bool { return r == '.' || r == '_' }) {
		seg = strings.ToLower(seg)
		if len(seg) < 4 || genericSegments[seg] {
			continue
		}
		for _, n := range names {
			if strings.Contains(strings.ToLower(n), seg) {
				return true
			}
			for _, w := range camelWords(n) {
				if len(w) >= 4 && !genericSegments[w] && strings.HasPrefix(seg, w) {
					return true
				}
			}
		}
	}
	return false
}

// genericSegments are package words many libraries use: they name no one
// library.
var genericSegments = map[string]bool{
	"java": true, "javax": true, "jakarta": true, "apache": true, "core": true, "util": true, "utils": true,
	"common": true, "commons": true, "impl": true, "internal": true, "runtime": true, "support": true,
	"lang": true, "tools": true, "tool": true, "client": true, "server": true, "service": true, "spi": true,
	"api": true, "base": true, "factory": true, "handler": true, "config": true, "data": true, "type": true,
	"types": true, "model": true, "event": true, "context": true, "manager": true, "provider": true,
}

// camelWords splits a simple class name into its lower-cased words.
func camelWords(n string) []string {
	var out []string
	start := 0
	for i := 1; i < len(n); i++ {
		if n[i] >= 'A' && n[i] <= 'Z' && n[i-1] >= 'a' && n[i-1] <= 'z' {
			out = append(out, strings.ToLower(n[start:i]))
			start = i
		}
	}
	return append(out, strings.ToLower(n[start:]))
}

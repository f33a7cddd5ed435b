package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// Shapes around a class lookup that decide which names reach it or which
// loader was tried first, read from the method's text: an if whose test
// pins the name (name.equals(CONST), a boolean set from
// name.startsWith("own.package")), a branch taken only without a supplied
// loader, an earlier lookup through a loader the caller supplied, a name
// computed from the library's own package.

// insideIf reports whether the end of body lies in the statement an if
// governs, when the test at offset i of body is part of that if's
// condition, joined to the rest only by "&&" (so it holds whenever the
// statement runs): "if (a != null && a.equals(n)) { ... <end>" or
// "if (own) return <end>".
func insideIf(body string, i int) bool {
	// The "if (" that opens the condition: no statement boundary between.
	open := -1
	for j := i - 1; j >= 0; j-- {
		c := body[j]
		if c == ';' || c == '{' || c == '}' {
			break
		}
		if c == '(' && strings.HasSuffix(strings.TrimRight(body[:j], " \t\r\n"), "if") {
			k := len(strings.TrimRight(body[:j], " \t\r\n")) - 2
			if k == 0 || !isIdentByte(body[k-1]) {
				open = j
				break
			}
		}
	}
	if open < 0 {
		return false
	}
	if t := strings.TrimRight(body[:i], " \t\r\n"); strings.HasSuffix(t, "!") {
		return false // negated
	}
	// The condition's closing parenthesis.
	depth, end := 0, -1
	quoted := false
	for j := open; j < len(body) && end < 0; j++ {
		switch c := body[j]; {
		case quoted && c == '\\':
			j++
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				end = j
			}
		}
	}
	if end < 0 || end < i {
		return false
	}
	if strings.Contains(body[open:end], "||") {
		return false
	}
	rest := strings.TrimLeft(body[end+1:], " \t\r\n")
	if !strings.HasPrefix(rest, "{") {
		// A single statement: the end lies in it when no ";" closes it.
		return !strings.ContainsAny(rest, ";{}")
	}
	return matchClose(rest, 0) < 0 // the block is still open at the end
}

// methodTextBefore is the text of the method around c up to the call.
func methodTextBefore(p *Pass, c *facts.Call) (string, *facts.MethodDecl) {
	m := enclosingMethodDecl(p, c.Span)
	if m == nil || len(p.Src) == 0 || c.Span.End == 0 {
		return "", nil
	}
	return p.Text(facts.Span{Start: m.Decl.Start, End: c.Span.Start}), m
}

// equalsGuard reports the value a name is pinned to by the if around the
// lookup: "if (DEFAULT.equals(name)) return Class.forName(name)" looks up
// DEFAULT only. The value is returned as an expression (a literal or a
// name) to judge in the name's place.
func equalsGuard(p *Pass, c *facts.Call, name facts.Expr) (facts.Expr, bool) {
	t := strings.TrimSpace(name.Text)
	if name.Kind != facts.ExprName || !identifier(t) {
		return facts.Expr{}, false
	}
	body, _ := methodTextBefore(p, c)
	if body == "" {
		return facts.Expr{}, false
	}
	for _, shape := range []struct{ pre, post string }{{"", ".equals(" + t + ")"}, {t + ".equals(", ")"}} {
		for at := len(body); at > 0; {
			var i int
			var other string
			if shape.pre == "" {
				i = strings.LastIndex(body[:at], shape.post)
				if i < 0 {
					break
				}
				at = i
				k := i
				for k > 0 && (isIdentByte(body[k-1]) || body[k-1] == '.' || body[k-1] == '"') {
					k--
				}
				other = body[k:i]
				i = k
			} else {
				i = strings.LastIndex(body[:at], shape.pre)
				if i < 0 {
					break
				}
				at = i
				if i > 0 && isIdentByte(body[i-1]) {
					continue
				}
				rest := body[i+len(shape.pre):]
				j := strings.Index(rest, shape.post)
				if j < 0 {
					continue
				}
				other = strings.TrimSpace(rest[:j])
			}
			if !insideIf(body, i) {
				continue
			}
			if strings.HasPrefix(other, "\"") && strings.HasSuffix(other, "\"") && len(other) >= 2 {
				return facts.Expr{Kind: facts.ExprString, Text: other, Value: other[1 : len(other)-1]}, true
			}
			if other != "" && other != t && (identifier(other) || constantName.MatchString(other)) {
				return facts.Expr{Kind: facts.ExprName, Text: other}, true
			}
		}
	}
	return facts.Expr{}, false
}

// flagGuard reports a lookup inside "if (own)" where the method set
// "boolean own = name.startsWith("<JDK or own package>")", or inside an
// if testing name.startsWith(that package) itself: the branch taken only
// for those packages' classes.
func flagGuard(p *Pass, c *facts.Call, name facts.Expr) bool {
	t := strings.TrimSpace(name.Text)
	if name.Kind != facts.ExprName || !identifier(t) {
		return false
	}
	body, _ := methodTextBefore(p, c)
	return body != "" && prefixGuard(body, t, p.File.Package)
}

// prefixGuard reports the end of body (a method's text up to a call)
// inside an if that holds only when name starts with a JDK package or
// one of package pkg's library: "if (name.startsWith("org.acme"))", or
// "if (own)" after "boolean own = name.startsWith("org.acme")".
func prefixGuard(body, name, pkg string) bool {
	key := name + ".startsWith(\""
	for at := len(body); ; {
		i := strings.LastIndex(body[:at], key)
		if i < 0 {
			return false
		}
		at = i
		if i > 0 && isIdentByte(body[i-1]) {
			continue
		}
		lit := body[i+len(key):]
		if j := strings.IndexByte(lit, '"'); j >= 0 {
			lit = lit[:j]
		}
		if !strings.HasPrefix(lit, "java") && !samePackageRoot(lit, pkg+".X") {
			continue
		}
		if insideIf(body, i) {
			return true
		}
		// "boolean flag = name.startsWith(...)" (or "flag = ...").
		pre := strings.TrimRight(body[:i], " \t")
		if !strings.HasSuffix(pre, "=") || strings.HasSuffix(pre, "==") || strings.HasSuffix(pre, "!=") {
			continue
		}
		pre = strings.TrimRight(strings.TrimSuffix(pre, "="), " \t")
		k := len(pre)
		for k > 0 && isIdentByte(pre[k-1]) {
			k--
		}
		flag := pre[k:]
		if !identifier(flag) {
			continue
		}
		for _, test := range []string{"if (" + flag + ")", "if(" + flag + ")", "if (" + flag + " &&", "if(" + flag + " &&"} {
			for from := len(body); ; {
				j := strings.LastIndex(body[:from], test)
				if j < i {
					break
				}
				from = j
				if insideIf(body, j+strings.Index(test, flag)) {
					return true
				}
			}
		}
	}
}

// loaderParamFallback reports the ClassLoader parameter of the method
// around c when the lookup sits in the branch taken only without one:
// "if (loader == null) return Class.forName(name);" (-1 when not).
func loaderParamFallback(p *Pass, c *facts.Call) int {
	body, m := methodTextBefore(p, c)
	if m == nil || !strings.Contains(m.Params, "ClassLoader") {
		return -1
	}
	for i, param := range splitTopLevel(strings.Trim(strings.TrimSpace(m.Params), "()"), ',', false) {
		f := strings.Fields(param)
		if len(f) < 2 || !strings.HasSuffix(f[len(f)-2], "ClassLoader") {
			continue
		}
		n := f[len(f)-1]
		for _, test := range []string{n + " == null", "null == " + n} {
			if j := strings.LastIndex(body, test); j >= 0 && insideIf(body, j) {
				return i
			}
		}
	}
	return -1
}

// suppliedLookups reports lookups in the method around c, other than c,
// through a loader that is neither the own, the system nor the bootstrap
// one (a loader the caller or the object was handed, the context loader)
// before and after c: the own lookup is the fallback of the first, or
// the first try before the others. params lists the method's parameters
// among the loaders tried before; fixed reports one tried before that is
// not a parameter (a field, the objects's loaders).
func suppliedLookups(p *Pass, c *facts.Call) (fixed, after bool, params []int) {
	if len(p.Src) == 0 || c.Span.End == 0 || !strings.Contains(p.Text(c.Span), c.Name) {
		// Compiled code does not tell a parameter from a field or the
		// order of calls on one line.
		return false, false, nil
	}
	m := enclosingMethodDecl(p, c.Span)
	var names []string
	if m != nil {
		names = paramNames(m.Params)
	}
	for i := range p.File.Calls {
		d := &p.File.Calls[i]
		if d == c || d.Class != c.Class || d.Method != c.Method {
			continue
		}
		var x facts.Expr
		switch {
		case is(d, "java.lang.Class", "forName") && len(d.Args) == 3:
			x = d.Args[2]
		case is(d, "java.lang.ClassLoader", "loadClass") && len(d.Args) >= 1:
			x = d.Recv
		default:
			continue
		}
		l := x.Loader
		if strings.TrimSpace(x.Text) == "null" {
			l = facts.LoaderNull
		}
		if ownLoader(l) || l == facts.LoaderNone && !identifierLike(d) {
			continue
		}
		// The same enclosing method (compiled code gives lines only).
		if enclosingMethodDecl(p, d.Span) != m {
			continue
		}
		first := d.Line < c.Line || d.Line == c.Line && d.Span.Start < c.Span.Start
		if !first {
			after = true
			continue
		}
		if i := paramIndexOf(names, strings.TrimSpace(x.Text)); i >= 0 && l != facts.LoaderContext {
			params = append(params, i)
		} else {
			fixed = true
		}
	}
	return fixed, after, params
}

func paramIndexOf(names []string, n string) int {
	for i, x := range names {
		if x == n {
			return i
		}
	}
	return -1
}

// identifierLike reports a lookup whose loader operand is a variable, a
// field or an array element: a loader handed in, which the extractor
// leaves unclassified.
func identifierLike(d *facts.Call) bool {
	x := d.Recv
	if d.Name == "forName" {
		x = d.Args[2]
	}
	t := strings.TrimSpace(x.Text)
	if i := strings.IndexByte(t, '['); i > 0 && strings.HasSuffix(t, "]") {
		t = t[:i]
	}
	t = strings.TrimPrefix(t, "this.")
	return identifier(t) && t != "null"
}

// ownHeadExpr reports a concatenation whose head is the library's own
// package or class name, computed: "Own.class.getPackage().getName() +
// ".gen." + suffix", "Own.class.getName() + "$" + suffix", or a field of
// the file initialised so ("PKG + suffix").
func ownHeadExpr(p *Pass, text string, depth int) bool {
	parts := splitTopLevel(text, '+', false)
	if len(parts) < 2 || depth > 3 {
		return false
	}
	head := strings.Join(strings.Fields(parts[0]), "")
	for _, tail := range []string{".getPackage().getName()", ".getName()", ".getPackageName()"} {
		recv, ok := strings.CutSuffix(head, tail)
		if !ok {
			continue
		}
		recv = strings.TrimPrefix(recv, "this.")
		if recv == "getClass()" {
			return true
		}
		if cls, ok := strings.CutSuffix(recv, ".class"); ok {
			return ownClassName(p, resolveType(p, cls))
		}
		return false
	}
	h := strings.TrimPrefix(head, "this.")
	if !identifier(h) {
		return false
	}
	for _, fd := range p.File.Fields {
		if fd.Name == h && fd.Final && fd.Init != nil && (fd.Init.Kind == facts.ExprConcat || fd.Init.Kind == facts.ExprCall) {
			return ownHeadExpr(p, fd.Init.Text+"+x", depth+1)
		}
	}
	return false
}

// splitTernary splits "cond ? a : b" at its top level; ok is false for
// anything else.
func splitTernary(text string) (a, b string, ok bool) {
	q := -1
	topLevel(text, false, func(i int) bool {
		switch {
		case text[i] == '?' && q < 0:
			q = i
		case text[i] == ':' && q >= 0:
			a, b, ok = strings.TrimSpace(text[q+1:i]), strings.TrimSpace(text[i+1:]), true
			return false
		}
		return true
	})
	return a, b, ok
}

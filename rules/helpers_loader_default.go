package rules

import (
	"strconv"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A class name read from the library's own configuration whose declared
// default is one of the library's own classes (or a JDK class) is the
// library's extension point: whoever configures the library itself, the
// base's operator as a rule, sets it, and a module's class is looked up
// only if that configuration names one. Names with no such default (a
// user's plugin class, null until set) stay hazards.

// ownDefault reports the default of a lookup's name that is configurable
// with a declared default naming a class of the library or the JDK: a
// field initialised with such a constant (and set from configuration), a
// getProperty/getOrDefault with such a default argument, or a local read
// from configuration and set to such a constant when the read is null.
// def is the default as written; later reports a default that is a
// constant of another file, known only with the project's constants.
func ownDefault(p *Pass, c *facts.Call, x facts.Expr) (def string, ok, later bool) {
	if len(p.Src) == 0 || c.Span.End == 0 {
		return "", false, false
	}
	switch x.Kind {
	case facts.ExprCall:
		if field, ok := getterOf(p, c.Class, x.Text); ok {
			return fieldDefault(p, c.Class, field)
		}
		return configDefault(p, c.Class, x.Text)
	case facts.ExprConditional:
		return conditionalDefault(p, c.Class, x.Text)
	case facts.ExprName:
	case facts.ExprOther:
		if !strings.HasPrefix(strings.TrimSpace(x.Text), "this.") {
			return "", false, false
		}
	default:
		return "", false, false
	}
	if x.Local != nil {
		switch x.Local.Kind {
		case facts.ExprName:
			return ownDefault(p, c, *x.Local)
		case facts.ExprConditional:
			return conditionalDefault(p, c.Class, x.Local.Text)
		}
		return configDefault(p, c.Class, x.Local.Text)
	}
	name := strings.TrimPrefix(strings.TrimSpace(x.Text), "this.")
	if !identifier(name) || constantName.MatchString(name) {
		return "", false, false
	}
	m := enclosingMethodDecl(p, c.Span)
	if m != nil && hasString(paramNames(m.Params), name) {
		return "", false, false
	}
	if m != nil && declaresLocal(p.Text(m.Decl), name) {
		return localDefault(p, c, m, name)
	}
	return fieldDefault(p, c.Class, name)
}

// getterOf reports a call of a getter of the class's nest, "getX()" or
// "this.getX()" declared as "return field;": the field it returns.
func getterOf(p *Pass, class, text string) (string, bool) {
	t := strings.TrimPrefix(strings.TrimSpace(text), "this.")
	callee, ok := strings.CutSuffix(t, "()")
	if !ok || !identifier(callee) {
		return "", false
	}
	for i := range p.File.Methods {
		d := &p.File.Methods[i]
		if d.Name != callee || !sameNest(d.Class, class) || strings.TrimSpace(strings.Trim(d.Params, "()")) != "" {
			continue
		}
		rs := statementValues(p.Text(d.Decl), "return ")
		if len(rs) != 1 {
			return "", false
		}
		f := strings.TrimPrefix(rs[0], "this.")
		return f, identifier(f)
	}
	return "", false
}

// fieldDefault is the default of a field of the class's nest: its
// initialiser, which what configuration sets overrides.
func fieldDefault(p *Pass, class, name string) (def string, own, later bool) {
	for i := range p.File.Fields {
		fd := &p.File.Fields[i]
		if fd.Name != name || !sameNest(fd.Context.Class, class) || fd.Init == nil {
			continue
		}
		if fd.Static && fd.Final {
			return "", false, false // a constant: rated as one
		}
		if own, later := defaultConstant(p, class, fd.Init.Text); own || later {
			return fd.Init.Text, own, later
		}
		if fd.Init.Kind == facts.ExprConditional {
			return conditionalDefault(p, class, fd.Init.Text)
		}
		return configDefault(p, class, fd.Init.Text)
	}
	return "", false, false
}

// conditionalDefault reports "value != null ? value : DEFAULT" (either
// order): one branch a constant naming a class of the library or the JDK,
// the other a configuration read or a name the condition tests for null.
func conditionalDefault(p *Pass, class, text string) (def string, own, later bool) {
	cond, a, b, ok := splitConditional(text)
	if !ok || !strings.Contains(cond, "null") {
		return "", false, false
	}
	for _, pair := range [][2]string{{a, b}, {b, a}} {
		d, v := strings.TrimSpace(pair[0]), strings.TrimSpace(pair[1])
		o, l := defaultConstant(p, class, d)
		if !o && !l {
			continue
		}
		if configRead(v) || identifier(v) && strings.Contains(cond, v) {
			return d, o, l
		}
	}
	return "", false, false
}

// splitConditional splits "c ? a : b" at its top-level "?" and ":".
func splitConditional(text string) (cond, a, b string, ok bool) {
	q, col, depth, quoted := -1, -1, 0, false
	for i := 0; i < len(text); i++ {
		switch ch := text[i]; {
		case quoted && ch == '\\':
			i++
		case ch == '"':
			quoted = !quoted
		case quoted:
		case ch == '(':
			depth++
		case ch == ')':
			depth--
		case ch == '?' && depth == 0 && q < 0:
			q = i
		case ch == ':' && depth == 0 && q >= 0 && col < 0:
			col = i
		}
	}
	if q < 0 || col < 0 {
		return "", "", "", false
	}
	return text[:q], text[q+1 : col], text[col+1:], true
}

// defaultConstant reports a default naming a class of the library or the
// JDK (own), or a constant of another file, to be resolved (later).
func defaultConstant(p *Pass, class, text string) (own, later bool) {
	if ownConstant(p, class, text) {
		return true, false
	}
	return false, foreignConstant(p, text)
}

// declaresLocal reports "String name =" or "String name;" in a method's
// text.
func declaresLocal(body, name string) bool {
	for _, w := range []string{"String " + name + " =", "String " + name + ";", "String " + name + "="} {
		if strings.Contains(body, w) {
			return true
		}
	}
	return false
}

// localDefault is the default of a local assigned more than once: every
// value is a configuration read or a constant of the library or the JDK,
// and the method tests the local for null (the constant is the fallback).
func localDefault(p *Pass, c *facts.Call, m *facts.MethodDecl, name string) (string, bool, bool) {
	body := p.Text(m.Decl)
	if !strings.Contains(body, name+" == null") && !strings.Contains(body, "null == "+name) {
		return "", false, false
	}
	// One default to settle later at most: Pending holds one.
	def, later, reads := "", false, 0
	take := func(v string, own, l bool) bool {
		switch {
		case own && def == "":
			def = v
		case l && (later || def == ""):
			if later && def != v {
				return false
			}
			def, later = v, true
		case l:
			return false
		}
		return true
	}
	for _, v := range statementValues(body, name+" = ") {
		own, l := defaultConstant(p, c.Class, v)
		switch {
		case own || l:
			if !take(v, own, l) {
				return "", false, false
			}
		case configRead(v):
			if d, own, l := configDefault(p, c.Class, v); (own || l) && !take(d, own, l) {
				return "", false, false
			}
			reads++
		default:
			return "", false, false
		}
	}
	if def == "" || reads == 0 {
		return "", false, false
	}
	return def, !later, later
}

// configMethods read a value from configuration, the last argument being
// the default where there are two.
var configMethods = []string{"getProperty(", "getOrDefault(", "getInitParameter(", "getString(", "get("}

// configRead reports a call reading a value by key: a property, a map's
// entry, an init parameter.
func configRead(text string) bool {
	_, _, ok := configCall(text)
	return ok
}

// configCall splits "props.getProperty(KEY, DEFAULT)" into its method
// and arguments.
func configCall(text string) (method string, args []string, ok bool) {
	t := strings.TrimSpace(text)
	if !strings.HasSuffix(t, ")") {
		return "", nil, false
	}
	for _, m := range configMethods {
		i := strings.LastIndex(t, m)
		if i < 0 || i > 0 && t[i-1] != '.' && m != "getProperty(" {
			continue
		}
		inner := t[i+len(m) : len(t)-1]
		if strings.Count(inner, "(") != strings.Count(inner, ")") {
			continue
		}
		if strings.TrimSpace(inner) == "" {
			return m[:len(m)-1], nil, true
		}
		// Type arguments count as brackets: Map.<String, Integer>of(...).
		return m[:len(m)-1], splitTopLevel(inner, ',', true), true
	}
	return "", nil, false
}

// configDefault reports a configuration read whose default argument is a
// constant naming a class of the library or the JDK.
func configDefault(p *Pass, class, text string) (def string, own, later bool) {
	method, args, ok := configCall(text)
	if !ok || len(args) != 2 || method == "get" || method == "getInitParameter" {
		return "", false, false
	}
	def = strings.TrimSpace(args[1])
	own, later = defaultConstant(p, class, def)
	return def, own, later
}

// ownConstant reports an expression fixed in the source that names a
// class of the library (this file's, the project's, its package root's)
// or of the JDK: a literal, a constant of this file, "Own.class.getName()".
func ownConstant(p *Pass, class, text string) bool {
	t := strings.TrimSpace(text)
	if strings.HasPrefix(t, "\"") {
		v, err := strconv.Unquote(t)
		return err == nil && ownClassName(p, v)
	}
	for _, suf := range []string{".class.getName()", ".class.getCanonicalName()"} {
		if n, ok := strings.CutSuffix(t, suf); ok {
			return ownClassName(p, resolveType(p, n))
		}
	}
	if !constantName.MatchString(t) {
		return false
	}
	n := t[strings.LastIndexByte(t, '.')+1:]
	for _, fd := range p.File.Fields {
		if fd.Name == n && fd.Static && fd.Final && fd.Init != nil && fd.Init.Text != t {
			return ownConstant(p, class, fd.Init.Text)
		}
	}
	return false
}

// foreignConstant reports a constant this file does not declare
// ("Defaults.CONTEXT_CLASS", or a bare name inherited): its value is
// known once the project's constants are (facts.Pending.Default).
func foreignConstant(p *Pass, text string) bool {
	t := strings.TrimSpace(text)
	if !constantName.MatchString(t) {
		return false
	}
	n := t[strings.LastIndexByte(t, '.')+1:]
	for _, fd := range p.File.Fields {
		if fd.Name == n && fd.Static && fd.Final {
			return false
		}
	}
	return true
}

// ownClassName reports a class name of the JDK or the library.
func ownClassName(p *Pass, v string) bool {
	if v == "" || strings.HasSuffix(v, ".") {
		return false
	}
	return isJDKClassName(v) || declaresHere(p, v) || samePackageRoot(v, p.File.Package+".X") ||
		p.Project != nil && p.Project.HasType(v)
}

// resolveType qualifies a type name as the file's imports and package do.
func resolveType(p *Pass, n string) string {
	n = strings.TrimSpace(n)
	if strings.Contains(n, ".") && n[0] >= 'a' && n[0] <= 'z' {
		return n
	}
	first := n
	if i := strings.IndexByte(n, '.'); i >= 0 {
		first = n[:i]
	}
	for _, im := range p.File.Imports {
		if !im.Static && !im.Wildcard && simpleName(im.Name) == first {
			return im.Name + strings.TrimPrefix(n, first)
		}
	}
	if p.File.Package != "" {
		return p.File.Package + "." + n
	}
	return n
}

// shownDefault is a default as a message shows it: a constant of this
// file by its value.
func shownDefault(p *Pass, text string) string {
	t := strings.TrimSpace(text)
	for depth := 0; depth < 8 && constantName.MatchString(t); depth++ {
		n, next := t[strings.LastIndexByte(t, '.')+1:], ""
		for _, fd := range p.File.Fields {
			if fd.Name == n && fd.Static && fd.Final && fd.Init != nil {
				next = strings.TrimSpace(fd.Init.Text)
			}
		}
		if next == "" || next == t {
			break
		}
		t = next
	}
	if v, err := strconv.Unquote(t); err == nil {
		return v
	}
	for _, suf := range []string{".class.getName()", ".class.getCanonicalName()"} {
		if n, ok := strings.CutSuffix(t, suf); ok {
			return resolveType(p, n)
		}
	}
	return text
}

package rules

import (
	"path"
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// Names held by a small key or descriptor object of the project: a lookup
// of key.getFactoryInterface() (or key.factoryInterface) where the key's
// class stores a constructor parameter in a final field. When every
// creation of that class in the project passes a constant naming a class
// of the project or the JDK there, directly or through a method whose
// every caller does (one hop), the lookup is of the library's own
// classes. A field with a setter, a creation handing in anything else,
// or a class created in too many files keeps the finding.
//
// The lookup's pending names carry "a.b.Key::getName()" (a getter) or
// "a.b.Key::name" (a field), resolved once the project is known.

// keyRef matches such a pending reference.
var keyRef = regexp.MustCompile(`^([\w$.]+)::([A-Za-z_$][\w$]*)(\(\))?$`)

// keyMember matches a name read from an object, "key.getName()" or
// "key.name".
var keyMember = regexp.MustCompile(`^([a-z_$][\w$]*)\s*\.\s*([A-Za-z_$][\w$]*)\s*(\(\s*\))?$`)

// keyFieldRef is the pending reference of a lookup's name read from a
// parameter or local of a project class, "" when it is none.
func keyFieldRef(p *Pass, c *facts.Call, m *facts.MethodDecl, name facts.Expr) string {
	km := keyMember.FindStringSubmatch(strings.TrimSpace(name.Text))
	if km == nil || m == nil || len(p.Src) == 0 {
		return ""
	}
	recv, member := km[1], km[2]
	if km[3] == "" && !identifier(member) || km[3] != "" && !strings.HasPrefix(member, "get") {
		return ""
	}
	typ := declaredParamType(m.Params, recv)
	if typ == "" {
		body := p.Text(facts.Span{Start: m.Decl.Start, End: c.Span.Start})
		if lm := regexp.MustCompile(`(?:^|[^\w$.])([A-Z][\w$]*(?:\.[A-Z][\w$]*)*)\s+`+regexp.QuoteMeta(recv)+`\s*=`).FindAllStringSubmatch(body, -1); len(lm) > 0 {
			typ = lm[len(lm)-1][1]
		}
	}
	if typ == "" || javaLangStatics[typ] {
		return ""
	}
	q := qualifyType(p, typ)
	if q == "" || isJDKClassName(q) {
		return ""
	}
	return q + "::" + member + km[3]
}

// declaredParamType is the declared type of parameter name in a parameter list,
// without generics; "" when there is none.
func declaredParamType(params, name string) string {
	params = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(params), "("), ")")
	for _, part := range splitTopLevel(params, ',', true) {
		f := strings.Fields(part)
		if len(f) < 2 || f[len(f)-1] != name {
			continue
		}
		t := f[len(f)-2]
		if i := strings.IndexByte(t, '<'); i >= 0 {
			t = t[:i]
		}
		return t
	}
	return ""
}

// keyFixed reports whether every name a key class's member may hold is a
// constant naming a class of the project or the JDK (fixed), or a
// constant at least (consts).
func (k *Constants) keyFixed(ref string, declared func(string) bool) (fixed, consts bool) {
	m := keyRef.FindStringSubmatch(ref)
	if m == nil || k == nil || k.Source == nil || k.SourceAt == nil || k.Mentions == nil {
		return false, false
	}
	class, member := m[1], m[2]
	src := string(k.Source(outerClass(class)))
	if src == "" {
		return false, false
	}
	field := member
	if m[3] != "" {
		// The getter returns the field.
		decl := regexp.MustCompile(`\b` + regexp.QuoteMeta(member) + `\s*\(\s*\)[^{;]*\{`).FindStringIndex(src)
		if decl == nil {
			return false, false
		}
		end := matchClose(src, decl[1]-1)
		rets := statementValues(src[decl[1]:max(decl[1], end)], "return ")
		if end < 0 || len(rets) != 1 {
			return false, false
		}
		field = strings.TrimPrefix(rets[0], "this.")
		if !identifier(field) {
			return false, false
		}
	}
	// Final, so that only a constructor stores it.
	if !regexp.MustCompile(`\bfinal\b[^;=(){}]*\bString\s+` + regexp.QuoteMeta(field) + `\s*;`).MatchString(src) {
		return false, false
	}
	simple := simpleName(class)
	if i := strings.LastIndexByte(simple, '$'); i >= 0 {
		simple = simple[i+1:]
	}
	// The constructors: the parameter each stores in the field, by arity.
	store := map[int]int{}
	ctor := regexp.MustCompile(`(?:^|[^\w$.])` + regexp.QuoteMeta(simple) + `\s*\(([^()]*)\)\s*(?:throws[^{;]*)?\{`)
	assign := regexp.MustCompile(`(?:^|[^\w$.])(?:this\s*\.\s*)?` + regexp.QuoteMeta(field) + `\s*=\s*([^;=][^;]*);`)
	for _, loc := range ctor.FindAllStringSubmatchIndex(src, -1) {
		if pre := strings.TrimRight(src[:loc[0]+1], " \t\r\n"); strings.HasSuffix(pre, "new") {
			continue
		}
		params := paramNames(src[loc[2]:loc[3]])
		end := matchClose(src, loc[1]-1)
		if end < 0 {
			return false, false
		}
		body := src[loc[1]:end]
		a := assign.FindStringSubmatch(body)
		if a == nil {
			if strings.Contains(body, "this(") {
				return false, false // delegates: not followed
			}
			continue // leaves it null
		}
		i := paramIndexOf(params, strings.TrimSpace(a[1]))
		if i < 0 {
			return false, false
		}
		store[len(params)] = i
	}
	if len(store) == 0 {
		return false, false
	}
	paths, ok := k.Mentions(simple)
	if !ok {
		return false, false
	}
	creation := regexp.MustCompile(`\bnew\s+(?:[\w$]+\s*\.\s*)*` + regexp.QuoteMeta(simple) + `\s*(?:<[^<>()]*>)?\s*\(`)
	return k.settleArgs(paths, creation, false, func(args []string) int {
		if i, ok := store[len(args)]; ok {
			return i
		}
		return -1 // a constructor leaving the field null
	}, class, declared, 1)
}

// keyArg judges the argument arg a creation (or call) at offset at of the
// source text hands in: a constant name, or a parameter of the method
// around it whose every call in the project passes one (hops more times).
func (k *Constants) keyArg(text string, at int, arg, caller, class string, declared func(string) bool, hops int) (fixed, consts bool) {
	arg = strings.TrimSpace(arg)
	if !identifier(arg) || constantName.MatchString(arg) {
		return fixedArgOf(exprOf(arg), caller, class, k, declared, resNone)
	}
	name, params := enclosingMethodAt(text, at)
	i := paramIndexOf(params, arg)
	if hops == 0 || name == "" || i < 0 {
		return false, false
	}
	paths, ok := k.Mentions(name)
	if !ok {
		return false, false
	}
	call := regexp.MustCompile(`(?:^|[^\w$])` + regexp.QuoteMeta(name) + `\s*\(`)
	return k.settleArgs(paths, call, true, func(args []string) int {
		if len(args) != len(params) {
			return -1 // another overload
		}
		return i
	}, class, declared, hops-1)
}

// settleArgs judges with keyArg (hops more times) the argument pick
// chooses (-1: none) at every match of call in the sources at paths,
// declarations skipped when skipDecls: fixed when every one is a fixed
// name, consts when every one is a constant; false, false when a call
// cannot be read or none is seen.
func (k *Constants) settleArgs(paths []string, call *regexp.Regexp, skipDecls bool, pick func(args []string) int, class string, declared func(string) bool, hops int) (fixed, consts bool) {
	fixed, consts = true, true
	seen := 0
	for _, pth := range paths {
		src := string(k.SourceAt(pth))
		from := sourceClass(src, pth)
		for _, loc := range call.FindAllStringIndex(src, -1) {
			if skipDecls && declarationAt(src, loc[0]) {
				continue
			}
			args, ok := callArgs(src[loc[1]:])
			if !ok {
				return false, false
			}
			i := pick(args)
			if i < 0 {
				continue
			}
			seen++
			f, kk := k.keyArg(src, loc[0], args[i], from, class, declared, hops)
			fixed, consts = fixed && f, consts && (f || kk)
			if !consts {
				return false, false
			}
		}
	}
	if seen == 0 {
		return false, false
	}
	return fixed, consts && !fixed
}

// methodHead matches a method's or constructor's declaration up to its
// body: its name and parameters.
var methodHead = regexp.MustCompile(`([A-Za-z_$][\w$]*)\s*\(([^()]*)\)\s*(?:throws[^{;()]*)?\{`)

// enclosingMethodAt is the name and parameter names of the method whose
// body holds offset at of src; "" when none is found.
func enclosingMethodAt(src string, at int) (string, []string) {
	var name string
	var params []string
	for _, loc := range methodHead.FindAllStringSubmatchIndex(src[:at], -1) {
		n := src[loc[2]:loc[3]]
		switch n {
		case "if", "for", "while", "switch", "catch", "synchronized", "try":
			continue
		}
		if declarationAt(src, loc[2]) && matchClose(src, loc[1]-1) > at {
			name, params = n, paramNames(src[loc[4]:loc[5]])
		}
	}
	return name, params
}

// declarationAt reports that the name at offset i of src is declared
// there (a type or a modifier before it), not called.
func declarationAt(src string, i int) bool {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r' || !isIdentByte(src[i])) {
		i++
	}
	pre := strings.TrimRight(src[:i], " \t\r\n")
	if pre == "" {
		return false
	}
	last := pre[len(pre)-1]
	if last == '>' || last == ']' {
		return true // a generic or array return type
	}
	if !isIdentByte(last) {
		return false
	}
	j := len(pre)
	for j > 0 && isIdentByte(pre[j-1]) {
		j--
	}
	switch w := pre[j:]; w {
	case "new", "return", "throw", "else", "case", "assert", "yield":
		return false
	default:
		return j == len(pre) || j == 0 || pre[j-1] != '.'
	}
}

// packageDecl matches a source's package declaration.
var packageDecl = regexp.MustCompile(`(?m)^\s*package\s+([\w.]+)\s*;`)

// sourceClass is the top-level class a source at path declares, by its
// package and file name.
func sourceClass(src, pth string) string {
	base := strings.TrimSuffix(path.Base(pth), ".java")
	if m := packageDecl.FindStringSubmatch(src); m != nil {
		return m[1] + "." + base
	}
	return base
}

// callerKeyRef is the pending reference of an argument a caller hands a
// helper that reads it from a key object of the project
// (key.getFactoryInterface()), the key's type read from the caller's
// method; "" when it is none.
func (k *Constants) callerKeyRef(cs facts.CallSite, x facts.Expr) string {
	km := keyMember.FindStringSubmatch(strings.TrimSpace(x.Text))
	if km == nil || k == nil || k.SourceAt == nil || km[3] != "" && !strings.HasPrefix(km[2], "get") {
		return ""
	}
	src := string(k.SourceAt(cs.Site.Path))
	at := cs.Site.Span.Start
	if at <= 0 || at > len(src) {
		return ""
	}
	recv := km[1]
	name, _ := enclosingMethodAt(src, at)
	if name == "" {
		return ""
	}
	// The method's text from its declaration: "Type recv" as a parameter
	// or a local.
	head := methodHead.FindAllStringIndex(src[:at], -1)
	from := 0
	for _, h := range head {
		if strings.HasPrefix(strings.TrimSpace(src[h[0]:h[1]]), name) && matchClose(src, h[1]-1) > at {
			from = h[0]
		}
	}
	typ := regexp.MustCompile(`(?:^|[^\w$.])([A-Z][\w$]*(?:\.[A-Z][\w$]*)*)(?:<[^<>;=()]*>)?\s+`+regexp.QuoteMeta(recv)+`\s*[=,)]`).FindAllStringSubmatch(src[from:at], -1)
	if len(typ) == 0 {
		return ""
	}
	t := typ[len(typ)-1][1]
	if javaLangStatics[t] {
		return ""
	}
	q := qualifyTypeIn(src, sourceClass(src, cs.Site.Path), t)
	if q == "" || isJDKClassName(q) {
		return ""
	}
	return q + "::" + km[2] + km[3]
}

// importDecl matches a single-type import.
var importDecl = regexp.MustCompile(`(?m)^\s*import\s+([\w.]+)\s*;`)

// qualifyTypeIn is qualifyType for a source's text, the class declaring
// it given: its imports, else its package.
func qualifyTypeIn(src, class, typ string) string {
	first, rest, _ := strings.Cut(typ, ".")
	for _, m := range importDecl.FindAllStringSubmatch(src, -1) {
		if simpleName(m[1]) == first {
			return m[1] + dollarRest(rest)
		}
	}
	if i := strings.LastIndexByte(class, '.'); i > 0 {
		return class[:i] + "." + first + dollarRest(rest)
	}
	return ""
}

func dollarRest(rest string) string {
	if rest == "" {
		return ""
	}
	return "$" + strings.ReplaceAll(rest, ".", "$")
}

package rules

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// Helpers of the process-level rules (system-exit, system-property-mutation,
// jvm-global-default-mutation, shutdown-hook): code that never runs, the
// flag an exit waits for and who turns it on, classes the JVM itself
// installs at start-up. They read a source's text; compiled code has none,
// so nothing is decided there.

// uncalledPrivate reports a call inside a private method that nothing in
// its file names: no call, no method reference (::name), no string holding
// the name (a reflective lookup). Only the file can call a private method,
// so the code never runs.
func uncalledPrivate(p *Pass, at facts.Span) bool {
	m := enclosingMethodDecl(p, at)
	if m == nil || m.Name == "<init>" || m.Name == "<clinit>" || len(p.Src) == 0 || m.Decl.End > len(p.Src) || m.Span.End > len(p.Src) {
		return false
	}
	if m.Span.Start < 0 || p.Text(m.Span) != m.Name {
		return false // compiled code: no text to search
	}
	if !m.Private && !(m.Decl.Start < m.Span.Start && wordIn(p.Src[m.Decl.Start:m.Span.Start], "private")) {
		return false
	}
	for _, a := range m.Annotations {
		// Frameworks call annotated private methods (@PostConstruct,
		// @Subscribe, serialization hooks ...).
		if !annotationIs(a, "Override") && !annotationIs(a, "SuppressWarnings") {
			return false
		}
	}
	if serializationHooks[m.Name] {
		return false // the JVM's serialization calls them
	}
	if strings.Contains(string(p.Src), `"`+m.Name+`"`) {
		return false
	}
	// The name of an overload that is private too is its declaration, not
	// a call: two uncalled private log(...) helpers leave each other
	// uncalled.
	decls := map[int]bool{m.Span.Start: true}
	for i := range p.File.Methods {
		o := &p.File.Methods[i]
		if o.Name == m.Name && o.Span.Start >= 0 && o.Span.End <= len(p.Src) && p.Text(o.Span) == o.Name &&
			(o.Private || (o.Decl.Start < o.Span.Start && wordIn(p.Src[o.Decl.Start:o.Span.Start], "private"))) {
			decls[o.Span.Start] = true
		}
	}
	code := javaCode(string(p.Src))
	for i := wordIndexIn(code, m.Name, 0); i >= 0; i = wordIndexIn(code, m.Name, i+len(m.Name)) {
		if !decls[i] {
			return false
		}
	}
	return true
}

// serializationHooks are private methods the JVM calls by name.
var serializationHooks = map[string]bool{"readObject": true, "writeObject": true, "readObjectNoData": true,
	"readResolve": true, "writeReplace": true}

// wordIndexIn is the index of the first whole identifier w in s at or
// after off, -1 when there is none.
func wordIndexIn(s, w string, off int) int {
	for off <= len(s) {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		end := i + len(w)
		if (i == 0 || !isIdent(s[i-1])) && (end == len(s) || !isIdent(s[end])) {
			return i
		}
		off = end
	}
	return -1
}

// publicMethodAt reports whether the method around offset at is declared
// public (or is not found: unknown counts as callable).
func publicMethodAt(p *Pass, at int) bool {
	m := p.File.MethodAround(at)
	if m == nil {
		return true
	}
	if m.Decl.Start < 0 || m.Span.Start > len(p.Src) || m.Decl.Start >= m.Span.Start {
		return !m.Private // compiled code: only private is known
	}
	return wordIn(p.Src[m.Decl.Start:m.Span.Start], "public")
}

// exitGuard is the flag an exit waits for: a private boolean field of the
// exit's class, off unless the class's own code turns it on, and the
// methods that do (Writers; none: the flag never turns on).
type exitGuard struct {
	Field   string
	Writers []facts.MethodKey
	// Setter is a writer that takes the value from its caller (a
	// setExitJvm(boolean), a constructor's parameter): the exit is the
	// library's opt-in, which whoever configures it turns on.
	Setter string
	// Ref is a guard of another class, its writers not known yet.
	Ref *facts.GuardRef
	// Off: the exit waits for the flag to be turned off (on by default).
	Off bool
}

// guardOf finds the flag guarding call c: c sits in the then-branch of an
// if whose condition holds only when the flag is true ("if (exitVm)",
// "if (a && isExitVm())", through a getter of the class returning it), or
// in the else-branch of "if (apiMode)" or the then-branch of "if
// (!apiMode)": a flag the exit waits to see turned off. The flag must keep
// the exit away by default (off: no initialiser, or false; turned off: on,
// initialised to true) and be private, so that the class's own methods are
// its only writers.
func guardOf(p *Pass, c *facts.Call) (*exitGuard, bool) {
	m := enclosingMethodDecl(p, c.Span)
	if m == nil || len(p.Src) == 0 || m.Decl.End > len(p.Src) || c.Span.Start < m.Decl.Start {
		return nil, false
	}
	code := javaCode(string(p.Src[m.Decl.Start:m.Decl.End]))
	at := c.Span.Start - m.Decl.Start
	for _, cond := range conditionsAround(code, at) {
		for _, term := range splitAnd(cond) {
			if g, ok := flagGuard1(p.File, p.Src, c.Class, term); ok {
				return g, true
			}
			if g, ok := foreignGuard(p, c.Class, term); ok {
				return g, true
			}
		}
	}
	// The else-branch of "if (apiMode) throw e; else System.exit(2);":
	// the exit waits for the flag to be off.
	for _, cond := range elseConditionsAround(code, at) {
		if g, ok := flagGuard1(p.File, p.Src, c.Class, "!("+cond+")"); ok {
			return g, true
		}
	}
	return nil, false
}

// elseConditionsAround lists the conditions of the ifs whose else-branch
// holds offset at of code, innermost last.
func elseConditionsAround(code string, at int) []string {
	var out []string
	ifsBefore(code, at, func(_, open, close, end int) {
		if at < end {
			return // the then-branch
		}
		e := skipSpace(code, end)
		if !strings.HasPrefix(code[e:], "else") || e+4 < len(code) && isIdent(code[e+4]) {
			return
		}
		if at < statementEnd(code, e+4) {
			out = append(out, code[open+1:close])
		}
	})
	return out
}

// conditionsAround lists the conditions of the ifs whose then-branch
// holds offset at of code, innermost last.
func conditionsAround(code string, at int) []string {
	var out []string
	ifsBefore(code, at, func(_, open, close, end int) {
		if at < end {
			out = append(out, code[open+1:close])
		}
	})
	return out
}

// ifsBefore calls fn for each if of code whose condition closes before
// offset at, with the offsets of the if, its condition's parentheses and
// the end of its statement.
func ifsBefore(code string, at int, fn func(i, open, close, end int)) {
	for i := wordIndexIn(code, "if", 0); i >= 0 && i < at; i = wordIndexIn(code, "if", i+2) {
		open := skipSpace(code, i+2)
		if open >= len(code) || code[open] != '(' {
			continue
		}
		close := matchClose(code, open)
		if close < 0 || close >= at {
			continue
		}
		fn(i, open, close, statementEnd(code, close+1))
	}
}

// splitAnd splits a condition at its top-level "&&".
func splitAnd(cond string) []string {
	var out []string
	depth, last := 0, 0
	for i := 0; i < len(cond); i++ {
		switch cond[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case '|':
			if depth == 0 && i+1 < len(cond) && cond[i+1] == '|' {
				return nil // either side may hold: no single flag decides
			}
		case '&':
			if depth == 0 && i+1 < len(cond) && cond[i+1] == '&' {
				out = append(out, cond[last:i])
				last = i + 2
				i++
			}
		}
	}
	return append(out, cond[last:])
}

// getterCall is a call of a method without arguments, optionally
// qualified: "isExitVm()", "this.isExitVm()", "Launcher.isExitVm()".
var getterCall = lazyRE(`^(?:(?:this|[A-Z]\w*)\.)?(\w+)\s*\(\s*\)$`)

// returnsField is the body of a getter returning a field.
var returnsField = lazyRE(`^\{\s*return\s+(?:this\.|[A-Z]\w*\.)?(\w+)\s*;\s*\}$`)

// getterField is the field a getter of file f returns (a method named
// name, without parameters, whose body is "return [this.]field;"), among
// the methods of returns true for; "" when there is none.
func getterField(f *facts.File, src []byte, name string, of func(*facts.MethodDecl) bool) string {
	field := ""
	for i := range f.Methods {
		g := &f.Methods[i]
		if g.Name != name || !of(g) || strings.Trim(strings.TrimSpace(g.Params), "() ") != "" || g.Decl.Start < 0 || g.Decl.End > len(src) {
			continue
		}
		body := javaCode(string(src[g.Decl.Start:g.Decl.End]))
		if k := strings.IndexByte(body, '{'); k >= 0 {
			if r := returnsField.FindStringSubmatch(strings.TrimSpace(body[k:])); r != nil {
				field = r[1]
			}
		}
	}
	return field
}

// guardTerm is a condition term without its outer parentheses and an
// "== true".
func guardTerm(term string) string {
	t := strings.TrimSpace(term)
	for strings.HasPrefix(t, "(") && matchClose(t, 0) == len(t)-1 {
		t = strings.TrimSpace(t[1 : len(t)-1])
	}
	return strings.TrimSpace(strings.TrimSuffix(t, "== true"))
}

// flagGuard1 resolves one condition term to a guard: a flag of class,
// declared in file f of source src. A negated flag ("!apiMode") is one
// the exit waits to be turned off: on by default, its writers are those
// that store anything but true.
func flagGuard1(f *facts.File, src []byte, class, term string) (*exitGuard, bool) {
	p := &Pass{File: f, Src: src}
	t := guardTerm(term)
	off := false
	if strings.HasPrefix(t, "!") && !strings.HasPrefix(t, "!=") {
		off = true
		t = guardTerm(t[1:])
	} else if n, ok := strings.CutSuffix(t, "== false"); ok {
		off = true
		t = guardTerm(n)
	}
	on, def := "true", "false" // the value the exit needs, and the default
	if off {
		on, def = "false", "true"
	}
	name := strings.TrimPrefix(t, "this.")
	if !isIdentName(name) {
		sub := getterCall.FindStringSubmatch(t)
		if sub == nil {
			return nil, false
		}
		name = getterField(f, src, sub[1], func(g *facts.MethodDecl) bool { return sameNest(g.Class, class) })
		if name == "" {
			return nil, false
		}
	}
	var fd *facts.Field
	for i := range p.File.Fields {
		if f := &p.File.Fields[i]; f.Name == name && sameNest(f.Class, class) {
			fd = f
		}
	}
	if fd == nil || fd.Type != "boolean" && fd.Type != "java.lang.Boolean" && fd.Type != "Boolean" {
		return nil, false
	}
	if fd.Decl.End > len(p.Src) || !wordIn(p.Src[fd.Decl.Start:fd.Decl.End], "private") {
		return nil, false // other classes may turn it on
	}
	init := "false" // a boolean field's default
	if fd.Init != nil {
		init = strings.TrimSpace(fd.Init.Text)
	}
	if init != def {
		return nil, false // the exit's way by default, or set from elsewhere
	}
	g := &exitGuard{Field: name, Off: off}
	assign := regexp.MustCompile(`(?:^|[^\w.]|\bthis\.)` + regexp.QuoteMeta(name) + `\s*=([^=][^;]*);`)
	for i := range p.File.Methods {
		w := &p.File.Methods[i]
		if !sameNest(w.Class, class) || w.Decl.End > len(p.Src) {
			continue
		}
		body := javaCode(string(p.Src[w.Decl.Start:w.Decl.End]))
		for _, a := range assign.FindAllStringSubmatch(body, -1) {
			v := strings.TrimSpace(a[1])
			if v == def {
				continue // keeps the exit away
			}
			g.Writers = append(g.Writers, facts.MethodKey{Class: w.Class, Name: w.Name, Arity: -1})
			if v != on && g.Setter == "" {
				g.Setter = w.Name
				if w.Name == "<init>" {
					g.Setter = simpleName(w.Class) + "'s constructor"
				}
			}
			break
		}
	}
	return g, true
}

// foreignCall is a static getter of another class: "Launcher.isNonGui()".
var foreignCall = lazyRE(`^([A-Z]\w*)\.(\w+)\s*\(\s*\)$`)

// foreignGuard resolves a condition term calling a static getter of
// another class of the project ("Launcher.isNonGui()"): that class's file
// decides the flag, which the scanner reads (Diagnostic.GuardRef). Nothing
// is known here yet: the guard has no writers until it is resolved.
func foreignGuard(p *Pass, class, term string) (*exitGuard, bool) {
	sub := foreignCall.FindStringSubmatch(strings.TrimSpace(term))
	if sub == nil || sub[1] == simpleName(class) {
		return nil, false
	}
	// Whether the project declares the class the scanner finds out: a
	// class it has no source of keeps the finding.
	fqn := resolveType(p, sub[1])
	return &exitGuard{Field: sub[1] + "." + sub[2] + "()", Ref: &facts.GuardRef{Class: fqn, Getter: sub[2]}}, true
}

// GuardWriters resolves a guard another class's static getter holds
// (facts.GuardRef) in the file f (source src) declaring that class: the
// methods turning its flag on, as flagGuard1 finds them for a flag of the
// exit's own class. ok is false when the getter returns no private,
// off-by-default boolean field of the class.
func GuardWriters(f *facts.File, src []byte, ref facts.GuardRef) (writers []facts.MethodKey, ok bool) {
	g, ok := flagGuard1(f, src, ref.Class, ref.Getter+"()")
	if !ok {
		return nil, false
	}
	return g.Writers, true
}

// jvmInstalled are the classes the JVM itself creates at start-up from a
// -D option (java.security.manager, java.util.logging.manager,
// java.security.policy's provider): one per process, configured by
// whoever launches it, never by an app.
var jvmInstalled = map[string]bool{
	"java.lang.SecurityManager": true, "SecurityManager": true,
	"java.util.logging.LogManager": true, "LogManager": true,
}

// jvmInstalledClass reports a class of the file (or its nest) that
// extends one of jvmInstalled.
func jvmInstalledClass(f *facts.File, class string) bool {
	for _, t := range f.TypeDecls {
		if t.Name == class || sameNest(t.Name, class) && strings.HasPrefix(class, t.Name+"$") {
			if jvmInstalled[t.Super] {
				return true
			}
		}
	}
	return false
}

// copiesConfig reports a property write whose key and value are computed
// inside a for-each loop over a configuration's entries or names
// (entrySet(), keySet(), stringPropertyNames(), propertyNames()): a server
// copying the keys of its own configuration file into the JVM's table by
// design. Still JVM-wide, but what goes there is the configuration's.
func copiesConfig(p *Pass, c *facts.Call) bool {
	if len(c.Args) < 2 || c.Args[0].Kind == facts.ExprString || c.Args[1].Kind == facts.ExprString {
		return false
	}
	m := enclosingMethodDecl(p, c.Span)
	if m == nil || len(p.Src) == 0 || m.Decl.End > len(p.Src) || c.Span.Start < m.Decl.Start {
		return false
	}
	code := javaCode(string(p.Src[m.Decl.Start:m.Decl.End]))
	at := c.Span.Start - m.Decl.Start
	for i := wordIndexIn(code, "for", 0); i >= 0 && i < at; i = wordIndexIn(code, "for", i+3) {
		open := skipSpace(code, i+3)
		if open >= len(code) || code[open] != '(' {
			continue
		}
		close := matchClose(code, open)
		if close < 0 || close >= at || statementEnd(code, close+1) <= at {
			continue
		}
		head := code[open+1 : close]
		if strings.Contains(head, ";") || !strings.Contains(head, ":") {
			continue
		}
		if configNames.MatchString(head) && !systemTableRE.MatchString(head) {
			return true // (the JVM's own table is no configuration)
		}
	}
	return copiesEntry(code[:at], c.Args[0].Text, c.Args[1].Text)
}

// copiesEntry reports a property write (key text key, value text value,
// before the code of its method up to the call) whose value is an entry of
// another Properties looked up by the name the key is made from:
// `System.setProperty(name, props.getProperty(name))`, also through locals
// bound once (`String value = props.getProperty(name)`, `String specific =
// name.substring(7)`), as
// a loop over an Enumeration of its names or a method handed the name
// writes it. What goes into the JVM's table is that configuration's.
func copiesEntry(before, key, value string) bool {
	value = strings.TrimSpace(value)
	if bareIdentRE.MatchString(value) {
		v, _ := localOf(before, value, stringLocals)
		value = strings.TrimSpace(v)
	}
	m := entryLookupRE.FindStringSubmatch(value)
	if m == nil || m[1] == "System" || strings.HasSuffix(m[1], ".System") {
		return false
	}
	name := m[2]
	key = strings.TrimSpace(key)
	if key == name {
		return true
	}
	if bareIdentRE.MatchString(key) {
		k, _ := localOf(before, key, stringLocals)
		key = strings.TrimSpace(k)
	}
	return key != "" && wordIndexIn(key, name, 0) >= 0
}

// entryLookupRE is a Properties lookup by a name held in a variable:
// receiver and name.
var entryLookupRE = lazyRE(`^([A-Za-z_$][\w$.]*)\s*\.\s*getProperty\s*\(\s*([A-Za-z_$][\w$]*)\s*[,)]`)

// stringLocals are the declared types of the locals a key or value goes
// through (localOf).
const stringLocals = "String|Object|var"

// bareIdentRE is an expression that is one identifier.
var bareIdentRE = lazyRE(`^[A-Za-z_$][\w$]*$`)

// systemTableRE is the JVM's own table.
var systemTableRE = lazyRE(`\bSystem\s*\.\s*getProperties\s*\(`)

// configNames are the views a loop over a configuration's keys iterates.
var configNames = lazyRE(`\.\s*(?:entrySet|keySet|stringPropertyNames|propertyNames)\s*\(\s*\)\s*$`)

package rules

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// Helpers of the process-level rules (system-exit, system-property-mutation,
// jvm-global-default-mutation): a hazard taken only when whoever runs the
// JVM turns an opt-in switch on. The switch is a system property or an
// environment variable read as false when absent
// (Boolean.getBoolean("x.exit"), Boolean.parseBoolean(System.getProperty(
// "x.exit", "false"))), a setting read with a false default
// (conf.getBoolean("x.exit", false), a helper of the project returning a
// property's value with the default its caller passes), a local or field
// holding one, or a getter returning such a field. The code runs only for
// the operator who asked for it: at most a note, which names the switch.
// A switch on by default ("true" default, !Boolean.getBoolean("x.disable"))
// decides nothing. Source text only: compiled code has none.

// optInDepth bounds the names followed from a test to the read that sets
// them (a field holding a local's value, ...) and the private methods
// followed to the guarded calls of them.
const optInDepth = 3

// optInAt reports the opt-in switch the code at span at (of file f, source
// src) waits for: an if around it or an early return before it in its
// method or static initialiser, or, for a private method of the file, a
// switch every call of it (or method reference to it) in the file waits
// for; in an anonymous or local class's method or a lambda, the switches
// of the code that makes it count too. Helper is set on the
// result when the switch is read through a helper of another class, which
// the scanner checks (facts.Pending.OptIn).
func optInAt(f *facts.File, src []byte, at facts.Span) (*facts.OptIn, bool) {
	return optInDepthAt(f, src, at, 0)
}

func optInDepthAt(f *facts.File, src []byte, at facts.Span, depth int) (*facts.OptIn, bool) {
	if depth > optInDepth || len(src) == 0 || at.End > len(src) || at.Start < 0 {
		return nil, false
	}
	reg, m, ok := codeAround(f, at.Start)
	if !ok || reg.End > len(src) {
		return nil, false
	}
	pos := at.Start
	for {
		if o, ok := regionOptIn(f, src, reg, m, pos, depth); ok {
			return o, true
		}
		if o, ok := privateOptIn(f, src, m, depth); ok {
			return o, true
		}
		// A method of an anonymous or local class, a lambda's body: it
		// runs only once the code around it made it, so the switches
		// that code waits for hold for it too.
		outer, om, ok := codeAroundOf(f, reg)
		if !ok || outer.End > len(src) {
			return nil, false
		}
		reg, m, pos = outer, om, reg.Start
	}
}

// regionOptIn is the switch the code at offset pos of the method or
// static initialiser reg (declared by m, nil for a static initialiser)
// waits for in reg itself: an if around it or an early return before it.
func regionOptIn(f *facts.File, src []byte, reg facts.Span, m *facts.MethodDecl, pos, depth int) (*facts.OptIn, bool) {
	raw := string(src[reg.Start:reg.End])
	code := javaCode(raw)
	rel := pos - reg.Start
	class := ""
	if m != nil {
		class = m.Class
	} else {
		var best facts.Span // a static initialiser: the innermost class around it
		for _, t := range f.TypeDecls {
			if t.Decl.Start <= pos && pos < t.Decl.End && (class == "" || t.Decl.Len() < best.Len()) {
				class, best = t.Name, t.Decl
			}
		}
	}
	// A condition is the switch when each of its alternatives has a term
	// that is one: "if (a && on)", "if (onA || onB)".
	for _, cond := range heldTerms(code, rel) {
		var first *facts.OptIn
		for _, alt := range cond {
			var found *facts.OptIn
			for _, t := range alt {
				if o, ok := optInTerm(f, src, raw[t[0]:t[1]], class, raw[:rel], depth); ok {
					found = o
					break
				}
			}
			if found == nil {
				first = nil
				break
			}
			if first == nil {
				first = found
			}
		}
		if first != nil {
			return first, true
		}
	}
	return nil, false
}

// privateOptIn is the switch every use in its file of m, a private
// method, waits for: only its file calls it (a static initialiser's
// "if (REPLACE) replaceProperties();"), or hands it on as a method
// reference ("if (EXIT) executor.submit(this::halt);").
func privateOptIn(f *facts.File, src []byte, m *facts.MethodDecl, depth int) (*facts.OptIn, bool) {
	if m == nil || m.Name == "<init>" || !m.Private && !(m.Decl.Start < m.Span.Start && m.Span.Start <= len(src) && wordIn(src[m.Decl.Start:m.Span.Start], "private")) {
		return nil, false
	}
	if strings.Contains(string(src), `"`+m.Name+`"`) {
		return nil, false // a reflective lookup: callers unknown
	}
	code := javaCode(string(src))
	var first *facts.OptIn
	for i := wordIndexIn(code, m.Name, 0); i >= 0; i = wordIndexIn(code, m.Name, i+len(m.Name)) {
		if within(i, m.Decl) {
			continue
		}
		k := i - 1
		for k >= 0 && strings.IndexByte(" \t\n\r", code[k]) >= 0 {
			k--
		}
		var use facts.Span
		if k >= 1 && code[k] == ':' && code[k-1] == ':' {
			// A method reference: whoever holds it calls the method,
			// so the reference itself must wait for the switch.
			q := strings.TrimSpace(code[strings.LastIndexAny(code[:k-1], " \t\n\r;{}(=!&|,")+1 : k-1])
			if q != "this" && q != simpleName(m.Class) {
				return nil, false // another object's, or a qualified this: not followed
			}
			use = facts.Span{Start: i, End: i + len(m.Name)}
		} else {
			j := skipSpace(code, i+len(m.Name))
			if j >= len(code) || code[j] != '(' {
				continue // a field or a word of another kind
			}
			if k >= 0 && code[k] == '.' {
				q := strings.TrimSpace(code[strings.LastIndexAny(code[:k], " \t\n\r;{}(=!&|,")+1 : k])
				if q != "this" && q != simpleName(m.Class) {
					continue // another object's method of that name
				}
			}
			close := matchClose(code, j)
			if close < 0 {
				return nil, false
			}
			use = facts.Span{Start: i, End: close + 1}
		}
		o, ok := optInDepthAt(f, src, use, depth+1)
		if !ok {
			return nil, false
		}
		if first == nil {
			first = o
		}
	}
	return first, first != nil
}

// codeAround is the smallest method or static initialiser of f holding
// offset at, with its declaration (nil for a static initialiser).
func codeAround(f *facts.File, at int) (facts.Span, *facts.MethodDecl, bool) {
	var best facts.Span
	var bm *facts.MethodDecl
	found := false
	for i := range f.Methods {
		m := &f.Methods[i]
		if m.Decl.Start >= 0 && m.Decl.Start <= at && at < m.Decl.End && (!found || m.Decl.Len() < best.Len()) {
			best, bm, found = m.Decl, m, true
		}
	}
	for _, s := range f.StaticInits {
		if s.Start <= at && at < s.End && (!found || s.Len() < best.Len()) {
			best, bm, found = s, nil, true
		}
	}
	return best, bm, found
}

// codeAroundOf is the smallest method or static initialiser of f
// strictly holding the region inner (a method of an anonymous or local
// class, declared in the code of another), with its declaration.
func codeAroundOf(f *facts.File, inner facts.Span) (facts.Span, *facts.MethodDecl, bool) {
	var best facts.Span
	var bm *facts.MethodDecl
	found := false
	holds := func(s facts.Span) bool {
		return s.Start <= inner.Start && inner.End <= s.End && s.Len() > inner.Len() && (!found || s.Len() < best.Len())
	}
	for i := range f.Methods {
		m := &f.Methods[i]
		if m.Decl.Start >= 0 && holds(m.Decl) {
			best, bm, found = m.Decl, m, true
		}
	}
	for _, s := range f.StaticInits {
		if holds(s) {
			best, bm, found = s, nil, true
		}
	}
	return best, bm, found
}

// heldTerms lists the conditions that hold whenever offset at of code
// (the text of a method) runs, each as its "||" alternatives and theirs
// as their "&&" terms (spans in code): the condition of an if whose
// then-branch holds at, and X of an earlier "if (!X) return;" (or throw)
// in a block around it.
func heldTerms(code string, at int) [][][][2]int {
	var out [][][][2]int
	ifsBefore(code, at, func(i, open, close, end int) {
		if at < end {
			var alts [][][2]int
			for _, d := range splitTop(code, open+1, close, "||") {
				alts = append(alts, splitTop(code, d[0], d[1], "&&"))
			}
			out = append(out, alts)
			return
		}
		// An early way out: "if (!on) return;", "if (!on) { throw ...; }",
		// a loop's "if (!on) break;".
		body := strings.TrimSpace(code[close+1 : end])
		body = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(body, "{"), "}"))
		if !wayOut.MatchString(body) || strings.Count(body, ";") != 1 || !dominates(code[:at], i, end) {
			return
		}
		for _, t := range splitTop(code, open+1, close, "||") {
			k := skipSpace(code, t[0])
			if k < t[1] && code[k] == '!' && (k+1 >= t[1] || code[k+1] != '=') && len(splitTop(code, k+1, t[1], "&&")) == 1 {
				out = append(out, [][][2]int{{{k + 1, t[1]}}})
			}
		}
	})
	return out
}

// wayOut is a statement leaving the code that follows it.
var wayOut = lazyRE(`^(?:return|throw|break|continue)\b`)

// splitTop splits code[from:to] at the top-level operator op ("&&" or
// "||").
func splitTop(code string, from, to int, op string) [][2]int {
	var out [][2]int
	depth, last := 0, from
	for i := from; i < to; i++ {
		switch code[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case op[0]:
			if depth == 0 && i+1 < to && code[i+1] == op[1] {
				out = append(out, [2]int{last, i})
				last = i + 2
				i++
			}
		}
	}
	return append(out, [2]int{last, to})
}

// compact is Java text without white space outside string literals and
// comments, and without outer parentheses: the shapes below match it.
func compact(s string) string {
	code := javaCode(s)
	var b strings.Builder
	quoted := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quoted && c == '\\' && i+1 < len(s):
			b.WriteByte(c)
			i++
			b.WriteByte(s[i])
			continue
		case c == '"':
			quoted = !quoted
		case !quoted && code[i] == ' ' && c != ' ':
			continue // a comment
		case !quoted && (c == ' ' || c == '\t' || c == '\n' || c == '\r'):
			continue
		}
		b.WriteByte(c)
	}
	t := b.String()
	for strings.HasPrefix(t, "(") && matchClose(javaCode(t), 0) == len(t)-1 {
		t = t[1 : len(t)-1]
	}
	return t
}

var (
	// getBooleanRE: Boolean.getBoolean(key), true only when the property
	// is set to "true".
	getBooleanRE = lazyRE(`^(?:java\.lang\.)?Boolean\.getBoolean\((.+)\)$`)
	// parseRE: a string parsed as a boolean, false when null.
	parseRE = lazyRE(`^(?:(?:java\.lang\.)?Boolean\.(?:parseBoolean|valueOf)\((.+)\)|"true"\.equals(?:IgnoreCase)?\((.+)\)|(?:java\.lang\.)?Boolean\.TRUE\.toString\(\)\.equals(?:IgnoreCase)?\((.+)\))$`)
	// readRE: a property's or environment variable's value.
	readRE = lazyRE(`^(?:((?:java\.lang\.)?System)\.(getProperty|getenv)|([\w.]+)\.(getProperty)|(getProperty))\((.+)\)$`)
	// nameRE: a variable or field, qualified or not.
	nameRE = lazyRE(`^(?:this\.|[A-Z][\w$]*\.)?([A-Za-z_$][\w$]*)$`)
	// equalsTrueRE: a string compared with "true" as the receiver
	// (v.equalsIgnoreCase("true")).
	equalsTrueRE = lazyRE(`^(.+)\.equals(?:IgnoreCase)?\("true"\)$`)
	// falseRE: a false value as a string.
	falseRE = lazyRE(`^(?:"false"|(?:java\.lang\.)?Boolean\.FALSE\.toString\(\)|(?:java\.lang\.)?String\.valueOf\(false\)|(?:java\.lang\.)?Boolean\.toString\(false\))$`)
)

// optInTerm resolves one condition term (raw text) of code in class to
// an opt-in switch. before is the method's code up to the guarded call
// (its locals).
func optInTerm(f *facts.File, src []byte, raw, class, before string, depth int) (*facts.OptIn, bool) {
	t := compact(raw)
	t = strings.TrimSuffix(strings.TrimSuffix(t, "==true"), ".booleanValue()")
	if strings.HasPrefix(t, "true==") {
		t = t[len("true=="):]
	}
	if t == "" || strings.HasPrefix(t, "!") {
		return nil, false // negated: on unless someone turns it off
	}
	if securityManagerOnRE.MatchString(t) {
		// Deprecated, absent unless whoever runs the JVM installs one.
		return &facts.OptIn{Switch: securityManagerSwitch}, true
	}
	if m := getBooleanRE.FindStringSubmatch(t); m != nil && len(splitArgs(m[1])) == 1 {
		return &facts.OptIn{Switch: "system property " + keyText(m[1])}, true
	}
	if m := parseRE.FindStringSubmatch(t); m != nil {
		inner := m[1] + m[2] + m[3]
		if strings.HasPrefix(t, "Boolean.valueOf(") || strings.HasPrefix(t, "java.lang.Boolean.valueOf(") {
			if inner == "true" || inner == "false" {
				return nil, false
			}
		}
		return readOffHeld(inner, before)
	}
	if m := equalsTrueRE.FindStringSubmatch(t); m != nil {
		// v.equalsIgnoreCase("true"): throws rather than passes when
		// v is null, so an absent property is off all the same.
		return readOffHeld(m[1], before)
	}
	if recv, name, args, ok := lastCall(t); ok {
		if args == "" {
			return getterOptIn(f, src, class, recv, name, depth)
		}
		return settingCall(f, src, class, recv, name, splitArgs(args))
	}
	if m := nameRE.FindStringSubmatch(t); m != nil && depth < optInDepth {
		name := m[1]
		qualified := strings.Contains(t, ".") && !strings.HasPrefix(t, "this.")
		if !qualified {
			if v, ok := localValue(before, name); ok {
				return optInTerm(f, src, v, class, "", depth+1)
			}
		}
		if q := t[:strings.LastIndexByte(t, '.')+1]; qualified && strings.TrimSuffix(q, ".") != simpleName(class) {
			// Another class's constant (SysProperties.EXIT_ON_ERROR):
			// its file decides.
			if name != strings.ToUpper(name) || !strings.HasPrefix(t, strings.ToUpper(t[:1])) {
				return nil, false
			}
			fqn := resolveType(&Pass{File: f, Src: src}, strings.TrimSuffix(q, "."))
			return &facts.OptIn{Switch: t, FieldClass: outerClass(fqn), Field: name}, true
		}
		if isTextFile(f) {
			// A class read as text: its constant's initialiser decides.
			return &facts.OptIn{Switch: t, FieldClass: outerClass(class), Field: name}, true
		}
		return optInField(f, src, class, name, depth)
	}
	return nil, false
}

// securityManagerOnRE is a test, spaces removed, that a SecurityManager
// is installed.
var securityManagerOnRE = lazyRE(`^(?:(?:java\.lang\.)?System\.getSecurityManager\(\)!=null|null!=(?:java\.lang\.)?System\.getSecurityManager\(\))$`)

// securityManagerSwitch names that switch in a message.
const securityManagerSwitch = "a security manager"

// getterOptIn resolves a call of a method without arguments whose body
// only returns a switch ("static boolean exitOnFatal() { return
// Boolean.getBoolean(...); }", "isExitEnabled() { return exitEnabled; }"):
// of the class (here), or a static one of another class (its file
// decides, facts.OptIn.Field "name()").
func getterOptIn(f *facts.File, src []byte, class, recv, name string, depth int) (*facts.OptIn, bool) {
	if depth >= optInDepth {
		return nil, false
	}
	own := recv == "" || recv == "this" || recv == simpleName(class)
	switch {
	case own && isTextFile(f):
		return &facts.OptIn{Switch: name + "()", FieldClass: outerClass(class), Field: name + "()"}, true
	case own:
		var expr string
		n := 0
		for i := range f.Methods {
			m := &f.Methods[i]
			if m.Name != name || !sameNest(m.Class, class) || len(paramNames(m.Params)) != 0 || m.Decl.End > len(src) || m.Decl.Start < 0 {
				continue
			}
			e, ok := returnedExpr(src[m.Decl.Start:m.Decl.End])
			if !ok {
				return nil, false
			}
			expr = e
			n++
		}
		if n != 1 {
			return nil, false
		}
		return optInTerm(f, src, expr, class, "", depth+1)
	case recv != "" && !strings.ContainsAny(recv, "()") && recv[0] >= 'A' && recv[0] <= 'Z':
		fqn := resolveType(&Pass{File: f, Src: src}, recv)
		return &facts.OptIn{Switch: recv + "." + name + "()", FieldClass: outerClass(fqn), Field: name + "()"}, true
	}
	return nil, false
}

// returnedExpr is X of a method declaration whose body is only
// "return X;" (in a synchronized block or not), as written.
func returnedExpr(decl []byte) (string, bool) {
	code := javaCode(string(decl))
	open := strings.IndexByte(code, '{')
	if open < 0 {
		return "", false
	}
	body := code[open:]
	if strings.Count(body, ";") != 1 {
		return "", false
	}
	m := returnRE.FindStringSubmatchIndex(body)
	if m == nil {
		return "", false
	}
	return string(decl[open+m[2] : open+m[3]]), true
}

// returnRE is a body returning one expression.
var returnRE = lazyRE(`^\{\s*(?:synchronized\s*\([^()]*\)\s*\{\s*)?return\s+([^;]+);\s*\}?\s*\}$`)

// textPath marks the facts textFile makes of a source it does not parse.
const textPath = "\x00text"

// isTextFile reports facts made by textFile: no methods or fields known,
// the source's text decides.
func isTextFile(f *facts.File) bool { return f.Path == textPath }

// lastCall splits compact text ending with a call into the call's
// receiver ("" when unqualified), name and arguments:
// "PropertiesUtil.getProperties().getBooleanProperty(K,false)".
func lastCall(t string) (recv, name, args string, ok bool) {
	if !strings.HasSuffix(t, ")") {
		return "", "", "", false
	}
	code := javaCode(t)
	depth := 0
	open := -1
	for i := len(code) - 1; i >= 0 && open < 0; i-- {
		switch code[i] {
		case ')':
			depth++
		case '(':
			if depth--; depth == 0 {
				open = i
			}
		}
	}
	if open <= 0 {
		return "", "", "", false
	}
	k := open
	for k > 0 && isIdent(t[k-1]) {
		k--
	}
	name = t[k:open]
	if !isIdentName(name) || name[0] >= '0' && name[0] <= '9' {
		return "", "", "", false
	}
	switch {
	case k == 0:
	case t[k-1] == '.':
		recv = t[:k-1]
		bad := false
		topLevel(recv, false, func(i int) bool {
			bad = strings.IndexByte("&|!=<>?:+-*/%^~,", recv[i]) >= 0
			return !bad
		})
		if bad {
			return "", "", "", false // an operator: the call is one operand
		}
	default:
		return "", "", "", false // an operator before the call: not one call
	}
	return recv, name, t[open+1 : len(t)-1], true
}

// readOff resolves what a switch parses: a system property, environment
// variable or Properties entry whose value is null (so false) when absent,
// or whose default is "false".
func readOff(inner string) (*facts.OptIn, bool) {
	m := readRE.FindStringSubmatch(inner)
	if m == nil {
		return nil, false
	}
	args := splitArgs(m[6])
	if len(args) == 0 || len(args) > 2 || len(args) == 2 && !falseRE.MatchString(args[1]) {
		return nil, false
	}
	what := "property "
	switch {
	case m[2] == "getenv":
		what = "environment variable "
		if len(args) != 1 {
			return nil, false
		}
	case m[1] != "":
		what = "system property "
	}
	return &facts.OptIn{Switch: what + keyText(args[0])}, true
}

// settingCall resolves a call reading a setting with a literal false
// default: the well-known getBoolean(key, false) of configuration APIs
// (Hadoop's Configuration, Commons Configuration, java.util.prefs, netty's
// SystemPropertyUtil) and Spring's getProperty(key, Boolean.class, false),
// or a helper of the project checked by its text (here when the file
// declares it, by the scanner otherwise).
func settingCall(f *facts.File, src []byte, class, recv, name string, args []string) (*facts.OptIn, bool) {
	if len(args) < 2 || args[len(args)-1] != "false" {
		return nil, false
	}
	// The key: the first argument, or for a helper handed its table
	// first (getPropDefault(props, "x.exit", false)) the first literal.
	k := 0
	for i, a := range args[:len(args)-1] {
		if strings.HasPrefix(a, `"`) {
			k = i
			break
		}
	}
	key := keyText(args[k])
	if !strings.HasPrefix(args[k], `"`) && !constantName.MatchString(args[k]) {
		return nil, false // a computed key: which switch is not known
	}
	if (name == "getBoolean" || name == "getBooleanProperty") && len(args) == 2 && k == 0 ||
		name == "getProperty" && len(args) == 3 && strings.HasSuffix(args[1], "Boolean.class") {
		// Whatever the receiver, a dotted key or a constant names a
		// setting; a bare word may be a request's or a message's field
		// (json.getBoolean("shutdown", false)), which no operator sets.
		if strings.HasPrefix(args[0], `"`) && !strings.Contains(args[0], ".") {
			return nil, false
		}
		return &facts.OptIn{Switch: "setting " + key}, true
	}
	own := recv == "" || recv == "this" || recv == simpleName(class)
	if own {
		decls := 0
		for i := range f.Methods {
			m := &f.Methods[i]
			if m.Name != name || !sameNest(m.Class, class) || len(paramNames(m.Params)) != len(args) || m.Decl.End > len(src) {
				continue
			}
			if ts := paramTypes(m.Params); len(ts) == len(args) && !takesFalse(ts[len(args)-1]) {
				continue // an overload the false default does not reach
			}
			decls++
			if def, ok := PropertyHelper(javaCode(string(src[m.Decl.Start:m.Decl.End])), name); !ok || def != len(args)-1 {
				return nil, false
			}
		}
		if decls == 0 && isTextFile(f) {
			// A class read as text alone (a constant's initialiser in
			// another file): the text decides, as for another class.
			return &facts.OptIn{Switch: "property " + key, Helper: &facts.MethodKey{Class: outerClass(class), Name: name, Arity: len(args)},
				Default: len(args) - 1}, true
		}
		if decls == 0 {
			return nil, false // inherited, or a constant-named method of another class
		}
		return &facts.OptIn{Switch: "property " + key}, true
	}
	if recv == "" || strings.ContainsAny(recv, "()") || recv[0] < 'A' || recv[0] > 'Z' && !strings.Contains(recv, ".") {
		// An instance's helper: its receiver's declared type, when the
		// file's facts give one, is the class whose source decides.
		if owner := receiverType(f, src, class, recv); owner != "" {
			return &facts.OptIn{Switch: "property " + key, Helper: &facts.MethodKey{Class: owner, Name: name, Arity: len(args)},
				Default: len(args) - 1}, true
		}
		return nil, false // an instance's getter: what it reads is not known
	}
	// A static helper of another class: its file decides.
	fqn := resolveType(&Pass{File: f, Src: src}, recv)
	return &facts.OptIn{Switch: "property " + key, Helper: &facts.MethodKey{Class: outerClass(fqn), Name: name, Arity: len(args)},
		Default: len(args) - 1}, true
}

// receiverType is the declared type of the field of class that recv
// (compact text: "config", "this.config") names: a class of a project (a
// JDK type's methods are no property helpers), "" when it is not known.
func receiverType(f *facts.File, src []byte, class, recv string) string {
	name := strings.TrimPrefix(recv, "this.")
	if !isIdentName(name) || name[0] >= '0' && name[0] <= '9' {
		return ""
	}
	typ := ""
	for i := range f.Fields {
		fd := &f.Fields[i]
		if fd.Name != name || !sameNest(fd.Class, class) {
			continue
		}
		if typ != "" {
			return ""
		}
		typ = fd.Type
	}
	if typ == "" || strings.ContainsAny(typ, "<[") {
		return ""
	}
	if !strings.Contains(typ, ".") {
		typ = resolveType(&Pass{File: f, Src: src}, typ)
	}
	if strings.HasPrefix(typ, "java.") || strings.HasPrefix(typ, "javax.") || !strings.Contains(typ, ".") {
		return ""
	}
	return outerClass(typ)
}

// readOffHeld is readOff of what a switch parses (inner, compact text),
// also when that is a local String holding the read ("String v =
// System.getProperty("x.on"); if (!"true".equals(v)) return;"): before
// is the method's text up to the guarded call.
func readOffHeld(inner, before string) (*facts.OptIn, bool) {
	if o, ok := readOff(inner); ok || !isIdentName(inner) || inner[0] >= '0' && inner[0] <= '9' {
		return o, ok
	}
	v, ok := localOf(before, inner, "String|var")
	if !ok {
		return nil, false
	}
	return readOff(compact(v))
}

// localValue is the initialiser of a local boolean declared in before
// (the method's text up to the guarded call) and never assigned again.
func localValue(before, name string) (string, bool) {
	return localOf(before, name, "boolean|Boolean|var")
}

// localOf is the initialiser of a local of one of types ("A|B")
// declared in before and never assigned again.
func localOf(before, name, types string) (string, bool) {
	code := javaCode(before)
	re := regexp.MustCompile(`\b(?:final\s+)?(?:` + types + `)\s+` + regexp.QuoteMeta(name) + `\s*=([^=;][^;]*);`)
	loc := re.FindStringSubmatchIndex(code)
	if loc == nil || !singleBinding(code, name) {
		return "", false
	}
	return before[loc[2]:loc[3]], true
}

// optInField resolves a boolean field of class (or a getter of class
// returning one) whose initialiser and every assignment in the file is an
// opt-in switch (or false).
func optInField(f *facts.File, src []byte, class, name string, depth int) (*facts.OptIn, bool) {
	var fd *facts.Field
	for i := range f.Fields {
		if d := &f.Fields[i]; d.Name == name && sameNest(d.Class, class) {
			if fd != nil {
				return nil, false
			}
			fd = d
		}
	}
	if fd == nil || fd.Type != "boolean" && fd.Type != "java.lang.Boolean" && fd.Type != "Boolean" {
		return nil, false
	}
	var values []string
	if fd.Init != nil && fd.Init.Span.End <= len(src) && fd.Init.Span.End > fd.Init.Span.Start {
		values = append(values, string(src[fd.Init.Span.Start:fd.Init.Span.End]))
	} else if fd.Init != nil {
		values = append(values, fd.Init.Text)
	}
	// The assignments in the class's nest: another class of the file may
	// declare a field of that name.
	nest := facts.Span{End: len(src)}
	for _, t := range f.TypeDecls {
		if t.Name == outerClass(class) && t.Decl.End <= len(src) {
			nest = t.Decl
		}
	}
	code := javaCode(string(src[:nest.End]))
	assign := regexp.MustCompile(`(?:^|[^\w.$]|\bthis\s*\.\s*|\b` + regexp.QuoteMeta(simpleName(class)) + `\s*\.\s*)` + regexp.QuoteMeta(name) + `\s*(=[^=]|\+\+|--|[|&^]=)`)
	for _, a := range assign.FindAllStringSubmatchIndex(code, -1) {
		if within(a[0], fd.Decl) || a[0] < nest.Start {
			continue
		}
		if code[a[2]] != '=' {
			return nil, false // |=, &=: a value computed elsewhere
		}
		end := statementEnd(code, a[2]+1)
		values = append(values, strings.TrimSuffix(strings.TrimSpace(string(src[a[2]+1:end])), ";"))
	}
	var first *facts.OptIn
	for _, v := range values {
		if compact(v) == "false" {
			continue
		}
		o, ok := optInTerm(f, src, v, class, "", depth+1)
		if !ok {
			return nil, false
		}
		if first == nil {
			first = o
		}
	}
	return first, first != nil
}

// splitArgs splits an argument list (compact text) at its top-level
// commas.
func splitArgs(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	last := 0
	topLevel(s, true, func(i int) bool {
		if s[i] == ',' {
			out = append(out, s[last:i])
			last = i + 1
		}
		return true
	})
	return append(out, s[last:])
}

// keyText is a switch's key as a message shows it: a literal quoted, a
// constant by its name.
func keyText(arg string) string {
	if v, err := strconv.Unquote(arg); err == nil {
		return quote(v)
	}
	if constantName.MatchString(arg) {
		return arg
	}
	return "named by " + arg
}

// helperDeclRE: a method's result type and name, read from its
// declaration's text ("boolean getProperty(").
var helperDeclRE = lazyRE(`([\w$<>\[\]?]+)\s+(\w+)\s*\(`)

// PropertyHelper reports a helper method (decl: the javaCode text of its
// declaration, named name) that reads a setting by a String key parameter
// and returns, when it is absent, the value of a default parameter it
// takes: Boolean.parseBoolean(props.getProperty(key, String.valueOf(def))),
// "String v = System.getProperty(key); return v == null ? def : ...". def
// is the index of that parameter.
func PropertyHelper(decl, name string) (def int, ok bool) {
	var open = -1
	var ret string
	for _, m := range helperDeclRE.FindAllStringSubmatchIndex(decl, -1) {
		if decl[m[4]:m[5]] == name {
			open, ret = m[1]-1, decl[m[2]:m[3]]
			break
		}
	}
	if open < 0 {
		return -1, false
	}
	close := matchClose(decl, open)
	if close < 0 {
		return -1, false
	}
	switch ret {
	case "boolean", "Boolean", "java.lang.Boolean", "Object":
	default:
		if len(ret) > 2 || ret[0] < 'A' || ret[0] > 'Z' {
			return -1, false // a type variable (<T> T) stands for the default's type
		}
	}
	brace := strings.IndexByte(decl[close:], '{')
	if brace < 0 {
		return -1, false
	}
	body := decl[close+brace:]
	params := strings.Split(decl[open+1:close], ",")
	key, def := -1, -1
	var keyName, defName string
	for i, p := range params {
		w := strings.Fields(strings.ReplaceAll(p, "final ", ""))
		if len(w) < 2 {
			return -1, false
		}
		typ, n := strings.Join(w[:len(w)-1], ""), w[len(w)-1]
		switch {
		case typ == "String" && key < 0:
			key, keyName = i, n
		case typ == "boolean" || typ == "Boolean" || typ == "Object" || len(typ) <= 2 && typ[0] >= 'A' && typ[0] <= 'Z':
			def, defName = i, n
		}
	}
	if key < 0 || def < 0 {
		return -1, false
	}
	k, d := regexp.QuoteMeta(keyName), regexp.QuoteMeta(defName)
	readsKey := regexp.MustCompile(`\w\s*\(\s*` + k + `\s*[,)]`).MatchString(body)
	returnsDef := regexp.MustCompile(`\breturn\s+` + d + `\s*;|\?\s*` + d + `\s*:|:\s*` + d + `\s*;|[(,]\s*` + d + `\s*[,)]`).MatchString(body)
	negates := regexp.MustCompile(`!\s*` + d + `\b`).MatchString(body)
	if !returnsDef {
		// The default held in a local that the parse may replace and
		// that is returned: "boolean result = def; if (v != null)
		// result = parse(v); return result;".
		for _, m := range heldDefaultRE(d).FindAllStringSubmatch(body, -1) {
			l := regexp.QuoteMeta(m[1])
			if m[1] != defName && regexp.MustCompile(`\breturn\s+`+l+`\s*;`).MatchString(body) {
				returnsDef = true
				negates = negates || regexp.MustCompile(`!\s*`+l+`\b`).MatchString(body)
			}
		}
	}
	parses := regexp.MustCompile(`\b(?:getProperty|getenv|getBoolean|parseBoolean|valueOf|equalsIgnoreCase|get)\s*\(`).MatchString(body)
	if !readsKey || !returnsDef || negates || !parses {
		return -1, false
	}
	return def, true
}

// heldDefaultRE matches a local declared or assigned with the default
// parameter named d alone ("boolean result = def;", "result = def;").
func heldDefaultRE(d string) *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[;{}(]|\b(?:boolean|Boolean|Object|var))\s*([A-Za-z_$][\w$]*)\s*=\s*` + d + `\s*;`)
}

// takesFalse reports a parameter type a literal false is passed to: of
// the overloads of a helper, the one a call with a false default reaches
// (an int or String overload is another method).
func takesFalse(typ string) bool {
	switch typ {
	case "boolean", "Boolean", "java.lang.Boolean", "Object", "java.lang.Object", "java.io.Serializable", "Serializable":
		return true
	}
	return len(typ) <= 2 && typ[0] >= 'A' && typ[0] <= 'Z' // a type variable
}

// paramTypes are the types of a parameter list's parameters (with or
// without its parentheses), as written, without modifiers and
// annotations.
func paramTypes(params string) []string {
	var out []string
	for _, part := range ParamParts(params) {
		var w []string
		for _, f := range strings.Fields(part) {
			if f != "final" && !strings.HasPrefix(f, "@") {
				w = append(w, f)
			}
		}
		if len(w) >= 2 {
			out = append(out, strings.Join(w[:len(w)-1], ""))
		}
	}
	return out
}

// SettleOptIn checks the helper of another class an opt-in switch is read
// through (o.Helper) in the source declaring it (source gives the text of
// a class's file, nil when the tree has none): every declaration of that
// name and number of parameters must read a property by its key and
// return the default the caller passes false at. It returns what a
// finding's message says of the switch.
func SettleOptIn(o *facts.OptIn, source func(class string) []byte) (string, bool) {
	return settleOptIn(o, source, 0)
}

func settleOptIn(o *facts.OptIn, source func(class string) []byte, depth int) (string, bool) {
	r, ok := settledOptIn(o, source, depth)
	if !ok {
		return "", false
	}
	return OptInNote(r), true
}

// settledOptIn is the switch o stands for once the sources it waits for
// are read (SettleOptIn): o itself, or what another class's constant
// holds.
func settledOptIn(o *facts.OptIn, source func(class string) []byte, depth int) (*facts.OptIn, bool) {
	if o == nil || depth > optInDepth {
		return nil, false
	}
	if o.Field != "" {
		if source == nil {
			return nil, false
		}
		src := source(o.FieldClass)
		var init string
		var ok bool
		if name, getter := strings.CutSuffix(o.Field, "()"); getter {
			init, ok = getterText(src, name)
		} else {
			init, ok = constInitText(src, o.Field)
		}
		if !ok {
			return nil, false
		}
		r, ok := optInTerm(textFile(src), src, init, o.FieldClass, "", depth+1)
		if !ok {
			return nil, false
		}
		return settledOptIn(r, source, depth+1)
	}
	if o.Helper == nil {
		return o, true
	}
	if source == nil {
		return nil, false
	}
	src := source(o.Helper.Class)
	if src == nil {
		return nil, false
	}
	code := javaCode(string(src))
	n := 0
	for _, m := range helperDeclRE.FindAllStringSubmatchIndex(code, -1) {
		if code[m[4]:m[5]] != o.Helper.Name {
			continue
		}
		open := m[1] - 1
		close := matchClose(code, open)
		if close < 0 {
			continue
		}
		rest := strings.TrimSpace(code[close+1:])
		if strings.HasPrefix(rest, "throws ") {
			if i := strings.IndexByte(rest, '{'); i >= 0 {
				rest = rest[i:]
			}
		}
		if !strings.HasPrefix(rest, "{") {
			continue // a call, not a declaration
		}
		if len(paramNames(code[open:close+1])) != o.Helper.Arity {
			continue
		}
		if ts := paramTypes(code[open : close+1]); o.Default < len(ts) && !takesFalse(ts[o.Default]) {
			continue // an overload the false default does not reach
		}
		start := strings.LastIndexAny(code[:m[0]], ";{}") + 1
		bodyOpen := close + 1 + strings.IndexByte(code[close+1:], '{')
		end := matchClose(code, bodyOpen)
		if end < 0 {
			return nil, false
		}
		if def, ok := PropertyHelper(code[start:end+1], o.Helper.Name); !ok || def != o.Default {
			return nil, false
		}
		n++
	}
	if n == 0 {
		return nil, false
	}
	return o, true
}

// OptInNote is what a finding's message says of the switch it waits for.
func OptInNote(o *facts.OptIn) string {
	who := "whoever configures it opts in"
	if strings.HasPrefix(o.Switch, "system property ") || strings.HasPrefix(o.Switch, "environment variable ") || o.Switch == securityManagerSwitch {
		who = "whoever runs the JVM opts in"
	}
	return " (only when " + o.Switch + " is turned on, off by default: " + who + ")"
}

// WithOptInNote is msg with note (OptInNote) in place of the note on the
// switch it ends with, if any.
func WithOptInNote(msg, note string) string {
	if i := strings.LastIndex(msg, " (only when "); i >= 0 && strings.HasSuffix(msg, ")") {
		msg = msg[:i]
	}
	return msg + note
}

// ExitOptIn is the switch every exit of method m (exits: the spans of its
// JVM-ending calls, in src) waits for, nil when some exit waits for none:
// the summary the callers of an exit helper are judged by.
func ExitOptIn(f *facts.File, src []byte, exits []facts.Span) *facts.OptIn {
	if src == nil || len(exits) == 0 {
		return nil
	}
	var first *facts.OptIn
	for _, e := range exits {
		o, ok := optInAt(f, src, e)
		if !ok {
			return nil
		}
		if first == nil {
			first = o
		}
	}
	return first
}

// applyOptIn makes d, a hazard at span at, a note when it waits for an
// opt-in switch, naming the switch; a switch read through another class's
// helper is left to the scanner to check (facts.Pending.OptIn), and so
// are the callers of a static method, not private, that waits for none
// itself (facts.Pending.OptInCallers).
func applyOptIn(p *Pass, d *Diagnostic, at facts.Span) {
	o, ok := optInAt(p.File, p.Src, at)
	if !ok {
		if d.Pending == nil {
			d.Pending = optInCallersPending(p, at)
		}
		return
	}
	if settledLater(o) {
		if d.Pending == nil {
			d.Pending = &facts.Pending{OptIn: o}
		}
		return
	}
	d.Severity = p.AtMost(SeverityLow)
	d.Message = WithOptInNote(d.Message, OptInNote(o))
}

// constInitText is the initialiser, as written, of the static final
// boolean field name the source src declares.
func constInitText(src []byte, name string) (string, bool) {
	if src == nil {
		return "", false
	}
	code := javaCode(string(src))
	re := regexp.MustCompile(`(?:^|[;{}])([^;{}=]*)\b(?:boolean|Boolean)\s+` + regexp.QuoteMeta(name) + `\s*=`)
	var init string
	n := 0
	for _, m := range re.FindAllStringSubmatchIndex(code, -1) {
		mods := code[m[2]:m[3]]
		if !wordIn([]byte(mods), "static") || !wordIn([]byte(mods), "final") {
			continue
		}
		end := statementEnd(code, m[1])
		init = strings.TrimSuffix(strings.TrimSpace(string(src[m[1]:end])), ";")
		n++
	}
	return init, n == 1
}

// textFile is what the text of a source says without parsing it: its
// package and imports, for resolving the names an initialiser uses.
func textFile(src []byte) *facts.File {
	f := &facts.File{Path: textPath}
	code := javaCode(string(src))
	if m := packageRE.FindStringSubmatch(code); m != nil {
		f.Package = m[1]
	}
	for _, m := range importRE.FindAllStringSubmatch(code, -1) {
		f.Imports = append(f.Imports, facts.Import{Name: strings.TrimSuffix(m[2], ".*"), Static: m[1] != "", Wildcard: strings.HasSuffix(m[2], ".*")})
	}
	return f
}

var (
	packageRE = lazyRE(`(?m)^\s*package\s+([\w.]+)\s*;`)
	importRE  = lazyRE(`(?m)^\s*import\s+(static\s+)?([\w.]+(?:\.\*)?)\s*;`)
)

// settledLater reports a switch another file decides (a helper's body, a
// constant's initialiser), which the scanner reads (SettleOptIn).
func settledLater(o *facts.OptIn) bool {
	return o != nil && (o.Helper != nil || o.Field != "")
}

// getterText is X of the one method of src named name, without
// parameters, whose body is only "return X;".
func getterText(src []byte, name string) (string, bool) {
	if src == nil {
		return "", false
	}
	code := javaCode(string(src))
	var out string
	n := 0
	for _, m := range helperDeclRE.FindAllStringSubmatchIndex(code, -1) {
		if code[m[4]:m[5]] != name {
			continue
		}
		open := m[1] - 1
		close := matchClose(code, open)
		if close < 0 || strings.TrimSpace(code[open+1:close]) != "" {
			continue
		}
		brace := skipSpace(code, close+1)
		if brace >= len(code) || code[brace] != '{' {
			continue // a call, or a declaration with throws: not a plain getter
		}
		end := matchClose(code, brace)
		if end < 0 {
			return "", false
		}
		e, ok := returnedExpr(src[brace : end+1])
		if !ok {
			return "", false
		}
		out = e
		n++
	}
	return out, n == 1
}

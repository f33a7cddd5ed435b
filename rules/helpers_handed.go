package rules

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// Whether a value stored in a static container (or field) was handed in by
// a caller or computed by the library from the key: the difference between
// a registry, where an app chooses what every app then sees, and a memoised
// pure function (an HTTP date parsed once, a built-in type id mapped to the
// library's own formatter), which holds the same for every app.

// param is one formal parameter of a method: its name (empty in compiled
// code), its type as written and, in compiled code, its local slot.
type param struct {
	name, typ string
	slot      int
}

// paramsOf lists the parameters of method m from its parameter list as
// written ("(String a, Map<String, X> b)") or, in compiled code, as the
// descriptor gives it ("String, long"), with the slots the compiled code
// keeps them in.
func paramsOf(m *facts.MethodDecl) []param {
	list := strings.TrimSpace(m.Params)
	list = strings.TrimSuffix(strings.TrimPrefix(list, "("), ")")
	var out []param
	slot := 0
	if !m.Static {
		slot = 1 // this
	}
	for _, p := range splitTopLevel(list, ',', true) {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		fs := strings.Fields(p)
		typ, name := strings.Join(fs, " "), ""
		if strings.HasSuffix(m.Params, ")") && len(fs) > 1 {
			// A source's list names each parameter after its type.
			name = fs[len(fs)-1]
			typ = strings.Join(fs[:len(fs)-1], " ")
			for _, mod := range []string{"final ", "@Nullable ", "@NonNull "} {
				typ = strings.TrimPrefix(typ, mod)
			}
		}
		out = append(out, param{name: name, typ: typ, slot: slot})
		if typ == "long" || typ == "double" {
			slot += 2
		} else {
			slot++
		}
	}
	return out
}

// valueHandedIn reports a stored value that a caller chose rather than
// one the library computes from the key: it uses a parameter of its method
// that the key does not (register(name, provider)), or it is itself a
// parameter of a type that is not a plain JDK value (register(p) storing p
// under p.getName(); not an interning put(x, x)). Locals are followed to what they were assigned in
// the method (String key = a + b; cache.put(key, parse(a, b)) computes the
// value from the key's inputs). src is the file's text, nil when the
// caller has none (the project pass); compiled code is judged by the local
// slots its values come from.
func valueHandedIn(file *facts.File, src []byte, at int, key, value *facts.Expr) bool {
	m := file.MethodAround(at)
	if strings.HasSuffix(file.Path, ".class") {
		return compiledHandedIn(file, m, key, value)
	}
	if m == nil && src != nil && (file.Path == "" || !strings.HasSuffix(file.Path, ".class")) && initializerAt(file, at) {
		return false // an instance initialiser block takes no parameters
	}
	if m == nil || src == nil || m.Decl.Start < 0 || m.Decl.End > len(src) {
		return handedIn(file, at, key, value)
	}
	params := paramsOf(m)
	byName := map[string]param{}
	for _, p := range params {
		if p.name != "" {
			byName[p.name] = p
		}
	}
	// Words inside literals name nothing: Pattern.compile("\\s" + tag)
	// reads tag alone, not a parameter s.
	text := javaCode(string(src[m.Decl.Start:m.Decl.End]))
	keyText, valueText := javaCode(key.Text), javaCode(value.Text)
	inKey := inputsOf(keyText, text)
	// A value with no key (an assignment, an add) is judged by what it
	// names itself: a one-slot cache of the last result (lastTime =
	// date.getTime()) computes from a caller's input as well.
	inValue := map[string]bool{}
	for _, id := range javaNameRE.FindAllString(valueText, -1) {
		inValue[id] = true
	}
	if strings.TrimSpace(keyText) != "" {
		inValue = inputsOf(valueText, text)
	}
	for id := range inValue {
		if _, ok := byName[id]; ok && !inKey[id] {
			return true
		}
	}
	v := strings.TrimSpace(value.Text)
	if p, ok := byName[v]; ok && !jdkValue(p.typ) && v != strings.TrimSpace(key.Text) {
		return true // the caller's own object, keyed by something of its own
	}
	return false
}

// inputsOf is the set of names an expression reads, with the locals among
// them followed to the expressions assigned to them in the method's text
// (a few steps deep).
func inputsOf(expr, method string) map[string]bool {
	out := map[string]bool{}
	todo := javaNameRE.FindAllString(expr, -1)
	for round := 0; round < 6 && len(todo) > 0; round++ {
		var next []string
		for _, id := range todo {
			if out[id] {
				continue
			}
			out[id] = true
			if id == "this" || id == "new" || id == "null" || id == "true" || id == "false" {
				continue
			}
			if !mayAssign(method, id) {
				continue
			}
			for _, sm := range assignmentsTo(id).FindAllStringSubmatch(method, 8) {
				next = append(next, javaNameRE.FindAllString(sm[1], -1)...)
			}
		}
		todo = next
	}
	return out
}

// assignmentsTo matches the assignments to a name in a method's text
// (Type name = expr; name = expr;), not comparisons or field accesses.
func assignmentsTo(name string) *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[^\w.$])` + regexp.QuoteMeta(name) + `\s*=\s*([^=;][^;]*);`)
}

// mayAssign reports whether text holds name followed by blanks and "=",
// which every match of assignmentsTo(name) holds: where it does not, the
// expression need not be compiled nor run. Most names an expression reads
// are never assigned in the method, and following them compiled an
// expression per name (a twentieth of a large tree's allocation).
func mayAssign(text, name string) bool {
	if name == "" {
		return true
	}
	for i := 0; ; {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return false
		}
		k := i + j + len(name)
		for k < len(text) && reSpace(text[k]) {
			k++
		}
		if k < len(text) && text[k] == '=' {
			return true
		}
		i += j + 1
	}
}

// compiledHandedIn judges a stored value in compiled code, where a call's
// or constructor's arguments are not shown: a value read from a parameter
// slot the key does not read is handed in; a value built by a call is
// handed in only when the method has a parameter the key does not cover
// (a one-parameter get-then-put computes its value from the key).
func compiledHandedIn(file *facts.File, m *facts.MethodDecl, key, value *facts.Expr) bool {
	if m == nil {
		return true
	}
	params := paramsOf(m)
	keySlots, keyKnown := slotsOf(key, params, 0)
	if strings.TrimSpace(key.Text) == "" {
		keySlots, keyKnown = map[int]bool{}, true // no key: add(x), set(x), an assignment
	}
	if !keyKnown {
		keySlots = map[int]bool{}
		if len(params) == 1 {
			keySlots[params[0].slot] = true // whatever the key is, it can only come from the one parameter
		}
	}
	valSlots, known := slotsOf(value, params, 0)
	if strings.TrimSpace(key.Text) == "" && value.DirectKnown {
		// No key: judged, as in a source, by the parameters the value
		// names itself, not those a local it reads was computed from.
		valSlots, known = map[int]bool{}, true
		for _, s := range value.Direct {
			valSlots[s] = true
		}
	}
	if !known {
		for _, p := range params {
			if !keySlots[p.slot] {
				return true
			}
		}
		return false
	}
	for s := range valSlots {
		if !keySlots[s] {
			return true
		}
	}
	if sm := localSlotRE.FindStringSubmatch(strings.TrimSpace(value.Text)); sm != nil && value.Text != key.Text {
		n, _ := strconv.Atoi(sm[1])
		for _, p := range params {
			if p.slot == n && !jdkValue(p.typ) {
				return true
			}
		}
	}
	return false
}

// slotsOf is the set of parameter slots a compiled expression reads, and
// whether that is known: constants and fields read none; a local that is
// not a parameter is followed to its one store.
func slotsOf(x *facts.Expr, params []param, depth int) (map[int]bool, bool) {
	if x == nil {
		return nil, false
	}
	if x.ReadsKnown {
		// The extractor followed the value back to the parameters it
		// is computed from (through calls, constructors and locals
		// stored more than once).
		out := map[int]bool{}
		for _, s := range x.Reads {
			out[s] = true
		}
		return out, true
	}
	switch x.Kind {
	case facts.ExprLiteral, facts.ExprNull, facts.ExprString, facts.ExprClass:
		return map[int]bool{}, true
	}
	if x.Field != nil || strings.HasPrefix(x.Text, "this.") || x.Text == "this" {
		return map[int]bool{}, true
	}
	sm := localSlotRE.FindStringSubmatch(strings.TrimSpace(x.Text))
	if sm == nil {
		return nil, false
	}
	n, _ := strconv.Atoi(sm[1])
	for _, p := range params {
		if p.slot == n {
			return map[int]bool{n: true}, true
		}
	}
	if x.Local != nil && depth < 3 {
		return slotsOf(x.Local, params, depth+1)
	}
	return nil, false
}

// jdkValue reports a JDK value type (String, a boxed number, a Locale):
// handed in, it carries nothing of the caller's.
func jdkValue(t string) bool {
	return valueTypes[rawSimple(t)]
}

// removals take entries out of a container.
var removals = map[string]bool{
	"remove": true, "removeAll": true, "removeIf": true, "retainAll": true, "clear": true, "poll": true, "pop": true,
}

// loaderKeyedFills reports a static map every fill of which keys its entry by
// a class loader, through whatever name the code derives from it
// (toContextMapKey(loader), identityHashCode(loader)): a map already kept
// per app, the Koupleless fix itself. Removals and clear() take nothing
// from an app.
func loaderKeyedFills(file *facts.File, src []byte, ws []*facts.Write) bool {
	if src == nil || strings.HasSuffix(file.Path, ".class") {
		return false
	}
	fills := 0
	for _, w := range ws {
		if w.Kind != facts.WriteCall {
			return false
		}
		if removals[w.Method] {
			continue
		}
		if !cacheFills[w.Method] || len(w.Args) == 0 {
			return false
		}
		m := file.MethodAround(w.Span.Start)
		if m == nil || m.Decl.Start < 0 || m.Decl.End > len(src) {
			return false
		}
		loaderParams := map[string]bool{}
		for _, p := range paramsOf(m) {
			if rawSimple(p.typ) == "ClassLoader" {
				loaderParams[p.name] = true
			}
		}
		byLoader := false
		for id := range inputsOf(w.Args[0].Text, string(src[m.Decl.Start:m.Decl.End])) {
			if loaderParams[id] || id == "ClassLoader" || id == "getClassLoader" || id == "getContextClassLoader" {
				byLoader = true
				break
			}
		}
		if !byLoader {
			return false
		}
		fills++
	}
	return fills > 0
}

// initializerAt reports an offset in no method of the file but inside one
// of its types: an instance initialiser block (or a field's initialiser),
// where no caller hands anything in.
func initializerAt(file *facts.File, at int) bool {
	for _, t := range file.TypeDecls {
		if within(at, t.Decl) {
			return true
		}
	}
	return false
}

// compiledParam reports a local of compiled code (localN) that is a
// parameter of m: parameters take the first slots, after this for an
// instance method, two each for long and double.
func compiledParam(m *facts.MethodDecl, name string) bool {
	sm := localSlotRE.FindStringSubmatch(name)
	if sm == nil || m.Params == "" {
		return false
	}
	want, _ := strconv.Atoi(sm[1])
	slot := 0
	if !m.Static {
		slot = 1
	}
	for _, t := range ParamParts(m.Params) {
		if slot == want {
			return true
		}
		switch strings.TrimSpace(t) {
		case "long", "double":
			slot += 2
		default:
			slot++
		}
	}
	return false
}

package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A static field set through a setter holds what the setter's callers pass.
// When the project calls every such setter, and always with a value no app
// chooses (setInitialized(true), setDriver(new OwnDriver()), a constant),
// every app that gets there stores the same value: one app cannot change
// what another sees. A setter the project never calls is the clients' API
// and stays a finding.

// storesOf lists, for the writes of a field that store a value handed in,
// the method of each and the parameters the value is made from. ok is
// false when some write cannot be settled by its callers: compiled code,
// a value found through a class loader, a write outside a method, or one
// whose value names no parameter of its method.
func storesOf(file *facts.File, src []byte, ws []*facts.Write) (stores []facts.StoreParams, ok bool) {
	if src == nil || strings.HasSuffix(file.Path, ".class") {
		return nil, false
	}
	seen := map[string]int{}
	for _, w := range ws {
		v, key := storedValue(w)
		if v == nil || !valueHandedIn(file, src, w.Span.Start, key, v) {
			continue // computed by the library: not its callers' choice
		}
		if appLoadedRE.MatchString(v.Text) {
			return nil, false
		}
		m := methodAt(file, w.Span.Start)
		if m == nil || m.Name == "<init>" || m.Decl.Start < 0 || m.Decl.End > len(src) {
			return nil, false
		}
		text := string(src[m.Decl.Start:m.Decl.End])
		used := inputsOf(v.Text, text)
		for id := range inputsOf(key.Text, text) {
			used[id] = true
		}
		var params []int
		for i, p := range paramsOf(m) {
			if used[p.name] {
				params = append(params, i)
			}
		}
		if len(params) == 0 {
			return nil, false
		}
		mk := facts.MethodKey{Class: m.Class, Name: m.Name, Arity: len(paramsOf(m))}
		id := mk.Class + "#" + mk.Name
		slot := w.Kind != facts.WriteCall
		if i, dup := seen[id]; dup {
			stores[i].Params = mergeInts(stores[i].Params, params)
			stores[i].Slot = stores[i].Slot || slot
			continue
		}
		seen[id] = len(stores)
		stores = append(stores, facts.StoreParams{Method: mk, Params: params, Slot: slot, Closed: closedMethod(file, src, m)})
	}
	return stores, len(stores) > 0
}

// storesPending is what a field's finding waits for when its every
// handed-in value comes through setters: nil when some write cannot be
// settled by its callers.
func storesPending(p *Pass, f *facts.Field, ws []*facts.Write) *facts.Pending {
	stores, ok := storesOf(p.File, p.Src, ws)
	if !ok {
		return nil
	}
	return &facts.Pending{Class: f.Class, NameParam: -1, Stores: stores}
}

// closedMethod reports a method of file only the project can call, every
// call of which the call graph resolves: a private one, or a static one
// neither public nor protected or of a final class that is not public
// (called through its class's name or, in its class, by its bare name). An instance method reached through a
// receiver of unknown type is not: its callers may go unseen.
func closedMethod(file *facts.File, src []byte, m *facts.MethodDecl) bool {
	if m.Decl.Start < 0 || m.Span.Start > len(src) || m.Decl.Start >= m.Span.Start {
		return false
	}
	for _, t := range file.TypeDecls {
		if t.Name == m.Class && t.Kind != "class" && t.Kind != "enum" {
			return false // an interface's members are public
		}
	}
	mods := src[m.Decl.Start:m.Span.Start]
	if isPrivate(src, m) {
		return true
	}
	return m.Static && (!wordIn(mods, "public") && !wordIn(mods, "protected") || closedClass(file, src, m.Class))
}

// closedClass reports a final top-level class that is not public: only
// its package can name it (and no public subclass can hand on its static
// methods), so even its public static methods are called from the
// project alone.
func closedClass(file *facts.File, src []byte, class string) bool {
	if strings.Contains(class, "$") {
		return false
	}
	for _, t := range file.TypeDecls {
		if t.Name != class || t.Kind != "class" || t.Decl.Start < 0 || t.Span.Start > len(src) || t.Decl.Start >= t.Span.Start {
			continue
		}
		mods := src[t.Decl.Start:t.Span.Start]
		return wordIn(mods, "final") && !wordIn(mods, "public") && !wordIn(mods, "protected")
	}
	return false
}

func mergeInts(a, b []int) []int {
	for _, x := range b {
		found := false
		for _, y := range a {
			found = found || x == y
		}
		if !found {
			a = append(a, x)
		}
	}
	return a
}

// SettleStores reports a static field's finding whose every setter
// (facts.Pending.Stores) the project calls, each call passing fixed values
// for the parameters the setter stores (for a field it assigns, the same
// value at every call), sitting in a static initialiser (the library's
// own set-up, run once as its class initialises) or in a branch only a
// debug build takes (`if (DEBUG)`): every app of a shipped build stores
// the same value. A setter only the project can call (facts.StoreParams.
// Closed) that no production code calls is there for tests, which are set
// aside: it stores nothing at run time.
func SettleStores(p *facts.Pending, g *facts.CallGraph) bool {
	if p == nil || len(p.Stores) == 0 || g == nil {
		return false
	}
	for _, s := range p.Stores {
		cs := g.Callers(s.Method)
		if len(cs) == 0 {
			if s.Closed && !g.Incomplete {
				continue // called by tests alone, or by nothing
			}
			return false // the clients' API
		}
		first := map[int]string{}
		for _, c := range cs {
			if c.Context.InStaticInit || c.Caller.Name == "<clinit>" {
				continue // runs once, while the library's class initialises
			}
			if c.Context.DebugOnly {
				continue // a debug build's call: not made by the code that ships
			}
			for _, i := range s.Params {
				if i >= len(c.Args) {
					return false
				}
				v := strings.Join(strings.Fields(c.Args[i].Text), " ")
				if !fixedValue(v, 0) {
					return false
				}
				// One slot set to true here and false there holds what
				// the app that called last chose.
				if prev, ok := first[i]; ok && s.Slot && prev != v {
					return false
				}
				first[i] = v
			}
		}
	}
	return true
}

// fixedValue reports an argument no app chooses: a literal, null, a class
// literal, a constant (UPPER_CASE, also qualified: Level.DEBUG,
// Boolean.TRUE), or an object made from such values (new OwnDriver(),
// new Monitor(DEFAULT_SIZE)).
func fixedValue(text string, depth int) bool {
	text = strings.TrimSpace(text)
	for strings.HasPrefix(text, "(") && strings.HasSuffix(text, ")") && depth < 4 {
		text = strings.TrimSpace(text[1 : len(text)-1])
	}
	switch {
	case text == "":
		return false
	case text == "true" || text == "false" || text == "null":
		return true
	case literalRE.MatchString(text), constantRE.MatchString(text), classLiteralRE.MatchString(text):
		return true
	}
	sm := newFixedRE.FindStringSubmatch(text)
	if sm == nil || depth > 3 {
		return false
	}
	for _, a := range splitTopLevel(sm[1], ',', true) {
		if strings.TrimSpace(a) != "" && !fixedValue(a, depth+1) {
			return false
		}
	}
	return true
}

// appLoadedRE recognises a value found through a class loader (providers
// of a ServiceLoader, a class named by configuration, an instance made
// reflectively): which classes it finds depends on the app that asks.
var appLoadedRE = lazyRE(`\bServiceLoader\s*\.\s*load\w*\s*\(|\bgetContextClassLoader\s*\(|\b(?:forName|loadClass|newInstance)\s*\(`)

var (
	literalRE      = lazyRE(`^-?(?:\d[\w.]*|'(?:[^'\\]|\\.)+'|"(?:[^"\\]|\\.)*")$`)
	constantRE     = lazyRE(`^(?:[A-Za-z_$][\w$]*\.)*[A-Z][A-Z0-9_$]*$`)
	classLiteralRE = lazyRE(`^[\w.$]+(?:\[\])*\.class$`)
	// A constructor call without a class body: new X(args) or new X<>(args).
	newFixedRE = lazyRE(`^new\s+[\w.$]+(?:\s*<[^()]*>)?\s*\((.*)\)$`)
)

// storedValue is the value a write stores and the key it is stored under:
// for a mutator call the last argument, keyed by the first when there are
// two or more (put(key, value)); for an assignment its value, under no
// key (an empty expression).
func storedValue(w *facts.Write) (v, key *facts.Expr) {
	v, key = w.Value, &facts.Expr{}
	if w.Kind == facts.WriteCall && len(w.Args) > 0 {
		v = &w.Args[len(w.Args)-1]
		if len(w.Args) > 1 {
			key = &w.Args[0]
		}
	}
	return v, key
}

package rules

import (
	"bytes"
	"regexp"
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
		m := file.MethodAround(w.Span.Start)
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
	init := ""
	if f.Init != nil {
		init = strings.Join(strings.Fields(f.Init.Text), " ")
	}
	return &facts.Pending{Class: f.Class, NameParam: -1, Stores: stores, Initial: init, Field: f.Name}
}

// closedMethod reports a method of file only the project can call, every
// call of which the call graph resolves: a private one, or a static one
// neither public nor protected (protected in a final class counts as
// neither) or of a final class that is not public
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
	return m.Static && (!wordIn(mods, "public") && (!wordIn(mods, "protected") || finalClass(file, src, m.Class)) || closedClass(file, src, m.Class))
}

// finalClass reports a final class: no subclass can reach its protected
// members, which only its package then can.
func finalClass(file *facts.File, src []byte, class string) bool {
	mods, ok := classModifiers(file, src, class)
	return ok && wordIn(mods, "final")
}

// classModifiers is the text of a class's declaration before its name,
// its annotations and modifiers; ok is false when the file declares no
// class of that name.
func classModifiers(file *facts.File, src []byte, class string) (mods []byte, ok bool) {
	for _, t := range file.TypeDecls {
		if t.Name == class && t.Kind == "class" && t.Decl.Start >= 0 && t.Span.Start <= len(src) && t.Decl.Start < t.Span.Start {
			return src[t.Decl.Start:t.Span.Start], true
		}
	}
	return nil, false
}

// closedClass reports a final top-level class that is not public: only
// its package can name it (and no public subclass can hand on its static
// methods), so even its public static methods are called from the
// project alone.
func closedClass(file *facts.File, src []byte, class string) bool {
	if strings.Contains(class, "$") {
		return false
	}
	mods, ok := classModifiers(file, src, class)
	return ok && wordIn(mods, "final") && !wordIn(mods, "public") && !wordIn(mods, "protected")
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
// own set-up, run once as its class initialises), in a method only that
// initialiser runs (a private one it alone calls, or one whose once-guard
// it trips first) or in a branch only a debug build takes (`if (DEBUG)`):
// every app of a shipped build stores the same value. A fixed value is
// also a local holding one, a static final field of the caller's class,
// and a call of a project method that only returns such a value
// (`version = Save.getVersion()` returning its VERSION). A setter only the
// project can call (facts.StoreParams.Closed) that no production code
// calls is there for tests, which are set aside: it stores nothing at run
// time.
//
// A store without Params is a class's initialisation routine that is not
// private (`static void staticInit()`, which its static block calls): the
// values it writes are its own, and it is settled only when every project
// call of it, one at least, is made while a class initialises (or by a
// lazy fill of constant tables, or in a debug branch).
//
// A memo's fill is settled too, whatever its key: a call (key, value)
// whose value is a fresh instance of a stateless class of the project
// (every instance field final, or none), built from fixed values, directly
// or through a local the caller otherwise only reads back from a map
// (`c = CODECS.get(id); if (c == null) { c = new IntCodec(); remember(id,
// c); }`): whichever app asks first, every app gets the same kind of
// object for that key.
//
// A toggle is not settled: a caller whose whole body is the call
// (`enableFancy() { setStyle(FANCY); }`) exists for apps to switch the
// field, and one app's switch is every app's, unless the value is the
// field's initial one (resetting it changes nothing). source gives a
// project class's source text, sourceAt a file's by its path (either may
// be nil).
func SettleStores(p *facts.Pending, g *facts.CallGraph, source, sourceAt func(string) []byte) bool {
	if p == nil || len(p.Stores) == 0 || g == nil {
		return false
	}
	// Whether a caller is a lazy fill of constant tables, once per
	// caller: a table's fill may call a setter a hundred times.
	lazy := map[facts.MethodKey]bool{}
	lazyInit := func(c facts.CallSite, src []byte) bool {
		k := facts.MethodKey{Class: c.Site.Path + "|" + c.Caller.Class, Name: c.Caller.Name}
		v, ok := lazy[k]
		if !ok {
			v = constantLazyInit(src, c.Caller.Name, c.Site.Span.Start)
			lazy[k] = v
		}
		return v
	}
	for _, s := range p.Stores {
		cs := g.Callers(s.Method)
		if len(cs) == 0 {
			if s.Closed && !g.Incomplete && len(s.Params) > 0 {
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
			var src []byte
			if sourceAt != nil {
				src = sourceAt(c.Site.Path)
			}
			if src != nil && clinitOnlyMethod(src, c.Caller.Name) {
				continue // only the static initialiser gets the call to run
			}
			if src != nil && lazyInit(c, src) {
				continue // a lazy fill of constant tables: the same whoever calls first
			}
			if !s.Slot && src != nil && memoFill(src, c, s.Params, source) {
				continue // a fresh object of the library's own, kept under its key
			}
			if s.Slot && src != nil && restoresField(src, c, s.Params, p, source) {
				continue // puts back the value the field's getter gave before
			}
			if len(s.Params) == 0 {
				return false // a class's initialisation run again, at run time
			}
			for _, i := range s.Params {
				if i >= len(c.Args) {
					return false
				}
				v, ok := fixedArgValue(c.Args[i], c.Caller.Class, source, 0)
				if !ok {
					return false
				}
				// One slot set to true here and false there holds what
				// the app that called last chose.
				if prev, ok := first[i]; ok && s.Slot && prev != v {
					return false
				}
				first[i] = v
				if s.Slot && src != nil && soleStatement(src, c.Site.Span) && !sameConstant(v, c.Caller.Class, p.Initial, p.Class, source) {
					return false // a toggle an app calls
				}
			}
		}
	}
	return true
}

// restoresField reports a call of a setter (its parameters params) that
// hands back, in each, a local of the caller every assignment of which
// reads the field's getter before the call (saved = Holder.getX(); ...
// Holder.setX(saved)): the field gets back what it held, which this
// caller did not choose.
func restoresField(src []byte, c facts.CallSite, params []int, p *facts.Pending, source func(string) []byte) bool {
	if p.Field == "" || len(params) == 0 {
		return false
	}
	open, close := callerBraces(src, c.Caller.Name, c.Site.Span.Start)
	holder := src // the caller's file, when it is the holder's
	if outerClass(c.Caller.Class) != outerClass(p.Class) {
		holder = nil
		if source != nil {
			holder = source(outerClass(p.Class))
		}
	}
	if open < 0 || holder == nil {
		return false
	}
	// The saves come before the call.
	body, before := string(src[open:close+1]), string(src[open:c.Site.Span.Start])
	simple := p.Class[strings.LastIndexAny(p.Class, ".$")+1:]
	for _, i := range params {
		if i >= len(c.Args) {
			return false
		}
		local := strings.TrimSpace(c.Args[i].Text)
		if !identifier(local) {
			return false
		}
		saves := assignmentsTo(local).FindAllStringSubmatch(body, -1)
		if len(saves) == 0 || len(assignmentsTo(local).FindAllStringSubmatch(before, -1)) != len(saves) {
			return false
		}
		for _, sm := range saves {
			g := getterCallRE.FindStringSubmatch(strings.TrimSpace(sm[1]))
			if g == nil || g[1] != "" && g[1] != simple && g[1] != p.Class || !fieldGetter(holder, g[2], p.Field) {
				return false
			}
		}
	}
	return true
}

// getterCallRE is a call of a no-argument method, on a class's name or
// none.
var getterCallRE = lazyRE(`^(?:([\w.$]+)\s*\.\s*)?([A-Za-z_$][\w$]*)\s*\(\s*\)$`)

// fieldGetter reports a no-argument static method of src whose body only
// returns the named field (under a lock or not).
func fieldGetter(src []byte, method, field string) bool {
	re := regexp.MustCompile(`\bstatic\s[^;{}()]*\b` + regexp.QuoteMeta(method) + `\s*\(\s*\)\s*\{\s*(?:synchronized\s*\([^()]*\)\s*\{\s*)?return\s+(?:[\w$]+\s*\.\s*)?` +
		regexp.QuoteMeta(field) + `\s*;\s*\}?\s*\}`)
	return len(re.FindAllIndex(src, 2)) == 1
}

// jvmDefaultRE is a JVM-wide default the JDK reads from the platform: the
// same value for every app in the process.
var jvmDefaultRE = lazyRE(`^(?:java\.util\.)?(?:Locale|TimeZone)\s*\.\s*getDefault\s*\(\s*\)$|^(?:java\.nio\.charset\.)?Charset\s*\.\s*defaultCharset\s*\(\s*\)$`)

// fixedArgValue is the value an argument fixes, normalised for comparing
// calls: see SettleStores. class is the caller's.
func fixedArgValue(x facts.Expr, class string, source func(string) []byte, depth int) (string, bool) {
	text := strings.Join(strings.Fields(x.Text), " ")
	if fixedValue(text, 0) || jvmDefaultRE.MatchString(text) {
		return text, true
	}
	if depth > 3 {
		return "", false
	}
	if x.Local != nil {
		return fixedArgValue(*x.Local, class, source, depth+1)
	}
	if source == nil {
		return "", false
	}
	if identifier(text) && ownStaticFinal(source(outerClass(class)), text) {
		return class + "." + text, true
	}
	sm := noArgCallRE.FindStringSubmatch(text)
	if sm == nil {
		return "", false
	}
	owner := class
	switch {
	case x.Call != nil && x.Call.Owner != "":
		owner = x.Call.Owner
	case sm[1] != "":
		return "", false // a receiver the extractor did not resolve
	}
	ret, ok := constantReturn(source(outerClass(owner)), sm[2])
	if !ok {
		return "", false
	}
	return fixedArgValue(facts.Expr{Text: ret}, owner, source, depth+1)
}

// sameConstant reports a fixed value v (of class's code) that is the
// field's initialiser init (of holder's): the same text, or constants
// that resolve to the same literal.
func sameConstant(v, class, init, holder string, source func(string) []byte) bool {
	if v == init {
		return true
	}
	lit := literalOf(v, class, source)
	return lit != "" && lit == literalOf(init, holder, source)
}

// literalOf is the literal a constant names, itself when it is one, ""
// when the source does not say.
func literalOf(v, class string, source func(string) []byte) string {
	if literalRE.MatchString(v) || v == "true" || v == "false" {
		return v
	}
	if source == nil || !constantRE.MatchString(v) {
		return ""
	}
	name := v[strings.LastIndexByte(v, '.')+1:]
	if q := strings.TrimSuffix(v, "."+name); q != v {
		if strings.Contains(q, ".") {
			class = q
		} else {
			class = class[:strings.LastIndexByte(class, '.')+1] + q // a class of the same package
		}
	}
	sm := regexp.MustCompile(`\b(?:static\s+final|final\s+static)\s+[\w.$<>]+\s+` + regexp.QuoteMeta(name) + `\s*=\s*([^;]+);`).FindSubmatch(source(outerClass(class)))
	if sm == nil {
		return ""
	}
	if lit := strings.TrimSpace(string(sm[1])); literalRE.MatchString(lit) {
		return lit
	}
	return ""
}

var noArgCallRE = lazyRE(`^(?:([\w.$]+)\s*\.\s*)?([A-Za-z_$][\w$]*)\s*\(\s*\)$`)

// ownStaticFinal reports a static final field named name declared in src.
func ownStaticFinal(src []byte, name string) bool {
	if src == nil {
		return false
	}
	return regexp.MustCompile(`\b(?:static\s+final|final\s+static)\s+[\w.$<>\[\], ]+?\s` + regexp.QuoteMeta(name) + `\s*=`).Match(src)
}

// constantReturn is the expression every declaration of the no-argument
// method name in src returns, when its whole body is that return.
func constantReturn(src []byte, name string) (string, bool) {
	if src == nil {
		return "", false
	}
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\s*\(\s*\)\s*(?:throws\s[^{;]*)?\{`)
	ret := ""
	for _, loc := range re.FindAllIndex(src, -1) {
		open := loc[1] - 1
		close := closingBracket(src, open)
		if close < 0 {
			return "", false
		}
		sm := returnOnlyRE.FindSubmatch(src[open : close+1])
		if sm == nil {
			return "", false
		}
		r := strings.Join(strings.Fields(string(sm[1])), " ")
		if ret != "" && r != ret {
			return "", false
		}
		ret = r
	}
	return ret, ret != ""
}

var returnOnlyRE = lazyRE(`^\{\s*return\s+([^;{}]+);\s*\}$`)

// soleStatement reports a call (at span in src) that is the one statement
// of the method around it.
func soleStatement(src []byte, span facts.Span) bool {
	open := openBrace(src, span.Start)
	if open < 0 {
		return false
	}
	close := closingBracket(src, open)
	if close < 0 {
		return false
	}
	// A method's body, not an if's or a loop's block.
	k := skipSpaceBack(src, open-1)
	if k < 0 || src[k] != ')' {
		return false
	}
	depth := 0
	for ; k >= 0; k-- {
		if src[k] == ')' {
			depth++
		} else if src[k] == '(' {
			depth--
			if depth == 0 {
				break
			}
		}
	}
	e := skipSpaceBack(src, k-1) + 1
	b := e
	for b > 0 && isIdent(src[b-1]) {
		b--
	}
	switch string(src[b:e]) {
	case "if", "while", "for", "switch", "catch", "synchronized", "":
		return false
	}
	body := bytes.TrimSpace(src[open+1 : close])
	return bytes.Count(body, []byte(";")) == 1 && bytes.HasSuffix(body, []byte(";")) && !bytes.ContainsAny(body, "{}")
}

// clinitOnlyMethod reports a method of src that only the static
// initialiser gets to run: every call of it in src sits in a static block
// and it is private (no other file calls it) or starts with a once-guard
// (`if (loaded) return; loaded = true;`) that the initialiser trips first,
// so that any later call returns at once.
func clinitOnlyMethod(src []byte, method string) bool {
	if method == "" || method == "<init>" {
		return false
	}
	blocks := staticBlocks(src)
	if len(blocks) == 0 {
		return false
	}
	decl := regexp.MustCompile(`\b` + regexp.QuoteMeta(method) + `\s*\([^()]*\)\s*(?:throws\s[^{;]*)?\{`)
	decls := decl.FindAllIndex(src, -1)
	if len(decls) != 1 {
		return false // none, or overloads the text cannot tell apart
	}
	open := decls[0][1] - 1
	close := closingBracket(src, open)
	if close < 0 {
		return false
	}
	called := false
	for _, loc := range helperCallRE(method).FindAllSubmatchIndex(src, -1) {
		at := loc[2]
		if at >= decls[0][0] && at <= close {
			continue // the declaration, a recursive call
		}
		in := false
		for _, b := range blocks {
			in = in || b[0] < at && at < b[1]
		}
		if !in {
			return false
		}
		called = true
	}
	if !called {
		return false
	}
	head := src[max(0, decls[0][0]-120):decls[0][0]]
	if line := bytes.LastIndexAny(head, ";}{"); line >= 0 {
		head = head[line+1:]
	}
	if privateRE.Match(head) {
		return true
	}
	sm := onceGuardRE.FindSubmatch(src[open+1 : close])
	return sm != nil && (len(sm[1]) > 0 && bytes.Equal(sm[1], sm[2]) || len(sm[3]) > 0)
}

var (
	// if (done) return; done = true;  or  if (!ONCE.compareAndSet(false, true)) return;
	onceGuardRE = lazyRE(`^\s*(?:synchronized\s*\([^()]*\)\s*\{\s*)?if\s*\(\s*(?:([\w$]+)\s*\)\s*\{?\s*return\s*;\s*\}?\s*([\w$]+)\s*=\s*true\s*;|!\s*([\w$]+)\s*\.\s*compareAndSet\s*\(\s*false\s*,\s*true\s*\)\s*\)\s*\{?\s*return\s*;)`)
)

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

// constantForNameRE is Class.forName of one string literal: the class the
// library's own loader finds by that name, the same for every app (a
// plugin's presence probe), however the lookup itself is judged.
var constantForNameRE = lazyRE(`^(?:(?:java\.lang\.)?Class\s*\.\s*)?forName\s*\(\s*"[^"\\]*"\s*\)$`)

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

// openBrace is the offset of the '{' opening the innermost block around
// at, -1 when none.
func openBrace(src []byte, at int) int { return braceBefore(src, at, 0) }

// memoFill reports a call that stores, among two parameters, a key and a
// fresh instance of a stateless class of the project: see SettleStores.
func memoFill(src []byte, c facts.CallSite, params []int, source func(string) []byte) bool {
	if len(params) != 2 || source == nil {
		return false
	}
	body := callerBody(src, c.Caller.Name, c.Site.Span.Start)
	for _, i := range params {
		if i < len(c.Args) && freshOwnValue(body, strings.TrimSpace(c.Args[i].Text), c.Caller.Class, source) {
			return true
		}
	}
	return false
}

// callerBody is the text of the method name in src whose body holds
// offset at, nil when none does.
func callerBody(src []byte, name string, at int) []byte {
	if open, close := callerBraces(src, name, at); open >= 0 {
		return src[open : close+1]
	}
	return nil
}

// callerBraces are the offsets of the braces of callerBody, -1 when none.
func callerBraces(src []byte, name string, at int) (int, int) {
	if name == "" || name == "<init>" || name == "<clinit>" {
		return -1, -1
	}
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\s*\([^()]*\)\s*(?:throws\s[^{;]*)?\{`)
	for _, loc := range re.FindAllIndex(src, -1) {
		open := loc[1] - 1
		if close := closingBracket(src, open); open < at && at < close {
			return open, close
		}
	}
	return -1, -1
}

// freshOwnValue reports a value (as written at a call, in the caller's
// method body) that is a new instance of a stateless project class built
// from fixed values, or a local whose every assignment is one, null, or a
// read back from a map (get).
func freshOwnValue(body []byte, v, class string, source func(string) []byte) bool {
	if body == nil || v == "" {
		return false
	}
	if !identifier(v) {
		return freshNew(v, class, source)
	}
	re := regexp.MustCompile(`(?:^|[^\w$.])` + regexp.QuoteMeta(v) + `\s*=\s*([^=;][^;]*);`)
	found := false
	for _, sm := range re.FindAllSubmatch(body, -1) {
		rhs := strings.TrimSpace(string(sm[1]))
		switch {
		case rhs == "null", mapReadRE.MatchString(rhs):
		case freshNew(rhs, class, source):
			found = true
		default:
			return false
		}
	}
	return found
}

var mapReadRE = lazyRE(`^[\w$.]+\s*\.\s*get\s*\([^()]*\)$`)

// freshNew reports `new T(fixed...)`, or a choice between such (c ? new
// A() : new B()), of stateless project classes T.
func freshNew(v, class string, source func(string) []byte) bool {
	if parts := splitTopLevel(v, '?', true); len(parts) == 2 {
		alts := splitTopLevel(parts[1], ':', true)
		return len(alts) == 2 && freshNew(strings.TrimSpace(alts[0]), class, source) && freshNew(strings.TrimSpace(alts[1]), class, source)
	}
	if !fixedValue(v, 0) {
		return false
	}
	sm := freshTypeRE.FindStringSubmatch(v)
	if sm == nil {
		return false
	}
	t := sm[1]
	if !strings.Contains(t, ".") {
		// A class of the caller's file (nested there) or of its package.
		if own := source(outerClass(class)); statelessClass(own, t) {
			return true
		}
		t = class[:strings.LastIndexByte(class, '.')+1] + t
	}
	return statelessClass(source(outerClass(t)), simpleName(t))
}

var freshTypeRE = lazyRE(`^new\s+([\w.$]+)\s*(?:<[^()]*>)?\s*\(`)

// statelessClass reports a class declared in src whose every instance
// field is final (or that has none): its instances hold nothing a caller
// can change afterwards.
func statelessClass(src []byte, simple string) bool {
	if src == nil {
		return false
	}
	loc := regexp.MustCompile(`\bclass\s+` + regexp.QuoteMeta(simple) + `\b[^{]*\{`).FindIndex(src)
	if loc == nil {
		return false
	}
	open := loc[1] - 1
	close := closingBracket(src, open)
	if close < 0 {
		return false
	}
	// Field declarations at the class's top level: statements ending in
	// ';' at depth one, outside methods and nested types.
	stateless := true
	eachMemberDecl(src, open, close, func(decl []byte) {
		if eq := bytes.IndexByte(decl, '='); eq >= 0 {
			decl = decl[:eq]
		}
		if !bytes.Contains(decl, []byte("(")) && !wordIn(decl, "static") && !wordIn(decl, "final") &&
			len(bytes.Fields(decl)) >= 2 {
			stateless = false // a mutable instance field
		}
	})
	return stateless
}

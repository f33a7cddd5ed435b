package rules

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// An engine's singleton: a static slot the library fills with an object of
// its own, not an app's. Every write stores null, this, a fresh instance
// of a project class, or the argument of a setter every project call of
// which passes the caller itself (this) or such a fresh instance built
// from fixed values (registerDriver(this) as the engine boots, and a
// clear to null as it stops), directly or through a private wrapper of
// the caller's class that hands on its parameter (forwardedOwn). Whichever app boots the engine first, the
// slot holds the library's object, built from the library's classes:
// the same for every app, as a constant would be (SettleStores).
// Direct writes of this or a fresh object are not handed in and never
// reach a finding; the setters are settled here, from their callers.
//
// The verdict hangs on who else can call the setter:
//   - one only the project can call (facts.StoreParams.Closed: private,
//     or static and package-private): dropped;
//   - a public or protected one: a note, since an app may call it with
//     an object of its own and replace the engine's for every app;
//   - an open setter no project code calls, or any call passing a
//     parameter, an object it was handed, or one built from such: still a
//     finding (an app's monitor or allocator set through the library's
//     API is the hazard itself).
//
// Slots only: a container each caller adds itself to is a registry, which
// selfRegistry judges (it must also leave on stop). The setter must store
// its parameter as it is (StoreParams.Direct): a value read from the
// object passed (applicationName = ctx.getApplicationName(), the caller
// passing this) is that object's data, an app's name or setting. And one
// slot every caller fills with the same kind of object: two classes that
// each put themselves there leave the one that ran last, which the apps'
// order decides.
//
// What this cannot tell: whether apps make instances of the class that
// passes this. An engine's driver or monitor is made by the engine as it
// boots; a library class an app instantiates for itself and that
// registers itself the same way would look alike here.

// SettleOwnSingleton reports a finding (Pending.Stores) whose setters the
// project calls only with its own objects or null, at least one call
// passing such an object: ok when it is settled, note when some setter is
// open to apps, so that the finding stays, as a note (OwnSingletonNote).
// It is asked after SettleStores, which settles fixed values alone.
func SettleOwnSingleton(p *facts.Pending, g *facts.CallGraph, source func(string) []byte) (ok, note bool) {
	if p == nil || len(p.Stores) == 0 || g == nil {
		return false, false
	}
	own := false
	for _, s := range p.Stores {
		if !s.Slot || !s.Direct || len(s.Params) == 0 {
			return false, false // a container's entry, or a value computed from the argument
		}
		cs := g.Callers(s.Method)
		if len(cs) == 0 {
			if s.Closed && !g.Incomplete {
				continue // called by tests alone, or by nothing
			}
			return false, false // the clients' API
		}
		if !s.Closed {
			note = true
		}
		kind := map[int]string{}
		for _, c := range cs {
			if c.Context.InStaticInit || c.Caller.Name == "<clinit>" || c.Context.DebugOnly {
				continue // the library's own set-up, or a debug build's call
			}
			for _, i := range s.Params {
				if i >= len(c.Args) {
					return false, false
				}
				if strings.TrimSpace(c.Args[i].Text) == "null" {
					continue // a clear: the engine stopping
				}
				v, isOwn := ownObject(c.Args[i], c.Caller.Class, source, 0)
				if !isOwn {
					v, isOwn = forwardedOwn(c, c.Args[i].Text, source)
				}
				if !isOwn {
					return false, false
				}
				if prev, seen := kind[i]; seen && prev != v {
					return false, false // two kinds of object: the last caller's wins
				}
				kind[i], own = v, true
			}
		}
	}
	return own, own && note
}

// ownObject reports an argument that is the library's own object, with
// its kind for comparing calls: this (of the caller's class, a project
// class by being a caller in the call graph) or a fresh instance of a
// project class built from fixed values (fixedValue), directly or through
// a local holding one.
func ownObject(x facts.Expr, class string, source func(string) []byte, depth int) (string, bool) {
	text := stripCasts(strings.Join(strings.Fields(x.Text), " "))
	if text == "this" {
		return "this " + class, true
	}
	if x.Local != nil && depth < 3 {
		return ownObject(*x.Local, class, source, depth+1)
	}
	sm := freshTypeRE.FindStringSubmatch(text)
	if sm == nil || !fixedValue(text, 0) || source == nil {
		return "", false
	}
	if t := projectClassAt(sm[1], class, source); t != "" {
		return "new " + t, true
	}
	return "", false
}

// privateHeadRE is the head of a private method's declaration: its name,
// its parameters and the opening brace.
var privateHeadRE = lazyRE(`\bprivate\s+(?:(?:static|final|synchronized)\s+)*[\w.$<>\[\], ?]+?\s+([A-Za-z_$][\w$]*)\s*\(([^()]*)\)\s*(?:throws\s[^{;]*)?\{`)

// forwardedOwn reports an argument that only hands on a parameter of a
// private method around the call (through an anonymous class's body, a
// privileged action, say), when every call of that method in its file
// passes this or a fresh own object there and the method never assigns
// the parameter: the wrapper's callers decide, and they pass the
// library's own object. One hop: a chain of wrappers stays a finding.
func forwardedOwn(c facts.CallSite, arg string, source func(string) []byte) (string, bool) {
	arg = strings.TrimSpace(arg)
	if source == nil || !identifier(arg) || arg == "this" {
		return "", false
	}
	src := source(outerClass(c.Caller.Class))
	at := c.Site.Span.Start
	if src == nil || at <= 0 || at >= len(src) {
		return "", false
	}
	// The innermost private method around the call declaring the name
	// as a parameter.
	open, close, name, idx, arity, decl := -1, -1, "", -1, 0, -1
	for _, loc := range privateHeadRE.FindAllSubmatchIndex(src, -1) {
		o := loc[1] - 1
		e := closingBracket(src, o)
		if e < 0 || o > at || at > e || o < open || inComment(src, loc[0]) {
			continue
		}
		ps := splitTopLevel(string(src[loc[4]:loc[5]]), ',', true)
		for j, p := range ps {
			if f := strings.Fields(p); len(f) > 0 && f[len(f)-1] == arg {
				open, close, name, idx, arity, decl = o, e, string(src[loc[2]:loc[3]]), j, len(ps), loc[2]
			}
		}
	}
	if idx < 0 || assignmentsTo(arg).Match(src[open:close+1]) {
		return "", false
	}
	calls := 0
	// Its calls: bare, or qualified by this or the class's name; a call
	// through another receiver is another class's method.
	simple := outerClass(c.Caller.Class)
	simple = simple[strings.LastIndexByte(simple, '.')+1:]
	re := regexp.MustCompile(`(?:^|[^\w$.]|\b(this|[\w$]+)\s*\.\s*)` + regexp.QuoteMeta(name) + `\s*\(`)
	for _, loc := range re.FindAllSubmatchIndex(src, -1) {
		o := loc[1] - 1
		e := closingBracket(src, o)
		if e < 0 || loc[0] <= decl && decl < loc[1] || inComment(src, o) {
			continue // the declaration
		}
		if loc[2] >= 0 {
			if q := string(src[loc[2]:loc[3]]); q != "this" && q != simple {
				continue
			}
		}
		args := splitTopLevel(string(src[o+1:e]), ',', true)
		if len(args) != arity {
			continue // another overload
		}
		a := strings.TrimSpace(args[idx])
		if a != "this" && !freshOwnText(a, c.Caller.Class, source) {
			return "", false
		}
		calls++
	}
	if calls == 0 {
		return "", false
	}
	return "via " + outerClass(c.Caller.Class) + "." + name, true
}

// freshOwnText reports a fresh instance of a project class built from
// fixed values, as written in class's file.
func freshOwnText(text, class string, source func(string) []byte) bool {
	sm := freshTypeRE.FindStringSubmatch(text)
	return sm != nil && fixedValue(text, 0) && projectClassAt(sm[1], class, source) != ""
}

// projectClassAt is the project class a type name written in class's
// file names, "" when the project's sources declare none of that name:
// a class of the file (nested there), one it imports, or one of its
// package. A class of the JDK or a third party may be an app's copy.
func projectClassAt(name, class string, source func(string) []byte) string {
	own := source(outerClass(class))
	if own == nil {
		return ""
	}
	if strings.Contains(name, ".") {
		if source(outerClass(name)) != nil {
			return name
		}
		return ""
	}
	if regexp.MustCompile(`\b(?:class|enum)\s+` + regexp.QuoteMeta(name) + `\b`).Match(own) {
		return outerClass(class) + "#" + name
	}
	if sm := regexp.MustCompile(`(?m)^\s*import\s+([\w.]+\.` + regexp.QuoteMeta(name) + `)\s*;`).FindSubmatch(own); sm != nil {
		if source(string(sm[1])) != nil {
			return string(sm[1])
		}
		return ""
	}
	if i := strings.LastIndexByte(class, '.'); i > 0 {
		if t := class[:i+1] + name; source(t) != nil {
			return t
		}
	}
	return ""
}

// ownSingletonTail ends the message of a finding whose open setter the
// project calls only with its own objects.
const ownSingletonTail = ": the library's own code only ever stores its own object here (this, or one it makes), " +
	"the same whichever app gets there first, but the setter is open: an app calling it with an object of its own " +
	"would replace it for every app"

// OwnSingletonNote is the message of a finding SettleOwnSingleton leaves
// as a note.
func OwnSingletonNote(msg string) string {
	return strings.TrimSuffix(msg, objectTail) + ownSingletonTail
}

// markDirectStores sets Direct on the setters of pend (storesPending's)
// whose every write of ws stores one of the setter's parameters as it is:
// only then is the object a caller passes the one the field holds. A
// value computed from the parameter (ctx.getName()) is the passed
// object's data, which an app's object chooses even when the project's
// code passes this.
func markDirectStores(p *Pass, pend *facts.Pending, ws []*facts.Write) {
	if pend == nil {
		return
	}
	direct := map[facts.MethodKey]bool{}
	for _, w := range ws {
		v, key := storedValue(w)
		if v == nil || !valueHandedIn(p.File, p.Src, w.Span.Start, key, v) {
			continue // not what the callers hand in (null, this, a fresh object)
		}
		m := p.File.MethodAround(w.Span.Start)
		if m == nil {
			return
		}
		ps := paramsOf(m)
		k := facts.MethodKey{Class: m.Class, Name: m.Name, Arity: len(ps)}
		isParam := false
		for _, prm := range ps {
			isParam = isParam || prm.name == stripCasts(v.Text)
		}
		if d, seen := direct[k]; !seen || d {
			direct[k] = isParam && w.Kind == facts.WriteAssign
		}
	}
	for i := range pend.Stores {
		pend.Stores[i].Direct = direct[pend.Stores[i].Method]
	}
}

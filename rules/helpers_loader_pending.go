package rules

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// What a class lookup's verdict waits for (facts.Pending): the project's
// constants, held in the fields of other classes and files, and its call
// graph. A lookup whose name is a constant naming a class of the project
// or of the JDK, whose every project caller hands it such a constant or
// calls it only after trying the context loader, or which follows a
// context-first helper of the project, is not a hazard.

// Constants are the project's static final fields that hold a String
// built from literals and other constants, by qualified name
// ("a.b.Names.IMPL"), resolved on demand.
type Constants struct {
	inits map[string]constInit
	// bySimple and byName index the same fields by "Names.IMPL" and by
	// "IMPL": a constant whose class the caller names without its package,
	// or a bare name inherited from a type the lookup's class extends.
	bySimple map[string][]string
	byName   map[string][]string
	// Source, when set, gives the text of the source file declaring a
	// class (nil when none): the constants of a file no rule parsed are
	// read from its text when a lookup names them.
	Source func(class string) []byte
	// SourceAt, when set, gives the text of a source file by its path
	// relative to the scan root (a call site's), nil when none.
	SourceAt func(path string) []byte
	// Mentions, when set, lists the production sources holding a word
	// (paths as SourceAt takes them); ok is false when too many do.
	Mentions func(word string) (paths []string, ok bool)
	read     map[string]bool
	// ctxs are the files' contexts by top-level class, scopes the scopes
	// computed from them (ScopeOf).
	ctxs   map[string]*typeCtx
	scopes map[string][]string
}

type constInit struct {
	text  string // the initialiser as written (a literal, a concatenation, a name)
	class string // the class declaring it, whose scope its names are read in
}

// NewConstants indexes the static final fields of files (the project's
// sources and classes).
func NewConstants(files []*facts.File) *Constants {
	k := &Constants{inits: map[string]constInit{}, bySimple: map[string][]string{}, byName: map[string][]string{},
		ctxs: map[string]*typeCtx{}, scopes: map[string][]string{}}
	for _, f := range files {
		if len(f.TypeDecls) > 0 {
			t := fileCtx(f)
			for _, d := range f.TypeDecls {
				k.ctxs[outerClass(d.Name)] = t
			}
		}
		for _, fd := range f.Fields {
			// An instance field that is final and initialised where it
			// is declared holds that value too.
			if !fd.Final || fd.Init == nil || fd.Context.Class == "" || !fd.Static && fd.Init.Kind != facts.ExprString {
				continue
			}
			var text string
			switch fd.Init.Kind {
			case facts.ExprString:
				text = strconv.Quote(fd.Init.Value)
			case facts.ExprConcat, facts.ExprName, facts.ExprCall:
				if strings.Contains(classNameOf.ReplaceAllString(fd.Init.Text, ""), "(") || len(fd.Init.Text) >= 256 {
					continue // a call, or cut short
				}
				text = fd.Init.Text
			default:
				continue
			}
			q := fd.Context.Class + "." + fd.Name
			k.inits[q] = constInit{text: text, class: fd.Context.Class}
			s := simpleName(fd.Context.Class) + "." + fd.Name
			k.bySimple[s] = append(k.bySimple[s], q)
			k.byName[fd.Name] = append(k.byName[fd.Name], q)
		}
	}
	return k
}

// sourceConstant matches a String constant's declaration in a source's
// text: an UPPER_CASE name (an interface's constants have no modifiers);
// finalConstant one of any name declared static final, and
// interfaceConstant one of any name in an interface's body, where every
// field is a constant.
var (
	sourceConstant    = lazyRE(`\bString\s+([A-Z][A-Z0-9_]*)\s*=\s*([^;]{1,255});`)
	finalConstant     = lazyRE(`\b(?:static\s+final|final\s+static)\s+String\s+([A-Za-z_$][\w$]*)\s*=\s*([^;]{1,255});`)
	interfaceConstant = lazyRE(`(?m)^\s*(?:public\s+)?(?:static\s+)?(?:final\s+)?String\s+([A-Za-z_$][\w$]*)\s*=\s*([^;]{1,255});`)
	// An instance field (access modifiers: no local has one) final and
	// initialised with a literal.
	finalField    = lazyRE(`\b(?:private|protected|public)\s+final\s+String\s+([A-Za-z_$][\w$]*)\s*=\s*("(?:[^"\\\n]|\\.)*")\s*;`)
	interfaceDecl = lazyRE(`\binterface\s+([A-Za-z_$][\w$]*)`)
)

// fieldRef matches a field named with its qualifier, "Module.CacheFactory",
// or a bare identifier.
var fieldRef = lazyRE(`^([A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*$`)

// readSource indexes the constants a class's source declares, once, when
// the scan did not parse it; a nested class's are the top-level class's.
func (k *Constants) readSource(class string) {
	if k.Source == nil || class == "" {
		return
	}
	if k.read == nil {
		k.read = map[string]bool{}
	}
	outer := outerClass(class)
	if k.read[outer] {
		return
	}
	k.read[outer] = true
	src := k.Source(outer)
	found := sourceConstant.FindAllSubmatch(src, -1)
	found = append(found, finalConstant.FindAllSubmatch(src, -1)...)
	found = append(found, finalField.FindAllSubmatch(src, -1)...)
	for _, d := range interfaceDecl.FindAllSubmatch(src, -1) {
		if string(d[1]) == simpleName(outer) {
			found = append(found, interfaceConstant.FindAllSubmatch(src, -1)...)
			break
		}
	}
	for _, m := range found {
		init := strings.TrimSpace(string(m[2]))
		if strings.Contains(classNameOf.ReplaceAllString(init, ""), "(") {
			continue
		}
		q := outer + "." + string(m[1])
		if _, ok := k.inits[q]; !ok {
			k.inits[q] = constInit{text: init, class: outer}
		}
		if class != outer {
			if _, ok := k.inits[class+"."+string(m[1])]; !ok {
				k.inits[class+"."+string(m[1])] = constInit{text: init, class: outer}
			}
		}
	}
}

// nestOf lists a class and the classes enclosing it, innermost first.
func nestOf(class string) []string {
	out := []string{class}
	for i := strings.LastIndexByte(class, '$'); i > 0; i = strings.LastIndexByte(class, '$') {
		class = class[:i]
		out = append(out, class)
	}
	return out
}

// Eval computes a name built from literals and constants: its value, and
// whether every part resolved (when not, value is the head that did).
func (k *Constants) Eval(text string, scope []string) (value string, complete bool) {
	return k.eval(text, k.widen(scope), 0)
}

func (k *Constants) eval(text string, scope []string, depth int) (string, bool) {
	if k == nil || depth > 8 {
		return "", false
	}
	var b strings.Builder
	for _, part := range splitTopLevel(text, '+', false) {
		v, ok := k.part(part, scope, depth)
		if !ok {
			// The head the part resolved to is still the value's head.
			return b.String() + v, false
		}
		b.WriteString(v)
	}
	return b.String(), true
}

// part is one operand of a concatenation: a literal or a constant.
func (k *Constants) part(part string, scope []string, depth int) (string, bool) {
	part = strings.TrimSpace(part)
	for strings.HasPrefix(part, "(") && strings.HasSuffix(part, ")") {
		part = strings.TrimSpace(part[1 : len(part)-1])
	}
	if strings.HasPrefix(part, "\"") || strings.HasPrefix(part, "'") {
		// A string, or a char literal: PKG + '.' + name.
		v, err := strconv.Unquote(part)
		return v, err == nil
	}
	if m := classNameOf.FindStringSubmatch(part); m != nil && m[0] == part {
		return literalClassName(m[1], scope), true
	}
	// A constant named like what it stands for (an interface's
	// "String CacheFactory = ..."): only a field the scope or its
	// qualifier certainly means, never the looser indexes.
	camel := !constantName.MatchString(part)
	if camel && !fieldRef.MatchString(part) {
		return "", false
	}
	var refs []string
	// The refs a name certainly means, in order: the scope's (and the
	// first field of that name elsewhere, as before), or the qualified
	// forms of Type.NAME.
	strict := len(scope) + 1
	if strings.Contains(part, ".") {
		refs = []string{part}
		if part[0] >= 'A' && part[0] <= 'Z' && len(scope) > 0 {
			// Names.IMPL written in a class of the same package.
			if i := strings.LastIndexByte(outerClass(scope[0]), '.'); i > 0 {
				refs = []string{scope[0][:i] + "." + part, part}
			}
			// Names.IMPL with Names imported.
			first, rest, _ := strings.Cut(part, ".")
			if q := k.importedType(first, scope); q != "" {
				refs = append([]string{q + "." + rest}, refs...)
			}
		}
		strict = len(refs)
		if alts := k.bySimple[lastTwo(part)]; len(alts) > 0 {
			refs = append(refs, alts...)
		}
	} else {
		for _, c := range scope {
			refs = append(refs, c+"."+part)
		}
		if camel {
			strict = len(scope)
		}
		refs = append(refs, k.byName[part]...)
	}
	if camel {
		refs = refs[:min(len(refs), strict)]
	}
	// A class no rule parsed: its constants from its text.
	for _, r := range refs[:min(len(refs), strict)] {
		if _, ok := k.inits[r]; !ok {
			k.readSource(r[:strings.LastIndexByte(r, '.')])
		}
	}
	// The first qualified match wins; the looser indexes only when every
	// field they list agrees.
	for _, r := range refs[:min(len(refs), strict)] {
		if in, ok := k.inits[r]; ok {
			return k.eval(in.text, k.ScopeOf(in.class), depth+1)
		}
	}
	var val string
	found := false
	for _, r := range refs {
		in, ok := k.inits[r]
		if !ok {
			continue
		}
		v, complete := k.eval(in.text, k.ScopeOf(in.class), depth+1)
		if !complete || found && v != val {
			return "", false
		}
		val, found = v, true
	}
	return val, found
}

// classNameOf matches the name of a class literal, "Holder.class.getName()".
var classNameOf = lazyRE(`\b((?:[a-z_]\w*\.)*[A-Z][\w$]*(?:\.[A-Z][\w$]*)*)\.class\s*\.\s*getName\s*\(\s*\)`)

// literalClassName is the binary name of a class literal written in the
// nest of scope: one of the nest, a class of its package, or the
// qualified name as written. The class is linked against the code that
// names it, so its loader resolves it whatever the package.
func literalClassName(lit string, scope []string) string {
	if strings.ToLower(lit[:1]) == lit[:1] {
		return lit
	}
	for _, c := range scope {
		if simpleName(c) == lit || strings.HasSuffix(strings.ReplaceAll(c, "$", "."), "."+lit) {
			return c
		}
		if !strings.Contains(lit, ".") {
			// A class nested beside the constant's: Outer$Lit.
			return outerClass(c) + "$" + lit
		}
	}
	if len(scope) == 0 {
		return lit
	}
	outer := outerClass(scope[0])
	if i := strings.LastIndexByte(outer, '.'); i > 0 {
		return outer[:i] + "." + strings.ReplaceAll(lit, ".", "$")
	}
	return lit
}

// lastTwo is "Names.IMPL" of "a.b.Names.IMPL".
func lastTwo(q string) string {
	i := strings.LastIndexByte(q, '.')
	j := strings.LastIndexByte(q[:i], '.')
	return q[j+1:]
}

// fixedName reports a value naming what every loader resolves alike: a
// class of the JDK, a JDBC driver, a class the project declares or of the
// class's own library; or, when only its head is known, a package of the
// JDK or of that library.
func fixedName(v string, complete bool, class string, declared func(string) bool) bool {
	if !complete {
		return v != "" && (ownPackageHead(v, class) || jdkPackageHead(v))
	}
	return isJDKClassName(v) || jdbcDrivers[v] || declared != nil && declared(v) ||
		samePackageRoot(v, class) && !strings.HasSuffix(v, ".") ||
		// A class of the one library the looking-up class adapts.
		!strings.HasSuffix(v, ".") && dependencyAdapter(class, v)
}

// Settle reports whether a lookup's pending verdict clears it (a
// constant name of the project or the JDK, callers that all pass such
// names or try the context loader first, a context-first helper tried
// before it), or makes it a presence probe: every name it may take is a
// constant, some naming another library's class (as a literal name is
// rated, SeverityInfo).
func Settle(p *facts.Pending, g *facts.CallGraph, k *Constants, declared func(string) bool) (clear, probe bool) {
	clear, probe = settle(p, g, k, declared)
	if probe && (p.AbsenceHandled || callersHandleAbsence(g, p)) {
		// Every name a constant, and the class's absence answered: a
		// probe for an optional feature, which fails nothing.
		return true, false
	}
	return clear, probe
}

// callersHandleAbsence reports a lookup of its method's name parameter
// whose every project call (one or more) sits in a try whose catch
// answers a missing class: with every name a constant, the helper is an
// optional feature's probe, answered where it is called.
func callersHandleAbsence(g *facts.CallGraph, p *facts.Pending) bool {
	if g == nil || p.NameParam < 0 || p.Site != nil {
		return false
	}
	cs := g.CallsOf(p.Method)
	if len(cs) == 0 {
		return false
	}
	for _, c := range cs {
		if !c.AbsenceHandled {
			return false
		}
	}
	return true
}

func settle(p *facts.Pending, g *facts.CallGraph, k *Constants, declared func(string) bool) (clear, probe bool) {
	if p == nil {
		return false, false
	}
	if p.Resource {
		if g != nil && contextLoaderBefore(g, p.Class, p.Before) {
			// The own lookup is the fallback of one through the thread
			// context loader a project helper returned.
			return true, false
		}
		if g == nil || p.NameParam < 0 {
			return false, false
		}
		mode := resPackage
		if p.ResourceFromRoot {
			mode = resRoot
		}
		fixed, _ := fixedCallersOf(g, p.Method, p.NameParam, k, declared, 0, mode, p.EntrySensitive)
		return fixed, false
	}
	if p.Bundle {
		return settleBundle(p, g, k, declared), false
	}
	if len(p.Tasks) > 0 {
		return k != nil && SettleTasks(p.Tasks, p.TasksSwitchOnly, k.Source), false
	}
	if len(p.Names) > 0 {
		all, consts := true, true
		for _, n := range p.Names {
			vals, scope := []string{n}, p.Scope
			if keyRef.MatchString(n) {
				// A key object's member: settled by its creations.
				f, kk := k.keyFixed(n, declared)
				all, consts = all && f, consts && (f || kk)
				continue
			}
			if isTableRef(n) {
				// Another class's table of names, or its getter.
				tv, class, ok := k.tableValues(n)
				if !ok {
					all, consts = false, false
					continue
				}
				vals, scope = tv, k.ScopeOf(class)
			}
			for _, n := range vals {
				v, complete := k.Eval(n, scope)
				fixed := fixedName(v, complete, p.Class, declared)
				all = all && fixed
				consts = consts && (fixed || constantClass(v, complete))
			}
		}
		if p.NamesWithParam {
			// The constant branches name the library's own classes: the
			// parameter's callers decide the rest.
			if !all || g == nil || p.NameParam < 0 {
				return false, false
			}
			fixed, _ := fixedCallers(g, p.Method, p.NameParam, k, declared, 0, p.EntrySensitive)
			return fixed, false
		}
		if all {
			return true, false
		}
		probe = consts
	}
	if g == nil {
		return false, probe
	}
	if triesContextFirst(g, p.Class, p.Before) {
		return true, false
	}
	if p.Site != nil && siteSettled(g, k, *p.Site, p.SiteArg) {
		return true, false
	}
	if p.Site != nil && p.NameParam < 0 && p.SiteArg < len(p.Site.Args) {
		// The name the caller hands the helper: a constant of its class
		// (a final field initialised with a literal) or of another.
		f, kk := fixedArg(p.Site.Args[p.SiteArg], p.Site.Caller.Class, p.Site.Callee.Class, k, declared)
		if ref := k.callerKeyRef(*p.Site, p.Site.Args[p.SiteArg]); ref != "" && !k.returnsNames(p.Site.Args[p.SiteArg], declared) {
			// What a key object of the project holds.
			f, kk = k.keyFixed(ref, declared)
		}
		if f {
			return true, false
		}
		probe = probe || kk
	}
	if len(p.LoaderParams) > 0 && contextCallers(g, p.Method, p.LoaderParams) {
		return true, false
	}
	if p.NameParam < 0 {
		return false, probe
	}
	fixed, consts := fixedCallers(g, p.Method, p.NameParam, k, declared, 0, p.EntrySensitive)
	return fixed, probe || consts
}

// SettleDefault reports the value of a pending declared default that
// names a class of the project or the JDK (facts.Pending.Default).
func SettleDefault(p *facts.Pending, k *Constants, declared func(string) bool) (string, bool) {
	if p == nil || p.Default == "" {
		return "", false
	}
	v, complete := k.Eval(p.Default, p.Scope)
	return v, complete && fixedName(v, true, p.Class, declared)
}

// DefaultNote is what a finding's message says of a name whose default is
// the library's own class.
func DefaultNote(def string) string {
	whose := "the library's own class"
	if v, err := strconv.Unquote(def); err == nil && isJDKClassName(v) || isJDKClassName(def) {
		whose = "a class of the JDK"
	}
	return "; the name defaults to " + def + ", " + whose + ": a module's class is found only if whoever configures the library names one"
}

// constantClass reports a value computed from constants alone that names
// a class (a head before a run-time tail is a family of names, not one).
func constantClass(v string, complete bool) bool {
	return complete && strings.Contains(v, ".")
}

// fixedCallers reports a helper whose project callers (one or more) all
// pass a constant name of the project or the JDK, or call it only after
// trying the context loader (fixed); or all pass constants, some naming
// another library's classes (consts). With entry set (an
// entry-sensitive finding's), a caller only entry points reach decides
// nothing: it runs in a command line's own process, never in a shared JVM.
func fixedCallers(g *facts.CallGraph, m facts.MethodKey, param int, k *Constants, declared func(string) bool, depth int, entry bool) (fixed, consts bool) {
	return fixedCallersOf(g, m, param, k, declared, depth, resNone, entry)
}

// resMode is what fixedCallersOf's names are: class names, or resource
// paths relative to the looking-up class's package or to the root.
type resMode int

const (
	resNone resMode = iota
	resPackage
	resRoot
)

// fixedCallersOf is fixedCallers for class names, or for resource paths
// when res is set (every caller passes a path of the library's own).
func fixedCallersOf(g *facts.CallGraph, m facts.MethodKey, param int, k *Constants, declared func(string) bool, depth int, res resMode, entry bool) (fixed, consts bool) {
	fixed, consts, _ = callersPassing(g, m, param, k, declared, depth, res, entry)
	return fixed, consts
}

// callersPassing is fixedCallersOf, also reporting a method no project
// code calls (uncalled). Callers that decide nothing (a recursive call, an
// uncalled wrapper that opens no new way in) are passed over; with none
// left that decides, the lookup stays.
func callersPassing(g *facts.CallGraph, m facts.MethodKey, param int, k *Constants, declared func(string) bool, depth int, res resMode, entry bool) (fixed, consts, uncalled bool) {
	// A wrapper the graph knows by name (varargs, or given its name
	// parameter by PassOn): the calls of its own overload where their
	// argument count tells.
	cs := g.CallsOf(m)
	// Calls through the interfaces and base classes it implements.
	for _, o := range append(g.Overrides[m], g.Overrides[facts.MethodKey{Class: m.Class, Name: m.Name, Arity: -1}]...) {
		cs = append(cs[:len(cs):len(cs)], g.Callers(o)...)
	}
	if len(cs) == 0 {
		return false, false, true
	}
	fixed, consts = true, true
	decided := 0
	for _, c := range cs {
		if c.Caller.Class == m.Class && c.Caller.Name == m.Name && len(c.CallerParams) == m.Arity && param < len(c.Args) &&
			paramIndexOf(c.CallerParams, strings.TrimSpace(c.Args[param].Text)) == param {
			continue // a recursive call hands the name on
		}
		if entry && g.OnlyFromEntry(c.Caller.Class, c.Caller.Name) {
			// A command line's own call (the name an argument of main):
			// it never runs where the finding's hazard does.
			continue
		}
		if c.ContextBefore || siteSettled(g, k, c, param) {
			decided++
			continue
		}
		if param >= len(c.Args) {
			return false, false, false
		}
		if i := paramIndexOf(c.CallerParams, strings.TrimSpace(c.Args[param].Text)); i >= 0 && depth < maxPassOn {
			// A wrapper handing its own parameter on: its callers decide.
			f, kk, none := callersPassing(g, facts.MethodKey{Class: c.Caller.Class, Name: c.Caller.Name, Arity: len(c.CallerParams)}, i, k, declared, depth+1, res, entry)
			if none && forwardsOnly(g, c, m) {
				continue
			}
			decided++
			fixed = fixed && f
			consts = consts && (f || kk)
			continue
		}
		if i := paramIndexOf(c.OuterParams, strings.TrimSpace(c.Args[param].Text)); c.Outer != nil && i >= 0 && depth < maxPassOn {
			// A parameter of the method around the inner class the call
			// sits in (a privileged action's run): that method's callers
			// decide.
			f, kk, none := callersPassing(g, *c.Outer, i, k, declared, depth+1, res, entry)
			if none && c.OuterPrivate {
				continue // dead code
			}
			decided++
			fixed = fixed && f
			consts = consts && (f || kk)
			continue
		}
		if vals := callerLocalValues(k, c, c.Args[param]); len(vals) > 0 {
			// A local of the caller assigned only literals and constants
			// ("className = \"weblogic.X\"; ... className = \"weblogic.Y\";").
			for _, v := range vals {
				f, kk := fixedArgOf(exprOf(v), c.Caller.Class, m.Class, k, declared, res)
				fixed = fixed && f
				consts = consts && (f || kk)
			}
			decided++
			continue
		}
		if res == resNone {
			// key.getFactoryInterface(): what a key object of the
			// project holds, judged by the key's creations.
			if ref := k.callerKeyRef(c, c.Args[param]); ref != "" && !k.returnsNames(c.Args[param], declared) {
				f, kk := k.keyFixed(ref, declared)
				decided++
				fixed = fixed && f
				consts = consts && (f || kk)
				continue
			}
		}
		f, k := fixedArgOf(c.Args[param], c.Caller.Class, m.Class, k, declared, res)
		decided++
		fixed = fixed && f
		consts = consts && (f || k)
	}
	if decided == 0 {
		return false, false, false
	}
	return fixed, consts && !fixed, false
}

// forwardsOnly reports a caller of m, itself called by no project code,
// that is no new way for a client's name to reach m: a private method
// (dead code), or an overload of m beside it in its class, when m is not
// private (a client may call m itself, and m's own project callers are
// what is judged).
func forwardsOnly(g *facts.CallGraph, c facts.CallSite, m facts.MethodKey) bool {
	if c.CallerPrivate {
		return true
	}
	s := g.Summary(m)
	return c.Caller.Class == m.Class && c.Caller.Name == m.Name && s != nil && !s.Private
}

// callerLocalValues lists the values a local the call passes is assigned
// in the caller's method before the call, read from the caller's text,
// when every one is a literal or a constant; nil otherwise.
func callerLocalValues(k *Constants, cs facts.CallSite, x facts.Expr) []string {
	n := strings.TrimSpace(x.Text)
	if k == nil || k.SourceAt == nil || x.Kind != facts.ExprName || x.Local != nil || !identifier(n) ||
		constantName.MatchString(n) || paramIndexOf(cs.CallerParams, n) >= 0 {
		return nil
	}
	src := k.SourceAt(cs.Site.Path)
	at := cs.Site.Span
	if at.End == 0 || at.End > len(src) || !strings.Contains(string(src[at.Start:at.End]), cs.Callee.Name) {
		return nil
	}
	name := cs.Caller.Name
	if name == "<init>" {
		name = simpleName(cs.Caller.Class)
		if i := strings.LastIndexByte(name, '$'); i >= 0 {
			name = name[i+1:]
		}
	}
	start := methodStart(src, name, at.Start)
	if start < 0 {
		return nil
	}
	vals := statementValues(string(src[start:at.Start]), n+" = ")
	for _, v := range vals {
		if !strings.HasPrefix(v, "\"") && !constantName.MatchString(v) {
			return nil
		}
	}
	return vals
}

// shortName matches a name without a package.
var shortName = lazyRE(`^[A-Za-z_$][\w$]*$`)

// maxPassOn bounds the wrappers followed from a lookup to its callers.
const maxPassOn = 4

// fixedArg reports an argument that is a constant name of the project or
// the JDK, as the caller in class wrote it to a helper of class callee
// (fixed), or another constant name (konst).
func fixedArg(x facts.Expr, class, callee string, k *Constants, declared func(string) bool) (fixed, konst bool) {
	return fixedArgOf(x, class, callee, k, declared, resNone)
}

// fixedArgOf is fixedArg, for a resource path when res is set.
func fixedArgOf(x facts.Expr, class, callee string, k *Constants, declared func(string) bool, res resMode) (fixed, konst bool) {
	if x.Kind == facts.ExprName && x.Local != nil {
		x = *x.Local
	}
	if t := strings.TrimSpace(x.Text); res == resNone && t != "" {
		if m := classNameOf.FindStringSubmatch(t); m != nil && m[0] == t {
			// Own.class.getName(): a class the caller is linked against,
			// which the project's own loader therefore resolves.
			return true, false
		}
	}
	if vals, classes := k.returnedNames(x, declared); len(vals) > 0 {
		// getDataModule(), whose every body returns a constant.
		fixed, konst = true, true
		for i, v := range vals {
			f, kk := fixedArgOf(exprOf(v), classes[i], callee, k, declared, res)
			fixed = fixed && f
			konst = konst && (f || kk)
		}
		return fixed, konst && !fixed
	}
	var v string
	var complete bool
	switch x.Kind {
	case facts.ExprString:
		v, complete = x.Value, true
	case facts.ExprName, facts.ExprConcat:
		if res == resPackage && x.Kind == facts.ExprConcat {
			// "metadata" + (net ? "_net" : "") + ".properties": a name
			// relative to the looking-up class resolves in its own
			// package, whatever its run-time part.
			if head, _ := literalEnds(x.Text); head != "" && !strings.HasPrefix(head, "/") && !strings.Contains(head, "..") {
				return true, false
			}
		}
		if strings.Contains(x.Text, "(") && x.Kind != facts.ExprConcat {
			return false, false
		}
		// In "own.package.m" + hash(key) the operands before the first
		// call resolve: Eval stops there, with the head it has.
		v, complete = k.Eval(x.Text, k.ScopeOf(class))
	default:
		return false, false
	}
	switch res {
	case resPackage:
		return ownResourcePath(v, complete, class) || ownResourcePath(v, complete, callee), false
	case resRoot:
		// A path from the root, or the name of one of the library's
		// classes a helper turns into its .class file's path.
		own := func(c string) bool {
			return !strings.HasPrefix(v, "/") && ownResourcePath("/"+v, complete, c) ||
				complete && !strings.Contains(v, "/") && strings.Contains(v, ".") && samePackageRoot(v, c)
		}
		return own(class) || own(callee), false
	}
	if fixedName(v, complete, class, declared) || fixedName(v, complete, callee, declared) {
		return true, false
	}
	if complete && shortName.MatchString(v) {
		// A constant short name ("Jdbc"): no package a module's class
		// could be in; the helper prefixes its own, or finds nothing.
		return true, false
	}
	return false, constantClass(v, complete)
}

// pendingFor is what a direct lookup's verdict waits for: its name as
// constants build it, the caller's parameter it is, the helpers called
// before it.
func pendingFor(p *Pass, c *facts.Call, name facts.Expr) *facts.Pending {
	pd := &facts.Pending{Class: c.Class, NameParam: -1}
	pd.Method = facts.MethodKey{Class: c.Class, Name: c.Method, Arity: -1}
	if name.Kind == facts.ExprName && name.Local != nil {
		name = *name.Local
	}
	m := enclosingMethodDecl(p, c.Span)
	for _, n := range nameValues(p, c, m, name) {
		pd.Names = append(pd.Names, qualifyConstants(p, n))
	}
	if len(pd.Names) == 0 {
		// key.getFactoryInterface(): a name a key object of the
		// project holds, judged by its creations.
		if r := keyFieldRef(p, c, m, name); r != "" {
			pd.Names = []string{r}
		}
	}
	if len(pd.Names) > 0 {
		pd.Scope = constantScope(p, c.Class)
	}
	if m == nil || len(p.Src) == 0 {
		return pd
	}
	params := paramNames(m.Params)
	pd.Method.Arity = len(params)
	if strings.Contains(m.Params, "...") {
		pd.Method.Arity = -1
	}
	if name.Kind == facts.ExprName {
		for i, n := range params {
			if n == strings.TrimSpace(name.Text) {
				pd.NameParam = i
			}
		}
		if pd.NameParam < 0 {
			// A parameter of the method around the anonymous class the
			// lookup sits in: that method's callers decide.
			if outer, i := nameParamOf(p, c.Span, strings.TrimSpace(name.Text)); outer != nil && outer != m {
				pd.Method = facts.MethodKey{Class: outer.Class, Name: outer.Name, Arity: len(paramNames(outer.Params))}
				pd.NameParam = i
			}
		}
	}
	if len(pd.Names) == 0 && pd.NameParam < 0 {
		// "n.indexOf('.') < 0 ? PKG + n + \"Source\" : n": the constant
		// branches and the callers of the parameter branch together.
		pd.Names, pd.NameParam = branchNames(p, c, m, name, params)
		if len(pd.Names) > 0 {
			pd.NamesWithParam = true
			pd.Scope = constantScope(p, c.Class)
		}
	}
	pd.Before = CalledBefore(p.Src, m.Decl, c.Span.Start)
	return pd
}

// branchNames splits the values a lookup's name may take into those built
// from literals and constants, and the one parameter of the method that
// is the rest: nil, -1 unless there are both, and nothing else.
func branchNames(p *Pass, c *facts.Call, m *facts.MethodDecl, name facts.Expr, params []string) ([]string, int) {
	var vals []string
	switch t := strings.TrimSpace(name.Text); {
	case name.Kind == facts.ExprName && identifier(t) && paramIndexOf(params, t) < 0:
		vals = statementValues(p.Text(facts.Span{Start: m.Decl.Start, End: c.Span.Start}), t+" = ")
	case name.Kind != facts.ExprString:
		vals = []string{t}
	}
	param := -1
	var out []string
	for _, v := range vals {
		for _, alt := range branchesOf(v) {
			if i := paramIndexOf(params, alt); i >= 0 {
				if param >= 0 && param != i {
					return nil, -1
				}
				param = i
				continue
			}
			head := strings.TrimSpace(splitTopLevel(alt, '+', false)[0])
			if len(alt) >= 256 || !strings.HasPrefix(head, "\"") && !constantName.MatchString(head) {
				return nil, -1
			}
			out = append(out, qualifyConstants(p, alt))
		}
	}
	if param < 0 || len(out) == 0 {
		return nil, -1
	}
	return out, param
}

// nameValues lists the expressions a lookup's name may be, when each is
// made of literals and constants: the name itself, every value a local
// is assigned in the method, the elements of an inline array a loop runs
// over, or the returns of a method of the file without parameters whose
// value initialises the local. nil when any is something else.
func nameValues(p *Pass, c *facts.Call, m *facts.MethodDecl, name facts.Expr) []string {
	// Literals and constants, or a head of them before a run-time
	// tail ("PACKAGE + kind": the head's package decides).
	plain := func(t string) bool {
		if len(t) >= 256 || strings.ContainsAny(t, "?:") {
			return false
		}
		head := strings.TrimSpace(splitTopLevel(t, '+', false)[0])
		return strings.HasPrefix(head, "\"") || constantName.MatchString(head)
	}
	all := func(xs []string) []string {
		if len(xs) == 0 {
			return nil
		}
		for _, x := range xs {
			if !plain(x) {
				return nil
			}
		}
		return xs
	}
	if a, b, ok := splitTernary(name.Text); ok && name.Kind != facts.ExprString {
		// cond ? "a.B" : C.NAME: either.
		branch := func(t string) []string {
			if x := exprOf(t); x.Kind == facts.ExprString {
				return []string{x.Text}
			} else {
				return nameValues(p, c, m, x)
			}
		}
		va, vb := branch(a), branch(b)
		if va == nil || vb == nil {
			return nil
		}
		return append(va, vb...)
	}
	if ix := arrayIndex.FindStringSubmatch(strings.TrimSpace(name.Text)); ix != nil && m != nil && len(p.Src) > 0 {
		// NAMES[i], or row[1] in a loop over the rows of TABLE: the
		// elements of a final array field of the class.
		return all(indexedValues(p, c, m, ix[1], strings.TrimSpace(ix[2])))
	}
	if ix := tableIndex.FindStringSubmatch(strings.TrimSpace(name.Text)); ix != nil && len(p.Src) > 0 {
		// TABLE[id][1], a column of the class's own table; Names.TABLE[id],
		// another class's, read once the project is known.
		if vs, ok := ownTableValues(p, name.Text); ok {
			return vs
		}
		if ix[3] != "" && !strings.Contains(ix[1], ".") {
			col, _ := strconv.Atoi(ix[3])
			if out, found := finalArrayElems(p, c, strings.TrimPrefix(ix[1], "this."), col); found {
				return all(out)
			}
		}
		return nil
	}
	switch name.Kind {
	case facts.ExprConcat:
		parts := splitTopLevel(name.Text, '+', false)
		head := strings.TrimSpace(parts[0])
		if !strings.HasPrefix(head, "\"") && !constantName.MatchString(head) && identifier(head) {
			// prefix + "Impl": the values the local prefix is assigned.
			var out []string
			for _, v := range nameValues(p, c, m, facts.Expr{Kind: facts.ExprName, Text: head}) {
				out = append(out, strings.Join(append([]string{v}, parts[1:]...), "+"))
			}
			return all(out)
		}
		return all([]string{name.Text})
	case facts.ExprCall:
		// String n = chooseName(); with chooseName a method of the file.
		// Also nameFor(type), every return of every method of that name
		// a constant: a factory mapping token types to its own classes.
		t := strings.TrimSpace(name.Text)
		open := strings.IndexByte(t, '(')
		if open <= 0 || !strings.HasSuffix(t, ")") || len(p.Src) == 0 {
			return nil
		}
		callee := t[:open]
		if recv, ok := strings.CutSuffix(callee, ".get"); ok && identifier(strings.TrimPrefix(recv, "this.")) {
			// NAMES.get(type), NAMES a map of the class filled with
			// constants.
			return all(mapValues(p, c, strings.TrimPrefix(recv, "this.")))
		}
		if !identifier(callee) {
			// Names.getName(id): a static getter of another class,
			// returning an element of its table (read once the project
			// is known).
			if r := getterRef(p, t); r != "" {
				return []string{r}
			}
			return nil
		}
		var out []string
		for i := range p.File.Methods {
			d := &p.File.Methods[i]
			if d.Name != callee || !sameNest(d.Class, c.Class) {
				continue
			}
			var rets []string
			for _, r := range statementValues(p.Text(d.Decl), "return ") {
				// return NAMES[id]: the elements of the class's table.
				if ix := arrayIndex.FindStringSubmatch(r); ix != nil {
					elems, found := finalArrayElems(p, c, strings.TrimPrefix(ix[1], "this."), -1)
					if !found || elems == nil {
						return nil
					}
					rets = append(rets, elems...)
					continue
				}
				if ix := tableIndex.FindStringSubmatch(r); ix != nil && ix[3] != "" && !strings.Contains(ix[1], ".") {
					col, _ := strconv.Atoi(ix[3])
					elems, found := finalArrayElems(p, c, strings.TrimPrefix(ix[1], "this."), col)
					if !found || elems == nil {
						return nil
					}
					rets = append(rets, elems...)
					continue
				}
				if r == "null" {
					continue
				}
				rets = append(rets, r)
			}
			vs := all(rets)
			if vs == nil {
				return nil
			}
			out = append(out, vs...)
		}
		return out
	case facts.ExprName:
	default:
		return nil
	}
	t := strings.TrimSpace(name.Text)
	if constantName.MatchString(t) || typeField.MatchString(t) {
		return []string{t}
	}
	if len(p.Src) == 0 || strings.Contains(t, ".") || m != nil && hasString(paramNames(m.Params), t) {
		return nil
	}
	// A static initialiser has no declaration: the text just before.
	from := max(0, c.Span.Start-2000)
	if m != nil {
		from = m.Decl.Start
	}
	body := p.Text(facts.Span{Start: from, End: c.Span.Start})
	// for (String n : new String[] { "a.B", "c.D" })
	for _, head := range []string{"for (String " + t + " : new String[] {", "for (String " + t + " : new String[]{",
		"for (final String " + t + " : new String[] {", "for (final String " + t + " : new String[]{"} {
		if i := strings.LastIndex(body, head); i >= 0 {
			rest := body[i+len(head):]
			if j := strings.IndexByte(rest, '}'); j >= 0 {
				var xs []string
				for _, x := range strings.Split(rest[:j], ",") {
					if x = strings.TrimSpace(x); x != "" {
						xs = append(xs, x)
					}
				}
				return all(xs)
			}
		}
	}
	// for (String n : NAMES), NAMES a final array field of the file
	// initialised with literals and constants.
	if arr, ok := loopOver(body, "String", t); ok {
		if xs, found := finalArrayElems(p, c, arr, -1); found {
			if xs == nil {
				return nil
			}
			return all(xs)
		}
	}
	// String n; if (...) n = "a.B"; else n = "c.D"; anywhere in the
	// method (a later assignment reaches a lookup in a loop or a retry).
	if m == nil {
		return nil
	}
	return all(statementValues(p.Text(m.Decl), t+" = "))
}

// arrayIndex matches an array element, "NAMES[i]"; typeField a field
// named through its type, "Module.CacheFactory".
var (
	arrayIndex = lazyRE(`^([A-Za-z_$][\w$]*)\s*\[([^\[\]]+)\]$`)
	typeField  = lazyRE(`^([a-z_][\w$]*\.)*[A-Z][\w$]*\.[A-Za-z_$][\w$]*$`)
)

// indexedValues lists the values arr[index] may take in the method m
// around c: every element of a final array field of the class named arr,
// or, for the row variable of a loop over a two-dimensional one
// ("for (String[] row : TABLE)") and a literal index, that column of every
// row. nil when the array is not such a field.
func indexedValues(p *Pass, c *facts.Call, m *facts.MethodDecl, arr, index string) []string {
	field, column := arr, -1
	body := p.Text(facts.Span{Start: m.Decl.Start, End: c.Span.Start})
	if src, ok := loopOver(body, "String[]", arr); ok {
		n, err := strconv.Atoi(index)
		if err != nil {
			return nil
		}
		field, column = src, n
	}
	out, _ := finalArrayElems(p, c, field, column)
	return out
}

// loopOver finds the last enhanced for loop of body over variable v of
// type typ ("for (String n : NAMES)", also final) and returns what it
// iterates, without "this.".
func loopOver(body, typ, v string) (string, bool) {
	best, at := "", -1
	for _, head := range []string{"for (" + typ + " " + v + " : ", "for (final " + typ + " " + v + " : "} {
		i := strings.LastIndex(body, head)
		if i < 0 || i < at {
			continue
		}
		rest := body[i+len(head):]
		j := strings.IndexByte(rest, ')')
		if j < 0 {
			continue
		}
		best, at = strings.TrimPrefix(strings.TrimSpace(rest[:j]), "this."), i
	}
	return best, at >= 0
}

// finalArrayElems lists the elements of the final array field named field
// of c's nest, or with column >= 0 that column of each row of a
// two-dimensional one; found reports such a field, and the list is nil
// when its initialiser is not a literal table.
func finalArrayElems(p *Pass, c *facts.Call, field string, column int) (out []string, found bool) {
	for _, fd := range p.File.Fields {
		if fd.Name != field || !fd.Final || fd.Init == nil || !sameNest(fd.Context.Class, c.Class) {
			continue
		}
		if len(p.Src) > 0 && slotWritten(string(p.Src), field) {
			return nil, true // slots filled at run time
		}
		out, ok := tableElems(fd.Init.Text, column)
		if !ok {
			return nil, true
		}
		return out, true
	}
	return nil, false
}

// Identifier reports a plain Java identifier (for the call graph).
func Identifier(t string) bool { return identifier(t) }

// DeclaresLocal reports a method text declaring a local (or a parameter,
// a loop variable) of the name: "Type name =", "Type name;", "Type name :".
func DeclaresLocal(text, name string) bool {
	for _, m := range regexp.MustCompile(`\b([\w$]+)(?:<[^;(){}]*>|\[\])*\s+`+regexp.QuoteMeta(name)+`\s*[=;:,)]`).FindAllStringSubmatch(text, -1) {
		switch m[1] {
		case "return", "throw", "case", "else", "new", "yield", "assert":
		default:
			return true
		}
	}
	return false
}

// identifier reports a plain Java identifier.
func identifier(t string) bool {
	if t == "" || t[0] >= '0' && t[0] <= '9' {
		return false
	}
	for i := 0; i < len(t); i++ {
		if !isIdentByte(t[i]) {
			return false
		}
	}
	return true
}

// statementValues lists the expressions after each occurrence of lead
// ("return ", "name = ") in text, up to the statement's end; nil when an
// occurrence's expression is not closed by ";".
func statementValues(text, lead string) []string {
	var out []string
	for i := 0; ; {
		j := strings.Index(text[i:], lead)
		if j < 0 {
			return out
		}
		at := i + j
		i = at + len(lead)
		if at > 0 && isIdentByte(text[at-1]) {
			continue
		}
		end := strings.IndexByte(text[i:], ';')
		if end < 0 {
			return nil
		}
		out = append(out, strings.TrimSpace(text[i:i+end]))
	}
}

// qualifyConstants writes the qualifier of each "Type.NAME" operand as the
// file's imports and package resolve it.
func qualifyConstants(p *Pass, text string) string {
	parts := splitTopLevel(text, '+', false)
	for i, part := range parts {
		t := strings.TrimSpace(part)
		dot := strings.LastIndexByte(t, '.')
		if strings.HasPrefix(t, "\"") || dot < 0 || !constantName.MatchString(t) {
			continue
		}
		qual, first := t[:dot], t
		if j := strings.IndexByte(t, '.'); j >= 0 {
			first = t[:j]
		}
		if first == "" || first[0] < 'A' || first[0] > 'Z' {
			continue // already qualified by its package
		}
		resolved := ""
		for _, im := range p.File.Imports {
			if !im.Static && !im.Wildcard && simpleName(im.Name) == first {
				resolved = im.Name + strings.TrimPrefix(qual, first)
			}
		}
		if resolved == "" && p.File.Package != "" {
			resolved = p.File.Package + "." + qual
		}
		if resolved != "" {
			parts[i] = resolved + t[dot:]
		}
	}
	return strings.Join(parts, "+")
}

// constantScope lists the classes a bare constant name in class may come
// from: the class and those enclosing it, the types they extend or
// implement (interface constants), and the classes statically imported.
func constantScope(p *Pass, class string) []string {
	out := nestOf(class)
	qualify := func(n string) string {
		if strings.Contains(n, ".") {
			return n
		}
		for _, im := range p.File.Imports {
			if !im.Static && !im.Wildcard && simpleName(im.Name) == n {
				return im.Name
			}
		}
		if p.File.Package != "" {
			return p.File.Package + "." + n
		}
		return n
	}
	for _, t := range p.File.TypeDecls {
		if !sameNest(t.Name, class) {
			continue
		}
		if t.Super != "" {
			out = append(out, qualify(genericless(t.Super)))
		}
		for _, i := range t.Interfaces {
			out = append(out, qualify(genericless(i)))
		}
	}
	for _, im := range p.File.Imports {
		if !im.Static {
			continue
		}
		if im.Wildcard {
			out = append(out, im.Name)
		} else if i := strings.LastIndexByte(im.Name, '.'); i > 0 {
			out = append(out, im.Name[:i])
		}
	}
	return out
}

func genericless(t string) string {
	if i := strings.IndexByte(t, '<'); i >= 0 {
		return strings.TrimSpace(t[:i])
	}
	return strings.TrimSpace(t)
}

// CalledBefore lists the names of the methods called in the method text
// decl before offset at: identifiers followed by "(" (keywords, the
// declaration's own name, constructors and Class.forName aside).
func CalledBefore(src []byte, decl facts.Span, at int) []string {
	if decl.Start < 0 || at > len(src) || decl.Start >= at {
		return nil
	}
	text := string(src[decl.Start:at])
	i := strings.IndexByte(text, '{')
	if i < 0 {
		return nil
	}
	text = text[i:]
	var out []string
	seen := map[string]bool{}
	for i := 0; i < len(text); i++ {
		if text[i] != '(' {
			continue
		}
		k := i - 1
		for k >= 0 && (text[k] == ' ' || text[k] == '\t') {
			k--
		}
		e := k + 1
		for k >= 0 && isIdentByte(text[k]) {
			k--
		}
		name := text[k+1 : e]
		if name == "" || name[0] >= '0' && name[0] <= '9' || seen[name] || notCall[name] {
			continue
		}
		if strings.HasSuffix(strings.TrimRight(text[:k+1], " \t\r\n"), "new") {
			continue // a constructor
		}
		seen[name] = true
		if j := strings.TrimRight(text[:k+1], " \t\r\n"); !strings.HasSuffix(j, ".") {
			name = "#" + name // unqualified: a method of the class's nest
		}
		out = append(out, name)
	}
	return out
}

// notCall are the words before "(" that are not a helper's name: keywords,
// and the JDK's own lookup, which a project method of that name would
// otherwise stand for.
var notCall = map[string]bool{"if": true, "for": true, "while": true, "switch": true, "catch": true, "synchronized": true,
	"return": true, "try": true, "super": true, "this": true, "assert": true, "forName": true}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// siteSettled reports a call of a helper whose own lookup its caller
// takes only as a fallback or for the library's own names, as the
// caller's text shows: a context-first helper called before it in the
// method, or an if pinning the argument arg to a JDK or own package.
func siteSettled(g *facts.CallGraph, k *Constants, cs facts.CallSite, arg int) bool {
	at := cs.Site.Span
	if k == nil || at.End == 0 || cs.Caller.Name == "" {
		return false
	}
	var src []byte
	if k.SourceAt != nil {
		src = k.SourceAt(cs.Site.Path)
	}
	if src == nil && k.Source != nil {
		src = k.Source(outerClass(cs.Caller.Class))
	}
	if at.End > len(src) || !strings.Contains(string(src[at.Start:at.End]), cs.Callee.Name) {
		return false // not the text the facts were read from
	}
	start := methodStart(src, cs.Caller.Name, at.Start)
	if start < 0 {
		return false
	}
	if triesContextFirst(g, cs.Caller.Class, CalledBefore(src, facts.Span{Start: start, End: at.End}, at.Start)) {
		return true
	}
	if arg < 0 || arg >= len(cs.Args) {
		return false
	}
	n := strings.TrimSpace(cs.Args[arg].Text)
	pkg := outerClass(cs.Caller.Class)
	if i := strings.LastIndexByte(pkg, '.'); i > 0 {
		pkg = pkg[:i]
	}
	return identifier(n) && prefixGuard(string(src[start:at.Start]), n, pkg)
}

// methodStart is the offset of the declaration of the method named name
// that encloses offset at in src, -1 when none is found.
func methodStart(src []byte, name string, at int) int {
	from := max(0, at-30000)
	re, err := regexp.Compile(`\b` + regexp.QuoteMeta(name) + `\s*\([^;{}()]*(\([^;{}()]*\)[^;{}()]*)*\)\s*(throws\s[^;{}]*)?\{`)
	if err != nil {
		return -1
	}
	locs := re.FindAllIndex(src[from:at], -1)
	if len(locs) == 0 {
		return -1
	}
	return from + locs[len(locs)-1][0]
}

// contextCallers reports a helper whose project callers (one or more)
// all hand it the thread context loader in one of the loader parameters
// params: its own lookup, tried after that loader or without one, is
// the fallback of the context-first idiom.
func contextCallers(g *facts.CallGraph, m facts.MethodKey, params []int) bool {
	cs := g.Callers(m)
	if len(cs) == 0 && g.ByCount[facts.MethodKey{Class: m.Class, Name: m.Name, Arity: -1}] {
		// Kept by name: the calls of this overload, told by their count
		// (where the count tells nothing, no call is taken as its).
		cs = g.CallsOf(m)
	}
	if len(cs) == 0 {
		return false
	}
	for _, c := range cs {
		ok := false
		for _, i := range params {
			ok = ok || i < len(c.Args) && contextLoaderArg(g, c.Args[i], c.Caller.Class)
		}
		if !ok {
			return false
		}
	}
	return true
}

// contextLoaderArg reports an argument that is the thread context loader:
// read directly, or returned by a project method that returns it
// (a getStandardClassLoader() reading it).
func contextLoaderArg(g *facts.CallGraph, x facts.Expr, class string) bool {
	if x.Kind == facts.ExprName && x.Local != nil {
		x = *x.Local
	}
	if x.Loader == facts.LoaderContext || strings.Contains(x.Text, "getContextClassLoader()") {
		return true
	}
	t := strings.TrimSpace(x.Text)
	if x.Kind != facts.ExprCall || !strings.HasSuffix(t, "()") {
		return false
	}
	name := strings.TrimSuffix(t, "()")
	owner := ""
	if x.Call != nil {
		owner, name = x.Call.Owner, x.Call.Name
	} else if i := strings.LastIndexByte(name, '.'); i >= 0 {
		if name[:i] != "this" {
			return false // a receiver not resolved
		}
		name = name[i+1:]
	}
	if owner != "" {
		return g.ContextLoaders[facts.MethodKey{Class: owner, Name: name, Arity: -1}]
	}
	for _, c := range nestOf(class) {
		if g.ContextLoaders[facts.MethodKey{Class: c, Name: name, Arity: -1}] {
			return true
		}
	}
	return false
}

// contextLoaderBefore reports a project method among the names of the
// methods called before a lookup (CalledBefore) that returns the thread
// context loader: "#name" one of class's nest, a qualified call's name
// any project method of that name.
func contextLoaderBefore(g *facts.CallGraph, class string, before []string) bool {
	if len(g.ContextLoaders) == 0 {
		return false
	}
	for _, n := range before {
		if own, ok := strings.CutPrefix(n, "#"); ok {
			for _, c := range nestOf(class) {
				if g.ContextLoaders[facts.MethodKey{Class: c, Name: own, Arity: -1}] {
					return true
				}
			}
			continue
		}
		for m := range g.ContextLoaders {
			if m.Name == n {
				return true
			}
		}
	}
	return false
}

// mapValues lists the values the class around c puts into the map field
// named m ("m.put(key, value)", also in a static initialiser); nil when
// it has none or the map escapes to other writers (a putAll, an accessor
// returning it).
func mapValues(p *Pass, c *facts.Call, m string) []string {
	declared := false
	for _, fd := range p.File.Fields {
		if fd.Name == m && sameNest(fd.Context.Class, c.Class) && fd.Final && fd.Static {
			declared = true
		}
	}
	if !declared {
		return nil
	}
	text := ""
	for _, t := range p.File.TypeDecls {
		if t.Name == outerClass(c.Class) {
			text = p.Text(t.Decl)
		}
	}
	if text == "" || strings.Contains(text, m+".putAll(") || strings.Contains(text, "return "+m+";") {
		return nil
	}
	var out []string
	for _, call := range statementValues(text, m+".put(") {
		args := splitTopLevel(strings.TrimSuffix(strings.TrimSpace(call), ")"), ',', false)
		if len(args) != 2 {
			return nil
		}
		out = append(out, strings.TrimSpace(args[1]))
	}
	return out
}

// BranchParam is the index among params of the parameter a local named
// local takes as one of its values in text (a method's text up to a
// lookup): its initialiser init or an assignment, whole or as a branch of
// a conditional. -1 when none.
func BranchParam(text, local, init string, params []string) int {
	if !identifier(local) {
		return -1
	}
	vals := statementValues(text, local+" = ")
	if init != "" {
		vals = append(vals, init)
	}
	for _, v := range vals {
		for _, alt := range branchesOf(v) {
			if i := paramIndexOf(params, alt); i >= 0 {
				return i
			}
		}
	}
	return -1
}

// branchesOf lists the alternatives of a conditional expression, nested
// ones included, or the expression itself.
func branchesOf(t string) []string {
	t = strings.TrimSpace(t)
	for strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && matchClose(t, 0) == len(t)-1 {
		t = strings.TrimSpace(t[1 : len(t)-1])
	}
	a, b, ok := splitTernary(t)
	if !ok {
		return []string{t}
	}
	return append(branchesOf(a), branchesOf(b)...)
}

// ownResourcePath reports a resource path of the library class belongs
// to: "/org/lib/version.properties" (or its head "/org/lib/res/" before
// a run-time tail) in the library's own package tree, or, complete and
// without a leading "/", a name relative to the looking-up class's
// package.
func ownResourcePath(v string, complete bool, class string) bool {
	if v == "" {
		return false
	}
	if !strings.HasPrefix(v, "/") {
		// A relative head: the rest stays in the class's package.
		return (complete || v != "") && !strings.Contains(v, "..")
	}
	dir := v[1:]
	if complete {
		i := strings.LastIndexByte(dir, '/')
		if i < 0 {
			return false
		}
		dir = dir[:i+1]
	} else if i := strings.LastIndexByte(dir, '/'); i >= 0 {
		dir = dir[:i+1]
	} else {
		return false
	}
	return samePackageRoot(strings.ReplaceAll(dir, "/", "."), class)
}

// OnlyParam is the index among params of the one parameter an expression
// is made from, with literals and calls ("resName(name)",
// "name.replace('.', '/') + \".class\""), -1 when it names none or more
// than one, or any other variable.
func OnlyParam(text string, params []string) int {
	t := strings.TrimSpace(text)
	if i := paramIndexOf(params, t); i >= 0 {
		return i
	}
	found := -1
	for _, loc := range identWord.FindAllStringIndex(stripLiterals(t), -1) {
		id := t[loc[0]:loc[1]]
		rest := strings.TrimLeft(t[loc[1]:], " \t")
		if strings.HasPrefix(rest, "(") || loc[0] > 0 && t[loc[0]-1] == '.' {
			continue // a method's name
		}
		i := paramIndexOf(params, id)
		if i < 0 || found >= 0 && found != i {
			return -1
		}
		found = i
	}
	return found
}

// identWord finds identifiers in an expression's text.
var identWord = lazyRE(`[A-Za-z_$][\w$]*`)

// stripLiterals blanks the contents of string and char literals.
func stripLiterals(t string) string {
	b := []byte(t)
	var q byte
	for i := 0; i < len(b); i++ {
		switch {
		case q == 0 && (b[i] == '"' || b[i] == '\''):
			q = b[i]
		case q != 0 && b[i] == '\\':
			b[i] = ' '
			if i+1 < len(b) {
				b[i+1] = ' '
				i++
			}
		case q != 0 && b[i] == q:
			q = 0
		case q != 0:
			b[i] = ' '
		}
	}
	return string(b)
}

// nameParamOf finds the method whose parameter a lookup's name is: the
// method around the lookup at, or a method enclosing that one whose
// parameter an anonymous class's method captures
// ("doPrivileged(new PrivilegedAction<>() { run() { ... path ... } })").
// nil, -1 when the name is no parameter, a method between declares a
// local of that name, or the method found takes varargs.
func nameParamOf(p *Pass, at facts.Span, name string) (*facts.MethodDecl, int) {
	if len(p.Src) == 0 || !identifier(name) {
		return nil, -1
	}
	var chain []*facts.MethodDecl
	for i := range p.File.Methods {
		if m := &p.File.Methods[i]; m.Decl.Start <= at.Start && at.End <= m.Decl.End {
			chain = append(chain, m)
		}
	}
	// innermost first
	sort.Slice(chain, func(i, j int) bool { return chain[i].Decl.Len() < chain[j].Decl.Len() })
	decl := regexp.MustCompile(`[\w$>\]]\s+` + regexp.QuoteMeta(name) + `\s*[=;:]`)
	for _, m := range chain {
		if i := paramIndexOf(paramNames(m.Params), name); i >= 0 {
			if strings.Contains(m.Params, "...") {
				return nil, -1
			}
			return m, i
		}
		if decl.MatchString(p.Text(m.Decl)) {
			return nil, -1 // a local of the inner method's own
		}
	}
	return nil, -1
}

// nameGetterCall matches a call of a method without arguments, on a
// receiver or not: "getDataModule()", "store.getDataModule()".
var nameGetterCall = lazyRE(`^(?:[\w$.]+\s*\.\s*)?([a-z_$][\w$]*)\s*\(\s*\)$`)

// returnedNames lists what a call of a getter without arguments, of a
// type the project declares, may return, when every String-returning body of that name in the project's
// sources (any class's: the call may dispatch to any of them) is a single
// return of a literal, a constant or a class literal's name: each value
// as written, with the class whose scope reads it. nil when one body is
// anything else, none is found, or the name is too common to look for.
func (k *Constants) returnedNames(x facts.Expr, declared func(string) bool) (vals, classes []string) {
	if k == nil || k.Mentions == nil || k.SourceAt == nil || x.Kind != facts.ExprCall || declared == nil ||
		x.Call == nil || x.Call.Owner == "" || !declared(x.Call.Owner) {
		// Only a getter of a type the project declares: cls.getName() on
		// a Class, or another library's getter, returns what it likes.
		return nil, nil
	}
	m := nameGetterCall.FindStringSubmatch(strings.TrimSpace(x.Text))
	if m == nil {
		return nil, nil
	}
	paths, ok := k.Mentions(m[1])
	if !ok || len(paths) == 0 {
		return nil, nil
	}
	decl := regexp.MustCompile(`\bString\s+` + regexp.QuoteMeta(m[1]) + `\s*\(\s*\)\s*(?:throws\s[^{;]*)?\{`)
	for _, path := range paths {
		src := k.SourceAt(path)
		for _, at := range decl.FindAllIndex(src, -1) {
			end := matchClose(string(src[at[1]-1:]), 0)
			if end < 0 {
				return nil, nil
			}
			body := strings.TrimSpace(string(src[at[1] : at[1]-1+end]))
			v, ok := strings.CutPrefix(body, "return ")
			v, ok2 := strings.CutSuffix(strings.TrimSpace(v), ";")
			v = strings.TrimSpace(v)
			if !ok || !ok2 || !constantText(v) {
				return nil, nil
			}
			pkg := packageDecl.FindSubmatch(src)
			if pkg == nil {
				return nil, nil
			}
			base := path[strings.LastIndexByte(path, '/')+1:]
			vals = append(vals, v)
			classes = append(classes, string(pkg[1])+"."+strings.TrimSuffix(base, ".java"))
		}
	}
	if len(vals) == 0 {
		return nil, nil
	}
	return vals, classes
}

// returnsNames reports a getter returnedNames knows every value of: those
// values decide, not the key objects of the getter's type.
func (k *Constants) returnsNames(x facts.Expr, declared func(string) bool) bool {
	vals, _ := k.returnedNames(x, declared)
	return len(vals) > 0
}

// constantText reports an expression built only of literals, constants
// named in upper case and class literals' names: "PKG + \"Impl\"",
// "Names.IMPL", "Own.class.getName()". A field or a call is not one.
func constantText(t string) bool {
	for _, part := range splitTopLevel(t, '+', false) {
		part = strings.TrimSpace(part)
		if m := classNameOf.FindStringSubmatch(part); m != nil && m[0] == part {
			continue
		}
		if x := exprOf(part); x.Kind != facts.ExprString && !constantName.MatchString(part) {
			return false
		}
	}
	return true
}

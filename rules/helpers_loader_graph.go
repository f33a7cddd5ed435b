package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// The loader rules' use of the project's call graph: a lookup one call
// away from the own or system loader, through a helper of the project
// that returns it (netty's PlatformDependent.getSystemClassLoader(),
// logback's Loader.getClassLoaderOfClass(X.class)), is judged like the
// direct form; a helper that loads a class by a name parameter with its
// own loader is reported where a caller hands it a name known only at
// run time.

// loaderUse is one lookup through a loader a project helper returned.
type loaderUse struct {
	site   facts.CallSite
	helper *facts.Summary
	loader facts.Loader // own or system
	use    *facts.Call  // the lookup
	// name is the lookup's name argument (class, resource), zero for
	// ServiceLoader.load.
	name facts.Expr
}

// helperLoaderUses lists, in a stable order, the lookups whose loader
// comes from a project helper, when the lookup is one of kinds: "class"
// (Class.forName with a loader, loadClass, Spring's ClassUtils.forName),
// "resource" (ClassLoader.getResource*) or "service" (ServiceLoader.load).
func helperLoaderUses(p *ProjectPass, kind string) []loaderUse {
	g := p.Graph
	if g == nil {
		return nil
	}
	var keys []facts.MethodKey
	for k, s := range g.Methods {
		if s.ReturnsLoader == facts.LoaderOwn || s.ReturnsLoader == facts.LoaderSystem || s.ArgLoader {
			keys = append(keys, k)
		}
	}
	sortKeys(keys)
	var out []loaderUse
	for _, k := range keys {
		s := g.Methods[k]
		for _, cs := range g.Callers(k) {
			if cs.Use == nil || cs.ContextBefore {
				continue
			}
			l := s.ReturnsLoader
			if s.ArgLoader {
				l = argLoader(cs, s.ArgLoaderParam)
				if l == facts.LoaderNone {
					continue
				}
			}
			u := cs.Use
			takes := func(x facts.Expr) bool {
				return x.Span == cs.Site.Span || x.Local != nil && x.Local.Span == cs.Site.Span
			}
			var name facts.Expr
			switch {
			case kind == "class" && is(u, "java.lang.Class", "forName") && len(u.Args) == 3 && takes(u.Args[2]),
				kind == "class" && is(u, "org.springframework.util.ClassUtils", "forName") && len(u.Args) == 2 && takes(u.Args[1]),
				kind == "class" && u.Name == "loadClass" && loaderOwner(u.Owner) && len(u.Args) >= 1 && takes(u.Recv):
				name = u.Args[0]
			case kind == "resource" && loaderOwner(u.Owner) && len(u.Args) == 1 && takes(u.Recv) &&
				(u.Name == "getResource" || u.Name == "getResources" || u.Name == "getResourceAsStream"):
				name = u.Args[0]
			case kind == "service" && is(u, "java.util.ServiceLoader", "load") && len(u.Args) == 2 && takes(u.Args[1]):
			default:
				continue
			}
			if name.Kind == facts.ExprName && name.Local != nil {
				name = *name.Local
			}
			out = append(out, loaderUse{site: cs, helper: s, loader: l, use: u, name: name})
		}
	}
	return out
}

// loaderOwner reports the receiver type of a lookup on a ClassLoader a
// helper returned: ClassLoader, or unresolved when the extractor does not
// know the helper's return type.
func loaderOwner(owner string) bool { return owner == "java.lang.ClassLoader" || owner == "" }

// argLoader is the loader getClassLoaderOfClass(X.class)-style helpers
// return for a call: the defining loader of a class literal outside the
// JDK (a library or project class, loaded by the base in shared code), or
// of this.getClass(); LoaderNone for anything else (a class or object the
// caller was handed decides at run time).
func argLoader(cs facts.CallSite, param int) facts.Loader {
	if param < 0 || param >= len(cs.Args) {
		return facts.LoaderNone
	}
	a := cs.Args[param]
	switch t := strings.Join(strings.Fields(a.Text), ""); {
	case a.Kind == facts.ExprClass:
		if isJDKClassName(a.Value) || !strings.Contains(a.Value, ".") && a.Value != "" && isPrimitiveOrLang(a.Value) {
			return facts.LoaderNone
		}
		return facts.LoaderOwn
	case t == "getClass()" || t == "this.getClass()":
		return facts.LoaderOwn
	}
	return facts.LoaderNone
}

// isPrimitiveOrLang reports the simple names a class literal of the JDK
// may carry unresolved (String.class, int.class).
func isPrimitiveOrLang(n string) bool {
	switch n {
	case "int", "long", "short", "byte", "char", "boolean", "float", "double", "void",
		"String", "Object", "Class", "Thread", "System", "ClassLoader":
		return true
	}
	return false
}

// relatedSite is a Related for a site of the graph, as seen from a
// diagnostic in file path.
func relatedSite(path string, s *facts.Site, msg string) Related {
	if s.Path == path && s.Span.End > s.Span.Start {
		return Related{Span: s.Span, Line: s.Line, Message: msg}
	}
	return Related{Path: s.Path, Line: s.Line, Message: msg}
}

// helperName is a helper as messages write it: Class.method().
func helperName(k facts.MethodKey) string { return simpleName(k.Class) + "." + k.Name + "()" }

// helperFlow places a lookup through a helper's loader: the helper's
// loader expression as related location, and, when the helper only
// passes on another helper's loader, the chain from the call to the
// loader as a flow.
func helperFlow(path string, u loaderUse) (related, flow []Related) {
	at := u.helper.LoaderAt
	if at == nil {
		at = &u.helper.Decl
	}
	related = []Related{relatedSite(path, at, loaderWords(u.loader)+" is taken here")}
	if u.helper.Via != nil {
		flow = []Related{
			relatedSite(path, &u.site.Site, "calls "+helperName(u.helper.Method)),
			relatedSite(path, &u.helper.Decl, helperName(u.helper.Method)+" returns "+helperName(*u.helper.Via)),
			relatedSite(path, at, loaderWords(u.loader)+" is taken here"),
			{Span: u.use.Span, Line: u.use.Line, Message: "the lookup"},
		}
	}
	return related, flow
}

// runtimeName judges the name a caller hands a lookup, in a project
// pass: skip names every loader resolves alike (JDK classes, JDBC
// drivers, the project's own classes by package prefix); a constant
// naming another class is a probe (info, dropped when the project
// declares the class); anything else is a name known only at run time.
func runtimeName(p *ProjectPass, x facts.Expr, callerClass string) (skip bool, sev Severity, probe string) {
	if x.Kind == facts.ExprName && x.Local != nil {
		x = *x.Local
	}
	switch x.Kind {
	case facts.ExprString:
		if isJDKClassName(x.Value) || jdbcDrivers[x.Value] || samePackageRoot(x.Value, callerClass) && !strings.HasSuffix(x.Value, ".") {
			return true, SeverityNone, ""
		}
		return false, SeverityInfo, x.Value
	case facts.ExprName:
		if constantName.MatchString(x.Text) || x.Field != nil && constantName.MatchString(x.Field.Name) {
			// A constant field (an interface's, a class's): a fixed
			// class, named where the library chose it.
			return true, SeverityNone, ""
		}
	case facts.ExprConcat:
		head, _ := literalEnds(x.Text)
		if ownPackageHead(head, callerClass) || jdkPackageHead(head) || constantConcat.MatchString(x.Text) {
			return true, SeverityNone, ""
		}
	}
	return false, SeverityNone, ""
}

// constantConcat matches a concatenation of string literals and
// UPPER_CASE constants.
var constantConcat = lazyRE(`^\s*("[^"]*"|[A-Z][A-Z0-9_]*)(\s*\+\s*("[^"]*"|[A-Z][A-Z0-9_]*))+\s*$`)

// classSuffix matches the literal tail of pkg + ".SomeClass": a fixed class
// of a known package.
var classSuffix = lazyRE(`^\.([\w$]+\.)*[A-Z][\w$]*$`)

// constantName matches a constant field named in UPPER_CASE, qualified
// or not.
var constantName = lazyRE(`^([\w$]+\.)*[A-Z][A-Z0-9_]*$`)

// maybeString reports an argument that may be a String: overloads of one
// arity share a summary, so a class literal or a value of another type
// reached another overload.
func maybeString(x facts.Expr) bool {
	switch x.Kind {
	case facts.ExprClass, facts.ExprNew, facts.ExprLambda:
		return false
	}
	return x.Type == "" || x.Type == "java.lang.String"
}

// ownPackageHead reports the literal head of "own.package." + suffix: a
// package of the caller's own library, so the name resolves to one of
// its classes, which its own loader sees. A head that goes on into the
// class's simple name ("own.package.m" + number, a family of message
// bundles) is in that package as well.
func ownPackageHead(head, class string) bool {
	if strings.HasSuffix(head, ".") || strings.HasSuffix(head, "$") {
		return samePackageRoot(head, class)
	}
	i := strings.LastIndexByte(head, '.')
	return i > 0 && samePackageRoot(head[:i+1], class)
}

// samePackageRoot reports a qualified name in the same library as class:
// they share their first two package segments ("org.h2.store." and
// "org.h2.util.Utils"), or, for a class directly in a one-word top-level
// package that is no domain ("antlr.ASTFactory"), that word: the
// library's root.
func samePackageRoot(name, class string) bool {
	root := func(n string) string {
		parts := strings.SplitN(n, ".", 3)
		if len(parts) == 2 && !domainWord(parts[0]) {
			return parts[0] + "."
		}
		if len(parts) < 3 {
			return ""
		}
		return parts[0] + "." + parts[1] + "."
	}
	r := root(class)
	return r != "" && strings.HasPrefix(name, r)
}

// domainWord reports a first package segment that is an internet domain
// ("com", "org", a country code): many libraries share it.
func domainWord(s string) bool {
	switch s {
	case "com", "org", "net", "io", "edu", "gov", "mil", "int", "info", "biz", "dev", "app", "java", "javax", "jakarta":
		return true
	}
	return len(s) <= 2
}

// checkClassLookupsViaHelpers is class-forname-caller-loader's project
// pass: class lookups through a loader a project helper returns, and the
// calls that hand a run-time name to a helper loading it with its own
// loader.
func checkClassLookupsViaHelpers(p *ProjectPass) {
	for _, u := range helperLoaderUses(p, "class") {
		skip, sev, probe := runtimeName(p, u.name, u.use.Class)
		if skip || probe != "" {
			// A constant name: a JDK or own class, or a presence probe
			// for another library, which the direct forms rate info.
			continue
		}
		lookup := "ClassLoader." + u.use.Name
		if u.use.Owner != "" {
			lookup = simpleOwner(u.use.Owner) + "." + u.use.Name
		}
		path := u.site.Site.Path
		related, flow := helperFlow(path, u)
		p.Report(path, Diagnostic{Severity: sev, Span: u.use.Span, Context: u.use.Context, Related: related, Flow: flow,
			Message: lookup + " through " + helperName(u.helper.Method) + ", which returns " +
				loaderWords(u.loader) + ": module classes are not visible when this code is loaded by the base"})
	}
	g := p.Graph
	if g == nil {
		return
	}
	var keys []facts.MethodKey
	for k, s := range g.Methods {
		if s.LoadsParam >= 0 {
			keys = append(keys, k)
		}
	}
	sortKeys(keys)
	for _, k := range keys {
		s := g.Methods[k]
		if triesContextFirst(g, k.Class, s.Before) {
			// The own lookup is the fallback of a context-first helper
			// tried before it.
			continue
		}
		for _, cs := range g.Callers(k) {
			if s.LoadsParam >= len(cs.Args) || cs.ContextBefore || cs.Caller.Class == k.Class && cs.Caller.Name == k.Name ||
				!maybeString(cs.Args[s.LoadsParam]) {
				continue
			}
			if a := cs.Args[s.LoadsParam]; cs.CallerPrivate && a.Kind == facts.ExprName && hasString(cs.CallerParams, strings.TrimSpace(a.Text)) {
				// A private method passing its parameter on: the names
				// come from its callers in the class.
				continue
			}
			if a := cs.Args[s.LoadsParam]; cs.Outer != nil && cs.OuterPrivate && a.Kind == facts.ExprName && hasString(cs.OuterParams, strings.TrimSpace(a.Text)) {
				// The same, captured by an inner class of that method.
				continue
			}
			skip, sev, probe := runtimeName(p, cs.Args[s.LoadsParam], cs.Caller.Class)
			if skip || probe != "" {
				// A constant: the project's own class, or a probe the
				// helper's own lookup already answers for.
				continue
			}
			at := s.LoadsAt
			if at == nil {
				at = &s.Decl
			}
			path := cs.Site.Path
			site := cs
			p.Report(path, Diagnostic{Severity: sev, Span: cs.Site.Span, Context: cs.Context, EntrySensitive: true,
				// The caller's text decides whether it takes the helper
				// only as a fallback: read at the end.
				Pending: sitePending(&site, s.LoadsParam),
				Message: helperName(k) + " loads the class named here with its own ClassLoader; a name that comes from configuration " +
					"or a module is not found when this code is loaded by the base",
				Related: []Related{relatedSite(path, at, "the lookup with the own ClassLoader")}})
		}
	}
}

// triesContextFirst reports a context-first helper among the names of
// the methods called before a lookup.
func triesContextFirst(g *facts.CallGraph, class string, before []string) bool {
	for _, n := range before {
		if own, ok := strings.CutPrefix(n, "#"); ok {
			if g.ContextFirst[own] || g.ContextFirst[outerClass(class)+"#"+own] {
				return true
			}
		} else if g.ContextFirst[n] {
			return true
		}
	}
	return false
}

// checkResourceLookupsViaHelpers is own-classloader-lookup's project
// pass: resource lookups through a loader a project helper returns.
func checkResourceLookupsViaHelpers(p *ProjectPass) {
	for _, u := range helperLoaderUses(p, "resource") {
		flag, what := resourceVerdict(u.name)
		if !flag {
			continue
		}
		path := u.site.Site.Path
		related, flow := helperFlow(path, u)
		p.Report(path, Diagnostic{Span: u.use.Span, Context: u.use.Context, Related: related, Flow: flow,
			Message: u.use.Name + " of " + what + " through " + helperName(u.helper.Method) + ", which returns " +
				loaderWords(u.loader) + ": a module's copy is never found when this code is loaded by the base"})
	}
}

// checkServiceLoadsViaHelpers is serviceloader-default-loader's project
// pass: ServiceLoader.load with a loader a project helper returns.
func checkServiceLoadsViaHelpers(p *ProjectPass) {
	for _, u := range helperLoaderUses(p, "service") {
		path := u.site.Site.Path
		related, flow := helperFlow(path, u)
		p.Report(path, Diagnostic{Span: u.use.Span, Context: u.use.Context, Related: related, Flow: flow,
			Message: "ServiceLoader.load through " + helperName(u.helper.Method) + ", which returns " +
				loaderWords(u.loader) + ", does not see providers packaged in modules"})
	}
}

// sitePending is what a finding at a helper's call waits for: the
// caller's text around the call, and, when the caller hands on a
// parameter of its own, the callers of the caller.
func sitePending(cs *facts.CallSite, arg int) *facts.Pending {
	pd := &facts.Pending{Class: cs.Caller.Class, NameParam: -1, Site: cs, SiteArg: arg,
		Method: facts.MethodKey{Class: cs.Caller.Class, Name: cs.Caller.Name, Arity: len(cs.CallerParams)}}
	if arg < len(cs.Args) {
		pd.NameParam = paramIndexOf(cs.CallerParams, strings.TrimSpace(cs.Args[arg].Text))
		if i := paramIndexOf(cs.OuterParams, strings.TrimSpace(cs.Args[arg].Text)); pd.NameParam < 0 && cs.Outer != nil && i >= 0 {
			// A parameter the inner class captured: the callers of the
			// method around it decide.
			pd.Method, pd.NameParam = *cs.Outer, i
		}
	}
	return pd
}

package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var ownLoaderLookup = register(&Rule{
	ID:     "own-classloader-lookup",
	Hazard: "H05",
	Title:  "The caller's own ClassLoader used to find resources, proxies or classes",
	Summary: "X.class.getClassLoader() and getClass().getClassLoader() return the loader of the library class. " +
		"In code the base shares with modules that is the base's loader; used for resource lookups, dynamic " +
		"proxies or a Spring ResourceLoader it cannot see module classes and resources.",
	Tags:      []string{"koupleless", "classloader", "correctness"},
	Precision: "high",
	Default:   SeverityHint,
	Severity: map[facts.Role]Severity{
		facts.RoleShared: SeverityHigh, facts.RoleBase: SeverityMedium,
		facts.RoleModule: SeverityInfo, facts.RolePrivate: SeverityInfo,
	},
	Keywords: []string{"getClassLoader", "getSystemClassLoader"},
	Calls: []string{"getResource", "getResources", "getResourceAsStream", "newProxyInstance", "getProxyClass",
		"forName", "loadClass", "load", "loadFactories", "loadFactoryNames"},
	News:  []string{"DefaultResourceLoader"},
	Check: checkOwnLoaderLookup,
	// Resource lookups one call away, through the project's helpers.
	CheckProject: checkResourceLookupsViaHelpers,
})

// identRE finds identifiers in an expression's text.
var identRE = lazyRE(`[A-Za-z_$][\w$]*`)

// mentionsParam reports whether any of the expressions names a parameter of
// the method enclosing span: interfaces the caller supplies.
func mentionsParam(p *Pass, at facts.Span, xs []facts.Expr) bool {
	m := enclosingMethodDecl(p, at)
	if m == nil {
		return false
	}
	names := paramNames(m.Params)
	for _, x := range xs {
		for _, id := range identRE.FindAllString(x.Text, -1) {
			if hasString(names, id) {
				return true
			}
		}
	}
	return false
}

func checkOwnLoaderLookup(p *Pass) {
	report := func(at facts.Span, ctx facts.Context, sev Severity, msg string, loader facts.Expr, via bool, pending ...*facts.Pending) {
		// A command line's lookup runs in a process of its own.
		d := Diagnostic{Severity: sev, Message: msg, Span: at, Context: ctx, EntrySensitive: !appEntry(p, ctx.Class)}
		if len(pending) > 0 {
			d.Pending = pending[0]
		}
		// Module code's own loader is right; the info finding needs no edit.
		if !via && !moduleCode(p) {
			d.Fixes = []Fix{replace("Use the thread context ClassLoader", loader.Span, loaderFallback(p, loader))}
		}
		p.Report(d)
	}
	how := func(l facts.Loader, via bool) string {
		if via {
			return loaderWords(l) + " (held in a local variable)"
		}
		return loaderWords(l)
	}
	calls(p, func(c *facts.Call) {
		if contextFirst(p, c.Span) {
			return
		}
		switch {
		case is(c, "java.lang.ClassLoader", "getResource", "getResources", "getResourceAsStream") && len(c.Args) == 1:
			l, via := fixedLoader(c.Recv)
			if l == facts.LoaderNone {
				return
			}
			flag, what := resourceVerdictIn(p, c.Args[0])
			if !flag {
				return
			}
			report(c.Span, c.Context, SeverityNone, c.Name+" of "+what+" on "+how(l, via)+" never finds a module's copy when this code is loaded by the base", c.Recv, via,
				ownResourceParam(p, c, c.Args[0]))
		case is(c, "java.lang.reflect.Proxy", "newProxyInstance", "getProxyClass") && len(c.Args) >= 2:
			l, via := fixedLoader(c.Args[0])
			if l == facts.LoaderNone {
				return
			}
			// The own loader sees the library's and the JDK's interfaces; it
			// fails for interfaces the caller hands in.
			ifaces := c.Args[1:]
			if c.Name == "newProxyInstance" {
				ifaces = c.Args[1:2]
			}
			if !mentionsParam(p, c.Span, ifaces) {
				return
			}
			report(c.Span, c.Context, SeverityNone, "Proxy."+c.Name+" with "+how(l, via)+" fails for interfaces a module defines (\"not visible from class loader\")", c.Args[0], via)
		case is(c, "java.lang.Class", "forName") && len(c.Args) == 3:
			viaLocalLookup(p, c, c.Args[2], c.Args[0], how, report)
		case is(c, "java.lang.ClassLoader", "loadClass") && len(c.Args) >= 1:
			viaLocalLookup(p, c, c.Recv, c.Args[0], how, report)
		case is(c, "org.springframework.util.ClassUtils", "forName") && len(c.Args) == 2:
			viaLocalLookup(p, c, c.Args[1], c.Args[0], how, report)
		case is(c, "java.util.ServiceLoader", "load") && len(c.Args) == 2,
			is(c, "org.springframework.core.io.support.SpringFactoriesLoader", "loadFactories", "loadFactoryNames") && len(c.Args) == 2:
			viaLocalLookup(p, c, c.Args[1], facts.Expr{}, how, report)
		}
	})
	for i := range p.File.News {
		nw := &p.File.News[i]
		if nw.Type != "org.springframework.core.io.DefaultResourceLoader" || len(nw.Args) != 1 {
			continue
		}
		l, via := fixedLoader(nw.Args[0])
		if l == facts.LoaderNone || contextFirst(p, nw.Span) {
			continue
		}
		report(nw.Span, nw.Context, SeverityNone, "DefaultResourceLoader with "+how(l, via)+" resolves classpath: resources without the module's files", nw.Args[0], via)
	}
}

// viaLocalLookup reports the class and provider lookups whose direct forms
// belong to class-forname-caller-loader and serviceloader-default-loader,
// when the own loader arrives through a local variable.
func viaLocalLookup(p *Pass, c *facts.Call, loader, name facts.Expr, how func(facts.Loader, bool) string,
	report func(facts.Span, facts.Context, Severity, string, facts.Expr, bool, ...*facts.Pending)) {
	l, via := fixedLoader(loader)
	if !via {
		return
	}
	if readThrough(p, c, loader, name) {
		// Names read from a file the same loader found (an index of the
		// library's generated classes): the loader sees what its own
		// file lists.
		return
	}
	if name.Kind == facts.ExprName && name.Local != nil {
		name = *name.Local
	}
	if name.Kind != facts.ExprOther || name.Text != "" {
		// A class the library names itself (a literal, a constant, a
		// constant concatenation, a private helper's fixed argument):
		// its own class, the JDK's, or a probe for an optional
		// dependency, which sits beside the library in the base.
		if _, ok := fixedValues(p, name); ok {
			return
		}
		if _, tail := literalEnds(name.Text); constantConcat.MatchString(name.Text) || name.Kind == facts.ExprConcat && classSuffix.MatchString(tail) {
			return
		}
		if skip, _, _ := nameVerdict(p, name); skip {
			return
		}
	}
	report(c.Span, c.Context, SeverityNone, simpleOwner(c.Owner)+"."+c.Name+" with "+how(l, via)+" cannot see module classes or providers when this code is loaded by the base", loader, via)
}

// ownResourceParam is what a resource lookup on the own loader waits for
// when its name is a parameter of its method, or made from one alone
// (resName(name)): the callers' names. nil otherwise.
func ownResourceParam(p *Pass, c *facts.Call, name facts.Expr) *facts.Pending {
	m := enclosingMethodDecl(p, c.Span)
	if m == nil || len(p.Src) == 0 || strings.Contains(m.Params, "...") {
		return nil
	}
	params := paramNames(m.Params)
	i := OnlyParam(name.Text, params)
	if i < 0 {
		return nil
	}
	return &facts.Pending{Class: c.Class, Method: facts.MethodKey{Class: c.Class, Name: c.Method, Arity: len(params)},
		NameParam: i, Resource: true, ResourceFromRoot: true}
}

// readThrough reports a class name read from a stream ("in.readUTF()",
// "reader.readLine()") that the method opened on a resource of the same
// loader variable ("new DataInputStream(loader.getResourceAsStream(...))").
func readThrough(p *Pass, c *facts.Call, loader, name facts.Expr) bool {
	lv := strings.TrimSpace(loader.Text)
	if name.Kind != facts.ExprName || name.Local == nil || !identifier(lv) {
		return false
	}
	r := streamRead.FindStringSubmatch(strings.TrimSpace(name.Local.Text))
	m := enclosingMethodDecl(p, c.Span)
	if r == nil || m == nil || len(p.Src) == 0 {
		return false
	}
	body := p.Text(facts.Span{Start: m.Decl.Start, End: c.Span.Start})
	vals := statementValues(body, r[1]+" = ")
	if len(vals) != 1 {
		return false
	}
	return strings.Contains(strings.Join(strings.Fields(vals[0]), ""), lv+".getResourceAsStream(")
}

// streamRead matches a read of a name from a stream: "in.readUTF()".
var streamRead = lazyRE(`^([A-Za-z_$][\w$]*)\s*\.\s*(?:readUTF|readLine)\s*\(\s*\)$`)

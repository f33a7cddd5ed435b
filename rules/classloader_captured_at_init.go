package rules

import (
	"github.com/kscan/kscan/internal/javatext"
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var classLoaderCapturedRule = register(&Rule{
	ID:     "classloader-captured-at-init",
	Hazard: "H09",
	Title:  "ClassLoader captured once for every app",
	Summary: "The thread context ClassLoader (or Spring's default ClassLoader) read in a static initialiser or stored " +
		"in a static field is the loader of whichever app initialised the class first, usually the base; " +
		"shared code then keeps using it for every module. Spring < 5.3 resource loaders created there capture it too.",
	Tags:      []string{"koupleless", "classloader", "correctness"},
	Precision: "high",
	Default:   SeverityMedium,
	Severity:  map[facts.Role]Severity{facts.RoleShared: SeverityHigh, facts.RoleBase: SeverityMedium},
	Keywords:  []string{"getContextClassLoader", "getDefaultClassLoader", "DefaultResourceLoader", "PathMatchingResourcePatternResolver"},
	Calls:     []string{"getContextClassLoader", "getDefaultClassLoader"},
	// Every finding is in a static initialiser or stored in a static.
	Prefilter: staticPossible,
	News:      []string{"DefaultResourceLoader", "PathMatchingResourcePatternResolver"},
	Check:     checkClassLoaderCaptured,
})

func checkClassLoaderCaptured(p *Pass) {
	calls(p, func(c *facts.Call) {
		if !is(c, "java.lang.Thread", "getContextClassLoader") && !is(c, "org.springframework.util.ClassUtils", "getDefaultClassLoader") {
			return
		}
		if c.ComparedToNull || !(c.InStaticInit || c.StoredToStatic) || inLazyFieldInit(p.File, c.Span) || launcherClass(p, c.Class) ||
			ownLoaderFirst(p.Src, c.Span.Start) || savedToRestore(p, c) {
			return
		}
		what := "the thread context ClassLoader"
		if c.Name == "getDefaultClassLoader" {
			what = "Spring's default (thread context) ClassLoader"
		}
		// A read in the catch of a failed lookup, or listed after the own
		// loader among the loaders to try, is the fallback of the class's
		// own loader, tried first: used once, for what the own loader
		// cannot see. Still the first app's, so a note.
		sev := Severity(0)
		if c.InStaticInit && (inCatchBlock(p.Src, c.Span.Start) || afterOwnLoader(p.Src, c.Span.Start)) {
			sev = p.AtMost(SeverityLow)
		}
		how := "read in " + where(c.Context)
		if c.StoredToStatic && !c.InStaticInit {
			how = "stored in a static field in " + where(c.Context)
		}
		p.Report(Diagnostic{
			Message: what + " is " + how + ": it is the loader of the first app to get there, kept for every app; resolve it at the point of use",
			Span:    c.Span, Context: c.Context, Severity: sev,
		})
	})
	for i := range p.File.News {
		n := &p.File.News[i]
		if len(n.Args) != 0 || !n.InStaticInit || inLazyFieldInit(p.File, n.Span) {
			continue
		}
		switch n.Type {
		case "org.springframework.core.io.DefaultResourceLoader", "org.springframework.core.io.support.PathMatchingResourcePatternResolver":
			p.Report(Diagnostic{
				Severity: p.AtMost(SeverityLow),
				Message: "new " + simpleName(n.Type) + "() in " + where(n.Context) + " captures the thread context ClassLoader of the first app " +
					"with spring-core < 5.3; pass Thread.currentThread().getContextClassLoader() when it is used",
				Span: n.Span, Context: n.Context,
			})
		}
	}
}

// inLazyFieldInit reports a span inside a static field initialiser that is
// a lambda or method reference: it runs later, per call.
func inLazyFieldInit(f *facts.File, s facts.Span) bool {
	for i := range f.Fields {
		fd := &f.Fields[i]
		if fd.Static && fd.Init != nil && fd.Init.Kind == facts.ExprLambda && within(s.Start, fd.Init.Span) {
			return true
		}
	}
	return false
}

// savedToRestore reports a context-loader read a static initialiser keeps
// in a local only to put it back: every later use of the local restores
// it in a finally block (ClassLoader old = ...getContextClassLoader();
// set another; try { ... } finally { setContextClassLoader(old); }). The
// switch is undone, and nothing keeps the loader. Source text only: a
// class file's local is not followed past its calls.
func savedToRestore(p *Pass, c *facts.Call) bool {
	if !c.InStaticInit || c.StoredTo == "" || c.StoredToField || len(p.Src) == 0 {
		return false
	}
	var block facts.Span
	for _, s := range p.File.StaticInits {
		if within(c.Span.Start, s) {
			block = s
		}
	}
	if block.End <= c.Span.End || block.End > len(p.Src) {
		return false
	}
	restores := 0
	for i := range p.File.Calls {
		x := &p.File.Calls[i]
		if within(x.Span.Start, block) && x.Span.Start > c.Span.End && is(x, "java.lang.Thread", "setContextClassLoader") &&
			len(x.Args) == 1 && x.Args[0].Text == c.StoredTo {
			if !x.InFinally {
				return false
			}
			restores++
		}
	}
	return restores > 0 && javatext.WordCount([]byte(javaCode(string(p.Src[c.Span.End:block.End]))), c.StoredTo) == restores
}

// launcherClass reports a class whose nest declares a static main (not a
// Spring Boot application's, which starts an app): it initialises in the
// process its main starts, where there is no second app to capture the
// loader for.
func launcherClass(p *Pass, class string) bool {
	for i := range p.File.Methods {
		if m := &p.File.Methods[i]; m.Name == "main" && m.Static && sameNest(m.Class, class) {
			return !appEntry(p, class)
		}
	}
	return false
}

// ownLoaderFirst reports a context-loader read that is only the fallback
// of the class's own loader when that is null (the class on the boot
// class path): LOADER = X.class.getClassLoader() != null ?
// X.class.getClassLoader() : Thread.currentThread().getContextClassLoader(),
// or cl = X.class.getClassLoader(); if (cl == null) cl = ...; a class a
// module or the base loads always has its own loader, which it keeps.
func ownLoaderFirst(src []byte, at int) bool {
	if at <= 0 || at > len(src) {
		return false
	}
	lo := at - 400
	if lo < 0 {
		lo = 0
	}
	before := string(src[lo:at])
	if ownLoaderTernaryRE.MatchString(before) {
		return true
	}
	m := nullGuardRE.FindStringSubmatch(before)
	if m == nil {
		m = nullTernaryRE.FindStringSubmatch(before)
	}
	return m != nil && regexp.MustCompile(`\b`+regexp.QuoteMeta(m[1])+`\s*=\s*`+ownLoaderExpr).MatchString(before)
}

// ownLoaderExpr is the class's own loader: X.class.getClassLoader() or
// getClass().getClassLoader().
const ownLoaderExpr = `(?:[\w.]+\.class|(?:this\.)?getClass\(\s*\))\s*\.\s*getClassLoader\(\s*\)`

var (
	// X.class.getClassLoader() != null ? X.class.getClassLoader() : <call>
	// (or == null ? <call>), right before the call.
	ownLoaderTernaryRE = lazyRE(ownLoaderExpr + `\s*(?:!=\s*null\s*\?\s*` + ownLoaderExpr + `\s*:|==\s*null\s*\?)\s*$`)
	// if (cl == null) { cl = <call>, right before the call.
	nullGuardRE = lazyRE(`\bif\s*\(\s*(\w+)\s*==\s*null\s*\)\s*\{?\s*(?:\w+\s*=\s*)?$`)
	// cl != null ? cl : <call>, or cl == null ? <call>
	nullTernaryRE = lazyRE(`\b(\w+)\s*(?:!=\s*null\s*\?\s*\w+\s*:|==\s*null\s*\?)\s*$`)
)

// inCatchBlock reports an offset inside a catch block (nested blocks
// within it included) of its method or initialiser.
func inCatchBlock(src []byte, at int) bool {
	if at <= 0 || at > len(src) {
		return false
	}
	lo := at - 3000
	if lo < 0 {
		lo = 0
	}
	depth := 0
	for i := at - 1; i >= lo; i-- {
		switch src[i] {
		case '}':
			depth++
		case '{':
			if depth > 0 {
				depth--
				continue
			}
			head := strings.TrimRight(string(src[max(lo, i-300):i]), " \t\r\n")
			switch {
			case catchHeadRE.MatchString(head):
				return true
			case blockHeadRE.MatchString(head):
				continue // an if, loop, try or bare block: look further out
			default:
				return false // the method, the initialiser, a class body
			}
		}
	}
	return false
}

var (
	// catchHeadRE ends with a catch clause's head: catch (E e)
	catchHeadRE = lazyRE(`\bcatch\s*\([^()]*\)$`)
	// blockHeadRE ends with the head of a statement's block inside a body.
	blockHeadRE = lazyRE(`(?:\b(?:if|while|for|switch|synchronized)\s*\(.*\)|\b(?:else|try|do|finally)|\btry\s*\(.*\)|[;{}])$`)
)

// afterOwnLoader reports a read listed right after the class's own loader
// among loaders tried in turn: new ClassLoader[] { X.class.getClassLoader(),
// <read> }, Arrays.asList(own, <read>).
func afterOwnLoader(src []byte, at int) bool {
	if at <= 0 || at > len(src) {
		return false
	}
	lo := at - 300
	if lo < 0 {
		lo = 0
	}
	return ownThenRE.Match(src[lo:at])
}

// ownThenRE ends with a list's opening and the own loader as its first
// element: "{ X.class.getClassLoader(), " or "asList(X.class.getClassLoader(), ".
var ownThenRE = regexp.MustCompile(`(?:\{|\b(?:asList|of)\s*\()\s*` + ownLoaderExpr + `\s*,\s*$`)

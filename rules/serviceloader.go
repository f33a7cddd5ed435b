package rules

import (
	"github.com/kscan/kscan/rules/facts"
)

var serviceLoaderRule = register(&Rule{
	ID:     "serviceloader-default-loader",
	Hazard: "H07",
	Title:  "ServiceLoader or SpringFactoriesLoader bound to one ClassLoader",
	Summary: "ServiceLoader.load(S, X.class.getClassLoader()), ServiceLoader.loadInstalled(S) and " +
		"SpringFactoriesLoader with the caller's own loader cannot see providers packaged in modules; " +
		"ServiceLoader.load(S) run in a static initialiser or cached in a static field freezes the providers " +
		"of whichever loader came first for every app.",
	Tags:      []string{"koupleless", "classloader", "spi", "correctness"},
	Precision: "high",
	Default:   SeverityHigh,
	Severity: map[facts.Role]Severity{
		facts.RoleShared: SeverityHigh, facts.RoleBase: SeverityMedium,
		facts.RoleModule: SeverityLow, facts.RolePrivate: SeverityLow,
	},
	Keywords: []string{"ServiceLoader", "SpringFactoriesLoader"},
	Calls:    []string{"load", "loadInstalled", "loadFactories", "loadFactoryNames"},
	Check:    checkServiceLoader,
	Help: `**Why it breaks.** ` + "`ServiceLoader`" + ` finds providers through one ClassLoader. Given the caller's own loader
(` + "`X.class.getClassLoader()`" + `), the system loader or ` + "`loadInstalled`" + `, it runs with the base's loader when the
code is shared, and never sees providers that a module packages. ` + "`ServiceLoader.load(S)`" + ` uses the thread
context loader, which is right on a module thread, but when it runs in a static initialiser, or its result is
stored in a static field, the first loader to get there wins for every app. Spring's
` + "`SpringFactoriesLoader.loadFactories(T, getClass().getClassLoader())`" + ` has the same problem (the Koupleless
Spring Boot adapter patches exactly this call).

**Flagged.**
- ` + "`ServiceLoader.load(S, <own loader | system loader | null>)`" + ` and ` + "`ServiceLoader.loadInstalled(S)`" + `.
- ` + "`ServiceLoader.load(S)`" + ` in a static initialiser or stored into a static field (medium).
- ` + "`SpringFactoriesLoader.loadFactories/loadFactoryNames(T, <own or system loader>)`" + `.

**Not flagged.** ` + "`ServiceLoader.load(S, Thread.currentThread().getContextClassLoader())`" + ` or any loader passed in;
` + "`load(S)`" + ` called per use; test sources. Module code (and libraries private to a module) is low.

**Fix.** Resolve per ClassLoader and cache per ClassLoader:

` + "```java" + `
// before
private static final List<Codec> CODECS = new ArrayList<>();
static { ServiceLoader.load(Codec.class, Codec.class.getClassLoader()).forEach(CODECS::add); }

// after
private static final Map<ClassLoader, List<Codec>> CODECS = new ConcurrentHashMap<>();
static List<Codec> codecs() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    final ClassLoader key = cl != null ? cl : Codec.class.getClassLoader();
    return CODECS.computeIfAbsent(key, k -> {
        List<Codec> list = new ArrayList<>();
        ServiceLoader.load(Codec.class, k).forEach(list::add);
        return list;
    });
}
` + "```" + `

Spring (the adapter's change): ` + "`SpringFactoriesLoader.loadFactories(EnvironmentPostProcessor.class, getClass().getClassLoader())`" + `
→ ` + "`SpringFactoriesLoader.loadFactories(EnvironmentPostProcessor.class, ClassUtils.getDefaultClassLoader())`" + `.
The suggested edits pass the thread context loader explicitly; a static cache still needs the per-loader map above.`,
})

func checkServiceLoader(p *Pass) {
	calls(p, func(c *facts.Call) {
		switch {
		case is(c, "java.util.ServiceLoader", "load") && len(c.Args) == 2 && ownLoader(c.Args[1].Loader):
			d := Diagnostic{
				Message: "ServiceLoader.load with " + loaderWords(c.Args[1].Loader) + " does not see providers packaged in modules",
				Span:    c.Span, Context: c.Context,
			}
			if !moduleCode(p) { // a module's own loader sees the module's providers
				d.Fixes = []Fix{replace("Pass the thread context ClassLoader", c.Args[1].Span, contextLoaderOr(p.File, loaderOperand(c.Args[1])))}
			}
			p.Report(d)
		case is(c, "java.util.ServiceLoader", "loadInstalled") && len(c.Args) == 1:
			// No edit: loadInstalled deliberately skips the application's
			// providers, and load(S, context loader) would find them in every
			// deployment, one app or many.
			p.Report(Diagnostic{
				Message: "ServiceLoader.loadInstalled only sees providers of the platform loader, never those of a module",
				Span:    c.Span, Context: c.Context,
			})
		case is(c, "java.util.ServiceLoader", "load") && len(c.Args) == 1 && (c.InStaticInit || c.StoredToStatic):
			where := "in a static initialiser"
			if c.StoredToStatic {
				where = "and stored in a static field"
			}
			p.Report(Diagnostic{
				Severity: p.AtMost(SeverityMedium),
				Message:  "ServiceLoader.load(S) runs " + where + ": the providers of the first app's loader are kept for every app; cache per ClassLoader instead",
				Span:     c.Span, Context: c.Context,
			})
		case is(c, "org.springframework.core.io.support.SpringFactoriesLoader", "loadFactories", "loadFactoryNames") &&
			len(c.Args) == 2 && (c.Args[1].Loader == facts.LoaderOwn || c.Args[1].Loader == facts.LoaderSystem):
			d := Diagnostic{
				Message: "SpringFactoriesLoader." + c.Name + " with " + loaderWords(c.Args[1].Loader) + " does not see spring.factories entries of modules",
				Span:    c.Span, Context: c.Context,
			}
			// The loader given is the fallback, not ClassUtils.getDefaultClassLoader():
			// that falls back to Spring's loader, which need not be the caller's.
			if !moduleCode(p) {
				d.Fixes = []Fix{replace("Pass the thread context ClassLoader", c.Args[1].Span, contextLoaderOr(p.File, loaderOperand(c.Args[1])))}
			}
			p.Report(d)
		}
	})
}

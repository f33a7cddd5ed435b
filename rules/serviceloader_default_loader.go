package rules

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

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
	Calls:    []string{"load", "loadInstalled", "loadFactories", "loadFactoryNames", "getContextClassLoader"},
	Check:    checkServiceLoader,
	// Lookups one call away, through the project's helpers.
	CheckProject: checkServiceLoadsViaHelpers,
	// The provider side: several archives providing one service.
	CheckClassPath: checkServiceProviders,
})

func checkServiceLoader(p *Pass) {
	calls(p, func(c *facts.Call) {
		switch {
		case is(c, "java.util.ServiceLoader", "load") && len(c.Args) == 2 && ownLoader(c.Args[1].Loader):
			first, after := contextLookupAround(p, c)
			if first {
				return
			}
			d := Diagnostic{
				Message: "ServiceLoader.load with " + loaderWords(c.Args[1].Loader) + " does not see providers packaged in modules",
				Span:    c.Span, Context: c.Context,
			}
			if after {
				// The context loader is asked as well, later: a module's
				// providers are found when the own loader has none, but a
				// provider of the library's loader wins over them.
				d.Severity = p.AtMost(SeverityMedium)
				d.Message = "ServiceLoader.load with " + loaderWords(c.Args[1].Loader) + " is tried before the thread context loader: a provider the library's loader sees hides those packaged in modules"
			}
			// A module's own loader sees the module's providers; the own
			// loader of an own-first lookup is the fallback the context
			// lookup then misses.
			if !moduleCode(p) && !after {
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

// checkServiceProviders reports service interfaces and spring.factories
// keys provided by several archives: whichever loader looks first decides
// which providers every app gets. One finding per providing archive.
func checkServiceProviders(p *ProjectPass) {
	keys := make([]string, 0, len(p.ClassPath.Services))
	for k := range p.ClassPath.Services {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		jars := p.ClassPath.Services[key]
		if len(jars) < 2 {
			continue
		}
		what := "service " + key
		if k, ok := strings.CutPrefix(key, "spring.factories "); ok {
			what = "spring.factories key " + k
		}
		for _, j := range jars {
			p.ReportArchive(j, key, Diagnostic{Severity: SeverityLow, Message: fmt.Sprintf(
				"%s is provided by %d archives (%s): the providers a lookup sees depend on which ClassLoader runs it, and a result cached by the first app is every app's [in %s]",
				what, len(jars), archiveList(jars), j.Archive)})
		}
	}
}

// contextLookupAround reports how an own-loader lookup c relates to
// lookups through the thread context loader in the same method. first: a
// context lookup comes before it (ServiceLoader.load(S) tried first, the
// own loader asked when it finds nothing, fails or in a catch), or the
// method reads the context loader before it and looks up with that loader
// as well (the own loader used where the thread has none). after: a
// context lookup only follows it, the fallback of an own-loader-first
// lookup.
func contextLookupAround(p *Pass, c *facts.Call) (first, after bool) {
	m := enclosingMethodDecl(p, c.Span)
	if m == nil || c.InStaticInit {
		// A static initialiser's context lookup is a finding of its own.
		return false, false
	}
	body := javaCode(p.Text(m.Decl))
	read, viaContext, before := false, false, false
	tested := false // the context loader read is tested for null
	for i := range p.File.Calls {
		o := &p.File.Calls[i]
		if o == c || !within(o.Span.Start, m.Decl) || o.InLambda != c.InLambda {
			continue
		}
		switch {
		case o.Name == "getContextClassLoader" && o.Owner == "java.lang.Thread" && o.Span.End <= c.Span.Start:
			read = true
			if v := o.Store.StoredTo; v != "" && !o.StoredToField {
				n := regexp.QuoteMeta(v)
				tested = tested || regexp.MustCompile(`\b`+n+`\s*[!=]=\s*null\b|\bnull\s*[!=]=\s*`+n+`\b`).MatchString(body)
			}
		case is(o, "java.util.ServiceLoader", "load") && (len(o.Args) == 1 || len(o.Args) == 2 && (contextArg(o.Args[1]) || contextHelper(p, o.Args[1].Call))):
			// load(S) is load(S, context loader).
			viaContext = true
			if o.Span.End <= c.Span.Start {
				before = true
			} else if o.Span.Start >= c.Span.End {
				after = true
			}
		}
	}
	if before {
		return true, false
	}
	// Compiled code shows no text to read the test in: as before, a read
	// and a later lookup with it count as context first.
	tested = tested || strings.TrimSpace(body) == ""
	// The context loader read first and used by a later lookup: the own
	// loader where the thread has none (a null test) comes first only in
	// form; otherwise the own loader is asked first.
	if read && viaContext && (tested || !after) {
		return true, false
	}
	return false, after
}

// contextHelper reports a call of a method of the file that hands out the
// thread context loader (contextGetters: a private getContextClassLoader()
// reading it inside doPrivileged). Sources only: a compiled lambda's body
// is a method of its own.
func contextHelper(p *Pass, ref *facts.CallRef) bool {
	if ref == nil || !slices.Contains(contextGetters(p), ref.Name) {
		return false
	}
	for _, m := range p.File.Methods {
		if m.Class == ref.Owner && m.Name == ref.Name {
			return true
		}
	}
	return false
}

// contextArg reports a loader argument that is the thread context loader,
// directly or through a single-assignment local.
func contextArg(x facts.Expr) bool {
	if x.Loader == facts.LoaderContext {
		return true
	}
	if l := x.Local; l != nil && (l.Loader == facts.LoaderContext || l.Call != nil && l.Call.Name == "getContextClassLoader") {
		return true
	}
	return false
}

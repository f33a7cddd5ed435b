package rules

import (
	"github.com/kscan/kscan/rules/facts"
)

var classForName = register(&Rule{
	ID:     "class-forname-caller-loader",
	Hazard: "H04",
	Title:  "Class looked up by name through the caller's ClassLoader",
	Summary: "Class.forName(String), and lookups through a class's own or the system ClassLoader, resolve names " +
		"with the loader of the calling class. In code the base shares with modules that loader is the base's, " +
		"which cannot see module classes, so names that come from a module fail with ClassNotFoundException.",
	Tags:      []string{"koupleless", "classloader", "correctness"},
	Precision: "high",
	Default:   SeverityHigh,
	Severity: map[facts.Role]Severity{
		facts.RoleBase: SeverityHigh, facts.RoleShared: SeverityHigh,
		facts.RoleModule: SeverityLow, facts.RolePrivate: SeverityLow,
	},
	Keywords: []string{"forName", "loadClass"},
	Calls:    []string{"forName", "loadClass"},
	Check:    checkClassForName,
	Help: `**Why it breaks.** ` + "`Class.forName(String)`" + ` uses the defining ClassLoader of the calling class. When the
caller is loaded by the base (the base itself, or a library the base shares with modules), that loader
cannot see classes that only a module has, so class names that come from a module (configuration,
annotations, serialized data, SPI files) fail with ` + "`ClassNotFoundException`" + `. The same holds for
` + "`X.class.getClassLoader().loadClass(n)`" + `, ` + "`ClassLoader.getSystemClassLoader()`" + ` and the three-argument
` + "`forName`" + ` given such a loader or ` + "`null`" + ` (the bootstrap loader).

**Flagged.**
- ` + "`Class.forName(name)`" + ` where ` + "`name`" + ` is not a constant naming a JDK class or a class of the scanned project;
  a constant naming another library's class (an optional-dependency probe) is reported as info.
- ` + "`Class.forName(name, init, X.class.getClassLoader() | getClass().getClassLoader() | ClassLoader.getSystemClassLoader() | null)`" + `.
- ` + "`loadClass(name)`" + ` on one of those loaders; Spring ` + "`ClassUtils.forName(name, <own or system loader>)`" + `.

**Not flagged.** The thread context ClassLoader or a loader taken from an object the caller supplied
(` + "`serviceInterface.getClassLoader()`" + `); class literals; JDK class names; known JDBC driver names (see
` + "`jdbc-driver-registration`" + `); test sources. In a module (or a library private to it) the module's loader
sees the module and the base, so this is reported as low there.

**Fix.** Resolve through the thread context ClassLoader, keeping ` + "`initialize=true`" + ` as the one-argument
form does:

` + "```java" + `
// before
Class<?> clazz = Class.forName(className);

// after
ClassLoader cl = Thread.currentThread().getContextClassLoader();
Class<?> clazz = Class.forName(className, true, cl != null ? cl : Foo.class.getClassLoader());
` + "```" + `

The suggested edit passes ` + "`Thread.currentThread().getContextClassLoader()`" + ` directly; keep the fallback above where
a thread may run with no context loader.`,
})

func checkClassForName(p *Pass) {
	tccl := contextLoader(p.File)
	calls(p, func(c *facts.Call) {
		switch {
		case is(c, "java.lang.Class", "forName") && len(c.Args) == 1:
			a := c.Args[0]
			sev := SeverityNone
			msg := "Class.forName(String) resolves the name with the caller's ClassLoader; in code the base shares, module classes are not visible and the lookup fails"
			if a.Kind == facts.ExprString {
				switch {
				case isJDKClassName(a.Value), jdbcDrivers[a.Value]:
					return
				case declares(p, a.Value):
					return // a class of the same artifact: the caller's loader defines it
				default:
					sev = p.AtMost(SeverityInfo)
					msg = "Class.forName(" + quote(a.Value) + ") probes for a class of another library with the caller's ClassLoader; fine when the base provides that library"
				}
			}
			p.Report(Diagnostic{
				Severity: sev, Message: msg, Span: c.Span, Context: c.Context,
				Fixes: []Fix{replace("Load through the thread context ClassLoader",
					facts.Span{Start: a.Span.End, End: a.Span.End}, ", true, "+tccl)},
			})
		case is(c, "java.lang.Class", "forName") && len(c.Args) == 3 && ownLoader(c.Args[2].Loader):
			p.Report(Diagnostic{
				Message: "Class.forName with " + loaderWords(c.Args[2].Loader) + " cannot see module classes when this code is loaded by the base",
				Span:    c.Span, Context: c.Context,
				Fixes: []Fix{replace("Pass the thread context ClassLoader", c.Args[2].Span, tccl)},
			})
		case is(c, "java.lang.ClassLoader", "loadClass") && len(c.Args) >= 1 && ownLoader(c.Recv.Loader) && c.Recv.Loader != facts.LoaderNull:
			if a := c.Args[0]; a.Kind == facts.ExprString && isJDKClassName(a.Value) {
				return
			}
			p.Report(Diagnostic{
				Message: "loadClass on " + loaderWords(c.Recv.Loader) + " cannot see module classes when this code is loaded by the base",
				Span:    c.Span, Context: c.Context,
				Fixes: []Fix{replace("Load through the thread context ClassLoader", c.Recv.Span, tccl)},
			})
		case is(c, "org.springframework.util.ClassUtils", "forName") && len(c.Args) == 2 &&
			(c.Args[1].Loader == facts.LoaderOwn || c.Args[1].Loader == facts.LoaderSystem):
			// ClassUtils.forName(name, null) uses Spring's default loader, the context loader.
			p.Report(Diagnostic{
				Message: "ClassUtils.forName with " + loaderWords(c.Args[1].Loader) + " cannot see module classes when this code is loaded by the base",
				Span:    c.Span, Context: c.Context,
				Fixes: []Fix{replace("Pass the thread context ClassLoader", c.Args[1].Span, tccl)},
			})
		}
	})
}

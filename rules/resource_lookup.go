package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var resourceLookup = register(&Rule{
	ID:     "resource-lookup-own-loader",
	Hazard: "H06",
	Title:  "Application resource looked up through the caller's class or the system loader",
	Summary: "X.class.getResource*(\"/...\"), ClassLoader.getSystemResource* and ResourceBundle.getBundle(name) " +
		"search the ClassLoader of the calling class (or the system loader). In code the base shares with modules " +
		"that is the base's loader: module configuration, templates and bundles are missed, or the base's copy is read.",
	Tags:      []string{"koupleless", "classloader", "resources", "correctness"},
	Precision: "medium",
	Default:   SeverityMedium,
	Severity: map[facts.Role]Severity{
		facts.RoleShared: SeverityHigh, facts.RoleBase: SeverityMedium,
	},
	Keywords: []string{"getResource", "getSystemResource", "getBundle"},
	Calls: []string{"getResource", "getResourceAsStream", "getSystemResource", "getSystemResources",
		"getSystemResourceAsStream", "getBundle"},
	Check: checkResourceLookup,
	Help: `**Why it breaks.** ` + "`Foo.class.getResource(\"/x\")`" + `, ` + "`getClass().getResourceAsStream(\"/x\")`" + `,
` + "`ClassLoader.getSystemResource*`" + ` and ` + "`ResourceBundle.getBundle(name)`" + ` (which uses the caller's loader) only see what
the calling class's loader sees. When that class is loaded by the base (the base, or a library the base shares
with modules), a module's ` + "`application.properties`" + `, templates, JSPs, mapper XML or message bundles are not found,
or the base's copy is read instead.

**Flagged** (base and shared code) when the name is application-level (` + "`application*.properties|yml`" + `,
` + "`bootstrap*`" + `, ` + "`logback*.xml`" + `, ` + "`log4j2*.xml`" + `, ` + "`META-INF/services/*`" + `, ` + "`META-INF/spring.factories`" + `,
` + "`META-INF/app.properties`" + `, ` + "`*.jsp`" + `, ` + "`mapper*/*.xml`" + `, ` + "`static/`" + `, ` + "`templates/`" + `, ` + "`config/`" + `) or not a constant:
- ` + "`X.class.getResource*(\"/name\")`" + ` and ` + "`getClass().getResource*(\"/name\")`" + ` (absolute names only);
- ` + "`ClassLoader.getSystemResource(name)`" + `, ` + "`getSystemResources`" + `, ` + "`getSystemResourceAsStream`" + `;
- ` + "`ResourceBundle.getBundle(name)`" + ` and ` + "`getBundle(name, locale)`" + `.

**Not flagged.** Names relative to the class (resolved in its package, so they are the library's own files);
constant names of the library's own resources (` + "`META-INF/mylib/defaults.properties`" + `); lookups on a class
the caller supplied (` + "`type.getResource(..)`" + `); lookups through the thread context loader; module code. Lookups
through ` + "`X.class.getClassLoader().getResource*`" + ` are reported by ` + "`own-classloader-lookup`" + `.

**Fix.** Look up through the thread context ClassLoader. ` + "`Class.getResource(\"/x\")`" + ` is absolute while
` + "`ClassLoader.getResource`" + ` takes no leading ` + "`/`" + `, so the suggested edit drops it; a relative name would need the
class's package path as prefix and gets no automatic edit.

` + "```java" + `
// before
InputStream in = AppConfig.class.getResourceAsStream("/META-INF/app.properties");

// after
ClassLoader cl = Thread.currentThread().getContextClassLoader();
if (cl == null) { cl = AppConfig.class.getClassLoader(); }
InputStream in = cl.getResourceAsStream("META-INF/app.properties");   // leading '/' removed
` + "```" + `

The suggested edits call ` + "`Thread.currentThread().getContextClassLoader()`" + ` directly; keep the null fallback above
where a thread may run without a context loader.`,
})

// appResource reports resource names that an application, not a library,
// provides (RULES H06), so a module has its own copy the lookup must find.
func appResource(name string) bool {
	name = strings.TrimPrefix(strings.TrimPrefix(name, "classpath:"), "/")
	base := name[strings.LastIndexByte(name, '/')+1:]
	switch {
	case strings.HasPrefix(base, "application") &&
		(strings.HasSuffix(base, ".properties") || strings.HasSuffix(base, ".yml") || strings.HasSuffix(base, ".yaml")),
		strings.HasPrefix(base, "bootstrap.") || strings.HasPrefix(base, "bootstrap-"),
		strings.HasPrefix(base, "logback") && strings.HasSuffix(base, ".xml"),
		strings.HasPrefix(base, "log4j2") && strings.HasSuffix(base, ".xml"),
		strings.HasSuffix(base, ".jsp"),
		name == "META-INF/app.properties", name == "META-INF/spring.factories",
		strings.HasPrefix(name, "META-INF/services/"),
		strings.HasPrefix(name, "static/"), strings.HasPrefix(name, "templates/"), strings.HasPrefix(name, "config/"):
		return true
	}
	if i := strings.IndexByte(name, '/'); i > 0 && strings.HasPrefix(name, "mapper") && base == "" {
		return true // "mapper/" + name: the head of a computed mapper path
	}
	if strings.HasSuffix(base, ".xml") {
		for _, seg := range strings.Split(name, "/") {
			if strings.HasPrefix(seg, "mapper") && seg != base {
				return true
			}
		}
	}
	return false
}

// resourceVerdict judges a resource-name argument: flag app-level
// constants and names computed at run time; a constant naming anything
// else is the library's own file. A local variable stands for its single
// initialiser; a concatenation is judged by its literal head or tail
// (pkg + ".LocalStrings" and name + ".class" are the library's own files,
// "META-INF/services/" + name is not).
func resourceVerdict(x facts.Expr) (flag bool, what string) {
	if x.Kind == facts.ExprName && x.Local != nil {
		x = *x.Local
	}
	switch x.Kind {
	case facts.ExprString:
		if appResource(x.Value) {
			return true, quote(x.Value) + ", an application-level resource"
		}
		return false, ""
	case facts.ExprConcat:
		head, tail := literalEnds(x.Text)
		if head == "" && tail == "" {
			return true, "a name computed at run time"
		}
		if head != "" && appResource(head) || tail != "" && appResource(strings.TrimPrefix(tail, ".")) {
			return true, "a computed application-level name"
		}
		return false, ""
	}
	return true, "a name computed at run time"
}

// literalEnds returns the string literals a concatenation starts and ends
// with, "" where it starts or ends with anything else.
func literalEnds(text string) (head, tail string) {
	t := strings.TrimSpace(text)
	if strings.HasPrefix(t, "\"") {
		if i := strings.IndexByte(t[1:], '"'); i >= 0 {
			head = t[1 : 1+i]
		}
	}
	if strings.HasSuffix(t, "\"") && len(t) > 1 {
		if i := strings.LastIndexByte(t[:len(t)-1], '"'); i >= 0 {
			tail = t[i+1 : len(t)-1]
		}
	}
	return head, tail
}

// contextFirst reports whether the method enclosing span consults the
// thread context loader: the own or system loader there is the fallback of
// the "context loader, else own" idiom.
func contextFirst(p *Pass, at facts.Span) bool {
	best := enclosingMethodDecl(p, at)
	if best == nil {
		return false
	}
	body := p.Text(best.Decl)
	return strings.Contains(body, "getContextClassLoader(") || strings.Contains(body, "getDefaultClassLoader(")
}

// fallbackBranch reports a call in the alternative of a conditional
// expression or in an else block: "cl != null ? cl.getResource(n) :
// ClassLoader.getSystemResource(n)" uses the system loader only when there
// is no other.
func fallbackBranch(p *Pass, at facts.Span) bool {
	i := at.Start - 1
	for i >= 0 && p.Src[i] != ';' && p.Src[i] != '{' && p.Src[i] != '}' {
		i--
	}
	prefix := strings.TrimSpace(string(p.Src[i+1 : at.Start]))
	prefix = strings.TrimRight(prefix, "( \t\r\n")
	if strings.Contains(prefix, "?") && strings.HasSuffix(prefix, ":") {
		return true
	}
	if i >= 0 && p.Src[i] == '{' {
		// else { .. } or if (loader == null) { .. }
		before := strings.Join(strings.Fields(string(p.Src[max(0, i-200):i])), "")
		return strings.HasSuffix(before, "else") || strings.HasSuffix(before, "==null)")
	}
	return false
}

// ownClassRecv reports a receiver that is the calling code's own class:
// a class literal, or getClass() on this.
func ownClassRecv(r facts.Expr) bool {
	if r.Kind == facts.ExprClass {
		return true
	}
	t := strings.Join(strings.Fields(r.Text), "")
	return r.Call != nil && r.Call.Name == "getClass" && (t == "getClass()" || t == "this.getClass()")
}

// plainLiteral reports a string literal written without escapes, so its
// text can be rebuilt from its value.
func plainLiteral(x facts.Expr) bool {
	return x.Kind == facts.ExprString && x.Text == "\""+x.Value+"\""
}

var systemToLoader = map[string]string{
	"getSystemResource": "getResource", "getSystemResources": "getResources", "getSystemResourceAsStream": "getResourceAsStream",
}

func checkResourceLookup(p *Pass) {
	calls(p, func(c *facts.Call) {
		if len(c.Args) == 0 || contextFirst(p, c.Span) {
			return
		}
		name := c.Args[0]
		var d Diagnostic
		switch {
		case is(c, "java.lang.Class", "getResource", "getResourceAsStream") && len(c.Args) == 1 && ownClassRecv(c.Recv):
			// A relative name resolves in the class's package: the library's own file.
			if name.Kind == facts.ExprString && !strings.HasPrefix(name.Value, "/") {
				return
			}
			flag, what := resourceVerdict(name)
			if !flag {
				return
			}
			d.Message = "Class." + c.Name + " of " + what + " searches only the loader of this class; in code the base shares, a module's copy is never found"
			if plainLiteral(name) && strings.HasPrefix(name.Value, "/") && !strings.HasPrefix(name.Value, "//") {
				// X.class.getResource("/n") is X.class.getClassLoader().getResource("n").
				d.Fixes = []Fix{{Description: "Look up through the thread context ClassLoader (name made relative)", Edits: []Edit{
					{Span: c.Recv.Span, New: "(" + contextLoaderOr(p.File, c.Recv.Text+".getClassLoader()") + ")"},
					{Span: name.Span, New: "\"" + name.Value[1:] + "\""},
				}}}
			}
		case is(c, "java.lang.ClassLoader", "getSystemResource", "getSystemResources", "getSystemResourceAsStream") && len(c.Args) == 1:
			flag, what := resourceVerdict(name)
			if !flag || fallbackBranch(p, c.Span) {
				return
			}
			d.Message = "ClassLoader." + c.Name + " of " + what + " searches the system loader, which never sees module resources"
			// ClassLoader.getSystemResource(n) is getSystemClassLoader().getResource(n).
			system := typeName(p.File, "java.lang.ClassLoader") + ".getSystemClassLoader()"
			d.Fixes = []Fix{replace("Look up through the thread context ClassLoader",
				facts.Span{Start: c.Span.Start, End: c.NameSpan.End}, "("+contextLoaderOr(p.File, system)+")."+systemToLoader[c.Name])}
		case is(c, "java.util.ResourceBundle", "getBundle") && (len(c.Args) == 1 || len(c.Args) == 2):
			if name.Kind == facts.ExprName && name.Local != nil {
				name = *name.Local
			}
			switch name.Kind {
			case facts.ExprString:
				if !appBundle(name.Value) {
					return
				}
			case facts.ExprConcat:
				// pkg + ".LocalStrings": the library's own bundle.
				if head, tail := literalEnds(name.Text); head != "" || tail != "" {
					return
				}
			}
			what := "a bundle named at run time"
			if name.Kind == facts.ExprString {
				what = quote(name.Value)
			}
			d.Message = "ResourceBundle.getBundle of " + what + " uses the caller's ClassLoader; in code the base shares, a module's bundle is never found"
			// getBundle(n) and getBundle(n, locale) load with the caller's
			// loader, and a null loader throws: that loader is the fallback.
			own, ok := ownClassLiteral(p.File, c.Class)
			loader := contextLoaderOr(p.File, own+".getClassLoader()")
			switch {
			case !ok:
			case len(c.Args) == 1:
				d.Fixes = []Fix{replace("Load the bundle through the thread context ClassLoader",
					facts.Span{Start: c.Args[0].Span.End, End: c.Args[0].Span.End},
					", "+typeName(p.File, "java.util.Locale")+".getDefault(), "+loader)}
			case isLocale(c.Args[1]):
				d.Fixes = []Fix{replace("Load the bundle through the thread context ClassLoader",
					facts.Span{Start: c.Args[1].Span.End, End: c.Args[1].Span.End}, ", "+loader)}
			}
		default:
			return
		}
		d.Span, d.Context = c.Span, c.Context
		p.Report(d)
	})
}

// appBundle reports bundle base names applications conventionally provide
// (Spring's "messages", "i18n/..."); a library's bundles are named after
// its packages.
func appBundle(name string) bool {
	name = strings.TrimPrefix(name, "/")
	return name == "messages" || strings.HasPrefix(name, "messages_") || name == "application" ||
		strings.HasPrefix(name, "i18n/") || strings.HasPrefix(name, "i18n.")
}

// isLocale reports an argument that is visibly a java.util.Locale.
func isLocale(x facts.Expr) bool {
	return x.Field != nil && x.Field.Owner == "java.util.Locale" ||
		x.Call != nil && x.Call.Owner == "java.util.Locale" ||
		x.Kind == facts.ExprNew && x.Type == "java.util.Locale"
}

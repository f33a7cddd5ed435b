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
	Default:   SeverityHint,
	Severity: map[facts.Role]Severity{
		facts.RoleShared: SeverityHigh, facts.RoleBase: SeverityMedium,
	},
	Keywords: []string{"getResource", "getSystemResource", "getBundle"},
	Calls: []string{"getResource", "getResourceAsStream", "getSystemResource", "getSystemResources",
		"getSystemResourceAsStream", "getBundle"},
	Check: checkResourceLookup,
})

// fallbackBranch reports a call in the alternative of a conditional
// expression or in an else block: "cl != null ? cl.getResource(n) :
// ClassLoader.getSystemResource(n)" uses the system loader only when there
// is no other.
func fallbackBranch(p *Pass, at facts.Span) bool {
	i := at.Start - 1
	for i >= 0 && p.Src[i] != ';' && p.Src[i] != '{' && p.Src[i] != '}' {
		i--
	}
	prefix := strings.TrimSpace(dropLineComments(string(p.Src[i+1 : at.Start])))
	prefix = strings.TrimRight(prefix, "( \t\r\n")
	if strings.Contains(prefix, "?") && strings.HasSuffix(prefix, ":") {
		return true
	}
	// cl == null ? ClassLoader.getSystemResources(n) : cl.getResources(n),
	// and a braceless if (cl == null) return ...: the branch taken when
	// the loader is the bootstrap one, which a library in a shared JVM
	// never has.
	flat := strings.Join(strings.Fields(prefix), "")
	if strings.HasSuffix(flat, "?") && nullTest(flat) {
		return true
	}
	if strings.HasPrefix(flat, "if(") && nullTest(flat) {
		return true
	}
	if strings.HasPrefix(flat, "else") && !strings.HasPrefix(flat, "elseif(") {
		// A braceless else of "if (cl != null) u = cl.getResource(n);".
		return true
	}
	if i >= 0 && p.Src[i] == '{' {
		// else { .. } or if (loader == null) { .. }
		before := strings.Join(strings.Fields(string(p.Src[max(0, i-200):i])), "")
		if strings.HasSuffix(before, "else") || strings.HasSuffix(before, "==null)") {
			return true
		}
		// if (null == loader) { .. }
		j := strings.LastIndex(before, "if(null==")
		return j >= 0 && strings.HasSuffix(before, ")") && identifier(before[j+len("if(null=="):len(before)-1])
	}
	return false
}

// dropLineComments removes the // comments of text (one after the
// previous statement's semicolon would otherwise lead it).
func dropLineComments(text string) string {
	if !strings.Contains(text, "//") {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if j := strings.Index(l, "//"); j >= 0 && !strings.Contains(l[:j], "\"") {
			lines[i] = l[:j]
		}
	}
	return strings.Join(lines, "\n")
}

// nullTest reports a flattened condition that compares with null, on
// either side.
func nullTest(flat string) bool {
	return strings.Contains(flat, "==null") || strings.Contains(flat, "null==")
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
	// One statement, one hazard: both branches of
	// locale != null ? getBundle(n, locale) : getBundle(n) are one lookup.
	type stmtKey struct{ line, start int }
	byStmt := map[stmtKey]*Diagnostic{}
	var out []*Diagnostic
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
			flag, what := resourceVerdictIn(p, name)
			if !flag {
				return
			}
			d.Message = "Class." + c.Name + " of " + what + " searches only the loader of this class; in code the base shares, a module's copy is never found"
			// A name parameter: callers that all pass the library's own
			// files settle it.
			d.Pending = resourcePending(p, c, name)
			if plainLiteral(name) && strings.HasPrefix(name.Value, "/") && !strings.HasPrefix(name.Value, "//") {
				// X.class.getResource("/n") is X.class.getClassLoader().getResource("n").
				d.Fixes = []Fix{{Description: "Look up through the thread context ClassLoader (name made relative)", Edits: []Edit{
					{Span: c.Recv.Span, New: "(" + contextLoaderOr(p.File, c.Recv.Text+".getClassLoader()") + ")"},
					{Span: name.Span, New: "\"" + name.Value[1:] + "\""},
				}}}
			}
		case is(c, "java.lang.ClassLoader", "getSystemResource", "getSystemResources", "getSystemResourceAsStream") && len(c.Args) == 1:
			if fallbackBranch(p, c.Span) {
				return
			}
			flag, what := resourceVerdictIn(p, name)
			d.Message = "ClassLoader." + c.Name + " of " + what + " searches the system loader, which never sees module resources"
			if lit := name; !flag {
				if lit.Kind == facts.ExprName && lit.Local != nil {
					lit = *lit.Local
				}
				if lit.Kind != facts.ExprString {
					return
				}
				// The library's own file: the system loader sees only the
				// JVM's class path, not the jars of a base started from a
				// fat jar, nor a module's: a warning wherever the rule
				// applies, above the rule's default.
				d.Severity = SeverityMedium
				d.Message = "ClassLoader." + c.Name + " of " + quote(lit.Value) + " searches only the JVM's class path: a library loaded from a fat jar or a module never finds its own file there"
			}
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
			// A name parameter, or a name built on a constant: the
			// library's own bundles settle it once the project is known.
			d.Pending = bundlePending(p, c, name)
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
		// The line as well: a class file's calls carry lines, not text.
		stmt := stmtKey{c.Line, lookupStatement(p.Src, c.Span.Start)}
		if first := byStmt[stmt]; first != nil {
			// The same lookup's other branch: its edit joins the fix.
			switch {
			case len(first.Fixes) == 0:
				first.Fixes = d.Fixes
			case len(first.Fixes) == 1 && len(d.Fixes) == 1:
				first.Fixes[0].Edits = append(first.Fixes[0].Edits, d.Fixes[0].Edits...)
			}
			return
		}
		d.Span, d.Context = c.Span, c.Context
		if m := enclosingMethodDecl(p, c.Span); m != nil && len(p.Src) > 0 {
			// A helper called first may return the thread context loader
			// this lookup backs up: known once the graph is built.
			if before := oneHopBefore(p, CalledBefore(p.Src, m.Decl, c.Span.Start)); len(before) > 0 {
				if d.Pending == nil {
					d.Pending = &facts.Pending{Class: c.Class, Method: facts.MethodKey{Class: c.Class, Name: c.Method, Arity: -1},
						NameParam: -1, Resource: true}
				}
				d.Pending.Before = before
			}
		}
		// A command line's lookup runs in a process of its own.
		d.EntrySensitive = !appEntry(p, c.Class)
		kept := new(Diagnostic) // on the heap only when kept, not for every call looked at
		*kept = d
		byStmt[stmt] = kept
		out = append(out, kept)
	})
	for _, d := range out {
		p.Report(*d)
	}
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

// lookupStatement is the offset after the ';', '{' or '}' before at: where
// the statement holding at starts.
func lookupStatement(src []byte, at int) int {
	i := at - 1
	for i >= 0 && src[i] != ';' && src[i] != '{' && src[i] != '}' {
		i--
	}
	return i + 1
}

// resourcePending is what a resource lookup by a parameter of its method
// waits for: the names the method's callers pass (facts.Pending.Resource).
// nil when the name is no parameter.
func resourcePending(p *Pass, c *facts.Call, name facts.Expr) *facts.Pending {
	if name.Kind != facts.ExprName {
		return nil
	}
	// The parameter of the lookup's method, or of the method around the
	// anonymous class the lookup sits in.
	m, i := nameParamOf(p, c.Span, strings.TrimSpace(name.Text))
	if m == nil {
		return nil
	}
	return &facts.Pending{Class: c.Class, Method: facts.MethodKey{Class: m.Class, Name: m.Name, Arity: len(paramNames(m.Params))},
		NameParam: i, Resource: true}
}

// oneHopBefore adds to the methods called before a lookup those that
// the file's own methods among them call: a loader() of the class
// returning what another class's context loader getter returns.
func oneHopBefore(p *Pass, before []string) []string {
	out := before
	for _, n := range before {
		own, ok := strings.CutPrefix(n, "#")
		if !ok {
			continue
		}
		for i := range p.File.Methods {
			if m := &p.File.Methods[i]; m.Name == own {
				for _, h := range CalledBefore(p.Src, m.Decl, m.Decl.End) {
					if !hasString(out, h) {
						out = append(out[:len(out):len(out)], h)
					}
				}
			}
		}
	}
	return out
}

package rules

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// Helpers shared by the rules on ClassLoader lookups
// (class-forname-caller-loader, own-classloader-lookup,
// resource-lookup-own-loader, serviceloader-default-loader): which loader
// forms are the hazard, and which class and resource names every loader
// resolves alike.

// nameVerdict judges the class-name argument of a lookup: a JDK class or a
// class of the scanned project resolves the same through any loader (skip);
// a constant naming another library's class is an optional-dependency
// probe (info); anything else keeps the rule's severity.
func nameVerdict(p *Pass, name facts.Expr) (skip bool, sev Severity, probe string) {
	if name.Kind == facts.ExprName && name.Local != nil {
		name = *name.Local // String main = "com.sun.tools.javac.Main"
	}
	if a, b, ok := splitTernary(name.Text); ok && name.Kind != facts.ExprString {
		// "internal ? "com.sun.x.A" : "com.sun.y.A"": both branches
		// decide; the callers or constants of either settle it later.
		sa, _, _ := nameVerdict(p, exprOf(a))
		sb, _, _ := nameVerdict(p, exprOf(b))
		return sa && sb, SeverityNone, ""
	}
	switch name.Kind {
	case facts.ExprConcat:
		// "own.package." + suffix: one of the library's own classes;
		// "java.lang." + name: a JDK class.
		head, _ := literalEnds(name.Text)
		return ownPackageHead(head, p.File.Package+".X") || jdkPackageHead(head) || ownPackageOf(p, name.Text) ||
			ownHeadExpr(p, name.Text, 0), SeverityNone, ""
	case facts.ExprName:
		// A constant field: its value when this file declares it, else a
		// fixed class the library chose (an interface's constant), rated
		// as a probe.
		n := name.Text
		if name.Field != nil {
			n = name.Field.Name
		}
		if !constantName.MatchString(n) {
			return false, SeverityNone, ""
		}
		n = n[strings.LastIndexByte(n, '.')+1:]
		for _, fd := range p.File.Fields {
			if fd.Name == n && fd.Static && fd.Init != nil && fd.Init.Kind == facts.ExprString {
				return nameVerdict(p, *fd.Init)
			}
			if fd.Name == n && fd.Static && fd.Init != nil {
				// "Holder.class.getName()": a class linked against this
				// code, which its loader resolves.
				if m := classNameOf.FindStringIndex(fd.Init.Text); m != nil && m[0] == 0 && m[1] == len(strings.TrimSpace(fd.Init.Text)) {
					return true, SeverityNone, ""
				}
			}
		}
		return false, p.AtMost(SeverityInfo), ""
	}
	if name.Kind != facts.ExprString {
		return false, SeverityNone, ""
	}
	switch {
	case isJDKClassName(name.Value), jdbcDrivers[name.Value]:
		return true, SeverityNone, ""
	case declaresHere(p, name.Value), samePackageRoot(name.Value, p.File.Package+".X"):
		return true, SeverityNone, ""
	}
	return false, p.AtMost(SeverityInfo), name.Value
}

// ownPackageOf reports "Own.class.getPackage().getName() + \".Impl\"" (or
// getClass()'s package): a class of the package of a class this file
// declares.
func ownPackageOf(p *Pass, text string) bool {
	parts := splitTopLevel(text, '+', false)
	if len(parts) != 2 {
		return false
	}
	head := strings.Join(strings.Fields(parts[0]), "")
	tail, err := strconv.Unquote(strings.TrimSpace(parts[1]))
	if err != nil || !classSuffix.MatchString(tail) {
		return false
	}
	if head == "getClass().getPackage().getName()" {
		return true
	}
	cls, ok := strings.CutSuffix(head, ".class.getPackage().getName()")
	if !ok {
		return false
	}
	for _, t := range p.File.Types {
		if simpleName(t) == cls {
			return true
		}
	}
	return false
}

// jdkPackageHead reports the literal head of "java.lang." + name: a
// class of the JDK, which every loader resolves alike.
func jdkPackageHead(head string) bool {
	return strings.HasSuffix(head, ".") && isJDKClassName(head)
}

// ownLoader reports the loader forms that class-forname-caller-loader and
// serviceloader-default-loader treat as the hazard: the caller's own
// loader, the system loader, or null.
func ownLoader(l facts.Loader) bool {
	return l == facts.LoaderOwn || l == facts.LoaderSystem || l == facts.LoaderNull
}

// loaderWords names a loader form in a message.
func loaderWords(l facts.Loader) string {
	switch l {
	case facts.LoaderOwn:
		return "the caller's own ClassLoader"
	case facts.LoaderSystem:
		return "the system ClassLoader"
	case facts.LoaderNull:
		return "the bootstrap ClassLoader (null)"
	}
	return "a fixed ClassLoader"
}

// isJDKClassName reports class names that every loader resolves the same
// way, so loading them by name is harmless.
func isJDKClassName(name string) bool {
	for _, p := range []string{"java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.", "org.xml.", "org.ietf."} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// jdbcDrivers are the well-known JDBC driver classes; Class.forName on them
// registers the driver with the JVM-wide DriverManager
// (jdbc-driver-registration).
var jdbcDrivers = map[string]bool{
	"com.mysql.jdbc.Driver": true, "com.mysql.cj.jdbc.Driver": true, "org.postgresql.Driver": true,
	"oracle.jdbc.OracleDriver": true, "oracle.jdbc.driver.OracleDriver": true, "org.h2.Driver": true,
	"com.microsoft.sqlserver.jdbc.SQLServerDriver": true, "org.mariadb.jdbc.Driver": true,
	"org.hsqldb.jdbc.JDBCDriver": true, "org.sqlite.JDBC": true, "org.apache.derby.jdbc.EmbeddedDriver": true,
	"com.ibm.db2.jcc.DB2Driver": true,
}

// declaresHere reports whether the pass's own file declares the named
// class. Whether another file of the project does is known only once every
// input was read: see Diagnostic.UnlessDeclared.
func declaresHere(p *Pass, fqn string) bool {
	for _, t := range p.File.Types {
		if t == fqn {
			return true
		}
	}
	return false
}

// appResource reports resource names that an application, not a library,
// provides (configuration, mappers, templates, service files), so a module
// has its own copy the lookup must find.
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
	body := p.textBytes(best.Decl) // no copy: class files' methods are many and long
	// "Tccl"/"TCL": a helper reads it (log4j's getThreadContextClassLoader(),
	// logback's getTCL()).
	return bytes.Contains(body, []byte("ContextClassLoader")) || bytes.Contains(body, []byte("getDefaultClassLoader(")) ||
		bytes.Contains(body, []byte("Tccl")) || bytes.Contains(body, []byte("TCL"))
}

// exprOf is an expression written as text, as a lookup's name argument
// would carry it: a literal, a concatenation or a name.
func exprOf(t string) facts.Expr {
	t = strings.TrimSpace(t)
	for strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		t = strings.TrimSpace(t[1 : len(t)-1])
	}
	switch {
	case len(splitTopLevel(t, '+', false)) > 1:
		return facts.Expr{Kind: facts.ExprConcat, Text: t}
	case len(t) >= 2 && strings.HasPrefix(t, "\"") && strings.HasSuffix(t, "\""):
		if v, err := strconv.Unquote(t); err == nil {
			return facts.Expr{Kind: facts.ExprString, Text: t, Value: v}
		}
	case identifier(t) || constantName.MatchString(t):
		return facts.Expr{Kind: facts.ExprName, Text: t}
	}
	return facts.Expr{Kind: facts.ExprOther, Text: t}
}

// fixedLoader is the own or system loader an expression denotes, directly
// or through a single-assignment local; the bootstrap loader (null) is not
// "own" here.
func fixedLoader(x facts.Expr) (l facts.Loader, viaLocal bool) {
	if x.Loader == facts.LoaderOwn || x.Loader == facts.LoaderSystem {
		return x.Loader, false
	}
	if x.Local != nil && (x.Local.Loader == facts.LoaderOwn || x.Local.Loader == facts.LoaderSystem) {
		return x.Local.Loader, true
	}
	return facts.LoaderNone, false
}

// contextGetters are the methods of the file that return a ClassLoader
// and ask for the thread context loader in their body.
func contextGetters(p *Pass) []string {
	var out []string
	// The context loader's reads are few: start from them, not from every
	// method against every call (this runs for each lookup of the file).
	for i := range p.File.Calls {
		d := &p.File.Calls[i]
		if !is(d, "java.lang.Thread", "getContextClassLoader") {
			continue
		}
		for _, m := range p.File.Methods {
			if m.Class == d.Class && m.Name == d.Method && strings.HasSuffix(strings.TrimSpace(m.Returns), "ClassLoader") && !slices.Contains(out, m.Name) {
				out = append(out, m.Name)
			}
		}
	}
	return out
}

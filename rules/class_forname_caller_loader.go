package rules

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/kscan/kscan/internal/javatext"
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
	Default:   SeverityHint,
	Severity: map[facts.Role]Severity{
		facts.RoleBase: SeverityHigh, facts.RoleShared: SeverityHigh,
		facts.RoleModule: SeverityLow, facts.RolePrivate: SeverityLow,
	},
	Keywords: []string{"forName", "loadClass"},
	Calls:    []string{"forName", "loadClass", "getContextClassLoader"},
	Check:    checkClassForName,
	// Lookups one call away, through the project's helpers.
	CheckProject: checkClassLookupsViaHelpers,
})

func checkClassForName(p *Pass) {
	calls(p, func(c *facts.Call) {
		var d Diagnostic
		var fix Fix
		switch {
		case is(c, "java.lang.Class", "forName") && len(c.Args) == 1:
			a := c.Args[0]
			d = Diagnostic{
				Message: "Class.forName(String) resolves the name with the caller's ClassLoader; in code the base shares, module classes are not visible and the lookup fails",
			}
			// The one-argument form initialises the class with the caller's
			// loader: keep both, the loader as the fallback.
			if own, ok := ownClassLiteral(p.File, c.Class); ok {
				fix = replace("Load through the thread context ClassLoader",
					facts.Span{Start: a.Span.End, End: a.Span.End}, ", true, "+contextLoaderOr(p.File, own+".getClassLoader()"))
			}
		case is(c, "java.lang.Class", "forName") && len(c.Args) == 3 && ownLoader(c.Args[2].Loader):
			d = Diagnostic{
				Message: "Class.forName with " + loaderWords(c.Args[2].Loader) + " cannot see module classes when this code is loaded by the base",
			}
			fix = replace("Pass the thread context ClassLoader", c.Args[2].Span, contextLoaderOr(p.File, loaderOperand(c.Args[2])))
		case is(c, "java.lang.ClassLoader", "loadClass") && len(c.Args) >= 1 && ownLoader(c.Recv.Loader) && c.Recv.Loader != facts.LoaderNull:
			d = Diagnostic{
				Message: "loadClass on " + loaderWords(c.Recv.Loader) + " cannot see module classes when this code is loaded by the base",
			}
			fix = replace("Load through the thread context ClassLoader", c.Recv.Span, "("+contextLoaderOr(p.File, loaderOperand(c.Recv))+")")
		case is(c, "org.springframework.util.ClassUtils", "forName") && len(c.Args) == 2 &&
			(c.Args[1].Loader == facts.LoaderOwn || c.Args[1].Loader == facts.LoaderSystem):
			// ClassUtils.forName(name, null) uses Spring's default loader, the context loader.
			d = Diagnostic{
				Message: "ClassUtils.forName with " + loaderWords(c.Args[1].Loader) + " cannot see module classes when this code is loaded by the base",
			}
			fix = replace("Pass the thread context ClassLoader", c.Args[1].Span, contextLoaderOr(p.File, loaderOperand(c.Args[1])))
		default:
			return
		}
		// Only for a lookup: the search goes over the file's calls, so
		// asking it of every call is quadratic in a large file.
		before, after := contextAround(p, c)
		// A loader the object holds tried first; one the caller passes
		// tried first (or the lookup taken only without one): its callers
		// decide, at the end.
		sb, sa, loaderParams := suppliedLookups(p, c)
		if i := loaderParamFallback(p, c); i >= 0 {
			loaderParams = append(loaderParams, i)
		}
		before = before || sb
		after = after || sa
		if before || loaderDelegation(p, c) {
			// The fallback of "context loader, else own" (the accepted
			// idiom), or a lookup under a switch that opts out of the
			// context loader (log4j's isIgnoreTccl()); or a class
			// loader's own delegation to its parent.
			return
		}
		// "if (DEFAULT.equals(name))": the lookup is of DEFAULT.
		name := c.Args[0]
		if g, ok := equalsGuard(p, c, name); ok {
			name = g
		}
		if interactiveGuarded(p.Src, c.Span.Start) {
			// Taken only in an interactive session of the library's own
			// console: a command line's lookup, whose user is at the
			// terminal, not code an app runs.
			return
		}
		if ownBundledNames(p, c) {
			// Names read from the library's own properties file, beside
			// its class (DispatcherServlet.properties): its defaults.
			return
		}
		if flagGuard(p, c, c.Args[0]) {
			// Under "if (own)", own = name.startsWith("own.package"):
			// the library's own (or the JDK's) classes only.
			return
		}
		skip, sev, probe := nameVerdict(p, name)
		if skip || probe != "" && (valueDiscarded(p, c.Span) || dependencyAdapter(c.Class, probe) || absenceHandled(p, c) && !hookPackage(probe, p.File.Package) ||
			followsProbe(p, c, probe)) {
			// A presence probe whose only use is the exception it throws,
			// or one whose absence a catch answers (a fallback, a default:
			// the library runs without the class, and which loader looked
			// decides an optional feature only); or a constant class of
			// the one library the looking-up class adapts
			// (WebLogicJtaTransactionManager naming weblogic.*): the
			// adapter ships beside that library, whose classes its own
			// loader sees; or a follow-up of a probe of that library's
			// package with the same loader, which cannot miss once the
			// probe succeeded.
			return
		}
		guarded, inside := guardedPrefix(p, c, c.Args[0])
		if inside {
			// Inside "if (name.startsWith("java")) { ... }": a JDK
			// class (or the library's own package's).
			return
		}
		if sev == SeverityNone && (insideOrigin(p, c, c.Args[0]) || guarded) {
			// The name comes from inside the library (a loop over its own
			// table, a private method's parameter) or is checked for a
			// package first: a warning.
			sev = p.AtMost(SeverityMedium)
		}
		if after && sev == SeverityNone {
			// Own loader first, the context loader as the fallback: a
			// module class is found unless the base has one of that name.
			sev = p.AtMost(SeverityMedium)
			d.Message += " (the thread context loader is tried only when this lookup fails)"
		}
		def, ok, later := ownDefault(p, c, c.Args[0])
		later = later && p.Role != facts.RoleShared && (sev == SeverityNone || sev > SeverityLow)
		if ok && p.Role != facts.RoleShared && (sev == SeverityNone || sev > SeverityLow) {
			// The library's extension point, set by whoever configures
			// the library (the base's operator); code declared shared
			// keeps its level.
			sev = p.AtMost(SeverityLow)
			d.Message += DefaultNote(shownDefault(p, def))
		}
		if probe != "" {
			// A class of the scanned project resolves the same through any
			// loader: dropped once the project's classes are known.
			d.UnlessDeclared = probe
			d.Message = simpleOwner(c.Owner) + "." + c.Name + " probes for " + quote(probe) + ", a class of another library, with the caller's ClassLoader; fine when the base provides that library"
		}
		// A probe is fine as written (its message says so), and in module
		// code the caller's loader is the module's: no edit for either.
		if probe == "" && !moduleCode(p) && len(fix.Edits) > 0 {
			d.Fixes = []Fix{fix}
		}
		d.Severity, d.Span, d.Context = sev, c.Span, c.Context
		// Constants of other files, the callers of a name parameter and
		// context-first helpers called before are known at the end.
		d.Pending = pendingFor(p, c, name)
		d.Pending.LoaderParams = loaderParams
		if d.Pending != nil {
			d.Pending.AbsenceHandled = absenceHandled(p, c)
		}
		if later {
			// A default held by a constant of another file.
			d.Pending.Default = qualifyConstants(p, def)
			if d.Pending.Scope == nil {
				d.Pending.Scope = constantScope(p, c.Class)
			}
		}
		// Only a process entry point reaching the lookup (a command-line
		// tool, a launcher) runs it outside any shared JVM.
		d.EntrySensitive = !appEntry(p, c.Class)
		p.Report(d)
	})
}

// contextAround reports whether the method around c names the thread
// context loader (a call, a helper, a TCCL switch) before the call and
// after it.
func contextAround(p *Pass, c *facts.Call) (before, after bool) {
	// The context loader calls of the method, by position (compiled code
	// has lines only, and blank text).
	for i := range p.File.Calls {
		d := &p.File.Calls[i]
		if is(d, "java.lang.Thread", "getContextClassLoader") && d.Class == c.Class && d.Method == c.Method {
			first := d.Line < c.Line || d.Line == c.Line && d.Span.Start < c.Span.Start
			before, after = before || first, after || !first
		}
	}
	m := enclosingMethodDecl(p, c.Span)
	if m == nil {
		return before, after
	}
	pre, post := p.textBytes(facts.Span{Start: m.Decl.Start, End: c.Span.Start}), p.textBytes(facts.Span{Start: c.Span.End, End: m.Decl.End})
	for _, w := range [][]byte{[]byte("ContextClassLoader"), []byte("Tccl"), []byte("TCL"), []byte("getDefaultClassLoader")} {
		before = before || bytes.Contains(pre, w)
		after = after || bytes.Contains(post, w)
	}
	// A getter of this file that hands back the context loader
	// (getStandardClassLoader() { return Thread...getContextClassLoader(); }).
	for _, g := range contextGetters(p) {
		before = before || callsMethod(pre, g)
		after = after || callsMethod(post, g)
	}
	return before, after
}

// callsMethod reports text calling the method name: "name(" not part of
// a longer name.
func callsMethod(text []byte, name string) bool {
	return javatext.CallAt(text, name, 0) >= 0
}

// loaderDelegation reports a lookup inside a class loader's own
// findClass or loadClass: the loader delegating to its parent or to the
// loader that defined it, which is what a loader is for, not a lookup of
// a module's name.
func loaderDelegation(p *Pass, c *facts.Call) bool {
	switch c.Method {
	case "findClass", "loadClass":
	default:
		return false
	}
	if strings.HasSuffix(simpleName(c.Class), "Loader") {
		return true
	}
	for _, t := range p.File.TypeDecls {
		if t.Name == c.Class {
			return strings.HasSuffix(genericless(t.Super), "Loader")
		}
	}
	// An anonymous subclass, "new ClassLoader(parent) { ... }": the
	// extractor gives its methods to the enclosing class.
	m := enclosingMethodDecl(p, c.Span)
	if m == nil || len(p.Src) == 0 {
		return false
	}
	pre := p.Text(facts.Span{Start: max(0, m.Decl.Start-300), End: m.Decl.Start})
	i := strings.LastIndex(pre, "new ")
	return i >= 0 && strings.Contains(pre[i:], "Loader(") && !strings.Contains(pre[i:], ";")
}

// valueDiscarded reports a call written as a statement of its own: its
// value is not used.
func valueDiscarded(p *Pass, at facts.Span) bool {
	pre := strings.TrimRight(p.Text(facts.Span{Start: max(0, at.Start-200), End: at.Start}), " \t\r\n")
	post := strings.TrimLeft(p.Text(facts.Span{Start: at.End, End: min(len(p.Src), at.End+10)}), " \t\r\n")
	return strings.HasPrefix(post, ";") && (pre == "" || strings.HasSuffix(pre, ";") || strings.HasSuffix(pre, "{") || strings.HasSuffix(pre, "}"))
}

// insideOrigin reports a name whose value visibly starts inside the
// library: a local not initialised from a call (a loop variable over the
// library's own table), a parameter of a private method, or a constant
// head joined to a class-name tail. Names read from configuration, data or
// a caller of the library's API (a call, a parameter of a method others
// call) keep the rule's severity.
func insideOrigin(p *Pass, c *facts.Call, x facts.Expr) bool {
	switch x.Kind {
	case facts.ExprConcat:
		_, tail := literalEnds(x.Text)
		return classSuffix.MatchString(tail) && !strings.Contains(x.Text, "(")
	case facts.ExprName:
	default:
		return false
	}
	name := strings.TrimSpace(x.Text)
	if strings.Contains(name, ".") {
		return false // a field of another object
	}
	m := enclosingMethodDecl(p, c.Span)
	if m == nil || len(p.Src) == 0 || c.Span.End == 0 {
		return false
	}
	if hasString(paramNames(m.Params), name) {
		return m.Private || strings.Contains(" "+p.Text(facts.Span{Start: m.Decl.Start, End: m.Span.Start})+" ", " private ")
	}
	if x.Local != nil {
		return x.Local.Kind == facts.ExprString || x.Local.Kind == facts.ExprConcat && !strings.Contains(x.Local.Text, "(")
	}
	// A local with no single initialiser: a loop variable, or assigned in
	// branches.
	body := p.Text(facts.Span{Start: m.Decl.Start, End: c.Span.Start})
	return strings.Contains(body, "for (String "+name+" ") || strings.Contains(body, "for (final String "+name+" ")
}

// guardedPrefix reports a name checked for a JDK or own package first:
// "if (typeName.startsWith("java"))" before the lookup; inside reports
// the lookup within that if's block, where the name is one of those
// packages' classes.
func guardedPrefix(p *Pass, c *facts.Call, x facts.Expr) (guarded, inside bool) {
	m := enclosingMethodDecl(p, c.Span)
	if m == nil || x.Kind != facts.ExprName || len(p.Src) == 0 || c.Span.End == 0 {
		return false, false
	}
	body := p.Text(facts.Span{Start: m.Decl.Start, End: c.Span.Start})
	key := strings.TrimSpace(x.Text) + ".startsWith(\""
	i := strings.LastIndex(body, key)
	if i < 0 {
		return false, false
	}
	lit := body[i+len(key):]
	if j := strings.IndexByte(lit, '"'); j >= 0 {
		lit = lit[:j]
	}
	if !strings.HasPrefix(lit, "java") && !samePackageRoot(lit, p.File.Package+".X") {
		return false, false
	}
	pre := strings.TrimRight(body[:i], " \t")
	if !strings.HasSuffix(pre, "if (") && !strings.HasSuffix(pre, "if(") {
		return true, false // negated, or one test among others
	}
	open := strings.IndexByte(body[i:], '{')
	if open < 0 || strings.Contains(body[i:i+open], ";") {
		return true, false
	}
	// the lookup lies in the guarded block when it is still open there
	return true, matchClose(body, i+open) < 0
}

// ownBundledNames reports a lookup whose method reads its names from a
// Properties object that the file fills from a resource beside one of
// its own classes only (new ClassPathResource("X.properties", Own.class),
// Own.class.getResourceAsStream("x.properties")): the library's own
// table of default classes, not names a module supplies.
func ownBundledNames(p *Pass, c *facts.Call) bool {
	m := enclosingMethodDecl(p, c.Span)
	if m == nil || len(p.Src) == 0 || c.Span.Start > len(p.Src) {
		return false
	}
	body := p.Text(facts.Span{Start: m.Decl.Start, End: c.Span.Start})
	gets := propertyRead.FindAllStringSubmatch(body, -1)
	if len(gets) == 0 {
		return false
	}
	props := gets[len(gets)-1][1]
	src := string(p.Src)
	// The Properties itself, or a local it is assigned from once filled
	// ("Properties props = new Properties(); props.load(in); table = props;").
	holders := []string{props}
	for _, m := range regexp.MustCompile(`\b`+regexp.QuoteMeta(props)+`\s*=\s*(\w+)\s*;`).FindAllStringSubmatch(src, -1) {
		holders = append(holders, m[1])
	}
	var fills [][]int
	for _, h := range holders {
		fills = append(fills, regexp.MustCompile(`\b`+regexp.QuoteMeta(h)+`\s*(?:=\s*[\w.]*loadProperties\s*\(|\.\s*load\s*\()([^;]*);`).FindAllStringSubmatchIndex(src, -1)...)
	}
	puts, ok := literalPuts(p, src, holders)
	if !ok || len(fills) == 0 && !puts {
		return false
	}
	for _, f := range fills {
		arg := src[f[2]:f[3]]
		if ownResourceIn(p, arg) {
			continue
		}
		// A local holding the resource, made beside an own class: its
		// last assignment before the fill.
		var l string
		for _, m := range regexp.MustCompile(`\b`+regexp.QuoteMeta(strings.Trim(strings.TrimSpace(arg), "()"))+`\s*=\s*([^;=][^;]*);`).FindAllStringSubmatchIndex(src, -1) {
			if m[0] < f[0] {
				l = src[m[2]:m[3]]
			}
		}
		if !ownResourceIn(p, l) {
			return false
		}
	}
	return true
}

// literalPuts reports holders filled by put or setProperty calls (puts),
// every one of which stores a literal naming a class of the library's own
// package root or of the JDK: a table of its own classes written out in
// the code (ok false when one stores anything else, or a holder is filled
// wholesale or handed to other code, which may fill it).
func literalPuts(p *Pass, src string, holders []string) (puts, ok bool) {
	for _, h := range holders {
		q := regexp.QuoteMeta(h)
		if regexp.MustCompile(`\b` + q + `\s*\.\s*putAll\s*\(|[(,]\s*` + q + `\s*[,)]`).MatchString(src) {
			if regexp.MustCompile(`\b` + q + `\s*\.\s*(?:put|setProperty)\s*\(`).MatchString(src) {
				return false, false
			}
			continue
		}
		put := regexp.MustCompile(`\b`+q+`\s*\.\s*(?:put|setProperty)\s*\(([^;]*)\)\s*;`).FindAllStringSubmatch(src, -1)
		if len(put) == 0 {
			continue
		}
		// Made empty: "new Properties()" is all it is ever assigned
		// (new Properties(defaults) or a table from elsewhere is not).
		for _, m := range regexp.MustCompile(`\b`+q+`\s*=\s*([^;=][^;]*);`).FindAllStringSubmatch(src, -1) {
			if !emptyTable.MatchString(strings.TrimSpace(m[1])) {
				return false, false
			}
		}
		for _, m := range put {
			args := splitTopLevel(m[1], ',', false)
			if len(args) != 2 {
				return false, false
			}
			v, err := strconv.Unquote(strings.TrimSpace(args[1]))
			if err != nil || !isJDKClassName(v) && !samePackageRoot(v, p.File.Package+".X") {
				return false, false
			}
			puts = true
		}
	}
	return puts, true
}

// emptyTable matches a new empty table: "new Properties()", "new HashMap<>()".
var emptyTable = lazyRE(`^new\s+[\w.]+\s*(?:<[^>]*>)?\s*\(\s*\)$`)

// ownResourceIn reports text opening a resource of the library's own: one
// beside an own class (ownResource), or a path under the file's package
// root read through an own class's loader
// (Own.class.getClassLoader().getResourceAsStream("own/pkg/x.properties")).
func ownResourceIn(p *Pass, text string) bool {
	if ownResource.MatchString(text) && ownClassLiteralIn(p, text) {
		return true
	}
	m := ownLoaderResource.FindStringSubmatch(text)
	if m == nil || !strings.Contains(m[2], "/") {
		return false
	}
	own := false
	for _, t := range p.File.TypeDecls {
		own = own || simpleName(t.Name) == m[1]
	}
	return own && samePackageRoot(strings.ReplaceAll(strings.TrimPrefix(m[2], "/"), "/", "."), p.File.Package+".X")
}

// ownLoaderResource matches a resource read by path through a class's
// loader: "Own.class.getClassLoader().getResourceAsStream("a/b/c.properties")".
var ownLoaderResource = lazyRE(`\b([A-Z]\w*)\.class\s*\.\s*getClassLoader\s*\(\s*\)\s*\.\s*getResourceAsStream\s*\(\s*"([^"]+)"`)

// propertyRead finds a Properties read, "defaults.getProperty(".
var propertyRead = lazyRE(`\b(\w+)\s*\.\s*getProperty\s*\(`)

// ownResource matches a resource found beside a class: a ClassPathResource
// relative to it, or the class's getResourceAsStream of a relative name.
var ownResource = lazyRE(`new\s+ClassPathResource\s*\(\s*[^,;()]+,\s*([A-Z]\w*)\.class\s*\)|\b([A-Z]\w*)\.class\s*\.\s*getResourceAsStream\s*\(\s*"[^"/]`)

// ownClassLiteralIn reports that the class ownResource names in text is
// one the file declares.
func ownClassLiteralIn(p *Pass, text string) bool {
	m := ownResource.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	name := m[1] + m[2]
	for _, t := range p.File.TypeDecls {
		if simpleName(t.Name) == name {
			return true
		}
	}
	for _, im := range p.File.Imports {
		if !im.Static && !im.Wildcard && simpleName(im.Name) == name {
			return samePackageRoot(im.Name, p.File.Package+".X")
		}
	}
	return false
}

package callgraph

import (
	"bytes"
	"slices"
	"strings"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
)

// Names are the method names whose calls Summarize reads, beyond what the
// rules already ask the extractor for: the JVM-ending calls, the loader
// calls, the lookups by name, and the functional interfaces a static field
// that ends the JVM is invoked through.
var Names = []string{
	"exit", "halt", "getClassLoader", "getSystemClassLoader", "getContextClassLoader", "forName", "loadClass",
	"accept", "run", "apply",
}

// UseNames are the calls a caller may hand a returned ClassLoader to: the
// class, resource and provider lookups (CallSite.Use).
var UseNames = []string{
	"forName", "loadClass", "getResource", "getResources", "getResourceAsStream", "load", "newProxyInstance",
}

// Summarize reads the summaries of the methods a file declares, from its
// facts (src, the file's text, tells private methods; nil for compiled
// code, whose facts carry no modifiers, so nothing there is taken for
// private).
func Summarize(path string, f *facts.File, src []byte) []facts.Summary {
	return AppendSummaries(nil, path, f, src)
}

// AppendSummaries is Summarize appending to out, so that a caller that
// drops the summaries once AddSummaries has copied what it keeps (a
// worker reading classes) reuses one slice: a summary is large, and a
// class has one per method.
func AppendSummaries(out []facts.Summary, path string, f *facts.File, src []byte) []facts.Summary {
	exiting := exitingFields(f)
	entryTypes := entryClasses(f)
	options := optionResolver(f)
	// The calls of each method, found once: a file of thousands of methods
	// and calls costs what it holds, not their product.
	byMethod := map[[2]string][]int{}
	for i := range f.Calls {
		k := [2]string{f.Calls[i].Class, f.Calls[i].Method}
		byMethod[k] = append(byMethod[k], i)
	}
	if len(f.Methods) > 0 && out == nil {
		out = make([]facts.Summary, 0, len(f.Methods)) // one allocation: a summary is large
	}
	first := len(out)
	var nested map[facts.Span][]facts.MethodDecl // read only when a method needs it
	for _, m := range f.Methods {
		var params []string
		var arity int
		if src != nil {
			params = ParamNames(m.Params)
			arity = len(params)
		} else {
			// Compiled code: the parameter types, without names.
			arity = typeCount(m.Params)
		}
		if strings.Contains(m.Params, "...") {
			arity = -1
		}
		s := facts.Summary{
			Method:     facts.MethodKey{Class: m.Class, Name: m.Name, Arity: arity},
			Static:     m.Static,
			Private:    m.Private || isPrivate(src, m),
			Decl:       facts.Site{Path: path, Span: m.Span, Line: m.Line},
			LoadsParam: -1,
			NameParam:  -1,
		}
		s.Entry = isEntry(m, arity, entryTypes) || commandLineMethod(&m, options, src == nil)
		s.FrontEnd = !s.Entry && src != nil && parsesCommandLine(src, &m)
		summarizeBody(&s, path, f, byMethod[[2]string{m.Class, m.Name}], m, params, exiting)
		if s.Terminates != nil && src != nil && !m.Static {
			s.ExitFlags = rules.ExitFlags(f, src, &m, exitSpans(f, byMethod[[2]string{m.Class, m.Name}], m, exiting))
		}
		if src != nil && s.NameParam < 0 && len(params) > 0 {
			// The name held in a local one branch of which is a
			// parameter ("n.indexOf('.') < 0 ? PKG + n : n"): the
			// callers settle that branch.
			s.NameParam = localNameParam(src, f, byMethod[[2]string{m.Class, m.Name}], m, params)
		}
		if src != nil && s.NameParam < 0 && len(params) > 0 {
			// A lookup in an anonymous class of the method (a privileged
			// action's run()) by a parameter the class captures: the
			// callers settle it too.
			if nested == nil {
				nested = nestedMethods(f)
			}
			var tmp facts.Summary
			tmp.LoadsParam, tmp.NameParam = -1, -1
			for _, n := range nested[m.Decl] {
				summarizeBody(&tmp, path, f, byMethod[[2]string{n.Class, n.Name}], m, params, exiting)
			}
			s.NameParam = tmp.NameParam
		}
		if s.Terminates != nil && src != nil {
			// Every exit waits for a switch the operator turns on: the
			// callers' findings are notes.
			s.OptIn = rules.ExitOptIn(f, src, exitSpans(f, byMethod[[2]string{m.Class, m.Name}], m, exiting))
		}
		s.ContextFirst, s.NoBody = contextFirstLookup(src, f, byMethod[[2]string{m.Class, m.Name}], m)
		if src != nil && (s.LoadsParam >= 0 || s.ReturnsLoader != facts.LoaderNone || s.ArgLoader || s.Via != nil) && mentionsContext(src, m.Decl) {
			// The context loader, read through a helper the extractor was
			// not asked about (log4j's getThreadContextClassLoader(), a
			// TCCL_GETTER, logback's getTCL()): the own loader is the
			// fallback, or the lookup sits under an opt-out switch
			// (isIgnoreTccl(), ignoreTCL).
			s.LoadsParam, s.LoadsAt, s.NameParam = -1, nil, -1
			if s.ReturnsLoader != facts.LoaderNone || s.ArgLoader || s.Via != nil {
				s.ReturnsLoader, s.ArgLoader, s.LoaderAt, s.Via = facts.LoaderContext, false, nil, nil
			}
		}
		if src != nil && s.LoadsParam >= 0 && s.LoadsParam < len(params) && delegatesName(src, m.Decl, params[s.LoadsParam]) {
			// The name also goes to another loading call (Derby's
			// ClassInspector.getClass: Class.forName only for a malformed
			// name, loadApplicationClass otherwise): the own lookup is one
			// branch of a helper that chooses its loader.
			s.LoadsParam, s.LoadsAt = -1, nil
		}
		if src != nil && s.LoadsParam >= 0 && s.LoadsAt != nil {
			s.Before = rules.CalledBefore(src, m.Decl, s.LoadsAt.Span.Start)
		}
		out = append(out, s)
	}
	forgetOverloadedLookups(out[first:])
	return out
}

// forgetOverloadedLookups: overloads of one arity share a key, and what
// one of them does cannot be told from a call, so a lookup by a name
// parameter is not followed. Most files have no such lookup, and are
// spared the count of their keys.
func forgetOverloadedLookups(out []facts.Summary) {
	lookups := false
	for i := range out {
		lookups = lookups || out[i].LoadsParam != -1 || out[i].LoadsAt != nil || out[i].NameParam != -1
	}
	if !lookups {
		return
	}
	seen := make(map[facts.MethodKey]int, len(out))
	for i := range out {
		seen[out[i].Method]++
	}
	for i := range out {
		if seen[out[i].Method] > 1 {
			out[i].LoadsParam, out[i].LoadsAt, out[i].NameParam = -1, nil, -1
		}
	}
}

// exitSpans are the calls of m that end the JVM, as summarizeBody counts
// them for Terminates.
func exitSpans(f *facts.File, calls []int, m facts.MethodDecl, exiting map[string]*facts.Site) []facts.Span {
	var out []facts.Span
	for _, i := range calls {
		c := &f.Calls[i]
		if within(c.Span, m.Decl) && !c.InLambda && !c.DebugOnly && (endsJVM(c) || isFunctionalCall(c) && exiting[fieldOf(c)] != nil) {
			out = append(out, c.Span)
		}
	}
	return out
}

// summarizeBody reads what the calls of method m do.
func summarizeBody(s *facts.Summary, path string, f *facts.File, calls []int, m facts.MethodDecl, params []string, exiting map[string]*facts.Site) {
	returnsLoader := m.Returns == "ClassLoader" || m.Returns == "java.lang.ClassLoader"
	var own, system, context, argParam = false, false, false, -1
	var loaderAt *facts.Site
	var wraps *facts.MethodKey // a project method whose loader this one may return
	for _, i := range calls {
		c := &f.Calls[i]
		if !within(c.Span, m.Decl) {
			continue
		}
		at := &facts.Site{Path: path, Span: c.Span, Line: c.Line}
		switch {
		case endsJVM(c) && !c.InLambda && !c.DebugOnly:
			// An exit under a debug switch is not the shipped code's: the
			// direct finding is dropped there, so its callers are not told.
			if s.Terminates == nil {
				s.Terminates = at
			}
		case isFunctionalCall(c) && exiting[fieldOf(c)] != nil && !c.InLambda && !c.DebugOnly:
			if s.Terminates == nil {
				s.Terminates = at
			}
		case c.Name == "getContextClassLoader" && c.Owner == "java.lang.Thread":
			context = true
		case c.Name == "getSystemClassLoader" && c.Owner == "java.lang.ClassLoader":
			system, loaderAt = true, at
		case c.Name == "getClassLoader" && (c.Owner == "java.lang.Class" || c.Owner == ""):
			if i := paramIndex(params, c.Recv.Text); i >= 0 {
				argParam, loaderAt = i, at
			} else if c.Recv.Kind == facts.ExprClass || c.Recv.Kind == facts.ExprCall && strings.HasSuffix(c.Recv.Text, "getClass()") || c.Recv.Text == "getClass()" {
				own, loaderAt = true, at
			}
		case (c.Name == "forName" && c.Owner == "java.lang.Class" || c.Name == "loadClass") && len(c.Args) >= 1 && s.LoadsParam < 0 && !takesLoader(m.Params):
			if i := paramIndex(params, c.Args[0].Text); i >= 0 && ownLookup(c) {
				s.LoadsParam, s.LoadsAt, s.NameParam = i, at, i
			}
		case (c.Name == "forName" && c.Owner == "java.lang.Class" || c.Name == "loadClass") && len(c.Args) >= 1 && s.NameParam < 0 && ownLookup(c):
			// A helper that also takes a loader (its own lookup the
			// fallback when none is supplied): its callers settle a finding
			// on its own lookup, so they are looked for.
			if i := paramIndex(params, c.Args[0].Text); i >= 0 {
				s.NameParam = i
			}
		case (c.Name == "getResource" || c.Name == "getResourceAsStream") && c.Owner == "java.lang.Class" && len(c.Args) == 1 && s.NameParam < 0 &&
			(c.Recv.Kind == facts.ExprClass || strings.TrimSpace(c.Recv.Text) == "getClass()" || strings.TrimSpace(c.Recv.Text) == "this.getClass()"):
			// A resource of the class's own loader by a name parameter
			// (a product-info helper reading the file it is handed): its
			// callers settle a finding there.
			if i := paramIndex(params, c.Args[0].Text); i >= 0 {
				s.NameParam = i
			}
		case (c.Name == "getResource" || c.Name == "getResourceAsStream" || c.Name == "getResources") && c.Owner == "java.lang.ClassLoader" && len(c.Args) == 1 && s.NameParam < 0 &&
			(fixedLoader(c.Recv.Loader) || c.Recv.Local != nil && fixedLoader(c.Recv.Local.Loader)):
			// The same through the class's own loader, the name the
			// parameter or made from it alone (resName(name)).
			s.NameParam = rules.OnlyParam(c.Args[0].Text, params)
		case c.Name == "getBundle" && c.Owner == "java.util.ResourceBundle" && (len(c.Args) == 1 || len(c.Args) == 2) && s.NameParam < 0:
			// A bundle by a name parameter (a localisation helper): its
			// callers settle a finding there.
			if i := paramIndex(params, c.Args[0].Text); i >= 0 {
				s.NameParam = i
			}
		case strings.Contains(c.Name, "ContextClassLoader") || c.Name == "getDefaultClassLoader":
			// A helper that reads the thread context loader first
			// (Spring's ClassUtils.getDefaultClassLoader).
			context = true
		case returnsLoader && (c.Name == "getSystemClassLoader" || c.Name == "getClassLoader") && projectOwner(c.Owner) && wraps == nil:
			// A wrapper of another project method (netty's
			// PlatformDependent.getSystemClassLoader() calls
			// PlatformDependent0's): resolved once every summary is known.
			wraps = &facts.MethodKey{Class: c.Owner, Name: c.Name, Arity: len(c.Args)}
		}
	}
	if context && s.LoadsParam >= 0 {
		// The lookup with the own loader is the fallback of a context
		// loader read first.
		s.LoadsParam, s.LoadsAt, s.NameParam = -1, nil, -1
	}
	if returnsLoader {
		switch {
		case context:
			// Context loader first, whatever the fallback: what the
			// rules ask for.
			s.ReturnsLoader = facts.LoaderContext
		case argParam >= 0:
			s.ArgLoader, s.ArgLoaderParam, s.LoaderAt = true, argParam, loaderAt
		case system:
			s.ReturnsLoader, s.LoaderAt = facts.LoaderSystem, loaderAt
		case own:
			s.ReturnsLoader, s.LoaderAt = facts.LoaderOwn, loaderAt
		case wraps != nil:
			s.Via = wraps
		}
	}
}

// contextFirstLookup reports a method that looks a class up by name
// (Class.forName, loadClass) and reads the thread context loader, or takes
// the loader as a parameter: the helper a caller tries before its own
// loader (Derby's ClassFactory.loadApplicationClass). noBody reports a
// declaration without code, which votes for neither.
func contextFirstLookup(src []byte, f *facts.File, calls []int, m facts.MethodDecl) (first, noBody bool) {
	if src == nil {
		// Compiled code: the calls are all there is; a method without
		// any of the calls asked for is not told from an abstract one.
		var context, load bool
		for _, i := range calls {
			c := &f.Calls[i]
			if !within(c.Span, m.Decl) && c.Span != (facts.Span{}) {
				continue
			}
			context = context || c.Name == "getContextClassLoader"
			load = load || c.Name == "forName" && c.Owner == "java.lang.Class" || c.Name == "loadClass"
		}
		return context && load, len(calls) == 0
	}
	if m.Decl.Start < 0 || m.Decl.End > len(src) || m.Decl.Start >= m.Decl.End {
		return false, true
	}
	body := src[m.Decl.Start:m.Decl.End]
	if !bytes.Contains(body, []byte("{")) {
		return false, true
	}
	load := bytes.Contains(body, []byte("forName(")) || bytes.Contains(body, []byte("loadClass("))
	return load && (mentionsContext(src, m.Decl) || takesLoader(m.Params) || suppliedLookup(f, calls, m)), false
}

// suppliedLookup reports a class lookup in m through a loader held in a
// variable, a field or an array element: loaders the object was handed
// (a stream's application loaders), tried where it runs.
func suppliedLookup(f *facts.File, calls []int, m facts.MethodDecl) bool {
	for _, i := range calls {
		c := &f.Calls[i]
		if !within(c.Span, m.Decl) {
			continue
		}
		var x facts.Expr
		switch {
		case c.Name == "forName" && c.Owner == "java.lang.Class" && len(c.Args) == 3:
			x = c.Args[2]
		case c.Name == "loadClass" && c.Owner == "java.lang.ClassLoader":
			x = c.Recv
		default:
			continue
		}
		t := strings.TrimPrefix(strings.TrimSpace(x.Text), "this.")
		if j := strings.IndexByte(t, '['); j > 0 && strings.HasSuffix(t, "]") {
			t = t[:j]
		}
		if (x.Loader == facts.LoaderOther || x.Loader == facts.LoaderNone) && t != "" && t != "null" && identLike(t) {
			return true
		}
	}
	return false
}

func identLike(t string) bool {
	if t[0] >= '0' && t[0] <= '9' {
		return false
	}
	for i := 0; i < len(t); i++ {
		if !isIdent(t[i]) {
			return false
		}
	}
	return true
}

// projectOwner reports a resolved owner outside the JDK: a class the
// project may declare.
func projectOwner(owner string) bool {
	return owner != "" && !strings.HasPrefix(owner, "java.") && !strings.HasPrefix(owner, "javax.") &&
		!strings.HasPrefix(owner, "jdk.") && !strings.HasPrefix(owner, "sun.")
}

// mentionsContext reports a method whose text names the thread context
// loader.
func mentionsContext(src []byte, decl facts.Span) bool {
	if decl.Start < 0 || decl.End > len(src) || decl.Start >= decl.End {
		return false
	}
	body := string(src[decl.Start:decl.End])
	// "TCL" is logback's getTCL() and ignoreTCL, "Tccl" log4j's isIgnoreTccl().
	return strings.Contains(body, "ContextClassLoader") || strings.Contains(body, "Tccl") || strings.Contains(body, "TCL")
}

// delegatesName reports a method whose text hands the parameter name to
// more than one loading call (a name with "load" or "forName" in it).
func delegatesName(src []byte, decl facts.Span, name string) bool {
	if decl.Start < 0 || decl.End > len(src) || decl.Start >= decl.End || name == "" {
		return false
	}
	body := string(src[decl.Start:decl.End])
	n := 0
	for i := 0; i < len(body); {
		j := strings.Index(body[i:], name)
		if j < 0 {
			break
		}
		at := i + j
		i = at + len(name)
		if at > 0 && isIdent(body[at-1]) || i < len(body) && isIdent(body[i]) {
			continue
		}
		// The argument must be the call's first: "callee ( name".
		k := at - 1
		for k >= 0 && (body[k] == ' ' || body[k] == '\t' || body[k] == '\n' || body[k] == '\r') {
			k--
		}
		if k < 0 || body[k] != '(' {
			continue
		}
		k--
		for k >= 0 && (body[k] == ' ' || body[k] == '\t') {
			k--
		}
		e := k + 1
		for k >= 0 && isIdent(body[k]) {
			k--
		}
		callee := body[k+1 : e]
		if strings.Contains(callee, "load") || strings.Contains(callee, "Load") || callee == "forName" {
			n++
		}
	}
	return n > 1
}

func isIdent(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// takesLoader reports a parameter list with a ClassLoader: the caller
// chooses the loader, so a lookup through it is the caller's to judge.
func takesLoader(params string) bool { return strings.Contains(params, "ClassLoader") }

// endsJVM reports System.exit, Runtime.exit and Runtime.halt.
func endsJVM(c *facts.Call) bool {
	switch c.Owner {
	case "java.lang.System":
		return c.Name == "exit"
	case "java.lang.Runtime":
		return c.Name == "exit" || c.Name == "halt"
	}
	return false
}

// ownLookup reports a class lookup by name through the caller's own
// loader, the system loader or the one-argument Class.forName.
func ownLookup(c *facts.Call) bool {
	switch {
	case c.Name == "forName" && len(c.Args) == 1:
		return true
	case c.Name == "forName" && len(c.Args) == 3:
		return fixedLoader(c.Args[2].Loader)
	case c.Name == "loadClass":
		return fixedLoader(c.Recv.Loader)
	}
	return false
}

func fixedLoader(l facts.Loader) bool {
	return l == facts.LoaderOwn || l == facts.LoaderSystem
}

// exitingFields are the static fields of the file that hold a function
// ending the JVM: initialised with System::exit, or with a lambda whose
// body ends it, or with another such field of the same class.
func exitingFields(f *facts.File) map[string]*facts.Site {
	out := map[string]*facts.Site{}
	for _, fd := range f.Fields {
		if !fd.Static || fd.Init == nil {
			continue
		}
		key := fd.Class + "." + fd.Name
		switch fd.Init.Kind {
		case facts.ExprLambda:
			t := strings.ReplaceAll(fd.Init.Text, " ", "")
			if t == "System::exit" || t == "java.lang.System::exit" {
				out[key] = &facts.Site{Path: f.Path, Span: fd.Init.Span, Line: fd.Line}
				continue
			}
			for i := range f.Calls {
				c := &f.Calls[i]
				if endsJVM(c) && within(c.Span, fd.Init.Span) {
					out[key] = &facts.Site{Path: f.Path, Span: c.Span, Line: c.Line}
					break
				}
			}
		}
	}
	// One field initialised from another (a default procedure kept in a
	// volatile field a test may replace).
	for changed := true; changed; {
		changed = false
		for _, fd := range f.Fields {
			key := fd.Class + "." + fd.Name
			if !fd.Static || fd.Init == nil || fd.Init.Kind != facts.ExprName || out[key] != nil {
				continue
			}
			if src := out[fd.Class+"."+lastSegment(fd.Init.Text)]; src != nil {
				out[key] = src
				changed = true
			}
		}
	}
	return out
}

// isFunctionalCall reports an invocation of a functional interface's
// method on a field.
func isFunctionalCall(c *facts.Call) bool {
	switch c.Name {
	case "accept", "run", "apply":
		return c.Recv.Kind == facts.ExprName
	}
	return false
}

// fieldOf names the static field a call's receiver denotes, as
// "Class.NAME" for exitingFields: the enclosing class for a simple name.
func fieldOf(c *facts.Call) string {
	t := c.Recv.Text
	if c.Recv.Field != nil {
		return c.Recv.Field.Owner + "." + c.Recv.Field.Name
	}
	if strings.Contains(t, ".") {
		return "" // Other.FIELD: resolved through Recv.Field when the extractor knows it
	}
	return c.Class + "." + t
}

func lastSegment(s string) string {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// isEntry reports a process entry point.
func isEntry(m facts.MethodDecl, arity int, entryTypes map[string]bool) bool {
	switch m.Name {
	case "main":
		return m.Static && (arity == 1 || arity == -1) && strings.Contains(m.Params, "String")
	case "premain", "agentmain":
		return m.Static
	case "execute":
		return entryTypes[m.Class] && arity == 0
	}
	return false
}

// typeCount counts the types of a parameter list written without names
// ("String, int[]", as compiled code gives it).
func typeCount(params string) int {
	params = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(params), "("), ")"))
	if params == "" {
		return 0
	}
	n, depth := 1, 0
	for _, c := range params {
		switch c {
		case '<':
			depth++
		case '>':
			depth--
		case ',':
			if depth == 0 {
				n++
			}
		}
	}
	return n
}

// entryClasses are the classes of the file whose execute() is an entry
// point: Maven goals and Ant tasks.
func entryClasses(f *facts.File) map[string]bool {
	out := map[string]bool{}
	for _, t := range f.TypeDecls {
		super := lastSegment(t.Super)
		if super == "AbstractMojo" || super == "Task" && (t.Super == "Task" || strings.HasPrefix(t.Super, "org.apache.tools.ant.")) {
			out[t.Name] = true
		}
		for _, i := range t.Interfaces {
			if lastSegment(i) == "Mojo" {
				out[t.Name] = true
			}
		}
	}
	return out
}

// isPrivate reads the modifiers of a declaration from the source text
// before the method's name.
func isPrivate(src []byte, m facts.MethodDecl) bool {
	if src == nil || m.Decl.Start < 0 || m.Span.Start > len(src) || m.Decl.Start > m.Span.Start {
		return false
	}
	for _, w := range strings.Fields(string(src[m.Decl.Start:m.Span.Start])) {
		if w == "private" {
			return true
		}
	}
	return false
}

func within(inner, outer facts.Span) bool {
	return outer.Start <= inner.Start && inner.End <= outer.End && outer.End > outer.Start
}

func paramIndex(params []string, name string) int {
	name = strings.TrimSpace(name)
	for i, p := range params {
		if p == name {
			return i
		}
	}
	return -1
}

// ParamNames lists the parameter names of a declaration's parameter list
// as written: "(String name, Class<?> c)" gives name and c.
func ParamNames(params string) []string {
	var out []string
	for _, part := range rules.ParamParts(params) {
		f := strings.Fields(strings.TrimRight(strings.TrimSpace(part), "[] "))
		if len(f) >= 2 {
			out = append(out, strings.TrimRight(f[len(f)-1], "[]"))
		}
	}
	return out
}

// localNameParam is the parameter of m a lookup with the own loader takes
// its name from through a local assigned that parameter in one branch, -1
// when none.
func localNameParam(src []byte, f *facts.File, calls []int, m facts.MethodDecl, params []string) int {
	if m.Decl.Start < 0 || m.Decl.End > len(src) || m.Decl.Start >= m.Decl.End {
		return -1
	}
	for _, i := range calls {
		c := &f.Calls[i]
		if !within(c.Span, m.Decl) || !(c.Name == "forName" && c.Owner == "java.lang.Class" || c.Name == "loadClass") || len(c.Args) == 0 || !ownLookup(c) {
			continue
		}
		a := c.Args[0]
		if a.Kind != facts.ExprName || paramIndex(params, a.Text) >= 0 {
			continue
		}
		init := ""
		if a.Local != nil {
			init = a.Local.Text
		}
		if j := rules.BranchParam(string(src[m.Decl.Start:c.Span.Start]), strings.TrimSpace(a.Text), init, params); j >= 0 {
			return j
		}
	}
	return -1
}

// nestedMethods lists, by the declaration of each method of f, the
// methods declared inside it (those of its anonymous and local classes).
func nestedMethods(f *facts.File) map[facts.Span][]facts.MethodDecl {
	out := map[facts.Span][]facts.MethodDecl{}
	if !slices.ContainsFunc(f.Methods, func(m facts.MethodDecl) bool { return strings.Contains(m.Class, "$") }) {
		return out // no nested class, no copy
	}
	ms := slices.Clone(f.Methods)
	slices.SortFunc(ms, func(a, b facts.MethodDecl) int { return a.Decl.Start - b.Decl.Start })
	for i, m := range ms {
		// Declarations nest or are apart: those starting inside m follow it.
		for _, n := range ms[i+1:] {
			if n.Decl.Start >= m.Decl.End {
				break
			}
			if n.Decl.End <= m.Decl.End && n.Class != m.Class {
				out[m.Decl] = append(out[m.Decl], n)
			}
		}
	}
	return out
}

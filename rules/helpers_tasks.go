package rules

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// What a task handed to a shared pool does on the pooled thread, read from
// the text of its code: the lambda or class body, the methods of its file
// it calls (a few calls deep), and, for a task class of another file, that
// file's text once every file is known (facts.Pending.Tasks). A task that
// never loads classes or resources by name, uses ServiceLoader or
// reflection, nor calls back into code an app supplied, runs alike under
// any context loader; one that sets the loader itself and restores it
// carries its own.

// taskDepth is how many calls deep a task's own methods are followed.
const taskDepth = 3

// taskReachWords are what a task's text shows when it may depend on the
// context loader: lookups by name, ServiceLoader, reflection, the JDK
// factories that find their implementation through the context loader
// (XML, JNDI, scripting, JAXB), deserialisation, and calls into code an
// app supplied (listeners, handlers, callbacks, functional interfaces).
var taskReachWords = append(append([]string(nil), reachWords...),
	"InitialContext", "ScriptEngine", "JAXBContext", "ObjectInputStream", "readObject", "Proxy.")

// taskKind classifies what a task expression stands for.
type taskKind uint8

const (
	taskUnknown taskKind = iota // nothing known: a parameter of a JDK type, a value returned by a call
	taskBody                    // a lambda or anonymous class body, a method reference's method
	taskClass                   // an instance of a named class
)

// taskOrigin is one thing a task expression may run.
type taskOrigin struct {
	kind  taskKind
	span  facts.Span // taskBody: the code
	class string     // taskClass: the class (binary name when resolved, else as written)
}

// taskVerdict is what is known of a submitted task.
type taskVerdict struct {
	// safe: the task sets the context loader itself, or none of what it
	// may run depends on it.
	safe bool
	// elsewhere are the task classes declared in other files, to be read
	// once every file is known; switchOnly says that only one of them
	// setting the loader itself clears the finding (the task also runs
	// code of this file that depends on the loader).
	elsewhere  []string
	switchOnly bool
}

// judgeTask follows a submitted task to the code it runs.
func judgeTask(p *Pass, c *facts.Call, task facts.Expr) taskVerdict {
	if len(p.Src) == 0 {
		return taskVerdict{} // compiled code: no text to read
	}
	var origins []taskOrigin
	collectTaskOrigins(p, c, task, 0, &origins)
	jt := newJavaText(p.Src)
	reaches := false
	var elsewhere []string
	for _, o := range origins {
		switch o.kind {
		case taskUnknown:
			reaches = true
		case taskBody:
			text := p.Text(o.span)
			if switchesItself(text) {
				return taskVerdict{safe: true}
			}
			if callsSupplied(p, c, text) || jt.reaches(o.span.Start, o.span.End, taskDepth, map[int]bool{}) {
				reaches = true
			}
		case taskClass:
			from, to, ok := jt.classBody(simpleName(o.class))
			if !ok || !declaresTask(p, o.class) {
				elsewhere = append(elsewhere, o.class)
				continue
			}
			if switchesItself(string(p.Src[from:to])) {
				return taskVerdict{safe: true}
			}
			if jt.classReaches(from, to) {
				reaches = true
			}
		}
	}
	if len(elsewhere) > 0 {
		return taskVerdict{elsewhere: elsewhere, switchOnly: reaches}
	}
	return taskVerdict{safe: !reaches && len(origins) > 0}
}

// declaresTask reports whether the file declares the class (by binary or
// simple name).
func declaresTask(p *Pass, class string) bool {
	for _, t := range p.File.TypeDecls {
		if t.Name == class || simpleName(t.Name) == simpleName(class) {
			return true
		}
	}
	return false
}

// collectTaskOrigins lists what a task expression may run: through
// locals, the instances a field of the class is given, and the arguments
// of a wrapper's constructor (new Wrapper(new WeakReference<>(task))), a
// few levels deep. The extractor records instance creations of a few
// types only, so the expression's text is read.
func collectTaskOrigins(p *Pass, c *facts.Call, x facts.Expr, depth int, out *[]taskOrigin) {
	if x.Kind == facts.ExprName && x.Local != nil {
		x = *x.Local
	}
	if x.Span.End <= x.Span.Start || x.Span.End > len(p.Src) {
		*out = append(*out, taskOrigin{kind: taskUnknown})
		return
	}
	originsOfText(p, c, x.Span.Start, x.Span.End, depth, out)
}

var (
	lambdaHeadRE = lazyRE(`^(?:\(\s*[\w$\s,]*\)|[\w$]+)\s*->`)
	taskNameRE   = lazyRE(`^(?:this\s*\.\s*)?([A-Za-z_$][\w$]*)$`)
)

// originsOfText is collectTaskOrigins for the expression at src[from:to].
func originsOfText(p *Pass, c *facts.Call, from, to, depth int, out *[]taskOrigin) {
	unknown := func() { *out = append(*out, taskOrigin{kind: taskUnknown}) }
	if depth > 4 {
		unknown()
		return
	}
	raw := string(p.Src[from:to])
	text := strings.TrimSpace(raw)
	from += strings.Index(raw, text)
	to = from + len(text)
	for strings.HasPrefix(text, "(") && closingBracket(text, 0) == len(text)-1 && !lambdaHeadRE.MatchString(text) {
		text = strings.TrimSpace(text[1 : len(text)-1]) // (task)
		from = strings.Index(string(p.Src[from:to]), text) + from
		to = from + len(text)
	}
	switch {
	case text == "this":
		*out = append(*out, taskOrigin{kind: taskClass, class: c.Class})
	case lambdaHeadRE.MatchString(text):
		*out = append(*out, taskOrigin{kind: taskBody, span: facts.Span{Start: from, End: to}})
	case strings.Contains(text, "::") && !strings.ContainsAny(text, "({"):
		i := strings.Index(text, "::")
		*out = append(*out, methodRefOrigin(p, c, text[:i], text[i+2:]))
	case strings.HasPrefix(text, "new ") || strings.HasPrefix(text, "new\t"):
		newOrigins(p, c, from, to, text, depth, out)
	case taskNameRE.MatchString(text):
		name := taskNameRE.FindStringSubmatch(text)[1]
		if !strings.HasPrefix(text, "this") {
			if typ, ok := paramType(p, c.Span, name); ok {
				if t := projectType(p, typ); t != "" {
					*out = append(*out, taskOrigin{kind: taskClass, class: t})
				} else {
					unknown()
				}
				return
			}
			if f, t, ok := localInit(p, c.Span, name); ok {
				originsOfText(p, c, f, t, depth+1, out)
				return
			}
		}
		n := len(*out)
		fieldOrigins(p, c, name, depth, out)
		if len(*out) == n {
			unknown()
		}
	default:
		unknown()
	}
}

// newOrigins reads an instance creation's text: an anonymous class is
// code; a JDK holder (a weak reference) runs what it holds; another class
// runs its own code and what it is handed (tasks and callbacks among its
// arguments; values such as a host name do not run).
func newOrigins(p *Pass, c *facts.Call, from, to int, text string, depth int, out *[]taskOrigin) {
	typ := newTypeName(text)
	open := strings.IndexByte(text, '(')
	if typ == "" || open < 0 {
		*out = append(*out, taskOrigin{kind: taskUnknown})
		return
	}
	close := closingBracket(text[open:], 0)
	if close < 0 {
		*out = append(*out, taskOrigin{kind: taskUnknown})
		return
	}
	close += open
	if strings.Contains(text[close:], "{") {
		*out = append(*out, taskOrigin{kind: taskBody, span: facts.Span{Start: from, End: to}})
		return
	}
	base := typ
	if i := strings.IndexByte(base, '<'); i >= 0 {
		base = base[:i]
	}
	wrapper := jdkWrapper(simpleName(base))
	if !wrapper {
		class := ""
		for _, t := range p.File.TypeDecls {
			if simpleName(t.Name) == simpleName(base) {
				class = t.Name
			}
		}
		if class == "" {
			class = projectType(p, base)
		}
		if class == "" {
			*out = append(*out, taskOrigin{kind: taskUnknown}) // a JDK or unknown class
			return
		}
		*out = append(*out, taskOrigin{kind: taskClass, class: class})
	}
	at := from + open + 1
	for _, a := range splitTopLevel(text[open+1:close], ',', true) {
		af, at2 := at, at+len(a)
		at = at2 + 1
		arg := strings.TrimSpace(a)
		if arg == "" {
			continue
		}
		switch {
		case wrapper || strings.HasPrefix(arg, "new ") || lambdaHeadRE.MatchString(arg) || strings.Contains(arg, "::"):
			originsOfText(p, c, af, at2, depth+1, out)
		case taskNameRE.MatchString(arg):
			name := taskNameRE.FindStringSubmatch(arg)[1]
			if typ, ok := paramType(p, c.Span, name); ok {
				if t := projectType(p, typ); t != "" {
					*out = append(*out, taskOrigin{kind: taskClass, class: t})
				} else if callbackType(typ) {
					*out = append(*out, taskOrigin{kind: taskUnknown})
				}
			} else if f, t, ok := localInit(p, c.Span, name); ok {
				init := strings.TrimSpace(string(p.Src[f:t]))
				if strings.HasPrefix(init, "new ") || lambdaHeadRE.MatchString(init) {
					originsOfText(p, c, f, t, depth+1, out)
				}
			}
		}
	}
}

// jdkWrapper reports the JDK holders a task is wrapped in on its way to
// a pool (a weak reference, a FutureTask of a Callable).
func jdkWrapper(simple string) bool {
	switch simple {
	case "WeakReference", "SoftReference", "FutureTask", "AtomicReference":
		return true
	}
	return false
}

var newTypeRE = lazyRE(`^new\s+([\w$.]+(?:\s*<[^(]*>)?)`)

func newTypeName(text string) string {
	if m := newTypeRE.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	return ""
}

// localInit finds the initialiser of a local the method enclosing at
// declares before it ("Runnable r = new Task();"), when it declares that
// name once.
func localInit(p *Pass, at facts.Span, name string) (int, int, bool) {
	m := enclosingMethodDecl(p, at)
	if m == nil {
		return 0, 0, false
	}
	re := regexp.MustCompile(`(?:^|[;{}(]\s*)(?:final\s+)?[\w$.]+(?:\s*<[^;=()]*>)?(?:\[\])*\s+` + regexp.QuoteMeta(name) + `\s*=\s*`)
	body := p.Text(facts.Span{Start: m.Decl.Start, End: at.Start})
	ms := re.FindAllStringIndex(body, -1)
	if len(ms) != 1 {
		return 0, 0, false
	}
	start := m.Decl.Start + ms[0][1]
	end := exprEnd(p.Src, start, at.Start)
	if end < 0 {
		return 0, 0, false
	}
	return start, end, true
}

// exprEnd is the offset of the ';' ending the expression that starts
// at from (outside brackets), -1 when none comes before limit.
func exprEnd(src []byte, from, limit int) int {
	toks := tokenize(src, from, limit)
	depth := 0
	for _, t := range toks {
		switch t.kind {
		case '(', '{', '[':
			depth++
		case ')', '}', ']':
			depth--
		case ';':
			if depth == 0 {
				return t.start
			}
		}
	}
	return -1
}

// fieldAssignRE finds assignments of an instance creation to a name.
var fieldAssignRE = lazyRE(`(?:^|[^\w$.])(?:this\s*\.\s*)?([A-Za-z_$][\w$]*)\s*=\s*new\b`)

// fieldOrigins adds the instances a field of the submitting class (or a
// class enclosing it) is given: its initialiser and the instance
// creations assigned to it anywhere in the file.
func fieldOrigins(p *Pass, c *facts.Call, name string, depth int, out *[]taskOrigin) {
	found := false
	for i := range p.File.Fields {
		f := &p.File.Fields[i]
		if f.Name == name && sameNest(f.Class, c.Class) {
			found = true
			if f.Init != nil {
				originsOfText(p, c, f.Init.Span.Start, f.Init.Span.End, depth+1, out)
			}
		}
	}
	if !found {
		return
	}
	for _, m := range fieldAssignRE.FindAllSubmatchIndex(p.Src, -1) {
		if string(p.Src[m[2]:m[3]]) != name {
			continue
		}
		start := m[1] - len("new")
		end := exprEnd(p.Src, start, len(p.Src))
		if end > start {
			originsOfText(p, c, start, end, depth+1, out)
		}
	}
}

// methodRefOrigin is the method a method reference names: this::m,
// Outer.this::m or Type::m of a class of this file.
func methodRefOrigin(p *Pass, c *facts.Call, recv, name string) taskOrigin {
	recv = strings.TrimSpace(recv)
	name = strings.TrimSpace(name)
	var class string
	switch {
	case recv == "this" || strings.HasSuffix(recv, ".this"):
		class = outerClass(c.Class)
	default:
		for _, t := range p.File.TypeDecls {
			if simpleName(t.Name) == simpleName(recv) {
				class = t.Name
			}
		}
	}
	if class == "" || name == "new" {
		return taskOrigin{kind: taskUnknown}
	}
	for i := range p.File.Methods {
		m := &p.File.Methods[i]
		if m.Name == name && sameNest(m.Class, class) {
			return taskOrigin{kind: taskBody, span: m.Decl}
		}
	}
	return taskOrigin{kind: taskUnknown}
}

// paramType is the declared type of the parameter of the method
// enclosing at, when it has one of that name.
func paramType(p *Pass, at facts.Span, name string) (string, bool) {
	m := enclosingMethodDecl(p, at)
	if m == nil {
		return "", false
	}
	for _, pr := range splitParams(m.Params) {
		if pr[1] == name {
			return pr[0], true
		}
	}
	return "", false
}

// splitParams reads a parameter list as written into (type, name) pairs.
func splitParams(params string) [][2]string {
	params = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(params), "("), ")")
	var out [][2]string
	for _, part := range splitTopLevel(params, ',', true) {
		f := strings.Fields(strings.TrimSpace(part))
		for len(f) > 0 && (f[0] == "final" || strings.HasPrefix(f[0], "@")) {
			f = f[1:]
		}
		if len(f) < 2 {
			continue
		}
		out = append(out, [2]string{strings.Join(f[:len(f)-1], " "), f[len(f)-1]})
	}
	return out
}

// projectType resolves a type as written to a class the project may
// declare ("Pool<?>.Evictor" -> "a.b.Pool$Evictor"): through the file's
// imports, else its package. JDK types and type variables give "".
func projectType(p *Pass, typ string) string {
	var b strings.Builder
	depth := 0
	for i := 0; i < len(typ); i++ {
		switch ch := typ[i]; {
		case ch == '<':
			depth++
		case ch == '>':
			depth--
		case depth == 0 && ch != ' ':
			b.WriteByte(ch)
		}
	}
	t := strings.TrimSuffix(b.String(), "...")
	if t == "" || strings.HasPrefix(t, "java.") || strings.HasPrefix(t, "javax.") || len(t) == 1 {
		return ""
	}
	parts := strings.Split(t, ".")
	first := 0
	for first < len(parts) && parts[first] != "" && parts[first][0] >= 'a' && parts[first][0] <= 'z' {
		first++ // a qualified name's package
	}
	if first == len(parts) {
		return ""
	}
	head := strings.Join(parts[:first+1], ".")
	nested := strings.Join(parts[first+1:], "$")
	fqn := ""
	switch {
	case first > 0:
		fqn = head
	default:
		for _, im := range p.File.Imports {
			if !im.Static && !im.Wildcard && simpleName(im.Name) == head {
				fqn = im.Name
			}
		}
		if fqn == "" {
			if jdkLangType(head) {
				return ""
			}
			fqn = head
			if p.File.Package != "" {
				fqn = p.File.Package + "." + head
			}
		}
	}
	if strings.HasPrefix(fqn, "java.") || strings.HasPrefix(fqn, "javax.") {
		return ""
	}
	if nested != "" {
		fqn += "$" + nested
	}
	return fqn
}

// jdkLangType reports the java.lang types a task parameter is commonly
// declared with.
func jdkLangType(simple string) bool {
	switch simple {
	case "Runnable", "Thread", "Object", "String", "Callable", "TimerTask", "Supplier", "Consumer", "Function":
		return true
	}
	return false
}

// callbackType reports JDK types whose values are code to call.
func callbackType(typ string) bool {
	t := typ
	if i := strings.IndexByte(t, '<'); i >= 0 {
		t = t[:i]
	}
	switch simpleName(strings.TrimSpace(t)) {
	case "Runnable", "Callable", "Supplier", "Consumer", "Function", "BiFunction", "BiConsumer", "Predicate",
		"TimerTask", "Thread", "Object", "EventListener":
		return true
	}
	return false
}

// switchesItself reports task code that sets the context loader and sets
// it back in a finally block: it carries the loader it needs.
func switchesItself(text string) bool {
	i := strings.Index(text, "setContextClassLoader")
	if i < 0 {
		return false
	}
	f := strings.Index(text[i:], "finally")
	return f >= 0 && strings.Contains(text[i+f:], "setContextClassLoader")
}

// callsSupplied reports a lambda or anonymous body that calls a method on
// a parameter of the submitting method that is not a plain JDK value: an
// object an app supplied (task.run(), listener.onEvent(e)).
func callsSupplied(p *Pass, c *facts.Call, text string) bool {
	m := enclosingMethodDecl(p, c.Span)
	if m == nil {
		return false
	}
	for _, pr := range splitParams(m.Params) {
		if jdkValueType(pr[0]) {
			continue
		}
		if regexp.MustCompile(`(?:^|[^\w$.])` + regexp.QuoteMeta(pr[1]) + `\s*\.\s*[\w$]+\s*\(`).MatchString(text) {
			return true
		}
	}
	return false
}

// jdkValueType reports parameter types whose methods run only JDK code.
func jdkValueType(typ string) bool {
	t := typ
	if i := strings.IndexByte(t, '<'); i >= 0 {
		t = t[:i]
	}
	t = strings.TrimSuffix(strings.TrimSpace(t), "[]")
	switch simpleName(t) {
	case "String", "Integer", "Long", "Short", "Byte", "Boolean", "Character", "Double", "Float", "Number",
		"int", "long", "short", "byte", "boolean", "char", "double", "float", "File", "Path", "URI", "URL",
		"Duration", "Instant", "ZonedDateTime", "LocalDateTime", "TimeUnit", "InetSocketAddress", "InetAddress",
		"Socket", "SocketChannel", "ByteBuffer", "CharSequence", "StringBuilder":
		return true
	}
	return false
}

// javaText is a source's tokens, for following a task's calls by name.
type javaText struct {
	src  []byte
	toks []jtoken
	// decls maps a method name to the token ranges of the bodies of the
	// methods of that name the file declares.
	decls map[string][][2]int
}

func newJavaText(src []byte) *javaText {
	return &javaText{src: src, toks: tokenize(src, 0, len(src))}
}

// callKeywords are words followed by '(' that call nothing.
var callKeywords = map[string]bool{
	"if": true, "for": true, "while": true, "switch": true, "catch": true, "synchronized": true, "return": true,
	"new": true, "throw": true, "super": true, "this": true, "assert": true, "try": true, "do": true, "else": true,
}

// methodBodies indexes the bodies of the methods the text declares: a
// name after a type (a word, '>' or ']'), its parameter list, an optional
// throws clause and a block.
func (j *javaText) methodBodies() map[string][][2]int {
	if j.decls != nil {
		return j.decls
	}
	j.decls = map[string][][2]int{}
	ts := j.toks
	for i := 1; i+1 < len(ts); i++ {
		if ts[i].kind != 'w' || ts[i+1].kind != '(' {
			continue
		}
		prev := ts[i-1]
		if !(prev.kind == 'w' || prev.kind == '>' || prev.kind == ']') {
			continue
		}
		if w := word(j.src, prev); callKeywords[w] || w == "new" || w == "else" {
			continue
		}
		close := matching(ts, i+1)
		if close < 0 {
			continue
		}
		k := close + 1
		if k < len(ts) && word(j.src, ts[k]) == "throws" {
			for k < len(ts) && ts[k].kind != '{' && ts[k].kind != ';' {
				k++
			}
		}
		if k >= len(ts) || ts[k].kind != '{' {
			continue
		}
		end := matching(ts, k)
		if end < 0 {
			continue
		}
		name := word(j.src, ts[i])
		j.decls[name] = append(j.decls[name], [2]int{k, end})
	}
	return j.decls
}

// reaches reports code in src[from:to] that may depend on the context
// loader: a reach word in its text, or in a method of the file it calls
// by a simple name (or this.m(), Outer.this.m()), depth calls deep. A call
// deeper than that counts as reaching.
func (j *javaText) reaches(from, to, depth int, seen map[int]bool) bool {
	if from < 0 || to > len(j.src) || from >= to {
		return true
	}
	if mentionsAny(string(j.src[from:to]), taskReachWords) {
		return true
	}
	bodies := j.methodBodies()
	ts := j.toks
	for i := range ts {
		t := ts[i]
		if t.start < from || t.end > to || t.kind != 'w' || i+1 >= len(ts) || ts[i+1].kind != '(' {
			continue
		}
		if i > 0 && ts[i-1].kind == '.' {
			// Only this.m() and Outer.this.m() are the file's own.
			if i < 2 || word(j.src, ts[i-2]) != "this" {
				continue
			}
		} else if i > 0 && (ts[i-1].kind == 'w' || ts[i-1].kind == '>' && !arrowAt(ts, i-1) || ts[i-1].kind == ']') && !callKeywords[word(j.src, ts[i-1])] {
			continue // a declaration inside the span (an anonymous class's method)
		}
		name := word(j.src, t)
		if callKeywords[name] {
			continue
		}
		for _, b := range bodies[name] {
			if seen[b[0]] || ts[b[0]].start >= from && ts[b[1]].end <= to {
				continue
			}
			if depth == 0 {
				return true
			}
			seen[b[0]] = true
			if j.reaches(ts[b[0]].start, ts[b[1]].end, depth-1, seen) {
				return true
			}
		}
	}
	return false
}

// arrowAt reports the '>' of a lambda's arrow.
func arrowAt(ts []jtoken, i int) bool {
	return ts[i].kind == '>' && i > 0 && ts[i-1].kind == '-' && ts[i-1].end == ts[i].start
}

var classDeclRE = lazyRE(`\b(?:class|enum)\s+([\w$]+)\b`)

// classBody finds the body of the class or enum of that simple name.
func (j *javaText) classBody(simple string) (int, int, bool) {
	for _, m := range classDeclRE.FindAllSubmatchIndex(j.src, -1) {
		if string(j.src[m[2]:m[3]]) != simple {
			continue
		}
		for i, t := range j.toks {
			if t.start < m[1] {
				continue
			}
			if t.kind != '{' {
				if t.kind == ';' {
					break
				}
				continue
			}
			end := matching(j.toks, i)
			if end < 0 {
				return 0, 0, false
			}
			return t.start, j.toks[end].end, true
		}
	}
	return 0, 0, false
}

// classReaches reports a task class whose code may depend on the context
// loader: its body (run, call and whatever it declares) and the methods
// of the file it calls.
func (j *javaText) classReaches(from, to int) bool {
	return j.reaches(from, to, taskDepth, map[int]bool{})
}

// SettleTasks reports whether the task classes of other files a
// tccl-not-propagated finding waits for clear it: one that sets the
// context loader itself and restores it, or, unless only that would do,
// all of them reaching nothing that depends on the loader. source gives a
// top-level class's file text.
func SettleTasks(classes []string, switchOnly bool, source func(string) []byte) bool {
	if source == nil {
		return false
	}
	inert := true
	for _, class := range classes {
		src := source(outerClass(class))
		if src == nil {
			inert = false
			continue
		}
		j := newJavaText(src)
		from, to, ok := j.classBody(simpleName(class))
		if !ok {
			inert = false
			continue
		}
		if switchesItself(string(src[from:to])) {
			return true
		}
		if j.classReaches(from, to) {
			inert = false
		}
	}
	return inert && !switchOnly
}

// reachWords are what a task's text shows when it may load classes or
// resources by name, use ServiceLoader or reflection, or call back into
// code an app supplied (listeners, handlers, callbacks, delegates).
var reachWords = []string{"forName", "loadClass", "getResource", "ServiceLoader", "newInstance", "invoke(", "getBundle",
	"istener", "allback", "andler", ".accept(", ".apply(", ".call(", ".run(", "fire", "Factory"}

func mentionsAny(text string, words []string) bool {
	for _, w := range words {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// word is the text of a word token, "" for any other.
func word(src []byte, t jtoken) string {
	if t.kind != 'w' {
		return ""
	}
	return string(src[t.start:t.end])
}

package rules

import (
	"bytes"
	"sort"
	"strconv"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var tcclNotRestored = register(&Rule{
	ID:     "tccl-not-restored",
	Hazard: "H08b",
	Title:  "Thread context ClassLoader switched without a restore in finally",
	Summary: "Thread.currentThread().setContextClassLoader(x) without setting the previous loader back in a " +
		"finally block leaves x on the thread when the code throws (or always, when there is no restore). Pooled " +
		"threads (servlet, Netty, MQ workers) are shared by the base and modules, so the next app's task runs with " +
		"the wrong loader.",
	Tags: []string{"koupleless", "classloader", "concurrency", "correctness"},
	// Read against the code, 2 of 25 findings were real hazards (see the
	// rule's help): a note until its checks earn more.
	Precision: "low",
	Default:   SeverityLow,
	Severity: map[facts.Role]Severity{
		facts.RoleShared: SeverityLow, facts.RoleBase: SeverityLow,
		facts.RoleModule: SeverityLow, facts.RolePrivate: SeverityLow,
	},
	Keywords: []string{"setContextClassLoader"},
	Calls:    []string{"setContextClassLoader", "newThread"},
	News:     []string{"Thread"},
	Check:    checkTCCLNotRestored,
})

func isCurrentThread(x facts.Expr) bool {
	r := x.Call
	if r == nil && x.Local != nil {
		r = x.Local.Call
	}
	return r != nil && r.Owner == "java.lang.Thread" && r.Name == "currentThread"
}

func checkTCCLNotRestored(p *Pass) {
	calls(p, func(c *facts.Call) {
		if !is(c, "java.lang.Thread", "setContextClassLoader") || len(c.Args) != 1 || !isCurrentThread(c.Recv) {
			return
		}
		if c.InFinally || c.InMain || hasString(c.FinallyCalls, "setContextClassLoader") || ownsThread(p, c) ||
			restoredLater(p, c) || swapHelper(p, c) || closeRestores(p, c) || siblingRestores(p, c) || restoresSavedField(p, c) || callersRestore(p, c) ||
			returnsPrevious(p, c) || restoringMethod(p, c) {
			return
		}
		d := Diagnostic{
			Message: "the thread context ClassLoader is switched here but not restored in a finally block; a pooled thread keeps this loader for the next app's work",
			Span:    c.Span, Context: c.Context,
			// A launcher's start-up thread is no pooled thread: a switch
			// only main reaches sets the loader of the whole process.
			EntrySensitive: !appEntry(p, c.Class),
			// Callers in other files may restore what a helper switches.
			Pending: switcherPending(p, c),
		}
		if fx, ok := restoreFix(p, c); ok {
			d.Fixes = []Fix{fx}
		}
		p.Report(d)
	})
}

// ownsThread reports code that runs on a thread it created: run() of a
// Thread subclass, the body of a new Thread(...) (anonymous subclass or
// Runnable argument), or the Runnable handed to a ThreadFactory's
// newThread (a factory wrapping the pool's task in its own set-up, as
// Executors.privilegedThreadFactory does): the thread lives for that body.
func ownsThread(p *Pass, c *facts.Call) bool {
	for i := range p.File.News {
		nw := &p.File.News[i]
		if nw.Type == "java.lang.Thread" && nw.Span.Start <= c.Span.Start && c.Span.End <= nw.Span.End {
			return true
		}
	}
	for i := range p.File.Calls {
		nt := &p.File.Calls[i]
		if nt.Name == "newThread" && len(nt.Args) == 1 && nt.Args[0].Span.Start <= c.Span.Start && c.Span.End <= nt.Args[0].Span.End {
			return true
		}
	}
	if c.Method != "run" {
		return false
	}
	for i := range p.File.TypeDecls {
		if td := &p.File.TypeDecls[i]; td.Name == c.Class && td.Super == "java.lang.Thread" {
			return true
		}
	}
	return false
}

// returnsPrevious reports a get-and-set helper: its method hands the
// loader it read from the thread before the switch back to its caller
// (ClassLoader ccl = t.getContextClassLoader(); t.setContextClassLoader(l);
// return ccl;), which restores it: JavaMail's GetAndSetContext, a
// PrivilegedAction whose run() returns Object. A method declared to
// return a ClassLoader is swapHelper's.
func returnsPrevious(p *Pass, c *facts.Call) bool {
	m := enclosingMethodDecl(p, c.Span)
	if m == nil || strings.HasSuffix(p.File.Path, ".class") {
		return false
	}
	// Comments blanked: a "return ccl;" in one returns nothing.
	body := javaCode(p.Text(facts.Span{Start: c.Span.End, End: m.Decl.End}))
	for _, sm := range readLocalRE.FindAllStringSubmatch(javaCode(p.Text(facts.Span{Start: m.Decl.Start, End: c.Span.Start})), -1) {
		if hasReturnOf(body, sm[1]) {
			return true
		}
	}
	return false
}

// readLocalRE finds a local declared with the thread's context loader:
// "ClassLoader ccl = current.getContextClassLoader()" (group 1 the name).
var readLocalRE = lazyRE(`\bClassLoader\s+([A-Za-z_$][\w$]*)\s*=\s*[^;=]*getContextClassLoader\s*\(`)

// hasReturnOf reports a "return name;" statement in code.
func hasReturnOf(code, name string) bool {
	for i := 0; ; {
		j := strings.Index(code[i:], "return")
		if j < 0 {
			return false
		}
		j += i + len("return")
		rest := strings.TrimLeft(code[j:], " \t\r\n")
		if after, ok := strings.CutPrefix(rest, name); ok && strings.HasPrefix(strings.TrimLeft(after, " \t\r\n"), ";") &&
			(j == len(code) || code[j] == ' ' || code[j] == '\t' || code[j] == '\n' || code[j] == '\r') {
			return true
		}
		i = j
	}
}

// restoringMethod reports a switch inside the closing half of a scope
// (scopeClosers) to a loader kept before (a field of the state entering
// saved, a name): sisc's Context.exit sets back the loader its enter
// pushed. A loader the closing half finds itself (a class's own, a new
// one) is no restore.
func restoringMethod(p *Pass, c *facts.Call) bool {
	arg := c.Args[0]
	return scopeClosers[c.Method] && arg.Kind == facts.ExprName && arg.Call == nil
}

// restoredLater reports a restore in a finally block later in the same
// method: "if (override) { set(x); } try { .. } finally { if (override)
// set(old); }" guards the switch although the try does not follow it.
func restoredLater(p *Pass, c *facts.Call) bool {
	m := enclosingMethodDecl(p, c.Span)
	for i := range p.File.Calls {
		r := &p.File.Calls[i]
		if r.InFinally && r.Name == "setContextClassLoader" && r.Span.Start > c.Span.End &&
			(m == nil || r.Span.End <= m.Decl.End) && r.Class == c.Class && r.Method == c.Method {
			return true
		}
	}
	return false
}

// closeRestores reports a switch whose class sets the loader back in its
// close() (or another scopeClosers method): a scope object used with
// try-with-resources (jetty's ThreadClassLoaderScope).
func closeRestores(p *Pass, c *facts.Call) bool {
	for i := range p.File.Calls {
		r := &p.File.Calls[i]
		if r != c && r.Name == "setContextClassLoader" && r.Class == c.Class && scopeClosers[r.Method] {
			return true
		}
	}
	return false
}

// scopeClosers are the methods that end a scope and set back what it
// switched (closeRestores, restoringMethod).
var scopeClosers = map[string]bool{"close": true, "stop": true, "exit": true, "restore": true, "reset": true, "leave": true}

// restoreName matches variables that hold the loader to go back to.
var restoreName = lazyRE(`(?i)(old|orig|previous|prev|saved|former)`)

// swapHelper reports the halves of a split switch whose caller restores:
// a method that returns the previous loader (bind), one that sets a loader
// its caller passes (unbind, override(cl)), or a call setting back a
// saved loader (afterDelivery: setContextClassLoader(previous)).
func swapHelper(p *Pass, c *facts.Call) bool {
	arg := c.Args[0]
	if restoreName.MatchString(arg.Text) {
		return true
	}
	// Setting back a loader read from the thread earlier is the restore.
	if l := arg.Local; l != nil && l.Call != nil && l.Call.Name == "getContextClassLoader" {
		return true
	}
	m := enclosingMethodDecl(p, c.Span)
	if m == nil {
		return false
	}
	if arg.Kind == facts.ExprName && arg.Local == nil && capturedParam(p, c.Span, strings.TrimSpace(arg.Text)) {
		return true
	}
	if strings.HasSuffix(p.File.Path, ".class") {
		// Compiled code: no text, but the descriptor's result and the
		// parameters' slots say the same.
		return m.Returns == "ClassLoader" || arg.Kind == facts.ExprName && arg.Local == nil && compiledParam(m, strings.TrimSpace(arg.Text))
	}
	head := p.Text(facts.Span{Start: m.Decl.Start, End: m.Span.Start})
	return hasIdent(head, "ClassLoader")
}

// capturedParam reports a name that is a parameter of the method around
// at, or of a method enclosing it: the loader a caller passes, also when
// the helper sets it from the run() of a PrivilegedAction it builds
// around it (setLoader(final ClassLoader cl) { doPrivileged(new
// PrivilegedAction<Void>() { run() { tccl.set(cl); } }); }).
func capturedParam(p *Pass, at facts.Span, name string) bool {
	for i := range p.File.Methods {
		m := &p.File.Methods[i]
		if m.Decl.Start <= at.Start && at.End <= m.Decl.End && hasString(paramNames(m.Params), name) {
			return true
		}
	}
	return false
}

// hasIdent reports whether s contains name as a whole identifier.
func hasIdent(s, name string) bool {
	isID := func(b byte) bool {
		return b == '_' || b == '$' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
	}
	for i := 0; ; {
		j := strings.Index(s[i:], name)
		if j < 0 {
			return false
		}
		j += i
		k := j + len(name)
		if (j == 0 || !isID(s[j-1])) && (k == len(s) || !isID(s[k])) {
			return true
		}
		i = j + 1
	}
}

// restoreFix makes a context ClassLoader switch temporary without changing
// what runs under which loader on the normal path. Two shapes qualify:
//
//   - The block already sets a saved loader back later, outside finally
//     (save; switch; work; restore): the code between the switch and the
//     restore goes into try, the restore into finally.
//   - Otherwise the code from the switch to the end of its block is the
//     code that uses the loader, so it is wrapped in try/finally restoring
//     the loader saved just before the switch. That is only offered where
//     nothing of the method runs after the block (else it would run with
//     the old loader), outside loops, where the block does more after the
//     switch than log or return (a switch followed by a log line is there
//     for the code after the block), and where the switch is not meant to
//     outlive the method: constructors and initialisers, set-up methods
//     (setUp, init, @Before, @PostConstruct), a switch to "this", and
//     methods that keep the previous loader in a field for another method
//     to restore.
//
// The switch must be a statement of its own line and the edited lines
// whole lines; the wrapped lines are indented one step of the file's
// indentation.
func restoreFix(p *Pass, c *facts.Call) (Fix, bool) {
	src := p.Src
	m := enclosingMethodDecl(p, c.Span)
	if m == nil || c.Recv.Text == "" {
		return Fix{}, false
	}
	toks := tokenize(src, m.Decl.Start, m.Decl.End)
	si, semi := -1, -1
	for i, t := range toks {
		if si < 0 && t.start == c.Span.Start {
			si = i
		}
		if t.start >= c.Span.End {
			if t.kind == ';' {
				semi = i
			}
			break
		}
	}
	if si <= 0 || semi < 0 || !statementStart(toks, si) {
		return Fix{}, false
	}
	sw, ok := ownLine(src, c.Span.Start, toks[semi].end)
	if !ok {
		return Fix{}, false
	}
	// The block the switch is a statement of.
	var stack []int
	for i := 0; i < si; i++ {
		switch toks[i].kind {
		case '{':
			stack = append(stack, i)
		case '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if len(stack) == 0 {
		return Fix{}, false
	}
	open := stack[len(stack)-1]
	close := matching(toks, open)
	if close < 0 || switchBody(src, toks, open) {
		return Fix{}, false
	}
	if restoresSavedField(p, c) {
		return Fix{}, false // the other half of a switch kept in a field
	}
	e := &lineEdits{src: src, ins: map[int]string{}}
	unit := indentUnit(src)
	recv := c.Recv.Text
	ind, nl := sw.indent, sw.nl
	// "try {" and "} finally {", or each brace on its own line where the
	// file writes them so.
	tryOpen, finallyOpen := ind+"try {"+nl, ind+"} finally {"+nl
	if ownLineBraces(src) {
		tryOpen, finallyOpen = ind+"try"+nl+ind+"{"+nl, ind+"}"+nl+ind+"finally"+nl+ind+"{"+nl
	}
	if ri, rsemi, ok := laterRestore(p, toks, c, semi, open, close); ok {
		r, ok := ownLine(src, toks[ri].start, toks[rsemi].end)
		if !ok || ri == semi+1 || hasTextBlock(toks[semi+1:ri]) || usedAfter(src, toks, semi+1, ri, rsemi+1) {
			return Fix{}, false
		}
		e.add(sw.next, tryOpen)
		e.indent(sw.next, r.start, unit)
		e.add(r.start, finallyOpen+unit)
		e.add(r.next, ind+"}"+nl)
		return Fix{Description: "Restore the saved context ClassLoader in a finally block", Edits: e.edits()}, true
	}
	braceLine := lineStart(src, toks[close].start)
	if close == semi+1 || strings.TrimSpace(string(src[braceLine:toks[close].start])) != "" ||
		c.InLoop || !onlyClosersAfter(src, toks, close) || hasTextBlock(toks[semi+1:close]) ||
		onlyTrivial(src, toks[semi+1:close]) || meantToLast(p, m, c) {
		return Fix{}, false
	}
	saved := freeName(src, toks, "previousContextLoader")
	e.add(sw.start, ind+typeName(p.File, "java.lang.ClassLoader")+" "+saved+" = "+recv+".getContextClassLoader();"+nl)
	e.add(sw.next, tryOpen)
	e.indent(sw.next, braceLine, unit)
	e.add(braceLine, finallyOpen+ind+unit+recv+".setContextClassLoader("+saved+");"+nl+ind+"}"+nl)
	return Fix{Description: "Restore the previous context ClassLoader in a finally block", Edits: e.edits()}, true
}

// stmtLines is a statement that fills its lines: start is where its first line
// begins, next where the line after its last begins.
type stmtLines struct {
	start, next int
	indent, nl  string
}

// ownLine reports whether src[from:to] stands alone on its lines: only
// indentation before it, at most a line comment after it.
func ownLine(src []byte, from, to int) (stmtLines, bool) {
	ls := lineStart(src, from)
	ind := string(src[ls:from])
	if strings.Trim(ind, " \t") != "" {
		return stmtLines{}, false
	}
	eol := to
	for eol < len(src) && src[eol] != '\n' {
		eol++
	}
	if eol >= len(src) {
		return stmtLines{}, false
	}
	rest := strings.TrimSpace(string(src[to:eol]))
	if rest != "" && !strings.HasPrefix(rest, "//") {
		return stmtLines{}, false
	}
	nl := "\n"
	if eol > 0 && src[eol-1] == '\r' {
		nl = "\r\n"
	}
	return stmtLines{start: ls, next: eol + 1, indent: ind, nl: nl}, true
}

func lineStart(src []byte, at int) int {
	for at > 0 && src[at-1] != '\n' {
		at--
	}
	return at
}

// statementStart reports whether the token at i begins a statement of a
// block: after a ';', '{' or '}', not the body of an if, else, loop or
// label, where an added declaration would change the statement's meaning.
func statementStart(toks []jtoken, i int) bool {
	switch toks[i-1].kind {
	case ';', '{', '}':
		return true
	}
	return false
}

// switchBody reports a block that is the body of a switch statement,
// whose case labels cannot move into a try.
func switchBody(src []byte, toks []jtoken, open int) bool {
	if open == 0 || toks[open-1].kind != ')' {
		return false
	}
	depth := 0
	for j := open - 1; j >= 0; j-- {
		switch toks[j].kind {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				return j > 0 && word(src, toks[j-1]) == "switch"
			}
		}
	}
	return false
}

// laterRestore finds the first statement of the switch's block, after it,
// that sets back a loader read before the switch
// (Thread.currentThread().setContextClassLoader(old)), and returns its
// first token and its ';'.
func laterRestore(p *Pass, toks []jtoken, c *facts.Call, semi, open, close int) (int, int, bool) {
	byStart := map[int]int{}
	depth := 0
	for i := semi + 1; i < close; i++ {
		switch toks[i].kind {
		case '{':
			depth++
		case '}':
			depth--
		}
		if depth == 0 {
			byStart[toks[i].start] = i
		}
	}
	best, bestSemi := -1, -1
	for k := range p.File.Calls {
		r := &p.File.Calls[k]
		if !is(r, "java.lang.Thread", "setContextClassLoader") || len(r.Args) != 1 || !isCurrentThread(r.Recv) {
			continue
		}
		ri, ok := byStart[r.Span.Start]
		if !ok || best >= 0 && ri > best || !statementStart(toks, ri) {
			continue
		}
		a := r.Args[0].Local
		if a == nil || a.Call == nil || a.Call.Name != "getContextClassLoader" || a.Span.End > c.Span.Start {
			continue
		}
		rs := ri
		for rs < close && toks[rs].start < r.Span.End {
			rs++
		}
		if rs < close && toks[rs].kind == ';' {
			best, bestSemi = ri, rs
		}
	}
	return best, bestSemi, best >= 0
}

// onlyClosersAfter reports whether nothing but closing braces and the
// else branches of enclosing ifs stand between the block closed at
// toks[close] and the end of the method: nothing of the method runs after
// the block on the normal path.
func onlyClosersAfter(src []byte, toks []jtoken, close int) bool {
	last := len(toks) - 1
	if toks[last].kind != '}' || last < close {
		return false
	}
	for i := close + 1; i < last; {
		switch {
		case toks[i].kind == '}':
			i++
		case word(src, toks[i]) == "else":
			i = skipStatement(src, toks, i+1, last)
			if i < 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// skipStatement returns the index after the statement starting at i (a
// block, an if with its else chain, or a simple statement), -1 when it
// does not end before limit.
func skipStatement(src []byte, toks []jtoken, i, limit int) int {
	if i >= limit {
		return -1
	}
	switch {
	case toks[i].kind == '{':
		j := matching(toks, i)
		if j < 0 || j >= limit {
			return -1
		}
		return j + 1
	case word(src, toks[i]) == "if":
		if i+1 >= limit || toks[i+1].kind != '(' {
			return -1
		}
		j := matching(toks, i+1)
		if j < 0 || j >= limit {
			return -1
		}
		j = skipStatement(src, toks, j+1, limit)
		if j > 0 && j < limit && word(src, toks[j]) == "else" {
			return skipStatement(src, toks, j+1, limit)
		}
		return j
	}
	depth := 0
	for j := i; j < limit; j++ {
		switch toks[j].kind {
		case '(', '{', '[':
			depth++
		case ')', '}', ']':
			depth--
		case ';':
			if depth == 0 {
				return j + 1
			}
		}
		if depth < 0 {
			return -1
		}
	}
	return -1
}

func hasTextBlock(toks []jtoken) bool {
	for _, t := range toks {
		if t.textBlock {
			return true
		}
	}
	return false
}

// trivialStmtRE matches statements that do not use the context loader:
// logging (optionally behind an isXEnabled() check), printing, returning
// or assigning a name or literal.
var trivialStmtRE = lazyRE(`^(?:` +
	`(?:if\((?:[\w$]+(?:\(\))?\.)*is\w*Enabled\(\)\))?(?:this\.)?(?:[\w$]+\.)*(?i:log|logger|getlog\(\)|getlogger\(\))\.(?:trace|debug|info|warn|warning|error|fatal|fine|finer|finest|severe|config|log)\(.*` +
	`|System\.(?:out|err)\.print(?:ln|f)?\(.*` +
	`|return(?:[\w$.]+|"[^"]*")?` +
	`|(?:this\.)?[\w$]+=(?:[\w$.]+|"[^"]*")` +
	`)$`)

// onlyTrivial reports whether the statements toks holds (a run of whole
// statements) do nothing that could use the loader: no block, only
// statements trivialStmtRE matches.
func onlyTrivial(src []byte, toks []jtoken) bool {
	var stmt strings.Builder
	for _, t := range toks {
		switch t.kind {
		case '{':
			return false
		case ';':
			if !trivialStmtRE.MatchString(stmt.String()) {
				return false
			}
			stmt.Reset()
		default:
			stmt.Write(src[t.start:t.end])
		}
	}
	return stmt.Len() == 0
}

// setupNameRE matches methods whose effects are meant to outlast them:
// JUnit set-up, init, configure.
var setupNameRE = lazyRE(`^(?:setUp|setup|before|init|initiali[sz]e|configure)(?:[A-Z_\d].*)?$`)

// meantToLast reports switches made for the code that runs after the
// method: in constructors and initialisers, set-up methods, a switch to
// the object itself, and methods that keep the previous loader in a field
// so that another method restores it.
func meantToLast(p *Pass, m *facts.MethodDecl, c *facts.Call) bool {
	if m.Name == "<init>" || c.Method == "<init>" || c.Method == "<clinit>" || c.InStaticInit || setupNameRE.MatchString(m.Name) {
		return true
	}
	for _, a := range m.Annotations {
		for _, s := range []string{"Before", "BeforeEach", "BeforeAll", "BeforeClass", "PostConstruct"} {
			if annotationIs(a, s) {
				return true
			}
		}
	}
	if strings.TrimSpace(c.Args[0].Text) == "this" {
		return true
	}
	body := p.Text(m.Decl)
	for _, sm := range savedToFieldRE.FindAllStringSubmatch(body, -1) {
		if sm[1] != "" || isField(p, m.Class, sm[2]) {
			return true
		}
	}
	return false
}

// savedToFieldRE finds "name = ...getContextClassLoader()" assignments
// that are not declarations; group 1 is "this." when written.
var savedToFieldRE = lazyRE(`(?:^|[;{}]\s*)(this\s*\.\s*)?([A-Za-z_$][\w$]*)\s*=\s*[^;=]*getContextClassLoader\s*\(`)

// restoresSavedField reports a switch to a field that the class fills
// with the context loader it finds (parent = currentThread().
// getContextClassLoader() in setUp, set back in tearDown): it is the restore.
func restoresSavedField(p *Pass, c *facts.Call) bool {
	arg := strings.Join(strings.Fields(c.Args[0].Text), "")
	arg = strings.TrimPrefix(arg, "this.")
	if !isField(p, c.Class, arg) {
		return false
	}
	for _, sm := range savedToFieldRE.FindAllSubmatch(p.Src, -1) {
		if string(sm[2]) == arg {
			return true
		}
	}
	return false
}

// ownLineBraces reports a file that mostly opens blocks with a brace on a
// line of its own.
func ownLineBraces(src []byte) bool {
	own, trailing := 0, 0
	for _, l := range strings.Split(string(src), "\n") {
		t := strings.TrimSpace(l)
		switch {
		case t == "{":
			own++
		case strings.HasSuffix(t, "{") && !strings.HasPrefix(t, "//") && !strings.HasPrefix(t, "*"):
			trailing++
		}
	}
	return own > trailing
}

func isField(p *Pass, class, name string) bool {
	for _, f := range p.File.Fields {
		if f.Name == name && f.Class == class {
			return true
		}
	}
	return false
}

// usedAfter reports whether a local declared by a statement of
// toks[from:to] (at the block's own level) is named in toks[after:]:
// moving the declaration into a try would hide it there.
func usedAfter(src []byte, toks []jtoken, from, to, after int) bool {
	names := map[string]bool{}
	depth := 0
	start := true
	for i := from; i < to; i++ {
		if depth == 0 && start {
			if n := declaredName(src, toks[i:to]); n != "" {
				names[n] = true
			}
		}
		start = false
		switch toks[i].kind {
		case '(', '{', '[':
			depth++
		case ')', ']':
			depth--
		case '}':
			depth--
			start = depth == 0
		case ';':
			start = depth == 0
		case ',':
			// int a = 1, b = 2: the later declarators.
			if depth == 0 && i+2 < to && toks[i+1].kind == 'w' && (toks[i+2].kind == '=' || toks[i+2].kind == ',' || toks[i+2].kind == ';') {
				names[word(src, toks[i+1])] = true
			}
		}
	}
	for _, t := range toks[after:] {
		if names[word(src, t)] {
			return true
		}
	}
	return false
}

// javaKeywords may begin a statement but never a local declaration's type.
var javaKeywords = map[string]bool{
	"return": true, "throw": true, "new": true, "if": true, "else": true, "for": true, "while": true, "do": true,
	"try": true, "catch": true, "finally": true, "switch": true, "case": true, "default": true, "break": true,
	"continue": true, "synchronized": true, "assert": true, "yield": true, "this": true, "super": true,
}

// declaredName is the variable a local declaration at the start of toks
// declares ("final Map<K, V> name = ..."), "" when toks starts none.
func declaredName(src []byte, toks []jtoken) string {
	i := 0
	for i < len(toks) {
		switch {
		case word(src, toks[i]) == "final":
			i++
		case toks[i].kind == '@' && i+1 < len(toks) && toks[i+1].kind == 'w':
			i += 2
			for i+1 < len(toks) && toks[i].kind == '.' && toks[i+1].kind == 'w' {
				i += 2
			}
			if i < len(toks) && toks[i].kind == '(' {
				j := matching(toks, i)
				if j < 0 {
					return ""
				}
				i = j + 1
			}
		default:
			goto typ
		}
	}
typ:
	if i >= len(toks) || toks[i].kind != 'w' || javaKeywords[word(src, toks[i])] {
		return ""
	}
	i++
	for i+1 < len(toks) && toks[i].kind == '.' && toks[i+1].kind == 'w' {
		i += 2
	}
	if i < len(toks) && toks[i].kind == '<' {
		depth := 0
		for ; i < len(toks); i++ {
			if toks[i].kind == '<' {
				depth++
			} else if toks[i].kind == '>' {
				depth--
				if depth == 0 {
					i++
					break
				}
			} else if toks[i].kind == ';' || toks[i].kind == '=' {
				return ""
			}
		}
	}
	for i+1 < len(toks) && toks[i].kind == '[' && toks[i+1].kind == ']' {
		i += 2
	}
	if i+1 < len(toks) && toks[i].kind == 'w' {
		switch toks[i+1].kind {
		case '=', ';', ',', '[', ':':
			return word(src, toks[i])
		}
	}
	return ""
}

// freeName is base, or base with a number, such that the method does not
// use the name already (a local there, or a field it names, would clash
// or be shadowed).
func freeName(src []byte, toks []jtoken, base string) string {
	used := map[string]bool{}
	for _, t := range toks {
		if t.kind == 'w' {
			used[string(src[t.start:t.end])] = true
		}
	}
	name := base
	for n := 2; used[name]; n++ {
		name = base + strconv.Itoa(n)
	}
	return name
}

// lineEdits collects insertions at line starts, several at one offset
// joined in the order added, so no two edits of a fix share an offset.
type lineEdits struct {
	src []byte
	ins map[int]string
}

func (e *lineEdits) add(at int, text string) { e.ins[at] += text }

// indent adds one unit of indentation to every line that starts in
// [from, to) and is not blank.
func (e *lineEdits) indent(from, to int, unit string) {
	for at := from; at < to; {
		end := at
		for end < len(e.src) && e.src[end] != '\n' {
			end++
		}
		if strings.TrimSpace(string(e.src[at:end])) != "" {
			e.add(at, unit)
		}
		at = end + 1
	}
}

func (e *lineEdits) edits() []Edit {
	var out []Edit
	for at, text := range e.ins {
		out = append(out, Edit{Span: facts.Span{Start: at, End: at}, New: text})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

// siblingRestores reports the first half of a switch split over two
// methods of one object: the method keeps the previous loader in a field
// (previous = t.getContextClassLoader()) and another method of the class
// sets that field back (JCA's beforeDelivery and afterDelivery, a scope's
// enter and leave). The object's contract pairs the two calls.
func siblingRestores(p *Pass, c *facts.Call) bool {
	m := enclosingMethodDecl(p, c.Span)
	if m == nil {
		return false
	}
	var fields []string
	for _, sm := range savedToFieldRE.FindAllStringSubmatch(p.Text(m.Decl), -1) {
		if sm[1] != "" || isField(p, m.Class, sm[2]) {
			fields = append(fields, sm[2])
		}
	}
	for i := range p.File.Calls {
		// Compiled code: the read's value stored to a field.
		if r := &p.File.Calls[i]; r.Name == "getContextClassLoader" && r.StoredToField && r.Method == c.Method && r.Class == c.Class {
			fields = append(fields, r.StoredTo)
		}
	}
	for _, field := range fields {
		for i := range p.File.Calls {
			r := &p.File.Calls[i]
			if r == c || r.Name != "setContextClassLoader" || len(r.Args) != 1 || !sameNest(r.Class, c.Class) ||
				r.Method == c.Method && within(r.Span.Start, m.Decl) {
				continue
			}
			arg := strings.TrimPrefix(strings.Join(strings.Fields(r.Args[0].Text), ""), "this.")
			if arg == field {
				return true
			}
		}
	}
	return false
}

// callersRestore reports a private switch helper whose every caller in
// the file saves the context loader before the call and sets it back in a
// finally block after it (ClassLoader old = tccl(); useOwnLoader(); try
// { .. } finally { restore }): the caller's try is the guard.
func callersRestore(p *Pass, c *facts.Call) bool {
	m := enclosingMethodDecl(p, c.Span)
	if m == nil || m.Name == "<init>" || !privateDecl(p, m) {
		return false
	}
	name := []byte(m.Name)
	callers := 0
	for at := nextWord(p.Src, name, 0); at >= 0; at = nextWord(p.Src, name, at+len(name)) {
		if within(at, m.Decl) {
			continue // its own declaration, or recursion
		}
		rest := bytes.TrimLeft(p.Src[at+len(name):], " \t\r\n")
		if len(rest) == 0 || rest[0] != '(' {
			continue // a field or a word of a comment
		}
		caller := enclosingMethodDecl(p, facts.Span{Start: at, End: at + len(name)})
		if caller == nil || !restoresAfter(p, caller, at) {
			return false
		}
		callers++
	}
	return callers > 0
}

// restoresAfter reports a method that reads the context loader before
// offset at and sets a loader back in a finally block after it.
func restoresAfter(p *Pass, m *facts.MethodDecl, at int) bool {
	saved, restored := false, false
	for i := range p.File.Calls {
		r := &p.File.Calls[i]
		if !within(r.Span.Start, m.Decl) {
			continue
		}
		switch {
		case r.Name == "getContextClassLoader" && r.Span.End <= at:
			saved = true
		case r.Name == "setContextClassLoader" && r.InFinally && r.Span.Start > at:
			restored = true
		}
	}
	return saved && restored
}

// nextWord finds the next whole-word occurrence of w in src from offset
// from, -1 when there is none.
func nextWord(src, w []byte, from int) int {
	isID := func(b byte) bool {
		return b == '_' || b == '$' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
	}
	for from < len(src) {
		j := bytes.Index(src[from:], w)
		if j < 0 {
			return -1
		}
		j += from
		k := j + len(w)
		if (j == 0 || !isID(src[j-1])) && (k == len(src) || !isID(src[k])) {
			return j
		}
		from = j + 1
	}
	return -1
}

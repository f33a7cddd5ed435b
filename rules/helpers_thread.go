package rules

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// Helpers of thread-leak that read what a started thread runs: the task's
// text (its run(), lambda or method reference, with the methods of the
// same type it calls) and the loops in it. A thread leaks only when its
// task does not end by itself: it loops forever, or on a flag or sentinel
// that nothing of its owner's end (stop, close, testEnded, ...) sets.

// threadTask is what a started thread runs, as far as the file shows it.
type threadTask struct {
	code    string // the task's text and that of the methods it calls, code only
	classes []string
}

var (
	newExprRE   = lazyRE(`^\s*new\s+([\w.$]+)\s*(?:<[^()]*>)?\s*\(`)
	methodRefRE = lazyRE(`^\s*([\w.$]+)\s*::\s*(\w+)\s*$`)
	lambdaRE    = lazyRE(`^\s*(?:\([^()]*\)|\w+)\s*->`)
	taskIdentRE = lazyRE(`^\s*(?:this\s*\.\s*)?(\w+)\s*$`)
)

// taskOfStart resolves the task of the thread a start() call starts:
// ok is false when the file does not show it (a thread handed in, made by
// a factory, compiled code), and the rule then judges as before.
func taskOfStart(p *Pass, c *facts.Call) (threadTask, bool) {
	r := taskResolver{p: p, class: c.Class, method: enclosingMethodDecl(p, c.Span)}
	switch c.Recv.Kind {
	case facts.ExprNew:
		r.creation(c.Recv.Text, 0)
	case facts.ExprName:
		name := strings.TrimPrefix(strings.Join(strings.Fields(c.Recv.Text), ""), "this.")
		if !isIdentName(name) {
			return threadTask{}, false
		}
		// The creations the method (a local) or the type (a field) assigns
		// to the name; read from the text, as the facts keep only some.
		scope := javaCode(nestText(p, c.Class))
		if r.method != nil {
			if m := javaCode(p.Text(r.method.Decl)); declaredLocal(m, name) {
				scope = m
			}
		}
		found := false
		for _, v := range assignedValues(scope, name) {
			if v == "null" {
				continue
			}
			found = true
			r.creation(v, 0)
		}
		if !found {
			return threadTask{}, false
		}
	default:
		if c.Recv.Text != "" {
			return threadTask{}, false
		}
		// start() of a Thread subclass on itself.
		r.runOf(c.Class)
	}
	if r.failed || len(r.parts) == 0 {
		return threadTask{}, false
	}
	r.expand()
	return threadTask{code: strings.Join(r.parts, "\n"), classes: r.classes}, true
}

type taskResolver struct {
	p      *Pass
	class  string
	method *facts.MethodDecl
	parts  []string
	seen   map[string]bool // methods included, by class and name
	// classes are the types whose methods the task runs.
	classes []string
	failed  bool
}

// typeDecl finds a class declared in the file by its simple or binary name.
// Two top-level types of a file may each declare a Worker: the one in the
// nest of the class that starts the thread is the one meant.
func (r *taskResolver) typeDecl(name string) *facts.TypeDecl {
	name = strings.TrimPrefix(name, "java.lang.")
	var first *facts.TypeDecl
	for i := range r.p.File.TypeDecls {
		td := &r.p.File.TypeDecls[i]
		if td.Name == name || strings.HasSuffix(td.Name, "."+name) || strings.HasSuffix(td.Name, "$"+name) {
			if sameNest(td.Name, r.class) {
				return td
			}
			if first == nil {
				first = td
			}
		}
	}
	return first
}

// include adds the bodies of the methods named name of class's nest
// (all overloads) and reports whether there was one.
func (r *taskResolver) include(class, name string) bool {
	if r.seen == nil {
		r.seen = map[string]bool{}
	}
	key := outerClass(class) + "#" + name
	if r.seen[key] {
		return true
	}
	found := false
	for i := range r.p.File.Methods {
		m := &r.p.File.Methods[i]
		if m.Name == name && sameNest(m.Class, class) {
			if t := javaCode(r.p.Text(m.Decl)); strings.TrimSpace(t) != "" {
				r.parts = append(r.parts, t)
				found = true
			}
		}
	}
	if found {
		r.seen[key] = true
		r.classes = append(r.classes, class)
	}
	return found
}

// runOf adds the run() of class, failing when the file does not declare it.
func (r *taskResolver) runOf(class string) {
	for i := range r.p.File.Methods {
		m := &r.p.File.Methods[i]
		if m.Class == class && m.Name == "run" && strings.TrimSpace(strings.Trim(m.Params, "()")) == "" {
			if t := javaCode(r.p.Text(m.Decl)); strings.TrimSpace(t) != "" {
				r.parts = append(r.parts, t)
				r.classes = append(r.classes, class)
				return
			}
		}
	}
	r.failed = true
}

// creation reads "new T(args) { body }": an anonymous body is the task; a
// Thread subclass or Runnable declared in the file runs its run(); a
// thread's Runnable argument is resolved in turn.
func (r *taskResolver) creation(text string, depth int) {
	if depth > 3 {
		r.failed = true
		return
	}
	code := javaCode(text)
	m := newExprRE.FindStringSubmatchIndex(code)
	if m == nil {
		r.madeByCall(code, depth)
		return
	}
	typ := code[m[2]:m[3]]
	open := m[1] - 1
	close := matchClose(code, open)
	if close < 0 {
		r.failed = true
		return
	}
	if b := skipSpace(code, close+1); b < len(code) && code[b] == '{' {
		if e := matchClose(code, b); e > 0 {
			r.parts = append(r.parts, code[b:e+1])
			r.classes = append(r.classes, r.class)
			return
		}
	}
	if td := r.typeDecl(typ); td != nil && simpleName(typ) != "Thread" {
		r.runOf(td.Name)
		return
	}
	r.arguments(code[open+1:close], depth)
}

// arguments resolves the task among a call's arguments (args, without
// the parentheses); it fails when none of them is one.
func (r *taskResolver) arguments(args string, depth int) {
	resolved := false
	for _, a := range splitTopLevel(args, ',', true) {
		if r.argument(a, depth) {
			resolved = true
		}
	}
	if !resolved {
		r.failed = true
	}
}

// callExprRE is a call that makes the thread: a factory, a reflective
// constructor (ctor.newInstance(group, task, name, ...)).
var callExprRE = lazyRE(`^\s*[\w.$]+\s*\(`)

// madeByCall resolves a thread a call makes from the task it is handed:
// the arguments the file shows to be a Runnable; it fails when none is.
func (r *taskResolver) madeByCall(code string, depth int) {
	m := callExprRE.FindStringIndex(code)
	if m == nil {
		r.failed = true
		return
	}
	open := m[1] - 1
	close := matchClose(code, open)
	if close < 0 || strings.TrimSpace(code[close+1:]) != "" {
		r.failed = true
		return
	}
	r.arguments(code[open+1:close], depth)
}

// argument resolves one constructor argument that may be the Runnable;
// false when it is not one the file shows.
func (r *taskResolver) argument(a string, depth int) bool {
	a = strings.TrimSpace(a)
	switch {
	case a == "":
		return false
	case lambdaRE.MatchString(a):
		r.parts = append(r.parts, a)
		r.classes = append(r.classes, r.class)
		return true
	case methodRefRE.MatchString(a):
		m := methodRefRE.FindStringSubmatch(a)
		owner := r.class
		if m[1] != "this" && m[1] != "super" {
			if td := r.typeDecl(m[1]); td != nil {
				owner = td.Name
			}
		}
		return r.include(owner, m[2])
	case a == "this":
		before := len(r.parts)
		r.runOf(r.class)
		return len(r.parts) > before
	case strings.HasPrefix(a, "new"):
		before := len(r.parts)
		sub := taskResolver{p: r.p, class: r.class, method: r.method, seen: r.seen}
		sub.creation(a, depth+1)
		if sub.failed {
			return false
		}
		r.parts = append(r.parts, sub.parts...)
		r.classes = append(r.classes, sub.classes...)
		return len(r.parts) > before
	}
	m := taskIdentRE.FindStringSubmatch(a)
	if m == nil {
		return false
	}
	// A variable or field given the task earlier: "Runnable task = () -> ...".
	scope := ""
	if r.method != nil {
		scope = javaCode(r.p.Text(r.method.Decl))
	}
	for _, s := range []string{scope, javaCode(nestText(r.p, r.class))} {
		for _, v := range assignedValues(s, m[1]) {
			if v == a || strings.TrimSpace(v) == "this" && depth > 0 {
				continue
			}
			if r.argument(v, depth+1) {
				return true
			}
		}
	}
	return false
}

// assignedValues are the expressions code assigns to name.
func assignedValues(code, name string) []string {
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\s*=[^=]`)
	var out []string
	for _, m := range re.FindAllStringIndex(code, -1) {
		start := m[1] - 1
		end := statementEnd(code, start)
		out = append(out, strings.TrimSuffix(strings.TrimSpace(code[start:end]), ";"))
	}
	return out
}

var callNameRE = lazyRE(`\b(\w+)\s*\(`)

// unqualifiedCalls are the names of the methods code calls without a
// receiver or on this (not declared: "void run(" follows a type).
func unqualifiedCalls(code string) []string {
	var out []string
	for _, m := range callNameRE.FindAllStringSubmatchIndex(code, -1) {
		name := code[m[2]:m[3]]
		if taskKeywords[name] {
			continue
		}
		j := m[2] - 1
		for j >= 0 && (code[j] == ' ' || code[j] == '\t' || code[j] == '\n' || code[j] == '\r') {
			j--
		}
		if j >= 0 && code[j] == '.' {
			k := j - 1
			for k >= 0 && (code[k] == ' ' || code[k] == '\n') {
				k--
			}
			if k < 3 || code[k-3:k+1] != "this" || k >= 4 && isIdent(code[k-4]) {
				continue
			}
		} else if j >= 0 && (isIdent(code[j]) || code[j] == '>' || code[j] == ']') {
			k := j
			for k >= 0 && isIdent(code[k]) {
				k--
			}
			if prev := code[k+1 : j+1]; prev != "return" && prev != "else" && prev != "throw" {
				continue // a declaration, or new T(
			}
		}
		out = append(out, name)
	}
	return out
}

// expand adds the methods of the task's classes that the task calls
// without a receiver (or on this), a few calls deep.
func (r *taskResolver) expand() {
	done := 0
	for depth := 0; depth < 3 && done < len(r.parts); depth++ {
		end := len(r.parts)
		for _, part := range r.parts[done:end] {
			for _, name := range unqualifiedCalls(part) {
				for _, cl := range append([]string{r.class}, r.classes...) {
					if r.include(cl, name) {
						break
					}
				}
			}
		}
		done = end
	}
}

var taskKeywords = map[string]bool{
	"if": true, "while": true, "for": true, "switch": true, "catch": true, "synchronized": true, "return": true,
	"new": true, "super": true, "this": true, "try": true, "do": true, "else": true, "throw": true,
	"null": true, "true": true, "false": true, "instanceof": true, "final": true, "break": true, "continue": true,
	"case": true, "default": true, "assert": true, "int": true, "long": true, "boolean": true, "byte": true,
	"char": true, "short": true, "double": true, "float": true, "void": true, "var": true, "class": true,
}

var (
	taskWordRE = lazyRE(`[A-Za-z_$][\w$]*`)
	// readLoopRE is a loop on what a read returns: "(line = in.readLine())
	// != null", "(n = in.read(buf)) > 0": it ends with its input.
	readLoopRE = lazyRE(`\(\s*\w+\s*=\s*[^;]*\)\s*(?:!=\s*null|!=\s*-\s*1|>=?\s*0|!=\s*\w+)`)
	// eofExitRE is an exit from a loop at the end of its input or of a
	// drained queue: if (n < 0) break; if (x == null) return; if (c == -1)
	// throw ...;
	eofExitRE     = lazyRE(`\bif\s*\(\s*\w+\s*(?:<\s*0|==\s*-\s*1|==\s*null)\s*\)\s*(?:\{\s*(?:[^{};]*;\s*)*)?(?:break|return|throw)\b`)
	interruptedRE = lazyRE(`\bisInterrupted\s*\(|\binterrupted\s*\(`)
	// drainRE is a loop condition that only asks a collection or an
	// iterator whether anything is left: "!queue.isEmpty()",
	// "it.hasNext()", "pending.size() > 0".
	drainRE = lazyRE(`^(?:!\s*(?:this\s*\.\s*)?\w+\s*\.\s*isEmpty\s*\(\s*\)|(?:this\s*\.\s*)?\w+\s*\.\s*(?:hasNext|hasPrevious|hasMoreElements)\s*\(\s*\)|(?:this\s*\.\s*)?\w+\s*\.\s*size\s*\(\s*\)\s*(?:>\s*0|!=\s*0))$`)
	// waitsRE is a call that waits for more work or for time to pass:
	// a loop with one is a worker that idles, not a pass that ends.
	waitsRE = lazyRE(`\b(?:sleep|wait|await\w*|park\w*|take|join|accept|receive|select|yield|acquire|tryAcquire)\s*\(|\bpoll\s*\(\s*[^)\s]`)
)

// declaredLocal reports a local variable or parameter named name in code.
func declaredLocal(code, name string) bool {
	return regexp.MustCompile(`[\w>\]]\s+` + regexp.QuoteMeta(name) + `\s*[=;:,)]`).MatchString(code)
}

// qualifiedThisRE is text ending in this or Outer.this, before a dot.
var qualifiedThisRE = lazyRE(`(?:^|[^\w.$]|[\w$]\s*\.\s*)this\s*$`)

// condNames are the non-local names a loop condition or exit test reads:
// fields, constants, and the methods it calls without a receiver.
func condNames(cond, code string) []string {
	var out []string
	for _, m := range taskWordRE.FindAllStringIndex(cond, -1) {
		w := cond[m[0]:m[1]]
		// A field read through this or Outer.this is the field itself.
		if taskKeywords[w] || m[0] > 0 && cond[m[0]-1] == '.' && !qualifiedThisRE.MatchString(cond[:m[0]-1]) {
			continue
		}
		if declaredLocal(code, w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// exitNames are the names read by the tests that end a loop: its
// condition, and an if whose branch breaks out, returns or clears a
// condition flag (a final event, a sentinel, a stop flag).
func exitNames(l javaLoop, code string) []string {
	names := condNames(l.Cond, code)
	cond := map[string]bool{}
	for _, n := range names {
		cond[n] = true
	}
	for _, m := range ifRE.FindAllStringIndex(l.Body, -1) {
		o := m[1] - 1
		c := matchClose(l.Body, o)
		if c < 0 {
			continue
		}
		then := l.Body[c+1 : statementEnd(l.Body, c+1)]
		exits := exitStmtRE.MatchString(then)
		for n := range cond {
			if regexp.MustCompile(`\b` + regexp.QuoteMeta(n) + `\s*=[^=]`).MatchString(then) {
				exits = true
			}
		}
		if exits {
			names = append(names, condNames(l.Body[o+1:c], code)...)
		}
	}
	return names
}

// endsByItself reports a loop that ends on its own: a counting loop, one
// over what a read returns, one that exits at the end of its input, or
// one whose condition only reads locals or counts a field down.
func endsByItself(l javaLoop, code string) bool {
	if l.Counting || readLoopRE.MatchString(l.Cond) || eofExitRE.MatchString(l.Body) {
		return true
	}
	if drains(l.Cond) && !waitsRE.MatchString(l.Body) {
		return true // a pass over what a collection holds, waiting for nothing more
	}
	if passThenExits(l.Body) {
		return true
	}
	if l.Forever || l.Cond == "" || interruptedRE.MatchString(l.Cond) {
		return false
	}
	for _, n := range condNames(l.Cond, code) {
		counted := regexp.MustCompile(`\b` + regexp.QuoteMeta(n) + `\s*(?:[-+*/]=|--|\+\+)|(?:--|\+\+)\s*` + regexp.QuoteMeta(n) + `\b`)
		if !counted.MatchString(l.Body) {
			return false
		}
	}
	return true
}

// drains reports a loop condition that asks a collection or an iterator
// for more, alone or as one of the terms joined by && (it.hasNext() &&
// !limitReached()): the loop ends no later than the collection does. A
// condition with a top-level || has no terms (splitAnd).
func drains(cond string) bool {
	for _, t := range splitAnd(cond) {
		if drainRE.MatchString(strings.TrimSpace(t)) {
			return true
		}
	}
	return false
}

var exitStmtRE = lazyRE(`\b(?:return|break)\b`)

// passThenExits reports a loop body that leaves the loop once a pass gets
// through: a return or break as a statement of the body itself or of a try
// block there (while (true) { try { connect(); return; } catch (IOException
// e) { sleep(); } }). A retry until the work succeeds, which then ends the
// thread; an exit inside an if, a catch, a switch or a nested loop does not
// count.
func passThenExits(body string) bool {
	b := strings.TrimSpace(body)
	if !strings.HasPrefix(b, "{") {
		return false
	}
	for _, m := range exitStmtRE.FindAllStringIndex(b, -1) {
		j := m[0] - 1
		for j >= 0 && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r') {
			j--
		}
		if j < 0 || b[j] != ';' && b[j] != '{' && b[j] != '}' {
			continue // the body of an if, a case, a label: taken only sometimes
		}
		if onlyTryBlocks(b, m[0]) {
			return true
		}
	}
	return false
}

// onlyTryBlocks reports whether every block around offset at of b, past
// the one b opens, is a try block (try { or try (resources) {).
func onlyTryBlocks(b string, at int) bool {
	var stack []bool // true: a try block
	for i := 1; i < at; i++ {
		switch b[i] {
		case '{':
			stack = append(stack, tryBlockAt(b, i))
		case '}':
			if len(stack) == 0 {
				return false // the body closed before at
			}
			stack = stack[:len(stack)-1]
		}
	}
	for _, t := range stack {
		if !t {
			return false
		}
	}
	return true
}

// tryBlockAt reports a '{' at open of b that opens a try block.
func tryBlockAt(b string, open int) bool {
	j := open - 1
	for j >= 0 && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r') {
		j--
	}
	if j >= 0 && b[j] == ')' {
		// try (Resource r = ...) {: find the opening parenthesis.
		depth := 0
		for ; j >= 0; j-- {
			if b[j] == ')' {
				depth++
			} else if b[j] == '(' {
				if depth--; depth == 0 {
					break
				}
			}
		}
		j--
		for j >= 0 && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r') {
			j--
		}
	}
	return j >= 2 && b[j-2:j+1] == "try" && (j < 3 || !isIdent(b[j-3]))
}

// endMethodRE names the methods that end an owner's work besides the
// stop-verb ones: end(), finish(), testEnded(), onRunFinished().
var endMethodRE = lazyRE(`^(?:end|ended|finish|finished)$|^(?:[a-z]\w*)?(?:End|Ended|Finish|Finished)$`)

// loopStoppedBy reports an endless loop whose exit test reads a name
// (flag, sentinel, final event) that a stop or end method of the nest of
// one of classes writes or sends. A non-volatile boolean field of the
// file is not a stop, the looping thread may never see the write, unless
// both sides hold a lock (seenByLoop).
func loopStoppedBy(p *Pass, l javaLoop, code string, classes []string) bool {
	stopped, _ := loopStopper(p, l, code, classes)
	return stopped
}

// loopStopper is loopStoppedBy that also tells whether the method that
// stops the loop wakes the threads waiting on its owner (notify, signal,
// interrupt): a wait nested in the loop then returns to the exit test.
func loopStopper(p *Pass, l javaLoop, code string, classes []string) (stopped, wakes bool) {
	names := exitNames(l, code)
	if len(names) == 0 {
		return false, false
	}
	nameREs := make([]*regexp.Regexp, len(names))
	for i, n := range names {
		nameREs[i] = regexp.MustCompile(`\b` + regexp.QuoteMeta(n) + `\b`)
	}
	for i := range p.File.Methods {
		m := &p.File.Methods[i]
		if !isStopMethod(m) && (!endMethodRE.MatchString(m.Name) || strings.HasPrefix(m.Name, "get") || strings.HasPrefix(m.Name, "is")) {
			continue
		}
		if !inNests(m.Class, classes) {
			continue
		}
		text := p.Text(m.Decl)
		body := javaCode(text)
		for i, n := range names {
			// A method the exit test calls (if (!cleanUp(ref)) break;)
			// names itself: that is no stop.
			if n == m.Name {
				continue
			}
			if nameREs[i].MatchString(body) && seenByLoop(p, m.Class, n, text, code) {
				return true, wakesRE.MatchString(body)
			}
		}
	}
	// A helper a stop or end method calls (setRunning(false) from
	// deactivate(), requestExit() from contextDestroyed) that writes the
	// flag or sends the sentinel stops the loop as well.
	for _, m := range stopHelpers(p, classes) {
		text := p.Text(m.Decl)
		body := javaCode(text)
		for _, n := range names {
			if changesName(body, n) && seenByLoop(p, m.Class, n, text, code) {
				return true, wakesRE.MatchString(body)
			}
		}
	}
	return false, false
}

// wakesRE is a call that wakes a thread blocked on its owner.
var wakesRE = lazyRE(`\b(?:notify|notifyAll|signal|signalAll|interrupt)\s*\(`)

var (
	syncBlockRE  = lazyRE(`\bsynchronized\s*\(`)
	syncMethodRE = lazyRE(`\bsynchronized\b`)
	waitCallRE   = lazyRE(`\bwait\s*\(`)
)

// seenByLoop reports that a write to name by the method whose declaration
// is decl reaches the loop of task: name is not a plain boolean field
// (staleFlag), or the writer holds a lock (a synchronized method or block)
// and the task takes one too (synchronized, wait()): the lock orders the
// write before the next read.
func seenByLoop(p *Pass, class, name, decl, task string) bool {
	if !staleFlag(p, class, name) {
		return true
	}
	header := decl
	if i := strings.IndexByte(decl, '{'); i >= 0 {
		header = decl[:i]
	}
	locked := syncMethodRE.MatchString(javaCode(header)) || syncBlockRE.MatchString(javaCode(decl))
	return locked && (syncMethodRE.MatchString(task) || waitCallRE.MatchString(task))
}

// lifecycleEnd reports a method that runs when its owner ends: a stop
// method (isStopMethod), an end method (end(), testEnded()), or a
// servlet listener's contextDestroyed.
func lifecycleEnd(m *facts.MethodDecl) bool {
	if isStopMethod(m) || m.Name == "contextDestroyed" {
		return true
	}
	return endMethodRE.MatchString(m.Name) && !strings.HasPrefix(m.Name, "get") && !strings.HasPrefix(m.Name, "is")
}

// inNests reports a class in the nest of one of classes.
func inNests(class string, classes []string) bool {
	for _, cl := range classes {
		if sameNest(class, cl) {
			return true
		}
	}
	return false
}

// stopHelpers are the methods of the nests of classes that a lifecycle
// end method (lifecycleEnd) calls without a receiver or on this, one or
// two calls deep, which are not such methods themselves: the sibling
// that does the stopping for it.
func stopHelpers(p *Pass, classes []string) []*facts.MethodDecl {
	seen := map[*facts.MethodDecl]bool{}
	var frontier []string
	for i := range p.File.Methods {
		m := &p.File.Methods[i]
		if inNests(m.Class, classes) && lifecycleEnd(m) {
			seen[m] = true
			frontier = append(frontier, javaCode(p.Text(m.Decl)))
		}
	}
	var out []*facts.MethodDecl
	for depth := 0; depth < 2 && len(frontier) > 0; depth++ {
		var next []string
		for _, body := range frontier {
			for _, name := range unqualifiedCalls(body) {
				for i := range p.File.Methods {
					m := &p.File.Methods[i]
					if m.Name != name || seen[m] || !inNests(m.Class, classes) {
						continue
					}
					seen[m] = true
					out = append(out, m)
					next = append(next, javaCode(p.Text(m.Decl)))
				}
			}
		}
		frontier = next
	}
	return out
}

// changesName reports code that changes what name holds: an assignment,
// an update of an atomic or a latch, a send to a queue; a constant (a
// sentinel, POISON) counts when named at all.
func changesName(code, name string) bool {
	n := regexp.QuoteMeta(name)
	if regexp.MustCompile(`\b` + n + `\s*(?:=[^=]|\+\+|--|[-+|&]=)|\b` + n + `\s*\.\s*(?:set|lazySet|compareAndSet|getAndSet|countDown|offer|put|add|interrupt|cancel)\w*\s*\(`).MatchString(code) {
		return true
	}
	return strings.ToUpper(name) == name && regexp.MustCompile(`\b`+n+`\b`).MatchString(code)
}

// stopHelperMentions reports a helper a lifecycle end method of class's
// nest calls (stopHelpers) that names the field keeping the thread:
// reset() { worker.interrupt(); worker = null; } called from deactivate().
func stopHelperMentions(p *Pass, class, field string) bool {
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(field) + `\b`)
	for _, m := range stopHelpers(p, []string{class}) {
		if re.MatchString(javaCode(p.Text(m.Decl))) {
			return true
		}
	}
	return false
}

// staleFlag reports a boolean field of class's nest, declared in the file,
// that is neither volatile nor atomic.
func staleFlag(p *Pass, class, name string) bool {
	for _, f := range p.File.Fields {
		if f.Name == name && sameNest(f.Class, class) {
			return !f.Volatile && (f.Type == "boolean" || f.TypeText == "boolean")
		}
	}
	return false
}

// endless reports whether the task has a loop that neither ends by
// itself nor is ended by a stop or end method of its owner.
func (t threadTask) endless(p *Pass) bool {
	loops := javaLoops(t.code)
	// Loops a stop method ends and wakes: a wait nested in one of them
	// (while (!doWork) lock.wait();) returns to its test when woken.
	var woken []javaLoop
	for _, l := range loops {
		if stopped, wakes := loopStopper(p, l, t.code, t.classes); stopped && wakes {
			woken = append(woken, l)
		}
	}
	for _, l := range loops {
		if endsByItself(l, t.code) {
			continue
		}
		if loopStoppedBy(p, l, t.code, t.classes) || wokenWait(l, woken) || endsWhenCollected(p, l, t) {
			continue
		}
		return true
	}
	return false
}

// acceptedConnection reports a start() inside a loop that accepts a
// connection before it, also in the started thread's own construction
// (new Connection(server.accept()).start()): a thread per connection,
// which ends with it (the accepting loop's own thread is the one to stop).
func acceptedConnection(p *Pass, c *facts.Call) bool {
	m := enclosingMethodDecl(p, c.Span)
	if m == nil {
		return false
	}
	code := javaCode(p.Text(m.Decl))
	at, end := c.Span.Start-m.Decl.Start, c.Span.End-m.Decl.Start
	if at < 0 || end > len(code) || end < at {
		return false
	}
	for _, l := range javaLoops(code) {
		if l.Start <= at && at < l.End && strings.Contains(code[l.Start:end], ".accept(") {
			return true
		}
	}
	return false
}

// wokenWait reports a loop that waits (wait, await, park) nested in one of
// the loops in woken, which a stop method ends and wakes: the stop wakes
// the wait, and the enclosing loop's test ends the thread.
func wokenWait(l javaLoop, woken []javaLoop) bool {
	if !waitsRE.MatchString(l.Body) {
		return false
	}
	for _, w := range woken {
		if w.Start < l.Start && l.End <= w.End {
			return true
		}
	}
	return false
}

// threadLocalOwners are the per-thread holder types: the JDK's and the
// libraries' that extend or mirror it.
var threadLocalOwners = []string{"java.lang.ThreadLocal", "java.lang.InheritableThreadLocal",
	"org.springframework.core.NamedThreadLocal", "org.springframework.core.NamedInheritableThreadLocal",
	"com.alibaba.ttl.TransmittableThreadLocal", "io.netty.util.concurrent.FastThreadLocal"}

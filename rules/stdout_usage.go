package rules

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var stdoutUsageRule = register(&Rule{
	ID:     "stdout-usage",
	Hazard: "H17",
	Title:  "Output to System.out / System.err from code that shares the JVM",
	Summary: "System.out and System.err belong to the process: every module's output lands in the base's console " +
		"file, outside the module's own log files, so per-app log collection misses it.",
	Tags:      []string{"koupleless", "logging"},
	Precision: "very-high",
	Default:   SeverityHint,
	Severity: map[facts.Role]Severity{
		facts.RoleModule: SeverityLow, facts.RolePrivate: SeverityLow, facts.RoleShared: SeverityLow,
		facts.RoleBase: SeverityInfo,
	},
	Keywords: []string{"System", "printStackTrace"},
	Calls:    []string{"print", "println", "printf", "format", "printStackTrace"},
	// Every call but printStackTrace is on System.out or System.err.
	CallOwners: map[string][]string{"print": {"java.io.PrintStream"}, "println": {"java.io.PrintStream"},
		"printf": {"java.io.PrintStream"}, "format": {"java.io.PrintStream"}},
	Check: checkStdoutUsage,
})

func checkStdoutUsage(p *Pass) {
	cli := map[string]bool{} // top-level types with a static main
	for _, m := range p.File.Methods {
		if m.Name == "main" && m.Static {
			cli[outerClass(m.Class)] = true
		}
	}
	// One method that prints is one thing to change (route it to the
	// app's logger): its first print is the finding, the others related.
	type group struct {
		d    Diagnostic
		more int
	}
	var order []string
	groups := map[string]*group{}
	calls(p, func(c *facts.Call) {
		// What the call writes to first: most calls a file records are
		// other rules' (String.format, Map.get), and the checks of the
		// text around a call cost more than this one.
		msg := stdoutMessage(p, c)
		if msg == "" || c.InMain || cli[outerClass(c.Class)] || printingOnPurpose(c.Context) || consoleByDesign(p.File.Package) ||
			consoleClass(c.Class) || debugGuarded(p.Src, c.Span.Start) || interactiveGuarded(p.Src, c.Span.Start) || debugReturn(p, c.Span) ||
			markedUnreachable(p.Src, c.Span.Start) || loggingFallback(p.Src, c.Span.Start) || uncalledPrivate(p, c.Span) ||
			diagnosticClass(p, c.Class) || debugGuardedOuter(p.Src, c.Span.Start) ||
			(c.InStaticInit && failedInit(p.Src, c.Span.Start)) {
			return
		}
		key := c.Class + "#" + c.Method
		if c.Method == "" {
			key += "@" + strconv.Itoa(c.Span.Start) // a field initialiser: on its own
		}
		if g := groups[key]; g != nil {
			g.more++
			g.d.Related = append(g.d.Related, Related{Span: c.Span, Message: "also writes to the process-wide stream here"})
			return
		}
		order = append(order, key)
		// Output of code only an entry point reaches is a command line's.
		groups[key] = &group{d: Diagnostic{Message: msg, Span: c.Span, Context: c.Context, EntrySensitive: !appEntry(p, c.Class)}}
	})
	for _, k := range order {
		g := groups[k]
		if g.more > 0 {
			g.d.Message += " (and " + strconv.Itoa(g.more) + " more in " + where(g.d.Context) + ")"
		}
		p.Report(g.d)
	}
}

// stdoutMessage is the message for a call that writes to System.out or
// System.err, "" for any other call.
func stdoutMessage(p *Pass, c *facts.Call) string {
	if c.Name == "printStackTrace" {
		switch {
		case len(c.Args) == 0 && throwableReceiver(c):
			return "printStackTrace() writes to System.err, which in a shared JVM is the base's console, not this app's log; log the exception instead"
		case len(c.Args) == 1 && stdStreamArg(p, c.Args[0]) != "":
			return "printStackTrace(System." + stdStreamArg(p, c.Args[0]) + ") writes to the process-wide stream, not this app's log; log the exception instead"
		}
		return ""
	}
	s := stdStream(c.Recv)
	if s == "" {
		return ""
	}
	return "System." + s + "." + c.Name + " writes to the process-wide stream: in a shared JVM it lands in the base's console, not this app's log; use the app's logger"
}

// printingOnPurpose reports code whose job is console output, asked for by
// whoever calls it: a print or printStackTrace method of its own (a
// Throwable's override, a scripting language's println), a dump, a show or
// display routine, a debug or trace helper, usage and help text, a class
// made for debugging. The caller that asks for the output is where the
// output is chosen.
func printingOnPurpose(ctx facts.Context) bool {
	m := strings.ToLower(ctx.Method)
	for _, pre := range []string{"print", "dump", "debug", "trace", "usage", "help", "show", "display"} {
		if strings.HasPrefix(m, pre) {
			return true
		}
	}
	if m == "format" || strings.Contains(m, "usage") || testWord(ctx.Method) {
		return true // usage text; a test runner's report
	}
	// Debugging aids and test harnesses shipped with the code.
	c := simpleName(outerClass(ctx.Class))
	return strings.Contains(c, "Debug") || strings.HasSuffix(c, "Tester")
}

// loggingRoots are the packages of logging frameworks: their console
// output is the log itself, or its last resort when the log cannot be
// written (a status line with no context yet); callers of their stop and
// reset APIs are what the other rules report.
var loggingRoots = []string{"ch.qos.logback", "org.apache.log4j", "org.apache.logging.log4j", "org.slf4j",
	"org.apache.commons.logging", "org.jboss.logging", "java.util.logging"}

// consoleByDesign reports a package whose output is the console by design:
// a logging implementation (a package of a logging framework, or a
// package segment log, logging or logger: a library's own logging layer),
// or a command-line interface or build-time tool (toolPackage).
func consoleByDesign(pkg string) bool {
	for _, r := range loggingRoots {
		if pkg == r || strings.HasPrefix(pkg, r+".") {
			return true
		}
	}
	for _, seg := range strings.Split(pkg, ".") {
		switch seg {
		case "log", "logging", "logger":
			return true
		}
	}
	return toolPackage(pkg)
}

// unreachableRE recognises a comment saying a path never runs.
var unreachableRE = lazyRE(`(?i)//.*\b(?:won'?t|will not|should ?(?:n'?t|not)|can'?t|cannot|never) (?:ever )?happen|//.*\b(?:impossible|unreachable)\b`)

// markedUnreachable reports a call whose line, or one of the two lines
// before it, carries a comment saying the path never runs ("// won't
// happen", "should not happen"): a placeholder in a catch the authors
// know is dead, not output of the running code.
func markedUnreachable(src []byte, at int) bool {
	if at < 0 || at > len(src) {
		return false
	}
	start := at
	for n := 0; n < 3 && start > 0; n++ {
		start = bytes.LastIndexByte(src[:start-1], '\n') + 1
		if start <= 0 {
			start = 0
			break
		}
	}
	end := bytes.IndexByte(src[at:], '\n')
	if end < 0 {
		end = len(src) - at
	}
	// The pattern needs a line comment: text without "//" (a class's
	// blank text, most lines) is not searched.
	if w := src[start : at+end]; bytes.Contains(w, []byte("//")) && unreachableRE.Match(w) {
		return true
	}
	// A message printed that says so itself: "... - should not happen",
	// "FIXME: this can't happen".
	line := src[at : at+end]
	return containsFoldASCII(line, "should not happen") || (bytes.IndexByte(line, '"') >= 0 && unreachableMsgRE.Match(line))
}

// unreachableMsgRE recognises a printed message saying its path never runs.
var unreachableMsgRE = lazyRE(`(?i)"[^"]*\b(?:can'?t|cannot|should ?n'?t|will not|won'?t|never) (?:ever )?happen`)

// containsFoldASCII reports whether s holds lower, an ASCII lower-case
// phrase, in any case, without copying s. (No other rune lower-cases to
// an ASCII letter of such a phrase but K and i, which it has not.)
func containsFoldASCII(s []byte, lower string) bool {
	if len(lower) == 0 {
		return true
	}
	c0, C0 := lower[0], lower[0]
	if 'a' <= c0 && c0 <= 'z' {
		C0 = c0 - 'a' + 'A'
	}
	for i := 0; i+len(lower) <= len(s); i++ {
		if s[i] != c0 && s[i] != C0 {
			continue
		}
		j := 1
		for ; j < len(lower); j++ {
			b := s[i+j]
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			if b != lower[j] {
				break
			}
		}
		if j == len(lower) {
			return true
		}
	}
	return false
}

// debugSwitchRE recognises a condition that reads a debug, trace or
// verbose switch (debug, isDebugEnabled(), TRACE, options.verbose), or a
// quiet one (a command line's own output, which the user turns off).
var debugSwitchRE = lazyRE(`(?i)debug|trace|verbose|quiet|silent`)

// debugGuarded reports a call that runs only when a debug, trace or
// verbose switch is on: in the body of `if (debug) ...` (braced or not),
// the innermost enclosing block. The `if (DEBUG)` of a constant is
// handled for every rule; this also covers switches that are fields or
// calls (`if (debug)`, `if (log.isTraceEnabled())`).
func debugGuarded(src []byte, at int) bool {
	return guardedBy(src, at, debugSwitchRE)
}

// stdStream names System.out or System.err when x is one of them.
func stdStream(x facts.Expr) string {
	if f := x.Field; f != nil && f.Owner == "java.lang.System" && (f.Name == "out" || f.Name == "err") {
		return f.Name
	}
	return ""
}

// stdStreamArg names System.out or System.err passed as an argument, where
// the extractor keeps only the text: the name must resolve to java.lang.
func stdStreamArg(p *Pass, x facts.Expr) string {
	raw := strings.Join(strings.Fields(x.Text), "")
	if !strings.HasPrefix(raw, "java.lang.") && typeName(p.File, "java.lang.System") != "System" {
		return "" // a System type of the project shadows java.lang's
	}
	switch strings.TrimPrefix(raw, "java.lang.") {
	case "System.out":
		return "out"
	case "System.err":
		return "err"
	}
	return ""
}

// throwableReceiver reports a receiver whose declared type is a Throwable by
// name (catch parameters, exception variables): printStackTrace() on a user
// type of another kind is not the JDK method.
func throwableReceiver(c *facts.Call) bool {
	t := strings.TrimPrefix(c.Recv.Type, "?")
	if t == "" {
		return false
	}
	for _, alt := range strings.Split(t, "|") { // multi-catch
		alt = strings.TrimSpace(alt)
		simple := alt[strings.LastIndexAny(alt, ".$")+1:]
		if strings.HasSuffix(simple, "Exception") || strings.HasSuffix(simple, "Error") || simple == "Throwable" {
			return true
		}
	}
	return false
}

// consoleNameRE recognises a class whose job is the console or a log: a
// shell, a console, a command line or its launcher, a library's own
// logging or trace layer (h2's TraceSystem, a FooLogger), as a word of its
// CamelCase name (not Catalog, Dialog, Logic).
var consoleNameRE = lazyRE(`(?:^|[a-z0-9_$])(?:Console|Shell|Cli|CLI|CommandLine|Repl|REPL|Launcher|Main|Log|Logger|Logging|Trace|Tracer|Tracing)(?:[A-Z0-9_$]|$)`)

// consoleClass reports code in a class (or a class it is nested in)
// named for console output or logging: its printing is what it is for,
// or the last resort when its own log cannot be written.
func consoleClass(class string) bool {
	for _, part := range strings.Split(class[strings.LastIndexByte(class, '.')+1:], "$") {
		if consoleNameRE.MatchString(part) {
			return true
		}
	}
	return false
}

// stdoutDebugReturnRE recognises an early return unless a debug, trace or
// verbose switch is on: `if (!debug) return;`, `if (!isVerbose()) { return; }`.
var stdoutDebugReturnRE = lazyRE(`(?i)if\s*\(\s*!\s*[\w.]*(?:debug|trace|verbose)[\w.]*(?:\(\s*\))?\s*\)\s*\{?\s*return\s*;`)

// debugReturn reports a call after an early return of its method taken
// when a debug switch is off: the rest of the method is debug output.
func debugReturn(p *Pass, at facts.Span) bool {
	m := enclosingMethodDecl(p, at)
	if m == nil || m.Decl.Start > at.Start {
		return false
	}
	return stdoutDebugReturnRE.Match(p.Src[m.Decl.Start:at.Start])
}

// logCallRE finds a call of a logger: log.error(..), LOGGER.warn(..),
// logger.log(SEVERE, ..), getLogger().info(..).
var logCallRE = lazyRE(`(?i)\b(?:[\w$]*log(?:ger)?|getLogger\([^)]*\))\s*\.\s*(?:log|error|warn|warning|info|debug|trace|fatal|severe|fine)\s*\(`)

// cannotLogRE recognises a comment saying the log cannot be used here.
var cannotLogRE = lazyRE(`(?i)//.*\b(?:can ?not|can'?t|unable to|fails?|failed|no way to|not)\b.{0,24}\blog|//.*\blog(?:ging|ger)? (?:fails|failed|is not|isn'?t|may not)`)

// loggingFallback reports a print in a catch block that is the last
// resort of logging: the try block it handles does nothing but log (the
// logger itself failed), or a comment in the catch says the log cannot be used
// ("Cannot log this exception to a LOG, as RolloverFOS can be used by
// logging").
func loggingFallback(src []byte, at int) bool {
	open := enclosingBrace(src, at)
	if open < 0 {
		return false
	}
	kw := keywordBefore(src, open)
	if kw < 0 || !wordAt(src, kw, "catch") {
		return false
	}
	if cannotLogRE.Match(src[open:at]) {
		return true
	}
	// Back over the catches before this one to the try block.
	i := skipSpaceBack(src, kw-1)
	for n := 0; n < 8 && i >= 0 && src[i] == '}'; n++ {
		start := matchingOpenBytes(src, i)
		if start < 0 {
			return false
		}
		k := keywordBefore(src, start)
		switch {
		case k < 0 && wordBefore(src, start, "try"), k >= 0 && wordAt(src, k, "try"):
			return onlyLogs(src[start+1 : i])
		case k >= 0 && wordAt(src, k, "catch"):
			i = skipSpaceBack(src, k-1)
		default:
			return false
		}
	}
	return false
}

// onlyLogs reports a block whose every statement is a logger call.
func onlyLogs(block []byte) bool {
	n := 0
	for _, st := range strings.Split(string(block), ";") {
		st = strings.TrimSpace(st)
		if st == "" {
			continue
		}
		if loc := logCallRE.FindStringIndex(st); loc == nil || loc[0] != 0 {
			return false
		}
		n++
	}
	return n > 0
}

// keywordBefore reads "kw (...)" before the brace at open and returns the
// offset of kw's first byte, -1 when the brace follows no parenthesised
// header.
func keywordBefore(src []byte, open int) int {
	j := skipSpaceBack(src, open-1)
	if j < 0 || src[j] != ')' {
		return -1
	}
	depth := 0
	cp := -1
	for i := j; i >= 0 && i >= j-2000; i-- {
		if src[i] == ')' {
			depth++
		} else if src[i] == '(' {
			depth--
			if depth == 0 {
				cp = i
				break
			}
		}
	}
	if cp < 0 {
		return -1
	}
	b := skipSpaceBack(src, cp-1)
	for b >= 0 && isIdent(src[b]) {
		b--
	}
	return b + 1
}

// wordAt reports that the identifier starting at i is w.
func wordAt(src []byte, i int, w string) bool {
	end := i + len(w)
	return i >= 0 && end <= len(src) && string(src[i:end]) == w && (end == len(src) || !isIdent(src[end]))
}

// wordBefore reports that the brace at open directly follows keyword w.
func wordBefore(src []byte, open int, w string) bool {
	b := skipSpaceBack(src, open-1) - len(w) + 1
	return b >= 0 && wordAt(src, b, w) && (b == 0 || !isIdent(src[b-1]))
}

// enclosingBrace is the offset of the '{' opening the innermost block
// around at, -1 when none is found nearby.
func enclosingBrace(src []byte, at int) int { return braceBefore(src, at, at-8000) }

// matchingOpenBytes is the offset of the '{' matching the '}' at close.
func matchingOpenBytes(src []byte, close int) int {
	depth := 0
	for i := close; i >= 0 && i >= close-20000; i-- {
		switch src[i] {
		case '}':
			depth++
		case '{':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// diagnosableRE recognises a supertype that makes a class a diagnostic
// view of another object (an interface such as Diagnosticable): what the
// class is for is the dump a person asks for.
var diagnosableRE = lazyRE(`^Diagnos\w*able$`)

// diagnosticClass reports code in a class made for diagnostics: named so
// (a DiagnosticUtil, a Diagnostics helper, or a class it is nested in), or
// implementing a diagnosable interface. Its routines are called by hand,
// from a debugger or an interactive session, not by the running code.
func diagnosticClass(p *Pass, class string) bool {
	for _, part := range strings.Split(class[strings.LastIndexByte(class, '.')+1:], "$") {
		if strings.Contains(part, "Diagnostic") {
			return true
		}
	}
	for _, td := range p.File.TypeDecls {
		if td.Name != class && td.Name != outerClass(class) {
			continue
		}
		for _, t := range append([]string{td.Super}, td.Interfaces...) {
			if t = simpleName(t); t != "" && diagnosableRE.MatchString(t) {
				return true
			}
		}
	}
	return false
}

// debugGuardedOuter reports a call further inside a debug switch's if
// than debugGuarded looks: in a loop, a try, a switch or another if
// within `if (debug) { ... }`. It walks out through the blocks of
// statements, and stops at a method, lambda or class body.
func debugGuardedOuter(src []byte, at int) bool {
	pos := at
	for n := 0; n < 8; n++ {
		open := enclosingBrace(src, pos)
		if open < 0 {
			return false
		}
		k := keywordBefore(src, open)
		switch {
		case k >= 0 && (wordAt(src, k, "if") || wordAt(src, k, "for") || wordAt(src, k, "while") ||
			wordAt(src, k, "switch") || wordAt(src, k, "synchronized") || wordAt(src, k, "catch")):
		case k < 0 && (wordBefore(src, open, "else") || wordBefore(src, open, "try") ||
			wordBefore(src, open, "do") || wordBefore(src, open, "finally")):
		default:
			return false // a method's, a lambda's or a class's body
		}
		if guardedBy(src, open, debugSwitchRE) {
			return true
		}
		pos = open
	}
	return false
}

// failedInit reports a print in a catch block of a static initialiser
// that then throws: the class fails to initialise (a broken or
// incomplete jar), and the error thrown carries the cause to whoever
// touches the class; the print is not output of the running code.
func failedInit(src []byte, at int) bool {
	open := enclosingBrace(src, at)
	if open < 0 {
		return false
	}
	if kw := keywordBefore(src, open); kw < 0 || !wordAt(src, kw, "catch") {
		return false
	}
	end := closingBracket(src, open)
	if end < at {
		return false
	}
	code := javaCode(string(src[at:end]))
	depth := 0
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '{':
			depth++
		case '}':
			depth--
		case 't':
			if depth == 0 && (i == 0 || !isIdent(code[i-1])) && strings.HasPrefix(code[i:], "throw") &&
				(i+5 == len(code) || !isIdent(code[i+5])) {
				return true
			}
		}
	}
	return false
}

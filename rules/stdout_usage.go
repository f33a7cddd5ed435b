package rules

import (
	"bytes"
	"regexp"
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
	Default:   SeverityLow,
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
			debugGuarded(p.Src, c.Span.Start) || markedUnreachable(p.Src, c.Span.Start) {
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
// Throwable's override, a scripting language's println), a dump, a debug
// or trace helper, usage and help text, a class made for debugging. The
// caller that asks for the output is where the output is chosen.
func printingOnPurpose(ctx facts.Context) bool {
	m := strings.ToLower(ctx.Method)
	for _, pre := range []string{"print", "dump", "debug", "trace", "usage", "help", "showusage", "showhelp"} {
		if strings.HasPrefix(m, pre) {
			return true
		}
	}
	if m == "format" || strings.Contains(m, "usage") || testWordRE.MatchString(ctx.Method) {
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
var unreachableRE = regexp.MustCompile(`(?i)//.*\b(?:won'?t|will not|should ?(?:n'?t|not)|can'?t|cannot|never) (?:ever )?happen|//.*\b(?:impossible|unreachable)\b`)

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
	// A message printed that says so itself: "... - should not happen".
	return containsFoldASCII(src[at:at+end], "should not happen")
}

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
// verbose switch (debug, isDebugEnabled(), TRACE, options.verbose).
var debugSwitchRE = regexp.MustCompile(`(?i)debug|trace|verbose`)

// debugGuarded reports a call that runs only when a debug, trace or
// verbose switch is on: in the body of `if (debug) ...` (braced or not),
// the innermost enclosing block. The `if (DEBUG)` of a constant is
// handled for every rule; this also covers switches that are fields or
// calls (`if (debug)`, `if (log.isTraceEnabled())`).
func debugGuarded(src []byte, at int) bool {
	if at <= 0 || at > len(src) {
		return false
	}
	lo := at - 4000
	if lo < 0 {
		lo = 0
	}
	depth := 0
	stmt := -1 // where the call's statement starts (after ; { or })
	for i := at - 1; i >= lo; i-- {
		switch src[i] {
		case '}':
			if depth == 0 && stmt < 0 {
				stmt = i + 1
			}
			depth++
		case ';':
			if depth == 0 && stmt < 0 {
				stmt = i + 1
			}
		case '{':
			if depth > 0 {
				depth--
				continue
			}
			if stmt < 0 {
				stmt = i + 1
			}
			// A braceless if: `if (debug) e.printStackTrace();`.
			if cond, ok := ifCondition(src[stmt:at], false); ok {
				return debugSwitchRE.MatchString(cond)
			}
			cond, ok := ifCondition(src[lo:i], true)
			return ok && debugSwitchRE.MatchString(cond)
		}
	}
	return false
}

// ifCondition reads `if (cond)` at the start of text (a statement before
// the call) or, with atEnd, at its end (before a block's brace).
func ifCondition(text []byte, atEnd bool) (string, bool) {
	t := strings.TrimSpace(string(text))
	if atEnd {
		if !strings.HasSuffix(t, ")") {
			return "", false
		}
		depth := 0
		for i := len(t) - 1; i >= 0; i-- {
			switch t[i] {
			case ')':
				depth++
			case '(':
				depth--
				if depth == 0 {
					before := strings.TrimSpace(t[:i])
					if strings.HasSuffix(before, "if") && (len(before) == 2 || !isIdent(before[len(before)-3])) {
						return t[i+1 : len(t)-1], true
					}
					return "", false
				}
			}
		}
		return "", false
	}
	t = strings.TrimPrefix(t, "else")
	t = strings.TrimSpace(t)
	if !strings.HasPrefix(t, "if") {
		return "", false
	}
	t = strings.TrimSpace(t[2:])
	if !strings.HasPrefix(t, "(") {
		return "", false
	}
	depth := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return t[1:i], true
			}
		}
	}
	return "", false
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

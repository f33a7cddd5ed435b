package rules

import (
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
	calls(p, func(c *facts.Call) {
		if c.InMain || cli[outerClass(c.Class)] {
			return
		}
		var msg string
		switch {
		case c.Name == "printStackTrace":
			switch {
			case len(c.Args) == 0 && throwableReceiver(c):
				msg = "printStackTrace() writes to System.err, which in a shared JVM is the base's console, not this app's log; log the exception instead"
			case len(c.Args) == 1 && stdStreamArg(p, c.Args[0]) != "":
				msg = "printStackTrace(System." + stdStreamArg(p, c.Args[0]) + ") writes to the process-wide stream, not this app's log; log the exception instead"
			default:
				return
			}
		default:
			s := stdStream(c.Recv)
			if s == "" {
				return
			}
			msg = "System." + s + "." + c.Name + " writes to the process-wide stream: in a shared JVM it lands in the base's console, not this app's log; use the app's logger"
		}
		// Output of code only an entry point reaches is a command line's.
		p.Report(Diagnostic{Message: msg, Span: c.Span, Context: c.Context, EntrySensitive: !appEntry(p, c.Class)})
	})
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

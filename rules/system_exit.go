package rules

import (
	"github.com/kscan/kscan/rules/facts"
)

var systemExitRule = register(&Rule{
	ID:     "system-exit",
	Hazard: "H16",
	Title:  "Process terminated from code that shares the JVM",
	Summary: "System.exit, Runtime.exit and Runtime.halt end the whole process: the base and every module " +
		"with it. Only the base owns the process.",
	Tags:      []string{"koupleless", "global-state", "reliability"},
	Precision: "very-high",
	Default:   SeverityCritical,
	Severity: map[facts.Role]Severity{
		facts.RoleModule: SeverityCritical, facts.RoleShared: SeverityCritical, facts.RolePrivate: SeverityCritical,
		facts.RoleBase: SeverityInfo,
	},
	Keywords: []string{"exit", "halt"},
	Calls:    []string{"exit", "halt"},
	Check:    checkSystemExit,
})

func checkSystemExit(p *Pass) {
	calls(p, func(c *facts.Call) {
		if !is(c, "java.lang.System", "exit") && !is(c, "java.lang.Runtime", "exit", "halt") {
			return
		}
		d := Diagnostic{
			Message: simpleOwner(c.Owner) + "." + c.Name + " terminates the JVM, and with it the base and every module",
			Span:    c.Span, Context: c.Context,
		}
		switch {
		case c.InMain:
			d.Severity = p.AtMost(SeverityLow)
			d.Message += " (in a main method: harmless only if this entry point never runs inside the shared JVM)"
		case hasMain(p.File, c.Class):
			d.Severity = p.AtMost(SeverityLow)
			d.Message += " (in a command-line class with a main method: harmless only if it never runs inside the shared JVM)"
		}
		p.Report(d)
	})
}

// hasMain reports a static main method declared by class.
func hasMain(f *facts.File, class string) bool {
	for _, m := range f.Methods {
		if m.Class == class && m.Name == "main" && m.Static {
			return true
		}
	}
	return false
}

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
	Help: `**Why it breaks.** The base and all modules run in one process, so ` + "`System.exit`" + ` in a module or a shared
library stops all of them. Common sources: ` + "`System.exit(SpringApplication.exit(ctx))`" + ` in a module's ` + "`main`" + `,
"fail fast" checks, CLI helpers.

**Flagged.** ` + "`System.exit(int)`" + `, ` + "`Runtime.exit(int)`" + `, ` + "`Runtime.halt(int)`" + `. Inside a ` + "`main`" + ` method it is
reported as low, and so is one in a class that declares a static ` + "`main`" + ` (a usage() helper): a command-line
entry point is rarely reached in a merged deployment, but a module's
` + "`main`" + ` is.

**Not flagged.** Test sources. The base owns the process: info there.

**Fix.** Fail the module, not the JVM:

` + "```java" + `
// before (module)
if (!licenseOk()) { System.exit(1); }
// after
if (!licenseOk()) { throw new IllegalStateException("license check failed"); }  // module start fails, JVM survives
` + "```",
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

package rules

import (
	"github.com/kscan/kscan/rules/facts"
)

var staticLoggerSharedRule = register(&Rule{
	ID:     "static-logger-in-shared-code",
	Hazard: "H31",
	Title:  "Static logger in code the base shares with modules",
	Summary: "A static logger in a library the base shares is bound to the LoggerContext that existed when the " +
		"class was initialised (the base's), so what the library logs on behalf of a module lands in the base's files.",
	Tags:      []string{"koupleless", "logging"},
	Precision: "high",
	Default:   SeverityInfo,
	Severity:  map[facts.Role]Severity{facts.RoleShared: SeverityInfo, facts.RoleBase: SeverityInfo},
	Keywords:  []string{"getLogger"},
	Calls:     []string{"getLogger"},
	Check:     checkStaticLoggerShared,
	Help: `**Why it breaks.** Koupleless gives each app its own LoggerContext, but a ` + "`static final Logger`" + ` of a class
loaded once by the base is created once, in the context of whoever initialised the class first (the base). Logs
that an SDK writes while serving a module then go to the base's files, not the module's (koupleless #408, #193).
The logback (` + "`logback-classic`" + ` 1.1.7-1.2.13) and ` + "`log4j-slf4j-impl`" + ` (2.11-2.18) adapters resolve the context per
call; logback 1.3+, ` + "`log4j-slf4j2-impl`" + ` and direct log4j2 API loggers are not covered. An advisory (info).

**Flagged.** In shared library and base code: a static field initialised with ` + "`org.slf4j.LoggerFactory.getLogger`" + `
or ` + "`org.apache.logging.log4j.LogManager.getLogger`" + `.

**Not flagged.** Module and module-private code (their loggers belong to their own context); instance loggers;
loggers obtained per call; test sources.

**Fix.** Where a shared SDK logs on behalf of modules, get the logger per call (or apply the adapter):

` + "```java" + `
// before
private static final Logger LOG = LoggerFactory.getLogger(Client.class);
void send() { LOG.info("sent"); }
// after
void send() { LoggerFactory.getLogger(Client.class).info("sent"); }   // resolved in the calling app's context
` + "```",
})

func checkStaticLoggerShared(p *Pass) {
	calls(p, func(c *facts.Call) {
		if !c.StoredToStatic || !is(c, "org.slf4j.LoggerFactory", "getLogger") && !is(c, "org.apache.logging.log4j.LogManager", "getLogger") {
			return
		}
		p.Report(Diagnostic{
			Message: "static logger in shared code: it is bound to the LoggerContext of the app that initialised the class first (the base), so what this code logs for a module lands in the base's files; the logback 1.2 and log4j-slf4j-impl adapters resolve it per call, other backends do not",
			Span:    c.Span, Context: c.Context,
		})
	})
}

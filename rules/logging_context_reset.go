package rules

import (
	"github.com/kscan/kscan/rules/facts"
)

var loggingContextResetRule = register(&Rule{
	ID:     "logging-context-reset",
	Hazard: "§4",
	Title:  "Logging context reset, stopped or shut down",
	Summary: "Resetting or stopping a logging context, or shutting down a LogManager, tears down the loggers of " +
		"every app that shares that context: from shared or base code that is every module's logging; " +
		"java.util.logging's LogManager is one per JVM.",
	Tags:      []string{"koupleless", "logging"},
	Precision: "high",
	Default:   SeverityHigh,
	Severity: map[facts.Role]Severity{
		facts.RoleShared: SeverityHigh, facts.RoleBase: SeverityMedium, facts.RoleModule: SeverityMedium, facts.RolePrivate: SeverityMedium,
	},
	Keywords: []string{"reset", "stop", "shutdown", "close", "resetConfiguration"},
	// Every owner the check knows is named in the file that calls it: as
	// written, imported, or as the type of the receiver.
	Prefilter: func(src []byte) bool { return containsAny(src, "LoggerContext", "LogManager", "Configurator") },
	Calls:     []string{"reset", "stop", "shutdown", "close", "resetConfiguration"},
	Check:     checkLoggingContextReset,
})

func checkLoggingContextReset(p *Pass) {
	calls(p, func(c *facts.Call) {
		d := Diagnostic{Span: c.Span, Context: c.Context}
		switch {
		case is(c, "ch.qos.logback.classic.LoggerContext", "reset", "stop"):
			d.Message = "LoggerContext." + c.Name + "() tears down the logback context: without a per-app context selector that is every app's logging"
		case is(c, "org.apache.logging.log4j.core.LoggerContext", "stop", "close"):
			d.Message = "LoggerContext." + c.Name + "() stops a log4j2 context, which other apps may share through the base's loader"
		case is(c, "org.apache.logging.log4j.LogManager", "shutdown"), is(c, "org.apache.logging.log4j.core.config.Configurator", "shutdown"):
			d.Message = simpleOwner(c.Owner) + ".shutdown stops log4j2 contexts that other apps may share"
		case is(c, "org.apache.log4j.LogManager", "shutdown", "resetConfiguration"):
			d.Message = "log4j 1 LogManager." + c.Name + "() acts on the one hierarchy every app of the base's loader shares"
		case is(c, "java.util.logging.LogManager", "reset"):
			d.Message = "java.util.logging.LogManager.reset() removes every handler and level of the one JUL LogManager of the JVM, for the base and every module"
			if p.Role != facts.RoleBase {
				d.Severity = SeverityHigh
			}
		default:
			return
		}
		p.Report(d)
	})
}

package rules

import (
	"github.com/kscan/kscan/rules/facts"
)

var jdbcDriverRule = register(&Rule{
	ID:     "jdbc-driver-registration",
	Hazard: "H19",
	Title:  "JDBC driver registered with the JVM-wide DriverManager",
	Summary: "A JDBC driver registered by a module stays in java.sql.DriverManager after the module is " +
		"uninstalled and pins its ClassLoader; DriverManager also hands out only drivers visible to the " +
		"caller's loader, so drivers registered by one app are not usable from another.",
	Tags:      []string{"koupleless", "leak", "classloader"},
	Precision: "high",
	Default:   SeverityMedium,
	Severity: map[facts.Role]Severity{
		facts.RoleModule: SeverityMedium, facts.RolePrivate: SeverityMedium, facts.RoleShared: SeverityLow,
	},
	Keywords: []string{"registerDriver", "Driver", "JDBC", "getConnection"},
	// DriverManager's methods are static, so the file names it; Class.forName is named as called.
	Prefilter: func(src []byte) bool { return containsAny(src, "DriverManager", "forName") },
	Calls:     []string{"registerDriver", "forName", "getConnection", "deregisterDriver"},
	Check:     checkJDBCDriver,
})

func checkJDBCDriver(p *Pass) {
	for i := range p.File.Calls {
		if is(&p.File.Calls[i], "java.sql.DriverManager", "deregisterDriver") {
			return // the file cleans up after itself
		}
	}
	calls(p, func(c *facts.Call) {
		// A driver registered by code only a command line's main reaches
		// stays in that process, never in a shared JVM.
		entry := !appEntry(p, c.Class)
		switch {
		case is(c, "java.sql.DriverManager", "registerDriver"):
			p.Report(Diagnostic{
				Message: "DriverManager.registerDriver: the driver stays registered JVM-wide after the module is uninstalled and pins its ClassLoader",
				Span:    c.Span, Context: c.Context, EntrySensitive: entry,
			})
		case is(c, "java.lang.Class", "forName") && len(c.Args) >= 1 && c.Args[0].Kind == facts.ExprString && jdbcDrivers[c.Args[0].Value]:
			p.Report(Diagnostic{
				Message: "Class.forName(" + quote(c.Args[0].Value) + ") registers the JDBC driver with the JVM-wide DriverManager, where it outlives the module",
				Span:    c.Span, Context: c.Context, EntrySensitive: entry,
			})
		case is(c, "java.sql.DriverManager", "getConnection") && p.Role == facts.RoleShared:
			p.Report(Diagnostic{
				Message: "DriverManager.getConnection in shared code only sees drivers visible to the base's ClassLoader, not those of the calling module",
				Span:    c.Span, Context: c.Context, EntrySensitive: entry,
			})
		}
	})
}

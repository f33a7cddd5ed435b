package rules

import (
	"github.com/kscan/kscan/rules/facts"
)

var jvmGlobalRule = register(&Rule{
	ID:     "jvm-global-default-mutation",
	Hazard: "H15",
	Title:  "JVM-wide default changed",
	Summary: "Default time zone, locale, SSL socket factory, hostname verifier, authenticator, cookie handler, " +
		"proxy selector, security providers, uncaught-exception handler, security manager, System.out/err/in, " +
		"JUL configuration and the DriverManager log writer are one per JVM: an app that sets them changes every " +
		"other app, and pins its ClassLoader after it is uninstalled.",
	Tags:      []string{"koupleless", "global-state", "correctness"},
	Precision: "high",
	Default:   SeverityHigh,
	Severity: map[facts.Role]Severity{
		facts.RoleModule: SeverityHigh, facts.RoleShared: SeverityHigh, facts.RolePrivate: SeverityHigh,
		facts.RoleBase: SeverityLow,
	},
	Keywords: []string{"setDefault", "addProvider", "insertProviderAt", "Security", "setSecurityManager", "setOut",
		"setErr", "setIn", "readConfiguration", "setLogWriter"},
	// The owners of jvmGlobals, one of which the file names (as written,
	// imported, or as the type of the receiver) for a call to resolve to it.
	Prefilter: func(src []byte) bool {
		return containsAny(src, "TimeZone", "Locale", "HttpsURLConnection", "Authenticator", "CookieHandler",
			"ProxySelector", "Security", "Thread", "System", "LogManager", "DriverManager")
	},
	Calls: []string{"setDefault", "setDefaultSSLSocketFactory", "setDefaultHostnameVerifier", "addProvider",
		"insertProviderAt", "setProperty", "setDefaultUncaughtExceptionHandler", "setSecurityManager", "setOut",
		"setErr", "setIn", "readConfiguration", "setLogWriter"},
	Check: checkJVMGlobal,
})

// jvmGlobals maps owner.method to what it changes.
var jvmGlobals = map[string]string{
	"java.util.TimeZone.setDefault":                               "the default time zone",
	"java.util.Locale.setDefault":                                 "the default locale",
	"javax.net.ssl.HttpsURLConnection.setDefaultSSLSocketFactory": "the default SSL socket factory",
	"javax.net.ssl.HttpsURLConnection.setDefaultHostnameVerifier": "the default hostname verifier",
	"java.net.Authenticator.setDefault":                           "the default authenticator",
	"java.net.CookieHandler.setDefault":                           "the default cookie handler",
	"java.net.ProxySelector.setDefault":                           "the default proxy selector",
	"java.security.Security.addProvider":                          "the security provider list",
	"java.security.Security.insertProviderAt":                     "the security provider list",
	"java.security.Security.setProperty":                          "a security property",
	"java.lang.Thread.setDefaultUncaughtExceptionHandler":         "the default uncaught-exception handler",
	"java.lang.System.setSecurityManager":                         "the security manager",
	"java.lang.System.setOut":                                     "System.out",
	"java.lang.System.setErr":                                     "System.err",
	"java.lang.System.setIn":                                      "System.in",
	"java.util.logging.LogManager.readConfiguration":              "the java.util.logging configuration",
	"java.sql.DriverManager.setLogWriter":                         "the DriverManager log writer",
}

func checkJVMGlobal(p *Pass) {
	calls(p, func(c *facts.Call) {
		what, ok := jvmGlobals[c.Owner+"."+c.Name]
		if !ok || c.InFinally {
			return // a restore in finally is the cure, not the disease
		}
		if p.Role == facts.RoleBase && c.InMain {
			return
		}
		d := Diagnostic{
			Message: simpleOwner(c.Owner) + "." + c.Name + " changes " + what + " for every app in the JVM",
			Span:    c.Span, Context: c.Context,
		}
		for _, n := range c.FinallyCalls {
			if n == c.Name {
				d.Severity = p.AtMost(SeverityLow)
				d.Message += " (restored in finally, but other threads see it meanwhile)"
				break
			}
		}
		p.Report(d)
	})
}

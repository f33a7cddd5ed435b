package rules

import (
	"regexp"
	"strings"

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
		"setErr", "setIn", "readConfiguration", "updateConfiguration", "setLogWriter"},
	// The owners of jvmGlobals, one of which the file names (as written,
	// imported, or as the type of the receiver) for a call to resolve to it,
	// and a call of one of their methods: the only thing the check reports.
	Prefilter: func(src []byte) bool {
		return containsAny(src, "TimeZone", "Locale", "HttpsURLConnection", "Authenticator", "CookieHandler",
			"ProxySelector", "Security", "Thread", "System", "LogManager", "DriverManager") &&
			callNamed(src, "setDefault", "setDefaultSSLSocketFactory", "setDefaultHostnameVerifier", "addProvider",
				"insertProviderAt", "setProperty", "setDefaultUncaughtExceptionHandler", "setSecurityManager", "setOut",
				"setErr", "setIn", "readConfiguration", "updateConfiguration", "setLogWriter")
	},
	Calls: []string{"setDefault", "setDefaultSSLSocketFactory", "setDefaultHostnameVerifier", "addProvider",
		"insertProviderAt", "setProperty", "setDefaultUncaughtExceptionHandler", "setSecurityManager", "setOut",
		"setErr", "setIn", "readConfiguration", "updateConfiguration", "setLogWriter"},
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
	"java.util.logging.LogManager.updateConfiguration":            "the java.util.logging configuration",
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
		image, imageRef := imageGuard(p, c)
		if uncalledPrivate(p, c.Span) || image {
			return // never runs, or runs only in a native image: one app's own process
		}
		if jvmInstalledClass(p.File, c.Class) {
			// A SecurityManager or LogManager subclass: the JVM creates
			// it once at start from a -D option its launcher gives;
			// what it changes is that process's by design.
			return
		}
		if jdkProviderAdded(p, c) {
			return // already installed: addProvider returns -1 and changes nothing
		}
		if resetsOwnChange(p.File, c) {
			return // the undoing half of a change this class makes, reported there
		}
		stream := c.Owner == "java.lang.System" && (c.Name == "setOut" || c.Name == "setErr" || c.Name == "setIn")
		if stream && restoresStream(p, c) {
			return // the restoring half of a swap reported where it starts
		}
		d := Diagnostic{
			Message: simpleOwner(c.Owner) + "." + c.Name + " changes " + what + " for every app in the JVM",
			Span:    c.Span, Context: c.Context,
			// A command line's defaults and streams are its process's
			// own: only entry points reaching the change, it never runs
			// inside the shared JVM (an app's main does).
			EntrySensitive: !appEntry(p, c.Class),
			ImageRef:       imageRef,
		}
		switch {
		case restoredInFinally(p.File, c):
			d.Severity = p.AtMost(SeverityLow)
			d.Message += " (restored in finally, but other threads see it meanwhile)"
		case stream && p.Role != facts.RoleBase && !appEntry(p, c.Class) && hasMain(p.File, c.Class):
			d.Severity = p.AtMost(SeverityLow)
			d.Message += " (in a command-line class: harmless only if it never runs inside the shared JVM)"
		}
		applyOptIn(p, &d, c.Span)
		p.Report(d)
	})
}

// restoredInFinally reports a change the same method undoes in a finally
// block: of the try the call sits in, or of one that follows it (streams
// saved before a try and put back in its finally).
func restoredInFinally(f *facts.File, c *facts.Call) bool {
	for _, n := range c.FinallyCalls {
		if n == c.Name {
			return true
		}
	}
	for i := range f.Calls {
		d := &f.Calls[i]
		if d.InFinally && d.Owner == c.Owner && d.Name == c.Name && d.Class == c.Class && d.Method == c.Method && d.Span.Start > c.Span.Start {
			return true
		}
	}
	return false
}

// stopMethods are where a JVM-wide change made at start is undone.
var stopMethods = map[string]bool{
	"stop": true, "close": true, "destroy": true, "shutdown": true, "dispose": true, "uninstall": true,
	"restore": true, "reset": true, "contextDestroyed": true, "unregister": true, "tearDown": true,
}

// restoresStream reports a System.setOut/setErr/setIn that puts back a
// stream saved before: its argument is a variable or field (not a new
// stream), and the call sits in a stop method (stop, close, restore, ...),
// or that variable was assigned the standard stream it replaces
// ("PrintStream old = System.err").
func restoresStream(p *Pass, c *facts.Call) bool {
	if len(c.Args) != 1 {
		return false
	}
	name, ok := savedValue(c.Args[0].Text)
	if !ok {
		return false
	}
	if stopMethods[c.Method] {
		return true
	}
	std := map[string]string{"setOut": "out", "setErr": "err", "setIn": "in"}[c.Name]
	saved := regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\s*=\s*(?:java\.lang\.)?System\.` + std + `\b`)
	body := p.Src
	for _, t := range p.File.TypeDecls {
		if t.Name == c.Class && t.Decl.End <= len(p.Src) && t.Decl.Start < t.Decl.End {
			body = p.Src[t.Decl.Start:t.Decl.End] // the saving is in the same class
		}
	}
	return saved.Match(body)
}

// savedValue returns the variable or field an expression names, possibly
// cast ("(PrintStream) out", "this.oldErr"): a value kept earlier.
func savedValue(text string) (string, bool) {
	t := strings.TrimSpace(text)
	if strings.HasPrefix(t, "(") {
		if i := strings.IndexByte(t, ')'); i > 0 {
			t = strings.TrimSpace(t[i+1:])
		}
	}
	t = strings.TrimPrefix(t, "this.")
	if t == "" || t == "null" || strings.HasPrefix(t, "System.") {
		return "", false
	}
	for _, r := range t {
		if !(r == '_' || r == '$' || r == '.' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return "", false
		}
	}
	return t[strings.LastIndexByte(t, '.')+1:], true
}

// jdkProviders are the provider classes a JDK installs by default (the
// security.provider.N entries of its java.security; IBM's JDKs list
// IBMJCE). Security.addProvider and insertProviderAt refuse a provider
// whose name is already installed (they return -1), so adding a new
// instance of one of these changes nothing.
var jdkProviders = map[string]bool{
	"sun.security.provider.Sun": true, "sun.security.rsa.SunRsaSign": true, "sun.security.ec.SunEC": true,
	"sun.security.ssl.SunJSSE": true, "com.sun.net.ssl.internal.ssl.Provider": true, "com.sun.crypto.provider.SunJCE": true,
	"sun.security.jgss.SunProvider": true, "com.sun.security.sasl.Provider": true,
	"org.jcp.xml.dsig.internal.dom.XMLDSigRI": true, "sun.security.smartcardio.SunPCSC": true,
	"com.ibm.crypto.provider.IBMJCE": true,
}

// jdkProviderAdded reports an addProvider or insertProviderAt of a new
// instance of a provider the JDK installs by default (jdkProviders), named
// qualified or through the file's imports.
func jdkProviderAdded(p *Pass, c *facts.Call) bool {
	if c.Owner != "java.security.Security" || c.Name != "addProvider" && c.Name != "insertProviderAt" || len(c.Args) == 0 {
		return false
	}
	m := newNoArgsRE.FindStringSubmatch(strings.TrimSpace(c.Args[0].Text))
	if m == nil {
		return false
	}
	// Compiled code names the class simply and gives its resolved type.
	if a := c.Args[0]; a.Kind == facts.ExprNew && jdkProviders[a.Type] {
		return true
	}
	name := strings.Join(strings.Fields(m[1]), "")
	if jdkProviders[name] {
		return true
	}
	if strings.Contains(name, ".") {
		return false
	}
	for _, im := range p.File.Imports {
		if !im.Wildcard && !im.Static && strings.HasSuffix(im.Name, "."+name) && jdkProviders[im.Name] {
			return true
		}
	}
	return false
}

// newNoArgsRE matches a constructor call with no arguments: new a.b.C().
var newNoArgsRE = lazyRE(`^new\s+([\w$.\s]+?)\s*\(\s*\)$`)

// resetsOwnChange reports a call that sets a JVM-wide default back to none
// (a null argument) in a class that sets the same default to a value of
// its own elsewhere (nested classes count as their top-level class's):
// Felix's activator's stop() removing the security manager Felix's init()
// installed. The change is reported where the class makes it; the
// reset is its undoing, as a stream put back is.
func resetsOwnChange(f *facts.File, c *facts.Call) bool {
	if len(c.Args) != 1 || strings.TrimSpace(c.Args[0].Text) != "null" {
		return false
	}
	for i := range f.Calls {
		d := &f.Calls[i]
		if d != c && d.Owner == c.Owner && d.Name == c.Name && sameNest(d.Class, c.Class) && len(d.Args) == 1 &&
			strings.TrimSpace(d.Args[0].Text) != "null" {
			return true
		}
	}
	return false
}

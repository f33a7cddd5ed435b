package rules

import (
	"github.com/kscan/kscan/rules/facts"
)

var urlHandlerRule = register(&Rule{
	ID:     "url-stream-handler-factory",
	Hazard: "H14",
	Title:  "One-per-JVM URL handler factory installed",
	Summary: "URL.setURLStreamHandlerFactory and URLConnection.setContentHandlerFactory may be called once per " +
		"JVM; the second app to call them fails with \"factory already defined\". A module that bundles Tomcat " +
		"hits this through TomcatURLStreamHandlerFactory.",
	Tags:      []string{"koupleless", "global-state", "correctness"},
	Precision: "very-high",
	Default:   SeverityCritical,
	Severity: map[facts.Role]Severity{
		facts.RoleModule: SeverityCritical, facts.RoleShared: SeverityCritical, facts.RolePrivate: SeverityCritical,
		facts.RoleBase: SeverityLow,
	},
	Keywords: []string{"setURLStreamHandlerFactory", "setContentHandlerFactory", "TomcatURLStreamHandlerFactory"},
	Calls:    []string{"setURLStreamHandlerFactory", "setContentHandlerFactory", "getInstance", "register", "disable"},
	// getInstance, register and disable matter on Tomcat's factory alone.
	CallOwners: map[string][]string{"getInstance": {tomcatFactory}, "register": {tomcatFactory}, "disable": {tomcatFactory}},
	Check:      checkURLHandler,
})

const tomcatFactory = "org.apache.catalina.webresources.TomcatURLStreamHandlerFactory"

func checkURLHandler(p *Pass) {
	calls(p, func(c *facts.Call) {
		switch {
		case is(c, "java.net.URL", "setURLStreamHandlerFactory"), is(c, "java.net.URLConnection", "setContentHandlerFactory"):
			call := "URL" + map[bool]string{true: "", false: "Connection"}[c.Name == "setURLStreamHandlerFactory"] + "." + c.Name
			msg := call + " can run once per JVM; the next app that calls it fails with \"factory already defined\""
			if failureCaught(p, c) {
				// Felix's URLHandlers: it catches the Error and swaps the
				// factory in by reflection. The message says what remains.
				msg = call + " installs the one factory of the JVM; this code catches the \"factory already defined\" failure, " +
					"but the factory it leaves installed serves every app in the JVM"
			}
			p.Report(Diagnostic{Message: msg, Span: c.Span, Context: c.Context, EntrySensitive: launcherOwn(p, c)})
		case is(c, tomcatFactory, "getInstance", "register"):
			if disabledBefore(p, c) {
				return
			}
			p.Report(Diagnostic{
				Message: "TomcatURLStreamHandlerFactory." + c.Name + " registers the JVM-wide URL handler factory; a second Tomcat in the JVM fails to start unless disable() is called first",
				Span:    c.Span, Context: c.Context, EntrySensitive: launcherOwn(p, c),
			})
		}
	})
}

// launcherOwn reports a factory installed in a process of its own when
// only entry points reach the call (a command-line tool's, as a
// launcher's JVM defaults are): not an app's Spring Boot main, and not
// the base's, whose launcher takes the one slot from every module.
func launcherOwn(p *Pass, c *facts.Call) bool {
	return p.Role != facts.RoleBase && !appEntry(p, c.Class)
}

// disabledBefore reports a TomcatURLStreamHandlerFactory.disable() earlier in
// the same method.
func disabledBefore(p *Pass, c *facts.Call) bool {
	for i := range p.File.Calls {
		d := &p.File.Calls[i]
		if is(d, tomcatFactory, "disable") && d.Class == c.Class && d.Method == c.Method && d.Span.Start < c.Span.Start {
			return true
		}
	}
	return false
}

// factoryFailures are the catch types that take setURLStreamHandlerFactory's
// "factory already defined" Error.
var factoryFailures = map[string]bool{"Error": true, "Throwable": true}

// failureCaught reports a call inside a try block that catches its Error
// without throwing (read from the method's text; sources only).
func failureCaught(p *Pass, c *facts.Call) bool {
	if len(p.Src) == 0 || c.Span.End == 0 || c.Span.End > len(p.Src) {
		return false
	}
	m := enclosingMethodDecl(p, c.Span)
	if m == nil || m.Decl.End > len(p.Src) {
		return false
	}
	return caughtIn(string(p.Src[m.Decl.Start:m.Decl.End]), c.Span.Start-m.Decl.Start, factoryFailures)
}

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
			p.Report(Diagnostic{
				Message: "URL" + map[bool]string{true: "", false: "Connection"}[c.Name == "setURLStreamHandlerFactory"] + "." + c.Name +
					" can run once per JVM; the next app that calls it fails with \"factory already defined\"",
				Span: c.Span, Context: c.Context,
			})
		case is(c, tomcatFactory, "getInstance", "register"):
			if disabledBefore(p, c) {
				return
			}
			p.Report(Diagnostic{
				Message: "TomcatURLStreamHandlerFactory." + c.Name + " registers the JVM-wide URL handler factory; a second Tomcat in the JVM fails to start unless disable() is called first",
				Span:    c.Span, Context: c.Context,
			})
		}
	})
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

package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var systemPropertyRule = register(&Rule{
	ID:     "system-property-mutation",
	Hazard: "H13",
	Title:  "JVM-wide system property changed",
	Summary: "System.setProperty, clearProperty, setProperties and writes through System.getProperties() change " +
		"one table that every app in the JVM shares: the last app to write wins, and libraries that fill it " +
		"only if absent make the first app win. Reads of app-specific keys are reported as info.",
	Tags:      []string{"koupleless", "global-state", "correctness"},
	Precision: "high",
	Default:   SeverityHigh,
	Severity: map[facts.Role]Severity{
		facts.RoleModule: SeverityHigh, facts.RoleShared: SeverityHigh, facts.RolePrivate: SeverityHigh,
		facts.RoleBase: SeverityMedium,
	},
	Keywords: []string{"setProperty", "clearProperty", "setProperties", "getProperties", "getProperty", "getInteger", "getLong", "getBoolean"},
	Calls: []string{"setProperty", "clearProperty", "setProperties", "put", "putAll", "remove", "load", "loadFromXML",
		"clear", "putIfAbsent", "replace", "merge", "compute", "computeIfAbsent", "computeIfPresent",
		"getProperty", "getInteger", "getLong", "getBoolean"},
	Check: checkSystemProperty,
	Help: `**Why it breaks.** ` + "`System.getProperties()`" + ` is one table for the whole JVM. A value one app sets is seen by
every app; libraries that copy configuration into it (Apollo's ` + "`app.id`" + `, ` + "`apollo.meta`" + ` ...) make the first or
the last app win. Koupleless documents overwritten ` + "`app.id`" + `s as a real incident.

**Flagged.** ` + "`System.setProperty`" + `, ` + "`System.clearProperty`" + `, ` + "`System.setProperties`" + `, and
` + "`put/setProperty/remove/putAll/load/clear`" + ` on ` + "`System.getProperties()`" + `. Reads
(` + "`System.getProperty`" + `, ` + "`Integer.getInteger`" + `, ` + "`Long.getLong`" + `, ` + "`Boolean.getBoolean`" + `) of a literal key that is
not a standard JDK key are reported as info: they are where a value set by another app shows up.

**Not flagged.** Base code that sets JVM switches in ` + "`main`" + ` or a static initialiser before the app starts
(with ` + "`--role base`" + `); reads of standard keys (` + "`java.*`" + `, ` + "`os.*`" + `, ` + "`user.*`" + `, ` + "`file.*`" + `, ` + "`line.separator`" + `,
` + "`path.separator`" + `); test sources.

**Fix.** In the base, isolate properties per module before anything starts:

` + "```java" + `
// before (base)
public static void main(String[] args) {
    SpringApplication.run(BaseApplication.class, args);
}
// after (base)
public static void main(String[] args) {
    MultiBizProperties.initSystem();   // com.alipay.sofa.koupleless.common.util.MultiBizProperties
    SpringApplication.run(BaseApplication.class, args);
}
` + "```" + `

In a module or shared library, keep per-app values in the Spring Environment or a per-app file instead of
system properties:

` + "```java" + `
// before
System.setProperty("app.id", appId);
// after: for Apollo, src/main/resources/META-INF/app.properties contains app.id=biz1
` + "```",
})

var propertyWrites = map[string]bool{
	"put": true, "setProperty": true, "remove": true, "putAll": true, "load": true, "loadFromXML": true, "clear": true,
	"putIfAbsent": true, "replace": true, "merge": true, "compute": true, "computeIfAbsent": true, "computeIfPresent": true,
}

// standardKey reports system properties the JDK defines; reading them is
// not app-specific.
func standardKey(k string) bool {
	for _, p := range []string{"java.", "javax.", "jdk.", "sun.", "os.", "user.", "file.", "line.separator", "path.separator", "native.encoding", "stdout.encoding", "stderr.encoding"} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

func checkSystemProperty(p *Pass) {
	calls(p, func(c *facts.Call) {
		write := is(c, "java.lang.System", "setProperty", "clearProperty", "setProperties") ||
			(propertyWrites[c.Name] && recvIs(c, "java.lang.System", "getProperties"))
		if write {
			if p.Role == facts.RoleBase && (c.InMain || c.InStaticInit) {
				return // base start-up switches, set before any module exists
			}
			what := "System." + c.Name
			if !c.Static {
				what = "System.getProperties()." + c.Name
			}
			if len(c.Args) > 0 && c.Args[0].Kind == facts.ExprString {
				what += "(" + quote(c.Args[0].Value) + ", …)"
			}
			p.Report(Diagnostic{
				Message: what + " changes a JVM-wide system property that every app in the process shares",
				Span:    c.Span, Context: c.Context,
			})
			return
		}
		read := is(c, "java.lang.System", "getProperty") || is(c, "java.lang.Integer", "getInteger") ||
			is(c, "java.lang.Long", "getLong") || is(c, "java.lang.Boolean", "getBoolean")
		if read && len(c.Args) > 0 && c.Args[0].Kind == facts.ExprString && !standardKey(c.Args[0].Value) {
			p.Report(Diagnostic{
				Severity: p.AtMost(SeverityInfo),
				Message:  "reads system property " + quote(c.Args[0].Value) + " from the JVM-wide table: another app in the process may have set it",
				Span:     c.Span, Context: c.Context,
			})
		}
	})
}

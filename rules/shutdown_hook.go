package rules

import (
	"github.com/kscan/kscan/rules/facts"
)

var shutdownHookRule = register(&Rule{
	ID:     "shutdown-hook",
	Hazard: "H23",
	Title:  "JVM shutdown hook registered by code that can be uninstalled",
	Summary: "A shutdown hook does not run when a module is uninstalled, so its cleanup never happens; the hook " +
		"thread keeps the module's ClassLoader alive for the life of the JVM, and runs at exit against code of " +
		"an uninstalled module.",
	Tags:      []string{"koupleless", "leak", "lifecycle"},
	Precision: "high",
	Default:   SeverityMedium,
	Severity: map[facts.Role]Severity{
		facts.RoleModule: SeverityMedium, facts.RolePrivate: SeverityMedium, facts.RoleShared: SeverityHigh,
		facts.RoleBase: SeverityInfo,
	},
	Keywords: []string{"addShutdownHook", "registerShutdownHook"},
	Calls:    []string{"addShutdownHook", "registerShutdownHook", "removeShutdownHook"},
	Check:    checkShutdownHook,
	Help: `**Why it breaks.** Uninstalling a module only closes its Spring context; the JVM keeps running. A shutdown hook
registered by the module therefore does not run on uninstall (its cleanup never happens), the hook ` + "`Thread`" + `
keeps the module's ClassLoader reachable for the life of the JVM, and at JVM exit it runs code of a module
that is long gone. In shared code a hook or close handler can also tear down JVM-wide state for everyone
(native Dubbo 2.7 unexported every service in the JVM when one module closed).

**Flagged.** ` + "`Runtime.getRuntime().addShutdownHook(...)`" + `; ` + "`ConfigurableApplicationContext.registerShutdownHook()`" + `
on a Spring context outside the base (info).

**Not flagged.** Classes that also remove their hook (` + "`Runtime.removeShutdownHook`" + `, typically on
` + "`ContextClosedEvent`" + ` or in ` + "`@PreDestroy`" + `); base ` + "`main`" + ` (with ` + "`--role base`" + `); test sources.

**Fix.** Tie the cleanup to the module's lifecycle:

` + "```java" + `
// before (module)
Runtime.getRuntime().addShutdownHook(new Thread(this::flushBuffers));

// after
@Component
class FlushOnClose implements ApplicationListener<ContextClosedEvent> {
    @Override public void onApplicationEvent(ContextClosedEvent e) { flushBuffers(); }
}
// or a @PreDestroy method on the owning bean
` + "```",
})

// springContexts are the Spring types whose registerShutdownHook adds a JVM
// hook.
var springContexts = map[string]bool{
	"org.springframework.context.ConfigurableApplicationContext":                                      true,
	"org.springframework.context.support.AbstractApplicationContext":                                  true,
	"org.springframework.context.support.GenericApplicationContext":                                   true,
	"org.springframework.context.support.ClassPathXmlApplicationContext":                              true,
	"org.springframework.context.support.FileSystemXmlApplicationContext":                             true,
	"org.springframework.context.support.GenericXmlApplicationContext":                                true,
	"org.springframework.context.annotation.AnnotationConfigApplicationContext":                       true,
	"org.springframework.web.context.ConfigurableWebApplicationContext":                               true,
	"org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext":                 true,
	"org.springframework.boot.web.servlet.context.AnnotationConfigServletWebServerApplicationContext": true,
}

func checkShutdownHook(p *Pass) {
	calls(p, func(c *facts.Call) {
		switch {
		case is(c, "java.lang.Runtime", "addShutdownHook"):
			if p.Role == facts.RoleBase && c.InMain {
				return
			}
			if removesHook(p, c.Class) {
				return
			}
			p.Report(Diagnostic{
				Message: "Runtime.addShutdownHook: the hook does not run when the module is uninstalled and keeps its ClassLoader alive until the JVM exits",
				Span:    c.Span, Context: c.Context,
			})
		case c.Name == "registerShutdownHook" && springContexts[c.Owner] && len(c.Args) == 0:
			if p.Role == facts.RoleBase {
				return
			}
			p.Report(Diagnostic{
				Severity: p.AtMost(SeverityInfo),
				Message:  "registerShutdownHook adds a JVM shutdown hook for this Spring context; it does not run on uninstall",
				Span:     c.Span, Context: c.Context,
			})
		}
	})
}

func removesHook(p *Pass, class string) bool {
	for i := range p.File.Calls {
		d := &p.File.Calls[i]
		if is(d, "java.lang.Runtime", "removeShutdownHook") && d.Class == class {
			return true
		}
	}
	return false
}

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
			if removesHook(p, c.Class) || uncalledPrivate(p, c.Span) {
				return
			}
			if jvmInstalledClass(p.File, c.Class) {
				// The JVM's own LogManager (java.util.logging.manager) or
				// SecurityManager, created once at start: its hook is the
				// process's, set up by whoever launched it.
				return
			}
			if p.Role != facts.RoleBase && !appEntry(p, c.Class) && hasMain(p.File, c.Class) && (c.InMain || !publicMethodAt(p, c.Span.Start)) {
				// A command line's own hook (its main, or a helper no
				// library code can call): the process is the tool's.
				return
			}
			p.Report(Diagnostic{
				Message: "Runtime.addShutdownHook: the hook does not run when the module is uninstalled and keeps its ClassLoader alive until the JVM exits",
				Span:    c.Span, Context: c.Context,
				// Where only an entry point registers it, the hook
				// belongs to a process of its own.
				EntrySensitive: !appEntry(p, c.Class),
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

package rules

import (
	"regexp"

	"github.com/kscan/kscan/rules/facts"
)

var executorLeakRule = register(&Rule{
	ID:     "executor-leak",
	Hazard: "H21",
	Title:  "Thread pool kept by module code and never shut down",
	Summary: "Uninstalling a module only closes its Spring context. A thread pool the module keeps in a field and " +
		"never shuts down keeps its worker threads, and with them the module's ClassLoader, alive after uninstall.",
	Tags:      []string{"koupleless", "leak", "lifecycle"},
	Precision: "high",
	Leak:      true,
	Default:   SeverityMedium,
	Severity:  leakSeverities,
	Keywords:  []string{"Executors", "ThreadPoolExecutor", "ScheduledThreadPoolExecutor"},
	Calls:     executorFactories,
	News:      []string{"ThreadPoolExecutor", "ScheduledThreadPoolExecutor"},
	Check:     checkExecutorLeak,
})

var executorFactories = []string{
	"newFixedThreadPool", "newCachedThreadPool", "newSingleThreadExecutor", "newScheduledThreadPool",
	"newSingleThreadScheduledExecutor",
}

// executorTypes are the pools whose core threads wait for work for ever.
// A ForkJoinPool is not one: its idle workers end (after 2 s of quiescence
// on Java 8, after its keep-alive of 60 s since Java 9), so once its tasks
// are done it pins nothing.
var executorTypes = map[string]bool{
	"java.util.concurrent.ThreadPoolExecutor":          true,
	"java.util.concurrent.ScheduledThreadPoolExecutor": true,
}

func checkExecutorLeak(p *Pass) {
	report := func(what string, st facts.Store, span facts.Span, ctx facts.Context) {
		if !st.StoredToField || releasesField(p, ctx.Class, st.StoredTo, "shutdown", "shutdownNow", "close") {
			return
		}
		p.Report(Diagnostic{
			Message: what + " kept in field '" + st.StoredTo + "' is never shut down; after the module is uninstalled its threads keep running and pin the module's ClassLoader (shut it down in @PreDestroy or register it with ShutdownExecutorServicesOnUninstallEventHandler.manageExecutorService)",
			Span:    span, Context: ctx, EntrySensitive: !appEntry(p, ctx.Class),
		})
	}
	calls(p, func(c *facts.Call) {
		// A cached pool's threads die after 60 s idle: nothing stays
		// pinned (a work-stealing pool is a ForkJoinPool, not asked for).
		if is(c, "java.util.concurrent.Executors", executorFactories...) && c.Name != "newCachedThreadPool" {
			report("Executors."+c.Name+" pool", c.Store, c.Span, c.Context)
		}
	})
	for i := range p.File.News {
		n := &p.File.News[i]
		if executorTypes[n.Type] && !coreThreadsExpire(p, n) {
			report(simpleOwner(n.Type), n.Store, n.Span, n.Context)
		}
	}
}

// coreThreadsExpire reports a ThreadPoolExecutor with no core threads, or
// one told to let them time out: its threads end once idle.
func coreThreadsExpire(p *Pass, n *facts.New) bool {
	if n.Type != "java.util.concurrent.ThreadPoolExecutor" {
		return false
	}
	if len(n.Args) > 0 && n.Args[0].Kind == facts.ExprLiteral && n.Args[0].Text == "0" {
		return true
	}
	return n.StoredTo != "" && regexp.MustCompile(`\b`+regexp.QuoteMeta(n.StoredTo)+`\s*\.\s*allowCoreThreadTimeOut\s*\(\s*true`).MatchString(nestText(p, n.Class))
}

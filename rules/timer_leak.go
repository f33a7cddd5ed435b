package rules

var timerLeakRule = register(&Rule{
	ID:     "timer-leak",
	Hazard: "H22",
	Title:  "java.util.Timer kept by module code and never cancelled",
	Summary: "Uninstalling a module only closes its Spring context. A Timer the module keeps and never cancels keeps " +
		"its thread, and with it the module's ClassLoader, alive after uninstall.",
	Tags:      []string{"koupleless", "leak", "lifecycle"},
	Precision: "high",
	Leak:      true,
	Default:   SeverityMedium,
	Severity:  leakSeverities,
	Keywords:  []string{"Timer"},
	News:      []string{"Timer"},
	Check:     checkTimerLeak,
})

// periodicOnNew matches a fixed-rate schedule called straight on the new
// timer, so no reference to cancel it survives.
var periodicOnNew = lazyRE(`^\s*\.\s*scheduleAtFixedRate\s*\(`)

func checkTimerLeak(p *Pass) {
	for i := range p.File.News {
		n := &p.File.News[i]
		if n.Type != "java.util.Timer" {
			continue
		}
		switch {
		case n.StoredToField:
			if releasesField(p, n.Class, n.StoredTo, "cancel") {
				continue
			}
			p.Report(Diagnostic{
				Message: "Timer kept in field '" + n.StoredTo + "' is never cancelled; after the module is uninstalled its thread keeps running and pins the module's ClassLoader (cancel it in @PreDestroy or register it with CancelTimersOnUninstallEventHandler.manageTimer)",
				Span:    n.Span, Context: n.Context, EntrySensitive: !appEntry(p, n.Class),
			})
		case n.StoredTo == "" && n.Span.End <= len(p.Src) && periodicOnNew.Match(p.Src[n.Span.End:min(len(p.Src), n.Span.End+64)]):
			if n.InMain {
				continue
			}
			p.Report(Diagnostic{
				Message: "periodic task on a Timer that nothing keeps: it can never be cancelled and keeps running after the module is uninstalled",
				Span:    n.Span, Context: n.Context, EntrySensitive: !appEntry(p, n.Class),
			})
		}
	}
}

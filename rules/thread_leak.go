package rules

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var threadLeakRule = register(&Rule{
	ID:     "thread-leak",
	Hazard: "H20",
	Title:  "Thread started by module code with no stop tied to the module's context",
	Summary: "Uninstalling a module only closes its Spring context. A thread the module started and never stops " +
		"keeps running after uninstall, holding the module's ClassLoader and everything it loaded.",
	Tags: []string{"koupleless", "leak", "lifecycle"},
	// A note: on projects never scanned before, 4 of 16 errors and
	// warnings read real (samples 44 to 53): whether a thread's task ends,
	// or something its owner closes stops it, is often decided in code the
	// rule does not follow.
	Precision: "low",
	Leak:      true,
	Default:   SeverityLow,
	Severity:  map[facts.Role]Severity{facts.RoleModule: SeverityLow, facts.RolePrivate: SeverityLow},
	Keywords:  []string{"Thread"},
	// The rule reports a thread's start().
	Prefilter: func(src []byte) bool { return callNamed(src, "start") },
	// interrupt and manageThread: a class file's stop, which a source's
	// text shows (see interruptsInClass).
	Calls: []string{"start", "join", "interrupt", "manageThread"},
	Check: checkThreadLeak,
})

func checkThreadLeak(p *Pass) {
	calls(p, func(c *facts.Call) {
		if c.Name != "start" || len(c.Args) != 0 || c.InMain {
			return
		}
		if !isThreadType(p, c.Owner) {
			return
		}
		if hasStopPath(p, c.Class) || (c.Owner != "java.lang.Thread" && hasStopPath(p, c.Owner)) {
			return
		}
		text := nestText(p, c.Class)
		if strings.Contains(text, "manageThread") || strings.Contains(text, ".interrupt()") || strings.Contains(text, "interrupt();") ||
			interruptsInClass(p, c.Class) {
			return
		}
		if joinedIn(p, c) || acceptedConnection(p, c) {
			return
		}
		// What the thread runs, when the file shows it, decides whether it
		// outlives its work; otherwise how it is kept does.
		if task, ok := taskOfStart(p, c); ok {
			if !task.endless(p) {
				return
			}
		} else if !longLived(p, c) {
			return
		}
		// A factory that returns the thread it started: its caller owns it.
		// A sibling stop method (stopCollecting, @TearDown) that names
		// the thread's field, or an alias of it, ends it.
		recv := strings.TrimPrefix(strings.Join(strings.Fields(c.Recv.Text), ""), "this.")
		if returnsToCaller(enclosingMethodText(p, c.Span), recv) {
			return
		}
		if recv != "" && isIdentName(recv) {
			names := append([]string{recv}, fieldAliases(text, recv)...)
			for _, n := range names {
				if stopMethodMentions(p, c.Class, n) || stopHelperMentions(p, c.Class, n) {
					return
				}
			}
		}
		p.Report(Diagnostic{
			Message: "thread started here is never stopped when the module's context closes; after uninstall it keeps running and pins the module's ClassLoader (stop it in @PreDestroy or a ContextClosedEvent listener)",
			Span:    c.Span, Context: c.Context,
			// A thread only a command line's main starts runs in a
			// process of its own, never in a shared JVM.
			EntrySensitive: !appEntry(p, c.Class),
		})
	})
}

// isThreadType reports java.lang.Thread and subclasses declared in the file
// (class Poller extends Thread): the only owners whose start() starts a
// thread for sure.
func isThreadType(p *Pass, owner string) bool {
	for depth := 0; depth < 4 && owner != ""; depth++ {
		if owner == "java.lang.Thread" {
			return true
		}
		next := ""
		for _, td := range p.File.TypeDecls {
			if td.Name == owner && td.Kind == "class" {
				next = td.Super
			}
		}
		owner = next
	}
	return false
}

// joinedIn reports a join() in the method that starts the thread: a
// short-lived worker the method waits for.
func joinedIn(p *Pass, start *facts.Call) bool {
	for i := range p.File.Calls {
		d := &p.File.Calls[i]
		if d.Name == "join" && d.Class == start.Class && d.Method == start.Method && d.Span.Start > start.Span.Start &&
			(d.Owner == "java.lang.Thread" || d.Recv.Text == start.Recv.Text) {
			return true
		}
	}
	return false
}

var (
	loopRE   = lazyRE(`\bwhile\s*\(|\bfor\s*\(\s*;\s*;\s*\)`)
	daemonRE = `\s*\.\s*setDaemon\s*\(\s*true\s*\)`
)

// longLived keeps the rule to threads meant to outlive the call that starts
// them: kept in a field, made daemon, or running a loop. A thread that runs
// one task ends by itself and leaks nothing once the task is done.
func longLived(p *Pass, c *facts.Call) bool {
	if c.Owner != "java.lang.Thread" && runLoops(p, c.Owner) {
		return true
	}
	switch c.Recv.Kind {
	case facts.ExprNew:
		return loopRE.MatchString(c.Recv.Text)
	case facts.ExprCall:
		return false // factory.newThread(r): the task is not visible here
	case facts.ExprName:
	default:
		return c.Recv.Text == "" && runLoops(p, c.Class)
	}
	name := strings.TrimPrefix(strings.Join(strings.Fields(c.Recv.Text), ""), "this.")
	if strings.Contains(name, ".") {
		return false
	}
	method := enclosingMethodText(p, c.Span)
	for i := range p.File.News {
		n := &p.File.News[i]
		if n.StoredTo == name && !n.StoredToField && n.Class == c.Class && n.Method == c.Method && n.Span.End <= c.Span.Start {
			return loopRE.MatchString(p.Text(n.Span)) ||
				regexp.MustCompile(`\b`+regexp.QuoteMeta(name)+daemonRE).MatchString(method)
		}
	}
	if !strings.HasPrefix(c.Recv.Text, "this.") && regexp.MustCompile(`[\w>\]]\s+`+regexp.QuoteMeta(name)+`\s*[=;:]`).MatchString(method) {
		// a local or parameter of this method: its origin is not visible
		return regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + daemonRE).MatchString(method)
	}
	for _, f := range p.File.Fields {
		if f.Name == name && sameNest(f.Class, c.Class) {
			return true
		}
	}
	return false
}

// runLoops reports a type declared in the file whose run() loops.
func runLoops(p *Pass, class string) bool {
	for _, m := range p.File.Methods {
		if m.Class == class && m.Name == "run" && loopRE.MatchString(p.Text(m.Decl)) {
			return true
		}
	}
	return false
}

func enclosingMethodText(p *Pass, s facts.Span) string {
	best := facts.Span{Start: -1}
	for _, m := range p.File.Methods {
		if m.Decl.Start <= s.Start && s.End <= m.Decl.End && m.Decl.Start > best.Start {
			best = m.Decl
		}
	}
	if best.Start < 0 {
		return ""
	}
	return p.Text(best)
}

// stopMethodNames are methods whose presence shows that a type manages its
// own lifecycle. Spring infers public close()/shutdown() as the destroy
// method of @Bean objects, DisposableBean has destroy(), Lifecycle has
// stop(); the rest are the container idioms of the same intent.
var stopMethodNames = map[string]bool{
	"destroy": true, "close": true, "shutdown": true, "shutdownNow": true, "stop": true, "dispose": true,
	"terminate": true, "cancel": true, "interrupt": true, "halt": true, "doStop": true, "doClose": true,
	"doShutdown": true, "stopInternal": true, "destroyInternal": true, "preDestroy": true, "tearDown": true,
	"kill": true,
}

// hasStopPath reports whether the type nest of class declares a method tied
// to the context's close: @PreDestroy, a ContextClosedEvent listener, or a
// destroy/close/shutdown/stop-style method.
func hasStopPath(p *Pass, class string) bool {
	for _, m := range p.File.Methods {
		if !sameNest(m.Class, class) {
			continue
		}
		if stopMethodNames[m.Name] {
			return true
		}
		for _, a := range m.Annotations {
			if annotationIs(a, "PreDestroy") || annotationIs(a, "TearDown") || strings.Contains(a, "ContextClosedEvent") {
				return true
			}
		}
	}
	return false
}

// interruptsInClass reports, in a class file, a call of interrupt() or of
// Koupleless's manageThread in the class: what a source's text check
// finds in its nest (a stop method interrupting the thread), here within
// the one class the class file holds.
func interruptsInClass(p *Pass, class string) bool {
	if !strings.HasSuffix(p.File.Path, ".class") {
		return false
	}
	for i := range p.File.Calls {
		c := &p.File.Calls[i]
		if c.Class == class && (c.Name == "interrupt" && len(c.Args) == 0 || c.Name == "manageThread") {
			return true
		}
	}
	return false
}

package rules

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var tcclNotRestored = register(&Rule{
	ID:     "tccl-not-restored",
	Hazard: "H08b",
	Title:  "Thread context ClassLoader switched without a restore in finally",
	Summary: "Thread.currentThread().setContextClassLoader(x) without setting the previous loader back in a " +
		"finally block leaves x on the thread when the code throws (or always, when there is no restore). Pooled " +
		"threads (servlet, Netty, MQ workers) are shared by the base and modules, so the next app's task runs with " +
		"the wrong loader.",
	Tags:      []string{"koupleless", "classloader", "concurrency", "correctness"},
	Precision: "high",
	Default:   SeverityMedium,
	Severity: map[facts.Role]Severity{
		facts.RoleShared: SeverityMedium, facts.RoleBase: SeverityMedium,
		facts.RoleModule: SeverityMedium, facts.RolePrivate: SeverityMedium,
	},
	Keywords: []string{"setContextClassLoader"},
	Calls:    []string{"setContextClassLoader"},
	News:     []string{"Thread"},
	Check:    checkTCCLNotRestored,
	Help: `**Why it breaks.** The context ClassLoader (TCCL) belongs to the thread, and pooled threads are shared:
servlet request threads in single-host mode, Netty and MQ workers. A switch that is not undone in ` + "`finally`" + `
leaks the loader to whatever the thread runs next whenever the code in between throws (or always, when nothing
restores it), so another app's task resolves classes through this app's loader. Every Koupleless adapter that
switches the TCCL restores it in ` + "`finally`" + `.

**Flagged.** ` + "`Thread.currentThread().setContextClassLoader(x)`" + ` (also through a local ` + "`Thread t = Thread.currentThread()`" + `)
when no ` + "`finally`" + ` block guarding it (or a ` + "`try`" + ` right after it) calls ` + "`setContextClassLoader`" + ` again.

**Not flagged.** The restore itself (a call inside ` + "`finally`" + `); setting the TCCL of a *new* thread before
` + "`start()`" + ` (` + "`t.setContextClassLoader(..)`" + ` on a thread you created, thread factories); code in ` + "`run()`" + ` of a ` + "`Thread`" + `
subclass or of a ` + "`new Thread(..)`" + ` body, which owns its thread.

**Fix.**

` + "```java" + `
Thread t = Thread.currentThread();
ClassLoader old = t.getContextClassLoader();
t.setContextClassLoader(target);
try {
    work();
} finally {
    t.setContextClassLoader(old);
}
` + "```",
})

func isCurrentThread(x facts.Expr) bool {
	r := x.Call
	if r == nil && x.Local != nil {
		r = x.Local.Call
	}
	return r != nil && r.Owner == "java.lang.Thread" && r.Name == "currentThread"
}

func checkTCCLNotRestored(p *Pass) {
	calls(p, func(c *facts.Call) {
		if !is(c, "java.lang.Thread", "setContextClassLoader") || len(c.Args) != 1 || !isCurrentThread(c.Recv) {
			return
		}
		if c.InFinally || c.InMain || hasString(c.FinallyCalls, "setContextClassLoader") || ownsThread(p, c) ||
			restoredLater(p, c) || swapHelper(p, c) {
			return
		}
		d := Diagnostic{
			Message: "the thread context ClassLoader is switched here but not restored in a finally block; a pooled thread keeps this loader for the next app's work",
			Span:    c.Span, Context: c.Context,
		}
		if fx, ok := restoreFix(p, c); ok {
			d.Fixes = []Fix{fx}
		}
		p.Report(d)
	})
}

// ownsThread reports code that runs on a thread it created: run() of a
// Thread subclass, or the body of a new Thread(...) (anonymous subclass or
// Runnable argument).
func ownsThread(p *Pass, c *facts.Call) bool {
	for i := range p.File.News {
		nw := &p.File.News[i]
		if nw.Type == "java.lang.Thread" && nw.Span.Start <= c.Span.Start && c.Span.End <= nw.Span.End {
			return true
		}
	}
	if c.Method != "run" {
		return false
	}
	for i := range p.File.TypeDecls {
		if td := &p.File.TypeDecls[i]; td.Name == c.Class && td.Super == "java.lang.Thread" {
			return true
		}
	}
	return false
}

// restoredLater reports a restore in a finally block later in the same
// method: "if (override) { set(x); } try { .. } finally { if (override)
// set(old); }" guards the switch although the try does not follow it.
func restoredLater(p *Pass, c *facts.Call) bool {
	m := enclosingMethodDecl(p, c.Span)
	for i := range p.File.Calls {
		r := &p.File.Calls[i]
		if r.InFinally && r.Name == "setContextClassLoader" && r.Span.Start > c.Span.End &&
			(m == nil || r.Span.End <= m.Decl.End) && r.Class == c.Class && r.Method == c.Method {
			return true
		}
	}
	return false
}

// restoreName matches variables that hold the loader to go back to.
var restoreName = regexp.MustCompile(`(?i)(old|orig|previous|prev|saved|former)`)

// swapHelper reports the halves of a split switch whose caller restores:
// a method that returns the previous loader (bind), one that sets a loader
// its caller passes (unbind, override(cl)), or a call setting back a
// saved loader (afterDelivery: setContextClassLoader(previous)).
func swapHelper(p *Pass, c *facts.Call) bool {
	arg := c.Args[0]
	if restoreName.MatchString(arg.Text) {
		return true
	}
	// Setting back a loader read from the thread earlier is the restore.
	if l := arg.Local; l != nil && l.Call != nil && l.Call.Name == "getContextClassLoader" {
		return true
	}
	m := enclosingMethodDecl(p, c.Span)
	if m == nil {
		return false
	}
	if arg.Kind == facts.ExprName && hasString(paramNames(m.Params), strings.TrimSpace(arg.Text)) {
		return true
	}
	head := p.Text(facts.Span{Start: m.Decl.Start, End: m.Span.Start})
	return hasIdent(head, "ClassLoader")
}

// enclosingMethodDecl is the innermost declared method or constructor
// around span.
func enclosingMethodDecl(p *Pass, at facts.Span) *facts.MethodDecl {
	var best *facts.MethodDecl
	for i := range p.File.Methods {
		m := &p.File.Methods[i]
		if m.Decl.Start <= at.Start && at.End <= m.Decl.End && (best == nil || m.Decl.Len() < best.Decl.Len()) {
			best = m
		}
	}
	return best
}

func hasString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

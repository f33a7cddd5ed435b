package rules

import (
	"bytes"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var tcclNotPropagated = register(&Rule{
	ID:     "tccl-not-propagated",
	Hazard: "H08",
	Title:  "Task handed to a shared thread pool without its context ClassLoader",
	Summary: "A pooled worker runs tasks with the context ClassLoader of the thread that created it, not of the " +
		"thread that submitted the task. Tasks sent to the JVM-wide common pool (CompletableFuture.*Async without " +
		"an executor, ForkJoinPool.commonPool(), parallelStream()) or to an executor held in a static field of shared " +
		"code run module work with another app's loader, which gives ClassNotFoundException.",
	Tags: []string{"koupleless", "classloader", "concurrency", "correctness"},
	// Read against the code, 1 of 22 findings was a real hazard (see the
	// rule's help): a note where the role is not known, a warning in code
	// declared shared or base, whose pools every app reaches.
	Precision: "low",
	Default:   SeverityLow,
	Severity: map[facts.Role]Severity{
		facts.RoleShared: SeverityMedium, facts.RoleBase: SeverityMedium,
		facts.RoleModule: SeverityLow, facts.RolePrivate: SeverityLow,
	},
	Keywords: []string{"supplyAsync", "runAsync", "commonPool", "parallelStream", "execute", "submit", "invoke", "schedule"},
	// The common-pool forms, or a static executor or timer of the file
	// (staticExecutorField) that takes work.
	Prefilter: func(src []byte) bool {
		return containsAny(src, "supplyAsync", "runAsync", "commonPool", "parallelStream") ||
			staticPoolDeclared(src) && callNamed(src, "execute", "submit", "invokeAll", "invokeAny", "schedule",
				"scheduleAtFixedRate", "scheduleWithFixedDelay")
	},
	Calls: []string{"supplyAsync", "runAsync", "commonPool", "parallelStream", "execute", "submit", "invokeAll",
		"invokeAny", "schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay"},
	Check: checkTCCLNotPropagated,
})

// sharedPoolTypes are the JDK types whose submissions run on pooled threads.
var sharedPoolTypes = map[string]bool{
	"java.util.concurrent.Executor": true, "java.util.concurrent.ExecutorService": true,
	"java.util.concurrent.ScheduledExecutorService": true, "java.util.concurrent.ThreadPoolExecutor": true,
	"java.util.concurrent.ScheduledThreadPoolExecutor": true, "java.util.concurrent.ForkJoinPool": true,
	"java.util.Timer": true,
}

// staticPoolDeclared reports a static field declaration that names one of
// sharedPoolTypes' classes, for the pre-filter: the check's static pools
// are fields of the file of one of those types. An interface's fields are
// static without the word, so a source that may declare one is taken on
// the class names alone.
func staticPoolDeclared(src []byte) bool {
	if wordIn(src, "interface") {
		return containsAny(src, "Executor", "ForkJoinPool", "Timer")
	}
	found := false
	staticDecls(src, func(decl []byte, _, _ int) bool {
		for t := range sharedPoolTypes {
			if wordIn(decl, t[strings.LastIndexByte(t, '.')+1:]) {
				found = true
				return false
			}
		}
		return true
	})
	return found
}

// submissions are the methods that hand a task to a pool or timer.
var submissions = map[string]bool{
	"execute": true, "submit": true, "invokeAll": true, "invokeAny": true,
	"schedule": true, "scheduleAtFixedRate": true, "scheduleWithFixedDelay": true,
}

// forkJoinRuns are the ForkJoinPool methods that run work.
var forkJoinRuns = map[string]bool{"execute": true, "submit": true, "invoke": true, "invokeAll": true, "invokeAny": true}

// carriesTCCL reports a task that brings its submitter's context loader:
// the Koupleless wrappers (KouplelessRunnable/KouplelessCallable.wrap,
// BizRunnable, BizCallable) or a lambda or class body that switches the
// TCCL itself.
func carriesTCCL(x facts.Expr) bool {
	t := x.Text
	for _, w := range []string{"KouplelessRunnable.wrap", "KouplelessCallable.wrap", "BizRunnable", "BizCallable", "setContextClassLoader"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

func checkTCCLNotPropagated(p *Pass) {
	calls(p, func(c *facts.Call) {
		switch {
		case is(c, "java.util.concurrent.CompletableFuture", "supplyAsync", "runAsync") && len(c.Args) == 1:
			if carriesTCCL(c.Args[0]) {
				return
			}
			reportTask(p, c, c.Args[0], Diagnostic{
				Message: "CompletableFuture." + c.Name + " without an executor runs on the JVM-wide common pool, whose threads do not carry this app's context ClassLoader",
				Span:    c.Span, Context: c.Context,
			})
		case is(c, "java.util.concurrent.ForkJoinPool", "commonPool") && len(c.Args) == 0:
			task, ok := commonPoolTask(p, c)
			if !ok {
				return
			}
			reportTask(p, c, task, Diagnostic{
				Message: "ForkJoinPool.commonPool() is shared by every app in the JVM; its workers run tasks with another app's context ClassLoader",
				Span:    c.Span, Context: c.Context,
			})
		case c.Name == "parallelStream" && len(c.Args) == 0 && strings.HasPrefix(c.Owner, "java.util.") && !c.Static &&
			c.Method != "parallelStream" && // a collection's own parallelStream() delegating: its caller runs the stream
			!inertPipeline(p, c):
			p.Report(Diagnostic{
				Message: "parallelStream() runs on the JVM-wide common pool, whose threads do not carry this app's context ClassLoader",
				Span:    c.Span, Context: c.Context,
			})
		case len(c.Args) > 0 && submissions[c.Name] && (sharedPoolTypes[c.Owner] || c.Recv.Field != nil):
			if p.Role == facts.RoleModule || p.Role == facts.RolePrivate {
				return // a module's own static pool serves that module only
			}
			f := staticExecutorField(p, c)
			if f == nil || carriesTCCL(c.Args[0]) {
				return
			}
			if f.Init != nil && strings.Contains(f.Init.Text, "Koupleless") {
				return
			}
			reportTask(p, c, c.Args[0], Diagnostic{
				Message: c.Name + " on the static " + shortType(f.Type) + " " + f.Name + ": every app that reaches this class shares the pool, and the task runs with the context ClassLoader of whoever created its threads",
				Span:    c.Span, Context: c.Context,
			})
		}
	})
}

// reportTask reports a submission unless the task it hands over is known
// to carry its own context loader or to run nothing that depends on one;
// a task class of another file is judged once every file is known.
func reportTask(p *Pass, c *facts.Call, task facts.Expr, d Diagnostic) {
	v := judgeTask(p, c, task)
	if v.safe {
		return
	}
	if len(v.elsewhere) > 0 {
		d.Pending = &facts.Pending{Class: c.Class, NameParam: -1, Tasks: v.elsewhere, TasksSwitchOnly: v.switchOnly}
	}
	p.Report(d)
}

// commonPoolTask reports whether commonPool() is used to run work, and
// the task: passed as an executor argument (the call's first argument is
// the task), or receiving a submission whose task does not carry the
// TCCL. commonPool().getParallelism() runs nothing.
func commonPoolTask(p *Pass, c *facts.Call) (facts.Expr, bool) {
	rest := strings.TrimLeft(string(p.Src[c.Span.End:]), " \t\r\n")
	if !strings.HasPrefix(rest, ".") {
		// Passed to a resolved call (supplyAsync(s, commonPool())); a pool
		// stored in a field is judged where it is used.
		for i := range p.File.Calls {
			for j, a := range p.File.Calls[i].Args {
				if a.Span == c.Span {
					if j > 0 {
						return p.File.Calls[i].Args[0], true
					}
					return facts.Expr{}, true
				}
			}
		}
		return facts.Expr{}, false
	}
	rest = strings.TrimLeft(rest[1:], " \t\r\n")
	end := 0
	for end < len(rest) && (rest[end] == '_' || rest[end] >= 'a' && rest[end] <= 'z' || rest[end] >= 'A' && rest[end] <= 'Z' || rest[end] >= '0' && rest[end] <= '9') {
		end++
	}
	if !forkJoinRuns[rest[:end]] {
		return facts.Expr{}, false
	}
	for i := range p.File.Calls {
		s := &p.File.Calls[i]
		if s.Recv.Span == c.Span && len(s.Args) > 0 {
			if carriesTCCL(s.Args[0]) {
				return facts.Expr{}, false
			}
			return s.Args[0], true
		}
	}
	return facts.Expr{}, true
}

// staticExecutorField finds the static field of this file a submission's
// receiver names: FIELD (in the declaring class or a nested one) or
// Owner.FIELD.
func staticExecutorField(p *Pass, c *facts.Call) *facts.Field {
	r := c.Recv
	owner, name := "", strings.TrimSpace(r.Text)
	switch {
	case r.Field != nil:
		owner, name = r.Field.Owner, r.Field.Name
	case r.Kind == facts.ExprName && !strings.Contains(name, "."):
		if r.Local != nil || paramNamed(p, c.Span, name) {
			return nil // a local or parameter shadows the field
		}
	default:
		return nil
	}
	for i := range p.File.Fields {
		f := &p.File.Fields[i]
		if !f.Static || f.Name != name || !sharedPoolTypes[f.Type] || r.Field == nil && c.Owner != f.Type {
			continue
		}
		if owner != "" && f.Class == owner || owner == "" && (c.Class == f.Class || strings.HasPrefix(c.Class, f.Class+"$")) {
			return f
		}
	}
	return nil
}

func shortType(fqn string) string { return fqn[strings.LastIndexByte(fqn, '.')+1:] }

// paramNamed reports whether the method enclosing span declares a parameter
// of that name.
func paramNamed(p *Pass, at facts.Span, name string) bool {
	for i := range p.File.Methods {
		m := &p.File.Methods[i]
		if m.Decl.Start <= at.Start && at.End <= m.Decl.End && hasString(paramNames(m.Params), name) {
			return true
		}
	}
	return false
}

// inertPipeline reports a parallel stream whose statement shows nothing
// that depends on the context loader (reachWords): JDK operations and
// the library's own methods on JDK values, as zookeeper's address
// reachability checks.
func inertPipeline(p *Pass, c *facts.Call) bool {
	if len(p.Src) == 0 || c.Span.End == 0 || c.Span.End > len(p.Src) {
		return false
	}
	rest := p.Src[c.Span.End:]
	end := bytes.IndexByte(rest, ';')
	if end < 0 {
		return false
	}
	return !mentionsAny(string(rest[:end]), reachWords)
}

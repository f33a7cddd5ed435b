package rules

import (
	"slices"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var lifecycleListenerRule = register(&Rule{
	ID:     "shared-lifecycle-listener",
	Hazard: "H32",
	Title:  "Shared Spring lifecycle listener starts or stops JVM-wide singletons",
	Summary: "A Spring ApplicationListener (or @EventListener) in shared code runs for every module's context. " +
		"When it handles ContextRefreshedEvent/ContextClosedEvent by starting or stopping a static singleton " +
		"(Foo.getInstance().shutdown(), Foo.destroy()) without checking that the event is its own app's, one " +
		"module's start or stop starts or stops it for the base and every other module.",
	Tags:      []string{"koupleless", "global-state", "spring", "lifecycle"},
	Precision: "medium",
	Default:   SeverityHigh,
	Severity:  map[facts.Role]Severity{facts.RoleShared: SeverityHigh, facts.RoleBase: SeverityMedium},
	Keywords:  []string{"ApplicationListener", "EventListener", "ContextClosedEvent", "ContextRefreshedEvent", "ApplicationReadyEvent", "ContextStartedEvent", "ContextStoppedEvent", "ApplicationStartedEvent"},
	Calls:     lifecycleCalls,
	// A handler is reported only for a lifecycle event its text names.
	Prefilter: func(src []byte) bool { return containsAny(src, lifecycleEvents...) },
	// The check finds the event a handler takes in its text, which
	// compiled code has not: no method body is decoded for it.
	CallsWith: sourceOnly(lifecycleCalls),
	Check:     checkLifecycleListener,
})

// sourceOnly is a CallsWith that decodes nothing in compiled code for the
// names: for a rule that reads them only in sources.
func sourceOnly(names []string) map[string][]string {
	m := make(map[string][]string, len(names))
	for _, n := range names {
		m[n] = nil
	}
	return m
}

var lifecycleCalls = []string{
	"start", "stop", "shutdown", "shutdownNow", "destroy", "close", "export", "unexport",
	"doStart", "doStop", "doShutdown", "doDestroy", "doClose", "startAll", "stopAll", "shutdownAll", "destroyAll",
	"closeAll", "exportAll", "unexportAll", "gracefulShutdown", "forceShutdown",
}

var lifecycleEvents = []string{"ContextClosedEvent", "ContextRefreshedEvent", "ContextStartedEvent", "ContextStoppedEvent",
	"ApplicationReadyEvent", "ApplicationStartedEvent"}

// ownEventGuardRE finds the checks that make a handler react only to its own
// app: the event's context compared with something, or the loaders compared.
var ownEventGuardRE = lazyRE(`getApplicationContext\(\)\s*(?:[!=]=|\.equals\()|(?:[!=]=|equals\()\s*[\w.()]*getApplicationContext\(\)\s*[^.\s]|getContextClassLoader\(\)`)

// staticGetterRE: a receiver that is a static accessor, Type.getInstance().
var staticGetterRE = lazyRE(`^[A-Z][\w$]*(?:\.[\w$]+)*\.(?:get[\w$]*|instance|singleton|current)\(\)$`)

func checkLifecycleListener(p *Pass) {
	listeners := map[string]facts.TypeDecl{}
	for _, td := range p.File.TypeDecls {
		if isSpringListener(td) {
			listeners[td.Name] = td
		}
	}
	for i := range p.File.Methods {
		m := &p.File.Methods[i]
		td, isListener := listeners[m.Class]
		onEvent := isListener && strings.HasPrefix(m.Name, "onApplication")
		handler := onEvent
		for _, a := range m.Annotations {
			if strings.HasPrefix(a, "@EventListener") || strings.HasSuffix(strings.SplitN(a, "(", 2)[0], ".EventListener") {
				handler = true
			}
		}
		if !handler || m.Static {
			continue
		}
		body := p.Text(m.Decl)
		events := body
		if onEvent { // the event type is the listener's type argument
			events = p.Text(facts.Span{Start: td.Decl.Start, End: td.Span.End + strings.IndexByte(p.Text(facts.Span{Start: td.Span.End, End: td.Decl.End}), '{')}) + body
		}
		event := ""
		for _, e := range lifecycleEvents {
			if strings.Contains(events, e) {
				event = e
				break
			}
		}
		if event == "" || ownEventGuardRE.MatchString(body) {
			continue
		}
		var hit *facts.Call
		calls(p, func(c *facts.Call) {
			if hit == nil && c.Class == m.Class && c.Method == m.Name && within(c.Span.Start, m.Decl) && lifecycleName(c.Name) && globalLifecycleCall(c) {
				hit = c
			}
		})
		if hit == nil {
			continue
		}
		d := Diagnostic{
			Message: simpleName(m.Class) + "." + m.Name + " handles " + event + " for every app's context and calls " +
				shorten(p.Text(facts.Span{Start: hit.Span.Start, End: hit.NameSpan.End})) + "(): one module's lifecycle starts or stops it for all; " +
				"return early unless the event is this app's",
			Span: m.Span, Context: facts.Context{Class: m.Class, Method: m.Name, Line: m.Line},
		}
		// No edit. The guard of the help compares the listener's loader with
		// the context loader, and in one-app deployments they differ too: a
		// library under Spring Boot devtools' restart loader, or in a
		// container's shared loader, would never handle an event again.
		p.Report(d)
	}
}

func isSpringListener(td facts.TypeDecl) bool {
	for _, i := range td.Interfaces {
		switch rawSimple(i) {
		case "ApplicationListener", "SmartApplicationListener", "GenericApplicationListener":
			return !strings.Contains(i, ".") || strings.HasPrefix(i, "org.springframework.")
		}
	}
	s := rawSimple(td.Super)
	return strings.HasSuffix(s, "ApplicationListener") || strings.HasSuffix(s, "ContextEventListener")
}

// lifecycleName: a method that starts or stops something (the names the
// rule asks the extractors for), not an accessor or a registration that
// the handler also calls (getInstance, registerTpsPoint).
func lifecycleName(name string) bool { return slices.Contains(lifecycleCalls, name) }

// globalLifecycleCall: a lifecycle method called statically, or on a
// static accessor's result.
func globalLifecycleCall(c *facts.Call) bool {
	if c.Static {
		return true
	}
	r := strings.Join(strings.Fields(c.Recv.Text), "")
	if c.Recv.Kind == facts.ExprName && c.Recv.Type == "" && r != "" && r[0] >= 'A' && r[0] <= 'Z' && !strings.Contains(r, ".") {
		return true // Type.stop() with Type unresolved
	}
	return c.Recv.Kind == facts.ExprCall && staticGetterRE.MatchString(r)
}

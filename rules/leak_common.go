package rules

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// Helpers shared by the leak rules (H20 thread-leak, H21 executor-leak,
// H22 timer-leak): they decide whether the class that starts a resource
// also has a way to stop it when the module's context closes.

// leakSeverities is RULES §1.0 for H20–H22: module and module-private code
// only; base and shared code are never uninstalled.
var leakSeverities = map[facts.Role]Severity{facts.RoleModule: SeverityMedium, facts.RolePrivate: SeverityMedium}

// outerClass is the top-level type of a binary name: cleanup written in an
// inner class or lambda of the same type counts for the whole nest.
func outerClass(class string) string {
	if i := strings.IndexByte(class, '$'); i >= 0 {
		return class[:i]
	}
	return class
}

func sameNest(a, b string) bool { return a != "" && outerClass(a) == outerClass(b) }

// nestText is the source of the top-level type declaration enclosing class,
// where the cleanup evidence is looked for.
func nestText(p *Pass, class string) string {
	top := outerClass(class)
	for _, td := range p.File.TypeDecls {
		if td.Name == top {
			return p.Text(td.Decl)
		}
	}
	return ""
}

// stopMethodNames are methods whose presence shows that a type manages its
// own lifecycle. Spring infers public close()/shutdown() as the destroy
// method of @Bean objects, DisposableBean has destroy(), Lifecycle has
// stop(); the rest are the container idioms of the same intent.
var stopMethodNames = map[string]bool{
	"destroy": true, "close": true, "shutdown": true, "shutdownNow": true, "stop": true, "dispose": true,
	"terminate": true, "cancel": true, "interrupt": true, "halt": true, "doStop": true, "doClose": true,
	"doShutdown": true, "stopInternal": true, "destroyInternal": true, "preDestroy": true,
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
		if strings.Contains(m.Params, "ContextClosedEvent") || strings.Contains(m.Params, "ContextStoppedEvent") {
			return true
		}
		for _, a := range m.Annotations {
			if annotationIs(a, "PreDestroy") || strings.Contains(a, "ContextClosedEvent") {
				return true
			}
		}
	}
	return false
}

// annotationIs matches an annotation as written by its simple name, with or
// without a package qualifier and arguments.
func annotationIs(a, simple string) bool {
	name := strings.TrimPrefix(a, "@")
	if i := strings.IndexByte(name, '('); i >= 0 {
		name = name[:i]
	}
	name = strings.TrimSpace(name)
	return name == simple || strings.HasSuffix(name, "."+simple)
}

// cleanupVerbs are the words of method names that end a resource's life.
const cleanupVerbs = `(?i:shutdown|close|stop|cancel|destroy|dispose|terminate|purge|release|manage)`

// releasesField reports whether the nest of class stops the resource kept in
// field: field.m(...) for one of the methods, a cleanup-named call taking
// the field as an argument (helpers, the Koupleless manage* registries), or
// the field handed out by a getter (its owner is then someone else).
func releasesField(p *Pass, class, field string, methods ...string) bool {
	text := nestText(p, class)
	if text == "" || field == "" {
		return true // cannot see the class: do not guess
	}
	f := regexp.QuoteMeta(field)
	pats := []string{
		`\b\w*` + cleanupVerbs + `\w*\s*\(\s*(?:this\s*\.\s*)?` + f + `\s*[,)]`,
		`\breturn\s+(?:this\s*\.\s*)?` + f + `\s*;`,
	}
	if len(methods) > 0 {
		pats = append(pats, `\b`+f+`\s*\.\s*(?:`+strings.Join(methods, "|")+`)\s*\(`)
	}
	for _, pat := range pats {
		if regexp.MustCompile(pat).MatchString(text) {
			return true
		}
	}
	return false
}

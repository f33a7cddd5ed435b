package rules

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// Helpers shared by the leak rules (thread-leak, executor-leak, timer-leak):
// they decide whether the class that starts a resource
// also has a way to stop it when the module's context closes.

// leakSeverities rate thread-leak, executor-leak and timer-leak: module and
// module-private code only; base and shared code are never uninstalled.
var leakSeverities = map[facts.Role]Severity{facts.RoleModule: SeverityMedium, facts.RolePrivate: SeverityMedium}

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
	if stopMethodMentions(p, class, field) {
		return true
	}
	for _, alias := range fieldAliases(text, field) {
		if releasesName(text, alias, methods) || stopMethodMentions(p, class, alias) {
			return true
		}
	}
	return releasesName(text, field, methods)
}

// releasesName looks in text for a stop of the resource named name.
func releasesName(text, name string, methods []string) bool {
	for _, p := range releasePatterns(name, methods) {
		if matchInRuns(regexp.MustCompile(p.expr), text, name, p.set) {
			return true
		}
	}
	return false
}

// runPattern is a regular expression with the bytes its matches hold
// (helpers_runs.go).
type runPattern struct {
	expr string
	set  *runSet
}

// releasePatterns are the stops of the resource named name that
// releasesName looks for; each match contains the name.
func releasePatterns(name string, methods []string) []runPattern {
	f := regexp.QuoteMeta(name)
	pats := []runPattern{
		{`\b\w*` + cleanupVerbs + `\w*\s*\(\s*(?:this\s*\.\s*)?` + f + `\s*[,)]`, cleanupCallSet},
		{`\breturn\s+(?:this\s*\.\s*)?` + f + `\s*;`, returnSet},
	}
	if len(methods) > 0 {
		ms := strings.Join(methods, "|")
		// field.shutdown(...), or field::shutdown handed to whoever ends
		// the owner (a disposable registry, a close callback)
		pats = append(pats, runPattern{`\b` + f + `\s*\.\s*(?:` + ms + `)\s*\(`, stopCallSet}, runPattern{`\b` + f + `\s*::\s*(?:` + ms + `)\b`, stopRefSet})
	}
	return pats
}

// The bytes of releasesName's and fieldAliases's matches beside word
// bytes and white space: each expression contains the name.
var (
	cleanupCallSet = newRunSet("(.,)")
	returnSet      = newRunSet(".;")
	stopCallSet    = newRunSet(".(")
	stopRefSet     = newRunSet(":")
	assignSet      = newRunSet("=.;")
)

// stopVerbRE matches the names of methods that end an object's life, alone
// or as a camel-case prefix: close, stopCollecting, shutdownGracefully,
// killPingThread, deactivate, tearDownWorkers, quit.
var stopVerbRE = lazyRE(`^(?:stop|close|shutdown|destroy|dispose|terminate|cancel|halt|release|dealloc|kill|deactivate|tearDown|teardown|quit|uninstall)(?:[A-Z_0-9].*)?$|^(?:doStop|doClose|doShutdown|stopInternal|destroyInternal|preDestroy|cleanup|cleanUp)$`)

// stopAnnotations mark the methods a container or harness calls when the
// owner ends: javax/jakarta @PreDestroy, JMH @TearDown, JUnit @After*.
var stopAnnotations = []string{"PreDestroy", "TearDown", "After", "AfterEach", "AfterAll", "AfterClass"}

// qualifiedStopRE matches a stop verb after a qualifier, the way stop
// methods are often named: requestStop, gracefulShutdown, forceClose,
// signalStop, onClose. Queries and registrations that merely mention the
// verb (isStopped, getCloseTimeout, addShutdownHook) are not.
var qualifiedStopRE = lazyRE(`^[a-z][a-z0-9]*(?:Stop|Close|Shutdown|Destroy|Dispose|Terminate|Halt|Kill|TearDown|Teardown|Quit)(?:[A-Z_0-9].*)?$`)

// stopQueryRE are the name prefixes of methods that ask or register rather
// than stop.
var stopQueryRE = lazyRE(`^(?:get|is|has|can|should|was|will|needs|set|add|remove|register|unregister|with|new|create|make|check|handle)[A-Z]`)

// isStopMethod reports a method that ends its object's (or class's) life.
func isStopMethod(m *facts.MethodDecl) bool {
	if stopVerbRE.MatchString(m.Name) {
		return true
	}
	if qualifiedStopRE.MatchString(m.Name) && !stopQueryRE.MatchString(m.Name) &&
		!strings.HasSuffix(m.Name, "Hook") && !strings.HasSuffix(m.Name, "Listener") {
		return true
	}
	for _, a := range m.Annotations {
		for _, s := range stopAnnotations {
			if annotationIs(a, s) {
				return true
			}
		}
	}
	return strings.Contains(m.Params, "ContextClosedEvent") || strings.Contains(m.Params, "ContextStoppedEvent")
}

// stopMethodMentions reports a stop method of class's nest (isStopMethod)
// whose body names the field: the sibling close/stop/destroy that ends the
// resource, whatever it calls on it.
func stopMethodMentions(p *Pass, class, field string) bool {
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(field) + `\b`)
	for i := range p.File.Methods {
		m := &p.File.Methods[i]
		if sameNest(m.Class, class) && isStopMethod(m) && re.MatchString(p.Text(m.Decl)) {
			return true
		}
	}
	return false
}

// fieldAliases are the other names text gives the resource in field: a
// second field or a local assigned from it (other = this.field;), or
// assigned to it (field = other;).
func fieldAliases(text, field string) []string {
	var out []string
	for _, p := range aliasPatterns(field) {
		for _, m := range submatchesInRuns(regexp.MustCompile(p.expr), text, field, p.set) {
			if m[1] != field && m[1] != "null" {
				out = append(out, m[1])
			}
		}
	}
	return out
}

// aliasPatterns are fieldAliases's assignments of field to a local or
// another field and back; each match contains the field's name, and its
// first group is the other name.
func aliasPatterns(field string) []runPattern {
	f := regexp.QuoteMeta(field)
	return []runPattern{
		{`\b(\w+)\s*=\s*(?:this\s*\.\s*)?` + f + `\s*;`, assignSet},
		{`\b` + f + `\s*=\s*(?:this\s*\.\s*)?(\w+)\s*;`, assignSet},
	}
}

// returnsToCaller reports a method that hands the resource named name back
// to its caller (return name;): the caller owns it, and its stop.
func returnsToCaller(methodText, name string) bool {
	if name == "" {
		return false
	}
	return regexp.MustCompile(`\breturn\s+(?:this\s*\.\s*)?` + regexp.QuoteMeta(name) + `\s*;`).MatchString(methodText)
}

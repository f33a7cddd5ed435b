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

package rules

import (
	"fmt"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var logbackContextSelectorRule = register(&Rule{
	ID:     "logback-context-selector-missing",
	Hazard: "H30",
	Title:  "Logback base without the Ark context selector",
	Summary: "A logback base must select com.alipay.sofa.ark.common.adapter.ArkLogbackContextSelector " +
		"(-Dlogback.ContextSelector=...) before the first logger is created, or every module logs through the " +
		"base's LoggerContext and configuration. Logback 1.3+ ignores the setting unless the Koupleless logback " +
		"starter adapter is applied.",
	Tags:      []string{"koupleless", "dependencies", "logging"},
	Precision: "medium",
	Default:   SeverityMedium,
	Severity:  map[facts.Role]Severity{facts.RoleBase: SeverityMedium},
	CheckDeps: checkLogbackContextSelector,
	// Wherever the selector is set: a -D in a start script, a Dockerfile
	// or jvm.config, jvmArguments in a build file, System.setProperty.
	Mentions:     []string{"ArkLogbackContextSelector"},
	MentionFiles: []string{"Dockerfile*", "*.sh", "jvm.config", "jvm.options", "*.conf"},
})

func checkLogbackContextSelector(p *DepsPass) {
	// Bases that inherit logback from one parent pom share its line: one
	// finding there.
	seen := map[string]bool{}
	report := func(proj *facts.BuildProject, d Diagnostic) {
		k := fmt.Sprintf("%s:%d", d.Path, d.Context.Line)
		if d.Context.Line > 0 && seen[k] {
			return
		}
		seen[k] = true
		p.Report(proj, d)
	}
	for _, proj := range p.Projects {
		if proj.Role != facts.RoleBase { // the selector is the base's to set

			continue
		}
		var lb *facts.Dependency
		for _, d := range runtimeDeps(proj) {
			if d.Key() == "ch.qos.logback:logback-classic" {
				lb = d
				break
			}
		}
		if lb == nil {
			continue
		}
		at := Diagnostic{Path: lb.Path, Span: lb.Span, Context: facts.Context{Line: lb.Line}}
		if versionAtLeast(lb.Version, "1.3.0-alpha0") && !hasLogbackStarterAdapter(p, proj) {
			at.Severity = SeverityHigh
			at.Message = fmt.Sprintf("%s is 1.3 or later, which ignores logback.ContextSelector, and no adapter row restores it (koupleless-adapter-logback-spring-starter-3.x needs spring-boot-starter-logging 3.x): every module logs through the base's LoggerContext", lb.GAV())
			report(proj, at)
			continue
		}
		if selectorSet(p, proj) {
			continue
		}
		at.Message = fmt.Sprintf("the base runs logback (%s) but ArkLogbackContextSelector is configured nowhere in the project: modules share the base's LoggerContext and configuration; start the base with -Dlogback.ContextSelector=com.alipay.sofa.ark.common.adapter.ArkLogbackContextSelector", depWhere(lb))
		report(proj, at)
	}
}

func hasLogbackStarterAdapter(p *DepsPass, proj *facts.BuildProject) bool {
	for i := range proj.Dependencies {
		d := &proj.Dependencies[i]
		if strings.HasPrefix(d.ArtifactID, "koupleless-adapter-logback-spring-starter") {
			return true
		}
		for _, m := range p.Adapters.Match(AdapterCoordinate(d)) {
			if strings.HasPrefix(m.Adapter.ArtifactID, "koupleless-adapter-logback-spring-starter") {
				return true
			}
		}
	}
	return false
}

// selectorSet reports a mention of the selector in the project's own files:
// under its directory, outside test directories and nested projects.
func selectorSet(p *DepsPass, proj *facts.BuildProject) bool {
	for _, m := range p.Mentions {
		if inProject(p.Projects, proj, m.Path) {
			return true
		}
	}
	return false
}

// inProject reports whether the file at rel belongs to proj: under its
// directory, not under a "test" directory there, and not in a nested
// project with a build file of its own.
func inProject(all []*facts.BuildProject, proj *facts.BuildProject, rel string) bool {
	under := func(dir string) (string, bool) {
		if dir == "." {
			return rel, true
		}
		return strings.CutPrefix(rel, dir+"/")
	}
	sub, ok := under(proj.Dir)
	if !ok {
		return false
	}
	for _, seg := range strings.Split(sub, "/") {
		if seg == "test" {
			return false
		}
	}
	for _, q := range all {
		if q == proj || q.Dir == proj.Dir || q.Kind != "maven" && q.Kind != "gradle" {
			continue
		}
		if _, below := under(q.Dir); below && (proj.Dir == "." || strings.HasPrefix(q.Dir, proj.Dir+"/")) {
			return false
		}
	}
	return true
}

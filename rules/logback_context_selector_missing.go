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
})

func checkLogbackContextSelector(p *DepsPass) {
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
			p.Report(proj, at)
			continue
		}
		if proj.ContextSelector != "" {
			continue
		}
		at.Message = fmt.Sprintf("the base runs logback (%s) but ArkLogbackContextSelector is configured nowhere in the project: modules share the base's LoggerContext and configuration; start the base with -Dlogback.ContextSelector=com.alipay.sofa.ark.common.adapter.ArkLogbackContextSelector", depWhere(lb))
		p.Report(proj, at)
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

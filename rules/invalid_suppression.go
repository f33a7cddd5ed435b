package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var invalidSuppressionRule = register(&Rule{
	ID:     "invalid-suppression",
	Hazard: "-",
	Title:  "Suppression comment that names no rule or an unknown rule",
	Summary: "A // kscan:ignore comment must name the rules it silences (and should say why after --); one " +
		"that names none, or names a rule kscan does not have, silences nothing and hides the intent.",
	Tags:         []string{"kscan", "maintainability"},
	Precision:    "very-high",
	Default:      SeverityMedium,
	Severity:     map[facts.Role]Severity{facts.RoleBase: SeverityMedium, facts.RoleModule: SeverityMedium, facts.RoleShared: SeverityMedium, facts.RolePrivate: SeverityMedium},
	Keywords:     []string{"kscan"},
	IncludeTests: true,
	Check:        checkInvalidSuppression,
})

func checkInvalidSuppression(p *Pass) {
	for _, s := range p.File.Suppressions {
		if len(s.Rules) == 0 {
			p.Report(Diagnostic{Message: "kscan:ignore names no rule: write // kscan:ignore <rule-id> -- <reason>",
				Span: s.Span, Context: facts.Context{Line: s.Line}})
			continue
		}
		var unknown []string
		for _, id := range s.Rules {
			if _, ok := Lookup(id); !ok {
				unknown = append(unknown, id)
			}
		}
		if len(unknown) > 0 {
			p.Report(Diagnostic{Message: "kscan:ignore names unknown rule " + strings.Join(unknown, ", ") + " (see 'kscan rules')",
				Span: s.Span, Context: facts.Context{Line: s.Line}})
		}
	}
}

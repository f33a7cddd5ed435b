package scanner

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/finding"
)

// suppressedBy finds the in-source suppressions of a finding: a
// "// kscan:ignore rule-id -- reason" comment on its line or alone on the
// line above, or @SuppressWarnings("kscan:rule-id") on an enclosing class,
// method or field. The finding stays in the report, marked.
func suppressedBy(f *facts.File, ruleID string, line int, s facts.Span) []finding.Suppressed {
	if f == nil {
		return nil
	}
	var out []finding.Suppressed
	for _, sp := range f.Suppressions {
		if sp.Line != line && !(sp.OwnLine && sp.Line+1 == line) {
			continue
		}
		for _, id := range sp.Rules {
			if id == ruleID {
				j := sp.Reason
				if j == "" {
					j = "kscan:ignore comment (no reason given)"
				}
				out = append(out, finding.Suppressed{Kind: "inSource", Justification: j})
				break
			}
		}
	}
	check := func(ann []string, decl facts.Span, what string) {
		if decl.Start <= s.Start && s.End <= decl.End && suppresses(ann, ruleID) {
			out = append(out, finding.Suppressed{Kind: "inSource", Justification: "@SuppressWarnings(\"kscan:" + ruleID + "\") on " + what})
		}
	}
	for _, t := range f.TypeDecls {
		check(t.Annotations, t.Decl, "class "+t.Name)
	}
	for _, m := range f.Methods {
		check(m.Annotations, m.Decl, "method "+m.Name)
	}
	for _, fd := range f.Fields {
		check(fd.Annotations, fd.Decl, "field "+fd.Name)
	}
	return out
}

var suppressRE = regexp.MustCompile(`"kscan:([a-z0-9-]+)"`)

func suppresses(annotations []string, ruleID string) bool {
	for _, a := range annotations {
		if !strings.HasPrefix(a, "@SuppressWarnings") && !strings.HasPrefix(a, "@java.lang.SuppressWarnings") {
			continue
		}
		for _, m := range suppressRE.FindAllStringSubmatch(a, -1) {
			if m[1] == ruleID {
				return true
			}
		}
	}
	return false
}

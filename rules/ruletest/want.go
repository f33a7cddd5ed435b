// Package ruletest reads the expectations written into rule fixtures
// (testdata/rules/<rule-id>/...), for the tests that scan them as sources
// and as compiled classes.
//
// A fixture line that must be flagged ends with a want comment: "// want"
// in Java, "# want" in properties and YAML (on the line above the flagged
// one when the "#" starts the line, since properties have no trailing
// comments), "<!-- want ... -->" in XML. Every other line must not be
// flagged. The comment lists one or more expectations:
//
//	"rule-id"             the rule reports this line
//	"rule-id:severity"    ... at that severity (info, low, medium, high, critical)
//	"rule-id:suppressed"  ... and the finding is kept but suppressed
//
// An expectation may be followed by what the scan of the fixture's compiled
// classes reports instead, where bytecode cannot tell what the source tells:
//
//	bytecode:-   the compiled classes do not report it
//	bytecode:N   they report it at line N instead; 0 when the class file has
//	             no line for it (a field declaration)
//	source:-     only the compiled classes report it here; the source scan
//	             does not (and the source tests ignore the expectation);
//	             with bytecode:0 after it, they report it at line 0 (a field
//	             declaration the source scan does not flag)
package ruletest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Want is one expectation of a fixture.
type Want struct {
	Line     int    // 1-based line the finding is expected on
	Rule     string // rule id
	Severity string // "", a severity name, or "suppressed"
	// Source is false for "source:-": only the compiled classes report it.
	Source bool
	// BytecodeLine is the line the scan of the compiled classes reports it
	// at: Line unless a "bytecode:" modifier says otherwise, -1 for
	// "bytecode:-".
	BytecodeLine int
}

// wantRE finds a want comment: its opening and the text after "want".
var wantRE = regexp.MustCompile(`(//|#|<!--) want(\s+".*)$`)

// tokenRE reads one item of a want comment.
var tokenRE = regexp.MustCompile(`^\s*(?:"([^"]+)"|(bytecode|source):(-|\d+))`)

// Parse reads the want comments of a fixture. An item it does not know is
// an error, so a misspelt modifier cannot quietly change an expectation.
func Parse(src []byte) ([]Want, error) {
	var out []Want
	for i, line := range strings.Split(string(src), "\n") {
		m := wantRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		at := i + 1
		if m[1] == "#" && strings.HasPrefix(strings.TrimSpace(line), "#") {
			at = i + 2
		}
		rest := m[2]
		if m[1] == "<!--" {
			var ok bool
			if rest, ok = strings.CutSuffix(strings.TrimRight(rest, " \t\r"), "-->"); !ok {
				return nil, fmt.Errorf("line %d: <!-- want ... must end with -->", i+1)
			}
		}
		first := len(out)
		for rest = strings.TrimRight(rest, " \t\r"); rest != ""; {
			t := tokenRE.FindStringSubmatch(rest)
			if t == nil {
				return nil, fmt.Errorf("line %d: cannot read %q in a want comment", i+1, strings.TrimSpace(rest))
			}
			rest = rest[len(t[0]):]
			if t[1] != "" {
				id, sev, _ := strings.Cut(t[1], ":")
				out = append(out, Want{Line: at, Rule: id, Severity: sev, Source: true, BytecodeLine: at})
				continue
			}
			if len(out) == first {
				return nil, fmt.Errorf("line %d: %s:%s must follow a quoted rule id", i+1, t[2], t[3])
			}
			w := &out[len(out)-1]
			switch {
			case t[2] == "source" && t[3] == "-":
				w.Source = false
			case t[2] == "bytecode" && t[3] == "-":
				w.BytecodeLine = -1
			case t[2] == "bytecode":
				n, err := strconv.Atoi(t[3])
				if err != nil {
					return nil, fmt.Errorf("line %d: bytecode:%s: %v", i+1, t[3], err)
				}
				w.BytecodeLine = n
			default:
				return nil, fmt.Errorf("line %d: unknown modifier %s:%s", i+1, t[2], t[3])
			}
			if !w.Source && w.BytecodeLine < 0 {
				return nil, fmt.Errorf("line %d: %q is expected from neither the source nor the compiled classes here", i+1, w.Rule)
			}
		}
	}
	return out, nil
}

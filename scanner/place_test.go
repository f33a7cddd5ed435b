package scanner

import (
	"strings"
	"testing"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/finding"
)

// Every line break counts: LF, CRLF, and a lone CR.
func TestLineBreaks(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
	}{
		{"lf", "a\nb\nc\nSystem.exit(1);\n"},
		{"crlf", "a\r\nb\r\nc\r\nSystem.exit(1);\r\n"},
		{"cr", "a\rb\rc\rSystem.exit(1);\r"},
		{"mixed", "a\r\nb\rc\nSystem.exit(1);"},
		{"bom", "\ufeffa\nb\nc\nSystem.exit(1);\n"},
	} {
		l := newLines([]byte(tc.src))
		off := strings.Index(tc.src, "System")
		line, col := l.pos(off)
		if line != 4 || col != 1 {
			t.Errorf("%s: %d:%d, want 4:1", tc.name, line, col)
		}
		if got := l.lineText(4); got != "System.exit(1);" {
			t.Errorf("%s: line 4 = %q", tc.name, got)
		}
		if got := l.lineText(2); got != "b" {
			t.Errorf("%s: line 2 = %q", tc.name, got)
		}
	}
}

// TestFingerprintEveryKind: for every kind of place a finding can have,
// the fingerprint ignores where the line is and tells identical findings
// apart by their order.
func TestFingerprintEveryKind(t *testing.T) {
	diag := func(span facts.Span, line int) rules.Diagnostic {
		return rules.Diagnostic{RuleID: "system-exit", Severity: rules.SeverityHigh, Message: "exits",
			Span: span, Context: facts.Context{Class: "a.A", Method: "f", Line: line}}
	}
	text := func(src string) where { return where{path: "A.java", src: []byte(src)} }
	at := func(src, code string, n int) facts.Span {
		i := -1
		for ; n >= 0; n-- {
			i += 1 + strings.Index(src[i+1:], code)
		}
		return facts.Span{Start: i, End: i + len(code)}
	}
	srcA := "class A {\n  void f() { System.exit(1); System.exit(1); }\n}\n"
	srcB := "// moved\n\n\nclass A {\n  void f() {\n\tSystem.exit( 1 );\n\tSystem.exit(1);\n  }\n}\n"
	for _, tc := range []struct {
		name   string
		before []finding.Finding
		after  []finding.Finding
	}{
		{"source text",
			place(text(srcA), []rules.Diagnostic{diag(at(srcA, "System.exit(1)", 0), 0), diag(at(srcA, "System.exit(1)", 1), 0)}),
			place(text(srcB), []rules.Diagnostic{diag(at(srcB, "System.exit( 1 )", 0), 0), diag(at(srcB, "System.exit(1)", 0), 0)})},
		{"class in an archive",
			place(where{path: "app.jar", entry: "app.jar!/a/A.class", lineOf: func(off int) int { return 2 + off }},
				[]rules.Diagnostic{diag(facts.Span{Start: 3}, 0), diag(facts.Span{Start: 9}, 0)}),
			place(where{path: "app.jar", entry: "app.jar!/a/A.class", lineOf: func(off int) int { return 40 + off }},
				[]rules.Diagnostic{diag(facts.Span{Start: 5}, 0), diag(facts.Span{Start: 12}, 0)})},
		{"archive as a whole",
			place(where{path: "app.jar", archive: true}, []rules.Diagnostic{diag(facts.Span{}, 0), diag(facts.Span{}, 0)}),
			place(where{path: "app.jar", archive: true}, []rules.Diagnostic{diag(facts.Span{}, 0), diag(facts.Span{}, 0)})},
	} {
		if len(tc.before) != 2 || len(tc.after) != 2 {
			t.Fatalf("%s: %d and %d findings", tc.name, len(tc.before), len(tc.after))
		}
		for i := range tc.before {
			if tc.before[i].Fingerprint != tc.after[i].Fingerprint {
				t.Errorf("%s: finding %d: fingerprint %s became %s", tc.name, i, tc.before[i].Fingerprint, tc.after[i].Fingerprint)
			}
		}
		if tc.before[0].Fingerprint == tc.before[1].Fingerprint {
			t.Errorf("%s: two findings share %s", tc.name, tc.before[0].Fingerprint)
		}
	}
}

package javasrc

import (
	"fmt"
	"strings"
	"testing"
)

// TestLineEndings: every line of a fact is right whatever ends the lines
// (LF, CRLF, a lone CR as old Mac files have, or a mix), with a byte order
// mark, tabs and characters outside the BMP on the way. A // comment ends
// at a lone CR as Java says, so it does not swallow the code after it.
func TestLineEndings(t *testing.T) {
	lines := []string{
		"package p; // a comment that must end here",
		"import java.util.*;",
		"// kscan:ignore system-exit -- the CLI",
		"class A {",
		"\tstatic int counter; /* 🎉 */ static String s = \"😀\";",
		"\tvoid f() {",
		"\t\tString e = \"😀😀\"; System.exit(1);",
		"\t\tcounter++; // kscan:ignore static-mutable-state",
		"\t}",
		"\tclass B { void g() { Runtime.getRuntime().halt(2); } }",
		"\tvoid broken( {",
		"}",
	}
	want := strings.Join([]string{
		"type p.A 4", "type p.A$B 10",
		"method f 6", "method g 10",
		"field counter 5", "field s 5",
		"call exit 7 p.A.f", "call halt 10 p.A$B.g",
		"write counter 8",
		"suppression 3 own=true", "suppression 8 own=false",
		"problem syntax 11",
	}, "\n")
	for _, tc := range []struct{ name, prefix, eol string }{
		{"LF", "", "\n"},
		{"CRLF", "", "\r\n"},
		{"CR", "", "\r"},
		{"BOM LF", "\ufeff", "\n"},
		{"BOM CR", "\ufeff", "\r"},
		{"mixed", "", "mixed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var src string
			if tc.eol == "mixed" {
				eols := []string{"\n", "\r", "\r\n"}
				for i, l := range lines {
					src += l + eols[i%3]
				}
			} else {
				src = tc.prefix + strings.Join(lines, tc.eol) + tc.eol
			}
			e, err := NewExtractor(Interest{Calls: setOf("exit", "halt")}, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer e.Close()
			f, probs, err := e.Extract("p/A.java", []byte(src), nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, td := range f.TypeDecls {
				got = append(got, fmt.Sprintf("type %s %d", td.Name, td.Line))
			}
			for _, m := range f.Methods {
				got = append(got, fmt.Sprintf("method %s %d", m.Name, m.Line))
			}
			for _, fd := range f.Fields {
				got = append(got, fmt.Sprintf("field %s %d", fd.Name, fd.Line))
			}
			for _, c := range f.Calls {
				got = append(got, fmt.Sprintf("call %s %d %s.%s", c.Name, c.Line, c.Class, c.Method))
			}
			for _, w := range f.Writes {
				got = append(got, fmt.Sprintf("write %s %d", w.Name, w.Line))
			}
			for _, s := range f.Suppressions {
				got = append(got, fmt.Sprintf("suppression %d own=%v", s.Line, s.OwnLine))
			}
			for _, p := range probs {
				got = append(got, fmt.Sprintf("problem %s %d", p.Kind, p.Line))
			}
			if g := strings.Join(got, "\n"); g != want {
				t.Errorf("got:\n%s\nwant:\n%s", g, want)
			}
			for _, s := range f.Suppressions {
				if len(s.Rules) != 1 || strings.ContainsAny(s.Rules[0], "\r\n") {
					t.Errorf("suppression rules %q", s.Rules)
				}
			}
		})
	}
}

// TestProblemColumns: a syntax error's column counts bytes from the start
// of its line, whatever ended the line before.
func TestProblemColumns(t *testing.T) {
	for _, eol := range []string{"\n", "\r\n", "\r"} {
		src := "class A {" + eol + "  int x = ;" + eol + "}" + eol
		e, _ := NewExtractor(Interest{}, 0)
		_, probs, err := e.Extract("A.java", []byte(src), nil)
		e.Close()
		if err != nil || len(probs) != 1 || !strings.Contains(probs[0].Message, "line 2, column") {
			t.Errorf("%q: %+v %v", eol, probs, err)
		}
	}
}

func TestNormalizeCR(t *testing.T) {
	for in, want := range map[string]string{
		"":             "",
		"a\nb":         "a\nb",
		"a\r\nb\r\n":   "a\r\nb\r\n",
		"a\rb":         "a\nb",
		"a\r\nb\rc\r":  "a\r\nb\nc\n",
		"\r\r\n\r":     "\n\r\n\n",
		"x\r\n\r\ny\r": "x\r\n\r\ny\n",
	} {
		src := []byte(in)
		got := normalizeCR(src)
		if string(got) != want {
			t.Errorf("normalizeCR(%q) = %q, want %q", in, got, want)
		}
		if string(src) != in {
			t.Errorf("normalizeCR changed its input %q", in)
		}
	}
}

// TestSyntaxOK: valid code parses clean whatever ends its lines (a //
// comment ends at a lone CR), broken code does not.
func TestSyntaxOK(t *testing.T) {
	for src, want := range map[string]bool{
		"class A { void f() {} }":             true,
		"class A { // note\r void f() {} }":   true,
		"class A { // note\r\n void f() {} }": true,
		"class A { void f( }":                 false,
		"class A { /* x */ int y = 1; }\r":    true,
		"class A { int y = ; }":               false,
		strings.Repeat("{", 1000):             false,
	} {
		if got := SyntaxOK([]byte(src)); got != want {
			t.Errorf("SyntaxOK(%.40q) = %v, want %v", src, got, want)
		}
	}
}

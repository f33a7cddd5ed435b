package javasrc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/kscan/kscan/rules/facts"
)

// FuzzExtractShapes feeds the extractor text shaped to stress its bounds:
// deep nesting, unbalanced brackets, CR-only and mixed line ends. Besides
// never panicking, every span must lie in the file, every line must be
// one of its lines, and a file whose LFs became lone CRs must give the
// same facts.
func FuzzExtractShapes(f *testing.F) {
	for _, s := range []string{
		strings.Repeat("class C { ", 300) + strings.Repeat("}", 300),
		strings.Repeat("{", 400),
		"class A { void f() { " + strings.Repeat("(", 300) + "g()" + strings.Repeat(")", 290),
		"class A {\r  // comment\r  void f() { System.exit(1); }\r}\r",
		"class A {\r\n  void f() {\r    Runtime.getRuntime().halt(1);\r\n  }\n}\r",
		"class A { Object o = " + strings.Repeat("new Object() { Object o = ", 140) + "null" + strings.Repeat("; }", 140) + "; }",
		"class A { void f() { run(" + strings.Repeat("() -> { run(", 140) + "null" + strings.Repeat("); }", 140) + "); } }",
		"}}}} class A { void f() { } } {{{{",
		"class A { static int x; void f() { x = 1; x++; A.x += 2; } } // kscan:ignore a,b -- why\r",
		"\ufeffpackage p;\rimport static java.lang.System.*;\rclass A { static { exit(1); } }",
		"class A { String s = \"\"\"\r  text {{{ \r  \"\"\"; char c = '{'; }",
	} {
		f.Add([]byte(s))
	}
	// The hostile repositories' inputs, at a tenth of their size (the
	// shape, not the size, is what once cost time and memory with the
	// square of the depth): numbered nested classes with a call at the
	// bottom, and a method followed by unclosed braces.
	var nested strings.Builder
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&nested, "class C%d { ", i)
	}
	nested.WriteString("void f() { System.exit(1); } ")
	f.Add([]byte(nested.String() + strings.Repeat("}", 2000)))
	f.Add([]byte(nested.String()))
	f.Add([]byte(strings.ReplaceAll(nested.String(), "{ ", "{\r")))
	f.Add([]byte("class U { void f() { System.exit(1); } void g() " + strings.Repeat("{", 10_000)))
	f.Add([]byte("class U { void f() { System.exit(1); } " + strings.Repeat("void g() { ", 5000) + strings.Repeat("}", 4000)))
	f.Add([]byte(strings.Repeat("class C { ", 1000) + strings.Repeat("}", 2000) + "class D { void f() { System.exit(1); } }"))
	in := Interest{Calls: setOf("exit", "halt", "run", "put", "add", "forName", "getClassLoader"), News: setOf("Object", "Thread")}
	e, err := NewExtractor(in, 2_000_000)
	if err != nil {
		f.Fatal(err)
	}
	in.AllCalls = true
	all, err := NewExtractor(in, 2_000_000)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := 1 + countLineEnds(src)
		var first []byte
		for i, ex := range []*Extractor{e, all} {
			file, probs, err := ex.Extract("A.java", src, nil)
			if errors.Is(err, ErrTimeout) {
				return
			}
			if err != nil {
				t.Fatalf("extract: %v", err)
			}
			checkFacts(t, file, probs, len(src), lines)
			if i == 0 {
				first, _ = json.Marshal(struct {
					F *facts.File
					P []Problem
				}{file, probs})
			}
		}
		if bytes.IndexByte(src, '\r') >= 0 || bytes.IndexByte(src, '\n') < 0 {
			return
		}
		cr := bytes.ReplaceAll(src, []byte{'\n'}, []byte{'\r'})
		file, probs, err := e.Extract("A.java", cr, nil)
		if err != nil {
			return
		}
		again, _ := json.Marshal(struct {
			F *facts.File
			P []Problem
		}{file, probs})
		if !bytes.Equal(first, again) {
			t.Errorf("facts differ with CR line ends:\nLF: %.1000s\nCR: %.1000s", first, again)
		}
	})
}

// countLineEnds counts line terminators as Java does: LF, CR, CRLF.
func countLineEnds(b []byte) int {
	n := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\n':
			n++
		case '\r':
			n++
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		}
	}
	return n
}

func checkFacts(t *testing.T, f *facts.File, probs []Problem, size, lines int) {
	t.Helper()
	span := func(what string, s facts.Span) {
		if s.Start < 0 || s.End > size || s.Start > s.End {
			t.Fatalf("%s span %+v out of [0, %d]", what, s, size)
		}
	}
	line := func(what string, l int) {
		if l < 1 || l > lines {
			t.Fatalf("%s line %d out of [1, %d]", what, l, lines)
		}
	}
	for _, c := range f.Calls {
		span("call", c.Span)
		span("call name", c.NameSpan)
		line("call", c.Line)
		for _, a := range c.Args {
			span("argument", a.Span)
		}
	}
	for _, n := range f.News {
		span("new", n.Span)
		line("new", n.Line)
	}
	for _, td := range f.TypeDecls {
		span("type", td.Decl)
		line("type", td.Line)
	}
	for _, m := range f.Methods {
		span("method", m.Decl)
		line("method", m.Line)
	}
	for _, fd := range f.Fields {
		span("field", fd.Span)
		line("field", fd.Line)
	}
	for _, w := range f.Writes {
		span("write", w.Span)
		line("write", w.Line)
	}
	for _, s := range f.Suppressions {
		span("suppression", s.Span)
		line("suppression", s.Line)
	}
	for _, p := range probs {
		line("problem "+p.Kind, p.Line)
	}
}

package javasrc

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// pathological are inputs whose cost once grew faster than their size:
// nesting, unclosed brackets.
var pathological = []struct {
	name string
	gen  func(n int) string // about n bytes
}{
	{"nested classes", func(n int) string {
		var b strings.Builder
		i := 0
		for ; b.Len() < n/2; i++ {
			fmt.Fprintf(&b, "class C%d { ", i)
		}
		b.WriteString(strings.Repeat("}", i))
		return b.String()
	}},
	{"unclosed braces", func(n int) string { return strings.Repeat("{", n) }},
	{"unclosed braces in a method", func(n int) string { return "class A { void f() { " + strings.Repeat("{", n) }},
	{"nested parentheses", func(n int) string {
		return "class A { int x = " + strings.Repeat("(", n/2) + "1" + strings.Repeat(")", n/2) + "; }"
	}},
	{"nested anonymous classes", func(n int) string {
		k := n / 30
		return "class A { Object o = " + strings.Repeat("new Object() { Object o = ", k) + "null" + strings.Repeat("; }", k) + "; }"
	}},
	{"nested lambdas", func(n int) string {
		k := n / 20
		return "class A { void f() { run(" + strings.Repeat("() -> { run(", k) + "null" + strings.Repeat("); }", k) + "); } }"
	}},
	{"CR-only nested blocks", func(n int) string {
		return "class A {\r void f() {\r" + strings.Repeat("if (x) {\r", n/10) + strings.Repeat("}\r", n/10) + "}\r}\r"
	}},
}

// TestPathologicalInputsBounded: however deep the nesting, a file costs
// nodes and memory in proportion to its size, and says it was scanned in
// part. The bounds are counts and allocated bytes, which do not flake.
func TestPathologicalInputsBounded(t *testing.T) {
	e, err := NewExtractor(Interest{Calls: setOf("run", "exit"), News: setOf("Object")}, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	for _, tc := range pathological {
		for _, size := range []int{50_000, 250_000} {
			t.Run(fmt.Sprintf("%s/%d", tc.name, size), func(t *testing.T) {
				src := []byte(tc.gen(size))
				// What the parser is given is shallow: few nodes.
				code, deep := limitNesting(normalizeCR(src), MaxBrackets)
				if deep < 0 {
					t.Fatalf("nesting of %d bytes not limited", len(src))
				}
				nodes, err := e.p.parse(code, 0)
				if err != nil {
					t.Fatal(err)
				}
				if max := 16 * MaxBrackets; len(nodes) > max {
					t.Errorf("%d nodes, want at most %d", len(nodes), max)
				}
				if _, _, err := e.Extract("A.java", src, nil); err != nil { // warm the buffers
					t.Fatal(err)
				}
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				f, probs, err := e.Extract("A.java", src, nil)
				runtime.ReadMemStats(&after)
				if err != nil {
					t.Fatal(err)
				}
				if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(4*len(src)+1<<20) {
					t.Errorf("allocated %d bytes for %d bytes of input", alloc, len(src))
				}
				nesting := false
				for _, p := range probs {
					nesting = nesting || p.Kind == "nesting" && strings.Contains(p.Message, "scanned in part")
				}
				if !nesting {
					t.Errorf("no nesting problem: %+v", probs)
				}
				if len(f.TypeDecls) > MaxNesting || len(f.Calls) > 2*MaxBrackets || len(f.News) > MaxBrackets {
					t.Errorf("%d types, %d calls, %d news from a shallow parse", len(f.TypeDecls), len(f.Calls), len(f.News))
				}
			})
		}
	}
}

// TestDeclarationNestingCap: declarations nested deeper than MaxNesting
// within the bracket limit are left out, with a problem on the line where
// they start, and what is shallower is extracted.
func TestDeclarationNestingCap(t *testing.T) {
	var b strings.Builder
	depth := MaxNesting + 20 // each class is one brace deep
	for i := 0; i < depth; i++ {
		fmt.Fprintf(&b, "class C%d { static { System.exit(%d); }\n", i, i)
	}
	b.WriteString(strings.Repeat("}\n", depth))
	e, _ := NewExtractor(Interest{Calls: setOf("exit")}, 0)
	defer e.Close()
	f, probs, err := e.Extract("C0.java", []byte(b.String()), nil)
	if err != nil {
		t.Fatal(err)
	}
	// Class i is frame i+1; its static initialiser, frame i+2, ends
	// before class i+1 starts. The initialiser of class MaxNesting-1 (on
	// line MaxNesting) is the first frame too deep.
	if len(f.TypeDecls) != MaxNesting || len(f.Calls) != MaxNesting-1 {
		t.Errorf("%d types, %d calls; want %d and %d", len(f.TypeDecls), len(f.Calls), MaxNesting, MaxNesting-1)
	}
	if len(probs) != 1 || probs[0].Kind != "nesting" || probs[0].Line != MaxNesting {
		t.Errorf("problems %+v", probs)
	}
	last := f.Calls[len(f.Calls)-1]
	if want := fmt.Sprintf("$C%d", MaxNesting-2); !strings.HasSuffix(last.Class, want) || last.Method != "<clinit>" || last.Line != MaxNesting-1 {
		t.Errorf("deepest call in %s.%s line %d", last.Class, last.Method, last.Line)
	}
}

// TestLimitNesting: brackets at most MaxBrackets deep leave the text
// alone; deeper ones are blanked inside, keeping offsets and lines.
func TestLimitNesting(t *testing.T) {
	ok := "class A { void f() { g(new int[] {1}, \"{{{{\", '{'); /* {{{ */ } }"
	if out, at := limitNesting([]byte(ok), 5); at >= 0 || string(out) != ok {
		t.Errorf("shallow text changed: %q %d", out, at)
	}
	for _, tc := range []struct{ in, want string }{
		{"{{{{a\nb}}}}", "{{{{ \n }}}}"},
		{"{(([x]))} {((y))}", "{(([ ]))} {((y))}"},
		{"{{{{ open\n", "{{{{     \n"},
		{"{{{ \"}\" {x} } \"{\" }}", "{{{ \"}\" { } } \"{\" }}"},
		{"{{{ // {\n}}} /* { */ {{{", "{{{ // {\n}}} /* { */ {{{"},
	} {
		out, at := limitNesting([]byte(tc.in), 3)
		if string(out) != tc.want {
			t.Errorf("limitNesting(%q) = %q, want %q", tc.in, out, tc.want)
		}
		if (at >= 0) != (tc.in != tc.want) {
			t.Errorf("limitNesting(%q): first blanked at %d", tc.in, at)
		}
	}
}

// TestTimeLimitCoversExtraction: the per-file limit stops the extraction
// after the parse, not only the parse, and a context's cancellation stops
// it with the context's error.
func TestTimeLimitCoversExtraction(t *testing.T) {
	src := []byte("class A { void f() { System.exit(1); } }")
	e, _ := NewExtractor(Interest{Calls: setOf("exit")}, 10_000_000)
	defer e.Close()
	if _, _, err := e.Extract("A.java", src, nil); err != nil {
		t.Fatal(err)
	}
	// The clock jumps past the limit once the parse is done.
	e.afterParse = func() { e.now = func() time.Time { return time.Now().Add(time.Hour) } }
	if _, _, err := e.Extract("A.java", src, nil); !errors.Is(err, ErrTimeout) {
		t.Errorf("past the limit after the parse: %v, want ErrTimeout", err)
	}
	e.now = time.Now
	ctx, cancel := context.WithCancel(context.Background())
	e.afterParse = cancel
	if _, _, err := e.ExtractContext(ctx, "A.java", src, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled after the parse: %v, want context.Canceled", err)
	}
	e.afterParse = nil
	if _, _, err := e.ExtractContext(ctx, "A.java", src, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before: %v", err)
	}
	past, cancel2 := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel2()
	if _, _, err := e.ExtractContext(past, "A.java", src, nil); !errors.Is(err, ErrTimeout) {
		t.Errorf("deadline passed: %v, want ErrTimeout", err)
	}
	// The extractor goes on with the next file.
	f, _, err := e.Extract("A.java", src, nil)
	if err != nil || len(f.Calls) != 1 {
		t.Errorf("after timeouts: %v %+v", err, f)
	}
}

// TestParseCancelFlag: the parse stops when its cancellation flag is set,
// and the next parse runs.
func TestParseCancelFlag(t *testing.T) {
	p, err := newParser()
	if err != nil {
		t.Fatal(err)
	}
	defer p.close()
	src := []byte("class A { " + strings.Repeat("void f() { g(1); }\n", 2000) + "}")
	*p.cancel = 1
	if _, err := p.parse(src, 0); !errors.Is(err, ErrTimeout) {
		t.Errorf("cancelled parse: %v", err)
	}
	*p.cancel = 0
	if n, err := p.parse(src, 0); err != nil || len(n) < 2000 {
		t.Errorf("parse after cancel: %d nodes, %v", len(n), err)
	}
	if _, err := p.parse(src, 1); !errors.Is(err, ErrTimeout) {
		t.Errorf("1µs parse: %v", err)
	}
}

// TestDeepBracketAgreesWithScan: the tight depth check finds the bracket
// the lexing pass finds.
func TestDeepBracketAgreesWithScan(t *testing.T) {
	srcs := []string{
		"class A { void f() { g(\"(((\", '(', /* ((( */ 1); // (((\n } }",
		"{{{{ \"\\\"{\" '\\'' {",
		"a /* unclosed comment {{{{",
		"s = \"\"\"\n {{{{ \"\"\" + {{{{",
	}
	for _, tc := range pathological {
		srcs = append(srcs, tc.gen(5000))
	}
	for _, src := range srcs {
		for _, max := range []int{1, 2, 3, 4, MaxBrackets} {
			want := scanText([]byte(src), Interest{}, max).deep
			if got := deepBracket([]byte(src), max); got != want {
				t.Errorf("deepBracket(%.40q, %d) = %d, the scan says %d", src, max, got, want)
			}
		}
	}
}

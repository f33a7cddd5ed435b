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
	name      string
	gen       func(n int) string // about n bytes
	deepDecls bool               // declarations nest deeper than MaxNesting
}{
	{"nested classes", func(n int) string {
		var b strings.Builder
		i := 0
		for ; b.Len() < n/2; i++ {
			fmt.Fprintf(&b, "class C%d { ", i)
		}
		b.WriteString(strings.Repeat("}", i))
		return b.String()
	}, true},
	{"unclosed braces", func(n int) string { return strings.Repeat("{", n) }, false},
	{"unclosed braces in a method", func(n int) string { return "class A { void f() { " + strings.Repeat("{", n) }, false},
	{"nested parentheses", func(n int) string {
		return "class A { int x = " + strings.Repeat("(", n/2) + "1" + strings.Repeat(")", n/2) + "; }"
	}, false},
	{"nested anonymous classes", func(n int) string {
		k := n / 30
		return "class A { Object o = " + strings.Repeat("new Object() { Object o = ", k) + "null" + strings.Repeat("; }", k) + "; }"
	}, true},
	{"nested lambdas", func(n int) string {
		k := n / 20
		return "class A { void f() { run(" + strings.Repeat("() -> { run(", k) + "null" + strings.Repeat("); }", k) + "); } }"
	}, false},
	{"CR-only nested blocks", func(n int) string {
		return "class A {\r void f() {\r" + strings.Repeat("if (x) {\r", n/10) + strings.Repeat("}\r", n/10) + "}\r}\r"
	}, false},
}

// TestPathologicalInputsBounded: however deep the nesting, a file costs
// nodes and memory in proportion to its size (five times the input costs
// no more per byte), and declarations nested too deep are reported. The
// bounds are counts and allocated bytes, which do not flake.
func TestPathologicalInputsBounded(t *testing.T) {
	e, err := NewExtractor(Interest{Calls: setOf("run", "exit"), News: setOf("Object")}, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	for _, tc := range pathological {
		t.Run(tc.name, func(t *testing.T) {
			var perByte []float64
			for _, size := range []int{50_000, 250_000} {
				src := []byte(tc.gen(size))
				nodes, err := e.p.parse(normalizeCR(src), 0)
				if err != nil {
					t.Fatal(err)
				}
				if max := 4*len(src) + 64; len(nodes) > max {
					t.Errorf("%d nodes for %d bytes", len(nodes), len(src))
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
				perByte = append(perByte, float64(after.TotalAlloc-before.TotalAlloc)/float64(len(src)))
				nesting := false
				for _, p := range probs {
					nesting = nesting || p.Kind == "nesting" && strings.Contains(p.Message, "scanned in part")
				}
				// Declarations past MaxNesting, or brackets past
				// MaxBracketDepth (the rest left unparsed), say so.
				if want := tc.deepDecls || scanText(normalizeCR(src), Interest{}).cut >= 0; nesting != want {
					t.Errorf("%d bytes: nesting problem %v, want %v: %+v", len(src), nesting, want, probs)
				}
				if len(f.TypeDecls) > MaxNesting || len(f.News) > MaxNesting {
					t.Errorf("%d types, %d news past the nesting cap", len(f.TypeDecls), len(f.News))
				}
			}
			t.Logf("%.1f bytes allocated per input byte at 50 kB, %.1f at 250 kB", perByte[0], perByte[1])
			if perByte[1] > 1.5*perByte[0]+4 || perByte[1] > 200 {
				t.Errorf("allocated %.1f bytes per input byte at 50 kB, %.1f at 250 kB", perByte[0], perByte[1])
			}
		})
	}
}

// TestDeclarationNestingCap: declarations nested deeper than MaxNesting
// are left out, with a problem on the line where
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

func TestBracketCut(t *testing.T) {
	deep := func(n int) string { return strings.Repeat("{", n) + strings.Repeat("}", n) }
	tests := []struct {
		name string
		src  string
		cut  int
	}{
		{"at the limit", deep(MaxBracketDepth), -1},
		{"one past", deep(MaxBracketDepth + 1), MaxBracketDepth},
		{"parentheses do not count", strings.Repeat("(", 4*MaxBracketDepth), -1},
		{"braces between parentheses", strings.Repeat("{(", MaxBracketDepth) + "{", 2 * MaxBracketDepth},
		{"closed as it goes", strings.Repeat("{}", 10*MaxBracketDepth), -1},
		{"in strings and comments", `"` + strings.Repeat("{", 2*MaxBracketDepth) + `" /* ` + strings.Repeat("(", 2*MaxBracketDepth) + ` */`, -1},
	}
	for _, tc := range tests {
		if got := scanText([]byte(tc.src), Interest{}).cut; got != tc.cut {
			t.Errorf("%s: cut %d, want %d", tc.name, got, tc.cut)
		}
	}
}

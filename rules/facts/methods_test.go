package facts

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// nestedDecls lays out n methods as a parser would: declarations nested
// (anonymous classes' and local classes' methods inside a method) or one
// after another, some empty (a class file's), some sharing a start, a few
// classes and names repeated (overloads).
func nestedDecls(r *rand.Rand, n int) []MethodDecl {
	var out []MethodDecl
	var lay func(start, end, depth int)
	lay = func(start, end, depth int) {
		for at := start; at < end && len(out) < n; {
			w := 1 + r.IntN(max(1, (end-at)/2+1))
			d := Span{at, min(end, at+w)}
			switch r.IntN(10) {
			case 0:
				d = Span{at, at} // empty
			case 1:
				d.End = max(d.Start, d.End-r.IntN(3)) // shorter
			}
			out = append(out, MethodDecl{Class: fmt.Sprintf("C%d", r.IntN(3)), Name: fmt.Sprintf("m%d", r.IntN(8)), Decl: d})
			if depth < 4 && d.End-d.Start > 2 && r.IntN(3) == 0 {
				lay(d.Start+r.IntN(2), d.End, depth+1)
			}
			at = d.End + r.IntN(3)
		}
	}
	lay(0, 40*n, 0)
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// linearAround is MethodAround without the index.
func linearAround(f *File, at int) *MethodDecl {
	var best *MethodDecl
	for i := range f.Methods {
		if m := &f.Methods[i]; m.Decl.Holds(at) && (best == nil || m.Decl.Start > best.Decl.Start) {
			best = m
		}
	}
	return best
}

// The index answers as a pass over every method does: the same methods
// by name in the same order, the same innermost method at every offset.
func TestMethodIndexAgrees(t *testing.T) {
	indexed := 0
	for seed := uint64(0); seed < 300; seed++ {
		r := rand.New(rand.NewPCG(seed, 7))
		f := &File{Methods: nestedDecls(r, methodIndexMin+r.IntN(200))}
		f.IndexMethods()
		if f.index() == nil {
			continue
		}
		indexed++
		end := 0
		for _, m := range f.Methods {
			end = max(end, m.Decl.End)
		}
		for at := -1; at <= end+1; at++ {
			if got, want := f.MethodAround(at), linearAround(f, at); got != want {
				t.Fatalf("seed %d, offset %d: indexed %v, every method %v", seed, at, got, want)
			}
		}
		for c := 0; c < 4; c++ {
			for n := 0; n < 9; n++ {
				class, name := fmt.Sprintf("C%d", c), fmt.Sprintf("m%d", n)
				var want []*MethodDecl
				for i := range f.Methods {
					if m := &f.Methods[i]; m.Class == class && m.Name == name {
						want = append(want, m)
					}
				}
				if got := slices.Collect(f.MethodsNamed(class, name)); !slices.Equal(got, want) {
					t.Fatalf("seed %d, %s.%s: indexed %d methods, every method %d", seed, class, name, len(got), len(want))
				}
			}
		}
	}
	if indexed < 200 {
		t.Errorf("only %d of 300 files indexed: the layouts are not what a parser gives", indexed)
	}
}

// Methods changed after the index was built are answered without it;
// declarations that overlap are not indexed.
func TestMethodIndexStale(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	f := &File{Methods: nestedDecls(r, 100)}
	f.IndexMethods()
	if f.index() == nil {
		t.Fatal("not indexed")
	}
	f.Methods = append(f.Methods[:len(f.Methods):len(f.Methods)], MethodDecl{Class: "C0", Name: "m0", Decl: Span{0, 1 << 30}})
	if f.index() != nil {
		t.Fatal("an index of the methods before one was added is still used")
	}
	if got := f.MethodAround(1 << 29); got != &f.Methods[len(f.Methods)-1] {
		t.Errorf("the added method is not found: %v", got)
	}
	g := &File{Methods: make([]MethodDecl, methodIndexMin)}
	for i := range g.Methods {
		g.Methods[i] = MethodDecl{Decl: Span{i * 10, i*10 + 5}}
	}
	g.Methods[3].Decl = Span{30, 43} // overlaps the next one without holding it
	g.IndexMethods()
	if g.index() != nil {
		t.Error("overlapping declarations indexed")
	}
	if got := g.MethodAround(42); got != &g.Methods[4] {
		t.Errorf("offset 42: %v", got)
	}
	small := &File{Methods: make([]MethodDecl, methodIndexMin-1)}
	if small.IndexMethods(); small.index() != nil {
		t.Error("a file of few methods indexed")
	}
}

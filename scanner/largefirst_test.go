package scanner

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestFindLargeSources: the sources of at least largeSource bytes, by
// index, sized by a stat or by the size the walk already has.
func TestFindLargeSources(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, n int) input {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, make([]byte, n), 0o644); err != nil {
			t.Fatal(err)
		}
		in := testInput(p, name)
		in.size = -1
		return in
	}
	named := testInput(filepath.Join(dir, "Named.java"), "Named.java")
	named.size = 3 << 20 // named on the command line: not statted
	files := []input{
		write("Small.java", 100),
		write("Edge.java", largeSource-1),
		write("Big.java", largeSource),
		named,
		write("Bigger.java", largeSource+5),
	}
	missing := testInput(filepath.Join(dir, "Gone.java"), "Gone.java")
	missing.size = -1
	files = append(files, missing)
	got := findLargeSources(files).wait()
	want := map[int]int64{2: largeSource, 3: 3 << 20, 4: largeSource + 5}
	if len(got) != len(want) {
		t.Fatalf("%d large sources, want %d", len(got), len(want))
	}
	for i, n := range want {
		if got[&files[i]] != n {
			t.Errorf("source %d (%s): size %d, want %d", i, files[i].rel(), got[&files[i]], n)
		}
	}
	if findLargeSources([]input{write("A.java", 1)}).wait() != nil {
		t.Error("no large source: want nil")
	}
	var none *largeSources
	if none.wait() != nil {
		t.Error("no search: want nil")
	}
}

// TestSourceQueueOrder: the large sources first, largest first (ties by
// path), a small one whenever a large one is being scanned, the others in
// the order given.
func TestSourceQueueOrder(t *testing.T) {
	mk := func(rel string) *input { in := testInput("/t/"+rel, rel); return &in }
	a, b, c, d, e, f := mk("a/A.java"), mk("b/B.java"), mk("c/C.java"), mk("d/D.java"), mk("e/E.java"), mk("f/F.java")
	sizes := map[*input]int64{b: 2 << 20, d: 5 << 20, f: 2 << 20}
	q := newSourceQueue([]*input{a, b, c, d, e, f}, sizes)
	ctx := context.Background()
	type step struct {
		in    *input
		large bool
	}
	var got []step
	take := func() *input {
		in, large := q.next(ctx)
		got = append(got, step{in, large})
		return in
	}
	take() // D, the largest: busy
	take() // A: a large one is being scanned
	take() // C
	q.done()
	take() // B before F: same size, by path
	take() // E
	q.done()
	take() // F
	q.done()
	take() // nil: none left
	want := []step{{d, true}, {a, false}, {c, false}, {b, true}, {e, false}, {f, true}, {nil, false}}
	if len(got) != len(want) {
		t.Fatalf("got %d steps, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			name := func(s step) string {
				if s.in == nil {
					return "nil"
				}
				return s.in.rel()
			}
			t.Errorf("step %d: %s (large %v), want %s (large %v)", i, name(got[i]), got[i].large, name(want[i]), want[i].large)
		}
	}
}

// TestSourceQueueOneLargeAtATime: with only large sources left, a worker
// waits for the one being scanned; cancelling the scan releases it.
func TestSourceQueueOneLargeAtATime(t *testing.T) {
	mk := func(rel string) *input { in := testInput("/t/"+rel, rel); return &in }
	a, b := mk("A.java"), mk("B.java")
	q := newSourceQueue([]*input{a, b}, map[*input]int64{a: 2 << 20, b: 2 << 20})
	ctx := context.Background()
	if in, large := q.next(ctx); in != a || !large {
		t.Fatalf("first: %v %v, want A large", in, large)
	}
	got := make(chan *input)
	go func() {
		in, _ := q.next(ctx)
		got <- in
	}()
	select {
	case in := <-got:
		t.Fatalf("took %s while A was being scanned", in.rel())
	case <-time.After(50 * time.Millisecond):
	}
	q.done()
	if in := <-got; in != b {
		t.Fatalf("after A: %v, want B", in)
	}

	// Cancelled while waiting: the waiter returns nil once woken.
	c, d := mk("C.java"), mk("D.java")
	q = newSourceQueue([]*input{c, d}, map[*input]int64{c: 2 << 20, d: 2 << 20})
	cctx, cancel := context.WithCancel(ctx)
	q.next(cctx)
	go func() {
		in, _ := q.next(cctx)
		got <- in
	}()
	cancel()
	q.done()
	if in := <-got; in != nil {
		t.Fatalf("cancelled: took %s", in.rel())
	}
}

package scanner

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/kscan/kscan/rules/facts"
)

func TestWordSpillRoundTrip(t *testing.T) {
	var s wordSpill
	defer s.discard()
	var ws0 wordSet
	if s.get(0, &ws0) {
		t.Fatal("get from an empty spill")
	}
	// More than two chunks, the last one partial.
	n := 2*spillChunk + 17
	var want []wordSet
	for i := 0; i < n; i++ {
		var ws wordSet
		ws.add([]byte(fmt.Sprintf("word%d", i)))
		ws[i%len(ws)] |= uint64(i) << 7
		ws[(i+1)%len(ws)] = ^uint64(0) - uint64(i) // high bits too
		j, ok := s.put(&ws)
		if !ok || int(j) != i {
			t.Fatalf("put %d: index %d, ok %v", i, j, ok)
		}
		want = append(want, ws)
	}
	check := func(order []int32) {
		t.Helper()
		var ws wordSet
		for k, i := range order {
			if !s.get(int32(k), &ws) || ws != want[i] {
				t.Fatalf("set %d (put as %d) differs", k, i)
			}
		}
		// Two readers of their own, one going forwards and one back, as
		// two workers of a pass would.
		r1, r2 := &spillReader{s: &s}, &spillReader{s: &s}
		for k := range order {
			back := len(order) - 1 - k
			if !r1.get(int32(k), &ws) || ws != want[order[k]] {
				t.Fatalf("reader: set %d (put as %d) differs", k, order[k])
			}
			if !r2.get(int32(back), &ws) || ws != want[order[back]] {
				t.Fatalf("reader: set %d (put as %d) differs", back, order[back])
			}
		}
		if r1.get(int32(len(order)), &ws) || r1.get(-1, &ws) {
			t.Fatalf("reader: get out of %d sets", len(order))
		}
		for _, k := range []int32{-1, int32(len(order))} {
			if s.get(k, &ws) {
				t.Fatalf("get %d of %d sets", k, len(order))
			}
		}
	}
	// Read before the writer was flushed, backwards across chunks, and
	// in order.
	var ws wordSet
	for _, i := range []int32{int32(n - 1), 0, spillChunk, spillChunk - 1, 3} {
		if !s.get(i, &ws) || ws != want[i] {
			t.Fatalf("get %d before reorder", i)
		}
	}
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	check(order)
	// Reversed, and a subset: only the sets asked for are kept.
	rev := make([]int32, 0, n)
	for i := n - 1; i >= 0; i -= 2 {
		rev = append(rev, int32(i))
	}
	if !s.reorder(rev) {
		t.Fatal("reorder")
	}
	check(rev)
	// Again, from the reordered file: back to put order of the subset.
	var back []int32
	for k := len(rev) - 1; k >= 0; k-- {
		back = append(back, int32(k))
	}
	if !s.reorder(back) {
		t.Fatal("second reorder")
	}
	var fwd []int32
	for k := len(rev) - 1; k >= 0; k-- {
		fwd = append(fwd, rev[k])
	}
	check(fwd)
	name := s.f.Name()
	s.discard()
	if _, err := os.Stat(name); !os.IsNotExist(err) {
		t.Errorf("spill file left after discard: %v", err)
	}
	if s.get(0, &ws) || s.reorder([]int32{0}) {
		t.Error("read after discard")
	}
	s.discard() // twice: nothing left to remove
}

// A set that cannot be read is reported missing, not made up.
func TestWordSpillUnreadable(t *testing.T) {
	var s wordSpill
	defer s.discard()
	var ws wordSet
	ws.add([]byte("x"))
	for i := 0; i < 3; i++ {
		s.put(&ws)
	}
	s.w.Flush()
	s.f.Close() // reads now fail
	if s.get(1, &ws) {
		t.Error("get from a closed file")
	}
	if s.reorder([]int32{0, 1}) || !s.broken || s.f != nil {
		t.Error("reorder of an unreadable file")
	}
	if _, ok := s.put(&ws); ok {
		t.Error("put after the file failed")
	}
}

// The search for callers finds the same callers whether the word sets
// stayed in memory or were spilled during the sources step.
func TestGraphSpilledWords(t *testing.T) {
	files := map[string]string{
		"src/main/java/u/Exit.java": "package u;\npublic class Exit { public static void now(int c) { System.exit(c); } }\n",
	}
	for i := 0; i < 6; i++ {
		files[fmt.Sprintf("src/main/java/c/C%d.java", i)] = fmt.Sprintf("package c;\npublic class C%d { void f() { u.Exit.now(%d); } }\n", i, i)
		files[fmt.Sprintf("src/main/java/d/D%d.java", i)] = fmt.Sprintf("package d;\npublic class D%d { void f() { other(%d); } void other(int x) {} }\n", i, i)
	}
	defer func(n int) { spillAfter = n }(spillAfter)
	var got [2][]string
	for k, after := range []int{1 << 30, 0} {
		spillAfter = after
		e := scanned(t, files)
		t.Cleanup(e.graphs.spill.discard)
		spilled := 0
		for _, s := range e.graphs.sources {
			if s.words == nil {
				spilled++
			}
		}
		if after == 0 && spilled != len(e.graphs.sources) || after != 0 && spilled != 0 {
			t.Fatalf("spillAfter %d: %d of %d sets spilled", after, spilled, len(e.graphs.sources))
		}
		g, err := e.graphs.build(context.Background(), e.findings, graphOptions{jobs: 2, timeout: time.Minute,
			maxFileSize: DefaultMaxFileSize, types: e.index.types})
		if err != nil {
			t.Fatal(err)
		}
		var ws wordSet
		for i, s := range e.graphs.sources {
			if e.graphs.wordsOf(i, &ws) == nil {
				t.Fatalf("spillAfter %d: %s has no word set after the sources step", after, s.rel())
			}
		}
		for _, c := range g.Callers(facts.MethodKey{Class: "u.Exit", Name: "now", Arity: 1}) {
			got[k] = append(got[k], c.Caller.Class)
		}
	}
	if len(got[0]) != 6 || !reflect.DeepEqual(got[0], got[1]) {
		t.Errorf("callers in memory %v, spilled %v", got[0], got[1])
	}
}

// A word's mentions are the files holding it in path order, whatever the
// batches they are read in; past the limit, none.
func TestGraphMentioning(t *testing.T) {
	files := map[string]string{}
	n := mentionBatch*2 + 5
	for i := 0; i < n; i++ {
		files[fmt.Sprintf("src/main/java/m/M%03d.java", i)] = fmt.Sprintf("package m;\npublic class M%03d { void f() { zeta(); } }\n", i)
		files[fmt.Sprintf("src/main/java/n/N%03d.java", i)] = fmt.Sprintf("package n;\npublic class N%03d { void f() { eta(); } }\n", i)
	}
	defer func(n int) { spillAfter = n }(spillAfter)
	spillAfter = 7 // some sets spilled
	e := scanned(t, files)
	t.Cleanup(e.graphs.spill.discard)
	if _, err := e.graphs.build(context.Background(), e.findings, graphOptions{jobs: 2, timeout: time.Minute,
		maxFileSize: DefaultMaxFileSize, types: e.index.types}); err != nil {
		t.Fatal(err)
	}
	var want []string
	for i := 0; i < n; i++ {
		want = append(want, fmt.Sprintf("src/main/java/m/M%03d.java", i))
	}
	for _, jobs := range []int{1, 2} {
		e.graphs.mentioned = nil
		got, ok := e.graphs.mentioning("zeta", n, DefaultMaxFileSize, jobs)
		if !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("jobs %d: mentioning zeta, limit %d: %v %v", jobs, n, ok, got)
		}
		if got, ok := e.graphs.mentioning("zeta", n-1, DefaultMaxFileSize, jobs); ok || got != nil {
			t.Errorf("jobs %d: mentioning zeta past the limit: %v %v", jobs, ok, got)
		}
		if got, ok := e.graphs.mentioning("theta", n, DefaultMaxFileSize, jobs); !ok || len(got) != 0 {
			t.Errorf("jobs %d: mentioning theta: %v %v", jobs, ok, got)
		}
	}
	// Asked again: the same answer, kept.
	if got, ok := e.graphs.mentioning("zeta", n, DefaultMaxFileSize, 2); !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("mentioning zeta again: %v %v", ok, got)
	}
	// Searched together, each word gets the answer it gets alone, whether
	// the others close before it or not.
	words := []string{"zeta", "eta", "theta", "f", "M007", "zeta"}
	for _, limit := range []int{3, n - 1, n, 2 * n} {
		alone := map[string]mentionSet{}
		for _, w := range words {
			e.graphs.mentioned = nil
			paths, ok := e.graphs.mentioning(w, limit, DefaultMaxFileSize, 2)
			alone[w] = mentionSet{paths, ok}
		}
		e.graphs.mentioned = nil
		e.graphs.prefetchMentions(words, limit, DefaultMaxFileSize, 2)
		for _, w := range words {
			got, kept := e.graphs.mentioned[mentionKey{w, limit}]
			if !kept {
				t.Errorf("limit %d: %s searched with others, its answer not kept", limit, w)
			}
			if !reflect.DeepEqual(got, alone[w]) {
				t.Errorf("limit %d: %s searched with others %v %v, alone %v %v", limit, w, got.ok, got.paths, alone[w].ok, alone[w].paths)
			}
		}
	}
}

package scanner

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/kscan/kscan/rules/facts"
)

func TestWordSpillRoundTrip(t *testing.T) {
	var s wordSpill
	var want []wordSet
	for i := 0; i < 1000; i++ {
		var ws wordSet
		ws.add([]byte(fmt.Sprintf("word%d", i)))
		ws[i%len(ws)] |= uint64(i) << 7
		j, ok := s.put(&ws)
		if !ok || int(j) != i {
			t.Fatalf("put %d: index %d, ok %v", i, j, ok)
		}
		want = append(want, ws)
	}
	got := s.load()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("load: %d sets back, differing from the %d put", len(got), len(want))
	}
	s.discard() // after load: nothing left to remove
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
		for _, s := range e.graphs.sources {
			if s.words == nil {
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

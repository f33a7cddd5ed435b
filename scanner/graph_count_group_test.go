package scanner

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/kscan/kscan/rules/facts"
)

// Methods counted in groups (countCandidates, one pass over the word sets
// for a group) get the counts each gets counted alone (countAlone): the
// same files in the same order, the same bound, the constructors'
// creations read as before. Some word sets are spilled, so both kinds of
// set are read.
func TestCountGroupAgrees(t *testing.T) {
	files := map[string]string{}
	for i := 0; i < 40; i++ {
		var body string
		switch i % 5 {
		case 0:
			body = "void f() { Cli.parse(a); new Runner(); }"
		case 1:
			body = "Cli cli; void g() { cli.parse(); run(); }"
		case 2:
			body = "void h() { Runner.run(); Other.parse(); Runner r = null; }"
		case 3:
			body = "void k() { getMethod(\"parse\"); Runner x = new Other(); }"
		case 4:
			body = "void m() { new p.Runner().stop(); }"
		}
		files[fmt.Sprintf("src/main/java/p/S%02d.java", i)] = fmt.Sprintf("package p;\nclass S%02d { %s }\n", i, body)
	}
	defer func(n int) { spillAfter = n }(spillAfter)
	spillAfter = 7 // some sets spilled
	e := scanned(t, files)
	t.Cleanup(e.graphs.spill.discard)
	x := e.graphs
	if _, err := x.build(context.Background(), e.findings, graphOptions{jobs: 2, timeout: time.Minute,
		maxFileSize: DefaultMaxFileSize, types: e.index.types}); err != nil {
		t.Fatal(err)
	}
	keys := []facts.MethodKey{{Class: "p.Cli", Name: "parse"}, {Class: "p.Runner", Name: "run"}, {Class: "p.Runner", Name: "stop"},
		{Class: "p.Runner", Name: "<init>"}, {Class: "p.Other", Name: "<init>"}, {Class: "p.Missing", Name: "none"},
		{Class: "p.Missing", Name: "<init>"}, {Class: "p.Other", Name: "parse"}, {Class: "p.Cli", Name: "parse"}}
	for _, limit := range []int{1, 3, 8, 9, 30, 100} {
		o := graphOptions{maxFileSize: DefaultMaxFileSize, jobs: 2}
		alone := map[candidateKey]int{}
		for _, k := range keys {
			x.counted, x.creates = map[candidateKey]int{}, map[int]createdSet{}
			alone[candidateKey{k.Class, k.Name, limit}] = countAlone(x, k, limit, o)
		}
		for _, jobs := range []int{2, 3} {
			o.jobs = jobs
			x.counted, x.creates = map[candidateKey]int{}, map[int]createdSet{}
			x.countCandidates(keys, limit, o)
			for ck, n := range alone {
				if got, ok := x.counted[ck]; !ok || got != n {
					t.Errorf("limit %d, %d workers, %s.%s: in a group %d (kept %v), alone %d", limit, jobs, ck.class, ck.name, got, ok, n)
				}
			}
		}
	}
	x.counted, x.creates = nil, nil
}

// countAlone counts one method's candidates as the search did before the
// methods were counted in groups: a pass over the word sets of its own.
func countAlone(x *graphIndex, k facts.MethodKey, limit int, o graphOptions) int {
	w := wantOf(k)
	m := newWantMatcher([]want{w})
	n, read := 0, 0
	var ws wordSet
	for i := range x.sources {
		if !m.mayHold(x.sources[i].input, x.wordsOf(i, &ws)) {
			continue
		}
		if w.ctor {
			if read++; read > maxCreationReads {
				return limit
			}
			if !x.createsClass(i, string(w.class), o) {
				continue
			}
		}
		if n++; n >= limit {
			break
		}
	}
	if n >= limit && !w.ctor {
		return x.exactCandidates(nil, m, limit, o)
	}
	return n
}

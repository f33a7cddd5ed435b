package scanner

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/kscan/kscan/rules/facts"
)

// The batched recount on the files' text gives each method the count
// exactCandidates gives it alone: the same files in the same order, the
// same bound, each file read once for all. The sources have no word sets,
// so every file is admitted for every method and the text decides.
func TestExactBatchAgrees(t *testing.T) {
	dir := t.TempDir()
	x := newGraphIndex()
	bodies := []string{
		"class A { void f(Cli c) { Cli.parse(a); } }",
		"class B { Cli cli; void g() { cli.parse(); run(); } }",
		"class C { void h() { Runner.run(); Other.parse(); } }",
		"class D { void k() { getMethod(\"parse\"); } }",
		"class E { /* Cli.parse */ int parse; }",
		"class F { Runner r; void m() { r.run(); r.stop(); } }",
		"class G { }",
	}
	// More files than one stretch of exactBatch holds, read by one worker
	// and by several.
	const files = 2*exactStretch + 9
	ins := make([]input, 0, files)
	for i := 0; i < files; i++ {
		rel := fmt.Sprintf("src/p/S%d.java", i)
		abs := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(abs), 0o755)
		if i != 17 { // one file gone: a read error counts as a caller
			os.WriteFile(abs, []byte(bodies[(i*5)%len(bodies)]), 0o644)
		}
		ins = append(ins, testInput(abs, rel))
	}
	for i := range ins {
		x.addSource(&ins[i], nil, createdFilter{}, false, false)
	}
	keys := []facts.MethodKey{{Class: "p.Cli", Name: "parse"}, {Class: "p.Runner", Name: "run"}, {Class: "p.Runner", Name: "stop"},
		{Class: "p.Missing", Name: "none"}, {Class: "p.Other", Name: "parse"}}
	for _, c := range []struct{ limit, jobs int }{{1, 1}, {3, 1}, {6, 2}, {50, 1}, {50, 3}, {90, 2}, {200, 3}} {
		limit, o := c.limit, graphOptions{maxFileSize: 1 << 20, jobs: c.jobs}
		var batch []candidateKey
		alone := map[candidateKey]int{}
		for _, k := range keys {
			ck := candidateKey{k.Class, k.Name, limit}
			batch = append(batch, ck)
			alone[ck] = x.exactCandidates(nil, newWantMatcher([]want{wantOf(k)}), limit, o)
		}
		x.counted = map[candidateKey]int{}
		x.exactBatch(batch, o)
		for ck, n := range alone {
			if got, ok := x.counted[ck]; !ok || got != n {
				t.Errorf("limit %d, %d workers, %s.%s: batch %d (kept %v), alone %d", limit, c.jobs, ck.class, ck.name, got, ok, n)
			}
		}
	}
}

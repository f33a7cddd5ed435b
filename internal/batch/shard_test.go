package batch

import (
	"fmt"
	"testing"
)

func TestParseShard(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Shard
		ok   bool
	}{
		{"1/1", Shard{1, 1}, true}, {"2/3", Shard{2, 3}, true}, {" 3 / 3 ", Shard{3, 3}, true},
		{"0/3", Shard{}, false}, {"4/3", Shard{}, false}, {"1", Shard{}, false}, {"a/b", Shard{}, false}, {"1/0", Shard{}, false},
	} {
		got, err := ParseShard(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("%q: %v, %v", tc.in, got, err)
		}
	}
}

// TestShardStable: each repository is in exactly one shard, shards are
// balanced, and adding repositories to the list moves none of the others.
func TestShardStable(t *testing.T) {
	const n = 4
	var es []Entry
	for i := 0; i < 400; i++ {
		es = append(es, Entry{Ident: fmt.Sprintf("https://git.example.com/team%d/app%d", i%7, i)})
	}
	where := map[string]int{}
	counts := make([]int, n)
	for i := range es {
		hits := 0
		for s := 1; s <= n; s++ {
			if (Shard{s, n}).Holds(&es[i]) {
				hits++
				where[es[i].Ident] = s
				counts[s-1]++
			}
		}
		if hits != 1 {
			t.Fatalf("%s in %d shards", es[i].Ident, hits)
		}
	}
	for s, c := range counts {
		if c < 60 || c > 140 {
			t.Errorf("shard %d holds %d of 400", s+1, c)
		}
	}
	// Another ref of a repository lands with it; list order does not matter.
	e := Entry{Ident: es[10].Ident, Ref: "release", Line: 999}
	if !(Shard{where[e.Ident], n}).Holds(&e) {
		t.Error("a second ref of a repository went to another shard")
	}
	if !(Shard{}).Holds(&e) {
		t.Error("the zero shard must hold everything")
	}
}

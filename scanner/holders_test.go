package scanner

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/kscan/kscan/rules/facts"
)

// TestHolderChains: classes held by the same archives end at one node,
// whatever order the workers reached them in; a chain lists an outermost
// archive's references in its walk's order and the outermost archives by
// key; a reference recorded again right after itself is not repeated.
func TestHolderChains(t *testing.T) {
	c := holderChains{}
	// (id, key): ids 0 and 1 are references of the outermost archive
	// keyed 0 (the jar, a jar nested in it), 2 of key 1, 3 of key 2.
	keyOf := []int32{0, 0, 1, 2}
	chain := func(ids ...int32) *holderList {
		var l *holderList
		for _, id := range ids {
			l = c.add(l, id, keyOf[id])
		}
		return l
	}
	a := chain(0, 2, 3)
	for _, order := range [][]int32{{2, 0, 3}, {3, 2, 0}, {2, 3, 0}, {0, 3, 2}} {
		if b := chain(order...); b != a {
			t.Errorf("%v: %v, want the node of [0 2 3]", order, b.ids(nil))
		}
	}
	if got := a.ids(nil); !slices.Equal(got, []int32{0, 2, 3}) || a.length() != 3 {
		t.Errorf("ids %v, length %d: want [0 2 3], 3", got, a.length())
	}
	// One outermost archive's references keep its walk's order.
	if got := chain(1, 0, 2).ids(nil); !slices.Equal(got, []int32{1, 0, 2}) {
		t.Errorf("1, 0 (one jar), then 2: %v", got)
	}
	if got := chain(2, 1, 0).ids(nil); !slices.Equal(got, []int32{1, 0, 2}) {
		t.Errorf("2, then 1, 0 (one jar): %v", got)
	}
	// Recorded again right after itself, in its own walk: once. After
	// another reference of its walk: again.
	if got := chain(0, 2, 0).ids(nil); !slices.Equal(got, []int32{0, 2}) {
		t.Errorf("0, 2, 0: %v, want [0 2]", got)
	}
	if got := chain(0, 1, 0).ids(nil); !slices.Equal(got, []int32{0, 1, 0}) {
		t.Errorf("0, 1, 0: %v, want [0 1 0]", got)
	}
	if got := a.ids([]int32{9}); !slices.Equal(got, []int32{9, 0, 2, 3}) {
		t.Errorf("ids appended to [9]: %v", got)
	}
	var none *holderList
	if none.length() != 0 || len(none.ids(nil)) != 0 {
		t.Error("no archive: a length or ids")
	}
}

// TestEntryIndexSeal: archives with the same entries share one map once
// sealed; an entry added to one of them afterwards is that archive's
// alone.
func TestEntryIndexSeal(t *testing.T) {
	x := newEntryIndex()
	for _, anchor := range []string{"a.jar", "b.jar", "c.jar"} {
		x.put(anchor+"!/p/A.class", entryAt{anchor: anchor, role: facts.RoleModule})
		role := facts.RoleModule
		if anchor == "c.jar" {
			role = facts.RoleBase // same names, another role
		}
		x.put(anchor+"!/p/B.class", entryAt{anchor: anchor, role: role})
		x.seal(anchor)
	}
	same := func(p, q string) bool {
		return reflect.ValueOf(x.byAnchor[p]).Pointer() == reflect.ValueOf(x.byAnchor[q]).Pointer()
	}
	if !same("a.jar", "b.jar") {
		t.Error("a.jar and b.jar hold the same entries: two maps")
	}
	if same("a.jar", "c.jar") {
		t.Error("c.jar's roles differ: it shares a.jar's map")
	}
	x.put("b.jar!/p/C.class", entryAt{anchor: "b.jar", role: facts.RoleModule})
	if _, ok := x.get("a.jar!/p/C.class"); ok {
		t.Error("an entry added to b.jar after its seal shows in a.jar")
	}
	if at, ok := x.get("b.jar!/p/C.class"); !ok || at.anchor != "b.jar" || at.role != facts.RoleModule {
		t.Errorf("b.jar's new entry: %+v %v", at, ok)
	}
	if at, ok := x.get("c.jar!/p/B.class"); !ok || at.role != facts.RoleBase {
		t.Errorf("c.jar!/p/B.class: %+v %v, want the base role", at, ok)
	}
	x.seal("b.jar")
	if same("a.jar", "b.jar") {
		t.Error("b.jar holds one more entry than a.jar: sealed again, they share a map")
	}
}

// TestHolderChainsInterleaved: whatever order workers interleave the walks
// of outermost archives in, each class ends at the chain of its walks'
// records in key order, and classes with equal records share its node.
func TestHolderChainsInterleaved(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 200; round++ {
		// Outermost archives (keys 0..k-1), each with one or two
		// references (ids), walking a sequence of (class, id).
		k := 1 + rng.IntN(5)
		var keyOf []int32
		type rec struct {
			class string
			id    int32
		}
		walks := make([][]rec, k)
		for key := range k {
			ids := []int32{int32(len(keyOf))}
			keyOf = append(keyOf, int32(key))
			if rng.IntN(3) == 0 {
				ids = append(ids, int32(len(keyOf)))
				keyOf = append(keyOf, int32(key))
			}
			for range 1 + rng.IntN(12) {
				walks[key] = append(walks[key], rec{string(rune('a' + rng.IntN(4))), ids[rng.IntN(len(ids))]})
			}
		}
		// What each class's chain must read: its records walk by walk in
		// key order, a record right after itself in its walk once.
		want := map[string][]int32{}
		for key := range k {
			last := map[string]int32{}
			for _, r := range walks[key] {
				if l, ok := last[r.class]; ok && l == r.id {
					continue
				}
				last[r.class] = r.id
				want[r.class] = append(want[r.class], r.id)
			}
		}
		// Interleave the walks at random, as workers would.
		c := holderChains{}
		got := map[string]*holderList{}
		pos := make([]int, k)
		for left := true; left; {
			left = false
			key := rng.IntN(k)
			for i := range k {
				if w := (key + i) % k; pos[w] < len(walks[w]) {
					r := walks[w][pos[w]]
					pos[w]++
					got[r.class] = c.add(got[r.class], r.id, keyOf[r.id])
					left = true
					break
				}
			}
		}
		byList := map[string]*holderList{}
		for class, w := range want {
			if ids := got[class].ids(nil); !slices.Equal(ids, w) {
				t.Fatalf("round %d, class %s: chain %v, want %v (walks %v)", round, class, ids, w, walks)
			}
			key := fmt.Sprint(w)
			if n, ok := byList[key]; ok && n != got[class] {
				t.Fatalf("round %d: two nodes for %v", round, w)
			}
			byList[key] = got[class]
		}
	}
}

// ids appends the chain's archives to buf, first to last (for the tests'
// messages and comparisons).
func (l *holderList) ids(buf []int32) []int32 {
	k := len(buf)
	for ; l != nil; l = l.prev {
		buf = append(buf, l.id)
	}
	for i, j := k, len(buf)-1; i < j; i, j = i+1, j-1 {
		buf[i], buf[j] = buf[j], buf[i]
	}
	return buf
}

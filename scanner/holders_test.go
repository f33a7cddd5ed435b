package scanner

import (
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

package scanner

import (
	"reflect"
	"slices"
	"testing"

	"github.com/kscan/kscan/rules/facts"
)

// TestHolderChains: classes held by the same archives in the same order
// end at one node; another order is another chain; a chain lists its
// archives in the order they were added.
func TestHolderChains(t *testing.T) {
	c := holderChains{}
	chain := func(ids ...int32) *holderList {
		var l *holderList
		for _, id := range ids {
			l = c.add(l, id)
		}
		return l
	}
	a, b := chain(3, 1, 2), chain(3, 1, 2)
	if a != b {
		t.Error("the same archives in the same order: two nodes")
	}
	if d := chain(1, 3, 2); d == a {
		t.Error("another order: the same node")
	}
	if got := a.ids(nil); !slices.Equal(got, []int32{3, 1, 2}) || a.length() != 3 {
		t.Errorf("ids %v, length %d: want [3 1 2], 3", got, a.length())
	}
	if got := a.ids([]int32{9}); !slices.Equal(got, []int32{9, 3, 1, 2}) {
		t.Errorf("ids appended to [9]: %v", got)
	}
	var none *holderList
	if none.length() != 0 || len(none.ids(nil)) != 0 {
		t.Error("no archive: a length or ids")
	}
	// 3, then 3 1, 3 1 2, 1, 1 3, 1 3 2: six nodes.
	if len(c) != 6 {
		t.Errorf("%d nodes, want 6", len(c))
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

package scanner

import (
	"reflect"
	"testing"

	"github.com/kscan/kscan/rules/facts"
)

// TestClassPathSharesLists: classes held by the same archives share one
// list of references, classes held by other archives (or the same ones
// in other roles) get their own, and the lists read as before.
func TestClassPathSharesLists(t *testing.T) {
	x := newProjectIndex(nil, nil, nil)
	a := x.archiveIDOf(facts.ArchiveRef{Archive: "a.jar", Anchor: "a.jar", Role: facts.RoleShared})
	b := x.archiveIDOf(facts.ArchiveRef{Archive: "b.jar", Anchor: "b.jar", Role: facts.RoleShared})
	bMod := x.archiveIDOf(facts.ArchiveRef{Archive: "b.jar", Anchor: "b.jar", Role: facts.RoleModule})
	c := x.archiveIDOf(facts.ArchiveRef{Archive: "c.jar", Anchor: "c.jar", Role: facts.RoleShared})
	// Added in either order, as two workers would.
	x.addClass("p.One", a)
	x.addClass("p.One", b)
	x.addClass("p.Two", b)
	x.addClass("p.Two", a)
	x.addClass("p.Three", a)
	x.addClass("p.Three", bMod)
	x.addClass("p.Four", a)
	x.addClass("p.Four", c)
	x.addClass("p.Alone", c)
	cp := x.classPath()
	want := []facts.ArchiveRef{{Archive: "a.jar", Anchor: "a.jar", Role: facts.RoleShared}, {Archive: "b.jar", Anchor: "b.jar", Role: facts.RoleShared}}
	if !reflect.DeepEqual(cp.Classes["p.One"], want) || !reflect.DeepEqual(cp.Classes["p.Two"], want) {
		t.Fatalf("One %v, Two %v; want %v", cp.Classes["p.One"], cp.Classes["p.Two"], want)
	}
	if &cp.Classes["p.One"][0] != &cp.Classes["p.Two"][0] {
		t.Error("two classes held by the same archives have a list each")
	}
	for _, other := range []string{"p.Three", "p.Four"} {
		if len(cp.Classes[other]) != 2 || &cp.Classes[other][0] == &cp.Classes["p.One"][0] {
			t.Errorf("%s: %v, sharing One's list", other, cp.Classes[other])
		}
	}
	if cp.Classes["p.Three"][1].Role != facts.RoleModule {
		t.Errorf("Three: %v, want b.jar as a module's", cp.Classes["p.Three"])
	}
	if _, ok := cp.Classes["p.Alone"]; ok {
		t.Error("a class one archive holds is listed")
	}
}

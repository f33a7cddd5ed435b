package scanner

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/kscan/kscan/rules/facts"
)

func TestEntryIndex(t *testing.T) {
	puts := []struct {
		logical string
		at      entryAt
	}{
		{"classes/Foo.class", entryAt{anchor: "classes/Foo.class", role: facts.RoleModule}},
		{"lib/a.jar!/com/acme/Foo.class", entryAt{anchor: "lib/a.jar", role: facts.RoleBase}},
		{"lib/b.jar!/com/acme/Foo.class", entryAt{anchor: "lib/b.jar", role: facts.RoleShared}},
		{"app.jar!/BOOT-INF/lib/x.jar!/com/X.class", entryAt{anchor: "app.jar", role: facts.RoleModule}},
		// An anchor whose own path has the separator is kept whole.
		{"odd!/dir/c.jar!/com/C.class", entryAt{anchor: "odd!/dir/c.jar", role: facts.RoleBase}},
	}
	x := newEntryIndex()
	for _, p := range puts {
		x.put(p.logical, p.at)
	}
	for _, p := range puts {
		if got, ok := x.get(p.logical); !ok || got != p.at {
			t.Errorf("get(%q) = %+v, %v; want %+v", p.logical, got, ok, p.at)
		}
	}
	for _, miss := range []string{"lib/a.jar", "lib/a.jar!/com/acme/Bar.class", "lib/c.jar!/com/acme/Foo.class", "odd!/dir/c.jar!/com/D.class", "Foo.class"} {
		if got, ok := x.get(miss); ok {
			t.Errorf("get(%q) = %+v, want none", miss, got)
		}
	}
	if len(x.names) != 2 { // com/acme/Foo.class once for both jars, and the nested one
		t.Errorf("names inside archives kept %d times, want 2 (one per distinct name)", len(x.names))
	}
}

// TestShareKeepsValues checks that the index's shared copies of kept
// facts' strings change no value and that a string recurring in two
// files is held once.
func TestShareKeepsValues(t *testing.T) {
	file := func(path string) *facts.File {
		init := &facts.Expr{Kind: facts.ExprNew, Text: strings.Clone("new HashMap<>()"), Type: strings.Clone("java.util.HashMap")}
		return &facts.File{Path: path, Package: strings.Clone("a.b"),
			Fields: []facts.Field{{Name: strings.Clone("CACHE"), Type: strings.Clone("java.util.Map"), TypeText: strings.Clone("Map<String, Object>"), Static: true,
				Init: init, Context: facts.Context{Class: strings.Clone("a.b.C"), Method: strings.Clone("<clinit>")}}},
			Writes: []facts.Write{{Kind: facts.WriteCall, Owner: strings.Clone("a.b.C"), Name: strings.Clone("CACHE"), Method: strings.Clone("put"),
				Args:    []facts.Expr{{Kind: facts.ExprLiteral, Text: strings.Clone("1"), Type: strings.Clone("int")}},
				Context: facts.Context{Class: strings.Clone("a.b.C"), Method: strings.Clone("add")}}}}
	}
	x := newProjectIndex(nil, nil, nil)
	a, b := file("a/C.java"), file("b/C.java")
	x.keep(a)
	x.keep(b)
	want := file("b/C.java")
	if !reflect.DeepEqual(b, want) {
		t.Fatalf("kept facts changed:\n%+v\nwant\n%+v", b, want)
	}
	same := func(what, s1, s2 string) {
		if unsafe.StringData(s1) != unsafe.StringData(s2) {
			t.Errorf("%s %q is held twice", what, s1)
		}
	}
	same("package", a.Package, b.Package)
	same("type", a.Fields[0].Type, b.Fields[0].Type)
	same("context class", a.Fields[0].Class, b.Writes[0].Class)
	same("initialiser", a.Fields[0].Init.Text, b.Fields[0].Init.Text)
	same("write owner", a.Writes[0].Owner, b.Writes[0].Owner)
}

// TestExpectClassesKeepsEntries: the class maps are sized beside the
// workers that add to them, so what they added first is moved into the
// sized maps, and what they add after lands there too.
func TestExpectClassesKeepsEntries(t *testing.T) {
	x := newProjectIndex(nil, nil, nil)
	var ids []int32
	for _, a := range []string{"lib.jar", "c.jar", "d.jar"} {
		ids = append(ids, x.archiveIDOf(facts.ArchiveRef{Archive: a, Anchor: a}))
	}
	x.addClass("a.B", ids[0])
	x.entries.put("lib.jar!/a/B.class", entryAt{anchor: "lib.jar"})
	x.trimmed[classKey{n: 1}] = &facts.File{Path: "a/B.class"}
	done := make(chan struct{})
	go func() {
		defer close(done)
		x.expectClasses(64 << 20)
	}()
	for i := 0; i < 1000; i++ { // beside it, as a worker would
		x.addClass(fmt.Sprintf("c.C%d", i), ids[1])
	}
	<-done
	x.addClass("d.D", ids[2])
	for _, name := range []string{"a.B", "c.C0", "c.C999", "d.D"} {
		if hs := x.holders[name]; hs.length() != 1 {
			t.Errorf("%s: holders %v, want one", name, hs.ids(nil))
		}
	}
	if _, ok := x.entries.names["a/B.class"]; !ok {
		t.Error("the entry name added before the maps were sized is gone")
	}
	if x.trimmed[classKey{n: 1}] == nil {
		t.Error("the trimmed facts kept before the maps were sized are gone")
	}
}

package scanner

import (
	"testing"

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

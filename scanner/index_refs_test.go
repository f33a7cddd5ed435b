package scanner

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/kscan/kscan/rules/facts"
)

// TestAddSiteOrderFree: the kept referencing sites and the count of the
// others are the same in whatever order the classes were scanned, and the
// entry follows the first site.
func TestAddSiteOrderFree(t *testing.T) {
	sites := []string{"c.F.g", "a.B.c", "z.Z.z", "a.B.a", "m.M.m", "b.C.d", "q.Q.q", "a.B.a"}
	want := facts.RefSites{From: []string{"a.B.a", "a.B.c", "b.C.d", "c.F.g", "m.M.m"}, More: 2, Entry: "e-a.B.a"}
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5, 6, 7}, {7, 6, 5, 4, 3, 2, 1, 0}, {2, 6, 4, 0, 7, 1, 5, 3}} {
		var rs facts.RefSites
		for _, i := range order {
			addSite(&rs, sites[i], "e-"+sites[i])
		}
		if !reflect.DeepEqual(rs, want) {
			t.Errorf("order %v: %+v, want %+v", order, rs, want)
		}
	}
	var rs facts.RefSites
	for i := 0; i < 1000; i++ {
		addSite(&rs, fmt.Sprintf("x.Y.m%04d", i), "e")
	}
	if len(rs.From) != maxRefSites || rs.More != 1000-maxRefSites {
		t.Errorf("bounded: %d kept, %d more", len(rs.From), rs.More)
	}
}

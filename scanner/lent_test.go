package scanner

import (
	"reflect"
	"testing"

	"github.com/kscan/kscan/internal/safefs"
)

// TestLentBuffersNotKept: a scan whose read buffers are overwritten as
// they are given back finds, notifies and sets aside exactly what it does
// with them intact, so nothing it keeps points into a buffer it lent
// (the scope indexes, the rules' step, the search for callers, with one
// job so that every read reuses the buffer the last one gave back).
func TestLentBuffersNotKept(t *testing.T) {
	dirs := []string{"../testdata/projects", "../testdata/labelled", "../testdata/ownbuild", writeTree(t, scopeTree)}
	for _, dir := range dirs {
		scan := func(poison bool) *Result {
			safefs.PoisonLent(poison)
			defer safefs.PoisonLent(false)
			res := scanDir(t, dir, Options{Jobs: 1})
			res.Stats = Stats{} // durations
			return res
		}
		plain, poisoned := scan(false), scan(true)
		if len(plain.Findings) == 0 {
			t.Errorf("%s: no finding: the tree tests nothing", dir)
		}
		if !reflect.DeepEqual(plain.Findings, poisoned.Findings) {
			t.Errorf("%s: findings differ with released buffers overwritten:\n%+v\nagainst\n%+v", dir, poisoned.Findings, plain.Findings)
		}
		if !reflect.DeepEqual(plain.Notifications, poisoned.Notifications) {
			t.Errorf("%s: notifications differ with released buffers overwritten:\n%+v\nagainst\n%+v", dir, poisoned.Notifications, plain.Notifications)
		}
		if !reflect.DeepEqual(plain.Scope, poisoned.Scope) || !reflect.DeepEqual(plain.Roles, poisoned.Roles) {
			t.Errorf("%s: scope or roles differ with released buffers overwritten", dir)
		}
	}
}

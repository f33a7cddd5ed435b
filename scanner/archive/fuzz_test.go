package archive

import (
	"archive/zip"
	"bytes"
	"context"
	"testing"
)

// FuzzWalk walks arbitrary bytes as a jar, reading every entry, and checks
// that no cap is exceeded.
func FuzzWalk(f *testing.F) {
	_, seeds := fixtureArchives(f)
	for _, b := range seeds {
		f.Add(b)
	}
	lib := mkzip(f, ent{name: "C.class", data: []byte("c")})
	f.Add(mkzip(f, ent{name: "BOOT-INF/lib/a.jar", data: lib}, ent{name: "../x", data: []byte("x")}))
	f.Add(dupCentralRecord(f, mkzip(f, ent{name: "a.jar", data: lib, store: true}), "a.jar", "b.jar"))
	bomb := mkzip(f, ent{name: "zeros", data: make([]byte, 1<<20)})
	f.Add(bomb)
	f.Add(mkzip(f, ent{name: "WEB-INF/lib/b.jar", data: bomb}, ent{name: "lib/c.jar", data: bomb, store: true}))
	f.Add(mkraw(f, rawEnt{name: "lie.jar", method: zip.Deflate, compressed: deflate(f, lib), crc: 1, size: 1 << 40}))

	// Small caps keep each run short (inflating is slow under coverage
	// instrumentation) and make every cap reachable.
	opts := Options{MaxDepth: 4, MaxEntries: 1000, MaxEntrySize: 128 << 10, MaxTotalBytes: 512 << 10,
		MaxNestedInMemory: 256 << 10, MaxRatio: 50, ratioFloor: 16 << 10}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &collector{read: true}
		perArchive := map[string]int{}
		v := VisitorFuncs{
			EntryFunc: func(e *Entry) error {
				perArchive[e.Archive]++
				return c.Entry(e)
			},
			ProblemFunc: func(p Problem) {
				if p.Kind == 0 || p.Archive == "" || p.Error() == "" {
					t.Errorf("malformed problem %#v", p)
				}
				c.Problem(p)
			},
		}
		if err := WalkReader(context.Background(), "f.jar", bytes.NewReader(data), int64(len(data)), opts, v); err != nil {
			t.Fatalf("WalkReader: %v", err)
		}
		checkCaps(t, c, opts)
		for a, n := range perArchive {
			if n > opts.MaxEntries {
				t.Errorf("%s: %d entries, cap %d", a, n, opts.MaxEntries)
			}
		}
	})
}

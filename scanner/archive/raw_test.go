package archive

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
)

// TestRaw: entries with the same bytes and headers have the same Raw, an
// entry with other bytes another, whether the archive is held in memory or
// read where it lies.
func TestRaw(t *testing.T) {
	one, two := bytes.Repeat([]byte("class one "), 300), bytes.Repeat([]byte("class two "), 300)
	z := mkzip(t, ent{name: "a/X.class", data: one}, ent{name: "b/X.class", data: one}, ent{name: "c/Y.class", data: two},
		ent{name: "d/X.class", data: one, store: true})
	raws := map[string][]byte{}
	v := VisitorFuncs{EntryFunc: func(e *Entry) error {
		raws[e.Name] = bytes.Clone(e.Raw())
		return nil
	}}
	if err := WalkBytes(context.Background(), "t.jar", z, Options{}, v); err != nil {
		t.Fatal(err)
	}
	for name, r := range raws {
		if len(r) == 0 {
			t.Fatalf("%s: no Raw from an archive in memory", name)
		}
	}
	if !bytes.Equal(raws["a/X.class"], raws["b/X.class"]) || bytes.Equal(raws["a/X.class"], raws["c/Y.class"]) ||
		bytes.Equal(raws["a/X.class"], raws["d/X.class"]) {
		t.Fatal("Raw does not tell the entries' bytes apart")
	}
	v.EntryFunc = func(e *Entry) error {
		if r := e.Raw(); !bytes.Equal(r, raws[e.Name]) {
			t.Errorf("%s: Raw %d bytes read where it lies, %d in memory", e.Name, len(r), len(raws[e.Name]))
		}
		return nil
	}
	if err := WalkReader(context.Background(), "t.jar", bytes.NewReader(z), int64(len(z)), Options{}, v); err != nil {
		t.Fatal(err)
	}
}

// TestCharge: charging the copies of an entry read once meets the walk's
// total cap where reading every copy meets it, with the same problem.
func TestCharge(t *testing.T) {
	mib := bytes.Repeat([]byte{1, 2, 3, 4}, 1<<18)
	var ents []ent
	for i := range 12 {
		ents = append(ents, ent{name: fmt.Sprintf("z%02d.class", i), data: mib})
	}
	z := mkzip(t, ents...)
	opts := Options{MaxTotalBytes: 8 << 20}
	walk := func(charge bool) (failed []string, problems []Problem) {
		v := VisitorFuncs{
			EntryFunc: func(e *Entry) error {
				var err error
				if charge && e.Name != "z00.class" {
					err = e.Charge()
				} else {
					_, err = e.ReadAll()
				}
				if err != nil {
					failed = append(failed, e.Name)
				}
				return nil
			},
			ProblemFunc: func(p Problem) { problems = append(problems, p) },
		}
		if err := WalkBytes(context.Background(), "t.jar", z, opts, v); err != nil {
			t.Fatal(err)
		}
		return failed, problems
	}
	readFailed, readProblems := walk(false)
	chargeFailed, chargeProblems := walk(true)
	if len(readFailed) == 0 || len(readProblems) != 1 {
		t.Fatalf("reading: failed %v, problems %v: the cap was not met", readFailed, readProblems)
	}
	if !slices.Equal(readFailed, chargeFailed) {
		t.Fatalf("failed reading %v, charging %v", readFailed, chargeFailed)
	}
	if fmt.Sprint(readProblems) != fmt.Sprint(chargeProblems) {
		t.Fatalf("problems reading %v, charging %v", readProblems, chargeProblems)
	}
}

// FuzzRawTwins: entries whose Raw and headers are equal read alike, the
// promise a caller taking one as read on the other's behalf relies on:
// the same bytes, or a problem, unless only the walk's total cap stops the
// later one (which Charge meets as the reads would).
func FuzzRawTwins(f *testing.F) {
	_, seeds := fixtureArchives(f)
	for _, b := range seeds {
		f.Add(b)
	}
	class := bytes.Repeat([]byte("\xca\xfe\xba\xbe"), 30)
	f.Add(mkzip(f, ent{name: "a/C.class", data: class}, ent{name: "b/C.class", data: class}, ent{name: "c/C.class", data: class, store: true}))
	f.Add(dupCentralRecord(f, mkzip(f, ent{name: "a.class", data: class}), "a.class", "b.class"))
	opts := Options{MaxDepth: 4, MaxEntries: 1000, MaxEntrySize: 128 << 10, MaxTotalBytes: 512 << 10,
		MaxNestedInMemory: 256 << 10, MaxRatio: 50, ratioFloor: 16 << 10}
	f.Fuzz(func(t *testing.T, data []byte) {
		type read struct {
			data []byte
			ok   bool
		}
		seen := map[string]read{}
		v := VisitorFuncs{EntryFunc: func(e *Entry) error {
			raw := e.Raw()
			if raw == nil || e.IsArchive {
				return nil
			}
			key := fmt.Sprintf("%x|%d|%d|%d|%d", raw, e.Method, e.CRC32, e.Size, e.Compressed)
			b, err := e.ReadAll()
			var p Problem
			if errors.As(err, &p) && p.Kind == ProblemTotalTooLarge {
				return nil
			}
			got := read{data: b, ok: err == nil}
			if first, ok := seen[key]; ok {
				if first.ok != got.ok || !bytes.Equal(first.data, got.data) {
					t.Fatalf("%s: twins read apart: first ok %v (%d bytes), this one ok %v (%d bytes, %v)",
						e.Path, first.ok, len(first.data), got.ok, len(got.data), err)
				}
			} else {
				seen[key] = got
			}
			return nil
		}}
		if err := WalkBytes(context.Background(), "f.jar", data, opts, v); err != nil {
			t.Fatalf("WalkBytes: %v", err)
		}
		// Read where it lies: twins are found by the same Raw.
		clear(seen)
		if err := WalkReader(context.Background(), "f.jar", bytes.NewReader(data), int64(len(data)), opts, v); err != nil {
			t.Fatalf("WalkReader: %v", err)
		}
	})
}

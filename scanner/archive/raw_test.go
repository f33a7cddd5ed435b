package archive

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"testing"
)

// TestRaw: entries with the same bytes and headers have the same Raw, an
// entry with other bytes another, and an archive read where it lies none.
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
		if r := e.Raw(); r != nil {
			t.Errorf("%s: Raw %d bytes from an archive read where it lies", e.Name, len(r))
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

package scanner

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"golang.org/x/sync/semaphore"

	"github.com/kscan/kscan/rules"
)

// TestClassBytesNotKept: a class's facts share memory with the buffer the
// next class is read into, so whatever outlives a class must be a copy.
// Scanning so, with each class's bytes overwritten once it is scanned,
// must give the findings, fingerprints and notifications of a scan whose
// facts are copies. KSCAN_LAZY_JARS
// (colon-separated directories) adds real libraries.
func TestClassBytesNotKept(t *testing.T) {
	dirs := append([]string{"../testdata/bytecode"}, filepath.SplitList(os.Getenv("KSCAN_LAZY_JARS"))...)
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		abs, err := filepath.Abs(dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			copyClassBytes = true
			want := scanDir(t, abs, Options{Jobs: 2})
			copyClassBytes, scribbleClasses = false, true
			defer func() { scribbleClasses = false }()
			got := scanDir(t, abs, Options{Jobs: 2})
			if got.Stats.Classes == 0 {
				t.Fatalf("%s: no class scanned", dir)
			}
			if len(want.Findings) == 0 {
				t.Fatalf("%s: no finding to compare", dir)
			}
			if !reflect.DeepEqual(want.Findings, got.Findings) {
				for i := range want.Findings {
					if i >= len(got.Findings) || !reflect.DeepEqual(want.Findings[i], got.Findings[i]) {
						t.Fatalf("%s: finding %d differs once class bytes are overwritten:\nwant %+v\ngot  %+v", dir, i, want.Findings[i], got.Findings[min(i, len(got.Findings)-1)])
					}
				}
				t.Fatalf("%s: %d findings, then %d", dir, len(want.Findings), len(got.Findings))
			}
			if !reflect.DeepEqual(want.Notifications, got.Notifications) {
				t.Fatalf("%s: notifications differ once class bytes are overwritten", dir)
			}
		})
	}
}

// TestWholeJarRead: an archive read into memory before its walk gives what
// one read where it lies gives, and nothing found keeps pointing into the
// buffer the next archive is read into.
func TestWholeJarRead(t *testing.T) {
	for _, dir := range []string{"../testdata/bytecode", "../testdata/archive", "../testdata/slim/jars"} {
		abs, err := filepath.Abs(dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			old := wholeJar
			defer func() { wholeJar, scribbleClasses = old, false }()
			wholeJar = 0
			want := scanDir(t, abs, Options{Jobs: 2})
			wholeJar, scribbleClasses = old, true
			got := scanDir(t, abs, Options{Jobs: 2})
			if got.Stats.Archives == 0 || len(want.Findings) == 0 {
				t.Fatalf("%s: %d archives, %d findings: nothing to compare", dir, got.Stats.Archives, len(want.Findings))
			}
			if !reflect.DeepEqual(want.Findings, got.Findings) {
				t.Fatalf("%s: %d findings read from the file, %d read from memory", dir, len(want.Findings), len(got.Findings))
			}
			if !reflect.DeepEqual(want.Notifications, got.Notifications) {
				t.Fatalf("%s: notifications differ between the two reads", dir)
			}
		})
	}
}

// TestCopiesShareIndex: a jar copied into many places adds to the project
// index only what can carry a project finding (the classes whose facts the
// project rules keep), not an entry per class, and each copy's findings
// are still placed on that copy.
func TestCopiesShareIndex(t *testing.T) {
	data, err := os.ReadFile("../testdata/bytecode/fixtures-8.jar")
	if err != nil {
		t.Fatal(err)
	}
	type seen struct{ entries, kept, maps, nodes int }
	scanCopies := func(n int) (seen, *Result) {
		dir := t.TempDir()
		for i := range n {
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("c%02d.jar", i)), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var s seen
		inspectIndex = func(x *projectIndex) {
			s.entries = len(x.entries.flat)
			distinct := map[uintptr]bool{}
			for _, m := range x.entries.byAnchor {
				s.entries += len(m)
				distinct[reflect.ValueOf(m).Pointer()] = true
			}
			s.maps, s.nodes = len(distinct), len(x.chains)
			for _, f := range x.trimmed {
				if f != nil {
					s.kept++
				}
			}
		}
		defer func() { inspectIndex = nil }()
		return s, scanDir(t, dir, Options{Jobs: 2})
	}
	one, res1 := scanCopies(1)
	many, resN := scanCopies(6)
	if res1.Stats.Classes == 0 || len(res1.Findings) == 0 {
		t.Fatalf("one copy: %d classes, %d findings: nothing to compare", res1.Stats.Classes, len(res1.Findings))
	}
	// A rule that judges a class alone finds the same in every copy; one
	// that reads the project (CheckProject) judges the copies together.
	alone := map[string]bool{}
	for _, r := range rules.All() {
		alone[r.ID] = r.CheckProject == nil && r.CheckClassPath == nil
	}
	count := func(r *Result) map[string]int {
		m := map[string]int{}
		for _, f := range r.Findings {
			if alone[f.RuleID] {
				m[f.RuleID]++
			}
		}
		return m
	}
	c1, cN := count(res1), count(resN)
	if len(c1) == 0 {
		t.Fatal("one copy: no finding of a rule that judges a class alone")
	}
	for id, n := range c1 {
		if cN[id] != 6*n {
			t.Errorf("%s: %d findings in 6 copies, %d in one", id, cN[id], n)
		}
	}
	perCopy := (many.entries - one.entries) / 5
	t.Logf("%d classes a copy; index entries: %d for one copy, %d for six; %d kept facts", res1.Stats.Classes, one.entries, many.entries, one.kept)
	if perCopy > one.kept {
		t.Errorf("each copy adds %d index entries, more than the %d classes whose facts are kept", perCopy, one.kept)
	}
	if perCopy*2 > res1.Stats.Classes {
		t.Errorf("each copy adds %d index entries for %d classes", perCopy, res1.Stats.Classes)
	}
	// Copies share what they hold alike: one map of entries, and chains of
	// holders whose nodes grow with the copies, not with their classes.
	t.Logf("entry maps: %d for one copy, %d for six; holder nodes %d and %d", one.maps, many.maps, one.nodes, many.nodes)
	if one.maps != 1 || many.maps != 1 {
		t.Errorf("entry maps: %d for one copy, %d for six copies: want one", one.maps, many.maps)
	}
	// A copy adds its node, and at most one more for each other copy a
	// worker was walking at the same time (holderChains.add): two workers.
	if added := many.nodes - one.nodes; added > 2*5 {
		t.Errorf("five more copies add %d holder nodes (%d classes a copy): want at most 10", added, res1.Stats.Classes)
	}
}

// TestJarMem: the workers' buffers for whole archives share one budget; a
// worker reuses its buffer without asking again, and one that asks for
// more than is left gets nothing (and reads its archive where it lies).
func TestJarMem(t *testing.T) {
	budget := semaphore.NewWeighted(100)
	a, b := &jarMem{budget: budget}, &jarMem{budget: budget}
	steps := []struct {
		m    *jarMem
		size int64
		ok   bool
	}{
		{a, 60, true}, {b, 50, false}, {b, 40, true}, {a, 50, true}, {a, 70, false}, {b, 0, true},
	}
	for i, s := range steps {
		buf, ok := s.m.get(s.size)
		if ok != s.ok || ok && int64(len(buf)) != s.size || ok && buf == nil {
			t.Fatalf("step %d: get(%d) = %d bytes, %v; want %v", i, s.size, len(buf), ok, s.ok)
		}
	}
	a.release()
	if _, ok := b.get(90); !ok {
		t.Error("after a's release, b cannot grow to 90 of 100")
	}
	if budget.TryAcquire(11) || !budget.TryAcquire(10) {
		t.Error("b holds other than 90")
	}
}

// TestWholeJarBudget: archives the spent budget leaves to be read where they
// lie give what the archives read whole give.
func TestWholeJarBudget(t *testing.T) {
	for _, dir := range []string{"../testdata/bytecode", "../testdata/archive", "../testdata/slim/jars"} {
		abs, err := filepath.Abs(dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			want := scanDir(t, abs, Options{Jobs: 4})
			old := wholeJarsHeld
			defer func() { wholeJarsHeld = old }()
			for _, held := range []int64{1, 64 << 10} {
				wholeJarsHeld = held
				got := scanDir(t, abs, Options{Jobs: 4})
				if got.Stats.Archives == 0 || len(want.Findings) == 0 {
					t.Fatalf("%s: %d archives, %d findings: nothing to compare", dir, got.Stats.Archives, len(want.Findings))
				}
				if !reflect.DeepEqual(want.Findings, got.Findings) || !reflect.DeepEqual(want.Notifications, got.Notifications) {
					t.Fatalf("%s, budget %d bytes: %d findings and %d notifications, %d and %d with the default budget",
						dir, held, len(got.Findings), len(got.Notifications), len(want.Findings), len(want.Notifications))
				}
			}
		})
	}
}

package scanner

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
)

// TestClassMemoCopies: copies of jars (under other names, in other
// directories, nested in a fat jar) decoded twice each class (it is
// remembered once met a second time) gives the
// findings, fingerprints and notifications of scanning every copy, each
// copy's findings on that copy; with the class bytes overwritten once
// scanned, nothing replayed points into them.
func TestClassMemoCopies(t *testing.T) {
	dir := t.TempDir()
	var jars [][]byte
	for _, name := range []string{"fixtures-8.jar", "fixtures-17.jar", "base-fat.jar"} {
		data, err := os.ReadFile(filepath.Join("../testdata/bytecode", name))
		if err != nil {
			t.Fatal(err)
		}
		jars = append(jars, data)
		for i := range 5 {
			p := filepath.Join(dir, fmt.Sprintf("c%d", i), fmt.Sprintf("copy%d-%s", i, name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	// A fat jar nesting the fixtures, stored as Spring Boot stores them.
	var fat bytes.Buffer
	zw := zip.NewWriter(&fat)
	for i, data := range jars[:2] {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("BOOT-INF/lib/nested%d.jar", i), Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "app.jar"), fat.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, jobs := range []int{1, 2} {
		t.Run(fmt.Sprint("jobs", jobs), func(t *testing.T) {
			noMemo = true
			want := scanDir(t, dir, Options{Jobs: jobs})
			noMemo = false
			scribbleClasses = true
			defer func() { scribbleClasses = false }()
			got := scanDir(t, dir, Options{Jobs: jobs})
			if want.Stats.Reused != 0 {
				t.Fatalf("%d classes reused with the memo off", want.Stats.Reused)
			}
			if jobs == 1 && got.Stats.Reused < got.Stats.Classes/2 {
				t.Fatalf("one worker: %d of %d classes reused, want most", got.Stats.Reused, got.Stats.Classes)
			}
			if jobs == 1 && got.Stats.Uninflated < got.Stats.Reused/2 {
				t.Fatalf("one worker: %d of %d classes reused not inflated, want most", got.Stats.Uninflated, got.Stats.Reused)
			}
			if got.Stats.Classes != want.Stats.Classes {
				t.Fatalf("%d classes scanned, %d with the memo off", got.Stats.Classes, want.Stats.Classes)
			}
			if len(want.Findings) < 30 {
				t.Fatalf("%d findings: too few to compare", len(want.Findings))
			}
			if !reflect.DeepEqual(want.Findings, got.Findings) {
				for i := range want.Findings {
					if i >= len(got.Findings) || !reflect.DeepEqual(want.Findings[i], got.Findings[i]) {
						t.Fatalf("finding %d differs with the memo:\nwant %+v\ngot  %+v", i, want.Findings[i], got.Findings[min(i, len(got.Findings)-1)])
					}
				}
				t.Fatalf("%d findings, %d with the memo", len(want.Findings), len(got.Findings))
			}
			if !reflect.DeepEqual(want.Notifications, got.Notifications) {
				t.Fatalf("notifications differ with the memo:\n%v\n%v", want.Notifications, got.Notifications)
			}
			// Copies of a class its bytes set aside are still set aside,
			// and the others still classified by name.
			if want.Scope.EntriesSetAside() == 0 {
				t.Fatal("no archived class set aside: nothing to compare")
			}
			if w, g := want.Scope.Reasons(), got.Scope.Reasons(); !reflect.DeepEqual(w, g) {
				t.Fatalf("scope tally differs with the memo:\n%v\n%v", w, g)
			}
		})
	}
}

// TestClassMemoRefusesPaths: a diagnostic that names where its class lies
// (its entry, its archives, by path or by name) cannot be replayed on a
// copy elsewhere, nor one holding what cannot be copied.
func TestClassMemoRefusesPaths(t *testing.T) {
	j := classJob{anchor: "lib/app.jar", path: "lib/app.jar!/BOOT-INF/lib/x-1.0.jar!/a/B.class", role: facts.RoleModule}
	for _, tc := range []struct {
		name string
		d    rules.Diagnostic
		ok   bool
	}{
		{"plain", rules.Diagnostic{RuleID: "r", Message: "calls a.B.f"}, true},
		{"entry", rules.Diagnostic{RuleID: "r", Message: "in lib/app.jar!/BOOT-INF/lib/x-1.0.jar!/a/B.class"}, false},
		{"anchor", rules.Diagnostic{RuleID: "r", Properties: map[string]string{"k": "lib/app.jar"}}, false},
		{"nested", rules.Diagnostic{RuleID: "r", Related: []rules.Related{{Message: "see BOOT-INF/lib/x-1.0.jar"}}}, false},
		{"nested name", rules.Diagnostic{RuleID: "r", Message: "bundles x-1.0.jar"}, false},
		{"pending", rules.Diagnostic{RuleID: "r", Pending: &facts.Pending{}}, true},
	} {
		m := newClassMemo(j, []rules.Diagnostic{tc.d}, nil, "", false)
		if (m != nil) != tc.ok {
			t.Errorf("%s: memo %v, want %v", tc.name, m != nil, tc.ok)
		}
	}
	type hidden struct{ s string }
	v := hidden{"x"}
	if deepCopy(reflect.New(reflect.TypeOf(v)).Elem(), reflect.ValueOf(v), func(string) bool { return true }) {
		t.Error("deepCopy copied a struct with an unexported field")
	}
	f := func() {}
	if deepCopy(reflect.New(reflect.TypeOf(f)).Elem(), reflect.ValueOf(f), func(string) bool { return true }) {
		t.Error("deepCopy copied a func")
	}
}

// TestDeepCopyShares nothing: strings that point into a buffer, copied,
// survive the buffer being overwritten, at every depth of a diagnostic.
func TestDeepCopyShares(t *testing.T) {
	buf := []byte("a.B.method(java.lang.String)")
	s := unsafe.String(&buf[0], len(buf))
	d := rules.Diagnostic{
		RuleID: "r", Message: s, Context: facts.Context{Class: s, Method: s[:3]},
		Properties:  map[string]string{s: s},
		Related:     []rules.Related{{Message: s}},
		EntryGuards: []facts.MethodKey{{Class: s, Name: s}},
		GuardRef:    &facts.GuardRef{},
		Pending:     &facts.Pending{},
	}
	c := reflect.New(reflect.TypeOf(d)).Elem()
	if !deepCopy(c, reflect.ValueOf(d), func(string) bool { return true }) {
		t.Fatal("deepCopy refused a diagnostic")
	}
	got := c.Interface().(rules.Diagnostic)
	want := strings.Clone(s)
	for i := range buf {
		buf[i] = 0xA5
	}
	if got.Message != want || got.Context.Class != want || got.Context.Method != want[:3] || got.Properties[want] != want ||
		got.Related[0].Message != want || got.EntryGuards[0].Class != want || got.EntryGuards[0].Name != want {
		t.Fatalf("the copy shares memory with the buffer: %+v", got)
	}
	if got.GuardRef == d.GuardRef || got.Pending == d.Pending {
		t.Fatal("the copy shares pointers with the original")
	}
}

// TestClassMemoPlace: a copy's findings are placed on the copy, at the
// source lines the first copy's class mapped its offsets to.
func TestClassMemoPlace(t *testing.T) {
	first := classJob{anchor: "a/app.jar", path: "a/app.jar!/p/C.class", role: facts.RoleModule}
	other := classJob{anchor: "b/other.jar", path: "b/other.jar!/p/C.class", role: facts.RoleModule}
	diags := []rules.Diagnostic{{RuleID: "r", Message: "m", Span: facts.Span{Start: 7, End: 9}, Context: facts.Context{Class: "p.C", Line: 1}}}
	m := newClassMemo(first, diags, func(off int) int { return off * 10 }, "C.java", false)
	if m == nil {
		t.Fatal("no memo")
	}
	want := place(where{path: other.anchor, role: other.role, entry: other.path, sourceFile: "C.java", lineOf: func(off int) int { return off * 10 }}, diags)
	got := m.place(other)
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("replayed\n%+v\nwant\n%+v", got, want)
	}
	if got[0].SourceLine != 70 || got[0].Path != "b/other.jar" || !strings.Contains(got[0].Message, "b/other.jar!/p/C.class (C.java:70)") {
		t.Fatalf("placed %+v", got[0])
	}
}

// BenchmarkCopies scans twenty copies of a fixture jar (903 classes each)
// with copies of a class scanned once (memo) and each scanned as the first
// (none): compare the two in one run.
func BenchmarkCopies(b *testing.B) {
	data, err := os.ReadFile("../testdata/bytecode/fixtures-8.jar")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for i := range 20 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("c%02d.jar", i)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for _, off := range []bool{false, true} {
		name := "memo"
		if off {
			name = "none"
		}
		b.Run(name, func(b *testing.B) {
			noMemo = off
			defer func() { noMemo = false }()
			for range b.N {
				res, err := Scan(context.Background(), Options{Paths: []string{dir}, Root: dir, Rules: rules.All(), Jobs: 2})
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Findings) == 0 {
					b.Fatal("no finding")
				}
			}
		})
	}
}

// TestClassMemosBounded: past its bounds the memo keeps nothing more, and
// classes are scanned as if never met.
func TestClassMemosBounded(t *testing.T) {
	defer func(m, s int) { maxMemos, maxSeen = m, s }(maxMemos, maxSeen)
	maxMemos, maxSeen = 2, 3
	c := newClassMemos()
	for i := range 10 {
		if c.again(uint32(i), 1) {
			t.Fatalf("class %d met again at its first meeting", i)
		}
		c.put(memoKey{entry: uint64(i)}, memoClean[0][0])
		c.putRaw(rawKey{entry: uint64(i)}, rawMemo{})
	}
	if len(c.seen) != 3 || len(c.m) != 2 || len(c.raw) != 2 {
		t.Fatalf("kept %d sizes, %d memos, %d raw keys; bounds 3, 2, 2", len(c.seen), len(c.m), len(c.raw))
	}
	if !c.again(2, 1) || c.again(5, 1) {
		t.Fatal("a recorded class not met again, or one past the bound met again")
	}
}

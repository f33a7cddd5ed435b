package scanner

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/kscan/kscan/scanner/finding"
)

// testInput is the input at abs, rel relative to the root.
func testInput(abs, rel string) input {
	name := path.Base(rel)
	return input{dir: &pathDir{abs: strings.TrimSuffix(abs, name), rel: strings.TrimSuffix(rel, name), names: &name}, nameLen: uint16(len(name))}
}

func TestAbsIndex(t *testing.T) {
	java := []input{testInput("/t/a/B.java", "a/B.java"), testInput("/t/a-b/C.java", "a-b/C.java"), testInput("/t/a/A.java", "a/A.java")}
	config := []input{testInput("/t/x.properties", "x.properties"), testInput("/u/a/B.java", "a/B.java")}
	x := newAbsIndex(java, config)
	for _, c := range []struct {
		rel, abs string
		ok       bool
	}{
		{"a/A.java", "/t/a/A.java", true},
		{"a-b/C.java", "/t/a-b/C.java", true},
		{"a/B.java", "/u/a/B.java", true}, // the last listed wins, as a map filled in order
		{"x.properties", "/t/x.properties", true},
		{"a/C.java", "", false},
		{"", "", false},
		{"z", "", false},
	} {
		if abs, ok := x.get(c.rel); abs != c.abs || ok != c.ok {
			t.Errorf("get(%q) = %q, %v; want %q, %v", c.rel, abs, ok, c.abs, c.ok)
		}
	}
	if _, ok := absIndex(nil).get("a"); ok {
		t.Error("an empty index found a path")
	}
}

// TestWalkPaths: the walk's inputs give back every file's absolute and
// relative path, in the order of their relative paths as strings, and the
// files of a directory share one directory value.
func TestWalkPaths(t *testing.T) {
	root := t.TempDir()
	names := []string{
		"Root.java", "pom.xml", "a b/c d.java", "ünï/cödé/Ωmega.java", "日本/語.java",
		"a/b.java", "a/b/c.java", "a/b0.java", "a/b-x.java", "a/b/c/d/e/f/g/h/Deep.java",
		"x/.hidden", "x/y/", "tab\tdir/f\tile",
	}
	for i := 0; i < 60; i++ { // many directories, several files each
		for j := 0; j < 3; j++ {
			names = append(names, fmt.Sprintf("m%d/src/main/java/p%d/F%d.java", i%7, i, j))
		}
	}
	var want []string
	for _, n := range names {
		full := filepath.Join(root, filepath.FromSlash(n))
		if strings.HasSuffix(n, "/") {
			os.MkdirAll(full, 0o755) // an empty directory: no input
			continue
		}
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(n), 0o644); err != nil {
			t.Skipf("this file system refuses %q: %v", n, err)
		}
		want = append(want, n)
	}
	// Links: to a file the walk takes (left out), and two to one file in a
	// skipped directory (the first taken).
	os.MkdirAll(filepath.Join(root, "target"), 0o755)
	os.MkdirAll(filepath.Join(root, "links"), 0o755)
	os.WriteFile(filepath.Join(root, "target", "T.java"), []byte("links/L2.java"), 0o644)
	for l, to := range map[string]string{"L1.java": "../a/b.java", "L2.java": "../target/T.java", "L3.java": "../target/T.java"} {
		if err := os.Symlink(to, filepath.Join(root, "links", l)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	want = append(want, "links/L2.java")
	slices.Sort(want)
	w := &walker{root: root, kinds: []inputKind{kindAllKind{}}, notify: func(n finding.Notification) { t.Errorf("notification %+v", n) }}
	out, err := w.walk([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	ins := out.byKind[0]
	var got []string
	dirs := map[string]*pathDir{}
	for i := range ins {
		in := &ins[i]
		rel := in.rel()
		got = append(got, rel)
		if abs := in.abs(); abs != filepath.Join(root, filepath.FromSlash(rel)) {
			t.Errorf("abs of %q = %q", rel, abs)
		}
		if b, err := os.ReadFile(in.abs()); err != nil || string(b) != rel {
			t.Errorf("%q reads %q, %v", rel, b, err)
		}
		if in.base() != path.Base(rel) {
			t.Errorf("name of %q = %q", rel, in.base())
		}
		d := path.Dir(rel)
		if prev, ok := dirs[d]; ok && prev != in.dir {
			t.Errorf("%q: a second value for its directory %q", rel, d)
		}
		dirs[d] = in.dir
	}
	if !slices.Equal(got, want) {
		t.Errorf("walk listed\n%q\nwant\n%q", got, want)
	}
	if len(dirs) >= len(ins)/2 {
		t.Errorf("%d directories for %d files", len(dirs), len(ins))
	}
	// A file named on the command line, and one named twice.
	out, err = w.walk([]string{filepath.Join(root, "a", "b.java"), root})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(out.byKind[0]); n != len(want) {
		t.Errorf("a file named and walked: %d inputs, want %d", n, len(want))
	}
}

type kindAllKind struct{}

func (kindAllKind) name() string                   { return "all" }
func (kindAllKind) wants(string, fs.DirEntry) bool { return true }
func (kindAllKind) scan(_ context.Context, _ []input, _ *env) error {
	return nil
}

// TestRelCompare: inputs compare, and answer suffix questions, as their
// relative paths do as strings.
func TestRelCompare(t *testing.T) {
	rels := []string{"B.java", "a/b.java", "a/b/c", "a/b0.java", "a/b-x.java", "a/b", "ab/c", "é/x", "a b/c", "a/b/c/d.java", "z"}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 300; i++ {
		var b strings.Builder
		for n := r.Intn(8); n >= 0; n-- {
			b.WriteByte("ab/./0-"[r.Intn(7)])
		}
		if s := strings.Trim(b.String(), "/"); s != "" && !strings.Contains(s, "//") {
			rels = append(rels, s)
		}
	}
	ins := make([]input, len(rels))
	for i, rel := range rels {
		ins[i] = testInput("/root/"+rel, rel)
	}
	for i := range ins {
		for j := range ins {
			a, b := &ins[i], &ins[j]
			if got, want := relCompare(a, b), strings.Compare(rels[i], rels[j]); got != want {
				t.Errorf("relCompare(%q, %q) = %d, want %d", rels[i], rels[j], got, want)
			}
			if got, want := a.relCompareTo(rels[j]), strings.Compare(rels[i], rels[j]); got != want {
				t.Errorf("relCompareTo(%q, %q) = %d, want %d", rels[i], rels[j], got, want)
			}
			for k := 0; k <= len(rels[j]); k++ {
				suf := rels[j][k:]
				if got, want := a.relHasSuffix(suf), strings.HasSuffix(rels[i], suf); got != want {
					t.Errorf("relHasSuffix(%q, %q) = %v", rels[i], suf, got)
				}
				if got, want := a.slashRelHasSuffix("/"+suf), strings.HasSuffix("/"+rels[i], "/"+suf); got != want {
					t.Errorf("slashRelHasSuffix(%q, %q) = %v", rels[i], "/"+suf, got)
				}
			}
		}
	}
}

// BenchmarkInputs reports the heap the inputs of a tree keep, a file
// each (twenty files a directory), beside what inputs holding their
// absolute and relative paths as strings (sharing their bytes) kept.
func BenchmarkInputs(b *testing.B) {
	const root, files = "/home/ci/builds/repo", 100_000
	paths := func(yield func(p string)) {
		for i := range files {
			yield(fmt.Sprintf("%s/module-%d/src/main/java/org/example/project/feature%d/Class%d.java", root, i/20000, i/20, i))
		}
	}
	kept := func(fill func() any) float64 {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		v := fill()
		runtime.GC()
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(v)
		return float64(after.HeapAlloc-before.HeapAlloc) / files
	}
	type pathInput struct {
		abs, rel         string
		size             int64
		named, graphRead bool
	}
	for b.Loop() {
		b.ReportMetric(kept(func() any {
			w := &walker{root: root, dirs: map[string]*pathDir{}, table: new(string)}
			ins := make([]input, 0, files)
			paths(func(p string) {
				d, name := w.dir(p, p[len(root)+1:])
				ins = append(ins, w.input(d, name, 0, false))
			})
			*w.table = strings.Clone(w.names.String())
			return ins
		}), "input-B/file")
		b.ReportMetric(kept(func() any {
			ins := make([]pathInput, 0, files)
			paths(func(p string) { ins = append(ins, pathInput{abs: p, rel: p[len(root)+1:]}) })
			return ins
		}), "strings-B/file")
	}
}

package scanner

import (
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestWalkDirAhead: a walk whose directories are read ahead visits what
// filepath.WalkDir visits, in its order, with its errors, whatever the
// number of readers and whichever directories the walk skips or the
// readers may not enter.
func TestWalkDirAhead(t *testing.T) {
	root := t.TempDir()
	rng := rand.New(rand.NewSource(7))
	var mk func(dir string, depth int)
	mk = func(dir string, depth int) {
		for i := range rng.Intn(6) + 1 {
			name := fmt.Sprintf("f%d.java", i)
			if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if depth == 0 {
			return
		}
		for i := range rng.Intn(4) + 1 {
			// Names that sort before and after the files, a skipped
			// name, a build output's name.
			name := []string{"a", "z", "target", "skip", "m"}[rng.Intn(5)] + fmt.Sprint(i)
			if rng.Intn(8) == 0 {
				name = "skip"
			}
			if rng.Intn(10) == 0 {
				name = "target"
			}
			sub := filepath.Join(dir, name)
			if err := os.MkdirAll(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			mk(sub, depth-1)
		}
	}
	mk(root, 5)
	// A link to a directory is not entered; a missing root is an error.
	if err := os.Symlink(filepath.Join(root, "a0"), filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	walk := func(w func(string, fs.WalkDirFunc) error, top string, skip func(string) bool) []string {
		var got []string
		err := w(top, func(p string, d fs.DirEntry, err error) error {
			rel, _ := filepath.Rel(root, p)
			line := rel
			if d != nil {
				line += fmt.Sprintf(" dir=%v type=%v", d.IsDir(), d.Type())
			}
			if err != nil {
				line += " err"
			}
			got = append(got, line)
			if d != nil && d.IsDir() && skip(d.Name()) {
				return filepath.SkipDir
			}
			return nil
		})
		if err != nil {
			got = append(got, "walk error")
		}
		return got
	}
	skips := map[string]func(string) bool{
		"none": func(string) bool { return false },
		"skip": func(n string) bool { return n == "skip" },
		"half": func(n string) bool { return strings.HasPrefix(n, "z") || n == "target" },
	}
	enters := map[string]func(string, string) bool{
		"all":     func(string, string) bool { return true },
		"notgt":   func(_, n string) bool { return n != "target" },
		"nothing": func(string, string) bool { return false },
	}
	for _, top := range []string{root, filepath.Join(root, "missing"), filepath.Join(root, "f0.java")} {
		for sn, skip := range skips {
			want := walk(filepath.WalkDir, top, skip)
			for en, enter := range enters {
				for _, readers := range []int{0, 1, 2, 4} {
					got := walk(func(p string, fn fs.WalkDirFunc) error {
						a := newDirAhead(readers, enter)
						defer a.stop()
						return walkDirAhead(p, a, fn)
					}, top, skip)
					if !slices.Equal(got, want) {
						t.Errorf("%s, skip %s, enter %s, %d readers: %d visits, want %d; first difference: %s",
							filepath.Base(top), sn, en, readers, len(got), len(want), firstDiff(got, want))
					}
				}
			}
		}
	}
}

func firstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return fmt.Sprintf("%q against %q", a[i], b[i])
		}
	}
	return "one is a prefix of the other"
}

// TestDirAheadBound: readers stop maxAhead directories ahead of the walk,
// and the walk still reads every directory.
func TestDirAheadBound(t *testing.T) {
	root := t.TempDir()
	n := maxAhead + 50
	for i := range n {
		if err := os.Mkdir(filepath.Join(root, fmt.Sprintf("d%05d", i)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	a := newDirAhead(2, func(string, string) bool { return true })
	defer a.stop()
	seen := 0
	err := walkDirAhead(root, a, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			seen++
			a.mu.Lock()
			ready := a.ready
			a.mu.Unlock()
			if ready > maxAhead {
				t.Fatalf("%d directories read ahead, bound %d", ready, maxAhead)
			}
		}
		return nil
	})
	if err != nil || seen != n+1 {
		t.Fatalf("walked %d directories (err %v), want %d", seen, err, n+1)
	}
}

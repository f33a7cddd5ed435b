package safefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// withinByComponents is the judgement a Root must give, made without one:
// every component of the root and of the path resolved on each call.
func withinByComponents(root, path string) (bool, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return false, err
	}
	r, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return false, err
	}
	p, err := resolveExisting(path)
	if err != nil {
		return false, err
	}
	return inside(r, p), nil
}

// A Root judges every path as the component-wise resolution does, asked once or many times, in
// any order: links to files and directories in and out of the root, links
// within links, dangling links, paths that do not exist, and a file where
// a directory should be.
func TestRootAgreesWithWithin(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "root")
	out := filepath.Join(base, "out")
	for _, d := range []string{"root/a/b/c", "root/d", "out/e"} {
		if err := os.MkdirAll(filepath.Join(base, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := []string{"root/a/b/c/pom.xml", "root/a/f.txt", "root/d/g.xml", "out/e/secret.xml", "out/h.xml"}
	for _, f := range files {
		os.WriteFile(filepath.Join(base, f), []byte("x"), 0o644)
	}
	links := map[string]string{
		"root/a/up":          "../d",                      // a directory inside
		"root/a/b/out":       "../../../out/e",            // a directory outside
		"root/a/b/c/in.xml":  "../../f.txt",               // a file inside
		"root/a/b/c/out.xml": filepath.Join(out, "h.xml"), // a file outside
		"root/d/dangling":    "nowhere",
		"root/d/chain":       "../a/b/out", // a link to a link outside
		"root/d/inner":       "../a/up",    // a link to a link inside
	}
	for l, target := range links {
		if err := os.Symlink(target, filepath.Join(base, l)); err != nil {
			t.Fatal(err)
		}
	}
	rels := []string{
		"a/b/c/pom.xml", "a/f.txt", "d/g.xml", "a/up/g.xml", "a/up", "a/b/out/secret.xml", "a/b/out",
		"a/b/c/in.xml", "a/b/c/out.xml", "d/dangling", "d/dangling/x", "d/chain/secret.xml", "d/inner/g.xml",
		"a/b/c/new.xml", "a/new/dir/x.xml", "a/b/out/new.xml", "a/b/out/missing/x.xml", "d/chain/missing/x", "a/up/missing/y", "a/f.txt/x", "../out/h.xml", ".", "a/b/c",
	}
	for pass := 0; pass < 2; pass++ {
		r := NewRoot(root)
		for i := range rels {
			rel := rels[i]
			if pass == 1 {
				rel = rels[len(rels)-1-i] // directories met in another order
			}
			p := filepath.Join(root, rel)
			want, wantErr := withinByComponents(root, p)
			got, err := r.Within(p)
			if got != want || (err == nil) != (wantErr == nil) {
				t.Errorf("pass %d: Root.Within(%s) = %v, %v; Within: %v, %v", pass, rel, got, err, want, wantErr)
			}
			got, err = r.Within(p) // again, from what it holds
			if got != want || (err == nil) != (wantErr == nil) {
				t.Errorf("pass %d: Root.Within(%s) asked again = %v, %v; Within: %v, %v", pass, rel, got, err, want, wantErr)
			}
		}
	}
	r := NewRoot(root)
	for _, rel := range []string{"a/b/c/out.xml", "a/b/out/secret.xml", "d/chain/secret.xml"} {
		if _, err := r.ReadFile(filepath.Join(root, rel), 100); !errors.Is(err, ErrOutsideRoot) {
			t.Errorf("ReadFile(%s), through a link out: %v", rel, err)
		}
	}
	if _, err := r.ReadFile(filepath.Join(root, "a/b/c/missing.xml"), 100); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile of a file that is not there: %v", err)
	}
	if b, err := r.ReadFile(filepath.Join(root, "a/up/g.xml"), 100); err != nil || string(b) != "x" {
		t.Errorf("ReadFile in a linked directory inside: %q, %v", b, err)
	}
	if b, err := r.ReadFile(filepath.Join(root, "a/b/c/in.xml"), 100); err != nil || string(b) != "x" {
		t.Errorf("ReadFile through a link inside: %q, %v", b, err)
	}
	if _, err := NewRoot(filepath.Join(base, "missing")).Within(filepath.Join(root, "a/f.txt")); err == nil {
		t.Error("a root that does not exist judged a path")
	}
}

package javasrc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHasCalls(t *testing.T) {
	for _, tc := range []struct {
		code string
		want bool
	}{
		{"class A { void f() { g.run(); } }", true},
		{"class A { void f() { run(); } }", true},
		{"class A { int f() { return run(); } }", true},
		{"class A { void f() { if (x) a(); else run(); } }", true},
		{"class A { void f() { x = y ? run() : 0; } }", true},
		{"class A { void f() { Object o = (Object) run(); } }", true},
		{"class A { void f() { list.forEach(x -> run()); } }", true},
		{"class A { void f() { this.<T>run(); } }", true},
		{"class A { void run() {} }", false},
		{"class A { public static int[] run(int x) { return null; } }", false},
		{"class A { List<String> run() { return null; } }", true}, // a generic type: taken for a call, which costs a parse only
		{"class A { void f() { /* run() */ String s = \"run()\"; } }", false},
		{"class A { void f() { new Thread(); } }", true}, // a wanted type
		{"class A { Runnable run; }", false},
	} {
		in := Interest{Calls: map[string]bool{"run": true}, News: map[string]bool{"Thread": true}}
		if got := HasCalls([]byte(tc.code), in); got != tc.want {
			t.Errorf("HasCalls(%q) = %v, want %v", tc.code, got, tc.want)
		}
	}
}

// Every call an extraction of all calls finds in the fixtures is one
// HasCalls does not rule out: a caller skipping the parse on its answer
// loses nothing.
func TestHasCallsKeepsEveryCall(t *testing.T) {
	all, err := NewExtractor(Interest{Calls: map[string]bool{}, News: map[string]bool{}, AllCalls: true}, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer all.Close()
	n := 0
	dir := "../../testdata"
	if d := os.Getenv("KSCAN_WALK_CORPUS"); d != "" {
		dir = d
	}
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".java") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		f, _, err := all.Extract(p, src, nil)
		if err != nil {
			return nil
		}
		for _, c := range f.Calls {
			if !HasCalls(src, Interest{Calls: map[string]bool{c.Name: true}}) {
				t.Errorf("%s:%d: the call of %s is ruled out", p, c.Line, c.Name)
			}
			n++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 1000 {
		t.Errorf("only %d calls compared", n)
	}
}

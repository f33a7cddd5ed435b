package bytecode

import (
	"archive/zip"
	"fmt"
	"io"
	"testing"

	"github.com/kscan/kscan/scanner/classfile"
)

// TestReads checks the parameters a stored value is followed back to, on
// testdata/rules/static-mutable-state/MemoIdentity.java as compiled into
// the fixtures jar: a memo's value read from its key alone, through a local
// stored twice (get, then compute) and a constructor; the caller's other
// input when it flows in; none for a restore of the field's own value.
func TestReads(t *testing.T) {
	c := fixtureClass(t, "static-mutable-state/MemoIdentity.java/fixtures/state/MemoIdentity.class")
	fx, _ := Extract(c, "MemoIdentity.class")
	got := map[string][]string{}
	for _, w := range fx.File.Writes {
		v := w.Value
		if len(w.Args) > 0 {
			v = &w.Args[len(w.Args)-1]
		}
		r := "unknown"
		if v != nil && v.ReadsKnown {
			r = fmt.Sprint(v.Reads)
		}
		got[w.Context.Method+" "+w.Name] = append(got[w.Context.Method+" "+w.Name], r)
	}
	tests := []struct {
		write string
		want  []string
	}{
		{"invoker INVOKERS", []string{"[0]"}},          // f = compute(type), beside a boolean
		{"named BY_NAME", []string{"[0]"}},             // m = get(type), or new HashMap<>()
		{"chosen CHOSEN", []string{"[0 1]"}},           // new Invoker(type, how)
		{"impl impl", []string{"[]"}},                  // load(configuredName())
		{"pick picked", []string{"[1]"}},               // load(name)
		{"format current", []string{"[]", "[]", "[]"}}, // Locale.getDefault(), then old (the finally twice)
		{"formatIn scoped", []string{"[1]", "[]", "[]"}},
	}
	for _, tt := range tests {
		if g := fmt.Sprint(got[tt.write]); g != fmt.Sprint(tt.want) {
			t.Errorf("%s: reads %s, want %v", tt.write, g, tt.want)
		}
	}
}

// TestDirectReads checks Direct, the parameters a stored value names
// itself, on testdata/rules/static-mutable-state/DerivedValues.java as
// compiled into the fixtures jar: a value built from a local the method
// computed from its parameter names none (Reads follows the local to it);
// one that reads the parameter in place names it.
func TestDirectReads(t *testing.T) {
	c := fixtureClass(t, "static-mutable-state/DerivedValues.java/fixtures/state/DerivedValues.class")
	fx, _ := Extract(c, "DerivedValues.class")
	got := map[string]string{}
	for _, w := range fx.File.Writes {
		v := w.Value
		if len(w.Args) > 0 {
			v = &w.Args[len(w.Args)-1]
		}
		if v == nil || !v.DirectKnown || !v.ReadsKnown {
			got[w.Context.Method+" "+w.Name] = "unknown"
			continue
		}
		got[w.Context.Method+" "+w.Name] = fmt.Sprint(v.Direct, v.Reads)
	}
	for write, want := range map[string]string{
		"initExceptions error": "[] [0]",  // makeClass("Error", base), base = dict.get(...)
		"initHanded handed":    "[0] [0]", // makeClass("Handed", dict.get(...))
		"initWrapped wrapped":  "[] [0]",  // makeClass("Wrapped", base, new HashMap<>()): the new is crossed
		"remember seen":        "[] [0]",  // add(name), name from o
		"keep given":           "[0] [0]", // add(o)
	} {
		if got[write] != want {
			t.Errorf("%s: direct and all reads %s, want %s", write, got[write], want)
		}
	}
}

// fixtureClass parses one class of the compiled fixtures jar (release 17).
func fixtureClass(t *testing.T, entry string) *classfile.Class {
	t.Helper()
	zr, err := zip.OpenReader("../../testdata/bytecode/fixtures-17.jar")
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open(entry)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	c, err := classfile.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

package rules_test

import (
	"context"
	"testing"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/javasrc"
)

// A pass whose time ran out stops: checks that go over a file's writes
// or calls report nothing more, where the same pass in time reports.
func TestPassUntil(t *testing.T) {
	ex, err := javasrc.NewExtractor(javasrc.Interest{Calls: map[string]bool{"exit": true}, News: map[string]bool{}}, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	defer ex.Close()
	src := []byte("package a;\npublic class Holder {\n    static String mode;\n    public static void set(String m) {\n        mode = m;\n        System.exit(1);\n    }\n}\n")
	f, _, err := ex.Extract("a/Holder.java", src, noTypes{})
	if err != nil {
		t.Fatal(err)
	}
	stopped, cancel := context.WithCancel(context.Background())
	cancel()
	for _, id := range []string{"static-mutable-state", "system-exit"} {
		r, _ := rules.Lookup(id)
		run := func(ctx context.Context) int {
			n := 0
			p := rules.NewPass(r, f, facts.RoleShared, src, nil, func(rules.Diagnostic) { n++ })
			if ctx != nil {
				p.Until(ctx)
			}
			r.Check(p)
			return n
		}
		if n := run(nil); n == 0 {
			t.Fatalf("%s reports nothing on the file: the test shows nothing", id)
		}
		if n := run(context.Background()); n == 0 {
			t.Errorf("%s: a pass in time reports nothing", id)
		}
		if n := run(stopped); n != 0 {
			t.Errorf("%s: a stopped pass reported %d", id, n)
		}
	}
}

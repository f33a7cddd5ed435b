package scanner

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kscan/kscan/rules"
)

// A jar scan sets aside the class files a source scan sets aside: Apache
// Ant's own classes and a class extending one of Ant's (an Ant task), and
// the summary counts them as archive entries, by reason. Library code in
// the same jar is reported as before, and --include non-production brings
// the task's finding back. testdata/scopejar/build.sh builds the jar.
func TestScanSetsAsideArchiveEntries(t *testing.T) {
	data, err := os.ReadFile("../testdata/scopejar/tasks.jar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "tasks.jar"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	classes := func(res *Result) map[string]int {
		out := map[string]int{}
		for _, f := range res.Findings {
			out[f.Class]++
		}
		return out
	}
	res := scanDir(t, dir, Options{})
	got := classes(res)
	if got["com.acme.lib.Config"] == 0 {
		t.Errorf("findings by class %v: none in the library's Config", got)
	}
	if got["com.acme.build.StampTask"] != 0 {
		t.Errorf("findings by class %v: the Ant task is reported", got)
	}
	want := "0 of 1 files set aside as non-production; 2 archive entries set aside: 2 build tool"
	if s := res.Scope.Summary(); s != want {
		t.Errorf("Summary() = %q\nwant %q", s, want)
	}
	reasons := map[string]int{}
	for _, c := range res.Scope.Reasons() {
		if c.Entries {
			reasons[c.Reason] += c.N
		}
	}
	for _, r := range []string{"Apache Ant (package org.apache.tools.ant)", "Ant task or type (extends an org.apache.tools.ant class)"} {
		if reasons[r] != 1 {
			t.Errorf("entry reasons %v: want one %q", reasons, r)
		}
	}
	// Named on the command line, the jar is no file of a tree; its
	// entries are still counted.
	named, err := Scan(context.Background(), Options{Root: dir, Paths: []string{filepath.Join(dir, "tasks.jar")}, Rules: rules.All()})
	if err != nil {
		t.Fatal(err)
	}
	if s, want := named.Scope.Summary(), "2 archive entries set aside as non-production: 2 build tool"; s != want {
		t.Errorf("named jar: Summary() = %q\nwant %q", s, want)
	}
	all := scanDir(t, dir, Options{IncludeNonProduction: true})
	if got := classes(all); got["com.acme.build.StampTask"] == 0 {
		t.Errorf("findings by class %v with --include non-production: none in the Ant task", got)
	}
	if n := all.Scope.EntriesSetAside(); n != 0 || strings.Contains(all.Scope.Summary(), "entries") {
		t.Errorf("with --include non-production: %d entries set aside (%q), want none classified", n, all.Scope.Summary())
	}
}

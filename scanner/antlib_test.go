package scanner

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/kscan/kscan/scanner/scope"
)

// TestAntlibLoadedByBuild: in testdata/antlib/tree, build.xml loads the
// Ant library of lib/acme-tasks-1.0.jar (a typedef of its antlib.xml on a
// path naming the jar): the jar, with the HTTP library it bundles, runs
// inside Ant and reports nothing unless non-production code is asked for.
// lib/other-db-2.0.jar also holds an antlib, which no build file loads:
// a runtime library, it keeps its finding.
func TestAntlibLoadedByBuild(t *testing.T) {
	dir := filepath.Join("..", "testdata", "antlib", "tree")
	paths := func(res *Result) string {
		var out []string
		for _, f := range res.Findings {
			if f.RuleID == "system-property-mutation" {
				out = append(out, f.Path)
			}
		}
		sort.Strings(out)
		return strings.Join(out, " ")
	}
	res := scanDir(t, dir, Options{})
	if got, want := paths(res), "lib/other-db-2.0.jar"; got != want {
		t.Errorf("findings in %q, want %q", got, want)
	}
	var note string
	for _, n := range res.Notifications {
		if n.Kind == "set-aside" {
			note = n.Path + ": " + n.Message
		}
	}
	if !strings.HasPrefix(note, "lib/acme-tasks-1.0.jar: set aside as a build tool: build.xml loads its Ant library (org/acme/ant/antlib.xml)") {
		t.Errorf("note: %q", note)
	}
	found := false
	for _, c := range res.Scope.Reasons() {
		if c.Class == scope.BuildTool && c.Reason == "Ant library that a build file loads (antlib.xml)" && c.N == 1 {
			found = true
		}
	}
	if !found || res.Scope.SetAside() != 1 {
		t.Errorf("scope tally: %d set aside, reasons %+v", res.Scope.SetAside(), res.Scope.Reasons())
	}
	all := scanDir(t, dir, Options{IncludeNonProduction: true})
	if got, want := paths(all), "lib/acme-tasks-1.0.jar lib/other-db-2.0.jar"; got != want {
		t.Errorf("with non-production code: findings in %q, want %q", got, want)
	}
}

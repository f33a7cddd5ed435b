package rules_test

import (
	"fmt"
	"testing"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/javasrc"
)

// The scanner finds the writes of statics across files once, before the
// call graph, and hands them to static-mutable-state's project check: the
// check reports the same with them as without, and finds them again when
// they were found over other files.
func TestForeignStaticsShared(t *testing.T) {
	r, _ := rules.Lookup("static-mutable-state")
	ex, err := javasrc.NewExtractor(javasrc.Interest{Calls: map[string]bool{}, News: map[string]bool{}}, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	extract := func(path, src string) *facts.File {
		f, _, err := ex.Extract(path, []byte(src), noTypes{})
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	files := []*facts.File{
		extract("a/Depth.java", "package a;\npublic class Depth {\n    public static int MAX = 4;\n}\n"),
		extract("a/Options.java", "package a;\npublic class Options {\n    public static void setDepth(int d) {\n        Depth.MAX = d;\n    }\n}\n"),
	}
	alone := files[:1:1] // the field without its writer
	run := func(files []*facts.File, statics *rules.ForeignStatics) []string {
		var got []string
		p := rules.NewProjectPass(r, files, func(string) facts.Role { return facts.RoleShared }, func(d rules.Diagnostic) {
			got = append(got, fmt.Sprintf("%s:%d", d.Path, d.Span.Start))
		})
		p.Statics = statics
		r.CheckProject(p)
		return got
	}
	want := run(files, nil)
	if len(want) != 1 {
		t.Fatalf("found by the check: %v, want one finding on Depth.MAX", want)
	}
	shared := rules.FindForeignStatics(files)
	if ks := shared.Writers(); len(ks) != 1 || ks[0].Class != "a.Options" || ks[0].Name != "setDepth" {
		t.Errorf("writers %v, want a.Options.setDepth", ks)
	}
	for name, statics := range map[string]*rules.ForeignStatics{
		"shared":           shared,
		"found over other": rules.FindForeignStatics(append([]*facts.File(nil), files...)),
	} {
		if got := run(files, statics); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
	// Found over both files, handed to a pass over one: not used.
	if got := run(alone, shared); len(got) != 0 {
		t.Errorf("a pass over the field alone reported %v from statics found over other files", got)
	}
}

package rules

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// A rule whose help file is missing stops the program when the package
// initialises: register is what every rule file's package-level var calls.
func TestRegisterWithoutHelpFails(t *testing.T) {
	const id = "rule-without-help"
	defer func() {
		msg, _ := recover().(string)
		if !strings.Contains(msg, "doc/"+id+".md") {
			t.Errorf("register without a help file: panic %q, want one naming doc/%s.md", msg, id)
		}
		if _, ok := registry[id]; ok {
			t.Errorf("%s was registered", id)
		}
	}()
	register(&Rule{ID: id, Title: "t", Summary: "s", Default: SeverityLow, Check: func(*Pass) {}})
}

func TestHelpFor(t *testing.T) {
	r := &Rule{ID: "some-rule"}
	for _, tc := range []struct {
		name  string
		files fstest.MapFS
		help  string // set in Go
		want  string // the help, or a part of the error
		ok    bool
	}{
		{"file", fstest.MapFS{"doc/some-rule.md": {Data: []byte("**Why.** x\n\n")}}, "", "**Why.** x", true},
		{"missing", fstest.MapFS{"doc/other-rule.md": {Data: []byte("x")}}, "", "doc/some-rule.md", false},
		{"empty", fstest.MapFS{"doc/some-rule.md": {Data: []byte("\n \n")}}, "", "empty", false},
		{"set in Go", fstest.MapFS{"doc/some-rule.md": {Data: []byte("x")}}, "y", "sets Help in Go", false},
	} {
		r.Help = tc.help
		got, err := helpFor(tc.files, r)
		switch {
		case tc.ok && (err != nil || got != tc.want):
			t.Errorf("%s: got %q, %v; want %q", tc.name, got, err, tc.want)
		case !tc.ok && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: got %q, %v; want an error containing %q", tc.name, got, err, tc.want)
		}
	}
}

func TestRegistry(t *testing.T) {
	for _, p := range registryProblems(All(), docs) {
		t.Error(p)
	}
}

var (
	kebabRE    = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	precisions = map[string]bool{"very-high": true, "high": true, "medium": true, "low": true}
)

// registryProblems checks a set of registered rules against the help files
// in docFS: what every rule must carry, and one help file per rule, no more.
func registryProblems(rs []*Rule, docFS fs.FS) []string {
	var out []string
	ids := map[string]bool{}
	for _, r := range rs {
		switch {
		case !kebabRE.MatchString(r.ID):
			out = append(out, "rule id "+r.ID+" is not kebab-case")
		case ids[r.ID]:
			out = append(out, "duplicate rule id "+r.ID)
		}
		ids[r.ID] = true
		if r.Title == "" || r.Summary == "" || len(r.Summary) > 1024 {
			out = append(out, r.ID+": needs a title and a summary of at most 1024 bytes (SARIF fullDescription)")
		}
		if !precisions[r.Precision] {
			out = append(out, r.ID+": precision "+r.Precision+" is not one of very-high, high, medium, low")
		}
		if r.Default == SeverityNone {
			out = append(out, r.ID+": no default severity")
		}
		if r.Check == nil && r.CheckProject == nil && r.CheckDeps == nil && r.CheckResource == nil && r.CheckClassPath == nil {
			out = append(out, r.ID+": no check")
		}
		if (r.CheckResource != nil) != (len(r.Resources) > 0) {
			out = append(out, r.ID+": CheckResource and Resources go together")
		}
		b, err := fs.ReadFile(docFS, docPath(r.ID))
		if err != nil {
			out = append(out, r.ID+": "+err.Error())
		} else if r.Help != strings.TrimRight(string(b), "\n") {
			out = append(out, r.ID+": Help is not the text of "+docPath(r.ID))
		}
	}
	files, err := fs.Glob(docFS, "doc/*")
	if err != nil {
		return append(out, err.Error())
	}
	for _, f := range files {
		id, ok := strings.CutSuffix(strings.TrimPrefix(f, "doc/"), ".md")
		if !ok || !ids[id] {
			out = append(out, f+" is the help of no rule: name it doc/<rule-id>.md or delete it")
		}
	}
	return out
}

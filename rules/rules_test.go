package rules_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/rules/ruletest"
	"github.com/kscan/kscan/scanner"
	"github.com/kscan/kscan/scanner/deps"
	"github.com/kscan/kscan/scanner/finding"
	"github.com/kscan/kscan/scanner/javasrc"
)

var update = flag.Bool("update", false, "rewrite .golden files")

// Fixtures live in testdata/rules/<rule-id>/. Every line that must be
// flagged carries `// want "rule-id"` (or "rule-id:severity", or
// "rule-id:suppressed" for a finding kept but suppressed; see package
// ruletest for the syntax); every other line must not be flagged by any
// rule, so a false positive fails the test as surely as a miss.
// Expectations marked source:- are for the scan of compiled classes only.
// Sub-directories named base, module, shared or private are scanned with
// that role; a sub-directory named tree is scanned with roles read from its
// build files (a base and its modules side by side); the rest with an
// unknown role.
const fixtureRoot = "../testdata/rules"

var roleDirs = map[string]facts.Role{
	"base": facts.RoleBase, "module": facts.RoleModule, "shared": facts.RoleShared, "private": facts.RolePrivate,
}

func TestRuleFixtures(t *testing.T) {
	dirs, err := os.ReadDir(fixtureRoot)
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		id := d.Name()
		if _, ok := rules.Lookup(id); !ok {
			t.Errorf("fixture directory %s names no rule", id)
			continue
		}
		covered[id] = true
		t.Run(id, func(t *testing.T) {
			runFixtureDir(t, filepath.Join(fixtureRoot, id))
		})
	}
	for _, r := range rules.All() {
		if builtOnly[r.ID] != "" {
			continue
		}
		if !covered[r.ID] {
			t.Errorf("rule %s has no fixtures in %s", r.ID, fixtureRoot)
		}
	}
}

// builtOnly are the rules that read only built archives side by side (a
// module's ark-biz beside its base's fat jar), which the source fixtures
// cannot hold, with the test that runs them on real jars.
var builtOnly = map[string]string{
	"module-class-unresolvable": "cmd/kscan TestScanModuleClassUnresolvable (testdata/slim/jars)",
}

// autoRole is the group key of a tree/ sub-directory.
const autoRole = facts.Role(255)

func runFixtureDir(t *testing.T, dir string) {
	groups := map[facts.Role][]string{}
	var wanted int
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".java") || isResource(filepath.Base(p))) {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		role := facts.RoleUnknown
		top := strings.Split(filepath.ToSlash(rel), "/")[0]
		if r, ok := roleDirs[top]; ok {
			role = r
		} else if top == "tree" {
			role = autoRole
		}
		groups[role] = append(groups[role], p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for role, files := range groups {
		opts := scanner.Options{Paths: files, Root: dir, Rules: rules.All(), Jobs: 2, Role: role}
		if role == autoRole {
			opts.Role, opts.RoleAuto = facts.RoleUnknown, true
		}
		res, err := scanner.Scan(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range res.Notifications {
			t.Errorf("%s: unexpected notification: %s", n.Path, n.Message)
		}
		got := map[string][]finding.Finding{}
		for _, f := range res.Findings {
			got[f.Path] = append(got[f.Path], f)
		}
		for _, file := range files {
			rel, _ := filepath.Rel(dir, file)
			rel = filepath.ToSlash(rel)
			wanted += compareWants(t, file, rel, got[rel])
			checkFixes(t, file, got[rel])
		}
	}
	if wanted == 0 {
		t.Errorf("%s: no `// want` lines: a fixture must show what is flagged", dir)
	}
}

// buildFiles are read by the dependency pass.
var buildFiles = regexp.MustCompile(`^(pom\.xml|build\.gradle(\.kts)?|gradle\.lockfile|libs\.versions\.toml|dependency-(list|tree)[\w.-]*\.txt)$`)

// isResource reports files some rule reads besides Java sources.
func isResource(name string) bool {
	if buildFiles.MatchString(name) {
		return true
	}
	for _, r := range rules.All() {
		for _, g := range append(r.Resources, r.MentionFiles...) {
			if ok, _ := filepath.Match(g, name); ok {
				return true
			}
		}
	}
	return false
}

// compareWants checks findings against the file's want comments and
// returns the number of expectations.
func compareWants(t *testing.T, file, rel string, findings []finding.Finding) int {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	wants, err := ruletest.Parse(src)
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	want := map[int][]string{} // line -> "rule" or "rule:severity"
	n := 0
	for _, w := range wants {
		if !w.Source {
			continue // only the compiled classes report it
		}
		e := w.Rule
		if w.Severity != "" {
			e += ":" + w.Severity
		}
		want[w.Line] = append(want[w.Line], e)
		n++
	}
	got := map[int][]finding.Finding{}
	for _, f := range findings {
		got[f.Region.StartLine] = append(got[f.Region.StartLine], f)
	}
	lines := map[int]bool{}
	for l := range want {
		lines[l] = true
	}
	for l := range got {
		lines[l] = true
	}
	var sorted []int
	for l := range lines {
		sorted = append(sorted, l)
	}
	sort.Ints(sorted)
	for _, l := range sorted {
		exp := append([]string(nil), want[l]...)
		var unexpected []string
		for _, f := range got[l] {
			matched := -1
			for i, w := range exp {
				id, sev, hasSev := strings.Cut(w, ":")
				// A suppressed finding is still reported, marked; it must be
				// expected as "rule-id:suppressed".
				suppressed := len(f.Suppressed) > 0
				if id == f.RuleID && (suppressed == (sev == "suppressed")) && (!hasSev || sev == "suppressed" || sev == f.Severity.String()) {
					matched = i
					break
				}
			}
			if matched >= 0 {
				exp = append(exp[:matched], exp[matched+1:]...)
			} else {
				unexpected = append(unexpected, f.RuleID+":"+f.Severity.String()+" ("+f.Message+")")
			}
		}
		for _, u := range unexpected {
			t.Errorf("%s:%d: unexpected finding %s", rel, l, u)
		}
		for _, w := range exp {
			t.Errorf("%s:%d: missing finding %s", rel, l, w)
		}
	}
	return n
}

// checkFixes applies every fix of the file's findings and compares the
// result with file.golden; the fixed file must still parse.
func checkFixes(t *testing.T, file string, findings []finding.Finding) {
	t.Helper()
	var edits []rules.Edit
	for _, f := range findings {
		for _, fx := range f.Fixes {
			for _, e := range fx.Edits {
				// The bytes a SARIF consumer's region selects.
				edits = append(edits, rules.Edit{Span: facts.Span{Start: e.Region.ByteOffset, End: e.Region.ByteOffset + e.Region.ByteLength}, New: e.New})
			}
		}
	}
	golden := file + ".golden"
	if len(edits) == 0 {
		if _, err := os.Stat(golden); err == nil {
			t.Errorf("%s exists but no finding in %s has a fix", golden, file)
		}
		return
	}
	src, _ := os.ReadFile(file)
	fixed, err := scanner.ApplyEdits(src, edits)
	if err != nil {
		t.Errorf("%s: %v", file, err)
		return
	}
	if strings.HasSuffix(file, ".java") && javasrc.SyntaxOK(src) && !javasrc.SyntaxOK(fixed) {
		t.Errorf("%s: applying the fixes leaves code that does not parse", file)
	}
	if filepath.Base(file) == "pom.xml" {
		if _, err := deps.ParsePOM(file, fixed); err != nil {
			t.Errorf("%s: applying the fixes leaves a pom that does not parse: %v", file, err)
		}
	}
	if *update {
		if err := os.WriteFile(golden, fixed, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Errorf("%s: fixes present but no golden file (run go test ./rules -update): %v", file, err)
		return
	}
	if string(want) != string(fixed) {
		t.Errorf("%s: fixed output differs from %s:\n%s", file, golden, string(fixed))
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const gateLegacyDb = "src/main/java/com/example/order/LegacyDb.java"

// gateReport is the part of the JSON report the gate tests read.
type gateReport struct {
	Findings []struct {
		RuleID        string `json:"ruleId"`
		Path          string `json:"path"`
		BaselineState string `json:"baselineState"`
		Region        struct {
			StartLine int `json:"startLine"`
		} `json:"region"`
	} `json:"findings"`
	Baseline *struct {
		File      string `json:"file"`
		New       int    `json:"new"`
		Unchanged int    `json:"unchanged"`
		Absent    []struct {
			RuleID string `json:"ruleId"`
			Path   string `json:"path"`
			Line   int    `json:"line"`
		} `json:"absent"`
	} `json:"baseline"`
	DiffBase *struct {
		Ref string `json:"ref"`
	} `json:"diffBase"`
}

func gateParseReport(t *testing.T, r result) gateReport {
	t.Helper()
	var doc gateReport
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("json output: %v\nstdout:\n%s\nstderr:\n%s", err, r.stdout, r.stderr)
	}
	return doc
}

func (g gateReport) byState(state string) []string {
	var out []string
	for _, f := range g.Findings {
		if f.BaselineState == state {
			out = append(out, filepath.Base(f.Path)+":"+itoa(f.Region.StartLine)+":"+f.RuleID)
		}
	}
	return out
}

// gateEditFile replaces old with new in dir/name, failing when old is absent.
func gateEditFile(t *testing.T, dir, name, old, new string) {
	t.Helper()
	p := filepath.Join(dir, name)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s lacks %q", name, old)
	}
	if err := os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBaselineGate: a baseline of the example accepts it as it is, flags
// exactly a hazard added later, and reports a removed one as absent.
func TestBaselineGate(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, filepath.Join(repoRoot(t), example), dir)

	r := kscan(t, dir, "baseline", "-o", ".kscan-baseline.json", ".")
	if r.code != 0 || !strings.Contains(r.stderr, "recorded 6 findings in .kscan-baseline.json") {
		t.Fatalf("baseline: exit %d\n%s", r.code, r.stderr)
	}
	first, err := os.ReadFile(filepath.Join(dir, ".kscan-baseline.json"))
	if err != nil {
		t.Fatal(err)
	}
	// The same scan writes the same bytes, whatever the parallelism.
	for _, jobs := range []string{"1", "8"} {
		if r := kscan(t, dir, "baseline", "--jobs", jobs, "-o", "-", "."); r.code != 0 || r.stdout != string(first) {
			t.Errorf("--jobs %s: baseline differs (exit %d):\n%s", jobs, r.code, r.stdout)
		}
	}

	r = kscan(t, dir, "scan", "--baseline", ".kscan-baseline.json", ".")
	if r.code != 0 || !strings.Contains(r.stdout, "0 new, 6 unchanged (baseline .kscan-baseline.json), 0 absent\nNo new findings.") {
		t.Errorf("unchanged tree: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if strings.Contains(r.stdout, "LegacyDb.java") {
		t.Errorf("unchanged findings listed by default:\n%s", r.stdout)
	}
	// The baseline holds what the run shows: the candidates below note,
	// asked for later, are new.
	if r := kscan(t, dir, "scan", "--baseline", ".kscan-baseline.json", "--min-level", "none", "."); !strings.Contains(r.stdout, "2 new, 6 unchanged (baseline .kscan-baseline.json), 0 absent") {
		t.Errorf("--min-level none against the baseline:\n%s", r.stdout)
	}
	if r := kscan(t, dir, "scan", "--baseline", ".kscan-baseline.json", "--show-unchanged", "."); !strings.Contains(r.stdout, "(in the baseline)") {
		t.Errorf("--show-unchanged does not list unchanged findings:\n%s", r.stdout)
	}

	// The configuration names it, relative to the configuration file, so
	// it is found from any directory.
	os.WriteFile(filepath.Join(dir, ".kscan.yaml"), []byte("fail-on: error\nbaseline: .kscan-baseline.json\n"), 0o644)
	if r := kscan(t, dir, "scan"); r.code != 0 || !strings.Contains(r.stdout, "6 unchanged") {
		t.Errorf("baseline from .kscan.yaml: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := kscan(t, filepath.Dir(dir), "scan", "--root", dir, dir); r.code != 0 || !strings.Contains(r.stdout, "6 unchanged") {
		t.Errorf("baseline from .kscan.yaml, run elsewhere: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := kscan(t, dir, "scan", "--baseline", ""); r.code != 1 || strings.Contains(r.stdout, "unchanged") {
		t.Errorf("--baseline '' must ignore the configured baseline: exit %d\n%s", r.code, r.stdout)
	}

	// A new hazard: exactly it is new, and it fails the run.
	gateEditFile(t, dir, gateLegacyDb, "        return DriverManager.getConnection(url);",
		"        Runtime.getRuntime().halt(2);\n        return DriverManager.getConnection(url);")
	r = kscan(t, dir, "scan", "--format", "json")
	doc := gateParseReport(t, r)
	if r.code != 1 {
		t.Errorf("a new error-level finding: exit %d, want 1\n%s", r.code, r.stderr)
	}
	if got := doc.byState("new"); strings.Join(got, ",") != "LegacyDb.java:22:system-exit" {
		t.Errorf("new findings %v, want only the added halt", got)
	}
	if doc.Baseline == nil || doc.Baseline.New != 1 || doc.Baseline.Unchanged != 6 || len(doc.Baseline.Absent) != 0 {
		t.Errorf("baseline counts %+v", doc.Baseline)
	}
	r = kscan(t, dir, "scan")
	if !strings.Contains(r.stdout, "1 new, 6 unchanged (baseline .kscan-baseline.json), 0 absent") ||
		strings.Count(r.stdout, "LegacyDb.java") != 1 || strings.Contains(r.stdout, "OrderApplication.java") {
		t.Errorf("text with one new finding:\n%s", r.stdout)
	}

	// A removed hazard is absent; a remaining new one below the gate's
	// level does not fail it.
	gateEditFile(t, dir, gateLegacyDb, "        Runtime.getRuntime().halt(2);\n", "")
	gateEditFile(t, dir, gateLegacyDb, "            System.exit(1);\n", "")
	// In the constructor: a shutdown hook, a warning.
	gateEditFile(t, dir, gateLegacyDb, "        this.url = url;\n", "        this.url = url;\n        Runtime.getRuntime().addShutdownHook(new Thread(this::toString));\n")
	r = kscan(t, dir, "scan", "--format", "json")
	doc = gateParseReport(t, r)
	if r.code != 0 {
		t.Errorf("absent and a warning-level new finding: exit %d, want 0\n%s", r.code, r.stderr)
	}
	if doc.Baseline == nil || len(doc.Baseline.Absent) != 1 || doc.Baseline.Absent[0].RuleID != "system-exit" ||
		doc.Baseline.Absent[0].Path != gateLegacyDb || doc.Baseline.Absent[0].Line != 20 {
		t.Errorf("absent %+v, want LegacyDb.java:20 system-exit", doc.Baseline)
	}
	if got := doc.byState("new"); strings.Join(got, ",") != "LegacyDb.java:13:shutdown-hook" {
		t.Errorf("new findings %v", got)
	}
	if r := kscan(t, dir, "scan", "--fail-on", "warning"); r.code != 1 {
		t.Errorf("--fail-on warning with a new warning: exit %d", r.code)
	}

	// SARIF: every result has a state, the absent one is a pass at level
	// none, and the log is valid.
	r = kscan(t, dir, "scan", "--format", "sarif")
	validateSARIF(t, loadSchema(t), r.stdout)
	states := map[string]int{}
	for _, res := range sarifResultsOf(t, r.stdout) {
		states[res.BaselineState]++
		if res.BaselineState == "absent" && (res.Kind != "pass" || res.Level != "none" || res.RuleID != "system-exit") {
			t.Errorf("absent result %+v", res)
		}
	}
	if states["new"] != 1 || states["unchanged"] != 5 || states["absent"] != 1 || len(states) != 3 {
		t.Errorf("SARIF baseline states %v", states)
	}
	if r := kscan(t, dir, "scan", "--format", "sarif", "--report-absent=false"); strings.Contains(r.stdout, `"baselineState": "absent"`) {
		t.Error("--report-absent=false still reports absent results")
	}

	// Absent only where the scan looked: a scan of one file or with the
	// rule off does not call the others fixed.
	r = kscan(t, dir, "scan", "--format", "json", "src/main/java/com/example/order/OrderApplication.java")
	if doc := gateParseReport(t, r); len(doc.Baseline.Absent) != 0 {
		t.Errorf("scan of one file reports other files' findings absent: %+v", doc.Baseline.Absent)
	}
	r = kscan(t, dir, "scan", "--format", "json", "--disable", "system-exit")
	if doc := gateParseReport(t, r); len(doc.Baseline.Absent) != 0 {
		t.Errorf("a disabled rule's findings reported absent: %+v", doc.Baseline.Absent)
	}
	r = kscan(t, dir, "scan", "--format", "json", "--exclude", "LegacyDb.java")
	if doc := gateParseReport(t, r); len(doc.Baseline.Absent) != 0 {
		t.Errorf("an excluded file's findings reported absent: %+v", doc.Baseline.Absent)
	}
}

// TestBaselineFromSARIF: an earlier SARIF log works as a baseline.
func TestBaselineFromSARIF(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, filepath.Join(repoRoot(t), example), dir)
	if r := kscan(t, dir, "scan", "--format", "sarif", "-o", "old.sarif"); r.code != 1 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	r := kscan(t, dir, "scan", "--baseline", "old.sarif")
	if r.code != 0 || !strings.Contains(r.stdout, "0 new, 6 unchanged (baseline old.sarif), 0 absent") {
		t.Errorf("SARIF baseline: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// A SARIF log written with a baseline, absent results included, is a
	// baseline of what that scan found.
	gateEditFile(t, dir, gateLegacyDb, "            System.exit(1);\n", "")
	if r := kscan(t, dir, "scan", "--baseline", "old.sarif", "--format", "sarif", "-o", "new.sarif"); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	r = kscan(t, dir, "scan", "--baseline", "new.sarif")
	if r.code != 0 || !strings.Contains(r.stdout, "0 new, 5 unchanged (baseline new.sarif), 0 absent") {
		t.Errorf("SARIF with absent results as baseline: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestIdenticalFindings: two identical findings (same rule, file, method
// and code) differ only in their fingerprint's counter, which follows the
// line order. When the first is removed, the survivor is renumbered :1;
// the removed one, not the baseline's :2, must be reported absent.
func TestIdenticalFindings(t *testing.T) {
	dir := t.TempDir()
	src := "class Twice {\n  void f(boolean a) {\n    if (a) {\n      System.exit(1);\n    }\n    log();\n    System.exit(1);\n  }\n  void log() {}\n}\n"
	os.WriteFile(filepath.Join(dir, "Twice.java"), []byte(src), 0o644)
	if r := kscan(t, dir, "baseline", "-o", "b.json"); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	gateEditFile(t, dir, "Twice.java", "      System.exit(1);\n", "")
	r := kscan(t, dir, "scan", "--baseline", "b.json", "--format", "json")
	doc := gateParseReport(t, r)
	if r.code != 0 || doc.Baseline.New != 0 || doc.Baseline.Unchanged != 1 || len(doc.Baseline.Absent) != 1 || doc.Baseline.Absent[0].Line != 4 {
		t.Errorf("exit %d, baseline %+v: want the line-4 exit absent and the other unchanged", r.code, doc.Baseline)
	}
	// A third copy between the two: exactly it is new (the one after it
	// moved down a line, as lines do below an insertion).
	os.WriteFile(filepath.Join(dir, "Twice.java"), []byte(strings.Replace(src, "    log();\n", "    System.exit(1);\n    log();\n", 1)), 0o644)
	r = kscan(t, dir, "scan", "--baseline", "b.json", "--format", "json")
	doc = gateParseReport(t, r)
	if r.code != 1 || doc.Baseline.New != 1 || doc.Baseline.Unchanged != 2 || strings.Join(doc.byState("new"), ",") != "Twice.java:6:system-exit" {
		t.Errorf("exit %d, baseline %+v, new %v", r.code, doc.Baseline, doc.byState("new"))
	}
}

func TestGateErrors(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "A.java"), []byte("class A { void f() { System.exit(1); } }\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "old.json"), []byte(`{"version":1,"fingerprintVersion":"kscan/v0","findings":[]}`), 0o644)
	os.WriteFile(filepath.Join(dir, "other.sarif"), []byte(`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"CodeQL"}},"results":[]}]}`), 0o644)
	nogit := t.TempDir()
	os.WriteFile(filepath.Join(nogit, "A.java"), []byte("class A {}\n"), 0o644)
	tests := []struct {
		name   string
		dir    string
		config string
		args   []string
		want   string
	}{
		{"missing baseline file", dir, "", []string{"scan", "--baseline", "nope.json"}, "--baseline: nope.json does not exist (record one with 'kscan baseline -o nope.json')"},
		{"missing configured baseline", dir, "role: base\nbaseline: base/line.json\n", []string{"scan"},
			".kscan.yaml:2: baseline: " + filepath.Join(dir, "base", "line.json") + " does not exist"},
		{"configured baseline of the wrong type", dir, "baseline: [a.json, b.json]\n", []string{"scan"}, ".kscan.yaml:1: baseline: want a string, not a list"},
		{"other fingerprint version", dir, "", []string{"scan", "--baseline", "old.json"}, "made with fingerprint version kscan/v0, this kscan computes kscan/v1"},
		{"SARIF of another tool", dir, "", []string{"scan", "--baseline", "other.sarif"}, "other.sarif: SARIF log has no kscan run"},
		{"baseline without -o", dir, "", []string{"baseline"}, "needs -o FILE"},
		{"diff base outside git", nogit, "", []string{"scan", "--diff-base", "main"}, "--diff-base main: "},
		{"diff base empty", nogit, "", []string{"scan", "--diff-base", ""}, "--diff-base: empty revision"},
		{"diff base, missing path", nogit, "", []string{"scan", "--diff-base", "HEAD", "does/not/exist"}, "does/not/exist: no such file or directory"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := filepath.Join(tc.dir, ".kscan.yaml")
			os.Remove(cfg)
			if tc.config != "" {
				os.WriteFile(cfg, []byte(tc.config), 0o644)
				defer os.Remove(cfg)
			}
			args := tc.args
			if tc.config != "" {
				args = append(args, "--root", tc.dir, tc.dir) // the message names the file as found
			}
			r := kscan(t, tc.dir, args...)
			if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("exit %d, want 2; stderr %q, want it to contain %q", r.code, r.stderr, tc.want)
			}
		})
	}
}

// gateRepo makes a repository in a temporary directory, isolated from the
// user's git configuration.
func gateRepo(t *testing.T) (dir string, git func(args ...string)) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	home := t.TempDir()
	t.Setenv("GIT_CONFIG_GLOBAL", filepath.Join(home, "gitconfig"))
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	dir = t.TempDir()
	git = func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	return dir, git
}

// TestDiffBase: only the hazard added on a changed line is reported, from
// the repository root, from a subdirectory and from outside.
func TestDiffBase(t *testing.T) {
	repo, git := gateRepo(t)
	svc := filepath.Join(repo, "svc")
	os.MkdirAll(filepath.Join(svc, "src"), 0o755)
	a := "class A {\n  void f() {\n    System.exit(1);\n  }\n  void g() {\n    int x = 1;\n  }\n}\n"
	os.WriteFile(filepath.Join(svc, "src", "A.java"), []byte(a), 0o644)
	os.WriteFile(filepath.Join(svc, "src", "Old.java"), []byte("class Old { void f() { System.exit(2); } }\n"), 0o644)
	git("add", "-A")
	git("commit", "-q", "-m", "init")
	git("branch", "base")
	gateEditFile(t, svc, "src/A.java", "    int x = 1;\n", "    int x = 1;\n    System.exit(3);\n")

	tests := []struct {
		name, dir string
		args      []string
		path      string // as reported
	}{
		{"repository root", repo, []string{"."}, "svc/src/A.java"},
		{"subdirectory", svc, []string{"."}, "src/A.java"},
		{"from outside, with --root", t.TempDir(), []string{"--root", svc, svc}, "src/A.java"},
		{"a single file", repo, []string{"svc/src/A.java"}, "svc/src/A.java"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"scan", "--diff-base", "HEAD", "--format", "json"}, tc.args...)
			r := kscan(t, tc.dir, args...)
			doc := gateParseReport(t, r)
			var got []string
			for _, f := range doc.Findings {
				got = append(got, f.Path+":"+itoa(f.Region.StartLine)+":"+f.RuleID)
			}
			if want := tc.path + ":7:system-exit"; strings.Join(got, ",") != want || r.code != 1 {
				t.Errorf("exit %d, findings %v, want [%s]\n%s", r.code, got, want, r.stderr)
			}
			if doc.DiffBase == nil || doc.DiffBase.Ref != "HEAD" {
				t.Errorf("diffBase %+v", doc.DiffBase)
			}
		})
	}

	// Committed on a branch: compared with the branch point, not HEAD.
	git("checkout", "-q", "-b", "topic")
	git("commit", "-q", "-am", "topic")
	os.WriteFile(filepath.Join(svc, "src", "New.java"), []byte("class New { void f() { System.exit(4); } }\n"), 0o644) // untracked
	r := kscan(t, repo, "scan", "--diff-base", "base")
	if r.code != 1 || !strings.Contains(r.stdout, "svc/src/A.java") || !strings.Contains(r.stdout, "svc/src/New.java") ||
		strings.Contains(r.stdout, "Old.java") || strings.Contains(r.stdout, "  3:") ||
		!strings.Contains(r.stdout, "2 findings (2 errors) in 2 files on lines changed since base") {
		t.Errorf("--diff-base base: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := kscan(t, repo, "scan", "--diff-base", "topic"); r.code != 1 || !strings.Contains(r.stdout, "New.java") || strings.Contains(r.stdout, "A.java") {
		t.Errorf("--diff-base topic (only the untracked file): exit %d\n%s", r.code, r.stdout)
	}

	for _, tc := range []struct{ ref, want string }{
		{"no-such-ref", "--diff-base no-such-ref: unknown revision"},
		{"--output=/tmp/x", "--diff-base --output=/tmp/x: unknown revision"},
	} {
		if r := kscan(t, repo, "scan", "--diff-base", tc.ref); r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("--diff-base %s: exit %d, stderr %q", tc.ref, r.code, r.stderr)
		}
	}
}

// TestDiffBaseWithBaseline: on changed lines, a finding the baseline has
// is unchanged and does not fail; a new one does.
func TestDiffBaseWithBaseline(t *testing.T) {
	repo, git := gateRepo(t)
	src := "class A {\n  void f() {\n    System.exit(1);\n  }\n}\n"
	os.WriteFile(filepath.Join(repo, "A.java"), []byte(src), 0o644)
	git("add", "-A")
	git("commit", "-q", "-m", "init")
	bl := filepath.Join(t.TempDir(), "b.json")
	if r := kscan(t, repo, "baseline", "-o", bl); r.code != 0 {
		t.Fatal(r.stderr)
	}
	// Re-indent the accepted line (changed, same fingerprint) and add a
	// new exit.
	gateEditFile(t, repo, "A.java", "    System.exit(1);\n", "      System.exit(1);\n    System.exit(2);\n")
	r := kscan(t, repo, "scan", "--diff-base", "HEAD", "--baseline", bl, "--format", "json")
	doc := gateParseReport(t, r)
	if r.code != 1 || strings.Join(doc.byState("unchanged"), ",") != "A.java:3:system-exit" ||
		strings.Join(doc.byState("new"), ",") != "A.java:4:system-exit" {
		t.Errorf("exit %d, unchanged %v, new %v", r.code, doc.byState("unchanged"), doc.byState("new"))
	}
	gateEditFile(t, repo, "A.java", "    System.exit(2);\n", "")
	if r := kscan(t, repo, "scan", "--diff-base", "HEAD", "--baseline", bl); r.code != 0 {
		t.Errorf("only an accepted finding on changed lines: exit %d\n%s", r.code, r.stdout)
	}
}

// TestSARIFBaselineGolden pins the SARIF of a scan against a baseline
// (testdata/golden/order-service.baseline.json: the example's findings
// less its shutdown-hook one, plus one since fixed), so a change to
// states, absent results or properties shows in review.
func TestSARIFBaselineGolden(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.sarif")
	// The new finding is a warning: only it fails the gate at warning,
	// the unchanged errors do not.
	r := kscan(t, "", "scan", "--format", "sarif", "-o", out, "--fail-on", "warning", "--baseline", "testdata/golden/order-service.baseline.json", example)
	if r.code != 1 {
		t.Fatalf("exit %d (the new shutdown-hook finding is a warning, --fail-on warning): %s", r.code, r.stderr)
	}
	got := checkSARIFGolden(t, out, "order-service-baseline.sarif")
	for _, want := range []string{`"baselineState": "new"`, `"baselineState": "unchanged"`, `"baselineState": "absent"`} {
		if !strings.Contains(got, want) {
			t.Errorf("golden SARIF lacks %s", want)
		}
	}
}

// TestDiffBaseStaticWrite: a change that adds a write to an existing static
// field, in another file, fails the gate at that write: the finding on the
// field carries its run-time writes as related locations.
func TestDiffBaseStaticWrite(t *testing.T) {
	repo, git := gateRepo(t)
	// An object, not a switch: a switch is a note. Where the role is not
	// known the finding is a warning, so the gate is set there.
	os.WriteFile(filepath.Join(repo, "Holder.java"), []byte("package p;\npublic class Holder {\n  static Object mode;\n}\n"), 0o644)
	os.WriteFile(filepath.Join(repo, "Setter.java"), []byte("package p;\nclass Setter {\n  void set(Object m) {\n    Holder.mode = m;\n  }\n}\n"), 0o644)
	os.WriteFile(filepath.Join(repo, "Other.java"), []byte("package p;\nclass Other {\n  void g() {\n  }\n}\n"), 0o644)
	git("add", "-A")
	git("commit", "-q", "-m", "init")
	if r := kscan(t, repo, "scan", "--fail-on", "warning", "--diff-base", "HEAD"); r.code != 0 {
		t.Fatalf("nothing changed: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	gateEditFile(t, repo, "Other.java", "  void g() {\n", "  void g() {\n    Holder.mode = \"x\";\n")
	r := kscan(t, repo, "scan", "--fail-on", "warning", "--diff-base", "HEAD", "--format", "json")
	doc := gateParseReport(t, r)
	var got []string
	for _, f := range doc.Findings {
		got = append(got, f.Path+":"+itoa(f.Region.StartLine)+":"+f.RuleID)
	}
	if r.code != 1 || strings.Join(got, ",") != "Holder.java:3:static-mutable-state" {
		t.Errorf("a write added to an old static field: exit %d, findings %v\n%s", r.code, got, r.stderr)
	}
	var related struct {
		Findings []struct {
			Related []struct {
				Path   string `json:"path"`
				Region struct {
					StartLine int `json:"startLine"`
				} `json:"region"`
			} `json:"related"`
		} `json:"findings"`
	}
	json.Unmarshal([]byte(r.stdout), &related)
	var at []string
	for _, f := range related.Findings {
		for _, l := range f.Related {
			at = append(at, l.Path+":"+itoa(l.Region.StartLine))
		}
	}
	if strings.Join(at, ",") != "Other.java:4,Setter.java:4" {
		t.Errorf("related locations %v, want the two writes", at)
	}
}

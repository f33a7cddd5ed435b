package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var updateGolden = flag.Bool("update", false, "rewrite golden files")

// The tests run the real binary, as users and CI do.
var kscanBin string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "kscan-e2e")
	if err != nil {
		panic(err)
	}
	kscanBin = filepath.Join(dir, "kscan")
	out, err := exec.Command("go", "build", "-o", kscanBin, ".").CombinedOutput()
	if err != nil {
		os.RemoveAll(dir)
		panic("building kscan: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
	wall, cpu      time.Duration // elapsed, and user+system CPU of the process
	peakKB         int64         // peak resident set of the process (ru_maxrss)
}

// kscan runs the binary in dir (the repository root when empty).
func kscan(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runKscan(t, context.Background(), dir, args...)
}

func runKscan(t *testing.T, ctx context.Context, dir string, args ...string) result {
	t.Helper()
	cmd := exec.CommandContext(ctx, kscanBin, args...)
	if dir == "" {
		dir = repoRoot(t)
	}
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String(), wall: time.Since(start)}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if ps := cmd.ProcessState; ps != nil {
		r.cpu = ps.UserTime() + ps.SystemTime()
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			r.peakKB = int64(ru.Maxrss)
		}
	}
	return r
}

func repoRoot(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(filepath.Dir(wd))
}

const example = "examples/order-service"

func TestExitCodes(t *testing.T) {
	clean := t.TempDir()
	os.WriteFile(filepath.Join(clean, "Ok.java"), []byte("class Ok { int x() { return 1; } }\n"), 0o644)
	tests := []struct {
		name string
		dir  string
		args []string
		code int
		in   string // expected in stdout+stderr
	}{
		{"findings at error", "", []string{"scan", example}, 1, "system-exit"},
		{"fail-on none", "", []string{"scan", "--fail-on", "none", example}, 0, "system-exit"},
		{"fail-on warning", "", []string{"scan", "--fail-on", "warning", "--rule", "shutdown-hook", example}, 1, "shutdown-hook"},
		{"below fail-on", "", []string{"scan", "--rule", "shutdown-hook", example}, 0, "1 finding"},
		{"clean", clean, []string{"scan"}, 0, "No findings"},
		{"unknown flag", "", []string{"scan", "--no-such-flag", example}, 2, "unknown flag"},
		{"unknown rule", "", []string{"scan", "--rule", "no-such-rule", example}, 2, "unknown rule"},
		{"unknown disabled rule", "", []string{"scan", "--disable", "no-such-rule", example}, 2, "unknown rule"},
		{"missing path", "", []string{"scan", "does/not/exist"}, 2, "does/not/exist"},
		{"bad format", "", []string{"scan", "--format", "xml", example}, 2, "unknown --format"},
		{"bad fail-on", "", []string{"scan", "--fail-on", "fatal", example}, 2, "unknown level"},
		{"bad jobs", "", []string{"scan", "--jobs", "0", example}, 2, "--jobs"},
		{"bad exclude", "", []string{"scan", "--exclude", "[", example}, 2, "bad --exclude"},
		{"explain", "", []string{"explain", "system-exit"}, 0, "Fix"},
		{"explain unknown", "", []string{"explain", "nope"}, 2, "unknown rule"},
		{"rules", "", []string{"rules"}, 0, "serviceloader-default-loader"},
		{"version", "", []string{"version"}, 0, "kscan "},
		{"unknown command", "", []string{"frobnicate"}, 2, "unknown command"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := kscan(t, tc.dir, tc.args...)
			if r.code != tc.code {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, tc.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout+r.stderr, tc.in) {
				t.Errorf("output lacks %q\nstdout:\n%s\nstderr:\n%s", tc.in, r.stdout, r.stderr)
			}
		})
	}
}

func TestExampleFindings(t *testing.T) {
	// By default the rules that report only candidates below note where
	// the role is unknown are not run, and named; --min-level none runs
	// them and shows their findings at level none.
	all := []string{
		"LegacyDb.java:17:jdbc-driver-registration:warning",
		"LegacyDb.java:19:stdout-usage:none",
		"LegacyDb.java:20:system-exit:error",
		"OrderApplication.java:11:jvm-global-default-mutation:error",
		"OrderApplication.java:12:system-property-mutation:error",
		"OrderApplication.java:14:shutdown-hook:warning",
		"PluginRegistry.java:16:serviceloader-default-loader:error",
		"PluginRegistry.java:20:class-forname-caller-loader:none",
	}
	for _, tc := range []struct {
		args   []string
		want   []string
		notRun string
	}{
		{nil, nil, "class-forname-caller-loader own-classloader-lookup stdout-usage"},
		{[]string{"--min-level", "none"}, all, ""},
	} {
		args := append(append([]string{"scan", "--format", "json"}, tc.args...), example)
		r := kscan(t, "", args...)
		var doc struct {
			Findings []struct {
				RuleID string `json:"ruleId"`
				Path   string `json:"path"`
				Level  string `json:"level"`
				Region struct {
					StartLine int `json:"startLine"`
				} `json:"region"`
			} `json:"findings"`
			Notifications []any `json:"notifications"`
			Properties    struct {
				Below *struct {
					Count  int      `json:"count"`
					NotRun []string `json:"rulesNotRun"`
				} `json:"kscan.belowMinLevel"`
			} `json:"properties"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Fatalf("json output: %v\n%s", err, r.stdout)
		}
		var got []string
		for _, f := range doc.Findings {
			got = append(got, filepath.Base(f.Path)+":"+itoa(f.Region.StartLine)+":"+f.RuleID+":"+f.Level)
		}
		want := tc.want
		if want == nil {
			for _, w := range all {
				if !strings.HasSuffix(w, ":none") {
					want = append(want, w)
				}
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%v: findings:\n%s\nwant:\n%s", tc.args, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		notRun := ""
		if b := doc.Properties.Below; b != nil {
			notRun = strings.Join(b.NotRun, " ")
			if b.Count != 0 {
				t.Errorf("%v: %d findings counted below the level, want none (their rules do not run)", tc.args, b.Count)
			}
		}
		if notRun != tc.notRun {
			t.Errorf("%v: rules not run %q, want %q", tc.args, notRun, tc.notRun)
		}
		if len(doc.Notifications) != 0 {
			t.Errorf("unexpected notifications: %v", doc.Notifications)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestJobsDeterministic: output is byte-identical for any number of workers.
func TestJobsDeterministic(t *testing.T) {
	var outs []string
	for _, jobs := range []string{"1", "4", "16"} {
		r := kscan(t, "", "scan", "--format", "sarif", "--jobs", jobs, "--fail-on", "none", ".")
		if r.code != 0 {
			t.Fatalf("jobs %s: exit %d: %s", jobs, r.code, r.stderr)
		}
		outs = append(outs, r.stdout)
	}
	for i := 1; i < len(outs); i++ {
		if outs[i] != outs[0] {
			t.Fatalf("SARIF differs between --jobs 1 and run %d", i)
		}
	}
}

func loadSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	s, err := c.Compile(filepath.Join(repoRoot(t), "testdata", "sarif", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validateSARIF(t *testing.T, s *jsonschema.Schema, data string) {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(data))
	if err != nil {
		t.Fatalf("SARIF is not JSON: %v", err)
	}
	if err := s.Validate(doc); err != nil {
		t.Fatalf("SARIF does not validate against the 2.1.0 schema: %v", err)
	}
}

// TestSARIFGolden pins the shape of the example's SARIF; the absolute root
// is replaced so the file does not depend on the checkout location.
func TestSARIFGolden(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.sarif")
	r := kscan(t, "", "scan", "--format", "sarif", "-o", out, example)
	if r.code != 1 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	checkSARIFGolden(t, out, "order-service.sarif")
}

// checkSARIFGolden validates the SARIF file at out against the schema and
// compares it, normalised, with testdata/golden/name (-update rewrites it).
// It returns the normalised text.
func checkSARIFGolden(t *testing.T, out, name string) string {
	t.Helper()
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, loadSchema(t), string(data))
	got := normalizeSARIF(t, string(data))
	golden := filepath.Join(repoRoot(t), "testdata", "golden", name)
	if *updateGolden {
		os.MkdirAll(filepath.Dir(golden), 0o755)
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/kscan -update)", err)
	}
	if got != string(want) {
		t.Errorf("SARIF differs from %s; run go test ./cmd/kscan -update and review the diff", golden)
	}
	return got
}

func normalizeSARIF(t *testing.T, s string) string {
	root := repoRoot(t)
	s = strings.ReplaceAll(s, "file://"+filepath.ToSlash(root)+"/", "file:///ROOT/")
	var doc map[string]any
	if err := json.Unmarshal([]byte(s), &doc); err != nil {
		t.Fatal(err)
	}
	run := doc["runs"].([]any)[0].(map[string]any)
	drv := run["tool"].(map[string]any)["driver"].(map[string]any)
	drv["version"] = "VERSION"
	return s[:0] + mustIndent(t, doc)
}

func mustIndent(t *testing.T, v any) string {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

func TestCleanSARIFHasEmptyResults(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "Ok.java"), []byte("class Ok {}\n"), 0o644)
	r := kscan(t, dir, "scan", "--format", "sarif")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	validateSARIF(t, loadSchema(t), r.stdout)
	if !strings.Contains(r.stdout, `"results": []`) {
		t.Errorf("clean run must carry \"results\": []:\n%s", r.stdout)
	}
	if strings.Count(r.stdout, `"id": "`) < 8 {
		t.Errorf("every rule must be declared even when nothing fired")
	}
}

// TestBadInput: each bad file yields a notification naming it, the scan
// finishes, and findings elsewhere (and in the damaged files) are kept.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("Good.java", []byte("class Good { void f() { System.exit(1); } }\n"))
	write("Empty.java", nil)
	write("Binary.java", []byte("\x00\x01\x02\xffclass X { void f() { System.exit(1); } }"))
	write("Latin1.java", []byte("class Latin1 { String s = \"caf\xe9\"; void f() { System.exit(2); } }\n"))
	write("Broken.java", []byte("class Broken { void f( { System.exit(3); } int }}} \n"))
	big := bytes.Repeat([]byte("// generated filler line to make a very large source file.......\n"), 10<<20/64)
	write("Huge.java", append(append([]byte("class Huge { void f() { System.exit(4); } }\n"), big...), '\n'))
	deep := "class Deep { Object f(String n) throws Exception { return Class.forName(" +
		strings.Repeat("(", 10000) + "n" + strings.Repeat(")", 10000) + "); } }\n"
	write("Deep.java", []byte(deep))
	chain := "class Chain { void f() { System.exit(0); Object o = a" + strings.Repeat(".b()", 10000) + "; } }\n"
	write("Chain.java", []byte(chain))
	if err := os.Symlink("Loop.java", filepath.Join(dir, "Loop.java")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("missing.java", filepath.Join(dir, "Dangling.java")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(".", filepath.Join(dir, "dirloop")); err != nil {
		t.Fatal(err)
	}
	unreadable := filepath.Join(dir, "Unreadable.java")
	write("Unreadable.java", []byte("class U { void f() { System.exit(5); } }\n"))
	os.Chmod(unreadable, 0)
	canRead := func() bool { f, err := os.Open(unreadable); f.Close(); return err == nil }()

	r := kscan(t, dir, "scan", "--format", "json", "--fail-on", "none", "--min-level", "none")
	if r.code != 0 {
		t.Fatalf("exit %d\nstderr:\n%s", r.code, r.stderr)
	}
	var doc struct {
		Findings []struct {
			RuleID string `json:"ruleId"`
			Path   string `json:"path"`
		} `json:"findings"`
		Notifications []struct {
			Path string `json:"path"`
			Kind string `json:"kind"`
		} `json:"notifications"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	notes := map[string]string{}
	for _, n := range doc.Notifications {
		notes[n.Path] = n.Kind
	}
	wantNotes := map[string]string{
		"Empty.java": "empty", "Binary.java": "binary", "Latin1.java": "encoding", "Broken.java": "syntax",
		"Huge.java": "too-large", "Loop.java": "read-error", "Dangling.java": "read-error",
	}
	if !canRead {
		wantNotes["Unreadable.java"] = "read-error"
	}
	for p, k := range wantNotes {
		if notes[p] != k {
			t.Errorf("notification for %s: got kind %q, want %q (all: %v)", p, notes[p], k, notes)
		}
	}
	found := map[string]bool{}
	for _, f := range doc.Findings {
		found[f.Path+" "+f.RuleID] = true
	}
	for _, want := range []string{"Good.java system-exit", "Latin1.java system-exit", "Broken.java system-exit",
		"Deep.java class-forname-caller-loader", "Chain.java system-exit"} {
		if !found[want] {
			t.Errorf("missing finding %s (got %v)", want, found)
		}
	}
	// Notifications reach a person on stderr when stdout is machine-readable.
	if !strings.Contains(r.stderr, "Binary.java") {
		t.Errorf("stderr should name the bad inputs:\n%s", r.stderr)
	}
	// --strict turns input problems into a failing exit code.
	if r := kscan(t, dir, "scan", "--fail-on", "none", "--strict"); r.code != 1 {
		t.Errorf("--strict: exit %d, want 1", r.code)
	}
	// A raised size cap parses the large file.
	r = kscan(t, dir, "scan", "--format", "json", "--fail-on", "none", "--max-file-size", "16MiB", "Huge.java")
	if !strings.Contains(r.stdout, `"Huge.java"`) || strings.Contains(r.stdout, "too-large") {
		t.Errorf("Huge.java with --max-file-size 16MiB:\n%s\n%s", r.stdout, r.stderr)
	}
	if runtime.GOOS == "linux" && !canRead {
		t.Log("unreadable file checked")
	}
}

// TestProjectRoles: in a tree with a base, a module and a library the
// module declares provided, roles are detected from the poms and the same
// code is rated by where it runs.
func TestProjectRoles(t *testing.T) {
	r := kscan(t, "", "scan", "--format", "json", "--fail-on", "none", "testdata/projects")
	var doc struct {
		Findings []struct {
			RuleID   string `json:"ruleId"`
			Path     string `json:"path"`
			Severity string `json:"severity"`
			Role     string `json:"role"`
		} `json:"findings"`
		Roles []struct {
			Dir, Role, Reason string
		} `json:"roles"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	got := map[string]string{}
	for _, f := range doc.Findings {
		project := strings.Split(strings.TrimPrefix(f.Path, "testdata/projects/"), "/")[0]
		got[project+" "+f.RuleID] = f.Role + ":" + f.Severity
	}
	want := map[string]string{
		"shop-base class-forname-caller-loader":  "base:high",
		"shop-base system-exit":                  "base:info",
		"shop-base system-property-mutation":     "base:medium",
		"shop-order class-forname-caller-loader": "module:low",
		"shop-order system-exit":                 "module:critical",
		"shop-order system-property-mutation":    "module:high",
		"tenant-lib class-forname-caller-loader": "shared:high",
		"tenant-lib system-exit":                 "shared:critical",
		"tenant-lib system-property-mutation":    "shared:high",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: got %q, want %q", k, got[k], v)
		}
	}
	reasons := map[string]string{}
	for _, ro := range doc.Roles {
		reasons[ro.Dir] = ro.Role + " " + ro.Reason
	}
	for dir, want := range map[string]string{
		"testdata/projects/shop-base":  "base testdata/projects/shop-base/pom.xml:12 dependency com.alipay.sofa.koupleless:koupleless-base-starter",
		"testdata/projects/shop-order": "module testdata/projects/shop-order/pom.xml:21 plugin com.alipay.sofa:sofa-ark-maven-plugin goal repackage",
		"testdata/projects/tenant-lib": "shared module dependency com.acme:tenant-lib, testdata/projects/shop-order/pom.xml:12 scope provided",
	} {
		if !strings.HasPrefix(reasons[dir], want) {
			t.Errorf("role of %s: %q, want %q...", dir, reasons[dir], want)
		}
	}
	// The text report says which role was used and why.
	if tr := kscan(t, "", "scan", "--fail-on", "none", "testdata/projects"); !strings.Contains(tr.stdout, "role: module for testdata/projects/shop-order (testdata/projects/shop-order/pom.xml:21") {
		t.Errorf("text report lacks the role line:\n%s", tr.stdout)
	}
	// --role overrides detection; .kscan.yaml path roles override both.
	if r := kscan(t, "", "scan", "--format", "json", "--fail-on", "none", "--role", "module", "--rule", "system-exit", "testdata/projects/shop-base"); !strings.Contains(r.stdout, `"severity": "critical"`) {
		t.Errorf("--role module not applied:\n%s", r.stdout)
	}
	if r := kscan(t, "", "scan", "--role", "kernel", "testdata/projects"); r.code != 2 {
		t.Errorf("unknown role: exit %d", r.code)
	}
}

func TestConfigFile(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "lib"), 0o755)
	os.WriteFile(filepath.Join(dir, "lib", "A.java"), []byte("class A { void f() { System.exit(1); } }\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "B.java"), []byte("class B { void f() { System.exit(1); } }\n"), 0o644)
	os.WriteFile(filepath.Join(dir, ".kscan.yaml"), []byte("role: base\nroles:\n  - path: lib/**\n    role: library\n"), 0o644)
	r := kscan(t, dir, "scan", "--format", "json", "--fail-on", "none")
	if !strings.Contains(r.stdout, `"role": "shared"`) || !strings.Contains(r.stdout, `"role": "base"`) ||
		!strings.Contains(r.stdout, ".kscan.yaml:3: path lib/**") {
		t.Errorf("path roles from .kscan.yaml not applied:\n%s", r.stdout)
	}
	os.WriteFile(filepath.Join(dir, ".kscan.yaml"), []byte("role: base\nmode: hot\n"), 0o644)
	if r := kscan(t, dir, "scan"); r.code != 2 || !strings.Contains(r.stderr, ".kscan.yaml:2: mode") {
		t.Errorf("bad config: exit %d, stderr %s", r.code, r.stderr)
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestFix: the diff applies with git apply, and applying in place gives
// the same files, which still parse and no longer carry the fixed findings.
func TestFix(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	a, b := t.TempDir(), t.TempDir()
	copyTree(t, filepath.Join(repoRoot(t), example), a)
	copyTree(t, filepath.Join(repoRoot(t), example), b)

	// The example's class lookup is below note (its role is unknown):
	// fixed with --min-level none.
	d := kscan(t, a, "fix", "--diff", "--min-level", "none")
	if d.code != 0 || !strings.Contains(d.stdout, "+++ b/src/main/java/com/example/order/PluginRegistry.java") {
		t.Fatalf("fix --diff: exit %d\n%s\n%s", d.code, d.stdout, d.stderr)
	}
	os.WriteFile(filepath.Join(a, "fix.patch"), []byte(d.stdout), 0o644)
	apply := exec.Command("git", "apply", "fix.patch")
	apply.Dir = a
	if out, err := apply.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s\n%s", err, out, d.stdout)
	}
	if r := kscan(t, b, "fix", "--min-level", "none"); r.code != 0 || !strings.Contains(r.stderr, "fixed 2 findings") {
		t.Fatalf("fix: exit %d\n%s", r.code, r.stderr)
	}
	for _, f := range []string{"src/main/java/com/example/order/PluginRegistry.java"} {
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, _ := os.ReadFile(filepath.Join(b, f))
		if string(x) != string(y) {
			t.Errorf("%s differs between git apply and kscan fix", f)
		}
	}
	after := kscan(t, b, "scan", "--format", "json", "--fail-on", "none", "--min-level", "none")
	if strings.Contains(after.stdout, "class-forname-caller-loader") || strings.Contains(after.stdout, `"kind": "syntax"`) {
		t.Errorf("after fix:\n%s", after.stdout)
	}
	if r := kscan(t, b, "fix", "--diff", "--min-level", "none"); r.stdout != "" {
		t.Errorf("a second fix run still has changes:\n%s", r.stdout)
	}
}

// TestRootOutsideCwd: a tree scanned from outside it (kscan scan /src/repo)
// reads its build files as from inside it, with paths relative to it.
func TestRootOutsideCwd(t *testing.T) {
	repo := t.TempDir()
	writeFiles(t, repo, map[string]string{
		"pom.xml":                `<project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>a</artifactId><version>1</version></project>`,
		"src/main/java/p/A.java": "package p; class A { void f() { System.exit(1); } }\n",
	})
	elsewhere := t.TempDir()
	r := kscan(t, elsewhere, "scan", "--fail-on", "none", "--format", "json", repo)
	if r.code != 0 || strings.Contains(r.stderr, "outside the scanned root") {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, `"path": "src/main/java/p/A.java"`) {
		t.Errorf("want paths relative to the repository:\n%s", r.stdout)
	}
}

// TestCandidatesSARIF: candidates below note, asked for, are valid SARIF
// results of kind review at level none; the rules of the other findings
// keep kind fail (absent).
func TestCandidatesSARIF(t *testing.T) {
	r := kscan(t, "", "scan", "--format", "sarif", "--min-level", "none", "--fail-on", "none", example)
	validateSARIF(t, loadSchema(t), r.stdout)
	review := 0
	for _, res := range sarifResultsOf(t, r.stdout) {
		if (res.Level == "none") != (res.Kind == "review") {
			t.Errorf("%s: level %q with kind %q", res.RuleID, res.Level, res.Kind)
		}
		if res.Kind == "review" {
			review++
		}
	}
	if review != 2 {
		t.Errorf("%d results of kind review, want the example's 2 candidates", review)
	}
}

// sarifResult is what the tests read of a SARIF result.
type sarifResult struct {
	RuleID        string `json:"ruleId"`
	Kind          string `json:"kind"`
	Level         string `json:"level"`
	BaselineState string `json:"baselineState"`
}

// sarifResultsOf reads the results of a SARIF log's one run.
func sarifResultsOf(t *testing.T, data string) []sarifResult {
	t.Helper()
	var log struct {
		Runs []struct {
			Results []sarifResult `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(data), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	return log.Runs[0].Results
}

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"
)

// These tests read the CI integrations (the composite action, the example
// workflow, the pre-commit hook) as data: they parse, reference only
// inputs and steps that exist, and call kscan with flags it has. They do
// not run anything on GitHub.

type ciAction struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	Inputs      map[string]struct {
		Description string  `yaml:"description"`
		Default     *string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string   `yaml:"using"`
		Steps []ciStep `yaml:"steps"`
	} `yaml:"runs"`
}

type ciStep struct {
	Name  string            `yaml:"name"`
	ID    string            `yaml:"id"`
	If    string            `yaml:"if"`
	Uses  string            `yaml:"uses"`
	Run   string            `yaml:"run"`
	Shell string            `yaml:"shell"`
	With  map[string]string `yaml:"with"`
	Env   map[string]string `yaml:"env"`

	WorkingDirectory string `yaml:"working-directory"`
}

func ciLoadYAML(t *testing.T, rel string, v any) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), rel))
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return data
}

var (
	ciInputRef  = regexp.MustCompile(`\binputs\.([A-Za-z0-9_-]+)`)
	ciStepOut   = regexp.MustCompile(`\bsteps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)`)
	ciOutputSet = regexp.MustCompile(`echo "([A-Za-z0-9_-]+)=[^"]*" >> "\$GITHUB_OUTPUT"`)
	ciKscanCall = regexp.MustCompile(`(?m)^\s*kscan (\w+)(.*)$`)
	ciLongFlag  = regexp.MustCompile(`(?:^|\s)(--[a-z][a-z0-9-]*)`)
	ciEnvRef    = regexp.MustCompile(`\$\{?([A-Z][A-Z0-9_]*)`)
	ciFlagArray = regexp.MustCompile(`\w+=\((--[^)]*)\)`)
)

// ciCheckFlags fails for a flag that the kscan command does not have.
func ciCheckFlags(t *testing.T, where, sub, args string) {
	t.Helper()
	cmd, _, err := newRootCmd().Find([]string{sub})
	if err != nil || cmd.Name() != sub {
		t.Errorf("%s: kscan has no command %q", where, sub)
		return
	}
	for _, m := range ciLongFlag.FindAllStringSubmatch(args, -1) {
		name := strings.TrimPrefix(m[1], "--")
		if name == "" || m[1] == "--" {
			continue
		}
		if cmd.Flags().Lookup(name) == nil {
			t.Errorf("%s: 'kscan %s' has no flag --%s", where, sub, name)
		}
	}
}

func TestActionYAML(t *testing.T) {
	var a ciAction
	raw := ciLoadYAML(t, "action.yml", &a)
	if a.Name == "" || a.Description == "" || a.Runs.Using != "composite" {
		t.Fatalf("name %q, description %q, runs.using %q", a.Name, a.Description, a.Runs.Using)
	}
	for _, in := range []string{"path", "version", "fail-on", "baseline", "diff-base", "sarif-file", "args", "category", "upload"} {
		spec, ok := a.Inputs[in]
		if !ok {
			t.Errorf("input %q missing", in)
			continue
		}
		if spec.Description == "" || spec.Default == nil {
			t.Errorf("input %q needs a description and a default", in)
		}
	}
	// Every ${{ inputs.X }} names a declared input.
	for _, m := range ciInputRef.FindAllStringSubmatch(string(raw), -1) {
		if _, ok := a.Inputs[m[1]]; !ok {
			t.Errorf("action.yml references undeclared input %q", m[1])
		}
	}

	ids := map[string]int{}
	outputs := map[string]map[string]bool{}
	setupGo, upload, gate := -1, -1, -1
	for i, s := range a.Runs.Steps {
		if s.ID != "" {
			ids[s.ID] = i
			outputs[s.ID] = map[string]bool{}
			for _, m := range ciOutputSet.FindAllStringSubmatch(s.Run, -1) {
				outputs[s.ID][m[1]] = true
			}
		}
		switch {
		case strings.HasPrefix(s.Uses, "actions/setup-go@"):
			setupGo = i
		case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@v3"):
			upload = i
			if s.With["sarif_file"] == "" || s.With["category"] == "" {
				t.Errorf("upload-sarif step lacks sarif_file or category: %v", s.With)
			}
		case s.Uses == "" && s.Run == "":
			t.Errorf("step %d (%s) neither uses an action nor runs a script", i, s.Name)
		}
		if s.Run != "" {
			if s.Shell == "" {
				t.Errorf("step %q: a composite run step needs a shell", s.Name)
			}
			// Inputs go through env: an input pasted into a script could
			// inject shell code.
			if strings.Contains(s.Run, "${{") {
				t.Errorf("step %q pastes an expression into its script", s.Name)
			}
			for _, m := range ciEnvRef.FindAllStringSubmatch(s.Run, -1) {
				v := m[1]
				if strings.HasPrefix(v, "KSCAN_") {
					if _, ok := s.Env[v]; !ok {
						t.Errorf("step %q uses $%s, which its env does not set", s.Name, v)
					}
				}
			}
			for _, m := range ciKscanCall.FindAllStringSubmatch(s.Run, -1) {
				ciCheckFlags(t, "action.yml step "+s.Name, m[1], m[2])
			}
			// Flags gathered in arrays for 'kscan scan' ("base=(--baseline ...)").
			for _, m := range ciFlagArray.FindAllStringSubmatch(s.Run, -1) {
				ciCheckFlags(t, "action.yml step "+s.Name, "scan", m[1])
			}
		}
		if strings.Contains(s.Run, "exit \"$KSCAN_EXIT\"") {
			gate = i
		}
	}
	if setupGo != 0 {
		t.Errorf("actions/setup-go must come first (step %d)", setupGo)
	}
	if upload < 0 || gate < 0 || upload > gate {
		t.Errorf("upload (step %d) must come before the step that fails the job (step %d)", upload, gate)
	}
	// Every steps.X.outputs.Y names an earlier step that sets Y.
	for _, m := range ciStepOut.FindAllStringSubmatch(string(raw), -1) {
		if _, ok := ids[m[1]]; !ok {
			t.Errorf("reference to unknown step %q", m[1])
		} else if !outputs[m[1]][m[2]] {
			t.Errorf("step %q never sets output %q", m[1], m[2])
		}
	}
	for name, o := range a.Outputs {
		if !ciStepOut.MatchString(o.Value) {
			t.Errorf("output %q is not taken from a step: %q", name, o.Value)
		}
	}
	install := a.Runs.Steps[1].Run
	if !strings.Contains(install, `cd "$GITHUB_ACTION_PATH" && go install ./cmd/kscan`) {
		t.Errorf("kscan is not built from the action's own checkout:\n%s", install)
	}
}

type ciWorkflow struct {
	On          map[string]yaml.Node `yaml:"on"`
	Permissions map[string]string    `yaml:"permissions"`
	Jobs        map[string]struct {
		RunsOn string   `yaml:"runs-on"`
		Steps  []ciStep `yaml:"steps"`
	} `yaml:"jobs"`
}

func TestExampleWorkflows(t *testing.T) {
	var a ciAction
	ciLoadYAML(t, "action.yml", &a)
	files, err := filepath.Glob(filepath.Join(repoRoot(t), "examples", "github", "*.yml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no example workflows: %v", err)
	}
	for _, f := range files {
		rel, _ := filepath.Rel(repoRoot(t), f)
		t.Run(filepath.Base(f), func(t *testing.T) {
			var w ciWorkflow
			ciLoadYAML(t, rel, &w)
			if _, ok := w.On["pull_request"]; !ok {
				t.Error("not run on pull_request")
			}
			push, ok := w.On["push"]
			var pushOn struct {
				Branches []string `yaml:"branches"`
			}
			if !ok || push.Decode(&pushOn) != nil || !slices.Contains(pushOn.Branches, "main") {
				t.Error("not run on pushes to main")
			}
			if w.Permissions["security-events"] != "write" {
				t.Errorf("permissions %v lack security-events: write", w.Permissions)
			}
			used := false
			for _, job := range w.Jobs {
				fetchAll := false
				for _, s := range job.Steps {
					if strings.HasPrefix(s.Uses, "actions/checkout@") && s.With["fetch-depth"] == "0" {
						fetchAll = true
					}
					if !strings.HasPrefix(s.Uses, "kscan/kscan@") && s.Uses != "./" {
						continue
					}
					used = true
					if !fetchAll {
						t.Error("kscan runs before a checkout with fetch-depth: 0, which --diff-base needs")
					}
					for k := range s.With {
						if _, ok := a.Inputs[k]; !ok {
							t.Errorf("with: %q is not an input of action.yml", k)
						}
					}
					if db := s.With["diff-base"]; !strings.Contains(db, "github.base_ref") || !strings.Contains(db, "pull_request") {
						t.Errorf("diff-base %q is not the pull request's base branch", db)
					}
				}
			}
			if !used {
				t.Error("no step uses the kscan action")
			}
		})
	}
}

func TestPreCommitHooks(t *testing.T) {
	var hooks []struct {
		ID            string `yaml:"id"`
		Name          string `yaml:"name"`
		Entry         string `yaml:"entry"`
		Language      string `yaml:"language"`
		PassFilenames *bool  `yaml:"pass_filenames"`
		Files         string `yaml:"files"`
	}
	ciLoadYAML(t, ".pre-commit-hooks.yaml", &hooks)
	if len(hooks) != 1 {
		t.Fatalf("%d hooks, want 1", len(hooks))
	}
	h := hooks[0]
	if h.ID != "kscan" || h.Name == "" || h.Language != "golang" || h.PassFilenames == nil || *h.PassFilenames {
		t.Errorf("hook %+v: want id kscan, a name, language golang, pass_filenames false", h)
	}
	f := strings.Fields(h.Entry)
	if len(f) < 2 || f[0] != "kscan" || !strings.Contains(h.Entry, "--diff-base HEAD") {
		t.Fatalf("entry %q: want kscan scan --diff-base HEAD", h.Entry)
	}
	ciCheckFlags(t, "hook entry", f[1], strings.Join(f[2:], " "))
	// pre-commit matches files with Python's re.search; this pattern uses
	// nothing on which Go's regexp differs.
	re, err := regexp.Compile(h.Files)
	if err != nil {
		t.Fatalf("files: %v", err)
	}
	for _, p := range []string{"src/main/java/a/B.java", "pom.xml", "svc/pom.xml", "build.gradle", "build.gradle.kts",
		"gradle.lockfile", "gradle/libs.versions.toml", "src/main/resources/application.properties",
		"application.yml", ".kscan.yaml", "src/main/resources/logback.xml", "libs/x.jar"} {
		if !re.MatchString(p) {
			t.Errorf("files does not match %s", p)
		}
	}
	for _, p := range []string{"README.md", "main.go", "docs/java.txt", "pom.xml.orig"} {
		if re.MatchString(p) {
			t.Errorf("files matches %s", p)
		}
	}
}

// The scan command the action and hook rely on must keep these flags.
func TestGateFlagsExist(t *testing.T) {
	var scan *cobra.Command
	for _, c := range newRootCmd().Commands() {
		if c.Name() == "scan" {
			scan = c
		}
	}
	for _, f := range []string{"baseline", "diff-base", "report-absent", "show-unchanged", "fail-on", "format", "output"} {
		if scan == nil || scan.Flags().Lookup(f) == nil {
			t.Errorf("kscan scan lacks --%s", f)
		}
	}
}

// actionRepo is a git repository holding the example project, committed.
func actionRepo(t *testing.T) (string, func(args ...string)) {
	t.Helper()
	repo, git := gateRepo(t)
	copyTree(t, filepath.Join(repoRoot(t), example), repo)
	git("add", "-A")
	git("commit", "-q", "-m", "init")
	return repo, git
}

// sarifResults counts the results of an uploaded log.
func sarifResults(t *testing.T, log string) int {
	t.Helper()
	var doc struct {
		Runs []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(log), &doc); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range doc.Runs {
		n += len(r.Results)
	}
	return n
}

// outcomes lists "name=outcome" for steps, for messages and comparisons.
func outcomes(steps []ghStepRun) string {
	var parts []string
	for _, s := range steps {
		parts = append(parts, s.Name+"="+s.Outcome)
	}
	return strings.Join(parts, " ")
}

func stepLogs(steps []ghStepRun) string {
	var b strings.Builder
	for _, s := range steps {
		fmt.Fprintf(&b, "--- %s (%s, exit %d)\n%s\n", s.Name, s.Outcome, s.Code, s.Log)
		b.WriteString(stepLogs(s.Steps))
	}
	return b.String()
}

// TestActionGates runs action.yml's steps as GitHub runs them (see
// ghRunner), with a real kscan, and checks each step's outcome and
// outputs, the upload and the job's result: the job fails exactly when
// the gate says so, last, and the SARIF log is uploaded whenever it was
// written, above all on a change with findings.
func TestActionGates(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash not installed")
	}
	repo, _ := actionRepo(t)
	clean, cleanGit := gateRepo(t)
	os.WriteFile(filepath.Join(clean, "Ok.java"), []byte("class Ok { int x() { return 1; } }\n"), 0o644)
	cleanGit("add", "-A")
	cleanGit("commit", "-q", "-m", "init")

	for _, tc := range []struct {
		name      string
		repo      string
		with      map[string]string
		job       string // the job's result
		steps     string // the action's steps, name=outcome
		exitCode  string // the exit-code output
		sarifFile string // the sarif-file output
		uploaded  int    // results in the uploaded log; -1 for no upload
		inLog     string // in the Scan step's log
	}{
		{"no findings", clean, nil, "success",
			"Set up Go=success Install kscan=success Scan=success Upload SARIF=success Gate=success", "0", "kscan.sarif", 0, "No findings"},
		{"findings below fail-on", repo, map[string]string{"args": "--rule shutdown-hook", "fail-on": "error"}, "success",
			"Set up Go=success Install kscan=success Scan=success Upload SARIF=success Gate=success", "0", "kscan.sarif", 1, "shutdown-hook"},
		{"findings at fail-on", repo, map[string]string{"args": "--rule shutdown-hook", "fail-on": "warning"}, "failure",
			"Set up Go=success Install kscan=success Scan=success Upload SARIF=success Gate=failure", "1", "kscan.sarif", 1, "shutdown-hook"},
		{"findings above fail-on", repo, map[string]string{"fail-on": "warning", "sarif-file": "out.sarif", "category": "kscan-java"}, "failure",
			"Set up Go=success Install kscan=success Scan=success Upload SARIF=success Gate=failure", "1", "out.sarif", 6, "system-exit"},
		{"findings, no upload", repo, map[string]string{"upload": "false"}, "failure",
			"Set up Go=success Install kscan=success Scan=success Upload SARIF=skipped Gate=failure", "1", "kscan.sarif", -1, "system-exit"},
		// Nothing on the changed lines passes; the upload has every finding.
		{"diff-base, nothing changed", repo, map[string]string{"diff-base": "HEAD", "path": "src/main"}, "success",
			"Set up Go=success Install kscan=success Scan=success Upload SARIF=success Gate=success", "0", "kscan.sarif", 6, "No findings on lines changed since HEAD"},
		// A usage error before the log is written: nothing to upload.
		{"bad argument", repo, map[string]string{"args": "--no-such-flag"}, "failure",
			"Set up Go=success Install kscan=success Scan=failure Upload SARIF=skipped Gate=skipped", "2", "", -1, "unknown flag"},
		{"missing baseline", repo, map[string]string{"baseline": "missing.json"}, "failure",
			"Set up Go=success Install kscan=success Scan=failure Upload SARIF=skipped Gate=skipped", "2", "", -1, "missing.json"},
		// A usage error of the gate's run: the log was written and goes up.
		{"bad fail-on", repo, map[string]string{"fail-on": "fatal"}, "failure",
			"Set up Go=success Install kscan=success Scan=failure Upload SARIF=success Gate=skipped", "2", "kscan.sarif", 6, "unknown level"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newGHRunner(t)
			r.workspace = tc.repo
			os.Remove(filepath.Join(tc.repo, "kscan.sarif"))
			os.Remove(filepath.Join(tc.repo, "out.sarif"))
			job := r.runJob("kscan", []ghStepSpec{{Name: "kscan", ID: "kscan", Uses: "./", With: tc.with}}, nil, nil)
			st := job.Steps[0]
			logs := stepLogs(job.Steps)
			if job.Result != tc.job || outcomes(st.Steps) != tc.steps {
				t.Fatalf("job %s, steps %s\nwant job %s, steps %s\n%s", job.Result, outcomes(st.Steps), tc.job, tc.steps, logs)
			}
			if st.Outputs["exit-code"] != tc.exitCode || st.Outputs["sarif-file"] != tc.sarifFile {
				t.Errorf("outputs %v, want exit-code %q and sarif-file %q\n%s", st.Outputs, tc.exitCode, tc.sarifFile, logs)
			}
			var scan *ghStepRun
			for i := range st.Steps {
				if st.Steps[i].ID == "scan" {
					scan = &st.Steps[i]
				}
			}
			if !strings.Contains(scan.Log, tc.inLog) {
				t.Errorf("the Scan step's log lacks %q:\n%s", tc.inLog, scan.Log)
			}
			if tc.exitCode != "0" && tc.exitCode != "1" && !strings.Contains(scan.Log, "::error title=kscan::kscan scan failed with exit code "+tc.exitCode) {
				t.Errorf("no error annotation for exit %s:\n%s", tc.exitCode, scan.Log)
			}
			// The job fails on the gate's verdict only in the last step.
			if last := st.Steps[len(st.Steps)-1]; tc.exitCode == "1" && (last.Name != "Gate" || last.Code != 1) {
				t.Errorf("the last step is %s with exit %d; want the Gate failing with 1", last.Name, last.Code)
			}
			switch {
			case tc.uploaded < 0 && len(r.Uploads) != 0:
				t.Errorf("%d uploads, want none", len(r.Uploads))
			case tc.uploaded >= 0 && len(r.Uploads) != 1:
				t.Fatalf("%d uploads, want 1\n%s", len(r.Uploads), logs)
			case tc.uploaded >= 0:
				up := r.Uploads[0]
				validateSARIF(t, loadSchema(t), up.SARIF)
				if n := sarifResults(t, up.SARIF); n != tc.uploaded {
					t.Errorf("uploaded %d results, want %d", n, tc.uploaded)
				}
				if want := cmpOr(tc.with["category"], "kscan"); up.Category != want {
					t.Errorf("category %q, want %q", up.Category, want)
				}
			}
			// kscan was built from the action's own checkout.
			if log := string(mustRead(t, r.goLog)); !strings.HasPrefix(log, r.root+"\tinstall ./cmd/kscan\n") {
				t.Errorf("go install calls: %q", log)
			}
		})
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// TestActionVersionInput: a version installs that kscan with go install.
func TestActionVersionInput(t *testing.T) {
	repo, _ := actionRepo(t)
	r := newGHRunner(t)
	r.workspace = repo
	job := r.runJob("kscan", []ghStepSpec{{Uses: "./", With: map[string]string{"version": "v1.2.3", "upload": "false", "fail-on": "none"}}}, nil, nil)
	if job.Result != "success" {
		t.Fatalf("job %s\n%s", job.Result, stepLogs(job.Steps))
	}
	if log := string(mustRead(t, r.goLog)); !strings.Contains(log, "\tinstall github.com/kscan/kscan/cmd/kscan@v1.2.3\n") {
		t.Errorf("go install calls: %q", log)
	}
}

// TestExampleWorkflowRuns runs examples/github/kscan.yml, the workflow the
// README shows, on a repository with a main branch: on pushes the whole
// project is gated; on a pull request only what it changes, and every
// finding is uploaded either way.
func TestExampleWorkflowRuns(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash not installed")
	}
	repo, git := actionRepo(t)
	git("update-ref", "refs/remotes/origin/main", "HEAD")
	git("checkout", "-q", "-b", "feature")
	os.WriteFile(filepath.Join(repo, "NOTES.md"), []byte("notes\n"), 0o644)
	git("add", "-A")
	git("commit", "-q", "-m", "docs only")

	run := func(event string) (*ghJobRun, *ghRunner) {
		t.Helper()
		r := newGHRunner(t)
		r.source = repo
		r.github["event_name"] = event
		if event == "pull_request" {
			r.github["base_ref"] = "main"
		}
		res := r.runWorkflow("examples/github/kscan.yml")
		if len(res["kscan"]) != 1 {
			t.Fatalf("jobs %v", res)
		}
		return res["kscan"][0], r
	}
	check := func(name string, job *ghJobRun, r *ghRunner, result string, exit string) {
		t.Helper()
		st := job.step("kscan/kscan@main")
		if job.Result != result || st == nil || st.Outputs["exit-code"] != exit {
			t.Fatalf("%s: job %s, want %s; outputs %v\n%s", name, job.Result, result, st.Outputs, stepLogs(job.Steps))
		}
		if len(r.Uploads) != 1 || sarifResults(t, r.Uploads[0].SARIF) != 6 || r.Uploads[0].Category != "kscan" {
			t.Errorf("%s: uploads %d, want one with all 6 findings", name, len(r.Uploads))
		}
	}

	job, r := run("push")
	check("push", job, r, "failure", "1")
	job, r = run("pull_request")
	check("pull request touching no code", job, r, "success", "0")
	if log := job.step("kscan/kscan@main").Steps[2].Log; !strings.Contains(log, "origin/main") {
		t.Errorf("the gate did not compare with origin/main:\n%s", log)
	}

	// A pull request adding a hazard (an error where the role is unknown)
	// fails on it.
	os.WriteFile(filepath.Join(repo, "src/main/java/com/example/order/Stopper.java"),
		[]byte("package com.example.order;\n\nclass Stopper {\n    void stop(int code) {\n        System.exit(code);\n    }\n}\n"), 0o644)
	git("add", "-A")
	git("commit", "-q", "-m", "stopper")
	job, r = run("pull_request")
	st := job.step("kscan/kscan@main")
	if job.Result != "failure" || st.Outputs["exit-code"] != "1" || !strings.Contains(st.Steps[2].Log, "Stopper.java") ||
		st.Steps[len(st.Steps)-1].Outcome != "failure" {
		t.Fatalf("pull request adding System.exit: job %s, outputs %v\n%s", job.Result, st.Outputs, stepLogs(job.Steps))
	}
	if len(r.Uploads) != 1 || sarifResults(t, r.Uploads[0].SARIF) != 7 {
		t.Errorf("uploads %d, want one with all 7 findings", len(r.Uploads))
	}
	if len(r.Uploads) == 1 && !strings.Contains(r.Uploads[0].SARIF, "Stopper.java") {
		t.Error("the upload lacks the new finding")
	}
}

// TestReadmeWorkflow: the README's GitHub Action section shows the example
// workflow, which the test above runs, as it is.
func TestReadmeWorkflow(t *testing.T) {
	readme := string(mustRead(t, filepath.Join(repoRoot(t), "README.md")))
	wf := string(mustRead(t, filepath.Join(repoRoot(t), "examples/github/kscan.yml")))
	_, sec, ok := strings.Cut(readme, "### GitHub Action\n")
	sec, _, _ = strings.Cut(sec, "\n### ")
	_, block, ok2 := strings.Cut(sec, "```yaml\n")
	block, _, ok3 := strings.Cut(block, "```")
	if !ok || !ok2 || !ok3 {
		t.Fatal("README.md has no yaml block under ### GitHub Action")
	}
	if block != wf {
		t.Errorf("the README's workflow differs from examples/github/kscan.yml:\n%s", block)
	}
}

// --- A GitHub Actions runner, as far as these files need one ---
//
// The CI integrations are shell scripts inside YAML, and what decides
// whether a job gates is how GitHub runs them: a run step is written to a
// file and run as 'bash -e FILE' (no shell given) or 'bash --noprofile
// --norc -eo pipefail FILE' (shell: bash); outputs, PATH and environment
// pass between steps through the GITHUB_OUTPUT, GITHUB_PATH and GITHUB_ENV
// files; ${{ }} expressions are substituted into scripts, env and with:;
// a step whose if: has no status function runs only while no step before
// it failed. ghRunner does exactly that with a real kscan, and stands in
// for the few actions it uses (checkout, setup-go, cache, upload-sarif,
// upload-artifact, download-artifact) by what they do on disk.

// ghStep is a step of a workflow job or a composite action.
type ghStepSpec = ciStep

type ghJobSpec struct {
	Name     string            `yaml:"name"`
	Needs    yaml.Node         `yaml:"needs"`
	If       string            `yaml:"if"`
	Env      map[string]string `yaml:"env"`
	Strategy struct {
		Matrix map[string][]any `yaml:"matrix"`
	} `yaml:"strategy"`
	Steps []ghStepSpec `yaml:"steps"`
}

type ghWorkflowSpec struct {
	Env  map[string]string    `yaml:"env"`
	Jobs map[string]ghJobSpec `yaml:"jobs"`
}

// ghStepRun is what happened to one step.
type ghStepRun struct {
	Name, ID string
	Outcome  string // success, failure or skipped
	Code     int    // the script's exit status (run steps)
	Outputs  map[string]string
	Log      string
	Steps    []ghStepRun // a composite action's own steps
}

// ghJobRun is one run of a job (one per matrix combination).
type ghJobRun struct {
	ID      string
	Matrix  map[string]any
	Result  string // success, failure or skipped
	Steps   []ghStepRun
	Summary string // what the steps appended to GITHUB_STEP_SUMMARY
}

func (j *ghJobRun) step(name string) *ghStepRun {
	for i := range j.Steps {
		if j.Steps[i].Name == name || j.Steps[i].ID == name {
			return &j.Steps[i]
		}
	}
	return nil
}

// ghUpload is a SARIF file given to upload-sarif.
type ghUpload struct {
	Category string
	SARIF    string
}

type ghRunner struct {
	t         *testing.T
	root      string // this repository: the action's own checkout
	source    string // what actions/checkout brings into a workspace ("" : the workspace is prepared)
	workspace string // set for a single prepared workspace
	github    map[string]any
	goShim    string // directory holding the stand-in go
	goLog     string
	artifacts string
	Uploads   []ghUpload
}

func newGHRunner(t *testing.T) *ghRunner {
	t.Helper()
	r := &ghRunner{t: t, root: repoRoot(t), artifacts: t.TempDir(),
		github: map[string]any{"event_name": "push", "base_ref": "", "ref": "refs/heads/main", "repository": "acme/shop"}}
	realGo, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not installed")
	}
	r.goShim = t.TempDir()
	r.goLog = filepath.Join(t.TempDir(), "go.log")
	// 'go install' of kscan stands for the build these tests made already
	// (with the arguments logged); every other go command is the real one.
	shim := "#!/bin/sh\n" +
		"if [ \"$1\" = install ]; then\n" +
		"  printf '%s\\t%s\\n' \"$PWD\" \"$*\" >> " + shellQuote(r.goLog) + "\n" +
		"  bin=\"${GOBIN:-$(" + shellQuote(realGo) + " env GOPATH)/bin}\"\n" +
		"  mkdir -p \"$bin\" && cp " + shellQuote(kscanBin) + " \"$bin/kscan\"\n" +
		"  exit $?\n" +
		"fi\n" +
		"exec " + shellQuote(realGo) + " \"$@\"\n"
	if err := os.WriteFile(filepath.Join(r.goShim, "go"), []byte(shim), 0o755); err != nil {
		t.Fatal(err)
	}
	return r
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// ghJobEnv is the state a job's steps share.
type ghJobEnv struct {
	workspace, temp, home string
	env                   map[string]string // from GITHUB_ENV and the workflow's and job's env:
	path                  []string          // from GITHUB_PATH, newest last
	summary               string            // the GITHUB_STEP_SUMMARY file
	matrix                map[string]any
}

// ghScope is the steps of one job, or of one composite action inside it.
type ghScope struct {
	job        *ghJobEnv
	inputs     map[string]any
	steps      map[string]any // id -> {outputs, outcome, conclusion}
	failed     bool
	actionPath string // for a composite action's steps
	composite  bool
}

func (r *ghRunner) ctx(sc *ghScope) map[string]any {
	env := map[string]any{}
	for k, v := range sc.job.env {
		env[k] = v
	}
	return map[string]any{
		"github": r.github, "inputs": sc.inputs, "steps": sc.steps, "env": env,
		"matrix": sc.job.matrix, "runner": map[string]any{"temp": sc.job.temp, "os": "Linux"},
	}
}

// runSteps runs steps in order as the runner does.
func (r *ghRunner) runSteps(sc *ghScope, steps []ghStepSpec) []ghStepRun {
	var out []ghStepRun
	for i, s := range steps {
		run := ghStepRun{Name: s.Name, ID: s.ID, Outputs: map[string]string{}}
		if run.Name == "" {
			run.Name = s.Uses
		}
		if run.Name == "" {
			run.Name = fmt.Sprintf("step %d", i+1)
		}
		ok, err := ghCondition(s.If, r.ctx(sc), r, sc)
		if err != nil {
			r.t.Fatalf("step %q: if: %v", run.Name, err)
		}
		if !ok {
			run.Outcome = "skipped"
		} else if s.Run != "" {
			r.runScript(sc, s, &run)
		} else {
			r.runAction(sc, s, &run)
		}
		if run.Outcome == "failure" {
			sc.failed = true
		}
		if s.ID != "" {
			outs := map[string]any{}
			for k, v := range run.Outputs {
				outs[k] = v
			}
			sc.steps[s.ID] = map[string]any{"outputs": outs, "outcome": run.Outcome, "conclusion": run.Outcome}
		}
		out = append(out, run)
	}
	return out
}

func (r *ghRunner) expand(s string, sc *ghScope) string {
	v, err := ghTemplate(s, r.ctx(sc), r, sc)
	if err != nil {
		r.t.Fatalf("%q: %v", s, err)
	}
	return v
}

func (r *ghRunner) runScript(sc *ghScope, s ghStepSpec, run *ghStepRun) {
	t := r.t
	dir := t.TempDir()
	script := filepath.Join(dir, "script.sh")
	if err := os.WriteFile(script, []byte(r.expand(s.Run, sc)), 0o644); err != nil {
		t.Fatal(err)
	}
	var argv []string
	switch s.Shell {
	case "":
		if sc.composite {
			t.Fatalf("step %q: a composite action's run step needs a shell", run.Name)
		}
		argv = []string{"bash", "-e", script}
	case "bash":
		argv = []string{"bash", "--noprofile", "--norc", "-eo", "pipefail", script}
	case "sh":
		argv = []string{"sh", "-e", script}
	default:
		t.Fatalf("step %q: shell %q not modelled", run.Name, s.Shell)
	}
	files := map[string]string{}
	for _, f := range []string{"GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH"} {
		files[f] = filepath.Join(dir, strings.ToLower(f))
		os.WriteFile(files[f], nil, 0o644)
	}
	env := map[string]string{}
	for k, v := range sc.job.env {
		env[k] = v
	}
	for k, v := range s.Env {
		env[k] = r.expand(v, sc)
	}
	for k, v := range files {
		env[k] = v
	}
	env["GITHUB_STEP_SUMMARY"] = sc.job.summary
	env["GITHUB_WORKSPACE"] = sc.job.workspace
	env["RUNNER_TEMP"] = sc.job.temp
	if sc.actionPath != "" {
		env["GITHUB_ACTION_PATH"] = sc.actionPath
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = sc.job.workspace
	if s.WorkingDirectory != "" {
		cmd.Dir = filepath.Join(sc.job.workspace, r.expand(s.WorkingDirectory, sc))
	}
	cmd.Env = r.baseEnv(sc.job)
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	log, err := cmd.CombinedOutput()
	run.Log = string(log)
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		run.Code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	run.Outcome = "success"
	if run.Code != 0 {
		run.Outcome = "failure"
	}
	// Outputs count even from a failed step; PATH and env additions too.
	run.Outputs = ghKeyValues(t, files["GITHUB_OUTPUT"])
	for k, v := range ghKeyValues(t, files["GITHUB_ENV"]) {
		sc.job.env[k] = v
	}
	for _, l := range strings.Split(string(mustRead(t, files["GITHUB_PATH"])), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			sc.job.path = append(sc.job.path, l)
		}
	}
}

// baseEnv is a runner's environment: system tools, the stand-in go, and
// what GITHUB_PATH added, newest first; no kscan unless a step put it there.
func (r *ghRunner) baseEnv(job *ghJobEnv) []string {
	path := []string{}
	for i := len(job.path) - 1; i >= 0; i-- {
		path = append(path, job.path[i])
	}
	path = append(path, r.goShim, "/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin")
	for _, p := range path[len(path)-6:] {
		if _, err := os.Stat(filepath.Join(p, "kscan")); err == nil {
			r.t.Fatalf("%s/kscan is on the runner's PATH: the test could not tell whether the action installed kscan", p)
		}
	}
	env := []string{"PATH=" + strings.Join(path, string(os.PathListSeparator)), "HOME=" + job.home,
		"GOPATH=" + filepath.Join(job.home, "go"), "CI=true", "GITHUB_ACTIONS=true", "NO_COLOR=1", "LANG=C.UTF-8"}
	for _, k := range []string{"GOCACHE", "GOMODCACHE", "GOFLAGS", "GOPROXY", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_NOSYSTEM", "TMPDIR"} {
		if v := os.Getenv(k); v != "" {
			env = append(env, k+"="+v)
		}
	}
	for _, k := range []string{"GOCACHE", "GOMODCACHE"} {
		if os.Getenv(k) == "" {
			if out, err := exec.Command("go", "env", k).Output(); err == nil {
				env = append(env, k+"="+strings.TrimSpace(string(out)))
			}
		}
	}
	return env
}

// ghKeyValues reads a GITHUB_OUTPUT or GITHUB_ENV file: NAME=value lines
// and NAME<<DELIMITER blocks.
func ghKeyValues(t *testing.T, path string) map[string]string {
	out := map[string]string{}
	lines := strings.Split(string(mustRead(t, path)), "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l == "" {
			continue
		}
		if k, delim, ok := strings.Cut(l, "<<"); ok && !strings.Contains(k, "=") {
			var v []string
			for i++; i < len(lines) && lines[i] != delim; i++ {
				v = append(v, lines[i])
			}
			out[k] = strings.Join(v, "\n")
			continue
		}
		k, v, ok := strings.Cut(l, "=")
		if !ok {
			t.Fatalf("%s: malformed line %q", filepath.Base(path), l)
		}
		out[k] = v
	}
	return out
}

func (r *ghRunner) runAction(sc *ghScope, s ghStepSpec, run *ghStepRun) {
	with := map[string]string{}
	for k, v := range s.With {
		with[k] = r.expand(v, sc)
	}
	name, _, _ := strings.Cut(s.Uses, "@")
	fail := func(format string, args ...any) {
		run.Outcome, run.Log = "failure", fmt.Sprintf(format, args...)
	}
	run.Outcome = "success"
	ws := sc.job.workspace
	switch name {
	case "./", "kscan/kscan":
		r.runComposite(sc, with, run)
	case "actions/checkout":
		if r.source != "" {
			if out, err := exec.Command("cp", "-a", r.source+"/.", ws).CombinedOutput(); err != nil {
				r.t.Fatalf("checkout: %v\n%s", err, out)
			}
		}
	case "actions/setup-go", "actions/cache":
		// go is on the runner's PATH; a cache miss changes nothing.
	case "github/codeql-action/upload-sarif":
		p := filepath.Join(ws, with["sarif_file"])
		data, err := os.ReadFile(p)
		if with["sarif_file"] == "" || err != nil {
			fail("upload-sarif: %q: %v", with["sarif_file"], err)
			return
		}
		var doc struct {
			Version string            `json:"version"`
			Runs    []json.RawMessage `json:"runs"`
		}
		if err := json.Unmarshal(data, &doc); err != nil || doc.Version != "2.1.0" || len(doc.Runs) == 0 {
			fail("upload-sarif: %s is not a SARIF 2.1.0 log: %v", p, err)
			return
		}
		r.Uploads = append(r.Uploads, ghUpload{Category: with["category"], SARIF: string(data)})
	case "actions/upload-artifact":
		src := filepath.Join(ws, with["path"])
		if _, err := os.Stat(src); err != nil {
			if with["if-no-files-found"] == "error" {
				fail("upload-artifact: no files at %s", with["path"])
			}
			return
		}
		dst := filepath.Join(r.artifacts, with["name"])
		if _, err := os.Stat(dst); err == nil {
			fail("upload-artifact: an artifact named %s exists already", with["name"])
			return
		}
		os.MkdirAll(dst, 0o755)
		if out, err := exec.Command("cp", "-a", src+"/.", dst).CombinedOutput(); err != nil {
			r.t.Fatalf("upload-artifact: %v\n%s", err, out)
		}
	case "actions/download-artifact":
		ents, _ := os.ReadDir(r.artifacts)
		dest := filepath.Join(ws, with["path"])
		for _, e := range ents {
			if ok, _ := path.Match(with["pattern"], e.Name()); !ok && with["pattern"] != "" {
				continue
			}
			to := dest
			if with["merge-multiple"] != "true" {
				to = filepath.Join(dest, e.Name())
			}
			os.MkdirAll(to, 0o755)
			if out, err := exec.Command("cp", "-a", filepath.Join(r.artifacts, e.Name())+"/.", to).CombinedOutput(); err != nil {
				r.t.Fatalf("download-artifact: %v\n%s", err, out)
			}
		}
	default:
		r.t.Fatalf("action %s not modelled", s.Uses)
	}
}

// runComposite runs action.yml with the given inputs, as 'uses:' does.
func (r *ghRunner) runComposite(parent *ghScope, with map[string]string, run *ghStepRun) {
	var a ciAction
	ciLoadYAML(r.t, "action.yml", &a)
	inputs := map[string]any{}
	for k, in := range a.Inputs {
		if in.Default != nil {
			inputs[k] = *in.Default
		}
	}
	for k, v := range with {
		if _, ok := a.Inputs[k]; !ok {
			r.t.Fatalf("with: %s is not an input of action.yml", k)
		}
		inputs[k] = v
	}
	sc := &ghScope{job: parent.job, inputs: inputs, steps: map[string]any{}, actionPath: r.root, composite: true}
	run.Steps = r.runSteps(sc, a.Runs.Steps)
	if sc.failed {
		run.Outcome = "failure"
	}
	for name, o := range a.Outputs {
		run.Outputs[name] = r.expand(o.Value, sc)
	}
}

// runJob runs a job's steps in a fresh workspace (or the prepared one).
func (r *ghRunner) runJob(id string, steps []ghStepSpec, env map[string]string, matrix map[string]any) *ghJobRun {
	t := r.t
	home := t.TempDir()
	job := &ghJobEnv{workspace: r.workspace, temp: filepath.Join(home, "_temp"), home: home,
		env: map[string]string{}, summary: filepath.Join(home, "step_summary.md"), matrix: matrix}
	if job.workspace == "" {
		job.workspace = filepath.Join(home, "work")
	}
	os.MkdirAll(job.workspace, 0o755)
	os.MkdirAll(job.temp, 0o755)
	os.WriteFile(job.summary, nil, 0o644)
	sc := &ghScope{job: job, inputs: map[string]any{}, steps: map[string]any{}}
	for k, v := range env {
		job.env[k] = r.expand(v, sc)
	}
	jr := &ghJobRun{ID: id, Matrix: matrix, Result: "success"}
	jr.Steps = r.runSteps(sc, steps)
	if sc.failed {
		jr.Result = "failure"
	}
	jr.Summary = string(mustRead(t, job.summary))
	return jr
}

// runWorkflow runs every job of a workflow file, after the jobs it needs,
// once per matrix combination.
func (r *ghRunner) runWorkflow(rel string) map[string][]*ghJobRun {
	t := r.t
	var w ghWorkflowSpec
	ciLoadYAML(t, rel, &w)
	results := map[string][]*ghJobRun{}
	var ids []string
	for id := range w.Jobs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for len(results) < len(ids) {
		progress := false
		for _, id := range ids {
			job := w.Jobs[id]
			if _, done := results[id]; done {
				continue
			}
			needs := ghNeeds(job.Needs)
			ready, failed := true, false
			for _, n := range needs {
				runs, done := results[n]
				if !done {
					ready = false
				}
				for _, jr := range runs {
					failed = failed || jr.Result != "success"
				}
			}
			if !ready {
				continue
			}
			progress = true
			ok, err := ghCondition(job.If, map[string]any{"github": r.github}, r, &ghScope{failed: failed})
			if err != nil {
				t.Fatalf("job %s: if: %v", id, err)
			}
			if !ok {
				results[id] = []*ghJobRun{{ID: id, Result: "skipped"}}
				continue
			}
			env := maps.Clone(w.Env)
			if env == nil {
				env = map[string]string{}
			}
			maps.Copy(env, job.Env)
			for _, m := range ghMatrix(job.Strategy.Matrix) {
				results[id] = append(results[id], r.runJob(id, job.Steps, env, m))
			}
		}
		if !progress {
			t.Fatalf("%s: jobs wait on each other", rel)
		}
	}
	return results
}

func ghNeeds(n yaml.Node) []string {
	var one string
	if n.Decode(&one) == nil && one != "" {
		return []string{one}
	}
	var list []string
	n.Decode(&list)
	return list
}

// ghMatrix expands a matrix of one or more keys into its combinations.
func ghMatrix(m map[string][]any) []map[string]any {
	out := []map[string]any{{}}
	keys := slices.Sorted(maps.Keys(m))
	for _, k := range keys {
		var next []map[string]any
		for _, c := range out {
			for _, v := range m[k] {
				d := maps.Clone(c)
				d[k] = v
				next = append(next, d)
			}
		}
		out = next
	}
	return out
}

// --- expressions ---

var ghStatusFunc = regexp.MustCompile(`\b(always|success|failure|cancelled)\s*\(`)

// ghCondition evaluates an if: as GitHub does: with or without ${{ }},
// and with an implied success() && when it calls no status function.
func ghCondition(cond string, ctx map[string]any, r *ghRunner, sc *ghScope) (bool, error) {
	cond = strings.TrimSpace(cond)
	if inner, ok := strings.CutPrefix(cond, "${{"); ok && strings.HasSuffix(inner, "}}") {
		cond = strings.TrimSpace(strings.TrimSuffix(inner, "}}"))
	}
	if cond == "" {
		cond = "success()"
	} else if !ghStatusFunc.MatchString(cond) {
		cond = "success() && (" + cond + ")"
	}
	v, err := ghEval(cond, ctx, r, sc)
	return ghTruthy(v), err
}

// ghTemplate substitutes every ${{ expr }} of s.
func ghTemplate(s string, ctx map[string]any, r *ghRunner, sc *ghScope) (string, error) {
	var b strings.Builder
	for {
		i := strings.Index(s, "${{")
		if i < 0 {
			b.WriteString(s)
			return b.String(), nil
		}
		j := strings.Index(s[i:], "}}")
		if j < 0 {
			return "", fmt.Errorf("unclosed ${{ in %q", s)
		}
		v, err := ghEval(s[i+3:i+j], ctx, r, sc)
		if err != nil {
			return "", err
		}
		b.WriteString(s[:i])
		b.WriteString(ghString(v))
		s = s[i+j+2:]
	}
}

func ghString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case int:
		return strconv.Itoa(x)
	case string:
		return x
	}
	data, _ := json.Marshal(v)
	return string(data)
}

func ghTruthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case float64:
		return x != 0 && !math.IsNaN(x)
	case int:
		return x != 0
	case string:
		return x != ""
	}
	return true
}

func ghNumber(v any) float64 {
	switch x := v.(type) {
	case nil:
		return 0
	case bool:
		if x {
			return 1
		}
		return 0
	case float64:
		return x
	case int:
		return float64(x)
	case string:
		if strings.TrimSpace(x) == "" {
			return 0
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		if err != nil {
			return math.NaN()
		}
		return f
	}
	return math.NaN()
}

// ghEqual is ==: strings case-insensitively, other mixes as numbers.
func ghEqual(a, b any) bool {
	sa, aok := a.(string)
	sb, bok := b.(string)
	if aok && bok {
		return strings.EqualFold(sa, sb)
	}
	if a == nil && b == nil {
		return true
	}
	return ghNumber(a) == ghNumber(b)
}

var ghTokenRE = regexp.MustCompile(`^\s*(?:('(?:[^']|'')*')|(-?[0-9]+(?:\.[0-9]+)?)|([A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_*][A-Za-z0-9_-]*)*)|(==|!=|<=|>=|&&|\|\||[()!<>,]))`)

type ghExpr struct {
	toks []string
	i    int
	ctx  map[string]any
	r    *ghRunner
	sc   *ghScope
}

func ghEval(src string, ctx map[string]any, r *ghRunner, sc *ghScope) (any, error) {
	e := &ghExpr{ctx: ctx, r: r, sc: sc}
	rest := src
	for strings.TrimSpace(rest) != "" {
		m := ghTokenRE.FindStringSubmatch(rest)
		if m == nil {
			return nil, fmt.Errorf("cannot read %q in %q", strings.TrimSpace(rest), src)
		}
		e.toks = append(e.toks, strings.TrimSpace(m[0]))
		rest = rest[len(m[0]):]
	}
	v, err := e.or()
	if err == nil && e.i < len(e.toks) {
		err = fmt.Errorf("unexpected %q in %q", e.toks[e.i], src)
	}
	return v, err
}

func (e *ghExpr) peek() string {
	if e.i < len(e.toks) {
		return e.toks[e.i]
	}
	return ""
}

func (e *ghExpr) or() (any, error) {
	v, err := e.and()
	for err == nil && e.peek() == "||" {
		e.i++
		var w any
		if w, err = e.and(); !ghTruthy(v) {
			v = w
		}
	}
	return v, err
}

func (e *ghExpr) and() (any, error) {
	v, err := e.cmp()
	for err == nil && e.peek() == "&&" {
		e.i++
		var w any
		if w, err = e.cmp(); ghTruthy(v) {
			v = w
		}
	}
	return v, err
}

func (e *ghExpr) cmp() (any, error) {
	a, err := e.unary()
	if err != nil {
		return nil, err
	}
	switch op := e.peek(); op {
	case "==", "!=", "<", "<=", ">", ">=":
		e.i++
		b, err := e.unary()
		if err != nil {
			return nil, err
		}
		switch op {
		case "==":
			return ghEqual(a, b), nil
		case "!=":
			return !ghEqual(a, b), nil
		case "<":
			return ghNumber(a) < ghNumber(b), nil
		case "<=":
			return ghNumber(a) <= ghNumber(b), nil
		case ">":
			return ghNumber(a) > ghNumber(b), nil
		default:
			return ghNumber(a) >= ghNumber(b), nil
		}
	}
	return a, nil
}

func (e *ghExpr) unary() (any, error) {
	if e.peek() == "!" {
		e.i++
		v, err := e.unary()
		return !ghTruthy(v), err
	}
	return e.primary()
}

func (e *ghExpr) primary() (any, error) {
	tok := e.peek()
	e.i++
	switch {
	case tok == "":
		return nil, errors.New("expression ends early")
	case tok == "(":
		v, err := e.or()
		if err == nil && e.peek() != ")" {
			err = errors.New("missing )")
		}
		e.i++
		return v, err
	case strings.HasPrefix(tok, "'"):
		return strings.ReplaceAll(tok[1:len(tok)-1], "''", "'"), nil
	case tok[0] == '-' || tok[0] >= '0' && tok[0] <= '9':
		return strconv.ParseFloat(tok, 64)
	case tok == "true" || tok == "false":
		return tok == "true", nil
	case tok == "null":
		return nil, nil
	}
	if e.peek() == "(" {
		e.i++
		var args []any
		for e.peek() != ")" {
			v, err := e.or()
			if err != nil {
				return nil, err
			}
			args = append(args, v)
			if e.peek() == "," {
				e.i++
			} else if e.peek() != ")" {
				return nil, fmt.Errorf("in %s(): unexpected %q", tok, e.peek())
			}
		}
		e.i++
		return e.call(tok, args)
	}
	var v any = e.ctx
	for _, part := range strings.Split(tok, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, nil
		}
		v = m[part]
	}
	return v, nil
}

func (e *ghExpr) call(name string, args []any) (any, error) {
	str := func(i int) string {
		if i < len(args) {
			return ghString(args[i])
		}
		return ""
	}
	switch name {
	case "always":
		return true, nil
	case "success":
		return !e.sc.failed, nil
	case "failure":
		return e.sc.failed, nil
	case "cancelled":
		return false, nil
	case "format":
		s := str(0)
		for i := 1; i < len(args); i++ {
			s = strings.ReplaceAll(s, "{"+strconv.Itoa(i-1)+"}", str(i))
		}
		return s, nil
	case "contains":
		return strings.Contains(strings.ToLower(str(0)), strings.ToLower(str(1))), nil
	case "startsWith":
		return strings.HasPrefix(strings.ToLower(str(0)), strings.ToLower(str(1))), nil
	case "endsWith":
		return strings.HasSuffix(strings.ToLower(str(0)), strings.ToLower(str(1))), nil
	case "hashFiles":
		// The digest of the files matched in the workspace, "" for none.
		h := sha256.New()
		n := 0
		for i := range args {
			m, _ := filepath.Glob(filepath.Join(e.sc.job.workspace, str(i)))
			for _, p := range m {
				if data, err := os.ReadFile(p); err == nil {
					h.Write(data)
					n++
				}
			}
		}
		if n == 0 {
			return "", nil
		}
		return hex.EncodeToString(h.Sum(nil)), nil
	}
	return nil, fmt.Errorf("function %s() not modelled", name)
}

func TestGHExpressions(t *testing.T) {
	ctx := map[string]any{
		"github": map[string]any{"event_name": "pull_request", "base_ref": "main"},
		"inputs": map[string]any{"upload": "true", "fail-on": "error"},
		"steps":  map[string]any{"scan": map[string]any{"outputs": map[string]any{"sarif-file": "k.sarif", "exit-code": "1"}}},
	}
	ok, failed := &ghScope{}, &ghScope{failed: true}
	for _, tc := range []struct {
		expr string
		sc   *ghScope
		want string
	}{
		{"github.event_name == 'pull_request' && format('origin/{0}', github.base_ref) || ''", ok, "origin/main"},
		{"github.event_name == 'push' && format('origin/{0}', github.base_ref) || ''", ok, ""},
		{"inputs.upload == 'true'", ok, "true"},
		{"inputs.upload == 'TRUE'", ok, "true"},
		{"steps.scan.outputs.sarif-file != ''", ok, "true"},
		{"steps.nope.outputs.sarif-file != ''", ok, "false"},
		{"steps.scan.outputs.exit-code == 1", ok, "true"},
		{"always() && inputs.upload == 'true'", failed, "true"},
		{"!cancelled() && (failure() || success())", failed, "true"},
		{"success()", failed, "false"},
		{"'it''s'", ok, "it's"},
		{"matrix.shard", ok, ""},
	} {
		v, err := ghEval(tc.expr, ctx, nil, tc.sc)
		if err != nil || ghString(v) != tc.want {
			t.Errorf("%s = %q, %v; want %q", tc.expr, ghString(v), err, tc.want)
		}
	}
	for _, tc := range []struct {
		cond   string
		failed bool
		want   bool
	}{
		{"", false, true}, {"", true, false},
		{"inputs.upload == 'true'", true, false}, // no status function: success() && ...
		{"${{ always() }}", true, true},
		{"failure()", true, true},
	} {
		got, err := ghCondition(tc.cond, ctx, nil, &ghScope{failed: tc.failed})
		if err != nil || got != tc.want {
			t.Errorf("if: %q after a failure=%v: %v, %v", tc.cond, tc.failed, got, err)
		}
	}
}

// TestPreCommitHookRuns runs the hook as pre-commit does: entry split into
// words, the hook's args after it, no file names, no shell, in the
// repository root with the installed kscan on PATH.
func TestPreCommitHookRuns(t *testing.T) {
	var hooks []struct {
		Entry string `yaml:"entry"`
		Files string `yaml:"files"`
	}
	ciLoadYAML(t, ".pre-commit-hooks.yaml", &hooks)
	files := regexp.MustCompile(hooks[0].Files)
	repo, git := actionRepo(t)
	const dir = "src/main/java/com/example/order/"
	warning := "package com.example.order;\n\nclass Hooks {\n    void install(Thread t) {\n        Runtime.getRuntime().addShutdownHook(t);\n    }\n}\n"
	errorLevel := "package com.example.order;\n\nclass Loader {\n    Object load(String n) throws Exception {\n        return Class.forName(n);\n    }\n}\n"
	for _, tc := range []struct {
		name  string
		file  string // staged, as in a commit
		data  string
		args  []string
		code  int
		inLog string
	}{
		{"no changes", "", "", nil, 0, "No findings on lines changed since HEAD"},
		{"findings below fail-on", "Hooks.java", warning, nil, 0, "shutdown-hook"},
		{"findings at fail-on", "Hooks.java", warning, []string{"--fail-on", "warning"}, 1, "shutdown-hook"},
		// A library's lookup through the caller's loader: an error once its
		// role is known (a note when it is not).
		{"findings above fail-on", "Loader.java", errorLevel, []string{"--role", "library"}, 1, "class-forname-caller-loader"},
		{"bad args", "Loader.java", errorLevel, []string{"--fail-on", "bogus"}, 2, "unknown level"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			git("reset", "-q", "--hard", "HEAD")
			git("clean", "-qfdx")
			if tc.file != "" {
				if !files.MatchString(dir + tc.file) {
					t.Fatalf("the hook would not run for %s", tc.file)
				}
				os.WriteFile(filepath.Join(repo, dir, tc.file), []byte(tc.data), 0o644)
				git("add", "-A")
			}
			argv := append(strings.Fields(hooks[0].Entry), tc.args...)
			// The hook's environment has the installed kscan first on PATH.
			bin := filepath.Join(filepath.Dir(kscanBin), argv[0])
			if _, err := os.Stat(bin); err != nil {
				t.Fatalf("entry %q does not start with the kscan command: %v", hooks[0].Entry, err)
			}
			cmd := exec.Command(bin, argv[1:]...)
			cmd.Dir = repo
			cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(kscanBin)+string(os.PathListSeparator)+"/usr/bin:/bin", "NO_COLOR=1")
			out, err := cmd.CombinedOutput()
			code := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tc.code || !strings.Contains(string(out), tc.inLog) {
				t.Errorf("%v: exit %d, want %d with %q\n%s", argv, code, tc.code, tc.inLog, out)
			}
		})
	}
}

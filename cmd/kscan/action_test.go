package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
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

// TestActionScanScript runs the action's Scan step script with bash, as
// the runner would (kscan on PATH, inputs in the environment), on a copy
// of the example: the SARIF log is written with every finding, the gate's
// exit code is an output, and the step itself succeeds so the upload runs.
func TestActionScanScript(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not installed")
	}
	var a ciAction
	ciLoadYAML(t, "action.yml", &a)
	var script string
	for _, s := range a.Runs.Steps {
		if s.ID == "scan" {
			script = s.Run
		}
	}
	repo, git := gateRepo(t)
	copyTree(t, filepath.Join(repoRoot(t), example), repo)
	git("add", "-A")
	git("commit", "-q", "-m", "init")

	run := func(env map[string]string) (map[string]string, int, string) {
		t.Helper()
		out := filepath.Join(t.TempDir(), "github_output")
		cmd := exec.Command(bash, "-c", script)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(kscanBin)+string(os.PathListSeparator)+os.Getenv("PATH"),
			"GITHUB_OUTPUT="+out, "NO_COLOR=1")
		for _, k := range []string{"KSCAN_PATH", "KSCAN_FAIL_ON", "KSCAN_BASELINE", "KSCAN_DIFF_BASE", "KSCAN_SARIF", "KSCAN_ARGS"} {
			cmd.Env = append(cmd.Env, k+"="+env[k])
		}
		log, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		outputs := map[string]string{}
		data, _ := os.ReadFile(out)
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			if k, v, ok := strings.Cut(line, "="); ok {
				outputs[k] = v
			}
		}
		return outputs, code, string(log)
	}

	inputs := map[string]string{"KSCAN_PATH": ".", "KSCAN_FAIL_ON": "error", "KSCAN_SARIF": "kscan.sarif"}
	outputs, code, log := run(inputs)
	if code != 0 || outputs["exit-code"] != "1" || outputs["sarif-file"] != "kscan.sarif" {
		t.Fatalf("step exit %d, outputs %v\n%s", code, outputs, log)
	}
	sarif, err := os.ReadFile(filepath.Join(repo, "kscan.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, loadSchema(t), string(sarif))
	if strings.Count(string(sarif), `"ruleId"`) != 8 {
		t.Errorf("SARIF does not hold the 8 findings:\n%s", sarif)
	}

	// A pull request that touches nothing hazardous passes the gate; the
	// upload still has every finding.
	inputs["KSCAN_DIFF_BASE"] = "HEAD"
	inputs["KSCAN_ARGS"] = "--exclude src/test"
	outputs, code, log = run(inputs)
	if code != 0 || outputs["exit-code"] != "0" || !strings.Contains(log, "No findings on lines changed since HEAD") {
		t.Errorf("diff-base with no changes: step exit %d, outputs %v\n%s", code, outputs, log)
	}

	// A usage error stops the step: there is nothing to upload.
	inputs["KSCAN_BASELINE"] = "missing.json"
	if outputs, code, log := run(inputs); code != 2 || outputs["sarif-file"] != "" {
		t.Errorf("missing baseline: step exit %d, outputs %v\n%s", code, outputs, log)
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/kscan/kscan/internal/batch"
)

// The files under examples/batch are copied into clusters and CI systems
// as they are, and several numbers in them must agree: the shard count in
// the Job or matrix and in --shard, the shard directories and the merge's
// arguments, the artifact names and the download paths. Nothing runs them
// here (they need a cluster, a runner, the network), so these tests read
// them and check that the numbers and paths line up.

const examplesBatch = "examples/batch"

func examplesDir(t *testing.T) string {
	t.Helper()
	return filepath.Join(repoRoot(t), examplesBatch)
}

// readExamples returns every file of examples/batch by name.
func readExamples(t *testing.T) map[string][]byte {
	t.Helper()
	dir := examplesDir(t)
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = data
	}
	return files
}

func TestExamplesBatch(t *testing.T) {
	files := readExamples(t)
	for _, name := range []string{"Dockerfile", "README.md", "repos.txt", "k8s-indexed-job.yaml", "k8s-merge-job.yaml", "github-matrix.yml"} {
		if _, ok := files[name]; !ok {
			t.Errorf("%s/%s is missing", examplesBatch, name)
		}
	}
	for _, p := range checkExamples(files, examplesDir(t), goMinor(t)) {
		t.Error(p)
	}
}

// TestExamplesBatchCatchesDrift edits the examples the way a hurried
// change would and expects the checks to notice.
func TestExamplesBatchCatchesDrift(t *testing.T) {
	files := readExamples(t)
	dir, goVer := examplesDir(t), goMinor(t)
	edits := []struct {
		name, file, old, new string
		want                 string // in the problem reported
	}{
		{"completions without --shard", "k8s-indexed-job.yaml", "completions: 4", "completions: 5", "completions == parallelism"},
		{"completions and parallelism", "k8s-indexed-job.yaml", "completions: 4\n  parallelism: 4", "completions: 5\n  parallelism: 5", "--shard"},
		{"shard count", "k8s-indexed-job.yaml", "+ 1 ))/4", "+ 1 ))/5", "--shard"},
		{"zero-based shard", "k8s-indexed-job.yaml", "--shard $(( JOB_COMPLETION_INDEX + 1 ))", "--shard $JOB_COMPLETION_INDEX", "--shard"},
		{"cache per pod", "k8s-indexed-job.yaml", "--cache /cache", "--cache /cache/$JOB_COMPLETION_INDEX", "--cache"},
		{"shards fail on findings", "k8s-indexed-job.yaml", "--progress lines --fail-on none", "--progress lines --fail-on error", "--fail-on none"},
		{"not Indexed", "k8s-indexed-job.yaml", "completionMode: Indexed", "completionMode: NonIndexed", "completionMode"},
		{"restart policy", "k8s-indexed-job.yaml", "restartPolicy: Never", "restartPolicy: OnFailure", "restartPolicy Never"},
		{"volume not shared", "k8s-indexed-job.yaml", "accessModes: [ReadWriteMany]", "accessModes: [ReadWriteOnce]", "ReadWriteMany"},
		{"merge misses a shard", "k8s-merge-job.yaml", " /out/shard-4 ", " ", "want the 4 shards"},
		{"merge on another volume", "k8s-merge-job.yaml", "claimName: kscan-out", "claimName: other", "not the shards' volume"},
		{"merge image", "k8s-merge-job.yaml", "image: registry.example.com/kscan:latest", "image: kscan:old", "image"},
		{"list line invalid", "k8s-indexed-job.yaml", "samples main\n", "samples main module extra\n", "4 fields"},
		{"list local path", "k8s-indexed-job.yaml", "samples main\n", "samples main\n    ../order-service\n", "neither a git URL"},
		{"matrix shorter", "github-matrix.yml", "shard: [1, 2, 3, 4]", "shard: [1, 2, 3]", "--shard"},
		{"matrix from 0", "github-matrix.yml", "shard: [1, 2, 3, 4]", "shard: [0, 1, 2, 3]", "want 1..4"},
		{"matrix --shard", "github-matrix.yml", "--shard ${{ matrix.shard }}/4", "--shard ${{ matrix.shard }}/3", "--shard"},
		{"cache path per runner", "github-matrix.yml", "--cache ${{ runner.temp }}/kscan-cache", "--cache ${{ runner.temp }}/kscan-cache-${{ matrix.shard }}", "--cache"},
		{"cache step path", "github-matrix.yml", "path: ${{ runner.temp }}/kscan-cache", "path: ~/.cache/kscan", "actions/cache keeps"},
		{"artifact name", "github-matrix.yml", "name: kscan-shard-${{ matrix.shard }}", "name: shard-${{ matrix.shard }}", "pattern"},
		{"artifact path", "github-matrix.yml", "path: shard-${{ matrix.shard }}", "path: out", "uploads out"},
		{"merge path", "github-matrix.yml", "kscan merge kscan-shard-1", "kscan merge shard-1", "want the downloaded shards"},
		{"merge glob", "github-matrix.yml", "kscan-shard-1 kscan-shard-2 kscan-shard-3 kscan-shard-4 -o", "kscan-shard-* -o", "want the downloaded shards"},
		{"merge-multiple", "github-matrix.yml", "pattern: kscan-shard-*", "pattern: kscan-shard-*\n          merge-multiple: true", "merge-multiple"},
		{"merge skipped", "github-matrix.yml", "    needs: shards\n    if: always()\n", "    needs: shards\n", "if: always()"},
		{"upload skipped on exit 3", "github-matrix.yml", "      - name: Upload shard\n        if: always()\n", "      - name: Upload shard\n", "exits 3"},
		{"go version", "github-matrix.yml", `go-version: "1.26"`, `go-version: "1.22"`, "go.mod needs"},
		{"sample list", "repos.txt", "koupleless/samples main", "koupleless/samples main base extra", "4 fields"},
		{"sample list form", "repos.txt", "class-isolation module", "class-isolation", "url role"},
		{"commented example", "repos.txt", "# ../order-service module", "# ../no-such-dir module", "commented-out"},
		{"readme list", "README.md", "../order-service ", "../no-such-dir ", "no-such-dir"},
		{"docker go", "Dockerfile", "golang:1.26-", "golang:1.22-", "golang:1.26"},
		{"docker root", "Dockerfile", "USER 10001:10001", "USER root", "non-root"},
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			orig := string(files[e.file])
			if !strings.Contains(orig, e.old) {
				t.Fatalf("%s no longer contains %q: update this test", e.file, e.old)
			}
			changed := maps.Clone(files)
			changed[e.file] = []byte(strings.Replace(orig, e.old, e.new, 1))
			got := checkExamples(changed, dir, goVer)
			if !slices.ContainsFunc(got, func(p string) bool { return strings.Contains(p, e.want) }) {
				t.Errorf("replacing %q by %q in %s: no problem mentions %q; got %q", e.old, e.new, e.file, e.want, got)
			}
		})
	}
}

// goMinor is the go.mod language version as major.minor, the Go the
// examples must install.
func goMinor(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(data)
	if m == nil {
		t.Fatal("go.mod has no go directive")
	}
	return string(m[1])
}

// checkExamples returns every disagreement it finds, as sentences. dir is
// where the files are (repos.txt's local paths are relative to it).
func checkExamples(files map[string][]byte, dir, goVer string) []string {
	var p problems
	var k8s []k8sObject
	var workflows []namedWorkflow
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if !strings.HasSuffix(name, ".yaml") && !strings.HasSuffix(name, ".yml") {
			continue
		}
		docs, err := yamlDocs(files[name])
		if err != nil {
			p.add("%s: %v", name, err)
			continue
		}
		for i, d := range docs {
			where := fmt.Sprintf("%s (document %d)", name, i+1)
			switch {
			case hasKey(d, "kind"):
				var o k8sObject
				if err := d.Decode(&o); err != nil {
					p.add("%s: %v", where, err)
					continue
				}
				o.where = where
				k8s = append(k8s, o)
			case hasKey(d, "jobs"):
				var w workflow
				if err := d.Decode(&w); err != nil {
					p.add("%s: %v", where, err)
					continue
				}
				workflows = append(workflows, namedWorkflow{where, w})
			default:
				p.add("%s: neither a Kubernetes object nor a workflow", where)
			}
		}
	}
	checkKubernetes(&p, k8s)
	if len(workflows) != 1 {
		p.add("want one GitHub workflow in %s, found %d", examplesBatch, len(workflows))
	}
	for _, w := range workflows {
		checkWorkflow(&p, w, goVer)
	}
	checkRepoList(&p, files["repos.txt"], dir)
	checkReadmeList(&p, string(files["README.md"]), dir)
	checkDockerfile(&p, string(files["Dockerfile"]), goVer)
	return p
}

type problems []string

func (p *problems) add(format string, args ...any) { *p = append(*p, fmt.Sprintf(format, args...)) }

// yamlDocs splits a YAML stream into its documents, skipping empty ones.
func yamlDocs(data []byte) ([]*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var out []*yaml.Node
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if len(n.Content) > 0 && n.Content[0].Kind == yaml.MappingNode {
			out = append(out, n.Content[0])
		} else if len(n.Content) > 0 {
			return nil, fmt.Errorf("line %d: a document that is not a mapping", n.Line)
		}
	}
}

func hasKey(m *yaml.Node, key string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return true
		}
	}
	return false
}

// --- Kubernetes ---

type k8sObject struct {
	where    string
	Kind     string `yaml:"kind"`
	Metadata struct{ Name string }
	Data     map[string]string `yaml:"data"`
	Spec     struct {
		// Job
		CompletionMode       string     `yaml:"completionMode"`
		Completions          *int       `yaml:"completions"`
		Parallelism          *int       `yaml:"parallelism"`
		BackoffLimitPerIndex *int       `yaml:"backoffLimitPerIndex"`
		PodFailurePolicy     *yaml.Node `yaml:"podFailurePolicy"`
		Template             struct {
			Spec podSpec
		}
		// PersistentVolumeClaim
		AccessModes []string `yaml:"accessModes"`
	}
}

type podSpec struct {
	RestartPolicy string `yaml:"restartPolicy"`
	Containers    []container
	Volumes       []struct {
		Name      string
		ConfigMap *struct {
			Name string
		} `yaml:"configMap"`
		PVC *struct {
			ClaimName string `yaml:"claimName"`
		} `yaml:"persistentVolumeClaim"`
	}
}

type container struct {
	Name         string
	Image        string
	Command      []string
	Args         []string
	VolumeMounts []struct {
		Name      string
		MountPath string `yaml:"mountPath"`
	} `yaml:"volumeMounts"`
}

// script is what the container runs, for an "sh -c" command.
func (c container) script() string {
	return strings.Join(append(slices.Clone(c.Command), c.Args...), "\n")
}

// volumeAt names the volume holding path p in c and the path's mount point.
func (s podSpec) volumeAt(c container, p string) (name, mount string) {
	for _, m := range c.VolumeMounts {
		mp := strings.TrimSuffix(m.MountPath, "/")
		if (p == mp || strings.HasPrefix(p, mp+"/")) && len(mp) > len(mount) {
			name, mount = m.Name, mp
		}
	}
	return name, mount
}

func (s podSpec) claim(volume string) string {
	for _, v := range s.Volumes {
		if v.Name == volume && v.PVC != nil {
			return v.PVC.ClaimName
		}
	}
	return ""
}

func (s podSpec) configMap(volume string) string {
	for _, v := range s.Volumes {
		if v.Name == volume && v.ConfigMap != nil {
			return v.ConfigMap.Name
		}
	}
	return ""
}

// The shard number as each system spells it, spaces removed.
const (
	k8sShard = "$((JOB_COMPLETION_INDEX+1))"
	ghShard  = "${{matrix.shard}}"
)

func checkKubernetes(p *problems, objs []k8sObject) {
	var shardJob, mergeJob *k8sObject
	byKind := map[string]map[string]*k8sObject{}
	for i := range objs {
		o := &objs[i]
		if byKind[o.Kind] == nil {
			byKind[o.Kind] = map[string]*k8sObject{}
		}
		byKind[o.Kind][o.Metadata.Name] = o
		if o.Kind != "Job" {
			continue
		}
		for _, c := range o.Spec.Template.Spec.Containers {
			switch {
			case len(kscanCalls(c.script(), "batch")) > 0:
				shardJob = o
			case len(kscanCalls(c.script(), "merge")) > 0:
				mergeJob = o
			}
		}
	}
	if shardJob == nil || mergeJob == nil {
		p.add("want a Job running 'kscan batch' and one running 'kscan merge'")
		return
	}
	j := shardJob.Spec
	if j.CompletionMode != "Indexed" {
		p.add("%s: completionMode is %q, want Indexed (JOB_COMPLETION_INDEX names the shard)", shardJob.where, j.CompletionMode)
	}
	if j.Completions == nil || j.Parallelism == nil || *j.Completions != *j.Parallelism || *j.Completions < 2 {
		p.add("%s: want completions == parallelism >= 2, one pod a shard", shardJob.where)
		return
	}
	n := *j.Completions
	for _, job := range []*k8sObject{shardJob, mergeJob} {
		if (job.Spec.BackoffLimitPerIndex != nil || job.Spec.PodFailurePolicy != nil) && job.Spec.Template.Spec.RestartPolicy != "Never" {
			p.add("%s: backoffLimitPerIndex and podFailurePolicy need restartPolicy Never", job.where)
		}
	}

	pod := shardJob.Spec.Template.Spec
	var outPrefix, outClaim, image string
	for _, c := range pod.Containers {
		calls := kscanCalls(c.script(), "batch")
		if len(calls) == 0 {
			continue
		}
		image = c.Image
		for _, call := range calls {
			if got, want := call.flag("--shard"), fmt.Sprintf("%s/%d", k8sShard, n); got != want {
				p.add("%s: --shard %s, want %s (1-based, of completions=%d)", shardJob.where, got, want, n)
			}
			if call.flag("--fail-on") != "none" {
				p.add("%s: shards need --fail-on none: findings must not make Kubernetes retry a shard", shardJob.where)
			}
			out := call.flag("-o")
			prefix, ok := strings.CutSuffix(out, k8sShard)
			if !ok || strings.Contains(prefix, "$") {
				p.add("%s: -o %s should end in the shard number %s", shardJob.where, out, k8sShard)
				continue
			}
			vol, _ := pod.volumeAt(c, prefix)
			if outPrefix != "" && prefix != outPrefix {
				p.add("%s: the shards write under %s and %s", shardJob.where, outPrefix, prefix)
			}
			outPrefix, outClaim = prefix, pod.claim(vol)
			if outClaim == "" {
				p.add("%s: -o %s is not on a PersistentVolumeClaim the merge could read", shardJob.where, out)
			}
			cache := call.flag("--cache")
			if vol, _ := pod.volumeAt(c, cache); cache == "" || strings.Contains(cache, "$") || vol == "" {
				p.add("%s: --cache %q must be one fixed mounted path in every pod (SARIF names files relative to the clone)", shardJob.where, cache)
			}
			checkConfigList(p, shardJob.where, pod, c, call.args, byKind["ConfigMap"])
		}
	}
	if pvc := byKind["PersistentVolumeClaim"][outClaim]; outClaim != "" && (pvc == nil || !slices.Contains(pvc.Spec.AccessModes, "ReadWriteMany")) {
		p.add("want a ReadWriteMany PersistentVolumeClaim %q for the shards' output", outClaim)
	}

	mpod := mergeJob.Spec.Template.Spec
	for _, c := range mpod.Containers {
		for _, call := range kscanCalls(c.script(), "merge") {
			var want []string
			for i := 1; i <= n; i++ {
				want = append(want, fmt.Sprint(outPrefix, i))
			}
			if !slices.Equal(call.args, want) {
				p.add("%s: kscan merge %v, want the %d shards %v", mergeJob.where, call.args, n, want)
			}
			if vol, _ := mpod.volumeAt(c, outPrefix+"1"); mpod.claim(vol) != outClaim {
				p.add("%s: %s is not the shards' volume (claim %q)", mergeJob.where, outPrefix, outClaim)
			}
			if c.Image != image {
				p.add("%s: image %s, the shards use %s", mergeJob.where, c.Image, image)
			}
		}
	}
}

// checkConfigList checks that kscan batch's LIST is a key of a ConfigMap
// in the examples and that every line of it is a usable entry.
func checkConfigList(p *problems, where string, pod podSpec, c container, args []string, configMaps map[string]*k8sObject) {
	if len(args) != 1 {
		p.add("%s: kscan batch %v: want one LIST", where, args)
		return
	}
	vol, mount := pod.volumeAt(c, args[0])
	cm := configMaps[pod.configMap(vol)]
	if cm == nil {
		p.add("%s: LIST %s is not in a ConfigMap of the examples", where, args[0])
		return
	}
	list, ok := cm.Data[strings.TrimPrefix(args[0], mount+"/")]
	if !ok {
		p.add("%s: ConfigMap %s has no key for %s", where, cm.Metadata.Name, args[0])
		return
	}
	// A directory with nothing in it: a local path would be invalid in a
	// pod too.
	checkEntries(p, cm.where, list, filepath.Join(os.TempDir(), "kscan-no-such-dir"))
}

func checkEntries(p *problems, where, list, dir string) []batch.Entry {
	entries, err := batch.ParseList(strings.NewReader(list), dir)
	if err != nil {
		p.add("%s: %v", where, err)
	}
	if len(entries) == 0 {
		p.add("%s: the list has no repositories", where)
	}
	for _, e := range entries {
		if e.Invalid != "" {
			p.add("%s: line %d: %s", where, e.Line, e.Invalid)
		}
	}
	return entries
}

// --- GitHub Actions ---

type workflow struct {
	Jobs map[string]workflowJob
}

type workflowJob struct {
	Needs    yaml.Node `yaml:"needs"`
	If       string    `yaml:"if"`
	Strategy struct {
		Matrix struct {
			Shard []int `yaml:"shard"`
		}
	}
	Steps []step
}

type namedWorkflow struct {
	where string
	workflow
}

type step struct {
	If   string `yaml:"if"`
	Uses string
	Run  string
	With map[string]string
}

func nospace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func (s step) action(name string) bool { return strings.HasPrefix(s.Uses, name+"@") }

func checkWorkflow(p *problems, w namedWorkflow, goVer string) {
	var shardJob, artifact string
	var n int
	for id, job := range w.Jobs {
		shards := job.Strategy.Matrix.Shard
		if len(shards) == 0 {
			continue
		}
		shardJob, n = id, len(shards)
		for i, s := range shards {
			if s != i+1 {
				p.add("%s: matrix shard %v, want 1..%d", w.where, shards, n)
				break
			}
		}
		var out, cache, list string
		for _, s := range job.Steps {
			for _, call := range kscanCalls(s.Run, "batch") {
				if got, want := call.flag("--shard"), fmt.Sprintf("%s/%d", ghShard, n); got != want {
					p.add("%s: --shard %s, want %s (the matrix has %d shards)", w.where, got, want, n)
				}
				if call.flag("--fail-on") != "none" {
					p.add("%s: shards need --fail-on none: the merge decides", w.where)
				}
				out, cache = call.flag("-o"), call.flag("--cache")
				if len(call.args) == 1 {
					list = call.args[0]
				}
				if !strings.Contains(out, ghShard) {
					p.add("%s: -o %s does not name the shard", w.where, out)
				}
				if cache == "" || strings.Contains(cache, "matrix.") {
					p.add("%s: --cache %q must be the same path on every runner (SARIF names files relative to the clone)", w.where, cache)
				}
			}
		}
		for _, s := range job.Steps {
			switch {
			case s.action("actions/cache"):
				if nospace(s.With["path"]) != cache {
					p.add("%s: actions/cache keeps %s, kscan clones into %s", w.where, s.With["path"], cache)
				}
				if key := nospace(s.With["key"]); !strings.Contains(key, ghShard) || !strings.Contains(key, "hashFiles('"+list+"')") {
					p.add("%s: cache key %s should name the shard and the list's hash", w.where, s.With["key"])
				}
			case s.action("actions/upload-artifact"):
				artifact = nospace(s.With["name"])
				if nospace(s.With["path"]) != out {
					p.add("%s: uploads %s, the shard is written to %s", w.where, s.With["path"], out)
				}
				if !strings.Contains(artifact, ghShard) {
					p.add("%s: artifact %s does not name the shard", w.where, artifact)
				}
				if !strings.Contains(s.If, "always()") {
					p.add("%s: upload the shard if: always(), or a shard that exits 3 loses what it scanned", w.where)
				}
			}
		}
		if out == "" || artifact == "" {
			p.add("%s: job %s should run kscan batch and upload its output", w.where, id)
		}
	}
	if shardJob == "" {
		p.add("%s: no job with a shard matrix", w.where)
		return
	}

	merged := false
	for id, job := range w.Jobs {
		var dl *step
		for i, s := range job.Steps {
			if s.action("actions/download-artifact") {
				dl = &job.Steps[i]
			}
			if s.action("actions/setup-go") {
				checkGoVersion(p, w.where, s.With["go-version"], goVer)
			}
			for _, call := range kscanCalls(s.Run, "merge") {
				merged = true
				if !needs(job.Needs, shardJob) || !strings.Contains(job.If, "always()") {
					p.add("%s: job %s should need %s and run if: always()", w.where, id, shardJob)
				}
				if dl == nil {
					p.add("%s: job %s merges before downloading the shards", w.where, id)
					continue
				}
				// With pattern (and without merge-multiple) each artifact
				// is extracted into path/<artifact name>.
				if dl.With["merge-multiple"] == "true" || dl.With["pattern"] == "" {
					p.add("%s: download the shards with pattern and without merge-multiple, one directory each", w.where)
				}
				var want []string
				for i := 1; i <= n; i++ {
					name := strings.ReplaceAll(artifact, ghShard, fmt.Sprint(i))
					if ok, _ := path.Match(dl.With["pattern"], name); !ok {
						p.add("%s: pattern %s does not match artifact %s", w.where, dl.With["pattern"], name)
					}
					want = append(want, path.Join(dl.With["path"], name))
				}
				if !slices.Equal(call.args, want) {
					p.add("%s: kscan merge %v, want the downloaded shards %v", w.where, call.args, want)
				}
				all := call.flag("-o")
				if !strings.Contains(job.stepsText(), all+"/summary.md") {
					p.add("%s: %s/summary.md is not shown in the job summary", w.where, all)
				}
			}
		}
	}
	if !merged {
		p.add("%s: no job runs kscan merge", w.where)
	}
}

func (j workflowJob) stepsText() string {
	var b strings.Builder
	for _, s := range j.Steps {
		b.WriteString(s.Run)
		b.WriteString("\n")
	}
	return b.String()
}

// needs reports whether a job's needs (a name or a list) includes job.
func needs(n yaml.Node, job string) bool {
	var one string
	if n.Decode(&one) == nil {
		return one == job
	}
	var list []string
	return n.Decode(&list) == nil && slices.Contains(list, job)
}

func checkGoVersion(p *problems, where, got, want string) {
	if got != want {
		p.add("%s: setup-go go-version %q, go.mod needs %s", where, got, want)
	}
}

// --- repos.txt and Dockerfile ---

// checkRepoList checks that every line of the sample list is usable and
// that its commented-out examples (ssh, a local path) would be too.
func checkRepoList(p *problems, data []byte, dir string) {
	const where = examplesBatch + "/repos.txt"
	entries := checkEntries(p, where, string(data), dir)
	forms := map[string]bool{}
	lines := strings.Split(string(data), "\n")
	for _, e := range entries {
		f := strings.Fields(strings.SplitN(lines[e.Line-1], " #", 2)[0])
		switch {
		case len(f) == 1:
			forms["url"] = true
		case len(f) == 2 && e.Ref != "":
			forms["url ref"] = true
		case len(f) == 2:
			forms["url role"] = true
		case f[1] == "-":
			forms["url - role"] = true
		}
	}
	var commented []string
	for _, l := range lines {
		rest, ok := strings.CutPrefix(l, "# ")
		if f := strings.Fields(rest); ok && len(f) > 0 && (strings.Contains(f[0], "@") || strings.HasPrefix(f[0], "../")) {
			commented = append(commented, rest)
			if strings.Contains(f[0], "@") {
				forms["ssh"] = true
			} else {
				forms["local"] = true
			}
		}
	}
	checkEntries(p, where+" (commented-out lines)", strings.Join(commented, "\n"), dir)
	for _, f := range []string{"url", "url ref", "url role", "url - role", "ssh", "local"} {
		if !forms[f] {
			p.add("%s: no example of the form %q", where, f)
		}
	}
}

// checkReadmeList checks the list shown in README.md, whose local path is
// relative to this directory like repos.txt's.
func checkReadmeList(p *problems, readme, dir string) {
	const where = examplesBatch + "/README.md"
	_, after, ok := strings.Cut(readme, "## The list")
	_, block, ok2 := strings.Cut(after, "```text\n")
	block, _, ok3 := strings.Cut(block, "```")
	if !ok || !ok2 || !ok3 {
		p.add("%s: no list example under \"## The list\"", where)
		return
	}
	checkEntries(p, where, block, dir)
}

func checkDockerfile(p *problems, df, goVer string) {
	const where = examplesBatch + "/Dockerfile"
	if !strings.Contains(df, "FROM golang:"+goVer+"-") {
		p.add("%s: build stage should be golang:%s-*, the Go of go.mod", where, goVer)
	}
	for _, s := range []string{"CGO_ENABLED=1", "./cmd/kscan", "git", `ENTRYPOINT ["kscan"]`} {
		if !strings.Contains(df, s) {
			p.add("%s: missing %s", where, s)
		}
	}
	users := regexp.MustCompile(`(?m)^USER\s+(\S+)`).FindAllStringSubmatch(df, -1)
	if len(users) == 0 || strings.HasPrefix(users[len(users)-1][1], "0") || strings.HasPrefix(users[len(users)-1][1], "root") {
		p.add("%s: the image should run as a non-root user", where)
	}
}

// --- shell ---

// kscanCall is one 'kscan SUB ...' command of a shell script.
type kscanCall struct {
	flags map[string]string
	args  []string
}

func (c kscanCall) flag(name string) string { return c.flags[name] }

// kscanCalls finds the 'kscan sub' commands of a script. Words are split
// as the shell would for these simple scripts, and spaces inside $(( )) and
// ${{ }} are dropped, so "$(( I + 1 ))" is one word "$((I+1))".
func kscanCalls(script, sub string) []kscanCall {
	var out []kscanCall
	for _, words := range shellCommands(script) {
		for i := 0; i+1 < len(words); i++ {
			if path.Base(words[i]) != "kscan" || words[i+1] != sub {
				continue
			}
			c := kscanCall{flags: map[string]string{}}
			rest := words[i+2:]
			for j := 0; j < len(rest); j++ {
				w := rest[j]
				if !strings.HasPrefix(w, "-") {
					c.args = append(c.args, w)
					continue
				}
				name, val, ok := strings.Cut(w, "=")
				if name == "--output" {
					name = "-o"
				}
				if !ok && name != "--force" && j+1 < len(rest) {
					j++
					val = rest[j]
				}
				c.flags[name] = val
			}
			out = append(out, c)
			break
		}
	}
	return out
}

// shellCommands splits a script into commands (at newlines, ";", "&&",
// "||", "|") of words, joining continued lines and dropping comments.
func shellCommands(script string) [][]string {
	script = strings.ReplaceAll(script, "\\\n", " ")
	var cmds [][]string
	var words []string
	var cur strings.Builder
	depth := 0
	var quote rune
	word := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	command := func() {
		word()
		if len(words) > 0 {
			cmds = append(cmds, words)
			words = nil
		}
	}
	rs := []rune(script)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote = r
		case r == '(' || r == '{':
			depth++
			cur.WriteRune(r)
		case r == ')' || r == '}':
			depth = max(0, depth-1)
			cur.WriteRune(r)
		case depth > 0:
			if !unicode.IsSpace(r) {
				cur.WriteRune(r)
			}
		case r == '\n' || r == ';' || r == '|' || r == '&':
			command()
		case r == ' ' || r == '\t':
			word()
		case r == '#' && cur.Len() == 0:
			for i+1 < len(rs) && rs[i+1] != '\n' {
				i++
			}
		default:
			cur.WriteRune(r)
		}
	}
	command()
	return cmds
}

func TestExamplesBatchShellWords(t *testing.T) {
	got := kscanCalls("for a in 1 2; do\n  kscan batch /l -o /o/s-$(( JOB_COMPLETION_INDEX + 1 )) \\\n  --shard=$(( JOB_COMPLETION_INDEX + 1 ))/4 --force # note\n  rc=$?\ndone && kscan merge a b -o c", "batch")
	if len(got) != 1 || !slices.Equal(got[0].args, []string{"/l"}) || got[0].flag("-o") != "/o/s-"+k8sShard ||
		got[0].flag("--shard") != k8sShard+"/4" {
		t.Errorf("kscanCalls = %+v", got)
	}
	m := kscanCalls(`kscan merge "a b" ${{ x }} -o c`, "merge")
	if len(m) != 1 || !slices.Equal(m[0].args, []string{"a b", "${{x}}"}) || m[0].flag("-o") != "c" {
		t.Errorf("kscanCalls = %+v", m)
	}
}

// --- running the examples ---
//
// The checks above read the examples; the tests below run their shell as
// the systems would, with a real kscan, on a list of local repositories:
// the Kubernetes pods' "sh -c" scripts with their volumes as directories,
// the GitHub workflow through ghRunner (see action_test.go), and the
// Dockerfile's build commands.

// batchRunList makes local repositories and a list of them: one with
// findings at error level and a clean one, plus a missing one when broken.
func batchRunList(t *testing.T, findings, broken bool) string {
	t.Helper()
	root := repoRoot(t)
	dir := t.TempDir()
	var lines []string
	if findings {
		gitRepo(t, filepath.Join(dir, "order"), filepath.Join(root, example), nil)
		lines = append(lines, "file://"+dir+"/order")
	}
	gitRepo(t, filepath.Join(dir, "clean"), "", map[string][]byte{"Ok.java": []byte("class Ok { int x() { return 1; } }\n")})
	lines = append(lines, "file://"+dir+"/clean module")
	if broken {
		lines = append(lines, "file://"+dir+"/missing")
	}
	return strings.Join(lines, "\n") + "\n"
}

// runPod runs a container's command as its pod would: the image's kscan
// on PATH, the volumes at their mount paths (here: directories), env.
func runPod(t *testing.T, c container, mounts map[string]string, env ...string) (int, string) {
	t.Helper()
	argv := append(slices.Clone(c.Command), c.Args...)
	if len(argv) != 3 || argv[0] != "sh" || argv[1] != "-c" {
		t.Fatalf("container %s runs %q; these tests know sh -c SCRIPT", c.Name, argv)
	}
	script := argv[2]
	for _, m := range c.VolumeMounts {
		if mounts[m.MountPath] == "" {
			t.Fatalf("no directory for the mount %s", m.MountPath)
		}
	}
	// One pass, longer mount paths first: a directory put in for one
	// mount (under /tmp) must not be rewritten again for another.
	keys := slices.Sorted(maps.Keys(mounts))
	slices.SortFunc(keys, func(a, b string) int { return len(b) - len(a) })
	alt := make([]string, len(keys))
	for i, k := range keys {
		alt[i] = regexp.QuoteMeta(k)
	}
	re := regexp.MustCompile(`(` + strings.Join(alt, "|") + `)(/|\s|$)`)
	script = re.ReplaceAllStringFunc(script, func(m string) string {
		sub := re.FindStringSubmatch(m)
		return mounts[sub[1]] + sub[2]
	})
	cmd := exec.Command("sh", "-c", script)
	cmd.Dir = t.TempDir()
	cmd.Env = append([]string{"PATH=" + filepath.Dir(kscanBin) + ":/usr/local/bin:/usr/bin:/bin", "HOME=" + t.TempDir(), "NO_COLOR=1"}, env...)
	for _, k := range []string{"GIT_CONFIG_GLOBAL", "GIT_CONFIG_NOSYSTEM", "TMPDIR"} {
		if v := os.Getenv(k); v != "" {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
	}
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode(), string(out)
	} else if err != nil {
		t.Fatal(err)
	}
	return 0, string(out)
}

func TestExamplesBatchKubernetesRuns(t *testing.T) {
	files := readExamples(t)
	var shards, merge *k8sObject
	var mergeDoc *yaml.Node
	for _, name := range []string{"k8s-indexed-job.yaml", "k8s-merge-job.yaml"} {
		docs, err := yamlDocs(files[name])
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			var o k8sObject
			if err := d.Decode(&o); err != nil {
				t.Fatal(err)
			}
			switch {
			case o.Kind == "Job" && o.Metadata.Name == "kscan-shards":
				shards = &o
			case o.Kind == "Job" && o.Metadata.Name == "kscan-merge":
				merge, mergeDoc = &o, d
			}
		}
	}
	if shards == nil || merge == nil || shards.Spec.Completions == nil {
		t.Fatal("want Jobs kscan-shards (with completions) and kscan-merge")
	}
	n := *shards.Spec.Completions

	for _, tc := range []struct {
		name      string
		list      string // "" : no list mounted
		attempts  []int  // kscan batch runs per pod, by index; nil: 1 each
		podCode   int
		mergeCode int
		summary   bool // the merge shows summary.md
	}{
		{"clean", batchRunList(t, false, false), nil, 0, 0, true},
		{"findings", batchRunList(t, true, false), nil, 0, 1, true},
		// Exit 3 is tried once more, then left to the merge.
		{"a repository fails", batchRunList(t, true, true), []int{2}, 0, 3, true},
		{"usage error", "", nil, 2, 2, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			config, out := t.TempDir(), t.TempDir()
			if tc.list != "" {
				os.WriteFile(filepath.Join(config, "repos.txt"), []byte(tc.list), 0o644)
			}
			retried := 0
			for i := 0; i < n; i++ {
				c := shards.Spec.Template.Spec.Containers[0]
				code, log := runPod(t, c, map[string]string{"/config": config, "/out": out, "/cache": t.TempDir(), "/tmp": t.TempDir()},
					fmt.Sprintf("JOB_COMPLETION_INDEX=%d", i))
				runs := strings.Count(log, " repositories in ")
				if tc.list == "" {
					runs = strings.Count(log, "kscan: ")
				}
				if code != tc.podCode || runs < 1 || runs > 2 {
					t.Errorf("pod %d: exit %d after %d runs, want exit %d\n%s", i, code, runs, tc.podCode, log)
				}
				if runs == 2 {
					retried++
					if !strings.Contains(log, "clone-failed") {
						t.Errorf("pod %d ran kscan twice without a failed repository:\n%s", i, log)
					}
				}
			}
			if want := len(tc.attempts); retried != want {
				t.Errorf("%d pods retried, want %d", retried, want)
			}
			// A stale summary must not be shown after exit 2.
			os.MkdirAll(filepath.Join(out, "all"), 0o755)
			os.WriteFile(filepath.Join(out, "all", "summary.md"), []byte("# stale summary\n"), 0o644)
			code, log := runPod(t, merge.Spec.Template.Spec.Containers[0], map[string]string{"/out": out})
			if code != tc.mergeCode || !strings.Contains(log, fmt.Sprintf("kscan merge: exit %d", tc.mergeCode)) {
				t.Errorf("merge: exit %d, want %d\n%s", code, tc.mergeCode, log)
			}
			if got := strings.Contains(log, "# kscan batch summary"); got != tc.summary || strings.Contains(log, "stale") {
				t.Errorf("merge shows the summary: %v, want %v\n%s", got, tc.summary, log)
			}
			// The merge Job's failure policy stops on kscan's own answers.
			if code != 0 && !podPolicyFails(mergeDoc, code) {
				t.Errorf("exit %d is retried by the merge Job's podFailurePolicy", code)
			}
		})
	}
}

// podPolicyFails reports whether a Job's podFailurePolicy fails the Job
// at once on this exit code.
func podPolicyFails(job *yaml.Node, code int) bool {
	var j struct {
		Spec struct {
			PodFailurePolicy struct {
				Rules []struct {
					Action      string `yaml:"action"`
					OnExitCodes *struct {
						Operator string `yaml:"operator"`
						Values   []int  `yaml:"values"`
					} `yaml:"onExitCodes"`
				} `yaml:"rules"`
			} `yaml:"podFailurePolicy"`
		} `yaml:"spec"`
	}
	if job.Decode(&j) != nil {
		return false
	}
	for _, r := range j.Spec.PodFailurePolicy.Rules {
		if r.Action == "FailJob" && r.OnExitCodes != nil && r.OnExitCodes.Operator == "In" && slices.Contains(r.OnExitCodes.Values, code) {
			return true
		}
	}
	return false
}

// TestExamplesBatchMatrixRuns runs the GitHub matrix workflow: four shard
// jobs and the merge, with the artifacts passed between them.
func TestExamplesBatchMatrixRuns(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash not installed")
	}
	for _, tc := range []struct {
		name        string
		list        string
		shardsFail  int    // shard jobs that fail (exit 3)
		mergeResult string // merge job
		mergeCode   int    // its Merge step
		summary     bool
	}{
		{"clean", batchRunList(t, false, false), 0, "success", 0, true},
		{"findings", batchRunList(t, true, false), 0, "failure", 1, true},
		{"a repository fails", batchRunList(t, true, true), 1, "failure", 3, true},
		{"usage error", "", 4, "failure", 2, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := t.TempDir()
			if tc.list != "" {
				os.WriteFile(filepath.Join(src, "repos.txt"), []byte(tc.list), 0o644)
			}
			r := newGHRunner(t)
			r.source = src
			res := r.runWorkflow(examplesBatch + "/github-matrix.yml")
			failed := 0
			for _, j := range res["shards"] {
				if j.Result != "success" {
					failed++
					t.Logf("shard %v: %s\n%s", j.Matrix, j.Result, stepLogs(j.Steps))
				}
				// The shard goes up even when its scan failed with exit 3.
				if up := j.step("Upload shard"); up == nil || (tc.list != "" && up.Outcome != "success") {
					t.Errorf("shard %v: upload %+v\n%s", j.Matrix, up, stepLogs(j.Steps))
				}
			}
			if len(res["shards"]) != 4 || failed != tc.shardsFail {
				t.Errorf("%d of %d shard jobs failed, want %d", failed, len(res["shards"]), tc.shardsFail)
			}
			if len(res["merge"]) != 1 {
				t.Fatalf("merge ran %d times", len(res["merge"]))
			}
			m := res["merge"][0]
			ms := m.step("Merge")
			if m.Result != tc.mergeResult || ms == nil || ms.Code != tc.mergeCode {
				t.Fatalf("merge job %s, Merge step %+v; want %s with exit %d\n%s", m.Result, ms, tc.mergeResult, tc.mergeCode, stepLogs(m.Steps))
			}
			if got := strings.Contains(m.Summary, "# kscan batch summary"); got != tc.summary {
				t.Errorf("job summary shows summary.md: %v, want %v\n%s", got, tc.summary, m.Summary)
			}
			if s := m.step("Upload report"); s == nil || s.Outcome != "success" {
				t.Errorf("report not uploaded: %+v", s)
			}
			if tc.summary {
				if _, err := os.Stat(filepath.Join(r.artifacts, "kscan-report", "report.html")); err != nil {
					t.Errorf("the report artifact has no report.html: %v", err)
				}
			}
		})
	}
}

// TestExamplesBatchDockerfileRuns runs the build stage's commands as
// 'docker build' would (sh -c, ARGs as environment, in the context), then
// the image's entry point and the run shown in its header. The runtime
// stage's package installs need root and the network and are left out.
func TestExamplesBatchDockerfileRuns(t *testing.T) {
	df := string(readExamples(t)["Dockerfile"])
	df = strings.ReplaceAll(df, "\\\n", " ")
	stage, out := 0, t.TempDir()
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}
	for _, k := range []string{"GOCACHE", "GOMODCACHE", "GOFLAGS", "GOPROXY", "TMPDIR"} {
		if v := os.Getenv(k); v != "" {
			env = append(env, k+"="+v)
		}
	}
	const version = "v0.0.0-dockerfile-test"
	var entry, cmdArgs []string
	ran := 0
	for _, line := range strings.Split(df, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		rest := strings.TrimSpace(strings.TrimPrefix(line, f[0]))
		switch f[0] {
		case "FROM":
			stage++
		case "ARG":
			name, def, _ := strings.Cut(rest, "=")
			if name == "VERSION" {
				def = version
			}
			env = append(env, name+"="+strings.Trim(def, `"`))
		case "RUN":
			if stage != 1 {
				continue
			}
			rest = strings.ReplaceAll(rest, "/out/", out+"/")
			c := exec.Command("sh", "-c", rest)
			c.Dir = repoRoot(t) // COPY . . of the context
			c.Env = env
			log, err := c.CombinedOutput()
			if err != nil {
				t.Fatalf("RUN %s: %v\n%s", rest, err, log)
			}
			ran++
			if strings.Contains(rest, "kscan version") && !strings.Contains(string(log), "kscan "+version) {
				t.Errorf("the image's kscan does not report the VERSION build argument:\n%s", log)
			}
		case "ENTRYPOINT", "CMD":
			var v []string
			if err := json.Unmarshal([]byte(rest), &v); err != nil {
				t.Fatalf("%s %s: %v", f[0], rest, err)
			}
			if f[0] == "ENTRYPOINT" {
				entry = v
			} else {
				cmdArgs = v
			}
		}
	}
	if ran < 2 {
		t.Fatalf("ran %d build commands", ran)
	}
	bin := filepath.Join(out, "kscan")
	if len(entry) != 1 || entry[0] != "kscan" {
		t.Fatalf("ENTRYPOINT %q", entry)
	}
	if o, err := exec.Command(bin, cmdArgs...).CombinedOutput(); err != nil || !strings.Contains(string(o), "Usage:") {
		t.Errorf("docker run IMAGE (%v): %v\n%s", cmdArgs, err, o)
	}
	// The header's run: a list in the working directory, the cache in it.
	work := t.TempDir()
	os.WriteFile(filepath.Join(work, "repos.txt"), []byte(batchRunList(t, true, false)), 0o644)
	m := regexp.MustCompile(`(?m)\skscan (batch [^\n]*)$`).FindStringSubmatch(df)
	if m == nil {
		t.Fatal("the Dockerfile's header shows no kscan batch run")
	}
	args := strings.Fields(strings.ReplaceAll(m[1], "/work", work))
	c := exec.Command(bin, args...)
	c.Dir = work
	o, err := c.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Errorf("kscan %s: %v, want exit 1 (findings at error)\n%s", m[1], err, o)
	}
	if _, err := os.Stat(filepath.Join(work, "out", "report.html")); err != nil {
		t.Error(err)
	}
}

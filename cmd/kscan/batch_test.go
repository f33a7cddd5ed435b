package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// gitRepo makes a repository with one commit holding the files of src.
func gitRepo(t *testing.T, dir, src string, extra map[string][]byte) {
	t.Helper()
	if src != "" {
		copyTree(t, src, dir)
	}
	for name, data := range extra {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	runCmd(t, dir, "git", "init", "-q", ".")
	runCmd(t, dir, "git", "add", "-A")
	runCmd(t, dir, "git", "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "init")
}

func runCmd(t *testing.T, dir string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// hangingGitServer accepts git:// connections and never answers: a clone
// from it hangs until the batch's timeout kills it.
func hangingGitServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns []net.Conn
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns = append(conns, c)
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		<-done
		for _, c := range conns {
			c.Close()
		}
	})
	return "git://" + ln.Addr().String() + "/slow/repo.git"
}

// batchFixture builds the repositories of a list: good ones, a base that
// needs adapters, an empty one, a missing one, one with a corrupt jar, one
// that hangs, and lines that are not paths or URLs.
func batchFixture(t *testing.T) (list string, want map[string]string) {
	t.Helper()
	root := repoRoot(t)
	dir := t.TempDir()
	gitRepo(t, filepath.Join(dir, "order"), filepath.Join(root, example), nil)
	runCmd(t, filepath.Join(dir, "order"), "git", "tag", "v1")
	gitRepo(t, filepath.Join(dir, "base"), filepath.Join(root, "testdata/projects/deps-maven-base"), nil)
	jar, err := os.ReadFile(filepath.Join(root, "testdata/bytecode/fixtures-8.jar"))
	if err != nil {
		t.Fatal(err)
	}
	gitRepo(t, filepath.Join(dir, "corrupt"), filepath.Join(root, example), map[string][]byte{"lib/broken.jar": jar[:len(jar)/3]})
	runCmd(t, dir, "git", "init", "-q", "--bare", "empty.git")
	local := filepath.Join(dir, "plain")
	copyTree(t, filepath.Join(root, example), local)

	lines := []string{
		"# repositories to merge into the shop base",
		"file://" + dir + "/order",
		"file://" + dir + "/base  -  base   # needs adapters",
		"file://" + dir + "/empty.git",
		"file://" + dir + "/missing",
		"file://" + dir + "/corrupt module",
		"--upload-pack=touch" + dir + "/pwned",
		"ftp://example.com/x.git",
		"plain module",
		"file://" + dir + "/order v1 library",
		hangingGitServer(t),
		"",
	}
	list = filepath.Join(dir, "repos.txt")
	if err := os.WriteFile(list, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	want = map[string]string{
		"file://" + dir + "/order":             "ok",
		"file://" + dir + "/base":              "ok",
		"file://" + dir + "/empty.git":         "empty",
		"file://" + dir + "/missing":           "clone-failed",
		"file://" + dir + "/corrupt":           "scan-errors",
		"--upload-pack=touch" + dir + "/pwned": "invalid",
		"ftp://example.com/x.git":              "invalid",
		"plain":                                "ok",
		"file://" + dir + "/order@v1":          "ok",
		lines[10]:                              "timed-out",
	}
	return list, want
}

type batchSummary struct {
	Totals struct {
		Repositories int            `json:"repositories"`
		States       map[string]int `json:"states"`
		Failed       int            `json:"failed"`
		NeedAdapters int            `json:"needAdapters"`
	} `json:"totals"`
	Repositories []struct {
		Repository string   `json:"repository"`
		Ref        string   `json:"ref"`
		State      string   `json:"state"`
		Reason     string   `json:"reason"`
		Adapters   []string `json:"adapters"`
		Roles      []string `json:"roles"`
		Findings   struct{ Error, Warning, Note int }
	} `json:"repositories"`
}

func readSummary(t *testing.T, dir string) batchSummary {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s batchSummary
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// outputs reads every file a batch wrote, with times taken out of JSON
// records, for comparing runs.
func outputs(t *testing.T, dir string, skip ...string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		for _, s := range skip {
			if rel == s {
				return nil
			}
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(rel, ".json") {
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				return fmt.Errorf("%s: %v", rel, err)
			}
			dropTimes(v)
			data, _ = json.MarshalIndent(v, "", " ")
		}
		out[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func dropTimes(v any) {
	switch x := v.(type) {
	case map[string]any:
		delete(x, "durationMs")
		delete(x, "finished")
		for _, e := range x {
			dropTimes(e)
		}
	case []any:
		for _, e := range x {
			dropTimes(e)
		}
	}
}

func sameOutputs(t *testing.T, what string, a, b map[string]string) {
	t.Helper()
	var keys []string
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if a[k] != b[k] {
			t.Errorf("%s: %s differs (%d vs %d bytes)", what, k, len(a[k]), len(b[k]))
		}
	}
}

func TestBatchEndToEnd(t *testing.T) {
	list, want := batchFixture(t)
	work := t.TempDir()
	cache := filepath.Join(work, "cache")
	// The timeout ends the hanging repository; it must also leave the
	// others room on a machine busy with every package's tests at once
	// (5s was seen to time out a small clone and scan there).
	args := func(out string, extra ...string) []string {
		return append([]string{"batch", list, "-o", filepath.Join(work, out), "--cache", cache,
			"--timeout", "15s", "--progress", "lines", "--fail-on", "none"}, extra...)
	}

	// An uninterrupted run: every repository is recorded with its state.
	r := kscan(t, work, args("full", "--jobs", "3")...)
	if r.code != exitRepos {
		t.Fatalf("exit %d, want %d (some repositories failed)\n%s", r.code, exitRepos, r.stderr)
	}
	full := readSummary(t, filepath.Join(work, "full"))
	if full.Totals.Repositories != len(want) {
		t.Fatalf("%d repositories, want %d", full.Totals.Repositories, len(want))
	}
	for _, repo := range full.Repositories {
		name := repo.Repository
		if repo.Ref != "" {
			name += "@" + repo.Ref
		}
		if want[name] != repo.State {
			t.Errorf("%s: state %q (%s), want %q", name, repo.State, repo.Reason, want[name])
		}
		if repo.State != "ok" && repo.State != "scan-errors" && repo.Reason == "" {
			t.Errorf("%s: %s without a reason", name, repo.State)
		}
		if strings.HasSuffix(name, "/base") && len(repo.Adapters) == 0 {
			t.Errorf("%s: no adapters needed, want the logback and spring-boot adapters", name)
		}
		if strings.HasSuffix(name, "/order") && repo.Findings.Error == 0 {
			t.Errorf("%s: no error findings", name)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(list), "pwned")); err == nil {
		t.Error("a list line was run as a git option")
	}
	for _, f := range []string{"summary.md", "report.html", "results.sarif", "batch.json"} {
		if fi, err := os.Stat(filepath.Join(work, "full", f)); err != nil || fi.Size() == 0 {
			t.Errorf("%s missing or empty: %v", f, err)
		}
	}
	validateSARIF(t, loadSchema(t), string(mustRead(t, filepath.Join(work, "full", "results.sarif"))))
	// Every repository has its row in summary.md, its section in the HTML
	// report and its run in the combined log.
	md := string(mustRead(t, filepath.Join(work, "full", "summary.md")))
	page := string(mustRead(t, filepath.Join(work, "full", "report.html")))
	combined := string(mustRead(t, filepath.Join(work, "full", "results.sarif")))
	var keys struct{ Repositories []string }
	json.Unmarshal(mustRead(t, filepath.Join(work, "full", "batch.json")), &keys)
	if len(keys.Repositories) != len(want) {
		t.Fatalf("batch.json lists %d repositories", len(keys.Repositories))
	}
	for _, k := range keys.Repositories {
		if !strings.Contains(page, `id="repo-`+k+`"`) || !strings.Contains(combined, `"kscan-batch/`+k+`/"`) {
			t.Errorf("%s: no section in report.html or no run in results.sarif", k)
		}
	}
	if rows := strings.Count(md, "\n| "); rows < len(want) {
		t.Errorf("summary.md has %d table rows, want at least %d", rows, len(want))
	}

	// Killed half-way, then run again: the same result as the run above.
	cmd := exec.Command(kscanBin, args("resumed", "--jobs", "1")...)
	cmd.Dir = work
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	statuses := func() int {
		m, _ := filepath.Glob(filepath.Join(work, "resumed", "repos", "*", "status.json"))
		return len(m)
	}
	deadline := time.Now().Add(60 * time.Second)
	for statuses() < 3 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	done := statuses()
	if done < 3 || done >= len(want) {
		t.Fatalf("killed after %d of %d repositories; the test needs a run stopped half-way", done, len(want))
	}
	r = kscan(t, work, args("resumed", "--jobs", "2")...)
	if r.code != exitRepos {
		t.Fatalf("resumed: exit %d\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "(current, reused)") {
		t.Errorf("resumed run reused nothing:\n%s", r.stderr)
	}
	sameOutputs(t, "resumed vs uninterrupted", outputs(t, filepath.Join(work, "full")), outputs(t, filepath.Join(work, "resumed")))

	// A third run has nothing to do but the failures.
	r = kscan(t, work, args("resumed")...)
	if n := strings.Count(r.stderr, "(current, reused)"); n != 5 {
		t.Errorf("re-run reused %d results, want 5 (every ok and scan-errors one)\n%s", n, r.stderr)
	}

	// Three shards merged: the same as one unsharded run.
	var shardDirs []string
	seen := map[string]string{}
	for i := 1; i <= 3; i++ {
		out := fmt.Sprintf("shard-%d", i)
		r := kscan(t, work, args(out, "--shard", fmt.Sprintf("%d/3", i))...)
		if r.code != exitClean && r.code != exitRepos {
			t.Fatalf("shard %d: exit %d\n%s", i, r.code, r.stderr)
		}
		shardDirs = append(shardDirs, filepath.Join(work, out))
		var m struct{ Repositories []string }
		if err := json.Unmarshal(mustRead(t, filepath.Join(work, out, "batch.json")), &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range m.Repositories {
			if prev, dup := seen[k]; dup {
				t.Errorf("%s in %s and %s", k, prev, out)
			}
			seen[k] = out
		}
	}
	if len(seen) != len(want) {
		t.Errorf("shards hold %d repositories, want %d", len(seen), len(want))
	}
	r = kscan(t, work, append([]string{"merge", "-o", filepath.Join(work, "merged"), "--fail-on", "none"}, shardDirs...)...)
	if r.code != exitRepos {
		t.Fatalf("merge: exit %d\n%s", r.code, r.stderr)
	}
	sameOutputs(t, "merged shards vs unsharded", outputs(t, filepath.Join(work, "full"), "batch.json"),
		outputs(t, filepath.Join(work, "merged"), "batch.json"))
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestBatchUsageErrors(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "list.txt")
	os.WriteFile(list, []byte(dir+"\n"), 0o644)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"batch", list}, "-o DIR"},
		{[]string{"batch", filepath.Join(dir, "nosuch.txt"), "-o", dir}, "nosuch.txt"},
		{[]string{"batch", list, "-o", dir, "--shard", "4/3"}, "bad shard"},
		{[]string{"batch", list, "-o", dir, "--shard", "x"}, "bad shard"},
		{[]string{"batch", list, "-o", dir, "--rule", "no-such-rule"}, "no-such-rule"},
		{[]string{"batch", list, "-o", dir, "--progress", "fancy"}, "--progress"},
		{[]string{"merge", dir, "-o", filepath.Join(dir, "m")}, "not a batch output directory"},
	} {
		r := kscan(t, dir, tc.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 naming %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
}

// TestMergeIncompleteShard: a shard stopped before it finished cannot be
// merged as if it were whole.
func TestMergeIncompleteShard(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "app")
	copyTree(t, filepath.Join(repoRoot(t), example), src)
	list := filepath.Join(dir, "list.txt")
	os.WriteFile(list, []byte("app\n"), 0o644)
	out := filepath.Join(dir, "out")
	if r := kscan(t, dir, "batch", list, "-o", out, "--fail-on", "none", "--progress", "none"); r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	m, _ := filepath.Glob(filepath.Join(out, "repos", "*", "status.json"))
	if len(m) != 1 {
		t.Fatalf("%d status files", len(m))
	}
	os.Remove(m[0])
	r := kscan(t, dir, "merge", out, "-o", filepath.Join(dir, "merged"))
	if r.code != exitUsage || !strings.Contains(r.stderr, "1 of 1 repositories have no result") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if !reflect.DeepEqual(readSummary(t, out).Totals.States, map[string]int{"ok": 1}) {
		t.Errorf("states %v", readSummary(t, out).Totals.States)
	}
}

// batchBound is what a batch of the example (a scan per repository, in
// child processes the figures include) may cost.
var batchBound = bound{cpu: 30 * time.Second, mib: 256}

// TestBatchStateIsData: what a batch reads back from its output directory
// (batch.json, status.json) is data. A status naming a file outside gets
// the repository scanned again, and every report file is rewritten; a
// shard whose batch.json names a path writes nothing outside -o.
func TestBatchStateIsData(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, filepath.Join(repoRoot(t), example), filepath.Join(dir, "app"))
	list := filepath.Join(dir, "list.txt")
	os.WriteFile(list, []byte("app\n"), 0o644)
	out := filepath.Join(dir, "out")
	run := func(args ...string) result {
		t.Helper()
		return kscanBounded(t, batchBound, dir, append([]string{"batch", list, "-o", out, "--fail-on", "none", "--progress", "lines"}, args...)...)
	}
	if r := run(); r.code != exitClean {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	first := outputs(t, out)
	m, _ := filepath.Glob(filepath.Join(out, "repos", "*", "status.json"))
	if len(m) != 1 {
		t.Fatalf("%d status files", len(m))
	}
	var st map[string]any
	json.Unmarshal(mustRead(t, m[0]), &st)
	st["sarif"] = "../../../../etc/passwd"
	data, _ := json.Marshal(st)
	os.WriteFile(m[0], data, 0o644)
	// Report files of the earlier run, marked: a resumed run owns them all.
	for _, f := range []string{"summary.json", "summary.md", "report.html", "results.sarif", "batch.json"} {
		os.WriteFile(filepath.Join(out, f), []byte("stale"), 0o644)
	}

	r := run()
	if r.code != exitClean || strings.Contains(r.stderr, "(current, reused)") || strings.Contains(r.stderr, "passwd") {
		t.Fatalf("resume after a hostile status: exit %d, want 0 and the repository scanned again\n%s", r.code, r.stderr)
	}
	sameOutputs(t, "rescanned vs first run", first, outputs(t, out))

	// A merge of a shard whose manifest names a path out of it.
	var man map[string]any
	json.Unmarshal(mustRead(t, filepath.Join(out, "batch.json")), &man)
	man["repositories"] = []string{"../../../X"}
	data, _ = json.Marshal(man)
	os.WriteFile(filepath.Join(out, "batch.json"), data, 0o644)
	merged := filepath.Join(dir, "m1", "m2", "m3", "merged")
	r = kscanBounded(t, small, dir, "merge", out, "-o", merged)
	if r.code != exitUsage || !strings.Contains(r.stderr, `"../../../X" is not a repository key`) || !strings.Contains(r.stderr, "batch.json") {
		t.Errorf("merge: exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "m1")); err == nil {
		t.Error("merge wrote something")
	}
	for _, p := range []string{filepath.Join(dir, "X"), filepath.Join(filepath.Dir(dir), "X")} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("merge wrote %s", p)
		}
	}
}

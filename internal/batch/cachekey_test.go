package batch

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func TestCacheDir(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", "/var/cache/u")
	t.Setenv("HOME", "/home/u")
	got, err := CacheDir("")
	if err != nil || got != "/var/cache/u/kscan/repos" {
		t.Errorf("CacheDir(\"\") = %q, %v", got, err)
	}
	wd, _ := os.Getwd()
	if got, err := CacheDir("c"); err != nil || got != filepath.Join(wd, "c") {
		t.Errorf("CacheDir(c) = %q, %v", got, err)
	}
	if got, _ := CacheDir("/abs/c/"); got != "/abs/c" {
		t.Errorf("CacheDir(/abs/c/) = %q", got)
	}
	// One clone per list entry: repository, ref and role.
	es, err := ParseList(strings.NewReader("https://h/o/r\nhttps://h/o/r v1\nhttps://h/o/r.git/ base\n"), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range es {
		d := CloneDir("/c", &e)
		if filepath.Dir(d) != "/c" || seen[d] || filepath.Base(d) != e.Key {
			t.Errorf("line %d: clone directory %q", e.Line, d)
		}
		seen[d] = true
	}
}

func TestBuildRevision(t *testing.T) {
	bi := func(kv ...string) *debug.BuildInfo {
		b := &debug.BuildInfo{}
		for i := 0; i+1 < len(kv); i += 2 {
			b.Settings = append(b.Settings, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return b
	}
	for _, tc := range []struct {
		bi   *debug.BuildInfo
		want string
	}{
		{nil, ""},
		{bi(), ""},
		{bi("vcs.revision", "abc", "vcs.modified", "false"), "abc"},
		{bi("vcs.revision", "abc"), "abc"},
		{bi("vcs.revision", "abc", "vcs.modified", "true"), ""}, // a dirty tree: by the executable's bytes
	} {
		if got := buildRevision(tc.bi); got != tc.want {
			t.Errorf("buildRevision(%v) = %q, want %q", tc.bi, got, tc.want)
		}
	}
}

// The reuse key changes with everything that decides a result besides the
// commit, and with nothing else.
func TestReuseKey(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	self := write("kscan", "build 1")
	cfg := write("kscan.yaml", "mode: static\n")
	table := write("adapters.yaml", "adapters: []\n")
	meta := []any{[]any{"rule-a", "Title A", true, "error", "help"}}
	args := []string{"--config", cfg, "--adapters", table, "--rule", "rule-a"}

	key := func(meta []any, rev, self string, args []string) string {
		t.Helper()
		k, err := reuseKey(meta, rev, self, args)
		if err != nil {
			t.Fatal(err)
		}
		if len(k) != 24 {
			t.Fatalf("key %q", k)
		}
		return k
	}
	base := key(meta, "", self, args)
	if again := key(meta, "", self, append([]string(nil), args...)); again != base {
		t.Error("the same inputs give another key")
	}
	differs := func(name, k string) {
		t.Helper()
		if k == base {
			t.Errorf("%s: same key", name)
		}
	}
	differs("rule metadata", key([]any{[]any{"rule-a", "Title A", true, "warning", "help"}}, "", self, args))
	differs("clean build", key(meta, "0123abc", self, args))
	differs("option", key(meta, "", self, append(args, "--mode", "static")))

	// Contents, not names: an edited config or table, another build.
	write("kscan.yaml", "mode: dynamic\n")
	differs("config edited", key(meta, "", self, args))
	write("kscan.yaml", "mode: static\n")
	write("adapters.yaml", "adapters: [x]\n")
	differs("table edited", key(meta, "", self, args))
	write("adapters.yaml", "adapters: []\n")
	write("kscan", "build 2")
	differs("development build rebuilt", key(meta, "", self, args))
	write("kscan", "build 1")
	if key(meta, "", self, args) != base {
		t.Error("restoring every input does not restore the key")
	}
	// A clean build is known by its revision: its bytes do not matter.
	clean := key(meta, "0123abc", self, args)
	write("kscan", "build 3")
	if key(meta, "0123abc", self, args) != clean {
		t.Error("a clean build's key depends on the executable's bytes")
	}

	// Files the scans read must be readable here.
	if _, err := reuseKey(meta, "", self, []string{"--config", filepath.Join(dir, "missing.yaml")}); err == nil {
		t.Error("a missing --config file gave a key")
	}
	if _, err := reuseKey(meta, "", self, []string{"--adapters", dir}); err == nil {
		t.Error("a directory as --adapters gave a key")
	}
	if _, err := reuseKey(meta, "", filepath.Join(dir, "no-kscan"), nil); err == nil {
		t.Error("a missing executable gave a key")
	}
	// The exported form digests the real rules and this test binary.
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	k1, err1 := ReuseKey(exe, nil)
	k2, err2 := ReuseKey(exe, []string{"--mode", "static"})
	if err1 != nil || err2 != nil || k1 == k2 {
		t.Errorf("ReuseKey: %q %v, %q %v", k1, err1, k2, err2)
	}
}

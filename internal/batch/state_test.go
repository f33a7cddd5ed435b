package batch

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kscan/kscan/internal/safefs"
)

func TestValidKey(t *testing.T) {
	for _, k := range []string{
		"github.com-acme-order-service-0a1b2c3d", "line-7-deadbeef", "o-r@v1.2.module-00000000",
		"-x-y-12345678", strings.Repeat("a", 60) + "-12345678",
	} {
		if err := ValidKey(k); err != nil {
			t.Errorf("%q: %v", k, err)
		}
	}
	for _, k := range []string{
		"", "..", ".", "../../../X", "a/b-12345678", `a\b-12345678`, "a..b-12345678", ".hidden-12345678",
		"repos-1234567", "repos-1234567G", "x-12345678/", "x-12345678\x00", "é-12345678",
		strings.Repeat("a", 61) + "-12345678", "/etc/passwd", "x-12345678\n",
	} {
		if err := ValidKey(k); err == nil {
			t.Errorf("%q accepted", k)
		}
	}
}

// A status read back from disk is data: whatever it names, the result
// used is repos/<key>/result.sarif, and a status that does not hold up
// means scanning the repository again.
func TestResumeDistrustsState(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.sarif")
	if err := os.WriteFile(secret, []byte(fakeLog), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		tamper func(t *testing.T, dir string, st map[string]any)
	}{
		{"sarif names a file outside", func(t *testing.T, dir string, st map[string]any) {
			st["sarif"] = "../../../../etc/passwd"
		}},
		{"sarif names another repository's log", func(t *testing.T, dir string, st map[string]any) {
			st["sarif"] = "repos/other-12345678/result.sarif"
		}},
		{"key of another repository", func(t *testing.T, dir string, st map[string]any) {
			st["key"] = "../../x-12345678"
		}},
		{"unknown state", func(t *testing.T, dir string, st map[string]any) { st["state"] = "great" }},
		{"ok without a log", func(t *testing.T, dir string, st map[string]any) { delete(st, "sarif") }},
		{"log missing", func(t *testing.T, dir string, st map[string]any) {
			os.Remove(filepath.Join(dir, SARIFFile))
		}},
		{"log unparsable", func(t *testing.T, dir string, st map[string]any) {
			os.WriteFile(filepath.Join(dir, SARIFFile), []byte(`{"runs":[`), 0o644)
		}},
		{"log with no runs", func(t *testing.T, dir string, st map[string]any) {
			os.WriteFile(filepath.Join(dir, SARIFFile), []byte(`{"version":"2.1.0","runs":[]}`), 0o644)
		}},
		{"log is a link outside", func(t *testing.T, dir string, st map[string]any) {
			os.Remove(filepath.Join(dir, SARIFFile))
			if err := os.Symlink(secret, filepath.Join(dir, SARIFFile)); err != nil {
				t.Fatal(err)
			}
		}},
		{"log is a directory", func(t *testing.T, dir string, st map[string]any) {
			os.Remove(filepath.Join(dir, SARIFFile))
			os.Mkdir(filepath.Join(dir, SARIFFile), 0o755)
		}},
		{"status too large", func(t *testing.T, dir string, st map[string]any) {
			st["reason"] = strings.Repeat("x", safefs.MaxState)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			es := localEntries(t, "a")
			fs := &fakeScanner{}
			out := t.TempDir()
			o := Options{Out: out, Jobs: 1, Scan: fs.scan, KscanVersion: "1", RulesVersion: "r"}
			if _, err := Run(context.Background(), es, o); err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(out, ReposDir, es[0].Key)
			statusPath := filepath.Join(dir, StatusFile)
			var st map[string]any
			if err := json.Unmarshal(mustReadFile(t, statusPath), &st); err != nil {
				t.Fatal(err)
			}
			tc.tamper(t, dir, st)
			data, _ := json.Marshal(st)
			if err := os.WriteFile(statusPath, data, 0o644); err != nil {
				t.Fatal(err)
			}

			fs.calls.Store(0)
			res, err := Run(context.Background(), es, o)
			if err != nil {
				t.Fatal(err)
			}
			if res.Reused != 0 || fs.calls.Load() != 1 {
				t.Errorf("reused %d, scanned %d: want the repository scanned again", res.Reused, fs.calls.Load())
			}
			got := res.Statuses[0]
			if got.State != StateScanErrors || got.SARIF != sarifRel(es[0].Key) || got.Key != es[0].Key {
				t.Errorf("status after the rescan: %+v", got)
			}
			if fi, err := os.Lstat(filepath.Join(dir, SARIFFile)); err != nil || !fi.Mode().IsRegular() {
				t.Errorf("result.sarif is not a regular file after the rescan: %v", err)
			}
			if string(mustReadFile(t, secret)) != fakeLog {
				t.Error("the file outside the output directory changed")
			}
			// The summary reads what the status names: the rescanned log.
			s, err := Summarize(out, res.Statuses, "error")
			if err != nil || s.Totals.Findings.Error != 1 {
				t.Errorf("summary %+v, %v", s, err)
			}
		})
	}
}

// A status whose counts disagree with its log is counted again from the
// log when reused; an untouched one is reused as it is.
func TestResumeRecounts(t *testing.T) {
	es := localEntries(t, "a")
	fs := &fakeScanner{}
	out := t.TempDir()
	o := Options{Out: out, Jobs: 1, Scan: fs.scan, KscanVersion: "1", RulesVersion: "r"}
	if _, err := Run(context.Background(), es, o); err != nil {
		t.Fatal(err)
	}
	statusPath := filepath.Join(out, ReposDir, es[0].Key, StatusFile)
	var st Status
	json.Unmarshal(mustReadFile(t, statusPath), &st)
	st.Findings.Error, st.State, st.Reason, st.Notifications = 0, StateOK, "", 0
	data, _ := json.Marshal(st)
	os.WriteFile(statusPath, data, 0o644)

	fs.calls.Store(0)
	res, err := Run(context.Background(), es, o)
	if err != nil || res.Reused != 1 || fs.calls.Load() != 0 {
		t.Fatalf("reused %d, scanned %d, %v", res.Reused, fs.calls.Load(), err)
	}
	got := res.Statuses[0]
	if got.Findings.Error != 1 || got.State != StateScanErrors || got.Reason != "lib/x.jar: truncated zip" {
		t.Errorf("reused status not counted from its log: %+v", got)
	}
	var disk Status
	json.Unmarshal(mustReadFile(t, statusPath), &disk)
	if disk.Findings.Error != 1 || disk.State != StateScanErrors {
		t.Errorf("status.json not rewritten: %+v", disk)
	}
}

// Merging reads the shards' manifests and statuses as data: a key that is
// a path is an error naming the manifest, and nothing is written outside
// the output directory.
func TestMergeDistrustsState(t *testing.T) {
	newShard := func(t *testing.T) (string, []Entry) {
		es := localEntries(t, "a", "b")
		shard := t.TempDir()
		o := Options{Out: shard, Jobs: 1, Scan: (&fakeScanner{}).scan, KscanVersion: "1", RulesVersion: "r"}
		res, err := Run(context.Background(), es, o)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Finish(shard, res.Statuses, "error", &Manifest{List: "l", Out: res}); err != nil {
			t.Fatal(err)
		}
		return shard, es
	}
	writeManifest := func(t *testing.T, shard string, keys ...string) {
		data, _ := json.Marshal(map[string]any{"list": "l", "repositories": keys})
		if err := os.WriteFile(filepath.Join(shard, ManifestFile), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	for _, tc := range []struct {
		name   string
		tamper func(t *testing.T, shard string, es []Entry)
		want   string
	}{
		{"key climbs out", func(t *testing.T, shard string, es []Entry) {
			writeManifest(t, shard, es[0].Key, "../../../X")
		}, `"../../../X" is not a repository key`},
		{"absolute key", func(t *testing.T, shard string, es []Entry) {
			writeManifest(t, shard, "/tmp/X-12345678")
		}, "is not a repository key"},
		{"key twice", func(t *testing.T, shard string, es []Entry) {
			writeManifest(t, shard, es[0].Key, es[0].Key)
		}, "listed twice"},
		{"manifest not JSON", func(t *testing.T, shard string, es []Entry) {
			os.WriteFile(filepath.Join(shard, ManifestFile), []byte("{"), 0o644)
		}, ManifestFile},
		{"status names a file outside", func(t *testing.T, shard string, es []Entry) {
			p := filepath.Join(shard, ReposDir, es[1].Key, StatusFile)
			var st map[string]any
			json.Unmarshal(mustReadFile(t, p), &st)
			st["sarif"] = "../../../../etc/passwd"
			data, _ := json.Marshal(st)
			os.WriteFile(p, data, 0o644)
		}, "1 of 2 repositories have no result"},
		{"log unparsable", func(t *testing.T, shard string, es []Entry) {
			os.WriteFile(filepath.Join(shard, ReposDir, es[0].Key, SARIFFile), []byte("not json"), 0o644)
		}, "1 of 2 repositories have no result"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			shard, es := newShard(t)
			tc.tamper(t, shard, es)
			root := t.TempDir()
			out := filepath.Join(root, "a", "b", "c", "out")
			_, err := Merge([]string{shard}, out, "error")
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), shard) {
				t.Fatalf("err %v, want one naming %s and %q", err, shard, tc.want)
			}
			// Nothing anywhere under root but (at most) the empty output.
			filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					t.Errorf("merge wrote %s", p)
				}
				return nil
			})
		})
	}

	// Relative directories, as on a CI runner ("-o shard-3").
	rel, _ := newShard(t)
	t.Chdir(filepath.Dir(rel))
	if s, err := Merge([]string{filepath.Base(rel)}, "all", "error"); err != nil || s.Totals.Repositories != 2 {
		t.Fatalf("merge of relative directories: %+v, %v", s, err)
	}

	// Untouched, the same shards merge, and again into one of them.
	shard, _ := newShard(t)
	for _, out := range []string{filepath.Join(t.TempDir(), "all"), shard} {
		s, err := Merge([]string{shard}, out, "error")
		if err != nil || s.Totals.Repositories != 2 || s.Totals.Findings.Error != 2 {
			t.Fatalf("merge into %s: %+v, %v", out, s, err)
		}
		for _, name := range ReportFiles {
			if _, err := os.Stat(filepath.Join(out, name)); err != nil {
				t.Error(err)
			}
		}
	}
}

func mustReadFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

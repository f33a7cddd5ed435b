package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixable is a source with one error-level finding that has a fix
// (Class.forName(String) in a library: scanned with --role library, as
// where the role is unknown it is a note) and one info-level probe.
const fixable = `package p;

public class Lookup {
    Class<?> byName(String name) throws ClassNotFoundException {
        return Class.forName(name);
    }

    boolean hasJackson() {
        try {
            Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, Lookup.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
`

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for p, body := range files {
		abs := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(abs, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFixRefusesLinks: kscan fix . with src/Link.java pointing outside the
// tree leaves the link and its target alone, says so on stderr, prints no
// diff of it, and still fixes the regular files.
func TestFixRefusesLinks(t *testing.T) {
	base := t.TempDir()
	root, outside := filepath.Join(base, "repo"), filepath.Join(base, "outside")
	writeFiles(t, root, map[string]string{"src/Real.java": fixable})
	secret := strings.Replace(fixable, "class Lookup", "class Secret", 1) + "// host secret\n"
	writeFiles(t, outside, map[string]string{"Secret.java": secret})
	link := filepath.Join(root, "src", "Link.java")
	if err := os.Symlink(filepath.Join(outside, "Secret.java"), link); err != nil {
		t.Fatal(err)
	}

	d := kscan(t, root, "fix", "--diff", "--role", "library", ".")
	if d.code != 0 || strings.Contains(d.stdout, "host secret") || strings.Contains(d.stdout, "Link.java") {
		t.Errorf("fix --diff shows the link's target: exit %d\n%s", d.code, d.stdout)
	}
	if !strings.Contains(d.stdout, "+++ b/src/Real.java") {
		t.Errorf("fix --diff lost the regular file:\n%s", d.stdout)
	}

	r := kscanBounded(t, small, root, "fix", "--role", "library", ".")
	// The walk never follows a link out of the tree, so the link is not
	// even scanned; it is named on stderr.
	if r.code != 0 || !strings.Contains(r.stderr, "src/Link.java: symbolic link to a file outside the scanned root; not followed") {
		t.Errorf("fix: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("src/Link.java was replaced by a regular file")
	}
	if data, _ := os.ReadFile(filepath.Join(outside, "Secret.java")); string(data) != secret {
		t.Errorf("the link's target was written:\n%s", data)
	}
	if data, _ := os.ReadFile(filepath.Join(root, "src/Real.java")); !strings.Contains(string(data), "Class.forName(name, true, ") {
		t.Errorf("the regular file was not fixed:\n%s", data)
	}
}

// TestFixMinLevel: the error-level finding is fixed at every level; the
// info-level probe, whose message says the code is fine, keeps its code
// even when notes are asked for.
func TestFixMinLevel(t *testing.T) {
	for _, lvl := range []string{"error", "warning", "note"} {
		root := t.TempDir()
		writeFiles(t, root, map[string]string{"src/Lookup.java": fixable})
		r := kscan(t, root, "fix", "--role", "library", "--min-level", lvl, ".")
		if r.code != 0 || !strings.Contains(r.stderr, "fixed 1 findings in 1 file(s)") {
			t.Fatalf("--min-level %s: exit %d\n%s", lvl, r.code, r.stderr)
		}
		data, _ := os.ReadFile(filepath.Join(root, "src/Lookup.java"))
		if !strings.Contains(string(data), `Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, Lookup.class.getClassLoader())`) {
			t.Errorf("--min-level %s: the probe was rewritten:\n%s", lvl, data)
		}
	}
	root := t.TempDir()
	if r := kscan(t, root, "fix", "--min-level", "bogus", "."); r.code != 2 {
		t.Errorf("--min-level bogus: exit %d, want 2", r.code)
	}
}

// TestFixCleansStaleTemps: a temporary file that a kill -9 left beside a
// source is removed by the next run that writes there; files that only
// look like ours stay.
func TestFixCleansStaleTemps(t *testing.T) {
	root := t.TempDir()
	stale := ".kscan-fix-Lookup.java-00112233445566ff.tmp"
	other := ".Lookup.java.1234.tmp"
	writeFiles(t, root, map[string]string{
		"src/Lookup.java": fixable,
		"src/" + stale:    fixable[:40],
		"src/" + other:    "an editor's",
		"doc/" + stale:    "a directory kscan fix does not write to",
	})
	r := kscanBounded(t, small, root, "fix", "--role", "library", ".")
	if r.code != 0 || !strings.Contains(r.stderr, "removed src/"+stale) {
		t.Fatalf("fix: exit %d\n%s", r.code, r.stderr)
	}
	if _, err := os.Lstat(filepath.Join(root, "src", stale)); !os.IsNotExist(err) {
		t.Errorf("stale temporary file still there: %v", err)
	}
	for _, keep := range []string{"src/" + other, "doc/" + stale} {
		if _, err := os.Lstat(filepath.Join(root, keep)); err != nil {
			t.Errorf("%s removed", keep)
		}
	}
	ents, _ := os.ReadDir(filepath.Join(root, "src"))
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".kscan-fix-") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestSARIFFixesKeepMeaning: SARIF hands fixes to IDEs as quick fixes, so a
// finding whose edit would change what the code does carries none there:
// the switches whose restore would undo what the code needs, a presence
// probe, Ehcache's setShared(true), a lifecycle listener's guard, lookups in
// module code. The switches whose restore is mechanical do carry one.
func TestSARIFFixesKeepMeaning(t *testing.T) {
	rulesDir := filepath.Join(repoRoot(t), "testdata", "rules")
	type want struct {
		role, path string
		fixes      bool
		min        int // results expected at least
	}
	for _, w := range []want{
		{"auto", "tccl-not-restored/Refused.java", false, 11},
		{"auto", "static-singleton-first-wins/EhcacheConfig.java", false, 3},
		{"auto", "shared-lifecycle-listener/DubboListener.java", false, 2},
		{"module", "class-forname-caller-loader/module/ModuleCode.java", false, 1},
		{"module", "serviceloader-default-loader/module/ModuleProviders.java", false, 1},
		{"auto", "tccl-not-restored/Offered.java", true, 4},
	} {
		r := kscan(t, rulesDir, "scan", "--format", "sarif", "--fail-on", "none", "--role", w.role, w.path)
		if r.code != 0 {
			t.Fatalf("%s: exit %d\n%s", w.path, r.code, r.stderr)
		}
		var log struct {
			Runs []struct {
				Results []struct {
					RuleID string            `json:"ruleId"`
					Fixes  []json.RawMessage `json:"fixes"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &log); err != nil || len(log.Runs) != 1 {
			t.Fatalf("%s: %v", w.path, err)
		}
		res := log.Runs[0].Results
		if len(res) < w.min {
			t.Errorf("%s: %d results, want at least %d", w.path, len(res), w.min)
		}
		for _, x := range res {
			if (len(x.Fixes) > 0) != w.fixes {
				t.Errorf("%s: %s result has %d fixes, want fixes: %v", w.path, x.RuleID, len(x.Fixes), w.fixes)
			}
		}
	}
	// The probes of the precision fixture (a literal name of another
	// library, and a loop over literal names the project settles as
	// constants): info findings, no fix; the lookups beside them keep theirs. (The real-shaped fixture's probes
	// discard their value: presence probes, not reported.)
	// Scanned as the fixture harness does, as shared code.
	r := kscan(t, rulesDir, "scan", "--format", "json", "--fail-on", "none", "--role", "library", "class-forname-caller-loader/shared/Precision.java")
	var out struct {
		Findings []struct {
			Severity string            `json:"severity"`
			Fixes    []json.RawMessage `json:"fixes"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	probes, fixed := 0, 0
	for _, f := range out.Findings {
		switch {
		case f.Severity == "info" && len(f.Fixes) > 0:
			t.Errorf("a probe carries a fix")
		case f.Severity == "info":
			probes++
		case len(f.Fixes) > 0:
			fixed++
		}
	}
	if probes != 2 || fixed != 5 {
		t.Errorf("probes %d (want 2), fixed lookups %d (want 5)", probes, fixed)
	}
}

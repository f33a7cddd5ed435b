package scanner

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner/finding"
)

const fixSrc = "class A {\n    void m() {\n        old();\n    }\n}\n"

// finding replaces "old" in fixSrc with "nu" at level lvl.
func fixFinding(path string, lvl rules.Level) finding.Finding {
	at := strings.Index(fixSrc, "old")
	return finding.Finding{RuleID: "r", Level: lvl, Path: path, Region: finding.Region{StartLine: 3},
		Fixes: []finding.Fix{{Description: "d", Edits: []finding.Edit{{New: "nu", Region: finding.Region{ByteOffset: at, ByteLength: 3}}}}}}
}

func fixWriteTree(t *testing.T, root string, files map[string]string) {
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

// TestPlanFixesMinLevel: only findings at or above the level are fixed;
// the rest are counted, not applied.
func TestPlanFixesMinLevel(t *testing.T) {
	root := t.TempDir()
	fixWriteTree(t, root, map[string]string{"E.java": fixSrc, "W.java": fixSrc, "N.java": fixSrc})
	res := &Result{Root: root, Findings: []finding.Finding{
		fixFinding("E.java", rules.LevelError), fixFinding("W.java", rules.LevelWarning), fixFinding("N.java", rules.LevelNote),
	}}
	for _, tc := range []struct {
		min   rules.Level
		want  []string
		below int
	}{
		{"", []string{"E.java", "W.java"}, 1},
		{rules.LevelWarning, []string{"E.java", "W.java"}, 1},
		{rules.LevelError, []string{"E.java"}, 2},
		{rules.LevelNote, []string{"E.java", "N.java", "W.java"}, 0},
	} {
		plan := PlanFixes(res, FixOptions{MinLevel: tc.min})
		var got []string
		for _, p := range plan.Patches {
			got = append(got, p.Path)
			if !strings.Contains(string(p.New), "nu();") {
				t.Errorf("%s: fix not applied:\n%s", p.Path, p.New)
			}
		}
		sort.Strings(got)
		if strings.Join(got, ",") != strings.Join(tc.want, ",") || plan.BelowLevel != tc.below {
			t.Errorf("min %q: patched %v (below %d), want %v (below %d)", tc.min, got, plan.BelowLevel, tc.want, tc.below)
		}
	}
}

// TestPlanFixesRefusesLinks: a source that is a symbolic link, to a file
// outside the tree or inside it, or a file reached through a linked
// directory that leads outside, is neither read into a patch nor written;
// each is reported with the reason.
func TestPlanFixesRefusesLinks(t *testing.T) {
	base := t.TempDir()
	root, outside := filepath.Join(base, "repo"), filepath.Join(base, "outside")
	fixWriteTree(t, root, map[string]string{"src/Real.java": fixSrc})
	fixWriteTree(t, outside, map[string]string{"Secret.java": fixSrc, "lib/B.java": fixSrc})
	fixMust(t, os.Symlink(filepath.Join(outside, "Secret.java"), filepath.Join(root, "src/Link.java")))
	fixMust(t, os.Symlink("Real.java", filepath.Join(root, "src/Inner.java")))
	fixMust(t, os.Symlink(filepath.Join(outside, "lib"), filepath.Join(root, "lib")))
	fixMust(t, syscall.Mkfifo(filepath.Join(root, "src/Fifo.java"), 0o644))
	res := &Result{Root: root}
	for _, p := range []string{"src/Real.java", "src/Link.java", "src/Inner.java", "lib/B.java", "src/Fifo.java"} {
		res.Findings = append(res.Findings, fixFinding(p, rules.LevelError))
	}
	plan := PlanFixes(res, FixOptions{})
	if len(plan.Patches) != 1 || plan.Patches[0].Path != "src/Real.java" {
		t.Fatalf("patches %+v, want only src/Real.java", plan.Patches)
	}
	reasons := map[string]string{}
	for _, s := range plan.Skipped {
		reasons[s.Path] = s.Reason
	}
	for p, want := range map[string]string{
		"src/Link.java":  "symbolic link",
		"src/Inner.java": "symbolic link",
		"lib/B.java":     "outside the scan root",
		"src/Fifo.java":  "not a regular file",
	} {
		if !strings.Contains(reasons[p], want) {
			t.Errorf("%s: reason %q, want it to say %q", p, reasons[p], want)
		}
	}
	for _, p := range []string{filepath.Join(outside, "Secret.java"), filepath.Join(outside, "lib/B.java")} {
		if data, _ := os.ReadFile(p); string(data) != fixSrc {
			t.Errorf("%s changed", p)
		}
	}
	if fi, err := os.Lstat(filepath.Join(root, "src/Link.java")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("src/Link.java is no longer a link: %v", err)
	}
}

// TestWritePatch: the file gets the new content and keeps its mode, no
// temporary file is left, and a file swapped for a link between plan and
// write is not written.
func TestWritePatch(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "repo")
	fixWriteTree(t, root, map[string]string{"a/A.java": fixSrc, "a/B.java": fixSrc, "Secret.java": fixSrc})
	fixMust(t, os.Chmod(filepath.Join(root, "a/A.java"), 0o640))
	res := &Result{Root: root, Findings: []finding.Finding{fixFinding("a/A.java", rules.LevelError), fixFinding("a/B.java", rules.LevelError)}}
	plan := PlanFixes(res, FixOptions{})
	if len(plan.Patches) != 2 {
		t.Fatalf("patches: %+v skipped: %+v", plan.Patches, plan.Skipped)
	}
	fixMust(t, WritePatch(plan.Patches[0]))
	fi, err := os.Stat(filepath.Join(root, "a/A.java"))
	fixMust(t, err)
	if fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", fi.Mode().Perm())
	}
	if data, _ := os.ReadFile(filepath.Join(root, "a/A.java")); !strings.Contains(string(data), "nu();") {
		t.Errorf("not written:\n%s", data)
	}
	// B.java becomes a link to a file outside the directory after planning.
	b := filepath.Join(root, "a/B.java")
	fixMust(t, os.Remove(b))
	fixMust(t, os.Symlink(filepath.Join(root, "Secret.java"), b))
	if err := WritePatch(plan.Patches[1]); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("write through a link: err = %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(root, "Secret.java")); string(data) != fixSrc {
		t.Errorf("the link's target was written")
	}
	if fi, err := os.Lstat(b); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced")
	}
	ents, _ := os.ReadDir(filepath.Join(root, "a"))
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	if err := WritePatch(FilePatch{Abs: b, New: []byte("x")}); err == nil {
		t.Error("a patch PlanFixes did not make was written")
	}
}

// TestCleanStaleTemps: a temporary file a killed run left is removed; files
// that only look like it are not.
func TestCleanStaleTemps(t *testing.T) {
	dir := t.TempDir()
	ours := ".kscan-fix-A.java-0123456789abcdef.tmp"
	keep := []string{
		"A.java",
		".A.java.1234.tmp",                       // another tool's temporary
		".kscan-fix-A.java-0123456789ABCDEF.tmp", // not our alphabet
		".kscan-fix-A.java-0123.tmp",             // not our length
		"kscan-fix-A.java-0123456789abcdef.tmp",  // no dot
		".kscan-fix-A.java-0123456789abcdef.tmp.orig",
	}
	fixWriteTree(t, dir, map[string]string{ours: "partial"})
	for _, k := range keep {
		fixWriteTree(t, dir, map[string]string{k: "keep"})
	}
	// Our pattern, but a directory and a link: not files we wrote.
	fixMust(t, os.Mkdir(filepath.Join(dir, ".kscan-fix-D.java-00000000000000aa.tmp"), 0o755))
	fixMust(t, os.Symlink("A.java", filepath.Join(dir, ".kscan-fix-L.java-00000000000000bb.tmp")))
	removed, err := CleanStaleTemps(dir)
	fixMust(t, err)
	if len(removed) != 1 || filepath.Base(removed[0]) != ours {
		t.Errorf("removed %v, want only %s", removed, ours)
	}
	for _, k := range append(keep, ".kscan-fix-D.java-00000000000000aa.tmp", ".kscan-fix-L.java-00000000000000bb.tmp") {
		if _, err := os.Lstat(filepath.Join(dir, k)); err != nil {
			t.Errorf("%s removed", k)
		}
	}
	// Names fixTempName makes are the ones CleanStaleTemps removes.
	name, err := fixTempName("Foo-Bar.java")
	fixMust(t, err)
	if !fixTempRE.MatchString(name) {
		t.Errorf("%s does not match the cleanup pattern", name)
	}
}

func fixMust(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFatJarBase scans a base fat jar whose BOOT-INF/lib library loads
// classes with Class.forName(String): the finding is in the shared role,
// located at the jar with the class's source line, and names the entry.
func TestFatJarBase(t *testing.T) {
	r := kscan(t, "", "scan", "--format", "sarif", "--fail-on", "none", "testdata/bytecode/base-fat.jar")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	validateSARIF(t, loadSchema(t), r.stdout)
	var doc struct {
		Runs []struct {
			Results []struct {
				RuleID     string         `json:"ruleId"`
				Properties map[string]any `json:"properties"`
				Message    struct{ Text string }
				Locations  []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine int }
					}
					LogicalLocations []struct{ FullyQualifiedName string }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	const entry = "testdata/bytecode/base-fat.jar!/BOOT-INF/lib/plugin-lib.jar!/com/acme/lib/PluginLoader.class"
	found := false
	for _, res := range doc.Runs[0].Results {
		if res.RuleID != "class-forname-caller-loader" {
			continue
		}
		found = true
		loc := res.Locations[0]
		// The jar itself, with no line: a line of a binary means nothing.
		if loc.PhysicalLocation.ArtifactLocation.URI != "testdata/bytecode/base-fat.jar" || loc.PhysicalLocation.Region.StartLine != 0 {
			t.Errorf("location %+v", loc.PhysicalLocation)
		}
		if len(loc.LogicalLocations) != 1 || loc.LogicalLocations[0].FullyQualifiedName != "com.acme.lib.PluginLoader.load" {
			t.Errorf("logical location %+v", loc.LogicalLocations)
		}
		if res.Properties["role"] != "shared" || res.Properties["entry"] != entry || res.Properties["sourceLine"] != 5.0 {
			t.Errorf("properties %v", res.Properties)
		}
		if !strings.Contains(res.Message.Text, entry+" (PluginLoader.java:5)") {
			t.Errorf("message %q", res.Message.Text)
		}
	}
	if !found {
		t.Fatalf("no class-forname-caller-loader finding in\n%s", r.stdout)
	}
}

// TestBadCompiledInput: a truncated jar and a class file with a bad magic
// among good inputs each give a notification naming them; the good inputs
// are still scanned.
func TestBadCompiledInput(t *testing.T) {
	dir := t.TempDir()
	fat, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata/bytecode/base-fat.jar"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("libs/good.jar", fat)
	write("libs/truncated.jar", fat[:len(fat)/2])
	// An exploded class directory: one good class (taken from the fat jar's
	// library) and one with a bad magic.
	zr, err := zip.NewReader(bytes.NewReader(fat), int64(len(fat)))
	if err != nil {
		t.Fatal(err)
	}
	var lib []byte
	for _, f := range zr.File {
		if f.Name == "BOOT-INF/lib/plugin-lib.jar" {
			rc, _ := f.Open()
			lib, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	lr, err := zip.NewReader(bytes.NewReader(lib), int64(len(lib)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range lr.File {
		if strings.HasSuffix(f.Name, ".class") {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			write("classes/"+f.Name, data)
			bad := append([]byte{0xCA, 0xFE, 0xBA, 0xBF}, data[4:]...)
			write("classes/com/acme/lib/Bad.class", bad)
		}
	}
	r := kscan(t, dir, "scan", "--format", "json", "--fail-on", "none", "--min-level", "none", "libs", "classes")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var doc struct {
		Findings []struct {
			RuleID, Path string
		}
		Notifications []struct {
			Path, Kind, Message string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	notes := map[string]string{}
	for _, n := range doc.Notifications {
		notes[n.Path] += n.Kind + ": " + n.Message + "\n"
	}
	if !strings.Contains(notes["libs/truncated.jar"], "archive-") {
		t.Errorf("no notification for the truncated jar: %v", notes)
	}
	if !strings.Contains(notes["classes/com/acme/lib/Bad.class"], "magic") {
		t.Errorf("no notification for the bad class: %v", notes)
	}
	got := map[string]bool{}
	for _, f := range doc.Findings {
		if f.RuleID == "class-forname-caller-loader" {
			got[f.Path] = true
		}
	}
	for _, p := range []string{"libs/good.jar", "classes/com/acme/lib/PluginLoader.class"} {
		if !got[p] {
			t.Errorf("good input %s not scanned: findings %v", p, doc.Findings)
		}
	}
}

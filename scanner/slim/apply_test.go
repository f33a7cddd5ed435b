package slim

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kscan/kscan/rules/facts"
)

// ApplyBiz marks on the scan's project of a biz what its own pom leaves to
// the base, with the reasons loadBizJar's side gives kscan slim.
func TestApplyBiz(t *testing.T) {
	const biz = "../../testdata/slim/jars/biz-wildcard-1.0.0-ark-biz.jar"
	side, _, err := loadBizJar(biz)
	if err != nil {
		t.Fatal(err)
	}
	p := &facts.BuildProject{Path: "biz.jar", Kind: "jar", Role: facts.RoleModule}
	for _, d := range side.Deps {
		if side.Packaged[d.Key()] {
			p.Dependencies = append(p.Dependencies, facts.Dependency{GroupID: d.GroupID, ArtifactID: d.ArtifactID, Version: d.Version, Scope: "compile", Path: "biz.jar"})
		}
	}
	if notes := ApplyBiz(p, biz); len(notes) > 0 {
		t.Errorf("notes: %v", notes)
	}
	left := map[string]facts.Dependency{}
	for _, d := range p.Dependencies {
		if d.Shared {
			left[d.Key()] = d
		}
	}
	for key, pattern := range map[string]string{
		"org.apache.httpcomponents:httpclient":        "excludeGroupIds org.apache*",
		"com.fasterxml.jackson.core:jackson-databind": "excludeGroupIds com.fasterxml*",
		"org.apache.commons:commons-lang3":            "excludeGroupIds org.apache*",
	} {
		d, ok := left[key]
		switch {
		case !ok:
			t.Errorf("%s: not left to the base", key)
		case !strings.HasPrefix(d.SharedWhy, "biz.jar!/META-INF/maven/com.acme/biz-wildcard/pom.xml:") || !strings.HasSuffix(d.SharedWhy, pattern) || d.SharedUnproven:
			t.Errorf("%s: why %q (unproven %v), want the pom's %s", key, d.SharedWhy, d.SharedUnproven, pattern)
		case d.Path != "biz.jar" || d.Line != 0 || !strings.HasPrefix(d.Entry, "biz.jar!/META-INF/maven/com.acme/biz-wildcard/pom.xml:"):
			t.Errorf("%s: placed at %s:%d entry %q, want the jar with no line and the pom entry", key, d.Path, d.Line, d.Entry)
		}
	}
	if len(left) != 3 {
		t.Errorf("left to the base: %v, want 3", left)
	}
}

// A jar that cannot be read is a note naming it, and the project is left
// as the scan made it.
func TestApplyBizBad(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "broken-ark-biz.jar")
	os.WriteFile(bad, []byte("not a zip"), 0o644)
	p := &facts.BuildProject{Path: "broken-ark-biz.jar", Role: facts.RoleModule, Dependencies: []facts.Dependency{{GroupID: "a", ArtifactID: "b"}}}
	notes := ApplyBiz(p, bad)
	if len(notes) != 1 || notes[0].File != "broken-ark-biz.jar" || !strings.Contains(notes[0].Message, "slimming configuration was not read") {
		t.Errorf("notes %v", notes)
	}
	if len(p.Dependencies) != 1 {
		t.Errorf("dependencies changed: %v", p.Dependencies)
	}
}

package slim

import (
	"testing"

	"github.com/kscan/kscan/rules/facts"
)

func dep(g, a, v, scope, path string, line int) facts.Dependency {
	return facts.Dependency{GroupID: g, ArtifactID: a, Version: v, Scope: scope, Path: path, Line: line}
}

func TestBuildVerdicts(t *testing.T) {
	base := &Side{Path: "base.txt", Kind: KindList, Complete: true, Deps: []facts.Dependency{
		dep("org.a", "lib", "1.0", "compile", "base.txt", 1),
		dep("org.b", "lib", "2.0", "compile", "base.txt", 2),
		dep("com.g", "guava", "31", "compile", "base.txt", 3),
	}}
	mod := &Side{Path: "m", Kind: KindTree, Sizes: map[string]int64{"com.g:guava": 3000}, Declared: map[string]bool{"org.a:lib": true, "org.x:gone": true, "org.b:lib": true, "lombok:lombok": true},
		Deps: []facts.Dependency{
			dep("org.a", "lib", "1.0", "", "pom.xml", 10),           // excluded, base same: fine
			dep("org.x", "gone", "1.0", "", "pom.xml", 11),          // excluded, base lacks: error
			dep("org.b", "lib", "3.1", "", "pom.xml", 12),           // excluded, base 2.0: skew across a major
			dep("lombok", "lombok", "1", "provided", "pom.xml", 13), // provided, base lacks: unknown, no finding
			dep("com.g", "guava", "31", "", "list.txt", 2),          // transitive, declaredMode keeps it
		},
		Config: Config{DeclaredMode: true, DeclaredModeAt: "pom.xml:5", Patterns: []Pattern{
			{Key: KeyExcludeGroupIDs, Value: "org*", File: "pom.xml", Line: 6},
			{Key: KeyExcludeGroupIDs, Value: "com.g*", File: "pom.xml", Line: 7},
		}}}
	pl := Build(mod, base)
	want := map[string]string{
		"org.a:lib:1.0":   "left-to-base//",
		"org.x:gone:1.0":  "slimmed-but-missing-in-base/error/package",
		"org.b:lib:3.1":   "slimmed-version-skew/error/",
		"lombok:lombok:1": "unknown//",
		"com.g:guava:31":  "packaged-but-base-provides/note/",
	}
	if len(pl.Entries) != len(want) {
		t.Fatalf("entries = %+v", pl.Entries)
	}
	for _, e := range pl.Entries {
		if got := e.Verdict + "/" + e.Level + "/" + e.Action; got != want[e.Dependency] {
			t.Errorf("%s: %s, want %s (%s)", e.Dependency, got, want[e.Dependency], e.Reason)
		}
	}
	if pl.Errors != 2 || pl.Now != 3000 {
		t.Errorf("errors %d, now %d", pl.Errors, pl.Now)
	}

	// baseDependencyParentIdentity leaves out what the base has in the same
	// version, with no pattern.
	mod2 := &Side{Path: "m", Kind: KindTree, Deps: []facts.Dependency{dep("org.a", "lib", "1.0", "", "pom.xml", 3), dep("org.b", "lib", "9", "", "pom.xml", 4)},
		Config: Config{ParentIdentity: "g:base-parent", ParentIdentityAt: "pom.xml:2"}}
	pl = Build(mod2, base)
	if pl.Entries[0].Verdict != "left-to-base" || pl.Entries[1].Verdict != "packaged" {
		t.Errorf("parent identity: %+v", pl.Entries)
	}

	// A match-all pattern is a configuration problem, never a finding.
	mod3 := &Side{Path: "m", Kind: KindTree, Deps: []facts.Dependency{dep("org.x", "gone", "1", "", "pom.xml", 3)},
		Config: Config{Patterns: []Pattern{{Key: KeyExcludeGroupIDs, Value: "*", MatchesAll: true, File: "f", Line: 1}}}}
	pl = Build(mod3, base)
	if pl.Errors != 0 || pl.Entries[0].Level != "" || pl.Entries[0].Action != "" {
		t.Errorf("match-all: %+v", pl.Entries)
	}
}

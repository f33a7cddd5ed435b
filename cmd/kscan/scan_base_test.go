package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// slimRules are the rules that judge a module against its base.
var slimRules = map[string]bool{
	"slimmed-but-missing-in-base": true, "slimmed-version-skew": true,
	"packaged-but-base-provides": true, "module-class-unresolvable": true,
}

// scanFindings runs kscan scan --format json and returns its findings as
// "rule level path:line message" lines, sorted; message is left out when
// withMessage is false.
func scanFindings(t *testing.T, withMessage bool, args ...string) (all, slimming []string) {
	t.Helper()
	return scanFindingsIn(t, "", withMessage, args...)
}

// scanFindingsIn is scanFindings run from dir.
func scanFindingsIn(t *testing.T, dir string, withMessage bool, args ...string) (all, slimming []string) {
	t.Helper()
	r := kscan(t, dir, append([]string{"scan", "--format", "json", "--fail-on", "none"}, args...)...)
	if r.code != 0 {
		t.Fatalf("kscan scan %v: exit %d\n%s", args, r.code, r.stderr)
	}
	var rep struct {
		Findings []struct {
			RuleID, Level, Message, Path string
			Region                       struct{ StartLine int }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Findings {
		s := f.RuleID + " " + f.Level + " " + f.Path + ":" + itoa(f.Region.StartLine)
		if withMessage {
			s += " " + f.Message
		}
		all = append(all, s)
		if slimRules[f.RuleID] {
			slimming = append(slimming, s)
		}
	}
	sort.Strings(all)
	sort.Strings(slimming)
	return all, slimming
}

// under keeps the lines whose path is under dir.
func under(lines []string, dir string) []string {
	var out []string
	for _, l := range lines {
		at := strings.Fields(l)[2]
		p := at[:strings.LastIndexByte(at, ':')]
		if p == dir || strings.HasPrefix(p, dir+"/") || strings.HasPrefix(p, dir+"!/") {
			out = append(out, l)
		}
	}
	return out
}

// A module scanned alone with --base reports what it reports when its base
// sits in the scanned tree, whichever form the base takes.
func TestScanBaseSameAsInTree(t *testing.T) {
	const tree = "testdata/slim/tree"
	_, inTree := scanFindings(t, true, tree)
	if len(inTree) == 0 {
		t.Fatal("no slimming finding in the tree: the comparison would prove nothing")
	}
	for _, mod := range []string{"biz-props", "biz-pom", "biz-declared"} {
		want := under(inTree, tree+"/"+mod)
		if len(want) == 0 {
			t.Fatalf("%s: no slimming finding in the tree scan", mod)
		}
		for _, base := range []string{tree + "/base-app", tree + "/base-app/dependency-list.txt"} {
			all, got := scanFindings(t, true, "--base", base, tree+"/"+mod)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s --base %s:\n got %q\nwant %q", mod, base, got, want)
			}
			if b := under(all, tree+"/base-app"); len(b) > 0 {
				t.Errorf("%s --base %s: findings in the base: %q", mod, base, b)
			}
		}
	}
}

// A biz jar with the base's fat jar given apart: the same rules, levels and
// places as with both jars in the scan, the class check included; the
// base's own code is never reported, even when it lies in the target.
func TestScanBaseFatJar(t *testing.T) {
	const jars = "testdata/slim/jars"
	const biz = jars + "/biz-wildcard-1.0.0-ark-biz.jar"
	allInTree, inTree := scanFindings(t, false, jars)
	want, wantAll := under(inTree, biz), under(allInTree, biz)
	if !strings.Contains(strings.Join(want, "\n"), "module-class-unresolvable") {
		t.Fatalf("the jars scan has no class check finding: %q", want)
	}
	if !strings.Contains(strings.Join(wantAll, "\n"), "duplicate-framework-classes error") {
		t.Fatalf("the jars scan has no class-level duplicate-framework-classes finding: %q", wantAll)
	}
	for _, target := range []string{biz, jars} {
		all, got := scanFindings(t, false, "--base", jars+"/base-app.jar", target)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", target, got, want)
		}
		// The other rules that read the base too: duplicate-framework-classes
		// on the biz's bundled framework classes and its packaged libraries.
		if got := under(all, biz); strings.Join(got, "\n") != strings.Join(wantAll, "\n") {
			t.Errorf("%s, every rule:\n got %q\nwant %q", target, got, wantAll)
		}
		if b := under(all, jars+"/base-app.jar"); len(b) > 0 {
			t.Errorf("%s: findings in the base: %q", target, b)
		}
	}
	// A list names no classes: the class check has no base to resolve
	// against and stays silent rather than guess.
	_, got := scanFindings(t, false, "--base", "testdata/slim/tree/base-app/dependency-list.txt", biz)
	if strings.Contains(strings.Join(got, "\n"), "module-class-unresolvable") {
		t.Errorf("class check ran against a dependency list: %q", got)
	}
}

func TestScanBaseBad(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, []byte("nothing here\n"), 0o644)
	noStarter := filepath.Join(dir, "list.txt")
	os.WriteFile(noStarter, []byte("[INFO]    com.google.guava:guava:jar:31.1-jre:compile\n"), 0o644)
	cfgDir := t.TempDir()
	os.WriteFile(filepath.Join(cfgDir, ".kscan.yaml"), []byte("base: ../elsewhere\n"), 0o644)
	linkDir := t.TempDir()
	os.WriteFile(filepath.Join(linkDir, ".kscan.yaml"), []byte("base: base.jar\n"), 0o644)
	if err := os.Symlink(filepath.Join(repoRoot(t), "testdata/slim/jars/base-app.jar"), filepath.Join(linkDir, "base.jar")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		in   string
	}{
		{"missing", []string{"--base", "no/such/base", "testdata/slim/tree/biz-pom"}, "no/such/base: cannot read the base"},
		{"a module tree", []string{"--base", "testdata/slim/tree/biz-pom", "testdata/slim/tree/biz-props"}, "testdata/slim/tree/biz-pom: no project here builds a Koupleless base"},
		{"a biz jar", []string{"--base", "testdata/slim/jars/biz-clean-1.0.0-ark-biz.jar", "testdata/slim/jars/biz-wildcard-1.0.0-ark-biz.jar"}, "biz-clean-1.0.0-ark-biz.jar: this is a module"},
		{"not a list", []string{"--base", empty, "testdata/slim/tree/biz-pom"}, empty + ": "},
		{"no base starter", []string{"--base", noStarter, "testdata/slim/tree/biz-pom"}, "no koupleless-base-starter"},
		{"config leaves its directory", []string{"--root", cfgDir, cfgDir}, "base: \"../elsewhere\" leaves the directory"},
		{"config links out of its directory", []string{"--root", linkDir, linkDir}, "base: " + filepath.Join(linkDir, "base.jar") + " leads out of"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := kscan(t, "", append([]string{"scan"}, tc.args...)...)
			if r.code != 2 {
				t.Fatalf("exit %d, want 2\n%s%s", r.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stderr, tc.in) {
				t.Errorf("stderr %q lacks %q", r.stderr, tc.in)
			}
		})
	}
}

// base: in .kscan.yaml works as --base, relative to the file.
func TestScanBaseConfig(t *testing.T) {
	dir := copySlimTree(t, "testdata/slim/tree")
	os.WriteFile(filepath.Join(dir, ".kscan.yaml"), []byte("base: base-app/dependency-list.txt\n"), 0o644)
	r := kscan(t, dir, "scan", "--fail-on", "none", "biz-pom")
	if r.code != 0 || !strings.Contains(r.stdout, "slimmed-but-missing-in-base") {
		t.Errorf("exit %d, want the slimming finding of biz-pom\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// A base given with --base inside a scanned path is read, not scanned: its
// own code's findings, present without --base, are gone with it, and the
// modules' slimming findings stay.
func TestScanBaseNotScanned(t *testing.T) {
	dir := copySlimTree(t, "testdata/slim/tree")
	src := filepath.Join(dir, "base-app/src/main/java/com/acme")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(src, "Boot.java"), []byte("package com.acme;\n\npublic class Boot {\n    public static void stop() {\n        System.exit(1);\n    }\n}\n"), 0o644)
	for _, tc := range []struct {
		args     []string
		baseCode bool
	}{
		{nil, true},
		{[]string{"--base", "base-app"}, false},
	} {
		r := kscan(t, dir, append([]string{"scan", "--fail-on", "none"}, append(tc.args, ".")...)...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d\n%s", tc.args, r.code, r.stderr)
		}
		if got := strings.Contains(r.stdout, "base-app/src/main/java/com/acme/Boot.java"); got != tc.baseCode {
			t.Errorf("%v: finding in the base's code: %v, want %v\n%s", tc.args, got, tc.baseCode, r.stdout)
		}
		if !strings.Contains(r.stdout, "slimmed-but-missing-in-base") {
			t.Errorf("%v: the modules' slimming findings are gone\n%s", tc.args, r.stdout)
		}
	}
}

// Every rule that reads the base sees a base given with --base as it sees
// one in the tree, not only the slimming rules: duplicate-framework-classes
// and logging-binding-conflict keep their findings on the modules, and
// nothing is reported inside the given base.
func TestScanBaseAllRulesSameAsInTree(t *testing.T) {
	dir := copySlimTree(t, "testdata/slim/tree")
	// The base binds logback, a module packages the log4j2 binding.
	appendFile(t, filepath.Join(dir, "base-app/dependency-list.txt"), "[INFO]    ch.qos.logback:logback-classic:jar:1.2.11:compile\n")
	appendFile(t, filepath.Join(dir, "biz-declared/dependency-list.txt"), "[INFO]    org.apache.logging.log4j:log4j-slf4j-impl:jar:2.17.2:compile\n")
	scan := func(args ...string) []string {
		all, _ := scanFindingsIn(t, dir, true, args...)
		return all
	}
	inTree := scan(".")
	var want []string
	for _, mod := range []string{"biz-declared", "biz-pom", "biz-props"} {
		want = append(want, under(inTree, mod)...)
	}
	sort.Strings(want)
	joined := strings.Join(want, "\n")
	for _, rule := range []string{"duplicate-framework-classes", "logging-binding-conflict", "slimmed-but-missing-in-base"} {
		if !strings.Contains(joined, rule+" ") {
			t.Fatalf("no %s finding on the modules of the tree: the comparison would prove nothing\n%s", rule, joined)
		}
	}
	for _, base := range []string{"base-app", "base-app/dependency-list.txt"} {
		got := scan("--base", base, ".")
		if b := under(got, "base-app"); len(b) > 0 {
			t.Errorf("--base %s: findings in the base: %q", base, b)
		}
		if strings.Join(got, "\n") != joined {
			t.Errorf("--base %s:\n got %q\nwant %q", base, got, want)
		}
		// Each module alone with the base given apart.
		for _, mod := range []string{"biz-declared", "biz-pom", "biz-props"} {
			if got, want := scan("--base", base, mod), under(inTree, mod); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("--base %s %s:\n got %q\nwant %q", base, mod, got, want)
			}
		}
	}
}

func appendFile(t *testing.T, name, text string) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}

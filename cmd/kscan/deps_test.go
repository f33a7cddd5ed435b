package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kscan/kscan/scanner/deps"
)

const (
	mavenBase     = "testdata/projects/deps-maven-base"
	gradleBase    = "testdata/projects/deps-gradle-base"
	logbackModule = "testdata/projects/deps-logback-module"
)

type depsDoc struct {
	Projects []struct {
		Path, Role   string
		Dependencies []struct{ Coordinate, Where, Source, Confidence string }
		Adapters     []struct{ Adapter, Dependency, Where, Row, Range string }
	}
	Why []struct {
		Dependency string
		Rows       []struct {
			Row, Range, Reason string
			Matched            bool
		}
	}
}

func depsJSON(t *testing.T, args ...string) depsDoc {
	t.Helper()
	r := kscan(t, "", append([]string{"deps", "--format", "json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("kscan deps: exit %d\n%s", r.code, r.stderr)
	}
	var doc depsDoc
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	return doc
}

// TestDepsSamples: the adapters each sample base needs, with the row that
// matched and the line that declares the dependency.
func TestDepsSamples(t *testing.T) {
	doc := depsJSON(t, "--adapters", mavenBase+"/extra-adapters.yaml", mavenBase, gradleBase, logbackModule)
	got := map[string]bool{}
	roles := map[string]string{}
	for _, p := range doc.Projects {
		roles[p.Path] = p.Role
		for _, a := range p.Adapters {
			got[p.Path+" "+a.Adapter+" "+a.Where+" "+a.Range] = true
		}
	}
	for _, w := range []string{
		mavenBase + "/app/pom.xml com.alipay.sofa.koupleless:koupleless-adapter-spring-boot-logback-2.7.14:1.2.3 " + mavenBase + "/app/pom.xml:16 [2.5.1,2.7.14]",
		mavenBase + "/app/pom.xml com.alipay.sofa.koupleless:koupleless-adaptor-module-resource-load-spring-boot-2.7.14:1.2.7 " + mavenBase + "/app/pom.xml:16 [2.1.0,2.7.14]",
		mavenBase + "/app/pom.xml com.alipay.sofa.koupleless:koupleless-adapter-logback:1.2.5 " + mavenBase + "/app/pom.xml:20 [1.1.7,1.2.13]",
		mavenBase + "/app/pom.xml com.alipay.sofa.koupleless:koupleless-adapter-log4j-slf4j-impl-2.17:1.2.7 " + mavenBase + "/app/pom.xml:24 (2.13.1,2.19.0)",
		mavenBase + "/app/pom.xml com.example.koupleless:legacy-client-adapter:2.0.1 " + mavenBase + "/app/pom.xml:28 [3.0,4.0)",
		gradleBase + "/build.gradle com.alipay.sofa.koupleless:koupleless-adapter-log4j2-spring-starter-2.7:1.2.2 " + gradleBase + "/build.gradle:8 [2.7.0,3.0.0)",
		gradleBase + "/build.gradle com.alipay.sofa.koupleless:koupleless-adapter-mybatis-3.5.15:1.2.7 " + gradleBase + "/build.gradle:9 [3.5.15,)",
		gradleBase + "/build.gradle com.alipay.sofa.koupleless:koupleless-adapter-log4j-slf4j-impl-2.17:1.2.7 " + gradleBase + "/gradle.lockfile:4 (2.13.1,2.19.0)",
	} {
		if !got[w] {
			t.Errorf("missing adapter match %s", w)
		}
	}
	for p, want := range map[string]string{mavenBase + "/app/pom.xml": "base", gradleBase + "/build.gradle": "base", logbackModule + "/pom.xml": "module"} {
		if roles[p] != want {
			t.Errorf("role of %s: %q, want %q", p, roles[p], want)
		}
	}
	// Versions come through the parent's imported BOM.
	found := false
	for _, p := range doc.Projects {
		for _, d := range p.Dependencies {
			if d.Coordinate == "org.springframework.boot:spring-boot-starter-web:2.7.10" && d.Where == mavenBase+"/app/pom.xml:16" && d.Confidence == "high" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("spring-boot-starter-web:2.7.10 from the BOM not listed: %+v", doc.Projects)
	}

	// --why: which rows were tried and which bound excluded the version.
	w := depsJSON(t, "--why", "org.springframework.boot:spring-boot", mavenBase)
	if len(w.Why) == 0 {
		t.Fatal("--why explained nothing")
	}
	var matched, excluded int
	for _, r := range w.Why[0].Rows {
		if r.Matched {
			matched++
		} else if r.Range == "[2.3.*]" && strings.Contains(r.Reason, "above every 2.3.* version") && !strings.Contains(r.Reason, "max") {
			excluded++
		}
	}
	if matched != 2 || excluded != 1 {
		t.Errorf("--why spring-boot: %d matched, %d excluded by [2.3.*]: %+v", matched, excluded, w.Why)
	}
	if r := kscan(t, "", "deps", "--why", "spring-boot", mavenBase); r.code != 2 {
		t.Errorf("--why without a group: exit %d", r.code)
	}
	if r := kscan(t, "", "deps", "--adapters", "no-such.yaml", mavenBase); r.code != 2 {
		t.Errorf("missing --adapters file: exit %d", r.code)
	}
}

// TestDepsFindings: the dependency rules end to end, on the declaring lines.
func TestDepsFindings(t *testing.T) {
	r := kscan(t, "", "scan", "--format", "json", "--fail-on", "none", mavenBase, gradleBase, logbackModule)
	var doc struct {
		Findings []struct {
			RuleID, Path, Severity string
			Region                 struct{ StartLine int }
			Fixes                  []struct{ Description string }
		}
		Notifications []struct{ Path, Message string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	got := map[string]bool{}
	fixes := 0
	for _, f := range doc.Findings {
		got[f.Path+":"+itoa(f.Region.StartLine)+" "+f.RuleID+":"+f.Severity] = true
		fixes += len(f.Fixes)
	}
	app := mavenBase + "/app/pom.xml"
	want := []string{
		app + ":16 adapter-required:medium",
		app + ":20 adapter-required:medium",
		app + ":24 adapter-required:medium",
		app + ":20 logback-context-selector-missing:medium",
		app + ":24 logging-binding-conflict:medium",
		app + ":16 logging-binding-conflict:medium", // log4j-to-slf4j from the web starter loops with log4j-slf4j-impl
		gradleBase + "/build.gradle:8 adapter-required:medium",
		gradleBase + "/gradle.lockfile:7 adapter-required:medium",
		logbackModule + "/pom.xml:9 duplicate-framework-classes:high",
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("missing finding %s", w)
		}
	}
	if fixes != 1 {
		t.Errorf("%d fixes, want one per base pom (every adapter inserted once)", fixes)
	}
	if len(doc.Notifications) != 0 {
		t.Errorf("notifications: %+v", doc.Notifications)
	}
	// Without a base in the scan, the module's logback is a framework the
	// base provides by convention: medium.
	r = kscan(t, "", "scan", "--format", "json", "--fail-on", "none", logbackModule)
	if !strings.Contains(r.stdout, `"duplicate-framework-classes"`) || !strings.Contains(r.stdout, `"medium"`) {
		t.Errorf("module alone:\n%s", r.stdout)
	}
}

// TestDepsFix: kscan fix inserts the adapters into the base pom once; the
// pom still parses and a second scan needs no adapter.
func TestDepsFix(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, filepath.Join(repoRoot(t), mavenBase), dir)
	r := kscan(t, dir, "fix", "--rule", "adapter-required", ".")
	if r.code != 0 {
		t.Fatalf("fix: exit %d\n%s", r.code, r.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "app", "pom.xml"))
	if err != nil {
		t.Fatal(err)
	}
	pom, err := deps.ParsePOM("app/pom.xml", data)
	if err != nil {
		t.Fatalf("fixed pom does not parse: %v\n%s", err, data)
	}
	n := map[string]int{}
	for _, d := range pom.Dependencies {
		n[d.GroupID+":"+d.ArtifactID+":"+d.Version]++
	}
	for _, a := range []string{
		"com.alipay.sofa.koupleless:koupleless-adapter-logback:1.2.5",
		"com.alipay.sofa.koupleless:koupleless-adapter-log4j-slf4j-impl-2.17:1.2.7",
		"com.alipay.sofa.koupleless:koupleless-adapter-spring-boot-logback-2.7.14:1.2.3",
		"com.alipay.sofa.koupleless:koupleless-adaptor-module-resource-load-spring-boot-2.7.14:1.2.7",
	} {
		if n[a] != 1 {
			t.Errorf("adapter %s inserted %d times:\n%s", a, n[a], data)
		}
	}
	if first := pom.Dependencies[0]; !strings.HasPrefix(first.ArtifactID, "koupleless-adapt") {
		t.Errorf("adapters are not first: %s", first.ArtifactID)
	}
	r = kscan(t, dir, "scan", "--format", "json", "--fail-on", "none", "--rule", "adapter-required", ".")
	if strings.Contains(r.stdout, `"ruleId": "adapter-required"`) {
		t.Errorf("adapters still required after the fix:\n%s", r.stdout)
	}
}

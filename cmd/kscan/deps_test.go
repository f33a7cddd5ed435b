package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
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

type depsNote struct{ Path, Kind, Level, Message string }

// depsEmptyM2 runs kscan deps as on a machine whose ~/.m2 is empty.
func depsEmptyM2(t *testing.T, args ...string) (depsDoc, []depsNote) {
	t.Helper()
	m2 := t.TempDir()
	r := kscan(t, "", append([]string{"deps", "--format", "json", "--m2", m2}, args...)...)
	if r.code != 0 {
		t.Fatalf("kscan deps: exit %d\n%s", r.code, r.stderr)
	}
	var doc depsDoc
	var notes struct{ Notifications []depsNote }
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	json.Unmarshal([]byte(r.stdout), &notes)
	return doc, notes.Notifications
}

// TestDepsCommonBases: ordinary bases whose Spring Boot parent or BOM is
// not in ~/.m2 still get their adapters, from the versions Spring Boot
// manages and the libraries the starters bring; each missing parent or BOM
// is one notification of kind unresolved-dependency.
func TestDepsCommonBases(t *testing.T) {
	const p = "testdata/projects/"
	tests := []struct {
		dir      string
		adapters []string // adapter artifactId @ the dependency it is for
		notes    []string // one substring per notification
	}{
		{"boot-parent-base", []string{
			"koupleless-adapter-spring-boot-logback-2.7.14 @ org.springframework.boot:spring-boot:2.7.10",
			"koupleless-adaptor-module-resource-load-spring-boot-2.7.14 @ org.springframework.boot:spring-boot:2.7.10",
			"koupleless-adapter-logback @ ch.qos.logback:logback-classic:1.2.11",
			"koupleless-adapter-logback-core-1.1.6 @ ch.qos.logback:logback-core:1.2.11",
		}, []string{"parent org.springframework.boot:spring-boot-starter-parent:2.7.10 is not in the scanned tree or ~/.m2: its properties and inherited dependencies are unknown; the versions of 1 dependency are unknown"}},
		{"boot-bom-log4j2-base", []string{
			"koupleless-adapter-log4j2-spring-starter-3.0 @ org.springframework.boot:spring-boot-starter-log4j2:3.1.5",
		}, []string{"BOM org.springframework.boot:spring-boot-dependencies:3.1.5 is not in the scanned tree or ~/.m2"}},
		{"dubbo-base", []string{"koupleless-adapter-dubbo-3.2 @ org.apache.dubbo:dubbo-common:3.2.9"}, nil},
		{"starters-base", []string{
			"koupleless-adapter-mybatis-3.5.15 @ org.mybatis:mybatis:3.5.17",
			"koupleless-adapter-rocketmq-4.4 @ org.apache.rocketmq:rocketmq-client:4.4.0",
			"koupleless-adapter-spring-boot-logback-2.7.14 @ org.springframework.boot:spring-boot:2.7.10",
			"koupleless-adaptor-module-resource-load-spring-boot-2.7.14 @ org.springframework.boot:spring-boot:2.7.10",
			// logback-classic 1.4.14 is declared: nearest wins, so the
			// starter's logback 1.2.11 (and its adapters) is not there.
		}, []string{"parent org.springframework.boot:spring-boot-starter-parent:2.7.10"}},
		{"corp-parent-base", nil, []string{"parent com.example.corp:corp-parent:5 is not in the scanned tree or ~/.m2: its properties and inherited dependencies are unknown; the versions of 2 dependencies are unknown"}},
	}
	for _, tc := range tests {
		t.Run(tc.dir, func(t *testing.T) {
			doc, notes := depsEmptyM2(t, p+tc.dir)
			got := map[string]bool{}
			for _, pr := range doc.Projects {
				for _, a := range pr.Adapters {
					ga := strings.Split(a.Adapter, ":")
					got[ga[1]+" @ "+a.Dependency] = true
				}
			}
			for _, w := range tc.adapters {
				if !got[w] {
					t.Errorf("missing adapter %s; got %v", w, got)
				}
			}
			if len(got) != len(tc.adapters) {
				t.Errorf("%d adapters, want %d: %v", len(got), len(tc.adapters), got)
			}
			if len(notes) != len(tc.notes) {
				t.Errorf("%d notifications, want %d: %+v", len(notes), len(tc.notes), notes)
			}
			for i, n := range notes {
				if n.Kind != "unresolved-dependency" || n.Level != "warning" {
					t.Errorf("kind %s level %s: %s", n.Kind, n.Level, n.Message)
				}
				if i < len(tc.notes) && !strings.Contains(n.Message, tc.notes[i]) {
					t.Errorf("notification %q lacks %q", n.Message, tc.notes[i])
				}
				if !strings.Contains(n.Message, "dependency-list.txt") {
					t.Errorf("no hint in %q", n.Message)
				}
				for _, builtin := range []string{"project.build.directory", "java.home", "settings.localRepository", "user.name", "only.in.plugin.configuration"} {
					if strings.Contains(n.Message, builtin) {
						t.Errorf("notification about %s: %s", builtin, n.Message)
					}
				}
			}
		})
	}
}

// TestDepsWhyUnknownVersion: --why says why a version is unknown, and never
// prints a range's internal bounds.
func TestDepsWhyUnknownVersion(t *testing.T) {
	m2 := t.TempDir()
	r := kscan(t, "", "deps", "--m2", m2, "--why", "org.springframework.boot:spring-boot", "testdata/projects/corp-parent-base")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	want := "version unknown because the version of org.springframework.boot:spring-boot-starter-web is unknown (parent com.example.corp:corp-parent:5 is not available)"
	if !strings.Contains(r.stdout, want) {
		t.Errorf("--why:\n%s\nwant %q", r.stdout, want)
	}
	for _, bad := range []string{"min", "max", "lower bound", "MATCH", "no match"} {
		if strings.Contains(r.stdout, bad) {
			t.Errorf("--why prints %q:\n%s", bad, r.stdout)
		}
	}
	if !strings.Contains(r.stdout, "range [2.3.*]") {
		t.Errorf("candidate rows not listed:\n%s", r.stdout)
	}
}

// TestScanStrictUnresolved: --strict fails on inputs that could not be
// read, not on dependencies that could not be resolved offline.
func TestScanStrictUnresolved(t *testing.T) {
	m2 := t.TempDir()
	r := kscan(t, "", "scan", "--format", "json", "--fail-on", "none", "--strict", "--m2", m2, "testdata/projects/boot-parent-base")
	if r.code != 0 {
		t.Errorf("--strict with only unresolved dependencies: exit %d\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, `"unresolved-dependency"`) {
		t.Errorf("no unresolved-dependency notification:\n%s", r.stdout)
	}
	dir := t.TempDir()
	copyTree(t, filepath.Join(repoRoot(t), "testdata/projects/boot-parent-base"), dir)
	if err := syscall.Mkfifo(filepath.Join(dir, "dependency-list.txt"), 0o644); err != nil {
		t.Skip(err)
	}
	r = kscan(t, dir, "scan", "--format", "json", "--fail-on", "none", "--strict", "--m2", m2, ".")
	if r.code != 1 || !strings.Contains(r.stdout, `"read-error"`) || !strings.Contains(r.stdout, "dependency-list.txt") {
		t.Errorf("--strict with an unreadable input: exit %d\n%s", r.code, r.stdout)
	}
}

// TestDepsDistributionSkipped: a distribution pom lists the app's
// libraries, but nothing in it runs: no adapter finding there.
func TestDepsDistributionSkipped(t *testing.T) {
	r := kscan(t, "", "scan", "--format", "json", "--fail-on", "none", "--rule", "adapter-required", "testdata/projects/dist-base")
	if !strings.Contains(r.stdout, `"testdata/projects/dist-base/app/pom.xml"`) {
		t.Errorf("no finding in the app:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, `"testdata/projects/dist-base/dist/pom.xml"`) {
		t.Errorf("finding in the distribution pom:\n%s", r.stdout)
	}
}

// TestDepsAdapterTableFIFO: an adapter table that is a FIFO is refused at
// once, not waited on.
func TestDepsAdapterTableFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "adapters.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	r := kscan(t, "", "deps", "--adapters", fifo, mavenBase)
	if r.code != 2 || !strings.Contains(r.stderr, "not a regular file") {
		t.Errorf("exit %d\n%s", r.code, r.stderr)
	}
	// The project's own conf/ark/adapter-mapping.yaml, when not a regular
	// file, is skipped with a word on stderr.
	dir := t.TempDir()
	copyTree(t, filepath.Join(repoRoot(t), mavenBase), dir)
	os.MkdirAll(filepath.Join(dir, "conf", "ark"), 0o755)
	if err := syscall.Mkfifo(filepath.Join(dir, "conf", "ark", "adapter-mapping.yaml"), 0o644); err != nil {
		t.Skip(err)
	}
	r = kscan(t, dir, "deps", ".")
	if r.code != 0 || !strings.Contains(r.stderr, "adapter-mapping.yaml") {
		t.Errorf("exit %d\n%s", r.code, r.stderr)
	}
}

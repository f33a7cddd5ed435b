package deps

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const td = "../../testdata/deps/"

var treePoms = []string{
	td + "maven/pom.xml",
	td + "maven/bom/pom.xml",
	td + "maven/app/pom.xml",
	td + "maven/base/pom.xml",
	td + "maven/module/pom.xml",
	td + "maven/orphan/pom.xml",
	td + "maven/nodeps/pom.xml",
	td + "maven/broken.xml",
}

func loadTree(t *testing.T, opts MavenOptions) *MavenResult {
	t.Helper()
	if opts.M2Repo == "" {
		opts.M2Repo = td + "m2"
	}
	return LoadMaven(treePoms, opts)
}

func project(t *testing.T, r *MavenResult, file string) *Project {
	t.Helper()
	for _, p := range r.Projects {
		if p.File == td+file {
			return p
		}
	}
	t.Fatalf("no project %s", file)
	return nil
}

func findDep(ds []Dependency, key string) *Dependency {
	for i := range ds {
		if ds[i].Key() == key {
			return &ds[i]
		}
	}
	return nil
}

func TestLoadMavenDependencies(t *testing.T) {
	r := loadTree(t, MavenOptions{})
	tests := []struct {
		project, key string
		version      string
		scope        string
		at           string // file:line of the declaring <dependency>
		conf         Confidence
		evidence     []string
	}{
		// Version and scope from the parent's dependencyManagement, whose
		// ${spring.version} is interpolated in the child (which overrides it).
		{"maven/app/pom.xml", "org.springframework:spring-core", "5.3.30", "compile", "maven/app/pom.xml:16", High,
			[]string{"maven/app/pom.xml:16 <dependency>", "version 5.3.30 from dependencyManagement (" + td + "maven/pom.xml:30)", "version from property ${spring.version} = 5.3.30 (" + td + "maven/app/pom.xml:12)"}},
		{"maven/app/pom.xml", "org.projectlombok:lombok", "1.18.30", "provided", "maven/app/pom.xml:20", High,
			[]string{"scope provided from dependencyManagement (" + td + "maven/pom.xml:35)"}},
		{"maven/app/pom.xml", "com.acme:acme-util", "1.2.0", "compile", "maven/app/pom.xml:24", High,
			[]string{"version from ${project.version} = 1.2.0"}},
		// From a BOM in the tree, imported by the parent.
		{"maven/app/pom.xml", "com.fasterxml.jackson.core:jackson-databind", "2.15.2", "compile", "maven/app/pom.xml:29", High,
			[]string{"bom/pom.xml:13", "${jackson.version} = 2.15.2", "imported by " + td + "maven/pom.xml:41"}},
		// From a BOM in the fake ~/.m2, whose own ${project.version} is its own.
		{"maven/app/pom.xml", "org.example:ext-core", "2.0.1", "compile", "maven/app/pom.xml:33", High,
			[]string{"ext-bom-2.0.pom:10"}},
		{"maven/app/pom.xml", "org.example:undefined-prop", "", "compile", "maven/app/pom.xml:37", Medium,
			[]string{"version ${foo.version} unresolved"}},
		{"maven/app/pom.xml", "org.example:cyclic", "", "compile", "maven/app/pom.xml:42", Medium, nil},
		{"maven/app/pom.xml", "org.example:chained", "3.1.4", "test", "maven/app/pom.xml:47", High,
			[]string{"${chain.a} = 3.1.4 (parent " + td + "maven/pom.xml:20)"}},
		{"maven/app/pom.xml", "org.example:parent-ver", "1.2.0", "compile", "maven/app/pom.xml:53", High, nil},
		// Inherited from the parent: points at the parent's line.
		{"maven/app/pom.xml", "org.slf4j:slf4j-api", "1.7.36", "compile", "maven/pom.xml:66", High,
			[]string{"parent " + td + "maven/pom.xml:66 <dependency>"}},
		// Parent from ~/.m2 (relativePath empty): properties and managed scope.
		{"maven/base/pom.xml", "com.alipay.sofa.koupleless:koupleless-base-starter", "1.3.3", "compile", "maven/base/pom.xml:14", High,
			[]string{"corp-parent-3.0.pom:9"}},
		{"maven/base/pom.xml", "ch.qos.logback:logback-classic", "1.2.12", "runtime", "maven/base/pom.xml:19", High, nil},
		{"maven/base/pom.xml", "org.example:from-env", "", "compile", "maven/base/pom.xml:23", Medium, nil},
		{"maven/module/pom.xml", "com.alibaba:fastjson", "1.2.83", "compile", "maven/module/pom.xml:21", High, nil},
		{"maven/orphan/pom.xml", "junit:junit", "", "test", "maven/orphan/pom.xml:9", Medium, nil},
	}
	for _, tc := range tests {
		t.Run(tc.project+"/"+tc.key, func(t *testing.T) {
			p := project(t, r, tc.project)
			d := findDep(p.Dependencies, tc.key)
			if d == nil {
				t.Fatalf("dependency %s missing", tc.key)
			}
			if got := fmt.Sprintf("%s:%d", d.File, d.Line); got != td+tc.at {
				t.Errorf("at %s, want %s", got, td+tc.at)
			}
			if d.Version != tc.version || d.Scope != tc.scope || d.Confidence != tc.conf || d.Source != PomDeclared {
				t.Errorf("got version %q scope %q conf %v source %v, want %q %q %v", d.Version, d.Scope, d.Confidence, d.Source, tc.version, tc.scope, tc.conf)
			}
			for _, e := range tc.evidence {
				if !strings.Contains(d.Evidence, e) {
					t.Errorf("evidence %q lacks %q", d.Evidence, e)
				}
			}
		})
	}
	pv := findDep(project(t, r, "maven/app/pom.xml").Dependencies, "org.example:parent-ver")
	if pv.Classifier != "tests" || !pv.Optional || pv.Type != "jar" {
		t.Errorf("parent-ver: %+v", pv.Coordinate)
	}
	// The top-level list has each declaring line once.
	n := 0
	for _, d := range r.Dependencies {
		if d.Key() == "org.slf4j:slf4j-api" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("slf4j-api listed %d times", n)
	}
	for i := 1; i < len(r.Dependencies); i++ {
		a, b := r.Dependencies[i-1], r.Dependencies[i]
		if a.File > b.File || a.File == b.File && a.Line > b.Line {
			t.Fatalf("Dependencies not sorted at %d", i)
		}
	}
}

func TestLoadMavenProjects(t *testing.T) {
	r := loadTree(t, MavenOptions{})
	if len(r.Projects) != 7 {
		t.Fatalf("%d projects, want 7 (broken.xml skipped)", len(r.Projects))
	}
	root := project(t, r, "maven/pom.xml")
	if got := root.Coordinate().String(); got != "com.acme:acme-parent:pom:1.2.0" {
		t.Errorf("root = %s", got)
	}
	if len(root.Modules) != 4 {
		t.Errorf("modules %v", root.Modules)
	}
	app := project(t, r, "maven/app/pom.xml")
	if app.GroupID != "com.acme" || app.Version != "1.2.0" || len(app.Parents()) != 1 || app.Parents()[0] != td+"maven/pom.xml" {
		t.Errorf("app: %s parents %v", app.Coordinate(), app.Parents())
	}
	if v, _ := app.Property("spring.version"); v != "5.3.30" {
		t.Errorf("app spring.version %q", v)
	}
	if v, _ := app.Property("chain.a"); v != "3.1.4" {
		t.Errorf("app chain.a %q", v)
	}
	// dependencyManagement: the parent's own entry wins over the BOM's.
	if m := app.Managed("org.springframework:spring-core"); m == nil || m.Version != "5.3.30" || m.Source != PomManaged {
		t.Errorf("managed spring-core %+v", m)
	}
	base := project(t, r, "maven/base/pom.xml")
	if ps := base.Parents(); len(ps) != 1 || !strings.HasSuffix(ps[0], "corp-parent-3.0.pom") {
		t.Errorf("base parents %v", ps)
	}
}

func TestLoadMavenNotifications(t *testing.T) {
	r := loadTree(t, MavenOptions{})
	want := []string{
		td + "maven/app/pom.xml:40: version ${foo.version} of org.example:undefined-prop: ${foo.version} is not defined",
		td + "maven/app/pom.xml:45: version ${cyc.a} of org.example:cyclic cannot be resolved: property cycle ${cyc.a} -> ${cyc.b} -> ${cyc.a}",
		td + "maven/broken.xml:4: invalid XML",
		// One notification for the missing parent, naming what it costs;
		// the orphan's ${junit.version} is one of its unknowns.
		td + "maven/orphan/pom.xml:2: parent com.acme:base-parent:1.0 is not in the scanned tree or ~/.m2: its properties and inherited dependencies are unknown; the versions of 1 dependency are unknown. Save `mvn dependency:list` output as dependency-list.txt",
		td + "maven/pom.xml:14: module missing-module",
		td + "maven/pom.xml:23: property cycle ${cyc.a} -> ${cyc.b} -> ${cyc.a}",
		td + "maven/pom.xml:55: BOM org.example:absent-bom:9.9 is not in the scanned tree or ~/.m2",
	}
	var got []string
	for _, n := range r.Notifications {
		got = append(got, n.String())
		// Built-ins of the build machine (env.*, java.home, ...) are known
		// names: nothing to report.
		if strings.Contains(n.Message, "env.") || strings.Contains(n.Message, "junit.version") {
			t.Errorf("unexpected notification %s", n)
		}
		if n.Kind != KindUnresolved && n.Kind != KindSyntax && n.Kind != KindModule {
			t.Errorf("kind %q: %s", n.Kind, n)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d notifications, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			if strings.HasPrefix(g, w) {
				found = true
			}
		}
		if !found {
			t.Errorf("missing notification %q in\n%s", w, strings.Join(got, "\n"))
		}
	}
}

func TestLoadMavenOptions(t *testing.T) {
	r := loadTree(t, MavenOptions{
		Getenv: func(k string) (string, bool) {
			if k == "KSCAN_TEST_VERSION" {
				return "7.7", true
			}
			return "", false
		},
		Properties: map[string]string{"junit.version": "4.13.2", "spring.version": "6.0.0"},
	})
	if d := findDep(project(t, r, "maven/base/pom.xml").Dependencies, "org.example:from-env"); d == nil || d.Version != "7.7" {
		t.Errorf("env: %+v", d)
	}
	if d := findDep(project(t, r, "maven/orphan/pom.xml").Dependencies, "junit:junit"); d == nil || d.Version != "4.13.2" {
		t.Errorf("user property: %+v", d)
	}
	// User properties win over pom properties, as -D does.
	if d := findDep(project(t, r, "maven/app/pom.xml").Dependencies, "org.springframework:spring-core"); d == nil || d.Version != "6.0.0" {
		t.Errorf("user property override: %+v", d)
	}
}

func TestLoadMavenNoRepo(t *testing.T) {
	r := LoadMaven([]string{td + "maven/base/pom.xml"}, MavenOptions{})
	d := findDep(r.Dependencies, "com.alipay.sofa.koupleless:koupleless-base-starter")
	if d == nil || d.Version != "" || d.Line != 14 {
		t.Errorf("%+v", d)
	}
	found := false
	for _, n := range r.Notifications {
		if strings.Contains(n.Message, "parent org.example:corp-parent:3.0 is not in the scanned tree or the local repository (off)") && n.Line == 4 && n.Kind == KindUnresolved {
			found = true
		}
	}
	if !found {
		t.Errorf("no missing-parent notification: %v", r.Notifications)
	}
}

// memFS serves poms from memory, to exercise lookups the tree above does
// not have.
type memFS map[string]string

func (m memFS) read(name string) ([]byte, error) {
	if s, ok := m[filepath.ToSlash(filepath.Clean(name))]; ok {
		return []byte(s), nil
	}
	return nil, os.ErrNotExist
}

func TestLoadMavenParentByCoordinates(t *testing.T) {
	fs := memFS{
		"x/parent/pom.xml": `<project><groupId>g</groupId><artifactId>p</artifactId><version>${revision}${changelist}</version>
<properties><revision>2.0</revision><changelist>-SNAPSHOT</changelist><v>9</v></properties></project>`,
		// relativePath points nowhere useful; the parent is found by G:A:V.
		"x/child/pom.xml": `<project>
  <parent><groupId>g</groupId><artifactId>p</artifactId><version>2.0-SNAPSHOT</version><relativePath>../nowhere</relativePath></parent>
  <artifactId>c</artifactId>
  <dependencies>
    <dependency><groupId>a</groupId><artifactId>b</artifactId><version>${v}-${project.version}-${pom.artifactId}-${version}</version></dependency>
  </dependencies>
</project>`,
		"z/.mvn/maven.config": "-Drevision=3.0 -D changelist=",
		"y/.mvn/maven.config": "-Drevision=5.0",
		"y/pom.xml": `<project><groupId>g</groupId><artifactId>y</artifactId><version>${revision}</version>
<dependencies><dependency><groupId>a</groupId><artifactId>b</artifactId><version>${revision}</version></dependency></dependencies></project>`,
	}
	r := LoadMaven([]string{"x/parent/pom.xml", "x/child/pom.xml", "y/pom.xml"}, MavenOptions{ReadFile: fs.read})
	for _, n := range r.Notifications {
		t.Log(n)
	}
	var child, y *Project
	for _, p := range r.Projects {
		switch p.ArtifactID {
		case "c":
			child = p
		case "y":
			y = p
		}
	}
	if child == nil || len(child.Parents()) != 1 {
		t.Fatalf("child %+v", child)
	}
	// No .mvn/maven.config above x/: the parent's own properties decide.
	if got := child.Dependencies[0].Version; got != "9-2.0-SNAPSHOT-c-2.0-SNAPSHOT" {
		t.Errorf("version %q", got)
	}
	if child.Dependencies[0].Line != 5 {
		t.Errorf("line %d", child.Dependencies[0].Line)
	}
	if y == nil || y.Version != "5.0" || y.Dependencies[0].Version != "5.0" {
		t.Errorf("maven.config: %+v", y)
	}
}

func TestLoadMavenCycles(t *testing.T) {
	fs := memFS{
		"a/pom.xml": `<project><parent><groupId>g</groupId><artifactId>b</artifactId><version>1</version><relativePath>../b/pom.xml</relativePath></parent><artifactId>a</artifactId>
<dependencyManagement><dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId><version>1</version><type>pom</type><scope>import</scope></dependency></dependencies></dependencyManagement></project>`,
		"b/pom.xml": `<project><parent><groupId>g</groupId><artifactId>a</artifactId><version>1</version><relativePath>../a/pom.xml</relativePath></parent><artifactId>b</artifactId></project>`,
		"c/pom.xml": `<project><groupId>g</groupId><artifactId>c</artifactId><version>1</version>
<properties><x>${x}${x}</x><p1>${p2}${p2}${p2}${p2}</p1><p2>${p3}${p3}${p3}${p3}</p2><p3>${p4}${p4}${p4}${p4}</p3><p4>${p5}${p5}${p5}${p5}</p4><p5>${p6}${p6}${p6}${p6}</p5><p6>${p7}${p7}${p7}${p7}</p6><p7>${p8}${p8}${p8}${p8}</p7><p8>${p9}${p9}${p9}${p9}</p8><p9>0123456789</p9></properties>
<dependencies><dependency><groupId>a</groupId><artifactId>b</artifactId><version>${p1}</version></dependency>
<dependency><groupId>a</groupId><artifactId>x</artifactId><version>${x}</version></dependency></dependencies></project>`,
	}
	r := LoadMaven([]string{"a/pom.xml", "b/pom.xml", "c/pom.xml"}, MavenOptions{ReadFile: fs.read})
	if len(r.Projects) != 3 {
		t.Fatalf("projects %d", len(r.Projects))
	}
	var msgs []string
	for _, n := range r.Notifications {
		msgs = append(msgs, n.Message)
	}
	all := strings.Join(msgs, "\n")
	for _, w := range []string{"parent cycle", "property cycle ${x} -> ${x}", "grows beyond"} {
		if !strings.Contains(all, w) {
			t.Errorf("no %q in\n%s", w, all)
		}
	}
}

func TestLoadMavenDuplicates(t *testing.T) {
	fs := memFS{
		"p/pom.xml": `<project><groupId>g</groupId><artifactId>p</artifactId><version>1</version>
<dependencies><dependency><groupId>a</groupId><artifactId>x</artifactId><version>1</version></dependency></dependencies></project>`,
		"p/c/pom.xml": `<project><parent><groupId>g</groupId><artifactId>p</artifactId><version>1</version></parent><artifactId>c</artifactId>
<dependencies>
<dependency><groupId>a</groupId><artifactId>x</artifactId><version>2</version></dependency>
<dependency><groupId>a</groupId><artifactId>x</artifactId><version>3</version></dependency>
</dependencies></project>`,
	}
	r := LoadMaven([]string{"p/c/pom.xml"}, MavenOptions{ReadFile: fs.read})
	var rows []string
	for _, d := range r.Projects[0].Dependencies {
		rows = append(rows, fmt.Sprintf("%s:%d %s", d.File, d.Line, d.Version))
	}
	// The child's declarations hide the parent's; both of its own stay.
	if got := strings.Join(rows, ", "); got != "p/c/pom.xml:3 2, p/c/pom.xml:4 3" {
		t.Errorf("got %s", got)
	}
}

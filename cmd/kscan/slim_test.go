package main

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// copySlimTree copies testdata/slim/tree into a temporary directory, so fixes
// can be written.
func copySlimTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	if out, err := exec.Command("cp", "-r", filepath.Join(repoRoot(t), src)+"/.", dst).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v %s", err, out)
	}
	return dst
}

func TestSlimBizJarAgainstFatJar(t *testing.T) {
	r := kscan(t, "", "slim", "--format", "json", "--base", "testdata/slim/jars/base-app.jar", "testdata/slim/jars/biz-wildcard-1.0.0-ark-biz.jar")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1 (an error verdict)\n%s%s", r.code, r.stdout, r.stderr)
	}
	var plans []struct {
		Module       string
		Now          int64 `json:"packagedBytes"`
		After        int64 `json:"packagedBytesAfterPlan"`
		Dependencies []struct {
			Dependency, Verdict, Level, Reason, Action string
			Size                                       int64
		}
		Unresolved []struct {
			Class string
			From  []string
		} `json:"unresolvedClasses"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &plans); err != nil {
		t.Fatal(err)
	}
	if len(plans) != 1 {
		t.Fatalf("plans = %d", len(plans))
	}
	got := map[string]string{}
	for _, d := range plans[0].Dependencies {
		got[d.Dependency] = d.Verdict + "/" + d.Level + "/" + d.Action
		if d.Dependency == "org.apache.httpcomponents:httpclient:4.5.13" && !strings.Contains(d.Reason, "excludeGroupIds org.apache*") {
			t.Errorf("missing-in-base must name the wildcard: %s", d.Reason)
		}
	}
	want := map[string]string{
		"org.apache.httpcomponents:httpclient:4.5.13":        "slimmed-but-missing-in-base/error/package",
		"com.fasterxml.jackson.core:jackson-databind:2.15.2": "slimmed-version-skew/warning/",
		"com.google.guava:guava:31.1-jre":                    "packaged-but-base-provides/note/leave-to-base",
		"org.slf4j:slf4j-api:1.7.36":                         "packaged-but-base-provides/warning/leave-to-base",
		"org.apache.commons:commons-lang3:3.12.0":            "left-to-base//",
		"com.acme:own-lib:2.0.0":                             "packaged//",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %q, want %q", k, got[k], w)
		}
	}
	// The class check: httpclient's interface, used by OrderService.place,
	// is nowhere after slimming; everything else resolves (JDK, base, lib/).
	if u := plans[0].Unresolved; len(u) != 1 || u[0].Class != "org.apache.http.client.HttpClient" || strings.Join(u[0].From, ",") != "com.acme.biz.OrderService.place" {
		t.Errorf("unresolved classes = %+v", u)
	}
	// guava (2.8 MiB) and slf4j leave the biz; httpclient's size is unknown
	// (it was never packaged), so after < now by at least guava's bytes.
	if p := plans[0]; p.Now-p.After < 2<<20 {
		t.Errorf("now %d, after %d: the plan should save guava's bytes", p.Now, p.After)
	}
	clean := kscan(t, "", "slim", "--base", "testdata/slim/jars/base-app.jar", "testdata/slim/jars/biz-clean-1.0.0-ark-biz.jar")
	if clean.code != 0 || !strings.Contains(clean.stdout, "0 errors, 0 warnings") || !strings.Contains(clean.stdout, "every class the module's code references resolves") {
		t.Errorf("clean biz: exit %d\n%s%s", clean.code, clean.stdout, clean.stderr)
	}
}

func TestSlimFixThenClean(t *testing.T) {
	dir := copySlimTree(t, "testdata/slim/tree")
	before := kscan(t, dir, "slim", ".")
	if before.code != 1 || !strings.Contains(before.stdout, "slimmed-but-missing-in-base") {
		t.Fatalf("before: exit %d\n%s%s", before.code, before.stdout, before.stderr)
	}
	fix := kscan(t, dir, "fix", "--slim", ".")
	if fix.code != 0 || !strings.Contains(fix.stderr, "wrote the slimming plan into 2 file(s)") {
		t.Fatalf("fix: exit %d\n%s%s", fix.code, fix.stdout, fix.stderr)
	}
	props, err := os.ReadFile(filepath.Join(dir, "biz-props/conf/ark/bootstrap.properties"))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"# Slimming of biz-props", "sofa.ark.plugin.export.class.enable=true", "excludeGroupIds=com.fasterxml*\n", "excludes=com.google.guava:guava,org.apache.commons:commons-lang3\n"} {
		if !strings.Contains(string(props), w) {
			t.Errorf("bootstrap.properties lacks %q:\n%s", w, props)
		}
	}
	pom, _ := os.ReadFile(filepath.Join(dir, "biz-pom/pom.xml"))
	if strings.Contains(string(pom), "org.apache*") || strings.Count(string(pom), "<scope>provided</scope>") != 2 {
		t.Errorf("biz-pom/pom.xml not fixed as planned:\n%s", pom)
	}
	// The pattern was the list's only one: the emptied <excludeGroupIds>
	// goes with it.
	golden := filepath.Join(repoRoot(t), "testdata/golden/slim-fix-biz-pom.xml")
	if *updateGolden {
		if err := os.WriteFile(golden, pom, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if want, err := os.ReadFile(golden); err != nil || string(want) != string(pom) {
		t.Errorf("biz-pom/pom.xml after the fix differs from %s (%v); run go test ./cmd/kscan -update and review the diff:\n%s", golden, err, pom)
	}
	after := kscan(t, dir, "slim", "--fail-on", "warning", ".")
	if after.code != 0 || strings.Contains(after.stdout, "[plan:") {
		t.Errorf("re-check after fix: exit %d\n%s%s", after.code, after.stdout, after.stderr)
	}
	again := kscan(t, dir, "fix", "--slim", ".")
	if !strings.Contains(again.stderr, "into 0 file(s)") {
		t.Errorf("a second fix must change nothing:\n%s", again.stderr)
	}
}

func TestSlimBadInput(t *testing.T) {
	tmp := t.TempDir()
	write := func(rel, s string) string {
		p := filepath.Join(tmp, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	noStarter := write("list.txt", "[INFO]    org.slf4j:slf4j-api:jar:1.7.36:compile\n")
	notList := write("notes.txt", "hello\n")
	modPom := `<project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>%s</artifactId><version>1</version>
%s<dependencies><dependency><groupId>org.a</groupId><artifactId>x</artifactId><version>1</version></dependency></dependencies>
<build><plugins><plugin><groupId>com.alipay.sofa</groupId><artifactId>sofa-ark-maven-plugin</artifactId>
<executions><execution><goals><goal>repackage</goal></goals></execution></executions></plugin></plugins></build></project>`
	write("all/pom.xml", strings.Replace(strings.Replace(modPom, "%s", "all", 1), "%s", "", 1))
	write("all/conf/ark/bootstrap.properties", "excludeGroupIds=*\n")
	write("cycle/a/pom.xml", strings.Replace(strings.Replace(modPom, "%s", "a", 1), "%s", "<parent><groupId>g</groupId><artifactId>b</artifactId><version>1</version><relativePath>../b/pom.xml</relativePath></parent>", 1))
	write("cycle/b/pom.xml", strings.Replace(strings.Replace(modPom, "%s", "b", 1), "%s", "<parent><groupId>g</groupId><artifactId>a</artifactId><version>1</version><relativePath>../a/pom.xml</relativePath></parent>", 1))
	base := filepath.Join(repoRoot(t), "testdata/slim/jars/base-app.jar")
	biz := filepath.Join(repoRoot(t), "testdata/slim/jars/biz-clean-1.0.0-ark-biz.jar")
	plainJar := writeZip(t, filepath.Join(tmp, "plain.jar"), map[string]string{"META-INF/MANIFEST.MF": "Manifest-Version: 1.0\n", "com/acme/A.class": "\xca\xfe\xba\xbe"})
	bootJar := writeZip(t, filepath.Join(tmp, "boot.jar"), map[string]string{"META-INF/MANIFEST.MF": "Manifest-Version: 1.0\nMain-Class: org.springframework.boot.loader.JarLauncher\n",
		"BOOT-INF/classes/com/acme/App.class": "\xca\xfe\xba\xbe", "BOOT-INF/lib/x-1.0.jar": ""})
	notZip := write("broken.jar", "not a zip\n")
	cases := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no base", []string{"slim", biz}, 2, "no base to judge against: give --base PATH"},
		{"base is a module", []string{"slim", "--base", biz, biz}, 2, "this is a module (ark-biz jar), not a base"},
		{"list of no base", []string{"slim", "--base", noStarter, biz}, 2, "no koupleless-base-starter: it is not the class path of a Koupleless base"},
		{"not a list", []string{"slim", "--base", notList, biz}, 2, "no dependency in it"},
		{"module is a fat jar", []string{"slim", "--base", base, base}, 2, "this is a Spring Boot fat jar (BOOT-INF/), not an ark-biz"},
		{"tree without base", []string{"slim", filepath.Join(tmp, "all")}, 2, "no base to judge against"},
		{"match-all wildcard", []string{"slim", "--base", base, filepath.Join(tmp, "all")}, 0, "excludeGroupIds \"*\" matches every dependency"},
		{"circular parents", []string{"slim", "--base", base, filepath.Join(tmp, "cycle")}, 0, "parent cycle"},
		{"base path missing", []string{"slim", "--base", filepath.Join(tmp, "nope.jar"), biz}, 2, "cannot read the base"},
		{"module jar without the ark-biz layout", []string{"slim", "--base", base, plainJar}, 2, "not an ark-biz jar: expected lib/ and a manifest with Ark-Biz-Name"},
		{"module jar that is no zip", []string{"slim", "--base", base, notZip}, 2, "not a jar (zip)"},
		{"base fat jar without the base starter", []string{"slim", "--base", bootJar, biz}, 2, "without koupleless-base-starter in BOOT-INF/lib/: not a Koupleless base"},
		{"fix without a base", []string{"fix", "--slim", filepath.Join(tmp, "all")}, 2, "no base to judge against"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := kscan(t, "", tc.args...)
			if r.code != tc.code || !strings.Contains(r.stderr, tc.msg) {
				t.Errorf("exit %d (want %d), stderr lacks %q:\n%s%s", r.code, tc.code, tc.msg, r.stdout, r.stderr)
			}
			if tc.code == 0 && strings.Contains(r.stdout, "error ") {
				t.Errorf("a broken input must not turn into findings:\n%s", r.stdout)
			}
		})
	}
}

// TestScanModuleClassUnresolvable: kscan scan resolves a biz's class
// references against the base fat jar it is scanned with; a class found
// nowhere is one finding on the biz, at no line of the binary.
func TestScanModuleClassUnresolvable(t *testing.T) {
	const jars = "testdata/slim/jars/"
	type hit struct{ path, entry, class, from, method string }
	for _, tc := range []struct {
		name string
		args []string
		want []hit
	}{
		{"unresolvable", []string{jars + "base-app.jar", jars + "biz-wildcard-1.0.0-ark-biz.jar"}, []hit{{
			path: jars + "biz-wildcard-1.0.0-ark-biz.jar", entry: jars + "biz-wildcard-1.0.0-ark-biz.jar!/com/acme/biz/OrderService.class",
			class: "org.apache.http.client.HttpClient", from: "com.acme.biz.OrderService.place", method: "com.acme.biz.OrderService.place",
		}}},
		{"clean", []string{jars + "base-app.jar", jars + "biz-clean-1.0.0-ark-biz.jar"}, nil},
		// without its base, what the module may borrow is unknown
		{"no base", []string{jars + "biz-wildcard-1.0.0-ark-biz.jar"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := kscan(t, "", append([]string{"scan", "--format", "json", "--fail-on", "none"}, tc.args...)...)
			if r.code != 0 {
				t.Fatalf("exit %d\n%s", r.code, r.stderr)
			}
			var doc struct {
				Findings []struct {
					RuleID, Path, Entry, Class, Method string
					Region                             struct{ StartLine int }
					Properties                         map[string]string
				}
			}
			if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
				t.Fatalf("%v\n%s", err, r.stdout)
			}
			var got []hit
			for _, f := range doc.Findings {
				if f.RuleID != "module-class-unresolvable" {
					continue
				}
				if f.Region.StartLine != 0 {
					t.Errorf("a class in a jar claims line %d of the binary", f.Region.StartLine)
				}
				got = append(got, hit{f.Path, f.Entry, f.Properties["class"], f.Properties["referencedFrom"], f.Class + "." + f.Method})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("findings = %+v, want %+v\n%s", got, tc.want, r.stdout)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("finding %d = %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// TestSlimGradle: sofa-ark-gradle-plugin's arkConfig, in Groovy and
// Kotlin, end to end: exact names, the notes on what the plugin ignores or
// kscan cannot evaluate, and no verdict presented as sure where a setting
// was read in part.
func TestSlimGradle(t *testing.T) {
	const tree = "testdata/slim/gradle"
	r := kscan(t, "", "scan", "--format", "json", "--fail-on", "none", tree)
	var doc struct {
		Findings []struct {
			RuleID, Path string
			Region       struct{ StartLine int }
		}
		Notifications []struct {
			Path    string
			Line    int
			Message string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	var got []string
	for _, f := range doc.Findings {
		got = append(got, fmt.Sprintf("%s:%d %s", f.Path, f.Region.StartLine, f.RuleID))
	}
	want := []string{
		tree + "/biz-groovy/build.gradle:13 slimmed-but-missing-in-base",
		tree + "/biz-kts/build.gradle.kts:12 slimmed-version-skew",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var notes []string
	for _, n := range doc.Notifications {
		notes = append(notes, fmt.Sprintf("%s:%d", n.Path, n.Line))
	}
	wantNotes := []string{tree + "/biz-groovy/build.gradle:24", tree + "/biz-kts/build.gradle.kts:21", tree + "/biz-kts/build.gradle.kts:22"}
	if strings.Join(notes, " ") != strings.Join(wantNotes, " ") {
		t.Errorf("notifications %v, want %v", notes, wantNotes)
	}

	s := kscan(t, filepath.Join(repoRoot(t), tree), "slim", "--format", "json", "--base", "base-app", "biz-kts")
	var plans []struct {
		Dependencies []struct{ Dependency, Verdict, Reason string }
	}
	if err := json.Unmarshal([]byte(s.stdout), &plans); err != nil || len(plans) != 1 {
		t.Fatalf("%v\n%s%s", err, s.stdout, s.stderr)
	}
	verdicts := map[string]string{}
	for _, d := range plans[0].Dependencies {
		verdicts[d.Dependency] = d.Verdict
	}
	for dep, v := range map[string]string{
		"com.fasterxml.jackson.core:jackson-databind:2.15.2": "slimmed-version-skew",
		"com.google.guava:guava:31.1-jre":                    "left-to-base",
		// excludeGroupIds.add(shared): not a literal, so not "packaged"
		"org.apache.commons:commons-lang3:3.12.0": "unknown",
	} {
		if verdicts[dep] != v {
			t.Errorf("%s: %q, want %q", dep, verdicts[dep], v)
		}
	}

	dir := copySlimTree(t, tree)
	fix := kscan(t, dir, "fix", "--slim", ".")
	if !strings.Contains(fix.stderr, "a Gradle build; apply the plan to its arkConfig by hand") || !strings.Contains(fix.stderr, "into 0 file(s)") {
		t.Errorf("fix on Gradle modules: exit %d\n%s", fix.code, fix.stderr)
	}
}

// writeZip writes a zip with the given entries (stored) and returns its
// path.
func writeZip(t *testing.T, p string, entries map[string]string) string {
	t.Helper()
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	names := make([]string, 0, len(entries))
	for n := range entries {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(entries[n]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestScanSlimBadInput: in kscan scan, a slimming input that cannot be
// judged is a notification naming file and line, never findings per
// dependency; and with two base fat jars the class check does not guess
// which one the module runs on.
func TestScanSlimBadInput(t *testing.T) {
	tmp := t.TempDir()
	write := func(rel, s string) {
		p := filepath.Join(tmp, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root := repoRoot(t)
	for _, f := range []string{"pom.xml", "dependency-list.txt"} {
		data, err := os.ReadFile(filepath.Join(root, "testdata/slim/tree/base-app", f))
		if err != nil {
			t.Fatal(err)
		}
		write("tree/base-app/"+f, string(data))
	}
	modPom := `<project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>%s</artifactId><version>1</version>
%s<dependencies><dependency><groupId>org.apache.httpcomponents</groupId><artifactId>httpclient</artifactId><version>4.5.13</version></dependency></dependencies>
<build><plugins><plugin><groupId>com.alipay.sofa</groupId><artifactId>sofa-ark-maven-plugin</artifactId>
<executions><execution><goals><goal>repackage</goal></goals></execution></executions></plugin></plugins></build></project>`
	pom := func(name, parent string) string {
		return strings.Replace(strings.Replace(modPom, "%s", name, 1), "%s", parent, 1)
	}
	write("tree/all/pom.xml", pom("all", ""))
	write("tree/all/conf/ark/bootstrap.properties", "# everything\nexcludeGroupIds=*\n")
	write("tree/a/pom.xml", pom("a", "<parent><groupId>g</groupId><artifactId>b</artifactId><version>1</version><relativePath>../b/pom.xml</relativePath></parent>"))
	write("tree/b/pom.xml", pom("b", "<parent><groupId>g</groupId><artifactId>a</artifactId><version>1</version><relativePath>../a/pom.xml</relativePath></parent>"))
	r := kscan(t, tmp, "scan", "--format", "json", "--fail-on", "none", "tree")
	var doc struct {
		Findings      []struct{ RuleID, Path string }
		Notifications []struct {
			Path    string
			Line    int
			Message string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("%v\n%s%s", err, r.stdout, r.stderr)
	}
	for _, f := range doc.Findings {
		if strings.HasPrefix(f.RuleID, "slimmed-") && f.Path == "tree/all/pom.xml" {
			t.Errorf("a match-all pattern turned into a finding per dependency: %+v", f)
		}
	}
	for _, w := range []struct {
		path string
		line int
		msg  string
	}{
		{"tree/all/conf/ark/bootstrap.properties", 2, `excludeGroupIds "*" matches every dependency`},
		{"/pom.xml", 0, "parent cycle"}, // named at a or b, whichever closes the loop
	} {
		found := false
		for _, n := range doc.Notifications {
			found = found || strings.HasSuffix(n.Path, w.path) && (w.line == 0 || n.Line == w.line) && strings.Contains(n.Message, w.msg)
		}
		if !found {
			t.Errorf("no notification %s:%d %q in %+v", w.path, w.line, w.msg, doc.Notifications)
		}
	}

	// Two base fat jars: which one the biz runs on is unknown.
	jars := filepath.Join(root, "testdata/slim/jars")
	for _, j := range []string{"base-app.jar", "biz-wildcard-1.0.0-ark-biz.jar"} {
		data, err := os.ReadFile(filepath.Join(jars, j))
		if err != nil {
			t.Fatal(err)
		}
		write("two/"+j, string(data))
		if j == "base-app.jar" {
			write("two/other-base.jar", string(data))
		}
	}
	two := kscan(t, tmp, "scan", "--format", "json", "--fail-on", "none", "two")
	if strings.Contains(two.stdout, "module-class-unresolvable") {
		t.Errorf("two bases: the class check guessed one\n%s", two.stdout)
	}
}

// TestScanModuleClassesLoose: a module's target/classes are checked like
// its ark-biz when its resolved class path can be completed from the local
// repository; when it cannot, a note says why and nothing is guessed.
func TestScanModuleClassesLoose(t *testing.T) {
	root := repoRoot(t)
	biz, err := zip.OpenReader(filepath.Join(root, "testdata/slim/jars/biz-wildcard-1.0.0-ark-biz.jar"))
	if err != nil {
		t.Fatal(err)
	}
	defer biz.Close()
	tmp := t.TempDir()
	put := func(rel string, data []byte) {
		p := filepath.Join(tmp, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(f *zip.File) []byte {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		data, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	m2 := map[string]string{ // the packaged jars, as the local repository holds them
		"lib/guava-31.1-jre.jar":   "m2/com/google/guava/guava/31.1-jre/guava-31.1-jre.jar",
		"lib/slf4j-api-1.7.36.jar": "m2/org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar",
		"lib/own-lib-2.0.0.jar":    "m2/com/acme/own-lib/2.0.0/own-lib-2.0.0.jar",
	}
	for _, f := range biz.File {
		switch {
		case f.Name == "META-INF/maven/com.acme/biz-wildcard/pom.xml":
			put("biz/pom.xml", read(f))
		case strings.HasPrefix(f.Name, "com/acme/") && strings.HasSuffix(f.Name, ".class"):
			put("biz/target/classes/"+f.Name, read(f))
		case m2[f.Name] != "":
			put(m2[f.Name], read(f))
		}
	}
	base, err := os.ReadFile(filepath.Join(root, "testdata/slim/jars/base-app.jar"))
	if err != nil {
		t.Fatal(err)
	}
	put("base-app.jar", base)
	list := "[INFO] The following files have been resolved:\n"
	for _, c := range []string{"org.apache.commons:commons-lang3:jar:3.12.0", "org.apache.httpcomponents:httpclient:jar:4.5.13",
		"com.fasterxml.jackson.core:jackson-databind:jar:2.15.2", "com.google.guava:guava:jar:31.1-jre", "org.slf4j:slf4j-api:jar:1.7.36", "com.acme:own-lib:jar:2.0.0"} {
		list += "[INFO]    " + c + ":compile\n"
	}
	scan := func() (hits, notes []string) {
		r := kscan(t, tmp, "scan", "--format", "json", "--fail-on", "none", "--m2", filepath.Join(tmp, "m2"), "base-app.jar", "biz", "biz/target/classes")
		var doc struct {
			Findings []struct {
				RuleID, Path string
				Properties   map[string]string
			}
			Notifications []struct{ Path, Message string }
		}
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Fatalf("%v\n%s%s", err, r.stdout, r.stderr)
		}
		for _, f := range doc.Findings {
			if f.RuleID == "module-class-unresolvable" {
				hits = append(hits, f.Path+" "+f.Properties["class"]+" <- "+f.Properties["referencedFrom"])
			}
		}
		for _, n := range doc.Notifications {
			if strings.Contains(n.Message, "module-class-unresolvable") {
				notes = append(notes, n.Path+": "+n.Message)
			}
		}
		return hits, notes
	}

	// Without a resolved list, what the module packages is not known.
	if hits, notes := scan(); len(hits) != 0 || len(notes) != 1 || !strings.Contains(notes[0], "known only from its declarations") {
		t.Errorf("no list: findings %q, notes %q", hits, notes)
	}
	put("biz/dependency-list.txt", []byte(list))
	want := "biz/target/classes/com/acme/biz/OrderService.class org.apache.http.client.HttpClient <- com.acme.biz.OrderService.place"
	if hits, notes := scan(); len(hits) != 1 || hits[0] != want || len(notes) != 0 {
		t.Errorf("resolved: findings %q (want %q), notes %q", hits, want, notes)
	}
	// A packaged jar missing from the local repository: not checked.
	os.Remove(filepath.Join(tmp, m2["lib/own-lib-2.0.0.jar"]))
	if hits, notes := scan(); len(hits) != 0 || len(notes) != 1 || !strings.Contains(notes[0], "com.acme:own-lib:2.0.0 are not in the local repository") {
		t.Errorf("jar missing: findings %q, notes %q", hits, notes)
	}
}

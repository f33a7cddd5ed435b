package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// zipBytes builds a zip from name -> content; names ending in .jar are
// stored uncompressed, as Spring Boot requires for nested jars.
func zipBytes(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, data := range files {
		method := zip.Deflate
		if strings.HasSuffix(name, ".jar") {
			method = zip.Store
		}
		f, err := w.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		f.Write(data)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestJarDependencies: a built base (Spring Boot fat jar) is a base, and the
// coordinates of the jars in BOOT-INF/lib, read from their pom.properties,
// are its dependencies: kscan deps lists them and kscan scan reports the
// adapters the base needs, at the jar.
func TestJarDependencies(t *testing.T) {
	dir := t.TempDir()
	logback := zipBytes(t, map[string][]byte{
		"META-INF/MANIFEST.MF": []byte("Manifest-Version: 1.0\n\n"),
		"META-INF/maven/ch.qos.logback/logback-classic/pom.properties": []byte("groupId=ch.qos.logback\nartifactId=logback-classic\nversion=1.2.11\n"),
	})
	plain := zipBytes(t, map[string][]byte{
		"META-INF/maven/com.acme/util/pom.properties": []byte("groupId=com.acme\nartifactId=util\nversion=1.0\n"),
	})
	fat := zipBytes(t, map[string][]byte{
		"META-INF/MANIFEST.MF":                    []byte("Manifest-Version: 1.0\nMain-Class: org.springframework.boot.loader.JarLauncher\n\n"),
		"BOOT-INF/classes/application.properties": []byte("spring.application.name=base\n"),
		"BOOT-INF/lib/logback-classic-1.2.11.jar": logback,
		"BOOT-INF/lib/util-1.0.jar":               plain,
		"BOOT-INF/lib/slf4j-log4j12-1.7.32.jar": zipBytes(t, map[string][]byte{
			"META-INF/maven/org.slf4j/slf4j-log4j12/pom.properties": []byte("groupId=org.slf4j\nartifactId=slf4j-log4j12\nversion=1.7.32\n"),
		}),
	})
	if err := os.WriteFile(filepath.Join(dir, "base-app.jar"), fat, 0o644); err != nil {
		t.Fatal(err)
	}

	r := kscan(t, dir, "deps", "--format", "json", "base-app.jar")
	if r.code != 0 {
		t.Fatalf("deps: exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{`"ch.qos.logback:logback-classic:1.2.11"`, "koupleless-adapter-logback", `"com.acme:util:1.0"`, `"role": "base"`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("deps output lacks %s:\n%s", want, r.stdout)
		}
	}

	r = kscan(t, dir, "scan", "--format", "json", "--fail-on", "none", "base-app.jar")
	var doc struct {
		Findings []struct {
			RuleID, Path, Message, Role string
			Region                      struct{ StartLine int }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	found := false
	for _, f := range doc.Findings {
		if f.RuleID == "adapter-required" {
			found = true
			// A finding on an archive claims no line of it.
			if f.Path != "base-app.jar" || f.Region.StartLine != 0 || !strings.Contains(f.Message, "koupleless-adapter-logback") {
				t.Errorf("adapter-required finding: %+v", f)
			}
		}
	}
	if !found {
		t.Errorf("no adapter-required finding for the fat jar's logback:\n%s", r.stdout)
	}
	// Two SLF4J bindings packaged in the fat jar.
	if !strings.Contains(r.stdout, "logging-binding-conflict") || !strings.Contains(r.stdout, "slf4j-log4j12") {
		t.Errorf("no logging-binding-conflict for two bindings in BOOT-INF/lib:\n%s", r.stdout)
	}
}

// TestProjectAdapterTable: conf/ark/adapter-mapping.yaml of the scanned
// project is read as the base build plugin reads it, beside the built-in
// table.
func TestProjectAdapterTable(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, filepath.Join(repoRoot(t), "testdata", "projects", "deps-maven-base"), dir)
	os.MkdirAll(filepath.Join(dir, "conf", "ark"), 0o755)
	os.WriteFile(filepath.Join(dir, "conf", "ark", "adapter-mapping.yaml"), []byte(`version: 9.9.9
adapterMappings:
  - matcher:
      groupId: ch.qos.logback
      artifactId: logback-classic
      versionRange: "[1.2.0,1.3.0)"
    adapter:
      groupId: com.acme.adapters
      artifactId: acme-logback-adapter
`), 0o644)
	r := kscan(t, dir, "deps", ".")
	if r.code != 0 || !strings.Contains(r.stdout, "com.acme.adapters:acme-logback-adapter:9.9.9") ||
		!strings.Contains(r.stdout, "koupleless-adapter-logback") {
		t.Errorf("deps with a project table: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}

// TestArchivedConfiguration: configuration files inside archives reach the
// rules that read them; findings point at the jar and name the entry.
func TestArchivedConfiguration(t *testing.T) {
	dir := t.TempDir()
	logback := []byte("<configuration>\n  <appender name=\"FILE\" class=\"ch.qos.logback.core.FileAppender\">\n    <file>/var/log/app/app.log</file>\n  </appender>\n</configuration>\n")
	os.WriteFile(filepath.Join(dir, "base.jar"), zipBytes(t, map[string][]byte{
		"META-INF/MANIFEST.MF":         []byte("Manifest-Version: 1.0\n\n"),
		"BOOT-INF/classes/logback.xml": logback,
	}), 0o644)
	os.WriteFile(filepath.Join(dir, "orders-biz.jar"), zipBytes(t, map[string][]byte{
		"META-INF/MANIFEST.MF":         []byte("Manifest-Version: 1.0\nArk-Biz-Name: orders\n\n"),
		"com/alipay/sofa/ark/biz/mark": nil,
		"lib/x.jar":                    zipBytes(t, map[string][]byte{"a.txt": []byte("x")}),
		"application.properties":       []byte("spring.application.name=orders\nserver.servlet.context-path=/\n"),
	}), 0o644)
	r := kscan(t, dir, "scan", "--format", "json", "--fail-on", "none", ".")
	var doc struct {
		Findings []struct {
			RuleID, Path, Message string
			SourceLine            int
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	got := map[string]string{}
	for _, f := range doc.Findings {
		got[f.RuleID] = f.Path + ":" + strconv.Itoa(f.SourceLine) + " " + f.Message
	}
	if g := got["logging-config-path"]; !strings.HasPrefix(g, "base.jar:3 ") || !strings.Contains(g, "base.jar!/BOOT-INF/classes/logback.xml") {
		t.Errorf("logging-config-path: %q", g)
	}
	if g := got["web-context-path-conflict"]; !strings.HasPrefix(g, "orders-biz.jar:2 ") || !strings.Contains(g, "orders-biz.jar!/application.properties") {
		t.Errorf("web-context-path-conflict: %q", g)
	}
}

package deps

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// row renders a dependency compactly for table comparisons.
func row(d Dependency) string {
	s := fmt.Sprintf("%d %s %s", d.Line, d.Coordinate.String(), d.Scope)
	if d.Optional {
		s += " optional"
	}
	return s
}

func checkRows(t *testing.T, name string, got []Dependency, want []string, src Source, conf Confidence) {
	t.Helper()
	var rows []string
	for _, d := range got {
		rows = append(rows, row(d))
		if d.Source != src || d.Confidence != conf || !strings.HasSuffix(d.File, name) {
			t.Errorf("%s: %s source %v confidence %v file %s", name, row(d), d.Source, d.Confidence, d.File)
		}
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot\n%s\nwant\n%s", name, strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
}

func readTD(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(td + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseDependencyList(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"mvn/list.txt", []string{
			"6 org.slf4j:slf4j-api:1.7.36 compile",
			"7 org.springframework:spring-core:5.3.27 compile",
			"8 io.netty:netty-transport-native-epoll:jar:linux-x86_64:4.1.94.Final runtime",
			"9 junit:junit:4.13.2 test",
			"10 com.google.code.findbugs:jsr305:3.0.2 provided optional",
		}},
		{"mvn/tree.txt", []string{
			"2 org.springframework.boot:spring-boot-starter-web:2.7.14 compile",
			"3 org.springframework.boot:spring-boot-starter:2.7.14 compile",
			"4 ch.qos.logback:logback-classic:1.2.12 compile",
			"6 org.apache.tomcat.embed:tomcat-embed-core:9.0.78 compile",
			"7 org.slf4j:slf4j-api:1.7.36 compile",
			"8 org.junit.jupiter:junit-jupiter:5.8.2 test",
		}},
		{"mvn/crlf.txt", []string{
			"1 org.slf4j:slf4j-api:1.7.36 compile",
			"2 io.grpc:grpc-core:1.57.0 runtime",
		}},
	}
	for _, tc := range tests {
		got, err := ParseDependencyList(tc.file, readTD(t, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		checkRows(t, tc.file, got, tc.want, MavenList, High)
	}
}

func TestParseGradleLockfile(t *testing.T) {
	got, err := ParseGradleLockfile("gradle/gradle.lockfile", readTD(t, "gradle/gradle.lockfile"))
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, "gradle.lockfile", got, []string{
		"4 com.google.code.gson:gson:2.10.1 compile",
		"5 junit:junit:4.13.2 test",
		"6 org.hamcrest:hamcrest-core:1.3 test",
		"7 org.slf4j:slf4j-api:1.7.36 compile",
	}, GradleLock, High)
	if c := got[3].Configurations; len(c) != 2 || c[1] != "testRuntimeClasspath" {
		t.Errorf("configurations %v", c)
	}
	old, _ := ParseGradleLockfile("compileClasspath.lockfile", []byte("# old format\norg.a:b:1.0\n"))
	checkRows(t, "compileClasspath.lockfile", old, []string{"2 org.a:b:1.0 compile"}, GradleLock, High)
}

func TestParseVersionCatalog(t *testing.T) {
	got, err := ParseVersionCatalog("gradle/libs.versions.toml", readTD(t, "gradle/libs.versions.toml"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		row  string
		conf Confidence
	}{
		"org.springframework:spring-core":                  {"8 org.springframework:spring-core:5.3.27 ", High},
		"com.fasterxml.jackson.core:jackson-databind":      {"9 com.fasterxml.jackson.core:jackson-databind:2.15.2 ", High},
		"com.google.guava:guava":                           {"10 com.google.guava:guava:32.1.2-jre ", High},
		"org.apache.commons:commons-lang3":                 {"11 org.apache.commons:commons-lang3:3.12.0 ", High},
		"org.jetbrains.kotlin:kotlin-stdlib":               {"12 org.jetbrains.kotlin:kotlin-stdlib:1.9.0 ", High},
		"org.springframework.boot:spring-boot-starter-web": {"13 org.springframework.boot:spring-boot-starter-web ", Medium},
		"org.example:missing":                              {"14 org.example:missing ", Medium},
	}
	if len(got) != len(want) {
		t.Errorf("%d libraries, want %d", len(got), len(want))
	}
	for _, d := range got {
		w, ok := want[d.Key()]
		if !ok || row(d) != w.row || d.Confidence != w.conf || d.Source != GradleCatalog {
			t.Errorf("%q conf %v, want %q %v", row(d), d.Confidence, w.row, w.conf)
		}
	}
	if d := findDep(got, "org.example:missing"); d == nil || !strings.Contains(d.Evidence, "version.ref nope is not defined") {
		t.Errorf("missing ref evidence: %+v", d)
	}
	for _, bad := range []string{"[libraries\n", "a = \"unterminated\n", "a = { b = 1 \n", "a = [1,\n", "= 1", "a = 1\na = 2\n", "[t]\n[t]\n"} {
		if _, err := ParseVersionCatalog("x.toml", []byte(bad)); err == nil || !strings.HasPrefix(err.Error(), "x.toml:") {
			t.Errorf("%q: error %v", bad, err)
		}
	}
	if _, err := ParseVersionCatalog("x.toml", []byte("[versions]\na = \"1\"\na = \"2\"\n")); err == nil || !strings.HasPrefix(err.Error(), "x.toml:3:") {
		t.Errorf("duplicate key: error %v, want it at line 3", err)
	}
}

// TestParseVersionCatalogFullTOML: what the TOML library reads that a
// catalog may hold (multi-line and literal strings, dotted keys, arrays of
// tables elsewhere in the file), with each library at its key's line.
func TestParseVersionCatalogFullTOML(t *testing.T) {
	src := `# comment
[versions]
boot = """2.7.10"""
spring.core = '5.3.27'

[[plugins.extra]]
id = "x"

[libraries]
boot-web = { module = "org.springframework.boot:spring-boot-starter-web", version.ref = "boot" }
core.lib = { group = "org.springframework", name = "spring-core", version.ref = "spring.core" }
multi = """ch.qos.logback:logback-classic:1.2.11"""
`
	got, err := ParseVersionCatalog("libs.versions.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"10 org.springframework.boot:spring-boot-starter-web:2.7.10 ",
		"11 org.springframework:spring-core:5.3.27 ",
		"12 ch.qos.logback:logback-classic:1.2.11 ",
	}
	if len(got) != len(want) {
		t.Fatalf("%d libraries: %+v", len(got), got)
	}
	for i, d := range got {
		if row(d) != want[i] {
			t.Errorf("%q, want %q", row(d), want[i])
		}
	}
}

func TestParseGradleScript(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"gradle/build.gradle", []string{
			"9 org.springframework:spring-core:5.3.27 implementation",
			"10 org.springframework:spring-context implementation",
			"11 com.google.guava:guava:32.1.2-jre api",
			"12 org.projectlombok:lombok:1.18.30 compileOnly",
			"13 io.netty:netty-transport-native-epoll:jar:linux-x86_64:4.1.94.Final runtimeOnly",
			"14 org.springframework.boot:spring-boot-dependencies:2.7.14 implementation",
			"17 junit:junit:4.13.2 testImplementation",
		}},
		{"gradle/build.gradle.kts", []string{
			"6 org.slf4j:slf4j-api:1.7.36 implementation",
			"7 ch.qos.logback:logback-classic:1.2.12 implementation",
			"8 org.junit.jupiter:junit-jupiter:5.8.2 testImplementation",
			"9 org.springframework.boot:spring-boot-dependencies:2.7.14 implementation",
			"10 com.squareup.okhttp3:okhttp implementation",
		}},
	}
	for _, tc := range tests {
		got, err := ParseGradleScript(tc.file, readTD(t, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		checkRows(t, tc.file, got, tc.want, GradleScript, Low)
	}
	got, _ := ParseGradleScript("b.gradle", []byte(`implementation "org.a:b:$v"`))
	if len(got) != 1 || !strings.Contains(got[0].Evidence, "version $v not resolved") {
		t.Errorf("%+v", got)
	}
}

func TestParseManifest(t *testing.T) {
	m, err := ParseManifest(readTD(t, "jar/MANIFEST-crlf.MF"))
	if err != nil {
		t.Fatal(err)
	}
	if m["Export-Package"] != `org.apache.commons.lang3;version="3.12.0",org.apache.commons.lang3.builder;version="3.12.0"` {
		t.Errorf("continuation: %q", m["Export-Package"])
	}
	if m["Implementation-Title"] != "commons-lang3" {
		t.Errorf("the main section ends at the first empty line: %q", m["Implementation-Title"])
	}
	m, err = ParseManifest(readTD(t, "jar/MANIFEST-cr.MF"))
	if err != nil || m["Created-By"] != "Maven JAR Plugin 3.3.0" || len(m) != 3 {
		t.Errorf("CR manifest %v %v", m, err)
	}
	if _, err := ParseManifest([]byte(" starts with continuation\n")); err == nil {
		t.Error("no error for a leading continuation line")
	}
	if _, err := ParseManifest([]byte("Manifest-Version: 1.0\nno colon here\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("malformed line: %v", err)
	}
	if _, err := ParseManifest(make([]byte, MaxManifestSize+1)); err == nil {
		t.Error("no error above the size cap")
	}
}

func TestFromJarMetadata(t *testing.T) {
	nettyAll, nettyBuf := readTD(t, "jar/netty-all.pom.properties"), readTD(t, "jar/netty-buffer.pom.properties")
	crlf, osgi := readTD(t, "jar/MANIFEST-crlf.MF"), readTD(t, "jar/MANIFEST-osgi.MF")
	type out struct {
		coord  string
		src    Source
		conf   Confidence
		shaded bool
	}
	tests := []struct {
		name     string
		jar      string
		props    map[string][]byte
		manifest []byte
		want     []out
	}{
		{"shaded jar: all pom.properties, the file name picks itself", "lib/netty-all-4.1.94.Final.jar",
			map[string][]byte{
				"META-INF/maven/io.netty/netty-buffer/pom.properties": nettyBuf,
				"META-INF/maven/io.netty/netty-all/pom.properties":    nettyAll,
			}, crlf,
			[]out{{"io.netty:netty-all:4.1.94.Final", JarPomProperties, High, false}, {"io.netty:netty-buffer:4.1.94.Final", JarPomProperties, High, true}}},
		{"renamed jar with one pom.properties", "lib/netty.jar",
			map[string][]byte{"META-INF/maven/io.netty/netty-all/pom.properties": nettyAll}, nil,
			[]out{{"io.netty:netty-all:4.1.94.Final", JarPomProperties, High, false}}},
		{"manifest Implementation-* with Vendor-Id", "lib/commons-lang3-3.12.0.jar", nil, crlf,
			[]out{{"org.apache.commons:commons-lang3:3.12.0", JarManifest, Medium, false}}},
		{"manifest OSGi: group from Bundle-SymbolicName", "lib/x.jar", nil, osgi,
			[]out{{"com.fasterxml.jackson.core:jackson-databind:2.15.2", JarManifest, Medium, false}}},
		{"file name only", "lib/guava-32.1.2-jre.jar", nil, []byte("Manifest-Version: 1.0\nImplementation-Title: Guava: Google Core Libraries\n"),
			[]out{{":guava:32.1.2-jre", JarFileName, Low, false}}},
		{"snapshot file name", "x/my-lib-1.0-SNAPSHOT.jar", nil, nil,
			[]out{{":my-lib:1.0-SNAPSHOT", JarFileName, Low, false}}},
		{"nothing usable", "x/tools.jar", map[string][]byte{"META-INF/maven/x/y/pom.properties": []byte("groupId=x\n")}, []byte("garbage"), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := FromJarMetadata(tc.jar, tc.props, tc.manifest)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d: %+v", len(got), got)
			}
			for i, w := range tc.want {
				g := got[i]
				if g.Coordinate.String() != w.coord || g.Source != w.src || g.Confidence != w.conf || g.Shaded != w.shaded || g.Via != tc.jar || g.File != tc.jar {
					t.Errorf("%d: %s %v %v shaded=%v via=%s; want %+v", i, g.Coordinate, g.Source, g.Confidence, g.Shaded, g.Via, w)
				}
			}
		})
	}
}

func TestParseJarFileName(t *testing.T) {
	tests := []struct{ name, a, v string }{
		{"spring-core-5.3.27.jar", "spring-core", "5.3.27"},
		{"path/to/netty-transport-native-epoll-4.1.94.Final-linux-x86_64.jar", "netty-transport-native-epoll", "4.1.94.Final-linux-x86_64"},
		{"app-1.0-SNAPSHOT.jar", "app", "1.0-SNAPSHOT"},
		{"tools.jar", "", ""},
	}
	for _, tc := range tests {
		a, v, _ := ParseJarFileName(tc.name)
		if a != tc.a || v != tc.v {
			t.Errorf("%s: %q %q", tc.name, a, v)
		}
	}
}

package scope

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOverrides(t *testing.T) {
	c := New(filepath.Join("testdata", "jetty"), Options{Overrides: []Override{
		{Glob: "examples", Production: false, Source: ".kscan.yaml:3"},
		{Glob: "examples/embedded/**", Production: true, Source: ".kscan.yaml:5"},
		{Glob: "jetty-util/src/test/resources/*.jar", Production: true, Source: ".kscan.yaml:6"},
		{Glob: "jetty-start", Production: false, Source: ".kscan.yaml:7"},
		{Glob: "jetty-start", Production: true, Source: ".kscan.yaml:8"},
		{Glob: "*Mojo.java", Production: true, Source: ".kscan.yaml:9"},
	}})
	tests := []struct {
		path   string
		class  Class
		reason string
		source string
	}{
		{"examples/pom.xml", Configured, "configured non-production: examples", ".kscan.yaml:3"},
		// deeper wins
		{"examples/embedded/src/main/java/org/eclipse/jetty/embedded/OneServletContext.java", Production, "configured production: examples/embedded/**", ".kscan.yaml:5"},
		{"jetty-util/src/test/resources/example.jar", Production, "configured production", ".kscan.yaml:6"},
		{"jetty-util/src/test/resources/TestData/alt.zip", Test, "src/test/", ""},
		// same depth: production wins
		{"jetty-start/src/main/java/org/eclipse/jetty/start/Main.java", Production, "configured production: jetty-start", ".kscan.yaml:8"},
		// a name glob matches at any depth
		{"jetty-maven-plugin/src/main/java/org/eclipse/jetty/maven/plugin/JettyRunMojo.java", Production, "configured production: *Mojo.java", ".kscan.yaml:9"},
		{"jetty-jmh/src/main/java/org/eclipse/jetty/util/jmh/DateCacheBenchmark.java", Benchmark, "benchmark module", ""},
	}
	for _, tt := range tests {
		d := c.File(tt.path, nil)
		if d.Class != tt.class || !strings.Contains(d.Reason, tt.reason) || d.Override != (tt.source != "") || (tt.source != "" && d.At != tt.source) {
			t.Errorf("%s: got %+v, want %s %q from %q", tt.path, d, tt.class, tt.reason, tt.source)
		}
	}
	if d := c.Dir("examples/embedded"); !d.Production() || !d.Override {
		t.Errorf("Dir(examples/embedded) = %+v, want the production override", d)
	}
}

func TestValidateOverrides(t *testing.T) {
	if err := ValidateOverrides([]Override{{Glob: "src/**/fixtures", Source: "a:1"}}); err != nil {
		t.Errorf("good glob refused: %v", err)
	}
	for _, bad := range []string{"", "src/[a-", "  "} {
		err := ValidateOverrides([]Override{{Glob: bad, Source: ".kscan.yaml:4"}})
		if err == nil || !strings.Contains(err.Error(), ".kscan.yaml:4") {
			t.Errorf("glob %q: got %v, want an error naming its source", bad, err)
		}
	}
}

func TestBuildToolsProduction(t *testing.T) {
	root := filepath.Join("testdata", "jetty")
	for _, tt := range []struct {
		path  string
		class Class
	}{
		{"jetty-maven-plugin/src/main/java/org/eclipse/jetty/maven/plugin/JettyRunMojo.java", BuildTool},
		{"jetty-ant/src/main/java/org/eclipse/jetty/ant/JettyRunTask.java", BuildTool},
	} {
		head, err := readHead(filepath.Join(root, tt.path))
		if err != nil {
			t.Fatal(err)
		}
		if d := New(root, Options{}).File(tt.path, head); d.Class != tt.class {
			t.Errorf("%s: default policy gave %s", tt.path, d)
		}
		d := New(root, Options{BuildToolsProduction: true}).File(tt.path, head)
		if !d.Production() || len(d.Hints) == 0 || !strings.HasPrefix(d.Hints[len(d.Hints)-1], "build tool: ") {
			t.Errorf("%s: with build tools as production got %+v", tt.path, d)
		}
	}
}

func TestDirAndHints(t *testing.T) {
	c := New(filepath.Join("testdata", "jetty"), Options{})
	tests := []struct {
		dir   string
		class Class
		hint  string
	}{
		{"", Production, ""},
		{"jetty-maven-plugin", BuildTool, ""},
		{"jetty-maven-plugin/src/main/java/org/eclipse/jetty", BuildTool, ""},
		{"examples", Example, ""},
		{"tests/test-integration/src", Test, ""},
		{"jetty-start", Production, "launcher: jetty-start/pom.xml sets Main-Class org.eclipse.jetty.start.Main; no module in the tree depends on it"},
		{"jetty-start/src/main/java", Production, ""},
	}
	for _, tt := range tests {
		d := c.Dir(tt.dir)
		if d.Class != tt.class {
			t.Errorf("Dir(%q) = %s, want %s", tt.dir, d, tt.class)
		}
		got := strings.Join(d.Hints, "\n")
		if (tt.hint == "") != (got == "") || !strings.Contains(got, tt.hint) {
			t.Errorf("Dir(%q) hints %q, want %q", tt.dir, got, tt.hint)
		}
	}
	if hs := c.Hints(); len(hs) != 1 || !strings.Contains(hs[0], "org.eclipse.jetty.start.Main") {
		t.Errorf("Hints() = %q", hs)
	}
	// the build file carries its module's hints
	if d := c.File("jetty-start/pom.xml", nil); len(d.Hints) != 1 {
		t.Errorf("jetty-start/pom.xml: %+v", d)
	}
	// at the root, JUnit in compile scope is a hint, not a decision
	if d := New(filepath.Join("testdata", "sloppy"), Options{}).File("pom.xml", nil); !d.Production() || len(d.Hints) != 1 ||
		!strings.Contains(d.Hints[0], "test-support module orders-app (junit:junit in compile scope); the scanned root is kept as production") {
		t.Errorf("sloppy root: %+v", d)
	}
	// a parent pom out of the tree leaves JUnit's scope unknown: a hint, not a decision
	o := New(filepath.Join("testdata", "orphan"), Options{})
	if d := o.Dir(""); !d.Production() || len(d.Hints) != 1 || !strings.Contains(d.Hints[0], "scope of junit:junit not known") {
		t.Errorf("orphan root: %+v", d)
	}
}

func TestArchives(t *testing.T) {
	c := New(filepath.Join("testdata", "tomcat"), Options{})
	tests := []struct {
		path   string
		info   *ArchiveInfo
		class  Class
		reason string
		hint   string
	}{
		{"lib/catalina.jar", nil, Production, "", ""},
		{"lib/catalina-tests.jar", nil, Test, "test archive", ""},
		{"lib/catalina-sources.jar", nil, Packaging, "sources archive", ""},
		{"lib/catalina-javadoc.jar", nil, Packaging, "javadoc archive", ""},
		{"lib/gradle-wrapper.jar", nil, BuildTool, "wrapper", ""},
		{"test/webapp/WEB-INF/lib/test-lib.jar", &ArchiveInfo{MainClass: "x.Main"}, Test, "test directory test/", ""},
		{"lib/tool.jar", &ArchiveInfo{MainClass: "org.example.Tool"}, Production, "", "launcher: lib/tool.jar has Main-Class org.example.Tool"},
		{"lib/plugin.jar", &ArchiveInfo{MavenPlugin: true}, BuildTool, "Maven plugin jar", ""},
		{"lib/benchmarks.jar", &ArchiveInfo{JMH: true}, Benchmark, "JMH benchmark jar", ""},
		{"lib/hibernate-testing.jar", nil, Test, "test archive hibernate-testing.jar (name)", ""},
		{"lib/hibernate-jdbc4-testing-3.6.10.jar", nil, Test, "test archive hibernate-jdbc4-testing-3.6.10.jar (name)", ""},
		{"lib/hibernate-testsuite.jar", nil, Test, "test archive hibernate-testsuite.jar (name)", ""},
		{"lib/maven-resolver-test-util-1.6.3.jar", nil, TestSupport, "test-support archive maven-resolver-test-util-1.6.3.jar (name)", ""},
		{"lib/guava-testlib-31.1.jar", nil, TestSupport, "test-support archive guava-testlib-31.1.jar (name)", ""},
		{"lib/spring-test-4.3.30.jar", &ArchiveInfo{}, TestSupport, "test-support archive spring-test-4.3.30.jar (name)", ""},
		{"lib/zookeeper-it.jar", nil, Test, "test archive zookeeper-it.jar (name)", ""},
		{"lib/mina-benchmarks-2.2.1.jar", nil, Benchmark, "benchmark archive mina-benchmarks-2.2.1.jar (name)", ""},
		// The first word is the artifact's own name; examples are not read
		// from archive names; a locale suffix is not an integration test.
		{"lib/testng-7.5.jar", nil, Production, "", ""},
		{"lib/jmh-core-1.36.jar", nil, Production, "", ""},
		{"lib/demo-0.0.1-SNAPSHOT.jar", nil, Production, "", ""},
		{"lib/netty-example-4.1.jar", nil, Production, "", ""},
		{"lib/derbyLocale_it.jar", nil, Production, "", ""},
		{"lib/commons-latest.jar", nil, Production, "", ""},
	}
	for _, tt := range tests {
		d := c.Archive(tt.path, tt.info)
		if d.Class != tt.class || !strings.Contains(d.Reason, tt.reason) || !strings.Contains(strings.Join(d.Hints, "\n"), tt.hint) {
			t.Errorf("Archive(%s) = %+v, want %s %q hint %q", tt.path, d, tt.class, tt.reason, tt.hint)
		}
	}
}

func TestArchiveInfoNote(t *testing.T) {
	var a ArchiveInfo
	a.Note("META-INF/MANIFEST.MF", []byte("Manifest-Version: 1.0\r\nMain-Class: org.h2.tools.Console\r\n\r\n"))
	a.Note("META-INF/maven/plugin.xml", nil)
	a.Note("META-INF/BenchmarkList", nil)
	a.Note("org/h2/Driver.class", nil)
	if a.MainClass != "org.h2.tools.Console" || !a.MavenPlugin || !a.JMH {
		t.Errorf("%+v", a)
	}
}

// classBytes builds a class file with the given superclass and extra UTF-8
// constants (annotation descriptors), enough for the constant pool reader;
// an extra constant "class:a/b/C" is a class constant naming a/b/C.
func classBytes(this, super string, utf8 ...string) []byte {
	var b bytes.Buffer
	u16 := func(v int) { binary.Write(&b, binary.BigEndian, uint16(v)) }
	b.Write([]byte{0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 52})
	n := 5 + len(utf8)
	for _, s := range utf8 {
		if strings.HasPrefix(s, "class:") {
			n++
		}
	}
	u16(n)
	str := func(s string) { b.WriteByte(1); u16(len(s)); b.WriteString(s) }
	str(this)
	b.WriteByte(7)
	u16(1)
	str(super)
	b.WriteByte(7)
	u16(3)
	next := 5
	for _, s := range utf8 {
		if name, ok := strings.CutPrefix(s, "class:"); ok {
			str(name)
			b.WriteByte(7)
			u16(next)
			next += 2
			continue
		}
		str(s)
		next++
	}
	u16(0x21) // access
	u16(2)    // this
	u16(4)    // super
	u16(0)
	u16(0)
	u16(0)
	u16(0)
	return b.Bytes()
}

// cutPool cuts a class from classBytes in the middle of its last constant.
func cutPool(b []byte) []byte { return b[:len(b)-14-10] }

func TestEntries(t *testing.T) {
	c := New("", Options{})
	prod := Decision{Class: Production, Reason: "main source set src/main/"}
	test := Decision{Class: Test, Reason: "src/test/ source set", At: "a/src/test"}
	tests := []struct {
		archive Decision
		path    string
		entry   string
		head    []byte
		class   Class
		reason  string
	}{
		{prod, "app.war", "WEB-INF/classes/com/acme/Service.class", classBytes("com/acme/Service", "java/lang/Object"), Production, "main source set"},
		{prod, "app.war", "WEB-INF/lib/acme-tests.jar", nil, Test, "test archive"},
		{prod, "app.war", "WEB-INF/lib/acme-test-util-1.0.jar", nil, TestSupport, "test-support archive acme-test-util-1.0.jar (name)"},
		{prod, "app.war", "WEB-INF/lib/acme-sources.jar", nil, Packaging, "sources archive"},
		{prod, "app.jar", "com/acme/AcmeTest.class", classBytes("com/acme/AcmeTest", "java/lang/Object", "Lorg/junit/Test;"), Test, "JUnit/TestNG test class"},
		{prod, "app.jar", "com/acme/Legacy.class", classBytes("com/acme/Legacy", "junit/framework/TestCase"), Test, "extends TestCase"},
		{prod, "bench.jar", "com/acme/B.class", classBytes("com/acme/B", "java/lang/Object", "Lorg/openjdk/jmh/annotations/Benchmark;"), Benchmark, "JMH"},
		{prod, "plugin.jar", "com/acme/M.class", classBytes("com/acme/M", "org/apache/maven/plugin/AbstractMojo"), BuildTool, "Maven plugin goal"},
		// Apache Ant and Ant tasks are build tools in a jar as in sources
		{prod, "ant.jar", "org/apache/tools/ant/taskdefs/Javac.class", classBytes("org/apache/tools/ant/taskdefs/Javac", "org/apache/tools/ant/taskdefs/MatchingTask"), BuildTool, "Apache Ant (package org.apache.tools.ant)"},
		{prod, "ant.jar", "org/apache/tools/ant/util/LoaderUtils.class", classBytes("org/apache/tools/ant/util/LoaderUtils", "java/lang/Object"), BuildTool, "Apache Ant (package org.apache.tools.ant)"},
		{prod, "acme-tools.jar", "com/acme/build/CopyTask.class", classBytes("com/acme/build/CopyTask", "org/apache/tools/ant/Task"), BuildTool, "Ant task or type (extends an org.apache.tools.ant class)"},
		// naming Ant's types, a package that only starts like Ant's: production
		{prod, "acme.jar", "com/acme/Runner.class", classBytes("com/acme/Runner", "java/lang/Object", "Lorg/apache/tools/ant/Project;"), Production, "main source set"},
		{prod, "antx.jar", "org/apache/tools/antx/Tool.class", classBytes("org/apache/tools/antx/Tool", "java/lang/Object"), Production, "main source set"},
		// a class that refers to JLine's edits a terminal's line, as a source importing it
		{prod, "shell.jar", "org/db/Shell.class", classBytes("org/db/Shell", "java/lang/Object", "class:jline/console/ConsoleReader"), CLI, "interactive console (refers to jline.console.ConsoleReader"},
		{prod, "shell.jar", "org/db/Shell3.class", classBytes("org/db/Shell3", "java/lang/Object", "run", "class:org/jline/reader/LineReader"), CLI, "interactive console (refers to org.jline.reader.LineReader"},
		// JLine's own classes are the library; a string naming it is no reference
		{prod, "jline.jar", "jline/console/ConsoleReader.class", classBytes("jline/console/ConsoleReader", "java/lang/Object", "class:jline/console/history/History"), Production, ""},
		{prod, "app.jar", "org/db/Help.class", classBytes("org/db/Help", "java/lang/Object", "see jline/console for keys"), Production, ""},
		{prod, "app.jar", "org/py/Runtime.class", classBytes("org/py/Runtime", "java/lang/Object", "class:jline/console/UserInterruptException"), Production, ""},
		// a class that uses the Android platform's API runs on Android; its
		// nullness annotations alone are plain Java
		{prod, "app.jar", "org/acme/ui/LayerView.class", classBytes("org/acme/ui/LayerView", "java/lang/Object", "class:android/content/Context"), Android, "Android code (refers to the Android platform's API"},
		{prod, "app.jar", "org/acme/ui/Page.class", classBytes("org/acme/ui/Page", "java/lang/Object", "(Landroidx/fragment/app/Fragment;)V"), Android, "Android code"},
		{prod, "app.jar", "org/acme/Lib.class", classBytes("org/acme/Lib", "java/lang/Object", "Landroidx/annotation/Nullable;"), Production, ""},
		{prod, "app.jar", "org/acme/Tool.class", classBytes("org/acme/Tool", "java/lang/Object", "androids run here"), Production, ""},
		// a class that refers to Swing's components or AWT's windows and
		// events is a desktop GUI's; a string that only names the package,
		// or bytes after the constant pool, are not references
		{prod, "app.jar", "org/acme/ui/Win.class", classBytes("org/acme/ui/Win", "java/lang/Object", "class:javax/swing/JFrame"), Desktop, "desktop GUI"},
		{prod, "app.jar", "org/acme/ui/Act.class", classBytes("org/acme/ui/Act", "java/lang/Object", "(Ljava/awt/event/ActionEvent;)V"), Desktop, "desktop GUI"},
		{prod, "app.jar", "org/acme/Doc.class", classBytes("org/acme/Doc", "java/lang/Object", "see javax/swing/text for styles"), Production, ""},
		{prod, "app.jar", "org/acme/Tail.class", append(classBytes("org/acme/Tail", "java/lang/Object"), "javax/swing/JFrame"...), Production, ""},
		// a pool cut short keeps the constants read before the cut
		{prod, "app.jar", "org/acme/ui/Cut.class", cutPool(classBytes("org/acme/ui/Cut", "java/lang/Object", "class:javax/swing/JFrame", "a constant cut in the middle")), Desktop, "desktop GUI"},
		// a method descriptor that mentions the annotation type is not a use of it
		{prod, "junit.jar", "org/junit/runners/Runner.class", classBytes("org/junit/runners/Runner", "java/lang/Object", "(Lorg/junit/Test;)V"), Production, ""},
		// entries of a non-production archive inherit its decision
		{test, "a/src/test/resources/fixture.jar", "com/acme/Service.class", classBytes("com/acme/Service", "java/lang/Object"), Test, "src/test/"},
		// a .zip is a tree: its directories count
		{prod, "dist/apache-tomcat.zip", "apache-tomcat/webapps/examples/WEB-INF/classes/Hello.class", nil, Example, "example directory examples/"},
		{prod, "dist/apache-tomcat.zip", "apache-tomcat/lib/catalina.jar", nil, Production, ""},
		{prod, "dist/apache-tomcat.zip", "apache-tomcat/test/logback-test.xml", nil, Test, "test directory test/"},
		// a test-named config inside a jar is on the class path: production
		{prod, "lib.jar", "logback-test.xml", nil, Production, ""},
		// nested archives are named with !/
		{prod, "app.war!/WEB-INF/lib/dist.zip", "samples/x.properties", nil, Example, "example directory samples/"},
	}
	for _, tt := range tests {
		d := c.Entry(tt.archive, tt.path, tt.entry, tt.head)
		if d.Class != tt.class || !strings.Contains(d.Reason, tt.reason) {
			t.Errorf("Entry(%s, %s) = %s, want %s %q", tt.path, tt.entry, d, tt.class, tt.reason)
		}
		if !d.Production() && tt.archive.Production() && !strings.HasPrefix(d.At, tt.path+"!/") {
			t.Errorf("Entry(%s, %s): At = %q, want a path inside the archive", tt.path, tt.entry, d.At)
		}
	}
}

// An application that runs Ant in process (a JSP compiler calling Ant's
// javac task) turns build tools into production.
func TestEntriesBuildToolsProduction(t *testing.T) {
	c := New("", Options{BuildToolsProduction: true})
	prod := Decision{Class: Production, Reason: "main source set src/main/"}
	d := c.Entry(prod, "ant.jar", "org/apache/tools/ant/taskdefs/Javac.class", classBytes("org/apache/tools/ant/taskdefs/Javac", "org/apache/tools/ant/taskdefs/MatchingTask"))
	if !d.Production() {
		t.Errorf("Entry(ant.jar, Javac.class) = %s, want production", d)
	}
}

func TestLooseClassFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(rel string, data []byte) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	task := classBytes("org/acme/build/CopyTask", "org/apache/tools/ant/Task")
	test := classBytes("org/acme/ServiceTest", "java/lang/Object", "Lorg/junit/jupiter/api/Test;")
	plain := classBytes("org/acme/Service", "java/lang/Object")
	checker := classBytes("org/acme/Checker", "java/lang/Object", "class:javax/lang/model/element/TypeElement")
	gradle := classBytes("org/acme/LicensesTask", "org/gradle/api/DefaultTask")
	cupGen := classBytes("java_cup/emit", "java/lang/Object")
	cupRuntime := classBytes("java_cup/runtime/lr_parser", "java/lang/Object")
	reflect := classBytes("org/acme/Reflect", "java/lang/Object", "class:javax/lang/model/element/Modifier", "Ljavax/lang/model/type/TypeKind;")
	write("lib/classes/org/acme/build/CopyTask.class", task)
	write("lib/classes/org/acme/ServiceTest.class", test)
	write("lib/classes/org/acme/Service.class", plain)
	write("target/test-classes/org/acme/Service.class", plain)
	c := New(dir, Options{})
	for _, tt := range []struct {
		rel    string
		head   []byte
		class  Class
		reason string
	}{
		{"lib/classes/org/acme/build/CopyTask.class", task, BuildTool, "Ant task"},
		{"lib/classes/org/acme/ServiceTest.class", test, Test, "@Test"},
		{"lib/classes/org/acme/Service.class", plain, Production, ""},
		{"lib/classes/org/acme/Checker.class", checker, BuildTool, "compile-time code"},
		{"lib/classes/org/acme/Reflect.class", reflect, Production, ""},
		{"lib/classes/org/acme/LicensesTask.class", gradle, BuildTool, "Gradle build logic"},
		{"lib/classes/java_cup/emit.class", cupGen, BuildTool, "CUP parser generator"},
		{"lib/classes/java_cup/runtime/lr_parser.class", cupRuntime, Production, ""},
		{"target/test-classes/org/acme/Service.class", plain, Test, "test directory test-classes/"},
		{"lib/classes/org/acme/Broken.class", []byte("not a class"), Production, ""},
	} {
		if d := c.File(tt.rel, tt.head); d.Class != tt.class || !strings.Contains(d.Reason, tt.reason) {
			t.Errorf("%s: %s, want %s %q", tt.rel, d, tt.class, tt.reason)
		}
	}
}

func TestPathOnly(t *testing.T) {
	// Without a root nothing is read: paths and contents decide.
	c := New("", Options{})
	for _, tt := range []struct {
		rel   string
		class Class
	}{
		{"src/main/java/org/acme/A.java", Production},
		{"src/test/java/org/acme/ATest.java", Test},
		{"src/it/projects/simple/pom.xml", Test},
		{"src/integrationTest/java/org/acme/AIT.java", Test},
		{"src/testFixtures/java/org/acme/Fixture.java", Test},
		{"src/jmh/java/org/acme/ABench.java", Benchmark},
		{"module/src/main/java/org/acme/examples/Demo.java", Production},
		{"examples/basic/src/main/java/org/acme/Demo.java", Example},
		{"samples/A.java", Example},
		{"app/src/main/java/org/acme/App.java", Production},
		{"src/main/resources/archetype-resources/src/main/java/App.java", BuildTool},
		{"acme-benchmarks/src/main/java/org/acme/Bench.java", Benchmark},
		{"acme-it/src/main/java/org/acme/ITHelper.java", Production}, // no build file read: not a module
		{"it/src/main/java/org/acme/A.java", Production},
		{"i18n/it/messages.properties", Production},
		{"conf/logback-test.xml", Test},
		{"src/main/resources/logback-test.xml", Production},
		{"docs/samples/snippet.java", Example},
		{"contests/src/main/java/org/acme/A.java", Production},
		{"installer/src/java/org/acme/install/Installation.java", Packaging},
		{"src/main/java/org/acme/installer/Setup.java", Production}, // a package, not a directory of the layout
		{"latest/src/main/java/org/acme/A.java", Production},
		{"src/main/java/org/acme/test/Helper.java", Production},
	} {
		if d := c.File(tt.rel, nil); d.Class != tt.class {
			t.Errorf("%s: %s, want %s", tt.rel, d, tt.class)
		}
	}
}

func TestJavaHeads(t *testing.T) {
	c := New("", Options{})
	for _, tt := range []struct {
		name, rel, src string
		class          Class
		reason         string
	}{
		{"junit5 outside main", "x/A.java", "package org.acme;\nimport org.junit.jupiter.api.Test;\nclass A {\n  @Test void t() {}\n}\n", Test, "@Test"},
		{"testng parameterised", "x/A.java", "package org.acme;\nimport org.testng.annotations.*;\nclass A {\n  @org.testng.annotations.Test void t() {}\n}\n", Test, "@Test"},
		{"junit in main is a library", "src/main/java/org/acme/A.java", "package org.acme;\nimport org.junit.Assert;\nclass A {\n  static void check(boolean b) { Assert.assertTrue(b); }\n}\n", Production, ""},
		{"a test in main is a test", "src/main/java/org/acme/A.java", "package org.acme;\nimport org.junit.Test;\nclass A {\n  @Test void t() {}\n}\n", Test, "@Test) in a main source set"},
		{"annotation in a comment", "x/org/acme/A.java", "package org.acme;\nimport org.junit.Assert;\n// @Test\n/* @Test */\nclass A {}\n", Production, ""},
		{"import in a string", "x/org/acme/A.java", "package org.acme;\nclass A {\n  String s = \"import org.openjdk.jmh.annotations.Benchmark;\";\n}\n", Production, ""},
		{"jmh outside main", "x/org/acme/A.java", "package org.acme;\nimport org.openjdk.jmh.annotations.Benchmark;\nclass A {}\n", Benchmark, "JMH"},
		{"jmh itself", "x/org/openjdk/jmh/runner/Runner.java", "package org.openjdk.jmh.runner;\nimport org.openjdk.jmh.results.RunResult;\nclass Runner {}\n", Production, ""},
		{"mojo in main", "src/main/java/org/acme/M.java", "package org.acme;\nimport org.apache.maven.plugins.annotations.Mojo;\n@Mojo(name=\"x\")\nclass M extends Base {}\n", BuildTool, "@Mojo"},
		{"ant task by wildcard import", "src/main/java/org/acme/T.java", "package org.acme;\nimport org.apache.tools.ant.*;\npublic class T extends Task {}\n", BuildTool, "Ant task"},
		{"ant task by introspection", "src/main/java/org/acme/W.java", "package org.acme;\nimport org.apache.tools.ant.BuildException;\npublic class W {\n  public void setUser(String u) {}\n  public void execute() throws BuildException {}\n}\n", BuildTool, "Ant task (public execute()"},
		{"execute without ant", "src/main/java/org/acme/W.java", "package org.acme;\nimport java.util.concurrent.Callable;\npublic class W {\n  public void execute() {}\n}\n", Production, ""},
		{"ant import, execute with arguments", "src/main/java/org/acme/W.java", "package org.acme;\nimport org.apache.tools.ant.Project;\npublic class W {\n  public void execute(Project p) {}\n}\n", Production, ""},
		{"ant import, execute in a comment", "src/main/java/org/acme/W.java", "package org.acme;\nimport org.apache.tools.ant.Project;\npublic class W {\n  // public void execute() {}\n}\n", Production, ""},
		{"class named Task", "src/main/java/org/acme/T.java", "package org.acme;\nimport java.util.concurrent.*;\npublic class T extends Task {}\n", Production, ""},
		{"interface extends", "x/org/acme/I.java", "package org.acme;\nimport org.apache.tools.ant.Task;\npublic interface I extends Task {}\n", Production, ""},
		{"generic class", "x/org/acme/G.java", "package org.acme;\nimport junit.framework.TestCase;\npublic class G<T extends Comparable<T>> extends TestCase {}\n", Test, "extends TestCase"},
		{"doclet", "src/main/java/org/acme/D.java", "package org.acme;\nimport com.sun.javadoc.RootDoc;\npublic class D {}\n", BuildTool, "doclet"},
		{"annotation processor helper", "src/main/java/org/acme/R.java", "package org.acme;\nimport javax.lang.model.element.TypeElement;\nclass R {}\n", BuildTool, "compile-time code"},
		{"javac tree API", "src/main/java/org/acme/V.java", "package org.acme;\nimport com.sun.source.tree.MethodTree;\nclass V {}\n", BuildTool, "compile-time code"},
		{"processing environment", "src/main/java/org/acme/P.java", "package org.acme;\nimport javax.annotation.processing.*;\nclass P {}\n", BuildTool, "compile-time code"},
		{"model utilities, static", "src/main/java/org/acme/U.java", "package org.acme;\nimport static javax.lang.model.util.ElementFilter.methodsIn;\nclass U {}\n", BuildTool, "compile-time code"},
		{"model enums are run-time values", "src/main/java/org/acme/T.java", "package org.acme;\nimport javax.lang.model.element.Modifier;\nimport javax.lang.model.type.TypeKind;\nimport static javax.lang.model.element.ElementKind.CLASS;\nclass T {}\n", Production, ""},
		{"model wildcard", "src/main/java/org/acme/T.java", "package org.acme;\nimport javax.lang.model.type.*;\nclass T {}\n", Production, ""},
		{"source version", "src/main/java/org/acme/T.java", "package org.acme;\nimport javax.lang.model.SourceVersion;\nclass T {}\n", Production, ""},
		{"CUP generator", "src/java_cup/emit.java", "package java_cup;\npublic class emit {}\n", BuildTool, "CUP parser generator"},
		{"CUP Ant task", "src/java_cup/anttask/CUPTask.java", "package java_cup.anttask;\npublic class CUPTask {}\n", BuildTool, "CUP parser generator"},
		{"CUP runtime", "src/java_cup/runtime/lr_parser.java", "package java_cup.runtime;\npublic abstract class lr_parser {}\n", Production, ""},
		{"package named like CUP's", "src/java_cupx/A.java", "package java_cupx;\npublic class A {}\n", Production, ""},
		{"top-level package test", "src/main/java/test/Calls.java", "package test;\npublic class Calls {}\n", Test, "test package test.*"},
		{"package it (Italian)", "x/it/unimi/A.java", "package it.unimi;\npublic class A {}\n", Production, ""},
	} {
		d := c.File(tt.rel, []byte(tt.src))
		if d.Class != tt.class || !strings.Contains(d.Reason, tt.reason) {
			t.Errorf("%s: %s, want %s %q", tt.name, d, tt.class, tt.reason)
		}
	}
}

func TestPackageCorrectsDirectoryName(t *testing.T) {
	// src/mylib/test/ is a package directory here, not a test directory.
	c := New("", Options{})
	rel := "src/mylib/test/Helper.java"
	if d := c.File(rel, nil); d.Class != Test {
		t.Fatalf("without the package the name decides: %s", d)
	}
	if d := c.File(rel, []byte("package mylib.test;\npublic class Helper {}\n")); !d.Production() {
		t.Errorf("with package mylib.test: %s, want production", d)
	}
	// the package does not end the directory path: keep the directory's word
	if d := c.File(rel, []byte("package other;\npublic class Helper {}\n")); d.Class != Test {
		t.Errorf("with a package elsewhere: %s, want test", d)
	}
}

func TestNames(t *testing.T) {
	for _, tt := range []struct {
		name   string
		module bool
		class  Class
	}{
		{"netty-testsuite", true, Test},
		{"guava-testlib", true, TestSupport},
		{"spring-test", true, TestSupport},
		{"jersey-test-framework", true, TestSupport},
		{"test-jetty-webapp", true, Test},
		{"zookeeper-it", true, Test},
		{"log4j-core-its", true, Test},
		{"derbyLocale_it", true, Production},
		{"it", false, Production},
		{"derbyTesting", false, Test},
		{"bugtests", false, Test},
		{"contests", false, Production},
		{"latest", false, Production},
		{"microbench", true, Benchmark},
		{"mina-benchmarks", true, Benchmark},
		{"jetty-jmh", true, Benchmark},
		{"log4j-perf", true, Benchmark},
		{"netty-example", true, Example},
		{"sampleUses", true, Example},
		{"sampler", false, Production},
		{"docs", false, Example},
		{"jetty-docs", true, Production},
		{"testelement", false, Test},
		{"installer", false, Packaging},
		{"acme-installer", true, Packaging},
		{"install", false, Production},
		{"installation", false, Production},
	} {
		if c, _ := nameClass(tt.name, tt.module); c != tt.class {
			t.Errorf("nameClass(%q, %v) = %s, want %s", tt.name, tt.module, c, tt.class)
		}
	}
}

func TestReadPOMBuild(t *testing.T) {
	pom := `<project>
  <build>
    <sourceDirectory>${project.basedir}/src/java</sourceDirectory>
    <testSourceDirectory>src/junit/</testSourceDirectory>
    <plugins>
      <plugin>
        <artifactId>build-helper-maven-plugin</artifactId>
        <executions>
          <execution>
            <goals><goal>add-source</goal></goals>
            <configuration><sources><source>src/gen</source><source>${other}/x</source></sources></configuration>
          </execution>
          <execution>
            <goals><goal>add-test-resource</goal></goals>
            <configuration><resources><resource><directory>src/fixtures</directory></resource></resources></configuration>
          </execution>
        </executions>
      </plugin>
      <plugin>
        <artifactId>maven-shade-plugin</artifactId>
        <configuration><transformers><transformer><mainClass>org.acme.Main</mainClass></transformer></transformers></configuration>
      </plugin>
    </plugins>
  </build>
  <profiles><profile><build><testSourceDirectory>src/other</testSourceDirectory></build></profile></profiles>
</project>`
	b := readPOMBuild([]byte(pom))
	want := map[string]bool{"src/java": true, "src/junit": false, "src/gen": true, "src/fixtures": false}
	if len(b.roots) != len(want) {
		t.Errorf("roots %v, want %v", b.roots, want)
	}
	for dir, main := range want {
		if r, ok := b.roots[dir]; !ok || r.main != main {
			t.Errorf("root %s: %+v (present %v), want main=%v", dir, r, ok, main)
		}
	}
	if b.mainClass != "org.acme.Main" {
		t.Errorf("mainClass %q", b.mainClass)
	}
}

func TestTally(t *testing.T) {
	var tl Tally
	for i := 0; i < 1200; i++ {
		tl.Add(Decision{Class: Production, Reason: "main source set src/main/"})
	}
	for i := 0; i < 812; i++ {
		tl.Add(Decision{Class: Test, Reason: "src/test/ source set"})
	}
	for i := 0; i < 95; i++ {
		tl.Add(Decision{Class: Benchmark, Reason: "benchmark module netty-microbench (depends on org.openjdk.jmh)"})
	}
	tl.Add(Decision{Class: Configured, Reason: "configured non-production: tools/**"})
	want := "908 of 2,108 files set aside as non-production: 812 test scope, 95 benchmark, 1 configured"
	if got := tl.Summary(); got != want {
		t.Errorf("Summary() = %q\nwant %q", got, want)
	}
	rs := tl.Reasons()
	if len(rs) != 4 || rs[0].N != 1200 || rs[1].Reason != "src/test/ source set" {
		t.Errorf("Reasons() = %+v", rs)
	}
	// Entries of a scanned archive set aside by their content: counted
	// apart from files; production entries are not counted.
	for i := 0; i < 1119; i++ {
		tl.AddEntry(Decision{Class: BuildTool, Reason: "Apache Ant (package org.apache.tools.ant)"})
	}
	tl.AddEntry(Decision{Class: Test, Reason: "src/test/ source set"})
	tl.AddEntry(Decision{Class: Production, Reason: "main source set src/main/"})
	want = "908 of 2,108 files set aside as non-production: 812 test scope, 95 benchmark, 1 configured; " +
		"1,120 archive entries set aside: 1,119 build tool, 1 test scope"
	if got := tl.Summary(); got != want {
		t.Errorf("Summary() with entries = %q\nwant %q", got, want)
	}
	if tl.Total() != 2108 || tl.SetAside() != 908 || tl.EntriesSetAside() != 1120 {
		t.Errorf("Total %d, SetAside %d, EntriesSetAside %d", tl.Total(), tl.SetAside(), tl.EntriesSetAside())
	}
	rs = tl.Reasons()
	if len(rs) != 6 || rs[1].N != 1119 || !rs[1].Entries || rs[2].Reason != "src/test/ source set" || rs[2].Entries || !rs[4].Entries {
		t.Errorf("Reasons() with entries = %+v", rs)
	}
	// Entries alone: an archive named to scan is not counted as a file.
	var named Tally
	named.AddEntry(Decision{Class: BuildTool, Reason: "Apache Ant (package org.apache.tools.ant)"})
	if got, want := named.Summary(), "1 archive entry set aside as non-production: 1 build tool"; got != want {
		t.Errorf("Summary() of entries alone = %q, want %q", got, want)
	}
	var empty Tally
	if got := empty.Summary(); got != "0 of 0 files set aside as non-production" {
		t.Errorf("empty Summary() = %q", got)
	}
}

func TestTokens(t *testing.T) {
	for in, want := range map[string]string{
		"derbyTesting":          "derby testing",
		"log4j-core-its":        "log4j core its",
		"HTTPServer":            "httpserver",
		"test_osgi":             "test osgi",
		"jetty-maven-plugin.it": "jetty maven plugin it",
	} {
		if got := strings.Join(tokens(in), " "); got != want {
			t.Errorf("tokens(%q) = %q, want %q", in, got, want)
		}
	}
}

// Decisions do not depend on the order or concurrency of the calls that
// fill the classifier's caches.
func TestConcurrentSameAsSequential(t *testing.T) {
	root := filepath.Join("testdata", "jetty")
	var rels []string
	var heads [][]byte
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rels = append(rels, filepath.ToSlash(rel))
		h, _ := readHead(p)
		heads = append(heads, h)
		return nil
	})
	seq := New(root, Options{})
	want := make([]Decision, len(rels))
	for i := range rels {
		want[i] = seq.File(rels[i], heads[i])
	}
	par := New(root, Options{})
	got := make([]Decision, len(rels))
	done := make(chan bool)
	for w := 0; w < 8; w++ {
		go func(w int) {
			for k := range rels {
				i := (k + w*7) % len(rels) // each worker starts elsewhere
				d := par.File(rels[i], heads[i])
				if w == 0 {
					got[i] = d
				}
			}
			done <- true
		}(w)
	}
	for w := 0; w < 8; w++ {
		<-done
	}
	for i := range rels {
		if got[i].String() != want[i].String() {
			t.Errorf("%s: concurrent %s, sequential %s", rels[i], got[i], want[i])
		}
	}
}

// A directory the user names to scan is scanned, whatever its name or its
// ancestors' names say; what lies below it is still classified.
func TestNamedTargets(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"testdata/projects/app/src/main/java/a/A.java", "testdata/projects/app/src/test/java/a/ATest.java", "examples/order/B.java"} {
		p := filepath.Join(root, filepath.FromSlash(f))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("package a;\nclass A {}\n"), 0o644)
	}
	plain := New(root, Options{})
	named := New(root, Options{Targets: []string{"testdata/projects/app", "examples"}})
	for _, tc := range []struct {
		rel          string
		plain, named bool // production?
	}{
		{"testdata/projects/app/src/main/java/a/A.java", false, true},
		{"testdata/projects/app/src/test/java/a/ATest.java", false, false},
		{"examples/order/B.java", false, true},
	} {
		if got := plain.File(tc.rel, nil).Production(); got != tc.plain {
			t.Errorf("%s without targets: production %v, want %v", tc.rel, got, tc.plain)
		}
		if got := named.File(tc.rel, nil).Production(); got != tc.named {
			t.Errorf("%s named: production %v, want %v (%v)", tc.rel, got, tc.named, named.File(tc.rel, nil))
		}
	}
}

// TestToolOverrides: command-line tools and stub trees give way to
// overrides, to named targets and, for stubs, to build tools counted as
// production.
func TestToolOverrides(t *testing.T) {
	root := filepath.Join("testdata", "derby")
	ij := "java/tools/org/apache/derby/tools/ij.java"
	stub := "java/stubs/felix/org/osgi/framework/BundleActivator.java"
	head := func(rel string) []byte {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, tc := range []struct {
		name string
		opts Options
		rel  string
		want Class
	}{
		{"default", Options{}, ij, CLI},
		{"override", Options{Overrides: []Override{{Glob: "java/tools/**", Production: true, Source: ".kscan.yaml:2"}}}, ij, Production},
		{"named target", Options{Targets: []string{"java/tools"}}, ij, Production},
		// the tree's build.xml makes it one project: the tools beside the
		// targets are read
		{"other target", Options{Targets: []string{"java/engine", "java/tools/org/apache/derby/impl"}}, ij, CLI},
		{"stub default", Options{}, stub, BuildTool},
		{"stub build tools production", Options{BuildToolsProduction: true}, stub, Production},
	} {
		if got := New(root, tc.opts).File(tc.rel, head(tc.rel)); got.Class != tc.want {
			t.Errorf("%s: %s = %v, want %s", tc.name, tc.rel, got, tc.want)
		}
	}
}

// TestStubsOfOwnNamespace: a stubs/ tree of the project's own packages is
// not another project's API.
func TestStubsOfOwnNamespace(t *testing.T) {
	files := map[string]string{
		"java/engine/org/apache/derby/impl/Engine.java":      "package org.apache.derby.impl;\npublic class Engine {}\n",
		"java/stubs/own/org/apache/derby/shared/Stub.java":   "package org.apache.derby.shared;\npublic class Stub {}\n",
		"java/stubs/jdbc/javax/sql/DataSource.java":          "package javax.sql;\npublic interface DataSource {}\n",
		"java/stubs/pkg/org/osgi/framework/BundleEvent.java": "package org.osgi.framework;\npublic class BundleEvent {}\n",
	}
	checkFileClasses(t, files, map[string]Class{
		"java/engine/org/apache/derby/impl/Engine.java":      Production,
		"java/stubs/own/org/apache/derby/shared/Stub.java":   Production,
		"java/stubs/jdbc/javax/sql/DataSource.java":          BuildTool,
		"java/stubs/pkg/org/osgi/framework/BundleEvent.java": BuildTool,
	})
}

// The consumer index counts the same poms from a list the scan's walk
// made (poms in hidden and skipped directories and links among them) as
// from its own walk.
func TestListPOMs(t *testing.T) {
	root := t.TempDir()
	dep := `<project><artifactId>%s</artifactId><dependencies><dependency><groupId>g</groupId><artifactId>lib</artifactId><version>1</version></dependency></dependencies></project>`
	files := map[string]string{
		"a/pom.xml": fmt.Sprintf(dep, "a"), "b/c/pom.xml": fmt.Sprintf(dep, "c"),
		".hidden/pom.xml": fmt.Sprintf(dep, "h"), "target/pom.xml": fmt.Sprintf(dep, "t"), "x/build/pom.xml": fmt.Sprintf(dep, "bb"),
		"d/pom.xml": `<project><artifactId>d</artifactId><packaging>pom</packaging><dependencies><dependency><groupId>g</groupId><artifactId>lib</artifactId><version>1</version></dependency></dependencies></project>`,
	}
	for rel, text := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
	os.MkdirAll(filepath.Join(root, "l"), 0o755)
	os.Symlink(filepath.Join(root, "a", "pom.xml"), filepath.Join(root, "l", "pom.xml"))
	walked := New(root, Options{}).consumerCount("lib")
	if walked != 2 {
		t.Fatalf("walk: %d consumers of lib, want 2 (a and c)", walked)
	}
	c := New(root, Options{})
	c.ListPOMs([]string{"."}, []string{".hidden/pom.xml", "a/pom.xml", "b/c/pom.xml", "d/pom.xml", "l/pom.xml", "target/pom.xml", "x/build/pom.xml", "a/build.gradle"})
	if got := c.consumerCount("lib"); got != walked {
		t.Fatalf("listed: %d consumers of lib, the walk found %d", got, walked)
	}
	c = New(root, Options{})
	c.ListPOMs([]string{"."}, []string{})
	if got := c.consumerCount("lib"); got != 0 {
		t.Fatalf("an empty list: %d consumers, want 0", got)
	}
	// No list: the index walks; one awaited waits for the list.
	c = New(root, Options{})
	c.ListPOMs(nil, nil)
	if got := c.consumerCount("lib"); got != walked {
		t.Fatalf("no list: %d consumers, the walk found %d", got, walked)
	}
	c = New(root, Options{})
	c.AwaitPOMs()
	done := make(chan int)
	go func() { done <- c.consumerCount("lib") }()
	c.ListPOMs([]string{"."}, []string{"a/pom.xml"})
	c.ListPOMs(nil, nil) // the first call counts
	if got := <-done; got != 1 {
		t.Fatalf("awaited list: %d consumers, want 1", got)
	}
}

// The consumer index reads the projects the targets are in, not the rest
// of the root (the current directory a scanned project sits in), and
// takes the scan's list only when the scan walked those same projects.
func TestListPOMsTargets(t *testing.T) {
	root := t.TempDir()
	dep := `<project><artifactId>%s</artifactId><dependencies><dependency><groupId>g</groupId><artifactId>lib</artifactId><version>1</version></dependency></dependencies></project>`
	for rel, text := range map[string]string{
		"proj/pom.xml": fmt.Sprintf(dep, "p"), "proj/m/pom.xml": fmt.Sprintf(dep, "m"),
		"other/pom.xml": fmt.Sprintf(dep, "o"), "other/n/pom.xml": fmt.Sprintf(dep, "n"),
	} {
		p := filepath.Join(root, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
	os.MkdirAll(filepath.Join(root, "proj", "src"), 0o755)
	opts := Options{Targets: []string{"proj/src"}} // in the project proj
	if got := New(root, opts).consumerCount("lib"); got != 2 {
		t.Fatalf("walk: %d consumers of lib, want 2 (proj and proj/m, not other)", got)
	}
	c := New(root, opts)
	c.ListPOMs([]string{"proj"}, []string{"proj/pom.xml"})
	if got := c.consumerCount("lib"); got != 1 {
		t.Fatalf("a list of the walk of proj: %d consumers, want the list's 1", got)
	}
	c = New(root, opts)
	c.ListPOMs([]string{"proj/src"}, []string{}) // the target alone: not what the index reads
	if got := c.consumerCount("lib"); got != 2 {
		t.Fatalf("a list of another walk: %d consumers, want the index's own 2", got)
	}
	if got := New(root, Options{}).consumerCount("lib"); got != 4 {
		t.Fatalf("no targets: %d consumers, want the whole root's 4", got)
	}
}

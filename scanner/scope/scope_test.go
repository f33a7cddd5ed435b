package scope

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"
)

// want is the expected decision for one path: its class and a piece of
// its reason.
type want struct {
	path   string
	class  Class
	reason string
}

// The trees under testdata copy the layouts of real projects (the build
// files and a few sources each): Maven multi-module (netty, jetty, log4j,
// zookeeper, maven-resolver, slf4j), Maven with declared source roots
// (h2, javassist), Ant layouts (tomcat, hsqldb, jmeter, ant, jython,
// derby), Gradle (spring configured from the root, groovy subprojects),
// a root pom kept in src/ (mina).
var treeTests = map[string][]want{
	"netty": {
		{"common/src/main/java/io/netty/util/Recycler.java", Production, "main source set"},
		{"common/src/test/java/io/netty/util/RecyclerTest.java", Test, "src/test/ source set"},
		{"common/src/test/resources/logback-test.xml", Test, "src/test/"},
		{"common/pom.xml", Production, ""},
		{"microbench/src/main/java/io/netty/microbench/util/AbstractMicrobenchmark.java", Benchmark, "benchmark module netty-microbench (depends on org.openjdk.jmh)"},
		{"microbench/pom.xml", Benchmark, "benchmark module"},
		{"example/src/main/java/io/netty/example/echo/EchoServer.java", Example, "example module example"},
		{"testsuite/src/main/java/io/netty/testsuite/transport/AbstractTestsuiteTest.java", Test, "test module testsuite"},
		{"transport-sctp/src/main/java/io/netty/channel/sctp/SctpChannel.java", Production, "main source set"},
		{"transport-sctp/src/main/test/io/netty/channel/sctp/SctpLimitStreamsTest.java", Test, "test directory test/"},
		{"bom/pom.xml", Packaging, "BOM"},
		{"tarball/pom.xml", Packaging, "distribution pom (packaging pom, maven-assembly-plugin)"},
		// a distribution's configuration: a pom-packaged module builds no jar
		{"tarball/src/assembly/logging.properties", Packaging, "pom-packaged module"},
		// the root aggregator runs the assembly plugin too, but its modules decide for themselves
		{"pom.xml", Production, ""},
	},
	"jetty": {
		{"jetty-util/src/main/java/org/eclipse/jetty/util/Loader.java", Production, "main source set"},
		{"jetty-util/src/test/resources/example.jar", Test, "src/test/"},
		{"jetty-util/src/test/resources/TestData/alt.zip", Test, "src/test/"},
		{"jetty-maven-plugin/src/main/java/org/eclipse/jetty/maven/plugin/JettyRunMojo.java", BuildTool, "Maven plugin (packaging maven-plugin)"},
		{"jetty-maven-plugin/src/it/jetty-run-mojo-it/pom.xml", BuildTool, "Maven plugin"},
		{"jetty-ant/src/main/java/org/eclipse/jetty/ant/JettyRunTask.java", BuildTool, "Ant task"},
		{"jetty-ant/src/main/java/org/eclipse/jetty/ant/AntWebAppContext.java", Production, "main source set"},
		{"jetty-start/src/main/java/org/eclipse/jetty/start/Main.java", Production, "main source set"},
		{"jetty-jmh/src/main/java/org/eclipse/jetty/util/jmh/DateCacheBenchmark.java", Benchmark, "benchmark module jetty-jmh"},
		{"jetty-bom/pom.xml", Packaging, "BOM"},
		{"examples/embedded/src/main/java/org/eclipse/jetty/embedded/OneServletContext.java", Example, "example module examples"},
		{"tests/test-integration/src/main/java/org/eclipse/jetty/test/support/TestableJettyServer.java", Test, "test module tests"},
		{".mvn/wrapper/maven-wrapper.jar", BuildTool, ".mvn"},
		{".mvn/wrapper/maven-wrapper.properties", BuildTool, ".mvn"},
	},
	"tomcat": {
		{"java/org/apache/catalina/loader/WebappClassLoaderBase.java", Production, "no non-production signal"},
		{"java/org/apache/catalina/ant/BaseRedirectorHelperTask.java", BuildTool, "Ant task"},
		{"java/org/apache/catalina/util/ServerImages.java", Production, "no non-production signal"},
		// Ant tasks through a chain of the project's own abstract tasks
		{"java/org/apache/catalina/ant/DeployTask.java", BuildTool, "Ant task"},
		{"java/org/apache/catalina/ant/AbstractCatalinaCommandTask.java", BuildTool, "Ant task"},
		{"java/org/apache/catalina/ant/AbstractCatalinaTask.java", BuildTool, "Ant task"},
		// a superclass that is not in the tree decides nothing
		{"java/org/apache/catalina/startup/Tomcat.java", Production, ""},
		{"java/org/apache/catalina/startup/LocalStrings.properties", Production, ""},
		{"conf/logging.properties", Production, ""},
		{"test/org/apache/catalina/startup/TestTomcat.java", Test, "test directory test/"},
		{"test/webapp/WEB-INF/lib/test-lib.jar", Test, "test directory test/"},
		{"test/deployment/context.war", Test, "test directory test/"},
		{"webapps/examples/WEB-INF/classes/HelloWorldExample.java", Example, "example directory examples/"},
		{"webapps/docs/appdev/sample/src/mypackage/Hello.java", Example, "documentation directory docs/"},
		{"webapps/manager/WEB-INF/web.xml", Production, ""},
		{"modules/jdbc-pool/src/main/java/org/apache/tomcat/jdbc/pool/ConnectionPool.java", Production, "main source set"},
		{"modules/jdbc-pool/src/test/java/org/apache/tomcat/jdbc/test/PoolTest.java", Test, "src/test/"},
	},
	"hsqldb": {
		{"hsqldb/src/org/hsqldb/server/Server.java", Production, ""},
		{"hsqldb/src/org/hsqldb/util/ConnectionDialog.java", Desktop, "desktop GUI (imports Swing, AWT or JavaFX windows"},
		{"hsqldb/src/org/hsqldb/test/TestBase.java", Test, "extends TestCase"},
		// extends TestBase, which extends junit.framework.TestCase
		{"hsqldb/src/org/hsqldb/test/TestSql.java", Test, "test class (extends TestCase)"},
		{"hsqldb/src/org/hsqldb/test/odbc/TestOdbcBase.java", Test, "test package"},
		{"hsqldb/src/org/hsqldb/sample/Testdb.java", Example, "example package sample/ outside a main source set"},
		{"hsqldb/testrun/hsqldb/sqltool.properties", Test, "test directory testrun/"},
		{"hsqldb/doc/verbatim/src/org/hsqldb/trigger/Trigger.java", Example, "documentation directory doc/"},
	},
	"jmeter": {
		{"src/core/org/apache/jmeter/engine/StandardJMeterEngine.java", Production, ""},
		// imports JUnit but holds no test: JMeter's JUnit sampler
		{"src/junit/org/apache/jmeter/protocol/java/sampler/JUnitSampler.java", Production, ""},
		{"src/junit/test/Junit4AnnotationsTest.java", Test, "test"},
		// a TestNG listener beside the product's sources; a class that
		// only names TestNG's types stays production
		{"src/core/org/apache/jmeter/report/XmlTestReporter.java", Test, "test framework extension (extends org.testng.TestListenerAdapter)"},
		{"src/core/org/apache/jmeter/report/ResultCollectorBase.java", Production, ""},
		// a package named test without test classes: a sampler users run
		{"src/protocol/java/org/apache/jmeter/protocol/java/test/JavaTest.java", Production, ""},
		{"src/examples/org/apache/jmeter/examples/sampler/ExampleSampler.java", Example, "src/examples/"},
		{"test/src/org/apache/jmeter/engine/TestTreeCloner.java", Test, "test directory test/"},
		{"bin/jmeter.properties", Production, ""},
		{"bin/testfiles/jmeter-batch.properties", Test, "test directory testfiles/"},
	},
	"ant": {
		{"src/main/org/apache/tools/ant/Project.java", BuildTool, "Apache Ant (package org.apache.tools.ant)"},
		{"src/main/org/apache/tools/ant/taskdefs/Echo.java", BuildTool, "Apache Ant"},
		{"src/main/org/apache/tools/zip/ZipFile.java", Production, "main source set"},
		{"src/tests/junit/org/apache/tools/ant/ProjectTest.java", Test, "src/tests/ source set"},
		{"src/etc/testcases/taskdefs/zip/zipgroupfileset1.zip", Test, "test directory testcases/"},
		{"src/etc/poms/ant/pom.xml", BuildTool, "Apache Ant (groupId org.apache.ant)"},
		{"src/etc/poms/ant-junit/pom.xml", BuildTool, "Apache Ant"},
	},
	"h2": {
		{"src/main/org/h2/Driver.java", Production, "source root declared in pom.xml <sourceDirectory>"},
		{"src/main/org/h2/tools/Console.java", Production, "declared"},
		{"src/test/org/h2/test/TestAll.java", Test, "test source root declared in pom.xml <testSourceDirectory>"},
		{"src/tools/org/h2/build/Build.java", Test, "build-helper-maven-plugin add-test-source"},
		{".mvn/wrapper/maven-wrapper.jar", BuildTool, ".mvn"},
	},
	"log4j": {
		// a pom-packaged module whose sources ship in log4j-api
		{"log4j-api-java9/src/main/java/org/apache/logging/log4j/util/StackLocator.java", Production, "main source set"},
		{"log4j-api-java9/pom.xml", Packaging, "distribution pom"},
		{"log4j-perf/src/main/java/org/apache/logging/log4j/perf/jmh/ThreadContextBenchmark.java", Benchmark, "benchmark module log4j-perf (depends on org.openjdk.jmh)"},
		// JUnit without a scope, managed as test scope by the parent
		{"log4j-spring-boot/src/main/java/org/apache/logging/log4j/spring/boot/Log4j2CloudConfigLoggingSystem.java", Production, "main source set"},
		{"log4j-core-its/src/test/java/org/apache/logging/log4j/core/async/perftest/RunConversant.java", Test, "test module log4j-core-its"},
		{"log4j-bom/pom.xml", Packaging, "BOM"},
		{"log4j-samples/log4j-samples-configuration/src/main/java/org/apache/logging/log4j/configuration/CustomConfiguration.java", Example, "example module log4j-samples"},
		{"log4j-core/src/main/java/org/apache/logging/log4j/core/config/plugins/processor/PluginProcessor.java", BuildTool, "annotation processor"},
		{"log4j-core/src/main/java/org/apache/logging/log4j/core/LoggerContext.java", Production, "main source set"},
		// a test-named config in a main source set ships: it is production
		{"log4j-core/src/main/resources/log4j2-test.xml", Production, "main source set"},
		{"log4j-core/src/test/resources/log4j2-test.xml", Test, "src/test/"},
		{"log4j-core/src/test/resources/jarfile.jar", Test, "src/test/"},
	},
	"spring": {
		{"spring-core/src/main/java/org/springframework/util/ClassUtils.java", Production, "main source set"},
		{"spring-core/src/test/java/org/springframework/util/ClassUtilsTests.java", Test, "src/test/"},
		{"spring-test/src/main/java/org/springframework/mock/web/MockServletContext.java", TestSupport, "test-support module spring-test"},
		// the tests of a test-support library are test scope
		{"spring-test/src/test/java/org/springframework/test/util/ReflectionTestUtilsTests.java", Test, "src/test/ source set"},
		{"buildSrc/src/main/groovy/org/springframework/build/gradle/MergePlugin.java", BuildTool, "buildSrc"},
		{"gradle/wrapper/gradle-wrapper.jar", BuildTool, "wrapper"},
		{"gradle/wrapper/gradle-wrapper.properties", BuildTool, "wrapper"},
		// the root script configures every project: it speaks for none
		{"build.gradle", Production, ""},
	},
	"groovy": {
		{"src/main/org/codehaus/groovy/runtime/InvokerHelper.java", Production, "main source set"},
		{"src/test-resources/stubgenerator/circularLanguageReference/Shape.java", Test, "src/test-resources/ source set"},
		{"src/examples/groovyShell/BlockingGroovyShell.java", Example, "src/examples/"},
		{"subprojects/groovy-test/src/main/java/groovy/util/GroovyTestCase.java", TestSupport, "test-support module groovy-test (junit:junit on a main configuration)"},
		// JUnit only on the main compile class path (compileOnly): a library of JUnit extensions
		{"subprojects/groovy-test-junit5/src/main/java/groovy/junit5/GroovyAssertExtension.java", TestSupport, "test-support module groovy-test-junit5 (org.junit.jupiter:junit-jupiter-api on a main configuration)"},
		{"subprojects/groovy-sql/src/main/java/groovy/sql/Sql.java", Production, "main source set"},
		{"subprojects/groovy-docgenerator/src/main/java/org/codehaus/groovy/tools/DocGenerator.java", BuildTool, "Gradle plugin"},
	},
	"guava": {
		{"guava/src/com/google/common/base/Preconditions.java", Production, ""},
		{"guava-testlib/src/com/google/common/testing/EqualsTester.java", TestSupport, "test-support module guava-testlib (junit:junit in compile scope)"},
		// JUnit provided by whoever runs the tests: a library of JUnit extensions
		{"guava-testlib-ext/src/com/google/common/testing/ext/TearDownExtension.java", TestSupport, "test-support module guava-testlib-ext (org.junit.jupiter:junit-jupiter-api in provided scope)"},
		{"guava-testlib/test/com/google/common/testing/EqualsTesterTest.java", Test, "test directory test/"},
		{"guava-tests/test/com/google/common/base/PreconditionsTest.java", Test, "test module guava-tests"},
		{"guava-tests/benchmark/com/google/common/base/StringsBenchmark.java", Test, "test module guava-tests"},
	},
	"javassist": {
		{"src/main/javassist/CtClass.java", Production, "source root declared in pom.xml <sourceDirectory>"},
		// in a main source set a package named sample ships
		{"src/main/javassist/sample/Inner.java", Production, "declared"},
		{"sample/evolve/DemoLoader.java", Example, "sample"},
		{"sample/Test.java", Example, "example directory sample/"},
	},
	"mina": {
		{"src/mina-core/src/main/java/org/apache/mina/core/IoUtil.java", Production, "main source set"},
		{"src/mina-core/src/test/java/org/apache/mina/core/IoUtilTest.java", Test, "src/test/"},
		{"src/mina-example/src/main/java/org/apache/mina/example/echoserver/Main.java", Example, "example module mina-example"},
		{"src/mina-benchmarks/src/test/java/org/apache/mina/core/BenchmarkServer.java", Benchmark, "benchmark module mina-benchmarks"},
		{"src/pom.xml", Production, ""},
	},
	"jython": {
		{"src/org/python/core/PySystemState.java", Production, ""},
		{"src/org/python/indexer/demos/HtmlDemo.java", Example, "example package demos/"},
		{"tests/java/org/python/core/PySystemStateTest.java", Test, "test directory tests/"},
		{"Lib/test/blob.jar", Test, "test directory test/"},
		{"Demo/jreload/example.jar", Example, "example directory Demo/"},
		{"installer/src/java/org/python/util/install/Installation.java", Packaging, "installer directory installer/"},
		{"src/org/python/util/GlobMatchingTask.java", BuildTool, "Ant task"},
		{"src/org/python/util/JycompileAntTask.java", BuildTool, "Ant task"},
		{"src/org/python/util/LineConsole.java", CLI, "interactive console (imports jline.console.ConsoleReader"},
		{"src/jline/console/History.java", Production, ""},
		{"src/org/python/core/Runtime.java", Production, ""},
	},
	"derby": {
		{"java/engine/org/apache/derby/impl/jdbc/EmbedConnection.java", Production, ""},
		{"java/testing/org/apache/derbyTesting/junit/BaseTestCase.java", Test, "test module testing"},
		{"java/testing/org/apache/derbyTesting/functionTests/testData/v1/j1v1.jar", Test, "test module testing"},
		{"java/demo/simple/SimpleApp.java", Example, "example directory demo/"},
		// "it" is Italian here, not integration tests
		{"maven2/derbyLocale_it/pom.xml", Production, ""},
		{"plugins/eclipse/org.apache.derby.ui/src/org/apache/derby/ui/actions/StopAction.java", BuildTool, "Eclipse plugin (plugin.xml)"},
		{"plugins/eclipse/org.apache.derby.notui/build.properties", Production, ""},
		// the ij shell: its main and what only mains use, across two tool packages
		{"java/tools/org/apache/derby/tools/ij.java", CLI, "only main methods use"},
		{"java/tools/org/apache/derby/impl/tools/ij/Main.java", CLI, "only main methods use"},
		{"java/tools/org/apache/derby/impl/tools/ij/utilMain.java", CLI, "only main methods use"},
		{"java/tools/org/apache/derby/impl/tools/sysinfo/Main.java", CLI, "only main methods use"},
		// a tools class the network server uses at run time
		{"java/tools/org/apache/derby/iapi/tools/i18n/LocalizedResource.java", Production, ""},
		{"java/drda/org/apache/derby/impl/drda/NetworkServerControlImpl.java", Production, ""},
		{"java/stubs/felix/org/osgi/framework/BundleActivator.java", BuildTool, "compile-time API stubs"},
	},
	"hibernate": {
		// a tool package a session factory runs at startup
		{"hibernate-core/src/main/java/org/hibernate/tool/hbm2ddl/SchemaExport.java", Production, "main source set"},
		{"hibernate-core/src/main/java/org/hibernate/internal/SessionFactoryImpl.java", Production, "main source set"},
		// its validator only its main and an Ant task use
		{"hibernate-core/src/main/java/org/hibernate/tool/hbm2ddl/SchemaValidator.java", CLI, "only main methods use"},
		{"hibernate-core/src/main/java/org/hibernate/tool/hbm2ddl/SchemaValidatorTask.java", BuildTool, "Ant task"},
	},
	"zookeeper": {
		{"zookeeper-server/src/main/java/org/apache/zookeeper/server/ZooKeeperServerMain.java", Production, "main source set"},
		{"zookeeper-server/src/main/resources/lib/log4j.properties", Production, "main source set"},
		{"zookeeper-it/src/main/java/org/apache/zookeeper/test/system/InstanceManager.java", Benchmark, "benchmark module zookeeper-it"},
		{"zookeeper-assembly/pom.xml", Packaging, "distribution pom"},
		{"zookeeper-contrib/zookeeper-contrib-zooinspector/src/main/java/org/apache/zookeeper/inspector/ZooInspector.java", Production, "main source set"},
	},
	"maven-resolver": {
		{"maven-resolver-api/src/main/java/org/eclipse/aether/RepositorySystem.java", Production, "main source set"},
		{"maven-resolver-test-util/src/main/java/org/eclipse/aether/internal/test/util/TestUtils.java", TestSupport, "test-support module maven-resolver-test-util (name)"},
		{"maven-resolver-demos/maven-resolver-demo-maven-plugin/src/main/java/org/apache/maven/resolver/examples/maven/ResolveArtifactMojo.java", Example, "example module maven-resolver-demos"},
		{"maven-resolver-demos/maven-resolver-demo-snippets/src/main/data/demo.jar", Example, "example module maven-resolver-demos"},
		{"maven-resolver-archetype/pom.xml", BuildTool, "Maven archetype (src/main/resources/archetype-resources)"},
		{"maven-resolver-archetype/src/main/resources/archetype-resources/src/main/java/App.java", BuildTool, "Maven archetype"},
	},
	"slf4j": {
		{"slf4j-api/src/main/java/org/slf4j/LoggerFactory.java", Production, "main source set"},
		// JUnit on the compile class path, but these are tests of the module
		{"integration/src/test/java/org/slf4j/OldAPIVersionMismatchAssertionTest.java", Test, "src/test/ source set"},
		{"log4j-over-slf4j/src/main/java/org/apache/log4j/Category.java", Production, "main source set"},
		{"log4j-over-slf4j/compatibility/src/main/java/test/Log4j12Calls.java", Test, "test package test.*"},
	},
	// JUnit without a scope in the scanned project's own pom: a hint only
	"sloppy": {
		{"src/main/java/com/example/app/OrdersApp.java", Production, "main source set"},
		{"pom.xml", Production, ""},
	},
	// a parent's dependencies are its children's: they set nothing aside
	"sloppyparent": {
		{"pom.xml", Production, ""},
		{"core/src/main/java/com/example/core/Core.java", Production, "main source set"},
	},
	// a code generator the build runs through its main, beside a
	// protocol's generator package the server uses
	"codegen": {
		{"src/main/java/com/example/sql/codegen/ParserGen.java", CLI, "only main methods use"},
		{"src/main/java/com/example/sql/codegen/Grammar.java", CLI, "only main methods use"},
		{"src/main/java/com/example/net/generator/FrameGenerator.java", Production, "main source set"},
		{"src/main/java/com/example/net/Server.java", Production, "main source set"},
	},
	// a grammar compiler's module (its targets loaded by name, a facade
	// for build plug-ins) that only a comment of the runtime names, beside
	// a tools module whose exporter the runtime calls
	"toolmodule": {
		{"pom.xml", Production, ""},
		{"runtime/pom.xml", Production, ""},
		{"runtime/src/main/java/com/example/rt/Parser.java", Production, "main source set"},
		{"tool/pom.xml", Production, ""},
		{"tool/src/main/java/com/example/tool/Tool.java", CLI, "module of a cli/tool/tools directory"},
		{"tool/src/main/java/com/example/tool/misc/BitSet.java", CLI, "module of a cli/tool/tools directory"},
		{"tool/src/main/java/com/example/tool/codegen/JavaTarget.java", CLI, "module of a cli/tool/tools directory"},
		{"tool/src/main/java/com/example/tool/api/ToolFacade.java", CLI, "module of a cli/tool/tools directory"},
		{"tools/schema/pom.xml", Production, ""},
		{"tools/schema/src/main/java/com/example/schema/SchemaTool.java", CLI, "only main methods use"},
		{"tools/schema/src/main/java/com/example/schema/SchemaExporter.java", Production, "main source set"},
	},
	"orphan": {
		// JUnit without a scope and a parent outside the tree: not decided
		{"src/main/java/com/example/orphan/Lib.java", Production, "main source set"},
	},
}

func TestTrees(t *testing.T) {
	for tree, wants := range treeTests {
		t.Run(tree, func(t *testing.T) {
			root := filepath.Join("testdata", tree)
			c := New(root, Options{})
			for _, w := range wants {
				abs := filepath.Join(root, filepath.FromSlash(w.path))
				if _, err := os.Stat(abs); err != nil {
					t.Fatalf("fixture missing: %v", err)
				}
				var head []byte
				if strings.HasSuffix(w.path, ".java") || strings.HasSuffix(w.path, ".class") {
					h, err := readHead(abs)
					if err != nil {
						t.Fatal(err)
					}
					head = h
				}
				d := c.File(w.path, head)
				if d.Class != w.class || !strings.Contains(d.Reason, w.reason) {
					t.Errorf("%s: got %s, want %s with reason containing %q", w.path, d, w.class, w.reason)
				}
			}
		})
	}
}

// Every fixture file is in the table, so that a fixture added without an
// expectation is noticed.
func TestTreesCovered(t *testing.T) {
	listed := map[string]bool{}
	for tree, wants := range treeTests {
		for _, w := range wants {
			listed[tree+"/"+w.path] = true
		}
	}
	var missing []string
	filepath.WalkDir("testdata", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, "testdata"+string(filepath.Separator)))
		if isInput(filepath.Base(p)) && !listed[rel] && !strings.HasSuffix(rel, "/pom.xml") && !strings.HasSuffix(rel, ".gradle") {
			missing = append(missing, rel)
		}
		return nil
	})
	if len(missing) > 0 {
		t.Errorf("fixture inputs without an expectation:\n%s", strings.Join(missing, "\n"))
	}
}

func TestDesktopRef(t *testing.T) {
	for s, want := range map[string]bool{
		"javax/swing/JFrame":                  true,
		"Ljavax/swing/JPanel;":                true,
		"javax/swing/SwingUtilities":          true,
		"java/awt/event/ActionListener":       true,
		"Ljava/awt/Frame;":                    true,
		"javax/swing/event/EventListenerList": false,
		"javax/swing/text/html/HTMLEditorKit": false,
		"java/awt/image/BufferedImage":        false,
		"java/awt/Color":                      false,
		"org/example/swing/JFrame":            false,
		"javafx/stage/Stage":                  true,
		"Ljavafx/scene/control/Button;":       true,
		"javafx/application/Application":      true,
		"javafx/collections/ObservableList":   false,
	} {
		if got := desktopRef(s); got != want {
			t.Errorf("desktopRef(%q) = %v, want %v", s, got, want)
		}
	}
}

// clean returns a clean path itself (no copy) and cleans any other path
// as it always did.
func TestCleanKeepsCleanPaths(t *testing.T) {
	old := func(rel string) string {
		rel = strings.ReplaceAll(rel, "\\", "/")
		return path.Clean("/" + rel)[1:]
	}
	for _, rel := range []string{"", ".", "..", "../a", "a/..", "a", "a/b/C.java", "/a/b", "a//b", "a/./b", "a/b/", `a\b`, "..a/b", "a/../../b"} {
		if got, want := clean(rel), old(rel); got != want {
			t.Errorf("clean(%q) = %q, want %q", rel, got, want)
		}
	}
	rel := "src/main/java/a/B.java"
	if c := clean(rel); unsafe.StringData(c) != unsafe.StringData(rel) {
		t.Errorf("clean(%q) copied a clean path", rel)
	}
}

// A class named by its qualified name in code counts as its import would;
// a name in a comment or a literal, a package that does not count as an
// import, or a longer name ending the same way do not.
func TestQualifiedDesktop(t *testing.T) {
	for src, want := range map[string]bool{
		"package a; public class F extends javax.swing.JFrame { }":                                true,
		"class A { void f(Runnable r) { javax.swing.SwingUtilities.invokeLater(r); } }":           true,
		"class A { void f(java.awt.event.ActionEvent e) { } }":                                    true,
		"class A { java.awt.Frame owner; }":                                                       true,
		"class A { // javax.swing.JFrame\n }":                                                     false,
		"class A { String s = \"javax.swing.JFrame\"; }":                                          false,
		"class A { javax.swing.event.ChangeListener l; }":                                         false,
		"class A { java.awt.Color c; java.awt.image.BufferedImage i; }":                           false,
		"class A { my.javax.swing.JFrame f; }":                                                    false,
		"import javax.swing.JFrame; class A { }":                                                  true,
		"import javafx.stage.Stage; class A { }":                                                  true,
		"import javafx.beans.property.StringProperty; class A { }":                                false,
		"class App extends javafx.application.Application { }":                                    true,
		"class A { void f() { javafx.application.Platform.runLater(null); } }":                    true,
		"package a; class A extends Base { javax.swing.ImageIcon icon() { return null; } }":       true,
		"package a; class A { Object o = java.awt.GraphicsEnvironment.isHeadless() ? null : 1; }": false,
	} {
		if got := parseJavaHead([]byte(src)).desktop(); got != want {
			t.Errorf("desktop(%q) = %v, want %v", src, got, want)
		}
	}
}

// A module of a larger build whose executable jar's Main-Class opens
// windows, and that no module of the tree depends on, is a desktop
// application. A single-module project, a module another one depends on,
// and a command-line Main-Class stay production.
func TestDesktopApplicationModule(t *testing.T) {
	pom := func(artifact, main, deps string) string {
		mc := ""
		if main != "" {
			mc = `<build><plugins><plugin><artifactId>maven-jar-plugin</artifactId><configuration><archive><manifest><mainClass>` + main + `</mainClass></manifest></archive></configuration></plugin></plugins></build>`
		}
		return `<project><groupId>g</groupId><artifactId>` + artifact + `</artifactId><version>1</version><dependencies>` + deps + `</dependencies>` + mc + `</project>`
	}
	dep := func(a string) string {
		return `<dependency><groupId>g</groupId><artifactId>` + a + `</artifactId><version>1</version></dependency>`
	}
	gui := "package app; import javax.swing.JFrame; public class Main { public static void main(String[] a) { new JFrame(); } }"
	cli := "package app; public class Main { public static void main(String[] a) { } }"
	write := func(root string, files map[string]string) {
		for rel, text := range files {
			p := filepath.Join(root, filepath.FromSlash(rel))
			os.MkdirAll(filepath.Dir(p), 0o755)
			os.WriteFile(p, []byte(text), 0o644)
		}
	}
	parent := `<project><groupId>g</groupId><artifactId>parent</artifactId><version>1</version><packaging>pom</packaging><modules><module>core</module><module>app</module><module>viewer</module></modules></project>`
	root := t.TempDir()
	write(root, map[string]string{
		"pom.xml":      parent,
		"core/pom.xml": pom("core", "", ""), "core/src/main/java/core/Geo.java": "package core; public class Geo { }",
		"app/pom.xml": pom("app", "app.Main", dep("core")), "app/src/main/java/app/Main.java": gui,
		"app/src/main/java/app/Functions.java": "package app; public class Functions { static Object cache; }",
		// a viewer that another module embeds
		"viewer/pom.xml": pom("viewer", "app.Main", ""), "viewer/src/main/java/app/Main.java": gui,
		"plugin/pom.xml": pom("plugin", "", dep("viewer")),
	})
	c := New(root, Options{})
	for rel, want := range map[string]Class{
		"app/src/main/java/app/Functions.java": Desktop,
		"core/src/main/java/core/Geo.java":     Production,
		"viewer/src/main/java/app/Main.java":   Desktop, // its own content: it opens windows
	} {
		head, err := readHead(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		if d := c.File(rel, head); d.Class != want {
			t.Errorf("%s: %s, want %s", rel, d, want)
		}
	}
	if d := c.Dir("app"); d.Class != Desktop || !strings.Contains(d.Reason, "desktop application module app (Main-Class app.Main builds windows") {
		t.Errorf("app: %+v", d)
	}
	if d := c.Dir("viewer"); !d.Production() {
		t.Errorf("viewer, which plugin depends on: %+v", d)
	}
	// the same module as a project of its own, or with a command-line main
	single := t.TempDir()
	write(single, map[string]string{"pom.xml": pom("app", "app.Main", ""), "src/main/java/app/Main.java": gui, "src/main/java/app/Functions.java": "package app; public class Functions { }"})
	if d := New(single, Options{}).Dir(""); !d.Production() {
		t.Errorf("single-module project: %+v", d)
	}
	tool := t.TempDir()
	write(tool, map[string]string{"pom.xml": parent, "app/pom.xml": pom("app", "app.Main", ""), "app/src/main/java/app/Main.java": cli})
	if d := New(tool, Options{}).Dir("app"); !d.Production() {
		t.Errorf("command-line main: %+v", d)
	}
}

// A test framework's own sources run in test runs only, in a main source
// set too; a package that only starts with the same words does not count.
func TestTestFrameworkPackage(t *testing.T) {
	for src, want := range map[string]Class{
		"package org.testng.xml; public class Parser { }":                                        TestSupport,
		"package junit.textui; public class TestRunner { }":                                      TestSupport,
		"package org.junit.jupiter.api; public class Assertions { }":                             TestSupport,
		"package com.sun.javatest.regtest.exec; public class Alarm { }":                          TestSupport,
		"package org.apache.maven.surefire.booter; class CommandReader { }":                      TestSupport,
		"package org.apache.maven.plugin.surefire.booterclient; class ForkStarter { }":           TestSupport,
		"package org.mockito.internal.creation.bytebuddy; public class MockMethodDispatcher { }": TestSupport,
		"package org.apache.maven.surefirex; public class Other { }":                             Production,
		"package org.testngx; public class Parser { }":                                           Production,
		"package org.acme.junit; public class Rules { }":                                         Production,
	} {
		wantSourceClass(t, src, want)
	}
}

// wantSourceClass checks the class the head of src decides (Production
// when no signal does).
func wantSourceClass(t *testing.T, src string, want Class) {
	t.Helper()
	d, ok := javaSignals(parseJavaHead([]byte(src)), true)
	if got := Production; ok {
		got = d.Class
		if got != want {
			t.Errorf("%q: %s, want %s", src, d, want)
		}
	} else if want != Production {
		t.Errorf("%q: no signal, want %s", src, want)
	}
}

// JavaCC's own code (the generator, JJTree, JJDoc) and copies of javac run
// at build time, in their sources and in their jars; the parsers JavaCC
// writes are in their users' packages.
func TestToolPackages(t *testing.T) {
	for src, want := range map[string]Class{
		"package org.javacc.parser; public class NfaState { }":   BuildTool,
		"package org.javacc.jjtree; public class JJTree { }":     BuildTool,
		"package org.javaccx; public class Parser { }":           Production,
		"package com.sun.tools.javac.util; public class Log { }": BuildTool,
		"package com.sun.tools.javacx; public class Log { }":     Production,
		"package com.acme.parser; public class Parser { }":       Production,
	} {
		wantSourceClass(t, src, want)
	}
	for this, want := range map[string]Class{"org/javacc/parser/Options": BuildTool, "com/acme/parser/Options": Production,
		"com/sun/tools/javac/util/Log": BuildTool} {
		h, ok := parseClassHead(classBytes(this, "java/lang/Object"))
		got := Production
		if d, sig := classSignals(h); ok && sig {
			got = d.Class
		}
		if got != want {
			t.Errorf("class %s: %s, want %s", this, got, want)
		}
	}
}

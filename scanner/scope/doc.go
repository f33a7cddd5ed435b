// Package scope decides which code of a scanned tree runs in the shared JVM
// (production) and which never does: tests and their resources, test-support
// libraries, benchmarks, examples, build-tool code, packaging files. Each
// Decision names the signal that made it, so that a wrong guess is visible
// and the files set aside can be counted by reason (Tally).
//
// Inputs of every kind go through one Classifier per tree:
//
//   - Dir classifies a directory once from the build files and names of it
//     and its ancestors; everything below inherits a non-production
//     decision (a module named *-examples sets aside all of its files);
//   - File classifies a file from its directory, its name and, given its
//     first HeadSize bytes, its content: the package, imports, annotations
//     and superclass of a Java source (followed through the tree's own
//     superclasses), the constant pool of a class file;
//   - Archive classifies a jar, war or zip of the tree by place and name and
//     by what its entries say (ArchiveInfo: plugin.xml, BenchmarkList,
//     Main-Class); Entry classifies one entry of it;
//   - user overrides (Options.Overrides, read from .kscan.yaml by the
//     caller) win over everything and are their own reason.
//
// Signals, strongest first: overrides; build files (packaging maven-plugin
// or maven-archetype, JUnit/TestNG on the compile class path, a JMH or
// Caliper dependency, source roots a pom declares, distribution poms and
// BOMs); layout (src/test, src/it, Gradle test source sets, directories
// named test, tests, examples, samples, demo, benchmarks and the like
// before the package path starts); file names (*-tests.jar, *-sources.jar,
// maven-wrapper.jar, logback-test.xml outside a main source set); content.
//
// Judgments a reader may not share, each overridable:
//
//   - Build tools are not production. Maven plugins, Ant tasks (and Apache
//     Ant itself, package org.apache.tools.ant), annotation processors and
//     compiler plug-ins (code working on javax.lang.model's elements and
//     types or javac's tree API, which only a compiler implements),
//     doclets and Gradle build logic run inside Maven, Ant, javac, javadoc
//     or Gradle, never in an application JVM. The same holds for their
//     class files inside archives (Ant's own classes in ant.jar, a class
//     extending one of Ant's in any jar, a Maven goal), so a jar scan sets
//     aside what a scan of the sources does. Options.BuildToolsProduction
//     turns this off, for code that an application embeds (Jasper runs
//     Ant's javac task in process).
//   - A distribution pom or a BOM sets aside the pom file alone: the
//     sources of a pom-packaged module can still ship (log4j-api-java9).
//     An installer (a directory or module named installer) is packaging
//     too: it sets the product up in its own process and is never on an
//     application's class path.
//   - The scanned root's own name is never read, and what its dependencies
//     suggest (JUnit in compile scope, JMH) is only a hint: scanning a
//     project called foo-demo, or one that forgot JUnit's scope, means its
//     code is wanted. Facts about the artifact (packaging maven-plugin)
//     still hold there. A pom-packaged module's dependencies are its
//     children's, so they decide nothing for it.
//   - A main source set (src/main or a declared sourceDirectory) is
//     production whatever its package names say (org.jsoup.examples ships
//     in the jsoup jar); test imports there make a test-support library
//     only through the module's build file or name. Outside one, a package
//     named sample or demo is example code, and a package named test is
//     test scope when it holds JUnit or TestNG test classes. A class that
//     extends a JUnit or TestNG type (a listener, a reporter, a TestCase)
//     is test scope anywhere: it runs inside a test run alone.
//   - A main class or launcher module is only a hint: whether some code is
//     reachable from main alone is the call graph's decision. One
//     exception, read from sources alone: a class of a cli, tool or tools
//     package (or source tree) that a main method of those packages
//     reaches and that no production source outside them uses is a
//     command-line tool (Derby's ij, H2's Shell). A tool package the
//     product calls at run time (H2's Server, a schema exporter a session
//     factory runs) stays production. A tool module (a directory named
//     cli, tool or tools that holds a build file, or whose subdirectory
//     does) with a main method, whose classes no production source
//     outside it uses in code (a comment naming one does not count), is a
//     program as a whole: the classes its mains do not name (targets
//     loaded by name, a facade for build plug-ins) go with them (ANTLR's
//     grammar compiler, JAX-WS's wsimport). A source that imports JLine, a
//     terminal line editor, is an interactive console: command-line tool;
//     so is a class file that refers to a JLine class (in a jar or a
//     tree), so that a jar scan sets aside what the source scan does.
//   - A stubs/ directory whose packages share no namespace (first two
//     segments) with the tree's other production sources holds API stubs
//     built for the compile class path: build tool.
//   - A source that set-aside sources of its own package (a GUI, an Ant
//     task, a command-line tool, a test by content) name, and that no
//     production source of the tree uses (by simple name in its package,
//     by qualified name, wildcard import, quoted name or META-INF/services
//     line), goes with its user: a GUI tool's helpers, the preprocessor an
//     Ant task drives. So does one of a subpackage of its user's package,
//     in the same source root, that the user imports, when at least half
//     of the user's package is set aside: a GUI's manager package, an Ant
//     plugin's types. A public class of a sibling or parent package is a
//     library's API even with no caller in the tree, and a console class
//     in a product's own package (a JLine completer beside the client)
//     sets nothing of the product aside.
//   - Test support inside a production source tree: a class named like
//     FooTestUtils, FooTestCase or FooTestSupport, or a class of a package
//     named test, tests, testing or testutil that a test or a test
//     driver (a main method of such a package) names, with what only such
//     classes use, unless production code uses it. A class of a test
//     package that nothing names stays production: a plugin found by
//     class scanning (a load tester's sampler in ...sampler.test).
package scope

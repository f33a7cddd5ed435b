package scope

import (
	"strings"
	"unicode"
)

// tokens splits a directory, module or file name into lower-case words at
// '-', '_', '.', spaces and camel-case humps: "derbyTesting" -> derby,
// testing; "log4j-core-its" -> log4j, core, its.
func tokens(name string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case r == '-' || r == '_' || r == '.' || r == ' ' || r == '+':
			flush()
		case unicode.IsUpper(r) && i > 0 && unicode.IsLower(rs[i-1]):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return out
}

// testWords are whole words that name test code in a directory or module
// name. A word that merely starts with "test" counts too (testsuite,
// testlib, testutils, testing, testng), as does one ending in "tests"
// (bugtests, unittests).
var testWords = setOf("itest", "itests", "tck", "unittest", "e2e")

// supportWords name libraries for tests rather than tests.
var supportWords = setOf("testlib", "testutil", "testutils", "testkit", "testframework", "testfixtures", "testsupport",
	"testhelper", "testhelpers")

// supportNext are words that, after "test", make a test-support name
// (jersey-test-framework, maven-resolver-test-util).
var supportNext = setOf("framework", "util", "utils", "support", "helper", "helpers", "kit", "lib", "fixtures",
	"harness", "common", "tools")

// exampleWords name examples, samples, demos and tutorials.
var exampleWords = setOf("example", "examples", "sample", "samples", "demo", "demos", "tutorial", "tutorials")

// docWords name documentation directories, whose code is examples.
var docWords = setOf("doc", "docs", "documentation", "xdocs", "site", "docbook")

// benchWords name benchmark code.
var benchWords = setOf("jmh", "microbench", "microbenchmark", "microbenchmarks", "benchmark", "benchmarks", "bench",
	"perf", "perftest", "perftests", "performance", "caliper")

// installerWords name installers: programs that unpack and set up the
// product before any application of it runs (Jython's installer/, an
// IzPack module), shipped beside the product but never on its class path.
var installerWords = setOf("installer", "installers")

func setOf(s ...string) map[string]bool {
	m := make(map[string]bool, len(s))
	for _, x := range s {
		m[x] = true
	}
	return m
}

func isTestWord(w string) bool {
	// "tests" suffix: bugtests, unittests; but not a word such as "contests".
	return strings.HasPrefix(w, "test") || testWords[w] ||
		(strings.HasSuffix(w, "tests") && w != "contests" && w != "attests")
}

// testsWord reports a word that names tests rather than a library for
// them (guava-tests, netty-testsuite, zookeeper-it; not spring-test or
// hibernate-testing).
func testsWord(w string) bool {
	return w == "tests" || w == "testsuite" || w == "testsuites" || w == "it" || w == "its" ||
		w == "itest" || w == "itests" || (strings.HasSuffix(w, "tests") && w != "contests" && w != "attests")
}

// nameClass reads a directory or module name. module is set for a
// directory with a build file: there a trailing "-it" / "-its"
// (zookeeper-it, log4j-core-its) names integration tests, a trailing
// "-test" or a word such as testlib a test-support library (spring-test,
// guava-testlib); a plain directory named "it" is as likely a language
// code, so it is not read.
func nameClass(name string, module bool) (Class, string) {
	ws := tokens(name)
	lower := strings.ToLower(name)
	if module && (strings.HasSuffix(lower, "-it") || strings.HasSuffix(lower, "-its")) && len(ws) > 1 {
		return Test, ws[len(ws)-1]
	}
	for i, w := range ws {
		switch {
		case isTestWord(w):
			if module && (supportWords[w] || (w == "test" && (i == len(ws)-1 || supportNext[ws[i+1]]))) && i > 0 {
				return TestSupport, w
			}
			return Test, w
		case exampleWords[w]:
			return Example, w
		case benchWords[w] || strings.Contains(w, "benchmark"):
			return Benchmark, w
		case installerWords[w]:
			return Packaging, w
		}
	}
	if !module && len(ws) == 1 && docWords[ws[0]] {
		return Example, ws[0]
	}
	return Production, ""
}

// packageRoots are first segments of Java packages: a path segment with one
// of these names starts a package path, where directory names are package
// names rather than layout (org/example/test is a package).
var packageRoots = setOf("org", "com", "net", "io", "javax", "jakarta", "edu", "de", "cn", "ch", "fr", "uk", "nl",
	"jdk", "sun", "au", "ca", "br", "ru", "jp", "biz", "eu", "pl", "se", "fi", "dk", "es", "kr", "tw", "hk", "lombok")

// langDirs are the language directories of a source set (src/main/java).
var langDirs = setOf("java", "groovy", "kotlin", "scala", "resources", "clojure", "aspect", "aspectj", "antlr",
	"antlr3", "antlr4", "javacc", "jjtree", "proto", "avro", "thrift", "webapp", "filtered-resources",
	"java-templates", "templates", "jsp", "js", "jte", "res", "ts")

// isLangDir also accepts java9, java-deprecated, java-filtered and the like.
func isLangDir(s string) bool {
	if langDirs[s] {
		return true
	}
	for _, p := range []string{"java", "groovy", "kotlin", "scala", "resources"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// setClass reads the name of a source set, the directory right below a
// src/ directory: main is production, test-like names are test scope
// (test, it, integrationTest, testFixtures, test-jdk14, test-resources),
// jmh and friends are benchmarks, examples are examples.
func setClass(set string) (Class, bool) {
	if set == "main" {
		return Production, true
	}
	c, _ := nameClass(set, false)
	if c != Production {
		return c, true
	}
	switch strings.ToLower(set) {
	case "it", "its", "integ", "e2e":
		return Test, true
	}
	return Production, false
}

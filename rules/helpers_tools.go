package rules

import (
	"strings"
)

// toolPackage reports a package of command-line or build-time code, by a
// segment of its name: cli, tool or tools (launchers, shells, doc
// generators, compiler front ends), ant (tasks and integrations that run
// in an Ant build). Such code runs in its own process, a terminal's or a
// build's, not in a JVM that apps share.
//
// The production scope sets aside the tool code it can prove is only a
// main method's (scanner/scope, "command-line tool"); this name test
// stays for the rest: tool classes a launcher outside the package calls
// (ZooKeeperMain's cli commands), Ant integrations, and classes in jars,
// which the scope does not read for tools.
func toolPackage(pkg string) bool {
	for _, seg := range strings.Split(pkg, ".") {
		switch seg {
		case "cli", "tool", "tools", "ant":
			return true
		}
	}
	return false
}

// testWordRE recognises a name made for tests: setTestAllocator,
// resetForTesting, TEST_ALLOCATOR, testMode, runJUnit4Test (not latest,
// contest).
var testWordRE = lazyRE(`(?:^[Tt]est|Test|TEST)(?:s|ing|S|ING)?(?:[A-Z_]|$)`)

// testWord reports a name with the word test in it (testWordRE). Every
// match holds "est" or "EST": most names of a class file hold neither and
// skip the expression, which runs on every static field and method.
func testWord(s string) bool {
	return (strings.Contains(s, "est") || strings.Contains(s, "EST")) && testWordRE.MatchString(s)
}

package scanner

import (
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/kscan/kscan/scanner/finding"
)

// TestUnreadStaticSettledByOtherFiles: a public static its own class never
// reads is a finding only where another source reads it: through its
// class's name, a static import, or bare in a subclass. Another class
// naming a field of the same name reads nothing of it.
func TestUnreadStaticSettledByOtherFiles(t *testing.T) {
	tracing := "package p;\nimport java.io.PrintStream;\npublic class Tracing {\n" +
		"    public static PrintStream out = System.err;\n" +
		"    public static int level;\n" +
		"    protected static Object hook;\n" +
		"    public static PrintStream debugStream = System.out;\n" +
		"    public static void setOut(PrintStream ps) { out = ps; }\n" +
		"    public static void setLevel(int l) { level = l; }\n" +
		"    public static void setHook(Object h) { hook = h; }\n" +
		"    public static void setDebugStream(PrintStream ds) { debugStream = ds; }\n}\n"
	dir := writeTree(t, map[string]string{
		"src/main/java/p/Tracing.java":  tracing,
		"src/main/java/p/Reporter.java": "package p;\npublic class Reporter { void report(String s) { Tracing.out.println(s); } }\n",
		"src/main/java/q/Levels.java":   "package q;\nimport static p.Tracing.level;\npublic class Levels { boolean verbose() { return level > 1; } }\n",
		"src/main/java/q/Hooked.java":   "package q;\npublic class Hooked extends p.Tracing { boolean hooked() { return hook != null; } }\n",
		// a token manager of its own, with its own debugStream
		"src/main/java/q/Other.java": "package q;\npublic class Other { public static java.io.PrintStream debugStream = System.out;\n" +
			"    public static void setDebugStream(java.io.PrintStream ds) { debugStream = ds; } }\n",
	})
	got := ruleFindings(scanDir(t, dir, Options{}), "static-mutable-state", func(f finding.Finding) string {
		return f.Path + ":" + strings.Fields(f.Message)[2]
	})
	want := []string{"src/main/java/p/Tracing.java:hook", "src/main/java/p/Tracing.java:level", "src/main/java/p/Tracing.java:out"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("static-mutable-state findings %v, want %v", got, want)
	}
}

// TestUnreadLoggerSettledByOtherFiles: a non-private static logger its own
// class never logs through is a finding only where another source uses it
// (a holder of named loggers); one its own class logs through always is.
func TestUnreadLoggerSettledByOtherFiles(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"src/main/java/p/Loggers.java": "package p;\nimport org.slf4j.Logger;\nimport org.slf4j.LoggerFactory;\npublic final class Loggers {\n" +
			"    public static final Logger REQUEST = LoggerFactory.getLogger(\"request\");\n" +
			"    public static final Logger POLLING = LoggerFactory.getLogger(\"polling\");\n" +
			"    static final Logger OWN = LoggerFactory.getLogger(Loggers.class);\n" +
			"    static void hello() { OWN.info(\"hello\"); }\n}\n",
		"src/main/java/p/Handler.java": "package p;\npublic class Handler { void handle(String r) { Loggers.REQUEST.info(r); } }\n",
		// a class of another package with a logger of the same name
		"src/main/java/q/Other.java": "package q;\npublic class Other { static final org.slf4j.Logger POLLING = org.slf4j.LoggerFactory.getLogger(Other.class);\n" +
			"    void poll() { POLLING.debug(\"poll\"); } }\n",
	})
	got := ruleFindings(scanDir(t, dir, Options{}), "static-logger-in-shared-code", func(f finding.Finding) string {
		return f.Path + ":" + strconv.Itoa(f.Region.StartLine)
	})
	want := []string{"src/main/java/p/Loggers.java:5", "src/main/java/p/Loggers.java:7", "src/main/java/q/Other.java:2"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("static-logger-in-shared-code findings %v, want %v", got, want)
	}
}

// ruleFindings lists a rule's findings of a scan, each as key gives it,
// sorted.
func ruleFindings(res *Result, rule string, key func(finding.Finding) string) []string {
	var got []string
	for _, f := range res.Findings {
		if f.RuleID == rule {
			got = append(got, key(f))
		}
	}
	sort.Strings(got)
	return got
}

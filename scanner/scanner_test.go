package scanner

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
)

func TestUTF16Columns(t *testing.T) {
	// "日本" is 6 bytes and 2 UTF-16 units; "𝄞" is 4 bytes and 2 units.
	src := []byte("class A { String s = \"日本\"; int x; }\nString t = \"𝄞\"; int y;\n")
	l := newLines(src)
	tests := []struct {
		off, line, col int
	}{
		{0, 1, 1},
		{strings.Index(string(src), "int x"), 1, 28}, // byte column 32
		{strings.Index(string(src), "int y"), 2, 18}, // byte column 20
		{len(src), 3, 1},
	}
	for _, tc := range tests {
		line, col := l.pos(tc.off)
		if line != tc.line || col != tc.col {
			t.Errorf("offset %d: %d:%d, want %d:%d", tc.off, line, col, tc.line, tc.col)
		}
	}
}

func scanDir(t *testing.T, dir string, opts Options) *Result {
	t.Helper()
	opts.Paths = []string{dir}
	opts.Root = dir
	if opts.Rules == nil {
		opts.Rules = rules.All()
	}
	res, err := Scan(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestFingerprintStable: inserting lines above a finding, or re-indenting
// it, keeps its fingerprint; two identical calls in one method differ.
func TestFingerprintStable(t *testing.T) {
	before := "class A {\n  void f() {\n    System.exit(1);\n    System.exit(1);\n  }\n}\n"
	after := "// a new header comment\n\nclass A {\n  int added;\n\n  void f() {\n        System.exit( 1 );\n    System.exit(1);\n  }\n}\n"
	fps := func(src string) []string {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "A.java"), []byte(src), 0o644)
		var out []string
		for _, f := range scanDir(t, dir, Options{}).Findings {
			out = append(out, f.Fingerprint)
		}
		return out
	}
	a, b := fps(before), fps(after)
	if len(a) != 2 || len(b) != 2 {
		t.Fatalf("findings: %v %v", a, b)
	}
	if a[0] != b[0] || a[1] != b[1] {
		t.Errorf("fingerprints changed: %v -> %v", a, b)
	}
	if a[0] == a[1] {
		t.Errorf("identical calls share a fingerprint %s", a[0])
	}
}

func TestExcluded(t *testing.T) {
	tests := []struct {
		path    string
		pattern string
		want    bool
	}{
		{"src/generated/A.java", "generated", true},
		{"src/main/A.java", "generated", false},
		{"src/main/A.gen.java", "*.gen.java", true},
		{"src/legacy/x/A.java", "src/legacy/**", true},
		{"src/legacy", "src/legacy/**", true},
		{"a/src/legacy/A.java", "src/legacy/**", false},
		{"a/b/c/Gen.java", "**/c/*.java", true},
		{"a/b/c/d/Gen.java", "**/c/*.java", false},
		{"a/b/c/d/Gen.java", "a/**/Gen.java", true},
		{"a/b/A.java", "./a/", true},
	}
	for _, tc := range tests {
		if got := excluded(tc.path, []string{tc.pattern}); got != tc.want {
			t.Errorf("excluded(%q, %q) = %v, want %v", tc.path, tc.pattern, got, tc.want)
		}
	}
}

func TestDiscoverSkipsBuildDirsAndExcludes(t *testing.T) {
	dir := t.TempDir()
	// Directories named like a build's output are skipped when they are
	// one (beside a build file, or holding what a build writes), not when
	// they are packages of a source tree (org.springframework.aop.target).
	for _, p := range []string{"src/A.java", "target/classes/B.java", "build/tmp/C.java", "node_modules/x/D.java", ".git/E.java", "gen/F.java", "src/G.txt",
		"mod/build.xml", "mod/target/H.java", "mod/out/I.java", "src/org/x/target/J.java", "src/org/x/build/K.java", "src/org/x/out/L.java"} {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte("class X { void f() { System.exit(1); } }\n"), 0o644)
	}
	res := scanDir(t, dir, Options{Excludes: []string{"gen"}})
	var paths []string
	for _, f := range res.Findings {
		paths = append(paths, f.Path)
	}
	if got := strings.Join(paths, ","); got != "src/A.java,src/org/x/build/K.java,src/org/x/out/L.java,src/org/x/target/J.java" || res.Stats.Files != 4 {
		t.Errorf("scanned %v (%d files)", paths, res.Stats.Files)
	}
}

// TestRoleSeverity: the same hazard is rated by where the code runs, and a
// rule that does not apply at a role reports nothing there.
func TestRoleSeverity(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "A.java"), []byte("class A { void f(java.sql.Driver d) throws Exception { System.exit(1); java.sql.DriverManager.registerDriver(d); } }\n"), 0o644)
	got := func(role facts.Role) map[string]string {
		m := map[string]string{}
		for _, f := range scanDir(t, dir, Options{Role: role}).Findings {
			m[f.RuleID] = f.Severity.String()
		}
		return m
	}
	if m := got(facts.RoleModule); m["system-exit"] != "critical" || m["jdbc-driver-registration"] != "medium" {
		t.Errorf("module: %v", m)
	}
	if m := got(facts.RoleBase); m["system-exit"] != "info" || m["jdbc-driver-registration"] != "" {
		t.Errorf("base: %v", m)
	}
}

func TestApplyEditsOverlap(t *testing.T) {
	src := []byte("abcdef")
	out, err := ApplyEdits(src, []rules.Edit{{Span: facts.Span{Start: 4, End: 5}, New: "X"}, {Span: facts.Span{Start: 1, End: 2}, New: "YY"}})
	if err != nil || string(out) != "aYYcdXf" {
		t.Errorf("got %q, %v", out, err)
	}
	if _, err := ApplyEdits(src, []rules.Edit{{Span: facts.Span{Start: 1, End: 3}}, {Span: facts.Span{Start: 2, End: 4}}}); err == nil {
		t.Error("overlapping edits must fail")
	}
}

// TestPreFilter: keywords match identifier prefixes in one pass.
func TestPreFilter(t *testing.T) {
	p := newPlan(rules.All())
	ids := func(src string) string {
		var out []string
		for _, r := range p.candidates([]byte(src)) {
			out = append(out, r.ID)
		}
		return strings.Join(out, ",")
	}
	if got := ids("class A { int x; }"); got != "" {
		t.Errorf("plain class triggers %s", got)
	}
	if got := ids("class A { void f() { System.exit(1); } }"); !strings.Contains(got, "system-exit") {
		t.Errorf("exit not found: %s", got)
	}
	if got := ids("HttpsURLConnection.setDefaultSSLSocketFactory(f)"); !strings.Contains(got, "jvm-global-default-mutation") {
		t.Errorf("prefix keyword not found: %s", got)
	}
	// A rule's byte check: no owner the rule knows is named, so no call can
	// resolve to one.
	for src, rule := range map[string]string{
		"x.setDefault(y)":                 "jvm-global-default-mutation",
		"server.stop(); c.close()":        "logging-context-reset",
		"Driver d = pool.getConnection()": "jdbc-driver-registration",
	} {
		if got := ids(src); strings.Contains(got, rule) {
			t.Errorf("%q triggers %s", src, rule)
		}
	}
}

// TestCompiledCopiesOfSources: a jar built from the tree's own sources
// (an executable checked in beside them) reports none of the hazards its
// sources report, each once at its source line; its other classes keep
// theirs.
func TestCompiledCopiesOfSources(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("..", "testdata", "rules", "system-exit", "Exits.java"))
	if err != nil {
		t.Fatal(err)
	}
	jar, err := os.ReadFile(filepath.Join("..", "testdata", "bytecode", "fixtures-8.jar"))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "src", "fixtures", "exit"), 0o755)
	os.MkdirAll(filepath.Join(dir, "dist"), 0o755)
	os.WriteFile(filepath.Join(dir, "src", "fixtures", "exit", "Exits.java"), src, 0o644)
	os.WriteFile(filepath.Join(dir, "dist", "app.jar"), jar, 0o644)
	res := scanDir(t, dir, Options{})
	var inSource, copies, others int
	for _, f := range res.Findings {
		switch {
		case f.RuleID != "system-exit":
		case strings.HasSuffix(f.Path, ".java"):
			inSource++
		case strings.HasPrefix(f.Class, "fixtures.exit.Exits"):
			copies++
		default:
			others++
		}
	}
	if inSource == 0 || copies != 0 || others == 0 {
		t.Errorf("system-exit findings: %d in the source, %d in its compiled copy, %d in the jar's other classes; want some, none, some", inSource, copies, others)
	}
}

// scopeTree is a tree with a tool package, a test-support package, a
// command-line launcher and directories a scan does not enter.
var scopeTree = map[string]string{
	"pom.xml":                                  "<project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>a</artifactId><version>1</version></project>",
	"src/main/java/p/Lib.java":                 "package p; public class Lib { public static void stop() { System.exit(1); } }",
	"src/main/java/p/Helper.java":              "package p; public class Helper { public static void halt() { System.exit(2); } }",
	"src/main/java/p/cli/Main.java":            "package p.cli; import p.Helper; public class Main { public static void main(String[] a) { Helper.halt(); System.exit(0); } }",
	"src/main/java/p/tools/Gen.java":           "package p.tools; public class Gen { public static void main(String[] a) { p.tools.Util.run(); } }",
	"src/main/java/p/tools/Util.java":          "package p.tools; public class Util { public static void run() { System.exit(3); } }",
	"src/main/java/p/testing/Fixture.java":     "package p.testing; public class Fixture { public static void reset() { System.exit(4); } }",
	"src/test/java/p/LibTest.java":             "package p; import p.testing.Fixture; public class LibTest { void t() { Fixture.reset(); } }",
	"node_modules/x/src/main/java/q/Q.java":    "package q; import p.testing.Fixture; public class Q { public static void q() { Fixture.reset(); System.exit(5); } }",
	"src/main/java/p/build/Version.java":       "package p.build; public class Version { public static void v() { System.exit(6); } }",
	"target/classes/p/Old.java":                "package p; public class Old { public static void o() { System.exit(7); } }",
	"gen/src/main/java/g/G.java":               "package g; import p.tools.Util; public class G { public static void g() { Util.run(); } }",
	".hidden/src/main/java/h/H.java":           "package h; public class H { public static void h() { System.exit(8); } }",
	"src/main/resources/META-INF/services/p.S": "p.Lib\n",
	"src/main/groovy/p/Script.groovy":          "package p\nclass Script { def run() { p.tools.Util.run() } }\n",
}

// TestScopeListingSameAsWalks: the scope indexes decide the same from the
// scan's walk's listing as from their own walks of the tree, with
// directories the scan does not enter (node_modules, a build output, an
// excluded one) and hidden ones among them.
func TestScopeListingSameAsWalks(t *testing.T) {
	dir := writeTree(t, scopeTree)
	scan := func(own bool) *Result {
		ownWalks = own
		defer func() { ownWalks = false }()
		return scanDir(t, dir, Options{Excludes: []string{"gen"}})
	}
	listed, walked := scan(false), scan(true)
	if !reflect.DeepEqual(listed.Scope, walked.Scope) {
		t.Errorf("scope from the listing:\n%+v\nfrom the indexes' own walks:\n%+v", listed.Scope, walked.Scope)
	}
	key := func(r *Result) []string {
		var out []string
		for _, f := range r.Findings {
			out = append(out, f.RuleID+" "+f.Path+" "+f.Message)
		}
		return out
	}
	if a, b := key(listed), key(walked); !slices.Equal(a, b) {
		t.Errorf("findings from the listing:\n%s\nfrom the indexes' own walks:\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}
	if len(listed.Findings) == 0 {
		t.Error("no finding: the tree tests nothing")
	}
}

package scope

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMainRE(t *testing.T) {
	for src, want := range map[string]bool{
		"public static void main(String[] args) {":         true,
		"public static void main(final String... args) {":  true,
		"static public void main(String args[])":           true,
		"static main(args) {":                              true, // Groovy
		"static void main(String[] args) {":                true, // Groovy too
		"public void main(String[] args) {":                false,
		"public static void mainLoop(String[] args) {":     false,
		"public static int main(String[] args) {":          false,
		"private static void main(Integer i) {":            false,
		"public static void remain(String[] args) {":       false,
		"static void main(java.lang.String[] args) {}":     true,
		"public static final void main(String[] args) { }": true,
	} {
		if got := mainRE.MatchString(src); got != want {
			t.Errorf("mainRE(%q) = %v, want %v", src, got, want)
		}
		if got := hasMain([]byte(src)); got != want {
			t.Errorf("hasMain(%q) = %v, want %v", src, got, want)
		}
	}
}

// hasMain answers as mainRE does on every source of the fixtures and on
// the shapes around its edges: a word before static, spaces and comments
// between the words, a ')' before main, the end of the text.
func TestHasMainIsMainRE(t *testing.T) {
	srcs := []string{
		"xstatic void main(String[] a)", "_static void main(String[] a)", "(static void main(String[] a)",
		"static\n\t void\r\nmain (\n String[] a)", "static /*x*/ void main(String[] a)",
		"static void f(int x) { main(y); } static void main(String", "static void main(String",
		"static void main(Strings a)", "static void main(a)", "static void main(a", "static main(final String x)",
		"static public final public void main( java.lang.String... a)", "static void main(String)",
		"s static", "static", "main static", "static staticvoid main(String[] a)", "static static void main(x)",
	}
	filepath.WalkDir("testdata", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".java") || strings.HasSuffix(p, ".groovy")) {
			if b, err := os.ReadFile(p); err == nil {
				srcs = append(srcs, string(b))
			}
		}
		return nil
	})
	for _, src := range srcs {
		for _, s := range []string{src, "  " + src, src + "\n", strings.ReplaceAll(src, " ", "\n")} {
			if got, want := hasMain([]byte(s)), mainRE.MatchString(s); got != want {
				t.Errorf("hasMain(%.80q) = %v, mainRE says %v", s, got, want)
			}
		}
	}
}

func TestIdentifiers(t *testing.T) {
	got := identifiers([]byte("import org.h2.tools.Server;\nclass A { Server s = org.h2.tools.Shell.main(x); int _v$1; }"))
	for _, w := range []string{"org.h2.tools.Server", "Server", "org.h2.tools.Shell", "org.h2.tools.Shell.main", "org.h2.tools", "main", "_v$1", "A"} {
		if !got[w] {
			t.Errorf("identifiers: %q missing from %v", w, keys(got))
		}
	}
	if got["1"] || got["v$1"] {
		t.Errorf("identifiers: a token cut inside a name: %v", keys(got))
	}
}

func TestContainsName(t *testing.T) {
	data := []byte("import org.h2.tools.ServerX;\nx = org.h2.tools.Server.createTcpServer(); y = \"org.h2.tools.Shell\";")
	for name, want := range map[string]bool{
		"org.h2.tools.Server": true, // the qualified call
		"org.h2.tools.Shell":  true, // a class named in a string is used by name
		"org.h2.tools.Serve":  false,
		"h2.tools.Server":     false,
		"org.h2.tools.Backup": false,
	} {
		if got := containsName(data, name); got != want {
			t.Errorf("containsName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestToolCandidate(t *testing.T) {
	for dir, want := range map[string]bool{
		"java/tools/org/apache/derby/impl/sysinfo":        true,
		"src/main/java/org/apache/zookeeper/cli":          true,
		"src/main/org/h2/tools":                           true,
		"src/main/java/org/apache/tools/ant":              true, // a candidate; its Ant content decides first
		"src/main/java/com/google/common/base":            false,
		"src/main/java/org/eclipse/jetty/util/toolkit":    false,
		"src/main/java/org/example/clients":               false,
		"src/main/java/org/acme/sql/codegen":              true,
		"src/main/java/org/eclipse/jetty/http2/generator": true, // a candidate; its users outside decide
		"src/main/java/org/acme/generated":                false,
	} {
		if got := toolCandidate(dir); got != want {
			t.Errorf("toolCandidate(%q) = %v, want %v", dir, got, want)
		}
	}
}

func keys(m map[string]bool) string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return strings.Join(out, " ")
}

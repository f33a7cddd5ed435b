package scanner

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestOwnBuilds: in testdata/ownbuild/tree, lib/acme-gen-0.9.jar is an
// earlier build of the tree's com.acme.gen (every class in its packages),
// whose Messages.hardErr still exits; lib/org-lib.jar is a library of which
// the tree patches one class. The old build reports nothing and lends the
// call graph nothing (Emitter calls the source's hardErr, which only
// prints); the library keeps its findings but the patched class's.
func TestOwnBuilds(t *testing.T) {
	res := scanDir(t, filepath.Join("..", "testdata", "ownbuild", "tree"), Options{})
	var got []string
	for _, f := range res.Findings {
		if f.RuleID != "stdout-usage" { // Messages prints: a note of its own
			got = append(got, f.RuleID+" "+f.Path+" "+f.Class)
		}
	}
	sort.Strings(got)
	want := []string{
		"system-exit lib/org-lib.jar org.lib.util.Cache",
		"system-exit lib/org-lib.jar org.lib.util.Codec",
		"system-exit lib/org-lib.jar org.lib.util.Pool",
		"system-exit lib/org-lib.jar org.lib.util.Tables",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	notes := map[string]string{}
	for _, n := range res.Notifications {
		if n.Kind == "own-build" {
			notes[n.Path] = n.Message
		}
	}
	if m := notes["lib/acme-gen-0.9.jar"]; !strings.Contains(m, " findings in its classes not reported: 6 of its 6 classes") {
		t.Errorf("note for the old build: %q", m)
	}
	if m := notes["lib/org-lib.jar"]; !strings.HasPrefix(m, "1 finding not reported in classes whose sources the tree holds") {
		t.Errorf("note for the library: %q", m)
	}
}

func TestClassRoot(t *testing.T) {
	for _, c := range []struct{ path, class, want string }{
		{"biz/target/classes/com/acme/Foo.class", "com.acme.Foo", "biz/target/classes"},
		{"biz/target/classes/com/acme/Foo$Bar.class", "com.acme.Foo$Bar", "biz/target/classes"},
		{"com/acme/Foo.class", "com.acme.Foo", "."},
		{"out/Foo.class", "com.acme.Foo", "out/Foo.class"},
	} {
		if got := classRoot(c.path, c.class); got != c.want {
			t.Errorf("classRoot(%q, %q) = %q, want %q", c.path, c.class, got, c.want)
		}
	}
}

func TestTestDir(t *testing.T) {
	for dir, want := range map[string]bool{
		"core/src/test/java/org/x": true,
		"tests/org/x":              true,
		"src/main/java/org/test":   true, // a package named test is not shipped code either
		"src/main/java/org/x":      false,
		"testing/src/org/x":        false,
	} {
		if got := testDir(dir); got != want {
			t.Errorf("testDir(%q) = %v, want %v", dir, got, want)
		}
	}
}

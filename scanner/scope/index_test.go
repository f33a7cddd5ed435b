package scope

import (
	"bytes"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kscan/kscan/internal/corpus"
)

// indexSamples are sources with the shapes the per-file searches must
// read alike: qualified names with spaces and comments around the dots,
// words after digits, names in strings and comments, non-ASCII bytes.
var indexSamples = []string{
	"package org.acme.tools;\nimport org.acme.tools.cli.Main;\nclass A { Main m = org.acme.tools.Other.run(); }",
	"x = a /* Foo */ . Bar . // Baz\n  Qux; y = 0xFoo + 1Bar; z = \"org.acme.tools.Shell\";",
	"builder // Foo\n  .withFoo()\n  .build(); mytools.x = tools.y; org.acme..tools.z",
	"über.tools.Fooß. résumé.Bar . Baz",
	"tools.", ".tools.", "a.b.c.d.", "Foo", "", longName + " x" + longName + "y",
	"import static org.acme.tools.Util.*; Util . /**/ x; org . acme . tools . Util",
}

const longName = "AClassNameOfMoreThanSixtyFourBytesThatGoesOnAndOnAndOnAndOnAndOnX"

// randomSource mixes the pieces of names, separators and comments.
func randomSource(r *rand.Rand) []byte {
	pieces := []string{"org", "acme", "tools", "cli", "Foo", "Bar", "Util", "x", "1", "0x", "_$", "ü", ".", " . ", ". ",
		" ", "\n", "/*", "*/", "//", "\"", ";", "(", "*", "mytools", "Main", "a.b"}
	var b bytes.Buffer
	for range r.Intn(40) {
		b.WriteString(pieces[r.Intn(len(pieces))])
	}
	return b.Bytes()
}

// TestSegmentsIn: segmentsIn answers, for the words namesIn finds, what
// identifiers answers.
func TestSegmentsIn(t *testing.T) {
	names := map[string][]*usedSrc{}
	for _, n := range []string{"Foo", "Bar", "Baz", "Qux", "Util", "tools", "x", "Main", "Fooß", "Shell", "org", "acme", "cli", "mytools", "b", longName} {
		names[n] = nil
	}
	words := newWordSet(names)
	check := func(src []byte) {
		t.Helper()
		found := namesIn(src, words)
		if want := namesInByLookup(src, names); !slices.Equal(found, want) {
			t.Fatalf("%q: namesIn = %q, a look-up per word finds %q", src, found, want)
		}
		got := segmentsIn(src, found)
		want := identifiers(src)
		for _, n := range found {
			if got[n] != want[n] {
				t.Fatalf("%q: segmentsIn[%q] = %v, identifiers has %v", src, n, got[n], want[n])
			}
		}
	}
	for _, s := range indexSamples {
		check([]byte(s))
	}
	r := rand.New(rand.NewSource(1))
	for range 20000 {
		check(randomSource(r))
	}
}

// TestPkgFinder: the one-pass search finds the packages followed by a dot
// that a search per package finds.
func TestPkgFinder(t *testing.T) {
	pkgs := []string{"org.acme.tools", "org.acme.tools.cli", "tools", "acme.tools", "a.b", "a.b.c", "über.tools", "org.acme", "a..b", "x.", ".x", "a-b.c"}
	sort.Strings(pkgs)
	f := newPkgFinder(pkgs)
	check := func(src []byte) {
		t.Helper()
		got := f.in(src)
		for _, p := range pkgs {
			if want := bytes.Contains(src, []byte(p+".")); got[p] != want {
				t.Fatalf("%q: found %q = %v, want %v", src, p, got[p], want)
			}
		}
	}
	for _, s := range indexSamples {
		check([]byte(s))
	}
	check([]byte("a-b.c. x.. .x. a..b."))
	r := rand.New(rand.NewSource(2))
	for range 20000 {
		check(randomSource(r))
	}
	if !slices.Contains(f.plain, "tools") {
		t.Errorf("one-segment packages must be searched for one by one: %v", f.plain)
	}
}

// TestOneProductionWalk: the tool index and the used-by index share one
// walk of the production directories, and the used-by index reads no
// head that the tool index's pass read.
func TestOneProductionWalk(t *testing.T) {
	root := filepath.Join("testdata", "derby")
	c := New(root, Options{Jobs: 4})
	var ij string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".java") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d := c.File(rel, data); rel == "java/tools/org/apache/derby/tools/ij.java" {
			ij = d.Class.String()
		}
		return nil
	})
	if ij != CLI.String() {
		t.Errorf("ij.java = %s, want %s", ij, CLI)
	}
	if c.tools == nil || c.used == nil {
		t.Fatalf("both indexes should be built: tools %v, used %v", c.tools != nil, c.used != nil)
	}
	if c.walks != 1 {
		t.Errorf("production walks = %d, want 1", c.walks)
	}
	// The tool index's pass read the heads of the other sources; the
	// source under stubs/ (compile-time API stubs, which the tool index
	// judges as a candidate rather than reading its head) is the one left.
	if n := c.headReads.Load(); n != 1 {
		t.Errorf("heads the used-by index read again = %d, want 1", n)
	}
}

// namesInByLookup is namesIn with a map look-up for every word.
func namesInByLookup(data []byte, names map[string][]*usedSrc) []string {
	var out []string
	for i := 0; i < len(data); {
		if !isIdentStart(data[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(data) && isIdentPart(data[j]) {
			j++
		}
		if _, ok := names[string(data[i:j])]; ok && !slices.Contains(out, string(data[i:j])) {
			out = append(out, string(data[i:j]))
		}
		i = j
	}
	return out
}

// BenchmarkPkgFinder runs the one-pass package search over the Java
// sources of the repository's testdata.
func BenchmarkPkgFinder(b *testing.B) {
	files, _ := corpus.JavaFixtures("../../testdata")
	if len(files) == 0 {
		b.Skip("no Java sources under ../../testdata")
	}
	f := newPkgFinder([]string{"com.acme.tool", "org.apache.tools.cli", "org.h2.tools", "io.netty.cli", "tools"})
	b.ResetTimer()
	for range b.N {
		for _, data := range files {
			f.in(data)
		}
	}
}

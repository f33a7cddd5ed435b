package scanner

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kscan/kscan/internal/corpus"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/javasrc"
)

// The matcher of a round agrees with a search for each wanted word in
// turn, the definition it replaces.
func TestWantMatcherMayCall(t *testing.T) {
	wants := []want{
		{name: []byte("load"), class: []byte("Loader"), file: "com/x/Loader.java"},
		{name: []byte("get$"), class: []byte("Util_2"), file: "com/x/Util_2.java"},
		{name: []byte("odd.name"), class: []byte("Odd"), file: "com/x/Odd.java"},
	}
	byWord := func(rel string, src []byte) bool {
		for _, w := range wants {
			if hasWord(src, w.name) && (strings.HasSuffix(rel, w.file) || hasWord(src, w.class)) {
				return true
			}
		}
		return false
	}
	cases := []struct {
		rel, src string
		want     bool
	}{
		{"a/B.java", "Loader l; l.load();", true},
		{"a/B.java", "l.load();", false},
		{"src/com/x/Loader.java", "load();", true},
		{"a/B.java", "Loaders l; l.loader();", false},
		{"a/B.java", "1load Loader", false}, // a word glued to a number is not the word
		{"a/B.java", "x=1;load Loader", true},
		{"a/B.java", "load", false},
		{"a/B.java", "Loader\nload", true},
		{"a/B.java", "Util_2.get$(x)", true},
		{"a/B.java", "Util_2.get(x)", false},
		{"a/B.java", "Odd.odd.name()", true}, // a word that is no identifier: searched as text
		{"a/B.java", "Odd.odd.names()", false},
		{"a/B.java", "", false},
	}
	// A matcher of a few words finds them one by one, one of many looks
	// up the file's identifiers: padded with wants no case holds, the
	// matcher takes the other way and must answer the same.
	padded := slices.Clone(wants)
	for i := range fewWantWords {
		padded = append(padded, want{name: fmt.Appendf(nil, "absent%d", i), class: fmt.Appendf(nil, "Absent%d", i)})
	}
	for _, ws := range [][]want{wants, padded} {
		m := newWantMatcher(ws)
		seen := make([]bool, len(m.ids))
		for _, c := range cases {
			in := testInput("/t/"+c.rel, c.rel)
			if got := m.mayCall(&in, []byte(c.src), seen); got != c.want || got != byWord(c.rel, []byte(c.src)) {
				t.Errorf("%d words: mayCall(%q, %q) = %v, want %v (search by word: %v)", len(m.words), c.rel, c.src, got, c.want, byWord(c.rel, []byte(c.src)))
			}
		}
	}
}

// A constructor is called only where an instance is created: a file that
// names its class otherwise (a field, a parameter, a static call) cannot
// call it.
func TestCreated(t *testing.T) {
	for src, want := range map[string]bool{
		"x = new BaseHome(src);":                 true,
		"x = new org.acme.BaseHome(src);":        true,
		"x = new Outer . BaseHome();":            true,
		"x = new\n\tBaseHome();":                 true,
		"private BaseHome home;":                 false,
		"void f(BaseHome h) { h.get(); }":        false,
		"x = renew BaseHome();":                  false,
		"x = new BaseHomeFileInitializer(home);": false,
		"BaseHome.class.getName(); new Other();": false,
		"":                                       false,
	} {
		if got := created([]byte(src), []byte("BaseHome")); got != want {
			t.Errorf("created(%q) = %v, want %v", src, got, want)
		}
	}
	m := newWantMatcher([]want{wantOf(facts.MethodKey{Class: "org.acme.BaseHome", Name: "<init>", Arity: -1})})
	seen := make([]bool, len(m.ids))
	in := testInput("/t/a/Main.java", "a/Main.java")
	if m.mayCall(&in, []byte("BaseHome home; home.get();"), seen) {
		t.Error("mayCall: a file naming the class without creating it may call its constructor")
	}
	if !m.mayCall(&in, []byte("home = new BaseHome(args);"), seen) {
		t.Error("mayCall: a file creating the class cannot call its constructor")
	}
}

// createdNames lists exactly the names created reports true for: every
// identifier of every fixture source, and the cases of TestCreated, are
// asked both ways.
func TestCreatedNames(t *testing.T) {
	srcs := [][]byte{
		[]byte("x = new BaseHome(src); y = new org.acme . Outer.\n\tInner<>(); z = renew A(); w = o.new Inn(); new int[3]; anew B(); new\tC$1();"),
		[]byte("new"), []byte("new "), []byte("x new. A"), []byte("new A. "), []byte("new A .B. .C"),
	}
	fixtures, err := corpus.JavaFixtures("../testdata")
	if err != nil {
		t.Fatal(err)
	}
	srcs = append(srcs, fixtures...)
	asked := 0
	for _, src := range srcs {
		n, err := agreeCreated(src)
		if err != nil {
			t.Fatal(err)
		}
		asked += n
	}
	if asked < 1000 {
		t.Fatalf("only %d names asked: fixtures not found", asked)
	}
}

var identRE = regexp.MustCompile(`[A-Za-z_$][A-Za-z0-9_$]*`)

// agreeCreated asks created and createdNames about every identifier of
// src, and the created filter about each name created reports, and returns
// how many it asked.
func agreeCreated(src []byte) (int, error) {
	names := createdNames(src)
	filter := newCreatedFilter(src)
	seen := map[string]bool{}
	for _, id := range identRE.FindAll(src, -1) {
		if seen[string(id)] {
			continue
		}
		seen[string(id)] = true
		_, listed := slices.BinarySearch(names, string(id))
		if want := created(src, id); listed != want {
			return 0, fmt.Errorf("%q in %.60q: createdNames lists it %v, created says %v", id, src, listed, want)
		}
		if listed && !filter.mayCreate(string(id)) {
			return 0, fmt.Errorf("%q in %.60q: created, and the created filter refuses it", id, src)
		}
	}
	return len(seen), nil
}

func FuzzCreatedNames(f *testing.F) {
	for _, s := range []string{"x = new a.B<C>(); new\tD . E", "o.new I(); anew X(); new A..B", "new .C new"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if _, err := agreeCreated(src); err != nil {
			t.Fatal(err)
		}
	})
}

// A file the scan parsed is parsed again only for the wanted methods it
// may call: a JDK call sharing a wanted method's name, in a file that
// names only another wanted method's class, is no reason.
func TestAgainFor(t *testing.T) {
	m := newWantMatcher([]want{
		wantOf(facts.MethodKey{Class: "gen.Gen7", Name: "method3", Arity: -1}),
		wantOf(facts.MethodKey{Class: "org.acme.Config", Name: "setProperty", Arity: -1}),
		wantOf(facts.MethodKey{Class: "org.acme.Home", Name: "<init>", Arity: -1}),
	})
	seen := make([]bool, len(m.ids))
	in := testInput("/t/gen/Large.java", "gen/Large.java")
	cases := []struct {
		src   string
		again bool
	}{
		// Declares Gen7.method3 and calls the JDK's setProperty.
		{"class Gen7 { int method3(String s) { System.setProperty(\"a\", s); return 0; } }", false},
		{"class Gen7 { int method3() { return 0; } int f() { return method3(); } }", true},
		// Names Config: its setProperty may be the project's.
		{"class Gen7 { int method3() { Config.setProperty(\"a\", \"b\"); return 0; } }", true},
		// A lookup by the quoted name of a method it may call.
		{"class Gen7 { void f() throws Exception { Gen7.class.getMethod(\"method3\"); } int method3() { return 0; } }", true},
		{"class Gen7 { int method3() { Home h = new Home(); return 0; } }", true},
	}
	for _, c := range cases {
		src := []byte(c.src)
		matched := m.matching(&in, src, seen, nil, false)
		if len(matched) == 0 {
			t.Fatalf("%q: no wanted method matched", c.src)
		}
		if got := javasrc.HasCalls(src, m.againFor(src, matched)); got != c.again {
			t.Errorf("%q: parsed again %v, want %v", c.src, got, c.again)
		}
	}
}

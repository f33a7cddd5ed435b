package scanner

import (
	"testing"

	"github.com/kscan/kscan/internal/corpus"
)

// declaresMain's byte search before the expression changes no answer: on
// every Java fixture, and on forms around the expression's edges.
func TestDeclaresMainAgrees(t *testing.T) {
	srcs, _ := corpus.JavaFixtures("../testdata")
	if len(srcs) < 100 {
		t.Fatalf("%d fixtures", len(srcs))
	}
	mains := 0
	for _, s := range append(srcs, mainForms()...) {
		got, want := declaresMain(s), mainDeclRE.Match(s)
		if got != want {
			t.Errorf("declaresMain = %v, the expression %v, on:\n%s", got, want, s)
		}
		if want {
			mains++
		}
	}
	if mains == 0 {
		t.Error("no source declares a main: the test tests nothing")
	}
}

func mainForms() [][]byte {
	var out [][]byte
	for _, s := range []string{
		"public static void main(String[] a) {}",
		"static final void main ( final String... a) {}",
		"static\tvoid\n\f\rmain(String a)",
		"static void\vmain(String a)",
		"static voidmain(String a)",
		"static void domain(String a)",
		"static void main_(String a)",
		"xstatic void main(String a)",
		"static void main(Strings a)",
		"void main(String a) static void  main(String[] b)",
		"mainvoid main",
		"main",
		"void",
		"",
	} {
		out = append(out, []byte(s))
	}
	return out
}

func FuzzDeclaresMain(f *testing.F) {
	for _, s := range mainForms() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if got, want := declaresMain(src), mainDeclRE.Match(src); got != want {
			t.Errorf("declaresMain = %v, the expression %v, on %q", got, want, src)
		}
	})
}

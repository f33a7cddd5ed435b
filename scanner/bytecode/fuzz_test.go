package bytecode

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/kscan/kscan/scanner/classfile"
)

// FuzzExtract checks that no class that parses makes the extractor panic:
// its descriptors, generic signatures, annotation values and code come from
// untrusted bytes the class reader only checks for structure.
func FuzzExtract(f *testing.F) {
	if data, err := os.ReadFile("../../testdata/bytecode/classes/demo/Sample.class"); err == nil {
		f.Add(data)
	}
	// The compiled rule fixtures: lambdas, annotations with values,
	// generic fields, try/finally.
	if zr, err := zip.OpenReader("../../testdata/bytecode/fixtures-17.jar"); err == nil {
		defer zr.Close()
		for _, e := range zr.File {
			if !strings.HasSuffix(e.Name, ".class") {
				continue
			}
			if r, err := e.Open(); err == nil {
				data, _ := io.ReadAll(r)
				r.Close()
				f.Add(data)
			}
		}
	}
	in := rulesInterest()
	lazy, invokes := NewExtractor(in), NewExtractor(Interest{Invokes: true})
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := classfile.Parse(data)
		if err != nil {
			return
		}
		full, fp := Extract(c, "fuzz/X.class")
		// The lazy extraction, with extractors that read other inputs
		// before, keeps to the full one on whatever code the class holds.
		lf, lp, err := lazy.ExtractClass(data, "fuzz/X.class")
		if err != nil {
			t.Fatalf("Parse read the class, the extractor's parser: %v", err)
		}
		if d := compareFacts(in, full, lf); d != "" {
			t.Fatal(d)
		}
		if fmt.Sprint(fp) != fmt.Sprint(lp) {
			t.Fatalf("problems %v, lazily %v", fp, lp)
		}
		_, _, _ = invokes.ExtractClass(data, "fuzz/X.class")
	})
}

// FuzzSigType reaches the generic-signature reader directly, which
// mutating whole class files rarely does.
func FuzzSigType(f *testing.F) {
	for _, s := range []string{"Ljava/util/Map<Ljava/lang/Class<*>;Ljava/lang/Object;>;", "[La/Outer<TT;>.Inner<-[I>;", "TT;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = sigType(s)
	})
}

// FuzzParams holds the in-place rendering of method declarations to the
// plain one it replaced: the descriptor's types, qualified, then cut to
// their simple names.
func FuzzParams(f *testing.F) {
	for _, s := range []string{"()V", "(I[[Ljava/util/Map$Entry;Z)[Ljava/lang/String;", "(La/b[];[Q", "([", "(Lx", "(J)", "(IQI)I", "(La.b$c/d;)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, desc string) {
		ps := paramTypes(desc)
		for i, p := range ps {
			ps[i] = simpleType(p)
		}
		if got, want := params(desc), strings.Join(ps, ", "); got != want {
			t.Fatalf("params(%q) = %q, want %q", desc, got, want)
		}
		if got, want := returns("m", desc), simpleType(returnType(desc)); got != want {
			t.Fatalf("returns(%q) = %q, want %q", desc, got, want)
		}
	})
}

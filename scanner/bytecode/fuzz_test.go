package bytecode

import (
	"archive/zip"
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
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := classfile.Parse(data)
		if err != nil {
			return
		}
		_, _ = Extract(c, "fuzz/X.class")
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

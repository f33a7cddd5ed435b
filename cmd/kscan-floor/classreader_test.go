package main

import (
	"archive/zip"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kscan/kscan/scanner/classfile"
)

// testClasses reads every class of the bytecode testdata jars.
func testClasses(tb testing.TB) map[string][]byte {
	tb.Helper()
	jars, _ := filepath.Glob("../../testdata/bytecode/*.jar")
	out := map[string][]byte{}
	for _, j := range jars {
		zr, err := zip.OpenReader(j)
		if err != nil {
			tb.Fatal(err)
		}
		for _, e := range zr.File {
			if !strings.HasSuffix(e.Name, ".class") {
				continue
			}
			r, err := e.Open()
			if err != nil {
				tb.Fatal(err)
			}
			data, err := io.ReadAll(r)
			r.Close()
			if err != nil {
				tb.Fatal(err)
			}
			out[filepath.Base(j)+"!/"+e.Name] = data
		}
		zr.Close()
	}
	if len(out) < 300 {
		tb.Fatalf("%d test classes: the testdata is missing", len(out))
	}
	return out
}

// TestClassReaderCounts holds the floor's reader to kscan's class reader
// on the test classes: the same fields, methods and bytecode, with one
// reader reused for all of them as a worker does.
func TestClassReaderCounts(t *testing.T) {
	var r classReader
	for name, data := range testClasses(t) {
		c, err := classfile.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ci, err := r.read(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		code := 0
		for _, m := range c.Methods {
			if m.Code != nil {
				code += len(m.Code.Bytecode)
			}
		}
		if ci.fields != len(c.Fields) || ci.methods != len(c.Methods) || ci.codeBytes != code || ci.nameBytes < len(c.Name) {
			t.Errorf("%s: floor %+v; class reader %d fields, %d methods, %d bytes of code", name, ci, len(c.Fields), len(c.Methods), code)
		}
	}
}

// TestClassReaderRejects: whatever is cut from a class, or a wrong
// reference, is an error and never a panic.
func TestClassReaderRejects(t *testing.T) {
	var r classReader
	for _, data := range testClasses(t) {
		for _, n := range []int{0, 3, 9, 10, len(data) / 3, len(data) / 2, len(data) - 1} {
			if _, err := r.read(data[:n]); err == nil {
				t.Fatalf("%d of %d bytes read without error", n, len(data))
			}
		}
		bad := append([]byte(nil), data...)
		bad[len(bad)-1] ^= 0xff // the attribute count or body of the last class attribute
		_, _ = r.read(bad)
		break
	}
	if _, err := r.read(append([]byte{0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 52, 0, 2, 99}, make([]byte, 20)...)); err == nil {
		t.Error("bad constant tag read without error")
	}
}

// FuzzClassReader: the floor reads untrusted class files too.
func FuzzClassReader(f *testing.F) {
	n := 0
	for _, data := range testClasses(f) {
		if n++; n > 50 {
			break
		}
		f.Add(data)
	}
	var r classReader
	f.Fuzz(func(t *testing.T, data []byte) {
		ci, err := r.read(data)
		if err == nil && (ci.fields < 0 || ci.methods < 0 || ci.codeBytes < 0) {
			t.Fatalf("negative counts %+v", ci)
		}
	})
}

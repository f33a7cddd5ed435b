//go:build unix

package safefs

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestReadLentReuses: a buffer given back serves the next read that fits
// it, and a poisoned one is overwritten on its return.
func TestReadLentReuses(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.java")
	q := filepath.Join(dir, "b.java")
	if os.WriteFile(p, bytes.Repeat([]byte("a"), 4000), 0o644) != nil || os.WriteFile(q, []byte("class B {}"), 0o644) != nil {
		t.Fatal("cannot write the files")
	}
	l, err := ReadLent(p, 0)
	if err != nil {
		t.Fatal(err)
	}
	held := l.Data
	l.buf = held[:0]
	PoisonLent(true)
	defer PoisonLent(false)
	l.Release()
	for i, c := range held[:cap(held)] {
		if c != poisonByte {
			t.Fatalf("byte %d of a released buffer is %q, want it overwritten", i, c)
		}
	}
	// The pool may drop what it holds at any collection; reading into a
	// given buffer is what the pool relies on.
	got, err := readFileBuf(q, 0, held[:0])
	if err != nil || string(got) != "class B {}" || &got[0] != &held[0] {
		t.Errorf("read into a buffer that holds the file: %q (same storage: %v), %v", got, len(got) > 0 && &got[0] == &held[0], err)
	}
	small := make([]byte, 0, 4)
	got, err = readFileBuf(q, 0, small)
	if err != nil || string(got) != "class B {}" || cap(got) == cap(small) {
		t.Errorf("read into a buffer too small: %q, %v", got, err)
	}
}

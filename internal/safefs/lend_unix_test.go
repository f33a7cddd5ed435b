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
	// The free list may be full or taken by others; reading into a
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

// TestReadLentLargeSlot: a file above maxLent is read into a buffer of its
// size, which the pool keeps for the next large file; a reader holding it
// makes another read take a buffer of its own; and the free list keeps at
// most maxFree buffers.
func TestReadLentLargeSlot(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.java")
	bigger := filepath.Join(dir, "bigger.java")
	if os.WriteFile(big, bytes.Repeat([]byte("b"), 2<<20), 0o644) != nil || os.WriteFile(bigger, bytes.Repeat([]byte("c"), 3<<20), 0o644) != nil {
		t.Fatal("cannot write the files")
	}
	const max = 4 << 20
	a, err := ReadLent(bigger, max)
	if err != nil || len(a.Data) != 3<<20 || cap(a.Data) != 3<<20+1 {
		t.Fatalf("a 3 MiB file: %d bytes in a buffer of %d, %v; want a buffer of its size", len(a.Data), cap(a.Data), err)
	}
	first := &a.Data[:1][0]
	// While a holds the large buffer, another large read gets its own.
	b, err := ReadLent(big, max)
	if err != nil || len(b.Data) != 2<<20 || &b.Data[0] == first {
		t.Fatalf("a second large read while the first is held: %v", err)
	}
	b.Release()
	a.Release()
	// The larger buffer is the one kept, and serves the next large read.
	c, err := ReadLent(big, max)
	if err != nil || !bytes.Equal(c.Data, bytes.Repeat([]byte("b"), 2<<20)) {
		t.Fatalf("reading into the kept buffer: %v", err)
	}
	if &c.Data[0] != first {
		t.Error("a large read after a larger one was given back did not reuse its buffer")
	}
	c.Release()
	// However many readers give buffers back, at most maxFree are kept.
	var held []*Lent
	for i := 0; i < 2*maxFree; i++ {
		l, err := ReadLent(big, max)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, l)
	}
	for _, l := range held {
		l.Release()
	}
	lentFree.Lock()
	n := len(lentFree.free)
	lentFree.Unlock()
	if n > maxFree {
		t.Errorf("the free list keeps %d buffers, want at most %d", n, maxFree)
	}
}

package safefs

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestReadLent(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := bytes.Repeat([]byte("x"), 2<<20)
	files := []struct {
		name string
		data []byte
	}{
		{"a.java", []byte("class A { int x; }\n")},
		{"empty.java", nil},
		{"b.java", bytes.Repeat([]byte("class B {}\n"), 500)},
		{"c.java", []byte("class C {}")},
		{"big.java", big},
		{"d.java", []byte("class D {}")},
	}
	for _, f := range files {
		p := write(f.name, f.data)
		l, err := ReadLent(p, 0)
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		if !bytes.Equal(l.Data, f.data) {
			t.Errorf("%s: read %d bytes, want %d", f.name, len(l.Data), len(f.data))
		}
		want, err := ReadFile(p, 0)
		if err != nil || !bytes.Equal(want, l.Data) {
			t.Errorf("%s: ReadLent and ReadFile differ (%v)", f.name, err)
		}
		l.Release()
		if l.Data != nil {
			t.Errorf("%s: Data left after Release", f.name)
		}
		if cap(l.buf) > maxLent {
			t.Errorf("%s: the pool keeps a buffer of %d bytes, over %d", f.name, cap(l.buf), maxLent)
		}
	}
	// The caps and errors are ReadFile's.
	p := write("cap.java", []byte("0123456789"))
	var tl *TooLargeError
	if _, err := ReadLent(p, 5); !errors.As(err, &tl) || tl.Size != 10 {
		t.Errorf("over the cap: %v, want a TooLargeError of size 10", err)
	}
	if l, err := ReadLent(p, 10); err != nil || string(l.Data) != "0123456789" {
		t.Errorf("at the cap: %v", err)
	} else {
		l.Release()
	}
	if _, err := ReadLent(filepath.Join(dir, "missing"), 0); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := ReadLent(dir, 0); !errors.Is(err, ErrNotRegular) {
		t.Errorf("a directory: %v", err)
	}
}

func TestLentCap(t *testing.T) {
	for _, c := range []struct{ n, want int64 }{
		{0, minLent}, {1, minLent}, {minLent, minLent}, {minLent + 1, 2 * minLent},
		{300 << 10, 512 << 10}, {maxLent, maxLent}, {maxLent + 1, maxLent + 1}, {5 << 20, 5 << 20},
	} {
		if got := lentCap(c.n); got != c.want {
			t.Errorf("lentCap(%d) = %d, want %d", c.n, got, c.want)
		}
	}
}

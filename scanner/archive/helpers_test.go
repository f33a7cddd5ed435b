package archive

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// ent is one entry of a zip built by a test.
type ent struct {
	name  string
	data  []byte
	store bool
}

func mkzip(t testing.TB, ents ...ent) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range ents {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
		if e.store {
			h.Method = zip.Store
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(e.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rawEnt is an entry written with CreateRaw: the header says whatever the
// test wants, whatever the data.
type rawEnt struct {
	name          string
	method        uint16
	crc           uint32
	size          uint64 // declared uncompressed size
	compressed    []byte // the bytes written as they are
	fixCRCAndSize bool   // ignore crc/size: compute them from plain
	plain         []byte
}

func mkraw(t testing.TB, ents ...rawEnt) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range ents {
		h := &zip.FileHeader{Name: e.name, Method: e.method, CRC32: e.crc,
			UncompressedSize64: e.size, CompressedSize64: uint64(len(e.compressed))}
		if e.fixCRCAndSize {
			h.CRC32 = crc32.ChecksumIEEE(e.plain)
			h.UncompressedSize64 = uint64(len(e.plain))
		}
		w, err := zw.CreateRaw(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(e.compressed); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// deflate compresses b as an entry would be.
func deflate(t testing.TB, b []byte) []byte {
	t.Helper()
	z := mkzip(t, ent{name: "x", data: b})
	zr, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
	if err != nil {
		t.Fatal(err)
	}
	off, err := zr.File[0].DataOffset()
	if err != nil {
		t.Fatal(err)
	}
	return z[off : off+int64(zr.File[0].CompressedSize64)]
}

type got struct {
	path   string
	layout Layout
	kind   Kind
	depth  int
	data   []byte
	err    error
}

type collector struct {
	mu       sync.Mutex
	entries  []got
	problems []Problem
	read     bool // ReadAll every entry
}

func (c *collector) Entry(e *Entry) error {
	g := got{path: e.Path, layout: e.Layout, kind: e.ArchiveKind, depth: e.Depth}
	if c.read {
		g.data, g.err = e.ReadAll()
	}
	c.mu.Lock()
	c.entries = append(c.entries, g)
	c.mu.Unlock()
	return nil
}

func (c *collector) Problem(p Problem) {
	c.mu.Lock()
	c.problems = append(c.problems, p)
	c.mu.Unlock()
}

func (c *collector) paths() []string {
	var s []string
	for _, g := range c.entries {
		s = append(s, g.path)
	}
	return s
}

func (c *collector) entry(path string) (got, bool) {
	for _, g := range c.entries {
		if g.path == path {
			return g, true
		}
	}
	return got{}, false
}

// kinds lists the problem kinds seen, with their paths, sorted.
func (c *collector) kinds() []string {
	var s []string
	for _, p := range c.problems {
		s = append(s, p.Kind.String()+" @ "+p.Path())
	}
	sort.Strings(s)
	return s
}

func (c *collector) has(kind ProblemKind) bool {
	for _, p := range c.problems {
		if p.Kind == kind {
			return true
		}
	}
	return false
}

func walkBytes(t testing.TB, name string, b []byte, opts Options) *collector {
	t.Helper()
	c := &collector{read: true}
	if err := WalkReader(context.Background(), name, bytes.NewReader(b), int64(len(b)), opts, c); err != nil {
		t.Fatalf("WalkReader: %v", err)
	}
	return c
}

// dupCentralRecord appends to the central directory of z a copy of the
// record of entry `from`, renamed `to` (same length), so that two names
// share one local header and its data.
func dupCentralRecord(t testing.TB, z []byte, from, to string) []byte {
	t.Helper()
	if len(from) != len(to) {
		t.Fatal("names must have the same length")
	}
	eocd := len(z) - 22
	if binary.LittleEndian.Uint32(z[eocd:]) != 0x06054b50 {
		t.Fatal("no end record (comment?)")
	}
	n := binary.LittleEndian.Uint16(z[eocd+10:])
	cdSize := binary.LittleEndian.Uint32(z[eocd+12:])
	cdOff := binary.LittleEndian.Uint32(z[eocd+16:])
	cd := z[cdOff : cdOff+cdSize]
	var rec []byte
	for p := 0; p < len(cd); {
		nl := int(binary.LittleEndian.Uint16(cd[p+28:]))
		xl := int(binary.LittleEndian.Uint16(cd[p+30:]))
		cl := int(binary.LittleEndian.Uint16(cd[p+32:]))
		end := p + 46 + nl + xl + cl
		if string(cd[p+46:p+46+nl]) == from {
			rec = bytes.Clone(cd[p:end])
			copy(rec[46:], to)
		}
		p = end
	}
	if rec == nil {
		t.Fatalf("no record %q", from)
	}
	out := append(bytes.Clone(z[:cdOff+cdSize]), rec...)
	end := bytes.Clone(z[eocd:])
	binary.LittleEndian.PutUint16(end[8:], n+1)
	binary.LittleEndian.PutUint16(end[10:], n+1)
	binary.LittleEndian.PutUint32(end[12:], cdSize+uint32(len(rec)))
	return append(out, end...)
}

func isProblem(err error, kind ProblemKind) bool {
	var p Problem
	return errors.As(err, &p) && p.Kind == kind
}

func join(parts ...string) string { return strings.Join(parts, "!/") }

// fixtureArchives reads the jars and wars of the fixtures directory, by
// base name, in name order.
func fixtureArchives(t testing.TB) (names []string, data [][]byte) {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(fixtures, "*.[jw]ar"))
	if len(paths) == 0 {
		t.Fatal("no fixture archives")
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		names, data = append(names, filepath.Base(p)), append(data, b)
	}
	return names, data
}

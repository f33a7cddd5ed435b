package archive

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kscan/kscan/internal/safefs"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// checkCaps fails when a walk read more than its caps allow.
func checkCaps(t testing.TB, c *collector, opts Options) {
	t.Helper()
	opts = opts.withDefaults()
	var total int64
	for _, g := range c.entries {
		if int64(len(g.data)) > opts.MaxEntrySize {
			t.Errorf("%s: read %d bytes, cap %d", g.path, len(g.data), opts.MaxEntrySize)
		}
		if g.depth > opts.MaxDepth {
			t.Errorf("%s: depth %d, cap %d", g.path, g.depth, opts.MaxDepth)
		}
		total += int64(len(g.data))
	}
	if total > opts.MaxTotalBytes {
		t.Errorf("read %d bytes in total, cap %d", total, opts.MaxTotalBytes)
	}
}

func TestTruncated(t *testing.T) {
	for _, name := range []string{"lib.jar", "fat.jar", "app.war", "biz.jar", "base.jar"} {
		b := readFixture(t, name)
		for n := 0; n < len(b); n++ {
			c := walkBytes(t, name, b[:n], Options{})
			// A prefix that ends where a stored nested jar ends is that
			// jar with bytes before it, as valid as a jar behind a launch
			// script: nothing to report.
			endsWithJar := n >= 22 && string(b[n-22:n-18]) == "PK\x05\x06"
			if len(c.problems) == 0 && !endsWithJar {
				t.Errorf("%s truncated to %d bytes: no problem reported", name, n)
			}
			checkCaps(t, c, Options{})
		}
	}
}

// Truncating a nested stored jar inside an intact outer archive.
func TestTruncatedNested(t *testing.T) {
	lib := readFixture(t, "lib.jar")
	for n := 0; n < len(lib); n += 7 {
		z := mkzip(t, ent{name: "BOOT-INF/classes/A.class", data: []byte("a")},
			ent{name: "BOOT-INF/lib/l.jar", data: lib[:n], store: true})
		c := walkBytes(t, "t.jar", z, Options{})
		if !c.has(ProblemCorrupt) {
			t.Errorf("nested jar truncated to %d: problems %v", n, c.kinds())
		}
		if _, ok := c.entry("t.jar!/BOOT-INF/classes/A.class"); !ok {
			t.Errorf("truncated nested jar hid its sibling")
		}
	}
}

func TestCorruptCentralDirectory(t *testing.T) {
	b := readFixture(t, "fat.jar")
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	// The central directory starts after the last entry's data.
	last := zr.File[len(zr.File)-1]
	off, _ := last.DataOffset()
	cd := int(off) + int(last.CompressedSize64)
	problems := 0
	for i := cd; i < len(b); i++ {
		for _, x := range []byte{0xff, 0x01, 0x80} {
			m := slices.Clone(b)
			m[i] ^= x
			c := walkBytes(t, "fat.jar", m, Options{})
			checkCaps(t, c, Options{})
			problems += len(c.problems)
		}
	}
	if problems == 0 {
		t.Error("no corruption noticed")
	}
	// Garbage and a bare end record.
	for _, in := range [][]byte{nil, []byte("PK"), []byte("not a zip at all"), {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}} {
		c := walkBytes(t, "x.jar", in, Options{})
		if len(in) < 22 && !c.has(ProblemCorrupt) {
			t.Errorf("%q: problems %v", in, c.kinds())
		}
	}
}

func TestZipBomb(t *testing.T) {
	zeros := make([]byte, 50<<20)
	bomb := deflate(t, zeros)
	t.Logf("50 MiB of zeros deflate to %d bytes (ratio %d)", len(bomb), len(zeros)/len(bomb))
	honest := rawEnt{name: "bomb.bin", method: zip.Deflate, compressed: bomb, fixCRCAndSize: true, plain: zeros}
	small := rawEnt{name: "lie.bin", method: zip.Deflate, compressed: bomb, crc: 1, size: 1000}
	after := rawEnt{name: "after.txt", method: zip.Store, compressed: []byte("ok"), fixCRCAndSize: true, plain: []byte("ok")}
	nested := mkraw(t, honest)

	tests := []struct {
		name string
		zip  []byte
		kind ProblemKind
		path string
	}{
		{"honest header", mkraw(t, honest, after), ProblemRatio, "t.jar!/bomb.bin"},
		{"header lies small", mkraw(t, small, after), ProblemCorrupt, "t.jar!/lie.bin"},
		{"in a stored nested jar", mkzip(t, ent{name: "l.jar", data: nested, store: true}, ent{name: "after.txt", data: []byte("ok")}),
			ProblemRatio, "t.jar!/l.jar!/bomb.bin"},
		{"in a deflated nested jar", mkzip(t, ent{name: "l.jar", data: nested}, ent{name: "after.txt", data: []byte("ok")}),
			ProblemRatio, "t.jar!/l.jar!/bomb.bin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ms0, ms1 runtime.MemStats
			runtime.ReadMemStats(&ms0)
			c := walkBytes(t, "t.jar", tt.zip, Options{})
			runtime.ReadMemStats(&ms1)
			checkCaps(t, c, Options{})
			if alloc := ms1.TotalAlloc - ms0.TotalAlloc; alloc > 8<<20 {
				t.Errorf("allocated %d bytes", alloc)
			}
			if len(c.problems) != 1 || c.problems[0].Kind != tt.kind || c.problems[0].Path() != tt.path {
				t.Errorf("problems %v, want one %v @ %s", c.kinds(), tt.kind, tt.path)
			}
			g, _ := c.entry(strings.TrimSuffix(tt.path, "bomb.bin") + "bomb.bin")
			if g.path != "" && !isProblem(g.err, tt.kind) {
				t.Errorf("ReadAll error %v", g.err)
			}
			if g, ok := c.entry("t.jar!/after.txt"); !ok || string(g.data) != "ok" {
				t.Errorf("the walk did not go on after the bomb")
			}
		})
	}
}

// Many entries each under the ratio floor still hit the total cap, once.
func TestTotalCap(t *testing.T) {
	mib := make([]byte, 1<<20)
	var ents []ent
	for i := range 20 {
		ents = append(ents, ent{name: fmt.Sprintf("z%02d", i), data: mib})
	}
	opts := Options{MaxTotalBytes: 8 << 20}
	c := walkBytes(t, "t.jar", mkzip(t, ents...), opts)
	checkCaps(t, c, opts)
	if len(c.problems) != 1 || c.problems[0].Kind != ProblemTotalTooLarge {
		t.Errorf("problems %v", c.kinds())
	}
	if len(c.entries) != 20 {
		t.Errorf("visited %d entries, want all 20 (names stay useful)", len(c.entries))
	}
}

func TestHugeDeclaredSize(t *testing.T) {
	tiny := deflate(t, []byte("tiny"))
	z := mkraw(t,
		rawEnt{name: "huge.class", method: zip.Deflate, compressed: tiny, crc: crc32.ChecksumIEEE([]byte("tiny")), size: 1 << 40},
		rawEnt{name: "huge.jar", method: zip.Deflate, compressed: tiny, size: 1 << 40},
		rawEnt{name: "big.class", method: zip.Store, compressed: []byte("tiny"), size: 100 << 20})
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	c := walkBytes(t, "t.jar", z, Options{})
	runtime.ReadMemStats(&ms1)
	if alloc := ms1.TotalAlloc - ms0.TotalAlloc; alloc > 4<<20 {
		t.Errorf("allocated %d bytes for tiny entries with huge declared sizes", alloc)
	}
	want := []string{
		"compression ratio too high (zip bomb) @ t.jar!/huge.jar",
		"entry too large @ t.jar!/big.class",
		"entry too large @ t.jar!/huge.class",
	}
	if !slices.Equal(c.kinds(), want) {
		t.Errorf("problems %v, want %v", c.kinds(), want)
	}
	g, _ := c.entry("t.jar!/huge.class")
	if !isProblem(g.err, ProblemEntryTooLarge) || !errors.Is(g.err, ErrEntryTooLarge) {
		t.Errorf("ReadAll error %v", g.err)
	}
}

// A header may under-declare: archive/zip stops at the declared size, and the
// caps hold on what was really inflated.
func TestEntryCapOnLyingHeader(t *testing.T) {
	data := bytes.Repeat([]byte("0123456789abcdef"), 1<<12) // 64 KiB
	opts := Options{MaxEntrySize: 1000}
	z := mkraw(t,
		rawEnt{name: "under.bin", method: zip.Deflate, compressed: deflate(t, data), size: 999},
		rawEnt{name: "honest.bin", method: zip.Deflate, compressed: deflate(t, data), fixCRCAndSize: true, plain: data})
	c := walkBytes(t, "t.jar", z, opts)
	checkCaps(t, c, opts)
	if want := []string{"corrupt archive @ t.jar!/under.bin", "entry too large @ t.jar!/honest.bin"}; !slices.Equal(c.kinds(), want) {
		t.Errorf("problems %v, want %v", c.kinds(), want)
	}
}

func TestTooManyEntries(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	const n = 300_000
	start := time.Now()
	for i := range n {
		if _, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("d/%d", i), Method: zip.Store}); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	z := buf.Bytes()
	t.Logf("built %d entries (%d bytes) in %v", n, len(z), time.Since(start))

	c := walkBytes(t, "t.jar", z, Options{})
	if want := []string{"too many entries @ t.jar"}; !slices.Equal(c.kinds(), want) || len(c.entries) != 0 {
		t.Errorf("problems %v, %d entries", c.kinds(), len(c.entries))
	}
	start = time.Now()
	c = walkBytes(t, "t.jar", z, Options{MaxEntries: 400_000})
	if len(c.problems) != 0 || len(c.entries) != n {
		t.Errorf("raised cap: problems %v, %d entries", c.kinds(), len(c.entries))
	}
	t.Logf("walked and read %d entries in %v", n, time.Since(start))

	// A zip64 end record that declares 1 entry where there are 65537: the
	// count archive/zip checks only modulo 65536.
	var ents []ent
	for i := range 65537 {
		ents = append(ents, ent{name: fmt.Sprintf("e%d", i), store: true})
	}
	z = mkzip(t, ents...)
	loc := len(z) - 22 - 20
	if binary.LittleEndian.Uint32(z[loc:]) != 0x07064b50 {
		t.Fatal("no zip64 locator")
	}
	end64 := binary.LittleEndian.Uint64(z[loc+8:])
	binary.LittleEndian.PutUint64(z[end64+24:], 1)
	binary.LittleEndian.PutUint64(z[end64+32:], 1)
	if n, ok := declaredEntries(bytes.NewReader(z), int64(len(z))); !ok || n != 1 {
		t.Fatalf("declared %d, %v", n, ok)
	}
	c = walkBytes(t, "t.jar", z, Options{MaxEntries: 100})
	if want := []string{"too many entries @ t.jar"}; !slices.Equal(c.kinds(), want) || len(c.entries) != 100 {
		t.Errorf("lying count: problems %v, %d entries", c.kinds(), len(c.entries))
	}
}

func TestTooDeep(t *testing.T) {
	for _, store := range []bool{true, false} {
		z := mkzip(t, ent{name: "C.class", data: []byte("x")})
		for range 12 {
			z = mkzip(t, ent{name: "C.class", data: []byte("x")}, ent{name: "n.jar", data: z, store: store})
		}
		c := walkBytes(t, "t.jar", z, Options{})
		checkCaps(t, c, Options{})
		want := "nesting too deep @ t.jar" + strings.Repeat("!/n.jar", 9)
		if !slices.Equal(c.kinds(), []string{want}) {
			t.Errorf("store=%v: problems %v", store, c.kinds())
		}
		maxDepth := 0
		for _, g := range c.entries {
			maxDepth = max(maxDepth, g.depth)
		}
		if maxDepth != DefaultMaxDepth {
			t.Errorf("deepest entry at %d, want %d", maxDepth, DefaultMaxDepth)
		}
	}
}

func TestUnsafeNames(t *testing.T) {
	names := []string{"../../evil.class", "/abs/A.class", `a\b.class`, "nul\x00.class", "C:/w.class", "ok/../../x.class", "a!/b.class"}
	var ents []ent
	for _, n := range names {
		ents = append(ents, ent{name: n, data: []byte(n)})
	}
	ents = append(ents, ent{name: "fine/..x/A.class", data: []byte("fine")})
	c := walkBytes(t, "t.jar", mkzip(t, ents...), Options{})
	if len(c.problems) != len(names) {
		t.Errorf("problems %v", c.kinds())
	}
	for i, n := range names {
		if c.problems[i].Kind != ProblemUnsafeName || c.problems[i].Entry != n || !errors.Is(c.problems[i], ErrUnsafeName) {
			t.Errorf("problem %d: %v", i, c.problems[i])
		}
		g, ok := c.entry("t.jar!/" + n)
		if !ok || string(g.data) != n {
			t.Errorf("%q not readable under its stored name: %v %v", n, ok, g.err)
		}
	}
}

func TestDuplicateNames(t *testing.T) {
	z := mkzip(t, ent{name: "a/B.class", data: []byte("one")}, ent{name: "a/B.class", data: []byte("two")})
	c := walkBytes(t, "t.jar", z, Options{})
	if want := []string{"duplicate entry name @ t.jar!/a/B.class"}; !slices.Equal(c.kinds(), want) {
		t.Errorf("problems %v", c.kinds())
	}
	if len(c.entries) != 2 || string(c.entries[0].data) != "one" || string(c.entries[1].data) != "two" {
		t.Errorf("entries %+v", c.entries)
	}
}

// An archive that (by its headers) contains itself: the nested archive's
// CRC-32 and size equal its parent's.
func TestSelfNesting(t *testing.T) {
	const c0 = 0x5eed5eed
	inner := func(size uint64) []byte {
		return mkraw(t,
			rawEnt{name: "A.class", method: zip.Store, compressed: []byte("a"), fixCRCAndSize: true, plain: []byte("a")},
			rawEnt{name: "self.jar", method: zip.Deflate, compressed: deflate(t, []byte("x")), crc: c0, size: size})
	}
	a := inner(0)
	a = inner(uint64(len(a))) // same length: the size field is fixed width
	top := mkraw(t, rawEnt{name: "a.jar", method: zip.Store, compressed: a, crc: c0, size: uint64(len(a))})
	c := &collector{} // reading would add the checksum errors the lying headers cause
	if err := WalkReader(context.Background(), "t.jar", bytes.NewReader(top), int64(len(top)), Options{}, c); err != nil {
		t.Fatal(err)
	}
	want := []string{"archive nested in itself @ t.jar!/a.jar!/self.jar"}
	if !slices.Equal(c.kinds(), want) {
		t.Errorf("problems %v, want %v", c.kinds(), want)
	}
	if _, ok := c.entry("t.jar!/a.jar!/A.class"); !ok {
		t.Errorf("entries %v", c.paths())
	}

	// The top archive's CRC is computed when a nested entry has its size.
	z := mkzip(t, ent{name: "x.class", data: []byte("x")})
	probe := func(crc uint32, size uint64) []byte {
		return mkraw(t, rawEnt{name: "t.jar", method: zip.Store, compressed: z, crc: crc, size: size})
	}
	p := probe(0, 0)
	p = probe(1, uint64(len(p)))
	c = walkBytes(t, "t.jar", p, Options{})
	if c.has(ProblemSelfNesting) {
		t.Errorf("false self-nesting: %v", c.kinds())
	}

	// Copies of one jar nested in each other stop at the depth cap.
	lib := mkzip(t, ent{name: "C.class", data: []byte("c")})
	chain := lib
	for range 20 {
		chain = mkzip(t, ent{name: "lib.jar", data: chain, store: true})
	}
	c = walkBytes(t, "t.jar", chain, Options{MaxDepth: 4})
	if !slices.Equal(c.kinds(), []string{"nesting too deep @ t.jar" + strings.Repeat("!/lib.jar", 5)}) {
		t.Errorf("chain: %v", c.kinds())
	}
}

func TestNestedTooLarge(t *testing.T) {
	rnd := make([]byte, 16<<10)
	for i := range rnd {
		rnd[i] = byte(crc32.ChecksumIEEE([]byte{byte(i), byte(i >> 8)}))
	}
	lib := mkzip(t, ent{name: "r.bin", data: rnd, store: true})
	opts := Options{MaxNestedInMemory: 4 << 10}
	z := mkzip(t, ent{name: "deflated.jar", data: lib}, ent{name: "stored.jar", data: lib, store: true})
	c := walkBytes(t, "t.jar", z, opts)
	if want := []string{"nested archive too large to inflate in memory @ t.jar!/deflated.jar"}; !slices.Equal(c.kinds(), want) {
		t.Errorf("problems %v", c.kinds())
	}
	if _, ok := c.entry("t.jar!/stored.jar!/r.bin"); !ok {
		t.Errorf("stored nested jar must be walked in place whatever its size: %v", c.paths())
	}
	// A header under-declaring the nested jar's size cannot smuggle it in.
	z = mkraw(t, rawEnt{name: "lie.jar", method: zip.Deflate, compressed: deflate(t, lib), crc: crc32.ChecksumIEEE(lib), size: 100})
	c = walkBytes(t, "t.jar", z, opts)
	if len(c.problems) != 1 || len(c.entries) != 1 {
		t.Errorf("lying nested size: problems %v, entries %v", c.kinds(), c.paths())
	}
}

func TestOverlappingNested(t *testing.T) {
	lib := mkzip(t, ent{name: "C.class", data: []byte("c")})
	z := mkzip(t, ent{name: "BOOT-INF/lib/a.jar", data: lib, store: true})
	z = dupCentralRecord(t, z, "BOOT-INF/lib/a.jar", "BOOT-INF/lib/b.jar")
	c := walkBytes(t, "t.jar", z, Options{})
	if want := []string{"overlapping nested archive @ t.jar!/BOOT-INF/lib/b.jar"}; !slices.Equal(c.kinds(), want) {
		t.Errorf("problems %v", c.kinds())
	}
	if _, ok := c.entry("t.jar!/BOOT-INF/lib/a.jar!/C.class"); !ok {
		t.Errorf("first copy not walked: %v", c.paths())
	}
}

func TestChecksumError(t *testing.T) {
	z := mkzip(t, ent{name: "a.txt", data: []byte("hello"), store: true}, ent{name: "b.txt", data: []byte("world"), store: true})
	i := bytes.Index(z, []byte("hello"))
	z[i] = 'j'
	c := walkBytes(t, "t.jar", z, Options{})
	if want := []string{"checksum error @ t.jar!/a.txt"}; !slices.Equal(c.kinds(), want) {
		t.Errorf("problems %v", c.kinds())
	}
	g, _ := c.entry("t.jar!/a.txt")
	if !errors.Is(g.err, zip.ErrChecksum) {
		t.Errorf("ReadAll error %v", g.err)
	}
	if msg := c.problems[0].Error(); !strings.Contains(msg, "t.jar!/a.txt") || !strings.Contains(msg, "checksum") {
		t.Errorf("message %q does not name the archive and entry", msg)
	}
}

// Reading an entry twice reports its problem once.
func TestProblemReportedOnce(t *testing.T) {
	z := mkzip(t, ent{name: "a.bin", data: make([]byte, 2000)})
	opts := Options{MaxEntrySize: 1000}
	var problems int
	v := VisitorFuncs{
		EntryFunc: func(e *Entry) error {
			for range 3 {
				if _, err := e.ReadAll(); !isProblem(err, ProblemEntryTooLarge) {
					t.Errorf("err %v", err)
				}
			}
			return nil
		},
		ProblemFunc: func(Problem) { problems++ },
	}
	if err := WalkReader(context.Background(), "t", bytes.NewReader(z), int64(len(z)), opts, v); err != nil {
		t.Fatal(err)
	}
	if problems != 1 {
		t.Errorf("%d problems reported", problems)
	}
}

// TestWalkRefusesNonRegular: a FIFO or a device named like a jar is
// refused at once, not waited on or read without end.
func TestWalkRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "lib.jar")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	for _, p := range []string{fifo, "/dev/zero", dir} {
		done := make(chan error, 1)
		go func() {
			done <- Walk(context.Background(), p, Options{}, VisitorFuncs{EntryFunc: func(*Entry) error { return nil }})
		}()
		select {
		case err := <-done:
			if !errors.Is(err, safefs.ErrNotRegular) {
				t.Errorf("%s: %v, want %v", p, err, safefs.ErrNotRegular)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: Walk still blocked after 10 s", p)
		}
	}
}

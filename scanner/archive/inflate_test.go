package archive

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"testing"
)

// walkBoth walks z with WalkReader, every entry read through archive/zip,
// and with WalkBytes, and fails unless both saw the same entries, bytes,
// errors and problems.
func walkBoth(t *testing.T, z []byte, opts Options) *collector {
	t.Helper()
	viaReader, viaBytes := &collector{read: true}, &collector{read: true}
	inflateInMemory = false
	err := WalkReader(context.Background(), "t.jar", bytes.NewReader(z), int64(len(z)), opts, viaReader)
	inflateInMemory = true
	if err != nil {
		t.Fatalf("WalkReader: %v", err)
	}
	// A copy, so that nothing read through the first walk is shared.
	if err := WalkBytes(context.Background(), "t.jar", bytes.Clone(z), opts, viaBytes); err != nil {
		t.Fatalf("WalkBytes: %v", err)
	}
	if a, b := describe(viaReader), describe(viaBytes); a != b {
		t.Errorf("the walks differ\nWalkReader:\n%s\nWalkBytes:\n%s", a, b)
	}
	return viaBytes
}

func describe(c *collector) string {
	var b bytes.Buffer
	for _, g := range c.entries {
		fmt.Fprintf(&b, "%s layout=%v kind=%v depth=%d len=%d crc=%08x err=%v\n", g.path, g.layout, g.kind, g.depth, len(g.data), crc32.ChecksumIEEE(g.data), g.err)
	}
	for _, p := range c.problems {
		fmt.Fprintf(&b, "problem %v @ %s: %v\n", p.Kind, p.Path(), p.Err)
	}
	return b.String()
}

// descriptorAt finds the data descriptor of entry name in z (written by
// zip.Writer, with its signature) and returns its offset.
func descriptorAt(t *testing.T, z []byte, name string) int {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		if f.Flags&0x8 == 0 {
			t.Fatalf("%s has no data descriptor", name)
		}
		off, err := f.DataOffset()
		if err != nil {
			t.Fatal(err)
		}
		at := int(off) + int(f.CompressedSize64)
		if binary.LittleEndian.Uint32(z[at:]) != 0x08074b50 {
			t.Fatalf("no descriptor signature at %d", at)
		}
		return at
	}
	t.Fatalf("no entry %s", name)
	return 0
}

// setCompressedSize sets the compressed size the central directory of z
// declares for entry name.
func setCompressedSize(t *testing.T, z []byte, name string, size int) {
	t.Helper()
	eocd := bytes.LastIndex(z, []byte("PK\x05\x06"))
	if eocd < 0 {
		t.Fatal("no end record")
	}
	cdOff := int(binary.LittleEndian.Uint32(z[eocd+16:]))
	for p := cdOff; p < eocd && binary.LittleEndian.Uint32(z[p:]) == 0x02014b50; {
		nl := int(binary.LittleEndian.Uint16(z[p+28:]))
		xl := int(binary.LittleEndian.Uint16(z[p+30:]))
		cl := int(binary.LittleEndian.Uint16(z[p+32:]))
		if string(z[p+46:p+46+nl]) == name {
			binary.LittleEndian.PutUint32(z[p+20:], uint32(size))
			return
		}
		p += 46 + nl + xl + cl
	}
	t.Fatalf("no central record for %s", name)
}

func TestWalkBytesAgreesWithWalkReader(t *testing.T) {
	class := bytes.Repeat([]byte("\xca\xfe\xba\xbe java/lang/Object "), 50)
	good := deflate(t, class)
	lib := mkzip(t, ent{name: "a/C.class", data: class}, ent{name: "a/D.class", data: class[:77]})
	cases := map[string][]byte{
		// zip.Writer streams: its entries carry data descriptors.
		"descriptors":         mkzip(t, ent{name: "a/C.class", data: class}, ent{name: "empty", data: nil}),
		"no descriptor":       mkraw(t, rawEnt{name: "a/C.class", method: zip.Deflate, compressed: good, plain: class, fixCRCAndSize: true}),
		"wrong crc":           mkraw(t, rawEnt{name: "a/C.class", method: zip.Deflate, compressed: good, crc: 12345, size: uint64(len(class))}),
		"crc zero, unchecked": mkraw(t, rawEnt{name: "a/C.class", method: zip.Deflate, compressed: good, crc: 0, size: uint64(len(class))}),
		"size too small":      mkraw(t, rawEnt{name: "a/C.class", method: zip.Deflate, compressed: good, plain: class[:10], fixCRCAndSize: true}),
		"size too large":      mkraw(t, rawEnt{name: "a/C.class", method: zip.Deflate, compressed: good, crc: 0, size: uint64(len(class)) + 1}),
		"cut short":           mkraw(t, rawEnt{name: "a/C.class", method: zip.Deflate, compressed: good[:len(good)/2], plain: class, fixCRCAndSize: true}),
		"not deflate":         mkraw(t, rawEnt{name: "a/C.class", method: zip.Deflate, compressed: []byte("\xff\xff\xff\xff"), plain: class, fixCRCAndSize: true}),
		"stored":              mkzip(t, ent{name: "a/C.class", data: class, store: true}),
		"nested deflated":     mkzip(t, ent{name: "BOOT-INF/lib/lib.jar", data: lib}, ent{name: "BOOT-INF/classes/App.class", data: class}),
		"nested stored":       mkzip(t, ent{name: "BOOT-INF/lib/lib.jar", data: lib, store: true}),
	}
	// The descriptor's CRC disagrees with the header's.
	z := mkzip(t, ent{name: "a/C.class", data: class})
	at := descriptorAt(t, z, "a/C.class")
	z[at+4] ^= 0xff
	cases["descriptor crc wrong"] = z
	// No signature: the CRC in its place is read as the descriptor's
	// first field, once right and once wrong.
	for _, right := range []bool{true, false} {
		z := mkzip(t, ent{name: "a/C.class", data: class})
		at := descriptorAt(t, z, "a/C.class")
		copy(z[at:], z[at+4:at+8])
		if !right {
			z[at] ^= 0xff
		}
		cases[fmt.Sprintf("descriptor without signature, right=%v", right)] = z
	}
	// Compressed sizes that reach into the last bytes of the archive (its
	// end record and a comment that starts like a descriptor): the
	// descriptor is read from what is left, too little for a whole one.
	for _, left := range []int{2, 6, 12, 14, 20} {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, err := zw.Create("a/C.class")
		if err != nil {
			t.Fatal(err)
		}
		w.Write(class)
		zw.SetComment("\x50\x4b\x07\x08" + "12345678")
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		z := buf.Bytes()
		off := descriptorAt(t, z, "a/C.class") - len(good)
		if off <= 0 {
			t.Fatal("unexpected layout")
		}
		setCompressedSize(t, z, "a/C.class", len(z)-left-off)
		cases[fmt.Sprintf("descriptor with %d bytes left", left)] = z
	}
	for name, z := range cases {
		t.Run(name, func(t *testing.T) { walkBoth(t, z, Options{}) })
	}

	// The cases above must reach the in-memory path, not only the
	// fallback through archive/zip.
	zr, err := zip.NewReader(bytes.NewReader(cases["descriptors"]), int64(len(cases["descriptors"])))
	if err != nil {
		t.Fatal(err)
	}
	rc := inflateMem(zr.File[0], cases["descriptors"])
	if rc == nil {
		t.Fatal("a deflated entry held in memory was not inflated from memory")
	}
	rc.Close()
	rc.Close() // a second Close is harmless
	if _, err := rc.Read(make([]byte, 1)); err == nil {
		t.Error("a read after Close succeeded")
	}
}

func TestWalkBytesAgreesOnFixtures(t *testing.T) {
	names, data := fixtureArchives(t)
	for i, name := range names {
		t.Run(name, func(t *testing.T) { walkBoth(t, data[i], Options{}) })
	}
}

// FuzzWalkBytes checks that walking bytes held in memory reads the same
// entries, bytes and problems as walking them through a reader.
func FuzzWalkBytes(f *testing.F) {
	_, seeds := fixtureArchives(f)
	for _, b := range seeds {
		f.Add(b)
	}
	class := bytes.Repeat([]byte("\xca\xfe\xba\xbe"), 30)
	f.Add(mkzip(f, ent{name: "a/C.class", data: class}, ent{name: "lib/x.jar", data: mkzip(f, ent{name: "D.class", data: class}), store: true}))
	f.Add(mkraw(f, rawEnt{name: "a/C.class", method: zip.Deflate, compressed: deflate(f, class), plain: class, fixCRCAndSize: true}))
	opts := Options{MaxDepth: 4, MaxEntries: 1000, MaxEntrySize: 128 << 10, MaxTotalBytes: 512 << 10,
		MaxNestedInMemory: 256 << 10, MaxRatio: 50, ratioFloor: 16 << 10}
	f.Fuzz(func(t *testing.T, data []byte) { walkBoth(t, data, opts) })
}

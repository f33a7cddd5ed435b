package archive

import (
	"archive/zip"
	"bytes"
	stdflate "compress/flate"
	"io"
	"strings"
	"testing"

	"github.com/klauspost/compress/flate"
)

// FuzzInflater checks the inflater the walk uses against compress/flate on
// arbitrary input: the same bytes out, and an error from one exactly when
// the other fails, so that the choice of inflater neither hides a corrupt
// entry nor invents one. The errors themselves may differ: where a stream
// ends inside a block, one says io.ErrUnexpectedEOF and the other corrupt
// input at the stream's end (testdata/fuzz/FuzzInflater). The input is read from a *bytes.Reader, as
// WalkBytes reads entries, and through newInflater from a reader without
// ReadByte, as archive/zip reads them.
func FuzzInflater(f *testing.F) {
	for _, s := range []string{"", "hello", strings.Repeat("abc", 5000)} {
		for _, level := range []int{stdflate.NoCompression, stdflate.BestSpeed, stdflate.BestCompression, stdflate.HuffmanOnly} {
			f.Add(deflateLevel(f, []byte(s), level))
		}
	}
	_, jars := fixtureArchives(f)
	for _, b := range jars {
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			continue
		}
		for i, zf := range zr.File {
			off, err := zf.DataOffset()
			if i >= 4 || err != nil || zf.Method != zip.Deflate {
				continue
			}
			f.Add(b[off : off+int64(zf.CompressedSize64)])
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// Bombs stop at the cap on both sides alike.
		const limit = 1 << 20
		want, werr := io.ReadAll(io.LimitReader(stdflate.NewReader(bytes.NewReader(data)), limit))
		for _, path := range []struct {
			name string
			rc   io.ReadCloser
		}{
			{"from a *bytes.Reader, as WalkBytes reads", flate.NewReader(bytes.NewReader(data))},
			{"through archive/zip's decompressor", newInflater(onlyReader{bytes.NewReader(data)})},
		} {
			got, gerr := io.ReadAll(io.LimitReader(path.rc, limit))
			path.rc.Close()
			if (werr == nil) != (gerr == nil) {
				t.Fatalf("%s: error %v, compress/flate %v", path.name, gerr, werr)
			}
			if werr == nil && !bytes.Equal(got, want) {
				t.Fatalf("%s: %d bytes differ from compress/flate's %d", path.name, len(got), len(want))
			}
		}
	})
}

// onlyReader hides every method but Read.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(b []byte) (int, error) { return o.r.Read(b) }

func deflateLevel(tb testing.TB, data []byte, level int) []byte {
	var buf bytes.Buffer
	w, err := stdflate.NewWriter(&buf, level)
	if err != nil {
		tb.Fatal(err)
	}
	w.Write(data)
	w.Close()
	return buf.Bytes()
}

// TestPooledInflater: an inflater taken back from the pool inflates the
// next stream from its start, a second Close is harmless, and a read after
// Close fails.
func TestPooledInflater(t *testing.T) {
	texts := []string{strings.Repeat("first stream ", 4000), "second", strings.Repeat("third ", 9000)}
	for _, text := range texts {
		rc := newInflater(onlyReader{bytes.NewReader(deflateLevel(t, []byte(text), stdflate.BestCompression))})
		got, err := io.ReadAll(rc)
		if err != nil || string(got) != text {
			t.Fatalf("inflated %d bytes, err %v; want %d bytes", len(got), err, len(text))
		}
		rc.Close()
		rc.Close() // a second Close is harmless
		if _, err := rc.Read(make([]byte, 1)); err == nil {
			t.Fatal("a read after Close succeeded")
		}
	}
}

package archive

import (
	"encoding/binary"
	"io"
)

// declaredEntries reads the entry count an archive's end-of-central-directory
// record declares (zip64 aware), so that an oversized directory is refused
// before archive/zip allocates a File for every record. ok is false when no
// record is found; archive/zip then reports the archive as corrupt.
func declaredEntries(r io.ReaderAt, size int64) (n uint64, ok bool) {
	n, _, ok = findEnd(r, size)
	return n, ok
}

// findEnd finds the end-of-central-directory record as archive/zip does and
// returns the entry count it declares and the offset where the record and
// its comment end, which is size unless bytes trail the archive.
func findEnd(r io.ReaderAt, size int64) (n uint64, end int64, ok bool) {
	const (
		endLen     = 22
		loc64Len   = 20
		end64Len   = 56
		endSig     = 0x06054b50
		loc64Sig   = 0x07064b50
		end64Sig   = 0x06064b50
		maxComment = 65535
	)
	// Search the last 1 KiB first, as archive/zip does: the record is there
	// unless the archive comment is long.
	for _, window := range []int64{1024, endLen + maxComment} {
		if window > size {
			window = size
		}
		if window < endLen {
			return 0, 0, false
		}
		buf := make([]byte, window)
		if _, err := r.ReadAt(buf, size-window); err != nil && err != io.EOF {
			return 0, 0, false
		}
		for i := len(buf) - endLen; i >= 0; i-- {
			// Same test as archive/zip: the signature, and a comment that fits.
			if binary.LittleEndian.Uint32(buf[i:]) != endSig ||
				i+endLen+int(binary.LittleEndian.Uint16(buf[i+20:])) > len(buf) {
				continue
			}
			n = uint64(binary.LittleEndian.Uint16(buf[i+10:]))
			end = size - window + int64(i) + endLen + int64(binary.LittleEndian.Uint16(buf[i+20:]))
			if n != 0xffff {
				return n, end, true
			}
			// zip64: the locator sits just before the record.
			locOff := size - window + int64(i) - loc64Len
			if locOff < 0 {
				return n, end, true
			}
			var loc [loc64Len]byte
			if _, err := r.ReadAt(loc[:], locOff); err != nil || binary.LittleEndian.Uint32(loc[:]) != loc64Sig {
				return n, end, true
			}
			end64Off := int64(binary.LittleEndian.Uint64(loc[8:]))
			if end64Off < 0 || end64Off > size-end64Len {
				return n, end, true
			}
			var end64 [end64Len]byte
			if _, err := r.ReadAt(end64[:], end64Off); err != nil || binary.LittleEndian.Uint32(end64[:]) != end64Sig {
				return n, end, true
			}
			return binary.LittleEndian.Uint64(end64[32:]), end, true
		}
		if window == size {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

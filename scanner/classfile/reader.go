package classfile

// reader is a bounds-checked big-endian cursor over data[off:end]. The first
// short read records a *FormatError and moves the cursor to end, so later
// reads fail fast and callers need only check err at convenient points.
type reader struct {
	b   []byte
	off int // absolute offset in b
	end int
	err *FormatError
}

func (r *reader) remaining() int { return r.end - r.off }

func (r *reader) truncated(n int) {
	if r.err == nil {
		r.err = errorf(r.off, "truncated: need %d bytes, %d remain", n, r.end-r.off)
	}
	r.off = r.end
}

func (r *reader) fail(e *FormatError) {
	if r.err == nil {
		r.err = e
	}
	r.off = r.end
}

func (r *reader) u1() uint8 {
	if r.off >= r.end {
		r.truncated(1)
		return 0
	}
	v := r.b[r.off]
	r.off++
	return v
}

func (r *reader) u2() uint16 {
	if r.end-r.off < 2 {
		r.truncated(2)
		return 0
	}
	v := uint16(r.b[r.off])<<8 | uint16(r.b[r.off+1])
	r.off += 2
	return v
}

func (r *reader) u4() uint32 {
	if r.end-r.off < 4 {
		r.truncated(4)
		return 0
	}
	b := r.b[r.off : r.off+4]
	r.off += 4
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

func (r *reader) skip(n int) {
	if n < 0 || r.end-r.off < n {
		r.truncated(n)
		return
	}
	r.off += n
}

// count reads a u2 count of items that each occupy at least min bytes and
// fails unless that many items can fit, so callers may allocate for it.
func (r *reader) count(what string, min int) int {
	n := int(r.u2())
	if r.err == nil && n*min > r.remaining() {
		r.fail(errorf(r.off-2, "%s count %d needs at least %d bytes, %d remain", what, n, n*min, r.remaining()))
		return 0
	}
	return n
}

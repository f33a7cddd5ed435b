package main

import (
	"errors"
	"fmt"
)

// classReader is the least a class-file scanner must do: walk the constant
// pool, check the names that the class, its fields and its methods point
// at, and find each method's Code attribute without decoding the code. It
// shares nothing with kscan's class reader, so the floor it sets cannot
// move when that reader changes. One reader per worker: off is reused.
type classReader struct {
	off []uint32 // offset of each constant-pool entry's tag
	b   []byte
	pos int
	err error
}

// classInfo is what a read finds; summing it keeps the work from being
// optimised away and lets the floor print what it saw.
type classInfo struct {
	fields, methods int
	codeBytes       int
	nameBytes       int // bytes of the names and descriptors of the class and its members
}

var errShort = errors.New("truncated")

func (r *classReader) u1() int {
	if r.pos >= len(r.b) {
		r.fail(errShort)
		return 0
	}
	v := r.b[r.pos]
	r.pos++
	return int(v)
}

func (r *classReader) u2() int {
	if len(r.b)-r.pos < 2 {
		r.fail(errShort)
		return 0
	}
	v := int(r.b[r.pos])<<8 | int(r.b[r.pos+1])
	r.pos += 2
	return v
}

func (r *classReader) u4() int {
	if len(r.b)-r.pos < 4 {
		r.fail(errShort)
		return 0
	}
	v := int(r.b[r.pos])<<24 | int(r.b[r.pos+1])<<16 | int(r.b[r.pos+2])<<8 | int(r.b[r.pos+3])
	r.pos += 4
	return v
}

func (r *classReader) skip(n int) {
	if n < 0 || len(r.b)-r.pos < n {
		r.fail(errShort)
		return
	}
	r.pos += n
}

func (r *classReader) fail(err error) {
	if r.err == nil {
		r.err = fmt.Errorf("%w at byte %d", err, r.pos)
	}
	r.pos = len(r.b)
}

// utf8 returns the bytes of Utf8 entry i, failing on any other entry.
func (r *classReader) utf8(i int) []byte {
	if i <= 0 || i >= len(r.off) || r.off[i] == 0 || r.b[r.off[i]] != 1 {
		r.fail(fmt.Errorf("constant %d is not a Utf8", i))
		return nil
	}
	o := int(r.off[i])
	if o+3 > len(r.b) {
		r.fail(errShort)
		return nil
	}
	n := int(r.b[o+1])<<8 | int(r.b[o+2])
	if o+3+n > len(r.b) {
		r.fail(errShort)
		return nil
	}
	return r.b[o+3 : o+3+n]
}

// class returns the name of Class entry i.
func (r *classReader) class(i int) []byte {
	if i <= 0 || i >= len(r.off) || r.off[i] == 0 || r.b[r.off[i]] != 7 {
		r.fail(fmt.Errorf("constant %d is not a Class", i))
		return nil
	}
	o := int(r.off[i])
	if o+3 > len(r.b) {
		r.fail(errShort)
		return nil
	}
	return r.utf8(int(r.b[o+1])<<8 | int(r.b[o+2]))
}

func (r *classReader) read(b []byte) (classInfo, error) {
	var ci classInfo
	r.b, r.pos, r.err = b, 0, nil
	if r.u4() != 0xCAFEBABE {
		return ci, errors.New("not a class file")
	}
	r.skip(4) // minor, major
	n := r.u2()
	if r.err != nil || n == 0 {
		return ci, errors.New("no constant pool")
	}
	if cap(r.off) < n {
		r.off = make([]uint32, n)
	}
	r.off = r.off[:n]
	clear(r.off)
	for i := 1; i < n && r.err == nil; i++ {
		r.off[i] = uint32(r.pos)
		switch tag := r.u1(); tag {
		case 1:
			r.skip(r.u2())
		case 3, 4, 9, 10, 11, 12, 17, 18:
			r.skip(4)
		case 5, 6:
			r.skip(8)
			i++
		case 7, 8, 16, 19, 20:
			r.skip(2)
		case 15:
			r.skip(3)
		default:
			r.fail(fmt.Errorf("bad constant tag %d", tag))
		}
	}
	r.skip(2) // access
	ci.nameBytes += len(r.class(r.u2()))
	if s := r.u2(); s != 0 {
		ci.nameBytes += len(r.class(s))
	}
	for k := r.u2(); k > 0 && r.err == nil; k-- {
		ci.nameBytes += len(r.class(r.u2()))
	}
	ci.fields = r.members(&ci, false)
	ci.methods = r.members(&ci, true)
	r.attributes(nil)
	if r.err == nil && r.pos != len(r.b) {
		r.fail(errors.New("bytes after the class"))
	}
	return ci, r.err
}

// members reads a fields or methods table; for methods it finds the Code
// attribute and counts its bytecode without decoding it.
func (r *classReader) members(ci *classInfo, methods bool) int {
	n := r.u2()
	for k := 0; k < n && r.err == nil; k++ {
		r.skip(2)
		ci.nameBytes += len(r.utf8(r.u2()))
		ci.nameBytes += len(r.utf8(r.u2()))
		if methods {
			r.attributes(ci)
		} else {
			r.attributes(nil)
		}
	}
	return n
}

func (r *classReader) attributes(ci *classInfo) {
	for n := r.u2(); n > 0 && r.err == nil; n-- {
		name := r.utf8(r.u2())
		size := r.u4()
		end := r.pos + size
		if size < 0 || end > len(r.b) {
			r.fail(errShort)
			return
		}
		if ci != nil && string(name) == "Code" {
			r.skip(4) // max_stack, max_locals
			ci.codeBytes += r.u4()
		}
		r.pos = end
	}
}

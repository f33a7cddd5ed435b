package classfile

import (
	"math"
	"strconv"
	"sync"
	"sync/atomic"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// Tag is a constant-pool entry kind (JVMS §4.4).
type Tag uint8

// Constant-pool tags.
const (
	TagUtf8               Tag = 1
	TagInteger            Tag = 3
	TagFloat              Tag = 4
	TagLong               Tag = 5
	TagDouble             Tag = 6
	TagClass              Tag = 7
	TagString             Tag = 8
	TagFieldref           Tag = 9
	TagMethodref          Tag = 10
	TagInterfaceMethodref Tag = 11
	TagNameAndType        Tag = 12
	TagMethodHandle       Tag = 15
	TagMethodType         Tag = 16
	TagDynamic            Tag = 17
	TagInvokeDynamic      Tag = 18
	TagModule             Tag = 19
	TagPackage            Tag = 20
)

var tagNames = [...]string{
	TagUtf8: "Utf8", TagInteger: "Integer", TagFloat: "Float", TagLong: "Long", TagDouble: "Double",
	TagClass: "Class", TagString: "String", TagFieldref: "Fieldref", TagMethodref: "Methodref",
	TagInterfaceMethodref: "InterfaceMethodref", TagNameAndType: "NameAndType",
	TagMethodHandle: "MethodHandle", TagMethodType: "MethodType", TagDynamic: "Dynamic",
	TagInvokeDynamic: "InvokeDynamic", TagModule: "Module", TagPackage: "Package",
}

func (t Tag) String() string {
	if int(t) < len(tagNames) && tagNames[t] != "" {
		return tagNames[t]
	}
	if t == 0 {
		return "unusable"
	}
	return "Tag(" + strconv.Itoa(int(t)) + ")"
}

// Method-handle reference kinds (JVMS §5.4.3.5).
const (
	RefGetField         = 1
	RefGetStatic        = 2
	RefPutField         = 3
	RefPutStatic        = 4
	RefInvokeVirtual    = 5
	RefInvokeStatic     = 6
	RefInvokeSpecial    = 7
	RefNewInvokeSpecial = 8
	RefInvokeInterface  = 9
)

// MemberRef is a resolved Fieldref, Methodref or InterfaceMethodref.
type MemberRef struct {
	Kind      Tag    // TagFieldref, TagMethodref or TagInterfaceMethodref
	Owner     string // internal name of the class, e.g. "java/lang/Class" (an array descriptor for array methods such as clone)
	Name      string // e.g. "forName"
	Desc      string // e.g. "(Ljava/lang/String;)Ljava/lang/Class;"
	Interface bool   // Kind == TagInterfaceMethodref
}

// Is reports whether r names owner.name with descriptor desc; an empty desc
// matches any descriptor.
func (r *MemberRef) Is(owner, name, desc string) bool {
	return r != nil && r.Owner == owner && r.Name == name && (desc == "" || r.Desc == desc)
}

func (r *MemberRef) String() string {
	if r == nil {
		return "<nil>"
	}
	if r.Kind == TagFieldref {
		return r.Owner + "." + r.Name + ":" + r.Desc
	}
	return r.Owner + "." + r.Name + r.Desc
}

// MethodHandle is a resolved CONSTANT_MethodHandle.
type MethodHandle struct {
	Kind uint8 // reference kind, RefGetField ... RefInvokeInterface
	Ref  *MemberRef
}

// BootstrapMethod is one entry of the BootstrapMethods attribute.
type BootstrapMethod struct {
	Handle *MethodHandle
	Args   []Constant
}

// Dynamic is a resolved CONSTANT_InvokeDynamic or CONSTANT_Dynamic: the call
// site (or constant) name and descriptor and its bootstrap method.
type Dynamic struct {
	Name      string
	Desc      string
	Bootstrap *BootstrapMethod // nil if the class has no matching BootstrapMethods entry
}

// IsLambda reports whether d is produced by LambdaMetafactory (a lambda or a
// method reference).
func (d *Dynamic) IsLambda() bool {
	return d != nil && d.Bootstrap != nil && d.Bootstrap.Handle != nil && d.Bootstrap.Handle.Ref != nil &&
		d.Bootstrap.Handle.Ref.Owner == "java/lang/invoke/LambdaMetafactory"
}

// LambdaTarget returns the method a LambdaMetafactory call site binds (the
// lambda body or the referenced method), or nil.
func (d *Dynamic) LambdaTarget() *MemberRef {
	if !d.IsLambda() || len(d.Bootstrap.Args) < 2 || d.Bootstrap.Args[1].Handle == nil {
		return nil
	}
	return d.Bootstrap.Args[1].Handle.Ref
}

// Constant is a loadable constant: an ldc operand, a ConstantValue, or a
// bootstrap argument. Kind says which fields are set.
type Constant struct {
	Kind   Tag           // TagInteger, TagFloat, TagLong, TagDouble, TagString, TagClass, TagMethodType, TagMethodHandle, TagDynamic; 0 if none
	Str    string        // String value; Class internal name (or array descriptor); MethodType descriptor
	Int    int64         // Integer, Long
	Float  float64       // Float, Double
	Handle *MethodHandle // MethodHandle
	Dyn    *Dynamic      // Dynamic
}

func (c Constant) String() string {
	switch c.Kind {
	case TagInteger, TagLong:
		return strconv.FormatInt(c.Int, 10)
	case TagFloat:
		return strconv.FormatFloat(c.Float, 'g', -1, 32)
	case TagDouble:
		return strconv.FormatFloat(c.Float, 'g', -1, 64)
	case TagString:
		return strconv.Quote(c.Str)
	case TagClass:
		return c.Str + ".class"
	case TagMethodType:
		return c.Str
	case TagMethodHandle:
		if c.Handle != nil {
			return "handle " + c.Handle.Ref.String()
		}
	case TagDynamic:
		if c.Dyn != nil {
			return "dynamic " + c.Dyn.Name + ":" + c.Dyn.Desc
		}
	}
	return ""
}

// noEntry marks pool slot 0 and the unusable slot after a Long or Double.
const noEntry = ^uint32(0)

// Pool is a class's constant pool. It keeps one copy of the pool bytes and
// the offset of each entry; entries are decoded on demand.
type Pool struct {
	s    string   // the pool bytes, from the first entry's tag to the end of the last entry
	base int      // file offset of s[0], for error offsets
	off  []uint32 // offset in s of entry i's tag, or noEntry

	bsm      string // copy of the BootstrapMethods attribute body, if any
	bsmCount int
	bsmBase  int

	numbered sync.Once  // res.slot and the room of res.refs
	refMu    sync.Mutex // held while one member reference is filled in
	once     sync.Once  // every member reference, the handles, dynamics and bootstrap methods
	res      resolved
}

// resolved holds the entries whose values point at other resolved values.
// They are built on first use, because many callers never decode code; a
// member reference is filled in when it is first asked for, because a
// decoded method (a static initialiser, say) uses few of its class's.
type resolved struct {
	slot    []int32 // pool index -> index in refs, handles or dyns
	refs    []MemberRef
	filled  []uint32 // per refs element: 1 once filled in (read and written atomically)
	handles []MethodHandle
	dyns    []Dynamic
	bsms    []BootstrapMethod
	args    []Constant // the bootstrap methods' arguments, sliced by bsms

	nhandles, ndyns int
}

// grown returns s emptied, with room for n elements.
func grown[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	return s[:0]
}

// Len returns constant_pool_count: valid indexes are 1 .. Len()-1.
func (p *Pool) Len() int { return len(p.off) }

// Tag returns the tag of entry i, or 0 if i is out of range or unusable.
func (p *Pool) Tag(i int) Tag {
	if i <= 0 || i >= len(p.off) || p.off[i] == noEntry {
		return 0
	}
	return Tag(p.s[p.off[i]])
}

func (p *Pool) u2at(o uint32) int { return int(p.s[o])<<8 | int(p.s[o+1]) }

func (p *Pool) u4at(o uint32) uint32 {
	return uint32(p.s[o])<<24 | uint32(p.s[o+1])<<16 | uint32(p.s[o+2])<<8 | uint32(p.s[o+3])
}

func (p *Pool) kindError(i int, want string) error {
	if i <= 0 || i >= len(p.off) {
		return errorf(p.base, "constant pool index %d out of range (pool size %d)", i, len(p.off))
	}
	return errorf(p.base+int(p.off[i]), "constant pool index %d is %s, want %s", i, p.Tag(i), want)
}

// raw returns the undecoded bytes of Utf8 entry i.
func (p *Pool) raw(i int) (string, bool) {
	if p.Tag(i) != TagUtf8 {
		return "", false
	}
	o := p.off[i]
	n := uint32(p.u2at(o + 1))
	return p.s[o+3 : o+3+n], true
}

// Utf8 returns the decoded value of Utf8 entry i.
func (p *Pool) Utf8(i int) (string, error) {
	s, ok := p.raw(i)
	if !ok {
		return "", p.kindError(i, "Utf8")
	}
	return decodeMUTF8(s), nil
}

// utf8At is Utf8 for indexes already validated by Parse.
func (p *Pool) utf8At(i int) string {
	s, _ := p.raw(i)
	return decodeMUTF8(s)
}

// ClassName returns the internal name of Class entry i.
func (p *Pool) ClassName(i int) (string, error) {
	if p.Tag(i) != TagClass {
		return "", p.kindError(i, "Class")
	}
	return p.utf8At(p.u2at(p.off[i] + 1)), nil
}

func (p *Pool) classAt(i int) string {
	s, _ := p.ClassName(i)
	return s
}

// nameAndType returns the name and descriptor of NameAndType entry i.
func (p *Pool) nameAndType(i int) (name, desc string) {
	if p.Tag(i) != TagNameAndType {
		return "", ""
	}
	o := p.off[i]
	return p.utf8At(p.u2at(o + 1)), p.utf8At(p.u2at(o + 3))
}

// Constant returns loadable entry i.
func (p *Pool) Constant(i int) (Constant, error) {
	switch p.Tag(i) {
	case TagMethodHandle, TagDynamic:
		return p.constant(i, p.resolve())
	}
	return p.constant(i, nil)
}

// constant decodes loadable entry i; r must be the resolved entries when i
// is a MethodHandle or Dynamic.
func (p *Pool) constant(i int, r *resolved) (Constant, error) {
	t := p.Tag(i)
	if t == 0 {
		return Constant{}, p.kindError(i, "a loadable constant")
	}
	o := p.off[i]
	switch t {
	case TagInteger:
		return Constant{Kind: t, Int: int64(int32(p.u4at(o + 1)))}, nil
	case TagFloat:
		return Constant{Kind: t, Float: float64(math.Float32frombits(p.u4at(o + 1)))}, nil
	case TagLong:
		return Constant{Kind: t, Int: int64(uint64(p.u4at(o+1))<<32 | uint64(p.u4at(o+5)))}, nil
	case TagDouble:
		return Constant{Kind: t, Float: math.Float64frombits(uint64(p.u4at(o+1))<<32 | uint64(p.u4at(o+5)))}, nil
	case TagString, TagMethodType:
		return Constant{Kind: t, Str: p.utf8At(p.u2at(o + 1))}, nil
	case TagClass:
		return Constant{Kind: t, Str: p.classAt(i)}, nil
	case TagMethodHandle:
		return Constant{Kind: t, Handle: &r.handles[r.slot[i]]}, nil
	case TagDynamic:
		return Constant{Kind: t, Dyn: &r.dyns[r.slot[i]]}, nil
	}
	return Constant{}, p.kindError(i, "a loadable constant")
}

// MemberRef returns Fieldref, Methodref or InterfaceMethodref entry i. The
// result is shared; do not modify it.
func (p *Pool) MemberRef(i int) (*MemberRef, error) {
	switch p.Tag(i) {
	case TagFieldref, TagMethodref, TagInterfaceMethodref:
		return p.ref(p.number(), i), nil
	}
	return nil, p.kindError(i, "Fieldref, Methodref or InterfaceMethodref")
}

// RefName returns the owner and name of Fieldref, Methodref or
// InterfaceMethodref entry i without resolving the pool, for a caller that
// only sorts references (which classes are worth decoding); ok is false
// for any other entry.
func (p *Pool) RefName(i int) (owner, name string, ok bool) {
	switch p.Tag(i) {
	case TagFieldref, TagMethodref, TagInterfaceMethodref:
		o := p.off[i]
		nt := p.u2at(o + 3)
		return p.classAt(p.u2at(o + 1)), p.utf8At(p.u2at(p.off[nt] + 1)), true
	}
	return "", "", false
}

// RefNameIndex returns the index of the Utf8 entry that names Fieldref,
// Methodref or InterfaceMethodref entry i, so that a caller sorting many
// references can judge each name once; ok is false for any other entry.
func (p *Pool) RefNameIndex(i int) (name int, ok bool) {
	switch p.Tag(i) {
	case TagFieldref, TagMethodref, TagInterfaceMethodref:
		nt := p.u2at(p.off[i] + 3)
		return p.u2at(p.off[nt] + 1), true
	}
	return 0, false
}

// RefDesc returns the descriptor of Fieldref, Methodref or
// InterfaceMethodref entry i without resolving the pool; ok is false for
// any other entry.
func (p *Pool) RefDesc(i int) (desc string, ok bool) {
	switch p.Tag(i) {
	case TagFieldref, TagMethodref, TagInterfaceMethodref:
		nt := p.u2at(p.off[i] + 3)
		return p.utf8At(p.u2at(p.off[nt] + 3)), true
	}
	return "", false
}

// MemberRefs returns every field and method reference in the pool, in pool
// order. A rule can use it to skip a class that never mentions what it looks
// for before decoding any code. The slice is shared; do not modify it.
func (p *Pool) MemberRefs() []MemberRef { return p.resolve().refs }

// Dynamic returns InvokeDynamic or Dynamic entry i.
func (p *Pool) Dynamic(i int) (*Dynamic, error) {
	switch p.Tag(i) {
	case TagInvokeDynamic, TagDynamic:
		r := p.resolve()
		return &r.dyns[r.slot[i]], nil
	}
	return nil, p.kindError(i, "InvokeDynamic or Dynamic")
}

// BootstrapMethods returns the class's bootstrap methods.
func (p *Pool) BootstrapMethods() []BootstrapMethod { return p.resolve().bsms }

// Strings calls fn with the value of every String constant until fn returns false.
func (p *Pool) Strings(fn func(string) bool) {
	for i := 1; i < len(p.off); i++ {
		if p.Tag(i) == TagString && !fn(p.utf8At(p.u2at(p.off[i]+1))) {
			return
		}
	}
}

// number numbers the member references, method handles and dynamics of
// the pool (resolved.slot) and makes room for the references, without
// decoding any.
func (p *Pool) number() *resolved {
	p.numbered.Do(func() {
		var nrefs, nhandles, ndyns int
		for i := 1; i < len(p.off); i++ {
			switch p.Tag(i) {
			case TagFieldref, TagMethodref, TagInterfaceMethodref:
				nrefs++
			case TagMethodHandle:
				nhandles++
			case TagDynamic, TagInvokeDynamic:
				ndyns++
			}
		}
		r := &p.res
		r.nhandles, r.ndyns = nhandles, ndyns
		if nrefs+nhandles+ndyns == 0 {
			return
		}
		r.slot = grown(r.slot, len(p.off))[:len(p.off)]
		clear(r.slot)
		nrefs, nhandles, ndyns = 0, 0, 0
		for i := 1; i < len(p.off); i++ {
			switch p.Tag(i) {
			case TagFieldref, TagMethodref, TagInterfaceMethodref:
				r.slot[i] = int32(nrefs)
				nrefs++
			case TagMethodHandle:
				r.slot[i] = int32(nhandles)
				nhandles++
			case TagDynamic, TagInvokeDynamic:
				r.slot[i] = int32(ndyns)
				ndyns++
			}
		}
		r.refs = grown(r.refs, nrefs)[:nrefs]
		r.filled = grown(r.filled, nrefs)[:nrefs]
		clear(r.filled)
	})
	return &p.res
}

// ref returns member reference i (Fieldref, Methodref or
// InterfaceMethodref, as Parse checked) of the numbered pool r, filling
// it in on first use.
func (p *Pool) ref(r *resolved, i int) *MemberRef {
	k := r.slot[i]
	if atomic.LoadUint32(&r.filled[k]) == 0 {
		p.fill(r, i, k)
	}
	return &r.refs[k]
}

func (p *Pool) fill(r *resolved, i int, k int32) {
	p.refMu.Lock()
	defer p.refMu.Unlock()
	if atomic.LoadUint32(&r.filled[k]) != 0 {
		return // another goroutine's
	}
	t := p.Tag(i)
	o := p.off[i]
	name, desc := p.nameAndType(p.u2at(o + 3))
	r.refs[k] = MemberRef{Kind: t, Owner: p.classAt(p.u2at(o + 1)), Name: name, Desc: desc, Interface: t == TagInterfaceMethodref}
	atomic.StoreUint32(&r.filled[k], 1)
}

// resolve builds every cross-linked entry; Parse has already checked every
// index and kind they use, so it cannot fail.
func (p *Pool) resolve() *resolved {
	r := p.number()
	p.once.Do(func() {
		if len(r.refs)+r.nhandles+r.ndyns == 0 {
			return
		}
		for i := 1; i < len(p.off); i++ {
			switch p.Tag(i) {
			case TagFieldref, TagMethodref, TagInterfaceMethodref:
				p.ref(r, i)
			}
		}
		r.handles = grown(r.handles, r.nhandles)
		r.dyns = grown(r.dyns, r.ndyns)
		for i := 1; i < len(p.off); i++ {
			if p.Tag(i) == TagMethodHandle {
				o := p.off[i]
				r.handles = append(r.handles, MethodHandle{Kind: p.s[o+1], Ref: p.ref(r, p.u2at(o+2))})
			}
		}
		if p.bsmCount > 0 {
			r.bsms = grown(r.bsms, p.bsmCount)[:p.bsmCount]
			clear(r.bsms)
		}
		for i := 1; i < len(p.off); i++ {
			if t := p.Tag(i); t == TagDynamic || t == TagInvokeDynamic {
				o := p.off[i]
				name, desc := p.nameAndType(p.u2at(o + 3))
				d := Dynamic{Name: name, Desc: desc}
				if b := p.u2at(o + 1); b < len(r.bsms) {
					d.Bootstrap = &r.bsms[b]
				}
				r.dyns = append(r.dyns, d)
			}
		}
		// Arguments may be Dynamic constants, so the bootstrap methods are
		// filled in after every Dynamic exists.
		if p.bsmCount > 0 {
			nargs := (len(p.bsm) - 2 - 4*p.bsmCount) / 2
			args := grown(r.args, nargs)
			o := uint32(2)
			for k := range r.bsms {
				h := p.bsmArg(o)
				n := p.bsmArg(o + 2)
				o += 4
				start := len(args)
				for j := 0; j < n; j++ {
					c, _ := p.constant(p.bsmArg(o), r)
					args = append(args, c)
					o += 2
				}
				r.bsms[k] = BootstrapMethod{Handle: &r.handles[r.slot[h]], Args: args[start:len(args):len(args)]}
			}
			r.args = args
		}
	})
	return r
}

func (p *Pool) bsmArg(o uint32) int { return int(p.bsm[o])<<8 | int(p.bsm[o+1]) }

// parsePool reads constant_pool_count and the entries, then checks that every
// index an entry holds is in range and of the right kind.
func parsePool(r *reader, ps *Parser) *Pool {
	countOff := r.off
	count := int(r.u2())
	if r.err != nil {
		return nil
	}
	if count == 0 {
		r.fail(errorf(countOff, "constant pool count 0"))
		return nil
	}
	// The smallest entry takes 3 bytes; check before allocating.
	if (count-1)*3 > r.remaining() {
		r.fail(errorf(countOff, "constant pool count %d needs at least %d bytes, %d remain", count, (count-1)*3, r.remaining()))
		return nil
	}
	start := r.off
	var off []uint32
	if ps != nil {
		off = reuse(ps, &ps.off, count)
	} else {
		off = make([]uint32, count)
	}
	off[0] = noEntry
	for i := 1; i < count; i++ {
		o := r.off
		tag := Tag(r.u1())
		switch tag {
		case TagUtf8:
			n := int(r.u2())
			if r.err == nil && n > r.remaining() {
				r.fail(errorf(o, "constant pool Utf8 %d length %d exceeds remaining %d bytes", i, n, r.remaining()))
			}
			r.skip(n)
		case TagInteger, TagFloat:
			r.skip(4)
		case TagLong, TagDouble:
			r.skip(8)
			if i+1 >= count {
				r.fail(errorf(o, "constant pool %s at index %d needs two slots but pool size is %d", tag, i, count))
			} else {
				off[i+1] = noEntry
			}
		case TagClass, TagString, TagMethodType, TagModule, TagPackage:
			r.skip(2)
		case TagFieldref, TagMethodref, TagInterfaceMethodref, TagNameAndType, TagDynamic, TagInvokeDynamic:
			r.skip(4)
		case TagMethodHandle:
			r.skip(3)
		default:
			r.fail(errorf(o, "invalid constant pool tag %d at index %d", tag, i))
		}
		if r.err != nil {
			return nil
		}
		off[i] = uint32(o - start)
		if tag == TagLong || tag == TagDouble {
			i++
		}
	}
	var p *Pool
	if ps != nil {
		// The resolved tables keep their memory; everything else starts anew.
		res := ps.pool.res
		ps.pool = Pool{}
		ps.pool.res = resolved{slot: res.slot[:0], refs: res.refs[:0], filled: res.filled[:0], handles: res.handles[:0],
			dyns: res.dyns[:0], bsms: res.bsms[:0], args: res.args[:0]}
		p = &ps.pool
	} else {
		p = &Pool{} // allocated only here: a Parser's class costs none
	}
	if ps != nil && ps.ShareData && r.off > start {
		p.s = unsafe.String(&r.b[start], r.off-start)
	} else {
		p.s = string(r.b[start:r.off])
	}
	p.base, p.off = start, off
	if e := p.check(); e != nil {
		r.fail(e)
		return nil
	}
	return p
}

func (p *Pool) want(from, i int, t Tag) *FormatError {
	if p.Tag(i) == t {
		return nil
	}
	if i <= 0 || i >= len(p.off) {
		return errorf(p.base+int(p.off[from]), "constant pool index %d out of range (pool size %d)", i, len(p.off))
	}
	return errorf(p.base+int(p.off[from]), "constant pool entry %d (%s) refers to index %d which is %s, want %s", from, p.Tag(from), i, p.Tag(i), t)
}

func (p *Pool) check() *FormatError {
	for i := 1; i < len(p.off); i++ {
		t := p.Tag(i)
		if t == 0 {
			continue
		}
		o := p.off[i]
		var e *FormatError
		switch t {
		case TagClass, TagString, TagMethodType, TagModule, TagPackage:
			e = p.want(i, p.u2at(o+1), TagUtf8)
		case TagNameAndType:
			if e = p.want(i, p.u2at(o+1), TagUtf8); e == nil {
				e = p.want(i, p.u2at(o+3), TagUtf8)
			}
		case TagFieldref, TagMethodref, TagInterfaceMethodref:
			if e = p.want(i, p.u2at(o+1), TagClass); e == nil {
				e = p.want(i, p.u2at(o+3), TagNameAndType)
			}
		case TagDynamic, TagInvokeDynamic:
			e = p.want(i, p.u2at(o+3), TagNameAndType)
		case TagMethodHandle:
			kind := p.s[o+1]
			ref := p.u2at(o + 2)
			switch kind {
			case RefGetField, RefGetStatic, RefPutField, RefPutStatic:
				e = p.want(i, ref, TagFieldref)
			case RefInvokeVirtual, RefNewInvokeSpecial:
				e = p.want(i, ref, TagMethodref)
			case RefInvokeStatic, RefInvokeSpecial:
				if p.Tag(ref) != TagInterfaceMethodref {
					e = p.want(i, ref, TagMethodref)
				}
			case RefInvokeInterface:
				e = p.want(i, ref, TagInterfaceMethodref)
			default:
				e = errorf(p.base+int(o), "constant pool MethodHandle %d has invalid reference kind %d", i, kind)
			}
		}
		if e != nil {
			return e
		}
	}
	return nil
}

// setBootstrapMethods checks the BootstrapMethods attribute body at
// data[off:end] and keeps a copy for resolve.
func (p *Pool) setBootstrapMethods(data []byte, off, end int) *FormatError {
	r := reader{b: data, off: off, end: end}
	n := r.count("BootstrapMethods", 4)
	for k := 0; k < n && r.err == nil; k++ {
		ho := r.off
		h := int(r.u2())
		if r.err == nil && p.Tag(h) != TagMethodHandle {
			return errorf(ho, "bootstrap method %d handle index %d is %s, want MethodHandle", k, h, p.Tag(h))
		}
		nargs := r.count("bootstrap argument", 2)
		for j := 0; j < nargs && r.err == nil; j++ {
			ao := r.off
			a := int(r.u2())
			switch p.Tag(a) {
			case TagInteger, TagFloat, TagLong, TagDouble, TagString, TagClass, TagMethodType, TagMethodHandle, TagDynamic:
			default:
				return errorf(ao, "bootstrap method %d argument index %d is %s, want a loadable constant", k, a, p.Tag(a))
			}
		}
	}
	if r.err != nil {
		return r.err
	}
	p.bsm = string(data[off:r.off])
	p.bsmCount = n
	p.bsmBase = off
	return nil
}

// checkBootstrapRefs verifies that every Dynamic and InvokeDynamic entry
// names an existing bootstrap method.
func (p *Pool) checkBootstrapRefs() *FormatError {
	for i := 1; i < len(p.off); i++ {
		if t := p.Tag(i); t == TagDynamic || t == TagInvokeDynamic {
			if b := p.u2at(p.off[i] + 1); b >= p.bsmCount {
				return errorf(p.base+int(p.off[i]), "constant pool %s %d refers to bootstrap method %d but the class has %d", t, i, b, p.bsmCount)
			}
		}
	}
	return nil
}

// decodeMUTF8 decodes modified UTF-8 (JVMS §4.4.7). Entries that are already
// valid UTF-8, which is nearly all of them, are returned without copying;
// others are decoded with U+FFFD for malformed sequences, never an error,
// because a bad name should not hide the rest of the class.
func decodeMUTF8(s string) string {
	i := asciiPrefix(s)
	if i == len(s) || utf8.ValidString(s[i:]) {
		return s
	}
	return decodeMUTF8From(s, i)
}

// asciiPrefix is the length of the prefix of s without 0 or a byte above
// 0x7F, read eight bytes at a time: nearly every name and descriptor of a
// class is such ASCII.
func asciiPrefix(s string) int {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; len(s)-i >= 8; i += 8 {
		// One bounds check for the eight bytes, not one each: the
		// loads merge into one either way.
		t := s[i : i+8]
		w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		if (w|(w-lo)&^w)&hi != 0 {
			break
		}
	}
	for i < len(s) && s[i] < utf8.RuneSelf && s[i] != 0 {
		i++
	}
	return i
}

// decodeMUTF8From decodes s, whose first i bytes are plain ASCII.
func decodeMUTF8From(s string, i int) string {
	buf := make([]byte, 0, len(s))
	buf = append(buf, s[:i]...)
	for i < len(s) {
		r, n := mutf8Rune(s, i)
		i += n
		if utf16.IsSurrogate(r) {
			if r < 0xDC00 && i < len(s) {
				if r2, n2 := mutf8Rune(s, i); r2 >= 0xDC00 && r2 <= 0xDFFF {
					r = utf16.DecodeRune(r, r2)
					i += n2
				} else {
					r = utf8.RuneError
				}
			} else {
				r = utf8.RuneError
			}
		}
		buf = utf8.AppendRune(buf, r)
	}
	return string(buf)
}

// mutf8Rune decodes one 1-, 2- or 3-byte sequence at s[i]; surrogate halves
// are returned as is for the caller to pair.
func mutf8Rune(s string, i int) (rune, int) {
	c := s[i]
	switch {
	case c < 0x80:
		return rune(c), 1
	case c&0xE0 == 0xC0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	case c&0xF0 == 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.RuneError, 1
}

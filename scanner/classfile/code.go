package classfile

import (
	"sort"
	"strconv"
	"strings"
)

// Opcode is a JVM instruction opcode.
type Opcode uint8

// String returns the JVMS mnemonic, e.g. "invokestatic".
func (o Opcode) String() string {
	if s := opNames[o]; s != "" {
		return s
	}
	return "opcode(0x" + strconv.FormatUint(uint64(o), 16) + ")"
}

// Valid reports whether o is a defined opcode that may appear in a class file.
func (o Opcode) Valid() bool { return opNames[o] != "" }

// IsInvoke reports whether o is one of the invoke instructions.
func (o Opcode) IsInvoke() bool { return o >= OpInvokevirtual && o <= OpInvokedynamic }

// IsFieldAccess reports whether o is getstatic, putstatic, getfield or putfield.
func (o Opcode) IsFieldAccess() bool { return o >= OpGetstatic && o <= OpPutfield }

// IsBranch reports whether o transfers control to Instr.Target or a switch
// target (conditional and unconditional jumps, jsr and the switches).
func (o Opcode) IsBranch() bool {
	return (o >= OpIfeq && o <= OpLookupswitch && o != OpRet) || o == OpIfnull || o == OpIfnonnull ||
		o == OpGotoW || o == OpJsrW
}

// IsReturn reports whether o returns from the method.
func (o Opcode) IsReturn() bool { return o >= OpIreturn && o <= OpReturn }

// ExceptionHandler is one exception_table entry; the handler covers
// StartPC <= pc < EndPC.
type ExceptionHandler struct {
	StartPC, EndPC, HandlerPC int
	CatchType                 string // internal name; empty for a finally (catch-any) handler
}

// LineEntry maps the instructions from PC on to a source line.
type LineEntry struct {
	PC, Line int
}

// Code is a method's Code attribute.
type Code struct {
	MaxStack, MaxLocals int
	Bytecode            []byte // aliases the data given to Parse
	Handlers            []ExceptionHandler
	Lines               []LineEntry // sorted by PC

	pool *Pool
	off  int // file offset of Bytecode[0], for error offsets
}

// LineAt returns the source line of the instruction at pc, or 0 when the
// method has no line information for it.
func (c *Code) LineAt(pc int) int {
	i := sort.Search(len(c.Lines), func(i int) bool { return c.Lines[i].PC > pc })
	if i == 0 {
		return 0
	}
	return c.Lines[i-1].Line
}

// Instr is one decoded instruction. Only the fields its opcode uses are
// set. It is kept small (88 bytes): a worker decodes a million of them on
// a large jar set, and clearing and writing them was a visible share of
// a scan; the constant of an ldc is read from the pool when asked for.
type Instr struct {
	PC int
	// Target is the branch target pc; the default target of a switch.
	Target int
	// Int is the integer operand: the value of bipush, sipush and
	// iconst_<i> (lconst/fconst/dconst likewise); the local variable of
	// loads, stores, ret and iinc (including the <n> of xload_<n>); the
	// type code of newarray; the dimensions of multianewarray; the count
	// of invokeinterface.
	Int    int
	Ref    *MemberRef // getstatic, putstatic, getfield, putfield, invokevirtual, invokespecial, invokestatic, invokeinterface
	Dyn    *Dynamic   // invokedynamic
	Switch *Switch    // tableswitch, lookupswitch
	Class  string     // new, anewarray, checkcast, instanceof, multianewarray: internal name or array descriptor
	pool   *Pool      // ldc, ldc_w, ldc2_w: where Const reads the constant
	// Index is the constant-pool operand of ldc*, field and invoke
	// instructions, new, anewarray, checkcast, instanceof and multianewarray.
	Index int32
	Len   int32 // encoded length in bytes
	Inc   int16 // iinc increment
	Op    Opcode
	// Wide is set for an instruction prefixed by wide; Op is then the
	// modified instruction (iload, istore, iinc, ret, ...).
	Wide bool
}

// Const is the constant an ldc, ldc_w or ldc2_w loads; the zero Constant
// for other instructions. Decoding checked its kind.
func (in *Instr) Const() Constant {
	if in.pool == nil || in.Op != OpLdc && in.Op != OpLdcW && in.Op != OpLdc2W {
		return Constant{}
	}
	var r *resolved
	if t := in.pool.Tag(int(in.Index)); t == TagMethodHandle || t == TagDynamic {
		r = in.pool.resolve()
	}
	c, _ := in.pool.constant(int(in.Index), r)
	return c
}

// Switch holds the cases of a tableswitch or lookupswitch.
type Switch struct {
	Default int
	Cases   []SwitchCase
}

// SwitchCase is one key and its target pc.
type SwitchCase struct {
	Key    int32
	Target int
}

func (in *Instr) String() string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(in.PC))
	b.WriteString(": ")
	b.WriteString(in.Op.String())
	switch {
	case in.Ref != nil:
		b.WriteString(" " + in.Ref.String())
	case in.Dyn != nil:
		b.WriteString(" " + in.Dyn.Name + in.Dyn.Desc)
	case in.Const().Kind != 0:
		b.WriteString(" " + in.Const().String())
	case in.Class != "":
		b.WriteString(" " + in.Class)
	case in.Switch != nil:
		for _, c := range in.Switch.Cases {
			b.WriteString(" " + strconv.Itoa(int(c.Key)) + ":" + strconv.Itoa(c.Target))
		}
		b.WriteString(" default:" + strconv.Itoa(in.Switch.Default))
	case in.Op.IsBranch():
		b.WriteString(" " + strconv.Itoa(in.Target))
	case in.Op == OpBipush || in.Op == OpSipush || (in.Op >= OpIload && in.Op <= OpAload) ||
		(in.Op >= OpIstore && in.Op <= OpAstore) || in.Op == OpRet || in.Op == OpNewarray:
		b.WriteString(" " + strconv.Itoa(in.Int))
	case in.Op == OpIinc:
		b.WriteString(" " + strconv.Itoa(in.Int) + " " + strconv.Itoa(int(in.Inc)))
	}
	return b.String()
}

// Instructions decodes the whole method body into a new slice.
func (c *Code) Instructions() ([]Instr, error) {
	// Most instructions are 1-3 bytes; this guess avoids most regrowth.
	return c.AppendInstructions(make([]Instr, 0, len(c.Bytecode)/2+1))
}

// AppendInstructions decodes the whole method body and appends it to dst,
// so that a caller decoding many methods can reuse one buffer: nothing is
// allocated per instruction except the cases of a tableswitch or
// lookupswitch. Operand strings and references point into the class's
// constant pool, never into dst. On error, the instructions before the bad
// one are appended.
func (c *Code) AppendInstructions(dst []Instr) ([]Instr, error) {
	var res *resolved
	b := c.Bytecode
	for pc := 0; pc < len(b); {
		dst = append(dst, Instr{})
		in := &dst[len(dst)-1]
		if e := c.decodeAt(pc, in, &res); e != nil {
			return dst[:len(dst)-1], e
		}
		pc += int(in.Len)
	}
	return dst, nil
}

// Decode calls fn with each instruction in order until fn returns false. It
// returns a *FormatError for an undefined opcode, a truncated instruction, or
// a constant-pool operand of the wrong kind; instructions before the bad one
// have already been passed to fn.
func (c *Code) Decode(fn func(Instr) bool) error {
	var res *resolved
	var in Instr
	for pc := 0; pc < len(c.Bytecode); {
		in = Instr{}
		if e := c.decodeAt(pc, &in, &res); e != nil {
			return e
		}
		if !fn(in) {
			return nil
		}
		pc += int(in.Len)
	}
	return nil
}

// decodeAt decodes the instruction at pc into the zeroed *in; *res holds
// the pool's numbered entries once an operand needed them.
func (c *Code) decodeAt(pc int, in *Instr, res **resolved) *FormatError {
	b := c.Bytecode
	op := Opcode(b[pc])
	in.PC, in.Op = pc, op
	n := int(opLen[op])
	switch op {
	case OpTableswitch, OpLookupswitch:
		var e *FormatError
		n, e = c.decodeSwitch(in)
		if e != nil {
			return e
		}
	case OpWide:
		if pc+1 >= len(b) {
			return c.truncated(op, pc)
		}
		in.Op = Opcode(b[pc+1])
		in.Wide = true
		switch in.Op {
		case OpIinc:
			n = 6
		case OpIload, OpLload, OpFload, OpDload, OpAload, OpIstore, OpLstore, OpFstore, OpDstore, OpAstore, OpRet:
			n = 4
		default:
			return errorf(c.off+pc, "wide applied to %s at pc %d", in.Op, pc)
		}
	}
	if n == 0 {
		return errorf(c.off+pc, "invalid opcode 0x%02x at pc %d", uint8(op), pc)
	}
	if n > len(b)-pc {
		return c.truncated(op, pc)
	}
	in.Len = int32(n)
	if in.Wide {
		in.Int = int(be16(b[pc+2:]))
		if in.Op == OpIinc {
			in.Inc = int16(be16(b[pc+4:]))
		}
		return nil
	}
	switch {
	case op >= OpIconstM1 && op <= OpIconst5:
		in.Int = int(op) - int(OpIconst0)
	case op >= OpLconst0 && op <= OpLconst1:
		in.Int = int(op - OpLconst0)
	case op >= OpFconst0 && op <= OpFconst2:
		in.Int = int(op - OpFconst0)
	case op >= OpDconst0 && op <= OpDconst1:
		in.Int = int(op - OpDconst0)
	case op == OpBipush:
		in.Int = int(int8(b[pc+1]))
	case op == OpSipush:
		in.Int = int(int16(be16(b[pc+1:])))
	case op == OpLdc || op == OpLdcW || op == OpLdc2W:
		if op == OpLdc {
			in.Index = int32(b[pc+1])
		} else {
			in.Index = int32(be16(b[pc+1:]))
		}
		t := c.tag(int(in.Index))
		ok := t == TagDynamic
		switch t {
		case TagInteger, TagFloat, TagString, TagClass, TagMethodType, TagMethodHandle:
			ok = op != OpLdc2W
		case TagLong, TagDouble:
			ok = op == OpLdc2W
		}
		if !ok {
			return c.operandError(in, "a loadable constant")
		}
		in.pool = c.pool
	case (op >= OpIload && op <= OpAload) || (op >= OpIstore && op <= OpAstore) || op == OpRet || op == OpNewarray:
		in.Int = int(b[pc+1])
	case op >= OpIload0 && op <= OpAload3:
		in.Int = int(op-OpIload0) % 4
	case op >= OpIstore0 && op <= OpAstore3:
		in.Int = int(op-OpIstore0) % 4
	case op == OpIinc:
		in.Int = int(b[pc+1])
		in.Inc = int16(int8(b[pc+2]))
	case (op >= OpIfeq && op <= OpJsr) || op == OpIfnull || op == OpIfnonnull:
		in.Target = pc + int(int16(be16(b[pc+1:])))
	case op == OpGotoW || op == OpJsrW:
		in.Target = pc + int(int32(be32(b[pc+1:])))
	case op.IsFieldAccess() || (op >= OpInvokevirtual && op <= OpInvokeinterface):
		in.Index = int32(be16(b[pc+1:]))
		t := c.tag(int(in.Index))
		if op.IsFieldAccess() {
			if t != TagFieldref {
				return c.operandError(in, "Fieldref")
			}
		} else if t != TagMethodref && t != TagInterfaceMethodref {
			// invokevirtual of an InterfaceMethodref is not valid
			// bytecode, but the reference itself is still meaningful.
			return c.operandError(in, "Methodref or InterfaceMethodref")
		}
		if *res == nil {
			*res = c.pool.number()
		}
		in.Ref = c.pool.ref(*res, int(in.Index))
		if op == OpInvokeinterface {
			in.Int = int(b[pc+3])
		}
	case op == OpInvokedynamic:
		in.Index = int32(be16(b[pc+1:]))
		if c.tag(int(in.Index)) != TagInvokeDynamic {
			return c.operandError(in, "InvokeDynamic")
		}
		r := c.pool.resolve()
		in.Dyn = &r.dyns[r.slot[in.Index]]
	case op == OpNew || op == OpAnewarray || op == OpCheckcast || op == OpInstanceof || op == OpMultianewarray:
		in.Index = int32(be16(b[pc+1:]))
		if c.tag(int(in.Index)) != TagClass {
			return c.operandError(in, "Class")
		}
		in.Class = c.pool.classAt(int(in.Index))
		if op == OpMultianewarray {
			in.Int = int(b[pc+3])
		}
	}
	return nil
}

// Walk calls fn with the pc, opcode and constant-pool operand (0 when the
// opcode has none) of each instruction until fn returns false, without
// decoding operands or resolving anything: the cheap pass that tells
// whether a method is worth decoding. A wide instruction is reported as
// the instruction it modifies. Walk fails on exactly the instructions on
// which Decode fails (its error may be worded differently), so a method
// it walks whole decodes whole.
func (c *Code) Walk(fn func(pc int, op Opcode, index int) bool) error {
	b := c.Bytecode
	for pc := 0; pc < len(b); {
		op := Opcode(b[pc])
		n := int(opLen[op])
		index := 0
		switch op {
		case OpTableswitch, OpLookupswitch:
			p := (pc + 4) &^ 3
			var cases, size int64
			if op == OpTableswitch {
				if len(b)-p < 12 {
					return c.truncated(op, pc)
				}
				low, high := int64(int32(be32(b[p+4:]))), int64(int32(be32(b[p+8:])))
				if high < low {
					return errorf(c.off+pc, "tableswitch at pc %d has high %d below low %d", pc, high, low)
				}
				cases, size, p = high-low+1, 4, p+12
			} else {
				if len(b)-p < 8 {
					return c.truncated(op, pc)
				}
				cases, size, p = int64(int32(be32(b[p+4:]))), 8, p+8
				if cases < 0 {
					return errorf(c.off+pc, "lookupswitch at pc %d has negative pair count %d", pc, cases)
				}
			}
			if cases*size > int64(len(b)-p) {
				return c.truncated(op, pc)
			}
			n = p + int(cases*size) - pc
		case OpWide:
			if pc+1 >= len(b) {
				return c.truncated(op, pc)
			}
			op = Opcode(b[pc+1])
			switch op {
			case OpIinc:
				n = 6
			case OpIload, OpLload, OpFload, OpDload, OpAload, OpIstore, OpLstore, OpFstore, OpDstore, OpAstore, OpRet:
				n = 4
			default:
				return errorf(c.off+pc, "wide applied to %s at pc %d", op, pc)
			}
			if n > len(b)-pc {
				return c.truncated(op, pc)
			}
			if !fn(pc, op, 0) {
				return nil
			}
			pc += n
			continue
		}
		if n == 0 {
			return errorf(c.off+pc, "invalid opcode 0x%02x at pc %d", uint8(op), pc)
		}
		if n > len(b)-pc {
			return c.truncated(op, pc)
		}
		var want Tag
		switch {
		case op == OpLdc:
			index = int(b[pc+1])
		case op == OpLdcW || op == OpLdc2W || op >= OpGetstatic && op <= OpNew || op == OpAnewarray ||
			op == OpCheckcast || op == OpInstanceof || op == OpMultianewarray:
			index = int(be16(b[pc+1:]))
		}
		if index != 0 || op == OpLdc {
			t := c.tag(index)
			ok := true
			switch {
			case op == OpLdc || op == OpLdcW:
				ok = t == TagInteger || t == TagFloat || t == TagString || t == TagClass || t == TagMethodType ||
					t == TagMethodHandle || t == TagDynamic
			case op == OpLdc2W:
				ok = t == TagLong || t == TagDouble || t == TagDynamic
			case op.IsFieldAccess():
				want = TagFieldref
			case op == OpInvokedynamic:
				want = TagInvokeDynamic
			case op.IsInvoke():
				ok = t == TagMethodref || t == TagInterfaceMethodref
			default:
				want = TagClass
			}
			if !ok || want != 0 && t != want {
				return errorf(c.off+pc, "%s at pc %d: constant pool index %d is %s", op, pc, index, t)
			}
		} else if op >= OpGetstatic && op <= OpNew || op == OpLdcW || op == OpLdc2W || op == OpAnewarray ||
			op == OpCheckcast || op == OpInstanceof || op == OpMultianewarray {
			return errorf(c.off+pc, "%s at pc %d: constant pool index 0", op, pc)
		}
		if !fn(pc, op, index) {
			return nil
		}
		pc += n
	}
	return nil
}

func (c *Code) tag(i int) Tag {
	if c.pool == nil {
		return 0
	}
	return c.pool.Tag(i)
}

func (c *Code) truncated(op Opcode, pc int) *FormatError {
	return errorf(c.off+pc, "truncated %s at pc %d (code length %d)", op, pc, len(c.Bytecode))
}

func (c *Code) operandError(in *Instr, want string) *FormatError {
	size := 0
	if c.pool != nil {
		size = c.pool.Len()
	}
	if i := int(in.Index); i <= 0 || i >= size {
		return errorf(c.off+in.PC, "%s at pc %d: constant pool index %d out of range (pool size %d)", in.Op, in.PC, in.Index, size)
	}
	return errorf(c.off+in.PC, "%s at pc %d: constant pool index %d is %s, want %s", in.Op, in.PC, in.Index, c.tag(int(in.Index)), want)
}

// decodeSwitch decodes a tableswitch or lookupswitch at in.PC and returns its
// length. Case counts are checked against the remaining code before the
// cases are allocated.
func (c *Code) decodeSwitch(in *Instr) (int, *FormatError) {
	b := c.Bytecode
	pc := in.PC
	// Operands start at the next multiple of 4 from the start of the code.
	p := (pc + 4) &^ 3
	head := 8 // default, npairs
	if in.Op == OpTableswitch {
		head = 12 // default, low, high
	}
	if len(b)-p < head {
		return 0, c.truncated(in.Op, pc)
	}
	sw := &Switch{Default: pc + int(int32(be32(b[p:])))}
	in.Target = sw.Default
	in.Switch = sw
	if in.Op == OpTableswitch {
		low, high := int32(be32(b[p+4:])), int32(be32(b[p+8:]))
		if high < low {
			return 0, errorf(c.off+pc, "tableswitch at pc %d has high %d below low %d", pc, high, low)
		}
		count := int64(high) - int64(low) + 1
		p += 12
		if count*4 > int64(len(b)-p) {
			return 0, errorf(c.off+pc, "tableswitch at pc %d has %d cases but only %d bytes of code remain", pc, count, len(b)-p)
		}
		sw.Cases = make([]SwitchCase, count)
		for i := range sw.Cases {
			sw.Cases[i] = SwitchCase{Key: low + int32(i), Target: pc + int(int32(be32(b[p+4*i:])))}
		}
		return p + int(count)*4 - pc, nil
	}
	npairs := int32(be32(b[p+4:]))
	p += 8
	if npairs < 0 {
		return 0, errorf(c.off+pc, "lookupswitch at pc %d has negative pair count %d", pc, npairs)
	}
	if int64(npairs)*8 > int64(len(b)-p) {
		return 0, errorf(c.off+pc, "lookupswitch at pc %d has %d pairs but only %d bytes of code remain", pc, npairs, len(b)-p)
	}
	sw.Cases = make([]SwitchCase, npairs)
	for i := range sw.Cases {
		q := p + 8*i
		sw.Cases[i] = SwitchCase{Key: int32(be32(b[q:])), Target: pc + int(int32(be32(b[q+4:])))}
	}
	return p + int(npairs)*8 - pc, nil
}

func be16(b []byte) uint16 { return uint16(b[0])<<8 | uint16(b[1]) }

func be32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

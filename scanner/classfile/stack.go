package classfile

import "slices"

// Rules ask where an argument came from (the ClassLoader passed to
// Class.forName: ldc X.class + getClassLoader, getClass().getClassLoader(),
// aconst_null, ...). Source answers that for straight-line code by walking
// back over stack effects; anything it cannot follow exactly (a jump into
// the range, dup/swap shuffles, a value computed on two paths) gives -1, so
// a rule treats the argument as unknown rather than guessing.

// ArgCount returns the number of parameters in method descriptor desc, or -1
// if desc is malformed.
func ArgCount(desc string) int {
	if len(desc) == 0 || desc[0] != '(' {
		return -1
	}
	n := 0
	for i := 1; i < len(desc); {
		switch desc[i] {
		case ')':
			return n
		case '[':
			i++
			continue
		case 'L':
			for i < len(desc) && desc[i] != ';' {
				i++
			}
			if i == len(desc) {
				return -1
			}
		case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z':
		default:
			return -1
		}
		n++
		i++
	}
	return -1
}

// returnsValue reports whether method descriptor desc returns non-void.
func returnsValue(desc string) bool { return len(desc) > 0 && desc[len(desc)-1] != 'V' }

// stackEffect returns how many values (not slots) in pops and pushes, with
// ok false for instructions whose effect depends on value categories or that
// shuffle the stack.
func stackEffect(in *Instr) (pops, pushes int, ok bool) {
	op := in.Op
	switch {
	case op == OpNop, op == OpIinc, op == OpGoto, op == OpGotoW, op == OpRet, op == OpReturn:
		return 0, 0, true
	case op >= OpAconstNull && op <= OpAload3: // constants, ldc*, loads
		return 0, 1, true
	case op >= OpIaload && op <= OpSaload:
		return 2, 1, true
	case op >= OpIstore && op <= OpAstore3:
		return 1, 0, true
	case op >= OpIastore && op <= OpSastore:
		return 3, 0, true
	case op == OpPop:
		return 1, 0, true
	case op >= OpPop2 && op <= OpSwap:
		return 0, 0, false
	case op >= OpIadd && op <= OpDrem, op >= OpIshl && op <= OpLxor, op >= OpLcmp && op <= OpDcmpg:
		return 2, 1, true
	case op >= OpIneg && op <= OpDneg, op >= OpI2l && op <= OpI2s:
		return 1, 1, true
	case op >= OpIfeq && op <= OpIfle, op == OpIfnull, op == OpIfnonnull:
		return 1, 0, true
	case op >= OpIfIcmpeq && op <= OpIfAcmpne:
		return 2, 0, true
	case op == OpJsr, op == OpJsrW:
		return 0, 1, true
	case op == OpTableswitch, op == OpLookupswitch, op >= OpIreturn && op <= OpAreturn, op == OpAthrow,
		op == OpMonitorenter, op == OpMonitorexit, op == OpPutstatic:
		return 1, 0, true
	case op == OpGetstatic, op == OpNew:
		return 0, 1, true
	case op == OpGetfield, op == OpNewarray, op == OpAnewarray, op == OpArraylength, op == OpCheckcast, op == OpInstanceof:
		return 1, 1, true
	case op == OpPutfield:
		return 2, 0, true
	case op == OpMultianewarray:
		return in.Int, 1, true
	case op.IsInvoke():
		var desc string
		switch {
		case in.Ref != nil:
			desc = in.Ref.Desc
		case in.Dyn != nil:
			desc = in.Dyn.Desc
		default:
			return 0, 0, false
		}
		n := ArgCount(desc)
		if n < 0 {
			return 0, 0, false
		}
		if op != OpInvokestatic && op != OpInvokedynamic {
			n++ // receiver
		}
		if returnsValue(desc) {
			return n, 1, true
		}
		return n, 0, true
	}
	return 0, 0, false
}

// Source returns the index in ins (all instructions of c, in order, as from
// c.Instructions) of the instruction that pushed the value at depth (0 is
// the top) of the operand stack just before ins[i]. It returns -1 when that
// value does not come from straight-line code before i. Each call looks at
// every jump of the method; Flow answers many questions about one method
// for the cost of one such look.
func (c *Code) Source(ins []Instr, i, depth int) int {
	if i <= 0 || i >= len(ins) || depth < 0 {
		return -1
	}
	// The lowest pc at which control may arrive other than by falling
	// through; the walk must not cross it.
	barrier := -1
	pcI := ins[i].PC
	mark := func(t int) {
		if t <= pcI && t > barrier {
			barrier = t
		}
	}
	for k := range ins {
		in := &ins[k]
		if in.Switch != nil {
			for _, cs := range in.Switch.Cases {
				mark(cs.Target)
			}
			mark(in.Switch.Default)
		} else if in.Op.IsBranch() {
			mark(in.Target)
		}
	}
	for _, h := range c.Handlers {
		mark(h.HandlerPC)
	}
	return walkBack(ins, i, depth, barrier, false)
}

// walkBack follows stack effects back from ins[i] without crossing the
// instruction at pc barrier (a place control can reach by a jump).
//
// With dups, a dup is crossed: both its copies are the value below it.
func walkBack(ins []Instr, i, depth, barrier int, dups bool) int {
	need := depth
	for j := i - 1; j >= 0; j-- {
		if ins[j+1].PC <= barrier {
			return -1
		}
		in := &ins[j]
		switch in.Op {
		case OpGoto, OpGotoW, OpAthrow, OpTableswitch, OpLookupswitch, OpRet, OpJsr, OpJsrW:
			return -1
		}
		if in.Op.IsReturn() {
			return -1
		}
		if in.Op == OpDup && dups {
			// Both copies are the value below: asked for either, the
			// walk goes on for that value (new X; dup; <init>: the new).
			if need < 2 {
				need = 0
			} else {
				need--
			}
			continue
		}
		pops, pushes, ok := stackEffect(in)
		if !ok {
			return -1
		}
		if need < pushes {
			return j
		}
		need += pops - pushes
	}
	return -1
}

// Flow answers Source and ArgSource for one method's instructions with the
// method's jump targets gathered once, so a question costs only the walk
// back. The zero value is ready; Reset points it at a method and reuses
// its memory, so one Flow serves every method a worker decodes.
type Flow struct {
	code    *Code
	ins     []Instr
	targets []int // pcs control can reach by a jump or an exception, sorted
}

// Reset makes f answer for the instructions ins of code.
func (f *Flow) Reset(code *Code, ins []Instr) {
	f.code, f.ins = code, ins
	f.targets = f.targets[:0]
	for k := range ins {
		in := &ins[k]
		if in.Switch != nil {
			for _, cs := range in.Switch.Cases {
				f.targets = append(f.targets, cs.Target)
			}
			f.targets = append(f.targets, in.Switch.Default)
		} else if in.Op.IsBranch() {
			f.targets = append(f.targets, in.Target)
		}
	}
	for _, h := range code.Handlers {
		f.targets = append(f.targets, h.HandlerPC)
	}
	slices.Sort(f.targets)
}

// Source is Code.Source for the instructions given to Reset.
func (f *Flow) Source(i, depth int) int {
	return f.source(i, depth, false)
}

func (f *Flow) source(i, depth int, dups bool) int {
	if i <= 0 || i >= len(f.ins) || depth < 0 {
		return -1
	}
	// The highest target at or before ins[i]: as Code.Source's barrier.
	k, _ := slices.BinarySearch(f.targets, f.ins[i].PC+1)
	barrier := -1
	if k > 0 {
		barrier = f.targets[k-1]
	}
	return walkBack(f.ins, i, depth, barrier, dups)
}

// ArgSource is Code.ArgSource for the instructions given to Reset.
func (f *Flow) ArgSource(i, arg int) int {
	n, ok := argDepth(f.ins, i, arg)
	if !ok {
		return -1
	}
	return f.Source(i, n)
}

// SourceThroughDup is Source that crosses a dup to the value it copies:
// a new X(...) (new; dup; <init>) is found at its new, and x++ used as a
// value (getstatic; dup; iconst_1; iadd) at the read. Its callers take a
// new for the constructor call that completes it, which Source's callers
// do not.
func (f *Flow) SourceThroughDup(i, depth int) int {
	return f.source(i, depth, true)
}

// ArgSourceThroughDup is ArgSource through a dup (SourceThroughDup).
func (f *Flow) ArgSourceThroughDup(i, arg int) int {
	n, ok := argDepth(f.ins, i, arg)
	if !ok {
		return -1
	}
	return f.source(i, n, true)
}

// ArgSource returns the index in ins of the instruction that produced
// argument arg (0-based; -1 for the receiver) of the invoke at ins[i], or -1.
func (c *Code) ArgSource(ins []Instr, i, arg int) int {
	n, ok := argDepth(ins, i, arg)
	if !ok {
		return -1
	}
	return c.Source(ins, i, n)
}

// argDepth is the stack depth of argument arg of the invoke at ins[i].
func argDepth(ins []Instr, i, arg int) (int, bool) {
	if i < 0 || i >= len(ins) || !ins[i].Op.IsInvoke() {
		return 0, false
	}
	in := &ins[i]
	var desc string
	switch {
	case in.Ref != nil:
		desc = in.Ref.Desc
	case in.Dyn != nil:
		desc = in.Dyn.Desc
	}
	n := ArgCount(desc)
	if n < 0 || arg >= n || arg < -1 {
		return 0, false
	}
	if arg == -1 && (in.Op == OpInvokestatic || in.Op == OpInvokedynamic) {
		return 0, false
	}
	return n - 1 - arg, true
}

package bytecode

import (
	"sort"

	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/classfile"
)

// Which of a method's parameters a stored value is computed from. Compiled
// code shows a call's value without its arguments, so a memo filled as
// f = cache.get(key); if (f == null) { f = compute(key); cache.put(key, f); }
// in a method with a second parameter looks as if it stored that parameter.
// Following the value back through calls, constructors and the stores into
// the locals it reads tells the key's inputs from the caller's other ones.

// readsBudget bounds the instructions one question visits: a value is a
// few calls deep, and a method of thousands of stores must not cost more.
const readsBudget = 64

// reads sets x.Reads and x.ReadsKnown for the value ins[k] pushes (the
// value before ins[k+1] when that is a constructor call: new X(...)).
// Direct and DirectKnown are the same walk stopping at the locals that
// are not parameters.
func (b *body) reads(x *facts.Expr, k int) {
	x.Reads, x.ReadsKnown = b.walkReads(k, false)
	x.Direct, x.DirectKnown = b.walkReads(k, true)
}

// walkReads follows the value ins[k] pushes back to the entry slots it
// reads; direct stops at a local that is not a parameter.
func (b *body) walkReads(k int, direct bool) ([]int, bool) {
	r := readWalk{b: b, budget: readsBudget, seen: map[int]bool{}, direct: direct}
	r.entry = r.paramSlots()
	if !r.value(k, 0) {
		return nil, false
	}
	out := make([]int, 0, len(r.slots))
	for s := range r.slots {
		out = append(out, s)
	}
	sort.Ints(out)
	return out, true
}

// readsBefore is reads for the value on top of the stack before ins[i],
// as valueBefore finds it.
func (b *body) readsBefore(x *facts.Expr, i int) {
	if k, ok := b.newOf(i - 1); ok {
		b.reads(x, k)
		return
	}
	b.reads(x, b.x.flow.SourceThroughDup(i, 0))
}

type readWalk struct {
	b      *body
	budget int
	seen   map[int]bool // instructions already followed
	slots  map[int]bool
	entry  int // paramSlots
	// direct takes a local that is not a parameter as the name it is,
	// not following what was stored in it.
	direct bool
}

// paramSlots is the number of local slots the method's entry fills: this
// and the parameters (long and double take two).
func (r *readWalk) paramSlots() int {
	n := 0
	if !r.b.m.Access.Has(classfile.AccStatic) {
		n = 1
	}
	for _, t := range paramTypes(r.b.m.Desc) {
		if t == "long" || t == "double" {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// value reports whether every input of the value ins[k] pushes is known,
// adding the entry slots it reads to r.slots.
func (r *readWalk) value(k, depth int) bool {
	b := r.b
	if k < 0 || k >= len(b.ins) || depth > 6 || r.budget <= 0 {
		return false
	}
	if r.seen[k] {
		return true // already followed (a loop through a local)
	}
	r.seen[k] = true
	r.budget--
	in := &b.ins[k]
	switch op := in.Op; {
	case op == classfile.OpAconstNull, op >= classfile.OpIconstM1 && op <= classfile.OpDconst1,
		op == classfile.OpBipush, op == classfile.OpSipush, op == classfile.OpLdc, op == classfile.OpLdcW, op == classfile.OpLdc2W,
		op == classfile.OpGetstatic:
		return true
	case op == classfile.OpGetfield, op == classfile.OpCheckcast, op == classfile.OpDup,
		// A conversion, a negation or an array's length reads what its
		// operand reads, as a source's (long) n, -n or a.length names n
		// or a: no instruction of its own hides the rest.
		op >= classfile.OpI2l && op <= classfile.OpI2s, op >= classfile.OpIneg && op <= classfile.OpDneg,
		op == classfile.OpArraylength, op == classfile.OpInstanceof,
		// A new array reads its length, as new int[n] names n.
		op == classfile.OpNewarray, op == classfile.OpAnewarray:
		return r.value(b.x.flow.SourceThroughDup(k, 0), depth+1)
	case op >= classfile.OpIadd && op <= classfile.OpDrem, op >= classfile.OpIshl && op <= classfile.OpLxor,
		op >= classfile.OpLcmp && op <= classfile.OpDcmpg, op >= classfile.OpIaload && op <= classfile.OpSaload:
		// Arithmetic and an array's element read both operands (a + b,
		// args[i]).
		return r.value(b.x.flow.SourceThroughDup(k, 0), depth+1) && r.value(b.x.flow.SourceThroughDup(k, 1), depth+1)
	case op >= classfile.OpIload && op <= classfile.OpAload, op >= classfile.OpIload0 && op <= classfile.OpAload3:
		return r.local(in.Int, k, depth)
	case op == classfile.OpNew:
		// The constructor call that completes this new gives its arguments.
		for i := k + 1; i < len(b.ins); i++ {
			if j, ok := b.newOf(i); ok && j == k {
				return r.args(i, false, depth)
			}
		}
		return false
	case op == classfile.OpInvokedynamic && in.Dyn != nil:
		return r.args(k, true, depth) // a lambda's captures, a concatenation's parts
	case op.IsInvoke() && in.Ref != nil:
		return r.args(k, op != classfile.OpInvokestatic, depth)
	}
	return false
}

// args follows the arguments (and the receiver, when recv) of the invoke
// at ins[i].
func (r *readWalk) args(i int, recv bool, depth int) bool {
	in := &r.b.ins[i]
	desc := ""
	switch {
	case in.Ref != nil:
		desc = in.Ref.Desc
	case in.Dyn != nil:
		desc = in.Dyn.Desc
		recv = false
	}
	n := classfile.ArgCount(desc)
	if n < 0 {
		return false
	}
	first := 0
	if recv {
		first = -1
	}
	for a := first; a < n; a++ {
		if !r.value(r.b.x.flow.ArgSourceThroughDup(i, a), depth+1) {
			return false
		}
	}
	return true
}

// local follows a load of slot at ins[k]: an entry slot is an input; any
// other is followed to every store into it (unless the walk is direct).
func (r *readWalk) local(slot, k, depth int) bool {
	b := r.b
	if slot < r.entry {
		if slot == 0 && !b.m.Access.Has(classfile.AccStatic) {
			return true // this: the object's own state, as a source's this.x
		}
		if r.slots == nil {
			r.slots = map[int]bool{}
		}
		r.slots[slot] = true
	}
	if r.direct {
		return true
	}
	if b.storesBy == nil {
		// Once per method: a method of thousands of instructions with
		// many static writes must not scan them all for each.
		b.storesBy = map[int][]int{}
		for i := range b.ins {
			if op := b.ins[i].Op; op >= classfile.OpIstore && op <= classfile.OpAstore || op >= classfile.OpIstore0 && op <= classfile.OpAstore3 {
				b.storesBy[b.ins[i].Int] = append(b.storesBy[b.ins[i].Int], i)
			}
		}
	}
	stores := 0
	for _, i := range b.storesBy[slot] {
		stores++
		src := b.x.flow.SourceThroughDup(i, 0)
		if j, ok := b.newOf(i - 1); ok {
			src = j
		}
		if !r.value(src, depth+1) {
			return false
		}
	}
	return stores > 0 || slot < r.entry
}

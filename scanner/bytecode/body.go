package bytecode

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/classfile"
)

// lambdaName maps javac's synthetic lambda bodies to the method that holds
// the lambda: lambda$run$0 is part of run.
var lambdaName = regexp.MustCompile(`^lambda\$(.*)\$\d+$`)

func methodContext(cls string, m *classfile.Method) facts.Context {
	name := m.Name
	if strings.HasPrefix(name, "lambda$") {
		if g := lambdaName.FindStringSubmatch(name); g != nil {
			switch g[1] {
			case "static":
				name = "<clinit>"
			case "new":
				name = "<init>"
			default:
				name = g[1]
			}
		}
	}
	// Findings keep the context's strings: a copy of the name, not a
	// substring of the constant pool, so a finding keeps no pool alive.
	ctx := facts.Context{Class: cls, Method: strings.Clone(name), InStaticInit: name == "<clinit>"}
	// A lambda in main is main's; main itself must be the real entry point.
	ctx.InMain = name == "main" && (m.Name != "main" || m.Access.Has(classfile.AccStatic) && m.Desc == "([Ljava/lang/String;)V")
	return ctx
}

// method derives the facts of one method body that the interest asks
// for, and the lines of every call and creation in it (a fact elsewhere
// may point at one: an argument's span is the span of the call that
// computed it).
func (x *Extractor) method(m *classfile.Method, base int) error {
	code := m.Code
	// An instruction takes at least a byte: room for one per byte means
	// the decoding never grows the slice (and copies what it decoded so
	// far) for the common methods; a long one gets half, which most
	// code's mean instruction length covers.
	n := len(code.Bytecode) + 1
	if n > maxInsRoom {
		n = n/2 + 1
	}
	if cap(x.ins) < n {
		x.ins = make([]classfile.Instr, 0, n) // once per longer method, not once per doubling
	}
	var err error
	x.ins, err = code.AppendInstructions(x.ins[:0])
	if len(x.ins) == 0 {
		return err
	}
	b := &body{x: x, m: m, code: code, ins: x.ins, base: base, ctx: methodContext(x.cls, m)}
	x.flow.Reset(code, x.ins)
	b.prepare()
	statics := x.in.Statics || x.in.All
	for i := range b.ins {
		in := &b.ins[i]
		switch {
		case in.Op == classfile.OpInvokespecial && in.Ref != nil && in.Ref.Name == "<init>":
			b.construct(i)
		case in.Op.IsInvoke() && in.Ref != nil:
			b.call(i)
		case in.Op == classfile.OpPutstatic && in.Ref != nil:
			if statics {
				b.putstatic(i)
			}
		case isArrayStore(in.Op):
			if statics {
				b.arrayStore(i)
			}
		}
	}
	b.release()
	return err
}

// maxInsRoom is the longest method (in bytes) given room for one
// instruction per byte: 8,192 instructions are about 1.3 MB a worker.
const maxInsRoom = 8192

// body is one decoded method; its tables are the extractor's scratch.
type body struct {
	x    *Extractor
	m    *classfile.Method
	code *classfile.Code
	ins  []classfile.Instr
	base int
	ctx  facts.Context
	// storesBy are the stores into each local slot (instruction indexes),
	// built on the first question about a stored value's inputs (reads).
	storesBy map[int][]int
}

// maxFinallyWalk bounds the instructions read of one finally handler.
const maxFinallyWalk = 4096

type finallyBlock struct {
	start, end int // covered pcs [start, end)
	from, to   int // its calls: Extractor.fcalls[from:to]
	lfrom, lto int // their lines: Extractor.flines[lfrom:lto]
}

func (b *body) prepare() {
	x := b.x
	b.release() // after a method that panicked half-way, too
	n := len(b.ins)
	if cap(x.pair) < n {
		x.pair = make([]int32, n)
	}
	x.pair = x.pair[:n]
	for i := range x.pair {
		x.pair[i] = -1
	}
	x.pending = x.pending[:0]
	x.backs = x.backs[:0]
	x.used = x.used[:0]
	for i := range b.ins {
		in := &b.ins[i]
		switch {
		case in.Op == classfile.OpNew:
			x.pending = append(x.pending, int32(i))
		case in.Op == classfile.OpInvokespecial && in.Ref != nil && in.Ref.Name == "<init>":
			if k := len(x.pending); k > 0 && b.ins[x.pending[k-1]].Class == in.Ref.Owner {
				x.pair[i] = x.pending[k-1]
				x.pending = x.pending[:k-1]
			}
		case isAstore(in.Op):
			b.stored(in.Int, i)
		}
		if in.Op.IsBranch() && in.Target <= in.PC {
			x.backs = append(x.backs, [2]int{in.Target, in.PC})
		}
	}
	// A finally block is compiled as a catch-any handler (plus inlined
	// copies on the normal paths, which share its lines). The handler runs
	// to the athrow that rethrows what it caught; its forward jumps are the
	// finally's own branches (if (secure) { privileged } else { set }), so
	// the walk goes on past them, in instruction order.
	x.finally, x.fcalls, x.flines = x.finally[:0], x.fcalls[:0], x.flines[:0]
	for _, h := range b.code.Handlers {
		if h.CatchType != "" {
			continue
		}
		fb := finallyBlock{start: h.StartPC, end: h.EndPC, from: len(x.fcalls), lfrom: len(x.flines)}
		start := b.index(h.HandlerPC)
		for k := start; k >= 0 && k < len(b.ins) && k-start < maxFinallyWalk; k++ {
			in := &b.ins[k]
			if in.Op == classfile.OpAthrow || in.Op.IsReturn() || (in.Op == classfile.OpGoto && in.Target <= in.PC) {
				break
			}
			if in.Op == classfile.OpMonitorexit {
				// A synchronized block's unlock, not a finally (the lines
				// of its calls stay finally lines).
				x.fcalls = x.fcalls[:fb.from]
				break
			}
			if in.Op.IsInvoke() && in.Ref != nil {
				x.fcalls = append(x.fcalls, in.Ref.Name)
				if l := b.code.LineAt(in.PC); l > 0 {
					x.flines = append(x.flines, l)
				}
			}
		}
		fb.to, fb.lto = len(x.fcalls), len(x.flines)
		if fb.to > fb.from {
			x.finally = append(x.finally, fb)
		}
	}
}

// stored notes an astore into slot at instruction i.
func (b *body) stored(local, i int) {
	x := b.x
	if local >= len(x.slots) {
		x.slots = append(x.slots, make([]slot, local+1-len(x.slots))...)
	}
	s := &x.slots[local]
	if s.stores == 0 {
		s.first = int32(i)
		x.used = append(x.used, local)
	}
	s.stores++
}

// onlyStore is the index of the one astore into slot, if there is exactly one.
func (b *body) onlyStore(local int) (int, bool) {
	if local < 0 || local >= len(b.x.slots) || b.x.slots[local].stores != 1 {
		return 0, false
	}
	return int(b.x.slots[local].first), true
}

// newOf is the index of the new that the constructor call at ins[i] completes.
func (b *body) newOf(i int) (int, bool) {
	if i < 0 || i >= len(b.x.pair) || b.x.pair[i] < 0 {
		return 0, false
	}
	return int(b.x.pair[i]), true
}

// release clears the slot table for the next method.
func (b *body) release() {
	for _, l := range b.x.used {
		b.x.slots[l] = slot{}
	}
	b.x.used = b.x.used[:0]
}

func (b *body) finallyLine(l int) bool {
	for _, f := range b.x.flines {
		if f == l {
			return true
		}
	}
	return false
}

func (b *body) index(pc int) int {
	lo, hi := 0, len(b.ins)
	for lo < hi {
		mid := (lo + hi) / 2
		if b.ins[mid].PC < pc {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(b.ins) && b.ins[lo].PC == pc {
		return lo
	}
	return -1
}

func (b *body) span(i int) facts.Span {
	in := &b.ins[i]
	return facts.Span{Start: b.base + in.PC, End: b.base + in.PC + int(in.Len)}
}

func (b *body) at(i int) facts.Context {
	ctx := b.ctx
	ctx.Line = b.code.LineAt(b.ins[i].PC)
	b.x.line(b.base+b.ins[i].PC, ctx.Line)
	return ctx
}

func (b *body) inLoop(pc int) bool {
	for _, e := range b.x.backs {
		if e[0] <= pc && pc <= e[1] {
			return true
		}
	}
	return false
}

// store says where the value produced by ins[i] is kept.
func (b *body) store(i int) (facts.Store, bool) {
	j := i + 1
	for j < len(b.ins) && b.ins[j].Op == classfile.OpCheckcast {
		j++
	}
	if j >= len(b.ins) {
		return facts.Store{}, false
	}
	in := &b.ins[j]
	switch {
	case in.Op == classfile.OpPutstatic && in.Ref != nil:
		return facts.Store{StoredTo: in.Ref.Name, StoredToField: true}, true
	case in.Op == classfile.OpPutfield && in.Ref != nil:
		return facts.Store{StoredTo: in.Ref.Name, StoredToField: true}, false
	case isAstore(in.Op):
		return facts.Store{StoredTo: localName(in.Int)}, false
	}
	return facts.Store{}, false
}

func (b *body) args(i int, desc string) []facts.Expr {
	n := classfile.ArgCount(desc)
	if n <= 0 {
		return nil
	}
	types := paramTypes(desc)
	out := make([]facts.Expr, n)
	for a := 0; a < n; a++ {
		if a == n-1 {
			out[a] = b.valueBefore(i)
		} else {
			out[a] = b.expr(b.x.flow.ArgSource(i, a), 0)
		}
		if out[a].Type == "" && a < len(types) {
			out[a].Type = types[a]
		}
		if a < len(types) && types[a] == "boolean" && out[a].Kind == facts.ExprLiteral {
			// iconst_0/iconst_1 passed as a boolean: the source wrote false/true.
			switch out[a].Text {
			case "0":
				out[a].Text = "false"
			case "1":
				out[a].Text = "true"
			}
		}
		if out[a].Loader == facts.LoaderNone && strings.HasSuffix(out[a].Type, "ClassLoader") {
			out[a].Loader = facts.LoaderOther
		}
	}
	return out
}

// valueBefore is the value on top of the stack just before ins[i]: a
// `new X(...)` there is found through its constructor call, which the
// stack walk cannot cross (new; dup; ...).
func (b *body) valueBefore(i int) facts.Expr {
	if k, ok := b.newOf(i - 1); ok {
		return b.newExpr(i-1, k)
	}
	return b.expr(b.x.flow.Source(i, 0), 0)
}

func (b *body) newExpr(initIdx, newIdx int) facts.Expr {
	t := b.x.dot(b.ins[newIdx].Class)
	return facts.Expr{Kind: facts.ExprNew, Text: "new " + simple(t) + "()", Type: t, Span: facts.Span{Start: b.base + b.ins[newIdx].PC, End: b.base + b.ins[initIdx].PC + int(b.ins[initIdx].Len)}}
}

// expr classifies the value pushed by ins[k] (k < 0: unknown).
func (b *body) expr(k, depth int) facts.Expr {
	if k < 0 || k >= len(b.ins) {
		return facts.Expr{}
	}
	in := &b.ins[k]
	x := facts.Expr{Span: b.span(k)}
	switch op := in.Op; {
	case op == classfile.OpAconstNull:
		x.Kind, x.Text, x.Loader = facts.ExprNull, "null", facts.LoaderNull
	case op == classfile.OpLdc || op == classfile.OpLdcW || op == classfile.OpLdc2W:
		c := constExpr(in.Const())
		c.Span = x.Span
		return c
	case op >= classfile.OpIconstM1 && op <= classfile.OpDconst1 || op == classfile.OpBipush || op == classfile.OpSipush:
		x.Kind, x.Text = facts.ExprLiteral, strconv.Itoa(in.Int)
	case op == classfile.OpGetstatic && in.Ref != nil:
		owner := b.x.dot(in.Ref.Owner)
		x.Kind, x.Text, x.Type = facts.ExprName, simple(owner)+"."+in.Ref.Name, descType(in.Ref.Desc)
		x.Field = &facts.CallRef{Owner: owner, Name: in.Ref.Name}
	case op == classfile.OpGetfield && in.Ref != nil:
		x.Kind, x.Text, x.Type = facts.ExprName, "this."+in.Ref.Name, descType(in.Ref.Desc)
	case isAload(op):
		x.Kind = facts.ExprName
		if in.Int == 0 && !b.m.Access.Has(classfile.AccStatic) {
			x.Text = "this"
			x.Type = b.x.cls
			break
		}
		x.Text = localName(in.Int)
		if depth < 2 {
			if st, ok := b.onlyStore(in.Int); ok && st < k {
				l := b.expr(b.x.flow.Source(st, 0), depth+1)
				if n, ok := b.newOf(st - 1); ok {
					l = b.newExpr(st-1, n)
				}
				if l.Kind != facts.ExprOther || l.Text != "" {
					x.Local = &l
					x.Type = l.Type
				}
			}
		}
	case op == classfile.OpCheckcast:
		return b.expr(b.x.flow.Source(k, 0), depth)
	case op == classfile.OpInvokedynamic && in.Dyn != nil:
		if in.Dyn.IsLambda() {
			x.Kind = facts.ExprLambda
		} else {
			x.Kind = facts.ExprConcat
		}
		x.Type = returnType(in.Dyn.Desc)
	case op.IsInvoke() && in.Ref != nil:
		owner := b.x.dot(in.Ref.Owner)
		if owner == "java.lang.StringBuilder" && in.Ref.Name == "toString" {
			x.Kind, x.Type = facts.ExprConcat, "java.lang.String"
			break
		}
		x.Kind, x.Type = facts.ExprCall, returnType(in.Ref.Desc)
		x.Text = simple(owner) + "." + in.Ref.Name + "()"
		if owner == "java.lang.Object" && in.Ref.Name == "getClass" && b.isThis(b.x.flow.Source(k, 0)) {
			// The calling object's own class, as the source writes it.
			x.Text = "getClass()"
		}
		x.Call = &facts.CallRef{Owner: owner, Name: in.Ref.Name}
		x.Loader = b.loaderOf(k)
	}
	return x
}

// isThis reports that ins[k] pushes this: local 0 of an instance method.
func (b *body) isThis(k int) bool {
	return k >= 0 && k < len(b.ins) && isAload(b.ins[k].Op) && b.ins[k].Int == 0 && !b.m.Access.Has(classfile.AccStatic)
}

// loaderOf recognises the ClassLoader expressions that class-forname-caller-loader
// and serviceloader-default-loader judge (own, system, null, context loader) in the
// call at ins[k].
func (b *body) loaderOf(k int) facts.Loader {
	r := b.ins[k].Ref
	owner := b.x.dot(r.Owner)
	switch {
	case member(owner, r.Name, "java.lang.ClassLoader.getSystemClassLoader"):
		return facts.LoaderSystem
	case member(owner, r.Name, "java.lang.Thread.getContextClassLoader"),
		member(owner, r.Name, "org.springframework.util.ClassUtils.getDefaultClassLoader"):
		return facts.LoaderContext
	case member(owner, r.Name, "java.lang.Class.getClassLoader"):
		// X.class.getClassLoader() or this.getClass().getClassLoader().
		s := b.x.flow.ArgSource(k, -1)
		if s < 0 {
			return facts.LoaderOther
		}
		in := &b.ins[s]
		switch {
		case (in.Op == classfile.OpLdc || in.Op == classfile.OpLdcW) && in.Const().Kind == classfile.TagClass:
			return facts.LoaderOwn
		case in.Op.IsInvoke() && in.Ref != nil && in.Ref.Name == "getClass" && in.Ref.Desc == "()Ljava/lang/Class;":
			if t := b.x.flow.ArgSource(s, -1); t >= 0 && b.ins[t].Op == classfile.OpAload0 && !b.m.Access.Has(classfile.AccStatic) {
				return facts.LoaderOwn
			}
		}
		return facts.LoaderOther
	}
	if strings.HasSuffix(returnType(r.Desc), "ClassLoader") {
		return facts.LoaderOther
	}
	return facts.LoaderNone
}

// member reports owner+"."+name == qualified without building the string.
func member(owner, name, qualified string) bool {
	return len(owner)+1+len(name) == len(qualified) && qualified[len(owner)] == '.' &&
		qualified[:len(owner)] == owner && qualified[len(owner)+1:] == name
}

// call records the call at ins[i] when the interest lists its name, and
// the write a mutator call on a static field's value makes when the
// interest asks for static writes; its line is recorded either way.
func (b *body) call(i int) {
	in := &b.ins[i]
	x := b.x
	nb := x.nameBitsOf(int(in.Index), in.Ref.Name)
	want := x.in.All || nb&nameCallable != 0
	mutator := (x.in.All || x.in.Statics) && nb&nameMutator != 0 && in.Op != classfile.OpInvokestatic
	if !want && !mutator {
		b.at(i)
		return
	}
	owner := x.dot(in.Ref.Owner)
	c := facts.Call{Owner: owner, Name: in.Ref.Name, Static: in.Op == classfile.OpInvokestatic,
		Descriptor: in.Ref.Desc, Span: b.span(i), Context: b.at(i), InLoop: b.inLoop(in.PC)}
	if !c.Static {
		// The receiver first, so that a mutator call on anything but a
		// static field that no rule subscribed to costs nothing more.
		n := classfile.ArgCount(in.Ref.Desc)
		if n == 0 {
			c.Recv = b.valueBefore(i)
		} else {
			c.Recv = b.expr(x.flow.ArgSource(i, -1), 0)
		}
		if c.Recv.Type == "" && c.Recv.Kind == facts.ExprName {
			// A variable of no known value (a catch parameter): the
			// invocation names its static type.
			c.Recv.Type = owner
		}
		if c.Recv.Kind == facts.ExprName && c.Recv.Text == "this" {
			c.Recv = facts.Expr{} // an unqualified call, as the source side records it
		}
		if c.Recv.Loader == facts.LoaderNone && owner == "java.lang.ClassLoader" && c.Recv.Kind != facts.ExprOther {
			c.Recv.Loader = facts.LoaderOther
		}
	}
	// A mutator called on a static field's value writes that field.
	field := c.Recv.Field
	if mutator && field == nil && !c.Static && classfile.ArgCount(in.Ref.Desc) > 0 && x.flow.ArgSource(i, -1) < 0 {
		// A new X() among the arguments (new; dup; <init>) hides the
		// receiver from Source: MAP.put(key, new V()) on a static field
		// is found through the dup. The call keeps the receiver it had.
		if j := x.flow.ArgSourceThroughDup(i, -1); j >= 0 && b.ins[j].Op == classfile.OpGetstatic {
			field = b.expr(j, 0).Field
		}
	}
	writes := mutator && field != nil
	if !want && !writes {
		return
	}
	c.NameSpan, c.ArgsSpan = c.Span, c.Span
	c.Args = b.args(i, in.Ref.Desc)
	if returnsValue(in.Ref.Desc) {
		var static bool
		c.Store, static = b.store(i)
		c.StoredToStatic = static
		if j := i + 1; j < len(b.ins) && (b.ins[j].Op == classfile.OpIfnull || b.ins[j].Op == classfile.OpIfnonnull) {
			c.ComparedToNull = true
		}
		if j := i + 1; j < len(b.ins) && b.ins[j].Op == classfile.OpCheckcast {
			c.CastTo = x.castType(b.ins[j].Class)
		}
	}
	for _, fb := range x.finally {
		if fb.start <= in.PC && in.PC < fb.end {
			c.FinallyCalls = append(c.FinallyCalls, x.fcalls[fb.from:fb.to]...)
		}
	}
	c.InFinally = b.finallyLine(c.Line) && !b.coveredOnLine(in.PC, c.Line)
	if want {
		x.calls = append(x.calls, c)
	}
	if writes {
		// The write's own copy of the arguments, with the parameters each
		// value is computed from (a memo's value from its key alone).
		args := append([]facts.Expr(nil), c.Args...)
		for a := range args {
			if a < len(args)-1 && args[a].Text == "" && x.flow.ArgSource(i, a) < 0 {
				// A key before a new V() argument, found through its dup
				// as the receiver is: MAP.put(key, new V()).
				if j := x.flow.ArgSourceThroughDup(i, a); j >= 0 && b.ins[j].Op != classfile.OpNew {
					t := args[a].Type
					args[a] = b.expr(j, 0)
					if args[a].Type == "" {
						args[a].Type = t
					}
				}
			}
			if a == len(args)-1 {
				b.readsBefore(&args[a], i)
			} else {
				b.reads(&args[a], x.flow.ArgSourceThroughDup(i, a))
			}
		}
		x.writes = append(x.writes, facts.Write{Kind: facts.WriteCall, Owner: field.Owner,
			Name: field.Name, Qualified: field.Owner != x.cls, Method: c.Name, Args: args,
			Span: c.Span, Context: c.Context})
	}
}

// coveredOnLine reports a call on a finally line that is itself inside a
// try body that finally covers: the try body shares no line with its
// finally block in practice, so this keeps "try { x(); } finally {...}"
// written on one line from counting x as finally code. Only a block whose
// own lines hold the call's counts: the inlined copy of an inner finally
// (a restore on the normal path) lies inside the range of every try around
// it (try-with-resources, a lock released in an outer finally, a
// synchronized block), and those do not make it try code.
func (b *body) coveredOnLine(pc, line int) bool {
	for _, fb := range b.x.finally {
		if fb.start <= pc && pc < fb.end && slices.Contains(b.x.flines[fb.lfrom:fb.lto], line) {
			return true
		}
	}
	return false
}

// construct records the creation that the constructor call at ins[i]
// completes when the interest lists its type; its line is recorded at the
// new either way.
func (b *body) construct(i int) {
	k, ok := b.newOf(i)
	if !ok {
		return // super(...) or this(...)
	}
	in := &b.ins[i]
	x := b.x
	line := b.code.LineAt(b.ins[k].PC)
	start := b.base + b.ins[k].PC
	x.line(start, line)
	if !x.in.All && !x.in.News[simpleInternal(in.Ref.Owner)] {
		return
	}
	t := x.dot(in.Ref.Owner)
	n := facts.New{Type: t, Args: b.args(i, in.Ref.Desc), Span: facts.Span{Start: start, End: b.base + in.PC + int(in.Len)},
		InLoop: b.inLoop(in.PC)}
	n.Context = b.ctx
	n.Line = line
	n.Anonymous = facts.AnonymousClass(t)
	n.Store, _ = b.store(i)
	x.news = append(x.news, n)
}

func (b *body) putstatic(i int) {
	in := &b.ins[i]
	x := b.x
	owner := x.dot(in.Ref.Owner)
	v := b.valueBefore(i)
	if b.m.Name == "<clinit>" {
		// A static field initialiser or static block assignment: the field's Init.
		if owner == x.cls {
			if x.inits == nil {
				if x.inits, x.spare = x.spare, nil; x.inits == nil {
					x.inits = map[string]fieldInit{}
				}
			}
			if _, seen := x.inits[in.Ref.Name]; !seen {
				x.inits[in.Ref.Name] = fieldInit{x: v, line: b.code.LineAt(in.PC)}
			}
		}
		return
	}
	w := facts.Write{Kind: facts.WriteAssign, Owner: owner, Name: in.Ref.Name, Qualified: owner != x.cls,
		Span: b.span(i), Context: b.at(i)}
	// x++ and x += n: getstatic x; <const>; add; putstatic x. Read as a
	// value, a dup sits before the add (x++) or after it (++x).
	reads := func(s int) bool {
		l := x.flow.SourceThroughDup(s, 1)
		return l >= 0 && b.ins[l].Op == classfile.OpGetstatic && b.ins[l].Ref != nil && b.ins[l].Ref.Name == in.Ref.Name
	}
	s := x.flow.Source(i, 0)
	if t := x.flow.SourceThroughDup(i, 0); s < 0 && t >= 0 && isArith(b.ins[t].Op) && reads(t) {
		s = t // only the field's own update: x = y = a + b stays an assignment
	}
	if s >= 0 && isArith(b.ins[s].Op) {
		w.Kind = facts.WriteCompound
		if reads(s) {
			if r := x.flow.Source(s, 0); r >= 0 && isOne(&b.ins[r]) {
				w.Kind = facts.WriteIncrement
			}
		}
	} else {
		b.readsBefore(&v, i)
		w.Value = &v
	}
	w.NullGuarded = b.nullGuarded(i, in.Ref.Name)
	x.writes = append(x.writes, w)
}

// nullGuarded reports "if (X == null) X = v": a getstatic of the field
// tested by ifnonnull that jumps past the store.
func (b *body) nullGuarded(i int, name string) bool {
	pc := b.ins[i].PC
	for j := i - 1; j > 0 && j >= i-32; j-- {
		in := &b.ins[j]
		if in.Op == classfile.OpIfnonnull && in.Target > pc {
			p := &b.ins[j-1]
			return p.Op == classfile.OpGetstatic && p.Ref != nil && p.Ref.Name == name
		}
		// if (null == NAME): aconst_null, getstatic, if_acmpne (or the
		// operands the other way round).
		if in.Op == classfile.OpIfAcmpne && in.Target > pc && j >= 2 {
			p, q := &b.ins[j-1], &b.ins[j-2]
			if q.Op == classfile.OpGetstatic {
				p, q = q, p
			}
			return p.Op == classfile.OpGetstatic && p.Ref != nil && p.Ref.Name == name && q.Op == classfile.OpAconstNull
		}
	}
	return false
}

func (b *body) arrayStore(i int) {
	s := b.x.flow.Source(i, 2)
	if s < 0 || b.ins[s].Op != classfile.OpGetstatic || b.ins[s].Ref == nil || b.m.Name == "<clinit>" {
		return
	}
	r := b.ins[s].Ref
	owner := b.x.dot(r.Owner)
	b.x.writes = append(b.x.writes, facts.Write{Kind: facts.WriteArrayStore, Owner: owner, Name: r.Name,
		Qualified: owner != b.x.cls, Span: b.span(i), Context: b.at(i)})
}

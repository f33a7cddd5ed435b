package bytecode

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/classfile"
)

// Facts is one class's facts and what places them: spans in a class file
// are synthetic (see File), so Line maps a span's start back to the
// source line the compiler recorded.
type Facts struct {
	File *facts.File
	// SourceFile is the SourceFile attribute ("Foo.java"), "" when absent.
	SourceFile string
	// Size is the length of the virtual text the spans index (see Extract).
	Size  int
	lines map[int]int
}

// Line is the source line of the fact whose span starts at off, 0 when
// the class has no line for it.
func (f *Facts) Line(off int) int { return f.lines[off] }

// Problem is something in a method body that could not be read; the
// method's facts up to it are kept.
type Problem struct {
	Method string
	Err    error
}

// Extract derives facts from a class. Spans are offsets in a virtual text
// in which each method's code occupies its own range (pc plus the method's
// base), so spans are unique and ordered within the class, and a span
// inside <clinit>'s range is in the static initialiser, as in sources.
func Extract(c *classfile.Class, path string) (*Facts, []Problem) {
	cls := dotted(c.Name)
	f := &facts.File{Path: path, Types: []string{cls}}
	if i := strings.LastIndexByte(cls, '.'); i >= 0 {
		f.Package = cls[:i]
	}
	out := &Facts{File: f, SourceFile: c.SourceFile, lines: map[int]int{}}
	for _, ic := range c.InnerClasses {
		if ic.Outer == c.Name || ic.Inner != c.Name && strings.HasPrefix(ic.Inner, c.Name+"$") {
			f.Types = append(f.Types, dotted(ic.Inner))
		}
	}
	// The enclosing classes come from the same source file.
	for o := c.OuterClass(); o != ""; {
		f.Types = append(f.Types, dotted(o))
		if i := strings.LastIndexByte(o, '$'); i > 0 && strings.LastIndexByte(o, '/') < i {
			o = o[:i]
		} else {
			break
		}
	}
	f.TypeDecls = append(f.TypeDecls, typeDecl(c, cls))

	ex := &extractor{c: c, cls: cls, f: f, out: out, fieldIdx: map[string]int{}}
	base := 1
	var problems []Problem
	for i := range c.Methods {
		m := &c.Methods[i]
		span := facts.Span{Start: base, End: base + 1}
		if m.Code != nil {
			span.End = base + len(m.Code.Bytecode) + 1
		}
		md := facts.MethodDecl{Class: cls, Name: m.Name, Static: m.Access.Has(classfile.AccStatic),
			Params: params(m.Desc), Returns: returns(m.Name, m.Desc), Annotations: annotations(m.Annotations),
			Span: facts.Span{Start: span.Start, End: span.Start}, Decl: span}
		if m.Code != nil && len(m.Code.Lines) > 0 {
			md.Line = minLine(m.Code.Lines)
		}
		out.lines[span.Start] = md.Line
		if !m.Access.Has(classfile.AccSynthetic) {
			f.Methods = append(f.Methods, md)
		}
		if m.Name == "<clinit>" {
			f.StaticInits = append(f.StaticInits, span)
		}
		if m.Code != nil {
			if err := ex.method(m, base); err != nil {
				problems = append(problems, Problem{Method: m.Name + m.Desc, Err: err})
			}
		}
		base = span.End
	}
	for i := range c.Fields {
		fd := &c.Fields[i]
		if fd.Access.Has(classfile.AccSynthetic) {
			continue
		}
		typ := descType(fd.Desc)
		text := typ
		if g := sigType(fd.Signature); g != "" {
			text = g // the generic type the source declared: Map<java.lang.ClassLoader, java.lang.String>
		}
		field := facts.Field{Name: fd.Name, Type: strings.TrimSuffix(typ, "[]"), TypeText: text,
			Static: fd.Access.Has(classfile.AccStatic), Final: fd.Access.Has(classfile.AccFinal),
			Volatile: fd.Access.Has(classfile.AccVolatile), Annotations: annotations(fd.Annotations),
			Span: facts.Span{Start: base, End: base + 1}, Decl: facts.Span{Start: base, End: base + 1},
			Context: facts.Context{Class: cls}}
		if strings.HasSuffix(typ, "[]") {
			field.Type = typ // an array is not its element's container
		}
		if fd.ConstantValue != nil {
			x := constExpr(*fd.ConstantValue)
			field.Init = &x
		}
		if in, ok := ex.inits[fd.Name]; ok {
			if field.Init == nil {
				x := in.x
				field.Init = &x
			}
			field.Line = in.line
			field.InStaticInit = field.Static
			if field.Static {
				field.Method = "<clinit>"
			}
		}
		out.lines[base] = field.Line
		f.Fields = append(f.Fields, field)
		base++
	}
	out.Size = base + 1
	return out, problems
}

type fieldInit struct {
	x    facts.Expr
	line int
}

type extractor struct {
	c        *classfile.Class
	cls      string
	f        *facts.File
	out      *Facts
	fieldIdx map[string]int
	inits    map[string]fieldInit // static field -> its value assigned in <clinit>
}

// lambdaName maps javac's synthetic lambda bodies to the method that holds
// the lambda: lambda$run$0 is part of run.
var lambdaName = regexp.MustCompile(`^lambda\$(.*)\$\d+$`)

func methodContext(cls string, m *classfile.Method) facts.Context {
	name := m.Name
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
	ctx := facts.Context{Class: cls, Method: name, InStaticInit: name == "<clinit>"}
	// A lambda in main is main's; main itself must be the real entry point.
	ctx.InMain = name == "main" && (m.Name != "main" || m.Access.Has(classfile.AccStatic) && m.Desc == "([Ljava/lang/String;)V")
	return ctx
}

// method derives the facts of one method body.
func (ex *extractor) method(m *classfile.Method, base int) error {
	code := m.Code
	ins, err := code.Instructions()
	if len(ins) == 0 {
		return err
	}
	ctx := methodContext(ex.cls, m)
	mb := &body{ex: ex, m: m, code: code, ins: ins, base: base, ctx: ctx}
	mb.prepare()
	for i := range ins {
		in := &ins[i]
		switch {
		case in.Op == classfile.OpInvokespecial && in.Ref != nil && in.Ref.Name == "<init>":
			mb.construct(i)
		case in.Op.IsInvoke() && in.Ref != nil:
			mb.call(i)
		case in.Op == classfile.OpPutstatic && in.Ref != nil:
			mb.putstatic(i)
		case isArrayStore(in.Op):
			mb.arrayStore(i)
		}
	}
	return err
}

type body struct {
	ex    *extractor
	m     *classfile.Method
	code  *classfile.Code
	ins   []classfile.Instr
	base  int
	ctx   facts.Context
	backs [][2]int // backward branches: target pc, branch pc
	// news pairs each constructor call's index with its new's index.
	news    map[int]int
	stores  map[int][]int // local slot -> indexes of its stores
	finally []finallyBlock
	flines  map[int]bool // lines of finally code
}

type finallyBlock struct {
	start, end int // covered pcs [start, end)
	calls      []string
}

func (b *body) prepare() {
	b.news = map[int]int{}
	b.stores = map[int][]int{}
	var pending []int
	for i := range b.ins {
		in := &b.ins[i]
		switch {
		case in.Op == classfile.OpNew:
			pending = append(pending, i)
		case in.Op == classfile.OpInvokespecial && in.Ref != nil && in.Ref.Name == "<init>":
			if n := len(pending); n > 0 && b.ins[pending[n-1]].Class == in.Ref.Owner {
				b.news[i] = pending[n-1]
				pending = pending[:n-1]
			}
		case isAstore(in.Op):
			b.stores[in.Int] = append(b.stores[in.Int], i)
		}
		if in.Op.IsBranch() && in.Target <= in.PC {
			b.backs = append(b.backs, [2]int{in.Target, in.PC})
		}
	}
	// A finally block is compiled as a catch-any handler (plus inlined
	// copies on the normal paths, which share its lines).
	b.flines = map[int]bool{}
	for _, h := range b.code.Handlers {
		if h.CatchType != "" {
			continue
		}
		fb := finallyBlock{start: h.StartPC, end: h.EndPC}
		for k := b.index(h.HandlerPC); k >= 0 && k < len(b.ins); k++ {
			in := &b.ins[k]
			if in.Op == classfile.OpAthrow || in.Op.IsReturn() || in.Op == classfile.OpGoto {
				break
			}
			if in.Op == classfile.OpMonitorexit {
				fb.calls = nil // a synchronized block's unlock, not a finally
				break
			}
			if in.Op.IsInvoke() && in.Ref != nil {
				fb.calls = append(fb.calls, in.Ref.Name)
				if l := b.code.LineAt(in.PC); l > 0 {
					b.flines[l] = true
				}
			}
		}
		if len(fb.calls) > 0 {
			b.finally = append(b.finally, fb)
		}
	}
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
	return facts.Span{Start: b.base + in.PC, End: b.base + in.PC + in.Len}
}

func (b *body) at(i int) facts.Context {
	ctx := b.ctx
	ctx.Line = b.code.LineAt(b.ins[i].PC)
	b.ex.out.lines[b.base+b.ins[i].PC] = ctx.Line
	return ctx
}

func (b *body) inLoop(pc int) bool {
	for _, e := range b.backs {
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
			out[a] = b.expr(b.code.ArgSource(b.ins, i, a), 0)
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
	if i > 0 {
		if k, ok := b.news[i-1]; ok {
			return b.newExpr(i-1, k)
		}
	}
	return b.expr(b.code.Source(b.ins, i, 0), 0)
}

func (b *body) newExpr(initIdx, newIdx int) facts.Expr {
	t := dotted(b.ins[newIdx].Class)
	return facts.Expr{Kind: facts.ExprNew, Text: "new " + simple(t) + "()", Type: t, Span: facts.Span{Start: b.base + b.ins[newIdx].PC, End: b.base + b.ins[initIdx].PC + b.ins[initIdx].Len}}
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
		c := constExpr(in.Const)
		c.Span = x.Span
		return c
	case op >= classfile.OpIconstM1 && op <= classfile.OpDconst1 || op == classfile.OpBipush || op == classfile.OpSipush:
		x.Kind, x.Text = facts.ExprLiteral, strconv.Itoa(in.Int)
	case op == classfile.OpGetstatic && in.Ref != nil:
		owner := dotted(in.Ref.Owner)
		x.Kind, x.Text, x.Type = facts.ExprName, simple(owner)+"."+in.Ref.Name, descType(in.Ref.Desc)
		x.Field = &facts.CallRef{Owner: owner, Name: in.Ref.Name}
	case op == classfile.OpGetfield && in.Ref != nil:
		x.Kind, x.Text, x.Type = facts.ExprName, "this."+in.Ref.Name, descType(in.Ref.Desc)
	case isAload(op):
		x.Kind = facts.ExprName
		if in.Int == 0 && !b.m.Access.Has(classfile.AccStatic) {
			x.Text = "this"
			x.Type = b.ex.cls
			break
		}
		x.Text = localName(in.Int)
		if depth < 2 {
			if st := b.stores[in.Int]; len(st) == 1 && st[0] < k {
				l := b.expr(b.code.Source(b.ins, st[0], 0), depth+1)
				if st[0] > 0 {
					if n, ok := b.news[st[0]-1]; ok {
						l = b.newExpr(st[0]-1, n)
					}
				}
				if l.Kind != facts.ExprOther || l.Text != "" {
					x.Local = &l
					x.Type = l.Type
				}
			}
		}
	case op == classfile.OpCheckcast:
		return b.expr(b.code.Source(b.ins, k, 0), depth)
	case op == classfile.OpInvokedynamic && in.Dyn != nil:
		if in.Dyn.IsLambda() {
			x.Kind = facts.ExprLambda
		} else {
			x.Kind = facts.ExprConcat
		}
		x.Type = returnType(in.Dyn.Desc)
	case op.IsInvoke() && in.Ref != nil:
		owner := dotted(in.Ref.Owner)
		if owner == "java.lang.StringBuilder" && in.Ref.Name == "toString" {
			x.Kind, x.Type = facts.ExprConcat, "java.lang.String"
			break
		}
		x.Kind, x.Type = facts.ExprCall, returnType(in.Ref.Desc)
		x.Text = simple(owner) + "." + in.Ref.Name + "()"
		x.Call = &facts.CallRef{Owner: owner, Name: in.Ref.Name}
		x.Loader = b.loaderOf(k)
	}
	return x
}

// loaderOf recognises the ClassLoader expressions of
// class-forname-caller-loader and serviceloader-default-loader in the call
// at ins[k].
func (b *body) loaderOf(k int) facts.Loader {
	r := b.ins[k].Ref
	switch dotted(r.Owner) + "." + r.Name {
	case "java.lang.ClassLoader.getSystemClassLoader":
		return facts.LoaderSystem
	case "java.lang.Thread.getContextClassLoader", "org.springframework.util.ClassUtils.getDefaultClassLoader":
		return facts.LoaderContext
	case "java.lang.Class.getClassLoader":
		// X.class.getClassLoader() or this.getClass().getClassLoader().
		s := b.code.ArgSource(b.ins, k, -1)
		if s < 0 {
			return facts.LoaderOther
		}
		in := &b.ins[s]
		switch {
		case (in.Op == classfile.OpLdc || in.Op == classfile.OpLdcW) && in.Const.Kind == classfile.TagClass:
			return facts.LoaderOwn
		case in.Op.IsInvoke() && in.Ref != nil && in.Ref.Name == "getClass" && in.Ref.Desc == "()Ljava/lang/Class;":
			if t := b.code.ArgSource(b.ins, s, -1); t >= 0 && b.ins[t].Op == classfile.OpAload0 && !b.m.Access.Has(classfile.AccStatic) {
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

func (b *body) call(i int) {
	in := &b.ins[i]
	owner := dotted(in.Ref.Owner)
	c := facts.Call{Owner: owner, Name: in.Ref.Name, Static: in.Op == classfile.OpInvokestatic,
		Descriptor: in.Ref.Desc, Span: b.span(i), Context: b.at(i), InLoop: b.inLoop(in.PC)}
	c.NameSpan, c.ArgsSpan = c.Span, c.Span
	c.Args = b.args(i, in.Ref.Desc)
	if !c.Static {
		n := classfile.ArgCount(in.Ref.Desc)
		if n == 0 {
			c.Recv = b.valueBefore(i)
		} else {
			c.Recv = b.expr(b.code.ArgSource(b.ins, i, -1), 0)
		}
		if c.Recv.Kind == facts.ExprName && c.Recv.Text == "this" {
			c.Recv = facts.Expr{} // an unqualified call, as the source side records it
		}
		if c.Recv.Loader == facts.LoaderNone && owner == "java.lang.ClassLoader" && c.Recv.Kind != facts.ExprOther {
			c.Recv.Loader = facts.LoaderOther
		}
	}
	if returnsValue(in.Ref.Desc) {
		var static bool
		c.Store, static = b.store(i)
		c.StoredToStatic = static
		if j := i + 1; j < len(b.ins) && (b.ins[j].Op == classfile.OpIfnull || b.ins[j].Op == classfile.OpIfnonnull) {
			c.ComparedToNull = true
		}
	}
	for _, fb := range b.finally {
		if fb.start <= in.PC && in.PC < fb.end {
			c.FinallyCalls = append(c.FinallyCalls, fb.calls...)
		}
	}
	c.InFinally = b.flines[c.Line] && !b.coveredOnLine(in.PC, c.Line)
	b.ex.f.Calls = append(b.ex.f.Calls, c)

	// A mutator called on a static field's value writes that field.
	if !c.Static && facts.Mutators[c.Name] && c.Recv.Field != nil {
		b.ex.f.Writes = append(b.ex.f.Writes, facts.Write{Kind: facts.WriteCall, Owner: c.Recv.Field.Owner,
			Name: c.Recv.Field.Name, Qualified: c.Recv.Field.Owner != b.ex.cls, Method: c.Name, Args: c.Args,
			Span: c.Span, Context: c.Context})
	}
}

// coveredOnLine reports a call on a finally line that is itself inside a
// try body the finally covers: the try body shares no line with its
// finally block in practice, so this keeps "try { x(); } finally {...}"
// written on one line from counting x as finally code.
func (b *body) coveredOnLine(pc, line int) bool {
	for _, fb := range b.finally {
		if fb.start <= pc && pc < fb.end {
			return true
		}
	}
	return false
}

func (b *body) construct(i int) {
	k, ok := b.news[i]
	if !ok {
		return // super(...) or this(...)
	}
	in := &b.ins[i]
	t := dotted(in.Ref.Owner)
	n := facts.New{Type: t, Args: b.args(i, in.Ref.Desc), Span: facts.Span{Start: b.base + b.ins[k].PC, End: b.base + in.PC + in.Len},
		InLoop: b.inLoop(in.PC)}
	n.Context = b.ctx
	n.Line = b.code.LineAt(b.ins[k].PC)
	b.ex.out.lines[n.Span.Start] = n.Line
	n.Anonymous = isAnonymous(t)
	n.Store, _ = b.store(i)
	b.ex.f.News = append(b.ex.f.News, n)
}

func (b *body) putstatic(i int) {
	in := &b.ins[i]
	owner := dotted(in.Ref.Owner)
	v := b.valueBefore(i)
	if b.m.Name == "<clinit>" {
		// A static field initialiser or static block assignment: the field's Init.
		if owner == b.ex.cls {
			if b.ex.inits == nil {
				b.ex.inits = map[string]fieldInit{}
			}
			if _, seen := b.ex.inits[in.Ref.Name]; !seen {
				b.ex.inits[in.Ref.Name] = fieldInit{x: v, line: b.code.LineAt(in.PC)}
			}
		}
		return
	}
	w := facts.Write{Kind: facts.WriteAssign, Owner: owner, Name: in.Ref.Name, Qualified: owner != b.ex.cls,
		Span: b.span(i), Context: b.at(i)}
	// x++ and x += n: getstatic x; <const>; add; putstatic x.
	if s := b.code.Source(b.ins, i, 0); s >= 0 && isArith(b.ins[s].Op) {
		w.Kind = facts.WriteCompound
		if l := b.code.Source(b.ins, s, 1); l >= 0 && b.ins[l].Op == classfile.OpGetstatic && b.ins[l].Ref != nil && b.ins[l].Ref.Name == in.Ref.Name {
			if r := b.code.Source(b.ins, s, 0); r >= 0 && isOne(&b.ins[r]) {
				w.Kind = facts.WriteIncrement
			}
		}
	} else {
		w.Value = &v
	}
	w.NullGuarded = b.nullGuarded(i, in.Ref.Name)
	b.ex.f.Writes = append(b.ex.f.Writes, w)
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
	}
	return false
}

func (b *body) arrayStore(i int) {
	s := b.code.Source(b.ins, i, 2)
	if s < 0 || b.ins[s].Op != classfile.OpGetstatic || b.ins[s].Ref == nil || b.m.Name == "<clinit>" {
		return
	}
	r := b.ins[s].Ref
	owner := dotted(r.Owner)
	b.ex.f.Writes = append(b.ex.f.Writes, facts.Write{Kind: facts.WriteArrayStore, Owner: owner, Name: r.Name,
		Qualified: owner != b.ex.cls, Span: b.span(i), Context: b.at(i)})
}

func isAnonymous(t string) bool {
	i := strings.LastIndexByte(t, '$')
	if i < 0 || i == len(t)-1 {
		return false
	}
	for _, r := range t[i+1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

package bytecode

import (
	"slices"
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
	Size int
	// Invokes lists every invoke instruction of the class when the
	// interest asks for them (Interest.Invokes), in method and pc order.
	Invokes []Invoke
	lines   []lineAt // sorted by off, one per off
}

// lineAt is the source line of the fact whose span starts at off.
type lineAt struct{ off, line int }

// Line is the source line of the fact whose span starts at off, 0 when
// the class has no line for it.
func (f *Facts) Line(off int) int {
	i, ok := slices.BinarySearchFunc(f.lines, off, func(l lineAt, off int) int { return l.off - off })
	if !ok {
		return 0
	}
	return f.lines[i].line
}

// Problem is something in a method body that could not be read; the
// method's facts up to it are kept.
type Problem struct {
	Method string
	Err    error
}

// Interest is what the rules inspect, so that a class's method bodies are
// decoded only where a rule can use what they hold. The declarations of a
// class (its type, fields, methods, annotations, lines of methods) are
// always extracted; they cost no decoding.
type Interest struct {
	// Calls are the method names whose invocations become facts.Call
	// (rules.Rule.Calls of the enabled rules).
	Calls map[string]bool
	// Owned are the method names whose invocations become facts.Call only
	// in some places (rules.Rule.CallOwners and CallsWith). A method body
	// is decoded for such a name when it calls it on one of the owners'
	// Classes, when its class declares a field of one of those types, or
	// when its class calls one of the owners' With methods. Once decoded,
	// a method's calls of the name are all recorded, whatever their owner,
	// as for Calls.
	Owned map[string]*Owners
	// News are the simple type names whose instance creations become
	// facts.New (rules.Rule.News of the enabled rules). A nested type
	// matches by its own simple name (Outer$Inner by "Inner").
	News map[string]bool
	// Statics asks for what touches static fields: writes to them
	// (facts.Write: putstatic outside <clinit>, counters, array stores,
	// mutator calls on a static field's value, whatever the mutator's
	// name) and the values <clinit> gives the class's own static fields
	// (facts.Field.Init and Line). Rules read these without naming them.
	Statics bool
	// Invokes asks for every invoke instruction in Facts.Invokes: owner,
	// name and descriptor with the enclosing method, for call graphs and
	// method summaries. It decodes no method body.
	Invokes bool
	// All asks for every call and instance creation whatever its name,
	// and the static facts: what Extract gives.
	All bool
}

// Owners are where a call of a name is of interest (Interest.Owned).
type Owners struct {
	Classes map[string]bool // internal names: "java/lang/ThreadLocal"
	With    []MethodName
}

// MethodName is a method by its class (internal name) and name.
type MethodName struct{ Owner, Name string }

// ForRules is the interest of a scan that runs rules which subscribe to
// the given call and type names: those names, and the static facts.
func ForRules(calls map[string]bool, owned map[string]*Owners, news map[string]bool) Interest {
	return Interest{Calls: calls, Owned: owned, News: news, Statics: true}
}

// Extract derives every fact from a class: Interest.All with a fresh
// Extractor. Spans are offsets in a virtual text in which each method's
// code occupies its own range (pc plus the method's base), so spans are
// unique and ordered within the class, and a span inside <clinit>'s range
// is in the static initialiser, as in sources.
func Extract(c *classfile.Class, path string) (*Facts, []Problem) {
	return NewExtractor(Interest{All: true}).Extract(c, path)
}

// Extractor derives facts from classes for one interest. It keeps scratch
// memory from class to class (decoded instructions, per-method tables), so
// a worker that reads many classes should keep one; it is not safe for
// concurrent use. The facts it returns share no memory with the scratch or
// with the bytes given to classfile.Parse: their strings are the class's
// constant-pool copy or new strings.
type Extractor struct {
	in     Interest
	parser classfile.Parser

	mark []uint8 // per constant-pool index: what the operand there is to the interest
	// withs are the Owners.With methods of the interest, by name, and
	// called those of them the class calls.
	withs     map[string][]string
	called    map[MethodName]bool
	undecided []int32 // pool indexes of owned calls a With method may settle
	gets      []int32 // a method's getstatics of objects and arrays (pool indexes)
	casts     []int32 // a method's checkcasts (pool indexes)
	muts      []int32 // a method's mutator calls (pool indexes)
	names     []uint8 // per constant-pool index of a method's name: nameBits, 0 until judged
	// wanted holds what each method name the interest reads is to it
	// (nameWanted, nameCallable, nameMutator): one lookup per name
	// instead of one in each of the interest's maps.
	wanted map[string]uint8
	// newsLens marks the lengths (modulo 64) of the News names: most
	// classes a pool names are not looked up.
	newsLens [64]bool
	ins      []classfile.Instr
	flow     classfile.Flow

	// Per-method tables, indexed by instruction or local slot.
	pair    []int32 // instruction index -> index of the new its <init> completes, or -1
	pending []int32
	slots   []slot
	used    []int // slots touched in this method
	backs   [][2]int
	finally []finallyBlock
	fcalls  []string // names called in finally blocks, sliced by finallyBlock
	flines  []int
	lines   []lineAt
	dotted  map[string]string // internal name -> dotted, for this class
	calls   []facts.Call
	news    []facts.New
	writes  []facts.Write
	invs    []Invoke

	decoded, skipped int // methods with code, for tests and benchmarks

	// reuse: the facts of a class are built in the extractor's memory and
	// are overwritten by the next class's (ShareData); file, facts,
	// methods, fields, types, decls and sorted hold that memory between
	// classes.
	reuse   bool
	file    facts.File
	facts   Facts
	methods []facts.MethodDecl
	fields  []facts.Field
	types   []string
	decls   []facts.TypeDecl
	sorted  []lineAt

	// Per class.
	c     *classfile.Class
	cls   string
	f     *facts.File
	out   *Facts
	inits map[string]fieldInit // static field -> its value assigned in <clinit>
	// spare is an emptied inits for the next class that has one: most
	// classes with a <clinit> set a few fields, and a map each was a large
	// share of what the extractor allocated. One that held many (an enum's
	// constants) is dropped, as clearing a map costs what it grew to.
	spare map[string]fieldInit
}

// slot is what a method does with one local variable slot.
type slot struct {
	stores int32 // astores into the slot
	first  int32 // index of the first one
}

// Marks on constant-pool entries.
const (
	markCall           uint8 = 1 << iota // a Methodref whose name the interest lists
	markMutator                          // a Methodref named as a mutator (facts.Mutators)
	markNew                              // a Class the interest lists among News
	markInit                             // a Methodref named <init>
	markStaticRef                        // a Fieldref of an object or array type: a mutator's receiver
	markStaticArray                      // a Fieldref of an array type: an array store's array
	markStaticBuilder                    // a Fieldref of a type a string builder can be held as
	markBuilderMutator                   // a Methodref of a mutator of StringBuilder or StringBuffer
)

// builderHolders are the field types whose value can be a StringBuilder
// or StringBuffer: the classes themselves and their supertypes.
var builderHolders = map[string]bool{
	"Ljava/lang/StringBuilder;": true, "Ljava/lang/StringBuffer;": true, "Ljava/lang/AbstractStringBuilder;": true,
	"Ljava/lang/Object;": true, "Ljava/lang/CharSequence;": true, "Ljava/lang/Appendable;": true,
	"Ljava/io/Serializable;": true, "Ljava/lang/Comparable;": true,
}

// NewExtractor makes an extractor for an interest.
func NewExtractor(in Interest) *Extractor {
	x := &Extractor{in: in, dotted: map[string]string{}, called: map[MethodName]bool{}, wanted: map[string]uint8{}}
	for _, o := range in.Owned {
		for _, m := range o.With {
			if x.withs == nil {
				x.withs = map[string][]string{}
			}
			x.withs[m.Name] = append(x.withs[m.Name], m.Owner)
		}
	}
	for name, ok := range in.Calls {
		if ok {
			x.wanted[name] |= nameWanted | nameCallable
		}
	}
	for name, o := range in.Owned {
		if o != nil {
			x.wanted[name] |= nameWanted | nameCallable
		}
	}
	for name := range x.withs {
		x.wanted[name] |= nameWanted
	}
	for name := range in.News {
		x.newsLens[len(name)&63] = true
	}
	for name, ok := range facts.Mutators {
		if ok {
			x.wanted[name] |= nameMutator
			if in.Statics {
				x.wanted[name] |= nameWanted
			}
		}
	}
	return x
}

// ShareData makes the facts of ExtractClass share memory with the class
// bytes instead of a copy of their constant pool (classfile.Parser's
// ShareData): a worker that reads every class into one buffer allocates
// no pool per class, and must copy whatever it keeps of a class's facts
// before the buffer holds the next class.
//
// The facts themselves (the File, its declarations, calls, creations and
// writes, and the Facts around it) are then built in the extractor's own
// memory and overwritten by the next class's, so that a worker allocates
// them once rather than once per class: what outlives a class must be
// copied before the next ExtractClass.
func (x *Extractor) ShareData() { x.parser.ShareData, x.reuse = true, true }

// ExtractClass parses a class file with the extractor's parser, which
// reuses its memory from class to class, and derives its facts; err is the
// class file's *classfile.FormatError, when it cannot be read. The facts
// share no memory with data, so the caller may reuse data at once, unless
// ShareData was called.
func (x *Extractor) ExtractClass(data []byte, path string) (*Facts, []Problem, error) {
	c, err := x.parser.Parse(data)
	if err != nil {
		return nil, nil, err
	}
	fx, problems := x.Extract(c, path)
	return fx, problems, nil
}

// Extract derives the facts of one class that the extractor's interest
// asks for. Only the methods whose code holds something of interest are
// decoded: for a call or creation listed in the interest, a static write,
// and for the line of a fact at the method's first instruction, which the
// method's declaration shares.
func (x *Extractor) Extract(c *classfile.Class, path string) (*Facts, []Problem) {
	clear(x.dotted)
	x.c, x.inits = c, nil
	cls := x.dot(c.Name)
	if cls == c.Name {
		// A class of the default package: its name would be a substring
		// of the constant pool, which findings must not keep alive.
		cls = strings.Clone(cls)
	}
	var f *facts.File
	var out *Facts
	if x.reuse {
		x.file = facts.File{Path: path, Types: append(x.types[:0], cls)}
		x.facts = Facts{File: &x.file, SourceFile: c.SourceFile}
		f, out = &x.file, &x.facts
	} else {
		f = &facts.File{Path: path, Types: []string{cls}}
		out = &Facts{File: f, SourceFile: c.SourceFile}
	}
	if i := strings.LastIndexByte(cls, '.'); i >= 0 {
		f.Package = cls[:i]
	}
	x.cls, x.f, x.out = cls, f, out
	x.lines = x.lines[:0]
	defer func() {
		if x.inits != nil && len(x.inits) <= maxSpareInits {
			clear(x.inits)
			x.spare = x.inits
		}
		x.c, x.f, x.out, x.inits = nil, nil, nil, nil
	}()
	for _, ic := range c.InnerClasses {
		// Inner starts with Name+"$", tested without building that string.
		if ic.Outer == c.Name || len(ic.Inner) > len(c.Name) && ic.Inner[len(c.Name)] == '$' && strings.HasPrefix(ic.Inner, c.Name) {
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
	if x.reuse {
		f.TypeDecls = append(x.decls[:0], typeDecl(c, cls))
		x.decls = f.TypeDecls
	} else {
		f.TypeDecls = []facts.TypeDecl{typeDecl(c, cls)}
	}
	if x.reuse {
		f.Methods, f.Fields = x.methods[:0], x.fields[:0]
	} else {
		f.Methods = make([]facts.MethodDecl, 0, len(c.Methods))
		f.Fields = make([]facts.Field, 0, len(c.Fields))
	}
	x.markPool()
	// Calls, creations and writes gather in scratch and are copied once
	// at their final size.
	x.calls, x.news, x.writes, x.invs = x.calls[:0], x.news[:0], x.writes[:0], x.invs[:0]

	base, first := 1, 0
	var problems []Problem
	for i := range c.Methods {
		m := &c.Methods[i]
		span := facts.Span{Start: base, End: base + 1}
		if m.Code != nil {
			span.End = base + len(m.Code.Bytecode) + 1
		}
		line := 0
		if m.Code != nil && len(m.Code.Lines) > 0 {
			line = minLine(m.Code.Lines)
		}
		first = firstLine(first, m, line)
		x.line(span.Start, line)
		if !m.Access.Has(classfile.AccSynthetic) {
			// A synthetic method (a lambda's body, a bridge) is declared
			// by no source: its lines count, its declaration does not.
			md := facts.MethodDecl{Class: cls, Name: m.Name, Static: m.Access.Has(classfile.AccStatic), Private: m.Access.Has(classfile.AccPrivate),
				Annotations: annotations(m.Annotations), Span: facts.Span{Start: span.Start, End: span.Start}, Decl: span, Line: line}
			md.Params, md.Returns = params(m.Desc), returns(m.Name, m.Desc)
			f.Methods = append(f.Methods, md)
		}
		if m.Name == "<clinit>" {
			f.StaticInits = append(f.StaticInits, span)
		}
		if m.Code != nil {
			decode, line0 := x.wants(m)
			if decode {
				x.decoded++
				if err := x.method(m, base); err != nil {
					problems = append(problems, Problem{Method: m.Name + m.Desc, Err: err})
				}
			} else {
				x.skipped++
				if line0 {
					x.line(base, m.Code.LineAt(0))
				}
			}
			if x.in.Invokes {
				x.invokes(m)
			}
		}
		base = span.End
	}
	f.TypeDecls[0].Line = first
	if len(x.writes) > 0 {
		f.InitHelpers = initHelpers(c, len(f.Types) > 1)
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
		if in, ok := x.inits[fd.Name]; ok {
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
		x.line(base, field.Line)
		f.Fields = append(f.Fields, field)
		base++
	}
	if x.reuse {
		// The next class overwrites these: the scratch is the facts.
		x.types, x.methods, x.fields = f.Types, f.Methods, f.Fields
		f.Calls, f.News, f.Writes, out.Invokes = nonEmpty(x.calls), nonEmpty(x.news), nonEmpty(x.writes), nonEmpty(x.invs)
	} else {
		f.Calls, f.News, f.Writes = clip(x.calls), clip(x.news), clip(x.writes)
		clear(x.calls) // the scratch must not keep this class's facts alive
		clear(x.news)
		clear(x.writes)
		out.Invokes = clip(x.invs)
		clear(x.invs)
	}
	if len(f.Methods) == 0 {
		f.Methods = nil
	}
	if len(f.Fields) == 0 {
		f.Fields = nil
	}
	out.Size = base + 1
	out.lines = x.sortedLines()
	return out, problems
}

// maxSpareInits is the most static fields of a class whose inits map is
// kept for the next class.
const maxSpareInits = 32

// nonEmpty is xs, or nil when it holds nothing (as clip gives).
func nonEmpty[T any](xs []T) []T {
	if len(xs) == 0 {
		return nil
	}
	return xs
}

// clip copies scratch facts to a slice of their own, nil when there are none.
func clip[T any](xs []T) []T {
	if len(xs) == 0 {
		return nil
	}
	return append([]T(nil), xs...)
}

// line records the line of the fact whose span starts at off; a later
// record for the same off replaces an earlier one (the first instruction
// of a method shares its offset with the method's declaration).
func (x *Extractor) line(off, line int) { x.lines = append(x.lines, lineAt{off, line}) }

// sortedLines copies the recorded lines, sorted by offset, keeping the last
// record of each offset.
func (x *Extractor) sortedLines() []lineAt {
	// Declarations come in offset order, and so do the calls of most
	// methods: the sort is for the creations recorded at their new.
	if !slices.IsSortedFunc(x.lines, func(a, b lineAt) int { return a.off - b.off }) {
		slices.SortStableFunc(x.lines, func(a, b lineAt) int { return a.off - b.off })
	}
	var out []lineAt
	if x.reuse {
		out = x.sorted[:0]
		defer func() { x.sorted = out }()
	} else {
		out = make([]lineAt, 0, len(x.lines))
	}
	for _, l := range x.lines {
		if n := len(out); n > 0 && out[n-1].off == l.off {
			out[n-1] = l
			continue
		}
		out = append(out, l)
	}
	return out
}

// dot is dotted with the conversions of this class kept: one allocation
// per distinct name rather than one per mention.
// castType names a checkcast's operand as Call.CastTo does: "[I" is
// "int[]", "[Ljava/lang/String;" "java.lang.String[]".
func (x *Extractor) castType(operand string) string {
	dims := 0
	for dims < len(operand) && operand[dims] == '[' {
		dims++
	}
	if dims == 0 {
		return x.dot(operand)
	}
	elem := operand[dims:]
	switch {
	case strings.HasPrefix(elem, "L") && strings.HasSuffix(elem, ";"):
		elem = x.dot(elem[1 : len(elem)-1])
	case len(elem) == 1:
		elem = primitiveNames[elem[0]]
	}
	return elem + strings.Repeat("[]", dims)
}

// primitiveNames are the Java names of the descriptors' base types.
var primitiveNames = map[byte]string{'B': "byte", 'C': "char", 'D': "double", 'F': "float", 'I': "int", 'J': "long",
	'S': "short", 'Z': "boolean"}

func (x *Extractor) dot(internal string) string {
	if strings.IndexByte(internal, '/') < 0 {
		return internal
	}
	if d, ok := x.dotted[internal]; ok {
		return d
	}
	d := dotted(internal)
	x.dotted[internal] = d
	return d
}

// markPool marks the constant-pool entries that make a method worth
// decoding: the method references the interest names (and the mutators,
// for static writes) and the classes whose creation it lists.
func (x *Extractor) markPool() {
	if x.in.All {
		return
	}
	pool := x.c.Pool
	n := pool.Len()
	if cap(x.mark) < n {
		x.mark = make([]uint8, n)
	}
	x.mark = x.mark[:n]
	clear(x.mark)
	clear(x.called)
	// A call of an owned name that its owner does not settle may be
	// settled by a With method later in the pool: decided after the pass.
	x.undecided = x.undecided[:0]
	// What a method name is to the interest, judged once per name: most
	// references name methods no rule asks for, whose owner is not read.
	if cap(x.names) < n {
		x.names = make([]uint8, n)
	}
	x.names = x.names[:n]
	clear(x.names)
	for i := 1; i < n; i++ {
		switch pool.Tag(i) {
		case classfile.TagMethodref, classfile.TagInterfaceMethodref:
			ni, ok := pool.RefNameIndex(i)
			if !ok || ni <= 0 || ni >= n {
				continue
			}
			nb := x.names[ni]
			if nb == 0 {
				nb = x.nameBits(pool, ni)
				x.names[ni] = nb
			}
			if nb&nameWanted == 0 {
				if nb&nameInit != 0 {
					x.mark[i] |= markInit
				}
				continue
			}
			owner, name, ok := pool.RefName(i)
			if !ok {
				continue
			}
			if x.withs != nil && slices.Contains(x.withs[name], owner) {
				x.called[MethodName{owner, name}] = true
			}
			if x.in.Calls[name] || x.ownedCall(owner, name) {
				x.mark[i] |= markCall
			} else if o := x.in.Owned[name]; o != nil && len(o.With) > 0 {
				x.undecided = append(x.undecided, int32(i))
			}
			if x.in.Statics && facts.Mutators[name] {
				// A builder's append is everywhere; it writes a static
				// field only on a field that can hold a builder.
				if owner == "java/lang/StringBuilder" || owner == "java/lang/StringBuffer" {
					x.mark[i] |= markBuilderMutator
				} else {
					x.mark[i] |= markMutator
				}
			}
			if name == "<init>" {
				x.mark[i] |= markInit
			}
		case classfile.TagFieldref:
			if !x.in.Statics {
				continue
			}
			// A write through a static field's value needs the value:
			// an object for a mutator call, an array for a store.
			if d, _ := pool.RefDesc(i); d != "" {
				switch d[0] {
				case '[':
					x.mark[i] |= markStaticRef | markStaticArray
				case 'L':
					x.mark[i] |= markStaticRef
					if builderHolders[d] {
						x.mark[i] |= markStaticBuilder
					}
				}
			}
		case classfile.TagClass:
			if len(x.in.News) == 0 {
				continue
			}
			if name, err := pool.ClassName(i); err == nil && x.newsLens[len(simpleInternal(name))&63] && x.in.News[simpleInternal(name)] {
				x.mark[i] |= markNew
			}
		}
	}
	if len(x.called) == 0 {
		return
	}
	for _, i := range x.undecided {
		if owner, name, _ := pool.RefName(int(i)); x.ownedCall(owner, name) {
			x.mark[i] |= markCall
		}
	}
}

// What a method name is to the interest (Extractor.names).
const (
	nameKnown    uint8 = 1 << iota // judged
	nameInit                       // <init>
	nameWanted                     // listed in Calls, Owned or a With, or a mutator the interest's Statics reads
	nameCallable                   // listed in Calls or Owned: its calls are recorded in a decoded method
	nameMutator                    // a mutator (facts.Mutators)
)

// nameBitsOf is what the name of the method reference at pool index ref
// is to the interest, judged once per name index of the class.
func (x *Extractor) nameBitsOf(ref int, name string) uint8 {
	if x.in.All {
		return x.wanted[name] // markPool judged no name
	}
	ni, ok := x.c.Pool.RefNameIndex(ref)
	if !ok || ni <= 0 || ni >= len(x.names) {
		return x.wanted[name]
	}
	nb := x.names[ni]
	if nb == 0 {
		nb = x.nameBits(x.c.Pool, ni)
		x.names[ni] = nb
	}
	return nb
}

func (x *Extractor) nameBits(pool *classfile.Pool, i int) uint8 {
	name, err := pool.Utf8(i)
	if err != nil {
		return nameKnown
	}
	b := nameKnown | x.wanted[name]
	if name == "<init>" {
		b |= nameInit
	}
	return b
}

// ownedCall reports a call of a name the interest wants only in some
// places (Interest.Owned): on one of its owners, in a class that declares
// a field of one of their types, or in a class that calls one of its With
// methods.
func (x *Extractor) ownedCall(owner, name string) bool {
	o := x.in.Owned[name]
	if o == nil {
		return false
	}
	if o.Classes[owner] {
		return true
	}
	for _, m := range o.With {
		if x.called[m] {
			return true
		}
	}
	if len(o.Classes) == 0 {
		return false
	}
	for i := range x.c.Fields {
		d := x.c.Fields[i].Desc
		if len(d) > 2 && d[0] == 'L' && d[len(d)-1] == ';' && o.Classes[d[1:len(d)-1]] {
			return true
		}
	}
	return false
}

// simpleInternal is the simple name of an internal class name:
// "a/b/Outer$Inner" -> "Inner".
func simpleInternal(name string) string {
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '/' || name[i] == '$' {
			return name[i+1:]
		}
	}
	return name
}

// wants reports whether m's code must be decoded for the interest: it
// calls a method or creates a type the interest lists, or writes a static
// field (putstatic, an array store next to a getstatic of an array, or a
// mutator call next to a getstatic of an object or array: a getstatic of
// a number or a flag is no array and no receiver; a builder's append next
// to a getstatic of a type that can hold a builder). A method that does not walk whole is decoded, so that its
// problem is reported as a full extraction reports it.
//
// line0 reports a method whose first instruction is a call or a creation
// that the full extraction records (an invoke other than a constructor
// call, or a new its constructor call completes): its line replaces the
// declaration's at the offset they share, and must here too.
func (x *Extractor) wants(m *classfile.Method) (decode, line0 bool) {
	if x.in.All {
		return true, false
	}
	pool := x.c.Pool
	var staticRef, staticArray, staticBuilder, store, mutator, builderMutator bool
	newAt0 := false
	x.pending = x.pending[:0] // pool indexes of news not yet completed, -1 for the one at pc 0
	// The static fields read (object or array), the casts and the
	// mutators called, by pool index, to pair a receiver with a call
	// (receiverMatch).
	x.gets, x.casts, x.muts = x.gets[:0], x.casts[:0], x.muts[:0]
	err := m.Code.Walk(func(pc int, op classfile.Opcode, index int) bool {
		switch {
		case op == classfile.OpNew:
			decode = x.mark[index]&markNew != 0
			if pc == 0 {
				newAt0 = true
			}
			x.pending = append(x.pending, int32(index))
		case op.IsInvoke() && op != classfile.OpInvokedynamic:
			mk := x.mark[index]
			decode = mk&markCall != 0
			mutator = mutator || mk&markMutator != 0
			builderMutator = builderMutator || mk&markBuilderMutator != 0
			if mk&(markMutator|markBuilderMutator) != 0 {
				x.muts = append(x.muts, int32(index))
			}
			if op == classfile.OpInvokespecial && mk&markInit != 0 {
				// Pair it with its new as the decoder does: the latest
				// pending new of the same class.
				if k := len(x.pending); k > 0 && newAt0 && !line0 {
					owner, _, _ := pool.RefName(index)
					cls, _ := pool.ClassName(int(x.pending[k-1]))
					if cls == owner {
						x.pending = x.pending[:k-1]
						line0 = k == 1
					}
				}
			} else if pc == 0 {
				line0 = true
			}
		case op == classfile.OpPutstatic:
			decode = x.in.Statics
		case op == classfile.OpGetstatic:
			mk := x.mark[index]
			staticRef = staticRef || mk&markStaticRef != 0
			staticArray = staticArray || mk&markStaticArray != 0
			staticBuilder = staticBuilder || mk&markStaticBuilder != 0
			if mk&markStaticRef != 0 {
				x.gets = append(x.gets, int32(index))
			}
		case op == classfile.OpCheckcast:
			x.casts = append(x.casts, int32(index))
		case isArrayStore(op):
			store = true
		}
		return !decode
	})
	decode = decode || err != nil || x.in.Statics && (staticArray && store ||
		(staticRef && mutator || staticBuilder && builderMutator) && x.receiverMatch())
	return decode, line0 && !decode
}

// receiverMatch reports a mutator that may be called on a static field's
// value: the decoder records such a write when the call's receiver is the
// getstatic itself or a checkcast of it, and a call names the static type
// of its receiver as its owner (JLS 13.1): for a field the type it is
// declared with, for a cast the type cast to. So a method whose mutators
// are all owned by other types than its static fields' and its casts'
// writes none of them, and need not be decoded for them.
func (x *Extractor) receiverMatch() bool {
	pool := x.c.Pool
	for _, m := range x.muts {
		owner, _, ok := pool.RefName(int(m))
		if !ok {
			return true
		}
		for _, c := range x.casts {
			if name, err := pool.ClassName(int(c)); err != nil || name == owner {
				return true
			}
		}
		for _, g := range x.gets {
			d, ok := pool.RefDesc(int(g))
			if !ok {
				return true
			}
			if d == owner || len(d) == len(owner)+2 && d[0] == 'L' && d[len(d)-1] == ';' && d[1:len(d)-1] == owner {
				return true
			}
		}
	}
	return false
}

type fieldInit struct {
	x    facts.Expr
	line int
}

package classfile

import (
	"math"
	"sort"
)

// MaxSupportedMajor is the newest class-file major version whose format this
// package knows (Java 21). Later versions still parse; Class.Newer is set.
const MaxSupportedMajor = 65

// maxAnnotationDepth caps nesting of annotation values; real code nests a
// few levels, and the cap bounds recursion on hostile input.
const maxAnnotationDepth = 32

// AccessFlags holds the access_flags of a class, field, method or inner class.
type AccessFlags uint16

// Access flags (JVMS tables 4.1-B, 4.5-A, 4.6-A, 4.7.6-A).
const (
	AccPublic       AccessFlags = 0x0001
	AccPrivate      AccessFlags = 0x0002
	AccProtected    AccessFlags = 0x0004
	AccStatic       AccessFlags = 0x0008
	AccFinal        AccessFlags = 0x0010
	AccSuper        AccessFlags = 0x0020 // class
	AccSynchronized AccessFlags = 0x0020 // method
	AccVolatile     AccessFlags = 0x0040 // field
	AccBridge       AccessFlags = 0x0040 // method
	AccTransient    AccessFlags = 0x0080 // field
	AccVarargs      AccessFlags = 0x0080 // method
	AccNative       AccessFlags = 0x0100
	AccInterface    AccessFlags = 0x0200
	AccAbstract     AccessFlags = 0x0400
	AccStrict       AccessFlags = 0x0800
	AccSynthetic    AccessFlags = 0x1000
	AccAnnotation   AccessFlags = 0x2000
	AccEnum         AccessFlags = 0x4000
	AccModule       AccessFlags = 0x8000 // class
	AccMandated     AccessFlags = 0x8000 // parameter
)

// Has reports whether all bits of f are set.
func (a AccessFlags) Has(f AccessFlags) bool { return a&f == f }

// Class is a parsed class file.
type Class struct {
	Major, Minor uint16
	// Newer is set when Major is above MaxSupportedMajor: the class parsed,
	// but attributes added since Java 21 were not interpreted; callers may warn.
	Newer bool

	Access     AccessFlags
	Name       string // internal name, e.g. "com/example/Foo"
	Super      string // internal name; empty for java/lang/Object and module-info
	Interfaces []string
	Fields     []Field
	Methods    []Method

	SourceFile      string
	Signature       string // generic signature, if any
	Annotations     []Annotation
	InnerClasses    []InnerClass
	EnclosingMethod *EnclosingMethod // for local and anonymous classes

	Pool *Pool
}

// Field is a field_info.
type Field struct {
	Access        AccessFlags
	Name, Desc    string
	ConstantValue *Constant // from the ConstantValue attribute, if any
	Signature     string
	Annotations   []Annotation
}

// Method is a method_info.
type Method struct {
	Access      AccessFlags
	Name, Desc  string
	Signature   string
	Exceptions  []string // internal names from the Exceptions attribute
	Annotations []Annotation
	Code        *Code // nil for abstract and native methods
}

// InnerClass is one InnerClasses entry.
type InnerClass struct {
	Inner     string // internal name of the nested class
	Outer     string // internal name of the declaring class; empty for local and anonymous classes
	InnerName string // simple name; empty for anonymous classes
	Access    AccessFlags
}

// EnclosingMethod is the EnclosingMethod attribute of a local or anonymous class.
type EnclosingMethod struct {
	Class      string
	Name, Desc string // empty when the class is not enclosed by a method (e.g. a field initialiser)
}

// Annotation is one annotation from RuntimeVisibleAnnotations or
// RuntimeInvisibleAnnotations.
type Annotation struct {
	Type     string // field descriptor, e.g. "Lorg/springframework/stereotype/Component;"
	Visible  bool   // RuntimeVisibleAnnotations (retention RUNTIME) rather than invisible (CLASS)
	Elements []Element
}

// Element is one name = value pair of an annotation, in class-file order.
type Element struct {
	Name  string
	Value ElementValue
}

// ElementValue is an annotation element value (JVMS §4.7.16.1).
type ElementValue struct {
	// Tag is the element_value tag: 'B' 'C' 'D' 'F' 'I' 'J' 'S' 'Z' for
	// primitives, 's' String, 'e' enum, 'c' class, '@' annotation, '[' array.
	Tag        byte
	Int        int64   // B C I J S Z (booleans are 0 or 1)
	Float      float64 // D F
	Str        string  // 's' value; 'e' constant name; 'c' return descriptor, e.g. "Ljava/lang/String;" or "V"
	EnumType   string  // 'e' enum type descriptor
	Annotation *Annotation
	Array      []ElementValue
}

// Get returns the value of element name, if present. Defaults declared on
// the annotation type are not in the class file and are not returned.
func (a *Annotation) Get(name string) (ElementValue, bool) {
	for i := range a.Elements {
		if a.Elements[i].Name == name {
			return a.Elements[i].Value, true
		}
	}
	return ElementValue{}, false
}

func findAnnotation(as []Annotation, desc string) *Annotation {
	for i := range as {
		if as[i].Type == desc {
			return &as[i]
		}
	}
	return nil
}

// Annotation returns the class annotation with descriptor desc, or nil.
func (c *Class) Annotation(desc string) *Annotation { return findAnnotation(c.Annotations, desc) }

// Annotation returns the field annotation with descriptor desc, or nil.
func (f *Field) Annotation(desc string) *Annotation { return findAnnotation(f.Annotations, desc) }

// Annotation returns the method annotation with descriptor desc, or nil.
func (m *Method) Annotation(desc string) *Annotation { return findAnnotation(m.Annotations, desc) }

// InnerInfo returns the InnerClasses entry describing c itself, or nil when c
// is a top-level class.
func (c *Class) InnerInfo() *InnerClass {
	for i := range c.InnerClasses {
		if c.InnerClasses[i].Inner == c.Name {
			return &c.InnerClasses[i]
		}
	}
	return nil
}

// IsNested reports whether c is a member, local or anonymous class.
func (c *Class) IsNested() bool { return c.InnerInfo() != nil || c.EnclosingMethod != nil }

// IsAnonymous reports whether c is an anonymous class.
func (c *Class) IsAnonymous() bool {
	ic := c.InnerInfo()
	return ic != nil && ic.InnerName == "" && ic.Outer == ""
}

// OuterClass returns the internal name of the class that declares or
// encloses c, or "" for a top-level class.
func (c *Class) OuterClass() string {
	if ic := c.InnerInfo(); ic != nil && ic.Outer != "" {
		return ic.Outer
	}
	if c.EnclosingMethod != nil {
		return c.EnclosingMethod.Class
	}
	return ""
}

// Method returns the method with the given name and descriptor (any
// descriptor if desc is empty), or nil.
func (c *Class) Method(name, desc string) *Method {
	for i := range c.Methods {
		if c.Methods[i].Name == name && (desc == "" || c.Methods[i].Desc == desc) {
			return &c.Methods[i]
		}
	}
	return nil
}

// Field returns the field with the given name, or nil.
func (c *Class) Field(name string) *Field {
	for i := range c.Fields {
		if c.Fields[i].Name == name {
			return &c.Fields[i]
		}
	}
	return nil
}

// parser carries the state of one Parse call.
type parser struct {
	r    reader
	pool *Pool
	// Arenas shared by all methods of the class, so that a class costs a
	// few allocations rather than a few per method.
	codes       []Code
	lines       []LineEntry
	handlers    []ExceptionHandler
	methodsLeft int
	ps          *Parser // memory kept between classes; nil for Parse
}

// Parser parses class after class in the memory of the previous ones: a
// worker that reads many classes keeps one and allocates little more per
// class than the copy of the constant pool its strings live in. The Class
// that Parse returns, and everything in it but its strings, is valid only
// until the next call; strings (names, descriptors, constants) are
// substrings of the class's own pool copy and stay valid (but see
// ShareData). A Parser is not safe for concurrent use; the zero value is
// ready.
type Parser struct {
	// ShareData makes the strings substrings of the data given to Parse
	// instead of a copy of the pool: no allocation per class, but they are
	// valid only while that data is unchanged, so a caller that reuses its
	// buffer must copy every string it keeps past the class.
	ShareData bool

	class    Class
	pool     Pool
	off      []uint32
	ifaces   []string
	fields   []Field
	methods  []Method
	codes    []Code
	lines    []LineEntry
	handlers []ExceptionHandler
}

// Parse reads a class file as the function Parse does, reusing ps's memory.
func (ps *Parser) Parse(data []byte) (*Class, error) {
	if uint64(len(data)) > math.MaxUint32 {
		return nil, errorf(0, "class file of %d bytes is too large", len(data))
	}
	p := &parser{r: reader{b: data, end: len(data)}, ps: ps, lines: ps.lines[:0], handlers: ps.handlers[:0]}
	c, err := p.parse()
	// Keep the larger arenas for the next class.
	if cap(p.lines) > cap(ps.lines) {
		ps.lines = p.lines[:0]
	}
	if cap(p.handlers) > cap(ps.handlers) {
		ps.handlers = p.handlers[:0]
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

// reuse returns buf[:n] zeroed, or a new slice when buf is too small (and
// keeps it in *buf for the next class); with no Parser, a new slice.
func reuse[T any](ps *Parser, buf *[]T, n int) []T {
	if ps == nil {
		return make([]T, n)
	}
	if cap(*buf) < n {
		*buf = make([]T, n)
	}
	s := (*buf)[:n]
	clear(s)
	return s
}

// Parse reads a class file. It never panics; malformed input yields a
// *FormatError. The returned Class keeps Code.Bytecode slices of data.
func Parse(data []byte) (*Class, error) {
	if uint64(len(data)) > math.MaxUint32 {
		return nil, errorf(0, "class file of %d bytes is too large", len(data))
	}
	p := &parser{r: reader{b: data, end: len(data)}}
	c, err := p.parse()
	if err != nil {
		return nil, err
	}
	return c, nil
}

func (p *parser) parse() (*Class, *FormatError) {
	r := &p.r
	magic := r.u4()
	if r.err != nil {
		return nil, errorf(0, "truncated: %d bytes is too short for a class file", len(r.b))
	}
	if magic != 0xCAFEBABE {
		return nil, errorf(0, "bad magic 0x%08X", magic)
	}
	var c *Class
	if p.ps != nil {
		p.ps.class = Class{}
		c = &p.ps.class
	} else {
		c = &Class{} // allocated only here: a Parser's class costs none
	}
	c.Minor = r.u2()
	c.Major = r.u2()
	if r.err != nil {
		return nil, r.err
	}
	if c.Major < 45 {
		return nil, errorf(6, "unsupported class file version %d.%d", c.Major, c.Minor)
	}
	c.Newer = c.Major > MaxSupportedMajor
	p.pool = parsePool(r, p.ps)
	if r.err != nil {
		return nil, r.err
	}
	c.Pool = p.pool
	c.Access = AccessFlags(r.u2())
	thisOff := r.off
	c.Name = p.class(int(r.u2()), false)
	superIdx := int(r.u2())
	if superIdx != 0 {
		c.Super = p.class(superIdx, false)
	}
	if r.err != nil {
		return nil, r.err
	}
	if c.Name == "" {
		return nil, errorf(thisOff, "empty this_class name")
	}
	if n := r.count("interfaces", 2); n > 0 {
		c.Interfaces = reuse(p.ps, p.psIfaces(), n)
		for i := range c.Interfaces {
			c.Interfaces[i] = p.class(int(r.u2()), false)
		}
	}
	if n := r.count("fields", 8); n > 0 {
		c.Fields = reuse(p.ps, p.psFields(), n)
		for i := range c.Fields {
			p.field(&c.Fields[i])
		}
	}
	if n := r.count("methods", 8); n > 0 && r.err == nil {
		c.Methods = reuse(p.ps, p.psMethods(), n)
		if p.ps != nil {
			// One arena of Code values for every method, kept between classes.
			p.codes = reuse(p.ps, &p.ps.codes, n)[:0]
		}
		for i := range c.Methods {
			p.methodsLeft = n - i
			p.method(&c.Methods[i])
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	p.classAttributes(c)
	if r.err != nil {
		return nil, r.err
	}
	if e := p.pool.checkBootstrapRefs(); e != nil {
		return nil, e
	}
	return c, nil
}

// The Parser's kept slices, or nil pointers when there is no Parser.
func (p *parser) psIfaces() *[]string {
	if p.ps == nil {
		return nil
	}
	return &p.ps.ifaces
}

func (p *parser) psFields() *[]Field {
	if p.ps == nil {
		return nil
	}
	return &p.ps.fields
}

func (p *parser) psMethods() *[]Method {
	if p.ps == nil {
		return nil
	}
	return &p.ps.methods
}

// utf8 reads entry i as Utf8, recording an error if it is not one.
func (p *parser) utf8(i int) string {
	s, ok := p.pool.raw(i)
	if !ok {
		p.r.fail(p.refError(i, TagUtf8))
		return ""
	}
	return decodeMUTF8(s)
}

// class reads Class entry i; optional allows index 0 (meaning none).
func (p *parser) class(i int, optional bool) string {
	if optional && i == 0 {
		return ""
	}
	if p.pool.Tag(i) != TagClass {
		p.r.fail(p.refError(i, TagClass))
		return ""
	}
	return p.pool.classAt(i)
}

func (p *parser) refError(i int, want Tag) *FormatError {
	at := p.r.off - 2
	if i <= 0 || i >= p.pool.Len() {
		return errorf(at, "constant pool index %d out of range (pool size %d)", i, p.pool.Len())
	}
	return errorf(at, "constant pool index %d is %s, want %s", i, p.pool.Tag(i), want)
}

// Attribute tables are walked without closures: beginAttr narrows p.r to one
// attribute's body and endAttr moves past it whatever the body parser read,
// so unknown attributes cost a header read and nothing escapes to the heap.

// beginAttr reads an attribute header, narrows p.r to the body, and returns
// the raw name and the end to restore.
func (p *parser) beginAttr() (name string, outerEnd int, ok bool) {
	r := &p.r
	ni := int(r.u2())
	name, isUtf8 := p.pool.raw(ni)
	if !isUtf8 && r.err == nil {
		r.fail(p.refError(ni, TagUtf8))
	}
	lenOff := r.off
	length := r.u4()
	if r.err != nil {
		return "", 0, false
	}
	if uint64(length) > uint64(r.remaining()) {
		r.fail(errorf(lenOff, "attribute %s length %d exceeds remaining %d bytes", decodeMUTF8(name), length, r.remaining()))
		return "", 0, false
	}
	outerEnd = r.end
	r.end = r.off + int(length)
	return name, outerEnd, true
}

func (p *parser) endAttr(outerEnd int) {
	p.r.off = p.r.end
	p.r.end = outerEnd
}

func (p *parser) field(f *Field) {
	r := &p.r
	f.Access = AccessFlags(r.u2())
	f.Name = p.utf8(int(r.u2()))
	f.Desc = p.utf8(int(r.u2()))
	n := r.count("attributes", 6)
	for i := 0; i < n && r.err == nil; i++ {
		name, end, ok := p.beginAttr()
		if !ok {
			return
		}
		switch name {
		case "ConstantValue":
			ci := int(r.u2())
			if r.err != nil {
				break
			}
			switch p.pool.Tag(ci) {
			case TagInteger, TagFloat, TagLong, TagDouble, TagString:
				cv, _ := p.pool.constant(ci, nil)
				f.ConstantValue = &cv
			default:
				r.fail(errorf(r.off-2, "ConstantValue index %d is %s, want a primitive or String constant", ci, p.pool.Tag(ci)))
			}
		case "Signature":
			f.Signature = p.utf8(int(r.u2()))
		case "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations":
			f.Annotations = p.annotations(f.Annotations, name[7] == 'V')
		}
		p.endAttr(end)
	}
}

func (p *parser) method(m *Method) {
	r := &p.r
	m.Access = AccessFlags(r.u2())
	m.Name = p.utf8(int(r.u2()))
	m.Desc = p.utf8(int(r.u2()))
	n := r.count("attributes", 6)
	for i := 0; i < n && r.err == nil; i++ {
		name, end, ok := p.beginAttr()
		if !ok {
			return
		}
		switch name {
		case "Code":
			if m.Code != nil {
				r.fail(errorf(r.off-6, "method %s%s has more than one Code attribute", m.Name, m.Desc))
				break
			}
			m.Code = p.code()
		case "Exceptions":
			if ne := r.count("exceptions", 2); ne > 0 {
				m.Exceptions = make([]string, ne)
				for i := range m.Exceptions {
					m.Exceptions[i] = p.class(int(r.u2()), false)
				}
			}
		case "Signature":
			m.Signature = p.utf8(int(r.u2()))
		case "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations":
			m.Annotations = p.annotations(m.Annotations, name[7] == 'V')
		}
		p.endAttr(end)
	}
}

func (p *parser) code() *Code {
	r := &p.r
	if len(p.codes) == cap(p.codes) {
		// The methods of a class share one arena of Code values, sized
		// for the methods not yet read (each has at most one Code).
		p.codes = make([]Code, 0, max(p.methodsLeft, 1))
	}
	p.codes = p.codes[:len(p.codes)+1]
	c := &p.codes[len(p.codes)-1]
	c.pool = p.pool
	c.MaxStack = int(r.u2())
	c.MaxLocals = int(r.u2())
	lenOff := r.off
	n := r.u4()
	if r.err != nil {
		return nil
	}
	if uint64(n) > uint64(r.remaining()) {
		r.fail(errorf(lenOff, "code length %d exceeds remaining %d bytes", n, r.remaining()))
		return nil
	}
	c.off = r.off
	c.Bytecode = r.b[r.off : r.off+int(n) : r.off+int(n)]
	r.off += int(n)
	if nh := r.count("exception table", 8); nh > 0 {
		if cap(p.handlers)-len(p.handlers) < nh {
			// A new arena rather than growth: earlier methods keep
			// their slices of the old one.
			p.handlers = make([]ExceptionHandler, 0, max(nh, 2*cap(p.handlers), 16))
		}
		c.Handlers = p.handlers[len(p.handlers) : len(p.handlers)+nh : len(p.handlers)+nh]
		p.handlers = p.handlers[:len(p.handlers)+nh]
		for i := range c.Handlers {
			h := &c.Handlers[i]
			h.StartPC = int(r.u2())
			h.EndPC = int(r.u2())
			h.HandlerPC = int(r.u2())
			h.CatchType = p.class(int(r.u2()), true)
		}
	}
	na := r.count("attributes", 6)
	for i := 0; i < na && r.err == nil; i++ {
		name, end, ok := p.beginAttr()
		if !ok {
			break
		}
		if name == "LineNumberTable" {
			p.lineNumbers(c)
		}
		p.endAttr(end)
	}
	if r.err != nil {
		return nil
	}
	return c
}

func (p *parser) lineNumbers(c *Code) {
	r := &p.r
	nl := r.count("line number table", 4)
	if cap(p.lines)-len(p.lines) < nl {
		// Start a new arena rather than grow: earlier methods keep
		// their slices of the old one.
		p.lines = make([]LineEntry, 0, max(nl, 2*cap(p.lines), 16))
	}
	start := len(p.lines)
	sorted := true
	for i := 0; i < nl; i++ {
		e := LineEntry{PC: int(r.u2()), Line: int(r.u2())}
		if i > 0 && e.PC < p.lines[len(p.lines)-1].PC {
			sorted = false
		}
		p.lines = append(p.lines, e)
	}
	lines := p.lines[start:len(p.lines):len(p.lines)]
	if c.Lines != nil {
		// A second table (allowed by the JVMS) is merged.
		lines = append(append([]LineEntry(nil), c.Lines...), lines...)
		sorted = false
	}
	if !sorted {
		sort.SliceStable(lines, func(i, j int) bool { return lines[i].PC < lines[j].PC })
	}
	c.Lines = lines
}

func (p *parser) classAttributes(c *Class) {
	r := &p.r
	n := r.count("attributes", 6)
	for i := 0; i < n && r.err == nil; i++ {
		name, end, ok := p.beginAttr()
		if !ok {
			return
		}
		switch name {
		case "SourceFile":
			c.SourceFile = p.utf8(int(r.u2()))
		case "Signature":
			c.Signature = p.utf8(int(r.u2()))
		case "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations":
			c.Annotations = p.annotations(c.Annotations, name[7] == 'V')
		case "InnerClasses":
			p.innerClasses(c)
		case "EnclosingMethod":
			em := &EnclosingMethod{Class: p.class(int(r.u2()), false)}
			if ni := int(r.u2()); ni != 0 {
				if p.pool.Tag(ni) != TagNameAndType {
					r.fail(p.refError(ni, TagNameAndType))
					break
				}
				em.Name, em.Desc = p.pool.nameAndType(ni)
			}
			c.EnclosingMethod = em
		case "BootstrapMethods":
			if p.pool.bsm != "" {
				r.fail(errorf(r.off-6, "more than one BootstrapMethods attribute"))
				break
			}
			if e := p.pool.setBootstrapMethods(r.b, r.off, r.end); e != nil {
				r.fail(e)
			}
		}
		p.endAttr(end)
	}
}

func (p *parser) innerClasses(c *Class) {
	r := &p.r
	n := r.count("inner classes", 8)
	if n == 0 {
		return
	}
	c.InnerClasses = make([]InnerClass, n)
	for i := range c.InnerClasses {
		ic := &c.InnerClasses[i]
		ic.Inner = p.class(int(r.u2()), false)
		ic.Outer = p.class(int(r.u2()), true)
		if ni := int(r.u2()); ni != 0 {
			ic.InnerName = p.utf8(ni)
		}
		ic.Access = AccessFlags(r.u2())
	}
}

// annotations reads an annotations table and appends it to dst.
func (p *parser) annotations(dst []Annotation, visible bool) []Annotation {
	n := p.r.count("annotations", 4)
	if n == 0 {
		return dst
	}
	if dst == nil {
		dst = make([]Annotation, 0, n)
	}
	for i := 0; i < n && p.r.err == nil; i++ {
		var a Annotation
		p.annotation(&a, visible, 0)
		dst = append(dst, a)
	}
	return dst
}

func (p *parser) annotation(a *Annotation, visible bool, depth int) {
	r := &p.r
	a.Visible = visible
	a.Type = p.utf8(int(r.u2()))
	n := r.count("annotation elements", 5)
	if n == 0 {
		return
	}
	a.Elements = make([]Element, n)
	for i := range a.Elements {
		if r.err != nil {
			return
		}
		a.Elements[i].Name = p.utf8(int(r.u2()))
		p.elementValue(&a.Elements[i].Value, visible, depth)
	}
}

func (p *parser) elementValue(v *ElementValue, visible bool, depth int) {
	r := &p.r
	if depth >= maxAnnotationDepth {
		r.fail(errorf(r.off, "annotation values nested deeper than %d", maxAnnotationDepth))
		return
	}
	tagOff := r.off
	v.Tag = r.u1()
	switch v.Tag {
	case 'B', 'C', 'I', 'S', 'Z':
		v.Int = p.constOf(TagInteger).Int
	case 'J':
		v.Int = p.constOf(TagLong).Int
	case 'F':
		v.Float = p.constOf(TagFloat).Float
	case 'D':
		v.Float = p.constOf(TagDouble).Float
	case 's', 'c':
		v.Str = p.utf8(int(r.u2()))
	case 'e':
		v.EnumType = p.utf8(int(r.u2()))
		v.Str = p.utf8(int(r.u2()))
	case '@':
		v.Annotation = &Annotation{}
		p.annotation(v.Annotation, visible, depth+1)
	case '[':
		n := r.count("annotation array", 3)
		if n == 0 {
			return
		}
		v.Array = make([]ElementValue, n)
		for i := range v.Array {
			if r.err != nil {
				return
			}
			p.elementValue(&v.Array[i], visible, depth+1)
		}
	default:
		if r.err == nil {
			r.fail(errorf(tagOff, "invalid annotation element tag 0x%02x", v.Tag))
		}
	}
}

// constOf reads a constant-pool index that must hold a constant of kind t.
func (p *parser) constOf(t Tag) Constant {
	i := int(p.r.u2())
	if p.r.err != nil {
		return Constant{}
	}
	if p.pool.Tag(i) != t {
		p.r.fail(p.refError(i, t))
		return Constant{}
	}
	c, _ := p.pool.constant(i, nil)
	return c
}

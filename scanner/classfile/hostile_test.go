package classfile

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"strings"
	"testing"
)

// classBuilder assembles a class file from raw parts so tests can damage
// exactly one of them.
type classBuilder struct {
	magic      uint32
	major      uint16
	pool       [][]byte // entries from index 1; a nil entry stands for the slot after a Long/Double
	poolCount  int      // 0: len(pool)+1
	this       uint16
	super      uint16
	fieldCount int // -1: len(fields)
	fields     [][]byte
	methods    [][]byte
	attrs      [][]byte
}

func u2(v int) []byte { return binary.BigEndian.AppendUint16(nil, uint16(v)) }
func u4(v uint32) []byte {
	return binary.BigEndian.AppendUint32(nil, v)
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

func utf8Entry(s string) []byte     { return cat([]byte{1}, u2(len(s)), []byte(s)) }
func ref2(tag Tag, i int) []byte    { return cat([]byte{byte(tag)}, u2(i)) }
func ref4(tag Tag, a, b int) []byte { return cat([]byte{byte(tag)}, u2(a), u2(b)) }

func attr(name int, body []byte) []byte { return cat(u2(name), u4(uint32(len(body))), body) }

func member(access, name, desc int, attrs ...[]byte) []byte {
	return cat(u2(access), u2(name), u2(desc), u2(len(attrs)), cat(attrs...))
}

func codeAttr(code []byte, attrs ...[]byte) []byte {
	return attr(poolCode, cat(u2(4), u2(4), u4(uint32(len(code))), code, u2(0), u2(len(attrs)), cat(attrs...)))
}

// Indexes of the base pool.
const (
	poolThisName = 1
	poolThis     = 2
	poolObjName  = 3
	poolObj      = 4
	poolCode     = 5
	poolM        = 6
	poolV        = 7
	poolNAT      = 8
	poolMref     = 9
	poolSource   = 10
	poolLong     = 11 // and 12
	poolAnn      = 13
	poolRVA      = 14
	poolStr      = 15
	poolLNT      = 16
)

func baseBuilder() *classBuilder {
	return &classBuilder{
		magic: 0xCAFEBABE,
		major: 52,
		pool: [][]byte{
			utf8Entry("T"),
			ref2(TagClass, poolThisName),
			utf8Entry("java/lang/Object"),
			ref2(TagClass, poolObjName),
			utf8Entry("Code"),
			utf8Entry("m"),
			utf8Entry("()V"),
			ref4(TagNameAndType, poolM, poolV),
			ref4(TagMethodref, poolObj, poolNAT),
			utf8Entry("SourceFile"),
			cat([]byte{byte(TagLong)}, u4(0), u4(7)), nil,
			utf8Entry("LA;"),
			utf8Entry("RuntimeVisibleAnnotations"),
			ref2(TagString, poolM),
			utf8Entry("LineNumberTable"),
		},
		this:       poolThis,
		super:      poolObj,
		fieldCount: -1,
		methods: [][]byte{
			member(0x0009, poolM, poolV, codeAttr(
				cat([]byte{byte(OpInvokestatic)}, u2(poolMref), []byte{byte(OpReturn)}),
				attr(poolLNT, cat(u2(1), u2(0), u2(3))))),
		},
		attrs: [][]byte{attr(poolSource, u2(poolThisName))},
	}
}

func (b *classBuilder) bytes() []byte {
	var out []byte
	out = binary.BigEndian.AppendUint32(out, b.magic)
	out = append(out, u2(0)...)
	out = append(out, u2(int(b.major))...)
	n := b.poolCount
	if n == 0 {
		n = len(b.pool) + 1
	}
	out = append(out, u2(n)...)
	for _, e := range b.pool {
		out = append(out, e...)
	}
	out = append(out, u2(0x21)...)
	out = append(out, u2(int(b.this))...)
	out = append(out, u2(int(b.super))...)
	out = append(out, u2(0)...) // interfaces
	fc := b.fieldCount
	if fc < 0 {
		fc = len(b.fields)
	}
	out = append(out, u2(fc)...)
	out = append(out, cat(b.fields...)...)
	out = append(out, u2(len(b.methods))...)
	out = append(out, cat(b.methods...)...)
	out = append(out, u2(len(b.attrs))...)
	out = append(out, cat(b.attrs...)...)
	return out
}

func TestBuilderBaseParses(t *testing.T) {
	c, err := Parse(baseBuilder().bytes())
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "T" || c.SourceFile != "T" || len(c.Methods) != 1 {
		t.Fatalf("%+v", c)
	}
	ins, err := c.Methods[0].Code.Instructions()
	if err != nil || len(ins) != 2 || ins[0].Ref.String() != "java/lang/Object.m()V" || c.Methods[0].Code.LineAt(0) != 3 {
		t.Fatalf("%v %v", ins, err)
	}
	if cst, _ := c.Pool.Constant(poolLong); cst.Int != 7 || c.Pool.Tag(poolLong+1) != 0 {
		t.Errorf("long %+v", cst)
	}
}

func TestHostile(t *testing.T) {
	nestedArrays := func(depth int) []byte {
		// depth nested '[' values of one element, ending in a string.
		var v []byte
		for i := 0; i < depth; i++ {
			v = append(v, '[')
			v = append(v, u2(1)...)
		}
		v = append(v, 's')
		v = append(v, u2(poolM)...)
		return attr(poolRVA, cat(u2(1), u2(poolAnn), u2(1), u2(poolM), v))
	}
	tests := []struct {
		name   string
		mutate func(b *classBuilder)
		raw    []byte // used instead of the builder when set
		want   string // substring of the error; "" means Parse must succeed
	}{
		{name: "base"},
		{name: "bad magic", mutate: func(b *classBuilder) { b.magic = 0xCAFEBABF }, want: "bad magic 0xCAFEBABF"},
		{name: "empty", raw: []byte{}, want: "truncated"},
		{name: "magic only", raw: []byte{0xCA, 0xFE, 0xBA, 0xBE}, want: "truncated"},
		{name: "old version", mutate: func(b *classBuilder) { b.major = 44 }, want: "unsupported class file version 44.0"},
		{name: "newer version", mutate: func(b *classBuilder) { b.major = 70 }},
		{name: "pool count 0", mutate: func(b *classBuilder) { b.poolCount = 0xFFFF; b.pool = nil }, want: "constant pool count 65535 needs at least"},
		{name: "invalid tag", mutate: func(b *classBuilder) { b.pool[0] = []byte{2, 0, 0} }, want: "invalid constant pool tag 2 at index 1"},
		{name: "utf8 too long", mutate: func(b *classBuilder) { b.pool[len(b.pool)-1] = cat([]byte{1}, u2(0xFFFF)) }, want: "Utf8 16 length 65535 exceeds"},
		{name: "long in last slot", mutate: func(b *classBuilder) {
			b.pool = append(b.pool, cat([]byte{byte(TagLong)}, u4(0), u4(1)))
		}, want: "Long at index 17 needs two slots"},
		{name: "double in last slot", mutate: func(b *classBuilder) {
			b.pool = append(b.pool, cat([]byte{byte(TagDouble)}, u4(0), u4(1)))
		}, want: "Double at index 17 needs two slots"},
		{name: "this out of range", mutate: func(b *classBuilder) { b.this = 900 }, want: "constant pool index 900 out of range (pool size 17)"},
		{name: "this is utf8", mutate: func(b *classBuilder) { b.this = poolThisName }, want: "constant pool index 1 is Utf8, want Class"},
		{name: "this is long's second slot", mutate: func(b *classBuilder) { b.this = poolLong + 1 }, want: "index 12 is unusable, want Class"},
		{name: "methodref class is utf8", mutate: func(b *classBuilder) { b.pool[poolMref-1] = ref4(TagMethodref, poolObjName, poolNAT) },
			want: "constant pool entry 9 (Methodref) refers to index 3 which is Utf8, want Class"},
		{name: "methodref nat out of range", mutate: func(b *classBuilder) { b.pool[poolMref-1] = ref4(TagMethodref, poolObj, 5000) },
			want: "constant pool index 5000 out of range"},
		{name: "class name not utf8", mutate: func(b *classBuilder) { b.pool[poolThis-1] = ref2(TagClass, poolObj) }, want: "want Utf8"},
		{name: "method handle bad kind", mutate: func(b *classBuilder) {
			b.pool = append(b.pool, cat([]byte{byte(TagMethodHandle), 10}, u2(poolMref)))
		}, want: "invalid reference kind 10"},
		{name: "method handle wrong target", mutate: func(b *classBuilder) {
			b.pool = append(b.pool, cat([]byte{byte(TagMethodHandle), RefGetStatic}, u2(poolMref)))
		}, want: "is Methodref, want Fieldref"},
		{name: "indy without bootstrap methods", mutate: func(b *classBuilder) {
			b.pool = append(b.pool, ref4(TagInvokeDynamic, 0, poolNAT))
		}, want: "refers to bootstrap method 0 but the class has 0"},
		{name: "every tag", mutate: func(b *classBuilder) {
			b.pool = append(b.pool,
				cat([]byte{byte(TagInteger)}, u4(5)),            // 17
				cat([]byte{byte(TagFloat)}, u4(0x40490fdb)),     // 18
				cat([]byte{byte(TagDouble)}, u4(0), u4(0)), nil, // 19, 20
				ref4(TagFieldref, poolObj, poolNAT),                 // 21
				ref4(TagInterfaceMethodref, poolObj, poolNAT),       // 22
				cat([]byte{byte(TagMethodHandle), 6}, u2(poolMref)), // 23
				ref2(TagMethodType, poolV),                          // 24
				ref4(TagDynamic, 0, poolNAT),                        // 25
				ref4(TagInvokeDynamic, 0, poolNAT),                  // 26
				ref2(TagModule, poolM),                              // 27
				ref2(TagPackage, poolM),                             // 28
				utf8Entry("BootstrapMethods"),                       // 29
			)
			b.attrs = append(b.attrs, attr(29, cat(u2(1), u2(23), u2(2), u2(25), u2(24))))
		}},
		{name: "bootstrap arg not loadable", mutate: func(b *classBuilder) {
			b.pool = append(b.pool, cat([]byte{byte(TagMethodHandle), 6}, u2(poolMref)), utf8Entry("BootstrapMethods"))
			b.attrs = append(b.attrs, attr(18, cat(u2(1), u2(17), u2(1), u2(poolNAT))))
		}, want: "argument index 8 is NameAndType"},
		{name: "attribute length huge", mutate: func(b *classBuilder) {
			b.attrs = [][]byte{cat(u2(poolSource), u4(0xFFFFFFFF), u2(poolThisName))}
		}, want: "attribute SourceFile length 4294967295 exceeds remaining 2 bytes"},
		{name: "attribute name not utf8", mutate: func(b *classBuilder) { b.attrs = [][]byte{attr(poolThis, u2(1))} }, want: "want Utf8"},
		{name: "attribute shorter than body", mutate: func(b *classBuilder) { b.attrs = [][]byte{attr(poolSource, nil)} }, want: "truncated"},
		{name: "huge field count", mutate: func(b *classBuilder) { b.fieldCount = 0xFFFF }, want: "fields count 65535 needs at least 524280 bytes"},
		{name: "code length huge", mutate: func(b *classBuilder) {
			b.methods = [][]byte{member(9, poolM, poolV, attr(poolCode, cat(u2(1), u2(1), u4(0xFFFFFFF0), []byte{0})))}
		}, want: "code length 4294967280 exceeds remaining 1 bytes"},
		{name: "two code attributes", mutate: func(b *classBuilder) {
			c := codeAttr([]byte{byte(OpReturn)})
			b.methods = [][]byte{member(9, poolM, poolV, c, c)}
		}, want: "more than one Code attribute"},
		{name: "huge line table", mutate: func(b *classBuilder) {
			b.methods = [][]byte{member(9, poolM, poolV, codeAttr([]byte{byte(OpReturn)}, attr(poolLNT, cat(u2(0xFFFF), u2(0), u2(1)))))}
		}, want: "line number table count 65535"},
		{name: "annotation ok", mutate: func(b *classBuilder) { b.attrs = append(b.attrs, nestedArrays(3)) }},
		{name: "annotation too deep", mutate: func(b *classBuilder) { b.attrs = append(b.attrs, nestedArrays(200)) }, want: "nested deeper than 32"},
		{name: "annotation bad tag", mutate: func(b *classBuilder) {
			b.attrs = append(b.attrs, attr(poolRVA, cat(u2(1), u2(poolAnn), u2(1), u2(poolM), []byte{'x', 0, 0})))
		}, want: "invalid annotation element tag 0x78"},
		{name: "annotation const wrong kind", mutate: func(b *classBuilder) {
			b.attrs = append(b.attrs, attr(poolRVA, cat(u2(1), u2(poolAnn), u2(1), u2(poolM), []byte{'I'}, u2(poolLong))))
		}, want: "index 11 is Long, want Integer"},
		{name: "annotation huge array", mutate: func(b *classBuilder) {
			b.attrs = append(b.attrs, attr(poolRVA, cat(u2(1), u2(poolAnn), u2(1), u2(poolM), []byte{'['}, u2(0xFFFF))))
		}, want: "annotation array count 65535"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.raw
			if data == nil {
				b := baseBuilder()
				if tt.mutate != nil {
					tt.mutate(b)
				}
				data = b.bytes()
			}
			c, err := Parse(data)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				decodeAll(t, c)
				return
			}
			if err == nil {
				t.Fatalf("parsed; want error containing %q", tt.want)
			}
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T %v is not a *FormatError", err, err)
			}
			if !strings.Contains(fe.Reason, tt.want) {
				t.Errorf("error %q, want it to contain %q", fe.Reason, tt.want)
			}
			if fe.Offset < 0 || fe.Offset > len(data) {
				t.Errorf("offset %d outside the %d-byte input", fe.Offset, len(data))
			}
		})
	}
}

func TestNewerVersionFlag(t *testing.T) {
	b := baseBuilder()
	b.major = 66
	c, err := Parse(b.bytes())
	if err != nil || !c.Newer {
		t.Fatalf("major 66: newer=%v err=%v", c != nil && c.Newer, err)
	}
	b.major = MaxSupportedMajor
	if c, err := Parse(b.bytes()); err != nil || c.Newer {
		t.Fatalf("major 65: err=%v", err)
	}
}

// everyTagClass builds a class whose pool holds every tag and whose one
// method loads or invokes each kind of constant.
func everyTagClass() []byte {
	b := baseBuilder()
	b.pool = append(b.pool,
		cat([]byte{byte(TagInteger)}, u4(0xFFFFFFFB)),
		cat([]byte{byte(TagFloat)}, u4(0x40490fdb)),
		cat([]byte{byte(TagDouble)}, u4(0x400921fb), u4(0x54442d18)), nil,
		ref4(TagFieldref, poolObj, poolNAT),
		ref4(TagInterfaceMethodref, poolObj, poolNAT),
		cat([]byte{byte(TagMethodHandle), 6}, u2(poolMref)),
		ref2(TagMethodType, poolV),
		ref4(TagDynamic, 0, poolNAT),
		ref4(TagInvokeDynamic, 0, poolNAT),
		ref2(TagModule, poolM),
		ref2(TagPackage, poolM),
		utf8Entry("BootstrapMethods"),
	)
	b.attrs = append(b.attrs, attr(29, cat(u2(1), u2(23), u2(2), u2(25), u2(24))))
	// ldc int, ldc float, ldc2_w double, getstatic, invokeinterface,
	// ldc_w handle, ldc method type, ldc dynamic, invokedynamic, return.
	code := cat(
		[]byte{byte(OpLdc), 17, byte(OpLdc), 18}, []byte{byte(OpLdc2W)}, u2(19),
		[]byte{byte(OpGetstatic)}, u2(21),
		[]byte{byte(OpInvokeinterface)}, u2(22), []byte{1, 0},
		[]byte{byte(OpLdcW)}, u2(23), []byte{byte(OpLdc), 24, byte(OpLdc), 25},
		[]byte{byte(OpInvokedynamic)}, u2(26), []byte{0, 0},
		[]byte{byte(OpReturn)},
	)
	b.methods = [][]byte{member(9, poolM, poolV, codeAttr(code))}
	return b.bytes()
}

func TestEveryTagResolves(t *testing.T) {
	c, err := Parse(everyTagClass())
	if err != nil {
		t.Fatal(err)
	}
	ins, err := c.Methods[0].Code.Instructions()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range ins {
		got = append(got, in.String())
	}
	want := []string{
		"0: ldc -5",
		"2: ldc 3.1415927",
		"4: ldc2_w 3.141592653589793",
		"7: getstatic java/lang/Object.m:()V",
		"10: invokeinterface java/lang/Object.m()V",
		"15: ldc_w handle java/lang/Object.m()V",
		"18: ldc ()V",
		"20: ldc dynamic m:()V",
		"22: invokedynamic m()V",
		"27: return",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	d := ins[8].Dyn
	if d.Bootstrap == nil || d.Bootstrap.Handle.Kind != RefInvokeStatic || len(d.Bootstrap.Args) != 2 ||
		d.Bootstrap.Args[0].Dyn != ins[7].Const().Dyn || d.Bootstrap.Args[1].Str != "()V" {
		t.Errorf("bootstrap %+v", d.Bootstrap)
	}
	if !ins[4].Ref.Interface || ins[4].Int != 1 {
		t.Errorf("invokeinterface %+v", ins[4])
	}
	if c.Pool.Tag(27) != TagModule || c.Pool.Tag(28) != TagPackage {
		t.Errorf("module/package tags %v %v", c.Pool.Tag(27), c.Pool.Tag(28))
	}
	if _, err := c.Pool.Utf8(27); err == nil {
		t.Errorf("Utf8 of a Module entry succeeded")
	}
	if _, err := c.Pool.MemberRef(poolThis); err == nil {
		t.Errorf("MemberRef of a Class entry succeeded")
	}
	if _, err := c.Pool.Constant(0); err == nil {
		t.Errorf("Constant(0) succeeded")
	}
	if len(c.Pool.BootstrapMethods()) != 1 {
		t.Errorf("bootstrap methods %v", c.Pool.BootstrapMethods())
	}
}

// TestTruncatedEverywhere cuts real and built classes at every length: each
// prefix must fail with a *FormatError, never panic or succeed.
func TestTruncatedEverywhere(t *testing.T) {
	inputs := map[string][]byte{"built": baseBuilder().bytes()}
	for _, f := range fixtureFiles(t) {
		if strings.HasSuffix(f, "Features.class") || strings.HasSuffix(f, "Annotated.class") || strings.HasSuffix(f, "Point.class") {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			inputs[f] = data
		}
	}
	for name, data := range inputs {
		for n := 0; n < len(data); n++ {
			c, err := Parse(data[:n])
			var fe *FormatError
			if err == nil || !errors.As(err, &fe) || c != nil {
				t.Fatalf("%s cut at %d of %d: class=%v err=%v", name, n, len(data), c != nil, err)
			}
		}
	}
}

// decodeAll decodes every method of c, failing the test on an error.
func decodeAll(t *testing.T, c *Class) {
	t.Helper()
	for _, m := range c.Methods {
		if m.Code != nil {
			if _, err := m.Code.Instructions(); err != nil {
				t.Fatalf("%s.%s: %v", c.Name, m.Name, err)
			}
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	b := baseBuilder()
	c, err := Parse(b.bytes())
	if err != nil {
		t.Fatal(err)
	}
	pool := c.Pool
	tests := []struct {
		name string
		code []byte
		want string
	}{
		{"invalid opcode", []byte{0xcb}, "invalid opcode 0xcb at pc 0"},
		{"breakpoint", []byte{0xca}, "invalid opcode 0xca"},
		{"impdep", []byte{byte(OpNop), 0xff}, "invalid opcode 0xff at pc 1"},
		{"truncated sipush", []byte{byte(OpSipush), 1}, "truncated sipush at pc 0"},
		{"truncated invokestatic", []byte{byte(OpInvokestatic), 0}, "truncated invokestatic"},
		{"truncated wide", []byte{byte(OpWide)}, "truncated wide"},
		{"truncated wide iinc", []byte{byte(OpWide), byte(OpIinc), 0, 1, 0}, "truncated wide"},
		{"wide of bad opcode", []byte{byte(OpWide), byte(OpNop), 0, 0}, "wide applied to nop"},
		{"ldc of utf8", []byte{byte(OpLdc), poolM}, "ldc at pc 0: constant pool index 6 is Utf8, want a loadable constant"},
		{"ldc of long", []byte{byte(OpLdc), poolLong}, "is Long"},
		{"ldc2_w of string", cat([]byte{byte(OpLdc2W)}, u2(poolStr)), "is String"},
		{"ldc out of range", []byte{byte(OpLdc), 200}, "index 200 out of range (pool size 17)"},
		{"invoke of utf8", cat([]byte{byte(OpInvokevirtual)}, u2(poolM)), "want Methodref or InterfaceMethodref"},
		{"getfield of methodref", cat([]byte{byte(OpGetfield)}, u2(poolMref)), "want Fieldref"},
		{"indy of methodref", cat([]byte{byte(OpInvokedynamic)}, u2(poolMref), u2(0)), "want InvokeDynamic"},
		{"new of utf8", cat([]byte{byte(OpNew)}, u2(poolM)), "want Class"},
		{"tableswitch truncated", []byte{byte(OpTableswitch), 0, 0, 0, 0, 0}, "truncated tableswitch"},
		{"tableswitch high below low", cat([]byte{byte(OpTableswitch), 0, 0, 0}, u4(0), u4(5), u4(4)), "high 4 below low 5"},
		{"tableswitch huge", cat([]byte{byte(OpTableswitch), 0, 0, 0}, u4(0), u4(0x80000000), u4(0x7FFFFFFF)), "has 4294967296 cases but only 0 bytes"},
		{"lookupswitch negative", cat([]byte{byte(OpLookupswitch), 0, 0, 0}, u4(0), u4(0xFFFFFFFF)), "negative pair count -1"},
		{"lookupswitch huge", cat([]byte{byte(OpLookupswitch), 0, 0, 0}, u4(0), u4(0x10000000)), "has 268435456 pairs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := &Code{Bytecode: tt.code, pool: pool}
			_, err := code.Instructions()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
			checkWalk(t, code)
		})
	}
	// Without a pool every constant-pool operand is out of range.
	if _, err := (&Code{Bytecode: cat([]byte{byte(OpGetstatic)}, u2(1))}).Instructions(); err == nil {
		t.Errorf("getstatic without a pool decoded")
	}
}

func TestDecodeSwitchAlignment(t *testing.T) {
	// A tableswitch at each pc 0..3 needs 3..0 padding bytes.
	for lead := 0; lead < 4; lead++ {
		code := bytes.Repeat([]byte{byte(OpNop)}, lead)
		code = append(code, byte(OpTableswitch))
		for len(code)%4 != 0 {
			code = append(code, 0)
		}
		code = append(code, cat(u4(100), u4(0xFFFFFFFF), u4(1), u4(10), u4(20), u4(30))...)
		code = append(code, byte(OpLookupswitch))
		for len(code)%4 != 0 {
			code = append(code, 0)
		}
		lpc := bytes.LastIndexByte(code[:len(code)], byte(OpLookupswitch))
		code = append(code, cat(u4(7), u4(2), u4(0xFFFFFF00), u4(8), u4(5), u4(9))...)
		code = append(code, byte(OpReturn))
		ins, err := (&Code{Bytecode: code}).Instructions()
		if err != nil {
			t.Fatalf("lead %d: %v", lead, err)
		}
		if len(ins) != lead+3 {
			t.Fatalf("lead %d: %d instructions", lead, len(ins))
		}
		ts := ins[lead]
		if ts.PC != lead || ts.Switch.Default != lead+100 || len(ts.Switch.Cases) != 3 ||
			ts.Switch.Cases[0] != (SwitchCase{-1, lead + 10}) || ts.Switch.Cases[2] != (SwitchCase{1, lead + 30}) {
			t.Errorf("lead %d: tableswitch %+v", lead, ts.Switch)
		}
		ls := ins[lead+1]
		if ls.PC != lpc || ls.Switch.Default != lpc+7 || len(ls.Switch.Cases) != 2 ||
			ls.Switch.Cases[0] != (SwitchCase{-256, lpc + 8}) || ls.Switch.Cases[1] != (SwitchCase{5, lpc + 9}) {
			t.Errorf("lead %d: lookupswitch %+v", lead, ls.Switch)
		}
		if ins[lead+2].Op != OpReturn || ins[lead+2].PC != len(code)-1 {
			t.Errorf("lead %d: last %+v", lead, ins[lead+2])
		}
	}
}

func TestDecodeOperands(t *testing.T) {
	code := cat(
		[]byte{byte(OpBipush), 0xFE},          // 0: bipush -2
		[]byte{byte(OpSipush), 0x80, 0x00},    // 2: sipush -32768
		[]byte{byte(OpIload), 7},              // 5
		[]byte{byte(OpWide), byte(OpAstore)},  // 7: wide astore 300
		u2(300),                               //
		[]byte{byte(OpIinc), 3, 0xFF},         // 11: iinc 3 -1
		[]byte{byte(OpGoto), 0xFF, 0xF5},      // 14: goto 3 (14-11)
		[]byte{byte(OpGotoW)}, u4(0xFFFFFFFF), // 17: goto_w 16
		[]byte{byte(OpDload3), byte(OpIconstM1)}, // 22, 23
		[]byte{byte(OpRet), 4},                   // 24
	)
	ins, err := (&Code{Bytecode: code}).Instructions()
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		op         Opcode
		pc, n, tgt int
		intv, inc  int
		wide       bool
	}{
		{OpBipush, 0, -2, 0, 0, 0, false},
		{OpSipush, 2, -32768, 0, 0, 0, false},
		{OpIload, 5, 7, 0, 0, 0, false},
		{OpAstore, 7, 300, 0, 0, 0, true},
		{OpIinc, 11, 3, 0, -1, 0, false},
		{OpGoto, 14, 0, 3, 0, 0, false},
		{OpGotoW, 17, 0, 16, 0, 0, false},
		{OpDload3, 22, 3, 0, 0, 0, false},
		{OpIconstM1, 23, -1, 0, 0, 0, false},
		{OpRet, 24, 4, 0, 0, 0, false},
	}
	if len(ins) != len(want) {
		t.Fatalf("%d instructions", len(ins))
	}
	for i, w := range want {
		in := ins[i]
		if in.Op != w.op || in.PC != w.pc || in.Int != w.n || in.Target != w.tgt || int(in.Inc) != w.intv || in.Wide != w.wide {
			t.Errorf("%d: %+v, want %+v", i, in, w)
		}
	}
	// Stopping early is not an error.
	n := 0
	if err := (&Code{Bytecode: code}).Decode(func(Instr) bool { n++; return n < 2 }); err != nil || n != 2 {
		t.Errorf("early stop: n=%d err=%v", n, err)
	}
}

func TestOpcodeTable(t *testing.T) {
	valid := 0
	for i := 0; i < 256; i++ {
		op := Opcode(i)
		if op.Valid() {
			valid++
			if opLen[op] == 0 && op != OpTableswitch && op != OpLookupswitch && op != OpWide {
				t.Errorf("%s has no length", op)
			}
		} else if opLen[op] != 0 || !strings.HasPrefix(op.String(), "opcode(0x") {
			t.Errorf("undefined opcode %#x: %q len %d", i, op, opLen[op])
		}
	}
	if valid != 202 {
		t.Errorf("%d defined opcodes, want 202", valid)
	}
	for op, name := range map[Opcode]string{
		OpInvokestatic: "invokestatic", OpPutstatic: "putstatic", OpAconstNull: "aconst_null", OpLdc2W: "ldc2_w",
		OpInvokedynamic: "invokedynamic", OpMultianewarray: "multianewarray", OpJsrW: "jsr_w", OpIfAcmpne: "if_acmpne",
	} {
		if op.String() != name {
			t.Errorf("%#x: %q, want %q", uint8(op), op.String(), name)
		}
	}
	if !OpInvokeinterface.IsInvoke() || !OpInvokedynamic.IsInvoke() || OpPutstatic.IsInvoke() || OpNew.IsInvoke() {
		t.Error("IsInvoke")
	}
	if !OpGetfield.IsFieldAccess() || OpInvokevirtual.IsFieldAccess() {
		t.Error("IsFieldAccess")
	}
	if !OpIfnull.IsBranch() || !OpGoto.IsBranch() || !OpTableswitch.IsBranch() || OpRet.IsBranch() || OpReturn.IsBranch() {
		t.Error("IsBranch")
	}
	if !OpReturn.IsReturn() || !OpAreturn.IsReturn() || OpAthrow.IsReturn() {
		t.Error("IsReturn")
	}
}

func TestLineAt(t *testing.T) {
	c := &Code{Lines: []LineEntry{{0, 10}, {4, 11}, {4, 12}, {9, 9}}}
	for pc, want := range map[int]int{0: 10, 3: 10, 4: 12, 8: 12, 9: 9, 100: 9, -1: 0} {
		if got := c.LineAt(pc); got != want {
			t.Errorf("LineAt(%d) = %d, want %d", pc, got, want)
		}
	}
	if (&Code{}).LineAt(0) != 0 {
		t.Error("LineAt without lines")
	}
	// An unsorted table (allowed) is sorted on parse.
	b := baseBuilder()
	b.methods = [][]byte{member(9, poolM, poolV, codeAttr([]byte{byte(OpNop), byte(OpNop), byte(OpReturn)},
		attr(poolLNT, cat(u2(2), u2(2), u2(30), u2(0), u2(10))),
		attr(poolLNT, cat(u2(1), u2(1), u2(20)))))}
	cl, err := Parse(b.bytes())
	if err != nil {
		t.Fatal(err)
	}
	code := cl.Methods[0].Code
	if code.LineAt(0) != 10 || code.LineAt(1) != 20 || code.LineAt(2) != 30 {
		t.Errorf("lines %v", code.Lines)
	}
}

func TestModifiedUTF8(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"caf\xc3\xa9", "café"},
		{"a\xc0\x80b", "a\x00b"},                   // modified UTF-8 NUL
		{"\xed\xa0\xbd\xed\xb8\x80", "\U0001F600"}, // surrogate pair
		{"\xed\xa0\xbd", "\uFFFD"},                 // lone high surrogate
		{"\xed\xb8\x80x", "\uFFFDx"},               // lone low surrogate
		{"\xe4\xb8", "\uFFFD\uFFFD"},               // truncated sequence
		{"\xff", "\uFFFD"},
	}
	for _, tt := range tests {
		if got := decodeMUTF8(tt.in); got != tt.want {
			t.Errorf("decodeMUTF8(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	b := baseBuilder()
	b.pool[poolThisName-1] = cat([]byte{1}, u2(6), []byte("a\xc0\x80\xc3\xa9b"))
	c, err := Parse(b.bytes())
	if err != nil || c.Name != "a\x00éb" {
		t.Fatalf("name %q err %v", c.Name, err)
	}
}

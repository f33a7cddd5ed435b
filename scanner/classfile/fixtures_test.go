package classfile

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

const fixtureRoot = "../../testdata/classfile"

// fixtureDirs are the javac outputs of testdata/classfile/build.sh and the
// major version each must carry.
var fixtureDirs = []struct {
	dir   string
	major uint16
}{
	{"classes8", 52},
	{"classes17", 61},
}

func loadClass(t testing.TB, dir, name string) *Class {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtureRoot, dir, "fixture", name+".class"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse(data)
	if err != nil {
		t.Fatalf("%s/%s: %v", dir, name, err)
	}
	return c
}

// fixtureFiles returns every fixture class file, sorted.
func fixtureFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(fixtureRoot, "classes*", "fixture", "*.class"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixture classes (run testdata/classfile/build.sh): %v", err)
	}
	sort.Strings(files)
	return files
}

// call is an instruction in the compact form the expectations use.
type call struct {
	op   string
	arg  string
	line int
}

// calls decodes m and returns the instructions accepted by keep.
func calls(t *testing.T, c *Class, method string, keep func(*Instr) bool) []call {
	t.Helper()
	m := c.Method(method, "")
	if m == nil || m.Code == nil {
		t.Fatalf("%s: no method %s with code", c.Name, method)
	}
	var out []call
	err := m.Code.Decode(func(in Instr) bool {
		if !keep(&in) {
			return true
		}
		arg := ""
		switch {
		case in.Ref != nil:
			arg = in.Ref.String()
		case in.Dyn != nil:
			arg = in.Dyn.Name + in.Dyn.Desc
		case in.Const().Kind != 0:
			arg = in.Const().String()
		case in.Class != "":
			arg = in.Class
		}
		out = append(out, call{in.Op.String(), arg, m.Code.LineAt(in.PC)})
		return true
	})
	if err != nil {
		t.Fatalf("%s.%s: %v", c.Name, method, err)
	}
	return out
}

func all(*Instr) bool { return true }

// interesting keeps what the bytecode rules look at.
func interesting(in *Instr) bool {
	return in.Op.IsInvoke() || in.Op == OpPutstatic || in.Op == OpGetstatic || in.Op == OpAconstNull ||
		in.Op == OpLdc || in.Op == OpLdcW || in.Op == OpLdc2W || in.Op == OpNew
}

func sameCalls(t *testing.T, where string, got, want []call) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %d instructions, want %d:\n got  %v\n want %v", where, len(got), len(want), got, want)
		return
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("%s[%d]: got %v, want %v", where, i, got[i], want[i])
		}
	}
}

func TestFixturesParse(t *testing.T) {
	for _, path := range fixtureFiles(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		c, err := Parse(data)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		want := uint16(52)
		if strings.Contains(path, "classes17") {
			want = 61
		}
		if c.Major != want || c.Minor != 0 || c.Newer {
			t.Errorf("%s: version %d.%d newer=%v, want %d.0", path, c.Major, c.Minor, c.Newer, want)
		}
		if !strings.HasPrefix(c.Name, "fixture/") || c.SourceFile == "" {
			t.Errorf("%s: name %q source %q", path, c.Name, c.SourceFile)
		}
		for _, m := range c.Methods {
			if m.Code == nil {
				if !m.Access.Has(AccAbstract) && !m.Access.Has(AccNative) {
					t.Errorf("%s.%s: concrete method without code", c.Name, m.Name)
				}
				continue
			}
			// Every instruction must decode and the lengths must tile the code.
			end := 0
			if err := m.Code.Decode(func(in Instr) bool {
				if in.PC != end {
					t.Errorf("%s.%s: instruction at %d, want %d", c.Name, m.Name, in.PC, end)
				}
				end = in.PC + int(in.Len)
				return true
			}); err != nil {
				t.Errorf("%s.%s: %v", c.Name, m.Name, err)
			}
			if end != len(m.Code.Bytecode) {
				t.Errorf("%s.%s: decoded %d of %d bytes", c.Name, m.Name, end, len(m.Code.Bytecode))
			}
			if len(m.Code.Lines) == 0 {
				t.Errorf("%s.%s: no line numbers", c.Name, m.Name)
			}
		}
	}
}

func TestStaticFields(t *testing.T) {
	for _, fd := range fixtureDirs {
		c := loadClass(t, fd.dir, "StaticState")
		if c.Name != "fixture/StaticState" || c.Super != "java/lang/Object" || c.Access != AccPublic|AccSuper {
			t.Errorf("%s: class %s super %s access %#x", fd.dir, c.Name, c.Super, c.Access)
		}
		fields := []struct {
			name, desc string
			access     AccessFlags
			cv         string // Constant.String() of ConstantValue, "" for none
		}{
			{"CONST", "I", AccPublic | AccStatic | AccFinal, "42"},
			{"NAME", "Ljava/lang/String;", AccPublic | AccStatic | AccFinal, `"kscan"`},
			{"BIG", "J", AccPublic | AccStatic | AccFinal, "1234567890123"},
			{"PI", "D", AccPublic | AccStatic | AccFinal, "3.141592653589793"},
			{"CACHE", "Ljava/util/Map;", AccPublic | AccStatic | AccFinal, ""},
			{"counter", "I", AccStatic, ""},
			{"last", "Ljava/lang/String;", AccPrivate | AccStatic | AccVolatile, ""},
		}
		if len(c.Fields) != len(fields) {
			t.Fatalf("%s: %d fields, want %d", fd.dir, len(c.Fields), len(fields))
		}
		for i, w := range fields {
			f := c.Fields[i]
			cv := ""
			if f.ConstantValue != nil {
				cv = f.ConstantValue.String()
			}
			if f.Name != w.name || f.Desc != w.desc || f.Access != w.access || cv != w.cv {
				t.Errorf("%s: field %d = %s %s %#x cv=%s, want %+v", fd.dir, i, f.Name, f.Desc, f.Access, cv, w)
			}
		}
		if cv := c.Field("BIG").ConstantValue; cv.Kind != TagLong || cv.Int != 1234567890123 {
			t.Errorf("%s: BIG constant %+v", fd.dir, cv)
		}
		if cv := c.Field("PI").ConstantValue; cv.Kind != TagDouble || cv.Float != 3.141592653589793 {
			t.Errorf("%s: PI constant %+v", fd.dir, cv)
		}
		if sig := c.Field("CACHE").Signature; sig != "Ljava/util/Map<Ljava/lang/String;Ljava/lang/Object;>;" {
			t.Errorf("%s: CACHE signature %q", fd.dir, sig)
		}
		putstatic := func(in *Instr) bool { return in.Op == OpPutstatic }
		sameCalls(t, fd.dir+" <clinit>", calls(t, c, "<clinit>", putstatic), []call{
			{"putstatic", "fixture/StaticState.CACHE:Ljava/util/Map;", 11},
			{"putstatic", "fixture/StaticState.counter:I", 16},
			{"putstatic", "fixture/StaticState.last:Ljava/lang/String;", 17},
		})
		sameCalls(t, fd.dir+" bump", calls(t, c, "bump", all), []call{
			{"getstatic", "fixture/StaticState.counter:I", 21},
			{"iconst_1", "", 21},
			{"iadd", "", 21},
			{"putstatic", "fixture/StaticState.counter:I", 21},
			{"return", "", 22},
		})
		sameCalls(t, fd.dir+" remember", calls(t, c, "remember", putstatic), []call{
			{"putstatic", "fixture/StaticState.last:Ljava/lang/String;", 25},
		})
		if m := c.Method("bump", "()V"); m == nil || m.Access != AccStatic {
			t.Errorf("%s: bump %+v", fd.dir, m)
		}

		w := loadClass(t, fd.dir, "Writer")
		sameCalls(t, fd.dir+" Writer.write", calls(t, w, "write", interesting), []call{
			{"putstatic", "fixture/StaticState.counter:I", 5},
			{"getstatic", "fixture/StaticState.CACHE:Ljava/util/Map;", 6},
			{"ldc", `"k"`, 6},
			{"invokeinterface", "java/util/Map.put(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", 6},
		})
	}
}

func TestClassLoading(t *testing.T) {
	const forName3 = "java/lang/Class.forName(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;"
	const getCL = "java/lang/Class.getClassLoader()Ljava/lang/ClassLoader;"
	for _, fd := range fixtureDirs {
		c := loadClass(t, fd.dir, "Loading")
		sameCalls(t, fd.dir+" one", calls(t, c, "one", interesting), []call{
			{"invokestatic", "java/lang/Class.forName(Ljava/lang/String;)Ljava/lang/Class;", 7},
		})
		sameCalls(t, fd.dir+" three", calls(t, c, "three", interesting), []call{
			{"ldc", "fixture/Loading.class", 11},
			{"invokevirtual", getCL, 11},
			{"invokestatic", forName3, 11},
		})
		sameCalls(t, fd.dir+" viaGetClass", calls(t, c, "viaGetClass", interesting), []call{
			{"invokevirtual", "java/lang/Object.getClass()Ljava/lang/Class;", 15},
			{"invokevirtual", getCL, 15},
			{"invokestatic", forName3, 15},
		})
		sameCalls(t, fd.dir+" viaNull", calls(t, c, "viaNull", interesting), []call{
			{"aconst_null", "", 19},
			{"invokestatic", forName3, 19},
		})
		sameCalls(t, fd.dir+" services", calls(t, c, "services", interesting), []call{
			{"ldc", "java/lang/Runnable.class", 23},
			{"invokestatic", "java/util/ServiceLoader.load(Ljava/lang/Class;)Ljava/util/ServiceLoader;", 23},
			{"ldc", "java/lang/Runnable.class", 24},
			{"ldc", "fixture/Loading.class", 24},
			{"invokevirtual", getCL, 24},
			{"invokestatic", "java/util/ServiceLoader.load(Ljava/lang/Class;Ljava/lang/ClassLoader;)Ljava/util/ServiceLoader;", 24},
			{"invokevirtual", "java/util/ServiceLoader.iterator()Ljava/util/Iterator;", 25},
			{"invokevirtual", "java/util/ServiceLoader.iterator()Ljava/util/Iterator;", 26},
		})
		sameCalls(t, fd.dir+" props", calls(t, c, "props", interesting), []call{
			{"ldc", `"app.id"`, 30},
			{"ldc", `"biz1"`, 30},
			{"invokestatic", "java/lang/System.setProperty(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;", 30},
		})
		m := c.Method("one", "(Ljava/lang/String;)Ljava/lang/Class;")
		if m == nil || len(m.Exceptions) != 1 || m.Exceptions[0] != "java/lang/ClassNotFoundException" {
			t.Errorf("%s: one() exceptions %+v", fd.dir, m)
		}
		// The pool pre-filter sees the same reference.
		found := false
		for _, r := range c.Pool.MemberRefs() {
			if r.Is("java/lang/System", "setProperty", "") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: MemberRefs lacks System.setProperty", fd.dir)
		}
		var strs []string
		c.Pool.Strings(func(s string) bool { strs = append(strs, s); return true })
		if strings.Join(strs, ",") != "app.id,biz1" {
			t.Errorf("%s: Strings = %v", fd.dir, strs)
		}
	}
}

func TestFeatures(t *testing.T) {
	for _, fd := range fixtureDirs {
		c := loadClass(t, fd.dir, "Features")
		sameCalls(t, fd.dir+" <init>", calls(t, c, "<init>", func(in *Instr) bool { return in.Op == OpLdc || in.Op == OpLdc2W }), []call{
			{"ldc2_w", "1234567890123", 6},
			{"ldc2_w", "2.718281828", 7},
			{"ldc", "3.5", 8},
			{"ldc", "100000", 9},
		})
		var consts []Constant
		_ = c.Method("<init>", "").Code.Decode(func(in Instr) bool {
			if in.Const().Kind != 0 {
				consts = append(consts, in.Const())
			}
			return true
		})
		if len(consts) != 4 || consts[0].Kind != TagLong || consts[1].Kind != TagDouble || consts[1].Float != 2.718281828 ||
			consts[2].Kind != TagFloat || consts[2].Float != 3.5 || consts[3].Kind != TagInteger || consts[3].Int != 100000 {
			t.Errorf("%s: constants %+v", fd.dir, consts)
		}

		lambda := indy(t, c, "lambda")
		if !lambda.IsLambda() || lambda.Name != "run" || lambda.Desc != "(Ljava/lang/String;)Ljava/lang/Runnable;" {
			t.Errorf("%s: lambda indy %+v", fd.dir, lambda)
		}
		if bsm := lambda.Bootstrap.Handle; bsm.Kind != RefInvokeStatic || bsm.Ref.Name != "metafactory" {
			t.Errorf("%s: lambda bootstrap %+v", fd.dir, bsm.Ref)
		}
		if tg := lambda.LambdaTarget(); tg == nil || tg.Owner != "fixture/Features" || !strings.HasPrefix(tg.Name, "lambda$lambda$") || tg.Desc != "(Ljava/lang/String;)V" {
			t.Errorf("%s: lambda target %v", fd.dir, tg)
		} else if body := c.Method(tg.Name, tg.Desc); body == nil || !body.Access.Has(AccSynthetic|AccStatic) {
			t.Errorf("%s: lambda body %+v", fd.dir, body)
		}
		if tg := indy(t, c, "methodRef").LambdaTarget(); !tg.Is("java/lang/Object", "toString", "()Ljava/lang/String;") {
			t.Errorf("%s: method ref target %v", fd.dir, tg)
		}

		tf := c.Method("tryFinally", "(Ljava/lang/Runnable;)I").Code
		finally := 0
		for _, h := range tf.Handlers {
			if h.CatchType == "" {
				finally++
				if h.StartPC != 0 || h.EndPC <= h.StartPC || h.HandlerPC < h.EndPC {
					t.Errorf("%s: finally handler %+v", fd.dir, h)
				}
				if l := tf.LineAt(h.HandlerPC); l != 24 {
					t.Errorf("%s: finally handler line %d, want 24", fd.dir, l)
				}
			}
		}
		if finally == 0 {
			t.Errorf("%s: no catch-any handler in %+v", fd.dir, tf.Handlers)
		}

		checkSwitch(t, c, "table", OpTableswitch, []int32{1, 2, 3, 4}, []int{30, 31, 32, 33}, 34)
		checkSwitch(t, c, "lookup", OpLookupswitch, []int32{1, 100, 100000}, []int{40, 41, 42}, 43)

		ins, err := c.Method("wide", "(I)I").Code.Instructions()
		if err != nil {
			t.Fatal(err)
		}
		var sawWide, sawMulti, sawNewarray bool
		for _, in := range ins {
			switch {
			case in.Wide:
				sawWide = in.Op == OpIinc && in.Int == 9 && in.Inc == 1000 && in.Len == 6
			case in.Op == OpMultianewarray:
				sawMulti = in.Class == "[[I" && in.Int == 2
			case in.Op == OpNewarray:
				sawNewarray = in.Int == 10 // T_INT
			case in.Op == OpIfeq:
				if in.Target <= in.PC || c.Method("wide", "").Code.LineAt(in.Target) != 55 {
					t.Errorf("%s: ifeq target %d", fd.dir, in.Target)
				}
			}
		}
		if !sawWide || !sawMulti || !sawNewarray {
			t.Errorf("%s: wide=%v multianewarray=%v newarray=%v", fd.dir, sawWide, sawMulti, sawNewarray)
		}
	}
}

func indy(t *testing.T, c *Class, method string) *Dynamic {
	t.Helper()
	var d *Dynamic
	_ = c.Method(method, "").Code.Decode(func(in Instr) bool {
		if in.Op == OpInvokedynamic {
			d = in.Dyn
			return false
		}
		return true
	})
	if d == nil || d.Bootstrap == nil {
		t.Fatalf("%s.%s: no invokedynamic with bootstrap", c.Name, method)
	}
	return d
}

func checkSwitch(t *testing.T, c *Class, method string, op Opcode, keys []int32, lines []int, defLine int) {
	t.Helper()
	code := c.Method(method, "").Code
	var sw *Switch
	_ = code.Decode(func(in Instr) bool {
		if in.Op == op {
			sw = in.Switch
		}
		return true
	})
	if sw == nil || len(sw.Cases) != len(keys) {
		t.Fatalf("%s: %s switch %+v", c.Name, method, sw)
	}
	for i, cs := range sw.Cases {
		if cs.Key != keys[i] || code.LineAt(cs.Target) != lines[i] {
			t.Errorf("%s.%s case %d: key %d line %d, want %d line %d", c.Name, method, i, cs.Key, code.LineAt(cs.Target), keys[i], lines[i])
		}
	}
	if code.LineAt(sw.Default) != defLine {
		t.Errorf("%s.%s default line %d, want %d", c.Name, method, code.LineAt(sw.Default), defLine)
	}
}

func TestAnnotations(t *testing.T) {
	for _, fd := range fixtureDirs {
		c := loadClass(t, fd.dir, "Annotated")
		m := c.Annotation("Lfixture/Marker;")
		if m == nil || !m.Visible {
			t.Fatalf("%s: Marker %+v", fd.dir, m)
		}
		str := func(name string) string { v, _ := m.Get(name); return v.Str }
		if str("value") != "svc" {
			t.Errorf("value = %q", str("value"))
		}
		if v, _ := m.Get("n"); v.Tag != 'I' || v.Int != 7 {
			t.Errorf("n = %+v", v)
		}
		if v, _ := m.Get("level"); v.Tag != 'e' || v.EnumType != "Lfixture/Level;" || v.Str != "HIGH" {
			t.Errorf("level = %+v", v)
		}
		if v, _ := m.Get("type"); v.Tag != 'c' || v.Str != "Ljava/lang/String;" {
			t.Errorf("type = %+v", v)
		}
		if v, _ := m.Get("tags"); v.Tag != '[' || len(v.Array) != 2 || v.Array[0].Str != "a" || v.Array[1].Str != "b" {
			t.Errorf("tags = %+v", v)
		}
		if v, _ := m.Get("nested"); v.Tag != '@' || v.Annotation.Type != "Lfixture/Nested;" || v.Annotation.Elements[0].Value.Str != "in" {
			t.Errorf("nested = %+v", v)
		}
		if v, _ := m.Get("more"); len(v.Array) != 2 || v.Array[1].Annotation == nil || v.Array[1].Annotation.Elements[0].Value.Str != "m2" {
			t.Errorf("more = %+v", v)
		}
		if v, _ := m.Get("big"); v.Tag != 'J' || v.Int != 1<<40 {
			t.Errorf("big = %+v", v)
		}
		if v, _ := m.Get("flag"); v.Tag != 'Z' || v.Int != 1 {
			t.Errorf("flag = %+v", v)
		}
		if v, _ := m.Get("ch"); v.Tag != 'C' || v.Int != 'z' {
			t.Errorf("ch = %+v", v)
		}
		if v, _ := m.Get("d"); v.Tag != 'D' || v.Float != 1.5 {
			t.Errorf("d = %+v", v)
		}
		if _, ok := m.Get("absent"); ok {
			t.Errorf("absent element found")
		}
		if n := c.Annotation("Lfixture/Nested;"); n == nil || n.Visible || n.Elements[0].Value.Str != "class-retention" {
			t.Errorf("%s: class-retention annotation %+v", fd.dir, n)
		}

		f := c.Field("field")
		if len(f.Annotations) != 2 || f.Annotation("Ljava/lang/Deprecated;") == nil || f.Annotations[0].Elements[0].Value.Str != "field" {
			t.Errorf("%s: field annotations %+v", fd.dir, f.Annotations)
		}
		meth := c.Method("method", "()V")
		if ma := meth.Annotation("Lfixture/Marker;"); ma == nil || len(ma.Elements) != 1 || ma.Elements[0].Value.Tag != '[' || len(ma.Elements[0].Value.Array) != 0 {
			t.Errorf("%s: method Marker %+v", fd.dir, ma)
		}
		if na := meth.Annotation("Lfixture/Nested;"); na == nil || na.Visible {
			t.Errorf("%s: method Nested %+v", fd.dir, na)
		}
		if strings.Join(meth.Exceptions, ",") != "java/io/IOException,java/lang/InterruptedException" {
			t.Errorf("%s: exceptions %v", fd.dir, meth.Exceptions)
		}

		ma := loadClass(t, fd.dir, "Marker")
		if !ma.Access.Has(AccAnnotation|AccInterface|AccAbstract) || len(ma.Interfaces) != 1 || ma.Interfaces[0] != "java/lang/annotation/Annotation" {
			t.Errorf("%s: Marker class %#x %v", fd.dir, ma.Access, ma.Interfaces)
		}
		if r := ma.Annotation("Ljava/lang/annotation/Retention;"); r == nil || r.Elements[0].Value.Str != "RUNTIME" {
			t.Errorf("%s: Retention %+v", fd.dir, r)
		}
	}
}

func TestNestingAndKinds(t *testing.T) {
	for _, fd := range fixtureDirs {
		outer := loadClass(t, fd.dir, "Outer")
		if outer.IsNested() || outer.OuterClass() != "" || len(outer.InnerClasses) != 3 {
			t.Errorf("%s: Outer nested=%v outer=%q inner=%+v", fd.dir, outer.IsNested(), outer.OuterClass(), outer.InnerClasses)
		}
		in := loadClass(t, fd.dir, "Outer$Inner")
		if !in.IsNested() || in.IsAnonymous() || in.OuterClass() != "fixture/Outer" || in.InnerInfo().InnerName != "Inner" {
			t.Errorf("%s: Inner %+v", fd.dir, in.InnerClasses)
		}
		sn := loadClass(t, fd.dir, "Outer$StaticNested")
		if ii := sn.InnerInfo(); ii == nil || !ii.Access.Has(AccStatic) {
			t.Errorf("%s: StaticNested %+v", fd.dir, sn.InnerClasses)
		}
		anon := loadClass(t, fd.dir, "Outer$1")
		if !anon.IsAnonymous() || anon.OuterClass() != "fixture/Outer" || anon.EnclosingMethod == nil ||
			anon.EnclosingMethod.Name != "anon" || anon.EnclosingMethod.Desc != "()Ljava/lang/Runnable;" {
			t.Errorf("%s: Outer$1 %+v %+v", fd.dir, anon.InnerClasses, anon.EnclosingMethod)
		}
		sameCalls(t, fd.dir+" Outer$1.run", calls(t, anon, "run", interesting), []call{
			{"getstatic", "java/lang/System.out:Ljava/io/PrintStream;", 17},
			{"ldc", `"anon"`, 17},
			{"invokevirtual", "java/io/PrintStream.println(Ljava/lang/String;)V", 17},
		})

		lv := loadClass(t, fd.dir, "Level")
		if !lv.Access.Has(AccEnum|AccFinal) || lv.Super != "java/lang/Enum" || lv.Signature != "Ljava/lang/Enum<Lfixture/Level;>;" {
			t.Errorf("%s: Level %#x %s %q", fd.dir, lv.Access, lv.Super, lv.Signature)
		}
		if f := lv.Field("HIGH"); f == nil || f.Access != AccPublic|AccStatic|AccFinal|AccEnum {
			t.Errorf("%s: Level.HIGH %+v", fd.dir, f)
		}

		sh := loadClass(t, fd.dir, "Shape")
		if !sh.Access.Has(AccInterface | AccAbstract) {
			t.Errorf("%s: Shape access %#x", fd.dir, sh.Access)
		}
		if m := sh.Method("area", "()D"); m == nil || m.Code != nil || !m.Access.Has(AccAbstract) {
			t.Errorf("%s: Shape.area %+v", fd.dir, m)
		}
		if m := sh.Method("describe", ""); m == nil || m.Code == nil || m.Access.Has(AccAbstract) {
			t.Errorf("%s: default method describe %+v", fd.dir, m)
		}
		if tg := indy(t, sh, "unit").LambdaTarget(); tg == nil || !tg.Interface || tg.Owner != "fixture/Shape" {
			t.Errorf("%s: Shape.unit lambda target %+v", fd.dir, tg)
		}
	}

	p := loadClass(t, "classes17", "Point")
	if p.Super != "java/lang/Record" || !p.Access.Has(AccFinal) {
		t.Errorf("Point super %s access %#x", p.Super, p.Access)
	}
	d := indy(t, p, "toString")
	if d.IsLambda() || d.Bootstrap.Handle.Ref.Owner != "java/lang/runtime/ObjectMethods" || len(d.Bootstrap.Args) != 4 {
		t.Errorf("Point.toString indy %+v", d.Bootstrap)
	}
	if a := d.Bootstrap.Args; a[0].Kind != TagClass || a[0].Str != "fixture/Point" || a[1].Kind != TagString || a[1].Str != "x;y" ||
		a[2].Kind != TagMethodHandle || a[2].Handle.Kind != RefGetField || a[2].Handle.Ref.String() != "fixture/Point.x:I" {
		t.Errorf("Point bootstrap args %+v", a)
	}
	sameCalls(t, "Point.<init>", calls(t, p, "<init>", interesting), []call{
		{"invokespecial", "java/lang/Record.<init>()V", 4},
		{"new", "java/lang/IllegalArgumentException", 6},
		{"ldc", `"x"`, 6},
		{"invokespecial", "java/lang/IllegalArgumentException.<init>(Ljava/lang/String;)V", 6},
	})
	// Java 9+ string concatenation is an invokedynamic that is not a lambda.
	if d := indy(t, loadClass(t, "classes17", "Shape"), "describe"); d.IsLambda() || d.Name != "makeConcatWithConstants" {
		t.Errorf("Shape.describe indy %+v", d)
	}
}

package classfile

import (
	"strings"
	"testing"
	"unsafe"
)

func TestArgCount(t *testing.T) {
	for desc, want := range map[string]int{
		"()V": 0, "(I)V": 1, "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;": 3,
		"([[I[Ljava/lang/Object;JD)V": 4, "": -1, "V": -1, "(Ljava/lang/String": -1, "(Q)V": -1, "(I": -1,
	} {
		if got := ArgCount(desc); got != want {
			t.Errorf("ArgCount(%q) = %d, want %d", desc, got, want)
		}
	}
}

func TestArgSource(t *testing.T) {
	for _, fd := range fixtureDirs {
		c := loadClass(t, fd.dir, "Loading")
		// source describes the producer of argument arg of the first call
		// to owner.name in method, and of that producer's receiver.
		source := func(method, owner, name string, arg int) (string, string) {
			code := c.Method(method, "").Code
			ins, err := code.Instructions()
			if err != nil {
				t.Fatal(err)
			}
			for i := range ins {
				if ins[i].Ref.Is(owner, name, "") {
					j := code.ArgSource(ins, i, arg)
					if j < 0 {
						return "unknown", ""
					}
					recv := ""
					if ins[j].Op.IsInvoke() {
						if k := code.ArgSource(ins, j, -1); k >= 0 {
							recv = describe(&ins[k])
						}
					}
					return describe(&ins[j]), recv
				}
			}
			t.Fatalf("%s: no call to %s.%s", method, owner, name)
			return "", ""
		}
		tests := []struct {
			method, owner, name string
			arg                 int
			want, recv          string
		}{
			{"three", "java/lang/Class", "forName", 2, "invokevirtual java/lang/Class.getClassLoader()Ljava/lang/ClassLoader;", "ldc fixture/Loading.class"},
			{"three", "java/lang/Class", "forName", 0, "aload_1", ""},
			{"three", "java/lang/Class", "forName", 1, "iconst_1", ""},
			{"three", "java/lang/Class", "forName", -1, "unknown", ""},
			{"viaGetClass", "java/lang/Class", "forName", 2, "invokevirtual java/lang/Class.getClassLoader()Ljava/lang/ClassLoader;", "invokevirtual java/lang/Object.getClass()Ljava/lang/Class;"},
			{"viaNull", "java/lang/Class", "forName", 2, "aconst_null", ""},
			{"services", "java/util/ServiceLoader", "load", 0, "ldc java/lang/Runnable.class", ""},
			{"props", "java/lang/System", "setProperty", 0, `ldc "app.id"`, ""},
			{"props", "java/lang/System", "setProperty", 1, `ldc "biz1"`, ""},
			// A value chosen on two paths is not guessed.
			{"ternary", "java/lang/Class", "forName", 2, "unknown", ""},
			{"ternary", "java/lang/Class", "forName", 0, "unknown", ""},
		}
		for _, tt := range tests {
			got, recv := source(tt.method, tt.owner, tt.name, tt.arg)
			if got != tt.want || recv != tt.recv {
				t.Errorf("%s %s arg %d: %q (receiver %q), want %q (%q)", fd.dir, tt.method, tt.arg, got, recv, tt.want, tt.recv)
			}
		}
		// ServiceLoader.load(Class, ClassLoader) is the second load call.
		code := c.Method("services", "").Code
		ins, _ := code.Instructions()
		for i := range ins {
			if ins[i].Ref.Is("java/util/ServiceLoader", "load", "(Ljava/lang/Class;Ljava/lang/ClassLoader;)Ljava/util/ServiceLoader;") {
				j := code.ArgSource(ins, i, 1)
				if j < 0 || !ins[j].Ref.Is("java/lang/Class", "getClassLoader", "") {
					t.Errorf("%s: load loader source %d", fd.dir, j)
				} else if k := code.ArgSource(ins, j, -1); k < 0 || ins[k].Const().Str != "fixture/Loading" {
					t.Errorf("%s: getClassLoader receiver %d", fd.dir, k)
				}
			}
		}
	}
	// Out-of-range queries are -1, never a panic.
	code := &Code{}
	if code.Source(nil, 0, 0) != -1 || code.ArgSource(nil, 3, 0) != -1 {
		t.Error("empty input")
	}
}

// describe is Instr.String without the pc.
func describe(in *Instr) string {
	s := in.String()
	return s[strings.Index(s, ": ")+2:]
}

// TestConcurrentDecode decodes one class from many goroutines; the lazy
// resolution of the pool must be safe (run with -race).
func TestConcurrentDecode(t *testing.T) {
	c := loadClass(t, "classes17", "Features")
	done := make(chan error)
	for g := 0; g < 8; g++ {
		go func() {
			var err error
			for _, m := range c.Methods {
				if m.Code != nil {
					if _, e := m.Code.Instructions(); e != nil {
						err = e
					}
				}
			}
			done <- err
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// TestInstrSize keeps the decoded instruction small: a scan of many jars
// clears and writes about a million of them.
func TestInstrSize(t *testing.T) {
	if n := unsafe.Sizeof(Instr{}); n > 88 {
		t.Errorf("Instr is %d bytes, want at most 88", n)
	}
}

// TestSourceThroughDup checks the walk that crosses a dup: an argument
// before a new X() (new; dup; <init>) is found, where Source gives up, and
// the new X() itself is found at its new; x++ read as a value finds the
// getstatic it bumps.
func TestSourceThroughDup(t *testing.T) {
	ref := func(owner, name, desc string) *MemberRef {
		return &MemberRef{Kind: TagMethodref, Owner: owner, Name: name, Desc: desc}
	}
	field := &MemberRef{Kind: TagFieldref, Owner: "p/C", Name: "n", Desc: "I"}
	// makeClass("Error", base, new Dict()) with base in local 1.
	call := []Instr{
		{PC: 0, Op: OpLdc},
		{PC: 2, Op: OpAload1, Int: 1},
		{PC: 3, Op: OpNew, Class: "p/Dict"},
		{PC: 6, Op: OpDup},
		{PC: 7, Op: OpInvokespecial, Ref: ref("p/Dict", "<init>", "()V")},
		{PC: 10, Op: OpInvokestatic, Ref: ref("p/Py", "makeClass", "(Ljava/lang/String;Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;")},
		{PC: 13, Op: OpReturn},
	}
	var f Flow
	f.Reset(&Code{}, call)
	for arg, want := range []int{0, 1, 2} {
		if got := f.ArgSource(5, arg); arg < 2 && got != -1 {
			t.Errorf("ArgSource(makeClass, %d) = %d, want -1 (a dup stops it)", arg, got)
		}
		if got := f.ArgSourceThroughDup(5, arg); got != want {
			t.Errorf("ArgSourceThroughDup(makeClass, %d) = %d, want %d", arg, got, want)
		}
	}
	// String s = "" + n++: getstatic n; dup; iconst_1; iadd; putstatic n.
	bump := []Instr{
		{PC: 0, Op: OpGetstatic, Ref: field},
		{PC: 3, Op: OpDup},
		{PC: 4, Op: OpIconst1, Int: 1},
		{PC: 5, Op: OpIadd},
		{PC: 6, Op: OpPutstatic, Ref: field},
		{PC: 9, Op: OpReturn},
	}
	f.Reset(&Code{}, bump)
	if got := f.SourceThroughDup(3, 1); got != 0 {
		t.Errorf("SourceThroughDup(iadd, 1) = %d, want 0 (the getstatic)", got)
	}
	if got := f.Source(3, 1); got != -1 {
		t.Errorf("Source(iadd, 1) = %d, want -1", got)
	}
}

package rules

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kscan/kscan/internal/corpus"
)

// A static block is plain when all it runs, it runs while the class
// initialises; each case marks the plain blocks' braces with « and ».
func TestPlainStaticBlocks(t *testing.T) {
	for _, c := range []string{
		"class A { static int n; static «{ n = 1; for (int i = 0; i < 2; i++) { n += i; } }» }",
		"class A { static final Map M = new HashMap(); static «{ M.put(\"a\", new Object()); M.put(\"b\", B.class); }» }",
		"class A { static int[] T; static «{ T = new int[] {1, 2}; String[] s = {\"}\"}; }» }",
		"class A { static int n; static { new Thread(() -> n = 2).start(); } }",
		"class A { static int n; static { Runtime.getRuntime().addShutdownHook(new Thread() { public void run() { n = 0; } }); } }",
		"class A { static int n; static { class L { void f() { n = 3; } } } }",
		"class A { static int n; static { switch (k) { case 1 -> n = 1; default -> n = 2; } } }",
		// the word and the braces in comments, strings and text blocks
		"class A { // static { n = 1;\n void f() { n = 2; } }",
		"class A { String s = \"static { \"; void f() { n = 2; } }",
		"class A { String s = \"\"\"\n static { \"\"\"; void f() { n = 2; } }",
		"class A { static «{ /* } */ n = 1; // }\n String s = \"}\"; char c = '}'; }» void f() { n = 2; } }",
		"class A { static { n = 1;", // not closed
		// control statements' braces after a ')' are no class bodies
		"class A { static «{ if (new File(p).exists()) { n = 1; } try (InputStream in = new FileInputStream(f)) { n = 2; } catch (IOException e) { } }» }",
		// older protoc output: an assigner the block's build call runs
		"class P { private static FileDescriptor descriptor; static «{ String[] d = {\"x\"}; " +
			"FileDescriptor.InternalDescriptorAssigner assigner = new FileDescriptor.InternalDescriptorAssigner() { " +
			"public ExtensionRegistry assignDescriptors(FileDescriptor root) { descriptor = root; return null; } }; " +
			"FileDescriptor.internalBuildGeneratedFileFrom(d, new FileDescriptor[] {}, assigner); }» }",
		// an assigner no build call follows, or with another member
		"class P { static { InternalDescriptorAssigner a = new InternalDescriptorAssigner() { public ExtensionRegistry assignDescriptors(FileDescriptor r) { descriptor = r; return null; } }; keep(a); } }",
		"class P { static { InternalDescriptorAssigner a = new InternalDescriptorAssigner() { public ExtensionRegistry assignDescriptors(FileDescriptor r) { return null; } void other() { descriptor = null; } }; internalBuildGeneratedFileFrom(d, x, a); } }",
		"class P { static { InternalDescriptorAssigner a = new InternalDescriptorAssigner() { { descriptor = null; } public ExtensionRegistry assignDescriptors(FileDescriptor r) { return null; } }; internalBuildGeneratedFileFrom(d, x, a); } }",
		"class P { static { InternalDescriptorAssigner a = new InternalDescriptorAssigner() { int k = (n = 2); public ExtensionRegistry assignDescriptors(FileDescriptor r) { return null; } }; internalBuildGeneratedFileFrom(d, x, a); } }",
		"class P { static { InternalDescriptorAssigner a = new InternalDescriptorAssigner() { public ExtensionRegistry assignDescriptors(FileDescriptor r) { descriptor = r; return null; } }; internalBuildGeneratedFileFrom (d, x, a); } }",
		// a text block: the rule's own block finder does not lex them
		"class A { static { n = 1; String s = \"\"\"\n}\n\"\"\"; } }",
	} {
		var want [][2]int
		src := c
		for {
			o := strings.Index(src, "«")
			if o < 0 {
				break
			}
			src = src[:o] + src[o+len("«"):]
			e := strings.Index(src, "»")
			src = src[:e] + src[e+len("»"):]
			want = append(want, [2]int{o, e - 1})
		}
		got := plainStaticBlocks([]byte(src))
		if len(got) != len(want) || len(got) > 0 && got[0] != want[0] {
			t.Errorf("plainStaticBlocks(%q) = %v, want %v", src, got, want)
		}
	}
}

// A write in a plain static block, or a declaration of the same name
// elsewhere, sends no file to the parser; a write that runs later does.
func TestMutableStaticWrittenAtRunTime(t *testing.T) {
	for src, want := range map[string]bool{
		"class A { static int n; static { n = 1; } }":                                                  false,
		"class A { static int n; static { n = 1; } void f() { n = 2; } }":                              true,
		"class A { static int n; static { new Thread(() -> n = 2).start(); } }":                        true,
		"class A { static final int[] T = new int[2]; static { T[0] = 1; } int f() { return T[1]; } }": false,
		// each nested enum declares its own VALUES; none is written
		"class A { enum E { X; private static final E[] VALUES = values(); } enum F { Y; private static final F[] VALUES = values(); } }": false,
		"class A { static int n; void f() { int n = 2; } }":                                   false,
		"class A { static int n; void f(boolean b) { if (b) g(); else n = 2; } }":             true,
		"class A { static int n; void f() {\n // reset the count\n n = 2; } }":                true,
		"class A { static final Map M = new HashMap(); void f() {\n // 设置\n M.put(k, v); } }": true,
		"class A { static Map<K, V>\n   M = m(); static { M = n(); } }":                       false,
		"class A { static int n; void f() { return n = 2; } }":                                true,
		"class A { static int n; Runnable r = () -> n = 2; }":                                 true,
		// counters only count (isCounterWrite); a reset to another value, a
		// set of an atomic or an array element is a write
		"class A { static int n; void f() { n++; --n; n += 2; n = 0; n = 0L ; } }":                                         false,
		"class A { static int n; void f() { n = 5; } }":                                                                    true,
		"class A { static int n; void f() { n = 0 + k; } }":                                                                true,
		"class A { static final AtomicLong SEQ = new AtomicLong(); String f() { return \"x\" + SEQ.incrementAndGet(); } }": false,
		"class A { static final AtomicLong SEQ = new AtomicLong(); void f() { SEQ.set(5); } }":                             true,
		"class A { static int[] C = new int[2]; void f() { C[0]++; } }":                                                    true,
		"class A { static Integer n; void f() { n++; } }":                                                                  true,
		"class A { static List<String>[] L = new List[1]; void f() { Map<K, V> L = m(); } }":                               false,
	} {
		if got := mutableStaticWritten([]byte(src)); got != want {
			t.Errorf("mutableStaticWritten(%q) = %v, want %v", src, got, want)
		}
	}
}

// Every block found is a static block's braces, in order, and pairs as
// closingBracket pairs them (which knows no text block).
func FuzzPlainStaticBlocks(f *testing.F) {
	for _, s := range []string{
		"class A { static { n = 1; } }", "static { a(() -> b); }", "static { /* } */ }", "static {\"\"\"\n}\"\"\"}",
		"static { new X() { }; }", "static { new InternalDescriptorAssigner() { public ExtensionRegistry assignDescriptors(F r) { d = r; } }; internalBuildGeneratedFileFrom(a, b, c); }",
		"static{'}'}static{x=1;}", "static { // }\n}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		blocks := plainStaticBlocks([]byte(src))
		last := -1
		for _, b := range blocks {
			if b[0] <= last || b[1] <= b[0] || src[b[0]] != '{' || src[b[1]] != '}' {
				t.Fatalf("plainStaticBlocks(%q) = %v: block %v is not a brace pair after the last", src, blocks, b)
			}
			last = b[1]
			if !strings.Contains(src, `"""`) {
				if e := closingBracket(src, b[0]); e != b[1] {
					t.Fatalf("plainStaticBlocks(%q): block %v, closingBracket gives %d", src, b, e)
				}
			}
			if !inBlocks(blocks, b[0]) || !inBlocks(blocks, b[1]) || inBlocks(blocks, b[1]+1) && b[1]+1 < len(src) && src[b[1]+1] != '{' {
				t.Fatalf("inBlocks disagrees with block %v of %v", b, blocks)
			}
		}
	})
}

// mutableStaticWrittenEach is mutableStaticWritten as it was written
// first, a search of the whole file per declared name: the one pass must
// admit every source it admits.
func mutableStaticWrittenEach(src []byte) bool {
	written := false
	var blocks [][2]int
	lexed := false
	mutableStatics(src, func(name []byte, at, end int) bool {
		counter := counterType(src[at:end], name)
		written = writesNameEach(src, name, at, end, func(w int) bool {
			if counter != "" && countsAt(src, w, len(name), counter) {
				return true
			}
			if !lexed {
				blocks, lexed = plainStaticBlocks(src), true
			}
			return inBlocks(blocks, w)
		})
		return !written
	})
	return written
}

func writesNameEach(src, name []byte, declAt, declEnd int, skip func(at int) bool) bool {
	for i := 0; ; {
		j := bytes.Index(src[i:], name)
		if j < 0 {
			return false
		}
		at := i + j
		i = at + 1
		e := at + len(name)
		if at > 0 && isIdent(src[at-1]) || e < len(src) && isIdent(src[e]) || declAt <= at && at < declEnd || declaredAt(src, at) {
			continue
		}
		if at >= 2 && (src[at-2] == '+' && src[at-1] == '+' || src[at-2] == '-' && src[at-1] == '-') {
			if !skip(at) {
				return true
			}
			continue
		}
		k := e
		for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
			k++
		}
		if k+1 >= len(src) {
			return false
		}
		if writtenAt(src, k) && !skip(at) {
			return true
		}
	}
}

// The one pass and the search per name agree on every fixture.
func TestMutableStaticWrittenAgrees(t *testing.T) {
	srcs, err := corpus.JavaFixtures(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) < 50 {
		t.Fatalf("only %d fixtures", len(srcs))
	}
	admitted := 0
	for _, src := range srcs {
		got, want := mutableStaticWritten(src), mutableStaticWrittenEach(src)
		if got != want {
			t.Errorf("mutableStaticWritten(%.60q...) = %v, the search per name %v", src, got, want)
		}
		if got {
			admitted++
		}
	}
	if admitted == 0 {
		t.Error("no fixture admitted: the comparison shows nothing")
	}
}

// Whatever the search per name admits, the one pass admits.
func FuzzMutableStaticWritten(f *testing.F) {
	for _, s := range []string{
		"class A { static int n; void f() { n = 2; } }", "class A { static int n; static { n = 1; } }",
		"class A { static int n; class B { static Foo n; } void f() { n++; } }", "static int a static int b; b = 1;",
		"class A { static final AtomicLong S = new AtomicLong(); void f() { S.incrementAndGet(); S.set(1); } }",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if mutableStaticWrittenEach([]byte(src)) && !mutableStaticWritten([]byte(src)) {
			t.Fatalf("mutableStaticWritten(%q) = false, the search per name admits it", src)
		}
	})
}

// A source of many static fields: one pass over its words, where a search
// per name was quadratic in the file's size.
func BenchmarkMutableStaticWritten(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("class H {\n")
	for i := range 20000 {
		fmt.Fprintf(&sb, " static int a%d;\n", i)
	}
	sb.WriteString(" void f() { int x = 0; }\n}\n")
	src := []byte(sb.String())
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if mutableStaticWritten(src) {
			b.Fatal("no field of it is written")
		}
	}
}

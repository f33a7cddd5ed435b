package javasrc

import (
	"strings"
	"testing"

	"github.com/kscan/kscan/rules/facts"
)

type fakeIndex map[string]bool

func (f fakeIndex) HasType(fqn string) bool { return f[fqn] }

func extract(t *testing.T, src string, idx Index) *facts.File {
	t.Helper()
	e, err := NewExtractor(Interest{
		Calls: setOf("forName", "exit", "load", "setProperty", "put", "addShutdownHook", "loadClass", "setDefault", "halt", "registerShutdownHook"),
		News:  setOf("Thread"),
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	f, _, err := e.Extract("p/A.java", []byte(src), idx)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestOwnerResolution: a call's owner follows Java's scoping rules, so only
// the real JDK type matches a rule.
func TestOwnerResolution(t *testing.T) {
	tests := []struct {
		name, src, call, owner string
		idx                    fakeIndex
	}{
		{"java.lang implicit", `class A { void f() { System.exit(1); } }`, "exit", "java.lang.System", nil},
		{"fully qualified", `class A { void f() { java.lang.System.exit(1); } }`, "exit", "java.lang.System", nil},
		{"single import", `import java.util.ServiceLoader; class A { void f() { ServiceLoader.load(A.class); } }`, "load", "java.util.ServiceLoader", nil},
		{"wildcard import", `import java.util.*; class A { void f() { ServiceLoader.load(A.class); } }`, "load", "java.util.ServiceLoader", nil},
		{"no import", `class A { void f() { ServiceLoader.load(A.class); } }`, "load", "", nil},
		{"user import shadows", `import my.pkg.ServiceLoader; import java.util.*; class A { void f() { ServiceLoader.load(A.class); } }`, "load", "my.pkg.ServiceLoader", nil},
		{"nested type shadows java.lang", `class A { static class System { static void exit(int c) {} } void f() { System.exit(1); } }`, "exit", "A$System", nil},
		{"nested type declared after use", `class A { void f() { System.exit(1); } static class System { static void exit(int c) {} } }`, "exit", "A$System", nil},
		{"same package type shadows java.lang", `package p; class A { void f() { System.exit(1); } }`, "exit", "p.System", fakeIndex{"p.System": true}},
		{"static import", `import static java.lang.System.exit; class A { void f() { exit(1); } }`, "exit", "java.lang.System", nil},
		{"static wildcard import", `import static java.lang.System.*; class A { void f() { exit(1); } }`, "exit", "java.lang.System", nil},
		{"own method", `class A { void exit(int c) {} void f() { exit(1); } }`, "exit", "A", nil},
		{"chained receiver", `class A { void f() { Runtime.getRuntime().addShutdownHook(null); } }`, "addShutdownHook", "java.lang.Runtime", nil},
		{"local variable", `class A { void f() { Runtime rt = Runtime.getRuntime(); rt.halt(1); } }`, "halt", "java.lang.Runtime", nil},
		{"parameter", `import java.util.Properties; class A { void f(Properties p) { p.put("a", "b"); } }`, "put", "java.util.Properties", nil},
		{"field", `class A { private Runtime rt; void f() { rt.halt(1); } }`, "halt", "java.lang.Runtime", nil},
		{"this field", `class A { private Runtime rt; void f() { this.rt.halt(1); } }`, "halt", "java.lang.Runtime", nil},
		{"variable shadows type", `class A { void f(my.Thing System) { System.exit(1); } }`, "exit", "my.Thing", nil},
		{"getProperties receiver", `class A { void f() { System.getProperties().put("a", "b"); } }`, "put", "java.util.Properties", nil},
		{"parenthesised cast", `class A { void f(Object o) { ((Runtime) o).halt(1); } }`, "halt", "java.lang.Runtime", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := extract(t, tc.src, tc.idx)
			for _, c := range f.Calls {
				if c.Name == tc.call {
					if c.Owner != tc.owner {
						t.Errorf("owner of %s = %q, want %q", tc.call, c.Owner, tc.owner)
					}
					return
				}
			}
			t.Errorf("call %s not extracted (calls: %+v)", tc.call, f.Calls)
		})
	}
}

func TestLoaderKinds(t *testing.T) {
	src := `class A {
  void f(String n, ClassLoader cl, Class<?> k) throws Exception {
    Class.forName(n, true, A.class.getClassLoader());
    Class.forName(n, true, getClass().getClassLoader());
    Class.forName(n, true, ClassLoader.getSystemClassLoader());
    Class.forName(n, true, null);
    Class.forName(n, true, Thread.currentThread().getContextClassLoader());
    Class.forName(n, true, k.getClassLoader());
    Class.forName(n, true, cl);
  }
}`
	want := []facts.Loader{facts.LoaderOwn, facts.LoaderOwn, facts.LoaderSystem, facts.LoaderNull, facts.LoaderContext, facts.LoaderOther, facts.LoaderNone}
	f := extract(t, src, nil)
	if len(f.Calls) != len(want) {
		t.Fatalf("got %d calls, want %d", len(f.Calls), len(want))
	}
	for i, c := range f.Calls {
		if got := c.Args[2].Loader; got != want[i] {
			t.Errorf("line %d: loader %d, want %d (%s)", c.Line, got, want[i], c.Args[2].Text)
		}
	}
}

func TestContext(t *testing.T) {
	src := `package p;
class Outer {
  static final Object L = java.util.ServiceLoader.load(Outer.class);
  static Object cache;
  static { System.exit(1); }
  Outer() { System.exit(2); }
  public static void main(String[] a) { System.exit(3); }
  void m() {
    cache = java.util.ServiceLoader.load(Outer.class);
    new Thread() { public void run() { System.exit(4); } };
    try { System.exit(5); } finally { Locale.setDefault(x); }
  }
  static class Inner { void n() { System.exit(6); } }
}`
	f := extract(t, src, nil)
	type ctx struct {
		class, method      string
		static, main, stor bool
	}
	got := map[int]ctx{}
	for _, c := range f.Calls {
		got[c.Line] = ctx{c.Class, c.Method, c.InStaticInit, c.InMain, c.StoredToStatic}
	}
	want := map[int]ctx{
		3:  {"p.Outer", "<clinit>", true, false, true},
		5:  {"p.Outer", "<clinit>", true, false, false},
		6:  {"p.Outer", "<init>", false, false, false},
		7:  {"p.Outer", "main", false, true, false},
		9:  {"p.Outer", "m", false, false, true},
		10: {"p.Outer$1", "run", false, false, false},
		13: {"p.Outer$Inner", "n", false, false, false},
	}
	for line, w := range want {
		if got[line] != w {
			t.Errorf("line %d: %+v, want %+v", line, got[line], w)
		}
	}
	for _, c := range f.Calls {
		if c.Line == 11 && c.Name == "exit" && !strings.Contains(strings.Join(c.FinallyCalls, ","), "setDefault") {
			t.Errorf("finally calls of line 11: %v", c.FinallyCalls)
		}
		if c.Line == 11 && c.Name == "setDefault" && !c.InFinally {
			t.Errorf("setDefault in finally not marked")
		}
	}
}

func TestStringValues(t *testing.T) {
	f := extract(t, `class A { void f() { System.setProperty("a\"b", """
        text block"""); } }`, nil)
	if len(f.Calls) != 1 {
		t.Fatal(f.Calls)
	}
	if v := f.Calls[0].Args[0].Value; v != `a"b` {
		t.Errorf("value %q", v)
	}
	if v := f.Calls[0].Args[1].Value; v != "text block" {
		t.Errorf("text block value %q", v)
	}
}

func TestProblems(t *testing.T) {
	e, _ := NewExtractor(Interest{}, 0)
	defer e.Close()
	_, probs, err := e.Extract("x.java", []byte("class A { void f( { } \xff"), nil)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, p := range probs {
		kinds[p.Kind] = true
	}
	if !kinds["syntax"] || !kinds["encoding"] {
		t.Errorf("problems %+v", probs)
	}
}

// FuzzExtract: the extractor takes untrusted bytes and must never panic.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`class A { void f() { Class.forName(n, true, A.class.getClassLoader()); } }`,
		`import static java.lang.System.*; class A { static { exit(1); } }`,
		`class A { void f() { Runtime rt = Runtime.getRuntime(); try { rt.halt(1); } finally { x(); } } }`,
		`package p; import java.util.*; class A<T> { Object o = new Thread() { void run() { ServiceLoader.load(A.class); } }; }`,
		"class \xff { void f( {",
	} {
		f.Add([]byte(s))
	}
	e, err := NewExtractor(Interest{
		Calls: setOf("forName", "exit", "load", "halt", "setProperty", "put", "getClassLoader"),
		News:  setOf("Thread"),
	}, 1_000_000)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, _, err := e.Extract("f.java", src, fakeIndex{})
		if err != nil {
			return
		}
		for _, c := range file.Calls {
			if c.Span.Start < 0 || c.Span.End > len(src) || c.Span.Start > c.Span.End {
				t.Fatalf("span out of range: %+v", c.Span)
			}
		}
	})
}

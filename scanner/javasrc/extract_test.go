package javasrc

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
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

// TestNullGuardAndStaticInits: lazy initialisations are marked, and static
// initialiser blocks are listed.
func TestNullGuardAndStaticInits(t *testing.T) {
	src := `class A {
    static A inst; static A other; static String name;
    static { name = "x"; }
    static A get() {
        if (inst == null) { inst = new A(); }
        if (null == A.other && name != null) A.other = new A();
        if (inst != null) { name = "y"; }
        if (names == null) { name = "z"; }
        return inst;
    }
}`
	f := extract(t, src, nil)
	var got []string
	for _, w := range f.Writes {
		got = append(got, fmt.Sprintf("%s:%v", w.Name, w.NullGuarded))
	}
	if g := strings.Join(got, " "); g != "name:false inst:true other:true name:false name:false" {
		t.Errorf("writes: %s", g)
	}
	if len(f.StaticInits) != 1 || !strings.HasPrefix(src[f.StaticInits[0].Start:], "static {") {
		t.Errorf("static inits: %+v", f.StaticInits)
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

func TestFieldsWritesDecls(t *testing.T) {
	src := `package p;
import java.util.*;
@Component
public class Holder extends Base implements Runnable, java.io.Serializable {
    static String tenant;
    static final Map<String, Integer> CACHE = new HashMap<>();
    private static final int LIMIT = 10;
    @SuppressWarnings("kscan:static-mutable-state")
    static int counter, other = 1;
    private final List<String> names = new ArrayList<>();
    static void set(String t) { tenant = t; }
    void count() { counter++; other += 2; CACHE.put("a", 1); names.add("x"); Other.REGISTRY.add(this); }
    void shadow() { String tenant = "x"; tenant = "y"; int[] a = new int[1]; a[0] = 1; }
    void arrays() { ARR[0] = 1; }
    static int[] ARR = new int[3];
    public void run() {}
}
interface Consts { int X = 1; }`
	e, err := NewExtractor(Interest{Calls: setOf("put", "add")}, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	f, _, err := e.Extract("p/Holder.java", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	var fields []string
	for _, fd := range f.Fields {
		fields = append(fields, fmt.Sprintf("%s:%s:static=%v:final=%v:ann=%d", fd.Name, fd.Type, fd.Static, fd.Final, len(fd.Annotations)))
	}
	wantFields := []string{
		"tenant:java.lang.String:static=true:final=false:ann=0",
		"CACHE:java.util.Map:static=true:final=true:ann=0",
		"LIMIT:int:static=true:final=true:ann=0",
		"counter:int:static=true:final=false:ann=1",
		"other:int:static=true:final=false:ann=1",
		"names:java.util.List:static=false:final=true:ann=0",
		"ARR:int:static=true:final=false:ann=0",
		"X:int:static=true:final=true:ann=0",
	}
	if strings.Join(fields, "\n") != strings.Join(wantFields, "\n") {
		t.Errorf("fields:\n%s\nwant:\n%s", strings.Join(fields, "\n"), strings.Join(wantFields, "\n"))
	}
	var writes []string
	for _, w := range f.Writes {
		writes = append(writes, fmt.Sprintf("%s.%s:%d:%s:%s", w.Owner, w.Name, w.Kind, w.Method, w.Context.Method))
	}
	sort.Strings(writes)
	wantWrites := []string{
		"Other.REGISTRY:4:add:count",
		"p.Holder.ARR:3::arrays",
		"p.Holder.CACHE:4:put:count",
		"p.Holder.counter:2::count",
		"p.Holder.other:1::count",
		"p.Holder.tenant:0::set",
	}
	if strings.Join(writes, "\n") != strings.Join(wantWrites, "\n") {
		t.Errorf("writes:\n%s\nwant:\n%s", strings.Join(writes, "\n"), strings.Join(wantWrites, "\n"))
	}
	if len(f.TypeDecls) != 2 || f.TypeDecls[0].Super != "Base" || len(f.TypeDecls[0].Interfaces) != 2 ||
		f.TypeDecls[0].Interfaces[0] != "java.lang.Runnable" || len(f.TypeDecls[0].Annotations) != 1 {
		t.Errorf("type decls: %+v", f.TypeDecls)
	}
	if len(f.Methods) != 5 {
		t.Errorf("methods: %+v", f.Methods)
	}
}

func TestSuppressionComments(t *testing.T) {
	src := "class A {\n" +
		"  // kscan:ignore system-exit -- the CLI entry point\n" +
		"  void f() { System.exit(1); } // kscan:ignore system-exit,shutdown-hook\n" +
		"  String s = \"kscan:ignore system-exit\";\n" +
		"  /* kscan:ignore */ int x;\n" +
		"}\n"
	f := extract(t, src, nil)
	var got []string
	for _, s := range f.Suppressions {
		got = append(got, fmt.Sprintf("%d:%v:%q:%v", s.Line, s.Rules, s.Reason, s.OwnLine))
	}
	want := []string{
		`2:[system-exit]:"the CLI entry point":true`,
		`3:[system-exit shutdown-hook]:"":false`,
		`5:[]:"":true`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("suppressions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestStaticFieldReceiverAndNullCompare(t *testing.T) {
	f := extract(t, `class A { void f(ClassLoader cl) { System.out.println("x"); if (cl.getParent() == null) {} } }`, nil)
	_ = f
	e, _ := NewExtractor(Interest{Calls: setOf("println", "getParent")}, 0)
	defer e.Close()
	f, _, _ = e.Extract("A.java", []byte(`class A { void f(ClassLoader cl) { System.out.println("x"); if (cl.getParent() == null) {} } }`), nil)
	if len(f.Calls) != 2 {
		t.Fatalf("calls %+v", f.Calls)
	}
	if r := f.Calls[0].Recv.Field; r == nil || r.Owner != "java.lang.System" || r.Name != "out" || f.Calls[0].Owner != "java.io.PrintStream" {
		t.Errorf("System.out receiver: %+v owner %q", f.Calls[0].Recv, f.Calls[0].Owner)
	}
	if !f.Calls[1].ComparedToNull || f.Calls[1].Owner != "java.lang.ClassLoader" {
		t.Errorf("getParent() == null: %+v", f.Calls[1])
	}
}

// TestLocalNullBranchLoop covers the flow facts of flow.go: a local's single
// initialiser, the branch taken on null, and loop nesting.
func TestLocalNullBranchLoop(t *testing.T) {
	src := `class A {
  void f(String n) throws Exception {
    ClassLoader own = getClass().getClassLoader();
    own.getResource(n);
    ClassLoader re = A.class.getClassLoader();
    re = Thread.currentThread().getContextClassLoader();
    re.getResource(n);
    Thread t = Thread.currentThread();
    t.setContextClassLoader(own);
    cl2.getResource(n);
    ClassLoader cl2 = A.class.getClassLoader();
  }
  ClassLoader g(ClassLoader cl) {
    if (cl == null || cl.getParent() == null) { cl = getClass().getClassLoader(); }
    if (cl.getParent() != null) { return cl; } else { return null; }
    if (cl.getParent() != null || cl == null) { }
    while (cl.getParent() != null) { cl = cl.getParent(); }
    for (int i = 0; i < 3; i++) { cl.getResource("x"); }
    return cl.getParent() == null ? A.class.getClassLoader() : cl;
  }
}`
	e, err := NewExtractor(Interest{Calls: setOf("getResource", "setContextClassLoader", "getParent")}, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	f, _, err := e.Extract("A.java", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range f.Calls {
		s := fmt.Sprintf("%d %s", c.Line, c.Name)
		if l := c.Recv.Local; l != nil {
			s += fmt.Sprintf(" local=%d", l.Loader)
			if l.Call != nil {
				s += " " + l.Call.Owner + "." + l.Call.Name
			}
		}
		if c.NullBranch != nil {
			s += " null=" + strings.Join(strings.Fields(src[c.NullBranch.Start:c.NullBranch.End]), " ")
		}
		if c.InLoop {
			s += " loop"
		}
		got = append(got, s)
	}
	want := []string{
		"4 getResource local=1 java.lang.Class.getClassLoader",
		"7 getResource",
		"9 setContextClassLoader local=0 java.lang.Thread.currentThread",
		"10 getResource",
		"14 getParent null={ cl = getClass().getClassLoader(); }",
		"15 getParent null={ return null; }",
		"16 getParent",
		"17 getParent loop",
		"17 getParent loop",
		"18 getResource loop",
		"19 getParent null=A.class.getClassLoader()",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestStoreAndReturns: leak rules follow a pool to the variable or field
// that keeps it, and base-resource-closed-by-module reads a @Bean method's
// result type.
func TestStoreAndReturns(t *testing.T) {
	src := `import java.util.concurrent.*;
class A {
	private ExecutorService f1 = Executors.newFixedThreadPool(1);
	private ExecutorService f2;
	private ExecutorService f3;
	A(ExecutorService f3) {
		f2 = (ExecutorService) Executors.newCachedThreadPool();
		this.f3 = Executors.newCachedThreadPool();
		ExecutorService local = Executors.newSingleThreadExecutor();
		wrap(Executors.newFixedThreadPool(2));
	}
	ExecutorService make() { return Executors.newFixedThreadPool(3); }
	static ExecutorService wrap(ExecutorService e) { return e; }
}`
	e, err := NewExtractor(Interest{Calls: setOf("newFixedThreadPool", "newCachedThreadPool", "newSingleThreadExecutor")}, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	f, _, err := e.Extract("A.java", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range f.Calls {
		got = append(got, fmt.Sprintf("%d:%s:%v", c.Line, c.StoredTo, c.StoredToField))
	}
	want := "3:f1:true 7:f2:true 8:f3:true 9:local:false 10::false 12::false"
	if strings.Join(got, " ") != want {
		t.Errorf("stores: %s\nwant:   %s", strings.Join(got, " "), want)
	}
	var rets []string
	for _, m := range f.Methods {
		rets = append(rets, m.Name+":"+m.Returns)
	}
	if r := strings.Join(rets, " "); r != "<init>: make:ExecutorService wrap:ExecutorService" {
		t.Errorf("returns: %s", r)
	}
}

func TestIsTestPath(t *testing.T) {
	for p, want := range map[string]bool{
		"src/test/java/a/B.java":                                    true,
		"mod/src/test/java/a/B.java":                                true,
		"tomcat9/test/org/apache/catalina/TestX.java":               true,
		"test/com/acme/X.java":                                      true,
		"src/main/java/org/springframework/test/context/X.java":     false,
		"spring-test/src/main/java/org/springframework/test/X.java": false,
		"java/org/apache/catalina/startup/Tomcat.java":              false,
		"lib/org/acme/test/org/X.java":                              false,
		"src/main/java/com/acme/Test.java":                          false,
	} {
		if got := IsTestPath(p); got != want {
			t.Errorf("IsTestPath(%q) = %v, want %v", p, got, want)
		}
	}
}

// TestWalkMatchesQuery: locals read from a method's text (the default)
// must give exactly the facts that locals read from the tree give, on
// every Java fixture of the repository. TestPatternsMatchQuery checks the
// tree's declaration matchers against tree-sitter's query engine.
func TestWalkMatchesQuery(t *testing.T) {
	in := Interest{Calls: map[string]bool{}, News: map[string]bool{}}
	for k := range facts.Mutators {
		in.Calls[k] = true
	}
	for _, c := range []string{"forName", "exit", "load", "setProperty", "getProperty", "addShutdownHook", "run",
		"start", "execute", "submit", "println", "getClassLoader", "getResource", "setContextClassLoader", "readObject"} {
		in.Calls[c] = true
	}
	for _, n := range []string{"Thread", "Timer", "ObjectInputStream", "URLClassLoader", "ObjectName"} {
		in.News[n] = true
	}
	walk, _ := NewExtractor(in, 0)
	defer walk.Close()
	query, _ := NewExtractor(in, 0)
	defer query.Close()
	query.localQuery = true
	n := 0
	dir := "../../testdata"
	if d := os.Getenv("KSCAN_WALK_CORPUS"); d != "" {
		dir = d
	}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".java") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		a, _, errA := walk.Extract(p, src, nil)
		b, _, errB := query.Extract(p, src, nil)
		if (errA == nil) != (errB == nil) {
			t.Errorf("%s: errors differ: %v / %v", p, errA, errB)
			return nil
		}
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Errorf("%s: facts differ between locals from the text and from the tree:\ntext: %.600s\ntree: %.600s", p, ja, jb)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 50 {
		t.Errorf("only %d fixtures compared", n)
	}
}

func TestTypeBefore(t *testing.T) {
	for _, tc := range []struct {
		code, name, want string
	}{
		{"{ Runtime rt = x;", "rt", "Runtime"},
		{"{ final Map<String, List<Integer>> m = x;", "m", "Map<String, List<Integer>>"},
		{"{ java.util.Properties p = x;", "p", "java.util.Properties"},
		{"{ Outer<T>.Inner e = x;", "e", "Outer<T>.Inner"},
		{"{ int[] a = x;", "a", "int[]"},
		{"(String s, int n)", "n", "int"},
		{"case A: StringBuilder sb = x;", "sb", "StringBuilder"},
		{"{ @Nullable Foo f = x;", "f", "Foo"},
		{"{ // LOGBACK-384\n Foo f = x;", "f", "Foo"},
		{"{ String u = \"http://x\";\n Foo f = x;", "f", "Foo"},
		{"{ return f;", "f", ""},
		{"{ x = a < b && c > f;", "f", ""},
		{"// with public\n f.set();", "f", ""},
		{"{ foo(bar) f;", "f", ""},
	} {
		at := strings.LastIndex(tc.code, tc.name)
		got, ok := typeBefore([]byte(tc.code), at)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("typeBefore(%q, %q) = %q, %v; want %q", tc.code, tc.name, got, ok, tc.want)
		}
	}
}

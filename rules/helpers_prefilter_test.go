package rules

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCallNamed(t *testing.T) {
	for src, want := range map[string]bool{
		"t.start();":                  true,
		"t.start\n\t ();":             true,
		"start()":                     true,
		"restart();":                  false,
		"t.started();":                false,
		"int start = 0; // start up":  false,
		"x.startsWith(a); y.start ()": true,
		"":                            false,
	} {
		if got := callNamed([]byte(src), "start"); got != want {
			t.Errorf("callNamed(%q, start) = %v, want %v", src, got, want)
		}
	}
	if !callNamed([]byte("m.computeIfAbsent(k, f)"), "put", "computeIfAbsent") {
		t.Error("callNamed: the second name's call not found")
	}
}

// static-mutable-state's pre-filter: an element read is no write; an
// element assigned, compounded, incremented or mutated is; a declaration's
// own initialiser is not (Declares names such a field instead).
func TestMutableStaticWritten(t *testing.T) {
	for src, want := range map[string]bool{
		"static String[] NAMES; String f(int i) { return NAMES[i]; }":                      false,
		"static final String[] NAMES = new String[2]; void f(int i) { NAMES[i] = \"a\"; }": true,
		"static final int[][] T = new int[2][2]; void f() { T[0][g(1)] += 2; }":            true,
		"static final int[] C = new int[2]; void f(int i) { C[i]++; }":                     true,
		"static int[] C; boolean f(int i) { return C[i] == 0; }":                           false,
		"static final List[] L = new List[2]; void f(Object o) { L[0].add(o); }":           true,
		"static List[] L; int f() { return L[0].size(); }":                                 false,
		"static int n; void f() { n = 2; }":                                                true,
		"static int n = 0; int f() { return n; }":                                          false,
		"static int n=0; void f() { n=1; }":                                                true,
		"static final int N = 2; int f() { return N; }":                                    false,
	} {
		if got := mutableStaticWritten([]byte(src)); got != want {
			t.Errorf("mutableStaticWritten(%q) = %v, want %v", src, got, want)
		}
	}
	for src, want := range map[string]bool{
		"x = Other.NAMES[i];":        false,
		"Other.NAMES[i] = x;":        true,
		"Other.MAP.put(k, v);":       true,
		"System.out.println(x);":     false,
		"Other.COUNT++;":             true,
		"if (Other.NAMES[0] == x) {": false,
	} {
		if got := qualifiedStaticWrite([]byte(src)); got != want {
			t.Errorf("qualifiedStaticWrite(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestMutableStaticsDeclared(t *testing.T) {
	src := []byte("static int n = 0; static final int N = 2; static final Map<String, String> M = new HashMap<>(); " +
		"private static String s; static void f() {} static { n = 1; } import static a.B.c;")
	got := strings.Join(mutableStaticsDeclared(src), ",")
	if want := "n,M,s"; got != want {
		t.Errorf("mutableStaticsDeclared = %q, want %q", got, want)
	}
}

func TestWrittenAt(t *testing.T) {
	for text, want := range map[string]bool{
		"= 1": true, "== 1": false, "+= 1": true, "++;": true, "<<= 2": true, ">>= 2": true, ">>>= 2": true,
		">> 2": false, ">> x;": false, "<< 2": false, "> 2": false, ">>> 1": false, "[i] = 2": true, "[i] == 2": false,
		".add(x)": true, ".size()": false, "": false,
	} {
		if got := writtenAt([]byte(text), 0); got != want {
			t.Errorf("writtenAt(%q) = %v, want %v", text, got, want)
		}
	}
	if qualifiedStaticWrite([]byte("Map<String, List<Foo.Bar>> m;")) {
		t.Error("qualifiedStaticWrite: a generic type's closing >> taken for a write")
	}
}

func TestMayCreate(t *testing.T) {
	for src, want := range map[string]bool{
		"in = new ObjectInputStream(s);":                           true,
		"new\n\tObjectInputStream (s)":                             true,
		"new java.io.ObjectInputStream(s)":                         true,
		"new java . io\n. ObjectInputStream(s)":                    true,
		"new /* plain */ ObjectInputStream(s)":                     true,
		"new @Ann ObjectInputStream(s)":                            true,
		"new @Ann(x) ObjectInputStream(s)":                         true,
		"void readObject(ObjectInputStream in)":                    false,
		"(ObjectInputStream) in":                                   false,
		"new MyObjectInputStream(s)":                               false,
		"new ObjectInputStreamEx(s)":                               false,
		"new other.io.ObjectInputStream(s)":                        false,
		"new javax.io.ObjectInputStream(s)":                        false,
		"ObjectInputStream":                                        false,
		"import java.io.ObjectInputStream; class A {}":             false,
		"x instanceof ObjectInputStream; new ObjectInputStream(s)": true,
	} {
		if got := mayCreate([]byte(src), "ObjectInputStream", "java.io"); got != want {
			t.Errorf("mayCreate(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestStaticPossible(t *testing.T) {
	for src, want := range map[string]bool{
		"class A { static Logger L; }":          true,
		"interface A { Logger L = f(); }":       true,
		"@interface A { }":                      true,
		"class A { Logger l; } // staticky":     false,
		"class A { String s = \"nonstatic\"; }": false,
	} {
		if got := staticPossible([]byte(src)); got != want {
			t.Errorf("staticPossible(%q) = %v, want %v", src, got, want)
		}
	}
}

// Interface constants need no modifier: the pre-filters of the rules that
// report statics' initialisers admit them (a fixture's want comment names
// the rule, whose id holds the word, so the fixtures cannot tell).
func TestPrefilterInterfaceConstants(t *testing.T) {
	for _, c := range []struct {
		r   *Rule
		src string
	}{
		{staticLoggerSharedRule, "import org.slf4j.LoggerFactory; interface Names { Logger LOG = LoggerFactory.getLogger(Names.class); }"},
		{staticLoggerSharedRule, "@interface Marker { Logger LOG = org.apache.logging.log4j.LogManager.getLogger(); }"},
		{classLoaderCapturedRule, "interface Loaders { ClassLoader CL = Thread.currentThread().getContextClassLoader(); }"},
	} {
		if !c.r.Prefilter([]byte(c.src)) {
			t.Errorf("%s: pre-filter refuses %q", c.r.ID, c.src)
		}
	}
	if staticLoggerSharedRule.Prefilter([]byte("class A { Logger l = Logger.getLogger(\"a\"); }")) {
		t.Error("static-logger-in-shared-code: pre-filter admits a java.util.logging instance logger")
	}
	// A factory of another package is not the one the check matches.
	for _, src := range []string{
		"import org.apache.rocketmq.logging.org.slf4j.LoggerFactory; class A { static final Logger L = LoggerFactory.getLogger(A.class); }",
		"import org.apache.log4j.LogManager; class A { static final Logger L = LogManager.getLogger(A.class); }",
	} {
		if staticLoggerSharedRule.Prefilter([]byte(src)) {
			t.Errorf("static-logger-in-shared-code: pre-filter admits %q", src)
		}
	}
}

// callNamedEach is callNamed's search per name, which callNamedAny must
// agree with.
func callNamedEach(src []byte, names ...string) bool {
	for _, name := range names {
		if callNamed(src, name) {
			return true
		}
	}
	return false
}

func TestCallNamedAny(t *testing.T) {
	names := []string{"getProperty", "getenv", "load", "getBundle"}
	for _, src := range []string{
		"System.getProperty(\"a\")", "x.getenv\n\t ()", "reload(x)", "load (x)", "load\f(x)",
		"getPropertyNames()", "int load = 0;", "(", "load", "é load(", "$load(", "a.load\u00a0(",
		"/* getenv */ f(", "getBundle", "x(getBundle)", "", "((((", "  (",
	} {
		if got, want := callNamed([]byte(src), names...), callNamedEach([]byte(src), names...); got != want {
			t.Errorf("callNamed(%q) = %v, the search per name %v", src, got, want)
		}
	}
}

func FuzzCallNamedAny(f *testing.F) {
	for _, s := range []string{"System.getProperty(\"a\")", "x.load\n(y)", "reload(", "getenv ( load"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		names := []string{"getProperty", "getenv", "load"}
		if got, want := callNamedAny(src, names), callNamedEach(src, names...); got != want {
			t.Fatalf("callNamedAny(%q) = %v, the search per name %v", src, got, want)
		}
	})
}

// qualifiedStaticWrite visits every dot as a test of each byte would.
func FuzzQualifiedStaticWrite(f *testing.F) {
	for _, s := range []string{"Other.NAMES[i] = x;", "a.b.C.d = 1;", "X.y++", ".", "A.b", "A.b =", "A..b = 1"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if got, want := qualifiedStaticWrite(src), qualifiedStaticWriteEach(src); got != want {
			t.Fatalf("qualifiedStaticWrite(%q) = %v, byte by byte %v", src, got, want)
		}
	})
}

// qualifiedStaticWriteEach is qualifiedStaticWrite testing each byte for a
// dot, as it did before it searched for them.
func qualifiedStaticWriteEach(src []byte) bool {
	for i := 1; i < len(src)-1; i++ {
		if src[i] != '.' {
			continue
		}
		if written, last := writeAtDot(src, i); written || last {
			return written
		}
	}
	return false
}

// fieldUses finds what fieldUseRE finds, for names it tests by hand and
// names it leaves to the expression.
func FuzzFieldUses(f *testing.F) {
	for _, s := range []string{
		"int x = DEBUG ? 1 : 0; this.DEBUG = true; Foo . \n DEBUG++; a.DEBUG; $DEBUG; DEBUGX; _DEBUG",
		"Foo.Foo = 1; Foo .Foo; x.this.DEBUG", "DEBUG", "this.DEBUG", "é DEBUG é", ".DEBUG DEBUG$",
	} {
		f.Add(s, uint8(0))
	}
	pairs := [][2]string{{"Foo", "DEBUG"}, {"Foo", "Foo"}, {"Foo", "oo"}, {"Foo", "hi"}, {"A$B", "x"}, {"Foo", "d$"}, {"", "DEBUG"}, {"Logger", "on"}}
	f.Fuzz(func(t *testing.T, code string, k uint8) {
		c := pairs[int(k)%len(pairs)]
		var want [][2]int
		for _, loc := range fieldUseRE(c[0], c[1]).FindAllStringSubmatchIndex(code, -1) {
			want = append(want, [2]int{loc[2], loc[3]})
		}
		if got := fieldUses(code, c[0], c[1]); !slices.Equal(got, want) {
			t.Fatalf("fieldUses(%q, %q, %q) = %v, the expression finds %v", code, c[0], c[1], got, want)
		}
	})
}

// mayAssign holds wherever assignmentsTo matches: over the names of every
// Java fixture, in each fixture's text, and in a few edge forms.
func TestMayAssignCoversAssignments(t *testing.T) {
	var texts []string
	filepath.WalkDir(filepath.Join("..", "testdata"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".java") {
			if b, err := os.ReadFile(p); err == nil {
				texts = append(texts, string(b))
			}
		}
		return nil
	})
	if len(texts) < 50 {
		t.Fatalf("only %d Java fixtures found", len(texts))
	}
	texts = append(texts, "x =1;", "a.x = 1;", "x\n\t= y;", "x == y; x = z;", "x=", "xx = 1; x", "$x = 1;")
	checked := 0
	for _, text := range texts {
		names := map[string]bool{"x": true}
		for _, n := range javaNameRE.FindAllString(text, -1) {
			names[n] = true
		}
		for n := range names {
			if assignmentsTo(n).MatchString(text) {
				checked++
				if !mayAssign(text, n) {
					t.Errorf("mayAssign(%.40q..., %q) = false, but assignmentsTo matches", text, n)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no assignment checked")
	}
	for _, tt := range []struct {
		text, name string
		want       bool
	}{
		{"return x + y;", "x", false},
		{"if (x == y) {}", "x", true}, // a comparison passes: the expression decides
		{"x\t = 1;", "x", true},
		{"int y = x;", "x", false},
	} {
		if got := mayAssign(tt.text, tt.name); got != tt.want {
			t.Errorf("mayAssign(%q, %q) = %v, want %v", tt.text, tt.name, got, tt.want)
		}
	}
}

func FuzzMayAssign(f *testing.F) {
	f.Add("int x = 1;", "x")
	f.Add("a.b =\n c;", "b")
	f.Add("x == y", "x")
	f.Fuzz(func(t *testing.T, text, name string) {
		if !utf8.ValidString(name) {
			return // the names asked about are Java identifiers
		}
		if assignmentsTo(name).MatchString(text) && !mayAssign(text, name) {
			t.Errorf("mayAssign(%q, %q) = false, but assignmentsTo matches", text, name)
		}
	})
}

// staticBlockRE is what staticBraces scans for, as an expression: the
// reference the scan is held to.
var staticBlockRE = regexp.MustCompile(`(?:^|[;{}\s])static\s*\{`)

// braceOffsets are the offsets of the braces of staticBlockRE's matches.
func braceOffsets(src []byte) []int {
	var out []int
	for _, loc := range staticBlockRE.FindAllIndex(src, -1) {
		out = append(out, loc[1]-1)
	}
	return out
}

func TestStaticBraces(t *testing.T) {
	for src, want := range map[string][]int{
		"static{":                     {6},
		" static {":                   {8},
		"class A { static { x(); } }": {17},
		"static{static{":              {6}, // the second has no lead of its own
		"static{ static{":             {6, 14},
		"nonstatic {":                 nil,
		"static int x; static\n\f{":   {22},
		"static\v{":                   nil, // \s has no vertical tab
		"a;static{}b}static {}":       {8, 19},
		"static":                      nil,
		"":                            nil,
	} {
		if got := staticBraces([]byte(src)); !slices.Equal(got, want) || !slices.Equal(got, braceOffsets([]byte(src))) {
			t.Errorf("staticBraces(%q) = %v, want %v (expression: %v)", src, got, want, braceOffsets([]byte(src)))
		}
	}
	n := 0
	filepath.WalkDir(filepath.Join("..", "testdata"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".java") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		want := braceOffsets(src)
		n += len(want)
		if got := staticBraces(src); !slices.Equal(got, want) {
			t.Errorf("%s: staticBraces = %v, the expression finds %v", p, got, want)
		}
		return nil
	})
	if n == 0 {
		t.Fatal("no static block in the Java fixtures")
	}
}

func FuzzStaticBraces(f *testing.F) {
	f.Add([]byte("class A { static { x(); } }"))
	f.Add([]byte("static{static{ static\t{"))
	f.Fuzz(func(t *testing.T, src []byte) {
		if got, want := staticBraces(src), braceOffsets(src); !slices.Equal(got, want) {
			t.Errorf("staticBraces(%q) = %v, the expression finds %v", src, got, want)
		}
	})
}

// Every fixture line a rule must flag is in a file its pre-filter lets
// through: a scan runs a rule's check of a file only on such files, and
// the fixtures' tests call the checks directly. Not for rules with a
// project check, or whose findings the call graph places in other files
// (a call of a method that exits), which reach files their pre-filter
// refuses.
func TestPrefiltersPassFixtures(t *testing.T) {
	wantRE := regexp.MustCompile(`// want "([a-z0-9-]+)"`)
	for _, r := range All() {
		if r.Prefilter == nil || r.CheckProject != nil || r.ID == "system-exit" {
			continue
		}
		dir := filepath.Join("..", "testdata", "rules", r.ID)
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".java") {
				return nil
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range wantRE.FindAllSubmatch(src, -1) {
				if string(m[1]) == r.ID && !r.Prefilter(src) {
					t.Errorf("%s: %s's pre-filter refuses a file it must flag", path, r.ID)
					break
				}
			}
			return nil
		})
	}
}

// classname-keyed-static-cache's pre-filter: a class name in a fill's
// arguments, or a String-keyed map of reflective values.
func TestClassNameCachePrefilter(t *testing.T) {
	for src, want := range map[string]bool{
		"static Map<String, Object> M; void f(Class<?> c) { M.put(c.getName(), 1); }":                               true,
		"static Map<String, Object> M; void f(Class<?> c) { M.computeIfAbsent(\n c.getCanonicalName (), k -> 1); }": true,
		"static Map<String, Object> M; void f(Class<?> c) { M.put(key(\")\"), c.getName()); }":                      true,
		"static Map<String, Object> M; void f(Class<?> c) { String n = c.getName(); M.put(n, 1); }":                 false,
		"static Map<String, Object> M; void f(Class<?> c) { M.output(c.getName()); M.put(k, v); }":                  false,
		"static Map<String, Method> M; void f(String k, Method m) { M.put(k, m); }":                                 true,
		"static Map<java.lang.String, /* by name */ java.lang.reflect.Field> M; void f() { M.put(k, v); }":          true,
		"static Map<String, Method> M; void f(String k, Method m) { M.get(k); }":                                    false,
		"static Map<String, Integer> M; void f(Method m) { M.put(k, 1); }":                                          false,
		"static Map<String, Object> M; void f(Class<?> c) { M.put(\"\"\"\n)\n\"\"\", c.getName()); }":               true,
		"static Map<String, Object> M; void f(Class<?> c) { M.put(c.getName(), 1 ":                                  true,
	} {
		if got := classNameCacheRule.Prefilter([]byte(src)); got != want {
			t.Errorf("pre-filter(%q) = %v, want %v", src, got, want)
		}
	}
}

// null-parent-classloader-assumption's pre-filter: the getParent() call
// itself compared to null.
func TestNullParentPrefilter(t *testing.T) {
	for src, want := range map[string]bool{
		"if (cl.getParent() == null) cl = X.class.getClassLoader();":            true,
		"if (null != this.cl.getParent()) { }":                                  true,
		"if (cl.getParent() /* up */\n != null) { }":                            true,
		"ClassLoader p = cl.getParent(); if (p == null) p = getSystemLoader();": false,
		"return cl.getParent() != parent && x == null;":                         false,
	} {
		if got := nullParentAssumption.Prefilter([]byte(src)); got != want {
			t.Errorf("pre-filter(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestGuardedStatic(t *testing.T) {
	for src, want := range map[string]bool{
		"static Foo inst; if (inst == null) inst = make();":           true,
		"private static Foo inst; if (inst==null)":                    true,
		"static Foo inst; if (null == inst) {":                        true,
		"static Foo inst; if (null ==\n\t Holder.inst) {":             true,
		"static Foo inst; if (this.inst ==\n null) {":                 true,
		"static Foo inst; if (inst != null) return inst;":             false,
		"static Foo inst; Foo f = local; if (f == null) return null;": false,
		"static final Foo INST = f(); if (INST == null)":              false,
		"static Foo instance; if (inst == null)":                      false,
		"static Foo inst; if (inst == nullable)":                      false,
		"static Foo inst; if (get() == null)":                         false,
		"static Foo a, inst; if (inst == null)":                       true,
		"static Foo a = f(x, y), inst; if (inst == null)":             true,
		"static Map<K, V> inst; if (inst == null)":                    true,
		"": false,
	} {
		if got := guardedStatic([]byte(src)); got != want {
			t.Errorf("guardedStatic(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestCalledOn(t *testing.T) {
	for src, want := range map[string]bool{
		"System.setProperty(k, v);":                                         true,
		"System\n\t.setProperty (k, v);":                                    true,
		"java.lang.System.setProperty(k, v);":                               true,
		"props.setProperty(k, v);":                                          false,
		"MySystem.setProperty(k, v);":                                       false,
		"System.setPropertyX(k);":                                           false,
		"x.System.setProperty(k, v);":                                       true, // a qualifier before it is the package
		"import static java.lang.System.setProperty; setProperty(k, v);":    true,
		"import static java.lang.System.*; void f() { setProperty(k, v); }": true,
		"setProperty(k, v);":                                                false,
		"System.setProperty":                                                false,
		"":                                                                  false,
	} {
		if got := calledOn([]byte(src), "System", "getProperty", "setProperty"); got != want {
			t.Errorf("calledOn(%q, System) = %v, want %v", src, got, want)
		}
	}
}

func TestStaticPoolDeclared(t *testing.T) {
	for src, want := range map[string]bool{
		"class A { private static final ExecutorService POOL = Executors.newFixedThreadPool(2); }": true,
		"class A { static java.util.Timer timer; }":                                                true,
		"class A { static final ForkJoinPool P = new ForkJoinPool(); }":                            true,
		"class A { private final ExecutorService pool; static void f() { pool.submit(t); } }":      false,
		"class A { static void run(Executor e) { e.execute(t); } }":                                false,
		"class A { static final Logger LOG = f(); ExecutorService pool; }":                         false,
		"interface A { ExecutorService POOL = Executors.newCachedThreadPool(); }":                  true,
	} {
		if got := staticPoolDeclared([]byte(src)); got != want {
			t.Errorf("staticPoolDeclared(%q) = %v, want %v", src, got, want)
		}
	}
}

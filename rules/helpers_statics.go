package rules

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// Helpers shared by the rules that judge static fields and their writes
// (static-mutable-state, classname-keyed-static-cache,
// static-singleton-first-wins and others): generic types as written, JDK
// containers, and writes that run once, at class initialisation.

// where names a fact's enclosing method for messages: "Holder.set",
// "the Holder constructor", "the Holder static initialiser".
func where(ctx facts.Context) string {
	cls := simpleName(ctx.Class)
	switch ctx.Method {
	case "<init>":
		return "the " + cls + " constructor"
	case "<clinit>":
		return "the " + cls + " static initialiser"
	case "":
		return cls
	}
	return cls + "." + ctx.Method
}

// typeArgs splits the top-level generic arguments of a type as written:
// "Map<Class<?>, List<String>>" gives ["Class<?>", "List<String>"].
func typeArgs(text string) []string {
	text = strings.Join(strings.Fields(text), "")
	open := strings.IndexByte(text, '<')
	if open < 0 || !strings.HasSuffix(text, ">") {
		return nil
	}
	var out []string
	depth, start := 0, open+1
	for i := open + 1; i < len(text)-1; i++ {
		switch text[i] {
		case '<':
			depth++
		case '>':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, text[start:i])
				start = i + 1
			}
		}
	}
	return append(out, text[start:len(text)-1])
}

// rawSimple is a type's simple name without generics or array brackets.
func rawSimple(t string) string {
	if i := strings.IndexByte(t, '<'); i >= 0 {
		t = t[:i]
	}
	return simpleName(strings.TrimRight(strings.TrimSpace(t), "[] "))
}

// loaderKeyed reports maps keyed by ClassLoader or Class: a per-app (or
// per-class, which includes the loader) partition, the Koupleless fix.
func loaderKeyed(f *facts.Field) bool {
	args := typeArgs(f.TypeText)
	return len(args) > 0 && (rawSimple(args[0]) == "ClassLoader" || rawSimple(args[0]) == "Class")
}

// jdkContainers are the mutable JDK containers, atomics and builders whose
// mutator calls change a static's value in place.
var jdkContainers = map[string]bool{
	"Map": true, "HashMap": true, "LinkedHashMap": true, "TreeMap": true, "WeakHashMap": true, "IdentityHashMap": true,
	"Hashtable": true, "Properties": true, "SortedMap": true, "NavigableMap": true, "ConcurrentMap": true,
	"ConcurrentHashMap": true, "ConcurrentSkipListMap": true, "ConcurrentNavigableMap": true, "EnumMap": true,
	"Collection": true, "List": true, "ArrayList": true, "LinkedList": true, "Vector": true, "Stack": true,
	"CopyOnWriteArrayList": true, "Set": true, "HashSet": true, "LinkedHashSet": true, "TreeSet": true,
	"SortedSet": true, "NavigableSet": true, "CopyOnWriteArraySet": true, "ConcurrentSkipListSet": true, "EnumSet": true,
	"Queue": true, "Deque": true, "ArrayDeque": true, "PriorityQueue": true, "BlockingQueue": true,
	"LinkedBlockingQueue": true, "ArrayBlockingQueue": true, "ConcurrentLinkedQueue": true, "ConcurrentLinkedDeque": true,
	"LinkedBlockingDeque": true, "PriorityBlockingQueue": true, "DelayQueue": true,
	"AtomicInteger": true, "AtomicLong": true, "AtomicBoolean": true, "AtomicReference": true,
	"AtomicIntegerArray": true, "AtomicLongArray": true, "AtomicReferenceArray": true, "LongAdder": true,
	"StringBuilder": true, "StringBuffer": true,
}

// isContainer reports a JDK mutable container type: resolved into a JDK
// package, or unresolved (a wildcard import) with a JDK simple name. A
// project type that happens to be called Map resolves elsewhere and is not
// one.
func isContainer(f *facts.Field) bool {
	t := f.Type
	if i := strings.IndexByte(t, '<'); i >= 0 {
		t = t[:i]
	}
	if !jdkContainers[simpleName(t)] {
		return false
	}
	return !strings.Contains(t, ".") || strings.HasPrefix(t, "java.util.") || strings.HasPrefix(t, "java.lang.")
}

// staticFields indexes a file's static fields by "Owner#name".
func staticFields(f *facts.File) map[string]*facts.Field {
	out := map[string]*facts.Field{}
	for i := range f.Fields {
		if fd := &f.Fields[i]; fd.Static {
			out[fd.Class+"#"+fd.Name] = fd
		}
	}
	return out
}

// clinitOnly reports a write (or call) in a static initialiser, in a
// program's main (run once, before any app), or in a private static helper
// of the file that only static initialisers call (Spring's
// registerCommonClasses idiom): it runs once, when the class is
// initialised, like the initialiser itself.
func clinitOnly(f *facts.File, src []byte, ctx facts.Context) bool {
	// Method "<clinit>" as well as the flag: array stores in a static
	// block's loop carry the method but not always the flag.
	// An agent's premain/agentmain runs once, when the JVM (or the
	// attach) starts it, like main.
	return ctx.InStaticInit || ctx.Method == "<clinit>" || ctx.InMain || ctx.Method == "premain" || ctx.Method == "agentmain" ||
		helperOfClinit(f, src, ctx.Class, ctx.Method, 2)
}

// privilegedInClinit reports an offset of src, in a method named method,
// inside a callback that a static initialiser runs before it goes on, once,
// while the class initialises: a privileged action (static {
// AccessController.doPrivileged(new PrivilegedAction() { run() { ... } });
// }, or a lambda so handed), which doPrivileged runs before it returns, or
// the descriptor assigner of older protoc output, whose assignDescriptors
// FileDescriptor.internalBuildGeneratedFileFrom(data, deps, assigner)
// calls before it returns. Sources only: a class file's callback is a
// class or a method of its own.
// blocks gives the file's static blocks (staticBlocks), read once per
// file by the caller: a generated file of many callbacks has as many
// writes in them.
func privilegedInClinit(src []byte, at int, ctx facts.Context, blocks func() [][2]int) bool {
	// Only an anonymous class's method or a lambda is such a callback:
	// the file's static blocks are looked for only then (a file's writes
	// are mostly in its own methods).
	if src == nil || !ctx.InLambda && !facts.AnonymousClass(ctx.Class) {
		return false
	}
	method := ctx.Method
	for _, b := range blocks() {
		if at <= b[0] || at >= b[1] {
			continue
		}
		for _, loc := range doPrivilegedRE.FindAllIndex(src[b[0]:at], -1) {
			if e := closingBracket(src, b[0]+loc[1]-1); e > at {
				return true
			}
		}
		if method == "assignDescriptors" && bytes.Contains(src[at:b[1]], []byte("internalBuildGeneratedFileFrom(")) {
			return true
		}
	}
	return false
}

var doPrivilegedRE = lazyRE(`\bdoPrivileged\s*\(`)

// ProjectSkipsWrite reports a write the project pass never counts: one
// in a debug-only block, a static initialiser, a main or an agent's entry
// (the project pass has no source text to find clinit helpers). A caller
// that keeps files' facts for the project pass may drop such writes.
func ProjectSkipsWrite(ctx facts.Context) bool {
	return ctx.DebugOnly || clinitOnly(nil, nil, ctx)
}

// ProjectReadsField reports whether a project pass can read a static
// field of a file (test: of a test file), so that a caller keeping files'
// facts for it may drop the others: a constant that settles a lookup
// (NewConstants, test files' too), or a field the project check of one
// of the rules can read (Rule.ProjectFields; project checks skip test
// files). f is the copy the caller keeps (an initialiser cut short reads
// as it will then).
func ProjectReadsField(f *facts.Field, test bool, rs []*Rule) bool {
	if !f.Static {
		return false
	}
	if constantInit(f) {
		return true
	}
	if test {
		return false
	}
	for _, r := range rs {
		if r.ProjectFields != nil && r.ProjectFields(f) {
			return true
		}
	}
	return false
}

// constantInit reports a static final field whose initialiser NewConstants
// may index: a string, a concatenation, a name or a class literal's name
// ("Holder.class.getName()").
func constantInit(f *facts.Field) bool {
	if !f.Static || !f.Final || f.Init == nil || f.Context.Class == "" {
		return false
	}
	switch f.Init.Kind {
	case facts.ExprString, facts.ExprConcat, facts.ExprName:
		return true
	case facts.ExprCall:
		return strings.Contains(f.Init.Text, "getName") && classNameOf.MatchString(f.Init.Text) // a cheap test first: most calls are not that
	}
	return false
}

func helperOfClinit(f *facts.File, src []byte, class, method string, depth int) bool {
	if src == nil || depth == 0 || method == "" {
		return false
	}
	if method == "<init>" {
		// A helper of a constructor that only the class's
		// initialisation runs: an enum's, or a typesafe enum's.
		return kindOf(f, class) == "enum" || initOnlyConstructor(f, src, class)
	}
	if strings.HasSuffix(f.Path, ".class") {
		// A class file's own calls, as the extractor found them.
		return len(f.Types) > 0 && class == f.Types[0] && slices.Contains(f.InitHelpers, method)
	}
	// Overloads are one helper: the text cannot tell their calls apart, and
	// one calling another (defineBoolean(tag, name) handing on to
	// defineBoolean(tag, names)) stays inside the set.
	var decls []*facts.MethodDecl
	for m := range f.MethodsNamed(class, method) {
		if !m.Static || !isPrivate(src, m) {
			return false
		}
		decls = append(decls, m)
	}
	if len(decls) == 0 {
		return false
	}
	return calledOnlyFromSet(f, src, decls, staticInitSpans(f), depth, helperOfClinit)
}

// staticInitSpans are the code the static initialiser runs: the static
// blocks and the static fields' declarations with an initialiser.
func staticInitSpans(f *facts.File) []facts.Span {
	inits := append([]facts.Span(nil), f.StaticInits...)
	for i := range f.Fields {
		if fd := &f.Fields[i]; fd.Static && fd.Init != nil {
			inits = append(inits, fd.Decl)
		}
	}
	return inits
}

// soleMethod is the one method of class named method declared in the
// file; nil when there is none, or overloads whose calls the text cannot
// tell apart.
func soleMethod(f *facts.File, class, method string) *facts.MethodDecl {
	var decl *facts.MethodDecl
	for m := range f.MethodsNamed(class, method) {
		if decl != nil {
			return nil
		}
		decl = m
	}
	return decl
}

// calledOnlyFrom reports a method of the file that is called, and whose
// every call (its name followed by "(" in the text, outside its own
// declaration) sits in one of spans or in a method for which via holds
// one level down.
func calledOnlyFrom(f *facts.File, src []byte, decl *facts.MethodDecl, spans []facts.Span, depth int,
	via func(f *facts.File, src []byte, class, method string, depth int) bool) bool {
	return calledOnlyFromSet(f, src, []*facts.MethodDecl{decl}, spans, depth, via)
}

// calledOnlyFromSet is calledOnlyFrom for methods of one name (overloads):
// a call inside any of their declarations stays inside the set.
func calledOnlyFromSet(f *facts.File, src []byte, decls []*facts.MethodDecl, spans []facts.Span, depth int,
	via func(f *facts.File, src []byte, class, method string, depth int) bool) bool {
	name := []byte(decls[0].Name)
	own := func(at int) bool {
		for _, d := range decls {
			if at == d.Span.Start || within(at, d.Decl) {
				return true
			}
		}
		return false
	}
	called := false
	for i := 0; ; {
		j := bytes.Index(src[i:], name)
		if j < 0 {
			break
		}
		at, end := i+j, i+j+len(name)
		i = end
		if at > 0 && isIdent(src[at-1]) || end < len(src) && isIdent(src[end]) || own(at) {
			continue
		}
		if rest := bytes.TrimLeft(src[end:min(len(src), end+8)], " \t\r\n"); !bytes.HasPrefix(rest, []byte("(")) {
			continue
		}
		called = true
		inside := false
		for _, s := range spans {
			inside = inside || within(at, s)
		}
		if !inside {
			if m := f.MethodAround(at); m == nil || !via(f, src, m.Class, m.Name, depth-1) {
				return false
			}
		}
	}
	return called
}

// isPrivate reports a method declared private.
func isPrivate(src []byte, m *facts.MethodDecl) bool {
	if m.Decl.Start < 0 || m.Span.Start > len(src) || m.Decl.Start > m.Span.Start {
		return false
	}
	return privateRE.Match(src[m.Decl.Start:m.Span.Start])
}

var privateRE = lazyRE(`(^|\s)private\s`)

// declaresClass reports whether the file declares class, directly or nested.
func declaresClass(f *facts.File, class string) bool {
	for _, t := range f.Types {
		if t == class {
			return true
		}
	}
	return false
}

// reflectiveValues are the value types that tie a String-keyed cache to one
// loader's classes.
var reflectiveValues = map[string]bool{
	"Class": true, "Method": true, "Field": true, "Constructor": true, "Executable": true, "MethodHandle": true,
	"BeanInfo": true, "PropertyDescriptor": true, "MethodDescriptor": true, "Expression": true,
}

// classNameKeyRE finds a class's name in a key expression: getClass(),
// X.class or a variable named like a class, then getName() and kin.
var classNameKeyRE = lazyRE(`(?:getClass\(\)|\.class|\b(?:cls|clazz|clz|klass|klazz|[a-z]\w*(?:Class|Clazz|Cls)))\s*\.\s*get(?:Name|TypeName|CanonicalName)\s*\(\s*\)`)

// cacheFills are the map methods that add an entry.
var cacheFills = map[string]bool{"put": true, "putIfAbsent": true, "computeIfAbsent": true, "compute": true, "merge": true}

// isMap reports a JDK map type.
func isMap(f *facts.Field) bool {
	return isContainer(f) && strings.HasSuffix(rawSimple(f.Type), "Map") || rawSimple(f.Type) == "Hashtable"
}

// classNameCalls are the methods of Class that give its name: a key
// classNameKey accepts, and what classname-keyed-static-cache's pre-filter
// looks for in a fill's arguments.
var classNameCalls = []string{"getName", "getTypeName", "getCanonicalName"}

// classNameKey reports a map key that is a class's name.
func classNameKey(x *facts.Expr) bool {
	if x.Call != nil && x.Call.Owner == "java.lang.Class" && slices.Contains(classNameCalls, x.Call.Name) {
		return true
	}
	return classNameKeyRE.MatchString(x.Text)
}

// valueTypes are JDK types whose instances are plain values, the same for
// every app: keys and results of a memoised pure function.
var valueTypes = map[string]bool{
	"String": true, "CharSequence": true, "Integer": true, "Long": true, "Short": true, "Byte": true, "Character": true,
	"Boolean": true, "Double": true, "Float": true, "Number": true, "BigInteger": true, "BigDecimal": true,
	"Locale": true, "TimeZone": true, "ZoneId": true, "ZoneOffset": true, "Charset": true, "Pattern": true,
	"DateFormat": true, "SimpleDateFormat": true, "DateTimeFormatter": true, "NumberFormat": true,
	"DecimalFormat": true, "Format": true, "MessageFormat": true, "Collator": true, "DateFormatSymbols": true,
	"DecimalFormatSymbols": true, "MethodType": true, "Duration": true, "URI": true,
	"int": true, "long": true, "short": true, "byte": true, "char": true, "boolean": true, "double": true, "float": true,
}

// plainValueType reports a type whose values carry nothing of an app: a
// JDK value type, a type the file declares itself (a private key or entry
// class), or a JDK collection or array of those.
func plainValueType(file *facts.File, t string) bool {
	t = strings.Join(strings.Fields(t), "")
	for strings.HasSuffix(t, "[]") {
		t = strings.TrimSuffix(t, "[]")
	}
	raw := rawSimple(t)
	if valueTypes[raw] || declaresNested(file, raw) {
		return true
	}
	if !jdkContainers[raw] {
		return false
	}
	args := typeArgs(t)
	for _, a := range args {
		if !plainValueType(file, a) {
			return false
		}
	}
	return len(args) > 0
}

// declaresNested reports a member type of the file by its simple name: a
// key or entry class private to the cache, not the class itself (a Level
// registering every Level made is a registry, not a memo).
func declaresNested(f *facts.File, simple string) bool {
	for _, t := range f.Types {
		if strings.Contains(t, "$") && simpleName(t) == simple {
			return true
		}
	}
	return false
}

// memoCache reports a static map (or an array of maps) that memoises a
// pure function: its keys and values are plain values (plainValueType), and
// no fill stores a value its method was handed by a caller (a registry's
// register(name, x) is shared state; DateTimeFormatter.ofPattern(format)
// cached by format is the same for every app).
func memoCache(file *facts.File, src []byte, f *facts.Field, ws []*facts.Write) bool {
	t := strings.Join(strings.Fields(f.TypeText), "")
	array := strings.HasSuffix(t, "[]")
	for strings.HasSuffix(t, "[]") {
		t = strings.TrimSuffix(t, "[]")
	}
	raw := rawSimple(t)
	if !jdkContainers[raw] || !strings.HasSuffix(raw, "Map") && raw != "Hashtable" {
		return false
	}
	args := typeArgs(t)
	if len(args) != 2 || !plainValueType(file, args[0]) || !plainValueType(file, args[1]) {
		return false
	}
	for _, w := range ws {
		switch {
		case w.Kind == facts.WriteArrayStore && array:
			// a slot of the array gets its (empty) map
		case w.Kind == facts.WriteCall && !array:
			switch w.Method {
			case "clear", "computeIfAbsent":
				// a memo is dropped whole; remove(key) is a registry's
				// unregister
			case "put", "putIfAbsent":
				if len(w.Args) != 2 || w.Args[1].Text == "" || w.Args[1].Text == "this" || valueHandedIn(file, src, w.Span.Start, &w.Args[0], &w.Args[1]) {
					return false
				}
			default:
				return false
			}
		default:
			return false
		}
	}
	return true
}

// handedIn reports a cached value that uses a parameter of its method
// other than those of the key: something a caller chose, not a function of
// the key.
func handedIn(file *facts.File, at int, key, value *facts.Expr) bool {
	if strings.HasSuffix(file.Path, ".class") && !localSlotRE.MatchString(value.Text) {
		return true // compiled code shows a call's value without its arguments
	}
	inKey := map[string]bool{}
	for _, id := range javaNameRE.FindAllString(key.Text, -1) {
		inKey[id] = true
	}
	for _, id := range javaNameRE.FindAllString(value.Text, -1) {
		if !inKey[id] && paramOf(file, at, id) {
			return true
		}
	}
	return false
}

// paramOf reports whether name is a parameter of the method around offset
// at, or may be: compiled code, where no method is found around a span,
// names no parameters.
func paramOf(file *facts.File, at int, name string) bool {
	m := file.MethodAround(at)
	if m == nil {
		return true
	}
	for _, p := range m.Parameters {
		if p.Name == name {
			return true
		}
	}
	if localSlotRE.MatchString(name) {
		return compiledParam(m, name)
	}
	for _, p := range strings.Split(strings.Trim(m.Params, "() "), ",") {
		if fs := strings.Fields(p); len(fs) > 0 && fs[len(fs)-1] == name {
			return true
		}
	}
	return false
}

var localSlotRE = lazyRE(`^local(\d+)$`)

// perOwner reports a static map of weak keys whose keys are objects, not
// values: each entry belongs to the object that keys it (an app's instance,
// collected with it), so the map is already kept per owner.
func perOwner(f *facts.Field) bool {
	if !weakKeyed(f) {
		return false
	}
	args := typeArgs(f.TypeText)
	return len(args) == 2 && !valueTypes[rawSimple(args[0])]
}

// weakKeyed reports a map whose keys are held weakly: declared or built
// as a WeakHashMap (also wrapped), or by a builder's weakKeys().
func weakKeyed(f *facts.Field) bool {
	init := ""
	if f.Init != nil {
		init = f.Init.Text
	}
	return strings.Contains(init, "WeakHashMap") || strings.Contains(init, "weakKeys()") || rawSimple(f.Type) == "WeakHashMap"
}

// enumConstructor reports a write in the constructor of an enum the file
// declares, or of a class written as one (initOnlyConstructor): enum
// constants are built while the class initialises, once. src is the
// file's text (nil: a class file's facts, or none at hand).
func enumConstructor(file *facts.File, src []byte, ctx facts.Context) bool {
	if ctx.Method != "<init>" {
		return false
	}
	for _, t := range file.TypeDecls {
		if t.Name == ctx.Class {
			if t.Kind == "enum" {
				return true
			}
			break
		}
	}
	return initOnlyConstructor(file, src, ctx.Class)
}

// initOnlyConstructor reports a class only static initialisers create:
// every constructor is private and every creation of the class in the
// file sits in a static field's initialiser or a static block (a typesafe
// enum's constants, as SWIG generates them for a C++ enum). Its
// constructors run once per constant, while the class initialises, as an
// enum's do. A class file says so through its InitHelpers.
func initOnlyConstructor(f *facts.File, src []byte, class string) bool {
	if strings.HasSuffix(f.Path, ".class") {
		return len(f.Types) > 0 && class == f.Types[0] && slices.Contains(f.InitHelpers, "<init>")
	}
	if src == nil {
		return false
	}
	n := 0
	for i := range f.Methods {
		if m := &f.Methods[i]; m.Class == class && m.Name == "<init>" {
			if !isPrivate(src, m) {
				return false
			}
			n++
		}
	}
	if n == 0 {
		return false // the default constructor: anyone in the package creates it
	}
	return createdOnlyIn(src, class, staticInitSpans(f))
}

// createdOnlyIn reports a class the text creates (new Name(...)), every
// creation inside one of spans.
func createdOnlyIn(src []byte, class string, spans []facts.Span) bool {
	simple := class[strings.LastIndexAny(class, ".$")+1:]
	re := regexp.MustCompile(`\bnew\s+(?:[\w$]+\s*\.\s*)*` + regexp.QuoteMeta(simple) + `\s*(?:<[^<>()]*>\s*)?\(`)
	sites := re.FindAllIndex(src, -1)
	if len(sites) == 0 {
		return false
	}
	for _, at := range sites {
		in := false
		for _, s := range spans {
			if at[0] >= s.Start && at[1] <= s.End {
				in = true
				break
			}
		}
		if !in {
			return false
		}
	}
	return true
}

// javaNameRE finds the identifiers in an expression's text.
var javaNameRE = lazyRE(`[A-Za-z_$][\w$]*`)

// lazyInit reports an assignment that initialises a static once, on first
// use, with a value no caller chose: double-checked locking through a local
// (r = FIELD; if (r == null) { ... FIELD = r = new X(); }) or an early
// return (if (FIELD != null) return FIELD; ... FIELD = ...). The extractor
// marks only the plain if (FIELD == null) form. What it reads of the
// method around the write is found once per method (memo, which the
// caller keeps for the file): a method writing thousands of statics was
// read by two expressions once per write.
func lazyInit(p *Pass, f *facts.Field, w *facts.Write, memo map[*facts.MethodDecl]*lazyForms) bool {
	if w.Kind != facts.WriteAssign || w.Value == nil || w.Value.Kind == facts.ExprNull {
		return false
	}
	m := p.File.MethodAround(w.Span.Start)
	if m == nil {
		return false
	}
	// The value, past chained assignments (INSTANCE = result = new X()).
	value := w.Value.Text
	for {
		loc := chainedAssignRE.FindStringIndex(value)
		if loc == nil {
			break
		}
		value = value[loc[1]:]
	}
	if handedIn(p.File, w.Span.Start, &facts.Expr{}, &facts.Expr{Text: value}) {
		return false
	}
	forms := memo[m]
	if forms == nil {
		forms = readLazyForms(p.Text(m.Decl))
		memo[m] = forms
	}
	return forms.guarded(f.Name)
}

// lazyForms are the lazy initialisations of one method's text, by name.
type lazyForms struct {
	// returned: the names of "if (q.N != null) return q.N;" (a qualifier
	// optional on each side).
	returned map[string]bool
	// copied: for a name, the locals assigned it ("l = q.N;").
	copied map[string][]string
	// tested: the locals compared with null ("(l == null)", "(null == l)").
	tested map[string]bool
}

// The forms of lazyInit, each with the names it matches captured: a name
// is a run of Java identifier characters (a field's name may hold '$' or
// letters beyond ASCII), where a local is a run of \w.
var (
	lazyReturnRE = lazyRE(`if\s*\(\s*(?:\w+\s*\.\s*)?([\pL\pM\pN\p{Sc}\p{Pc}]+)\s*!=\s*null\s*\)\s*\{?\s*return\s+(?:\w+\s*\.\s*)?([\pL\pM\pN\p{Sc}\p{Pc}]+)\s*;`)
	lazyCopyRE   = lazyRE(`\b(\w+)\s*=\s*(?:\w+\s*\.\s*)?([\pL\pM\pN\p{Sc}\p{Pc}]+)\s*;`)
	lazyTestRE   = lazyRE(`\(\s*(?:(\w+)\s*==\s*null|null\s*==\s*(\w+))\s*\)`)
)

func readLazyForms(text string) *lazyForms {
	lf := &lazyForms{}
	for _, m := range lazyReturnRE.FindAllStringSubmatch(text, -1) {
		if m[1] == m[2] {
			if lf.returned == nil {
				lf.returned = map[string]bool{}
			}
			lf.returned[m[1]] = true
		}
	}
	for _, m := range lazyCopyRE.FindAllStringSubmatch(text, -1) {
		if lf.copied == nil {
			lf.copied = map[string][]string{}
		}
		lf.copied[m[2]] = append(lf.copied[m[2]], m[1])
	}
	if len(lf.copied) > 0 {
		for _, m := range lazyTestRE.FindAllStringSubmatch(text, -1) {
			if lf.tested == nil {
				lf.tested = map[string]bool{}
			}
			lf.tested[m[1]+m[2]] = true // one of them is empty
		}
	}
	return lf
}

// guarded reports a name the method initialises lazily.
func (lf *lazyForms) guarded(name string) bool {
	if lf.returned[name] {
		return true
	}
	for _, local := range lf.copied[name] {
		if lf.tested[local] {
			return true
		}
	}
	return false
}

var chainedAssignRE = lazyRE(`^\s*\w+\s*=[^=]`)

// isArray reports a field declared as an array.
func isArray(f *facts.Field) bool { return strings.HasSuffix(strings.TrimSpace(f.TypeText), "]") }

// initHelpers reports a write in a static method that only the class's
// initialisation runs as far as the file shows, although the method is
// not private: package-private (`static void staticInit()`, called from
// the static block alone), or private but called only from such a method.
// Other classes of the package may call a package-private method, which
// the file does not show, so its writes are not dropped outright: helpers
// are the methods of the chain from the write up to the static
// initialiser, whose package-private ones the project's callers confirm
// (ok false when the write is not in such a chain, or when a public or
// protected method is in it: the clients' API).
func initHelpers(f *facts.File, src []byte, ctx facts.Context) (helpers []*facts.MethodDecl, ok bool) {
	if src == nil || ctx.Method == "" || ctx.Method == "<clinit>" {
		return nil, false
	}
	// The class's initialisation code, listed once a helper of the chain
	// needs it (most writes are in a public method: none does).
	var inits []facts.Span
	listed := false
	initSpans := func() []facts.Span {
		if !listed {
			listed = true
			inits = staticInitSpans(f)
		}
		return inits
	}
	seen := map[*facts.MethodDecl]bool{}
	open := false // some method of the chain is not private
	var walk func(class, method string, depth int) bool
	walk = func(class, method string, depth int) bool {
		if depth == 0 || method == "" || method == "<clinit>" {
			return false
		}
		if method == "<init>" {
			return initOnlyCtor(f, src, class, initSpans, &open, seen, &helpers)
		}
		decl := soleMethod(f, class, method)
		if decl == nil || !decl.Static || !classOrEnum(f, class) {
			return false
		}
		if !isPrivate(src, decl) {
			if decl.Decl.Start < 0 || decl.Span.Start > len(src) || decl.Decl.Start > decl.Span.Start {
				return false
			}
			if mods := src[decl.Decl.Start:decl.Span.Start]; wordIn(mods, "public") || wordIn(mods, "protected") {
				return false
			}
			open = true
		}
		if !seen[decl] {
			seen[decl] = true
			helpers = append(helpers, decl)
		}
		// Mutual recursion ends at the depth bound, unsettled.
		return calledOnlyFrom(f, src, decl, initSpans(), depth, func(_ *facts.File, _ []byte, c, m string, d int) bool {
			return walk(c, m, d)
		})
	}
	if !walk(ctx.Class, ctx.Method, 3) || !open {
		return nil, false
	}
	return helpers, true
}

// initOnlyCtor reports the constructor of a class that, as far as the
// file shows, only its static initialiser creates: a typesafe enum whose
// constants register themselves, written before Java had enums (every
// creation of the class in the file sits in a static field's initialiser
// or a static block). A package-private constructor is a helper the
// project's other callers confirm, as a package-private static routine is
// (open); a public or protected one lets clients make more. An enum's
// constructors run only for its constants.
func initOnlyCtor(f *facts.File, src []byte, class string, initSpans func() []facts.Span, open *bool, seen map[*facts.MethodDecl]bool, helpers *[]*facts.MethodDecl) bool {
	switch kindOf(f, class) {
	case "enum":
		return true
	case "class":
	default:
		return false
	}
	decl := soleMethod(f, class, "<init>")
	if decl == nil || decl.Decl.Start < 0 || decl.Span.Start > len(src) || decl.Decl.Start > decl.Span.Start {
		return false // overloads, or the default constructor
	}
	if !isPrivate(src, decl) {
		if mods := src[decl.Decl.Start:decl.Span.Start]; wordIn(mods, "public") || wordIn(mods, "protected") {
			return false
		}
		*open = true
	}
	if !createdOnlyIn(src, class, initSpans()) {
		return false
	}
	if !seen[decl] {
		seen[decl] = true
		*helpers = append(*helpers, decl)
	}
	return true
}

// kindOf is the kind of a type the file declares ("class", "enum",
// "interface" ...), "" for one it does not.
func kindOf(f *facts.File, class string) string {
	for _, t := range f.TypeDecls {
		if t.Name == class {
			return t.Kind
		}
	}
	return ""
}

// classOrEnum reports a class or enum the file declares (an interface's
// members are public).
func classOrEnum(f *facts.File, class string) bool {
	for _, t := range f.TypeDecls {
		if t.Name == class {
			return t.Kind == "class" || t.Kind == "enum"
		}
	}
	return false
}

// staticDecls calls yield with each static field declaration of src: the
// text after the word static up to the first '=' or ';' (its modifiers,
// type and name), where the word is, and where that text ends, while
// yield returns true. A static method, initialiser, nested type or import
// (a '(' or '{' first, or their keywords) is none.
func staticDecls(src []byte, yield func(decl []byte, at, end int) bool) {
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte("static"))
		if j < 0 {
			return
		}
		at := i + j
		i = at + 6
		if at > 0 && isIdent(src[at-1]) || i < len(src) && isIdent(src[i]) ||
			bytes.HasSuffix(bytes.TrimRight(src[:at], " \t"), []byte("import")) {
			continue // a word containing it, or a static import
		}
		end := i
		for end < len(src) && end-i < 400 {
			c := src[end]
			if c == '=' || c == ';' || c == '(' || c == '{' {
				break
			}
			end++
		}
		if end >= len(src) || src[end] == '(' || src[end] == '{' {
			continue // a method, an initialiser, a nested type, an import, text
		}
		decl := src[i:end]
		if containsAny(decl, "class ", "interface ", "enum ", "record ", "import ") {
			continue
		}
		if !yield(decl, at, end) {
			return
		}
	}
}

// declName is the name a static declaration declares (staticDecls' decl):
// its last word, before the '=' or ';'; empty when there is none.
func declName(decl []byte) []byte {
	e := len(decl)
	for e > 0 && !isIdent(decl[e-1]) {
		e--
	}
	s := e
	for s > 0 && isIdent(decl[s-1]) {
		s--
	}
	return decl[s:e]
}

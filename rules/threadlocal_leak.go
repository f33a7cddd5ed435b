package rules

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var threadLocalLeakRule = register(&Rule{
	ID:     "threadlocal-leak",
	Hazard: "H24",
	Title:  "ThreadLocal set and never removed",
	Summary: "A ThreadLocal value set on a pooled thread that the base owns (web connector, RPC or MQ threads) " +
		"outlives the request and the module: it pins the module's ClassLoader after uninstall and leaks " +
		"state into the next task, which may belong to another app. Flagged when the ThreadLocal is never removed.",
	Tags:      []string{"koupleless", "leak", "threadlocal"},
	Precision: "medium",
	Default:   SeverityLow,
	Severity: map[facts.Role]Severity{
		facts.RoleShared: SeverityMedium, facts.RoleBase: SeverityLow, facts.RoleModule: SeverityLow, facts.RolePrivate: SeverityLow,
	},
	Keywords: []string{"ThreadLocal", "NamedThreadLocal", "NamedInheritableThreadLocal", "InheritableThreadLocal", "TransmittableThreadLocal", "FastThreadLocal"},
	Calls:    []string{"set", "remove", "get"},
	// isTL: the owner is one of threadLocalTypes, or a field of this class
	// has one of these types.
	CallOwners: map[string][]string{"set": threadLocalOwners, "remove": threadLocalOwners, "get": threadLocalOwners},
	Leak:       true,
	Check:      checkThreadLocalLeak,
})

var threadLocalTypes = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range threadLocalOwners {
		m[t] = true
	}
	return m
}()

func checkThreadLocalLeak(p *Pass) {
	// Every finding is at, or needs, a get, set or remove: a file without
	// one (most classes of a library) spares the tables of its fields.
	touches := false
	calls(p, func(c *facts.Call) {
		touches = touches || c.Name == "get" || c.Name == "set" || c.Name == "remove"
	})
	if !touches {
		return
	}
	fieldTypes := map[string]string{} // this file's fields: name -> type
	pinsNothing := map[string]bool{}  // ThreadLocals of JDK values only
	// Code the base loads or the library shares is never uninstalled: a
	// per-thread cache of values the library makes itself pins only the
	// library's own loader. Module code's caches pin the module's.
	libraryCache := p.Role != facts.RoleModule && p.Role != facts.RolePrivate
	for i := range p.File.Fields {
		f := &p.File.Fields[i]
		fieldTypes[f.Name] = f.Type
		if args := tlValueArgs(p, f); len(args) == 1 && pinsNoLoader(p, args[0], libraryCache, 0) {
			pinsNothing[f.Name] = true
		} else if len(args) == 1 && rawSimple(args[0]) == "Map" && bytes.Contains(p.textBytes(f.Decl), []byte("WeakHashMap")) {
			// A Map the initialiser makes a WeakHashMap: as a WeakHashMap.
			if kv := typeArgs(args[0]); len(kv) == 2 && jdkOnly(kv[1]) && !shadowsJDK(p.File, kv[1]) {
				pinsNothing[f.Name] = true
			}
		}
		if !pinsNothing[f.Name] && threadLocalTypes[f.Type] && slotsCleared(p, f) {
			pinsNothing[f.Name] = true
		}
	}
	// isTL also resolves Type.FIELD receivers, which the extractor types only
	// for JDK fields, through this file's declarations.
	isTL := func(c *facts.Call) bool {
		if threadLocalTypes[c.Owner] {
			return true
		}
		return c.Recv.Field != nil && declaresClass(p.File, c.Recv.Field.Owner) &&
			threadLocalTypes[fieldTypes[c.Recv.Field.Name]]
	}
	// The fields of this file that are cleaned somewhere, by name: removed,
	// set to null, or restored (in a finally block, or to a saved value).
	removed := map[string]bool{}
	calls(p, func(c *facts.Call) {
		if !isTL(c) {
			return
		}
		if c.Name == "remove" && len(c.Args) == 0 ||
			c.Name == "set" && len(c.Args) == 1 && (c.InFinally || c.Args[0].Kind == facts.ExprNull || restoreRE.MatchString(c.Args[0].Text)) {
			removed[fieldKey(c.Recv.Text)] = true
		}
		// Set through a private setter that a finally block calls again
		// (setCtx(x); try { ... } finally { setCtx(old); }): restored.
		if c.Name == "set" && len(c.Args) == 1 && restoredBySetter(p, c) {
			removed[fieldKey(c.Recv.Text)] = true
		}
	})
	// Every set of a field that is never cleaned is one hazard per method,
	// reported at its first set there; the field's declaration and its
	// other sets are related, so a change adding a set touches the finding.
	var sets []*facts.Call
	calls(p, func(c *facts.Call) {
		if c.Name != "set" || len(c.Args) != 1 || !isTL(c) || c.InFinally || jdkConstant(&c.Args[0]) || jdkParam(p, c, libraryCache) ||
			newPinsNoLoader(p, &c.Args[0], libraryCache) {
			return
		}
		if libraryCache && selfMadeCache(p, c) {
			return
		}
		if _, ok := fieldTypes[fieldKey(c.Recv.Text)]; ok && !removed[fieldKey(c.Recv.Text)] && !pinsNothing[fieldKey(c.Recv.Text)] {
			sets = append(sets, c)
		}
	})
	reported := map[string]bool{}
	for _, c := range sets {
		key := fieldKey(c.Recv.Text)
		if reported[key+"@"+c.Class+"."+c.Method] {
			continue
		}
		reported[key+"@"+c.Class+"."+c.Method] = true
		var related []Related
		if f := fieldNamed(p.File, key); f != nil {
			related = append(related, Related{Span: f.Span, Message: "ThreadLocal " + key + " declared here"})
		}
		for _, o := range sets {
			if o != c && fieldKey(o.Recv.Text) == key {
				related = append(related, Related{Span: o.Span, Message: key + " set here, in " + where(o.Context)})
			}
		}
		p.Report(Diagnostic{
			Message: "ThreadLocal " + key + " is set in " + where(c.Context) + " and never removed: on a pooled thread the value " +
				"outlives the task and pins the app's ClassLoader; remove() it in a finally block",
			Span: c.Span, Context: c.Context, Related: related,
		})
	}
	// A static ThreadLocal that fills itself (withInitial, an initialValue
	// override) and is never removed keeps one value per pooled thread for
	// good: reported at the declaration, with the reads that fill it.
	for i := range p.File.Fields {
		f := &p.File.Fields[i]
		if !f.Static || !threadLocalTypes[f.Type] || f.Init == nil || removed[f.Name] || pinsNothing[f.Name] ||
			!selfFillingRE.MatchString(p.Text(f.Decl)) || reportedField(reported, f.Name) ||
			libraryCache && len(typeArgs(f.TypeText)) == 1 && ownValues(p.File, typeArgs(f.TypeText)[0]) {
			continue
		}
		var related []Related
		calls(p, func(c *facts.Call) {
			if (c.Name == "get" || c.Name == "set") && isTL(c) && fieldKey(c.Recv.Text) == f.Name && len(related) < 10 {
				related = append(related, Related{Span: c.Span, Message: f.Name + " filled here, in " + where(c.Context)})
			}
		})
		if len(related) == 0 {
			continue // never read: nothing is ever filled
		}
		p.Report(Diagnostic{
			Message: "static ThreadLocal " + f.Name + " fills itself on first use and is never removed: every pooled thread keeps " +
				"its value after the task, pinning the app's ClassLoader; remove() it when the task ends",
			Span: f.Span, Context: f.Context, Related: related,
		})
	}
}

// selfFillingRE recognises a ThreadLocal that creates its value on first
// get(): withInitial, or an anonymous subclass overriding initialValue.
var selfFillingRE = lazyRE(`\bwithInitial\s*\(|\binitialValue\s*\(`)

// reportedField reports a field already reported at one of its sets.
func reportedField(reported map[string]bool, name string) bool {
	for k := range reported {
		if strings.HasPrefix(k, name+"@") {
			return true
		}
	}
	return false
}

// fieldNamed is the file's field called name, nil when there is none or
// several classes of the file declare one.
func fieldNamed(f *facts.File, name string) *facts.Field {
	var out *facts.Field
	for i := range f.Fields {
		if f.Fields[i].Name == name {
			if out != nil {
				return nil
			}
			out = &f.Fields[i]
		}
	}
	return out
}

// jdkOnly reports a ThreadLocal value type made of JDK classes only
// (String, StringBuilder, SimpleDateFormat, Map<String, Integer>, byte[]):
// the JDK's loader defines them, so the value cannot pin a module's
// ClassLoader.
func jdkOnly(t string) bool {
	t = strings.Join(strings.Fields(typeUseAnnotationRE.ReplaceAllString(t, "")), "")
	for strings.HasSuffix(t, "[]") {
		t = strings.TrimSuffix(t, "[]")
	}
	raw := rawSimple(t)
	if valueTypes[raw] || jdkHolders[raw] {
		return true
	}
	// A WeakHashMap keyed by classes or handlers holds its keys weakly:
	// only its values can pin (netty's per-thread caches of annotation
	// masks and handler names).
	if args := typeArgs(t); raw == "WeakHashMap" && len(args) == 2 {
		return jdkOnly(args[1])
	}
	if !jdkContainers[raw] && !jdkReferences[raw] {
		return false
	}
	for _, a := range typeArgs(t) {
		if !jdkOnly(a) {
			return false
		}
	}
	return len(typeArgs(t)) > 0 || strings.HasPrefix(raw, "Atomic") && raw != "AtomicReference" && raw != "AtomicReferenceArray"
}

// shadowsJDK reports a value type naming a type the file declares or
// imports from outside the JDK (a project's own Transformer or Date).
func shadowsJDK(f *facts.File, t string) bool {
	for _, name := range typeUseNameRE.FindAllString(typeUseAnnotationRE.ReplaceAllString(t, ""), -1) {
		for _, td := range f.TypeDecls {
			if simpleName(td.Name) == name {
				return true
			}
		}
		for _, im := range f.Imports {
			if !im.Static && !im.Wildcard && simpleName(im.Name) == name && !jdkPackage(im.Name) {
				return true
			}
		}
	}
	return false
}

// typeUseNameRE finds the simple type names a type use is made of.
var typeUseNameRE = lazyRE(`[A-Z]\w*`)

// jdkPackage reports a name in a package of the JDK.
func jdkPackage(n string) bool {
	for _, p := range []string{"java.", "javax.", "org.w3c.", "org.xml.", "jdk."} {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return false
}

// jdkReferences hold their referent the way a container holds its
// elements (a SoftReference<Map<String, SimpleDateFormat>> cache).
var jdkReferences = map[string]bool{"SoftReference": true, "WeakReference": true, "Reference": true, "Optional": true}

// typeUseAnnotationRE finds type-use annotations (int @Nullable []).
var typeUseAnnotationRE = lazyRE(`@[\w.]+(?:\([^()]*\))?`)

// jdkHolders are JDK types often kept per thread for reuse.
var jdkHolders = map[string]bool{
	"StringBuilder": true, "StringBuffer": true, "MessageDigest": true, "Random": true, "SecureRandom": true,
	"CharsetEncoder": true, "CharsetDecoder": true, "Calendar": true, "GregorianCalendar": true, "Deflater": true,
	"Inflater": true, "CRC32": true, "Matcher": true, "ByteBuffer": true, "CharBuffer": true, "Mac": true, "Cipher": true,
	"Date": true, "ByteArrayOutputStream": true, "CharArrayWriter": true, "StringWriter": true,
	// javax.xml's factories and parsers, defined by the JDK's loader.
	"DocumentBuilder": true, "DocumentBuilderFactory": true, "SAXParser": true, "SAXParserFactory": true,
	"Transformer": true, "TransformerFactory": true, "XMLInputFactory": true, "XMLOutputFactory": true,
	"XPath": true, "XPathFactory": true, "XMLReader": true,
}

// restoredBySetter reports a set whose value is a parameter of a private
// method that some finally block of the file calls: the setter's only job
// is to put the value back.
func restoredBySetter(p *Pass, c *facts.Call) bool {
	m := p.File.MethodAround(c.Span.Start)
	if m == nil || !(isPrivate(p.Src, m) || swapSetter(p, m, c)) || !paramOf(p.File, c.Span.Start, c.Args[0].Text) {
		return false
	}
	// Only calls the rule asked for are extracted: read the finally blocks.
	return regexp.MustCompile(`\bfinally\s*\{[^{}]*\b` + regexp.QuoteMeta(m.Name) + `\s*\(`).Match(p.Src)
}

// swapSetter reports a setter that hands back the value it replaces
// (Jetty's HttpConnection last = setCurrentConnection(this); ... finally
// { setCurrentConnection(last); }): made for save and restore, whoever
// may call it.
func swapSetter(p *Pass, m *facts.MethodDecl, c *facts.Call) bool {
	r := strings.TrimSpace(m.Returns)
	if r == "" || r == "void" || m.Decl.Start > c.Span.Start || c.Span.End > m.Decl.End {
		return false
	}
	before := string(p.Src[m.Decl.Start:c.Span.Start])
	after := string(p.Src[c.Span.End:m.Decl.End])
	recv := regexp.QuoteMeta(strings.Join(strings.Fields(c.Recv.Text), ""))
	return regexp.MustCompile(`\b`+recv+`\s*\.\s*get\s*\(\s*\)`).MatchString(before) && strings.Contains(after, "return")
}

// jdkParam reports a set of a parameter whose declared type pins no
// loader (RegexSupport.setLastMatcher(Matcher matcher)).
func jdkParam(p *Pass, c *facts.Call, own bool) bool {
	m := p.File.MethodAround(c.Span.Start)
	if m == nil {
		return false
	}
	name := strings.TrimSpace(c.Args[0].Text)
	for _, part := range splitTopLevel(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(m.Params), "("), ")"), ',', true) {
		f := strings.Fields(typeUseAnnotationRE.ReplaceAllString(part, ""))
		if len(f) < 2 || f[len(f)-1] != name {
			continue
		}
		if f[0] == "final" {
			f = f[1:]
		}
		return pinsNoLoader(p, strings.Join(f[:len(f)-1], ""), own, 0)
	}
	return false
}

// restoreRE recognises a saved value being put back: set(oldValue).
var restoreRE = lazyRE(`^(?:this\.)?(?:old|prev|previous|saved|original)[A-Z_\w]*$`)

// jdkConstant: a value that pins no app class (null, literals, Boolean.TRUE).
func jdkConstant(x *facts.Expr) bool {
	switch x.Kind {
	case facts.ExprNull, facts.ExprLiteral, facts.ExprString:
		return true
	}
	return x.Text == "Boolean.TRUE" || x.Text == "Boolean.FALSE"
}

// fieldKey reduces a receiver to the field name: this.CTX, Holder.CTX, CTX.
func fieldKey(recv string) string {
	recv = strings.Join(strings.Fields(recv), "")
	if i := strings.LastIndexByte(recv, '.'); i >= 0 {
		return recv[i+1:]
	}
	return recv
}

// selfMadeCache reports a set in a getter that caches per thread a value
// it makes itself: "x = tl.get(); if (x == null) { x = new T(); tl.set(x);
// } return x;", the value built from no parameter of the method. No
// caller's object is kept, only the library's own (log4j's reusable
// messages, a codec's per-thread marshaller).
func selfMadeCache(p *Pass, c *facts.Call) bool {
	x := strings.TrimSpace(c.Args[0].Text)
	m := p.File.MethodAround(c.Span.Start)
	if !identifier(x) || m == nil || len(p.Src) == 0 || paramOf(p.File, c.Span.Start, x) ||
		strings.TrimSpace(m.Returns) == "" || strings.TrimSpace(m.Returns) == "void" || m.Decl.End > len(p.Src) {
		return false
	}
	before := string(p.Src[m.Decl.Start:c.Span.Start])
	after := string(p.Src[c.Span.End:m.Decl.End])
	made := regexp.MustCompile(`\b`+regexp.QuoteMeta(x)+`\s*=\s*((?:new\s+)?[\w.]+\s*(?:<[^;()]*>\s*)?(?:\[\s*\]\s*)?[({][^;]*);`).FindAllStringSubmatchIndex(before, -1)
	if len(made) == 0 {
		return false
	}
	// From the value's making to the set: what it is built and filled from.
	built := before[made[len(made)-1][2]:]
	// The getter returns the value, or what the value wraps (jackson's
	// br = new BufferRecycler(); ref = new SoftReference<>(br);
	// tl.set(ref); return br;).
	returned := false
	for _, r := range returnExprRE.FindAllStringSubmatch(after, -1) {
		e := strings.TrimSpace(r[1])
		if regexp.MustCompile(`\b`+regexp.QuoteMeta(x)+`\b`).MatchString(e) ||
			identifier(e) && !javaKeyword[e] && regexp.MustCompile(`\b`+regexp.QuoteMeta(e)+`\b`).MatchString(built) && !paramOf(p.File, c.Span.Start, e) {
			returned = true
		}
	}
	if !returned {
		return false
	}
	if strings.Contains(strings.Join(strings.Fields(built), ""), strings.Join(strings.Fields(c.Recv.Text), "")+".get(") {
		return false // the ThreadLocal's own value, read back
	}
	for _, n := range paramNames(m.Params) {
		q := regexp.QuoteMeta(n)
		// A parameter only tested for null (if (existing == null)
		// tl.set(made)) decides whether to keep the value, not what it holds.
		uses := regexp.MustCompile(`\b`+q+`\s*[!=]=\s*null\b|\bnull\s*[!=]=\s*`+q+`\b`).ReplaceAllString(built, "")
		if regexp.MustCompile(`\b` + q + `\b`).MatchString(uses) {
			return false // built from what the caller hands in
		}
	}
	return true
}

// ownValues reports a ThreadLocal value type made of JDK values and the
// library's own types (declared in the file, imported from the library's
// own packages, or of its package): what the library keeps per thread
// for itself, no app object (an Object, a Runnable) among it.
func ownValues(f *facts.File, t string) bool {
	t = strings.Join(strings.Fields(typeUseAnnotationRE.ReplaceAllString(t, "")), "")
	for strings.HasSuffix(t, "[]") {
		t = strings.TrimSuffix(t, "[]")
	}
	if t == "?" || jdkOnly(t) {
		return true
	}
	raw := rawSimple(t)
	if jdkContainers[raw] || jdkReferences[raw] {
		args := typeArgs(t)
		for _, a := range args {
			if !ownValues(f, a) {
				return false
			}
		}
		return len(args) > 0
	}
	return libraryType(f, strings.TrimRight(genericless(t), "[] "))
}

// libraryType reports a type name of the library: declared in the file,
// imported from a package sharing the file's root, or a simple name
// neither imported nor of java.lang (the file's own package).
func libraryType(f *facts.File, name string) bool {
	if strings.Contains(name, ".") && !strings.Contains(name, "$") && strings.ToUpper(name[:1]) != name[:1] {
		return samePackageRoot(name, f.Package+".X")
	}
	simple := simpleName(strings.ReplaceAll(name, "$", "."))
	for _, td := range f.TypeDecls {
		if simpleName(strings.ReplaceAll(td.Name, "$", ".")) == simple {
			return true
		}
	}
	for _, im := range f.Imports {
		if !im.Static && !im.Wildcard && simpleName(im.Name) == simple {
			return samePackageRoot(im.Name, f.Package+".X")
		}
	}
	return !javaLangTypes[simple] && !strings.Contains(name, ".")
}

// javaLangTypes are java.lang's types a value may be declared as without
// an import; an Object or a Runnable is whatever the caller handed in.
var javaLangTypes = map[string]bool{
	"Object": true, "Runnable": true, "Thread": true, "Class": true, "ClassLoader": true, "Throwable": true,
	"Exception": true, "RuntimeException": true, "Error": true, "Iterable": true, "Comparable": true,
	"CharSequence": true, "AutoCloseable": true, "Number": true, "Enum": true, "Record": true, "Cloneable": true,
	"Appendable": true, "Readable": true,
}

// A ThreadLocal whose value is a JDK array or container (Object[] frames,
// a List<Object> of pending work) pins no ClassLoader by itself: only what
// its slots hold can. When the owner empties the slots as its calls
// return, nothing of an app stays on the pooled thread.

// slotsCleared reports a ThreadLocal field of f whose value is a JDK
// array or container that the file empties on the path that fills it: an
// array whose slots are set to null (frames[--depth] = null,
// Arrays.fill(frames, null)), anywhere in the file, as a stack's pops or
// the return to depth zero; a container cleared (clear()) or drained
// (while ((r = queue.poll()) != null)) in a method that also adds to it. A container emptied only by a separate method
// (MDC.clear()) depends on its callers and does not count.
func slotsCleared(p *Pass, f *facts.Field) bool {
	args := typeArgs(f.TypeText)
	if len(args) != 1 || len(p.Src) == 0 {
		return false
	}
	t := strings.Join(strings.Fields(typeUseAnnotationRE.ReplaceAllString(args[0], "")), "")
	array := strings.HasSuffix(t, "[]")
	if !array && (!jdkContainers[rawSimple(t)] || shadowsJDK(p.File, t)) {
		return false
	}
	name := regexp.QuoteMeta(f.Name)
	direct := `(?:[\w.]*\.)?` + name + `\s*\.\s*get\s*\(\s*\)`
	boundRE := regexp.MustCompile(`\b(\w+)\s*=\s*` + direct)
	for i := range p.File.Methods {
		m := &p.File.Methods[i]
		if !sameNest(m.Class, f.Class) {
			continue
		}
		code := javaCode(p.Text(m.Decl))
		if !regexp.MustCompile(`\b` + name + `\b`).MatchString(code) {
			continue
		}
		alts := []string{`\b` + direct}
		for _, b := range boundRE.FindAllStringSubmatch(code, -1) {
			alts = append(alts, `\b`+regexp.QuoteMeta(b[1])+`\b`)
		}
		x := `(?:` + strings.Join(alts, "|") + `)`
		if array {
			if regexp.MustCompile(x + `\s*\[[^\]]+\]\s*=\s*null\b|\bArrays\s*\.\s*fill\s*\(\s*` + x + `\s*,[^;]*\bnull\s*\)`).MatchString(code) {
				return true
			}
			continue
		}
		if regexp.MustCompile(x+`\s*\.\s*clear\s*\(\s*\)|\(\s*\w+\s*=\s*`+x+`\s*\.\s*(?:poll|pollFirst|pollLast|pop|remove)\s*\(\s*\)\s*\)\s*!=\s*null`).MatchString(code) &&
			regexp.MustCompile(x+`\s*\.\s*(?:add|addAll|addFirst|addLast|put|putAll|push|offer|offerFirst|offerLast)\s*\(`).MatchString(code) {
			return true
		}
	}
	return false
}

// weakReferences hold their referent weakly: whatever it is, the thread
// keeps only the JDK's reference object (a WeakReference<Thread> to the
// owner of a lock, a WeakReference to a handler).
var weakReferences = map[string]bool{"WeakReference": true, "PhantomReference": true}

// pinsNoLoader reports a ThreadLocal value type that cannot pin a
// module's ClassLoader: JDK types only (also in JDK containers and soft
// references), a weak reference to anything, and, when own is set (code
// the base loads or the library shares), a plain holder class of the
// file whose fields are all such types.
func pinsNoLoader(p *Pass, t string, own bool, depth int) bool {
	t = strings.Join(strings.Fields(typeUseAnnotationRE.ReplaceAllString(t, "")), "")
	for strings.HasSuffix(t, "[]") {
		t = strings.TrimSuffix(t, "[]")
	}
	raw := rawSimple(t)
	if raw == "" || depth > 3 {
		return false
	}
	if weakReferences[raw] && !shadowsJDK(p.File, raw) {
		return true
	}
	if jdkOnly(t) && !shadowsJDK(p.File, t) {
		return true
	}
	args := typeArgs(t)
	if (jdkContainers[raw] || jdkReferences[raw]) && len(args) > 0 && !shadowsJDK(p.File, raw) {
		if raw == "WeakHashMap" && len(args) == 2 {
			args = args[1:] // weak keys
		}
		for _, a := range args {
			if !pinsNoLoader(p, a, own, depth+1) {
				return false
			}
		}
		return true
	}
	return own && len(args) == 0 && jdkFieldsHolder(p, raw, depth)
}

// jdkFieldsHolder reports a class of the file, by simple name, that holds
// only values pinning no loader: a top-level or static nested class or
// enum, not generic, not abstract, extending nothing but Object, whose
// instance fields are all of such types (a per-thread stamp of a long
// and a String). Its instances pin the library's own loader alone.
func jdkFieldsHolder(p *Pass, simple string, depth int) bool {
	var td *facts.TypeDecl
	for i := range p.File.TypeDecls {
		if simpleName(p.File.TypeDecls[i].Name) == simple {
			if td != nil {
				return false
			}
			td = &p.File.TypeDecls[i]
		}
	}
	if td == nil || td.Kind != "class" && td.Kind != "enum" || td.Super != "" && td.Super != "Object" && td.Super != "java.lang.Object" {
		return false
	}
	head := p.Text(facts.Span{Start: td.Decl.Start, End: td.Span.End})
	rest := p.Text(facts.Span{Start: td.Span.End, End: td.Decl.End})
	if head == "" || strings.HasPrefix(strings.TrimSpace(rest), "<") || abstractRE.MatchString(head) {
		return false
	}
	// An inner class holds its enclosing instance, which may be anything.
	if strings.Contains(td.Name, "$") && td.Kind == "class" && !staticRE.MatchString(head) {
		return false
	}
	for i := range p.File.Fields {
		f := &p.File.Fields[i]
		if f.Class == td.Name && !f.Static && !pinsNoLoader(p, f.TypeText, true, depth+1) {
			return false
		}
	}
	return true
}

// newPinsNoLoader reports a value made right there of a type that pins no
// loader: set(new SimpleDateFormat(...)), set(new WeakReference<>(t)).
func newPinsNoLoader(p *Pass, x *facts.Expr, own bool) bool {
	if x.Kind == facts.ExprName && x.Local != nil {
		x = x.Local // Stamp s = new Stamp(); ...; TL.set(s)
	}
	if x.Kind != facts.ExprNew {
		return false
	}
	m := newValueTypeRE.FindStringSubmatch(x.Text)
	if m == nil || strings.HasSuffix(m[1], "<>") && !weakReferences[rawSimple(m[1])] {
		return false // a diamond: what it holds is its arguments'
	}
	return pinsNoLoader(p, m[1], own, 0)
}

// abstractRE and staticRE find modifiers in a class declaration's head.
var abstractRE, staticRE = regexp.MustCompile(`\babstract\b`), regexp.MustCompile(`\bstatic\b`)

// newValueTypeRE reads the type of a class instance creation, generics
// included: new Foo<Bar>(...) -> Foo<Bar>.
var newValueTypeRE = regexp.MustCompile(`^new\s+([\w.$]+(?:\s*<[^()]*>)?)\s*\(`)

// tlValueArgs are the type arguments of a ThreadLocal field: as declared,
// or, for a raw declaration, as its initialiser creates it (static
// ThreadLocal CACHE = new ThreadLocal<SoftReference<Map<String, Format>>>()).
func tlValueArgs(p *Pass, f *facts.Field) []string {
	if args := typeArgs(f.TypeText); len(args) > 0 || f.Init == nil || f.Init.Kind != facts.ExprNew {
		return args
	}
	if m := newValueTypeRE.FindStringSubmatch(f.Init.Text); m != nil && threadLocalOwnerSimple[rawSimple(m[1])] {
		return typeArgs(m[1])
	}
	return nil
}

// threadLocalOwnerSimple are the simple names of threadLocalOwners.
var threadLocalOwnerSimple = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range threadLocalOwners {
		m[simpleName(t)] = true
	}
	return m
}()

// javaKeyword are the literals and keywords a bare return may name.
var javaKeyword = map[string]bool{"null": true, "this": true, "true": true, "false": true, "super": true}

// returnExprRE finds a return statement's expression.
var returnExprRE = regexp.MustCompile(`\breturn\s+([^;]*);`)

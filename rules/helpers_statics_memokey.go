package rules

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A static map that memoises, per key object, a wrapper the library builds
// around that object, in one get-or-compute routine: the routine reads the
// map by the key and returns what it finds; only when nothing is there it
// builds `new Wrapper(key, ...)` (or hands computeIfAbsent a function that
// does), puts it under the key and returns it. A language runtime's pointer
// type per component type, a resource bundle's wrapper per bundle.
//
// Such a map is dropped, not kept as a note. The key is an object, not a
// name or a number an app picks (a String key keeps today's verdict): an
// entry is found only by code that holds that very object, so an app's own
// objects key entries only it reaches, and a library object keys an entry
// built around the library's object. The value is an instance of a class
// the file declares, built from the key, constants and calls on the key,
// plus at most what says which code asks: a type descriptor (a Class, a
// runtime's type object) or, for a private routine, a parameter every
// caller in the file derives the key from (a bundle's base name, the
// bundle itself loaded by that name). It is never built from a behaviour
// the caller hands in (a listener, a callback, a loader, an Object), from
// a plain value a caller chose beside the key (a String the key does not
// come from), from the instance's state, or from a class found by name;
// and the wrapper class is no thread, stream, connection, pool or other
// resource an app drives. Any other write (an assignment, putAll, a put
// elsewhere) leaves the map to the other checks.

// identityMemo reports a private static map every write of which is such
// a fill, clear() or remove(key).
func identityMemo(file *facts.File, src []byte, f *facts.Field, ws []*facts.Write) bool {
	if src == nil || strings.HasSuffix(file.Path, ".class") || !isMap(f) || !privateField(src, f) {
		// Another class's fills of an open map are not in view here,
		// and the project's check leaves a field written in its own
		// file to this one.
		return false
	}
	fills := 0
	for _, w := range ws {
		if w.Kind != facts.WriteCall {
			return false
		}
		switch w.Method {
		case "clear", "remove":
			continue
		case "put", "putIfAbsent", "computeIfAbsent":
			if len(w.Args) != 2 || !identityFill(file, src, f, w) {
				return false
			}
			fills++
		default:
			return false
		}
	}
	return fills > 0
}

// identityFill reports one put or computeIfAbsent of an identity memo.
func identityFill(file *facts.File, src []byte, f *facts.Field, w *facts.Write) bool {
	m := file.MethodAround(w.Span.Start)
	if m == nil || m.Name == "<init>" || m.Decl.Start < 0 || m.Decl.End > len(src) || w.Span.Start < m.Decl.Start {
		return false
	}
	body := string(src[m.Decl.Start:m.Decl.End])
	params := paramsOf(m)
	keyText := strings.TrimSpace(w.Args[0].Text)
	sm := identityKeyRE.FindStringSubmatch(keyCastRE.ReplaceAllString(keyText, ""))
	if sm == nil {
		return false
	}
	ki := paramIndex(params, sm[1])
	if ki < 0 || !identityKeyType(params[ki].typ, sm[2] != "") {
		return false
	}
	keys := map[string]bool{sm[1]: true}
	value := strings.TrimSpace(w.Args[1].Text)
	if sm[2] != "" {
		// Only the key's own element: another element of the same array
		// is a caller's other input.
		idx := strings.Join(strings.Fields(sm[2]), "")
		for _, e := range regexp.MustCompile(`(?:^|[^\w$.])`+regexp.QuoteMeta(sm[1])+`\b(\s*\[[^\]]*\])?`).FindAllStringSubmatch(body, -1) {
			if e[1] != "" && strings.Join(strings.Fields(e[1]), "") != idx {
				return false
			}
		}
	}
	if w.Method == "computeIfAbsent" {
		lm := keyLambdaRE.FindStringSubmatch(value)
		if lm == nil {
			return false
		}
		keys[lm[1]] = true
		return builtAroundKey(file, src, m, body, params, ki, keys, strings.TrimSpace(lm[2]))
	}
	// A get-or-compute: the map is read by the same key before the put.
	name := regexp.QuoteMeta(f.Name)
	read := regexp.MustCompile(`(?:^|[^\w$])` + name + `\s*\.\s*(?:get|containsKey)\s*\(\s*` + regexp.QuoteMeta(keyText) + `\s*\)`)
	if !read.MatchString(string(src[m.Decl.Start:w.Span.Start])) {
		return false
	}
	if !identifier(value) {
		return builtAroundKey(file, src, m, body, params, ki, keys, value)
	}
	// A local: null, what the map holds under the key, or the wrapper.
	built := false
	mapRead := regexp.MustCompile(`^(?:\(\s*[\w.$<>?,\s]+\)\s*)?(?:[\w$]+\s*\.\s*)?` + name + `\s*\.\s*get\s*\(\s*` + regexp.QuoteMeta(keyText) + `\s*\)$`)
	for _, a := range assignmentsTo(value).FindAllStringSubmatch(body, -1) {
		rhs := strings.TrimSpace(a[1])
		switch {
		case rhs == "null" || mapRead.MatchString(rhs):
		case builtAroundKey(file, src, m, body, params, ki, keys, rhs):
			built = true
		default:
			return false
		}
	}
	return built
}

var (
	// A parameter, or a fixed element of an array parameter (args[0]).
	identityKeyRE = lazyRE(`^([A-Za-z_$][\w$]*)(\s*\[\s*\d+\s*\])?$`)
	keyCastRE     = lazyRE(`^\(\s*[\w.$<>?,\s\[\]]+\)\s*`)
	// k -> expr, (k) -> expr: a function of its one argument.
	keyLambdaRE = lazyRE(`^\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*->\s*([^{].*)$`)
	newOwnRE    = lazyRE(`^(?:\(\s*[\w.$<>?,\s]+\)\s*)?new\s+([\w.$]+)\s*(?:<[^()]*>)?\s*\(`)
	// Classes whose instances are resources or behaviour an app drives.
	resourceTypeRE = lazyRE(`(?:Thread|Runnable|Callable|Closeable|Stream|Reader|Writer|Connection|Socket|Channel|Executor\w*|Pool|Timer|Listener|Callback|Handler|Session)$`)
)

// identityKeyType reports a key type whose entries only the holder of
// the key object finds: a class's (upper-case) name, not a JDK value (an
// app picks a name or a number), not a primitive, not Object or a type
// variable (either may be a string), not a collection, whose equality is
// its contents.
func identityKeyType(typ string, element bool) bool {
	t := strings.Join(strings.Fields(typ), "")
	if element {
		switch {
		case strings.HasSuffix(t, "[]"):
			t = strings.TrimSuffix(t, "[]")
		case strings.HasSuffix(t, "..."):
			t = strings.TrimSuffix(t, "...")
		default:
			return false
		}
	}
	raw := rawSimple(t)
	return !strings.HasSuffix(t, "[]") && !strings.HasSuffix(t, "...") && len(raw) > 1 && !jdkValue(raw) &&
		raw[0] >= 'A' && raw[0] <= 'Z' && raw != "Object" && !jdkContainers[raw] && !jdkValueKeys[raw]
}

// jdkValueKeys are JDK types that JDK value types leave out but whose
// equality is their contents: two apps naming the same file, address or
// instant share the entry.
var jdkValueKeys = map[string]bool{
	"File": true, "Path": true, "URL": true, "UUID": true, "InetAddress": true, "InetSocketAddress": true,
	"Date": true, "Instant": true, "LocalDate": true, "LocalDateTime": true, "Optional": true, "Enum": true,
}

// builtAroundKey reports `new W(args)` of a class W the file declares, no
// resource, whose arguments wrap the key (one of them reads it) and read
// nothing else of a caller's but type descriptors and the parameters the
// key comes from.
func builtAroundKey(file *facts.File, src []byte, m *facts.MethodDecl, body string, params []param, ki int, keys map[string]bool, expr string) bool {
	loc := newOwnRE.FindStringSubmatchIndex(expr)
	if loc == nil || strings.Contains(expr, "{") || !strings.HasSuffix(expr, ")") || appLoadedRE.MatchString(expr) {
		return false
	}
	if !ownWrapperClass(file, expr[loc[2]:loc[3]]) {
		return false
	}
	args, ok := callArgs(expr[loc[1]:])
	if !ok {
		return false
	}
	if !m.Static {
		// A bare call in an instance method may read the instance's
		// state (an app's configuration of it).
		for _, c := range bareCallRE.FindAllStringSubmatch(expr, -1) {
			if instanceMethod(file, m.Class, c[1]) {
				return false
			}
		}
	}
	wraps := false
	for _, a := range args {
		for id := range inputsOf(a, body) {
			switch {
			case keys[id]:
				wraps = true
			case id == "this" || id == "super":
				return false // the instance's state
			case paramIndex(params, id) >= 0:
				pi := paramIndex(params, id)
				if !descriptorType(params[pi].typ) && !keySource(file, src, m, params, ki, pi) {
					return false
				}
			case mutableField(file, m.Class, id):
				return false
			}
		}
	}
	return wraps
}

// ownWrapperClass reports a class the file declares, by its simple name,
// that is no resource or behaviour (by its name, superclass or
// interfaces).
func ownWrapperClass(file *facts.File, name string) bool {
	simple := simpleName(name)
	for _, t := range file.TypeDecls {
		if simpleName(t.Name) != simple || t.Kind != "class" {
			continue
		}
		for _, n := range append([]string{t.Name, t.Super}, t.Interfaces...) {
			if n != "" && resourceTypeRE.MatchString(rawSimple(n)) {
				return false
			}
		}
		return true
	}
	return false
}

// descriptorType reports a parameter type that says which code asks (a
// Class, a reflective or a runtime's type object), not data or behaviour
// of an app's.
func descriptorType(typ string) bool {
	raw := rawSimple(strings.Join(strings.Fields(typ), ""))
	return raw == "Class" || raw == "Type" || strings.HasSuffix(raw, "Type") && len(raw) > 4
}

// keySource reports a parameter pi of private method m from which every
// call in the file derives the key it passes for parameter ki
// (getRef(name, load(name, loader), owner)): the key stands for it.
func keySource(file *facts.File, src []byte, m *facts.MethodDecl, params []param, ki, pi int) bool {
	if !isPrivate(src, m) {
		return false
	}
	text := string(src)
	calls := 0
	for _, loc := range helperCallRE(m.Name).FindAllStringSubmatchIndex(text, -1) {
		at := loc[2]
		if at == m.Span.Start {
			continue // the declaration's own name
		}
		if at >= 2 && text[at-2:at] == "::" {
			return false
		}
		args, ok := callArgs(text[loc[1]:])
		caller := file.MethodAround(at)
		if !ok || len(args) != len(params) || caller == nil || caller == m || caller.Decl.End > len(src) {
			return false
		}
		p := strings.TrimSpace(args[pi])
		if !identifier(p) {
			return false
		}
		if !inputsOf(args[ki], string(src[caller.Decl.Start:caller.Decl.End]))[p] {
			return false
		}
		calls++
	}
	return calls > 0
}

var bareCallRE = lazyRE(`(?:^|[^\w$.])([A-Za-z_$][\w$]*)\s*\(`)

// instanceMethod reports a method of the class named name that is not
// static.
func instanceMethod(file *facts.File, class, name string) bool {
	for i := range file.Methods {
		if m := &file.Methods[i]; m.Class == class && m.Name == name && !m.Static {
			return true
		}
	}
	return false
}

// mutableField reports a field of the class (or its outer classes) named
// id that is not a static final: an instance's state, or a static an app
// can set.
func mutableField(file *facts.File, class, id string) bool {
	for i := range file.Fields {
		fd := &file.Fields[i]
		if fd.Name == id && (fd.Class == class || strings.HasPrefix(class, fd.Class+"$")) {
			return !fd.Static || !fd.Final
		}
	}
	return false
}

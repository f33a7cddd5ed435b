package rules

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// Two more shapes of static collection whose content no app's write changes
// for another app:
//
//   - a registry keyed by each owner's own object (a container, a pool
//     instance) that the class both fills for an owner and empties of that
//     owner's entry at its end: each owner finds only its own entry, as in
//     a weak-keyed map (perOwner). A key an app can choose as a name (a
//     String, a number) can collide between apps, and stays reported;
//   - a work queue of the library's own machinery (objects a finalizer
//     registers, callbacks the class defers) that one of its methods walks
//     and then clears or replaces with a fresh collection on each run. A
//     public method that lets apps add callbacks or names to it is an app
//     registry, and stays reported.

// ownerScoped reports a static of either shape. A class file shows the
// first when its keys are this or parameters (their types are the
// descriptor's) and the class has no nested class, whose writes (a
// clear() in a cleaner thread) a source's file holds but the class file
// does not; a local's declared type, and the walks that make a queue, are
// in the source's text alone.
func ownerScoped(file *facts.File, src []byte, f *facts.Field, ws []*facts.Write) bool {
	compiled := strings.HasSuffix(file.Path, ".class")
	if src == nil && !compiled || !isContainer(f) || len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if c := w.Context.Class; c != f.Class && !strings.HasPrefix(c, f.Class+"$") {
			return false // written from elsewhere: an interface between classes
		}
	}
	if compiled {
		return !nestsClasses(file, f.Class) && (ownerKeyed(file, src, f, ws) || weakOwnerKeyed(file, src, f, ws))
	}
	return ownerKeyed(file, src, f, ws) || weakOwnerKeyed(file, src, f, ws) || internalQueue(file, src, f, ws)
}

// weakOwnerKeyed reports a weak-keyed map declared without type arguments
// (a raw Map of a WeakHashMap) whose every write puts or removes an
// owner's entry (ownerKey: this, or a parameter or local of a type that is
// not a name): an entry per owner object, collected with it, as perOwner
// reads from a typed declaration (Axis's TypeDesc registry keyed by Class).
func weakOwnerKeyed(file *facts.File, src []byte, f *facts.Field, ws []*facts.Write) bool {
	if !isMap(f) || len(typeArgs(f.TypeText)) != 0 || !weakKeyed(f) {
		return false
	}
	for _, w := range ws {
		if w.Kind != facts.WriteCall || len(w.Args) == 0 || !ownerFills[w.Method] && w.Method != "remove" || !ownerKey(file, src, w) {
			return false
		}
	}
	return true
}

// ownerFills are the map writes that add an owner's entry.
var ownerFills = map[string]bool{"put": true, "putIfAbsent": true, "computeIfAbsent": true}

// ownerKeyed reports a map keyed by an object identity whose every write
// puts or removes one owner's entry, with a remove for the owners it puts.
// A map declared without type arguments (a raw Hashtable) is judged by its
// writes' keys alone.
func ownerKeyed(file *facts.File, src []byte, f *facts.Field, ws []*facts.Write) bool {
	args := typeArgs(f.TypeText)
	if !isMap(f) || len(args) != 2 && len(args) != 0 || len(args) == 2 && nameKey(rawSimple(args[0])) {
		return false
	}
	puts, removes := 0, 0
	for _, w := range ws {
		if w.Kind != facts.WriteCall || len(w.Args) == 0 || !ownerFills[w.Method] && w.Method != "remove" {
			return false
		}
		if !ownerKey(file, src, w) {
			return false
		}
		if w.Method == "remove" {
			removes++
		} else {
			puts++
		}
	}
	return puts > 0 && removes > 0
}

// ownerKey reports a write whose key is this, the calling thread (a table
// of each thread's own entry, a hand-made ThreadLocal: log4j's NDC,
// ImageJ's macro options), or a parameter or local variable of its method
// declared with a type that is not a value type (an Object parameter is
// the owner object handed in).
func ownerKey(file *facts.File, src []byte, w *facts.Write) bool {
	key := strings.TrimSpace(w.Args[0].Text)
	if key == "this" || strings.Join(strings.Fields(key), "") == "Thread.currentThread()" {
		return true
	}
	if !ownerIdentRE.MatchString(key) {
		return false
	}
	m := file.MethodAround(w.Span.Start)
	if strings.HasSuffix(file.Path, ".class") {
		return m != nil && compiledOwnerKey(m, key)
	}
	if m == nil || m.Decl.Start < 0 || m.Decl.End > len(src) {
		return false
	}
	decl := regexp.MustCompile(`([\w.$]+)(?:<[^()]*?>)?(?:\[\]|\.\.\.)?\s+` + regexp.QuoteMeta(key) + `\s*[,)=;:]`)
	at := decl.FindSubmatch(src[m.Decl.Start:m.Decl.End])
	if at == nil {
		return false
	}
	t := rawSimple(string(at[1]))
	return !nameKey(t) && t != "return" && t != "new"
}

// nestsClasses reports a class file of a nested class, or of one that
// declares nested classes: the writes of its field the source's file
// shows may sit in other class files.
func nestsClasses(file *facts.File, class string) bool {
	if strings.Contains(class, "$") {
		return true
	}
	for _, t := range file.Types {
		if t != class {
			return true
		}
	}
	return false
}

// compiledOwnerKey reports a compiled key (a local slot, "local1") that
// is a parameter of m of a type that is not a name (nameKey), as the
// descriptor gives it. Other locals are unknown: no declared type.
func compiledOwnerKey(m *facts.MethodDecl, key string) bool {
	sm := localSlotRE.FindStringSubmatch(key)
	if sm == nil {
		return false
	}
	n, _ := strconv.Atoi(sm[1])
	for _, p := range paramsOf(m) {
		if p.slot == n {
			t := rawSimple(p.typ)
			return !nameKey(t)
		}
	}
	return false
}

// nameKey reports a key type whose values an app can choose as names, so
// that two apps' keys can be equal: a value type, a primitive, or a type
// named for an address, a name, an id or a location (a LocalAddress("x")
// equals every other LocalAddress("x")).
func nameKey(t string) bool {
	// A primitive (int, long) is the one lower-case type name.
	if valueTypes[t] || t == strings.ToLower(t) {
		return true
	}
	for _, s := range []string{"Address", "Name", "Key", "Id", "ID", "Identifier", "Path", "File", "URL", "Url", "Uri", "UUID", "Endpoint", "Enum"} {
		if strings.HasSuffix(t, s) {
			return true
		}
	}
	return false
}

var ownerIdentRE = lazyRE(`^[A-Za-z_$][\w$]*$`)

// internalQueue reports a static collection filled only through the
// class's queue writes and, in some method of the class, walked (or taken
// into a local) and then cleared or replaced by null or a fresh collection.
func internalQueue(file *facts.File, src []byte, f *facts.Field, ws []*facts.Write) bool {
	elem := ""
	args := typeArgs(f.TypeText)
	if len(args) > 0 {
		elem = rawSimple(args[len(args)-1])
	}
	if isMap(f) && (len(args) != 2 || nameKey(rawSimple(args[0]))) {
		return false // keyed by names apps choose: a registry, not a queue
	}
	fills := 0
	for _, w := range ws {
		switch {
		case w.Kind == facts.WriteCall && queueOps[w.Method]:
			if removals[w.Method] || strings.HasPrefix(w.Method, "poll") || strings.HasPrefix(w.Method, "remove") ||
				w.Method == "take" || w.Method == "drainTo" {
				continue
			}
			fills++
			m := file.MethodAround(w.Span.Start)
			if m == nil || appFill(src, m, elem) {
				return false
			}
		case w.Kind == facts.WriteAssign && w.Value != nil && freshOrNull(w.Value.Text):
		default:
			return false
		}
	}
	if fills == 0 {
		return false
	}
	name := regexp.QuoteMeta(f.Name)
	walk := regexp.MustCompile(`(?:for\s*\([^;:()]*:\s*(?:\w+\s*\.\s*)?` + name + `(?:\s*\.\s*(?:values|keySet|entrySet)\s*\(\s*\))?\s*\)|\b` +
		name + `\s*\.\s*(?:iterator|forEach|toArray|stream|values|keySet|entrySet)\s*\(|=\s*(?:new\s+[\w.$<>, ]+\(\s*)?` + name + `\s*\)?\s*;)`)
	clear := regexp.MustCompile(`\b` + name + `\s*\.\s*clear\s*\(\s*\)`)
	for i := range file.Methods {
		m := &file.Methods[i]
		if m.Class != f.Class && !strings.HasPrefix(m.Class, f.Class+"$") || m.Decl.Start < 0 || m.Decl.End > len(src) {
			continue
		}
		text := src[m.Decl.Start:m.Decl.End]
		if !walk.Match(text) {
			continue
		}
		if clear.Match(text) {
			return true
		}
		for _, w := range ws {
			if w.Kind == facts.WriteAssign && within(w.Span.Start, m.Decl) {
				return true
			}
		}
	}
	return false
}

// freshOrNull reports a value that resets a queue: null or a new, empty
// collection.
func freshOrNull(v string) bool {
	v = strings.TrimSpace(v)
	return v == "null" || freshRE.MatchString(v)
}

var freshRE = lazyRE(`^new\s+[\w.$]+\s*(?:<[^()]*>)?\s*\(\s*\d*\s*\)$`)

// appFill reports a fill in a method through which apps hand the queue
// what they choose: a public method taking callbacks or names, or any
// non-private method taking callbacks (a protected one is open to every
// subclass).
func appFill(src []byte, m *facts.MethodDecl, elem string) bool {
	if m.Decl.Start < 0 || m.Span.Start > len(src) || m.Decl.Start > m.Span.Start {
		return true
	}
	head := src[m.Decl.Start:m.Span.Start]
	public := wordIn(head, "public")
	open := public || wordIn(head, "protected")
	switch {
	case hookElem(elem):
		return open
	case valueTypes[elem]:
		return public
	}
	return false
}

// hookElem reports an element type that is code to run: what apps
// register as hooks.
func hookElem(t string) bool {
	switch t {
	case "Runnable", "Callable", "Consumer", "BiConsumer", "Supplier", "Function", "BiFunction", "Predicate",
		"Thread", "Closeable", "AutoCloseable", "Object", "":
		return true
	}
	for _, s := range []string{"Listener", "Callback", "Hook", "Handler", "Task", "Action", "Observer", "Process"} {
		if strings.HasSuffix(t, s) {
			return true
		}
	}
	return false
}

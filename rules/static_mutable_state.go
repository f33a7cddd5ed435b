package rules

import (
	"bytes"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var staticMutableStateRule = register(&Rule{
	ID:     "static-mutable-state",
	Hazard: "H01",
	Title:  "Static field changed at run time is shared by every app",
	Summary: "A static field of a class that the base loads exists once for the whole JVM: a non-final static " +
		"assigned outside the static initialiser, or a static final map, list, set, array, atomic or builder " +
		"mutated at run time, is one slot for the base and every module, so the last app to write it wins. " +
		"Reported at the field, naming where it is written, including writes from other classes.",
	Tags:      []string{"koupleless", "global-state", "correctness"},
	Precision: "medium",
	// Where the role is not known (a library scanned without --role), a
	// warning: read on code it was not tuned on, about half of these
	// findings were real, too few for the default gate (--fail-on error).
	// Code declared shared keeps high.
	Default:  SeverityMedium,
	Severity: map[facts.Role]Severity{facts.RoleShared: SeverityHigh, facts.RoleBase: SeverityMedium},
	// Writes from other classes (Other.FIELD = v) are seen in the files that
	// some rule's pre-filter admits.
	// No keywords: a Type.NAME write to another class's static needs no
	// word of its own ("static" is the declaring file's). The pre-filter
	// looks for that, or a non-final or container-typed static declared
	// and written here.
	Prefilter: func(src []byte) bool {
		return wordIn(src, "static") && mutableStaticWritten(src) || qualifiedStaticWrite(src)
	},
	// A mutable static no one writes in its own file: its declaration,
	// for the writes other files make (checkStaticMutableStateProject).
	Declares:   mutableStaticsDeclared,
	WriteCalls: mutatorNames(),
	Check:      checkStaticMutableState,
	CheckProject: func(p *ProjectPass) {
		checkStaticMutableStateProject(p)
	},
	ProjectFields: reportableStatic,
})

// mutatorNames lists the mutators, so that the extractor records mutator
// calls on static fields as writes.
func mutatorNames() []string {
	out := make([]string, 0, len(facts.Mutators))
	for n := range facts.Mutators {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// safeStaticTypes are per-app or inert by design (including Koupleless's
// StaticFieldMapWrapper): partitioned by loader, thread-confined, or
// synchronisation.
var safeStaticTypes = map[string]bool{
	"ClassValue": true, "StaticFieldMapWrapper": true, "ThreadLocal": true, "InheritableThreadLocal": true,
	"NamedThreadLocal": true, "NamedInheritableThreadLocal": true, "TransmittableThreadLocal": true, "FastThreadLocal": true,
	"Lock": true, "ReentrantLock": true, "ReadWriteLock": true, "ReentrantReadWriteLock": true, "StampedLock": true,
	"Semaphore": true, "CountDownLatch": true, "CyclicBarrier": true, "Phaser": true, "Condition": true,
	"Logger": true, "Log": true, "LoggerContext": true,
}

// staticStateExempt applies the do-not-flag list to a static field that
// is written at run time. Koupleless's allow-list (RULES Appendix A) is not
// applied: it guesses from names and types for a rule that sees no writes,
// and never exempts a field written at run time (setDefaultFactory(f) {
// defaultFactory = f; } is the hazard, whatever the field is called).
func staticStateExempt(f *facts.Field) bool {
	if safeStaticTypes[rawSimple(f.Type)] || partitioned(f) || perOwner(f) || testWord(f.Name) {
		return true
	}
	return strings.HasSuffix(rawSimple(f.Type), "Logger")
}

// safeBySuper reports a static whose type the file declares as a subclass
// of a per-thread or per-class holder (class State extends ThreadLocal).
func safeBySuper(file *facts.File, f *facts.Field) bool {
	for _, t := range file.TypeDecls {
		if simpleName(t.Name) == rawSimple(f.Type) && safeStaticTypes[rawSimple(t.Super)] {
			return true
		}
	}
	return false
}

// mutates reports whether a write changes the field's value at run time,
// leaving aside where it happens.
func mutates(f *facts.Field, w *facts.Write) bool {
	switch w.Kind {
	case facts.WriteAssign, facts.WriteCompound, facts.WriteIncrement:
		return !f.Final && !w.NullGuarded
	case facts.WriteArrayStore:
		return isArray(f)
	case facts.WriteCall:
		return isContainer(f) || customContainerCall(f, w)
	}
	return false
}

// containerMutators are the calls that change a container of any type,
// the project's own or a library's (a Registry.add, a Cache.put): not the
// generic set/append, which builders and value holders share.
var containerMutators = map[string]bool{
	"put": true, "putAll": true, "putIfAbsent": true, "add": true, "addAll": true, "remove": true, "removeAll": true,
	"removeIf": true, "retainAll": true, "clear": true, "computeIfAbsent": true, "computeIfPresent": true,
	"offer": true, "push": true, "addFirst": true, "addLast": true,
}

// customContainerCall reports a container mutator called on a static of a
// type that is not the JDK's: a project or library container is shared the
// same way.
// Types named like a ClassValue or a ThreadLocal are per class or per
// thread, and an entry keyed by a class is per app.
func customContainerCall(f *facts.Field, w *facts.Write) bool {
	if w.Kind != facts.WriteCall || !containerMutators[w.Method] || !customContainerType(f) {
		return false
	}
	return len(w.Args) == 0 || !classKeyRE.MatchString(strings.TrimSpace(w.Args[0].Text))
}

// customContainerType reports a field whose type customContainerCall can
// take for a container: not the JDK's, not per class or per thread.
func customContainerType(f *facts.Field) bool {
	raw := rawSimple(f.Type)
	return !strings.HasPrefix(f.Type, "java.") && !safeStaticTypes[raw] && !strings.HasSuffix(raw, "ClassValue") &&
		!strings.HasSuffix(raw, "ThreadLocal") && !perThreadContext(raw)
}

// primitiveTypes hold a value, never a reference a mutator can change.
var primitiveTypes = map[string]bool{
	"boolean": true, "byte": true, "char": true, "short": true, "int": true, "long": true, "float": true, "double": true,
}

// reportableStatic reports a static field the project check can report:
// one some write can change (mutates) and not exempt. A final field of a
// primitive type, or exempt, never is: the check leaves it out of the
// declarations it matches writes against, and the scan need not keep it.
func reportableStatic(f *facts.Field) bool {
	if staticStateExempt(f) {
		return false
	}
	if !f.Final || isArray(f) || isContainer(f) {
		return true
	}
	return !primitiveTypes[strings.TrimSpace(f.Type)] && customContainerType(f)
}

// perThreadContext reports the type of a logging API's per-thread
// diagnostic context (a ThreadContextMap, a ThreadContextStack, an
// MDCAdapter): its put and push store into the calling thread's map, not
// into one the apps share.
func perThreadContext(raw string) bool {
	return strings.HasPrefix(raw, "ThreadContext") || strings.HasSuffix(raw, "MDCAdapter") || strings.HasSuffix(raw, "NDCAdapter")
}

// classKeyRE recognises a key that is a class: X.class, getClass(), or a
// variable named for one.
var classKeyRE = lazyRE(`^(?:[\w.]+\.class|(?:\w+\.)?getClass\(\)|cls|clazz|clz|klass|klazz|type|\w+Class|\w+Type)$`)

// testOnlyWrite reports a write in a method made for tests: annotated
// @VisibleForTesting or @TestOnly, or named for tests. Tests call it (often
// by reflection) to put a fake in place; no app does.
func testOnlyWrite(file *facts.File, w *facts.Write) bool {
	if testWord(w.Context.Method) {
		return true
	}
	m := file.MethodAround(w.Span.Start)
	if m == nil {
		return false
	}
	for _, a := range m.Annotations {
		if annotationIs(a, "VisibleForTesting") || annotationIs(a, "TestOnly") {
			return true
		}
	}
	return false
}

// testDocRE recognises a comment saying code is there for tests: "method
// for tests to set failCreate", "only for testing purposes",
// "//VisibleForTesting".
var testDocRE = lazyRE(`(?i)\b(?:for|by|in) (?:unit |the )?test(?:s|ing)?\b|\btest(?:s|ing)? (?:only|purposes)\b|\bVisibleForTesting\b`)

// testDocumented reports a declaration at offset at whose leading
// comments (the block and line comments right before it) say it is for
// tests.
func testDocumented(src []byte, at int) bool {
	if at <= 0 || at > len(src) {
		return false
	}
	end := at
	for n := 0; n < 8; n++ {
		t := bytes.TrimRight(src[:end], " \t\r\n")
		switch {
		case bytes.HasSuffix(t, []byte("*/")):
			start := bytes.LastIndex(t, []byte("/*"))
			if start < 0 {
				return false
			}
			if testDocRE.Match(t[start:]) {
				return true
			}
			end = start
		default:
			// A line comment: the last line of t, from its "//".
			line := t[bytes.LastIndexByte(t, '\n')+1:]
			i := bytes.Index(line, []byte("//"))
			if i < 0 || len(bytes.TrimSpace(line[:i])) > 0 {
				return false
			}
			if testDocRE.Match(line[i:]) {
				return true
			}
			end = len(t) - len(line) + i
		}
	}
	return false
}

// methodDeclStart is where the declaration of the method around offset at
// starts, -1 when there is none.
func methodDeclStart(f *facts.File, at int) int {
	if m := f.MethodAround(at); m != nil {
		return m.Decl.Start
	}
	return -1
}

// literalFlag reports a boolean static that every write sets to a literal
// (registered = true, on unload false; a warning-logged or once flag): it
// records a JVM-wide step the library takes, the same for every caller.
// An AtomicBoolean that every call sets to literals only (init's
// compareAndSet(false, true), destroy's set(false)) is the same flag.
func literalFlag(f *facts.Field, ws []*facts.Write) bool {
	atomic := rawSimple(f.Type) == "AtomicBoolean"
	if f.Type != "boolean" && rawSimple(f.Type) != "Boolean" && !atomic {
		return false
	}
	literal := func(x *facts.Expr) bool {
		switch x.Text {
		case "true", "false":
			return true
		case "0", "1":
			// A class file stores a boolean's true as iconst_1: a
			// literal still (a source cannot assign a number to it).
			return f.Type == "boolean"
		}
		return false
	}
	for _, w := range ws {
		switch {
		case !atomic && w.Kind == facts.WriteAssign && w.Value != nil && literal(w.Value):
		case atomic && w.Kind == facts.WriteCall && atomicFlagSetters[w.Method] && len(w.Args) > 0:
			for i := range w.Args {
				if !literal(&w.Args[i]) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// atomicFlagSetters are the AtomicBoolean calls that store their arguments.
var atomicFlagSetters = map[string]bool{
	"set": true, "lazySet": true, "setRelease": true, "setPlain": true, "setOpaque": true, "getAndSet": true,
	"compareAndSet": true, "weakCompareAndSet": true, "weakCompareAndSetPlain": true,
}

// stateWrites is the verdict for one field: the run-time writes that make
// it shared mutable state, none when it is exempt or only counts.
func stateWrites(f *facts.Field, ws []*facts.Write) []*facts.Write {
	var out []*facts.Write
	counters := true
	for _, w := range ws {
		if mutates(f, w) {
			out = append(out, w)
			counters = counters && isCounterWrite(f, w)
		}
	}
	if counters || literalFlag(f, out) {
		return nil
	}
	return out
}

func checkStaticMutableState(p *Pass) {
	if len(p.File.Writes) == 0 {
		return // nothing written: no field to report (most classes)
	}
	if toolPackage(p.File.Package) {
		return // a command-line or build tool's state: its own process's
	}
	fields := staticFields(p.File)
	byField := map[*facts.Field][]*facts.Write{}
	byInit := map[*facts.Field][]*facts.Write{}
	initOf := map[*facts.Write][]*facts.MethodDecl{}
	var debug []facts.Span
	debugRead, namesDebug := false, false
	debugOnly := func(w *facts.Write) bool {
		if strings.HasSuffix(p.File.Path, ".class") {
			return false
		}
		if !debugRead {
			// Once per file: a search of the whole text per write costs
			// seconds on a generated file of megabytes.
			debug, debugRead = debugSpans(p.Src), true
			namesDebug = bytes.Contains(p.Src, []byte("DEBUG"))
		}
		for _, s := range debug {
			if within(w.Span.Start, s) {
				return true
			}
		}
		// Only a file that names a debug switch can have such a method.
		return namesDebug && debugOnlyMethod(p.File, p.Src, w.Context.Class, w.Context.Method, 2)
	}
	var code string
	codeRead := false
	codeOnce := func() string {
		if !codeRead {
			code, codeRead = javaCode(string(p.Src)), true
		}
		return code
	}
	var blocks [][2]int
	blocksRead := false
	staticBlocksOnce := func() [][2]int {
		if !blocksRead {
			blocks, blocksRead = staticBlocks(p.Src), true
		}
		return blocks
	}
	lazy := map[*facts.MethodDecl]*lazyForms{}
	for i := range p.File.Writes {
		if p.Stopped() {
			return
		}
		w := &p.File.Writes[i]
		f := fields[w.Owner+"#"+w.Name]
		if f == nil || w.Context.DebugOnly || clinitOnly(p.File, p.Src, w.Context) || privilegedInClinit(p.Src, w.Span.Start, w.Context, staticBlocksOnce) || enumConstructor(p.File, p.Src, w.Context) || lazyInit(p, f, w, lazy) || helperMemo(p.File, p.Src, f, w) ||
			testOnlyWrite(p.File, w) || testDocumented(p.Src, methodDeclStart(p.File, w.Span.Start)) || debugOnly(w) {
			continue
		}
		if hs, ok := initHelpers(p.File, p.Src, w.Context); ok {
			// Class initialisation as far as this file shows: judged
			// apart, its finding left to the project's other callers.
			byInit[f] = append(byInit[f], w)
			initOf[w] = hs
			continue
		}
		byField[f] = append(byField[f], w)
	}
	type hit struct {
		f     *facts.Field
		ws    []*facts.Write
		owned bool // owner-keyed or an internal queue (ownerScoped)
		// init are the package-private methods run from the static
		// initialiser some of ws are made in, when the field is a
		// finding only through them (initHelpers).
		init []*facts.MethodDecl
		// self is a registry each object joins and leaves itself
		// (selfRegistry): owners its callers must settle, handsOut
		// when it hands its entries out.
		self     bool
		owners   []facts.StoreParams
		handsOut bool
		// holder is the class of another file the field's object may be
		// a per-thread holder of (perThreadType), "" for none.
		holder string
	}
	exempt := func(f *facts.Field, ws []*facts.Write) bool {
		return staticStateExempt(f) || testDocumented(p.Src, f.Decl.Start) || safeBySuper(p.File, f) || perThreadHolder(p.File, f, ws) || classNameCache(f, ws) || memoCache(p.File, p.Src, f, ws) || memoViaHelper(p.File, p.Src, f, ws) || identityMemo(p.File, p.Src, f, ws) || loaderKeyedFills(p.File, p.Src, ws) ||
			workQueue(p.File, p.Src, f, ws) || cacheKnob(p.File, p.Src, f) || evictionBound(p.File, p.Src, f) || logOnlyStatic(p.File, p.Src, f) ||
			shadowCopy(p.File, p.Src, f, ws) || arraySlotMemo(p.File, p.Src, f, ws)
	}
	mkHit := func(f *facts.Field, ws []*facts.Write, init []*facts.MethodDecl) hit {
		// An owner-keyed registry or an internal queue is no finding of
		// its own, but still joins the fields its writers share: a
		// registry's routines are reviewed as one.
		h := hit{f: f, ws: ws, owned: ownerScoped(p.File, p.Src, f, ws), init: init, holder: perThreadType(p, f, ws)}
		if !h.owned {
			h.owners, h.handsOut, h.self = selfRegistry(p.File, p.Src, f, ws)
			// Settled here: every owner resolved in this file, and no
			// other class can reach the field.
			h.owned = h.self && !h.handsOut && len(h.owners) == 0 && privateField(p.Src, f)
		}
		return h
	}
	var hits []hit
	for i := range p.File.Fields {
		if p.Stopped() {
			return // the exemptions read the file once per field
		}
		f := &p.File.Fields[i]
		ws := byField[f]
		if len(ws) > 0 && !exempt(f, ws) {
			if ws = stateWrites(f, ws); len(ws) > 0 {
				hits = append(hits, mkHit(f, ws, nil))
				continue
			}
		}
		// Written at run time only through the class's initialisation
		// helpers: a finding that holds only if other code calls them.
		if len(byInit[f]) == 0 {
			continue
		}
		ws = append(append([]*facts.Write(nil), byField[f]...), byInit[f]...)
		if exempt(f, ws) {
			continue
		}
		if ws = stateWrites(f, ws); len(ws) > 0 {
			var hs []*facts.MethodDecl
			for _, w := range ws {
				for _, m := range initOf[w] {
					if !slices.Contains(hs, m) {
						hs = append(hs, m)
					}
				}
			}
			hits = append(hits, mkHit(f, ws, hs))
		}
	}
	// Fields of one class written by the same routines (a native library's
	// initialize() filling forty flags; per-type flags each with its
	// setter and all reset by one routine) are one finding at the first of
	// them: the routines are the thing to review, and forty findings would
	// bury everything else.
	groups := map[int][]hit{}
	var order []int
	// A static whose type another file may declare per thread is judged
	// alone: that file's source settles it, not its neighbours'.
	for i, root := range writerGroups(len(hits), func(i int) (string, []*facts.Write) {
		if hits[i].holder != "" {
			return hits[i].f.Class + "#" + hits[i].f.Name, hits[i].ws
		}
		return hits[i].f.Class, hits[i].ws
	}) {
		if _, ok := groups[root]; !ok {
			order = append(order, root)
		}
		groups[root] = append(groups[root], hits[i])
	}
	for _, key := range order {
		if p.Stopped() {
			return
		}
		g := groups[key]
		if len(g) < 3 {
			for _, h := range g {
				if h.owned || stateSeverity(p, func(*facts.Write) *facts.File { return p.File }, p.Src, h.ws) == SeverityLow {
					continue // only values the library computes itself
				}
				d := staticStateDiagnostic(h.f, h.ws, nil)
				publicInitNote(p, h.ws, &d)
				launcherField(h.ws, &d)
				if scalarSetting(p.File, h.f) {
					asSetting(&d)
				}
				d.Pending = storesPending(p, h.f, h.ws)
				markDirectStores(p, d.Pending, h.ws)
				if h.init != nil {
					d.Pending = initPending(p, h.f, h.ws, h.init)
				}
				if d.Pending == nil {
					if names := ownMadeWaits(p, h.ws); len(names) > 0 {
						d.Pending = &facts.Pending{Class: h.f.Class, NameParam: -1, OwnClasses: names, Scope: constantScope(p, h.f.Class)}
					}
				}
				if h.holder != "" {
					if d.Pending == nil {
						d.Pending = &facts.Pending{Class: h.f.Class, NameParam: -1}
					}
					d.Pending.PerThreadHolder = h.holder
				}
				if !privateField(p.Src, h.f) && unreadInFile(p.File, p.Src, codeOnce, h.f) {
					// Read by no code of its file: other classes may.
					if d.Pending == nil {
						d.Pending = &facts.Pending{Class: h.f.Class, NameParam: -1}
					}
					d.Pending.Unread = h.f.Name
				}
				if h.self {
					open := !privateField(p.Src, h.f)
					if len(h.owners) == 0 && !open {
						// Each owner adds and removes only itself, but
						// the registry hands every entry out: a note.
						asOwnerNote(&d)
					} else {
						// The owners' callers, and other files' reads,
						// settle it (SettleOwners).
						// The finding's other pending verdict, if any,
						// still applies when they do not.
						if d.Pending == nil {
							d.Pending = &facts.Pending{Class: h.f.Class, NameParam: -1}
						}
						d.Pending.Field, d.Pending.Owners, d.Pending.OwnerRegistry = h.f.Name, h.owners, true
						d.Pending.OwnersOpen, d.Pending.OwnersNote = open, h.handsOut
					}
				}
				p.Report(d)
			}
			continue
		}
		owned := true
		for _, h := range g {
			owned = owned && h.owned
		}
		if owned {
			continue
		}
		d := staticStateDiagnostic(g[0].f, g[0].ws, nil)
		var all []*facts.Write
		for _, h := range g {
			all = append(all, h.ws...)
		}
		publicInitNote(p, all, &d)
		launcherField(all, &d)
		d.Pending = storesPending(p, g[0].f, all)
		markDirectStores(p, d.Pending, all)
		// Every field a finding through initialisation helpers alone:
		// the group waits for their callers too. A group with other
		// fields is a finding whoever calls them.
		var helpers []*facts.MethodDecl
		for _, h := range g {
			if h.init == nil {
				helpers = nil
				break
			}
			for _, m := range h.init {
				if !slices.Contains(helpers, m) {
					helpers = append(helpers, m)
				}
			}
		}
		if helpers != nil {
			d.Pending = initPending(p, g[0].f, all, helpers)
		}
		// The group is rated as its highest field: the rule's severity
		// when some field holds an app's object, a note when all that
		// apps hand in are settings, nothing when they hand in nothing.
		handed, object := false, false
		for _, h := range g {
			if stateSeverity(p, func(*facts.Write) *facts.File { return p.File }, p.Src, h.ws) == SeverityNone {
				handed = true
				object = object || !scalarSetting(p.File, h.f)
			}
		}
		if !handed {
			continue
		}
		if !object {
			asSetting(&d)
		}
		var names []string
		for _, h := range g[1:] {
			names = append(names, h.f.Name)
			d.Related = append(d.Related, staticStateDiagnostic(h.f, h.ws, nil).Related...)
		}
		more := ""
		if len(names) > 5 {
			more = " and " + strconv.Itoa(len(names)-5) + " more"
			names = names[:5]
		}
		d.Message = strings.Replace(d.Message, "static field "+g[0].f.Name+" is",
			"static fields "+g[0].f.Name+", "+strings.Join(names, ", ")+more+" are", 1)
		d.Message = strings.Replace(d.Message, ": a shared setting, one value", ": shared settings, one value each", 1)
		p.Report(d)
	}
}

// initPending is what a finding made only through methods the static
// initialiser runs (helpers, initHelpers) waits for: the project's calls
// of each package-private one, all in a static initialiser, settle it
// (facts.StoreParams with no Params), with the setters of ws storesOf
// finds. nil when some handed-in value cannot be settled by its callers.
func initPending(p *Pass, f *facts.Field, ws []*facts.Write, helpers []*facts.MethodDecl) *facts.Pending {
	stores, ok := storesOf(p.File, p.Src, ws)
	if !ok {
		for _, w := range ws {
			if v, key := storedValue(w); v != nil && valueHandedIn(p.File, p.Src, w.Span.Start, key, v) {
				return nil
			}
		}
		stores = nil
	}
	for _, m := range helpers {
		k := facts.MethodKey{Class: m.Class, Name: m.Name, Arity: len(paramsOf(m))}
		if isPrivate(p.Src, m) {
			// Called only by the chain, whose open methods are asked
			// about: what it is handed is the chain's own.
			kept := stores[:0]
			for _, s := range stores {
				if s.Method != k {
					kept = append(kept, s)
				}
			}
			stores = kept
			continue
		}
		known := false
		for _, s := range stores {
			known = known || s.Method == k
		}
		if !known {
			stores = append(stores, facts.StoreParams{Method: k, Closed: closedMethod(p.File, p.Src, m)})
		}
	}
	init := ""
	if f.Init != nil {
		init = strings.Join(strings.Fields(f.Init.Text), " ")
	}
	return &facts.Pending{Class: f.Class, NameParam: -1, Stores: stores, Initial: init, Field: f.Name}
}

// publicInitNote says, in a finding's message, which of its writing
// methods are routines the file calls only from its static initialiser
// although they are public or protected: they run as the class
// initialises, and other code may run them again. A method with
// parameters is a setter or a registration the initialiser also uses,
// not a routine of its own.
func publicInitNote(p *Pass, ws []*facts.Write, d *Diagnostic) {
	var names []string
	seen := map[*facts.MethodDecl]bool{}
	for _, w := range ws {
		m := soleMethod(p.File, w.Context.Class, w.Context.Method)
		if m == nil || seen[m] || !m.Static || len(paramsOf(m)) > 0 || m.Decl.Start < 0 || m.Span.Start > len(p.Src) || m.Decl.Start > m.Span.Start {
			continue
		}
		seen[m] = true
		if mods := p.Src[m.Decl.Start:m.Span.Start]; !wordIn(mods, "public") && !wordIn(mods, "protected") {
			continue
		}
		inits := append([]facts.Span(nil), p.File.StaticInits...)
		for i := range p.File.Fields {
			if fd := &p.File.Fields[i]; fd.Static && fd.Init != nil {
				inits = append(inits, fd.Decl)
			}
		}
		never := func(*facts.File, []byte, string, string, int) bool { return false }
		if calledOnlyFrom(p.File, p.Src, m, inits, 1, never) {
			names = append(names, where(w.Context))
		}
	}
	if len(names) == 0 {
		return
	}
	note := " (" + strings.Join(names, " and ") + " runs as the class initialises, but is not private: other classes may call it again)"
	if len(names) > 1 {
		note = " (" + strings.Join(names, " and ") + " run as the class initialises, but are not private: other classes may call them again)"
	}
	d.Message = strings.Replace(d.Message, objectTail, note+objectTail, 1)
}

// writerGroups joins the fields (n of them; fieldAt gives each one's class
// and writes) of one class that share a writing method, directly or
// through other fields: the index of each field's group leader, the first
// field of its group.
func writerGroups(n int, fieldAt func(int) (string, []*facts.Write)) []int {
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	byWriter := map[string]int{}
	for i := 0; i < n; i++ {
		class, ws := fieldAt(i)
		for _, w := range ws {
			m := class + "|" + w.Context.Class + "." + w.Context.Method
			j, ok := byWriter[m]
			if !ok {
				byWriter[m] = i
				continue
			}
			a, b := find(i), find(j)
			if a > b {
				a, b = b, a
			}
			parent[b] = a
		}
	}
	out := make([]int, n)
	for i := range out {
		out[i] = find(i)
	}
	return out
}

// foreignStaticWrites finds, across files, the writes of static fields
// from files other than the declaring one, with each write's file.
func foreignStaticWrites(files []*facts.File) (foreign map[*projDecl][]*facts.Write, pathOf map[*facts.Write]string, fileOf map[*facts.Write]*facts.File) {
	type decl = projDecl
	// Keyed by class and name without joining them: a jar set has tens of
	// thousands of static fields, and each key and lookup was a string.
	type fieldKey struct{ class, name string }
	n := 0
	for _, file := range files {
		n += len(file.Fields)
	}
	decls := make(map[fieldKey]*decl, n)
	for _, file := range files {
		if file.Test {
			continue
		}
		for i := range file.Fields {
			if f := &file.Fields[i]; f.Static && reportableStatic(f) {
				decls[fieldKey{f.Class, f.Name}] = &decl{path: file.Path, f: f, file: file}
			}
		}
	}
	foreign = map[*decl][]*facts.Write{}
	pathOf = map[*facts.Write]string{}
	fileOf = map[*facts.Write]*facts.File{}
	for _, file := range files {
		if file.Test {
			continue
		}
		for i := range file.Writes {
			w := &file.Writes[i]
			if w.Context.DebugOnly {
				continue
			}
			d := decls[fieldKey{w.Owner, w.Name}]
			if d == nil && w.Qualified && !strings.Contains(w.Owner, ".") && file.Package != "" {
				// An unresolved Type.NAME: a type of the writer's package.
				d = decls[fieldKey{file.Package + "." + w.Owner, w.Name}]
			}
			if d == nil {
				continue
			}
			if clinitOnly(file, nil, w.Context) || enumConstructor(file, nil, w.Context) {
				continue // runs once, while a class initialises (or in main)
			}
			if testOnlyWrite(file, w) {
				continue
			}
			if d.path == file.Path {
				if mutates(d.f, w) {
					d.own = true
				}
				continue
			}
			// A copy: files with the same content (a class in many
			// jars) may share one slice of writes, and each write here
			// must stand for its own file.
			wc := *w
			foreign[d] = append(foreign[d], &wc)
			pathOf[&wc], fileOf[&wc] = file.Path, file
		}
	}
	return foreign, pathOf, fileOf
}

// reportedForeign reports a field written from other files that the
// project pass does not exempt.
func reportedForeign(d *projDecl) bool {
	return !d.own && !staticStateExempt(d.f) && !safeBySuper(d.file, d.f) && !toolPackage(d.file.Package)
}

// FindForeignStatics finds the writes of static fields across files. Where
// two files declare one field (a class in two jars), the later in files
// declares it: callers pass the files in a fixed order.
func FindForeignStatics(files []*facts.File) *ForeignStatics {
	s := &ForeignStatics{files: files}
	s.foreign, s.pathOf, s.fileOf = foreignStaticWrites(files)
	return s
}

// Writers lists, sorted, the methods that write from another file the
// statics the project pass reports: its findings wait for whether only
// entry points reach those writers (their EntryGuards), and the call
// graph, built before the pass, searches only what it is asked for. Asked
// here, the answer no longer depends on which other findings' searches
// happened to parse the writers' callers.
func (s *ForeignStatics) Writers() []facts.MethodKey {
	seen := map[facts.MethodKey]bool{}
	var out []facts.MethodKey
	for d, ws := range s.foreign {
		if !reportedForeign(d) {
			continue
		}
		for _, k := range writerMethods(stateWrites(d.f, ws)) {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Class != out[j].Class {
			return out[i].Class < out[j].Class
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// checkStaticMutableStateProject reports the fields that only other files
// write (Other.FIELD = v, Other.MAP.put(k, v)); fields written in their own
// file are the per-file check's.
func checkStaticMutableStateProject(p *ProjectPass) {
	s := p.Statics
	if !s.of(p.Files) {
		s = FindForeignStatics(p.Files)
	}
	pathOf, fileOf := s.pathOf, s.fileOf
	for d, ws := range s.foreign {
		if !reportedForeign(d) {
			continue
		}
		if ws = stateWrites(d.f, ws); len(ws) > 0 {
			// Written from another class: the field is an interface
			// between classes, reported even when the values are computed.
			diag := staticStateDiagnostic(d.f, ws, pathOf)
			diag.Severity = stateSeverity(nil, func(w *facts.Write) *facts.File { return fileOf[w] }, nil, ws)
			launcherField(ws, &diag)
			if scalarSetting(d.file, d.f) {
				asSetting(&diag)
			}
			p.Report(d.path, diag)
		}
	}
}

// classNameCache reports the maps classname-keyed-static-cache reports, so
// that one field gets one finding, the more specific.
func classNameCache(f *facts.Field, ws []*facts.Write) bool {
	if !isMap(f) {
		return false
	}
	if args := typeArgs(f.TypeText); len(args) == 2 && rawSimple(args[0]) == "String" && reflectiveValues[rawSimple(args[1])] {
		return true
	}
	for _, w := range ws {
		if w.Kind == facts.WriteCall && cacheFills[w.Method] && len(w.Args) > 0 && classNameKey(&w.Args[0]) {
			return true
		}
	}
	return false
}

// stateSeverity rates a field's writes: the rule's full severity when some
// write stores a value its method was handed (setLevel(level), register(name,
// provider)): an app chooses what every app then sees. Writes of values the
// library computes itself (flags, caches, lazily built tables) are mostly
// the same for every app: as notes, 2 of 8 were real on code the rule was
// not tuned on and fewer than 1 in 10 on the tune corpus, so SeverityLow
// means "not reported" (SeverityNone leaves the role's rating). A value
// found through a class loader is handed in by whichever app's classes the
// loader sees, unless its class is one of the project's named by a
// constant (ownMade; p nil when no file pass can resolve the name).
func stateSeverity(p *Pass, fileOf func(*facts.Write) *facts.File, src []byte, ws []*facts.Write) Severity {
	// A set or list whose elements the library computes (unique ids it
	// hands out) is not chosen by callers when they hand an element back
	// (release(id)); a map's remove(key) is a registry's unregister.
	adds, keyed := false, false
	for _, w := range ws {
		adds = adds || w.Kind != facts.WriteCall || !removals[w.Method]
		keyed = keyed || w.Kind == facts.WriteCall && (strings.HasPrefix(w.Method, "put") || strings.HasPrefix(w.Method, "compute"))
	}
	adds = adds && !keyed
	for _, w := range ws {
		file := fileOf(w)
		if file == nil {
			return SeverityNone
		}
		if adds && w.Kind == facts.WriteCall && removals[w.Method] {
			continue
		}
		if src != nil && w.Kind == facts.WriteCall && (w.Method == "put" || w.Method == "putIfAbsent") && len(w.Args) == 2 &&
			helperFedFromKey(file, src, w) {
			// A private update helper every caller of which passes a
			// value computed from the key it passes: a memo, whatever
			// the key's and the value's types.
			continue
		}
		// The value stored; for a map's put(key, value), a value computed
		// from the key (memo.put(m, m.getParameterTypes())) is not handed in.
		v, key := storedValue(w)
		if v != nil && (handedInBeyondSinks(file, src, w.Span.Start, key, v) || appLoadedRE.MatchString(v.Text) && !ownMade(p, w.Span, v.Text) && !constantForNameRE.MatchString(v.Text)) {
			return SeverityNone
		}
	}
	return SeverityLow
}

// staticStateDiagnostic reports field f at its declaration, with each run-time
// write as a related location, so that a change adding a write to an old
// field touches the finding at that write. pathOf gives the file of writes
// made in other files (nil when all are in the field's own file).
func staticStateDiagnostic(f *facts.Field, ws []*facts.Write, pathOf map[*facts.Write]string) Diagnostic {
	sort.SliceStable(ws, func(i, j int) bool {
		if ws[i].Class != ws[j].Class {
			return ws[i].Class < ws[j].Class
		}
		return ws[i].Span.Start < ws[j].Span.Start
	})
	var places []string
	seen := map[string]bool{}
	for _, w := range ws {
		if at := where(w.Context); !seen[at] {
			seen[at] = true
			places = append(places, at)
		}
	}
	more := ""
	if len(places) > 3 {
		more = " and " + strconv.Itoa(len(places)-3) + " more"
		places = places[:3]
	}
	verb := "written"
	if f.Final {
		verb = "mutated"
	}
	var related []Related
	for _, w := range ws {
		r := Related{Span: w.Span, Message: f.Name + " " + verb + " here, in " + where(w.Context)}
		if path := pathOf[w]; path != "" {
			r = Related{Path: path, Line: w.Line, Message: r.Message}
		}
		related = append(related, r)
	}
	return Diagnostic{
		Related: related,
		Message: "static field " + f.Name + " is " + verb + " at run time in " + strings.Join(places, ", ") + more +
			objectTail,
		Span:    f.Span,
		Context: f.Context,
	}
}

// launcherField leaves a finding to the call graph: when only entry
// points reach every method that writes the field (main calling its own
// init(args), a server's main filling its endpoint table), it is written
// in a process a command line started, which no app shares.
func launcherField(ws []*facts.Write, d *Diagnostic) {
	if guards := writerMethods(ws); len(guards) > 0 {
		d.EntrySensitive, d.EntryGuards = true, guards
	}
}

// writerMethods are the methods that make writes ws, once each; none when
// some write sits outside a method (then no entry point can settle them).
func writerMethods(ws []*facts.Write) []facts.MethodKey {
	var out []facts.MethodKey
	seen := map[facts.MethodKey]bool{}
	for _, w := range ws {
		if w.Context.Method == "" || w.Context.Class == "" {
			return nil
		}
		k := facts.MethodKey{Class: w.Context.Class, Name: w.Context.Method, Arity: -1}
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// partitionedKeys are map keys that already separate apps: a class, its
// loader or members (whose identity includes the class), or a thread.
var partitionedKeys = map[string]bool{
	"ClassLoader": true, "Class": true, "Method": true, "Field": true, "Constructor": true, "Executable": true,
	"Member": true, "AnnotatedElement": true, "Thread": true,
}

// partitioned reports a map keyed by one of partitionedKeys.
func partitioned(f *facts.Field) bool {
	args := typeArgs(f.TypeText)
	if len(args) == 0 {
		return false
	}
	key := args[0]
	// A weak or soft reference to a class is keyed by the class.
	if r := rawSimple(key); r == "WeakReference" || r == "SoftReference" || r == "Reference" {
		if inner := typeArgs(key); len(inner) == 1 {
			key = inner[0]
		}
	}
	return partitionedKeys[rawSimple(key)]
}

// reflectiveLookupRE recognises a member looked up on a class the code
// already holds: the same for every app that runs it, a memo.
var reflectiveLookupRE = lazyRE(`^[\w.]+\s*\.\s*get(?:Declared)?(?:Method|Field|Constructor)s?\s*\(`)

// reflectiveLookup reports a Method, Field or Constructor static assigned
// the result of a reflective lookup (a lazily cached member).
func reflectiveLookup(f *facts.Field, w *facts.Write) bool {
	switch rawSimple(f.Type) {
	case "Method", "Field", "Constructor":
	default:
		return false
	}
	return w.Kind == facts.WriteAssign && w.Value != nil && reflectiveLookupRE.MatchString(strings.TrimSpace(w.Value.Text))
}

// counterMutators only move a number: a sequence or statistic, not app
// configuration (AtomicInteger sequence counters are not flagged).
var counterMutators = map[string]bool{
	"incrementAndGet": true, "getAndIncrement": true, "decrementAndGet": true, "getAndDecrement": true,
	"addAndGet": true, "getAndAdd": true, "add": true, "increment": true, "decrement": true,
}

var numericPrimitives = map[string]bool{"int": true, "long": true, "short": true, "byte": true, "double": true, "float": true}

// isCounterWrite reports writes that only count, or reset a count to zero.
func isCounterWrite(f *facts.Field, w *facts.Write) bool {
	if reflectiveLookup(f, w) {
		return true
	}
	switch w.Kind {
	case facts.WriteIncrement, facts.WriteCompound:
		return numericPrimitives[f.Type]
	case facts.WriteAssign:
		return numericPrimitives[f.Type] && w.Value != nil && w.Value.Kind == facts.ExprLiteral &&
			strings.TrimRight(w.Value.Text, "lL") == "0"
	case facts.WriteCall:
		switch rawSimple(f.Type) {
		case "AtomicInteger", "AtomicLong", "LongAdder", "AtomicIntegerArray", "AtomicLongArray":
			return counterMutators[w.Method]
		case "AtomicBoolean":
			// A once-guard: compareAndSet(false, true) lets one caller
			// run a JVM-wide initialisation; the flag only ever turns on.
			return w.Method == "compareAndSet" && len(w.Args) == 2 && w.Args[0].Text == "false" && w.Args[1].Text == "true"
		}
	}
	return false
}

// mutableStaticWritten reports a static field declaration that is either
// not final or final with a mutable container type, whose name the file
// also writes (name =, +=, ++, [, .put(...)) outside its declaration and
// outside a static initialiser that runs nothing later
// (plainStaticBlocks), in a form that does more than count (countsAt):
// what static-mutable-state can flag in the declaring file.
//
// One pass over the file's words, each looked up among the declared
// names: a search of the whole file per name took minutes on a file of
// a hundred thousand static fields (a hostile or generated source).
func mutableStaticWritten(src []byte) bool {
	// The declarations of each name, by counter type: an occurrence is a
	// write of a declaration it is not inside of, whose type it does not
	// merely count. Two declarations of a type leave one the occurrence
	// is outside of.
	type typed struct {
		typ     string
		count   int
		at, end int // the first declaration's span
	}
	var decls map[string][]typed
	mutableStatics(src, func(name []byte, at, end int) bool {
		if decls == nil {
			decls = map[string][]typed{}
		}
		typ := counterType(src[at:end], name)
		ds := decls[string(name)]
		for i := range ds {
			if ds[i].typ == typ {
				ds[i].count++
				return true
			}
		}
		decls[string(name)] = append(ds, typed{typ: typ, count: 1, at: at, end: end})
		return true
	})
	if decls == nil {
		return false
	}
	var blocks [][2]int
	lexed := false
	for i := 0; i < len(src); {
		if !isIdent(src[i]) {
			i++
			continue
		}
		at := i
		for i < len(src) && isIdent(src[i]) {
			i++
		}
		ds, ok := decls[string(src[at:i])]
		if !ok || !writeAt(src, at, i-at) {
			continue
		}
		if !lexed {
			blocks, lexed = plainStaticBlocks(src), true
		}
		if inBlocks(blocks, at) {
			continue
		}
		for _, d := range ds {
			if (d.count > 1 || at < d.at || at >= d.end) && (d.typ == "" || !countsAt(src, at, i-at, d.typ)) {
				return true
			}
		}
	}
	return false
}

// writeAt reports whether the name at src[at:at+n], a whole word, is
// written there: incremented, assigned, compounded, an element of it
// stored or a mutator called on it (writtenAt); not the name a
// declaration introduces (declaredAt).
func writeAt(src []byte, at, n int) bool {
	if declaredAt(src, at) {
		return false
	}
	if at >= 2 && (src[at-2] == '+' && src[at-1] == '+' || src[at-2] == '-' && src[at-1] == '-') {
		return true
	}
	k := at + n
	for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
		k++
	}
	return k+1 < len(src) && writtenAt(src, k)
}

// mutableStaticsDeclared names the mutable statics the file declares
// (see mutableStatics).
func mutableStaticsDeclared(src []byte) []string {
	var names []string
	mutableStatics(src, func(name []byte, _, _ int) bool {
		names = append(names, string(name))
		return true
	})
	return names
}

// mutableStatics calls yield with the name of each static field
// declaration that is either not final or final with a mutable container
// type, and the span of the declaration up to its '=' or ';', while yield
// returns true.
func mutableStatics(src []byte, yield func(name []byte, at, end int) bool) {
	staticDecls(src, func(decl []byte, at, end int) bool {
		if wordIn(decl, "final") && !containsAny(decl, "Map", "List", "Set", "Collection", "Queue", "Deque", "Atomic",
			"StringBuilder", "StringBuffer", "[]", "Vector", "Hashtable", "Stack", "Properties", "Cache", "Registry", "Bag") {
			return true
		}
		name := declName(decl)
		return len(name) == 0 || yield(name, at, end)
	})
}

// counterType is the declared type of the field name that decl (its
// declaration up to '=' or ';') declares when isCounterWrite can hold for
// it: a numeric primitive or an atomic counter; "" for any other. The
// type is the word just before the name (not an array's ']', not the
// last of several names).
func counterType(decl, name []byte) string {
	e := len(decl)
	for e > 0 && !isIdent(decl[e-1]) {
		e--
	}
	e -= len(name) // decl ends with name (declName)
	for e > 0 && isREBlank(decl[e-1]) {
		e--
	}
	s := e
	for s > 0 && isIdent(decl[s-1]) {
		s--
	}
	switch t := string(decl[s:e]); t {
	case "int", "long", "short", "byte", "double", "float":
		return t
	case "AtomicInteger", "AtomicLong", "LongAdder", "AtomicIntegerArray", "AtomicLongArray":
		return t
	}
	return ""
}

// countsAt reports a write of the field at src[at:at+n], of the type typ
// (counterType), that only counts (isCounterWrite): an increment or a
// compound assignment of a number, or its reset to a literal 0; a counter
// mutator of an atomic.
func countsAt(src []byte, at, n int, typ string) bool {
	k := at + n
	for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
		k++
	}
	if k+1 >= len(src) {
		return false
	}
	if strings.HasPrefix(typ, "Atomic") || typ == "LongAdder" {
		if src[k] != '.' {
			return false
		}
		m := k + 1
		for m < len(src) && isIdent(src[m]) {
			m++
		}
		return m < len(src) && src[m] == '(' && counterMutators[string(src[k+1:m])]
	}
	if at >= 2 && (src[at-2] == '+' && src[at-1] == '+' || src[at-2] == '-' && src[at-1] == '-') {
		return true
	}
	c := src[k]
	if c != '=' {
		// ++, --, or a compound assignment: writtenAt took it for a write
		return c != '[' && c != '.'
	}
	if src[k+1] == '=' {
		return false
	}
	j := k + 1
	for j < len(src) && isREBlank(src[j]) {
		j++
	}
	if j >= len(src) || src[j] != '0' {
		return false
	}
	j++
	if j < len(src) && (src[j] == 'l' || src[j] == 'L') {
		j++
	}
	for j < len(src) && isREBlank(src[j]) {
		j++
	}
	return j < len(src) && src[j] == ';'
}

// declaredAt reports a name at src[at] that a declaration introduces: a
// type before it (a word, or a type's closing '>' or ']'), so that its
// initialiser is no write. Another class's field of the same name (each
// enum of a generated file has its VALUES), an instance field or a local
// variable that shadows the static. A word that may start an expression
// statement (else n = 1) is no type, and neither is the last word of a
// line comment: a type on the line before is taken only from a line with
// no "//" in it.
func declaredAt(src []byte, at int) bool {
	i := at
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t' || src[i-1] == '\n' || src[i-1] == '\r') {
		i--
	}
	if i == 0 || i == at {
		return false
	}
	if bytes.IndexByte(src[i:at], '\n') >= 0 && bytes.Contains(src[bytes.LastIndexByte(src[:i], '\n')+1:i], []byte("//")) {
		return false
	}
	switch c := src[i-1]; {
	case c == ']':
		return true
	case c == '>':
		return i < 2 || src[i-2] != '-' // not a lambda's arrow
	case isIdent(c):
		s := i - 1
		for s > 0 && isIdent(src[s-1]) {
			s--
		}
		return !exprKeywords[string(src[s:i])]
	}
	return false
}

// exprKeywords are the words an expression statement may follow.
var exprKeywords = map[string]bool{"return": true, "else": true, "do": true, "yield": true, "throw": true, "assert": true, "case": true}

// indexWritten reports whether the element access whose '[' is at k (and
// any further dimensions) is written: assigned, compounded, incremented,
// or its element's mutator called. A read (NAMES[i]) is no write.
func indexWritten(src []byte, k int) bool {
	for k < len(src) && src[k] == '[' {
		depth := 0
		for ; k < len(src); k++ {
			if src[k] == '[' {
				depth++
			} else if src[k] == ']' {
				if depth--; depth == 0 {
					break
				}
			}
		}
		if k >= len(src) {
			return true // unbalanced: cannot tell, so keep the file
		}
		k++
		for k < len(src) && (src[k] == ' ' || src[k] == '\t' || src[k] == '\n' || src[k] == '\r') {
			k++
		}
	}
	return writtenAt(src, k)
}

// writtenAt reports a write by what follows a name or an element access
// at k: an assignment, a compound assignment, an increment, an element's
// write, or a mutator's call.
func writtenAt(src []byte, k int) bool {
	if k+1 >= len(src) {
		return false
	}
	switch c := src[k]; {
	case c == '=' && src[k+1] != '=':
		return true
	case (c == '+' || c == '-' || c == '*' || c == '/' || c == '%' || c == '|' || c == '&' || c == '^') && src[k+1] == '=':
		return true
	case c == '<' || c == '>':
		// <<=, >>= and >>>=; not a shift, nor a generic type's closing ">>"
		j := k
		for j < len(src) && j-k < 3 && src[j] == c {
			j++
		}
		return j-k >= 2 && (c == '>' || j-k == 2) && j < len(src) && src[j] == '='
	case (c == '+' || c == '-') && src[k+1] == c:
		return true
	case c == '[':
		return indexWritten(src, k)
	case c == '.':
		m := k + 1
		for m < len(src) && isIdent(src[m]) {
			m++
		}
		return m < len(src) && src[m] == '(' && facts.Mutators[string(src[k+1:m])]
	}
	return false
}

// qualifiedStaticWrite reports "Type.NAME = ", "Type.NAME += ", "Type.NAME++",
// "Type.NAME[" and "Type.NAME.mutator(": a write to another class's static,
// for the project-wide part of static-mutable-state.
func qualifiedStaticWrite(src []byte) bool {
	for i := 1; i < len(src)-1; i++ {
		// the next dot (most bytes are none: one search, not a test each)
		d := bytes.IndexByte(src[i:len(src)-1], '.')
		if d < 0 {
			return false
		}
		i += d
		if written, last := writeAtDot(src, i); written || last {
			return written
		}
	}
	return false
}

// writeAtDot reports whether the dot at src[i] is that of such a write
// (qualifiedStaticWrite), and last when no later dot can be: the name
// after it runs to the end of src.
func writeAtDot(src []byte, i int) (written, last bool) {
	if !isIdent(src[i-1]) {
		return false, false
	}
	// The qualifier must start with an upper-case letter (a type).
	s := i - 1
	for s > 0 && isIdent(src[s-1]) {
		s--
	}
	if src[s] < 'A' || src[s] > 'Z' || s > 0 && src[s-1] == '.' {
		return false, false
	}
	e := i + 1
	for e < len(src) && isIdent(src[e]) {
		e++
	}
	if e == i+1 {
		return false, false
	}
	k := e
	for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
		k++
	}
	if k >= len(src) {
		return false, true
	}
	return writtenAt(src, k), false
}

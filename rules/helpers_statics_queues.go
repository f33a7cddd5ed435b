package rules

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A static list, set or queue the class fills and then empties itself, in
// one routine that takes every element out (a loop of poll(), or a walk
// over it that applies each element to another static of the class,
// followed by clear()), is a transient work queue: what it holds
// passes through on the class's next run, and no app finds another's value
// in it later. The registry such a queue feeds is the shared state, and is
// judged on its own.

// workQueue reports a static collection (not a map) whose writes all sit
// in its own class (or classes nested in it), only add and take elements,
// and which some method of that class drains whole.
func workQueue(file *facts.File, src []byte, f *facts.Field, ws []*facts.Write) bool {
	if src == nil || strings.HasSuffix(file.Path, ".class") || !isContainer(f) || isMap(f) {
		return false
	}
	switch rawSimple(f.Type) {
	case "AtomicInteger", "AtomicLong", "AtomicBoolean", "AtomicReference", "AtomicIntegerArray", "AtomicLongArray",
		"AtomicReferenceArray", "LongAdder", "StringBuilder", "StringBuffer":
		return false
	}
	for _, w := range ws {
		if w.Kind != facts.WriteCall || !queueOps[w.Method] {
			return false
		}
		if c := w.Context.Class; c != f.Class && !strings.HasPrefix(c, f.Class+"$") {
			return false
		}
	}
	name := regexp.QuoteMeta(f.Name)
	take := regexp.MustCompile(`\b` + name + `\s*\.\s*(?:poll|pollFirst|pollLast|pop|take|drainTo|removeFirst|removeLast)\s*\(`)
	walk := regexp.MustCompile(`(?:for\s*\([^;:()]*:\s*(?:\w+\s*\.\s*)?` + name + `\s*\)|\b` + name + `\s*\.\s*(?:iterator|forEach|toArray|stream)\s*\()`)
	// Emptied: clear(). A removeAll(pending) takes some elements out of a
	// registry and leaves the rest: no drain.
	clear := regexp.MustCompile(`\b` + name + `\s*\.\s*clear\s*\(\s*\)`)
	for i := range file.Methods {
		m := &file.Methods[i]
		if m.Class != f.Class && !strings.HasPrefix(m.Class, f.Class+"$") || m.Decl.Start < 0 || m.Decl.End > len(src) {
			continue
		}
		text := src[m.Decl.Start:m.Decl.End]
		if take.Match(text) && loopAround(text, take) || walk.Match(text) && clear.Match(text) && feedsOther(file, f, m) {
			return true
		}
	}
	return pendingRemovals(file, src, f)
}

// A pending-removal list: unregisterLater(x) adds x to a private static
// list, and the class's next run takes the list out of its registry and
// empties it (registry.removeAll(pending); pending.clear();), usually under
// a lock so that a running pass is not disturbed. What an app puts there
// is gone at the next run; the registry is the shared state. Told by every
// use of the field in the file: element writes, the lock, and the drain.
// A list some code reads by index, tests, or hands out keeps what it holds
// for more than the next run, and stays a finding; so does one that other
// files can reach.

// pendingRemovals reports a private static collection whose every use is
// an element write (add, remove, clear), a synchronized on it, or the
// drain: the argument of another static's removeAll, in a method of the
// class that then clears it.
func pendingRemovals(file *facts.File, src []byte, f *facts.Field) bool {
	if !privateField(src, f) {
		return false
	}
	var drain *facts.MethodDecl
	var arg facts.Span
	for i := range file.Writes {
		w := &file.Writes[i]
		if w.Owner != f.Class || w.Name == f.Name || w.Kind != facts.WriteCall || w.Method != "removeAll" || len(w.Args) != 1 ||
			!selfRef(w.Args[0].Text, f) {
			continue
		}
		m := file.MethodAround(w.Span.Start)
		if m == nil || m.Class != f.Class && !strings.HasPrefix(m.Class, f.Class+"$") || m.Decl.End > len(src) {
			continue
		}
		drain, arg = m, w.Args[0].Span
		break
	}
	if drain == nil {
		return false
	}
	code := javaCode(string(src))
	use := regexp.MustCompile(`(?:^|[^\w$.])(?:(?:this|` + regexp.QuoteMeta(simpleName(f.Class)) + `)\s*\.\s*)?(` +
		regexp.QuoteMeta(f.Name) + `)\b`)
	cleared := false
	for _, loc := range use.FindAllStringSubmatchIndex(code, -1) {
		at, end := loc[2], loc[3]
		if within(at, f.Decl) || shadowedAt(file, src, f.Class, f.Name, at) {
			continue // another class's field, or a local, so named
		}
		switch rest := code[end:]; {
		case within(at, arg):
			// other.removeAll(pending)
		case lockRE.MatchString(code[:loc[0]+1]) && closeParenRE.MatchString(rest):
			// synchronized (pending) { ... }
		case pendingOpRE.MatchString(rest):
			cleared = cleared || within(at, drain.Decl) && at > arg.End && clearRE.MatchString(rest)
		default:
			return false // read, tested or handed out
		}
	}
	return cleared
}

// selfRef reports text naming field f: f, this.f, Owner.f.
func selfRef(text string, f *facts.Field) bool {
	text = strings.Join(strings.Fields(text), "")
	for _, p := range []string{"", "this.", simpleName(f.Class) + "."} {
		if text == p+f.Name {
			return true
		}
	}
	return false
}

var (
	// The element writes a pending list takes: their results (whether
	// the element was there) hand out nothing the list holds.
	pendingOpRE  = lazyRE(`^\s*\.\s*(?:add|addAll|remove|removeAll|clear)\s*\(`)
	clearRE      = lazyRE(`^\s*\.\s*clear\s*\(\s*\)`)
	lockRE       = lazyRE(`\bsynchronized\s*\(\s*$`)
	closeParenRE = lazyRE(`^\s*\)`)
)

// queueOps are the writes a work queue takes: elements in and out.
var queueOps = map[string]bool{
	"add": true, "addAll": true, "offer": true, "push": true, "addFirst": true, "addLast": true, "offerFirst": true,
	"offerLast": true, "put": true, "remove": true, "removeAll": true, "clear": true, "poll": true, "pollFirst": true,
	"pollLast": true, "pop": true, "take": true, "drainTo": true, "removeFirst": true, "removeLast": true,
}

// loopAround reports a take that sits in a loop of the method (for, while,
// do): the method empties the queue, not takes one element.
func loopAround(text []byte, take *regexp.Regexp) bool {
	at := take.FindIndex(text)
	if at == nil {
		return false
	}
	return queueLoopRE.Match(text[:at[0]])
}

var queueLoopRE = lazyRE(`\b(?:for|while|do)\b`)

// feedsOther reports a method that writes a static field of f's class
// other than f: the registry a pending list is applied to. A walk that
// only calls each element (closing every registered resource) drains a
// registry, not a work queue.
func feedsOther(file *facts.File, f *facts.Field, m *facts.MethodDecl) bool {
	for i := range file.Writes {
		w := &file.Writes[i]
		if w.Owner == f.Class && w.Name != f.Name && within(w.Span.Start, m.Decl) {
			return true
		}
	}
	return false
}

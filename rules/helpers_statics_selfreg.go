package rules

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A static registry that each object joins itself and leaves when it
// stops: a pool adds its own cleaner task on start and removes it on
// close; a server is the key of its own entry while it serves. Every
// write adds or removes the registering object itself (this, or an object
// the caller makes there), directly or through a register(owner, ...)
// method every project caller of which passes this; a removal sits in a
// stop method (close, stop, shutdown ...) or one named for leaving
// (unregister, deregister, remove ...); and every lookup
// of an entry is by the owner's own identity. Iterating all entries to
// notify each owner is fine. One app's write then never changes what
// another app's owner finds: the finding is dropped.
//
// Still reported:
//   - a key or element that is a name, a number or an address apps choose
//     (two apps registering "db" share one entry), or any argument other
//     than the owner itself;
//   - a lookup by a key other than the owner's (by name, by URL, by a
//     handle a caller supplies), or a method iterating the entries to
//     find one for a name it is given: one app reaches another's entry;
//   - a registry without a removal on a stop path: entries outlive their
//     app.
//
// A registry that also hands its entries out whole (a public getter
// returning the set, a copy or an unmodifiable view of it, or a method
// returning entries it iterates) is kept as a note: no entry is
// overwritten, but any app can reach every other app's owners through it.

// selfRegistry reports a static container of that shape. owners are the
// methods of the class, open to other files, through which owners join
// or leave or are looked up, with the parameter that must be the caller
// itself: the project's callers settle them (Pending.Owners). handsOut
// reports a method handing entries out.
func selfRegistry(file *facts.File, src []byte, f *facts.Field, ws []*facts.Write) (owners []facts.StoreParams, handsOut, ok bool) {
	// The writes decide what the field is: only add, put and remove
	// calls on it (a JDK or a project container) pass below.
	if src == nil || strings.HasSuffix(file.Path, ".class") || len(ws) == 0 {
		return nil, false, false
	}
	if args := typeArgs(f.TypeText); len(args) > 0 && nameKey(rawSimple(args[0])) {
		return nil, false, false // keyed by (or holding) values apps choose
	}
	r := &ownerResolver{file: file, src: src, seen: map[ownerSlot]bool{}}
	fills, stops := 0, 0
	for _, w := range ws {
		if w.Kind != facts.WriteCall || len(w.Args) == 0 {
			return nil, false, false
		}
		if c := w.Context.Class; c != f.Class && !strings.HasPrefix(c, f.Class+"$") {
			return nil, false, false // written from elsewhere
		}
		switch {
		case w.Method == "remove" && len(w.Args) == 1:
			if m := file.MethodAround(w.Span.Start); m != nil && r.onStopPath(m) {
				stops++
			}
		case w.Method == "add" && len(w.Args) == 1,
			(w.Method == "put" || w.Method == "putIfAbsent" || w.Method == "computeIfAbsent") && len(w.Args) == 2:
			fills++
		default:
			return nil, false, false
		}
		if !r.owner(w.Args[0].Text, w.Span.Start, 0) {
			return nil, false, false
		}
	}
	if fills == 0 || stops == 0 {
		return nil, false, false
	}
	handsOut, ok = r.uses(f)
	if !ok {
		return nil, false, false
	}
	return r.pending, handsOut, true
}

// leaveRE are the names of methods by which an owner leaves a registry.
var leaveRE = lazyRE(`^(?:unregister|unRegister|deregister|deRegister|remove|unbind|detach|leave|unsubscribe)(?:[A-Z_0-9].*)?$`)

// ownerSlot is a parameter of a method, by its index.
type ownerSlot struct {
	method facts.MethodKey
	param  int
}

// ownerResolver follows a key back to the object that registers itself.
type ownerResolver struct {
	file    *facts.File
	src     []byte
	seen    map[ownerSlot]bool
	pending []facts.StoreParams
}

// owner reports an argument (at offset at) that is the registering object
// itself: this, an object made there, or a parameter of its method that
// every caller passes so. A private method's calls are in this file and
// are read here; other methods' callers are left to the call graph
// (r.pending).
func (r *ownerResolver) owner(arg string, at, depth int) bool {
	arg = strings.TrimSpace(arg)
	if arg == "this" || strings.HasPrefix(arg, "new ") {
		return true
	}
	if !identifier(arg) || depth > 3 {
		return false
	}
	m := r.file.MethodAround(at)
	if m == nil || m.Name == "<init>" || m.Name == "<clinit>" || m.Decl.Start < 0 || m.Decl.End > len(r.src) {
		return false
	}
	ps := paramsOf(m)
	idx := -1
	for i, p := range ps {
		if p.name == arg {
			idx = i
		}
	}
	if idx < 0 || nameKey(rawSimple(ps[idx].typ)) {
		return false // a local, a field, or a name apps choose
	}
	slot := ownerSlot{facts.MethodKey{Class: m.Class, Name: m.Name, Arity: len(ps)}, idx}
	if r.seen[slot] {
		return true // decided (or being decided) by its callers
	}
	r.seen[slot] = true
	if !isPrivate(r.src, m) {
		r.pending = append(r.pending, facts.StoreParams{Method: slot.method, Params: []int{idx}})
		return true
	}
	calls := 0
	for _, open := range r.callsOf(m) {
		close := closingBracket(r.src, open)
		if close < 0 {
			return false
		}
		args := splitTopLevel(string(r.src[open+1:close]), ',', true)
		if len(args) == 1 && strings.TrimSpace(args[0]) == "" {
			args = nil
		}
		if len(args) != len(ps) {
			continue // another overload
		}
		calls++
		if !r.owner(args[idx], open, depth+1) {
			return false
		}
	}
	return calls > 0
}

// onStopPath reports a method that ends its owner's membership: a stop
// method, one named for leaving, or a private one that such a method of
// this file calls.
func (r *ownerResolver) onStopPath(m *facts.MethodDecl) bool {
	if isStopMethod(m) || leaveRE.MatchString(m.Name) {
		return true
	}
	if !isPrivate(r.src, m) {
		return false
	}
	for _, open := range r.callsOf(m) {
		if c := r.file.MethodAround(open); c != nil && c != m && (isStopMethod(c) || leaveRE.MatchString(c.Name)) {
			return true
		}
	}
	return false
}

// callsOf are the offsets of the '(' of the calls in this file of a
// method's name, leaving out its declaration and comments.
func (r *ownerResolver) callsOf(m *facts.MethodDecl) []int {
	var out []int
	re := regexp.MustCompile(`(?:^|[^\w$])` + regexp.QuoteMeta(m.Name) + `\s*\(`)
	for _, loc := range re.FindAllIndex(r.src, -1) {
		if loc[0] <= m.Span.Start && m.Span.Start < loc[1] || inComment(r.src, loc[1]-1) {
			continue // the declaration
		}
		out = append(out, loc[1]-1)
	}
	return out
}

// Calls on the registry that iterate it or count it, and that look an
// entry up by its key.
var (
	registryWalks   = map[string]bool{"iterator": true, "keySet": true, "values": true, "entrySet": true, "forEach": true, "toArray": true, "keysToArray": true, "stream": true}
	registryCounts  = map[string]bool{"size": true, "isEmpty": true}
	registryLookups = map[string]bool{"get": true, "containsKey": true, "contains": true, "getOrDefault": true}
	registryWrites  = map[string]bool{"add": true, "put": true, "putIfAbsent": true, "computeIfAbsent": true, "remove": true}
)

var (
	// synchronized (registry) and for (X x : registry), up to the name.
	lockHeadRE     = lazyRE(`synchronized\s*\(\s*(?:[\w$]+\s*\.\s*)?$`)
	forEachHeadRE  = lazyRE(`:\s*(?:[\w$]+\s*\.\s*)?$`)
	registryCallRE = lazyRE(`^\s*\.\s*([A-Za-z_$][\w$]*)\s*\(`)
	// return set; return Collections.unmodifiableSet(set); return
	// (Set) set.clone(); return new HashSet<>(set);
	handOutRE = lazyRE(`^return\s+(?:\(\s*[\w.$<>?, \[\]]+\)\s*)?(?:[\w.$]+\s*\.\s*(?:<[^()]*>)?\s*unmodifiable\w*\s*\(\s*|new\s+[\w.$]+\s*(?:<[^()]*>)?\s*\(\s*)?(?:this\s*\.\s*|[\w$]+\s*\.\s*)?` +
		`([A-Za-z_$][\w$]*)(?:\s*\.\s*clone\s*\(\s*\))?\s*\)?\s*;`)
)

// uses reads every use of the field in the file: each must be a write
// (checked by the caller), a walk or a count, a lookup by the owner's own
// key, a lock on it, or a return of the whole of it (handsOut). Any other
// use (the registry handed to a call, a lookup by another key) leaves ok
// false.
func (r *ownerResolver) uses(f *facts.Field) (handsOut, ok bool) {
	src := r.src
	re := regexp.MustCompile(`(?:^|[^\w$])(` + regexp.QuoteMeta(f.Name) + `)(?:[^\w$]|$)`)
	for _, loc := range re.FindAllSubmatchIndex(src, -1) {
		at, end := loc[2], loc[3]
		if within(at, f.Decl) || inComment(src, at) {
			continue
		}
		if sm := registryCallRE.get().FindSubmatchIndex(src[end:]); sm != nil {
			call := string(src[end+sm[2] : end+sm[3]])
			open := end + sm[1] - 1
			switch {
			case registryWrites[call], registryCounts[call]:
			case registryWalks[call]:
				out, ok := r.walkOK(at)
				if !ok {
					return false, false
				}
				handsOut = handsOut || out
			case registryLookups[call]:
				close := closingBracket(src, open)
				if close < 0 {
					return false, false
				}
				args := splitTopLevel(string(src[open+1:close]), ',', true)
				if len(args) == 0 {
					return false, false
				}
				if !r.owner(args[0], open, 0) {
					// Only a key the method took from the registry's
					// own walk: each owner's entry in turn.
					if !r.walkedKey(f.Name, args[0], at) {
						return false, false // looked up by another key
					}
					out, ok := r.walkOK(at)
					if !ok {
						return false, false
					}
					handsOut = handsOut || out
				}
			default:
				return false, false
			}
			continue
		}
		before := strings.TrimRight(string(src[max(0, at-64):at]), " \t\r\n")
		before = strings.TrimSuffix(strings.TrimSuffix(before, "this."), ".")
		after := strings.TrimLeft(string(src[end:]), " \t\r\n")
		switch {
		case strings.HasPrefix(after, ")") && lockHeadRE.MatchString(before):
		case strings.HasPrefix(after, ")") && forEachHeadRE.MatchString(before):
			out, ok := r.walkOK(at) // for (X x : registry)
			if !ok {
				return false, false
			}
			handsOut = handsOut || out
		default:
			st := stmtStart(src, at)
			semi := strings.IndexByte(string(src[end:]), ';')
			if semi < 0 {
				return false, false
			}
			stmt := strings.TrimSpace(string(src[st : end+semi+1]))
			if sm := handOutRE.FindStringSubmatch(stmt); sm == nil || sm[1] != f.Name {
				return false, false
			}
			handsOut = true
		}
	}
	return handsOut, true
}

// walkedKey reports a lookup key (at offset at) that is a local of a
// method that walks the registry: one of the registry's own keys, taken
// in turn (for (Owner o : map.keySet()) map.get(o)), not a key from
// outside.
func (r *ownerResolver) walkedKey(field, key string, at int) bool {
	key = strings.TrimSpace(key)
	m := r.file.MethodAround(at)
	if !identifier(key) || m == nil || m.Decl.Start < 0 || m.Decl.End > len(r.src) {
		return false
	}
	for _, p := range paramsOf(m) {
		if p.name == key {
			return false // handed in by the caller
		}
	}
	name := regexp.QuoteMeta(field)
	walk := regexp.MustCompile(`\b` + name + `\s*\.\s*(?:iterator|keySet|entrySet|toArray|keysToArray|stream|forEach)\s*\(|:\s*` + name + `\s*\)`)
	return walk.Match(r.src[m.Decl.Start:m.Decl.End])
}

// walkOK judges a walk of the registry at offset at by the method around
// it: one returning nothing, a flag, a count or a text notifies or counts
// the owners; one returning an object hands entries out (out), unless it
// is given a name to find, which is a lookup across owners (not ok).
func (r *ownerResolver) walkOK(at int) (out, ok bool) {
	m := r.file.MethodAround(at)
	if m == nil {
		return false, false
	}
	ret := rawSimple(strings.TrimSpace(m.Returns))
	if ret == "" || ret == "void" || nameKey(ret) {
		return false, true
	}
	for _, p := range paramsOf(m) {
		if nameKey(rawSimple(p.typ)) {
			return false, false
		}
	}
	return true, true
}

// ownerTail ends the message of a self-registry handed out whole.
const ownerTail = ": each object adds and removes only its own entry, but the registry hands every entry out, " +
	"so one app can reach the objects other apps registered; key it by ClassLoader if apps must not see each other's"

// asOwnerNote rates d, the finding of a self-registry that hands its
// entries out, as a note.
func asOwnerNote(d *Diagnostic) {
	d.Severity = SeverityLow
	d.Message = strings.TrimSuffix(d.Message, objectTail) + ownerTail
}

// OwnerNoteMessage is the message of a settled self-registry's finding
// that stays as a note (Pending.OwnersNote).
func OwnerNoteMessage(msg string) string {
	return strings.TrimSuffix(msg, objectTail) + ownerTail
}

// SettleOwners reports a self-registry's finding (Pending.Owners) whose
// every open join, leave or lookup method (Pending.Owners) the project
// calls, each call passing this, or an object it makes there, for the
// owner parameter; a field other classes can reach (OwnersOpen) must be
// named by no other file as Class.field. path is the field's file.
func SettleOwners(p *facts.Pending, g *facts.CallGraph, sourceAt func(string) []byte, mentions func(string) ([]string, bool), path string) bool {
	if p == nil || !p.OwnerRegistry {
		return false
	}
	for _, s := range p.Owners {
		cs := g.Callers(s.Method)
		if len(cs) == 0 {
			return false // the clients' API: apps pass what they choose
		}
		for _, c := range cs {
			for _, i := range s.Params {
				if i >= len(c.Args) {
					return false
				}
				if a := strings.TrimSpace(c.Args[i].Text); a != "this" && !strings.HasPrefix(a, "new ") {
					return false
				}
			}
		}
	}
	if !p.OwnersOpen {
		return true
	}
	if mentions == nil || sourceAt == nil || p.Field == "" {
		return false
	}
	simple := p.Class[strings.LastIndexAny(p.Class, ".$")+1:]
	qualified := regexp.MustCompile(`\b` + regexp.QuoteMeta(simple) + `\s*\.\s*` + regexp.QuoteMeta(p.Field) + `\b`)
	return !namedElsewhere(p.Field, simple, qualified, mentions, sourceAt, path)
}

// namedElsewhere reports a source other than path that names word the way
// use matches (a qualified field, a static import), or one that cannot be
// told: the word index gave up, or a file it lists cannot be read. Every
// match of use contains need (the class's simple name): a source without
// it is not matched, a byte search where the regular expression, with no
// literal prefix, stepped through the whole source.
func namedElsewhere(word, need string, use *regexp.Regexp, mentions func(string) ([]string, bool), sourceAt func(string) []byte, path string) bool {
	paths, ok := mentions(word)
	if !ok {
		return true
	}
	needBytes := []byte(need)
	for _, other := range paths {
		if other == path {
			continue
		}
		src := sourceAt(other)
		if src == nil {
			return true
		}
		if bytes.Contains(src, needBytes) && use.Match(src) {
			return true
		}
	}
	return false
}

// privateField reports a field declared private: no other class names it.
func privateField(src []byte, f *facts.Field) bool {
	if f.Decl.Start < 0 || f.Span.Start > len(src) || f.Decl.Start > f.Span.Start {
		return false
	}
	return privateRE.Match(src[f.Decl.Start:f.Span.Start])
}

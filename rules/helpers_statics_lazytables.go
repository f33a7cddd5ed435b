package rules

import (
	"bytes"
	"regexp"
	"strings"
)

// A table of constants is often built on first use rather than in the
// static initialiser: every public entry starts with `if (!initialized)
// init();`, and a private parameterless static init() fills the tables
// from the library's own enum values, constants and other own tables,
// setting `initialized = true;` at its end or before its last steps. It
// may fill them through other methods of the class (addAlias(NAME,
// filterByLevel(all, Level.HIGH))), whose arguments are then its own
// values, and walk its own enum's constants (for (Kind k :
// Kind.values()) ... k.getCode()). Whichever app calls first, the tables
// hold the same values, so neither they nor the flag are shared run-time
// state. An init that takes a parameter, reads a system property or the
// environment, asks a class loader (the thread's context loader above
// all), loads resources or calls back into objects it does not own, lets
// the first caller decide the tables and stays a finding; so does a
// helper it calls that another caller hands its own values
// (SettleStores asks each caller).

// constantLazyInit reports a method of src that is such an init: private,
// static and parameterless, every call of it in src either in a static
// block or guarded by `if (!flag)` on a flag its body sets to true (and
// nothing sets false), its body and those of the class's methods it
// calls reading only constant inputs.
func constantLazyInit(src []byte, method string, site int) bool {
	if method == "" || method == "<init>" {
		return false
	}
	// The declaration around the call site, in the class around it (a
	// file of several classes may have an init() in each).
	var decls [][]int
	for _, d := range regexp.MustCompile(`\b`+regexp.QuoteMeta(method)+`\s*\(\s*\)\s*(?:throws\s[^{;]*)?\{`).FindAllIndex(src, -1) {
		if e := closingBracket(src, d[1]-1); d[0] <= site && site < e {
			decls = append(decls, d)
		}
	}
	if len(decls) != 1 {
		return false
	}
	src = classAround(src, decls[0][0])
	head := src[max(0, decls[0][0]-120):decls[0][0]]
	if line := bytes.LastIndexAny(head, ";}{"); line >= 0 {
		head = head[line+1:]
	}
	if !privateRE.Match(head) || !wordIn(head, "static") {
		return false
	}
	open := decls[0][1] - 1
	close := closingBracket(src, open)
	if close < 0 {
		return false
	}
	body := src[open+1 : close]
	// The flag the guard reads: set true in the body, at its end or
	// before the last steps of the fill (which may then call the
	// class's guarded entries themselves).
	for _, sm := range flagSetRE.FindAllSubmatch(body, -1) {
		if onceFlag(src, method, decls[0][0], close, string(sm[1])) {
			r := newFillReader(src)
			r.seen[open] = true // the guarded entries it calls lead back to it
			return r.constant(body, 4) && !readsSettable(src, body, string(sm[1]))
		}
	}
	// Or the tables themselves are the flag: the init makes them (TABLE =
	// new Hashtable()), and every call waits for `if (TABLE == null)` on
	// one of them (ZXing's CharacterSetECI.initialize()).
	var made []string
	for _, sm := range madeTableRE.FindAllSubmatch(body, -1) {
		if name := string(sm[1]); !hasString(made, name) && staticDeclared(src, name) {
			made = append(made, name)
		}
	}
	if len(made) > 0 && onceNull(src, method, decls[0][0], close, made) {
		r := newFillReader(src)
		r.seen[open] = true
		if !r.constant(body, 4) {
			return false
		}
		for _, name := range made {
			if readsSettable(src, body, name) {
				return false
			}
		}
		return true
	}
	return false
}

// madeTableRE is a field made a new container or array in a statement of
// its own (TABLE = new Hashtable(29);).
var madeTableRE = lazyRE(`(?:^|[;{}])\s*(?:[\w$]+\s*\.\s*)?([\w$]+)\s*=\s*new\s+[\w$.]+\s*(?:<[^;=(){}]*>)?\s*[(\[]`)

// staticDeclared reports a static field of src (the class's text) named
// name.
func staticDeclared(src []byte, name string) bool {
	for _, loc := range mutableStaticRE.FindAllSubmatchIndex(src, -1) {
		if string(src[loc[2]:loc[3]]) == name {
			return true
		}
	}
	return false
}

// onceNull reports tables nothing sets back to null whose null test, on
// one of them, `if (TABLE == null)`, comes before every call of method in
// src outside its declaration (from declStart to close) and its static
// blocks.
func onceNull(src []byte, method string, declStart, close int, names []string) bool {
	alt := make([]string, len(names))
	for i, n := range names {
		alt[i] = regexp.QuoteMeta(n)
		if regexp.MustCompile(`(?:^|[^\w$.])(?:[\w$]+\s*\.\s*)?` + alt[i] + `\s*=\s*null\b`).Match(src) {
			return false // a reset: the tables are rebuilt on a caller's cue
		}
	}
	guard := regexp.MustCompile(`\bif\s*\(\s*(?:[\w$]+\s*\.\s*)?(?:` + strings.Join(alt, "|") + `)\s*==\s*null\s*\)\s*\{?\s*(?:[\w$]+\s*\.\s*)?$`)
	return guardedCalls(src, method, declStart, close, guard)
}

// onceFlag reports a flag nothing sets false whose guard `if (!flag)`
// comes before every call of method in src (the class's text) outside
// its declaration (from declStart to close) and its static blocks.
func onceFlag(src []byte, method string, declStart, close int, name string) bool {
	flag := regexp.QuoteMeta(name)
	if regexp.MustCompile(`(?:^|[^\w$.])(?:[\w$]+\s*\.\s*)?` + flag + `\s*=\s*false\b`).Match(bytes.ReplaceAll(src, []byte("boolean "+name), nil)) {
		return false // a flag reset: the tables are rebuilt on a caller's cue
	}
	guard := regexp.MustCompile(`\bif\s*\(\s*!\s*(?:[\w$]+\s*\.\s*)?` + flag + `\s*\)\s*\{?\s*(?:[\w$]+\s*\.\s*)?$`)
	return guardedCalls(src, method, declStart, close, guard)
}

// guardedCalls reports a method of src called at least once outside its
// declaration (from declStart to close), each such call outside the static
// blocks right after a guard (the text before the call ends with what guard
// matches).
func guardedCalls(src []byte, method string, declStart, close int, guard *regexp.Regexp) bool {
	blocks := staticBlocks(src)
	called := false
	for _, loc := range helperCallRE(method).FindAllSubmatchIndex(src, -1) {
		at := loc[2]
		if at >= declStart && at <= close {
			continue
		}
		in := false
		for _, b := range blocks {
			in = in || b[0] < at && at < b[1]
		}
		if !in && !guard.Match(src[max(0, at-200):at]) {
			return false
		}
		called = true
	}
	return called
}

// readsSettable reports a body that reads a static of the class (src is
// the class's text) that is not final and that it does not itself fill or
// assign: a value some other code, an app's setter, decides.
func readsSettable(src, body []byte, flag string) bool {
	var blocks [][2]int // src's static blocks, found at the first assignment met
	blocksRead := false
	for _, loc := range mutableStaticRE.FindAllSubmatchIndex(src, -1) {
		name := string(src[loc[2]:loc[3]])
		declAt := loc[0]
		if name == flag {
			continue
		}
		q := regexp.QuoteMeta(name)
		uses := regexp.MustCompile(`(?:^|[^\w$.])`+q+`\b`).FindAllIndex(body, -1)
		fills := regexp.MustCompile(`(?:^|[^\w$.])`+q+`\s*(?:=[^=]|\.\s*(?:put|putIfAbsent|add|addAll|putAll|clear)\s*\()`).FindAllIndex(body, -1)
		if len(uses) == 0 || len(fills) > 0 {
			continue
		}
		// Read only: settable when some method outside the static
		// blocks assigns or fills it (its declaration aside).
		for _, at := range regexp.MustCompile(`(?:^|[^\w$])`+q+`\s*(?:=[^=]|\.\s*(?:put|putIfAbsent|add|addAll|putAll|set)\s*\()`).FindAllIndex(src, -1) {
			if at[0] >= declAt && at[0] <= loc[1] {
				continue
			}
			if !blocksRead {
				blocks, blocksRead = staticBlocks(src), true
			}
			in := false
			for _, b := range blocks {
				in = in || b[0] < at[0] && at[0] < b[1]
			}
			if !in {
				return true
			}
		}
	}
	return false
}

var mutableStaticRE = lazyRE(`(?:^|[;{}]\s*|\n\s*)(?:(?:private|protected|public|volatile|transient)\s+)*static\s+(?:(?:volatile|transient)\s+)*[\w.$]+(?:<[^;=(){}]*>)?(?:\[\])*\s+([\w$]+)\s*[;=]`)

var (
	flagSetRE = lazyRE(`(?:^|[;{}]\s*)(?:[\w$]+\s*\.\s*)?([\w$]+)\s*=\s*true\s*;`)
	// Inputs a first caller could decide.
	callerInputRE = lazyRE(`\bSystem\s*\.|\bgetProperty\b|\bgetenv\b|\bgetInteger\b|\bgetBoolean\b|\bgetLong\b|ClassLoader\b|\bforName\b|\bServiceLoader\b|\bThread\s*\.|\bnewInstance\b|\bgetResource|\bthis\b|::|->`)
	tableCallRE   = lazyRE(`(?:(\.)\s*)?\b([A-Za-z_$][\w$]*)\s*\(`)
)

// valueCalls are the JDK methods a constant table's fill may call on
// its own values and containers.
var valueCalls = map[string]bool{
	"values": true, "name": true, "ordinal": true, "toString": true, "toLowerCase": true, "toUpperCase": true,
	"valueOf": true, "length": true, "size": true, "get": true, "put": true, "putIfAbsent": true, "add": true,
	"addAll": true, "putAll": true, "containsKey": true, "contains": true, "equals": true, "hashCode": true,
	"intern": true, "substring": true, "charAt": true, "trim": true, "indexOf": true, "keySet": true,
	"entrySet": true, "getKey": true, "getValue": true, "asList": true, "unmodifiableMap": true,
	"unmodifiableList": true, "unmodifiableSet": true, "min": true, "max": true,
	// A collection's or a string's own methods, on the fill's locals.
	"remove": true, "removeAll": true, "retainAll": true, "containsAll": true, "clear": true, "isEmpty": true,
	"iterator": true, "hasNext": true, "next": true, "toArray": true, "sort": true, "reverse": true,
	"singleton": true, "singletonList": true, "emptyList": true, "emptySet": true, "emptyMap": true,
	"split": true, "startsWith": true, "endsWith": true, "compareTo": true, "append": true,
}

// newFillReader reads fills in src, the class's text.
func newFillReader(src []byte) *fillReader {
	return &fillReader{src: src, seen: map[int]bool{}, enums: map[string]bool{}, srcVars: declaredTypes(src), decls: map[string][][]int{}}
}

// fillReader reads a lazy fill's body and its helpers in one class's text
// (src), each helper once (seen, by its body's offset).
type fillReader struct {
	src     []byte
	seen    map[int]bool
	enums   map[string]bool     // type name: an enum the class walks or declares
	srcVars map[string][]string // variable name: its declared types, in src
	decls   map[string][][]int  // method name: its declarations in src
}

// constant reports a method body that reads no caller input and calls
// only value methods, JDK helpers, methods of the library's own enum
// constants, its logger (whatever it is handed: a message), and methods of
// the class that do the same (depth levels down), every overload of
// each: helpers with parameters, whose arguments are then the fill's own
// values.
func (r *fillReader) constant(body []byte, depth int) bool {
	if callerInputRE.Match(body) {
		return false
	}
	var bodyVars map[string][]string
	skip := -1 // the end of a logging call, whose arguments only go to the log
	for _, loc := range tableCallRE.FindAllSubmatchIndex(body, -1) {
		if loc[0] < skip {
			continue
		}
		name := string(body[loc[4]:loc[5]])
		switch name {
		case "if", "for", "while", "switch", "synchronized", "catch", "return", "new":
			continue
		}
		if valueCalls[name] {
			continue
		}
		if newTailRE.Match(body[:loc[4]]) {
			continue // a constructor: new HashMap(...)
		}
		if loc[2] >= 0 {
			recv := receiverBefore(body, loc[2])
			if bodyVars == nil {
				bodyVars = declaredTypes(body)
			}
			types := append(append([]string(nil), bodyVars[recv]...), r.srcVars[recv]...)
			if recv != "" && recv[0] >= 'A' && recv[0] <= 'Z' {
				types = append(types, recv) // Type.method(): the type itself
			}
			if jdkUtilities[recv] || r.anyEnum(types) {
				continue // a JDK helper, or a constant of the library's own enum
			}
			if logger(r.srcVars[recv]) {
				if skip = closingBracket(body, loc[1]-1); skip < 0 {
					skip = len(body)
				}
				continue // a message to the class's logger
			}
			if recv == "" || !declaresClassNamed(r.src, recv) {
				return false // a method of some object: a callback the library does not own
			}
		}
		if depth == 0 {
			return false
		}
		// Every overload the call may be, read as the fill is.
		decls, ok := r.decls[name]
		if !ok {
			decls = regexp.MustCompile(`\b`+regexp.QuoteMeta(name)+`\s*\([^()]*\)\s*(?:throws\s[^{;]*)?\{`).FindAllIndex(r.src, -1)
			r.decls[name] = decls
		}
		if len(decls) == 0 || len(decls) > 3 {
			return false
		}
		for _, d := range decls {
			open := d[1] - 1
			if r.seen[open] {
				continue
			}
			r.seen[open] = true
			close := closingBracket(r.src, open)
			if close < 0 || !r.constant(r.src[open+1:close], depth-1) {
				return false
			}
		}
	}
	return true
}

// logger reports a logger among types.
func logger(types []string) bool {
	for _, t := range types {
		if loggerType(t) {
			return true
		}
	}
	return false
}

// anyEnum reports a type among types that is an enum of the library's:
// one the class walks (T.values()) or declares.
func (r *fillReader) anyEnum(types []string) bool {
	for _, t := range types {
		is, ok := r.enums[t]
		if !ok {
			q := regexp.QuoteMeta(t)
			is = regexp.MustCompile(`(?:^|[^\w$.])` + q + `\s*\.\s*values\s*\(\s*\)|\benum\s+` + q + `\b`).Match(r.src)
			r.enums[t] = is
		}
		if is {
			return true
		}
	}
	return false
}

// declaredTypesRE is a declaration of a variable, a parameter or a field
// whose type is a capitalised name (generics aside): Cipher c, for
// (Cipher c : ...), Log log =.
var declaredTypesRE = lazyRE(`(?:^|[^\w$.<])([A-Z][\w$]*)\s+([A-Za-z_$][\w$]*)\s*[:=;,)]`)

// declaredTypes maps the variables declared in text to their types.
func declaredTypes(text []byte) map[string][]string {
	out := map[string][]string{}
	for _, sm := range declaredTypesRE.FindAllSubmatch(text, -1) {
		out[string(sm[2])] = append(out[string(sm[2])], string(sm[1]))
	}
	return out
}

// jdkUtilities are JDK classes whose static methods compute from their
// arguments alone.
var jdkUtilities = map[string]bool{
	"Collections": true, "Arrays": true, "Objects": true, "Math": true, "Integer": true, "Long": true,
	"String": true, "Character": true, "Boolean": true, "List": true, "Set": true, "Map": true, "EnumSet": true,
}

// receiverBefore is the identifier before the dot at offset dot of body
// (the receiver of a call), "" when the receiver is not a bare name.
func receiverBefore(body []byte, dot int) string {
	e := dot
	for e > 0 && (body[e-1] == ' ' || body[e-1] == '\t' || body[e-1] == '\n' || body[e-1] == '\r') {
		e--
	}
	b := e
	for b > 0 && isIdent(body[b-1]) {
		b--
	}
	if b == e || b > 0 && body[b-1] == '.' {
		return ""
	}
	return string(body[b:e])
}

// declaresClassNamed reports the simple name of the class src holds (a call
// qualified by it is one of its own static methods).
func declaresClassNamed(src []byte, name string) bool {
	return regexp.MustCompile(`\b(?:class|enum)\s+` + regexp.QuoteMeta(name) + `\b`).Match(src)
}

var newTailRE = lazyRE(`\bnew\s+(?:[\w$]+\s*\.\s*)*$`)

// classAround is src with everything outside the innermost class body
// around offset at blanked out (offsets kept).
func classAround(src []byte, at int) []byte {
	best := [2]int{0, len(src)}
	for _, loc := range classHeadRE.FindAllIndex(src, -1) {
		open := loc[1] - 1
		if open > at {
			break
		}
		if e := closingBracket(src, open); e > at && open > best[0] {
			best = [2]int{open, e}
		}
	}
	out := bytes.Repeat([]byte(" "), len(src))
	copy(out[best[0]:best[1]+min(1, len(src)-best[1])], src[best[0]:min(len(src), best[1]+1)])
	return out
}

var classHeadRE = lazyRE(`\b(?:class|enum|interface)\s+[\w$]+[^{;()]*\{`)

// staticBlocks are the offsets of the braces of src's static blocks.
func staticBlocks(src []byte) [][2]int {
	var blocks [][2]int
	for _, open := range staticBraces(src) {
		if e := closingBracket(src, open); e > 0 {
			blocks = append(blocks, [2]int{open, e})
		}
	}
	return blocks
}

// staticBraces are the offsets of the opening braces that follow the word
// static at the start of src or after a blank, a semicolon or a brace: what
// the expression (?:^|[;{}\s])static\s*\{ finds. Its matches do not
// overlap, so a match's brace cannot be the character before the next
// one's static. A byte scan, as it runs on every source with a static
// block: the expression, tried at every offset of the file, took 0.42 s of
// a 75 s profile of a large tree.
func staticBraces(src []byte) []int {
	var out []int
	end := 0 // where the last match ended: the next one starts at or after it
	for at := 0; ; {
		i := bytes.Index(src[at:], []byte("static"))
		if i < 0 {
			return out
		}
		i += at
		at = i + 1
		if i > 0 && (i-1 < end || !staticLead(src[i-1])) {
			continue
		}
		j := i + len("static")
		for j < len(src) && isREBlank(src[j]) {
			j++
		}
		if j < len(src) && src[j] == '{' {
			out = append(out, j)
			end, at = j+1, j+1
		}
	}
}

// staticLead is a byte that may come before the word static that opens a
// static block.
func staticLead(c byte) bool { return c == ';' || c == '{' || c == '}' || isREBlank(c) }

// isREBlank is a byte of the expressions' \s: tab, newline, form feed,
// carriage return or space.
func isREBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

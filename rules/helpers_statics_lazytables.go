package rules

import (
	"bytes"
	"regexp"
)

// A table of constants is often built on first use rather than in the
// static initialiser: every public entry starts with `if (!initialized)
// init();`, and a private parameterless static init() fills the tables
// from the library's own enum values, constants and other own tables,
// ending with `initialized = true;`. Whichever app calls first, the tables
// hold the same values, so neither they nor the flag are shared run-time
// state. An init that takes a parameter, reads a system property or the
// environment, asks a class loader (the thread's context loader above
// all), loads resources or calls back into objects it does not own, lets
// the first caller decide the tables and stays a finding.

// constantLazyInit reports a method of src that is such an init: private,
// static and parameterless, every call of it in src either in a static
// block or guarded by `if (!flag)` on the flag its last statement sets to
// true (and nothing sets false), its body and those of the file's methods
// it calls reading only constant inputs.
func constantLazyInit(src []byte, method string, site int) bool {
	if method == "" || method == "<init>" {
		return false
	}
	// The declaration around the call site, in the class around it (a
	// file of several classes may have an init() in each).
	var decls [][]int
	for _, d := range regexp.MustCompile(`\b`+regexp.QuoteMeta(method)+`\s*\(\s*\)\s*(?:throws\s[^{;]*)?\{`).FindAllIndex(src, -1) {
		if e := matchingClose(src, d[1]-1); d[0] <= site && site < e {
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
	close := matchingClose(src, open)
	if close < 0 {
		return false
	}
	body := src[open+1 : close]
	sm := lastFlagSetRE.FindSubmatch(body)
	if sm == nil {
		return false
	}
	flag := regexp.QuoteMeta(string(sm[1]))
	if regexp.MustCompile(`(?:^|[^\w$.])(?:[\w$]+\s*\.\s*)?` + flag + `\s*=\s*false\b`).Match(bytes.ReplaceAll(src, []byte("boolean "+string(sm[1])), nil)) {
		return false // a flag reset: the tables are rebuilt on a caller's cue
	}
	guard := regexp.MustCompile(`\bif\s*\(\s*!\s*(?:[\w$]+\s*\.\s*)?` + flag + `\s*\)\s*\{?\s*(?:[\w$]+\s*\.\s*)?$`)
	blocks := staticBlocks(src)
	called := false
	for _, loc := range helperCallRE(method).FindAllSubmatchIndex(src, -1) {
		at := loc[2]
		if at >= decls[0][0] && at <= close {
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
	return called && constantBody(src, body, 2) && !readsSettable(src, body, string(sm[1]))
}

// readsSettable reports a body that reads a static of the class (src is
// the class's text) that is not final and that it does not itself fill or
// assign: a value some other code, an app's setter, decides.
func readsSettable(src, body []byte, flag string) bool {
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
			in := false
			for _, b := range staticBlocks(src) {
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
	lastFlagSetRE = lazyRE(`(?:^|[;{}]\s*)(?:[\w$]+\s*\.\s*)?([\w$]+)\s*=\s*true\s*;\s*$`)
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
}

// constantBody reports a method body that reads no caller input and
// calls only value methods and methods of src that do the same (depth
// levels down).
func constantBody(src, body []byte, depth int) bool {
	if callerInputRE.Match(body) {
		return false
	}
	for _, loc := range tableCallRE.FindAllSubmatchIndex(body, -1) {
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
		if loc[2] >= 0 || depth == 0 {
			return false // a method of some object: a callback the library does not own
		}
		decls := regexp.MustCompile(`\b`+regexp.QuoteMeta(name)+`\s*\([^()]*\)\s*(?:throws\s[^{;]*)?\{`).FindAllIndex(src, -1)
		if len(decls) != 1 {
			return false
		}
		open := decls[0][1] - 1
		close := matchingClose(src, open)
		if close < 0 || !constantBody(src, src[open+1:close], depth-1) {
			return false
		}
	}
	return true
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
		if e := matchingClose(src, open); e > at && open > best[0] {
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
	for _, loc := range staticBlockRE.FindAllIndex(src, -1) {
		if e := matchingClose(src, loc[1]-1); e > 0 {
			blocks = append(blocks, [2]int{loc[1] - 1, e})
		}
	}
	return blocks
}

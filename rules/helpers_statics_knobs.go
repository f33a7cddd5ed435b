package rules

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A switch, size or threshold of a cache of plain values (a string cache's
// enabled flag, its size, the count after which it starts to fill) decides
// only whether or how much the library caches: any value gives every app the
// same results, so one app setting it changes no other app's answers. Told
// by its uses: every read of the field in its file is a condition, a
// comparison or a capacity given to a constructor, in a method that reads or
// fills such a cache of its class, or a getter that hands the value out.

var primitiveKnob = map[string]bool{
	"boolean": true, "int": true, "long": true, "short": true, "byte": true, "float": true, "double": true,
	"Boolean": true, "Integer": true, "Long": true, "Short": true, "Byte": true, "Float": true, "Double": true,
}

// cacheKnob reports a primitive static of the file whose every read tunes a
// cache of plain values of its class.
func cacheKnob(file *facts.File, src []byte, f *facts.Field) bool {
	if src == nil || strings.HasSuffix(file.Path, ".class") || !primitiveKnob[rawSimple(f.Type)] || strings.Contains(f.TypeText, "[") {
		return false
	}
	caches := plainCaches(file, f.Class)
	if len(caches) == 0 {
		return false
	}
	re := regexp.MustCompile(`(?:^|[^\w$.])(?:(?:this|` + regexp.QuoteMeta(simpleName(f.Class)) + `)\s*\.\s*)?(` + regexp.QuoteMeta(f.Name) + `)\b`)
	reads := 0
	for _, loc := range re.FindAllSubmatchIndex(src, -1) {
		at, end := loc[2], loc[3]
		if within(at, f.Decl) || assignedAt(src, end) || inComment(src, at) || shadowedAt(file, src, f.Class, f.Name, at) {
			continue
		}
		m := file.MethodAround(at)
		if m == nil && capacityRE.Match(src[stmtStart(src, at):at]) && initialiserOf(file, f.Class, at, caches) {
			continue // the size a cache of the class starts with
		}
		if m == nil || m.Class != f.Class || m.Decl.Start < 0 || m.Decl.End > len(src) {
			return false // a read outside the class's methods: a field initialiser, a nested class
		}
		body := src[m.Decl.Start:m.Decl.End]
		if returnsOnly(body, f.Name) {
			continue
		}
		if !conditionUse(src, at, end) || !reachesCache(file, src, f.Class, body, caches, 2) {
			return false
		}
		reads++
	}
	return reads > 0
}

// shadowedAt reports a name at offset at that is not a read of the static
// field owner.name: in a method of another class of the file that declares
// its own field so named, or, unqualified, where a parameter or a local of
// its method takes the name (setCacheSize(int cacheSize) { Cache.cacheSize
// = cacheSize; }).
func shadowedAt(file *facts.File, src []byte, owner, name string, at int) bool {
	if cls := classAt(file, at); cls != "" && cls != owner {
		for i := range file.Fields {
			if fd := &file.Fields[i]; fd.Name == name && fd.Class == cls {
				return true
			}
		}
	}
	m := file.MethodAround(at)
	if m == nil || m.Decl.Start < 0 || m.Decl.End > len(src) {
		return false
	}
	if b := bytes.TrimRight(src[:at], " \t\r\n"); len(b) > 0 && b[len(b)-1] == '.' {
		return false // this.name, Owner.name
	}
	if hasString(paramNames(m.Params), name) {
		return true
	}
	return declaresName(string(src[m.Decl.Start:m.Decl.End]), name)
}

// classAt is the innermost type of the file declared around offset at.
func classAt(file *facts.File, at int) string {
	best, start := "", -1
	for _, t := range file.TypeDecls {
		if within(at, t.Decl) && t.Decl.Start > start {
			best, start = t.Name, t.Decl.Start
		}
	}
	return best
}

// declaresName reports code declaring a local (or a parameter, a loop or
// catch variable) called name: a type before it, that is a word, type
// arguments written against their type (List<String> name; a comparison
// a > name has a space), or an array's brackets.
func declaresName(code, name string) bool {
	re := regexp.MustCompile(`(?:\b([\w$]+)|[\w$]<[\w$.,\s<>?\[\]]*>|\[\s*\])\s+` + regexp.QuoteMeta(name) + `\s*(?:=[^=]|[;:,)])`)
	for _, sm := range re.FindAllStringSubmatch(code, -1) {
		if len(sm[1]) == 0 || !javaStatementWords[string(sm[1])] {
			return true // int name = ..., List<String> name;, for (String name : ...)
		}
	}
	return false
}

// javaStatementWords come before an expression, never a type: return x;
// is no declaration of x.
var javaStatementWords = map[string]bool{
	"return": true, "else": true, "throw": true, "case": true, "new": true, "yield": true, "assert": true,
	"instanceof": true, "do": true,
}

// assignedAt reports a name followed by an assignment (not ==).
func assignedAt(src []byte, end int) bool {
	rest := strings.TrimLeft(string(src[end:min(len(src), end+4)]), " \t")
	return strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, "==") ||
		len(rest) > 1 && strings.ContainsRune("+-*/|&", rune(rest[0])) && rest[1] == '='
}

var getterBodyRE = lazyRE(`\{\s*return\s+(?:\w+\s*\.\s*)?(\w+)\s*;\s*\}\s*$`)

// returnsOnly reports a method whose whole body returns the field.
func returnsOnly(body []byte, name string) bool {
	sm := getterBodyRE.FindSubmatch(body)
	return sm != nil && string(sm[1]) == name
}

var (
	condHeadRE    = lazyRE(`\b(?:if|while)\s*\(`)
	compareAfter  = lazyRE(`^\s*(?:[<>]=?|[!=]=|&&|\|\||\?|[%*/+-][^=+-])`)
	compareBefore = lazyRE(`(?:[<>]=?|[!=]=|&&|\|\||!|[^+-][%*/+-])\s*$`)
	capacityRE    = lazyRE(`\bnew\s+[\w.$<>]+\s*[(\[][^;()]*$`)
	// The length a grown cache's entries are copied over with:
	// System.arraycopy(cache, 0, grown, 0, size).
	copyLenRE  = lazyRE(`\bSystem\s*\.\s*arraycopy\s*\([^;()]*,\s*$`)
	closeAfter = lazyRE(`^\s*\)`)
)

// conditionUse reports a read in an if or while condition, an operand of
// a comparison, a logical operator or the arithmetic of a slot, or a
// constructor's argument or an array's length (a capacity).
func conditionUse(src []byte, at, end int) bool {
	before := src[stmtStart(src, at):at]
	after := src[end:min(len(src), end+8)]
	return condHeadRE.Match(before) || compareAfter.Match(after) || compareBefore.Match(before) || capacityRE.Match(before) ||
		copyLenRE.Match(before) && closeAfter.Match(after)
}

// initialiserOf reports an offset inside the initialiser of a static of
// class that is one of caches (byteCache = new byte[byteCacheSize][]).
func initialiserOf(file *facts.File, class string, at int, caches []string) bool {
	for i := range file.Fields {
		fd := &file.Fields[i]
		if fd.Static && fd.Class == class && within(at, fd.Decl) && hasString(caches, fd.Name) {
			return true
		}
	}
	return false
}

// plainCaches are the static containers and arrays of class whose keys,
// values or elements are plain values (strings, numbers): a cache of
// those returns the same answers however it is tuned.
func plainCaches(file *facts.File, class string) []string {
	var out []string
	for i := range file.Fields {
		fd := &file.Fields[i]
		if !fd.Static || fd.Class != class {
			continue
		}
		t := strings.Join(strings.Fields(fd.TypeText), "")
		switch {
		case strings.HasSuffix(t, "[]"):
			if plainValueType(file, strings.TrimSuffix(t, "[]")) {
				out = append(out, fd.Name)
			}
		case isContainer(fd):
			args := typeArgs(t)
			ok := len(args) > 0
			for _, a := range args {
				ok = ok && plainValueType(file, a)
			}
			if ok {
				out = append(out, fd.Name)
			}
		}
	}
	return out
}

// reachesCache reports a method body that reads or fills one of caches,
// itself or through the methods of class it calls (depth levels down): a
// switch read in show() that guards a call to the cache's lookup tunes the
// cache as much as one read beside it.
func reachesCache(file *facts.File, src []byte, class string, body []byte, caches []string, depth int) bool {
	if touchesCache(body, caches) {
		return true
	}
	if depth == 0 {
		return false
	}
	for _, m := range file.Methods {
		if m.Class != class || m.Decl.Start < 0 || m.Decl.End > len(src) || m.Name == "" {
			continue
		}
		mb := src[m.Decl.Start:m.Decl.End]
		if bytes.Equal(mb, body) || !callsName(body, m.Name) {
			continue
		}
		if reachesCache(file, src, class, mb, caches, depth-1) {
			return true
		}
	}
	return false
}

// callsName reports a call of name (name followed by "(", not a member of
// another object) in body.
func callsName(body []byte, name string) bool {
	for i := 0; ; {
		j := bytes.Index(body[i:], []byte(name))
		if j < 0 {
			return false
		}
		at := i + j
		i = at + 1
		e := at + len(name)
		if at > 0 && (isIdent(body[at-1]) || body[at-1] == '.' && !bytes.HasSuffix(body[:at-1], []byte("this"))) {
			continue
		}
		k := e
		for k < len(body) && (body[k] == ' ' || body[k] == '\t') {
			k++
		}
		if k < len(body) && body[k] == '(' {
			return true
		}
	}
}

// touchesCache reports a method body that reads or fills one of caches.
func touchesCache(body []byte, caches []string) bool {
	for _, c := range caches {
		// A read, a fill, or the cache replaced by a grown copy
		// (arraycopy(cache, 0, grown, 0, n); cache = grown).
		q := regexp.QuoteMeta(c)
		if regexp.MustCompile(`\b` + q + `\s*(?:\[|=[^=]|\.\s*(?:get|put|putIfAbsent|computeIfAbsent|containsKey|contains|add|remove|clear|size)\s*\()|\barraycopy\s*\(\s*` + q + `\s*,`).Match(body) {
			return true
		}
	}
	return false
}

// A bound of a cache that another structure holds (an instance queue of
// recent packets, an LRU map's removeEldestEntry, a cache of the library's
// own compiled values) is as benign as the knobs above: every app gets
// the same answers, only sooner or later evicted. Told by its reads alone,
// never by its name: each one is an operand of a comparison whose branch
// evicts from a container (poll, remove, clear) or fills, within the
// bound, the container whose size it compares; the comparison an LRU map's
// removeEldestEntry returns; a capacity handed to a JDK container or a
// cache builder; or a getter's value.

// evictionBound reports a numeric static of the file, not public (its
// reads are the library's), whose every read here bounds a cache.
func evictionBound(file *facts.File, src []byte, f *facts.Field) bool {
	if src == nil || strings.HasSuffix(file.Path, ".class") || !numericKnob[rawSimple(f.Type)] || strings.Contains(f.TypeText, "[") ||
		f.Decl.Start < 0 || f.Span.Start > len(src) || wordIn(src[f.Decl.Start:f.Span.Start], "public") {
		return false
	}
	re := regexp.MustCompile(`(?:^|[^\w$.])(?:(?:this|` + regexp.QuoteMeta(simpleName(f.Class)) + `)\s*\.\s*)?(` + regexp.QuoteMeta(f.Name) + `)\b`)
	reads := 0
	for _, loc := range re.FindAllSubmatchIndex(src, -1) {
		at, end := loc[2], loc[3]
		if within(at, f.Decl) || assignedAt(src, end) || inComment(src, at) || shadowedAt(file, src, f.Class, f.Name, at) {
			continue
		}
		if m := file.MethodAround(at); m != nil && m.Decl.Start >= 0 && m.Decl.End <= len(src) && returnsOnly(src[m.Decl.Start:m.Decl.End], f.Name) {
			continue
		}
		if !boundUse(src, at, end) && !clampRead(file, src, f, at) && !thresholdRead(file, src, f, at) && !selfClamp(src, f, at) {
			return false
		}
		reads++
	}
	return reads > 0
}

// selfClamp reports a read in the comparison of an if whose branch only
// sets the field again (a setter keeping the value within a floor or a
// ceiling: if (bsize < 2048) bsize = 2048;): it decides the field's own
// value, nothing else.
func selfClamp(src []byte, f *facts.Field, at int) bool {
	close, _, body, ok := comparedInIf(src, at)
	if !ok {
		return false
	}
	if after := branchEnd(src, close, body); elseAfterRE.Match(src[after:min(len(src), after+16)]) {
		return false
	}
	sm := selfSetRE.FindSubmatch(body)
	return sm != nil && string(sm[1]) == f.Name
}

// branchEnd is the offset just after the branch body guarded by the
// condition closing at close.
func branchEnd(src []byte, close int, body []byte) int {
	return close + 1 + countSpace(src[close+1:]) + len(body)
}

// selfSetRE is a branch that only assigns one name: "{ x = 2048; }".
var selfSetRE = lazyRE(`^\s*\{?\s*(?:this\s*\.\s*|[A-Z][\w$]*\s*\.\s*)?([\w$]+)\s*=[^=;][^;]*;\s*\}?\s*$`)

var numericKnob = map[string]bool{
	"int": true, "long": true, "short": true, "float": true, "double": true,
	"Integer": true, "Long": true, "Short": true, "Float": true, "Double": true,
}

var (
	relationalRE = lazyRE(`[^<>=!]\s*(?:<=?|>=?)\s*[^<>=]`)
	evictRE      = lazyRE(`\.\s*(?:poll|pollFirst|pollLast|remove|removeFirst|removeLast|clear|removeIf|trimToSize)\s*\(`)
	sizeOfRE     = lazyRE(`([\w$]+)\s*\.\s*size\s*\(\s*\)`)
	// A capacity: of a JDK container (a size hint), of a cache or a cache
	// builder, or the buffer of a JDK buffered stream (the same bytes go
	// through whatever its size); an argument before it may call
	// (new BufferedOutputStream(new FileOutputStream(f), size)).
	capacityArgRE = lazyRE(`(?:\bnew\s+(?:java\.util\.(?:concurrent\.)?|java\.io\.)?(?:HashMap|LinkedHashMap|ConcurrentHashMap|HashSet|LinkedHashSet|ArrayList|ArrayDeque|WeakHashMap|Hashtable|Buffered(?:Input|Output)Stream|BufferedReader|BufferedWriter|[\w.$]*(?:Cache|LRU\w*|Lru\w*))\s*(?:<[^()]*>)?\s*\(|\.\s*(?:maximumSize|maximumWeight|initialCapacity)\s*\()(?:[^;()]|\([^;()]*\))*$`)
	eldestRE      = lazyRE(`\bremoveEldestEntry\s*\([^()]*\)\s*\{[^{}]*$`)
)

// boundUse reports a read (at..end in src) that only bounds a container:
// see evictionBound.
func boundUse(src []byte, at, end int) bool {
	stmt := stmtStart(src, at)
	if capacityArgRE.Match(src[stmt:at]) {
		return true
	}
	open := enclosingHeader(src, at)
	if open < 0 {
		// return size() > max; in an LRU map's eviction hook
		lead := strings.TrimSpace(string(src[stmt:at]))
		if !strings.HasPrefix(lead, "return") {
			return false
		}
		brace := openBrace(src, stmt)
		stmtEnd := bytes.IndexByte(src[end:], ';')
		return brace >= 0 && stmtEnd >= 0 && eldestRE.Match(src[max(0, brace-200):brace+1]) &&
			relationalRE.Match(src[stmt:end+stmtEnd])
	}
	_, clause, body, ok := comparedIn(src, open, at)
	if !ok {
		return false
	}
	if bytes.Contains(body, []byte("throw ")) {
		return false // a limit that fails a call decides what apps get
	}
	if evictRE.Match(body) {
		return true
	}
	// if (CACHE.size() < max) CACHE.put(k, v): a fill kept within the bound
	for _, sm := range sizeOfRE.FindAllStringSubmatch(clause, -1) {
		if regexp.MustCompile(`\b` + regexp.QuoteMeta(sm[1]) + `\s*\.\s*(?:put|putIfAbsent|add|offer)\s*\(`).Match(body) {
			return true
		}
	}
	return false
}

// enclosingHeader finds the parenthesis of the if, while or for header
// around offset at, within its statement: its offset, -1 when the read is
// in none.
func enclosingHeader(src []byte, at int) int {
	depth := 0
	for i := at - 1; i >= 0; i-- {
		switch src[i] {
		case ')':
			depth++
		case '(':
			if depth > 0 {
				depth--
				continue
			}
			k := i
			for k > 0 && (src[k-1] == ' ' || src[k-1] == '\t') {
				k--
			}
			s := k
			for s > 0 && isIdent(src[s-1]) {
				s--
			}
			switch string(src[s:k]) {
			case "if", "while", "for":
				return i
			}
		case '{', '}':
			if depth == 0 {
				return -1
			}
		}
	}
	return -1
}

// comparedInIf is comparedIn for the condition of the if statement around
// a read at, with the statement it guards; ok is false where the read is in
// no if's condition.
func comparedInIf(src []byte, at int) (close int, clause string, body []byte, ok bool) {
	open := enclosingHeader(src, at)
	if open < 0 || !strings.HasSuffix(strings.TrimSpace(string(src[max(0, open-8):open])), "if") {
		return 0, "", nil, false
	}
	close, clause, body, ok = comparedIn(src, open, at)
	return close, clause, body, ok && body != nil
}

// comparedIn reads the condition whose '(' is at open, around a read at
// at: it holds when the read's clause compares (<, >, <=, >=), and gives
// the ')' closing the condition, the clause and the guarded statement.
func comparedIn(src []byte, open, at int) (close int, clause string, body []byte, ok bool) {
	close = closingBracket(src, open)
	if close < 0 {
		return -1, "", nil, false
	}
	clause = clauseAround(src[open+1:close], at-open-1)
	if !relationalRE.MatchString(" " + clause + " ") {
		return -1, "", nil, false
	}
	return close, clause, guardedBody(src, close+1), true
}

// clauseAround is the part of a condition around offset at that no
// top-level &&, || or ';' (of a for header) splits.
func clauseAround(cond []byte, at int) string {
	s := string(cond)
	start, stop := 0, len(s)
	depth := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '(':
			depth++
		case c == ')':
			depth--
		case depth == 0 && (c == ';' || i+1 < len(s) && (s[i:i+2] == "&&" || s[i:i+2] == "||")):
			if i < at {
				start = i + 1
				if c != ';' {
					start = i + 2
				}
			} else if i >= at && i < stop {
				stop = i
			}
		}
	}
	return s[start:stop]
}

// guardedBody is the statement or block starting at offset from.
func guardedBody(src []byte, from int) []byte {
	i := from
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r' || src[i] == '\n') {
		i++
	}
	if i < len(src) && src[i] == '{' {
		if e := closingBracket(src, i); e > 0 {
			return src[i : e+1]
		}
		return nil
	}
	if e := bytes.IndexByte(src[i:], ';'); e >= 0 {
		return src[i : i+e+1]
	}
	return nil
}

// inComment reports an offset on a comment line or after a line comment
// (a javadoc naming the field).
func inComment(src []byte, at int) bool {
	line := src[bytes.LastIndexByte(src[:at], '\n')+1 : at]
	t := bytes.TrimSpace(line)
	return bytes.HasPrefix(t, []byte("*")) || bytes.HasPrefix(t, []byte("/*")) || bytes.Contains(line, []byte("//"))
}

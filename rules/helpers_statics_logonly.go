package rules

import (
	"maps"
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A static whose every read only decides or feeds log output: a warning's
// rate limit (if (!warned) { LOG.warn(...); warned = true; }, a
// compareAndSet of the last minute logged), a debug switch whose reads
// guard debug prints (if (debug) System.err.println(...)), a verbosity
// compared with a message's level before it is logged. Whatever an app
// stores there, every app gets the same answers and the same work done;
// sharing shows only in which lines reach the log. Told by its reads,
// never by its name or type: each one is in the condition of an if whose
// branches only log, inside a logging call, a write of the field itself,
// or goes through a local of the method that is only used so. A read in
// a condition with side effects, in a loop's header, before a return or
// a throw, in a call of another class's method, or handing the value out
// (a getter) decides more than the log and stays a finding; so does a
// stream apps hand in (a PrintStream the debug lines go to), which is no
// scalar. A public field is left alone: its reads in other files are not
// read here.

// logFlagTypes are the scalars such a static may be: primitives, their
// boxes, and the atomics holding one.
var logFlagTypes = map[string]bool{
	"AtomicBoolean": true, "AtomicInteger": true, "AtomicLong": true,
}

// logSetTypes are the sets of keys already warned about (if
// (!WARNED.contains(c)) { WARNED.add(c); LOG.warn(...); }), a rate limit
// per key: of values a module's loader cannot hide behind (logValueTypes).
var logSetTypes = map[string]bool{
	"Set": true, "HashSet": true, "LinkedHashSet": true, "TreeSet": true, "ConcurrentSkipListSet": true, "CopyOnWriteArraySet": true,
}

var logValueTypes = map[string]bool{
	"String": true, "Integer": true, "Long": true, "Character": true, "Short": true, "Byte": true,
}

// warnedSet reports a static set of JDK values (see logSetTypes).
func warnedSet(f *facts.Field) bool {
	args := typeArgs(f.TypeText)
	return logSetTypes[rawSimple(f.Type)] && len(args) == 1 && logValueTypes[rawSimple(args[0])]
}

// logOnlyStatic reports a scalar static of the file, not public, whose
// every read only decides or feeds log output.
func logOnlyStatic(file *facts.File, src []byte, f *facts.Field) bool {
	if src == nil || strings.HasSuffix(file.Path, ".class") {
		return false
	}
	lc := &logCheck{file: file, src: src, code: javaCode(string(src)), class: f.Class, seen: map[string]bool{"field " + f.Name: true}}
	return lc.onlyLogged(f, 2)
}

// onlyLogged reports a static of the file whose every read only decides
// or feeds log output (see logOnlyStatic).
func (lc *logCheck) onlyLogged(f *facts.Field, depth int) bool {
	raw := rawSimple(f.Type)
	if strings.Contains(f.TypeText, "[") || !primitiveKnob[raw] && !logFlagTypes[raw] && !warnedSet(f) || f.Decl.Start < 0 || f.Span.Start > len(lc.src) ||
		wordIn(lc.src[f.Decl.Start:f.Span.Start], "public") {
		return false
	}
	file, src := lc.file, lc.src
	selves := map[string]bool{f.Name: true}
	reads := 0
	for _, loc := range fieldUses(lc.code, simpleName(f.Class), f.Name) {
		at, end := loc[0], loc[1]
		if within(at, f.Decl) || shadowedAt(file, src, f.Class, f.Name, at) {
			continue
		}
		m := file.MethodAround(at)
		if m != nil && m.Decl.End > len(src) {
			return false
		}
		ok, read := lc.use(m, f.Name, at, end, selves, depth)
		if !ok {
			return false
		}
		if read {
			reads++
		}
	}
	return reads > 0
}

// fieldUseRE is what fieldUses finds: the field's name, alone or after
// this. or its class's simple name and a dot, as a whole word.
func fieldUseRE(class, name string) *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[^\w$.])(?:(?:this|` + regexp.QuoteMeta(class) + `)\s*\.\s*)?(` +
		regexp.QuoteMeta(name) + `)\b`)
}

// fieldUses lists the offsets (start, end) of the name in each match of
// fieldUseRE in code, in order. For names of ASCII word characters that
// neither "this" nor the class's name holds (so no two matches can share
// text), the occurrences of the name are tested where they stand, without
// a regular expression's pass over the whole file for each field.
func fieldUses(code, class, name string) [][2]int {
	if !asciiWord(name) || !asciiWord(class) || strings.Contains("this", name) || strings.Contains(class, name) {
		var out [][2]int
		for _, loc := range fieldUseRE(class, name).FindAllStringSubmatchIndex(code, -1) {
			out = append(out, [2]int{loc[2], loc[3]})
		}
		return out
	}
	// before reports a byte fieldUseRE's [^\w$.] takes (i < 0: the start,
	// which ^ takes).
	before := func(i int) bool { return i < 0 || !isWordByte(code[i]) && code[i] != '$' && code[i] != '.' }
	var out [][2]int
	for i := 0; ; {
		j := strings.Index(code[i:], name)
		if j < 0 {
			return out
		}
		p := i + j
		e := p + len(name)
		i = p + 1
		if e < len(code) && isWordByte(code[e]) {
			continue // not a whole word: no \b after it
		}
		ok := before(p - 1)
		if !ok {
			// this. or Class. before it, past blanks
			q := p
			for q > 0 && reSpace(code[q-1]) {
				q--
			}
			if q > 0 && code[q-1] == '.' {
				q--
				for q > 0 && reSpace(code[q-1]) {
					q--
				}
				for _, qual := range []string{"this", class} {
					if strings.HasSuffix(code[:q], qual) && before(q-len(qual)-1) {
						ok = true
					}
				}
			}
		}
		if ok {
			out = append(out, [2]int{p, e})
		}
	}
}

// asciiWord reports a non-empty name of ASCII letters, digits and
// underscores (what \w matches).
func asciiWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isWordByte(s[i]) {
			return false
		}
	}
	return s != ""
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// reSpace reports what \s matches in a regular expression.
func reSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// logCheck reads the code of one file (comments and literals blanked).
type logCheck struct {
	file  *facts.File
	src   []byte
	code  string
	class string
	seen  map[string]bool // methods being judged, against recursion
	// loggers are the parameters of the method judged whose type is a
	// logger (a logger handed in: Ice's traceSlicing(..., Logger logger)).
	loggers map[string]bool
}

// use judges one occurrence of name (the field, or a local holding its
// value) at at..end in method m: ok when it only decides or feeds log
// output or writes name itself; read when it is no write.
func (lc *logCheck) use(m *facts.MethodDecl, name string, at, end int, selves map[string]bool, depth int) (ok, read bool) {
	code := lc.code
	if m != nil {
		defer func(prev map[string]bool) { lc.loggers = prev }(lc.loggers)
		lc.loggers = loggerParams(m)
	}
	if open := enclosingHeader([]byte(code), at); open >= 0 {
		if lastWord(strings.TrimSpace(code[max(0, open-8):open])) != "if" {
			return false, false // a loop's header: how often work is done
		}
		close := matchClose(code, open)
		if close < 0 || !lc.pure(code[open+1:close], selves, nil, depth) {
			return false, false
		}
		s := skipSpace(code, close+1)
		if e, ok := lc.stmt(code, s, selves, map[string]bool{}, depth); ok {
			if !lc.elseAt(code, e) {
				return true, true
			}
			if _, ok := lc.stmt(code, skipSpace(code, e)+4, selves, map[string]bool{}, depth); ok {
				return true, true
			}
			return false, false
		}
		// if (!debug) return; followed by nothing but logging
		e := statementEnd(code, s)
		if t := strings.Trim(code[s:e], "{} \t\r\n"); m != nil && t == "return;" && !lc.elseAt(code, e) {
			if body := lc.bodyEnd(m); body > e && lc.block(code[e:body], selves, map[string]bool{}, depth) {
				return true, true
			}
		}
		return false, false
	}
	st := stmtStart(code, at)
	st = skipHeads(code, st, at)
	stEnd := statementEnd(code, st)
	text := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(code[st:stEnd]), ";"))
	if sm := lc.writeRE(name).FindStringSubmatchIndex(text); sm != nil {
		return true, false // name = ..., name++, name.set(...): the write itself
	}
	if lc.logCall(text, selves, map[string]bool{}, depth) {
		return true, true // inside a logging call
	}
	// long last = LOGGED.get(); ... every use of last only logs
	if sm := localDeclRE.FindStringSubmatch(text); sm != nil && m != nil && !javaStatementWords[sm[1]] && depth > 0 &&
		sm[3] != "" && lc.pure(sm[3], selves, nil, depth) {
		local := sm[2]
		inner := map[string]bool{local: true}
		for k := range selves {
			inner[k] = true
		}
		bodyEnd := lc.bodyEnd(m)
		re := regexp.MustCompile(`(?:^|[^\w$.])(` + regexp.QuoteMeta(local) + `)\b`)
		for _, loc := range re.FindAllStringSubmatchIndex(code[stEnd:bodyEnd], -1) {
			if ok, _ := lc.use(m, local, stEnd+loc[2], stEnd+loc[3], inner, depth-1); !ok {
				return false, false
			}
		}
		return true, true
	}
	return false, false
}

// logField reports a static of the class, named name, that only logs
// itself (a count of the warnings logged, beside their cap): writing it
// changes no answer either.
func (lc *logCheck) logField(name string, depth int) bool {
	key := "field " + name
	if depth == 0 || lc.seen[key] {
		return false
	}
	f := staticFields(lc.file)[lc.class+"#"+name]
	if f == nil {
		return false
	}
	lc.seen[key] = true
	defer delete(lc.seen, key)
	return lc.onlyLogged(f, depth-1)
}

// logCall reports a statement (without its ';') that writes a log line
// and changes nothing else: a call of a logger, of System.out or
// System.err, e.printStackTrace(), or of a method of the class that only
// logs.
func (lc *logCheck) logCall(text string, selves, locals map[string]bool, depth int) bool {
	if !lc.pure(text, selves, locals, depth) || !strings.HasSuffix(text, ")") {
		return false
	}
	if lc.logHead(text) || printTraceRE.MatchString(text) {
		return true
	}
	sm := ownCallRE.FindStringSubmatch(text)
	return sm != nil && lc.logMethod(sm[1], selves, depth)
}

// writeRE matches a statement that writes name: name = v, name += v,
// name++, ++name, name.set(...), name.compareAndSet(...) (also this.name,
// Owner.name).
func (lc *logCheck) writeRE(name string) *regexp.Regexp {
	q := `(?:(?:this|` + regexp.QuoteMeta(simpleName(lc.class)) + `)\s*\.\s*)?` + regexp.QuoteMeta(name)
	return regexp.MustCompile(`^(?:(?:\+\+|--)\s*` + q + `$|` + q + `\s*(?:(?:[-+*/%&|^]|<<|>>>?)?=[^=]|\+\+$|--$|\.\s*(?:` + fieldWrites + `)\s*\())`)
}

// fieldWrites are the calls that write the field they are called on: an
// atomic's setters and updates, a warned-about set's add, remove and clear.
const fieldWrites = `add|remove|clear|set|lazySet|setRelease|setPlain|setOpaque|getAndSet|compareAndSet|weakCompareAndSet\w*|incrementAndGet|getAndIncrement|decrementAndGet|getAndDecrement|addAndGet|getAndAdd|accumulateAndGet|updateAndGet|getAndUpdate`

// localDeclRE is a local's declaration: type (the first word), name,
// initialiser.
var localDeclRE = lazyRE(`^(?:final\s+)?([\w$.]+)(?:\s*<[^;=]*>)?(?:\s*\[\s*\])*\s+([\w$]+)\s*(?:=\s*([\s\S]*))?$`)

// block reports code, a sequence of statements, that only logs.
func (lc *logCheck) block(code string, selves, locals map[string]bool, depth int) bool {
	for i := skipSpace(code, 0); i < len(code); i = skipSpace(code, i) {
		e, ok := lc.stmt(code, i, selves, locals, depth)
		if !ok || e <= i {
			return false
		}
		i = e
	}
	return true
}

// stmt judges the statement at i of code: its end, and whether it only
// logs. locals are the names the enclosing log-only blocks declare.
func (lc *logCheck) stmt(code string, i int, selves, locals map[string]bool, depth int) (int, bool) {
	i = skipSpace(code, i)
	if i >= len(code) {
		return i, true
	}
	switch {
	case code[i] == '{':
		e := matchClose(code, i)
		if e < 0 {
			return i, false
		}
		return e + 1, lc.block(code[i+1:e], selves, maps.Clone(locals), depth)
	case code[i] == ';':
		return i + 1, true
	case kwAt(code, i, "if"):
		o := skipSpace(code, i+2)
		c := matchClose(code, o)
		if o >= len(code) || code[o] != '(' || c < 0 || !lc.pure(code[o+1:c], selves, locals, depth) {
			return i, false
		}
		e, ok := lc.stmt(code, c+1, selves, maps.Clone(locals), depth)
		if !ok {
			return e, false
		}
		if j := skipSpace(code, e); kwAt(code, j, "else") {
			return lc.stmt(code, j+4, selves, maps.Clone(locals), depth)
		}
		return e, true
	case kwAt(code, i, "for"):
		o := skipSpace(code, i+3)
		c := matchClose(code, o)
		if o >= len(code) || code[o] != '(' || c < 0 {
			return i, false
		}
		inner := maps.Clone(locals)
		for _, sm := range loopVarRE.FindAllStringSubmatch(code[o+1:c], -1) {
			inner[sm[1]] = true
		}
		if !lc.pure(strings.NewReplacer("++", " ", "--", " ").Replace(loopAssignRE.ReplaceAllString(code[o+1:c], " ")), selves, inner, depth) {
			return i, false
		}
		return lc.stmt(code, c+1, selves, inner, depth)
	case kwAt(code, i, "try"):
		e, ok := lc.stmt(code, i+3, selves, locals, depth)
		for ok {
			j := skipSpace(code, e)
			switch {
			case kwAt(code, j, "catch"):
				o := skipSpace(code, j+5)
				c := matchClose(code, o)
				if o >= len(code) || code[o] != '(' || c < 0 {
					return j, false
				}
				inner := maps.Clone(locals)
				if ps := paramNames(code[o : c+1]); len(ps) > 0 {
					inner[ps[0]] = true
				}
				e, ok = lc.stmt(code, c+1, selves, inner, depth)
			case kwAt(code, j, "finally"):
				return lc.stmt(code, j+7, selves, locals, depth)
			default:
				return e, true
			}
		}
		return e, false
	}
	e := statementEnd(code, i)
	if e <= i || code[e-1] != ';' {
		return e, false
	}
	return e, lc.simple(strings.TrimSpace(code[i:e-1]), selves, locals, depth)
}

var (
	loopVarRE    = lazyRE(`[\w$>\]]\s+([\w$]+)\s*(?:=[^=]|:)`)
	loopAssignRE = lazyRE(`([\w$]+)\s*=([^=])`)
)

// simple judges one statement without its ';': a local's declaration, an
// assignment to a local or to the judged static, a call of a logger or of
// System.out or System.err, a call on a local (a message's builder), or a
// call of a method of the class that itself only logs.
func (lc *logCheck) simple(text string, selves, locals map[string]bool, depth int) bool {
	if text == "" {
		return true
	}
	first := firstIdent(text)
	if javaStatementWords[first] || first == "break" || first == "continue" || first == "synchronized" || first == "while" || first == "do" || first == "switch" {
		return false
	}
	if sm := localDeclRE.FindStringSubmatch(text); sm != nil && !lc.declaresCall(text) {
		if sm[3] != "" && !lc.pure(sm[3], selves, locals, depth) {
			return false
		}
		locals[sm[2]] = true
		return true
	}
	if sm := assignRE.FindStringSubmatch(text); sm != nil {
		target := sm[1]
		if t := strings.Split(strings.Join(strings.Fields(target), ""), "."); len(t) == 2 && (t[0] == "this" || t[0] == simpleName(lc.class)) {
			target = t[1]
		}
		return (locals[target] || selves[target] || lc.logField(target, depth)) && lc.pure(sm[2], selves, locals, depth)
	}
	if sm := incRE.FindStringSubmatch(text); sm != nil {
		return locals[sm[1]] || selves[sm[1]] || lc.logField(sm[1], depth)
	}
	if (locals[first] || selves[first]) && strings.HasPrefix(strings.TrimSpace(text[len(first):]), ".") {
		return lc.pure(text, selves, locals, depth) // sb.append(x), flag.set(true)
	}
	if field := lc.ownerField(text); field != "" && selves[firstIdent(field)] {
		return lc.pure(text, selves, locals, depth) // Owner.WARNED.add(x)
	}
	return lc.logCall(text, selves, locals, depth)
}

// qualifiedSelf is X when chain is this.X or Owner.X (the class judged,
// X one of its fields), "" otherwise.
func (lc *logCheck) qualifiedSelf(chain string) string {
	parts := strings.Split(strings.Join(strings.Fields(chain), ""), ".")
	if len(parts) == 2 && (parts[0] == "this" || parts[0] == simpleName(lc.class)) {
		return parts[1]
	}
	return ""
}

// ownerField is text without a leading this. or Owner. (the class judged)
// when a field's call follows it (Owner.LOG.warn(x) -> LOG.warn(x)), ""
// otherwise.
func (lc *logCheck) ownerField(text string) string {
	head := firstIdent(text)
	if head != "this" && head != simpleName(lc.class) {
		return ""
	}
	rest, ok := strings.CutPrefix(strings.TrimSpace(text[len(head):]), ".")
	if !ok {
		return ""
	}
	rest = strings.TrimSpace(rest)
	field := firstIdent(rest)
	if field == "" || !strings.HasPrefix(strings.TrimSpace(rest[len(field):]), ".") {
		return ""
	}
	return rest
}

// trailingChain is the dotted names that end text (!Owner.X -> Owner.X).
func trailingChain(text string) string {
	i := len(text)
	for i > 0 && (isIdent(text[i-1]) || text[i-1] == '.' || text[i-1] == ' ' || text[i-1] == '\t' || text[i-1] == '\n' || text[i-1] == '\r') {
		i--
	}
	return strings.TrimSpace(text[i:])
}

var (
	assignRE     = lazyRE(`^((?:[\w$]+\s*\.\s*)?[\w$]+)\s*(?:\[[^\]]*\]\s*)*(?:[-+*/%&|^]|<<|>>>?)?=([^=][\s\S]*)$`)
	incRE        = lazyRE(`^(?:\+\+|--)?\s*([\w$]+)\s*(?:\+\+|--)?$`)
	printTraceRE = lazyRE(`^[\w$]+\s*\.\s*printStackTrace\s*\(\s*\)$`)
	ownCallRE    = lazyRE(`^(?:this\s*\.\s*)?([\w$]+)\s*\(`)
	// A logger got on the spot: Logger.getLogger(..).info(..).
	loggerFactoryRE = lazyRE(`^(?:[\w$]+\.)*(?:Logger|LoggerFactory|LogFactory|LogManager)\s*\.\s*get(?:Logger|Log)\s*\(`)
	systemStreamRE  = lazyRE(`^(?:java\s*\.\s*lang\s*\.\s*)?System\s*\.\s*(?:out|err)\s*\.\s*(?:print|println|printf|format|flush)\s*\(`)
)

// declaresCall tells a call statement (a.b(c)) from a declaration: a
// declaration's type is followed by a name, not by '(' or '.'.
func (lc *logCheck) declaresCall(text string) bool {
	sm := localDeclRE.FindStringSubmatchIndex(text)
	return sm == nil || strings.ContainsAny(text[:sm[4]], "(")
}

// logHead reports a statement that calls a logger: a field of the file
// whose type is a logger's, a logger got on the spot, or System.out or
// System.err.
func (lc *logCheck) logHead(text string) bool {
	if loggerFactoryRE.MatchString(text) || systemStreamRE.MatchString(text) {
		return true
	}
	if field := lc.ownerField(text); field != "" {
		text = field // Owner.LOGGER.warn(...)
	}
	head := firstIdent(text)
	if !strings.HasPrefix(strings.TrimSpace(text[len(head):]), ".") {
		return false
	}
	for i := range lc.file.Fields {
		if fd := &lc.file.Fields[i]; fd.Name == head && loggerType(rawSimple(fd.Type)) {
			return true
		}
	}
	return lc.loggers[head]
}

// loggerParams are the names of m's parameters whose type is a logger
// (loggerType), nil when it has none.
func loggerParams(m *facts.MethodDecl) map[string]bool {
	var out map[string]bool
	ps := strings.TrimSpace(m.Params)
	ps = strings.TrimSuffix(strings.TrimPrefix(ps, "("), ")")
	for _, p := range splitTopLevel(ps, ',', true) {
		f := strings.Fields(p)
		if len(f) < 2 || !loggerType(rawSimple(f[len(f)-2])) {
			continue
		}
		if out == nil {
			out = map[string]bool{}
		}
		out[f[len(f)-1]] = true
	}
	return out
}

// loggerType reports a logging API's logger type (SLF4J's and Log4j's
// Logger, commons-logging's Log, java.util.logging's Logger).
func loggerType(raw string) bool {
	return raw == "Log" || strings.HasSuffix(raw, "Logger")
}

// logMethod reports a method of the class named name, every declaration
// of which has a body that only logs.
func (lc *logCheck) logMethod(name string, selves map[string]bool, depth int) bool {
	return lc.eachBody(name, depth, func(m *facts.MethodDecl, body string) bool {
		return lc.block(body, selves, paramSet(m), depth-1)
	})
}

// eachBody calls ok with the body of every declaration of the class's
// method name, within depth and not already being judged (recursion): true
// when there is one and ok holds for each.
func (lc *logCheck) eachBody(name string, depth int, ok func(m *facts.MethodDecl, body string) bool) bool {
	if depth == 0 || lc.seen[name] {
		return false
	}
	lc.seen[name] = true
	defer delete(lc.seen, name)
	found := false
	for i := range lc.file.Methods {
		m := &lc.file.Methods[i]
		if m.Class != lc.class || m.Name != name {
			continue
		}
		found = true
		open := strings.IndexByte(lc.code[m.Span.End:m.Decl.End], '{')
		if open < 0 {
			return false
		}
		open += m.Span.End
		close := matchClose(lc.code, open)
		if close < 0 || !ok(m, lc.code[open+1:close]) {
			return false
		}
	}
	return found
}

// paramSet is the set of m's parameter names.
func paramSet(m *facts.MethodDecl) map[string]bool {
	params := map[string]bool{}
	for _, p := range paramNames(m.Params) {
		params[p] = true
	}
	return params
}

// pure reports an expression that changes nothing: no assignment, no
// increment, no mutator call except on a local or the judged static (a
// builder's append, the flag's compareAndSet), and no call of a method of
// the class that does more than log or return a value so computed.
func (lc *logCheck) pure(e string, selves, locals map[string]bool, depth int) bool {
	for i := 0; i < len(e); i++ {
		if e[i] != '=' {
			continue
		}
		if i+1 < len(e) && e[i+1] == '=' {
			i++
			continue
		}
		if i > 0 && strings.ContainsRune("=!<>", rune(e[i-1])) && !(i > 1 && (e[i-2:i] == "<<" || e[i-2:i] == ">>")) {
			continue
		}
		return false
	}
	if strings.Contains(e, "++") || strings.Contains(e, "--") {
		return false
	}
	for _, loc := range callNameRE.FindAllStringSubmatchIndex(e, -1) {
		name := e[loc[2]:loc[3]]
		before := strings.TrimRight(e[:loc[2]], " \t\r\n")
		switch {
		case name == "super" || name == "this":
			return false // a constructor's call
		case javaStatementWords[name] || name == "if" || name == "switch" || name == "synchronized":
		case lastWord(before) == "new":
			// a constructor: a message's parts
		case strings.HasSuffix(before, "."):
			head := chainHead(before[:len(before)-1])
			if field := lc.qualifiedSelf(trailingChain(before[:len(before)-1])); field != "" {
				head = field // Owner.WARNED.contains(x), Owner.LOG.warn(x): a call on a field of the class
			}
			if head == "this" || head == simpleName(lc.class) {
				if !lc.queryMethod(name, selves, depth) {
					return false
				}
				continue
			}
			if facts.Mutators[name] && name != "append" && name != "insert" && !locals[head] && !selves[head] {
				return false
			}
		default:
			if !lc.queryMethod(name, selves, depth) {
				return false
			}
		}
	}
	return true
}

// chainHead is the first name of the receiver chain that ends text
// (a.b().c -> a).
func chainHead(text string) string {
	depth, i := 0, len(text)
	for i > 0 {
		c := text[i-1]
		switch {
		case c == ')' || c == ']':
			depth++
		case c == '(' || c == '[':
			if depth == 0 {
				return firstIdent(text[i:])
			}
			depth--
		case depth == 0 && !isIdent(c) && c != '.' && c != ' ' && c != '\t' && c != '\n' && c != '\r':
			return firstIdent(text[i:])
		}
		i--
	}
	return firstIdent(text)
}

// queryMethod reports a method of the class named name that only logs or
// only returns a value computed without side effects.
func (lc *logCheck) queryMethod(name string, selves map[string]bool, depth int) bool {
	return lc.eachBody(name, depth, func(m *facts.MethodDecl, body string) bool {
		body = strings.TrimSpace(body)
		if sm := returnBodyRE.FindStringSubmatch(body); sm != nil {
			return lc.pure(sm[1], selves, nil, depth-1)
		}
		return lc.block(body, selves, paramSet(m), depth-1)
	})
}

var returnBodyRE = lazyRE(`^return\s+([^;]*);$`)

// bodyEnd is the offset of the brace closing m's body.
func (lc *logCheck) bodyEnd(m *facts.MethodDecl) int {
	end := strings.LastIndexByte(lc.code[:m.Decl.End], '}')
	if end < m.Decl.Start {
		return m.Decl.Start
	}
	return end
}

// elseAt reports an else at i.
func (lc *logCheck) elseAt(code string, i int) bool {
	return kwAt(code, skipSpace(code, i), "else")
}

// stmtStart is where the statement around at starts: after the ';', '{'
// or '}' before it.
func stmtStart[T string | []byte](code T, at int) int {
	i := at
	for i > 0 && code[i-1] != ';' && code[i-1] != '{' && code[i-1] != '}' {
		i--
	}
	return i
}

// skipHeads skips the if (...), for (...) and else heads the statement at
// st opens with, as long as at lies after them.
func skipHeads(code string, st, at int) int {
	for {
		i := skipSpace(code, st)
		switch {
		case kwAt(code, i, "else"):
			st = i + 4
		case kwAt(code, i, "if"), kwAt(code, i, "for"):
			o := strings.IndexByte(code[i:], '(')
			if o < 0 {
				return i
			}
			c := matchClose(code, i+o)
			if c < 0 || c >= at {
				return i
			}
			st = c + 1
		default:
			return i
		}
	}
}

// kwAt reports the word w at offset i of code.
func kwAt(code string, i int, w string) bool {
	return strings.HasPrefix(code[i:], w) && (i+len(w) == len(code) || !isIdent(code[i+len(w)])) && (i == 0 || !isIdent(code[i-1]))
}

// lastWord is the last identifier of s.
func lastWord(s string) string {
	i := len(s)
	for i > 0 && isIdent(s[i-1]) {
		i--
	}
	return s[i:]
}

// firstIdent is the first identifier of s, "" when there is none.
func firstIdent(s string) string {
	if m := javaIdentRE.FindAllString(s, 1); len(m) > 0 {
		return m[0]
	}
	return ""
}

var javaIdentRE = lazyRE(`[A-Za-z_$][\w$]*`)

// Package javasrc turns Java source into facts (rules/facts) with
// tree-sitter.
//
// Cost model: the parse is the floor. A small C walker (nodes.c) parses a
// file and copies every visible node of its tree into a flat array in one
// cgo call; from then on the extractor works in Go over that array, where a
// node costs a slice index instead of a cgo crossing. Declarations come
// from one pass over the array. Calls, instance creations and writes to
// static fields are found by a token scan of the text, made before the
// parse, for the names some rule subscribed to, and looked up in the array
// by position.
//
// A project-wide call graph (Interest.AllCalls) needs every invocation and
// every method's parameters. The declaration pass visits every node anyway,
// so it also collects the method_invocation nodes: each becomes a Call with
// its name, arguments (arity, kinds, texts), receiver, enclosing class and
// method, and span, through the same resolution as a subscribed call, and
// each MethodDecl gets its Parameters, with no further walk of the tree.
//
// The package is split along its seams: extract.go (the API and the pass),
// tree.go, nodes.c and kinds.go (the node array), prep.go and lines.go
// (what the parser is given, and lines), decls.go (declarations),
// resolve.go (names and types), calls.go (invocations and expressions),
// writes.go and store.go (where values go), flow.go (locals, branches,
// loops), sites.go (the token scan), query.go (the declaration patterns)
// and suppress.go.
package javasrc

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/kscan/kscan/rules/facts"
)

// Interest says which calls and instance creations the rules inspect.
type Interest struct {
	Calls map[string]bool // method names
	News  map[string]bool // simple type names
	// AllCalls reports every method invocation as a facts.Call, whatever
	// its name (Owner "" when it cannot be resolved), and gives method
	// declarations their parameters (facts.MethodDecl.Parameters): what a
	// project-wide call graph reads.
	AllCalls bool
}

// Index answers whether a fully qualified type exists in the scanned
// project, for same-package and wildcard-import resolution.
type Index interface {
	HasType(fqn string) bool
}

// Problem is a defect of the input that still let the extractor produce
// facts (syntax errors, encoding, nesting too deep to follow).
type Problem struct {
	Kind    string // "syntax", "encoding", "nesting"
	Line    int
	Message string
}

// ErrTimeout is returned when parsing and extracting one file exceeds its
// time limit (the extractor's, or the context's deadline).
var ErrTimeout = errors.New("parse time limit exceeded")

// MaxNesting is how many declarations deep (types, methods, field
// initialisers, anonymous classes) the extractor follows; what is nested
// deeper is reported as a Problem and left out.
const MaxNesting = 128

// Extractor holds one parser; it is not safe for concurrent use, so the
// scanner keeps one per worker.
type Extractor struct {
	p        *parser
	interest Interest
	timeout  time.Duration // per file, parse and extraction; 0: none
	maxDepth int           // expression recursion
	maxNest  int
	// localQuery indexes locals from the tree instead of reading them from
	// the text; the tests compare both.
	localQuery bool
	now        func() time.Time // the clock of the time limit
	afterParse func()           // a test's hook between parse and extraction
	lastParse  time.Duration
}

// LastParse is how long the parse of the last extracted file took (the
// rest of ExtractContext's time is the extraction).
func (e *Extractor) LastParse() time.Duration { return e.lastParse }

// TimeLimit is the time one file of size bytes may take, given the limit
// for a small file: a fifth more for each whole MiB. The limit stops
// pathological inputs; parsing is linear in the size, so a large generated
// file given room by --max-file-size is not cut off merely for its size
// (a 10 MiB file gets three times the base limit).
func TimeLimit(base time.Duration, size int) time.Duration {
	return base + base/5*time.Duration(size>>20)
}

// NewExtractor makes an extractor. timeoutMicros bounds the parse and
// extraction of one file of up to 1 MiB (0 = no limit); larger files get
// more (TimeLimit).
func NewExtractor(in Interest, timeoutMicros int) (*Extractor, error) {
	p, err := newParser()
	if err != nil {
		return nil, err
	}
	return &Extractor{p: p, interest: in, timeout: time.Duration(timeoutMicros) * time.Microsecond,
		maxDepth: 64, maxNest: MaxNesting, now: time.Now}, nil
}

// Close frees the parser.
func (e *Extractor) Close() { e.p.close() }

// ParseOnly parses src and drops the tree: the floor the benchmarks compare
// the full extraction against.
func (e *Extractor) ParseOnly(src []byte) error {
	return e.p.parseOnly(normalizeCR(src), e.timeoutMicros(time.Time{}))
}

// timeoutMicros is the parse's limit: the time left until deadline, or the
// extractor's limit when deadline is zero.
func (e *Extractor) timeoutMicros(deadline time.Time) uint64 {
	if deadline.IsZero() {
		return uint64(e.timeout / time.Microsecond)
	}
	left := time.Until(deadline) / time.Microsecond
	if left < 1 {
		left = 1
	}
	return uint64(left)
}

// frame is an enclosing declaration while sweeping the file.
type frame struct {
	start  uint32
	end    uint32
	kind   byte // 't' type, 'm' method-like, 'f' field initialiser
	name   string
	static bool
	main   bool
	node   nodeID
}

// pendingCall is a call seen in the sweep, resolved once the whole file's
// declarations are known (a nested type may be declared after its use).
type pendingCall struct {
	node    nodeID
	ctx     facts.Context
	method  nodeID   // enclosing method-like node, for local variables
	classes []nodeID // enclosing types, innermost first
	field   bool     // inside a static field initialiser
}

type pendingNew struct {
	node    nodeID
	typ     nodeID
	ctx     facts.Context
	method  nodeID
	classes []nodeID
}

// fileState is the per-file working set.
type fileState struct {
	e *Extractor
	*tree
	f       *facts.File
	idx     Index
	single  map[string]string // simple name -> fqn from single-type imports
	wild    []string          // packages (or types) imported on demand
	sSingle map[string]string // static single imports: member -> owner
	sWild   []string          // static on-demand imports: owner types
	local   map[string]string // simple name -> binary name of types declared in this file
	statics map[string]map[string]bool
	consts  map[string]string               // static final String constants of the file: simple name -> value
	vars    map[nodeID]map[string]string    // per method/class node: variable -> declared type text
	locals  map[nodeID]map[string]localDecl // per method node: single-valued locals (flow.go)
	// typeNames maps a type or anonymous class body node to its binary
	// name, and fieldTypes a binary class name to its fields' declared
	// types, so receiver fields resolve without another search.
	typeNames   map[nodeID]string
	fieldTypes  map[string]map[string]string
	localCache  map[localKey]localResult
	falseConsts map[string]bool  // falseConstant's answers by name
	words       map[nodeID]uint8 // methodWords cache
	lines       *lineTable
	buf         []nodeID // scratch for namedChildren
	stop        *stopper
}

// stopper checks the file's deadline and context every so many steps.
type stopper struct {
	ctx      context.Context
	deadline time.Time
	now      func() time.Time
	n        int
}

var errStop = errors.New("stop")

// check panics with errStop once the time is up; Extract recovers it. The
// clock is read on the first call and every 64th after it.
func (s *stopper) check() {
	s.n++
	if s.n&63 != 1 {
		return
	}
	if !s.deadline.IsZero() && s.now().After(s.deadline) || s.ctx.Err() != nil {
		panic(errStop)
	}
}

// Extract parses one file and returns its facts. path is the
// slash-separated path relative to the scan root. The extractor's time
// limit covers the parse and the extraction.
func (e *Extractor) Extract(path string, src []byte, idx Index) (*facts.File, []Problem, error) {
	return e.ExtractContext(context.Background(), path, src, idx)
}

// ExtractContext is Extract under a context: it stops with ErrTimeout when
// the context's deadline (or the extractor's own limit, whichever comes
// first) passes, and with the context's error when it is cancelled.
func (e *Extractor) ExtractContext(ctx context.Context, path string, src []byte, idx Index) (f *facts.File, problems []Problem, err error) {
	e.lastParse = 0
	stop := &stopper{ctx: ctx, now: func() time.Time { return e.now() }}
	if e.timeout > 0 {
		stop.deadline = time.Now().Add(TimeLimit(e.timeout, len(src)))
	}
	if d, ok := ctx.Deadline(); ok && (stop.deadline.IsZero() || d.Before(stop.deadline)) {
		stop.deadline = d
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, ctxErr(err)
	}
	code := normalizeCR(src)
	lines := newLineTable(code)
	if !utf8.Valid(src) {
		line := lines.line(firstInvalidUTF8(src))
		problems = append(problems, Problem{Kind: "encoding", Line: line,
			Message: fmt.Sprintf("not valid UTF-8 (first bad byte on line %d); scanned as bytes, columns may be off", line)})
	}
	scan := scanText(code, e.interest)
	if scan.cut >= 0 {
		line := lines.line(scan.cut)
		problems = append(problems, Problem{Kind: "nesting", Line: line,
			Message: fmt.Sprintf("braces nested deeper than %d on line %d: scanned in part (the rest of the file was not parsed)", MaxBracketDepth, line)})
		code = code[:scan.cut]
	}

	atomic.StoreUintptr(e.p.cancel, 0)
	if ctx.Done() != nil {
		fired := make(chan struct{})
		unhook := context.AfterFunc(ctx, func() {
			atomic.StoreUintptr(e.p.cancel, 1)
			close(fired)
		})
		defer func() {
			if !unhook() {
				<-fired // the flag is set before the next file resets it
			}
		}()
	}
	parseStart := time.Now()
	nodes, err := e.p.parse(code, e.timeoutMicros(stop.deadline))
	e.lastParse = time.Since(parseStart)
	if err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return nil, problems, ctxErr(cerr)
		}
		return nil, problems, err
	}
	if e.afterParse != nil {
		e.afterParse()
	}
	defer func() {
		if r := recover(); r != nil {
			if r != errStop {
				panic(r)
			}
			f, err = nil, ErrTimeout
			if cerr := ctx.Err(); cerr != nil {
				err = ctxErr(cerr)
			}
		}
	}()
	st := &fileState{
		e: e, tree: newTree(nodes, code), idx: idx,
		f:          &facts.File{Path: path, Test: IsTestPath(path)},
		single:     map[string]string{},
		sSingle:    map[string]string{},
		local:      map[string]string{},
		statics:    map[string]map[string]bool{},
		consts:     map[string]string{},
		vars:       map[nodeID]map[string]string{},
		typeNames:  map[nodeID]string{},
		fieldTypes: map[string]map[string]string{},
		lines:      lines,
		stop:       stop,
	}
	problems = append(problems, st.extract(scan)...)
	st.f.IndexMethods()
	return st.f, problems, nil
}

func ctxErr(err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return ErrTimeout
	}
	return err
}

// extract is the pass over one parsed file.
func (st *fileState) extract(scan textScan) []Problem {
	var problems []Problem
	if len(st.nodes) > 0 && st.nodes[0].flags&flagHasError != 0 {
		if p, ok := st.firstError(); ok {
			problems = append(problems, p)
		}
	}
	d := st.declarations()
	if d.deep.End > 0 {
		line := st.lines.line(d.deep.Start)
		problems = append(problems, Problem{Kind: "nesting", Line: line, Message: fmt.Sprintf(
			"declarations nested deeper than %d from line %d on; scanned in part", st.e.maxNest, line)})
	}

	// Calls, instance creations and writes to static fields are found by
	// the token scan before the parse: most of a file's calls and
	// assignments interest no rule. Their sites are looked up in the array
	// by position and placed in their declarations by a sweep over the
	// recorded frames.
	sites := append(scan.sites, staticWrites(st.src, scan.writes, st.staticNames())...)
	if st.e.interest.AllCalls {
		sites = st.invocationSites(d.invocations, sites)
	}
	sort.SliceStable(sites, func(a, b int) bool { return sites[a].at < sites[b].at })
	var (
		calls  []pendingCall
		news   []pendingNew
		writes []pendingWrite
		stack  []frame
	)
	next := 0
	for _, s := range sites {
		st.stop.check()
		if inSpans(d.skipped, s.at) {
			continue
		}
		for next < len(d.frames) && d.frames[next].start <= uint32(s.at) {
			for len(stack) > 0 && stack[len(stack)-1].end <= d.frames[next].start {
				stack = stack[:len(stack)-1]
			}
			stack = append(stack, d.frames[next])
			next++
		}
		for len(stack) > 0 && stack[len(stack)-1].end <= uint32(s.at) {
			stack = stack[:len(stack)-1]
		}
		switch s.kind {
		case siteNew:
			if obj, typ := st.newAt(s); obj >= 0 {
				news = append(news, pendingNew{node: obj, typ: typ, ctx: st.context(stack, obj), method: enclosingMethod(stack), classes: enclosingTypes(stack)})
			}
		case siteCall, siteInvocation:
			call := s.node
			if s.kind == siteCall {
				call = st.callAt(s)
			}
			if call < 0 {
				continue
			}
			pc := pendingCall{node: call, ctx: st.context(stack, call), method: enclosingMethod(stack), classes: enclosingTypes(stack)}
			if len(stack) > 0 && stack[len(stack)-1].kind == 'f' && stack[len(stack)-1].static {
				pc.field = true
			}
			calls = append(calls, pc)
		case siteWrite:
			if target, op, kind := st.writeAt(s); target >= 0 {
				writes = append(writes, pendingWrite{node: target, kind: kind, ctx: st.context(stack, op), method: enclosingMethod(stack), classes: enclosingTypes(stack)})
			}
		}
	}

	for _, pt := range d.types {
		st.f.TypeDecls = append(st.f.TypeDecls, st.buildType(pt))
	}
	for i := range d.fields {
		st.indexField(&d.fields[i])
	}
	for _, pf := range d.fields {
		st.stop.check()
		st.f.Fields = append(st.f.Fields, st.buildFields(pf)...)
	}
	if len(calls) > 0 {
		st.f.Calls = make([]facts.Call, 0, len(calls))
	}
	for _, pc := range calls {
		st.stop.check()
		c := st.buildCall(pc)
		st.f.Calls = append(st.f.Calls, c)
		if in := st.e.interest; in.AllCalls && !in.Calls[c.Name] {
			continue // only subscribed calls are writes too
		}
		if w, ok := st.mutatorWrite(&c, pc); ok {
			st.f.Writes = append(st.f.Writes, w)
		}
	}
	for _, pn := range news {
		st.stop.check()
		st.f.News = append(st.f.News, st.buildNew(pn))
	}
	for _, pw := range writes {
		st.stop.check()
		if w, ok := st.buildWrite(pw); ok {
			st.f.Writes = append(st.f.Writes, w)
		}
	}
	st.f.Suppressions = st.findSuppressions()
	return problems
}

// line is the 1-based line of a node's start.
func (st *fileState) line(n nodeID) int { return st.lines.line(st.start(n)) }

func (st *fileState) context(stack []frame, n nodeID) facts.Context {
	ctx := facts.Context{Line: st.line(n)}
	var decl nodeID = none
	for i := len(stack) - 1; i >= 0; i-- {
		fr := stack[i]
		if fr.kind == 't' {
			ctx.Class = fr.name
			break
		}
		if ctx.Method == "" {
			ctx.Method = fr.name
			ctx.InStaticInit = fr.name == "<clinit>"
			ctx.InMain = fr.main
			decl = fr.node
		}
	}
	ctx.InLambda, ctx.DebugOnly = st.enclosedBy(n, decl)
	return ctx
}

// enclosedBy walks once from a node up to decl (its enclosing method or
// initialiser) and reports whether the node sits in a lambda body (code
// that runs when the lambda is called, not when the method is) and in the
// then-branch of an `if` whose condition is a debug switch: a name, or a
// qualified name, ending in an all-caps DEBUG (a compile-time constant by
// convention).
func (st *fileState) enclosedBy(n, decl nodeID) (inLambda, debugOnly bool) {
	for c, p := n, st.parent(n); p != none && p != decl; c, p = p, st.parent(p) {
		switch st.kind(p) {
		case kLambdaExpression:
			inLambda = true
		case kIfStatement:
			if !debugOnly && st.childByField(p, fConsequence) == c {
				cond := st.childByField(p, fCondition)
				debugOnly = cond != none && (isDebugSwitch(st.text(cond)) || st.constantFalse(cond, decl) || st.offConjunct(st.text(cond)))
			}
		}
	}
	return inLambda, debugOnly
}

// constantFalse reports an if condition that is always false: the
// literal, a local of the method whose single value is the literal (a
// switch left in the code: `boolean monitorCode = false; if
// (monitorCode) ...`), or a static final boolean field of the file
// initialised to it. The branch never runs (javac drops it, but for the
// non-final local).
func (st *fileState) constantFalse(cond, method nodeID) bool {
	name := strings.TrimSpace(st.text(cond))
	for strings.HasPrefix(name, "(") && strings.HasSuffix(name, ")") {
		name = strings.TrimSpace(name[1 : len(name)-1])
	}
	if name == "false" {
		return true
	}
	if !isIdentifier(name) {
		return false
	}
	if method != none {
		if d, ok := st.localOf(method, name); ok {
			return d.value != none && d.after <= st.start(cond) && strings.TrimSpace(st.text(d.value)) == "false"
		}
	}
	return st.falseConstant(name)
}

// falseConstant reports a static final boolean field of the file named
// name with the value false, by the declaration's text; cached by name.
func (st *fileState) falseConstant(name string) bool {
	if v, ok := st.falseConsts[name]; ok {
		return v
	}
	v := false
	skip := nonCode(st.src)
	for at := nextWord(st.src, name, 0); at >= 0 && !v; at = nextWord(st.src, name, at+1) {
		if inRanges(skip, at) {
			continue
		}
		before := st.src[max(0, at-160):at]
		rest := st.src[at+len(name):]
		v = falseConstDeclRE.Match(before) && falseInitRE.Match(rest)
	}
	if st.falseConsts == nil {
		st.falseConsts = map[string]bool{}
	}
	st.falseConsts[name] = v
	return v
}

// falseConstDeclRE ends with the modifiers and type of a static final
// boolean field, just before its name; falseInitRE starts with its
// initialiser false.
var (
	falseConstDeclRE = regexp.MustCompile(`(?:^|[;{}\s])(?:(?:public|protected|private)\s+)?(?:static\s+final|final\s+static)\s+boolean\s+$`)
	falseInitRE      = regexp.MustCompile(`^\s*=\s*false\s*;`)
)

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// offConjunct reports a condition one of whose top-level && operands is a
// debug switch or the constant false (`if (DEBUG && cache[i] > 1E2)`): the
// branch runs only when that operand is on.
func (st *fileState) offConjunct(cond string) bool {
	if !strings.Contains(cond, "&&") {
		return false // most conditions: asked for every site under an if
	}
	parts, ok := conjuncts(cond)
	if !ok || len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		q := strings.TrimSpace(p)
		for strings.HasPrefix(q, "(") && strings.HasSuffix(q, ")") {
			q = strings.TrimSpace(q[1 : len(q)-1])
		}
		if isDebugSwitch(q) || q == "false" || isIdentifier(q) && st.falseConstant(q) {
			return true
		}
	}
	return false
}

// conjuncts splits an expression's text at its top-level &&, outer
// parentheses aside; ok is false when a top-level || or ?: makes the
// operands no conjunction.
func conjuncts(s string) (parts []string, ok bool) {
	s = strings.TrimSpace(s)
	for strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && closingParen(s) == len(s)-1 {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case '"', '\'':
			for i++; i < len(s) && s[i] != c; i++ {
				if s[i] == '\\' {
					i++
				}
			}
		case '|', '?':
			if depth == 0 && (c == '?' || i+1 < len(s) && s[i+1] == '|') {
				return nil, false
			}
		case '&':
			if depth == 0 && i+1 < len(s) && s[i+1] == '&' {
				parts = append(parts, s[start:i])
				start = i + 2
				i++
			}
		}
	}
	return append(parts, s[start:]), true
}

// closingParen is the index of the parenthesis closing the one s starts
// with, literals aside; -1 when none does.
func closingParen(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i
			}
		case '"', '\'':
			for i++; i < len(s) && s[i] != c; i++ {
				if s[i] == '\\' {
					i++
				}
			}
		}
	}
	return -1
}

func isDebugSwitch(cond string) bool {
	cond = strings.TrimSpace(cond)
	for strings.HasPrefix(cond, "(") && strings.HasSuffix(cond, ")") {
		cond = strings.TrimSpace(cond[1 : len(cond)-1])
	}
	name := cond
	if i := strings.LastIndexByte(cond, '.'); i >= 0 {
		name = cond[i+1:]
	}
	if name != "DEBUG" {
		return false
	}
	for _, r := range cond {
		if !(r == '.' || r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

func enclosingType(stack []frame) string {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i].kind == 't' {
			return stack[i].name
		}
	}
	return ""
}

func outermostType(stack []frame) string {
	for _, fr := range stack {
		if fr.kind == 't' {
			return fr.name
		}
	}
	return ""
}

func enclosingTypes(stack []frame) []nodeID {
	var out []nodeID
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i].kind == 't' {
			out = append(out, stack[i].node)
		}
	}
	return out
}

func enclosingMethod(stack []frame) nodeID {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].kind {
		case 'm', 'f':
			return stack[i].node
		case 't':
			return none
		}
	}
	return none
}

// firstError finds the first ERROR or MISSING node in document order,
// descending only into subtrees that contain one.
func (st *fileState) firstError() (Problem, bool) {
	for n := nodeID(0); n < nodeID(len(st.nodes)); {
		nd := &st.nodes[n]
		if symKinds[nd.sym] == kError || nd.flags&flagMissing != 0 {
			line, col := st.lines.position(int(nd.start))
			what := "syntax error"
			if nd.flags&flagMissing != 0 {
				what = "missing " + st.typeName(n)
			}
			return Problem{Kind: "syntax", Line: line,
				Message: fmt.Sprintf("%s at line %d, column %d; the rest of the file was scanned", what, line, col)}, true
		}
		if nd.flags&flagHasError != 0 {
			n++ // descend
		} else {
			n = nodeID(nd.after) // skip the subtree
		}
	}
	return Problem{}, false
}

// staticNames lists the static field names declared in the file.
func (st *fileState) staticNames() map[string]bool {
	out := map[string]bool{}
	for _, names := range st.statics {
		for n := range names {
			out[n] = true
		}
	}
	return out
}

// HasCalls reports whether src may hold, outside comments and literals, a
// call of one of in's method names or a mention of one of its
// instance-creation types: when it holds none, an extraction under in finds
// no call and no instance creation, and a caller that needs only those can
// spare the parse. It is the token scan Extract starts with, less the
// names that follow a type, as a declaration's name does (a call's name
// follows a dot, an operator, a bracket or a keyword such as return).
func HasCalls(src []byte, in Interest) bool {
	found := false
	afterType := false // the previous token may be a declaration's type
	n := len(src)
	lexJava(src, func(i, j int) {
		if found {
			return
		}
		tok := src[i:j]
		if in.News[string(tok)] {
			found = true
			return
		}
		if !afterType && in.Calls[string(tok)] {
			if k := skipSpace(src, j); k < n && src[k] == '(' {
				found = true
				return
			}
		}
		afterType = !beforeCall[string(tok)]
	}, func(i, j int) {
		afterType = false
	}, func(i int) {
		switch src[i] {
		case ' ', '\t', '\n', '\r', '\f':
		case ']':
			afterType = true // int[] name(
		default:
			afterType = false
		}
	})
	return found
}

// beforeCall are the words a call's name may follow directly.
var beforeCall = map[string]bool{"return": true, "throw": true, "else": true, "case": true, "do": true,
	"yield": true, "assert": true, "when": true, "new": true}

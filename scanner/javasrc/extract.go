// Package javasrc turns Java source into facts (rules/facts) with
// tree-sitter.
//
// Cost model: every node handed from tree-sitter to Go costs far more than a
// step inside the C library, so one multi-pattern query, compiled once per
// process, streams the few node kinds we need in document order, and the
// extractor looks closer (receiver, arguments, enclosing try) only at calls
// whose method name some rule subscribed to. Trees are closed explicitly:
// their memory lives on the C heap, which Go's collector cannot see.
package javasrc

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/java"

	"github.com/kscan/kscan/internal/javatext"
	"github.com/kscan/kscan/rules/facts"
)

// mainQuery captures declarations (for context and name resolution) and the
// name of every method invocation. Capture names index into the switch in
// Extract; keep them in sync.
const mainQuery = `
(package_declaration) @package
(import_declaration) @import
(class_declaration) @type
(interface_declaration) @type
(enum_declaration) @type
(record_declaration) @type
(annotation_type_declaration) @type
(object_creation_expression (class_body) @anon)
(method_declaration) @method
(constructor_declaration) @ctor
(compact_constructor_declaration) @ctor
(static_initializer) @clinit
(field_declaration) @field
(constant_declaration) @field
`

// declQuery finds typed declarations inside a method or class, to resolve
// the type of a receiver variable. Run only on demand.
const declQuery = `
(local_variable_declaration type: (_) @type declarator: (variable_declarator name: (identifier) @name))
(formal_parameter type: (_) @type name: (identifier) @name)
(catch_formal_parameter (catch_type) @type name: (identifier) @name)
(enhanced_for_statement type: (_) @type name: (identifier) @name)
(resource type: (_) @type name: (identifier) @name)
`

// fieldQuery finds field declarations in a type, for receiver fields.
const fieldQuery = `
(field_declaration type: (_) @type declarator: (variable_declarator name: (identifier) @name))
`

var (
	compileOnce sync.Once
	qMain       *sitter.Query
	qDecl       *sitter.Query
	qField      *sitter.Query
	capNames    []string
	compileErr  error
)

func compile() {
	lang := java.GetLanguage()
	qMain, compileErr = sitter.NewQuery([]byte(mainQuery), lang)
	if compileErr != nil {
		return
	}
	qDecl, compileErr = sitter.NewQuery([]byte(declQuery), lang)
	if compileErr != nil {
		return
	}
	qField, compileErr = sitter.NewQuery([]byte(fieldQuery), lang)
	if compileErr != nil {
		return
	}
	for i := uint32(0); i < qMain.CaptureCount(); i++ {
		capNames = append(capNames, qMain.CaptureNameForId(i))
	}
}

// Interest says which calls and instance creations the rules inspect.
type Interest struct {
	Calls map[string]bool // method names
	News  map[string]bool // simple type names
}

// Index answers whether a fully qualified type exists in the scanned
// project, for same-package and wildcard-import resolution.
type Index interface {
	HasType(fqn string) bool
}

// Problem is a defect of the input that still let the extractor produce
// facts (syntax errors, encoding).
type Problem struct {
	Kind    string // "syntax", "encoding"
	Line    int
	Message string
}

// ErrTimeout is returned when parsing exceeds the time limit.
var ErrTimeout = errors.New("parse time limit exceeded")

// Extractor holds one parser and its cursors; it is not safe for concurrent
// use, so the scanner keeps one per worker.
type Extractor struct {
	parser   *sitter.Parser
	qc       *sitter.QueryCursor
	dc       *sitter.QueryCursor
	interest Interest
	maxDepth int
	// streamAll makes the declaration query walk the whole tree instead of
	// the structural walk, and localQuery indexes locals with a query
	// instead of reading them from the text; the tests compare both.
	streamAll, localQuery bool
}

// NewExtractor makes an extractor. timeoutMicros bounds one parse (0 = no
// limit).
func NewExtractor(in Interest, timeoutMicros int) (*Extractor, error) {
	compileOnce.Do(compile)
	if compileErr != nil {
		return nil, fmt.Errorf("javasrc: query: %w", compileErr)
	}
	p := sitter.NewParser()
	p.SetLanguage(java.GetLanguage())
	if timeoutMicros > 0 {
		p.SetOperationLimit(timeoutMicros)
	}
	return &Extractor{parser: p, qc: sitter.NewQueryCursor(), dc: sitter.NewQueryCursor(), interest: in, maxDepth: 64}, nil
}

// Close frees the parser and cursors.
func (e *Extractor) Close() {
	e.qc.Close()
	e.dc.Close()
	e.parser.Close()
}

// ParseOnly parses src and closes the tree: the floor the benchmarks compare
// the full extraction against.
func (e *Extractor) ParseOnly(src []byte) error {
	t := e.parser.Parse(nil, src)
	if t == nil {
		e.parser.Reset()
		return ErrTimeout
	}
	t.Close()
	return nil
}

// frame is an enclosing declaration while streaming captures.
type frame struct {
	start  uint32
	end    uint32
	kind   byte // 't' type, 'm' method-like, 'f' field initialiser
	name   string
	static bool
	main   bool
	node   *sitter.Node
}

// pendingCall is a call seen in the stream, resolved once the whole file's
// declarations are known (a nested type may be declared after its use).
type pendingCall struct {
	node    *sitter.Node
	ctx     facts.Context
	method  *sitter.Node // enclosing method-like node, for local variables
	classes []*sitter.Node
	field   bool // inside a static field initialiser
}

type pendingNew struct {
	node    *sitter.Node
	typ     *sitter.Node
	ctx     facts.Context
	method  *sitter.Node
	classes []*sitter.Node
}

// fileState is the per-file working set.
type fileState struct {
	e       *Extractor
	src     []byte
	f       *facts.File
	idx     Index
	single  map[string]string // simple name -> fqn from single-type imports
	wild    []string          // packages (or types) imported on demand
	sSingle map[string]string // static single imports: member -> owner
	sWild   []string          // static on-demand imports: owner types
	local   map[string]string // simple name -> binary name of types declared in this file
	statics map[string]map[string]bool
	consts  map[string]string                // static final String constants of the file: simple name -> value
	vars    map[uintptr]map[string]string    // per method/class node: variable -> declared type text
	locals  map[uintptr]map[string]localDecl // per method node: single-valued locals (flow.go)
	// typeNames maps a type or anonymous class body node to its binary
	// name, and fieldTypes a binary class name to its fields' declared
	// types, so receiver fields resolve without another query.
	typeNames  map[uintptr]string
	fieldTypes map[string]map[string]string
	localCache map[localKey]localResult
	words      map[uintptr]uint8 // methodWords cache
	root       *sitter.Node
	lines      []int // line starts, computed on first use
}

// Extract parses one file and returns its facts. path is the
// slash-separated path relative to the scan root.
func (e *Extractor) Extract(path string, src []byte, idx Index) (*facts.File, []Problem, error) {
	var problems []Problem
	if !utf8.Valid(src) {
		line := 1 + bytes.Count(src[:firstInvalidUTF8(src)], []byte{'\n'})
		problems = append(problems, Problem{Kind: "encoding", Line: line,
			Message: fmt.Sprintf("not valid UTF-8 (first bad byte on line %d); scanned as bytes, columns may be off", line)})
	}
	tree := e.parser.Parse(nil, src)
	if tree == nil {
		e.parser.Reset()
		return nil, problems, ErrTimeout
	}
	defer tree.Close()
	root := tree.RootNode()

	st := &fileState{
		e: e, src: src, idx: idx,
		f:          &facts.File{Path: path, Test: IsTestPath(path)},
		single:     map[string]string{},
		sSingle:    map[string]string{},
		local:      map[string]string{},
		statics:    map[string]map[string]bool{},
		consts:     map[string]string{},
		vars:       map[uintptr]map[string]string{},
		typeNames:  map[uintptr]string{},
		fieldTypes: map[string]map[string]string{},
		root:       root,
	}
	if root.HasError() {
		if p, ok := firstError(root); ok {
			problems = append(problems, p)
		}
	}

	var (
		stack   []frame
		calls   []pendingCall
		news    []pendingNew
		writes  []pendingWrite
		types   []pendingType
		fields  []pendingField
		anonSeq = map[string]int{}
	)
	var all []frame // every declaration frame, in document order
	push := func(f frame) []frame {
		all = append(all, f)
		return append(stack, f)
	}
	handle := func(kind string, n *sitter.Node) {
		start := n.StartByte()
		for len(stack) > 0 && stack[len(stack)-1].end <= start {
			stack = stack[:len(stack)-1]
		}
		switch kind {
		case "package":
			st.f.Package = declName(st.text(n), "package")
		case "import":
			st.addImport(st.text(n))
		case "type":
			name := st.text(n.ChildByFieldName("name"))
			outer := enclosingType(stack)
			bin := name
			if outer != "" {
				bin = outer + "$" + name
			} else if st.f.Package != "" {
				bin = st.f.Package + "." + name
			}
			st.f.Types = append(st.f.Types, bin)
			if _, dup := st.local[name]; !dup {
				st.local[name] = bin
			}
			types = append(types, pendingType{node: n, name: bin})
			st.typeNames[n.ID()] = bin
			stack = push(frame{start: n.StartByte(), end: n.EndByte(), kind: 't', name: bin, node: n})
		case "anon":
			outer := outermostType(stack)
			anonSeq[outer]++
			bin := fmt.Sprintf("%s$%d", outer, anonSeq[outer])
			st.typeNames[n.ID()] = bin
			stack = push(frame{start: n.StartByte(), end: n.EndByte(), kind: 't', name: bin, node: n})
		case "method":
			mods := n.Child(0)
			static := mods != nil && mods.Type() == "modifiers" && hasWord(st.text(mods), "static")
			name := st.text(n.ChildByFieldName("name"))
			st.addMethod(n, mods, enclosingType(stack), name, static)
			stack = push(frame{start: n.StartByte(), end: n.EndByte(), kind: 'm', name: name, static: static, main: static && name == "main", node: n})
		case "ctor":
			mods := n.Child(0)
			st.addMethod(n, mods, enclosingType(stack), "<init>", false)
			stack = push(frame{start: n.StartByte(), end: n.EndByte(), kind: 'm', name: "<init>", node: n})
		case "clinit":
			st.f.StaticInits = append(st.f.StaticInits, span(n))
			stack = push(frame{start: n.StartByte(), end: n.EndByte(), kind: 'm', name: "<clinit>", static: true, node: n})
		case "field":
			mods := n.Child(0)
			// Interface constants are implicitly static and final.
			static := n.Type() == "constant_declaration" || mods != nil && mods.Type() == "modifiers" && hasWord(st.text(mods), "static")
			if static {
				cls := enclosingType(stack)
				if st.statics[cls] == nil {
					st.statics[cls] = map[string]bool{}
				}
				final := n.Type() == "constant_declaration" || hasWord(st.text(mods), "final")
				for i := 0; i < int(n.NamedChildCount()); i++ {
					d := n.NamedChild(i)
					if d.Type() != "variable_declarator" {
						continue
					}
					name := st.text(d.ChildByFieldName("name"))
					st.statics[cls][name] = true
					if v := d.ChildByFieldName("value"); final && v != nil && v.Type() == "string_literal" {
						st.consts[name] = unquote(st.text(v))
					}
				}
			}
			fields = append(fields, pendingField{node: n, mods: mods, ctx: st.context(stack, n), classes: enclosingTypes(stack)})
			name := "<init>"
			if static {
				name = "<clinit>"
			}
			stack = push(frame{start: n.StartByte(), end: n.EndByte(), kind: 'f', name: name, static: static, node: n})
		}
	}
	// stream feeds every declaration under n to handle, by the query.
	stream := func(n *sitter.Node) {
		e.qc.Exec(qMain, n)
		for {
			m, ci, ok := e.qc.NextCapture()
			if !ok {
				return
			}
			c := m.Captures[ci]
			handle(capNames[c.Index], c.Node)
		}
	}
	if root.HasError() || e.streamAll {
		// Declarations may sit inside ERROR nodes: let the query find them.
		stream(root)
	} else {
		st.walkDecls(root, handle, stream)
	}

	// Calls, instance creations and writes to static fields are not
	// streamed: most of a file's calls and assignments interest no rule,
	// and each node handed to Go costs more than its share of the parse.
	// Their sites are found by a token scan in Go, fetched from the tree by
	// position, and placed in their declarations by a sweep over the
	// recorded frames.
	sites := findSites(src, e.interest)
	sites = append(sites, findWriteSites(src, st.staticNames())...)
	sort.SliceStable(sites, func(a, b int) bool { return sites[a].at < sites[b].at })
	var lines []int
	if len(sites) > 0 {
		lines = lineStarts(src)
	}
	stack = stack[:0]
	next := 0
	for _, s := range sites {
		for next < len(all) && all[next].start <= uint32(s.at) {
			for len(stack) > 0 && stack[len(stack)-1].end <= all[next].start {
				stack = stack[:len(stack)-1]
			}
			stack = append(stack, all[next])
			next++
		}
		for len(stack) > 0 && stack[len(stack)-1].end <= uint32(s.at) {
			stack = stack[:len(stack)-1]
		}
		switch s.kind {
		case siteNew:
			if obj, typ := newAt(root, lines, s); obj != nil {
				news = append(news, pendingNew{node: obj, typ: typ, ctx: st.context(stack, obj), method: enclosingMethod(stack), classes: enclosingTypes(stack)})
			}
		case siteCall:
			call := callAt(root, lines, s)
			if call == nil {
				continue
			}
			pc := pendingCall{node: call, ctx: st.context(stack, call), method: enclosingMethod(stack), classes: enclosingTypes(stack)}
			if len(stack) > 0 && stack[len(stack)-1].kind == 'f' && stack[len(stack)-1].static {
				pc.field = true
			}
			calls = append(calls, pc)
		case siteWrite:
			if target, op, kind := writeAt(root, lines, s); target != nil {
				writes = append(writes, pendingWrite{node: target, kind: kind, ctx: st.context(stack, op), method: enclosingMethod(stack), classes: enclosingTypes(stack)})
			}
		}
	}

	for _, pt := range types {
		st.f.TypeDecls = append(st.f.TypeDecls, st.buildType(pt))
	}
	for i := range fields {
		st.indexField(&fields[i])
	}
	for _, pf := range fields {
		st.f.Fields = append(st.f.Fields, st.buildFields(pf)...)
	}
	for _, pc := range calls {
		c := st.buildCall(pc)
		st.f.Calls = append(st.f.Calls, c)
		if w, ok := st.mutatorWrite(&c, pc); ok {
			st.f.Writes = append(st.f.Writes, w)
		}
	}
	for _, pn := range news {
		st.f.News = append(st.f.News, st.buildNew(pn))
	}
	for _, pw := range writes {
		if w, ok := st.buildWrite(pw); ok {
			st.f.Writes = append(st.f.Writes, w)
		}
	}
	st.f.Suppressions = findSuppressions(src, root)
	return st.f, problems, nil
}

func (st *fileState) text(n *sitter.Node) string {
	if n == nil {
		return ""
	}
	s, e := n.StartByte(), n.EndByte()
	if int(e) > len(st.src) || s > e {
		return ""
	}
	return string(st.src[s:e])
}

func (st *fileState) context(stack []frame, n *sitter.Node) facts.Context {
	ctx := facts.Context{Line: int(n.StartPoint().Row) + 1}
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
		}
	}
	return ctx
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

func enclosingTypes(stack []frame) []*sitter.Node {
	var out []*sitter.Node
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i].kind == 't' {
			out = append(out, stack[i].node)
		}
	}
	return out
}

func enclosingMethod(stack []frame) *sitter.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].kind {
		case 'm', 'f':
			return stack[i].node
		case 't':
			return nil
		}
	}
	return nil
}

// addImport records one import declaration from its text.
func (st *fileState) addImport(text string) {
	body := strings.TrimSpace(stripComments(text))
	body = strings.TrimPrefix(body, "import")
	body = strings.TrimSuffix(strings.TrimSpace(body), ";")
	body = strings.TrimSpace(body)
	static := false
	if strings.HasPrefix(body, "static") && len(body) > 6 && !isIdentByte(body[6]) {
		static = true
		body = strings.TrimSpace(body[6:])
	}
	name := removeSpace(body)
	wild := strings.HasSuffix(name, ".*")
	if wild {
		name = strings.TrimSuffix(name, ".*")
	}
	st.f.Imports = append(st.f.Imports, facts.Import{Name: name, Static: static, Wildcard: wild})
	switch {
	case static && wild:
		st.sWild = append(st.sWild, name)
	case static:
		if i := strings.LastIndexByte(name, '.'); i > 0 {
			st.sSingle[name[i+1:]] = name[:i]
		}
	case wild:
		st.wild = append(st.wild, name)
	default:
		st.single[name[strings.LastIndexByte(name, '.')+1:]] = name
	}
}

// resolveType maps a type as written to a fully qualified name following
// Java's scoping: types declared in the file, single-type imports, the
// file's package, on-demand imports, then java.lang. It returns "" when the
// type cannot be known without a class path.
func (st *fileState) resolveType(written string) string {
	t := cleanType(written)
	if t == "" {
		return ""
	}
	if strings.IndexByte(t, '.') >= 0 {
		first, rest, _ := strings.Cut(t, ".")
		if outer := st.resolveSimple(first); outer != "" && !isLowerStart(first) {
			return outer + "$" + strings.ReplaceAll(rest, ".", "$")
		}
		return t
	}
	return st.resolveSimple(t)
}

func (st *fileState) resolveSimple(name string) string {
	if b, ok := st.local[name]; ok {
		return b
	}
	if f, ok := st.single[name]; ok {
		return f
	}
	if st.f.Package != "" && st.idx != nil && st.idx.HasType(st.f.Package+"."+name) {
		return st.f.Package + "." + name
	}
	for _, p := range st.wild {
		fq := p + "." + name
		if jdkTypes[fq] || (st.idx != nil && st.idx.HasType(fq)) {
			return fq
		}
	}
	if fq := "java.lang." + name; jdkTypes[fq] {
		return fq
	}
	return ""
}

// lookupVar finds the declared type (as written) of a variable visible from
// the given method and classes: locals and parameters first, then fields
// from the innermost class outwards.
func (st *fileState) lookupVar(name string, method *sitter.Node, classes []*sitter.Node) (string, bool) {
	return st.lookupVarAt(name, -1, method, classes)
}

// lookupVarAt is lookupVar for a use at byte offset at (-1: unknown), so
// that of several declarations of the name in the method (a catch
// parameter e in each catch block) the nearest one before the use is taken.
func (st *fileState) lookupVarAt(name string, at int, method *sitter.Node, classes []*sitter.Node) (string, bool) {
	if name == "" {
		return "", false // a MISSING node in broken code
	}
	if method != nil && st.mayDeclare(method, name) {
		if t, ok := st.declaredInText(method, name, at); ok {
			return t, true
		}
		if t, ok := st.declsIn(method, qDecl)[name]; ok {
			return t, true
		}
	}
	for _, c := range classes {
		if t, ok := st.fieldTypes[st.typeNames[c.ID()]][name]; ok {
			return t, true
		}
	}
	return "", false
}

// declaredInText reads a local declaration "Type name" straight from the
// method's text when there is exactly one and its type is unambiguous
// (Map<K, V>, a.b.C, int[]), which spares the declaration query for most
// lookups; anything unusual falls back to the query.
func (st *fileState) declaredInText(method *sitter.Node, name string, use int) (string, bool) {
	start, end := int(method.StartByte()), int(method.EndByte())
	if end > len(st.src) || start > end {
		return "", false
	}
	body := st.src[start:end]
	found := ""
	for i := 0; ; {
		j := bytes.Index(body[i:], []byte(name))
		if j < 0 {
			break
		}
		at := i + j
		i = at + 1
		k := at + len(name)
		if at > 0 && isIdentByte(body[at-1]) || k < len(body) && isIdentByte(body[k]) {
			continue
		}
		t, ok := typeBefore(body, at)
		if !ok {
			continue
		}
		// What follows a declarator: = ; , ) : (for-each) or a dimension.
		for k < len(body) && (body[k] == ' ' || body[k] == '\t' || body[k] == '\n' || body[k] == '\r') {
			k++
		}
		if k < len(body) && !strings.ContainsRune("=;,):", rune(body[k])) {
			continue
		}
		if use >= 0 {
			// The nearest declaration before the use.
			if start+at < use {
				found = t
			}
			continue
		}
		if found != "" && found != t {
			return "", false // two declarations: let the query decide by scope
		}
		found = t
	}
	return found, found != ""
}

// javaWords precede a name without being its type.
var javaWords = setOf("return", "new", "throw", "case", "else", "instanceof", "yield", "assert", "do", "goto",
	"this", "super", "package", "import", "extends", "implements", "throws", "default", "break", "continue",
	"public", "private", "protected", "static", "abstract", "synchronized", "native", "transient", "volatile",
	"strictfp", "class", "interface", "enum", "void", "if", "for", "while", "switch", "try", "catch", "finally",
	"null", "true", "false")

// typeBefore reads the type written just before offset at: an identifier
// (possibly qualified), optionally followed by generics and array
// dimensions, preceded by a delimiter that can start a declaration.
func typeBefore(b []byte, at int) (string, bool) {
	p := at - 1
	for p >= 0 && (b[p] == ' ' || b[p] == '\t' || b[p] == '\n' || b[p] == '\r') {
		p--
	}
	if p < 0 || p == at-1 {
		return "", false // the name must be separated from its type
	}
	end := p + 1
	for p >= 0 && b[p] == ']' { // array dimensions
		if p == 0 || b[p-1] != '[' {
			return "", false
		}
		p -= 2
	}
	// A type reads backwards as identifiers, dots and generic argument
	// lists: Map<K, V>, a.b.C, Outer<T>.Inner.
	idEnd := p + 1
	for p >= 0 {
		if b[p] == '>' {
			depth := 0
			for ; p >= 0; p-- {
				if b[p] == '>' {
					depth++
				} else if b[p] == '<' {
					depth--
					if depth == 0 {
						p--
						break
					}
				} else if !isIdentByte(b[p]) && !strings.ContainsRune(".,? \t\n\r[]", rune(b[p])) {
					return "", false // an expression, not type arguments
				}
			}
			continue
		}
		if !isIdentByte(b[p]) && b[p] != '.' {
			break
		}
		p--
	}
	if p+1 >= idEnd {
		return "", false
	}
	// The leading identifier decides what the token is.
	head := p + 1
	for head < idEnd && (isIdentByte(b[head])) {
		head++
	}
	id := string(b[p+1 : head])
	if head == p+1 || b[p+1] == '.' || b[idEnd-1] == '.' {
		return "", false
	}
	if javaWords[id] {
		return "", false
	}
	if ls := bytes.LastIndexByte(b[:p+1], '\n') + 1; lineCommentAt(b[ls:p+1]) >= 0 {
		return "", false // the "type" is text in a line comment
	}
	// The type must itself start a declaration: after ( , ; { } or a
	// modifier, comments in between skipped.
	q := backOverSpace(b, p)
	// ':' ends a case label (or a label) before a declaration.
	if q >= 0 && !strings.ContainsRune("(,;{}:", rune(b[q])) && !(isIdentByte(b[q]) || b[q] == ')') {
		return "", false
	}
	if q >= 0 && isIdentByte(b[q]) {
		// Only a modifier or an annotation may precede the type
		// ("final Foo x", "@Nullable Foo x").
		w := q
		for w >= 0 && (isIdentByte(b[w]) || b[w] == '.') {
			w--
		}
		if string(b[w+1:q+1]) != "final" && !(w >= 0 && b[w] == '@') {
			return "", false
		}
	}
	return string(b[p+1 : end]), true
}

// indexField records a field declaration's type and names for receiver
// lookups, and keeps them for buildFields.
func (st *fileState) indexField(pf *pendingField) {
	pf.typeText = st.text(pf.node.ChildByFieldName("type"))
	cls := pf.ctx.Class
	if st.fieldTypes[cls] == nil {
		st.fieldTypes[cls] = map[string]string{}
	}
	for i := 0; i < int(pf.node.NamedChildCount()); i++ {
		d := pf.node.NamedChild(i)
		if d.Type() != "variable_declarator" {
			continue
		}
		nm := d.ChildByFieldName("name")
		pf.decls = append(pf.decls, declarator{node: d, name: nm})
		if name := st.text(nm); name != "" {
			if _, dup := st.fieldTypes[cls][name]; !dup {
				st.fieldTypes[cls][name] = pf.typeText
			}
		}
	}
}

// mayDeclare is a text pre-check for lookupVar: can the method's source
// declare name at all (the name preceded by a type-ish character and
// whitespace)? It saves the declaration query for the common case of a
// receiver that is a field or a type.
func (st *fileState) mayDeclare(method *sitter.Node, name string) bool {
	start, end := int(method.StartByte()), int(method.EndByte())
	if end > len(st.src) || start > end {
		return true
	}
	body := st.src[start:end]
	for i := 0; ; {
		j := bytes.Index(body[i:], []byte(name))
		if j < 0 {
			return false
		}
		j += i
		k := j + len(name)
		if (k == len(body) || !isIdentByte(body[k])) && (j == 0 || !isIdentByte(body[j-1])) {
			// Walk back over spaces to the preceding character.
			p := j - 1
			for p >= 0 && (body[p] == ' ' || body[p] == '\t' || body[p] == '\n' || body[p] == '\r') {
				p--
			}
			if p >= 0 && p < j-1 && (isIdentByte(body[p]) || body[p] == '>' || body[p] == ']') {
				return true
			}
		}
		i = j + 1
	}
}

// declsIn runs a declaration query over a node once and caches the result;
// a class is searched for fields only, so its methods' locals are not
// crossed into Go.
func (st *fileState) declsIn(n *sitter.Node, q *sitter.Query) map[string]string {
	key := n.ID()
	if m, ok := st.vars[key]; ok {
		return m
	}
	m := map[string]string{}
	dc := st.e.dc
	dc.Exec(q, n)
	for {
		match, ok := dc.NextMatch()
		if !ok {
			break
		}
		var typ, nm string
		for _, c := range match.Captures {
			switch q.CaptureNameForId(c.Index) {
			case "type":
				typ = st.text(c.Node)
			case "name":
				nm = st.text(c.Node)
			}
		}
		// The first declaration wins: the query visits outer scopes before
		// the nested ones that could shadow them less often than not.
		if _, dup := m[nm]; !dup && nm != "" {
			m[nm] = typ
		}
	}
	st.vars[key] = m
	return m
}

// buildCall resolves one invocation.
func (st *fileState) buildCall(pc pendingCall) facts.Call {
	n := pc.node
	c := facts.Call{
		Name:    st.text(n.ChildByFieldName("name")),
		Span:    span(n),
		Context: pc.ctx,
	}
	if nm := n.ChildByFieldName("name"); nm != nil {
		c.NameSpan = span(nm)
	}
	obj := n.ChildByFieldName("object")
	if obj == nil {
		// Unqualified: a static import, else a method of this class.
		if owner, ok := st.sSingle[c.Name]; ok {
			c.Owner, c.Static = st.qualify(owner), true
		} else if owner := st.staticWildOwner(c.Name); owner != "" {
			c.Owner, c.Static = owner, true
		} else {
			c.Owner = pc.ctx.Class
		}
	} else {
		c.Recv = st.expr(obj, pc, 0, true)
		if c.Recv.Kind == facts.ExprName && c.Recv.Type == "" {
			// A name that is not a variable: a type, for a static call.
			if t := st.resolveType(c.Recv.Text); t != "" {
				c.Owner, c.Static = t, true
			}
		} else {
			c.Owner = c.Recv.Type
		}
	}
	if args := n.ChildByFieldName("arguments"); args != nil {
		c.ArgsSpan = span(args)
		c.Args = st.args(args, pc)
	}
	if pc.field && isDirectValue(n) {
		c.StoredToStatic = true
	} else if lhs := assignedName(st, n); lhs != "" && st.isStaticField(pc.ctx.Class, lhs) {
		c.StoredToStatic = true
	}
	if st.methodHas(pc.method, "finally") {
		c.InFinally, c.FinallyCalls = st.tryContext(n)
	}
	c.ComparedToNull = st.comparedToNull(n)
	if c.ComparedToNull {
		c.NullBranch = st.nullBranch(n)
	}
	c.InLoop = st.methodHasLoop(pc.method) && inLoop(n)
	c.Store = st.storeOf(n, pc.method, pc.classes)
	return c
}

// comparedToNull reports "call == null" and "call != null".
func (st *fileState) comparedToNull(n *sitter.Node) bool {
	p := n.Parent()
	if p == nil || p.Type() != "binary_expression" {
		return false
	}
	op := p.ChildByFieldName("operator")
	if op == nil || (st.text(op) != "==" && st.text(op) != "!=") {
		return false
	}
	for _, side := range []string{"left", "right"} {
		if o := p.ChildByFieldName(side); o != nil && o.Type() == "null_literal" {
			return true
		}
	}
	return false
}

func (st *fileState) buildNew(pn pendingNew) facts.New {
	n := pn.node
	nw := facts.New{Span: span(n), Context: pn.ctx, InLoop: st.methodHasLoop(pn.method) && inLoop(n)}
	nw.Type = st.resolveType(st.text(pn.typ))
	if nw.Type == "" {
		nw.Type = cleanType(st.text(pn.typ))
	}
	pc := pendingCall{node: n, ctx: pn.ctx, method: pn.method, classes: pn.classes}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		ch := n.NamedChild(i)
		switch ch.Type() {
		case "argument_list":
			nw.Args = st.args(ch, pc)
		case "class_body":
			nw.Anonymous = true
		}
	}
	nw.Store = st.storeOf(n, pn.method, pn.classes)
	return nw
}

func (st *fileState) args(list *sitter.Node, pc pendingCall) []facts.Expr {
	var out []facts.Expr
	for i := 0; i < int(list.NamedChildCount()); i++ {
		a := list.NamedChild(i)
		switch a.Type() {
		case "line_comment", "block_comment":
			continue
		}
		out = append(out, st.expr(a, pc, 0, false))
	}
	return out
}

// expr classifies an expression and resolves its static type where the
// rules need it. Variable types are looked up only for receivers (recv),
// where they decide the call's owner; an argument that is a plain variable
// is never one of the loader forms the rules look for. depth bounds
// recursion on pathological chains.
func (st *fileState) expr(n *sitter.Node, pc pendingCall, depth int, recv bool) facts.Expr {
	x := facts.Expr{Text: st.text(n), Span: span(n)}
	if depth > st.e.maxDepth {
		return x
	}
	switch n.Type() {
	case "string_literal":
		x.Kind, x.Type = facts.ExprString, "java.lang.String"
		x.Value = unquote(x.Text)
	case "class_literal":
		x.Kind, x.Type = facts.ExprClass, "java.lang.Class"
		if t := n.NamedChild(0); t != nil {
			x.Value = st.resolveType(st.text(t))
			if x.Value == "" {
				x.Value = cleanType(st.text(t))
			}
		}
	case "null_literal":
		x.Kind, x.Loader = facts.ExprNull, facts.LoaderNull
	case "true", "false", "decimal_integer_literal", "hex_integer_literal", "octal_integer_literal",
		"binary_integer_literal", "decimal_floating_point_literal", "hex_floating_point_literal", "character_literal":
		x.Kind = facts.ExprLiteral
	case "identifier":
		x.Kind = facts.ExprName
		x.Local = st.localInit(n, pc, depth)
		if !recv {
			// A static final String constant of this file stands for its value.
			if v, ok := st.consts[x.Text]; ok {
				x.Kind, x.Value, x.Type = facts.ExprString, v, "java.lang.String"
			}
			break
		}
		if t, ok := st.lookupVarAt(x.Text, x.Span.Start, pc.method, pc.classes); ok {
			x.Type = st.resolveType(t)
			if x.Type == "" {
				x.Type = "?" + cleanType(t) // a variable of an unresolvable type
			}
			x.Loader = loaderOfType(x.Type)
		}
	case "field_access", "scoped_identifier":
		x.Kind = facts.ExprName
		if !isQualifiedName(x.Text) {
			x.Kind = facts.ExprOther
			break
		}
		first, _, _ := strings.Cut(removeSpace(x.Text), ".")
		if !recv {
			break
		}
		if first == "this" {
			_, rest, _ := strings.Cut(removeSpace(x.Text), ".")
			if t, ok := st.lookupVar(rest, nil, pc.classes); ok && !strings.Contains(rest, ".") {
				x.Type = st.resolveType(t)
				x.Loader = loaderOfType(x.Type)
			}
			break
		}
		if _, ok := st.lookupVar(first, pc.method, pc.classes); ok {
			x.Type = "?" // a field of a variable: type unknown
			break
		}
		// Type.FIELD: a static field of a resolved type (System.out).
		q := removeSpace(x.Text)
		if dot := strings.LastIndexByte(q, '.'); dot > 0 {
			if owner := st.resolveType(q[:dot]); owner != "" {
				x.Field = &facts.CallRef{Owner: owner, Name: q[dot+1:]}
				x.Type = staticFieldTypes[owner+"."+q[dot+1:]]
			}
		}
	case "this":
		x.Kind, x.Type = facts.ExprName, pc.ctx.Class
	case "method_invocation":
		x.Kind = facts.ExprCall
		x.Call, x.Type = st.callRef(n, pc, depth+1)
		x.Loader = loaderOfCall(x.Call, n, st)
	case "object_creation_expression":
		x.Kind = facts.ExprNew
		if t := n.ChildByFieldName("type"); t != nil {
			x.Type = st.resolveType(st.text(t))
		}
	case "lambda_expression", "method_reference":
		x.Kind = facts.ExprLambda
	case "binary_expression":
		x.Kind = facts.ExprConcat
	case "ternary_expression":
		x.Kind = facts.ExprConditional
	case "parenthesized_expression":
		if in := n.NamedChild(0); in != nil {
			inner := st.expr(in, pc, depth+1, recv)
			inner.Text, inner.Span = x.Text, x.Span
			return inner
		}
	case "cast_expression":
		if t := n.ChildByFieldName("type"); t != nil {
			x.Type = st.resolveType(st.text(t))
			x.Loader = loaderOfType(x.Type)
		}
	}
	return x
}

// callRef resolves the owner of a call used as an expression and the type
// it returns, as far as the JDK return-type table knows.
func (st *fileState) callRef(n *sitter.Node, pc pendingCall, depth int) (*facts.CallRef, string) {
	name := st.text(n.ChildByFieldName("name"))
	ref := &facts.CallRef{Name: name}
	obj := n.ChildByFieldName("object")
	switch {
	case obj == nil:
		if owner, ok := st.sSingle[name]; ok {
			ref.Owner = st.qualify(owner)
		} else if owner := st.staticWildOwner(name); owner != "" {
			ref.Owner = owner
		} else if name == "getClass" {
			ref.Owner = "java.lang.Object"
		} else {
			ref.Owner = pc.ctx.Class
		}
	default:
		r := st.expr(obj, pc, depth, true)
		if r.Kind == facts.ExprName && r.Type == "" {
			ref.Owner = st.resolveType(r.Text)
		} else {
			ref.Owner = r.Type
		}
	}
	if name == "getClass" {
		return ref, "java.lang.Class"
	}
	return ref, returnTypes[ref.Owner+"."+name]
}

// loaderOfCall recognises the ClassLoader expressions of
// class-forname-caller-loader and serviceloader-default-loader.
func loaderOfCall(ref *facts.CallRef, n *sitter.Node, st *fileState) facts.Loader {
	if ref == nil {
		return facts.LoaderNone
	}
	switch ref.Owner + "." + ref.Name {
	case "java.lang.ClassLoader.getSystemClassLoader":
		return facts.LoaderSystem
	case "java.lang.Thread.getContextClassLoader", "org.springframework.util.ClassUtils.getDefaultClassLoader":
		return facts.LoaderContext
	case "java.lang.Class.getClassLoader":
		// Own loader: X.class.getClassLoader() or [this.]getClass().getClassLoader().
		// A loader taken from an object the caller supplied is not "own".
		obj := n.ChildByFieldName("object")
		if obj == nil {
			return facts.LoaderOther
		}
		switch obj.Type() {
		case "class_literal":
			return facts.LoaderOwn
		case "method_invocation":
			if st.text(obj.ChildByFieldName("name")) == "getClass" {
				inner := obj.ChildByFieldName("object")
				if inner == nil || inner.Type() == "this" {
					return facts.LoaderOwn
				}
			}
		}
		return facts.LoaderOther
	}
	if returnTypes[ref.Owner+"."+ref.Name] == "java.lang.ClassLoader" {
		return facts.LoaderOther
	}
	return facts.LoaderNone
}

func loaderOfType(t string) facts.Loader {
	if strings.HasSuffix(t, "ClassLoader") {
		return facts.LoaderOther
	}
	return facts.LoaderNone
}

// staticWildOwner finds a statically imported-on-demand JDK type that has a
// static method of this name, for calls like exit(1) after
// "import static java.lang.System.*".
func (st *fileState) staticWildOwner(name string) string {
	for _, owner := range st.sWild {
		if staticMembers[owner+"."+name] {
			return owner
		}
	}
	return ""
}

// qualify turns a static-import owner into a binary name when it names a
// type declared in this file.
func (st *fileState) qualify(owner string) string { return owner }

func (st *fileState) isStaticField(class, name string) bool {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	return st.statics[class][name]
}

// tryContext reports whether n is inside a finally block, and the names of
// methods called in the finally blocks of try statements that guard n:
// those whose body encloses n, and one that directly follows n's statement
// (the "set; try { ... } finally { restore; }" idiom).
func (st *fileState) tryContext(n *sitter.Node) (inFinally bool, finallyCalls []string) {
	child := n
	stmtSeen := false
	for p, i := n.Parent(), 0; p != nil && i < 256; p, i = p.Parent(), i+1 {
		if !stmtSeen && (p.Type() == "expression_statement" || p.Type() == "local_variable_declaration") {
			stmtSeen = true
			for s, k := p.NextNamedSibling(), 0; s != nil && k < 4; s, k = s.NextNamedSibling(), k+1 {
				if s.Type() == "try_statement" {
					finallyCalls = append(finallyCalls, st.finallyNames(s)...)
					break
				}
			}
		}
		switch p.Type() {
		case "method_declaration", "constructor_declaration", "lambda_expression", "class_body", "static_initializer":
			return inFinally, finallyCalls
		case "finally_clause":
			inFinally = true
		case "try_statement", "try_with_resources_statement":
			body := p.ChildByFieldName("body")
			if body != nil && body.StartByte() <= child.StartByte() && child.EndByte() <= body.EndByte() {
				finallyCalls = append(finallyCalls, st.finallyNames(p)...)
			}
		}
		child = p
	}
	return inFinally, finallyCalls
}

func (st *fileState) finallyNames(try *sitter.Node) []string {
	for j := 0; j < int(try.NamedChildCount()); j++ {
		if fc := try.NamedChild(j); fc.Type() == "finally_clause" {
			return calledNames(st.text(fc))
		}
	}
	return nil
}

// isDirectValue reports whether a call is the initial value of a variable
// declarator (possibly through a cast or parentheses).
func isDirectValue(n *sitter.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.Type() {
		case "variable_declarator":
			return true
		case "parenthesized_expression", "cast_expression":
			continue
		}
		return false
	}
	return false
}

// assignedName returns the left-hand side name when the call's value is
// assigned (x = call(), Foo.x = call(), this.x = call()).
func assignedName(st *fileState, n *sitter.Node) string {
	p := n.Parent()
	for p != nil && (p.Type() == "parenthesized_expression" || p.Type() == "cast_expression") {
		p = p.Parent()
	}
	if p == nil || p.Type() != "assignment_expression" {
		return ""
	}
	left := p.ChildByFieldName("left")
	if left == nil {
		return ""
	}
	t := removeSpace(st.text(left))
	if isQualifiedName(t) {
		return strings.TrimPrefix(t, "this.")
	}
	return ""
}

func span(n *sitter.Node) facts.Span {
	return facts.Span{Start: int(n.StartByte()), End: int(n.EndByte())}
}

// firstError finds the first ERROR or MISSING node by descending only into
// subtrees that contain one, with a cursor (see eachNamedChild).
func firstError(root *sitter.Node) (Problem, bool) {
	c := sitter.NewTreeCursor(root)
	defer c.Close()
	for steps := 0; steps < 1_000_000; steps++ {
		if !c.GoToFirstChild() {
			return Problem{}, false
		}
		for {
			ch := c.CurrentNode()
			if ch.IsError() || ch.IsMissing() {
				pt := ch.StartPoint()
				what := "syntax error"
				if ch.IsMissing() {
					what = "missing " + ch.Type()
				}
				return Problem{Kind: "syntax", Line: int(pt.Row) + 1,
					Message: fmt.Sprintf("%s at line %d, column %d; the rest of the file was scanned", what, pt.Row+1, pt.Column+1)}, true
			}
			if ch.HasError() {
				break // descend into it
			}
			if !c.GoToNextSibling() {
				return Problem{}, false
			}
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

// backOverSpace steps back from q over whitespace and comments to the
// last character of code.
func backOverSpace(b []byte, q int) int {
	for {
		for q >= 0 && (b[q] == ' ' || b[q] == '\t' || b[q] == '\n' || b[q] == '\r') {
			q--
		}
		if q >= 1 && b[q] == '/' && b[q-1] == '*' {
			if k := bytes.LastIndex(b[:q-1], []byte("/*")); k >= 0 {
				q = k - 1
				continue
			}
		}
		ls := bytes.LastIndexByte(b[:q+1], '\n') + 1
		if k := lineCommentAt(b[ls : q+1]); k >= 0 {
			q = ls + k - 1
			continue
		}
		return q
	}
}

// lineCommentAt returns where a // comment starts in one line of code, or
// -1; a // inside a string literal ("http://...") is not one.
func lineCommentAt(line []byte) int {
	inString := false
	for i := 0; i+1 < len(line); i++ {
		switch c := line[i]; {
		case c == '\\' && inString:
			i++
		case c == '"':
			inString = !inString
		case c == '/' && line[i+1] == '/' && !inString:
			return i
		}
	}
	return -1
}

// methodHas is a text pre-check for the parent walks of buildCall: a call
// can be guarded by a finally block, or sit in a loop, only if its method
// says so somewhere. A call outside any method (a field initialiser is a
// method-like frame too) is always walked.
func (st *fileState) methodHas(method *sitter.Node, word string) bool {
	return st.methodWords(method)&wordBits[word] != 0
}

func (st *fileState) methodHasLoop(method *sitter.Node) bool {
	return st.methodWords(method)&(wordBits["for"]|wordBits["while"]) != 0
}

var wordBits = map[string]uint8{"finally": 1, "for": 2, "while": 4}

// methodWords caches which of the words in wordBits a method's text has.
func (st *fileState) methodWords(method *sitter.Node) uint8 {
	if method == nil {
		return 0xff
	}
	key := method.ID()
	if w, ok := st.words[key]; ok {
		return w
	}
	s, e := int(method.StartByte()), int(method.EndByte())
	var w uint8 = 0xff
	if e <= len(st.src) && s <= e {
		w = 0
		text := st.src[s:e]
		for word, bit := range wordBits {
			if wordInBytes(text, word) {
				w |= bit
			}
		}
	}
	if st.words == nil {
		st.words = map[uintptr]uint8{}
	}
	st.words[key] = w
	return w
}

// wordInBytes is hasWord without converting the text to a string.
func wordInBytes(b []byte, w string) bool { return javatext.WordIn(b, w) }

package javasrc

// #cgo CFLAGS: -O2
// #include "nodes.h"
import "C"

import (
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"unsafe"

	"github.com/kscan/kscan/rules/facts"

	// The binding compiles and links tree-sitter's C library and the Java
	// grammar; nodes.c calls them directly.
	_ "github.com/smacker/go-tree-sitter"
	_ "github.com/smacker/go-tree-sitter/java"
)

// node is one visible node of a syntax tree, laid out as nodes.h's kw_node.
// Nodes sit in a slice in preorder (document order, parents first), so a
// node's subtree is the index range [id, after).
type node struct {
	start, end uint32
	parent     uint32
	after      uint32
	sym        uint16 // index into symKinds and symNames
	field      field
	flags      uint8
}

const (
	flagMissing  = C.KW_MISSING
	flagHasError = C.KW_HAS_ERROR
	noParent     = C.KW_NONE
)

// nodeID indexes a tree's nodes; none is the absent node.
type nodeID int32

const none nodeID = -1

var (
	tablesOnce sync.Once
	tablesErr  error
	// symKinds, symNames and symNamed describe the grammar's symbols,
	// ERROR last. A node's symbol is its public one, which has its alias's
	// name and namedness.
	symKinds []kind
	symNames []string
	symNamed []bool
)

// loadTables maps the grammar's symbols to kinds and its field ids to
// fields, by name, and hands the field map to the walker; and tunes the C
// heap the trees live on, before the first parse (kw_malloc_tune).
func loadTables() {
	C.kw_malloc_tune()
	if unsafe.Sizeof(node{}) != C.sizeof_kw_node || unsafe.Offsetof(node{}.sym) != 16 || unsafe.Offsetof(node{}.flags) != 19 {
		tablesErr = errors.New("javasrc: node layout differs from nodes.h")
		return
	}
	byName := map[string]kind{}
	for k := kind(1); k < kindCount; k++ {
		byName[kindNames[k]] = k
	}
	fieldByName := map[string]field{}
	for f := field(1); f < fieldCount; f++ {
		fieldByName[fieldNames[f]] = f
	}
	nsym := uint32(C.kw_symbol_count())
	symKinds = make([]kind, nsym+1)
	symNames = make([]string, nsym+1)
	symNamed = make([]bool, nsym+1)
	for s := uint32(0); s < nsym; s++ {
		symNames[s] = C.GoString(C.kw_symbol_name(C.uint32_t(s)))
		symKinds[s] = byName[symNames[s]]
		symNamed[s] = C.kw_symbol_named(C.uint32_t(s)) != 0
	}
	symKinds[nsym], symNames[nsym], symNamed[nsym] = kError, "ERROR", true
	nf := uint32(C.kw_field_count()) + 1 // field ids start at 1
	fields := make([]uint8, nf)
	for f := uint32(1); f < nf; f++ {
		if name := C.kw_field_name(C.uint32_t(f)); name != nil {
			fields[f] = uint8(fieldByName[C.GoString(name)])
		}
	}
	if C.kw_set_fields((*C.uint8_t)(unsafe.Pointer(&fields[0])), C.uint32_t(len(fields))) == 0 {
		tablesErr = errors.New("javasrc: out of memory")
	}
}

// maxKeptNodes is the largest node buffer a parser keeps between files
// (1.25 MiB; a source of about 200 KiB needs that many nodes).
const maxKeptNodes = 1 << 16

// parser owns one tree-sitter parser on the C heap.
type parser struct {
	c       *C.kw_parser
	cleanup runtime.Cleanup // frees c if close is never called
	cancel  *uintptr        // the parse's cancellation flag, on the C heap
	nodes   []node          // reused between files
}

func newParser() (*parser, error) {
	tablesOnce.Do(loadTables)
	if tablesErr != nil {
		return nil, tablesErr
	}
	c := C.kw_parser_new()
	if c == nil {
		return nil, errors.New("javasrc: cannot create a parser")
	}
	p := &parser{c: c, cancel: (*uintptr)(unsafe.Pointer(C.kw_cancel_flag(c)))}
	p.cleanup = runtime.AddCleanup(p, func(c *C.kw_parser) { C.kw_parser_delete(c) }, c)
	return p, nil
}

func (p *parser) close() {
	if p.c != nil {
		p.cleanup.Stop()
		C.kw_parser_delete(p.c)
		p.c = nil
	}
}

var errNoMem = errors.New("javasrc: out of memory in the parser")

// parse parses src and returns its nodes, valid until the next parse.
// timeoutMicros bounds the parse (0: none); ErrTimeout when it ran out or
// the cancellation flag was set.
func (p *parser) parse(src []byte, timeoutMicros uint64) ([]node, error) {
	if p.nodes == nil || len(p.nodes) > maxKeptNodes {
		// The buffer of a large file is not kept for the files after it:
		// each worker would hold one as large as the largest file it
		// parsed until the end of its step.
		p.nodes = make([]node, 4096)
	}
	var need C.uint32_t
	var srcp *C.char
	if len(src) > 0 {
		srcp = (*C.char)(unsafe.Pointer(&src[0]))
	}
	n := C.kw_parse(p.c, srcp, C.uint32_t(len(src)), C.uint64_t(timeoutMicros),
		(*C.kw_node)(unsafe.Pointer(&p.nodes[0])), C.uint32_t(len(p.nodes)), &need)
	if n == C.KW_SHORT {
		p.nodes = make([]node, int(need)+int(need)/4)
		n = C.kw_fill(p.c, (*C.kw_node)(unsafe.Pointer(&p.nodes[0])), C.uint32_t(len(p.nodes)), &need)
	}
	switch {
	case n == C.KW_TIMEOUT:
		return nil, ErrTimeout
	case n == C.KW_NOMEM:
		return nil, errNoMem
	case n < 0:
		return nil, fmt.Errorf("javasrc: node walk failed (%d)", int64(n))
	}
	return p.nodes[:n], nil
}

// parseOnly parses src and drops the tree.
func (p *parser) parseOnly(src []byte, timeoutMicros uint64) error {
	var srcp *C.char
	if len(src) > 0 {
		srcp = (*C.char)(unsafe.Pointer(&src[0]))
	}
	var need C.uint32_t
	if C.kw_parse(p.c, srcp, C.uint32_t(len(src)), C.uint64_t(timeoutMicros), nil, 0, &need) == C.KW_TIMEOUT {
		return ErrTimeout
	}
	return nil
}

// hasError parses src and reports whether the tree has a syntax error.
func (p *parser) hasError(src []byte) (bool, error) {
	var srcp *C.char
	if len(src) > 0 {
		srcp = (*C.char)(unsafe.Pointer(&src[0]))
	}
	switch C.kw_has_error(p.c, srcp, C.uint32_t(len(src))) {
	case 0:
		return false, nil
	case 1:
		return true, nil
	}
	return false, ErrTimeout
}

// tree is a parsed file: its nodes and the text they index, as bytes for
// the scans and as one string that every fact's text is a substring of:
// nested expressions' texts overlap, and copying each would cost memory
// growing with the square of the nesting.
type tree struct {
	nodes []node
	src   []byte
	str   string
}

func newTree(nodes []node, src []byte) *tree {
	return &tree{nodes: nodes, src: src, str: string(src)}
}

func (t *tree) kind(n nodeID) kind {
	if n < 0 {
		return kNone
	}
	return symKinds[t.nodes[n].sym]
}

// typeName is the grammar's name of a node's type.
func (t *tree) typeName(n nodeID) string { return symNames[t.nodes[n].sym] }

func (t *tree) named(n nodeID) bool { return symNamed[t.nodes[n].sym] }

func (t *tree) start(n nodeID) int { return int(t.nodes[n].start) }

func (t *tree) end(n nodeID) int { return int(t.nodes[n].end) }

func (t *tree) parent(n nodeID) nodeID {
	if p := t.nodes[n].parent; p != noParent {
		return nodeID(p)
	}
	return none
}

// firstChild is the first child, named or not.
func (t *tree) firstChild(n nodeID) nodeID {
	if c := n + 1; c < nodeID(t.nodes[n].after) {
		return c
	}
	return none
}

// next is the next sibling, named or not.
func (t *tree) next(n nodeID) nodeID {
	p := t.nodes[n].parent
	if a := t.nodes[n].after; p != noParent && a < t.nodes[p].after {
		return nodeID(a)
	}
	return none
}

// childByField is the first child in the given field.
func (t *tree) childByField(n nodeID, f field) nodeID {
	if n < 0 {
		return none
	}
	for c := t.firstChild(n); c >= 0; c = t.next(c) {
		if t.nodes[c].field == f {
			return c
		}
	}
	return none
}

// namedChild is the i-th named child.
func (t *tree) namedChild(n nodeID, i int) nodeID {
	for c := t.firstChild(n); c >= 0; c = t.next(c) {
		if t.named(c) {
			if i == 0 {
				return c
			}
			i--
		}
	}
	return none
}

func (t *tree) nextNamed(n nodeID) nodeID {
	for c := t.next(n); c >= 0; c = t.next(c) {
		if t.named(c) {
			return c
		}
	}
	return none
}

func (t *tree) text(n nodeID) string {
	if n < 0 {
		return ""
	}
	s, e := t.nodes[n].start, t.nodes[n].end
	if int(e) > len(t.str) || s > e {
		return ""
	}
	return t.str[s:e]
}

func (t *tree) span(n nodeID) facts.Span {
	return facts.Span{Start: int(t.nodes[n].start), End: int(t.nodes[n].end)}
}

// namedAt is the smallest named node that covers [s, e), as tree-sitter's
// ts_node_named_descendant_for_byte_range finds it: in preorder, every node
// that covers s is an ancestor of the last node starting at or before s.
func (t *tree) namedAt(s, e int) nodeID {
	ns := t.nodes
	i := sort.Search(len(ns), func(i int) bool { return int(ns[i].start) > s }) - 1
	n := nodeID(i)
	for n >= 0 && !(int(ns[n].end) >= e && int(ns[n].end) > s && int(ns[n].start) <= s) {
		n = t.parent(n)
	}
	for n > 0 && !t.named(n) {
		n = t.parent(n)
	}
	if n < 0 && len(ns) > 0 {
		return 0
	}
	return n
}

package javasrc

import (
	"bytes"

	sitter "github.com/smacker/go-tree-sitter"
)

// declKinds maps the node types of declarations to the handler's kinds.
var declKinds = map[string]string{
	"package_declaration": "package", "import_declaration": "import",
	"class_declaration": "type", "interface_declaration": "type", "enum_declaration": "type",
	"record_declaration": "type", "annotation_type_declaration": "type",
	"method_declaration": "method", "constructor_declaration": "ctor", "compact_constructor_declaration": "ctor",
	"static_initializer": "clinit", "field_declaration": "field", "constant_declaration": "field",
}

// walkDecls visits the declarations of a file by its structure: package,
// imports, types and their members, in document order. It does not walk
// into method bodies or initialisers, which hold most of a file's nodes;
// a member whose text can contain an anonymous or local class is handed to
// stream (the declaration query over just that member) instead.
func (st *fileState) walkDecls(root *sitter.Node, handle func(string, *sitter.Node), stream func(*sitter.Node)) {
	var body func(n *sitter.Node, depth int)
	member := func(m *sitter.Node, depth int) {
		t := m.Type()
		kind, ok := declKinds[t]
		switch {
		case kind == "type":
			handle(kind, m)
			if b := m.ChildByFieldName("body"); b != nil {
				body(b, depth+1)
			}
		case ok:
			if st.mayNest(m) {
				stream(m)
			} else {
				handle(kind, m)
			}
		case t == "enum_body_declarations":
			body(m, depth+1)
		case t == "enum_constant", t == "block":
			// Enum constant bodies and instance initialisers hold methods
			// and classes only through what the query finds in them.
			if st.mayNest(m) || t == "enum_constant" && m.ChildByFieldName("body") != nil {
				stream(m)
			}
		}
	}
	body = func(n *sitter.Node, depth int) {
		if depth > 64 {
			stream(n)
			return
		}
		eachNamedChild(n, func(c *sitter.Node) { member(c, depth) })
	}
	body(root, 0)
}

// eachNamedChild visits a node's named children with a cursor: Child(i)
// and NextSibling walk the parent's children from the start each time, so
// a file of many top-level nodes (a generated file of 100,000 comment
// lines) would cost quadratic time.
func eachNamedChild(n *sitter.Node, fn func(*sitter.Node)) {
	c := sitter.NewTreeCursor(n)
	defer c.Close()
	if !c.GoToFirstChild() {
		return
	}
	for {
		if ch := c.CurrentNode(); ch.IsNamed() {
			fn(ch)
		}
		if !c.GoToNextSibling() {
			return
		}
	}
}

// mayNest reports whether a member's text can declare a class inside it:
// an anonymous class (new T(...) {) or a local class, interface, enum or
// record. False positives only cost a query over the member.
func (st *fileState) mayNest(m *sitter.Node) bool {
	s, e := int(m.StartByte()), int(m.EndByte())
	if e > len(st.src) || s > e {
		return true
	}
	b := st.src[s:e]
	for _, kw := range [][]byte{[]byte("new"), []byte("class"), []byte("interface"), []byte("enum"), []byte("record")} {
		for i := 0; ; {
			j := bytes.Index(b[i:], kw)
			if j < 0 {
				break
			}
			at := i + j
			i = at + len(kw)
			if at > 0 && (isIdentByte(b[at-1]) || b[at-1] == '.') || i < len(b) && isIdentByte(b[i]) {
				continue
			}
			if kw[0] != 'n' {
				return true // a local type declaration (or the word in text: harmless)
			}
			if anonBodyAfter(b, i) {
				return true
			}
		}
	}
	return false
}

// anonBodyAfter reports whether "new" at i is followed by a type, an
// argument list and a class body.
func anonBodyAfter(b []byte, i int) bool {
	// Skip to the argument list's opening parenthesis (type and generics).
	generics := 0
	for i < len(b) && (b[i] != '(' || generics > 0) {
		switch b[i] {
		case '<':
			generics++
		case '>':
			generics--
		case ';', '{':
			return false // statement end or a block
		case '[':
			if generics == 0 {
				return false // an array creation
			}
		}
		i++
	}
	depth := 0
	for ; i < len(b); i++ {
		switch b[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				for i++; i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r'); i++ {
				}
				return i < len(b) && b[i] == '{'
			}
		case '"':
			// a string in the arguments may hold parentheses
			i++
			for i < len(b) && b[i] != '"' && b[i] != '\n' {
				if b[i] == '\\' {
					i++
				}
				i++
			}
		}
	}
	return false
}

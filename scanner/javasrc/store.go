package javasrc

import (
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/kscan/kscan/rules/facts"
)

// storeOf names the variable or field that directly keeps the value of
// expression n: the declarator it initialises or the simple assignment
// whose right side it is, looking through casts and parentheses. The leak
// rules need to tell a pool kept in a field (lives with the object) from
// one passed on or returned (someone else owns it).
func (st *fileState) storeOf(n, method *sitter.Node, classes []*sitter.Node) facts.Store {
	child, p := n, n.Parent()
	for p != nil && (p.Type() == "parenthesized_expression" || p.Type() == "cast_expression") {
		child, p = p, p.Parent()
	}
	if p == nil {
		return facts.Store{}
	}
	switch p.Type() {
	case "variable_declarator":
		v := p.ChildByFieldName("value")
		if v == nil || v.StartByte() != child.StartByte() || v.EndByte() != child.EndByte() {
			return facts.Store{}
		}
		name := st.text(p.ChildByFieldName("name"))
		decl := p.Parent()
		field := decl != nil && (decl.Type() == "field_declaration" || decl.Type() == "constant_declaration")
		return facts.Store{StoredTo: name, StoredToField: field}
	case "assignment_expression":
		op, r := p.ChildByFieldName("operator"), p.ChildByFieldName("right")
		if op == nil || st.text(op) != "=" || r == nil || r.StartByte() != child.StartByte() || r.EndByte() != child.EndByte() {
			return facts.Store{}
		}
		left := removeSpace(st.text(p.ChildByFieldName("left")))
		if rest, ok := strings.CutPrefix(left, "this."); ok {
			if rest != "" && !strings.Contains(rest, ".") {
				return facts.Store{StoredTo: rest, StoredToField: true}
			}
			return facts.Store{}
		}
		if left == "" || !isQualifiedName(left) || strings.Contains(left, ".") {
			return facts.Store{}
		}
		if method != nil && st.mayDeclare(method, left) {
			if _, local := st.declsIn(method, qDecl)[left]; local {
				return facts.Store{StoredTo: left}
			}
		}
		for _, c := range classes {
			if _, ok := st.declsIn(c, qField)[left]; ok {
				return facts.Store{StoredTo: left, StoredToField: true}
			}
		}
		return facts.Store{StoredTo: left}
	}
	return facts.Store{}
}

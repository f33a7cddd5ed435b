package javasrc

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// storeOf names the variable or field that directly keeps the value of
// expression n: the declarator it initialises or the simple assignment
// whose right side it is, looking through casts and parentheses. The leak
// rules need to tell a pool kept in a field (lives with the object) from
// one passed on or returned (someone else owns it).
func (st *fileState) storeOf(n, method nodeID, classes []nodeID) facts.Store {
	child, p := n, st.parent(n)
	for k := st.kind(p); k == kParenthesizedExpression || k == kCastExpression; k = st.kind(p) {
		child, p = p, st.parent(p)
	}
	switch st.kind(p) {
	case kVariableDeclarator:
		v := st.childByField(p, fValue)
		if v < 0 || !st.sameRange(v, child) {
			return facts.Store{}
		}
		name := st.text(st.childByField(p, fName))
		decl := st.kind(st.parent(p))
		return facts.Store{StoredTo: name, StoredToField: decl == kFieldDeclaration || decl == kConstantDeclaration}
	case kAssignmentExpression:
		op, r := st.childByField(p, fOperator), st.childByField(p, fRight)
		if op < 0 || st.text(op) != "=" || r < 0 || !st.sameRange(r, child) {
			return facts.Store{}
		}
		left := removeSpace(st.text(st.childByField(p, fLeft)))
		if rest, ok := strings.CutPrefix(left, "this."); ok {
			if rest != "" && !strings.Contains(rest, ".") {
				return facts.Store{StoredTo: rest, StoredToField: true}
			}
			return facts.Store{}
		}
		if left == "" || !isQualifiedName(left) || strings.Contains(left, ".") {
			return facts.Store{}
		}
		if method >= 0 && st.mayDeclare(method, left) {
			if _, local := st.declsIn(method, typedDecls)[left]; local {
				return facts.Store{StoredTo: left}
			}
		}
		for _, c := range classes {
			if _, ok := st.declsIn(c, fieldDecls)[left]; ok {
				return facts.Store{StoredTo: left, StoredToField: true}
			}
		}
		return facts.Store{StoredTo: left}
	}
	return facts.Store{}
}

// sameRange reports whether two nodes cover the same bytes.
func (t *tree) sameRange(a, b nodeID) bool {
	return t.nodes[a].start == t.nodes[b].start && t.nodes[a].end == t.nodes[b].end
}

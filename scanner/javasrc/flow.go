package javasrc

import (
	"sync"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/java"

	"github.com/kscan/kscan/rules/facts"
)

// localQuery finds, inside one method, every declaration of a name (locals,
// parameters, lambda and catch parameters, resources, loop variables) and
// every plain assignment to one, so that a variable's initialiser is only
// trusted when it is the variable's single value.
const localQuery = `
(variable_declarator name: (identifier) @decl)
(formal_parameter name: (identifier) @decl)
(catch_formal_parameter name: (identifier) @decl)
(enhanced_for_statement name: (identifier) @decl)
(resource name: (identifier) @decl)
(inferred_parameters (identifier) @decl)
(lambda_expression parameters: (identifier) @decl)
(assignment_expression left: (identifier) @assigned)
(update_expression (identifier) @assigned)
`

var (
	localOnce sync.Once
	qLocal    *sitter.Query
	localErr  error
)

// localDecl is one name's single declaration in a method, nil value when it
// is ambiguous (declared twice, assigned, or declared without a value).
type localDecl struct {
	value *sitter.Node
	after uint32 // uses must start after the declaration ends
}

// localsIn indexes the single-valued locals of a method node, once.
func (st *fileState) localsIn(method *sitter.Node) map[string]localDecl {
	if st.locals == nil {
		st.locals = map[uintptr]map[string]localDecl{}
	}
	key := method.ID()
	if m, ok := st.locals[key]; ok {
		return m
	}
	m := map[string]localDecl{}
	st.locals[key] = m
	localOnce.Do(func() { qLocal, localErr = sitter.NewQuery([]byte(localQuery), java.GetLanguage()) })
	if localErr != nil {
		return m
	}
	qc := sitter.NewQueryCursor()
	defer qc.Close()
	qc.Exec(qLocal, method)
	seen := map[string]bool{}
	for {
		match, ok := qc.NextMatch()
		if !ok {
			break
		}
		for _, c := range match.Captures {
			name := st.text(c.Node)
			if qLocal.CaptureNameForId(c.Index) == "assigned" || seen[name] {
				m[name] = localDecl{}
				seen[name] = true
				continue
			}
			seen[name] = true
			p := c.Node.Parent()
			var v *sitter.Node
			if p != nil && (p.Type() == "variable_declarator" || p.Type() == "resource") {
				v = p.ChildByFieldName("value")
			}
			if v == nil {
				m[name] = localDecl{}
				continue
			}
			m[name] = localDecl{value: v, after: p.EndByte()}
		}
	}
	return m
}

// localInit classifies the initialiser of the local variable that the
// identifier n denotes (facts.Expr.Local), or returns nil.
func (st *fileState) localInit(n *sitter.Node, pc pendingCall, depth int) *facts.Expr {
	if pc.method == nil || depth > 4 {
		return nil
	}
	name := st.text(n)
	if name == "" || !st.mayDeclare(pc.method, name) { // "" is a MISSING node in broken code
		return nil
	}
	d, ok := st.localsIn(pc.method)[name]
	if !ok || d.value == nil || n.StartByte() < d.after {
		return nil
	}
	x := st.expr(d.value, pc, depth+1, true)
	return &x
}

// nullBranch finds the branch taken when the call n, compared to null,
// returns null: the consequence of "if (c == null)" (also "a || c == null")
// or the alternative of "if (c != null)" (also "a && c != null"); the same
// for conditional expressions. Loops are not branches: a parent-chain walk
// is no substitution.
func (st *fileState) nullBranch(n *sitter.Node) *facts.Span {
	cmp := n.Parent()
	if cmp == nil || cmp.Type() != "binary_expression" {
		return nil
	}
	op := cmp.ChildByFieldName("operator")
	if op == nil {
		return nil
	}
	whenTrue := st.text(op) == "==" // the comparison is true when the call is null
	cur := cmp
	for p, i := cmp.Parent(), 0; p != nil && i < 32; p, i = p.Parent(), i+1 {
		switch p.Type() {
		case "parenthesized_expression":
		case "unary_expression":
			if o := p.ChildByFieldName("operator"); o == nil || st.text(o) != "!" {
				return nil
			}
			whenTrue = !whenTrue
		case "binary_expression":
			o := p.ChildByFieldName("operator")
			if o == nil {
				return nil
			}
			// Only connectives whose value the null comparison decides alone.
			switch st.text(o) {
			case "||":
				if !whenTrue {
					return nil
				}
			case "&&":
				if whenTrue {
					return nil
				}
			default:
				return nil
			}
		case "if_statement", "ternary_expression":
			if c := p.ChildByFieldName("condition"); c == nil || c.ID() != cur.ID() {
				return nil
			}
			b := p.ChildByFieldName("alternative")
			if whenTrue {
				b = p.ChildByFieldName("consequence")
			}
			if b == nil {
				return nil
			}
			s := span(b)
			return &s
		default:
			return nil
		}
		cur = p
	}
	return nil
}

// inLoop reports whether n sits in a loop of its own method body.
func inLoop(n *sitter.Node) bool {
	for p, i := n.Parent(), 0; p != nil && i < 256; p, i = p.Parent(), i+1 {
		switch p.Type() {
		case "for_statement", "enhanced_for_statement", "while_statement", "do_statement":
			return true
		case "method_declaration", "constructor_declaration", "lambda_expression", "class_body", "static_initializer":
			return false
		}
	}
	return false
}

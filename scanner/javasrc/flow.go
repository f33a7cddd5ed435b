package javasrc

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// localDecl is one name's single declaration in a method, no value when it
// is ambiguous (declared twice, assigned, or declared without a value).
type localDecl struct {
	value nodeID
	after int // uses must start after the declaration ends
}

var noLocal = localDecl{value: none}

// localsIn indexes the single-valued locals of a method node from its
// tree, once: every declaration of a name (locals, parameters, lambda and
// catch parameters, resources, loop variables) and every plain assignment
// to one, so that a variable's initialiser is only trusted when it is the
// variable's single value. localOf answers the same from the text.
func (st *fileState) localsIn(method nodeID) map[string]localDecl {
	if st.locals == nil {
		st.locals = map[nodeID]map[string]localDecl{}
	}
	if m, ok := st.locals[method]; ok {
		return m
	}
	m := map[string]localDecl{}
	st.locals[method] = m
	seen := map[string]bool{}
	st.localNamesIn(method, func(id nodeID, assigned bool) {
		name := st.text(id)
		if assigned || seen[name] {
			m[name] = noLocal
			seen[name] = true
			return
		}
		seen[name] = true
		p := st.parent(id)
		v := none
		if k := st.kind(p); k == kVariableDeclarator || k == kResource {
			v = st.childByField(p, fValue)
		}
		if v < 0 {
			m[name] = noLocal
			return
		}
		m[name] = localDecl{value: v, after: st.end(p)}
	})
	return m
}

// localInit classifies the initialiser of the local variable that the
// identifier n denotes (facts.Expr.Local), or returns nil.
func (st *fileState) localInit(n nodeID, pc pendingCall, depth int) *facts.Expr {
	if pc.method < 0 || depth > 4 {
		return nil
	}
	name := st.text(n)
	if name == "" || !st.mayDeclare(pc.method, name) { // "" is a MISSING node in broken code
		return nil
	}
	var d localDecl
	var ok bool
	if st.e.localQuery {
		d, ok = st.localsIn(pc.method)[name]
	} else {
		d, ok = st.localOf(pc.method, name)
	}
	if !ok || d.value < 0 || st.start(n) < d.after {
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
func (st *fileState) nullBranch(n nodeID) *facts.Span {
	cmp := st.parent(n)
	if st.kind(cmp) != kBinaryExpression {
		return nil
	}
	op := st.childByField(cmp, fOperator)
	if op < 0 {
		return nil
	}
	whenTrue := st.text(op) == "==" // the comparison is true when the call is null
	cur := cmp
	for p, i := st.parent(cmp), 0; p >= 0 && i < 32; p, i = st.parent(p), i+1 {
		switch st.kind(p) {
		case kParenthesizedExpression:
		case kUnaryExpression:
			if o := st.childByField(p, fOperator); o < 0 || st.text(o) != "!" {
				return nil
			}
			whenTrue = !whenTrue
		case kBinaryExpression:
			o := st.childByField(p, fOperator)
			if o < 0 {
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
		case kIfStatement, kTernaryExpression:
			if c := st.childByField(p, fCondition); c != cur {
				return nil
			}
			b := st.childByField(p, fAlternative)
			if whenTrue {
				b = st.childByField(p, fConsequence)
			}
			if b < 0 {
				return nil
			}
			s := st.span(b)
			return &s
		default:
			return nil
		}
		cur = p
	}
	return nil
}

// inLoop reports whether n sits in a loop of its own method body.
func (st *fileState) inLoop(n nodeID) bool {
	for p, i := st.parent(n), 0; p >= 0 && i < 256; p, i = st.parent(p), i+1 {
		switch st.kind(p) {
		case kForStatement, kEnhancedForStatement, kWhileStatement, kDoStatement:
			return true
		case kMethodDeclaration, kConstructorDeclaration, kLambdaExpression, kClassBody, kStaticInitializer:
			return false
		}
	}
	return false
}

// localOf answers what localsIn answers for one name, from the method's
// text: the name's single declaration with a value, provided the method
// neither declares it again (parameter, lambda, catch, loop, resource)
// nor assigns it. Only the declarator is looked up in the tree.
func (st *fileState) localOf(method nodeID, name string) (localDecl, bool) {
	key := localKey{method, name}
	if d, ok := st.localCache[key]; ok {
		return d.decl, d.ok
	}
	d, ok := st.scanLocal(method, name)
	if st.localCache == nil {
		st.localCache = map[localKey]localResult{}
	}
	st.localCache[key] = localResult{d, ok}
	return d, ok
}

type localKey struct {
	method nodeID
	name   string
}

type localResult struct {
	decl localDecl
	ok   bool
}

func (st *fileState) scanLocal(method nodeID, name string) (localDecl, bool) {
	start := st.start(method)
	b := st.nodeBytes(method)
	if b == nil {
		return noLocal, false
	}
	skip := nonCode(b)
	decls, withValue := 0, -1
	for at := nextWord(b, name, 0); at >= 0; at = nextWord(b, name, at+1) {
		if inRanges(skip, at) {
			continue // in a comment or a literal
		}
		if at > 0 && b[at-1] == '.' {
			continue // a member of something
		}
		if at >= 2 && (b[at-1] == '+' && b[at-2] == '+' || b[at-1] == '-' && b[at-2] == '-') {
			return noLocal, true // assigned
		}
		n := skipSpace(b, at+len(name))
		// C-style array declarators: "String names[] = ...".
		for n+1 < len(b) && b[n] == '[' && b[n+1] == ']' {
			for n += 2; n < len(b) && (b[n] == ' ' || b[n] == '\t'); n++ {
			}
		}
		next := byte(0)
		if n < len(b) {
			next = b[n]
		}
		var after byte
		if n+1 < len(b) {
			after = b[n+1]
		}
		if _, isDecl := typeBefore(b, at); isDecl {
			decls++
			if next == '=' && after != '=' {
				withValue = at
			}
			continue
		}
		switch {
		case next == '-' && after == '>', next == ',' && lambdaParams(b, n), next == ')' && lambdaParams(b, n):
			decls++ // a lambda parameter
		case next == '=' && after != '=':
			return noLocal, true // assigned
		case strings.ContainsRune("+-*/%&|^", rune(next)) && after == '=':
			return noLocal, true
		case (next == '+' || next == '-') && after == next:
			return noLocal, true
		case (next == '<' || next == '>') && after == next:
			// a shift, or a compound shift assignment
			if n+2 < len(b) && b[n+2] == '=' || n+3 < len(b) && b[n+2] == '>' && b[n+3] == '=' {
				return noLocal, true
			}
		}
	}
	if decls == 0 {
		return noLocal, false
	}
	if decls > 1 || withValue < 0 {
		return noLocal, true
	}
	off := start + withValue
	id := st.namedAt(off, off+len(name))
	if id < 0 || st.start(id) != off {
		return noLocal, true
	}
	p := st.parent(id)
	if k := st.kind(p); k != kVariableDeclarator && k != kResource {
		return noLocal, true
	}
	v := st.childByField(p, fValue)
	if v < 0 {
		return noLocal, true
	}
	return localDecl{value: v, after: st.end(p)}, true
}

// lambdaParams reports whether the parenthesised list around position n
// ends in ") ->": the name is a lambda parameter.
func lambdaParams(b []byte, n int) bool {
	i := n
	for i < len(b) && b[i] != ')' {
		if !(isIdentByte(b[i]) || b[i] == ',' || isSpace(b[i])) {
			return false
		}
		i++
	}
	i = skipSpace(b, i+1)
	return i+1 < len(b) && b[i] == '-' && b[i+1] == '>'
}

// nonCode lists the comment and literal ranges of a piece of source.
func nonCode(b []byte) [][2]int {
	var out [][2]int
	lexJava(b, nil, func(i, j int) { out = append(out, [2]int{i, j}) }, nil)
	return out
}

func inRanges(rs [][2]int, at int) bool {
	lo, hi := 0, len(rs)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case at < rs[m][0]:
			hi = m
		case at >= rs[m][1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// inSpans reports whether at falls in one of the sorted, disjoint spans.
func inSpans(ss []facts.Span, at int) bool {
	lo, hi := 0, len(ss)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case at < ss[m].Start:
			hi = m
		case at >= ss[m].End:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

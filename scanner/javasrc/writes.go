package javasrc

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

type pendingWrite struct {
	node    nodeID // the written expression (left-hand side or ++ operand)
	kind    facts.WriteKind
	ctx     facts.Context
	method  nodeID
	classes []nodeID
}

// writeAt returns the written expression (the assignment's left side or
// the ++/-- operand), the assignment or update node, and the write kind,
// or nones when the site is not a write.
func (st *fileState) writeAt(s site) (nodeID, nodeID, facts.WriteKind) {
	n := st.namedAt(s.at, s.end)
	if st.kind(n) != kIdentifier || st.start(n) != s.at {
		return none, none, 0
	}
	target := n
	if p := st.parent(n); st.kind(p) == kFieldAccess {
		if f := st.childByField(p, fField); f < 0 || st.start(f) != s.at {
			return none, none, 0
		}
		target = p
	}
	p := st.parent(target)
	if st.kind(p) == kArrayAccess {
		if a := st.childByField(p, fArray); a < 0 || st.start(a) != st.start(target) {
			return none, none, 0
		}
		target = p
		p = st.parent(p)
	}
	switch st.kind(p) {
	case kAssignmentExpression:
		if l := st.childByField(p, fLeft); l < 0 || !st.sameRange(l, target) {
			return none, none, 0
		}
		return target, p, facts.WriteAssign
	case kUpdateExpression:
		return target, p, facts.WriteIncrement
	}
	return none, none, 0
}

// fieldTarget reads a write target as a field: NAME, this.NAME (instance:
// dropped), Type.NAME, and the base of an array store.
func (st *fileState) fieldTarget(n nodeID, class string) (owner, name string, qualified, ok bool) {
	switch st.kind(n) {
	case kIdentifier:
		return class, st.text(n), false, true
	case kFieldAccess:
		obj, fld := st.childByField(n, fObject), st.childByField(n, fField)
		if obj < 0 || fld < 0 || st.kind(obj) == kThis || st.kind(obj) == kSuper {
			return "", "", false, false
		}
		q := removeSpace(st.text(obj))
		if !isQualifiedName(q) || isLowerStart(q[strings.LastIndexByte(q, '.')+1:]) {
			return "", "", false, false // a variable's field, not a type's
		}
		t := st.resolveType(q)
		if t == "" {
			t = q
		}
		return t, st.text(fld), true, true
	}
	return "", "", false, false
}

func (st *fileState) buildWrite(pw pendingWrite) (facts.Write, bool) {
	n := pw.node
	kind := pw.kind
	if st.kind(n) == kArrayAccess {
		n, kind = st.childByField(n, fArray), facts.WriteArrayStore
		if n < 0 {
			return facts.Write{}, false
		}
	}
	owner, name, qualified, ok := st.fieldTarget(n, pw.ctx.Class)
	if !ok || name == "" {
		return facts.Write{}, false
	}
	if !qualified {
		// A simple name writes a static field only when an enclosing class
		// declares one by that name and no local variable shadows it.
		if owner = st.staticOwner(name, pw.classes); owner == "" || st.shadowed(pw.method, name) {
			return facts.Write{}, false
		}
	}
	p := st.parent(pw.node)
	w := facts.Write{Kind: kind, Owner: owner, Name: name, Qualified: qualified, Context: pw.ctx}
	if p >= 0 {
		w.Span = st.span(p)
	}
	if st.kind(p) == kAssignmentExpression {
		if op := st.childByField(p, fOperator); op >= 0 && st.text(op) != "=" {
			if w.Kind == facts.WriteAssign {
				w.Kind = facts.WriteCompound
			}
		}
		if r := st.childByField(p, fRight); r >= 0 {
			x := st.expr(r, pendingCall{node: p, ctx: pw.ctx, method: pw.method, classes: pw.classes}, 0, false)
			w.Value = &x
		}
		if w.Kind == facts.WriteAssign {
			w.NullGuarded = st.nullGuarded(p, name)
		}
	}
	return w, true
}

// shadowed reports whether the method declares a local of this name.
func (st *fileState) shadowed(method nodeID, name string) bool {
	if method < 0 || !st.mayDeclare(method, name) {
		return false
	}
	_, local := st.declsIn(method, typedDecls)[name]
	return local
}

// nullGuarded reports whether n sits in the then-branch of an
// "if (NAME == null)" (also "null == NAME", Type.NAME, this.NAME, and
// conjunctions) within its method: the lazy-initialisation idiom.
func (st *fileState) nullGuarded(n nodeID, name string) bool {
	child := n
	for p, i := st.parent(n), 0; p >= 0 && i < 64; p, i = st.parent(p), i+1 {
		switch st.kind(p) {
		case kMethodDeclaration, kConstructorDeclaration, kLambdaExpression, kClassBody, kStaticInitializer:
			return false
		case kIfStatement:
			cond, then := st.childByField(p, fCondition), st.childByField(p, fConsequence)
			if cond >= 0 && then >= 0 && st.encloses(then, child) && testsNull(removeSpace(st.text(cond)), name) {
				return true
			}
		}
		child = p
	}
	return false
}

// testsNull reports whether cond (spaces removed) contains NAME==null or
// null==NAME, NAME possibly qualified (this.NAME, Type.NAME).
func testsNull(cond, name string) bool {
	for start := nextWord(cond, name, 0); start >= 0; start = nextWord(cond, name, start+1) {
		if strings.HasPrefix(cond[start+len(name):], "==null") {
			return true
		}
		k := start // walk back over a qualifier: this.NAME, Type.NAME
		for k > 0 && (isIdentByte(cond[k-1]) || cond[k-1] == '.') {
			k--
		}
		if strings.HasSuffix(cond[:k], "null==") {
			return true
		}
	}
	return false
}

// staticOwner finds the enclosing class that declares a static field of
// this name, innermost first.
func (st *fileState) staticOwner(name string, classes []nodeID) string {
	for _, c := range classes {
		bin := st.binaryNameOf(c)
		if st.statics[bin][name] {
			return bin
		}
	}
	return ""
}

// binaryNameOf maps a type declaration node back to its binary name.
func (st *fileState) binaryNameOf(n nodeID) string {
	for _, td := range st.f.TypeDecls {
		if td.Decl.Start == st.start(n) && td.Decl.End == st.end(n) {
			return td.Name
		}
	}
	return ""
}

// mutatorWrite turns a mutator call on a static field (CACHE.put(k, v),
// Other.LIST.add(x)) into a Write.
func (st *fileState) mutatorWrite(c *facts.Call, pc pendingCall) (facts.Write, bool) {
	if !facts.Mutators[c.Name] || c.Recv.Text == "" {
		return facts.Write{}, false
	}
	obj := st.childByField(pc.node, fObject)
	if obj < 0 {
		return facts.Write{}, false
	}
	owner, name, qualified, ok := st.fieldTarget(obj, pc.ctx.Class)
	if !ok {
		return facts.Write{}, false
	}
	if !qualified {
		if owner = st.staticOwner(name, pc.classes); owner == "" || st.shadowed(pc.method, name) {
			return facts.Write{}, false
		}
	}
	return facts.Write{Kind: facts.WriteCall, Owner: owner, Name: name, Qualified: qualified, Method: c.Name,
		Args: c.Args, Span: c.Span, Context: c.Context}, true
}

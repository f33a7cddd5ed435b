package javasrc

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// buildCall resolves one invocation.
func (st *fileState) buildCall(pc pendingCall) facts.Call {
	n := pc.node
	nm := st.childByField(n, fName)
	c := facts.Call{
		Name:    st.text(nm),
		Span:    st.span(n),
		Context: pc.ctx,
	}
	if nm >= 0 {
		c.NameSpan = st.span(nm)
	}
	obj := st.childByField(n, fObject)
	if obj < 0 {
		// Unqualified: a static import, else a method of this class.
		if owner, ok := st.sSingle[c.Name]; ok {
			c.Owner, c.Static = owner, true
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
	if args := st.childByField(n, fArguments); args >= 0 {
		c.ArgsSpan = st.span(args)
		c.Args = st.args(args, pc)
	}
	if pc.field && st.isDirectValue(n) {
		c.StoredToStatic = true
	} else if lhs := st.assignedName(n); lhs != "" && st.isStaticField(pc.ctx.Class, lhs) {
		c.StoredToStatic = true
	}
	if st.methodHas(pc.method, wordFinally) {
		c.InFinally, c.FinallyCalls = st.tryContext(n)
	}
	c.ComparedToNull = st.comparedToNull(n)
	if c.ComparedToNull {
		c.NullBranch = st.nullBranch(n)
	}
	c.InLoop = st.methodHas(pc.method, wordFor|wordWhile) && st.inLoop(n)
	c.Store = st.storeOf(n, pc.method, pc.classes)
	return c
}

// comparedToNull reports "call == null" and "call != null".
func (st *fileState) comparedToNull(n nodeID) bool {
	p := st.parent(n)
	if st.kind(p) != kBinaryExpression {
		return false
	}
	op := st.childByField(p, fOperator)
	if op < 0 || (st.text(op) != "==" && st.text(op) != "!=") {
		return false
	}
	return st.kind(st.childByField(p, fLeft)) == kNullLiteral || st.kind(st.childByField(p, fRight)) == kNullLiteral
}

func (st *fileState) buildNew(pn pendingNew) facts.New {
	n := pn.node
	nw := facts.New{Span: st.span(n), Context: pn.ctx, InLoop: st.methodHas(pn.method, wordFor|wordWhile) && st.inLoop(n)}
	nw.Type = st.resolveType(st.text(pn.typ))
	if nw.Type == "" {
		nw.Type = cleanType(st.text(pn.typ))
	}
	pc := pendingCall{node: n, ctx: pn.ctx, method: pn.method, classes: pn.classes}
	for ch := st.firstChild(n); ch >= 0; ch = st.next(ch) {
		switch st.kind(ch) {
		case kArgumentList:
			nw.Args = st.args(ch, pc)
		case kClassBody:
			nw.Anonymous = true
		}
	}
	nw.Store = st.storeOf(n, pn.method, pn.classes)
	return nw
}

func (st *fileState) args(list nodeID, pc pendingCall) []facts.Expr {
	var out []facts.Expr
	for a := st.firstChild(list); a >= 0; a = st.next(a) {
		switch k := st.kind(a); {
		case !st.named(a), k == kLineComment, k == kBlockComment:
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
func (st *fileState) expr(n nodeID, pc pendingCall, depth int, recv bool) facts.Expr {
	x := facts.Expr{Text: st.text(n), Span: st.span(n)}
	if depth > st.e.maxDepth {
		return x
	}
	switch st.kind(n) {
	case kStringLiteral:
		x.Kind, x.Type = facts.ExprString, "java.lang.String"
		x.Value = unquote(x.Text)
	case kClassLiteral:
		x.Kind, x.Type = facts.ExprClass, "java.lang.Class"
		if t := st.namedChild(n, 0); t >= 0 {
			x.Value = st.resolveType(st.text(t))
			if x.Value == "" {
				x.Value = cleanType(st.text(t))
			}
		}
	case kNullLiteral:
		x.Kind, x.Loader = facts.ExprNull, facts.LoaderNull
	case kTrue, kFalse, kDecimalIntegerLiteral, kHexIntegerLiteral, kOctalIntegerLiteral,
		kBinaryIntegerLiteral, kDecimalFloatingPointLiteral, kHexFloatingPointLiteral, kCharacterLiteral:
		x.Kind = facts.ExprLiteral
	case kIdentifier:
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
	case kFieldAccess, kScopedIdentifier:
		x.Kind = facts.ExprName
		if !isQualifiedName(x.Text) {
			x.Kind = facts.ExprOther
			break
		}
		if !recv {
			break
		}
		q := removeSpace(x.Text)
		first, rest, _ := strings.Cut(q, ".")
		if first == "this" {
			if t, ok := st.lookupVar(rest, none, pc.classes); ok && !strings.Contains(rest, ".") {
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
		if dot := strings.LastIndexByte(q, '.'); dot > 0 {
			if owner := st.resolveType(q[:dot]); owner != "" {
				x.Field = &facts.CallRef{Owner: owner, Name: q[dot+1:]}
				x.Type = staticFieldTypes[owner+"."+q[dot+1:]]
			}
		}
	case kThis:
		x.Kind, x.Type = facts.ExprName, pc.ctx.Class
	case kMethodInvocation:
		x.Kind = facts.ExprCall
		x.Call, x.Type = st.callRef(n, pc, depth+1)
		x.Loader = st.loaderOfCall(x.Call, n)
	case kObjectCreationExpression:
		x.Kind = facts.ExprNew
		if t := st.childByField(n, fType); t >= 0 {
			x.Type = st.resolveType(st.text(t))
		}
	case kLambdaExpression, kMethodReference:
		x.Kind = facts.ExprLambda
	case kBinaryExpression:
		x.Kind = facts.ExprConcat
	case kTernaryExpression:
		x.Kind = facts.ExprConditional
	case kParenthesizedExpression:
		if in := st.namedChild(n, 0); in >= 0 {
			inner := st.expr(in, pc, depth+1, recv)
			inner.Text, inner.Span = x.Text, x.Span
			return inner
		}
	case kCastExpression:
		if t := st.childByField(n, fType); t >= 0 {
			x.Type = st.resolveType(st.text(t))
			x.Loader = loaderOfType(x.Type)
		}
	}
	return x
}

// callRef resolves the owner of a call used as an expression and the type
// it returns, as far as the JDK return-type table knows.
func (st *fileState) callRef(n nodeID, pc pendingCall, depth int) (*facts.CallRef, string) {
	name := st.text(st.childByField(n, fName))
	ref := &facts.CallRef{Name: name}
	obj := st.childByField(n, fObject)
	switch {
	case obj < 0:
		if owner, ok := st.sSingle[name]; ok {
			ref.Owner = owner
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

// loaderOfCall recognises the ClassLoader expressions of the class-loading
// rules (docs/rules.md): the system loader, the thread's context loader,
// and a class's own loader.
func (st *fileState) loaderOfCall(ref *facts.CallRef, n nodeID) facts.Loader {
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
		obj := st.childByField(n, fObject)
		switch st.kind(obj) {
		case kNone:
			return facts.LoaderOther
		case kClassLiteral:
			return facts.LoaderOwn
		case kMethodInvocation:
			if st.text(st.childByField(obj, fName)) == "getClass" {
				inner := st.childByField(obj, fObject)
				if inner < 0 || st.kind(inner) == kThis {
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

// tryContext reports whether n is inside a finally block, and the names of
// methods called in the finally blocks of try statements that guard n:
// those whose body encloses n, and one that directly follows n's statement
// (the "set; try { ... } finally { restore; }" idiom).
func (st *fileState) tryContext(n nodeID) (inFinally bool, finallyCalls []string) {
	child := n
	stmtSeen := false
	for p, i := st.parent(n), 0; p >= 0 && i < 256; p, i = st.parent(p), i+1 {
		k := st.kind(p)
		if !stmtSeen && (k == kExpressionStatement || k == kLocalVariableDeclaration) {
			stmtSeen = true
			for s, j := st.nextNamed(p), 0; s >= 0 && j < 4; s, j = st.nextNamed(s), j+1 {
				if st.kind(s) == kTryStatement {
					finallyCalls = append(finallyCalls, st.finallyNames(s)...)
					break
				}
			}
		}
		switch k {
		case kMethodDeclaration, kConstructorDeclaration, kLambdaExpression, kClassBody, kStaticInitializer:
			return inFinally, finallyCalls
		case kFinallyClause:
			inFinally = true
		case kTryStatement, kTryWithResourcesStatement:
			if body := st.childByField(p, fBody); body >= 0 && st.encloses(body, child) {
				finallyCalls = append(finallyCalls, st.finallyNames(p)...)
			}
		}
		child = p
	}
	return inFinally, finallyCalls
}

// encloses reports whether outer's range covers inner's.
func (t *tree) encloses(outer, inner nodeID) bool {
	return t.nodes[outer].start <= t.nodes[inner].start && t.nodes[inner].end <= t.nodes[outer].end
}

func (st *fileState) finallyNames(try nodeID) []string {
	for fc := st.firstChild(try); fc >= 0; fc = st.next(fc) {
		if st.kind(fc) == kFinallyClause {
			return calledNames(st.text(fc))
		}
	}
	return nil
}

// isDirectValue reports whether a call is the initial value of a variable
// declarator (possibly through a cast or parentheses).
func (st *fileState) isDirectValue(n nodeID) bool {
	for p := st.parent(n); p >= 0; p = st.parent(p) {
		switch st.kind(p) {
		case kVariableDeclarator:
			return true
		case kParenthesizedExpression, kCastExpression:
			continue
		}
		return false
	}
	return false
}

// assignedName returns the left-hand side name when the call's value is
// assigned (x = call(), Foo.x = call(), this.x = call()).
func (st *fileState) assignedName(n nodeID) string {
	p := st.parent(n)
	for k := st.kind(p); k == kParenthesizedExpression || k == kCastExpression; k = st.kind(p) {
		p = st.parent(p)
	}
	if st.kind(p) != kAssignmentExpression {
		return ""
	}
	left := st.childByField(p, fLeft)
	if left < 0 {
		return ""
	}
	t := removeSpace(st.text(left))
	if isQualifiedName(t) {
		return strings.TrimPrefix(t, "this.")
	}
	return ""
}

// Words whose absence from a method's text spares a parent walk for each
// call in it: a call can be guarded by a finally block, or sit in a loop,
// only if its method says so somewhere.
const (
	wordFinally uint8 = 1 << iota
	wordFor
	wordWhile
)

// methodHas reports whether a method's text has one of the words. A call
// outside any method (a field initialiser is a method-like frame too) is
// always walked.
func (st *fileState) methodHas(method nodeID, words uint8) bool {
	if method < 0 {
		return true
	}
	w, ok := st.words[method]
	if !ok {
		w = 0xff
		if text := st.nodeBytes(method); text != nil {
			w = 0
			for word, bit := range map[string]uint8{"finally": wordFinally, "for": wordFor, "while": wordWhile} {
				if nextWord(text, word, 0) >= 0 {
					w |= bit
				}
			}
		}
		if st.words == nil {
			st.words = map[nodeID]uint8{}
		}
		st.words[method] = w
	}
	return w&words != 0
}

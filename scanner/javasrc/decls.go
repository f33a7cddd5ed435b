package javasrc

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// declKind is what a node declares, as the declaration pass tells them
// apart.
type declKind uint8

const (
	declNone declKind = iota
	declPackage
	declImport
	declType
	declAnon // the class body of an anonymous class
	declMethod
	declCtor
	declClinit
	declField
)

// declKindOf classifies a node for the declaration pass; the same node
// types that the declaration patterns of query.go capture.
func (t *tree) declKindOf(n nodeID) declKind {
	switch t.kind(n) {
	case kPackageDeclaration:
		return declPackage
	case kImportDeclaration:
		return declImport
	case kClassDeclaration, kInterfaceDeclaration, kEnumDeclaration, kRecordDeclaration, kAnnotationTypeDeclaration:
		return declType
	case kClassBody:
		if t.kind(t.parent(n)) == kObjectCreationExpression {
			return declAnon
		}
	case kMethodDeclaration:
		return declMethod
	case kConstructorDeclaration, kCompactConstructorDeclaration:
		return declCtor
	case kStaticInitializer:
		return declClinit
	case kFieldDeclaration, kConstantDeclaration:
		return declField
	}
	return declNone
}

type pendingType struct {
	node nodeID
	name string
}

type pendingField struct {
	node    nodeID
	mods    nodeID
	ctx     facts.Context
	classes []nodeID
	// Filled by indexField.
	typeText string
	decls    []declarator
}

type declarator struct {
	node, name nodeID
}

// declPass is what the pass over the node array collects.
type declPass struct {
	frames      []frame // every declaration frame, in document order
	types       []pendingType
	fields      []pendingField
	invocations []nodeID     // every method invocation (Interest.AllCalls)
	skipped     []facts.Span // declarations nested too deep, left out
	deep        facts.Span   // the first of them
}

// declarations visits the file's nodes once, in document order: package,
// imports, types and their members, with the frames that give later facts
// their context. Declarations nested deeper than maxNest are skipped whole.
func (st *fileState) declarations() declPass {
	var (
		d       declPass
		stack   []frame
		anonSeq = map[string]int{}
	)
	push := func(f frame) {
		d.frames = append(d.frames, f)
		stack = append(stack, f)
	}
	all := st.e.interest.AllCalls
	for n := nodeID(0); n < nodeID(len(st.nodes)); n++ {
		if n&1023 == 0 {
			st.stop.check()
		}
		dk := st.declKindOf(n)
		if dk == declNone {
			if all && st.kind(n) == kMethodInvocation {
				d.invocations = append(d.invocations, n)
			}
			continue
		}
		start := st.nodes[n].start
		for len(stack) > 0 && stack[len(stack)-1].end <= start {
			stack = stack[:len(stack)-1]
		}
		if len(stack) >= st.e.maxNest {
			s := st.span(n)
			if d.deep.End == 0 {
				d.deep = s
			}
			d.skipped = append(d.skipped, s)
			n = nodeID(st.nodes[n].after) - 1
			continue
		}
		fr := frame{start: start, end: st.nodes[n].end, node: n}
		switch dk {
		case declPackage:
			st.f.Package = declName(st.text(n), "package")
		case declImport:
			st.addImport(st.text(n))
		case declType:
			name := st.text(st.childByField(n, fName))
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
			d.types = append(d.types, pendingType{node: n, name: bin})
			st.typeNames[n] = bin
			fr.kind, fr.name = 't', bin
			push(fr)
		case declAnon:
			outer := outermostType(stack)
			anonSeq[outer]++
			bin := fmt.Sprintf("%s$%d", outer, anonSeq[outer])
			st.typeNames[n] = bin
			fr.kind, fr.name = 't', bin
			push(fr)
		case declMethod:
			mods := st.modifiers(n)
			static := mods >= 0 && hasWord(st.text(mods), "static")
			name := st.text(st.childByField(n, fName))
			st.addMethod(n, mods, enclosingType(stack), name, static)
			fr.kind, fr.name, fr.static, fr.main = 'm', name, static, static && name == "main"
			push(fr)
		case declCtor:
			st.addMethod(n, st.modifiers(n), enclosingType(stack), "<init>", false)
			fr.kind, fr.name = 'm', "<init>"
			push(fr)
		case declClinit:
			st.f.StaticInits = append(st.f.StaticInits, st.span(n))
			fr.kind, fr.name, fr.static = 'm', "<clinit>", true
			push(fr)
		case declField:
			mods := st.modifiers(n)
			// Interface constants are implicitly static and final.
			constant := st.kind(n) == kConstantDeclaration
			static := constant || mods >= 0 && hasWord(st.text(mods), "static")
			if static {
				st.addStatics(n, enclosingType(stack), constant || mods >= 0 && hasWord(st.text(mods), "final"))
			}
			d.fields = append(d.fields, pendingField{node: n, mods: mods, ctx: st.context(stack, n), classes: enclosingTypes(stack)})
			fr.kind, fr.name, fr.static = 'f', "<init>", static
			if static {
				fr.name = "<clinit>"
			}
			push(fr)
		}
	}
	return d
}

// addStatics records a static field declaration's names, and the values of
// its String constants.
func (st *fileState) addStatics(n nodeID, cls string, final bool) {
	if st.statics[cls] == nil {
		st.statics[cls] = map[string]bool{}
	}
	for d := st.firstChild(n); d >= 0; d = st.next(d) {
		if st.kind(d) != kVariableDeclarator {
			continue
		}
		name := st.text(st.childByField(d, fName))
		st.statics[cls][name] = true
		if v := st.childByField(d, fValue); final && st.kind(v) == kStringLiteral {
			st.consts[name] = unquote(st.text(v))
		}
	}
}

// modifiers is a declaration's modifiers node (its first child), or none.
func (t *tree) modifiers(n nodeID) nodeID {
	if c := t.firstChild(n); c >= 0 && t.kind(c) == kModifiers {
		return c
	}
	return none
}

var typeKinds = map[kind]string{
	kClassDeclaration: "class", kInterfaceDeclaration: "interface", kEnumDeclaration: "enum",
	kRecordDeclaration: "record", kAnnotationTypeDeclaration: "annotation",
}

var annotationRE = regexp.MustCompile(`@[\p{L}_$][\p{L}\p{N}_$.]*(?:\s*\((?:[^()]|\([^()]*\))*\))?`)

// annotationsOf lists the annotations in a modifiers node, as written.
func (st *fileState) annotationsOf(mods nodeID) []string {
	if mods < 0 || st.kind(mods) != kModifiers {
		return nil
	}
	t := st.text(mods)
	if !strings.Contains(t, "@") {
		return nil
	}
	return annotationRE.FindAllString(stripComments(t), -1)
}

func (st *fileState) addMethod(n, mods nodeID, class, name string, static bool) {
	// Declarations are copied out of the file's text: the project pass
	// keeps some of them after the file is gone.
	m := facts.MethodDecl{
		Class: strings.Clone(class), Name: strings.Clone(name), Static: static,
		Annotations: cloneAll(st.annotationsOf(mods)),
		Decl:        st.span(n),
		Line:        st.line(n),
	}
	if nm := st.childByField(n, fName); nm >= 0 {
		m.Span = st.span(nm)
	}
	if ps := st.childByField(n, fParameters); ps >= 0 {
		m.Params = strings.Clone(st.text(ps))
		if st.e.interest.AllCalls {
			m.Parameters = st.parameters(ps)
		}
	}
	if t := st.childByField(n, fType); t >= 0 {
		m.Returns = strings.Clone(st.text(t))
	}
	st.f.Methods = append(st.f.Methods, m)
}

// parameters lists a formal parameter list's names and types. Types
// resolve later uses of the file's imports, which all precede the members.
func (st *fileState) parameters(list nodeID) []facts.Param {
	var out []facts.Param
	for p := st.firstChild(list); p >= 0; p = st.next(p) {
		var prm facts.Param
		suffix := ""
		switch st.kind(p) {
		case kFormalParameter:
			prm.TypeText = st.text(st.childByField(p, fType))
			if d := st.childByField(p, fDimensions); d >= 0 {
				suffix = st.text(d) // int x[]
			}
		case kSpreadParameter:
			// (modifiers)? type "..." declarator: the type is the first
			// named child after the modifiers.
			for c := st.firstChild(p); c >= 0; c = st.next(c) {
				if st.named(c) && st.kind(c) != kModifiers {
					prm.TypeText = st.text(c)
					break
				}
			}
			prm.Varargs, suffix = true, "..."
			if vd := st.lastNamedOfKind(p, kVariableDeclarator); vd >= 0 {
				p = vd
			}
		case kReceiverParameter:
			continue // "Outer this": no argument
		default:
			continue
		}
		prm.Name = strings.Clone(st.text(st.childByField(p, fName)))
		if prm.Type = st.resolveType(prm.TypeText); prm.Type == "" {
			prm.Type = cleanType(prm.TypeText)
		}
		prm.TypeText = strings.Clone(prm.TypeText) + suffix
		out = append(out, prm)
	}
	return out
}

// lastNamedOfKind is n's last child of kind k, or none.
func (t *tree) lastNamedOfKind(n nodeID, k kind) nodeID {
	found := none
	for c := t.firstChild(n); c >= 0; c = t.next(c) {
		if t.kind(c) == k {
			found = c
		}
	}
	return found
}

func (st *fileState) buildType(pt pendingType) facts.TypeDecl {
	n := pt.node
	td := facts.TypeDecl{Name: strings.Clone(pt.name), Kind: typeKinds[st.kind(n)], Decl: st.span(n), Line: st.line(n)}
	if nm := st.childByField(n, fName); nm >= 0 {
		td.Span = st.span(nm)
	}
	td.Annotations = cloneAll(st.annotationsOf(st.modifiers(n)))
	resolve := func(t string) string {
		if r := st.resolveType(t); r != "" {
			return r
		}
		return cleanType(t)
	}
	if sc := st.childByField(n, fSuperclass); sc >= 0 {
		if t := st.namedChild(sc, 0); t >= 0 {
			td.Super = resolve(st.text(t))
		}
	}
	// Interfaces: "implements" of classes and records, "extends" of interfaces.
	for ch := st.firstChild(n); ch >= 0; ch = st.next(ch) {
		if k := st.kind(ch); k != kSuperInterfaces && k != kExtendsInterfaces {
			continue
		}
		if list := st.namedChild(ch, 0); list >= 0 {
			for it := st.firstChild(list); it >= 0; it = st.next(it) {
				if st.named(it) {
					td.Interfaces = append(td.Interfaces, resolve(st.text(it)))
				}
			}
		}
	}
	return td
}

// indexField records a field declaration's type and names for receiver
// lookups, and keeps them for buildFields.
func (st *fileState) indexField(pf *pendingField) {
	pf.typeText = st.text(st.childByField(pf.node, fType))
	cls := pf.ctx.Class
	if st.fieldTypes[cls] == nil {
		st.fieldTypes[cls] = map[string]string{}
	}
	for d := st.firstChild(pf.node); d >= 0; d = st.next(d) {
		if st.kind(d) != kVariableDeclarator {
			continue
		}
		nm := st.childByField(d, fName)
		pf.decls = append(pf.decls, declarator{node: d, name: nm})
		if name := st.text(nm); name != "" {
			if _, dup := st.fieldTypes[cls][name]; !dup {
				st.fieldTypes[cls][name] = pf.typeText
			}
		}
	}
}

func (st *fileState) buildFields(pf pendingField) []facts.Field {
	n := pf.node
	modText := ""
	if pf.mods >= 0 {
		modText = st.text(pf.mods)
	}
	typeText := pf.typeText
	typ := st.resolveType(typeText)
	if typ == "" {
		typ = cleanType(typeText)
	}
	base := facts.Field{
		Type: typ, TypeText: typeText,
		Static:      hasWord(modText, "static"),
		Final:       hasWord(modText, "final"),
		Volatile:    hasWord(modText, "volatile"),
		Annotations: st.annotationsOf(pf.mods),
		Decl:        st.span(n),
		Context:     pf.ctx,
	}
	// Interface fields are implicitly static and final.
	if st.kind(n) == kConstantDeclaration {
		base.Static, base.Final = true, true
	}
	var out []facts.Field
	pc := pendingCall{node: n, ctx: pf.ctx, method: none, classes: pf.classes}
	for _, dc := range pf.decls {
		d, nm := dc.node, dc.name
		if nm < 0 {
			continue
		}
		f := base
		f.Name, f.Span = st.text(nm), st.span(nm)
		f.Line = st.line(nm)
		if v := st.childByField(d, fValue); v >= 0 {
			x := st.expr(v, pc, 0, false)
			f.Init = &x
		}
		out = append(out, f)
	}
	return out
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

func cloneAll(xs []string) []string {
	for i, x := range xs {
		xs[i] = strings.Clone(x)
	}
	return xs
}

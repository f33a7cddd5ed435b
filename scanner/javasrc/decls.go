package javasrc

import (
	"bytes"
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/kscan/kscan/rules/facts"
)

type pendingType struct {
	node *sitter.Node
	name string
}

type pendingField struct {
	node    *sitter.Node
	mods    *sitter.Node
	ctx     facts.Context
	classes []*sitter.Node
	// Filled by indexField.
	typeText string
	decls    []declarator
}

type declarator struct {
	node, name *sitter.Node
}

type pendingWrite struct {
	node    *sitter.Node // the written expression (left-hand side or ++ operand)
	kind    facts.WriteKind
	ctx     facts.Context
	method  *sitter.Node
	classes []*sitter.Node
}

var typeKinds = map[string]string{
	"class_declaration": "class", "interface_declaration": "interface", "enum_declaration": "enum",
	"record_declaration": "record", "annotation_type_declaration": "annotation",
}

var annotationRE = regexp.MustCompile(`@[\p{L}_$][\p{L}\p{N}_$.]*(?:\s*\((?:[^()]|\([^()]*\))*\))?`)

// annotationsOf lists the annotations in a modifiers node, as written.
func (st *fileState) annotationsOf(mods *sitter.Node) []string {
	if mods == nil || mods.Type() != "modifiers" {
		return nil
	}
	t := st.text(mods)
	if !strings.Contains(t, "@") {
		return nil
	}
	return annotationRE.FindAllString(stripComments(t), -1)
}

func (st *fileState) addMethod(n, mods *sitter.Node, class, name string, static bool) {
	m := facts.MethodDecl{
		Class: class, Name: name, Static: static,
		Annotations: st.annotationsOf(mods),
		Decl:        span(n),
		Line:        int(n.StartPoint().Row) + 1,
	}
	if nm := n.ChildByFieldName("name"); nm != nil {
		m.Span = span(nm)
	}
	if ps := n.ChildByFieldName("parameters"); ps != nil {
		m.Params = st.text(ps)
	}
	if t := n.ChildByFieldName("type"); t != nil {
		m.Returns = st.text(t)
	}
	st.f.Methods = append(st.f.Methods, m)
}

func (st *fileState) buildType(pt pendingType) facts.TypeDecl {
	n := pt.node
	td := facts.TypeDecl{Name: pt.name, Kind: typeKinds[n.Type()], Decl: span(n), Line: int(n.StartPoint().Row) + 1}
	if nm := n.ChildByFieldName("name"); nm != nil {
		td.Span = span(nm)
	}
	if mods := n.Child(0); mods != nil {
		td.Annotations = st.annotationsOf(mods)
	}
	resolve := func(t string) string {
		if r := st.resolveType(t); r != "" {
			return r
		}
		return cleanType(t)
	}
	if sc := n.ChildByFieldName("superclass"); sc != nil && sc.NamedChild(0) != nil {
		td.Super = resolve(st.text(sc.NamedChild(0)))
	}
	// Interfaces: "implements" of classes and records, "extends" of interfaces.
	for i := 0; i < int(n.NamedChildCount()); i++ {
		ch := n.NamedChild(i)
		if ch.Type() != "super_interfaces" && ch.Type() != "extends_interfaces" {
			continue
		}
		if list := ch.NamedChild(0); list != nil {
			for j := 0; j < int(list.NamedChildCount()); j++ {
				td.Interfaces = append(td.Interfaces, resolve(st.text(list.NamedChild(j))))
			}
		}
	}
	return td
}

func (st *fileState) buildFields(pf pendingField) []facts.Field {
	n := pf.node
	modText := ""
	if pf.mods != nil && pf.mods.Type() == "modifiers" {
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
		Decl:        span(n),
		Context:     pf.ctx,
	}
	// Interface fields are implicitly static and final.
	if n.Type() == "constant_declaration" {
		base.Static, base.Final = true, true
	}
	var out []facts.Field
	pc := pendingCall{node: n, ctx: pf.ctx, classes: pf.classes}
	for _, dc := range pf.decls {
		d, nm := dc.node, dc.name
		if nm == nil {
			continue
		}
		f := base
		f.Name, f.Span = st.text(nm), span(nm)
		f.Line = int(nm.StartPoint().Row) + 1
		if v := d.ChildByFieldName("value"); v != nil {
			x := st.expr(v, pc, 0, false)
			f.Init = &x
		}
		out = append(out, f)
	}
	return out
}

// fieldTarget reads a write target as a field: NAME, this.NAME (instance:
// dropped), Type.NAME, and the base of an array store.
func (st *fileState) fieldTarget(n *sitter.Node, class string) (owner, name string, qualified, ok bool) {
	switch n.Type() {
	case "identifier":
		return class, st.text(n), false, true
	case "field_access":
		obj, fld := n.ChildByFieldName("object"), n.ChildByFieldName("field")
		if obj == nil || fld == nil || obj.Type() == "this" || obj.Type() == "super" {
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
	if n.Type() == "array_access" {
		n, kind = n.ChildByFieldName("array"), facts.WriteArrayStore
		if n == nil {
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
		owner = st.staticOwner(name, pw.classes)
		if owner == "" {
			return facts.Write{}, false
		}
		if pw.method != nil && st.mayDeclare(pw.method, name) {
			if _, local := st.declsIn(pw.method, qDecl)[name]; local {
				return facts.Write{}, false
			}
		}
	}
	w := facts.Write{Kind: kind, Owner: owner, Name: name, Qualified: qualified, Span: span(pw.node.Parent()), Context: pw.ctx}
	if p := pw.node.Parent(); p != nil && p.Type() == "assignment_expression" {
		w.Span = span(p)
		if op := p.ChildByFieldName("operator"); op != nil && st.text(op) != "=" {
			if w.Kind == facts.WriteAssign {
				w.Kind = facts.WriteCompound
			}
		}
		if r := p.ChildByFieldName("right"); r != nil {
			x := st.expr(r, pendingCall{node: p, ctx: pw.ctx, method: pw.method, classes: pw.classes}, 0, false)
			w.Value = &x
		}
		if w.Kind == facts.WriteAssign {
			w.NullGuarded = st.nullGuarded(p, name)
		}
	} else if kind == facts.WriteArrayStore {
		if p := pw.node.Parent(); p != nil {
			w.Span = span(p)
		}
	}
	return w, true
}

// nullGuarded reports whether n sits in the then-branch of an
// "if (NAME == null)" (also "null == NAME", Type.NAME, this.NAME, and
// conjunctions) within its method: the lazy-initialisation idiom.
func (st *fileState) nullGuarded(n *sitter.Node, name string) bool {
	child := n
	for p, i := n.Parent(), 0; p != nil && i < 64; p, i = p.Parent(), i+1 {
		switch p.Type() {
		case "method_declaration", "constructor_declaration", "lambda_expression", "class_body", "static_initializer":
			return false
		case "if_statement":
			cond, then := p.ChildByFieldName("condition"), p.ChildByFieldName("consequence")
			if cond != nil && then != nil && then.StartByte() <= child.StartByte() && child.EndByte() <= then.EndByte() &&
				testsNull(removeSpace(st.text(cond)), name) {
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
	for i := 0; ; {
		j := strings.Index(cond[i:], name)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(name)
		i = start + 1
		if start > 0 && isIdentByte(cond[start-1]) || end < len(cond) && isIdentByte(cond[end]) {
			continue
		}
		if strings.HasPrefix(cond[end:], "==null") {
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
}

// staticOwner finds the enclosing class that declares a static field of
// this name, innermost first.
func (st *fileState) staticOwner(name string, classes []*sitter.Node) string {
	for _, c := range classes {
		bin := st.binaryNameOf(c)
		if st.statics[bin][name] {
			return bin
		}
	}
	return ""
}

// binaryNameOf maps a type declaration node back to its binary name.
func (st *fileState) binaryNameOf(n *sitter.Node) string {
	for _, td := range st.f.TypeDecls {
		if td.Decl.Start == int(n.StartByte()) && td.Decl.End == int(n.EndByte()) {
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
	obj := pc.node.ChildByFieldName("object")
	if obj == nil {
		return facts.Write{}, false
	}
	owner, name, qualified, ok := st.fieldTarget(obj, pc.ctx.Class)
	if !ok {
		return facts.Write{}, false
	}
	if !qualified {
		if owner = st.staticOwner(name, pc.classes); owner == "" {
			return facts.Write{}, false
		}
		if pc.method != nil && st.mayDeclare(pc.method, name) {
			if _, local := st.declsIn(pc.method, qDecl)[name]; local {
				return facts.Write{}, false
			}
		}
	}
	return facts.Write{Kind: facts.WriteCall, Owner: owner, Name: name, Qualified: qualified, Method: c.Name,
		Args: c.Args, Span: c.Span, Context: c.Context}, true
}

var ignoreMarker = []byte("kscan:ignore")

// findSuppressions reads "kscan:ignore" comments. The marker is found by a
// byte search and confirmed to sit in a comment node, so strings that
// mention it do not count.
func findSuppressions(src []byte, root *sitter.Node) []facts.Suppression {
	var out []facts.Suppression
	for i := 0; ; {
		j := bytes.Index(src[i:], ignoreMarker)
		if j < 0 {
			return out
		}
		at := i + j
		i = at + len(ignoreMarker)
		lineStart := bytes.LastIndexByte(src[:at], '\n') + 1
		row := uint32(bytes.Count(src[:lineStart], []byte{'\n'}))
		pt := sitter.Point{Row: row, Column: uint32(at - lineStart)}
		n := root.NamedDescendantForPointRange(pt, pt)
		if n == nil || (n.Type() != "line_comment" && n.Type() != "block_comment") {
			continue
		}
		end := int(n.EndByte())
		if end > len(src) {
			end = len(src)
		}
		body := string(src[i:end])
		body = strings.TrimSuffix(strings.TrimSpace(body), "*/")
		if k := strings.IndexByte(body, '\n'); k >= 0 {
			body = body[:k]
		}
		if k := strings.Index(body, "//"); k >= 0 {
			body = body[:k] // a trailing comment in the comment is commentary
		}
		spec, reason, _ := strings.Cut(body, "--")
		var ids []string
		for _, f := range strings.FieldsFunc(spec, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
			ids = append(ids, f)
		}
		out = append(out, facts.Suppression{
			Line:    int(row) + 1,
			Rules:   ids,
			Reason:  strings.TrimSpace(reason),
			OwnLine: strings.TrimSpace(string(src[lineStart:n.StartByte()])) == "",
			Span:    span(n),
		})
	}
}

package javasrc

// The declaration patterns, matched in Go over a node array. Each is the
// tree-sitter query written above it; the tests check the Go matchers
// against tree-sitter's own query engine on every fixture.

// declPattern selects which typed declarations typedDeclsIn reports.
type declPattern uint8

const (
	// typedDecls are the declarations that give a local name a type:
	//
	//	(local_variable_declaration type: (_) @type declarator: (variable_declarator name: (identifier) @name))
	//	(formal_parameter type: (_) @type name: (identifier) @name)
	//	(catch_formal_parameter (catch_type) @type name: (identifier) @name)
	//	(enhanced_for_statement type: (_) @type name: (identifier) @name)
	//	(resource type: (_) @type name: (identifier) @name)
	typedDecls declPattern = iota
	// fieldDecls are field declarations:
	//
	//	(field_declaration type: (_) @type declarator: (variable_declarator name: (identifier) @name))
	fieldDecls
)

// typedDeclsIn calls fn with the type and name nodes of every declaration
// of the pattern in n's subtree, in document order of the names.
func (t *tree) typedDeclsIn(n nodeID, pat declPattern, fn func(typ, name nodeID)) {
	end := nodeID(t.nodes[n].after)
	for id := n; id < end; id++ {
		if t.kind(id) != kIdentifier || t.nodes[id].field != fName {
			continue
		}
		if typ := t.declType(id, pat); typ >= 0 {
			fn(typ, id)
		}
	}
}

// declType is the type node of the declaration whose name is the
// identifier id, for the pattern, or none.
func (t *tree) declType(id nodeID, pat declPattern) nodeID {
	p := t.parent(id)
	switch k := t.kind(p); {
	case k == kVariableDeclarator:
		if t.nodes[p].field != fDeclarator {
			return none
		}
		gp := t.parent(p)
		switch t.kind(gp) {
		case kLocalVariableDeclaration:
			if pat == typedDecls {
				return t.namedField(gp, fType)
			}
		case kFieldDeclaration:
			if pat == fieldDecls {
				return t.namedField(gp, fType)
			}
		}
	case pat != typedDecls:
	case k == kFormalParameter, k == kEnhancedForStatement, k == kResource:
		return t.namedField(p, fType)
	case k == kCatchFormalParameter:
		for c := t.firstChild(p); c >= 0; c = t.next(c) {
			if t.kind(c) == kCatchType {
				return c
			}
		}
	}
	return none
}

// namedField is the first named child in field f ("type: (_)").
func (t *tree) namedField(n nodeID, f field) nodeID {
	for c := t.firstChild(n); c >= 0; c = t.next(c) {
		if t.nodes[c].field == f && t.named(c) {
			return c
		}
	}
	return none
}

// localNamesIn calls fn, in document order, for every identifier in n's
// subtree that declares a local name or assigns one:
//
//	(variable_declarator name: (identifier) @decl)
//	(formal_parameter name: (identifier) @decl)
//	(catch_formal_parameter name: (identifier) @decl)
//	(enhanced_for_statement name: (identifier) @decl)
//	(resource name: (identifier) @decl)
//	(inferred_parameters (identifier) @decl)
//	(lambda_expression parameters: (identifier) @decl)
//	(assignment_expression left: (identifier) @assigned)
//	(update_expression (identifier) @assigned)
func (t *tree) localNamesIn(n nodeID, fn func(id nodeID, assigned bool)) {
	end := nodeID(t.nodes[n].after)
	for id := n; id < end; id++ {
		if t.kind(id) != kIdentifier {
			continue
		}
		f := t.nodes[id].field
		switch t.kind(t.parent(id)) {
		case kVariableDeclarator, kFormalParameter, kCatchFormalParameter, kEnhancedForStatement, kResource:
			if f == fName {
				fn(id, false)
			}
		case kInferredParameters:
			fn(id, false)
		case kLambdaExpression:
			if f == fParameters {
				fn(id, false)
			}
		case kAssignmentExpression:
			if f == fLeft {
				fn(id, true)
			}
		case kUpdateExpression:
			fn(id, true)
		}
	}
}

package javasrc

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/java"
)

// javaFixtures lists the repository's Java fixtures (or the tree named by
// KSCAN_WALK_CORPUS) with their contents.
func javaFixtures(t *testing.T) map[string][]byte {
	t.Helper()
	dir := "../../testdata"
	if d := os.Getenv("KSCAN_WALK_CORPUS"); d != "" {
		dir = d
	}
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".java") {
			return err
		}
		src, err := os.ReadFile(p)
		out[p] = src
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 50 {
		t.Fatalf("only %d fixtures", len(out))
	}
	return out
}

func parseTree(t *testing.T, p *parser, src []byte) *tree {
	t.Helper()
	nodes, err := p.parse(src, 0)
	if err != nil {
		t.Fatal(err)
	}
	return newTree(append([]node(nil), nodes...), src)
}

// bindingNodes lists a tree's visible nodes in preorder through the
// binding's cursor, one line each, in the form arrayNodes writes.
func bindingNodes(root *sitter.Node) []string {
	var out []string
	var parents []int
	c := sitter.NewTreeCursor(root)
	defer c.Close()
	for {
		n := c.CurrentNode()
		parent := -1
		if len(parents) > 0 {
			parent = parents[len(parents)-1]
		}
		fieldName := c.CurrentFieldName()
		known := false
		for _, f := range fieldNames {
			known = known || f == fieldName
		}
		if !known {
			fieldName = ""
		}
		out = append(out, fmt.Sprintf("%s %d-%d parent=%d field=%s named=%v missing=%v error=%v", n.Type(), n.StartByte(), n.EndByte(),
			parent, fieldName, n.IsNamed(), n.IsMissing(), n.HasError()))
		if c.GoToFirstChild() {
			parents = append(parents, len(out)-1)
			continue
		}
		for !c.GoToNextSibling() {
			if !c.GoToParent() {
				return out
			}
			parents = parents[:len(parents)-1]
		}
	}
}

func arrayNodes(tr *tree) []string {
	var out []string
	for i := range tr.nodes {
		n := nodeID(i)
		out = append(out, fmt.Sprintf("%s %d-%d parent=%d field=%s named=%v missing=%v error=%v", tr.typeName(n), tr.start(n), tr.end(n),
			tr.parent(n), fieldNames[tr.nodes[n].field], tr.named(n), tr.nodes[n].flags&flagMissing != 0, tr.nodes[n].flags&flagHasError != 0))
	}
	return out
}

var brokenSources = []string{
	"class A { void f( { } \xff",
	"class A { void f() { " + strings.Repeat("{", 50),
	"class A { int x = ; void g() { a.b(; } }",
	"",
	"\r\n",
}

// TestNodeArrayMatchesTree: the C walker copies exactly the tree the
// binding shows: every visible node, in preorder, with its type, range,
// parent, field and flags.
func TestNodeArrayMatchesTree(t *testing.T) {
	p, err := newParser()
	if err != nil {
		t.Fatal(err)
	}
	defer p.close()
	bp := sitter.NewParser()
	defer bp.Close()
	bp.SetLanguage(java.GetLanguage())
	files := javaFixtures(t)
	for i, s := range brokenSources {
		files[fmt.Sprintf("broken%d", i)] = []byte(s)
	}
	for path, src := range files {
		bt := bp.Parse(nil, src)
		want := bindingNodes(bt.RootNode())
		bt.Close()
		got := arrayNodes(parseTree(t, p, src))
		if len(got) != len(want) {
			t.Errorf("%s: %d nodes, the binding shows %d", path, len(got), len(want))
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: node %d: %s\nbinding: %s", path, i, got[i], want[i])
				break
			}
		}
	}
}

// TestKindNames: every node type and field the extractor names exists in
// the grammar, so none of the constants silently never matches.
func TestKindNames(t *testing.T) {
	tablesOnce.Do(loadTables)
	have := map[string]bool{}
	for _, n := range symNames {
		have[n] = true
	}
	for k := kind(1); k < kindCount; k++ {
		if !have[kindNames[k]] {
			t.Errorf("node type %q is not in the grammar", kindNames[k])
		}
	}
	lang := java.GetLanguage()
	for f := field(1); f < fieldCount; f++ {
		found := false
		for id := 1; id < 256 && lang.FieldName(id) != ""; id++ {
			found = found || lang.FieldName(id) == fieldNames[f]
		}
		if !found {
			t.Errorf("field %q is not in the grammar", fieldNames[f])
		}
	}
}

// queryCaptures runs a tree-sitter query through the binding and lists
// its matches as "capture start-end ..." lines, in the engine's order.
func queryCaptures(t *testing.T, query string, root *sitter.Node, byMatch bool) []string {
	t.Helper()
	q, err := sitter.NewQuery([]byte(query), java.GetLanguage())
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	qc := sitter.NewQueryCursor()
	defer qc.Close()
	qc.Exec(q, root)
	var out []string
	for {
		if byMatch {
			m, ok := qc.NextMatch()
			if !ok {
				return out
			}
			var parts []string
			for _, c := range m.Captures {
				parts = append(parts, fmt.Sprintf("%s %d-%d", q.CaptureNameForId(c.Index), c.Node.StartByte(), c.Node.EndByte()))
			}
			out = append(out, strings.Join(parts, " "))
			continue
		}
		m, ci, ok := qc.NextCapture()
		if !ok {
			return out
		}
		c := m.Captures[ci]
		out = append(out, fmt.Sprintf("%s %d-%d", q.CaptureNameForId(c.Index), c.Node.StartByte(), c.Node.EndByte()))
	}
}

const declarationQuery = `
(package_declaration) @package
(import_declaration) @import
(class_declaration) @type
(interface_declaration) @type
(enum_declaration) @type
(record_declaration) @type
(annotation_type_declaration) @type
(object_creation_expression (class_body) @anon)
(method_declaration) @method
(constructor_declaration) @ctor
(compact_constructor_declaration) @ctor
(static_initializer) @clinit
(field_declaration) @field
(constant_declaration) @field
`

var declKindNames = [...]string{declPackage: "package", declImport: "import", declType: "type", declAnon: "anon",
	declMethod: "method", declCtor: "ctor", declClinit: "clinit", declField: "field"}

// TestPatternsMatchQuery: the Go matchers of query.go and declKindOf find
// what tree-sitter's query engine finds, in the same order, on every
// fixture and on broken code.
func TestPatternsMatchQuery(t *testing.T) {
	p, err := newParser()
	if err != nil {
		t.Fatal(err)
	}
	defer p.close()
	bp := sitter.NewParser()
	defer bp.Close()
	bp.SetLanguage(java.GetLanguage())
	files := javaFixtures(t)
	for i, s := range brokenSources {
		files[fmt.Sprintf("broken%d", i)] = []byte(s)
	}
	typed := `
(local_variable_declaration type: (_) @type declarator: (variable_declarator name: (identifier) @name))
(formal_parameter type: (_) @type name: (identifier) @name)
(catch_formal_parameter (catch_type) @type name: (identifier) @name)
(enhanced_for_statement type: (_) @type name: (identifier) @name)
(resource type: (_) @type name: (identifier) @name)
`
	fieldsQ := `(field_declaration type: (_) @type declarator: (variable_declarator name: (identifier) @name))`
	locals := `
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
	compare := func(path, what string, got, want []string) {
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: %s differ:\ngo:    %.400s\nquery: %.400s", path, what, strings.Join(got, " | "), strings.Join(want, " | "))
		}
	}
	for path, src := range files {
		bt := bp.Parse(nil, src)
		root := bt.RootNode()
		tr := parseTree(t, p, src)

		var decls []string
		for n := nodeID(0); n < nodeID(len(tr.nodes)); n++ {
			if dk := tr.declKindOf(n); dk != declNone {
				decls = append(decls, fmt.Sprintf("%s %d-%d", declKindNames[dk], tr.start(n), tr.end(n)))
			}
		}
		compare(path, "declarations", decls, queryCaptures(t, declarationQuery, root, false))

		for _, pc := range []struct {
			pat   declPattern
			query string
		}{{typedDecls, typed}, {fieldDecls, fieldsQ}} {
			var got []string
			tr.typedDeclsIn(0, pc.pat, func(typ, name nodeID) {
				got = append(got, fmt.Sprintf("type %d-%d name %d-%d", tr.start(typ), tr.end(typ), tr.start(name), tr.end(name)))
			})
			compare(path, "typed declarations", got, queryCaptures(t, pc.query, root, true))
		}

		var got []string
		tr.localNamesIn(0, func(id nodeID, assigned bool) {
			what := "decl"
			if assigned {
				what = "assigned"
			}
			got = append(got, fmt.Sprintf("%s %d-%d", what, tr.start(id), tr.end(id)))
		})
		compare(path, "local names", got, queryCaptures(t, locals, root, false))
		bt.Close()
	}
}

// TestNamedAt: the position lookup finds what tree-sitter's
// named_descendant_for_byte_range finds, for every byte of the fixtures.
func TestNamedAt(t *testing.T) {
	p, err := newParser()
	if err != nil {
		t.Fatal(err)
	}
	defer p.close()
	bp := sitter.NewParser()
	defer bp.Close()
	bp.SetLanguage(java.GetLanguage())
	src, err := os.ReadFile("../../testdata/javasrc/Nesting.java")
	if err != nil {
		t.Fatal(err)
	}
	bt := bp.Parse(nil, src)
	defer bt.Close()
	root := bt.RootNode()
	tr := parseTree(t, p, src)
	for s := 0; s < len(src); s++ {
		for _, e := range []int{s, s + 1, s + 5} {
			if e > len(src) {
				continue
			}
			want := root.NamedDescendantForPointRange(pointOf(src, s), pointOf(src, e))
			got := tr.namedAt(s, e)
			if want.Type() != tr.typeName(got) || int(want.StartByte()) != tr.start(got) || int(want.EndByte()) != tr.end(got) {
				t.Fatalf("[%d,%d): got %s %d-%d, tree-sitter %s %d-%d", s, e, tr.typeName(got), tr.start(got), tr.end(got),
					want.Type(), want.StartByte(), want.EndByte())
			}
		}
	}
}

func pointOf(src []byte, off int) sitter.Point {
	row := strings.Count(string(src[:off]), "\n")
	col := off - (strings.LastIndexByte(string(src[:off]), '\n') + 1)
	return sitter.Point{Row: uint32(row), Column: uint32(col)}
}

package rules

import (
	"bufio"
	"bytes"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// infraFiles are the package's files that are neither a rule nor shared
// helpers (helpers*.go).
var infraFiles = map[string]bool{"rule.go": true, "registry.go": true, "deps_pass.go": true}

// TestRuleFilesStandAlone keeps the rules apart: each rule is one file named
// after its id, and deleting any one rule file (with its help) leaves a
// package that compiles and a registry that passes TestRegistry. Helpers
// that more than one rule uses belong in helpers*.go.
func TestRuleFilesStandAlone(t *testing.T) {
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	ruleOf := map[*ast.File]string{} // rule file -> rule id
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		ids := registeredIDs(f)
		switch {
		case len(ids) > 1:
			t.Errorf("%s registers %d rules (%s): one rule per file", name, len(ids), strings.Join(ids, ", "))
		case len(ids) == 1:
			ruleOf[f] = ids[0]
			if want := strings.ReplaceAll(ids[0], "-", "_") + ".go"; name != want {
				t.Errorf("%s registers %s: name the file %s", name, ids[0], want)
			}
		case !infraFiles[name] && !strings.HasPrefix(name, "helpers"):
			t.Errorf("%s is neither a rule file nor helpers*.go: move its code into the rule that uses it, or into a helpers file", name)
		}
	}
	if len(ruleOf) != len(All()) {
		t.Errorf("%d rule files, %d registered rules", len(ruleOf), len(All()))
	}

	imp := exportImporter(t, fset)
	for _, f := range files {
		id, ok := ruleOf[f]
		if !ok {
			continue
		}
		name := fset.File(f.Pos()).Name()
		var rest []*ast.File
		for _, g := range files {
			if g != f {
				rest = append(rest, g)
			}
		}
		var errs []string
		conf := types.Config{Importer: imp, Error: func(err error) {
			if len(errs) < 5 {
				errs = append(errs, err.Error())
			}
		}}
		if _, err := conf.Check("github.com/kscan/kscan/rules", fset, rest, nil); err != nil {
			t.Errorf("without %s the package does not compile; move what other rules use into helpers*.go:\n\t%s",
				name, strings.Join(errs, "\n\t"))
		}
		var others []*Rule
		for _, r := range All() {
			if r.ID != id {
				others = append(others, r)
			}
		}
		for _, p := range registryProblems(others, without{docs, docPath(id)}) {
			t.Errorf("without %s: %s", name, p)
		}
	}
}

// registeredIDs lists the ids of the register(&Rule{ID: ...}) calls in f.
func registeredIDs(f *ast.File) []string {
	var ids []string
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return true
		}
		if fn, ok := call.Fun.(*ast.Ident); !ok || fn.Name != "register" {
			return true
		}
		lit, _ := call.Args[0].(*ast.UnaryExpr)
		if lit == nil {
			return true
		}
		cl, _ := lit.X.(*ast.CompositeLit)
		if cl == nil {
			return true
		}
		for _, e := range cl.Elts {
			kv, _ := e.(*ast.KeyValueExpr)
			if k, _ := kv.Key.(*ast.Ident); kv != nil && k != nil && k.Name == "ID" {
				if b, _ := kv.Value.(*ast.BasicLit); b != nil {
					if s, err := strconv.Unquote(b.Value); err == nil {
						ids = append(ids, s)
					}
				}
			}
		}
		return true
	})
	return ids
}

// exportImporter imports the package's dependencies from the compiler's
// export data, as the build does (go list -export builds or reuses it).
func exportImporter(t *testing.T, fset *token.FileSet) types.Importer {
	out, err := exec.Command("go", "list", "-export", "-deps", "-f", "{{.ImportPath}}\t{{.Export}}", ".").Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("go list -export: %v\n%s", err, stderr)
	}
	export := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if path, file, ok := strings.Cut(sc.Text(), "\t"); ok && file != "" {
			export[path] = file
		}
	}
	return importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		file, ok := export[path]
		if !ok {
			return nil, fs.ErrNotExist
		}
		return os.Open(file)
	})
}

// without is fsys minus one file, for "delete a rule and its help".
type without struct {
	fs.FS
	name string
}

func (w without) Open(name string) (fs.File, error) {
	if name == w.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return w.FS.Open(name)
}

func (w without) ReadDir(name string) ([]fs.DirEntry, error) {
	es, err := fs.ReadDir(w.FS, name)
	var out []fs.DirEntry
	for _, e := range es {
		if filepath.ToSlash(filepath.Join(name, e.Name())) != w.name {
			out = append(out, e)
		}
	}
	return out, err
}

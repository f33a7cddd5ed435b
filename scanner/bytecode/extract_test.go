package bytecode

import (
	"os"
	"strconv"
	"testing"

	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/classfile"
)

// sample extracts testdata/bytecode/classes/demo/Sample.class, compiled
// from testdata/bytecode/src/extract/demo/Sample.java by build.sh.
func sample(t *testing.T) *Facts {
	t.Helper()
	data, err := os.ReadFile("../../testdata/bytecode/classes/demo/Sample.class")
	if err != nil {
		t.Fatal(err)
	}
	c, err := classfile.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	fx, problems := Extract(c, "demo/Sample.class")
	for _, p := range problems {
		t.Errorf("%s: %v", p.Method, p.Err)
	}
	return fx
}

func TestExtractCalls(t *testing.T) {
	f := sample(t).File
	tests := []struct {
		owner, name string
		line        int
		static      bool
		method      string // Context.Method
		clinit      bool   // Context.InStaticInit
		main        bool   // Context.InMain
		arg         int    // the argument whose loader is checked, -1: none
		loader      facts.Loader
	}{
		{"java.lang.System", "setProperty", 14, true, "<clinit>", true, false, -1, 0},
		// A lambda body counts as the method (or initialiser) that holds the lambda.
		{"java.io.PrintStream", "println", 11, false, "<clinit>", true, false, -1, 0},
		{"java.lang.System", "exit", 18, true, "main", false, true, -1, 0},
		{"java.lang.Runnable", "run", 19, false, "main", false, true, -1, 0},
		{"java.lang.Class", "forName", 20, true, "main", false, true, -1, 0},
		{"java.lang.Thread", "setContextClassLoader", 39, false, "later", false, false, 0, facts.LoaderNull},
		{"java.lang.Thread", "start", 42, false, "later", false, false, -1, 0},
		// Loader forms (class-forname-caller-loader).
		{"java.lang.Class", "forName", 24, true, "loaders", false, false, 2, facts.LoaderOwn},
		{"java.lang.Class", "forName", 25, true, "loaders", false, false, 2, facts.LoaderOwn},
		{"java.lang.Class", "forName", 26, true, "loaders", false, false, 2, facts.LoaderContext},
		{"java.lang.Class", "forName", 27, true, "loaders", false, false, 2, facts.LoaderSystem},
		{"java.lang.Class", "forName", 28, true, "loaders", false, false, 2, facts.LoaderNull},
	}
	for _, tt := range tests {
		var c *facts.Call
		for i := range f.Calls {
			if k := &f.Calls[i]; k.Owner == tt.owner && k.Name == tt.name && k.Line == tt.line {
				c = k
			}
		}
		if c == nil {
			t.Errorf("no call %s.%s at line %d", tt.owner, tt.name, tt.line)
			continue
		}
		if c.Static != tt.static || c.Method != tt.method || c.InStaticInit != tt.clinit || c.InMain != tt.main || c.Class != "demo.Sample" {
			t.Errorf("%s.%s at %d: static %v, context %+v; want static %v, method %s, clinit %v, main %v",
				tt.owner, tt.name, tt.line, c.Static, c.Context, tt.static, tt.method, tt.clinit, tt.main)
		}
		if tt.arg >= 0 {
			if tt.arg >= len(c.Args) {
				t.Errorf("%s.%s at %d: %d arguments", tt.owner, tt.name, tt.line, len(c.Args))
			} else if got := c.Args[tt.arg].Loader; got != tt.loader {
				t.Errorf("%s.%s at %d: argument %d loader %v, want %v", tt.owner, tt.name, tt.line, tt.arg, got, tt.loader)
			}
		}
	}
}

func TestExtractArguments(t *testing.T) {
	f := sample(t).File
	want := map[string]string{ // "Name:line" -> the first argument's text
		"forName:20":                `"x.Y"`,
		"setProperty:14":            `"a"`,
		"exit:18":                   "1",
		"allowCoreThreadTimeOut:46": "true", // iconst_1 passed as a boolean
	}
	for _, c := range f.Calls {
		k := c.Name + ":" + strconv.Itoa(c.Line)
		if w, ok := want[k]; ok {
			delete(want, k)
			if len(c.Args) == 0 || c.Args[0].Text != w {
				t.Errorf("%s: arguments %+v, want the first %s", k, c.Args, w)
			}
		}
	}
	for k := range want {
		t.Errorf("no call %s", k)
	}
}

func TestExtractWrites(t *testing.T) {
	f := sample(t).File
	tests := []struct {
		name   string
		kind   facts.WriteKind
		line   int
		method string
	}{
		{"counter", facts.WriteIncrement, 32, "writes"},
		{"name", facts.WriteAssign, 33, "writes"},
		{"BY_LOADER", facts.WriteCall, 34, "writes"},
	}
	if len(f.Writes) != len(tests) {
		t.Errorf("%d writes, want %d (none from <clinit>): %+v", len(f.Writes), len(tests), f.Writes)
	}
	for _, tt := range tests {
		found := false
		for _, w := range f.Writes {
			if w.Name == tt.name && w.Kind == tt.kind && w.Line == tt.line && w.Context.Method == tt.method && w.Owner == "demo.Sample" && !w.Qualified {
				found = true
			}
		}
		if !found {
			t.Errorf("no write of %s (kind %v) at line %d in %s: %+v", tt.name, tt.kind, tt.line, tt.method, f.Writes)
		}
	}
}

func TestExtractFields(t *testing.T) {
	fx := sample(t)
	tests := []struct {
		name, typ, text string
		line            int // the initialiser's line in <clinit>, 0: none
		init            facts.ExprKind
	}{
		{"BY_LOADER", "java.util.Map", "java.util.Map<java.lang.ClassLoader, java.lang.String>", 8, facts.ExprNew},
		{"counter", "int", "int", 0, 0},
		{"name", "java.lang.String", "java.lang.String", 0, 0},
		{"task", "java.lang.Runnable", "java.lang.Runnable", 11, facts.ExprLambda},
	}
	for _, tt := range tests {
		var fd *facts.Field
		for i := range fx.File.Fields {
			if fx.File.Fields[i].Name == tt.name {
				fd = &fx.File.Fields[i]
			}
		}
		if fd == nil {
			t.Errorf("no field %s", tt.name)
			continue
		}
		if fd.Type != tt.typ || fd.TypeText != tt.text || !fd.Static || fd.Line != tt.line || fx.Line(fd.Span.Start) != tt.line {
			t.Errorf("field %s: type %q text %q static %v line %d (span line %d); want %q %q static line %d",
				tt.name, fd.Type, fd.TypeText, fd.Static, fd.Line, fx.Line(fd.Span.Start), tt.typ, tt.text, tt.line)
		}
		if tt.init == 0 && fd.Init != nil || tt.init != 0 && (fd.Init == nil || fd.Init.Kind != tt.init) {
			t.Errorf("field %s: init %+v, want kind %v", tt.name, fd.Init, tt.init)
		}
	}
}

func TestExtractNewsAndMethods(t *testing.T) {
	fx := sample(t)
	f := fx.File
	var thread *facts.New
	for i := range f.News {
		if f.News[i].Type == "java.lang.Thread" {
			thread = &f.News[i]
		}
	}
	if thread == nil || thread.Line != 42 || thread.Method != "later" || fx.Line(thread.Span.Start) != 42 {
		t.Errorf("new Thread(r): %+v, want line 42 in later", thread)
	}
	lines := map[string]int{"main": 18, "loaders": 24, "writes": 32, "later": 38, "<clinit>": 8}
	for _, m := range f.Methods {
		if lambdaName.MatchString(m.Name) {
			t.Errorf("synthetic lambda body %s listed as a method", m.Name)
		}
		if w, ok := lines[m.Name]; ok {
			delete(lines, m.Name)
			if m.Line != w {
				t.Errorf("method %s at line %d, want %d", m.Name, m.Line, w)
			}
		}
	}
	for m := range lines {
		t.Errorf("no method %s", m)
	}
	if len(f.TypeDecls) != 1 || f.TypeDecls[0].Name != "demo.Sample" || f.TypeDecls[0].Kind != "class" {
		t.Errorf("type declarations %+v", f.TypeDecls)
	}
}

func TestSigType(t *testing.T) {
	tests := map[string]string{
		"":                                     "",
		"Ljava/util/List<Ljava/lang/String;>;": "java.util.List<java.lang.String>",
		"Ljava/util/Map<Ljava/lang/Class<*>;Ljava/lang/Object;>;": "java.util.Map<java.lang.Class<?>, java.lang.Object>",
		"Ljava/util/List<+Ljava/lang/Number;>;":                   "java.util.List<? extends java.lang.Number>",
		"Ljava/util/Set<-TT;>;":                                   "java.util.Set<? super T>",
		"[Ljava/util/List<[I>;":                                   "java.util.List<int[]>[]",
		"La/Outer<TT;>.Inner<Ljava/lang/String;>;":                "a.Outer<T>$Inner<java.lang.String>",
		"Ljava/util/List<Ljava/lang/String;":                      "",
		"Ljava/util/List<Ljava/lang/String;>;trailing":            "",
	}
	for in, want := range tests {
		if got := sigType(in); got != want {
			t.Errorf("sigType(%q) = %q, want %q", in, got, want)
		}
	}
}

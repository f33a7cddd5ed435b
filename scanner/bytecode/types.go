package bytecode

import (
	"strconv"
	"strings"

	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/classfile"
)

// dotted turns an internal name (java/util/Map$Entry) into the binary-style
// name the facts use (java.util.Map$Entry).
func dotted(internal string) string { return strings.ReplaceAll(internal, "/", ".") }

func simple(name string) string {
	if i := strings.LastIndexAny(name, ".$"); i >= 0 {
		return name[i+1:]
	}
	return name
}

var primitives = map[byte]string{'B': "byte", 'C': "char", 'D': "double", 'F': "float", 'I': "int", 'J': "long", 'S': "short", 'Z': "boolean", 'V': "void"}

// descType reads one field descriptor as a Java type: "java.util.Map",
// "int[]".
func descType(d string) string {
	t, _ := nextType(d)
	return t
}

// nextType reads the first type of d and returns it with the rest of d.
func nextType(d string) (string, string) {
	dims := 0
	for len(d) > 0 && d[0] == '[' {
		dims++
		d = d[1:]
	}
	if d == "" {
		return "", ""
	}
	var t string
	if d[0] == 'L' {
		end := strings.IndexByte(d, ';')
		if end < 0 {
			return "", ""
		}
		t, d = dotted(d[1:end]), d[end+1:]
	} else {
		t, d = primitives[d[0]], d[1:]
	}
	return t + strings.Repeat("[]", dims), d
}

// paramTypes lists a method descriptor's parameter types.
func paramTypes(desc string) []string {
	if !strings.HasPrefix(desc, "(") {
		return nil
	}
	end := strings.IndexByte(desc, ')')
	if end < 0 {
		return nil
	}
	var out []string
	for d := desc[1:end]; d != ""; {
		var t string
		t, d = nextType(d)
		if t == "" {
			break
		}
		out = append(out, t)
	}
	return out
}

func returnType(desc string) string {
	if i := strings.IndexByte(desc, ')'); i >= 0 {
		return descType(desc[i+1:])
	}
	return ""
}

func returnsValue(desc string) bool { return len(desc) > 0 && desc[len(desc)-1] != 'V' }

// params renders the parameter list as a declaration would, with the types
// only: class files keep no parameter names unless compiled with -parameters.
func params(desc string) string {
	ps := paramTypes(desc)
	for i, p := range ps {
		ps[i] = simpleType(p)
	}
	return strings.Join(ps, ", ")
}

func returns(name, desc string) string {
	if name == "<init>" || name == "<clinit>" {
		return ""
	}
	return simpleType(returnType(desc))
}

func simpleType(t string) string {
	base := strings.TrimRight(t, "[]")
	return simple(base) + t[len(base):]
}

// annotations renders annotations as written in a source ("@Component").
func annotations(as []classfile.Annotation) []string {
	var out []string
	for _, a := range as {
		out = append(out, "@"+simple(descType(a.Type)))
	}
	return out
}

func typeDecl(c *classfile.Class, cls string) facts.TypeDecl {
	kind := "class"
	switch {
	case c.Access.Has(classfile.AccAnnotation):
		kind = "annotation"
	case c.Access.Has(classfile.AccInterface):
		kind = "interface"
	case c.Access.Has(classfile.AccEnum):
		kind = "enum"
	case c.Super == "java/lang/Record":
		kind = "record"
	}
	td := facts.TypeDecl{Name: cls, Kind: kind, Super: dotted(c.Super), Annotations: annotations(c.Annotations)}
	for _, i := range c.Interfaces {
		td.Interfaces = append(td.Interfaces, dotted(i))
	}
	first := 0
	for i := range c.Methods {
		if code := c.Methods[i].Code; code != nil && len(code.Lines) > 0 {
			if l := minLine(code.Lines); first == 0 || l < first {
				first = l
			}
		}
	}
	td.Line = first
	return td
}

// constExpr classifies an ldc constant or a ConstantValue.
func constExpr(c classfile.Constant) facts.Expr {
	switch c.Kind {
	case classfile.TagString:
		return facts.Expr{Kind: facts.ExprString, Text: strconv.Quote(c.Str), Value: c.Str, Type: "java.lang.String"}
	case classfile.TagClass:
		t := descType(c.Str)
		if !strings.HasPrefix(c.Str, "[") {
			t = dotted(c.Str)
		}
		return facts.Expr{Kind: facts.ExprClass, Text: simpleType(t) + ".class", Value: t, Type: "java.lang.Class"}
	case classfile.TagInteger, classfile.TagLong:
		return facts.Expr{Kind: facts.ExprLiteral, Text: strconv.FormatInt(c.Int, 10)}
	case classfile.TagFloat, classfile.TagDouble:
		return facts.Expr{Kind: facts.ExprLiteral, Text: strconv.FormatFloat(c.Float, 'g', -1, 64)}
	}
	return facts.Expr{}
}

func minLine(ls []classfile.LineEntry) int {
	m := 0
	for _, l := range ls {
		if l.Line > 0 && (m == 0 || l.Line < m) {
			m = l.Line
		}
	}
	return m
}

// localName names a local variable slot; class files keep names only in
// the optional LocalVariableTable.
func localName(slot int) string { return "local" + strconv.Itoa(slot) }

func isAstore(op classfile.Opcode) bool {
	return op == classfile.OpAstore || op >= classfile.OpAstore0 && op <= classfile.OpAstore0+3
}

func isAload(op classfile.Opcode) bool {
	return op == classfile.OpAload || op >= classfile.OpAload0 && op <= classfile.OpAload3
}

func isArrayStore(op classfile.Opcode) bool {
	return op >= classfile.OpIastore && op <= classfile.OpSastore
}

// isArith: the binary and unary arithmetic and bitwise operations.
func isArith(op classfile.Opcode) bool { return op >= classfile.OpIadd && op <= classfile.OpLxor }

func isOne(in *classfile.Instr) bool {
	switch in.Op {
	case classfile.OpIconst1, classfile.OpLconst1:
		return true
	case classfile.OpIconstM1:
		return true
	}
	return false
}

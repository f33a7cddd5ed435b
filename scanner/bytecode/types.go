package bytecode

import (
	"strconv"
	"strings"
	"unsafe"

	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/classfile"
)

// dotted turns an internal name (java/util/Map$Entry) into the binary-style
// name the facts use (java.util.Map$Entry). It makes one copy, where
// strings.ReplaceAll counts the slashes first and copies piece by piece:
// most names of every class pass here. A name without a slash is returned
// as it is, as ReplaceAll returns it.
func dotted(internal string) string {
	i := strings.IndexByte(internal, '/')
	if i < 0 {
		return internal
	}
	b := []byte(internal)
	for ; i < len(b); i++ {
		if b[i] == '/' {
			b[i] = '.'
		}
	}
	return unsafe.String(&b[0], len(b))
}

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

// sigType renders a field's generic signature (JVMS §4.7.9.1) as a Java
// type, "java.util.Map<java.lang.Class<?>, java.lang.Object>"; "" when
// there is none or it cannot be read.
func sigType(sig string) string {
	t, rest := nextSig(sig)
	if rest != "" {
		return ""
	}
	return t
}

// nextSig reads one type signature from s and returns it with the rest;
// "" for the type when s does not start with one.
func nextSig(s string) (string, string) {
	if s == "" {
		return "", ""
	}
	switch s[0] {
	case '[':
		t, rest := nextSig(s[1:])
		if t == "" {
			return "", ""
		}
		return t + "[]", rest
	case 'T':
		end := strings.IndexByte(s, ';')
		if end < 0 {
			return "", ""
		}
		return s[1:end], s[end+1:]
	case 'L':
		return classSig(s[1:])
	}
	if p, ok := primitives[s[0]]; ok {
		return p, s[1:]
	}
	return "", ""
}

// classSig reads a class type signature after its 'L', up to and past the
// closing ';'.
func classSig(s string) (string, string) {
	var b strings.Builder
	for i := 0; i < len(s); {
		switch c := s[i]; c {
		case ';':
			return b.String(), s[i+1:]
		case '<':
			args, rest := typeArgs(s[i+1:])
			if rest == "" {
				return "", ""
			}
			b.WriteString(args)
			s, i = rest, 0
		case '.':
			b.WriteByte('$') // an inner class of a generic outer: Outer<T>.Inner
			i++
		case '/':
			b.WriteByte('.')
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	return "", ""
}

// typeArgs reads type arguments after their '<', up to and past the '>',
// and returns them as Java writes them, "<?, ? extends T>", with the rest
// ("" for the rest when they do not close).
func typeArgs(s string) (string, string) {
	var b strings.Builder
	b.WriteByte('<')
	for n := 0; s != "" && s[0] != '>'; n++ {
		if n > 0 {
			b.WriteString(", ")
		}
		switch s[0] {
		case '*':
			b.WriteByte('?')
			s = s[1:]
			continue
		case '+':
			b.WriteString("? extends ")
			s = s[1:]
		case '-':
			b.WriteString("? super ")
			s = s[1:]
		}
		t, rest := nextSig(s)
		if t == "" {
			return "", ""
		}
		b.WriteString(t)
		s = rest
	}
	if s == "" {
		return "", ""
	}
	b.WriteByte('>')
	return b.String(), s[1:]
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
// It reads the descriptor in place (as paramTypes and simpleType would
// render it): every method of every class has one.
func params(desc string) string {
	if !strings.HasPrefix(desc, "(") {
		return ""
	}
	end := strings.IndexByte(desc, ')')
	if end < 0 {
		return ""
	}
	d := desc[1:end]
	if d == "" {
		return ""
	}
	var buf [128]byte
	out := buf[:0]
	for n := 0; d != ""; n++ {
		var ok bool
		start := len(out)
		if n > 0 {
			out = append(out, ", "...)
		}
		out, d, ok = appendSimpleType(out, d)
		if !ok {
			out = out[:start]
			break
		}
	}
	return common(out)
}

// common is string(b), without an allocation for the types most methods
// take or return: every method of every class has a declaration.
func common(b []byte) string {
	switch string(b) {
	case "void":
		return "void"
	case "boolean":
		return "boolean"
	case "int":
		return "int"
	case "long":
		return "long"
	case "String":
		return "String"
	case "Object":
		return "Object"
	case "Object[]":
		return "Object[]"
	case "String[]":
		return "String[]"
	}
	return string(b)
}

func returns(name, desc string) string {
	if name == "<init>" || name == "<clinit>" {
		return ""
	}
	i := strings.IndexByte(desc, ')')
	if i < 0 {
		return ""
	}
	var buf [64]byte
	out, _, _ := appendSimpleType(buf[:0], desc[i+1:])
	return common(out)
}

// appendSimpleType appends the first type of descriptor d as
// simpleType(nextType(d)) renders it ("Map", "int[]") without building the
// qualified name, and returns the rest of d; ok is false where nextType
// finds no type.
func appendSimpleType(out []byte, d string) ([]byte, string, bool) {
	dims := 0
	for len(d) > 0 && d[0] == '[' {
		dims++
		d = d[1:]
	}
	if d == "" {
		return out, "", false
	}
	var name string
	if d[0] == 'L' {
		end := strings.IndexByte(d, ';')
		if end < 0 {
			return out, "", false
		}
		name, d = d[1:end], d[end+1:]
	} else {
		name, d = primitives[d[0]], d[1:]
	}
	if name == "" && dims == 0 {
		return out, "", false // as nextType: no type
	}
	// As simpleType: trailing brackets of the name go with the
	// dimensions; the simple name follows the last package or nesting
	// separator ('/' is '.' once dotted).
	base := strings.TrimRight(name, "[]")
	if facts.OptionParserType(base) {
		// A command-line option parser's type keeps its package: a
		// source's imports tell it, a class file has none
		// (callgraph's command-line methods).
		out = appendDotted(out, base)
	} else if i := strings.LastIndexAny(base, "/.$"); i >= 0 {
		out = append(out, base[i+1:]...)
	} else {
		out = append(out, base...)
	}
	out = append(out, name[len(base):]...)
	for ; dims > 0; dims-- {
		out = append(out, "[]"...)
	}
	return out, d, true
}

// appendDotted appends a class file's name of a type with '.' for its
// package and nesting separators.
func appendDotted(out []byte, name string) []byte {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c == '/' || c == '$' {
			c = '.'
		}
		out = append(out, c)
	}
	return out
}

func simpleType(t string) string {
	base := strings.TrimRight(t, "[]")
	return simple(base) + t[len(base):]
}

// annotations renders annotations as a source would write them, with the
// type's qualified name (a class file has no imports) and the elements the
// class file keeps: "@org.springframework.jmx.export.annotation.ManagedResource(objectName = \"a:b=c\")".
func annotations(as []classfile.Annotation) []string {
	var out []string
	for i := range as {
		out = append(out, annotationText(&as[i]))
	}
	return out
}

func annotationText(a *classfile.Annotation) string {
	s := "@" + descType(a.Type)
	if len(a.Elements) == 0 {
		return s
	}
	if len(a.Elements) == 1 && a.Elements[0].Name == "value" {
		return s + "(" + elementText(a.Elements[0].Value) + ")"
	}
	var parts []string
	for _, e := range a.Elements {
		parts = append(parts, e.Name+" = "+elementText(e.Value))
	}
	return s + "(" + strings.Join(parts, ", ") + ")"
}

// elementText renders an annotation element value as a Java literal.
func elementText(v classfile.ElementValue) string {
	switch v.Tag {
	case 's':
		return strconv.Quote(v.Str)
	case 'Z':
		return strconv.FormatBool(v.Int != 0)
	case 'C':
		return strconv.QuoteRune(rune(v.Int))
	case 'B', 'I', 'J', 'S':
		return strconv.FormatInt(v.Int, 10)
	case 'D', 'F':
		return strconv.FormatFloat(v.Float, 'g', -1, 64)
	case 'e':
		return simple(descType(v.EnumType)) + "." + v.Str
	case 'c':
		if v.Str == "V" {
			return "void.class"
		}
		return simpleType(descType(v.Str)) + ".class"
	case '@':
		if v.Annotation != nil {
			return annotationText(v.Annotation)
		}
	case '[':
		var parts []string
		for _, x := range v.Array {
			parts = append(parts, elementText(x))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return ""
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
	return td // Line: the extractor's, from the methods' lines (firstLine)
}

// firstLine folds a method's first line (0: it has no line table) into the
// type's: the least line of any method.
func firstLine(first int, m *classfile.Method, line int) int {
	if m.Code != nil && len(m.Code.Lines) > 0 && (first == 0 || line < first) {
		return line
	}
	return first
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

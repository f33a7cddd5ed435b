package callgraph

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// ReflectNames are the calls a reflective call by a constant name is
// made of, beyond Names: the method and constructor lookups and the
// creation of an instance. The search for callers asks the extractor
// for them.
var ReflectNames = []string{"getMethod", "getDeclaredMethod", "newInstance", "getConstructor", "getDeclaredConstructor"}

// Reflect is a call of a project method by a constant name through
// reflection: `Class.forName("a.B").getMethod("m", ...)` (a method of
// a.B named m, any arity), `loader.loadClass("a.B").newInstance()` (a
// constructor of a.B, Name "<init>"). Class is "" when the class is not
// a constant the file shows (`o.getClass().getMethod("m")`): the method
// is then the one a single project class other than the caller's
// declares, if any (Graph.ResolveReflective).
type Reflect struct {
	Caller facts.MethodKey // Arity -1
	Class  string
	Name   string
	Site   facts.Site
}

// Reflective finds the reflective calls by constant names in a file's
// facts. A class is known when the receiver of the lookup is a class
// literal, a Class.forName or loadClass of a constant name, or a local
// variable or a field assigned once with one of those.
func Reflective(path string, f *facts.File) []Reflect {
	var out []Reflect
	bySpan := map[facts.Span]*facts.Call{}
	for i := range f.Calls {
		bySpan[f.Calls[i].Span] = &f.Calls[i]
	}
	for i := range f.Calls {
		c := &f.Calls[i]
		if c.Context.Method == "" {
			continue
		}
		var r Reflect
		switch c.Name {
		case "getMethod", "getDeclaredMethod":
			if len(c.Args) == 0 {
				continue
			}
			name := constString(c.Args[0])
			if name == "" {
				continue
			}
			r = Reflect{Class: classOf(f, bySpan, c, c.Recv, 0), Name: name}
		case "newInstance":
			recv := c.Recv
			if rc := bySpan[recv.Span]; recv.Kind == facts.ExprCall && rc != nil && (rc.Name == "getConstructor" || rc.Name == "getDeclaredConstructor") {
				recv = rc.Recv
			}
			cls := classOf(f, bySpan, c, recv, 0)
			if cls == "" {
				continue // a constructor of an unknown class: not guessed
			}
			r = Reflect{Class: cls, Name: "<init>"}
		default:
			continue
		}
		if r.Class != "" && !projectOwner(r.Class) {
			continue
		}
		r.Caller = byName(c.Class, c.Method)
		r.Site = facts.Site{Path: path, Span: c.Span, Line: c.Line}
		out = append(out, r)
	}
	return out
}

// constString is the value of a string constant: a literal, a constant
// of the file, or a local variable initialised with one.
func constString(x facts.Expr) string {
	for d := 0; d < 4; d++ {
		if x.Kind == facts.ExprString {
			return x.Value
		}
		if x.Kind != facts.ExprName || x.Local == nil {
			return ""
		}
		x = *x.Local
	}
	return ""
}

// classOf is the binary name of the class a Class-valued expression
// denotes when the file shows it as a constant, "" otherwise.
func classOf(f *facts.File, bySpan map[facts.Span]*facts.Call, at *facts.Call, x facts.Expr, depth int) string {
	if depth > 4 {
		return ""
	}
	switch x.Kind {
	case facts.ExprClass:
		return x.Value
	case facts.ExprCall:
		c := bySpan[x.Span]
		if c == nil || len(c.Args) == 0 {
			return ""
		}
		if c.Name == "forName" && (c.Owner == "java.lang.Class" || c.Owner == "") || c.Name == "loadClass" {
			return constString(c.Args[0])
		}
	case facts.ExprName:
		if x.Local != nil {
			return classOf(f, bySpan, at, *x.Local, depth+1)
		}
		if init := onceField(f, at.Class, strings.TrimPrefix(x.Text, "this.")); init != nil {
			return classOf(f, bySpan, at, *init, depth+1)
		}
	}
	return ""
}

// onceField is the initialiser of a field of class named name that is
// assigned nowhere else: final, or static and never written in the file.
func onceField(f *facts.File, class, name string) *facts.Expr {
	for i := range f.Fields {
		fd := &f.Fields[i]
		if fd.Class != class || fd.Name != name || fd.Init == nil {
			continue
		}
		if fd.Final {
			return fd.Init
		}
		if !fd.Static {
			return nil
		}
		for _, w := range f.Writes {
			if w.Owner == class && w.Name == name && (w.Kind == facts.WriteAssign || w.Kind == facts.WriteCompound) {
				return nil
			}
		}
		return fd.Init
	}
	return nil
}

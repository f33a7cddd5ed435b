package classfile

import "strings"

// References calls fn for each class a class file needs at run time: its
// super class and interfaces (to load it) and the classes its method
// bodies name (to run them): member owners, new, checkcast, instanceof,
// array creation and class constants. name is an internal name
// ("com/acme/Foo"), array descriptors reduced to their element class;
// method is "" for the super types and the method's name otherwise.
// Method bodies that do not decode are skipped from the first bad
// instruction on.
func References(c *Class, fn func(name, method string)) {
	if c.Super != "" {
		fn(c.Super, "")
	}
	for _, i := range c.Interfaces {
		fn(i, "")
	}
	for i := range c.Methods {
		m := &c.Methods[i]
		if m.Code == nil {
			continue
		}
		_ = m.Code.Decode(func(in Instr) bool {
			var n string
			switch {
			case in.Ref != nil:
				n = elementClass(in.Ref.Owner)
			case in.Class != "":
				n = elementClass(in.Class)
			case in.Op == OpLdc || in.Op == OpLdcW:
				if k := in.Const(); k.Kind == TagClass {
					n = elementClass(k.Str) // a Foo.class literal
				}
			}
			if n != "" {
				fn(n, m.Name)
			}
			return true
		})
	}
}

// elementClass turns an array descriptor into its element class ("" for
// primitives); a plain internal name is returned as is.
func elementClass(s string) string {
	if !strings.HasPrefix(s, "[") {
		return s
	}
	s = strings.TrimLeft(s, "[")
	if strings.HasPrefix(s, "L") && strings.HasSuffix(s, ";") {
		return s[1 : len(s)-1]
	}
	return ""
}

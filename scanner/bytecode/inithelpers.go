package bytecode

import (
	"sort"
	"strings"

	"github.com/kscan/kscan/scanner/classfile"
)

// initHelpers lists the private static methods of c (overloads taken as
// one) that only its static initialiser calls, directly or through one
// such method (two levels, as the source side reads a static block's
// private helpers from its text):
// what they store is set once, as the class initialises. A method called
// through a method reference, a lambda or a synthetic accessor may run at
// any time, and is none. nested says c nests classes or is nested: from
// Java 11 on (nestmates) those call its private methods from their own
// class files, which this one does not show, so such a class has none.
// "<init>" is among them when every constructor is private (no synthetic
// accessor an outer class calls it through) and only the static
// initialiser creates the class, directly, through such a helper or
// through another constructor (this(...)): a typesafe enum's constants,
// built once as the class initialises.
func initHelpers(c *classfile.Class, nested bool) []string {
	if nested && c.Major >= 55 {
		return nil
	}
	// The methods of one name are one helper, as the source's text sees
	// them: every overload must be a private static method with code (one
	// handing on to another is a call inside the set).
	other := map[string]bool{}
	for i := range c.Methods {
		m := &c.Methods[i]
		if !m.Access.Has(classfile.AccPrivate) || !m.Access.Has(classfile.AccStatic) || m.Access.Has(classfile.AccSynthetic) || m.Code == nil {
			other[m.Name] = true
		}
	}
	var cand map[string]bool
	ctors, private := 0, true
	for i := range c.Methods {
		m := &c.Methods[i]
		if m.Name == "<init>" {
			ctors++
			private = private && m.Access.Has(classfile.AccPrivate)
			continue
		}
		if !other[m.Name] && m.Name != "<clinit>" {
			if cand == nil {
				cand = map[string]bool{}
			}
			cand[m.Name] = true
		}
	}
	if ctors > 0 && private {
		if cand == nil {
			cand = map[string]bool{}
		}
		cand["<init>"] = true
	}
	if cand == nil {
		return nil
	}
	// A lambda's body is compiled to lambda$name$N and its writes are
	// named for name: they run when the lambda is called, so a method
	// with a lambda in it is none.
	for i := range c.Methods {
		if n := c.Methods[i].Name; strings.HasPrefix(n, "lambda$") {
			if j := strings.LastIndexByte(n, '$'); j > len("lambda$") {
				delete(cand, n[len("lambda$"):j])
			}
		}
	}
	callers := map[string][]string{}
	escaped := map[string]bool{}
	for i := range c.Methods {
		m := &c.Methods[i]
		if m.Code == nil {
			continue
		}
		_ = m.Code.Walk(func(pc int, op classfile.Opcode, index int) bool {
			if !op.IsInvoke() {
				return true
			}
			if op == classfile.OpInvokedynamic {
				if d, err := c.Pool.Dynamic(index); err == nil {
					if t := d.LambdaTarget(); t != nil && t.Owner == c.Name && cand[t.Name] {
						escaped[t.Name] = true // a method reference: called whenever it is
					}
				}
				return true
			}
			if r, err := c.Pool.MemberRef(index); err == nil && r.Owner == c.Name && cand[r.Name] {
				callers[r.Name] = append(callers[r.Name], m.Name)
			}
			return true
		})
	}
	var helper func(name string, depth int) bool
	helper = func(name string, depth int) bool {
		if depth == 0 || !cand[name] || escaped[name] || len(callers[name]) == 0 {
			return false
		}
		for _, by := range callers[name] {
			if by == "<clinit>" || by == name || helper(by, depth-1) {
				continue // the initialiser, a recursive call, or a helper of it
			}
			return false
		}
		return true
	}
	var out []string
	for name := range cand {
		if helper(name, 2) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

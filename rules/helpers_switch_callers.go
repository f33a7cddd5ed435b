package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A loader-switch helper that is not private (bind(), a wrapper's
// setContextLoader()) leaves the restore to its callers, which may sit in
// other files: its finding waits for them (facts.Pending.Switcher).

// switcherPending is what a switch's finding waits for when its method
// may be called from other files: nil for a private method (its callers
// are read in the file, callersRestore), a constructor or an initialiser.
func switcherPending(p *Pass, c *facts.Call) *facts.Pending {
	m := enclosingMethodDecl(p, c.Span)
	if m != nil && !c.InLambda {
		if k, ok := switchAction(p, c, m); ok {
			return &facts.Pending{Class: c.Class, NameParam: -1, Switcher: &k}
		}
	}
	if m == nil || m.Name == "<init>" || c.Method != m.Name || c.InStaticInit || c.InLambda || privateDecl(p, m) {
		return nil
	}
	return &facts.Pending{Class: c.Class, NameParam: -1,
		Switcher: &facts.MethodKey{Class: m.Class, Name: m.Name, Arity: len(paramNames(m.Params))}}
}

// privateDecl reports a method declared private (read from the text of
// its declaration in sources).
func privateDecl(p *Pass, m *facts.MethodDecl) bool {
	if m.Private {
		return true
	}
	head := p.Text(facts.Span{Start: m.Decl.Start, End: m.Span.Start})
	return wordIn([]byte(head), "private")
}

// SettleSwitcher reports a switch helper's finding that its project
// callers clear: there is at least one, and every call reads the context
// loader before (or keeps the loader the helper returns) and sets a loader
// back in a finally block after it, in a source the scan can read. A
// helper the project never calls is the clients' API: it stays reported.
func SettleSwitcher(p *facts.Pending, g *facts.CallGraph, sourceAt func(string) []byte) bool {
	if p == nil || p.Switcher == nil || g == nil || sourceAt == nil {
		return false
	}
	cs := g.Callers(*p.Switcher)
	if len(cs) == 0 {
		return false
	}
	for _, c := range cs {
		src := sourceAt(c.Site.Path)
		name := p.Switcher.Name
		if name == "<init>" {
			name = p.Switcher.Class[strings.LastIndexAny(p.Switcher.Class, ".$")+1:] // new Action(saved)
		}
		if src == nil || c.Context.InLambda || !restoredAround(src, c.Site.Span, name) {
			return false
		}
	}
	return true
}

// restoredAround reports a call (at span in src) whose method reads the
// context loader before it, or keeps the call's value (old = bind(x)),
// and whose enclosing try, or a try following it in its block, sets a
// loader back in its finally block, directly or through the helper name
// the call is made to (run(SetLoader.action(saved)) in finally).
func restoredAround(src []byte, span facts.Span, name string) bool {
	toks := tokenize(src, 0, len(src))
	ci := -1
	for i, t := range toks {
		if t.start >= span.Start {
			ci = i
			break
		}
	}
	if ci <= 0 {
		return false
	}
	open := methodOpen(src, toks, ci)
	if open < 0 {
		return false
	}
	end := matching(toks, open)
	if end < 0 {
		return false
	}
	// A call inside a finally block is the switch back itself, as a
	// setContextClassLoader there is.
	if enclosingOpen(toks, ci, open, func(j int) bool { return word(src, toks[j-1]) == "finally" }) >= 0 {
		return true
	}
	saved := toks[ci-1].kind == '='
	for j := open; j < ci && !saved; j++ {
		saved = word(src, toks[j]) == "getContextClassLoader"
	}
	// assigned reports a local the method assigns before the call (the
	// loader it saved, however it read it).
	assigned := func(w string) bool {
		for j := open; j+1 < ci; j++ {
			if toks[j].kind == 'w' && word(src, toks[j]) == w && toks[j+1].kind == '=' {
				return true
			}
		}
		return false
	}
	depth := 0
	for j := ci; j < end; j++ {
		switch toks[j].kind {
		case '{':
			depth++
		case '}':
			depth--
			if depth > 0 || j+2 >= end || word(src, toks[j+1]) != "finally" || toks[j+2].kind != '{' {
				continue
			}
			fin := matching(toks, j+2)
			for k := j + 2; k < fin; k++ {
				w := word(src, toks[k])
				if w == "setContextClassLoader" && saved {
					return true
				}
				// Switched back by the same helper, handed the loader saved before.
				if w == name && k+2 < fin && toks[k+1].kind == '(' && toks[k+2].kind == 'w' && assigned(word(src, toks[k+2])) {
					return true
				}
			}
		}
	}
	return false
}

// methodOpen is the index of the '{' that opens the body of the method
// enclosing toks[ci]: the first enclosing brace after a parameter list
// (and a throws clause) that is no if, loop, catch, switch, synchronized
// or instance creation. -1 when there is none.
func methodOpen(src []byte, toks []jtoken, ci int) int {
	return enclosingOpen(toks, ci, 0, func(j int) bool {
		k := j - 1
		for k > 0 && (toks[k].kind == 'w' || toks[k].kind == '.' || toks[k].kind == ',') {
			k-- // throws A, b.B
		}
		if toks[k].kind != ')' {
			return false
		}
		depthP := 0
		for ; k > 0; k-- {
			if toks[k].kind == ')' {
				depthP++
			} else if toks[k].kind == '(' {
				depthP--
				if depthP == 0 {
					break
				}
			}
		}
		if k <= 0 || toks[k-1].kind != 'w' {
			return false
		}
		switch word(src, toks[k-1]) {
		case "if", "for", "while", "catch", "switch", "synchronized", "try":
			return false
		}
		return k < 2 || word(src, toks[k-2]) != "new"
	})
}

// enclosingOpen is the index of the innermost '{' enclosing toks[from],
// after toks[stop], for which want holds; -1 when there is none.
func enclosingOpen(toks []jtoken, from, stop int, want func(j int) bool) int {
	depth := 0
	for j := from - 1; j > stop; j-- {
		switch toks[j].kind {
		case '}':
			depth++
		case '{':
			if depth > 0 {
				depth--
			} else if want(j) {
				return j
			}
		}
	}
	return -1
}

// switchAction is, for a context-loader switch in the run() of a
// privileged action that sets the loader its creator handed in (a field:
// Hibernate Validator's SetContextClassLoader), the method through which
// the project makes the action: a static factory of the class that returns
// it, or else its constructor. The action only switches; whoever makes and
// runs it saves the loader and switches back, or does not
// (SettleSwitcher).
func switchAction(p *Pass, c *facts.Call, m *facts.MethodDecl) (facts.MethodKey, bool) {
	if m.Name != "run" || m.Static || len(c.Args) != 1 || c.Args[0].Kind != facts.ExprName {
		return facts.MethodKey{}, false
	}
	var decl *facts.TypeDecl
	for i := range p.File.TypeDecls {
		if p.File.TypeDecls[i].Name == m.Class {
			decl = &p.File.TypeDecls[i]
		}
	}
	if decl == nil || decl.Kind != "class" {
		return facts.MethodKey{}, false
	}
	action := false
	for _, in := range decl.Interfaces {
		if n := rawSimple(in); n == "PrivilegedAction" || n == "PrivilegedExceptionAction" {
			action = true
		}
	}
	if !action {
		return facts.MethodKey{}, false
	}
	arg := strings.TrimPrefix(c.Args[0].Text, "this.")
	field := false
	for i := range p.File.Fields {
		if f := &p.File.Fields[i]; f.Class == m.Class && f.Name == arg && !f.Static {
			field = true
		}
	}
	if !field {
		return facts.MethodKey{}, false
	}
	simple := simpleName(m.Class)
	var ctor *facts.MethodDecl
	for i := range p.File.Methods {
		d := &p.File.Methods[i]
		if d.Class != m.Class {
			continue
		}
		if d.Static && rawSimple(d.Returns) == simple && !privateDecl(p, d) {
			return facts.MethodKey{Class: d.Class, Name: d.Name, Arity: len(paramNames(d.Params))}, true
		}
		if d.Name == "<init>" && !privateDecl(p, d) {
			ctor = d
		}
	}
	if ctor == nil {
		return facts.MethodKey{}, false
	}
	return facts.MethodKey{Class: ctor.Class, Name: "<init>", Arity: len(paramNames(ctor.Params))}, true
}

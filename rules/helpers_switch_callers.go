package rules

import "github.com/kscan/kscan/rules/facts"

// A loader-switch helper that is not private (bind(), a wrapper's
// setContextLoader()) leaves the restore to its callers, which may sit in
// other files: its finding waits for them (facts.Pending.Switcher).

// switcherPending is what a switch's finding waits for when its method
// may be called from other files: nil for a private method (its callers
// are read in the file, callersRestore), a constructor or an initialiser.
func switcherPending(p *Pass, c *facts.Call) *facts.Pending {
	m := enclosingMethodDecl(p, c.Span)
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
		if src == nil || c.Context.InLambda || !restoredAround(src, c.Site.Span) {
			return false
		}
	}
	return true
}

// restoredAround reports a call (at span in src) whose method reads the
// context loader before it, or keeps the call's value (old = bind(x)),
// and whose enclosing try, or a try following it in its block, sets a
// loader back in its finally block.
func restoredAround(src []byte, span facts.Span) bool {
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
	saved := toks[ci-1].kind == '='
	for j := open; j < ci && !saved; j++ {
		saved = word(src, toks[j]) == "getContextClassLoader"
	}
	if !saved {
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
				if word(src, toks[k]) == "setContextClassLoader" {
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
	depth := 0
	for j := ci - 1; j > 0; j-- {
		switch toks[j].kind {
		case '}':
			depth++
		case '{':
			if depth > 0 {
				depth--
				continue
			}
			k := j - 1
			for k > 0 && (toks[k].kind == 'w' || toks[k].kind == '.' || toks[k].kind == ',') {
				k-- // throws A, b.B
			}
			if toks[k].kind != ')' {
				continue
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
				continue
			}
			switch word(src, toks[k-1]) {
			case "if", "for", "while", "catch", "switch", "synchronized", "try":
				continue
			}
			if k >= 2 && word(src, toks[k-2]) == "new" {
				continue
			}
			return j
		}
	}
	return -1
}

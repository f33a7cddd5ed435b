package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A process-level hazard in a static method, not private, that waits for
// no switch in its own code, while every call of it in the project does
// ("static { if (Boolean.getBoolean("x.REPLACE")) replaceProps(); }",
// replaceProps public): the project runs it only for the operator who
// turns the switch on. Its callers may sit in other files, so the finding
// waits for the call graph (facts.Pending.OptInCallers). A method the
// project never calls stays as it is: only clients call it.

// optInCallersPending is what a hazard at span at of p's source, waiting
// for no switch in its own method, waits for: nil unless it sits in a
// static method that is not private (a private one's callers are read
// in its file, privateOptIn), of a class that is no local or anonymous
// one.
func optInCallersPending(p *Pass, at facts.Span) *facts.Pending {
	if len(p.Src) == 0 || at.End > len(p.Src) {
		return nil
	}
	reg, m, ok := codeAround(p.File, at.Start)
	if !ok || m == nil || m.Name == "<init>" || !m.Static || m.Decl.Start >= m.Span.Start || privateDecl(p, m) {
		return nil
	}
	if _, _, nested := codeAroundOf(p.File, reg); nested {
		return nil // a local class's method: called through what made it
	}
	key := facts.MethodKey{Class: m.Class, Name: m.Name, Arity: len(paramNames(m.Params))}
	public := wordIn(p.Src[m.Decl.Start:m.Span.Start], "public")
	return &facts.Pending{Class: m.Class, NameParam: -1, OptInCallers: &key, OptInPublic: public,
		OptInDecl: facts.Site{Path: p.File.Path, Span: m.Decl}}
}

// OptInAtCall is the opt-in switch a call (at span of f, source src)
// waits for in its own file, nil when it waits for none: what
// CallSite.OptIn holds.
func OptInAtCall(f *facts.File, src []byte, span facts.Span) *facts.OptIn {
	o, ok := optInAt(f, src, span)
	if !ok {
		return nil
	}
	return o.Clone()
}

// SettleOptInCallers returns the note of a finding whose method
// (p.OptInCallers) the project calls only behind an opt-in switch: it
// has calls, each waits for a switch (read through another class only
// when that class's source confirms it, SettleOptIn), and every use of
// the method's name in the sources that mention it (mentions) is one of
// those calls or a declaration: a method reference, a call the graph
// could not resolve or a lookup by name may run it unguarded. false when
// a search for callers stopped at its bound.
func SettleOptInCallers(p *facts.Pending, g *facts.CallGraph, source, sourceAt func(string) []byte,
	mentions func(string) ([]string, bool)) (string, bool) {
	if p == nil || p.OptInCallers == nil || g == nil || g.Incomplete || g.OptInIncomplete || sourceAt == nil || mentions == nil {
		return "", false
	}
	k := *p.OptInCallers
	cs := g.Callers(k)
	if k.Arity >= 0 {
		cs = append(cs[:len(cs):len(cs)], g.Callers(facts.MethodKey{Class: k.Class, Name: k.Name, Arity: -1})...)
	}
	if len(cs) == 0 {
		return "", false
	}
	var first *facts.OptIn
	sites := map[string][]facts.Span{}
	for _, c := range cs {
		if c.OptIn == nil {
			return "", false
		}
		o, ok := settledOptIn(c.OptIn, source, 0)
		if !ok {
			return "", false
		}
		if first == nil {
			first = o
		}
		sites[c.Site.Path] = append(sites[c.Site.Path], c.Site.Span)
	}
	files, ok := mentions(k.Name)
	if !ok {
		return "", false
	}
	for _, path := range files {
		src := sourceAt(path)
		var own facts.Span
		if path == p.OptInDecl.Path {
			own = p.OptInDecl.Span
		}
		if src == nil || !onlyCallsAt(src, k.Name, sites[path], own) {
			return "", false
		}
	}
	return optInCallersNote(k, first, p.OptInPublic), true
}

// onlyCallsAt reports a source whose every use of the method name is a
// call within one of spans, a method's declaration, or a call in own (the
// method's own declaration, in its file): that runs only once the method
// does.
func onlyCallsAt(src []byte, name string, spans []facts.Span, own facts.Span) bool {
	if strings.Contains(string(src), `"`+name+`"`) {
		return false // a reflective lookup: who calls it is not known
	}
	code := javaCode(string(src))
	for i := wordIndexIn(code, name, 0); i >= 0; i = wordIndexIn(code, name, i+len(name)) {
		k := i - 1
		for k >= 0 && strings.IndexByte(" \t\n\r", code[k]) >= 0 {
			k--
		}
		if k >= 1 && code[k] == ':' && code[k-1] == ':' {
			return false // a method reference: whoever holds it calls it
		}
		j := skipSpace(code, i+len(name))
		if j >= len(code) || code[j] != '(' || own.End > 0 && within(i, own) {
			continue // a field, a type, a word of another kind; the method's own code
		}
		if k >= 2 && code[k-2:k+1] == "new" && (k == 2 || !isIdent(code[k-3])) {
			continue // an instance of a class of that name
		}
		close := matchClose(code, j)
		if close < 0 {
			return false
		}
		after := skipSpace(code, close+1)
		if after < len(code) && (code[after] == '{' || strings.HasPrefix(code[after:], "throws") && (after+6 == len(code) || !isIdent(code[after+6]))) {
			continue // a declaration
		}
		seen := false
		for _, s := range spans {
			if s.Start <= i && i < s.End {
				seen = true
				break
			}
		}
		if !seen {
			return false
		}
	}
	return true
}

// optInCallersNote is what a finding says of the switch every project
// call of its method k waits for.
func optInCallersNote(k facts.MethodKey, o *facts.OptIn, public bool) string {
	who := "whoever configures it opts in"
	if strings.HasPrefix(o.Switch, "system property ") || strings.HasPrefix(o.Switch, "environment variable ") {
		who = "whoever runs the JVM opts in"
	}
	note := " (the project calls " + methodPhrase(facts.MethodKey{Class: k.Class, Name: k.Name}) + " only when " + o.Switch +
		" is turned on, off by default: " + who
	if public {
		note += "; the method is public, and a client that calls it asks for it by name"
	}
	return note + ")"
}

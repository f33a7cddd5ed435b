package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A ResourceBundle's base name is dotted like a class name
// ("org.acme.text.resources.Core"): a bundle of the library's own package
// is found by its own loader in every app, like its own classes. A lookup
// by a helper's parameter is settled by the helper's callers, through
// wrappers handing the name on (facts.Pending.Bundle); one built on a
// constant of another file by that constant's value.

// bundlePending is what a getBundle's verdict waits for: the callers of
// the name parameter, or the constants the name is built on. nil when
// neither.
func bundlePending(p *Pass, c *facts.Call, name facts.Expr) *facts.Pending {
	pd := &facts.Pending{Class: c.Class, Method: facts.MethodKey{Class: c.Class, Name: c.Method, Arity: -1}, NameParam: -1, Bundle: true}
	t := strings.TrimSpace(name.Text)
	switch name.Kind {
	case facts.ExprConcat:
		head := strings.TrimSpace(splitTopLevel(t, '+', false)[0])
		if !constantName.MatchString(head) && !typeField.MatchString(head) {
			return nil
		}
		pd.Names, pd.Scope = []string{qualifyConstants(p, t)}, constantScope(p, c.Class)
		return pd
	case facts.ExprName:
		if constantName.MatchString(t) || typeField.MatchString(t) {
			pd.Names, pd.Scope = []string{qualifyConstants(p, t)}, constantScope(p, c.Class)
			return pd
		}
	default:
		return nil
	}
	// The parameter of the lookup's method, or of the method around the
	// anonymous class the lookup sits in.
	var m *facts.MethodDecl
	m, pd.NameParam = nameParamOf(p, c.Span, t)
	if m == nil {
		return nil
	}
	pd.Method = facts.MethodKey{Class: m.Class, Name: m.Name, Arity: len(paramNames(m.Params))}
	return pd
}

// settleBundle reports a bundle lookup whose every name is one of the
// library's own bundles.
func settleBundle(p *facts.Pending, g *facts.CallGraph, k *Constants, declared func(string) bool) bool {
	if g != nil && len(p.Before) > 0 && contextLoaderBefore(g, p.Class, p.Before) {
		// The fallback of a lookup through the context loader a project
		// helper returned.
		return true
	}
	if len(p.Names) > 0 {
		for _, n := range p.Names {
			v, complete := k.Eval(n, p.Scope)
			if !bundleOwn(v, complete, p.Class) {
				return false
			}
		}
		return true
	}
	if g == nil || p.NameParam < 0 {
		return false
	}
	fixed, _ := fixedCallers(g, p.Method, p.NameParam, k, declared, 0, p.EntrySensitive)
	return fixed
}

// bundleOwn reports a bundle name of the library's own package (a head of
// it when not complete).
func bundleOwn(v string, complete bool, class string) bool {
	if !complete {
		return v != "" && ownPackageHead(v, class)
	}
	return samePackageRoot(v, class) && !strings.HasSuffix(v, ".")
}

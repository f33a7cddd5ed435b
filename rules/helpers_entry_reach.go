package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// What an entry-sensitive finding says when an entry point reaches its
// method but other code does too, which is why it is kept: a reader who
// sees only the launcher's path would judge it a command line's own
// process otherwise.

// OtherReachNote is the note an entry-sensitive finding's message takes
// when r is how code other than the entry points reaches its method, and
// the calls of that chain in order, as related locations (a line of a
// file each; a step with no call seen has none).
func OtherReachNote(r *facts.OtherReach) (string, []Related) {
	if r == nil || len(r.Steps) == 0 {
		return "", nil
	}
	root := methodPhrase(r.Steps[0].Caller)
	var b strings.Builder
	if r.Entry.Name != "" {
		b.WriteString(" (" + methodPhrase(r.Entry) + ", an entry point, reaches this method, and so does ")
	} else {
		b.WriteString(" (an entry point reaches this method, and so does ")
	}
	b.WriteString(root)
	b.WriteString(", which is not one: ")
	b.WriteString(openPhrase(r.Open))
	if len(r.Steps) > 1 {
		b.WriteString("; through ")
		for i, s := range r.Steps[1:] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(methodPhrase(s.Caller))
		}
	}
	b.WriteString(")")
	var out []Related
	for _, s := range r.Steps {
		if s.Site.Line <= 0 {
			continue
		}
		msg := methodPhrase(s.Caller) + " calls " + methodPhrase(s.Callee) + " here"
		if s.Callee.Name == "<init>" {
			msg = methodPhrase(s.Caller) + " creates a " + simpleName(s.Callee.Class) + " here"
		}
		out = append(out, Related{Path: s.Site.Path, Line: s.Site.Line, Message: msg})
	}
	return b.String(), out
}

// methodPhrase names a method of a chain: "Embedded.start", "the Server
// constructor".
func methodPhrase(k facts.MethodKey) string {
	return where(facts.Context{Class: k.Class, Method: k.Name})
}

// openPhrase says why a method runs although no entry point reaches it.
func openPhrase(o facts.OpenReason) string {
	switch o {
	case facts.OpenUnsearched:
		return "its callers were not searched, so kscan cannot tell that only entry points call it"
	case facts.OpenOverride:
		return "an override, called through its supertype"
	case facts.OpenInit:
		return "it runs wherever its class is first used"
	case facts.OpenSuperCtor:
		return "a constructor its subclasses run"
	case facts.OpenIncomplete:
		return "the search for its callers stopped at its bound"
	case facts.OpenUndeclared:
		return "its declaration was not read"
	}
	return "nothing in the project calls it, so code outside the project may"
}

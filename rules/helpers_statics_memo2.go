package rules

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A memo is often filled through a private update helper that also
// clears the map when it grows too large (updateParseCache(value, parsed),
// updateFormatCache(time, formatted)). Inside the helper the value is a
// parameter, so it looks handed in; whether it is depends on the helper's
// callers. When every call in the file passes a value computed from the
// key it passes (a parse or format of it), the helper stores a function of
// the key: every app gets the same answer for the same key.

// memoViaHelper reports a static map that memoCache would accept once the
// puts of private helpers fed from the key by all their callers are set
// aside.
func memoViaHelper(file *facts.File, src []byte, f *facts.Field, ws []*facts.Write) bool {
	if src == nil || strings.HasSuffix(file.Path, ".class") {
		return false // a class file keeps no parameter names or caller text
	}
	rest := make([]*facts.Write, 0, len(ws))
	for _, w := range ws {
		if w.Kind == facts.WriteCall && (w.Method == "put" || w.Method == "putIfAbsent") && len(w.Args) == 2 &&
			helperFedFromKey(file, src, w) {
			continue
		}
		rest = append(rest, w)
	}
	return len(rest) < len(ws) && memoCache(file, src, f, rest)
}

// helperFedFromKey reports a put(key, value) in a private method that
// stores two of its parameters, every call of which in the file passes a
// value computed from the key it passes, with no other input of the
// caller's.
func helperFedFromKey(file *facts.File, src []byte, w *facts.Write) bool {
	m := file.MethodAround(w.Span.Start)
	if m == nil || m.Name == "<init>" || !isPrivate(src, m) || m.Decl.End > len(src) {
		return false
	}
	params := paramsOf(m)
	ki, vi := -1, -1
	for i, p := range params {
		switch p.name {
		case strings.TrimSpace(w.Args[0].Text):
			ki = i
		case strings.TrimSpace(w.Args[1].Text):
			vi = i
		}
	}
	if ki < 0 || vi < 0 {
		return false
	}
	// The helper must store its parameters as they came in.
	body := string(src[m.Decl.Start:m.Decl.End])
	for _, i := range []int{ki, vi} {
		if assignmentsTo(params[i].name).MatchString(body) {
			return false
		}
	}
	calls := 0
	text := string(src)
	for _, loc := range helperCallRE(m.Name).FindAllStringSubmatchIndex(text, -1) {
		at := loc[2]
		if at == m.Span.Start {
			continue // the declaration's own name
		}
		if at >= 2 && text[at-2:at] == "::" {
			return false // a method reference: its arguments are not in view
		}
		args, ok := callArgs(text[loc[1]:])
		caller := file.MethodAround(at)
		if !ok || len(args) != len(params) || caller == nil || caller == m {
			return false
		}
		key := &facts.Expr{Text: strings.TrimSpace(args[ki])}
		value := &facts.Expr{Text: strings.TrimSpace(args[vi])}
		if key.Text == "" || value.Text == "" || appLoadedRE.MatchString(value.Text) ||
			valueHandedIn(file, src, at, key, value) || !derivedFromKey(src, caller, key, value) {
			return false
		}
		calls++
	}
	return calls > 0
}

// helperCallRE finds a call of a method by its bare or qualified name, up to
// its opening parenthesis.
func helperCallRE(name string) *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[^\w$])(` + regexp.QuoteMeta(name) + `)\s*\(`)
}

// derivedFromKey reports a value computed from a parameter of the caller
// that the key is made from as well. A value from neither (an entry of a
// map walked in a lambda, forEach((k, v) -> remember(k, v))) is not seen
// to be a function of the key.
func derivedFromKey(src []byte, caller *facts.MethodDecl, key, value *facts.Expr) bool {
	if caller.Decl.Start < 0 || caller.Decl.End > len(src) {
		return false
	}
	text := string(src[caller.Decl.Start:caller.Decl.End])
	inKey, inValue := inputsOf(key.Text, text), inputsOf(value.Text, text)
	for _, p := range paramsOf(caller) {
		if p.name != "" && inKey[p.name] && inValue[p.name] {
			return true
		}
	}
	return false
}

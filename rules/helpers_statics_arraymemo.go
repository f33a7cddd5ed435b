package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// arraySlotMemo reports a static array whose every write stores, at the
// slot a primitive parameter of its method indexes, a value made from that
// parameter alone (and constants): cache[a] = new Interval(a, a), ints[x]
// = x, rights[(int) c] = new Right(c). Each slot holds what its index
// computes, the same whichever app asks first: a memo of a pure function,
// as memoCache reads a map's. Another parameter in the value, or a static
// the class lets callers set, makes the first caller's input the slot's.
// Sources only: a class file keeps no text of the index or the value.
func arraySlotMemo(file *facts.File, src []byte, f *facts.Field, ws []*facts.Write) bool {
	if src == nil || !isArray(f) || strings.Count(f.TypeText, "[") != 1 || len(ws) == 0 {
		return false
	}
	settable := map[string]bool{}
	for i := range file.Fields {
		if fd := &file.Fields[i]; fd.Static && !fd.Final {
			settable[fd.Name] = true
		}
	}
	for _, w := range ws {
		if w.Kind != facts.WriteArrayStore || w.Value == nil || w.Span.Start < 0 || w.Span.End > len(src) {
			return false
		}
		m := slotStoreRE.FindStringSubmatch(string(src[w.Span.Start:w.Span.End]))
		caller := file.MethodAround(w.Span.Start)
		if m == nil || m[1] != f.Name || caller == nil || caller.Decl.Start < 0 || caller.Decl.End > len(src) {
			return false
		}
		index := m[2]
		ok := false
		for _, p := range paramsOf(caller) {
			if p.name == index {
				ok = primitiveIndex[strings.TrimSpace(p.typ)]
			}
		}
		if !ok {
			return false
		}
		in := inputsOf(w.Value.Text, string(src[caller.Decl.Start:caller.Decl.End]))
		if !in[index] || appLoadedRE.MatchString(w.Value.Text) {
			return false
		}
		for _, p := range paramsOf(caller) {
			if p.name != index && in[p.name] {
				return false // another input: the first caller's
			}
		}
		for name := range in {
			if settable[name] {
				return false
			}
		}
	}
	return true
}

// slotStoreRE reads a slot store's array name and index: Type.NAME[i] =,
// NAME[(int) c] =.
var slotStoreRE = lazyRE(`^(?:[\w$]+\s*\.\s*)*([\w$]+)\s*\[\s*(?:\(\s*int\s*\)\s*)?([\w$]+)\s*\]\s*=[^=]`)

// primitiveIndex are the parameter types an array slot is indexed by.
var primitiveIndex = map[string]bool{"int": true, "char": true, "short": true, "byte": true}

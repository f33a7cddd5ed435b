package rules

import (
	"bytes"

	"github.com/kscan/kscan/internal/javatext"

	"github.com/kscan/kscan/rules/facts"
)

// Byte-level pre-checks for rules whose keywords ("static", "null") occur in
// most Java files. Each errs on the side of parsing: a false "maybe" costs a
// parse, a false "no" would lose a finding.

func containsAny(src []byte, words ...string) bool {
	for _, w := range words {
		if bytes.Contains(src, []byte(w)) {
			return true
		}
	}
	return false
}

// mutableStaticWritten reports a static field declaration that is either
// not final or final with a mutable container type, whose name the file
// also writes (name =, +=, ++, [, .put(...)): what static-mutable-state can
// flag in the declaring file. It reads the tokens after each "static" up to
// the first '=', ';', '(' or '{'.
func mutableStaticWritten(src []byte) bool {
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte("static"))
		if j < 0 {
			return false
		}
		at := i + j
		i = at + 6
		if at > 0 && isIdent(src[at-1]) || i < len(src) && isIdent(src[i]) {
			continue
		}
		end := i
		for end < len(src) && end-i < 400 {
			c := src[end]
			if c == '=' || c == ';' || c == '(' || c == '{' {
				break
			}
			end++
		}
		if end >= len(src) || src[end] == '(' || src[end] == '{' {
			continue // a method, an initialiser, a nested type, an import, text
		}
		decl := src[i:end]
		if containsAny(decl, "class ", "interface ", "enum ", "record ", "import ") {
			continue
		}
		if wordIn(decl, "final") && !containsAny(decl, "Map", "List", "Set", "Collection", "Queue", "Deque", "Atomic",
			"StringBuilder", "StringBuffer", "[]", "Vector", "Hashtable", "Stack", "Properties", "Cache", "Registry", "Bag") {
			continue
		}
		// The declared name is the last identifier before '=' or ';'.
		e := len(decl)
		for e > 0 && !isIdent(decl[e-1]) {
			e--
		}
		s := e
		for s > 0 && isIdent(decl[s-1]) {
			s--
		}
		if s < e && writesName(src, decl[s:e], end) {
			return true
		}
	}
}

// writesName looks for a write to name anywhere but at its declaration.
func writesName(src, name []byte, declEnd int) bool {
	for i := 0; ; {
		j := bytes.Index(src[i:], name)
		if j < 0 {
			return false
		}
		at := i + j
		i = at + 1
		e := at + len(name)
		if at > 0 && isIdent(src[at-1]) || e < len(src) && isIdent(src[e]) || e == declEnd {
			continue
		}
		if at >= 2 && (src[at-2] == '+' && src[at-1] == '+' || src[at-2] == '-' && src[at-1] == '-') {
			return true
		}
		k := e
		for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
			k++
		}
		if k+1 >= len(src) {
			return false
		}
		switch c := src[k]; {
		case c == '=' && src[k+1] != '=':
			return true
		case (c == '+' || c == '-' || c == '*' || c == '/' || c == '|' || c == '&') && src[k+1] == '=':
			return true
		case (c == '+' || c == '-') && src[k+1] == c:
			return true
		case c == '[':
			return true
		case c == '.':
			m := k + 1
			for m < len(src) && isIdent(src[m]) {
				m++
			}
			if m < len(src) && src[m] == '(' && facts.Mutators[string(src[k+1:m])] {
				return true
			}
		}
	}
}

// qualifiedStaticWrite reports "Type.NAME = ", "Type.NAME += ", "Type.NAME++",
// "Type.NAME[" and "Type.NAME.mutator(": a write to another class's static,
// for the project-wide part of static-mutable-state.
func qualifiedStaticWrite(src []byte) bool {
	for i := 1; i < len(src)-1; i++ {
		if src[i] != '.' || !isIdent(src[i-1]) {
			continue
		}
		// The qualifier must start with an upper-case letter (a type).
		s := i - 1
		for s > 0 && isIdent(src[s-1]) {
			s--
		}
		if src[s] < 'A' || src[s] > 'Z' || s > 0 && src[s-1] == '.' {
			continue
		}
		e := i + 1
		for e < len(src) && isIdent(src[e]) {
			e++
		}
		if e == i+1 {
			continue
		}
		k := e
		for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
			k++
		}
		if k >= len(src) {
			return false
		}
		switch c := src[k]; {
		case c == '=' && (k+1 >= len(src) || src[k+1] != '='):
			return true
		case (c == '+' || c == '-') && k+1 < len(src) && (src[k+1] == '=' || src[k+1] == c):
			return true
		case c == '[':
			return true
		case c == '.':
			m := k + 1
			for m < len(src) && isIdent(src[m]) {
				m++
			}
			if m < len(src) && src[m] == '(' && m > k+1 {
				// a mutator on Type.NAME
				if facts.Mutators[string(src[k+1:m])] {
					return true
				}
			}
		}
	}
	return false
}

func wordIn(b []byte, w string) bool { return javatext.WordIn(b, w) }

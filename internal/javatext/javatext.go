// Package javatext holds the byte-level helpers that both the source
// extractor and the rules' pre-filters use on Java text.
package javatext

import "bytes"

// IsIdentByte reports bytes that can continue a Java identifier (any
// non-ASCII byte counts, as identifiers may be Unicode).
func IsIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// WordIn reports whether w occurs in b as a whole identifier.
func WordIn(b []byte, w string) bool { return WordAt(b, w, 0) >= 0 }

// WordCount counts the occurrences of w in b as a whole identifier.
func WordCount(b []byte, w string) int {
	if w == "" {
		return 0
	}
	n := 0
	for i := WordAt(b, w, 0); i >= 0; i = WordAt(b, w, i+len(w)) {
		n++
	}
	return n
}

// WordAt gives the offset of the first occurrence of w in b at or after
// from as a whole identifier, -1 when there is none.
func WordAt(b []byte, w string, from int) int {
	for i := from; i <= len(b); {
		j := bytes.Index(b[i:], []byte(w))
		if j < 0 {
			return -1
		}
		j += i
		e := j + len(w)
		if (j == 0 || !IsIdentByte(b[j-1])) && (e == len(b) || !IsIdentByte(b[e])) {
			return j
		}
		i = j + 1
	}
	return -1
}

// CallAt gives the offset of the first call of name in b at or after
// from: name as a whole identifier followed, past blanks, by "(". It gives
// -1 when there is none.
func CallAt(b []byte, name string, from int) int {
	if name == "" {
		return -1
	}
	for i := from; i < len(b); {
		j := bytes.Index(b[i:], []byte(name))
		if j < 0 {
			return -1
		}
		j += i
		k := j + len(name)
		for k < len(b) && (b[k] == ' ' || b[k] == '\t') {
			k++
		}
		if (j == 0 || !IsIdentByte(b[j-1])) && k < len(b) && b[k] == '(' {
			return j
		}
		i = j + len(name)
	}
	return -1
}

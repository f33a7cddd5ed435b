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
func WordIn(b []byte, w string) bool {
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte(w))
		if j < 0 {
			return false
		}
		j += i
		e := j + len(w)
		if (j == 0 || !IsIdentByte(b[j-1])) && (e == len(b) || !IsIdentByte(b[e])) {
			return true
		}
		i = j + 1
	}
}

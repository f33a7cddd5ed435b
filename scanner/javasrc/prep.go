package javasrc

import "bytes"

// The text the parser is given: the file's bytes with lone CRs made LFs,
// at the same offsets, so that every span and line still holds for the
// original.

// normalizeCR returns src with every CR that is not part of a CRLF turned
// into LF, so that a file with CR-only line ends reads as Java reads it:
// tree-sitter's grammar ends a // comment at LF only, and so do the text
// scans here. Offsets are unchanged, so spans still index the original.
// src itself is returned when it has no lone CR.
func normalizeCR(src []byte) []byte {
	i := bytes.IndexByte(src, '\r')
	for i >= 0 && i+1 < len(src) && src[i+1] == '\n' {
		j := bytes.IndexByte(src[i+2:], '\r')
		if j < 0 {
			return src
		}
		i += 2 + j
	}
	if i < 0 {
		return src
	}
	out := bytes.Clone(src)
	for ; i < len(out); i++ {
		if out[i] == '\r' && (i+1 == len(out) || out[i+1] != '\n') {
			out[i] = '\n'
		}
	}
	return out
}

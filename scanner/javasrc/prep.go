package javasrc

import "bytes"

// The text the parser is given: the file's bytes with lone CRs made LFs
// and pathological nesting cut down, at the same offsets, so that every
// span and line still holds for the original.

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

// MaxBrackets is how deeply brackets ({ ( [) may nest before the
// parser is spared what is inside: tree-sitter's time grows faster than
// the text with the depth, and no real code comes near it.
const MaxBrackets = 256

// limitNesting blanks out, with spaces, whatever sits inside brackets
// nested deeper than max, keeping the brackets at depth max+1 and every
// line break, so the parser sees a balanced, shallow file with the same
// offsets and lines. An unclosed bracket past max blanks the rest of the
// file. It returns src itself when nothing is that deep, else a copy and
// the offset of the first blanked bracket. (scanText tells whether a file
// needs it in the pass it makes anyway.)
func limitNesting(src []byte, max int) ([]byte, int) {
	if bytes.Count(src, []byte{'{'})+bytes.Count(src, []byte{'('})+bytes.Count(src, []byte{'['}) <= max {
		return src, -1
	}
	var out []byte
	first := -1
	depth := 0
	blankFrom := -1 // inside a deep bracket: blank from here
	lexJava(src, nil, func(i, j int) {
		// Comments and literals change no depth.
	}, func(i int) {
		switch src[i] {
		case '{', '(', '[':
			depth++
			if depth == max+1 && blankFrom < 0 {
				blankFrom = i + 1
				if first < 0 {
					first = i
				}
			}
		case '}', ')', ']':
			if depth == max+1 && blankFrom >= 0 {
				if out == nil {
					out = bytes.Clone(src)
				}
				blank(out[blankFrom:i])
				blankFrom = -1
			}
			if depth > 0 {
				depth--
			}
		}
	})
	if blankFrom >= 0 {
		if out == nil {
			out = bytes.Clone(src)
		}
		blank(out[blankFrom:])
	}
	if out == nil {
		return src, -1
	}
	return out, first
}

// deepBracket returns the offset of the first bracket nested deeper than
// max, outside comments and literals as lexJava reads them, or -1: the
// check ParseOnly makes, in a tight loop.
func deepBracket(src []byte, max int) int {
	n, depth := len(src), 0
	for i := 0; i < n; i++ {
		switch src[i] {
		case '/':
			if i+1 < n && src[i+1] == '/' {
				for i < n && src[i] != '\n' {
					i++
				}
			} else if i+1 < n && src[i+1] == '*' {
				i += 2
				for i+1 < n && !(src[i] == '*' && src[i+1] == '/') {
					i++
				}
				i++
			}
		case '"':
			i = skipString(src, i) - 1
		case '\'':
			for i++; i < n && src[i] != '\'' && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case '{', '(', '[':
			if depth++; depth > max {
				return i
			}
		case '}', ')', ']':
			if depth > 0 {
				depth--
			}
		}
	}
	return -1
}

// blank turns every byte but line breaks into a space.
func blank(b []byte) {
	for i, c := range b {
		if c != '\n' && c != '\r' {
			b[i] = ' '
		}
	}
}

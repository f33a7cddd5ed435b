package rules

import (
	"bytes"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// Code that runs only in a debug build: the then-branch of an `if` on a
// compile-time debug switch (`if (SanityManager.DEBUG)`, also `if (DEBUG &&
// on("x"))`), or a method that returns at once unless the switch is on.
// A static written only there (a debug stream, a trace flag) is a debug
// build's, not state that ships running.

// debugIfRE finds the head of an `if` on a debug switch, up to its
// opening brace or first statement.
var debugIfRE = lazyRE(`\bif\s*\(\s*(?:[A-Za-z_$][\w$]*\s*\.\s*)*DEBUG\s*(?:&&[^{};]*)?\)\s*`)

// debugReturnRE is a method body that starts by leaving unless the debug
// switch is on.
var debugReturnRE = lazyRE(`^\{\s*if\s*\(\s*!\s*(?:[A-Za-z_$][\w$]*\s*\.\s*)*DEBUG\s*\)\s*\{?\s*return\b`)

// debugSpans are the then-branches of the debug-switch ifs of src.
func debugSpans(src []byte) []facts.Span {
	var out []facts.Span
	if !bytes.Contains(src, []byte("DEBUG")) {
		return nil // the pattern needs the word: most files lack it
	}
	for _, loc := range debugIfRE.FindAllIndex(src, -1) {
		start := loc[1]
		if start < len(src) && src[start] == '{' {
			if end := matchBrace(src, start); end > start {
				out = append(out, facts.Span{Start: start, End: end})
			}
			continue
		}
		if end := strings.IndexByte(string(src[start:min(len(src), start+2000)]), ';'); end >= 0 {
			out = append(out, facts.Span{Start: start, End: start + end + 1})
		}
	}
	return out
}

// matchBrace is the offset just past the brace that closes the one at
// open, skipping string and character literals and comments; -1 when it
// is not closed.
func matchBrace(src []byte, open int) int {
	if i := closingBracket(src, open); i >= 0 {
		return i + 1
	}
	return -1
}

// closingBracket is the offset of the bracket closing the '(', '{' or '['
// at open, skipping string and character literals (which end at a line's
// end) and comments; -1 when it is not closed.
func closingBracket[S ~string | ~[]byte](src S, open int) int {
	if open < 0 || open >= len(src) {
		return -1
	}
	var pair byte
	switch src[open] {
	case '(':
		pair = ')'
	case '{':
		pair = '}'
	case '[':
		pair = ']'
	default:
		return -1
	}
	depth := 0
	for i := open; i < len(src); i++ {
		switch c := src[i]; c {
		case src[open]:
			depth++
		case pair:
			if depth--; depth == 0 {
				return i
			}
		case '"', '\'':
			for i++; i < len(src) && src[i] != c && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case '/':
			if i+1 < len(src) && src[i+1] == '/' {
				for i < len(src) && src[i] != '\n' {
					i++
				}
			} else if i+1 < len(src) && src[i+1] == '*' {
				j := i + 2
				for j+1 < len(src) && !(src[j] == '*' && src[j+1] == '/') {
					j++
				}
				if j+1 >= len(src) {
					return -1
				}
				i = j + 1
			}
		}
	}
	return -1
}

// debugOnlyMethod reports a method of the file that runs only in a debug
// build: its body returns at once unless the debug switch is on, or it is
// private and every call of it in the file sits in a debug-switch branch
// (or in another such method). Compiled code has no text to tell.
func debugOnlyMethod(f *facts.File, src []byte, class, method string, depth int) bool {
	if src == nil || depth == 0 || method == "" || method == "<init>" || method == "<clinit>" || strings.HasSuffix(f.Path, ".class") {
		return false
	}
	decl := soleMethod(f, class, method)
	if decl == nil || decl.Decl.End > len(src) || decl.Span.End > decl.Decl.End {
		return false
	}
	if body := strings.IndexByte(string(src[decl.Span.End:decl.Decl.End]), '{'); body >= 0 &&
		debugReturnRE.Match(src[decl.Span.End+body:decl.Decl.End]) {
		return true
	}
	return isPrivate(src, decl) && calledOnlyFrom(f, src, decl, debugSpans(src), depth, debugOnlyMethod)
}

package rules

import (
	"strings"
)

// Helpers that read a method's source text as code: comments and literals
// blanked, brackets matched, statements and loops delimited. They serve the
// rules that judge what a block of code does (a thread's task, the branch a
// call sits in); compiled code has no text, so they find nothing there.

// javaCode returns s with comments and the contents of string and char
// literals blanked (offsets kept), so that words in them are not code.
func javaCode(s string) string { return blankJava(s, true) }

// withoutComments returns s with its comments blanked (offsets kept) and
// its literals as written.
func withoutComments(s string) string { return blankJava(s, false) }

func blankJava(s string, literals bool) string {
	b := []byte(s)
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == '/' && i+1 < len(b) && b[i+1] == '/':
			for ; i < len(b) && b[i] != '\n'; i++ {
				b[i] = ' '
			}
		case b[i] == '/' && i+1 < len(b) && b[i+1] == '*':
			for ; i < len(b) && !(b[i] == '*' && i+1 < len(b) && b[i+1] == '/'); i++ {
				if b[i] != '\n' {
					b[i] = ' '
				}
			}
			if i < len(b) {
				b[i] = ' '
				if i+1 < len(b) {
					b[i+1] = ' '
					i++
				}
			}
		case b[i] == '"' || b[i] == '\'':
			q := b[i]
			for i++; i < len(b) && b[i] != q && b[i] != '\n'; i++ {
				if b[i] == '\\' && i+1 < len(b) {
					if literals {
						b[i] = ' '
					}
					i++
				}
				if literals {
					b[i] = ' '
				}
			}
		}
	}
	return string(b)
}

// matchClose returns the index of the bracket that closes code[open]
// ('(', '[' or '{'), -1 when there is none.
func matchClose(code string, open int) int {
	if open < 0 || open >= len(code) {
		return -1
	}
	o := code[open]
	c := map[byte]byte{'(': ')', '[': ']', '{': '}'}[o]
	if c == 0 {
		return -1
	}
	depth := 0
	for i := open; i < len(code); i++ {
		switch code[i] {
		case o:
			depth++
		case c:
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// skipSpace returns the first index at or after i that is not white space.
func skipSpace(code string, i int) int {
	for i < len(code) && (code[i] == ' ' || code[i] == '\t' || code[i] == '\n' || code[i] == '\r') {
		i++
	}
	return i
}

// statementEnd returns the end (exclusive) of the statement or block that
// starts at i: a braced block, or the text up to the ';' at depth 0.
func statementEnd(code string, i int) int {
	i = skipSpace(code, i)
	if i < len(code) && code[i] == '{' {
		if e := matchClose(code, i); e >= 0 {
			return e + 1
		}
		return len(code)
	}
	depth := 0
	for j := i; j < len(code); j++ {
		switch code[j] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth--; depth < 0 {
				return j
			}
		case ';':
			if depth == 0 {
				return j + 1
			}
		}
	}
	return len(code)
}

// topLevel calls visit with the offset of each byte of Java expression
// text that lies outside string literals and brackets, until visit returns
// false. angles counts < and > as brackets too (type arguments), except a
// lambda's arrow.
func topLevel(text string, angles bool, visit func(i int) bool) {
	depth, quoted := 0, false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case quoted && c == '\\':
			i++
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '(' || c == '[' || c == '{' || angles && c == '<':
			depth++
		case c == ')' || c == ']' || c == '}' || angles && c == '>' && (i == 0 || text[i-1] != '-'):
			depth--
		case depth == 0:
			if !visit(i) {
				return
			}
		}
	}
}

// splitTopLevel splits Java expression text at each top-level sep: an
// argument list at its commas, a concatenation at its pluses.
func splitTopLevel(text string, sep byte, angles bool) []string {
	var out []string
	start := 0
	topLevel(text, angles, func(i int) bool {
		if text[i] == sep {
			out = append(out, text[start:i])
			start = i + 1
		}
		return true
	})
	return append(out, text[start:])
}

// javaLoop is one loop statement of a task's code.
type javaLoop struct {
	Cond     string // the condition; "" for for(;;)
	Body     string
	Start    int  // offset of the body in the text read
	End      int  // end of the body
	Forever  bool // while (true), for (;;), do ... while (true)
	Counting bool // a for loop with a counter, or over a collection
}

var loopKeywordRE = lazyRE(`\b(while|for|do)\b`)

// javaLoops lists the loops of code (comments and literals blanked).
func javaLoops(code string) []javaLoop {
	var out []javaLoop
	for _, m := range loopKeywordRE.FindAllStringSubmatchIndex(code, -1) {
		kw := code[m[2]:m[3]]
		i := skipSpace(code, m[1])
		switch kw {
		case "do":
			if i >= len(code) || code[i] != '{' {
				continue
			}
			end := matchClose(code, i)
			if end < 0 {
				continue
			}
			w := skipSpace(code, end+1)
			if !strings.HasPrefix(code[w:], "while") {
				continue
			}
			o := skipSpace(code, w+len("while"))
			c := matchClose(code, o)
			if c < 0 {
				continue
			}
			cond := strings.TrimSpace(code[o+1 : c])
			out = append(out, javaLoop{Cond: cond, Body: code[i : end+1], Start: i, End: end + 1, Forever: cond == "true"})
		case "while", "for":
			if i >= len(code) || code[i] != '(' {
				continue
			}
			c := matchClose(code, i)
			if c < 0 {
				continue
			}
			head := code[i+1 : c]
			after := skipSpace(code, c+1)
			if kw == "while" && after < len(code) && code[after] == ';' {
				continue // the tail of a do loop, read with it
			}
			end := statementEnd(code, c+1)
			l := javaLoop{Body: code[after:end], Start: after, End: end}
			if kw == "while" {
				l.Cond = strings.TrimSpace(head)
				l.Forever = l.Cond == "true"
			} else if parts := splitTopLevel(head, ';', true); len(parts) == 3 {
				l.Cond = strings.TrimSpace(parts[1])
				l.Forever = l.Cond == "" || l.Cond == "true"
				l.Counting = !l.Forever
			} else {
				l.Counting = true // for (T x : xs)
			}
			out = append(out, l)
		}
	}
	return out
}

// ifRE finds the start of an if statement's condition.
var ifRE = lazyRE(`\bif\s*\(`)

// isIdentName reports a plain Java name (no call, no qualifier).
func isIdentName(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isIdent(s[i]) {
			return false
		}
	}
	return s != ""
}

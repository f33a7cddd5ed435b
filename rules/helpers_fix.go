package rules

import (
	"bytes"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// Helpers for the source text of fixes. A fix is offered only where it
// keeps what the code does in the deployment it was written for (one app,
// the thread's context loader being the app's loader): kscan fix applies
// them unread and IDEs offer them as quick fixes.

// contextLoaderOr is the thread context ClassLoader, or fallback on a
// thread that has none. With the loader the code used before as the
// fallback, such a thread behaves exactly as before the fix, where the
// bare context loader (null) would mean the bootstrap loader, or a
// NullPointerException.
func contextLoaderOr(f *facts.File, fallback string) string {
	tccl := contextLoader(f)
	return tccl + " != null ? " + tccl + " : " + fallback
}

// loaderOperand is a loader expression written so it can stand as the
// last operand of a conditional expression.
func loaderOperand(x facts.Expr) string {
	switch x.Kind {
	case facts.ExprCall, facts.ExprName, facts.ExprNull, facts.ExprClass:
		return x.Text
	}
	return "(" + x.Text + ")"
}

// loaderFallback is the context loader with the loader expression x as
// its fallback, parenthesised where x is the receiver of a call (the '.'
// may follow on the next line, after a comment).
func loaderFallback(p *Pass, x facts.Expr) string {
	e := contextLoaderOr(p.File, loaderOperand(x))
	if next := tokenize(p.Src, x.Span.End, x.Span.End+4096); len(next) > 0 && next[0].kind == '.' {
		return "(" + e + ")"
	}
	return e
}

// ownClassLiteral is the class literal of the top-level class around
// code in class (binary name, "a.b.Outer$1"): every class of a source file
// has the loader of its top-level class, the loader Class.forName(String)
// and ResourceBundle.getBundle(String) use. False when the file does not
// declare that class (its name holds a '$', or the context is unknown).
func ownClassLiteral(f *facts.File, class string) (string, bool) {
	if class == "" {
		return "", false
	}
	top := class
	pkg := ""
	if f.Package != "" {
		pkg = f.Package + "."
		if !strings.HasPrefix(class, pkg) {
			return "", false
		}
	}
	if i := strings.IndexByte(top[len(pkg):], '$'); i >= 0 {
		top = top[:len(pkg)+i]
	}
	for _, t := range f.Types {
		if t == top {
			return top[len(pkg):] + ".class", true
		}
	}
	return "", false
}

// moduleCode reports a pass over code that a module loads: there the
// caller's own loader is the module's, the right one, and an edit to the
// context loader would only add a way to go wrong.
func moduleCode(p *Pass) bool {
	return p.Role == facts.RoleModule || p.Role == facts.RolePrivate
}

// indentUnit is the file's indentation step: the most frequent increase
// of indentation from one line to the next deeper one (a tab when the file
// indents with tabs), four spaces when the file shows none.
func indentUnit(src []byte) string {
	count := map[string]int{}
	prev := ""
	for _, line := range strings.Split(string(src), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		ind := leadingSpace(line)
		trimmed := strings.TrimSpace(line)
		// Continuation of a block comment: " * text" is one space in.
		if strings.HasPrefix(trimmed, "*") {
			continue
		}
		if len(ind) > len(prev) && strings.HasPrefix(ind, prev) {
			step := ind[len(prev):]
			if step == "\t" || strings.Trim(step, " ") == "" && len(step) <= 8 {
				count[step]++
			}
		}
		prev = ind
	}
	best, n := "    ", 0
	for step, c := range count {
		if c > n || c == n && len(step) < len(best) {
			best, n = step, c
		}
	}
	return best
}

// leadingSpace is the indentation of a line.
func leadingSpace(s string) string {
	n := 0
	for n < len(s) && (s[n] == ' ' || s[n] == '\t') {
		n++
	}
	return s[:n]
}

// jtoken is one lexical token of Java source: a word (identifier, keyword,
// number), a literal (string, character, text block) or one punctuation
// byte. Comments and white space are not tokens.
type jtoken struct {
	kind       byte // 'w' word, '"' literal, else the punctuation byte itself
	start, end int
	textBlock  bool
}

// tokenize lexes src[from:to]. Fixes that move statements use it to see
// statement and block boundaries without being fooled by braces in
// strings or comments.
func tokenize(src []byte, from, to int) []jtoken {
	var out []jtoken
	eachToken(src, from, to, func(t jtoken) bool {
		out = append(out, t)
		return true
	})
	return out
}

// eachToken calls yield with each token of src[from:to], in order, while
// it returns true; an unclosed block comment ends the tokens.
func eachToken(src []byte, from, to int, yield func(jtoken) bool) {
	to = min(to, len(src))
	for i := max(from, 0); i < to; {
		b := src[i]
		switch {
		case b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f':
			i++
		case b == '/' && i+1 < to && src[i+1] == '/':
			for i < to && src[i] != '\n' {
				i++
			}
		case b == '/' && i+1 < to && src[i+1] == '*':
			k := bytes.Index(src[i+2:to], []byte("*/"))
			if k < 0 {
				return
			}
			i += k + 4
		case b == '"' && i+2 < to && src[i+1] == '"' && src[i+2] == '"':
			j := i + 3
			for j < to && !(src[j] == '"' && j+2 < to && src[j+1] == '"' && src[j+2] == '"') {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+3, to)
			if !yield(jtoken{kind: '"', start: i, end: j, textBlock: true}) {
				return
			}
			i = j
		case b == '"' || b == '\'':
			j := i + 1
			for j < to && src[j] != b && src[j] != '\n' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, to)
			if !yield(jtoken{kind: '"', start: i, end: j}) {
				return
			}
			i = j
		case wordByte(b):
			j := i
			for j < to && wordByte(src[j]) {
				j++
			}
			if !yield(jtoken{kind: 'w', start: i, end: j}) {
				return
			}
			i = j
		default:
			if !yield(jtoken{kind: b, start: i, end: i + 1}) {
				return
			}
			i++
		}
	}
}

func wordByte(b byte) bool {
	return b == '_' || b == '$' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

// matching is the index of the token that closes the bracket at toks[i]
// ('(' or '{' or '['), -1 when it is not closed.
func matching(toks []jtoken, i int) int {
	open := toks[i].kind
	close := map[byte]byte{'(': ')', '{': '}', '[': ']'}[open]
	depth := 0
	for j := i; j < len(toks); j++ {
		switch toks[j].kind {
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

package rules

import (
	"strings"
)

// Switches an if tests, read from the text around a call: the branches
// only a debug switch or an interactive session takes.

// interactiveRE recognises a switch for an interactive session, the
// library's own console or shell: `if (isInteractive())`, `if (interactive)`.
// A negated switch ("!console.isInteractive()") is the other branch.
var interactiveRE = lazyRE(`(?i)(?:^|[^!\w.])(?:\w+\.)*(?:interactive\b|isInteractive\s*\(|isConsole\s*\()`)

// interactiveGuarded reports code that runs only in an interactive session
// of the library's own console: the command line's, whose user is at the
// terminal, not an app's.
func interactiveGuarded(src []byte, at int) bool {
	return guardedBy(src, at, interactiveRE)
}

// guardedBy reports a call in the body of an if whose condition re
// matches, the innermost enclosing block (braced or not). A try, catch or
// finally block runs where its statement runs: the if around it decides.
func guardedBy(src []byte, at int, re *lazyRegexp) bool {
	if at <= 0 || at > len(src) {
		return false
	}
	lo := at - 4000
	if lo < 0 {
		lo = 0
	}
	depth := 0
	stmt := -1 // where the call's statement starts (after ; { or })
	for i := at - 1; i >= lo; i-- {
		switch src[i] {
		case '}':
			if depth == 0 && stmt < 0 {
				stmt = i + 1
			}
			depth++
		case ';':
			if depth == 0 && stmt < 0 {
				stmt = i + 1
			}
		case '{':
			if depth > 0 {
				depth--
				continue
			}
			if stmt < 0 {
				stmt = i + 1
			}
			// A braceless if: `if (debug) e.printStackTrace();`.
			if cond, ok := ifCondition(src[stmt:at], false); ok {
				return re.MatchString(cond)
			}
			if tryBlock(src[lo:i]) {
				// Look on from the try statement, as from a call there.
				at, stmt = i, -1
				continue
			}
			cond, ok := ifCondition(src[lo:i], true)
			return ok && re.MatchString(cond)
		}
	}
	return false
}

// tryBlock reports a block header that ends text: "try", "finally" or
// "catch (...)" before the block's brace.
func tryBlock(text []byte) bool {
	t := strings.TrimSpace(string(text))
	if strings.HasSuffix(t, ")") {
		depth := 0
		for i := len(t) - 1; i >= 0; i-- {
			if t[i] == ')' {
				depth++
			} else if t[i] == '(' {
				if depth--; depth == 0 {
					t = strings.TrimSpace(t[:i])
					break
				}
			}
		}
		return endsWithWord(t, "catch")
	}
	return endsWithWord(t, "try") || endsWithWord(t, "finally")
}

// endsWithWord reports text ending with the keyword w as a word of its own.
func endsWithWord(t, w string) bool {
	return strings.HasSuffix(t, w) && (len(t) == len(w) || !isIdent(t[len(t)-len(w)-1]))
}

// ifCondition reads `if (cond)` at the start of text (a statement before
// the call) or, with atEnd, at its end (before a block's brace).
func ifCondition(text []byte, atEnd bool) (string, bool) {
	t := strings.TrimSpace(string(text))
	if atEnd {
		if !strings.HasSuffix(t, ")") {
			return "", false
		}
		depth := 0
		for i := len(t) - 1; i >= 0; i-- {
			switch t[i] {
			case ')':
				depth++
			case '(':
				depth--
				if depth == 0 {
					before := strings.TrimSpace(t[:i])
					if strings.HasSuffix(before, "if") && (len(before) == 2 || !isIdent(before[len(before)-3])) {
						return t[i+1 : len(t)-1], true
					}
					return "", false
				}
			}
		}
		return "", false
	}
	t = strings.TrimPrefix(t, "else")
	t = strings.TrimSpace(t)
	if !strings.HasPrefix(t, "if") {
		return "", false
	}
	t = strings.TrimSpace(t[2:])
	if !strings.HasPrefix(t, "(") {
		return "", false
	}
	depth := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return t[1:i], true
			}
		}
	}
	return "", false
}

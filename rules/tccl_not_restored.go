package rules

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var tcclNotRestored = register(&Rule{
	ID:     "tccl-not-restored",
	Hazard: "H08b",
	Title:  "Thread context ClassLoader switched without a restore in finally",
	Summary: "Thread.currentThread().setContextClassLoader(x) without setting the previous loader back in a " +
		"finally block leaves x on the thread when the code throws (or always, when there is no restore). Pooled " +
		"threads (servlet, Netty, MQ workers) are shared by the base and modules, so the next app's task runs with " +
		"the wrong loader.",
	Tags:      []string{"koupleless", "classloader", "concurrency", "correctness"},
	Precision: "high",
	Default:   SeverityMedium,
	Severity: map[facts.Role]Severity{
		facts.RoleShared: SeverityMedium, facts.RoleBase: SeverityMedium,
		facts.RoleModule: SeverityMedium, facts.RolePrivate: SeverityMedium,
	},
	Keywords: []string{"setContextClassLoader"},
	Calls:    []string{"setContextClassLoader"},
	News:     []string{"Thread"},
	Check:    checkTCCLNotRestored,
})

func isCurrentThread(x facts.Expr) bool {
	r := x.Call
	if r == nil && x.Local != nil {
		r = x.Local.Call
	}
	return r != nil && r.Owner == "java.lang.Thread" && r.Name == "currentThread"
}

func checkTCCLNotRestored(p *Pass) {
	calls(p, func(c *facts.Call) {
		if !is(c, "java.lang.Thread", "setContextClassLoader") || len(c.Args) != 1 || !isCurrentThread(c.Recv) {
			return
		}
		if c.InFinally || c.InMain || hasString(c.FinallyCalls, "setContextClassLoader") || ownsThread(p, c) ||
			restoredLater(p, c) || swapHelper(p, c) {
			return
		}
		d := Diagnostic{
			Message: "the thread context ClassLoader is switched here but not restored in a finally block; a pooled thread keeps this loader for the next app's work",
			Span:    c.Span, Context: c.Context,
		}
		if fx, ok := restoreFix(p, c); ok {
			d.Fixes = []Fix{fx}
		}
		p.Report(d)
	})
}

// restoreFix saves the context loader before the switch and restores it in
// a finally block around the rest of the enclosing block. It is offered
// only when the switch is a statement of its own, code follows it in the
// block, and the block's closing brace stands on its own line, so the edit
// is unambiguous.
func restoreFix(p *Pass, c *facts.Call) (Fix, bool) {
	src := p.Src
	const saved = "previousContextLoader"
	if bytes.Contains(src, []byte(saved)) || c.Recv.Text == "" {
		return Fix{}, false
	}
	end := c.Span.End
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	if end >= len(src) || src[end] != ';' {
		return Fix{}, false // part of a larger expression
	}
	end++
	lineStart := bytes.LastIndexByte(src[:c.Span.Start], '\n') + 1
	indent := src[lineStart:c.Span.Start]
	if len(bytes.TrimLeft(indent, " \t")) != 0 {
		return Fix{}, false // something precedes the call on its line
	}
	closing := blockEnd(src, end)
	if closing < 0 || len(bytes.TrimSpace(src[end:closing])) == 0 {
		return Fix{}, false
	}
	// "try {" goes at the end of the switch's line, after any comment there.
	eol := end + bytes.IndexByte(src[end:], '\n')
	if eol < end || eol > closing {
		return Fix{}, false
	}
	braceLine := bytes.LastIndexByte(src[:closing], '\n') + 1
	if len(bytes.TrimSpace(src[braceLine:closing])) != 0 {
		return Fix{}, false
	}
	ind := string(indent)
	recv := c.Recv.Text
	return Fix{
		Description: "Restore the previous context ClassLoader in a finally block",
		Edits: []Edit{
			{Span: facts.Span{Start: lineStart, End: lineStart}, New: ind + "ClassLoader " + saved + " = " + recv + ".getContextClassLoader();\n"},
			{Span: facts.Span{Start: eol, End: eol}, New: "\n" + ind + "try {"},
			{Span: facts.Span{Start: braceLine, End: braceLine}, New: ind + "} finally {\n" + ind + "    " + recv + ".setContextClassLoader(" + saved + ");\n" + ind + "}\n"},
		},
	}, true
}

// blockEnd finds the brace that closes the block containing offset at,
// skipping strings, characters and comments; -1 when there is none.
func blockEnd(src []byte, at int) int {
	depth := 0
	for i := at; i < len(src); i++ {
		switch src[i] {
		case '"', '\'':
			q := src[i]
			for i++; i < len(src) && src[i] != q && src[i] != '\n'; i++ {
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
				k := bytes.Index(src[i+2:], []byte("*/"))
				if k < 0 {
					return -1
				}
				i += k + 3
			}
		case '{':
			depth++
		case '}':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return -1
}

// ownsThread reports code that runs on a thread it created: run() of a
// Thread subclass, or the body of a new Thread(...) (anonymous subclass or
// Runnable argument).
func ownsThread(p *Pass, c *facts.Call) bool {
	for i := range p.File.News {
		nw := &p.File.News[i]
		if nw.Type == "java.lang.Thread" && nw.Span.Start <= c.Span.Start && c.Span.End <= nw.Span.End {
			return true
		}
	}
	if c.Method != "run" {
		return false
	}
	for i := range p.File.TypeDecls {
		if td := &p.File.TypeDecls[i]; td.Name == c.Class && td.Super == "java.lang.Thread" {
			return true
		}
	}
	return false
}

// restoredLater reports a restore in a finally block later in the same
// method: "if (override) { set(x); } try { .. } finally { if (override)
// set(old); }" guards the switch although the try does not follow it.
func restoredLater(p *Pass, c *facts.Call) bool {
	m := enclosingMethodDecl(p, c.Span)
	for i := range p.File.Calls {
		r := &p.File.Calls[i]
		if r.InFinally && r.Name == "setContextClassLoader" && r.Span.Start > c.Span.End &&
			(m == nil || r.Span.End <= m.Decl.End) && r.Class == c.Class && r.Method == c.Method {
			return true
		}
	}
	return false
}

// restoreName matches variables that hold the loader to go back to.
var restoreName = regexp.MustCompile(`(?i)(old|orig|previous|prev|saved|former)`)

// swapHelper reports the halves of a split switch whose caller restores:
// a method that returns the previous loader (bind), one that sets a loader
// its caller passes (unbind, override(cl)), or a call setting back a
// saved loader (afterDelivery: setContextClassLoader(previous)).
func swapHelper(p *Pass, c *facts.Call) bool {
	arg := c.Args[0]
	if restoreName.MatchString(arg.Text) {
		return true
	}
	// Setting back a loader read from the thread earlier is the restore.
	if l := arg.Local; l != nil && l.Call != nil && l.Call.Name == "getContextClassLoader" {
		return true
	}
	m := enclosingMethodDecl(p, c.Span)
	if m == nil {
		return false
	}
	if arg.Kind == facts.ExprName && hasString(paramNames(m.Params), strings.TrimSpace(arg.Text)) {
		return true
	}
	head := p.Text(facts.Span{Start: m.Decl.Start, End: m.Span.Start})
	return hasIdent(head, "ClassLoader")
}

// hasIdent reports whether s contains name as a whole identifier.
func hasIdent(s, name string) bool {
	isID := func(b byte) bool {
		return b == '_' || b == '$' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
	}
	for i := 0; ; {
		j := strings.Index(s[i:], name)
		if j < 0 {
			return false
		}
		j += i
		k := j + len(name)
		if (j == 0 || !isID(s[j-1])) && (k == len(s) || !isID(s[k])) {
			return true
		}
		i = j + 1
	}
}

package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// tryOpen finds a try block's opening: "try {" or "try (resources) {".
var tryOpen = lazyRE(`\btry\s*(?:\([^{]*\))?\s*\{`)

// catchClause reads one catch clause's types, "catch (A | B e)".
var catchClause = lazyRE(`^\s*catch\s*\(\s*(?:final\s+)?([\w.\s|]+?)\s+\w+\s*\)`)

// absenceCatches are the exceptions a missing class raises, or their
// supertypes: a catch of one of them is the code's answer to the class
// being absent.
var absenceCatches = map[string]bool{
	"ClassNotFoundException": true, "ReflectiveOperationException": true, "NoClassDefFoundError": true,
	"LinkageError": true, "Exception": true, "Throwable": true, "Error": true,
}

// absenceHandled reports a lookup inside a try block one of whose catch
// clauses takes the exception a missing class raises: the code is written
// to run without the class (a fallback, a default, a disabled feature), so
// a constant probe of another library decides an optional feature by what
// the loader sees, and fails nothing. Compiled code has no text: it keeps
// the probe at info.
func absenceHandled(p *Pass, c *facts.Call) bool {
	if len(p.Src) == 0 || c.Span.End == 0 || c.Span.End > len(p.Src) {
		return false
	}
	// The method around the call; a static initialiser is no method of
	// the extractor's, so a window of the file stands in.
	start, end := max(0, c.Span.Start-3000), min(len(p.Src), c.Span.End+3000)
	if m := enclosingMethodDecl(p, c.Span); m != nil {
		start, end = m.Decl.Start, m.Decl.End
	}
	return absenceHandledIn(string(p.Src[start:end]), c.Span.Start-start)
}

// AbsenceHandledAt is absenceHandled for a call at span in src, inside
// the method whose declaration is decl (for the call graph's sites).
func AbsenceHandledAt(src []byte, decl, at facts.Span) bool {
	if decl.End > len(src) || at.Start < decl.Start || at.End > decl.End || at.End == 0 {
		return false
	}
	return absenceHandledIn(string(src[decl.Start:decl.End]), at.Start-decl.Start)
}

// absenceHandledIn reports the offset at of text inside a try block one
// of whose catch clauses answers a missing class without throwing.
func absenceHandledIn(text string, at int) bool { return caughtIn(text, at, absenceCatches) }

// caughtIn reports the offset at of text inside a try block one of whose
// catch clauses takes one of types (simple names) without throwing.
func caughtIn(text string, at int, types map[string]bool) bool {
	for _, o := range tryOpen.FindAllStringIndex(text[:at], -1) {
		close := matchingBrace(text, o[1]-1)
		if close < at || close >= len(text) {
			continue // a try block that ends before the call
		}
		rest := text[close+1:]
		for {
			m := catchClause.FindStringSubmatch(rest)
			if m == nil {
				break
			}
			open := strings.IndexByte(rest[len(m[0]):], '{')
			if open < 0 {
				break
			}
			next := matchingBrace(rest, len(m[0])+open)
			if next >= len(rest) {
				break
			}
			// A catch that throws makes the class required, not optional.
			body := rest[len(m[0])+open : next]
			for _, t := range strings.Split(m[1], "|") {
				t = strings.TrimSpace(t)
				if types[t[strings.LastIndexByte(t, '.')+1:]] && !throwsIn(body) {
					return true
				}
			}
			// The next clause, after this one's block.
			rest = rest[next+1:]
		}
	}
	return false
}

// matchingBrace returns the offset of the brace closing the one at open
// (literals and comments skipped), or len(text) when it does not close
// within text.
func matchingBrace(text string, open int) int {
	if i := closingBracket(text, open); i >= 0 {
		return i
	}
	return len(text)
}

// throwsIn reports a block with a throw statement (a word in a comment
// or a string is none).
var throwStmt = lazyRE(`\bthrow\s`)

func throwsIn(block string) bool { return throwStmt.MatchString(javaCode(block)) }

// hookPackage reports a probed class whose package mirrors the looking-up
// code's (groovy.runtime.metaclass probed from
// org.codehaus.groovy.runtime.metaclass, custom.fixtures.x from
// fixtures.x): a hook the library's users fill with classes of their own,
// not another library's, so a module's class there goes unseen even when a
// catch falls back.
func hookPackage(probe, pkg string) bool {
	i := strings.LastIndexByte(probe, '.')
	if i <= 0 || pkg == "" {
		return false
	}
	q := probe[:i]
	return q != pkg && (strings.HasSuffix(pkg, "."+q) || strings.HasSuffix(q, "."+pkg))
}

// followsProbe reports a constant lookup of probe that an earlier lookup
// in the same class already probed for: a constant class of the same
// library package, looked up with the same loader, before the call in the
// text or in the class's static initialiser. Once that probe succeeded,
// the loader sees the library's jar and the lookup cannot miss; it is
// part of the probe, not a lookup of its own.
func followsProbe(p *Pass, c *facts.Call, probe string) bool {
	l := lookupLoader(c)
	if l == facts.LoaderNone || probe == "" {
		return false
	}
	for i := range p.File.Calls {
		d := &p.File.Calls[i]
		if d == c || !sameNest(d.Class, c.Class) || lookupLoader(d) != l || len(d.Args) == 0 {
			continue
		}
		early := d.Method == "<clinit>" && c.Method != "<clinit>"
		if d.Method == c.Method && d.Class == c.Class {
			early = early || d.Span.End > 0 && d.Span.End <= c.Span.Start || d.Span.End == 0 && d.Line < c.Line
		}
		if !early {
			continue
		}
		vals, _ := fixedValues(p, d.Args[0])
		for _, v := range vals {
			if v != probe && sameLibraryPackage(v, probe) || v == probe && d.Span != c.Span {
				return true
			}
		}
	}
	return false
}

// lookupLoader is the loader a class lookup uses when it is the caller's
// own or the system loader (the one-argument Class.forName takes the
// caller's), directly or through a local; LoaderNone otherwise.
func lookupLoader(c *facts.Call) facts.Loader {
	var x facts.Expr
	switch {
	case is(c, "java.lang.Class", "forName") && len(c.Args) == 1:
		return facts.LoaderOwn
	case is(c, "java.lang.Class", "forName") && len(c.Args) == 3:
		x = c.Args[2]
	case c.Name == "loadClass" && len(c.Args) >= 1:
		x = c.Recv
	default:
		return facts.LoaderNone
	}
	if l, _ := fixedLoader(x); l != facts.LoaderNone {
		return l
	}
	return facts.LoaderNone
}

// sameLibraryPackage reports two class names of one library's package,
// so of one jar: their packages share at least three segments, or all of
// the shorter one's when it has two ("org.slf4j.Logger" and
// "org.slf4j.spi.MDCAdapter"; not "org.apache.commons.X" and
// "org.apache.log4j.Y").
func sameLibraryPackage(a, b string) bool {
	pa, pb := packageSegments(a), packageSegments(b)
	need := min(3, len(pa), len(pb))
	if need < 2 {
		return false
	}
	for i := 0; i < need; i++ {
		if pa[i] != pb[i] {
			return false
		}
	}
	return true
}

// packageSegments are the segments of a class name's package.
func packageSegments(class string) []string {
	i := strings.LastIndexByte(class, '.')
	if i <= 0 {
		return nil
	}
	return strings.Split(class[:i], ".")
}

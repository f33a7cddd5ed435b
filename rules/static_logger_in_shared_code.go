package rules

import (
	"bytes"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var staticLoggerSharedRule = register(&Rule{
	ID:     "static-logger-in-shared-code",
	Hazard: "H31",
	Title:  "Static logger in code the base shares with modules",
	Summary: "A static logger in a library the base shares is bound to the LoggerContext that existed when the " +
		"class was initialised (the base's), so what the library logs on behalf of a module lands in the base's files.",
	Tags:      []string{"koupleless", "logging"},
	Precision: "high",
	Default:   SeverityInfo,
	Severity:  map[facts.Role]Severity{facts.RoleShared: SeverityInfo, facts.RoleBase: SeverityInfo},
	Keywords:  []string{"getLogger"},
	// A call of one of the two factories that a static can hold. The
	// call resolves to one only through its package named in the text
	// (an import, single, static or on demand; the file's own package; a
	// qualified call): another LoggerFactory or LogManager (a shaded copy,
	// log4j 1's, java.util.logging's) is not it.
	Prefilter: func(src []byte) bool {
		return (bytes.Contains(src, []byte("LoggerFactory")) && namesPackage(src, "org.slf4j") ||
			bytes.Contains(src, []byte("LogManager")) && namesPackage(src, "org.apache.logging.log4j")) &&
			staticPossible(src)
	},
	Calls: []string{"getLogger"},
	// The check matches these two factories alone: compiled code decodes
	// no method for a getLogger of any other owner.
	CallOwners: map[string][]string{"getLogger": {"org.slf4j.LoggerFactory", "org.apache.logging.log4j.LogManager"}},
	Check:      checkStaticLoggerShared,
})

func checkStaticLoggerShared(p *Pass) {
	var text string
	code := func() string {
		if text == "" {
			text = javaCode(string(p.Src))
		}
		return text
	}
	calls(p, func(c *facts.Call) {
		if !c.StoredToStatic || !is(c, "org.slf4j.LoggerFactory", "getLogger") && !is(c, "org.apache.logging.log4j.LogManager", "getLogger") {
			return
		}
		if unusedPrivateStatic(p, c.Span) {
			return // nothing logs through it: nothing lands in the wrong files
		}
		d := Diagnostic{
			Message: "static logger in shared code: it is bound to the LoggerContext of the app that initialised the class first (the base), so what this code logs for a module lands in the base's files; the logback 1.2 and log4j-slf4j-impl adapters resolve it per call, other backends do not",
			Span:    c.Span, Context: c.Context,
		}
		if f := staticFieldAt(p, c.Span); f != nil && !privateField(p.Src, f) && unreadInFile(p.File, p.Src, code, f) {
			// No code of its file logs through it: other classes may
			// (a holder of named loggers), which the project's other
			// sources settle (facts.Pending.Unread).
			d.Pending = &facts.Pending{Class: f.Class, NameParam: -1, Unread: f.Name}
		}
		p.Report(d)
	})
}

// unusedPrivateStatic reports a private static field, declared where span
// is (its initialiser), that its file never names again: no code of the
// class reads it, and no other class can. The raw text is searched, so a
// name left in a comment counts as a use: the finding stays. Compiled
// code keeps no reads of a field: only sources are told.
func unusedPrivateStatic(p *Pass, span facts.Span) bool {
	f := staticFieldAt(p, span)
	if f == nil || !privateField(p.Src, f) {
		return false
	}
	src := string(p.Src)
	for at := wordIndexIn(src, f.Name, 0); at >= 0; at = wordIndexIn(src, f.Name, at+len(f.Name)) {
		if !within(at, f.Decl) {
			return false
		}
	}
	return true
}

// staticFieldAt is the static field of a source file whose declaration
// holds span (its initialiser), or nil (compiled code included).
func staticFieldAt(p *Pass, span facts.Span) *facts.Field {
	if len(p.Src) == 0 || strings.HasSuffix(p.File.Path, ".class") {
		return nil
	}
	for i := range p.File.Fields {
		f := &p.File.Fields[i]
		if f.Static && within(span.Start, f.Decl) && f.Decl.End <= len(p.Src) {
			return f
		}
	}
	return nil
}

// namesPackage reports pkg in src as the start of a qualified name: not
// the tail of another one (a shaded org.apache.rocketmq.logging.org.slf4j).
func namesPackage(src []byte, pkg string) bool {
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte(pkg))
		if j < 0 {
			return false
		}
		at := i + j
		i = at + len(pkg)
		if (at == 0 || src[at-1] != '.' && !isIdent(src[at-1])) && (i == len(src) || !isIdent(src[i])) {
			return true
		}
	}
}

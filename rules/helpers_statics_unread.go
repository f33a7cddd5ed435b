package rules

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A static that nothing reads: JavaCC's generated token managers keep a
// public debugStream that setDebugStream assigns and that only a parser
// generated with debugging on would print to. Writing it changes nothing
// another app sees. The file's text shows its own reads; a field other
// classes can read waits for the project's other sources
// (facts.Pending.Unread). A private one is left to the other checks.

// unreadInFile reports a static field that no code of its file reads: every
// use outside its declaration is the target of a plain assignment (`x =
// v`, not `x == v`, `x += v` or `x.call()`). code gives the file's text
// with comments and literals blanked (javaCode), made once per file.
func unreadInFile(file *facts.File, src []byte, code func() string, f *facts.Field) bool {
	if src == nil || strings.HasSuffix(file.Path, ".class") || f.Decl.Start < 0 || f.Decl.End > len(src) {
		return false
	}
	text := code()
	for _, loc := range fieldUses(text, simpleName(f.Class), f.Name) {
		at, end := loc[0], loc[1]
		if within(at, f.Decl) || shadowedAt(file, src, f.Class, f.Name, at) {
			continue
		}
		rest := strings.TrimLeft(text[end:], " \t\r\n")
		if !strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, "==") {
			return false // read, compared, or read and written (+=, ++)
		}
	}
	return true
}

// SettleUnread reports a finding on a static field (facts.Pending.Unread)
// that no other source of the project reads: every other file naming the
// word neither qualifies it by its class (Class.field), nor imports the
// class's statics, nor extends the class (a subclass reads it bare).
// mentions lists the sources naming a word; path is the field's file.
func SettleUnread(p *facts.Pending, sourceAt func(string) []byte, mentions func(string) ([]string, bool), path string) bool {
	if p == nil || p.Unread == "" || mentions == nil || sourceAt == nil {
		return false
	}
	simple := p.Class[strings.LastIndexAny(p.Class, ".$")+1:]
	q := regexp.QuoteMeta(simple)
	reader := regexp.MustCompile(`\b` + q + `\s*\.\s*` + regexp.QuoteMeta(p.Unread) + `\b|\bimport\s+static\s+[\w.]*\b` + q + `\s*\.|\bextends\s+(?:[\w.]+\.)?` + q + `\b`)
	return !namedElsewhere(p.Unread, simple, reader, mentions, sourceAt, path)
}

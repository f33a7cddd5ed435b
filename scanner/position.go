package scanner

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
)

// lines maps byte offsets to 1-based lines and UTF-16 columns.
type lines struct {
	src    []byte
	starts []int
}

func newLines(src []byte) *lines {
	l := &lines{src: src, starts: []int{0}}
	for i, c := range src {
		if c == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// pos returns the 1-based line and 1-based UTF-16 column of a byte offset.
func (l *lines) pos(off int) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > len(l.src) {
		off = len(l.src)
	}
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	return i + 1, 1 + utf16Len(l.src[l.starts[i]:off])
}

func (l *lines) region(s facts.Span) rules.Region {
	sl, sc := l.pos(s.Start)
	el, ec := l.pos(s.End)
	return rules.Region{StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec, ByteOffset: s.Start, ByteLength: s.End - s.Start}
}

// lineText is the text of a 1-based line without its line break.
func (l *lines) lineText(line int) string {
	if line < 1 || line > len(l.starts) {
		return ""
	}
	start := l.starts[line-1]
	end := len(l.src)
	if line < len(l.starts) {
		end = l.starts[line] - 1
	}
	return strings.TrimRight(string(l.src[start:end]), "\r")
}

// utf16Len counts UTF-16 code units; an invalid byte counts as one unit,
// as editors show it as one replacement character.
func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		b = b[size:]
	}
	return n
}

// resolve turns a file's diagnostics into findings: regions, snippets and
// fingerprints.
//
// The fingerprint hashes the rule, the file, the enclosing class and method
// and the flagged code with all whitespace removed, plus an ordinal among
// identical keys in the file. It does not include the line, so inserting
// lines elsewhere or re-indenting leaves it unchanged, and a baseline
// survives unrelated edits.
func resolve(path string, src []byte, role facts.Role, file *facts.File, diags []rules.Diagnostic) []rules.Finding {
	sort.SliceStable(diags, func(i, j int) bool {
		if diags[i].Span.Start != diags[j].Span.Start {
			return diags[i].Span.Start < diags[j].Span.Start
		}
		return diags[i].RuleID < diags[j].RuleID
	})
	l := newLines(src)
	seen := map[string]int{}
	out := make([]rules.Finding, 0, len(diags))
	for _, d := range diags {
		reg := l.region(d.Span)
		f := rules.Finding{
			RuleID:     d.RuleID,
			Severity:   d.Severity,
			Level:      d.Severity.Level(),
			Message:    d.Message,
			Properties: d.Properties,
			Path:       path,
			Region:     reg,
			Class:      strings.Clone(d.Context.Class),
			Method:     strings.Clone(d.Context.Method),
			Snippet:    snippet(l.lineText(reg.StartLine)),
		}
		if role != facts.RoleUnknown {
			f.Role = role.String()
		}
		code := ""
		if d.Span.Start >= 0 && d.Span.End <= len(src) && d.Span.Start <= d.Span.End {
			code = string(src[d.Span.Start:d.Span.End])
		}
		key := strings.Join([]string{d.RuleID, path, d.Context.Class, d.Context.Method, squeeze(code)}, "\x00")
		sum := sha256.Sum256([]byte(key))
		seen[key]++
		f.Fingerprint = fmt.Sprintf("%s:%d", hex.EncodeToString(sum[:8]), seen[key])
		for _, fx := range d.Fixes {
			rf := rules.Fix{Description: fx.Description}
			for _, e := range fx.Edits {
				e.Region = l.region(e.Span)
				rf.Edits = append(rf.Edits, e)
			}
			f.Fixes = append(f.Fixes, rf)
		}
		f.Suppressed = suppressedBy(file, d.RuleID, reg.StartLine, d.Span)
		out = append(out, f)
	}
	return out
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\f':
			return -1
		}
		return r
	}, s)
}

func snippet(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 200 {
		cut := 200
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

package scanner

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/finding"
)

// FingerprintVersion names the recipe of fingerprint below. A baseline
// records it; a change to the recipe must change it, or every baselined
// finding would come back as new.
const FingerprintVersion = 1

// fingerprint hashes what identifies a finding apart from its line, plus
// an ordinal among findings with the same identity in one file, so that
// inserting lines elsewhere or re-indenting leaves it unchanged and a
// baseline survives unrelated edits. The parts are, by where the finding
// is placed:
//   - text of the tree (sources, configuration, build files): rule, path,
//     enclosing class and method, the flagged code without whitespace;
//   - a class or resource inside an archive: rule, logical entry path,
//     enclosing class and method, message (there is no text to hash);
//   - an archive as a whole: rule, archive, the diagnostic's key (or its
//     message).
func fingerprint(seen map[string]int, parts ...string) string {
	key := strings.Join(parts, "\x00")
	sum := sha256.Sum256([]byte(key))
	seen[key]++
	return fmt.Sprintf("%s:%d", hex.EncodeToString(sum[:8]), seen[key])
}

// where says what findings are placed in.
type where struct {
	path string // the file in the tree; for archive content, the outermost archive
	role facts.Role
	// src is the text of path for text files; nil for archives.
	src []byte
	// file holds the in-source suppressions of path, nil when none apply.
	file *facts.File
	// entry is the logical path inside the archive ("app.jar!/a/B.class")
	// for a class or resource in an archive, "" for a file of the tree.
	entry string
	// lineOf maps a span offset of an entry to its source line; sourceFile
	// names that source (a class's SourceFile attribute, a resource's
	// name). Set for class and resource entries.
	lineOf     func(off int) int
	sourceFile string
	// archive places findings on an archive as a whole, with no line.
	archive bool
}

// place turns diagnostics into findings: the one step that gives every
// input kind its regions, snippets, fixes, suppressions and fingerprints.
func place(w where, diags []rules.Diagnostic) []finding.Finding {
	switch {
	case w.archive:
		return placeArchive(w, diags)
	case w.entry != "":
		return placeEntry(w, diags)
	}
	return placeText(w, diags)
}

func placeText(w where, diags []rules.Diagnostic) []finding.Finding {
	sort.SliceStable(diags, func(i, j int) bool {
		if diags[i].Span.Start != diags[j].Span.Start {
			return diags[i].Span.Start < diags[j].Span.Start
		}
		return diags[i].RuleID < diags[j].RuleID
	})
	l := newLines(w.src)
	seen := map[string]int{}
	out := make([]finding.Finding, 0, len(diags))
	for _, d := range diags {
		reg := l.region(d.Span)
		f := newFinding(d, w)
		f.Region, f.Snippet = reg, snippet(l.lineText(reg.StartLine))
		code := ""
		if d.Span.Start >= 0 && d.Span.End <= len(w.src) && d.Span.Start <= d.Span.End {
			code = string(w.src[d.Span.Start:d.Span.End])
		}
		f.Fingerprint = fingerprint(seen, d.RuleID, w.path, d.Context.Class, d.Context.Method, squeeze(code))
		f.Fixes = placeFixes(l, d.Fixes)
		f.Suppressed = suppressedBy(w.file, d.RuleID, reg.StartLine, d.Span)
		f.Related, f.Flow = placeRelated(w, l, d.Related), placeRelated(w, l, d.Flow)
		out = append(out, f)
	}
	return out
}

// placeEntry places findings in a class or resource inside an archive:
// the physical location is the outermost file in the tree, and the message
// names the entry and its source line. A finally block is compiled once per
// exit path, so identical diagnostics on one line are one finding.
// Bytecode has no source text, so findings carry no fixes.
func placeEntry(w where, diags []rules.Diagnostic) []finding.Finding {
	sort.SliceStable(diags, func(i, j int) bool { return diags[i].Span.Start < diags[j].Span.Start })
	seen := map[string]int{}
	dup := map[string]bool{}
	var out []finding.Finding
	for _, d := range diags {
		line := d.Context.Line
		if w.lineOf != nil {
			if l := w.lineOf(d.Span.Start); l > 0 {
				line = l
			}
		}
		once := d.RuleID + "\x00" + strconv.Itoa(line) + "\x00" + d.Context.Class + "\x00" + d.Context.Method + "\x00" + d.Message
		if dup[once] {
			continue
		}
		dup[once] = true
		at := w.entry
		if line > 0 {
			src := w.sourceFile
			if src == "" {
				src = "line"
			}
			at += " (" + src + ":" + strconv.Itoa(line) + ")"
		}
		f := newFinding(d, w)
		f.Message = d.Message + " [in " + at + "]"
		// No region: a line of the archive would be a line of its bytes.
		// The entry and its source line are in the message, the
		// properties and the logical location.
		f.Entry, f.SourceLine = w.entry, line
		f.Related, f.Flow = placeRelated(w, nil, d.Related), placeRelated(w, nil, d.Flow)
		f.Fingerprint = fingerprint(seen, d.RuleID, w.entry, d.Context.Class, d.Context.Method, d.Message)
		out = append(out, f)
	}
	return out
}

// placeArchive places findings on an archive as a whole (a dependency it
// bundles, a service it provides): there is no text, so the fingerprint
// uses the diagnostic's key or message.
func placeArchive(w where, diags []rules.Diagnostic) []finding.Finding {
	l := newLines(nil)
	seen := map[string]int{}
	out := make([]finding.Finding, 0, len(diags))
	for _, d := range diags {
		f := newFinding(d, w)
		archive, key := w.path, d.Message
		// No region: the finding is about the archive as a whole.
		if d.Key != "" {
			// A finding about the class path names the nested archive it
			// concerns.
			archive, key = d.Entry, d.Key
			f.Entry, f.Class, f.Method = d.Entry, "", ""
		} else {
			f.Fixes = placeFixes(l, d.Fixes)
		}
		f.Fingerprint = fingerprint(seen, d.RuleID, archive, key)
		out = append(out, f)
	}
	return out
}

func newFinding(d rules.Diagnostic, w where) finding.Finding {
	f := finding.Finding{
		RuleID:     d.RuleID,
		Severity:   d.Severity,
		Level:      d.Severity.Level(),
		Message:    d.Message,
		Properties: cloneProperties(d.Properties),
		Path:       w.path,
		Class:      strings.Clone(d.Context.Class),
		Method:     strings.Clone(d.Context.Method),

		UnlessDeclared: strings.Clone(d.UnlessDeclared),
		EntrySensitive: d.EntrySensitive,
		EntryGuards:    cloneKeys(d.EntryGuards),
		GuardRef:       cloneRef(d.GuardRef),
		ImageRef:       cloneRef(d.ImageRef),
		Pending:        clonePending(d.Pending),
	}
	if w.role != facts.RoleUnknown {
		f.Role = w.role.String()
	}
	return f
}

// A finding outlives its file: its strings are copies, as the facts of a
// class may share memory with a buffer that holds the next class.

func cloneProperties(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[strings.Clone(k)] = strings.Clone(v)
	}
	return out
}

// cloneStores copies setters' keys and parameters (nil stays nil).
func cloneStores(ss []facts.StoreParams) []facts.StoreParams {
	if ss == nil {
		return nil
	}
	out := make([]facts.StoreParams, len(ss))
	for i, s := range ss {
		s.Method.Class, s.Method.Name = strings.Clone(s.Method.Class), strings.Clone(s.Method.Name)
		s.Params = append([]int(nil), s.Params...)
		out[i] = s
	}
	return out
}

func clonePending(p *facts.Pending) *facts.Pending {
	if p == nil {
		return nil
	}
	c := *p
	c.Class, c.Default = strings.Clone(c.Class), strings.Clone(c.Default)
	c.Method.Class, c.Method.Name = strings.Clone(c.Method.Class), strings.Clone(c.Method.Name)
	c.Before, c.Names, c.Scope, c.Tasks = cloneAll(c.Before), cloneAll(c.Names), cloneAll(c.Scope), cloneAll(c.Tasks)
	c.Stores, c.Owners = cloneStores(c.Stores), cloneStores(c.Owners)
	c.Field = strings.Clone(c.Field)
	if c.OptIn != nil {
		c.OptIn = c.OptIn.Clone()
	}
	if c.Switcher != nil {
		s := *c.Switcher
		s.Class, s.Name = strings.Clone(s.Class), strings.Clone(s.Name)
		c.Switcher = &s
	}
	if c.OptInCallers != nil {
		s := *c.OptInCallers
		s.Class, s.Name = strings.Clone(s.Class), strings.Clone(s.Name)
		c.OptInCallers = &s
	}
	c.OptInDecl.Path = strings.Clone(c.OptInDecl.Path)
	return &c
}

// placeRelated places the other locations of a diagnostic: a span of its
// own text, or a line of another file (or of compiled code, where a line is
// all there is).
func placeRelated(w where, l *lines, rs []rules.Related) []finding.Location {
	var out []finding.Location
	for _, r := range rs {
		loc := finding.Location{Path: strings.Clone(r.Path), Message: strings.Clone(r.Message)}
		switch {
		case r.Path == "" && l != nil && w.src != nil:
			loc.Path, loc.Region = w.path, l.region(r.Span)
		case r.Path == "":
			loc.Path, loc.Region = w.path, finding.Region{StartLine: r.Line}
		default:
			loc.Region = finding.Region{StartLine: r.Line}
		}
		if loc.Region.StartLine < 1 {
			continue // nowhere to point at
		}
		out = append(out, loc)
	}
	return out
}

func placeFixes(l *lines, fixes []rules.Fix) []finding.Fix {
	var out []finding.Fix
	for _, fx := range fixes {
		rf := finding.Fix{Description: fx.Description}
		for _, e := range fx.Edits {
			rf.Edits = append(rf.Edits, finding.Edit{New: e.New, Region: l.region(e.Span)})
		}
		out = append(out, rf)
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

// lines maps byte offsets to 1-based lines and UTF-16 columns.
type lines struct {
	src    []byte
	starts []int
}

// newLines indexes the line starts of src. A line ends at LF, CRLF or a
// lone CR (old Mac files), as editors and SARIF viewers count lines.
func newLines(src []byte) *lines {
	l := &lines{src: src, starts: []int{0}}
	for i, c := range src {
		if c == '\n' || c == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
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

func (l *lines) region(s facts.Span) finding.Region {
	sl, sc := l.pos(s.Start)
	el, ec := l.pos(s.End)
	return finding.Region{StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec, ByteOffset: s.Start, ByteLength: s.End - s.Start}
}

// lineText is the text of a 1-based line without its line break.
func (l *lines) lineText(line int) string {
	if line < 1 || line > len(l.starts) {
		return ""
	}
	start := l.starts[line-1]
	end := len(l.src)
	if line < len(l.starts) {
		end = l.starts[line]
	}
	return strings.TrimRight(string(l.src[start:end]), "\r\n")
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

// cloneKeys copies method keys out of a file's facts.
func cloneKeys(ks []facts.MethodKey) []facts.MethodKey {
	if len(ks) == 0 {
		return nil
	}
	out := make([]facts.MethodKey, len(ks))
	for i, k := range ks {
		out[i] = facts.MethodKey{Class: strings.Clone(k.Class), Name: strings.Clone(k.Name), Arity: k.Arity}
	}
	return out
}

func cloneRef(r *facts.GuardRef) *facts.GuardRef {
	if r == nil {
		return nil
	}
	return &facts.GuardRef{Class: strings.Clone(r.Class), Getter: strings.Clone(r.Getter)}
}

package report

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner/finding"
)

// TextOptions control the text report. The CLI decides Color from whether
// the output is a terminal and from NO_COLOR.
type TextOptions struct {
	Color bool // ANSI colours
	// Verbose adds, under each finding, its class and method, role,
	// fingerprint and the rule's documentation link.
	Verbose bool
	// ShowUnchanged lists, with a baseline, the findings it already has
	// and its findings that are gone; by default only new ones are listed,
	// as only they need attention.
	ShowUnchanged bool
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiGreen  = "\x1b[32m"
)

type painter bool

func (p painter) paint(code, s string) string {
	if !p || s == "" {
		return s
	}
	return code + s + ansiReset
}

func levelColor(l rules.Level) string {
	switch l {
	case rules.LevelError:
		return ansiRed
	case rules.LevelWarning:
		return ansiYellow
	}
	return ansiCyan
}

// Text writes in for a person at a terminal: findings grouped by file
// (files in path order, findings in the scanner's order), each with its
// source line and fix, then a summary line. Problems with inputs are not
// part of it: they go to standard error (Notifications), so that the
// report and the problems can be read and redirected apart.
func Text(w io.Writer, in *Input, opts TextOptions) error {
	if in == nil {
		return errors.New("report: nil input")
	}
	if in.Baseline != nil {
		if err := in.Baseline.validate(len(in.Findings)); err != nil {
			return err
		}
	}
	bw := bufio.NewWriter(w)
	p := painter(opts.Color)
	onlyNew := in.Baseline != nil && !opts.ShowUnchanged

	byFile := map[string][]int{}
	shown := 0
	for i, f := range in.Findings {
		if onlyNew && in.state(i) != BaselineNew {
			continue
		}
		byFile[f.Path] = append(byFile[f.Path], i)
		shown++
	}
	files := make([]string, 0, len(byFile))
	for path := range byFile {
		files = append(files, path)
	}
	sort.Strings(files)

	for _, r := range in.Roles {
		fmt.Fprintf(bw, "%s %s%s (%s)\n", p.paint(ansiDim, "role:"), r.Role, dirSuffix(r.Dir), clean(r.Reason))
	}
	if len(in.Roles) > 0 {
		bw.WriteByte('\n')
	}

	counts := map[rules.Level]int{}
	suppressed := 0
	for fi, path := range files {
		if fi > 0 {
			bw.WriteByte('\n')
		}
		bw.WriteString(p.paint(ansiBold, clean(path)) + "\n")
		idx := byFile[path]
		posWidth := 0
		for _, i := range idx {
			posWidth = max(posWidth, len(positionOf(&in.Findings[i])))
		}
		for _, i := range idx {
			f := &in.Findings[i]
			level := levelOf(f)
			counts[level]++
			pos := positionOf(f)
			fmt.Fprintf(bw, "  %s%s  %s  %s  %s",
				pos, strings.Repeat(" ", posWidth-len(pos)),
				p.paint(levelColor(level), fmt.Sprintf("%-7s", level)),
				p.paint(ansiDim, f.RuleID),
				clean(f.Message))
			if sups := in.Suppressions[i]; len(sups) > 0 {
				suppressed++
				bw.WriteString(p.paint(ansiDim, "  (suppressed: "+suppressionText(sups)+")"))
			}
			if !onlyNew && in.state(i) == BaselineUnchanged {
				bw.WriteString(p.paint(ansiDim, "  (in the baseline)"))
			}
			bw.WriteByte('\n')
			indent := "  " + strings.Repeat(" ", posWidth+2)
			if s := strings.TrimSpace(f.Snippet); s != "" {
				bw.WriteString(indent + "| " + clean(s) + "\n")
			}
			for _, r := range f.Flow {
				bw.WriteString(indent + p.paint(ansiDim, "via: ") + clean(locationText(r)) + "\n")
			}
			for _, r := range f.Related {
				bw.WriteString(indent + p.paint(ansiDim, "see: ") + clean(locationText(r)) + "\n")
			}
			for _, fx := range usableFixes(f.Fixes) {
				bw.WriteString(indent + p.paint(ansiGreen, "fix: ") + clean(firstNonEmpty(fx.Description, "available")) + "\n")
			}
			if opts.Verbose {
				writeDetails(bw, indent, f, in)
			}
		}
	}

	listAbsent := in.Baseline != nil && opts.ShowUnchanged && len(in.Baseline.Absent) > 0
	if listAbsent {
		if len(files) > 0 {
			bw.WriteByte('\n')
		}
		writeAbsent(bw, in.Baseline, p)
	}

	if len(files) > 0 || listAbsent {
		bw.WriteByte('\n')
	}
	bw.WriteString(summary(in, files, counts, suppressed, shown, onlyNew) + "\n")
	return bw.Flush()
}

// writeAbsent lists the baseline's findings that are gone.
func writeAbsent(bw *bufio.Writer, b *Baseline, p painter) {
	bw.WriteString(p.paint(ansiBold, "Absent since the baseline ("+clean(b.File)+"):") + "\n")
	for _, a := range b.Absent {
		where := clean(a.Path)
		if a.Line > 0 {
			where += ":" + strconv.Itoa(a.Line)
		}
		fmt.Fprintf(bw, "  %s  %s  %s\n", where, p.paint(ansiDim, a.RuleID), clean(a.Message))
	}
}

// Notifications writes problems with inputs, one a line, as the text report
// does; the CLI uses it to put them on stderr when the report goes to a file.
func Notifications(w io.Writer, ns []finding.Notification, opts TextOptions) error {
	bw := bufio.NewWriter(w)
	writeNotifications(bw, ns, painter(opts.Color))
	return bw.Flush()
}

func writeNotifications(bw *bufio.Writer, ns []finding.Notification, p painter) {
	for _, n := range ns {
		where := clean(n.Path)
		if where == "" {
			where = "(scan)"
		}
		if n.Line > 0 {
			where += ":" + strconv.Itoa(n.Line)
		}
		level := n.Level
		if level == "" {
			level = rules.LevelWarning
		}
		fmt.Fprintf(bw, "kscan: %s: %s%s\n", where, clean(firstNonEmpty(n.Message, n.Kind)),
			p.paint(ansiDim, " ["+string(level)+", "+firstNonEmpty(n.Kind, "input")+"]"))
	}
}

func writeDetails(bw *bufio.Writer, indent string, f *finding.Finding, in *Input) {
	var parts []string
	if f.Class != "" {
		where := f.Class
		if f.Method != "" {
			where += "." + f.Method
		}
		parts = append(parts, "in "+where)
	}
	if f.Role != "" {
		parts = append(parts, "role "+f.Role)
	}
	parts = append(parts, "severity "+f.Severity.String())
	if f.Fingerprint != "" {
		parts = append(parts, "fingerprint "+f.Fingerprint)
	}
	bw.WriteString(indent + clean(strings.Join(parts, ", ")) + "\n")
	for _, r := range in.Rules {
		if r != nil && r.ID == f.RuleID {
			bw.WriteString(indent + "see " + in.helpURI(r) + "\n")
			break
		}
	}
}

// positionOf is where a finding is, as the text report shows it: line and
// column in a source; for compiled code, the class (and its source line)
// first, since a line of the archive means nothing.
func positionOf(f *finding.Finding) string {
	if f.Entry == "" || f.Class == "" {
		return position(f.Region)
	}
	at := f.Class
	if f.Method != "" {
		at += "." + f.Method
	}
	if f.SourceLine > 0 {
		at += ":" + strconv.Itoa(f.SourceLine)
	}
	return at
}

func position(r finding.Region) string {
	if r.StartLine < 1 {
		return "-"
	}
	if r.StartColumn < 1 {
		return strconv.Itoa(r.StartLine)
	}
	return strconv.Itoa(r.StartLine) + ":" + strconv.Itoa(r.StartColumn)
}

func suppressionText(sups []Suppression) string {
	s := sups[0]
	out := s.Kind
	if s.Justification != "" {
		out += ": " + s.Justification
	}
	return out
}

// summary is the last line, e.g. "3 findings (1 error, 1 warning, 1 note)
// in 2 files; 120 files scanned (35 parsed) in 0.42s". With a baseline a
// line of counts by state comes first, and with a diff base the findings
// are said to be on changed lines.
func summary(in *Input, files []string, counts map[rules.Level]int, suppressed, shown int, onlyNew bool) string {
	what := fmt.Sprintf("%s scanned (%d parsed)", plural(in.Stats.Files, "file", "files"), in.Stats.Parsed)
	if in.Stats.Archives > 0 || in.Stats.Classes > 0 {
		what += fmt.Sprintf(", %s and %s", plural(in.Stats.Archives, "archive", "archives"), plural(in.Stats.Classes, "class", "classes"))
	}
	scanned := fmt.Sprintf("%s in %.2fs", what, in.Stats.Duration.Seconds())
	var tail []string
	if suppressed > 0 {
		tail = append(tail, fmt.Sprintf("%d suppressed", suppressed))
	}
	// Notes (a copy of the tree's own code not reported, the call
	// graph's bound) say what the scan did; only warnings and errors are
	// problems with the inputs.
	problems, notices := 0, 0
	for _, n := range in.Notifications {
		if n.Level == rules.LevelNote {
			notices++
		} else {
			problems++
		}
	}
	if problems > 0 {
		tail = append(tail, plural(problems, "input problem", "input problems"))
	}
	if notices > 0 {
		tail = append(tail, plural(notices, "notice", "notices"))
	}
	extra := ""
	if len(tail) > 0 {
		extra = "; " + strings.Join(tail, ", ")
	}
	head, what, where := "", "finding", ""
	if in.Baseline != nil {
		newN, unchanged := in.baselineCounts()
		head = fmt.Sprintf("%d new, %d unchanged (baseline %s), %d absent\n", newN, unchanged, clean(in.Baseline.File), len(in.Baseline.Absent))
	}
	if onlyNew {
		what = "new finding"
	}
	if in.DiffBase != nil {
		where = " on lines changed since " + clean(in.DiffBase.Ref)
	}
	if shown == 0 {
		return head + "No " + what + "s" + where + ".\n" + scanned + extra + scopeLine(in) + leftOutLine(in)
	}
	var byLevel []string
	for _, l := range []struct {
		level         rules.Level
		single, multi string
	}{
		{rules.LevelError, "error", "errors"},
		{rules.LevelWarning, "warning", "warnings"},
		{rules.LevelNote, "note", "notes"},
		{rules.LevelNone, "with level none", "with level none"},
	} {
		if n := counts[l.level]; n > 0 {
			byLevel = append(byLevel, plural(n, l.single, l.multi))
		}
	}
	return fmt.Sprintf("%s%s (%s) in %s%s; %s%s%s%s", head,
		plural(shown, what, what+"s"), strings.Join(byLevel, ", "),
		plural(len(files), "file", "files"), where, scanned, extra, scopeLine(in), leftOutLine(in))
}

// scopeLine says how much of the tree was set aside as non-production, so
// that a wrong guess is visible (and how to bring it back).
func scopeLine(in *Input) string {
	if in.Scope == nil || in.Scope.SetAside == 0 && in.Scope.EntriesSetAside == 0 {
		return ""
	}
	if in.Scope.Included {
		return "\n" + clean(in.Scope.Summary) + " (scanned anyway: --include non-production)"
	}
	return "\n" + clean(in.Scope.Summary) + " (--include non-production to scan them)"
}

// leftOutLine says how many findings were below the level asked for, and
// how to see them.
func leftOutLine(in *Input) string {
	if in.LeftOut == nil {
		return ""
	}
	var out string
	if in.LeftOut.Count > 0 {
		var parts []string
		for _, id := range slices.Sorted(maps.Keys(in.LeftOut.ByRule)) {
			parts = append(parts, fmt.Sprintf("%s %d", id, in.LeftOut.ByRule[id]))
		}
		out = fmt.Sprintf("\n%s below %s left out (%s; a lower --min-level shows them)",
			plural(in.LeftOut.Count, "finding", "findings"), in.LeftOut.MinLevel, strings.Join(parts, ", "))
	}
	if n := len(in.LeftOut.NotRun); n > 0 {
		out += fmt.Sprintf("\n%s only candidates below note here, not run: %s (--min-level none runs them)",
			plural(n, "rule reports", "rules report"), strings.Join(in.LeftOut.NotRun, ", "))
	}
	return out
}

func plural(n int, single, multi string) string {
	if n == 1 {
		return "1 " + single
	}
	return strconv.Itoa(n) + " " + multi
}

// clean makes text from scanned files safe to print: control characters
// (an ESC in a source line could drive the terminal) become U+FFFD, and
// line breaks become spaces so each finding stays on its line.
func clean(s string) string {
	ok := true
	for _, r := range s {
		if r != '\t' && (unicode.IsControl(r) || r == 0x2028 || r == 0x2029) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == 0x2028 || r == 0x2029:
			return ' '
		case r != '\t' && unicode.IsControl(r):
			return '\uFFFD'
		}
		return r
	}, s)
}

func dirSuffix(dir string) string {
	if dir == "" || dir == "." {
		return ""
	}
	return " for " + clean(dir)
}

// locationText is a related or flow location on one line.
func locationText(l finding.Location) string {
	at := l.Path
	if l.Region.StartLine > 0 {
		at += ":" + strconv.Itoa(l.Region.StartLine)
	}
	if l.Message != "" {
		at += "  " + l.Message
	}
	return at
}

package batch

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/kscan/kscan/internal/units"
)

// WriteMarkdown writes summary.md: the totals, one row per repository in
// list order, then the rules and the adapters over all repositories.
// Times are left out on purpose (Status.DurationMS and Status.Finished),
// so a merged sharded run renders the same bytes as an unsharded one.
func WriteMarkdown(w io.Writer, s *Summary) error {
	var b strings.Builder
	t := &s.Totals

	b.WriteString("# kscan batch summary\n\n")
	if line := reportVersions(s); line != "" {
		b.WriteString(mdText(line) + "\n\n")
	}
	fmt.Fprintf(&b, "- Repositories: %d (%d failed)\n", t.Repositories, t.Failed)
	if states := reportStates(t.States); len(states) > 0 {
		parts := make([]string, len(states))
		for i, st := range states {
			parts[i] = mdText(st) + " " + strconv.Itoa(t.States[st])
		}
		b.WriteString("- By state: " + strings.Join(parts, ", ") + "\n")
	}
	fmt.Fprintf(&b, "- Findings: %d errors, %d warnings, %d notes (%d suppressed)\n",
		t.Findings.Error, t.Findings.Warning, t.Findings.Note, t.Suppressed)
	fmt.Fprintf(&b, "- Repositories needing adapters: %d\n", t.NeedAdapters)
	fmt.Fprintf(&b, "- Unresolved dependencies (missing parent pom or BOM): %d in %s\n",
		t.Unresolved, plural(t.UnresolvedRepos, "repository", "repositories"))

	b.WriteString("\n## Repositories\n\n")
	if len(s.Repositories) == 0 {
		b.WriteString("No repositories.\n")
	} else {
		b.WriteString("| repository | ref | role | state | errors | warnings | notes | unresolved | adapters needed | top rules |\n")
		b.WriteString("|---|---|---|---|---:|---:|---:|---:|---|---|\n")
		for i := range s.Repositories {
			r := &s.Repositories[i]
			state := mdText(r.State)
			if r.Reason != "" {
				state += ": " + mdText(r.Reason)
			}
			// A repository without a result has no counts; 0 would read as clean.
			e, wn, n, u := "-", "-", "-", "-"
			if !Failed(r.State) {
				e, wn, n = strconv.Itoa(r.Findings.Error), strconv.Itoa(r.Findings.Warning), strconv.Itoa(r.Findings.Note)
				u = strconv.Itoa(r.Unresolved)
			}
			adapters := make([]string, len(r.Adapters))
			for j, a := range r.Adapters {
				adapters[j] = mdIdent(a)
			}
			top := make([]string, len(r.TopRules))
			for j, rc := range r.TopRules {
				top[j] = fmt.Sprintf("%s (%d)", mdIdent(rc.Rule), rc.Count)
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
				mdText(r.Repository), mdText(r.Ref), mdText(reportRole(&r.Status)), state,
				e, wn, n, u, strings.Join(adapters, ", "), strings.Join(top, ", "))
		}
	}

	writeModules(&b, s)

	b.WriteString("\n## Rules\n\n")
	if len(s.Rules) == 0 {
		b.WriteString("No findings.\n")
	} else {
		b.WriteString("| rule | level | findings | repositories |\n|---|---|---:|---:|\n")
		for _, rc := range s.Rules {
			fmt.Fprintf(&b, "| %s | %s | %d | %d |\n", mdIdent(rc.Rule), mdText(rc.Level), rc.Count, rc.Repos)
		}
	}

	b.WriteString("\n## Adapters\n\n")
	if len(s.Adapters) == 0 {
		b.WriteString("No adapters needed.\n")
	} else {
		b.WriteString("| adapter | repositories |\n|---|---:|\n")
		for _, ac := range s.Adapters {
			fmt.Fprintf(&b, "| %s | %d |\n", mdIdent(ac.Adapter), ac.Repos)
		}
	}

	_, err := io.WriteString(w, b.String())
	return err
}

// reportVersions is the line naming what produced the results.
func reportVersions(s *Summary) string {
	var parts []string
	if s.KscanVersion != "" {
		parts = append(parts, "kscan "+s.KscanVersion)
	}
	if s.RulesVersion != "" {
		parts = append(parts, "rules "+s.RulesVersion)
	}
	if s.FailOn != "" {
		parts = append(parts, "fail on "+s.FailOn)
	}
	return strings.Join(parts, " · ")
}

// reportRole is the role a repository was scanned as: the list's, else
// the detected ones.
func reportRole(st *Status) string {
	switch {
	case st.Role != "":
		return st.Role
	case len(st.Roles) > 0:
		return strings.Join(st.Roles, ", ")
	}
	return "unknown"
}

// reportStateOrder lists the states from good to bad, the order in which
// both reports show them.
var reportStateOrder = []string{
	StateOK, StateScanErrors, StateEmpty,
	StateCloneFailed, StateTimedOut, StateScanFailed, StateInvalid,
}

// reportStates returns the states with repositories: known ones in
// reportStateOrder, then any others by name, so map order never shows.
func reportStates(m map[string]int) []string {
	var out []string
	known := map[string]bool{}
	for _, st := range reportStateOrder {
		known[st] = true
		if m[st] > 0 {
			out = append(out, st)
		}
	}
	var other []string
	for st, n := range m {
		if !known[st] && n > 0 {
			other = append(other, st)
		}
	}
	sort.Strings(other)
	return append(out, other...)
}

// mdSpecial are the characters that would end a table cell or start
// inline markup (emphasis, code, links, HTML, entities, strikethrough,
// math) when they appear in user data.
const mdSpecial = "\\`*_[]<>|~&$"

// mdText makes s one line of literal text in a table cell: line breaks and
// other control characters become spaces and markup characters are
// backslash-escaped. A backslash-escaped pipe is also what GFM tables
// need to keep a cell whole.
func mdText(s string) string {
	var b strings.Builder
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, c := range s {
		switch {
		case unicode.IsControl(c) || c == '\u2028' || c == '\u2029':
			b.WriteByte(' ')
		case strings.ContainsRune(mdSpecial, c):
			b.WriteByte('\\')
			b.WriteRune(c)
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// mdIdent shows rule ids and adapter coordinates as code when they are
// plain; anything else is escaped text, because a code span cannot hold an
// escaped pipe after a backslash.
func mdIdent(s string) string {
	if s == "" {
		return ""
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("._:/@+-", c)) {
			return mdText(s)
		}
	}
	return "`" + s + "`"
}

// writeModules lists the Koupleless modules with their packaged size and
// slimming errors (a module with errors will not start), when there are
// any.
func writeModules(b *strings.Builder, s *Summary) {
	n := 0
	for i := range s.Repositories {
		n += len(s.Repositories[i].Modules)
	}
	if n == 0 {
		return
	}
	b.WriteString("\n## Modules\n\n")
	b.WriteString("| repository | module | packaged | slimming errors |\n|---|---|---:|---:|\n")
	for i := range s.Repositories {
		r := &s.Repositories[i]
		for _, m := range r.Modules {
			size := "unknown"
			if m.PackagedBytes > 0 || m.UnknownSizes == 0 {
				size = units.Bytes(m.PackagedBytes)
				if m.UnknownSizes > 0 {
					size += fmt.Sprintf(" + %d unknown", m.UnknownSizes)
				}
			}
			fmt.Fprintf(b, "| %s | %s | %s | %d |\n", mdText(r.Repository), mdIdent(m.Path), size, m.SlimErrors)
		}
	}
}

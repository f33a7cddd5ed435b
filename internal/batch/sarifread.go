package batch

import (
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/scanner/report"
)

// sarifLog is a repository's SARIF log as a batch reads it.
type sarifLog struct{ *report.Log }

// UnresolvedKind is the kind (SARIF notification descriptor id) of a
// dependency the scan could not resolve, such as a missing parent pom or
// BOM. The inputs were read: the repository's result stands, and these
// are counted apart from unreadable inputs.
const UnresolvedKind = "unresolved-dependency"

// readSARIF reads a SARIF log kscan itself just wrote.
func readSARIF(path string) (*sarifLog, error) {
	f, _, err := safefs.Open(path, safefs.MaxResult)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return decodeSARIF(f, path)
}

func decodeSARIF(r io.Reader, name string) (*sarifLog, error) {
	log, err := report.ReadLog(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if len(log.Runs) == 0 {
		return nil, fmt.Errorf("%s: no runs", name)
	}
	return &sarifLog{log}, nil
}

// inputProblem reports whether a notification says an input could not be
// read or parsed (and so makes a repository scan-errors).
func inputProblem(n *report.LogNotification) bool {
	return (n.Level == "error" || n.Level == "warning") && n.Descriptor.ID != UnresolvedKind
}

// count fills a status's numbers from the log: findings by level (absent
// baseline results and suppressed ones apart), rules, adapters, roles,
// input problems and unresolved dependencies. Counts start from zero, so
// a status read back from disk is counted again from its log.
func (l *sarifLog) count(st *Status) {
	st.Findings, st.Suppressed, st.Notifications, st.Unresolved = LevelCounts{}, 0, 0, 0
	st.Rules = map[string]int{}
	st.Modules = nil
	adapters := map[string]bool{}
	var slimErrs []string
	roles := map[string]bool{}
	for _, run := range l.Runs {
		for _, r := range run.Results {
			if r.BaselineState == "absent" {
				continue
			}
			if r.Suppressed() {
				st.Suppressed++
				continue
			}
			switch r.Level {
			case "error":
				st.Findings.Error++
			case "warning":
				st.Findings.Warning++
			case "note":
				st.Findings.Note++
			default:
				continue
			}
			st.Rules[r.RuleID]++
			if r.Level == "error" && slimRules[r.RuleID] && len(r.Locations) > 0 {
				slimErrs = append(slimErrs, r.Locations[0].PhysicalLocation.ArtifactLocation.URI)
			}
			for _, a := range strings.Split(r.Property("adapters"), ",") {
				if a = strings.TrimSpace(a); a != "" {
					adapters[a] = true
				}
			}
		}
		for _, m := range run.Properties.Modules {
			st.Modules = append(st.Modules, ModuleSlim{Path: m.Path, PackagedBytes: m.PackagedBytes, UnknownSizes: m.Unknown})
		}
		for _, r := range run.Properties.Roles {
			if r.Role != "" {
				roles[r.Role] = true
			}
		}
		for _, inv := range run.Invocations {
			for i := range inv.ToolExecutionNotifications {
				n := &inv.ToolExecutionNotifications[i]
				switch {
				case n.Descriptor.ID == UnresolvedKind:
					st.Unresolved++
				case inputProblem(n):
					st.Notifications++
				}
			}
		}
	}
	if len(st.Rules) == 0 {
		st.Rules = nil
	}
	// A slimming error belongs to the module whose directory holds its
	// location (the deepest one, for nested modules).
	for _, u := range slimErrs {
		best := -1
		for i, m := range st.Modules {
			dir := path.Dir(m.Path)
			if (dir == "." || strings.HasPrefix(u, dir+"/")) && (best < 0 || len(dir) > len(path.Dir(st.Modules[best].Path))) {
				best = i
			}
		}
		if best >= 0 {
			st.Modules[best].SlimErrors++
		}
	}
	st.Adapters = sortedKeys(adapters)
	st.Roles = sortedKeys(roles)
}

// problems says what could not be read, for a scan-errors status.
func (l *sarifLog) problems() string {
	return l.summarise(inputProblem)
}

// unresolved lists the first max unresolved dependencies, as their
// notifications say them, and how many more there are.
func (l *sarifLog) unresolved(max int) ([]string, int) {
	var out []string
	n := 0
	for _, run := range l.Runs {
		for _, inv := range run.Invocations {
			for i := range inv.ToolExecutionNotifications {
				nt := &inv.ToolExecutionNotifications[i]
				if nt.Descriptor.ID != UnresolvedKind {
					continue
				}
				if n++; len(out) < max {
					out = append(out, notificationText(nt))
				}
			}
		}
	}
	return out, n - len(out)
}

// notificationText is a notification's message led by its file, unless
// the message names it already.
func notificationText(nt *report.LogNotification) string {
	text := nt.Message.Text
	if len(nt.Locations) > 0 {
		if u := nt.Locations[0].PhysicalLocation.ArtifactLocation.URI; u != "" && !strings.Contains(text, u) {
			text = u + ": " + text
		}
	}
	return text
}

// summarise is the first notification that keep holds, with how many
// more there are.
func (l *sarifLog) summarise(keep func(*report.LogNotification) bool) string {
	var first string
	n := 0
	for _, run := range l.Runs {
		for _, inv := range run.Invocations {
			for i := range inv.ToolExecutionNotifications {
				nt := &inv.ToolExecutionNotifications[i]
				if !keep(nt) {
					continue
				}
				if n == 0 {
					first = notificationText(nt)
				}
				n++
			}
		}
	}
	if n > 1 {
		return fmt.Sprintf("%s (and %d more inputs)", first, n-1)
	}
	return first
}

// findings lists unsuppressed findings, errors first, at most max; the
// count of the rest is returned too.
func (l *sarifLog) findings(browse string, max int) ([]FindingRef, int) {
	var all []FindingRef
	for _, run := range l.Runs {
		for _, r := range run.Results {
			if r.BaselineState == "absent" || r.Suppressed() {
				continue
			}
			f := FindingRef{Rule: r.RuleID, Level: r.Level, Message: r.Message.Text}
			if len(r.Locations) > 0 {
				f.Path = r.Locations[0].PhysicalLocation.ArtifactLocation.URI
				f.Line = r.Locations[0].PhysicalLocation.Region.StartLine
			}
			if browse != "" && f.Path != "" {
				f.URL = browse + f.Path
				if f.Line > 0 {
					f.URL += fmt.Sprintf("#L%d", f.Line)
				}
			}
			all = append(all, f)
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if levelRank(a.Level) != levelRank(b.Level) {
			return levelRank(a.Level) > levelRank(b.Level)
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Line < b.Line
	})
	if len(all) > max {
		return all[:max], len(all) - max
	}
	return all, 0
}

func levelRank(l string) int {
	switch l {
	case "error":
		return 3
	case "warning":
		return 2
	case "note":
		return 1
	}
	return 0
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	if len(out) == 0 {
		return nil
	}
	return out
}

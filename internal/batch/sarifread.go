package batch

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/kscan/kscan/scanner/report"
)

// sarifLog is a repository's SARIF log as a batch reads it.
type sarifLog struct{ *report.Log }

func readSARIF(path string) (*sarifLog, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	log, err := report.ReadLog(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if len(log.Runs) == 0 {
		return nil, fmt.Errorf("%s: no runs", path)
	}
	return &sarifLog{log}, nil
}

// count fills a status's numbers from the log: findings by level (absent
// baseline results and suppressed ones apart), rules, adapters, roles and
// input problems.
func (l *sarifLog) count(st *Status) {
	st.Rules = map[string]int{}
	adapters := map[string]bool{}
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
			for _, a := range strings.Split(r.Property("adapters"), ",") {
				if a = strings.TrimSpace(a); a != "" {
					adapters[a] = true
				}
			}
		}
		for _, r := range run.Properties.Roles {
			if r.Role != "" {
				roles[r.Role] = true
			}
		}
		for _, inv := range run.Invocations {
			for _, n := range inv.ToolExecutionNotifications {
				if n.Level == "error" || n.Level == "warning" {
					st.Notifications++
				}
			}
		}
	}
	if len(st.Rules) == 0 {
		st.Rules = nil
	}
	st.Adapters = sortedKeys(adapters)
	st.Roles = sortedKeys(roles)
}

// problems says what could not be read, for a scan-errors status.
func (l *sarifLog) problems() string {
	var first string
	n := 0
	for _, run := range l.Runs {
		for _, inv := range run.Invocations {
			for _, nt := range inv.ToolExecutionNotifications {
				if nt.Level != "error" && nt.Level != "warning" {
					continue
				}
				if n == 0 {
					first = nt.Message.Text
					if len(nt.Locations) > 0 {
						if u := nt.Locations[0].PhysicalLocation.ArtifactLocation.URI; u != "" && !strings.Contains(first, u) {
							first = u + ": " + first
						}
					}
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

package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// statsRow is one step of --stats' breakdown: name, wall seconds and, for
// a concurrent step, worker seconds.
var statsRow = regexp.MustCompile(`^kscan: ( *)([a-z][a-z ,()0-9-]*?) +(-?[0-9.]+)s(?: +(-?[0-9.]+)s)?$`)

func TestStatsBreakdown(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want []string // steps that must be listed
	}{
		{"sources", []string{"scan", "--stats", "--format", "sarif", "-o", "/dev/null", "--fail-on", "none", example},
			[]string{"discover", "scope indexes (wait)", "sources (", "parse", "extract", "rules", "call graph", "project rules", "deps", "report (sarif)", "total (wall)"}},
		{"classes", []string{"scan", "--stats", "--format", "json", "--fail-on", "none", "testdata/bytecode/fixtures-8.jar"},
			[]string{"discover", "classes (", "extract", "rules", "project rules", "report (json)", "total (wall)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := kscan(t, "", tc.args...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			seen := map[string]bool{}
			var sum, total float64
			tops := 0
			for _, line := range strings.Split(r.stderr, "\n") {
				m := statsRow.FindStringSubmatch(line)
				if m == nil {
					continue
				}
				name := m[2]
				wall, err := strconv.ParseFloat(m[3], 64)
				if err != nil {
					t.Fatal(err)
				}
				if wall < 0 || strings.HasPrefix(m[4], "-") {
					t.Errorf("negative time: %q", line)
				}
				seen[name] = true
				switch {
				case name == "total (wall)":
					total = wall
				case m[1] == "":
					sum += wall
					tops++
				}
			}
			for _, w := range tc.want {
				found := false
				for name := range seen {
					if strings.HasPrefix(name, w) {
						found = true
					}
				}
				if !found {
					t.Errorf("no step %q in:\n%s", w, r.stderr)
				}
			}
			// Each printed figure is rounded to a millisecond.
			if total <= 0 || sum < total-0.001*float64(tops) || sum > total+0.001*float64(tops) {
				t.Errorf("steps add up to %.3fs, total %.3fs:\n%s", sum, total, r.stderr)
			}
		})
	}
}

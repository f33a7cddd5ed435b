package gate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner/finding"
	"github.com/kscan/kscan/scanner/report"
)

func mkFinding(rule, path string, line int, fp string) finding.Finding {
	return finding.Finding{RuleID: rule, Path: path, Region: finding.Region{StartLine: line}, Fingerprint: fp,
		Message: rule + " at " + path}
}

func entry(rule, path string, line int, fp string) Entry {
	return Entry{RuleID: rule, Path: path, Line: line, Fingerprint: fp, Message: rule + " at " + path}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name       string
		baseline   []Entry
		today      []finding.Finding
		inScope    func(Entry) bool
		wantStates []State
		wantAbsent []int // indexes into baseline
	}{
		{
			name:       "nothing changed",
			baseline:   []Entry{entry("system-exit", "A.java", 5, "aa:1"), entry("stdout-usage", "A.java", 9, "bb:1")},
			today:      []finding.Finding{mkFinding("system-exit", "A.java", 5, "aa:1"), mkFinding("stdout-usage", "A.java", 9, "bb:1")},
			wantStates: []State{StateUnchanged, StateUnchanged},
		},
		{
			name:       "lines moved by an unrelated edit",
			baseline:   []Entry{entry("system-exit", "A.java", 5, "aa:1")},
			today:      []finding.Finding{mkFinding("system-exit", "A.java", 42, "aa:1")},
			wantStates: []State{StateUnchanged},
		},
		{
			name:       "a new finding",
			baseline:   []Entry{entry("system-exit", "A.java", 5, "aa:1")},
			today:      []finding.Finding{mkFinding("system-exit", "A.java", 5, "aa:1"), mkFinding("system-exit", "B.java", 3, "cc:1")},
			wantStates: []State{StateUnchanged, StateNew},
		},
		{
			name:       "a removed finding",
			baseline:   []Entry{entry("system-exit", "A.java", 5, "aa:1"), entry("stdout-usage", "A.java", 9, "bb:1")},
			today:      []finding.Finding{mkFinding("stdout-usage", "A.java", 8, "bb:1")},
			wantStates: []State{StateUnchanged},
			wantAbsent: []int{0},
		},
		{
			name:       "same fingerprint, other rule: no match",
			baseline:   []Entry{entry("system-exit", "A.java", 5, "aa:1")},
			today:      []finding.Finding{mkFinding("stdout-usage", "A.java", 5, "aa:1")},
			wantStates: []State{StateNew},
			wantAbsent: []int{0},
		},
		{
			// Two identical calls at lines 10 and 20; the first is deleted,
			// so the second moves to 19 and is renumbered :1. It is the
			// same finding as the baseline's :2, and :1 (line 10) is gone.
			name:       "one of two identical findings removed: the removed one is absent",
			baseline:   []Entry{entry("system-exit", "A.java", 10, "aa:1"), entry("system-exit", "A.java", 20, "aa:2")},
			today:      []finding.Finding{mkFinding("system-exit", "A.java", 19, "aa:1")},
			wantStates: []State{StateUnchanged},
			wantAbsent: []int{0},
		},
		{
			name:       "one of two identical findings removed: the second",
			baseline:   []Entry{entry("system-exit", "A.java", 10, "aa:1"), entry("system-exit", "A.java", 20, "aa:2")},
			today:      []finding.Finding{mkFinding("system-exit", "A.java", 10, "aa:1")},
			wantStates: []State{StateUnchanged},
			wantAbsent: []int{1},
		},
		{
			name:     "a third identical finding added in the middle is the new one",
			baseline: []Entry{entry("system-exit", "A.java", 10, "aa:1"), entry("system-exit", "A.java", 20, "aa:2")},
			today: []finding.Finding{mkFinding("system-exit", "A.java", 10, "aa:1"), mkFinding("system-exit", "A.java", 15, "aa:2"),
				mkFinding("system-exit", "A.java", 21, "aa:3")},
			wantStates: []State{StateUnchanged, StateNew, StateUnchanged},
		},
		{
			name:       "a tie pairs the later copy: the survivor moved up",
			baseline:   []Entry{entry("system-exit", "A.java", 4, "aa:1"), entry("system-exit", "A.java", 8, "aa:2")},
			today:      []finding.Finding{mkFinding("system-exit", "A.java", 6, "aa:1")},
			wantStates: []State{StateUnchanged},
			wantAbsent: []int{0},
		},
		{
			name:     "a tie pairs the later copies: an insertion pushed the second down",
			baseline: []Entry{entry("system-exit", "A.java", 4, "aa:1"), entry("system-exit", "A.java", 7, "aa:2")},
			today: []finding.Finding{mkFinding("system-exit", "A.java", 4, "aa:1"), mkFinding("system-exit", "A.java", 6, "aa:2"),
				mkFinding("system-exit", "A.java", 8, "aa:3")},
			wantStates: []State{StateUnchanged, StateNew, StateUnchanged},
		},
		{
			name:       "same number of identical findings: all unchanged, whatever the lines",
			baseline:   []Entry{entry("system-exit", "A.java", 10, "aa:1"), entry("system-exit", "A.java", 20, "aa:2")},
			today:      []finding.Finding{mkFinding("system-exit", "A.java", 30, "aa:1"), mkFinding("system-exit", "A.java", 3, "aa:2")},
			wantStates: []State{StateUnchanged, StateUnchanged},
		},
		{
			name:       "fingerprint without a counter",
			baseline:   []Entry{entry("system-exit", "A.java", 10, "plain")},
			today:      []finding.Finding{mkFinding("system-exit", "A.java", 11, "plain")},
			wantStates: []State{StateUnchanged},
		},
		{
			name:       "entries outside the scan are not absent",
			baseline:   []Entry{entry("system-exit", "lib/A.java", 10, "aa:1"), entry("system-exit", "app/B.java", 10, "bb:1")},
			today:      nil,
			inScope:    func(e Entry) bool { return strings.HasPrefix(e.Path, "app/") },
			wantStates: []State{},
			wantAbsent: []int{1},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := &Baseline{Findings: tc.baseline}
			states, absent := Compare(b, tc.today, tc.inScope)
			if !reflect.DeepEqual(states, tc.wantStates) && !(len(states) == 0 && len(tc.wantStates) == 0) {
				t.Errorf("states %v, want %v", states, tc.wantStates)
			}
			var want []Entry
			for _, i := range tc.wantAbsent {
				want = append(want, tc.baseline[i])
			}
			if !reflect.DeepEqual(absent, want) {
				t.Errorf("absent %v, want %v", absent, want)
			}
		})
	}
}

func TestCompareSuppressedStillMatches(t *testing.T) {
	b := &Baseline{Findings: []Entry{entry("system-exit", "A.java", 5, "aa:1")}}
	f := mkFinding("system-exit", "A.java", 5, "aa:1")
	f.Suppressed = []finding.Suppressed{{Kind: "inSource"}}
	states, absent := Compare(b, []finding.Finding{f}, nil)
	if states[0] != StateUnchanged || len(absent) != 0 {
		t.Errorf("states %v absent %v: a finding suppressed since the baseline is not absent", states, absent)
	}
}

// TestAlignLarge: a group too large to align is paired in order, quickly.
func TestAlignLarge(t *testing.T) {
	a := make([]int, 3000)
	b := make([]int, 2000)
	for i := range a {
		a[i] = i
	}
	for i := range b {
		b[i] = i
	}
	if got := align(a, b); len(got) != 2000 || got[1999] != [2]int{1999, 1999} {
		t.Errorf("%d pairs, last %v", len(got), got[len(got)-1])
	}
}

func TestNewAndWriteDeterministic(t *testing.T) {
	fs := []finding.Finding{
		mkFinding("stdout-usage", "b/B.java", 3, "bb:1"),
		mkFinding("system-exit", "a/A.java", 9, "aa:2"),
		mkFinding("system-exit", "a/A.java", 4, "aa:1"),
		mkFinding("class-forname-caller-loader", "a/A.java", 4, "cc:1"),
	}
	sup := mkFinding("system-exit", "a/A.java", 12, "aa:3")
	sup.Suppressed = []finding.Suppressed{{Kind: "inSource"}}
	fs = append(fs, sup)
	fs[0].Message = "uses <System.out> & more"
	tool := report.Tool{Name: "kscan", Version: "1.2.3", InformationURI: "https://example.com"}

	var one, two bytes.Buffer
	if err := NewBaseline(tool, fs).Write(&one); err != nil {
		t.Fatal(err)
	}
	rev := append([]finding.Finding(nil), fs...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	if err := NewBaseline(tool, rev).Write(&two); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(one.Bytes(), two.Bytes()) {
		t.Errorf("finding order changed the file:\n%s\n%s", one.String(), two.String())
	}
	want := `{
  "version": 1,
  "tool": {
    "name": "kscan",
    "version": "1.2.3"
  },
  "fingerprintVersion": "kscan/v1",
  "findings": [
    {
      "fingerprint": "cc:1",
      "ruleId": "class-forname-caller-loader",
      "path": "a/A.java",
      "line": 4,
      "message": "class-forname-caller-loader at a/A.java"
    },
    {
      "fingerprint": "aa:1",
      "ruleId": "system-exit",
      "path": "a/A.java",
      "line": 4,
      "message": "system-exit at a/A.java"
    },
    {
      "fingerprint": "aa:2",
      "ruleId": "system-exit",
      "path": "a/A.java",
      "line": 9,
      "message": "system-exit at a/A.java"
    },
    {
      "fingerprint": "bb:1",
      "ruleId": "stdout-usage",
      "path": "b/B.java",
      "line": 3,
      "message": "uses <System.out> & more"
    }
  ]
}
`
	if one.String() != want {
		t.Errorf("baseline file:\n%s\nwant:\n%s", one.String(), want)
	}
	back, err := ParseBaseline("b.json", one.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := back.Write(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), one.Bytes()) {
		t.Errorf("parse and write changed the file:\n%s", again.String())
	}

	var empty bytes.Buffer
	if err := NewBaseline(tool, nil).Write(&empty); err != nil || !strings.Contains(empty.String(), `"findings": []`) {
		t.Errorf("empty baseline: %v\n%s", err, empty.String())
	}
}

func TestParseSARIF(t *testing.T) {
	in := &report.Input{
		Tool: report.Tool{Name: "kscan", Version: "9.9"},
		Root: "/w",
		Rules: []*rules.Rule{
			{ID: "system-exit", Title: "t", Default: rules.SeverityHigh},
			{ID: "stdout-usage", Title: "t", Default: rules.SeverityLow},
		},
		Findings: []finding.Finding{
			{RuleID: "system-exit", Severity: rules.SeverityHigh, Message: "exit", Path: "src/My App.java", Region: finding.Region{StartLine: 7}, Fingerprint: "aa:1"},
			{RuleID: "stdout-usage", Severity: rules.SeverityLow, Message: "out", Path: "src/Ü.java", Region: finding.Region{StartLine: 3}, Fingerprint: "bb:1"},
			{RuleID: "stdout-usage", Severity: rules.SeverityLow, Message: "quiet", Path: "src/Q.java", Region: finding.Region{StartLine: 1}, Fingerprint: "cc:1"},
		},
		Suppressions: map[int][]report.Suppression{2: {{Kind: report.SuppressionInSource}}},
	}
	var buf bytes.Buffer
	if err := report.SARIF(&buf, in); err != nil {
		t.Fatal(err)
	}
	b, err := ParseBaseline("old.sarif", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Fingerprint: "aa:1", RuleID: "system-exit", Path: "src/My App.java", Line: 7, Message: "exit"},
		{Fingerprint: "bb:1", RuleID: "stdout-usage", Path: "src/Ü.java", Line: 3, Message: "out"},
	}
	if !reflect.DeepEqual(b.Findings, want) || b.Tool.Version != "9.9" {
		t.Errorf("from SARIF: %+v (tool %v)\nwant %+v", b.Findings, b.Tool, want)
	}
}

func TestParseErrors(t *testing.T) {
	sarifWith := func(fps string) string {
		return `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"kscan"}},"results":[{"ruleId":"system-exit","message":{"text":"m"},` +
			`"locations":[{"physicalLocation":{"artifactLocation":{"uri":"A.java"}}}],"partialFingerprints":` + fps + `}]}]}`
	}
	tests := []struct{ name, data, want string }{
		{"not JSON", "baseline", "not a kscan baseline or SARIF file"},
		{"JSON of another kind", `{"a":1}`, `no "findings"`},
		{"newer layout", `{"version":2,"fingerprintVersion":"kscan/v1","findings":[]}`, "version 2 is not supported"},
		{"other fingerprint version", `{"version":1,"fingerprintVersion":"kscan/v0","findings":[]}`, "made with fingerprint version kscan/v0, this kscan computes kscan/v1"},
		{"no fingerprint version", `{"version":1,"findings":[]}`, "no fingerprint version"},
		{"unknown key", `{"version":1,"fingerprintVersion":"kscan/v1","findings":[],"extra":1}`, `unknown field "extra"`},
		{"entry without fingerprint", `{"version":1,"fingerprintVersion":"kscan/v1","findings":[{"ruleId":"x","path":"A.java"}]}`, "finding 0 lacks"},
		{"negative line", `{"version":1,"fingerprintVersion":"kscan/v1","findings":[{"fingerprint":"a:1","ruleId":"x","path":"A.java","line":-3}]}`, "line -3"},
		{"wrong type", `{"version":"1","fingerprintVersion":"kscan/v1","findings":[]}`, "cannot unmarshal"},
		{"SARIF from another tool", `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"CodeQL"}},"results":[]}]}`, "no kscan run"},
		{"SARIF with other kscan fingerprints", sarifWith(`{"kscan/v2":"aa:1"}`), "made with fingerprint version kscan/v2"},
		{"SARIF without kscan fingerprints", sarifWith(`{"primaryLocationLineHash":"aa:1"}`), `no "kscan/v1" partial fingerprint`},
		{"SARIF with a bad uri", strings.Replace(sarifWith(`{"kscan/v1":"aa:1"}`), "A.java", "A%zz.java", 1), "bad percent-escape"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseBaseline("base.json", []byte(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "base.json") {
				t.Errorf("err = %v, want it to name base.json and contain %q", err, tc.want)
			}
		})
	}
	if _, err := LoadBaseline(filepath.Join(t.TempDir(), "missing.json"), nil); err == nil || !os.IsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
}

// TestParseSkipsAbsentAndPassResults: a SARIF that carried a comparison
// lists entries no longer found; they are not findings of that scan.
func TestParseSkipsAbsentAndPassResults(t *testing.T) {
	doc := map[string]any{"version": "2.1.0", "runs": []any{map[string]any{
		"tool": map[string]any{"driver": map[string]any{"name": "kscan"}},
		"results": []any{
			sarifResult("aa:1", "unchanged", ""),
			sarifResult("bb:1", "absent", "pass"),
			sarifResult("cc:1", "new", ""),
		},
	}}}
	data, _ := json.Marshal(doc)
	b, err := ParseBaseline("x.sarif", data)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range b.Findings {
		got = append(got, e.Fingerprint)
	}
	if fmt.Sprint(got) != "[aa:1 cc:1]" {
		t.Errorf("entries %v", got)
	}
}

func sarifResult(fp, state, kind string) map[string]any {
	r := map[string]any{
		"ruleId": "system-exit", "message": map[string]any{"text": "m"},
		"locations": []any{map[string]any{"physicalLocation": map[string]any{
			"artifactLocation": map[string]any{"uri": "A.java"}, "region": map[string]any{"startLine": 3}}}},
		"partialFingerprints": map[string]any{"kscan/v1": fp},
		"baselineState":       state,
	}
	if kind != "" {
		r["kind"] = kind
	}
	return r
}

func FuzzParseBaseline(f *testing.F) {
	var buf bytes.Buffer
	NewBaseline(report.Tool{Name: "kscan", Version: "1"}, []finding.Finding{mkFinding("system-exit", "A.java", 3, "aa:1")}).Write(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte(`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"kscan"}},"results":[{"ruleId":"r","message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a%20b"},"region":{"startLine":2}}}],"partialFingerprints":{"kscan/v1":"x:1"}}]}]}`))
	f.Add([]byte(`{"version":1,"fingerprintVersion":"kscan/v1","findings":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := ParseBaseline("fuzz", data)
		if err != nil {
			return
		}
		for _, e := range b.Findings {
			if e.Fingerprint == "" || e.RuleID == "" || e.Path == "" || e.Line < 0 {
				t.Fatalf("bad entry accepted: %+v", e)
			}
		}
		// What parses must write and parse back to the same entries.
		var out bytes.Buffer
		if err := b.Write(&out); err != nil {
			t.Fatal(err)
		}
		again, err := ParseBaseline("again", out.Bytes())
		if err != nil {
			t.Fatalf("written baseline does not parse: %v\n%s", err, out.String())
		}
		sortEntries(b.Findings)
		if !reflect.DeepEqual(again.Findings, b.Findings) {
			t.Fatalf("round trip changed entries:\n%+v\n%+v", b.Findings, again.Findings)
		}
		Compare(b, nil, nil)
	})
}

package gate

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner"
	"github.com/kscan/kscan/scanner/finding"
)

func leveled(f finding.Finding, l rules.Level) finding.Finding {
	f.Level = l
	return f
}

// TestApply covers the gate without the binary: baseline states, absent
// entries only where the scan looked, the changed-lines filter, and what
// fails the run.
func TestApply(t *testing.T) {
	root := t.TempDir()
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		t.Fatal(err)
	}
	exit, _ := rules.Lookup("system-exit")
	prop, _ := rules.Lookup("system-property-mutation")
	base := &Baseline{Findings: []Entry{
		entry("system-exit", "src/A.java", 5, "aa:1"),              // still there: unchanged
		entry("system-exit", "src/Gone.java", 9, "bb:1"),           // fixed: absent
		entry("system-exit", "vendor/V.java", 3, "cc:1"),           // excluded today: not absent
		entry("jdbc-driver-registration", "src/J.java", 2, "dd:1"), // rule not run: not absent
		entry("system-exit", "src/Broken.java", 4, "ee:1"),         // unreadable today: not absent
	}}
	res := &scanner.Result{Root: root,
		Findings: []finding.Finding{
			leveled(mkFinding("system-exit", "src/A.java", 6, "aa:1"), rules.LevelError),
			leveled(mkFinding("system-exit", "src/B.java", 10, "ff:1"), rules.LevelError),
			leveled(mkFinding("system-property-mutation", "src/B.java", 20, "gg:1"), rules.LevelWarning),
		},
		Notifications: []finding.Notification{
			{Path: "src/Broken.java", Level: rules.LevelError, Kind: "read-error", Message: "cannot read"},
			{Path: "other/Old.java", Level: rules.LevelWarning, Kind: "syntax", Message: "syntax error"},
		},
	}
	scope := Scope{Rules: []*rules.Rule{exit, prop}, Paths: []string{root}, Excludes: []string{"vendor"}}

	for _, tc := range []struct {
		name         string
		gate         *Gate
		wantStates   []string // per kept finding, by path:line
		wantKept     []string
		wantAbsent   []string
		wantNotes    int
		failsAtError int
		failsAtWarn  int
	}{
		{
			name:         "no baseline, no diff",
			gate:         &Gate{},
			wantKept:     []string{"src/A.java:6", "src/B.java:10", "src/B.java:20"},
			wantStates:   []string{"", "", ""},
			wantNotes:    2,
			failsAtError: 2, failsAtWarn: 3,
		},
		{
			name:         "baseline",
			gate:         &Gate{opts: Options{ReportAbsent: true}, baseline: base},
			wantKept:     []string{"src/A.java:6", "src/B.java:10", "src/B.java:20"},
			wantStates:   []string{"unchanged", "new", "new"},
			wantAbsent:   []string{"src/Gone.java:9"},
			wantNotes:    2,
			failsAtError: 1, failsAtWarn: 2,
		},
		{
			name: "baseline and changed lines",
			gate: &Gate{opts: Options{ReportAbsent: true}, baseline: base,
				changes: NewChanges(real, []FileDiff{
					{OldPath: "src/B.java", NewPath: "src/B.java", Ranges: []Range{{Start: 18, End: 22}}},
					{OldPath: "src/A.java", NewPath: "src/A.java", Ranges: []Range{{Start: 1, End: 2}}},
				}, nil)},
			wantKept:     []string{"src/B.java:20"},
			wantStates:   []string{"new"},
			wantAbsent:   nil, // Gone.java is not part of the change
			wantNotes:    0,
			failsAtError: 0, failsAtWarn: 1,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := tc.gate.Apply(res, scope)
			if err != nil {
				t.Fatal(err)
			}
			var kept, states, absent []string
			for _, f := range out.Findings {
				kept = append(kept, f.Path+":"+itoa(f.Region.StartLine))
				states = append(states, f.Baseline)
			}
			for _, a := range out.Absent {
				absent = append(absent, a.Path+":"+itoa(a.Line))
			}
			if !reflect.DeepEqual(kept, tc.wantKept) {
				t.Errorf("kept %v, want %v", kept, tc.wantKept)
			}
			if !reflect.DeepEqual(states, tc.wantStates) {
				t.Errorf("states %v, want %v", states, tc.wantStates)
			}
			if !reflect.DeepEqual(absent, tc.wantAbsent) {
				t.Errorf("absent %v, want %v", absent, tc.wantAbsent)
			}
			if len(out.Notifications) != tc.wantNotes {
				t.Errorf("%d notifications, want %d", len(out.Notifications), tc.wantNotes)
			}
			if n := out.Fails(rules.LevelError); n != tc.failsAtError {
				t.Errorf("Fails(error) = %d, want %d", n, tc.failsAtError)
			}
			if n := out.Fails(rules.LevelWarning); n != tc.failsAtWarn {
				t.Errorf("Fails(warning) = %d, want %d", n, tc.failsAtWarn)
			}
			if n := out.Fails(rules.LevelNone); n != 0 {
				t.Errorf("Fails(none) = %d", n)
			}
		})
	}
	// The input is not changed: states live on copies.
	for _, f := range res.Findings {
		if f.Baseline != "" {
			t.Fatalf("Apply changed its input: %+v", f)
		}
	}
}

// A suppressed finding never fails the run.
func TestFailsSuppressed(t *testing.T) {
	f := leveled(mkFinding("system-exit", "A.java", 1, "aa:1"), rules.LevelError)
	f.Suppressed = []finding.Suppressed{{Kind: "inSource"}}
	if n := (&Outcome{Findings: []finding.Finding{f}}).Fails(rules.LevelNote); n != 0 {
		t.Fatalf("suppressed finding fails the run: %d", n)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		o    Options
	}{
		{"missing baseline", Options{Baseline: filepath.Join(dir, "nope.json"), BaselineFrom: "--baseline"}},
		{"missing path", Options{DiffBase: "HEAD", Paths: []string{filepath.Join(dir, "nope")}}},
	} {
		_, err := Open(t.Context(), tc.o)
		var ue UsageError
		if !errorsAs(err, &ue) {
			t.Errorf("%s: err = %v, want a UsageError", tc.name, err)
		}
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("{"), 0o644)
	if _, err := Open(t.Context(), Options{Baseline: bad, BaselineFrom: "--baseline"}); err == nil {
		t.Error("a malformed baseline opened")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func errorsAs(err error, target any) bool { return errors.As(err, target) }

// A finding counts as changed when any of its locations is on a changed
// line: a change that adds a write to an old static field touches the
// finding on the field through that write.
func TestChangedThroughRelated(t *testing.T) {
	root := t.TempDir()
	real, _ := filepath.EvalSymlinks(root)
	f := leveled(mkFinding("static-mutable-state", "src/Holder.java", 3, "aa:1"), rules.LevelError)
	f.Related = []finding.Location{{Path: "src/Setter.java", Region: finding.Region{StartLine: 12}, Message: "written here"}}
	g := &Gate{changes: NewChanges(real, []FileDiff{
		{OldPath: "src/Setter.java", NewPath: "src/Setter.java", Ranges: []Range{{Start: 12, End: 12}}},
	}, nil)}
	out, err := g.Apply(&scanner.Result{Root: root, Findings: []finding.Finding{f}}, Scope{})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Findings) != 1 || out.Fails(rules.LevelError) != 1 {
		t.Fatalf("the finding touched through its related location was not kept: %+v", out.Findings)
	}
	f.Related[0].Region.StartLine = 40
	out, _ = g.Apply(&scanner.Result{Root: root, Findings: []finding.Finding{f}}, Scope{})
	if len(out.Findings) != 0 {
		t.Fatalf("an untouched finding was kept: %+v", out.Findings)
	}
}

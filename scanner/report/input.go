package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner/finding"
)

// Input is everything a report shows. The scanner fills it; the writers
// only read it.
type Input struct {
	Tool Tool
	// Root is the absolute scan root directory, "" when unknown. Finding
	// paths are relative to it.
	Root string
	// Rules lists every enabled rule. All are declared in SARIF, even those
	// that found nothing, so code scanning can close fixed alerts.
	Rules []*rules.Rule
	// Findings are in the scanner's order, which the writers keep.
	Findings      []finding.Finding
	Notifications []finding.Notification
	// Suppressions maps an index into Findings to the suppressions that
	// apply to it. A suppressed finding is still reported, marked as such.
	Suppressions map[int][]Suppression
	Stats        Stats
	// Roles say where the scanned code was taken to run, and why.
	Roles []Role
	// Properties are run-level extras (the role used and why, ...), copied
	// into SARIF run.properties and the JSON "properties". Values must
	// marshal to JSON.
	Properties map[string]any
	// Baseline, when set, is the comparison of Findings with a baseline.
	Baseline *Baseline
	// DiffBase, when set, says Findings were limited to the lines changed
	// since a git revision.
	DiffBase *DiffBase
	// Scope, when set, says how many inputs were set aside as code that
	// never runs in a shared JVM (tests, examples, benchmarks, build
	// tools), and why.
	Scope *Scope
	// LeftOut, when set, counts the findings left out for being below the
	// level asked for (--min-level), so that what a default run does not
	// show is visible: a rule's candidates below note wait there.
	LeftOut *LeftOut
	// HelpURI, when set, is where rules are documented instead of kscan's
	// docs/rules.md: a URL with {id} for the rule id (a company's own pages).
	HelpURI string
	// RulesAhead, when set, holds the rules' descriptors rendered while
	// the scan ran (PrepareRules), for a SARIF log.
	RulesAhead *RulesAhead
}

// LeftOut counts findings below the level asked for.
type LeftOut struct {
	MinLevel string         `json:"minLevel"`
	Count    int            `json:"count"`
	ByRule   map[string]int `json:"byRule,omitempty"`
	// NotRun are the rules that report only candidates below note where
	// some scanned code runs: not run there (--min-level none runs them).
	NotRun []string `json:"rulesNotRun,omitempty"`
}

// helpURI is where a rule's documentation lives.
func (in *Input) helpURI(r *rules.Rule) string {
	if in.HelpURI != "" {
		return strings.ReplaceAll(in.HelpURI, "{id}", r.ID)
	}
	return r.HelpURI()
}

// Baseline states, as SARIF's result.baselineState (§3.27.24) names them.
const (
	BaselineNew       = "new"
	BaselineUnchanged = "unchanged"
	BaselineAbsent    = "absent"
)

// Baseline is the comparison of the findings with a baseline file.
type Baseline struct {
	File string // as the user named it
	// States has one entry per finding, in order: BaselineNew or
	// BaselineUnchanged.
	States []string
	// Absent are baseline findings that this scan looked for and did not
	// find: fixed, or moved beyond recognition.
	Absent []AbsentFinding
}

// AbsentFinding is a baseline entry not found by the scan.
type AbsentFinding struct {
	RuleID      string `json:"ruleId"`
	Path        string `json:"path"`
	Line        int    `json:"line,omitempty"`
	Message     string `json:"message"`
	Fingerprint string `json:"fingerprint"`
}

// DiffBase names the git revision findings were limited to changes since.
type DiffBase struct {
	Ref       string `json:"ref"`       // as the user gave it
	MergeBase string `json:"mergeBase"` // the commit the working tree was compared with
}

// state is finding i's baseline state, "" without a baseline.
func (in *Input) state(i int) string {
	if in.Baseline == nil || i >= len(in.Baseline.States) {
		return ""
	}
	return in.Baseline.States[i]
}

// baselineCounts counts the findings by state.
func (in *Input) baselineCounts() (newN, unchanged int) {
	for i := range in.Findings {
		switch in.state(i) {
		case BaselineNew:
			newN++
		case BaselineUnchanged:
			unchanged++
		}
	}
	return newN, unchanged
}

func (b *Baseline) validate(findings int) error {
	if len(b.States) != findings {
		return fmt.Errorf("report: %d baseline states for %d findings", len(b.States), findings)
	}
	for i, s := range b.States {
		if s != BaselineNew && s != BaselineUnchanged {
			return fmt.Errorf("report: finding %d has baseline state %q (want %q or %q)", i, s, BaselineNew, BaselineUnchanged)
		}
	}
	for i, a := range b.Absent {
		if a.RuleID == "" || a.Path == "" {
			return fmt.Errorf("report: absent finding %d lacks a rule or path", i)
		}
	}
	return nil
}

// Role is one role decision: the code under Dir runs as Role because of
// Reason (the pom element or configuration entry that decided it).
type Role struct {
	Dir    string `json:"dir"`
	Role   string `json:"role"`
	Reason string `json:"reason"`
}

// Tool names the program that produced the report.
type Tool struct {
	Name           string `json:"name"`
	Version        string `json:"version"`
	InformationURI string `json:"informationUri,omitempty"`
}

// Stats describes the work done, for the text and JSON summaries.
type Stats struct {
	Files    int           // inputs considered
	Parsed   int           // inputs that were parsed (the rest failed the keyword pre-filter or were skipped)
	Bytes    int64         // bytes read
	Duration time.Duration // wall time of the scan
	Archives int           // jars, wars and ears given or found (nested ones are inside them)
	Classes  int           // class files parsed
}

// Suppression kinds and statuses, as SARIF names them.
const (
	SuppressionInSource = "inSource" // a comment or annotation in the code
	SuppressionExternal = "external" // a baseline or configuration file

	StatusAccepted    = "accepted"
	StatusUnderReview = "underReview"
	StatusRejected    = "rejected"
)

// Suppression says why a finding is not held against the code.
type Suppression struct {
	Kind          string `json:"kind"`             // SuppressionInSource or SuppressionExternal
	Status        string `json:"status,omitempty"` // "" means StatusAccepted
	Justification string `json:"justification,omitempty"`
}

func (s Suppression) normalize() (Suppression, error) {
	switch s.Kind {
	case SuppressionInSource, SuppressionExternal:
	default:
		return s, fmt.Errorf("suppression kind %q (want %q or %q)", s.Kind, SuppressionInSource, SuppressionExternal)
	}
	switch s.Status {
	case "":
		s.Status = StatusAccepted
	case StatusAccepted, StatusUnderReview, StatusRejected:
	default:
		return s, fmt.Errorf("suppression status %q (want accepted, underReview or rejected)", s.Status)
	}
	return s, nil
}

// levelOf is the finding's SARIF level, derived from its severity when the
// scanner left it empty.
func levelOf(f *finding.Finding) rules.Level {
	if f.Level != "" {
		return f.Level
	}
	return f.Severity.Level()
}

// usableFixes drops fixes that cannot be applied: no edits, or an edit
// whose region was not resolved. SARIF needs at least one replacement per
// fix, and a partial fix is worse than none.
func usableFixes(fs []finding.Fix) []finding.Fix {
	var out []finding.Fix
	for _, fx := range fs {
		if len(fx.Edits) == 0 {
			continue
		}
		ok := true
		for _, e := range fx.Edits {
			if !validRegion(e.Region) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, fx)
		}
	}
	return out
}

// validRegion reports whether r has a line and column start SARIF accepts.
func validRegion(r finding.Region) bool {
	return r.StartLine >= 1 && r.StartColumn >= 1
}

// Scope is the production-scope summary of a scan.
type Scope struct {
	// Summary is one line: "908 of 2,108 files set aside as
	// non-production: 812 test scope, 95 benchmark".
	Summary  string       `json:"summary"`
	Total    int          `json:"total"`
	SetAside int          `json:"setAside"`
	Included bool         `json:"included,omitempty"` // --include non-production: scanned anyway
	Reasons  []ScopeCount `json:"reasons,omitempty"`  // set-aside decisions by class and reason, most first
	// EntriesSetAside counts the entries of scanned archives that their
	// content set aside (test classes, Apache Ant's classes in ant.jar).
	EntriesSetAside int `json:"entriesSetAside,omitempty"`
}

// ScopeCount is a number of inputs of one class and reason; Entries marks
// a count of archive entries.
type ScopeCount struct {
	Class   string `json:"class"`
	Reason  string `json:"reason"`
	N       int    `json:"n"`
	Entries bool   `json:"entries,omitempty"`
}

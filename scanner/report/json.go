package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/kscan/kscan/scanner/finding"
)

// JSONVersion is the version of the JSON report layout. It changes only
// when a field is removed or changes meaning; new fields may appear
// without a change.
const JSONVersion = 1

// jsonReport is the JSON layout:
//
//	{
//	  "version": 1,
//	  "tool": {"name", "version", "informationUri"},
//	  "root": "/abs/scan/root",            // "" when unknown
//	  "findings": [finding.Finding ...],     // with "suppressions" when suppressed
//	  "notifications": [finding.Notification ...],
//	  "stats": {"files", "parsed", "bytes", "durationMs"},
//	  "properties": {...},                 // run extras, omitted when empty
//	  "baseline": {"file", "new", "unchanged", "absent": [...]},  // with a baseline
//	  "diffBase": {"ref", "mergeBase"}     // with --diff-base
//	}
//
// With a baseline every finding has "baselineState": "new" or
// "unchanged", and baseline.absent lists the baseline's findings that were
// not found. Arrays are [] rather than null when empty.
type jsonReport struct {
	Version       int                    `json:"version"`
	Tool          Tool                   `json:"tool"`
	Root          string                 `json:"root"`
	Findings      []jsonFinding          `json:"findings"`
	Notifications []finding.Notification `json:"notifications"`
	Stats         jsonStats              `json:"stats"`
	Roles         []Role                 `json:"roles,omitempty"`
	Scope         *Scope                 `json:"scope,omitempty"`
	Properties    map[string]any         `json:"properties,omitempty"`
	Baseline      *jsonBaseline          `json:"baseline,omitempty"`
	DiffBase      *DiffBase              `json:"diffBase,omitempty"`
}

type jsonFinding struct {
	finding.Finding
	Suppressions  []Suppression `json:"suppressions,omitempty"`
	BaselineState string        `json:"baselineState,omitempty"`
}

type jsonBaseline struct {
	File      string          `json:"file"`
	New       int             `json:"new"`
	Unchanged int             `json:"unchanged"`
	Absent    []AbsentFinding `json:"absent"`
}

type jsonStats struct {
	Files      int   `json:"files"`
	Parsed     int   `json:"parsed"`
	Bytes      int64 `json:"bytes"`
	DurationMs int64 `json:"durationMs"`
	Archives   int   `json:"archives,omitempty"`
	Classes    int   `json:"classes,omitempty"`
}

// JSON writes in as an indented JSON document (see jsonReport for the
// layout), for scripts and for kscan's own merge of sharded scans.
func JSON(w io.Writer, in *Input) error {
	if in == nil {
		return errors.New("report: nil input")
	}
	out := jsonReport{
		Version:       JSONVersion,
		Tool:          in.Tool,
		Root:          in.Root,
		Findings:      make([]jsonFinding, 0, len(in.Findings)),
		Notifications: append(make([]finding.Notification, 0, len(in.Notifications)), in.Notifications...),
		Stats: jsonStats{
			Files:      in.Stats.Files,
			Parsed:     in.Stats.Parsed,
			Bytes:      in.Stats.Bytes,
			DurationMs: in.Stats.Duration.Milliseconds(),
			Archives:   in.Stats.Archives,
			Classes:    in.Stats.Classes,
		},
		Properties: in.Properties,
		Roles:      in.Roles,
		Scope:      in.Scope,
		DiffBase:   in.DiffBase,
	}
	if in.Baseline != nil {
		if err := in.Baseline.validate(len(in.Findings)); err != nil {
			return err
		}
		newN, unchanged := in.baselineCounts()
		out.Baseline = &jsonBaseline{File: in.Baseline.File, New: newN, Unchanged: unchanged,
			Absent: append(make([]AbsentFinding, 0, len(in.Baseline.Absent)), in.Baseline.Absent...)}
	}
	for i, f := range in.Findings {
		f.Level = levelOf(&f)
		f.Fixes = usableFixes(f.Fixes)
		jf := jsonFinding{Finding: f, BaselineState: in.state(i)}
		for _, s := range in.Suppressions[i] {
			s, err := s.normalize()
			if err != nil {
				return err
			}
			jf.Suppressions = append(jf.Suppressions, s)
		}
		out.Findings = append(out.Findings, jf)
	}
	raw, err := json.Marshal(out)
	if err != nil {
		return fmt.Errorf("report: encoding JSON: %w", err)
	}
	// Through the same printer as SARIF: nulls (from nil property values)
	// dropped, two-space indent, <, > and & left readable.
	doc, err := parseJSON(raw)
	if err != nil {
		return fmt.Errorf("report: re-reading JSON: %w", err)
	}
	doc.dropNulls()
	return doc.write(w)
}

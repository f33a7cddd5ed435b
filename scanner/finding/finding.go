// Package finding is the output record of a scan: findings placed in
// files with regions and fingerprints, and notifications about inputs.
// Every report, baseline and gate works on it; rules never see it (they
// report rules.Diagnostic, which the scanner places).
package finding

import (
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
)

// Fix is one suggested change, made of edits to the file.
type Fix struct {
	Description string `json:"description"`
	Edits       []Edit `json:"edits"`
}

// Edit replaces the bytes of Region with New.
type Edit struct {
	New    string `json:"new"`
	Region Region `json:"region"`
}

// Region is a resolved location: 1-based lines and 1-based UTF-16 columns
// (SARIF's default column kind); EndColumn is exclusive. Offsets are bytes.
type Region struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
	ByteOffset  int `json:"byteOffset"`
	ByteLength  int `json:"byteLength"`
}

// Finding is a diagnostic placed in the scan's output: the unit every
// report, baseline and gate works on.
type Finding struct {
	RuleID      string         `json:"ruleId"`
	Severity    rules.Severity `json:"severity"`
	Level       rules.Level    `json:"level"`
	Message     string         `json:"message"`
	Path        string         `json:"path"` // slash-separated, relative to the scan root
	Region      Region         `json:"region"`
	Class       string         `json:"class,omitempty"`
	Method      string         `json:"method,omitempty"`
	Snippet     string         `json:"snippet,omitempty"` // the source line of the start, trimmed
	Fingerprint string         `json:"fingerprint"`       // stable across unrelated edits, see scanner
	Role        string         `json:"role,omitempty"`
	Fixes       []Fix          `json:"fixes,omitempty"`
	Entry       string         `json:"entry,omitempty"`      // compiled code: the class or archive in Path ("lib/x.jar!/a/Foo.class")
	SourceLine  int            `json:"sourceLine,omitempty"` // compiled code: the class's source line, 0 when unknown
	// Properties are structured details of the finding (see Diagnostic).
	Properties map[string]string `json:"properties,omitempty"`
	// Related are the other places the message names; Flow is the chain
	// from where the hazard starts to where it happens (see Diagnostic).
	Related []Location `json:"related,omitempty"`
	Flow    []Location `json:"flow,omitempty"`
	// Baseline is the finding's state against a baseline ("new",
	// "unchanged"), "" without one.
	Baseline string `json:"-"`
	// UnlessDeclared and EntrySensitive: see Diagnostic; the scanner
	// resolves them before any report is written.
	UnlessDeclared string            `json:"-"`
	EntrySensitive bool              `json:"-"`
	EntryGuards    []facts.MethodKey `json:"-"`
	GuardRef       *facts.GuardRef   `json:"-"`
	ImageRef       *facts.GuardRef   `json:"-"`
	// ImageOnly is set once ImageRef is known to test for a native image.
	ImageOnly bool           `json:"-"`
	Pending   *facts.Pending `json:"-"`
	// Suppressed lists why the finding is not held against the code; a
	// suppressed finding stays in every report, marked.
	// Reports carry them as SARIF-style suppressions.
	Suppressed []Suppressed `json:"-"`
}

// Location is a placed place: a file of the scan with a region and what is
// there.
type Location struct {
	Path    string `json:"path"`
	Region  Region `json:"region"`
	Message string `json:"message,omitempty"`
}

// Lines lists the lines of every location of a finding by file: its own
// and its related and flow locations.
func (f *Finding) Lines() map[string][]int {
	out := map[string][]int{f.Path: {f.Region.StartLine}}
	for _, ls := range [][]Location{f.Related, f.Flow} {
		for _, l := range ls {
			out[l.Path] = append(out[l.Path], l.Region.StartLine)
		}
	}
	return out
}

// Suppressed is one reason a finding is suppressed.
type Suppressed struct {
	Kind          string `json:"kind"` // inSource (comment or annotation) or external (config, baseline)
	Justification string `json:"justification,omitempty"`
}

// Notification is a problem with an input rather than a hazard in it:
// unreadable, binary, too large, syntax errors. It names the file; the scan
// goes on.
type Notification struct {
	Path    string      `json:"path"`
	Line    int         `json:"line,omitempty"`
	Level   rules.Level `json:"level"` // error: input skipped; warning: scanned in part; note: informational
	Kind    string      `json:"kind"`  // read-error, binary, too-large, encoding, syntax, timeout, internal
	Message string      `json:"message"`
}

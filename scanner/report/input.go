package report

import (
	"fmt"
	"time"

	"github.com/kscan/kscan/rules"
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
	Findings      []rules.Finding
	Notifications []rules.Notification
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
func levelOf(f *rules.Finding) rules.Level {
	if f.Level != "" {
		return f.Level
	}
	return f.Severity.Level()
}

// usableFixes drops fixes that cannot be applied: no edits, or an edit
// whose region was not resolved. SARIF needs at least one replacement per
// fix, and a partial fix is worse than none.
func usableFixes(fs []rules.Fix) []rules.Fix {
	var out []rules.Fix
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
func validRegion(r rules.Region) bool {
	return r.StartLine >= 1 && r.StartColumn >= 1
}

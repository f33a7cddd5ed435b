// Package baseline records the findings a project accepts today and sorts
// later findings into new and unchanged, so a CI gate can fail only on what
// a change adds. A legacy project with hundreds of findings can turn the
// gate on at once instead of never.
//
// Findings are matched by rule and fingerprint (see scanner.resolve): the
// fingerprint hashes the rule, file, enclosing class and method and the
// flagged code, not the line, so unrelated edits leave it unchanged. Its
// ":N" suffix counts identical findings in a file; matching ignores it and
// pairs identical findings by position instead (see Compare).
package gate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/scanner/finding"
	"github.com/kscan/kscan/scanner/report"
)

// BaselineVersion is the version of the baseline file layout.
const BaselineVersion = 1

// FingerprintVersion names the fingerprint algorithm. A baseline made with
// another one cannot be matched: every finding would look new.
const FingerprintVersion = report.FingerprintKey

// Baseline is a baseline: the findings accepted when it was made.
//
//	{
//	  "version": 1,
//	  "tool": {"name": "kscan", "version": "..."},
//	  "fingerprintVersion": "kscan/v1",
//	  "findings": [{"fingerprint", "ruleId", "path", "line", "message"}, ...]
//	}
//
// Findings are sorted by path, line, rule and fingerprint, and nothing in
// the file depends on time or machine, so the same scan writes the same
// bytes and a change to the baseline reads as a small diff in review.
type Baseline struct {
	Version            int         `json:"version"`
	Tool               report.Tool `json:"tool"`
	FingerprintVersion string      `json:"fingerprintVersion"`
	Findings           []Entry     `json:"findings"`
}

// Entry is one accepted finding. Line and Message are for people reading
// the file and for reporting the finding when it is gone; matching uses
// RuleID and Fingerprint.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	RuleID      string `json:"ruleId"`
	Path        string `json:"path"`
	Line        int    `json:"line,omitempty"`
	Message     string `json:"message"`
}

// New records findings; suppressed ones are not recorded, as they do not
// count against the code anyway.
func NewBaseline(tool report.Tool, findings []finding.Finding) *Baseline {
	f := &Baseline{Version: BaselineVersion, Tool: report.Tool{Name: tool.Name, Version: tool.Version},
		FingerprintVersion: FingerprintVersion, Findings: []Entry{}}
	for _, fd := range findings {
		if len(fd.Suppressed) > 0 {
			continue
		}
		f.Findings = append(f.Findings, Entry{Fingerprint: fd.Fingerprint, RuleID: fd.RuleID,
			Path: fd.Path, Line: max(fd.Region.StartLine, 0), Message: fd.Message})
	}
	sortEntries(f.Findings)
	return f
}

func sortEntries(es []Entry) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		return a.Fingerprint < b.Fingerprint
	})
}

// Write writes f as indented JSON with a final newline.
func (f *Baseline) Write(w io.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // messages keep <, > and & readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// LoadBaseline reads a baseline file: kscan's own layout or a kscan SARIF
// log, a regular file of at most safefs.MaxBaseline bytes. read, when not
// nil, reads it instead (a configuration's confined reader).
func LoadBaseline(path string, read func(string, int64) ([]byte, error)) (*Baseline, error) {
	if read == nil {
		read = safefs.ReadFile
	}
	data, err := read(path, safefs.MaxBaseline)
	if err != nil {
		return nil, err
	}
	return ParseBaseline(path, data)
}

// Parse reads a baseline from its content: a SARIF log (an object with
// "runs") from an earlier 'kscan scan --format sarif', or the layout that
// 'kscan baseline' writes. name is used in errors.
func ParseBaseline(name string, data []byte) (*Baseline, error) {
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, fmt.Errorf("%s: not a kscan baseline or SARIF file: %v", name, err)
	}
	if _, ok := probe["runs"]; ok {
		return parseSARIF(name, data)
	}
	if _, ok := probe["findings"]; !ok {
		return nil, fmt.Errorf("%s: not a kscan baseline (no \"findings\") or SARIF log (no \"runs\")", name)
	}
	var f Baseline
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if f.Version < 1 || f.Version > BaselineVersion {
		return nil, fmt.Errorf("%s: baseline version %d is not supported by this kscan (it reads version %d); re-create it with 'kscan baseline'", name, f.Version, BaselineVersion)
	}
	if err := checkFingerprintVersion(name, f.FingerprintVersion); err != nil {
		return nil, err
	}
	for i, e := range f.Findings {
		if e.Fingerprint == "" || e.RuleID == "" || e.Path == "" {
			return nil, fmt.Errorf("%s: finding %d lacks a fingerprint, ruleId or path", name, i)
		}
		if e.Line < 0 {
			return nil, fmt.Errorf("%s: finding %d has line %d", name, i, e.Line)
		}
	}
	if f.Findings == nil {
		f.Findings = []Entry{}
	}
	return &f, nil
}

func checkFingerprintVersion(name, v string) error {
	if v == FingerprintVersion {
		return nil
	}
	if v == "" {
		return fmt.Errorf("%s: no fingerprint version; re-create the baseline with 'kscan baseline'", name)
	}
	return fmt.Errorf("%s: made with fingerprint version %s, this kscan computes %s: no finding would match; re-create the baseline with 'kscan baseline'", name, v, FingerprintVersion)
}

// parseSARIF takes the results of kscan's runs in a SARIF log. Results
// that kscan would not record are skipped: suppressed ones, and those a
// baseline comparison reported as absent (not found in that scan).
func parseSARIF(name string, data []byte) (*Baseline, error) {
	var log report.Log
	if err := json.Unmarshal(data, &log); err != nil {
		return nil, fmt.Errorf("%s: SARIF: %v", name, err)
	}
	f := &Baseline{Version: BaselineVersion, FingerprintVersion: FingerprintVersion, Findings: []Entry{}}
	runs := 0
	for ri, run := range log.Runs {
		if run.Tool.Driver.Name != "kscan" {
			continue
		}
		runs++
		f.Tool = report.Tool{Name: "kscan", Version: run.Tool.Driver.Version}
		for i, r := range run.Results {
			if r.BaselineState == "absent" || (r.Kind != "" && r.Kind != "fail") || r.Suppressed() {
				continue
			}
			fp := r.PartialFingerprints[FingerprintVersion]
			if fp == "" {
				var other []string
				for k := range r.PartialFingerprints {
					if strings.HasPrefix(k, "kscan/") && k != FingerprintVersion {
						other = append(other, k)
					}
				}
				sort.Strings(other)
				if len(other) > 0 {
					return nil, checkFingerprintVersion(fmt.Sprintf("%s: run %d result %d", name, ri, i), other[0])
				}
				return nil, fmt.Errorf("%s: run %d result %d has no %q partial fingerprint", name, ri, i, FingerprintVersion)
			}
			if r.RuleID == "" || len(r.Locations) == 0 {
				return nil, fmt.Errorf("%s: run %d result %d lacks a ruleId or location", name, ri, i)
			}
			pl := r.Locations[0].PhysicalLocation
			path, err := uriPath(pl.ArtifactLocation.URI)
			if err != nil {
				return nil, fmt.Errorf("%s: run %d result %d: %v", name, ri, i, err)
			}
			f.Findings = append(f.Findings, Entry{Fingerprint: fp, RuleID: r.RuleID, Path: path,
				Line: max(pl.Region.StartLine, 0), Message: r.Message.Text})
		}
	}
	if runs == 0 {
		return nil, fmt.Errorf("%s: SARIF log has no kscan run", name)
	}
	sortEntries(f.Findings)
	return f, nil
}

// uriPath turns a relative SARIF artifact URI back into the path kscan
// reports: percent-escapes decoded, nothing else changed.
func uriPath(uri string) (string, error) {
	if uri == "" {
		return "", errors.New("empty artifact uri")
	}
	var b strings.Builder
	for i := 0; i < len(uri); i++ {
		c := uri[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+2 >= len(uri) || unhex(uri[i+1]) < 0 || unhex(uri[i+2]) < 0 {
			return "", fmt.Errorf("bad percent-escape in uri %q", uri)
		}
		b.WriteByte(byte(unhex(uri[i+1])<<4 | unhex(uri[i+2])))
		i += 2
	}
	return b.String(), nil
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

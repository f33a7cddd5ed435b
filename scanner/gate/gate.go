// Package gate decides what a scan's findings mean for a CI run: which
// are new against a baseline, which lie on lines a change touched, and
// which fail the run. It holds the baseline file format, the parser of
// git's diff output for --diff-base, and the comparison of both with a
// scan's result.
package gate

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner"
	"github.com/kscan/kscan/scanner/finding"
	"github.com/kscan/kscan/scanner/report"
)

// Options say what the gate compares a scan with.
type Options struct {
	// Baseline is the baseline file ("" for none); BaselineFrom says where
	// it was named ("--baseline", or "FILE:LINE: baseline" of a config)
	// for messages; ReadBaseline, when set, reads it (a configuration
	// reads only inside its directory).
	Baseline, BaselineFrom string
	ReadBaseline           func(path string, max int64) ([]byte, error)
	// DiffBase is the git revision whose merge base with HEAD the changed
	// lines are taken from ("" for none).
	DiffBase string
	// ReportAbsent adds the baseline findings that are gone.
	ReportAbsent bool
	// Paths are the scan's targets: git is asked about the repository of
	// the first, and a missing one is reported as the scan would.
	Paths []string
}

// UsageError is an error of the gate's inputs: a missing baseline, an
// unknown revision. The CLI exits with its usage code for it.
type UsageError struct{ Err error }

func (e UsageError) Error() string { return e.Err.Error() }
func (e UsageError) Unwrap() error { return e.Err }

func usagef(format string, args ...any) error { return UsageError{fmt.Errorf(format, args...)} }

// Gate holds what was loaded before the scan, so that a missing baseline
// or an unknown revision fails at once rather than after a scan.
type Gate struct {
	opts     Options
	baseline *Baseline
	changes  *Changes
}

// Open reads the baseline and asks git for the changed lines. Every error
// is a UsageError naming the file or revision.
func Open(ctx context.Context, o Options) (*Gate, error) {
	g := &Gate{opts: o}
	if o.Baseline != "" {
		b, err := LoadBaseline(o.Baseline, o.ReadBaseline)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, usagef("%s: %s does not exist (record one with 'kscan baseline -o %s')", o.BaselineFrom, o.Baseline, o.Baseline)
		}
		if err != nil {
			return nil, usagef("%s: %v", o.BaselineFrom, err)
		}
		g.baseline = b
	}
	if o.DiffBase != "" {
		// A missing path is reported as the scan would, not as git's
		// complaint about a directory that does not exist.
		for _, p := range o.Paths {
			if _, err := os.Stat(p); err != nil {
				return nil, UsageError{&scanner.PathError{Path: p, Err: errors.Unwrap(err)}}
			}
		}
		ch, err := LoadChanges(ctx, gitDir(o.Paths), o.DiffBase)
		if err != nil {
			return nil, usagef("--diff-base %s: %v", o.DiffBase, err)
		}
		g.changes = ch
	}
	return g, nil
}

// HasBaseline reports whether a baseline was given.
func (g *Gate) HasBaseline() bool { return g.baseline != nil }

// BaselineName is the baseline file as the user named it.
func (g *Gate) BaselineName() string { return g.opts.Baseline }

// DiffBase describes the revision findings were limited to, nil without
// --diff-base.
func (g *Gate) DiffBase() *report.DiffBase {
	if g.changes == nil {
		return nil
	}
	return &report.DiffBase{Ref: g.changes.Ref, MergeBase: g.changes.Base}
}

// gitDir is where git is asked about changes: the first scanned path's
// directory, which is in the repository being gated even when kscan runs
// from elsewhere.
func gitDir(paths []string) string {
	if len(paths) == 0 {
		return "."
	}
	p := paths[0]
	if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
		return filepath.Dir(p)
	}
	return p
}

// Outcome is a scan's result after the gate: the findings to report (each
// with its baseline state when there is a baseline), the baseline
// findings that are gone, and the notifications that concern the change.
type Outcome struct {
	Findings      []finding.Finding
	Absent        []report.AbsentFinding // nil without a baseline
	Notifications []finding.Notification
}

// Scope is what a scan looked for: the rules that ran, the targets and the
// excludes. Only baseline entries in scope can be absent; the others were
// not checked and must not read as fixed.
type Scope struct {
	Rules    []*rules.Rule
	Paths    []string
	Excludes []string
}

// Apply compares the findings with the baseline, then keeps those on
// changed lines. The comparison sees every finding, so identical findings
// are paired correctly even when only some of them are on changed lines.
func (g *Gate) Apply(res *scanner.Result, sc Scope) (*Outcome, error) {
	out := &Outcome{Findings: res.Findings, Notifications: res.Notifications}
	changed, err := g.changedFunc(res.Root)
	if err != nil {
		return nil, err
	}
	var states []State
	var absent []Entry
	if g.baseline != nil {
		inScope := scopeFunc(res, sc)
		states, absent = Compare(g.baseline, res.Findings, func(e Entry) bool {
			if !g.opts.ReportAbsent || !inScope(e) {
				return false
			}
			return changed == nil || changed(e.Path, -1)
		})
		out.Findings = make([]finding.Finding, len(res.Findings))
		for i, f := range res.Findings {
			f.Baseline = string(states[i])
			out.Findings[i] = f
		}
		out.Absent = []report.AbsentFinding{}
		for _, e := range absent {
			out.Absent = append(out.Absent, report.AbsentFinding{RuleID: e.RuleID, Path: e.Path, Line: e.Line,
				Message: e.Message, Fingerprint: e.Fingerprint})
		}
	}
	if changed != nil {
		var kept []finding.Finding
		for _, f := range out.Findings {
			if touched(f, changed) {
				kept = append(kept, f)
			}
		}
		out.Findings = kept
		out.Notifications = nil
		for _, n := range res.Notifications {
			// Input problems in files the change did not touch are not the
			// change's to fix; scan-wide ones stay.
			if n.Path == "" || changed(archivePath(n.Path), -1) {
				out.Notifications = append(out.Notifications, n)
			}
		}
	}
	return out, nil
}

// touched reports a finding any of whose locations is on a changed line: a
// change that adds a write to an existing static field touches the finding
// on the field through that write.
func touched(f finding.Finding, changed func(string, int) bool) bool {
	for path, lines := range f.Lines() {
		for _, l := range lines {
			if changed(path, l) {
				return true
			}
		}
	}
	return false
}

// changedFunc answers, for a path relative to the scan root, whether a
// line of it changed (line < 0: whether the file changed at all); nil
// without --diff-base. The root and the repository's top level are both
// taken with symbolic links resolved, as git reports the latter.
func (g *Gate) changedFunc(root string) (func(path string, line int) bool, error) {
	if g.changes == nil {
		return nil, nil
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, err
	}
	return func(p string, line int) bool {
		rel, ok := g.changes.Rel(filepath.Join(realRoot, filepath.FromSlash(p)))
		if !ok {
			return false
		}
		if line < 0 {
			return g.changes.File(rel)
		}
		return g.changes.Line(rel, line)
	}, nil
}

// archivePath is the file a notification's path is in: the outermost
// archive for "app.jar!/BOOT-INF/lib/x.jar!/a/B.class".
func archivePath(p string) string {
	if i := strings.Index(p, "!/"); i >= 0 {
		return p[:i]
	}
	return p
}

// scopeFunc says whether today's scan looked for a baseline entry: its
// rule ran (and was not left out for its level), its file is under a
// scanned path and not excluded, and the file was not skipped as
// unreadable.
func scopeFunc(res *scanner.Result, sc Scope) func(Entry) bool {
	ran := map[string]bool{}
	for _, r := range sc.Rules {
		ran[r.ID] = true
	}
	// A rule that reports only candidates below the level asked for did
	// not run where it would have (Result.NotRun): its entries were not
	// looked for.
	for _, id := range res.NotRun {
		delete(ran, id)
	}
	var targets []string
	for _, p := range sc.Paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		rel, err := filepath.Rel(res.Root, abs)
		if err != nil {
			continue
		}
		targets = append(targets, filepath.ToSlash(rel))
	}
	skipped := map[string]bool{}
	for _, n := range res.Notifications {
		if n.Level == rules.LevelError && n.Path != "" {
			skipped[archivePath(n.Path)] = true
		}
	}
	return func(e Entry) bool {
		if !ran[e.RuleID] || skipped[e.Path] || scanner.Excluded(e.Path, sc.Excludes) {
			return false
		}
		for _, t := range targets {
			if t == "." || e.Path == t || strings.HasPrefix(e.Path, t+"/") {
				return true
			}
		}
		return false
	}
}

// Fails counts the findings that fail the run: not suppressed, at or above
// failOn, and with a baseline only the new ones.
func (o *Outcome) Fails(failOn rules.Level) int {
	if failOn == rules.LevelNone {
		return 0
	}
	n := 0
	for _, f := range o.Findings {
		if len(f.Suppressed) > 0 || f.Baseline != "" && f.Baseline != string(StateNew) {
			continue
		}
		if f.Level.Rank() >= failOn.Rank() {
			n++
		}
	}
	return n
}

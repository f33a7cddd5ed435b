package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner"
	"github.com/kscan/kscan/scanner/baseline"
	"github.com/kscan/kscan/scanner/gitdiff"
	"github.com/kscan/kscan/scanner/report"
)

// gateFlags are the scan flags that make kscan usable as a CI gate on a
// project that already has findings: compare with a baseline, look only at
// changed lines.
type gateFlags struct {
	baseline      string
	diffBase      string
	showUnchanged bool
	reportAbsent  bool
}

func addGateFlags(cmd *cobra.Command, fl *gateFlags) {
	f := cmd.Flags()
	f.StringVar(&fl.baseline, "baseline", "", "accepted findings `FILE` ('kscan baseline', or an earlier kscan SARIF log): only new findings fail the run (default: .kscan.yaml's baseline; '' for none)")
	f.StringVar(&fl.diffBase, "diff-base", "", "report only findings on lines changed since the merge base of `REF` and HEAD (working tree and untracked files included)")
	f.BoolVar(&fl.showUnchanged, "show-unchanged", false, "text output with a baseline: also list the findings it has and those that are gone")
	f.BoolVar(&fl.reportAbsent, "report-absent", true, "with a baseline: report its findings that are gone (SARIF baselineState \"absent\")")
}

// gate holds what the gate flags loaded before the scan, so a missing
// baseline or an unknown revision fails at once rather than after a scan.
type gate struct {
	baselineName string // as given, for messages and reports
	baseline     *baseline.File
	changes      *gitdiff.Changes
	reportAbsent bool
}

// loadGate reads the baseline (flag, else configuration) and asks git for
// the changed lines. Every error is a usage error naming the file or ref.
func loadGate(cmd *cobra.Command, fl *gateFlags, sr *scanRun) (*gate, error) {
	g := &gate{reportAbsent: fl.reportAbsent}
	name, where := fl.baseline, "--baseline"
	if !cmd.Flags().Changed("baseline") && sr.cfg != nil && sr.cfg.Baseline != "" {
		name = sr.cfg.BaselinePath()
		where = fmt.Sprintf("%s:%d: baseline", sr.cfg.File, sr.cfg.BaselineLine)
	}
	if name != "" {
		b, err := baseline.Load(name)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, usagef("%s: %s does not exist (record one with 'kscan baseline -o %s')", where, name, name)
		}
		if err != nil {
			return nil, usagef("%s: %v", where, err)
		}
		g.baselineName, g.baseline = name, b
	}
	if fl.diffBase != "" {
		// A missing path is reported as the scan would, not as git's
		// complaint about a directory that does not exist.
		for _, p := range sr.opts.Paths {
			if _, err := os.Stat(p); err != nil {
				return nil, usageError{&scanner.PathError{Path: p, Err: errors.Unwrap(err)}}
			}
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		ch, err := gitdiff.Load(ctx, gitDir(sr.opts.Paths), fl.diffBase)
		if err != nil {
			return nil, usagef("--diff-base %s: %v", fl.diffBase, err)
		}
		g.changes = ch
	} else if cmd.Flags().Changed("diff-base") {
		return nil, usagef("--diff-base: empty revision")
	}
	return g, nil
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

// gated is a scan's result after the gate: the findings to report, their
// baseline states, the baseline findings that are gone.
type gated struct {
	findings      []rules.Finding
	states        []string // parallel to findings; nil without a baseline
	absent        []report.AbsentFinding
	notifications []rules.Notification
}

// apply compares the findings with the baseline, then keeps those on
// changed lines. The comparison sees every finding, so identical findings
// are paired correctly even when only some of them are on changed lines.
func (g *gate) apply(res *scanner.Result, sr *scanRun) (*gated, error) {
	out := &gated{findings: res.Findings, notifications: res.Notifications}
	var states []baseline.State
	var absent []baseline.Entry
	changed, err := g.changedFunc(res.Root)
	if err != nil {
		return nil, err
	}
	if g.baseline != nil {
		inScope := scopeFunc(res, sr)
		states, absent = baseline.Compare(g.baseline, res.Findings, func(e baseline.Entry) bool {
			if !g.reportAbsent || !inScope(e) {
				return false
			}
			return changed == nil || changed(e.Path, -1)
		})
	}
	if changed != nil {
		out.findings = nil
		var kept []baseline.State
		for i, f := range res.Findings {
			if changed(f.Path, f.Region.StartLine) {
				out.findings = append(out.findings, f)
				if states != nil {
					kept = append(kept, states[i])
				}
			}
		}
		states = kept
		out.notifications = nil
		for _, n := range res.Notifications {
			// Input problems in files the change did not touch are not the
			// change's to fix; scan-wide ones stay.
			if n.Path == "" || changed(archivePath(n.Path), -1) {
				out.notifications = append(out.notifications, n)
			}
		}
	}
	if g.baseline != nil {
		out.states = make([]string, len(out.findings))
		for i := range out.findings {
			out.states[i] = string(states[i])
		}
		out.absent = []report.AbsentFinding{}
		for _, e := range absent {
			out.absent = append(out.absent, report.AbsentFinding{RuleID: e.RuleID, Path: e.Path, Line: e.Line,
				Message: e.Message, Fingerprint: e.Fingerprint})
		}
	}
	return out, nil
}

// changedFunc answers, for a path relative to the scan root, whether a
// line of it changed (line < 0: whether the file changed at all); nil
// without --diff-base. The root and the repository's top level are both
// taken with symbolic links resolved, as git reports the latter.
func (g *gate) changedFunc(root string) (func(path string, line int) bool, error) {
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
// rule ran, its file is under a scanned path and not excluded, and the
// file was not skipped as unreadable. Only such entries can be absent;
// the others were not checked and must not read as fixed.
func scopeFunc(res *scanner.Result, sr *scanRun) func(baseline.Entry) bool {
	ran := map[string]bool{}
	for _, r := range sr.opts.Rules {
		ran[r.ID] = true
	}
	var targets []string
	for _, p := range sr.opts.Paths {
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
	return func(e baseline.Entry) bool {
		if !ran[e.RuleID] || skipped[e.Path] || scanner.Excluded(e.Path, sr.opts.Excludes) {
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

// fails counts the findings that fail the run: not suppressed, at or
// above failOn, and with a baseline only the new ones.
func (o *gated) fails(failOn rules.Level) int {
	if failOn == rules.LevelNone {
		return 0
	}
	n := 0
	for i, f := range o.findings {
		if len(f.Suppressed) > 0 || (o.states != nil && o.states[i] != report.BaselineNew) {
			continue
		}
		if f.Level.Rank() >= failOn.Rank() {
			n++
		}
	}
	return n
}

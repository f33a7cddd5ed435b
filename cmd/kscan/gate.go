package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"

	"github.com/spf13/cobra"

	"github.com/kscan/kscan/scanner/gate"
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

// openGate reads the baseline (flag, else configuration) and asks git
// for the changed lines, before the scan.
func openGate(cmd *cobra.Command, fl *gateFlags, sr *scanRun) (*gate.Gate, error) {
	o := gate.Options{Baseline: fl.baseline, BaselineFrom: "--baseline", DiffBase: fl.diffBase,
		ReportAbsent: fl.reportAbsent, Paths: sr.opts.Paths}
	if !cmd.Flags().Changed("baseline") && sr.cfg != nil && sr.cfg.Baseline != "" {
		o.Baseline, o.ReadBaseline = sr.cfg.BaselinePath(), sr.cfg.ReadFile
		o.BaselineFrom = fmt.Sprintf("%s:%d: baseline", sr.cfg.File, sr.cfg.BaselineLine)
	}
	if fl.diffBase == "" && cmd.Flags().Changed("diff-base") {
		return nil, usagef("--diff-base: empty revision")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	g, err := gate.Open(ctx, o)
	var ue gate.UsageError
	if errors.As(err, &ue) {
		return nil, usageError{ue.Err}
	}
	return g, err
}

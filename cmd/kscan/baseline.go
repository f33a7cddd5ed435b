package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/kscan/kscan/scanner/gate"
	"github.com/kscan/kscan/scanner/report"
)

func newBaselineCmd() *cobra.Command {
	var fl scanFlags
	var output string
	cmd := &cobra.Command{
		Use:   "baseline -o FILE [PATH...]",
		Short: "Record today's findings as accepted, so that only new ones fail 'kscan scan'",
		Long: `Scan as 'kscan scan' does and record every finding that is not suppressed, by rule and
fingerprint, in FILE: sorted JSON with one entry per finding (fingerprint, ruleId, path, line,
message), the same bytes for the same scan, so it can be committed and reviewed. Then
'kscan scan --baseline FILE' (or baseline: FILE in .kscan.yaml) fails only on findings that
are not in it. Fingerprints do not include line numbers, so unrelated edits keep findings
matched; moving a file or changing the flagged code makes its findings new.

Without -o the file named by baseline: in .kscan.yaml is rewritten. Use the same --root
(reported paths are relative to it) for 'kscan baseline' and 'kscan scan'.`,
		Example: `  kscan baseline -o .kscan-baseline.json .
  kscan scan --baseline .kscan-baseline.json .`,
		RunE: func(cmd *cobra.Command, args []string) error {
			fl.failOn = "none"
			sr, err := prepare(cmd, args, &fl)
			if err != nil {
				return err
			}
			if output == "" && sr.cfg != nil {
				output = sr.cfg.BaselinePath()
			}
			if output == "" {
				return usagef("kscan baseline needs -o FILE (or baseline: in .kscan.yaml)")
			}
			res, err := sr.execute()
			if err != nil {
				return err
			}
			b := gate.NewBaseline(report.Tool{Name: "kscan", Version: toolVersion()}, res.Findings)
			write := func(w io.Writer) error { return b.Write(w) }
			if output == "-" {
				err = write(cmd.OutOrStdout())
			} else {
				err = report.WriteFile(output, write)
			}
			if err != nil {
				return err
			}
			errw := cmd.ErrOrStderr()
			if err := report.Notifications(errw, res.Notifications, report.TextOptions{}); err != nil {
				return err
			}
			if output != "-" {
				fmt.Fprintf(errw, "kscan: recorded %d findings in %s\n", len(b.Findings), output)
			}
			return nil
		},
	}
	addScanFlags(cmd, &fl)
	cmd.Flags().StringVarP(&output, "output", "o", "", "write the baseline to `FILE` ('-' for standard output; default: .kscan.yaml's baseline)")
	return cmd
}

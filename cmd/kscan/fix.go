package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/kscan/kscan/scanner"
	"github.com/kscan/kscan/scanner/report"
	"github.com/kscan/kscan/scanner/udiff"
)

func newFixCmd() *cobra.Command {
	var fl scanFlags
	var diff bool
	cmd := &cobra.Command{
		Use:   "fix [PATH...]",
		Short: "Apply the mechanical fixes of the findings, or print them as a unified diff",
		Long: `Scan as 'kscan scan' does and apply the first fix of every finding that has one and is not
suppressed. With --diff nothing is written: the changes are printed as a unified diff that
'git apply' accepts (paths relative to --root). Fixes that overlap another fix in the same file
are left for a second run; a file that would no longer parse is left unchanged.`,
		Example: `  kscan fix --diff . > kscan.patch && git apply kscan.patch
  kscan fix --rule class-forname-caller-loader src/main/java`,
		RunE: func(cmd *cobra.Command, args []string) error {
			fl.failOn = "none"
			sr, err := prepare(cmd, args, &fl)
			if err != nil {
				return err
			}
			res, err := sr.execute()
			if err != nil {
				return err
			}
			patches, skipped, err := scanner.PlanFixes(res)
			if err != nil {
				return err
			}
			out, errw := cmd.OutOrStdout(), cmd.ErrOrStderr()
			fixed := 0
			for _, p := range patches {
				fixed += p.Fixed
				if diff {
					fmt.Fprint(out, udiff.Unified(p.Path, string(p.Old), string(p.New)))
					continue
				}
				data := p.New
				if err := report.WriteFile(p.Abs, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
					return err
				}
			}
			for _, s := range skipped {
				where := s.Path
				if s.Line > 0 {
					where = fmt.Sprintf("%s:%d", s.Path, s.Line)
				}
				fmt.Fprintf(errw, "kscan: %s: %s not fixed: %s\n", where, s.RuleID, s.Reason)
			}
			verb := "fixed"
			if diff {
				verb = "would fix"
			}
			fmt.Fprintf(errw, "kscan: %s %d findings in %d file(s)\n", verb, fixed, len(patches))
			return nil
		},
	}
	addScanFlags(cmd, &fl)
	cmd.Flags().BoolVar(&diff, "diff", false, "print a unified diff instead of changing files")
	return cmd
}

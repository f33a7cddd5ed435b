package main

import (
	"github.com/spf13/cobra"

	"github.com/kscan/kscan/internal/batch"
	"github.com/kscan/kscan/rules"
)

func newMergeCmd() *cobra.Command {
	var output, failOn string
	cmd := &cobra.Command{
		Use:   "merge DIR... -o OUT",
		Short: "Join the output directories of sharded batch runs into one",
		Long: `Join the output directories of 'kscan batch --shard I/N' runs into OUT: every repository's
result is copied to OUT/repos/, and summary.json, summary.md, report.html and results.sarif are
written over all of them, the same files one unsharded run writes. A shard that was stopped before
it finished, whose batch.json names something that is not a repository key, or whose repository has
no usable result (status and SARIF log read back and checked) is an error naming it, and nothing is
written. OUT may be one of the inputs.

Exit codes as for 'kscan batch'.`,
		Example: `  kscan merge shard-1/ shard-2/ shard-3/ -o all/`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("merge takes one or more batch output directories")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, dirs []string) error {
			if output == "" {
				return usagef("merge needs -o OUT")
			}
			level, err := rules.ParseLevel(failOn)
			if err != nil {
				return usageError{err}
			}
			sum, err := batch.Merge(dirs, output, string(level))
			if err != nil {
				return err
			}
			return verdict(cmd, output, sum, level)
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "output `DIR`")
	cmd.Flags().StringVar(&failOn, "fail-on", "error", "exit 1 when a repository has findings at or above this level: error, warning, note or none")
	return cmd
}

package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3".
var version = ""

func toolVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "0.1.0-dev"
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "kscan",
		Short: "Find what breaks when Java apps share one JVM (Koupleless / SOFAArk)",
		Long: `kscan scans Java sources for code that breaks when several apps run in one JVM, each
in its own ClassLoader (a Koupleless / SOFAArk base hosting modules): class lookups through the
wrong ClassLoader, ServiceLoader caches, JVM-wide settings, System.exit, shutdown hooks, JDBC
driver registration. It also reads build files (pom.xml, Gradle) for logging and duplicate-framework
conflicts and the Koupleless adapters a base needs ('kscan deps'), and checks a module's
slimming against its base: what it may leave out, and what breaks if it does ('kscan slim').
It reports each hazard with the reason and a fix, as text, JSON or SARIF 2.1.0.

For a CI gate on code that already has findings, 'kscan baseline' records them and
'kscan scan --baseline FILE' fails only on new ones; 'kscan scan --diff-base REF' looks only
at lines changed since REF.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it (with a baseline: new
findings), 2 usage or input errors (also a missing baseline file or an unknown --diff-base ref),
3 (batch, merge) some repository could not be scanned.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       toolVersion(),
	}
	root.SetVersionTemplate("kscan {{.Version}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%w (see '%s --help')", err, c.CommandPath())}
	})
	root.AddCommand(newScanCmd(), newSlimCmd(), newBaselineCmd(), newFixCmd(), newDepsCmd(), newBatchCmd(), newMergeCmd(), newRulesCmd(), newExplainCmd(), newVersionCmd())
	return root
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print kscan's version",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(cmd.OutOrStdout(), "kscan %s\n", toolVersion())
			return nil
		},
	}
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("%s takes no arguments", cmd.CommandPath())
	}
	return nil
}

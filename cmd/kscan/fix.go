package main

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner"
	"github.com/kscan/kscan/scanner/report"
	"github.com/kscan/kscan/scanner/udiff"
)

func newFixCmd() *cobra.Command {
	var fl scanFlags
	var diff bool
	var minLevel, slimBase string
	var slimPlan bool
	cmd := &cobra.Command{
		Use:   "fix [PATH...]",
		Short: "Apply the mechanical fixes of the findings, or print them as a unified diff",
		Long: `Scan as 'kscan scan' does and apply the first fix of every finding at or above --min-level
(default warning) that has one and is not suppressed. Note-level findings are left alone unless
asked for: many of them say the code is fine where it runs. With --diff nothing is written: the
changes are printed as a unified diff that 'git apply' accepts (paths relative to --root).

Fixes that overlap another fix in the same file are left for a second run; a file that would no
longer parse is left unchanged. kscan fix writes only regular files whose real path is under the
scan root: a symbolic link (even to a file inside the tree) or a file outside the root is never
written or replaced, and is reported on standard error. Each file is replaced atomically through
a temporary '.kscan-fix-<name>-<random>.tmp' beside it; such files left by a run that was killed
are removed by the next run in the directories it writes to.

With --slim (and --base PATH, as 'kscan slim' takes it) kscan fix writes the slimming plan instead:
libraries the base provides in the same version join excludes=, and a wildcard that also removed
a library the base lacks is replaced by the exact artifacts the base has. It edits the file the
module already uses: conf/ark/bootstrap.properties (entries and comments kept; created when the
module has no slimming configuration) or, when the patterns live in the pom, the pom (the
pattern removed, <scope>provided</scope> on declared dependencies).`,
		Example: `  kscan fix --diff . > kscan.patch && git apply kscan.patch
  kscan fix --rule class-forname-caller-loader src/main/java
  kscan fix --min-level error .
  kscan fix --slim --base ../base/target/base-app.jar --diff .`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if slimPlan {
				if len(args) > 1 {
					return usagef("kscan fix --slim takes one module tree")
				}
				return runSlimFix(cmd, slimBase, args, diff)
			}
			if slimBase != "" {
				return usagef("--base goes with --slim")
			}
			lvl, err := rules.ParseLevel(minLevel)
			if err != nil {
				return usagef("unknown --min-level %q (want error, warning, note or none)", minLevel)
			}
			fl.failOn = "none"
			sr, err := prepare(cmd, args, &fl)
			if err != nil {
				return err
			}
			sr.opts.MinLevel = lvl // --min-level none runs the candidates' rules too
			res, err := sr.execute()
			if err != nil {
				return err
			}
			plan := scanner.PlanFixes(res, scanner.FixOptions{MinLevel: lvl, MaxFileSize: sr.opts.MaxFileSize})
			out, errw := cmd.OutOrStdout(), cmd.ErrOrStderr()
			// Inputs that could not be read (a link out of the tree, a
			// file that is not Java) are said, as 'kscan scan' says them.
			if err := report.Notifications(errw, res.Notifications, report.TextOptions{}); err != nil {
				return err
			}
			fixed, files := 0, 0
			cleaned := map[string]bool{}
			clean := func(dir string) {
				if diff || cleaned[dir] {
					return
				}
				cleaned[dir] = true
				removed, err := scanner.CleanStaleTemps(dir)
				for _, r := range removed {
					fmt.Fprintf(errw, "kscan: removed %s, left by an interrupted kscan fix\n", fixRel(res.Root, r))
				}
				if err != nil {
					fmt.Fprintf(errw, "kscan: %s: cannot remove stale temporary files: %v\n", fixRel(res.Root, dir), err)
				}
			}
			// Where the walk met one, and where a file is about to be
			// written: a killed run may have written all its files
			// before it died, leaving nothing to fix but its temporaries.
			for _, t := range res.StaleTemps {
				clean(filepath.Dir(t))
			}
			for _, p := range plan.Patches {
				if diff {
					fmt.Fprint(out, udiff.Unified(p.Path, string(p.Old), string(p.New)))
					fixed += p.Fixed
					files++
					continue
				}
				clean(filepath.Dir(p.Abs))
				if err := scanner.WritePatch(p); err != nil {
					fmt.Fprintf(errw, "kscan: %s: not written: %v\n", p.Path, err)
					continue
				}
				fixed += p.Fixed
				files++
			}
			for _, s := range plan.Skipped {
				switch {
				case s.RuleID == "":
					fmt.Fprintf(errw, "kscan: %s: not fixed: %s\n", s.Path, s.Reason)
				default:
					fmt.Fprintf(errw, "kscan: %s:%d: %s not fixed: %s\n", s.Path, s.Line, s.RuleID, s.Reason)
				}
			}
			verb := "fixed"
			if diff {
				verb = "would fix"
			}
			fmt.Fprintf(errw, "kscan: %s %d findings in %d file(s)\n", verb, fixed, files)
			if plan.BelowLevel > 0 {
				fmt.Fprintf(errw, "kscan: %d fixes of findings below %s left alone (--min-level)\n", plan.BelowLevel, lvl)
			}
			return nil
		},
	}
	addScanFlags(cmd, &fl)
	cmd.Flags().BoolVar(&diff, "diff", false, "print a unified diff instead of changing files")
	cmd.Flags().StringVar(&minLevel, "min-level", "warning", "fix findings at or above this level: error, warning, note or none (none: the candidates below note too)")
	cmd.Flags().BoolVar(&slimPlan, "slim", false, "write the slimming plan of 'kscan slim' into the module's conf/ark/bootstrap.properties or pom.xml")
	cmd.Flags().StringVar(&slimBase, "base", "", "with --slim: the base (source tree, 'mvn dependency:list' output or fat jar)")
	return cmd
}

// fixRel shows a path relative to the scan root when it is inside it.
func fixRel(root, p string) string {
	if r, err := filepath.Rel(root, p); err == nil && filepath.IsLocal(r) {
		return filepath.ToSlash(r)
	}
	return p
}

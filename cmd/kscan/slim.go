package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner/slim"
	"github.com/kscan/kscan/scanner/udiff"
)

func newSlimCmd() *cobra.Command {
	var base, format, failOn string
	cmd := &cobra.Command{
		Use:   "slim [--base PATH] [MODULE]",
		Short: "Check a module's slimming against its base and print a slimming plan",
		Long: `Read a Koupleless module (a source tree, default the current directory, or an ark-biz jar) and
its base, and say for every module dependency whether it is packaged or left to the base, what the
base provides, and what that will do at run time:

  slimmed-but-missing-in-base  left out by a pattern, but the base lacks it (error: the module
                               fails with ClassNotFoundException); the pattern is named
  slimmed-version-skew         left out, the base has another version (warning; error across a
                               major version: NoSuchMethodError)
  packaged-but-base-provides   packaged although the base has the same version (note with the
                               bytes it would save; warning for Spring, logging, RPC frameworks)
  left-to-base, packaged       fine; unknown when the base's full class path was not read

The slimming configuration is read as sofa-ark-maven-plugin applies it: the plugin's excludes,
excludeGroupIds and excludeArtifactIds ('*' suffix wildcards), declaredMode,
baseDependencyParentIdentity and packExcludesConfig, conf/ark/bootstrap.properties or
bootstrap.yml, and provided scope; for a Gradle module, arkConfig of sofa-ark-gradle-plugin
(excludes, excludeGroupIds, excludeArtifactIds: exact names). The base (--base) is its source tree, its saved
'mvn dependency:list' output, or its fat jar; without --base, the one base of the module's
tree. The module's packaged size is printed now and after the plan, against the Koupleless
guidance of 5 MB. 'kscan fix --slim' writes the plan.

Exit status: 0, 1 when a dependency is judged at or above --fail-on (default error), 2 when an
input cannot be used (no base, a base that is not a base, a jar that is not an ark-biz).`,
		Example: `  kscan slim --base ../base/target/base-app.jar .
  kscan slim --base base-dependency-list.txt target/order-1.0.0-ark-biz.jar
  kscan slim --format json apps/`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usagef("unknown --format %q (want text or json)", format)
			}
			fail, err := rules.ParseLevel(failOn)
			if err != nil {
				return usagef("unknown --fail-on %q (want error, warning, note or none)", failOn)
			}
			plans, notes, err := slimPlans(base, args)
			printSlimNotes(cmd.ErrOrStderr(), notes)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				if err := enc.Encode(plans); err != nil {
					return err
				}
			} else {
				for i, pl := range plans {
					if i > 0 {
						fmt.Fprintln(out)
					}
					printPlan(out, pl)
				}
			}
			n := 0
			for _, pl := range plans {
				if fail != rules.LevelNone {
					n += len(pl.Unresolved) // errors
				}
				for _, e := range pl.Entries {
					if e.Level != "" && fail != rules.LevelNone && rules.Level(e.Level).Rank() >= fail.Rank() {
						n++
					}
				}
			}
			if n > 0 {
				return findingsError{n}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&base, "base", "", "the base: its source tree, its saved 'mvn dependency:list' output, or its fat jar")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.Flags().StringVar(&failOn, "fail-on", "error", "exit 1 when a verdict is at or above this level: error, warning, note or none")
	return cmd
}

// slimPlans loads the module side and the base and judges each module.
func slimPlans(basePath string, args []string) ([]*slim.Plan, []slim.Note, error) {
	modPath := "."
	if len(args) > 0 {
		modPath = args[0]
	}
	mods, treeBase, notes, err := slim.LoadModules(modPath)
	if err != nil {
		return nil, notes, inputError(err)
	}
	b := treeBase
	if basePath != "" {
		var ns []slim.Note
		b, ns, err = slim.LoadBase(basePath)
		notes = append(notes, ns...)
		if err != nil {
			return nil, notes, inputError(err)
		}
	}
	if b == nil {
		return nil, notes, usagef("%s: no base to judge against: give --base PATH (the base's source tree, its 'mvn dependency:list' output or its fat jar); the tree holds no single base of its own", modPath)
	}
	var plans []*slim.Plan
	for _, m := range mods {
		pl := slim.Build(m, b)
		notes = append(notes, pl.CheckClasses(m, b)...)
		plans = append(plans, pl)
	}
	return plans, notes, nil
}

// inputError makes an unusable input a usage error (exit 2), with its
// message as is.
func inputError(err error) error {
	var ie *slim.InputError
	if errors.As(err, &ie) {
		return usageError{err}
	}
	return err
}

func printSlimNotes(w io.Writer, notes []slim.Note) {
	for _, n := range notes {
		fmt.Fprintf(w, "kscan: %s: %s\n", n.Level, n.String())
	}
}

// printPlan prints one module's verdicts as a table and its sizes.
func printPlan(w io.Writer, pl *slim.Plan) {
	fmt.Fprintf(w, "module %s (%s)\nbase   %s (%s)\n\n", pl.Module, pl.ModuleKind, pl.Base, pl.BaseKind)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "LEVEL\tVERDICT\tSIZE\tDEPENDENCY\tREASON")
	for _, e := range pl.Entries {
		lvl := e.Level
		if lvl == "" {
			lvl = "-"
		}
		size := "?"
		if e.Size > 0 {
			size = safefs.HumanBytes(e.Size)
		}
		reason := e.Reason
		if e.Action != "" {
			reason += " [plan: " + e.Action + "]"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", lvl, e.Verdict, size, e.Dependency, reason)
	}
	tw.Flush()
	if len(pl.Unresolved) > 0 {
		fmt.Fprintf(w, "\nerror  %s: %s referenced by the module's code, found nowhere after slimming (not in the module, its lib/, the base or the JDK): NoClassDefFoundError\n", slim.RuleUnresolvable, plural(len(pl.Unresolved), "class"))
		for _, u := range pl.Unresolved {
			more := ""
			if u.More > 0 {
				more = fmt.Sprintf(" and %d more", u.More)
			}
			fmt.Fprintf(w, "  %s  <- %s%s\n", u.Class, strings.Join(u.From, ", "), more)
		}
	} else if pl.ClassCheck == "ran" {
		fmt.Fprintf(w, "\n%s: every class the module's code references resolves\n", slim.RuleUnresolvable)
	} else if pl.ClassCheck != "" {
		fmt.Fprintf(w, "\n%s %s\n", slim.RuleUnresolvable, pl.ClassCheck)
	}
	unknown := ""
	if pl.Unknown > 0 {
		unknown = fmt.Sprintf(" (+ %s of unknown size)", plural(pl.Unknown, "dependency"))
	}
	verdict := func(n int64) string {
		if n <= pl.Guidance {
			return "under"
		}
		return "OVER"
	}
	if pl.Now == 0 && pl.Unknown > 0 {
		fmt.Fprintf(w, "\npackaged: size unknown (%s not in the local repository; build the ark-biz and give its jar for sizes); guidance: under %s\n",
			plural(pl.Unknown, "dependency"), safefs.HumanBytes(pl.Guidance))
	} else {
		fmt.Fprintf(w, "\npackaged: %s now, %s after the plan%s; guidance: under %s (%s now, %s after)\n",
			safefs.HumanBytes(pl.Now), safefs.HumanBytes(pl.After), unknown, safefs.HumanBytes(pl.Guidance), verdict(pl.Now), verdict(pl.After))
	}
	fmt.Fprintf(w, "%s, %s\n", plural(pl.Errors, "error"), plural(pl.Warnings, "warning"))
}

// runSlimFix writes (or prints as a diff) the slimming plan of each module.
func runSlimFix(cmd *cobra.Command, basePath string, args []string, diff bool) error {
	plans, notes, err := slimPlans(basePath, args)
	errw, out := cmd.ErrOrStderr(), cmd.OutOrStdout()
	printSlimNotes(errw, notes)
	if err != nil {
		return err
	}
	root := "."
	if len(args) > 0 {
		root = args[0]
	}
	if fi, err := os.Stat(root); err == nil && !fi.IsDir() {
		return usagef("%s is not a source tree: kscan fix --slim edits the module's conf/ark/bootstrap.properties or pom.xml", root)
	}
	read := func(p string) ([]byte, error) {
		return safefs.ReadFileIn(root, filepath.Join(root, filepath.FromSlash(p)), safefs.MaxBuildFile)
	}
	files := 0
	for _, pl := range plans {
		edits, skipped, err := slim.Fix(pl, read)
		if err != nil {
			fmt.Fprintf(errw, "kscan: %s: not fixed: %v\n", pl.Module, err)
			continue
		}
		for _, s := range skipped {
			fmt.Fprintf(errw, "kscan: not fixed: %s\n", s)
		}
		for _, e := range edits {
			if diff {
				fmt.Fprint(out, udiff.Unified(e.Path, string(e.Old), string(e.New)))
				files++
				continue
			}
			if err := slim.WriteEdit(root, e); err != nil {
				fmt.Fprintf(errw, "kscan: %s: not written: %v\n", e.Path, err)
				continue
			}
			files++
			fmt.Fprintf(errw, "kscan: %s: %s\n", e.Path, strings.Join(e.Changes, "; "))
		}
	}
	verb := "wrote"
	if diff {
		verb = "would write"
	}
	fmt.Fprintf(errw, "kscan: %s the slimming plan into %d file(s)\n", verb, files)
	return nil
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	if strings.HasSuffix(what, "s") {
		return fmt.Sprintf("%d %ses", n, what)
	}
	if strings.HasSuffix(what, "y") {
		return fmt.Sprintf("%d %sies", n, what[:len(what)-1])
	}
	return fmt.Sprintf("%d %ss", n, what)
}

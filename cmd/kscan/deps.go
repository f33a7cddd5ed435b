package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/kscan/kscan/adapters"
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner"
	"github.com/kscan/kscan/scanner/config"
	"github.com/kscan/kscan/scanner/finding"
)

// adapterTable is the built-in table with the project's, the
// configuration's and the command line's tables (see
// config.Config.AdapterTable); bad rows are reported on stderr.
func adapterTable(cmd *cobra.Command, files []string, cfg *config.Config, root string) (*adapters.Table, error) {
	dirs := []string{root}
	for _, a := range cmd.Flags().Args() {
		if fi, err := os.Stat(a); err == nil && fi.IsDir() {
			dirs = append(dirs, a)
		}
	}
	t, err := cfg.AdapterTable(files, dirs, func(e error) { fmt.Fprintf(cmd.ErrOrStderr(), "kscan: %v\n", e) })
	if err != nil {
		return nil, usageError{err}
	}
	return t, nil
}

func newDepsCmd() *cobra.Command {
	var fl scanFlags
	var why string
	cmd := &cobra.Command{
		Use:   "deps [PATH...]",
		Short: "List the dependencies found and the Koupleless adapters they need",
		Long: `Read the build files under the paths (default: the current directory), offline: pom.xml
(parents, properties, dependencyManagement and imported BOMs from the tree or ~/.m2/repository),
saved 'mvn dependency:list' / 'dependency:tree' output named dependency-list*.txt or
dependency-tree*.txt (the resolved set of the pom beside it), gradle.lockfile,
gradle/libs.versions.toml and literal coordinates in build.gradle(.kts). For each project print
its dependencies (coordinates, scope, where declared, source and confidence) and the adapter
table rows they match. --why GROUP:ARTIFACT explains a match or a non-match: each candidate row,
and which bound of its range excluded the version, or why the version is unknown.

Parents and imported BOMs come from the tree and the local repository (--m2; default
~/.m2/repository). One that is missing is reported once, with what it would have supplied;
Spring Boot's own parents and BOM still give the versions Spring Boot manages, from facts of
each release built into kscan.`,
		Example: `  kscan deps .
  kscan deps --format json base/
  kscan deps --why org.springframework.boot:spring-boot --adapters conf/ark/adapter-mapping.yaml .`,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch fl.format {
			case "text", "json":
			default:
				return usagef("unknown --format %q (want text or json)", fl.format)
			}
			if why != "" && strings.Count(why, ":") != 1 {
				return usagef("--why wants GROUP:ARTIFACT, got %q", why)
			}
			cfg, err := loadConfig(&fl)
			if err != nil {
				return usageError{err}
			}
			table, err := adapterTable(cmd, fl.adapters, cfg, fl.root)
			if err != nil {
				return err
			}
			role, auto, err := scanner.ParseRole(firstSet(fl.role, cfg.Role, "auto"))
			if err != nil {
				return usageError{err}
			}
			if len(args) == 0 {
				args = []string{"."}
			}
			excludes := append(append([]string(nil), cfg.Exclude...), fl.excludes...)
			if err := scanner.ValidateExcludes(excludes); err != nil {
				return usageError{err}
			}
			dr, err := scanner.Dependencies(scanner.Options{Paths: args, Root: fl.root, Excludes: excludes, Role: role, RoleAuto: auto, M2Repo: fl.m2})
			if err != nil {
				if _, ok := err.(*scanner.PathError); ok {
					return usageError{err}
				}
				return err
			}
			rep := buildDepsReport(dr, table, why)
			out := cmd.OutOrStdout()
			if fl.format == "json" {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(rep)
			}
			writeDepsText(out, rep, why != "")
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.format, "format", "text", "output format: text or json")
	f.StringVar(&why, "why", "", "explain the adapter rows for `GROUP:ARTIFACT`")
	f.StringArrayVar(&fl.adapters, "adapters", nil, "extra adapter mapping table `FILE` (adapter-mapping.yaml format; repeatable)")
	f.StringArrayVar(&fl.excludes, "exclude", nil, "skip paths matching this glob (repeatable)")
	f.StringVar(&fl.root, "root", "", "directory that reported paths are relative to (default: the current directory)")
	f.StringVar(&fl.role, "role", "", "role of every project: auto (from the build files), base, module, library or private")
	f.StringVar(&fl.config, "config", "", "configuration `FILE` (default: .kscan.yaml in --root, if present)")
	addM2Flag(f, &fl.m2)
	return cmd
}

// addM2Flag registers --m2, the local Maven repository parents and BOMs
// are read from.
func addM2Flag(f *pflag.FlagSet, m2 *string) {
	f.StringVar(m2, "m2", "", "local Maven repository `DIR` for parents and imported BOMs (default: ~/.m2/repository; '-': none)")
}

type depsReport struct {
	Projects      []depsProject          `json:"projects"`
	Why           []depsWhy              `json:"why,omitempty"`
	Notifications []finding.Notification `json:"notifications"`
}

type depsProject struct {
	Path         string        `json:"path"`
	Kind         string        `json:"kind"`
	Coordinate   string        `json:"coordinate,omitempty"`
	Role         string        `json:"role"`
	RoleReason   string        `json:"roleReason,omitempty"`
	Resolved     bool          `json:"resolved"`
	AddPatch     string        `json:"addPatch,omitempty"`
	BuildOnly    string        `json:"buildOnly,omitempty"`
	Dependencies []depsEntry   `json:"dependencies"`
	Adapters     []depsAdapter `json:"adapters"`
}

type depsEntry struct {
	Coordinate string `json:"coordinate"`
	Scope      string `json:"scope,omitempty"`
	Optional   bool   `json:"optional,omitempty"`
	Where      string `json:"where"`
	Source     string `json:"source"`
	Confidence string `json:"confidence"`
	Evidence   string `json:"evidence,omitempty"`
}

type depsAdapter struct {
	Adapter    string `json:"adapter"`
	Dependency string `json:"dependency"`
	Where      string `json:"where"`
	Row        string `json:"row"`
	Range      string `json:"range"`
	Reason     string `json:"reason"`
}

type depsWhy struct {
	Project    string `json:"project"`
	Dependency string `json:"dependency"`
	Where      string `json:"where"`
	// VersionUnknown says why the version is unknown; the rows are then
	// candidates that could not be decided.
	VersionUnknown string      `json:"versionUnknown,omitempty"`
	Rows           []depsTrial `json:"rows"`
}

type depsTrial struct {
	Row     string `json:"row"`
	Range   string `json:"range"`
	Adapter string `json:"adapter"`
	Matched bool   `json:"matched"`
	Reason  string `json:"reason"`
}

func depWhereText(d *facts.Dependency) string {
	if d.Line > 0 {
		return fmt.Sprintf("%s:%d", d.Path, d.Line)
	}
	return d.Path
}

func buildDepsReport(dr *scanner.DepsResult, table *adapters.Table, why string) *depsReport {
	rep := &depsReport{Notifications: dr.Notifications}
	if rep.Notifications == nil {
		rep.Notifications = []finding.Notification{}
	}
	for _, p := range dr.Projects {
		dp := depsProject{Path: p.Path, Kind: p.Kind, Role: p.Role.String(), RoleReason: p.RoleWhy, Resolved: p.Resolved,
			AddPatch: p.AddPatch, BuildOnly: p.BuildOnly, Dependencies: []depsEntry{}, Adapters: []depsAdapter{}}
		if p.ArtifactID != "" {
			dp.Coordinate = p.GroupID + ":" + p.ArtifactID + ":" + p.Version
		}
		for i := range p.Dependencies {
			d := &p.Dependencies[i]
			dp.Dependencies = append(dp.Dependencies, depsEntry{Coordinate: d.GAV(), Scope: d.Scope, Optional: d.Optional,
				Where: depWhereText(d), Source: d.Source, Confidence: d.Confidence, Evidence: d.Evidence})
			if d.Scope != "test" && d.Version != "" && p.BuildOnly == "" {
				for _, m := range table.Match(rules.AdapterCoordinate(d)) {
					dp.Adapters = append(dp.Adapters, depsAdapter{Adapter: m.Adapter.String(), Dependency: d.GAV(), Where: depWhereText(d),
						Row: m.Row.Where(), Range: rowRange(m.Row), Reason: m.Reason})
				}
			}
			if why != "" && d.Key() == why {
				w := depsWhy{Project: p.Path, Dependency: d.GAV(), Where: depWhereText(d), Rows: []depsTrial{}}
				if d.Version == "" {
					w.VersionUnknown = unknownReason(d)
					for _, r := range table.Candidates(rules.AdapterCoordinate(d)) {
						w.Rows = append(w.Rows, depsTrial{Row: r.Where(), Range: rowRange(r), Adapter: r.Adapter.String(), Reason: "not decided: the version is unknown"})
					}
				} else {
					for _, t := range table.Explain(rules.AdapterCoordinate(d)) {
						w.Rows = append(w.Rows, depsTrial{Row: t.Row.Where(), Range: rowRange(t.Row), Adapter: t.Row.Adapter.String(), Matched: t.Matched, Reason: t.Reason})
					}
				}
				rep.Why = append(rep.Why, w)
			}
		}
		rep.Projects = append(rep.Projects, dp)
	}
	if rep.Projects == nil {
		rep.Projects = []depsProject{}
	}
	return rep
}

// unknownReason says why a dependency's version is unknown, from its
// evidence.
func unknownReason(d *facts.Dependency) string {
	if _, why, ok := strings.Cut(d.Evidence, "version unknown: "); ok {
		return why
	}
	if _, why, ok := strings.Cut(d.Evidence, "unresolved"); ok {
		return "a property of its version is unresolved" + why
	}
	return "the build file does not give it and nothing manages it"
}

func rowRange(r *adapters.Row) string {
	if r.VersionRange == "" && r.HasRegexp {
		return "regexp " + r.Regexp
	}
	return r.VersionRange
}

func writeDepsText(w io.Writer, rep *depsReport, why bool) {
	if why {
		if len(rep.Why) == 0 {
			fmt.Fprintln(w, "no project of the tree has that dependency")
		}
		for _, x := range rep.Why {
			fmt.Fprintf(w, "%s in %s (%s):\n", x.Dependency, x.Project, x.Where)
			if x.VersionUnknown != "" {
				fmt.Fprintf(w, "  version unknown because %s\n", x.VersionUnknown)
				for _, t := range x.Rows {
					fmt.Fprintf(w, "  %-8s %s range %s -> %s\n", "?", t.Row, t.Range, t.Adapter)
				}
				continue
			}
			if len(x.Rows) == 0 {
				fmt.Fprintln(w, "  no adapter table row names it")
			}
			for _, t := range x.Rows {
				verdict := "no match"
				if t.Matched {
					verdict = "MATCH"
				}
				fmt.Fprintf(w, "  %-8s %s range %s -> %s: %s\n", verdict, t.Row, t.Range, t.Adapter, t.Reason)
			}
		}
		return
	}
	for i, p := range rep.Projects {
		if i > 0 {
			fmt.Fprintln(w)
		}
		head := p.Path + " (" + p.Kind
		if p.Coordinate != "" {
			head += " " + p.Coordinate
		}
		head += ", role " + p.Role
		if p.RoleReason != "" && p.Role != "unknown" {
			head += ": " + p.RoleReason
		}
		head += ")"
		if p.Resolved {
			head += " [resolved list]"
		}
		if p.BuildOnly != "" {
			head += " [builds nothing that runs: " + p.BuildOnly + "]"
		}
		fmt.Fprintln(w, head)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, d := range p.Dependencies {
			scope := d.Scope
			if scope == "" {
				scope = "-"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s/%s\n", d.Coordinate, scope, d.Where, d.Source, d.Confidence)
		}
		tw.Flush()
		if p.AddPatch != "" {
			fmt.Fprintf(w, "  adapters: added at build time by koupleless-base-build-plugin add-patch (%s)\n", p.AddPatch)
		}
		for _, a := range p.Adapters {
			fmt.Fprintf(w, "  needs %s for %s (%s): row %s range %s\n", a.Adapter, a.Dependency, a.Where, a.Row, a.Range)
		}
	}
	for _, n := range rep.Notifications {
		where := n.Path
		if n.Line > 0 {
			where = fmt.Sprintf("%s:%d", n.Path, n.Line)
		}
		fmt.Fprintf(w, "note: %s: %s\n", where, n.Message)
	}
}

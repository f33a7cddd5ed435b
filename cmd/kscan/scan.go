package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner"
	"github.com/kscan/kscan/scanner/config"
	"github.com/kscan/kscan/scanner/deps"
	"github.com/kscan/kscan/scanner/finding"
	"github.com/kscan/kscan/scanner/gate"
	"github.com/kscan/kscan/scanner/report"
	"github.com/kscan/kscan/scanner/scope"
	"github.com/kscan/kscan/scanner/slim"
)

type scanFlags struct {
	include     []string
	format      string
	output      string
	failOn      string
	minLevel    string
	helpURI     string
	jobs        int
	excludes    []string
	only        []string
	disable     []string
	maxFileSize string
	root        string
	strict      bool
	color       string
	verbose     bool
	stats       bool
	cpuProfile  string
	memProfile  string
	role        string
	mode        string
	config      string
	archive     archiveFlags
	adapters    []string
	base        string
	m2          string
	gate        gateFlags
}

func newScanCmd() *cobra.Command {
	var fl scanFlags
	cmd := &cobra.Command{
		Use:   "scan [PATH...]",
		Short: "Scan Java sources (default: the current directory)",
		Long: `Scan .java files under the given files and directories (default: the current directory).
Directories named .git and node_modules are skipped, and so are build outputs (a target, build
or out directory beside a build file, or holding classes, libs and the like; a source package of
that name is scanned) and paths matching --exclude. Paths in reports are relative to --root
(default: the current directory, or the targets' common directory when none is inside it).

With a baseline (--baseline, or baseline: in .kscan.yaml) each finding is new or unchanged,
and only new ones fail the run; the text report lists only new findings unless
--show-unchanged is given. With --diff-base only findings on lines changed since the merge
base of REF and HEAD are reported (uncommitted and untracked files included).

The slimming rules, duplicate-framework-classes and logging-binding-conflict judge each module
against its base: the one base in the scanned tree, or the one given with --base (or base: in
.kscan.yaml), which replaces it: its source tree, its saved 'mvn dependency:list' output or its
fat jar (the fat jar's class names also feed module-class-unresolvable). The given base is read
as context only; its own code is not scanned. A module is judged as 'kscan slim' judges it: a
source tree by its pom or Gradle build and conf/ark files, an ark-biz jar by its lib/ and the
slimming configuration of its own pom (META-INF/maven/.../pom.xml).

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it (new ones, with a
baseline), 2 usage or configuration errors (a missing baseline, an unknown --diff-base ref, a
--base that is missing or not a base).`,
		Example: `  kscan scan .
  kscan scan --format sarif -o kscan.sarif --fail-on error .
  kscan scan --exclude 'generated' --exclude 'src/legacy/**' src/main/java
  kscan scan --baseline .kscan-baseline.json .
  kscan scan --diff-base origin/main .
  kscan scan --base ../base/target/base-app.jar .`,
		RunE: func(cmd *cobra.Command, args []string) error { return runScan(cmd, args, &fl) },
	}
	addScanFlags(cmd, &fl)
	cmd.Flags().StringVar(&fl.format, "format", "text", "report format: text, json or sarif")
	cmd.Flags().StringVarP(&fl.output, "output", "o", "", "write the report to `FILE` ('-' or none: standard output)")
	cmd.Flags().StringVar(&fl.failOn, "fail-on", "error", "exit 1 when a finding is at or above this level: error, warning, note or none (or a severity: critical, high, medium, low, info)")
	cmd.Flags().StringVar(&fl.minLevel, "min-level", "", "leave out findings below this level: error, warning, note or none (default: .kscan.yaml's min-level, else note; none shows the candidates of rules lowered below note too)")
	cmd.Flags().StringVar(&fl.minLevel, "severity", "", "same as --min-level")
	cmd.Flags().StringVar(&fl.helpURI, "help-uri", "", "link rules to `URL` instead of kscan's docs/rules.md, with {id} for the rule id (default: .kscan.yaml's help-uri)")
	cmd.Flags().BoolVar(&fl.strict, "strict", false, "also exit 1 when an input could not be scanned")
	cmd.Flags().StringVar(&fl.color, "color", "auto", "color text output: auto, always or never (NO_COLOR is honoured)")
	cmd.Flags().BoolVarP(&fl.verbose, "verbose", "v", false, "text output: show class, method, fingerprint and help link of each finding")
	cmd.Flags().BoolVar(&fl.stats, "stats", false, "print throughput, peak memory and where the time went to standard error")
	cmd.Flags().StringVar(&fl.cpuProfile, "cpuprofile", "", "write a CPU profile of the run to `FILE` (for go tool pprof)")
	cmd.Flags().StringVar(&fl.memProfile, "memprofile", "", "write a heap profile to `FILE` when the scan ends, before the report (for go tool pprof)")
	cmd.Flags().StringVar(&fl.base, "base", "", "the base the scanned modules run on, read as context for the rules that judge a module against its base (never scanned): its source tree, its saved 'mvn dependency:list' output or its fat jar (default: .kscan.yaml's base, else a base found in the scanned tree)")
	addGateFlags(cmd, &fl.gate)
	return cmd
}

// addScanFlags registers the flags that select what is scanned and how,
// shared by scan and fix.
func addScanFlags(cmd *cobra.Command, fl *scanFlags) {
	f := cmd.Flags()
	f.IntVar(&fl.jobs, "jobs", runtime.NumCPU(), "files parsed in parallel")
	f.StringArrayVar(&fl.excludes, "exclude", nil, "skip paths matching this glob (repeatable; '**' spans directories)")
	f.StringArrayVar(&fl.only, "rule", nil, "run only this rule (repeatable)")
	f.StringArrayVar(&fl.disable, "disable", nil, "do not run this rule (repeatable)")
	f.StringVar(&fl.maxFileSize, "max-file-size", "4MiB", "skip source files larger than this, with a notification")
	addArchiveFlags(f, &fl.archive)
	f.StringArrayVar(&fl.adapters, "adapters", nil, "extra adapter mapping table `FILE` (adapter-mapping.yaml format; repeatable)")
	addM2Flag(f, &fl.m2)
	f.StringVar(&fl.root, "root", "", "directory that reported paths are relative to, and that links and configured paths may not leave (default: the current directory, or the targets' common directory when none is inside it)")
	f.StringVar(&fl.role, "role", "", "where the code runs: auto (from pom.xml), base, module, library (shared by the base) or private (default: .kscan.yaml's role, else auto)")
	f.StringVar(&fl.mode, "mode", "", "dynamic (modules installed and uninstalled at run time) or static (leak rules off) (default: .kscan.yaml's mode, else dynamic)")
	f.StringVar(&fl.config, "config", "", "configuration `FILE` (default: .kscan.yaml in --root, if present)")
	f.StringArrayVar(&fl.include, "include", nil, "also scan `non-production` code: tests, examples, benchmarks, build tools, command-line tools, desktop GUI and Android code (default: .kscan.yaml's include)")
}

// scanRun is a prepared scan: options from flags and .kscan.yaml.
type scanRun struct {
	opts     scanner.Options
	failOn   rules.Level
	minLevel rules.Level
	mode     string
	cfg      *config.Config
}

// prepare turns flags and configuration into scan options; every error is
// a usage error.
func prepare(cmd *cobra.Command, args []string, fl *scanFlags) (*scanRun, error) {
	if fl.root == "" {
		fl.root = defaultRoot(args)
	}
	failOn, err := rules.ParseLevel(fl.failOn)
	if err != nil {
		return nil, usageError{err}
	}
	if fl.jobs < 1 {
		return nil, usagef("--jobs must be at least 1")
	}
	maxSize, err := parseSize(fl.maxFileSize)
	if err != nil {
		return nil, usageError{err}
	}
	archOpts, err := fl.archive.options()
	if err != nil {
		return nil, err
	}
	cfg, err := loadConfig(fl)
	if err != nil {
		return nil, usageError{err}
	}
	table, err := adapterTable(cmd, fl.adapters, cfg, fl.root)
	if err != nil {
		return nil, err
	}
	selected, err := rules.Select(fl.only, fl.disable)
	if err != nil {
		return nil, usageError{err}
	}
	selected, err = cfg.ApplyRules(selected)
	if err != nil {
		return nil, usageError{err}
	}
	excludes := append(append([]string(nil), cfg.Exclude...), fl.excludes...)
	if err := scanner.ValidateExcludes(excludes); err != nil {
		return nil, usageError{err}
	}
	role, auto, err := scanner.ParseRole(firstSet(fl.role, cfg.Role, "auto"))
	if err != nil {
		return nil, usageError{err}
	}
	mode := firstSet(fl.mode, cfg.Mode, "dynamic")
	if mode != "dynamic" && mode != "static" {
		return nil, usagef("unknown --mode %q (want dynamic or static)", mode)
	}
	var pathRoles []scanner.PathRole
	for i, pr := range cfg.Roles {
		r, _, err := scanner.ParseRole(pr.Role)
		if err != nil {
			return nil, usageError{err}
		}
		line := 0
		if i < len(cfg.RoleLines) {
			line = cfg.RoleLines[i]
		}
		pathRoles = append(pathRoles, scanner.PathRole{Glob: pr.Path, Role: r, Source: fmt.Sprintf("%s:%d", cfg.File, line)})
	}
	if !cmd.Flags().Changed("fail-on") && cfg.FailOn != "" {
		if failOn, err = rules.ParseLevel(cfg.FailOn); err != nil {
			return nil, usageError{err}
		}
	}
	minLevel := rules.LevelNote
	if m := firstSet(fl.minLevel, cfg.MinLevel); m != "" {
		if minLevel, err = rules.ParseLevel(m); err != nil {
			return nil, usageError{fmt.Errorf("--min-level: %w", err)}
		}
	}
	includeNP := false
	for _, inc := range append(append([]string(nil), cfg.Include...), fl.include...) {
		if inc != "non-production" {
			return nil, usagef("unknown --include %q (want non-production)", inc)
		}
		includeNP = true
	}
	var overrides []scope.Override
	for _, o := range cfg.ScopeOverrides() {
		overrides = append(overrides, scope.Override{Glob: o.Glob, Production: o.Production, Source: o.Source})
	}
	if err := scope.ValidateOverrides(overrides); err != nil {
		return nil, usageError{err}
	}
	base, baseNotes, err := loadScanBase(fl.base, cfg)
	if err != nil {
		return nil, err
	}
	if len(args) == 0 {
		args = []string{"."}
	}
	return &scanRun{
		opts: scanner.Options{
			Paths: args, Root: fl.root, Rules: selected, Jobs: fl.jobs,
			Excludes: excludes, MaxFileSize: maxSize, Archive: archOpts, Adapters: table,
			Role: role, RoleAuto: auto, PathRoles: pathRoles, Static: mode == "static", M2Repo: fl.m2,
			IncludeNonProduction: includeNP, ScopeOverrides: overrides, Base: base, BaseNotes: baseNotes,
			MinLevel: minLevel,
		},
		failOn:   failOn,
		minLevel: minLevel,
		mode:     mode,
		cfg:      cfg,
	}, nil
}

// loadScanBase reads the base given with --base, or named by the
// configuration's base: (which, in a repository's own configuration, must
// stay inside its directory, links resolved), with the loader of
// 'kscan slim'. A base that cannot be used is a usage error naming it.
func loadScanBase(flag string, cfg *config.Config) (*slim.Side, []slim.Note, error) {
	p := flag
	if p == "" && cfg.Base != "" {
		p = cfg.Path(cfg.Base)
		if cfg.File != "" && !cfg.Trusted {
			if err := insideDir(filepath.Dir(cfg.File), p); err != nil {
				return nil, nil, usagef("%s: base: %v", cfg.File, err)
			}
		}
	}
	if p == "" {
		return nil, nil, nil
	}
	b, notes, err := slim.LoadBase(p)
	if err != nil {
		var ie *slim.InputError
		if errors.As(err, &ie) {
			return nil, nil, usagef("--base %v", err)
		}
		return nil, nil, usagef("--base %s: %v", p, err)
	}
	return b, notes, nil
}

// insideDir refuses a path whose real location, links resolved, is not
// under dir.
func insideDir(dir, p string) error {
	rd, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return err
	}
	rp, err := filepath.EvalSymlinks(p)
	if err != nil {
		return fmt.Errorf("cannot read %s: %v", p, errors.Unwrap(err))
	}
	rel, err := filepath.Rel(rd, rp)
	if err != nil || rel == ".." || strings.HasPrefix(filepath.ToSlash(rel), "../") {
		return fmt.Errorf("%s leads out of %s", p, dir)
	}
	return nil
}

// execute runs a prepared scan; a missing path is a usage error.
func (sr *scanRun) execute() (*scanner.Result, error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := scanner.Scan(ctx, sr.opts)
	var pe *scanner.PathError
	switch {
	case errors.As(err, &pe):
		return nil, usageError{err}
	case err != nil && ctx.Err() != nil:
		return nil, errInterrupted
	}
	return res, err
}

func runScan(cmd *cobra.Command, args []string, fl *scanFlags) error {
	switch fl.format {
	case "text", "json", "sarif":
	default:
		return usagef("unknown --format %q (want text, json or sarif)", fl.format)
	}
	toStdout := fl.output == "" || fl.output == "-"
	color, err := useColor(fl.color, toStdout)
	if err != nil {
		return err
	}
	sr, err := prepare(cmd, args, fl)
	if err != nil {
		return err
	}
	failOn, mode := sr.failOn, sr.mode
	g, err := openGate(cmd, &fl.gate, sr)
	if err != nil {
		return err
	}
	if fl.cpuProfile != "" {
		stop, err := startCPUProfile(fl.cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	// A SARIF log's rule descriptors are rendered while the scan runs:
	// on a small tree they are most of the log's work.
	var ahead *report.RulesAhead
	if fl.format == "sarif" {
		ahead = report.PrepareRules(sr.opts.Rules, firstSet(fl.helpURI, sr.cfg.HelpURI))
	}
	stopProgress := startProgress(cmd.ErrOrStderr(), &sr.opts)
	rt := runTimes{scanStart: time.Now(), format: fl.format}
	res, err := sr.execute()
	rt.scanEnd = time.Now()
	stopProgress()
	if fl.memProfile != "" && err == nil {
		if err := writeHeapProfile(fl.memProfile); err != nil {
			return err
		}
		rt.scanEnd = time.Now() // not the scan's time
	}
	if err != nil {
		return err
	}
	out, err := g.Apply(res, gate.Scope{Rules: sr.opts.Rules, Paths: sr.opts.Paths, Excludes: sr.opts.Excludes})
	if err != nil {
		return err
	}
	var left *report.LeftOut
	out.Findings, left = minLevel(out.Findings, sr.minLevel)
	if len(res.NotRun) > 0 {
		if left == nil {
			left = &report.LeftOut{MinLevel: string(sr.minLevel), ByRule: map[string]int{}}
		}
		left.NotRun = res.NotRun
	}

	in := &report.Input{
		Tool:          report.Tool{Name: "kscan", Version: toolVersion(), InformationURI: "https://github.com/kscan/kscan"},
		Root:          res.Root,
		Rules:         sr.opts.Rules,
		Findings:      out.Findings,
		Notifications: out.Notifications,
		Stats: report.Stats{Files: res.Stats.Files, Parsed: res.Stats.Parsed, Bytes: res.Stats.Bytes, Duration: res.Stats.Duration,
			Archives: res.Stats.Archives, Classes: res.Stats.Classes},
		Suppressions: map[int][]report.Suppression{},
		Properties:   map[string]any{"kscan.mode": mode},
		HelpURI:      firstSet(fl.helpURI, sr.cfg.HelpURI),
		Scope:        scopeSummary(res),
		LeftOut:      left,
		RulesAhead:   ahead,
	}
	if left != nil {
		in.Properties["kscan.belowMinLevel"] = left
	}
	for _, d := range res.Roles {
		in.Roles = append(in.Roles, report.Role{Dir: d.Dir, Role: d.Name, Reason: d.Reason})
	}
	if len(res.Modules) > 0 {
		in.Properties["kscan.modules"] = res.Modules
	}
	for i, f := range out.Findings {
		for _, s := range f.Suppressed {
			in.Suppressions[i] = append(in.Suppressions[i], report.Suppression{Kind: s.Kind, Justification: s.Justification})
		}
	}
	if g.HasBaseline() {
		in.Baseline = &report.Baseline{File: g.BaselineName(), Absent: out.Absent}
		for _, f := range out.Findings {
			in.Baseline.States = append(in.Baseline.States, f.Baseline)
		}
	}
	in.DiffBase = g.DiffBase()
	textOpts := report.TextOptions{Color: color, Verbose: fl.verbose, ShowUnchanged: fl.gate.showUnchanged}
	write := func(w io.Writer) error {
		switch fl.format {
		case "json":
			return report.JSON(w, in)
		case "sarif":
			return report.SARIF(w, in)
		}
		return report.Text(w, in, textOpts)
	}
	reportStart := time.Now()
	if !toStdout {
		if err := report.WriteFile(fl.output, write); err != nil {
			return err
		}
	} else if err := write(cmd.OutOrStdout()); err != nil {
		return err
	}
	rt.report = time.Since(reportStart)
	// Problems with inputs go to standard error in every format, so the
	// report on standard output stays what its format says.
	errColor, _ := useColor(fl.color, true)
	if err := report.Notifications(cmd.ErrOrStderr(), out.Notifications, report.TextOptions{Color: errColor && stderrIsTerminal()}); err != nil {
		return err
	}
	if fl.stats {
		printStats(cmd.ErrOrStderr(), res, rt, sr.opts.Jobs)
	}

	n := out.Fails(failOn)
	if fl.strict {
		for _, nt := range out.Notifications {
			// A dependency that could not be resolved offline is not an
			// input that could not be scanned.
			if nt.Kind == deps.KindUnresolved {
				continue
			}
			if nt.Level == rules.LevelError || nt.Level == rules.LevelWarning {
				n++
			}
		}
	}
	if n > 0 {
		return findingsError{n}
	}
	return nil
}

// scopeSummary is what the reports say about the inputs set aside as
// non-production.
func scopeSummary(res *scanner.Result) *report.Scope {
	t := res.Scope
	if t == nil || t.Total() == 0 && t.EntriesSetAside() == 0 {
		return nil
	}
	out := &report.Scope{Summary: t.Summary(), Total: t.Total(), SetAside: t.SetAside(), Included: res.IncludedNonProduction,
		EntriesSetAside: t.EntriesSetAside()}
	for _, c := range t.Reasons() {
		if c.Class != scope.Production {
			out.Reasons = append(out.Reasons, report.ScopeCount{Class: c.Class.String(), Reason: c.Reason, N: c.N, Entries: c.Entries})
		}
	}
	return out
}

// minLevel keeps the findings at or above a level (--min-level) and
// counts, by rule, those it leaves out (nil when none).
func minLevel(fs []finding.Finding, min rules.Level) ([]finding.Finding, *report.LeftOut) {
	if min == rules.LevelNone {
		return fs, nil
	}
	var out []finding.Finding
	var left *report.LeftOut
	for _, f := range fs {
		if f.Level.Rank() >= min.Rank() {
			out = append(out, f)
			continue
		}
		if left == nil {
			left = &report.LeftOut{MinLevel: string(min), ByRule: map[string]int{}}
		}
		left.Count++
		left.ByRule[f.RuleID]++
	}
	return out, left
}

func useColor(mode string, toStdout bool) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		if !toStdout || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
			return false, nil
		}
		fi, err := os.Stdout.Stat()
		return err == nil && fi.Mode()&os.ModeCharDevice != 0, nil
	}
	return false, usagef("unknown --color %q (want auto, always or never)", mode)
}

// parseSize reads sizes like 4MiB, 512KB, 1048576.
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.m
			break
		}
	}
	var n int64
	if _, err := fmt.Sscanf(t, "%d", &n); err != nil || n <= 0 || fmt.Sprint(n) != t {
		return 0, fmt.Errorf("bad size %q (want e.g. 4MiB, 512KiB or a byte count)", s)
	}
	return n * mult, nil
}

func firstSet(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

// loadConfig reads --config, or .kscan.yaml at the root when present.
func loadConfig(fl *scanFlags) (*config.Config, error) {
	if fl.config != "" {
		return config.Load(fl.config)
	}
	root := fl.root
	if root == "" {
		root = "."
	}
	return config.Find(root)
}

// defaultRoot is the root when --root is not given: the current directory,
// unless every target lies outside it; then the targets' deepest common
// directory, so that 'kscan scan /src/repo' run from elsewhere reads the
// repository's build files and .kscan.yaml as it would from inside it.
func defaultRoot(targets []string) string {
	cwd, err := os.Getwd()
	if err != nil || len(targets) == 0 {
		return ""
	}
	var common string
	for _, t := range targets {
		abs, err := filepath.Abs(t)
		if err != nil {
			return ""
		}
		if rel, err := filepath.Rel(cwd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return "" // a target inside the current directory: keep it
		}
		dir := abs
		if fi, err := os.Stat(abs); err == nil && !fi.IsDir() {
			dir = filepath.Dir(abs)
		}
		if common == "" {
			common = dir
			continue
		}
		for common != filepath.Dir(common) {
			if rel, err := filepath.Rel(common, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				break
			}
			common = filepath.Dir(common)
		}
	}
	return common
}

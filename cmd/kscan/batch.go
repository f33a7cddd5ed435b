package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/kscan/kscan/internal/batch"
	"github.com/kscan/kscan/internal/procstat"
	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/rules"
)

type batchFlags struct {
	output   string
	cache    string
	jobs     int
	scanJobs int
	timeout  time.Duration
	shard    string
	failOn   string
	force    bool
	progress string
	// Passed to every repository's scan.
	config   string
	adapters []string
	only     []string
	disable  []string
	excludes []string
	mode     string
	stats    bool
}

func newBatchCmd() *cobra.Command {
	var fl batchFlags
	cmd := &cobra.Command{
		Use:   "batch LIST -o DIR",
		Short: "Scan many repositories from a list, resumably, and summarise them",
		Long: `Scan every repository of LIST and write, under DIR, a SARIF log and a status record per
repository (repos/<key>/result.sarif, repos/<key>/status.json), and over all of them summary.json,
summary.md (a table), report.html (one self-contained page: a sortable table, charts, the findings)
and results.sarif (one run per repository).

LIST has one repository a line, "source [ref] [role]", "#" starts a comment. A source is a git URL
(https, http, ssh, git, file, or user@host:path), cloned shallowly into --cache and fetched again on
the next run, or a local directory, scanned in place (cloned at ref when a ref is given). The role is
base, module, library, private or auto (detected); with two fields, a role name in the second is the
role, and "-" as ref means the default branch.

Repositories are scanned in parallel (--jobs), each by its own kscan process with a --timeout that
covers clone and scan. A repository that fails to clone, is empty, times out, or has a line that is not
a path or URL is recorded with its reason and the batch goes on. Re-running skips every repository
whose result is current (same commit, same kscan, rules and options), so a batch stopped half-way
loses nothing. --shard I/N scans a stable subset (by repository, not by line); 'kscan merge' joins
the shards' directories.

Exit codes: 0 every repository scanned and none has findings at or above --fail-on; 1 findings at or
above --fail-on; 2 usage errors; 3 some repository could not be scanned (its status says why).`,
		Example: `  kscan batch repos.txt -o out/
  kscan batch repos.txt -o out/ --jobs 8 --timeout 20m --fail-on none
  kscan batch repos.txt -o shard-2/ --shard 2/4 && kscan merge shard-*/ -o all/`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("batch takes one LIST file (see 'kscan batch --help')")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return runBatch(cmd, args[0], &fl) },
	}
	f := cmd.Flags()
	f.StringVarP(&fl.output, "output", "o", "", "output `DIR` (required)")
	f.StringVar(&fl.cache, "cache", "", "where clones are kept between runs (default: the user cache directory's kscan/repos)")
	f.IntVar(&fl.jobs, "jobs", max(1, runtime.NumCPU()/2), "repositories scanned at once")
	f.IntVar(&fl.scanJobs, "scan-jobs", 2, "files parsed in parallel within one repository")
	f.DurationVar(&fl.timeout, "timeout", 15*time.Minute, "per repository, clone and scan together (0: none)")
	f.StringVar(&fl.shard, "shard", "", "scan only shard `I/N` of the list (a stable subset by repository)")
	f.StringVar(&fl.failOn, "fail-on", "error", "exit 1 when a repository has findings at or above this level: error, warning, note or none")
	f.BoolVar(&fl.force, "force", false, "scan every repository again, even when its result is current")
	f.StringVar(&fl.progress, "progress", "auto", "progress on standard error: auto (a bar on a terminal, log lines otherwise), bar, lines or none")
	f.StringVar(&fl.config, "config", "", "configuration `FILE` for every repository (default: each repository's own .kscan.yaml)")
	f.StringArrayVar(&fl.adapters, "adapters", nil, "extra adapter mapping table `FILE` (repeatable)")
	f.StringArrayVar(&fl.only, "rule", nil, "run only this rule (repeatable)")
	f.StringArrayVar(&fl.disable, "disable", nil, "do not run this rule (repeatable)")
	f.StringArrayVar(&fl.excludes, "exclude", nil, "skip paths matching this glob in every repository (repeatable)")
	f.BoolVar(&fl.stats, "stats", false, "print repositories/s and peak memory (the batch's own and the largest scan's) to standard error")
	f.StringVar(&fl.mode, "mode", "", "dynamic or static, for every repository (default: each repository's .kscan.yaml, else dynamic)")
	return cmd
}

// batchFailedError carries exit code 3: some repository has no result.
type batchFailedError struct{ n int }

func (e batchFailedError) Error() string {
	return fmt.Sprintf("%d repositories could not be scanned", e.n)
}

func runBatch(cmd *cobra.Command, listPath string, fl *batchFlags) error {
	if fl.output == "" {
		return usagef("batch needs -o DIR")
	}
	if fl.jobs < 1 || fl.scanJobs < 1 {
		return usagef("--jobs and --scan-jobs must be at least 1")
	}
	failOn, err := rules.ParseLevel(fl.failOn)
	if err != nil {
		return usageError{err}
	}
	var shard batch.Shard
	if fl.shard != "" {
		if shard, err = batch.ParseShard(fl.shard); err != nil {
			return usageError{err}
		}
	}
	scanArgs, err := fl.scanArgs()
	if err != nil {
		return err
	}
	entries, err := readList(listPath)
	if err != nil {
		return err
	}
	cache, err := batch.CacheDir(fl.cache)
	if err != nil {
		return usageError{err}
	}
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("finding kscan's own executable: %w", err)
	}
	rv, err := batch.ReuseKey(self, scanArgs)
	if err != nil {
		return err
	}
	prog, err := newBatchProgress(cmd.ErrOrStderr(), fl.progress)
	if err != nil {
		return err
	}
	if err := batch.Prepare(fl.output); err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	out, err := batch.Run(ctx, entries, batch.Options{
		Out: fl.output, Cache: cache, Jobs: fl.jobs, Timeout: fl.timeout, Shard: shard, Force: fl.force,
		KscanVersion: toolVersion(), RulesVersion: rv, Progress: prog,
		Scan: execScanner(self, fl.scanJobs, scanArgs),
	})
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("interrupted; run the same command again to resume (finished repositories are kept)")
		}
		return err
	}
	sum, err := batch.Finish(fl.output, out.Statuses, string(failOn), &batch.Manifest{List: listPath, Shard: shard.String(), Out: out})
	if err != nil {
		return err
	}
	err = verdict(cmd, fl.output, sum, failOn)
	if fl.stats {
		secs := max(time.Since(start).Seconds(), 1e-9)
		fmt.Fprintf(cmd.ErrOrStderr(), "kscan: %d repositories (%d reused) in %.2fs: %.2f repositories/s; peak RSS %s (batch), %d kB (largest scan)\n",
			len(out.Statuses), out.Reused, secs, float64(len(out.Statuses))/secs, procstat.PeakRSS(), procstat.ChildrenPeakRSS())
	}
	return err
}

// verdict prints the totals and turns them into the exit code.
func verdict(cmd *cobra.Command, dir string, sum *batch.Summary, failOn rules.Level) error {
	t := sum.Totals
	fmt.Fprintf(cmd.ErrOrStderr(), "%d repositories: %d errors, %d warnings, %d notes; %d need adapters; %d unresolved dependencies; %d failed. Report: %s\n",
		t.Repositories, t.Findings.Error, t.Findings.Warning, t.Findings.Note, t.NeedAdapters, t.Unresolved, t.Failed,
		filepath.Join(dir, batch.ReportHTML))
	// Modules that will not start as slimmed, named: a platform team acts
	// on these before anything is installed.
	for _, r := range sum.Repositories {
		for _, m := range r.Modules {
			if m.SlimErrors > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "  %s: module %s has %s (it will not start as slimmed)\n", r.Repository, m.Path, plural(m.SlimErrors, "slimming error"))
			}
		}
	}
	if t.Failed > 0 {
		return batchFailedError{t.Failed}
	}
	n := 0
	for _, r := range sum.Repositories {
		if atOrAbove(r.Findings, failOn) {
			n++
		}
	}
	if n > 0 {
		return findingsError{n}
	}
	return nil
}

func atOrAbove(c batch.LevelCounts, failOn rules.Level) bool {
	switch failOn {
	case rules.LevelError:
		return c.Error > 0
	case rules.LevelWarning:
		return c.Error+c.Warning > 0
	case rules.LevelNote:
		return c.Total() > 0
	}
	return false
}

func readList(path string) ([]batch.Entry, error) {
	data, err := safefs.ReadFile(path, safefs.MaxList)
	if err != nil {
		return nil, usageError{err}
	}
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil, err
	}
	entries, err := batch.ParseList(bytes.NewReader(data), dir)
	if err != nil {
		return nil, usageError{fmt.Errorf("%s: %w", path, err)}
	}
	return entries, nil
}

// scanArgs are the flags every repository's scan gets, checked here so a
// typo fails the batch once instead of every repository.
func (fl *batchFlags) scanArgs() ([]string, error) {
	var args []string
	if fl.config != "" {
		abs, err := filepath.Abs(fl.config)
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(abs); err != nil {
			return nil, usageError{err}
		}
		args = append(args, "--config", abs)
	}
	for _, a := range fl.adapters {
		abs, err := filepath.Abs(a)
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(abs); err != nil {
			return nil, usageError{err}
		}
		args = append(args, "--adapters", abs)
	}
	if _, err := rules.Select(fl.only, fl.disable); err != nil {
		return nil, usageError{err}
	}
	for _, r := range fl.only {
		args = append(args, "--rule", r)
	}
	for _, r := range fl.disable {
		args = append(args, "--disable", r)
	}
	for _, x := range fl.excludes {
		args = append(args, "--exclude", x)
	}
	switch fl.mode {
	case "":
	case "dynamic", "static":
		args = append(args, "--mode", fl.mode)
	default:
		return nil, usagef("unknown --mode %q (want dynamic or static)", fl.mode)
	}
	return args, nil
}

// execScanner runs 'kscan scan' in a process of its own per repository:
// a repository that exhausts memory or hangs is killed alone, and the
// batch's own memory does not grow with the list.
func execScanner(self string, jobs int, extra []string) batch.Scanner {
	return func(ctx context.Context, req batch.ScanRequest) error {
		args := []string{"scan", "--format", "sarif", "-o", req.SARIF, "--fail-on", "none",
			"--jobs", fmt.Sprint(jobs), "--root", req.Dir}
		if req.Role != "" {
			args = append(args, "--role", req.Role)
		}
		args = append(args, extra...)
		args = append(args, "--", req.Dir)
		c := exec.CommandContext(ctx, self, args...)
		var stderr bytes.Buffer
		c.Stderr = &limitedWriter{buf: &stderr, max: 64 << 10}
		c.Stdout = io.Discard
		batch.KillGroup(c)
		c.WaitDelay = 5 * time.Second
		err := c.Run()
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			msg := strings.TrimSpace(stderr.String())
			if i := strings.LastIndex(msg, "\n"); i >= 0 {
				msg = msg[i+1:]
			}
			if msg == "" {
				msg = ee.String()
			}
			return errors.New(strings.TrimPrefix(msg, "kscan: "))
		}
		return err
	}
}

// limitedWriter keeps about the last max bytes of a child's standard
// error: kscan prints its fatal error last, after any notifications.
type limitedWriter struct {
	buf *bytes.Buffer
	max int
}

func (w *limitedWriter) Write(p []byte) (int, error) {
	w.buf.Write(p)
	if w.buf.Len() > 2*w.max {
		w.buf.Next(w.buf.Len() - w.max)
	}
	return len(p), nil
}

func newBatchProgress(w io.Writer, mode string) (batch.Progress, error) {
	switch mode {
	case "none":
		return nil, nil
	case "bar":
		return batch.NewProgress(w, true), nil
	case "lines":
		return batch.NewProgress(w, false), nil
	case "auto":
		term := false
		if f, ok := w.(*os.File); ok && os.Getenv("TERM") != "dumb" {
			if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
				term = true
			}
		}
		return batch.NewProgress(w, term), nil
	}
	return nil, usagef("unknown --progress %q (want auto, bar, lines or none)", mode)
}

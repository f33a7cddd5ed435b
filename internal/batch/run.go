package batch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"
)

// ScanRequest asks for one repository's scan.
type ScanRequest struct {
	Dir   string // the checked-out repository
	Role  string // from the list; "" means detected
	SARIF string // where to write the SARIF log
}

// Scanner scans one repository. It must stop when ctx ends. An error means
// no usable result (kscan itself failed); problems with single inputs are
// notifications inside the SARIF log.
type Scanner func(ctx context.Context, req ScanRequest) error

// Options configure a batch run.
type Options struct {
	Out     string        // output directory
	Cache   string        // where clones are kept between runs
	Jobs    int           // repositories scanned at once
	Timeout time.Duration // per repository, clone and scan together; 0 means none
	Shard   Shard
	// Force scans every repository again, even when its result is current.
	Force bool
	// KscanVersion and RulesVersion decide whether an earlier result is
	// current: a result made by another version is made again.
	KscanVersion string
	RulesVersion string
	Scan         Scanner
	Progress     Progress
	Now          func() time.Time
}

// Outcome of a run.
type Outcome struct {
	Entries  []Entry  // the shard's entries, in list order
	Statuses []Status // one per entry, in list order
	Reused   int      // results that were current and not made again
}

// Layout of the output directory.
const (
	ReposDir   = "repos"
	StatusFile = "status.json"
	SARIFFile  = "result.sarif"
)

// Run scans the entries of the shard and writes each repository's SARIF
// and status under out/repos/<key>/. Each status is written last, after
// its SARIF, so a run stopped at any point leaves only whole results; the
// next run skips those that are current. Run returns early only when ctx
// ends; a repository's failure is its status.
func Run(ctx context.Context, entries []Entry, o Options) (*Outcome, error) {
	if o.Jobs < 1 {
		o.Jobs = 1
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Progress == nil {
		o.Progress = nopProgress{}
	}
	if err := ownDir(filepath.Join(o.Out, ReposDir)); err != nil {
		return nil, err
	}
	out := &Outcome{}
	for _, e := range entries {
		if o.Shard.Holds(&e) {
			out.Entries = append(out.Entries, e)
		}
	}
	out.Statuses = make([]Status, len(out.Entries))
	reused := make([]bool, len(out.Entries))
	o.Progress.Start(len(out.Entries))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(o.Jobs)
	for i := range out.Entries {
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			e := &out.Entries[i]
			o.Progress.Begin(e)
			st, again, err := runOne(gctx, e, &o)
			if err != nil {
				return err
			}
			out.Statuses[i], reused[i] = st, again
			o.Progress.End(e, &out.Statuses[i], again)
			return nil
		})
	}
	err := g.Wait()
	o.Progress.Finish()
	if err == nil {
		err = ctx.Err()
	}
	for _, r := range reused {
		if r {
			out.Reused++
		}
	}
	return out, err
}

// runOne makes one repository's result, or reuses a current one. Its error
// is only the batch's own cancellation: nothing is written then.
func runOne(ctx context.Context, e *Entry, o *Options) (Status, bool, error) {
	start := o.Now()
	dir, err := repoDir(o.Out, e.Key)
	if err != nil {
		return Status{}, false, err // keys come from ParseList: a bug, not data
	}
	st := Status{Key: e.Key, Repository: e.Raw, Ref: e.Ref, Role: e.Role, Line: e.Line,
		Kind: "remote", KscanVersion: o.KscanVersion, RulesVersion: o.RulesVersion}
	if e.Local {
		st.Kind = "local"
	}
	finish := func(state, reason string) (Status, bool, error) {
		if ctx.Err() != nil {
			return st, false, ctx.Err()
		}
		st.State, st.Reason = state, reason
		st.DurationMS = o.Now().Sub(start).Milliseconds()
		st.Finished = o.Now().UTC().Format(time.RFC3339)
		return st, false, writeStatus(dir, &st)
	}
	if e.Invalid != "" {
		os.Remove(filepath.Join(dir, SARIFFile))
		return finish(StateInvalid, e.Invalid)
	}

	tctx := ctx
	if o.Timeout > 0 {
		var cancel context.CancelFunc
		tctx, cancel = context.WithTimeout(ctx, o.Timeout)
		defer cancel()
	}
	failed := func(state string, err error) (Status, bool, error) {
		if ctx.Err() != nil {
			return st, false, ctx.Err()
		}
		if errors.Is(err, context.DeadlineExceeded) || tctx.Err() != nil {
			return finish(StateTimedOut, fmt.Sprintf("no result within %s", o.Timeout))
		}
		if errors.Is(err, errEmptyRepo) {
			return finish(StateEmpty, err.Error())
		}
		return finish(state, err.Error())
	}

	var version string
	if e.Local {
		version, err = localVersion(tctx, e.Source)
	} else {
		version, err = remoteCommit(tctx, e.Source, e.Ref)
	}
	if err != nil {
		return failed(StateCloneFailed, err)
	}
	if !o.Force && version != "" {
		if prev, ok := reusable(o.Out, e, version, o); ok {
			return *prev, true, nil
		}
	}

	work := e.Source
	if !e.Local {
		work = CloneDir(o.Cache, e)
		if version, err = checkout(tctx, e.Source, e.Ref, version, work); err != nil {
			return failed(StateCloneFailed, err)
		}
		st.BrowseURL = browseURL(e.Ident, version)
	}
	st.Commit = version

	if err := ownDir(dir); err != nil {
		return st, false, err
	}
	final := filepath.Join(dir, SARIFFile)
	tmp := final + ".tmp"
	os.Remove(final) // a stale log must not stand beside a new status
	os.Remove(tmp)   // the scan writes a file of its own, not through what stood there
	if err := o.Scan(tctx, ScanRequest{Dir: work, Role: e.Role, SARIF: tmp}); err != nil {
		os.Remove(tmp)
		return failed(StateScanFailed, err)
	}
	if err := os.Rename(tmp, final); err != nil {
		return st, false, err
	}
	st.SARIF = sarifRel(e.Key)
	log, err := readSARIF(final)
	if err != nil {
		st.SARIF = ""
		os.Remove(final)
		return failed(StateScanFailed, fmt.Errorf("reading its SARIF: %v", err))
	}
	log.count(&st)
	if st.Notifications > 0 {
		return finish(StateScanErrors, log.problems())
	}
	return finish(StateOK, "")
}

// reusable returns the earlier result of e when it stands for this
// version: its status and SARIF log read back and checked (see
// loadStatus), with the counts taken again from the log. Anything else,
// a status that does not parse, names another log, or whose log is
// missing, outside the output directory or unparsable, means scanning
// again.
func reusable(out string, e *Entry, version string, o *Options) (*Status, bool) {
	prev, log, err := loadStatus(out, e.Key)
	if err != nil || !current(prev, version, o) {
		return nil, false
	}
	before, _ := json.Marshal(prev)
	log.count(prev)
	prev.State, prev.Reason = StateOK, ""
	if prev.Notifications > 0 {
		prev.State, prev.Reason = StateScanErrors, log.problems()
	}
	prev.Line, prev.Repository = e.Line, e.Raw // the list may have been edited around it
	if after, _ := json.Marshal(prev); string(after) != string(before) {
		dir, _ := repoDir(out, e.Key)
		if err := writeStatus(dir, prev); err != nil {
			return nil, false
		}
	}
	return prev, true
}

// current reports whether an earlier result stands for this commit and
// these versions. Failures are always tried again: most are transient.
func current(prev *Status, version string, o *Options) bool {
	return prev.Commit == version && prev.KscanVersion == o.KscanVersion && prev.RulesVersion == o.RulesVersion &&
		(prev.State == StateOK || prev.State == StateScanErrors)
}

// browseURL is the web page of a commit on the forges whose URL scheme is
// known; "" elsewhere.
func browseURL(ident, commit string) string {
	rest, ok := strings.CutPrefix(ident, "https://")
	if !ok {
		rest, ok = strings.CutPrefix(ident, "ssh://")
	}
	if !ok || commit == "" {
		return ""
	}
	host, path, _ := strings.Cut(rest, "/")
	switch host {
	case "github.com":
		return "https://github.com/" + path + "/blob/" + commit + "/"
	case "gitlab.com":
		return "https://gitlab.com/" + path + "/-/blob/" + commit + "/"
	case "bitbucket.org":
		return "https://bitbucket.org/" + path + "/src/" + commit + "/"
	}
	return ""
}

package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/kscan/kscan/internal/procstat"
	"github.com/kscan/kscan/scanner"
)

// processStart is when the process began, for --stats' whole-run account.
var processStart = time.Now()

// runTimes is what the CLI adds around the scan: the scan's own steps are
// in its Result.
type runTimes struct {
	scanStart, scanEnd time.Time
	report             time.Duration // writing the report (text, JSON or SARIF)
	format             string
}

// printStats reports throughput, the process's peak resident memory (which
// includes the parser's C heap, invisible to Go's own statistics) and where
// the run's wall time went.
func printStats(w io.Writer, res *scanner.Result, rt runTimes, jobs int) {
	st := res.Stats
	secs := st.Duration.Seconds()
	if secs <= 0 {
		secs = 1e-9
	}
	fmt.Fprintf(w, "kscan: %d files (%d parsed, %d skipped by the pre-filter), %.1f MB in %.2fs: %.0f files/s, %.1f MB/s, peak RSS %s\n",
		st.Files, st.Parsed, st.Skipped, float64(st.Bytes)/1e6, secs,
		float64(st.Files)/secs, float64(st.Bytes)/1e6/secs, procstat.PeakRSS())
	if st.Archives+st.Classes > 0 {
		fmt.Fprintf(w, "kscan: %d archives, %d classes: %.1f archives/s, %.0f classes/s\n",
			st.Archives, st.Classes, float64(st.Archives)/secs, float64(st.Classes)/secs)
		if st.Reused > 0 {
			fmt.Fprintf(w, "kscan: %d of the classes were copies of one scanned before, not decoded again (%d of them not inflated either)\n", st.Reused, st.Uninflated)
		}
	}
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	fmt.Fprintf(w, "kscan: where the time went (wall: the steps follow each other and add up to the total; worker: summed over workers running at once)\n")
	fmt.Fprintf(w, "kscan: %-22s %9s %9s\n", "step", "wall", "worker")
	for _, r := range phaseRows(st.Phases, rt, time.Now(), jobs) {
		if r.work >= 0 {
			fmt.Fprintf(w, "kscan: %-22s %8.3fs %8.3fs\n", r.name, r.wall.Seconds(), r.work.Seconds())
		} else {
			fmt.Fprintf(w, "kscan: %-22s %8.3fs\n", r.name, r.wall.Seconds())
		}
	}
}

// phaseRow is one line of the breakdown. Top-level rows (no indent) follow
// each other in time and add up to the total; an indented row is a part of
// the concurrent step above it: work is worker time summed over the
// workers, and wall is the step's wall time shared out in proportion to
// that work. work < 0: not concurrent.
type phaseRow struct {
	name       string
	wall, work time.Duration
	top        bool
}

func phaseRows(p scanner.Phases, rt runTimes, end time.Time, jobs int) []phaseRow {
	var rows []phaseRow
	top := func(name string, d time.Duration) {
		rows = append(rows, phaseRow{name: name, wall: d, work: -1, top: true})
	}
	concurrent := func(name string, wall time.Duration, w scanner.Work, withParse bool) {
		total := w.Total()
		rows = append(rows, phaseRow{name: fmt.Sprintf("%s (%d workers)", name, jobs), wall: wall, work: total, top: true})
		if total == 0 {
			return // no input of this kind
		}
		part := func(name string, d time.Duration) {
			share := time.Duration(0)
			if total > 0 {
				share = time.Duration(float64(wall) * float64(d) / float64(total))
			}
			rows = append(rows, phaseRow{name: "  " + name, wall: share, work: d})
		}
		part("read, pre-filter", w.Read)
		if withParse {
			part("parse", w.Parse)
		}
		part("extract", w.Extract)
		part("rules", w.Rules)
		part("call graph summaries", w.Graph)
	}
	top("start-up, configuration", rt.scanStart.Sub(processStart))
	top("discover", p.Discover)
	top("build files", p.Build)
	top("scope indexes (wait)", p.ScopeWait)
	concurrent("sources", p.Sources, p.SourceWork, true)
	concurrent("classes", p.Classes, p.ClassWork, false)
	top("config files", p.Config)
	top("call graph", p.Graph)
	top("project rules", p.Project)
	top("deps", p.Deps)
	// Other is inside the scan's own clock; the rest of the time between
	// the CLI's two clock readings is the call itself.
	top("merge, sort", p.Other+rt.scanEnd.Sub(rt.scanStart)-scanTotal(p))
	top("gate, notifications", end.Sub(rt.scanEnd)-rt.report)
	top("report ("+rt.format+")", rt.report)
	rows = append(rows, phaseRow{name: "total (wall)", top: false, wall: end.Sub(processStart), work: -1})
	return rows
}

// scanTotal is the sum of a scan's steps: its Duration.
func scanTotal(p scanner.Phases) time.Duration {
	return p.Discover + p.Build + p.ScopeWait + p.Sources + p.Classes + p.Config + p.Graph + p.Project + p.Deps + p.Other
}

// startCPUProfile profiles the process into path until stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// writeHeapProfile writes what is live on the Go heap now to path.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	defer f.Close()
	runtime.GC() // the live data, not what the last cycle left
	if err := pprof.WriteHeapProfile(f); err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	return nil
}

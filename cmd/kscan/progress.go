package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/kscan/kscan/scanner"
)

// progressDelay is how long a scan runs before a progress line appears: a
// quick scan prints nothing but its report.
const progressDelay = 2 * time.Second

// stderrIsTerminal reports whether standard error is a terminal, where a
// line can be redrawn in place.
func stderrIsTerminal() bool {
	fi, err := os.Stderr.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0 && os.Getenv("TERM") != "dumb"
}

// startProgress shows, on a terminal and once a scan has run for two
// seconds, one line redrawn in place with the inputs done; the returned
// function clears it. Nothing is shown when w is not a terminal, so logs
// and pipes get only the report.
func startProgress(w io.Writer, opts *scanner.Options) func() {
	if w != io.Writer(os.Stderr) || !stderrIsTerminal() {
		return func() {}
	}
	return progressLine(w, opts, progressDelay, 100*time.Millisecond)
}

func progressLine(w io.Writer, opts *scanner.Options, delay, every time.Duration) func() {
	var mu sync.Mutex
	start := time.Now()
	var last time.Time
	shown := false
	opts.Progress = func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		now := time.Now()
		if now.Sub(start) < delay || now.Sub(last) < every && done < total {
			return
		}
		last, shown = now, true
		pct := 0
		if total > 0 {
			pct = 100 * done / total
		}
		fmt.Fprintf(w, "\r\x1b[Kkscan: %d/%d inputs (%d%%), %s", done, total, pct, now.Sub(start).Round(time.Second))
	}
	return func() {
		mu.Lock()
		defer mu.Unlock()
		opts.Progress = nil
		if shown {
			fmt.Fprint(w, "\r\x1b[K")
		}
	}
}

package main

import (
	"fmt"
	"io"

	"github.com/kscan/kscan/internal/procstat"
	"github.com/kscan/kscan/scanner"
)

// printStats reports throughput and the process's peak resident memory
// (which includes the parser's C heap, invisible to Go's own statistics).
func printStats(w io.Writer, res *scanner.Result) {
	secs := res.Stats.Duration.Seconds()
	if secs <= 0 {
		secs = 1e-9
	}
	fmt.Fprintf(w, "kscan: %d files (%d parsed), %.1f MB in %.2fs: %.0f files/s, %.1f MB/s, peak RSS %s\n",
		res.Stats.Files, res.Stats.Parsed, float64(res.Stats.Bytes)/1e6, secs,
		float64(res.Stats.Files)/secs, float64(res.Stats.Bytes)/1e6/secs, procstat.PeakRSS())
	if res.Stats.Archives+res.Stats.Classes > 0 {
		fmt.Fprintf(w, "kscan: %d archives, %d classes: %.1f archives/s, %.0f classes/s\n",
			res.Stats.Archives, res.Stats.Classes, float64(res.Stats.Archives)/secs, float64(res.Stats.Classes)/secs)
	}
}

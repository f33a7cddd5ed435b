package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/kscan/kscan/internal/corpus"
)

// statsLine is what kscan batch --stats prints.
var statsLine = regexp.MustCompile(`(\d+) repositories \((\d+) reused\) in [0-9.]+s: ([0-9.]+) repositories/s; peak RSS (\d+)kB \(batch\), (\d+) kB \(largest scan\)`)

// BenchmarkBatch runs kscan batch over generated git repositories (about
// 40 kB of Java and a pom each, cloned through file:// URLs) and reports
// repositories/s and the peak RSS of the batch process and of the largest
// scan. The batch's own memory must not grow with the list: compare the
// batch-peak-kB of the 50 and 200 runs (make bench prints both).
func BenchmarkBatch(b *testing.B) {
	for _, n := range []int{50, 200} {
		b.Run(fmt.Sprintf("repos=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			list, err := corpus.GenerateRepos(filepath.Join(dir, "src"), n, 40_000)
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				work := filepath.Join(dir, fmt.Sprint("run", i))
				cmd := exec.Command(kscanBin, "batch", list, "-o", filepath.Join(work, "out"), "--cache", filepath.Join(work, "cache"),
					"--stats", "--progress", "none", "--fail-on", "none", "--jobs", "2", "--scan-jobs", "1")
				out, err := cmd.CombinedOutput()
				if err != nil {
					b.Fatalf("%v\n%s", err, out)
				}
				m := statsLine.FindSubmatch(out)
				if m == nil {
					b.Fatalf("no stats line in:\n%s", out)
				}
				if got, _ := strconv.Atoi(string(m[1])); got != n {
					b.Fatalf("%d repositories, want %d", got, n)
				}
				rate, _ := strconv.ParseFloat(string(m[3]), 64)
				batchRSS, _ := strconv.ParseFloat(string(m[4]), 64)
				scanRSS, _ := strconv.ParseFloat(string(m[5]), 64)
				b.ReportMetric(rate, "repos/s")
				b.ReportMetric(batchRSS, "batch-peak-kB")
				b.ReportMetric(scanRSS, "scan-peak-kB")
				os.RemoveAll(work)
			}
		})
	}
}

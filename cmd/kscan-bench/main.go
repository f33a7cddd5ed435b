// Command kscan-bench measures kscan's engine on a Java tree: files/s, MB/s
// and peak RSS for a full scan and for parsing alone, each in its own
// process so that peak memory is not shared. make bench drives it.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"

	"github.com/kscan/kscan/internal/corpus"
	"github.com/kscan/kscan/internal/procstat"
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner"
)

func main() {
	mode := flag.String("mode", "scan", "scan (all rules) or parse (parse only, the floor)")
	jobs := flag.Int("jobs", runtime.NumCPU(), "parallel parsers")
	gen := flag.String("generate", "", "write a synthetic corpus to this directory and exit")
	size := flag.Int64("size", 60<<20, "bytes to generate with -generate")
	one := flag.Bool("one", false, "with -generate: write the classes into one file, DIR/Large.java")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	memprofile := flag.String("memprofile", "", "write a heap profile (in-use at the end of the scan) to this file")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil && pprof.StartCPUProfile(f) == nil {
			defer pprof.StopCPUProfile()
		}
	}
	if *gen != "" {
		n, err := 0, error(nil)
		if *one {
			n, err = corpus.GenerateFile(filepath.Join(*gen, "Large.java"), *size, 1)
		} else {
			n, err = corpus.Generate(*gen, *size, 1)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "kscan-bench:", err)
			os.Exit(1)
		}
		unit := "files"
		if *one {
			unit = "classes in one file"
		}
		fmt.Printf("generated %d %s in %s\n", n, unit, *gen)
		return
	}
	opts := scanner.Options{Paths: flag.Args(), Jobs: *jobs, Rules: rules.All(), ParseOnly: *mode == "parse",
		MaxFileSize: 64 << 20}
	res, err := scanner.Scan(context.Background(), opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "kscan-bench:", err)
		os.Exit(1)
	}
	if *memprofile != "" {
		if f, err := os.Create(*memprofile); err == nil {
			runtime.GC()
			pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
	defer report(*mode, *jobs, res)
}

func report(mode string, jobs int, res *scanner.Result) {
	secs := res.Stats.Duration.Seconds()
	mb := float64(res.Stats.Bytes) / 1e6
	fmt.Printf("%-6s files=%d parsed=%d MB=%.1f seconds=%.2f files/s=%.0f MB/s=%.2f peakRSS=%s findings=%d jobs=%d\n",
		mode, res.Stats.Files, res.Stats.Parsed, mb, secs, float64(res.Stats.Files)/secs, mb/secs, procstat.PeakRSS(),
		len(res.Findings), jobs)
}

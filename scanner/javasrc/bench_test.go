package javasrc

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/kscan/kscan/rules"
)

// benchFiles is the benchmarks' fixed file set: the repository's Java
// fixtures, or the .java files under KSCAN_BENCH_CORPUS (the Spring
// sources, say) when it is set.
func benchFiles(b *testing.B) ([][]byte, int64) {
	b.Helper()
	dir := "../../testdata"
	if d := os.Getenv("KSCAN_BENCH_CORPUS"); d != "" {
		dir = d
	}
	var paths []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".java") {
			paths = append(paths, p)
		}
		return nil
	})
	sort.Strings(paths)
	var files [][]byte
	var total int64
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, src)
		total += int64(len(src))
	}
	if len(files) == 0 {
		b.Fatalf("no .java files under %s", dir)
	}
	return files, total
}

// rulesInterest is what the scanner asks for with every rule enabled.
func rulesInterest() Interest {
	in := Interest{Calls: map[string]bool{}, News: map[string]bool{}}
	for _, r := range rules.All() {
		for _, c := range r.Calls {
			in.Calls[c] = true
		}
		for _, n := range r.News {
			in.News[n] = true
		}
	}
	return in
}

// BenchmarkExtract compares a parse alone with a parse and the extraction
// the rules need, and with every call extracted, over the same files: the
// extraction's cost is the difference.
func BenchmarkExtract(b *testing.B) {
	files, total := benchFiles(b)
	all := rulesInterest()
	all.AllCalls = true
	const (
		parse = iota
		nodes
		extract
	)
	for _, bc := range []struct {
		name string
		in   Interest
		mode int
	}{
		{"parse", rulesInterest(), parse},
		{"parse+nodes", rulesInterest(), nodes}, // the node array, no facts
		{"parse+extract", rulesInterest(), extract},
		{"parse+extract-allcalls", all, extract},
	} {
		b.Run(bc.name, func(b *testing.B) {
			e, err := NewExtractor(bc.in, 0)
			if err != nil {
				b.Fatal(err)
			}
			defer e.Close()
			b.SetBytes(total)
			b.ReportAllocs()
			cpu := cpuNanos()
			for b.Loop() {
				for _, src := range files {
					switch bc.mode {
					case parse:
						err = e.ParseOnly(src)
					case nodes:
						_, err = e.p.parse(normalizeCR(src), 0)
					default:
						_, _, err = e.Extract("A.java", src, nil)
					}
					if err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(cpuNanos()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}

// Command kscan-floor sets the floors that make bench holds kscan against:
// the least work any scanner of the same inputs must do.
//
//	kscan-floor -mode class -jobs N PATH...  read every class of the jars, wars,
//	                                          ears (nested archives included) and
//	                                          class files under PATH: constant
//	                                          pool, fields, method headers, no
//	                                          code decoding
//	kscan-floor -mode java -jobs N PATH...   parse every .java file under PATH
//	                                          with tree-sitter and close the tree
//	                                          (-max-file-size: as kscan's)
//	kscan-floor -mode run -- CMD ARG...      run CMD and print its wall and CPU
//	                                          seconds and peak RSS
//
// The class floor shares only the archive walker with kscan and the Java
// floor only the tree-sitter binding, so neither moves when the engine
// changes. Each prints one line of key=value figures.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/java"

	"github.com/kscan/kscan/internal/procstat"
	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/scanner/archive"
)

func main() {
	mode := flag.String("mode", "class", "class, java or run")
	jobs := flag.Int("jobs", runtime.NumCPU(), "workers")
	// As kscan's --max-file-size: a larger file is skipped, so a tree with
	// one is compared with both limits raised alike.
	maxSize := flag.Int64("max-file-size", safefs.MaxSource, "java: skip files larger than this many bytes")
	flag.Parse()
	var err error
	switch *mode {
	case "class":
		err = classFloor(flag.Args(), max(*jobs, 1))
	case "java":
		err = javaFloor(flag.Args(), max(*jobs, 1), *maxSize)
	case "run":
		err = run(flag.Args())
	default:
		err = fmt.Errorf("unknown mode %q (want class, java or run)", *mode)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "kscan-floor:", err)
		os.Exit(1)
	}
}

// input is one file to read, largest first so that workers finish together.
type input struct {
	path string
	size int64
}

// collect lists the files under paths that want accepts, largest first.
func collect(paths []string, want func(string) bool) ([]input, error) {
	var out []input
	for _, p := range paths {
		err := filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && want(q) {
				fi, err := d.Info()
				if err != nil {
					return err
				}
				out = append(out, input{q, fi.Size()})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].size > out[j].size })
	return out, nil
}

// each runs fn on every input with n workers; fn gets its worker's index.
func each(in []input, n int, fn func(w int, f input)) {
	ch := make(chan input)
	var wg sync.WaitGroup
	for w := 0; w < n; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range ch {
				fn(w, f)
			}
		}()
	}
	for _, f := range in {
		ch <- f
	}
	close(ch)
	wg.Wait()
}

func isArchive(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".jar", ".war", ".ear":
		return true
	}
	return false
}

// maxClass caps one class file, as kscan's default archive entry cap does.
const maxClass = archive.DefaultMaxEntrySize

func classFloor(paths []string, jobs int) error {
	start := time.Now()
	in, err := collect(paths, func(p string) bool { return isArchive(p) || strings.HasSuffix(p, ".class") })
	if err != nil {
		return err
	}
	var classes, bad, nbytes, fields, methods, code atomic.Int64
	type scratch struct {
		r   classReader
		buf []byte
	}
	ws := make([]scratch, jobs)
	each(in, jobs, func(w int, f input) {
		s := &ws[w]
		one := func(data []byte) {
			ci, err := s.r.read(data)
			if err != nil {
				bad.Add(1)
				return
			}
			classes.Add(1)
			nbytes.Add(int64(len(data)))
			fields.Add(int64(ci.fields))
			methods.Add(int64(ci.methods))
			code.Add(int64(ci.codeBytes))
		}
		if !isArchive(f.path) {
			if data, err := safefs.ReadFile(f.path, maxClass); err == nil {
				one(data)
			}
			return
		}
		_ = archive.Walk(context.Background(), f.path, archive.Options{}, archive.VisitorFuncs{EntryFunc: func(e *archive.Entry) error {
			if e.IsArchive || !strings.HasSuffix(e.Name, ".class") {
				return nil
			}
			rc, err := e.Open()
			if err != nil {
				return nil
			}
			defer rc.Close()
			s.buf, err = readInto(s.buf[:0], rc)
			if err == nil {
				one(s.buf)
			}
			return nil
		}})
	})
	secs := time.Since(start).Seconds()
	fmt.Printf("class-floor inputs=%d classes=%d unreadable=%d MB=%.1f fields=%d methods=%d codeMB=%.1f seconds=%.2f classes/s=%.0f MB/s=%.1f peakRSS=%s jobs=%d\n",
		len(in), classes.Load(), bad.Load(), float64(nbytes.Load())/1e6, fields.Load(), methods.Load(), float64(code.Load())/1e6,
		secs, float64(classes.Load())/secs, float64(nbytes.Load())/1e6/secs, procstat.PeakRSS(), jobs)
	return nil
}

// readInto reads r to its end into buf, growing it only when a class is
// larger than any before it in this worker.
func readInto(buf []byte, r io.Reader) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

func javaFloor(paths []string, jobs int, maxSize int64) error {
	start := time.Now()
	in, err := collect(paths, func(p string) bool { return strings.HasSuffix(p, ".java") })
	if err != nil {
		return err
	}
	parsers := make([]*sitter.Parser, jobs)
	for i := range parsers {
		parsers[i] = sitter.NewParser()
		parsers[i].SetLanguage(java.GetLanguage())
		defer parsers[i].Close()
	}
	var files, failed, nbytes atomic.Int64
	each(in, jobs, func(w int, f input) {
		src, err := safefs.ReadFile(f.path, maxSize)
		if err != nil {
			return // over the size cap, or unreadable
		}
		t, err := parsers[w].ParseCtx(context.Background(), nil, src)
		if err != nil || t == nil {
			failed.Add(1)
			return
		}
		t.Close()
		files.Add(1)
		nbytes.Add(int64(len(src)))
	})
	secs := time.Since(start).Seconds()
	fmt.Printf("java-floor files=%d failed=%d MB=%.1f seconds=%.2f files/s=%.0f MB/s=%.1f peakRSS=%s jobs=%d\n",
		files.Load(), failed.Load(), float64(nbytes.Load())/1e6, secs, float64(files.Load())/secs,
		float64(nbytes.Load())/1e6/secs, procstat.PeakRSS(), jobs)
	return nil
}

// run times a command as a whole process: start-up and output included.
// Its output goes to /dev/null so that a terminal does not slow it.
func run(args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("run: no command")
	}
	cmd := exec.Command(args[0], args[1:]...)
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start).Seconds()
	if cmd.ProcessState == nil {
		return err
	}
	code := cmd.ProcessState.ExitCode()
	cpu := (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
	// The only child this process waits for: its peak is the children's.
	rss := procstat.ChildrenPeakRSS()
	fmt.Printf("run seconds=%.2f cpu=%.2f peakRSS=%dkB exit=%d cmd=%s\n", wall, cpu, rss, code, filepath.Base(args[0]))
	return nil
}

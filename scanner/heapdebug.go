package scanner

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
)

// heapAfterSources measures what the scan keeps from its inputs until the
// project pass, when KSCAN_HEAP is set: the heap in use after a collection
// once every input was read, on stderr, and when KSCAN_HEAP names a file
// other than "1", a heap profile of that moment (go tool pprof). The
// profile at the end of the scan (--memprofile) no longer shows what the
// project pass dropped.
func heapAfterSources() {
	v := os.Getenv("KSCAN_HEAP")
	if v == "" {
		return
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(os.Stderr, "kscan: heap after the sources step: %.1f MiB in use, %.1f MiB live objects (%d)\n",
		float64(ms.HeapInuse)/(1<<20), float64(ms.HeapAlloc)/(1<<20), ms.HeapObjects)
	heapRSS()
	if v == "1" {
		return
	}
	f, err := os.Create(v)
	if err != nil {
		fmt.Fprintf(os.Stderr, "kscan: KSCAN_HEAP: %v\n", err)
		return
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "kscan: KSCAN_HEAP: %v\n", err)
	}
}

// heapRSS prints the process's resident and peak resident memory beside
// what the Go runtime holds from the system: the difference is memory Go's
// profiles do not show (the parser's C heap, the C allocator's arenas).
func heapRSS() {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	goMem := float64(s[0].Value.Uint64()-s[1].Value.Uint64()) / (1 << 20)
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return // not Linux: nothing to add
	}
	field := func(name string) string {
		i := bytes.Index(status, []byte(name+":"))
		if i < 0 {
			return "?"
		}
		line := status[i+len(name)+1:]
		if j := bytes.IndexByte(line, '\n'); j >= 0 {
			line = line[:j]
		}
		return string(bytes.TrimSpace(line))
	}
	fmt.Fprintf(os.Stderr, "kscan: resident %s (peak %s); the Go runtime holds %.1f MiB of it at most\n",
		field("VmRSS"), field("VmHWM"), goMem)
}

package scanner

import (
	"fmt"
	"os"
	"runtime"
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

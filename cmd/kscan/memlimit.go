package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"sync/atomic"
)

// limitGrowth is how far above the live heap the soft memory limit is kept
// once the live heap outgrows defaultMemoryLimit's share: a limit fixed
// below what a large tree keeps alive until its project pass makes the
// collector run back to back (a quarter of a 44,798-file scan's CPU time),
// while a limit that follows the live heap lets it run once per half of
// the live heap allocated, as GOGC=50 would.
const limitGrowth = 1.5

// heapBudget caps the limit that limitGrowth sets, for the largest trees:
// above a live heap of heapBudget/limitGrowth (144 MiB) the limit stays at
// heapBudget until budgetGrowth times the live heap is more (180 MiB live),
// and then follows the live heap at budgetGrowth. The collector runs more
// often only there, near the end of the sources step and in the search for
// callers of a tree of 100,000 sources or more, where half the live heap
// again (the 1 GB tree: 315 MiB for 210.5 MiB live) was most of the
// resident peak; budgetGrowth bounds what it costs on still larger trees.
// 216 MiB: the search for callers no longer holds the word sets (36 MB on
// the 1 GB tree), and the limit came down by as much, the collector's
// room above the live heap there staying about what it was.
const (
	heapBudget   = 216 << 20
	budgetGrowth = 1.2
)

// softLimit is the soft memory limit for a live heap: floor, or
// limitGrowth times the live heap, capped at budget unless budgetGrowth
// times the live heap is more.
func softLimit(live, floor, budget int64) int64 {
	want := int64(float64(live) * limitGrowth)
	if want > budget {
		want = max(budget, int64(float64(live)*budgetGrowth))
	}
	return max(want, floor)
}

// followLiveHeap keeps the Go heap's soft limit at softLimit of the live
// heap, re-reading the live heap after every collection. Scans whose live
// heap stays under floor/limitGrowth (jar sets, most source trees) keep the
// fixed limit. stop ends the following (the limit stays where it is).
func followLiveHeap(floor int64) (stop func()) {
	var stopped atomic.Bool
	debug.SetMemoryLimit(floor)
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	var limit = floor
	var maxHeld int64 // the most the runtime has held at a collection
	var after func(*gcMark)
	after = func(m *gcMark) {
		if stopped.Load() {
			return
		}
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			live := int64(sample[0].Value.Uint64())
			peak.seen(live)
			want := softLimit(live, floor, max(heapBudget, floor))
			if sample[1].Value.Kind() == metrics.KindUint64 && sample[2].Value.Kind() == metrics.KindUint64 {
				held := int64(sample[1].Value.Uint64() - sample[2].Value.Uint64())
				maxHeld = max(maxHeld, held)
				want = withFreed(want, live, held, freedOutside(held, maxHeld))
			}
			if want != limit {
				limit = want
				debug.SetMemoryLimit(limit)
			}
		}
		// Re-armed: the finalizer of an unreachable object runs once,
		// after the collection that found it unreachable.
		if !stopped.Load() {
			runtime.SetFinalizer(m, after)
		}
	}
	runtime.SetFinalizer(&gcMark{}, after)
	return func() { stopped.Store(true) }
}

// withFreed raises the limit want by memory outside the Go runtime that
// the process held at its resident peak and has freed since (a large
// source's parse tree): the heap may then grow as GOGC=100 would, by the
// live heap above what the runtime holds now, without a higher peak. Near
// the budget, one 10 MB source's facts made the collector run back to
// back. Only that memory: room the heap itself made would raise the peak a
// little at each turn. The bound is what the runtime holds plus the live
// heap, not twice the live heap: the limit counts the runtime's free and
// fragmented spans too (60 MB beside 80 MB live on the trees of
// docs/performance.md), and twice the live heap left the collector 10 to
// 20 MB to allocate between runs.
func withFreed(want, live, held, freed int64) int64 {
	if freed <= 0 {
		return want
	}
	return max(want, min(want+freed, held+live))
}

// freedOutside is how much of the memory outside the Go runtime at the
// process's resident peak has been freed since, the runtime holding held
// bytes now and at most maxHeld at any collection: the peak less the most
// the runtime held there is at least what was outside it then, and the
// resident set less held is what is outside it now. 0 where the kernel
// does not say.
func freedOutside(held, maxHeld int64) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	return freedSince(statusKB(data, "VmHWM:"), statusKB(data, "VmRSS:"), held, maxHeld)
}

// freedSince is freedOutside's arithmetic, for a resident peak hwm and a
// resident set rss now (0: unknown).
func freedSince(hwm, rss, held, maxHeld int64) int64 {
	if hwm <= 0 || rss <= 0 {
		return 0
	}
	return max(0, (hwm-maxHeld)-max(0, rss-held))
}

// statusKB reads a "Key: N kB" line of /proc/self/status, in bytes (0 when
// absent).
func statusKB(data []byte, key string) int64 {
	i := bytes.Index(data, []byte(key))
	if i < 0 {
		return 0
	}
	f := bytes.Fields(data[i+len(key):])
	if len(f) < 2 || string(f[1]) != "kB" {
		return 0
	}
	n, err := strconv.ParseInt(string(f[0]), 10, 64)
	if err != nil {
		return 0
	}
	return n << 10
}

// peakHeap records the largest live heap of a run when KSCAN_HEAP is set,
// where the peak's resident size comes from: printed at the end, and when
// KSCAN_HEAP names a file, a heap profile of that moment in FILE.peak
// (rewritten each time the live heap grows by 2%).
type peakHeap struct {
	on   bool
	file string
	live atomic.Int64 // read at the end, while a collection may still run
}

var peak peakHeap

func (p *peakHeap) seen(live int64) {
	last := p.live.Load()
	if !p.on || live <= last {
		return
	}
	grown := live > last+last/50
	p.live.Store(live)
	if grown && p.file != "" {
		// The profile is of the collection that just ended: this one.
		if f, err := os.Create(p.file); err == nil {
			pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
}

// report prints the largest live heap seen.
func (p *peakHeap) report() {
	if p.on {
		fmt.Fprintf(os.Stderr, "kscan: largest live heap %.1f MiB\n", float64(p.live.Load())/(1<<20))
	}
}

// gcMark is an object whose finalizer runs after each collection.
type gcMark struct{ _ [32]byte }

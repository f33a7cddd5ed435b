package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// limitGrowth is how far above the live heap the soft memory limit is kept
// once the live heap outgrows defaultMemoryLimit's share: a limit fixed
// below what a large tree keeps alive until its project pass makes the
// collector run back to back (a quarter of a 44,798-file scan's CPU time),
// while a limit that follows the live heap lets it run once per half of
// the live heap allocated, as GOGC=50 would.
const limitGrowth = 1.5

// followLiveHeap keeps the Go heap's soft limit at floor, or at
// limitGrowth times the live heap when that is more, re-reading the live
// heap after every collection. Scans whose live heap stays under
// floor/limitGrowth (jar sets, most source trees) keep the fixed limit.
// stop ends the following (the limit stays where it is).
func followLiveHeap(floor int64) (stop func()) {
	var stopped atomic.Bool
	debug.SetMemoryLimit(floor)
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var limit = floor
	var after func(*gcMark)
	after = func(m *gcMark) {
		if stopped.Load() {
			return
		}
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			want := int64(float64(sample[0].Value.Uint64()) * limitGrowth)
			if want < floor {
				want = floor
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

// gcMark is an object whose finalizer runs after each collection.
type gcMark struct{ _ [32]byte }

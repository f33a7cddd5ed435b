package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// The soft limit rises with the live heap and falls back to its floor
// when the heap is freed.
func TestFollowLiveHeap(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	const floor = 4 << 20
	defer followLiveHeap(floor)()
	wait := func(ok func(int64) bool) int64 {
		var l int64
		for i := 0; i < 200; i++ {
			runtime.GC()
			time.Sleep(5 * time.Millisecond) // the finalizer runs on its own goroutine
			if l = debug.SetMemoryLimit(-1); ok(l) {
				break
			}
		}
		return l
	}
	live := make([][]byte, 64)
	for i := range live {
		live[i] = make([]byte, 1<<20)
	}
	if l := wait(func(l int64) bool { return l >= 64<<20*limitGrowth }); l < 64<<20*limitGrowth {
		t.Fatalf("limit %d with 64 MiB live, want at least %d", l, int64(64<<20*limitGrowth))
	}
	runtime.KeepAlive(live)
	live = nil
	if l := wait(func(l int64) bool { return l < 16<<20 }); l >= 16<<20 {
		t.Fatalf("limit %d once the heap is freed, want near the floor %d", l, floor)
	}
}

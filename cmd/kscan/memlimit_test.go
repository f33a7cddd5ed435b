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

// The limit is limitGrowth times the live heap up to the budget, stays at
// the budget until budgetGrowth times the live heap is more, then follows
// that.
func TestSoftLimit(t *testing.T) {
	const mib = 1 << 20
	tests := []struct {
		live, want int64
	}{
		{0, 160 * mib},           // the floor
		{100 * mib, 160 * mib},   // 150 MiB: still the floor
		{140 * mib, 210 * mib},   // limitGrowth
		{170 * mib, 255 * mib},   // limitGrowth, just under the budget
		{200 * mib, 256 * mib},   // capped at the budget
		{210 * mib, 256 * mib},   // still the budget: 252 MiB at budgetGrowth
		{250 * mib, 300 * mib},   // budgetGrowth beyond it
		{1000 * mib, 1200 * mib}, // however large
	}
	for _, tt := range tests {
		if got := softLimit(tt.live, 160*mib, 256*mib); got != tt.want {
			t.Errorf("softLimit(%d MiB) = %d MiB, want %d MiB", tt.live/mib, got/mib, tt.want/mib)
		}
	}
	// A floor above the budget wins.
	if got := softLimit(200*mib, 400*mib, 256*mib); got != 400*mib {
		t.Errorf("floor above the budget: %d MiB, want 400 MiB", got/mib)
	}
}

// statusKB reads the sizes of /proc/self/status in bytes.
func TestStatusKB(t *testing.T) {
	data := []byte("Name:\tkscan\nVmHWM:\t  549968 kB\nVmRSS:\t  213000 kB\nThreads:\t5\n")
	if got := statusKB(data, "VmHWM:"); got != 549968<<10 {
		t.Errorf("VmHWM = %d, want %d", got, 549968<<10)
	}
	if got := statusKB(data, "VmRSS:"); got != 213000<<10 {
		t.Errorf("VmRSS = %d, want %d", got, 213000<<10)
	}
	if got := statusKB(data, "VmSwap:"); got != 0 {
		t.Errorf("VmSwap = %d, want 0 (absent)", got)
	}
	if got := statusKB(data, "Threads:"); got != 0 {
		t.Errorf("Threads = %d, want 0 (not in kB)", got)
	}
}

// Only memory outside the runtime, freed since the peak, is room: a peak
// the heap itself made gives none, so the limit cannot climb with it.
func TestFreedSince(t *testing.T) {
	const mib = 1 << 20
	for _, tt := range []struct {
		name                    string
		hwm, rss, held, maxHeld int64
		want                    int64
	}{
		{"a parse tree freed", 540 * mib, 260 * mib, 220 * mib, 230 * mib, 270 * mib},
		{"the heap's own peak", 320 * mib, 300 * mib, 260 * mib, 280 * mib, 0},
		{"still outside", 540 * mib, 530 * mib, 200 * mib, 210 * mib, 0},
		{"unknown", 0, 0, 200 * mib, 210 * mib, 0},
	} {
		if got := freedSince(tt.hwm, tt.rss, tt.held, tt.maxHeld); got != tt.want {
			t.Errorf("%s: %d MiB, want %d MiB", tt.name, got/mib, tt.want/mib)
		}
	}
}

// Freed room raises the limit by at most what was freed, and at most to
// what the runtime holds plus the live heap (GOGC=100's room).
func TestWithFreed(t *testing.T) {
	const mib = 1 << 20
	for _, tt := range []struct {
		name                             string
		want, live, held, freed, wantGot int64
	}{
		{"nothing freed", 160 * mib, 80 * mib, 150 * mib, 0, 160 * mib},
		{"bounded by held plus live", 160 * mib, 80 * mib, 150 * mib, 300 * mib, 230 * mib},
		{"bounded by what was freed", 160 * mib, 80 * mib, 150 * mib, 20 * mib, 180 * mib},
		{"never below want", 216 * mib, 60 * mib, 100 * mib, 300 * mib, 216 * mib},
	} {
		if got := withFreed(tt.want, tt.live, tt.held, tt.freed); got != tt.wantGot {
			t.Errorf("%s: %d MiB, want %d MiB", tt.name, got/mib, tt.wantGot/mib)
		}
	}
}

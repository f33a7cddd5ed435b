package scanner

import (
	"sync"
	"sync/atomic"
)

// onWorkers calls each(w, i) for every i in [0, n) on max(1, jobs)
// goroutines (no more than n), worker w taking the next index whenever it
// finishes one, and returns when all are done. w, below the worker count,
// picks the worker's own state (an extractor, a scratch buffer).
func onWorkers(jobs, n int, each func(w, i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range max(1, min(jobs, n)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				each(w, i)
			}
		}()
	}
	wg.Wait()
}

package scanner

import (
	"context"
	"os"
	"sort"
	"sync"
)

// largeSource is the size from which a source is scanned before the
// others and never beside another such source. The walk reads no sizes
// (a source's read checks the cap), so in walk order a 10 MB generated
// parser found late was parsed alone at the end, one core idle for its
// whole parse; and a parse tree takes tens of times its source's bytes,
// so two large sources parsed at once double the scan's peak.
const largeSource = 1 << 20

// largeSources finds the sources of at least largeSource bytes among the
// walk's, beside the steps that come before the sources
// (the build files, the scope's indexes): a stat per source, where
// those steps keep both cores busy only on large trees and last as long
// as the stats on small ones.
type largeSources struct {
	done  chan struct{}
	sizes map[*input]int64 // the walk's inputs (the sources step gets the same slice)
}

func findLargeSources(files []input) *largeSources {
	l := &largeSources{done: make(chan struct{})}
	go func() {
		defer close(l.done)
		for i := range files {
			if files[i].size >= 0 {
				// Named on the command line: sized already.
				if files[i].size >= largeSource {
					l.add(&files[i], files[i].size)
				}
				continue
			}
			if fi, err := os.Lstat(files[i].abs()); err == nil && fi.Mode().IsRegular() && fi.Size() >= largeSource {
				l.add(&files[i], fi.Size())
			}
		}
	}()
	return l
}

func (l *largeSources) add(in *input, size int64) {
	if l.sizes == nil {
		l.sizes = map[*input]int64{}
	}
	l.sizes[in] = size
}

// wait returns the large sources' sizes once every source was looked at;
// nil for none (or no search).
func (l *largeSources) wait() map[*input]int64 {
	if l == nil {
		return nil
	}
	<-l.done
	return l.sizes
}

// sourceQueue hands sources to the workers: the large ones first, the
// largest first, at most one of them at a time (a worker that cannot take
// the next large one takes a small one); the others in the order given.
// The findings do not depend on the order: they are sorted at the end.
type sourceQueue struct {
	mu    sync.Mutex
	cond  sync.Cond
	large []*input
	rest  []*input
	busy  bool // a large source is being scanned
}

func newSourceQueue(inputs []*input, sizes map[*input]int64) *sourceQueue {
	q := &sourceQueue{}
	q.cond.L = &q.mu
	type big struct {
		in   *input
		size int64
	}
	var bigs []big
	for _, in := range inputs {
		if n, ok := sizes[in]; ok {
			bigs = append(bigs, big{in, n})
		} else {
			q.rest = append(q.rest, in)
		}
	}
	// Ties by path, so that the order is the same from run to run.
	sort.SliceStable(bigs, func(i, j int) bool {
		if bigs[i].size != bigs[j].size {
			return bigs[i].size > bigs[j].size
		}
		return relCompare(bigs[i].in, bigs[j].in) < 0
	})
	for _, b := range bigs {
		q.large = append(q.large, b.in)
	}
	return q
}

// next is the next source to scan and whether it is a large one (the
// caller then calls done after its scan); nil when none is left or ctx is
// done.
func (q *sourceQueue) next(ctx context.Context) (*input, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for ctx.Err() == nil {
		switch {
		case !q.busy && len(q.large) > 0:
			in := q.large[0]
			q.large = q.large[1:]
			q.busy = true
			return in, true
		case len(q.rest) > 0:
			in := q.rest[0]
			q.rest = q.rest[1:]
			return in, false
		case len(q.large) == 0:
			return nil, false
		}
		q.cond.Wait() // only large ones left, and one is being scanned
	}
	return nil, false
}

// done ends the scan of the large source next handed out.
func (q *sourceQueue) done() {
	q.mu.Lock()
	q.busy = false
	q.mu.Unlock()
	q.cond.Broadcast()
}

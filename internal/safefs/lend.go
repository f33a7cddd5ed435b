package safefs

import (
	"sync"
	"sync/atomic"
)

// Lent is a file's bytes in a buffer lent from a pool, for a reader that is
// done with them before it reads another file: a pass that searches each
// source and keeps what it found as strings. A scan reads its sources
// several times over (the scope indexes, the rules' step, the search for
// callers); a fresh buffer for each read was a third of all the bytes a
// large tree's scan allocated, and each collection they brought on marked
// the scan's whole live heap again.
type Lent struct {
	// Data is the file's content, valid until Release.
	Data  []byte
	buf   []byte // the pool's storage, kept between reads
	large []byte // a buffer above maxLent that Data is in, for the pool's large slot
}

// maxLent is the largest buffer the pool keeps: a larger file's buffer goes
// to the collector after it is read, so that a few large files do not pin
// their size in every pooled buffer.
const maxLent = 1 << 20

// minLent is the smallest buffer the pool lends: most sources fit it, so
// a buffer seldom has to grow from one file to the next.
const minLent = 64 << 10

// lentCap is the capacity of a new buffer for n bytes: minLent, or the
// power of two at or above n up to maxLent; n itself above that.
func lentCap(n int64) int64 {
	if n > maxLent {
		return n
	}
	c := int64(minLent)
	for c < n {
		c <<= 1
	}
	return c
}

// lentFree holds the buffers given back, at most maxFree of them. A
// sync.Pool is emptied by the collections, which a large tree's scan runs
// every few tens of megabytes it allocates: most reads then found it
// empty and made a new buffer (467 MB of the trees' allocation). Readers
// at once are few (the workers of a step), so a few buffers serve them
// all; they hold no pointers for the collector to follow.
var lentFree struct {
	sync.Mutex
	free  []*Lent
	large []byte // the largest buffer above maxLent given back, for the next large file
}

// lentBuf is a buffer for a file of n bytes that the reader's own buffer
// cannot hold: the large slot's when n is above maxLent and it is large
// enough, else a new one. The search for callers reads a generated 10 MB
// source once for each batch of names (46 times on the trees as one,
// 483 MB): one buffer kept for the largest file read serves them all.
func lentBuf(n int64) []byte {
	if n > maxLent {
		lentFree.Lock()
		b := lentFree.large
		if int64(cap(b)) >= n {
			lentFree.large = nil
			lentFree.Unlock()
			return b[:0]
		}
		lentFree.Unlock()
	}
	return make([]byte, 0, lentCap(n))
}

// maxFree bounds the buffers kept, and so what they hold: at most maxFree
// times maxLent.
const maxFree = 8

func getLent() *Lent {
	lentFree.Lock()
	defer lentFree.Unlock()
	if n := len(lentFree.free); n > 0 {
		l := lentFree.free[n-1]
		lentFree.free[n-1] = nil
		lentFree.free = lentFree.free[:n-1]
		return l
	}
	return new(Lent)
}

func putLent(l *Lent) {
	lentFree.Lock()
	defer lentFree.Unlock()
	if l.large != nil {
		if cap(l.large) > cap(lentFree.large) {
			lentFree.large = l.large
		}
		l.large = nil
	}
	if len(lentFree.free) < maxFree {
		lentFree.free = append(lentFree.free, l)
	}
}

// poisonLent makes Release overwrite the bytes it takes back, so that a
// test shows nothing read through a Lent outlives its Release.
var poisonLent atomic.Bool

// PoisonLent turns on or off the overwriting of released buffers (a test's
// switch: a result that changes with it kept bytes it had given back).
func PoisonLent(on bool) { poisonLent.Store(on) }

// poisonByte fills released buffers: not ASCII, so no Java token is made of it.
const poisonByte = 0xA5

// ReadLent reads path as ReadFile does, into a buffer lent from a pool; the
// caller calls Release once it no longer uses Data or any slice of it.
func ReadLent(path string, max int64) (*Lent, error) {
	l := getLent()
	data, err := readFileBuf(path, max, l.buf)
	if err != nil {
		l.Data = nil
		putLent(l)
		return nil, err
	}
	l.Data = data
	if cap(data) <= maxLent {
		l.buf = data[:0]
	} else {
		l.large = data[:0]
	}
	return l, nil
}

// Release gives the buffer back; Data is nil after it.
func (l *Lent) Release() {
	if poisonLent.Load() {
		d := l.Data[:cap(l.Data)]
		for i := range d {
			d[i] = poisonByte
		}
	}
	l.Data = nil
	putLent(l)
}

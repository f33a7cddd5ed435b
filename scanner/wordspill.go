package scanner

import (
	"bufio"
	"encoding/binary"
	"io"
	"os"
	"sync"
)

// spillAfter is how many sources keep their word sets in memory before
// the rest go to a temporary file (2 MiB of sets). The sets are read only
// by the search for callers and the verdicts after it; in the sources
// step of a large tree they would sit beside the production classifier's
// state for every directory, and in the search beside the call graph,
// and make the peak: on a tree of 158,000 sources they are 40 MB.
var spillAfter = 8192

// spillChunk is how many sets the search reads from the file at a time
// (1 MiB): its passes go through the sources in path order, which
// reorder gives the file, so a pass reads each chunk once.
const spillChunk = 4096

// setBytes is the size of a set in the file.
const setBytes = len(wordSet{}) * 8

// wordSpill is an append-only temporary file of word sets, 256 bytes
// each. When the file cannot be created or written, the sets stay in
// memory; when it cannot be read, get reports no set (which the search
// takes as a file that may hold every word, and reads it).
type wordSpill struct {
	f      *os.File
	w      *bufio.Writer
	n      int32
	broken bool
	// mu guards the chunk read last: the sets from index at on.
	mu    sync.Mutex
	at    int32
	chunk []wordSet
	buf   []byte
}

// put appends a set and returns its index.
func (s *wordSpill) put(ws *wordSet) (int32, bool) {
	if s.broken {
		return 0, false
	}
	if s.f == nil {
		f, err := os.CreateTemp("", "kscan-words-*")
		if err != nil {
			s.broken = true
			return 0, false
		}
		s.f, s.w = f, bufio.NewWriterSize(f, 64<<10)
	}
	var b [setBytes]byte
	encodeSet(b[:], ws)
	if _, err := s.w.Write(b[:]); err != nil {
		s.broken = true
		return 0, false
	}
	s.n++
	return s.n - 1, true
}

func encodeSet(b []byte, ws *wordSet) {
	for i, v := range ws {
		binary.LittleEndian.PutUint64(b[i*8:], v)
	}
}

func decodeSet(ws *wordSet, b []byte) {
	for i := range ws {
		ws[i] = binary.LittleEndian.Uint64(b[i*8:])
	}
}

// get copies set i into ws; false when the file cannot be read there.
func (s *wordSpill) get(i int32, ws *wordSet) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f == nil || i < 0 || i >= s.n {
		return false
	}
	if s.chunk == nil || i < s.at || i >= s.at+int32(len(s.chunk)) {
		if !s.readChunk(i - i%spillChunk) {
			return false
		}
	}
	*ws = s.chunk[i-s.at]
	return true
}

// readChunk reads the chunk of sets from index at, flushing what put
// wrote first.
func (s *wordSpill) readChunk(at int32) bool {
	s.chunk = s.chunk[:0]
	if s.w != nil {
		if s.w.Flush() != nil {
			return false
		}
	}
	if !s.readSets(at, &s.chunk, &s.buf) {
		return false
	}
	s.at = at
	return true
}

// readSets reads the chunk of sets from index at into *chunk, through
// *buf; the file is read at an offset, so that several readers can.
func (s *wordSpill) readSets(at int32, chunk *[]wordSet, buf *[]byte) bool {
	n := min(spillChunk, int(s.n-at))
	if cap(*buf) < n*setBytes {
		*buf = make([]byte, spillChunk*setBytes)
	}
	b := (*buf)[:n*setBytes]
	if _, err := s.f.ReadAt(b, int64(at)*int64(setBytes)); err != nil && err != io.EOF {
		return false
	}
	if cap(*chunk) < n {
		*chunk = make([]wordSet, 0, spillChunk)
	}
	*chunk = (*chunk)[:n]
	for k := range *chunk {
		decodeSet(&(*chunk)[k], b[k*setBytes:])
	}
	return true
}

// spillReader reads the sets a chunk at a time into a chunk of its own:
// workers passing over the sources at once then do not take turns with
// the one chunk get keeps, reading it again at every switch. Only once
// put is done (the search, after reorder).
type spillReader struct {
	s     *wordSpill
	at    int32
	chunk []wordSet
	buf   []byte
}

// get copies set i into ws; false when the file cannot be read there.
func (r *spillReader) get(i int32, ws *wordSet) bool {
	s := r.s
	if s.w != nil {
		return s.get(i, ws) // not reordered: put's writes may wait in its buffer
	}
	if s.f == nil || i < 0 || i >= s.n {
		return false
	}
	if r.chunk == nil || i < r.at || i >= r.at+int32(len(r.chunk)) {
		at := i - i%spillChunk
		if !s.readSets(at, &r.chunk, &r.buf) {
			r.chunk = r.chunk[:0]
			return false
		}
		r.at = at
	}
	*ws = r.chunk[i-r.at]
	return true
}

// reorder rewrites the file with the sets at the indices olds, in that
// order: set k of the new file is set olds[k] of the old one. The search
// asks for the sets in the order of its sources, by path, and reads the
// file a chunk at a time. false (and no sets) when the file could not be
// rewritten.
func (s *wordSpill) reorder(olds []int32) bool {
	if s.f == nil {
		return false
	}
	f, err := os.CreateTemp("", "kscan-words-*")
	if err != nil {
		s.fail()
		return false
	}
	w := bufio.NewWriterSize(f, 64<<10)
	var ws wordSet
	var b [setBytes]byte
	for _, i := range olds {
		// The sets were written in about the order the walk met the
		// files, near path order: the chunk read for one mostly holds
		// the next.
		if !s.get(i, &ws) {
			f.Close()
			os.Remove(f.Name())
			s.fail()
			return false
		}
		encodeSet(b[:], &ws)
		if _, err := w.Write(b[:]); err != nil {
			f.Close()
			os.Remove(f.Name())
			s.fail()
			return false
		}
	}
	if w.Flush() != nil {
		f.Close()
		os.Remove(f.Name())
		s.fail()
		return false
	}
	s.discard()
	s.f, s.n = f, int32(len(olds))
	return true
}

// fail drops the file: no set can be read from it any more.
func (s *wordSpill) fail() {
	s.discard()
	s.broken = true
}

// discard removes the file, at the end of the scan.
func (s *wordSpill) discard() {
	if s.f != nil {
		s.f.Close()
		os.Remove(s.f.Name())
	}
	s.f, s.w, s.n = nil, nil, 0
	s.chunk, s.buf = nil, nil
}

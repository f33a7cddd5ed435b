package scanner

import (
	"bufio"
	"encoding/binary"
	"io"
	"os"
)

// spillAfter is how many sources keep their word sets in memory before
// the rest go to a temporary file (2 MiB of sets). The sets are read only
// by the search for callers, after the sources step; in the sources step
// of a large tree they would sit beside the production classifier's state
// for every directory, which is dropped at its end, and make the peak: on
// a tree of 158,000 sources they are 40 MB.
var spillAfter = 8192

// wordSpill is an append-only temporary file of word sets, 256 bytes
// each. When the file cannot be created or written, the sets stay in
// memory.
type wordSpill struct {
	f      *os.File
	w      *bufio.Writer
	n      int32
	broken bool
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
	var b [len(wordSet{}) * 8]byte
	for i, v := range ws {
		binary.LittleEndian.PutUint64(b[i*8:], v)
	}
	if _, err := s.w.Write(b[:]); err != nil {
		s.broken = true
		return 0, false
	}
	s.n++
	return s.n - 1, true
}

// load reads every set back and removes the file; fewer sets than were
// put when the file cannot be read whole.
func (s *wordSpill) load() []wordSet {
	if s.f == nil {
		return nil
	}
	defer func() {
		s.f.Close()
		os.Remove(s.f.Name())
		s.f, s.w = nil, nil
	}()
	if s.w.Flush() != nil {
		return nil
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return nil
	}
	sets := make([]wordSet, s.n)
	r := bufio.NewReaderSize(s.f, 64<<10)
	var b [len(wordSet{}) * 8]byte
	for i := range sets {
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return sets[:i]
		}
		for j := range sets[i] {
			sets[i][j] = binary.LittleEndian.Uint64(b[j*8:])
		}
	}
	return sets
}

// discard removes the file of a scan that ended before loading it.
func (s *wordSpill) discard() {
	if s.f != nil {
		s.f.Close()
		os.Remove(s.f.Name())
		s.f, s.w = nil, nil
	}
}

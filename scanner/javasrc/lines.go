package javasrc

import (
	"bytes"
	"sort"
)

// lineTable maps byte offsets to lines: LF, CRLF and a lone CR each end a
// line (the text it is built on has had lone CRs turned into LFs).
type lineTable struct {
	starts []int32 // offsets where lines start; built on first use
	src    []byte
}

func newLineTable(src []byte) *lineTable { return &lineTable{src: src} }

func (l *lineTable) build() {
	n := bytes.Count(l.src, []byte{'\n'})
	l.starts = make([]int32, 1, n+1)
	for i, c := range l.src {
		if c == '\n' {
			l.starts = append(l.starts, int32(i+1))
		}
	}
}

// line is the 1-based line of offset off.
func (l *lineTable) line(off int) int {
	if l.starts == nil {
		l.build()
	}
	return sort.Search(len(l.starts), func(i int) bool { return int(l.starts[i]) > off })
}

// position is the 1-based line and 1-based byte column of offset off.
func (l *lineTable) position(off int) (int, int) {
	line := l.line(off)
	return line, off - int(l.starts[line-1]) + 1
}

// lineStart is the offset where the line holding off starts.
func (l *lineTable) lineStart(off int) int {
	return int(l.starts[l.line(off)-1])
}

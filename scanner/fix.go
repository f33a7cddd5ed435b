package scanner

import (
	"fmt"
	"sort"

	"github.com/kscan/kscan/rules"
)

// ApplyEdits applies non-overlapping byte edits to src. Overlapping edits
// (two fixes for one spot) are an error rather than a guess.
func ApplyEdits(src []byte, edits []rules.Edit) ([]byte, error) {
	es := append([]rules.Edit(nil), edits...)
	sort.SliceStable(es, func(i, j int) bool { return es[i].Span.Start < es[j].Span.Start })
	out := make([]byte, 0, len(src))
	at := 0
	for _, e := range es {
		if e.Span.Start < at || e.Span.End < e.Span.Start || e.Span.End > len(src) {
			return nil, fmt.Errorf("edit at bytes %d-%d overlaps another or lies outside the file", e.Span.Start, e.Span.End)
		}
		out = append(out, src[at:e.Span.Start]...)
		out = append(out, e.New...)
		at = e.Span.End
	}
	return append(out, src[at:]...), nil
}

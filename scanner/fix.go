package scanner

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/javasrc"
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

// FilePatch is the fixed content of one file.
type FilePatch struct {
	Path     string // relative to the scan root
	Abs      string
	Old, New []byte
	Fixed    int // findings whose fix is applied
}

// SkippedFix is a fix that was not applied, and why.
type SkippedFix struct {
	Path   string
	Line   int
	RuleID string
	Reason string
}

// PlanFixes applies, per file, the first fix of every finding that has one
// and is not suppressed. A fix that overlaps one already taken in the same
// file is skipped (a later run picks it up), and a file whose fixed text
// no longer parses is left alone.
func PlanFixes(res *Result) ([]FilePatch, []SkippedFix, error) {
	byPath := map[string][]rules.Finding{}
	var paths []string
	for _, f := range res.Findings {
		if len(f.Fixes) == 0 || len(f.Suppressed) > 0 {
			continue
		}
		if _, ok := byPath[f.Path]; !ok {
			paths = append(paths, f.Path)
		}
		byPath[f.Path] = append(byPath[f.Path], f)
	}
	sort.Strings(paths)
	var patches []FilePatch
	var skipped []SkippedFix
	for _, p := range paths {
		abs := filepath.Join(res.Root, filepath.FromSlash(p))
		old, err := os.ReadFile(abs)
		if err != nil {
			return nil, nil, err
		}
		var edits []rules.Edit
		taken := 0
		for _, f := range byPath[p] {
			fx := f.Fixes[0]
			if overlaps(edits, fx.Edits) {
				skipped = append(skipped, SkippedFix{p, f.Region.StartLine, f.RuleID, "overlaps another fix; run kscan fix again"})
				continue
			}
			edits = append(edits, fx.Edits...)
			taken++
		}
		for i := range edits {
			edits[i].Span = facts.Span{Start: edits[i].Region.ByteOffset, End: edits[i].Region.ByteOffset + edits[i].Region.ByteLength}
		}
		fixed, err := ApplyEdits(old, edits)
		if err != nil {
			skipped = append(skipped, SkippedFix{p, 0, "", err.Error()})
			continue
		}
		if strings.HasSuffix(p, ".java") && javasrc.SyntaxOK(old) && !javasrc.SyntaxOK(fixed) {
			skipped = append(skipped, SkippedFix{p, 0, "", "the fixed file would not parse; left unchanged"})
			continue
		}
		patches = append(patches, FilePatch{Path: p, Abs: abs, Old: old, New: fixed, Fixed: taken})
	}
	return patches, skipped, nil
}

func overlaps(have, add []rules.Edit) bool {
	for _, a := range add {
		as, ae := a.Region.ByteOffset, a.Region.ByteOffset+a.Region.ByteLength
		for _, h := range have {
			hs, he := h.Region.ByteOffset, h.Region.ByteOffset+h.Region.ByteLength
			if as < he && hs < ae || as == hs && ae == he {
				return true
			}
		}
	}
	return false
}

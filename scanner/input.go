package scanner

import (
	"fmt"
	"sort"
)

// input is one file of the scan, handed to the input kind that wants it.
type input struct {
	abs  string
	rel  string // slash-separated, relative to the scan root
	size int64
	// named is set for a file given on the command line rather than found
	// in a directory.
	named bool
	// graphRead is set once a source's facts went into the call graph
	// (read by a rule or by the search for callers).
	graphRead bool
}

// PathError is a target that does not exist or cannot be read at all; the
// CLI reports it as a usage error.
type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }
func (e *PathError) Unwrap() error { return e.Err }

// walked is the outcome of the one traversal of a scan.
type walked struct {
	// byKind holds, per input kind (in the order of the kinds list), its
	// files in path order.
	byKind [][]input
	// above lists, per directory target, the pom.xml files of the
	// directories between it and the root (nearest first): a scan of
	// src/main/java still knows its project and role.
	above map[string][]input
	// targetHasBuild says whether a directory target holds a build file.
	targetHasBuild map[string]bool
	// order lists the absolute targets in the order given.
	order []string
	// staleTemps are the temporary files of a kscan fix that was killed
	// before its rename (see CleanStaleTemps), met on the way.
	staleTemps []string
}

// targets lists the absolute targets in the order given.
func (w *walked) targets() []string { return w.order }

// absIndex finds an input's absolute path by its relative one: pointers to
// the walk's inputs sorted by relative path, a word a file where a map of
// both strings cost several (it lives through the call graph and project
// passes).
type absIndex []*input

// newAbsIndex indexes the inputs of lists; of inputs with the same
// relative path the last one listed wins.
func newAbsIndex(lists ...[]input) absIndex {
	var x absIndex
	for _, l := range lists {
		for i := range l {
			x = append(x, &l[i])
		}
	}
	sort.SliceStable(x, func(i, j int) bool { return x[i].rel < x[j].rel })
	return x
}

func (x absIndex) get(rel string) (string, bool) {
	// The last input with rel: the first one above it, less one.
	i := sort.Search(len(x), func(i int) bool { return x[i].rel > rel })
	if i == 0 || x[i-1].rel != rel {
		return "", false
	}
	return x[i-1].abs, true
}

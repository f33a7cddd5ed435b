package scanner

import (
	"cmp"
	"fmt"
	"sort"
	"strings"
)

// input is one file of the scan, handed to the input kind that wants it.
// A large tree keeps every input until the end, and most of a file's path
// is its directory: an input holds its directory, shared by the files in
// it, and its base name; the full path is made when a file is read or
// named.
type input struct {
	dir *pathDir
	// size is -1 for a source the walk found: its read checks the cap.
	size int64
	// nameAt and nameLen place the base name in the walk's names.
	nameAt  uint32
	nameLen uint16
	// named is set for a file given on the command line rather than found
	// in a directory.
	named bool
	// graphRead is set once a source's facts went into the call graph
	// (read by a rule or by the search for callers).
	graphRead bool
}

// pathDir is a directory of the walk holding inputs.
type pathDir struct {
	abs string // absolute, with a trailing separator
	// rel is slash-separated, relative to the scan root, with a trailing
	// slash ("" for the root); it shares abs's bytes under the root.
	rel string
	// names holds the base names of all the walk's inputs end to end: a
	// string a name would cost a header and an allocation rounded up.
	names *string
}

// base is the input's base name.
func (in *input) base() string { return (*in.dir.names)[in.nameAt : in.nameAt+uint32(in.nameLen)] }

// abs is the input's absolute path, to open it.
func (in *input) abs() string { return in.dir.abs + in.base() }

// rel is the input's slash-separated path relative to the scan root, as
// findings and notifications name it.
func (in *input) rel() string { return in.dir.rel + in.base() }

// relCompare compares the relative paths of two inputs as strings,
// without making them.
func relCompare(a, b *input) int { return comparePair(a.dir.rel, a.base(), b.dir.rel, b.base()) }

// relCompareTo compares the input's relative path with rel.
func (in *input) relCompareTo(rel string) int { return comparePair(in.dir.rel, in.base(), rel, "") }

// relHasSuffix is strings.HasSuffix(in.rel(), suffix).
func (in *input) relHasSuffix(suffix string) bool {
	n := len(suffix) - len(in.base())
	if n <= 0 {
		return strings.HasSuffix(in.base(), suffix)
	}
	return suffix[n:] == in.base() && strings.HasSuffix(in.dir.rel, suffix[:n])
}

// slashRelHasSuffix is strings.HasSuffix("/"+in.rel(), suffix): with
// "/a/B.java", whether the file is a/B.java at the root or below any
// directory.
func (in *input) slashRelHasSuffix(suffix string) bool {
	if len(suffix) == len(in.dir.rel)+len(in.base())+1 && suffix[0] == '/' {
		suffix = suffix[1:]
	}
	return in.relHasSuffix(suffix)
}

// comparePair compares a1+a2 with b1+b2.
func comparePair(a1, a2, b1, b2 string) int {
	for {
		if a1 == "" {
			a1, a2 = a2, ""
		}
		if b1 == "" {
			b1, b2 = b2, ""
		}
		if a1 == "" || b1 == "" {
			return cmp.Compare(len(a1), len(b1))
		}
		n := min(len(a1), len(b1))
		if c := strings.Compare(a1[:n], b1[:n]); c != 0 {
			return c
		}
		a1, b1 = a1[n:], b1[n:]
	}
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
	sort.SliceStable(x, func(i, j int) bool { return relCompare(x[i], x[j]) < 0 })
	return x
}

func (x absIndex) get(rel string) (string, bool) {
	// The last input with rel: the first one above it, less one.
	i := sort.Search(len(x), func(i int) bool { return x[i].relCompareTo(rel) > 0 })
	if i == 0 || x[i-1].relCompareTo(rel) != 0 {
		return "", false
	}
	return x[i-1].abs(), true
}

package scanner

import "fmt"

// input is one file of the scan, handed to the input kind that wants it.
type input struct {
	abs  string
	rel  string // slash-separated, relative to the scan root
	size int64
	// named is set for a file given on the command line rather than found
	// in a directory.
	named bool
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

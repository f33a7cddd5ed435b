package archive

import (
	"archive/zip"
	"errors"
	"fmt"
)

// ProblemKind classifies what is wrong with an archive or one of its entries.
type ProblemKind uint8

const (
	// ProblemCorrupt: not a zip, truncated, a bad central directory or local
	// header, or compressed data that does not inflate.
	ProblemCorrupt ProblemKind = iota + 1
	// ProblemChecksum: an entry's bytes do not match its CRC-32.
	ProblemChecksum
	// ProblemUnsupported: an entry uses a compression method Go cannot read.
	ProblemUnsupported
	// ProblemEntryTooLarge: an entry holds more than Options.MaxEntrySize bytes.
	ProblemEntryTooLarge
	// ProblemTotalTooLarge: the walk has read Options.MaxTotalBytes; later
	// reads fail. Reported once per walk.
	ProblemTotalTooLarge
	// ProblemRatio: an entry inflates more than Options.MaxRatio times its
	// compressed size (a zip bomb).
	ProblemRatio
	// ProblemTooManyEntries: an archive has more than Options.MaxEntries
	// entries.
	ProblemTooManyEntries
	// ProblemTooDeep: a nested archive lies deeper than Options.MaxDepth; it
	// is not walked.
	ProblemTooDeep
	// ProblemUnsafeName: a name that would escape a directory if extracted
	// (zip slip) or that cannot be told apart in a logical path. The entry is
	// still visited under its stored name.
	ProblemUnsafeName
	// ProblemDuplicateName: a second entry with the same name. Both are
	// visited.
	ProblemDuplicateName
	// ProblemSelfNesting: a nested archive with the CRC-32 and size of one of
	// its ancestors, i.e. an archive inside itself. It is not walked.
	ProblemSelfNesting
	// ProblemNestedTooLarge: a compressed nested archive that does not fit
	// in the Options.MaxNestedInMemory budget. It is not walked.
	ProblemNestedTooLarge
	// ProblemOverlap: a stored nested archive whose bytes overlap another
	// nested archive's, a trick to multiply work. It is not walked.
	ProblemOverlap
)

var problemNames = [...]string{
	ProblemCorrupt:        "corrupt archive",
	ProblemChecksum:       "checksum error",
	ProblemUnsupported:    "unsupported compression method",
	ProblemEntryTooLarge:  "entry too large",
	ProblemTotalTooLarge:  "total size cap reached",
	ProblemRatio:          "compression ratio too high (zip bomb)",
	ProblemTooManyEntries: "too many entries",
	ProblemTooDeep:        "nesting too deep",
	ProblemUnsafeName:     "unsafe entry name",
	ProblemDuplicateName:  "duplicate entry name",
	ProblemSelfNesting:    "archive nested in itself",
	ProblemNestedTooLarge: "nested archive too large to inflate in memory",
	ProblemOverlap:        "overlapping nested archive",
}

func (k ProblemKind) String() string {
	if int(k) < len(problemNames) && problemNames[k] != "" {
		return problemNames[k]
	}
	return fmt.Sprintf("problem(%d)", uint8(k))
}

// Sentinel causes carried in Problem.Err, for errors.Is. Corrupt input
// carries the error from archive/zip or compress/flate instead, a checksum
// mismatch zip.ErrChecksum, an unknown method zip.ErrAlgorithm.
var (
	ErrEntryTooLarge  = errors.New("entry exceeds the size cap")
	ErrTotalTooLarge  = errors.New("walk exceeds the total byte cap")
	ErrRatio          = errors.New("compression ratio exceeds the cap")
	ErrTooManyEntries = errors.New("archive exceeds the entry cap")
	ErrTooDeep        = errors.New("nesting exceeds the depth cap")
	ErrUnsafeName     = errors.New("unsafe entry name")
	ErrDuplicateName  = errors.New("duplicate entry name")
	ErrSelfNesting    = errors.New("nested archive identical to an ancestor")
	ErrNestedTooLarge = errors.New("compressed nested archive exceeds the in-memory budget")
	ErrOverlap        = errors.New("nested archive overlaps another")
)

// Problem is something wrong with an archive (Entry empty) or one of its
// entries. It is also the error Entry.Open and Entry.ReadAll return, so a
// visitor can skip an entry on error without reporting it again: every
// problem is sent to Visitor.Problem once.
type Problem struct {
	Archive string // logical path of the archive, e.g. "app.jar!/BOOT-INF/lib/x.jar"
	Entry   string // name inside Archive; empty for the archive as a whole
	Kind    ProblemKind
	Err     error
}

// Path is the logical path the problem is about.
func (p Problem) Path() string {
	if p.Entry == "" {
		return p.Archive
	}
	return p.Archive + "!/" + p.Entry
}

func (p Problem) Error() string {
	if p.Err == nil {
		return fmt.Sprintf("%s: %s", p.Path(), p.Kind)
	}
	return fmt.Sprintf("%s: %s: %v", p.Path(), p.Kind, p.Err)
}

func (p Problem) Unwrap() error { return p.Err }

// readProblemKind classifies an error met while reading entry data.
func readProblemKind(err error) ProblemKind {
	switch {
	case errors.Is(err, zip.ErrChecksum):
		return ProblemChecksum
	case errors.Is(err, zip.ErrAlgorithm):
		return ProblemUnsupported
	}
	return ProblemCorrupt
}

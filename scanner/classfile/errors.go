package classfile

import "fmt"

// FormatError reports malformed class-file input.
type FormatError struct {
	Offset int    // byte offset in the class file where the problem was found
	Reason string // what is wrong, e.g. "bad magic 0xCAFEBABF"
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("classfile: %s (at offset %d)", e.Reason, e.Offset)
}

func errorf(off int, format string, args ...any) *FormatError {
	return &FormatError{Offset: off, Reason: fmt.Sprintf(format, args...)}
}

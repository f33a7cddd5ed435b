// Command kscan finds what breaks when Java apps share one JVM
// (Koupleless / SOFAArk) and writes text, JSON or SARIF 2.1.0.
package main

import (
	"errors"
	"fmt"
	"os"
)

// Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
// 2 usage or configuration errors.
const (
	exitClean    = 0
	exitFindings = 1
	exitUsage    = 2
)

// usageError marks errors the user can fix by changing the command line.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// findingsError carries exit code 1 without printing anything more.
type findingsError struct{ n int }

func (e findingsError) Error() string { return fmt.Sprintf("%d findings at or above --fail-on", e.n) }

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	cmd := newRootCmd()
	cmd.SetArgs(args)
	err := cmd.Execute()
	var fe findingsError
	switch {
	case err == nil:
		return exitClean
	case errors.As(err, &fe):
		return exitFindings
	default:
		fmt.Fprintln(os.Stderr, "kscan:", err)
		return exitUsage
	}
}

// Package procstat reads the process's own resource figures.
package procstat

import (
	"bufio"
	"os"
	"strings"
)

// PeakRSS is the process's peak resident set (VmHWM), which includes the
// parser's C heap that Go's runtime statistics do not see; "unknown" where
// /proc is not available.
func PeakRSS() string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return strings.ReplaceAll(strings.TrimSpace(v), " ", "")
		}
	}
	return "unknown"
}

// ChildrenPeakRSS is the largest peak resident set among the process's
// finished and waited-for children (kscan batch's per-repository scans),
// in kB; 0 where unknown.
func ChildrenPeakRSS() int64 { return childrenMaxRSS() }

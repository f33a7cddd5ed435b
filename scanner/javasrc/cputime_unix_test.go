//go:build unix

package javasrc

import "syscall"

// cpuNanos is the process's user and system CPU time: on a shared machine
// it moves less than the wall clock with what else is running.
func cpuNanos() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

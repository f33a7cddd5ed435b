//go:build unix

package procstat

import (
	"runtime"
	"syscall"
)

func childrenMaxRSS() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru) != nil {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss) / 1024 // bytes there, kB elsewhere
	}
	return int64(ru.Maxrss)
}

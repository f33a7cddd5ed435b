//go:build !unix

package javasrc

func cpuNanos() int64 { return 0 }

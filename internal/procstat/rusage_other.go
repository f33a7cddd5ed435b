//go:build !unix

package procstat

func childrenMaxRSS() int64 { return 0 }

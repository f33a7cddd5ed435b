//go:build unix

package safefs

import (
	"io/fs"
	"syscall"
)

// readFile is ReadFile on a bare descriptor: open, fstat, read, close and
// nothing else. An *os.File costs more system calls on every open (a
// failed registration with the poller, for a regular file) and a
// finalizer; a scan opens each source more than once.
func readFile(path string, max int64) ([]byte, error) {
	return readFileFlags(path, max, 0, nil, false)
}

// readFileBuf is readFile into buf's storage when it holds the file and
// one byte more, or else into a new buffer of lentCap, to be kept for the
// files after this one.
func readFileBuf(path string, max int64, buf []byte) ([]byte, error) {
	return readFileFlags(path, max, 0, buf, true)
}

// readFileNoFollow is readFile refusing a link as the last component,
// with errLink.
func readFileNoFollow(path string, max int64) ([]byte, error) {
	return readFileFlags(path, max, syscall.O_NOFOLLOW, nil, false)
}

func readFileFlags(path string, max int64, flags int, buf []byte, lend bool) ([]byte, error) {
	fd, size, err := openRegular(path, max, flags)
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	limit := int64(-1) // bytes that may still be read; -1: no cap
	c := min(size+1, 1<<20)
	if max > 0 {
		limit = max + 1
		c = min(c, max+1)
	}
	need := c
	if lend && size > 0 && limit >= 0 {
		// A lent buffer is sized to the whole file: a large file read
		// again takes the pool's large buffer instead of growing a new one.
		need = min(size+1, limit)
	}
	switch {
	case int64(cap(buf)) >= need:
		buf = buf[:0]
	case lend:
		buf = lentBuf(need)
	default:
		buf = make([]byte, 0, c) // a sparse or lying size never allocates more than needed
	}
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		dst := buf[len(buf):cap(buf)]
		if limit >= 0 && int64(len(dst)) > limit-int64(len(buf)) {
			dst = dst[:limit-int64(len(buf))]
		}
		if len(dst) == 0 {
			break // the cap was reached: what the size said was not all
		}
		n, err := readFd(fd, dst)
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: &fs.PathError{Op: "read", Path: path, Err: err}}
		}
		if n == 0 {
			break
		}
		buf = buf[:len(buf)+n]
		// The size fstat gave, read whole: the file as it was then (a
		// size that lies, such as /proc's 0, reads on to the end).
		if size > 0 && int64(len(buf)) == size {
			break
		}
	}
	if max > 0 && int64(len(buf)) > max {
		return nil, &fs.PathError{Op: "read", Path: path, Err: &TooLargeError{Size: -1, Max: max}}
	}
	return buf, nil
}

// readHead reads at most n leading bytes of a regular file, whatever its
// size.
func readHead(path string, n int) ([]byte, error) {
	fd, size, err := openRegular(path, 0, 0)
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	c := n
	if size >= 0 && size < int64(n) {
		c = int(size)
	}
	buf := make([]byte, 0, max(c, 512))
	for len(buf) < n {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		dst := buf[len(buf):min(cap(buf), n)]
		m, err := readFd(fd, dst)
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if m == 0 {
			break
		}
		buf = buf[:len(buf)+m]
		if size > 0 && int64(len(buf)) == size {
			break
		}
	}
	return buf, nil
}

// openRegular opens path read-only without blocking (O_NONBLOCK: a FIFO
// with no writer does not wait) and refuses what is not a regular file or
// is over max bytes (max <= 0: no cap); the errors are those Open gives.
func openRegular(path string, max int64, flags int) (int, int64, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY|syscall.O_CLOEXEC|flags, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if flags&syscall.O_NOFOLLOW != 0 && (err == syscall.ELOOP || err == syscall.EMLINK) {
		return -1, 0, errLink // Linux says ELOOP, FreeBSD EMLINK
	}
	if err != nil {
		return -1, 0, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	var st syscall.Stat_t
	for {
		err = syscall.Fstat(fd, &st)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		syscall.Close(fd)
		return -1, 0, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		syscall.Close(fd)
		return -1, 0, &fs.PathError{Op: "open", Path: path, Err: ErrNotRegular}
	}
	size := int64(st.Size)
	if max > 0 && size > max {
		syscall.Close(fd)
		return -1, 0, &fs.PathError{Op: "read", Path: path, Err: &TooLargeError{Size: size, Max: max}}
	}
	return fd, size, nil
}

// readFd reads once, again after an interruption.
func readFd(fd int, p []byte) (int, error) {
	for {
		n, err := syscall.Read(fd, p)
		if err == syscall.EINTR {
			continue
		}
		return max(n, 0), err
	}
}

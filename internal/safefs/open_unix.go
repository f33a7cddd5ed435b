//go:build unix

package safefs

import (
	"os"
	"syscall"
)

// openNonBlocking opens read-only with O_NONBLOCK, so that opening a FIFO
// with no writer returns at once instead of waiting; the caller refuses
// it after fstat.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
}

//go:build !unix

package safefs

import (
	"io"
	"os"
)

func openNonBlocking(path string) (*os.File, error) { return os.Open(path) }

func readFile(path string, max int64) ([]byte, error) { return readFileOS(path, max) }

func readFileBuf(path string, max int64, _ []byte) ([]byte, error) { return readFileOS(path, max) }

func readHead(path string, n int) ([]byte, error) {
	f, _, err := Open(path, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, int64(n)))
}

// readFileNoFollow cannot refuse only a link here: every path takes
// Root's longer way.
func readFileNoFollow(path string, max int64) ([]byte, error) { return nil, errLink }

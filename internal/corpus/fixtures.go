package corpus

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// JavaFixtures reads every .java file under root, in walk order: the
// Java fixtures of the repository's testdata, for the tests that run a
// check over all of them. Unreadable files are left out; the error is the
// walk's own.
func JavaFixtures(root string) ([][]byte, error) {
	var srcs [][]byte
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".java") {
			if b, err := os.ReadFile(p); err == nil {
				srcs = append(srcs, b)
			}
		}
		return nil
	})
	return srcs, err
}

// Package safefs is the one way kscan reads and writes files of a scanned
// tree: a read refuses anything that is not a regular file (devices, FIFOs,
// sockets, directories), never blocks on open, and stops at its cap while
// reading rather than after; a path is checked against the scan root after
// links are resolved, so a link cannot lead a read or a write outside it.
//
// The caps for each kind of file are named here so that the README and the
// code state the same numbers.
package safefs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Caps per kind of input, in bytes. Sources and archive entries have their
// own settable limits (--max-file-size, archive flags); these cover what is
// read whole to be parsed.
const (
	MaxSource    = 4 << 20  // a .java file (default of --max-file-size)
	MaxBuildFile = 8 << 20  // pom.xml, build.gradle(.kts), libs.versions.toml, ark config
	MaxList      = 64 << 20 // saved mvn dependency:list/tree output, gradle.lockfile
	MaxConfig    = 1 << 20  // .kscan.yaml
	MaxTable     = 8 << 20  // adapter mapping tables
	MaxBaseline  = 64 << 20 // baseline files (JSON or SARIF)
	MaxState     = 1 << 20  // batch state: status.json, batch.json
	MaxResult    = 1 << 30  // a batch repository's result.sarif
)

// ErrNotRegular is returned for a path that is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// TooLargeError reports a file over its cap.
type TooLargeError struct {
	Size int64 // -1 when the file grew past the cap while it was read
	Max  int64
}

func (e *TooLargeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("grew past the %s limit while reading", HumanBytes(e.Max))
	}
	return fmt.Sprintf("%s exceeds the %s limit", HumanBytes(e.Size), HumanBytes(e.Max))
}

// Open opens a regular file for reading without blocking (a FIFO or a
// device is refused, not waited on) and returns it with its size; a file
// over max bytes is refused before any byte is read. max <= 0 means no cap.
func Open(path string, max int64) (*os.File, int64, error) {
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, 0, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, 0, &fs.PathError{Op: "open", Path: path, Err: ErrNotRegular}
	}
	if max > 0 && fi.Size() > max {
		f.Close()
		return nil, 0, &fs.PathError{Op: "read", Path: path, Err: &TooLargeError{Size: fi.Size(), Max: max}}
	}
	return f, fi.Size(), nil
}

// ReadFile reads a whole regular file of at most max bytes (max <= 0: no
// cap). It never reads more than max+1 bytes, even from a file that grows
// or lies about its size.
func ReadFile(path string, max int64) ([]byte, error) { return readFile(path, max) }

// ReadHead reads at most n leading bytes of a regular file, whatever its
// size (a shorter file is read whole).
func ReadHead(path string, n int) ([]byte, error) { return readHead(path, n) }

// readFileOS is ReadFile through an *os.File.
func readFileOS(path string, max int64) ([]byte, error) {
	f, size, err := Open(path, max)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if max > 0 {
		r = io.LimitReader(f, max+1)
	}
	buf := make([]byte, 0, min(size+1, max+1, 1<<20)) // a sparse or lying size never allocates more than needed
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
	}
	if max > 0 && int64(len(buf)) > max {
		return nil, &fs.PathError{Op: "read", Path: path, Err: &TooLargeError{Size: -1, Max: max}}
	}
	return buf, nil
}

// ErrOutsideRoot is returned for a path whose real location is outside the
// scan root.
var ErrOutsideRoot = errors.New("resolves outside the scanned root")

// Within reports whether path, with every symbolic link resolved, lies
// inside root (also resolved). A path that does not exist is judged by its
// nearest existing parent. Many paths below one root: NewRoot.
func Within(root, path string) (bool, error) { return NewRoot(root).Within(path) }

// inside reports whether p equals root or lies below it; both are clean
// absolute paths.
func inside(root, p string) bool {
	if p == root {
		return true
	}
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// resolveExisting resolves the links of the longest existing prefix of
// path and appends the rest unchanged.
func resolveExisting(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	rest := ""
	for p := abs; ; {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(real, rest), nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(p)
		if parent == p {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

// ReadFileIn reads path like ReadFile, and refuses it when its real
// location is outside root. Many paths below one root: NewRoot.
func ReadFileIn(root, path string, max int64) ([]byte, error) {
	return NewRoot(root).ReadFile(path, max)
}

// HumanBytes renders a byte count for messages.
func HumanBytes(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20:
		if n%(1<<20) == 0 {
			return fmt.Sprintf("%d MiB", n>>20)
		}
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

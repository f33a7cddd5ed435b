package safefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// Root judges and reads paths below one directory (Within, ReadFileIn),
// resolving the links of each directory once. Resolving every component of
// the root and of the path on each call, a system call each, was over a
// third of the CPU time of the step that reads the build files of a tree
// of many Maven modules. A Root holds what it resolved for as long as it
// is used (one scan): a directory swapped for a link meanwhile is judged
// by what it was, as a file swapped between the check and its read always
// was.
type Root struct {
	real string // the root, links resolved
	err  error  // why the root could not be resolved

	mu   sync.Mutex
	dirs map[string]string // an existing directory's absolute path -> its real path
}

// NewRoot returns the Root for the directory root; a root that cannot be
// resolved fails every call with the reason.
func NewRoot(root string) *Root {
	r := &Root{dirs: map[string]string{}}
	abs, err := filepath.Abs(root)
	if err == nil {
		r.real, err = filepath.EvalSymlinks(abs)
	}
	r.err = err
	return r
}

// Within reports whether path, with every link resolved, lies inside the
// root; a path that does not exist is judged by its nearest existing
// parent.
func (r *Root) Within(path string) (bool, error) {
	if r.err != nil {
		return false, r.err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false, err
	}
	real, err := r.resolve(abs)
	if err != nil {
		return false, err
	}
	return inside(r.real, real), nil
}

// errLink is readFileNoFollow's refusal of a link.
var errLink = errors.New("a symbolic link")

// ReadFile reads path like ReadFile, and refuses it when its real location
// is outside the root. A file that is not a link, in a directory inside
// the root, is opened without a look at it first: the open refuses a link
// (O_NOFOLLOW), which is then judged as Within judges it.
func (r *Root) ReadFile(path string, max int64) ([]byte, error) {
	if r.err == nil {
		if abs, err := filepath.Abs(path); err == nil {
			if real, ok, err := r.dir(filepath.Dir(abs)); err == nil && ok && inside(r.real, real) {
				data, err := readFileNoFollow(path, max)
				if err != errLink {
					return data, err
				}
			}
		}
	}
	ok, err := r.Within(path)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: path, Err: ErrOutsideRoot}
	}
	return ReadFile(path, max)
}

// resolve is resolveExisting for a clean absolute path, with the links of
// the directories above it resolved once: the path's own link, if it is
// one, is resolved whole; a path that does not exist is its nearest
// existing directory's real path and the rest.
func (r *Root) resolve(abs string) (string, error) {
	fi, err := os.Lstat(abs)
	switch {
	case err == nil && fi.Mode()&fs.ModeSymlink != 0:
		return resolveExisting(abs)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return "", err
	}
	for d := filepath.Dir(abs); ; {
		real, ok, err := r.dir(d)
		if err != nil {
			return "", err
		}
		if ok {
			return filepath.Join(real, abs[len(d):]), nil
		}
		up := filepath.Dir(d)
		if up == d {
			return abs, nil
		}
		d = up
	}
}

// dir is the real path of the existing directory at the absolute path d;
// ok is false when d does not exist.
func (r *Root) dir(d string) (real string, ok bool, err error) {
	r.mu.Lock()
	real, ok = r.dirs[d]
	r.mu.Unlock()
	if ok {
		return real, true, nil
	}
	parent := filepath.Dir(d)
	if parent == d {
		real, err = filepath.EvalSymlinks(d)
	} else {
		var up string
		if up, ok, err = r.dir(parent); err != nil || !ok {
			return "", false, err
		}
		var fi fs.FileInfo
		fi, err = os.Lstat(d)
		switch {
		case err != nil:
		case fi.Mode()&fs.ModeSymlink != 0:
			real, err = filepath.EvalSymlinks(d)
		default:
			real = filepath.Join(up, filepath.Base(d))
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	r.mu.Lock()
	r.dirs[d] = real
	r.mu.Unlock()
	return real, true, nil
}

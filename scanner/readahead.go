package scanner

import (
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// maxAhead bounds the directories read ahead and not yet walked: the
// readers stop there until the walk catches up (the walk reads a
// directory itself when no reader has taken it).
const maxAhead = 1024

// dirAhead reads directories for a walk on other goroutines, ahead of it:
// a walk is a system call or four per directory on one goroutine (2.4 s
// of a 60,000-directory tree, one core idle). The readers go depth first,
// children in name order, as the walk does, so the next directory the
// walk wants is nearly always read or being read.
type dirAhead struct {
	mu    sync.Mutex
	cond  sync.Cond // a reader waits for work or room; the walk for a read
	stack []*dirRead
	dirs  map[string]*dirRead
	ready int // read and not yet taken by the walk
	done  bool
	// enter reports whether the walk may enter a directory: readers do not
	// read ahead into those it skips by name (.git, an excluded path), nor
	// into those it decides on by their contents (a build's output).
	enter func(path, name string) bool
	wg    sync.WaitGroup
}

type dirRead struct {
	path    string
	state   uint8 // pending, reading, read
	entries []fs.DirEntry
	err     error
}

const (
	dirPending = iota
	dirReading
	dirDone
)

// newDirAhead starts readers goroutines (none: the walk reads each
// directory itself); stop ends them.
func newDirAhead(readers int, enter func(path, name string) bool) *dirAhead {
	a := &dirAhead{dirs: map[string]*dirRead{}, enter: enter}
	a.cond.L = &a.mu
	for range readers {
		a.wg.Add(1)
		go a.reader()
	}
	return a
}

// stop ends the readers once they finish the directory in hand; what they
// read and the walk did not take is dropped.
func (a *dirAhead) stop() {
	a.mu.Lock()
	a.done = true
	a.stack, a.dirs = nil, nil
	a.mu.Unlock()
	a.cond.Broadcast()
	a.wg.Wait()
}

// start asks for the directory at path, the walk's root.
func (a *dirAhead) start(path string) {
	a.mu.Lock()
	a.push([]string{path})
	a.mu.Unlock()
	a.cond.Broadcast()
}

// push adds paths to read, the first to be read first; a.mu is held.
func (a *dirAhead) push(paths []string) {
	for i := len(paths) - 1; i >= 0; i-- {
		if a.dirs[paths[i]] != nil {
			continue
		}
		d := &dirRead{path: paths[i]}
		a.dirs[d.path] = d
		a.stack = append(a.stack, d)
	}
}

func (a *dirAhead) reader() {
	defer a.wg.Done()
	a.mu.Lock()
	defer a.mu.Unlock()
	for {
		var d *dirRead
		for !a.done {
			// The top of the stack, past those the walk read itself.
			for len(a.stack) > 0 && a.stack[len(a.stack)-1].state != dirPending {
				a.stack = a.stack[:len(a.stack)-1]
			}
			if len(a.stack) > 0 && a.ready < maxAhead {
				d = a.stack[len(a.stack)-1]
				a.stack = a.stack[:len(a.stack)-1]
				break
			}
			a.cond.Wait()
		}
		if d == nil {
			return
		}
		d.state = dirReading
		a.mu.Unlock()
		// os.ReadDir opens without the poller; os.Open tries to register
		// the directory (four fcntl calls and a refused epoll_ctl on Linux).
		entries, err := os.ReadDir(d.path)
		children := a.children(d.path, entries)
		a.mu.Lock()
		if a.done {
			return
		}
		d.entries, d.err, d.state = entries, err, dirDone
		a.ready++
		a.push(children)
		a.cond.Broadcast()
	}
}

// children are the subdirectories of path a reader may read ahead.
func (a *dirAhead) children(path string, entries []fs.DirEntry) []string {
	var out []string
	for _, e := range entries {
		if e.IsDir() && a.enter(filepath.Join(path, e.Name()), e.Name()) {
			out = append(out, filepath.Join(path, e.Name()))
		}
	}
	return out
}

// read is os.ReadDir(path) for the walk: read ahead, being read (it
// waits), or read now on the walk's goroutine.
func (a *dirAhead) read(path string) ([]fs.DirEntry, error) {
	a.mu.Lock()
	d := a.dirs[path]
	if d != nil && d.state == dirReading {
		for d.state != dirDone {
			a.cond.Wait()
		}
	}
	if d != nil && d.state == dirDone {
		delete(a.dirs, path)
		a.ready--
		a.mu.Unlock()
		a.cond.Broadcast() // room for the readers
		return d.entries, d.err
	}
	if d == nil {
		d = &dirRead{path: path}
		a.dirs[path] = d
	}
	d.state = dirReading // not for the readers now
	a.mu.Unlock()
	entries, err := os.ReadDir(path)
	children := a.children(path, entries)
	a.mu.Lock()
	delete(a.dirs, path)
	a.push(children)
	a.mu.Unlock()
	a.cond.Broadcast()
	return entries, err
}

// walkDirAhead is filepath.WalkDir with its directories read by a.
func walkDirAhead(root string, a *dirAhead, fn fs.WalkDirFunc) error {
	info, err := os.Lstat(root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		if info.IsDir() {
			a.start(root)
		}
		err = walkDirWith(root, fs.FileInfoToDirEntry(info), a, fn)
	}
	if err == filepath.SkipDir || err == filepath.SkipAll {
		return nil
	}
	return err
}

func walkDirWith(path string, d fs.DirEntry, a *dirAhead, fn fs.WalkDirFunc) error {
	if err := fn(path, d, nil); err != nil || !d.IsDir() {
		if err == filepath.SkipDir && d.IsDir() {
			err = nil
		}
		return err
	}
	dirs, err := a.read(path)
	if err != nil {
		// Second call, to report the read's error.
		err = fn(path, d, err)
		if err != nil {
			if err == filepath.SkipDir && d.IsDir() {
				err = nil
			}
			return err
		}
	}
	for _, d1 := range dirs {
		if err := walkDirWith(filepath.Join(path, d1.Name()), d1, a, fn); err != nil {
			if err == filepath.SkipDir {
				break
			}
			return err
		}
	}
	return nil
}

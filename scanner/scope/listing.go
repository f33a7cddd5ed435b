package scope

import (
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// The indexes walk the tree twice (the production directories' sources,
// the test sources) while the scan's own walk reads the same directories:
// when the scan walks the one directory the indexes read, its walk lists
// the files the indexes take, and the directories it does not enter, and the indexes read that
// list instead (the directories they would enter of those they still walk
// themselves). What they take is the same either way.

// listing is what the scan's walk saw: the slash paths, relative to the
// root and in walk order, of the regular files Listable accepts, and the
// directories it did not enter whose names are not hidden.
type listing struct {
	top            string // the directory walked, absolute
	files, skipped []string
}

// Listable reports a file the indexes may take: a source of the tool
// index's languages or a service file.
func Listable(rel string) bool {
	return toolSourceExts[path.Ext(rel)] || strings.Contains(rel, "META-INF/services/")
}

// AwaitListing makes the indexes wait for SetListing instead of walking
// the tree, when they walk the scanned directory alone. Call it before Prepare; then
// SetListing must follow.
func (c *Classifier) AwaitListing() {
	c.mu.Lock()
	c.listed.wait()
	c.mu.Unlock()
}

// SetListing hands the indexes the walk of the directory top: files and
// skipped as listing holds them, relative to the root; nil files when the
// walk did not finish (the indexes then walk the tree themselves). Only
// the first call counts.
func (c *Classifier) SetListing(top string, files, skipped []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.listed.done && files != nil {
		c.listing = &listing{top: filepath.Clean(top), files: files, skipped: skipped}
	}
	c.listed.finish()
}

// rootListing waits for the scan's walk, when asked to, and returns its
// listing when the indexes would walk that directory alone; nil
// otherwise.
func (c *Classifier) rootListing() *listing {
	c.mu.Lock()
	ready := c.listed.ready
	c.mu.Unlock()
	if ready == nil {
		return nil
	}
	<-ready
	c.mu.Lock()
	l := c.listing
	c.mu.Unlock()
	if l == nil || !slices.Equal(c.walkRoots(), []string{l.top}) {
		return nil
	}
	return l
}

// walkListing is walkFiles over a listing: a file is taken when every
// directory above it, below the root, is entered (not hidden, and enter
// admits it), in walk order; a skipped directory the walk would enter is
// walked here and its files merged in that order.
func (c *Classifier) walkListing(l *listing, enter func(rel string) bool, keep func(p, rel, name string) bool, done func() bool) {
	entered := map[string]bool{".": true}
	var in func(dir string) bool
	in = func(dir string) bool {
		if v, ok := entered[dir]; ok {
			return v
		}
		v := in(path.Dir(dir)) && !strings.HasPrefix(path.Base(dir), ".") && enter(dir)
		entered[dir] = v
		return v
	}
	files := l.files
	var extra []string
	for _, d := range l.skipped {
		if !in(d) {
			continue
		}
		n := 0
		c.walkFrom(filepath.Join(c.root, filepath.FromSlash(d)), &n, enter, func(_, rel, _ string) bool {
			if Listable(rel) {
				extra = append(extra, rel)
			}
			return false
		}, nil)
	}
	if len(extra) > 0 {
		files = append(append([]string(nil), files...), extra...)
		slices.SortStableFunc(files, walkOrder)
	}
	n := 0
	for _, rel := range files {
		if n >= maxToolIndexFiles || done != nil && done() {
			return
		}
		if in(path.Dir(rel)) && keep(filepath.Join(c.root, filepath.FromSlash(rel)), rel, path.Base(rel)) {
			n++
		}
	}
}

// walkOrder compares slash paths as filepath.WalkDir visits them: by
// name, segment by segment (a directory "b" before a file "b.java").
func walkOrder(a, b string) int {
	return slices.Compare(strings.Split(a, "/"), strings.Split(b, "/"))
}

package scanner

import (
	"path"
	"path/filepath"
	"sync"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/scanner/deps"
)

// buildFileKind classifies a base name as a build file the pass reads.
func buildFileKind(name string) string { return deps.BuildFileKind(name) }

// buildFiles reads the build files of a scan once, inside the root, with
// the cap of their kind, and keeps their bytes for placing findings.
type buildFiles struct {
	root string
	mu   sync.Mutex
	src  map[string][]byte // by relative slash path
}

func (b *buildFiles) read(rel string) ([]byte, error) {
	b.mu.Lock()
	data, ok := b.src[rel]
	b.mu.Unlock()
	if ok {
		return data, nil
	}
	max := int64(safefs.MaxBuildFile)
	if k := buildFileKind(path.Base(rel)); k == "maven-list" || k == "gradle-lock" {
		max = safefs.MaxList
	}
	var err error
	if filepath.IsAbs(rel) {
		data, err = safefs.ReadFile(rel, max) // the local repository, ~/.m2
	} else {
		// A file of the tree: a link out of it is never followed.
		data, err = safefs.ReadFileIn(b.root, filepath.Join(b.root, filepath.FromSlash(rel)), max)
	}
	if err == nil && !filepath.IsAbs(rel) {
		b.mu.Lock()
		b.src[rel] = data
		b.mu.Unlock()
	}
	return data, err
}

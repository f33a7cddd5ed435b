package scanner

import (
	"hash/maphash"
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
	in   *safefs.Root // root's links resolved once
	mu   sync.Mutex
	src  map[string][]byte // by relative slash path
	poms map[string]parsedPOM
	// released: the texts were let go, and parses are no longer kept.
	released bool
}

// parsedPOM is a pom parsed from bytes of which it keeps the length and
// two hashes, not the bytes: the scope classifier reads the poms itself,
// and keeping its copies for the comparison held 11 MB of a large tree's
// heap while the collector ran back to back beside the dependency loader.
// Two 64-bit hashes under independent seeds: other bytes under the same
// name that match both are beyond any tree's reach (2^-128).
type parsedPOM struct {
	n   int
	sum [2]uint64
	pom *deps.POM
	err error
}

// pomSeeds seed the hashes of parsedPOM.
var pomSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

func pomSum(data []byte) [2]uint64 {
	return [2]uint64{maphash.Bytes(pomSeeds[0], data), maphash.Bytes(pomSeeds[1], data)}
}

// parse parses a pom read from name once: the roles, the dependency
// loader and the scope classifier all read the tree's poms, and none
// changes a POM. The same name with other bytes is parsed anew; once the
// build files are released, parses are no longer kept.
func (b *buildFiles) parse(name string, data []byte) (*deps.POM, error) {
	sum := pomSum(data)
	b.mu.Lock()
	r, ok := b.poms[name]
	b.mu.Unlock()
	if ok && r.n == len(data) && r.sum == sum {
		return r.pom, r.err
	}
	p, err := deps.ParsePOM(name, data)
	b.mu.Lock()
	if b.poms == nil && !b.released {
		b.poms = map[string]parsedPOM{}
	}
	if b.poms != nil {
		b.poms[name] = parsedPOM{n: len(data), sum: sum, pom: p, err: err}
	}
	b.mu.Unlock()
	return p, err
}

func (b *buildFiles) read(rel string) ([]byte, error) {
	b.mu.Lock()
	data, ok := b.src[rel]
	b.mu.Unlock()
	if ok && data != nil {
		return data, nil
	}
	data, err := b.load(rel)
	if err == nil && !filepath.IsAbs(rel) {
		b.mu.Lock()
		b.src[rel] = data
		b.mu.Unlock()
	}
	return data, err
}

// release lets go of the text of the build files read: they were parsed,
// and a dependency finding is placed in one of them only at the end
// (kept reads it again). The names stay: they are the tree's build files.
func (b *buildFiles) release() {
	b.mu.Lock()
	for k := range b.src {
		b.src[k] = nil
	}
	b.poms, b.released = nil, true
	b.mu.Unlock()
}

// kept returns the text of a build file of the tree that was read, read
// again if released; ok is false for a file never read (not the tree's).
func (b *buildFiles) kept(rel string) (data []byte, ok bool, err error) {
	b.mu.Lock()
	data, ok = b.src[rel]
	b.mu.Unlock()
	if !ok || data != nil {
		return data, ok, nil
	}
	data, err = b.load(rel)
	return data, true, err
}

// load reads a build file, within the limit for its kind.
func (b *buildFiles) load(rel string) ([]byte, error) {
	max := int64(safefs.MaxBuildFile)
	if k := buildFileKind(path.Base(rel)); k == "maven-list" || k == "gradle-lock" {
		max = safefs.MaxList
	}
	var data []byte
	var err error
	if filepath.IsAbs(rel) {
		data, err = safefs.ReadFile(rel, max) // the local repository, ~/.m2
	} else {
		// A file of the tree: a link out of it is never followed.
		data, err = b.in.ReadFile(filepath.Join(b.root, filepath.FromSlash(rel)), max)
	}
	return data, err
}

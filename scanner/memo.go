package scanner

import (
	"hash/maphash"
	"path"
	"reflect"
	"strings"
	"sync"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/archive"
	"github.com/kscan/kscan/scanner/finding"
)

// A class met again with the same bytes (a jar copied into many places, the
// same library nested in many fat jars) is decoded and checked once more,
// then no longer: what its copies need of that scan is kept, and a copy's
// findings are placed from it on the copy's own path. A copy is found by
// its inflated bytes (memoKey) or, not inflating it, by its entry's
// compressed bytes and header (rawKey). The first meeting keeps only the
// class's CRC-32 and size, so that distinct classes cost no hash and no
// memory.

// memoKey identifies what a class's scan depends on: its bytes (the
// project index's key), its name in its archive, the role its rules run
// under, and whether its path marks it as test code.
type memoKey struct {
	sum   classKey
	entry uint64 // the name in its innermost archive ("a/B.class"), hashed
	role  facts.Role
	test  bool
}

// memoKey keys the class of j, named name in its innermost archive.
func (x *projectIndex) memoKey(j classJob, name string) memoKey {
	return memoKey{sum: x.classKey(j.data), entry: x.entryHash(name), role: j.role, test: isTestPath(j.path)}
}

func (x *projectIndex) entryHash(name string) uint64 { return maphash.String(x.seeds[0], name) }

// classMemo is what a scanned class leaves for its copies: its
// diagnostics, copied off the class's bytes, the source line of each one's
// offset, the class's source file, and whether the project pass keeps
// anything of it.
type classMemo struct {
	diags      []rules.Diagnostic
	lines      []int // lines[i]: the source line of diags[i]'s offset
	sourceFile string
	project    bool
	headClean  bool // classJob.headClean
}

// Most classes have no finding: they share one of these memos, by project
// and headClean.
var memoClean = [2][2]*classMemo{
	{{}, {headClean: true}},
	{{project: true}, {project: true, headClean: true}},
}

// maxMemos bounds the classes remembered, by each kind of key (about 200
// bytes a class for both when it has no finding: 27 MB at most): past it,
// classes are scanned as if never met.
var maxMemos = 1 << 17

// maxSeen bounds the classes whose CRC-32 and size are recorded
// (classMemos.seen; about 20 bytes each).
var maxSeen = 1 << 19

type classMemos struct {
	mu sync.Mutex
	// seen holds the CRC-32 and size of each class of an archive met: a
	// class is hashed, and its scan kept, only once it is met again, so
	// that a run of distinct classes pays a lookup each, not a hash.
	seen map[[2]uint32]struct{}
	m    map[memoKey]*classMemo
	// raw finds the memo of a class by its entry as it lies in its
	// archive (archive.Entry.Raw): a copy found so is not even inflated.
	raw map[rawKey]rawMemo
}

// rawKey identifies a class entry by its compressed bytes and header
// (archive.Entry.Raw: entries equal so inflate alike) and, as memoKey, by
// the name, role and test path its scan depends on.
type rawKey struct {
	raw              classKey
	crc              uint32
	method           uint16
	size, compressed int64
	entry            uint64
	role             facts.Role
	test             bool
}

type rawMemo struct {
	key  memoKey // the class's key by its bytes: the project index's
	memo *classMemo
}

func newClassMemos() *classMemos {
	return &classMemos{seen: map[[2]uint32]struct{}{}, m: map[memoKey]*classMemo{}, raw: map[rawKey]rawMemo{}}
}

func (x *projectIndex) rawKey(en *archive.Entry, raw []byte, role facts.Role) rawKey {
	return rawKey{raw: x.classKey(raw), crc: en.CRC32, method: en.Method, size: en.Size, compressed: en.Compressed,
		entry: x.entryHash(en.Name), role: role, test: isTestPath(en.Path)}
}

func (c *classMemos) getRaw(k rawKey) (rawMemo, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.raw[k]
	return r, ok
}

func (c *classMemos) putRaw(k rawKey, r rawMemo) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.raw) < maxMemos {
		c.raw[k] = r
	}
}

// again reports whether a class with this CRC-32 and size was met before,
// and records it.
func (c *classMemos) again(crc uint32, size int64) bool {
	k := [2]uint32{crc, uint32(size)}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.seen[k]; ok {
		return true
	}
	if len(c.seen) < maxSeen {
		c.seen[k] = struct{}{}
	}
	return false
}

func (c *classMemos) get(k memoKey) *classMemo {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[k]
}

func (c *classMemos) put(k memoKey, m *classMemo) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) < maxMemos {
		c.m[k] = m
	}
}

// isTestPath is what marks a class's facts as test code by its path alone.
func isTestPath(p string) bool {
	return strings.Contains(p, "/src/test/") || strings.Contains(p, "test-classes/")
}

// newClassMemo keeps what a class's copies need of its scan: nil when the
// diagnostics cannot be replayed on another path (one names this copy's
// path or archive, or holds what cannot be copied).
func newClassMemo(j classJob, diags []rules.Diagnostic, lineOf func(int) int, sourceFile string, project bool) *classMemo {
	if len(diags) == 0 {
		return memoClean[b2i(project)][b2i(j.headClean)]
	}
	// What names this copy's place: its path, its outermost archive, and
	// each archive on the way in, by path and by name.
	names := []string{j.path, j.anchor}
	parts := strings.Split(j.path, "!/")
	for _, p := range parts[:len(parts)-1] {
		names = append(names, p, path.Base(p))
	}
	elsewhere := func(s string) bool {
		for _, n := range names {
			if n == "" || strings.Contains(s, n) {
				return false
			}
		}
		return true
	}
	m := &classMemo{sourceFile: strings.Clone(sourceFile), project: project, headClean: j.headClean}
	for _, d := range diags {
		v := reflect.New(reflect.TypeOf(d)).Elem()
		if !deepCopy(v, reflect.ValueOf(d), elsewhere) {
			return nil
		}
		m.diags = append(m.diags, v.Interface().(rules.Diagnostic))
		line := 0
		if lineOf != nil {
			line = lineOf(d.Span.Start)
		}
		m.lines = append(m.lines, line)
	}
	return m
}

// place places a copy's findings: the memo's diagnostics on the copy's
// outermost archive and entry, as scanClass placed the first copy's.
func (m *classMemo) place(j classJob) []finding.Finding {
	if len(m.diags) == 0 {
		return nil
	}
	// placeEntry sorts its diagnostics and copies what it keeps of them.
	diags := append([]rules.Diagnostic(nil), m.diags...)
	return place(where{path: j.anchor, role: j.role, entry: j.path, sourceFile: m.sourceFile, lineOf: m.lineOf}, diags)
}

// lineOf is the line the class mapped offset off to: a class has few
// diagnostics.
func (m *classMemo) lineOf(off int) int {
	for i := range m.diags {
		if m.diags[i].Span.Start == off {
			return m.lines[i]
		}
	}
	return 0
}

// deepCopy sets dst to a copy of src that shares no memory with it (a
// diagnostic's strings may point into the class's bytes), checking each
// string with ok. It reports false for a value it cannot copy (a func, a
// channel, an unexported field) or a string ok refuses.
func deepCopy(dst, src reflect.Value, ok func(string) bool) bool {
	switch src.Kind() {
	case reflect.String:
		s := src.String()
		if !ok(s) {
			return false
		}
		dst.SetString(strings.Clone(s))
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		dst.Set(src)
	case reflect.Pointer:
		if src.IsNil() {
			return true
		}
		p := reflect.New(src.Type().Elem())
		if !deepCopy(p.Elem(), src.Elem(), ok) {
			return false
		}
		dst.Set(p)
	case reflect.Slice:
		if src.IsNil() {
			return true
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		for i := range src.Len() {
			if !deepCopy(s.Index(i), src.Index(i), ok) {
				return false
			}
		}
		dst.Set(s)
	case reflect.Array:
		for i := range src.Len() {
			if !deepCopy(dst.Index(i), src.Index(i), ok) {
				return false
			}
		}
	case reflect.Map:
		if src.IsNil() {
			return true
		}
		mp := reflect.MakeMapWithSize(src.Type(), src.Len())
		it := src.MapRange()
		for it.Next() {
			k, v := reflect.New(src.Type().Key()).Elem(), reflect.New(src.Type().Elem()).Elem()
			if !deepCopy(k, it.Key(), ok) || !deepCopy(v, it.Value(), ok) {
				return false
			}
			mp.SetMapIndex(k, v)
		}
		dst.Set(mp)
	case reflect.Struct:
		t := src.Type()
		for i := range src.NumField() {
			if !t.Field(i).IsExported() {
				return false
			}
			if !deepCopy(dst.Field(i), src.Field(i), ok) {
				return false
			}
		}
	default:
		return false
	}
	return true
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

package scanner

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"maps"
	"reflect"

	"sort"
	"strings"
	"sync"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/finding"
)

// projectIndex is what the input kinds learn about the project as a whole:
// the types it declares, the facts project rules read, what its archives
// put on a class path, and the mentions rules search for. Kinds fill it
// concurrently; the project pass reads it once they are done.
type projectIndex struct {
	// types knows the source types of the tree from file paths alone, so it
	// is complete before the first file is parsed.
	types typeIndex
	// tokens are the mention tokens of the enabled rules.
	tokens []string
	// rules are the enabled rules: the static fields their project
	// checks read are kept (forProject).
	rules []*rules.Rule

	mu       sync.Mutex
	files    []*facts.File            // trimmed facts of parsed files and classes (forProject)
	entries  entryIndex               // where a class's findings go, by logical path
	trimmed  map[classKey]*facts.File // a class's bytes -> its trimmed facts without path; nil if none is used
	seeds    [2]maphash.Seed
	solo     map[*facts.File]*facts.File // trimmed facts without writes -> the copy with the greatest path
	services map[string]map[string]facts.ArchiveRef
	// holders lists, by class name, the archives holding it (indexes into
	// archiveRefs), as chains shared between classes (holderList). Its keys
	// are the class names held by scanned archives.
	holders     map[string]*holderList
	chains      holderChains
	archiveRefs []facts.ArchiveRef
	archiveID   map[facts.ArchiveRef]int32
	// archiveKeys numbers the outermost archive of each reference, in the
	// order their walks first asked (anchorKeys): the order of the chains.
	archiveKeys []int32
	anchorKeys  map[string]int32
	found       []facts.Mention
	// refs are the classes module code units reference, by unit archive;
	// fatJars the scanned outermost archives that are Spring Boot fat jars.
	refs    map[string]*facts.ClassRefs
	fatJars map[string]bool
	// loose are the class names of the module class directories
	// (target/classes) whose references are recorded, by name.
	loose map[string][]string
	// looseUnits marks the units in refs that are class directories.
	looseUnits map[string]bool
	// names holds one copy of the strings of kept facts that recur across
	// files (types, packages, enclosing classes and methods, short
	// initialisers), under mu.
	names map[string]string
	// antlibs are the outermost archives holding an Ant library
	// descriptor, by path (antlib.go).
	antlibs map[string]antlib
}

// entryAt is what placing a finding in an archived class needs.
type entryAt struct {
	anchor string
	role   facts.Role
}

// entryIndex maps the logical path of a class to where its findings go.
// A path inside an archive is kept as its archive and its name there, the
// names shared between archives: a jar copied into many places costs a
// map slot per class, not a path string per class.
type entryIndex struct {
	flat     map[string]entryAt               // class files, and archives whose path has "!/"
	byAnchor map[string]map[string]facts.Role // anchor -> name inside it -> role
	names    map[string]string                // one copy of each name inside an archive
	// An archive's map is sealed once its walk ends (seal): copies of a
	// jar then share one map. sealed marks the anchors whose map may be
	// shared, which put copies before it adds to it; bySum finds a sealed
	// map by its entries.
	sealed map[string]bool
	bySum  map[uint64][]map[string]facts.Role
	seed   maphash.Seed
}

func newEntryIndex() entryIndex {
	return entryIndex{flat: map[string]entryAt{}, byAnchor: map[string]map[string]facts.Role{}, names: map[string]string{},
		sealed: map[string]bool{}, bySum: map[uint64][]map[string]facts.Role{}, seed: maphash.MakeSeed()}
}

// seal ends the entries of an archive's walk: an archive whose entries
// equal those of one sealed before shares its map, so a jar copied a
// thousand times costs a map slot per copy rather than one per class and
// copy.
func (x *entryIndex) seal(anchor string) {
	m := x.byAnchor[anchor]
	if len(m) == 0 || x.sealed[anchor] {
		return
	}
	// A sum over the entries, in no order: equal maps have equal sums.
	var sum uint64
	for name, role := range m {
		sum += maphash.String(x.seed, name) ^ uint64(role)*0x9E3779B97F4A7C15
	}
	x.sealed[anchor] = true
	for _, o := range x.bySum[sum] {
		if maps.Equal(o, m) {
			x.byAnchor[anchor] = o
			return
		}
	}
	x.bySum[sum] = append(x.bySum[sum], m)
}

func (x *entryIndex) put(logical string, at entryAt) {
	rest, ok := strings.CutPrefix(logical, at.anchor)
	if ok {
		rest, ok = strings.CutPrefix(rest, "!/") // no string built per class for at.anchor+"!/"
	}
	if !ok || strings.Contains(at.anchor, "!/") {
		x.flat[logical] = at
		return
	}
	name, ok := x.names[rest]
	if !ok {
		name = strings.Clone(rest)
		x.names[name] = name
	}
	m := x.byAnchor[at.anchor]
	if m == nil {
		m = map[string]facts.Role{}
		x.byAnchor[at.anchor] = m
	} else if x.sealed[at.anchor] {
		// Its map may be another archive's too.
		m = maps.Clone(m)
		x.byAnchor[at.anchor] = m
		delete(x.sealed, at.anchor)
	}
	m[name] = at.role
}

func (x *entryIndex) get(logical string) (entryAt, bool) {
	if at, ok := x.flat[logical]; ok {
		return at, true
	}
	anchor, rest, ok := strings.Cut(logical, "!/")
	if !ok {
		return entryAt{}, false
	}
	role, ok := x.byAnchor[anchor][rest]
	return entryAt{anchor: anchor, role: role}, ok
}

func newProjectIndex(java []input, tokens []string, rs []*rules.Rule) *projectIndex {
	return &projectIndex{
		types: newTypeIndex(java), tokens: tokens, rules: rs, entries: newEntryIndex(), trimmed: map[classKey]*facts.File{}, solo: map[*facts.File]*facts.File{},
		seeds:    [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()},
		services: map[string]map[string]facts.ArchiveRef{}, holders: map[string]*holderList{}, chains: holderChains{}, anchorKeys: map[string]int32{}, archiveID: map[facts.ArchiveRef]int32{},
		refs: map[string]*facts.ClassRefs{}, fatJars: map[string]bool{}, loose: map[string][]string{}, looseUnits: map[string]bool{},
		names: map[string]string{},
	}
}

// Sizing the class maps ahead: a class takes about 2 KB of a jar
// (compressed), and a bound keeps a tree of many copies of one jar from
// reserving room for names it will not hold.
const (
	archivedBytesPerClass = 2048
	maxExpectedClasses    = 1 << 15
)

// expectClasses sizes the maps that hold an entry per class for the
// classes of archives of the given total size, so that they do not grow
// (rehashing every name held) while the archives are read. The maps are
// made before the lock is taken: making them is mostly the kernel
// faulting their fresh pages in (25 ms for a 30 MB jar set), which the
// scan runs beside the workers that already add to the maps held now.
// What those hold by then is moved over.
func (x *projectIndex) expectClasses(archivedBytes int64) {
	n := int(min(archivedBytes/archivedBytesPerClass, maxExpectedClasses))
	if n < 1024 {
		return
	}
	holders := make(map[string]*holderList, n)
	// Only the classes keepClass hashes: 5,350 of the 17,063 of a jar set
	// of 126 Debian jars declare a static field or write one.
	trimmed := make(map[classKey]*facts.File, n/2)
	names := make(map[string]string, n)
	x.mu.Lock()
	defer x.mu.Unlock()
	maps.Copy(holders, x.holders)
	maps.Copy(trimmed, x.trimmed)
	maps.Copy(names, x.entries.names)
	x.holders, x.trimmed, x.entries.names = holders, trimmed, names
}

// keep records a file's trimmed facts for the project rules.
func (x *projectIndex) keep(f *facts.File) {
	x.mu.Lock()
	x.share(f)
	x.files = append(x.files, f)
	x.mu.Unlock()
}

// share replaces the recurring strings of trimmed facts (forProject's own
// copies) with the index's copy of each; x.mu is held. A tree keeps the
// facts of every file with a static field until the project pass, and
// "java.lang.String", a class's name in the context of each of its
// fields, or "new HashMap<>()" recur in most of them.
func (x *projectIndex) share(f *facts.File) {
	name := func(s *string) {
		if *s == "" {
			return
		}
		if k, ok := x.names[*s]; ok {
			*s = k
			return
		}
		x.names[*s] = *s
	}
	ctx := func(c *facts.Context) { name(&c.Class); name(&c.Method) }
	expr := func(e *facts.Expr) {
		if e == nil {
			return
		}
		if len(e.Text) <= 32 {
			name(&e.Text)
		}
		name(&e.Value)
		name(&e.Type)
	}
	name(&f.Package)
	for i := range f.Fields {
		fd := &f.Fields[i]
		name(&fd.Type)
		name(&fd.TypeText)
		ctx(&fd.Context)
		expr(fd.Init)
		for j := range fd.Annotations {
			name(&fd.Annotations[j])
		}
	}
	for i := range f.Writes {
		w := &f.Writes[i]
		name(&w.Owner)
		name(&w.Name)
		name(&w.Method)
		ctx(&w.Context)
		expr(w.Value)
		for j := range w.Args {
			expr(&w.Args[j])
		}
	}
}

// keepClass records where a class sits and its trimmed facts, if a
// project rule can use them. A class's facts depend on its bytes alone
// (and its path): classes with the same bytes (one jar copied into many
// applications, a library shaded into several) share one trimmed copy, so
// the memory of the project pass grows with the distinct classes, not with
// the archives that hold them.
func (x *projectIndex) keepClass(data []byte, f *facts.File, logical string, at entryAt) {
	if !projectReads(f) {
		// Nothing to keep, whatever its copies: not hashed, not indexed
		// (most classes; this test costs less than the hash).
		return
	}
	x.keepClassKey(x.classKey(data), f, logical, at)
}

// keepClassKey is keepClass for a class whose key is known; it reports
// whether the project rules read anything of the class (projectReads).
func (x *projectIndex) keepClassKey(sum classKey, f *facts.File, logical string, at entryAt) bool {
	if !projectReads(f) {
		return false
	}
	x.mu.Lock()
	t, seen := x.trimmed[sum]
	x.mu.Unlock()
	if !seen {
		// Copies with the same bytes share t, test classes or not: it
		// keeps what a production copy needs.
		g := *f
		g.Test = false
		t = forProject(&g, x.rules)
		if !heldForProject(t) {
			t = nil // only fields no project rule reads
		} else {
			t.Path = ""
			x.mu.Lock()
			x.share(t)
			x.mu.Unlock()
		}
		x.mu.Lock()
		x.trimmed[sum] = t
		x.mu.Unlock()
	}
	x.keepAt(t, logical, f.Test, at)
	return true
}

// keepCopy is keepClassKey for a copy of a class kept before: the facts
// the project rules read are the first copy's, trimmed.
func (x *projectIndex) keepCopy(sum classKey, logical string, test bool, at entryAt) {
	x.mu.Lock()
	t := x.trimmed[sum]
	x.mu.Unlock()
	x.keepAt(t, logical, test, at)
}

// keepAt places a class's trimmed facts t (nil: nothing kept) at its path.
func (x *projectIndex) keepAt(t *facts.File, logical string, test bool, at entryAt) {
	if t == nil || test {
		return
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	// Only the classes the project rules read can carry their findings:
	// the others need no place, and a jar copied into many places would
	// otherwise cost an entry per class and copy.
	x.entries.put(logical, at)
	if len(t.Writes) == 0 {
		// Of copies that only declare, the project pass uses one: a
		// field's declaration there is the last by path (it wins over the
		// copies before it), and declarations are all they hold.
		if cur := x.solo[t]; cur != nil && cur.Path >= logical {
			return
		}
		k := *t
		k.Path = logical
		x.solo[t] = &k
		return
	}
	k := *t // the slices are shared and read only
	k.Path = logical
	x.files = append(x.files, &k)
}

// classKey identifies a class's bytes: two 64-bit hashes under random
// seeds and the length, so that different classes never meet in practice.
type classKey struct {
	a, b uint64
	n    int
}

func (x *projectIndex) classKey(data []byte) classKey {
	return classKey{maphash.Bytes(x.seeds[0], data), maphash.Bytes(x.seeds[1], data), len(data)}
}

// projectFiles lists the trimmed facts the project rules read.
func (x *projectIndex) projectFiles() []*facts.File {
	files := x.files
	for _, f := range x.solo {
		files = append(files, f)
	}
	return files
}

// sortedProjectFiles is projectFiles sorted by path: the order the project
// pass reads them in, the same from run to run (the workers add files in
// the order they finish them).
func (x *projectIndex) sortedProjectFiles() []*facts.File {
	files := x.projectFiles()
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files
}

// archiveIDOf is the number of an archive reference, for addClass. A
// walk asks once per reference it meets rather than once per class: the
// reference is three strings to hash.
func (x *projectIndex) archiveIDOf(ref facts.ArchiveRef) int32 {
	x.mu.Lock()
	defer x.mu.Unlock()
	id, ok := x.archiveID[ref]
	if !ok {
		id = int32(len(x.archiveRefs))
		x.archiveRefs = append(x.archiveRefs, ref)
		x.archiveID[ref] = id
		k, ok := x.anchorKeys[ref.Anchor]
		if !ok {
			k = int32(len(x.anchorKeys))
			x.anchorKeys[ref.Anchor] = k
		}
		x.archiveKeys = append(x.archiveKeys, k)
	}
	return id
}

// addClass records a class the archive numbered id (archiveIDOf) holds.
func (x *projectIndex) addClass(name string, id int32) {
	x.mu.Lock()
	x.holders[name] = x.chains.add(x.holders[name], id, x.archiveKeys[id])
	x.mu.Unlock()
}

// maxRefSites is how many referencing methods are kept per referenced
// class and unit: the index holds names, not every call site.
const maxRefSites = 5

// addRefs records the classes one class of a module code unit references
// (binary name -> referencing "Class.method"s). Each referencing method
// is seen once, from its own class, so the kept sites and the count of
// the others do not depend on the order classes are scanned in.
func (x *projectIndex) addRefs(unit facts.ArchiveRef, entry string, refs map[string]map[string]bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.addRefsLocked(unit, entry, refs)
}

// addLooseClass records a class file of a module's class directory (unit:
// the directory, "biz/target/classes") and the classes it references.
func (x *projectIndex) addLooseClass(unit facts.ArchiveRef, name, rel string, refs map[string]map[string]bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.loose[name] = append(x.loose[name], unit.Archive)
	x.looseUnits[unit.Archive] = true
	x.addRefsLocked(unit, rel, refs)
}

func (x *projectIndex) addRefsLocked(unit facts.ArchiveRef, entry string, refs map[string]map[string]bool) {
	cr := x.refs[unit.Archive]
	if cr == nil {
		cr = &facts.ClassRefs{Unit: unit, Classes: map[string]*facts.RefSites{}}
		x.refs[unit.Archive] = cr
	}
	// The class's findings are placed on its entry, as a class scan's are;
	// a loose class file is its own anchor.
	anchor := unit.Anchor
	if x.looseUnits[unit.Archive] {
		anchor = entry
	}
	x.entries.put(entry, entryAt{anchor: anchor, role: unit.Role})
	for name, froms := range refs {
		rs := cr.Classes[name]
		if rs == nil {
			rs = &facts.RefSites{}
			cr.Classes[name] = rs
		}
		for from := range froms {
			addSite(rs, from, entry)
		}
	}
}

// addSite keeps the maxRefSites smallest sites in order and counts the
// rest; Entry follows the first one.
func addSite(rs *facts.RefSites, from, entry string) {
	i := sort.SearchStrings(rs.From, from)
	if i < len(rs.From) && rs.From[i] == from {
		return
	}
	if i == maxRefSites {
		rs.More++
		return
	}
	rs.From = append(rs.From, "")
	copy(rs.From[i+1:], rs.From[i:])
	rs.From[i] = strings.Clone(from)
	if len(rs.From) > maxRefSites {
		rs.From = rs.From[:maxRefSites]
		rs.More++
	}
	if i == 0 {
		rs.Entry = entry
	}
}

// addFatJar records an outermost archive that is a Spring Boot fat jar.
func (x *projectIndex) addFatJar(rel string) {
	x.mu.Lock()
	x.fatJars[rel] = true
	x.mu.Unlock()
}

// sealArchive ends the walk of an outermost archive (entryIndex.seal).
func (x *projectIndex) sealArchive(rel string) {
	x.mu.Lock()
	x.entries.seal(rel)
	x.mu.Unlock()
}

// addProvider records a service (or "spring.factories KEY") an archive
// provides.
func (x *projectIndex) addProvider(key string, ref facts.ArchiveRef) {
	x.mu.Lock()
	putRef(x.services, key, ref)
	x.mu.Unlock()
}

func putRef(m map[string]map[string]facts.ArchiveRef, key string, ref facts.ArchiveRef) {
	if m[key] == nil {
		m[key] = map[string]facts.ArchiveRef{}
	}
	m[key][ref.Archive] = ref
}

// mentions records where the rules' mention tokens occur in a file.
func (x *projectIndex) mentions(rel string, src []byte) {
	for _, t := range x.tokens {
		if i := bytes.Index(src, []byte(t)); i >= 0 {
			m := facts.Mention{Token: t, Path: rel, Line: 1 + lineBreaks(src[:i])}
			x.mu.Lock()
			x.found = append(x.found, m)
			x.mu.Unlock()
		}
	}
}

// lineBreaks counts the line breaks in b: LF, CRLF and a lone CR each
// count once.
func lineBreaks(b []byte) int {
	n := 0
	for i, c := range b {
		if c == '\n' || c == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
			n++
		}
	}
	return n
}

// mentionsFound lists the mentions in path order.
func (x *projectIndex) mentionsFound() []facts.Mention {
	out := append([]facts.Mention(nil), x.found...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		return out[i].Token < out[j].Token
	})
	return out
}

// declared reports whether the project declares a class: a source of the
// tree (by its path) or a class of a scanned archive.
func (x *projectIndex) declared(fqn string) bool {
	return x.holders[fqn] != nil || x.types.HasType(fqn)
}

// classPath is the class-path fact the project rules read: only class
// names held by more than one archive are of interest.
func (x *projectIndex) classPath() *facts.ClassPath {
	cp := &facts.ClassPath{Services: map[string][]facts.ArchiveRef{}, Classes: map[string][]facts.ArchiveRef{}}
	for k, m := range x.services {
		cp.Services[k] = sortedRefs(m)
	}
	// Classes held by the same archives share one list: a jar copied a
	// thousand times made a list of a thousand references for each of its
	// classes, most of the live heap (12 MB for two hundred copies of
	// Guava). A list is only read, or replaced by a longer copy.
	// Classes ending at one holder node hold the same list: it is made
	// once per node, and lists equal from two nodes (one archive's
	// references recorded in two orders) are shared by their key.
	lists := map[string][]facts.ArchiveRef{}
	byNode := map[*holderList][]facts.ArchiveRef{}
	var key []byte
	for k, hs := range x.holders {
		if hs.length() < 2 {
			continue
		}
		refs, ok := byNode[hs]
		if !ok {
			if m := x.holdersOf(k); len(m) > 1 {
				refs = sortedRefs(m)
				key = refsKey(key[:0], refs)
				if l, ok := lists[string(key)]; ok {
					refs = l
				} else {
					lists[string(key)] = refs
				}
			}
			byNode[hs] = refs
		}
		if refs != nil {
			cp.Classes[k] = refs
		}
	}
	cp.Holders = func(class string) []facts.ArchiveRef {
		out := sortedRefs(x.holdersOf(class))
		for _, dir := range x.loose[class] {
			out = append(out, facts.ArchiveRef{Archive: dir, Anchor: dir})
		}
		return out
	}
	for _, k := range sortedKeys(x.refs) {
		cp.Refs = append(cp.Refs, *x.refs[k])
	}
	return cp
}

// holdersOf lists the archives holding a class, one reference per archive
// (the last recorded).
func (x *projectIndex) holdersOf(class string) map[string]facts.ArchiveRef {
	m := map[string]facts.ArchiveRef{}
	// From the last recorded back: the first seen of an archive stays.
	for l := x.holders[class]; l != nil; l = l.prev {
		if _, ok := m[x.archiveRefs[l.id].Archive]; !ok {
			m[x.archiveRefs[l.id].Archive] = x.archiveRefs[l.id]
		}
	}
	return m
}

// refsKey appends to b an encoding of refs that tells any two lists apart
// (each string after its length).
func refsKey(b []byte, refs []facts.ArchiveRef) []byte {
	for _, r := range refs {
		b = binary.AppendUvarint(b, uint64(len(r.Archive)))
		b = append(b, r.Archive...)
		b = binary.AppendUvarint(b, uint64(len(r.Anchor)))
		b = append(b, r.Anchor...)
		b = append(b, byte(r.Role))
	}
	return b
}

func sortedRefs(m map[string]facts.ArchiveRef) []facts.ArchiveRef {
	out := make([]facts.ArchiveRef, 0, len(m))
	for _, r := range m {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Archive < out[j].Archive })
	return out
}

// typeIndex answers "does the scanned tree declare this type" from file
// paths alone: a public top-level type lives in Name.java under a directory
// that ends with its package path. It needs no parsing. It holds the walk's
// sources and their indexes in the order of their base names, four bytes a
// file: a map by name with the directories cost about twenty times that on
// a large tree, where it lives until the end.
type typeIndex struct {
	ins    []input
	byBase []int32
}

func newTypeIndex(ins []input) typeIndex {
	x := typeIndex{ins: ins, byBase: make([]int32, len(ins))}
	for i := range x.byBase {
		x.byBase[i] = int32(i)
	}
	// Stable: the files of one name stay in path order, as the walk
	// listed them.
	sort.SliceStable(x.byBase, func(i, j int) bool { return x.base(x.byBase[i]) < x.base(x.byBase[j]) })
	return x
}

func (x typeIndex) base(i int32) string { return x.ins[i].base() }

// dirs calls yield with the slash directory (relative to the root, ""
// for the root) of each source named base, in path order, until it
// returns false.
func (x typeIndex) dirs(base string, yield func(dir string) bool) {
	i := sort.Search(len(x.byBase), func(i int) bool { return x.base(x.byBase[i]) >= base })
	for ; i < len(x.byBase) && x.base(x.byBase[i]) == base; i++ {
		if !yield(strings.TrimSuffix(x.ins[x.byBase[i]].dir.rel, "/")) {
			return
		}
	}
}

// inPackage reports whether the slash directory dir ends with the package
// directory pkgDir ("/a/b"), as "/"+dir would.
func inPackage(dir, pkgDir string) bool {
	return strings.HasSuffix(dir, pkgDir) || dir == pkgDir[1:]
}

func (x typeIndex) HasType(fqn string) bool { return x.hasTypeIn(fqn, nil) }

// hasTypeIn is HasType counting only the source directories keep accepts
// (nil: all).
func (x typeIndex) hasTypeIn(fqn string, keep func(dir string) bool) bool {
	if i := strings.IndexByte(fqn, '$'); i >= 0 {
		fqn = fqn[:i]
	}
	dot := strings.LastIndexByte(fqn, '.')
	if dot < 0 {
		return false
	}
	// The package's directory is made only for a file of the class's
	// name: most names asked (the JDK's, a library's) have none.
	pkgDir := ""
	found := false
	x.dirs(fqn[dot+1:]+".java", func(d string) bool {
		if pkgDir == "" {
			pkgDir = "/" + strings.ReplaceAll(fqn[:dot], ".", "/")
		}
		found = (keep == nil || keep(d)) && inPackage(d, pkgDir)
		return !found
	})
	return found
}

// source returns the text of the source file declaring the top-level
// class fqn, nil when the tree has none (abs: the sources' paths by
// relative path).
func (x typeIndex) source(fqn string, abs absIndex, max int64) []byte {
	dot := strings.LastIndexByte(fqn, '.')
	if dot < 0 {
		return nil
	}
	pkgDir := "/" + strings.ReplaceAll(fqn[:dot], ".", "/")
	base := fqn[dot+1:] + ".java"
	var out []byte
	x.dirs(base, func(d string) bool {
		if !inPackage(d, pkgDir) {
			return true
		}
		if a, ok := abs.get(strings.TrimPrefix(d+"/"+base, "/")); ok {
			if src, err := safefs.ReadFile(a, max); err == nil {
				out = src
				return false
			}
		}
		return true
	})
	return out
}

// forProject keeps what project rules read, so that holding every file's
// facts costs little: static fields, writes to statics, and the
// declarations that carry a kscan suppression (for findings placed in the
// file later). Calls, instance creations, argument lists and long
// expression texts are per-file matters.
//
// It returns nil when it would keep nothing (heldForProject): which static
// fields to keep is judged first, and most classes' (loggers, numbers)
// are none, so their names are not copied only to be dropped.
func forProject(f *facts.File, rs []*rules.Rule) *facts.File {
	// Which fields to keep is judged once: a class has few fields, and
	// its judgement runs every project rule's field test.
	var keepBuf [64]bool
	keep := keepBuf[:0]
	if len(f.Fields) > len(keepBuf) {
		keep = make([]bool, 0, len(f.Fields))
	}
	nfields := 0
	for i := range f.Fields {
		fd := &f.Fields[i]
		kept := fd.Static && keepField(fd, f.Test, rs)
		keep = append(keep, kept)
		if kept {
			nfields++
		}
	}
	nwrites := 0
	if !f.Test {
		for i := range f.Writes {
			if !rules.ProjectSkipsWrite(f.Writes[i].Context) {
				nwrites++
			}
		}
	}
	if nfields == 0 && nwrites == 0 && len(f.Suppressions) == 0 && !anySuppressedType(f.TypeDecls) && !anySuppressedMethod(f.Methods) {
		return nil
	}
	k := &facts.File{Path: f.Path, Package: strings.Clone(f.Package), Test: f.Test, Types: cloneAll(f.Types)}
	for _, sp := range f.Suppressions {
		sp.Rules, sp.Reason = cloneAll(sp.Rules), strings.Clone(sp.Reason)
		k.Suppressions = append(k.Suppressions, sp)
	}
	for _, t := range f.TypeDecls {
		if suppressAnnotation(t.Annotations) {
			t.Name, t.Kind, t.Super = strings.Clone(t.Name), strings.Clone(t.Kind), strings.Clone(t.Super)
			t.Interfaces, t.Annotations = cloneAll(t.Interfaces), cloneAll(t.Annotations)
			k.TypeDecls = append(k.TypeDecls, t)
		}
	}
	for _, m := range f.Methods {
		if suppressAnnotation(m.Annotations) {
			m.Class, m.Name = strings.Clone(m.Class), strings.Clone(m.Name)
			m.Params, m.Returns = strings.Clone(m.Params), strings.Clone(m.Returns)
			m.Annotations = cloneAll(m.Annotations)
			if m.Parameters != nil {
				ps := make([]facts.Param, len(m.Parameters))
				for i, p := range m.Parameters {
					p.Name, p.Type, p.TypeText = strings.Clone(p.Name), strings.Clone(p.Type), strings.Clone(p.TypeText)
					ps[i] = p
				}
				m.Parameters = ps
			}
			k.Methods = append(k.Methods, m)
		}
	}
	// Only the static fields a project rule reads (most are loggers,
	// serialVersionUIDs and numeric constants), in slices of their exact
	// length: the copies live until the project pass.
	if nfields > 0 {
		k.Fields = make([]facts.Field, 0, nfields)
	}
	for i, fd := range f.Fields {
		if keep[i] {
			fd.Init = shortExpr(fd.Init)
			fd.Name, fd.Type, fd.TypeText = strings.Clone(fd.Name), strings.Clone(fd.Type), strings.Clone(fd.TypeText)
			fd.Annotations = cloneAll(fd.Annotations)
			fd.Context = cloneContext(fd.Context)
			k.Fields = append(k.Fields, fd)
		}
	}
	if f.Test {
		return k // the project rules count no test file's writes
	}
	if nwrites > 0 {
		k.Writes = make([]facts.Write, 0, nwrites)
	}
	for _, w := range f.Writes {
		if rules.ProjectSkipsWrite(w.Context) {
			continue // most static writes of compiled code are in <clinit>
		}
		w.Args = literalArgs(w.Args)
		w.Value = shortExpr(w.Value)
		w.Owner, w.Name, w.Method = strings.Clone(w.Owner), strings.Clone(w.Name), strings.Clone(w.Method)
		w.Context = cloneContext(w.Context)
		k.Writes = append(k.Writes, w)
	}
	return k
}

// literalArgs keeps a call's arguments when each is a literal (a flag's
// set(false), a once-guard's compareAndSet(false, true)): a few bytes that
// tell the project rules a fixed value from a caller's; other arguments
// are dropped.
func literalArgs(args []facts.Expr) []facts.Expr {
	if len(args) == 0 || len(args) > 2 {
		return nil
	}
	out := make([]facts.Expr, len(args))
	for i, a := range args {
		if a.Kind != facts.ExprLiteral || len(a.Text) > 8 {
			return nil
		}
		out[i] = facts.Expr{Kind: a.Kind, Text: strings.Clone(a.Text), Type: strings.Clone(a.Type)}
	}
	return out
}

// keepField reports whether forProject keeps a static field: one a
// project rule reads, judged on the copy it would keep (an initialiser cut
// short, as the rule will see it), or one whose annotation suppresses a
// finding there.
func keepField(fd *facts.Field, test bool, rs []*rules.Rule) bool {
	if suppressAnnotation(fd.Annotations) {
		return true
	}
	if !fd.Static {
		return false // as ProjectReadsField: no copy to judge
	}
	if in := fd.Init; in == nil || len(in.Text) <= 256 && in.Local == nil && in.Call == nil && in.Field == nil {
		return rules.ProjectReadsField(fd, test, rs) // the copy would be the field
	}
	c := *fd
	if fd.Init != nil {
		x := cutExpr(*fd.Init)
		c.Init = &x
	}
	return rules.ProjectReadsField(&c, test, rs)
}

// heldForProject reports whether a source's trimmed facts hold anything
// read after the sources step: the fields and writes of the project rules
// and of the constants that settle a lookup (test files' too), and what
// suppresses a finding placed in the file. A file with none of them is
// not kept: on a large tree most files are such.
func heldForProject(k *facts.File) bool {
	return k != nil && (len(k.Fields) > 0 || len(k.Writes) > 0 || len(k.TypeDecls) > 0 || len(k.Methods) > 0 || len(k.Suppressions) > 0)
}

// projectReads reports whether forProject keeps anything a project rule
// reads (a static field, a write it counts, a declaration with a kscan
// suppression), without making the copy: a class with none adds nothing.
func projectReads(f *facts.File) bool {
	for i := range f.Fields {
		if f.Fields[i].Static {
			return true
		}
	}
	for i := range f.Writes {
		if !rules.ProjectSkipsWrite(f.Writes[i].Context) {
			return true
		}
	}
	for i := range f.TypeDecls {
		if suppressAnnotation(f.TypeDecls[i].Annotations) {
			return true
		}
	}
	for i := range f.Methods {
		if suppressAnnotation(f.Methods[i].Annotations) {
			return true
		}
	}
	return false
}

// The strings of bytecode facts are substrings of a class's constant pool;
// cloning what outlives the class keeps the pool from staying alive with it.

func cloneAll(xs []string) []string {
	if xs == nil {
		return nil
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strings.Clone(x)
	}
	return out
}

func cloneContext(c facts.Context) facts.Context {
	c.Class, c.Method = strings.Clone(c.Class), strings.Clone(c.Method)
	return c
}

func anySuppressedType(ts []facts.TypeDecl) bool {
	for i := range ts {
		if suppressAnnotation(ts[i].Annotations) {
			return true
		}
	}
	return false
}

func anySuppressedMethod(ms []facts.MethodDecl) bool {
	for i := range ms {
		if suppressAnnotation(ms[i].Annotations) {
			return true
		}
	}
	return false
}

func suppressAnnotation(anns []string) bool {
	for _, a := range anns {
		if strings.Contains(a, "kscan:") {
			return true
		}
	}
	return false
}

// shortExpr copies an expression with its text cut to what project rules
// match on (the start of an initialiser: "Collections.unmodifiableMap(",
// "new ConcurrentHashMap<>(").
func shortExpr(x *facts.Expr) *facts.Expr {
	if x == nil {
		return nil
	}
	c := cutExpr(*x)
	c.Text, c.Value, c.Type = strings.Clone(c.Text), strings.Clone(c.Value), strings.Clone(c.Type)
	return &c
}

// cutExpr is shortExpr without the copies of its strings.
func cutExpr(c facts.Expr) facts.Expr {
	if len(c.Text) > 256 {
		c.Text = c.Text[:256]
	}
	c.Local, c.Call, c.Field = nil, nil, nil
	return c
}

// dropDeclared removes the findings whose rule asked to be dropped when
// the project declares a class (rules.Diagnostic.UnlessDeclared).
func dropDeclared(fs []finding.Finding, declared func(string) bool) []finding.Finding {
	out := fs[:0]
	for _, f := range fs {
		if f.UnlessDeclared != "" && declared(f.UnlessDeclared) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// settleOne applies one of a finding's pending verdicts: settled drops
// the finding; otherwise clear takes that verdict off, and a finding that
// waits for nothing else is kept as it is (keep).
func settleOne(f *finding.Finding, settled bool, clear func(*facts.Pending)) (drop, keep bool) {
	if settled {
		return true, false
	}
	p := *f.Pending
	clear(&p)
	if reflect.DeepEqual(p, facts.Pending{Class: p.Class, NameParam: -1}) {
		f.Pending = nil
		return false, true
	}
	f.Pending = &p
	return false, false
}

// dropSettled removes the findings whose pending verdict the whole
// project clears (rules.Diagnostic.Pending).
// The project's constants are indexed only when a finding waits for them.
func dropSettled(fs []finding.Finding, g *facts.CallGraph, files []*facts.File, source, sourceAt func(string) []byte,
	mentions func(string) ([]string, bool), declared func(string) bool) []finding.Finding {
	var k *rules.Constants
	out := fs[:0]
	for _, f := range fs {
		if f.Pending != nil && f.Pending.Unread != "" {
			// A static no code of its file reads: settled when no other
			// source reads it; otherwise its other pending verdict, if
			// any, decides.
			drop, keep := settleOne(&f, rules.SettleUnread(f.Pending, sourceAt, mentions, f.Path), func(p *facts.Pending) { p.Unread = "" })
			if keep {
				out = append(out, f)
			}
			if drop || keep {
				continue
			}
		}
		if f.Pending != nil && f.Pending.PerThreadHolder != "" {
			// A static holding an object of another file's class: when
			// that class's state is all per thread, so is the static's.
			// Otherwise the finding's other pending verdict, if any,
			// decides.
			drop, keep := settleOne(&f, rules.SettlePerThread(f.Pending, source), func(p *facts.Pending) { p.PerThreadHolder = "" })
			if keep {
				out = append(out, f)
			}
			if drop || keep {
				continue
			}
		}
		if f.Pending != nil && f.Pending.OwnerRegistry {
			// A registry each object joins and leaves itself: settled
			// by the calls that pass the owners in; when they do not,
			// the finding's other pending verdict (its setters) decides.
			if rules.SettleOwners(f.Pending, g, sourceAt, mentions, f.Path) {
				if !f.Pending.OwnersNote {
					continue
				}
				f.Severity, f.Level = rules.SeverityLow, rules.SeverityLow.Level()
				f.Message = rules.OwnerNoteMessage(f.Message)
				f.Pending = nil
				out = append(out, f)
				continue
			}
			p := *f.Pending
			p.OwnerRegistry, p.Owners = false, nil
			f.Pending = &p
			if len(p.Stores) == 0 && len(p.OwnClasses) == 0 {
				f.Pending = nil
				out = append(out, f)
				continue
			}
		}
		if f.Pending != nil && len(f.Pending.Stores) > 0 {
			// A static field's setters: settled by their callers alone.
			if rules.SettleStores(f.Pending, g, source, sourceAt) {
				continue
			}
			// Or called only with the library's own objects: an engine's
			// singleton, a note while apps can call the setter too.
			if ok, note := rules.SettleOwnSingleton(f.Pending, g, source); ok && !note {
				continue
			} else if ok {
				f.Severity, f.Level = rules.SeverityLow, rules.SeverityLow.Level()
				f.Message = rules.OwnSingletonNote(f.Message)
			}
			f.Pending = nil
			out = append(out, f)
			continue
		}
		if f.Pending != nil && len(f.Pending.OwnClasses) > 0 {
			// A static holding instances of classes named by other
			// files' constants: settled by what those constants name.
			if k == nil {
				k = rules.NewConstants(files)
				k.Source, k.SourceAt, k.Mentions = source, sourceAt, mentions
			}
			if !rules.SettleOwnClasses(f.Pending, k, declared) {
				f.Pending = nil
				out = append(out, f)
			}
			continue
		}
		if f.Pending != nil && f.Pending.OptIn != nil {
			// An opt-in switch read through another class's helper: its
			// source says whether the default the caller passes holds.
			if note, ok := rules.SettleOptIn(f.Pending.OptIn, source); ok && f.Severity > rules.SeverityLow {
				f.Severity, f.Level = rules.SeverityLow, rules.SeverityLow.Level()
				f.Message += note
			} else if ok {
				// Already a note for the flag's setter: the switch its
				// writers read says more.
				f.Message = rules.WithOptInNote(f.Message, note)
			}
			f.Pending = nil
			out = append(out, f)
			continue
		}
		if f.Pending != nil && f.Pending.OptInCallers != nil {
			// A method the project may call only behind an opt-in
			// switch: settled by its callers' text.
			if note, ok := rules.SettleOptInCallers(f.Pending, g, source, sourceAt, mentions); ok {
				if f.Severity > rules.SeverityLow {
					f.Severity, f.Level = rules.SeverityLow, rules.SeverityLow.Level()
				}
				f.Message += note
			}
			f.Pending = nil
			out = append(out, f)
			continue
		}
		if f.Pending != nil && f.Pending.Switcher != nil {
			// A loader switch left to its callers: settled by their text.
			if !rules.SettleSwitcher(f.Pending, g, sourceAt) {
				f.Pending = nil
				out = append(out, f)
			}
			continue
		}
		if f.Pending != nil && k == nil {
			k = rules.NewConstants(files)
			k.Source, k.SourceAt, k.Mentions = source, sourceAt, mentions
		}
		if f.Pending != nil {
			f.Pending.EntrySensitive = f.EntrySensitive
			clear, probe := rules.Settle(f.Pending, g, k, declared)
			if clear {
				continue
			}
			if probe && f.Severity > rules.SeverityInfo {
				f.Severity, f.Level = rules.SeverityInfo, rules.SeverityInfo.Level()
				f.Message += " (every name it is given is a constant: a presence probe, fine when the base provides that library)"
				f.Fixes = nil // a probe is fine as written: no edit
			}
			if v, ok := rules.SettleDefault(f.Pending, k, declared); ok && f.Severity > rules.SeverityLow {
				// The library's extension point, its default its own class.
				f.Severity, f.Level = rules.SeverityLow, rules.SeverityLow.Level()
				f.Message += rules.DefaultNote(v)
			}
		}
		f.Pending = nil
		out = append(out, f)
	}
	return out
}

package scanner

import (
	"fmt"
	"path"
	"strings"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner/finding"
)

// ownBuildShare is the share of an archive's classes that must sit in
// packages the tree's main sources declare for the archive to count as a
// build of those sources: an earlier release of the project kept to
// bootstrap its own build (a parser generator generating its own parser),
// or a jar built from the tree and checked in. Nine in ten, so that a
// library's jar beside one patched class of its source stays a library.
const ownBuildShare = 0.9

// ownBuildMinClasses is the fewest classes an archive needs before its
// packages say anything: a jar of two classes in a package the tree also
// uses may as well be a small library that splits it.
const ownBuildMinClasses = 5

// ownCopies answers, for a scan that read Java sources, whether a compiled
// class is a copy of the tree's own code: its source is in the tree, or
// its archive is a build of the tree's packages. The tree's sources are
// what the project builds; a compiled copy is an earlier or the current
// build of them, and its findings are the sources' findings again or
// stale ones.
type ownCopies struct {
	types typeIndex
	// lastDirs maps the last segment of each main source directory to the
	// directories (slash, relative to the root) that end with it: built
	// by the first archive whose packages are asked about (ownBuilds runs
	// on one goroutine, after the scan); hasSource, which the call graph
	// asks on the workers, does not need it.
	lastDirs map[string][]string
}

func newOwnCopies(types typeIndex) *ownCopies { return &ownCopies{types: types} }

func (o *ownCopies) indexDirs() {
	if o.lastDirs != nil {
		return
	}
	o.lastDirs = map[string][]string{}
	seen := map[*pathDir]bool{}
	for i := range o.types.ins {
		d := o.types.ins[i].dir
		if seen[d] {
			continue
		}
		seen[d] = true
		rel := strings.TrimSuffix(d.rel, "/")
		if rel == "" || testDir(rel) {
			continue
		}
		last := rel[strings.LastIndexByte(rel, '/')+1:]
		o.lastDirs[last] = append(o.lastDirs[last], rel)
	}
}

// testDir reports a slash directory in a test tree (src/test/java,
// test/, tests/): a copy of a class there shadows a library's class for
// the tests, it is not what the project ships.
func testDir(rel string) bool {
	for _, s := range strings.Split(rel, "/") {
		if s == "test" || s == "tests" {
			return true
		}
	}
	return false
}

// hasSource reports whether a main source of the tree declares the
// top-level class of the binary name fqn.
func (o *ownCopies) hasSource(fqn string) bool {
	return o.types.hasTypeIn(fqn, func(dir string) bool { return !testDir(dir) })
}

// declaresPackage reports whether a main source directory of the tree
// ends with the package's directory.
func (o *ownCopies) declaresPackage(pkg string) bool {
	o.indexDirs()
	last := pkg[strings.LastIndexByte(pkg, '.')+1:]
	pkgDir := "/" + strings.ReplaceAll(pkg, ".", "/")
	for _, d := range o.lastDirs[last] {
		if inPackage(d, pkgDir) {
			return true
		}
	}
	return false
}

// ownBuilds returns the archives among wanted (logical paths) that are
// builds of the tree's packages, with their share of such classes.
func (o *ownCopies) ownBuilds(x *projectIndex, wanted map[string]bool) map[string][2]int {
	ids := map[int32]string{}
	for id, ref := range x.archiveRefs {
		if wanted[ref.Archive] {
			ids[int32(id)] = ref.Archive
		}
	}
	if len(ids) == 0 {
		return nil
	}
	counts := map[string]*[2]int{} // archive -> own, all
	pkgOwn := map[string]bool{}
	for class, hs := range x.holders {
		pkg := ""
		if dot := strings.LastIndexByte(class, '.'); dot >= 0 {
			pkg = class[:dot]
		}
		for ; hs != nil; hs = hs.prev {
			a, ok := ids[hs.id]
			if !ok {
				continue
			}
			c := counts[a]
			if c == nil {
				c = new([2]int)
				counts[a] = c
			}
			c[1]++
			own, known := pkgOwn[pkg]
			if !known {
				own = pkg != "" && o.declaresPackage(pkg)
				pkgOwn[pkg] = own
			}
			if own {
				c[0]++
			}
		}
	}
	out := map[string][2]int{}
	for a, c := range counts {
		if c[1] >= ownBuildMinClasses && float64(c[0]) >= ownBuildShare*float64(c[1]) {
			out[a] = *c
		}
	}
	return out
}

// dropOwnCopies removes the findings in compiled classes that are copies
// of the tree's own sources: a class whose source the tree holds (by its
// path, or because the scan reported a finding in it), or any class of an
// archive that is a build of the tree's packages. It says per archive (or
// class directory) how many it dropped and why, so that a wrong guess
// shows. o is nil when the scan read no source.
func dropOwnCopies(fs []finding.Finding, o *ownCopies, x *projectIndex) ([]finding.Finding, []finding.Notification) {
	compiled := func(f *finding.Finding) bool { return f.Class != "" && !strings.HasSuffix(f.Path, ".java") }
	archiveOf := func(f *finding.Finding) string {
		if i := strings.LastIndex(f.Entry, "!/"); i >= 0 {
			return f.Entry[:i]
		}
		return ""
	}
	if o == nil {
		return fs, nil
	}
	wanted := map[string]bool{}
	inSource := map[string]bool{} // top-level classes a source finding is in
	anyCompiled := false
	for i := range fs {
		f := &fs[i]
		if !compiled(f) {
			if f.Class != "" {
				inSource[f.Class], inSource[topLevel(f.Class)] = true, true
			}
			continue
		}
		anyCompiled = true
		if a := archiveOf(f); a != "" {
			wanted[a] = true
		}
	}
	if !anyCompiled {
		return fs, nil
	}
	builds := o.ownBuilds(x, wanted)
	type tally struct{ sources, build int }
	dropped := map[string]*tally{}
	out := fs[:0]
	for _, f := range fs {
		if !compiled(&f) {
			out = append(out, f)
			continue
		}
		a := archiveOf(&f)
		where := a
		if where == "" {
			where = classRoot(f.Path, f.Class)
		}
		switch _, build := builds[a]; {
		case build:
			t := dropped[where]
			if t == nil {
				t = &tally{}
				dropped[where] = t
			}
			t.build++
		case inSource[f.Class] || inSource[topLevel(f.Class)] || o.hasSource(f.Class):
			t := dropped[where]
			if t == nil {
				t = &tally{}
				dropped[where] = t
			}
			t.sources++
		default:
			out = append(out, f)
		}
	}
	var notes []finding.Notification
	for _, where := range sortedKeys(dropped) {
		t := dropped[where]
		var msg string
		if c, ok := builds[where]; ok {
			msg = fmt.Sprintf("%s in its classes not reported: %d of its %d classes are in packages of the tree's own sources, so it is a build of them (an earlier release kept for the build, or a jar built from the tree); the sources are scanned instead", findingsN(t.build), c[0], c[1])
		} else {
			msg = fmt.Sprintf("%s not reported in classes whose sources the tree holds: the sources are scanned instead", findingsN(t.sources))
		}
		path := where
		if i := strings.Index(path, "!/"); i >= 0 {
			msg = path + ": " + msg
			path = path[:i]
		}
		notes = append(notes, finding.Notification{Path: path, Level: rules.LevelNote, Kind: "own-build", Message: msg})
	}
	return out, notes
}

// classRoot is the directory a class file's package path starts in
// ("biz/target/classes" for biz/target/classes/com/acme/Foo.class and
// com.acme.Foo), or the file's path when it does not end with it.
func classRoot(p, class string) string {
	if i := strings.IndexByte(class, '$'); i >= 0 {
		class = class[:i]
	}
	file := strings.TrimSuffix(p, ".class")
	if j := strings.IndexByte(path.Base(file), '$'); j >= 0 {
		file = file[:len(file)-len(path.Base(file))+j]
	}
	tail := strings.ReplaceAll(class, ".", "/")
	if file == tail {
		return "."
	}
	if strings.HasSuffix(file, "/"+tail) {
		return file[:len(file)-len(tail)-1]
	}
	return p
}

func findingsN(n int) string {
	if n == 1 {
		return "1 finding"
	}
	return fmt.Sprintf("%d findings", n)
}

// topLevel is the top-level class of a binary class name (a.B for a.B$C).
func topLevel(class string) string {
	if i := strings.IndexByte(class, '$'); i >= 0 {
		return class[:i]
	}
	return class
}

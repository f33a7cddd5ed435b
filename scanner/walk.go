package scanner

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner/finding"
	"github.com/kscan/kscan/scanner/scope"
)

// skipDirs are tool directories that hold no sources of the project, by
// name at any depth.
var skipDirs = map[string]bool{
	".git": true, ".hg": true, ".svn": true, "node_modules": true, ".gradle": true, ".idea": true,
}

// outputNames are the names of the build output directories of Maven,
// Gradle, Ant and IDEs, which are also good package names
// (org.springframework.aop.target): such a directory is skipped only as
// a build's output (buildOutput).
var outputNames = map[string]bool{"target": true, "build": true, "out": true}

// outputEntries are what a build's output directory holds (Maven's
// classes and maven-status, Gradle's libs and tmp, an IDE's production).
var outputEntries = []string{"classes", "test-classes", "maven-status", "maven-archiver", "generated-sources", "libs", "tmp", "production"}

// outputMarkers beside a directory make it the output of that build.
var outputMarkers = []string{"pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "build.xml"}

// buildOutput reports a directory named like a build's output that is
// one: it sits beside a build file, or holds what a build writes. A
// package directory of that name inside a source tree is neither.
func buildOutput(p string) bool {
	return holdsAny(p, outputEntries) || holdsAny(filepath.Dir(p), outputMarkers)
}

// holdsAny reports a directory holding an entry of one of the names.
func holdsAny(dir string, names []string) bool {
	for _, n := range names {
		if _, err := os.Lstat(filepath.Join(dir, n)); err == nil {
			return true
		}
	}
	return false
}

// walker is the one skip policy of a scan: skipped directory names,
// --exclude globs, symbolic links (followed only to regular files inside
// the root), and non-regular files.
type walker struct {
	root     string
	excludes []string
	// context is the absolute path of a base given with --base: read
	// for the slimming rules only, never scanned, even inside a target.
	context string
	kinds   []inputKind
	notify  func(finding.Notification)
	// dirs holds the directories of the inputs by absolute path (with a
	// trailing separator) while the walk runs, and names their base names
	// until the walk ends, when they go to *table, the directories' names.
	dirs  map[string]*pathDir
	names strings.Builder
	table *string
	// listed and skipped, when set, collect for the scope indexes the
	// regular files scope.Listable accepts (before the skip policy) and
	// the directories the walk does not enter whose names are not hidden,
	// as slash paths relative to the root, in walk order.
	listed, skipped *[]string
	// readers read directories ahead of the walk (0: the walk reads each).
	readers int
}

// walk traverses the targets once and hands each file to the first input
// kind that wants it.
func (w *walker) walk(targets []string) (*walked, error) {
	out := &walked{byKind: make([][]input, len(w.kinds)), above: map[string][]input{}, targetHasBuild: map[string]bool{}}
	w.dirs, w.table = map[string]*pathDir{}, new(string)
	defer func() { w.dirs = nil }()
	// The files taken, by directory and name (an input's directory is one
	// value for the whole walk), and the real paths of linked files taken.
	type file struct {
		dir  *pathDir
		name string
	}
	seen := map[file]bool{}
	seenReal := map[string]bool{}
	type link struct {
		p, rel string
		size   int64
		kind   int
	}
	var links []link // linked files, taken after the walk so real files win
	add := func(k int, p, rel string, size int64, named bool) {
		d, name := w.dir(p, rel)
		if f := (file{d, name}); !seen[f] {
			seen[f] = true
			out.byKind[k] = append(out.byKind[k], w.input(d, name, size, named))
		}
	}
	for _, t := range targets {
		abs, err := filepath.Abs(t)
		if err != nil {
			return nil, &PathError{t, err}
		}
		fi, err := os.Stat(abs)
		if err != nil {
			return nil, &PathError{t, errors.Unwrap(err)}
		}
		if !fi.IsDir() {
			if !fi.Mode().IsRegular() {
				return nil, &PathError{t, errors.New("not a regular file or directory")}
			}
			out.order = append(out.order, abs)
			out.targetHasBuild[abs] = true // a file target is never a project by itself
			out.above[abs] = w.pomsAbove(abs)
			rel := w.rel(abs)
			k := w.kindOf(rel, nil)
			if k < 0 {
				w.note(rel, rules.LevelWarning, "unsupported", "not a .java file; skipped")
				continue
			}
			add(k, abs, rel, fi.Size(), true)
			continue
		}
		hasBuild := false
		ahead := newDirAhead(w.readers, func(p, name string) bool {
			// What the walk skips by name or path is not read ahead; a
			// directory named like a build's output is read if entered.
			return !skipDirs[name] && !outputNames[name] && p != w.context && !excluded(w.rel(p), w.excludes)
		})
		err = walkDirAhead(abs, ahead, func(p string, d fs.DirEntry, err error) error {
			rel := w.rel(p)
			if err != nil {
				w.note(rel, rules.LevelError, "read-error", "cannot read: "+errText(err))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if p != abs && (skipDirs[d.Name()] || outputNames[d.Name()] && buildOutput(p) || excluded(rel, w.excludes)) || p == w.context {
					if w.skipped != nil && !strings.HasPrefix(d.Name(), ".") {
						*w.skipped = append(*w.skipped, rel)
					}
					return fs.SkipDir
				}
				return nil
			}
			if w.listed != nil && d.Type().IsRegular() && scope.Listable(rel) {
				*w.listed = append(*w.listed, rel)
			}
			if excluded(rel, w.excludes) || p == w.context {
				return nil
			}
			k := w.kindOf(rel, d)
			if k >= 0 && w.kinds[k].name() == kindBuild {
				hasBuild = true
			}
			switch {
			case d.Type()&fs.ModeSymlink != 0:
				if size, ok := w.followLink(p, rel, k); ok {
					links = append(links, link{p, rel, size, k})
				}
			case k < 0:
				if d.Type().IsRegular() && isStaleTemp(p, d.Name()) {
					out.staleTemps = append(out.staleTemps, p)
				}
			case !d.Type().IsRegular():
				w.note(rel, rules.LevelWarning, "read-error", "not a regular file; skipped")
			case w.kinds[k].name() == kindJava:
				// A source's size is read when the source is (its cap is
				// checked then): no lstat of each of the tree's sources here.
				add(k, p, rel, -1, false)
			default:
				fi, err := d.Info()
				if err != nil {
					w.note(rel, rules.LevelError, "read-error", "cannot read: "+errText(err))
					return nil
				}
				add(k, p, rel, fi.Size(), false)
			}
			return nil
		})
		ahead.stop()
		if err != nil {
			return nil, &PathError{t, err}
		}
		out.order = append(out.order, abs)
		out.targetHasBuild[abs] = hasBuild
		out.above[abs] = w.pomsAbove(abs)
	}
	for _, l := range links {
		real, err := filepath.EvalSymlinks(l.p)
		if err == nil && (seenReal[real] || w.taken(real, func(d *pathDir, name string) bool { return seen[file{d, name}] })) {
			continue // the same file is scanned under its real path
		}
		if real != "" {
			seenReal[real] = true
		}
		add(l.kind, l.p, l.rel, l.size, false)
	}
	// The names end to end, without the builder's slack.
	*w.table = strings.Clone(w.names.String())
	w.names.Reset()
	for k, ins := range out.byKind {
		sort.Slice(ins, func(i, j int) bool { return relCompare(&ins[i], &ins[j]) < 0 })
		// Without the slack of appending: the lists live until the end.
		out.byKind[k] = slices.Clip(append([]input(nil), ins...))
	}
	return out, nil
}

// wholeDirs reports a walk of directories alone, with no file left out
// but by skipDirs and build outputs, and those directories (slash paths relative to the
// root, "." for the root): it saw every file of them outside the skipped
// directories.
func (w *walker) wholeDirs(out *walked) ([]string, bool) {
	if len(out.order) == 0 || len(w.excludes) > 0 || w.context != "" {
		return nil, false
	}
	var dirs []string
	for _, p := range out.order {
		rel, err := filepath.Rel(w.root, p)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, false
		}
		if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
			return nil, false
		}
		dirs = append(dirs, filepath.ToSlash(rel))
	}
	return dirs, true
}

// followLink decides about a symbolic link met in a directory: a link to a
// regular file inside the root is scanned under its own name; a link out
// of the root is never followed (a repository must not make kscan read the
// host's files), and neither is a link to a directory (it would loop, and
// a target inside the tree is scanned where it really lives).
func (w *walker) followLink(p, rel string, k int) (size int64, ok bool) {
	fi, err := os.Stat(p)
	switch {
	case err != nil && errors.Is(err, syscall.ELOOP):
		w.note(rel, rules.LevelWarning, "read-error", "symbolic link loop; skipped")
		return 0, false
	case err != nil:
		if k >= 0 && w.kinds[k].name() == kindJava {
			w.note(rel, rules.LevelWarning, "read-error", "broken symbolic link; skipped")
		}
		return 0, false
	case fi.IsDir() || k < 0:
		return 0, false
	}
	if inside, err := safefs.Within(w.root, p); err != nil || !inside {
		w.note(rel, rules.LevelWarning, "outside-root", "symbolic link to a file outside the scanned root; not followed")
		return 0, false
	}
	if !fi.Mode().IsRegular() {
		w.note(rel, rules.LevelWarning, "read-error", "symbolic link to something that is not a regular file; skipped")
		return 0, false
	}
	return fi.Size(), true
}

// dir is the directory of the file at the absolute path p (rel relative
// to the root), one value for all the walk's files there, and the file's
// base name.
func (w *walker) dir(p, rel string) (*pathDir, string) {
	name := filepath.Base(p)
	dirAbs := p[:len(p)-len(name)]
	d := w.dirs[dirAbs]
	if d == nil {
		// Copies: p and rel are one file's, and only the directory lives on.
		dirRel, _ := strings.CutSuffix(rel, name)
		d = &pathDir{abs: strings.Clone(dirAbs), names: w.table}
		if strings.HasSuffix(d.abs, dirRel) {
			d.rel = d.abs[len(d.abs)-len(dirRel):]
		} else {
			d.rel = strings.Clone(dirRel)
		}
		w.dirs[d.abs] = d
	}
	return d, name
}

// input makes the input of the file name in d; its name is readable once
// the walk ends. (A name is at most 255 bytes on the usual file systems,
// 765 in UTF-8 on Windows: the offsets fit.)
func (w *walker) input(d *pathDir, name string, size int64, named bool) input {
	in := input{dir: d, size: size, nameAt: uint32(w.names.Len()), nameLen: uint16(len(name)), named: named}
	w.names.WriteString(name)
	return in
}

// taken reports whether seen holds the file at the absolute path p, a
// real path of a link's target.
func (w *walker) taken(p string, seen func(d *pathDir, name string) bool) bool {
	name := filepath.Base(p)
	d := w.dirs[p[:len(p)-len(name)]]
	return d != nil && seen(d, name)
}

// pomsAbove lists the pom.xml files of the directories above dir, up to
// and including the root, nearest first. They are read, never walked.
func (w *walker) pomsAbove(dir string) []input {
	var out []input
	if r, err := filepath.Rel(w.root, dir); err != nil || r == "." || strings.HasPrefix(r, "..") {
		return nil
	}
	for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
		r, err := filepath.Rel(w.root, d)
		if err != nil || strings.HasPrefix(r, "..") {
			break
		}
		p := filepath.Join(d, "pom.xml")
		if fi, err := os.Lstat(p); err == nil && fi.Mode().IsRegular() {
			pd, name := w.dir(p, w.rel(p))
			out = append(out, w.input(pd, name, fi.Size(), false))
		}
		if d == w.root || d == filepath.Dir(d) {
			break
		}
	}
	return out
}

func (w *walker) kindOf(rel string, d fs.DirEntry) int {
	for i, k := range w.kinds {
		if k.wants(rel, d) {
			return i
		}
	}
	return -1
}

func (w *walker) rel(abs string) string {
	r, err := filepath.Rel(w.root, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	r = filepath.ToSlash(r)
	// The usual case, a path under the root, shares the absolute path's
	// bytes: a large tree keeps both for every file until the end.
	if n := len(w.root); len(abs) > n+1 && abs[n] == '/' && abs[n+1:] == r {
		return abs[n+1:]
	}
	return r
}

func (w *walker) note(rel string, level rules.Level, kind, msg string) {
	w.notify(finding.Notification{Path: rel, Level: level, Kind: kind, Message: msg})
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Excluded reports whether the walk skips the slash-separated path rel
// (relative to the scan root) for matching an --exclude pattern. A
// baseline uses it to tell a finding that is gone from one that was not
// looked for.
func Excluded(rel string, patterns []string) bool { return excluded(rel, patterns) }

// excluded matches a slash-separated relative path against --exclude globs.
// A pattern without a slash matches any single path segment (as in
// .gitignore); with a slash it matches the whole path, where "**" stands
// for any number of segments; a pattern matching a directory excludes
// everything below it.
func excluded(rel string, patterns []string) bool {
	if len(patterns) == 0 {
		return false
	}
	segs := strings.Split(rel, "/")
	for _, p := range patterns {
		p = strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(p), "./"), "/")
		if p == "" {
			continue
		}
		if !strings.Contains(p, "/") {
			for _, s := range segs {
				if ok, _ := path.Match(p, s); ok {
					return true
				}
			}
			continue
		}
		psegs := strings.Split(p, "/")
		for n := len(segs); n >= 1; n-- {
			if matchSegs(psegs, segs[:n]) {
				return true
			}
		}
	}
	return false
}

func matchSegs(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(segs); i++ {
				if matchSegs(pat[1:], segs[i:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], segs[0]); !ok {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0
}

// ValidateExcludes reports a malformed glob before the scan starts.
func ValidateExcludes(patterns []string) error {
	for _, p := range patterns {
		for _, s := range strings.Split(filepath.ToSlash(p), "/") {
			if s == "**" {
				continue
			}
			if _, err := path.Match(s, ""); err != nil {
				return fmt.Errorf("bad --exclude pattern %q: %v", p, err)
			}
		}
	}
	return nil
}

// matchesAny reports whether a base name matches one of the globs.
func matchesAny(name string, globs []string) bool {
	for _, g := range globs {
		if ok, _ := path.Match(g, name); ok {
			return true
		}
	}
	return false
}

// isStaleTemp reports a temporary file of a killed kscan fix: named as
// kscan fix names them, beside the source it was writing.
func isStaleTemp(p, name string) bool {
	if !fixTempRE.MatchString(name) {
		return false
	}
	src := strings.TrimPrefix(name, fixTempPrefix)
	src = src[:len(src)-len("-0123456789abcdef.tmp")]
	fi, err := os.Lstat(filepath.Join(filepath.Dir(p), src))
	return err == nil && fi.Mode().IsRegular()
}

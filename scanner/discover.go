package scanner

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/kscan/kscan/rules"
)

// skipDirs are build outputs and tool directories that hold no sources of
// the project, by name at any depth.
var skipDirs = map[string]bool{
	".git": true, ".hg": true, ".svn": true, "target": true, "build": true, "out": true,
	"node_modules": true, ".gradle": true, ".idea": true,
}

// input is one file to scan.
type input struct {
	abs      string
	rel      string // slash-separated, relative to the scan root
	size     int64
	resource bool // a non-Java file some rule reads (application.properties, ...)
}

// PathError is a target that does not exist or cannot be read at all; the
// CLI reports it as a usage error.
type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }
func (e *PathError) Unwrap() error { return e.Err }

// discover lists the .java files under the targets, and the files whose
// base names match resources, in path order.
func discover(targets []string, root string, excludes []string, resources []string, notify func(rules.Notification)) ([]input, error) {
	seen := map[string]bool{}
	var out []input
	relOf := func(abs string) string {
		r, err := filepath.Rel(root, abs)
		if err != nil {
			return filepath.ToSlash(abs)
		}
		return filepath.ToSlash(r)
	}
	add := func(abs string, size int64) {
		if !seen[abs] {
			seen[abs] = true
			out = append(out, input{abs: abs, rel: relOf(abs), size: size})
		}
	}
	var links []input // symlinked files, added after the walk so real files win
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
			if !isJava(abs) {
				if isBinaryTarget(abs) {
					continue // scanned as compiled code (jars.go)
				}
				if buildFileKind(filepath.Base(abs)) != "" {
					continue // read by the dependency pass (depscan.go)
				}
				if matchesAny(filepath.Base(abs), resources) {
					seen[abs] = true
					out = append(out, input{abs: abs, rel: relOf(abs), size: fi.Size(), resource: true})
					continue
				}
				notify(rules.Notification{Path: relOf(abs), Level: rules.LevelWarning, Kind: "unsupported",
					Message: "not a .java file; skipped"})
				continue
			}
			add(abs, fi.Size())
			continue
		}
		err = filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
			rel := relOf(p)
			if err != nil {
				notify(rules.Notification{Path: rel, Level: rules.LevelError, Kind: "read-error",
					Message: "cannot read: " + errText(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if p != abs && (skipDirs[d.Name()] || excluded(rel, excludes)) {
					return fs.SkipDir
				}
				return nil
			}
			if excluded(rel, excludes) {
				return nil
			}
			switch {
			case d.Type()&fs.ModeSymlink != 0:
				fi, err := os.Stat(p)
				switch {
				case err != nil && errors.Is(err, syscall.ELOOP):
					notify(rules.Notification{Path: rel, Level: rules.LevelWarning, Kind: "read-error",
						Message: "symbolic link loop; skipped"})
				case err != nil:
					if isJava(p) {
						notify(rules.Notification{Path: rel, Level: rules.LevelWarning, Kind: "read-error",
							Message: "broken symbolic link; skipped"})
					}
				case fi.IsDir():
					// Not followed: a link back up the tree would loop, and the
					// target is scanned where it really lives if it is ours.
				case fi.Mode().IsRegular() && isJava(p):
					links = append(links, input{abs: p, rel: rel, size: fi.Size()})
				}
			case !isJava(p) && d.Type().IsRegular() && matchesAny(d.Name(), resources):
				if fi, err := d.Info(); err == nil {
					seen[p] = true
					out = append(out, input{abs: p, rel: rel, size: fi.Size(), resource: true})
				}
			case !isJava(p):
			case !d.Type().IsRegular():
				notify(rules.Notification{Path: rel, Level: rules.LevelWarning, Kind: "read-error",
					Message: "not a regular file; skipped"})
			default:
				fi, err := d.Info()
				if err != nil {
					notify(rules.Notification{Path: rel, Level: rules.LevelError, Kind: "read-error",
						Message: "cannot read: " + errText(err)})
					return nil
				}
				add(p, fi.Size())
			}
			return nil
		})
		if err != nil {
			return nil, &PathError{t, err}
		}
	}
	for _, l := range links {
		real, err := filepath.EvalSymlinks(l.abs)
		if err == nil && seen[real] {
			continue // the same file is scanned under its real path
		}
		if real != "" {
			seen[real] = true
		}
		add(l.abs, l.size)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].rel < out[j].rel })
	return out, nil
}

func isJava(p string) bool { return strings.HasSuffix(p, ".java") }

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Excluded reports whether discovery skips the slash-separated path rel
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

// typeIndex answers "does the scanned tree declare this type" from file
// paths alone: a public top-level type lives in Name.java under a directory
// that ends with its package path. It needs no parsing, so it is complete
// before the first file is parsed.
type typeIndex map[string][]string // "Name.java" -> slash dirs

func newTypeIndex(ins []input) typeIndex {
	idx := typeIndex{}
	for _, in := range ins {
		dir, base := path.Split(in.rel)
		idx[base] = append(idx[base], "/"+strings.TrimSuffix(dir, "/"))
	}
	return idx
}

func (x typeIndex) HasType(fqn string) bool {
	if i := strings.IndexByte(fqn, '$'); i >= 0 {
		fqn = fqn[:i]
	}
	dot := strings.LastIndexByte(fqn, '.')
	if dot < 0 {
		return false
	}
	pkgDir := "/" + strings.ReplaceAll(fqn[:dot], ".", "/")
	for _, d := range x[fqn[dot+1:]+".java"] {
		if strings.HasSuffix(d, pkgDir) {
			return true
		}
	}
	return false
}

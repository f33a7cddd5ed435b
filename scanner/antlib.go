package scanner

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner/finding"
	"github.com/kscan/kscan/scanner/scope"
)

// antlib is an archive of the tree that declares an Ant library: an
// antlib.xml descriptor, which Ant's <typedef resource="..."> or an
// antlib: namespace loads. Such a jar kept beside an Ant build (Maven's
// Ant tasks, Ivy, ant-contrib in lib/) runs inside Ant, and the libraries
// it bundles with it (Maven's HTTP wagons, Plexus) run there too.
type antlib struct {
	abs   string         // the archive's path on disk
	entry string         // the descriptor's path inside it
	d     scope.Decision // the archive's decision before its content was known
	named bool           // named on the command line: scanned whatever it holds
}

// addAntlib records an outermost archive holding an antlib descriptor.
func (x *projectIndex) addAntlib(rel string, a antlib) {
	x.mu.Lock()
	if x.antlibs == nil {
		x.antlibs = map[string]antlib{}
	}
	if _, ok := x.antlibs[rel]; !ok {
		x.antlibs[rel] = a
	}
	x.mu.Unlock()
}

// isAntlib reports Ant's library descriptor (Ant finds it by this name
// in the package an antlib: URI or a typedef's resource names).
func isAntlib(name string) bool {
	return name == "antlib.xml" || strings.HasSuffix(name, "/antlib.xml")
}

// antBuildLoads returns the Ant build file, among the .xml files of the
// archive's directory and the directories above it up to the scan root,
// that loads the archive's antlib: it names the archive's file name and
// the descriptor (its resource path or its antlib: URI). "" when none.
func antBuildLoads(rel string, a antlib, max int64) string {
	base := filepath.Base(a.abs)
	pkg := strings.TrimSuffix(strings.TrimSuffix(a.entry, "antlib.xml"), "/")
	needles := [][]byte{[]byte(a.entry)}
	if pkg != "" {
		needles = append(needles, []byte("antlib:"+strings.ReplaceAll(pkg, "/", ".")))
	}
	dir, relDir := filepath.Dir(a.abs), relParent(rel)
	for {
		ents, err := os.ReadDir(dir)
		if err == nil {
			for _, en := range ents {
				if en.IsDir() || !strings.HasSuffix(en.Name(), ".xml") {
					continue
				}
				text, err := safefs.ReadFile(filepath.Join(dir, en.Name()), max)
				if err != nil || !bytes.Contains(text, []byte("<project")) || !bytes.Contains(text, []byte(base)) {
					continue
				}
				for _, n := range needles {
					if bytes.Contains(text, n) {
						return strings.TrimPrefix(relDir+"/"+en.Name(), "/")
					}
				}
			}
		}
		if relDir == "" {
			return ""
		}
		dir, relDir = filepath.Dir(dir), relParent(relDir)
	}
}

// relParent is path.Dir of a slash path relative to the root, "" for the
// root itself.
func relParent(rel string) string {
	if i := strings.LastIndexByte(rel, '/'); i >= 0 {
		return rel[:i]
	}
	return ""
}

// dropAntlibs sets aside, as build tools, the archives whose antlib an
// Ant build file of the tree loads: their findings go, the scope tally
// counts them as build tools, and a note says so. An archive named on the
// command line or kept by a user's override stays.
func dropAntlibs(fs []finding.Finding, x *projectIndex, t *scope.Tally, max int64) ([]finding.Finding, []finding.Notification) {
	if len(x.antlibs) == 0 {
		return fs, nil
	}
	set := map[string]string{} // archive -> the build file loading it
	for rel, a := range x.antlibs {
		if a.named || !a.d.Production() || a.d.Override {
			continue
		}
		if by := antBuildLoads(rel, a, max); by != "" {
			set[rel] = by
		}
	}
	if len(set) == 0 {
		return fs, nil
	}
	dropped := map[string]int{}
	out := fs[:0]
	for _, f := range fs {
		if _, ok := set[f.Path]; ok {
			dropped[f.Path]++
			continue
		}
		out = append(out, f)
	}
	rels := make([]string, 0, len(set))
	for rel := range set {
		rels = append(rels, rel)
	}
	sort.Strings(rels)
	var notes []finding.Notification
	for _, rel := range rels {
		a := x.antlibs[rel]
		d := scope.Decision{Class: scope.BuildTool, Reason: "Ant library that a build file loads (antlib.xml)", At: rel}
		t.Reclass(a.d, d)
		notes = append(notes, finding.Notification{Path: rel, Level: rules.LevelNote, Kind: "set-aside",
			Message: fmt.Sprintf("set aside as a build tool: %s loads its Ant library (%s), so it runs inside Ant; %s not reported (--include non-production reports them)", set[rel], a.entry, findingsN(dropped[rel]))})
	}
	return out, notes
}

package scanner

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/kscan/kscan/adapters"
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/deps"
)

// DepsResult is what the dependency pass found: one entry per build
// project of the tree, and what could not be read or resolved.
type DepsResult struct {
	Root          string
	Projects      []*facts.BuildProject
	Notifications []rules.Notification
	src           map[string][]byte // build files read, by relative path
}

// Dependencies reads the build files under opts.Paths (offline; parents
// and BOMs also from ~/.m2/repository) without running any rule.
func Dependencies(opts Options) (*DepsResult, error) {
	root := opts.Root
	if root == "" {
		root = "."
	}
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if len(opts.Paths) == 0 {
		opts.Paths = []string{"."}
	}
	for _, t := range opts.Paths {
		if _, err := os.Stat(t); err != nil {
			return nil, &PathError{t, err}
		}
	}
	ro := newRoles(root, opts.PathRoles, opts.Role, opts.RoleAuto)
	dr := loadDeps(root, opts.Paths, opts.Excludes, ro, opts.M2Repo)
	jp, jn := jarProjects(context.Background(), discoverBinaries(opts.Paths, root, opts.Excludes), opts.Archive, ro)
	dr.Projects = append(dr.Projects, jp...)
	dr.Notifications = append(dr.Notifications, jn...)
	return dr, nil
}

// buildFileKind classifies a base name as a build file the pass reads.
func buildFileKind(name string) string {
	return deps.BuildFileKind(name)
}

// collectBuildFiles lists build files under the targets (relative slash
// paths), and, for a target with no build file of its own, the nearest pom.xml
// above it inside the root: `kscan scan src/main/java` still knows its
// project.
func collectBuildFiles(root string, targets, excludes []string) []string {
	return deps.FindBuildFiles(root, targets, func(rel, name string, dir bool) bool {
		return dir && skipDirs[name] || excluded(rel, excludes)
	})
}

func loadDeps(root string, targets, excludes []string, ro *roles, m2 string) *DepsResult {
	if m2 == "" {
		m2 = deps.DefaultM2Repo()
	} else if m2 == "-" {
		m2 = ""
	}
	lr := deps.Load(deps.Options{
		Root: root, Files: collectBuildFiles(root, targets, excludes), M2Repo: m2, RoleAuto: ro.auto,
		Role: func(file string) (facts.Role, string, bool) {
			d := ro.decide(file)
			configured := false
			for _, pr := range ro.paths {
				if excluded(file, []string{pr.Glob}) {
					configured = true
				}
			}
			return d.Role, d.Reason, configured
		},
	})
	res := &DepsResult{Root: root, Projects: lr.Projects, src: lr.Sources}
	for _, n := range lr.Notifications {
		res.Notifications = append(res.Notifications, rules.Notification{Path: n.File, Line: n.Line, Level: rules.Level(n.Level), Kind: n.Kind, Message: n.Message})
	}
	read := func(rel string) ([]byte, error) {
		if b, ok := res.src[rel]; ok {
			return b, nil
		}
		b, err := readCapped(filepath.Join(root, filepath.FromSlash(rel)), deps.MaxListSize)
		if err == nil {
			res.src[rel] = b
		}
		return b, err
	}
	for _, p := range res.Projects {
		// Only a logback base needs the selector; the search reads sources,
		// so it is not done for anything else.
		if p.Role == facts.RoleBase && len(p.Find("ch.qos.logback:logback-classic")) > 0 {
			p.ContextSelector = findContextSelector(root, p.Dir, read)
		}
	}
	return res
}

// contextSelectorRE is the Koupleless logback selector, however it is set
// (a -D in a start script or Dockerfile, jvmArguments, System.setProperty).
var contextSelectorRE = regexp.MustCompile(`ArkLogbackContextSelector`)

// findContextSelector looks through the project's start scripts, build
// file and main sources for the ArkLogbackContextSelector setting.
func findContextSelector(root, dir string, read func(string) ([]byte, error)) string {
	found := ""
	base := filepath.Join(root, filepath.FromSlash(dir))
	n := 0
	filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil || found != "" || n > 5000 {
			return fs.SkipDir
		}
		if d.IsDir() {
			if p != base && (skipDirs[d.Name()] || d.Name() == "test" || isProjectDir(p)) {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if !(strings.HasPrefix(name, "Dockerfile") || strings.HasSuffix(name, ".sh") || strings.HasSuffix(name, ".java") ||
			name == "pom.xml" || strings.HasSuffix(name, ".gradle") || strings.HasSuffix(name, ".kts") ||
			name == "jvm.config" || name == "jvm.options" || strings.HasSuffix(name, ".conf")) {
			return nil
		}
		n++
		rel, _ := filepath.Rel(root, p)
		data, err := read(filepath.ToSlash(rel))
		if err != nil {
			return nil
		}
		if loc := contextSelectorRE.FindIndex(data); loc != nil {
			found = fmt.Sprintf("%s:%d", filepath.ToSlash(rel), 1+bytes.Count(data[:loc[0]], []byte{'\n'}))
		}
		return nil
	})
	return found
}

// depsPass runs the dependency rules and places their findings.
func depsPass(p *plan, dr *DepsResult, table *adapters.Table) []rules.Finding {
	diags := map[string][]rules.Diagnostic{}
	roleOf := map[string]facts.Role{}
	for _, pr := range dr.Projects {
		roleOf[pr.Path] = pr.Role
		for _, d := range pr.Dependencies {
			if _, ok := roleOf[d.Path]; !ok {
				roleOf[d.Path] = pr.Role
			}
		}
	}
	for _, r := range p.rules {
		if r.CheckDeps == nil {
			continue
		}
		r.CheckDeps(rules.NewDepsPass(r, dr.Projects, table, func(d rules.Diagnostic) {
			diags[d.Path] = append(diags[d.Path], d)
		}))
	}
	var out []rules.Finding
	for file, ds := range diags {
		src, ok := dr.src[file]
		if !ok {
			if isArchiveFile(file) {
				out = append(out, binaryFindings(file, roleOf[file], ds)...)
			}
			continue
		}
		out = append(out, resolve(file, src, roleOf[file], nil, ds)...)
	}
	return out
}

// hasDeps reports an enabled rule that reads dependencies.
func (p *plan) hasDeps() bool {
	for _, r := range p.rules {
		if r.CheckDeps != nil {
			return true
		}
	}
	return false
}

// isProjectDir reports a directory with a build file of its own: a nested
// project, whose settings are not its parent's.
func isProjectDir(dir string) bool {
	for _, n := range []string{"pom.xml", "build.gradle", "build.gradle.kts"} {
		if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
			return true
		}
	}
	return false
}

package scanner

import (
	"path/filepath"
	"sort"

	"github.com/kscan/kscan/adapters"
	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/finding"
)

// projectPass runs the rules that read the project as a whole (the facts
// of every file, the class path, the build projects) once every input
// kind is done, and places their findings. Findings in a source are placed
// by reading that file again; there are few.
func projectPass(e *env, abs map[string]string, graph *facts.CallGraph) {
	x := e.index
	files := x.files
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	byPath := map[string]*facts.File{}
	for _, f := range files {
		byPath[f.Path] = f
	}
	roleOf := func(p string) facts.Role {
		if at, ok := x.entries[p]; ok {
			return at.role
		}
		return e.roles.of(p)
	}
	diags := map[string][]rules.Diagnostic{}
	var onArchives []rules.Diagnostic
	collect := func(d rules.Diagnostic) {
		if d.Key != "" {
			onArchives = append(onArchives, d)
			return
		}
		diags[d.Path] = append(diags[d.Path], d)
	}
	var cp *facts.ClassPath
	for _, r := range e.plan.rules {
		if r.CheckProject != nil {
			pp := rules.NewProjectPass(r, files, roleOf, collect)
			pp.Graph = graph
			r.CheckProject(pp)
		}
		if r.CheckClassPath != nil {
			if cp == nil {
				cp = x.classPath()
				for _, pr := range e.projects {
					if pr.Kind == "jar" && pr.Role == facts.RoleBase && x.fatJars[pr.Path] {
						cp.Bases = append(cp.Bases, pr.Path)
					}
				}
				sort.Strings(cp.Bases)
			}
			pp := rules.NewProjectPass(r, nil, roleOf, collect)
			pp.ClassPath = cp
			r.CheckClassPath(pp)
		}
	}
	for _, d := range onArchives {
		e.report(place(where{path: d.Path, role: d.Role, archive: true}, []rules.Diagnostic{d}))
	}
	for _, rel := range sortedKeys(diags) {
		ds := diags[rel]
		if at, ok := x.entries[rel]; ok {
			e.report(place(where{path: at.anchor, role: at.role, entry: rel}, ds))
			continue
		}
		p, ok := abs[rel]
		if !ok {
			p = filepath.Join(e.roles.root, filepath.FromSlash(rel))
		}
		src, err := safefs.ReadFile(p, e.opts.MaxFileSize)
		if err != nil {
			e.notify(finding.Notification{Path: rel, Level: rules.LevelError, Kind: "read-error",
				Message: "cannot read again for a project-wide finding: " + errText(err)})
			continue
		}
		e.report(place(where{path: rel, role: e.roles.of(rel), src: src, file: byPath[rel]}, ds))
	}
}

// depsPass runs the dependency rules over the build projects and places
// their findings at the declaring line of a build file, or on an archive.
func depsPass(e *env, table *adapters.Table) {
	projects := e.projects
	diags := map[string][]rules.Diagnostic{}
	roleOf := map[string]facts.Role{}
	for _, pr := range projects {
		roleOf[pr.Path] = pr.Role
		for _, d := range pr.Dependencies {
			if _, ok := roleOf[d.Path]; !ok {
				roleOf[d.Path] = pr.Role
			}
		}
	}
	mentions := e.index.mentionsFound()
	for _, r := range e.plan.rules {
		if r.CheckDeps == nil {
			continue
		}
		dp := rules.NewDepsPass(r, projects, table, func(d rules.Diagnostic) {
			diags[d.Path] = append(diags[d.Path], d)
		})
		dp.Mentions = mentions
		r.CheckDeps(dp)
	}
	for _, file := range sortedKeys(diags) {
		ds := diags[file]
		e.build.mu.Lock()
		src, ok := e.build.src[file]
		e.build.mu.Unlock()
		if !ok {
			if isArchiveFile(file) {
				e.report(place(where{path: file, role: roleOf[file], archive: true}, ds))
			}
			continue
		}
		e.report(place(where{path: file, role: roleOf[file], src: src}, ds))
	}
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

package scanner

import (
	"archive/zip"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/kscan/kscan/adapters"
	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/deps"
	"github.com/kscan/kscan/scanner/finding"
	"github.com/kscan/kscan/scanner/slim"
)

// inspectIndex, when set (tests), sees the project index as the project
// pass starts.
var inspectIndex func(*projectIndex)

// projectFacts is what the project pass reads that the scan found before
// the call graph was built: the project's files, sorted by path, and the
// writes of statics across them (nil unless static-mutable-state runs).
type projectFacts struct {
	files   []*facts.File
	statics *rules.ForeignStatics
}

// projectPass runs the rules that read the project as a whole (the facts
// of every file, the class path, the build projects) once every input
// kind is done, and places their findings. Findings in a source are placed
// by reading that file again; there are few.
func projectPass(e *env, abs absIndex, graph *facts.CallGraph, pf projectFacts) {
	x := e.index
	if inspectIndex != nil {
		inspectIndex(x)
	}
	files := pf.files
	byPath := map[string]*facts.File{}
	for _, f := range files {
		byPath[f.Path] = f
	}
	roleOf := func(p string) facts.Role {
		if at, ok := x.entries.get(p); ok {
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
			pp.Statics = pf.statics
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
				givenBase(e, cp)
				cp.Refs = resolveLoose(e, cp.Refs)
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
		if at, ok := x.entries.get(rel); ok {
			e.report(place(where{path: at.anchor, role: at.role, entry: rel}, ds))
			continue
		}
		p, ok := abs.get(rel)
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

// givenBase puts the base given with --base in place of the tree's: its
// class names, when it is a fat jar, answer Holders as one more archive;
// a source tree or a list names no classes, so no base is known to the
// class check then.
func givenBase(e *env, cp *facts.ClassPath) {
	b := e.opts.Base
	if b == nil {
		return
	}
	cp.Bases = nil
	has, notes, err := slim.BaseClasses(b)
	for _, n := range notes {
		e.notify(finding.Notification{Path: n.File, Line: n.Line, Level: rules.Level(n.Level), Kind: n.Kind, Message: n.Message})
	}
	if err != nil {
		e.notify(finding.Notification{Path: b.Path, Level: rules.LevelWarning, Kind: "read-error", Message: "module-class-unresolvable did not run: " + err.Error()})
		return
	}
	if has == nil {
		return
	}
	name := e.opts.Base.BaseProject(e.roles.root).Path
	ref := facts.ArchiveRef{Archive: name, Anchor: name, Role: facts.RoleBase}
	cp.Bases = []string{name}
	holders := cp.Holders
	cp.Holders = func(class string) []facts.ArchiveRef {
		out := holders(class)
		if has(class) {
			out = append(out, ref)
		}
		return out
	}
	// A class a module's archive bundles and the base has is held twice,
	// as it is with the base's jar in the scan (duplicate-framework-classes
	// reads Classes).
	for class := range e.index.holders {
		if !has(class) {
			continue
		}
		refs := cp.Classes[class]
		if refs == nil {
			refs = sortedRefs(e.index.holdersOf(class))
		}
		for _, r := range refs {
			if r.Role == facts.RoleModule || r.Role == facts.RolePrivate {
				// Lists are shared between classes (classPath): a copy.
				cp.Classes[class] = append(slices.Clip(refs), ref)
				break
			}
		}
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
	var base *facts.BuildProject
	if e.opts.Base != nil {
		base = e.opts.Base.BaseProject(e.roles.root)
	}
	for _, r := range e.plan.rules {
		if r.CheckDeps == nil {
			continue
		}
		dp := rules.NewDepsPass(r, projects, table, func(d rules.Diagnostic) {
			diags[d.Path] = append(diags[d.Path], d)
		})
		dp.Mentions = mentions
		dp.Base = base
		r.CheckDeps(dp)
	}
	for _, file := range sortedKeys(diags) {
		ds := diags[file]
		src, ok, err := e.build.kept(file)
		if err != nil {
			e.notify(finding.Notification{Path: file, Level: rules.LevelError, Kind: "read-error",
				Message: "cannot read again for a dependency finding: " + errText(err)})
			continue
		}
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

// resolveLoose completes the class directories among the module code
// units (biz/target/classes): what such a module packages is not in the
// scan, so the jars of its resolved runtime dependencies are read from the
// local repository (their class names only). A unit whose class path
// cannot be completed is left out with a notification saying why, since
// an absence would then prove nothing; one whose module has a built
// archive in the scan is left to that archive.
func resolveLoose(e *env, refs []facts.ClassRefs) []facts.ClassRefs {
	x := e.index
	out := refs[:0]
	for _, u := range refs {
		if !x.looseUnits[u.Unit.Archive] {
			out = append(out, u)
			continue
		}
		dir := u.Unit.Archive
		proj := moduleProjectOf(e.projects, dir)
		skip := func(why string) {
			e.notify(finding.Notification{Path: dir, Level: rules.LevelNote, Kind: "not-checked",
				Message: "module-class-unresolvable: the classes of " + dir + " were not checked: " + why})
		}
		if proj == nil {
			skip("no module build file (pom.xml, build.gradle) above it")
			continue
		}
		if archiveUnitUnder(refs, x.looseUnits, proj.Dir) {
			continue // the module's ark-biz in the scan is checked instead
		}
		if !proj.Resolved {
			skip("what " + proj.Path + " packages is known only from its declarations; save `mvn dependency:list` output as dependency-list.txt beside it, or scan its ark-biz jar")
			continue
		}
		set, missing := packagedClasses(e, proj)
		if len(missing) > 0 {
			more := ""
			if len(missing) > 3 {
				more = fmt.Sprintf(" and %d more", len(missing)-3)
				missing = missing[:3]
			}
			skip("the jars of " + strings.Join(missing, ", ") + more + " are not in the local repository; scan the module's ark-biz jar instead")
			continue
		}
		u.Packaged = func(class string) bool { return set[class] }
		out = append(out, u)
	}
	return out
}

// moduleProjectOf is the module build project nearest above dir.
func moduleProjectOf(projects []*facts.BuildProject, dir string) *facts.BuildProject {
	var best *facts.BuildProject
	for _, p := range projects {
		if p.Role != facts.RoleModule || p.Kind == "jar" {
			continue
		}
		if p.Dir == "." || dir == p.Dir || strings.HasPrefix(dir, p.Dir+"/") {
			if best == nil || len(p.Dir) > len(best.Dir) {
				best = p
			}
		}
	}
	return best
}

// archiveUnitUnder reports a module archive of the scan under dir.
func archiveUnitUnder(refs []facts.ClassRefs, loose map[string]bool, dir string) bool {
	for _, u := range refs {
		if !loose[u.Unit.Archive] && (dir == "." || strings.HasPrefix(u.Unit.Anchor, dir+"/")) {
			return true
		}
	}
	return false
}

// packagedClasses reads the class names of the jars a module project
// packages (runtime scopes, not left to the base) from the local
// repository; missing lists the dependencies whose jar is not there.
func packagedClasses(e *env, p *facts.BuildProject) (map[string]bool, []string) {
	repo := e.opts.M2Repo
	switch repo {
	case "":
		repo = deps.DefaultM2Repo()
	case "-":
		repo = ""
	}
	set := map[string]bool{}
	var missing []string
	seen := map[string]bool{}
	for _, d := range p.Dependencies {
		if !d.Packaged() || d.Shared || d.Optional || seen[d.Key()] || d.Type != "" && d.Type != "jar" {
			continue
		}
		seen[d.Key()] = true
		jar := slim.M2Jar(repo, d)
		if jar == "" || !jarClassNames(jar, set) {
			missing = append(missing, d.GAV())
		}
	}
	return set, missing
}

// jarClassNames adds the class names of a jar (its central directory
// only) to set; false when the jar cannot be read.
func jarClassNames(p string, set map[string]bool) bool {
	f, size, err := safefs.Open(p, 1<<30)
	if err != nil {
		return false
	}
	defer f.Close()
	zr, err := zip.NewReader(f, size)
	if err != nil {
		return false
	}
	for _, en := range zr.File {
		if n := classNameOf(en.Name); n != "" {
			set[n] = true
		}
	}
	return true
}

package scanner

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
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
	switch {
	case name == "pom.xml":
		return "pom"
	case name == "build.gradle" || name == "build.gradle.kts":
		return "gradle-script"
	case name == "gradle.lockfile":
		return "gradle-lock"
	case name == "libs.versions.toml":
		return "gradle-catalog"
	case mvnListRE.MatchString(name):
		return "maven-list"
	}
	return ""
}

// mvnListRE names saved `mvn dependency:list` / `dependency:tree` output.
var mvnListRE = regexp.MustCompile(`^dependency-(list|tree)([-.][\w.-]*)?\.txt$`)

// collectBuildFiles lists build files under the targets (relative slash
// paths), and, for a target with no build file of its own, the nearest pom.xml
// above it inside the root: `kscan scan src/main/java` still knows its
// project.
func collectBuildFiles(root string, targets, excludes []string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(abs string) {
		rel, err := filepath.Rel(root, abs)
		if err != nil {
			return
		}
		rel = filepath.ToSlash(rel)
		if !seen[rel] {
			seen[rel] = true
			out = append(out, rel)
		}
	}
	for _, t := range targets {
		abs, err := filepath.Abs(t)
		if err != nil {
			continue
		}
		fi, err := os.Stat(abs)
		if err != nil {
			continue
		}
		if !fi.IsDir() {
			if buildFileKind(filepath.Base(abs)) != "" {
				add(abs)
			}
			continue
		}
		foundPom := false
		filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			rel, _ := filepath.Rel(root, p)
			rel = filepath.ToSlash(rel)
			if d.IsDir() {
				if p != abs && (skipDirs[d.Name()] || excluded(rel, excludes)) {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && buildFileKind(d.Name()) != "" && !excluded(rel, excludes) {
				foundPom = true
				add(p)
			}
			return nil
		})
		if !foundPom {
			for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
				if r, err := filepath.Rel(root, dir); err != nil || strings.HasPrefix(r, "..") {
					break
				}
				if fi, err := os.Stat(filepath.Join(dir, "pom.xml")); err == nil && fi.Mode().IsRegular() {
					add(filepath.Join(dir, "pom.xml"))
					break
				}
				if dir == root || dir == filepath.Dir(dir) {
					break
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

func loadDeps(root string, targets, excludes []string, ro *roles, m2 string) *DepsResult {
	res := &DepsResult{Root: root, src: map[string][]byte{}}
	files := collectBuildFiles(root, targets, excludes)
	note := func(file string, line int, level rules.Level, msg string) {
		res.Notifications = append(res.Notifications, rules.Notification{Path: file, Line: line, Level: level, Kind: "dependencies", Message: msg})
	}
	read := func(rel string) ([]byte, error) {
		if b, ok := res.src[rel]; ok {
			return b, nil
		}
		p := rel
		if !filepath.IsAbs(p) {
			p = filepath.Join(root, filepath.FromSlash(rel))
		}
		b, err := readCapped(p, deps.MaxListSize)
		if err == nil && !filepath.IsAbs(rel) {
			res.src[rel] = b
		}
		return b, err
	}
	byKind := map[string][]string{}
	for _, f := range files {
		byKind[buildFileKind(path.Base(f))] = append(byKind[buildFileKind(path.Base(f))], f)
	}
	if m2 == "" {
		m2 = deps.DefaultM2Repo()
	} else if m2 == "-" {
		m2 = ""
	}

	// Maven projects.
	if poms := byKind["pom"]; len(poms) > 0 {
		native := make([]string, len(poms))
		for i, p := range poms {
			native[i] = filepath.FromSlash(p)
		}
		mr := deps.LoadMaven(native, deps.MavenOptions{M2Repo: m2, ReadFile: func(name string) ([]byte, error) {
			return read(filepath.ToSlash(name))
		}})
		for _, n := range mr.Notifications {
			note(relSlash(root, n.File), n.Line, rules.LevelWarning, n.Message)
		}
		for _, pr := range mr.Projects {
			res.Projects = append(res.Projects, mavenProject(root, pr, ro, read))
		}
	}
	// Saved mvn dependency:list / tree output is the resolved set of the
	// pom beside it.
	for _, lf := range byKind["maven-list"] {
		data, err := read(lf)
		if err != nil {
			note(lf, 0, rules.LevelError, "cannot read: "+errText(err))
			continue
		}
		list, err := deps.ParseDependencyList(lf, data)
		if err != nil {
			note(lf, 0, rules.LevelWarning, err.Error())
		}
		proj := projectIn(res.Projects, path.Dir(lf))
		if proj == nil {
			proj = newProject(path.Join(path.Dir(lf), path.Base(lf)), "maven", ro)
			res.Projects = append(res.Projects, proj)
		}
		adoptResolved(proj, convertDeps(root, list, read))
	}
	// Gradle builds, one per directory holding a script or a lockfile;
	// gradle/libs.versions.toml belongs to the directory above gradle/.
	gradle := map[string]*facts.BuildProject{}
	gradleOf := func(dir, file string) *facts.BuildProject {
		if p := gradle[dir]; p != nil {
			return p
		}
		p := newProject(file, "gradle", ro)
		gradle[dir] = p
		res.Projects = append(res.Projects, p)
		return p
	}
	for _, f := range byKind["gradle-script"] {
		data, err := read(f)
		if err != nil {
			note(f, 0, rules.LevelError, "cannot read: "+errText(err))
			continue
		}
		ds, err := deps.ParseGradleScript(f, data)
		if err != nil {
			note(f, 0, rules.LevelWarning, err.Error())
		}
		p := gradleOf(path.Dir(f), f)
		p.Path = f
		p.Dependencies = append(p.Dependencies, convertDeps(root, ds, read)...)
	}
	for _, f := range byKind["gradle-catalog"] {
		dir := path.Dir(f)
		if path.Base(dir) == "gradle" {
			dir = path.Dir(dir)
		}
		data, err := read(f)
		if err != nil {
			note(f, 0, rules.LevelError, "cannot read: "+errText(err))
			continue
		}
		ds, err := deps.ParseVersionCatalog(f, data)
		if err != nil {
			note(f, 0, rules.LevelWarning, err.Error())
		}
		p := gradleOf(dir, f)
		p.Dependencies = append(p.Dependencies, convertDeps(root, ds, read)...)
	}
	for _, f := range byKind["gradle-lock"] {
		data, err := read(f)
		if err != nil {
			note(f, 0, rules.LevelError, "cannot read: "+errText(err))
			continue
		}
		ds, err := deps.ParseGradleLockfile(f, data)
		if err != nil {
			note(f, 0, rules.LevelWarning, err.Error())
		}
		adoptResolved(gradleOf(path.Dir(f), f), convertDeps(root, ds, read))
	}
	for _, p := range gradle {
		gradleRole(p, ro)
	}
	for _, p := range res.Projects {
		// Only a logback base needs the selector; the search reads sources,
		// so it is not done for anything else.
		if p.Role == facts.RoleBase && len(p.Find("ch.qos.logback:logback-classic")) > 0 {
			p.ContextSelector = findContextSelector(root, p.Dir, read)
		}
	}
	sort.Slice(res.Projects, func(i, j int) bool { return res.Projects[i].Path < res.Projects[j].Path })
	sort.SliceStable(res.Notifications, func(i, j int) bool {
		a, b := res.Notifications[i], res.Notifications[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Line < b.Line
	})
	return res
}

func relSlash(root, p string) string {
	if filepath.IsAbs(p) {
		if r, err := filepath.Rel(root, p); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(p)
}

func projectIn(ps []*facts.BuildProject, dir string) *facts.BuildProject {
	for _, p := range ps {
		if p.Dir == dir && p.Kind == "maven" {
			return p
		}
	}
	return nil
}

// newProject starts a project for a build file; the role comes from
// .kscan.yaml path roles or --role (build-file detection is per kind).
func newProject(file, kind string, ro *roles) *facts.BuildProject {
	p := &facts.BuildProject{Path: file, Dir: path.Dir(file), Kind: kind}
	d := ro.decide(file)
	p.Role, p.RoleWhy = d.Role, d.Reason
	return p
}

func mavenProject(root string, pr *deps.Project, ro *roles, read func(string) ([]byte, error)) *facts.BuildProject {
	file := relSlash(root, pr.File)
	p := newProject(file, "maven", ro)
	p.GroupID, p.ArtifactID, p.Version = pr.GroupID, pr.ArtifactID, pr.Version
	if ro.auto && !configuredRole(ro, file) {
		name, why := pr.Role()
		switch name {
		case deps.RoleBase:
			p.Role, p.RoleWhy = facts.RoleBase, why
		case deps.RoleModule:
			p.Role, p.RoleWhy = facts.RoleModule, why
		}
	}
	shared := pr.Shared()
	for _, bp := range []string{"conf/ark/bootstrap.properties", "src/main/resources/conf/ark/bootstrap.properties"} {
		f := path.Join(p.Dir, bp)
		if data, err := read(f); err == nil {
			shared.Config = append(shared.Config, deps.ParseArkBootstrap(f, data))
		}
	}
	p.Dependencies = convertDeps(root, pr.Dependencies, read)
	for i := range p.Dependencies {
		d := &p.Dependencies[i]
		d.Inherited = d.Path != file
		if p.Role == facts.RoleModule {
			dd := pr.Dependencies[i]
			if ok, why := shared.IsShared(dd); ok {
				d.Shared, d.SharedWhy = true, why
			}
		}
	}
	p.Dependencies = append(p.Dependencies, impliedDeps(p.Dependencies, pr.Managed)...)
	if b := pr.POM.DependenciesBlock; !b.SelfClosing {
		if b.Exists {
			p.Insert = &facts.Insertion{Offset: b.ContentOffset, Indent: b.Indent, Unit: b.Unit}
		} else {
			p.Insert = &facts.Insertion{Offset: b.Offset, Block: true, Indent: b.Indent, Unit: b.Unit}
		}
	}
	for _, pl := range pr.Plugins {
		if pl.ArtifactID != "koupleless-base-build-plugin" {
			continue
		}
		for _, ex := range pl.Executions {
			for _, g := range ex.Goals {
				if g == "add-patch" && p.AddPatch == "" {
					p.AddPatch = fmt.Sprintf("%s:%d", file, pl.Line)
				}
			}
		}
	}
	return p
}

// configuredRole reports a .kscan.yaml path role covering the file, which
// wins over what the pom says.
func configuredRole(ro *roles, file string) bool {
	for _, pr := range ro.paths {
		if excluded(file, []string{pr.Glob}) {
			return true
		}
	}
	return false
}

// gradleRole reads the Koupleless signals of a Gradle build from its
// declared coordinates: the base starter makes a base, the app starter a
// module.
func gradleRole(p *facts.BuildProject, ro *roles) {
	if !ro.auto || configuredRole(ro, p.Path) {
		return
	}
	for _, d := range p.Dependencies {
		switch d.ArtifactID {
		case "koupleless-base-starter":
			p.Role, p.RoleWhy = facts.RoleBase, fmt.Sprintf("%s:%d dependency %s", d.Path, d.Line, d.Key())
			return
		case "koupleless-app-starter":
			p.Role, p.RoleWhy = facts.RoleModule, fmt.Sprintf("%s:%d dependency %s", d.Path, d.Line, d.Key())
			return
		}
	}
}

// adoptResolved makes a resolved list the project's dependency set; an
// artifact the build file declares keeps the declaring line (where a fix
// or a reader goes), with the resolved version.
func adoptResolved(p *facts.BuildProject, list []facts.Dependency) {
	declared := map[string]facts.Dependency{}
	for _, d := range p.Dependencies {
		if _, ok := declared[d.Key()]; !ok && d.Source != "implied" {
			declared[d.Key()] = d
		}
	}
	var out []facts.Dependency
	for _, d := range list {
		if dd, ok := declared[d.Key()]; ok && dd.Line > 0 {
			d.Evidence = fmt.Sprintf("%s; declared at %s:%d", d.Evidence, dd.Path, dd.Line)
			d.Path, d.Line, d.Span, d.Inherited = dd.Path, dd.Line, dd.Span, dd.Inherited
			d.Exclusions, d.Shared, d.SharedWhy = dd.Exclusions, dd.Shared, dd.SharedWhy
			if d.Scope == "" {
				d.Scope = dd.Scope
			}
		}
		out = append(out, d)
	}
	p.Dependencies = out
	p.Resolved = true
}

func convertDeps(root string, ds []deps.Dependency, read func(string) ([]byte, error)) []facts.Dependency {
	out := make([]facts.Dependency, 0, len(ds))
	for _, d := range ds {
		file := relSlash(root, d.File)
		fd := facts.Dependency{
			GroupID: d.GroupID, ArtifactID: d.ArtifactID, Version: d.Version, Type: d.Type, Classifier: d.Classifier,
			Scope: d.Scope, Optional: d.Optional, Path: file, Line: d.Line, Source: d.Source.String(),
			Confidence: d.Confidence.String(), Evidence: d.Evidence, Exclusions: d.Exclusions,
		}
		if d.Line > 0 && !filepath.IsAbs(file) {
			if src, err := read(file); err == nil {
				fd.Span = lineSpan(src, d.Line)
			}
		}
		out = append(out, fd)
	}
	return out
}

// lineSpan is the text of a 1-based line without its indentation and line
// break.
func lineSpan(src []byte, line int) facts.Span {
	start := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[start:], '\n')
		if i < 0 {
			return facts.Span{}
		}
		start += i + 1
	}
	end := start
	for end < len(src) && src[end] != '\n' {
		end++
	}
	for end > start && (src[end-1] == '\r' || src[end-1] == ' ' || src[end-1] == '\t') {
		end--
	}
	for start < end && (src[start] == ' ' || src[start] == '\t') {
		start++
	}
	return facts.Span{Start: start, End: end}
}

// impliedDeps adds what Spring Boot starters always bring, for builds
// without a resolved list: spring-boot itself (adapter rows match on it)
// and the logging starter with its backend, unless excluded. Versions come
// from the starter or the project's dependencyManagement.
func impliedDeps(declared []facts.Dependency, managed []deps.Dependency) []facts.Dependency {
	have := map[string]bool{}
	for _, d := range declared {
		have[d.Key()] = true
	}
	mver := map[string]string{}
	for _, m := range managed {
		if _, ok := mver[m.Key()]; !ok {
			mver[m.Key()] = m.Version
		}
	}
	var out []facts.Dependency
	add := func(from facts.Dependency, g, a, v string) {
		k := g + ":" + a
		if have[k] || excludes(from.Exclusions, g, a) {
			return
		}
		if v == "" {
			v = mver[k]
		}
		have[k] = true
		d := from
		d.GroupID, d.ArtifactID, d.Version, d.Type, d.Classifier = g, a, v, "", ""
		d.Source, d.Confidence = "implied", "medium"
		d.Evidence = fmt.Sprintf("brought by %s (%s:%d)", from.GAV(), from.Path, from.Line)
		out = append(out, d)
	}
	const boot = "org.springframework.boot"
	for _, d := range declared {
		if d.GroupID != boot || !strings.HasPrefix(d.ArtifactID, "spring-boot-starter") || d.ArtifactID == "spring-boot-starter-parent" {
			continue
		}
		add(d, boot, "spring-boot", d.Version)
		switch d.ArtifactID {
		case "spring-boot-starter-log4j2":
			add(d, "org.apache.logging.log4j", "log4j-core", "")
			if strings.HasPrefix(d.Version, "2.") || d.Version == "" && !strings.HasPrefix(mver[boot+":spring-boot"], "3.") {
				add(d, "org.apache.logging.log4j", "log4j-slf4j-impl", "")
			} else {
				add(d, "org.apache.logging.log4j", "log4j-slf4j2-impl", "")
			}
		case "spring-boot-starter-logging", "spring-boot-starter-test":
		default:
			if !excludes(d.Exclusions, boot, "spring-boot-starter-logging") {
				add(d, boot, "spring-boot-starter-logging", d.Version)
			}
		}
	}
	for _, d := range append(append([]facts.Dependency(nil), declared...), out...) {
		if d.Key() == boot+":spring-boot-starter-logging" {
			add(d, "ch.qos.logback", "logback-classic", "")
			add(d, "ch.qos.logback", "logback-core", "")
			add(d, "org.apache.logging.log4j", "log4j-to-slf4j", "")
		}
	}
	return out
}

func excludes(patterns []string, g, a string) bool {
	for _, p := range patterns {
		pg, pa, _ := strings.Cut(p, ":")
		if (pg == "*" || pg == g) && (pa == "*" || pa == a) {
			return true
		}
	}
	return false
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

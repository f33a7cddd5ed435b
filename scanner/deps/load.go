package deps

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/rules/facts"
)

// BuildFileKind classifies a base name as a build file Load reads: "pom",
// "gradle-script", "gradle-lock", "gradle-catalog", "maven-list", or "".
func BuildFileKind(name string) string {
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

// FindBuildFiles lists the build files under the targets (slash paths
// relative to root), and, for a target with no build file of its own, the
// nearest pom.xml above it inside root: `kscan scan src/main/java` still
// knows its project. skip(rel, name, dir) prunes directories and files.
// Entries that only look like build files (a link to a device, a FIFO) are
// listed too, so that reading them reports why they were refused.
func FindBuildFiles(root string, targets []string, skip func(rel, name string, dir bool) bool) []string {
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
		fi, err := os.Lstat(abs)
		if err != nil {
			continue
		}
		if !fi.IsDir() {
			if BuildFileKind(filepath.Base(abs)) != "" {
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
				if p != abs && skip(rel, d.Name(), true) {
					return fs.SkipDir
				}
				return nil
			}
			if BuildFileKind(d.Name()) != "" && !skip(rel, d.Name(), false) {
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
				if fi, err := os.Lstat(filepath.Join(dir, "pom.xml")); err == nil && !fi.IsDir() {
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

// RoleFunc says what the configuration decides for a build file: its role
// and why, and whether a .kscan.yaml path role covers it (which wins over
// what the build file says).
type RoleFunc func(file string) (role facts.Role, why string, configured bool)

// Options configures Load.
type Options struct {
	Root  string   // absolute scan root
	Files []string // build files, slash paths relative to Root (see FindBuildFiles)
	// M2Repo is the local repository for parents and BOMs ("": none).
	M2Repo string
	// Role decides roles from the configuration (nil: unknown); with
	// RoleAuto, a build file's own Koupleless signals decide where the
	// configuration does not.
	Role     RoleFunc
	RoleAuto bool
	// Properties are user properties (-D); Getenv resolves ${env.X}.
	Properties map[string]string
	Getenv     func(string) (string, bool)
	// Read reads a file of the tree by relative slash path, for an engine
	// that keeps its own reads (nil: safefs, confined to Root, capped per
	// kind). Files of the local repository are always read through safefs.
	Read func(rel string) ([]byte, error)
	// Parse parses a pom (nil: ParsePOM): see MavenOptions.Parse.
	Parse func(name string, data []byte) (*POM, error)
}

// Result is what Load found: one build project per pom, Gradle build,
// or resolved list without a pom, with its dependencies as facts.
type Result struct {
	Projects      []*facts.BuildProject
	Notifications []Notification
	// Sources are the build files of the tree that were read, by relative
	// slash path, for placing findings.
	Sources map[string][]byte
	// Work counts Maven model resolution steps (see MavenResult.Work).
	Work int64
}

type loader struct {
	opts Options
	res  *Result
	in   *safefs.Root // opts.Root's links resolved once
}

// read reads a tree file (relative) or a local-repository file (absolute)
// through safefs, once.
func (ld *loader) read(rel string) ([]byte, error) {
	if b, ok := ld.res.Sources[rel]; ok {
		return b, nil
	}
	cap := int64(safefs.MaxBuildFile)
	switch BuildFileKind(path.Base(filepath.ToSlash(rel))) {
	case "maven-list", "gradle-lock":
		cap = safefs.MaxList
	}
	if filepath.IsAbs(rel) {
		return safefs.ReadFile(rel, cap)
	}
	var b []byte
	var err error
	if ld.opts.Read != nil {
		b, err = ld.opts.Read(rel)
	} else {
		b, err = ld.in.ReadFile(filepath.Join(ld.opts.Root, filepath.FromSlash(rel)), cap)
	}
	if err == nil {
		ld.res.Sources[rel] = b
	}
	return b, err
}

func (ld *loader) note(n Notification) { ld.res.Notifications = append(ld.res.Notifications, n) }

func (ld *loader) readNote(file string, err error) {
	ld.note(Notification{File: file, Kind: readKind(err), Level: LevelError, Message: "cannot read: " + readError(err)})
}

func (ld *loader) parseNote(file string, err error) {
	ld.note(Notification{File: file, Kind: KindSyntax, Level: LevelWarning, Message: err.Error()})
}

// Load reads the build files offline (parents and BOMs also from
// opts.M2Repo) and returns their projects with the dependencies each puts on
// its class path: declared and inherited ones, what Spring Boot and other
// well-known starters bring (Maven's nearest-wins mediation, exclusions
// honoured), or the resolved list saved beside the build file.
func Load(opts Options) *Result {
	ld := &loader{opts: opts, res: &Result{Sources: map[string][]byte{}}, in: safefs.NewRoot(opts.Root)}
	res := ld.res
	byKind := map[string][]string{}
	for _, f := range opts.Files {
		k := BuildFileKind(path.Base(f))
		byKind[k] = append(byKind[k], f)
	}

	if poms := byKind["pom"]; len(poms) > 0 {
		native := make([]string, len(poms))
		for i, p := range poms {
			native[i] = filepath.FromSlash(p)
		}
		mr := LoadMaven(native, MavenOptions{M2Repo: opts.M2Repo, Properties: opts.Properties, Getenv: opts.Getenv, Parse: opts.Parse,
			ReadFile: func(name string) ([]byte, error) { return ld.read(filepath.ToSlash(name)) }})
		res.Work = mr.Work
		for _, n := range mr.Notifications {
			n.File = relSlash(opts.Root, n.File)
			ld.note(n)
		}
		for _, pr := range mr.Projects {
			res.Projects = append(res.Projects, ld.mavenProject(pr))
		}
	}
	// Saved mvn dependency:list / tree output is the resolved set of the
	// pom beside it.
	for _, lf := range byKind["maven-list"] {
		data, err := ld.read(lf)
		if err != nil {
			ld.readNote(lf, err)
			continue
		}
		list, err := ParseDependencyList(lf, data)
		if err != nil {
			ld.parseNote(lf, err)
		}
		proj := projectIn(res.Projects, path.Dir(lf))
		if proj == nil {
			proj = ld.newProject(lf, "maven")
			res.Projects = append(res.Projects, proj)
		}
		adoptResolved(proj, ld.convert(list))
	}
	// Gradle builds, one per directory holding a script or a lockfile;
	// gradle/libs.versions.toml belongs to the directory above gradle/.
	gradle := map[string]*facts.BuildProject{}
	var gradleOrder []*facts.BuildProject
	gradleOf := func(dir, file string) *facts.BuildProject {
		if p := gradle[dir]; p != nil {
			return p
		}
		p := ld.newProject(file, "gradle")
		gradle[dir] = p
		gradleOrder = append(gradleOrder, p)
		res.Projects = append(res.Projects, p)
		return p
	}
	type parser func(string, []byte) ([]Dependency, error)
	for _, step := range []struct {
		kind  string
		parse parser
	}{{"gradle-script", ParseGradleScript}, {"gradle-catalog", ParseVersionCatalog}, {"gradle-lock", ParseGradleLockfile}} {
		for _, f := range byKind[step.kind] {
			dir := path.Dir(f)
			if step.kind == "gradle-catalog" && path.Base(dir) == "gradle" {
				dir = path.Dir(dir)
			}
			data, err := ld.read(f)
			if err != nil {
				ld.readNote(f, err)
				continue
			}
			ds, err := step.parse(f, data)
			if err != nil {
				ld.parseNote(f, err)
			}
			p := gradleOf(dir, f)
			switch step.kind {
			case "gradle-script":
				p.Path = f
				p.Dependencies = append(p.Dependencies, ld.convert(ds)...)
			case "gradle-catalog":
				p.Dependencies = append(p.Dependencies, ld.convert(ds)...)
			default:
				adoptResolved(p, ld.convert(ds))
			}
		}
	}
	for _, p := range gradleOrder {
		ld.gradleRole(p)
		if !p.Resolved {
			p.Dependencies = append(p.Dependencies, Implied(p.Dependencies, nil)...)
		}
	}
	sort.Slice(res.Projects, func(i, j int) bool { return res.Projects[i].Path < res.Projects[j].Path })
	res.Notifications = sortNotifications(res.Notifications)
	return res
}

func relSlash(root, p string) string {
	if filepath.IsAbs(p) {
		if r, err := filepath.Rel(root, p); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
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

// newProject starts a project for a build file; its role is the
// configuration's until the build file's own signals are read.
func (ld *loader) newProject(file, kind string) *facts.BuildProject {
	p := &facts.BuildProject{Path: file, Dir: path.Dir(file), Kind: kind}
	if ld.opts.Role != nil {
		p.Role, p.RoleWhy, _ = ld.opts.Role(file)
	}
	return p
}

func (ld *loader) configured(file string) bool {
	if ld.opts.Role == nil {
		return false
	}
	_, _, c := ld.opts.Role(file)
	return c
}

func (ld *loader) mavenProject(pr *Project) *facts.BuildProject {
	file := relSlash(ld.opts.Root, pr.File)
	p := ld.newProject(file, "maven")
	p.GroupID, p.ArtifactID, p.Version = pr.GroupID, pr.ArtifactID, pr.Version
	if ld.opts.RoleAuto && !ld.configured(file) {
		name, why := pr.Role()
		switch name {
		case RoleBase:
			p.Role, p.RoleWhy = facts.RoleBase, why
		case RoleModule:
			p.Role, p.RoleWhy = facts.RoleModule, why
		}
	}
	p.BuildOnly = buildOnly(pr)
	shared := pr.Shared()
	for _, bp := range []string{"conf/ark/bootstrap.properties", "src/main/resources/conf/ark/bootstrap.properties"} {
		f := path.Join(p.Dir, bp)
		if data, err := ld.read(f); err == nil {
			shared.Config = append(shared.Config, ParseArkBootstrap(f, data))
		}
	}
	p.Dependencies = ld.convert(pr.Dependencies)
	for i := range p.Dependencies {
		d := &p.Dependencies[i]
		d.Inherited = d.Path != file
		if p.Role == facts.RoleModule {
			if ok, why := shared.IsShared(pr.Dependencies[i]); ok {
				d.Shared, d.SharedWhy = true, why
			}
		}
	}
	p.Dependencies = append(p.Dependencies, Implied(p.Dependencies, func(g, a string) (string, string) {
		if m := pr.Managed(g + ":" + a); m != nil && m.Version != "" {
			if m.File == "" {
				return m.Version, m.Evidence
			}
			return m.Version, "dependencyManagement " + m.where()
		}
		return "", ""
	})...)
	if b := pr.POM.DependenciesBlock; !b.SelfClosing {
		if b.Exists {
			p.Insert = &facts.Insertion{Offset: b.ContentOffset, Indent: b.Indent, Unit: b.Unit}
		} else {
			p.Insert = &facts.Insertion{Offset: b.Offset, Block: true, Indent: b.Indent, Unit: b.Unit}
		}
	}
	if ap := pr.AddPatch(); ap != "" {
		i := strings.LastIndexByte(ap, ':')
		p.AddPatch = relSlash(ld.opts.Root, ap[:i]) + ap[i:]
	}
	return p
}

// buildOnly says why a pom builds nothing that runs: a BOM (packaging pom
// managing versions, declaring no dependency and no module) or a
// distribution (packaging pom assembled by an assembly or distribution
// plugin). Dependency rules skip such projects.
func buildOnly(pr *Project) string {
	p := pr.POM
	if pr.Packaging != "pom" {
		return ""
	}
	if len(p.Dependencies) == 0 && len(p.Modules) == 0 && len(p.DependencyManagement) > 0 {
		return fmt.Sprintf("%s:%d is a BOM (packaging pom, dependencyManagement only)", p.File, p.Line)
	}
	for _, pl := range p.Plugins {
		if strings.Contains(pl.ArtifactID, "assembly") || strings.Contains(pl.ArtifactID, "distribution") {
			return fmt.Sprintf("%s:%d packages a distribution (packaging pom with %s)", p.File, pl.Line, pl.ArtifactID)
		}
	}
	return ""
}

// gradleRole reads the Koupleless signals of a Gradle build from its
// declared coordinates: the base starter makes a base, the app starter a
// module.
func (ld *loader) gradleRole(p *facts.BuildProject) {
	if !ld.opts.RoleAuto || ld.configured(p.Path) {
		return
	}
	for _, d := range p.Dependencies {
		switch d.ArtifactID {
		case baseStarter:
			p.Role, p.RoleWhy = facts.RoleBase, fmt.Sprintf("%s:%d dependency %s", d.Path, d.Line, d.Key())
			return
		case appStarter:
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

// convert turns coordinates into facts, each with the text of its
// declaring line.
func (ld *loader) convert(ds []Dependency) []facts.Dependency {
	out := make([]facts.Dependency, 0, len(ds))
	for _, d := range ds {
		file := relSlash(ld.opts.Root, d.File)
		fd := facts.Dependency{
			GroupID: d.GroupID, ArtifactID: d.ArtifactID, Version: d.Version, Type: d.Type, Classifier: d.Classifier,
			Scope: d.Scope, Optional: d.Optional, Path: file, Line: d.Line, Source: d.Source.String(),
			Confidence: d.Confidence.String(), Evidence: d.Evidence, Exclusions: d.Exclusions,
		}
		if d.Line > 0 && !filepath.IsAbs(file) {
			if src, err := ld.read(file); err == nil {
				fd.Span = LineSpan(src, d.Line)
			}
		}
		out = append(out, fd)
	}
	return out
}

// LineSpan is the text of a 1-based line without its indentation and line
// break.
func LineSpan(src []byte, line int) facts.Span {
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

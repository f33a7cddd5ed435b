package scanner

import (
	"bytes"
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/deps"
)

// loadDeps resolves the build projects of the given build files (relative
// slash paths): Maven models with parents and BOMs, saved dependency lists,
// Gradle builds.
func loadDeps(root string, files []string, ro *roles, m2 string, read func(string) ([]byte, error)) *DepsResult {
	res := &DepsResult{Root: root}
	note := func(file string, line int, level rules.Level, msg string) {
		res.Notifications = append(res.Notifications, rules.Notification{Path: file, Line: line, Level: level, Kind: "dependencies", Message: msg})
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
	if ro.auto && !ro.configured(file) {
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

// gradleRole reads the Koupleless signals of a Gradle build from its
// declared coordinates: the base starter makes a base, the app starter a
// module.
func gradleRole(p *facts.BuildProject, ro *roles) {
	if !ro.auto || ro.configured(p.Path) {
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

package deps

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// MavenOptions configures LoadMaven. The zero value reads files with
// os.ReadFile and looks nowhere outside the given files' tree.
type MavenOptions struct {
	// M2Repo is the local repository searched for parents and imported
	// BOMs; "" turns the lookup off. DefaultM2Repo gives ~/.m2/repository.
	M2Repo string
	// ReadFile reads a pom (nil: os.ReadFile).
	ReadFile func(name string) ([]byte, error)
	// Properties are user properties (-Dkey=value); they win over pom
	// properties, as on the Maven command line. Entries of .mvn/maven.config
	// found above a pom are added beneath these.
	Properties map[string]string
	// Getenv resolves ${env.X}; nil leaves them unresolved. Pass
	// os.LookupEnv to use the process environment.
	Getenv func(key string) (string, bool)
}

// DefaultM2Repo returns ~/.m2/repository, or "" when there is no home.
func DefaultM2Repo() string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return ""
	}
	return filepath.Join(home, ".m2", "repository")
}

// MavenResult is what LoadMaven found.
type MavenResult struct {
	// Projects holds one entry per readable pom given, sorted by file.
	Projects []*Project
	// Dependencies are the declared dependencies of all projects (inherited
	// ones counted once, at their declaring line), sorted by file and line.
	Dependencies  []Dependency
	Notifications []Notification
}

// Project is the effective model of one pom: inheritance applied,
// properties interpolated, dependencyManagement and imported BOMs applied.
type Project struct {
	POM        *POM
	File       string
	GroupID    string
	ArtifactID string
	Version    string
	Packaging  string
	// Parents lists the resolved parent chain, nearest first (files in
	// the tree or in the local repository).
	Parents []string
	// Properties are the effective properties (own over inherited).
	Properties map[string]string
	// Dependencies are the effective <dependencies>, own first, then
	// inherited ones (File/Line at the parent's declaring line, which may
	// be a pom in the local repository, outside the scanned tree).
	Dependencies []Dependency
	// Managed is the effective dependencyManagement, imports expanded.
	Managed []Dependency
	// Modules are the module pom paths.
	Modules []string
	// Plugins are the project's and its parents' build plugins, nearest
	// first, configuration values interpolated.
	Plugins []Plugin

	chain []*POM // own pom first, then parents
}

// Coordinate returns the project's own coordinate.
func (p *Project) Coordinate() Coordinate {
	return Coordinate{GroupID: p.GroupID, ArtifactID: p.ArtifactID, Version: p.Version, Type: p.Packaging}
}

type mavenLoader struct {
	opts     MavenOptions
	read     func(string) ([]byte, error)
	given    map[string]string // cleaned path → path as given
	poms     map[string]*POM   // cleaned path → parsed (nil: unreadable)
	byGAV    map[string]string // g:a:v → cleaned path, given files only
	effect   map[string]*Project
	building map[string]bool
	notes    []Notification
	mvnCfg   map[string]map[string]string
}

// LoadMaven builds the effective model of each given pom, offline: parents
// and imported BOMs come from the given files or from opts.M2Repo. Anything
// unresolvable becomes a Notification.
func LoadMaven(files []string, opts MavenOptions) *MavenResult {
	l := &mavenLoader{
		opts:     opts,
		read:     opts.ReadFile,
		given:    map[string]string{},
		poms:     map[string]*POM{},
		byGAV:    map[string]string{},
		effect:   map[string]*Project{},
		building: map[string]bool{},
		mvnCfg:   map[string]map[string]string{},
	}
	if l.read == nil {
		l.read = os.ReadFile
	}
	sorted := append([]string(nil), files...)
	sort.Strings(sorted)
	for _, f := range sorted {
		l.given[filepath.Clean(f)] = f
	}
	for _, f := range sorted {
		p := l.load(f)
		if p == nil {
			continue
		}
		g, a, v := l.ownGAV(p)
		if g != "" && a != "" && v != "" {
			k := g + ":" + a + ":" + v
			if _, dup := l.byGAV[k]; !dup {
				l.byGAV[k] = filepath.Clean(f)
			}
		}
	}
	res := &MavenResult{}
	seen := map[string]bool{}
	for _, f := range sorted {
		if l.poms[filepath.Clean(f)] == nil {
			continue
		}
		pr := l.build(filepath.Clean(f), nil)
		if pr == nil {
			continue
		}
		res.Projects = append(res.Projects, pr)
		for _, d := range pr.Dependencies {
			k := fmt.Sprintf("%s\x00%d\x00%s", d.File, d.Line, d.Coordinate.String())
			if seen[k] {
				continue
			}
			seen[k] = true
			res.Dependencies = append(res.Dependencies, d)
		}
	}
	SortDependencies(res.Dependencies)
	res.Notifications = sortNotifications(l.notes)
	return res
}

func (l *mavenLoader) note(file string, line int, format string, args ...any) {
	l.notes = append(l.notes, Notification{File: file, Line: line, Message: fmt.Sprintf(format, args...)})
}

// display returns the path as the caller spelled it when it was given.
func (l *mavenLoader) display(clean string) string {
	if g, ok := l.given[clean]; ok {
		return g
	}
	return clean
}

// load parses a pom once; failures are notified once.
func (l *mavenLoader) load(file string) *POM {
	c := filepath.Clean(file)
	if p, ok := l.poms[c]; ok {
		return p
	}
	l.poms[c] = nil
	data, err := l.read(file)
	if err != nil {
		l.note(l.display(c), 0, "cannot read pom: %v", err)
		return nil
	}
	p, err := ParsePOM(l.display(c), data)
	if err != nil {
		if pe, ok := err.(*ParseError); ok {
			l.note(pe.File, pe.Line, "%s", pe.Msg)
		} else {
			l.note(l.display(c), 0, "%v", err)
		}
		return nil
	}
	l.poms[c] = p
	return p
}

// tryLoad parses a pom if it exists, without notifying a missing file.
func (l *mavenLoader) tryLoad(file string) *POM {
	c := filepath.Clean(file)
	if p, ok := l.poms[c]; ok {
		return p
	}
	if _, given := l.given[c]; !given {
		if _, err := l.read(file); err != nil {
			return nil
		}
	}
	return l.load(file)
}

// ownGAV interpolates a pom's coordinates with its own properties only,
// enough to index it for parent and BOM lookups (CI-friendly ${revision}).
func (l *mavenLoader) ownGAV(p *POM) (g, a, v string) {
	in := &interpolator{props: map[string]propValue{}, user: l.userProps(p.File)}
	for _, pr := range p.Properties {
		in.props[pr.Name] = propValue{Value: pr.Value}
	}
	in.project = map[string]string{"groupId": p.GroupID, "artifactId": p.ArtifactID, "version": p.Version}
	if p.Parent != nil {
		in.project["parent.groupId"] = p.Parent.GroupID
		in.project["parent.version"] = p.Parent.Version
	}
	g, _ = in.expand(p.GroupID, p.File, 0, nil)
	a, _ = in.expand(p.ArtifactID, p.File, 0, nil)
	v, _ = in.expand(p.Version, p.File, 0, nil)
	return g, a, v
}

// userProps merges .mvn/maven.config above file with the caller's
// properties (the caller's win).
func (l *mavenLoader) userProps(file string) map[string]string {
	out := map[string]string{}
	for k, v := range l.mavenConfig(filepath.Dir(file)) {
		out[k] = v
	}
	for k, v := range l.opts.Properties {
		out[k] = v
	}
	return out
}

// mavenConfig reads -D options of the nearest .mvn/maven.config, which
// Maven applies as user properties (the usual home of -Drevision=...).
func (l *mavenLoader) mavenConfig(dir string) map[string]string {
	if m, ok := l.mvnCfg[dir]; ok {
		return m
	}
	var m map[string]string
	if data, err := l.read(filepath.Join(dir, ".mvn", "maven.config")); err == nil {
		m = parseMavenConfig(string(data))
	} else if up := filepath.Dir(dir); up != dir && dir != "." && dir != "" {
		m = l.mavenConfig(up)
	}
	l.mvnCfg[dir] = m
	return m
}

func parseMavenConfig(s string) map[string]string {
	m := map[string]string{}
	f := strings.Fields(s)
	for i := 0; i < len(f); i++ {
		t := f[i]
		if t == "-D" && i+1 < len(f) {
			i++
			t = "-D" + f[i]
		}
		if kv, ok := strings.CutPrefix(t, "-D"); ok {
			k, v, _ := strings.Cut(kv, "=")
			if k != "" {
				m[k] = strings.Trim(v, `"'`)
			}
		}
	}
	return m
}

// findParent locates a pom's parent: relativePath, then the given files by
// G:A:V, then the local repository.
func (l *mavenLoader) findParent(p *POM, fromRepo bool, userProps map[string]string) (string, *POM) {
	par := p.Parent
	in := &interpolator{props: map[string]propValue{}, user: userProps}
	for _, pr := range p.Properties {
		in.props[pr.Name] = propValue{Value: pr.Value}
	}
	g, _ := in.expand(par.GroupID, p.File, par.Line, nil)
	a, _ := in.expand(par.ArtifactID, p.File, par.Line, nil)
	v, _ := in.expand(par.Version, p.File, par.Line, nil)
	if !fromRepo && !par.RelativePathEmpty {
		rp := filepath.Join(filepath.Dir(p.File), filepath.FromSlash(par.RelativePath))
		if !strings.HasSuffix(rp, ".xml") {
			rp = filepath.Join(rp, "pom.xml")
		}
		if cand := l.tryLoad(rp); cand != nil {
			cg, ca, _ := l.ownGAV(cand)
			if cg == g && ca == a {
				return filepath.Clean(rp), cand
			}
		}
	}
	if c, ok := l.byGAV[g+":"+a+":"+v]; ok {
		return c, l.poms[c]
	}
	if f := l.m2Path(g, a, v, "pom"); f != "" {
		if cand := l.tryLoad(f); cand != nil {
			return filepath.Clean(f), cand
		}
	}
	l.note(p.File, par.Line, "parent %s:%s:%s not found in the scanned tree or %s", g, a, v, l.repoName())
	return "", nil
}

func (l *mavenLoader) repoName() string {
	if l.opts.M2Repo == "" {
		return "the local repository (off)"
	}
	return "~/.m2"
}

func (l *mavenLoader) m2Path(g, a, v, ext string) string {
	if l.opts.M2Repo == "" || g == "" || a == "" || v == "" || strings.Contains(g+a+v, "${") ||
		strings.ContainsAny(g+a+v, `/\`) || strings.Contains(g+a+v, "..") {
		return ""
	}
	return filepath.Join(l.opts.M2Repo, filepath.FromSlash(strings.ReplaceAll(g, ".", "/")), a, v, a+"-"+v+"."+ext)
}

func (l *mavenLoader) inRepo(clean string) bool {
	if l.opts.M2Repo == "" {
		return false
	}
	rel, err := filepath.Rel(filepath.Clean(l.opts.M2Repo), clean)
	return err == nil && !strings.HasPrefix(rel, "..")
}

// build returns the effective project of a pom; importing lists BOMs being
// imported, to stop import cycles.
func (l *mavenLoader) build(clean string, importing []string) *Project {
	if pr, ok := l.effect[clean]; ok {
		return pr
	}
	if l.building[clean] {
		return nil
	}
	l.building[clean] = true
	defer delete(l.building, clean)
	own := l.poms[clean]
	if own == nil {
		return nil
	}
	user := l.userProps(own.File)

	// Parent chain, own pom first.
	chain := []*POM{own}
	files := []string{clean}
	visited := map[string]bool{clean: true}
	for cur := own; cur.Parent != nil; {
		pc, pp := l.findParent(cur, l.inRepo(filepath.Clean(cur.File)), user)
		if pp == nil {
			break
		}
		if visited[pc] {
			l.note(cur.File, cur.Parent.Line, "parent cycle through %s", l.display(pc))
			break
		}
		visited[pc] = true
		chain = append(chain, pp)
		files = append(files, pc)
		cur = pp
	}

	in := &interpolator{props: map[string]propValue{}, user: user, getenv: l.opts.Getenv, notes: &l.notes}
	for i := len(chain) - 1; i >= 0; i-- {
		label := ""
		if i > 0 {
			label = "parent"
		}
		for _, pr := range chain[i].Properties {
			in.props[pr.Name] = propValue{Value: pr.Value, File: chain[i].File, Line: pr.Line, Label: label}
		}
	}
	in.project = map[string]string{
		"groupId":    own.GroupID,
		"artifactId": own.ArtifactID,
		"version":    own.Version,
		"packaging":  own.Packaging,
		"basedir":    filepath.Dir(own.File),
	}
	if own.Name != "" {
		in.project["name"] = own.Name
	}
	if own.Parent != nil {
		in.project["parent.groupId"] = own.Parent.GroupID
		in.project["parent.artifactId"] = own.Parent.ArtifactID
		in.project["parent.version"] = own.Parent.Version
		in.project["parent.relativePath"] = own.Parent.RelativePath
	}
	exp := func(s string, file string, line int) string {
		v, _ := in.expand(s, file, line, nil)
		return v
	}
	pr := &Project{POM: own, File: own.File, chain: chain, Parents: nil, Properties: map[string]string{}}
	for _, f := range files[1:] {
		pr.Parents = append(pr.Parents, l.display(f))
	}
	pr.GroupID = exp(own.GroupID, own.File, own.GroupIDLine)
	pr.ArtifactID = exp(own.ArtifactID, own.File, own.ArtifactIDLine)
	pr.Version = exp(own.Version, own.File, own.VersionLine)
	pr.Packaging = exp(own.Packaging, own.File, own.Line)
	names := make([]string, 0, len(in.props))
	for k := range in.props {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		v, _ := in.expand(in.props[k].Value, in.props[k].File, in.props[k].Line, nil)
		pr.Properties[k] = v
	}

	// dependencyManagement: own entries win over inherited ones; imports
	// are expanded afterwards and only fill keys still missing.
	var managed []Dependency
	managedIdx := map[string]int{}
	var imports []Dependency
	for i, p := range chain {
		label := ""
		if i > 0 {
			label = "parent "
		}
		for _, pd := range p.DependencyManagement {
			d := l.effectiveDep(in, p, pd, PomManaged, label)
			if d.Scope == "import" {
				imports = append(imports, d)
				continue
			}
			k := mgmtKey(d.Coordinate)
			if _, ok := managedIdx[k]; ok {
				continue
			}
			managedIdx[k] = len(managed)
			managed = append(managed, d)
		}
	}
	for _, imp := range imports {
		bom := l.findBOM(imp, append(importing, clean))
		if bom == nil {
			continue
		}
		for _, d := range bom.Managed {
			k := mgmtKey(d.Coordinate)
			if _, ok := managedIdx[k]; ok {
				continue
			}
			if d.Evidence != "" {
				d.Evidence += "; "
			}
			d.Evidence += fmt.Sprintf("imported by %s:%d", imp.File, imp.Line)
			managedIdx[k] = len(managed)
			managed = append(managed, d)
		}
	}
	pr.Managed = managed

	// Dependencies: own first, then inherited ones a nearer pom does not
	// redeclare. Duplicates within one pom are all kept, each at its line.
	declared := map[string]bool{}
	for i, p := range chain {
		label := ""
		if i > 0 {
			label = "parent "
		}
		here := map[string]bool{}
		for _, pd := range p.Dependencies {
			d := l.effectiveDep(in, p, pd, PomDeclared, label)
			k := mgmtKey(d.Coordinate)
			if declared[k] {
				continue
			}
			here[k] = true
			if j, ok := managedIdx[k]; ok {
				m := managed[j]
				if d.Version == "" && pd.Version == "" && m.Version != "" {
					d.Version = m.Version
					d.Evidence += fmt.Sprintf("; version %s from dependencyManagement (%s:%d)", m.Version, m.File, m.Line)
					if _, how, ok := strings.Cut(m.Evidence, "; version from "); ok {
						d.Evidence += ", version from " + how
					}
					d.Confidence = m.Confidence
				}
				if pd.Scope == "" && m.Scope != "" {
					d.Scope = m.Scope
					d.Evidence += fmt.Sprintf("; scope %s from dependencyManagement (%s:%d)", m.Scope, m.File, m.Line)
				}
			}
			if d.Scope == "" {
				d.Scope = "compile"
			}
			if d.Version == "" {
				d.Confidence = Medium
				if pd.Version == "" {
					l.note(p.File, pd.Line, "no version for %s (not declared and not managed)", d.Coordinate.Key())
				}
			}
			pr.Dependencies = append(pr.Dependencies, d)
		}
		for k := range here {
			declared[k] = true
		}
	}

	for _, p := range chain {
		for _, pl := range p.Plugins {
			pl.GroupID = exp(pl.GroupID, p.File, pl.Line)
			pl.ArtifactID = exp(pl.ArtifactID, p.File, pl.Line)
			pl.Version = exp(pl.Version, p.File, pl.Line)
			if len(pl.Config) > 0 {
				cfg := map[string][]ConfigValue{}
				for k, vs := range pl.Config {
					for _, v := range vs {
						cfg[k] = append(cfg[k], ConfigValue{Value: exp(v.Value, p.File, v.Line), Line: v.Line})
					}
				}
				pl.Config = cfg
			}
			pr.Plugins = append(pr.Plugins, pl)
		}
	}

	for _, m := range own.Modules {
		mp := filepath.Join(filepath.Dir(own.File), filepath.FromSlash(m.Name))
		if !strings.HasSuffix(mp, ".xml") {
			mp = filepath.Join(mp, "pom.xml")
		}
		if l.tryLoad(mp) == nil {
			l.note(own.File, m.Line, "module %s: %s not found", m.Name, filepath.ToSlash(mp))
			continue
		}
		pr.Modules = append(pr.Modules, l.display(filepath.Clean(mp)))
	}
	l.effect[clean] = pr
	return pr
}

// mgmtKey is the identity dependencyManagement uses.
func mgmtKey(c Coordinate) string {
	t := c.Type
	if t == "" {
		t = "jar"
	}
	return c.GroupID + ":" + c.ArtifactID + ":" + t + ":" + c.Classifier
}

// effectiveDep interpolates one raw dependency in the project's context.
func (l *mavenLoader) effectiveDep(in *interpolator, p *POM, pd PomDependency, src Source, label string) Dependency {
	exp := func(s string, line int) (string, bool, []origin) {
		var used []origin
		v, ok := in.expand(s, p.File, line, &used)
		return v, ok, used
	}
	d := Dependency{File: p.File, Line: pd.Line, Source: src, Confidence: High}
	tag := "<dependency>"
	if src == PomManaged {
		tag = "<dependencyManagement> entry"
	}
	d.Evidence = fmt.Sprintf("%s%s:%d %s", label, p.File, pd.Line, tag)
	ok := true
	var good bool
	d.GroupID, good, _ = exp(pd.GroupID, pd.Line)
	ok = ok && good
	d.ArtifactID, good, _ = exp(pd.ArtifactID, pd.Line)
	ok = ok && good
	vl := pd.VersionLine
	if vl == 0 {
		vl = pd.Line
	}
	var used []origin
	d.Version, good, used = exp(pd.Version, vl)
	if !good {
		d.Version = ""
		d.Confidence = Medium
		d.Evidence += fmt.Sprintf("; version %s unresolved", pd.Version)
	}
	for _, o := range used {
		if !good {
			break
		}
		if o.Where.Label == "project" {
			d.Evidence += fmt.Sprintf("; version from ${%s} = %s", o.Name, o.Value)
			continue
		}
		d.Evidence += fmt.Sprintf("; version from property ${%s} = %s %s", o.Name, o.Value, o.Where.describe())
	}
	d.Type, _, _ = exp(pd.Type, pd.Line)
	if d.Type == "" {
		d.Type = "jar"
	}
	d.Classifier, _, _ = exp(pd.Classifier, pd.Line)
	sl := pd.ScopeLine
	if sl == 0 {
		sl = pd.Line
	}
	d.Scope, _, _ = exp(pd.Scope, sl)
	opt, _, _ := exp(pd.Optional, pd.Line)
	d.Optional = strings.EqualFold(opt, "true")
	for _, e := range pd.Exclusions {
		v, _, _ := exp(e, pd.Line)
		d.Exclusions = append(d.Exclusions, v)
	}
	if !ok {
		d.Confidence = Low
	}
	return d
}

// findBOM returns the effective project of an imported BOM.
func (l *mavenLoader) findBOM(imp Dependency, importing []string) *Project {
	if imp.Version == "" || strings.Contains(imp.GroupID+imp.ArtifactID, "${") {
		l.note(imp.File, imp.Line, "BOM %s cannot be imported: coordinate unresolved", imp.Coordinate.String())
		return nil
	}
	var clean string
	if c, ok := l.byGAV[imp.GroupID+":"+imp.ArtifactID+":"+imp.Version]; ok {
		clean = c
	} else if f := l.m2Path(imp.GroupID, imp.ArtifactID, imp.Version, "pom"); f != "" && l.tryLoad(f) != nil {
		clean = filepath.Clean(f)
	}
	if clean == "" {
		l.note(imp.File, imp.Line, "BOM %s:%s:%s not found in the scanned tree or %s", imp.GroupID, imp.ArtifactID, imp.Version, l.repoName())
		return nil
	}
	for _, c := range importing {
		if c == clean {
			l.note(imp.File, imp.Line, "BOM import cycle through %s", l.display(clean))
			return nil
		}
	}
	return l.build(clean, importing)
}

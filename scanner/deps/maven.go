package deps

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/kscan/kscan/internal/safefs"
)

// MavenOptions configures LoadMaven. The zero value reads files through
// safefs and looks nowhere outside the given files' tree.
type MavenOptions struct {
	// M2Repo is the local repository searched for parents and imported
	// BOMs; "" turns the lookup off. DefaultM2Repo gives ~/.m2/repository.
	M2Repo string
	// ReadFile reads a pom or .mvn/maven.config (nil: safefs.ReadFile with
	// safefs.MaxBuildFile).
	ReadFile func(name string) ([]byte, error)
	// Properties are user properties (-Dkey=value); they win over pom
	// properties, as on the Maven command line. Entries of .mvn/maven.config
	// found above a pom are added beneath these.
	Properties map[string]string
	// Getenv resolves ${env.X}; nil leaves them unresolved (silently: the
	// environment of the build machine is not the scanner's).
	Getenv func(key string) (string, bool)
	// Parse parses a pom read from name (nil: ParsePOM), for an engine
	// that parsed the tree's poms already; the loader never changes a POM.
	Parse func(name string, data []byte) (*POM, error)
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
	// Work counts the steps of model resolution (parent look-ups, property
	// and management look-ups, expansions): a measure of cost that tests
	// can bound without timing anything.
	Work int64
}

// Project is the effective model of one pom: inheritance applied,
// dependency coordinates interpolated, dependencyManagement and imported
// BOMs applied. Everything else (properties, management entries, plugins)
// is resolved on demand, so a deep hierarchy costs what is asked of it.
type Project struct {
	POM        *POM
	File       string
	GroupID    string
	ArtifactID string
	Version    string
	Packaging  string
	// Dependencies are the effective <dependencies>, own first, then
	// inherited ones (File/Line at the parent's declaring line, which may
	// be a pom in the local repository, outside the scanned tree).
	Dependencies []Dependency
	// Modules are the module pom paths.
	Modules []string
	l       *mavenLoader
	ly      *layer
	mm      map[string]*Dependency // managed look-ups, by mgmtKey
}

// Coordinate returns the project's own coordinate.
func (p *Project) Coordinate() Coordinate {
	return Coordinate{GroupID: p.GroupID, ArtifactID: p.ArtifactID, Version: p.Version, Type: p.Packaging}
}

// Parents lists the resolved parent chain, nearest first (files in the tree
// or in the local repository; a Spring Boot parent known only from kscan's
// facts is named by its coordinate).
func (p *Project) Parents() []string {
	var out []string
	for c := p.ly.parent; c != nil; c = c.parent {
		if c.pom == nil {
			out = append(out, c.name)
			continue
		}
		out = append(out, p.l.display(c.clean))
	}
	return out
}

// Property returns the effective value of a property in this project.
func (p *Project) Property(name string) (string, bool) {
	r := p.l.val(p.ly, name, nil)
	return r.val, r.ok
}

// BootVersion is the Spring Boot version the project's dependency
// management comes from (spring-boot-starter-parent or
// spring-boot-dependencies as parent or imported BOM), "" when none.
func (p *Project) BootVersion() string {
	if v := p.l.bootOf(p.ly); v != "" {
		return v
	}
	for _, imp := range p.l.importsOf(p.ly) {
		if isBootBOM(imp.GroupID, imp.ArtifactID) && imp.Version != "" {
			return imp.Version
		}
	}
	return ""
}

// Managed returns the dependencyManagement entry for groupId:artifactId
// (type jar, no classifier), nil when nothing manages it.
func (p *Project) Managed(key string) *Dependency {
	g, a, _ := strings.Cut(key, ":")
	return p.managed(Coordinate{GroupID: g, ArtifactID: a, Type: "jar"})
}

type mavenLoader struct {
	opts   MavenOptions
	read   func(string) ([]byte, error)
	given  map[string]string // cleaned path → path as given
	poms   map[string]*POM   // cleaned path → parsed (nil: unreadable)
	byGAV  map[string]string // g:a:v → cleaned path, given files only
	layers map[string]*layer // cleaned path (or "boot:" + version) → layer
	// building holds the poms whose layer is being made, to stop parent
	// cycles.
	building map[string]bool
	// definers holds, per namespace-qualified key, the smallest depth of a
	// layer defining it, so a look-up stops as soon as no ancestor can.
	minDepth map[string]int
	// defCount counts the layers defining a key; multiGen records when a
	// key got its second definer (gen counts such events), so a value
	// computed before cannot be reused for a pom that overrides the key.
	defCount map[string]int
	multiGen map[string]int
	gen      int
	boms     map[string]*Project // g:a:v → imported BOM (nil: not found)
	bomBusy  map[string]bool
	notes    []Notification
	mvnCfg   map[string]string            // directory → nearest maven.config directory
	users    map[string]map[string]string // maven.config directory → user properties
	missing  map[string]*missingRef
	work     int64
}

// missingRef is a parent or BOM that could not be found, with what its
// absence costs.
type missingRef struct {
	what     string // "parent" or "BOM"
	gav      string
	file     string
	line     int
	poms     map[string]bool
	unknown  map[string]bool // file:line:key of dependencies whose version is unknown
	boot     bool            // Spring Boot's own: its managed versions are known
	bootKnow bool            // the Spring Boot release is in kscan's facts
}

// layer is one pom of a hierarchy, resolved once: its parent, and memos of
// the look-ups made through it. A Spring Boot parent that is not on disk is
// a layer without a pom whose management comes from kscan's facts.
type layer struct {
	pom     *POM
	clean   string
	name    string // g:a:v for a layer without a pom
	boot    string // Spring Boot version supplied by kscan's facts
	parent  *layer
	depth   int
	user    map[string]string
	own     map[string]int // own property → index in pom.Properties
	ownMgmt map[string]int // own managed mgmtKey → index in pom.DependencyManagement
	missing *missingRef    // nearest missing parent in the chain
	// depsUp is the nearest ancestor declaring dependencies, importsUp the
	// nearest declaring imports: inherited lists are walked without
	// visiting the layers in between.
	depsUp, importsUp *layer
	find              map[string]*layer // memo: nearest definer of a key
	vals              map[string]*evalResult
	roleMemo          [2]*roleResult
	arkMemo           *Plugin
	arkAt             *layer
	repack            int8 // 0 unknown, 1 no, 2 yes: ark repackage in the chain's pluginManagement
	arkDone           bool
	patchMemo         string
	patchDone         bool
	bootMemo          *string
	rawImports        []PomDependency
	overrides         []string // own properties also defined by an ancestor
	overridesDone     bool
}

type roleResult struct{ role, why string }

// LoadMaven builds the effective model of each given pom, offline: parents
// and imported BOMs come from the given files or from opts.M2Repo. Anything
// unresolvable becomes a Notification; a missing parent or BOM is reported
// once, with what it would have supplied.
func LoadMaven(files []string, opts MavenOptions) *MavenResult {
	l := &mavenLoader{
		opts:     opts,
		read:     opts.ReadFile,
		given:    map[string]string{},
		poms:     map[string]*POM{},
		byGAV:    map[string]string{},
		layers:   map[string]*layer{},
		building: map[string]bool{},
		minDepth: map[string]int{},
		defCount: map[string]int{},
		multiGen: map[string]int{},
		boms:     map[string]*Project{},
		bomBusy:  map[string]bool{},
		mvnCfg:   map[string]string{},
		users:    map[string]map[string]string{},
		missing:  map[string]*missingRef{},
	}
	if l.read == nil {
		l.read = func(name string) ([]byte, error) { return safefs.ReadFile(name, safefs.MaxBuildFile) }
	}
	if l.opts.Parse == nil {
		l.opts.Parse = ParsePOM
	}
	sorted := append([]string(nil), files...)
	sort.Strings(sorted)
	for _, f := range sorted {
		l.given[filepath.Clean(f)] = f
	}
	for _, f := range sorted {
		p := l.load(f, true)
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
	// Every layer of the tree first: a value computed for one pom is
	// reused by another only when the definers of what it used are known.
	for _, f := range sorted {
		if c := filepath.Clean(f); l.poms[c] != nil {
			l.layerOf(c)
		}
	}
	res := &MavenResult{}
	seen := map[string]bool{}
	for _, f := range sorted {
		c := filepath.Clean(f)
		if l.poms[c] == nil {
			continue
		}
		pr := l.project(l.layerOf(c), true)
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
	l.noteMissing()
	SortDependencies(res.Dependencies)
	res.Notifications = sortNotifications(l.notes)
	res.Work = l.work
	return res
}

func (l *mavenLoader) note(kind string, level Level, file string, line int, format string, args ...any) {
	l.notes = append(l.notes, Notification{File: file, Line: line, Kind: kind, Level: level, Message: fmt.Sprintf(format, args...)})
}

// display returns the path as the caller spelled it when it was given.
func (l *mavenLoader) display(clean string) string {
	if g, ok := l.given[clean]; ok {
		return g
	}
	return clean
}

// load parses a pom once. A file that does not exist is reported only when
// it was given (or report is set); any other failure always is.
func (l *mavenLoader) load(file string, report bool) *POM {
	c := filepath.Clean(file)
	if p, ok := l.poms[c]; ok {
		return p
	}
	l.poms[c] = nil
	data, err := l.read(file)
	if err != nil {
		// A parent or module that is not there, or lies outside the scanned
		// root (which kscan never reads through), is simply not found.
		if report || !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, safefs.ErrOutsideRoot) {
			l.note(readKind(err), LevelError, l.display(c), 0, "cannot read pom: %s", readError(err))
		}
		return nil
	}
	p, err := l.opts.Parse(l.display(c), data)
	if err != nil {
		if pe, ok := err.(*ParseError); ok {
			l.note(KindSyntax, LevelError, pe.File, pe.Line, "%s", pe.Msg)
		} else {
			l.note(KindSyntax, LevelError, l.display(c), 0, "%v", err)
		}
		return nil
	}
	l.poms[c] = p
	return p
}

// readKind classifies a read failure for the notification.
func readKind(err error) string {
	var tl *safefs.TooLargeError
	if errors.As(err, &tl) {
		return KindTooLarge
	}
	return KindRead
}

// readError is the error text without the path, which the notification
// names already.
func readError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// ownGAV interpolates a pom's coordinates with its own properties only,
// enough to index it for parent and BOM lookups (CI-friendly ${revision}).
func (l *mavenLoader) ownGAV(p *POM) (g, a, v string) {
	props := map[string]string{}
	for _, pr := range p.Properties {
		props[pr.Name] = pr.Value
	}
	for k, v := range l.userProps(p.File) {
		props[k] = v
	}
	props["project.groupId"], props["project.artifactId"], props["project.version"] = p.GroupID, p.ArtifactID, p.Version
	if p.Parent != nil {
		props["project.parent.groupId"], props["project.parent.version"] = p.Parent.GroupID, p.Parent.Version
	}
	return simpleExpand(p.GroupID, props), simpleExpand(p.ArtifactID, props), simpleExpand(p.Version, props)
}

// simpleExpand resolves ${...} from one flat map, a few rounds deep; what
// stays unresolved stays as written.
func simpleExpand(s string, props map[string]string) string {
	for round := 0; round < 8 && strings.Contains(s, "${"); round++ {
		var b strings.Builder
		rest, changed := s, false
		for {
			i := strings.Index(rest, "${")
			j := strings.IndexByte(rest[max(i, 0):], '}')
			if i < 0 || j < 0 {
				b.WriteString(rest)
				break
			}
			j += i
			name := rest[i+2 : j]
			b.WriteString(rest[:i])
			if v, ok := props[name]; ok && len(v) < maxExpansion {
				b.WriteString(v)
				changed = true
			} else {
				b.WriteString(rest[i : j+1])
			}
			rest = rest[j+1:]
		}
		s = b.String()
		if !changed || len(s) > maxExpansion {
			break
		}
	}
	return s
}

// userProps merges .mvn/maven.config above file with the caller's
// properties (the caller's win). Poms under the same maven.config share the
// returned map, which lets a child reuse what its parent resolved.
func (l *mavenLoader) userProps(file string) map[string]string {
	cfgDir := l.mavenConfigDir(filepath.Dir(file))
	if m, ok := l.users[cfgDir]; ok {
		return m
	}
	out := map[string]string{}
	if cfgDir != "" {
		if data, err := l.read(filepath.Join(cfgDir, ".mvn", "maven.config")); err == nil {
			out = parseMavenConfig(string(data))
		}
	}
	for k, v := range l.opts.Properties {
		out[k] = v
	}
	l.users[cfgDir] = out
	return out
}

// mavenConfigDir returns the nearest directory at or above dir holding
// .mvn/maven.config, whose -D options Maven applies as user properties (the
// usual home of -Drevision=...); "" when there is none.
func (l *mavenLoader) mavenConfigDir(dir string) string {
	if d, ok := l.mvnCfg[dir]; ok {
		return d
	}
	found := ""
	if _, err := l.read(filepath.Join(dir, ".mvn", "maven.config")); err == nil {
		found = dir
	} else if up := filepath.Dir(dir); up != dir && dir != "." && dir != "" {
		found = l.mavenConfigDir(up)
	}
	l.mvnCfg[dir] = found
	return found
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

// layerOf returns the layer of a parsed pom, resolving its parent chain
// once for every pom that inherits from it.
func (l *mavenLoader) layerOf(clean string) *layer {
	if ly, ok := l.layers[clean]; ok {
		return ly
	}
	pom := l.poms[clean]
	if pom == nil {
		return nil
	}
	l.building[clean] = true
	ly := &layer{pom: pom, clean: clean, user: l.userProps(pom.File)}
	if pom.Parent != nil {
		l.work++
		pc, pp, gav := l.findParent(pom, l.inRepo(clean), ly.user)
		switch {
		case pp != nil && l.building[pc]:
			l.note(KindUnresolved, LevelWarning, pom.File, pom.Parent.Line, "parent cycle: %s names %s as its parent, which inherits from it again; the chain stops here", pom.File, l.display(pc))
		case pp != nil:
			ly.parent = l.layerOf(pc)
		default:
			ly.parent, ly.missing = l.missingParent(pom, gav)
		}
	}
	delete(l.building, clean)
	l.finishLayer(ly)
	l.layers[clean] = ly
	return ly
}

// missingParent records a parent that is nowhere to be found. Spring Boot's
// own parents still give a layer: their version is the Spring Boot version,
// and the versions they manage are kscan's facts.
func (l *mavenLoader) missingParent(pom *POM, gav [3]string) (*layer, *missingRef) {
	m := l.missingRefFor("parent", gav, pom.File, pom.Parent.Line)
	if !isBootBOM(gav[0], gav[1]) || gav[2] == "" || strings.Contains(gav[2], "${") {
		return nil, m
	}
	m.boot, m.bootKnow = true, bootKnown(gav[2])
	key := "boot:" + gav[2]
	if ly, ok := l.layers[key]; ok {
		return ly, m
	}
	ly := &layer{name: strings.Join(gav[:], ":"), boot: gav[2]}
	l.finishLayer(ly)
	l.layers[key] = ly
	return ly, m
}

func (l *mavenLoader) missingRefFor(what string, gav [3]string, file string, line int) *missingRef {
	key := what + " " + strings.Join(gav[:], ":")
	m := l.missing[key]
	if m == nil {
		m = &missingRef{what: what, gav: strings.Join(gav[:], ":"), file: file, line: line, poms: map[string]bool{}, unknown: map[string]bool{}}
		l.missing[key] = m
	}
	m.poms[file] = true
	return m
}

// finishLayer fills what a layer derives from its parent: depth, jump
// pointers, the definer index and the shortcuts to ancestors that declare
// dependencies or imports.
func (l *mavenLoader) finishLayer(ly *layer) {
	if p := ly.parent; p != nil {
		ly.depth = p.depth + 1
		if ly.missing == nil {
			ly.missing = p.missing
		}
		if len(p.pomDeps()) > 0 {
			ly.depsUp = p
		} else {
			ly.depsUp = p.depsUp
		}
		if len(p.rawImports) > 0 {
			ly.importsUp = p
		} else {
			ly.importsUp = p.importsUp
		}
	}
	ly.find = map[string]*layer{}
	ly.vals = map[string]*evalResult{}
	if ly.pom == nil {
		return
	}
	ly.own = make(map[string]int, len(ly.pom.Properties))
	for i, pr := range ly.pom.Properties {
		ly.own[pr.Name] = i
		l.defines("p:"+pr.Name, ly.depth)
	}
	ly.ownMgmt = map[string]int{}
	for i, pd := range ly.pom.DependencyManagement {
		if strings.TrimSpace(pd.Scope) == "import" {
			ly.rawImports = append(ly.rawImports, pd)
			continue
		}
		// The key is interpolated with the pom's own values: management
		// keys are literal in practice, and one that is not is still
		// found under its written form.
		k := mgmtKey(Coordinate{GroupID: l.quick(ly, pd.GroupID), ArtifactID: l.quick(ly, pd.ArtifactID), Type: l.quick(ly, pd.Type), Classifier: l.quick(ly, pd.Classifier)})
		if _, dup := ly.ownMgmt[k]; !dup {
			ly.ownMgmt[k] = i
			l.defines("m:"+k, ly.depth)
		}
	}
}

func (ly *layer) pomDeps() []PomDependency {
	if ly.pom == nil {
		return nil
	}
	return ly.pom.Dependencies
}

// quick expands a management key part in the layer's own context.
func (l *mavenLoader) quick(ly *layer, s string) string {
	if !strings.Contains(s, "${") {
		return s
	}
	props := map[string]string{"project.groupId": ly.pom.GroupID, "project.version": ly.pom.Version, "project.artifactId": ly.pom.ArtifactID}
	for _, pr := range ly.pom.Properties {
		if strings.Contains(s, pr.Name) {
			props[pr.Name] = pr.Value
		}
	}
	return simpleExpand(s, props)
}

func (l *mavenLoader) defines(key string, depth int) {
	if d, ok := l.minDepth[key]; !ok || depth < d {
		l.minDepth[key] = depth
	}
	l.defCount[key]++
	if l.defCount[key] == 2 {
		l.gen++
		l.multiGen[key] = l.gen
	}
}

// definer returns the nearest layer at or above ly that defines key
// (namespace-qualified), memoised per layer.
func (l *mavenLoader) definer(ly *layer, key string, has func(*layer) bool) *layer {
	min, ok := l.minDepth[key]
	if !ok {
		return nil
	}
	var path []*layer
	var found *layer
	for c := ly; c != nil; c = c.parent {
		l.work++
		if c.depth < min {
			break
		}
		if d, ok := c.find[key]; ok {
			found = d
			break
		}
		if has(c) {
			found = c
			break
		}
		path = append(path, c)
	}
	for _, c := range path {
		c.find[key] = found
	}
	return found
}

func (l *mavenLoader) propDefiner(ly *layer, name string) *layer {
	return l.definer(ly, "p:"+name, func(c *layer) bool {
		_, ok := c.own[name]
		return ok
	})
}

func (l *mavenLoader) mgmtDefiner(ly *layer, key string) *layer {
	return l.definer(ly, "m:"+key, func(c *layer) bool {
		_, ok := c.ownMgmt[key]
		return ok
	})
}

// findParent locates a pom's parent: relativePath, then the given files by
// G:A:V, then the local repository.
func (l *mavenLoader) findParent(p *POM, fromRepo bool, userProps map[string]string) (string, *POM, [3]string) {
	par := p.Parent
	props := map[string]string{}
	for _, pr := range p.Properties {
		props[pr.Name] = pr.Value
	}
	for k, v := range userProps {
		props[k] = v
	}
	gav := [3]string{simpleExpand(par.GroupID, props), simpleExpand(par.ArtifactID, props), simpleExpand(par.Version, props)}
	g, a, v := gav[0], gav[1], gav[2]
	if !fromRepo && !par.RelativePathEmpty {
		rp := filepath.Join(filepath.Dir(p.File), filepath.FromSlash(par.RelativePath))
		if !strings.HasSuffix(rp, ".xml") {
			rp = filepath.Join(rp, "pom.xml")
		}
		if cand := l.load(rp, false); cand != nil {
			cg, ca, _ := l.ownGAV(cand)
			if cg == g && ca == a {
				return filepath.Clean(rp), cand, gav
			}
		}
	}
	if c, ok := l.byGAV[g+":"+a+":"+v]; ok {
		return c, l.poms[c], gav
	}
	if f := l.m2Path(g, a, v, "pom"); f != "" {
		if cand := l.load(f, false); cand != nil {
			return filepath.Clean(f), cand, gav
		}
	}
	return "", nil, gav
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

// project builds the effective project of a layer. tree is set for the
// given poms, whose unresolved dependencies are reported; imported BOMs
// are built without that.
func (l *mavenLoader) project(ly *layer, tree bool) *Project {
	own := ly.pom
	pr := &Project{POM: own, File: own.File, l: l, ly: ly, mm: map[string]*Dependency{}}
	pr.GroupID = l.expandQuiet(ly, own.GroupID)
	pr.ArtifactID = l.expandQuiet(ly, own.ArtifactID)
	pr.Version = l.expandQuiet(ly, own.Version)
	pr.Packaging = l.expandQuiet(ly, own.Packaging)

	// Dependencies: own first, then inherited ones a nearer pom does not
	// redeclare. Duplicates within one pom are all kept, each at its line.
	declared := map[string]bool{}
	for c := ly; c != nil; c = c.depsUp {
		label := ""
		if c != ly {
			label = "parent "
		}
		here := map[string]bool{}
		for _, pd := range c.pom.Dependencies {
			d := l.effectiveDep(ly, c, pd, PomDeclared, label)
			k := mgmtKey(d.Coordinate)
			if declared[k] {
				continue
			}
			here[k] = true
			if m := pr.managed(d.Coordinate); m != nil {
				if d.Version == "" && pd.Version == "" && m.Version != "" {
					d.Version = m.Version
					d.Evidence += fmt.Sprintf("; version %s from dependencyManagement (%s)", m.Version, m.where())
					if _, how, ok := strings.Cut(m.Evidence, "; version from "); ok {
						d.Evidence += ", version from " + how
					}
					d.Confidence = m.Confidence
				}
				if pd.Scope == "" && m.Scope != "" {
					d.Scope = m.Scope
					d.Evidence += fmt.Sprintf("; scope %s from dependencyManagement (%s)", m.Scope, m.where())
				}
			}
			if d.Scope == "" {
				d.Scope = "compile"
			}
			if d.Version == "" {
				d.Confidence = Medium
				if tree {
					l.unknownVersion(pr, c, pd, &d)
				}
			}
			pr.Dependencies = append(pr.Dependencies, d)
		}
		for k := range here {
			declared[k] = true
		}
	}
	if tree {
		for _, imp := range l.importsOf(ly) {
			l.missingBOM(imp) // reported once, even if nothing it manages is used
		}
		for _, m := range own.Modules {
			mp := filepath.Join(filepath.Dir(own.File), filepath.FromSlash(m.Name))
			if !strings.HasSuffix(mp, ".xml") {
				mp = filepath.Join(mp, "pom.xml")
			}
			if l.load(mp, false) == nil {
				l.note(KindModule, LevelNote, own.File, m.Line, "module %s: %s not found", m.Name, filepath.ToSlash(mp))
				continue
			}
			pr.Modules = append(pr.Modules, l.display(filepath.Clean(mp)))
		}
	}
	return pr
}

// unknownVersion decides who answers for a dependency whose version stayed
// unknown: the missing parents and BOMs of the chain, each reported once,
// or else the dependency itself.
func (l *mavenLoader) unknownVersion(pr *Project, at *layer, pd PomDependency, d *Dependency) {
	id := fmt.Sprintf("%s:%d:%s", d.File, d.Line, d.Key())
	// A missing parent may define properties and manage versions; a
	// missing BOM only manages versions.
	var blame []*missingRef
	if pr.ly.missing != nil {
		blame = append(blame, pr.ly.missing)
	}
	if pd.Version == "" {
		for _, imp := range l.importsOf(pr.ly) {
			if m := l.missingBOM(imp); m != nil {
				blame = append(blame, m)
			}
		}
	}
	if len(blame) > 0 {
		for _, m := range blame {
			m.unknown[id] = true
		}
		d.Evidence += "; version unknown: " + blameText(blame)
		return
	}
	if pd.Version == "" {
		l.note(KindUnresolved, LevelWarning, at.pom.File, pd.Line, "no version for %s (not declared and not managed)", d.Key())
		d.Evidence += "; version unknown: not declared and not managed"
		return
	}
	var undefined, machine, cycles []string
	for _, n := range refNames(pd.Version) {
		r := l.val(pr.ly, n, nil)
		if r.ok {
			continue
		}
		if r.cycle != "" {
			cycles = append(cycles, r.cycle)
		}
		for _, u := range r.unres {
			if builtinMachine(u) {
				machine = append(machine, "${"+u+"}")
			} else {
				undefined = append(undefined, "${"+u+"}")
			}
		}
	}
	vl := pd.VersionLine
	if vl == 0 {
		vl = pd.Line
	}
	switch {
	case len(cycles) > 0:
		l.note(KindUnresolved, LevelWarning, at.pom.File, vl, "version %s of %s cannot be resolved: property cycle %s", pd.Version, d.Key(), strings.Join(dedupe(cycles), ", "))
		d.Evidence += "; version unknown: property cycle " + strings.Join(dedupe(cycles), ", ")
	case len(undefined) > 0:
		u := dedupe(undefined)
		l.note(KindUnresolved, LevelWarning, at.pom.File, vl, "version %s of %s: %s %s not defined", pd.Version, d.Key(), strings.Join(u, ", "), plural(len(u), "is", "are"))
		d.Evidence += "; version unknown: " + strings.Join(u, ", ") + " " + plural(len(u), "is", "are") + " not defined"
	case len(machine) > 0:
		d.Evidence += "; version unknown: " + strings.Join(dedupe(machine), ", ") + " depends on the build machine"
	}
}

func blameText(ms []*missingRef) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, fmt.Sprintf("%s %s is not available", m.what, m.gav))
	}
	return strings.Join(parts, "; ")
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// noteMissing reports each missing parent and BOM once, with what its
// absence costs.
func (l *mavenLoader) noteMissing() {
	for _, m := range l.missing {
		var b strings.Builder
		fmt.Fprintf(&b, "%s %s is not in the scanned tree or %s", m.what, m.gav, l.repoName())
		if len(m.poms) > 1 {
			fmt.Fprintf(&b, " (named by %d poms)", len(m.poms))
		}
		var cost []string
		if m.what == "parent" {
			cost = append(cost, "its properties and inherited dependencies are unknown")
		}
		if n := len(m.unknown); n > 0 {
			cost = append(cost, fmt.Sprintf("the versions of %d %s are unknown", n, plural(n, "dependency", "dependencies")))
		}
		if m.boot {
			if m.bootKnow {
				cost = append(cost, "the versions Spring Boot manages for Spring Boot, Spring Framework, logging, Tomcat and Jackson are kscan's facts for this release")
			} else {
				cost = append(cost, "the Spring Boot artifacts take its version; this release is not in kscan's facts, so the other versions it manages are unknown")
			}
		}
		if len(cost) > 0 {
			b.WriteString(": " + strings.Join(cost, "; "))
		}
		b.WriteString(". Save `mvn dependency:list` output as dependency-list.txt beside the pom, or scan with ~/.m2 filled (mvn dependency:go-offline)")
		l.note(KindUnresolved, LevelWarning, m.file, m.line, "%s", b.String())
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// mgmtKey is the identity dependencyManagement uses.
func mgmtKey(c Coordinate) string {
	t := c.Type
	if t == "" {
		t = "jar"
	}
	return c.GroupID + ":" + c.ArtifactID + ":" + t + ":" + c.Classifier
}

// managed returns the effective dependencyManagement entry for c: the
// nearest pom's own entry, then Spring Boot's facts for a parent known only
// by its coordinate, then the imported BOMs in order.
func (p *Project) managed(c Coordinate) *Dependency {
	k := mgmtKey(c)
	if d, ok := p.mm[k]; ok {
		return d
	}
	l := p.l
	var out *Dependency
	if def := l.mgmtDefiner(p.ly, k); def != nil {
		pd := def.pom.DependencyManagement[def.ownMgmt[k]]
		label := ""
		if def != p.ly {
			label = "parent "
		}
		d := l.effectiveDep(p.ly, def, pd, PomManaged, label)
		out = &d
	} else if bv := l.bootOf(p.ly); bv != "" {
		out = bootManaged(bv, c, "parent org.springframework.boot:spring-boot-starter-parent:"+bv)
	}
	if out == nil {
		for _, imp := range l.importsOf(p.ly) {
			if bom := l.bom(imp); bom != nil {
				if d := bom.managed(c); d != nil {
					m := *d
					if m.Evidence != "" {
						m.Evidence += "; "
					}
					m.Evidence += fmt.Sprintf("imported by %s:%d", imp.File, imp.Line)
					out = &m
					break
				}
				continue
			}
			if isBootBOM(imp.GroupID, imp.ArtifactID) && imp.Version != "" {
				if out = bootManaged(imp.Version, c, fmt.Sprintf("BOM %s imported by %s:%d", imp.Coordinate.String(), imp.File, imp.Line)); out != nil {
					break
				}
			}
		}
	}
	p.mm[k] = out
	return out
}

func (d *Dependency) where() string {
	if d.Line > 0 {
		return fmt.Sprintf("%s:%d", d.File, d.Line)
	}
	return d.File
}

// bootOf returns the Spring Boot version of a parent known only from
// kscan's facts, "" when the chain has none.
func (l *mavenLoader) bootOf(ly *layer) string {
	if ly.bootMemo != nil {
		return *ly.bootMemo
	}
	v := ly.boot
	if v == "" && ly.parent != nil {
		v = l.bootOf(ly.parent)
	}
	ly.bootMemo = &v
	return v
}

// importsOf lists the BOM imports of a project's chain, nearest pom first,
// coordinates interpolated in the project's context.
func (l *mavenLoader) importsOf(ly *layer) []Dependency {
	var out []Dependency
	for c := ly; c != nil; c = c.importsUp {
		if c.pom == nil {
			continue
		}
		label := ""
		if c != ly {
			label = "parent "
		}
		for _, pd := range c.rawImports {
			out = append(out, l.effectiveDep(ly, c, pd, PomManaged, label))
		}
		if c.importsUp == nil && len(c.rawImports) == 0 {
			break
		}
	}
	return out
}

// bom returns the effective project of an imported BOM (nil when it cannot
// be found or imports itself).
func (l *mavenLoader) bom(imp Dependency) *Project {
	if imp.Version == "" || strings.Contains(imp.GroupID+imp.ArtifactID+imp.Version, "${") {
		return nil
	}
	k := imp.GroupID + ":" + imp.ArtifactID + ":" + imp.Version
	if p, ok := l.boms[k]; ok {
		return p
	}
	if l.bomBusy[k] {
		l.note(KindUnresolved, LevelWarning, imp.File, imp.Line, "BOM import cycle through %s", k)
		return nil
	}
	l.work++
	var clean string
	if c, ok := l.byGAV[k]; ok {
		clean = c
	} else if f := l.m2Path(imp.GroupID, imp.ArtifactID, imp.Version, "pom"); f != "" && l.load(f, false) != nil {
		clean = filepath.Clean(f)
	}
	if clean == "" {
		l.boms[k] = nil
		return nil
	}
	l.bomBusy[k] = true
	p := l.project(l.layerOf(clean), false)
	delete(l.bomBusy, k)
	l.boms[k] = p
	return p
}

// missingBOM returns the record of an import that cannot be found (nil
// when it is found, or is Spring Boot's and known from kscan's facts).
func (l *mavenLoader) missingBOM(imp Dependency) *missingRef {
	if l.bom(imp) != nil {
		return nil
	}
	gav := [3]string{imp.GroupID, imp.ArtifactID, imp.Version}
	m := l.missingRefFor("BOM", gav, imp.File, imp.Line)
	if isBootBOM(imp.GroupID, imp.ArtifactID) && imp.Version != "" {
		m.boot, m.bootKnow = true, bootKnown(imp.Version)
	}
	return m
}

// effectiveDep interpolates one raw dependency of layer at in the context
// of project ly.
func (l *mavenLoader) effectiveDep(ly, at *layer, pd PomDependency, src Source, label string) Dependency {
	p := at.pom
	d := Dependency{File: p.File, Line: pd.Line, Source: src, Confidence: High}
	tag := "<dependency>"
	if src == PomManaged {
		tag = "<dependencyManagement> entry"
	}
	d.Evidence = fmt.Sprintf("%s%s:%d %s", label, p.File, pd.Line, tag)
	var okG, okA, okV bool
	d.GroupID, okG, _ = l.expand(ly, pd.GroupID)
	d.ArtifactID, okA, _ = l.expand(ly, pd.ArtifactID)
	var used []origin
	d.Version, okV, used = l.expand(ly, pd.Version)
	if !okV {
		d.Version = ""
		d.Confidence = Medium
		d.Evidence += fmt.Sprintf("; version %s unresolved", pd.Version)
	} else {
		for _, o := range used {
			if o.where == "" {
				d.Evidence += fmt.Sprintf("; version from ${%s} = %s", o.name, o.value)
				continue
			}
			d.Evidence += fmt.Sprintf("; version from property ${%s} = %s (%s)", o.name, o.value, o.where)
		}
	}
	d.Type = l.expandQuiet(ly, pd.Type)
	if d.Type == "" {
		d.Type = "jar"
	}
	d.Classifier = l.expandQuiet(ly, pd.Classifier)
	d.Scope = l.expandQuiet(ly, pd.Scope)
	d.Optional = strings.EqualFold(l.expandQuiet(ly, pd.Optional), "true")
	for _, e := range pd.Exclusions {
		d.Exclusions = append(d.Exclusions, l.expandQuiet(ly, e))
	}
	if !okG || !okA {
		d.Confidence = Low
	}
	return d
}

// isBootBOM reports Spring Boot's own parents and BOM, whose version is the
// Spring Boot version.
func isBootBOM(g, a string) bool {
	return g == "org.springframework.boot" && (a == "spring-boot-starter-parent" || a == "spring-boot-dependencies" || a == "spring-boot-parent")
}

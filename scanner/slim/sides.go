package slim

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/archive"
	"github.com/kscan/kscan/scanner/deps"
)

// Side kinds.
const (
	KindFatJar   = "fat-jar"
	KindBizJar   = "biz-jar"
	KindList     = "dependency-list"
	KindTree     = "source-tree"
	baseStarter  = "koupleless-base-starter"
	maxArchive   = 1 << 30 // an outer jar
	maxNestedJar = 256 << 20
)

// Side is one side of the slimming question: a base or a module, with the
// libraries it packages.
type Side struct {
	Path string // as given
	Kind string
	Name string // groupId:artifactId of the project, when known
	// Deps are its libraries. For a base, the ones it provides; for a
	// module, every dependency it declares or packages.
	Deps []facts.Dependency
	// Sizes are packaged jar sizes by groupId:artifactId (bytes).
	Sizes map[string]int64
	// OwnSize is the bytes of the module's own code (biz jar minus lib/).
	OwnSize int64
	// Total is a built biz's packaged bytes (its entries, compressed).
	Total int64
	// Complete: Deps is the whole class path, so an absence is a fact.
	Complete bool
	// Packaged marks module dependencies known to be inside the biz.
	Packaged map[string]bool
	// Declared marks dependencies the module's pom declares itself.
	Declared map[string]bool
	// Config is a module's slimming configuration.
	Config Config
	// Pom is the module's own build file (for fixes); "" inside a jar.
	Pom string
	// ConfFile is the conf/ark file the module already uses ("" none).
	ConfFile string
	// Project is the module's or base's build project, for a source tree.
	Project *facts.BuildProject
	// Jar is the biz or fat jar path, for the class check.
	Jar string
}

// InputError is a side that cannot be used: the message says what was
// expected. It is never turned into findings.
type InputError struct {
	Path, Msg string
}

func (e *InputError) Error() string { return e.Path + ": " + e.Msg }

func inputErr(p, format string, args ...any) error {
	return &InputError{Path: p, Msg: fmt.Sprintf(format, args...)}
}

// LoadBase reads a base: a source tree (the project with the base role),
// a saved `mvn dependency:list`, or the base's fat jar.
func LoadBase(p string) (*Side, []Note, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, nil, inputErr(p, "cannot read the base: %v", errors.Unwrap(err))
	}
	if st.IsDir() {
		trees, notes, err := loadTree(p)
		if err != nil {
			return nil, notes, err
		}
		var bs []*Side
		for _, s := range trees {
			if s.Project.Role == facts.RoleBase {
				bs = append(bs, s)
			}
		}
		switch len(bs) {
		case 0:
			return nil, notes, inputErr(p, "no project here builds a Koupleless base (no koupleless-base-starter dependency or koupleless-base-build-plugin); give the base's source tree, its `mvn dependency:list` output or its fat jar")
		case 1:
			return bs[0], notes, nil
		}
		return nil, notes, inputErr(p, "%d projects build a base (%s, %s, ...); give the one the module runs on", len(bs), bs[0].Pom, bs[1].Pom)
	}
	if isJarName(p) {
		return loadFatJar(p)
	}
	return loadList(p)
}

// LoadModules reads the module side: an ark-biz jar, or a source tree
// (every project with the module role; the tree's own base, if it holds
// one, is returned too).
func LoadModules(p string) (mods []*Side, base *Side, notes []Note, err error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, nil, nil, inputErr(p, "cannot read the module: %v", errors.Unwrap(err))
	}
	if !st.IsDir() {
		if !isJarName(p) {
			return nil, nil, nil, inputErr(p, "a module is a source tree or an ark-biz jar")
		}
		m, notes, err := loadBizJar(p)
		if err != nil {
			return nil, nil, notes, err
		}
		return []*Side{m}, nil, notes, nil
	}
	trees, notes, err := loadTree(p)
	if err != nil {
		return nil, nil, notes, err
	}
	var bases []*Side
	for _, s := range trees {
		switch s.Project.Role {
		case facts.RoleModule:
			mods = append(mods, s)
		case facts.RoleBase:
			bases = append(bases, s)
		}
	}
	if len(mods) == 0 {
		return nil, nil, notes, inputErr(p, "no project here builds a Koupleless module (sofa-ark-maven-plugin with the repackage goal, or a provided koupleless-app-starter)")
	}
	if len(bases) == 1 {
		base = bases[0]
	}
	return mods, base, notes, nil
}

func isJarName(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".jar", ".war", ".zip":
		return true
	}
	return false
}

// loadTree reads every build project of a source tree.
func loadTree(root string) ([]*Side, []Note, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, nil, inputErr(root, "%v", err)
	}
	files := deps.FindBuildFiles(abs, []string{abs}, func(rel, name string, dir bool) bool {
		return dir && (name == "target" || name == "build" || name == "node_modules" || strings.HasPrefix(name, "."))
	})
	if len(files) == 0 {
		return nil, nil, inputErr(root, "no pom.xml, Gradle build or saved dependency list here")
	}
	res := deps.Load(deps.Options{Root: abs, Files: files, M2Repo: deps.DefaultM2Repo(), RoleAuto: true})
	notes := res.Notifications
	read := func(rel string) ([]byte, error) {
		return safefs.ReadFileIn(abs, filepath.Join(abs, filepath.FromSlash(rel)), safefs.MaxBuildFile)
	}
	var out []*Side
	for _, pr := range res.Projects {
		s := &Side{Path: root, Kind: KindTree, Project: pr, Pom: pr.Path, Name: pr.GroupID + ":" + pr.ArtifactID,
			Deps: pr.Dependencies, Complete: pr.Resolved, Sizes: map[string]int64{}, Declared: map[string]bool{}}
		for _, d := range pr.Dependencies {
			if d.Path == pr.Path && d.Line > 0 {
				s.Declared[d.Key()] = true
			}
			if n := m2Size(d); n > 0 {
				s.Sizes[d.Key()] = n
			}
		}
		if pr.Role == facts.RoleModule && (pr.Kind == "maven" || pr.Kind == "gradle") {
			c, ns := ProjectConfig(pr, read)
			s.Config = c
			notes = append(notes, ns...)
			for _, f := range c.Files {
				if f != pr.Path {
					s.ConfFile = f
					break
				}
			}
		}
		out = append(out, s)
	}
	return out, notes, nil
}

func arkPlugin(p *deps.POM) *deps.Plugin {
	for i := range p.Plugins {
		if p.Plugins[i].ArtifactID == "sofa-ark-maven-plugin" {
			return &p.Plugins[i]
		}
	}
	return nil
}

// m2Size is the size of a dependency's jar in the local repository (0
// when absent): what packaging it costs.
func m2Size(d facts.Dependency) int64 {
	if p := M2Jar(deps.DefaultM2Repo(), d); p != "" {
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return st.Size()
		}
	}
	return 0
}

// M2Jar is where a dependency's jar sits in the local repository repo
// ("" when repo or the coordinate is incomplete); the file may be absent.
func M2Jar(repo string, d facts.Dependency) string {
	if repo == "" || d.Version == "" || d.GroupID == "" || d.ArtifactID == "" {
		return ""
	}
	name := d.ArtifactID + "-" + d.Version
	if d.Classifier != "" {
		name += "-" + d.Classifier
	}
	return filepath.Join(repo, filepath.FromSlash(strings.ReplaceAll(d.GroupID, ".", "/")), d.ArtifactID, d.Version, name+".jar")
}

// loadList reads a saved `mvn dependency:list` (or tree) of a base.
func loadList(p string) (*Side, []Note, error) {
	data, err := safefs.ReadFile(p, safefs.MaxList)
	if err != nil {
		return nil, nil, inputErr(p, "cannot read the base list: %v", err)
	}
	ds, err := deps.ParseDependencyList(p, data)
	if err != nil {
		return nil, nil, inputErr(p, "not a `mvn dependency:list` output: %v", err)
	}
	if len(ds) == 0 {
		return nil, nil, inputErr(p, "no dependency in it: expected `mvn dependency:list` or `dependency:tree` output, or a base fat jar or source tree")
	}
	s := &Side{Path: p, Kind: KindList, Complete: true, Sizes: map[string]int64{}}
	starter := false
	for _, d := range ds {
		if d.Scope == "test" {
			continue
		}
		starter = starter || d.ArtifactID == baseStarter
		s.Deps = append(s.Deps, facts.Dependency{GroupID: d.GroupID, ArtifactID: d.ArtifactID, Version: d.Version, Classifier: d.Classifier,
			Type: d.Type, Scope: d.Scope, Path: filepath.ToSlash(p), Line: d.Line, Source: d.Source.String(), Evidence: d.Evidence})
	}
	if !starter {
		return nil, nil, inputErr(p, "this list has no koupleless-base-starter: it is not the class path of a Koupleless base")
	}
	return s, nil, nil
}

// jarLib is one library inside an outer jar.
type jarLib struct {
	entry string
	size  int64
	dep   *deps.Dependency
}

// readLibs reads the coordinates of the jars directly under dir/ of an
// outer jar, from their pom.properties or file names.
func readLibs(outer string, zr *zip.Reader, dir string) ([]jarLib, []Note) {
	var out []jarLib
	var notes []Note
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, dir) || strings.Contains(f.Name[len(dir):], "/") || !strings.HasSuffix(strings.ToLower(f.Name), ".jar") {
			continue
		}
		lib := jarLib{entry: f.Name, size: int64(f.UncompressedSize64)}
		where := outer + "!/" + f.Name
		props, mf, err := jarMetadata(f)
		if err != nil {
			notes = append(notes, Note{File: where, Kind: deps.KindRead, Level: deps.LevelWarning, Message: "cannot read the nested jar: " + err.Error() + "; its coordinate comes from the file name"})
		}
		for _, d := range deps.FromJarMetadata(where, props, mf) {
			if !d.Shaded {
				d := d
				lib.dep = &d
				break
			}
		}
		if lib.dep == nil {
			notes = append(notes, Note{File: where, Kind: deps.KindUnresolved, Level: deps.LevelWarning, Message: "no coordinate (no pom.properties, manifest or versioned file name); left out of the plan"})
			continue
		}
		out = append(out, lib)
	}
	return out, notes
}

// jarMetadata reads the pom.properties entries and the manifest of a
// nested jar.
func jarMetadata(f *zip.File) (map[string][]byte, []byte, error) {
	if f.UncompressedSize64 > maxNestedJar {
		return nil, nil, fmt.Errorf("over %d MB", maxNestedJar>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxNestedJar+1))
	if err != nil {
		return nil, nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, nil, err
	}
	props := map[string][]byte{}
	var mf []byte
	for _, e := range zr.File {
		switch {
		case strings.HasPrefix(e.Name, "META-INF/maven/") && strings.HasSuffix(e.Name, "/pom.properties"):
			if b, err := readEntry(e, 1<<20); err == nil {
				props[e.Name] = b
			}
		case e.Name == "META-INF/MANIFEST.MF":
			mf, _ = readEntry(e, 1<<20)
		}
	}
	return props, mf, nil
}

func readEntry(f *zip.File, max int64) ([]byte, error) {
	if int64(f.UncompressedSize64) > max {
		return nil, fmt.Errorf("%s: over %d bytes", f.Name, max)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, max))
}

func openJar(p string) (*zip.Reader, *os.File, error) {
	f, size, err := safefs.Open(p, maxArchive)
	if err != nil {
		return nil, nil, inputErr(p, "cannot open: %v", err)
	}
	zr, err := zip.NewReader(f, size)
	if err != nil {
		f.Close()
		return nil, nil, inputErr(p, "not a jar (zip): %v", err)
	}
	return zr, f, nil
}

// loadFatJar reads a base's Spring Boot fat jar: BOOT-INF/lib/ is what it
// provides.
func loadFatJar(p string) (*Side, []Note, error) {
	zr, f, err := openJar(p)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	switch k := archive.Classify(p, zr); k {
	case archive.KindFatJar:
	case archive.KindArkBiz:
		return nil, nil, inputErr(p, "this is a module (ark-biz jar), not a base; give the base's fat jar with --base")
	default:
		return nil, nil, inputErr(p, "not a base fat jar (%s archive, no BOOT-INF/lib/)", k)
	}
	libs, notes := readLibs(p, zr, "BOOT-INF/lib/")
	s := &Side{Path: p, Kind: KindFatJar, Complete: true, Sizes: map[string]int64{}, Jar: p}
	starter := false
	for _, l := range libs {
		d := l.dep
		starter = starter || d.ArtifactID == baseStarter
		s.Deps = append(s.Deps, facts.Dependency{GroupID: d.GroupID, ArtifactID: d.ArtifactID, Version: d.Version, Classifier: d.Classifier,
			Scope: "compile", Path: filepath.ToSlash(p) + "!/" + l.entry, Source: d.Source.String()})
		s.Sizes[d.Key()] = l.size
	}
	if !starter {
		return nil, notes, inputErr(p, "a Spring Boot fat jar without koupleless-base-starter in BOOT-INF/lib/: not a Koupleless base")
	}
	return s, notes, nil
}

// loadBizJar reads an ark-biz: lib/ is what it packages; its own pom
// (META-INF/maven/<g>/<a>/pom.xml) says what it declared and how it is
// slimmed.
func loadBizJar(p string) (*Side, []Note, error) {
	zr, f, err := openJar(p)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	switch k := archive.Classify(p, zr); k {
	case archive.KindArkBiz:
	case archive.KindFatJar:
		return nil, nil, inputErr(p, "this is a Spring Boot fat jar (BOOT-INF/), not an ark-biz; a module is packaged by sofa-ark-maven-plugin (lib/, Ark-Biz-Name in the manifest)")
	default:
		return nil, nil, inputErr(p, "not an ark-biz jar: expected lib/ and a manifest with Ark-Biz-Name (or com/alipay/sofa/ark/biz/mark), found a %s archive", k)
	}
	libs, notes := readLibs(p, zr, "lib/")
	s := &Side{Path: p, Kind: KindBizJar, Sizes: map[string]int64{}, Packaged: map[string]bool{}, Declared: map[string]bool{}, Jar: p}
	var total int64
	for _, e := range zr.File {
		total += int64(e.CompressedSize64)
	}
	var libBytes int64
	for _, l := range libs {
		d := l.dep
		fd := facts.Dependency{GroupID: d.GroupID, ArtifactID: d.ArtifactID, Version: d.Version, Classifier: d.Classifier,
			Scope: "compile", Path: filepath.ToSlash(p) + "!/" + l.entry, Source: d.Source.String(), Evidence: d.Evidence}
		s.Deps = append(s.Deps, fd)
		s.Sizes[fd.Key()] = l.size
		s.Packaged[fd.Key()] = true
		libBytes += l.size
	}
	s.Total = total
	s.OwnSize = total - libBytes
	if s.OwnSize < 0 {
		s.OwnSize = 0
	}
	notes = append(notes, s.readBizPom(filepath.ToSlash(p), zr)...)
	return s, notes, nil
}

// readBizPom reads what a biz's own pom (META-INF/maven/<g>/<a>/pom.xml)
// says: its slimming configuration, and the dependencies it declared that
// lib/ does not hold (s.Packaged), which the biz leaves to the base. name
// is the biz as places are to name it.
func (s *Side) readBizPom(name string, zr *zip.Reader) []Note {
	pom, pomEntry := ownPom(zr)
	if pom == nil {
		return []Note{{File: name, Kind: deps.KindUnresolved, Level: deps.LevelWarning, Message: "no META-INF/maven/*/*/pom.xml of the module: what it left to the base, and why, is unknown; only packaged libraries are judged"}}
	}
	var notes []Note
	where := name + "!/" + pomEntry
	s.Name = pom.GroupID + ":" + pom.ArtifactID
	if pl := arkPlugin(pom); pl != nil {
		c, ns := FromPlugin(where, *pl)
		s.Config = c
		notes = append(notes, ns...)
	}
	for _, pd := range pom.Dependencies {
		key := pd.GroupID + ":" + pd.ArtifactID
		s.Declared[key] = true
		if s.Packaged[key] || pd.Scope == "test" || pd.Scope == "system" || pd.Optional == "true" {
			continue
		}
		v := pd.Version
		if strings.Contains(v, "${") {
			v = ""
		}
		s.Deps = append(s.Deps, facts.Dependency{GroupID: pd.GroupID, ArtifactID: pd.ArtifactID, Version: v, Classifier: pd.Classifier,
			Scope: pd.Scope, Path: where, Line: pd.Line, Source: "pom"})
	}
	return notes
}

// ApplyBiz gives the build project the scan made of an ark-biz (p, its
// lib/ jars as dependencies; abs is the jar on disk) what kscan slim reads
// of the same biz: its own pom's slimming configuration, and the
// dependencies it declared but left out of lib/, each marked Shared with
// the reason slim gives (the pattern, the provided scope, the absence from
// lib/). Such a dependency is placed on the biz (Path p.Path, no line: a
// line of the jar would be a line of its bytes); its pom entry and line are
// in Entry. The base is not known here, so baseDependencyParentIdentity,
// which only changes the reason of a dependency lib/ lacks anyway, is not
// named.
func ApplyBiz(p *facts.BuildProject, abs string) []Note {
	zr, f, err := openJar(abs)
	if err != nil {
		return []Note{{File: p.Path, Kind: deps.KindRead, Level: deps.LevelWarning, Message: "the slimming configuration was not read: " + err.Error()}}
	}
	defer f.Close()
	s := &Side{Path: p.Path, Kind: KindBizJar, Packaged: map[string]bool{}, Declared: map[string]bool{}}
	for _, d := range p.Dependencies {
		s.Packaged[d.Key()] = true
	}
	notes := s.readBizPom(p.Path, zr)
	if len(s.Config.Unread) > 0 {
		p.SlimUnread = s.Config.Unread[0]
	}
	for i := range s.Deps {
		d := s.Deps[i]
		left, why, pat := leftToBase(s, &d, nil)
		if !left {
			continue
		}
		d.Shared, d.SharedWhy, d.SharedUnproven = true, why, pat == nil
		d.Entry = fmt.Sprintf("%s:%d", d.Path, d.Line)
		d.Path, d.Line = p.Path, 0
		p.Dependencies = append(p.Dependencies, d)
	}
	return notes
}

// ownPom finds the module's own pom among META-INF/maven/*/*/pom.xml: the
// one configuring sofa-ark-maven-plugin, else the only one.
func ownPom(zr *zip.Reader) (*deps.POM, string) {
	var poms []*deps.POM
	var names []string
	for _, e := range zr.File {
		if !strings.HasPrefix(e.Name, "META-INF/maven/") || path.Base(e.Name) != "pom.xml" || strings.Count(e.Name, "/") != 4 {
			continue
		}
		data, err := readEntry(e, safefs.MaxBuildFile)
		if err != nil {
			continue
		}
		p, err := deps.ParsePOM(e.Name, data)
		if err != nil {
			continue
		}
		if arkPlugin(p) != nil {
			return p, e.Name
		}
		poms, names = append(poms, p), append(names, e.Name)
	}
	if len(poms) == 1 {
		return poms[0], names[0]
	}
	return nil, ""
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// PackagedSize adds up the local-repository jar sizes of what a module
// project packages (runtime scopes, not left to the base); unknown counts
// the packaged dependencies whose jar is not in the local repository.
func PackagedSize(p *facts.BuildProject) (bytes int64, unknown int) {
	seen := map[string]bool{}
	for _, d := range p.Dependencies {
		if !d.Packaged() || d.Shared || d.Optional || seen[d.Key()] {
			continue
		}
		seen[d.Key()] = true
		if n := m2Size(d); n > 0 {
			bytes += n
		} else {
			unknown++
		}
	}
	return bytes, unknown
}

// BaseProject is the base as a build project of a scan rooted at root (an
// absolute directory), for the slimming rules of `kscan scan --base`: its
// dependencies' places are made relative to root, so a finding that cites
// the base's copy names a file one can open.
func (s *Side) BaseProject(root string) *facts.BuildProject {
	pr := facts.BuildProject{Path: s.Path, Kind: s.Kind, Resolved: s.Complete, Dependencies: s.Deps}
	if s.Project != nil {
		pr = *s.Project
	}
	pr.Role, pr.RoleWhy = facts.RoleBase, "given with --base"
	pr.Path, pr.Dir = s.Place(root, pr.Path), s.Place(root, pr.Dir)
	pr.Dependencies = make([]facts.Dependency, len(s.Deps))
	for i, d := range s.Deps {
		d.Path = s.Place(root, d.Path)
		pr.Dependencies[i] = d
	}
	return &pr
}

// Place makes a place the base's loader recorded (a dependency's file, a
// note's) relative to root, slash-separated: a source tree's places are
// relative to the tree, a list's or a jar's are the path as given.
func (s *Side) Place(root, p string) string {
	if p == "" {
		return p
	}
	from := ""
	if s.Kind == KindTree {
		from = s.Path
	}
	file, inner, nested := strings.Cut(p, "!/")
	abs, err := filepath.Abs(filepath.Join(from, filepath.FromSlash(file)))
	if err != nil {
		return p
	}
	if rel, err := filepath.Rel(root, abs); err == nil {
		abs = rel
	}
	out := filepath.ToSlash(abs)
	if nested {
		out += "!/" + inner
	}
	return out
}

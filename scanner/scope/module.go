package scope

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/scanner/deps"
)

// module is what the build file of a directory says about the code below
// it.
type module struct {
	rel        string // directory, "" for the root
	file       string // the build file read, relative to the root
	artifactID string // Maven artifactId (or "")
	// jarExcludes are the patterns of the files its jar leaves out
	// (maven-jar-plugin <excludes>), relative to the jar's root.
	jarExcludes []string
	// pom says the build file is a Maven pom that was read: packaging,
	// resources and jarExcludes below are known.
	pom       bool
	packaging string
	// resources are the directories its jar takes files from (Maven's
	// default src/main/resources unless the pom declares its own).
	resources []resourceDir
	// decision is what the build file says about the module's code; a
	// Packaging decision covers the build file alone (the sources of a
	// pom-packaged module, such as log4j-api-java9, still ship).
	decision Decision
	hints    []string
	// roots are source and test directories the build file declares,
	// relative to the module directory.
	roots map[string]declaredRoot
}

type declaredRoot struct {
	main bool
	how  string
}

// inherited reports whether the module's decision covers its directory.
func (m *module) inherited() bool {
	return !m.decision.Production() && m.decision.Class != Packaging
}

// declared reports whether directory rel (relative to the tree root) is a
// source root the module's build file declares.
func (m *module) declared(rel string) (main bool, how string, ok bool) {
	if len(m.roots) == 0 {
		return false, "", false
	}
	r := rel
	if m.rel != "" {
		if !strings.HasPrefix(rel, m.rel+"/") {
			return false, "", false
		}
		r = rel[len(m.rel)+1:]
	}
	dr, ok := m.roots[r]
	return dr.main, dr.how, ok
}

// buildFiles are the names that make a directory a module, in the order
// they are read.
var buildFiles = []string{"pom.xml", "build.gradle", "build.gradle.kts", "build.xml"}

// module returns the module whose build file is in directory rel, or nil.
func (c *Classifier) module(rel string) *module {
	if c.root == "" {
		return nil
	}
	c.mu.Lock()
	m, ok := c.modules[rel]
	c.mu.Unlock()
	if ok {
		return m
	}
	m = c.loadModule(rel)
	c.mu.Lock()
	c.modules[rel] = m
	c.mu.Unlock()
	return m
}

func (c *Classifier) exists(rel string) bool {
	if c.root == "" {
		return false
	}
	fi, err := os.Stat(filepath.Join(c.root, filepath.FromSlash(rel)))
	return err == nil && fi.Mode().IsRegular()
}

func (c *Classifier) abs(rel string) string {
	return filepath.Join(c.root, filepath.FromSlash(rel))
}

func (c *Classifier) isDir(rel string) bool {
	if c.root == "" {
		return false
	}
	fi, err := os.Stat(filepath.Join(c.root, filepath.FromSlash(rel)))
	return err == nil && fi.IsDir()
}

func (c *Classifier) loadModule(rel string) *module {
	for _, name := range buildFiles {
		f := path.Join(rel, name)
		if !c.exists(f) {
			continue
		}
		m := &module{rel: rel, file: f, decision: Decision{Class: Production}}
		switch name {
		case "pom.xml":
			c.readPOMModule(m)
		case "build.gradle", "build.gradle.kts":
			c.readGradleModule(m)
		}
		return m
	}
	return nil
}

// toolDir recognises a directory whose code runs inside a build tool or
// an IDE by the descriptor it holds: a Maven archetype (its
// archetype-resources are project templates) or an Eclipse plugin
// (plugin.xml declaring org.eclipse extension points).
func (c *Classifier) toolDir(rel string) (Decision, bool) {
	if c.root == "" {
		return Decision{}, false
	}
	for _, p := range []string{"src/main/resources/archetype-resources", "src/main/resources/META-INF/maven/archetype-metadata.xml", "src/main/resources/META-INF/archetype.xml"} {
		if _, err := os.Stat(c.abs(path.Join(rel, p))); err == nil {
			return Decision{Class: BuildTool, Reason: "Maven archetype (" + p + ")", At: at(rel)}, true
		}
	}
	if f := path.Join(rel, "plugin.xml"); c.exists(f) {
		if data, err := c.readFile(f, safefs.MaxBuildFile); err == nil &&
			bytes.Contains(data, []byte("<plugin")) && bytes.Contains(data, []byte(`point="org.eclipse.`)) {
			return Decision{Class: BuildTool, Reason: "Eclipse plugin (plugin.xml)", At: at(rel)}, true
		}
	}
	return Decision{}, false
}

// pomFile is a parsed pom.xml and the build settings ParsePOM leaves out.
type pomFile struct {
	pom   *deps.POM
	build pomBuild
	err   error
	// deps and managed count the pom's dependencies and managed
	// dependencies (pom keeps only some, see slim); consumes are the
	// artifacts of its non-test dependencies, unless it is pom-packaged.
	deps, managed int
	consumes      []string
}

func (c *Classifier) pom(rel string) *pomFile {
	c.mu.Lock()
	p, ok := c.poms[rel]
	c.mu.Unlock()
	if ok {
		return p
	}
	p = c.readPOM(rel)
	c.mu.Lock()
	c.poms[rel] = p
	c.mu.Unlock()
	return p
}

// pomOnce is pom without keeping a pom not read before.
func (c *Classifier) pomOnce(rel string) *pomFile {
	c.mu.Lock()
	p, ok := c.poms[rel]
	c.mu.Unlock()
	if ok {
		return p
	}
	return c.readPOM(rel)
}

func (c *Classifier) readPOM(rel string) *pomFile {
	p := &pomFile{}
	data, err := c.readFile(rel, safefs.MaxBuildFile)
	if err == nil {
		p.pom, err = c.opts.ParsePOM(rel, data)
		if err == nil {
			p.slim()
			p.build = readPOMBuild(data)
		}
	}
	p.err = err
	return p
}

// slim keeps of a parsed pom what the classifier reads (the classifier
// keeps it for every module while inputs are read): the coordinates, the
// parent, whether it lists modules, its distribution plugins, of its
// dependencies and managed dependencies how many there are and the test
// frameworks and benchmark harnesses among them (coordinates and scope),
// and the artifacts it consumes (consumerCount).
func (pf *pomFile) slim() {
	p := pf.pom
	k := &deps.POM{File: p.File, Line: p.Line, GroupID: p.GroupID, ArtifactID: p.ArtifactID, Version: p.Version,
		Packaging: p.Packaging, Name: p.Name, Parent: p.Parent}
	if len(p.Modules) > 0 {
		k.Modules = []deps.Module{p.Modules[0]} // only whether there are any
	}
	for _, pl := range p.Plugins {
		if distributionPlugins[pl.ArtifactID] {
			k.Plugins = append(k.Plugins, deps.Plugin{GroupID: pl.GroupID, ArtifactID: pl.ArtifactID})
		}
	}
	pf.deps, pf.managed = len(p.Dependencies), len(p.DependencyManagement)
	// effectiveScope looks a managed scope up for a test or benchmark
	// dependency, so by the same coordinates.
	k.Dependencies = testOrBenchDeps(p.Dependencies)
	k.DependencyManagement = testOrBenchDeps(p.DependencyManagement)
	if p.Packaging != "pom" {
		for _, d := range p.Dependencies {
			if d.Scope != "test" {
				pf.consumes = append(pf.consumes, d.ArtifactID)
			}
		}
	}
	pf.pom = k
}

func testOrBenchDeps(ds []deps.PomDependency) []deps.PomDependency {
	var out []deps.PomDependency
	for _, d := range ds {
		if testOrBench(d.GroupID, d.ArtifactID) != Production {
			out = append(out, deps.PomDependency{GroupID: d.GroupID, ArtifactID: d.ArtifactID, Scope: d.Scope})
		}
	}
	return out
}

// distributionPlugins build archives out of other modules: a pom-packaged
// module that runs one is an assembly, not a class path.
var distributionPlugins = setOf("maven-assembly-plugin", "appassembler-maven-plugin", "rpm-maven-plugin", "jdeb",
	"maven-jlink-plugin", "nsis-maven-plugin", "launch4j-maven-plugin")

func (c *Classifier) readPOMModule(m *module) {
	pf := c.pom(m.file)
	if pf.err != nil {
		m.hints = append(m.hints, fmt.Sprintf("%s not read: %v", m.file, pf.err))
		return
	}
	p := pf.pom
	m.artifactID = p.ArtifactID
	m.jarExcludes = pf.build.jarExcludes
	m.pom, m.packaging = true, p.Packaging
	m.resources = pf.build.resources
	if len(m.resources) == 0 {
		m.resources = []resourceDir{{dir: "src/main/resources"}}
	}
	name := p.ArtifactID
	if name == "" {
		name = path.Base(m.rel)
	}
	for dir, how := range pf.build.roots {
		if m.roots == nil {
			m.roots = map[string]declaredRoot{}
		}
		how.how = m.file + " " + how.how
		m.roots[dir] = how
	}
	decide := func(cls Class, reason string) {
		if m.decision.Production() {
			m.decision = Decision{Class: cls, Reason: reason, At: at(m.rel)}
		}
	}
	switch p.Packaging {
	case "maven-plugin":
		decide(BuildTool, "Maven plugin (packaging maven-plugin)")
	case "maven-archetype":
		decide(BuildTool, "Maven archetype (packaging maven-archetype)")
	case "pom":
		if len(p.Modules) > 0 {
			break // an aggregator: its modules decide for themselves
		}
		for _, pl := range p.Plugins {
			if distributionPlugins[pl.ArtifactID] {
				decide(Packaging, fmt.Sprintf("distribution pom (packaging pom, %s)", pl.ArtifactID))
				break
			}
		}
		if pf.managed > 0 && pf.deps == 0 && isBOM(p) {
			decide(Packaging, "BOM (packaging pom, dependencyManagement only)")
		}
	}
	if p.GroupID == "org.apache.ant" {
		decide(BuildTool, "Apache Ant (groupId org.apache.ant)")
	}
	// What a module's dependencies say about its own code. Not for a
	// pom-packaged module: its dependencies are its children's, and a
	// parent that forgot JUnit's scope must not set the whole tree aside.
	// At the root a guess hides everything scanned, so there it is a hint.
	if p.Packaging != "pom" {
		c.dependencySignals(m, p, name, decide)
	}
	if mc := pf.build.mainClass; mc != "" && !strings.Contains(mc, "${") {
		m.hints = append(m.hints, c.launcherHint(m.file, mc, p.ArtifactID))
		// A module of a larger build whose executable jar opens windows
		// and that no other module depends on is a desktop application:
		// its classes reach a shared JVM through no class path. A
		// single-module project keeps its code (a library that also
		// ships a viewer, such as PlantUML).
		if m.rel != "" && p.Packaging != "pom" && c.desktopMain(m, mc) && c.consumerCount(p.ArtifactID) == 0 {
			decide(Desktop, fmt.Sprintf("desktop application module %s (Main-Class %s builds windows; no module of the tree depends on it)", name, mc))
		}
	}
}

// desktopMain reports a module whose Main-Class source, under the module's
// main source roots, is a desktop GUI's (see javaHead.desktop).
func (c *Classifier) desktopMain(m *module, mainClass string) bool {
	roots := []string{"src/main/java"}
	for dir, r := range m.roots {
		if r.main {
			roots = append(roots, dir)
		}
	}
	file := strings.ReplaceAll(mainClass, ".", "/") + ".java"
	for _, r := range roots {
		rel := path.Join(m.rel, r, file)
		if !c.exists(rel) {
			continue
		}
		head, err := c.readHead(rel)
		return err == nil && parseJavaHead(head).desktop()
	}
	return false
}

// dependencySignals reads a JMH or Caliper dependency (a benchmark
// module) and JUnit or TestNG on the compile class path (a test-support
// library); benchmark harnesses first, as a JMH module often has JUnit on
// its compile class path too (netty-microbench).
func (c *Classifier) dependencySignals(m *module, p *deps.POM, name string, decide func(Class, string)) {
	for _, kind := range []Class{Benchmark, Test} {
		for _, d := range p.Dependencies {
			if testOrBench(d.GroupID, d.ArtifactID) != kind {
				continue
			}
			scope, known := c.effectiveScope(m.file, p, d)
			ga := d.GroupID + ":" + d.ArtifactID
			if !known || strings.Contains(scope, "${") {
				m.hints = append(m.hints, fmt.Sprintf("%s: scope of %s not known (no scope here and the parent is not in the tree, or a property)", m.file, ga))
				continue
			}
			var cls Class
			var reason string
			switch {
			case kind == Benchmark && (scope == "compile" || scope == "runtime" || scope == "provided"):
				cls, reason = Benchmark, fmt.Sprintf("benchmark module %s (depends on %s)", name, d.GroupID)
			case kind == Test && (scope == "compile" || scope == "provided"):
				// provided: compiled against the test framework its
				// users run (a library of JUnit extensions or rules).
				cls, reason = TestSupport, fmt.Sprintf("test-support module %s (%s in %s scope)", name, ga, scope)
			default:
				continue
			}
			if m.rel == "" {
				m.hints = append(m.hints, fmt.Sprintf("%s: %s; the scanned root is kept as production", m.file, reason))
				continue
			}
			decide(cls, reason)
		}
	}
}

// isBOM: a pom-packaged file that only manages versions and says it is a
// bill of materials. A parent pom also has only dependencyManagement, but
// its children inherit from it, so it is not set aside.
func isBOM(p *deps.POM) bool {
	for _, w := range tokens(p.ArtifactID) {
		if w == "bom" {
			return true
		}
	}
	n := strings.ToLower(p.Name)
	return strings.Contains(n, "bill of materials") || strings.HasSuffix(n, " bom")
}

// testOrBench tells test frameworks and benchmark harnesses apart from
// other dependencies.
func testOrBench(g, a string) Class {
	switch {
	case g == "junit" || g == "org.testng" || g == "org.junit" || strings.HasPrefix(g, "org.junit."):
		return Test
	case g == "org.openjdk.jmh" || g == "com.google.caliper":
		return Benchmark
	}
	return Production
}

// effectiveScope returns the scope Maven gives a dependency: its own, else
// the one managed in the pom or its parents found in the tree, else
// compile. known is false when a parent that might manage it is not in the
// tree.
func (c *Classifier) effectiveScope(file string, p *deps.POM, d deps.PomDependency) (scope string, known bool) {
	if d.Scope != "" {
		return d.Scope, true
	}
	for depth := 0; p != nil && depth < 16; depth++ {
		for _, md := range p.DependencyManagement {
			if md.GroupID == d.GroupID && md.ArtifactID == d.ArtifactID && md.Scope != "" {
				return md.Scope, true
			}
		}
		if p.Parent == nil || plainParents[p.Parent.GroupID+":"+p.Parent.ArtifactID] {
			return "compile", true
		}
		next, nextFile := c.parentPOM(file, p.Parent)
		if next == nil {
			return "", false
		}
		p, file = next, nextFile
	}
	return "", false
}

// plainParents are public parent poms that manage no test framework or
// benchmark harness (the ASF parent, Sonatype's OSS parent): a chain that
// reaches one ends there.
var plainParents = setOf("org.apache:apache", "org.sonatype.oss:oss-parent")

// parentPOM finds the parent pom in the tree by its relativePath, checking
// that it is the declared parent.
func (c *Classifier) parentPOM(file string, par *deps.Parent) (*deps.POM, string) {
	if par.RelativePathEmpty {
		return nil, ""
	}
	rp := par.RelativePath
	if !strings.HasSuffix(rp, ".xml") {
		rp = path.Join(rp, "pom.xml")
	}
	f := path.Clean(path.Join(path.Dir(file), rp))
	if f == ".." || strings.HasPrefix(f, "../") || !c.exists(f) {
		return nil, ""
	}
	pf := c.pom(f)
	if pf.err != nil || pf.pom.ArtifactID != par.ArtifactID {
		return nil, ""
	}
	return pf.pom, f
}

// launcherHint records a module that builds an executable jar, and how
// many modules of the tree consume it as a library.
func (c *Classifier) launcherHint(file, mainClass, artifactID string) string {
	n := c.consumerCount(artifactID)
	switch n {
	case 0:
		return fmt.Sprintf("launcher: %s sets Main-Class %s; no module in the tree depends on it", file, mainClass)
	case 1:
		return fmt.Sprintf("launcher: %s sets Main-Class %s; 1 module in the tree depends on it", file, mainClass)
	}
	return fmt.Sprintf("launcher: %s sets Main-Class %s; %d modules in the tree depend on it", file, mainClass, n)
}

// consumerCount counts the poms of the tree that declare a non-test
// dependency on artifactID, pom-packaged ones left out (read once per
// classifier).
func (c *Classifier) consumerCount(artifactID string) int {
	c.consumersOnce.Do(func() {
		c.consumers = map[string]int{}
		c.mu.Lock()
		ready := c.pomsListed.ready
		c.mu.Unlock()
		if ready != nil {
			<-ready
		}
		files := c.listedPOMs()
		if files == nil {
			files = c.walkPOMs()
		}
		sort.Strings(files)
		for _, f := range files {
			// Read, not kept: most of these poms are no module of the
			// scan's, and a large tree has thousands.
			pf := c.pomOnce(f)
			if pf.err != nil || pf.pom.Packaging == "pom" {
				continue // a distribution or aggregator pom lists, it does not consume
			}
			for _, a := range pf.consumes { // its non-test dependencies
				c.consumers[a]++
			}
		}
	})
	return c.consumers[artifactID]
}

// ListPOMs hands the classifier the pom.xml files the scan's walk found
// (slash paths relative to the root; links and files in hidden
// directories among them) and the directories that walk read whole (slash
// paths relative to the root, "." for the root), so that the consumer
// index does not walk them again; nil poms say there is no such list (the
// index walks). The list stands for the index's own walk only when the
// directories are the ones that walk reads (walkRoots) and the scan's walk
// skipped no directory but by the names skipDirs holds (and hidden ones).
// The first call counts; call it before the first decision, or after
// AwaitPOMs.
func (c *Classifier) ListPOMs(dirs, rels []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pomsListed.done {
		return
	}
	if rels != nil {
		c.poms0 = append([]string{}, rels...)
		c.pomDirs = append([]string{}, dirs...)
	}
	c.pomsListed.finish()
}

// AwaitPOMs makes the consumer index wait for ListPOMs: decisions may be
// asked for (by Prepare) while the walk that lists the poms runs. Call it
// before any decision; then ListPOMs must follow.
func (c *Classifier) AwaitPOMs() {
	c.mu.Lock()
	c.pomsListed.wait()
	c.mu.Unlock()
}

// listedPOMs are the poms ListPOMs gave that walkPOMs would find: regular
// files outside hidden and skipped directories; nil when none were given.
func (c *Classifier) listedPOMs() []string {
	c.mu.Lock()
	rels, dirs := c.poms0, c.pomDirs
	c.poms0, c.pomDirs = nil, nil
	c.mu.Unlock()
	roots := c.relRoots()
	if rels == nil || !slices.Equal(roots, sortedClean(dirs)) {
		return nil
	}
	files := []string{}
	for _, rel := range rels {
		below := rel // the path below its walk root, whose own name may be hidden
		for _, r := range roots {
			if r != "." && strings.HasPrefix(rel, r+"/") {
				below = rel[len(r)+1:]
				break
			}
		}
		segs := segments(below)
		if len(segs) == 0 || segs[len(segs)-1] != "pom.xml" {
			continue
		}
		hidden := false
		for _, s := range segs[:len(segs)-1] {
			if skipDirs[s] || strings.HasPrefix(s, ".") {
				hidden = true
				break
			}
		}
		if hidden {
			continue
		}
		if fi, err := os.Lstat(c.abs(rel)); err != nil || !fi.Mode().IsRegular() {
			continue
		}
		files = append(files, rel)
	}
	return files
}

// walkPOMs lists the pom.xml files of the projects the scan's targets are
// in (walkRoots), hidden and skipped directories below them left out: the
// rest of the root (the current directory a target sits in) is not the
// scan's.
func (c *Classifier) walkPOMs() []string {
	var files []string
	for _, top := range c.walkRoots() {
		filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() {
				if p != top && (skipDirs[d.Name()] || (strings.HasPrefix(d.Name(), ".") && d.Name() != ".")) {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Name() == "pom.xml" && d.Type().IsRegular() {
				rel, err := filepath.Rel(c.root, p)
				if err == nil {
					files = append(files, filepath.ToSlash(rel))
				}
			}
			return nil
		})
	}
	return files
}

// relRoots are walkRoots as sorted slash paths relative to the root.
func (c *Classifier) relRoots() []string {
	var out []string
	for _, t := range c.walkRoots() {
		rel, err := filepath.Rel(c.root, t)
		if err != nil {
			return nil
		}
		out = append(out, filepath.ToSlash(rel))
	}
	slices.Sort(out)
	return out
}

// sortedClean is dirs cleaned and sorted.
func sortedClean(dirs []string) []string {
	out := make([]string, len(dirs))
	for i, d := range dirs {
		out[i] = path.Clean(d)
	}
	slices.Sort(out)
	return out
}

// skipDirs are build outputs and tool directories the consumer index does
// not descend into.
var skipDirs = setOf("target", "build", "out", "node_modules")

// pomBuild is what readPOMBuild takes from a pom besides ParsePOM's model.
type pomBuild struct {
	roots     map[string]declaredRoot // directory relative to the pom -> kind
	mainClass string
	// jarExcludes are the maven-jar-plugin's <excludes> patterns: files of
	// the module's output that its jar leaves out.
	jarExcludes []string
	// resources are the <build><resources> entries, when the pom declares
	// any (they replace Maven's default src/main/resources).
	resources []resourceDir
}

// resourceDir is one <resource> of a pom: a directory copied into the jar,
// filtered by Ant-style includes and excludes. dir is "" when it names a
// property (unknown).
type resourceDir struct {
	dir                string
	includes, excludes []string
}

// readPOMBuild reads the source and test directories a pom declares
// (<sourceDirectory>, <testSourceDirectory>, <testResources>, and the
// build-helper-maven-plugin add-source / add-test-source goals) and the
// Main-Class its jar, shade or assembly configuration sets. Profiles are
// skipped: whether one is active depends on the build machine.
func readPOMBuild(data []byte) pomBuild {
	var b pomBuild
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.CharsetReader = func(label string, r io.Reader) (io.Reader, error) { return r, nil }
	var stack []string
	var text strings.Builder
	// per plugin
	var artifact string
	var goals []string
	var sources []string
	var excludes []string
	var res *resourceDir
	addRoot := func(dir string, main bool, how string) {
		dir = cleanDeclared(dir)
		if dir == "" {
			return
		}
		if b.roots == nil {
			b.roots = map[string]declaredRoot{}
		}
		if _, ok := b.roots[dir]; !ok {
			b.roots[dir] = declaredRoot{main: main, how: how}
		}
	}
	inProfile := func() bool {
		for _, s := range stack {
			if s == "profiles" {
				return true
			}
		}
		return false
	}
	under := func(p ...string) bool {
		if len(stack) < len(p) {
			return false
		}
		for i, s := range p {
			if stack[i] != s {
				return false
			}
		}
		return true
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			text.Reset()
			if len(stack) == 4 && under("project", "build", "plugins", "plugin") {
				artifact, goals, sources, excludes = "", nil, nil, nil
			}
			if len(stack) == 6 && under("project", "build", "plugins", "plugin", "executions", "execution") {
				goals, sources = nil, nil
			}
			if len(stack) == 4 && under("project", "build", "resources", "resource") {
				res = &resourceDir{}
			}
			if len(stack) > 256 {
				return b
			}
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			v := strings.TrimSpace(text.String())
			text.Reset()
			n := len(stack)
			if n == 0 {
				continue
			}
			name := stack[n-1]
			switch {
			case inProfile():
			case n == 3 && under("project", "build", "sourceDirectory"):
				addRoot(v, true, "<sourceDirectory>")
			case n == 3 && under("project", "build", "testSourceDirectory"):
				addRoot(v, false, "<testSourceDirectory>")
			case n == 5 && under("project", "build", "testResources", "testResource", "directory"):
				addRoot(v, false, "<testResources>")
			case n == 5 && under("project", "build", "plugins", "plugin", "artifactId"):
				artifact = v
			case n == 8 && under("project", "build", "plugins", "plugin", "executions", "execution", "goals", "goal"):
				goals = append(goals, v)
			case n >= 8 && under("project", "build", "plugins", "plugin", "executions", "execution", "configuration") &&
				(name == "source" || (name == "directory" && stack[n-2] == "resource")):
				sources = append(sources, v)
			case n == 6 && under("project", "build", "plugins", "plugin", "executions", "execution"):
				if artifact == "build-helper-maven-plugin" {
					for _, g := range goals {
						for _, s := range sources {
							switch g {
							case "add-test-source", "add-test-resource":
								addRoot(s, false, "build-helper-maven-plugin "+g)
							case "add-source", "add-resource":
								addRoot(s, true, "build-helper-maven-plugin "+g)
							}
						}
					}
				}
			case n == 5 && under("project", "build", "resources", "resource", "directory") && res != nil:
				res.dir = cleanDeclared(v)
			case n == 6 && under("project", "build", "resources", "resource", "includes", "include") && res != nil && v != "":
				res.includes = append(res.includes, v)
			case n == 6 && under("project", "build", "resources", "resource", "excludes", "exclude") && res != nil && v != "":
				res.excludes = append(res.excludes, v)
			case n == 4 && under("project", "build", "resources", "resource") && res != nil:
				b.resources = append(b.resources, *res)
				res = nil
			case n == 7 && under("project", "build", "plugins", "plugin", "configuration", "excludes", "exclude"):
				if v != "" {
					excludes = append(excludes, v)
				}
			case n == 4 && under("project", "build", "plugins", "plugin"):
				if artifact == "maven-jar-plugin" {
					b.jarExcludes = append(b.jarExcludes, excludes...)
				}
			case n >= 5 && under("project", "build", "plugins", "plugin") && (name == "mainClass" || name == "Main-Class"):
				if b.mainClass == "" && v != "" {
					b.mainClass = v
				}
			}
			stack = stack[:n-1]
		}
	}
	return b
}

// cleanDeclared turns a declared directory into a path relative to the
// pom's directory; values with other properties are left out.
func cleanDeclared(dir string) string {
	for _, p := range []string{"${project.basedir}/", "${basedir}/", "${pom.basedir}/"} {
		dir = strings.TrimPrefix(dir, p)
	}
	if dir == "" || strings.Contains(dir, "${") || path.IsAbs(dir) {
		return ""
	}
	dir = path.Clean(strings.ReplaceAll(dir, "\\", "/"))
	if dir == "." || dir == ".." || strings.HasPrefix(dir, "../") {
		return ""
	}
	return dir
}

// Gradle scripts: literal dependency declarations on main configurations.
var (
	gradleMainDep = regexp.MustCompile(`(?m)^\s*(?:compile|compileOnly|implementation|api|runtime|runtimeOnly)\s*\(?\s*["']([\w.\-]+):([\w.\-]+)`)
	gradleProject = regexp.MustCompile(`(?m)^\s*(?:subprojects|allprojects)\s*\{|^\s*(?:project|configure)\s*\(`)
)

func (c *Classifier) readGradleModule(m *module) {
	data, err := c.readFile(m.file, safefs.MaxBuildFile)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			m.hints = append(m.hints, fmt.Sprintf("%s not read: %v", m.file, err))
		}
		return
	}
	name := path.Base(m.rel)
	if m.rel == "" {
		name = "root project"
	}
	if bytes.Contains(data, []byte("java-gradle-plugin")) || bytes.Contains(data, []byte("gradlePlugin {")) {
		m.decision = Decision{Class: BuildTool, Reason: "Gradle plugin (java-gradle-plugin)", At: at(m.rel)}
		return
	}
	// A script that configures other projects speaks for them, not for
	// its own code.
	if gradleProject.Match(data) {
		return
	}
	for _, sm := range gradleMainDep.FindAllSubmatch(data, -1) {
		g, a := string(sm[1]), string(sm[2])
		var d Decision
		switch testOrBench(g, a) {
		case Benchmark:
			d = Decision{Class: Benchmark, Reason: fmt.Sprintf("benchmark module %s (depends on %s)", name, g), At: at(m.rel)}
		case Test:
			d = Decision{Class: TestSupport, Reason: fmt.Sprintf("test-support module %s (%s:%s on a main configuration)", name, g, a), At: at(m.rel)}
		default:
			continue
		}
		if m.rel == "" {
			m.hints = append(m.hints, fmt.Sprintf("%s: %s; the scanned root is kept as production", m.file, d.Reason))
			return
		}
		m.decision = d
		return
	}
}

// maxTestScan caps the sources holdsTests reads in one package.
const maxTestScan = 200

// holdsTests reports whether a package directory (or one below it) holds a
// test class by content. Read once per directory.
func (c *Classifier) holdsTests(rel string) bool {
	c.mu.Lock()
	v, ok := c.testPkgs[rel]
	c.mu.Unlock()
	if ok {
		return v
	}
	found, n := false, 0
	root := c.abs(rel)
	if ok, err := c.in.Within(root); err != nil || !ok {
		n = maxTestScan // a link out of the tree: read nothing
	}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if found || n >= maxTestScan {
			return filepath.SkipAll
		}
		if err != nil || d.IsDir() || !d.Type().IsRegular() || !strings.HasSuffix(d.Name(), ".java") {
			return nil
		}
		n++
		head, err := readHead(p)
		if err != nil {
			return nil
		}
		if dec, ok := javaSignals(parseJavaHead(head), false); ok && dec.Class == Test {
			found = true
		}
		return nil
	})
	c.mu.Lock()
	c.testPkgs[rel] = found
	c.mu.Unlock()
	return found
}

// readHead reads the first HeadSize bytes of a file of the tree, refusing
// one that a link leads outside it.
func (c *Classifier) readHead(rel string) ([]byte, error) {
	abs := c.abs(rel)
	ok, err := c.in.Within(abs)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: abs, Err: safefs.ErrOutsideRoot}
	}
	return readHead(abs)
}

// readHead reads the first HeadSize bytes of a regular file.
func readHead(p string) ([]byte, error) { return safefs.ReadHead(p, HeadSize) }

// Hints returns the hints of every build file read so far (launcher
// modules, scopes that could not be resolved), sorted.
func (c *Classifier) Hints() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	seen := map[string]bool{}
	var out []string
	for _, m := range c.modules {
		if m == nil {
			continue
		}
		for _, h := range m.hints {
			if !seen[h] {
				seen[h] = true
				out = append(out, h)
			}
		}
	}
	sort.Strings(out)
	return out
}

// DeclaredMain reports a Java source (rel, its head) whose class is the
// Main-Class the pom.xml of its module, the nearest one above it, declares:
// the product's own launcher, not a demo's. The scanner reads such a class
// for the call graph even when its content sets it aside (a launcher that
// imports Swing to set a look and feel is a desktop GUI's class).
func (c *Classifier) DeclaredMain(rel string, head []byte) bool {
	if c.root == "" {
		return false
	}
	name := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	if pkg := parseJavaHead(head).pkg; pkg != "" {
		name = pkg + "." + name
	}
	for dir := path.Dir(rel); ; dir = path.Dir(dir) {
		if dir == "." || dir == "/" {
			dir = ""
		}
		if f := path.Join(dir, "pom.xml"); c.exists(f) {
			pf := c.pom(f)
			return pf.err == nil && pf.build.mainClass == name
		}
		if dir == "" {
			return false
		}
	}
}

// MainCode reports whether the module whose build file is pomRel has a
// main source set (src/main, or a main source directory its pom declares):
// a module with test sources alone builds no jar any other code loads.
func (c *Classifier) MainCode(pomRel string) bool {
	dir := path.Dir(clean(pomRel))
	if dir == "." {
		dir = ""
	}
	if c.isDir(path.Join(dir, "src/main")) {
		return true
	}
	if m := c.module(dir); m != nil {
		for r, how := range m.roots {
			if how.main && c.isDir(path.Join(dir, r)) {
				return true
			}
		}
	}
	return false
}

package scope

import (
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/kscan/kscan/scanner/deps"
)

// File classifies one file of the tree (slash path relative to the root)
// from its directory, its name and, when head holds its first bytes (up to
// HeadSize; nil when not read), its content: the package, imports,
// annotations and superclass of a Java source, the constant pool of a
// class file.
func (c *Classifier) File(rel string, head []byte) Decision {
	rel = clean(rel)
	if d, ok := c.override(rel); ok {
		return d
	}
	dirRel, base := path.Split(rel)
	dirRel = strings.TrimSuffix(dirRel, "/")
	st := c.dir(dirRel)
	ext := strings.ToLower(path.Ext(base))
	var jh *javaHead
	if ext == ".java" && head != nil && (st.d.Production() || st.byName) {
		jh = parseJavaHead(head)
		st = c.refine(st, dirRel, jh.pkg)
		if d, ok := testSourceRoot(st, dirRel, jh.pkg); ok {
			return c.withBuildToolPolicy(d)
		}
	}
	if m := st.mod; m != nil && m.rel == dirRel && m.file == rel {
		// The build file of a module: its own decision (a distribution
		// pom, a BOM) and its hints.
		d := *st.d
		if d.Production() && !m.decision.Production() {
			d = m.decision
		}
		if len(m.hints) > 0 {
			d.Hints = append(append([]string(nil), d.Hints...), m.hints...)
		}
		return c.withBuildToolPolicy(d)
	}
	if !st.d.Production() {
		return c.withBuildToolPolicy(*st.d)
	}
	if d, ok := notPackaged(st.mod, rel, ext, base); ok {
		return c.withBuildToolPolicy(d)
	}
	if d, ok := c.sourceSignals(rel, dirRel, base, ext, jh, st); ok {
		return c.withBuildToolPolicy(d)
	}
	if ext == ".class" && head != nil {
		if h, isClass := parseClassHead(head); isClass {
			if d, ok := classSignals(h); ok {
				d.At = rel
				return c.withBuildToolPolicy(d)
			}
		}
	}
	if jh != nil {
		if d, ok := c.usedByDecision(rel); ok {
			return c.withBuildToolPolicy(d)
		}
	}
	return c.testPackage(st)
}

// sourceSignals decides a file of a production directory by its name and,
// for a Java source (jh not nil), its content: the signals of the source
// itself, of its superclasses in the tree, and the tool index.
func (c *Classifier) sourceSignals(rel, dirRel, base, ext string, jh *javaHead, st *dirState) (Decision, bool) {
	if d, ok := fileNameRule(base, ext, st.main); ok {
		d.At = rel
		return d, true
	}
	if jh == nil {
		return Decision{}, false
	}
	d, ok := javaSignals(jh, st.main)
	if !ok {
		d, ok = c.superclassSignal(dirRel, jh, st.main)
	}
	if ok {
		d.At = rel
		return d, true
	}
	if (toolCandidate(dirRel) || stubCandidate(dirRel)) && !c.namedTool(dirRel) {
		return c.toolDecision(rel)
	}
	return Decision{}, false
}

// refine corrects a directory decision taken from a name that the file's
// package declaration shows to be a package name (src/mylib/test/A.java
// in package mylib.test is not in a test directory).
func (c *Classifier) refine(st *dirState, dirRel, pkg string) *dirState {
	if !st.byName || pkg == "" {
		return st
	}
	segs := segments(dirRel)
	ps := strings.Split(pkg, ".")
	if len(ps) > len(segs) {
		return st
	}
	for i, p := range ps {
		if segs[len(segs)-len(ps)+i] != p {
			return st
		}
	}
	layout := len(segs) - len(ps)
	if int(st.nameDepth) <= layout {
		return st
	}
	root := c.dir(strings.Join(segs[:layout], "/"))
	r := *root
	r.pkg = true
	return &r
}

// testSourceRoot reads the source root a file's package declaration puts
// above it: a root named test or tests (src/bindings/java/test holding
// org/sbml/libsbml/test/...) is a test tree, although the layout above it
// (a source set, a language directory) made its name look like a
// package's. Not inside a main source set, where such a package ships.
func testSourceRoot(st *dirState, dirRel, pkg string) (Decision, bool) {
	if pkg == "" || st.main || !st.d.Production() {
		return Decision{}, false
	}
	segs := segments(dirRel)
	ps := strings.Split(pkg, ".")
	if len(ps) >= len(segs) {
		return Decision{}, false
	}
	for i, p := range ps {
		if segs[len(segs)-len(ps)+i] != p {
			return Decision{}, false
		}
	}
	root := segs[len(segs)-len(ps)-1]
	if cls, _ := nameClass(root, false); cls != Test {
		return Decision{}, false
	}
	at := strings.Join(segs[:len(segs)-len(ps)], "/")
	return Decision{Class: Test, Reason: "test source root " + root + "/ (the package path starts below it)", At: at}, true
}

// testConfigExts are the kinds of file whose name says "test" when they
// are test configuration or data (logback-test.xml, testng.xml).
var testConfigExts = setOf(".xml", ".properties", ".yaml", ".yml", ".json", ".groovy", ".conf", ".cfg", ".ini", ".toml")

var archiveExts = setOf(".jar", ".war", ".ear", ".rar", ".zip", ".aar", ".jmod", ".sar", ".par", ".nar")

// fileNameRule reads a file's own name: test, sources and javadoc jars,
// build wrappers, and test-named configuration outside a main source set.
func fileNameRule(base, ext string, main bool) (Decision, bool) {
	lb := strings.ToLower(base)
	if archiveExts[ext] {
		return archiveNameRule(lb, ext)
	}
	if !main && testConfigExts[ext] {
		for _, w := range tokens(strings.TrimSuffix(base, path.Ext(base))) {
			if isTestWord(w) && w != "it" && w != "its" {
				return Decision{Class: Test, Reason: "test configuration or data by name (" + base + ")"}, true
			}
		}
	}
	return Decision{}, false
}

func archiveNameRule(lb, ext string) (Decision, bool) {
	stem := strings.TrimSuffix(lb, ext)
	switch {
	case lb == "maven-wrapper.jar" || lb == "gradle-wrapper.jar":
		return Decision{Class: BuildTool, Reason: "build tool wrapper (" + lb + ")"}, true
	case strings.HasSuffix(stem, "-tests") || strings.HasSuffix(stem, "-test") ||
		strings.HasSuffix(stem, "-test-sources") || strings.HasSuffix(stem, "-tests-sources") ||
		strings.HasSuffix(stem, "-test-jar") || strings.HasSuffix(stem, "-testlib"):
		return Decision{Class: Test, Reason: "test archive (*-tests" + ext + ")"}, true
	case strings.HasSuffix(stem, "-sources") || strings.HasSuffix(stem, "-src"):
		return Decision{Class: Packaging, Reason: "sources archive (*-sources" + ext + ")"}, true
	case strings.HasSuffix(stem, "-javadoc") || strings.HasSuffix(stem, "-javadocs"):
		return Decision{Class: Packaging, Reason: "javadoc archive (*-javadoc" + ext + ")"}, true
	}
	return artifactNameRule(stem, ext)
}

// versionSuffix is the version of an artifact's file name (-3.6.10,
// -1.0-SNAPSHOT, -2.7.3+repack1).
var versionSuffix = regexp.MustCompile(`-[0-9][^-]*(-.*)?$`)

// artifactNameRule reads an archive's artifact name, version and all, as
// a module's name is read: a word after the first that names tests, a
// library for tests or benchmarks (hibernate-testing-3.6.jar,
// maven-resolver-test-util.jar, mina-benchmarks.jar) sets the archive
// aside. The first word is the artifact's own name (testng.jar and
// jmh-core.jar are libraries), and examples are not read: "demo" is the
// default artifact of many an application.
func artifactNameRule(stem, ext string) (Decision, bool) {
	name := stem
	if m := versionSuffix.FindStringIndex(name); m != nil {
		name = name[:m[0]]
	}
	ws := tokens(name)
	if len(ws) < 2 {
		return Decision{}, false
	}
	c, w := nameClass(name, true)
	if w == "" || w == ws[0] {
		return Decision{}, false
	}
	switch c {
	case Test, TestSupport, Benchmark:
		return Decision{Class: c, Reason: classNouns[c] + " archive " + stem + ext + " (name)"}, true
	}
	return Decision{}, false
}

// ArchiveInfo is what an archive's entries say about the whole of it. The
// caller fills it with Note while it lists the entries.
type ArchiveInfo struct {
	MainClass   string // Main-Class of the manifest
	MavenPlugin bool   // has META-INF/maven/plugin.xml
	JMH         bool   // has META-INF/BenchmarkList
}

// Note records what one entry says: name is the entry path, data its
// content when the caller read it (the manifest's is needed for
// Main-Class; nil otherwise).
func (a *ArchiveInfo) Note(name string, data []byte) {
	switch strings.TrimPrefix(name, "/") {
	case "META-INF/maven/plugin.xml":
		a.MavenPlugin = true
	case "META-INF/BenchmarkList":
		a.JMH = true
	case "META-INF/MANIFEST.MF":
		if data != nil {
			if attrs, err := deps.ParseManifest(data); err == nil {
				a.MainClass = strings.TrimSpace(attrs["Main-Class"])
			}
		}
	}
}

// Archive classifies an archive of the tree (slash path relative to the
// root) by where it is, its name and, when info is given, its entries.
// A Main-Class is a hint only: whether only main reaches some code is the
// call graph's decision.
func (c *Classifier) Archive(rel string, info *ArchiveInfo) Decision {
	d := c.File(rel, nil)
	if d.Override || !d.Production() || info == nil {
		return d
	}
	rel = clean(rel)
	switch {
	case info.MavenPlugin:
		return c.withBuildToolPolicy(Decision{Class: BuildTool, Reason: "Maven plugin jar (META-INF/maven/plugin.xml)", At: rel, Hints: d.Hints})
	case info.JMH:
		return Decision{Class: Benchmark, Reason: "JMH benchmark jar (META-INF/BenchmarkList)", At: rel, Hints: d.Hints}
	}
	if info.MainClass != "" {
		d.Hints = append(append([]string(nil), d.Hints...), "launcher: "+rel+" has Main-Class "+info.MainClass)
	}
	return d
}

// Entry classifies an entry of an archive: archive is the archive's own
// decision (entries of a non-production archive inherit it), archivePath
// names it (a path in the tree, "a.war!/WEB-INF/lib/b.jar" for a nested
// one), name is the entry path inside it and head its first bytes (nil
// when not read). Class entries are read for test and benchmark
// annotations; nested archives by name; entries of a .zip (a source or
// distribution bundle laid out like a tree) also by their directories.
func (c *Classifier) Entry(archive Decision, archivePath, name string, head []byte) Decision {
	d, _ := c.EntryHead(archive, archivePath, name, head)
	return d
}

// EntryHead is Entry, also reporting whether it read the class's bytes and
// they said nothing of where the class runs. Entry of a copy of that class
// (the same bytes and name) then decides with head nil as it decided with
// the bytes, without reading them again.
func (c *Classifier) EntryHead(archive Decision, archivePath, name string, head []byte) (Decision, bool) {
	if !archive.Production() {
		return archive, false
	}
	name = clean(name)
	base := path.Base(name)
	ext := strings.ToLower(path.Ext(base))
	if archiveExts[ext] {
		if d, ok := archiveNameRule(strings.ToLower(base), ext); ok {
			d.At = archivePath + "!/" + name
			return c.withBuildToolPolicy(d), false
		}
	}
	inner := archivePath
	if i := strings.LastIndex(inner, "!/"); i >= 0 {
		inner = inner[i+2:]
	}
	if strings.HasSuffix(strings.ToLower(inner), ".zip") {
		st := c.entryDir(segments(name)[:max(0, len(segments(name))-1)])
		if !st.d.Production() {
			d := *st.d
			d.At = archivePath + "!/" + st.d.At
			return c.withBuildToolPolicy(d), false
		}
		if d, ok := fileNameRule(base, ext, st.main); ok {
			d.At = archivePath + "!/" + name
			return d, false
		}
	}
	if ext == ".class" && head != nil {
		if h, ok := parseClassHead(head); ok {
			if d, ok := classSignals(h); ok {
				d.At = archivePath + "!/" + name
				return c.withBuildToolPolicy(d), false
			}
		}
		return archive, true
	}
	return archive, false
}

// entryDir walks the directories of an entry path by name alone (no build
// file is read inside an archive).
func (c *Classifier) entryDir(segs []string) *dirState {
	st := &dirState{d: &rootProduction}
	rel := ""
	for _, s := range segs {
		parent := rel
		rel = path.Join(rel, s)
		st = c.child(st, parent, s, rel, -1, false)
	}
	return st
}

// maxSuperDepth bounds how far superclassSignal follows a hierarchy.
const maxSuperDepth = 6

// superclassSignal follows the superclass of a source through the sources
// of the tree (same source root, by the package path) and reads the
// extends signals of each: a task extending a project's abstract task
// that extends org.apache.tools.ant.Task is an Ant task too.
func (c *Classifier) superclassSignal(dirRel string, h *javaHead, main bool) (Decision, bool) {
	if c.root == "" {
		return Decision{}, false
	}
	srcRoot, ok := sourceRoot(dirRel, h.pkg)
	if !ok {
		return Decision{}, false
	}
	return c.superOf(srcRoot, h, main, 0)
}

type superKey struct {
	rel  string
	main bool
}

type superResult struct {
	d  Decision
	ok bool
}

// superOf reads the superclass of h, found as a source under srcRoot, and
// its superclasses in turn; results are kept per source file.
func (c *Classifier) superOf(srcRoot string, h *javaHead, main bool, depth int) (Decision, bool) {
	d, ok, _ := c.superChain(srcRoot, h, main, depth)
	return d, ok
}

// superChain is superOf that also reports a chain cut at maxSuperDepth
// (a cycle, or one deeper than the bound). Only whole answers are kept:
// a cut one depends on the depth it was asked at, and an answer still
// being computed must not be seen by another worker, so that every
// file's decision is the same whatever the order of the workers.
func (c *Classifier) superChain(srcRoot string, h *javaHead, main bool, depth int) (d Decision, ok, cut bool) {
	if h.extends == "" {
		return Decision{}, false, false
	}
	if depth >= maxSuperDepth {
		return Decision{}, false, true
	}
	q := h.resolve(h.extends, "")
	if !strings.Contains(q, ".") {
		return Decision{}, false, false
	}
	rel := path.Join(srcRoot, strings.ReplaceAll(q, ".", "/")+".java")
	key := superKey{rel, main}
	c.mu.Lock()
	r, done := c.supers[key]
	c.mu.Unlock()
	if done {
		return r.d, r.ok, false
	}
	if c.exists(rel) {
		if head, err := c.readHead(rel); err == nil {
			sh := parseJavaHead(head)
			r.d, r.ok = extendsSignal(sh, main)
			if !r.ok {
				r.d, r.ok, cut = c.superChain(srcRoot, sh, main, depth+1)
			}
		}
	}
	if !cut {
		c.mu.Lock()
		c.supers[key] = r
		c.mu.Unlock()
	}
	return r.d, r.ok, cut
}

// sourceRoot is the directory a source's package path starts in.
func sourceRoot(dirRel, pkg string) (string, bool) {
	if pkg == "" {
		return dirRel, true
	}
	p := strings.ReplaceAll(pkg, ".", "/")
	switch {
	case dirRel == p:
		return "", true
	case strings.HasSuffix(dirRel, "/"+p):
		return strings.TrimSuffix(dirRel, "/"+p), true
	}
	return "", false
}

// notPackaged decides a configuration file of a Maven module that the
// module's jar does not carry, so that no base or module loads it: a
// file outside the directories its <resources> copy (a distribution's
// conf/ directory, src/main/assembly), one its <resources> filter out or
// its jar's <excludes> leave out (the logback.xml a standalone server's
// start script names), and any file of a module packaged as a pom, which
// builds no jar. A war keeps src/main/webapp; a resource directory named
// by a property leaves the module's files as they are.
func notPackaged(m *module, rel, ext, base string) (Decision, bool) {
	if m == nil || !m.pom || !configExts[ext] || base == "pom.xml" || buildToolFiles[base] {
		return Decision{}, false
	}
	sub := rel
	if m.rel != "" {
		if !strings.HasPrefix(rel, m.rel+"/") {
			return Decision{}, false
		}
		sub = rel[len(m.rel)+1:]
	}
	d := Decision{Class: Packaging, At: m.file}
	if m.packaging == "pom" {
		d.Reason = "file of a pom-packaged module (it builds no jar)"
		return d, true
	}
	if m.packaging == "war" && strings.HasPrefix(sub, "src/main/webapp/") {
		return Decision{}, false
	}
	for dir, r := range m.roots {
		if r.main && strings.HasPrefix(sub, dir+"/") {
			return Decision{}, false // a declared source or resource root
		}
	}
	under := false
	for _, r := range m.resources {
		if r.dir == "" {
			return Decision{}, false // a directory only the build knows
		}
		if !strings.HasPrefix(sub, r.dir+"/") {
			continue
		}
		under = true
		inner := sub[len(r.dir)+1:]
		if len(r.includes) > 0 && !slices.ContainsFunc(r.includes, func(p string) bool { return antMatch(p, inner) }) ||
			slices.ContainsFunc(r.excludes, func(p string) bool { return antMatch(p, inner) }) {
			continue // another entry for the directory may still take it
		}
		if slices.ContainsFunc(m.jarExcludes, func(p string) bool { return antMatch(p, inner) }) {
			d.Reason = "resource the module's jar leaves out (maven-jar-plugin <excludes>)"
			return d, true
		}
		return Decision{}, false
	}
	if under {
		d.Reason = "resource the module's <resources> leave out of its jar"
	} else {
		d.Reason = "file outside the module's resource directories (in no jar: a distribution's file)"
	}
	return d, true
}

// configExts are the files notPackaged judges: configuration, which a jar
// carries only as a resource. Code, archives and other files keep the
// other signals.
var configExts = setOf(".xml", ".properties", ".yml", ".yaml", ".json")

// buildToolFiles are configuration-like files a build or an IDE reads
// from a module's directory, never from a jar.
var buildToolFiles = setOf("build.xml", "ivy.xml", "settings.xml", "plugin.xml", "feature.xml", "antlib.xml")

// antMatch matches a slash path against an Ant-style pattern as Maven's
// includes and excludes use them: '**' stands for any number of
// directories, '*' and '?' for characters within one name, and a pattern
// ending in '/' for everything below that directory.
func antMatch(pattern, name string) bool {
	pattern = strings.TrimPrefix(strings.ReplaceAll(strings.TrimSpace(pattern), "\\", "/"), "/")
	if strings.HasSuffix(pattern, "/") {
		pattern += "**"
	}
	// Unlike an override's glob, a pattern without '/' names the jar's
	// root only: matchSegs, not matchDepth.
	return matchSegs(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

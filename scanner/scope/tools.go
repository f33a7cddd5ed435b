package scope

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/kscan/kscan/internal/safefs"
)

// toolWords name command-line tool code when they are a whole segment of a
// source's package or directory path (org.apache.derby.tools, java/tools/,
// org.apache.zookeeper.cli), and so do a code generator's packages
// (org.acme.codegen): a generator a build runs through its main. Ant is
// not one: Ant tasks are build tools, by their superclass (extendsSignal).
// The words only make a candidate: a main must reach the class and no
// production source outside must use it (a protocol's frame generator
// package is production code its server uses).
var toolWords = setOf("cli", "tool", "tools", "codegen", "generator", "generators")

// maxToolIndexFiles bounds how many sources the tool index reads.
const maxToolIndexFiles = 200000

// toolReason is the reason of every command-line tool decision, so that
// they count as one.
const toolReason = "cli/tool/tools package code that only main methods use"

// toolModuleReason is the reason of every tool module decision.
const toolModuleReason = "module of a cli/tool/tools directory with a main method that no production code outside it uses"

// stubReason is the reason of every stub tree decision.
const stubReason = "compile-time API stubs (a stubs/ tree of another project's packages)"

// toolCandidate reports a source path with a segment in toolWords.
func toolCandidate(dirRel string) bool {
	for _, s := range segments(dirRel) {
		if toolWords[s] {
			return true
		}
	}
	return false
}

// toolModuleRoot returns the shortest ancestor of dirRel (itself
// included) that is a tool module tree: its last segment a tool word and
// it, or a directory right below it, holding a build file (ANTLR's tool/,
// JAX-WS's tools/wscompile). A tool word that only names a package
// (org.h2.tools) makes none: such a package ships in its library's
// artifact. memo caches, per tool-word directory, whether it is one (the
// sources of a tree's packages share a few such directories).
func (c *Classifier) toolModuleRoot(dirRel string, memo map[string]bool) string {
	segs := segments(dirRel)
	for i, s := range segs {
		if !toolWords[s] {
			continue
		}
		d := strings.Join(segs[:i+1], "/")
		tree, ok := memo[d]
		if !ok {
			tree = c.holdsBuildFile(d, true)
			memo[d] = tree
		}
		if tree {
			return d
		}
	}
	return ""
}

// holdsBuildFile reports a directory with a build file, or (below) one
// with a subdirectory that has one.
func (c *Classifier) holdsBuildFile(rel string, below bool) bool {
	for _, name := range buildFiles {
		if c.exists(path.Join(rel, name)) {
			return true
		}
	}
	if !below {
		return false
	}
	ents, err := os.ReadDir(c.abs(rel))
	if err != nil {
		return false
	}
	for _, e := range ents {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") && c.holdsBuildFile(path.Join(rel, e.Name()), false) {
			return true
		}
	}
	return false
}

// stubCandidate reports a source path below a directory named stubs.
func stubCandidate(dirRel string) bool {
	for _, s := range segments(dirRel) {
		if s == "stubs" {
			return true
		}
	}
	return false
}

// namedTool reports a directory below a target the user named whose own
// path says tool or stubs: that code is what was asked for.
func (c *Classifier) namedTool(dirRel string) bool {
	for _, t := range c.opts.Targets {
		t = clean(t)
		if t != "" && t != "." && (dirRel == t || strings.HasPrefix(dirRel, t+"/")) && (toolCandidate(t) || stubCandidate(t)) {
			return true
		}
	}
	return false
}

// toolIndex is what the production sources of the tree say about its
// command-line tool packages and stub trees, read once per tree: the
// decision for each source (rel) it sets aside. A tool package's source
// that a main reaches and no production code outside uses, or any source
// of a tool module tree, is a command-line tool (At: the file with the
// main); a source under a stubs/ directory whose package namespace no other
// production source uses is API stubs (At: the stubs directory).
type toolIndex struct {
	decided map[string]Decision
}

// toolClass is a top-level type of a candidate source, by its file.
type toolClass struct {
	rel, pkg, name, fqn string
	main                bool
	toks                map[string]bool // identifiers of its code (comments and literals left out)
	// group is the tool module tree the class sits in (toolModuleRoot), or "".
	group   string
	imports []string
}

// mainRE recognises an entry point: Java's, or Groovy's (static main(args)).
var mainRE = regexp.MustCompile(`\bstatic\s+(?:(?:public|final)\s+)*(?:void\s+)?main\s*\(\s*(?:(?:final\s+)?(?:java\.lang\.)?String\b|\w+\s*\))`)

// mainAtRE is mainRE from its \b on, anchored: hasMain tries it where
// each "static" starts.
var mainAtRE = regexp.MustCompile(`^static\s+(?:(?:public|final)\s+)*(?:void\s+)?main\s*\(\s*(?:(?:final\s+)?(?:java\.lang\.)?String\b|\w+\s*\))`)

// hasMain is mainRE.Match(src): the regexp run over a whole source with
// no literal to start from was most of the time of the indexes' reads of
// their users. It tries the anchored form at each "static" after a
// non-word byte, on the bytes up to the next ')', where a match must end
// (the match holds no other ')', and its last \b sees that byte).
func hasMain(src []byte) bool {
	if !bytes.Contains(src, []byte("main")) {
		return false
	}
	for off := 0; ; {
		i := bytes.Index(src[off:], []byte("static"))
		if i < 0 {
			return false
		}
		j := off + i
		off = j + len("static")
		if j > 0 && wordByte(src[j-1]) {
			continue
		}
		end := len(src)
		if k := bytes.IndexByte(src[off:], ')'); k >= 0 {
			end = off + k + 1
		}
		if mainAtRE.Match(src[j:end]) {
			return true
		}
	}
}

// wordByte is a byte of \w, the bytes \b sets apart.
func wordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// toolSourceExts are the sources whose uses of tool classes count; the
// Groovy and Kotlin ones of a tool package are part of the tool.
var toolSourceExts = setOf(".java", ".groovy", ".kt", ".scala")

// toolDecision decides a source that toolCandidate or stubCandidate
// accepted: a command-line tool when a main method of its tool packages
// reaches it and no production source outside those packages uses it;
// API stubs when it sits in a stubs/ tree of another project's packages.
func (c *Classifier) toolDecision(rel string) (Decision, bool) {
	if c.root == "" {
		return Decision{}, false
	}
	c.toolOnce.Do(c.buildToolIndex)
	d, ok := c.tools.decided[rel]
	return d, ok
}

// buildToolIndex reads the Java sources in production directories of the
// tree: those in tool packages for their main methods and the names they
// use, the others for the tool classes they use.
func (c *Classifier) buildToolIndex() {
	idx := &toolIndex{decided: map[string]Decision{}}
	c.tools = idx
	var cands, others []string
	var at []int // position of others[i] in the production files
	prod := c.productionFiles()
	for i, rel := range prod {
		// Candidates: sources in a cli/tool package, and Java sources of a
		// stubs/ tree (compile-time API stubs, decided by their namespace).
		if ext := path.Ext(rel); toolSourceExts[ext] && toolCandidate(path.Dir(rel)) || ext == ".java" && stubCandidate(path.Dir(rel)) {
			cands = append(cands, rel)
		} else {
			others = append(others, rel)
			at = append(at, i)
		}
	}
	if len(cands) == 0 {
		return
	}
	var classes []*toolClass
	byPkg := map[string][]*toolClass{}
	var stubs []*toolClass
	// A tool class's identifiers are asked only for the names of the
	// candidates, simple or qualified (uses, below): it keeps those alone.
	candNames := make(map[string]bool, len(cands))
	for _, rel := range cands {
		candNames[strings.TrimSuffix(path.Base(rel), path.Ext(rel))] = true
	}
	for _, rel := range cands {
		l, err := safefs.ReadLent(c.abs(rel), safefs.MaxSource) // walked, not followed: inside the root
		if err != nil {
			continue
		}
		data := l.Data
		h := parseJavaHead(data)
		if d, ok := javaSignals(h, false); ok && !d.Production() {
			l.Release()
			continue // an Ant task, a test: not the product's, nor a tool's user
		}
		body := blankCommentsAndLiterals(data)
		l.Release() // h keeps strings; its body, a slice of data, is not read again
		tc := &toolClass{rel: rel, pkg: h.pkg, name: strings.TrimSuffix(path.Base(rel), path.Ext(rel)),
			main: hasMain(body), imports: h.imports}
		tc.fqn = tc.pkg + "." + tc.name
		dir := path.Dir(rel)
		if toolCandidate(dir) {
			tc.toks = map[string]bool{}
			for w := range identifiers(body) {
				if candNames[w[strings.LastIndexByte(w, '.')+1:]] {
					tc.toks[w] = true
				}
			}
			classes = append(classes, tc)
			byPkg[tc.pkg] = append(byPkg[tc.pkg], tc)
		} else {
			stubs = append(stubs, tc)
		}
	}
	// Tool module trees: a class there is tool code when the tree has a
	// main and nothing outside it uses any of its classes (groupUsed).
	roots := map[string]bool{}
	for _, tc := range classes {
		tc.group = c.toolModuleRoot(path.Dir(tc.rel), roots)
	}
	groupUsed := map[string]bool{}
	// Prefixes (two package segments) of the production sources outside
	// stub trees: a stub tree's package with none of them is another
	// project's API.
	var own map[string]bool
	if len(stubs) > 0 {
		own = map[string]bool{}
		for _, tc := range classes {
			own[nsPrefix(tc.pkg)] = true
		}
	}
	pkgs := make([]string, 0, len(byPkg))
	for p := range byPkg {
		if p != "" {
			pkgs = append(pkgs, p)
		}
	}
	sort.Strings(pkgs)
	// One pass over a file finds which packages it names followed by a
	// dot, whatever their number (a search per package was most of this
	// index's time on a large tree).
	find := newPkgFinder(pkgs)
	// Tool classes used by production sources outside the tool packages.
	// Read by the scan's workers at once (every other worker waits for
	// this index); used and own are shared (mu), and what they end up
	// holding does not depend on the order files are read in.
	// The heads of the Java sources read here are marked for the used-by
	// index (each worker writes its own files' places).
	used := map[*toolClass]bool{}
	var mu sync.Mutex
	marks := make([]uint8, len(prod))
	c.each(len(others), func(i int) {
		rel := others[i]
		l, err := safefs.ReadLent(c.abs(rel), safefs.MaxSource) // walked, not followed: inside the root
		if err != nil {
			return
		}
		defer l.Release()
		data := l.Data
		if path.Ext(rel) == ".java" {
			marks[at[i]] = headMark(data[:min(len(data), HeadSize)])
		}
		var h *javaHead
		if toolSourceExts[path.Ext(rel)] {
			h = parseJavaHead(data)
			if d, ok := javaSignals(h, false); ok && !d.Production() {
				return // an Ant task, a test: its uses keep nothing in production
			}
			if own != nil {
				mu.Lock()
				own[nsPrefix(h.pkg)] = true
				mu.Unlock()
			}
		}
		var toks, codeToks map[string]bool
		var code []byte
		named := find.in(data)
		for _, p := range pkgs {
			same := h != nil && h.pkg == p
			if !same && !named[p] {
				continue
			}
			wild := same || bytes.Contains(data, []byte(p+".*"))
			if wild && toks == nil {
				toks = identifiers(data)
			}
			for _, tc := range byPkg[p] {
				// A use inside the class's own tool module tree (its
				// resources, its service files) keeps the class but not
				// the tree.
				inside := tc.group != "" && strings.HasPrefix(rel, tc.group+"/")
				mu.Lock()
				done := used[tc] && (inside || tc.group == "" || groupUsed[tc.group])
				mu.Unlock()
				if done {
					continue
				}
				if (wild && toks[tc.name]) || containsName(data, p+"."+tc.name) {
					// A tree is kept by code, not by a comment naming
					// one of its classes (a runtime class's "a stripped
					// down version of" the tool's).
					outside := tc.group != "" && !inside
					if outside && h != nil {
						if code == nil {
							code = blankComments(data)
						}
						if wild && codeToks == nil {
							codeToks = identifiers(code)
						}
						outside = (wild && codeToks[tc.name]) || containsName(code, p+"."+tc.name)
					}
					mu.Lock()
					used[tc] = true
					if outside {
						groupUsed[tc.group] = true
					}
					mu.Unlock()
				}
			}
		}
	})
	c.marks.Store(&marks)
	// Uses between tool classes: same package by simple name, others by
	// import or qualified name.
	// An explicit import puts the qualified name among the identifiers.
	uses := func(a *toolClass) []*toolClass {
		wild := map[string]bool{}
		for _, im := range a.imports {
			if p, ok := strings.CutSuffix(im, ".*"); ok {
				wild[p] = true
			}
		}
		var out []*toolClass
		for _, b := range classes {
			if b == a || b.pkg == "" {
				continue
			}
			if ((b.pkg == a.pkg || wild[b.pkg]) && a.toks[b.name]) || a.toks[b.fqn] {
				out = append(out, b)
			}
		}
		return out
	}
	edges := map[*toolClass][]*toolClass{}
	for _, a := range classes {
		edges[a] = uses(a)
		for _, b := range edges[a] {
			if b.group != "" && a.group != b.group {
				groupUsed[b.group] = true // another candidate's use: kept, whatever it turns out to be
			}
		}
	}
	reach := func(seeds []*toolClass) map[*toolClass]*toolClass {
		from := map[*toolClass]*toolClass{}
		var stack []*toolClass
		for _, s := range seeds {
			if _, ok := from[s]; !ok {
				from[s] = s
				stack = append(stack, s)
			}
		}
		for len(stack) > 0 {
			a := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, b := range edges[a] {
				if _, ok := from[b]; !ok {
					from[b] = from[a]
					stack = append(stack, b)
				}
			}
		}
		return from
	}
	var mains []*toolClass
	for _, tc := range classes {
		if tc.main && !used[tc] {
			mains = append(mains, tc)
		}
	}
	// A class no main reaches is an API of the package (a runtime helper,
	// a translator applications install): production, and so is all it
	// uses; so is what production code outside uses.
	fromMain := reach(mains)
	var prodSeeds []*toolClass
	for _, tc := range classes {
		if _, ok := fromMain[tc]; used[tc] || !ok {
			prodSeeds = append(prodSeeds, tc)
		}
	}
	production := reach(prodSeeds)
	for tc, m := range fromMain {
		if _, ok := production[tc]; !ok {
			idx.decided[tc.rel] = Decision{Class: CLI, Reason: toolReason, At: m.rel}
		}
	}
	// A tool module tree with a main that nothing outside uses is a
	// program (a code generator and its runtime support, JAX-WS's
	// wsimport, ANTLR's grammar compiler): its classes no main reaches by
	// name are its plug-ins and its programmatic front ends, not a
	// library's API.
	groupMain := map[string]string{}
	for _, tc := range classes {
		if tc.group != "" && tc.main && !groupUsed[tc.group] {
			if m, ok := groupMain[tc.group]; !ok || tc.rel < m {
				groupMain[tc.group] = tc.rel
			}
		}
	}
	for _, tc := range classes {
		if m, ok := groupMain[tc.group]; ok {
			idx.decided[tc.rel] = Decision{Class: CLI, Reason: toolModuleReason, At: m}
		}
	}
	for _, tc := range stubs {
		if tc.pkg != "" && !own[nsPrefix(tc.pkg)] {
			idx.decided[tc.rel] = Decision{Class: BuildTool, Reason: stubReason, At: stubsDir(tc.rel)}
		}
	}
}

// pkgFinder finds which of a set of packages occur in a file followed by
// a dot (p+"." anywhere in its bytes, as bytes.Contains finds it), in one
// pass over the file.
type pkgFinder struct {
	// byLast holds the packages of two segments or more by their last
	// segment: an occurrence of p+"." ends with that whole segment
	// between two dots.
	byLast map[string][]string
	// plain are searched for one by one: a package of one segment (which
	// may end a longer word) or with a byte no name holds.
	plain []string
}

func newPkgFinder(pkgs []string) *pkgFinder {
	f := &pkgFinder{byLast: map[string][]string{}}
	for _, p := range pkgs {
		k := strings.LastIndexByte(p, '.')
		ok := k > 0 && k < len(p)-1
		for i := 0; ok && i < len(p); i++ {
			ok = nameByte(p[i])
		}
		if ok {
			f.byLast[p[k+1:]] = append(f.byLast[p[k+1:]], p)
		} else {
			f.plain = append(f.plain, p)
		}
	}
	return f
}

// nameByte is a byte of a qualified name.
func nameByte(b byte) bool { return b == '.' || isIdentPart(b) }

// in returns the packages p for which data holds p+"."; nil for none.
func (f *pkgFinder) in(data []byte) map[string]bool {
	var out map[string]bool
	add := func(p string) {
		if out == nil {
			out = map[string]bool{}
		}
		out[p] = true
	}
	for _, p := range f.plain {
		if bytes.Contains(data, []byte(p+".")) {
			add(p)
		}
	}
	if len(f.byLast) == 0 {
		return out
	}
	// From dot to dot: the segment before a dot is the run of name bytes
	// that ends there. Each byte is stepped over at most once, and the
	// bytes between a segment and the next dot are skipped by IndexByte.
	for i := 0; ; i++ {
		j := bytes.IndexByte(data[i:], '.')
		if j < 0 {
			return out
		}
		i += j
		seg := i
		for seg > 0 && isIdentPart(data[seg-1]) {
			seg--
		}
		if i > seg {
			for _, p := range f.byLast[string(data[seg:i])] {
				if i >= len(p) && string(data[i-len(p):i]) == p {
					add(p)
				}
			}
		}
	}
}

// containsName reports a whole-word occurrence of a qualified name.
func containsName(data []byte, name string) bool {
	for off := 0; ; {
		i := bytes.Index(data[off:], []byte(name))
		if i < 0 {
			return false
		}
		start, end := off+i, off+i+len(name)
		// not the tail of a longer qualified name (com.h2.tools.Server)
		if (start == 0 || !isIdentPart(data[start-1]) && data[start-1] != '.') && (end >= len(data) || !isIdentPart(data[end])) {
			return true
		}
		off = end
	}
}

// identifiers returns the identifiers of a source, the qualified ones
// also whole ("a.b.C" gives a, b, C and a.b.C).
func identifiers(src []byte) map[string]bool {
	out := map[string]bool{}
	for i := 0; i < len(src); {
		if !isIdentStart(src[i]) || (i > 0 && isIdentPart(src[i-1])) {
			i++
			continue
		}
		name, j := ident(src, i)
		if name == "" || j <= i {
			i++
			continue
		}
		out[name] = true
		if strings.IndexByte(name, '.') >= 0 {
			for _, p := range strings.Split(name, ".") {
				out[p] = true
			}
			// qualified prefixes of a nested or member use (a.b.C.m)
			for k := strings.LastIndexByte(name, '.'); k > 0; k = strings.LastIndexByte(name[:k], '.') {
				out[name[:k]] = true
			}
		}
		i = j
	}
	return out
}

// nsPrefix is the first two segments of a package: its project's
// namespace (org.osgi, org.apache).
func nsPrefix(pkg string) string {
	segs := strings.SplitN(pkg, ".", 3)
	if len(segs) > 2 {
		segs = segs[:2]
	}
	return strings.Join(segs, ".")
}

// stubsDir is the path up to the stubs directory of rel.
func stubsDir(rel string) string {
	segs := segments(rel)
	for i, s := range segs {
		if s == "stubs" {
			return strings.Join(segs[:i+1], "/")
		}
	}
	return rel
}

// each calls fn for 0..n-1, on Options.Jobs goroutines at once; fn must
// be safe for that.
func (c *Classifier) each(n int, fn func(i int)) {
	jobs := min(c.opts.Jobs, n)
	if jobs <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// productionFiles are the sources (toolSourceExts) and service files of
// the production directories, in walk order: what both indexes read,
// walked once for both. Each index asks once.
func (c *Classifier) productionFiles() []string {
	c.prodOnce.Do(func() {
		c.walkProduction(func(rel, name string) bool {
			if toolSourceExts[path.Ext(name)] || strings.Contains(rel, "META-INF/services/") {
				c.prod = append(c.prod, rel)
				return true
			}
			return false
		})
	})
	c.mu.Lock()
	defer c.mu.Unlock()
	prod := c.prod
	if c.prodTakes++; c.prodTakes == 2 {
		c.prod = nil
	}
	return prod
}

// walkProduction calls keep with the slash path and base name of each
// regular file in the production directories of the tree (hidden ones
// skipped); keep reports whether it took the file, and at most
// maxToolIndexFiles are taken.
func (c *Classifier) walkProduction(keep func(rel, name string) bool) {
	c.walks++
	c.walkFiles(func(rel string) bool { return c.Dir(rel).Production() },
		func(_, rel, name string) bool { return keep(rel, name) }, nil)
}

// walkFiles calls keep with the path, slash path and base name of each
// regular file under the directories enter admits (hidden ones skipped),
// until maxToolIndexFiles were taken (keep reports whether it took one)
// or done, when set, reports true.
func (c *Classifier) walkFiles(enter func(rel string) bool, keep func(p, rel, name string) bool, done func() bool) {
	if l := c.rootListing(); l != nil {
		c.walkListing(l, enter, keep, done)
		return
	}
	n := 0
	for _, top := range c.walkRoots() {
		c.walkFrom(top, &n, enter, keep, done)
	}
}

// walkRoots are the directories the indexes read: for each directory
// named to scan (and each named file's directory), the project holding it
// (the nearest directory at or above it, within the root, with a build
// file or a .git), or itself when none does. A scan of src/main/java run
// in a repository reads the repository, so its tests still name their
// helpers; a scan of one module of a tree of projects, or of a directory
// of an unrelated parent (a home directory, /tmp), reads that alone.
func (c *Classifier) walkRoots() []string {
	starts := append(append([]string(nil), c.opts.Targets...), c.opts.FileDirs...)
	if len(starts) == 0 {
		return []string{c.root}
	}
	var tops []string
	for _, t := range starts {
		t = c.projectOf(clean(t))
		if t == "" || t == "." {
			return []string{c.root}
		}
		tops = append(tops, t)
	}
	slices.Sort(tops)
	var out []string
	for _, t := range tops {
		if n := len(out); n > 0 {
			if last := out[n-1]; t == last || strings.HasPrefix(t, last+"/") {
				continue // inside a directory already walked
			}
		}
		out = append(out, t)
	}
	for i, t := range out {
		out[i] = filepath.Join(c.root, filepath.FromSlash(t))
	}
	return out
}

// projectMarkers are the files whose directory is a project's.
var projectMarkers = []string{"pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "build.xml", ".git"}

// projectOf is the nearest directory at or above rel (a slash path below
// the root), up to the root itself, holding a project marker; rel when
// none does.
func (c *Classifier) projectOf(rel string) string {
	if rel == "" || rel == "." {
		return "."
	}
	for d := rel; ; d = path.Dir(d) {
		for _, m := range projectMarkers {
			if _, err := os.Lstat(filepath.Join(c.root, filepath.FromSlash(d), m)); err == nil {
				return d
			}
		}
		if d == "." || d == "/" {
			return rel
		}
	}
}

func (c *Classifier) walkFrom(top string, np *int, enter func(rel string) bool, keep func(p, rel, name string) bool, done func() bool) {
	n := *np
	defer func() { *np = n }()
	filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
		if err != nil || n >= maxToolIndexFiles || done != nil && done() {
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		rel, rerr := filepath.Rel(c.root, p)
		if rerr != nil {
			return nil
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == "." {
				return nil
			}
			if p != top && strings.HasPrefix(d.Name(), ".") || !enter(rel) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		if keep(p, rel, d.Name()) {
			n++
		}
		return nil
	})
}

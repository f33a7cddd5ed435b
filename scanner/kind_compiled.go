package scanner

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/archive"
	"github.com/kscan/kscan/scanner/bytecode"
	"github.com/kscan/kscan/scanner/classfile"
	"github.com/kscan/kscan/scanner/deps"
	"github.com/kscan/kscan/scanner/finding"
	"github.com/kscan/kscan/scanner/scope"
	"github.com/kscan/kscan/scanner/slim"
)

// copyClassBytes (facts that share no memory with the class bytes) and
// scribbleClasses (each class's bytes overwritten once it is scanned) are
// for the test that holds the copies of what outlives a class to their
// word.
var copyClassBytes, scribbleClasses = false, false

// noMemo scans every copy of a class as if it were the first (tests).
var noMemo = false

// compiledKind scans compiled code: jars, wars, ears and class files. Each
// archive is walked once, and that walk feeds the class jobs of the worker
// pool, the class-path index (classes and service providers, for the
// project rules) and the archive's metadata (its coordinates and bundled
// jars, for the dependency rules).
type compiledKind struct{}

func (compiledKind) name() string { return kindCompiled }

func (compiledKind) wants(rel string, d fs.DirEntry) bool {
	return isArchiveFile(rel) || isClassFile(rel)
}

func isArchiveFile(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".jar", ".war", ".ear":
		return true
	}
	return false
}

func isClassFile(p string) bool { return strings.HasSuffix(p, ".class") }

// classJob is one class file, or one configuration file inside an
// archive, for the worker pool.
type classJob struct {
	data   []byte
	path   string // logical path: "lib/a.jar!/com/acme/Foo.class", or the class file's path
	anchor string // the outermost file in the scanned tree: the jar, or the class file
	role   facts.Role
	// resource marks a configuration file inside an archive (logback.xml,
	// application.properties) for the rules that read such files.
	resource bool
	// A class of an archive met before (classMemos.again) is keyed: hit is
	// the memo of its scan, if one was kept. headClean: its bytes said
	// nothing of where it runs (scope.Classifier.EntryHead).
	keyed     bool
	key       memoKey
	hit       *classMemo
	headClean bool
	// raw keys the entry as it lies in its archive (hasRaw), for the memo
	// kept of its scan; size is its size, data nil when it was not inflated.
	raw    rawKey
	hasRaw bool
	size   int64
}

func (compiledKind) scan(ctx context.Context, files []input, e *env) error {
	if len(files) == 0 {
		return nil
	}
	p := e.plan
	if e.opts.ParseOnly {
		p = &plan{} // parse every class, run no rule
	}
	// Each worker walks whole inputs and scans their classes as it reads
	// them: inflating entries runs on every worker, and one extractor and
	// one entry buffer per worker are reused from class to class. Largest
	// first, so that no worker is left with a big jar at the end.
	bySize := append([]input(nil), files...)
	sort.SliceStable(bySize, func(i, j int) bool { return bySize[i].size > bySize[j].size })
	inputs := make(chan input)
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		defer close(inputs)
		for _, b := range bySize {
			select {
			case inputs <- b:
			case <-gctx.Done():
				return gctx.Err()
			}
		}
		return nil
	})
	// What all workers may hold of archives read whole (jarMem).
	jarBudget := semaphore.NewWeighted(wholeJarsHeld)
	interest := bytecode.ForRules(p.classCalls, p.classOwned, p.interest.News)
	if e.opts.ParseOnly {
		interest = bytecode.Interest{}
	}
	// Copies of a class are scanned once (classMemo); a scan that only
	// parses runs no rule to reuse.
	if !e.opts.ParseOnly && !noMemo {
		e.memos = newClassMemos()
	}
	for w := 0; w < e.opts.Jobs; w++ {
		g.Go(func() error {
			bx := bytecode.NewExtractor(interest)
			// A class's facts live in buf until the next class is read
			// into it: what outlives the class (findings, the call graph's
			// summaries, the project's facts) is copied where it is kept.
			if !copyClassBytes {
				bx.ShareData()
			}
			var buf []byte
			jars := &jarMem{budget: jarBudget}
			defer jars.release()
			var sums []facts.Summary // the call graph's summaries of a class, reused
			// The worker's time not spent on a class's facts, rules or
			// call graph went to reading and inflating.
			var work Work
			started := time.Now()
			defer func() {
				work.Read = time.Since(started) - work.Extract - work.Rules - work.Graph
				e.count(func(s *Stats) { s.Phases.ClassWork.add(work) })
			}()
			scan := func(j classJob) error {
				if e.depsOnly {
					return nil
				}
				size := int64(len(j.data))
				if j.data == nil {
					size = j.size // a copy not inflated
				}
				e.count(func(s *Stats) { s.Bytes += size })
				if j.resource {
					e.report(scanArchivedResource(j, p))
					return gctx.Err()
				}
				memo, key := j.keyed, j.key
				if memo {
					if m := j.hit; m != nil {
						if j.hasRaw && j.data != nil {
							// Found by its inflated bytes (its first copies
							// had no raw key kept): the next copies are
							// found as they lie.
							e.memos.putRaw(j.raw, rawMemo{key: key, memo: m})
						}
						// A copy of a class scanned before: its findings
						// placed on this copy; the call graph has its
						// summaries, the project index its facts.
						t := time.Now()
						e.report(m.place(j))
						if m.project {
							e.index.keepCopy(key.sum, j.path, key.test, entryAt{anchor: j.anchor, role: j.role})
						}
						work.Rules += time.Since(t)
						e.count(func(s *Stats) {
							s.Classes++
							s.Reused++
							if j.data == nil {
								s.Uninflated++
							}
						})
						return gctx.Err()
					}
				}
				out := scanClass(bx, j, p, &work)
				e.report(out.findings)
				for _, n := range out.notes {
					e.notify(n)
				}
				if out.facts != nil {
					if !e.opts.ParseOnly {
						t := time.Now()
						e.graphs.addClass(j.anchor, out.facts, &sums)
						work.Graph += time.Since(t)
					}
					e.count(func(s *Stats) { s.Classes++ })
					project := false
					if p.hasProject {
						if memo {
							project = e.index.keepClassKey(key.sum, out.facts, j.path, entryAt{anchor: j.anchor, role: j.role})
						} else {
							e.index.keepClass(j.data, out.facts, j.path, entryAt{anchor: j.anchor, role: j.role})
						}
					}
					// A class that could not be read whole is scanned again
					// in each copy, reporting its problems there.
					if memo && len(out.notes) == 0 {
						if m := newClassMemo(j, out.diags, out.lineOf, out.sourceFile, project); m != nil {
							e.memos.put(key, m)
							if j.hasRaw {
								e.memos.putRaw(j.raw, rawMemo{key: key, memo: m})
							}
						}
					}
				}
				return gctx.Err()
			}
			for b := range inputs {
				rel := b.rel()
				if !e.depsOnly && e.setAsideByPath(b, rel) {
					e.tick() // a fixture jar under src/test/resources, a *-tests.jar
					continue
				}
				if isClassFile(rel) {
					if !e.depsOnly {
						data, err := safefs.ReadFile(b.abs(), maxClassSize(e.opts.Archive))
						if err != nil {
							e.notify(finding.Notification{Path: rel, Level: rules.LevelError, Kind: "read-error", Message: "cannot read: " + errText(err)})
						} else if !e.opts.ParseOnly && !e.production(b, rel, data) {
							// a test class compiled beside the sources
						} else {
							if p.classRefs && e.role(rel) == facts.RoleModule {
								looseRefs(e, rel, data)
							}
							if err := scan(classJob{data: data, path: rel, anchor: rel, role: e.role(rel)}); err != nil {
								return err
							}
						}
					}
					e.tick()
					continue
				}
				e.count(func(s *Stats) { s.Archives++ })
				if !e.depsOnly && !e.opts.ParseOnly && !b.named {
					e.tally.Add(e.scope.Archive(rel, nil)) // production: the path alone did not set it aside
				}
				if err := walkArchive(gctx, b, rel, e, p, scan, &buf, jars); err != nil {
					return err
				}
				e.tick()
			}
			return gctx.Err()
		})
	}
	return g.Wait()
}

func maxClassSize(o archive.Options) int64 {
	if o.MaxEntrySize > 0 {
		return o.MaxEntrySize
	}
	return archive.DefaultMaxEntrySize
}

// classNameOf is the binary name of a class entry, with the fat-jar and
// war prefixes taken off; "" for anything else.
func classNameOf(entry string) string {
	if !isClassFile(entry) || strings.HasSuffix(entry, "module-info.class") {
		return ""
	}
	n := strings.TrimSuffix(entry, ".class")
	for _, pre := range []string{"BOOT-INF/classes/", "WEB-INF/classes/", "META-INF/versions/"} {
		if strings.HasPrefix(n, pre) {
			n = strings.TrimPrefix(n, pre)
			if pre == "META-INF/versions/" {
				if i := strings.IndexByte(n, '/'); i >= 0 {
					n = n[i+1:]
				}
			}
		}
	}
	return strings.ReplaceAll(n, "/", ".")
}

// jarMeta collects the metadata entries of one archive.
type jarMeta struct {
	pomProps map[string][]byte
	manifest []byte
}

// walkArchive walks one archive, once: classes and configuration files go
// to the worker pool, provider files and class names to the class-path
// index, pom.properties and manifests to the archive's build project.
// readEntry reads a class entry into *buf, which the caller reuses for the
// next class once the class is scanned: a worker allocates no class bytes.
func readEntry(en *archive.Entry, buf *[]byte) ([]byte, error) {
	rc, err := en.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b := (*buf)[:0]
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := rc.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			*buf = b
			return b, nil
		}
		if err != nil {
			*buf = b
			return nil, err
		}
	}
}

// wholeJar is the size up to which an archive is read into memory in one
// go before its walk: inflating an entry then reads no file, where reading
// it from the file costs a system call per 4 KiB the inflater asks for and
// one per entry header (5% of a jar scan's CPU time). Larger archives,
// fat jars above all, are read where they lie, so the memory a worker
// holds stays bounded.
var wholeJar int64 = 8 << 20 // a variable for the tests

// wholeJarsHeld bounds the buffers of archives read whole that all workers
// hold at once: each worker keeps its buffer from archive to archive, and
// sixty-four workers each holding one of 8 MiB would hold 512 MiB. A
// worker that finds the budget spent reads its archive where it lies.
var wholeJarsHeld int64 = 64 << 20 // a variable for the tests

// jarMem is one worker's buffer for archives read whole, and what it holds
// of the workers' budget for it.
type jarMem struct {
	buf    []byte
	held   int64
	budget *semaphore.Weighted
}

// get returns a buffer of size bytes, false when the budget has no room
// for a larger buffer than the worker holds.
func (m *jarMem) get(size int64) ([]byte, bool) {
	// Never a nil buffer, even for an empty archive: walkArchive takes
	// nil bytes for an archive not read whole.
	if m.buf != nil && int64(cap(m.buf)) >= size {
		return m.buf[:size], true
	}
	if !m.budget.TryAcquire(size - m.held) {
		return nil, false
	}
	m.buf, m.held = make([]byte, size), size
	return m.buf, true
}

func (m *jarMem) release() {
	m.budget.Release(m.held)
	m.buf, m.held = nil, 0
}

func walkArchive(ctx context.Context, b input, rel string, e *env, p *plan, send func(classJob) error, buf *[]byte, jars *jarMem) error {
	f, size, err := safefs.Open(b.abs(), 0)
	if err != nil {
		e.notify(finding.Notification{Path: rel, Level: rules.LevelError, Kind: "read-error", Message: "cannot read: " + errText(err)})
		return nil
	}
	defer f.Close()
	var r io.ReaderAt = f
	var mem []byte // the archive's bytes, when read whole
	var data []byte
	whole := false
	if size <= wholeJar {
		data, whole = jars.get(size) // false when the workers' budget is spent
	}
	if whole {
		// A file that shrank since its size was read is walked as it was
		// read; one that grew is read to its first size, as ReadAt would.
		n, err := io.ReadFull(f, data)
		if err != nil && err != io.ErrUnexpectedEOF {
			e.notify(finding.Notification{Path: rel, Level: rules.LevelError, Kind: "read-error", Message: "cannot read: " + errText(err)})
			return nil
		}
		mem = data[:n]
		r, size = bytes.NewReader(mem), int64(n)
	}
	var mu sync.Mutex // the visitor runs on the walk's goroutine; metas is also read after
	metas := map[string]*jarMeta{}
	sizes := map[string]int64{} // nested jars' bytes, as their entries declare them
	archiveScope := e.scope.Archive(rel, nil)
	if b.named {
		archiveScope = scope.Decision{Class: scope.Production, Reason: "named to scan"} // its entries are still classified
	}
	kind := archive.KindPlain
	// The number of the last archive reference met, for the class index:
	// consecutive entries nearly always share it.
	var lastRef facts.ArchiveRef
	lastID := int32(-1)
	addClass := func(name string, ref facts.ArchiveRef) {
		if lastID < 0 || ref != lastRef {
			lastRef, lastID = ref, e.index.archiveIDOf(ref)
		}
		e.index.addClass(name, lastID)
	}
	v := archive.VisitorFuncs{
		EntryFunc: func(en *archive.Entry) error {
			if en.Depth == 0 {
				kind = en.ArchiveKind
			}
			if en.IsArchive {
				// Its size: what packaging it costs (packaged-but-base-provides).
				mu.Lock()
				sizes[en.Path] = en.Size
				mu.Unlock()
				return nil
			}
			role := e.roles.roleIn(rel, en.Layout)
			ref := facts.ArchiveRef{Archive: en.Archive, Anchor: rel, Role: role}
			switch name := classNameOf(en.Name); {
			case name != "":
				if e.depsOnly {
					return nil
				}
				own := p.classRefs && role == facts.RoleModule && ownCode(en.Layout)
				if !p.classFacts && !e.opts.ParseOnly && !own {
					// No rule reads this class's facts: its name is all
					// the scan needs, and its bytes are not inflated.
					addClass(name, ref)
					e.count(func(s *Stats) { s.Classes++ })
					return nil
				}
				j := classJob{path: en.Path, anchor: rel, role: role}
				again := e.memos != nil && e.memos.again(en.CRC32, en.Size)
				if again && !own {
					if raw := en.Raw(); raw != nil {
						j.raw, j.hasRaw = e.index.rawKey(en, raw, role), true
						if r, ok := e.memos.getRaw(j.raw); ok && (r.memo.headClean || e.opts.IncludeNonProduction) {
							// A copy, as it lies in its archive, of a class
							// scanned before whose bytes said nothing of where
							// it runs: taken as read, not inflated.
							j.keyed, j.key, j.hit = true, r.key, r.memo
						}
					}
				}
				if j.hit != nil {
					if en.Charge() != nil {
						return nil // reported to ProblemFunc
					}
					j.size = en.Size
				} else {
					data, err := readEntry(en, buf)
					if err != nil {
						return nil // reported to ProblemFunc
					}
					j.data, j.size = data, int64(len(data))
					if again {
						// Met before: hashed, and scanned no more once a
						// scan of it is kept (classMemo).
						j.keyed, j.key = true, e.index.memoKey(j, en.Name)
						j.hit = e.memos.get(j.key)
					}
				}
				addClass(name, ref)
				if !e.opts.IncludeNonProduction && !e.opts.ParseOnly {
					// A test or benchmark class inside a jar, a Maven goal.
					head := j.data
					if j.hit != nil && j.hit.headClean {
						head = nil // a copy whose bytes said nothing: not read again
					}
					d, clean := e.scope.EntryHead(archiveScope, en.Archive, en.Name, head)
					if !d.Production() {
						e.tally.AddEntry(d)
						return nil
					}
					j.headClean = clean || head == nil
				}
				if own {
					if _, refs := classRefs(j.data); len(refs) > 0 {
						e.index.addRefs(ref, en.Path, refs)
					}
				}
				if !p.classFacts && !e.opts.ParseOnly {
					e.count(func(s *Stats) { s.Classes++ })
					return nil
				}
				err = send(j)
				if scribbleClasses {
					// Whatever still points into the class's bytes now
					// reads garbage (tests: nothing may).
					for i := range j.data {
						j.data[i] = 0xA5
					}
				}
				return err
			case en.Archive == rel && isAntlib(en.Name):
				e.index.addAntlib(rel, antlib{abs: b.abs(), entry: en.Name, d: archiveScope, named: b.named})
			case isJarMeta(en.Name):
				data, err := en.ReadAll()
				if err != nil {
					return nil
				}
				mu.Lock()
				m := metas[en.Archive]
				if m == nil {
					m = &jarMeta{pomProps: map[string][]byte{}}
					metas[en.Archive] = m
				}
				if en.Name == "META-INF/MANIFEST.MF" {
					m.manifest = data
				} else {
					m.pomProps[en.Name] = data
				}
				mu.Unlock()
			case e.depsOnly:
			case len(p.resources) > 0 && matchesAny(path.Base(en.Name), p.resources):
				data, err := en.ReadAll()
				if err != nil {
					return nil
				}
				return send(classJob{data: data, path: en.Path, anchor: rel, role: role, resource: true})
			case isProviderFile(en.Name):
				data, err := en.ReadAll()
				if err != nil {
					return nil
				}
				for _, key := range providedKeys(en.Name, data) {
					e.index.addProvider(key, ref)
				}
			}
			return nil
		},
		ProblemFunc: func(pr archive.Problem) {
			if e.depsOnly {
				return
			}
			level := rules.LevelWarning
			switch pr.Kind {
			case archive.ProblemUnsafeName, archive.ProblemDuplicateName:
				level = rules.LevelNote // the entry is still scanned
			}
			e.notify(finding.Notification{Path: rel, Level: level, Kind: "archive-" + kebab(pr.Kind.String()), Message: pr.Error()})
		},
	}
	// The walk fails only when the scan is cancelled or a job cannot be sent.
	if mem != nil {
		err = archive.WalkBytes(ctx, rel, mem, e.opts.Archive, v)
	} else {
		err = archive.WalkReader(ctx, rel, r, size, e.opts.Archive, v)
	}
	if err != nil {
		return err
	}
	if scribbleClasses && r != io.ReaderAt(f) {
		// The next archive is read into the same buffer: whatever
		// still points into this one now reads garbage (tests: nothing may).
		for i := range jars.buf[:size] {
			jars.buf[i] = 0xA5
		}
	}
	e.index.sealArchive(rel)
	if kind == archive.KindFatJar {
		e.index.addFatJar(rel)
	}
	proj := jarProject(rel, kind, metas, sizes, e.roles)
	if kind == archive.KindArkBiz && proj.Role == facts.RoleModule {
		// What the biz left to its base, and why, as kscan slim reads it.
		for _, n := range slim.ApplyBiz(proj, b.abs()) {
			e.notify(finding.Notification{Path: n.File, Line: n.Line, Level: rules.Level(n.Level), Kind: n.Kind, Message: n.Message})
		}
	}
	e.addProject(proj)
	return nil
}

// ownCode reports the layouts of an application's own classes (the root
// of an ark-biz, BOOT-INF/classes or WEB-INF/classes), as opposed to the
// libraries packaged beside them.
func ownCode(l archive.Layout) bool {
	switch l {
	case archive.LayoutArkBizClasses, archive.LayoutBootInfClasses, archive.LayoutWebInfClasses:
		return true
	}
	return false
}

// classRefs lists the classes outside the platform that a class file
// references (binary names), each with the methods that reference it
// ("com.acme.Foo.bar"); nil when the class does not parse (the class
// scan reports that).
func classRefs(data []byte) (string, map[string]map[string]bool) {
	c, err := classfile.Parse(data)
	if err != nil {
		return "", nil
	}
	cls := strings.ReplaceAll(c.Name, "/", ".")
	out := map[string]map[string]bool{}
	classfile.References(c, func(name, method string) {
		if name == c.Name || rules.InJDK(name) {
			return
		}
		where := cls + " (extends or implements)"
		if method != "" {
			where = cls + "." + method
		}
		n := strings.ReplaceAll(name, "/", ".")
		if out[n] == nil {
			out[n] = map[string]bool{}
		}
		out[n][where] = true
	})
	return strings.Clone(c.Name), out
}

// looseRefs records a module's class file found loose in the tree
// (biz/target/classes/com/acme/Foo.class): its class directory is the
// code unit, as an ark-biz is for its classes.
func looseRefs(e *env, rel string, data []byte) {
	name, refs := classRefs(data)
	dir, ok := strings.CutSuffix(rel, name+".class")
	if name == "" || !ok || (dir != "" && !strings.HasSuffix(dir, "/")) {
		return // not where its package puts it: no class directory to speak of
	}
	dir = strings.TrimSuffix(dir, "/")
	if dir == "" {
		dir = "."
	}
	unit := facts.ArchiveRef{Archive: dir, Anchor: dir, Role: facts.RoleModule}
	e.index.addLooseClass(unit, strings.ReplaceAll(name, "/", "."), rel, refs)
}

func isJarMeta(name string) bool {
	return name == "META-INF/MANIFEST.MF" || strings.HasPrefix(name, "META-INF/maven/") && strings.HasSuffix(name, "/pom.properties")
}

func kebab(s string) string { return strings.ReplaceAll(strings.ToLower(s), " ", "-") }

// jarProject turns a scanned archive into a build project for the
// dependency rules: the coordinates of every jar in it (its own and those
// nested in BOOT-INF/lib, WEB-INF/lib or an ark biz's lib/), from
// pom.properties, else the manifest, else the file name. A base fat jar is
// a base, so its libraries are the base's dependencies and
// adapter-required can tell which adapters a built base lacks.
// sizes are the nested jars' bytes by logical path: what packaging each
// costs.
func jarProject(rel string, kind archive.Kind, metas map[string]*jarMeta, sizes map[string]int64, ro *roles) *facts.BuildProject {
	order := make([]string, 0, len(metas))
	for n := range metas {
		order = append(order, n)
	}
	sort.Strings(order)
	d := ro.inArchive(rel, 0, kind)
	p := &facts.BuildProject{Path: rel, Dir: path.Dir(rel), Kind: "jar", Role: d.Role, RoleWhy: d.Reason, Resolved: true}
	for _, name := range order {
		m := metas[name]
		for _, d := range deps.FromJarMetadata(name, m.pomProps, m.manifest) {
			if d.Shaded {
				continue // bundled inside another artifact: not on the class path as itself
			}
			if d.GroupID == "" || d.ArtifactID == "" {
				continue // a name without a group cannot match the adapter table
			}
			// The archive's own coordinates describe the project, not a dependency.
			if name == rel {
				if p.ArtifactID == "" {
					p.GroupID, p.ArtifactID, p.Version = d.GroupID, d.ArtifactID, d.Version
				}
				continue
			}
			p.Dependencies = append(p.Dependencies, facts.Dependency{
				GroupID: d.GroupID, ArtifactID: d.ArtifactID, Version: d.Version,
				Scope: "compile", Path: rel, Source: d.Source.String(), Confidence: d.Confidence.String(),
				Evidence: d.Evidence, Size: sizes[name],
			})
		}
	}
	return p
}

// isProviderFile names the files that declare providers: a service file
// under META-INF/services/, or META-INF/spring.factories.
func isProviderFile(name string) bool {
	return strings.HasPrefix(name, "META-INF/services/") && len(name) > len("META-INF/services/") ||
		name == "META-INF/spring.factories"
}

// providedKeys lists what a provider file provides: its service interface
// when it names at least one provider, or "spring.factories KEY" for each
// key of a spring.factories file.
func providedKeys(name string, data []byte) []string {
	if name == "META-INF/spring.factories" {
		var keys []string
		for _, k := range factoryKeys(data) {
			keys = append(keys, "spring.factories "+k)
		}
		return keys
	}
	if hasProvider(data) {
		return []string{strings.TrimPrefix(name, "META-INF/services/")}
	}
	return nil
}

// hasProvider reports a provider line: not blank, not only a comment.
func hasProvider(data []byte) bool {
	for _, l := range bytes.Split(data, []byte("\n")) {
		if i := bytes.IndexByte(l, '#'); i >= 0 {
			l = l[:i]
		}
		if len(bytes.TrimSpace(l)) > 0 {
			return true
		}
	}
	return false
}

// factoryKeys lists the keys of a spring.factories properties file.
func factoryKeys(data []byte) []string {
	var keys []string
	cont := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		wasCont := cont
		cont = strings.HasSuffix(l, "\\")
		if wasCont || l == "" || l[0] == '#' || l[0] == '!' {
			continue
		}
		if i := strings.IndexAny(l, "=:"); i > 0 {
			keys = append(keys, strings.TrimSpace(l[:i]))
		}
	}
	return keys
}

type classOut struct {
	findings []finding.Finding
	notes    []finding.Notification
	facts    *facts.File
	// What a memo of the class needs (classMemo): its diagnostics, placed,
	// and where they are in its source; valid until the worker's next class.
	diags      []rules.Diagnostic
	lineOf     func(int) int
	sourceFile string
}

// scanClass parses one class and runs the per-file rules on its facts; a
// panic is contained to the class.
func scanClass(bx *bytecode.Extractor, j classJob, p *plan, work *Work) (out classOut) {
	defer func() {
		if r := recover(); r != nil {
			out = classOut{notes: []finding.Notification{{Path: j.anchor, Level: rules.LevelError, Kind: "internal",
				Message: fmt.Sprintf("%s: internal error, class skipped: %v", j.path, r)}}}
		}
	}()
	t := time.Now()
	bf, problems, err := bx.ExtractClass(j.data, j.path)
	work.Extract += time.Since(t)
	t = time.Now()
	defer func() { work.Rules += time.Since(t) }()
	if err != nil {
		out.notes = append(out.notes, finding.Notification{Path: j.anchor, Level: rules.LevelWarning, Kind: "class-format",
			Message: j.path + ": not a readable class file: " + err.Error() + "; skipped"})
		return out
	}
	for _, pr := range problems {
		out.notes = append(out.notes, finding.Notification{Path: j.anchor, Level: rules.LevelWarning, Kind: "class-format",
			Message: j.path + ": method " + pr.Method + ": " + pr.Err.Error() + "; scanned in part"})
	}
	bf.File.Test = isTestPath(j.path)
	out.facts = bf.File
	var diags []rules.Diagnostic
	// One pass for every rule of the class: only its rule changes.
	pass := rules.NewPass(nil, bf.File, j.role, blankText(bf.Size), nil, func(d rules.Diagnostic) { diags = append(diags, d) })
	for _, r := range p.rules {
		if r.Check == nil || !p.runs(r, j.role) {
			continue
		}
		pass.Rule = r
		r.Check(pass)
	}
	out.findings = place(where{path: j.anchor, role: j.role, entry: j.path, sourceFile: bf.SourceFile, lineOf: bf.Line}, diags)
	out.diags, out.lineOf, out.sourceFile = diags, bf.Line, bf.SourceFile
	return out
}

// blank stands in for the source text of a class: rules that read text
// around a span find only spaces, as if the code had no text to show. It
// is shared, read only, and grows to the largest class asked for (up to
// maxBlank), so that a run pays for what its classes need rather than a
// megabyte at start-up.
var blank atomic.Pointer[[]byte]

const maxBlank = 1 << 20

func blankText(n int) []byte {
	cur := blank.Load()
	if cur != nil && n <= len(*cur) {
		return (*cur)[:n:n]
	}
	if n > maxBlank {
		return bytes.Repeat([]byte{' '}, n)
	}
	size := 4096
	for size < n {
		size *= 2
	}
	b := bytes.Repeat([]byte{' '}, size)
	for cur == nil || len(*cur) < size {
		if blank.CompareAndSwap(cur, &b) {
			break
		}
		cur = blank.Load()
	}
	return b[:n:n]
}

// scanArchivedResource runs the rules that read configuration files on one
// found inside an archive. Findings point at the outermost archive and name
// the entry and its line, as class findings do.
func scanArchivedResource(j classJob, p *plan) []finding.Finding {
	base := path.Base(j.path)
	var diags []rules.Diagnostic
	for _, r := range p.rules {
		if r.CheckResource == nil || !matchesAny(base, r.Resources) {
			continue
		}
		r.CheckResource(rules.NewResourcePass(r, j.path, j.data, j.role, func(d rules.Diagnostic) { diags = append(diags, d) }))
	}
	if len(diags) == 0 {
		return nil
	}
	ls := newLines(j.data)
	return place(where{path: j.anchor, role: j.role, entry: j.path, sourceFile: base, lineOf: func(off int) int { l, _ := ls.pos(off); return l }}, diags)
}

package scanner

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/archive"
	"github.com/kscan/kscan/scanner/bytecode"
	"github.com/kscan/kscan/scanner/classfile"
)

// binInput is a compiled input: a jar, war or ear, or a class file of an
// exploded class directory.
type binInput struct {
	abs, rel string
	size     int64
	class    bool
}

func isArchiveFile(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".jar", ".war", ".ear":
		return true
	}
	return false
}

func isClassFile(p string) bool { return strings.HasSuffix(p, ".class") }

// isBinaryTarget reports the files that the compiled-code scan reads, so
// that source discovery leaves them to it.
func isBinaryTarget(p string) bool { return isArchiveFile(p) || isClassFile(p) }

// discoverBinaries lists the archives and class files under the targets.
// Directories skipped for sources (target, build, ...) are skipped here
// too unless named as a target, so a source tree is not also scanned
// through its build output; `kscan scan target/classes app.jar` scans them.
func discoverBinaries(targets []string, root string, excludes []string) []binInput {
	var out []binInput
	seen := map[string]bool{}
	add := func(abs string, size int64) {
		if seen[abs] {
			return
		}
		seen[abs] = true
		rel, err := filepath.Rel(root, abs)
		if err != nil {
			rel = abs
		}
		out = append(out, binInput{abs: abs, rel: filepath.ToSlash(rel), size: size, class: isClassFile(abs)})
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
			if fi.Mode().IsRegular() && isBinaryTarget(abs) {
				add(abs, fi.Size())
			}
			continue
		}
		_ = filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // source discovery reports unreadable paths
			}
			rel, _ := filepath.Rel(root, p)
			rel = filepath.ToSlash(rel)
			if d.IsDir() {
				if p != abs && (skipDirs[d.Name()] || excluded(rel, excludes)) {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && isBinaryTarget(p) && !excluded(rel, excludes) {
				if fi, err := d.Info(); err == nil {
					add(p, fi.Size())
				}
			}
			return nil
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].rel < out[j].rel })
	return out
}

// classJob is one class file to parse.
type classJob struct {
	data   []byte
	path   string // logical path: "lib/a.jar!/com/acme/Foo.class", or the class file's path
	anchor string // the outermost file in the scanned tree: the jar, or the class file
	role   facts.Role
	layout archive.Layout
	// resource marks a configuration file inside an archive (logback.xml,
	// application.properties) for the rules that read such files.
	resource bool
}

// binClass is what the project pass needs to place a finding in a class.
type binClass struct {
	anchor string
	role   facts.Role
}

// binResult is the outcome of the compiled-code scan.
type binResult struct {
	findings []rules.Finding
	notes    []rules.Notification
	kept     []*facts.File
	classes  map[string]binClass // by logical path
	archives int
	parsed   int
	bytes    int64
}

// layoutRole is the role an archive's layout gives its code:
// a fat jar or war is taken to be a base, so its libraries are shared; an
// ark-biz's own code is a module and its lib/ jars are private to it.
func layoutRole(l archive.Layout) (facts.Role, bool) {
	switch l {
	case archive.LayoutBootInfClasses, archive.LayoutWebInfClasses:
		return facts.RoleBase, true
	case archive.LayoutBootInfLib, archive.LayoutWebInfLib, archive.LayoutArkPlugin, archive.LayoutEarLib:
		return facts.RoleShared, true
	case archive.LayoutArkBizClasses:
		return facts.RoleModule, true
	case archive.LayoutArkBizLib:
		return facts.RolePrivate, true
	}
	return facts.RoleUnknown, false
}

// binRole decides the role of a class: a path rule of the configuration
// that matches its jar first, then the archive's layout, then the role of
// where the jar sits.
func (r *roles) binRole(anchor string, l archive.Layout) facts.Role {
	for _, p := range r.paths {
		if excluded(anchor, []string{p.Glob}) {
			return r.of(anchor)
		}
	}
	if ro, ok := layoutRole(l); ok {
		return ro
	}
	return r.of(anchor)
}

// binIndex answers HasType for bytecode rules: a class of the scanned
// archives or a source of the tree.
type binIndex struct {
	src     typeIndex
	classes map[string]bool
}

func (x binIndex) HasType(fqn string) bool { return x.classes[fqn] || x.src.HasType(fqn) }

// scanBinaries walks the archives and class files, parses every class on
// the worker pool and runs the per-file rules on its bytecode facts.
// Problems with an archive or a class become notifications naming the
// archive and entry; the scan goes on.
func scanBinaries(ctx context.Context, bins []binInput, opts *Options, p *plan, src typeIndex, ro *roles) (*binResult, error) {
	res := &binResult{classes: map[string]binClass{}}
	if len(bins) == 0 {
		return res, nil
	}
	var mu sync.Mutex
	note := func(n rules.Notification) {
		mu.Lock()
		res.notes = append(res.notes, n)
		mu.Unlock()
	}
	if opts.ParseOnly {
		p = &plan{} // parse every class, run no rule
	}
	aopts := opts.Archive
	idx := binIndex{src: src, classes: indexClasses(ctx, bins, aopts)}
	cp := newClassPath()
	cp.resources = p.resources

	jobs := make(chan classJob, 64)
	g, gctx := errgroup.WithContext(ctx)
	var nbytes atomic.Int64
	g.Go(func() error {
		defer close(jobs)
		send := func(j classJob) error {
			nbytes.Add(int64(len(j.data)))
			select {
			case jobs <- j:
				return nil
			case <-gctx.Done():
				return gctx.Err()
			}
		}
		for _, b := range bins {
			if b.class {
				data, err := readCapped(b.abs, maxClassSize(aopts))
				if err != nil {
					note(rules.Notification{Path: b.rel, Level: rules.LevelError, Kind: "read-error", Message: "cannot read: " + errText(err)})
					continue
				}
				if err := send(classJob{data: data, path: b.rel, anchor: b.rel, role: ro.of(b.rel)}); err != nil {
					return err
				}
				continue
			}
			mu.Lock()
			res.archives++
			mu.Unlock()
			if err := walkArchive(gctx, b, aopts, ro, cp, note, send); err != nil {
				return err
			}
		}
		return nil
	})
	for w := 0; w < opts.Jobs; w++ {
		g.Go(func() error {
			for j := range jobs {
				if j.resource {
					found := scanArchivedResource(j, p)
					mu.Lock()
					res.findings = append(res.findings, found...)
					mu.Unlock()
					continue
				}
				out := scanClass(j, p, idx)
				mu.Lock()
				res.findings = append(res.findings, out.findings...)
				res.notes = append(res.notes, out.notes...)
				if out.facts != nil {
					res.parsed++
					if p.hasProject {
						res.kept = append(res.kept, forProject(out.facts))
						res.classes[j.path] = binClass{anchor: j.anchor, role: j.role}
					}
				}
				mu.Unlock()
			}
			return gctx.Err()
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	res.bytes = nbytes.Load()
	res.findings = append(res.findings, cp.findings(p)...)
	return res, nil
}

func maxClassSize(o archive.Options) int64 {
	if o.MaxEntrySize > 0 {
		return o.MaxEntrySize
	}
	return archive.DefaultMaxEntrySize
}

// indexClasses lists the classes of the archives and class files by name,
// from their paths alone, so that rules know every class of the scan
// before the first one is checked.
func indexClasses(ctx context.Context, bins []binInput, aopts archive.Options) map[string]bool {
	out := map[string]bool{}
	for _, b := range bins {
		if b.class {
			continue // named by its package directory, which is not known from the path
		}
		f, err := os.Open(b.abs)
		if err != nil {
			continue
		}
		_ = archive.WalkReader(ctx, b.rel, f, b.size, aopts, archive.VisitorFuncs{EntryFunc: func(e *archive.Entry) error {
			if n := classNameOf(e.Name); n != "" {
				out[n] = true
			}
			return nil
		}})
		f.Close()
	}
	return out
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

func walkArchive(ctx context.Context, b binInput, aopts archive.Options, ro *roles, cp *classPath, note func(rules.Notification), send func(classJob) error) error {
	f, err := os.Open(b.abs)
	if err != nil {
		note(rules.Notification{Path: b.rel, Level: rules.LevelError, Kind: "read-error", Message: "cannot read: " + errText(err)})
		return nil
	}
	defer f.Close()
	v := archive.VisitorFuncs{
		EntryFunc: func(e *archive.Entry) error {
			if e.IsArchive {
				return nil
			}
			role := ro.binRole(b.rel, e.Layout)
			switch {
			case classNameOf(e.Name) != "":
				data, err := e.ReadAll()
				if err != nil {
					return nil // reported to Problem
				}
				cp.addClass(classNameOf(e.Name), e, b.rel, role)
				return send(classJob{data: data, path: e.Path, anchor: b.rel, role: role, layout: e.Layout})
			case len(cp.resources) > 0 && matchesAny(path.Base(e.Name), cp.resources):
				data, err := e.ReadAll()
				if err != nil {
					return nil // reported to Problem
				}
				return send(classJob{data: data, path: e.Path, anchor: b.rel, role: role, layout: e.Layout, resource: true})
			case cp.wants(e.Name):
				data, err := e.ReadAll()
				if err == nil {
					cp.addResource(e, data, b.rel, role)
				}
			}
			return nil
		},
		ProblemFunc: func(p archive.Problem) {
			level := rules.LevelWarning
			switch p.Kind {
			case archive.ProblemUnsafeName, archive.ProblemDuplicateName:
				level = rules.LevelNote // the entry is still scanned
			}
			note(rules.Notification{Path: b.rel, Level: level, Kind: "archive-" + kebab(p.Kind.String()), Message: p.Error()})
		},
	}
	return archive.WalkReader(ctx, b.rel, f, b.size, aopts, v)
}

func kebab(s string) string { return strings.ReplaceAll(strings.ToLower(s), " ", "-") }

type classOut struct {
	findings []rules.Finding
	notes    []rules.Notification
	facts    *facts.File
}

// scanClass parses one class and runs the per-file rules on its facts; a
// panic is contained to the class.
func scanClass(j classJob, p *plan, idx rules.TypeIndex) (out classOut) {
	defer func() {
		if r := recover(); r != nil {
			out = classOut{notes: []rules.Notification{{Path: j.anchor, Level: rules.LevelError, Kind: "internal",
				Message: fmt.Sprintf("%s: internal error, class skipped: %v", j.path, r)}}}
		}
	}()
	c, err := classfile.Parse(j.data)
	if err != nil {
		out.notes = append(out.notes, rules.Notification{Path: j.anchor, Level: rules.LevelWarning, Kind: "class-format",
			Message: j.path + ": not a readable class file: " + err.Error() + "; skipped"})
		return out
	}
	bf, problems := bytecode.Extract(c, j.path)
	for _, pr := range problems {
		out.notes = append(out.notes, rules.Notification{Path: j.anchor, Level: rules.LevelWarning, Kind: "class-format",
			Message: j.path + ": method " + pr.Method + ": " + pr.Err.Error() + "; scanned in part"})
	}
	bf.File.Test = strings.Contains(j.path, "/src/test/") || strings.Contains(j.path, "test-classes/")
	out.facts = bf.File
	var diags []rules.Diagnostic
	for _, r := range p.rules {
		if r.Check == nil {
			continue
		}
		r.Check(rules.NewPass(r, bf.File, j.role, blankText(bf.Size), idx, func(d rules.Diagnostic) { diags = append(diags, d) }))
	}
	out.findings = resolveClass(j.path, j.anchor, j.role, bf.SourceFile, bf.Line, diags)
	return out
}

// resolveClass places a class's diagnostics: the physical location is the
// outermost file in the tree (the jar) at the class's source line when it
// has one (else line 1), and the message names the entry and the line.
// Bytecode has no source text, so findings carry no fixes. A finally block
// is compiled once per exit path, so identical diagnostics on one line are
// one finding.
func resolveClass(logical, anchor string, role facts.Role, sourceFile string, lineOf func(int) int, diags []rules.Diagnostic) []rules.Finding {
	sort.SliceStable(diags, func(i, j int) bool { return diags[i].Span.Start < diags[j].Span.Start })
	seen := map[string]int{}
	dup := map[string]bool{}
	var out []rules.Finding
	for _, d := range diags {
		line := d.Context.Line
		if lineOf != nil {
			if l := lineOf(d.Span.Start); l > 0 {
				line = l
			}
		}
		once := d.RuleID + "\x00" + strconv.Itoa(line) + "\x00" + d.Context.Class + "\x00" + d.Context.Method + "\x00" + d.Message
		if dup[once] {
			continue
		}
		dup[once] = true
		where := logical
		if line > 0 {
			src := sourceFile
			if src == "" {
				src = "line"
			}
			where += " (" + src + ":" + strconv.Itoa(line) + ")"
		}
		f := rules.Finding{RuleID: d.RuleID, Severity: d.Severity, Level: d.Severity.Level(),
			Message: d.Message + " [in " + where + "]", Path: anchor,
			Region: rules.Region{StartLine: max(line, 1)}, Class: d.Context.Class, Method: d.Context.Method,
			Entry: logical, SourceLine: line, Properties: d.Properties}
		if role != facts.RoleUnknown {
			f.Role = role.String()
		}
		key := strings.Join([]string{d.RuleID, logical, d.Context.Class, d.Context.Method, d.Message}, "\x00")
		sum := sha256.Sum256([]byte(key))
		seen[key]++
		f.Fingerprint = fmt.Sprintf("%s:%d", hex.EncodeToString(sum[:8]), seen[key])
		out = append(out, f)
	}
	return out
}

// roleOf is the project pass's role lookup: classes by their archive's
// role, sources by the tree's.
func (b *binResult) roleOf(ro *roles) func(string) facts.Role {
	return func(p string) facts.Role {
		if bc, ok := b.classes[p]; ok {
			return bc.role
		}
		return ro.of(p)
	}
}

// blank stands in for the source text of a class: rules that read text
// around a span find only spaces, as if the code had no text to show.
var blank = bytes.Repeat([]byte{' '}, 1<<20)

func blankText(n int) []byte {
	if n <= len(blank) {
		return blank[:n:n]
	}
	return bytes.Repeat([]byte{' '}, n)
}

// scanArchivedResource runs the rules that read configuration files on one
// found inside an archive. Findings point at the outermost archive and name
// the entry and its line, as class findings do.
func scanArchivedResource(j classJob, p *plan) []rules.Finding {
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
	return resolveClass(j.path, j.anchor, j.role, base, func(off int) int { l, _ := ls.pos(off); return l }, diags)
}

// Package scanner is kscan's engine: it discovers inputs, parses them on a
// bounded worker pool (one parser per worker), runs the rules on each
// file's facts and returns findings and notifications in a deterministic
// order, identical for any number of workers.
package scanner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/kscan/kscan/adapters"
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/archive"
	"github.com/kscan/kscan/scanner/javasrc"
)

// Options configure a scan.
type Options struct {
	Paths        []string // files and directories to scan
	Root         string   // directory that result paths are relative to; default: the current directory
	Rules        []*rules.Rule
	Jobs         int // parallel parsers; default runtime.NumCPU()
	Excludes     []string
	MaxFileSize  int64 // larger files are skipped with a notification; default 4 MiB
	ParseTimeout time.Duration
	// Role applies to all code unless RoleAuto is set, in which case each
	// file's role comes from the nearest pom.xml with a Koupleless signal.
	// PathRoles (from .kscan.yaml) override both for matching paths.
	Role      facts.Role
	RoleAuto  bool
	PathRoles []PathRole
	// Static is --mode static: modules are never uninstalled, so leak
	// rules report nothing.
	Static bool
	// ParseOnly parses every file and runs no rules and no pre-filter: the
	// floor that benchmarks compare a full scan against.
	ParseOnly bool
	// Adapters is the adapter mapping table for dependency rules (nil: the
	// built-in table); M2Repo the local repository for parents and BOMs
	// ("": ~/.m2/repository, "-": none).
	Adapters *adapters.Table
	M2Repo   string
	// Archive caps the walk of each jar, war or ear (zero fields: defaults).
	Archive archive.Options
}

// DefaultMaxFileSize is the default cap on one source file. Larger .java
// files are generated code in practice, and parsing them costs more than
// it finds.
const DefaultMaxFileSize = 4 << 20

// Stats describe the work done.
type Stats struct {
	Files    int           `json:"files"`    // source files discovered
	Parsed   int           `json:"parsed"`   // files parsed (the rest could not trigger any rule)
	Bytes    int64         `json:"bytes"`    // bytes read
	Duration time.Duration `json:"duration"` // wall time
	Archives int           `json:"archives"` // jars, wars and ears walked
	Classes  int           `json:"classes"`  // class files parsed
}

// Result is the outcome of a scan.
type Result struct {
	Root          string // absolute
	Findings      []rules.Finding
	Notifications []rules.Notification
	Stats         Stats
	// Roles are the role decisions that applied to scanned code, and why.
	Roles []RoleDecision
}

// Scan runs the rules over the inputs.
func Scan(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	root := opts.Root
	if root == "" {
		root = "."
	}
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if len(opts.Paths) == 0 {
		opts.Paths = []string{"."}
	}
	if opts.Jobs <= 0 {
		opts.Jobs = runtime.NumCPU()
	}
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	if opts.ParseTimeout <= 0 {
		opts.ParseTimeout = 20 * time.Second
	}
	if err := ValidateExcludes(opts.Excludes); err != nil {
		return nil, err
	}

	res := &Result{Root: root}
	var mu sync.Mutex
	notify := func(n rules.Notification) {
		mu.Lock()
		res.Notifications = append(res.Notifications, n)
		mu.Unlock()
	}
	if opts.Static {
		opts.Rules = withoutLeaks(opts.Rules)
	}
	plan := newPlan(opts.Rules)
	inputs, err := discover(opts.Paths, root, opts.Excludes, plan.resources, notify)
	if err != nil {
		return nil, err
	}
	res.Stats.Files = len(inputs)
	idx := newTypeIndex(inputs)
	ro := newRoles(root, opts.PathRoles, opts.Role, opts.RoleAuto)
	var kept []*facts.File // facts for the project pass
	keepFacts := plan.hasProject

	var parsed, nbytes atomic.Int64
	work := make(chan input)
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		defer close(work)
		for _, in := range inputs {
			select {
			case work <- in:
			case <-gctx.Done():
				return gctx.Err()
			}
		}
		return nil
	})
	for w := 0; w < opts.Jobs; w++ {
		g.Go(func() error {
			ex, err := javasrc.NewExtractor(plan.interest, int(opts.ParseTimeout/time.Microsecond))
			if err != nil {
				return err
			}
			defer ex.Close()
			wk := &worker{ex: ex, plan: plan, idx: idx, opts: &opts, roles: ro}
			for in := range work {
				out := wk.scanFile(in)
				if out.parsed {
					parsed.Add(1)
				}
				nbytes.Add(out.bytes)
				mu.Lock()
				res.Findings = append(res.Findings, out.findings...)
				res.Notifications = append(res.Notifications, out.notes...)
				if keepFacts && out.facts != nil {
					kept = append(kept, forProject(out.facts))
				}
				mu.Unlock()
				if gctx.Err() != nil {
					return gctx.Err()
				}
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	binInputs := discoverBinaries(opts.Paths, root, opts.Excludes)
	bins, err := scanBinaries(ctx, binInputs, &opts, plan, idx, ro)
	if err != nil {
		return nil, err
	}
	res.Findings = append(res.Findings, bins.findings...)
	res.Notifications = append(res.Notifications, bins.notes...)
	kept = append(kept, bins.kept...)
	res.Stats.Archives, res.Stats.Classes = bins.archives, bins.parsed
	nbytes.Add(bins.bytes)
	if keepFacts {
		found, notes := projectPass(plan, kept, inputs, ro, bins)
		res.Findings = append(res.Findings, found...)
		res.Notifications = append(res.Notifications, notes...)
	}
	if plan.hasDeps() && !opts.ParseOnly {
		dr := loadDeps(root, opts.Paths, opts.Excludes, ro, opts.M2Repo)
		jp, jn := jarProjects(ctx, binInputs, opts.Archive, ro)
		dr.Projects = append(dr.Projects, jp...)
		dr.Notifications = append(dr.Notifications, jn...)
		res.Findings = append(res.Findings, depsPass(plan, dr, opts.Adapters)...)
		res.Notifications = append(res.Notifications, dr.Notifications...)
	}
	res.Roles = ro.decisions()
	sortFindings(res.Findings)
	sortNotifications(res.Notifications)
	res.Stats.Parsed = int(parsed.Load())
	res.Stats.Bytes = nbytes.Load()
	res.Stats.Duration = time.Since(start)
	return res, nil
}

// plan is what the enabled rules need, computed once per scan.
type plan struct {
	rules    []*rules.Rule
	keywords []string         // union of the rules' keywords
	byHead   map[string][]int // first keyHead bytes of a keyword -> keyword indexes
	short    []int            // keywords shorter than keyHead
	ruleKeys [][]int          // per rule: indexes into keywords
	interest javasrc.Interest
	// resources are the base-name globs of non-Java files some rule reads.
	resources  []string
	hasProject bool
}

// keyHead is how many leading bytes index the keyword table.
const keyHead = 4

func newPlan(rs []*rules.Rule) *plan {
	p := &plan{rules: rs, byHead: map[string][]int{}, interest: javasrc.Interest{Calls: map[string]bool{}, News: map[string]bool{}}}
	at := map[string]int{}
	for _, r := range rs {
		var keys []int
		for _, k := range r.Keywords {
			i, ok := at[k]
			if !ok {
				i = len(p.keywords)
				at[k] = i
				p.keywords = append(p.keywords, k)
				if len(k) >= keyHead {
					p.byHead[k[:keyHead]] = append(p.byHead[k[:keyHead]], i)
				} else {
					p.short = append(p.short, i)
				}
			}
			keys = append(keys, i)
		}
		p.ruleKeys = append(p.ruleKeys, keys)
		for _, c := range r.Calls {
			p.interest.Calls[c] = true
		}
		for _, n := range r.News {
			p.interest.News[n] = true
		}
		p.resources = append(p.resources, r.Resources...)
		p.hasProject = p.hasProject || r.CheckProject != nil
	}
	return p
}

func withoutLeaks(rs []*rules.Rule) []*rules.Rule {
	var out []*rules.Rule
	for _, r := range rs {
		if !r.Leak {
			out = append(out, r)
		}
	}
	return out
}

// candidates returns the rules that a file's bytes could trigger. Keywords
// are matched as prefixes of identifier tokens (anywhere, strings and
// comments included), in one pass over the file instead of one pass per
// keyword.
func (p *plan) candidates(src []byte) []*rules.Rule {
	var hit []bool
	mark := func(i int) {
		if hit == nil {
			hit = make([]bool, len(p.keywords))
		}
		hit[i] = true
	}
	for i := 0; i < len(src); {
		c := src[i]
		if !identStart(c) {
			i++
			continue
		}
		j := i + 1
		for j < len(src) && identPart(src[j]) {
			j++
		}
		tok := src[i:j]
		if len(tok) >= keyHead {
			for _, k := range p.byHead[string(tok[:keyHead])] {
				if bytes.HasPrefix(tok, []byte(p.keywords[k])) {
					mark(k)
				}
			}
		}
		for _, k := range p.short {
			if bytes.HasPrefix(tok, []byte(p.keywords[k])) {
				mark(k)
			}
		}
		i = j
	}
	if hit == nil {
		return nil
	}
	var out []*rules.Rule
	for ri, keys := range p.ruleKeys {
		for _, k := range keys {
			if hit[k] {
				if r := p.rules[ri]; r.Prefilter == nil || r.Prefilter(src) {
					out = append(out, r)
				}
				break
			}
		}
	}
	return out
}

func identStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$'
}

func identPart(c byte) bool {
	return identStart(c) || c >= '0' && c <= '9'
}

type worker struct {
	ex    *javasrc.Extractor
	plan  *plan
	idx   typeIndex
	opts  *Options
	roles *roles
}

type fileOut struct {
	findings []rules.Finding
	notes    []rules.Notification
	parsed   bool
	bytes    int64
	facts    *facts.File
}

// scanFile never fails: every problem with the input becomes a
// notification naming it, and a panic in a rule or the parser is contained
// to the file.
func (w *worker) scanFile(in input) (out fileOut) {
	note := func(level rules.Level, kind string, line int, msg string) {
		out.notes = append(out.notes, rules.Notification{Path: in.rel, Line: line, Level: level, Kind: kind, Message: msg})
	}
	defer func() {
		if r := recover(); r != nil {
			out.findings = nil
			note(rules.LevelError, "internal", 0, fmt.Sprintf("internal error, file skipped: %v", r))
			if os.Getenv("KSCAN_DEBUG") != "" {
				fmt.Fprintf(os.Stderr, "%s: panic: %v\n%s", in.rel, r, debug.Stack())
			}
		}
	}()
	if in.size > w.opts.MaxFileSize {
		note(rules.LevelWarning, "too-large", 0, fmt.Sprintf("%s exceeds the %s limit (--max-file-size); skipped",
			humanBytes(in.size), humanBytes(w.opts.MaxFileSize)))
		return out
	}
	src, err := readCapped(in.abs, w.opts.MaxFileSize)
	if err != nil {
		note(rules.LevelError, "read-error", 0, "cannot read: "+errText(err))
		return out
	}
	out.bytes = int64(len(src))
	if len(src) == 0 {
		note(rules.LevelNote, "empty", 0, "empty file")
		return out
	}
	if isBinary(src) {
		note(rules.LevelWarning, "binary", 0, "binary content (NUL bytes), not Java source; skipped")
		return out
	}
	role := w.roles.of(in.rel)
	if in.resource {
		out.findings = w.checkResource(in, src, role)
		return out
	}
	if w.opts.ParseOnly {
		if err := w.ex.ParseOnly(src); err != nil {
			note(rules.LevelError, "timeout", 0, err.Error()+"; skipped")
			return out
		}
		out.parsed = true
		return out
	}
	cands := w.plan.candidates(src)
	if len(cands) == 0 {
		return out
	}
	f, problems, err := w.ex.Extract(in.rel, src, w.idx)
	for _, p := range problems {
		note(rules.LevelWarning, p.Kind, p.Line, p.Message)
	}
	if err != nil {
		kind := "parse-error"
		if errors.Is(err, javasrc.ErrTimeout) {
			kind = "timeout"
		}
		note(rules.LevelError, kind, 0, err.Error()+"; skipped")
		return out
	}
	out.parsed = true
	out.facts = f
	var diags []rules.Diagnostic
	for _, r := range cands {
		if f.Test && !r.IncludeTests || r.Check == nil {
			continue
		}
		r.Check(rules.NewPass(r, f, role, src, w.idx, func(d rules.Diagnostic) { diags = append(diags, d) }))
	}
	if len(diags) > 0 {
		out.findings = resolve(in.rel, src, role, f, diags)
	}
	return out
}

// checkResource runs the rules that read a non-Java file.
func (w *worker) checkResource(in input, src []byte, role facts.Role) []rules.Finding {
	var diags []rules.Diagnostic
	base := path.Base(in.rel)
	for _, r := range w.plan.rules {
		if r.CheckResource == nil || !matchesAny(base, r.Resources) {
			continue
		}
		r.CheckResource(rules.NewResourcePass(r, in.rel, src, role, func(d rules.Diagnostic) { diags = append(diags, d) }))
	}
	if len(diags) == 0 {
		return nil
	}
	return resolve(in.rel, src, role, nil, diags)
}

func matchesAny(name string, globs []string) bool {
	for _, g := range globs {
		if ok, _ := path.Match(g, name); ok {
			return true
		}
	}
	return false
}

// forProject keeps what project rules read, so that holding every file's
// facts costs little: static fields, writes to statics, and the
// declarations that carry a kscan suppression (for findings placed in the
// file later). Calls, instance creations, argument lists and long
// expression texts are per-file matters.
func forProject(f *facts.File) *facts.File {
	k := &facts.File{Path: f.Path, Package: strings.Clone(f.Package), Test: f.Test, Types: cloneAll(f.Types), Suppressions: f.Suppressions}
	for _, t := range f.TypeDecls {
		if suppressAnnotation(t.Annotations) {
			k.TypeDecls = append(k.TypeDecls, t)
		}
	}
	for _, m := range f.Methods {
		if suppressAnnotation(m.Annotations) {
			k.Methods = append(k.Methods, m)
		}
	}
	for _, fd := range f.Fields {
		if fd.Static {
			fd.Init = shortExpr(fd.Init)
			fd.Name, fd.Type, fd.TypeText = strings.Clone(fd.Name), strings.Clone(fd.Type), strings.Clone(fd.TypeText)
			fd.Annotations = cloneAll(fd.Annotations)
			fd.Context = cloneContext(fd.Context)
			k.Fields = append(k.Fields, fd)
		}
	}
	k.Writes = make([]facts.Write, len(f.Writes))
	for i, w := range f.Writes {
		w.Args = nil
		w.Value = shortExpr(w.Value)
		w.Owner, w.Name, w.Method = strings.Clone(w.Owner), strings.Clone(w.Name), strings.Clone(w.Method)
		w.Context = cloneContext(w.Context)
		k.Writes[i] = w
	}
	return k
}

// The strings of bytecode facts are substrings of a class's constant pool;
// cloning what outlives the class keeps the pool from staying alive with it.

func cloneAll(xs []string) []string {
	if xs == nil {
		return nil
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strings.Clone(x)
	}
	return out
}

func cloneContext(c facts.Context) facts.Context {
	c.Class, c.Method = strings.Clone(c.Class), strings.Clone(c.Method)
	return c
}

func suppressAnnotation(anns []string) bool {
	for _, a := range anns {
		if strings.Contains(a, "kscan:") {
			return true
		}
	}
	return false
}

// shortExpr copies an expression with its text cut to what project rules
// match on (the start of an initialiser: "Collections.unmodifiableMap(",
// "new ConcurrentHashMap<>(").
func shortExpr(x *facts.Expr) *facts.Expr {
	if x == nil {
		return nil
	}
	c := *x
	if len(c.Text) > 256 {
		c.Text = c.Text[:256]
	}
	c.Text, c.Value, c.Type = strings.Clone(c.Text), strings.Clone(c.Value), strings.Clone(c.Type)
	c.Local, c.Call, c.Field = nil, nil, nil
	return &c
}

// projectPass runs the rules that need every file's facts. Their findings
// are placed by re-reading the few files they point into.
func projectPass(p *plan, files []*facts.File, inputs []input, ro *roles, bins *binResult) ([]rules.Finding, []rules.Notification) {
	roleOf := bins.roleOf(ro)
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	byPath := map[string]*facts.File{}
	for _, f := range files {
		byPath[f.Path] = f
	}
	diags := map[string][]rules.Diagnostic{}
	for _, r := range p.rules {
		if r.CheckProject == nil {
			continue
		}
		r.CheckProject(rules.NewProjectPass(r, files, roleOf, func(d rules.Diagnostic) {
			diags[d.Path] = append(diags[d.Path], d)
		}))
	}
	abs := map[string]string{}
	for _, in := range inputs {
		abs[in.rel] = in.abs
	}
	var found []rules.Finding
	var notes []rules.Notification
	for rel, ds := range diags {
		if bc, ok := bins.classes[rel]; ok {
			found = append(found, resolveClass(rel, bc.anchor, bc.role, "", nil, ds)...)
			continue
		}
		src, err := os.ReadFile(abs[rel])
		if err != nil {
			notes = append(notes, rules.Notification{Path: rel, Level: rules.LevelError, Kind: "read-error",
				Message: "cannot read again for a project-wide finding: " + errText(err)})
			continue
		}
		found = append(found, resolve(rel, src, ro.of(rel), byPath[rel], ds)...)
	}
	return found, notes
}

// readCapped reads a file, refusing to grow past max even if the file grew
// after it was listed.
func readCapped(p string, max int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(src)) > max {
		return nil, fmt.Errorf("grew past the %s limit while reading", humanBytes(max))
	}
	return src, nil
}

// isBinary looks for NUL bytes in the head of the file, as git does.
func isBinary(src []byte) bool {
	head := src
	if len(head) > 8000 {
		head = head[:8000]
	}
	return bytes.IndexByte(head, 0) >= 0
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func sortFindings(fs []rules.Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Region.ByteOffset != b.Region.ByteOffset {
			return a.Region.ByteOffset < b.Region.ByteOffset
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		return a.Message < b.Message
	})
}

func sortNotifications(ns []rules.Notification) {
	sort.SliceStable(ns, func(i, j int) bool {
		a, b := &ns[i], &ns[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Message < b.Message
	})
}

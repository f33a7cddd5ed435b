package scanner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/internal/units"
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/finding"
	"github.com/kscan/kscan/scanner/javasrc"
	"github.com/kscan/kscan/scanner/scope"
)

// javaKind scans Java sources: a byte pre-filter decides which rules a
// file could trigger; only files some rule wants are parsed, once, and
// every rule shares that parse.
type javaKind struct{}

func (javaKind) name() string { return kindJava }

func (javaKind) wants(rel string, d fs.DirEntry) bool { return strings.HasSuffix(rel, ".java") }

func (javaKind) scan(ctx context.Context, files []input, e *env) error {
	e.count(func(s *Stats) { s.Files += len(files) })
	// Pointers to the walk's inputs: the call graph keeps one for every
	// source until the search for callers, not a copy.
	var (
		mu       sync.Mutex
		deferred []deferredSource
		written  = map[string]bool{} // names of fields written outside their own file
	)
	handle := func(in *input, out fileOut, again bool) {
		if !again {
			e.tick() // a file left for later was counted then
		}
		e.report(out.findings)
		for _, n := range out.notes {
			e.notify(n)
		}
		if out.facts != nil && e.plan.hasProject {
			if k := forProject(out.facts, e.plan.rules); heldForProject(k) {
				e.index.keep(k)
			}
		}
		if len(out.deferred) > 0 || out.facts != nil && len(out.facts.Writes) > 0 {
			mu.Lock()
			if len(out.deferred) > 0 {
				deferred = append(deferred, deferredSource{in: in, names: out.deferred})
			}
			if out.facts != nil {
				foreignWrites(out.facts, written)
			}
			mu.Unlock()
		}
		e.count(func(s *Stats) {
			s.Bytes += out.bytes
			switch {
			case again:
				if out.parsed {
					s.Skipped-- // counted when it was left for later
					s.Parsed++
				}
			case out.parsed:
				s.Parsed++
			case out.skipped:
				s.Skipped++
			}
			s.Phases.SourceWork.add(out.work)
		})
	}
	all := make([]*input, len(files))
	for i := range files {
		all[i] = &files[i]
	}
	large := e.large.wait() // of these same inputs
	run := func(inputs []*input, scan func(context.Context, *javasrc.Extractor, *input, *env) fileOut, again bool) error {
		q := newSourceQueue(inputs, large)
		g, gctx := errgroup.WithContext(ctx)
		for w := 0; w < min(e.opts.Jobs, max(1, len(inputs))); w++ {
			g.Go(func() error {
				ex, err := javasrc.NewExtractor(e.plan.interest, int(e.opts.ParseTimeout/time.Microsecond))
				if err != nil {
					return err
				}
				defer ex.Close()
				for {
					in, isLarge := q.next(gctx)
					if in == nil {
						return gctx.Err()
					}
					out := scan(gctx, ex, in, e)
					if isLarge {
						q.done()
					}
					handle(in, out, again)
					if gctx.Err() != nil {
						return gctx.Err()
					}
				}
			})
		}
		return g.Wait()
	}
	if err := run(all, scanSource, false); err != nil {
		return err
	}
	// The sources no rule wanted but whose statics another file writes:
	// their declarations, for the project-wide part of the rules.
	var later []*input
	for _, d := range deferred {
		for _, n := range d.names {
			if written[n] {
				later = append(later, d.in)
				break
			}
		}
	}
	if len(later) == 0 {
		return nil
	}
	sort.Slice(later, func(i, j int) bool { return relCompare(later[i], later[j]) < 0 })
	return run(later, scanDeferred, true)
}

// deferredSource is a source left for later, with the names it declares.
type deferredSource struct {
	in    *input
	names []string
}

// foreignWrites adds to written the names of the fields f writes that it
// does not declare: another file's statics.
func foreignWrites(f *facts.File, written map[string]bool) {
	for i := range f.Writes {
		w := &f.Writes[i]
		if written[w.Name] {
			continue
		}
		own := false
		for j := range f.Fields {
			if fd := &f.Fields[j]; fd.Name == w.Name && fd.Class == w.Owner {
				own = true
				break
			}
		}
		if !own {
			written[w.Name] = true
		}
	}
}

type fileOut struct {
	findings []finding.Finding
	notes    []finding.Notification
	parsed   bool
	skipped  bool // read, and no rule could fire: not parsed
	bytes    int64
	facts    *facts.File
	work     Work
	// deferred: no rule wanted the file, but it declares these names for
	// a rule's project-wide part (rules.Rule.Declares); javaKind.scan
	// parses it after the others when another file writes one.
	deferred []string
}

// scanSource never fails: every problem with the input becomes a
// notification naming it, and a panic in a rule or the parser is contained
// to the file.
func scanSource(ctx context.Context, ex *javasrc.Extractor, at *input, e *env) fileOut {
	return readSource(ctx, ex, at, e, false)
}

// scanDeferred parses a source scanSource left for later (fileOut.deferred)
// and runs on it the rules whose project-wide part wanted it.
func scanDeferred(ctx context.Context, ex *javasrc.Extractor, at *input, e *env) fileOut {
	return readSource(ctx, ex, at, e, true)
}

// readSource is scanSource, or scanDeferred when later is set: the file
// then passed the checks before, and its words and mentions are known.
func readSource(ctx context.Context, ex *javasrc.Extractor, at *input, e *env, later bool) (out fileOut) {
	in := *at
	rel := in.rel() // one copy for all that names the file
	// Each step's time goes to out.work; what is not yet accounted for at
	// the end (an early return) was reading and filtering.
	mark := time.Now()
	lap := func(d *time.Duration) {
		now := time.Now()
		*d += now.Sub(mark)
		mark = now
	}
	defer func() { out.work.Read += time.Since(mark) }()
	note := func(level rules.Level, kind string, line int, msg string) {
		out.notes = append(out.notes, finding.Notification{Path: rel, Line: line, Level: level, Kind: kind, Message: msg})
	}
	defer func() {
		if r := recover(); r != nil {
			out.findings = nil
			note(rules.LevelError, "internal", 0, fmt.Sprintf("internal error, file skipped: %v", r))
			if os.Getenv("KSCAN_DEBUG") != "" {
				fmt.Fprintf(os.Stderr, "%s: panic: %v\n%s", rel, r, debug.Stack())
			}
		}
	}()
	if e.setAsideByPath(in, rel) {
		return out // a test, an example, a benchmark: not even read
	}
	max := e.opts.MaxFileSize
	tooLarge := func(size int64) {
		note(rules.LevelWarning, "too-large", 0, fmt.Sprintf("%s exceeds the %s limit (--max-file-size); skipped",
			units.Bytes(size), units.Bytes(max)))
	}
	if in.size > max {
		tooLarge(in.size)
		return out
	}
	// The walk leaves a source's size to this read (-1): the read's
	// fstat refuses one over the cap before reading a byte.
	l, err := safefs.ReadLent(in.abs(), max)
	if err != nil {
		var tl *safefs.TooLargeError
		if errors.As(err, &tl) && tl.Size >= 0 {
			tooLarge(tl.Size)
			return out
		}
		note(rules.LevelError, "read-error", 0, "cannot read: "+errText(err))
		return out
	}
	// Deferred first, so run last: after the call graph's step below.
	// What the file leaves behind (findings, facts, names) is strings.
	defer l.Release()
	src := l.Data
	if later {
		role := e.role(rel)
		lap(&out.work.Read)
		checkSource(ctx, ex, at, e, rel, src, role, e.plan.declaring(role), false, &out, lap, note)
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
	// A command-line tool is not reported on, but it is read as before for
	// the call graph: its main methods are the launchers and callers that
	// make production methods entry-only. So is the Main-Class its pom
	// declares when its content set it aside as a desktop GUI (a launcher
	// that imports Swing to set a look and feel; a demo's main is no
	// product's launcher, and library methods it calls stay API), and
	// build-tool code its content gave away (an Ant task, a Maven goal):
	// its execute is an entry point, and a class only it uses runs inside
	// the build tool.
	toolOnly, buildTool := false, false
	if !e.opts.ParseOnly {
		if ok, d := e.decide(in, rel, src); !ok {
			if d.Class != scope.CLI && d.Class != scope.BuildTool && !(d.Class == scope.Desktop && declaresMain(src) && e.scope.DeclaredMain(rel, src)) {
				return out
			}
			toolOnly, buildTool = true, d.Class == scope.BuildTool
			e.readForGraphOnly(rel)
		}
	}
	var words *wordSet
	if !e.opts.ParseOnly {
		words = &wordSet{}
		defer func() {
			lap(&out.work.Rules)
			// filled by the pre-filter's pass below; a launcher no rule
			// parsed is read for the entry-point search
			e.graphs.addSource(at, words, newCreatedFilter(src), !out.parsed && (declaresMain(src) || buildTool), toolOnly)
			lap(&out.work.Graph)
		}()
	}
	role := e.role(rel)
	if e.opts.ParseOnly {
		lap(&out.work.Read)
		defer lap(&out.work.Parse)
		if err := ex.ParseOnly(src); err != nil {
			note(rules.LevelError, "timeout", 0, err.Error()+"; skipped")
			return out
		}
		out.parsed = true
		return out
	}
	e.index.mentions(rel, src)
	cands := e.plan.keep(e.plan.candidatesWords(src, words), role)
	if len(cands) == 0 {
		if !toolOnly {
			out.deferred = e.plan.declared(src, role)
		}
		out.skipped = true
		lap(&out.work.Read)
		return out
	}
	lap(&out.work.Read)
	checkSource(ctx, ex, at, e, rel, src, role, cands, toolOnly, &out, lap, note)
	return out
}

// checkSource parses a source some rules want, adds its facts to the
// call graph, and runs those rules on it (none for a source read for the
// call graph alone).
func checkSource(ctx context.Context, ex *javasrc.Extractor, at *input, e *env, rel string, src []byte, role facts.Role,
	cands []*rules.Rule, toolOnly bool, out *fileOut, lap func(*time.Duration),
	note func(level rules.Level, kind string, line int, msg string)) {
	// One time limit for the file: the parse, the extraction and the rules.
	limit := javasrc.TimeLimit(e.opts.ParseTimeout, len(src))
	fctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	f, problems, err := ex.ExtractContext(fctx, rel, src, e.index.types)
	lap(&out.work.Extract)
	out.work.Parse, out.work.Extract = ex.LastParse(), out.work.Extract-ex.LastParse()
	for _, p := range problems {
		note(rules.LevelWarning, p.Kind, p.Line, p.Message)
	}
	if err != nil {
		kind := "parse-error"
		if errors.Is(err, javasrc.ErrTimeout) {
			kind = "timeout"
		}
		note(rules.LevelError, kind, 0, err.Error()+"; skipped")
		return
	}
	out.parsed = true
	e.graphs.addFile(at, f, src)
	lap(&out.work.Graph)
	if toolOnly {
		return
	}
	out.facts = f
	var diags []rules.Diagnostic
	for _, r := range cands {
		if f.Test && !r.IncludeTests || r.Check == nil {
			continue
		}
		if fctx.Err() != nil {
			break
		}
		r.Check(rules.NewPass(r, f, role, src, nil, func(d rules.Diagnostic) { diags = append(diags, d) }).Until(fctx))
	}
	if fctx.Err() != nil {
		// Before a rule, or while one ran: a check stops part way once the
		// limit is reached (Pass.Until), so what it found is not all.
		note(rules.LevelError, "timeout", 0, fmt.Sprintf("the %s time limit for this file ran out in the rules; findings of this file dropped", limit))
		return
	}
	if len(diags) > 0 {
		out.findings = place(where{path: rel, role: role, src: src, file: f}, diags)
	}
}

// isBinary looks for NUL bytes in the head of the file, as git does.
func isBinary(src []byte) bool {
	head := src
	if len(head) > 8000 {
		head = head[:8000]
	}
	return bytes.IndexByte(head, 0) >= 0
}

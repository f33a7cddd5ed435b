package scanner

import (
	"context"
	"fmt"
	"io/fs"
	"path"

	"golang.org/x/sync/errgroup"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/internal/units"
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner/finding"
)

// configKind reads the non-Java files of the tree that a rule names by
// base-name glob: configuration a rule checks (application.properties,
// logback.xml), and files a rule searches for a mention (start scripts,
// Dockerfiles).
type configKind struct {
	globs []string
}

func (configKind) name() string { return kindConfig }

func (k configKind) wants(rel string, d fs.DirEntry) bool { return matchesAny(path.Base(rel), k.globs) }

func (configKind) scan(ctx context.Context, files []input, e *env) error {
	work := make(chan input)
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		defer close(work)
		for _, in := range files {
			select {
			case work <- in:
			case <-gctx.Done():
				return gctx.Err()
			}
		}
		return nil
	})
	for w := 0; w < e.opts.Jobs; w++ {
		g.Go(func() error {
			for in := range work {
				scanConfig(in, e)
				e.tick()
			}
			return gctx.Err()
		})
	}
	return g.Wait()
}

func scanConfig(in input, e *env) {
	rel, base := in.rel(), in.base()
	if !matchesAny(base, e.plan.resources) {
		// Only searched for a mention: a file some rule reads in passing,
		// whose problems are nobody's concern.
		if src, err := safefs.ReadFile(in.abs(), e.opts.MaxFileSize); err == nil {
			e.index.mentions(rel, src)
		}
		return
	}
	e.count(func(s *Stats) { s.Files++ })
	if !e.opts.ParseOnly && !e.production(in, rel, nil) {
		return // test resources, an example's configuration: not read
	}
	note := func(level rules.Level, kind, msg string) {
		e.notify(finding.Notification{Path: rel, Level: level, Kind: kind, Message: msg})
	}
	max := e.opts.MaxFileSize
	if in.size > max {
		note(rules.LevelWarning, "too-large", fmt.Sprintf("%s exceeds the %s limit (--max-file-size); skipped",
			units.Bytes(in.size), units.Bytes(max)))
		return
	}
	src, err := safefs.ReadFile(in.abs(), max)
	if err != nil {
		note(rules.LevelError, "read-error", "cannot read: "+errText(err))
		return
	}
	e.count(func(s *Stats) { s.Bytes += int64(len(src)) })
	if len(src) == 0 {
		note(rules.LevelNote, "empty", "empty file")
		return
	}
	if isBinary(src) {
		note(rules.LevelWarning, "binary", "binary content (NUL bytes), not Java source; skipped")
		return
	}
	role := e.role(rel)
	if matchesAny(base, e.plan.mentionGlobs) {
		e.index.mentions(rel, src)
	}
	var diags []rules.Diagnostic
	for _, r := range e.plan.rules {
		if r.CheckResource == nil || !matchesAny(base, r.Resources) {
			continue
		}
		r.CheckResource(rules.NewResourcePass(r, rel, src, role, func(d rules.Diagnostic) { diags = append(diags, d) }))
	}
	if len(diags) > 0 {
		e.report(place(where{path: rel, role: role, src: src}, diags))
	}
}

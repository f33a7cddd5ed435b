package scanner

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/finding"
	"github.com/kscan/kscan/scanner/javasrc"
)

// ApplyEdits applies non-overlapping byte edits to src. Overlapping edits
// (two fixes for one spot) are an error rather than a guess.
func ApplyEdits(src []byte, edits []rules.Edit) ([]byte, error) {
	es := append([]rules.Edit(nil), edits...)
	sort.SliceStable(es, func(i, j int) bool { return es[i].Span.Start < es[j].Span.Start })
	out := make([]byte, 0, len(src))
	at := 0
	for _, e := range es {
		if e.Span.Start < at || e.Span.End < e.Span.Start || e.Span.End > len(src) {
			return nil, fmt.Errorf("edit at bytes %d-%d overlaps another or lies outside the file", e.Span.Start, e.Span.End)
		}
		out = append(out, src[at:e.Span.Start]...)
		out = append(out, e.New...)
		at = e.Span.End
	}
	return append(out, src[at:]...), nil
}

// FilePatch is the fixed content of one file.
type FilePatch struct {
	Path     string // relative to the scan root
	Abs      string
	Old, New []byte
	Fixed    int // findings whose fix is applied

	root string
	info fs.FileInfo // the file as read, to notice a swap before the write
}

// SkippedFix is a fix that was not applied, and why. A file kscan fix
// refuses to read or write has no rule and no line.
type SkippedFix struct {
	Path   string
	Line   int
	RuleID string
	Reason string
}

// FixOptions choose the fixes PlanFixes takes.
type FixOptions struct {
	// MinLevel is the lowest level whose findings are fixed; note-level
	// findings often say the code is fine where it runs, so the default
	// (empty) is warning.
	MinLevel rules.Level
	// MaxFileSize caps the Java sources read (default safefs.MaxSource, as
	// the scan's --max-file-size); build files use safefs.MaxBuildFile.
	MaxFileSize int64
}

// FixPlan is what PlanFixes decided.
type FixPlan struct {
	Patches []FilePatch
	Skipped []SkippedFix
	// BelowLevel counts the fixes of findings under MinLevel, left alone.
	BelowLevel int
}

// PlanFixes applies, per file, the first fix of every finding at or above
// opts.MinLevel that has one and is not suppressed. A fix that overlaps one
// already taken in the same file is skipped (a later run picks it up), a
// file whose fixed text no longer parses is left alone, and so is a file
// kscan fix may not write: a symbolic link, anything but a regular file, a
// file whose real path is outside the scan root.
func PlanFixes(res *Result, opts FixOptions) FixPlan {
	minLevel := opts.MinLevel
	if minLevel == "" {
		minLevel = rules.LevelWarning
	}
	var plan FixPlan
	byPath := map[string][]finding.Finding{}
	var paths []string
	for _, f := range res.Findings {
		if len(f.Fixes) == 0 || len(f.Suppressed) > 0 {
			continue
		}
		if f.Level.Rank() < minLevel.Rank() {
			plan.BelowLevel++
			continue
		}
		if _, ok := byPath[f.Path]; !ok {
			paths = append(paths, f.Path)
		}
		byPath[f.Path] = append(byPath[f.Path], f)
	}
	sort.Strings(paths)
	for _, p := range paths {
		abs := filepath.Join(res.Root, filepath.FromSlash(p))
		info, err := writable(res.Root, abs)
		if err != nil {
			plan.Skipped = append(plan.Skipped, SkippedFix{Path: p, Reason: err.Error()})
			continue
		}
		limit := opts.MaxFileSize
		if limit <= 0 {
			limit = safefs.MaxSource
		}
		if !strings.HasSuffix(p, ".java") {
			limit = safefs.MaxBuildFile
		}
		old, err := safefs.ReadFile(abs, limit)
		if err != nil {
			plan.Skipped = append(plan.Skipped, SkippedFix{Path: p, Reason: "cannot read: " + fixErrText(err)})
			continue
		}
		// The read follows links: make sure what was read is the file checked.
		if after, err := writable(res.Root, abs); err != nil || !os.SameFile(after, info) {
			plan.Skipped = append(plan.Skipped, SkippedFix{Path: p, Reason: errFixChanged.Error()})
			continue
		}
		var edits []rules.Edit
		taken := 0
		for _, f := range byPath[p] {
			fx := toSpans(f.Fixes[0].Edits)
			if overlaps(edits, fx) {
				plan.Skipped = append(plan.Skipped, SkippedFix{p, f.Region.StartLine, f.RuleID, "overlaps another fix; run kscan fix again"})
				continue
			}
			edits = append(edits, fx...)
			taken++
		}
		fixed, err := ApplyEdits(old, edits)
		if err != nil {
			plan.Skipped = append(plan.Skipped, SkippedFix{Path: p, Reason: err.Error()})
			continue
		}
		if strings.HasSuffix(p, ".java") && javasrc.SyntaxOK(old) && !javasrc.SyntaxOK(fixed) {
			plan.Skipped = append(plan.Skipped, SkippedFix{Path: p, Reason: "the fixed file would not parse; left unchanged"})
			continue
		}
		plan.Patches = append(plan.Patches, FilePatch{Path: p, Abs: abs, Old: old, New: fixed, Fixed: taken, root: res.Root, info: info})
	}
	return plan
}

// fixErrText is an error without the path the message already names.
func fixErrText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// toSpans turns a placed fix's edits back into byte spans of the file.
func toSpans(es []finding.Edit) []rules.Edit {
	out := make([]rules.Edit, len(es))
	for i, e := range es {
		out[i] = rules.Edit{Span: facts.Span{Start: e.Region.ByteOffset, End: e.Region.ByteOffset + e.Region.ByteLength}, New: e.New}
	}
	return out
}

func overlaps(have, add []rules.Edit) bool {
	for _, a := range add {
		for _, h := range have {
			if a.Span.Start < h.Span.End && h.Span.Start < a.Span.End || a.Span == h.Span {
				return true
			}
		}
	}
	return false
}

// Reasons kscan fix refuses a file.
var (
	errFixLink       = errors.New("a symbolic link; kscan fix never writes through or replaces one")
	errFixNotRegular = errors.New("not a regular file")
	errFixOutside    = errors.New("its real path is outside the scan root")
	errFixChanged    = errors.New("the file was replaced while kscan fix ran; left unchanged")
)

// writable checks that abs is a file kscan fix may replace: a regular
// file, not a link, whose real path lies under root. Writing through a
// link (src/Link.java -> /etc/...) or replacing it with a regular file
// would copy a file from outside the repository into it.
func writable(root, abs string) (fs.FileInfo, error) {
	fi, err := os.Lstat(abs)
	switch {
	case err != nil:
		return nil, errors.New("cannot read: " + fixErrText(err))
	case fi.Mode()&fs.ModeSymlink != 0:
		return nil, errFixLink
	case !fi.Mode().IsRegular():
		return nil, errFixNotRegular
	}
	ok, err := safefs.Within(root, abs)
	if err != nil {
		return nil, errors.New("cannot resolve: " + fixErrText(err))
	}
	if !ok {
		return nil, errFixOutside
	}
	return fi, nil
}

// fixTempPrefix starts the name of every temporary file kscan fix writes.
// The name begins with a dot and ends in .tmp so no build or scan takes it
// for a source, and says whose it is, so a later run can remove what a
// killed one left.
const fixTempPrefix = ".kscan-fix-"

// fixTempRE matches exactly the names fixTemp makes.
var fixTempRE = regexp.MustCompile(`^\.kscan-fix-.+-[0-9a-f]{16}\.tmp$`)

func fixTempName(base string) (string, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return fixTempPrefix + base + "-" + hex.EncodeToString(b[:]) + ".tmp", nil
}

// CleanStaleTemps removes the temporary files a kscan fix killed before
// its rename left in dir: regular files named as kscan fix names them,
// nothing else. It returns the paths removed. A kscan fix running at the
// same time in the same directory would lose its temporary file and report
// the failed write; the two would race on the same sources anyway.
func CleanStaleTemps(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var removed []string
	for _, e := range ents {
		if !e.Type().IsRegular() || !fixTempRE.MatchString(e.Name()) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if err := os.Remove(p); err != nil {
			return removed, err
		}
		removed = append(removed, p)
	}
	return removed, nil
}

// WritePatch replaces the patch's file with its fixed content atomically:
// a temporary file in the same directory, renamed over the original, with
// the original's permissions. Just before the rename the file is checked
// again: still the regular file that was read, not a link, still under the
// scan root; otherwise nothing is written.
func WritePatch(p FilePatch) (err error) {
	if p.info == nil {
		return errors.New("patch was not planned by PlanFixes")
	}
	dir, base := filepath.Split(p.Abs)
	name, err := fixTempName(base)
	if err != nil {
		return err
	}
	tmpPath := filepath.Join(dir, name)
	tmp, err := os.OpenFile(tmpPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmpPath)
		}
	}()
	if _, err = tmp.Write(p.New); err != nil {
		return err
	}
	if err = tmp.Chmod(p.info.Mode().Perm()); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	now, err := writable(p.root, p.Abs)
	if err != nil {
		return err
	}
	if !os.SameFile(now, p.info) {
		return errFixChanged
	}
	if err = os.Rename(tmpPath, p.Abs); err != nil {
		return err
	}
	// The rename is durable once the directory is synced; a failure here
	// leaves a complete file either way.
	if d, derr := os.Open(filepath.Clean(dir)); derr == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

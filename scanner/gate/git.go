package gate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// Changes are the files and lines changed between the merge base of a
// revision and HEAD on one side and the working tree on the other, plus
// the untracked files git does not ignore: what a branch or an uncommitted
// change adds.
type Changes struct {
	Top  string // the repository's top-level directory, absolute, symbolic links resolved
	Ref  string // the revision asked for
	Base string // the merge base of Ref and HEAD that the working tree is compared with

	files map[string]*fileChange // by slash-separated path relative to Top
	gone  map[string]bool        // deleted, or renamed to another path
}

type fileChange struct {
	whole  bool // added, untracked or binary: every line counts
	ranges []Range
}

// Load asks git, run in dir, for the changes since ref. Every error names
// what failed in words a user can act on; the caller adds the ref.
func LoadChanges(ctx context.Context, dir, ref string) (*Changes, error) {
	if ref == "" {
		return nil, errors.New("empty revision")
	}
	top, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return nil, errors.New("git is not installed (or not on PATH)")
		}
		return nil, fmt.Errorf("%s is not in a git work tree (%v)", dir, err)
	}
	topDir := strings.TrimSuffix(string(top), "\n")
	if real, err := filepath.EvalSymlinks(topDir); err == nil {
		topDir = real
	}
	// --end-of-options: a ref such as "--output=x" is a revision that
	// does not exist, never an option.
	commit, err := git(ctx, topDir, "rev-parse", "--verify", "--quiet", "--end-of-options", ref+"^{commit}")
	if err != nil {
		return nil, fmt.Errorf("unknown revision or not a commit in %s", topDir)
	}
	sha := strings.TrimSpace(string(commit))
	base, err := git(ctx, topDir, "merge-base", sha, "HEAD")
	if err != nil {
		return nil, fmt.Errorf("no merge base with HEAD (a shallow clone needs more history, e.g. fetch-depth: 0): %v", err)
	}
	c := &Changes{Top: topDir, Ref: ref, Base: strings.TrimSpace(string(base)),
		files: map[string]*fileChange{}, gone: map[string]bool{}}
	// Explicit prefixes and switches: diff.noprefix, diff.mnemonicPrefix,
	// diff.relative, diff.external, color.diff and textconv drivers in the
	// user's configuration would otherwise change what is printed.
	patch, err := git(ctx, topDir, "diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv",
		"--no-relative", "-M", "--src-prefix=a/", "--dst-prefix=b/", c.Base, "--")
	if err != nil {
		return nil, fmt.Errorf("git diff: %v", err)
	}
	fds, err := ParseDiff(patch)
	if err != nil {
		return nil, fmt.Errorf("reading git diff output: %v", err)
	}
	c.add(fds)
	untracked, err := git(ctx, topDir, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, fmt.Errorf("git ls-files: %v", err)
	}
	for _, p := range strings.Split(string(untracked), "\x00") {
		if p != "" {
			c.files[p] = &fileChange{whole: true}
		}
	}
	return c, nil
}

// New builds Changes from parsed diffs and untracked paths, for callers
// that have the patch already (and for tests).
func NewChanges(top string, fds []FileDiff, untracked []string) *Changes {
	c := &Changes{Top: top, files: map[string]*fileChange{}, gone: map[string]bool{}}
	c.add(fds)
	for _, p := range untracked {
		c.files[p] = &fileChange{whole: true}
	}
	return c
}

func (c *Changes) add(fds []FileDiff) {
	for _, fd := range fds {
		if fd.OldPath != "" && fd.OldPath != fd.NewPath && !fd.Copy {
			c.gone[fd.OldPath] = true
		}
		if fd.NewPath == "" {
			continue
		}
		fc := c.files[fd.NewPath]
		if fc == nil {
			fc = &fileChange{}
			c.files[fd.NewPath] = fc
		}
		fc.whole = fc.whole || fd.Binary || fd.OldPath == ""
		fc.ranges = append(fc.ranges, fd.Ranges...)
	}
	for _, fc := range c.files {
		sort.Slice(fc.ranges, func(i, j int) bool { return fc.ranges[i].Start < fc.ranges[j].Start })
	}
}

// File reports whether the file at path (slash-separated, relative to Top)
// was added, changed, renamed, deleted or is untracked.
func (c *Changes) File(path string) bool {
	return c.files[path] != nil || c.gone[path]
}

// Line reports whether line of path is new or changed. A line below 1
// stands for the whole file (a finding in a jar has no line of its own):
// it counts when the file changed at all.
func (c *Changes) Line(path string, line int) bool {
	fc := c.files[path]
	switch {
	case fc == nil:
		return false
	case fc.whole || line < 1:
		return true
	}
	i := sort.Search(len(fc.ranges), func(i int) bool { return fc.ranges[i].End >= line })
	for ; i < len(fc.ranges) && fc.ranges[i].Start <= line; i++ {
		if line <= fc.ranges[i].End {
			return true
		}
	}
	return false
}

// Rel maps an absolute path, with symbolic links resolved as in Top, to
// the slash-separated path relative to Top that File and Line take; ok is
// false outside the repository.
func (c *Changes) Rel(abs string) (string, bool) {
	r, err := filepath.Rel(c.Top, abs)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// git runs git in dir with the settings every call here needs: paths
// printed as they are (core.quotePath=false) and no optional index
// refresh, which would take the index lock under a running commit hook.
func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-c", "core.quotePath=false", "-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, fmt.Errorf("%w: %s", err, firstLine(msg))
		}
		return nil, err
	}
	return stdout.Bytes(), nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

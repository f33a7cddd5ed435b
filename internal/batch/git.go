package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// gitEnv keeps git from prompting (a private repository fails instead of
// hanging the batch) and from running helper programs named in a URL.
var gitEnv = []string{
	"GIT_TERMINAL_PROMPT=0",
	"GIT_ASKPASS=",
	"SSH_ASKPASS=",
	"GIT_SSH_COMMAND=ssh -o BatchMode=yes",
	"GIT_ALLOW_PROTOCOL=file:git:http:https:ssh",
	"GIT_CONFIG_NOSYSTEM=1",
	"LC_ALL=C",
}

// gitError is a failed git command with what it printed.
type gitError struct {
	args   []string
	stderr string
	err    error
}

func (e *gitError) Error() string {
	msg := gitFatal(e.stderr)
	if msg == "" {
		msg = e.err.Error()
	}
	return fmt.Sprintf("git %s: %s", e.args[0], msg)
}

func (e *gitError) Unwrap() error { return e.err }

// git runs a git command in dir and returns its standard output. The
// process group is killed when ctx ends, so a hung transport helper does
// not outlive the timeout.
func git(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-c", "protocol.ext.allow=never", "-c", "core.quotePath=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), gitEnv...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	KillGroup(cmd)
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", &gitError{args: args, stderr: errb.String(), err: err}
	}
	return out.String(), nil
}

var fullSHA = regexp.MustCompile(`^[0-9a-f]{40}([0-9a-f]{24})?$`)

// errEmptyRepo marks a repository without commits.
var errEmptyRepo = errors.New("the repository has no commits")

// remoteCommit asks the remote which commit ref (or HEAD) names, without
// fetching anything, so a repository whose result is current is skipped
// at the cost of one round trip. It returns "" when the ref is a short
// commit id the remote cannot resolve by name.
func remoteCommit(ctx context.Context, source, ref string) (string, error) {
	if fullSHA.MatchString(ref) {
		return ref, nil
	}
	args := []string{"ls-remote", "--", source}
	if ref == "" {
		args = append(args, "HEAD")
	} else {
		args = append(args, ref, "refs/heads/"+ref, "refs/tags/"+ref, "refs/tags/"+ref+"^{}")
	}
	out, err := git(ctx, "", args...)
	if err != nil {
		return "", err
	}
	byRef := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		sha, name, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if ok {
			byRef[name] = sha
		}
	}
	if ref == "" {
		if sha := byRef["HEAD"]; sha != "" {
			return sha, nil
		}
		return "", errEmptyRepo
	}
	// A tag's peeled commit first, then branch, tag, exact name.
	for _, name := range []string{"refs/tags/" + ref + "^{}", "refs/heads/" + ref, "refs/tags/" + ref, ref} {
		if sha := byRef[name]; sha != "" {
			return sha, nil
		}
	}
	if regexp.MustCompile(`^[0-9a-f]{7,39}$`).MatchString(ref) {
		return "", nil // maybe an abbreviated commit: only a fetch can tell
	}
	return "", fmt.Errorf("git ls-remote: no branch or tag %q in %s", ref, source)
}

// checkout brings the repository at ref into dir: a shallow clone the
// first time, a shallow fetch into the same clone later. A clone is made in
// a temporary directory and renamed, so a batch killed mid-clone leaves no
// half clone that looks whole. It returns the commit checked out.
func checkout(ctx context.Context, source, ref, want, dir string) (string, error) {
	if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
		if err := update(ctx, dir, ref, want); err == nil {
			return git1(ctx, dir, "rev-parse", "HEAD")
		} else if ctx.Err() != nil {
			return "", err
		}
		// A broken cache entry is cloned again from scratch.
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	tmp := dir + ".tmp"
	if err := os.RemoveAll(tmp); err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", err
	}
	var err error
	switch {
	case ref == "":
		_, err = git(ctx, "", "clone", "--quiet", "--depth", "1", "--no-tags", "--", source, tmp)
	case fullSHA.MatchString(ref) || want == "":
		err = fetchInto(ctx, tmp, source, ref)
	default:
		_, err = git(ctx, "", "clone", "--quiet", "--depth", "1", "--no-tags", "--branch", ref, "--", source, tmp)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	head, err := git1(ctx, tmp, "rev-parse", "--verify", "--quiet", "HEAD")
	if err != nil || head == "" {
		os.RemoveAll(tmp)
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", errEmptyRepo
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	return head, nil
}

// fetchInto makes a clone of one commit (or ref) that git clone --branch
// cannot name, such as a commit id.
func fetchInto(ctx context.Context, dir, source, ref string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, args := range [][]string{
		{"init", "--quiet"},
		{"remote", "add", "origin", "--", source},
		{"fetch", "--quiet", "--depth", "1", "--no-tags", "origin", "--", ref},
		{"checkout", "--quiet", "--detach", "FETCH_HEAD"},
	} {
		if _, err := git(ctx, dir, args...); err != nil {
			return err
		}
	}
	return nil
}

// update moves an existing shallow clone to the wanted commit (or the
// remote's ref when unknown) and removes anything a previous scan or build
// left in the work tree.
func update(ctx context.Context, dir, ref, want string) error {
	if want != "" {
		if have, err := git1(ctx, dir, "rev-parse", "HEAD"); err == nil && have == want {
			_, err := git(ctx, dir, "clean", "-q", "-ffdx")
			return err
		}
	}
	target := ref
	if target == "" {
		target = "HEAD"
	}
	if want != "" && !fullSHA.MatchString(ref) {
		target = want // fetch exactly what ls-remote saw
	}
	for _, args := range [][]string{
		{"fetch", "--quiet", "--depth", "1", "--no-tags", "origin", "--", target},
		{"checkout", "--quiet", "--force", "--detach", "FETCH_HEAD"},
		{"clean", "-q", "-ffdx"},
	} {
		if _, err := git(ctx, dir, args...); err != nil {
			return err
		}
	}
	return nil
}

func git1(ctx context.Context, dir string, args ...string) (string, error) {
	out, err := git(ctx, dir, args...)
	return strings.TrimSpace(out), err
}

// gitFatal picks git's own error lines ("fatal: ...", "error: ...") out of
// its output, which also holds hints and progress; else the last lines.
func gitFatal(s string) string {
	var msgs []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		for _, p := range []string{"fatal: ", "error: "} {
			if rest, ok := strings.CutPrefix(l, p); ok && rest != "" {
				msgs = append(msgs, rest)
			}
		}
	}
	if len(msgs) > 0 {
		return strings.Join(msgs, "; ")
	}
	return lastLines(s, 3)
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.TrimSpace(strings.Join(lines, " "))
}

package gate

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// repo is a scratch git repository. Its global configuration is made
// hostile on purpose (no a/ b/ prefixes, colour, quoted paths, relative
// diffs, an external diff tool): Load must not depend on any of it.
type repo struct {
	t   *testing.T
	dir string
}

func newRepo(t *testing.T) *repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	home := t.TempDir()
	global := filepath.Join(home, "gitconfig")
	cfg := "[user]\n\tname = t\n\temail = t@example.com\n[init]\n\tdefaultBranch = main\n" +
		"[diff]\n\tnoprefix = true\n\tmnemonicPrefix = true\n\trelative = true\n\texternal = false-diff-tool\n\trenames = false\n" +
		"[color]\n\tui = always\n[core]\n\tquotePath = true\n"
	if err := os.WriteFile(global, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CONFIG_GLOBAL", global)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("HOME", home)
	r := &repo{t: t, dir: t.TempDir()}
	r.git("init", "-q")
	return r
}

func (r *repo) git(args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		r.t.Fatalf("git %v: %v\n%s", args, err, errb.String())
	}
	return out.String()
}

func (r *repo) write(name, text string) {
	r.t.Helper()
	p := filepath.Join(r.dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *repo) commit(msg string) {
	r.t.Helper()
	r.git("add", "-A")
	r.git("commit", "-q", "--no-verify", "-m", msg)
}

func lines(n int, prefix string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString(prefix)
		b.WriteString(strings.Repeat("x", i))
		b.WriteByte('\n')
	}
	return b.String()
}

// replaceLine returns text with its 1-based line n replaced.
func replaceLine(text string, n int, with string) string {
	ls := strings.SplitAfter(text, "\n")
	ls[n-1] = with + "\n"
	return strings.Join(ls, "")
}

// check is one expectation: File(path) and Line(path, line).
type check struct {
	path       string
	line       int
	file, want bool
}

func TestLoad(t *testing.T) {
	base := lines(10, "l")
	tests := []struct {
		name   string
		ref    string
		change func(r *repo)
		checks []check
	}{
		{
			name: "an edited line, staged and unstaged",
			change: func(r *repo) {
				r.write("A.java", replaceLine(base, 3, "changed"))
				r.git("add", "A.java")
				r.write("B.java", replaceLine(base, 7, "changed"))
			},
			checks: []check{{"A.java", 3, true, true}, {"A.java", 4, true, false}, {"B.java", 7, true, true}, {"B.java", 3, true, false}, {"C.txt", 1, false, false}},
		},
		{
			name:   "lines appended and a line deleted",
			change: func(r *repo) { r.write("A.java", strings.Replace(base, "lxx\n", "", 1)+"new1\nnew2\n") },
			checks: []check{{"A.java", 1, true, false}, {"A.java", 2, true, false}, {"A.java", 9, true, false}, {"A.java", 10, true, true}, {"A.java", 11, true, true}},
		},
		{
			name:   "a deleted file",
			change: func(r *repo) { r.git("rm", "-q", "B.java") },
			checks: []check{{"B.java", 1, true, false}, {"B.java", 0, true, false}},
		},
		{
			name: "a rename with an edit: only the edited line is new",
			change: func(r *repo) {
				r.write("moved/.keep", "")
				r.git("mv", "A.java", "moved/A2.java")
				r.write("moved/A2.java", replaceLine(base, 5, "edited"))
			},
			checks: []check{{"moved/A2.java", 5, true, true}, {"moved/A2.java", 4, true, false}, {"A.java", 5, true, false}},
		},
		{
			name:   "a pure rename changes the file but no line",
			change: func(r *repo) { r.git("mv", "A.java", "Renamed.java") },
			checks: []check{{"Renamed.java", 1, true, false}, {"Renamed.java", 0, true, true}, {"A.java", 1, true, false}},
		},
		{
			name: "awkward names",
			change: func(r *repo) {
				r.write("with space/My File.java", replaceLine(base, 2, "e"))
				r.write(`quo"te.java`, replaceLine(base, 4, "e"))
				r.write("üñï.java", replaceLine(base, 6, "e"))
				r.write("back\\slash.java", replaceLine(base, 8, "e"))
			},
			checks: []check{
				{"with space/My File.java", 2, true, true}, {"with space/My File.java", 3, true, false},
				{`quo"te.java`, 4, true, true}, {"üñï.java", 6, true, true}, {"üñï.java", 5, true, false},
				{"back\\slash.java", 8, true, true},
			},
		},
		{
			name:   "a binary file changed as a whole",
			change: func(r *repo) { r.write("lib/x y.jar", "PK\x03\x04\x00\x00changed\x00") },
			checks: []check{{"lib/x y.jar", 1, true, true}, {"lib/x y.jar", 0, true, true}},
		},
		{
			name: "untracked files count whole, ignored ones not",
			change: func(r *repo) {
				r.write("New.java", "class New {}\n")
				r.write("target/Gen.java", "class Gen {}\n")
			},
			checks: []check{{"New.java", 1, true, true}, {"target/Gen.java", 1, false, false}, {"A.java", 1, false, false}},
		},
		{
			name:   "no newline at end of file",
			change: func(r *repo) { r.write("nonl.txt", "a\nB") },
			checks: []check{{"nonl.txt", 1, true, false}, {"nonl.txt", 2, true, true}},
		},
		{
			name: "against a branch: what main did after the fork is not ours",
			ref:  "main",
			change: func(r *repo) {
				r.git("checkout", "-q", "-b", "topic")
				r.write("A.java", replaceLine(base, 2, "topic"))
				r.commit("topic")
				r.git("checkout", "-q", "main")
				r.write("B.java", replaceLine(base, 9, "main"))
				r.commit("main moves on")
				r.git("checkout", "-q", "topic")
				r.write("C.txt", "uncommitted\n")
			},
			checks: []check{{"A.java", 2, true, true}, {"A.java", 3, true, false}, {"B.java", 9, false, false}, {"C.txt", 1, true, true}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := newRepo(t)
			r.write(".gitignore", "target/\n")
			r.write("A.java", base)
			r.write("B.java", base)
			r.write("C.txt", "c\n")
			r.write("nonl.txt", "a\nb")
			r.write("with space/My File.java", base)
			r.write(`quo"te.java`, base)
			r.write("üñï.java", base)
			r.write("back\\slash.java", base)
			r.write("lib/x y.jar", "PK\x03\x04\x00\x00original\x00")
			r.commit("init")
			tc.change(r)
			ref := tc.ref
			if ref == "" {
				ref = "HEAD"
			}
			c, err := LoadChanges(context.Background(), r.dir, ref)
			if err != nil {
				t.Fatal(err)
			}
			for _, ck := range tc.checks {
				if got := c.File(ck.path); got != ck.file {
					t.Errorf("File(%q) = %v, want %v", ck.path, got, ck.file)
				}
				if got := c.Line(ck.path, ck.line); got != ck.want {
					t.Errorf("Line(%q, %d) = %v, want %v", ck.path, ck.line, got, ck.want)
				}
			}
		})
	}
}

func TestLoadFromSubdirectory(t *testing.T) {
	r := newRepo(t)
	r.write("svc/src/A.java", lines(3, "a"))
	r.commit("init")
	r.write("svc/src/A.java", replaceLine(lines(3, "a"), 2, "b"))
	c, err := LoadChanges(context.Background(), filepath.Join(r.dir, "svc", "src"), "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	real, err := filepath.EvalSymlinks(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	if c.Top != real {
		t.Errorf("Top = %q, want %q", c.Top, real)
	}
	p, ok := c.Rel(filepath.Join(real, "svc", "src", "A.java"))
	if !ok || p != "svc/src/A.java" || !c.Line(p, 2) || c.Line(p, 1) {
		t.Errorf("Rel = %q %v; Line(2) = %v", p, ok, c.Line(p, 2))
	}
	if _, ok := c.Rel(filepath.Dir(real)); ok {
		t.Error("a path outside the repository mapped inside it")
	}
}

func TestLoadErrors(t *testing.T) {
	r := newRepo(t)
	r.write("A.java", "a\n")
	r.commit("init")
	outside := t.TempDir()
	sentinel := filepath.Join(outside, "written")
	tests := []struct {
		name, dir, ref, want string
	}{
		{"not a repository", outside, "HEAD", "not in a git work tree"},
		{"unknown ref", r.dir, "no-such-branch", "unknown revision"},
		{"a ref that looks like an option", r.dir, "--output=" + sentinel, "unknown revision"},
		{"a ref that looks like a short option", r.dir, "-p", "unknown revision"},
		{"empty ref", r.dir, "", "empty revision"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadChanges(context.Background(), tc.dir, tc.ref)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
	if _, err := os.Stat(sentinel); err == nil {
		t.Error("a ref was read as an option: git wrote the file it named")
	}

	empty := newRepo(t)
	if _, err := LoadChanges(context.Background(), empty.dir, "HEAD"); err == nil {
		t.Error("a repository without commits gave no error")
	}
}

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Hostile repositories: each input a probe found to hang kscan, grow its
// memory without bound, or make it read or write outside the tree is run
// here through the real binary, with a limit on its time and on its peak
// memory that the test checks. The failures these guard against took from
// 13 s to forever and from 1 GB to all the machine had; a scan of a tiny
// tree takes a few dozen MB and a fraction of a second, so the limits
// leave room for a loaded machine and still tell the two apart.

// bound is what one run of kscan may cost.
type bound struct {
	cpu time.Duration // user+system CPU time
	mib int64         // peak resident set, MiB
}

// hangAfter stops a run that blocks (a FIFO waited on uses no CPU time).
const hangAfter = 60 * time.Second

// small is the bound for a tree of a few tiny files plus one hostile one.
var small = bound{cpu: 5 * time.Second, mib: 160}

// kscanBounded runs kscan like kscan() and fails the test when the run
// blocked, took more CPU time or reached a larger peak memory than b.
func kscanBounded(t *testing.T, b bound, dir string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangAfter)
	defer cancel()
	r := runKscan(t, ctx, dir, args...)
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Fatalf("kscan %s: still running after %s (killed)\nstderr:\n%s", strings.Join(args, " "), hangAfter, r.stderr)
	}
	checkBound(t, b, r, strings.Join(args, " "))
	return r
}

func checkBound(t *testing.T, b bound, r result, what string) {
	t.Helper()
	t.Logf("kscan %s: %.2fs wall, %.2fs CPU, peak %d MiB", what, r.wall.Seconds(), r.cpu.Seconds(), r.peakKB>>10)
	if r.cpu > b.cpu {
		t.Errorf("kscan %s: %s of CPU time, limit %s", what, r.cpu, b.cpu)
	}
	if r.peakKB == 0 {
		t.Errorf("kscan %s: peak memory unknown", what)
	} else if r.peakKB > b.mib<<10 {
		t.Errorf("kscan %s: peak memory %d MiB, limit %d MiB", what, r.peakKB>>10, b.mib)
	}
}

// sparse makes a file of size bytes that are all holes: nothing is
// written to disk, but its size says 1 GiB.
func sparse(path string, size int64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Truncate(size)
}

// nestedClasses is `class C0 { class C1 { ...` to about size bytes, with a
// call a rule flags in the innermost class.
func nestedClasses(size int) string {
	var b strings.Builder
	n := 0
	for b.Len() < size {
		fmt.Fprintf(&b, "class C%d { ", n)
		n++
	}
	b.WriteString("void f() { System.exit(1); } ")
	b.WriteString(strings.Repeat("}", n))
	b.WriteString("\n")
	return b.String()
}

// TestHostileInputs: one hostile file in an otherwise ordinary tree. The
// scan ends within its bound, says what it refused and why, and never
// shows what lies outside the tree.
func TestHostileInputs(t *testing.T) {
	const good = "class Good { void f() { System.exit(1); } }\n"
	link := func(target, name string) func(t *testing.T, root string) {
		return func(t *testing.T, root string) {
			mustDo(t, os.MkdirAll(filepath.Join(root, filepath.Dir(name)), 0o755))
			mustDo(t, os.Symlink(target, filepath.Join(root, name)))
		}
	}
	fifo := func(name string) func(t *testing.T, root string) {
		return func(t *testing.T, root string) {
			if err := syscall.Mkfifo(filepath.Join(root, name), 0o644); err != nil {
				t.Skip(err)
			}
		}
	}
	holes := func(name string) func(t *testing.T, root string) {
		return func(t *testing.T, root string) {
			mustDo(t, os.MkdirAll(filepath.Join(root, filepath.Dir(name)), 0o755))
			mustDo(t, sparse(filepath.Join(root, name), 1<<30))
		}
	}
	file := func(name, body string) func(t *testing.T, root string) {
		return func(t *testing.T, root string) { writeFiles(t, root, map[string]string{name: body}) }
	}
	both := func(fs ...func(t *testing.T, root string)) func(t *testing.T, root string) {
		return func(t *testing.T, root string) {
			for _, f := range fs {
				f(t, root)
			}
		}
	}
	// A file outside the tree that a link in it names; it holds a
	// finding and a secret that must not reach the output.
	outside := filepath.Join(t.TempDir(), "Secret.java")
	mustDo(t, os.WriteFile(outside, []byte("class Secret { void f() { System.exit(1); } } // password=hunter2\n"), 0o644))
	const scanned = 1 // the tree's own finding, at error level: exit 1

	tests := []struct {
		name  string
		setup func(t *testing.T, root string)
		args  []string // after "scan --fail-on error"
		code  int
		want  []string // in stdout+stderr
		not   []string // nowhere in the output
		b     bound
	}{
		// 1: links to devices, never read.
		{"pom link to /dev/zero", link("/dev/zero", "pom.xml"), nil, scanned,
			[]string{"pom.xml: symbolic link to a file outside the scanned root; not followed"}, nil, small},
		{"pom link to /dev/urandom", link("/dev/urandom", "pom.xml"), nil, scanned,
			[]string{"pom.xml: symbolic link to a file outside the scanned root; not followed"}, nil, small},
		{"config link to /dev/zero", link("/dev/zero", ".kscan.yaml"), nil, exitUsage,
			[]string{".kscan.yaml: resolves outside the scanned root"}, nil, small},
		{"config link to /dev/urandom", link("/dev/urandom", ".kscan.yaml"), nil, exitUsage,
			[]string{".kscan.yaml: resolves outside the scanned root"}, nil, small},
		{"adapter table link to /dev/zero", link("/dev/zero", "conf/ark/adapter-mapping.yaml"), nil, scanned,
			[]string{"adapter table skipped", "conf/ark/adapter-mapping.yaml: resolves outside the scanned root"}, nil, small},
		{"adapter table link to /dev/urandom", link("/dev/urandom", "conf/ark/adapter-mapping.yaml"), nil, scanned,
			[]string{"adapter table skipped", "conf/ark/adapter-mapping.yaml: resolves outside the scanned root"}, nil, small},
		{"config adapters: /dev/zero", file(".kscan.yaml", "adapters: [/dev/zero]\n"), nil, exitUsage,
			[]string{`.kscan.yaml:1: adapters: "/dev/zero" is absolute`}, nil, small},
		{"config baseline: /dev/zero", file(".kscan.yaml", "baseline: /dev/zero\n"), nil, exitUsage,
			[]string{`.kscan.yaml:1: baseline: "/dev/zero" is absolute`}, nil, small},
		{"config adapters: link in the tree to /dev/zero", both(file(".kscan.yaml", "adapters: [t/tab.yaml]\n"), link("/dev/zero", "t/tab.yaml")), nil, exitUsage,
			[]string{".kscan.yaml:1: adapters: open t/tab.yaml: resolves outside the scanned root"}, nil, small},
		{"config baseline: link in the tree to /dev/urandom", both(file(".kscan.yaml", "baseline: b.json\n"), link("/dev/urandom", "b.json")), nil, exitUsage,
			[]string{".kscan.yaml:1: baseline: open b.json: resolves outside the scanned root"}, nil, small},
		{"--adapters /dev/zero", nil, []string{"--adapters", "/dev/zero"}, exitUsage, []string{"/dev/zero", "not a regular file"}, nil, small},
		{"--baseline /dev/zero", nil, []string{"--baseline", "/dev/zero"}, exitUsage, []string{"--baseline: open /dev/zero: not a regular file"}, nil, small},
		{"--config /dev/urandom", nil, []string{"--config", "/dev/urandom"}, exitUsage, []string{"open /dev/urandom: not a regular file"}, nil, small},
		// 1e: 1 GiB of holes, refused from its size.
		{"sparse 1 GiB pom", holes("pom.xml"), nil, scanned, []string{"pom.xml: cannot read pom: 1 GiB exceeds the 8 MiB limit"}, nil, small},
		{"sparse 1 GiB config", holes(".kscan.yaml"), nil, exitUsage, []string{"read .kscan.yaml: 1 GiB exceeds the 1 MiB limit"}, nil, small},
		{"sparse 1 GiB adapter table", holes("conf/ark/adapter-mapping.yaml"), nil, scanned,
			[]string{"adapter table skipped", "1 GiB exceeds the 8 MiB limit"}, nil, small},
		{"sparse 1 GiB baseline", both(file(".kscan.yaml", "baseline: b.json\n"), holes("b.json")), nil, exitUsage,
			[]string{"baseline: read b.json: 1 GiB exceeds the 64 MiB limit"}, nil, small},
		{"sparse 1 GiB source", holes("src/Big.java"), nil, scanned, []string{"src/Big.java", "too-large"}, nil, small},
		// 1f: FIFOs, refused at once rather than waited on.
		{"FIFO pom", fifo("pom.xml"), nil, scanned, []string{"pom.xml: not a regular file; skipped"}, nil, small},
		{"FIFO config", fifo(".kscan.yaml"), nil, exitUsage, []string{"open .kscan.yaml: not a regular file"}, nil, small},
		{"FIFO source", fifo("Fifo.java"), nil, scanned, []string{"Fifo.java"}, nil, small},
		// 11: a config naming any absolute path: refused, without a byte
		// of the file in the message.
		{"config adapters: /etc/passwd", file(".kscan.yaml", "adapters: [/etc/passwd]\n"), nil, exitUsage,
			[]string{`adapters: "/etc/passwd" is absolute`}, []string{"root:", "'r'"}, small},
		{"config baseline: outside file", file(".kscan.yaml", "baseline: "+outside+"\n"), nil, exitUsage,
			[]string{`is absolute`}, []string{"hunter2", "'c'"}, small},
		{"config baseline: ../ out of the tree", file(".kscan.yaml", "baseline: ../../../../../../etc/passwd\n"), nil, exitUsage,
			[]string{"leaves the directory of .kscan.yaml"}, []string{"root:"}, small},
		// 3b: a source linked to a file outside is not scanned under the
		// link's name; it is named in a notification.
		{"source link outside", link(outside, "src/Pw.java"), []string{"--format", "text"}, scanned,
			[]string{"src/Pw.java: symbolic link to a file outside the scanned root; not followed"}, []string{"hunter2"}, small},
		{"source link to /etc/passwd", link("/etc/passwd", "src/Etc.java"), []string{"--format", "json"}, scanned,
			[]string{`"src/Etc.java"`, `"outside-root"`}, []string{"root:"}, small},
		// 2: nested classes, bounded in depth with a notification; memory
		// stays a small multiple of the file's size.
		{"nested classes 245 KB", file("Nest.java", nestedClasses(245_000)), nil, scanned,
			[]string{"Nest.java:1: ", "nested deeper than", "scanned in part"}, nil, small},
		{"nested classes 1.5 MB", file("Nest.java", nestedClasses(1_500_000)), nil, scanned,
			[]string{"Nest.java:1: ", "nested deeper than", "scanned in part"}, nil, bound{cpu: 10 * time.Second, mib: 320}},
		// 10: 100 KB of unclosed braces: a syntax notification, the rest
		// scanned, far from the per-file time limit.
		{"100 KB of unclosed braces", file("Open.java", "class Open { void f() { System.exit(1); } void g() "+strings.Repeat("{", 100_000)), nil, scanned,
			[]string{"Open.java:1: syntax error", "Open.java\n  1:"}, nil, small},
		// Unclosed method bodies cost the parser's error recovery a few
		// hundred bytes of memory per input byte; brackets nested past
		// javasrc.MaxBracketDepth leave the rest of the file unparsed, so
		// 1.9 MB costs what a small file does, and the finding before them
		// is kept.
		{"unclosed method bodies 1.9 MB", file("Open.java", "class Open { void f() { System.exit(1); } "+strings.Repeat("void g() { ", 175_000)+strings.Repeat("}", 140_000)), nil, scanned,
			[]string{"Open.java:1: braces nested deeper than 512", "Open.java\n  1:"}, nil, small},
		// 100,000 static fields, 2 MB: a pre-filter that searched the
		// file once per declared name held the scan for minutes.
		{"100,000 static fields", file("Fields.java", staticFields(100_000)), []string{"--format", "text"}, scanned,
			[]string{"Good.java"}, []string{"Fields.java"}, small},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			root := t.TempDir()
			writeFiles(t, root, map[string]string{"Good.java": good})
			if tc.setup != nil {
				tc.setup(t, root)
			}
			args := append([]string{"scan", "--fail-on", "error"}, tc.args...)
			r := kscanBounded(t, tc.b, root, append(args, ".")...)
			out := r.stdout + r.stderr
			if r.code != tc.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, tc.code, r.stdout, r.stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q\nstdout:\n%s\nstderr:\n%s", w, r.stdout, r.stderr)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(out, n) {
					t.Errorf("output shows %q\nstdout:\n%s\nstderr:\n%s", n, r.stdout, r.stderr)
				}
			}
			if tc.code == scanned && !strings.Contains(out, "Good.java") {
				t.Errorf("the tree's own file was not scanned:\n%s", out)
			}
		})
	}
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestCROnlyPositions: a source with CR-only line endings (old Mac) gets
// the same line and column in text, JSON and SARIF as with LF.
func TestCROnlyPositions(t *testing.T) {
	const src = "package p;\n\nclass A {\n\tvoid f() { int x = 1; System.exit(1); }\n}\n"
	for _, eol := range []string{"\n", "\r\n", "\r"} {
		t.Run(fmt.Sprintf("%q", eol), func(t *testing.T) {
			t.Parallel()
			root := t.TempDir()
			writeFiles(t, root, map[string]string{"A.java": strings.ReplaceAll(src, "\n", eol)})
			const line, col = 4, 24 // the tab counts one column
			r := kscanBounded(t, small, root, "scan", "--fail-on", "none", "--rule", "system-exit", ".")
			if !strings.Contains(r.stdout, fmt.Sprintf("  %d:%d  error    system-exit", line, col)) {
				t.Errorf("text: want %d:%d\n%s", line, col, r.stdout)
			}
			r = kscanBounded(t, small, root, "scan", "--fail-on", "none", "--rule", "system-exit", "--format", "json", ".")
			var doc struct {
				Findings []struct {
					Region struct {
						StartLine, StartColumn int
					} `json:"region"`
				} `json:"findings"`
			}
			if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Findings) != 1 {
				t.Fatalf("json: %v\n%s", err, r.stdout)
			}
			if g := doc.Findings[0].Region; g.StartLine != line || g.StartColumn != col {
				t.Errorf("json: %d:%d, want %d:%d", g.StartLine, g.StartColumn, line, col)
			}
			r = kscanBounded(t, small, root, "scan", "--fail-on", "none", "--rule", "system-exit", "--format", "sarif", ".")
			var log struct {
				Runs []struct {
					Results []struct {
						Locations []struct {
							PhysicalLocation struct {
								Region struct {
									StartLine, StartColumn int
								} `json:"region"`
							} `json:"physicalLocation"`
						} `json:"locations"`
					} `json:"results"`
				} `json:"runs"`
			}
			if err := json.Unmarshal([]byte(r.stdout), &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) != 1 {
				t.Fatalf("sarif: %v\n%s", err, r.stdout)
			}
			if g := log.Runs[0].Results[0].Locations[0].PhysicalLocation.Region; g.StartLine != line || g.StartColumn != col {
				t.Errorf("sarif: %d:%d, want %d:%d", g.StartLine, g.StartColumn, line, col)
			}
		})
	}
}

// writeChain writes n Maven poms under root, each the parent of the next,
// every one overriding a property through its parent's: resolving the last
// pom's dependency goes through the whole chain.
func writeChain(t *testing.T, root string, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		var b strings.Builder
		b.WriteString("<project>\n")
		if i > 0 {
			fmt.Fprintf(&b, "<parent><groupId>g</groupId><artifactId>p%04d</artifactId><version>1</version><relativePath>../p%04d/pom.xml</relativePath></parent>\n", i-1, i-1)
		} else {
			b.WriteString("<groupId>g</groupId><version>1</version>\n")
		}
		fmt.Fprintf(&b, "<artifactId>p%04d</artifactId>\n<properties>\n", i)
		if i == 0 {
			b.WriteString("<base.version>1.0</base.version><v.0>${base.version}</v.0>\n")
		} else {
			fmt.Fprintf(&b, "<v.%d>${v.%d}</v.%d>\n", i, i-1, i)
		}
		fmt.Fprintf(&b, "<leaf.version>${v.%d}</leaf.version>\n</properties>\n", i)
		if i == n-1 {
			b.WriteString("<dependencies><dependency><groupId>g</groupId><artifactId>leaf</artifactId><version>${leaf.version}</version></dependency></dependencies>\n")
		}
		b.WriteString("</project>\n")
		dir := filepath.Join(root, fmt.Sprintf("p%04d", i))
		mustDo(t, os.Mkdir(dir, 0o755))
		mustDo(t, os.WriteFile(filepath.Join(dir, "pom.xml"), []byte(b.String()), 0o644))
	}
}

// TestMavenChainLinear: 3,000 chained parent poms (about 1 MB) cost about
// three times what 1,000 do, as a whole process: a quadratic model took
// 92 s and 1 GB for 3,000 against 3.7 s for 1,000.
func TestMavenChainLinear(t *testing.T) {
	cost := map[int]result{}
	for _, n := range []int{1000, 3000} {
		root := t.TempDir()
		writeChain(t, root, n)
		r := kscanBounded(t, bound{cpu: 20 * time.Second, mib: 256}, root, "deps", "--format", "json", ".")
		if r.code != 0 {
			t.Fatalf("%d poms: exit %d\n%s", n, r.code, r.stderr)
		}
		var doc struct {
			Projects []struct {
				Path         string
				Dependencies []struct{ Coordinate string }
			}
		}
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Projects) != n {
			t.Fatalf("%d poms: %v, %d projects", n, err, len(doc.Projects))
		}
		last := doc.Projects[n-1]
		if len(last.Dependencies) != 1 || last.Dependencies[0].Coordinate != "g:leaf:1.0" {
			t.Errorf("%d poms: %s: want g:leaf:1.0 through the whole chain, got %v", n, last.Path, last.Dependencies)
		}
		cost[n] = r
	}
	// 3x the poms: the ratio of CPU time stays well under the 9x of a
	// quadratic model (the fixed start-up cost makes it less than 3x).
	if a, b := cost[1000].cpu, cost[3000].cpu; b > 6*a {
		t.Errorf("CPU time %s for 1,000 poms, %s for 3,000: %.1fx", a, b, float64(b)/float64(a))
	}
	if a, b := cost[1000].peakKB, cost[3000].peakKB; b > 6*a {
		t.Errorf("peak memory %d kB for 1,000 poms, %d kB for 3,000", a, b)
	}
}

// TestFixKilled: kscan fix killed with SIGKILL while it writes leaves every
// source either as it was or wholly fixed, never truncated; the next run
// removes the temporary files the killed one left and fixes the rest.
func TestFixKilled(t *testing.T) {
	root := t.TempDir()
	const n = 200
	named := map[string]string{}
	for i := 0; i < n; i++ {
		named[fmt.Sprintf("src/p%d/Lookup%d.java", i%10, i)] = fixable
	}
	writeFiles(t, root, named)

	cmd := exec.Command(kscanBin, "fix", "--role", "library", ".")
	cmd.Dir = root
	mustDo(t, cmd.Start())
	time.Sleep(300 * time.Millisecond) // the walk and the parse take longer than this; the kill lands before or during the writes
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()

	check := func(when string, wantFixed bool) {
		t.Helper()
		for p := range named {
			if !strings.HasSuffix(p, ".java") {
				continue
			}
			data, err := os.ReadFile(filepath.Join(root, p))
			if err != nil {
				t.Fatal(err)
			}
			s := string(data)
			fixed := strings.Contains(s, "Class.forName(name, true, ")
			if s != fixable && !(fixed && strings.HasSuffix(s, "}\n")) {
				t.Errorf("%s: %s is neither the original nor a whole fixed file:\n%s", when, p, s)
			}
			if wantFixed && !fixed {
				t.Errorf("%s: %s not fixed", when, p)
			}
		}
	}
	check("after the kill", false)
	// What a kill between the write of a temporary file and its rename
	// leaves, in case the kill above landed elsewhere.
	stale := "src/p0/.kscan-fix-Lookup0.java-0123456789abcdef.tmp"
	writeFiles(t, root, map[string]string{stale: fixable[:50]})

	r := kscanBounded(t, bound{cpu: 20 * time.Second, mib: 256}, root, "fix", "--role", "library", ".")
	if r.code != 0 || !strings.Contains(r.stderr, "removed "+stale) {
		t.Errorf("fix after the kill: exit %d\n%s", r.code, r.stderr)
	}
	check("after the next run", true)
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), ".kscan-fix-") {
			t.Errorf("left behind: %s", p)
		}
		return nil
	})
}

// staticFields is a class of n static int fields that nothing writes.
func staticFields(n int) string {
	var b strings.Builder
	b.WriteString("class Fields {\n")
	for i := range n {
		fmt.Fprintf(&b, "    static int f%d;\n", i)
	}
	b.WriteString("}\n")
	return b.String()
}

package rules_test

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixedFixturesCompile: every Java fixture that has fixes compiles with
// javac against the library signatures of testdata/bytecode/stubs, and so
// does its .golden, the file as the fixes leave it: a fix that parses but
// does not compile (a name out of scope, a duplicate attribute, an API newer
// than the code's Java) would break the build of whoever applies it. Both
// are compiled for Java 8, the oldest release the fixes must serve.
func TestFixedFixturesCompile(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("javac"); err != nil {
		t.Skip("javac not found on PATH: the fixed fixtures are not compiled (install a JDK 11 or later to run this check)")
	}
	java, err := exec.LookPath("java")
	if err != nil {
		t.Fatal("javac is installed but java is not:", err)
	}
	var originals, goldens []string
	err = filepath.WalkDir(fixtureRoot, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".java.golden") {
			originals = append(originals, strings.TrimSuffix(p, ".golden"))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(originals) == 0 {
		t.Fatal("no fix goldens under", fixtureRoot)
	}
	tmp := t.TempDir()
	name := map[string]string{} // compiled path -> what the report calls it
	// A short-lived compiler JVM: the client compiler and serial GC halve
	// its CPU time (5.1 s to 2.4 s user on this suite).
	args := []string{"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
		filepath.Join("..", "testdata", "javac", "CompileEach.java"), "8",
		filepath.Join("..", "testdata", "bytecode", "stubs"), filepath.Join(tmp, "out")}
	for i, o := range originals {
		// The golden is compiled under the fixture's name, as javac wants
		// for a public class.
		data, err := os.ReadFile(o + ".golden")
		if err != nil {
			t.Fatal(err)
		}
		g := filepath.Join(tmp, "fixed", string(rune('a'+i%26))+strings.Repeat("x", i/26), filepath.Base(o))
		if err := os.MkdirAll(filepath.Dir(g), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(g, data, 0o644); err != nil {
			t.Fatal(err)
		}
		name[o], name[g] = o, o+".golden"
		goldens = append(goldens, g)
		args = append(args, o)
	}
	args = append(args, goldens...)
	cmd := exec.Command(java, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("java CompileEach: %v\n%s\n%s", err, out, stderr.Bytes())
	}
	seen := 0
	var failed string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "OK "):
			failed = ""
			if name[strings.TrimPrefix(line, "OK ")] != "" {
				seen++
			}
		case strings.HasPrefix(line, "FAIL "):
			p := strings.TrimPrefix(line, "FAIL ")
			failed = name[p]
			if failed == "" {
				failed = p
			} else {
				seen++
			}
			if strings.HasSuffix(failed, ".golden") {
				t.Errorf("%s (the fixture with its fixes applied) does not compile:", failed)
			} else {
				t.Errorf("%s does not compile on its own; a fixture with fixes must, so that its golden can be checked:", failed)
			}
		case failed != "":
			t.Log(line)
		}
	}
	if seen != 2*len(originals) {
		t.Errorf("compiled %d files, want %d:\n%s\n%s", seen, 2*len(originals), out, stderr.Bytes())
	}
}

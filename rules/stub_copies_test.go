package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStubCopiesMatch: a stub under testdata/bytecode/stubs at the same
// package path as a rule fixture stands in for that fixture when another
// fixture is compiled alone; it must declare what the fixture declares
// (comments aside), or the compile checks would pass against a stale copy.
func TestStubCopiesMatch(t *testing.T) {
	stubs := filepath.Join("..", "testdata", "bytecode", "stubs")
	byRel := map[string]string{}
	err := filepath.WalkDir(stubs, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".java") {
			rel, _ := filepath.Rel(stubs, p)
			byRel[filepath.ToSlash(rel)] = p
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	copies := 0
	err = filepath.WalkDir(fixtureRoot, func(p string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".java") {
			return err
		}
		slash := filepath.ToSlash(p)
		for rel, stub := range byRel {
			if !strings.HasSuffix(slash, "/"+rel) {
				continue
			}
			copies++
			if a, b := declarations(t, p), declarations(t, stub); a != b {
				t.Errorf("%s differs from its stub copy %s:\n%s\n---\n%s", p, stub, a, b)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if copies == 0 {
		t.Fatal("no stub copies a fixture: remove this test or its stubs' note")
	}
}

// declarations is a Java file without its line comments and blank lines.
func declarations(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "//") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

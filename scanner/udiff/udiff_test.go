package udiff

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGitApply: every diff must apply with git apply and give the new text.
func TestGitApply(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	long := strings.Repeat("line\n", 30)
	large, largeEdited := bigJava()
	cases := []struct{ name, old, new string }{
		{"one line", "a\nb\nc\n", "a\nB\nc\n"},
		{"insert", "a\nc\n", "a\nb\nc\n"},
		{"delete", "a\nb\nc\n", "a\nc\n"},
		{"two hunks", "x\n" + long + "y\n" + long + "z\n", "X\n" + long + "y\n" + long + "Z\n"},
		{"near hunks merge", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\nB\n3\n4\n5\n6\nG\n8\n9\n"},
		{"no final newline", "a\nb", "a\nc"},
		{"add final newline", "a\nb", "a\nb\n"},
		{"from empty", "", "a\n"},
		{"to empty", "a\n", ""},
		{"utf8", "String s = \"日本\";\n", "String s = \"日本語\";\n"},
		{"crlf", "a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n"},
		{"crlf insert", "a\r\nc\r\n", "a\r\nb\r\nc\r\n"},
		{"large, far apart", large, largeEdited},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "F.java")
			os.WriteFile(p, []byte(tc.old), 0o644)
			d := Unified("F.java", tc.old, tc.new)
			patch := filepath.Join(dir, "fix.patch")
			os.WriteFile(patch, []byte(d), 0o644)
			cmd := exec.Command("git", "apply", "--unsafe-paths", "fix.patch")
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("git apply: %v\n%s\npatch:\n%s", err, out, d)
			}
			got, _ := os.ReadFile(p)
			if string(got) != tc.new {
				t.Errorf("applied %q, want %q\npatch:\n%s", got, tc.new, d)
			}
		})
	}
	if Unified("F", "same\n", "same\n") != "" {
		t.Error("equal texts must give no diff")
	}
}

// bigJava is a 7,000-line source and a copy with a few edits spread over it,
// the shape of a fix run over a large file.
func bigJava() (string, string) {
	var b strings.Builder
	b.WriteString("class Big {\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "    void m%d() {\n        int x = %d;\n        call(x);\n", i, i)
		fmt.Fprintf(&b, "        // comment %d\n        call(x + 1);\n    }\n\n", i)
	}
	b.WriteString("}\n")
	old := b.String()
	edited := strings.Replace(old, "int x = 10;", "int x = 10; // changed", 1)
	edited = strings.Replace(edited, "    void m500() {\n", "    void m500() {\n        before();\n", 1)
	edited = strings.Replace(edited, "        // comment 990\n", "", 1)
	return old, edited
}

func BenchmarkUnified(b *testing.B) {
	old, edited := bigJava()
	for b.Loop() {
		if Unified("Big.java", old, edited) == "" {
			b.Fatal("no diff")
		}
	}
}

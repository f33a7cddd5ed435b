package gate

import (
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		patch string
		want  []FileDiff
	}{
		{
			name: "modified lines and an added line",
			patch: "diff --git a/A.java b/A.java\nindex 1..2 100644\n--- a/A.java\n+++ b/A.java\n" +
				"@@ -2 +2 @@ class A {\n-  int x;\n+  int y;\n@@ -5,0 +6,2 @@\n+a\n+b\n",
			want: []FileDiff{{OldPath: "A.java", NewPath: "A.java", Ranges: []Range{{2, 2}, {6, 7}}}},
		},
		{
			name:  "a hunk that only deletes adds no range",
			patch: "diff --git a/A.java b/A.java\n--- a/A.java\n+++ b/A.java\n@@ -3,2 +2,0 @@\n-x\n-y\n",
			want:  []FileDiff{{OldPath: "A.java", NewPath: "A.java"}},
		},
		{
			name: "removed lines that look like headers stay in the hunk",
			patch: "diff --git a/s.sql b/s.sql\n--- a/s.sql\n+++ b/s.sql\n@@ -1,2 +1 @@\n--- comment\n-+++ b/other\n+++ new\n" +
				"diff --git a/B.java b/B.java\n--- a/B.java\n+++ b/B.java\n@@ -1 +1 @@\n-a\n+b\n",
			want: []FileDiff{
				{OldPath: "s.sql", NewPath: "s.sql", Ranges: []Range{{1, 1}}},
				{OldPath: "B.java", NewPath: "B.java", Ranges: []Range{{1, 1}}},
			},
		},
		{
			name:  "no newline at end of file",
			patch: "diff --git a/n.txt b/n.txt\n--- a/n.txt\n+++ b/n.txt\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n",
			want:  []FileDiff{{OldPath: "n.txt", NewPath: "n.txt", Ranges: []Range{{1, 1}}}},
		},
		{
			name:  "added file",
			patch: "diff --git a/N.java b/N.java\nnew file mode 100644\nindex 0..1\n--- /dev/null\n+++ b/N.java\n@@ -0,0 +1,3 @@\n+a\n+b\n+c\n",
			want:  []FileDiff{{NewPath: "N.java", Ranges: []Range{{1, 3}}}},
		},
		{
			name:  "deleted file",
			patch: "diff --git a/D.java b/D.java\ndeleted file mode 100644\n--- a/D.java\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n",
			want:  []FileDiff{{OldPath: "D.java"}},
		},
		{
			name:  "rename with a change, names with spaces end in a tab",
			patch: "diff --git a/old name.java b/new name.java\nsimilarity index 90%\nrename from old name.java\nrename to new name.java\n--- a/old name.java\t\n+++ b/new name.java\t\n@@ -8 +8 @@\n-x\n+y\n",
			want:  []FileDiff{{OldPath: "old name.java", NewPath: "new name.java", Ranges: []Range{{8, 8}}}},
		},
		{
			name:  "pure rename",
			patch: "diff --git a/a b/x/a\nsimilarity index 100%\nrename from a\nrename to x/a\n",
			want:  []FileDiff{{OldPath: "a", NewPath: "x/a"}},
		},
		{
			name:  "copy",
			patch: "diff --git a/a b/c\nsimilarity index 100%\ncopy from a\ncopy to c\n",
			want:  []FileDiff{{OldPath: "a", NewPath: "c", Copy: true}},
		},
		{
			name:  "binary file with a space, named only in the header",
			patch: "diff --git a/lib/my lib.jar b/lib/my lib.jar\nindex 1..2 100644\nBinary files a/lib/my lib.jar and b/lib/my lib.jar differ\n",
			want:  []FileDiff{{OldPath: "lib/my lib.jar", NewPath: "lib/my lib.jar", Binary: true}},
		},
		{
			name:  "added binary file",
			patch: "diff --git a/x.jar b/x.jar\nnew file mode 100644\nindex 0..2\nBinary files /dev/null and b/x.jar differ\n",
			want:  []FileDiff{{NewPath: "x.jar", Binary: true}},
		},
		{
			name:  "mode change only",
			patch: "diff --git a/run.sh b/run.sh\nold mode 100644\nnew mode 100755\n",
			want:  []FileDiff{{OldPath: "run.sh", NewPath: "run.sh"}},
		},
		{
			name: "quoted paths",
			patch: "diff --git \"a/q\\\"t.java\" \"b/q\\\"t.java\"\n--- \"a/q\\\"t.java\"\n+++ \"b/q\\\"t.java\"\n@@ -1 +1 @@\n-a\n+b\n" +
				"diff --git \"a/tab\\there.bin\" \"b/tab\\there.bin\"\nBinary files \"a/tab\\there.bin\" and \"b/tab\\there.bin\" differ\n" +
				"diff --git \"a/\\303\\274.java\" \"b/\\303\\274.java\"\n--- \"a/\\303\\274.java\"\n+++ \"b/\\303\\274.java\"\n@@ -2 +2 @@\n-a\n+b\n",
			want: []FileDiff{
				{OldPath: `q"t.java`, NewPath: `q"t.java`, Ranges: []Range{{1, 1}}},
				{OldPath: "tab\there.bin", NewPath: "tab\there.bin", Binary: true},
				{OldPath: "ü.java", NewPath: "ü.java", Ranges: []Range{{2, 2}}},
			},
		},
		{
			name:  "rename from a quoted name to a plain one",
			patch: "diff --git \"a/t\\tb\" b/plain\nsimilarity index 100%\nrename from \"t\\tb\"\nrename to plain\n",
			want:  []FileDiff{{OldPath: "t\tb", NewPath: "plain"}},
		},
		{
			name:  "blank context line without its space (diff.suppressBlankEmpty)",
			patch: "diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1,3 +1,3 @@\n x\n\n-y\n+z\n",
			want:  []FileDiff{{OldPath: "a", NewPath: "a", Ranges: []Range{{1, 3}}}},
		},
		{
			name:  "empty patch",
			patch: "",
			want:  nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseDiff([]byte(tc.patch))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestParseDiffErrors(t *testing.T) {
	tests := []struct{ name, patch, want string }{
		{"bad hunk header", "diff --git a/a b/a\n@@ -1 +x @@\n", "bad hunk header"},
		{"hunk without @@ end", "diff --git a/a b/a\n@@ -1 +1\n", "bad hunk header"},
		{"short hunk", "diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1,2 +1,2 @@\n-a\n+b\n", "patch ends inside a hunk"},
		{"hunk interrupted", "diff --git a/a b/a\n@@ -1 +1 @@\ndiff --git a/b b/b\n", "hunk ends early"},
		{"too many lines", "diff --git a/a b/a\n@@ -1 +1 @@\n-a\n-b\n", "more lines"},
		{"huge count", "diff --git a/a b/a\n@@ -1 +1,99999999999 @@\n", "bad number"},
		{"new lines at 0", "diff --git a/a b/a\n@@ -1 +0,1 @@\n-a\n+b\n", "start at 0"},
		{"bad escape", "diff --git a/a b/a\n+++ \"b/\\q\"\n", "unknown escape"},
		{"unterminated quote", "diff --git a/a b/a\n+++ \"b/abc\n", "unterminated"},
		{"missing prefix", "diff --git a/a b/a\n+++ c/a\n", "prefix"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseDiff([]byte(tc.patch))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestChangesLine(t *testing.T) {
	c := NewChanges("/r", []FileDiff{
		{OldPath: "A.java", NewPath: "A.java", Ranges: []Range{{10, 12}, {2, 2}}},
		{OldPath: "old.java", NewPath: "new.java"},
		{OldPath: "gone.java"},
		{OldPath: "lib.jar", NewPath: "lib.jar", Binary: true},
		{OldPath: "src.java", NewPath: "copy.java", Copy: true, Ranges: []Range{{1, 1}}},
	}, []string{"U.java"})
	tests := []struct {
		path       string
		line       int
		file, want bool
	}{
		{"A.java", 1, true, false},
		{"A.java", 2, true, true},
		{"A.java", 3, true, false},
		{"A.java", 10, true, true},
		{"A.java", 12, true, true},
		{"A.java", 13, true, false},
		{"A.java", 0, true, true},
		{"new.java", 1, true, false},
		{"new.java", 0, true, true},
		{"old.java", 1, true, false},
		{"gone.java", 1, true, false},
		{"lib.jar", 77, true, true},
		{"U.java", 5, true, true},
		{"src.java", 1, false, false},
		{"copy.java", 1, true, true},
		{"Other.java", 1, false, false},
	}
	for _, tc := range tests {
		if got := c.File(tc.path); got != tc.file {
			t.Errorf("File(%s) = %v, want %v", tc.path, got, tc.file)
		}
		if got := c.Line(tc.path, tc.line); got != tc.want {
			t.Errorf("Line(%s, %d) = %v, want %v", tc.path, tc.line, got, tc.want)
		}
	}
}

func FuzzParseDiff(f *testing.F) {
	f.Add([]byte("diff --git a/A.java b/A.java\n--- a/A.java\n+++ b/A.java\n@@ -2 +2,3 @@\n-a\n+b\n+c\n+d\n"))
	f.Add([]byte("diff --git \"a/\\303\\274\" \"b/\\303\\274\"\nBinary files a and b differ\n"))
	f.Add([]byte("diff --git a/x y b/x y\nrename from x y\nrename to \"z\\tw\"\n--- a/x y\t\n+++ \"b/z\\tw\"\n@@ -1,0 +1 @@\n+q\n\\ No newline at end of file\n"))
	f.Add([]byte("diff --git a/a b/a\ndeleted file mode 100644\n--- a/a\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fds, err := ParseDiff(data)
		if err != nil {
			return
		}
		for _, fd := range fds {
			if fd.OldPath == "" && fd.NewPath == "" {
				t.Fatalf("file with no path: %+v", fd)
			}
			for _, r := range fd.Ranges {
				if r.Start < 1 || r.End < r.Start {
					t.Fatalf("bad range %+v in %+v", r, fd)
				}
			}
		}
		c := NewChanges("/r", fds, nil)
		for _, fd := range fds {
			for _, r := range fd.Ranges {
				if fd.NewPath != "" && (!c.Line(fd.NewPath, r.Start) || !c.Line(fd.NewPath, r.End)) {
					t.Fatalf("range %+v of %q not reported as changed", r, fd.NewPath)
				}
			}
		}
	})
}

package batch

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseList(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "app"), 0o755)
	os.WriteFile(filepath.Join(dir, "file.txt"), nil, 0o644)
	for _, tc := range []struct {
		line              string
		source, ref, role string
		local             bool
		ident, invalid    string
	}{
		{line: "https://github.com/Org/Repo.git", source: "https://github.com/Org/Repo.git", ident: "https://github.com/Org/Repo"},
		{line: "https://GitHub.com/Org/Repo/ main", source: "https://GitHub.com/Org/Repo/", ref: "main", ident: "https://github.com/Org/Repo"},
		{line: "https://github.com/o/r v1.2 base", source: "https://github.com/o/r", ref: "v1.2", role: "base", ident: "https://github.com/o/r"},
		{line: "https://github.com/o/r module", source: "https://github.com/o/r", role: "module", ident: "https://github.com/o/r"},
		{line: "https://github.com/o/r - library", source: "https://github.com/o/r", role: "library", ident: "https://github.com/o/r"},
		{line: "https://github.com/o/r auto", source: "https://github.com/o/r", ident: "https://github.com/o/r"},
		{line: "git@github.com:o/r.git", source: "git@github.com:o/r.git", ident: "ssh://github.com/o/r"},
		{line: "ssh://git@host:2222/o/r", source: "ssh://git@host:2222/o/r", ident: "ssh://host:2222/o/r"},
		{line: "file:///srv/git/r.git   # a comment", source: "file:///srv/git/r.git", ident: "file:///srv/git/r"},
		{line: "https://h/o/r#frag", source: "https://h/o/r#frag", ident: "https://h/o/r"},
		{line: "app", source: filepath.Join(dir, "app"), local: true, ident: filepath.Join(dir, "app")},
		{line: "app develop module", source: filepath.Join(dir, "app"), ref: "develop", role: "module", ident: filepath.Join(dir, "app")},
		{line: "-oops", invalid: "starts with '-'"},
		{line: "--upload-pack=touch", invalid: "starts with '-'"},
		{line: "https://h/o/r --exec=x", invalid: "ref \"--exec=x\" starts with '-'"},
		{line: "https://h/o/r main boss", invalid: "role \"boss\""},
		{line: "https://h/o/r a..b", invalid: "not a valid git ref"},
		{line: "https://h/o/r main base extra", invalid: "4 fields"},
		{line: "ftp://h/o/r", invalid: "unsupported URL"},
		{line: "ext::sh", invalid: "unsupported URL"},
		{line: "https://-h/o", invalid: "unsupported URL"},
		{line: "nosuch", invalid: "neither a git URL nor an existing directory"},
		{line: "file.txt", invalid: "is a file"},
	} {
		es, err := ParseList(strings.NewReader(tc.line+"\n"), dir)
		if err != nil || len(es) != 1 {
			t.Errorf("%q: %v, %d entries", tc.line, err, len(es))
			continue
		}
		e := es[0]
		if tc.invalid != "" {
			if !strings.Contains(e.Invalid, tc.invalid) {
				t.Errorf("%q: invalid %q, want it to say %q", tc.line, e.Invalid, tc.invalid)
			}
			continue
		}
		if e.Invalid != "" || e.Source != tc.source || e.Ref != tc.ref || e.Role != tc.role || e.Local != tc.local || e.Ident != tc.ident {
			t.Errorf("%q: got %+v", tc.line, e)
		}
	}
}

func TestParseListLinesAndDuplicates(t *testing.T) {
	list := "\ufeff# header\n\nhttps://h/o/a\n  \t\nhttps://h/o/b main\nhttps://h/o/a.git\nhttps://h/o/a dev\n"
	es, err := ParseList(strings.NewReader(list), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	keys := map[string]bool{}
	for _, e := range es {
		got = append(got, fmt.Sprintf("%d:%s", e.Line, e.Invalid))
		if keys[e.Key] {
			t.Errorf("key %s twice", e.Key)
		}
		keys[e.Key] = true
	}
	want := "3: 5: 6:duplicate of line 3 7:"
	if strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}

// TestEntryKey: keys are stable (results and clones are found again by
// them), unique per repository, ref and role, and safe as a directory name.
func TestEntryKey(t *testing.T) {
	a := Entry{Ident: "https://github.com/o/r"}
	b := Entry{Ident: "https://github.com/o/r", Ref: "main"}
	c := Entry{Ident: "https://github.com/o/r", Role: "base"}
	d := Entry{Ident: "https://x/../../etc", Ref: "a/b"}
	if got := entryKey(&a); got != "o-r-"+got[len(got)-8:] || len(got) != 12 {
		t.Errorf("key %q", got)
	}
	seen := map[string]bool{}
	for _, e := range []Entry{a, b, c, d} {
		k := entryKey(&e)
		if seen[k] || strings.ContainsAny(k, `/\:`) || strings.HasPrefix(k, ".") {
			t.Errorf("bad or repeated key %q", k)
		}
		seen[k] = true
	}
	if entryKey(&a) != entryKey(&Entry{Ident: "https://github.com/o/r"}) {
		t.Error("key not stable")
	}
}

func FuzzParseList(f *testing.F) {
	for _, s := range []string{
		"https://github.com/o/r main base\n# c\n./x\n",
		"git@h:o/r.git\n-x\n\ufeff\n",
		"file:///a b c d\n",
		"ssh://[::1]:22/r\nhttps://h/o/r#x #y\n",
		"https://h/a..b/..c.. v..1\nhttps://h/.../...\n",
	} {
		f.Add(s)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, s string) {
		es, _ := ParseList(strings.NewReader(s), dir)
		keys := map[string]bool{}
		for _, e := range es {
			if e.Key == "" || keys[e.Key] || strings.ContainsAny(e.Key, "/\\\x00") {
				t.Fatalf("bad key %q", e.Key)
			}
			// What kscan makes, it must accept when it reads it back.
			if err := ValidKey(e.Key); err != nil {
				t.Fatalf("line %d: %v", e.Line, err)
			}
			keys[e.Key] = true
			if e.Invalid == "" && (strings.HasPrefix(e.Source, "-") || strings.HasPrefix(e.Ref, "-")) {
				t.Fatalf("option-like entry accepted: %+v", e)
			}
		}
	})
}

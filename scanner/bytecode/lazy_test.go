package bytecode

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/classfile"
)

// rulesInterest is the interest of a scan with every rule enabled.
func rulesInterest() Interest {
	calls, news, owned := map[string]bool{}, map[string]bool{}, map[string]*Owners{}
	for _, r := range rules.All() {
		for _, c := range r.Calls {
			owners, byOwner := r.CallOwners[c]
			with, byCall := r.CallsWith[c]
			if !byOwner && !byCall {
				calls[c] = true
				continue
			}
			o := owned[c]
			if o == nil {
				o = &Owners{Classes: map[string]bool{}}
				owned[c] = o
			}
			for _, cls := range owners {
				o.Classes[strings.ReplaceAll(cls, ".", "/")] = true
			}
			for _, m := range with {
				i := strings.LastIndexByte(m, '.')
				o.With = append(o.With, MethodName{Owner: strings.ReplaceAll(m[:i], ".", "/"), Name: m[i+1:]})
			}
		}
		for _, n := range r.News {
			news[n] = true
		}
	}
	return ForRules(calls, owned, news)
}

// TestOwnedCalls checks the rules' owner declarations: some methods are
// decoded for a name on any owner and skipped for the same name on its
// owners alone, and no diagnostic changes (TestLazyMatchesFull).
func TestOwnedCalls(t *testing.T) {
	in := rulesInterest()
	if in.Owned["get"] == nil || in.Owned["format"] == nil || in.Calls["get"] {
		t.Fatalf("get and format should be owned: %v", in.Owned)
	}
	byName := in
	byName.Calls = maps.Clone(in.Calls)
	for n := range in.Owned {
		byName.Calls[n] = true
	}
	byName.Owned = nil
	owned, named := NewExtractor(in), NewExtractor(byName)
	testClasses(t, func(path string, data []byte) {
		c, err := classfile.Parse(data)
		if err != nil {
			return
		}
		of, _ := owned.Extract(c, path)
		nf, _ := named.Extract(c, path)
		// What the owners keep is a subset of what the names keep.
		have := map[facts.Span]bool{}
		for _, c := range nf.File.Calls {
			have[c.Span] = true
		}
		for _, c := range of.File.Calls {
			if !have[c.Span] {
				t.Errorf("%s: %s.%s only with owners", path, c.Owner, c.Name)
			}
		}
	})
	if owned.decoded >= named.decoded {
		t.Errorf("decoded %d methods with owners, %d by name alone: the owners narrow nothing", owned.decoded, named.decoded)
	}
	t.Logf("methods decoded with owners %d, by name alone %d", owned.decoded, named.decoded)
}

// testClasses calls fn with every class of the jars and class files of the
// bytecode testdata, and of the jars under the directories listed in
// KSCAN_LAZY_JARS (colon-separated; for runs over real libraries).
func testClasses(t *testing.T, fn func(path string, data []byte)) int {
	t.Helper()
	var jars []string
	for _, dir := range append([]string{"../../testdata/bytecode"}, filepath.SplitList(os.Getenv("KSCAN_LAZY_JARS"))...) {
		if dir == "" {
			continue
		}
		m, _ := filepath.Glob(filepath.Join(dir, "*.jar"))
		jars = append(jars, m...)
	}
	n := 0
	for _, j := range jars {
		zr, err := zip.OpenReader(j)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range zr.File {
			if !strings.HasSuffix(e.Name, ".class") {
				continue
			}
			r, err := e.Open()
			if err != nil {
				t.Fatal(err)
			}
			data, err := io.ReadAll(r)
			r.Close()
			if err != nil {
				t.Fatal(err)
			}
			fn(filepath.Base(j)+"!/"+e.Name, data)
			n++
		}
		zr.Close()
	}
	_ = filepath.WalkDir("../../testdata/bytecode/classes", func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".class") {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			fn(p, data)
			n++
		}
		return nil
	})
	return n
}

// TestLazyMatchesFull holds the extraction for the rules' interest to the
// full one on every test class: the calls and creations the interest
// names, every write, field and declaration, the lines of every span the
// facts hold, the problems, and every rule's diagnostics at every role.
// One extractor of each kind serves all classes, as a worker's does.
func TestLazyMatchesFull(t *testing.T) {
	in := rulesInterest()
	full, lazy := NewExtractor(Interest{All: true}), NewExtractor(in)
	var classes, decoded, skipped, diags, unlisted int
	n := testClasses(t, func(path string, data []byte) {
		c, err := classfile.Parse(data)
		if err != nil {
			return
		}
		classes++
		ff, fp := full.Extract(c, path)
		lf, lp, err := lazy.ExtractClass(data, path) // with the extractor's own parser
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if d := compareFacts(in, ff, lf); d != "" {
			t.Errorf("%s: %s", path, d)
		}
		if fmt.Sprint(fp) != fmt.Sprint(lp) {
			t.Errorf("%s: problems %v, lazily %v", path, fp, lp)
		}
		fd, ld := runRules(ff), runRules(lf)
		diags += len(fd)
		for _, d := range diffDiags(fd, ld) {
			if d.full && unsubscribed(in, ff, d.span) {
				unlisted++
				continue
			}
			t.Errorf("%s: only in the %s extraction: %s", path, map[bool]string{true: "full", false: "lazy"}[d.full], d.text)
		}
	})
	decoded, skipped = lazy.decoded, lazy.skipped
	if classes < 300 {
		t.Fatalf("%d of %d test classes parsed; the testdata is missing", classes, n)
	}
	if decoded == 0 || skipped == 0 || diags == 0 {
		t.Fatalf("decoded %d methods, skipped %d, %d diagnostics: the comparison tests nothing", decoded, skipped, diags)
	}
	t.Logf("%d classes, %d diagnostics (%d at calls no rule subscribes to, which only the full extraction has); methods with code decoded %d, skipped %d",
		classes, diags, unlisted, decoded, skipped)
}

// compareFacts says how lazy differs from what it should keep of full.
func compareFacts(in Interest, full, lazy *Facts) string {
	want := *full.File
	want.Calls, want.News = nil, nil
	for _, c := range full.File.Calls {
		if in.Calls[c.Name] {
			want.Calls = append(want.Calls, c)
		}
	}
	// Calls of an owned name are kept only where a method is decoded; the
	// rules' diagnostics tell whether any that matters is lost.
	got := *lazy.File
	got.Calls = nil
	for _, c := range lazy.File.Calls {
		if in.Calls[c.Name] {
			got.Calls = append(got.Calls, c)
		}
	}
	lazy = &Facts{File: &got, SourceFile: lazy.SourceFile, Size: lazy.Size, lines: lazy.lines}
	for _, n := range full.File.News {
		if in.News[simple(n.Type)] {
			want.News = append(want.News, n)
		}
	}
	var diffs []string
	g := reflect.ValueOf(*lazy.File)
	w := reflect.ValueOf(want)
	for i := 0; i < w.NumField(); i++ {
		if !w.Type().Field(i).IsExported() {
			continue // the File's own index of its methods, not a fact
		}
		if !reflect.DeepEqual(g.Field(i).Interface(), w.Field(i).Interface()) {
			diffs = append(diffs, fmt.Sprintf("%s: %+v, want %+v", w.Type().Field(i).Name, g.Field(i).Interface(), w.Field(i).Interface()))
		}
	}
	if lazy.Size != full.Size || lazy.SourceFile != full.SourceFile {
		diffs = append(diffs, fmt.Sprintf("size %d %q, want %d %q", lazy.Size, lazy.SourceFile, full.Size, full.SourceFile))
	}
	for _, s := range spans(reflect.ValueOf(lazy.File), nil) {
		if lazy.Line(s.Start) != full.Line(s.Start) {
			diffs = append(diffs, fmt.Sprintf("line at %d: %d, want %d", s.Start, lazy.Line(s.Start), full.Line(s.Start)))
		}
	}
	return strings.Join(diffs, "; ")
}

// spans collects every facts.Span reachable from v.
func spans(v reflect.Value, out []facts.Span) []facts.Span {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			out = spans(v.Elem(), out)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			out = spans(v.Index(i), out)
		}
	case reflect.Struct:
		if s, ok := v.Interface().(facts.Span); ok {
			return append(out, s)
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				out = spans(v.Field(i), out)
			}
		}
	}
	return out
}

type noTypes struct{}

func (noTypes) HasType(string) bool { return false }

// diag is one diagnostic of runRules: its text, with the line it would be
// placed at, and its span.
type diag struct {
	text string
	span facts.Span
}

// runRules runs every rule's per-file check on a class's facts at every
// role, as the scanner does (blank text).
func runRules(fx *Facts) []diag {
	blank := bytes.Repeat([]byte{' '}, fx.Size)
	var out []diag
	for _, role := range []facts.Role{facts.RoleUnknown, facts.RoleBase, facts.RoleModule, facts.RoleShared, facts.RolePrivate} {
		for _, r := range rules.All() {
			if r.Check == nil {
				continue
			}
			r.Check(rules.NewPass(r, fx.File, role, blank, noTypes{}, func(d rules.Diagnostic) {
				out = append(out, diag{fmt.Sprintf("%v %s %v %s line %d %+v %+v %v", role, d.RuleID, d.Severity, d.Message,
					fx.Line(d.Span.Start), d.Span, d.Context, d.Properties), d.Span})
			}))
		}
	}
	return out
}

type diagDiff struct {
	diag
	full bool // only the full extraction gives it
}

// diffDiags lists the diagnostics only one side gives.
func diffDiags(full, lazy []diag) []diagDiff {
	count := map[diag]int{}
	for _, d := range full {
		count[d]++
	}
	for _, d := range lazy {
		count[d]--
	}
	var out []diagDiff
	for d, n := range count {
		if n != 0 {
			out = append(out, diagDiff{d, n > 0})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].text < out[j].text })
	return out
}

// unsubscribed reports a diagnostic at a call whose name no rule lists:
// the source extractor never records such a call, and neither does the
// lazy one, so a rule that reports there reads a call it did not ask for
// (stdout-usage on System.out.write and flush, which its documentation
// says it does not flag).
func unsubscribed(in Interest, full *Facts, at facts.Span) bool {
	for i := range full.File.Calls {
		if c := &full.File.Calls[i]; c.Span == at {
			return !in.Calls[c.Name] && in.Owned[c.Name] == nil
		}
	}
	return false
}

// benchClasses reads the test classes (and KSCAN_LAZY_JARS) once.
func benchClasses(b *testing.B) [][]byte {
	var out [][]byte
	t := &testing.T{}
	testClasses(t, func(_ string, data []byte) { out = append(out, data) })
	if len(out) == 0 {
		b.Skip("no test classes")
	}
	return out
}

// BenchmarkExtract parses and extracts every test class with the full
// interest and with the rules' interest; b.SetBytes counts class bytes.
func BenchmarkExtract(b *testing.B) {
	classes := benchClasses(b)
	var size int64
	for _, c := range classes {
		size += int64(len(c))
	}
	for _, bc := range []struct {
		name string
		in   Interest
	}{{"full", Interest{All: true}}, {"rules", rulesInterest()}, {"declarations", Interest{}}, {"invokes", Interest{Invokes: true}}} {
		b.Run(bc.name, func(b *testing.B) {
			x := NewExtractor(bc.in)
			b.SetBytes(size)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				for _, data := range classes {
					x.ExtractClass(data, "x")
				}
			}
		})
	}
}

package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner"
	"github.com/kscan/kscan/scanner/javasrc"
)

type noTypes struct{}

func (noTypes) HasType(string) bool { return false }

// FuzzFixes runs every rule over arbitrary source and checks the fixes it
// offers: edits inside the file and apart from each other, and source that
// parsed still parses once they are applied. Fixes read the text around a
// finding (blocks, statements, indentation), so broken and odd input must
// not make them panic or write outside the code they mean.
func FuzzFixes(f *testing.F) {
	_ = filepath.WalkDir(fixtureRoot, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".java") {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
		return nil
	})
	f.Add([]byte("class A { void m() {\n\tThread.currentThread().setContextClassLoader(x); // c\n\twork(\"}\");\n} }\n"))
	f.Add([]byte("class A { void m() {\r\n  Thread.currentThread().setContextClassLoader(x);\r\n  /* { */ work();\r\n  }\r\n}"))
	in := javasrc.Interest{Calls: map[string]bool{}, News: map[string]bool{}}
	for _, r := range rules.All() {
		for _, c := range r.Calls {
			in.Calls[c] = true
		}
		for _, n := range r.News {
			in.News[n] = true
		}
	}
	ex, err := javasrc.NewExtractor(in, 1_000_000)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, _, err := ex.Extract("p/F.java", src, noTypes{})
		if err != nil {
			return
		}
		parsed := javasrc.SyntaxOK(src)
		for _, role := range []facts.Role{facts.RoleUnknown, facts.RoleModule} {
			for _, r := range rules.All() {
				if r.Check == nil {
					continue
				}
				r.Check(rules.NewPass(r, file, role, src, noTypes{}, func(d rules.Diagnostic) {
					for _, fx := range d.Fixes {
						for _, e := range fx.Edits {
							if e.Span.Start < 0 || e.Span.End > len(src) || e.Span.Start > e.Span.End {
								t.Fatalf("%s: edit %+v outside the file (%d bytes)", r.ID, e.Span, len(src))
							}
						}
						fixed, err := scanner.ApplyEdits(src, fx.Edits)
						if err != nil {
							t.Fatalf("%s: %v", r.ID, err)
						}
						if parsed && !javasrc.SyntaxOK(fixed) {
							t.Fatalf("%s: the fix %q breaks the syntax:\n%s", r.ID, fx.Description, fixed)
						}
					}
				}))
			}
		}
	})
}

package rules

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kscan/kscan/internal/corpus"
)

// lazyGuardedEach is what lazyInit read of a method before its forms were
// found once per method: two expressions built for the name, and one per
// local the name is copied to. The oracle of readLazyForms.
func lazyGuardedEach(text, name string) bool {
	q := regexp.QuoteMeta(name)
	if oracleRE(`if\s*\(\s*(?:\w+\s*\.\s*)?` + q + `\s*!=\s*null\s*\)\s*\{?\s*return\s+(?:\w+\s*\.\s*)?` + q + `\s*;`).MatchString(text) {
		return true
	}
	for _, sm := range oracleRE(`\b(\w+)\s*=\s*(?:\w+\s*\.\s*)?`+q+`\s*;`).FindAllStringSubmatch(text, -1) {
		local := regexp.QuoteMeta(sm[1])
		if oracleRE(`\(\s*(?:` + local + `\s*==\s*null|null\s*==\s*` + local + `)\s*\)`).MatchString(text) {
			return true
		}
	}
	return false
}

// oracleRE keeps the oracle's expressions: names recur from fixture to
// fixture.
var oracleREs = map[string]*regexp.Regexp{}

func oracleRE(expr string) *regexp.Regexp {
	re := oracleREs[expr]
	if re == nil {
		re = regexp.MustCompile(expr)
		oracleREs[expr] = re
	}
	return re
}

var lazyCases = []string{
	"static X get() { if (INSTANCE != null) return INSTANCE; INSTANCE = new X(); return INSTANCE; }",
	"static X get() { if (Holder.INSTANCE != null) { return Holder.INSTANCE; } Holder.INSTANCE = new X(); return Holder.INSTANCE; }",
	"static X get() { X r = cache; if (r == null) { synchronized (L) { r = cache; if (null == r) { cache = r = new X(); } } } return r; }",
	"static X get() { X r = a.b.cache; if (r == null) cache = r = new X(); return r; }",
	"static X get() { if (MY_INSTANCE != null) return INSTANCE; INSTANCE = new X(); return INSTANCE; }",
	"static X get() { if (a$b != null) return a$b; a$b = new X(); return a$b; }",
	"static X get() { if (größe != null) return größe; größe = new X(); return größe; }",
	"static void set() { l = a$b; m = b; if (m == null) b = 1; x = y = z; if ((z == null)) z = 2; }",
	"static void f() { elif (q != null) return q; if (null == null) n = 1; null = n; }",
}

// TestLazyFormsAgree: the forms found once per method say what the
// expressions per name said, for every name of every fixture read as one
// method, and for the forms' own cases.
func TestLazyFormsAgree(t *testing.T) {
	srcs, err := corpus.JavaFixtures(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	texts := append([]string(nil), lazyCases...)
	for _, src := range srcs {
		texts = append(texts, string(src))
	}
	guarded := 0
	for _, text := range texts {
		lf := readLazyForms(text)
		seen := map[string]bool{}
		for _, name := range javaNameRE.FindAllString(text, -1) {
			if seen[name] {
				continue
			}
			seen[name] = true
			if !endsStatement(text, name) {
				continue // guarded by neither: both forms end with "name;"
			}
			got, want := lf.guarded(name), lazyGuardedEach(text, name)
			if got != want {
				t.Errorf("%q in %.80q...: forms %v, per name %v", name, text, got, want)
			}
			if got {
				guarded++
			}
		}
	}
	t.Logf("%d texts, %d names guarded", len(texts), guarded)
	if guarded < len(lazyCases) {
		t.Errorf("%d names guarded: the comparison shows little", guarded)
	}
}

// FuzzLazyForms: for any text and any identifier, the forms agree with the
// expressions per name.
func FuzzLazyForms(f *testing.F) {
	for _, c := range lazyCases {
		f.Add(c, "INSTANCE")
		f.Add(c, "cache")
	}
	f.Fuzz(func(t *testing.T, text, name string) {
		if !fieldNameRE.MatchString(name) {
			return // a field's name is an identifier
		}
		if got, want := readLazyForms(text).guarded(name), lazyGuardedEach(text, name); got != want {
			t.Errorf("%q in %q: forms %v, per name %v", name, text, got, want)
		}
	})
}

var fieldNameRE = regexp.MustCompile(`^[\pL\p{Sc}\p{Pc}][\pL\pM\pN\p{Sc}\p{Pc}]*$`)

// endsStatement reports an occurrence of name followed by blanks and ';'.
func endsStatement(text, name string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return false
		}
		k := i + j + len(name)
		for k < len(text) && strings.IndexByte(" \t\r\n\f\v", text[k]) >= 0 {
			k++
		}
		if k < len(text) && text[k] == ';' {
			return true
		}
		i += j + 1
	}
}

// BenchmarkLazyInit: a method of 2,000 writes to 20 statics, asked about
// each write's name: the forms found once against the expressions per
// name (already compiled, which the old code was not).
func BenchmarkLazyInit(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("static void set(Object o) {\n")
	for i := range 2000 {
		fmt.Fprintf(&sb, "    f%d = o;\n", i%20)
	}
	sb.WriteString("}\n")
	text := sb.String()
	b.Run("once", func(b *testing.B) {
		for range b.N {
			lf := readLazyForms(text)
			for i := range 2000 {
				lf.guarded(fmt.Sprintf("f%d", i%20))
			}
		}
	})
	b.Run("per-write", func(b *testing.B) {
		for range b.N {
			for i := range 2000 {
				lazyGuardedEach(text, fmt.Sprintf("f%d", i%20))
			}
		}
	})
}

package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// Where a bare constant name written in a class may come from, for the
// project's constants (Constants): the class's nest, the types it extends
// or implements and theirs in turn (a generated parser implementing its
// token-types interface names IDENT_NODE bare), and the classes its file
// imports statically. Known from the facts of a parsed file, else read
// from the class's source text.

// typeCtx is what a top-level class's file says about the names in it.
type typeCtx struct {
	pkg     string
	imports map[string]string // simple name -> qualified, single-type imports
	statics []string          // owners of static imports
	// supers are the qualified supertypes of each type the file declares,
	// by simple name.
	supers map[string][]string
}

// qualify resolves a type name written in the file.
func (t *typeCtx) qualify(n string) string {
	n = genericless(n)
	if n == "" {
		return ""
	}
	first, rest, _ := strings.Cut(n, ".")
	if q, ok := t.imports[first]; ok {
		if rest != "" {
			return q + "." + rest
		}
		return q
	}
	if first != "" && first[0] >= 'a' && first[0] <= 'z' {
		return n // already qualified by its package
	}
	if t.pkg != "" {
		return t.pkg + "." + n
	}
	return n
}

// fileCtx builds the context of a parsed file.
func fileCtx(f *facts.File) *typeCtx {
	t := &typeCtx{pkg: f.Package, imports: map[string]string{}, supers: map[string][]string{}}
	for _, im := range f.Imports {
		switch {
		case im.Static && im.Wildcard:
			t.statics = append(t.statics, im.Name)
		case im.Static:
			if i := strings.LastIndexByte(im.Name, '.'); i > 0 {
				t.statics = append(t.statics, im.Name[:i])
			}
		case !im.Wildcard:
			t.imports[simpleName(im.Name)] = im.Name
		}
	}
	for _, d := range f.TypeDecls {
		var ss []string
		if d.Super != "" {
			ss = append(ss, genericless(d.Super))
		}
		for _, i := range d.Interfaces {
			ss = append(ss, genericless(i))
		}
		t.supers[innerSimple(d.Name)] = append(t.supers[innerSimple(d.Name)], ss...)
	}
	return t
}

// innerSimple is the simple name of a possibly nested binary name:
// "Inner" of "a.b.Outer$Inner".
func innerSimple(class string) string {
	s := simpleName(class)
	if i := strings.LastIndexByte(s, '$'); i >= 0 {
		return s[i+1:]
	}
	return s
}

var (
	srcPackage = lazyRE(`(?m)^\s*package\s+([\w.]+)\s*;`)
	srcImport  = lazyRE(`(?m)^\s*import\s+(static\s+)?([\w.]+)(\.\*)?\s*;`)
	// srcTypeHead matches a type declaration's head up to its body.
	srcTypeHead = lazyRE(`\b(?:class|interface|enum)\s+([A-Za-z_$][\w$]*)\s*(?:<[^{;]*?>)?([^{;()]*)\{`)
)

// sourceCtx builds the context of a source file from its text.
func sourceCtx(src []byte) *typeCtx {
	t := &typeCtx{imports: map[string]string{}, supers: map[string][]string{}}
	if m := srcPackage.FindSubmatch(src); m != nil {
		t.pkg = string(m[1])
	}
	for _, m := range srcImport.FindAllSubmatch(src, -1) {
		name := string(m[2])
		switch {
		case len(m[1]) > 0 && len(m[3]) > 0:
			t.statics = append(t.statics, name)
		case len(m[1]) > 0:
			if i := strings.LastIndexByte(name, '.'); i > 0 {
				t.statics = append(t.statics, name[:i])
			}
		case len(m[3]) == 0:
			t.imports[simpleName(name)] = name
		}
	}
	for _, m := range srcTypeHead.FindAllSubmatch(src, -1) {
		head := string(m[2])
		var ss []string
		for _, kw := range []string{"extends", "implements"} {
			i := wordIndex(head, kw)
			if i < 0 {
				continue
			}
			list := head[i+len(kw):]
			if j := wordIndex(list, "implements"); j >= 0 {
				list = list[:j]
			}
			for _, n := range splitTopLevel(list, ',', false) {
				if n = genericless(n); identifierPath(n) {
					ss = append(ss, n)
				}
			}
		}
		t.supers[string(m[1])] = append(t.supers[string(m[1])], ss...)
	}
	return t
}

// wordIndex is the index of word w in s as a whole word, -1 when absent.
func wordIndex(s, w string) int {
	for from := 0; ; {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(w)
		if (i == 0 || !isIdentByte(s[i-1])) && (end == len(s) || !isIdentByte(s[end])) {
			return i
		}
		from = end
	}
}

// identifierPath reports a dotted name of identifiers, "a.b.C".
func identifierPath(n string) bool {
	if n == "" {
		return false
	}
	for _, p := range strings.Split(n, ".") {
		if !identifier(p) {
			return false
		}
	}
	return true
}

// ctxOf is the context of the file declaring class, nil when unknown.
func (k *Constants) ctxOf(class string) *typeCtx {
	outer := outerClass(class)
	if t, ok := k.ctxs[outer]; ok {
		return t
	}
	var t *typeCtx
	if k.Source != nil {
		if src := k.Source(outer); len(src) > 0 {
			t = sourceCtx(src)
		}
	}
	k.ctxs[outer] = t
	return t
}

// maxSuperDepth bounds the supertypes followed from a class.
const maxSuperDepth = 4

// ScopeOf lists the classes a bare constant name written in class may
// belong to: its nest, their supertypes transitively (up to
// maxSuperDepth), and the owners of its file's static imports.
func (k *Constants) ScopeOf(class string) []string {
	if k == nil || class == "" {
		return nil
	}
	if s, ok := k.scopes[class]; ok {
		return s
	}
	out := k.widen(nestOf(class))
	k.scopes[class] = out
	return out
}

// widen adds to scope the supertypes of its classes, transitively, and the
// static imports of their files.
func (k *Constants) widen(scope []string) []string {
	if k == nil {
		return scope
	}
	seen := map[string]bool{}
	out := make([]string, 0, len(scope))
	for _, c := range scope {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	level := out
	for depth := 0; depth < maxSuperDepth && len(level) > 0; depth++ {
		var next []string
		for _, c := range level {
			t := k.ctxOf(c)
			if t == nil {
				continue
			}
			for _, s := range t.supers[innerSimple(c)] {
				q := t.qualify(s)
				if q != "" && !seen[q] && !isJDKClassName(q) {
					seen[q] = true
					next = append(next, q)
				}
			}
		}
		out = append(out, next...)
		level = next
	}
	for _, c := range scope {
		if t := k.ctxOf(c); t != nil {
			for _, s := range t.statics {
				if !seen[s] {
					seen[s] = true
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// importedType is the qualified name of the type first, written in a
// class of scope's file, when the file imports it.
func (k *Constants) importedType(first string, scope []string) string {
	if k == nil || len(scope) == 0 {
		return ""
	}
	if t := k.ctxOf(scope[0]); t != nil {
		return t.imports[first]
	}
	return ""
}

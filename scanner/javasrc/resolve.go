package javasrc

import (
	"bytes"
	"strings"
)

// resolveType maps a type as written to a fully qualified name following
// Java's scoping: types declared in the file, single-type imports, the
// file's package, on-demand imports, then java.lang. It returns "" when the
// type cannot be known without a class path.
func (st *fileState) resolveType(written string) string {
	t := cleanType(written)
	if t == "" {
		return ""
	}
	if strings.IndexByte(t, '.') >= 0 {
		first, rest, _ := strings.Cut(t, ".")
		if outer := st.resolveSimple(first); outer != "" && !isLowerStart(first) {
			return outer + "$" + strings.ReplaceAll(rest, ".", "$")
		}
		return t
	}
	return st.resolveSimple(t)
}

func (st *fileState) resolveSimple(name string) string {
	if b, ok := st.local[name]; ok {
		return b
	}
	if f, ok := st.single[name]; ok {
		return f
	}
	if st.f.Package != "" && st.idx != nil && st.idx.HasType(st.f.Package+"."+name) {
		return st.f.Package + "." + name
	}
	for _, p := range st.wild {
		fq := p + "." + name
		if jdkTypes[fq] || (st.idx != nil && st.idx.HasType(fq)) {
			return fq
		}
	}
	if fq := "java.lang." + name; jdkTypes[fq] {
		return fq
	}
	return ""
}

// staticWildOwner finds a statically imported-on-demand JDK type that has a
// static method of this name, for calls like exit(1) after
// "import static java.lang.System.*".
func (st *fileState) staticWildOwner(name string) string {
	for _, owner := range st.sWild {
		if staticMembers[owner+"."+name] {
			return owner
		}
	}
	return ""
}

func (st *fileState) isStaticField(class, name string) bool {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	return st.statics[class][name]
}

// lookupVar finds the declared type (as written) of a variable visible from
// the given method and classes: locals and parameters first, then fields
// from the innermost class outwards.
func (st *fileState) lookupVar(name string, method nodeID, classes []nodeID) (string, bool) {
	return st.lookupVarAt(name, -1, method, classes)
}

// lookupVarAt is lookupVar for a use at byte offset at (-1: unknown), so
// that of several declarations of the name in the method (a catch
// parameter e in each catch block) the nearest one before the use is taken.
func (st *fileState) lookupVarAt(name string, at int, method nodeID, classes []nodeID) (string, bool) {
	if name == "" {
		return "", false // a MISSING node in broken code
	}
	if method >= 0 && st.mayDeclare(method, name) {
		if t, ok := st.declaredInText(method, name, at); ok {
			return t, true
		}
		if t, ok := st.declsIn(method, typedDecls)[name]; ok {
			return t, true
		}
	}
	for _, c := range classes {
		if t, ok := st.fieldTypes[st.typeNames[c]][name]; ok {
			return t, true
		}
	}
	return "", false
}

// declaredInText reads a local declaration "Type name" straight from the
// method's text when there is exactly one and its type is unambiguous
// (Map<K, V>, a.b.C, int[]), which spares the search of the method's
// declarations for most lookups; anything unusual falls back to it.
func (st *fileState) declaredInText(method nodeID, name string, use int) (string, bool) {
	start := st.start(method)
	body := st.nodeBytes(method)
	if body == nil {
		return "", false
	}
	found := ""
	for at := nextWord(body, name, 0); at >= 0; at = nextWord(body, name, at+1) {
		t, ok := typeBefore(body, at)
		if !ok {
			continue
		}
		// What follows a declarator: = ; , ) : (for-each) or a dimension.
		k := skipSpace(body, at+len(name))
		if k < len(body) && !strings.ContainsRune("=;,):", rune(body[k])) {
			continue
		}
		if use >= 0 {
			// The nearest declaration before the use.
			if start+at < use {
				found = t
			}
			continue
		}
		if found != "" && found != t {
			return "", false // two declarations: let the tree decide by scope
		}
		found = t
	}
	return found, found != ""
}

// nodeBytes is a node's text without a copy, nil for a bad range.
func (t *tree) nodeBytes(n nodeID) []byte {
	s, e := t.start(n), t.end(n)
	if e > len(t.src) || s > e {
		return nil
	}
	return t.src[s:e]
}

// javaWords precede a name without being its type.
var javaWords = setOf("return", "new", "throw", "case", "else", "instanceof", "yield", "assert", "do", "goto",
	"this", "super", "package", "import", "extends", "implements", "throws", "default", "break", "continue",
	"public", "private", "protected", "static", "abstract", "synchronized", "native", "transient", "volatile",
	"strictfp", "class", "interface", "enum", "void", "if", "for", "while", "switch", "try", "catch", "finally",
	"null", "true", "false")

// typeBefore reads the type written just before offset at: an identifier
// (possibly qualified), optionally followed by generics and array
// dimensions, preceded by a delimiter that can start a declaration.
func typeBefore(b []byte, at int) (string, bool) {
	p := at - 1
	for p >= 0 && isSpace(b[p]) {
		p--
	}
	if p < 0 || p == at-1 {
		return "", false // the name must be separated from its type
	}
	end := p + 1
	for p >= 0 && b[p] == ']' { // array dimensions
		if p == 0 || b[p-1] != '[' {
			return "", false
		}
		p -= 2
	}
	// A type reads backwards as identifiers, dots and generic argument
	// lists: Map<K, V>, a.b.C, Outer<T>.Inner.
	idEnd := p + 1
	for p >= 0 {
		if b[p] == '>' {
			depth := 0
			for ; p >= 0; p-- {
				if b[p] == '>' {
					depth++
				} else if b[p] == '<' {
					depth--
					if depth == 0 {
						p--
						break
					}
				} else if !isIdentByte(b[p]) && !strings.ContainsRune(".,? \t\n\r[]", rune(b[p])) {
					return "", false // an expression, not type arguments
				}
			}
			continue
		}
		if !isIdentByte(b[p]) && b[p] != '.' {
			break
		}
		p--
	}
	if p+1 >= idEnd {
		return "", false
	}
	// The leading identifier decides what the token is.
	head := p + 1
	for head < idEnd && (isIdentByte(b[head])) {
		head++
	}
	id := string(b[p+1 : head])
	if head == p+1 || b[p+1] == '.' || b[idEnd-1] == '.' {
		return "", false
	}
	if javaWords[id] {
		return "", false
	}
	if ls := bytes.LastIndexByte(b[:p+1], '\n') + 1; lineCommentAt(b[ls:p+1]) >= 0 {
		return "", false // the "type" is text in a line comment
	}
	// The type must itself start a declaration: after ( , ; { } or a
	// modifier, comments in between skipped.
	q := backOverSpace(b, p)
	// ':' ends a case label (or a label) before a declaration.
	if q >= 0 && !strings.ContainsRune("(,;{}:", rune(b[q])) && !(isIdentByte(b[q]) || b[q] == ')') {
		return "", false
	}
	if q >= 0 && isIdentByte(b[q]) {
		// Only a modifier or an annotation may precede the type
		// ("final Foo x", "@Nullable Foo x").
		w := q
		for w >= 0 && (isIdentByte(b[w]) || b[w] == '.') {
			w--
		}
		if string(b[w+1:q+1]) != "final" && !(w >= 0 && b[w] == '@') {
			return "", false
		}
	}
	return string(b[p+1 : end]), true
}

// backOverSpace steps back from q over whitespace and comments to the
// last character of code.
func backOverSpace(b []byte, q int) int {
	for {
		for q >= 0 && isSpace(b[q]) {
			q--
		}
		if q >= 1 && b[q] == '/' && b[q-1] == '*' {
			if k := bytes.LastIndex(b[:q-1], []byte("/*")); k >= 0 {
				q = k - 1
				continue
			}
		}
		ls := bytes.LastIndexByte(b[:q+1], '\n') + 1
		if k := lineCommentAt(b[ls : q+1]); k >= 0 {
			q = ls + k - 1
			continue
		}
		return q
	}
}

// lineCommentAt returns where a // comment starts in one line of code, or
// -1; a // inside a string literal ("http://...") is not one.
func lineCommentAt(line []byte) int {
	inString := false
	for i := 0; i+1 < len(line); i++ {
		switch c := line[i]; {
		case c == '\\' && inString:
			i++
		case c == '"':
			inString = !inString
		case c == '/' && line[i+1] == '/' && !inString:
			return i
		}
	}
	return -1
}

// mayDeclare is a text pre-check for lookupVar: can the method's source
// declare name at all (the name preceded by a type-ish character and
// whitespace)? It saves the search of the method's declarations for the
// common case of a receiver that is a field or a type.
func (st *fileState) mayDeclare(method nodeID, name string) bool {
	body := st.nodeBytes(method)
	if body == nil {
		return true
	}
	for j := nextWord(body, name, 0); j >= 0; j = nextWord(body, name, j+1) {
		// Walk back over spaces to the preceding character.
		p := j - 1
		for p >= 0 && isSpace(body[p]) {
			p--
		}
		if p >= 0 && p < j-1 && (isIdentByte(body[p]) || body[p] == '>' || body[p] == ']') {
			return true
		}
	}
	return false
}

// declsIn finds a pattern's typed declarations under a node once and
// caches them; a class is searched for fields only.
func (st *fileState) declsIn(n nodeID, pat declPattern) map[string]string {
	if m, ok := st.vars[n]; ok {
		return m
	}
	m := map[string]string{}
	// The first declaration wins: outer scopes come before the nested
	// ones that could shadow them more often than not.
	st.typedDeclsIn(n, pat, func(typ, name nodeID) {
		nm := st.text(name)
		if _, dup := m[nm]; !dup && nm != "" {
			m[nm] = st.text(typ)
		}
	})
	st.vars[n] = m
	return m
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// skipSpace returns the first offset at or after i that is not white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

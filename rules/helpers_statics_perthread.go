package rules

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A project class whose whole state is thread-local (a stack or a context
// kept in a ThreadLocal field, public push/pop/clear around it) holds one
// value per thread, as a ThreadLocal does: a static of that type changed
// only through its methods is no value the base and every module share.
// Its leak, a value left on a pooled thread, is threadlocal-leak's to
// judge where the ThreadLocal is declared.

// threadLocalSimple are the simple names of the per-thread holders
// (threadLocalOwners) a holder class may wrap.
var threadLocalSimple = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range threadLocalOwners {
		m[simpleName(t)] = true
	}
	return m
}()

// callsOnly reports writes that are all mutator calls on the field's
// value: the object the field holds is never replaced.
func callsOnly(ws []*facts.Write) bool {
	for _, w := range ws {
		if w.Kind != facts.WriteCall {
			return false
		}
	}
	return len(ws) > 0
}

// perThreadHolder reports a static, changed only through calls, whose
// type this file declares as a per-thread holder (perThreadFields).
func perThreadHolder(file *facts.File, f *facts.Field, ws []*facts.Write) bool {
	if !callsOnly(ws) {
		return false
	}
	t := holderType(f.Type)
	for i := range file.TypeDecls {
		d := &file.TypeDecls[i]
		if d.Kind != "class" || d.Name != t && !strings.HasSuffix(d.Name, "."+t) && !strings.HasSuffix(d.Name, "$"+t) {
			continue
		}
		if d.Super != "" && !threadLocalSimple[rawSimple(d.Super)] {
			return false // a superclass's state is not seen here
		}
		var types []string
		for j := range file.Fields {
			if g := &file.Fields[j]; g.Class == d.Name && !g.Static {
				types = append(types, g.Type)
			}
		}
		return perThreadFields(types)
	}
	return false
}

// holderType is a field's type without its type arguments.
func holderType(t string) string {
	if i := strings.IndexByte(t, '<'); i >= 0 {
		t = t[:i]
	}
	return strings.TrimSpace(t)
}

// perThreadFields reports instance fields that are all thread-local, at
// least one of them.
func perThreadFields(types []string) bool {
	for _, t := range types {
		if !threadLocalSimple[rawSimple(t)] {
			return false
		}
	}
	return len(types) > 0
}

// perThreadType is the class, declared in another file, of a static
// changed only through calls on the object it holds: the finding waits
// for that file's source (SettlePerThread), which a class of a library,
// not of the project, does not have. "" otherwise.
func perThreadType(p *Pass, f *facts.Field, ws []*facts.Write) string {
	t := holderType(f.Type)
	if !callsOnly(ws) || strings.HasPrefix(t, "java.") || !strings.Contains(t, ".") {
		return ""
	}
	for i := range p.File.TypeDecls {
		if p.File.TypeDecls[i].Name == t {
			return "" // declared here: perThreadHolder has judged it
		}
	}
	return t
}

// SettlePerThread reports a finding whose static's type is a per-thread
// holder by its source: a class that extends nothing (or a ThreadLocal)
// and whose instance fields are all thread-local.
func SettlePerThread(p *facts.Pending, source func(string) []byte) bool {
	if p == nil || p.PerThreadHolder == "" || source == nil {
		return false
	}
	src := source(outerClass(p.PerThreadHolder))
	if src == nil {
		return false
	}
	types, ok := instanceFieldTypes([]byte(javaCode(string(src))), simpleName(p.PerThreadHolder))
	return ok && perThreadFields(types)
}

// instanceFieldTypes lists, from a source's code (comments and literals
// blanked), the types of the instance fields the class named simple
// declares; ok is false when the class is not found or extends a class
// that is not a ThreadLocal (whose fields are not read).
func instanceFieldTypes(code []byte, simple string) (types []string, ok bool) {
	loc := regexp.MustCompile(`\bclass\s+` + regexp.QuoteMeta(simple) + `\b([^{]*)\{`).FindSubmatchIndex(code)
	if loc == nil {
		return nil, false
	}
	if m := extendsRE.FindSubmatch(code[loc[2]:loc[3]]); m != nil && !threadLocalSimple[rawSimple(string(m[1]))] {
		return nil, false
	}
	open := loc[1] - 1
	end := closingBracket(code, open)
	if end < 0 {
		return nil, false
	}
	eachMemberDecl(code, open, end, func(decl []byte) {
		if eq := bytes.IndexByte(decl, '='); eq >= 0 {
			decl = decl[:eq]
		}
		decl = annotationRE.ReplaceAll(decl, nil)
		if bytes.IndexByte(decl, '(') >= 0 || wordIn(decl, "static") {
			return // an abstract or native method, or a static
		}
		words := bytes.Fields(decl)
		for len(words) > 0 && fieldModifiers[string(words[0])] {
			words = words[1:]
		}
		if len(words) >= 2 {
			types = append(types, string(bytes.Join(words[:len(words)-1], []byte(" "))))
		}
	})
	return types, true
}

// eachMemberDecl calls fn with each statement ending in ';' at the top
// level of the class body between open and end: field declarations, and
// the heads of abstract methods; method bodies and nested types are
// skipped.
func eachMemberDecl(code []byte, open, end int, fn func(decl []byte)) {
	depth, start := 0, open+1
	for i := open; i <= end; i++ {
		switch code[i] {
		case '{':
			depth++
			if depth == 2 {
				start = -1
			}
		case '}':
			depth--
			if depth == 1 {
				start = i + 1
			}
		case ';':
			if depth != 1 {
				continue
			}
			if start >= 0 {
				fn(code[start:i])
			}
			start = i + 1
		}
	}
}

var (
	extendsRE    = regexp.MustCompile(`\bextends\s+([\w.$]+)`)
	annotationRE = regexp.MustCompile(`@[\w.$]+(?:\s*\([^()]*\))?`)
)

// fieldModifiers may precede a field's type.
var fieldModifiers = map[string]bool{
	"private": true, "protected": true, "public": true, "final": true, "transient": true, "volatile": true,
}

package scanner

import (
	"bytes"
	"regexp"
	"sort"
	"strings"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/callgraph"
	"github.com/kscan/kscan/scanner/finding"
	"github.com/kscan/kscan/scanner/javasrc"
)

// Tool code's classes (callgraph.Graph.ToolRefs). A public method no code
// of the project calls is an API: anyone may call it. But a class that
// only entry-only code uses is tool code as a whole: a class-file dumper
// only a build tool's main creates, whose uncalled methods end in
// System.exit. The evidence asked of a class, all of it:
//   - it is not public (nothing outside its package can name it), or
//     every file naming it is code the scope set aside as a command-line
//     tool or build-tool code (a cli or tools package only mains use, an
//     Ant task): a public class that only a main beside it names may
//     still be the library's API (a console whose setters apps call),
//     and so may one production code names anywhere; a public class of a
//     library's API package is thus decided one by one, by its users,
//     never with its package;
//   - other classes name it (a class nobody names is an API, or is
//     loaded by a framework), in at most maxEntryCandidates files, each
//     mention inside a method (a field, a supertype or an annotation of
//     another class is a use the graph cannot follow);
//   - and each of those methods is entry-only (decided by Build, once
//     their callers are found): a command line's main, an Ant task, a
//     helper only these reach. Set-aside code (tests, benchmarks) is not
//     among the sources, so its uses do not count either way.
// Then the class's methods no call reaches are entry-only too.

// maxToolClasses bounds the classes toolRefs looks at in one scan, and
// maxToolReads the files it reads for the users of one.
const (
	maxToolClasses = 64
	maxToolReads   = 2 * maxEntryCandidates
)

// toolRefs gives the graph, for each class of an entry-sensitive finding
// that may be tool code, the methods naming it, and returns them all: the
// search then finds who reaches them.
func (x *graphIndex) toolRefs(fs []finding.Finding, o graphOptions) []facts.MethodKey {
	g := x.g
	seen := map[string]bool{}
	var out []facts.MethodKey
	ex := lazyExtractor{interest: graphInterest(), timeout: o.timeout}
	defer ex.Close()
	for _, f := range fs {
		if !f.EntrySensitive || f.Class == "" || f.Method == "" {
			continue
		}
		top := topOf(f.Class)
		// Tool code sits beside its launchers, or launchers name it:
		// a class elsewhere is not looked at (its users' methods would
		// not be searched for callers anyway).
		if seen[top] || len(seen) >= maxToolClasses || g.LauncherNest(top) || !g.NearLauncher(top) || !calledInNest(g.CallersOf(f.Class, f.Method), top) {
			continue
		}
		seen[top] = true
		own := x.sourceAt(f.Path)
		if own == nil {
			continue // compiled code: its users are not searched
		}
		src, err := safefs.ReadFile(own.abs(), o.maxFileSize)
		if err != nil {
			continue
		}
		public := publicClass(src, top)
		e, err := ex.get()
		if err != nil {
			return out
		}
		refs, ok := x.references(e, top, own, public, o)
		if !ok {
			continue
		}
		g.ToolRefs(top, refs)
		out = append(out, refs...)
	}
	return out
}

// calledInNest reports a method no call from outside the nest of top
// reaches (none found): an API but for the rule above.
func calledInNest(callers []facts.MethodKey, top string) bool {
	for _, c := range callers {
		if c.Class != top && !strings.HasPrefix(c.Class, top+"$") {
			return false
		}
	}
	return true
}

// sourceAt is the production source at a path of the scan (sorted by
// build), nil when there is none.
func (x *graphIndex) sourceAt(rel string) *input {
	i := sort.Search(len(x.sources), func(i int) bool { return x.sources[i].relCompareTo(rel) >= 0 })
	if i < len(x.sources) && x.sources[i].relCompareTo(rel) == 0 {
		return x.sources[i].input
	}
	return nil
}

// publicClass reports a public declaration of the top-level class.
func publicClass(src []byte, top string) bool {
	name := top[strings.LastIndexByte(top, '.')+1:]
	re := regexp.MustCompile(`(?m)^[ \t]*((?:(?:public|final|abstract|sealed|non-sealed|strictfp)\s+)*)(?:class|interface|enum|record|@interface)\s+` + regexp.QuoteMeta(name) + `\b`)
	m := re.FindSubmatch(src)
	return m == nil || bytes.Contains(m[1], []byte("public"))
}

// references finds the methods of other classes that name the top-level
// class: ok is false when there is no such mention, one outside a method,
// or too many files to read.
func (x *graphIndex) references(ex *javasrc.Extractor, top string, own *input, public bool, o graphOptions) ([]facts.MethodKey, bool) {
	refs, ok := x.referencesBy(ex, top, own, refTool(public), o)
	return refs, ok && len(refs) > 0
}

// refPolicy says which files may name a class whose users are looked for
// and which mentions count: any file (a class nothing outside its package
// sees), only tool files, or any file with a declared type (a field's, a
// parameter's, a result's) no use: what initialises a class is code
// using it.
type refPolicy uint8

const (
	refAny refPolicy = iota
	refToolFiles
	refInit
)

// refTool is the policy for tool code: a public class only set-aside
// tool code may name.
func refTool(public bool) refPolicy {
	if public {
		return refToolFiles
	}
	return refAny
}

// referencesBy is references under a policy for the naming files; ok
// with no methods when nothing names the class.
func (x *graphIndex) referencesBy(ex *javasrc.Extractor, top string, own *input, policy refPolicy, o graphOptions) ([]facts.MethodKey, bool) {
	simple := []byte(top[strings.LastIndexByte(top, '.')+1:])
	h := hashOf(simple)
	var out []facts.MethodKey
	// A class that many files may name is no tool's alone: not read.
	var todo []int
	var ws wordSet
	for i, s := range x.sources {
		// The class's own file too: another top-level class there may
		// name it.
		if s.input != own && !x.wordsOf(i, &ws).mayHoldHash(h) {
			continue
		}
		if len(todo) >= maxToolReads {
			return nil, false
		}
		todo = append(todo, i)
	}
	files := 0
	for _, s := range x.sourcesOf(todo) {
		src, err := safefs.ReadFile(s.abs(), o.maxFileSize)
		if err != nil {
			return nil, false
		}
		if !bytes.Contains(src, simple) {
			continue
		}
		at := mentions(src, top)
		if len(at) == 0 || s.input == own && !otherTopLevel(src, top) {
			continue
		}
		if policy == refToolFiles && !s.tool {
			return nil, false // a public class production code names
		}

		if files++; files > maxEntryCandidates || o.maxFiles > 0 && x.parsed >= o.maxFiles {
			return nil, false
		}
		f, _, err := ex.Extract(s.rel(), src, o.types)
		if err != nil {
			return nil, false
		}
		x.parsed++
		x.mu.Lock()
		x.g.AddSummaries(f.Path, f, src, callgraph.FileSummaries(f.Path, f, src), !s.graphRead)
		s.graphRead = true
		x.mu.Unlock()
		for _, off := range at {
			if s.input == own && within(f, top, off) {
				continue // the class's own nest
			}
			if policy == refInit && typeOnly(f, src, off) {
				continue // a declared type: it loads nothing
			}
			m := enclosingMethod(f, off)
			if m == nil {
				return nil, false
			}
			if k := (facts.MethodKey{Class: m.Class, Name: m.Name, Arity: -1}); len(out) == 0 || out[len(out)-1] != k {
				out = append(out, k)
			}
		}
	}
	return out, true
}

// otherTopLevel reports a source that declares a top-level type besides
// the class (by a declaration at the start of a line, as written).
func otherTopLevel(src []byte, top string) bool {
	name := top[strings.LastIndexByte(top, '.')+1:]
	for _, m := range typeDeclRE.FindAllSubmatch(src, -1) {
		if string(m[1]) != name {
			return true
		}
	}
	return false
}

// typeDeclRE is a type declaration at the start of a line.
var typeDeclRE = regexp.MustCompile(`(?m)^(?:(?:public|final|abstract|sealed|non-sealed|strictfp)\s+)*(?:class|interface|enum|record|@interface)\s+(\w+)`)

// within reports an offset inside the declaration of the class's nest.
func within(f *facts.File, top string, off int) bool {
	for _, t := range f.TypeDecls {
		if (t.Name == top || strings.HasPrefix(t.Name, top+"$")) && t.Decl.Start <= off && off < t.Decl.End {
			return true
		}
	}
	return false
}

// sourcesOf are the sources at the indices.
func (x *graphIndex) sourcesOf(is []int) []*source {
	out := make([]*source, len(is))
	for k, i := range is {
		out[k] = &x.sources[i]
	}
	return out
}

// enclosingMethod is the innermost method declaration around an offset
// that is not one of an anonymous class (whose methods run where the
// enclosing method creates it), nil when none is.
func enclosingMethod(f *facts.File, off int) *facts.MethodDecl {
	var best *facts.MethodDecl
	for i := range f.Methods {
		m := &f.Methods[i]
		if m.Decl.Start > off || off >= m.Decl.End || anonymous(m.Class) {
			continue
		}
		if best == nil || m.Decl.Len() < best.Decl.Len() {
			best = m
		}
	}
	return best
}

// anonymous reports a binary name whose last part is a number (Outer$1).
func anonymous(class string) bool {
	i := strings.LastIndexByte(class, '$')
	if i < 0 || i+1 == len(class) {
		return false
	}
	for _, c := range class[i+1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// mentions are the offsets where a source names the top-level class in
// its code: its simple name, when the file sees that class by it (its own
// package, an import of it or of its package, or the name qualified),
// and its binary name quoted (loaded by name). Package and import lines
// are no uses.
func mentions(src []byte, top string) []int {
	dot := strings.LastIndexByte(top, '.')
	simple, pkg := top[dot+1:], ""
	if dot > 0 {
		pkg = top[:dot]
	}
	visible := false
	var out []int
	for _, line := range bytes.Split(src, []byte("\n")) {
		line = bytes.TrimSpace(line)
		// A static import calls the class's methods without its name
		// anywhere else: a use outside any method (-1).
		if p, ok := bytes.CutPrefix(line, []byte("import static ")); ok && bytes.HasPrefix(bytes.TrimSpace(p), []byte(top+".")) {
			out = append(out, -1)
		}
		if p, ok := bytes.CutPrefix(line, []byte("package ")); ok {
			visible = visible || string(bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimSpace(p), []byte(";")))) == pkg
		}
		if p, ok := bytes.CutPrefix(line, []byte("import ")); ok {
			name := string(bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimSpace(p), []byte(";"))))
			visible = visible || name == top || name == pkg+".*"
		}
	}
	lexJava(src, func(kind byte, off int, tok []byte) {
		switch {
		case kind == 's' && (string(tok) == top || strings.HasPrefix(string(tok), top+"$")):
			out = append(out, off)
		case kind == 'i' && string(tok) == simple && !importLine(src, off):
			if visible || qualified(src, off, pkg) {
				out = append(out, off)
			}
		}
	})
	return out
}

// importLine reports an offset on a package or import line.
func importLine(src []byte, off int) bool {
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	line := bytes.TrimSpace(src[start:off])
	return bytes.HasPrefix(line, []byte("import ")) || bytes.HasPrefix(line, []byte("package "))
}

// qualified reports a name at off written after its package ("a.b.C").
func qualified(src []byte, off int, pkg string) bool {
	p := []byte(pkg + ".")
	return pkg != "" && off >= len(p) && bytes.Equal(src[off-len(p):off], p)
}

// A class's static initialiser runs where the class is first used: in
// the launcher's own main for a launcher class, else in whichever method
// first names it. So it is entry-only when every method of another class
// naming the class is (callgraph.Graph.InitRefs), as a public method is
// when every caller found is: a server's start-up class fixing its home
// directory as it loads, which nothing else names; a properties class
// only the launcher and what it runs load. A class no other class names
// is loaded by a framework or is an API, unless it is a launcher.

// initRefs gives the graph, for each class a finding's static initialiser
// belongs to (the finding's own method, or a flag writer it waits for),
// the methods naming the class, and returns them all: the search then
// finds who reaches them.
func (x *graphIndex) initRefs(fs []finding.Finding, o graphOptions) []facts.MethodKey {
	g := x.g
	seen := map[string]bool{}
	var out []facts.MethodKey
	ex := lazyExtractor{interest: graphInterest(), timeout: o.timeout}
	defer ex.Close()
	type at struct{ class, path string }
	var classes []at
	for _, f := range fs {
		if !f.EntrySensitive || f.Class == "" {
			continue
		}
		if f.Method == "<clinit>" {
			classes = append(classes, at{f.Class, f.Path})
		}
		for _, k := range f.EntryGuards {
			// A writer of the file's own nest: its source is the
			// finding's.
			if k.Name == "<clinit>" && topOf(k.Class) == topOf(f.Class) {
				classes = append(classes, at{k.Class, f.Path})
			}
		}
	}
	// Static initialisers calling a finding's method, or its callers.
	for _, c := range g.InitCallers() {
		classes = append(classes, at{c, ""})
	}
	for _, c := range classes {
		top := topOf(c.class)
		if seen[top] || len(seen) >= maxToolClasses {
			continue
		}
		seen[top] = true
		own := x.sourceAt(c.path)
		if c.path == "" {
			own = x.sourceOfClass(top)
		}
		if own == nil {
			continue // compiled code, or a class of no single source
		}
		e, err := ex.get()
		if err != nil {
			return out
		}
		refs, ok := x.referencesBy(e, top, own, refInit, o)
		if !ok || len(refs) == 0 && !g.LauncherNest(top) {
			// Named where the graph cannot follow; or by no one, and no
			// launcher: a framework loads it, or it is an API.
			continue
		}
		g.InitRefs(top, refs)
		out = append(out, refs...)
	}
	return out
}

// typeOnly reports a mention at off that is only a declared type: a
// field's type (before its initialiser) or in a method's header (its
// result and parameter types, before its body).
func typeOnly(f *facts.File, src []byte, off int) bool {
	for i := range f.Fields {
		fd := &f.Fields[i]
		if fd.Decl.Start <= off && off < fd.Decl.End {
			return off < fd.Span.Start
		}
	}
	for i := range f.Methods {
		m := &f.Methods[i]
		if m.Decl.Start <= off && off < m.Decl.End && m.Span.End <= len(src) && m.Span.End <= m.Decl.End {
			body := bytes.IndexByte(src[m.Span.End:m.Decl.End], '{')
			if body < 0 || off < m.Span.End+body {
				return !anonymous(m.Class) && off < m.Decl.End
			}
		}
	}
	return false
}

// graphInterest are the calls the graph's extractor asks for.
func graphInterest() javasrc.Interest {
	interest := javasrc.Interest{Calls: map[string]bool{}, News: map[string]bool{}}
	for _, names := range [][]string{callgraph.Names, callgraph.UseNames, callgraph.ReflectNames} {
		for _, n := range names {
			interest.Calls[n] = true
		}
	}
	return interest
}

// sourceOfClass is the production source declaring a top-level class, by
// its path (a tree mirroring packages in folders), nil when none or
// several do.
func (x *graphIndex) sourceOfClass(top string) *input {
	suffix := "/" + strings.ReplaceAll(top, ".", "/") + ".java"
	var found *input
	for i := range x.sources {
		if x.sources[i].slashRelHasSuffix(suffix) {
			if found != nil {
				return nil
			}
			found = x.sources[i].input
		}
	}
	return found
}

// topOf is the top-level class of a binary name.
func topOf(class string) string {
	if i := strings.IndexByte(class, '$'); i >= 0 {
		return class[:i]
	}
	return class
}

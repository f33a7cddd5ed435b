package scanner

import (
	"bytes"
	"sort"
	"strings"

	"github.com/kscan/kscan/internal/safefs"
)

// The search for the callers of a public method follows only methods of
// tool code (callgraph.Graph.Searchable): following every public method up
// would read most of a large tree. Tool code is the launchers' packages,
// and the classes launchers name, and those these name in turn, a few
// levels down: a command line that calls a generator in a package of its
// own, which calls a utility elsewhere, or a launcher that loads the
// application's main class by a constant name. Only which methods are
// searched depends on it; whether a method is entry-only is still decided
// by the callers found (callgraph.Graph.Build).

// Bounds of the classes named from launchers: levels of naming followed,
// files read, files one simple name may stand for (a name that many
// files declare is not followed), and files that may name a class
// followed.
const (
	maxAdjacentDepth = 3
	maxAdjacentFiles = 300
	maxNameFiles     = 4
	maxAdjacentUsers = 16
)

// markAdjacent finds the classes the launchers name, transitively up to
// maxAdjacentDepth, and gives them to the graph as tool code.
func (x *graphIndex) markAdjacent(o graphOptions) {
	byName := map[string][]int{} // simple file name -> sources
	for i, s := range x.sources {
		if name, ok := strings.CutSuffix(s.base(), ".java"); ok {
			byName[name] = append(byName[name], i)
		}
	}
	seen := map[int]bool{}
	var frontier []int
	for _, l := range x.g.LauncherClasses() {
		outer := l
		if i := strings.IndexByte(outer, '$'); i >= 0 {
			outer = outer[:i]
		}
		file := "/" + strings.ReplaceAll(outer, ".", "/") + ".java"
		cands := byName[outer[strings.LastIndexByte(outer, '.')+1:]]
		for _, i := range cands {
			if (x.sources[i].slashRelHasSuffix(file) || len(cands) == 1) && !seen[i] {
				seen[i] = true
				frontier = append(frontier, i)
			}
		}
	}
	// A class many files name is the library's core, which a launcher
	// uses as its users do, not tool code: not followed.
	named := map[string]bool{}
	narrow := func(name string) bool {
		if ok, seen := named[name]; seen {
			return ok
		}
		h, n := hashOf([]byte(name)), 0
		var ws wordSet
		for i := range x.sources {
			if x.wordsOf(i, &ws).mayHoldHash(h) {
				if n++; n > maxAdjacentUsers {
					break
				}
			}
		}
		named[name] = n <= maxAdjacentUsers
		return named[name]
	}
	read := 0
	for depth := 0; depth <= maxAdjacentDepth && len(frontier) > 0; depth++ {
		var next []int
		for _, i := range frontier {
			if read >= maxAdjacentFiles {
				return
			}
			read++
			src, err := safefs.ReadFile(x.sources[i].abs(), o.maxFileSize)
			if err != nil {
				continue
			}
			if depth > 0 {
				x.g.Adjacent(topLevelClass(x.sources[i].rel(), src))
			}
			if depth == maxAdjacentDepth {
				continue // named, not followed further
			}
			for _, ref := range namedClasses(src) {
				cands := byName[ref.name]
				if len(cands) > maxNameFiles || !narrow(ref.name) {
					continue
				}
				for _, j := range cands {
					// A tree that does not mirror packages in folders:
					// a name one file holds is that file's class.
					if seen[j] || !ref.matches(x.sources[j].input) && len(cands) > 1 {
						continue
					}
					seen[j] = true
					next = append(next, j)
				}
			}
		}
		frontier = next
	}
}

// classRef is a class a source names: its simple name and the packages
// (as paths) it may be in, by the file's package and imports, or by a
// qualified name.
type classRef struct {
	name string
	pkgs []string
}

// matches reports a source path of the class: the path ends in one of
// the packages the name may be in (a tree mirrors packages in folders).
func (r classRef) matches(in *input) bool {
	for _, p := range r.pkgs {
		if in.slashRelHasSuffix("/" + p + r.name + ".java") {
			return true
		}
	}
	return false
}

// namedClasses are the classes a source may name in its code (comments
// left out): capitalised identifiers, in the file's package or one it
// imports, and class names quoted whole ("a.b.App", a reflective load).
func namedClasses(src []byte) []classRef {
	pkg := ""
	var imports []string // package paths "a/b/", from "import a.b.*;" or "import a.b.C;"
	single := map[string]string{}
	words := map[string]bool{}
	var quoted []string
	lexJava(src, func(kind byte, _ int, tok []byte) {
		switch kind {
		case 'i':
			if tok[0] >= 'A' && tok[0] <= 'Z' {
				words[string(tok)] = true
			}
		case 's':
			if q := string(tok); strings.Count(q, ".") >= 1 && isClassName(q) {
				quoted = append(quoted, q)
			}
		}
	})
	for _, line := range bytes.Split(src, []byte("\n")) {
		line = bytes.TrimSpace(line)
		switch {
		case bytes.HasPrefix(line, []byte("package ")):
			pkg = strings.TrimSpace(strings.TrimSuffix(string(line[len("package "):]), ";"))
		case bytes.HasPrefix(line, []byte("import ")) && !bytes.HasPrefix(line, []byte("import static ")):
			name := strings.TrimSpace(strings.TrimSuffix(string(line[len("import "):]), ";"))
			if p, ok := strings.CutSuffix(name, ".*"); ok {
				imports = append(imports, strings.ReplaceAll(p, ".", "/")+"/")
			} else if i := strings.LastIndexByte(name, '.'); i > 0 {
				single[name[i+1:]] = strings.ReplaceAll(name[:i], ".", "/") + "/"
			}
		}
	}
	own := ""
	if pkg != "" {
		own = strings.ReplaceAll(pkg, ".", "/") + "/"
	}
	var out []classRef
	for w := range words {
		if p, ok := single[w]; ok {
			out = append(out, classRef{name: w, pkgs: []string{p}})
			continue
		}
		out = append(out, classRef{name: w, pkgs: append([]string{own}, imports...)})
	}
	for _, q := range quoted {
		i := strings.LastIndexByte(q, '.')
		out = append(out, classRef{name: q[i+1:], pkgs: []string{strings.ReplaceAll(q[:i], ".", "/") + "/"}})
	}
	// In name order: the bound on files read stops at the same ones
	// every run.
	sortRefs(out)
	return out
}

func sortRefs(rs []classRef) {
	key := func(r classRef) string { return r.name + "|" + strings.Join(r.pkgs, ",") }
	sort.Slice(rs, func(i, j int) bool { return key(rs[i]) < key(rs[j]) })
}

// isClassName reports a dotted name whose last segment is capitalised and
// whose segments are identifiers.
func isClassName(s string) bool {
	segs := strings.Split(s, ".")
	for _, seg := range segs {
		if seg == "" || !identStart(seg[0]) {
			return false
		}
		for i := 1; i < len(seg); i++ {
			if !identPart(seg[i]) {
				return false
			}
		}
	}
	last := segs[len(segs)-1]
	return last[0] >= 'A' && last[0] <= 'Z'
}

// lexJava calls fn for each identifier ('i') and the content of each
// string literal ('s') of a Java source, with its offset, skipping
// comments and character literals.
func lexJava(src []byte, fn func(kind byte, at int, tok []byte)) {
	n := len(src)
	for i := 0; i < n; {
		c := src[i]
		switch {
		case c == '/' && i+1 < n && src[i+1] == '/':
			for i < n && src[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < n && src[i+1] == '*':
			j := bytes.Index(src[i+2:], []byte("*/"))
			if j < 0 {
				return
			}
			i += j + 4
		case c == '"' && i+2 < n && src[i+1] == '"' && src[i+2] == '"':
			j := bytes.Index(src[i+3:], []byte(`"""`))
			if j < 0 {
				return
			}
			i += j + 6
		case c == '"' || c == '\'':
			j := i + 1
			for j < n && src[j] != c && src[j] != '\n' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			if c == '"' && j <= n {
				fn('s', i+1, src[i+1:min(j, n)])
			}
			i = j + 1
		case identStart(c):
			j := i + 1
			for j < n && identPart(src[j]) {
				j++
			}
			fn('i', i, src[i:j])
			i = j
		case c >= '0' && c <= '9':
			for i < n && (identPart(src[i]) || src[i] == '.') {
				i++
			}
		default:
			i++
		}
	}
}

package javasrc

import (
	"sort"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/kscan/kscan/rules/facts"
)

// site is a place where a subscribed method name or instance-creation type
// occurs in the text; the tree confirms or rejects it.
type site struct {
	at, end int
	kind    siteKind
}

type siteKind uint8

const (
	siteCall  siteKind = iota // a subscribed method name followed by (
	siteNew                   // a subscribed type name in new T(...)
	siteWrite                 // a static field name (or Type.NAME) being assigned, incremented or stored into
)

// findSites scans identifier tokens outside comments and literals for the
// method names (followed by '(') and type names (after "new") the rules
// subscribed to, in document order.
func findSites(src []byte, in Interest) []site {
	var out []site
	n := len(src)
	prevTok := ""
	lexJava(src, func(i, j int) {
		tok := string(src[i:j])
		if in.Calls[tok] {
			k := j
			for k < n && (src[k] == ' ' || src[k] == '\t' || src[k] == '\n' || src[k] == '\r') {
				k++
			}
			if k < n && src[k] == '(' && prevTok != "new" {
				out = append(out, site{at: i, end: j, kind: siteCall})
			}
		}
		if in.News[tok] {
			out = append(out, site{at: i, end: j, kind: siteNew})
		}
		prevTok = tok
	}, func(i, j int) {
		prevTok = ""
	}, func(i int) {
		// Qualified names and generics keep "new" as the previous token.
		switch src[i] {
		case '.', ' ', '\t', '\n', '\r':
		default:
			prevTok = ""
		}
	})
	return out
}

// findWriteSites finds names that may be written: a static field name of
// the file, or NAME after "Type.", followed by an assignment operator, ++,
// -- or [, or preceded by ++ or --.
func findWriteSites(src []byte, statics map[string]bool) []site {
	var out []site
	lexJava(src, func(i, j int) {
		qualified := i > 1 && src[i-1] == '.' && typeQualifier(src, i-1)
		if (qualified || statics[string(src[i:j])]) && writtenAt(src, i, j) {
			out = append(out, site{at: i, end: j, kind: siteWrite})
		}
	}, nil, nil)
	return out
}

// typeQualifier reports whether the identifier ending before the dot at
// dot starts with an upper-case letter (a type, by convention).
func typeQualifier(src []byte, dot int) bool {
	s := dot
	for s > 0 && isIdentByte(src[s-1]) {
		s--
	}
	return s < dot && src[s] >= 'A' && src[s] <= 'Z'
}

// writtenAt reports an assignment operator, ++, -- or [ after the name at
// [i, j), or ++/-- before it.
func writtenAt(src []byte, i, j int) bool {
	if i >= 2 && (src[i-1] == '+' && src[i-2] == '+' || src[i-1] == '-' && src[i-2] == '-') {
		return true
	}
	k := j
	for k < len(src) && (src[k] == ' ' || src[k] == '\t' || src[k] == '\n' || src[k] == '\r') {
		k++
	}
	if k+1 >= len(src) {
		return false
	}
	switch c := src[k]; c {
	case '=':
		return src[k+1] != '='
	case '[':
		return true
	case '+', '-':
		return src[k+1] == '=' || src[k+1] == c
	case '*', '/', '%', '&', '|', '^':
		return src[k+1] == '='
	case '<', '>':
		return k+2 < len(src) && src[k+1] == c && (src[k+2] == '=' || c == '>' && src[k+2] == '>' && k+3 < len(src) && src[k+3] == '=')
	}
	return false
}

// writeAt returns the written expression (the assignment's left side or
// the ++/-- operand), the assignment or update node, and the write kind,
// or nils when the site is not a write.
func writeAt(root *sitter.Node, lines []int, s site) (*sitter.Node, *sitter.Node, facts.WriteKind) {
	n := root.NamedDescendantForPointRange(pointAt(lines, s.at), pointAt(lines, s.end))
	if n == nil || n.Type() != "identifier" || int(n.StartByte()) != s.at {
		return nil, nil, 0
	}
	target := n
	if p := n.Parent(); p != nil && p.Type() == "field_access" {
		if f := p.ChildByFieldName("field"); f == nil || int(f.StartByte()) != s.at {
			return nil, nil, 0
		}
		target = p
	}
	p := target.Parent()
	if p != nil && p.Type() == "array_access" {
		if a := p.ChildByFieldName("array"); a == nil || a.StartByte() != target.StartByte() {
			return nil, nil, 0
		}
		target = p
		p = p.Parent()
	}
	if p == nil {
		return nil, nil, 0
	}
	switch p.Type() {
	case "assignment_expression":
		if l := p.ChildByFieldName("left"); l == nil || l.StartByte() != target.StartByte() || l.EndByte() != target.EndByte() {
			return nil, nil, 0
		}
		return target, p, facts.WriteAssign
	case "update_expression":
		return target, p, facts.WriteIncrement
	}
	return nil, nil, 0
}

// skipString skips a string literal or text block starting at i.
func skipString(src []byte, i int) int {
	n := len(src)
	if i+2 < n && src[i+1] == '"' && src[i+2] == '"' {
		i += 3
		for i+2 < n && !(src[i] == '"' && src[i+1] == '"' && src[i+2] == '"' && src[i-1] != '\\') {
			i++
		}
		return i + 3
	}
	i++
	for i < n && src[i] != '"' && src[i] != '\n' {
		if src[i] == '\\' {
			i++
		}
		i++
	}
	return i + 1
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func pointAt(lines []int, off int) sitter.Point {
	row := sort.Search(len(lines), func(i int) bool { return lines[i] > off }) - 1
	return sitter.Point{Row: uint32(row), Column: uint32(off - lines[row])}
}

// callAt returns the method_invocation whose name is the site, or nil.
func callAt(root *sitter.Node, lines []int, s site) *sitter.Node {
	n := root.NamedDescendantForPointRange(pointAt(lines, s.at), pointAt(lines, s.end))
	if n == nil || n.Type() != "identifier" || int(n.StartByte()) != s.at {
		return nil
	}
	p := n.Parent()
	if p == nil || p.Type() != "method_invocation" {
		return nil
	}
	if name := p.ChildByFieldName("name"); name == nil || int(name.StartByte()) != s.at {
		return nil // the identifier is the receiver, not the method name
	}
	return p
}

// newAt returns the object_creation_expression whose type ends with the
// site, and its type node, or nils.
func newAt(root *sitter.Node, lines []int, s site) (*sitter.Node, *sitter.Node) {
	n := root.NamedDescendantForPointRange(pointAt(lines, s.at), pointAt(lines, s.end))
	for i := 0; n != nil && i < 4; i, n = i+1, n.Parent() {
		if n.Type() != "object_creation_expression" {
			continue
		}
		t := n.ChildByFieldName("type")
		if t != nil && int(t.StartByte()) <= s.at && s.end <= int(t.EndByte()) {
			return n, t
		}
		return nil, nil
	}
	return nil, nil
}

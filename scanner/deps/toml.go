package deps

import (
	"fmt"
	"strings"
)

// A TOML reader for the subset Gradle version catalogs use:
//   - comments (#), blank lines;
//   - table headers [a] and [a.b] (array-of-tables [[a]] is rejected);
//   - keys: bare (A-Za-z0-9_-), quoted "..." or '...', dotted a.b.c;
//   - values: basic strings "..." with the usual escapes, literal strings
//     '...', inline tables { k = v, ... } (nested), arrays [ ... ] over
//     several lines; anything else (numbers, booleans, dates) is kept as
//     raw text and never used.
//
// Multi-line strings ("""...""") are not supported; catalogs do not use
// them.

// tomlValue is a parsed value; tables remember their key order.
type tomlValue struct {
	isString bool
	str      string
	raw      string
	table    map[string]*tomlValue
	order    []string
	array    []*tomlValue
	line     int
}

func (v *tomlValue) get(k string) *tomlValue {
	if v == nil || v.table == nil {
		return nil
	}
	return v.table[k]
}

// keys returns table keys in source order.
func (v *tomlValue) keys() []string { return v.order }

func newTable(line int) *tomlValue {
	return &tomlValue{table: map[string]*tomlValue{}, line: line}
}

// maxTOMLDepth bounds nesting of inline tables and arrays.
const maxTOMLDepth = 64

type tomlParser struct {
	s    string
	i    int
	line int
}

type tomlError struct {
	line int
	msg  string
}

func (e *tomlError) Error() string { return fmt.Sprintf("%d: %s", e.line, e.msg) }

func parseTOML(data []byte) (root *tomlValue, err error) {
	if len(data) > MaxListSize {
		return nil, &tomlError{1, "file too large"}
	}
	p := &tomlParser{s: string(data), line: 1}
	root = newTable(1)
	cur := root
	for {
		p.skipSpaceAndNewlines()
		if p.i >= len(p.s) {
			return root, nil
		}
		switch p.s[p.i] {
		case '[':
			if strings.HasPrefix(p.s[p.i:], "[[") {
				return nil, p.errf("arrays of tables are not supported")
			}
			p.i++
			p.skipSpace()
			path, err := p.key()
			if err != nil {
				return nil, err
			}
			p.skipSpace()
			if !p.eat(']') {
				return nil, p.errf("expected ]")
			}
			cur = root
			for _, k := range path {
				next := cur.table[k]
				if next == nil {
					next = newTable(p.line)
					cur.set(k, next)
				}
				if next.table == nil {
					return nil, p.errf("%s is not a table", strings.Join(path, "."))
				}
				cur = next
			}
		default:
			if err := p.keyValue(cur, 0); err != nil {
				return nil, err
			}
		}
		p.skipSpace()
		if p.i < len(p.s) && p.s[p.i] == '#' {
			p.skipComment()
		}
		if p.i < len(p.s) && p.s[p.i] != '\n' && p.s[p.i] != '\r' {
			return nil, p.errf("unexpected %q after value", p.s[p.i])
		}
	}
}

func (v *tomlValue) set(k string, c *tomlValue) {
	if _, ok := v.table[k]; !ok {
		v.order = append(v.order, k)
	}
	v.table[k] = c
}

func (p *tomlParser) errf(format string, args ...any) error {
	return &tomlError{p.line, fmt.Sprintf(format, args...)}
}

func (p *tomlParser) eat(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *tomlParser) skipSpace() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

func (p *tomlParser) skipComment() {
	for p.i < len(p.s) && p.s[p.i] != '\n' {
		p.i++
	}
}

func (p *tomlParser) skipSpaceAndNewlines() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\r':
			p.i++
		case '\n':
			p.i++
			p.line++
		case '#':
			p.skipComment()
		default:
			return
		}
	}
}

// key reads a dotted key.
func (p *tomlParser) key() ([]string, error) {
	var path []string
	for {
		p.skipSpace()
		if p.i >= len(p.s) {
			return nil, p.errf("expected a key")
		}
		var k string
		switch c := p.s[p.i]; {
		case c == '"' || c == '\'':
			v, err := p.str()
			if err != nil {
				return nil, err
			}
			k = v.str
		default:
			start := p.i
			for p.i < len(p.s) && isBareKey(p.s[p.i]) {
				p.i++
			}
			if p.i == start {
				return nil, p.errf("expected a key, found %q", p.s[p.i])
			}
			k = p.s[start:p.i]
		}
		path = append(path, k)
		p.skipSpace()
		if !p.eat('.') {
			return path, nil
		}
	}
}

func isBareKey(c byte) bool {
	return c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// keyValue reads "key = value" into t.
func (p *tomlParser) keyValue(t *tomlValue, depth int) error {
	line := p.line
	path, err := p.key()
	if err != nil {
		return err
	}
	p.skipSpace()
	if !p.eat('=') {
		return p.errf("expected = after key %s", strings.Join(path, "."))
	}
	p.skipSpace()
	v, err := p.value(depth + 1)
	if err != nil {
		return err
	}
	v.line = line
	for _, k := range path[:len(path)-1] {
		next := t.table[k]
		if next == nil {
			next = newTable(line)
			t.set(k, next)
		}
		if next.table == nil {
			return p.errf("%s is not a table", k)
		}
		t = next
	}
	t.set(path[len(path)-1], v)
	return nil
}

func (p *tomlParser) value(depth int) (*tomlValue, error) {
	if depth > maxTOMLDepth {
		return nil, p.errf("nested too deeply")
	}
	if p.i >= len(p.s) {
		return nil, p.errf("expected a value")
	}
	switch p.s[p.i] {
	case '"', '\'':
		return p.str()
	case '{':
		p.i++
		t := newTable(p.line)
		p.skipSpace()
		if p.eat('}') {
			return t, nil
		}
		for {
			p.skipSpace()
			if err := p.keyValue(t, depth); err != nil {
				return nil, err
			}
			p.skipSpace()
			if p.eat('}') {
				return t, nil
			}
			if !p.eat(',') {
				return nil, p.errf("expected , or } in inline table")
			}
		}
	case '[':
		p.i++
		a := &tomlValue{line: p.line}
		for {
			p.skipSpaceAndNewlines()
			if p.eat(']') {
				return a, nil
			}
			v, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			a.array = append(a.array, v)
			p.skipSpaceAndNewlines()
			if p.eat(']') {
				return a, nil
			}
			if !p.eat(',') {
				return nil, p.errf("expected , or ] in array")
			}
		}
	}
	start := p.i
	for p.i < len(p.s) && !strings.ContainsRune(",}] \t\r\n#", rune(p.s[p.i])) {
		p.i++
	}
	if p.i == start {
		if p.i >= len(p.s) {
			return nil, p.errf("expected a value")
		}
		return nil, p.errf("expected a value, found %q", p.s[p.i])
	}
	return &tomlValue{raw: p.s[start:p.i], line: p.line}, nil
}

func (p *tomlParser) str() (*tomlValue, error) {
	q := p.s[p.i]
	if strings.HasPrefix(p.s[p.i:], string([]byte{q, q, q})) {
		return nil, p.errf("multi-line strings are not supported")
	}
	p.i++
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '\n':
			return nil, p.errf("unterminated string")
		case c == q:
			p.i++
			return &tomlValue{isString: true, str: b.String(), line: p.line}, nil
		case c == '\\' && q == '"' && p.i+1 < len(p.s):
			p.i++
			switch e := p.s[p.i]; e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			default: // \" \\ and unicode escapes kept literally
				b.WriteByte(e)
			}
			p.i++
		default:
			b.WriteByte(c)
			p.i++
		}
	}
	return nil, p.errf("unterminated string")
}

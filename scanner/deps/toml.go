package deps

import (
	"errors"
	"fmt"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// Gradle version catalogs are read with go-toml: its decoder checks the
// document (duplicate keys, redefined tables, every TOML value form), and
// its parser's syntax tree keeps where each key is written, which a
// catalog entry needs so that a finding can point at its line. No line
// finder of our own is needed.

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

func (v *tomlValue) set(k string, c *tomlValue) {
	if _, ok := v.table[k]; !ok {
		v.order = append(v.order, k)
	}
	v.table[k] = c
}

type tomlError struct {
	line int
	msg  string
}

func (e *tomlError) Error() string { return fmt.Sprintf("%d: %s", e.line, e.msg) }

// parseTOML reads a TOML document into tables that keep key order and the
// line of each key.
func parseTOML(data []byte) (*tomlValue, error) {
	if len(data) > MaxListSize {
		return nil, &tomlError{1, "file too large"}
	}
	var check map[string]any
	if err := toml.Unmarshal(data, &check); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, _ := de.Position()
			return nil, &tomlError{row, de.Error()}
		}
		return nil, &tomlError{1, err.Error()}
	}
	p := &unstable.Parser{}
	p.Reset(data)
	root := newTable(1)
	cur := root
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			path, line := tomlKey(p, e.Key())
			t := root
			for i, k := range path {
				next := t.table[k]
				last := i == len(path)-1
				switch {
				case last && e.Kind == unstable.ArrayTable:
					if next == nil {
						next = &tomlValue{line: line}
						t.set(k, next)
					}
					elem := newTable(line)
					next.array = append(next.array, elem)
					next = elem
				case next == nil:
					next = newTable(line)
					t.set(k, next)
				case next.table == nil && len(next.array) > 0:
					// A header below an array of tables goes into its last
					// element.
					next = next.array[len(next.array)-1]
				}
				t = next
			}
			cur = t
		case unstable.KeyValue:
			tomlKeyValue(p, cur, e)
		}
	}
	if err := p.Error(); err != nil {
		// The decoder above accepts only what the parser does; this is a
		// safety net.
		return nil, &tomlError{1, err.Error()}
	}
	return root, nil
}

// tomlKey returns a dotted key's parts and the line of its first part.
func tomlKey(p *unstable.Parser, it unstable.Iterator) ([]string, int) {
	var parts []string
	line := 0
	for it.Next() {
		n := it.Node()
		if line == 0 {
			line = p.Shape(n.Raw).Start.Line
		}
		parts = append(parts, string(n.Data))
	}
	return parts, line
}

// tomlKeyValue stores one key = value in t, creating the tables a dotted
// key names.
func tomlKeyValue(p *unstable.Parser, t *tomlValue, kv *unstable.Node) {
	path, line := tomlKey(p, kv.Key())
	if len(path) == 0 {
		return
	}
	v := tomlConvert(p, kv.Value(), line)
	for _, k := range path[:len(path)-1] {
		next := t.table[k]
		if next == nil {
			next = newTable(line)
			t.set(k, next)
		}
		t = next
	}
	t.set(path[len(path)-1], v)
}

func tomlConvert(p *unstable.Parser, n *unstable.Node, line int) *tomlValue {
	switch n.Kind {
	case unstable.String:
		return &tomlValue{isString: true, str: string(n.Data), line: line}
	case unstable.InlineTable:
		t := newTable(line)
		it := n.Children()
		for it.Next() {
			if c := it.Node(); c.Kind == unstable.KeyValue {
				tomlKeyValue(p, t, c)
			}
		}
		return t
	case unstable.Array:
		a := &tomlValue{line: line}
		it := n.Children()
		for it.Next() {
			if c := it.Node(); c.Kind != unstable.Comment {
				a.array = append(a.array, tomlConvert(p, c, line))
			}
		}
		return a
	}
	return &tomlValue{raw: string(n.Data), line: line}
}

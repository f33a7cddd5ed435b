package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// node is a JSON value that keeps the order of object members, so the
// post-processed SARIF reads like go-sarif wrote it.
type node struct {
	kind  byte // '{' object, '[' array, 's' string, 'n' number, 'b' bool, '0' null
	keys  []string
	vals  []*node // object member values, parallel to keys; array elements
	str   string  // string value, or number text
	truth bool
}

// parseJSON reads the output of json.Marshal into a tree. It reads the
// bytes directly rather than through json.Decoder's tokens, which cost a
// large share of writing a report; a string with an escape is still
// decoded by encoding/json, so every value reads as the decoder reads it.
func parseJSON(data []byte) (*node, error) {
	p := jsonParser{data: data}
	n, err := p.value()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.off != len(p.data) {
		return nil, fmt.Errorf("trailing data after JSON value at offset %d", p.off)
	}
	return n, nil
}

type jsonParser struct {
	data []byte
	off  int
}

func (p *jsonParser) space() {
	for p.off < len(p.data) {
		switch p.data[p.off] {
		case ' ', '\t', '\n', '\r':
			p.off++
		default:
			return
		}
	}
}

func (p *jsonParser) fail(want string) error {
	if p.off >= len(p.data) {
		return fmt.Errorf("unexpected end of JSON input, want %s", want)
	}
	return fmt.Errorf("invalid character %q at offset %d, want %s", p.data[p.off], p.off, want)
}

func (p *jsonParser) value() (*node, error) {
	p.space()
	if p.off >= len(p.data) {
		return nil, p.fail("a value")
	}
	switch c := p.data[p.off]; {
	case c == '{':
		p.off++
		n := &node{kind: '{'}
		p.space()
		if p.off < len(p.data) && p.data[p.off] == '}' {
			p.off++
			return n, nil
		}
		for {
			p.space()
			k, err := p.str()
			if err != nil {
				return nil, err
			}
			p.space()
			if p.off >= len(p.data) || p.data[p.off] != ':' {
				return nil, p.fail("':'")
			}
			p.off++
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, k)
			n.vals = append(n.vals, v)
			p.space()
			if p.off < len(p.data) && p.data[p.off] == ',' {
				p.off++
				continue
			}
			if p.off < len(p.data) && p.data[p.off] == '}' {
				p.off++
				return n, nil
			}
			return nil, p.fail("',' or '}'")
		}
	case c == '[':
		p.off++
		n := &node{kind: '['}
		p.space()
		if p.off < len(p.data) && p.data[p.off] == ']' {
			p.off++
			return n, nil
		}
		for {
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			n.vals = append(n.vals, v)
			p.space()
			if p.off < len(p.data) && p.data[p.off] == ',' {
				p.off++
				continue
			}
			if p.off < len(p.data) && p.data[p.off] == ']' {
				p.off++
				return n, nil
			}
			return nil, p.fail("',' or ']'")
		}
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return &node{kind: 's', str: s}, nil
	case c == '-' || c >= '0' && c <= '9':
		start := p.off
		for p.off < len(p.data) && strings.IndexByte("+-.0123456789eE", p.data[p.off]) >= 0 {
			p.off++
		}
		if !json.Valid(p.data[start:p.off]) {
			return nil, fmt.Errorf("invalid number %q at offset %d", p.data[start:p.off], start)
		}
		return &node{kind: 'n', str: string(p.data[start:p.off])}, nil
	case p.literal("true"):
		return &node{kind: 'b', truth: true}, nil
	case p.literal("false"):
		return &node{kind: 'b'}, nil
	case p.literal("null"):
		return &node{kind: '0'}, nil
	}
	return nil, p.fail("a value")
}

func (p *jsonParser) literal(word string) bool {
	if bytes.HasPrefix(p.data[p.off:], []byte(word)) {
		p.off += len(word)
		return true
	}
	return false
}

// str reads a string: one without an escape or a control character is
// its bytes (valid UTF-8 from json.Marshal; checked), any other is
// decoded by encoding/json.
func (p *jsonParser) str() (string, error) {
	if p.off >= len(p.data) || p.data[p.off] != '"' {
		return "", p.fail("a string")
	}
	start := p.off
	plain := true
	i := start + 1
	for ; i < len(p.data); i++ {
		c := p.data[i]
		if c == '"' {
			break
		}
		if c == '\\' {
			plain = false
			i++
		} else if c < 0x20 {
			plain = false
		}
	}
	if i >= len(p.data) {
		p.off = len(p.data)
		return "", p.fail("the end of a string")
	}
	p.off = i + 1
	raw := p.data[start+1 : i]
	if plain && utf8.Valid(raw) {
		return string(raw), nil
	}
	var s string
	if err := json.Unmarshal(p.data[start:i+1], &s); err != nil {
		return "", fmt.Errorf("offset %d: %w", start, err)
	}
	return s, nil
}

// get returns the value of member key, or nil.
func (n *node) get(key string) *node {
	if n == nil || n.kind != '{' {
		return nil
	}
	for i, k := range n.keys {
		if k == key {
			return n.vals[i]
		}
	}
	return nil
}

// set replaces member key, or appends it.
func (n *node) set(key string, v *node) {
	for i, k := range n.keys {
		if k == key {
			n.vals[i] = v
			return
		}
	}
	n.keys = append(n.keys, key)
	n.vals = append(n.vals, v)
}

// moveFirst moves member key, if present, to the front of n.
func (n *node) moveFirst(key string) {
	for i, k := range n.keys {
		if k == key {
			v := n.vals[i]
			copy(n.keys[1:i+1], n.keys[:i])
			copy(n.vals[1:i+1], n.vals[:i])
			n.keys[0], n.vals[0] = key, v
			return
		}
	}
}

// dropNulls removes null members and elements everywhere. In SARIF an
// absent property means the same as its default, while null is rejected by
// the schema wherever it appears.
func (n *node) dropNulls() {
	switch n.kind {
	case '{':
		keys, vals := n.keys[:0], n.vals[:0]
		for i, v := range n.vals {
			if v.kind == '0' {
				continue
			}
			v.dropNulls()
			keys = append(keys, n.keys[i])
			vals = append(vals, v)
		}
		n.keys, n.vals = keys, vals
	case '[':
		vals := n.vals[:0]
		for _, v := range n.vals {
			if v.kind == '0' {
				continue
			}
			v.dropNulls()
			vals = append(vals, v)
		}
		n.vals = vals
	}
}

// write prints n with two-space indentation, without escaping <, > and &
// (Markdown help is full of them) and with a final newline.
func (n *node) write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	n.writeIndented(bw, 0)
	bw.WriteByte('\n')
	return bw.Flush()
}

func (n *node) writeIndented(w *bufio.Writer, depth int) {
	switch n.kind {
	case '{':
		if len(n.keys) == 0 {
			w.WriteString("{}")
			return
		}
		w.WriteByte('{')
		for i, k := range n.keys {
			if i > 0 {
				w.WriteByte(',')
			}
			newline(w, depth+1)
			writeString(w, k)
			w.WriteString(": ")
			n.vals[i].writeIndented(w, depth+1)
		}
		newline(w, depth)
		w.WriteByte('}')
	case '[':
		if len(n.vals) == 0 {
			w.WriteString("[]")
			return
		}
		w.WriteByte('[')
		for i, v := range n.vals {
			if i > 0 {
				w.WriteByte(',')
			}
			newline(w, depth+1)
			v.writeIndented(w, depth+1)
		}
		newline(w, depth)
		w.WriteByte(']')
	case 's':
		writeString(w, n.str)
	case 'n':
		w.WriteString(n.str)
	case 'b':
		w.WriteString(strconv.FormatBool(n.truth))
	default:
		w.WriteString("null")
	}
}

func newline(w *bufio.Writer, depth int) {
	w.WriteByte('\n')
	for range depth {
		w.WriteString("  ")
	}
}

const hexDigits = "0123456789abcdef"

// writeString writes s as a JSON string. Decoded strings are valid UTF-8;
// U+2028 and U+2029 are escaped as encoding/json does, for JavaScript
// consumers.
func writeString(w *bufio.Writer, s string) {
	w.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			w.WriteString(`\"`)
		case r == '\\':
			w.WriteString(`\\`)
		case r == '\n':
			w.WriteString(`\n`)
		case r == '\r':
			w.WriteString(`\r`)
		case r == '\t':
			w.WriteString(`\t`)
		case r < 0x20, r == 0x2028, r == 0x2029:
			w.WriteString(`\u`)
			for shift := 12; shift >= 0; shift -= 4 {
				w.WriteByte(hexDigits[(r>>shift)&0xF])
			}
		case r == utf8.RuneError:
			w.WriteString("\ufffd")
		default:
			w.WriteRune(r)
		}
	}
	w.WriteByte('"')
}

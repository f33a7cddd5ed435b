package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
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

func parseJSON(data []byte) (*node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := parseValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("trailing data after JSON value")
	}
	return n, nil
}

func parseValue(dec *json.Decoder) (*node, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &node{kind: '{'}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string)
				v, err := parseValue(dec)
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, k)
				n.vals = append(n.vals, v)
			}
			_, err := dec.Token() // '}'
			return n, err
		case '[':
			n := &node{kind: '['}
			for dec.More() {
				v, err := parseValue(dec)
				if err != nil {
					return nil, err
				}
				n.vals = append(n.vals, v)
			}
			_, err := dec.Token() // ']'
			return n, err
		}
		return nil, fmt.Errorf("unexpected delimiter %v", t)
	case string:
		return &node{kind: 's', str: t}, nil
	case json.Number:
		return &node{kind: 'n', str: t.String()}, nil
	case bool:
		return &node{kind: 'b', truth: t}, nil
	case nil:
		return &node{kind: '0'}, nil
	}
	return nil, fmt.Errorf("unexpected token %v", tok)
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

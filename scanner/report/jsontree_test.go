package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"testing"
)

// decoderTree reads JSON through json.Decoder's tokens: what parseJSON
// must agree with.
func decoderTree(data []byte) (*node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var value func() (*node, error)
	value = func() (*node, error) {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case json.Delim:
			n := &node{kind: byte(t)}
			for dec.More() {
				if t == '{' {
					kt, err := dec.Token()
					if err != nil {
						return nil, err
					}
					n.keys = append(n.keys, kt.(string))
				}
				v, err := value()
				if err != nil {
					return nil, err
				}
				n.vals = append(n.vals, v)
			}
			_, err := dec.Token()
			return n, err
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
	n, err := value()
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("trailing data")
	}
	return n, nil
}

func TestParseJSONAgreesWithDecoder(t *testing.T) {
	values := []any{
		map[string]any{"a": 1, "b": []any{true, false, nil, 1.5e-7, -3}, "c": map[string]any{}},
		[]any{},
		"plain",
		"quote \" backslash \\ newline \n tab \t cr \r ctrl \x01 \x1f",
		"<html> & 'x' \u2028 \u2029 é 日本 😀",
		"bad utf8 \xff\xfe end",
		map[string]any{"k\"ey": "v\\al", "": ""},
		[]any{[]any{[]any{}}, map[string]any{"x": []any{map[string]any{"y": nil}}}},
		int64(-9007199254740993),
		12345678901234567890.0,
	}
	for i, v := range values {
		raw, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		for _, data := range [][]byte{raw, indent(t, raw)} {
			got, err := parseJSON(data)
			if err != nil {
				t.Fatalf("%d: parseJSON(%s): %v", i, data, err)
			}
			want, err := decoderTree(data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%d: parseJSON(%s) = %+v, want %+v", i, data, got, want)
			}
		}
	}
	for _, bad := range []string{``, `{`, `{"a"}`, `{"a":1,}`, `[1,]`, `[1 2]`, `"abc`, `tru`, `01x`, `{} {}`, `-`, `{"a":1}x`} {
		if _, err := parseJSON([]byte(bad)); err == nil {
			t.Errorf("parseJSON(%q): no error", bad)
		}
	}
}

func indent(t *testing.T, raw []byte) []byte {
	var b bytes.Buffer
	if err := json.Indent(&b, raw, "", "  "); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

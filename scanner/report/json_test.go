package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

func jsonBytes(t *testing.T, in *Input) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := JSON(&buf, in); err != nil {
		t.Fatalf("JSON: %v", err)
	}
	return buf.Bytes()
}

func TestJSONGolden(t *testing.T) {
	checkGolden(t, "golden.json", jsonBytes(t, suppressedInput()))
	checkGolden(t, "clean.json", jsonBytes(t, cleanInput()))
}

func TestJSONShape(t *testing.T) {
	for name, mk := range sarifCases {
		t.Run(name, func(t *testing.T) {
			in := mk()
			out := jsonBytes(t, in)
			if !bytes.Equal(out, jsonBytes(t, mk())) {
				t.Error("two runs differ")
			}
			doc := decode(t, out)
			if doc["version"] != json.Number("1") {
				t.Errorf("version = %v", doc["version"])
			}
			for _, k := range []string{"findings", "notifications"} {
				if _, ok := doc[k].([]any); !ok {
					t.Errorf("%s is %T, want an array", k, doc[k])
				}
			}
			walk("$", doc, func(path string, v any) {
				if v == nil {
					t.Errorf("null at %s", path)
				}
			})
			if fs := doc["findings"].([]any); len(fs) != len(in.Findings) {
				t.Errorf("%d findings, want %d", len(fs), len(in.Findings))
			}
		})
	}
}

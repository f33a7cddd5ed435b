package ruletest

import (
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []Want
		err       string
	}{
		{"none", "class A {}\n// wanted\n", nil, ""},
		{"java", "a\nSystem.exit(1); // want \"system-exit\"\n", []Want{
			{Line: 2, Rule: "system-exit", Source: true, BytecodeLine: 2}}, ""},
		{"severity and suppressed", `x(); // want "a:low" "b:suppressed"`, []Want{
			{Line: 1, Rule: "a", Severity: "low", Source: true, BytecodeLine: 1},
			{Line: 1, Rule: "b", Severity: "suppressed", Source: true, BytecodeLine: 1}}, ""},
		{"properties: line below", "# want \"logging-config-path\"\nlogging.file.name=app.log\n", []Want{
			{Line: 2, Rule: "logging-config-path", Source: true, BytecodeLine: 2}}, ""},
		{"yaml: trailing", "path: /x # want \"web-context-path-conflict\"\n", []Want{
			{Line: 1, Rule: "web-context-path-conflict", Source: true, BytecodeLine: 1}}, ""},
		{"xml", "<a/>\n<b/> <!-- want \"x\" \"y\" -->\n", []Want{
			{Line: 2, Rule: "x", Source: true, BytecodeLine: 2},
			{Line: 2, Rule: "y", Source: true, BytecodeLine: 2}}, ""},
		{"bytecode modifiers", "\n\nf(); // want \"a\" bytecode:- \"b:high\" bytecode:0 \"c\" source:- \"d\" bytecode:2\n", []Want{
			{Line: 3, Rule: "a", Source: true, BytecodeLine: -1},
			{Line: 3, Rule: "b", Severity: "high", Source: true, BytecodeLine: 0},
			{Line: 3, Rule: "c", Source: false, BytecodeLine: 3},
			{Line: 3, Rule: "d", Source: true, BytecodeLine: 2}}, ""},
		{"unknown modifier", `f(); // want "a" bytecode:x`, nil, `cannot read "bytecode:x"`},
		{"misspelt modifier", `f(); // want "a" bytcode:-`, nil, `cannot read "bytcode:-"`},
		{"stray text", `f(); // want "a" because`, nil, `cannot read "because"`},
		{"only bytecode, at line 0", `f(); // want "a" source:- bytecode:0`, []Want{
			{Line: 1, Rule: "a", Source: false, BytecodeLine: 0}}, ""},
		{"neither", `f(); // want "a" source:- bytecode:-`, nil, "neither"},
		{"xml unclosed", `<a/> <!-- want "a"`, nil, "must end with -->"},
	} {
		got, err := Parse([]byte(tc.src))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %+v, %v\nwant %+v", tc.name, got, err, tc.want)
		}
	}
}

package config

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	c, err := Parse(".kscan.yaml", []byte(`
role: auto
mode: static
fail-on: warning
exclude: [generated]
roles:
  - path: libs/shared/**
    role: library
rules:
  stdout-usage: {enabled: false}
  system-exit: {severity: medium}
`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Mode != "static" || len(c.Roles) != 1 || c.Roles[0].Role != "library" || c.RoleLines[0] != 7 ||
		*c.Rules["stdout-usage"].Enabled || c.Rules["system-exit"].Severity != "medium" {
		t.Errorf("%+v", c)
	}
}

func TestBaselinePath(t *testing.T) {
	tests := []struct{ file, src, want string }{
		{"proj/.kscan.yaml", "baseline: .kscan-baseline.json\n", "proj/.kscan-baseline.json"},
		{"proj/ci/kscan.yaml", "baseline: ../baselines/b.json\n", "proj/baselines/b.json"},
		{"proj/.kscan.yaml", "baseline: /abs/b.json\n", "/abs/b.json"},
		{"proj/.kscan.yaml", "role: base\n", ""},
		{"proj/.kscan.yaml", "baseline: ''\n", ""},
	}
	for _, tc := range tests {
		c, err := Parse(tc.file, []byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		if got := c.BaselinePath(); got != tc.want {
			t.Errorf("%s %q: BaselinePath = %q, want %q", tc.file, tc.src, got, tc.want)
		}
	}
	c, _ := Parse("k.yaml", []byte("role: base\n\nbaseline: b.json\n"))
	if c.BaselineLine != 3 {
		t.Errorf("BaselineLine = %d, want 3", c.BaselineLine)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"rol: base\n", `.kscan.yaml:1: rol: unknown key "rol"`},
		{"rules:\n  system-exit: {enabld: false}\n", `.kscan.yaml:2: rules: unknown key "enabld"`},
		{"rules:\n  system-exit: {enabled: maybe}\n", `.kscan.yaml:2: rules: want true or false, not "maybe"`},
		{"mode: static\nbaseline: [a.json, b.json]\n", ".kscan.yaml:2: baseline: want a string, not a list"},
		{"baseline:\n  file: a.json\n", ".kscan.yaml:2: baseline: want a string, not a mapping"},
		{"\nexclude: 3\n", ".kscan.yaml:2: exclude: want a list, not 3"},
		{"role: sharedd\n", ".kscan.yaml:1: role: \"sharedd\" is not one of"},
		{"mode: hot\n", ".kscan.yaml:1: mode:"},
		{"\n\nroles:\n  - path: x\n    role: kernel\n", ".kscan.yaml:4: roles: \"kernel\""},
		{"rules:\n  system-exit: {severity: fatal}\n", "severity \"fatal\""},
		{"role: [a\n", ".kscan.yaml"},
	}
	for _, tc := range tests {
		_, err := Parse(".kscan.yaml", []byte(tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want it to contain %q", tc.src, err, tc.want)
		}
	}
	if c, err := Parse(".kscan.yaml", nil); err != nil || c.Role != "" {
		t.Errorf("empty file: %v %+v", err, c)
	}
}

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

func TestParseErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"rol: base\n", "line 1: field rol not found"},
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

package config

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
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
		c, err := parse(tc.file, []byte(tc.src), true) // named with --config
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

// A repository's own .kscan.yaml cannot make kscan read outside its
// directory: absolute and escaping paths are errors naming the line, and
// a link out is refused when the file is read.
func TestUntrustedPaths(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"baseline: /etc/passwd\n", `.kscan.yaml:1: baseline: "/etc/passwd" is absolute`},
		{"baseline: ../../x.json\n", `.kscan.yaml:1: baseline: "../../x.json" leaves the directory`},
		{"role: base\nadapters:\n  - ok.yaml\n  - /dev/zero\n", `.kscan.yaml:4: adapters: "/dev/zero" is absolute`},
		{"rules:\n  system-exit: {severity: high}\n  stdout-usage:\n    severity: loud\n", `.kscan.yaml:3: rules: stdout-usage: unknown severity "loud"`},
		{"rules:\n  system-exit: {severity: warning}\n  no-such-rule: {enabled: false}\n", `.kscan.yaml:3: rules: unknown rule "no-such-rule"`},
		{"adapters: [a/../../b.yaml]\n", `leaves the directory`},
	} {
		_, err := Parse(".kscan.yaml", []byte(tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want %q", tc.src, err, tc.want)
		}
	}
	dir := t.TempDir()
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, "secret.json"), []byte("{}"), 0o644)
	os.Symlink(filepath.Join(out, "secret.json"), filepath.Join(dir, "b.json"))
	os.WriteFile(filepath.Join(dir, FileName), []byte("baseline: b.json\n"), 0o644)
	c, err := Find(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ReadFile(c.BaselinePath(), 1<<20); err == nil || !strings.Contains(err.Error(), "outside") {
		t.Fatalf("read through a link out of the repository: %v", err)
	}
}

// A .kscan.yaml that is a link to a device, a FIFO or a huge sparse file
// is refused at once, naming the file.
func TestHostileConfigFile(t *testing.T) {
	for _, tc := range []struct {
		name string
		make func(p string) error
		want string
	}{
		{"device", func(p string) error { return os.Symlink("/dev/zero", p) }, "outside"},
		{"fifo", func(p string) error { return syscall.Mkfifo(p, 0o644) }, "not a regular file"},
		{"sparse", func(p string) error {
			f, err := os.Create(p)
			if err != nil {
				return err
			}
			defer f.Close()
			return f.Truncate(1 << 30)
		}, "exceeds"},
	} {
		dir := t.TempDir()
		p := filepath.Join(dir, FileName)
		if err := tc.make(p); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { _, err := Find(dir); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), FileName) {
				t.Errorf("%s: err = %v, want %q naming the file", tc.name, err, tc.want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: Find blocked", tc.name)
		}
	}
}

func TestScopeKeys(t *testing.T) {
	c, err := Parse(".kscan.yaml", []byte("include: [non-production]\nproduction:\n  - tools/embedded/**\nnon-production:\n  - legacy-demo\n  - '**/fixtures/**'\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := c.ScopeOverrides()
	want := []ScopeOverride{
		{Glob: "tools/embedded/**", Production: true, Source: ".kscan.yaml:3"},
		{Glob: "legacy-demo", Production: false, Source: ".kscan.yaml:5"},
		{Glob: "**/fixtures/**", Production: false, Source: ".kscan.yaml:6"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("override %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if _, err := Parse(".kscan.yaml", []byte("role: base\ninclude: [tests]\n")); err == nil || !strings.Contains(err.Error(), `.kscan.yaml:2: include: "tests" is not non-production`) {
		t.Errorf("bad include value: %v", err)
	}
}

package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
)

const oneRow = `version: 1.0.0
adapterMappings:
  - matcher:
      groupId: com.acme
      artifactId: acme-client
      versionRange: "[1.0,2.0)"
    adapter:
      groupId: com.acme.adapters
      artifactId: acme-adapter
`

func TestAdapterTable(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "conf", "ark"), 0o755)
	os.WriteFile(filepath.Join(root, "conf", "ark", "adapter-mapping.yaml"), []byte(oneRow), 0o644)
	os.WriteFile(filepath.Join(root, "corp.yaml"), []byte(strings.ReplaceAll(oneRow, "acme", "corp")), 0o644)
	os.WriteFile(filepath.Join(root, FileName), []byte("adapters: [corp.yaml]\n"), 0o644)
	c, err := Find(root)
	if err != nil {
		t.Fatal(err)
	}
	var warned []error
	tab, err := c.AdapterTable(nil, []string{root}, func(e error) { warned = append(warned, e) })
	if err != nil || len(warned) > 0 {
		t.Fatalf("err %v, warnings %v", err, warned)
	}
	have := map[string]bool{}
	for _, r := range tab.Rows {
		have[r.Adapter.ArtifactID] = true
	}
	for _, want := range []string{"acme-adapter", "corp-adapter"} {
		if !have[want] {
			t.Errorf("table lacks %s", want)
		}
	}
	// A table the command line names and cannot be read is an error; one
	// the configuration names through a link out is refused.
	if _, err := c.AdapterTable([]string{filepath.Join(root, "missing.yaml")}, nil, func(error) {}); err == nil {
		t.Error("a missing --adapters table was accepted")
	}
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, "t.yaml"), []byte(oneRow), 0o644)
	os.Symlink(filepath.Join(out, "t.yaml"), filepath.Join(root, "linked.yaml"))
	os.WriteFile(filepath.Join(root, FileName), []byte("role: base\nadapters: [linked.yaml]\n"), 0o644)
	c, _ = Find(root)
	if _, err := c.AdapterTable(nil, nil, func(error) {}); err == nil || !strings.Contains(err.Error(), ".kscan.yaml:2: adapters:") {
		t.Errorf("a table linked out of the repository: %v", err)
	}
}

func TestApplyRules(t *testing.T) {
	c, err := Parse(FileName, []byte("rules:\n  system-exit: {enabled: false}\n  stdout-usage: {severity: warning}\n"))
	if err != nil {
		t.Fatal(err)
	}
	rs, err := c.ApplyRules(rules.All())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		switch r.ID {
		case "system-exit":
			t.Error("system-exit was not turned off")
		case "stdout-usage":
			if r.Default != rules.SeverityMedium || r.Severity[facts.RoleModule] != rules.SeverityMedium {
				t.Errorf("stdout-usage severity %v %v", r.Default, r.Severity)
			}
		}
	}
	orig, _ := rules.Lookup("stdout-usage")
	if orig.Default == rules.SeverityMedium {
		t.Error("ApplyRules changed the registered rule")
	}
}

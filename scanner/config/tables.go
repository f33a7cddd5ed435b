package config

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/kscan/kscan/adapters"
	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
)

// ProjectTable is where a project keeps its own adapter mapping table, as
// the base build plugin reads it from ${project.basedir}.
const ProjectTable = "conf/ark/adapter-mapping.yaml"

// AdapterTable is the built-in table unioned, as the Koupleless plugin
// does, with: the project tables of the directories given (the scan root
// and each directory target), read only inside them; the configuration's
// adapters: tables, read only inside its directory; and the tables named
// on the command line. A table the configuration or the command line names
// that cannot be read is an error; a project table that cannot be read,
// and every bad row, go to warn while the other rows apply.
func (c *Config) AdapterTable(commandLine, dirs []string, warn func(error)) (*adapters.Table, error) {
	tables := []*adapters.Table{adapters.Default()}
	load := func(name string, data []byte) {
		t, errs := adapters.Load(name, data)
		for _, e := range errs {
			warn(e)
		}
		tables = append(tables, t)
	}
	seen := map[string]bool{}
	for _, d := range dirs {
		if d == "" {
			d = "."
		}
		p := filepath.Join(d, filepath.FromSlash(ProjectTable))
		abs, _ := filepath.Abs(p)
		if _, err := os.Lstat(p); err != nil || seen[abs] {
			continue
		}
		seen[abs] = true
		data, err := safefs.ReadFileIn(d, p, safefs.MaxTable)
		if err != nil {
			warn(fmt.Errorf("adapter table skipped: %w", err))
			continue
		}
		load(p, data)
	}
	for i, a := range c.Adapters {
		p := c.Path(a)
		data, err := c.ReadFile(p, safefs.MaxTable)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: adapters: %w", c.File, c.adapterLine(i), err)
		}
		load(p, data)
	}
	for _, p := range commandLine {
		data, err := safefs.ReadFile(p, safefs.MaxTable)
		if err != nil {
			return nil, fmt.Errorf("--adapters: %w", err)
		}
		load(p, data)
	}
	return adapters.Union(tables...), nil
}

// ApplyRules drops the rules the configuration turns off and applies its
// severity overrides (to every role where the rule applies).
func (c *Config) ApplyRules(rs []*rules.Rule) ([]*rules.Rule, error) {
	if len(c.Rules) == 0 {
		return rs, nil
	}
	var out []*rules.Rule
	for _, r := range rs {
		rc, ok := c.Rules[r.ID]
		if ok && rc.Enabled != nil && !*rc.Enabled {
			continue
		}
		if ok && rc.Severity != "" {
			sev, err := rules.ParseSeverity(rc.Severity)
			if err != nil {
				return nil, err
			}
			cp := *r
			cp.Default = sev
			cp.Severity = map[facts.Role]rules.Severity{}
			for role, s := range r.Severity {
				if s != rules.SeverityNone {
					cp.Severity[role] = sev
				}
			}
			r = &cp
		}
		out = append(out, r)
	}
	return out, nil
}

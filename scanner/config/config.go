// Package config reads .kscan.yaml: where code runs, which rules run and
// how severe they are, what to skip. Unknown keys and bad values are
// errors that name the file, line and key, so a typo cannot silently turn
// a check off.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/rules"
)

// FileName is the configuration file looked up at the scan root.
const FileName = ".kscan.yaml"

// Config is the content of .kscan.yaml.
type Config struct {
	// Role of all code: auto (default: from build files), base, module,
	// library (shared by the base with modules) or private (packaged in one
	// module).
	Role string `yaml:"role"`
	// Mode: dynamic (default; modules are installed and uninstalled at run
	// time) or static (merged once): leak rules report nothing in static mode.
	Mode   string `yaml:"mode"`
	FailOn string `yaml:"fail-on"`
	// MinLevel hides findings below it (as --min-level).
	MinLevel string `yaml:"min-level"`
	// Include lists what is scanned besides production code:
	// "non-production" (tests, examples, benchmarks, build tools).
	Include []string `yaml:"include"`
	// Production and NonProduction are path globs whose scope the user
	// decides, over kscan's guess (a glob without "/" matches a name at
	// any depth).
	Production    []string `yaml:"production"`
	NonProduction []string `yaml:"non-production"`
	// HelpURI is where each rule's documentation lives, with {id} for the
	// rule id (a company's own pages); default: kscan's docs/rules.md.
	HelpURI string                `yaml:"help-uri"`
	Exclude []string              `yaml:"exclude"`
	Roles   []PathRole            `yaml:"roles"`
	Rules   map[string]RuleConfig `yaml:"rules"`
	// Adapters lists extra adapter mapping tables (an enterprise's own).
	Adapters []string `yaml:"adapters"`
	// Baseline is the file of accepted findings ('kscan baseline'),
	// relative to the configuration file's directory: findings recorded
	// there do not fail the scan.
	Baseline string `yaml:"baseline"`
	// Base is the base the scanned modules run on, read as context for the
	// slimming rules (as --base): its source tree, its saved
	// `mvn dependency:list` output or its fat jar, relative to the
	// configuration file's directory.
	Base string `yaml:"base"`

	// File is where the configuration was read from; "" for defaults.
	File string `yaml:"-"`
	// Lines remembers where each role entry was declared, for messages.
	RoleLines []int `yaml:"-"`
	// BaselineLine is the line of the baseline key, for messages.
	BaselineLine int `yaml:"-"`
	// Trusted is set for a file the user named (--config) rather than
	// one found in the scanned tree.
	Trusted bool `yaml:"-"`
	// scopeLines are the lines of the production: and non-production:
	// entries; adapterLines those of adapters:.
	scopeLines   [2][]int
	adapterLines []int
}

func (c *Config) adapterLine(i int) int {
	if i < len(c.adapterLines) {
		return c.adapterLines[i]
	}
	return 0
}

// BaselinePath is the baseline file as a path usable from the current
// directory: relative paths are taken from the configuration file's
// directory, so the setting means the same wherever kscan is run from.
// It is "" when no baseline is configured.
func (c *Config) BaselinePath() string {
	if c.Baseline == "" {
		return ""
	}
	return c.Path(c.Baseline)
}

// PathRole sets the role of the code under a path glob.
type PathRole struct {
	Path string `yaml:"path"`
	Role string `yaml:"role"`
}

// RuleConfig turns a rule off or changes its severity.
type RuleConfig struct {
	Enabled  *bool  `yaml:"enabled"`
	Severity string `yaml:"severity"`
}

// Roles accepted in configuration and on the command line.
var Roles = []string{"auto", "base", "module", "library", "private"}

// Load reads a configuration file: a regular file of at most
// safefs.MaxConfig bytes.
func Load(path string) (*Config, error) {
	data, err := safefs.ReadFile(path, safefs.MaxConfig)
	if err != nil {
		return nil, err
	}
	return parse(path, data, true)
}

// Find loads root/.kscan.yaml if it exists; otherwise it returns an empty
// configuration. A .kscan.yaml that is a link out of the root is refused:
// a repository's configuration must be its own.
func Find(root string) (*Config, error) {
	p := filepath.Join(root, FileName)
	if _, err := os.Lstat(p); errors.Is(err, os.ErrNotExist) {
		return &Config{}, nil
	}
	data, err := safefs.ReadFileIn(root, p, safefs.MaxConfig)
	if err != nil {
		return nil, err
	}
	return Parse(p, data)
}

// Path resolves a path named in the configuration (baseline:, adapters:)
// under the configuration file's directory, so the setting means the same
// wherever kscan is run from, and a repository's configuration cannot make
// kscan read files outside it. Read the result with ReadFile.
func (c *Config) Path(p string) string {
	if c.File == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(filepath.Dir(c.File), p)
}

// ReadFile reads a file named in the configuration (see Path), refusing
// one whose real location, links resolved, is outside the configuration
// file's directory.
func (c *Config) ReadFile(p string, max int64) ([]byte, error) {
	if c.File == "" || c.Trusted {
		return safefs.ReadFile(p, max)
	}
	return safefs.ReadFileIn(filepath.Dir(c.File), p, max)
}

// Parse decodes and validates the configuration text of a repository: the
// paths it names must stay inside its directory.
func Parse(name string, data []byte) (*Config, error) { return parse(name, data, false) }

// parse decodes and validates configuration text. A configuration the user
// named with --config is trusted: its paths may be absolute or lead out of
// its directory.
func parse(name string, data []byte, trusted bool) (*Config, error) {
	c := &Config{File: name, Trusted: trusted}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if root.Kind == 0 {
		return c, nil // an empty file is an empty configuration
	}
	// The node keeps line numbers for messages; the strict decoder rejects
	// unknown keys, naming their line.
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return nil, decodeError(name, &root, err)
	}
	c.File = name
	c.RoleLines = roleLines(&root)
	for i := range c.Adapters {
		c.adapterLines = append(c.adapterLines, itemLine(&root, "adapters", i))
	}
	for i, key := range []string{"production", "non-production"} {
		for j := range [][]string{c.Production, c.NonProduction}[i] {
			c.scopeLines[i] = append(c.scopeLines[i], itemLine(&root, key, j))
		}
	}
	if c.Baseline != "" {
		c.BaselineLine = keyLine(&root, "baseline")
	}
	return c, c.validate(&root)
}

func (c *Config) validate(root *yaml.Node) error {
	var errs []string
	bad := func(key, msg string) {
		errs = append(errs, fmt.Sprintf("%s:%d: %s: %s", c.File, keyLine(root, key), key, msg))
	}
	if c.Role != "" && !oneOf(c.Role, Roles) {
		bad("role", fmt.Sprintf("%q is not one of %s", c.Role, strings.Join(Roles, ", ")))
	}
	if c.Mode != "" && c.Mode != "static" && c.Mode != "dynamic" {
		bad("mode", fmt.Sprintf("%q is not static or dynamic", c.Mode))
	}
	if c.FailOn != "" {
		if _, err := rules.ParseLevel(c.FailOn); err != nil {
			bad("fail-on", err.Error())
		}
	}
	if c.MinLevel != "" {
		if _, err := rules.ParseLevel(c.MinLevel); err != nil {
			bad("min-level", err.Error())
		}
	}
	for i, r := range c.Roles {
		line := 0
		if i < len(c.RoleLines) {
			line = c.RoleLines[i]
		}
		if r.Path == "" {
			errs = append(errs, fmt.Sprintf("%s:%d: roles: an entry has no path", c.File, line))
		}
		if !oneOf(r.Role, Roles[1:]) {
			errs = append(errs, fmt.Sprintf("%s:%d: roles: %q is not one of base, module, library, private", c.File, line, r.Role))
		}
	}
	// Paths in a repository's configuration stay inside its directory:
	// absolute paths belong on the command line (--baseline, --adapters).
	inside := func(key string, line int, p string) {
		if c.Trusted {
			return
		}
		msg := ""
		if filepath.IsAbs(p) || strings.HasPrefix(filepath.ToSlash(p), "/") {
			msg = fmt.Sprintf("%q is absolute: name a path relative to %s (an absolute path can be given on the command line)", p, filepath.Base(c.File))
		} else if rel := filepath.ToSlash(filepath.Clean(p)); rel == ".." || strings.HasPrefix(rel, "../") {
			msg = fmt.Sprintf("%q leaves the directory of %s", p, filepath.Base(c.File))
		}
		if msg != "" {
			errs = append(errs, fmt.Sprintf("%s:%d: %s: %s", c.File, line, key, msg))
		}
	}
	if c.Baseline != "" {
		inside("baseline", keyLine(root, "baseline"), c.Baseline)
	}
	if c.Base != "" {
		inside("base", keyLine(root, "base"), c.Base)
	}
	for i, a := range c.Adapters {
		inside("adapters", itemLine(root, "adapters", i), a)
	}
	for i, inc := range c.Include {
		if inc != "non-production" {
			errs = append(errs, fmt.Sprintf("%s:%d: include: %q is not non-production", c.File, itemLine(root, "include", i), inc))
		}
	}
	for id, rc := range c.Rules {
		if rc.Severity != "" {
			if _, err := rules.ParseSeverity(rc.Severity); err != nil {
				errs = append(errs, fmt.Sprintf("%s:%d: rules: %s: %v", c.File, ruleLine(root, id), id, err))
			}
		}
		if _, ok := rules.Lookup(id); !ok {
			errs = append(errs, fmt.Sprintf("%s:%d: rules: unknown rule %q (see 'kscan rules')", c.File, ruleLine(root, id), id))
		}
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "\n"))
	}
	return nil
}

var (
	lineMsg   = regexp.MustCompile(`^line (\d+): (.*)$`)
	unknown   = regexp.MustCompile(`^field (\S+) not found in type \S+$`)
	wrongType = regexp.MustCompile("^cannot unmarshal !!(\\w+)(?: `(.*)`)? into (.+)$")
)

// decodeError rewrites the decoder's messages ("line 3: cannot unmarshal
// !!seq into string") as file:line: key: problem, the key being the
// top-level key whose value holds that line.
func decodeError(name string, root *yaml.Node, err error) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return fmt.Errorf("%s: %v", name, err)
	}
	var out []string
	for _, e := range te.Errors {
		m := lineMsg.FindStringSubmatch(e)
		if m == nil {
			out = append(out, fmt.Sprintf("%s: %s", name, e))
			continue
		}
		line, _ := strconv.Atoi(m[1])
		msg := m[2]
		if u := unknown.FindStringSubmatch(msg); u != nil {
			msg = fmt.Sprintf("unknown key %q", u[1])
		} else if w := wrongType.FindStringSubmatch(msg); w != nil {
			msg = fmt.Sprintf("want %s, not %s", typeWords(w[3]), valueWords(w[1], w[2]))
		}
		if key := keyAt(root, line); key != "" {
			out = append(out, fmt.Sprintf("%s:%d: %s: %s", name, line, key, msg))
		} else {
			out = append(out, fmt.Sprintf("%s:%d: %s", name, line, msg))
		}
	}
	return errors.New(strings.Join(out, "\n"))
}

func typeWords(goType string) string {
	switch {
	case goType == "string":
		return "a string"
	case goType == "bool" || goType == "*bool":
		return "true or false"
	case strings.HasPrefix(goType, "[]"):
		return "a list"
	case strings.HasPrefix(goType, "map[") || strings.HasPrefix(goType, "config."):
		return "a mapping"
	}
	return goType
}

func valueWords(tag, value string) string {
	switch tag {
	case "seq":
		return "a list"
	case "map":
		return "a mapping"
	}
	if tag == "str" {
		return fmt.Sprintf("%q", value)
	}
	if value != "" {
		return value
	}
	return tag
}

// keyAt is the top-level key whose entry spans line: the last key that
// starts at or before it.
func keyAt(root *yaml.Node, line int) string {
	doc := root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	key := ""
	for i := 0; i+1 < len(doc.Content); i += 2 {
		if doc.Content[i].Line > line {
			break
		}
		key = doc.Content[i].Value
	}
	return key
}

func oneOf(s string, xs []string) bool {
	for _, x := range xs {
		if s == x {
			return true
		}
	}
	return false
}

// itemLine finds the line of the i-th item of a top-level list.
func itemLine(root *yaml.Node, key string, i int) int {
	doc := root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	for k := 0; k+1 < len(doc.Content); k += 2 {
		if doc.Content[k].Value == key {
			if items := doc.Content[k+1].Content; i < len(items) {
				return items[i].Line
			}
			return doc.Content[k].Line
		}
	}
	return doc.Line
}

// ruleLine finds the line of a rule's entry under rules:.
func ruleLine(root *yaml.Node, id string) int {
	doc := root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		if doc.Content[i].Value != "rules" {
			continue
		}
		m := doc.Content[i+1]
		for j := 0; j+1 < len(m.Content); j += 2 {
			if m.Content[j].Value == id {
				return m.Content[j].Line
			}
		}
		return doc.Content[i].Line
	}
	return doc.Line
}

// keyLine finds the line of a top-level key.
func keyLine(root *yaml.Node, key string) int {
	doc := root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		if doc.Content[i].Value == key {
			return doc.Content[i].Line
		}
	}
	return doc.Line
}

func roleLines(root *yaml.Node) []int {
	doc := root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		if doc.Content[i].Value == "roles" {
			var out []int
			for _, e := range doc.Content[i+1].Content {
				out = append(out, e.Line)
			}
			return out
		}
	}
	return nil
}

// ScopeOverride is a path glob whose scope the configuration decides.
type ScopeOverride struct {
	Glob       string
	Production bool
	Source     string // "file:line"
}

// ScopeOverrides lists the production: and non-production: globs with the
// line that set each.
func (c *Config) ScopeOverrides() []ScopeOverride {
	var out []ScopeOverride
	add := func(globs []string, lines []int, prod bool) {
		for i, g := range globs {
			line := 0
			if i < len(lines) {
				line = lines[i]
			}
			out = append(out, ScopeOverride{Glob: g, Production: prod, Source: fmt.Sprintf("%s:%d", c.File, line)})
		}
	}
	add(c.Production, c.scopeLines[0], true)
	add(c.NonProduction, c.scopeLines[1], false)
	return out
}

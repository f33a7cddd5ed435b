package rules

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

var registry = map[string]*Rule{}

// docs holds each rule's help, doc/<rule-id>.md: Markdown is easier to
// write, review and diff as a file than as a Go string.
//
//go:embed doc/*.md
var docs embed.FS

// register adds a rule at package initialisation and attaches its help from
// doc/<rule-id>.md. A duplicate id or a missing help file stops the program
// at start, before any scan.
func register(r *Rule) *Rule {
	if _, dup := registry[r.ID]; dup {
		panic("rules: duplicate rule id " + r.ID)
	}
	help, err := helpFor(docs, r)
	if err != nil {
		panic("rules: " + err.Error())
	}
	r.Help = help
	registry[r.ID] = r
	return r
}

// helpFor reads the help of r from fsys.
func helpFor(fsys fs.FS, r *Rule) (string, error) {
	name := docPath(r.ID)
	if r.Help != "" {
		return "", fmt.Errorf("rule %s sets Help in Go; write it in rules/%s", r.ID, name)
	}
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return "", fmt.Errorf("rule %s has no help: %w", r.ID, err)
	}
	help := strings.TrimRight(string(b), "\n")
	if strings.TrimSpace(help) == "" {
		return "", fmt.Errorf("rule %s: rules/%s is empty", r.ID, name)
	}
	return help, nil
}

// docPath is where a rule's help lives, relative to the package.
func docPath(id string) string { return "doc/" + id + ".md" }

// All returns every rule, sorted by id.
func All() []*Rule {
	out := make([]*Rule, 0, len(registry))
	for _, r := range registry {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Lookup finds a rule by id.
func Lookup(id string) (*Rule, bool) {
	r, ok := registry[id]
	return r, ok
}

// Select returns the rules named by only (all when empty) minus those named
// by disable. Unknown ids are an error, so a typo cannot silently turn a
// gate off.
func Select(only, disable []string) ([]*Rule, error) {
	for _, id := range append(append([]string{}, only...), disable...) {
		if _, ok := registry[id]; !ok {
			return nil, fmt.Errorf("unknown rule %q (see 'kscan rules')", id)
		}
	}
	off := map[string]bool{}
	for _, id := range disable {
		off[id] = true
	}
	var out []*Rule
	if len(only) == 0 {
		for _, r := range All() {
			if !off[r.ID] {
				out = append(out, r)
			}
		}
		return out, nil
	}
	seen := map[string]bool{}
	for _, id := range only {
		if !off[id] && !seen[id] {
			seen[id] = true
			out = append(out, registry[id])
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

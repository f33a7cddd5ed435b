package rules

import (
	"fmt"
	"sort"
)

var registry = map[string]*Rule{}

// register adds a rule at package initialisation; ids must be unique.
func register(r *Rule) *Rule {
	if _, dup := registry[r.ID]; dup {
		panic("rules: duplicate rule id " + r.ID)
	}
	registry[r.ID] = r
	return r
}

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

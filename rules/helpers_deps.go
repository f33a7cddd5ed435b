package rules

import (
	"fmt"

	"github.com/kscan/kscan/adapters"
	"github.com/kscan/kscan/rules/facts"
)

// Helpers shared by the dependency rules (adapter-required,
// duplicate-framework-classes, logback-context-selector-missing,
// logging-binding-conflict).

// runtimeDeps are the dependencies that end up on the project's class path
// at run time: packaged scopes, and for a module only what it does not
// leave to the base.
func runtimeDeps(proj *facts.BuildProject) []*facts.Dependency {
	var out []*facts.Dependency
	for i := range proj.Dependencies {
		d := &proj.Dependencies[i]
		if !d.Packaged() || d.Shared || d.Optional {
			continue
		}
		out = append(out, d)
	}
	return out
}

// versionAtLeast compares with Maven's resolver ordering; an unknown
// version is never "at least" anything.
func versionAtLeast(v, min string) bool {
	if v == "" {
		return false
	}
	return adapters.Compare(adapters.ParseVersion(v), adapters.ParseVersion(min)) >= 0
}

// bases are the projects of the tree that build a Koupleless base.
func bases(ps []*facts.BuildProject) []*facts.BuildProject {
	var out []*facts.BuildProject
	for _, p := range ps {
		if p.Role == facts.RoleBase {
			out = append(out, p)
		}
	}
	return out
}

// depWhere says where a dependency is declared, for messages: the build
// file and line, and what implied it when it is not declared there.
func depWhere(d *facts.Dependency) string {
	s := d.Path
	if d.Line > 0 {
		s = fmt.Sprintf("%s:%d", d.Path, d.Line)
	}
	if d.Source == "implied" || d.Line == 0 && d.Evidence != "" {
		// Implied by a starter, or found inside a jar: say where exactly.
		s += ", " + d.Evidence
	}
	return s
}

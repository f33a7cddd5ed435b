package rules

import (
	"github.com/kscan/kscan/adapters"
	"github.com/kscan/kscan/rules/facts"
)

// slf4jBindings are the SLF4J backends, by key, with
// the backend family they route to.
var slf4jBindings = map[string]string{
	"ch.qos.logback:logback-classic":             "logback",
	"org.apache.logging.log4j:log4j-slf4j-impl":  "log4j2",
	"org.apache.logging.log4j:log4j-slf4j2-impl": "log4j2",
	"org.slf4j:slf4j-log4j12":                    "log4j 1",
	"org.slf4j:slf4j-reload4j":                   "reload4j",
	"org.slf4j:slf4j-simple":                     "slf4j-simple",
	"org.slf4j:slf4j-jdk14":                      "java.util.logging",
	"org.slf4j:slf4j-nop":                        "nop",
	"org.slf4j:slf4j-jcl":                        "commons-logging",
}

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

// bindingsOf lists the project's SLF4J bindings, first declaration first.
func bindingsOf(proj *facts.BuildProject) []*facts.Dependency {
	var out []*facts.Dependency
	seen := map[string]bool{}
	for _, d := range runtimeDeps(proj) {
		if fam, ok := slf4jBindings[d.Key()]; ok && fam != "" && !seen[d.Key()] {
			seen[d.Key()] = true
			out = append(out, d)
		}
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

func versionBelow(v, max string) bool {
	if v == "" {
		return false
	}
	return adapters.Compare(adapters.ParseVersion(v), adapters.ParseVersion(max)) < 0
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

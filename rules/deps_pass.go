package rules

import (
	"github.com/kscan/kscan/adapters"
	"github.com/kscan/kscan/rules/facts"
)

// DepsPass carries the build projects of the scanned tree (poms, Gradle
// builds, resolved lists) to a dependency rule. Diagnostics are byte spans
// in the file named by Diagnostic.Path (a pom or a Gradle file).
type DepsPass struct {
	Rule     *Rule
	Projects []*facts.BuildProject
	// Base is the base the modules run on when it was given apart from
	// the tree (kscan scan --base): read as context, never reported on. It
	// replaces any base of the tree for every rule that reads the base
	// (Bases): the slimming rules, duplicate-framework-classes and
	// logging-binding-conflict.
	Base *facts.BuildProject
	// Adapters is the adapter mapping table in force: the default table
	// plus any extra tables of the run.
	Adapters *adapters.Table
	// Mentions are the occurrences of the tokens the rule declared in
	// Rule.Mentions, in path order.
	Mentions []facts.Mention
	report   func(Diagnostic)
}

// NewDepsPass makes a dependency pass; report receives every diagnostic.
// Projects that build nothing that runs (BOMs, distribution assemblies) are
// left out: their dependencies are nobody's class path.
func NewDepsPass(r *Rule, projects []*facts.BuildProject, table *adapters.Table, report func(Diagnostic)) *DepsPass {
	if table == nil {
		table = adapters.Default()
	}
	run := make([]*facts.BuildProject, 0, len(projects))
	for _, p := range projects {
		if p.BuildOnly == "" {
			run = append(run, p)
		}
	}
	return &DepsPass{Rule: r, Projects: run, Adapters: table, report: report}
}

// Report records a diagnostic rated for the role of proj. d.Path defaults
// to the project's build file.
func (p *DepsPass) Report(proj *facts.BuildProject, d Diagnostic) {
	if !p.Rule.rate(proj.Role, &d) {
		return
	}
	if d.Path == "" {
		d.Path = proj.Path
	}
	p.report(d)
}

// Bases are the bases the modules of the pass run on: the one given with
// --base, else the projects of the tree with the base role. The given base
// is context only: it is not among Projects, so nothing is reported on it.
func (p *DepsPass) Bases() []*facts.BuildProject {
	if p.Base != nil {
		return []*facts.BuildProject{p.Base}
	}
	return bases(p.Projects)
}

// AdapterCoordinate is a dependency as the adapter matcher sees it.
func AdapterCoordinate(d *facts.Dependency) adapters.Coordinate {
	return adapters.Coordinate{GroupID: d.GroupID, ArtifactID: d.ArtifactID, Version: d.Version, Type: d.Type, Classifier: d.Classifier}
}

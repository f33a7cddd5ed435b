package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var duplicateFrameworkClassesRule = register(&Rule{
	ID:     "duplicate-framework-classes",
	Hazard: "H12",
	Title:  "Module packages a framework its base provides",
	Summary: "A class loaded both by the base and by a module is two classes: instanceof and assignments across " +
		"the boundary fail with LinkageError or ClassCastException (\"... is not assignable to ...\"). Frameworks, " +
		"logging and supported middleware belong in the base and are provided in modules.",
	Tags:      []string{"koupleless", "dependencies", "classloader"},
	Precision: "high",
	Default:   SeverityHigh,
	Severity:  map[facts.Role]Severity{facts.RoleModule: SeverityHigh, facts.RolePrivate: SeverityHigh},
	CheckDeps: checkDuplicateFrameworkClasses,
	// The built side: the same framework classes in a module's archive and
	// in a shared one.
	CheckClassPath: checkDuplicateClasses,
})

func checkDuplicateFrameworkClasses(p *DepsPass) {
	inBase := map[string]*facts.Dependency{}
	bs := p.Bases()
	for _, b := range bs {
		for _, d := range runtimeDeps(b) {
			if _, ok := inBase[d.Key()]; !ok {
				inBase[d.Key()] = d
			}
		}
	}
	for _, proj := range p.Projects {
		if proj.Role != facts.RoleModule || proj.SlimUnread != "" {
			continue // with a slimming setting unread, what is packaged is not known
		}
		seen := map[string]bool{}
		for _, d := range runtimeDeps(proj) {
			if seen[d.Key()] || privateCopies[d.Key()] || d.ArtifactID == "koupleless-app-starter" {
				continue
			}
			seen[d.Key()] = true
			diag := Diagnostic{Path: d.Path, Span: d.Span, Context: facts.Context{Line: d.Line}}
			b := inBase[d.Key()]
			if b != nil && inJar(d) && inJar(b) && isFramework(d) {
				// Both sides are jars in the scan: the class-level check
				// reports this pair with the classes it found twice.
				continue
			}
			switch {
			case b != nil:
				if !isFramework(d) {
					diag.Severity = SeverityMedium
				}
				diag.Message = fmt.Sprintf("the module packages %s, which the base also has (%s): its classes exist twice, in the base's and the module's ClassLoader (LinkageError, \"not assignable\"); declare it provided or exclude it", d.GAV(), depWhere(b))
			case len(bs) == 0 && isFramework(d):
				diag.Severity = SeverityMedium
				diag.Message = fmt.Sprintf("the module packages %s, a framework the base provides to its modules: its classes would exist twice (LinkageError, \"not assignable\"); declare it provided or exclude it", d.GAV())
			default:
				continue
			}
			line := fmt.Sprintf("%s:%d", d.Path, d.Line)
			if d.Line == 0 && d.Source != "implied" {
				// A jar's packaged libraries have no line: one finding each.
				line = d.Path + "!" + d.Key()
			}
			if seen[line] {
				continue // what a starter brings is reported once, on the starter
			}
			seen[line] = true
			if d.Source == "implied" {
				diag.Message += " (" + d.Evidence + ")"
			}
			p.Report(proj, diag)
		}
	}
}

// checkDuplicateClasses reports framework classes that a module's archive
// bundles while a shared one ships them too: loaded twice, instanceof and
// casts fail across the module boundary. One finding per pair of archives.
func checkDuplicateClasses(p *ProjectPass) {
	type pair struct{ mod, shared facts.ArchiveRef }
	byPair := map[string][]string{}
	pairs := map[string]pair{}
	for name, jars := range p.ClassPath.Classes {
		if len(jars) < 2 || !isFrameworkClass(name) {
			continue
		}
		for _, m := range jars {
			if m.Role != facts.RoleModule && m.Role != facts.RolePrivate {
				continue
			}
			for _, s := range jars {
				if s.Role == facts.RoleShared || s.Role == facts.RoleBase {
					k := m.Archive + "\x00" + s.Archive
					byPair[k] = append(byPair[k], name)
					pairs[k] = pair{m, s}
				}
			}
		}
	}
	keys := make([]string, 0, len(byPair))
	for k := range byPair {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		names := byPair[k]
		sort.Strings(names)
		pr := pairs[k]
		p.ReportArchive(pr.mod, k, Diagnostic{Severity: SeverityHigh, Message: fmt.Sprintf(
			"%d framework classes (%s, ...) are bundled in %s and also shipped by %s: loaded twice, instanceof and casts fail across the module boundary [in %s]",
			len(names), names[0], pr.mod.Archive, pr.shared.Archive, pr.mod.Archive)})
	}
}

// inJar is a dependency found inside a jar of the scan (its pom.properties,
// manifest or file name), not declared in a build file.
func inJar(d *facts.Dependency) bool {
	return strings.HasPrefix(d.Source, "jar-")
}

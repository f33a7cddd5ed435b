package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kscan/kscan/adapters"
	"github.com/kscan/kscan/rules/facts"
)

var adapterRequiredRule = register(&Rule{
	ID:     "adapter-required",
	Hazard: "H33",
	Title:  "Base depends on a library that needs a Koupleless adapter",
	Summary: "For the library versions in the Koupleless adapter mapping table, Koupleless ships patched classes " +
		"that the base must carry ahead of the originals. A base that resolves such a version without the adapter " +
		"(and without the koupleless-base-build-plugin add-patch goal) runs the unpatched, multi-app-unsafe classes.",
	Tags:      []string{"koupleless", "dependencies", "adapter"},
	Precision: "high",
	Default:   SeverityMedium,
	Severity:  map[facts.Role]Severity{facts.RoleBase: SeverityMedium},
	CheckDeps: checkAdapterRequired,
})

// adapterHit is one dependency line and the table rows it matched.
type adapterHit struct {
	dep     *facts.Dependency
	matches []adapters.Match
}

func checkAdapterRequired(p *DepsPass) {
	// A line of a parent pom that several bases inherit is one finding.
	reported := map[string]bool{}
	for _, proj := range p.Projects {
		// Only a known base: adapters in an ordinary app's pom would be
		// wrong, and the plugin decides only for bases.
		if proj.AddPatch != "" || proj.Role != facts.RoleBase {
			continue
		}
		declared := map[string]bool{}
		for _, d := range proj.Dependencies {
			declared[d.Key()] = true
		}
		var hits []*adapterHit
		byLine := map[string]*adapterHit{}
		for i := range proj.Dependencies {
			d := &proj.Dependencies[i]
			if d.Version == "" || d.Scope == "test" || strings.Contains(d.Version, "${") {
				continue
			}
			var ms []adapters.Match
			for _, m := range p.Adapters.Match(AdapterCoordinate(d)) {
				if !declared[m.Adapter.GroupID+":"+m.Adapter.ArtifactID] {
					ms = append(ms, m)
				}
			}
			if len(ms) == 0 {
				continue
			}
			key := fmt.Sprintf("%s:%d", d.Path, d.Line)
			if h := byLine[key]; h != nil && d.Line > 0 {
				h.matches = append(h.matches, ms...)
				continue
			}
			h := &adapterHit{dep: d, matches: ms}
			byLine[key] = h
			hits = append(hits, h)
		}
		var fix []Fix
		if proj.Insert != nil && proj.Kind == "maven" {
			var all []adapters.Match
			for _, h := range hits {
				all = append(all, h.matches...)
			}
			if need := adapters.Adapters(all); len(need) > 0 {
				fix = []Fix{adapterFix(proj, need)}
			}
		}
		for _, h := range hits {
			if k := fmt.Sprintf("%s:%d", h.dep.Path, h.dep.Line); h.dep.Line > 0 {
				if reported[k] {
					continue
				}
				reported[k] = true
			}
			d := Diagnostic{Path: h.dep.Path, Span: h.dep.Span, Context: facts.Context{Line: h.dep.Line},
				Message: adapterMessage(h), Properties: map[string]string{"adapters": adapterList(h)}}
			if fix != nil && h.dep.Path == proj.Path {
				// One fix per pom inserts every adapter it needs, once; its
				// edits must be in the finding's own file.
				d.Fixes, fix = fix, nil
			}
			p.Report(proj, d)
		}
	}
}

func adapterMessage(h *adapterHit) string {
	var parts []string
	seen := map[string]bool{}
	for _, m := range h.matches {
		a := m.Adapter.GroupID + ":" + m.Adapter.ArtifactID
		if m.Adapter.Version != "" {
			a += ":" + m.Adapter.Version
		}
		rng := m.Row.VersionRange
		if m.By == adapters.ByRegexp {
			rng = "regexp " + m.Row.Regexp
		}
		s := fmt.Sprintf("adapter %s (range %s, %s)", a, rng, m.Row.Where())
		if !seen[s] {
			seen[s] = true
			parts = append(parts, s)
		}
	}
	sort.Strings(parts)
	what := h.dep.GAV()
	if h.dep.Source == "implied" {
		what += " (" + h.dep.Evidence + ")"
	}
	return fmt.Sprintf("%s matches %s: the base needs the adapter's patched classes; add it as the first dependency or enable koupleless-base-build-plugin add-patch",
		what, strings.Join(parts, "; "))
}

// adapterList names the adapters of one hit as group:artifact:version,
// comma-separated and sorted, for reports that count them.
func adapterList(h *adapterHit) string {
	var out []string
	for _, a := range adapters.Adapters(h.matches) {
		out = append(out, a.GroupID+":"+a.ArtifactID+":"+a.Version)
	}
	return strings.Join(out, ",")
}

// adapterFix inserts the adapters as the first dependencies of the pom, so
// their classes come ahead of the originals on the class path.
func adapterFix(proj *facts.BuildProject, need []adapters.Adapter) Fix {
	in := proj.Insert
	ind, u := in.Indent, in.Unit
	var b strings.Builder
	dep := func(pre string) {
		for _, a := range need {
			b.WriteString("\n" + pre + "<dependency>\n")
			b.WriteString(pre + u + "<groupId>" + a.GroupID + "</groupId>\n")
			b.WriteString(pre + u + "<artifactId>" + a.ArtifactID + "</artifactId>\n")
			if a.Version != "" {
				b.WriteString(pre + u + "<version>" + a.Version + "</version>\n")
			}
			b.WriteString(pre + "</dependency>")
		}
	}
	if in.Block {
		b.WriteString(ind + "<dependencies>")
		dep(ind + u)
		b.WriteString("\n" + ind + "</dependencies>\n")
	} else {
		dep(ind + u)
	}
	var names []string
	for _, a := range need {
		names = append(names, a.ArtifactID)
	}
	return Fix{
		Description: "Add the Koupleless adapter dependencies " + strings.Join(names, ", ") + " to " + proj.Path,
		Edits:       []Edit{{Span: facts.Span{Start: in.Offset, End: in.Offset}, New: b.String()}},
	}
}

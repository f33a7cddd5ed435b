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
	Help: `**Why it breaks.** Koupleless fixes popular libraries (Spring Boot, logback, log4j2, Dubbo, RocketMQ,
MyBatis, Apollo, ...) for many apps in one JVM with adapter jars whose classes replace the library's own. The
` + "`koupleless-base-build-plugin`" + ` goal ` + "`add-patch`" + ` copies them into the base when its resolved artifacts match a row of
the adapter mapping table; without the plugin (or the adapter as the base's first dependency) the base runs the
original classes: ClassLoader lookups and static caches that serve one app only.

**Flagged.** In a base (a Koupleless signal in the pom, ` + "`--role base`" + ` or a ` + "`.kscan.yaml`" + ` role), each dependency whose groupId, artifactId and version match
a row of the mapping table (the built-in table, ` + "`--adapters FILE`" + ` and ` + "`.kscan.yaml`" + ` ` + "`adapters:`" + `), on the line that
declares it. Versions and ranges follow Maven's resolver exactly. A starter counts as bringing what its release
brings, with Maven's nearest-wins mediation and exclusions: Spring Boot starters bring ` + "`spring-boot`" + `, the logging
backend and Spring Framework at the versions that Spring Boot release manages (facts of each release built into
kscan, so a Spring Boot parent or BOM missing from ~/.m2 still counts), and the Dubbo, MyBatis and RocketMQ starters
bring their client libraries. A saved ` + "`mvn dependency:list`" + ` beside the pom gives the full resolved set. A dependency
whose version is unknown matches nothing; ` + "`kscan deps --why GROUP:ARTIFACT`" + ` says why it is unknown.

**Not flagged.** Modules, libraries and projects of unknown role; a base whose pom runs ` + "`koupleless-base-build-plugin`" + ` with ` + "`add-patch`" + `; an
adapter the base already declares; versions outside every row's range; test-scoped dependencies; BOMs and
distribution poms, which build nothing that runs.

**Fix.** Add the adapter as the base's first dependency (kscan's fix inserts each needed adapter once), or run
the plugin:

` + "```xml" + `
<!-- before -->
<dependencies>
  <dependency>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-web</artifactId>
    <version>2.7.10</version>
  </dependency>
<!-- after -->
<dependencies>
  <dependency>
    <groupId>com.alipay.sofa.koupleless</groupId>
    <artifactId>koupleless-adaptor-module-resource-load-spring-boot-2.7.14</artifactId>
    <version>1.2.7</version>
  </dependency>
  <dependency>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-web</artifactId>
    <version>2.7.10</version>
  </dependency>
` + "```" + `

or, once for all adapters:

` + "```xml" + `
<plugin>
  <groupId>com.alipay.sofa.koupleless</groupId>
  <artifactId>koupleless-base-build-plugin</artifactId>
  <version>${koupleless.runtime.version}</version>
  <executions><execution><goals><goal>add-patch</goal></goals></execution></executions>
</plugin>
` + "```",
})

// adapterHit is one dependency line and the table rows it matched.
type adapterHit struct {
	dep     *facts.Dependency
	matches []adapters.Match
}

func checkAdapterRequired(p *DepsPass) {
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

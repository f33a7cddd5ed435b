package scanner

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/deps"
)

// applications finds the Spring Boot applications among the tree's poms
// that carry no Koupleless signal: a module built as an executable Spring
// Boot application (spring-boot-maven-plugin, or a Spring Boot starter
// packaged by an assembly) that no production library module of the tree
// depends on. Merging applications into a base makes each of them a
// module: its own classes are loaded by its own ClassLoader, so statics and
// loggers of its controllers and services are its alone, while its threads,
// hooks and JVM-wide settings still outlive or cross it. Its code is
// therefore judged as a module's (catalogue columns M). A Koupleless base
// or module signal, or a role from .kscan.yaml or --role, wins over this.
//
// production tells whether a pom's module is production code that builds
// a jar (a test module or a build tool depending on an application does
// not make it a library).
func applications(poms map[string]*deps.POM, production func(pomRel string) bool) map[string]RoleDecision {
	signal := map[string]string{} // candidate directory -> what makes it an application
	for dir, p := range poms {
		if why := appSignal(p); why != "" {
			if name, _ := p.Role(); name == "" {
				signal[dir] = why
			}
		}
	}
	if len(signal) == 0 {
		return nil
	}
	// Who depends on each candidate: modules that are no application
	// themselves, outside test scope, of a class path (not a pom that
	// only lists).
	users := map[string][]string{} // artifactId -> consumer pom files
	for d, p := range poms {
		if _, app := signal[d]; app || p.Packaging == "pom" {
			continue
		}
		for _, pd := range p.Dependencies {
			if pd.Scope != "test" {
				users[pd.ArtifactID] = append(users[pd.ArtifactID], p.File)
			}
		}
	}
	out := map[string]RoleDecision{}
	for d, why := range signal {
		p := poms[d]
		if slices.ContainsFunc(users[p.ArtifactID], func(f string) bool { return production == nil || production(f) }) {
			continue // a library of the tree's production code too
		}
		name := p.ArtifactID
		if name == "" {
			name = path.Base(d)
		}
		out[d] = RoleDecision{Dir: d, Role: facts.RoleModule, Name: facts.RoleModule.String(), inferred: true,
			Reason: fmt.Sprintf("%s: Spring Boot application %s (%s) that no library module of the tree depends on: "+
				"its code is judged as a module's, in a ClassLoader of its own (set a role in .kscan.yaml or with --role to change)",
				p.File, name, why)}
	}
	return out
}

// appSignal names what makes a pom an executable Spring Boot application,
// or returns "".
func appSignal(p *deps.POM) string {
	switch p.Packaging {
	case "", "jar", "war":
	default:
		return ""
	}
	assembly := false
	for _, pl := range p.Plugins {
		switch pl.ArtifactID {
		case "spring-boot-maven-plugin":
			return "spring-boot-maven-plugin"
		case "maven-assembly-plugin":
			assembly = true
		}
	}
	for _, a := range p.ProfilePlugins {
		if a == "spring-boot-maven-plugin" {
			return "spring-boot-maven-plugin in a profile"
		}
	}
	if assembly {
		for _, d := range p.Dependencies {
			if d.GroupID == "org.springframework.boot" && strings.HasPrefix(d.ArtifactID, "spring-boot-starter") && d.Scope != "test" {
				return "a Spring Boot starter packaged by maven-assembly-plugin"
			}
		}
	}
	return ""
}

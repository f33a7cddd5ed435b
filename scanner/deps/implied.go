package deps

import (
	"fmt"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// What well-known starters put on the class path, for builds without a
// resolved list. Only the artifacts the adapter table and the dependency
// rules name are followed: enough to tell which adapters a base needs and
// which logging backend a starter brings.
const (
	springGroup = "org.springframework"
	logbackG    = "ch.qos.logback"
	log4jG      = "org.apache.logging.log4j"
)

type edge struct{ g, a string }

// releasedTogether are the groups whose artifacts share one version.
var releasedTogether = map[string]bool{bootGroup: true, springGroup: true, logbackG: true, log4jG: true}

// bootChildren lists the artifacts a Spring Boot artifact of release v
// depends on (the part of its pom that matters here).
func bootChildren(a, v string) []edge {
	boot := func(x string) edge { return edge{bootGroup, x} }
	switch a {
	case "spring-boot-starter-parent", "spring-boot-dependencies", "spring-boot-parent":
		return nil
	case "spring-boot-starter":
		return []edge{boot("spring-boot"), boot("spring-boot-autoconfigure"), boot("spring-boot-starter-logging"), {springGroup, "spring-core"}}
	case "spring-boot":
		return []edge{{springGroup, "spring-core"}, {springGroup, "spring-context"}}
	case "spring-boot-autoconfigure":
		return []edge{boot("spring-boot")}
	case "spring-boot-starter-logging":
		return []edge{{logbackG, "logback-classic"}, {log4jG, "log4j-to-slf4j"}}
	case "spring-boot-starter-log4j2":
		impl := "log4j-slf4j-impl"
		if strings.HasPrefix(v, "3.") {
			impl = "log4j-slf4j2-impl"
		}
		return []edge{{log4jG, impl}, {log4jG, "log4j-core"}}
	case "spring-boot-starter-aop":
		return []edge{boot("spring-boot-starter"), {springGroup, "spring-aop"}}
	case "spring-boot-starter-tomcat", "spring-boot-starter-jetty", "spring-boot-starter-undertow", "spring-boot-starter-reactor-netty":
		return nil
	}
	if strings.HasPrefix(a, "spring-boot-starter-") {
		return []edge{boot("spring-boot-starter")}
	}
	return nil
}

func children(g, a, v string) []edge {
	var out []edge
	for _, sc := range StarterCores(g, a, v) {
		out = append(out, edge{sc.GroupID, sc.ArtifactID})
	}
	switch g + ":" + a {
	case springGroup + ":spring-context":
		return []edge{{springGroup, "spring-aop"}, {springGroup, "spring-core"}}
	case logbackG + ":logback-classic":
		return []edge{{logbackG, "logback-core"}}
	case mybatisKey, rocketmqKey:
		return append(out, edge{bootGroup, "spring-boot-starter"})
	}
	if g == bootGroup {
		return bootChildren(a, v)
	}
	return out
}

// node is an artifact on the class path, reached from a declared one.
type node struct {
	dep  facts.Dependency
	root *facts.Dependency // the declared dependency the path starts at
	boot string            // Spring Boot release of the path ("" when unknown)
	excl []string          // exclusions along the path
	via  []string          // the artifacts between root and this node
	top  bool              // a declared dependency
}

// Implied returns what the declared dependencies bring, following Maven's
// mediation: a declared artifact wins over anything brought (nearest
// wins); among brought ones, the shallower, then the first declared; an
// exclusion anywhere on the path removes the artifact from that path.
// managed gives the project's dependencyManagement version for
// groupId:artifactId (nil: none), which Maven applies to brought artifacts
// too. Each result points at the declared dependency that brings it; a
// version that cannot be known stays empty with the reason in Evidence.
func Implied(declared []facts.Dependency, managed func(g, a string) (version, why string)) []facts.Dependency {
	have := map[string]bool{}
	for _, d := range declared {
		have[d.Key()] = true
	}
	var level []node
	for i := range declared {
		d := declared[i]
		// What a starter brings: a library declared on its own is taken
		// as declared (a saved dependency:list gives its transitive set).
		if !isStarter(d.GroupID, d.ArtifactID) {
			continue
		}
		n := node{dep: d, root: &declared[i], excl: d.Exclusions, top: true}
		if d.GroupID == bootGroup {
			n.boot = d.Version
		}
		level = append(level, n)
	}
	var out []facts.Dependency
	for depth := 0; len(level) > 0 && depth < 8; depth++ {
		var next []node
		for _, n := range level {
			for _, c := range children(n.dep.GroupID, n.dep.ArtifactID, n.dep.Version) {
				k := c.g + ":" + c.a
				if have[k] || excludes(n.excl, c.g, c.a) {
					continue
				}
				have[k] = true
				d := *n.root
				d.GroupID, d.ArtifactID, d.Type, d.Classifier = c.g, c.a, "jar", ""
				d.Source, d.Confidence, d.Inherited = "implied", "medium", n.root.Inherited
				d.Exclusions = nil
				d.Evidence = fmt.Sprintf("brought by %s (%s:%d)", n.root.GAV(), n.root.Path, n.root.Line)
				var via []string
				if !n.top {
					via = append(append(via, n.via...), n.dep.ArtifactID)
					d.Evidence += " through " + strings.Join(via, ", ")
				}
				v, why := impliedVersion(c, n, managed)
				d.Version = v
				if v == "" {
					d.Evidence += "; version unknown: " + why
				} else if why != "" {
					d.Evidence += "; version " + v + ": " + why
				}
				child := node{dep: d, root: n.root, boot: n.boot, excl: n.excl, via: via}
				if c.g == bootGroup && v != "" {
					child.boot = v
				}
				out = append(out, d)
				next = append(next, child)
			}
		}
		level = next
	}
	return out
}

// impliedVersion is the version a brought artifact resolves to: the
// project's dependencyManagement, else what the parent artifact's release
// fixes (Spring Boot's own version, the versions it manages, a starter's
// core library).
func impliedVersion(c edge, parent node, managed func(g, a string) (string, string)) (string, string) {
	if managed != nil {
		if v, why := managed(c.g, c.a); v != "" {
			return v, why
		}
	}
	// Artifacts released together (logback, log4j2, Spring Framework, Spring
	// Boot) depend on each other at their own version.
	if c.g == parent.dep.GroupID && parent.dep.Version != "" && releasedTogether[c.g] {
		return parent.dep.Version, ""
	}
	for _, sc := range StarterCores(parent.dep.GroupID, parent.dep.ArtifactID, parent.dep.Version) {
		if sc.GroupID == c.g && sc.ArtifactID == c.a {
			return sc.Version, sc.Why
		}
	}
	if parent.dep.Version == "" {
		// Name the declared dependency whose version is unknown, and why.
		why := fmt.Sprintf("the version of %s is unknown", parent.root.Key())
		if _, cause, ok := strings.Cut(parent.root.Evidence, "version unknown: "); ok && parent.root.Version == "" {
			why += " (" + cause + ")"
		}
		return "", why
	}
	if parent.boot == "" {
		return "", fmt.Sprintf("the Spring Boot version %s is built with is not known here", parent.dep.Key())
	}
	if v, lib := BootManagedVersion(parent.boot, c.g, c.a); v != "" {
		if lib == "Spring Boot" {
			return v, ""
		}
		return v, fmt.Sprintf("Spring Boot %s manages %s %s (kscan's facts of that release)", parent.boot, lib, v)
	}
	if !bootKnown(parent.boot) {
		return "", fmt.Sprintf("Spring Boot %s is not in kscan's facts", parent.boot)
	}
	return "", fmt.Sprintf("Spring Boot %s does not manage %s:%s", parent.boot, c.g, c.a)
}

// isStarter reports the artifacts whose dependencies Implied follows from
// the top: Spring Boot's starters and the starters of starterCores.
func isStarter(g, a string) bool {
	if g == bootGroup {
		return strings.HasPrefix(a, "spring-boot-starter") && !isBootBOM(g, a)
	}
	for _, s := range starterCores {
		if s.starter == g+":"+a {
			return true
		}
	}
	return false
}

// excludes reports whether an exclusion pattern (groupId:artifactId, "*"
// allowed) removes g:a.
func excludes(patterns []string, g, a string) bool {
	for _, p := range patterns {
		pg, pa, _ := strings.Cut(p, ":")
		if (pg == "*" || pg == g) && (pa == "*" || pa == a) {
			return true
		}
	}
	return false
}

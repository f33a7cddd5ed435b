package rules

import (
	"sort"
	"strings"
	"testing"

	"github.com/kscan/kscan/rules/facts"
)

// The libraries a built biz packages have no line in its archive: each is
// its own finding, not merged as the lines of what one starter brings are;
// a framework packaged on both sides as jars is left to the class-level
// check, which names the classes found twice.
func TestDuplicateFrameworkClassesArchiveDeps(t *testing.T) {
	jar := func(path, g, a, v string) facts.Dependency {
		return facts.Dependency{GroupID: g, ArtifactID: a, Version: v, Type: "jar", Scope: "compile",
			Path: path, Source: "jar-pom-properties", Evidence: path + "!/lib/" + a + ".jar"}
	}
	pom := func(path string, line int, g, a, v string) facts.Dependency {
		return facts.Dependency{GroupID: g, ArtifactID: a, Version: v, Type: "jar", Scope: "compile",
			Path: path, Line: line, Source: "pom"}
	}
	for _, tc := range []struct {
		name string
		base []facts.Dependency
		want []string
	}{
		{"base fat jar", []facts.Dependency{
			jar("base.jar", "com.google.guava", "guava", "31.1-jre"),
			jar("base.jar", "org.apache.commons", "commons-lang3", "3.12.0"),
			jar("base.jar", "org.slf4j", "slf4j-api", "1.7.36"),
		}, []string{"com.google.guava:guava", "org.apache.commons:commons-lang3"}},
		{"base pom", []facts.Dependency{
			pom("base/pom.xml", 10, "com.google.guava", "guava", "31.1-jre"),
			pom("base/pom.xml", 11, "org.apache.commons", "commons-lang3", "3.12.0"),
			pom("base/pom.xml", 12, "org.slf4j", "slf4j-api", "1.7.36"),
		}, []string{"com.google.guava:guava", "org.apache.commons:commons-lang3", "org.slf4j:slf4j-api"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			base := &facts.BuildProject{Path: "base/pom.xml", Role: facts.RoleBase, Dependencies: tc.base}
			biz := &facts.BuildProject{Path: "biz.jar", Role: facts.RoleModule, Dependencies: []facts.Dependency{
				jar("biz.jar", "com.google.guava", "guava", "31.1-jre"),
				jar("biz.jar", "org.apache.commons", "commons-lang3", "3.12.0"),
				jar("biz.jar", "org.slf4j", "slf4j-api", "1.7.36"),
				jar("biz.jar", "com.acme", "own-lib", "2.0.0"),
			}}
			var got []string
			p := NewDepsPass(duplicateFrameworkClassesRule, []*facts.BuildProject{base, biz}, nil, func(d Diagnostic) {
				if d.Path != "biz.jar" {
					t.Errorf("finding on %s, want the biz jar: %s", d.Path, d.Message)
				}
				got = append(got, strings.Fields(strings.TrimPrefix(d.Message, "the module packages "))[0])
			})
			duplicateFrameworkClassesRule.CheckDeps(p)
			for i, g := range got {
				got[i] = strings.Join(strings.Split(strings.TrimSuffix(g, ","), ":")[:2], ":")
			}
			sort.Strings(got)
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

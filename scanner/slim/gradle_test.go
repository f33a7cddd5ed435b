package slim

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseGradle(t *testing.T) {
	cases := []struct {
		name  string
		src   string
		want  []string // "key value line"
		notes []string // "line: fragment"
	}{
		{
			name: "groovy block, lists and as Set",
			src: `plugins { id 'sofa-ark-gradle-plugin' }
arkConfig {
    bizName = 'order'
    excludeGroupIds = ['org.apache.commons', "com.google.guava"] as Set
    excludeArtifactIds = [
        'slf4j-api',  // the base has it
        'jackson-databind'
    ]
    excludes = ['org.yaml:snakeyaml']
}
`,
			want: []string{"excludeGroupIds org.apache.commons 4", "excludeGroupIds com.google.guava 4",
				"excludeArtifactIds slf4j-api 6", "excludeArtifactIds jackson-databind 7", "excludes org.yaml:snakeyaml 9"},
		},
		{
			name: "kotlin set/add/addAll and configure<>",
			src: `configure<SofaArkGradlePluginExtension> {
    excludeGroupIds.set(setOf("org.apache.commons"))
    excludeGroupIds.add("com.google.guava")
    excludeArtifactIds.addAll(listOf("a", "b"))
    priority.set(100)
}
`,
			want: []string{"excludeGroupIds org.apache.commons 2", "excludeGroupIds com.google.guava 3", "excludeArtifactIds a 4", "excludeArtifactIds b 4"},
		},
		{
			name: "dotted form; assignment replaces",
			src: `arkConfig.excludeGroupIds = ['x.y']
arkConfig.excludeGroupIds = ['org.apache.commons']
arkConfig.excludes.add('com.a:b')
`,
			want: []string{"excludeGroupIds org.apache.commons 2", "excludes com.a:b 3"},
		},
		{
			name: "wildcard, version, variable, interpolation, unknown settings",
			src: `def v = 'x'
arkConfig {
    excludeGroupIds = ['org.apache*', "com.${v}", v, 'com.ok']
    excludes = ['g:a:1.0', 'g:b']
    declaredMode = true
    excludeGroupId = 'typo'
    excludeArtifactIds someHelper()
}
dependencies { implementation 'org.apache.commons:commons-lang3:3.12.0' }
`,
			want: []string{"excludeGroupIds com.ok 3", "excludes g:b 4"},
			notes: []string{`3: "org.apache*": sofa-ark-gradle-plugin passes it to Gradle's exclude rules`, `3: "com.${v}" (an interpolated string) is not a string literal`,
				"3: v is not a string literal", `4: "g:a:1.0": sofa-ark-gradle-plugin applies only group:module`,
				"5: declaredMode: a sofa-ark-maven-plugin setting", "6: excludeGroupId: not a setting of sofa-ark-gradle-plugin",
				"7: excludeArtifactIds: not written as"},
		},
		{
			name: "other blocks and comments are not arkConfig",
			src: `configurations { all { exclude group: 'commons-logging' } }
/* arkConfig { excludeGroupIds = ['no'] } */
// arkConfig.excludes = ['no:no']
tasks { excludeGroupIds = ['no'] }
`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, notes := ParseGradle("build.gradle", []byte(tc.src))
			var got []string
			for _, p := range c.Patterns {
				if !p.Exact || p.File != "build.gradle" {
					t.Errorf("%+v: want an exact pattern of build.gradle", p)
				}
				got = append(got, fmt.Sprintf("%s %s %d", p.Key, p.Value, p.Line))
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("patterns\n got %q\nwant %q", got, tc.want)
			}
			var gotNotes []string
			for _, n := range notes {
				gotNotes = append(gotNotes, fmt.Sprintf("%d: %s", n.Line, n.Message))
			}
			if len(notes) != len(tc.notes) {
				t.Errorf("notes %q, want %d", gotNotes, len(tc.notes))
			}
			for _, w := range tc.notes {
				found := false
				for _, g := range gotNotes {
					line, frag, _ := strings.Cut(w, ": ")
					found = found || strings.HasPrefix(g, line+": ") && strings.Contains(g, frag)
				}
				if !found {
					t.Errorf("no note %q in %q", w, gotNotes)
				}
			}
		})
	}
}

// TestGradleExactMatch: the Gradle plugin's values are whole names.
func TestGradleExactMatch(t *testing.T) {
	c, _ := ParseGradle("build.gradle", []byte("arkConfig { excludeGroupIds = ['org.apache'] ; excludes = ['com.a:b'] }\n"))
	for _, tc := range []struct {
		g, a string
		want bool
	}{{"org.apache", "x", true}, {"org.apache.commons", "x", false}, {"com.a", "b", true}, {"com.a", "bc", false}} {
		if got := c.Match(tc.g, tc.a, "") != nil; got != tc.want {
			t.Errorf("%s:%s excluded = %v, want %v", tc.g, tc.a, got, tc.want)
		}
	}
}

package slim

import (
	"strings"
	"testing"
)

func TestFixProperties(t *testing.T) {
	cases := []struct {
		name   string
		old    string
		leave  []string
		narrow []narrowing
		want   string
	}{
		{
			name:  "new file",
			leave: []string{"a:b"},
			want:  "# left to the base, which provides the same versions (kscan slim)\nexcludes=a:b\n",
		},
		{
			name:  "appends to excludes, keeps comments and other keys",
			old:   "# mine\nexcludes=x:y\nsofa.ark.x=1\n",
			leave: []string{"a:b", "x:y"},
			want:  "# mine\nexcludes=x:y,a:b\nsofa.ark.x=1\n",
		},
		{
			name: "narrows a wildcard that was the only value",
			old:  "excludeGroupIds=org.apache*\n# end\n",
			narrow: []narrowing{{pattern: Pattern{Key: KeyExcludeGroupIDs, Value: "org.apache*", Line: 1},
				keep: []string{"org.apache.commons:commons-lang3"}, drop: []string{"org.apache.httpcomponents:httpclient"}}},
			want: "# excludeGroupIds=org.apache* narrowed: the base lacks org.apache.httpcomponents:httpclient\n# end\n" +
				"# left to the base, which provides the same versions (kscan slim)\nexcludes=org.apache.commons:commons-lang3\n",
		},
		{
			name: "narrows inside a continued line",
			old:  "excludeGroupIds=com.a*,\\\n  org.apache*\nexcludes=z:z\n",
			narrow: []narrowing{{pattern: Pattern{Key: KeyExcludeGroupIDs, Value: "org.apache*", Line: 1},
				drop: []string{"org.apache.x:y"}}},
			want: "excludeGroupIds=com.a*\nexcludes=z:z\n",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var old []byte
			if tc.old != "" {
				old = []byte(tc.old)
			}
			got, _ := fixProperties(old, tc.leave, tc.narrow)
			if string(got) != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
			// What was written reads back as the plan says.
			c, notes := ParseProperties("p", got)
			if len(notes) != 0 {
				t.Errorf("the edit does not read back cleanly: %v", notes)
			}
			for _, k := range tc.leave {
				g, a, _ := strings.Cut(k, ":")
				if c.Match(g, a, "") == nil {
					t.Errorf("%s not excluded after the edit", k)
				}
			}
			for _, n := range tc.narrow {
				for _, k := range n.drop {
					g, a, _ := strings.Cut(k, ":")
					if p := c.Match(g, a, ""); p != nil {
						t.Errorf("%s still excluded by %s", k, p.Where())
					}
				}
			}
		})
	}
}

func TestRemoveListValue(t *testing.T) {
	cases := []struct{ line, v, want string }{
		{"    <excludeGroupIds>org.apache*,com.x*</excludeGroupIds>", "org.apache*", "    <excludeGroupIds>com.x*</excludeGroupIds>"},
		{"  <excludeGroupId>org.apache*</excludeGroupId>", "org.apache*", "  <excludeGroupId></excludeGroupId>"},
		{"  <excludeGroupId>org.other</excludeGroupId>", "org.apache*", ""},
	}
	for _, tc := range cases {
		got, ok := removeListValue(tc.line, tc.v)
		if (tc.want == "") == ok || ok && got != tc.want {
			t.Errorf("removeListValue(%q) = %q %v, want %q", tc.line, got, ok, tc.want)
		}
	}
}

// TestDropEmptied: a pattern list the fix emptied goes; one with a pattern
// left, or one that was already empty, stays.
func TestDropEmptied(t *testing.T) {
	const x = "\x00"
	cases := []struct {
		name     string
		in, want []string
	}{
		{"last child removed", []string{"<configuration>", "  <excludeGroupIds>", x, "  </excludeGroupIds>", "</configuration>"},
			[]string{"<configuration>", x, x, x, "</configuration>"}},
		{"excludes with a blank line", []string{"<excludes>", x, "", "</excludes>"}, []string{x, x, x, x}},
		{"one pattern left", []string{"<excludeArtifactIds>", x, "  <excludeArtifactId>a</excludeArtifactId>", "</excludeArtifactIds>"},
			[]string{"<excludeArtifactIds>", x, "  <excludeArtifactId>a</excludeArtifactId>", "</excludeArtifactIds>"}},
		{"empty before the fix", []string{"<excludes>", "</excludes>"}, []string{"<excludes>", "</excludes>"}},
		{"not closed", []string{"<excludes>", x}, []string{"<excludes>", x}},
	}
	for _, tc := range cases {
		got := append([]string(nil), tc.in...)
		dropEmptied(got)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

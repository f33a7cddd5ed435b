package slim

import (
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"github.com/kscan/kscan/scanner/deps"
)

func TestParseProperties(t *testing.T) {
	src := `# slimming
excludes=org.apache.commons:commons-lang3, com.acme:*:tests
excludeGroupIds=org.springframework*,\
  com.fasterxml*
excludeArtifactIds: sofa-ark-spi
declaredMode=true
sofa.ark.plugin.export.class.enable=true
excludeGroupId=org.oops
excludes=broken
excludeGroupIds=org.*.bad
excludeGroupIds=*
`
	c, notes := ParseProperties("conf/ark/bootstrap.properties", []byte(src))
	type pat struct {
		key, value string
		line       int
		all        bool
	}
	want := []pat{
		{KeyExcludes, "org.apache.commons:commons-lang3", 2, false},
		{KeyExcludes, "com.acme:*:tests", 2, false},
		{KeyExcludeGroupIDs, "org.springframework*", 3, false},
		{KeyExcludeGroupIDs, "com.fasterxml*", 3, false},
		{KeyExcludeArtifactIDs, "sofa-ark-spi", 5, false},
		{KeyExcludeGroupIDs, "*", 11, true},
	}
	if len(c.Patterns) != len(want) {
		t.Fatalf("patterns = %+v", c.Patterns)
	}
	for i, w := range want {
		p := c.Patterns[i]
		if p.Key != w.key || p.Value != w.value || p.Line != w.line || p.MatchesAll != w.all {
			t.Errorf("pattern %d = %+v, want %+v", i, p, w)
		}
	}
	if !c.DeclaredMode || c.DeclaredModeAt != "conf/ark/bootstrap.properties:6" {
		t.Errorf("declaredMode = %v at %q", c.DeclaredMode, c.DeclaredModeAt)
	}
	wantNotes := []string{":8: unknown slimming key \"excludeGroupId\"", ":9: excludes \"broken\"", ":10: excludeGroupIds \"org.*.bad\"", ":11: excludeGroupIds \"*\" matches every dependency"}
	if len(notes) != len(wantNotes) {
		t.Fatalf("notes = %v", notes)
	}
	for i, w := range wantNotes {
		if !strings.Contains(notes[i].String(), w) || notes[i].File != "conf/ark/bootstrap.properties" {
			t.Errorf("note %d = %q, want it to contain %q", i, notes[i], w)
		}
	}
}

func TestParseYAML(t *testing.T) {
	src := `# ark
excludes:
  - org.apache.commons:commons-lang3   # trailing comment
  - "com.google.guava:guava"
excludeGroupIds: [org.springframework*, 'io.netty*']
excludeArtifactIds: a-one,a-two
declaredMode: yes
sofa:
  ark:
    - not-a-slimming-item
excludeGroupIds: [unterminated
just text
`
	c, notes := ParseYAML("conf/ark/bootstrap.yml", []byte(src))
	var got []string
	for _, p := range c.Patterns {
		got = append(got, p.Key+"="+p.Value+"@"+strconv.Itoa(p.Line))
	}
	want := "excludes=org.apache.commons:commons-lang3@3 excludes=com.google.guava:guava@4 excludeGroupIds=org.springframework*@5 excludeGroupIds=io.netty*@5 excludeArtifactIds=a-one@6 excludeArtifactIds=a-two@6"
	if strings.Join(got, " ") != want {
		t.Errorf("patterns\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if c.DeclaredMode {
		t.Error("declaredMode: yes must not be read as true")
	}
	var lines []int
	for _, n := range notes {
		lines = append(lines, n.Line)
	}
	if len(lines) != 3 || lines[0] != 7 || lines[1] != 11 || lines[2] != 12 {
		t.Errorf("notes = %v", notes)
	}
}

func TestMatch(t *testing.T) {
	c := Config{Patterns: []Pattern{
		{Key: KeyExcludeArtifactIDs, Value: "guava"},
		{Key: KeyExcludeGroupIDs, Value: "org.apache*"},
		{Key: KeyExcludes, Value: "com.acme:lib-*"},
		{Key: KeyExcludes, Value: "io.x:y:linux"},
	}}
	cases := []struct{ g, a, cl, want string }{
		{"org.apache.commons", "commons-lang3", "", "org.apache*"},
		{"org.apachex", "foo", "", "org.apache*"}, // a prefix, as the plugin matches
		{"com.google.guava", "guava", "", "guava"},
		{"com.acme", "lib-core", "", "com.acme:lib-*"},
		{"com.acme", "app", "", ""},
		{"io.x", "y", "linux", "io.x:y:linux"},
		{"io.x", "y", "", ""},
		{"org.apach", "x", "", ""},
	}
	for _, tc := range cases {
		got := ""
		if p := c.Match(tc.g, tc.a, tc.cl); p != nil {
			got = p.Value
		}
		if got != tc.want {
			t.Errorf("Match(%s:%s:%s) = %q, want %q", tc.g, tc.a, tc.cl, got, tc.want)
		}
	}
	// excludes are checked before group ids, whatever the order written.
	c2 := Config{Patterns: []Pattern{{Key: KeyExcludeGroupIDs, Value: "org*"}, {Key: KeyExcludes, Value: "org.a:b"}}}
	if p := c2.Match("org.a", "b", ""); p == nil || p.Key != KeyExcludes {
		t.Errorf("Match order: %+v", p)
	}
}

func TestFromPlugin(t *testing.T) {
	pom := `<project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>m</artifactId><version>1</version>
<build><plugins><plugin>
  <groupId>com.alipay.sofa</groupId>
  <artifactId>sofa-ark-maven-plugin</artifactId>
  <configuration>
    <excludeGroupIds>
      <excludeGroupId>org.springframework*</excludeGroupId>
      <excludeGroupId>org.*x</excludeGroupId>
    </excludeGroupIds>
    <excludes>com.a:b,com.c:d</excludes>
    <declaredMode>true</declaredMode>
    <baseDependencyParentIdentity>com.acme:base-parent</baseDependencyParentIdentity>
    <packExcludesConfig>rules.txt</packExcludesConfig>
  </configuration>
</plugin></plugins></build></project>`
	p, err := deps.ParsePOM("pom.xml", []byte(pom))
	if err != nil {
		t.Fatal(err)
	}
	c, notes := FromPlugin("pom.xml", p.Plugins[0])
	if len(c.Patterns) != 3 || c.Patterns[2].Line != 7 || c.Patterns[1].Value != "com.c:d" || c.Patterns[0].Line != 10 {
		t.Errorf("patterns = %+v", c.Patterns)
	}
	if len(notes) != 1 || notes[0].Line != 8 {
		t.Errorf("notes = %v", notes)
	}
	if !c.DeclaredMode || c.ParentIdentity != "com.acme:base-parent" || c.PackExcludesConfig != "rules.txt" || c.PackExcludesConfigAt != "pom.xml:13" {
		t.Errorf("scalars = %+v", c)
	}
}

func TestModuleConfig(t *testing.T) {
	files := map[string]string{
		"m/conf/ark/bootstrap.properties": "excludeGroupIds=org.apache*\n",
		"m/conf/ark/bootstrap.yml":        "excludes:\n  - com.a:b\n",
		"p/conf/ark/rules.txt":            "excludeArtifactIds=guava\n",
		"p/conf/ark/bootstrap.properties": "excludeGroupIds=ignored*\n",
	}
	read := func(p string) ([]byte, error) {
		if s, ok := files[p]; ok {
			return []byte(s), nil
		}
		return nil, fs.ErrNotExist
	}
	c, notes := ModuleConfig("m/pom.xml", nil, "m", read)
	if len(c.Patterns) != 2 || len(notes) != 0 || c.Patterns[1].File != "m/conf/ark/bootstrap.yml" {
		t.Errorf("default files: %+v %v", c.Patterns, notes)
	}
	pl := &deps.Plugin{Config: map[string][]deps.ConfigValue{KeyPackExcludesConfig: {{Value: "rules.txt", Line: 9}}}}
	c, notes = ModuleConfig("p/pom.xml", pl, "p", read)
	if len(c.Patterns) != 1 || c.Patterns[0].Value != "guava" || len(notes) != 0 {
		t.Errorf("packExcludesConfig: %+v %v", c.Patterns, notes)
	}
	pl.Config[KeyPackExcludesConfig][0].Value = "missing.properties"
	_, notes = ModuleConfig("p/pom.xml", pl, "p", read)
	if len(notes) != 1 || notes[0].File != "p/pom.xml" || notes[0].Line != 9 {
		t.Errorf("missing packExcludesConfig file: %v", notes)
	}
}

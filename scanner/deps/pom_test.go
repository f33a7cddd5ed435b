package deps

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func readPOM(t *testing.T, name string) (*POM, []byte) {
	t.Helper()
	data, err := os.ReadFile(td + name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParsePOM(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return p, data
}

func TestParsePOM(t *testing.T) {
	p, _ := readPOM(t, "maven/app/pom.xml")
	if p.GroupID != "com.acme" || !p.GroupIDInherited || p.Version != "${revision}" || !p.VersionInherited || p.ArtifactID != "acme-app" || p.ArtifactIDLine != 9 {
		t.Errorf("coordinates %+v", p)
	}
	if p.Packaging != "jar" || p.Line != 2 {
		t.Errorf("packaging %q line %d", p.Packaging, p.Line)
	}
	if p.Parent == nil || p.Parent.RelativePath != "../pom.xml" || p.Parent.RelativePathEmpty || p.Parent.Line != 4 {
		t.Errorf("parent %+v", p.Parent)
	}
	if len(p.Properties) != 1 || p.Properties[0] != (Property{"spring.version", "5.3.30", 12}) {
		t.Errorf("properties %+v", p.Properties)
	}
	wantLines := []int{16, 20, 24, 29, 33, 37, 42, 47, 53}
	if len(p.Dependencies) != len(wantLines) {
		t.Fatalf("%d dependencies", len(p.Dependencies))
	}
	for i, d := range p.Dependencies {
		if d.Line != wantLines[i] {
			t.Errorf("dependency %d (%s) at line %d, want %d", i, d.ArtifactID, d.Line, wantLines[i])
		}
	}
	if d := p.Dependencies[7]; d.Version != "${chain.a}" || d.VersionLine != 50 || d.Scope != "test" || d.ScopeLine != 51 {
		t.Errorf("chained %+v", d)
	}

	root, _ := readPOM(t, "maven/pom.xml")
	if len(root.Modules) != 5 || root.Modules[4] != (Module{"missing-module", 14}) {
		t.Errorf("modules %+v", root.Modules)
	}
	if len(root.DependencyManagement) != 5 || root.DependencyManagement[2].Scope != "import" || root.DependencyManagement[2].Type != "pom" || root.DependencyManagement[2].Line != 41 {
		t.Errorf("dependencyManagement %+v", root.DependencyManagement)
	}

	base, _ := readPOM(t, "maven/base/pom.xml")
	if base.Parent == nil || !base.Parent.RelativePathEmpty {
		t.Errorf("relativePath/ %+v", base.Parent)
	}
}

func TestParsePOMPlugins(t *testing.T) {
	p, _ := readPOM(t, "maven/module/pom.xml")
	if len(p.Plugins) != 1 {
		t.Fatalf("plugins %+v", p.Plugins)
	}
	pl := p.Plugins[0]
	if pl.GroupID != "com.alipay.sofa" || pl.ArtifactID != "sofa-ark-maven-plugin" || pl.Version != "2.2.5" || pl.Line != 34 {
		t.Errorf("plugin %+v", pl)
	}
	if len(pl.Executions) != 1 || pl.Executions[0].Goals[0] != "repackage" || pl.Executions[0].ID != "default-cli" {
		t.Errorf("executions %+v", pl.Executions)
	}
	want := map[string][]ConfigValue{
		"bizName":            {{"acme-module", 47}},
		"declaredMode":       {{"true", 48}},
		"excludes":           {{"com.alibaba:fastjson", 50}},
		"excludeGroupIds":    {{"${excluded.group}", 52}, {"io.netty*", 52}},
		"excludeArtifactIds": {{"guava", 54}},
	}
	for k, w := range want {
		got := pl.Config[k]
		if len(got) != len(w) {
			t.Errorf("%s = %+v, want %+v", k, got, w)
			continue
		}
		for i := range w {
			if got[i] != w[i] {
				t.Errorf("%s[%d] = %+v, want %+v", k, i, got[i], w[i])
			}
		}
	}
}

func TestDependenciesBlock(t *testing.T) {
	tests := []struct {
		file             string
		exists           bool
		line, closeLine  int
		indent, unit     string
		openAt, insertAt string // text at Offset / CloseOffset
	}{
		{"maven/app/pom.xml", true, 15, 60, "    ", "    ", "<dependencies>", "</dependencies>"},
		{"maven/base/pom.xml", true, 13, 28, "\t", "\t", "<dependencies>", "</dependencies>"},
		{"maven/module/pom.xml", true, 14, 31, "  ", "  ", "<dependencies>", "</dependencies>"},
		// No block: insert before the <build> line.
		{"maven/nodeps/pom.xml", false, 7, 0, "  ", "  ", "  <build>", ""},
		// No block and no build: before </project>.
		{"maven/bom/pom.xml", false, 25, 0, "  ", "  ", "</project>", ""},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			p, data := readPOM(t, tc.file)
			b := p.DependenciesBlock
			if b.Exists != tc.exists || b.Line != tc.line || b.CloseLine != tc.closeLine || b.Indent != tc.indent || b.Unit != tc.unit {
				t.Errorf("block %+v", b)
			}
			if !strings.HasPrefix(string(data[b.Offset:]), tc.openAt) {
				t.Errorf("at Offset: %q", string(data[b.Offset:min(len(data), b.Offset+20)]))
			}
			if tc.exists {
				if !strings.HasPrefix(string(data[b.CloseOffset:]), tc.insertAt) {
					t.Errorf("at CloseOffset: %q", string(data[b.CloseOffset:min(len(data), b.CloseOffset+20)]))
				}
				if !strings.HasPrefix(string(data[b.ContentOffset-len("<dependencies>"):]), "<dependencies>") {
					t.Errorf("ContentOffset %d not after the start tag", b.ContentOffset)
				}
			}
		})
	}
	p, err := ParsePOM("x.xml", []byte("<project><dependencies/></project>"))
	if err != nil || !p.DependenciesBlock.Exists || !p.DependenciesBlock.SelfClosing {
		t.Errorf("self-closing: %+v %v", p.DependenciesBlock, err)
	}
}

func TestParsePOMErrors(t *testing.T) {
	tests := []struct {
		name, data string
		line       int
	}{
		{"mismatch", "<project>\n  <groupId>x</groupId>\n  <artifactId>broken\n</project>\n", 4},
		{"truncated", "<project>\n<dependencies>\n", 3},
		{"no project", "<?xml version=\"1.0\"?>\n<settings/>\n", 1},
		{"garbage", "\x00\x01", 1},
	}
	for _, tc := range tests {
		_, err := ParsePOM("bad/pom.xml", []byte(tc.data))
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%s: error %v", tc.name, err)
			continue
		}
		if pe.File != "bad/pom.xml" || pe.Line != tc.line || !strings.HasPrefix(err.Error(), "bad/pom.xml:") {
			t.Errorf("%s: %v (line %d, want %d)", tc.name, err, pe.Line, tc.line)
		}
	}
}

func TestParsePOMEncodings(t *testing.T) {
	latin1 := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<project>\n<name>caf\xe9</name>\n<dependencies>\n<dependency><groupId>g</groupId><artifactId>a</artifactId></dependency>\n</dependencies>\n</project>\n"
	p, err := ParsePOM("l.xml", []byte(latin1))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Dependencies) != 1 || p.Dependencies[0].Line != 5 {
		t.Errorf("latin1: %+v", p.Dependencies)
	}
	bom := "\xef\xbb\xbf<?xml version=\"1.0\"?>\n<project>\n<groupId>g&amp;h</groupId>\n</project>"
	p, err = ParsePOM("b.xml", []byte(bom))
	if err != nil {
		t.Fatal(err)
	}
	if p.GroupID != "g&h" || p.GroupIDLine != 3 {
		t.Errorf("bom: %+v", p)
	}
}

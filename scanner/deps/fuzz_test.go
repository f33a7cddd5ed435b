package deps

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kscan/kscan/rules/facts"
)

func addSeeds(f *testing.F, pattern string) {
	files, _ := filepath.Glob(td + pattern)
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
}

func FuzzParsePOM(f *testing.F) {
	addSeeds(f, "maven/*.xml")
	addSeeds(f, "maven/*/pom.xml")
	addSeeds(f, "m2/org/example/*/*/*.pom")
	f.Add([]byte(`<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>2.7.10</version></parent><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId><exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency></dependencies></project>`))
	f.Add([]byte(`<project><properties><a>${b}</a><b>${a}${a}</b></properties><version>${a}</version><dependencies><dependency><version>${project.version}</version></dependency></dependencies></project>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParsePOM("pom.xml", data)
		if err != nil {
			return
		}
		p.Role()
		p.ArkConfig()
		b := p.DependenciesBlock
		if b.Offset < 0 || b.Offset > len(data) || b.ContentOffset > len(data) || b.CloseOffset > len(data) {
			t.Fatalf("offsets outside the input: %+v", b)
		}
		// The effective model too: a pom that is its own parent, BOM and
		// module must not loop.
		fs := memFS{"pom.xml": string(data), "m/pom.xml": string(data)}
		r := LoadMaven([]string{"pom.xml", "m/pom.xml"}, MavenOptions{ReadFile: fs.read, M2Repo: "repo"})
		for _, pr := range r.Projects {
			pr.Role()
			pr.Shared()
			pr.AddPatch()
			pr.BootVersion()
			pr.Property("a")
			var fd []facts.Dependency
			for _, d := range pr.Dependencies {
				fd = append(fd, facts.Dependency{GroupID: d.GroupID, ArtifactID: d.ArtifactID, Version: d.Version, Exclusions: d.Exclusions})
			}
			Implied(fd, func(g, a string) (string, string) {
				if m := pr.Managed(g + ":" + a); m != nil {
					return m.Version, m.Evidence
				}
				return "", ""
			})
		}
	})
}

func FuzzParseManifest(f *testing.F) {
	addSeeds(f, "jar/*.MF")
	f.Add([]byte("A: b\r\n c\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ParseManifest(data)
		FromJarMetadata("x/a-1.0.jar", map[string][]byte{"META-INF/maven/g/a/pom.properties": data}, data)
	})
}

func FuzzParseDependencyList(f *testing.F) {
	addSeeds(f, "mvn/*.txt")
	addSeeds(f, "gradle/*")
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, _ := ParseDependencyList("l.txt", data)
		for _, d := range ds {
			if d.Line < 1 || d.GroupID == "" || d.ArtifactID == "" {
				t.Fatalf("bad dependency %+v", d)
			}
		}
		ParseGradleLockfile("gradle.lockfile", data)
		ParseGradleScript("build.gradle", data)
		ParseArkBootstrap("bootstrap.properties", data)
	})
}

func FuzzParseVersionCatalog(f *testing.F) {
	addSeeds(f, "gradle/*.toml")
	f.Add([]byte("a = {b = {c = [1, [2, {d = 'e'}]]}}\n[x.y]\nz.w = \"\\\"\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ParseVersionCatalog("libs.versions.toml", data)
	})
}

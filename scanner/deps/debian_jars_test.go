package deps

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/kscan/kscan/adapters"
)

// TestDebianJars reads the coordinates of real jars as Debian packages
// them (liblogback-java, libslf4j-java, liblog4j2-java, libspring-core-java):
// KSCAN_DEBIAN_JARS names their directory (default /usr/share/java); the
// test skips when none of them is there.
func TestDebianJars(t *testing.T) {
	dir := os.Getenv("KSCAN_DEBIAN_JARS")
	if dir == "" {
		dir = "/usr/share/java"
	}
	jars, _ := filepath.Glob(filepath.Join(dir, "*.jar"))
	var real []string
	for _, j := range jars {
		b := filepath.Base(j)
		if fi, err := os.Lstat(j); err != nil || fi.Mode()&os.ModeSymlink != 0 {
			continue // versioned names are links to the same jar
		}
		for _, p := range []string{"logback-", "slf4j-", "log4j-", "spring", "jcl-over-slf4j", "jul-to-slf4j"} {
			if strings.HasPrefix(b, p) {
				real = append(real, j)
				break
			}
		}
	}
	if len(real) == 0 {
		t.Skipf("no logback, slf4j, log4j2 or spring jars in %s", dir)
	}
	sort.Strings(real)
	table := adapters.Default()
	for _, j := range real {
		ds := jarDeps(t, j)
		if len(ds) == 0 {
			t.Errorf("%s: no coordinates", filepath.Base(j))
			continue
		}
		for _, d := range ds {
			// A jar without pom.properties or a vendor id names no group;
			// that must show as low confidence, never as a guess.
			if d.ArtifactID == "" || d.Version == "" || d.GroupID == "" && d.Confidence != Low {
				t.Errorf("%s: incomplete coordinate %s (%s)", filepath.Base(j), d.Coordinate, d.Evidence)
			}
			if strings.HasPrefix(filepath.Base(j), "spring3-core") && (d.ArtifactID != "spring-core" || !strings.HasSuffix(d.Version, ".RELEASE")) {
				t.Errorf("%s: got %s, want spring-core from the manifest", filepath.Base(j), d.Coordinate)
			}
			var ad []string
			for _, a := range adapters.Adapters(table.Match(adapters.Coordinate{GroupID: d.GroupID, ArtifactID: d.ArtifactID, Version: d.Version})) {
				ad = append(ad, a.String())
			}
			t.Logf("%-28s %-60s %-18s %-6s shaded=%-5v adapters=%v  (%s)", filepath.Base(j), d.Coordinate, d.Source, d.Confidence, d.Shaded, ad, d.Evidence)
		}
	}
}

func jarDeps(t *testing.T, path string) []Dependency {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer zr.Close()
	props := map[string][]byte{}
	var manifest []byte
	for _, f := range zr.File {
		isProps := strings.HasPrefix(f.Name, "META-INF/maven/") && strings.HasSuffix(f.Name, "/pom.properties")
		if !isProps && f.Name != "META-INF/MANIFEST.MF" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(io.LimitReader(rc, MaxManifestSize))
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if isProps {
			props[f.Name] = data
		} else {
			manifest = data
		}
	}
	return FromJarMetadata(path, props, manifest)
}

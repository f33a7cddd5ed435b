package scanner

import (
	"path/filepath"
	"testing"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/scanner/deps"
)

// A pom is parsed once for the roles and the dependency loader: the
// loader gets the POM the scan parsed, and other bytes under the same
// name are parsed anew.
func TestBuildFilesParseOnce(t *testing.T) {
	root := writeTree(t, map[string]string{
		"pom.xml": `<project><groupId>g</groupId><artifactId>app</artifactId><version>1</version><modules><module>lib</module></modules></project>`,
		"lib/pom.xml": `<project><parent><groupId>g</groupId><artifactId>app</artifactId><version>1</version></parent><artifactId>lib</artifactId>` +
			`<dependencies><dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>1.7.36</version></dependency></dependencies></project>`,
	})
	b := &buildFiles{root: root, in: safefs.NewRoot(root), src: map[string][]byte{}}
	data, err := b.read("lib/pom.xml")
	if err != nil {
		t.Fatal(err)
	}
	first, err := b.parse("lib/pom.xml", data)
	if err != nil || first == nil {
		t.Fatalf("parse: %v", err)
	}
	if again, _ := b.parse("lib/pom.xml", data); again != first {
		t.Error("the same bytes were parsed twice")
	}
	other := append([]byte(nil), data...)
	other = append(other, ' ')
	if p, _ := b.parse("lib/pom.xml", other); p == first {
		t.Error("other bytes under the same name took the first parse")
	}
	// Bytes of the same length that differ in one place, after the first
	// parse is back in the cache.
	b.poms = nil
	if p, _ := b.parse("lib/pom.xml", data); p == nil {
		t.Fatal("parse again")
	}
	kept := b.poms["lib/pom.xml"].pom
	same := append([]byte(nil), data...)
	same[len(same)/2] ^= 1
	if p, _ := b.parse("lib/pom.xml", same); p == kept {
		t.Error("bytes of the same length that differ took the kept parse")
	}
	// The name's entry is now those bytes' parse: the first bytes are parsed anew.
	if p, _ := b.parse("lib/pom.xml", append([]byte(nil), data...)); p == kept {
		t.Error("the first bytes took a parse the cache no longer holds")
	}
	b.poms = nil
	seen := map[string]*deps.POM{}
	parse := func(name string, data []byte) (*deps.POM, error) {
		p, err := b.parse(name, data)
		seen[filepath.ToSlash(name)] = p
		return p, err
	}
	res := deps.Load(deps.Options{Root: root, Files: []string{"lib/pom.xml", "pom.xml"}, Read: b.read, Parse: parse})
	if seen["lib/pom.xml"] == nil || seen["pom.xml"] == nil {
		t.Fatalf("the loader parsed %v, not through the scan's parse", seen)
	}
	found := false
	for _, p := range res.Projects {
		for _, d := range p.Dependencies {
			found = found || d.ArtifactID == "slf4j-api" && d.Version == "1.7.36"
		}
	}
	if !found {
		t.Error("the loader's projects lost the dependency of the pom parsed for it")
	}
}

package scope

import (
	"testing"

	"github.com/kscan/kscan/scanner/deps"
)

// The classifier parses poms through Options.ParsePOM when given, and
// decides as it does with its own parse.
func TestParsePOMHook(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"pom.xml":                           `<project><groupId>g</groupId><artifactId>parent</artifactId><version>1</version><packaging>pom</packaging><modules><module>it</module><module>lib</module></modules></project>`,
		"it/pom.xml":                        `<project><artifactId>it</artifactId><dependencies><dependency><groupId>junit</groupId><artifactId>junit</artifactId><scope>test</scope></dependency></dependencies></project>`,
		"it/src/main/java/g/it/Check.java":  "package g.it;\nclass Check {}\n",
		"lib/pom.xml":                       `<project><artifactId>lib</artifactId></project>`,
		"lib/src/main/java/g/lib/Util.java": "package g.lib;\nclass Util {}\n",
	})
	parsed := map[string]int{}
	hook := func(rel string, data []byte) (*deps.POM, error) {
		parsed[rel]++
		return deps.ParsePOM(rel, data)
	}
	for _, rel := range []string{"it/src/main/java/g/it/Check.java", "lib/src/main/java/g/lib/Util.java"} {
		want := New(root, Options{}).File(rel, nil)
		got := New(root, Options{ParsePOM: hook}).File(rel, nil)
		if got.Class != want.Class || got.Reason != want.Reason {
			t.Errorf("%s: %+v through the hook, %+v without", rel, got, want)
		}
	}
	if parsed["lib/pom.xml"] == 0 || parsed["it/pom.xml"] == 0 {
		t.Errorf("the hook parsed %v", parsed)
	}
}

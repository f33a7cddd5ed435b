package scope

import (
	"os"
	"path/filepath"
	"testing"
)

func TestAntMatch(t *testing.T) {
	for _, c := range []struct {
		pattern, name string
		want          bool
	}{
		{"**/logback.xml", "logback.xml", true},
		{"**/logback.xml", "conf/logback.xml", true},
		{"**/*.xml", "spring/a/b.xml", true},
		{"**/*.xml", "logback.properties", false},
		{"*.xml", "logback.xml", true},
		{"*.xml", "spring/logback.xml", false}, // no '**': the jar's root only
		{"static/**", "static/js/app.js", true},
		{"static/**", "templates/index.html", false},
		{"spring/", "spring/a.xml", true},
		{"**/spring/**", "x/spring/y/z.xml", true},
		{"/logback.xml", "logback.xml", true},
		{"log?ack.xml", "logback.xml", true},
		{"[", "[", false}, // a malformed pattern matches nothing
	} {
		if got := antMatch(c.pattern, c.name); got != c.want {
			t.Errorf("antMatch(%q, %q) = %v, want %v", c.pattern, c.name, got, c.want)
		}
	}
}

// TestJarExcludedResources: a resource the module's jar leaves out
// (maven-jar-plugin <excludes>) ships in no jar a JVM loads: it is a
// distribution's configuration. What the jar keeps, other modules' files
// and the sources stay production; excludes of another plugin or of a
// profile decide nothing.
func TestJarExcludedResources(t *testing.T) {
	jar := `<build><plugins><plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId>` +
		`<configuration><excludes><exclude>**/logback.xml</exclude><exclude>spring/**</exclude></excludes></configuration></plugin></plugins></build>`
	other := `<build><plugins><plugin><artifactId>maven-source-plugin</artifactId>` +
		`<configuration><excludes><exclude>**/logback.xml</exclude></excludes></configuration></plugin></plugins></build>` +
		`<profiles><profile><build><plugins><plugin><artifactId>maven-jar-plugin</artifactId><configuration><excludes><exclude>**/*.xml</exclude></excludes></configuration></plugin></plugins></build></profile></profiles>`
	pom := func(a, build string) string {
		return `<project><groupId>g</groupId><artifactId>` + a + `</artifactId><version>1</version>` + build + `</project>`
	}
	root := t.TempDir()
	for rel, text := range map[string]string{
		"pom.xml":                               `<project><groupId>g</groupId><artifactId>p</artifactId><version>1</version><packaging>pom</packaging><modules><module>server</module><module>lib</module></modules></project>`,
		"server/pom.xml":                        pom("server", jar),
		"lib/pom.xml":                           pom("lib", other),
		"server/src/main/resources/logback.xml": "<configuration/>",
		"server/src/main/resources/conf/logback.xml": "<configuration/>",
		"server/src/main/resources/spring/app.xml":   "<beans/>",
		"server/src/main/resources/logback-test.xml": "<configuration/>",
		"server/src/main/java/s/Main.java":           "package s; public class Main { }",
		"lib/src/main/resources/logback.xml":         "<configuration/>",
	} {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := New(root, Options{})
	for rel, want := range map[string]Class{
		"server/src/main/resources/logback.xml":      Packaging,
		"server/src/main/resources/conf/logback.xml": Packaging,
		"server/src/main/resources/spring/app.xml":   Packaging,
		"server/src/main/resources/logback-test.xml": Production,
		"server/src/main/java/s/Main.java":           Production,
		"lib/src/main/resources/logback.xml":         Production,
	} {
		d := c.File(rel, nil)
		if d.Class != want {
			t.Errorf("%s: %s, want %s", rel, d, want)
		}
		if want == Packaging && (d.At != "server/pom.xml" || d.Reason != "resource the module's jar leaves out (maven-jar-plugin <excludes>)") {
			t.Errorf("%s: decided by %q at %q", rel, d.Reason, d.At)
		}
	}
}

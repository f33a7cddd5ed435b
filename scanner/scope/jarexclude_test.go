package scope

import (
	"strings"
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
	writeFiles(t, root, map[string]string{
		"pom.xml":                               `<project><groupId>g</groupId><artifactId>p</artifactId><version>1</version><packaging>pom</packaging><modules><module>server</module><module>lib</module></modules></project>`,
		"server/pom.xml":                        pom("server", jar),
		"lib/pom.xml":                           pom("lib", other),
		"server/src/main/resources/logback.xml": "<configuration/>",
		"server/src/main/resources/conf/logback.xml": "<configuration/>",
		"server/src/main/resources/spring/app.xml":   "<beans/>",
		"server/src/main/resources/logback-test.xml": "<configuration/>",
		"server/src/main/java/s/Main.java":           "package s; public class Main { }",
		"lib/src/main/resources/logback.xml":         "<configuration/>",
	})
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

// TestResourcesOutsideTheJar: a configuration file of a Maven module that
// its jar does not carry is packaging: outside the module's resource
// directories (a distribution's conf/), filtered out by <resources>, in a
// pom-packaged module. A file another <resource> entry takes back, a
// declared resource directory, a war's webapp, and a resource directory
// named by a property keep the other signals; so do code and files
// outside a Maven module.
func TestResourcesOutsideTheJar(t *testing.T) {
	pom := func(a, packaging, build string) string {
		p := ""
		if packaging != "" {
			p = "<packaging>" + packaging + "</packaging>"
		}
		return `<project><groupId>g</groupId><artifactId>` + a + `</artifactId><version>1</version>` + p + build + `</project>`
	}
	filtered := `<build><resources>` +
		`<resource><directory>src/main/resources</directory><excludes><exclude>**/log4j2.xml</exclude><exclude>**/*.properties</exclude></excludes></resource>` +
		`<resource><directory>src/main/resources</directory><includes><include>version.properties</include></includes></resource>` +
		`<resource><directory>conf</directory><includes><include>*.yml</include></includes></resource>` +
		`</resources></build>`
	byProperty := `<build><resources><resource><directory>${config.dir}</directory></resource></resources></build>`
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"pom.xml": `<project><groupId>g</groupId><artifactId>p</artifactId><version>1</version><packaging>pom</packaging>` +
			`<modules><module>agent</module><module>engine</module><module>dist</module><module>web</module><module>custom</module></modules></project>`,
		"agent/pom.xml":                                pom("agent", "", ""),
		"agent/conf/log4j2.xml":                        "<Configuration/>",
		"agent/src/main/assembly/conf/app.yml":         "a: 1",
		"agent/src/main/resources/log4j2.xml":          "<Configuration/>",
		"agent/src/main/java/a/Agent.java":             "package a; public class Agent { }",
		"engine/pom.xml":                               pom("engine", "", filtered),
		"engine/src/main/resources/log4j2.xml":         "<Configuration/>",
		"engine/src/main/resources/a.properties":       "a=1",
		"engine/src/main/resources/version.properties": "v=1",
		"engine/src/main/resources/spring.xml":         "<beans/>",
		"engine/conf/engine.yml":                       "a: 1",
		"engine/conf/engine.xml":                       "<x/>",
		"dist/pom.xml":                                 pom("dist", "pom", ""),
		"dist/src/main/resources/logback.xml":          "<configuration/>",
		"web/pom.xml":                                  pom("web", "war", ""),
		"web/src/main/webapp/WEB-INF/web.xml":          "<web-app/>",
		"web/etc/jetty.xml":                            "<Configure/>",
		"custom/pom.xml":                               pom("custom", "", byProperty),
		"custom/etc/logback.xml":                       "<configuration/>",
		"plain/conf/logback.xml":                       "<configuration/>",
	})
	c := New(root, Options{})
	for rel, want := range map[string]string{
		"agent/conf/log4j2.xml":                        "file outside the module's resource directories",
		"agent/src/main/assembly/conf/app.yml":         "file outside the module's resource directories",
		"agent/src/main/resources/log4j2.xml":          "",
		"agent/src/main/java/a/Agent.java":             "",
		"engine/src/main/resources/log4j2.xml":         "resource the module's <resources> leave out of its jar",
		"engine/src/main/resources/a.properties":       "resource the module's <resources> leave out of its jar",
		"engine/src/main/resources/version.properties": "", // the second entry takes it back
		"engine/src/main/resources/spring.xml":         "",
		"engine/conf/engine.yml":                       "", // a declared resource directory
		"engine/conf/engine.xml":                       "resource the module's <resources> leave out of its jar",
		"dist/src/main/resources/logback.xml":          "file of a pom-packaged module",
		"web/src/main/webapp/WEB-INF/web.xml":          "",
		"web/etc/jetty.xml":                            "file outside the module's resource directories",
		"custom/etc/logback.xml":                       "",
		// below the aggregator, in no module: no jar carries it either
		"plain/conf/logback.xml": "file of a pom-packaged module",
	} {
		d := c.File(rel, nil)
		switch {
		case want == "" && !d.Production():
			t.Errorf("%s: %s, want production", rel, d)
		case want != "" && (d.Class != Packaging || !strings.HasPrefix(d.Reason, want)):
			t.Errorf("%s: %s, want packaging: %s", rel, d, want)
		}
	}
	// a tree no Maven build covers keeps its files
	plain := t.TempDir()
	writeFiles(t, plain, map[string]string{"conf/logback.xml": "<configuration/>"})
	if d := New(plain, Options{}).File("conf/logback.xml", nil); !d.Production() {
		t.Errorf("conf/logback.xml of a tree without a build: %s", d)
	}
}

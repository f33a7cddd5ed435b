package scanner

import (
	"sort"
	"strings"
	"testing"
)

// TestApplicationModuleRole: a Spring Boot application of the tree that
// no production library module depends on is judged as a module: its own
// statics and static loggers are its alone (not reported), its threads
// and JVM-wide settings still are. A library module stays unknown, and so
// does an application another production module depends on; a test
// module's dependency makes no library of it. A Koupleless signal wins.
func TestApplicationModuleRole(t *testing.T) {
	boot := `<build><plugins><plugin><groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>`
	inProfile := `<profiles><profile><id>release</id><build><plugins><plugin><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build></profile></profiles>`
	dep := func(a, scope string) string {
		s := ""
		if scope != "" {
			s = "<scope>" + scope + "</scope>"
		}
		return `<dependency><groupId>g</groupId><artifactId>` + a + `</artifactId><version>1</version>` + s + `</dependency>`
	}
	pom := func(a, deps, build string) string {
		return `<project><groupId>g</groupId><artifactId>` + a + `</artifactId><version>1</version><dependencies>` + deps + `</dependencies>` + build + `</project>`
	}
	code := func(pkg string) string {
		return "package " + pkg + ";\nimport org.slf4j.Logger;\nimport org.slf4j.LoggerFactory;\npublic class Holder {\n" +
			"    private static final Logger LOG = LoggerFactory.getLogger(Holder.class);\n" +
			"    private static String tenant;\n" +
			"    public static void setTenant(String t) { LOG.info(t); tenant = t; }\n" +
			"    public static String tenant() { return tenant; }\n" +
			"    public static void configure(String v) { System.setProperty(\"x.y\", v); }\n}\n"
	}
	dir := writeTree(t, map[string]string{
		"pom.xml": `<project><groupId>g</groupId><artifactId>p</artifactId><version>1</version><packaging>pom</packaging>` +
			`<modules><module>lib</module><module>server</module><module>console</module><module>embedder</module><module>it</module><module>biz</module></modules></project>`,
		"lib/pom.xml": pom("lib", "", ""), "lib/src/main/java/lib/Holder.java": code("lib"),
		"server/pom.xml": pom("server", dep("lib", ""), boot), "server/src/main/java/server/Holder.java": code("server"),
		// an application in a release profile only, which a test module uses
		"console/pom.xml": pom("console", "", inProfile), "console/src/main/java/console/Holder.java": code("console"),
		"it/pom.xml": pom("it", dep("console", "")+dep("junit", "test"), ""), "it/src/test/java/it/ConsoleIT.java": "package it;\npublic class ConsoleIT { @org.junit.Test public void t() { } }\n",
		// an application another production module embeds: a library too
		"embedder/pom.xml": pom("embedder", dep("server2", ""), ""), "embedder/src/main/java/embedder/Holder.java": code("embedder"),
		"server2/pom.xml": pom("server2", "", boot), "server2/src/main/java/server2/Holder.java": code("server2"),
		// a Koupleless base signal wins
		"biz/pom.xml":                       pom("biz", `<dependency><groupId>com.alipay.sofa.koupleless</groupId><artifactId>koupleless-base-starter</artifactId><version>1.0.0</version></dependency>`, boot),
		"biz/src/main/java/biz/Holder.java": code("biz"),
	})
	res := scanDir(t, dir, Options{RoleAuto: true})
	got := map[string][]string{}
	for _, f := range res.Findings {
		mod := f.Path[:strings.IndexByte(f.Path, '/')]
		got[mod] = append(got[mod], f.RuleID)
	}
	for _, rs := range got {
		sort.Strings(rs)
	}
	want := map[string]string{
		"lib":      "static-logger-in-shared-code static-mutable-state system-property-mutation",
		"server":   "system-property-mutation",
		"console":  "system-property-mutation",
		"server2":  "static-logger-in-shared-code static-mutable-state system-property-mutation",
		"embedder": "static-logger-in-shared-code static-mutable-state system-property-mutation",
	}
	for mod, w := range want {
		if g := strings.Join(got[mod], " "); g != w {
			t.Errorf("%s: findings %q, want %q", mod, g, w)
		}
	}
	roles := map[string]string{}
	for _, r := range res.Roles {
		roles[r.Dir] = r.Name + ": " + r.Reason
	}
	if r := roles["server"]; !strings.HasPrefix(r, "module: server/pom.xml: Spring Boot application server (spring-boot-maven-plugin)") {
		t.Errorf("server's role: %q", r)
	}
	if r := roles["console"]; !strings.Contains(r, "spring-boot-maven-plugin in a profile") {
		t.Errorf("console's role: %q", r)
	}
	if r := roles["biz"]; !strings.HasPrefix(r, "base") {
		t.Errorf("biz's role: %q", r)
	}
	if _, ok := roles["server2"]; ok {
		t.Errorf("server2, which embedder depends on: %q", roles["server2"])
	}
}

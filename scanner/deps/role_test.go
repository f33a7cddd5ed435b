package deps

import (
	"os"
	"strings"
	"testing"
)

func TestPOMRole(t *testing.T) {
	tests := []struct {
		file, role, evidence string
	}{
		{"maven/module/pom.xml", RoleModule, "maven/module/pom.xml:34 plugin com.alipay.sofa:sofa-ark-maven-plugin goal repackage"},
		{"maven/base/pom.xml", RoleBase, "maven/base/pom.xml:14 dependency com.alipay.sofa.koupleless:koupleless-base-starter"},
		{"maven/nodeps/pom.xml", RoleBase, "maven/nodeps/pom.xml:9 plugin com.alipay.sofa.koupleless:koupleless-base-build-plugin"},
		{"maven/app/pom.xml", "", ""},
	}
	for _, tc := range tests {
		p, _ := readPOM(t, tc.file)
		role, ev := p.Role()
		if role != tc.role || ev != tc.evidence {
			t.Errorf("%s: Role() = %q, %q; want %q, %q", tc.file, role, ev, tc.role, tc.evidence)
		}
	}
	inline := []struct {
		xml, role string
	}{
		{`<project><dependencies><dependency><groupId>com.alipay.sofa.koupleless</groupId><artifactId>koupleless-app-starter</artifactId><scope>provided</scope></dependency></dependencies></project>`, RoleModule},
		{`<project><dependencies><dependency><groupId>com.alipay.sofa.koupleless</groupId><artifactId>koupleless-app-starter</artifactId></dependency></dependencies></project>`, ""},
		// One English page spells the group com.alipay.koupleless.
		{`<project><dependencies><dependency><groupId>com.alipay.koupleless</groupId><artifactId>koupleless-base-starter</artifactId></dependency></dependencies></project>`, RoleBase},
		// The ark plugin without repackage builds no biz.
		{`<project><build><plugins><plugin><groupId>com.alipay.sofa</groupId><artifactId>sofa-ark-maven-plugin</artifactId></plugin></plugins></build></project>`, ""},
		// Goal declared in pluginManagement.
		{`<project><build><pluginManagement><plugins><plugin><groupId>com.alipay.sofa</groupId><artifactId>sofa-ark-maven-plugin</artifactId><executions><execution><goals><goal>repackage</goal></goals></execution></executions></plugin></plugins></pluginManagement>
<plugins><plugin><groupId>com.alipay.sofa</groupId><artifactId>sofa-ark-maven-plugin</artifactId></plugin></plugins></build></project>`, RoleModule},
	}
	for i, tc := range inline {
		p, err := ParsePOM("pom.xml", []byte(tc.xml))
		if err != nil {
			t.Fatal(err)
		}
		if role, ev := p.Role(); role != tc.role {
			t.Errorf("inline %d: Role() = %q (%s), want %q", i, role, ev, tc.role)
		}
	}
}

func TestProjectRoleInherited(t *testing.T) {
	fs := memFS{
		"p/pom.xml": `<project><groupId>g</groupId><artifactId>p</artifactId><version>1</version><packaging>pom</packaging>
<build><plugins><plugin><groupId>com.alipay.sofa.koupleless</groupId><artifactId>koupleless-base-build-plugin</artifactId></plugin></plugins></build></project>`,
		"p/c/pom.xml": `<project><parent><groupId>g</groupId><artifactId>p</artifactId><version>1</version></parent><artifactId>c</artifactId></project>`,
	}
	r := LoadMaven([]string{"p/pom.xml", "p/c/pom.xml"}, MavenOptions{ReadFile: fs.read})
	for _, pr := range r.Projects {
		if role, ev := pr.Role(); role != RoleBase || !strings.HasPrefix(ev, "p/pom.xml:2 plugin") {
			t.Errorf("%s: %q %q", pr.File, role, ev)
		}
	}
}

func TestSharedLibraries(t *testing.T) {
	r := loadTree(t, MavenOptions{})
	mod := project(t, r, "maven/module/pom.xml")
	s := mod.Shared()
	if len(s.Provided) != 1 || s.Provided[0].ArtifactID != "spring-boot-starter-web" {
		t.Errorf("provided %+v", s.Provided)
	}
	if len(s.Config) != 1 || !s.Config[0].DeclaredMode || s.Config[0].BizName != "acme-module" || s.Config[0].DeclaredModeLine != 48 {
		t.Fatalf("config %+v", s.Config)
	}
	data, err := os.ReadFile(td + "maven/module/conf/ark/bootstrap.properties")
	if err != nil {
		t.Fatal(err)
	}
	boot := ParseArkBootstrap("conf/ark/bootstrap.properties", data)
	if len(boot.Excludes) != 2 || boot.Excludes[1] != (ConfigValue{"com.google.code.gson:gson", 2}) || boot.DeclaredMode || boot.DeclaredModeLine != 5 {
		t.Errorf("bootstrap %+v", boot)
	}
	s.Config = append(s.Config, boot)

	tests := []struct {
		dep    Dependency
		shared bool
		why    string
	}{
		{*findDep(mod.Dependencies, "org.springframework.boot:spring-boot-starter-web"), true, "maven/module/pom.xml:15 scope provided"},
		{*findDep(mod.Dependencies, "com.alibaba:fastjson"), true, "maven/module/pom.xml:50 excludes com.alibaba:fastjson"},
		// excludeGroupIds value came from a property.
		{*findDep(mod.Dependencies, "org.apache.commons:commons-lang3"), true, "maven/module/pom.xml:52 excludeGroupIds org.apache.commons"},
		{Dependency{Coordinate: Coordinate{GroupID: "io.netty", ArtifactID: "netty-buffer"}, Scope: "compile"}, true, "excludeGroupIds io.netty*"},
		{Dependency{Coordinate: Coordinate{GroupID: "com.google.guava", ArtifactID: "guava"}, Scope: "compile"}, true, "excludeArtifactIds guava"},
		{Dependency{Coordinate: Coordinate{GroupID: "org.yaml", ArtifactID: "snakeyaml"}, Scope: "runtime"}, true, "conf/ark/bootstrap.properties:2 excludes org.yaml:snakeyaml"},
		{Dependency{Coordinate: Coordinate{GroupID: "org.springframework.data", ArtifactID: "x"}, Scope: "compile"}, true, "conf/ark/bootstrap.properties:4 excludeGroupIds org.springframework*"},
		{*findDep(mod.Dependencies, "org.slf4j:slf4j-api"), false, ""},
	}
	for _, tc := range tests {
		ok, why := s.IsShared(tc.dep)
		if ok != tc.shared || !strings.HasSuffix(why, tc.why) {
			t.Errorf("%s: IsShared = %v %q, want %v %q", tc.dep.Key(), ok, why, tc.shared, tc.why)
		}
	}
}

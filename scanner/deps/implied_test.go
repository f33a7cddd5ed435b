package deps

import (
	"strings"
	"testing"

	"github.com/kscan/kscan/rules/facts"
)

func dep(gav string, excl ...string) facts.Dependency {
	p := strings.Split(gav, ":")
	d := facts.Dependency{GroupID: p[0], ArtifactID: p[1], Path: "pom.xml", Line: 1, Scope: "compile", Exclusions: excl}
	if len(p) > 2 {
		d.Version = p[2]
	}
	return d
}

func TestImplied(t *testing.T) {
	tests := []struct {
		name     string
		declared []facts.Dependency
		managed  map[string]string
		want     []string // g:a:version ("g:a:" for unknown)
		absent   []string // keys that must not be brought
		why      map[string]string
	}{
		{name: "a Spring Boot starter brings Boot, Spring Framework and logback at the release's versions",
			declared: []facts.Dependency{dep("org.springframework.boot:spring-boot-starter-web:2.7.10")},
			want: []string{"org.springframework.boot:spring-boot:2.7.10", "org.springframework.boot:spring-boot-starter-logging:2.7.10",
				"ch.qos.logback:logback-classic:1.2.11", "ch.qos.logback:logback-core:1.2.11", "org.springframework:spring-aop:5.3.26",
				"org.apache.logging.log4j:log4j-to-slf4j:2.17.2"},
			why: map[string]string{"ch.qos.logback:logback-classic": "Spring Boot 2.7.10 manages Logback 1.2.11"}},
		// Both starters reach spring-boot-starter at the same depth; Maven
		// keeps the first declared path, and its exclusions with it.
		{name: "an exclusion on the first declared path holds",
			declared: []facts.Dependency{
				dep("org.springframework.boot:spring-boot-starter-web:2.7.10", "org.springframework.boot:spring-boot-starter-logging"),
				dep("org.springframework.boot:spring-boot-starter-actuator:2.7.10")},
			absent: []string{"ch.qos.logback:logback-classic", "org.springframework.boot:spring-boot-starter-logging"}},
		{name: "an exclusion on a later path does not",
			declared: []facts.Dependency{
				dep("org.springframework.boot:spring-boot-starter-actuator:2.7.10"),
				dep("org.springframework.boot:spring-boot-starter-web:2.7.10", "org.springframework.boot:spring-boot-starter-logging")},
			want: []string{"ch.qos.logback:logback-classic:1.2.11"}},
		{name: "excluded on every path, the backend is not brought",
			declared: []facts.Dependency{
				dep("org.springframework.boot:spring-boot-starter-web:3.1.5", "org.springframework.boot:spring-boot-starter-logging"),
				dep("org.springframework.boot:spring-boot-starter-log4j2:3.1.5")},
			want:   []string{"org.apache.logging.log4j:log4j-slf4j2-impl:2.20.0", "org.apache.logging.log4j:log4j-core:2.20.0"},
			absent: []string{"ch.qos.logback:logback-classic", "org.apache.logging.log4j:log4j-slf4j-impl"}},
		{name: "a wildcard exclusion on the starter",
			declared: []facts.Dependency{dep("org.springframework.boot:spring-boot-starter-web:2.7.10", "ch.qos.logback:*")},
			want:     []string{"org.springframework.boot:spring-boot-starter-logging:2.7.10"},
			absent:   []string{"ch.qos.logback:logback-classic", "ch.qos.logback:logback-core"}},
		// logback-core comes through the starter's path, at the version
		// the release's logback-classic brings.
		{name: "nearest wins: a declared backend is not replaced by the starter's",
			declared: []facts.Dependency{dep("org.springframework.boot:spring-boot-starter:2.7.10"), dep("ch.qos.logback:logback-classic:1.4.14")},
			want:     []string{"org.springframework.boot:spring-boot-starter-logging:2.7.10"},
			absent:   []string{"ch.qos.logback:logback-classic", "ch.qos.logback:logback-core"}},
		{name: "a library declared on its own is taken as declared",
			declared: []facts.Dependency{dep("ch.qos.logback:logback-classic:1.2.11"), dep("org.springframework:spring-context:5.3.26")},
			absent:   []string{"ch.qos.logback:logback-core", "org.springframework:spring-aop"}},
		{name: "the project's dependencyManagement decides brought versions",
			declared: []facts.Dependency{dep("org.springframework.boot:spring-boot-starter:2.7.10")},
			managed:  map[string]string{"ch.qos.logback:logback-classic": "1.2.13"},
			want:     []string{"ch.qos.logback:logback-classic:1.2.13", "ch.qos.logback:logback-core:1.2.13"}},
		{name: "Spring Boot 2 log4j2 starter",
			declared: []facts.Dependency{dep("org.springframework.boot:spring-boot-starter-log4j2:2.5.8")},
			want:     []string{"org.apache.logging.log4j:log4j-slf4j-impl:2.17.0"}},
		{name: "Dubbo 3 starter brings the all-in-one jar with dubbo-common's classes",
			declared: []facts.Dependency{dep("org.apache.dubbo:dubbo-spring-boot-starter:3.2.9")},
			want:     []string{"org.apache.dubbo:dubbo:3.2.9", "org.apache.dubbo:dubbo-common:3.2.9"}},
		{name: "Dubbo 2.7 starter",
			declared: []facts.Dependency{dep("org.apache.dubbo:dubbo-spring-boot-starter:2.7.8")},
			want:     []string{"org.apache.dubbo:dubbo:2.7.8"},
			absent:   []string{"org.apache.dubbo:dubbo-common"}},
		{name: "MyBatis and RocketMQ starters bring their clients",
			declared: []facts.Dependency{dep("org.mybatis.spring.boot:mybatis-spring-boot-starter:3.0.4"), dep("org.apache.rocketmq:rocketmq-spring-boot-starter:2.0.2")},
			want:     []string{"org.mybatis:mybatis:3.5.17", "org.apache.rocketmq:rocketmq-client:4.4.0", "org.springframework.boot:spring-boot-starter:"},
			why:      map[string]string{"org.springframework.boot:spring-boot-starter": "the Spring Boot version org.mybatis.spring.boot:mybatis-spring-boot-starter is built with"}},
		{name: "a starter release kscan does not know gives an unknown, marked version",
			declared: []facts.Dependency{dep("org.mybatis.spring.boot:mybatis-spring-boot-starter:9.9.9")},
			want:     []string{"org.mybatis:mybatis:"},
			why:      map[string]string{"org.mybatis:mybatis": "9.9.9 is not in kscan's facts"}},
		{name: "a Spring Boot release kscan does not know",
			declared: []facts.Dependency{dep("org.springframework.boot:spring-boot-starter:2.7.99")},
			want:     []string{"org.springframework.boot:spring-boot:2.7.99", "ch.qos.logback:logback-classic:"},
			why:      map[string]string{"ch.qos.logback:logback-classic": "Spring Boot 2.7.99 is not in kscan's facts"}},
		{name: "a starter of unknown version",
			declared: []facts.Dependency{dep("org.springframework.boot:spring-boot-starter-web")},
			want:     []string{"org.springframework.boot:spring-boot:"},
			why:      map[string]string{"org.springframework.boot:spring-boot": "the version of org.springframework.boot:spring-boot-starter-web is unknown"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var managed func(g, a string) (string, string)
			if tc.managed != nil {
				managed = func(g, a string) (string, string) { return tc.managed[g+":"+a], "dependencyManagement pom.xml:9" }
			}
			got := map[string]facts.Dependency{}
			for _, d := range Implied(tc.declared, managed) {
				if _, dup := got[d.Key()]; dup {
					t.Errorf("%s brought twice", d.Key())
				}
				if d.Source != "implied" || d.Line != 1 || d.Path != "pom.xml" {
					t.Errorf("%s: source %s at %s:%d", d.Key(), d.Source, d.Path, d.Line)
				}
				got[d.Key()] = d
			}
			for _, w := range tc.want {
				i := strings.LastIndexByte(w, ':')
				key, v := w[:i], w[i+1:]
				d, ok := got[key]
				if !ok {
					t.Errorf("%s not brought", key)
					continue
				}
				if d.Version != v {
					t.Errorf("%s: version %q, want %q (%s)", key, d.Version, v, d.Evidence)
				}
				if v == "" && !strings.Contains(d.Evidence, "version unknown: ") {
					t.Errorf("%s: unknown version not marked: %s", key, d.Evidence)
				}
			}
			for _, a := range tc.absent {
				if d, ok := got[a]; ok {
					t.Errorf("%s brought: %s", a, d.Evidence)
				}
			}
			for k, w := range tc.why {
				if !strings.Contains(got[k].Evidence, w) {
					t.Errorf("%s: evidence %q lacks %q", k, got[k].Evidence, w)
				}
			}
		})
	}
}

// TestManagedFacts: the embedded facts cover Spring Boot 2.0 to 3.x.
func TestManagedFacts(t *testing.T) {
	for _, c := range []struct{ boot, g, a, want string }{
		{"2.0.0", "ch.qos.logback", "logback-classic", "1.2.3"},
		{"2.7.12", "org.springframework", "spring-aop", "5.3.27"},
		{"3.0.6", "org.springframework", "spring-aop", "6.0.8"},
		{"3.5.0", "org.springframework.boot", "spring-boot", "3.5.0"},
		{"2.7.10", "org.apache.tomcat.embed", "tomcat-embed-core", "9.0.73"},
		{"2.7.10", "com.fasterxml.jackson.core", "jackson-databind", "2.13.5"},
		{"2.7.10", "com.fasterxml.jackson.core", "jackson-core", ""},
		{"2.7.10", "mysql", "mysql-connector-java", ""},
	} {
		if got, _ := BootManagedVersion(c.boot, c.g, c.a); got != c.want {
			t.Errorf("Spring Boot %s %s:%s = %q, want %q", c.boot, c.g, c.a, got, c.want)
		}
	}
	for minor := 0; minor <= 7; minor++ {
		if !bootKnown("2." + string(rune('0'+minor)) + ".0") {
			t.Errorf("Spring Boot 2.%d.0 not in the facts", minor)
		}
	}
	for minor := 0; minor <= 5; minor++ {
		if !bootKnown("3." + string(rune('0'+minor)) + ".0") {
			t.Errorf("Spring Boot 3.%d.0 not in the facts", minor)
		}
	}
}

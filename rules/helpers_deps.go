package rules

import (
	"fmt"
	"strings"

	"github.com/kscan/kscan/adapters"
	"github.com/kscan/kscan/rules/facts"
)

// Helpers shared by the dependency rules (adapter-required,
// duplicate-framework-classes, logback-context-selector-missing,
// logging-binding-conflict).

// runtimeDeps are the dependencies that end up on the project's class path
// at run time: packaged scopes, and for a module only what it does not
// leave to the base.
func runtimeDeps(proj *facts.BuildProject) []*facts.Dependency {
	var out []*facts.Dependency
	for i := range proj.Dependencies {
		d := &proj.Dependencies[i]
		if !d.Packaged() || d.Shared || d.Optional {
			continue
		}
		out = append(out, d)
	}
	return out
}

// versionAtLeast compares with Maven's resolver ordering; an unknown
// version is never "at least" anything.
func versionAtLeast(v, min string) bool {
	if v == "" {
		return false
	}
	return adapters.Compare(adapters.ParseVersion(v), adapters.ParseVersion(min)) >= 0
}

// bases are the projects of the tree that build a Koupleless base.
func bases(ps []*facts.BuildProject) []*facts.BuildProject {
	var out []*facts.BuildProject
	for _, p := range ps {
		if p.Role == facts.RoleBase {
			out = append(out, p)
		}
	}
	return out
}

// depWhere says where a dependency is declared, for messages: the build
// file and line, and what implied it when it is not declared there.
func depWhere(d *facts.Dependency) string {
	s := d.Path
	if d.Line > 0 {
		s = fmt.Sprintf("%s:%d", d.Path, d.Line)
	}
	if d.Source == "implied" || d.Line == 0 && d.Evidence != "" {
		// Implied by a starter, or found inside a jar: say where exactly.
		s += ", " + d.Evidence
	}
	return s
}

// privateCopies must stay in the module (Koupleless docs).
var privateCopies = map[string]bool{
	"com.xuxueli:xxl-job-core": true, "net.oschina.j2cache:j2cache-core": true, "com.ctrip.framework.apollo:apollo-client": true,
}

// frameworks are what a base provides to its modules: a module's own copy
// is a second copy of the same classes in another ClassLoader (instanceof
// and casts fail across the boundary). This is the one list of them, known
// both by Maven coordinates (a group, its subgroups, or group:artifact) and
// by Java packages, so that dependency and class-path checks agree.
var frameworks = []struct {
	coords   []string
	packages []string
}{
	{[]string{"org.springframework"}, []string{"org.springframework."}},
	{[]string{"com.alipay.sofa"}, []string{"com.alipay.sofa."}},
	{[]string{"org.slf4j"}, []string{"org.slf4j."}},
	{[]string{"ch.qos.logback"}, []string{"ch.qos.logback."}},
	{[]string{"org.apache.logging.log4j"}, []string{"org.apache.logging.log4j."}},
	{[]string{"org.apache.tomcat.embed"}, []string{"org.apache.tomcat.", "org.apache.catalina."}},
	{[]string{"net.sf.ehcache"}, []string{"net.sf.ehcache."}},
	{[]string{"org.apache.dubbo"}, []string{"org.apache.dubbo."}},
	{[]string{"com.alibaba:dubbo"}, []string{"com.alibaba.dubbo."}},
	{[]string{"io.grpc"}, []string{"io.grpc."}},
	{[]string{"com.google.protobuf:protobuf-java"}, []string{"com.google.protobuf."}},
	{[]string{"org.apache.kafka:kafka-clients"}, []string{"org.apache.kafka."}},
	{[]string{"org.apache.rocketmq"}, []string{"org.apache.rocketmq."}},
	{[]string{"redis.clients:jedis"}, []string{"redis.clients.jedis."}},
	{[]string{"org.mybatis"}, []string{"org.apache.ibatis.", "org.mybatis."}},
	{[]string{"com.alibaba:druid"}, []string{"com.alibaba.druid."}},
	{[]string{"mysql:mysql-connector-java", "com.mysql:mysql-connector-j"}, []string{"com.mysql."}},
	{[]string{"org.postgresql"}, []string{"org.postgresql."}},
	{[]string{"org.mongodb"}, []string{"com.mongodb.", "org.bson."}},
	{[]string{"org.hibernate"}, []string{"org.hibernate."}},
	{[]string{"com.squareup.okhttp3"}, []string{"okhttp3."}},
	{[]string{"org.elasticsearch"}, []string{"org.elasticsearch."}},
}

// isFramework reports a dependency on a framework a base provides.
func isFramework(d *facts.Dependency) bool {
	for _, f := range frameworks {
		for _, c := range f.coords {
			if strings.Contains(c, ":") {
				if d.Key() == c {
					return true
				}
			} else if d.GroupID == c || strings.HasPrefix(d.GroupID, c+".") {
				return true
			}
		}
	}
	return false
}

// isFrameworkClass reports a class of a framework a base provides.
func isFrameworkClass(name string) bool {
	for _, f := range frameworks {
		for _, p := range f.packages {
			if strings.HasPrefix(name, p) {
				return true
			}
		}
	}
	return false
}

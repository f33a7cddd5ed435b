package rules

import (
	"fmt"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var duplicateFrameworkClassesRule = register(&Rule{
	ID:     "duplicate-framework-classes",
	Hazard: "H12",
	Title:  "Module packages a framework its base provides",
	Summary: "A class loaded both by the base and by a module is two classes: instanceof and assignments across " +
		"the boundary fail with LinkageError or ClassCastException (\"... is not assignable to ...\"). Frameworks, " +
		"logging and supported middleware belong in the base and are provided in modules.",
	Tags:      []string{"koupleless", "dependencies", "classloader"},
	Precision: "high",
	Default:   SeverityHigh,
	Severity:  map[facts.Role]Severity{facts.RoleModule: SeverityHigh, facts.RolePrivate: SeverityHigh},
	CheckDeps: checkDuplicateFrameworkClasses,
})

// frameworkGroups are the groups a base provides to its modules
// (frameworks, logging, supported middleware); a module's own copy is a
// duplicate class.
var frameworkGroups = []string{
	"org.springframework", "com.alipay.sofa", "org.slf4j", "ch.qos.logback", "org.apache.logging.log4j",
	"org.apache.tomcat.embed", "net.sf.ehcache", "org.apache.dubbo", "com.alibaba:dubbo", "io.grpc",
	"com.google.protobuf:protobuf-java", "org.apache.kafka:kafka-clients", "org.apache.rocketmq", "redis.clients:jedis",
	"org.mybatis", "com.alibaba:druid", "mysql:mysql-connector-java", "com.mysql:mysql-connector-j", "org.postgresql",
	"org.mongodb", "org.hibernate", "com.squareup.okhttp3", "org.elasticsearch",
}

// privateCopies must stay in the module (Koupleless docs).
var privateCopies = map[string]bool{
	"com.xuxueli:xxl-job-core": true, "net.oschina.j2cache:j2cache-core": true, "com.ctrip.framework.apollo:apollo-client": true,
}

func isFramework(d *facts.Dependency) bool {
	for _, g := range frameworkGroups {
		if strings.Contains(g, ":") {
			if d.Key() == g {
				return true
			}
		} else if d.GroupID == g || strings.HasPrefix(d.GroupID, g+".") {
			return true
		}
	}
	return false
}

func checkDuplicateFrameworkClasses(p *DepsPass) {
	inBase := map[string]*facts.Dependency{}
	bs := bases(p.Projects)
	for _, b := range bs {
		for _, d := range runtimeDeps(b) {
			if _, ok := inBase[d.Key()]; !ok {
				inBase[d.Key()] = d
			}
		}
	}
	for _, proj := range p.Projects {
		if proj.Role != facts.RoleModule {
			continue
		}
		seen := map[string]bool{}
		for _, d := range runtimeDeps(proj) {
			if seen[d.Key()] || privateCopies[d.Key()] || d.ArtifactID == "koupleless-app-starter" {
				continue
			}
			seen[d.Key()] = true
			diag := Diagnostic{Path: d.Path, Span: d.Span, Context: facts.Context{Line: d.Line}}
			switch b := inBase[d.Key()]; {
			case b != nil:
				if !isFramework(d) {
					diag.Severity = SeverityMedium
				}
				diag.Message = fmt.Sprintf("the module packages %s, which the base also has (%s): its classes exist twice, in the base's and the module's ClassLoader (LinkageError, \"not assignable\"); declare it provided or exclude it", d.GAV(), depWhere(b))
			case len(bs) == 0 && isFramework(d):
				diag.Severity = SeverityMedium
				diag.Message = fmt.Sprintf("the module packages %s, a framework the base provides to its modules: its classes would exist twice (LinkageError, \"not assignable\"); declare it provided or exclude it", d.GAV())
			default:
				continue
			}
			line := fmt.Sprintf("%s:%d", d.Path, d.Line)
			if seen[line] {
				continue // what a starter brings is reported once, on the starter
			}
			seen[line] = true
			if d.Source == "implied" {
				diag.Message += " (" + d.Evidence + ")"
			}
			p.Report(proj, diag)
		}
	}
}

package rules

import (
	"fmt"
	"sort"
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
	// The built side: the same framework classes in a module's archive and
	// in a shared one.
	CheckClassPath: checkDuplicateClasses,
})

// privateCopies must stay in the module (Koupleless docs).
var privateCopies = map[string]bool{
	"com.xuxueli:xxl-job-core": true, "net.oschina.j2cache:j2cache-core": true, "com.ctrip.framework.apollo:apollo-client": true,
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

// checkDuplicateClasses reports framework classes that a module's archive
// bundles while a shared one ships them too: loaded twice, instanceof and
// casts fail across the module boundary. One finding per pair of archives.
func checkDuplicateClasses(p *ProjectPass) {
	type pair struct{ mod, shared facts.ArchiveRef }
	byPair := map[string][]string{}
	pairs := map[string]pair{}
	for name, jars := range p.ClassPath.Classes {
		if len(jars) < 2 || !isFrameworkClass(name) {
			continue
		}
		for _, m := range jars {
			if m.Role != facts.RoleModule && m.Role != facts.RolePrivate {
				continue
			}
			for _, s := range jars {
				if s.Role == facts.RoleShared || s.Role == facts.RoleBase {
					k := m.Archive + "\x00" + s.Archive
					byPair[k] = append(byPair[k], name)
					pairs[k] = pair{m, s}
				}
			}
		}
	}
	keys := make([]string, 0, len(byPair))
	for k := range byPair {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		names := byPair[k]
		sort.Strings(names)
		pr := pairs[k]
		p.ReportArchive(pr.mod, k, Diagnostic{Severity: SeverityHigh, Message: fmt.Sprintf(
			"%d framework classes (%s, ...) are bundled in %s and also shipped by %s: loaded twice, instanceof and casts fail across the module boundary [in %s]",
			len(names), names[0], pr.mod.Archive, pr.shared.Archive, pr.mod.Archive)})
	}
}

package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

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

// archiveList names up to four archives for a message.
func archiveList(js []facts.ArchiveRef) string {
	var names []string
	for _, j := range js {
		names = append(names, j.Archive)
	}
	if len(names) > 4 {
		names = append(names[:4], "...")
	}
	return strings.Join(names, ", ")
}

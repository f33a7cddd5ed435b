package scanner

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/archive"
)

// classPath collects what the archives of one scan put on a class path
// side by side: service provider files, spring.factories keys and class
// names, to find the same interface, key or class shipped by several jars
// (the provider side of serviceloader-default-loader,
// duplicate-framework-classes).
type classPath struct {
	mu sync.Mutex
	// services: interface (or "spring.factories key") -> providing archives
	services map[string]map[string]cpJar
	// classes: class name -> archives that hold it
	classes map[string]map[string]cpJar
	// resources are the base-name globs of files the rules read
	// (application*.properties, logback*.xml, ...).
	resources []string
}

// cpJar is one archive as the class path sees it.
type cpJar struct {
	archive string // logical path of the archive holding the entry
	anchor  string // the outermost file in the tree
	role    facts.Role
}

func newClassPath() *classPath {
	return &classPath{services: map[string]map[string]cpJar{}, classes: map[string]map[string]cpJar{}}
}

func (cp *classPath) wants(name string) bool {
	return strings.HasPrefix(name, "META-INF/services/") && len(name) > len("META-INF/services/") ||
		name == "META-INF/spring.factories"
}

func (cp *classPath) put(m map[string]map[string]cpJar, key string, j cpJar) {
	if m[key] == nil {
		m[key] = map[string]cpJar{}
	}
	m[key][j.archive] = j
}

func (cp *classPath) addClass(name string, e *archive.Entry, anchor string, role facts.Role) {
	cp.mu.Lock()
	cp.put(cp.classes, name, cpJar{archive: e.Archive, anchor: anchor, role: role})
	cp.mu.Unlock()
}

func (cp *classPath) addResource(e *archive.Entry, data []byte, anchor string, role facts.Role) {
	j := cpJar{archive: e.Archive, anchor: anchor, role: role}
	cp.mu.Lock()
	defer cp.mu.Unlock()
	if e.Name == "META-INF/spring.factories" {
		for _, k := range factoryKeys(data) {
			cp.put(cp.services, "spring.factories "+k, j)
		}
		return
	}
	if hasProvider(data) {
		cp.put(cp.services, strings.TrimPrefix(e.Name, "META-INF/services/"), j)
	}
}

// hasProvider reports a provider line: not blank, not only a comment.
func hasProvider(data []byte) bool {
	for _, l := range bytes.Split(data, []byte("\n")) {
		if i := bytes.IndexByte(l, '#'); i >= 0 {
			l = l[:i]
		}
		if len(bytes.TrimSpace(l)) > 0 {
			return true
		}
	}
	return false
}

// factoryKeys lists the keys of a spring.factories properties file.
func factoryKeys(data []byte) []string {
	var keys []string
	cont := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		wasCont := cont
		cont = strings.HasSuffix(l, "\\")
		if wasCont || l == "" || l[0] == '#' || l[0] == '!' {
			continue
		}
		if i := strings.IndexAny(l, "=:"); i > 0 {
			keys = append(keys, strings.TrimSpace(l[:i]))
		}
	}
	return keys
}

// frameworkPrefixes are the framework packages of
// duplicate-framework-classes: one copy must come from the base, or
// instanceof checks fail across loaders.
var frameworkPrefixes = []string{
	"org.springframework.", "com.alipay.sofa.", "org.slf4j.", "ch.qos.logback.", "org.apache.logging.log4j.",
	"org.apache.tomcat.", "org.apache.catalina.", "net.sf.ehcache.", "org.apache.dubbo.", "com.alibaba.dubbo.",
	"io.grpc.", "com.google.protobuf.", "org.apache.kafka.",
}

func isFramework(name string) bool {
	for _, p := range frameworkPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// findings reports, for the enabled rules: service interfaces and
// spring.factories keys provided by several archives
// (serviceloader-default-loader: whichever loader looks first decides
// which providers every app gets), and framework classes that a module's
// archive bundles while a shared one ships them too
// (duplicate-framework-classes), one finding per pair of archives.
func (cp *classPath) findings(p *plan) []rules.Finding {
	enabled := map[string]*rules.Rule{}
	for _, r := range p.rules {
		enabled[r.ID] = r
	}
	var out []rules.Finding
	if r := enabled["serviceloader-default-loader"]; r != nil {
		for _, key := range sortedKeys(cp.services) {
			jars := sortedJars(cp.services[key])
			if len(jars) < 2 {
				continue
			}
			what := "service " + key
			if strings.HasPrefix(key, "spring.factories ") {
				what = "spring.factories key " + strings.TrimPrefix(key, "spring.factories ")
			}
			for _, j := range jars {
				out = appendCP(out, r, j, rules.SeverityLow, fmt.Sprintf("%s is provided by %d archives (%s): the providers a lookup sees depend on which ClassLoader runs it, and a result cached by the first app is every app's [in %s]",
					what, len(jars), archiveList(jars), j.archive), key)
			}
		}
	}
	if r := enabled["duplicate-framework-classes"]; r != nil {
		type pair struct{ mod, shared cpJar }
		byPair := map[string][]string{}
		pairs := map[string]pair{}
		for name, jars := range cp.classes {
			if len(jars) < 2 || !isFramework(name) {
				continue
			}
			for _, m := range jars {
				if m.role != facts.RoleModule && m.role != facts.RolePrivate {
					continue
				}
				for _, s := range jars {
					if s.role == facts.RoleShared || s.role == facts.RoleBase {
						k := m.archive + "\x00" + s.archive
						byPair[k] = append(byPair[k], name)
						pairs[k] = pair{m, s}
					}
				}
			}
		}
		for _, k := range sortedKeys(byPair) {
			names := byPair[k]
			sort.Strings(names)
			pr := pairs[k]
			out = appendCP(out, r, pr.mod, rules.SeverityHigh, fmt.Sprintf("%d framework classes (%s, ...) are bundled in %s and also shipped by %s: loaded twice, instanceof and casts fail across the module boundary [in %s]",
				len(names), names[0], pr.mod.archive, pr.shared.archive, pr.mod.archive), k)
		}
	}
	return out
}

func appendCP(out []rules.Finding, r *rules.Rule, j cpJar, cap rules.Severity, msg, key string) []rules.Finding {
	sev := r.SeverityFor(j.role)
	if sev == rules.SeverityNone {
		return out
	}
	sev = min(sev, cap)
	sum := sha256.Sum256([]byte(r.ID + "\x00" + j.archive + "\x00" + key))
	f := rules.Finding{RuleID: r.ID, Severity: sev, Level: sev.Level(), Message: msg, Path: j.anchor,
		Region: rules.Region{StartLine: 1}, Entry: j.archive, Fingerprint: hex.EncodeToString(sum[:8]) + ":1"}
	if j.role != facts.RoleUnknown {
		f.Role = j.role.String()
	}
	return append(out, f)
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func sortedJars(m map[string]cpJar) []cpJar {
	var out []cpJar
	for _, k := range sortedKeys(m) {
		out = append(out, m[k])
	}
	return out
}

func archiveList(js []cpJar) string {
	var names []string
	for _, j := range js {
		names = append(names, j.archive)
	}
	if len(names) > 4 {
		names = append(names[:4], "...")
	}
	return strings.Join(names, ", ")
}

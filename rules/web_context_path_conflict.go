package rules

import (
	"bytes"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var webContextPathRule = register(&Rule{
	ID:     "web-context-path-conflict",
	Hazard: "H27",
	Title:  "Module web context bound to the root path",
	Summary: "In single-host mode every module registers a Tomcat context in the base's host. A module whose " +
		"context path is the root ('/' or empty) collides with the base and with every other such module: " +
		"\"Child name ... is not unique\".",
	Tags:          []string{"koupleless", "config", "web"},
	Precision:     "high",
	Default:       SeverityMedium,
	Severity:      map[facts.Role]Severity{facts.RoleModule: SeverityMedium},
	Resources:     []string{"application*.properties", "application*.yml", "application*.yaml"},
	Keywords:      []string{"setContextPath"},
	Calls:         []string{"setContextPath"},
	Check:         checkWebContextPathJava,
	CheckResource: checkWebContextPathResource,
})

// contextPathKeys are the Spring Boot keys for the servlet context path,
// with relaxed-binding spellings.
var contextPathKeys = map[string]bool{
	"server.servlet.context-path": true, "server.servlet.contextpath": true, "server.servlet.context_path": true,
	"server.context-path": true, "server.contextpath": true, "server.context_path": true,
}

func isRootPath(v string) bool {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
		v = v[1 : len(v)-1]
	}
	return v == "" || v == "/"
}

func checkWebContextPathResource(p *ResourcePass) {
	name := p.Path[strings.LastIndexByte(p.Path, '/')+1:]
	var hits []facts.Span
	if strings.HasSuffix(name, ".properties") {
		hits = propertiesRootContext(p.Src)
	} else {
		hits = yamlRootContext(p.Src)
	}
	for _, s := range hits {
		line := 1 + bytes.Count(p.Src[:s.Start], []byte{'\n'})
		p.Report(Diagnostic{
			Message: "the module's servlet context path is the root: in single-host mode it collides with the base and other modules (\"Child name ... is not unique\"); give the module its own path (webContextPath)",
			Span:    s, Context: facts.Context{Line: line},
		})
	}
}

// propertiesRootContext finds "key = value" lines with a context-path key
// and a root value. Continuation lines and unicode escapes in keys are rare
// in these keys and not handled.
func propertiesRootContext(src []byte) []facts.Span {
	var out []facts.Span
	off := 0
	for _, line := range strings.SplitAfter(string(src), "\n") {
		start := off
		off += len(line)
		body := strings.TrimRight(line, "\r\n")
		trimmed := strings.TrimLeft(body, " \t\f")
		if trimmed == "" || trimmed[0] == '#' || trimmed[0] == '!' {
			continue
		}
		i := strings.IndexAny(trimmed, "=: \t")
		key, value := trimmed, ""
		if i >= 0 {
			key = trimmed[:i]
			value = strings.TrimLeft(trimmed[i:], " \t\f")
			if value != "" && (value[0] == '=' || value[0] == ':') {
				value = value[1:]
			}
		}
		if contextPathKeys[strings.ToLower(key)] && isRootPath(value) {
			lead := len(body) - len(trimmed)
			out = append(out, facts.Span{Start: start + lead, End: start + len(body)})
		}
	}
	return out
}

var yamlKeyRE = lazyRE(`^(\s*)(?:-\s+)?([A-Za-z0-9_.\-]+)\s*:(?:\s+|$)(.*)$`)

// yamlRootContext follows block-style nesting by indentation (server:,
// servlet:, context-path:) and dotted keys (server.servlet.context-path:).
// Documents separated by --- restart the path.
func yamlRootContext(src []byte) []facts.Span {
	type level struct {
		indent int
		key    string
	}
	var out []facts.Span
	var stack []level
	off := 0
	for _, line := range strings.SplitAfter(string(src), "\n") {
		start := off
		off += len(line)
		body := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(body, "---") {
			stack = stack[:0]
			continue
		}
		t := strings.TrimSpace(body)
		if t == "" || t[0] == '#' {
			continue
		}
		m := yamlKeyRE.FindStringSubmatch(body)
		if m == nil {
			continue
		}
		indent := len(m[1])
		for len(stack) > 0 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		var path []string
		for _, l := range stack {
			path = append(path, l.key)
		}
		path = append(path, m[2])
		full := strings.ToLower(strings.Join(path, "."))
		value := m[3]
		if k := strings.Index(value, " #"); k >= 0 {
			value = value[:k]
		}
		value = strings.TrimSpace(value)
		if value == "" {
			stack = append(stack, level{indent: indent, key: m[2]})
			// "context-path:" with nothing after it is null, not root: only an
			// explicit value counts.
			continue
		}
		if contextPathKeys[full] && isRootPath(value) {
			out = append(out, facts.Span{Start: start + indent, End: start + len(body)})
		}
	}
	return out
}

// webServerFactories are the Spring Boot types whose setContextPath sets the
// servlet context path (Boot 2+ and Boot 1.x names).
var webServerFactories = map[string]bool{
	"org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory":        true,
	"org.springframework.boot.web.servlet.server.AbstractServletWebServerFactory":            true,
	"org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory":             true,
	"org.springframework.boot.web.embedded.jetty.JettyServletWebServerFactory":               true,
	"org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory":         true,
	"org.springframework.boot.context.embedded.ConfigurableEmbeddedServletContainer":         true,
	"org.springframework.boot.context.embedded.AbstractEmbeddedServletContainerFactory":      true,
	"org.springframework.boot.context.embedded.tomcat.TomcatEmbeddedServletContainerFactory": true,
	"org.springframework.boot.autoconfigure.web.ServerProperties":                            true,
}

func checkWebContextPathJava(p *Pass) {
	calls(p, func(c *facts.Call) {
		if c.Name != "setContextPath" || !webServerFactories[c.Owner] || len(c.Args) != 1 {
			return
		}
		if a := c.Args[0]; a.Kind != facts.ExprString || !isRootPath(a.Value) {
			return
		}
		p.Report(Diagnostic{
			Message: "the module's servlet context path is set to the root: in single-host mode it collides with the base and other modules (\"Child name ... is not unique\"); give the module its own path",
			Span:    c.Span, Context: c.Context,
		})
	})
}

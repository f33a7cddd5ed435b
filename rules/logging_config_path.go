package rules

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var loggingConfigPathRule = register(&Rule{
	ID:     "logging-config-path",
	Hazard: "H29",
	Title:  "Log file path that is the same for every app",
	Summary: "Every app in the base must write its own log files. A logback or log4j2 file appender whose path has " +
		"no per-app part (the Spring application name) makes the base and every module write to the same files; " +
		"log4j2's ${bundle:application:...} always reads the base's application.properties.",
	Tags:      []string{"koupleless", "logging", "config"},
	Precision: "low",
	// Where the role is unknown the configuration may as well be a
	// standalone server's or a plugin host's: a note (a sample of fresh
	// applications' configurations held 11 real of 40, most of the rest
	// distributions' own files).
	Default:       SeverityLow,
	Severity:      map[facts.Role]Severity{facts.RoleBase: SeverityMedium, facts.RoleModule: SeverityMedium},
	Resources:     []string{"logback*.xml", "log4j2*.xml", "log4j2*.yaml", "log4j2*.yml", "log4j2*.json", "log4j2*.properties"},
	CheckResource: checkLoggingConfigPath,
})

var (
	// A logback <file> or <fileNamePattern> element's text.
	logbackPathRE = lazyRE(`(?i)<(file|fileNamePattern)>\s*([^<]*?)\s*</(?:file|fileNamePattern)>`)
	// A log4j2 fileName / filePattern in XML attributes, properties, YAML or JSON.
	log4j2PathRE = lazyRE(`(?im)\b(fileName|filePattern)"?\s*[=:]\s*"?([^"\r\n,]+?)"?\s*,?\s*$`)
	log4j2AttrRE = lazyRE(`\b(fileName|filePattern)\s*=\s*"([^"]*)"`)
	springPropRE = lazyRE(`<springProperty\b[^>]*>`)
	attrRE       = lazyRE(`\b(name|source|value)\s*=\s*"([^"]*)"`)
	propertyRE   = lazyRE(`(?i)<property\b([^>]*?)(?:/>|>([^<]*)</property>)`)
	propsFileRE  = lazyRE(`(?m)^\s*property\.([\w.-]+)\s*=\s*(.*)$`)
	varRefRE     = lazyRE(`\$\{([^}:]+)(?::-[^}]*)?\}`)
	appenderRE   = lazyRE(`(?is)<appender\b.*?</appender>`)
	startTagRE   = lazyRE(`<[A-Za-z][\w.-]*\b[^>]*>`)
)

func checkLoggingConfigPath(p *ResourcePass) {
	src := p.Src
	name := p.Path[strings.LastIndexByte(p.Path, '/')+1:]
	if strings.HasSuffix(name, ".xml") {
		// An appender or property commented out is not configuration.
		src = blankXMLComments(src)
	}
	log4j2 := strings.HasPrefix(name, "log4j2")
	defs := map[string]string{} // variable -> definition ("" value for app-name sources)
	appVars := map[string]bool{}
	for _, m := range springPropRE.FindAll(src, -1) {
		a := attrs(m)
		if a["source"] == "spring.application.name" {
			appVars[a["name"]] = true
		}
	}
	for _, m := range propertyRE.FindAllSubmatch(src, -1) {
		a := attrs(m[1])
		if a["name"] != "" {
			v := a["value"]
			if v == "" {
				v = string(m[2])
			}
			defs[a["name"]] = v
		}
	}
	for _, m := range propsFileRE.FindAllSubmatch(src, -1) {
		defs[string(m[1])] = string(m[2])
	}
	module := moduleDirName(p.Path)
	var perApp func(text string, depth int) bool
	perApp = func(text string, depth int) bool {
		if strings.Contains(text, "${ctx:spring.application.name}") || strings.Contains(text, "${spring:spring.application.name}") {
			return true
		}
		if namesModule(text, module) {
			return true
		}
		if depth > 8 {
			return false
		}
		for _, r := range varRefRE.FindAllStringSubmatch(text, -1) {
			v := r[1]
			if appVars[v] || v == "spring.application.name" {
				return true
			}
			if def, ok := defs[v]; ok && perApp(def, depth+1) {
				return true
			}
		}
		return false
	}
	report := func(start, end int, sev Severity, msg string) {
		p.Report(Diagnostic{Span: facts.Span{Start: start, End: end}, Severity: sev, Message: msg,
			Context: facts.Context{Line: 1 + bytes.Count(src[:start], []byte{'\n'})}})
	}
	for _, loc := range bundleLookupRE.FindAllIndex(src, -1) {
		report(loc[0], loc[1], SeverityHigh, "${bundle:application:...} reads application.properties through the base's ClassLoader: every module gets the base's value; use ${ctx:...}")
	}
	re := logbackPathRE
	switch {
	case log4j2 && strings.HasSuffix(name, ".xml"):
		re = log4j2AttrRE
	case log4j2:
		re = log4j2PathRE
	}
	// One appender is one hazard: its file and its rolling pattern name
	// the same files, so only the first path of an element is reported.
	var owners [][]int
	switch {
	case log4j2 && strings.HasSuffix(name, ".xml"):
		owners = startTagRE.FindAllIndex(src, -1)
	case !log4j2:
		owners = appenderRE.FindAllIndex(src, -1)
	}
	reported := map[int]bool{}
	for _, m := range re.FindAllSubmatchIndex(src, -1) {
		s, e := m[4], m[5]
		text := string(src[s:e])
		if text == "" || strings.Contains(text, "${bundle:application:") {
			continue
		}
		owner := -1
		for i, o := range owners {
			if o[0] <= s && e <= o[1] {
				owner = i
				break
			}
		}
		if owner >= 0 && reported[owner] {
			continue
		}
		switch {
		case !perApp(text, 0):
			reported[owner] = true
			report(s, e, 0, fmt.Sprintf("log file path %q has no per-app part: the base and every module write the same files; add the application name (a springProperty of spring.application.name, or ${ctx:spring.application.name})", text))
		case strings.Contains(text, "${LOG_PATH}") || strings.Contains(text, "${LOG_FILE}") || strings.Contains(text, "${sys:LOG_PATH}"):
			reported[owner] = true
			report(s, e, p.atMost(SeverityLow), fmt.Sprintf("log file path %q uses LOG_PATH/LOG_FILE, which Spring Boot publishes as JVM-wide System properties: apps starting together can see each other's value", text))
		}
	}
}

func attrs(tag []byte) map[string]string {
	out := map[string]string{}
	for _, m := range attrRE.FindAllSubmatch(tag, -1) {
		out[string(m[1])] = string(m[2])
	}
	return out
}

// atMost caps a severity at the rule's severity for the pass's role.
func (p *ResourcePass) atMost(s Severity) Severity {
	if base := p.Rule.SeverityFor(p.Role); base < s {
		return base
	}
	return s
}

var bundleLookupRE = lazyRE(`\$\{bundle:application:[^}]*\}`)

// blankXMLComments returns src with the text of every XML comment replaced
// by spaces (newlines kept), so offsets and lines stay those of src.
func blankXMLComments(src []byte) []byte {
	start := bytes.Index(src, []byte("<!--"))
	if start < 0 {
		return src
	}
	out := append([]byte(nil), src...)
	for start >= 0 {
		end := bytes.Index(out[start+4:], []byte("-->"))
		stop := len(out)
		if end >= 0 {
			stop = start + 4 + end + 3
		}
		for i := start; i < stop; i++ {
			if out[i] != '\n' && out[i] != '\r' {
				out[i] = ' '
			}
		}
		if end < 0 {
			break
		}
		next := bytes.Index(out[stop:], []byte("<!--"))
		if next < 0 {
			break
		}
		start = stop + next
	}
	return out
}

// moduleDirName is the directory of the module a configuration belongs
// to (the one holding its src/main/resources), when that name has two
// words or more (xxl-job-admin, order_service): a one-word name (app, web,
// server) is too common to tell apps apart. "" otherwise.
func moduleDirName(path string) string {
	i := strings.Index(path, "src/main/resources/")
	if i <= 0 || path[i-1] != '/' {
		return ""
	}
	dir := path[:i-1]
	name := dir[strings.LastIndexByte(dir, '/')+1:]
	if !strings.ContainsAny(name, "-_.") || strings.Trim(name, "-_.") != name {
		return ""
	}
	return name
}

// namesModule reports a log path with a directory or file named after the
// module itself (/data/applogs/xxl-job/xxl-job-admin.log in the module
// xxl-job-admin): only that application writes there.
func namesModule(path, module string) bool {
	if module == "" {
		return false
	}
	// A variable's default names a segment too: ${log.app-name:-shenyu-admin}.
	path = strings.NewReplacer("${", "/", "}", "/", ":-", "/").Replace(path)
	for _, seg := range strings.FieldsFunc(path, func(r rune) bool { return r == '/' || r == '\\' }) {
		if seg == module {
			return true
		}
		if rest, ok := strings.CutPrefix(seg, module); ok && rest != "" && strings.ContainsRune(".-_", rune(rest[0])) {
			return true
		}
	}
	return false
}

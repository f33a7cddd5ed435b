package deps

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// ParseGradleLockfile reads gradle.lockfile ("group:name:version=conf1,conf2",
// "empty=..." lines, '#' comments) and the older per-configuration
// lockfiles (bare "group:name:version" lines). An entry whose
// configurations all start with "test" gets Scope "test"; others
// "compile".
func ParseGradleLockfile(file string, data []byte) ([]Dependency, error) {
	if len(data) > MaxListSize {
		return nil, fmt.Errorf("%s: %d bytes exceeds the %d byte limit", file, len(data), MaxListSize)
	}
	var out []Dependency
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || s[0] == '#' || strings.HasPrefix(s, "empty=") {
			continue
		}
		gav, confs, _ := strings.Cut(s, "=")
		parts := strings.Split(gav, ":")
		if len(parts) != 3 || parts[0] == "" || parts[1] == "" || parts[2] == "" {
			continue
		}
		d := Dependency{
			Coordinate: Coordinate{GroupID: parts[0], ArtifactID: parts[1], Version: parts[2], Type: "jar"},
			Scope:      "compile",
			File:       file,
			Line:       line,
			Source:     GradleLock,
			Confidence: High,
			Evidence:   fmt.Sprintf("%s:%d locked", file, line),
		}
		test := confs != ""
		for _, c := range strings.Split(confs, ",") {
			if c = strings.TrimSpace(c); c == "" {
				continue
			}
			d.Configurations = append(d.Configurations, c)
			if !strings.HasPrefix(c, "test") {
				test = false
			}
		}
		if test {
			d.Scope = "test"
		}
		out = append(out, d)
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("%s:%d: %v", file, line+1, err)
	}
	return out, nil
}

// ParseVersionCatalog reads gradle/libs.versions.toml: [versions] and
// [libraries] in the string form ("g:a:v", "g:a") and the table forms
// (module or group+name; version as a string, version.ref, or a rich
// version table of which prefer, require and strictly are read, in that
// order). A library without a known version gets Confidence Medium and an
// empty Version. Entries are declarations: a build may not use them.
func ParseVersionCatalog(file string, data []byte) ([]Dependency, error) {
	doc, err := parseTOML(data)
	if err != nil {
		return nil, fmt.Errorf("%s:%v", file, err)
	}
	versions := map[string]string{}
	if vt := doc.get("versions"); vt != nil && vt.table != nil {
		for _, k := range vt.keys() {
			v := vt.table[k]
			switch {
			case v.isString:
				versions[k] = v.str
			case v.table != nil:
				if rv := richVersion(v); rv != "" {
					versions[k] = rv
				} else {
					// Dotted keys ("spring.boot = ...") nest; flatten them.
					flattenVersions(k, v, versions)
				}
			}
		}
	}
	var out []Dependency
	if lt := doc.get("libraries"); lt != nil && lt.table != nil {
		walkLibraries(file, "", lt, versions, &out)
	}
	SortDependencies(out)
	return out, nil
}

func flattenVersions(prefix string, v *tomlValue, versions map[string]string) {
	for _, k := range v.keys() {
		c := v.table[k]
		name := prefix + "." + k
		switch {
		case c.isString:
			versions[name] = c.str
		case c.table != nil:
			if rv := richVersion(c); rv != "" {
				versions[name] = rv
			} else {
				flattenVersions(name, c, versions)
			}
		}
	}
}

func richVersion(v *tomlValue) string {
	for _, k := range []string{"prefer", "require", "strictly"} {
		if c := v.get(k); c != nil && c.isString && c.str != "" {
			return c.str
		}
	}
	return ""
}

func walkLibraries(file, alias string, t *tomlValue, versions map[string]string, out *[]Dependency) {
	for _, k := range t.keys() {
		v := t.table[k]
		name := k
		if alias != "" {
			name = alias + "." + k
		}
		if v.isString {
			parts := strings.Split(v.str, ":")
			if len(parts) < 2 || len(parts) > 3 {
				continue
			}
			d := catalogDep(file, name, v.line, parts[0], parts[1])
			if len(parts) == 3 && parts[2] != "" {
				d.Version, d.Confidence = parts[2], High
			}
			*out = append(*out, d)
			continue
		}
		if v.table == nil {
			continue
		}
		g, a := "", ""
		if m := v.get("module"); m != nil && m.isString {
			g, a, _ = strings.Cut(m.str, ":")
		} else if gr, nm := v.get("group"), v.get("name"); gr != nil && nm != nil && gr.isString && nm.isString {
			g, a = gr.str, nm.str
		} else {
			walkLibraries(file, name, v, versions, out)
			continue
		}
		d := catalogDep(file, name, v.line, g, a)
		if ver := v.get("version"); ver != nil {
			switch {
			case ver.isString:
				d.Version = ver.str
			case ver.table != nil:
				if ref := ver.get("ref"); ref != nil && ref.isString {
					if rv, ok := versions[ref.str]; ok {
						d.Version = rv
						d.Evidence += fmt.Sprintf("; version.ref %s = %s", ref.str, rv)
					} else {
						d.Evidence += fmt.Sprintf("; version.ref %s is not defined in [versions]", ref.str)
					}
				} else {
					d.Version = richVersion(ver)
				}
			}
		}
		if d.Version != "" {
			d.Confidence = High
		}
		*out = append(*out, d)
	}
}

func catalogDep(file, alias string, line int, g, a string) Dependency {
	return Dependency{
		Coordinate: Coordinate{GroupID: strings.TrimSpace(g), ArtifactID: strings.TrimSpace(a), Type: "jar"},
		File:       file,
		Line:       line,
		Source:     GradleCatalog,
		Confidence: Medium,
		Evidence:   fmt.Sprintf("%s:%d library %s", file, line, alias),
	}
}

var (
	// A configuration call with a literal "group:name[:version[:classifier]][@ext]".
	gradleLiteral = regexp.MustCompile(`^\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(?\s*(?:(?:platform|enforcedPlatform|testFixtures)\s*\(\s*)?["']([^"'\s:$]+):([^"'\s:$]+)(?::([^"'\s:@]*))?(?::([^"'\s:@]+))?(?:@([A-Za-z0-9]+))?["']`)
	// The map form: group: 'x', name: 'y', version: 'z' (Groovy) or
	// group = "x", name = "y", version = "z" (Kotlin named arguments).
	gradleMapStart = regexp.MustCompile(`^\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(?\s*group\s*[:=]`)
	gradleMapArg   = regexp.MustCompile(`\b(group|name|version|classifier|ext)\s*[:=]\s*["']([^"']*)["']`)
	gradleKeywords = map[string]bool{"id": true, "version": true, "group": true, "name": true, "maven": true, "url": true, "println": true, "print": true, "mavenBom": true, "apply": true, "include": true, "project": true}
)

// ParseGradleScript finds literal coordinates in build.gradle /
// build.gradle.kts dependency declarations: `implementation "g:a:v"`,
// `api("g:a:v")`, `classpath 'g:a:v'`, platform(...) wrappers and the map
// form `implementation group: 'g', name: 'a', version: 'v'`. Build scripts
// are programs, so this is a best effort: variables ("$springVersion") are
// not resolved (Version is left empty), and every result has Confidence
// Low. Scope is the configuration name.
func ParseGradleScript(file string, data []byte) ([]Dependency, error) {
	if len(data) > MaxListSize {
		return nil, fmt.Errorf("%s: %d bytes exceeds the %d byte limit", file, len(data), MaxListSize)
	}
	var out []Dependency
	inBlock := false
	for i, raw := range strings.Split(string(data), "\n") {
		line := i + 1
		s := raw
		// Block comments: drop what lies inside /* ... */.
		if inBlock {
			end := strings.Index(s, "*/")
			if end < 0 {
				continue
			}
			s, inBlock = s[end+2:], false
		}
		if b := strings.Index(s, "/*"); b >= 0 && !insideQuotes(s, b) {
			if e := strings.Index(s[b+2:], "*/"); e >= 0 {
				s = s[:b] + s[b+2+e+2:]
			} else {
				s, inBlock = s[:b], true
			}
		}
		if c := strings.Index(s, "//"); c >= 0 && !insideQuotes(s, c) {
			s = s[:c]
		}
		if m := gradleLiteral.FindStringSubmatch(s); m != nil && !gradleKeywords[m[1]] {
			d := Dependency{
				Coordinate: Coordinate{GroupID: m[2], ArtifactID: m[3], Version: m[4], Classifier: m[5], Type: m[6]},
				Scope:      m[1],
				File:       file,
				Line:       line,
				Source:     GradleScript,
				Confidence: Low,
				Evidence:   fmt.Sprintf("%s:%d literal coordinate in %s", file, line, m[1]),
			}
			finishScriptDep(&d)
			out = append(out, d)
			continue
		}
		if m := gradleMapStart.FindStringSubmatch(s); m != nil && !gradleKeywords[m[1]] {
			args := map[string]string{}
			for _, a := range gradleMapArg.FindAllStringSubmatch(s, -1) {
				args[a[1]] = a[2]
			}
			if args["group"] == "" || args["name"] == "" {
				continue
			}
			d := Dependency{
				Coordinate: Coordinate{GroupID: args["group"], ArtifactID: args["name"], Version: args["version"], Classifier: args["classifier"], Type: args["ext"]},
				Scope:      m[1],
				File:       file,
				Line:       line,
				Source:     GradleScript,
				Confidence: Low,
				Evidence:   fmt.Sprintf("%s:%d map coordinate in %s", file, line, m[1]),
			}
			finishScriptDep(&d)
			out = append(out, d)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out, nil
}

func finishScriptDep(d *Dependency) {
	if strings.ContainsAny(d.Version, "$") {
		d.Evidence += fmt.Sprintf("; version %s not resolved", d.Version)
		d.Version = ""
	}
	if d.Type == "" {
		d.Type = "jar"
	}
	if strings.HasPrefix(d.Scope, "test") {
		d.Evidence += "; test configuration"
	}
}

// insideQuotes reports whether position i of s lies inside a quoted string.
func insideQuotes(s string, i int) bool {
	var q byte
	for j := 0; j < i && j < len(s); j++ {
		c := s[j]
		switch {
		case q != 0 && c == '\\':
			j++
		case q != 0 && c == q:
			q = 0
		case q == 0 && (c == '"' || c == '\''):
			q = c
		}
	}
	return q != 0
}

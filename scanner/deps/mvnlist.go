package deps

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// MaxListSize caps dependency:list / dependency:tree output and lockfiles.
const MaxListSize = 64 << 20

var mavenScopes = map[string]bool{"compile": true, "provided": true, "runtime": true, "test": true, "system": true, "import": true}

// ParseDependencyList reads saved output of `mvn dependency:list` or
// `mvn dependency:tree`: lines such as
//
//	[INFO]    org.slf4j:slf4j-api:jar:1.7.36:compile -- module org.slf4j
//	[INFO] |  +- io.netty:netty-transport-native-epoll:jar:linux-x86_64:4.1.94.Final:runtime (optional)
//
// Only entries with a scope count, which drops the tree's root (the project
// itself) and the plugin banners; verbose "(… - omitted for …)" entries are
// conflict losers and are skipped too.
func ParseDependencyList(file string, data []byte) ([]Dependency, error) {
	if len(data) > MaxListSize {
		return nil, fmt.Errorf("%s: %d bytes exceeds the %d byte limit", file, len(data), MaxListSize)
	}
	var out []Dependency
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		for _, pfx := range []string{"[INFO]", "[WARNING]", "[DEBUG]"} {
			if rest, ok := strings.CutPrefix(s, pfx); ok {
				s = rest
				break
			}
		}
		s = strings.TrimLeft(s, " \t|+-\\")
		if s == "" || s[0] == '(' {
			continue
		}
		tok, rest, _ := strings.Cut(s, " ")
		parts := strings.Split(tok, ":")
		var c Coordinate
		var scope string
		switch len(parts) {
		case 5: // g:a:type:version:scope
			c = Coordinate{GroupID: parts[0], ArtifactID: parts[1], Type: parts[2], Version: parts[3]}
			scope = parts[4]
		case 6: // g:a:type:classifier:version:scope
			c = Coordinate{GroupID: parts[0], ArtifactID: parts[1], Type: parts[2], Classifier: parts[3], Version: parts[4]}
			scope = parts[5]
		default:
			continue
		}
		if !mavenScopes[scope] || c.GroupID == "" || c.ArtifactID == "" || c.Version == "" || c.Type == "" {
			continue
		}
		out = append(out, Dependency{
			Coordinate: c,
			Scope:      scope,
			Optional:   strings.Contains(rest, "(optional)"),
			File:       file,
			Line:       line,
			Source:     MavenList,
			Confidence: High,
			Evidence:   fmt.Sprintf("%s:%d resolved by Maven", file, line),
		})
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("%s:%d: %v", file, line+1, err)
	}
	return out, nil
}

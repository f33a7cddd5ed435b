package deps

import (
	"bufio"
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// MaxManifestSize caps MANIFEST.MF, as a zip bomb guard.
const MaxManifestSize = 10 << 20

// ParseManifest returns the main section of a MANIFEST.MF (up to the first
// empty line): CR, LF and CRLF line ends, and continuation lines (a leading
// space) joined to the previous value, as the jar spec's 72-byte lines
// require. On a malformed line it returns what it read so far and an error
// naming the line.
func ParseManifest(data []byte) (map[string]string, error) {
	if len(data) > MaxManifestSize {
		return nil, fmt.Errorf("manifest of %d bytes exceeds the %d byte limit", len(data), MaxManifestSize)
	}
	attrs := map[string]string{}
	last := ""
	line := 0
	for len(data) > 0 {
		line++
		var l []byte
		i := bytes.IndexAny(data, "\r\n")
		if i < 0 {
			l, data = data, nil
		} else {
			l = data[:i]
			if data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			data = data[i+1:]
		}
		if len(l) == 0 {
			break // end of the main section
		}
		if l[0] == ' ' {
			if last == "" {
				return attrs, fmt.Errorf("manifest line %d: continuation without a header", line)
			}
			attrs[last] += string(l[1:])
			continue
		}
		k, v, ok := bytes.Cut(l, []byte(":"))
		name := string(bytes.TrimSpace(k))
		if !ok || name == "" {
			return attrs, fmt.Errorf("manifest line %d: no header name", line)
		}
		v = bytes.TrimPrefix(v, []byte(" "))
		last = name
		attrs[name] = string(v)
	}
	return attrs, nil
}

// ParsePomProperties reads a META-INF/maven/<g>/<a>/pom.properties.
func ParsePomProperties(data []byte) (Coordinate, error) {
	var c Coordinate
	sc := bufio.NewScanner(bytes.NewReader(data))
	// A buffer the size of the file, not 64 KB: a jar set has a
	// pom.properties per artifact, of a few hundred bytes each, and a
	// buffer of 64 KB each was 5 MB of fresh memory on 126 jars. The
	// longest line allowed is unchanged.
	sc.Buffer(make([]byte, 0, min(len(data)+1, 64<<10)), 1<<20)
	for sc.Scan() {
		s := strings.TrimSpace(sc.Text())
		if s == "" || s[0] == '#' || s[0] == '!' {
			continue
		}
		i := strings.IndexAny(s, "=:")
		if i < 0 {
			continue
		}
		k, v := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
		switch k {
		case "groupId":
			c.GroupID = v
		case "artifactId":
			c.ArtifactID = v
		case "version":
			c.Version = v
		}
	}
	if err := sc.Err(); err != nil {
		return c, err
	}
	if c.GroupID == "" || c.ArtifactID == "" || c.Version == "" {
		return c, fmt.Errorf("pom.properties lacks groupId, artifactId or version")
	}
	c.Type = "jar"
	return c, nil
}

var jarFileName = regexp.MustCompile(`^([a-zA-Z0-9._-]*[^-*])-(\d\S*(?:-SNAPSHOT)?)\.jar$`)

// ParseJarFileName splits "name-1.2.3.jar" into artifactId and version.
func ParseJarFileName(name string) (artifactID, version string, ok bool) {
	m := jarFileName.FindStringSubmatch(filepath.Base(name))
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// FromJarMetadata derives coordinates for one jar, from the best evidence
// present, in the order other jar scanners (trivy, osv-scalibr) use: every
// pom.properties (shaded jars carry several;
// the one matching the file name, or the only one, is the jar itself, the
// others are marked Shaded) with Confidence High; else the MANIFEST main
// section, Medium; else the file name, Low, with the manifest's group id if
// it has one (the group is left empty otherwise: guessing it would make
// rules match the wrong artifact). pomProps maps entry names to contents.
func FromJarMetadata(jarPath string, pomProps map[string][]byte, manifest []byte) []Dependency {
	fa, fv, fok := ParseJarFileName(jarPath)
	names := make([]string, 0, len(pomProps))
	for n := range pomProps {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []Dependency
	self := -1
	for _, n := range names {
		c, err := ParsePomProperties(pomProps[n])
		if err != nil {
			continue
		}
		if fok && c.ArtifactID == fa && c.Version == fv && self < 0 {
			self = len(out)
		}
		out = append(out, Dependency{
			Coordinate: c,
			File:       jarPath,
			Source:     JarPomProperties,
			Confidence: High,
			Evidence:   jarPath + "!/" + n,
			Via:        jarPath,
			Shaded:     true,
		})
	}
	if self < 0 && len(out) == 1 {
		self = 0
	}
	if self >= 0 {
		out[self].Shaded = false
		return out
	}
	var attrs map[string]string
	if len(manifest) > 0 {
		attrs, _ = ParseManifest(manifest)
	}
	g, a, v := manifestGAV(attrs)
	if g != "" && a != "" && v != "" {
		for i := range out {
			if out[i].GroupID == g && out[i].ArtifactID == a && out[i].Version == v {
				out[i].Shaded = false
				return out
			}
		}
		return append(out, Dependency{
			Coordinate: Coordinate{GroupID: g, ArtifactID: a, Version: v, Type: "jar"},
			File:       jarPath,
			Source:     JarManifest,
			Confidence: Medium,
			Evidence:   jarPath + "!/META-INF/MANIFEST.MF main section",
			Via:        jarPath,
		})
	}
	if a != "" && v != "" {
		// Title and version without a group: still better than a file name
		// that a distribution renamed (Debian's spring3-core-3.x.jar holds
		// spring-core 4.3.30.RELEASE). The group stays empty, as below.
		return append(out, Dependency{
			Coordinate: Coordinate{GroupID: g, ArtifactID: a, Version: v, Type: "jar"},
			File:       jarPath,
			Source:     JarManifest,
			Confidence: Low,
			Evidence:   jarPath + "!/META-INF/MANIFEST.MF main section (no group id)",
			Via:        jarPath,
		})
	}
	if fok {
		ev := "file name " + filepath.Base(jarPath)
		if g != "" {
			ev += "; group from MANIFEST.MF"
		}
		out = append(out, Dependency{
			Coordinate: Coordinate{GroupID: g, ArtifactID: fa, Version: fv, Type: "jar"},
			File:       jarPath,
			Source:     JarFileName,
			Confidence: Low,
			Evidence:   ev,
			Via:        jarPath,
		})
	}
	return out
}

// manifestGAV reads coordinates from MANIFEST.MF attributes: group from
// Implementation-Vendor-Id, Bundle-SymbolicName (minus its last segment),
// Implementation-Vendor or Specification-Vendor; artifact from
// Implementation-Title, Specification-Title or Bundle-Name; version from
// Implementation-Version, Specification-Version or Bundle-Version. Values
// that are localized (%key), empty, or contain spaces (titles and vendor
// names such as "Apache Commons Lang") are skipped: offline there is no
// index to turn them into coordinates.
func manifestGAV(attrs map[string]string) (g, a, v string) {
	pick := func(keys ...string) string {
		for _, k := range keys {
			val := strings.TrimSpace(attrs[k])
			if val == "" || strings.HasPrefix(val, "%") || strings.ContainsAny(val, " \t") {
				continue
			}
			return val
		}
		return ""
	}
	g = pick("Implementation-Vendor-Id")
	if g == "" {
		if bsn := pick("Bundle-SymbolicName"); bsn != "" {
			bsn, _, _ = strings.Cut(bsn, ";")
			if i := strings.LastIndexByte(bsn, '.'); i > 0 {
				g = bsn[:i]
			}
		}
	}
	if g == "" {
		g = pick("Implementation-Vendor", "Specification-Vendor")
	}
	a = pick("Implementation-Title", "Specification-Title", "Bundle-Name")
	v = pick("Implementation-Version", "Specification-Version", "Bundle-Version")
	return g, a, v
}

package deps

import (
	"fmt"
	"sort"
	"strings"
)

// Coordinate is a Maven artifact coordinate. Empty Type means "jar".
type Coordinate struct {
	GroupID    string
	ArtifactID string
	Version    string
	Type       string
	Classifier string
}

// Key is groupId:artifactId, the identity rules match on.
func (c Coordinate) Key() string { return c.GroupID + ":" + c.ArtifactID }

// String renders groupId:artifactId[:type[:classifier]]:version, the form
// Maven prints, with type and classifier only when they say something.
func (c Coordinate) String() string {
	var b strings.Builder
	b.WriteString(c.GroupID)
	b.WriteByte(':')
	b.WriteString(c.ArtifactID)
	if c.Classifier != "" || (c.Type != "" && c.Type != "jar") {
		t := c.Type
		if t == "" {
			t = "jar"
		}
		b.WriteByte(':')
		b.WriteString(t)
		if c.Classifier != "" {
			b.WriteByte(':')
			b.WriteString(c.Classifier)
		}
	}
	if c.Version != "" {
		b.WriteByte(':')
		b.WriteString(c.Version)
	}
	return b.String()
}

// Source says which kind of evidence produced a Dependency.
type Source int

const (
	SourceUnknown    Source = iota
	PomDeclared             // a <dependency> in a pom's <dependencies>
	PomManaged              // an entry of <dependencyManagement>
	MavenList               // mvn dependency:list / dependency:tree output
	GradleLock              // gradle.lockfile
	GradleCatalog           // gradle/libs.versions.toml
	GradleScript            // a literal coordinate in build.gradle(.kts)
	JarPomProperties        // META-INF/maven/<g>/<a>/pom.properties inside a jar
	JarManifest             // META-INF/MANIFEST.MF main section
	JarFileName             // the jar's file name
)

var sourceNames = [...]string{"unknown", "pom", "pom-managed", "maven-list", "gradle-lock", "gradle-catalog", "gradle-script", "jar-pom-properties", "jar-manifest", "jar-file-name"}

func (s Source) String() string {
	if s >= 0 && int(s) < len(sourceNames) {
		return sourceNames[s]
	}
	return fmt.Sprintf("Source(%d)", int(s))
}

// Confidence orders evidence: a higher value is more trustworthy.
type Confidence int

const (
	ConfidenceUnknown Confidence = iota
	Low
	Medium
	High
)

func (c Confidence) String() string {
	switch c {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	}
	return "unknown"
}

// Dependency is one coordinate found in one place. File and Line point at the
// element that declares it (1-based line; 0 when the evidence has no line,
// as inside a jar).
type Dependency struct {
	Coordinate
	Scope    string // Maven scope; for Gradle the configuration ("test" for test-only lockfile entries)
	Optional bool
	File     string
	Line     int
	Source   Source
	// Confidence is High for resolved or exact evidence, Medium for
	// heuristics and declarations whose version is unknown, Low for guesses.
	Confidence Confidence
	Evidence   string // human readable: where the coordinate and its version came from
	Via        string // for jar evidence: the jar path
	// Configurations lists Gradle configurations (lockfiles).
	Configurations []string
	// Shaded marks pom.properties of another artifact bundled inside a jar
	// (not the jar itself).
	Shaded bool
	// Exclusions are the groupId:artifactId patterns of a pom <exclusions>.
	Exclusions []string
}

// Notification reports something that could not be read or resolved. It
// never stops a scan.
type Notification struct {
	File    string
	Line    int
	Kind    string // one of the Kind constants
	Level   Level
	Message string
}

func (n Notification) String() string {
	if n.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", n.File, n.Line, n.Message)
	}
	return n.File + ": " + n.Message
}

// SortDependencies orders by file, line, then coordinate, so output is
// deterministic whatever order inputs were read in.
func SortDependencies(ds []Dependency) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Coordinate.String() < b.Coordinate.String()
	})
}

func sortNotifications(ns []Notification) []Notification {
	sort.SliceStable(ns, func(i, j int) bool {
		a, b := ns[i], ns[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Message < b.Message
	})
	out := ns[:0]
	for i, n := range ns {
		if i > 0 && n == ns[i-1] {
			continue
		}
		out = append(out, n)
	}
	return out
}

// lineIndex maps byte offsets to 1-based line numbers.
type lineIndex []int

func newLineIndex(data []byte) lineIndex {
	idx := lineIndex{0}
	for i, c := range data {
		if c == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

func (l lineIndex) line(off int64) int {
	return sort.Search(len(l), func(i int) bool { return int64(l[i]) > off })
}

// Level is how much a notification matters, as the scan reports it:
// "error" (an input skipped), "warning" (read, but something is unknown),
// "note" (informational).
type Level string

const (
	LevelError   Level = "error"
	LevelWarning Level = "warning"
	LevelNote    Level = "note"
)

// Notification kinds.
const (
	// KindRead: a file could not be read (not a regular file, I/O error).
	KindRead = "read-error"
	// KindTooLarge: a file over its size cap, refused before reading.
	KindTooLarge = "too-large"
	// KindSyntax: a file that is not valid XML, TOML, ...
	KindSyntax = "syntax"
	// KindUnresolved: every file was read, but a parent, a BOM, a property
	// or a version could not be resolved offline. Batch summaries and
	// --strict tell this apart from an unreadable input.
	KindUnresolved = "unresolved-dependency"
	// KindModule: a <module> whose pom is not in the tree.
	KindModule = "missing-module"
)

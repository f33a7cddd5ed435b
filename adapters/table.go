package adapters

import (
	_ "embed"
	"fmt"
	"regexp"
	"strconv"
	"sync"

	"gopkg.in/yaml.v3"
)

// Adapter is the Maven coordinate of an adapter jar.
type Adapter struct {
	GroupID, ArtifactID, Version string
}

func (a Adapter) String() string {
	return a.GroupID + ":" + a.ArtifactID + ":" + a.Version
}

// Row is one entry of adapterMappings.
type Row struct {
	// Source is the name given to Load; Line is the 1-based line of the
	// mapping in it; Index is its 0-based position in adapterMappings.
	Source string
	Line   int
	Index  int
	// Origin is the optional per-row "file" key of a generated table
	// (the adapter-mapping.yaml the row was copied from).
	Origin string

	GroupID, ArtifactID string
	// VersionRange is the verbatim versionRange; Range is its parsed form.
	// Without a versionRange the row can only match through Regexp.
	VersionRange string
	Range        RangeUnion
	// Regexp is the deprecated full-match pattern; HasRegexp tells an
	// empty pattern (which matches nothing) from an absent one.
	Regexp    string
	HasRegexp bool
	re        *regexp.Regexp

	// Adapter.Version is already defaulted from the row's configVersion or
	// the file's top-level version.
	Adapter Adapter
}

// Where returns "source:line".
func (r *Row) Where() string {
	return r.Source + ":" + strconv.Itoa(r.Line)
}

// Table is a set of adapter mappings. All rows are active at once; there is
// no priority between rows or files.
type Table struct {
	Rows []Row
}

// LoadError is a problem in a mapping file. Row-level errors name the row;
// the other rows of the file still load.
type LoadError struct {
	File   string
	Line   int
	Index  int // index in adapterMappings, or -1 for file-level errors
	Reason string
	Err    error // the underlying error, e.g. a *RangeError, if any
}

func (e *LoadError) Unwrap() error { return e.Err }

func (e *LoadError) Error() string {
	where := e.File
	if e.Line > 0 {
		where += ":" + strconv.Itoa(e.Line)
	}
	if e.Index >= 0 {
		return fmt.Sprintf("%s: adapterMappings[%d]: %s", where, e.Index, e.Reason)
	}
	return where + ": " + e.Reason
}

// Load reads a mapping file in Koupleless's adapter-mapping.yaml format:
//
//	version: 1.2.2
//	adapterMappings:
//	  - matcher: {groupId: g, artifactId: a, versionRange: "[1.0,2.0)"}   # or regexp: "..."
//	    adapter: {groupId: g, artifactId: a, version: optional}
//
// Two per-row keys of the generated default table are also understood:
// "file" (Row.Origin) and "configVersion" (that row's default adapter
// version, overriding the top-level version). name is used in errors and
// Row.Source. The reference plugin fails the whole build on a bad row; here
// each bad row becomes an error and is skipped so the others still apply.
// The returned table is never nil.
func Load(name string, data []byte) (*Table, []error) {
	t := &Table{}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return t, []error{&LoadError{File: name, Line: yamlErrorLine(err), Index: -1, Reason: err.Error()}}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return t, nil // empty file
	}
	root := resolve(doc.Content[0])
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return t, nil
	}
	if root.Kind != yaml.MappingNode {
		return t, []error{&LoadError{File: name, Line: root.Line, Index: -1, Reason: "top level is not a mapping"}}
	}
	var errs []error
	fileErr := func(n *yaml.Node, format string, args ...any) {
		errs = append(errs, &LoadError{File: name, Line: n.Line, Index: -1, Reason: fmt.Sprintf(format, args...)})
	}
	var fileVersion string
	var mappings *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], resolve(root.Content[i+1])
		switch k.Value {
		case "version":
			s, ok := scalar(v)
			if !ok {
				fileErr(v, "version is not a scalar")
				continue
			}
			fileVersion = s
		case "adapterMappings":
			mappings = v
		}
	}
	if mappings == nil || isNull(mappings) {
		return t, errs
	}
	if mappings.Kind != yaml.SequenceNode {
		fileErr(mappings, "adapterMappings is not a list")
		return t, errs
	}
	for i, n := range mappings.Content {
		row, err := loadRow(name, i, resolve(n), fileVersion)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		t.Rows = append(t.Rows, row)
	}
	return t, errs
}

func loadRow(name string, index int, n *yaml.Node, fileVersion string) (Row, error) {
	row := Row{Source: name, Line: n.Line, Index: index}
	fail := func(at *yaml.Node, format string, args ...any) (Row, error) {
		return Row{}, &LoadError{File: name, Line: at.Line, Index: index, Reason: fmt.Sprintf(format, args...)}
	}
	if n.Kind != yaml.MappingNode {
		return fail(n, "mapping is not a YAML mapping")
	}
	var matcher, adapter *yaml.Node
	configVersion := fileVersion
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		switch k.Value {
		case "matcher":
			matcher = v
		case "adapter":
			adapter = v
		case "file", "configVersion":
			s, ok := scalar(v)
			if !ok {
				return fail(v, "%s is not a scalar", k.Value)
			}
			if k.Value == "file" {
				row.Origin = s
			} else if s != "" {
				configVersion = s
			}
		}
	}
	if matcher == nil || isNull(matcher) {
		return fail(n, "missing matcher")
	}
	if matcher.Kind != yaml.MappingNode {
		return fail(matcher, "matcher is not a mapping")
	}
	var rangeNode, regexpNode *yaml.Node
	for i := 0; i+1 < len(matcher.Content); i += 2 {
		k, v := matcher.Content[i], resolve(matcher.Content[i+1])
		s, ok := scalar(v)
		if !ok {
			return fail(v, "matcher.%s is not a scalar", k.Value)
		}
		switch k.Value {
		case "groupId":
			row.GroupID = s
		case "artifactId":
			row.ArtifactID = s
		case "versionRange":
			row.VersionRange, rangeNode = s, v
		case "regexp":
			row.Regexp, row.HasRegexp, regexpNode = s, !isNull(v), v
		default:
			// The reference loads matchers as beans, so an unknown key
			// (often a typo of versionRange) fails there too.
			return fail(k, "unknown matcher key %q", k.Value)
		}
	}
	if row.HasRegexp {
		re, err := compileJavaRegexp(row.Regexp)
		if err != nil {
			return fail(regexpNode, "regexp %q: %v", row.Regexp, err)
		}
		row.re = re
	} else {
		if row.GroupID == "" {
			return fail(matcher, "matcher has no groupId (and no regexp)")
		}
		if row.ArtifactID == "" {
			return fail(matcher, "matcher has no artifactId (and no regexp)")
		}
	}
	if row.VersionRange != "" {
		u, err := ParseUnion(row.VersionRange)
		if err != nil {
			_, le := fail(rangeNode, "%v", err)
			le.(*LoadError).Err = err
			return Row{}, le
		}
		row.Range = u
	}
	if adapter == nil || isNull(adapter) {
		return fail(n, "missing adapter")
	}
	if adapter.Kind != yaml.MappingNode {
		return fail(adapter, "adapter is not a mapping")
	}
	for i := 0; i+1 < len(adapter.Content); i += 2 {
		k, v := adapter.Content[i], resolve(adapter.Content[i+1])
		var dst *string
		switch k.Value {
		case "groupId":
			dst = &row.Adapter.GroupID
		case "artifactId":
			dst = &row.Adapter.ArtifactID
		case "version":
			dst = &row.Adapter.Version
		default:
			continue // other Maven Dependency fields (scope, type, ...)
		}
		s, ok := scalar(v)
		if !ok {
			return fail(v, "adapter.%s is not a scalar", k.Value)
		}
		*dst = s
	}
	if row.Adapter.GroupID == "" || row.Adapter.ArtifactID == "" {
		return fail(adapter, "adapter needs groupId and artifactId")
	}
	if row.Adapter.Version == "" {
		row.Adapter.Version = configVersion
	}
	if row.Adapter.Version == "" {
		return fail(adapter, "adapter has no version and the file has no top-level version")
	}
	return row, nil
}

// compileJavaRegexp compiles a java.util.regex pattern for a full match.
// Go's regexp is RE2: it lacks lookaround, backreferences, possessive and
// atomic groups and Java-only classes (\p{javaLowerCase}, \h, \R, \Z), so
// such patterns are rejected here instead of silently matching differently.
func compileJavaRegexp(expr string) (*regexp.Regexp, error) {
	// Compile alone first so an unbalanced ")" cannot pair with our wrapper.
	if _, err := regexp.Compile(expr); err != nil {
		return nil, fmt.Errorf("does not compile as RE2 (Go regexp; Java-only syntax is unsupported): %w", err)
	}
	return regexp.Compile(`^(?:` + expr + `)$`)
}

// resolve follows YAML aliases.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && n.Alias != nil && i < 100; i++ {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// scalar returns the text of a scalar node; YAML null gives "".
func scalar(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		return "", false
	}
	if isNull(n) {
		return "", true
	}
	return n.Value, true
}

var yamlLineRE = regexp.MustCompile(`line (\d+)`)

func yamlErrorLine(err error) int {
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		if n, e := strconv.Atoi(m[1]); e == nil {
			return n
		}
	}
	return 0
}

//go:embed default-mapping.yaml
var defaultMapping []byte

// DefaultSource is the Row.Source of the rows of Default.
const DefaultSource = "default-mapping.yaml"

var defaultTable = sync.OnceValue(func() *Table {
	t, errs := Load(DefaultSource, defaultMapping)
	if len(errs) > 0 {
		panic(fmt.Sprintf("adapters: embedded %s: %v", DefaultSource, errs))
	}
	return t
})

// Default returns the built-in table: the 26 mappings of the Koupleless
// adapter repository's conf/adapter-mapping.yaml files. Each call returns
// a fresh copy of the row list.
func Default() *Table {
	t := defaultTable()
	return &Table{Rows: append([]Row(nil), t.Rows...)}
}

// Union returns a table with the rows of all tables, in order, as the
// reference plugin unions its remote, custom and enterprise configs: every
// row is active and none takes priority. Nil tables are skipped.
func Union(tables ...*Table) *Table {
	u := &Table{}
	for _, t := range tables {
		if t != nil {
			u.Rows = append(u.Rows, t.Rows...)
		}
	}
	return u
}

package deps

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// MaxPOMSize caps the pom bytes ParsePOM accepts; real poms are far smaller.
const MaxPOMSize = 8 << 20

// maxXMLDepth guards the element tree against hostile nesting.
const maxXMLDepth = 256

// POM is the raw model of one pom.xml: values as written (with ${...} left
// in), each with its line. Profiles are not read: which one is active depends
// on the build machine, and kscan reports what every build shares.
type POM struct {
	File string
	Line int // line of <project>

	// GroupID and Version fall back to the <parent> ones when absent, as
	// Maven inherits them; the *Inherited flags say so.
	GroupID          string
	ArtifactID       string
	Version          string
	Packaging        string // "jar" when absent
	Name             string
	GroupIDInherited bool
	VersionInherited bool
	GroupIDLine      int
	ArtifactIDLine   int
	VersionLine      int

	Parent               *Parent
	Properties           []Property
	Modules              []Module
	Dependencies         []PomDependency
	DependencyManagement []PomDependency
	Plugins              []Plugin // <build><plugins>
	PluginManagement     []Plugin // <build><pluginManagement><plugins>
	// ProfilePlugins are the artifactIds of the plugins a profile's
	// <build><plugins> runs, in any profile: what a module can be built
	// as (a release profile that repackages it as an application), not
	// what a given build does.
	ProfilePlugins []string

	// DependenciesBlock locates the project's <dependencies> (or where one
	// would go) so a fix can insert a <dependency>.
	DependenciesBlock DependenciesBlock
}

// Parent is the <parent> element.
type Parent struct {
	GroupID      string
	ArtifactID   string
	Version      string
	RelativePath string // "../pom.xml" when the element is absent
	// RelativePathEmpty is set for <relativePath/>, which tells Maven not to
	// look in the file tree at all.
	RelativePathEmpty bool
	Line              int
}

// Property is one entry of <properties>.
type Property struct {
	Name  string
	Value string
	Line  int
}

// Module is one <modules><module>.
type Module struct {
	Name string
	Line int
}

// PomDependency is a raw <dependency> element.
type PomDependency struct {
	GroupID     string
	ArtifactID  string
	Version     string
	Type        string
	Classifier  string
	Scope       string
	Optional    string
	Exclusions  []string // groupId:artifactId, may contain "*"
	Line        int      // line of <dependency>
	VersionLine int
	ScopeLine   int
}

// Plugin is a raw <plugin> element, with the configuration elements kscan
// reads (plugin-level and execution-level configuration merged).
type Plugin struct {
	GroupID    string // "org.apache.maven.plugins" when absent
	ArtifactID string
	Version    string
	Line       int
	Executions []Execution
	// Config maps a configuration element name (see ConfigKeys) to its
	// values: list elements give one value per child, a plain text element
	// gives its comma-separated parts.
	Config map[string][]ConfigValue
}

// Execution is one <execution> of a plugin.
type Execution struct {
	ID    string
	Phase string
	Goals []string
	Line  int
}

// ConfigValue is one value of a plugin configuration element.
type ConfigValue struct {
	Value string
	Line  int
}

// ConfigKeys are the plugin configuration elements ParsePOM keeps
// (sofa-ark-maven-plugin and koupleless-base-build-plugin settings that
// decide what a module shares with its base).
var ConfigKeys = []string{"excludes", "excludeGroupIds", "excludeArtifactIds", "declaredMode", "bizName", "baseDependencyParentIdentity", "webContextPath", "packExcludesConfig"}

// DependenciesBlock locates the project-level <dependencies> element.
// Offsets are byte offsets into the pom; lines are 1-based.
type DependenciesBlock struct {
	// Exists is false when the project has no <dependencies>; Line and
	// Offset then give the start of the line before which a new block
	// belongs (the <build> line, else the </project> line).
	Exists      bool
	SelfClosing bool
	Line        int
	Offset      int // start of "<dependencies", or the insertion point
	// ContentOffset is just after the start tag: insert here to make a
	// dependency the first one.
	ContentOffset int
	CloseLine     int
	CloseOffset   int // start of "</dependencies>"
	// Indent is the whitespace before <dependencies> (or before the
	// project's children when absent); Unit is one indentation step.
	Indent string
	Unit   string
}

// xnode is a parsed element with its source positions.
type xnode struct {
	name       string
	text       strings.Builder
	line       int
	start      int64 // offset of '<'
	startEnd   int64 // offset just past the start tag
	closeStart int64 // offset of the end tag
	children   []*xnode
}

func (n *xnode) child(name string) *xnode {
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

func (n *xnode) childText(name string) string {
	if c := n.child(name); c != nil {
		return strings.TrimSpace(c.text.String())
	}
	return ""
}

func (n *xnode) childLine(name string) int {
	if c := n.child(name); c != nil {
		return c.line
	}
	return 0
}

func (n *xnode) all(name string) []*xnode {
	var out []*xnode
	for _, c := range n.children {
		if c.name == name {
			out = append(out, c)
		}
	}
	return out
}

// latin1Reader keeps byte offsets intact (one byte in, one byte out) so line
// numbers stay right for poms declaring a single-byte charset; non-ASCII
// bytes become '?', which never matters for coordinates.
type latin1Reader struct{ r io.Reader }

func (l latin1Reader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i := 0; i < n; i++ {
		if p[i] >= 0x80 {
			p[i] = '?'
		}
	}
	return n, err
}

// ParseError is a pom that cannot be read, with where.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

func parseXMLTree(file string, data []byte) (*xnode, lineIndex, error) {
	if len(data) > MaxPOMSize {
		return nil, nil, &ParseError{file, 0, fmt.Sprintf("%d bytes exceeds the %d byte limit", len(data), MaxPOMSize)}
	}
	lines := newLineIndex(data)
	src := data
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		// Blank the byte order mark rather than dropping it, so offsets
		// still match the file.
		src = append([]byte("   "), src[3:]...)
	}
	dec := xml.NewDecoder(bytes.NewReader(src))
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(charset string, input io.Reader) (io.Reader, error) {
		switch strings.ToLower(charset) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return input, nil
		}
		return latin1Reader{input}, nil
	}
	root := &xnode{}
	stack := []*xnode{root}
	for {
		start := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := lines.line(dec.InputOffset())
			var se *xml.SyntaxError
			if errors.As(err, &se) && se.Line > 0 {
				return nil, nil, &ParseError{file, se.Line, "invalid XML: " + se.Msg}
			}
			return nil, nil, &ParseError{file, line, "invalid XML: " + err.Error()}
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > maxXMLDepth {
				return nil, nil, &ParseError{file, lines.line(start), fmt.Sprintf("XML nested deeper than %d elements", maxXMLDepth)}
			}
			n := &xnode{name: t.Name.Local, start: start, startEnd: dec.InputOffset(), line: lines.line(start)}
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			top.closeStart = start
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if len(stack) > 1 {
				top.text.Write(t)
			}
		}
	}
	return root, lines, nil
}

// ParsePOM reads one pom.xml into its raw model. Invalid XML yields a
// *ParseError naming the file and line.
func ParsePOM(file string, data []byte) (*POM, error) {
	root, lines, err := parseXMLTree(file, data)
	if err != nil {
		return nil, err
	}
	proj := root.child("project")
	if proj == nil {
		return nil, &ParseError{file, 1, "no <project> element"}
	}
	p := &POM{File: file, Line: proj.line}
	p.GroupID, p.GroupIDLine = proj.childText("groupId"), proj.childLine("groupId")
	p.ArtifactID, p.ArtifactIDLine = proj.childText("artifactId"), proj.childLine("artifactId")
	p.Version, p.VersionLine = proj.childText("version"), proj.childLine("version")
	p.Packaging = proj.childText("packaging")
	if p.Packaging == "" {
		p.Packaging = "jar"
	}
	p.Name = proj.childText("name")
	if pe := proj.child("parent"); pe != nil {
		par := &Parent{
			GroupID:    pe.childText("groupId"),
			ArtifactID: pe.childText("artifactId"),
			Version:    pe.childText("version"),
			Line:       pe.line,
		}
		if rp := pe.child("relativePath"); rp != nil {
			par.RelativePath = strings.TrimSpace(rp.text.String())
			par.RelativePathEmpty = par.RelativePath == ""
		} else {
			par.RelativePath = "../pom.xml"
		}
		p.Parent = par
		if p.GroupID == "" {
			p.GroupID, p.GroupIDInherited, p.GroupIDLine = par.GroupID, true, pe.line
		}
		if p.Version == "" {
			p.Version, p.VersionInherited, p.VersionLine = par.Version, true, pe.line
		}
	}
	if props := proj.child("properties"); props != nil {
		for _, c := range props.children {
			p.Properties = append(p.Properties, Property{Name: c.name, Value: strings.TrimSpace(c.text.String()), Line: c.line})
		}
	}
	if mods := proj.child("modules"); mods != nil {
		for _, m := range mods.all("module") {
			p.Modules = append(p.Modules, Module{Name: strings.TrimSpace(m.text.String()), Line: m.line})
		}
	}
	if ds := proj.child("dependencies"); ds != nil {
		p.Dependencies = parseDeps(ds)
	}
	if dm := proj.child("dependencyManagement"); dm != nil {
		if ds := dm.child("dependencies"); ds != nil {
			p.DependencyManagement = parseDeps(ds)
		}
	}
	if b := proj.child("build"); b != nil {
		if ps := b.child("plugins"); ps != nil {
			p.Plugins = parsePlugins(ps)
		}
		if pm := b.child("pluginManagement"); pm != nil {
			if ps := pm.child("plugins"); ps != nil {
				p.PluginManagement = parsePlugins(ps)
			}
		}
	}
	if prs := proj.child("profiles"); prs != nil {
		for _, pr := range prs.all("profile") {
			if b := pr.child("build"); b != nil {
				if ps := b.child("plugins"); ps != nil {
					for _, pe := range ps.all("plugin") {
						p.ProfilePlugins = append(p.ProfilePlugins, pe.childText("artifactId"))
					}
				}
			}
		}
	}
	p.DependenciesBlock = dependenciesBlock(proj, data, lines)
	return p, nil
}

func parseDeps(ds *xnode) []PomDependency {
	var out []PomDependency
	for _, d := range ds.all("dependency") {
		pd := PomDependency{
			GroupID:     d.childText("groupId"),
			ArtifactID:  d.childText("artifactId"),
			Version:     d.childText("version"),
			Type:        d.childText("type"),
			Classifier:  d.childText("classifier"),
			Scope:       d.childText("scope"),
			Optional:    d.childText("optional"),
			Line:        d.line,
			VersionLine: d.childLine("version"),
			ScopeLine:   d.childLine("scope"),
		}
		if ex := d.child("exclusions"); ex != nil {
			for _, e := range ex.all("exclusion") {
				pd.Exclusions = append(pd.Exclusions, e.childText("groupId")+":"+e.childText("artifactId"))
			}
		}
		out = append(out, pd)
	}
	return out
}

func parsePlugins(ps *xnode) []Plugin {
	var out []Plugin
	for _, pe := range ps.all("plugin") {
		pl := Plugin{
			GroupID:    pe.childText("groupId"),
			ArtifactID: pe.childText("artifactId"),
			Version:    pe.childText("version"),
			Line:       pe.line,
		}
		if pl.GroupID == "" {
			pl.GroupID = "org.apache.maven.plugins"
		}
		readPluginConfig(&pl, pe.child("configuration"))
		if exs := pe.child("executions"); exs != nil {
			for _, ex := range exs.all("execution") {
				e := Execution{ID: ex.childText("id"), Phase: ex.childText("phase"), Line: ex.line}
				if gs := ex.child("goals"); gs != nil {
					for _, g := range gs.all("goal") {
						e.Goals = append(e.Goals, strings.TrimSpace(g.text.String()))
					}
				}
				pl.Executions = append(pl.Executions, e)
				readPluginConfig(&pl, ex.child("configuration"))
			}
		}
		out = append(out, pl)
	}
	return out
}

func readPluginConfig(pl *Plugin, cfg *xnode) {
	if cfg == nil {
		return
	}
	for _, key := range ConfigKeys {
		for _, c := range cfg.all(key) {
			if pl.Config == nil {
				pl.Config = map[string][]ConfigValue{}
			}
			if len(c.children) > 0 {
				for _, item := range c.children {
					if v := strings.TrimSpace(item.text.String()); v != "" {
						pl.Config[key] = append(pl.Config[key], ConfigValue{Value: v, Line: item.line})
					}
				}
				continue
			}
			for _, v := range strings.Split(c.text.String(), ",") {
				if v = strings.TrimSpace(v); v != "" {
					pl.Config[key] = append(pl.Config[key], ConfigValue{Value: v, Line: c.line})
				}
			}
		}
	}
}

// lineIndent returns the whitespace that starts the line holding off, if
// only whitespace precedes off on that line.
func lineIndent(data []byte, off int64) (indent string, lineStart int) {
	if off < 0 || off > int64(len(data)) {
		return "", int(off)
	}
	i := int(off)
	for i > 0 && data[i-1] != '\n' {
		i--
	}
	ws := data[i:off]
	if len(bytes.TrimLeft(ws, " \t")) != 0 {
		return "", int(off)
	}
	return string(ws), i
}

func dependenciesBlock(proj *xnode, data []byte, lines lineIndex) DependenciesBlock {
	unit := "    "
	projIndent := ""
	for _, c := range proj.children {
		if ind, _ := lineIndent(data, c.start); ind != "" {
			projIndent = ind
			break
		}
	}
	if projIndent != "" {
		// The project element usually sits at column 0, so its children's
		// indentation is one step.
		outer, _ := lineIndent(data, proj.start)
		if strings.HasPrefix(projIndent, outer) && len(projIndent) > len(outer) {
			unit = projIndent[len(outer):]
		}
	}
	if ds := proj.child("dependencies"); ds != nil {
		ind, _ := lineIndent(data, ds.start)
		b := DependenciesBlock{
			Exists:        true,
			Line:          ds.line,
			Offset:        int(ds.start),
			ContentOffset: int(ds.startEnd),
			CloseOffset:   int(ds.closeStart),
			CloseLine:     lines.line(ds.closeStart),
			Indent:        ind,
			Unit:          unit,
		}
		b.SelfClosing = ds.startEnd >= 2 && int(ds.startEnd) <= len(data) && string(data[ds.startEnd-2:ds.startEnd]) == "/>"
		if d := ds.child("dependency"); d != nil {
			if cind, _ := lineIndent(data, d.start); strings.HasPrefix(cind, ind) && len(cind) > len(ind) {
				b.Unit = cind[len(ind):]
			}
		}
		return b
	}
	at := proj.closeStart
	if bl := proj.child("build"); bl != nil {
		at = bl.start
	}
	_, ls := lineIndent(data, at)
	return DependenciesBlock{
		Line:   lines.line(int64(ls)),
		Offset: ls,
		Indent: projIndent,
		Unit:   unit,
	}
}

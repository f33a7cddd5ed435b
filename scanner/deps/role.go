package deps

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// Roles returned by Role.
const (
	RoleBase   = "base"
	RoleModule = "module"
)

const (
	arkPluginGroup = "com.alipay.sofa"
	arkPlugin      = "sofa-ark-maven-plugin"
	basePlugin     = "koupleless-base-build-plugin"
	baseStarter    = "koupleless-base-starter"
	appStarter     = "koupleless-app-starter"
)

// Role classifies a pom as Koupleless base or module from its own content
// (koupleless-base-starter or koupleless-base-build-plugin make a base;
// sofa-ark-maven-plugin's repackage goal or a provided
// koupleless-app-starter make a module). An ark-biz repackage wins over
// base signals, since it is
// what makes the build output a module; a provided koupleless-app-starter
// is the weakest signal. evidence names the deciding line.
func (p *POM) Role() (role, evidence string) {
	return roleOf(p.File, p.Dependencies, p.Plugins, mgmtRepackage(p))
}

// mgmtRepackage reports an ark plugin execution with the repackage goal in
// a pom's pluginManagement, which applies to the plugin wherever it is used.
func mgmtRepackage(p *POM) bool {
	for _, m := range p.PluginManagement {
		if m.ArtifactID != arkPlugin {
			continue
		}
		for _, e := range m.Executions {
			for _, g := range e.Goals {
				if g == "repackage" {
					return true
				}
			}
		}
	}
	return false
}

func roleOf(file string, deps []PomDependency, plugins []Plugin, mgmtRepack bool) (string, string) {
	for _, pl := range plugins {
		if pl.ArtifactID != arkPlugin || (pl.GroupID != arkPluginGroup && !strings.Contains(pl.GroupID, "${")) {
			continue
		}
		repack := mgmtRepack
		for _, e := range pl.Executions {
			for _, g := range e.Goals {
				repack = repack || g == "repackage"
			}
		}
		if repack {
			return RoleModule, fmt.Sprintf("%s:%d plugin %s:%s goal repackage", file, pl.Line, arkPluginGroup, arkPlugin)
		}
	}
	for _, d := range deps {
		if d.ArtifactID == baseStarter {
			return RoleBase, fmt.Sprintf("%s:%d dependency %s:%s", file, d.Line, d.GroupID, d.ArtifactID)
		}
	}
	for _, pl := range plugins {
		if pl.ArtifactID == basePlugin {
			return RoleBase, fmt.Sprintf("%s:%d plugin %s:%s", file, pl.Line, pl.GroupID, pl.ArtifactID)
		}
	}
	for _, d := range deps {
		if d.ArtifactID == appStarter && d.Scope == "provided" {
			return RoleModule, fmt.Sprintf("%s:%d dependency %s:%s scope provided", file, d.Line, d.GroupID, d.ArtifactID)
		}
	}
	return "", ""
}

// Role classifies the effective project, inherited plugins and
// dependencies included; the nearest pom with a signal decides. Each pom's
// answer is kept, so a deep hierarchy is classified once.
func (p *Project) Role() (role, evidence string) {
	r := p.l.roleAt(p.ly, p.l.mgmtRepackAt(p.ly))
	return r.role, r.why
}

func (l *mavenLoader) mgmtRepackAt(ly *layer) bool {
	if ly.repack != 0 {
		return ly.repack == 2
	}
	l.work++
	v := ly.pom != nil && mgmtRepackage(ly.pom) || ly.parent != nil && l.mgmtRepackAt(ly.parent)
	ly.repack = 1
	if v {
		ly.repack = 2
	}
	return v
}

func (l *mavenLoader) roleAt(ly *layer, repack bool) *roleResult {
	i := 0
	if repack {
		i = 1
	}
	if r := ly.roleMemo[i]; r != nil {
		return r
	}
	l.work++
	r := &roleResult{}
	if ly.pom != nil {
		r.role, r.why = roleOf(ly.pom.File, ly.pom.Dependencies, ly.pom.Plugins, repack)
	}
	if r.role == "" && ly.parent != nil {
		r = l.roleAt(ly.parent, repack)
	}
	ly.roleMemo[i] = r
	return r
}

// AddPatch returns "file:line" of the nearest koupleless-base-build-plugin
// with the add-patch goal in the chain, "" when none.
func (p *Project) AddPatch() string {
	return p.l.addPatchAt(p.ly)
}

func (l *mavenLoader) addPatchAt(ly *layer) string {
	if ly.patchDone {
		return ly.patchMemo
	}
	l.work++
	found := ""
	if ly.pom != nil {
	plugins:
		for _, pl := range ly.pom.Plugins {
			if pl.ArtifactID != basePlugin {
				continue
			}
			for _, ex := range pl.Executions {
				for _, g := range ex.Goals {
					if g == "add-patch" {
						found = fmt.Sprintf("%s:%d", ly.pom.File, pl.Line)
						break plugins
					}
				}
			}
		}
	}
	if found == "" && ly.parent != nil {
		found = l.addPatchAt(ly.parent)
	}
	ly.patchMemo, ly.patchDone = found, true
	return found
}

// arkPluginAt returns the nearest sofa-ark-maven-plugin of the chain and the
// layer declaring it.
func (l *mavenLoader) arkPluginAt(ly *layer) (*Plugin, *layer) {
	if ly.arkDone {
		return ly.arkMemo, ly.arkAt
	}
	l.work++
	if ly.pom != nil {
		for i := range ly.pom.Plugins {
			if ly.pom.Plugins[i].ArtifactID == arkPlugin {
				ly.arkMemo, ly.arkAt = &ly.pom.Plugins[i], ly
				break
			}
		}
	}
	if ly.arkMemo == nil && ly.parent != nil {
		ly.arkMemo, ly.arkAt = l.arkPluginAt(ly.parent)
	}
	ly.arkDone = true
	return ly.arkMemo, ly.arkAt
}

// ArkConfig holds the sofa-ark-maven-plugin settings that decide which
// libraries a module leaves to its base (excludes, excludeGroupIds,
// excludeArtifactIds, declaredMode, baseDependencyParentIdentity), from the plugin
// configuration or from conf/ark/bootstrap.properties.
type ArkConfig struct {
	File               string
	Line               int // the plugin element (0 for a properties file)
	Excludes           []ConfigValue
	ExcludeGroupIDs    []ConfigValue
	ExcludeArtifactIDs []ConfigValue
	DeclaredMode       bool
	DeclaredModeLine   int
	BizName            string
	// BaseDependencyParentIdentity turns on auto-slimming (dependencies
	// with the same GAV as the base's are left out).
	BaseDependencyParentIdentity string
}

// SharedLibraries is a module's set of libraries loaded by the base:
// provided dependencies plus everything the ark configuration excludes.
type SharedLibraries struct {
	Provided []Dependency
	Config   []ArkConfig
}

// ArkConfig returns the sofa-ark-maven-plugin configuration of the pom
// (nil when it has no such plugin).
func (p *POM) ArkConfig() *ArkConfig {
	return arkConfigOf(p.File, p.Plugins)
}

func arkConfigOf(file string, plugins []Plugin) *ArkConfig {
	for _, pl := range plugins {
		if pl.ArtifactID != arkPlugin {
			continue
		}
		c := &ArkConfig{File: file, Line: pl.Line}
		c.Excludes = pl.Config["excludes"]
		c.ExcludeGroupIDs = pl.Config["excludeGroupIds"]
		c.ExcludeArtifactIDs = pl.Config["excludeArtifactIds"]
		if v := pl.Config["declaredMode"]; len(v) > 0 {
			c.DeclaredMode = strings.EqualFold(v[0].Value, "true")
			c.DeclaredModeLine = v[0].Line
		}
		if v := pl.Config["bizName"]; len(v) > 0 {
			c.BizName = v[0].Value
		}
		if v := pl.Config["baseDependencyParentIdentity"]; len(v) > 0 {
			c.BaseDependencyParentIdentity = v[0].Value
		}
		return c
	}
	return nil
}

// Shared returns the effective project's shared-library set: provided
// dependencies and the (interpolated) ark plugin configuration. Add
// conf/ark/bootstrap.properties with ParseArkBootstrap and append it to
// Config.
func (p *Project) Shared() SharedLibraries {
	var s SharedLibraries
	for _, d := range p.Dependencies {
		if d.Scope == "provided" {
			s.Provided = append(s.Provided, d)
		}
	}
	if pl, at := p.l.arkPluginAt(p.ly); pl != nil {
		ip := *pl
		ip.Config = map[string][]ConfigValue{}
		for k, vs := range pl.Config {
			for _, v := range vs {
				ip.Config[k] = append(ip.Config[k], ConfigValue{Value: p.l.expandQuiet(p.ly, v.Value), Line: v.Line})
			}
		}
		if c := arkConfigOf(at.pom.File, []Plugin{ip}); c != nil {
			s.Config = append(s.Config, *c)
		}
	}
	return s
}

// ParseArkBootstrap reads conf/ark/bootstrap.properties (Java properties:
// "key=value" or "key: value", '#'/'!' comments, backslash continuation
// lines; list values comma-separated).
func ParseArkBootstrap(file string, data []byte) ArkConfig {
	c := ArkConfig{File: file}
	PropertyLines(data, func(start int, text string) {
		i := strings.IndexAny(text, "=:")
		if i < 0 {
			return
		}
		key, val := strings.TrimSpace(text[:i]), strings.TrimSpace(text[i+1:])
		var list []ConfigValue
		for _, v := range strings.Split(val, ",") {
			if v = strings.TrimSpace(v); v != "" {
				list = append(list, ConfigValue{Value: v, Line: start})
			}
		}
		switch key {
		case "excludes":
			c.Excludes = append(c.Excludes, list...)
		case "excludeGroupIds":
			c.ExcludeGroupIDs = append(c.ExcludeGroupIDs, list...)
		case "excludeArtifactIds":
			c.ExcludeArtifactIDs = append(c.ExcludeArtifactIDs, list...)
		case "declaredMode":
			c.DeclaredMode, c.DeclaredModeLine = strings.EqualFold(val, "true"), start
		case "bizName":
			c.BizName = val
		case "baseDependencyParentIdentity":
			c.BaseDependencyParentIdentity = val
		}
	})
	return c
}

// IsShared reports whether a module dependency is loaded by the base rather
// than packaged into the module, and why. Exclude patterns follow the ark
// plugin: "groupId:artifactId[:classifier]"; group ids and patterns may end
// in "*" to match a prefix.
func (s SharedLibraries) IsShared(d Dependency) (bool, string) {
	if d.Scope == "provided" {
		return true, fmt.Sprintf("%s:%d scope provided", d.File, d.Line)
	}
	for _, c := range s.Config {
		for _, e := range c.Excludes {
			parts := strings.Split(e.Value, ":")
			if len(parts) < 2 {
				continue
			}
			if globMatch(parts[0], d.GroupID) && globMatch(parts[1], d.ArtifactID) &&
				(len(parts) < 3 || parts[2] == d.Classifier) {
				return true, fmt.Sprintf("%s:%d excludes %s", c.File, e.Line, e.Value)
			}
		}
		for _, e := range c.ExcludeGroupIDs {
			if globMatch(e.Value, d.GroupID) {
				return true, fmt.Sprintf("%s:%d excludeGroupIds %s", c.File, e.Line, e.Value)
			}
		}
		for _, e := range c.ExcludeArtifactIDs {
			if globMatch(e.Value, d.ArtifactID) {
				return true, fmt.Sprintf("%s:%d excludeArtifactIds %s", c.File, e.Line, e.Value)
			}
		}
	}
	return false, ""
}

func globMatch(pattern, s string) bool {
	if p, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(s, p)
	}
	return pattern == s
}

// PropertyLines calls fn with each logical line of a Java properties file
// (backslash continuations joined, '#' and '!' comments and blank lines
// left out), trimmed, and the line it starts on. It returns the reader's
// error, if any, and the last line read.
func PropertyLines(data []byte, fn func(line int, text string)) (last int, err error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		start := line
		text := strings.TrimSpace(sc.Text())
		for strings.HasSuffix(text, `\`) && sc.Scan() {
			line++
			text = strings.TrimSuffix(text, `\`) + strings.TrimSpace(sc.Text())
		}
		if text == "" || text[0] == '#' || text[0] == '!' {
			continue
		}
		fn(start, text)
	}
	return line, sc.Err()
}

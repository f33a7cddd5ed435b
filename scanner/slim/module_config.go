package slim

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/deps"
)

// ReadFunc reads a file by slash path; an error wrapping fs.ErrNotExist
// means the file is absent.
type ReadFunc func(p string) ([]byte, error)

// confDirs are where the plugin finds conf/ark: the project directory, and
// (as some modules keep it) the resources directory.
var confDirs = []string{"conf/ark", "src/main/resources/conf/ark"}

// ModuleConfig gathers a module's slimming configuration: the plugin
// element of its pom (nil when none), then conf/ark/<packExcludesConfig>
// when set, else conf/ark/bootstrap.properties and bootstrap.yml. dir is
// the module's directory in the same slash form read accepts.
func ModuleConfig(pomFile string, plugin *deps.Plugin, dir string, read ReadFunc) (Config, []Note) {
	var c Config
	var notes []Note
	if plugin != nil {
		pc, ns := FromPlugin(pomFile, *plugin)
		c.Merge(pc)
		notes = append(notes, ns...)
	}
	names := []string{"bootstrap.properties", "bootstrap.yml", "bootstrap.yaml"}
	if c.PackExcludesConfig != "" {
		names = []string{c.PackExcludesConfig}
	}
	found := false
	for _, cd := range confDirs {
		for _, n := range names {
			f := path.Join(dir, cd, n)
			data, err := read(f)
			if err != nil {
				if !errors.Is(err, fs.ErrNotExist) {
					notes = append(notes, Note{File: f, Kind: deps.KindRead, Level: deps.LevelError, Message: "cannot read: " + err.Error()})
				}
				continue
			}
			found = true
			parse := ParseProperties
			if ext := strings.ToLower(path.Ext(n)); ext == ".yml" || ext == ".yaml" {
				parse = ParseYAML
			}
			fc, ns := parse(f, data)
			c.Merge(fc)
			notes = append(notes, ns...)
		}
	}
	if c.PackExcludesConfig != "" && !found {
		file, line := splitAt(c.PackExcludesConfigAt)
		notes = append(notes, note(file, line, deps.LevelError, "packExcludesConfig names %s, but no conf/ark/%s exists: the plugin excludes nothing from it", c.PackExcludesConfig, c.PackExcludesConfig))
	}
	return c, notes
}

// ProjectConfig reads the slimming configuration of a module's build
// project: a Maven module's sofa-ark-maven-plugin and conf/ark files
// (ModuleConfig), or a Gradle build's arkConfig (ParseGradle; the Gradle
// plugin reads no conf/ark file).
func ProjectConfig(p *facts.BuildProject, read ReadFunc) (Config, []Note) {
	if p.Kind == "gradle" {
		if !IsGradleScript(p.Path) {
			return Config{}, nil
		}
		data, err := read(p.Path)
		if err != nil {
			return Config{}, []Note{{File: p.Path, Kind: deps.KindRead, Level: deps.LevelError, Message: "cannot read: " + err.Error()}}
		}
		return ParseGradle(p.Path, data)
	}
	var plugin *deps.Plugin
	if data, err := read(p.Path); err == nil {
		if pom, err := deps.ParsePOM(p.Path, data); err == nil {
			plugin = arkPlugin(pom)
		}
	}
	return ModuleConfig(p.Path, plugin, p.Dir, read)
}

// IsGradleScript reports a build.gradle or build.gradle.kts path.
func IsGradleScript(p string) bool {
	return strings.HasSuffix(p, ".gradle") || strings.HasSuffix(p, ".gradle.kts")
}

// splitAt splits "file:line".
func splitAt(at string) (string, int) {
	i := strings.LastIndexByte(at, ':')
	if i < 0 {
		return at, 0
	}
	n := 0
	for _, ch := range at[i+1:] {
		if ch < '0' || ch > '9' {
			return at, 0
		}
		n = n*10 + int(ch-'0')
	}
	return at[:i], n
}

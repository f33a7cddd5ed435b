package slim

import (
	"errors"
	"io/fs"
	"path"
	"strings"

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

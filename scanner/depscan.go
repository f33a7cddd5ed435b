package scanner

import (
	"path/filepath"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/deps"
	"github.com/kscan/kscan/scanner/finding"
	"github.com/kscan/kscan/scanner/slim"
)

// loadDeps resolves the build projects of the given build files (relative
// slash paths) with scanner/deps: Maven models with parents and BOMs,
// saved dependency lists, Gradle builds. Roles come from the configuration
// and, with --role auto, from each build file's Koupleless signals.
func loadDeps(root string, files []string, ro *roles, m2 string, read func(string) ([]byte, error), parse func(string, []byte) (*deps.POM, error)) ([]*facts.BuildProject, []finding.Notification) {
	if m2 == "" {
		m2 = deps.DefaultM2Repo()
	} else if m2 == "-" {
		m2 = ""
	}
	lr := deps.Load(deps.Options{
		Root: root, Files: files, M2Repo: m2, RoleAuto: ro.auto, Read: read, Parse: parse,
		Role: func(file string) (facts.Role, string, bool) {
			d := ro.decide(file)
			if d.inferred {
				return facts.RoleUnknown, "", false
			}
			return d.Role, d.Reason, ro.configured(file)
		},
	})
	for _, p := range lr.Projects {
		if p.Role == facts.RoleModule && (p.Kind == "maven" || p.Kind == "gradle") {
			lr.Notifications = append(lr.Notifications, applySlimming(p, readOr(root, read))...)
		}
	}
	var notes []finding.Notification
	for _, n := range lr.Notifications {
		notes = append(notes, finding.Notification{Path: n.File, Line: n.Line, Level: rules.Level(n.Level), Kind: n.Kind, Message: n.Message})
	}
	return lr.Projects, notes
}

// readOr reads tree files through the engine's reader, or safely under
// root.
func readOr(root string, read func(string) ([]byte, error)) slim.ReadFunc {
	if read != nil {
		return read
	}
	return func(rel string) ([]byte, error) {
		return safefs.ReadFileIn(root, filepath.Join(root, filepath.FromSlash(rel)), safefs.MaxBuildFile)
	}
}

// applySlimming reads a module's slimming configuration as the ark plugin
// does (its pom's plugin, conf/ark/bootstrap.properties or bootstrap.yml,
// or the packExcludesConfig file; a Gradle build's arkConfig) and marks what it leaves to the base,
// naming the pattern. declaredMode keeps transitive dependencies in the
// module. Malformed entries come back as notifications.
func applySlimming(p *facts.BuildProject, read slim.ReadFunc) []deps.Notification {
	cfg, notes := slim.ProjectConfig(p, read)
	if len(cfg.Unread) > 0 {
		p.SlimUnread = cfg.Unread[0]
	}
	for i := range p.Dependencies {
		d := &p.Dependencies[i]
		if d.Scope == "provided" {
			continue
		}
		pat := cfg.Match(d.GroupID, d.ArtifactID, d.Classifier)
		if pat == nil {
			continue
		}
		if cfg.DeclaredMode && (d.Path != p.Path || d.Line == 0) {
			d.Shared, d.SharedWhy = false, ""
			continue
		}
		d.Shared, d.SharedWhy = true, pat.Where()
	}
	return notes
}

package scanner

import (
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/deps"
	"github.com/kscan/kscan/scanner/finding"
)

// loadDeps resolves the build projects of the given build files (relative
// slash paths) with scanner/deps: Maven models with parents and BOMs,
// saved dependency lists, Gradle builds. Roles come from the configuration
// and, with --role auto, from each build file's Koupleless signals.
func loadDeps(root string, files []string, ro *roles, m2 string, read func(string) ([]byte, error)) ([]*facts.BuildProject, []finding.Notification) {
	if m2 == "" {
		m2 = deps.DefaultM2Repo()
	} else if m2 == "-" {
		m2 = ""
	}
	lr := deps.Load(deps.Options{
		Root: root, Files: files, M2Repo: m2, RoleAuto: ro.auto, Read: read,
		Role: func(file string) (facts.Role, string, bool) {
			d := ro.decide(file)
			return d.Role, d.Reason, ro.configured(file)
		},
	})
	var notes []finding.Notification
	for _, n := range lr.Notifications {
		notes = append(notes, finding.Notification{Path: n.File, Line: n.Line, Level: rules.Level(n.Level), Kind: n.Kind, Message: n.Message})
	}
	return lr.Projects, notes
}

package rules

import "github.com/kscan/kscan/rules/facts"

var slimmedButMissingInBaseRule = register(&Rule{
	ID:     "slimmed-but-missing-in-base",
	Hazard: "H12",
	Title:  "Module leaves out a library its base does not provide",
	Summary: "A dependency removed from the ark-biz by the slimming configuration (excludes, excludeGroupIds, " +
		"excludeArtifactIds, often a broad wildcard) is looked up in the base; when the base does not have it the " +
		"module fails to start with ClassNotFoundException or NoClassDefFoundError.",
	Tags:      []string{"koupleless", "dependencies", "slimming"},
	Precision: "high",
	Default:   SeverityHigh,
	Severity:  map[facts.Role]Severity{facts.RoleModule: SeverityHigh},
	CheckDeps: func(p *DepsPass) { reportSlim(p, VerdictMissing) },
})

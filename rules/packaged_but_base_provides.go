package rules

import "github.com/kscan/kscan/rules/facts"

var packagedButBaseProvidesRule = register(&Rule{
	ID:     "packaged-but-base-provides",
	Hazard: "H12",
	Title:  "Module packages a library its base provides in the same version",
	Summary: "The ark-biz carries a copy of a library the base already has in the same version: bytes to " +
		"install on every deployment, and for a framework (Spring, logging, RPC) a second copy whose statics and " +
		"types are split from the base's.",
	Tags:      []string{"koupleless", "dependencies", "slimming"},
	Precision: "high",
	Default:   SeverityLow,
	Severity:  map[facts.Role]Severity{facts.RoleModule: SeverityLow},
	CheckDeps: func(p *DepsPass) { reportSlim(p, VerdictBaseProvides) },
})

package rules

import "github.com/kscan/kscan/rules/facts"

var slimmedVersionSkewRule = register(&Rule{
	ID:     "slimmed-version-skew",
	Hazard: "H12",
	Title:  "Module leaves out a library its base has in another version",
	Summary: "A dependency left to the base runs against the base's version, not the one the module was built " +
		"with: a method or class that changed between them fails with NoSuchMethodError or NoClassDefFoundError. " +
		"Across a major version this is an error.",
	Tags:      []string{"koupleless", "dependencies", "slimming"},
	Precision: "high",
	Default:   SeverityMedium,
	Severity:  map[facts.Role]Severity{facts.RoleModule: SeverityMedium},
	CheckDeps: func(p *DepsPass) { reportSlim(p, VerdictSkew) },
})

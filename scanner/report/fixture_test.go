package report

import (
	"time"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/finding"
)

// Fake rules: the real catalogue lives in package rules and changes on its
// own schedule; these only need the metadata the writers read.
func testRules() []*rules.Rule {
	return []*rules.Rule{
		{
			ID:        "class-forname-caller-loader",
			Hazard:    "H04",
			Title:     "Class.forName with the caller's class loader",
			Summary:   "Class.forName(name) resolves through the loader of the calling class, which in a shared base cannot see module classes.",
			Help:      "## Why it breaks\n\nIn a **shared** base, `Class.forName(name)` uses the *caller's* loader.\n\n```java\nClass.forName(name);\n```\n\nSee [the guide](https://koupleless.io/docs) for <details> & more.\n",
			Tags:      []string{"koupleless", "classloading"},
			Precision: "high",
			Default:   rules.SeverityHigh,
			Severity: map[facts.Role]rules.Severity{
				facts.RoleBase:   rules.SeverityHigh,
				facts.RoleShared: rules.SeverityCritical,
			},
		},
		{
			ID:        "static-mutable-state",
			Hazard:    "H01",
			Title:     "Mutable static field",
			Summary:   "A static field that is written after initialisation is shared by every module that loads the class from the base.",
			Help:      "Make the field `final` or move the state into a bean.",
			Tags:      []string{"koupleless", "static-state"},
			Precision: "medium",
			Default:   rules.SeverityMedium,
		},
		{
			// Nothing fires for this one; it must still be declared.
			ID:      "system-property-write",
			Hazard:  "H09",
			Title:   "System property written at run time",
			Default: rules.SeverityLow,
		},
	}
}

func richInput() *Input {
	return &Input{
		Tool:  Tool{Name: "kscan", Version: "0.1.0", InformationURI: "https://github.com/kscan/kscan"},
		Root:  "/home/ci/work/my app",
		Rules: testRules(),
		Findings: []finding.Finding{
			{
				RuleID:   "static-mutable-state",
				Severity: rules.SeverityMedium,
				Level:    rules.LevelWarning,
				Message:  "Static field CACHE is written after initialisation; every module sharing this class sees the same map.",
				Path:     "src/main/java/com/acme/Cache.java",
				Region:   finding.Region{StartLine: 7, StartColumn: 5, EndLine: 7, EndColumn: 42, ByteOffset: 120, ByteLength: 37},
				Class:    "com.acme.Cache",
				Snippet:  "static Map<String, Object> CACHE = new HashMap<>();",
				// No Fingerprint and no Role: both are optional.
				Related: []finding.Location{
					{Path: "src/main/java/com/acme/Cache.java", Region: finding.Region{StartLine: 19, StartColumn: 9, EndLine: 19, EndColumn: 30}, Message: "written in put [here]"},
					{Path: "src/main/java/com/acme/Other.java", Region: finding.Region{StartLine: 4}},
				},
				Flow: []finding.Location{
					{Path: "src/main/java/com/acme/Api.java", Region: finding.Region{StartLine: 10}, Message: "Api.register calls Cache.put"},
					{Path: "src/main/java/com/acme/Cache.java", Region: finding.Region{StartLine: 19}, Message: "Cache.put writes CACHE"},
				},
			},
			{
				RuleID:      "class-forname-caller-loader",
				Severity:    rules.SeverityHigh,
				Level:       rules.LevelError,
				Message:     "Class.forName(name) uses the caller's loader; pass the thread context class loader.",
				Path:        "src/main/java/com/acme/Loader.java",
				Region:      finding.Region{StartLine: 12, StartColumn: 9, EndLine: 12, EndColumn: 31, ByteOffset: 300, ByteLength: 22},
				Class:       "com.acme.Loader",
				Method:      "load",
				Snippet:     "return Class.forName(name);",
				Fingerprint: "3f1c9a2b7d4e5f60:1",
				Role:        "base",
				Fixes: []finding.Fix{{
					Description: "Use the thread context class loader",
					Edits: []finding.Edit{{
						New:    ", false, Thread.currentThread().getContextClassLoader()",
						Region: finding.Region{StartLine: 12, StartColumn: 30, EndLine: 12, EndColumn: 30},
					}},
				}},
			},
			{
				RuleID:      "class-forname-caller-loader",
				Severity:    rules.SeverityLow,
				Message:     "Class.forName in a test helper \"Ünïcode\" <T>.",
				Path:        "src/main/java/com/acme/Ünï Code.java",
				Region:      finding.Region{StartLine: 3, StartColumn: 1, EndLine: 4, EndColumn: 2},
				Class:       "com.acme.Outer$Inner",
				Method:      "<clinit>",
				Fingerprint: "0000000000000001:1",
				Role:        "shared",
				Fixes: []finding.Fix{
					{Description: "dropped: no edits"},
					{Description: "dropped: unresolved", Edits: []finding.Edit{{New: "x"}}},
				},
			},
			{
				// A finding in a jar with no line: no region at all.
				RuleID:   "static-mutable-state",
				Severity: rules.SeverityMedium,
				Message:  "Static field in lib/a.jar!/com/x/C.class",
				Path:     "lib/a.jar",
				Class:    "com.x.C",
			},
		},
		Notifications: []finding.Notification{
			{Path: "src/main/java/com/acme/Broken.java", Line: 14, Level: rules.LevelWarning, Kind: "syntax", Message: "syntax error; scanned in part"},
			{Path: "lib/huge.jar", Level: rules.LevelError, Kind: "too-large", Message: "larger than 512 MiB; skipped"},
			{Level: rules.LevelNote, Kind: "internal", Message: "role auto-detected"},
		},
		Stats: Stats{Files: 120, Parsed: 35, Bytes: 1 << 20, Duration: 420 * time.Millisecond},
		Properties: map[string]any{
			"kscan.role":       "base",
			"kscan.roleReason": "pom.xml has spring-boot-maven-plugin with sofa-ark",
			"dropped":          nil,
		},
	}
}

func cleanInput() *Input {
	return &Input{
		Tool:  Tool{Name: "kscan", Version: "0.1.0"},
		Rules: testRules(),
		Stats: Stats{Files: 3, Parsed: 0, Duration: 10 * time.Millisecond},
	}
}

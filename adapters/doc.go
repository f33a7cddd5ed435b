// Package adapters answers "which Koupleless adapters does this base
// application need?" the way the koupleless-base-build-plugin decides it.
//
// The plugin reads adapter-mapping.yaml tables and, for every resolved
// artifact of the base, copies the matching adapter's classes into the base.
// This package reproduces that decision statically.
//
// Versions and ranges follow Maven's resolver (Aether GenericVersionScheme,
// maven-resolver 1.9.22), which the plugin uses, not Maven's
// ComparableVersion nor the version-order section of the POM reference:
//
//	v := adapters.ParseVersion("2.3.12.RELEASE") // never fails
//	adapters.Compare(v, adapters.ParseVersion("2.3.12")) // 0
//	r, err := adapters.ParseRange("[2.3.*]")     // one bracketed range
//	u, err := adapters.ParseUnion("[1.0,2.0),[3.0,)") // a RangeUnion
//	u.Contains(v)
//
// ParseUnion splits text exactly like the plugin: a versionRange that does not
// start with [ or ( (a bare "1.2.3") holds no range and matches nothing.
// Syntax errors are *RangeError values wrapping one of the Err* sentinels.
// Load errors are *LoadError values naming file, line and row.
//
// Tables:
//
//	t, errs := adapters.Load("conf/ark/adapter-mapping.yaml", data) // bad rows are reported and skipped
//	all := adapters.Union(adapters.Default(), t)                      // all rows active, no priority
//	c := adapters.Coordinate{GroupID: "org.springframework.boot", ArtifactID: "spring-boot", Version: "2.6.5"}
//	ms := all.Match(c)    // every matching row, with file, line and reason
//	adapters.Adapters(ms) // distinct adapter coordinates, sorted
//	all.Explain(c)        // per candidate row: matched, or which bound excluded the version
//
// Default is the built-in table (26 mappings from the Koupleless adapter
// repository). Rows remember their source file, line and index for
// reporting. The deprecated regexp matcher is a java.util.regex full match;
// Go's RE2 differs (no lookaround, backreferences, possessive quantifiers),
// so a regexp that RE2 cannot compile is a load error.
package adapters

// Package report writes a scan's findings as SARIF 2.1.0, as text for a
// terminal, and as JSON for scripts.
//
// Every writer takes the same Input and is deterministic: the same Input
// gives the same bytes, so reports can be diffed, cached and kept as golden
// files.
//
// SARIF is built with github.com/owenrumney/go-sarif/v2 and then passed
// through a small JSON post-processor, because v2 has gaps that would
// otherwise reach the file: unset pointer fields
// marshalled as null, a ruleIndex of 2^64-1 for rules registered late, and
// no way to emit "suppressions": [] on unsuppressed results. The writer
// therefore guarantees:
//
//   - every rule in Input.Rules is declared in tool.driver.rules, before any
//     result, with shortDescription, fullDescription and help.text set;
//   - each result's ruleIndex is the index of its rule, and a finding whose
//     rule is not declared is an error;
//   - "results" is present, [] for a clean run;
//   - no JSON null appears anywhere;
//   - every artifactLocation has a relative uri and uriBaseId "%SRCROOT%";
//   - either every result has "suppressions" or none has (SARIF §3.27.23);
//   - with a baseline, every result has a baselineState, and baseline
//     findings no longer found follow the findings as results with
//     baselineState "absent", kind "pass" and level "none" (a rule that is
//     no longer declared gets no ruleIndex).
//
// WriteFile writes a report through a temporary file and a rename, so a
// failed write never leaves a truncated or mixed report behind.
package report

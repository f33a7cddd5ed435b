// Package scanner is kscan's engine. A newcomer's map:
//
// Where a scan starts: Scan (scan.go, with Options and Result in
// options.go). It prepares an env (env.go: the options, the rules' plan,
// the role decisions, production scope, the project index, the call
// graph's summaries and the sinks every kind reports to), walks the
// targets once (walk.go: one skip policy for every kind; links followed
// only to regular files inside the root; input.go holds what a walk
// yields), and runs the input kinds (kinds.go: the interface): build files
// first, because roles come from poms (roles.go), then Java sources,
// compiled code and configuration files. Then the call graph is completed
// on demand (graph.go, scanner/callgraph) and the project pass
// (project.go) runs the rules that read the project as a whole: the facts
// of every file, the class path, the call graph, the build projects and
// their dependencies.
//
// Files use each other's names one way only: scan.go at the top; the
// kind_*.go files and project.go below it; env.go, walk.go and graph.go
// below them; kinds.go, input.go, options.go, place.go, plan.go, roles.go,
// index.go, buildfiles.go and suppress.go at the bottom.
//
// Where facts come from: each input kind is one file, kind_<name>.go,
// implementing inputKind: it says which files it wants and scans them.
// Java sources are parsed by scanner/javasrc, class files by
// scanner/classfile and scanner/bytecode inside archives walked by
// scanner/archive, build files by scanner/deps. A byte pre-filter
// (plan.go) decides which rules a source could trigger before it is
// parsed. The rules themselves live in package rules, one file per rule,
// and see only plain facts (rules/facts).
//
// How a finding becomes SARIF: a rule reports a Diagnostic (a byte span
// and a message). place (place.go) turns diagnostics into findings for
// every kind of input, with regions, UTF-16 columns, snippets, fixes,
// in-source suppressions (suppress.go) and the fingerprint; scanner/gate
// compares them with a baseline and changed lines; scanner/report writes
// SARIF, JSON and text.
//
// To add a rule: one file in package rules named after its id, with its
// metadata and check, its help in rules/doc/<id>.md, and fixtures in
// testdata/rules/<id>/. To add an input kind (Kotlin sources, .aar
// archives, a build file format): one file kind_<name>.go implementing
// inputKind, and one line in newKinds.
//
// Output is deterministic: findings and notifications are sorted, the same
// for any number of workers and across runs.
package scanner

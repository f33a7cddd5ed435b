// Package scanner is kscan's engine. A newcomer's map:
//
// Where a scan starts: Scan (scan.go). It prepares an env (kinds.go: the
// options, the rules' plan, the role decisions, the project index and the
// sinks every kind reports to), walks the targets once (walk.go: one skip
// policy for every kind; links followed only to regular files inside the
// root), and runs the input kinds: build files first, because roles come
// from poms (roles.go), then Java sources, compiled code and configuration
// files. Then the project pass (project.go) runs the rules that read the
// project as a whole: the facts of every file, the class path, the build
// projects and their dependencies.
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

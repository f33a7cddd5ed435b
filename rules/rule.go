// Package rules is kscan's hazard catalogue: the Rule type, the registry,
// and one file per rule, named after its id, holding its metadata beside its
// check and its fix. A rule's help is Markdown in doc/<rule-id>.md, embedded
// and attached when the rule registers; helpers that more than one rule
// uses live in the helpers*.go files.
//
// A rule sees the facts of one file (rules/facts) through a Pass and reports
// Diagnostics with byte spans; the scanner turns them into Findings with
// lines, UTF-16 columns and fingerprints.
package rules

import (
	"context"
	"fmt"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// Severity is how much a finding matters: critical and high map to SARIF
// "error", medium to "warning", low and info to "note", hint to "none".
type Severity uint8

// Severities, lowest first. SeverityNone is "not reported". SeverityHint
// is reported but left out of the output unless asked for (--min-level
// none): where a rule's findings read real too rarely to be worth a
// reviewer's time by default (the role of the code is not known, and the
// hazard turns on facts the code does not show), they wait there for
// whoever wants the candidates.
const (
	SeverityNone Severity = iota
	SeverityHint
	SeverityInfo
	SeverityLow
	SeverityMedium
	SeverityHigh
	SeverityCritical
)

var severityNames = [...]string{"none", "hint", "info", "low", "medium", "high", "critical"}

func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return "none"
}

// Level is the SARIF level of a severity.
func (s Severity) Level() Level {
	switch s {
	case SeverityCritical, SeverityHigh:
		return LevelError
	case SeverityMedium:
		return LevelWarning
	case SeverityLow, SeverityInfo:
		return LevelNote
	}
	return LevelNone // hint, and none
}

// MarshalText makes severities readable in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeverity reads a severity name. Severities and levels are one
// scale, and either word is accepted wherever one is asked for: error is
// high, warning is medium, note is low.
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if i > 0 && strings.EqualFold(s, n) {
			return Severity(i), nil
		}
	}
	switch strings.ToLower(s) {
	case "error":
		return SeverityHigh, nil
	case "warning":
		return SeverityMedium, nil
	case "note":
		return SeverityLow, nil
	}
	return SeverityNone, fmt.Errorf("unknown severity %q (want critical, high, medium, low, info or hint; or error, warning, note)", s)
}

// Level is a SARIF result level.
type Level string

// SARIF levels, ordered by Rank.
const (
	LevelNone    Level = "none"
	LevelNote    Level = "note"
	LevelWarning Level = "warning"
	LevelError   Level = "error"
)

// Rank orders levels: none < note < warning < error.
func (l Level) Rank() int {
	switch l {
	case LevelNote:
		return 1
	case LevelWarning:
		return 2
	case LevelError:
		return 3
	}
	return 0
}

// ParseLevel reads a level as used by --fail-on and --min-level. Severity
// words are accepted too, on the same scale: critical and high are error,
// medium is warning, low and info are note, hint is none.
func ParseLevel(s string) (Level, error) {
	switch l := Level(strings.ToLower(s)); l {
	case LevelNone, LevelNote, LevelWarning, LevelError:
		return l, nil
	}
	if sev, err := ParseSeverity(s); err == nil {
		return sev.Level(), nil
	}
	return "", fmt.Errorf("unknown level %q (want error, warning, note or none; or critical, high, medium, low, info, hint)", s)
}

// Rule is one hazard check with its documentation.
type Rule struct {
	ID        string // kebab-case, e.g. "class-forname-caller-loader"; its help is doc/<ID>.md
	Hazard    string // kscan's own catalogue number ("H04"), only carried into SARIF as the kscan.hazard property
	Title     string // one line, used as SARIF shortDescription
	Summary   string // a paragraph, used as SARIF fullDescription (at most 1024 characters)
	Help      string // markdown: why it breaks, what is flagged and not, the fix; read from doc/<id>.md at registration
	Tags      []string
	Precision string // very-high, high, medium, low (SARIF property)

	// Default is the severity when the role is unknown. Severity gives the
	// severity per role; a role missing from the map means the hazard does
	// not apply there and nothing is reported ("not reported" in
	// docs/rules.md).
	Default  Severity
	Severity map[facts.Role]Severity

	// Keywords is the pre-filter: a file with no identifier token that
	// starts with one of them (strings and comments included) cannot
	// trigger the rule and is not parsed for it. A rule with a Prefilter
	// and no Keywords has its Prefilter run on every file.
	Keywords []string
	// Prefilter, when set, is a finer byte check run after a keyword hit,
	// for rules whose keywords are too common to skip much on their own
	// ("static"). It must never reject a file the rule could flag.
	Prefilter func(src []byte) bool
	// Declares, when set, names what a file the Prefilter rejected holds
	// for the rule's project-wide part: the static fields it declares,
	// which another file's writes make findings of. Such a file is parsed
	// after the others only when one of them writes one of these names.
	Declares func(src []byte) []string
	// Calls lists the method names whose invocations the rule inspects; the
	// source extractor resolves only calls with these names.
	Calls []string
	// CallOwners narrows calls of Calls to their owners in compiled code,
	// whose calls name the class they are made on: name -> classes
	// ("get" -> "java.lang.ThreadLocal"). A method body is decoded for such
	// a name only when it calls it on one of them, or when its class
	// declares a field of one of these types (a rule may match a call
	// through such a field by the field's type). A name without an entry
	// is wanted on any owner. Sources are unaffected.
	CallOwners map[string][]string
	// CallsWith narrows calls of Calls in compiled code to the classes that
	// call one of some methods: name -> methods ("put" ->
	// "java.lang.System.getProperties"), for a rule that matches a call by
	// the call its receiver comes from (System.getProperties().put), which
	// a class that never makes that call cannot hold. With CallOwners for
	// the same name, either lets a method body be decoded; an empty list
	// in both, neither: compiled code decodes nothing for the name (a rule
	// that reads only the writes the extractor records on its own).
	CallsWith map[string][]string
	// WriteCalls lists method names whose calls matter to the rule only as
	// writes to a static field (a mutator called on one: facts.Mutators).
	// The source extractor resolves them as Calls; compiled code records
	// those writes without them, so no method body is decoded and no call
	// recorded for a name only this lists.
	WriteCalls []string
	// News lists the simple type names of instance creations the rule inspects.
	News []string

	// IncludeTests makes the rule run on test sources too.
	IncludeTests bool
	// Leak marks hazards that only matter when modules are uninstalled at
	// run time (threads, pools, timers, hooks left behind); --mode static
	// turns them off.
	Leak bool

	// Resources lists base-name globs of non-Java files the rule reads
	// ("application*.properties"); CheckResource is called for each.
	Resources     []string
	CheckResource func(*ResourcePass)

	// Mentions lists tokens whose occurrences the rule reads
	// (DepsPass.Mentions): searched in Java sources, build files, and the
	// files whose base names match MentionFiles (start scripts, ...).
	Mentions     []string
	MentionFiles []string

	// Check is called once per file with the file's facts.
	Check func(*Pass)
	// CheckProject, when set, is called once after every file was checked,
	// with the facts of all parsed files, for hazards that span files (a
	// static field of one class written by another).
	CheckProject func(*ProjectPass)
	// ProjectFields, when set, tells which static fields of a file
	// CheckProject may read (ProjectReadsField): a scan keeps only those
	// until the project pass. Unset, CheckProject reads no field.
	ProjectFields func(*facts.Field) bool
	// CheckClassPath, when set, is called once per scan with what the
	// scanned archives put side by side on a class path
	// (ProjectPass.ClassPath); Files is empty.
	CheckClassPath func(*ProjectPass)
	// ClassRefs makes the scan record, for CheckClassPath, the classes a
	// module's own compiled code references (ClassPath.Refs) and which
	// archives hold each class (ClassPath.Holders).
	ClassRefs bool
	// CheckDeps, when set, is called once per scan with the build projects
	// of the tree and their dependencies (see DepsPass).
	CheckDeps func(*DepsPass)
}

// SeverityFor is the rule's severity at a role.
func (r *Rule) SeverityFor(role facts.Role) Severity {
	if role == facts.RoleUnknown {
		return r.Default
	}
	return r.Severity[role]
}

// HelpURI is where the rule's documentation lives.
func (r *Rule) HelpURI() string {
	return "https://github.com/kscan/kscan/blob/main/docs/rules.md#" + r.ID
}

// TypeIndex answers whether the scanned project declares a type.
type TypeIndex interface {
	HasType(fqn string) bool
}

// Pass carries one file's facts to one rule and collects its diagnostics.
type Pass struct {
	Rule *Rule
	File *facts.File
	Role facts.Role
	// Src is the file's content, for rules that build fixes from text.
	Src []byte
	// Project knows the types declared in the scanned tree.
	Project TypeIndex
	report  func(Diagnostic)
	done    <-chan struct{} // closed when the file's time limit ran out (Until)
}

// NewPass makes a pass; report receives every diagnostic.
func NewPass(r *Rule, f *facts.File, role facts.Role, src []byte, project TypeIndex, report func(Diagnostic)) *Pass {
	return &Pass{Rule: r, File: f, Role: role, Src: src, Project: project, report: report}
}

// Until bounds the pass by ctx: once it is done, Stopped reports true and
// the check's loops over a file's calls and writes end early. The caller
// drops what such a pass reported (it is incomplete); a check that runs
// for each of a file's facts can otherwise take minutes on a generated or
// hostile file of tens of thousands of them.
func (p *Pass) Until(ctx context.Context) *Pass {
	p.done = ctx.Done()
	return p
}

// Stopped reports whether the pass's time ran out (Until).
func (p *Pass) Stopped() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// Text is the source text of a span.
func (p *Pass) Text(s facts.Span) string {
	if s.Start < 0 || s.End > len(p.Src) || s.Start > s.End {
		return ""
	}
	return string(p.Src[s.Start:s.End])
}

// textBytes is Text without the copy, for a search.
func (p *Pass) textBytes(s facts.Span) []byte {
	if s.Start < 0 || s.End > len(p.Src) || s.Start > s.End {
		return nil
	}
	return p.Src[s.Start:s.End]
}

// Report records a diagnostic. A zero Severity means the rule's severity for
// the pass's role; a rule that does not apply at the role reports nothing.
//
// Nothing is reported in the then-branch of an `if (DEBUG)`: a debug
// build's diagnostics, not the behaviour of the code that ships.
func (p *Pass) Report(d Diagnostic) {
	if d.Context.DebugOnly {
		return
	}
	if p.Rule.rate(p.Role, &d) {
		p.report(d)
	}
}

// rate gives d the rule's id and its severity at role (when the rule did
// not set one), and reports false when the rule does not apply there.
func (r *Rule) rate(role facts.Role, d *Diagnostic) bool {
	base := r.SeverityFor(role)
	if base == SeverityNone {
		return false
	}
	if d.Severity == SeverityNone || base == SeverityHint {
		// A rule lowered below note where it runs stays there, whatever
		// shape its check rated (a probe's info, a capped warning).
		d.Severity = base
	}
	d.RuleID, d.Role = r.ID, role
	return true
}

// ResourcePass carries one non-Java file (configuration, descriptors) to a
// rule; diagnostics are byte spans in Src.
type ResourcePass struct {
	Rule *Rule
	Path string // slash-separated, relative to the scan root
	Src  []byte
	Role facts.Role
	// Report behaves as Pass.Report.
	report func(Diagnostic)
}

// NewResourcePass makes a resource pass.
func NewResourcePass(r *Rule, path string, src []byte, role facts.Role, report func(Diagnostic)) *ResourcePass {
	return &ResourcePass{Rule: r, Path: path, Src: src, Role: role, report: report}
}

// Report records a diagnostic in the resource.
func (p *ResourcePass) Report(d Diagnostic) {
	if p.Rule.rate(p.Role, &d) {
		p.report(d)
	}
}

// ProjectPass carries the facts of every parsed file to a project rule.
type ProjectPass struct {
	Rule  *Rule
	Files []*facts.File
	// ClassPath is what the scanned archives put side by side on a class
	// path: service providers and class names.
	ClassPath *facts.ClassPath
	// Graph is the project's call graph: the summaries of its methods
	// (ends the JVM, returns a ClassLoader, loads by a name parameter) and
	// the calls of those that have one; nil when it was not built.
	Graph *facts.CallGraph
	// RoleOf says where the code at a path runs.
	RoleOf func(path string) facts.Role
	// Statics is FindForeignStatics(Files) when the scanner has found them
	// already (it asks for their writers before the call graph is built);
	// nil, or found over other files, the rule finds them itself.
	Statics *ForeignStatics
	report  func(Diagnostic)
}

// NewProjectPass makes a project pass; report receives every diagnostic.
func NewProjectPass(r *Rule, files []*facts.File, roleOf func(string) facts.Role, report func(Diagnostic)) *ProjectPass {
	return &ProjectPass{Rule: r, Files: files, RoleOf: roleOf, report: report}
}

// Report records a diagnostic in file path, rated for the role there.
func (p *ProjectPass) Report(path string, d Diagnostic) {
	if d.Context.DebugOnly {
		return // as Pass.Report
	}
	base := p.Rule.SeverityFor(p.RoleOf(path))
	if base == SeverityNone {
		return
	}
	if d.Severity == SeverityNone || d.Severity > base {
		d.Severity = base
	}
	d.RuleID, d.Path, d.Role = p.Rule.ID, path, p.RoleOf(path)
	p.report(d)
}

// ReportArchive records a diagnostic about an archive on the class path
// (see ClassPath), rated for the role of the archive's code; d.Severity,
// when set, caps that rating.
func (p *ProjectPass) ReportArchive(ref facts.ArchiveRef, key string, d Diagnostic) {
	base := p.Rule.SeverityFor(ref.Role)
	if base == SeverityNone {
		return
	}
	if d.Severity == SeverityNone || d.Severity > base {
		d.Severity = base
	}
	d.RuleID, d.Path, d.Entry, d.Key, d.Role = p.Rule.ID, ref.Anchor, ref.Archive, key, ref.Role
	p.report(d)
}

// AtMost is the pass's severity capped at s: for findings the catalogue
// rates lower than the rule's usual severity, without raising a role where
// the rule is already milder.
func (p *Pass) AtMost(s Severity) Severity {
	if base := p.Rule.SeverityFor(p.Role); base < s {
		return base
	}
	return s
}

// Diagnostic is what a rule reports: a byte span in the pass's file (or,
// from a project rule, in the file named by Path).
type Diagnostic struct {
	RuleID   string
	Path     string
	Severity Severity
	Message  string
	Span     facts.Span
	Context  facts.Context
	Fixes    []Fix
	// Properties are structured details for machines (the adapters a
	// dependency needs, ...), carried into the finding and SARIF.
	Properties map[string]string
	// Related are the other places the message names (the writes of a
	// static, the helper a hazard passes through, the loader a lookup
	// uses); Flow, when set, is the chain from where the hazard starts to
	// where it happens, in order. Reports link them, and a change touching
	// any of them touches the finding.
	Related []Related
	Flow    []Related
	// EntrySensitive marks a hazard that exists only where the code runs
	// in a shared JVM (System.exit, a stream redirected, a property set):
	// the finding is dropped when only a process entry point (main,
	// premain, agentmain, a Maven goal, an Ant task) reaches its method,
	// which the scanner knows once the project's call graph is built.
	EntrySensitive bool
	// EntryGuards are the methods that turn an entry-sensitive hazard on
	// (the writers of the flag an exit is guarded by): when only entry
	// points reach every one of them, the hazard happens only in a process
	// a command line started, and the finding is dropped as above.
	EntryGuards []facts.MethodKey
	// GuardRef is a flag of another class guarding the hazard, read by
	// its getter: the scanner finds its writers (EntryGuards) in the
	// class's source before it decides as above.
	GuardRef *facts.GuardRef
	// ImageRef is a static getter of another class that a condition
	// around an entry-sensitive hazard calls ("if (Platform.isNative())"):
	// when its source shows it returns a native-image test
	// (ReturnsImageTest), the hazard runs only inside a native image, one
	// application's process, and the finding is dropped as above.
	ImageRef *facts.GuardRef
	// UnlessDeclared names a class: the finding is dropped when the scanned
	// project declares it. Which classes the project declares is known only
	// once every input was read, so the scanner decides.
	UnlessDeclared string
	// Pending is what a class lookup's verdict waits for (constants of
	// other files, the callers of its method): the scanner drops the
	// finding when Settle clears it.
	Pending *facts.Pending
	// Entry and Key place a diagnostic about an archive as a whole (a
	// provider file, a bundled framework): Entry is the logical path of
	// the archive concerned ("app.jar!/BOOT-INF/lib/x.jar"), Key what
	// identifies the finding there, since there is no code text to hash.
	Entry, Key string
	// Role is the role the diagnostic was rated at.
	Role facts.Role
}

// Related is another place a diagnostic names: a span of the diagnostic's
// own file (Path empty), or a line of another file of the project.
type Related struct {
	Path    string     // slash-separated, relative to the scan root; "" for the diagnostic's file
	Span    facts.Span // in the diagnostic's file; ignored for another file
	Line    int        // 1-based; the place in another file, or in compiled code
	Message string     // what is there: "written here", "ends the JVM"
}

// Fix is one suggested change, made of edits to the file.
type Fix struct {
	Description string `json:"description"`
	Edits       []Edit `json:"edits"`
}

// Edit replaces the bytes of Span with New.
type Edit struct {
	Span facts.Span `json:"-"`
	New  string     `json:"new"`
}

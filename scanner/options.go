package scanner

import (
	"github.com/kscan/kscan/scanner/slim"
	"time"

	"github.com/kscan/kscan/adapters"
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/archive"
	"github.com/kscan/kscan/scanner/finding"
	"github.com/kscan/kscan/scanner/scope"
)

// Options configure a scan.
type Options struct {
	Paths        []string // files and directories to scan
	Root         string   // directory that result paths are relative to; default: the current directory
	Rules        []*rules.Rule
	Jobs         int // parallel parsers; default runtime.NumCPU()
	Excludes     []string
	MaxFileSize  int64 // larger files are skipped with a notification; default 4 MiB
	ParseTimeout time.Duration
	// Role applies to all code unless RoleAuto is set, in which case each
	// file's role comes from the nearest pom.xml with a Koupleless signal.
	// PathRoles (from .kscan.yaml) override both for matching paths.
	Role      facts.Role
	RoleAuto  bool
	PathRoles []PathRole
	// Static is --mode static: modules are never uninstalled, so leak
	// rules report nothing.
	Static bool
	// MinLevel is the lowest level the caller keeps ("" or none: every
	// finding). Above none, a rule rated hint at a file's role (a
	// candidate) is not run on that file, and Result.NotRun names it.
	MinLevel rules.Level
	// ParseOnly parses every file and runs no rules and no pre-filter: the
	// floor that benchmarks compare a full scan against.
	ParseOnly bool
	// Adapters is the adapter mapping table for dependency rules (nil: the
	// built-in table); M2Repo the local repository for parents and BOMs
	// ("": ~/.m2/repository, "-": none).
	Adapters *adapters.Table
	M2Repo   string
	// Archive caps the walk of each jar, war or ear (zero fields: defaults).
	Archive archive.Options
	// Progress, when set, is called as inputs are done (sources,
	// configuration files, archives and class files), from any goroutine.
	Progress func(done, total int)
	// IncludeNonProduction scans code that never runs in a shared JVM
	// too: tests and their resources, test-support modules, benchmarks,
	// examples, build tools, packaging poms (--include non-production). By
	// default scanner/scope sets them aside, unread, and Result.Scope
	// counts them by reason. ScopeOverrides decide paths the user named
	// (.kscan.yaml production: and non-production:).
	IncludeNonProduction bool
	ScopeOverrides       []scope.Override
	// Base is the base the scanned modules run on, read apart from the
	// tree (kscan scan --base, with slim.LoadBase): context for the
	// slimming rules, never scanned itself. It replaces any base the tree
	// holds for those rules.
	Base *slim.Side
	// BaseNotes are the problems met reading Base (a malformed pom of the
	// base's tree, a library jar it could not read): notifications.
	BaseNotes []slim.Note
}

// DefaultMaxFileSize is the default cap on one source file. Larger .java
// files are generated code in practice, and parsing them costs more than
// it finds.
const DefaultMaxFileSize = 4 << 20

// Stats describe the work done.
type Stats struct {
	Files    int           `json:"files"`    // source files discovered
	Parsed   int           `json:"parsed"`   // files parsed (the rest could not trigger any rule)
	Bytes    int64         `json:"bytes"`    // bytes read
	Duration time.Duration `json:"duration"` // wall time
	Archives int           `json:"archives"` // jars, wars and ears walked
	Classes  int           `json:"classes"`  // class files parsed
	Reused   int           `json:"reused"`   // of them, copies of a class scanned before: its findings placed again
	// Uninflated counts the reused copies taken as read: their entries'
	// compressed bytes and headers were those of a copy read before.
	Uninflated int    `json:"uninflated"`
	Skipped    int    `json:"skipped"` // source files read but not parsed: the pre-filter saw no rule that could fire
	Phases     Phases `json:"phases"`
}

// Phases is where a scan's wall time went. The steps run one after the
// other, so their wall times add up to Stats.Duration (Other is what is
// left: setting up, merging and sorting the findings). Sources and Classes
// run on every worker at once: their Work is worker time summed over the
// workers, which exceeds the step's wall time when the workers overlap.
type Phases struct {
	Discover time.Duration `json:"discover"` // walking the paths, indexing the sources' names
	Build    time.Duration `json:"build"`    // build files (pom.xml, Gradle)
	// ScopeWait is the sources' wait for the scope classifier's indexes,
	// built beside the walk and the build files from every production
	// source (scope.Classifier.Prepare).
	ScopeWait time.Duration `json:"scopeWait"`
	Sources   time.Duration `json:"sources"` // Java sources: read, pre-filter, parse, extract, rules
	Classes   time.Duration `json:"classes"` // archives and class files: read, inflate, decode, rules
	Config    time.Duration `json:"config"`  // configuration files
	Graph     time.Duration `json:"graph"`   // the project call graph: callers searched, files parsed for it
	Project   time.Duration `json:"project"` // project-wide rules over every file's facts
	Deps      time.Duration `json:"deps"`    // dependency rules over the build projects
	Other     time.Duration `json:"other"`

	SourceWork Work `json:"sourceWork"`
	ClassWork  Work `json:"classWork"`
}

// Work is worker time in one concurrent step, summed over the workers.
type Work struct {
	Read    time.Duration `json:"read"`    // reading (and inflating), the production check, the pre-filter
	Parse   time.Duration `json:"parse"`   // the tree-sitter parse (sources only)
	Extract time.Duration `json:"extract"` // facts from the tree or the class file
	Rules   time.Duration `json:"rules"`   // the rules' checks and placing their findings
	Graph   time.Duration `json:"graph"`   // handing the file's summaries to the call graph
}

// Total is the sum of the parts.
func (w Work) Total() time.Duration { return w.Read + w.Parse + w.Extract + w.Rules + w.Graph }

func (w *Work) add(o Work) {
	w.Read += o.Read
	w.Parse += o.Parse
	w.Extract += o.Extract
	w.Rules += o.Rules
	w.Graph += o.Graph
}

// Result is the outcome of a scan.
type Result struct {
	Root          string // absolute
	Findings      []finding.Finding
	Notifications []finding.Notification
	Stats         Stats
	// Roles are the role decisions that applied to scanned code, and why.
	Roles []RoleDecision
	// Scope counts the inputs classified as production or set aside, by
	// reason, so that a wrong guess is visible and can be overridden.
	Scope *scope.Tally
	// IncludedNonProduction is set when non-production inputs were
	// scanned (they are still counted in Scope).
	IncludedNonProduction bool
	// Modules are the Koupleless module projects of the tree with what
	// they package, for batch summaries.
	Modules []ModuleSize
	// StaleTemps are the temporary files a killed kscan fix left in the
	// scanned tree (absolute paths); kscan fix removes them.
	StaleTemps []string
	// NotRun are the rules that some file did not run because they rate
	// its role hint and Options.MinLevel leaves candidates out.
	NotRun []string
}

// ModuleSize is a module project's packaged size: the local-repository
// jars of what it packages; Unknown counts those not found there.
type ModuleSize struct {
	Path          string `json:"path"`
	PackagedBytes int64  `json:"packagedBytes"`
	Unknown       int    `json:"unknownSizes,omitempty"`
}

package batch

// Status values of a repository's record. ok and scan-errors have results;
// the others say why there are none.
const (
	StateOK          = "ok"           // scanned; every input was read
	StateScanErrors  = "scan-errors"  // scanned, but some inputs could not be read (corrupt jar, bad pom): results kept
	StateEmpty       = "empty"        // cloned, but the repository has no commits or nothing kscan reads
	StateCloneFailed = "clone-failed" // git could not fetch it
	StateTimedOut    = "timed-out"    // clone or scan exceeded --timeout
	StateScanFailed  = "scan-failed"  // kscan itself stopped with an error
	StateInvalid     = "invalid"      // the list line is not a usable path or URL
)

// Failed reports whether a state means the repository has no usable
// result: these make a batch exit non-zero.
func Failed(state string) bool {
	switch state {
	case StateOK, StateScanErrors, StateEmpty:
		return false
	}
	return true
}

// LevelCounts counts findings by SARIF level.
type LevelCounts struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Note    int `json:"note"`
}

// Total is the number of findings at any level.
func (c LevelCounts) Total() int { return c.Error + c.Warning + c.Note }

// Status is the record written for each repository (status.json), last,
// after its SARIF: a repository with a current record is done.
type Status struct {
	Key        string `json:"key"`        // directory name under repos/, stable for (repository, ref, role)
	Repository string `json:"repository"` // as written in the list
	Ref        string `json:"ref,omitempty"`
	Role       string `json:"role,omitempty"` // as given in the list; "" means detected
	Line       int    `json:"line"`           // line in the list, for ordering
	Kind       string `json:"kind"`           // remote or local
	State      string `json:"state"`
	Reason     string `json:"reason,omitempty"`
	Commit     string `json:"commit,omitempty"` // what was scanned: a commit, or a content digest of a local directory

	KscanVersion string `json:"kscanVersion"`
	RulesVersion string `json:"rulesVersion"` // digest of rules, adapter tables and scan options

	// Roles detected by the scan: distinct role names, sorted.
	Roles         []string       `json:"roles,omitempty"`
	Findings      LevelCounts    `json:"findings"`   // unsuppressed findings
	Suppressed    int            `json:"suppressed"` // findings suppressed in source or configuration
	Rules         map[string]int `json:"rules,omitempty"`
	Adapters      []string       `json:"adapters,omitempty"`      // adapter coordinates the base needs, sorted
	Notifications int            `json:"notifications,omitempty"` // inputs that could not be read or parsed
	Unresolved    int            `json:"unresolved,omitempty"`    // dependencies not resolved (a missing parent pom or BOM); the inputs were read
	SARIF         string         `json:"sarif,omitempty"`         // relative to the output directory: always repos/<key>/result.sarif
	BrowseURL     string         `json:"browseUrl,omitempty"`     // web page of the scanned commit, when known
	// Modules are the Koupleless modules of the repository: what each
	// packages and how many slimming errors it has (it will not start).
	Modules []ModuleSlim `json:"modules,omitempty"`

	DurationMS int64  `json:"durationMs"`
	Finished   string `json:"finished,omitempty"` // RFC 3339
}

// ModuleSlim is one module's slimming, as a batch summary shows it.
type ModuleSlim struct {
	Path          string `json:"path"`          // its build file
	PackagedBytes int64  `json:"packagedBytes"` // packaged jars found in the local repository
	UnknownSizes  int    `json:"unknownSizes,omitempty"`
	SlimErrors    int    `json:"slimErrors"` // error findings of the slimming rules in its directory
}

// slimRules are the rules whose errors mean a module will not start.
var slimRules = map[string]bool{"slimmed-but-missing-in-base": true, "slimmed-version-skew": true, "module-class-unresolvable": true}

// RuleCount is how often a rule fired.
type RuleCount struct {
	Rule  string `json:"rule"`
	Level string `json:"level"` // the rule's default SARIF level
	Title string `json:"title,omitempty"`
	Count int    `json:"count"`
	Repos int    `json:"repositories"` // repositories where it fired (in Summary.Rules)
}

// AdapterCount is how many repositories need an adapter.
type AdapterCount struct {
	Adapter string `json:"adapter"`
	Repos   int    `json:"repositories"`
}

// FindingRef is one finding as the HTML report lists it.
type FindingRef struct {
	Rule    string `json:"rule"`
	Level   string `json:"level"`
	Path    string `json:"path"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
	URL     string `json:"url,omitempty"` // the line on the repository's web page, when known
}

// Repo is one repository in the summary.
type Repo struct {
	Status
	TopRules []RuleCount `json:"topRules,omitempty"` // most findings first, at most 5
	// Listed are the first findings of the SARIF file, errors first, for
	// the HTML report; Unlisted counts the rest. (Status.Findings holds the
	// counts by level.)
	Listed   []FindingRef `json:"-"`
	Unlisted int          `json:"-"`
	// The first unresolved dependencies, as the scan's notifications say
	// them, and how many more there are (Status.Unresolved counts them all).
	UnresolvedListed   []string `json:"-"`
	UnresolvedUnlisted int      `json:"-"`
}

// Totals add up the repositories.
type Totals struct {
	Repositories int            `json:"repositories"`
	States       map[string]int `json:"states"` // repositories per state
	Failed       int            `json:"failed"` // repositories without a usable result
	Findings     LevelCounts    `json:"findings"`
	Suppressed   int            `json:"suppressed"`
	NeedAdapters int            `json:"needAdapters"` // repositories that need at least one adapter
	Unresolved   int            `json:"unresolved"`   // dependencies not resolved, over all repositories
	// UnresolvedRepos counts repositories with an unresolved dependency.
	UnresolvedRepos int `json:"unresolvedRepositories"`
}

// Summary is what summary.json, summary.md and report.html show. It holds
// no times of its own, so a merged sharded run equals an unsharded one.
type Summary struct {
	KscanVersion string         `json:"kscanVersion"`
	RulesVersion string         `json:"rulesVersion"`
	FailOn       string         `json:"failOn"`
	Totals       Totals         `json:"totals"`
	Rules        []RuleCount    `json:"rules"`    // over all repositories, most findings first
	Adapters     []AdapterCount `json:"adapters"` // most repositories first
	Repositories []Repo         `json:"repositories"`
}

package report

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner/finding"
)

const (
	// SchemaURI is the $schema of SARIF reports, the address GitHub's
	// documentation uses.
	SchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
	// SrcRoot is the uriBaseId of every artifact location.
	SrcRoot = "%SRCROOT%"
	// FingerprintKey is kscan's own partial fingerprint, versioned so a
	// change of algorithm does not match old baselines by accident.
	FingerprintKey = "kscan/v1"

	maxDescription = 1024 // GitHub's limit for short and full descriptions
)

// SARIF writes in as a SARIF 2.1.0 log with one run, pretty-printed.
//
// invocations[0].executionSuccessful is true: kscan ran to completion even
// when some inputs could not be read or parsed. Those are reported as
// toolExecutionNotifications (level error means the input was skipped), and
// the CLI's --strict turns them into a failing exit code; marking the whole
// invocation failed would make consumers such as GitLab distrust results
// that are complete for every other file.
func SARIF(w io.Writer, in *Input) error {
	doc, err := buildSARIF(in)
	if err != nil {
		return err
	}
	return doc.write(w)
}

// buildSARIF builds the log with go-sarif, then repairs the JSON it
// produces (see the package documentation).
func buildSARIF(in *Input) (*node, error) {
	if in == nil {
		return nil, errors.New("report: nil input")
	}
	rep, err := sarif.New(sarif.Version210)
	if err != nil {
		return nil, err
	}
	rep.Schema = SchemaURI

	run := sarif.NewRunWithInformationURI(firstNonEmpty(in.Tool.Name, "kscan"), in.Tool.InformationURI)
	if in.Tool.InformationURI == "" {
		run.Tool.Driver.InformationURI = nil
	}
	if in.Tool.Version != "" {
		run.Tool.Driver.WithVersion(in.Tool.Version)
	}
	run.ColumnKind = "utf16CodeUnits"
	if in.Root != "" {
		run.WithOriginalUriBaseIds(map[string]*sarif.ArtifactLocation{
			SrcRoot: sarif.NewSimpleArtifactLocation(rootURI(in.Root)),
		})
	}
	if len(in.Roles) > 0 {
		if in.Properties == nil {
			in.Properties = map[string]any{}
		}
		in.Properties["kscan.roles"] = in.Roles
	}
	if in.Scope != nil {
		if in.Properties == nil {
			in.Properties = map[string]any{}
		}
		in.Properties["kscan.scope"] = in.Scope
	}
	props := maps.Clone(in.Properties)
	if in.Baseline != nil {
		if err := in.Baseline.validate(len(in.Findings)); err != nil {
			return nil, err
		}
		newN, unchanged := in.baselineCounts()
		if props == nil {
			props = map[string]any{}
		}
		props["kscan.baseline"] = map[string]any{"file": in.Baseline.File, "new": newN, "unchanged": unchanged, "absent": len(in.Baseline.Absent)}
	}
	if in.DiffBase != nil {
		if props == nil {
			props = map[string]any{}
		}
		props["kscan.diffBase"] = in.DiffBase
	}
	if len(props) > 0 {
		run.Properties = sarif.Properties(props)
	}

	// A result's ruleIndex is its rule's place in the list.
	index := map[string]int{}
	for i, r := range in.Rules {
		if r == nil {
			return nil, fmt.Errorf("report: rule %d is nil", i)
		}
		if r.ID == "" {
			return nil, fmt.Errorf("report: rule %d has no id", i)
		}
		if _, dup := index[r.ID]; dup {
			return nil, fmt.Errorf("report: rule %q declared twice", r.ID)
		}
		index[r.ID] = i
	}
	// The descriptors go into the tree below, rendered ahead or now: the
	// run's own list stays empty so that its place in the log is kept.
	descriptors, err := in.RulesAhead.nodesFor(in)
	if err == nil && descriptors == nil {
		descriptors, err = ruleNodes(in)
	}
	if err != nil {
		return nil, err
	}
	run.Tool.Driver.Rules = []*sarif.ReportingDescriptor{}

	inv := run.AddInvocation(true)
	for _, n := range in.Notifications {
		inv.AddTToolExecutionNotification(newNotification(n))
	}
	run.Results = []*sarif.Result{} // "results": [] even when there are none
	rep.AddRun(run)

	// go-sarif's Write would also dedupe artifacts; there are none.
	doc, err := encode(rep)
	if err != nil {
		return nil, err
	}
	// Results are encoded one at a time into the tree: the go-sarif value
	// and the encoded bytes of each are dropped before the next, so the
	// report's peak memory is the tree, not the tree plus all of them.
	doc.get("runs").vals[0].get("tool").get("driver").set("rules", &node{kind: '[', vals: descriptors})
	results := doc.get("runs").vals[0].get("results")
	add := func(res *sarif.Result) error {
		n, err := encode(res)
		if err != nil {
			return err
		}
		results.vals = append(results.vals, n)
		return nil
	}
	for i := range in.Findings {
		f := &in.Findings[i]
		want, ok := index[f.RuleID]
		if !ok {
			return nil, fmt.Errorf("report: finding %d (%s:%d) has rule %q, which is not among the declared rules", i, f.Path, f.Region.StartLine, f.RuleID)
		}
		res, err := newResult(f, in.Suppressions[i])
		if err != nil {
			return nil, fmt.Errorf("report: finding %d (%s:%d): %w", i, f.Path, f.Region.StartLine, err)
		}
		if st := in.state(i); st != "" {
			res.WithBaselineState(st)
		}
		res.WithRuleIndex(want)
		if err := add(res); err != nil {
			return nil, err
		}
	}
	if in.Baseline != nil {
		for _, a := range in.Baseline.Absent {
			res := absentResult(a)
			if idx, ok := index[a.RuleID]; ok {
				res.WithRuleIndex(idx)
			}
			// A rule that is no longer declared gets no index (AddResult
			// would give it 2^64-1).
			if err := add(res); err != nil {
				return nil, err
			}
		}
	}
	doc.dropNulls()
	doc.moveFirst("$schema") // where readers and editors look for it
	balanceSuppressions(doc)
	return doc, nil
}

func addRule(run *sarif.Run, r *rules.Rule, helpURI string) {
	short := truncate(firstNonEmpty(r.Title, r.ID), maxDescription)
	full := truncate(firstNonEmpty(r.Summary, r.Title, r.ID), maxDescription)
	help := sarif.NewMultiformatMessageString(firstNonEmpty(markdownToText(r.Help), full))
	if r.Help != "" {
		help.WithMarkdown(r.Help)
	}
	level := r.Default.Level()

	props := sarif.Properties{
		"problem.severity": problemSeverity(level),
		"kscan.severity":   r.Default.String(),
	}
	if len(r.Tags) > 0 {
		props["tags"] = append([]string(nil), r.Tags...)
	}
	if r.Precision != "" {
		props["precision"] = r.Precision
	}
	if r.Hazard != "" {
		props["kscan.hazard"] = r.Hazard
	}
	if len(r.Severity) > 0 {
		byRole := map[string]string{}
		for role, sev := range r.Severity {
			byRole[role.String()] = sev.String()
		}
		props["kscan.severityByRole"] = byRole
	}

	run.AddRule(r.ID).
		WithName(camelCase(r.ID)).
		WithShortDescription(sarif.NewMultiformatMessageString(short)).
		WithFullDescription(sarif.NewMultiformatMessageString(full)).
		WithHelp(help).
		WithHelpURI(helpURI).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(string(level))).
		WithProperties(props)
}

// problemSeverity is GitHub's problem.severity for a level.
func problemSeverity(l rules.Level) string {
	switch l {
	case rules.LevelError:
		return "error"
	case rules.LevelWarning:
		return "warning"
	}
	return "recommendation"
}

func artifact(path string) *sarif.ArtifactLocation {
	return sarif.NewSimpleArtifactLocation(relURI(path)).WithUriBaseId(SrcRoot)
}

// region converts a resolved region, leaving out what is unknown (0):
// the schema's minimum for lines and columns is 1.
func region(r finding.Region) *sarif.Region {
	if r.StartLine < 1 {
		return nil
	}
	out := sarif.NewRegion().WithStartLine(r.StartLine)
	if r.StartColumn >= 1 {
		out.WithStartColumn(r.StartColumn)
	}
	if r.EndLine >= r.StartLine {
		out.WithEndLine(r.EndLine)
		if r.EndColumn >= 1 && (r.EndLine > r.StartLine || r.EndColumn >= r.StartColumn) {
			out.WithEndColumn(r.EndColumn)
		}
	}
	return out
}

func newResult(f *finding.Finding, sups []Suppression) (*sarif.Result, error) {
	// GitHub rejects the whole file for one result without a location.
	if f.Path == "" {
		return nil, errors.New("no path")
	}
	level, err := rules.ParseLevel(string(levelOf(f)))
	if err != nil {
		return nil, err
	}
	msg := firstNonEmpty(f.Message, f.RuleID)
	// GitHub shows related locations only when the message links them.
	var links []string
	for i, r := range f.Related {
		links = append(links, fmt.Sprintf("[%s](%d)", linkText(r), i+1))
	}
	if len(links) > 0 {
		msg += " (see " + strings.Join(links, ", ") + ")"
	}
	res := sarif.NewRuleResult(f.RuleID).
		WithLevel(string(level)).
		WithMessage(sarif.NewTextMessage(msg))
	if level == rules.LevelNone {
		// A candidate below note (shown on request): SARIF's kind for a
		// result a person must review to decide whether it is a problem;
		// §3.27.10 requires level "none" for any kind but "fail".
		res.WithKind("review")
	}

	phys := sarif.NewPhysicalLocation().WithArtifactLocation(artifact(f.Path))
	if reg := region(f.Region); reg != nil {
		phys.WithRegion(reg)
	}
	loc := sarif.NewLocationWithPhysicalLocation(phys)
	if f.Class != "" {
		ll := sarif.NewLogicalLocation()
		if f.Method != "" {
			ll.WithName(f.Method).WithFullyQualifiedName(f.Class + "." + f.Method).WithKind("function")
		} else {
			ll.WithName(f.Class).WithFullyQualifiedName(f.Class).WithKind("type")
		}
		loc.WithLogicalLocations([]*sarif.LogicalLocation{ll})
	}
	res.AddLocation(loc)
	for i, r := range f.Related {
		res.AddRelatedLocation(place(r).WithId(i + 1))
	}
	if len(f.Flow) > 0 {
		var steps []*sarif.ThreadFlowLocation
		for i, r := range f.Flow {
			steps = append(steps, sarif.NewThreadFlowLocation().WithLocation(place(r)).WithExecutionOrder(i+1))
		}
		res.WithCodeFlows([]*sarif.CodeFlow{sarif.NewCodeFlow().
			WithThreadFlows([]*sarif.ThreadFlow{sarif.NewThreadFlow().WithLocations(steps)})})
	}

	if f.Fingerprint != "" {
		// A fresh map: go-sarif's SetPartialFingerPrint writes into nil.
		res.WithPartialFingerPrints(map[string]any{
			"primaryLocationLineHash": f.Fingerprint,
			FingerprintKey:            f.Fingerprint,
		})
	}

	props := sarif.Properties{"severity": f.Severity.String()}
	for k, v := range f.Properties {
		props[k] = v
	}
	if f.Role != "" {
		props["role"] = f.Role
	}
	if f.Entry != "" { // compiled code: the class inside the jar, and its source line
		props["entry"] = f.Entry
		if f.SourceLine > 0 {
			props["sourceLine"] = f.SourceLine
		}
	}
	res.Properties = props

	for _, fx := range usableFixes(f.Fixes) {
		change := sarif.NewArtifactChange(artifact(f.Path))
		for _, e := range fx.Edits {
			change.WithReplacement(sarif.NewReplacement(region(e.Region)).
				WithInsertedContent(sarif.NewArtifactContent().WithText(e.New)))
		}
		fix := sarif.NewFix().WithArtifactChanges([]*sarif.ArtifactChange{change})
		if fx.Description != "" {
			fix.WithDescriptionText(fx.Description)
		}
		res.AddFix(fix)
	}

	for _, s := range sups {
		s, err := s.normalize()
		if err != nil {
			return nil, err
		}
		sup := sarif.NewSuppression(s.Kind).WithStatus(s.Status)
		if s.Justification != "" {
			sup.WithJustifcation(s.Justification) // sic: go-sarif's spelling
		}
		res.AddSuppression(sup)
	}
	return res, nil
}

// absentResult reports a baseline finding that the scan no longer finds.
// SARIF §3.27.9 has kind "pass" for a rule that was evaluated and found no
// problem, and §3.27.10 requires level "none" for any kind but "fail".
// The result keeps kscan's own fingerprint but not
// primaryLocationLineHash: GitHub code scanning reads that to keep an
// alert open, and does not document reading baselineState or kind.
func absentResult(a AbsentFinding) *sarif.Result {
	res := sarif.NewRuleResult(a.RuleID).
		WithKind("pass").
		WithLevel(string(rules.LevelNone)).
		WithMessage(sarif.NewTextMessage(firstNonEmpty(a.Message, a.RuleID))).
		WithBaselineState(BaselineAbsent)
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(artifact(a.Path))
	if a.Line >= 1 {
		phys.WithRegion(sarif.NewRegion().WithStartLine(a.Line))
	}
	res.AddLocation(sarif.NewLocationWithPhysicalLocation(phys))
	if a.Fingerprint != "" {
		res.WithPartialFingerPrints(map[string]any{FingerprintKey: a.Fingerprint})
	}
	return res
}

func newNotification(n finding.Notification) *sarif.Notification {
	// A notification must never cost the report, so an odd level is
	// reported as a warning rather than failing the write.
	level, err := rules.ParseLevel(string(n.Level))
	if err != nil || n.Level == "" {
		level = rules.LevelWarning
	}
	msg := firstNonEmpty(n.Message, n.Kind, "problem with input")
	if n.Path != "" {
		msg = n.Path + ": " + msg
	}
	out := sarif.NewNotification().WithLevel(string(level)).WithMessage(sarif.NewTextMessage(msg))
	if n.Kind != "" {
		out.WithDescriptor(sarif.NewReportingDescriptorReference().WithId(n.Kind))
	}
	if n.Path != "" {
		phys := sarif.NewPhysicalLocation().WithArtifactLocation(artifact(n.Path))
		if n.Line >= 1 {
			phys.WithRegion(sarif.NewRegion().WithStartLine(n.Line))
		}
		out.WithLocations([]*sarif.Location{sarif.NewLocationWithPhysicalLocation(phys)})
	}
	return out
}

// balanceSuppressions gives every result a "suppressions" array when any
// result has one: SARIF §3.27.23 reads an absent array as "not known",
// which must not be mixed with results known to be unsuppressed. go-sarif
// omits empty arrays, so the [] is added here.
func balanceSuppressions(doc *node) {
	for _, run := range doc.get("runs").vals {
		results := run.get("results")
		if results == nil {
			continue
		}
		found := false
		for _, r := range results.vals {
			if r.get("suppressions") != nil {
				found = true
				break
			}
		}
		if !found {
			continue
		}
		for _, r := range results.vals {
			if r.get("suppressions") == nil {
				r.set("suppressions", &node{kind: '['})
			}
		}
	}
}

// place is a related or flow location as SARIF has it.
func place(r finding.Location) *sarif.Location {
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(artifact(r.Path))
	if reg := region(r.Region); reg != nil {
		phys.WithRegion(reg)
	}
	loc := sarif.NewLocationWithPhysicalLocation(phys)
	if r.Message != "" {
		loc.WithMessage(sarif.NewTextMessage(r.Message))
	}
	return loc
}

// linkText names a related location inside a message link: its message,
// else file and line, with the brackets a link cannot hold escaped.
func linkText(r finding.Location) string {
	t := r.Message
	if t == "" {
		t = fmt.Sprintf("%s:%d", r.Path, r.Region.StartLine)
	}
	return strings.NewReplacer("[", "\\[", "]", "\\]").Replace(t)
}

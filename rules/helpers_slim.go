package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// Helpers of the slimming rules (slimmed-but-missing-in-base,
// slimmed-version-skew, packaged-but-base-provides). The same judgement
// serves the scan of a tree and the `kscan slim` plan, so the two never
// disagree.

// Slimming verdicts of one module dependency.
const (
	VerdictPackaged     = "packaged"     // in the module, the base has nothing to offer instead
	VerdictLeftToBase   = "left-to-base" // left out, the base has the same version
	VerdictMissing      = "slimmed-but-missing-in-base"
	VerdictSkew         = "slimmed-version-skew"
	VerdictBaseProvides = "packaged-but-base-provides"
	VerdictUnknown      = "unknown" // left out, and what the base has is not known
)

// SlimCase is one module dependency beside what its base has.
type SlimCase struct {
	Dep *facts.Dependency
	// Left is set when the module leaves the dependency to the base;
	// LeftWhy names the setting (a provided scope, the pattern and its
	// file:line).
	Left    bool
	LeftWhy string
	// Base are the base's artifacts with the same groupId:artifactId.
	Base []*facts.Dependency
	// BaseComplete says the base's list is its whole class path (a fat jar,
	// a resolved list), so an absence is a fact, not a gap in what was read.
	BaseComplete bool
	// Size is the dependency's packaged size in bytes (0: unknown).
	Size int64
	// Unread names a slimming setting of the module that could not be
	// read ("file:line key"): a dependency no read pattern leaves out may
	// still be left out by it.
	Unread string
}

// SlimVerdict is what JudgeSlim decided, with the severity a finding of
// that rule carries ("" severity: nothing to report).
type SlimVerdict struct {
	Verdict  string
	Severity Severity
	Reason   string
	Base     *facts.Dependency // the base's copy, when it has one
}

// JudgeSlim decides what leaving a dependency to the base, or packaging
// it, will do at run time.
func JudgeSlim(c SlimCase) SlimVerdict {
	d := c.Dep
	var base *facts.Dependency
	for _, b := range c.Base {
		if base == nil || b.Version == d.Version {
			base = b
		}
	}
	if c.Left {
		switch {
		case base == nil && !c.BaseComplete:
			return SlimVerdict{Verdict: VerdictUnknown, Reason: fmt.Sprintf("left to the base by %s; the base's resolved dependency list was not read, so whether it provides %s is unknown", c.LeftWhy, d.Key())}
		case base == nil:
			return SlimVerdict{Verdict: VerdictMissing, Severity: SeverityHigh, Reason: fmt.Sprintf("%s is left to the base by %s, but the base does not provide it: ClassNotFoundException / NoClassDefFoundError when the module loads it", d.GAV(), c.LeftWhy)}
		case d.Version == "" || base.Version == "" || base.Version == d.Version:
			return SlimVerdict{Verdict: VerdictLeftToBase, Base: base, Reason: fmt.Sprintf("left to the base by %s; the base provides %s (%s)", c.LeftWhy, base.GAV(), depWhere(base))}
		}
		sev := SeverityMedium
		across := ""
		if major(d.Version) != major(base.Version) {
			sev, across = SeverityHigh, ", across a major version"
		}
		return SlimVerdict{Verdict: VerdictSkew, Severity: sev, Base: base, Reason: fmt.Sprintf("%s is left to the base by %s, but the base has %s (%s)%s: the module runs against code it was not built with (NoSuchMethodError)", d.GAV(), c.LeftWhy, base.Version, depWhere(base), across)}
	}
	if c.Unread != "" {
		return SlimVerdict{Verdict: VerdictUnknown, Base: base, Reason: fmt.Sprintf("packaged unless %s leaves it to the base: kscan cannot evaluate that setting", c.Unread)}
	}
	if base != nil && d.Version != "" && base.Version == d.Version && !privateCopies[d.Key()] {
		sev := SeverityLow
		what := ""
		if isFramework(d) {
			sev, what = SeverityMedium, "; a framework: two copies split its statics and break type identity across the module boundary"
		}
		return SlimVerdict{Verdict: VerdictBaseProvides, Severity: sev, Base: base, Reason: fmt.Sprintf("packaged although the base provides the same version (%s); leaving it out saves %s%s", depWhere(base), Bytes(c.Size), what)}
	}
	if base != nil {
		return SlimVerdict{Verdict: VerdictPackaged, Base: base, Reason: fmt.Sprintf("packaged; the base has another version (%s), so the module keeps its own", base.GAV())}
	}
	return SlimVerdict{Verdict: VerdictPackaged, Reason: "packaged; the base does not provide it"}
}

// major is the leading number of a version ("" when it has none).
func major(v string) string {
	i := 0
	for i < len(v) && v[i] >= '0' && v[i] <= '9' {
		i++
	}
	return strings.TrimLeft(v[:i], "0")
}

// Bytes renders a size for people ("unknown size" for 0).
func Bytes(n int64) string {
	switch {
	case n <= 0:
		return "an unknown number of bytes"
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// slimFinding is one judged dependency of a module of the scanned tree.
type slimFinding struct {
	proj *facts.BuildProject
	dep  *facts.Dependency
	v    SlimVerdict
}

// treeSlimVerdicts judges every dependency of each module of the tree
// against the base given with --base, or else the tree's base. With no
// base, or several, nothing is judged: which base a module runs on is then
// not known.
func treeSlimVerdicts(p *DepsPass) []slimFinding {
	bs := p.Bases()
	if len(bs) != 1 {
		return nil
	}
	b := bs[0]
	inBase := map[string][]*facts.Dependency{}
	for _, d := range runtimeDeps(b) {
		inBase[d.Key()] = append(inBase[d.Key()], d)
	}
	var out []slimFinding
	for _, proj := range p.Projects {
		if proj.Role != facts.RoleModule {
			continue
		}
		seen := map[string]bool{}
		for i := range proj.Dependencies {
			d := &proj.Dependencies[i]
			if seen[d.Key()] || d.Optional || d.Source == "implied" || !d.Packaged() && !d.Shared {
				continue
			}
			seen[d.Key()] = true
			if matchAllWhy(d.SharedWhy) {
				continue // a configuration mistake, not a finding per dependency
			}
			c := SlimCase{Dep: d, Left: d.Shared, LeftWhy: d.SharedWhy, Base: inBase[d.Key()], BaseComplete: b.Resolved, Unread: proj.SlimUnread, Size: d.Size}
			out = append(out, slimFinding{proj: proj, dep: d, v: JudgeSlim(c)})
		}
	}
	return out
}

// matchAllWhy recognises a SharedWhy naming a pattern that matches every
// dependency ("... excludeGroupIds *").
func matchAllWhy(why string) bool {
	return strings.HasSuffix(why, " *") || strings.HasSuffix(why, " *:*")
}

// providedOnly reports a dependency left to the base only by its provided
// scope: Maven's compile-only scope too (Lombok, annotation APIs), so its
// absence from the base proves nothing by itself.
func providedOnly(d *facts.Dependency) bool {
	return d.Scope == "provided"
}

// reportSlim reports the verdicts of one kind.
func reportSlim(p *DepsPass, verdict string) {
	for _, f := range treeSlimVerdicts(p) {
		if f.v.Verdict != verdict || f.v.Severity == SeverityNone {
			continue
		}
		if verdict == VerdictMissing && (providedOnly(f.dep) || f.dep.SharedUnproven) {
			continue // no pattern removed it: the base lacking it proves nothing
		}
		if f.dep.ArtifactID == "koupleless-app-starter" {
			continue // provided in every module by design; the base starter brings it
		}
		d := Diagnostic{Path: f.dep.Path, Span: f.dep.Span, Context: facts.Context{Line: f.dep.Line}, Severity: f.v.Severity, Message: f.v.Reason}
		d.Properties = map[string]string{"dependency": f.dep.GAV()}
		if f.dep.Entry != "" {
			// Declared inside an archive (a biz's own pom): the finding is
			// on the archive, and the entry and the setting, whose lines
			// are no lines of the archive, are named as properties.
			d.Properties["declaredAt"] = f.dep.Entry
			if f.dep.SharedWhy != "" {
				d.Properties["leftToBaseBy"] = f.dep.SharedWhy
			}
		} else if file, line, what := settingAt(f.dep.SharedWhy); line > 0 && (file != f.dep.Path || line != f.dep.Line) {
			d.Related = append(d.Related, Related{Path: file, Line: line, Message: "left to the base here: " + what})
		}
		if b := f.v.Base; b != nil && b.Line > 0 {
			d.Related = append(d.Related, Related{Path: b.Path, Line: b.Line, Message: "the base's " + b.GAV()})
		}
		p.Report(f.proj, d)
	}
}

// settingAt splits a SharedWhy ("file:line what") into its place and text.
func settingAt(why string) (file string, line int, what string) {
	loc, what, _ := strings.Cut(why, " ")
	i := strings.LastIndexByte(loc, ':')
	if i < 0 {
		return "", 0, ""
	}
	n, err := strconv.Atoi(loc[i+1:])
	if err != nil {
		return "", 0, ""
	}
	return loc[:i], n, what
}

// jdkPrefixes are the packages of the Java platform (internal names):
// what every class loader finds through the bootstrap or platform loader.
var jdkPrefixes = []string{
	"java/", "javax/crypto/", "javax/net/", "javax/security/", "javax/sql/", "javax/xml/", "javax/naming/",
	"javax/management/", "javax/script/", "javax/annotation/processing/", "javax/lang/model/", "javax/tools/",
	"javax/swing/", "javax/imageio/", "javax/sound/", "javax/print/", "javax/accessibility/", "javax/rmi/",
	"javax/transaction/xa/", "javax/smartcardio/", "jdk/", "sun/", "com/sun/",
	"org/w3c/dom/", "org/xml/sax/", "org/ietf/jgss/",
}

// InJDK reports a class of the Java platform, by internal ("java/util/Map")
// or binary ("java.util.Map") name.
func InJDK(name string) bool {
	name = strings.ReplaceAll(name, ".", "/")
	for _, p := range jdkPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

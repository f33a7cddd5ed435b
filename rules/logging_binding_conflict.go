package rules

import (
	"fmt"

	"github.com/kscan/kscan/adapters"
	"github.com/kscan/kscan/rules/facts"
)

var loggingBindingConflictRule = register(&Rule{
	ID:     "logging-binding-conflict",
	Hazard: "H28",
	Title:  "Conflicting logging backends or bridges",
	Summary: "One JVM hosting many apps needs one SLF4J backend, chosen by the base. Several bindings on one class " +
		"path, a bridge that loops back into its own binding, an slf4j-api that cannot see the backend, or a module " +
		"that packages a backend other than the base's break per-app logging or fail at start.",
	Tags:      []string{"koupleless", "dependencies", "logging"},
	Precision: "high",
	Default:   SeverityHigh,
	Severity: map[facts.Role]Severity{
		facts.RoleBase: SeverityHigh, facts.RoleModule: SeverityHigh, facts.RolePrivate: SeverityHigh,
	},
	CheckDeps: checkLoggingBindingConflict,
})

// bridgeLoops pairs a bridge with the bindings it must not sit beside.
var bridgeLoops = map[string][]string{
	"org.apache.logging.log4j:log4j-to-slf4j": {"org.apache.logging.log4j:log4j-slf4j-impl", "org.apache.logging.log4j:log4j-slf4j2-impl"},
	"org.slf4j:log4j-over-slf4j":              {"org.slf4j:slf4j-log4j12", "org.slf4j:slf4j-reload4j"},
	"org.slf4j:jcl-over-slf4j":                {"org.slf4j:slf4j-jcl"},
	"org.slf4j:jul-to-slf4j":                  {"org.slf4j:slf4j-jdk14"},
}

func checkLoggingBindingConflict(dp *DepsPass) {
	p := &onePerLine{DepsPass: dp}
	defer p.flush()
	baseFamily := map[string]*facts.Dependency{}
	for _, b := range p.Bases() {
		for _, d := range bindingsOf(b) {
			baseFamily[slf4jBindings[d.Key()]] = d
		}
	}
	for _, proj := range p.Projects {
		run := runtimeDeps(proj)
		bs := bindingsOf(proj)
		for _, d := range bs[min(1, len(bs)):] {
			p.Report(proj, Diagnostic{Path: d.Path, Span: d.Span, Context: facts.Context{Line: d.Line}, Severity: SeverityMedium,
				Message: fmt.Sprintf("second SLF4J binding %s beside %s (%s): SLF4J binds one of them arbitrarily, and per-app logging works only for the backend Koupleless adapts; keep one",
					d.GAV(), bs[0].GAV(), depWhere(bs[0]))})
		}
		have := map[string]*facts.Dependency{}
		for _, d := range run {
			if _, ok := have[d.Key()]; !ok {
				have[d.Key()] = d
			}
		}
		for bridge, loops := range bridgeLoops {
			br := have[bridge]
			if br == nil {
				continue
			}
			for _, k := range loops {
				if b := have[k]; b != nil {
					p.Report(proj, Diagnostic{Path: br.Path, Span: br.Span, Context: facts.Context{Line: br.Line}, Severity: SeverityMedium,
						Message: fmt.Sprintf("bridge %s beside binding %s (%s): each forwards to the other, a delegation loop (StackOverflowError); drop one", br.GAV(), b.GAV(), depWhere(b))})
				}
			}
		}
		if api := have["org.slf4j:slf4j-api"]; api != nil && api.Version != "" {
			for _, b := range bs {
				old := versionBelow(api.Version, "2.0.0-alpha0")
				var bad bool
				switch b.Key() {
				case "ch.qos.logback:logback-classic":
					bad = old && versionAtLeast(b.Version, "1.3.0-alpha0") || !old && b.Version != "" && versionBelow(b.Version, "1.3.0-alpha0")
				case "org.apache.logging.log4j:log4j-slf4j2-impl":
					bad = old
				case "org.apache.logging.log4j:log4j-slf4j-impl":
					bad = !old
				}
				if bad {
					p.Report(proj, Diagnostic{Path: b.Path, Span: b.Span, Context: facts.Context{Line: b.Line}, Severity: SeverityMedium,
						Message: fmt.Sprintf("%s does not serve slf4j-api %s (%s): SLF4J 1.x binds through StaticLoggerBinder, 2.x through a ServiceLoader provider, so logging falls back to NOP; align the versions", b.GAV(), api.Version, depWhere(api))})
				}
			}
		}
		if proj.Role != facts.RoleModule || len(baseFamily) == 0 {
			continue
		}
		for _, d := range bs {
			fam := slf4jBindings[d.Key()]
			if baseFamily[fam] != nil {
				continue
			}
			var other *facts.Dependency
			for _, o := range baseFamily {
				if other == nil || o.Path+o.Key() < other.Path+other.Key() {
					other = o
				}
			}
			p.Report(proj, Diagnostic{Path: d.Path, Span: d.Span, Context: facts.Context{Line: d.Line},
				Message: fmt.Sprintf("the module packages %s (%s) while the base binds %s (%s): Spring's logging system fails at start (\"LoggerFactory is not a ... LoggerContext\"); use the base's backend, provided",
					d.GAV(), fam, other.GAV(), depWhere(other))})
		}
	}
}

// slf4jBindings are the SLF4J backends, by key, with the backend family
// they route to: two of them in one app's class path conflict.
var slf4jBindings = map[string]string{
	"ch.qos.logback:logback-classic":             "logback",
	"org.apache.logging.log4j:log4j-slf4j-impl":  "log4j2",
	"org.apache.logging.log4j:log4j-slf4j2-impl": "log4j2",
	"org.slf4j:slf4j-log4j12":                    "log4j 1",
	"org.slf4j:slf4j-reload4j":                   "reload4j",
	"org.slf4j:slf4j-simple":                     "slf4j-simple",
	"org.slf4j:slf4j-jdk14":                      "java.util.logging",
	"org.slf4j:slf4j-nop":                        "nop",
	"org.slf4j:slf4j-jcl":                        "commons-logging",
}

// bindingsOf lists the project's SLF4J bindings, first declaration first.
func bindingsOf(proj *facts.BuildProject) []*facts.Dependency {
	var out []*facts.Dependency
	seen := map[string]bool{}
	for _, d := range runtimeDeps(proj) {
		if fam, ok := slf4jBindings[d.Key()]; ok && fam != "" && !seen[d.Key()] {
			seen[d.Key()] = true
			out = append(out, d)
		}
	}
	return out
}

// versionBelow compares with Maven's resolver ordering; an unknown version
// is never below anything.
func versionBelow(v, max string) bool {
	if v == "" {
		return false
	}
	return adapters.Compare(adapters.ParseVersion(v), adapters.ParseVersion(max)) < 0
}

// onePerLine reports at most one finding per build-file line: the
// dependency a line declares (or the starter that implies it) is one
// thing to fix, however many of the checks above it fails; the others are
// named in the message of the most severe one.
type onePerLine struct {
	*DepsPass
	order []string
	at    map[string]*lineFinding
}

type lineFinding struct {
	proj *facts.BuildProject
	d    Diagnostic
	also []string
}

func (p *onePerLine) Report(proj *facts.BuildProject, d Diagnostic) {
	if p.at == nil {
		p.at = map[string]*lineFinding{}
	}
	path := d.Path
	if path == "" {
		path = proj.Path
	}
	k := fmt.Sprintf("%s\x00%d\x00%d", path, d.Context.Line, d.Span.Start)
	f := p.at[k]
	if f == nil {
		p.at[k] = &lineFinding{proj: proj, d: d}
		p.order = append(p.order, k)
		return
	}
	sev := func(x Diagnostic) Severity {
		if x.Severity == SeverityNone {
			return p.Rule.SeverityFor(proj.Role)
		}
		return x.Severity
	}
	if sev(d) > sev(f.d) {
		f.also = append(f.also, f.d.Message)
		f.d = d
		return
	}
	f.also = append(f.also, d.Message)
}

func (p *onePerLine) flush() {
	for _, k := range p.order {
		f := p.at[k]
		for _, m := range f.also {
			f.d.Message += "; also: " + m
		}
		p.DepsPass.Report(f.proj, f.d)
	}
}

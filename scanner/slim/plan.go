package slim

import (
	"fmt"
	"path/filepath"
	"sort"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
)

// Guidance is the Koupleless size guidance for a module: under 5 MB.
const Guidance = 5 << 20

// Plan actions.
const (
	ActionLeave   = "leave-to-base" // exclude it: the base has the same version
	ActionPackage = "package"       // narrow the pattern that removed it: the base lacks it
)

// Entry is the verdict on one module dependency.
type Entry struct {
	Dependency string `json:"dependency"`
	Key        string `json:"-"`
	Scope      string `json:"scope,omitempty"`
	Verdict    string `json:"verdict"`
	Rule       string `json:"rule,omitempty"`
	Level      string `json:"level,omitempty"` // error, warning, note
	Size       int64  `json:"size"`
	Reason     string `json:"reason"`
	Where      string `json:"where,omitempty"` // file:line of the declaration
	Base       string `json:"base,omitempty"`  // the base's coordinate
	Action     string `json:"action,omitempty"`
	// Pattern is the exclude that left the dependency to the base.
	Pattern *Pattern `json:"pattern,omitempty"`
}

// Plan is a module's slimming, judged against its base.
type Plan struct {
	Module     string  `json:"module"`
	ModuleKind string  `json:"moduleKind"`
	Base       string  `json:"base"`
	BaseKind   string  `json:"baseKind"`
	Entries    []Entry `json:"dependencies"`
	// Now and After are packaged bytes before and after the plan; Unknown
	// counts packaged dependencies whose size is not known (their bytes
	// are missing from both).
	Now      int64 `json:"packagedBytes"`
	After    int64 `json:"packagedBytesAfterPlan"`
	Unknown  int   `json:"unknownSizes"`
	Guidance int64 `json:"guidanceBytes"`
	Errors   int   `json:"errors"`
	Warnings int   `json:"warnings"`
	// Config and Pom say where a fix goes.
	ConfFile string `json:"confFile,omitempty"`
	Pom      string `json:"pom,omitempty"`
	// Unresolved are the classes the module's code references that
	// resolve nowhere after slimming (module-class-unresolvable, errors);
	// ClassCheck says why that check did not run, when it did not.
	Unresolved []Unresolved `json:"unresolvedClasses,omitempty"`
	ClassCheck string       `json:"classCheck,omitempty"`
	// Notes are the problems of the inputs (never findings).
	Notes []Note `json:"-"`
}

// CheckClasses runs the class check of the plan's module against its base
// and adds what it finds to the plan; input problems are returned.
func (pl *Plan) CheckClasses(mod, base *Side) []Note {
	us, notes, err := CheckClasses(mod, base)
	if err != nil {
		pl.ClassCheck = "not run: " + err.Error()
		return notes
	}
	pl.ClassCheck = "ran"
	pl.Unresolved = us
	pl.Errors += len(us)
	return notes
}

// Build judges every dependency of mod against base.
func Build(mod, base *Side) *Plan {
	pl := &Plan{Module: mod.Path, ModuleKind: mod.Kind, Base: base.Path, BaseKind: base.Kind, Guidance: Guidance, ConfFile: mod.ConfFile, Pom: mod.Pom}
	if mod.Kind == KindTree && mod.Project != nil {
		pl.Module = filepath.ToSlash(filepath.Join(mod.Path, mod.Project.Path))
	}
	if base.Kind == KindTree && base.Project != nil {
		pl.Base = filepath.ToSlash(filepath.Join(base.Path, base.Project.Path))
	}
	inBase := map[string][]*facts.Dependency{}
	for i := range base.Deps {
		d := &base.Deps[i]
		if d.Packaged() || base.Kind != KindTree {
			inBase[d.Key()] = append(inBase[d.Key()], d)
		}
	}
	seen := map[string]bool{}
	var delta int64 // bytes the plan adds (packages) less what it removes
	for i := range mod.Deps {
		d := &mod.Deps[i]
		if seen[d.Key()] || d.Optional || !d.Packaged() && d.Scope != "provided" {
			continue
		}
		seen[d.Key()] = true
		left, why, pat := leftToBase(mod, d, inBase)
		declaredOnly := ""
		if !left && mod.Config.DeclaredMode && mod.Packaged == nil && !mod.Declared[d.Key()] {
			if p := mod.Config.Match(d.GroupID, d.ArtifactID, d.Classifier); p != nil {
				declaredOnly = fmt.Sprintf("; packaged although %s matches it: declaredMode (%s) leaves out only what the module declares, and this one comes in transitively", p.Where(), mod.Config.DeclaredModeAt)
			}
		}
		size := mod.Sizes[d.Key()]
		if size == 0 && left {
			size = base.Sizes[d.Key()]
		}
		unread := ""
		if len(mod.Config.Unread) > 0 {
			unread = mod.Config.Unread[0]
		}
		v := rules.JudgeSlim(rules.SlimCase{Dep: d, Left: left, LeftWhy: why, Base: inBase[d.Key()], BaseComplete: base.Complete, Size: size, Unread: unread})
		e := Entry{Dependency: d.GAV(), Key: d.Key(), Scope: d.Scope, Verdict: v.Verdict, Size: size, Reason: v.Reason + declaredOnly, Pattern: pat}
		if d.Line > 0 {
			e.Where = fmt.Sprintf("%s:%d", d.Path, d.Line)
		}
		if v.Base != nil {
			e.Base = v.Base.GAV()
		}
		if pat != nil && pat.MatchesAll {
			v.Severity = rules.SeverityNone
			e.Reason += " (the pattern matches every dependency: fix the configuration first)"
		}
		if v.Verdict == rules.VerdictMissing && pat == nil {
			// Provided scope is also Maven's compile-only scope (Lombok,
			// annotation APIs): absent from the base proves nothing.
			v.Severity = rules.SeverityNone
			e.Verdict = rules.VerdictUnknown
			e.Reason = fmt.Sprintf("left to the base by %s; the base does not provide it: fine only if it is needed at compile time alone", why)
		}
		if v.Severity != rules.SeverityNone {
			e.Rule, e.Level = v.Verdict, string(v.Severity.Level())
		}
		switch e.Level {
		case "error":
			pl.Errors++
		case "warning":
			pl.Warnings++
		}
		packagedNow := !left
		if mod.Packaged != nil {
			packagedNow = mod.Packaged[d.Key()]
		}
		if packagedNow {
			if size == 0 {
				pl.Unknown++
			}
			pl.Now += size
		}
		switch {
		case v.Verdict == rules.VerdictBaseProvides && packagedNow && declaredOnly != "":
			e.Reason += "; declare it with scope provided to leave it to the base"
		case v.Verdict == rules.VerdictBaseProvides && packagedNow:
			e.Action = ActionLeave
			delta -= size
		case v.Verdict == rules.VerdictMissing && pat != nil && !pat.MatchesAll:
			e.Action = ActionPackage
			delta += size
			if size == 0 {
				pl.Unknown++
			}
		}
		pl.Entries = append(pl.Entries, e)
	}
	pl.Now += mod.OwnSize
	if mod.Total > 0 {
		// A built biz: its own size is the truth, whatever the coordinates say.
		pl.Now = mod.Total
	}
	pl.After = pl.Now + delta
	sort.SliceStable(pl.Entries, func(i, j int) bool { return pl.Entries[i].Dependency < pl.Entries[j].Dependency })
	return pl
}

// leftToBase says whether the module leaves d to the base, why, and which
// pattern did it.
func leftToBase(mod *Side, d *facts.Dependency, inBase map[string][]*facts.Dependency) (bool, string, *Pattern) {
	if mod.Packaged != nil && mod.Packaged[d.Key()] {
		return false, "", nil
	}
	if d.Scope == "provided" {
		return true, fmt.Sprintf("%s:%d scope provided", d.Path, d.Line), nil
	}
	if p := mod.Config.Match(d.GroupID, d.ArtifactID, d.Classifier); p != nil {
		if mod.Config.DeclaredMode && mod.Declared != nil && !mod.Declared[d.Key()] {
			// declaredMode: only what the module declares itself is left out.
			if mod.Packaged == nil {
				return false, "", nil
			}
		}
		return true, p.Where(), p
	}
	if mod.Config.ParentIdentity != "" {
		for _, b := range inBase[d.Key()] {
			if b.Version == d.Version {
				return true, fmt.Sprintf("%s baseDependencyParentIdentity %s (same version as the base)", mod.Config.ParentIdentityAt, mod.Config.ParentIdentity), nil
			}
		}
	}
	if mod.Packaged != nil {
		return true, fmt.Sprintf("%s (absent from lib/ of the biz)", d.Path), nil
	}
	return false, "", nil
}

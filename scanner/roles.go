package scanner

import (
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/archive"
	"github.com/kscan/kscan/scanner/deps"
)

// PathRole sets the role of the code under a glob (from .kscan.yaml).
type PathRole struct {
	Glob   string
	Role   facts.Role
	Source string // "file:line" of the entry
}

// RoleDecision is the role used for some code and why.
type RoleDecision struct {
	Dir    string     `json:"dir"` // slash-separated directory it applies to, relative to the root
	Role   facts.Role `json:"-"`
	Name   string     `json:"role"`
	Reason string     `json:"reason"`
	tree   bool       // decided by the tree, not by an archive's layout
	// inferred says the role was guessed from the code's kind (an
	// application), not read from a Koupleless signal: the dependency
	// rules, which judge what a build packages against a base, keep
	// the default role for it.
	inferred bool
}

// ParseRole reads a role name as used by --role and .kscan.yaml.
func ParseRole(s string) (facts.Role, bool, error) {
	switch s {
	case "", "auto":
		return facts.RoleUnknown, true, nil
	case "base":
		return facts.RoleBase, false, nil
	case "module":
		return facts.RoleModule, false, nil
	case "library", "shared":
		return facts.RoleShared, false, nil
	case "private":
		return facts.RolePrivate, false, nil
	}
	return facts.RoleUnknown, false, fmt.Errorf("unknown role %q (want auto, base, module, library or private)", s)
}

// roles decides where each file's code runs: a path rule from the
// configuration first, then an explicit --role, then the nearest build file
// with a Koupleless signal (a base or module starter or plugin in the pom),
// else unknown (default severities).
type roles struct {
	root  string
	paths []PathRole
	fixed facts.Role
	auto  bool

	// poms are what the parsed pom.xml files of the tree say of roles, by
	// directory (not the whole parse: it is kept until the scan ends).
	poms map[string]pomRole
	// libs maps groupId:artifactId of projects in the tree to their role as
	// a dependency of a module in the tree: shared when the module declares
	// it provided or excludes it from its ark-biz, private when packaged.
	libs map[string]RoleDecision
	// apps are the Spring Boot applications of the tree, by directory
	// (see applications).
	apps map[string]RoleDecision

	mu sync.Mutex
	// byDir: directory (slash, relative) -> decision from build files;
	// the directories below a pom share its decision's copy.
	byDir map[string]*RoleDecision
	used  map[string]RoleDecision // decisions that applied to some file, by Dir
}

func newRoles(root string, paths []PathRole, fixed facts.Role, auto bool) *roles {
	return &roles{root: root, paths: paths, fixed: fixed, auto: auto, poms: map[string]pomRole{},
		byDir: map[string]*RoleDecision{}, used: map[string]RoleDecision{}}
}

// setPOMs gives the roles the parsed pom.xml files of the walk (and those
// above its targets), by directory; the build kind calls it before any
// other kind asks for a role. production tells whether a pom's module is
// production code.
func (r *roles) setPOMs(poms map[string]*deps.POM, production func(pomRel string) bool) {
	r.poms = make(map[string]pomRole, len(poms))
	for dir, p := range poms {
		name, evidence := p.Role()
		r.poms[dir] = pomRole{name: name, evidence: evidence, ga: p.GroupID + ":" + p.ArtifactID}
	}
	if r.auto {
		r.libs = moduleLibraries(poms)
		r.apps = applications(poms, production)
	}
}

// pomRole is what a pom says of the role of the code below it: the role
// it names and why (pom.Role), and its coordinates for a library role.
type pomRole struct {
	name, evidence, ga string
}

// moduleLibraries records how module poms use their dependencies: provided
// or excluded means the base loads the library and shares it; packaged
// means private to the module.
func moduleLibraries(poms map[string]*deps.POM) map[string]RoleDecision {
	libs := map[string]RoleDecision{}
	var dirs []string
	for d := range poms {
		dirs = append(dirs, d)
	}
	sort.Slice(dirs, func(i, j int) bool { return poms[dirs[i]].File < poms[dirs[j]].File })
	for _, dir := range dirs {
		pom := poms[dir]
		if role, _ := pom.Role(); role != deps.RoleModule {
			continue
		}
		shared := deps.SharedLibraries{}
		if c := pom.ArkConfig(); c != nil {
			shared.Config = append(shared.Config, *c)
		}
		for _, pd := range pom.Dependencies {
			g := pd.GroupID
			if g == "${project.groupId}" || g == "${project.parent.groupId}" {
				g = pom.GroupID
			}
			d := deps.Dependency{Coordinate: deps.Coordinate{GroupID: g, ArtifactID: pd.ArtifactID}, Scope: pd.Scope,
				File: pom.File, Line: pd.Line}
			key := g + ":" + pd.ArtifactID
			if ok, why := shared.IsShared(d); ok {
				libs[key] = RoleDecision{Role: facts.RoleShared, Name: facts.RoleShared.String(),
					Reason: "module dependency " + key + ", " + why + ": loaded by the base and shared"}
			} else if pd.Scope == "" || pd.Scope == "compile" || pd.Scope == "runtime" {
				if _, seen := libs[key]; !seen {
					libs[key] = RoleDecision{Role: facts.RolePrivate, Name: facts.RolePrivate.String(),
						Reason: fmt.Sprintf("%s:%d packages %s in the module", pom.File, pd.Line, key)}
				}
			}
		}
	}
	return libs
}

// of returns the role of the code at a relative slash path.
func (r *roles) of(rel string) facts.Role {
	d := r.decide(rel)
	r.mu.Lock()
	if _, ok := r.used[d.Dir]; !ok {
		r.used[d.Dir] = d
	}
	r.mu.Unlock()
	return d.Role
}

func (r *roles) decide(rel string) RoleDecision {
	for _, p := range r.paths {
		if excluded(rel, []string{p.Glob}) {
			return RoleDecision{Dir: p.Glob, Role: p.Role, Name: p.Role.String(), Reason: fmt.Sprintf("%s: path %s", p.Source, p.Glob)}
		}
	}
	if !r.auto {
		return RoleDecision{Dir: ".", Role: r.fixed, Name: r.fixed.String(), Reason: "--role " + roleFlagName(r.fixed)}
	}
	return r.fromBuild(path.Dir(rel))
}

func roleFlagName(ro facts.Role) string {
	if ro == facts.RoleShared {
		return "library"
	}
	return ro.String()
}

// fromBuild walks up from dir to the root looking for a pom.xml that
// names the project a base or a module.
func (r *roles) fromBuild(dir string) RoleDecision { return *r.fromBuildShared(dir, false) }

// fromBuildShared is fromBuild's decision as kept in byDir: a directory
// without a pom of its own points at its parent's. owned says dir is
// already a copy byDir may keep.
func (r *roles) fromBuildShared(dir string, owned bool) *RoleDecision {
	r.mu.Lock()
	if d, ok := r.byDir[dir]; ok {
		r.mu.Unlock()
		return d
	}
	r.mu.Unlock()
	if !owned {
		// Kept as a key, with its parents: a copy of the directory alone,
		// not of the path of the file that asked first.
		dir = strings.Clone(dir)
	}
	var d *RoleDecision
	switch {
	case dir == "." || dir == "/" || dir == "" || strings.HasPrefix(dir, ".."):
		d = &RoleDecision{Dir: ".", Role: facts.RoleUnknown, Name: "unknown",
			Reason: "no pom.xml with a Koupleless base or module signal; default severities"}
		if dir == "." || dir == "" {
			if dd, ok := r.pomRole("."); ok {
				d = &dd
			}
		}
	default:
		if dd, ok := r.pomRole(dir); ok {
			d = &dd
		} else {
			d = r.fromBuildShared(path.Dir(dir), true)
		}
	}
	r.mu.Lock()
	r.byDir[dir] = d
	r.mu.Unlock()
	return d
}

func (r *roles) pomRole(dir string) (RoleDecision, bool) {
	pom, ok := r.poms[dir]
	if !ok {
		return RoleDecision{}, false
	}
	name, evidence := pom.name, pom.evidence
	ro, _, _ := ParseRole(name)
	if name == "" || ro == facts.RoleUnknown {
		if d, ok := r.libs[pom.ga]; ok {
			d.Dir = dir
			return d, true
		}
		if d, ok := r.apps[dir]; ok {
			return d, true
		}
		return RoleDecision{}, false
	}
	return RoleDecision{Dir: dir, Role: ro, Name: ro.String(), Reason: evidence}, true
}

// configured reports a .kscan.yaml path role covering rel, which wins over
// what a build file or an archive's layout says.
func (r *roles) configured(rel string) bool {
	for _, p := range r.paths {
		if excluded(rel, []string{p.Glob}) {
			return true
		}
	}
	return false
}

// layoutRole is the role an archive's layout gives its code: a fat jar or
// war is taken to be a base, so its libraries are shared; an ark biz's own
// code is a module and its lib/ jars are private to it.
func layoutRole(l archive.Layout) (facts.Role, bool) {
	switch l {
	case archive.LayoutBootInfClasses, archive.LayoutWebInfClasses:
		return facts.RoleBase, true
	case archive.LayoutBootInfLib, archive.LayoutWebInfLib, archive.LayoutArkPlugin, archive.LayoutEarLib:
		return facts.RoleShared, true
	case archive.LayoutArkBizClasses:
		return facts.RoleModule, true
	case archive.LayoutArkBizLib:
		return facts.RolePrivate, true
	}
	return facts.RoleUnknown, false
}

// inArchive decides the role of code inside an archive at anchor (a path
// of the tree): a path rule of the configuration first, then the entry's
// layout (lib/ of a biz, BOOT-INF/lib of a fat jar), then the archive's
// own kind (a fat jar is a base, a biz a module), then where the archive
// sits in the tree. Pass a zero layout or kind when there is none.
func (r *roles) inArchive(anchor string, layout archive.Layout, kind archive.Kind) RoleDecision {
	if !r.configured(anchor) {
		if ro, ok := layoutRole(layout); ok {
			return RoleDecision{Dir: anchor, Role: ro, Name: ro.String(), Reason: anchor + ": archive layout"}
		}
		switch kind {
		case archive.KindFatJar:
			return RoleDecision{Dir: anchor, Role: facts.RoleBase, Name: facts.RoleBase.String(), Reason: anchor + " is a Spring Boot fat jar (BOOT-INF/)"}
		case archive.KindArkBiz:
			return RoleDecision{Dir: anchor, Role: facts.RoleModule, Name: facts.RoleModule.String(), Reason: anchor + " is an ark biz"}
		}
	}
	d := r.decide(anchor)
	d.tree = true
	return d
}

// roleIn is the role of code inside an archive (see inArchive); a decision
// taken from the tree is recorded as one that applied.
func (r *roles) roleIn(anchor string, layout archive.Layout) facts.Role {
	d := r.inArchive(anchor, layout, 0)
	if d.tree {
		return r.of(anchor)
	}
	return d.Role
}

// decisions lists the role decisions that applied to scanned files.
func (r *roles) decisions() []RoleDecision {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]RoleDecision, 0, len(r.used))
	for _, d := range r.used {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Dir < out[j].Dir })
	return out
}

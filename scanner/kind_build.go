package scanner

import (
	"context"
	"io/fs"
	"path"
	"sort"
	"sync"

	"github.com/kscan/kscan/scanner/deps"
)

// buildKind reads build files: pom.xml, Gradle scripts, lockfiles and
// version catalogs, and saved dependency lists. It runs before the other
// kinds, because where code runs (its role) is read from the poms; the
// models, dependencies and their resolution are scanner/deps' job, this
// file only orchestrates.
type buildKind struct{}

func (buildKind) name() string { return kindBuild }

func (buildKind) wants(rel string, d fs.DirEntry) bool { return buildFileKind(path.Base(rel)) != "" }

// scan parses the poms for the role decisions and, when a dependency rule
// runs, resolves every build project.
func (buildKind) scan(ctx context.Context, files []input, e *env) error {
	defer e.build.release() // parsed below: the texts need not stay
	// The poms of directories above a directory target count for roles,
	// and the nearest one is the target's project when it has no build
	// file of its own: `kscan scan src/main/java` still knows its project.
	var rels []string
	seen := map[string]bool{}
	for _, in := range files {
		rel := in.rel()
		rels = append(rels, rel)
		seen[rel] = true
	}
	poms := map[string]*deps.POM{}
	var mu sync.Mutex // poms, while the workers parse
	parse := func(rel string) {
		data, err := e.build.read(rel)
		if err != nil {
			return // the dependency pass reports it
		}
		if p, err := e.build.parse(rel, data); err == nil {
			mu.Lock()
			poms[path.Dir(rel)] = p
			mu.Unlock()
		}
	}
	// The tree's poms are parsed on the scan's workers: the dependency
	// loader takes them from there.
	onWorkers(e.opts.Jobs, len(files), func(_, i int) {
		if files[i].base() == "pom.xml" {
			parse(rels[i])
		}
	})
	for i, in := range files {
		rel := rels[i]
		if k := buildFileKind(in.base()); (k == "pom" || k == "gradle-script") && len(e.index.tokens) > 0 {
			if data, err := e.build.read(rel); err == nil {
				e.index.mentions(rel, data)
			}
		}
	}
	for _, target := range e.walked.targets() {
		above := e.walked.above[target]
		for i, in := range above {
			rel := in.rel()
			if _, ok := poms[path.Dir(rel)]; !ok {
				parse(rel)
			}
			if i == 0 && !e.walked.targetHasBuild[target] && !seen[rel] {
				seen[rel] = true
				rels = append(rels, rel)
			}
		}
	}
	e.roles.setPOMs(poms, func(rel string) bool {
		return e.scope.File(rel, nil).Production() && e.scope.MainCode(rel)
	})
	if !e.depsOnly && (!e.plan.hasDeps() || e.opts.ParseOnly) {
		return nil
	}
	sort.Strings(rels)
	projects, notes := loadDeps(e.roles.root, rels, e.roles, e.opts.M2Repo, e.build.read, e.build.parse)
	// A test module's or an example's build builds nothing that runs in
	// the shared JVM: the dependency rules skip it, as they skip a BOM or
	// a distribution pom. The classifier reads the build files of each
	// project's directories to decide: on the scan's workers at once (its
	// decisions do not depend on their order).
	if !e.opts.IncludeNonProduction {
		onWorkers(e.opts.Jobs, len(projects), func(_, i int) {
			if p := projects[i]; p.BuildOnly == "" {
				if d := e.scope.File(p.Path, nil); !d.Production() {
					p.BuildOnly = d.Reason
				}
			}
		})
	}
	for _, p := range projects {
		e.addProject(p)
	}
	for _, n := range notes {
		e.notify(n)
	}
	return nil
}

package scanner

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/archive"
	"github.com/kscan/kscan/scanner/deps"
)

// jarProjects turns each scanned archive into a build project for the
// dependency rules: the coordinates of every jar in it (its own and those
// nested in BOOT-INF/lib, WEB-INF/lib or an ark biz's lib/), from
// pom.properties, else the manifest, else the file name. A base fat jar is
// a base, so its libraries are the base's dependencies and
// adapter-required can tell which adapters a built base lacks.
func jarProjects(ctx context.Context, bins []binInput, aopts archive.Options, ro *roles) ([]*facts.BuildProject, []rules.Notification) {
	var projects []*facts.BuildProject
	var notes []rules.Notification
	for _, b := range bins {
		if b.class {
			continue
		}
		p, ns := jarProject(ctx, b, aopts, ro)
		notes = append(notes, ns...)
		if p != nil {
			projects = append(projects, p)
		}
	}
	return projects, notes
}

// jarMeta collects the metadata entries of one archive.
type jarMeta struct {
	pomProps map[string][]byte
	manifest []byte
	layout   archive.Layout
}

func jarProject(ctx context.Context, b binInput, aopts archive.Options, ro *roles) (*facts.BuildProject, []rules.Notification) {
	f, err := os.Open(b.abs)
	if err != nil {
		return nil, nil // the class scan reports unreadable archives
	}
	defer f.Close()
	metas := map[string]*jarMeta{} // innermost archive logical path -> metadata
	var order []string
	var notes []rules.Notification
	kind := archive.KindPlain
	v := archive.VisitorFuncs{
		EntryFunc: func(e *archive.Entry) error {
			if e.Depth == 0 {
				kind = e.ArchiveKind
			}
			isProps := strings.HasPrefix(e.Name, "META-INF/maven/") && strings.HasSuffix(e.Name, "/pom.properties")
			isManifest := e.Name == "META-INF/MANIFEST.MF"
			if e.IsArchive || !isProps && !isManifest {
				return nil
			}
			m := metas[e.Archive]
			if m == nil {
				m = &jarMeta{pomProps: map[string][]byte{}, layout: e.Layout}
				metas[e.Archive] = m
				order = append(order, e.Archive)
			}
			data, err := e.ReadAll()
			if err != nil {
				return nil // reported to ProblemFunc
			}
			if isProps {
				m.pomProps[e.Name] = data
			} else {
				m.manifest = data
			}
			return nil
		},
		// Archive problems are reported by the class scan of the same file.
		ProblemFunc: func(archive.Problem) {},
	}
	if err := archive.WalkReader(ctx, b.rel, f, b.size, aopts, v); err != nil {
		notes = append(notes, rules.Notification{Path: b.rel, Level: rules.LevelWarning, Kind: "dependencies",
			Message: "reading jar metadata: " + err.Error()})
	}
	sort.Strings(order)
	role, why := jarRole(b.rel, kind, ro)
	p := &facts.BuildProject{Path: b.rel, Dir: path.Dir(b.rel), Kind: "jar", Role: role, RoleWhy: why, Resolved: true}
	for _, name := range order {
		m := metas[name]
		for _, d := range deps.FromJarMetadata(name, m.pomProps, m.manifest) {
			if d.Shaded {
				continue // bundled inside another artifact: not on the class path as itself
			}
			if d.GroupID == "" || d.ArtifactID == "" {
				continue // a name without a group cannot match the adapter table
			}
			// The archive's own coordinates describe the project, not a dependency.
			if name == b.rel {
				if p.ArtifactID == "" {
					p.GroupID, p.ArtifactID, p.Version = d.GroupID, d.ArtifactID, d.Version
				}
				continue
			}
			p.Dependencies = append(p.Dependencies, facts.Dependency{
				GroupID: d.GroupID, ArtifactID: d.ArtifactID, Version: d.Version,
				Scope: "compile", Path: b.rel, Source: d.Source.String(), Confidence: d.Confidence.String(),
				Evidence: d.Evidence,
			})
		}
	}
	return p, notes
}

// jarRole says where the code of a built artifact runs: a Spring Boot fat
// jar is taken to be a base (modules are ark biz jars), an ark biz a
// module; otherwise the role of where the jar sits.
func jarRole(rel string, kind archive.Kind, ro *roles) (facts.Role, string) {
	for _, p := range ro.paths {
		if excluded(rel, []string{p.Glob}) {
			return p.Role, fmt.Sprintf("%s: path %s", p.Source, p.Glob)
		}
	}
	switch kind {
	case archive.KindFatJar:
		return facts.RoleBase, rel + " is a Spring Boot fat jar (BOOT-INF/)"
	case archive.KindArkBiz:
		return facts.RoleModule, rel + " is an ark biz"
	}
	d := ro.decide(rel)
	return d.Role, d.Reason
}

// binaryFindings places dependency findings in an archive: line 1 of the
// jar, with a fingerprint from the rule, the jar and the message (there is
// no text to hash).
func binaryFindings(file string, role facts.Role, ds []rules.Diagnostic) []rules.Finding {
	out := resolve(file, nil, role, nil, ds)
	seen := map[string]int{}
	for i := range out {
		f := &out[i]
		f.Snippet = ""
		key := f.RuleID + "\x00" + file + "\x00" + f.Message
		seen[key]++
		sum := sha256.Sum256([]byte(key))
		f.Fingerprint = fmt.Sprintf("%s:%d", hex.EncodeToString(sum[:8]), seen[key])
	}
	return out
}

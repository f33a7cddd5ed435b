package adapters

import (
	"fmt"
	"sort"
	"strings"
)

// Coordinate is a resolved Maven artifact of the base application.
type Coordinate struct {
	GroupID, ArtifactID, Version, Type, Classifier string
}

// String returns groupId:artifactId:version.
func (c Coordinate) String() string {
	return c.GroupID + ":" + c.ArtifactID + ":" + c.Version
}

// regexpID is the text a regexp row is matched against:
// groupId:artifactId:version:type[:classifier]. Maven artifacts always have
// a type, so an empty Type means the default "jar". The reference uses the
// artifact's baseVersion here (and its version for ranges); callers that
// know a timestamped SNAPSHOT should pass the base version.
func (c Coordinate) regexpID() string {
	typ := c.Type
	if typ == "" {
		typ = "jar"
	}
	id := c.GroupID + ":" + c.ArtifactID + ":" + c.Version + ":" + typ
	if c.Classifier != "" {
		id += ":" + c.Classifier
	}
	return id
}

// MatchKind says how a row matched.
type MatchKind int

const (
	ByRange MatchKind = iota + 1
	ByRegexp
)

func (k MatchKind) String() string {
	switch k {
	case ByRange:
		return "versionRange"
	case ByRegexp:
		return "regexp"
	}
	return "none"
}

// Match is one row that applies to a coordinate.
type Match struct {
	Row     *Row
	Adapter Adapter
	By      MatchKind
	Reason  string
}

// Trial is the outcome of one candidate row for Explain.
type Trial struct {
	Row     *Row
	Matched bool
	By      MatchKind // zero when not matched
	Reason  string
}

// Match returns every row that applies to c, in table order.
func (t *Table) Match(c Coordinate) []Match {
	if t == nil {
		return nil
	}
	v := ParseVersion(c.Version)
	var out []Match
	for i := range t.Rows {
		r := &t.Rows[i]
		if by, reason := r.try(c, v); by != 0 {
			out = append(out, Match{Row: r, Adapter: r.Adapter, By: by, Reason: reason})
		}
	}
	return out
}

// Explain returns one Trial per row that could concern c: rows with the same
// groupId and artifactId, and every regexp row.
func (t *Table) Explain(c Coordinate) []Trial {
	if t == nil {
		return nil
	}
	v := ParseVersion(c.Version)
	var out []Trial
	for i := range t.Rows {
		r := &t.Rows[i]
		if !r.HasRegexp && (r.GroupID != c.GroupID || r.ArtifactID != c.ArtifactID) {
			continue
		}
		by, reason := r.try(c, v)
		out = append(out, Trial{Row: r, Matched: by != 0, By: by, Reason: reason})
	}
	return out
}

// Candidates returns the rows that name c's groupId and artifactId: the
// ones that would decide, were its version known.
func (t *Table) Candidates(c Coordinate) []*Row {
	if t == nil {
		return nil
	}
	var out []*Row
	for i := range t.Rows {
		if r := &t.Rows[i]; r.GroupID == c.GroupID && r.ArtifactID == c.ArtifactID {
			out = append(out, r)
		}
	}
	return out
}

// try applies the reference matcher: a full regexp match wins; otherwise
// groupId and artifactId must be equal (case-sensitive) and the version in
// the range. It returns the kind of match (0 for none) and a reason.
func (r *Row) try(c Coordinate, v Version) (MatchKind, string) {
	var why []string
	if r.HasRegexp {
		id := c.regexpID()
		if r.re != nil && r.re.MatchString(id) {
			return ByRegexp, fmt.Sprintf("regexp %q matches %s", r.Regexp, id)
		}
		why = append(why, fmt.Sprintf("regexp %q does not match %s", r.Regexp, id))
	}
	switch {
	case r.GroupID == "" && r.ArtifactID == "" && r.VersionRange == "":
		// A regexp-only row: the regexp reason is all there is.
	case r.GroupID != c.GroupID || r.ArtifactID != c.ArtifactID:
		why = append(why, fmt.Sprintf("%s:%s is not %s:%s", c.GroupID, c.ArtifactID, r.GroupID, r.ArtifactID))
	case r.VersionRange == "":
		why = append(why, "the row has no versionRange, so it never matches by version")
	default:
		if e := r.Range.explain(v); e != "" {
			why = append(why, e)
		} else {
			return ByRange, fmt.Sprintf("%s is in %s", v, r.VersionRange)
		}
	}
	return 0, strings.Join(why, "; ")
}

// Adapters returns the distinct adapter coordinates of matches: one adapter
// however many rows selected it, sorted by groupId, artifactId, version.
func Adapters(matches []Match) []Adapter {
	seen := make(map[Adapter]bool, len(matches))
	var out []Adapter
	for _, m := range matches {
		if !seen[m.Adapter] {
			seen[m.Adapter] = true
			out = append(out, m.Adapter)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.GroupID != b.GroupID {
			return a.GroupID < b.GroupID
		}
		if a.ArtifactID != b.ArtifactID {
			return a.ArtifactID < b.ArtifactID
		}
		if c := Compare(ParseVersion(a.Version), ParseVersion(b.Version)); c != 0 {
			return c < 0
		}
		return a.Version < b.Version
	})
	return out
}

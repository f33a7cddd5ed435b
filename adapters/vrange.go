package adapters

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors for the kinds of range syntax errors; a *RangeError wraps
// exactly one of them, so callers can test with errors.Is.
var (
	ErrRangeStart      = errors.New("a range must start with [ or (")
	ErrRangeEnd        = errors.New("a range must end with ] or )")
	ErrSingleVersion   = errors.New("single version must be surrounded by []")
	ErrExtraComma      = errors.New("bounds may not contain additional ','")
	ErrLowerAboveUpper = errors.New("lower bound must not be greater than upper bound")
	ErrUnbounded       = errors.New("unbounded version range: no closing ] or )")
	ErrTrailing        = errors.New("expected [ or (")
)

// RangeError reports a version range that the reference plugin (and Maven's
// resolver) would reject with InvalidVersionSpecificationException.
type RangeError struct {
	Input  string // the whole text that was parsed
	Offset int    // byte offset in Input where the problem is
	Err    error  // one of the Err* sentinels
	Detail string // extra context, e.g. the offending text
}

func (e *RangeError) Error() string {
	msg := fmt.Sprintf("invalid version range %q at offset %d: %v", e.Input, e.Offset, e.Err)
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	return msg
}

func (e *RangeError) Unwrap() error { return e.Err }

// Bound is one end of a Range.
type Bound struct {
	Version   Version
	Inclusive bool
}

// Range is one bracketed version range, e.g. "[1.0,2.0)", "[1.0]" or
// "[2.3.*]". A nil bound is unbounded.
type Range struct {
	Lower, Upper *Bound
	raw          string
	// prefix is set for "[prefix.*]" ranges (it keeps the trailing dot).
	prefix   string
	wildcard bool
}

// ParseRange parses one range as GenericVersionRange does.
func ParseRange(s string) (Range, error) {
	return parseRangeAt(s, s, 0)
}

// parseRangeAt parses the segment seg that starts at byte offset base of
// input, so that errors point into input.
func parseRangeAt(seg, input string, base int) (Range, error) {
	fail := func(off int, err error, detail string) (Range, error) {
		return Range{}, &RangeError{Input: input, Offset: base + off, Err: err, Detail: detail}
	}
	var lowerIncl, upperIncl bool
	switch {
	case strings.HasPrefix(seg, "["):
		lowerIncl = true
	case strings.HasPrefix(seg, "("):
	default:
		return fail(0, ErrRangeStart, "")
	}
	switch {
	case len(seg) < 2:
		// A lone "[" or "(" has no closing bracket.
		return fail(len(seg), ErrRangeEnd, "")
	case strings.HasSuffix(seg, "]"):
		upperIncl = true
	case strings.HasSuffix(seg, ")"):
	default:
		return fail(len(seg)-1, ErrRangeEnd, "")
	}
	body := seg[1 : len(seg)-1]
	r := Range{raw: seg}
	comma := strings.IndexByte(body, ',')
	if comma < 0 {
		if !lowerIncl || !upperIncl {
			return fail(0, ErrSingleVersion, "")
		}
		v := javaTrim(body)
		if strings.HasSuffix(v, ".*") {
			r.prefix = v[:len(v)-1]
			r.wildcard = true
			r.Lower = &Bound{Version: ParseVersion(r.prefix + "min"), Inclusive: true}
			r.Upper = &Bound{Version: ParseVersion(r.prefix + "max"), Inclusive: true}
			return r, nil
		}
		b := &Bound{Version: ParseVersion(v), Inclusive: true}
		r.Lower, r.Upper = b, &Bound{Version: b.Version, Inclusive: true}
		return r, nil
	}
	lo := javaTrim(body[:comma])
	hi := javaTrim(body[comma+1:])
	if i := strings.IndexByte(body[comma+1:], ','); i >= 0 {
		return fail(1+comma+1+i, ErrExtraComma, "")
	}
	if lo != "" {
		r.Lower = &Bound{Version: ParseVersion(lo), Inclusive: lowerIncl}
	}
	if hi != "" {
		r.Upper = &Bound{Version: ParseVersion(hi), Inclusive: upperIncl}
	}
	if r.Lower != nil && r.Upper != nil && Compare(r.Upper.Version, r.Lower.Version) < 0 {
		return fail(1, ErrLowerAboveUpper, fmt.Sprintf("%s > %s", lo, hi))
	}
	return r, nil
}

// Contains reports whether v lies within the range.
func (r Range) Contains(v Version) bool {
	return r.exclusion(v) == ""
}

// exclusion returns "" when v is inside the range, or why it is not.
func (r Range) exclusion(v Version) string {
	if r.wildcard {
		// The bounds of [p.*] are internal markers; say it in the
		// range's own terms.
		switch {
		case Compare(r.Lower.Version, v) > 0:
			return fmt.Sprintf("%s is below every %s* version of %s", v, r.prefix, r.raw)
		case Compare(r.Upper.Version, v) < 0:
			return fmt.Sprintf("%s is above every %s* version of %s", v, r.prefix, r.raw)
		}
		return ""
	}
	if r.Lower != nil {
		c := Compare(r.Lower.Version, v)
		if c > 0 {
			return fmt.Sprintf("%s is below the lower bound %s of %s", v, r.Lower.Version, r.raw)
		}
		if c == 0 && !r.Lower.Inclusive {
			return fmt.Sprintf("%s equals the excluded lower bound %s of %s", v, r.Lower.Version, r.raw)
		}
	}
	if r.Upper != nil {
		c := Compare(r.Upper.Version, v)
		if c < 0 {
			return fmt.Sprintf("%s is above the upper bound %s of %s", v, r.Upper.Version, r.raw)
		}
		if c == 0 && !r.Upper.Inclusive {
			return fmt.Sprintf("%s equals the excluded upper bound %s of %s", v, r.Upper.Version, r.raw)
		}
	}
	return ""
}

// Raw returns the text the range was parsed from.
func (r Range) Raw() string { return r.raw }

// String returns a canonical form that ParseRange accepts again: "[v]" for
// an exact version, "[prefix.*]" for a wildcard, else "[lower,upper)" etc.
func (r Range) String() string {
	if r.wildcard {
		return "[" + r.prefix + "*]"
	}
	if r.Lower != nil && r.Upper != nil && r.Lower.Inclusive && r.Upper.Inclusive &&
		r.Lower.Version.raw == r.Upper.Version.raw && !strings.HasSuffix(r.Lower.Version.raw, ".*") {
		return "[" + r.Lower.Version.raw + "]"
	}
	var b strings.Builder
	if r.Lower != nil {
		if r.Lower.Inclusive {
			b.WriteByte('[')
		} else {
			b.WriteByte('(')
		}
		b.WriteString(r.Lower.Version.raw)
	} else {
		b.WriteByte('(')
	}
	b.WriteByte(',')
	if r.Upper != nil {
		b.WriteString(r.Upper.Version.raw)
		if r.Upper.Inclusive {
			b.WriteByte(']')
		} else {
			b.WriteByte(')')
		}
	} else {
		b.WriteByte(')')
	}
	return b.String()
}

// Equal reports whether both ranges have equal bounds, as
// GenericVersionRange#equals does (versions compare equal, same inclusivity).
func (r Range) Equal(o Range) bool {
	return boundEqual(r.Lower, o.Lower) && boundEqual(r.Upper, o.Upper)
}

func boundEqual(a, b *Bound) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Inclusive == b.Inclusive && Compare(a.Version, b.Version) == 0
}

// RangeUnion is a union of ranges, as the reference plugin builds from a
// mapping's versionRange (its UnionVersionRange). An empty RangeUnion
// contains nothing. (The name Union is taken by the table function.)
type RangeUnion struct {
	Ranges []Range
	raw    string
}

// ParseUnion splits s into bracketed ranges the way the reference plugin
// (MavenUtils#parseUnionVersionRange, copied from maven-resolver) does and
// parses each one. Text that does not start with [ or ( yields an empty
// union: a bare version such as "1.2.3" matches nothing.
func ParseUnion(s string) (RangeUnion, error) {
	u := RangeUnion{raw: s}
	// process is s[start:end]; Java's trim() shortens both ends.
	start, end := 0, len(s)
	for start < end && (s[start] == '[' || s[start] == '(') {
		process := s[start:end]
		closeParen := strings.IndexByte(process, ')')
		closeBracket := strings.IndexByte(process, ']')
		idx := closeBracket
		if closeBracket < 0 || (closeParen >= 0 && closeParen < closeBracket) {
			idx = closeParen
		}
		if idx < 0 {
			return RangeUnion{}, &RangeError{Input: s, Offset: start, Err: ErrUnbounded}
		}
		r, err := parseRangeAt(process[:idx+1], s, start)
		if err != nil {
			return RangeUnion{}, err
		}
		u.add(r)
		start += idx + 1
		start, end = trimBounds(s, start, end)
		if start < end && s[start] == ',' {
			start, end = trimBounds(s, start+1, end)
		}
	}
	if start < end && len(u.Ranges) > 0 {
		return RangeUnion{}, &RangeError{Input: s, Offset: start, Err: ErrTrailing, Detail: "got " + s[start:end]}
	}
	return u, nil
}

// add appends r unless an equal range is already present: the reference
// keeps the ranges in a HashSet.
func (u *RangeUnion) add(r Range) {
	for _, x := range u.Ranges {
		if x.Equal(r) {
			return
		}
	}
	u.Ranges = append(u.Ranges, r)
}

// Contains reports whether any range contains v.
func (u RangeUnion) Contains(v Version) bool {
	for _, r := range u.Ranges {
		if r.Contains(v) {
			return true
		}
	}
	return false
}

// Raw returns the text the union was parsed from.
func (u RangeUnion) Raw() string { return u.raw }

// String returns the ranges in canonical form joined by ",", which
// ParseUnion accepts again. An empty union gives "".
func (u RangeUnion) String() string {
	parts := make([]string, len(u.Ranges))
	for i, r := range u.Ranges {
		parts[i] = r.String()
	}
	return strings.Join(parts, ",")
}

// Equal reports whether both unions hold the same set of ranges.
func (u RangeUnion) Equal(o RangeUnion) bool {
	return u.covers(o) && o.covers(u)
}

func (u RangeUnion) covers(o RangeUnion) bool {
	for _, r := range o.Ranges {
		found := false
		for _, x := range u.Ranges {
			if x.Equal(r) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// explain returns "" when v is in the union, or why it is not.
func (u RangeUnion) explain(v Version) string {
	if len(u.Ranges) == 0 {
		return fmt.Sprintf("versionRange %q holds no bracketed range, so it matches nothing (a bare version is not a range)", u.raw)
	}
	reasons := make([]string, 0, len(u.Ranges))
	for _, r := range u.Ranges {
		why := r.exclusion(v)
		if why == "" {
			return ""
		}
		reasons = append(reasons, why)
	}
	return strings.Join(reasons, "; ")
}

// javaTrim strips leading and trailing characters <= U+0020, as Java's
// String.trim() does (unlike strings.TrimSpace).
func javaTrim(s string) string {
	i, j := trimBounds(s, 0, len(s))
	return s[i:j]
}

func trimBounds(s string, start, end int) (int, int) {
	for start < end && s[start] <= ' ' {
		start++
	}
	for end > start && s[end-1] <= ' ' {
		end--
	}
	return start, end
}

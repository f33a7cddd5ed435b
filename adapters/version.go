package adapters

import (
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// itemKind orders the kinds of version items. The numeric values follow
// Aether's GenericVersion so that "kind difference" comparisons agree:
// MIN < qualifier < string < int < bigint < MAX.
type itemKind int

const (
	kindMin       itemKind = 0
	kindQualifier itemKind = 2
	kindString    itemKind = 3
	kindInt       itemKind = 4
	kindBigInt    itemKind = 5
	kindMax       itemKind = 8
)

// Qualifier weights, lowest first, as in GenericVersion.
const (
	qualAlpha     = -5
	qualBeta      = -4
	qualMilestone = -3
)

var qualifiers = []struct {
	name  string
	value int
}{
	{"alpha", qualAlpha},
	{"beta", qualBeta},
	{"milestone", qualMilestone},
	{"cr", -2},
	{"rc", -2},
	{"snapshot", -1},
	{"ga", 0},
	{"final", 0},
	{"release", 0},
	{"", 0},
	{"sp", 1},
}

// item is one token of a parsed version.
type item struct {
	kind itemKind
	// n holds the value of kindInt and kindQualifier items.
	n int
	// s holds the lower-cased text of kindString items and the ASCII
	// digits (no leading zeros) of kindBigInt items.
	s string
}

// isNumber mirrors GenericVersion.Item#isNumber: MIN, int, bigint and MAX
// count as numbers; qualifiers and strings do not.
func (it item) isNumber() bool { return it.kind&kindQualifier == 0 }

// comparePad compares the item with the implicit padding item (0 or "ga").
func (it item) comparePad() int {
	switch it.kind {
	case kindMin:
		return -1
	case kindMax, kindBigInt, kindString:
		return 1
	default: // kindInt, kindQualifier
		return sign(it.n)
	}
}

func (it item) compare(that item) int {
	if it.kind != that.kind {
		return sign(int(it.kind) - int(that.kind))
	}
	switch it.kind {
	case kindBigInt:
		// Both have at least 10 digits and no leading zeros, so the
		// longer one is larger and equal lengths compare as text.
		if len(it.s) != len(that.s) {
			return sign(len(it.s) - len(that.s))
		}
		return strings.Compare(it.s, that.s)
	case kindInt, kindQualifier:
		return sign(it.n - that.n)
	case kindString:
		return javaCompareIgnoreCase(it.s, that.s)
	}
	return 0 // MIN == MIN, MAX == MAX
}

func (it item) String() string {
	switch it.kind {
	case kindMin:
		return "min"
	case kindMax:
		return "max"
	case kindInt:
		return itoa(it.n)
	case kindQualifier:
		for _, q := range qualifiers {
			if q.value == it.n {
				return q.name
			}
		}
	}
	return it.s
}

// Version is a version parsed the way Maven's resolver (Aether
// GenericVersionScheme, maven-resolver 1.9.22) parses it. Any string is a
// valid version; the zero Version orders like "0".
type Version struct {
	raw   string
	items []item
}

// ParseVersion parses s. It never fails: Aether accepts every string.
func ParseVersion(s string) Version {
	return Version{raw: s, items: trimPadding(tokenize(s))}
}

// String returns the text the version was parsed from.
func (v Version) String() string { return v.raw }

// Canonical returns the normalised items joined by dots, e.g.
// "2.3.0.RELEASE" gives "2.3"; it helps explain why two versions are equal.
func (v Version) Canonical() string {
	parts := make([]string, len(v.items))
	for i, it := range v.items {
		parts[i] = it.String()
	}
	return strings.Join(parts, ".")
}

// Compare returns -1, 0 or +1 as a orders before, equal to or after b.
func Compare(a, b Version) int {
	these, those := a.items, b.items
	number := true
	for i := 0; ; i++ {
		switch {
		case i >= len(these) && i >= len(those):
			return 0
		case i >= len(these):
			return -comparePadding(those, i, nil)
		case i >= len(those):
			return comparePadding(these, i, nil)
		}
		x, y := these[i], those[i]
		if x.isNumber() != y.isNumber() {
			// A kind clash: pretend the shorter side is padded until the
			// kind mismatch resolves.
			if number == x.isNumber() {
				return comparePadding(these, i, &number)
			}
			return -comparePadding(those, i, &number)
		}
		if rel := x.compare(y); rel != 0 {
			return rel
		}
		number = x.isNumber()
	}
}

// comparePadding follows maven-resolver 1.9.x (after MRESOLVER-314): items of
// the other kind are skipped rather than ending the scan.
func comparePadding(items []item, from int, number *bool) int {
	rel := 0
	for _, it := range items[from:] {
		if number != nil && *number != it.isNumber() {
			continue
		}
		if rel = it.comparePad(); rel != 0 {
			break
		}
	}
	return rel
}

// trimPadding drops trailing "zero" items (0, "", ga, final, release) at the
// end of each run of same-kind items, starting from the end, exactly as
// GenericVersion#trimPadding; the first item is never dropped.
func trimPadding(items []item) []item {
	var number *bool
	end := len(items) - 1
	for i := end; i > 0; i-- {
		it := items[i]
		if n := it.isNumber(); number == nil || *number != n {
			end = i
			number = &n
		}
		if end == i && (i == len(items)-1 || items[i-1].isNumber() == it.isNumber()) && it.comparePad() == 0 {
			items = append(items[:i], items[i+1:]...)
			end--
		}
	}
	return items
}

// tokenize splits a version at '.', '-', '_' and digit/letter transitions.
func tokenize(version string) []item {
	if version == "" {
		version = "0"
	}
	var items []item
	idx := 0
	n := len(version)
	for idx < n {
		state := -2 // -2 start, -1 letters, 0 zeros only, 1 digits
		start, end := idx, n
		terminatedByNumber := false
		var digits []byte // ASCII form of the number token
	scan:
		for idx < n {
			r, size := utf8.DecodeRuneInString(version[idx:])
			switch {
			case r == '.' || r == '-' || r == '_':
				end = idx
				idx += size
				break scan
			case isJavaDigit(r):
				d := digitValue(r)
				if state == -1 {
					end = idx
					terminatedByNumber = true
					break scan
				}
				if state == 0 {
					// Drop a leading zero.
					start = idx
					digits = digits[:0]
				}
				if state > 0 || d > 0 {
					state = 1
				} else {
					state = 0
				}
				digits = append(digits, byte('0'+d))
			default:
				if state >= 0 {
					end = idx
					break scan
				}
				state = -1
			}
			idx += size
		}
		if end-start <= 0 {
			items = append(items, item{kind: kindInt})
			continue
		}
		if state >= 0 {
			items = append(items, numberItem(digits))
			continue
		}
		token := version[start:end]
		items = append(items, stringItem(token, idx >= n, terminatedByNumber))
	}
	return items
}

func numberItem(digits []byte) item {
	// Java decides by the token length: fewer than 10 characters is an
	// int, otherwise a BigInteger, even when the value would fit an int.
	if len(digits) < 10 {
		v := 0
		for _, d := range digits {
			v = v*10 + int(d-'0')
		}
		return item{kind: kindInt, n: v}
	}
	return item{kind: kindBigInt, s: string(digits)}
}

func stringItem(token string, last, terminatedByNumber bool) item {
	if last {
		if javaEqualsIgnoreCase(token, "min") {
			return item{kind: kindMin}
		}
		if javaEqualsIgnoreCase(token, "max") {
			return item{kind: kindMax}
		}
	}
	if terminatedByNumber && len(token) == 1 {
		switch token[0] {
		case 'a', 'A':
			return item{kind: kindQualifier, n: qualAlpha}
		case 'b', 'B':
			return item{kind: kindQualifier, n: qualBeta}
		case 'm', 'M':
			return item{kind: kindQualifier, n: qualMilestone}
		}
	}
	for _, q := range qualifiers {
		if javaCompareIgnoreCase(token, q.name) == 0 {
			return item{kind: kindQualifier, n: q.value}
		}
	}
	return item{kind: kindString, s: javaToLower(token)}
}

// isJavaDigit reports whether Java's Character.digit(c, 10) accepts r. Java
// tokenizes UTF-16 chars, so only BMP decimal digits (category Nd) count.
func isJavaDigit(r rune) bool {
	if r >= '0' && r <= '9' {
		return true
	}
	return r > unicode.MaxASCII && r <= 0xFFFF && unicode.IsDigit(r)
}

// digitValue returns the value of a decimal digit. Unicode encodes every
// decimal digit set as ten consecutive code points 0..9, so the offset from
// the start of its Nd range modulo 10 is the value.
func digitValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	for _, rg := range unicode.Nd.R16 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	return 0
}

// javaToLower mimics String.toLowerCase(Locale.ENGLISH) where it matters for
// later comparisons: U+0130 lowers to two chars ("i" + U+0307).
func javaToLower(s string) string {
	if !strings.ContainsRune(s, '\u0130') {
		return strings.ToLower(s)
	}
	return strings.ToLower(strings.ReplaceAll(s, "\u0130", "i\u0307"))
}

// javaCompareIgnoreCase follows String.CASE_INSENSITIVE_ORDER: each pair of
// characters is compared after toUpperCase then toLowerCase, and differing
// characters order by their UTF-16 code units.
func javaCompareIgnoreCase(a, b string) int {
	for a != "" && b != "" {
		r1, n1 := utf8.DecodeRuneInString(a)
		r2, n2 := utf8.DecodeRuneInString(b)
		a, b = a[n1:], b[n2:]
		if r1 == r2 {
			continue
		}
		u1, u2 := unicode.ToUpper(r1), unicode.ToUpper(r2)
		if u1 == u2 {
			continue
		}
		l1, l2 := unicode.ToLower(u1), unicode.ToLower(u2)
		if l1 == l2 {
			continue
		}
		return compareUTF16(l1, l2)
	}
	return sign(utf16Len(a) - utf16Len(b))
}

func javaEqualsIgnoreCase(a, b string) bool {
	return utf16Len(a) == utf16Len(b) && javaCompareIgnoreCase(a, b) == 0
}

func compareUTF16(r1, r2 rune) int {
	e1, e2 := utf16.Encode([]rune{r1}), utf16.Encode([]rune{r2})
	for i := 0; i < len(e1) && i < len(e2); i++ {
		if e1[i] != e2[i] {
			return sign(int(e1[i]) - int(e2[i]))
		}
	}
	return sign(len(e1) - len(e2))
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

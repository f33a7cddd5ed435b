package rules

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A change detector: a private static that keeps the last value of another
// static seen, to notice when code elsewhere edits that one (if (Other.x
// != seen) { seen = Other.x; apply(); }). Every write copies the other
// static, every read compares the two, so it holds nothing of its own: it
// is as shared as the static it copies, whose own writes are judged where
// it is declared. A copy some code reads otherwise (to restore it, hand it
// out, compute with it) keeps a value of its own and stays a finding; so
// does one other files can reach, or one written from anything but the
// other static.

// shadowCopy reports a private scalar static whose every run-time write
// stores the value of one other static field, and whose every other use
// compares it with that field (== or !=).
func shadowCopy(file *facts.File, src []byte, f *facts.Field, ws []*facts.Write) bool {
	if src == nil || strings.HasSuffix(file.Path, ".class") || len(ws) == 0 || isArray(f) || !primitiveKnob[rawSimple(f.Type)] ||
		!privateField(src, f) {
		return false
	}
	other := ""
	for _, w := range ws {
		if w.Kind != facts.WriteAssign || w.Value == nil {
			return false
		}
		sm := copiedStaticRE.FindStringSubmatch(strings.TrimSpace(w.Value.Text))
		if sm == nil || sm[2] == f.Name || other != "" && sm[2] != other {
			return false
		}
		if sm[1] == "" && staticFields(file)[f.Class+"#"+sm[2]] == nil {
			return false // unqualified: a static of the class, not a local
		}
		other = sm[2]
	}
	code := javaCode(string(src))
	q := func(n string) string {
		return `(?:(?:this|[\w$]+)\s*\.\s*)?` + regexp.QuoteMeta(n)
	}
	use := regexp.MustCompile(`(?:^|[^\w$.])(` + q(f.Name) + `)\b`)
	before := regexp.MustCompile(`(?:^|[^\w$.])` + q(other) + `\s*[!=]=\s*$`)
	after := regexp.MustCompile(`^\s*[!=]=\s*` + q(other) + `\b`)
	reads := 0
	for _, loc := range use.FindAllStringSubmatchIndex(code, -1) {
		at, rest := loc[2], code[loc[3]:]
		if within(at, f.Decl) || shadowedAt(file, src, f.Class, f.Name, at) {
			continue
		}
		switch {
		case assignNextRE.MatchString(rest):
			// the copy's write
		case after.MatchString(rest) || before.MatchString(code[:at]):
			reads++
		default:
			return false
		}
	}
	return reads > 0
}

// copiedStaticRE is a stored value that is a static field's (Owner.x, x),
// or the value a chained assignment stores into one (Owner.x = v): the
// field's name.
var copiedStaticRE = lazyRE(`^([A-Z][\w$]*\s*\.\s*)?([\w$]+)(?:\s*=[^=][\s\S]*)?$`)

// assignNextRE is an assignment after a name: = but not ==.
var assignNextRE = lazyRE(`^\s*=[^=]`)

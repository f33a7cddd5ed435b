package rules

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A class found by a constant name that the project declares is the same
// class for every app: Class.forName("org.lib.EmbeddedDriver").newInstance()
// or new EmbeddedDriver() store one value whatever app runs first. Only a
// name from configuration, a parameter, or a class of the JDK or a third
// party (which the app may bring in its own version) depends on the app.

// ownMadeRE matches a value made from one named class by reflection:
// Class.forName(NAME) or Own.class, then optionally a no-argument
// constructor lookup and newInstance().
var ownMadeRE = lazyRE(`^(?:(?:java\.lang\.)?Class\s*\.\s*forName\s*\(\s*([^(),]+?|[\w.$]+\s*\.\s*class\s*\.\s*getName\s*\(\s*\))\s*\)|([\w.$]+)\s*\.\s*class)((?:\s*\.\s*get(?:Declared)?Constructor\s*\(\s*\))?\s*\.\s*newInstance\s*\(\s*\))?$`)

// leadingCastRE is a leading cast: (Driver) or (Map<String, Object>).
var leadingCastRE = lazyRE(`^\(\s*[\w.$]+(?:\s*<[\w.$<>,\s?]*>)?(?:\[\])*\s*\)\s*`)

// ownMade reports a value found through a class loader whose class is a
// class of the project named in the source: a literal or a constant of
// this file naming it, or its class literal. at is where the value is
// stored: a local the value is made from (Class<?> c =
// Class.forName(NAME); x = c.getConstructor().newInstance()) is read
// from its one assignment in the method before it.
func ownMade(p *Pass, at facts.Span, text string) bool {
	if p == nil {
		return false
	}
	m := ownMadeRE.FindStringSubmatch(classLocalInlined(p, at, stripCasts(text)))
	if m == nil {
		return false
	}
	if m[2] != "" {
		return m[3] != "" && (declaredInFile(p, m[2]) != "" || projectDeclares(p, resolveType(p, m[2])))
	}
	name, ok := constantClassName(p, strings.TrimSpace(m[1]))
	return ok && projectDeclares(p, name)
}

// ownMadeWaits lists, for writes whose every app-dependent value is an
// instance of a class named by a constant or a literal that this file
// does not declare the class of, those names as written: what the project's constants name settles the
// finding (SettleOwnClasses). nil when some value depends on the app
// otherwise.
func ownMadeWaits(p *Pass, ws []*facts.Write) []string {
	var names []string
	for _, w := range ws {
		v, key := storedValue(w)
		if v == nil || !appLoadedRE.MatchString(v.Text) {
			if v != nil && valueHandedIn(p.File, p.Src, w.Span.Start, key, v) {
				return nil
			}
			continue
		}
		if ownMade(p, w.Span, v.Text) {
			continue
		}
		m := ownMadeRE.FindStringSubmatch(classLocalInlined(p, w.Span, stripCasts(v.Text)))
		if m == nil || m[1] == "" {
			return nil
		}
		// A constant of this file or another, or a literal: a name of
		// a class of another file (this file's are ownMade's already).
		arg := strings.TrimSpace(m[1])
		if !constantName.MatchString(arg) && !literalRE.MatchString(arg) {
			return nil
		}
		names = append(names, arg)
	}
	return names
}

// SettleOwnClasses reports a static field's finding whose instances are
// all of classes the project declares, named by constants of other files
// (facts.Pending.OwnClasses): classes of the scanned tree or of the files
// the scan parsed.
func SettleOwnClasses(p *facts.Pending, k *Constants, declared func(string) bool) bool {
	if p == nil || len(p.OwnClasses) == 0 || k == nil || declared == nil {
		return false
	}
	for _, n := range p.OwnClasses {
		v, complete := k.Eval(n, p.Scope)
		if _, parsed := k.ctxs[outerClass(v)]; !complete || !declared(v) && !parsed {
			return false
		}
	}
	return true
}

// classLocalRE is an instance made from a class a local holds:
// cls.newInstance() or cls.getDeclaredConstructor().newInstance().
var classLocalRE = lazyRE(`^([a-z_$][\w$]*)(\s*\.\s*(?:get(?:Declared)?Constructor\s*\(\s*\)\s*\.\s*)?newInstance\s*\(\s*\))$`)

// classLocalInlined is text with a class local it makes an instance of
// replaced by the local's initialiser, when the method declares the local
// before at with an initialiser and never assigns it again; text as it is
// otherwise. A local assigned twice may hold a class the caller named.
func classLocalInlined(p *Pass, at facts.Span, text string) string {
	m := classLocalRE.FindStringSubmatch(text)
	if m == nil || len(p.Src) == 0 {
		return text
	}
	md := enclosingMethodDecl(p, at)
	if md == nil || len(assignmentsTo(m[1]).FindAllStringIndex(p.Text(md.Decl), 2)) != 1 {
		return text
	}
	// The declaration may follow a comment line, so a line start counts
	// as a statement's start too.
	re := regexp.MustCompile(`(?:^|[;{}(]\s*|\n\s*)(?:final\s+)?[\w$.]+(?:\s*<[^;=()]*>)?\s+` + regexp.QuoteMeta(m[1]) + `\s*=\s*`)
	ms := re.FindAllStringIndex(p.Text(facts.Span{Start: md.Decl.Start, End: at.Start}), -1)
	if len(ms) != 1 {
		return text
	}
	start := md.Decl.Start + ms[0][1]
	end := exprEnd(p.Src, start, at.Start)
	if end < 0 {
		return text
	}
	return stripCasts(p.Text(facts.Span{Start: start, End: end})) + m[2]
}

// stripCasts drops a value's leading casts and enclosing parentheses.
func stripCasts(text string) string {
	t := strings.TrimSpace(text)
	for depth := 0; depth < 4; depth++ {
		switch {
		case leadingCastRE.MatchString(t):
			t = strings.TrimSpace(leadingCastRE.ReplaceAllString(t, ""))
		case strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")"):
			t = strings.TrimSpace(t[1 : len(t)-1])
		}
	}
	return t
}

// constantClassName is the class name an argument fixes in the source: a
// string literal, Own.class.getName(), or a constant of this file holding
// one of these.
func constantClassName(p *Pass, arg string) (string, bool) {
	for depth := 0; depth < 8; depth++ {
		if strings.HasPrefix(arg, "\"") {
			v, err := strconv.Unquote(arg)
			return v, err == nil
		}
		if n, ok := strings.CutSuffix(strings.Join(strings.Fields(arg), ""), ".class.getName()"); ok {
			if t := declaredInFile(p, n); t != "" {
				return t, true
			}
			return resolveType(p, n), true
		}
		if !constantName.MatchString(arg) {
			return "", false
		}
		n, next := arg[strings.LastIndexByte(arg, '.')+1:], ""
		for _, fd := range p.File.Fields {
			if fd.Name == n && fd.Static && fd.Final && fd.Init != nil {
				next = strings.TrimSpace(fd.Init.Text)
			}
		}
		if next == "" || next == arg {
			return "", false
		}
		arg = next
	}
	return "", false
}

// projectDeclares reports a class this file or the scanned tree declares
// (a nested class by its binary or source name).
func projectDeclares(p *Pass, fqn string) bool {
	if fqn == "" {
		return false
	}
	if declaresHere(p, fqn) {
		return true
	}
	if p.Project == nil {
		return false
	}
	if p.Project.HasType(fqn) {
		return true
	}
	// Outer.Inner written with dots: the tree declares the top-level class.
	for i := strings.LastIndexByte(fqn, '.'); i > 0; i = strings.LastIndexByte(fqn[:i], '.') {
		pre := fqn[:i]
		j := strings.LastIndexByte(pre, '.')
		if j < 0 || pre[j+1] < 'A' || pre[j+1] > 'Z' {
			break
		}
		if p.Project.HasType(pre) {
			return true
		}
	}
	return false
}

// declaredInFile is the name of a class named as written (Inner,
// Outer.Inner) that this file declares, nested ones included; "" when it
// declares none.
func declaredInFile(p *Pass, n string) string {
	return declaredIn(p.File, n)
}

// declaredIn is declaredInFile for a file's facts.
func declaredIn(f *facts.File, n string) string {
	bin := strings.ReplaceAll(strings.TrimSpace(n), ".", "$")
	for _, t := range f.Types {
		if t == bin || strings.HasSuffix(t, "."+bin) || strings.HasSuffix(t, "$"+bin) {
			return t
		}
	}
	return ""
}

package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A branch taken only inside a GraalVM native image runs in a closed-world
// executable that is one application's process, never a shared JVM: what
// it changes there (a stream, a property, the process's end) is that
// process's own, as what only an entry point reaches is.

// imageOnly reports a call in a branch taken only inside a native image
// (imageGuard), decided from the file alone.
func imageOnly(p *Pass, c *facts.Call) bool {
	ok, _ := imageGuard(p, c)
	return ok
}

// imageGuard reports whether a condition around the call tests that the
// process is a native image: ImageInfo.inImageCode() (inImageRuntimeCode,
// inImageBuildtimeCode, isExecutable), the system property
// org.graalvm.nativeimage.imagecode set, or a method of the file that
// returns such a test. ref is, instead, a static getter of another class
// the condition calls ("Platform.isNativeImage()"): its class's source
// decides (ReturnsImageTest), which the scanner reads.
func imageGuard(p *Pass, c *facts.Call) (bool, *facts.GuardRef) {
	// The code around the call: its method, or the static initialiser
	// block it sits in (a class that configures itself only in an image).
	decl, ok := enclosingCode(p, c)
	if !ok {
		return false, nil
	}
	raw := string(p.Src[decl.Start:decl.End])
	code := javaCode(raw)
	var ref *facts.GuardRef
	found := false
	ifsBefore(code, c.Span.Start-decl.Start, func(_, open, close, end int) {
		if found || c.Span.Start-decl.Start >= end {
			return
		}
		for _, t := range conditionTerms(raw, code, open+1, close) {
			if t.code[0] == '!' {
				continue
			}
			if imageTest(p.File, t.raw, t.code) || ownImageTest(p, c.Class, t.code) {
				found = true
				return
			}
			if sub := foreignCall.FindStringSubmatch(t.code); sub != nil && sub[1] != simpleName(c.Class) && ref == nil {
				ref = &facts.GuardRef{Class: resolveType(p, sub[1]), Getter: sub[2]}
			}
		}
	})
	if found {
		return true, nil
	}
	return false, ref
}

// term is one top-level conjunct of a condition, as written and with its
// literals blanked (javaCode), trimmed and out of redundant parentheses.
type term struct{ raw, code string }

// conditionTerms splits the condition code[from:to] (raw the same text
// with its literals) at its top-level "&&".
func conditionTerms(raw, code string, from, to int) []term {
	var out []term
	at := from
	for _, t := range splitAnd(code[from:to]) {
		i := strings.Index(code[at:to], t)
		if i < 0 {
			break
		}
		start, end := at+i, at+i+len(t)
		at = end
		r, k := strings.TrimSpace(raw[start:end]), strings.TrimSpace(code[start:end])
		for len(k) > 1 && k[0] == '(' && matchClose(k, 0) == len(k)-1 {
			r, k = strings.TrimSpace(r[1:len(r)-1]), strings.TrimSpace(k[1:len(k)-1])
		}
		if k != "" {
			out = append(out, term{r, k})
		}
	}
	return out
}

// imageTest reports a test, as written (raw) and blanked (code), that is
// true only inside a native image (or while one is built).
func imageTest(f *facts.File, raw, code string) bool {
	if inImage.MatchString(code) && (strings.Contains(code, "ImageInfo.") || importsImage(f)) {
		return true
	}
	return imageProperty.MatchString(strings.Join(strings.Fields(raw), ""))
}

// inImage is a native-image query of org.graalvm.nativeimage.ImageInfo.
var inImage = lazyRE(`^(?:(?:org\.graalvm\.nativeimage\.)?ImageInfo\.)?(?:inImageCode|inImageRuntimeCode|inImageBuildtimeCode|isExecutable)\s*\(\s*\)$`)

// imageProperty is a test of the property the native-image builder and
// the image set (org.graalvm.nativeimage.imagecode, "buildtime" or
// "runtime"), whitespace removed: set, or equal to a literal.
var imageProperty = lazyRE(`^(?:(?:java\.lang\.)?System\.getProperty\(` + imageKey + `\)!=null|null!=(?:java\.lang\.)?System\.getProperty\(` + imageKey + `\)|"\w+"\.equals\((?:java\.lang\.)?System\.getProperty\(` + imageKey + `\)\))$`)

// imageKey is the property's name as written: a literal or ImageInfo's
// constant.
const imageKey = `(?:"org\.graalvm\.nativeimage\.imagecode"|(?:org\.graalvm\.nativeimage\.)?ImageInfo\.PROPERTY_IMAGE_CODE_KEY)`

// importsImage reports a file importing GraalVM's native-image API.
func importsImage(f *facts.File) bool {
	for _, im := range f.Imports {
		if strings.HasPrefix(im.Name, "org.graalvm.nativeimage") {
			return true
		}
	}
	return false
}

// ownImageTest reports a condition term calling a method of the file's
// class (or its nest) with no parameters that returns a native-image test
// ("isNative()", "Runtime.isNative()" in class Runtime): one hop.
func ownImageTest(p *Pass, class, code string) bool {
	name, owner := "", ""
	if sub := foreignCall.FindStringSubmatch(code); sub != nil {
		owner, name = sub[1], sub[2]
	} else if sub := ownCall.FindStringSubmatch(code); sub != nil {
		name = sub[1]
	}
	if name == "" || owner != "" && owner != simpleName(class) && owner != simpleName(outerClass(class)) {
		return false
	}
	return returnsImageTest(p.File, p.Src, "", name)
}

// ownCall is an unqualified call with no arguments: "isNative()".
var ownCall = lazyRE(`^(\w+)\s*\(\s*\)$`)

// ReturnsImageTest reports whether the getter of ref, in the file f (its
// source src) declaring ref's class, returns a native-image test: a
// static method with no parameters whose body is one return of such a
// test (facts.GuardRef; see imageGuard).
func ReturnsImageTest(f *facts.File, src []byte, ref facts.GuardRef) bool {
	return returnsImageTest(f, src, ref.Class, ref.Getter)
}

// returnsImageTest is ReturnsImageTest for the method name of class (any
// class of the file when class is ""), every declaration of that name
// agreeing.
func returnsImageTest(f *facts.File, src []byte, class, name string) bool {
	n := 0
	for i := range f.Methods {
		m := &f.Methods[i]
		if m.Name != name || class != "" && m.Class != class && !sameNest(m.Class, class) {
			continue
		}
		n++
		if strings.TrimSpace(strings.Trim(m.Params, "()")) != "" || m.Returns != "boolean" || m.Decl.End > len(src) {
			return false
		}
		raw := string(src[m.Decl.Start:m.Decl.End])
		code := javaCode(raw)
		open := strings.IndexByte(code, '{')
		if open < 0 {
			return false
		}
		close := matchClose(code, open)
		if close < 0 {
			return false
		}
		body := strings.TrimSpace(code[open+1 : close])
		rest, ok := strings.CutPrefix(body, "return")
		if !ok || !strings.HasSuffix(rest, ";") || strings.Count(body, ";") != 1 {
			return false
		}
		from := open + 1 + strings.Index(code[open+1:], "return") + len("return")
		to := open + 1 + strings.LastIndexByte(code[open+1:close], ';')
		terms := conditionTerms(raw, code, from, to)
		if len(terms) != 1 {
			return false
		}
		if !imageTest(f, terms[0].raw, terms[0].code) && !imageFlag(f, src, m.Class, terms[0].code) {
			return false
		}
	}
	return n > 0
}

// imageFlag reports a static final boolean field of class, named by code,
// that holds a native-image test computed once: its initialiser is such a
// test, or its one assignment, in a static initialiser, joins such tests
// with "||" (imageFlagValue). A getter returning it is a native-image test
// as a getter returning the test itself is.
func imageFlag(f *facts.File, src []byte, class, code string) bool {
	if !isIdentName(code) {
		return false
	}
	var field *facts.Field
	for i := range f.Fields {
		if fd := &f.Fields[i]; fd.Name == code && fd.Class == class {
			field = fd
		}
	}
	if field == nil || !field.Static || !field.Final || field.Type != "boolean" {
		return false
	}
	if field.Init != nil {
		return imageFlagValue(f, src, field.Init.Text, facts.Span{})
	}
	var value *facts.Expr
	at := -1
	for i := range f.Writes {
		w := &f.Writes[i]
		if w.Name != code || w.Owner != class {
			continue
		}
		if value != nil || w.Kind != facts.WriteAssign || w.Value == nil || !w.InStaticInit {
			return false
		}
		value, at = w.Value, w.Span.Start
	}
	if value == nil {
		return false
	}
	block, ok := staticInitOf(f, at)
	if !ok {
		return false
	}
	return imageFlagValue(f, src, value.Text, block)
}

// imageFlagValue reports whether value, as written, is a native-image test
// or a "||" of terms each of which is one, or a boolean local of the
// static initialiser block that stays false unless the block calls
// ImageInfo through reflection (a library that cannot link GraalVM's API
// looks it up by name: `result = (Boolean) Class.forName(
// "org.graalvm.nativeimage.ImageInfo").getMethod("inImageCode").invoke(null)`).
func imageFlagValue(f *facts.File, src []byte, value string, block facts.Span) bool {
	code := javaCode(value)
	image := false
	for _, part := range splitOr(code) {
		c, r := strings.TrimSpace(code[part.Start:part.End]), strings.TrimSpace(value[part.Start:part.End])
		for len(c) > 1 && c[0] == '(' && matchClose(c, 0) == len(c)-1 {
			r, c = strings.TrimSpace(r[1:len(r)-1]), strings.TrimSpace(c[1:len(c)-1])
		}
		switch {
		case imageTest(f, r, c):
			image = true
		case isIdentName(c) && block.End > block.Start && block.End <= len(src) && reflectiveImageLocal(string(src[block.Start:block.End]), c):
		default:
			return false
		}
	}
	return image
}

// splitOr gives the spans of code's operands of a top-level "||".
func splitOr(code string) []facts.Span {
	var out []facts.Span
	depth, last := 0, 0
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case '|':
			if depth == 0 && i+1 < len(code) && code[i+1] == '|' {
				out = append(out, facts.Span{Start: last, End: i})
				last = i + 2
				i++
			}
		}
	}
	return append(out, facts.Span{Start: last, End: len(code)})
}

// reflectiveImageLocal reports whether the static initialiser block
// declares name as a boolean local that starts false and looks ImageInfo
// up by name: the only value it can take besides false is the image test's.
func reflectiveImageLocal(block, name string) bool {
	code := " " + strings.Join(strings.Fields(javaCode(block)), " ")
	for _, sp := range [][2]string{{" =", "="}, {"= ", "="}, {" ;", ";"}} {
		code = strings.ReplaceAll(code, sp[0], sp[1])
	}
	return strings.Contains(code, " boolean "+name+"=false;") && strings.Contains(block, `"org.graalvm.nativeimage.ImageInfo"`)
}

// staticInitOf gives the static initialiser block of f around offset at.
func staticInitOf(f *facts.File, at int) (facts.Span, bool) {
	for _, b := range f.StaticInits {
		if b.Start <= at && at < b.End {
			return b, true
		}
	}
	return facts.Span{}, false
}

// enclosingCode is the declaration of the code around call c with its
// text in p.Src: its method, or the static initialiser block it sits in.
func enclosingCode(p *Pass, c *facts.Call) (facts.Span, bool) {
	var decl facts.Span
	if m := enclosingMethodDecl(p, c.Span); m != nil {
		decl = m.Decl
	} else if b, ok := staticInitOf(p.File, c.Span.Start); ok {
		decl = b
	} else {
		return decl, false
	}
	return decl, len(p.Src) > 0 && decl.End <= len(p.Src) && c.Span.Start >= decl.Start
}

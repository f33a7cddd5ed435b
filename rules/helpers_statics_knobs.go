package rules

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A switch, size or threshold of a cache of plain values (a string cache's
// enabled flag, its size, the count after which it starts to fill) decides
// only whether or how much the library caches: any value gives every app the
// same results, so one app setting it changes no other app's answers. Told
// by its uses: every read of the field in its file is a condition, a
// comparison or a capacity given to a constructor, in a method that reads or
// fills such a cache of its class, or a getter that hands the value out.

var primitiveKnob = map[string]bool{
	"boolean": true, "int": true, "long": true, "short": true, "byte": true, "float": true, "double": true,
	"Boolean": true, "Integer": true, "Long": true, "Short": true, "Byte": true, "Float": true, "Double": true,
}

// cacheKnob reports a primitive static of the file whose every read tunes a
// cache of plain values of its class.
func cacheKnob(file *facts.File, src []byte, f *facts.Field) bool {
	if src == nil || strings.HasSuffix(file.Path, ".class") || !primitiveKnob[rawSimple(f.Type)] || strings.Contains(f.TypeText, "[") {
		return false
	}
	caches := plainCaches(file, f.Class)
	if len(caches) == 0 {
		return false
	}
	re := regexp.MustCompile(`(?:^|[^\w$.])(?:(?:this|` + regexp.QuoteMeta(simpleName(f.Class)) + `)\s*\.\s*)?(` + regexp.QuoteMeta(f.Name) + `)\b`)
	reads := 0
	for _, loc := range re.FindAllSubmatchIndex(src, -1) {
		at, end := loc[2], loc[3]
		if within(at, f.Decl) || assignedAt(src, end) {
			continue
		}
		m := methodAt(file, at)
		if m == nil || m.Class != f.Class || m.Decl.Start < 0 || m.Decl.End > len(src) {
			return false // a read outside the class's methods: a field initialiser, a nested class
		}
		body := src[m.Decl.Start:m.Decl.End]
		if returnsOnly(body, f.Name) {
			continue
		}
		if !conditionUse(src, at, end) || !reachesCache(file, src, f.Class, body, caches, 2) {
			return false
		}
		reads++
	}
	return reads > 0
}

// assignedAt reports a name followed by an assignment (not ==).
func assignedAt(src []byte, end int) bool {
	rest := strings.TrimLeft(string(src[end:min(len(src), end+4)]), " \t")
	return strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, "==") ||
		len(rest) > 1 && strings.ContainsRune("+-*/|&", rune(rest[0])) && rest[1] == '='
}

var getterBodyRE = lazyRE(`\{\s*return\s+(?:\w+\s*\.\s*)?(\w+)\s*;\s*\}\s*$`)

// returnsOnly reports a method whose whole body returns the field.
func returnsOnly(body []byte, name string) bool {
	sm := getterBodyRE.FindSubmatch(body)
	return sm != nil && string(sm[1]) == name
}

var (
	condHeadRE    = lazyRE(`\b(?:if|while)\s*\(`)
	compareAfter  = lazyRE(`^\s*(?:[<>]=?|[!=]=|&&|\|\||\?|[%*/+-][^=+-])`)
	compareBefore = lazyRE(`(?:[<>]=?|[!=]=|&&|\|\||!|[^+-][%*/+-])\s*$`)
	capacityRE    = lazyRE(`\bnew\s+[\w.$<>]+\s*[(\[][^;()]*$`)
)

// conditionUse reports a read in an if or while condition, an operand of
// a comparison, a logical operator or the arithmetic of a slot, or a
// constructor's argument or an array's length (a capacity).
func conditionUse(src []byte, at, end int) bool {
	start := at
	for start > 0 && !strings.ContainsRune(";{}", rune(src[start-1])) {
		start--
	}
	before := src[start:at]
	after := src[end:min(len(src), end+8)]
	return condHeadRE.Match(before) || compareAfter.Match(after) || compareBefore.Match(before) || capacityRE.Match(before)
}

// plainCaches are the static containers and arrays of class whose keys,
// values or elements are plain values (strings, numbers): a cache of
// those returns the same answers however it is tuned.
func plainCaches(file *facts.File, class string) []string {
	var out []string
	for i := range file.Fields {
		fd := &file.Fields[i]
		if !fd.Static || fd.Class != class {
			continue
		}
		t := strings.Join(strings.Fields(fd.TypeText), "")
		switch {
		case strings.HasSuffix(t, "[]"):
			if plainValueType(file, strings.TrimSuffix(t, "[]")) {
				out = append(out, fd.Name)
			}
		case isContainer(fd):
			args := typeArgs(t)
			ok := len(args) > 0
			for _, a := range args {
				ok = ok && plainValueType(file, a)
			}
			if ok {
				out = append(out, fd.Name)
			}
		}
	}
	return out
}

// reachesCache reports a method body that reads or fills one of caches,
// itself or through the methods of class it calls (depth levels down): a
// switch read in show() that guards a call to the cache's lookup tunes the
// cache as much as one read beside it.
func reachesCache(file *facts.File, src []byte, class string, body []byte, caches []string, depth int) bool {
	if touchesCache(body, caches) {
		return true
	}
	if depth == 0 {
		return false
	}
	for _, m := range file.Methods {
		if m.Class != class || m.Decl.Start < 0 || m.Decl.End > len(src) || m.Name == "" {
			continue
		}
		mb := src[m.Decl.Start:m.Decl.End]
		if bytes.Equal(mb, body) || !callsName(body, m.Name) {
			continue
		}
		if reachesCache(file, src, class, mb, caches, depth-1) {
			return true
		}
	}
	return false
}

// callsName reports a call of name (name followed by "(", not a member of
// another object) in body.
func callsName(body []byte, name string) bool {
	for i := 0; ; {
		j := bytes.Index(body[i:], []byte(name))
		if j < 0 {
			return false
		}
		at := i + j
		i = at + 1
		e := at + len(name)
		if at > 0 && (isIdent(body[at-1]) || body[at-1] == '.' && !bytes.HasSuffix(body[:at-1], []byte("this"))) {
			continue
		}
		k := e
		for k < len(body) && (body[k] == ' ' || body[k] == '\t') {
			k++
		}
		if k < len(body) && body[k] == '(' {
			return true
		}
	}
}

// touchesCache reports a method body that reads or fills one of caches.
func touchesCache(body []byte, caches []string) bool {
	for _, c := range caches {
		if regexp.MustCompile(`\b` + regexp.QuoteMeta(c) + `\s*(?:\[|=\s*new\b|\.\s*(?:get|put|putIfAbsent|computeIfAbsent|containsKey|contains|add|remove|clear|size)\s*\()`).Match(body) {
			return true
		}
	}
	return false
}

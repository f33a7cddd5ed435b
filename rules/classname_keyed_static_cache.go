package rules

import (
	"bytes"
	"maps"
	"slices"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var classNameCacheRule = register(&Rule{
	ID:     "classname-keyed-static-cache",
	Hazard: "H02",
	Title:  "Static cache keyed by class name",
	Summary: "A static map keyed by a String that names a class (Map<String, Method>, Map<String, Class<?>>, or a " +
		"key built from cls.getName()) mixes up classes of the same name from different modules: the first " +
		"module to fill an entry wins, and others get a Method or Class of the wrong loader.",
	Tags: []string{"koupleless", "global-state", "classloader", "correctness"},
	// Read on projects it was not tuned on, few of its findings were
	// real (docs/accuracy): a warning unless the code is declared shared.
	Precision: "low",
	Default:   SeverityMedium,
	Severity:  map[facts.Role]Severity{facts.RoleShared: SeverityHigh, facts.RoleBase: SeverityMedium},
	Keywords:  []string{"Map", "static"},
	// A static map that some call fills, and a class name in a fill's
	// arguments or a map declared with String keys and a reflective value
	// type. Most files that name a class and fill a map do neither: a
	// class name used elsewhere, a map of other values.
	Prefilter: func(src []byte) bool {
		return wordIn(src, "static") && bytes.Contains(src, []byte("Map")) &&
			(fillNamesClass(src) || callNamed(src, cacheFillNames...) && reflectiveMapRE.Match(src))
	},
	// Only the writes these calls make on a static map count.
	WriteCalls: cacheFillNames,
	Check:      checkClassNameCache,
})

func checkClassNameCache(p *Pass) {
	if len(p.File.Writes) == 0 {
		return // a cache is reported by its fills: none here (most classes)
	}
	fields := staticFields(p.File)
	type verdict struct {
		fill   *facts.Write // a run-time fill
		byName *facts.Write // a fill whose key is a class name
		// named: some fill's key is not a string literal or a constant.
		// A table whose every key the library spells out ("tur99" ->
		// Turner99.class) holds its own names, the same for every app.
		named bool
		// other: some fill's key is not the name of the member it maps
		// (put(f.getName(), f)): a table of fields or methods by their
		// own names keys no class by its name (a Class's own name is
		// one).
		other bool
	}
	seen := map[*facts.Field]*verdict{}
	for i := range p.File.Writes {
		w := &p.File.Writes[i]
		f := fields[w.Owner+"#"+w.Name]
		if f == nil || w.Kind != facts.WriteCall || !cacheFills[w.Method] || !isMap(f) || loaderKeyed(f) ||
			clinitOnly(p.File, p.Src, w.Context) {
			continue
		}
		v := seen[f]
		if v == nil {
			v = &verdict{fill: w}
			seen[f] = v
		}
		if v.byName == nil && len(w.Args) > 0 && classNameKey(&w.Args[0]) {
			v.byName = w
		}
		if len(w.Args) == 0 || !fixedKey(w.Args[0].Text) {
			v.named = true
		}
		if len(w.Args) < 2 || !memberNameKey(&w.Args[0], &w.Args[1]) {
			v.other = true
		}
	}
	for i := range p.File.Fields {
		f := &p.File.Fields[i]
		v := seen[f]
		if v == nil || !v.named {
			continue
		}
		args := typeArgs(f.TypeText)
		switch {
		case len(args) == 2 && rawSimple(args[0]) == "String" && reflectiveValues[rawSimple(args[1])] &&
			(v.other || rawSimple(args[1]) == "Class") && !ownTypeNamed(p.File, rawSimple(args[1])):
			p.Report(Diagnostic{
				Message: "static cache " + f.Name + " maps class names to " + rawSimple(args[1]) + " and is filled in " +
					where(v.fill.Context) + ": modules with a class of the same name get the first one's entry; key it by Class<?> or ClassLoader",
				Span: f.Span, Context: f.Context,
			})
		case v.byName != nil:
			p.Report(Diagnostic{
				Message: "static map " + f.Name + " is keyed by a class name (" + shorten(v.byName.Args[0].Text) + ") in " +
					where(v.byName.Context) + ": modules with a class of the same name share one entry; key it by Class<?> or ClassLoader",
				Span: f.Span, Context: f.Context,
			})
		}
	}
}

// memberNameKey reports a fill keyed by the name of the member it stores:
// put(field.getName(), field).
func memberNameKey(key, value *facts.Expr) bool {
	v := strings.TrimSpace(value.Text)
	return isIdentName(v) && strings.Join(strings.Fields(key.Text), "") == v+".getName()"
}

// ownTypeNamed reports a simple type name that the file's own types or an
// import of a non-JDK type take: DateFormat.Field, an attribute key
// class, is not java.lang.reflect.Field.
func ownTypeNamed(f *facts.File, simple string) bool {
	for _, t := range f.Types {
		if t[strings.LastIndexAny(t, ".$")+1:] == simple {
			return true
		}
	}
	for _, im := range f.Imports {
		if !im.Static && !im.Wildcard && im.Name[strings.LastIndexByte(im.Name, '.')+1:] == simple && !strings.HasPrefix(im.Name, "java.") {
			return true
		}
	}
	return false
}

// fixedKey reports a key the library spells out: a string literal, or a
// constant (UPPER_CASE, also qualified).
func fixedKey(text string) bool {
	text = strings.TrimSpace(text)
	return strings.HasPrefix(text, "\"") && literalRE.MatchString(text) || constantRE.MatchString(text)
}

// cacheFillNames are the names of cacheFills.
var cacheFillNames = []string{"put", "putIfAbsent", "computeIfAbsent", "compute", "merge"}

// reflectiveMapRE finds a type with String keys and reflective values in
// a declaration (Map<String, Class<?>>, ConcurrentMap<java.lang.String,
// java.lang.reflect.Method>), for the pre-filter: the text the rule's
// type arguments are read from.
var reflectiveMapRE = lazyRE(`<` + declBlanks + `(?:java` + declBlanks + `\.` + declBlanks + `lang` + declBlanks + `\.` + declBlanks + `)?String` + declBlanks + `,` +
	declBlanks + `(?:\w+` + declBlanks + `\.` + declBlanks + `)*(?:` + strings.Join(slices.Sorted(maps.Keys(reflectiveValues)), "|") + `)\b`)

// fillNamesClass reports a fill call (cacheFillNames) whose arguments
// name a class's name (getName, getTypeName, getCanonicalName), for the
// pre-filter: a key classNameKey can accept is the first argument of
// such a call.
func fillNamesClass(src []byte) bool {
	// The arguments are a part of src: a file naming none of the three
	// has no fill to look at (most files; the search is one pass each).
	if !containsAny(src, classNameCalls...) {
		return false
	}
	found := false
	for _, name := range cacheFillNames {
		callOpens(src, name, func(open int) bool {
			end := closingBracket(src, open)
			if end < 0 {
				end = len(src) // unclosed: the rest may hold the key
			}
			args := src[open:end]
			// A text block may hold a bracket that ends the arguments
			// early for closingBracket: the rest of the file may hold
			// the key.
			if bytes.Contains(args, []byte(`"""`)) {
				args = src[open:]
			}
			found = containsAny(args, classNameCalls...)
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

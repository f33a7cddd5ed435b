package rules

import (
	"bytes"
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
	Tags:      []string{"koupleless", "global-state", "classloader", "correctness"},
	Precision: "high",
	Default:   SeverityHigh,
	Severity:  map[facts.Role]Severity{facts.RoleShared: SeverityHigh, facts.RoleBase: SeverityMedium},
	Keywords:  []string{"Map", "static"},
	// A static map that some call fills, and a class name as key or
	// String keys with a reflective value type.
	Prefilter: func(src []byte) bool {
		return wordIn(src, "static") && bytes.Contains(src, []byte("Map")) &&
			callNamed(src, "put", "putIfAbsent", "computeIfAbsent", "compute", "merge") &&
			(containsAny(src, "getName", "getTypeName", "getCanonicalName") || wordIn(src, "String") && anyWordIn(src, reflectiveValues))
	},
	// Only the writes these calls make on a static map count.
	WriteCalls: []string{"put", "putIfAbsent", "computeIfAbsent", "compute", "merge"},
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
	}
	for i := range p.File.Fields {
		f := &p.File.Fields[i]
		v := seen[f]
		if v == nil || !v.named {
			continue
		}
		args := typeArgs(f.TypeText)
		switch {
		case len(args) == 2 && rawSimple(args[0]) == "String" && reflectiveValues[rawSimple(args[1])]:
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

// fixedKey reports a key the library spells out: a string literal, or a
// constant (UPPER_CASE, also qualified).
func fixedKey(text string) bool {
	text = strings.TrimSpace(text)
	return strings.HasPrefix(text, "\"") && literalRE.MatchString(text) || constantRE.MatchString(text)
}

package rules

import (
	"bytes"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var staticSingletonRule = register(&Rule{
	ID:     "static-singleton-first-wins",
	Hazard: "H03",
	Title:  "JVM-wide singleton configured by the first app",
	Summary: "A lazily created static singleton whose creation reads configuration (System properties, " +
		"environment, properties files, Spring Environment) is configured by the first app that touches it; " +
		"every later module shares it. Ehcache's CacheManager.create()/getInstance() and " +
		"EhCacheManagerFactoryBean.setShared(true) make module caches share the base's CacheManager.",
	Tags: []string{"koupleless", "global-state", "correctness"},
	// Read against real code, most findings were libraries sharing one
	// JVM-wide object on purpose (a provider class named Singleton*,
	// reference counting around CacheManager.create()): whether that is a
	// hazard depends on what the apps expect of it. A note everywhere,
	// library calls included: worth a look, never a gate.
	Precision: "medium",
	Default:   SeverityLow,
	Severity: map[facts.Role]Severity{
		facts.RoleShared: SeverityLow, facts.RoleBase: SeverityLow, facts.RoleModule: SeverityLow,
	},
	Keywords: []string{"null", "Holder", "setShared", "CacheManager"},
	// The ehcache calls, or a static, null-guarded (guardedStatic) or in a
	// holder class, and a call reading configuration: every form the
	// check reports.
	Prefilter: func(src []byte) bool {
		if callNamed(src, "setShared") || bytes.Contains(src, []byte("CacheManager")) && callNamed(src, "create", "getInstance") {
			return true
		}
		return wordIn(src, "static") && (guardedStatic(src) || bytes.Contains(src, []byte("Holder"))) &&
			readsConfig(src)
	},
	Calls: []string{"getProperty", "getenv", "getInteger", "getBoolean", "getLong", "getBundle", "getResourceAsStream",
		"getResource", "load", "setShared", "create", "getInstance"},
	// The check matches these names on the owners of configReads and the
	// Ehcache calls alone; getResource, getResourceAsStream and load are
	// left to any owner (Class, ClassLoader and Properties are interfaces'
	// and subclasses' owners too often to list).
	CallOwners: map[string][]string{
		"getProperty": {"java.lang.System", "org.springframework.core.env.Environment",
			"org.springframework.core.env.PropertyResolver", "org.springframework.core.env.ConfigurableEnvironment"},
		"getenv": {"java.lang.System"}, "getInteger": {"java.lang.Integer"}, "getBoolean": {"java.lang.Boolean"},
		"getLong": {"java.lang.Long"}, "getBundle": {"java.util.ResourceBundle"},
		"setShared": {"org.springframework.cache.ehcache.EhCacheManagerFactoryBean"},
		"create":    {"net.sf.ehcache.CacheManager"}, "getInstance": {"net.sf.ehcache.CacheManager"},
	},
	Check: checkStaticSingleton,
})

// configReads are the calls that read app-specific configuration.
var configReads = map[string]string{
	"java.lang.System.getProperty":                                     "System.getProperty",
	"java.lang.System.getenv":                                          "System.getenv",
	"java.lang.Integer.getInteger":                                     "Integer.getInteger",
	"java.lang.Boolean.getBoolean":                                     "Boolean.getBoolean",
	"java.lang.Long.getLong":                                           "Long.getLong",
	"java.util.ResourceBundle.getBundle":                               "ResourceBundle.getBundle",
	"java.util.Properties.load":                                        "Properties.load",
	"java.lang.Class.getResourceAsStream":                              "getResourceAsStream",
	"java.lang.ClassLoader.getResourceAsStream":                        "getResourceAsStream",
	"java.lang.Class.getResource":                                      "getResource",
	"java.lang.ClassLoader.getResource":                                "getResource",
	"org.springframework.core.env.Environment.getProperty":             "Environment.getProperty",
	"org.springframework.core.env.PropertyResolver.getProperty":        "Environment.getProperty",
	"org.springframework.core.env.ConfigurableEnvironment.getProperty": "Environment.getProperty",
}

func checkStaticSingleton(p *Pass) {
	calls(p, func(c *facts.Call) {
		switch {
		case is(c, "net.sf.ehcache.CacheManager", "create") || is(c, "net.sf.ehcache.CacheManager", "getInstance") && len(c.Args) == 0:
			p.Report(Diagnostic{
				Message: "CacheManager." + c.Name + "() returns the JVM-wide Ehcache CacheManager: modules share the first app's caches and configuration; create a CacheManager per module",
				Span:    c.Span, Context: c.Context,
			})
		case is(c, "org.springframework.cache.ehcache.EhCacheManagerFactoryBean", "setShared") && len(c.Args) == 1 && c.Args[0].Text == "true":
			// No edit: setShared(false) alone gives the app a CacheManager
			// apart from the one CacheManager.getInstance() returns to the
			// app's other code, and a second factory with the same
			// configuration fails on the name already in use.
			p.Report(Diagnostic{
				Message: "setShared(true) makes every module reuse one JVM-wide Ehcache CacheManager; use setShared(false) with a per-module cacheManagerName",
				Span:    c.Span, Context: c.Context,
			})
		}
	})
	if p.Role == facts.RoleModule {
		return // a module's own singletons are per module
	}
	var fields map[string]*facts.Field
	if len(p.File.Writes) > 0 { // most classes write no static field
		fields = staticFields(p.File)
	}
	reported := map[*facts.Field]bool{}
	report := func(f *facts.Field, how, read string) {
		if reported[f] {
			return
		}
		reported[f] = true
		p.Report(Diagnostic{
			Message: "singleton " + f.Name + " is " + how + " and its creation reads configuration (" + read +
				"): the first app to use it configures it for every app; keep one instance per ClassLoader",
			Span: f.Span, Context: f.Context,
		})
	}
	for i := range p.File.Writes {
		w := &p.File.Writes[i]
		f := fields[w.Owner+"#"+w.Name]
		if f == nil || !w.NullGuarded || w.InStaticInit || w.Value == nil || loaderKeyed(f) {
			continue
		}
		if read := creationReadsConfig(p.File, w.Context, w.Value); read != "" {
			report(f, "created lazily in "+where(w.Context), read)
		}
	}
	// Holder idiom: class Holder { static final X INSTANCE = new X(); }.
	for i := range p.File.Fields {
		f := &p.File.Fields[i]
		if !f.Static || f.Init == nil || f.Init.Kind != facts.ExprNew || !strings.HasSuffix(simpleName(f.Class), "Holder") {
			continue
		}
		if read := creationReadsConfig(p.File, f.Context, f.Init); read != "" {
			report(f, "held by "+simpleName(f.Class), read)
		}
	}
}

// creationReadsConfig names a configuration read in the creating method,
// in the constructor of the created class, or in the same-class factory
// method called, when this file declares them.
func creationReadsConfig(f *facts.File, at facts.Context, value *facts.Expr) string {
	type site struct{ class, method string }
	sites := []site{{at.Class, at.Method}}
	switch value.Kind {
	case facts.ExprNew:
		typ := value.Type
		if typ == "" { // unresolved: the type as written
			typ = rawSimple(strings.TrimSpace(strings.SplitN(strings.TrimPrefix(value.Text, "new"), "(", 2)[0]))
		}
		for _, t := range f.Types {
			if t == typ || simpleName(t) == simpleName(typ) {
				sites = append(sites, site{t, "<init>"})
			}
		}
	case facts.ExprCall:
		if value.Call != nil && declaresClass(f, value.Call.Owner) {
			sites = append(sites, site{value.Call.Owner, value.Call.Name})
		}
	}
	for i := range f.Calls {
		c := &f.Calls[i]
		read, ok := configReads[c.Owner+"."+c.Name]
		if !ok || ownBundledData(f, c) {
			continue
		}
		for _, s := range sites {
			if c.Class == s.class && c.Method == s.method {
				return read
			}
		}
	}
	return ""
}

// ownBundledData reports a resource lookup that reads data the library
// ships: a constant name below a directory, or one that is no
// configuration file, found through one of the file's own classes
// (Matrix.class.getResourceAsStream("/data/blosum62.txt"), or through
// Matrix.class.getClassLoader()). The library's loader finds it, the same
// file for every app. A configuration file at the class path's root
// ("/client.properties") is the kind an app supplies, and stays a read of
// configuration.
func ownBundledData(f *facts.File, c *facts.Call) bool {
	if c.Name != "getResourceAsStream" && c.Name != "getResource" || len(c.Args) != 1 || c.Args[0].Kind != facts.ExprString {
		return false
	}
	name := strings.TrimPrefix(strings.Trim(c.Args[0].Text, `"`), "/")
	if !strings.Contains(name, "/") && configFile(name) {
		return false
	}
	recv := strings.Join(strings.Fields(c.Recv.Text), "")
	recv = strings.TrimSuffix(recv, ".getClassLoader()")
	cls, ok := strings.CutSuffix(recv, ".class")
	if !ok {
		return false
	}
	for _, t := range f.TypeDecls {
		if simpleName(t.Name) == simpleName(cls) {
			return true
		}
	}
	for _, t := range f.Types {
		if t == cls || simpleName(t) == simpleName(cls) {
			return true
		}
	}
	return false
}

// configFile reports a file name in a configuration format.
func configFile(name string) bool {
	for _, ext := range []string{".properties", ".xml", ".yml", ".yaml", ".json", ".conf", ".cfg", ".ini", ".toml"} {
		if strings.HasSuffix(strings.ToLower(name), ext) {
			return true
		}
	}
	return false
}

// readsConfig reports a call that may be one of configReads: getenv and
// the boxed getters only on their classes (Long.getLong, not a map's or
// a parser's getLong), the others on any receiver (an Environment, a
// Properties, a Class or a ClassLoader in a variable).
func readsConfig(src []byte) bool {
	return callNamed(src, "getProperty", "getBundle", "getResource", "getResourceAsStream", "load") ||
		calledOn(src, "System", "getenv") || calledOn(src, "Integer", "getInteger") || calledOn(src, "Boolean", "getBoolean") ||
		calledOn(src, "Long", "getLong")
}

// guardedStatic reports a non-final static field of the file whose name
// is compared with null ("NAME == null", "null == this.NAME", blanks
// allowed): the only guard that marks a write null-guarded
// (facts.Write.NullGuarded), and the check's lazy form writes such a
// field. Most sources that say null say it otherwise (return null,
// != null, a local compared).
func guardedStatic(src []byte) bool {
	var statics map[string]bool
	found, any := false, false
	nullCompared(src, func(name []byte) bool {
		if statics == nil {
			statics = map[string]bool{}
			staticDecls(src, func(decl []byte, at, end int) bool {
				if wordIn(decl, "final") {
					return true
				}
				// Several names (static Foo a, b = x, c;): every word of
				// the declaration up to its ';' counts, initialisers'
				// included; one whose ';' is far is taken for any name.
				stop := end
				if src[end] == '=' {
					semi := bytes.IndexByte(src[end:min(len(src), end+2000)], ';')
					if semi < 0 {
						any = true
						return false
					}
					stop = end + semi
				}
				if whole := src[at:stop]; bytes.IndexByte(whole, ',') >= 0 {
					for _, w := range javaNameRE.FindAll(whole, -1) {
						statics[string(w)] = true
					}
					return true
				}
				statics[string(declName(decl))] = true
				return true
			})
		}
		found = any || statics[string(name)]
		return !found
	})
	return found
}

// nullCompared calls yield with the name compared with null at each
// "== null" or "null ==" of src (the last segment of a qualified name),
// while it returns true.
func nullCompared(src []byte, yield func(name []byte) bool) {
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte("=="))
		if j < 0 {
			return
		}
		at := i + j
		i = at + 2
		k := i
		for k < len(src) && isREBlank(src[k]) {
			k++
		}
		if bytes.HasPrefix(src[k:], []byte("null")) && (k+4 == len(src) || !isIdent(src[k+4])) {
			e := skipBlanksBack(src, at)
			s := e
			for s > 0 && isIdent(src[s-1]) {
				s--
			}
			if s < e && !yield(src[s:e]) {
				return
			}
			continue
		}
		e := skipBlanksBack(src, at)
		if bytes.HasSuffix(src[:e], []byte("null")) && (e == 4 || !isIdent(src[e-5])) {
			// null == NAME, or null == a.b.NAME: the last segment
			s := k
			for {
				n := s
				for n < len(src) && isIdent(src[n]) {
					n++
				}
				if n < len(src) && src[n] == '.' {
					s = n + 1
					continue
				}
				if n > s && !yield(src[s:n]) {
					return
				}
				break
			}
		}
	}
}

package rules

import (
	"bytes"
	"cmp"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var systemPropertyRule = register(&Rule{
	ID:     "system-property-mutation",
	Hazard: "H13",
	Title:  "JVM-wide system property changed",
	Summary: "System.setProperty, clearProperty, setProperties and writes through System.getProperties() change " +
		"one table that every app in the JVM shares: the last app to write wins, and libraries that fill it " +
		"only if absent make the first app win. Reads of app-specific keys are reported as info.",
	Tags:      []string{"koupleless", "global-state", "correctness"},
	Precision: "high",
	Default:   SeverityHigh,
	Severity: map[facts.Role]Severity{
		facts.RoleModule: SeverityHigh, facts.RoleShared: SeverityHigh, facts.RolePrivate: SeverityHigh,
		facts.RoleBase: SeverityMedium,
	},
	Keywords: []string{"setProperty", "clearProperty", "setProperties", "getProperties", "getProperty", "getInteger", "getLong", "getBoolean"},
	// The owners the check knows, as the calls' receivers: a call resolves
	// to one only through a name the file writes (Properties.getProperty,
	// props.setProperties(p) do not count; see calledOn). And what the
	// check reports: a write of the table, or a read of an app-specific key
	// (a read of another key only beside its write).
	Prefilter: func(src []byte) bool {
		if !wordIn(src, "System") && !wordIn(src, "Integer") && !wordIn(src, "Long") && !wordIn(src, "Boolean") {
			return false
		}
		if calledOn(src, "System", "setProperty", "clearProperty", "setProperties") {
			return true
		}
		if calledOn(src, "System", "getProperties") {
			for n := range propertyWrites {
				if callNamed(src, n) {
					return true
				}
			}
		}
		if !calledOn(src, "System", "getProperty") && !calledOn(src, "Integer", "getInteger") && !calledOn(src, "Long", "getLong") &&
			!calledOn(src, "Boolean", "getBoolean") {
			return false // no read either
		}
		for _, k := range appKeyList {
			if bytes.Contains(src, []byte(k)) {
				return true
			}
		}
		return false
	},
	Calls: []string{"setProperty", "clearProperty", "setProperties", "put", "putAll", "remove", "load", "loadFromXML",
		"clear", "putIfAbsent", "replace", "merge", "compute", "computeIfAbsent", "computeIfPresent",
		"getProperty", "getInteger", "getLong", "getBoolean"},
	// What the check matches: System's own calls and the boxed getters, or a
	// write whose receiver is System.getProperties().
	CallOwners: map[string][]string{"setProperty": {"java.lang.System"}, "clearProperty": {"java.lang.System"},
		"setProperties": {"java.lang.System"}, "getProperty": {"java.lang.System"}, "getInteger": {"java.lang.Integer"},
		"getLong": {"java.lang.Long"}, "getBoolean": {"java.lang.Boolean"}},
	CallsWith: propertyWritesWith(),
	Check:     checkSystemProperty,
})

var propertyWrites = map[string]bool{
	"put": true, "setProperty": true, "remove": true, "putAll": true, "load": true, "loadFromXML": true, "clear": true,
	"putIfAbsent": true, "replace": true, "merge": true, "compute": true, "computeIfAbsent": true, "computeIfPresent": true,
}

// propertyWritesWith: the writes count only on System.getProperties().
func propertyWritesWith() map[string][]string {
	m := map[string][]string{}
	for n := range propertyWrites {
		m[n] = []string{"java.lang.System.getProperties"}
	}
	return m
}

// standardKey reports system properties the JDK defines; reading them is
// not app-specific.
func standardKey(k string) bool {
	for _, p := range []string{"java.", "javax.", "jdk.", "sun.", "os.", "user.", "file.", "line.separator", "path.separator", "native.encoding", "stdout.encoding", "stderr.encoding"} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

func checkSystemProperty(p *Pass) {
	calls(p, func(c *facts.Call) {
		write := is(c, "java.lang.System", "setProperty", "clearProperty", "setProperties") ||
			(propertyWrites[c.Name] && recvIs(c, "java.lang.System", "getProperties"))
		if write {
			if p.Role == facts.RoleBase && (c.InMain || c.InStaticInit) {
				return // base start-up switches, set before any module exists
			}
			if restoresProperty(p, c) || putsBackSaved(p, c) {
				return // the restoring half of a change reported where it is made
			}
			if uncalledPrivate(p, c.Span) {
				return // a private method nothing calls: never runs
			}
			if envDefault(p, c) {
				return // the process environment's value, where no app set one
			}
			image, imageRef := imageGuard(p, c)
			if image {
				return // only inside a native image: one app's own process
			}
			what := "System." + c.Name
			if !c.Static {
				what = "System.getProperties()." + c.Name
			}
			if len(c.Args) > 0 && c.Args[0].Kind == facts.ExprString {
				what += "(" + quote(c.Args[0].Value) + ", …)"
			}
			d := Diagnostic{
				Message: what + " changes a JVM-wide system property that every app in the process shares",
				Span:    c.Span, Context: c.Context,
				// A command line's properties are its process's own (an
				// app's main runs in the shared JVM).
				EntrySensitive: !appEntry(p, c.Class),
				ImageRef:       imageRef,
			}
			copies := c.Name == "setProperty" && copiesConfig(p, c)
			if copies {
				// Debatable: by design, and the keys are the configuration's.
				d.Severity = p.AtMost(SeverityMedium)
				d.Message += " (copies the keys of a configuration into the JVM's table: whichever app's configuration is read last wins)"
			}
			if p.Role != facts.RoleBase && !appEntry(p, c.Class) && !c.InMain && hasMain(p.File, c.Class) && !publicMethodAt(p, c.Span.Start) {
				// A command-line class's own helper (not public, so no
				// library code calls it): the tool's process, its property.
				return
			}
			if p.Role != facts.RoleBase && !appEntry(p, c.Class) && (c.InMain || hasMain(p.File, c.Class)) {
				// A base's main class is the application, not a tool.
				d.Severity = p.AtMost(SeverityLow)
				d.Message += " (in a command-line class: harmless only if it never runs inside the shared JVM)"
			}
			applyOptIn(p, &d, c.Span)
			if copies && p.Role == facts.RoleUnknown {
				// Which keys change is up to a file the code does not
				// show: a candidate where nothing says the code is shared.
				d.Severity = SeverityHint
			}
			p.Report(d)
			return
		}
		read := is(c, "java.lang.System", "getProperty") || is(c, "java.lang.Integer", "getInteger") ||
			is(c, "java.lang.Long", "getLong") || is(c, "java.lang.Boolean", "getBoolean")
		if !read || len(c.Args) == 0 || c.Args[0].Kind != facts.ExprString || standardKey(c.Args[0].Value) {
			return
		}
		// A read is where another app's value shows up, but only for keys
		// that differ per app. Most keys a library reads are its own
		// switches (org.apache.el.BeanELResolver.CACHE_SIZE), JVM-wide by
		// design; they are reported only when this file also writes them.
		key := c.Args[0].Value
		switch {
		case writtenInFile(p, key):
			p.Report(Diagnostic{
				Severity: p.AtMost(SeverityMedium),
				Message:  "reads system property " + quote(key) + ", which this code also writes: every app in the process reads the last value written",
				Span:     c.Span, Context: c.Context,
				// The read is a hazard only where the write it pairs with
				// runs in the shared JVM: when only entry points reach
				// every write (a launcher's main sets it), or the read,
				// the value is the command line's own.
				EntrySensitive: !appEntry(p, c.Class),
				EntryGuards:    writersInFile(p.File, key),
			})
		case appKeys[key]:
			p.Report(Diagnostic{
				Severity: p.AtMost(SeverityInfo),
				Message:  "reads the app-specific system property " + quote(key) + " from the JVM-wide table: in a shared JVM it is the base's or another app's value",
				Span:     c.Span, Context: c.Context,
			})
		}
	})
}

// appKeys are system properties whose value differs per application
// (Koupleless's Apollo case, Spring Boot's names and logging locations).
var appKeys = map[string]bool{
	"app.id": true, "apollo.meta": true, "apollo.cluster": true, "apollo.cacheDir": true,
	"apollo.accesskey.secret": true, "apollo.property.order.enable": true, "env": true,
	"spring.application.name": true, "spring.profiles.active": true, "spring.config.location": true,
	"spring.config.name": true, "spring.config.additional-location": true, "server.port": true,
	"server.servlet.context-path": true, "logging.config": true, "logging.path": true, "logging.file": true,
	"logging.file.name": true, "logging.file.path": true, "LOG_PATH": true, "LOG_FILE": true, "log.path": true,
	"dubbo.application.name": true, "project.name": true,
}

// appKeyList is appKeys shortest first, for the pre-filter: a short key is
// the likelier in a file, and the first found ends the search.
var appKeyList = func() []string {
	ks := slices.Collect(maps.Keys(appKeys))
	slices.SortFunc(ks, func(a, b string) int { return cmp.Or(len(a)-len(b), strings.Compare(a, b)) })
	return ks
}()

// restoresProperty reports the undoing of a property change the same
// code makes: a clearProperty or remove of a key the file sets (by the same
// constant or the same expression; not where that set only puts back a
// value saved before the removal, putsBackSaved), or a write in a finally
// block, which puts back what the try block changed.
func restoresProperty(p *Pass, c *facts.Call) bool {
	f := p.File
	if len(c.Args) == 0 {
		return false
	}
	if c.InFinally && (c.Name == "setProperty" || c.Name == "clearProperty" || c.Name == "remove" || c.Name == "put") {
		return true
	}
	if c.Name != "clearProperty" && c.Name != "remove" {
		return false
	}
	k := c.Args[0]
	for i := range f.Calls {
		w := &f.Calls[i]
		set := is(w, "java.lang.System", "setProperty") || (w.Name == "put" || w.Name == "setProperty") && recvIs(w, "java.lang.System", "getProperties")
		if !set || len(w.Args) == 0 {
			continue
		}
		a := w.Args[0]
		if (k.Kind == facts.ExprString && a.Kind == facts.ExprString && a.Value == k.Value ||
			k.Kind != facts.ExprString && strings.TrimSpace(a.Text) == strings.TrimSpace(k.Text)) && !putsBackSaved(p, w) {
			return true
		}
	}
	return false
}

// putsBackSaved reports a System.setProperty(key, saved) whose value the
// code read from the same key before changing it, and never changed: a
// field or a local of the method whose every assignment is "saved =
// System.getProperty(key)". The restoring half of a change, reported where
// the change is made, wherever the put-back sits (a close(), a restore()
// of a saved context). A value read and then extended ("pkgs +=") is a
// change.
func putsBackSaved(p *Pass, c *facts.Call) bool {
	if !is(c, "java.lang.System", "setProperty") || len(c.Args) != 2 || len(p.Src) == 0 {
		return false
	}
	v := strings.TrimSpace(c.Args[1].Text)
	field := strings.HasPrefix(v, "this.")
	v = strings.TrimPrefix(v, "this.")
	// Most writes store no name, or the file never reads a property into
	// it: two cheap tests spare the expressions below.
	if !isIdentName(v) || !bytes.Contains(p.Src, []byte("getProperty")) || !bytes.Contains(p.Src, []byte(v)) {
		return false
	}
	key := strings.Join(strings.Fields(c.Args[0].Text), "")
	if key == "" {
		return false
	}
	if !field {
		for i := range p.File.Fields {
			if fd := &p.File.Fields[i]; fd.Name == v && sameNest(fd.Class, c.Class) {
				field = true
			}
		}
	}
	// Where its assignments are: the file for a field, the method for a
	// local (another method's local of that name is another variable).
	text := withoutComments(string(p.Src))
	if !field {
		decl, ok := enclosingCode(p, c)
		if !ok {
			return false
		}
		text = withoutComments(string(p.Src[decl.Start:decl.End]))
	}
	// The key as written, spaces allowed between its characters.
	var k strings.Builder
	for i, r := range key {
		if i > 0 {
			k.WriteString(`\s*`)
		}
		k.WriteString(regexp.QuoteMeta(string(r)))
	}
	name := `(?:^|[^\w.]|\bthis\.)` + regexp.QuoteMeta(v) + `\s*`
	saves, err := regexp.Compile(name + `=\s*(?:java\.lang\.)?System\s*\.\s*getProperty\s*\(\s*` + k.String() + `\s*\)`)
	if err != nil {
		return false
	}
	assigns := regexp.MustCompile(name + `[-+*/%&|^]?=(?:[^=]|$)`)
	n := len(saves.FindAllStringIndex(text, -1))
	return n > 0 && n == len(assigns.FindAllStringIndex(text, -1))
}

// writtenInFile reports a System.setProperty of key in the file, other
// than one filling it from the environment (envDefault) or putting back a
// value saved from it (putsBackSaved).
func writtenInFile(p *Pass, key string) bool {
	for i := range p.File.Calls {
		c := &p.File.Calls[i]
		if is(c, "java.lang.System", "setProperty") && len(c.Args) > 0 && c.Args[0].Kind == facts.ExprString && c.Args[0].Value == key && !envDefault(p, c) && !putsBackSaved(p, c) {
			return true
		}
	}
	return false
}

// getenvValueRE is a value read from the process environment alone.
var getenvValueRE = lazyRE(`^(?:java\.lang\.)?System\s*\.\s*getenv\s*\(\s*"[^"]*"\s*\)$`)

// envDefault reports a System.setProperty that fills a property no one set
// from the process environment (Hadoop's "if hadoop.log.dir is unset, take
// HADOOP_LOG_DIR"): inside an if whose condition requires
// System.getProperty(key) == null, it writes System.getenv of a constant
// name. Every app running it writes the same value, the process's own, and
// none replaces a value another app set.
func envDefault(p *Pass, c *facts.Call) bool {
	if !is(c, "java.lang.System", "setProperty") || len(c.Args) != 2 || !getenvValueRE.MatchString(strings.TrimSpace(c.Args[1].Text)) {
		return false
	}
	decl, ok := enclosingCode(p, c)
	if !ok {
		return false
	}
	raw := string(p.Src[decl.Start:decl.End])
	code, text := javaCode(raw), withoutComments(raw)
	key := regexp.QuoteMeta(strings.TrimSpace(c.Args[0].Text))
	get := `(?:java\.lang\.)?System\s*\.\s*getProperty\s*\(\s*` + key + `\s*\)`
	unset, err := regexp.Compile(`^(?:` + get + `\s*==\s*null|null\s*==\s*` + get + `)$`)
	if err != nil {
		return false
	}
	at, found := c.Span.Start-decl.Start, false
	ifsBefore(code, at, func(_, open, close, end int) {
		if found || at >= end {
			return
		}
		for _, t := range conditionTerms(text, code, open+1, close) {
			if unset.MatchString(t.raw) {
				found = true
				return
			}
		}
	})
	return found
}

// writersInFile are the methods of the file that System.setProperty key
// (a static initialiser as "<clinit>"), each once.
func writersInFile(f *facts.File, key string) []facts.MethodKey {
	var out []facts.MethodKey
	seen := map[facts.MethodKey]bool{}
	for i := range f.Calls {
		c := &f.Calls[i]
		if !is(c, "java.lang.System", "setProperty") || len(c.Args) == 0 || c.Args[0].Kind != facts.ExprString || c.Args[0].Value != key {
			continue
		}
		m := c.Method
		if m == "" {
			m = "<clinit>" // a field initialiser runs with the class
		}
		k := facts.MethodKey{Class: c.Class, Name: m, Arity: -1}
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	sortKeys(out)
	return out
}

// recvIs reports whether the call's receiver is itself a call of owner.name,
// e.g. System.getProperties() in System.getProperties().put(k, v).
func recvIs(c *facts.Call, owner, name string) bool {
	return c.Recv.Call != nil && c.Recv.Call.Owner == owner && c.Recv.Call.Name == name
}

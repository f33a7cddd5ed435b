package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var javaSerialization = register(&Rule{
	ID:     "java-serialization-caller-loader",
	Hazard: "H11",
	Title:  "Deserialization that resolves classes with the caller's ClassLoader",
	Summary: "A plain java.io.ObjectInputStream resolves classes with the latest user-defined loader on the stack; " +
		"in a framework the base shares that is the base's loader, so module classes fail to deserialize.",
	Tags:      []string{"koupleless", "classloader", "serialization", "correctness"},
	Precision: "high",
	Default:   SeverityHigh,
	Severity: map[facts.Role]Severity{
		facts.RoleShared: SeverityHigh, facts.RoleBase: SeverityMedium,
		facts.RoleModule: SeverityLow, facts.RolePrivate: SeverityLow,
	},
	Keywords: []string{"ObjectInputStream"},
	Calls:    []string{"readObject", "readUnshared"},
	News:     []string{"ObjectInputStream"},
	// A stream this file creates: the class's name after new.
	Prefilter: func(src []byte) bool { return mayCreate(src, "ObjectInputStream", "java.io") },
	Check:     checkJavaSerialization,
})

func checkJavaSerialization(p *Pass) {
	for i := range p.File.News {
		nw := &p.File.News[i]
		// Hessian's new SerializerFactory() is not here: it takes the
		// thread context loader itself in current Hessian versions.
		switch {
		case nw.Type == "java.io.ObjectInputStream" && !nw.Anonymous:
			if !readInSameMethod(p, nw) || readsOnlyKnownTypes(p, nw) {
				continue
			}
			p.Report(Diagnostic{
				Message: "a plain ObjectInputStream resolves classes with the caller's ClassLoader; in code the base shares, module classes fail to deserialize",
				Span:    nw.Span, Context: nw.Context,
			})
		}
	}
}

// readInSameMethod reports whether the stream created by nw is read in the
// method that creates it: new ObjectInputStream(in).readObject(), or
// through a single-assignment local.
func readInSameMethod(p *Pass, nw *facts.New) bool {
	within := func(outer facts.Span) bool { return outer.Start <= nw.Span.Start && nw.Span.End <= outer.End }
	for i := range p.File.Calls {
		c := &p.File.Calls[i]
		if c.Name != "readObject" && c.Name != "readUnshared" || len(c.Args) != 0 {
			continue
		}
		if c.Recv.Kind == facts.ExprNew && within(c.Recv.Span) {
			return true
		}
		if l := c.Recv.Local; l != nil && l.Kind == facts.ExprNew && within(l.Span) {
			return true
		}
	}
	return false
}

// streamReads lists the readObject and readUnshared calls on the stream
// nw creates: new ObjectInputStream(in).readObject(), or through a
// single-assignment local.
func streamReads(p *Pass, nw *facts.New) []*facts.Call {
	within := func(outer facts.Span) bool { return outer.Start <= nw.Span.Start && nw.Span.End <= outer.End }
	var out []*facts.Call
	for i := range p.File.Calls {
		c := &p.File.Calls[i]
		if c.Name != "readObject" && c.Name != "readUnshared" || len(c.Args) != 0 {
			continue
		}
		if c.Recv.Kind == facts.ExprNew && within(c.Recv.Span) {
			out = append(out, c)
		} else if l := c.Recv.Local; l != nil && l.Kind == facts.ExprNew && within(l.Span) {
			out = append(out, c)
		}
	}
	return out
}

// castRE matches a cast ending right before a read: "(Type) ", "(int[])".
var castRE = lazyRE(`\(\s*([\w$.]+(?:\s*<[^()]*>)?(?:\s*\[\s*\])*)\s*\)\s*$`)

// readsOnlyKnownTypes reports a stream whose every read is cast to a JDK
// value type (a String, a number, a date, a random generator's state, an
// array of those) or to a class the library itself declares: the objects
// it reads are the JDK's or the library's own, which its own loader
// resolves (the library's serialised state, its compiled code objects).
// A cast to Object, Serializable, a collection or Class resolves whatever
// the stream names, and stays a finding.
func readsOnlyKnownTypes(p *Pass, nw *facts.New) bool {
	reads := streamReads(p, nw)
	if len(reads) == 0 {
		return false
	}
	if reads[0].Descriptor != "" {
		// Compiled code (a call with a descriptor): the checkcast after
		// each read.
		for _, c := range reads {
			if !knownCompiledCast(p, c) {
				return false
			}
		}
		return true
	}
	for _, c := range reads {
		from := c.Span.Start - 200
		if from < 0 {
			from = 0
		}
		m := castRE.FindStringSubmatch(string(p.Src[from:c.Span.Start]))
		if m == nil || !knownSerialType(p, m[1]) {
			return false
		}
	}
	return true
}

// knownCompiledCast is knownSerialType for the cast a class file shows
// after a read: a JDK value type, a class nested in the reading class's
// own top-level class, or a class of the library's packages.
func knownCompiledCast(p *Pass, c *facts.Call) bool {
	t := strings.TrimRight(c.CastTo, "[]")
	if t == "" {
		return false
	}
	simple := t[strings.LastIndexAny(t, ".$")+1:]
	if !strings.Contains(t, ".") {
		return jdkSerialValues[simple] && simple != "" && simple[0] >= 'a' && simple[0] <= 'z' // a primitive array
	}
	if jdkSerialValues[simple] && strings.HasPrefix(t, "java.") && !strings.Contains(t, "$") {
		return true
	}
	if outer := outerClass(c.Class); t == outer || strings.HasPrefix(t, outer+"$") {
		return true
	}
	return ownType(p, strings.ReplaceAll(t, "$", "."))
}

// jdkSerialValues are JDK types whose serialised form names only JDK
// classes.
var jdkSerialValues = map[string]bool{
	"String": true, "Integer": true, "Long": true, "Short": true, "Byte": true, "Boolean": true, "Character": true,
	"Double": true, "Float": true, "BigInteger": true, "BigDecimal": true, "Date": true, "UUID": true, "URI": true,
	"URL": true, "Locale": true, "Pattern": true, "BitSet": true, "Random": true, "SecureRandom": true,
	"Instant": true, "Duration": true, "LocalDate": true, "LocalDateTime": true, "LocalTime": true, "ZonedDateTime": true,
	"OffsetDateTime": true, "ZoneId": true, "Timestamp": true, "File": true, "InetAddress": true, "Currency": true,
	"int": true, "long": true, "short": true, "byte": true, "boolean": true, "char": true, "double": true, "float": true,
}

// knownSerialType reports a cast target whose objects hold no app
// classes: a JDK value type or an array of them, or a class of the
// library itself (declared in this file, or in its package or under the
// same top-level packages through an import), unless generic.
func knownSerialType(p *Pass, typ string) bool {
	t := strings.Join(strings.Fields(typ), "")
	if strings.Contains(t, "<") {
		return false // a generic holder: its elements are whatever was written
	}
	t = strings.TrimRight(t, "[]")
	simple := simpleName(t)
	qualified := strings.Contains(t, ".")
	if jdkSerialValues[simple] && (!qualified || strings.HasPrefix(t, "java.")) {
		if !qualified {
			// A JDK simple name, unless the file imports a class of that name.
			for _, im := range p.File.Imports {
				if !im.Static && !im.Wildcard && simpleName(im.Name) == simple && !strings.HasPrefix(im.Name, "java.") {
					return ownType(p, im.Name)
				}
			}
		}
		return true
	}
	if qualified {
		return ownType(p, t)
	}
	for _, td := range p.File.TypeDecls {
		if simpleName(td.Name) == simple {
			return td.Kind == "class" || td.Kind == "enum" || td.Kind == "record"
		}
	}
	for _, im := range p.File.Imports {
		if !im.Static && !im.Wildcard && simpleName(im.Name) == simple {
			return ownType(p, im.Name)
		}
	}
	switch simple {
	case "Object", "Serializable", "Externalizable", "Class", "Comparable", "Cloneable", "Iterable", "Runnable":
		return false
	}
	// Unqualified and not imported: a class of the file's own package.
	return p.File.Package != "" && simple != "" && simple[0] >= 'A' && simple[0] <= 'Z' && !javaLangType(simple)
}

// javaLangType reports java.lang's non-value types a cast may name.
func javaLangType(simple string) bool {
	switch simple {
	case "Object", "Class", "Number", "Throwable", "Exception", "Enum", "Record", "CharSequence", "Comparable",
		"Iterable", "Runnable", "Thread", "StackTraceElement":
		return true
	}
	return false
}

// ownType reports a class under the same top-level packages as the file
// (org.h2.x for a file of org.h2.y): the library's own.
func ownType(p *Pass, fqn string) bool {
	if strings.HasPrefix(fqn, "java.") || strings.HasPrefix(fqn, "javax.") {
		return false
	}
	root := func(pkg string) string {
		parts := strings.Split(pkg, ".")
		if len(parts) > 2 {
			parts = parts[:2]
		}
		return strings.Join(parts, ".")
	}
	return p.File.Package != "" && root(fqn) == root(p.File.Package) && strings.Count(root(p.File.Package), ".") >= 1
}

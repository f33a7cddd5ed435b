package rules

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var jmxFixedNameRule = register(&Rule{
	ID:     "jmx-fixed-name",
	Hazard: "H18",
	Title:  "MBean registered in the JVM-wide MBeanServer under a fixed ObjectName",
	Summary: "The platform MBeanServer is one per JVM. An MBean registered under a constant ObjectName collides " +
		"when a second app in the JVM registers the same name (InstanceAlreadyExistsException).",
	Tags:      []string{"koupleless", "global-state", "jmx"},
	Precision: "high",
	Default:   SeverityMedium,
	Severity: map[facts.Role]Severity{
		facts.RoleBase: SeverityMedium, facts.RoleModule: SeverityMedium, facts.RoleShared: SeverityMedium,
		facts.RolePrivate: SeverityMedium,
	},
	Keywords: []string{"registerMBean", "ManagedResource"},
	Calls:    []string{"registerMBean", "getInstance", "getProperty"},
	// The name comes from ObjectName.getInstance or System.getProperty:
	// compiled code decodes no method for these names on other owners.
	CallOwners: map[string][]string{"getInstance": {objectNameType}, "getProperty": {"java.lang.System"}},
	News:       []string{"ObjectName"},
	Check:      checkJMXFixedName,
})

const objectNameType = "javax.management.ObjectName"

func checkJMXFixedName(p *Pass) {
	calls(p, func(c *facts.Call) {
		if !is(c, "javax.management.MBeanServer", "registerMBean") || len(c.Args) != 2 {
			return
		}
		if ownServer(c.Recv) {
			return // a server of its own: no other app registers there
		}
		name, ok := fixedObjectName(p, c, c.Args[1])
		if !ok || unregisters(p, c.Class) {
			return
		}
		p.Report(Diagnostic{
			Message: "MBean registered under the fixed name " + quote(name) + " in the JVM-wide MBeanServer: a second app registering it fails with InstanceAlreadyExistsException; add an app-specific key and unregister it on close",
			Span:    c.Span, Context: c.Context,
		})
	})
	for _, td := range p.File.TypeDecls {
		for _, a := range td.Annotations {
			if !annotationIs(a, "ManagedResource") || !springManagedResource(p, a) {
				continue
			}
			name, ok := managedResourceName(a)
			if !ok || strings.Contains(name, "${") || name == "" {
				continue
			}
			p.Report(Diagnostic{
				Message: "@ManagedResource with the fixed objectName " + quote(name) + ": every app in the JVM exporting this bean registers the same name; use a ${...} placeholder or spring.jmx.unique-names=true",
				Span:    td.Span, Context: facts.Context{Class: td.Name, Line: td.Line},
			})
		}
	}
}

// ownServer reports a receiver that is an MBeanServer the code made
// itself (MBeanServerFactory.createMBeanServer or newMBeanServer), directly
// or through a local variable: a new server, not the platform's.
func ownServer(recv facts.Expr) bool {
	e := &recv
	if e.Local != nil {
		e = e.Local
	}
	return e.Call != nil && e.Call.Owner == "javax.management.MBeanServerFactory" &&
		(e.Call.Name == "createMBeanServer" || e.Call.Name == "newMBeanServer")
}

// fixedObjectName follows the ObjectName argument to its construction and
// reports the constant it was built from.
func fixedObjectName(p *Pass, reg *facts.Call, arg facts.Expr) (string, bool) {
	switch arg.Kind {
	case facts.ExprNew, facts.ExprCall:
		return constantObjectNameAt(p, arg.Span)
	case facts.ExprName:
		name := strings.TrimPrefix(arg.Text, "this.")
		if strings.Contains(name, ".") {
			return "", false
		}
		// A field of this class initialised with a constant name, never reassigned.
		for _, f := range p.File.Fields {
			if f.Name == name && sameNest(f.Class, reg.Class) && f.Init != nil && (f.Final || assignedOnce(p, reg.Class, name)) {
				return constantObjectNameAt(p, f.Init.Span)
			}
		}
		// A local initialised with a constant name earlier in the method.
		for i := range p.File.News {
			n := &p.File.News[i]
			if n.StoredTo == name && !n.StoredToField && n.Class == reg.Class && n.Method == reg.Method && n.Span.End < reg.Span.Start {
				if v, ok := constantObjectNameAt(p, n.Span); ok && !reassigned(p, reg, name, n.Span.End) {
					return v, true
				}
			}
		}
		for i := range p.File.Calls {
			d := &p.File.Calls[i]
			if d.StoredTo == name && !d.StoredToField && d.Class == reg.Class && d.Method == reg.Method && d.Span.End < reg.Span.Start {
				if v, ok := constantObjectNameAt(p, d.Span); ok && !reassigned(p, reg, name, d.Span.End) {
					return v, true
				}
			}
		}
	}
	return "", false
}

// constantObjectNameAt finds the ObjectName construction at span and
// returns its name when every argument is a string constant.
func constantObjectNameAt(p *Pass, s facts.Span) (string, bool) {
	constArgs := func(args []facts.Expr) (string, bool) {
		if len(args) != 1 && len(args) != 3 {
			return "", false // (domain, Hashtable) is built from data
		}
		var parts []string
		for _, a := range args {
			v, ok := constantString(p, a)
			if !ok {
				return "", false
			}
			parts = append(parts, v)
		}
		if len(parts) == 3 {
			return parts[0] + ":" + parts[1] + "=" + parts[2], true
		}
		return parts[0], true
	}
	for i := range p.File.News {
		n := &p.File.News[i]
		if n.Span == s && n.Type == objectNameType {
			return constArgs(n.Args)
		}
	}
	for i := range p.File.Calls {
		c := &p.File.Calls[i]
		if c.Span == s && is(c, objectNameType, "getInstance") {
			return constArgs(c.Args)
		}
	}
	return "", false
}

// constantString is the value of a string expression that is the same for
// every app in the JVM: a literal, a System.getProperty(key, "default")
// (system properties are JVM-wide, so every app reads the same value), or
// a concatenation of those.
func constantString(p *Pass, a facts.Expr) (string, bool) {
	switch a.Kind {
	case facts.ExprString:
		return a.Value, true
	case facts.ExprCall:
		if c := propertyWithDefault(p, a.Span); c != nil {
			return c.Args[1].Value, true
		}
	case facts.ExprConcat:
		if a.Span.End > len(p.Src) || a.Span.Start >= a.Span.End {
			return "", false
		}
		var b strings.Builder
		parts := 0 // compiled code has no text (blanks): nothing is known then
		for i := a.Span.Start; i < a.Span.End; {
			switch ch := p.Src[i]; {
			case ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '+':
				i++
			case ch == '"':
				j := i + 1
				for j < a.Span.End && p.Src[j] != '"' {
					if p.Src[j] == '\\' {
						j++
					}
					j++
				}
				if j >= a.Span.End {
					return "", false
				}
				v, err := strconv.Unquote(string(p.Src[i : j+1]))
				if err != nil {
					return "", false
				}
				b.WriteString(v)
				parts++
				i = j + 1
			default:
				c := propertyCallAt(p, i, a.Span.End)
				if c == nil {
					return "", false // a variable, a call: built at run time
				}
				b.WriteString(c.Args[1].Value)
				parts++
				i = c.Span.End
			}
		}
		return b.String(), parts > 0
	}
	return "", false
}

// propertyWithDefault is the System.getProperty(key, "default") call at s.
func propertyWithDefault(p *Pass, s facts.Span) *facts.Call {
	for i := range p.File.Calls {
		c := &p.File.Calls[i]
		if c.Span == s && is(c, "java.lang.System", "getProperty") && len(c.Args) == 2 && c.Args[1].Kind == facts.ExprString {
			return c
		}
	}
	return nil
}

// propertyCallAt is the System.getProperty(key, "default") call that
// starts at offset start and ends by end.
func propertyCallAt(p *Pass, start, end int) *facts.Call {
	for i := range p.File.Calls {
		c := &p.File.Calls[i]
		if c.Span.Start == start && c.Span.End <= end {
			return propertyWithDefault(p, c.Span)
		}
	}
	return nil
}

// reassigned reports "name = ..." between the declaration and the use.
func reassigned(p *Pass, use *facts.Call, name string, from int) bool {
	if from >= use.Span.Start || use.Span.Start > len(p.Src) {
		return true
	}
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\s*=[^=]`)
	return re.Match(p.Src[from:use.Span.Start])
}

// assignedOnce reports a field whose only assignment in the nest is its
// declaration.
func assignedOnce(p *Pass, class, name string) bool {
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\s*=[^=]`)
	return len(re.FindAllStringIndex(nestText(p, class), 2)) == 1
}

// unregisters reports an unregisterMBean call in the class nest: the class
// manages its registration's lifetime, so its fixed name is not reported
// (the full fix adds an app-specific key as well).
func unregisters(p *Pass, class string) bool {
	return strings.Contains(nestText(p, class), "unregisterMBean")
}

// springManagedResource checks that @ManagedResource is Spring's (imported,
// fully qualified, or from a wildcard import of its package).
func springManagedResource(p *Pass, a string) bool {
	const fqn = "org.springframework.jmx.export.annotation.ManagedResource"
	if strings.HasPrefix(a, "@"+fqn) {
		return true
	}
	for _, im := range p.File.Imports {
		if !im.Static && (im.Name == fqn || im.Wildcard && im.Name == "org.springframework.jmx.export.annotation") {
			return true
		}
	}
	return false
}

var (
	managedResourceNamed = lazyRE(`\b(?:objectName|value)\s*=\s*"((?:[^"\\]|\\.)*)"\s*[,)]`)
	managedResourceValue = lazyRE(`^@[\w.]+\s*\(\s*"((?:[^"\\]|\\.)*)"\s*\)$`)
)

// managedResourceName reads objectName (or its alias value) when it is a
// single string literal.
func managedResourceName(a string) (string, bool) {
	if m := managedResourceValue.FindStringSubmatch(a); m != nil {
		return m[1], true
	}
	if m := managedResourceNamed.FindStringSubmatch(a); m != nil {
		return m[1], true
	}
	return "", false
}

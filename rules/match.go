package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// is reports whether a call resolved to owner and one of the names.
func is(c *facts.Call, owner string, names ...string) bool {
	if c.Owner != owner {
		return false
	}
	for _, n := range names {
		if c.Name == n {
			return true
		}
	}
	return false
}

// recvIs reports whether the call's receiver is itself a call of owner.name,
// e.g. System.getProperties() in System.getProperties().put(k, v).
func recvIs(c *facts.Call, owner, name string) bool {
	return c.Recv.Call != nil && c.Recv.Call.Owner == owner && c.Recv.Call.Name == name
}

// ownLoader reports the loader forms RULES H04/H07 treat as the hazard:
// the caller's own loader, the system loader, or null.
func ownLoader(l facts.Loader) bool {
	return l == facts.LoaderOwn || l == facts.LoaderSystem || l == facts.LoaderNull
}

func loaderWords(l facts.Loader) string {
	switch l {
	case facts.LoaderOwn:
		return "the caller's own ClassLoader"
	case facts.LoaderSystem:
		return "the system ClassLoader"
	case facts.LoaderNull:
		return "the bootstrap ClassLoader (null)"
	}
	return "a fixed ClassLoader"
}

// isJDKClassName reports class names that every loader resolves the same
// way, so loading them by name is harmless.
func isJDKClassName(name string) bool {
	for _, p := range []string{"java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.", "org.xml.", "org.ietf."} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// jdbcDrivers are the driver classes RULES H19 names; Class.forName on them
// registers the driver with the JVM-wide DriverManager.
var jdbcDrivers = map[string]bool{
	"com.mysql.jdbc.Driver": true, "com.mysql.cj.jdbc.Driver": true, "org.postgresql.Driver": true,
	"oracle.jdbc.OracleDriver": true, "oracle.jdbc.driver.OracleDriver": true, "org.h2.Driver": true,
	"com.microsoft.sqlserver.jdbc.SQLServerDriver": true, "org.mariadb.jdbc.Driver": true,
	"org.hsqldb.jdbc.JDBCDriver": true, "org.sqlite.JDBC": true, "org.apache.derby.jdbc.EmbeddedDriver": true,
	"com.ibm.db2.jcc.DB2Driver": true,
}

// typeName returns how the file can write a JDK type: its simple name when
// that resolves to it, else the qualified name (the file declares or
// imports another type of the same simple name).
func typeName(f *facts.File, fqn string) string {
	simple := fqn[strings.LastIndexByte(fqn, '.')+1:]
	for _, t := range f.Types {
		if t == simple || strings.HasSuffix(t, "."+simple) || strings.HasSuffix(t, "$"+simple) {
			return fqn
		}
	}
	imported := false
	for _, im := range f.Imports {
		if im.Static || im.Wildcard {
			continue
		}
		if strings.HasSuffix(im.Name, "."+simple) {
			if im.Name != fqn {
				return fqn
			}
			imported = true
		}
	}
	if imported || strings.HasPrefix(fqn, "java.lang.") && strings.Count(fqn, ".") == 2 {
		return simple
	}
	return fqn
}

// contextLoader is the thread context ClassLoader expression, written so
// that it compiles in the file.
func contextLoader(f *facts.File) string {
	return typeName(f, "java.lang.Thread") + ".currentThread().getContextClassLoader()"
}

// replace is a one-edit fix.
func replace(desc string, s facts.Span, text string) Fix {
	return Fix{Description: desc, Edits: []Edit{{Span: s, New: text}}}
}

// calls iterates over a file's calls.
func calls(p *Pass, fn func(c *facts.Call)) {
	for i := range p.File.Calls {
		fn(&p.File.Calls[i])
	}
}

// quote shows a string value in a message.
func quote(s string) string {
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	return "\"" + s + "\""
}

// declaresHere reports whether the pass's own file declares the named
// class. Whether another file of the project does is known only once every
// input was read: see Diagnostic.UnlessDeclared.
func declaresHere(p *Pass, fqn string) bool {
	for _, t := range p.File.Types {
		if t == fqn {
			return true
		}
	}
	return false
}

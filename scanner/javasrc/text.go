package javasrc

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/kscan/kscan/internal/javatext"
)

// staticMembers lists JDK static methods that code reaches through
// "import static Owner.*".
var staticMembers = setOf(
	"java.lang.System.exit", "java.lang.System.setProperty", "java.lang.System.clearProperty",
	"java.lang.System.setProperties", "java.lang.System.getProperty", "java.lang.System.getProperties",
	"java.lang.System.setOut", "java.lang.System.setErr", "java.lang.System.setIn",
	"java.lang.System.setSecurityManager", "java.lang.Class.forName",
	"java.util.ServiceLoader.load", "java.util.ServiceLoader.loadInstalled",
	"java.util.Locale.setDefault", "java.util.TimeZone.setDefault",
	"java.net.URL.setURLStreamHandlerFactory", "java.net.URLConnection.setContentHandlerFactory",
	"java.sql.DriverManager.registerDriver", "java.sql.DriverManager.deregisterDriver",
	"java.sql.DriverManager.getConnection", "java.sql.DriverManager.setLogWriter",
	"java.security.Security.addProvider", "java.security.Security.insertProviderAt",
	"java.security.Security.setProperty", "java.lang.Thread.currentThread",
	"java.lang.Thread.setDefaultUncaughtExceptionHandler", "java.net.Authenticator.setDefault",
	"java.net.CookieHandler.setDefault", "java.net.ProxySelector.setDefault",
	"javax.net.ssl.HttpsURLConnection.setDefaultSSLSocketFactory",
	"javax.net.ssl.HttpsURLConnection.setDefaultHostnameVerifier",
	"java.lang.Integer.getInteger", "java.lang.Long.getLong", "java.lang.Boolean.getBoolean",
	"java.lang.Runtime.getRuntime", "java.lang.ClassLoader.getSystemClassLoader",
)

// IsTestPath reports whether a slash-separated path is test code: the
// Maven/Gradle layout (src/test/...), or a source root named test or tests
// that holds packages directly (test/org/apache/..., as Ant-style projects
// such as Tomcat lay it out). A package named test under a main source root
// (src/main/java/org/springframework/test/...) is main code.
func IsTestPath(p string) bool {
	if strings.HasPrefix(p, "src/test/") || strings.Contains(p, "/src/test/") ||
		strings.HasPrefix(p, "src/testFixtures/") || strings.Contains(p, "/src/testFixtures/") ||
		strings.HasPrefix(p, "src/integrationTest/") || strings.Contains(p, "/src/integrationTest/") {
		return true
	}
	segs := strings.Split(p, "/")
	for i := 0; i+1 < len(segs)-1; i++ {
		if (segs[i] == "test" || segs[i] == "tests") && packageRoots[segs[i+1]] && !underMain(segs[:i]) {
			return true
		}
	}
	return false
}

// packageRoots are first segments of Java packages, to recognise a source
// root by what it directly contains.
var packageRoots = setOf("org", "com", "net", "io", "java", "javax", "jakarta", "edu", "de", "cn", "me", "dev", "app", "fr", "uk", "nl")

// underMain reports a path inside a main source root, where "test" is a
// package name rather than a source root.
func underMain(segs []string) bool {
	for i, s := range segs {
		if s == "main" && i > 0 && segs[i-1] == "src" {
			return true
		}
		if packageRoots[s] {
			return true
		}
	}
	return false
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// declName extracts "a.b.c" from "package a.b.c;" (annotations and comments
// allowed before the keyword).
func declName(text, keyword string) string {
	t := stripComments(text)
	if i := strings.Index(t, keyword); i >= 0 {
		t = t[i+len(keyword):]
	}
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(t), ";"))
	return removeSpace(t)
}

var commentRE = regexp.MustCompile(`(?s)/\*.*?\*/|//[^\n]*`)

func stripComments(s string) string {
	if !strings.Contains(s, "/") {
		return s
	}
	return commentRE.ReplaceAllString(s, " ")
}

func removeSpace(s string) string {
	if !strings.ContainsAny(s, " \t\r\n") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\r', '\n':
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func isIdentByte(c byte) bool { return javatext.IsIdentByte(c) }

// hasWord reports whether word occurs in s as a whole identifier.
func hasWord(s, word string) bool { return nextWord(s, word, 0) >= 0 }

// nextWord returns the offset of the first occurrence of w in b at or
// after from that is a whole identifier (no identifier byte on either
// side), or -1. It is the one whole-identifier search of the package.
func nextWord[T string | []byte](b T, w string, from int) int {
	for from <= len(b)-len(w) && len(w) > 0 {
		j := index(b[from:], w)
		if j < 0 {
			return -1
		}
		at := from + j
		end := at + len(w)
		if (at == 0 || !isIdentByte(b[at-1])) && (end == len(b) || !isIdentByte(b[end])) {
			return at
		}
		from = at + 1
	}
	return -1
}

// index is strings.Index or bytes.Index, whichever b is.
func index[T string | []byte](b T, w string) int {
	switch v := any(b).(type) {
	case string:
		return strings.Index(v, w)
	case []byte:
		return bytes.Index(v, []byte(w))
	}
	return -1
}

// cleanType drops annotations, generics, array brackets and spaces from a
// type as written: "@NonNull Map<K, V>[]" -> "Map".
func cleanType(t string) string {
	t = stripComments(t)
	var b strings.Builder
	depth := 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c == '<':
			depth++
		case c == '>':
			if depth > 0 {
				depth--
			}
		case depth > 0:
		case c == '@':
			// skip the annotation name (and its arguments, if any)
			j := i + 1
			for j < len(t) && (isIdentByte(t[j]) || t[j] == '.') {
				j++
			}
			if j < len(t) && t[j] == '(' {
				if k := strings.IndexByte(t[j:], ')'); k >= 0 {
					j += k + 1
				}
			}
			i = j - 1
		case c == '[' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r':
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isLowerStart(s string) bool { return s != "" && s[0] >= 'a' && s[0] <= 'z' }

// isQualifiedName reports whether s is a dotted chain of identifiers.
func isQualifiedName(s string) bool {
	s = removeSpace(s)
	if s == "" {
		return false
	}
	for _, part := range strings.Split(s, ".") {
		if part == "" {
			return false
		}
		for i := 0; i < len(part); i++ {
			if !isIdentByte(part[i]) {
				return false
			}
		}
	}
	return true
}

// unquote returns the value of a Java string literal or text block, with the
// common escapes decoded. Values are only compared with class names and
// property keys, so unusual escapes may stay as written.
func unquote(lit string) string {
	switch {
	case strings.HasPrefix(lit, `"""`) && strings.HasSuffix(lit, `"""`) && len(lit) >= 6:
		lit = textBlock(lit[3 : len(lit)-3])
	case len(lit) >= 2 && lit[0] == '"' && lit[len(lit)-1] == '"':
		lit = lit[1 : len(lit)-1]
	default:
		return lit
	}
	if !strings.Contains(lit, `\`) {
		return lit
	}
	r := strings.NewReplacer(`\\`, `\`, `\"`, `"`, `\'`, `'`, `\n`, "\n", `\t`, "\t", `\r`, "\r", `\b`, "\b", `\f`, "\f", `\s`, " ")
	return r.Replace(lit)
}

var callNameRE = regexp.MustCompile(`([A-Za-z_$][A-Za-z0-9_$]*)\s*\(`)

// calledNames lists the method names called in a block of code, by text:
// cheap, and enough to recognise a restore in a finally block.
func calledNames(code string) []string {
	var out []string
	for _, m := range callNameRE.FindAllStringSubmatch(stripComments(code), -1) {
		switch m[1] {
		case "if", "for", "while", "switch", "catch", "synchronized", "return", "new", "finally", "try":
			continue
		}
		out = append(out, m[1])
	}
	return out
}

// textBlock strips a text block's opening line and its incidental
// indentation (JLS 3.10.6), the closing delimiter's line included.
func textBlock(body string) string {
	if i := strings.IndexByte(body, '\n'); i >= 0 {
		body = body[i+1:]
	}
	lines := strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n")
	indent := -1
	for i, l := range lines {
		if strings.TrimSpace(l) == "" && i != len(lines)-1 {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if indent < 0 || n < indent {
			indent = n
		}
	}
	for i, l := range lines {
		if len(l) >= indent && indent > 0 {
			lines[i] = l[indent:]
		}
		lines[i] = strings.TrimRight(lines[i], " \t")
	}
	return strings.Join(lines, "\n")
}

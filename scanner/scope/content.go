package scope

import (
	"bytes"
	"encoding/binary"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// javaHead is what the first bytes of a Java source say about it.
type javaHead struct {
	pkg     string
	imports []string // without "static ", wildcards keep their ".*"
	// annots are the annotations written before the first type body (on
	// the type itself), by simple and by written name.
	annots  map[string]bool
	extends string // the superclass of the first class declared, as written
	// body is what follows the first type header, searched for member
	// annotations only when a rule needs them.
	body []byte
}

// parseJavaHead reads the package, imports, type annotations and the
// superclass of the first class from the leading bytes of a source. It
// lexes the header once, skipping comments and literals, and stops at the
// first type body.
func parseJavaHead(src []byte) *javaHead {
	h := &javaHead{annots: map[string]bool{}}
	n := len(src)
	i := 0
	var prev, typeKw string // the previous identifier; the type keyword seen
	for i < n {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			i++
		case c == '/' && i+1 < n && (src[i+1] == '/' || src[i+1] == '*'):
			i = skipComment(src, i)
		case c == '"' || c == '\'':
			i = skipLiteral(src, i)
		case c == '@':
			j := skipSpace(src, i+1)
			name, k := ident(src, j)
			if name == "interface" { // @interface declares an annotation type
				typeKw, prev, i = "interface", "", k
				continue
			}
			if name != "" {
				h.annots[name] = true
				if d := strings.LastIndexByte(name, '.'); d >= 0 {
					h.annots[name[d+1:]] = true
				}
			}
			i = k
			if j := skipSpace(src, i); j < n && src[j] == '(' {
				i = skipParens(src, j)
			}
		case c == '<' && typeKw != "" && prev != "":
			i = skipAngles(src, i)
		case c == '{':
			if typeKw != "" {
				h.body = src[i:]
				return h
			}
			i++
		case isIdentStart(c):
			name, k := ident(src, i)
			i = k
			switch {
			case prev == "package" && h.pkg == "":
				h.pkg = name
			case prev == "import":
				if name == "static" {
					continue // prev stays "import"
				}
				if j := skipSpace(src, i); j < n && src[j] == '.' {
					if k := skipSpace(src, j+1); k < n && src[k] == '*' {
						name += ".*"
						i = k + 1
					}
				}
				h.imports = append(h.imports, name)
			case name == "class" || name == "interface" || name == "enum" || name == "record":
				if typeKw == "" {
					typeKw = name
				}
			case name == "extends" && typeKw == "class" && h.extends == "" && prev != "extends":
				if j := skipSpace(src, i); j < n {
					if sup, k := ident(src, j); sup != "" {
						h.extends = sup
						i = k
					}
				}
			}
			prev = name
		default:
			i++
		}
	}
	return h
}

func isIdentStart(c byte) bool {
	return c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80
}

func isIdentPart(c byte) bool { return isIdentStart(c) || (c >= '0' && c <= '9') }

// ident reads a possibly qualified name (spaces around dots allowed) from
// i; it returns "" when none starts there.
func ident(src []byte, i int) (string, int) {
	n := len(src)
	if i >= n || !isIdentStart(src[i]) {
		return "", i
	}
	// Most names are written without blanks around their dots: they are
	// one string of the bytes, where a builder grew by doubling.
	start := i
	var b *strings.Builder // nil while the name is src[start:j] as written
	for {
		j := i
		for j < n && isIdentPart(src[j]) {
			j++
		}
		if b != nil {
			b.Write(src[i:j])
		}
		k := skipSpace(src, j)
		if k < n && src[k] == '.' {
			m := skipSpace(src, k+1)
			if m < n && isIdentStart(src[m]) {
				if b == nil && (k != j || m != k+1) {
					b = &strings.Builder{}
					b.Write(src[start:j])
				}
				if b != nil {
					b.WriteByte('.')
				}
				i = m
				continue
			}
		}
		if b == nil {
			return string(src[start:j]), j
		}
		return b.String(), j
	}
}

func skipSpace(src []byte, i int) int {
	for i < len(src) {
		switch src[i] {
		case ' ', '\t', '\n', '\r', '\f':
			i++
		case '/':
			if i+1 < len(src) && (src[i+1] == '/' || src[i+1] == '*') {
				i = skipComment(src, i)
				continue
			}
			return i
		default:
			return i
		}
	}
	return i
}

func skipComment(src []byte, i int) int {
	n := len(src)
	if src[i+1] == '/' {
		for i < n && src[i] != '\n' {
			i++
		}
		return i
	}
	i += 2
	for i+1 < n && !(src[i] == '*' && src[i+1] == '/') {
		i++
	}
	return min(i+2, n)
}

// skipLiteral skips a string, character or text-block literal.
func skipLiteral(src []byte, i int) int {
	n := len(src)
	if src[i] == '"' && i+2 < n && src[i+1] == '"' && src[i+2] == '"' {
		j := i + 3
		for j+2 < n && !(src[j] == '"' && src[j+1] == '"' && src[j+2] == '"' && src[j-1] != '\\') {
			j++
		}
		return min(j+3, n)
	}
	q := src[i]
	j := i + 1
	for j < n && src[j] != q && src[j] != '\n' {
		if src[j] == '\\' {
			j++
		}
		j++
	}
	return min(j+1, n)
}

// skipParens skips a balanced (...) group, literals and comments included.
func skipParens(src []byte, i int) int {
	depth := 0
	for n := len(src); i < n; {
		switch c := src[i]; {
		case c == '(':
			depth++
			i++
		case c == ')':
			depth--
			i++
			if depth == 0 {
				return i
			}
		case c == '"' || c == '\'':
			i = skipLiteral(src, i)
		case c == '/' && i+1 < n && (src[i+1] == '/' || src[i+1] == '*'):
			i = skipComment(src, i)
		default:
			i++
		}
	}
	return i
}

// skipAngles skips the type parameters of a declaration.
func skipAngles(src []byte, i int) int {
	depth := 0
	for n := len(src); i < n; i++ {
		switch src[i] {
		case '<':
			depth++
		case '>':
			depth--
			if depth == 0 {
				return i + 1
			}
		case '{', ';':
			return i
		}
	}
	return i
}

// testAnnotation returns the first test annotation the source uses (on
// the type or, searching the body with comments and literals blanked, on
// a member), or "".
func (h *javaHead) testAnnotation() string {
	for _, a := range testAnnotations {
		if h.annots[a] {
			return a
		}
	}
	if len(h.body) == 0 {
		return ""
	}
	body := blankCommentsAndLiterals(h.body)
	for _, a := range testAnnotations {
		for off := 0; ; {
			k := bytes.Index(body[off:], []byte("@"+a))
			if k < 0 {
				break
			}
			end := off + k + 1 + len(a)
			if end >= len(body) || !isIdentPart(body[end]) {
				return a
			}
			off = end
		}
		// a qualified use: @org.junit.Test
		if bytes.Contains(body, []byte("."+a+" ")) || bytes.Contains(body, []byte("."+a+"\n")) || bytes.Contains(body, []byte("."+a+"(")) {
			if bytes.Contains(body, []byte("@org.junit")) || bytes.Contains(body, []byte("@org.testng")) {
				return a
			}
		}
	}
	return ""
}

// blankCommentsAndLiterals replaces comments, string and character
// literals (text blocks included) with spaces, keeping newlines.
func blankCommentsAndLiterals(src []byte) []byte { return blankCode(src, true) }

// blankComments replaces comments with spaces, keeping newlines and
// literals (a quoted class name is a reflective use).
func blankComments(src []byte) []byte { return blankCode(src, false) }

func blankCode(src []byte, literals bool) []byte {
	out := make([]byte, len(src))
	copy(out, src)
	blank := func(i, j int) {
		for k := i; k < j && k < len(out); k++ {
			if out[k] != '\n' {
				out[k] = ' '
			}
		}
	}
	n := len(src)
	for i := 0; i < n; {
		switch {
		case src[i] == '/' && i+1 < n && src[i+1] == '/':
			j := i
			for j < n && src[j] != '\n' {
				j++
			}
			blank(i, j)
			i = j
		case src[i] == '/' && i+1 < n && src[i+1] == '*':
			j := i + 2
			for j+1 < n && !(src[j] == '*' && src[j+1] == '/') {
				j++
			}
			j += 2
			blank(i, j)
			i = j
		case src[i] == '"' && i+2 < n && src[i+1] == '"' && src[i+2] == '"':
			j := i + 3
			for j+2 < n && !(src[j] == '"' && src[j+1] == '"' && src[j+2] == '"' && src[j-1] != '\\') {
				j++
			}
			j += 3
			if literals {
				blank(i+1, j-1)
			}
			i = j
		case src[i] == '"' || src[i] == '\'':
			q := src[i]
			j := i + 1
			for j < n && src[j] != q && src[j] != '\n' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			if literals {
				blank(i+1, j)
			}
			i = j + 1
		default:
			i++
		}
	}
	return out
}

// resolve turns a simple type name into a qualified one through the
// imports (exact first, then wildcards with the given prefix), else the
// file's package.
func (h *javaHead) resolve(name, wildcardPrefix string) string {
	if strings.Contains(name, ".") {
		return name
	}
	for _, im := range h.imports {
		if strings.HasSuffix(im, "."+name) {
			return im
		}
	}
	for _, im := range h.imports {
		// A package imported whole; not a class's static members
		// (import static org.junit.jupiter.api.Assertions.*), which
		// bring in no type of that name.
		if p, ok := strings.CutSuffix(im, ".*"); ok && wildcardPrefix != "" && (p == wildcardPrefix || strings.HasPrefix(p, wildcardPrefix+".")) && !classLike(p[strings.LastIndexByte(p, '.')+1:]) {
			return p + "." + name
		}
	}
	if h.pkg != "" {
		return h.pkg + "." + name
	}
	return name
}

// classLike reports a name segment written as a class's (capitalised).
func classLike(seg string) bool { return seg != "" && seg[0] >= 'A' && seg[0] <= 'Z' }

// compilerReason is the reason of every compile-time code decision, so
// that they count as one.
const compilerReason = "compile-time code: an annotation processor or compiler plug-in (uses javax.annotation.processing, javax.lang.model's elements and types, or com.sun.source)"

// compilerModel reports a source that works on a compiler's model of a
// program: annotation processing, the javax.lang.model elements, types
// and utilities, or javac's tree API. Only a compiler implements them, so
// such code runs in a build (an annotation processor, a javac plug-in, a
// checker) and never in a shared JVM. The model's plain enums (Modifier,
// TypeKind, ElementKind, NestingKind) are left out: a reflection library
// uses them as values at run time. A wildcard import of javax.lang.model
// is left out for the same reason.
func (h *javaHead) compilerModel() bool {
	for _, im := range h.imports {
		if compilerModelName(im) {
			return true
		}
	}
	return false
}

// compilerModelName reports a qualified name, dotted or internal, that a
// compilerModel import would name.
func compilerModelName(name string) bool {
	for _, p := range [...]string{"javax.annotation.processing.", "com.sun.source.", "javax/annotation/processing/", "com/sun/source/"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	rest, ok := strings.CutPrefix(name, "javax.lang.model.")
	if !ok {
		if rest, ok = strings.CutPrefix(name, "javax/lang/model/"); !ok {
			return false
		}
	}
	i := strings.IndexAny(rest, "./")
	if i < 0 {
		return false
	}
	if sub := rest[:i]; sub != "element" && sub != "type" && sub != "util" {
		return false
	}
	simple := rest[i+1:]
	if k := strings.IndexAny(simple, "./$;"); k >= 0 {
		simple = simple[:k]
	}
	return simple != "" && simple != "*" && !compilerModelEnums[simple]
}

// compilerRef is compilerModelName of an internal class name, with a
// string made only for the rare name that may be one.
func compilerRef(raw []byte) bool {
	return (bytes.HasPrefix(raw, []byte("javax/lang/model/")) || bytes.HasPrefix(raw, []byte("javax/annotation/processing/")) ||
		bytes.HasPrefix(raw, []byte("com/sun/source/"))) && compilerModelName(string(raw))
}

// compilerModelEnums are javax.lang.model's plain enums (and their
// members): values a run-time library may use.
var compilerModelEnums = setOf("Modifier", "TypeKind", "ElementKind", "NestingKind")

// desktop reports a source that builds windows: it imports Swing's
// components, AWT's windows or AWT events. javax.swing.text, .event, .tree
// and .undo are left out: servers use them as plain data structures (an
// HTML parser, EventListenerList), and so are java.awt's images, colours
// and geometry, which servers use to draw.
func (h *javaHead) desktop() bool {
	for _, im := range h.imports {
		if im == "javax.swing.*" || desktopName(im) {
			return true
		}
	}
	return desktopName(h.extends) || h.qualifiedDesktop()
}

// desktopName reports a qualified name a desktop import would name: a
// Swing class, an AWT event class or an AWT window, or a class of JavaFX's
// windows, scene graph or application (javafx.stage, javafx.scene,
// javafx.application).
func desktopName(name string) bool {
	if rest, ok := strings.CutPrefix(name, "javax.swing."); ok {
		return rest != "" && rest[0] >= 'A' && rest[0] <= 'Z'
	}
	if strings.HasPrefix(name, "java.awt.event.") {
		return true
	}
	if rest, ok := strings.CutPrefix(name, "java.awt."); ok {
		return awtWindows[rest]
	}
	for _, p := range javafxWindows {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// javafxWindows are the JavaFX packages only a desktop program uses.
var javafxWindows = []string{"javafx.stage.", "javafx.scene.", "javafx.application."}

// qualifiedDesktop reports a class body naming a desktop class by its
// qualified name in code (javax.swing.JPanel written out, as GUI builders
// write it), as an import of it would.
func (h *javaHead) qualifiedDesktop() bool {
	if !bytes.Contains(h.body, []byte("javax.swing.")) && !bytes.Contains(h.body, []byte("java.awt.")) && !bytes.Contains(h.body, []byte("javafx.")) {
		return false
	}
	code := blankCommentsAndLiterals(h.body)
	for _, prefix := range [][]byte{[]byte("javax.swing."), []byte("java.awt."), []byte("javafx.")} {
		for off := 0; ; {
			i := bytes.Index(code[off:], prefix)
			if i < 0 {
				break
			}
			i += off
			j := i + len(prefix)
			for j < len(code) && (code[j] == '.' || isIdentPart(code[j])) {
				j++
			}
			if (i == 0 || code[i-1] != '.' && !isIdentPart(code[i-1])) && desktopName(qualifiedClass(string(code[i:j]))) {
				return true
			}
			off = j
		}
	}
	return false
}

// qualifiedClass is the class part of a qualified name followed by a
// member ("javax.swing.JOptionPane.showMessageDialog" ->
// "javax.swing.JOptionPane"): the name up to its first segment that
// starts with an upper-case letter.
func qualifiedClass(name string) string {
	for i := 0; i < len(name); {
		j := strings.IndexByte(name[i:], '.')
		if name[i] >= 'A' && name[i] <= 'Z' {
			if j < 0 {
				return name
			}
			return name[:i+j]
		}
		if j < 0 {
			return name
		}
		i += j + 1
	}
	return name
}

var awtWindows = setOf("Frame", "Dialog", "Window", "Panel", "Button", "Label", "TextField", "TextArea", "Choice",
	"Menu", "MenuBar", "MenuItem", "Checkbox", "Canvas", "FileDialog", "PopupMenu", "ScrollPane")

// androidImport is the first import of the Android platform's API
// (android.*, androidx.*) other than its annotations, which plain Java
// libraries use for nullness (androidx.annotation.Nullable).
func (h *javaHead) androidImport() string {
	for _, im := range h.imports {
		if androidName(im) {
			return im
		}
	}
	return ""
}

// androidName reports a qualified name, dotted or internal (a class
// constant, a descriptor "Landroid/...;"), in the Android platform's API,
// annotations aside.
func androidName(name string) bool {
	name = strings.TrimPrefix(name, "L")
	var rest string
	switch {
	case strings.HasPrefix(name, "android.") || strings.HasPrefix(name, "android/"):
		rest = name[len("android."):]
	case strings.HasPrefix(name, "androidx.") || strings.HasPrefix(name, "androidx/"):
		rest = name[len("androidx."):]
	default:
		return false
	}
	return !strings.HasPrefix(rest, "annotation") && !strings.HasPrefix(rest, "support.annotation") && !strings.HasPrefix(rest, "support/annotation")
}

// consoleImport is the first import of a JLine class other than an
// exception or error (a wildcard counts): "" when there is none.
func (h *javaHead) consoleImport() string {
	for _, im := range h.imports {
		if (strings.HasPrefix(im, "jline.") || strings.HasPrefix(im, "org.jline.")) && !throwableName(im) {
			return im
		}
	}
	return ""
}

// throwableName reports a class name, dotted or internal, whose simple
// name says it is an exception or an error.
func throwableName(name string) bool {
	return strings.HasSuffix(name, "Exception") || strings.HasSuffix(name, "Error")
}

func (h *javaHead) imports1(prefixes ...string) string {
	for _, im := range h.imports {
		for _, p := range prefixes {
			if strings.HasPrefix(im, p) {
				return im
			}
		}
	}
	return ""
}

// extendsSignal reads the superclass a source names: a Maven goal, an Ant
// task or type, an annotation processor, or (outside a main source set) a
// JUnit 3 test case. Subclasses inherit these, so File also follows the
// superclass through the tree.
func extendsSignal(h *javaHead, main bool) (Decision, bool) {
	if h.extends == "" {
		return Decision{}, false
	}
	if h.resolve(h.extends, "org.apache.maven.plugin") == "org.apache.maven.plugin.AbstractMojo" {
		return Decision{Class: BuildTool, Reason: "Maven plugin goal (extends AbstractMojo)"}, true
	}
	if strings.HasPrefix(h.resolve(h.extends, "org.apache.tools.ant"), "org.apache.tools.ant.") {
		return Decision{Class: BuildTool, Reason: "Ant task or type (extends an org.apache.tools.ant class)"}, true
	}
	if h.resolve(h.extends, "javax.annotation.processing") == "javax.annotation.processing.AbstractProcessor" {
		return Decision{Class: BuildTool, Reason: "annotation processor (runs inside javac)"}, true
	}
	if simple := h.extends[strings.LastIndexByte(h.extends, '.')+1:]; !main && strings.HasSuffix(simple, "TestCase") {
		return Decision{Class: Test, Reason: "test class (extends TestCase)"}, true
	}
	// A listener, runner or reporter of a test framework runs inside a
	// test run alone (a TestNG listener among a main source set's
	// classes): unlike an import, which a product that runs tests may
	// need, extending the framework's type makes the class part of it.
	for _, fw := range testFrameworks {
		if q := h.resolve(h.extends, fw); strings.HasPrefix(q, fw+".") && !strings.HasPrefix(h.pkg+".", fw+".") {
			return Decision{Class: Test, Reason: "test framework extension (extends " + q + ")"}, true
		}
	}
	return Decision{}, false
}

// testFrameworks are the packages of the test frameworks whose types a
// test run's own extensions extend.
var testFrameworks = []string{"org.testng", "org.junit", "junit.framework"}

// testFrameworkPackages are the packages of test frameworks and
// harnesses: JUnit (with JUnit 3's runners), TestNG, the JavaTest harness
// OpenJDK's jtreg and the JCK run on, Spock, Cucumber, Maven's Surefire
// and Failsafe (the plugins, and the booter and providers that run the
// tests in the JVM they fork), and the mocking and assertion libraries
// (Mockito, EasyMock, jMock, PowerMock, AssertJ).
var testFrameworkPackages = append(slices.Clip(testFrameworks), "junit.textui", "junit.runner", "junit.extensions", "junit.awtui", "junit.swingui",
	"com.sun.javatest", "org.spockframework", "io.cucumber", "cucumber.api", "cucumber.runtime",
	"org.apache.maven.surefire", "org.apache.maven.plugin.surefire", "org.apache.maven.plugins.surefire", "org.apache.maven.plugin.failsafe",
	"org.mockito", "org.easymock", "org.jmock", "org.powermock", "org.assertj")

// testFrameworkPackage is the test framework package pkg belongs to
// (testFrameworks, and JUnit 3's runners): "" for any other.
func testFrameworkPackage(pkg string) string {
	for _, fw := range testFrameworkPackages {
		if pkg == fw || strings.HasPrefix(pkg, fw+".") {
			return fw
		}
	}
	return ""
}

// testFrameworkInternal are the testFrameworks packages as internal
// name prefixes ("org/testng/").
var testFrameworkInternal = func() []string {
	out := make([]string, len(testFrameworks))
	for i, fw := range testFrameworks {
		out[i] = strings.ReplaceAll(fw, ".", "/") + "/"
	}
	return out
}()

// testFrameworkSuperName reports an internal class name of a
// testFrameworks package.
func testFrameworkSuperName(name string) bool {
	for _, p := range testFrameworkInternal {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// testFrameworkSuper reports a class file, not of a test framework's own,
// extending a test framework's class.
func testFrameworkSuper(h classHead) bool {
	return !h.framework && testFrameworkSuperName(h.super)
}

// antExecute is the method Ant's introspection runs a task by.
var antExecute = regexp.MustCompile(`\bpublic\s+void\s+execute\s*\(\s*\)`)

var testAnnotations = []string{"Test", "ParameterizedTest", "RepeatedTest", "TestFactory", "TestTemplate"}

// javaSignals reads the content signals of a source. Build-tool signals
// hold everywhere; test and benchmark imports only outside a main source
// set, where a test-support library legitimately uses them.
func javaSignals(h *javaHead, main bool) (Decision, bool) {
	if h.annots["Mojo"] && h.imports1("org.apache.maven.plugins.annotations.") != "" {
		return Decision{Class: BuildTool, Reason: "Maven plugin goal (@Mojo)"}, true
	}
	for _, t := range toolPackages {
		if t.of(h.pkg) {
			return Decision{Class: BuildTool, Reason: t.reason}, true
		}
	}
	if fw := testFrameworkPackage(h.pkg); fw != "" {
		// A test framework's own code (a copy of JUnit or TestNG in the
		// tree, or their sources scanned): it runs in test runs only.
		return Decision{Class: TestSupport, Reason: "test framework (package " + fw + ")"}, true
	}
	if d, ok := extendsSignal(h, main); ok {
		return d, true
	}
	// Ant runs any class with a public no-argument execute() as a task
	// (through its TaskAdapter), so a class that names Ant's own types
	// and has one is a task although it extends nothing of Ant's: it can
	// only run where Ant is on the class path, at build time.
	if im := h.imports1("org.apache.tools.ant."); im != "" && antExecute.Match(blankCommentsAndLiterals(h.body)) {
		return Decision{Class: BuildTool, Reason: "Ant task (public execute(), imports " + im + ")"}, true
	}
	if h.imports1("com.sun.javadoc.", "jdk.javadoc.doclet.", "com.sun.tools.doclets.") != "" {
		return Decision{Class: BuildTool, Reason: "javadoc doclet or taglet (runs inside javadoc)"}, true
	}
	if h.imports1("org.gradle.api.") != "" {
		return Decision{Class: BuildTool, Reason: "Gradle build logic (imports org.gradle.api)"}, true
	}
	if h.compilerModel() {
		return Decision{Class: BuildTool, Reason: compilerReason}, true
	}
	if h.desktop() {
		return Decision{Class: Desktop, Reason: "desktop GUI (imports Swing, AWT or JavaFX windows and events)"}, true
	}
	if im := h.androidImport(); im != "" {
		return Decision{Class: Android, Reason: "Android code (imports the Android platform's API, android.* or androidx.*)"}, true
	}
	// A class that edits a terminal's input line is an interactive console
	// (a REPL, a SQL shell): a person's terminal session, not a server's
	// shared JVM. JLine's own packages are the library, not a console; nor
	// is a class that names only JLine's exceptions (a runtime catching a
	// user's interrupt, which any embedding may run).
	if im := h.consoleImport(); im != "" && !strings.HasPrefix(h.pkg, "jline") && !strings.HasPrefix(h.pkg, "org.jline") {
		return Decision{Class: CLI, Reason: "interactive console (imports " + im + ", a terminal line editor)"}, true
	}
	// A top-level package named test or sample is never a product's
	// (log4j-over-slf4j/compatibility keeps its harness in package test).
	if h.pkg != "" {
		first := h.pkg
		if i := strings.IndexByte(first, '.'); i >= 0 {
			first = first[:i]
		}
		// Only test and sample: "demo" and "example" start real
		// applications' packages (Spring Initializr's com.example.demo,
		// a scratch project's package demo), and a wrong guess hides them.
		switch strings.ToLower(first) {
		case "test", "tests", "sample", "samples":
			if c, _ := nameClass(first, false); c != Production {
				return Decision{Class: c, Reason: classNouns[c] + " package " + first + ".*"}, true
			}
		}
	}
	// A class whose methods JUnit or TestNG runs is a test wherever it
	// sits: a test-support library's main code holds the rules, runners
	// and assertions tests use, not @Test methods (snpEff keeps its
	// integration tests in src/main/java/.../testCases).
	if h.imports1("org.junit.", "junit.framework.", "org.testng.") != "" {
		if a := h.testAnnotation(); a != "" {
			reason := "JUnit/TestNG test class (@" + a + ")"
			if main {
				reason += " in a main source set"
			}
			return Decision{Class: Test, Reason: reason}, true
		}
	}
	if main {
		return Decision{}, false
	}
	own := func(p string) bool { return h.pkg == p || strings.HasPrefix(h.pkg, p+".") }
	if im := h.imports1("org.openjdk.jmh."); im != "" && !own("org.openjdk.jmh") {
		return Decision{Class: Benchmark, Reason: "imports org.openjdk.jmh (JMH)"}, true
	}
	if im := h.imports1("com.google.caliper."); im != "" && !own("com.google.caliper") {
		return Decision{Class: Benchmark, Reason: "imports com.google.caliper (Caliper)"}, true
	}
	return Decision{}, false
}

var testMarks = []string{"Lorg/junit/Test;", "Lorg/junit/jupiter/api/Test;", "Lorg/junit/jupiter/params/ParameterizedTest;",
	"Lorg/junit/jupiter/api/RepeatedTest;", "Lorg/junit/jupiter/api/TestFactory;", "Lorg/testng/annotations/Test;"}

// classHead is what the constant pool of a class file says.
type classHead struct {
	super       string
	toolPackage *toolPackage    // the build tool whose own packages the class is of, or nil
	framework   bool            // the class is of a test framework's own packages (testFrameworks)
	desktop     bool            // refers to Swing components, AWT windows or events
	console     string          // a JLine class it refers to (a terminal line editor), dotted; "" for none
	compiler    bool            // refers to a compiler's model of a program (see compilerModel)
	gradle      bool            // refers to Gradle's API (org.gradle.api): build logic
	android     bool            // refers to the Android platform's API (androidName)
	utf8        map[string]bool // the interesting UTF-8 constants present
}

// interesting descriptors: annotations that mark tests, benchmarks and
// Maven goals.
var classMarks = setOf(
	"Lorg/junit/Test;", "Lorg/junit/jupiter/api/Test;", "Lorg/junit/jupiter/params/ParameterizedTest;",
	"Lorg/junit/jupiter/api/RepeatedTest;", "Lorg/junit/jupiter/api/TestFactory;", "Lorg/testng/annotations/Test;",
	"Lorg/openjdk/jmh/annotations/Benchmark;", "Lorg/apache/maven/plugins/annotations/Mojo;",
)

// classMarkLens marks the lengths (modulo 64) of the classMarks: most
// descriptors in a constant pool have none of them and are not hashed.
var classMarkLens = func() (lens [64]bool) {
	for m := range classMarks {
		lens[len(m)&63] = true
	}
	return lens
}()

// desktopRef reports a class name or descriptor in a constant pool that
// names a Swing component, an AWT window or an AWT event (see desktop).
func desktopRef(s string) bool {
	if i := strings.Index(s, "javax/swing/"); i >= 0 {
		rest := s[i+len("javax/swing/"):]
		return rest != "" && rest[0] >= 'A' && rest[0] <= 'Z'
	}
	if strings.Contains(s, "java/awt/event/") {
		return true
	}
	if i := strings.Index(s, "java/awt/"); i >= 0 {
		rest := strings.TrimSuffix(s[i+len("java/awt/"):], ";")
		return awtWindows[rest]
	}
	return strings.Contains(s, "javafx/stage/") || strings.Contains(s, "javafx/scene/") || strings.Contains(s, "javafx/application/")
}

// parseClassHead walks the constant pool of a class file (JVMS 4.4) and
// reads its superclass. A head cut short yields the constants read so far
// and no superclass; ok is false for bytes that are not a class file.
func parseClassHead(b []byte) (h classHead, ok bool) {
	if len(b) < 10 || binary.BigEndian.Uint32(b) != 0xCAFEBABE {
		return h, false
	}
	n := int(binary.BigEndian.Uint16(b[8:]))
	// offs[i] is where constant i starts (0: none), for the superclass's
	// name: one slice instead of maps and a string per constant, as this
	// runs on every class of every jar.
	pooled := offsPool.Get().(*[]int32)
	defer offsPool.Put(pooled)
	if cap(*pooled) < n {
		*pooled = make([]int32, n)
	}
	offs := (*pooled)[:n]
	clear(offs)
	off := 10
	cut := false // the pool ends early: keep what was read
pool:
	for i := 1; i < n; i++ {
		if off >= len(b) {
			cut = true
			break
		}
		tag := b[off]
		switch tag {
		case 1:
			if off+3 > len(b) {
				cut = true
				break pool
			}
			l := int(binary.BigEndian.Uint16(b[off+1:]))
			if off+3+l > len(b) {
				cut = true
				break pool
			}
			offs[i] = int32(off)
			raw := b[off+3 : off+3+l]
			// Every mark is a descriptor "L...;": most constants are not
			// looked up.
			if l > 2 && classMarkLens[l&63] && raw[0] == 'L' && raw[l-1] == ';' && classMarks[string(raw)] {
				if h.utf8 == nil {
					h.utf8 = map[string]bool{}
				}
				h.utf8[string(raw)] = true
			}
			// A class constant names the compiler's and Gradle's types
			// whose methods the class calls; a first-byte test spares the
			// rest.
			if l > 15 && (raw[0] == 'j' || raw[0] == 'c') && !h.compiler && compilerRef(raw) {
				h.compiler = true
			}
			if l > 15 && raw[0] == 'o' && !h.gradle && bytes.HasPrefix(raw, gradleMark) {
				h.gradle = true
			}
			if l > 8 && !h.android && (raw[0] == 'a' || raw[0] == 'L' || raw[0] == '(') && androidRef(raw) {
				h.android = true
			}
			off += 3 + l
		case 3, 4, 9, 10, 11, 12, 17, 18:
			off += 5
		case 5, 6:
			off += 9
			i++
		case 7:
			if off+3 > len(b) {
				cut = true
				break pool
			}
			offs[i] = int32(off)
			off += 3
		case 8, 16, 19, 20:
			off += 3
		case 15:
			off += 4
		default:
			cut = true // not a constant pool we know: keep what was read
			break pool
		}
	}
	// The names a class refers to are all in its pool: the searches for
	// the desktop's and JLine's packages stop where it ends.
	head := b[:min(off, len(b))]
	// Most classes mention no desktop package: one search of the pool
	// spares one per constant.
	if mentionsDesktopAnywhere(head) {
		h.desktop = desktopConstant(b, offs)
	}
	if cut {
		return h, true
	}
	// access_flags, this_class, super_class
	if off+6 <= len(b) {
		h.super = superName(b, offs, int(binary.BigEndian.Uint16(b[off+4:])))
		this := className(b, offs, int(binary.BigEndian.Uint16(b[off+2:])))
		for i := range toolPackages {
			if toolPackages[i].ofClass(this) {
				h.toolPackage = &toolPackages[i]
				break
			}
		}
		// Asked only of the rare class extending a framework's: a
		// string of every class's own name is an allocation per class.
		h.framework = testFrameworkSuperName(h.super) && testFrameworkSuperName(string(this))
		// Most classes never name JLine: one search of the pool spares
		// resolving its class constants.
		if bytes.Contains(head, jlineMark) && !jlineClass(this) {
			h.console = jlineRef(b, offs)
		}
	}
	return h, true
}

var jlineMark = []byte("jline/")

// androidMark starts the descriptors of the Android platform's classes
// (without its 'L', their internal names).
var androidMark = []byte("Landroid")

// androidRef reports a constant that names a class of the Android
// platform's API: a class constant, or a descriptor naming one (a
// field's type, a method's parameter).
func androidRef(raw []byte) bool {
	switch raw[0] {
	case 'a':
		return bytes.HasPrefix(raw, androidMark[1:]) && androidName(string(raw))
	case 'L':
		// A field's type: the descriptor is the name.
		return bytes.HasPrefix(raw, androidMark) && androidName(string(raw))
	}
	// A method's descriptor: its parameter and result types.
	for i := 0; ; {
		j := bytes.Index(raw[i:], androidMark)
		if j < 0 {
			return false
		}
		i += j
		if androidName(string(raw[i:])) {
			return true
		}
		i++
	}
}

// gradleMark starts the internal names of Gradle's API classes.
var gradleMark = []byte("org/gradle/api/")

// jlineClass reports an internal class name in JLine's own packages
// (jline, org.jline): the library, not a console that uses it.
func jlineClass(name []byte) bool {
	return bytes.HasPrefix(name, jlineMark) || bytes.HasPrefix(name, []byte("org/jline/"))
}

// jlineRef is the dotted name of the first class constant in JLine's
// packages other than an exception or error, as a source's import of it:
// "" when there is none.
// desktopConstant reports a UTF-8 constant that desktopRef accepts, among
// those at offs.
func desktopConstant(b []byte, offs []int32) bool {
	for _, o := range offs {
		if o == 0 || b[o] != 1 {
			continue
		}
		l := int(binary.BigEndian.Uint16(b[o+1:]))
		raw := b[int(o)+3 : int(o)+3+l]
		// desktopRef only with a name it can accept: no string per constant.
		if mentionsDesktop(raw) && desktopRef(string(raw)) {
			return true
		}
	}
	return false
}

func jlineRef(b []byte, offs []int32) string {
	for i := range offs {
		if offs[i] == 0 || b[offs[i]] != 7 {
			continue
		}
		if name := className(b, offs, i); jlineClass(name) && !throwableName(string(name)) {
			return strings.ReplaceAll(string(name), "/", ".")
		}
	}
	return ""
}

// toolPackage is a build tool known by its own packages, whose code runs
// only in a build: Apache Ant, and the JavaCC and CUP parser generators
// (JavaCC with JJTree and JJDoc; the parsers they write are in their
// users' packages, and CUP's run-time package, which those parsers use,
// is left out).
type toolPackage struct {
	pkg      string // dotted
	internal []byte // as a class file names it, with a trailing slash
	reason   string
	runtime  string // a subpackage that ships in applications, dotted; "" for none
	// runtimeInternal is runtime as a class file names it, with a
	// trailing slash: made once from runtime (init), not per class read.
	runtimeInternal []byte
}

// of reports a dotted package in the tool's own packages.
func (t *toolPackage) of(pkg string) bool {
	if pkg != t.pkg && !strings.HasPrefix(pkg, t.pkg+".") {
		return false
	}
	return t.runtime == "" || pkg != t.runtime && !strings.HasPrefix(pkg, t.runtime+".")
}

// ofClass reports an internal class name in the tool's own packages.
func (t *toolPackage) ofClass(name []byte) bool {
	if !bytes.HasPrefix(name, t.internal) {
		return false
	}
	return t.runtimeInternal == nil || !bytes.HasPrefix(name, t.runtimeInternal)
}

var toolPackages = []toolPackage{
	{"org.apache.tools.ant", []byte("org/apache/tools/ant/"), "Apache Ant (package org.apache.tools.ant)", "", nil},
	{"org.javacc", []byte("org/javacc/"), "JavaCC parser generator (package org.javacc)", "", nil},
	{"java_cup", []byte("java_cup/"), "CUP parser generator (package java_cup, its runtime aside)", "java_cup.runtime", nil},
	// Copies of the JDK's compiler and documentation tool (a parser
	// library's bundled javac front end): they run in a build.
	{"com.sun.tools.javac", []byte("com/sun/tools/javac/"), "the javac compiler (package com.sun.tools.javac)", "", nil},
	{"com.sun.tools.javadoc", []byte("com/sun/tools/javadoc/"), "the javadoc tool (package com.sun.tools.javadoc)", "", nil},
	{"com.sun.tools.doclets", []byte("com/sun/tools/doclets/"), "the javadoc doclets (package com.sun.tools.doclets)", "", nil},
}

func init() {
	for i := range toolPackages {
		if r := toolPackages[i].runtime; r != "" {
			toolPackages[i].runtimeInternal = []byte(strings.ReplaceAll(r, ".", "/") + "/")
		}
	}
}

// offsPool keeps parseClassHead's offset tables from class to class.
var offsPool = sync.Pool{New: func() any { return new([]int32) }}

// mentionsDesktopAnywhere is bytes.Contains(b, "javax/swing/") ||
// bytes.Contains(b, "java/awt/") in one pass (it stops at each 'w', which
// both hold and class files have few of, where a search for either stops
// at every "java" of the class), or a mention of "javafx/".
func mentionsDesktopAnywhere(b []byte) bool {
	for i := 0; i < len(b); i++ {
		j := bytes.IndexByte(b[i:], 'w')
		if j < 0 {
			break
		}
		i += j
		if i >= 7 && bytes.HasPrefix(b[i-7:], []byte("javax/swing/")) || i >= 6 && bytes.HasPrefix(b[i-6:], []byte("java/awt/")) {
			return true
		}
	}
	return bytes.Contains(b, []byte("javafx/"))
}

// mentionsDesktop reports a constant holding "javax/swing/", "java/awt/"
// or "javafx/": one search for their common "java" rather than one for
// each.
func mentionsDesktop(raw []byte) bool {
	for {
		i := bytes.Index(raw, []byte("java"))
		if i < 0 {
			return false
		}
		raw = raw[i+4:]
		if bytes.HasPrefix(raw, []byte("x/swing/")) || bytes.HasPrefix(raw, []byte("/awt/")) || bytes.HasPrefix(raw, []byte("fx/")) {
			return true
		}
	}
}

// superName is the name of the class constant super, kept only when it
// can matter to classSignals (a marked name, an Apache, JUnit or TestNG
// class).
func superName(b []byte, offs []int32, super int) string {
	raw := className(b, offs, super)
	if classMarks[string(raw)] || bytes.HasPrefix(raw, []byte("org/apache/")) || bytes.HasPrefix(raw, []byte("junit/")) ||
		bytes.HasPrefix(raw, []byte("org/junit/")) || bytes.HasPrefix(raw, []byte("org/testng/")) {
		return string(raw)
	}
	return ""
}

// className is the name the class constant at index i holds, in place
// (nil when i is none).
func className(b []byte, offs []int32, i int) []byte {
	if i <= 0 || i >= len(offs) || offs[i] == 0 || b[offs[i]] != 7 {
		return nil
	}
	ni := int(binary.BigEndian.Uint16(b[offs[i]+1:]))
	if ni <= 0 || ni >= len(offs) || offs[ni] == 0 || b[offs[ni]] != 1 {
		return nil
	}
	o := int(offs[ni])
	return b[o+3 : o+3+int(binary.BigEndian.Uint16(b[o+1:]))]
}

// classSignals reads the content signals of a class file, as javaSignals
// and extendsSignal read a source's: a Maven goal, Apache Ant itself (its
// packages, in ant.jar as in its sources), an Ant task or type (a class
// extending one of Ant's), a JMH benchmark, a test, a desktop GUI, an
// interactive console (a class that refers to JLine's, where a source
// imports it). They hold in a tree and in an archive alike.
func classSignals(h classHead) (Decision, bool) {
	switch {
	case h.utf8["Lorg/apache/maven/plugins/annotations/Mojo;"] || h.super == "org/apache/maven/plugin/AbstractMojo":
		return Decision{Class: BuildTool, Reason: "Maven plugin goal (@Mojo / extends AbstractMojo)"}, true
	case h.toolPackage != nil:
		return Decision{Class: BuildTool, Reason: h.toolPackage.reason}, true
	case strings.HasPrefix(h.super, "org/apache/tools/ant/"):
		return Decision{Class: BuildTool, Reason: "Ant task or type (extends an org.apache.tools.ant class)"}, true
	case h.utf8["Lorg/openjdk/jmh/annotations/Benchmark;"]:
		return Decision{Class: Benchmark, Reason: "JMH benchmark class (@Benchmark)"}, true
	case h.super == "junit/framework/TestCase":
		return Decision{Class: Test, Reason: "test class (extends TestCase)"}, true
	case testFrameworkSuper(h):
		return Decision{Class: Test, Reason: "test framework extension (extends " + strings.ReplaceAll(h.super, "/", ".") + ")"}, true
	case h.compiler:
		return Decision{Class: BuildTool, Reason: compilerReason}, true
	case h.gradle:
		// As javaSignals: Gradle's API exists only inside a build (a
		// plug-in's task in a prebuilt jar).
		return Decision{Class: BuildTool, Reason: "Gradle build logic (refers to org.gradle.api)"}, true
	case h.desktop:
		return Decision{Class: Desktop, Reason: "desktop GUI (refers to Swing, AWT or JavaFX windows and events)"}, true
	case h.android:
		return Decision{Class: Android, Reason: "Android code (refers to the Android platform's API, android.* or androidx.*)"}, true
	case h.console != "":
		// As javaSignals: a class that edits a terminal's input line.
		return Decision{Class: CLI, Reason: "interactive console (refers to " + h.console + ", a terminal line editor)"}, true
	}
	for _, s := range testMarks {
		if h.utf8[s] {
			return Decision{Class: Test, Reason: "JUnit/TestNG test class (@Test)"}, true
		}
	}
	return Decision{}, false
}

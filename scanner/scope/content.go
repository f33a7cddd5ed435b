package scope

import (
	"encoding/binary"
	"regexp"
	"strings"
)

// javaHead is what the first bytes of a Java source say about it.
type javaHead struct {
	pkg     string
	imports []string // without "static ", wildcards keep their ".*"
	annots  map[string]bool
	extends string // the superclass of the first class declared, as written
}

var (
	rePackage = regexp.MustCompile(`\bpackage\s+([\w.]+)\s*;`)
	reImport  = regexp.MustCompile(`\bimport\s+(?:static\s+)?([\w.]+(?:\s*\.\s*\*)?)\s*;`)
	reAnnot   = regexp.MustCompile(`@\s*([A-Za-z_][\w.]*)`)
	reClass   = regexp.MustCompile(`\bclass\s+[A-Za-z_$][\w$]*\s*`)
	reExtends = regexp.MustCompile(`^\s*extends\s+([A-Za-z_$][\w.$]*)`)
)

// parseJavaHead reads the package, imports, annotation names and the
// superclass of the first class from the leading bytes of a source, with
// comments and literals blanked out so that they cannot pose as code.
func parseJavaHead(src []byte) *javaHead {
	code := blankCommentsAndLiterals(src)
	h := &javaHead{annots: map[string]bool{}}
	if m := rePackage.FindSubmatch(code); m != nil {
		h.pkg = string(m[1])
	}
	for _, m := range reImport.FindAllSubmatch(code, -1) {
		h.imports = append(h.imports, strings.ReplaceAll(string(m[1]), " ", ""))
	}
	for _, m := range reAnnot.FindAllSubmatch(code, -1) {
		a := string(m[1])
		h.annots[a] = true
		if i := strings.LastIndexByte(a, '.'); i >= 0 {
			h.annots[a[i+1:]] = true
		}
	}
	h.extends = superclass(code)
	return h
}

// superclass returns the name after "extends" in the first class
// declaration, skipping its type parameters (class G<T extends A> extends B).
func superclass(code []byte) string {
	loc := reClass.FindIndex(code)
	if loc == nil {
		return ""
	}
	rest := code[loc[1]:]
	if len(rest) > 0 && rest[0] == '<' {
		depth := 0
		i := 0
		for ; i < len(rest); i++ {
			if rest[i] == '<' {
				depth++
			} else if rest[i] == '>' {
				depth--
				if depth == 0 {
					break
				}
			}
		}
		if i >= len(rest) {
			return ""
		}
		rest = rest[i+1:]
	}
	if m := reExtends.FindSubmatch(rest); m != nil {
		return string(m[1])
	}
	return ""
}

// blankCommentsAndLiterals replaces comments, string and character
// literals (text blocks included) with spaces, keeping newlines.
func blankCommentsAndLiterals(src []byte) []byte {
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
			blank(i+1, j-1)
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
			blank(i+1, j)
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
		if p, ok := strings.CutSuffix(im, ".*"); ok && wildcardPrefix != "" && (p == wildcardPrefix || strings.HasPrefix(p, wildcardPrefix+".")) {
			return p + "." + name
		}
	}
	if h.pkg != "" {
		return h.pkg + "." + name
	}
	return name
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
	return Decision{}, false
}

var testAnnotations = []string{"Test", "ParameterizedTest", "RepeatedTest", "TestFactory", "TestTemplate"}

// javaSignals reads the content signals of a source. Build-tool signals
// hold everywhere; test and benchmark imports only outside a main source
// set, where a test-support library legitimately uses them.
func javaSignals(h *javaHead, main bool) (Decision, bool) {
	if h.annots["Mojo"] && h.imports1("org.apache.maven.plugins.annotations.") != "" {
		return Decision{Class: BuildTool, Reason: "Maven plugin goal (@Mojo)"}, true
	}
	if h.pkg == "org.apache.tools.ant" || strings.HasPrefix(h.pkg, "org.apache.tools.ant.") {
		return Decision{Class: BuildTool, Reason: "Apache Ant (package org.apache.tools.ant)"}, true
	}
	if d, ok := extendsSignal(h, main); ok {
		return d, true
	}
	if h.imports1("com.sun.javadoc.", "jdk.javadoc.doclet.", "com.sun.tools.doclets.") != "" {
		return Decision{Class: BuildTool, Reason: "javadoc doclet or taglet (runs inside javadoc)"}, true
	}
	if h.imports1("org.gradle.api.") != "" {
		return Decision{Class: BuildTool, Reason: "Gradle build logic (imports org.gradle.api)"}, true
	}
	// A top-level package named test or sample is never a product's
	// (log4j-over-slf4j/compatibility keeps its harness in package test).
	if h.pkg != "" {
		first := h.pkg
		if i := strings.IndexByte(first, '.'); i >= 0 {
			first = first[:i]
		}
		if c, _ := nameClass(first, false); c != Production && !docWords[first] {
			return Decision{Class: c, Reason: classNouns[c] + " package " + first + ".*"}, true
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
	if h.imports1("org.junit.", "junit.framework.", "org.testng.") != "" {
		for _, a := range testAnnotations {
			if h.annots[a] {
				return Decision{Class: Test, Reason: "JUnit/TestNG test class (@" + a + ")"}, true
			}
		}
	}
	return Decision{}, false
}

var testMarks = []string{"Lorg/junit/Test;", "Lorg/junit/jupiter/api/Test;", "Lorg/junit/jupiter/params/ParameterizedTest;",
	"Lorg/junit/jupiter/api/RepeatedTest;", "Lorg/junit/jupiter/api/TestFactory;", "Lorg/testng/annotations/Test;"}

// classHead is what the constant pool of a class file says.
type classHead struct {
	super string
	utf8  map[string]bool // the interesting UTF-8 constants present
}

// interesting descriptors: annotations that mark tests, benchmarks and
// Maven goals.
var classMarks = setOf(
	"Lorg/junit/Test;", "Lorg/junit/jupiter/api/Test;", "Lorg/junit/jupiter/params/ParameterizedTest;",
	"Lorg/junit/jupiter/api/RepeatedTest;", "Lorg/junit/jupiter/api/TestFactory;", "Lorg/testng/annotations/Test;",
	"Lorg/openjdk/jmh/annotations/Benchmark;", "Lorg/apache/maven/plugins/annotations/Mojo;",
)

// parseClassHead walks the constant pool of a class file (JVMS 4.4) and
// reads its superclass. A head cut short yields the constants read so far
// and no superclass; ok is false for bytes that are not a class file.
func parseClassHead(b []byte) (h classHead, ok bool) {
	if len(b) < 10 || binary.BigEndian.Uint32(b) != 0xCAFEBABE {
		return h, false
	}
	n := int(binary.BigEndian.Uint16(b[8:]))
	h.utf8 = map[string]bool{}
	utf8At := make(map[int]string)
	classAt := make(map[int]int)
	off := 10
	for i := 1; i < n; i++ {
		if off >= len(b) {
			return h, true
		}
		tag := b[off]
		switch tag {
		case 1:
			if off+3 > len(b) {
				return h, true
			}
			l := int(binary.BigEndian.Uint16(b[off+1:]))
			if off+3+l > len(b) {
				return h, true
			}
			s := string(b[off+3 : off+3+l])
			if classMarks[s] || strings.HasPrefix(s, "org/apache/") || strings.HasPrefix(s, "junit/") {
				utf8At[i] = s
			}
			if classMarks[s] {
				h.utf8[s] = true
			}
			off += 3 + l
		case 3, 4, 9, 10, 11, 12, 17, 18:
			off += 5
		case 5, 6:
			off += 9
			i++
		case 7:
			if off+3 > len(b) {
				return h, true
			}
			classAt[i] = int(binary.BigEndian.Uint16(b[off+1:]))
			off += 3
		case 8, 16, 19, 20:
			off += 3
		case 15:
			off += 4
		default:
			return h, true // not a constant pool we know: keep what was read
		}
	}
	// access_flags, this_class, super_class
	if off+6 <= len(b) {
		super := int(binary.BigEndian.Uint16(b[off+4:]))
		if ni, ok := classAt[super]; ok {
			h.super = utf8At[ni]
		}
	}
	return h, true
}

// classSignals reads the content signals of a class file. inArchive
// leaves out the Ant rule: a jar on an application's class path may well
// run its Ant tasks in process (Jasper compiles JSPs through Ant's javac
// task).
func classSignals(h classHead, inArchive bool) (Decision, bool) {
	switch {
	case h.utf8["Lorg/apache/maven/plugins/annotations/Mojo;"] || h.super == "org/apache/maven/plugin/AbstractMojo":
		return Decision{Class: BuildTool, Reason: "Maven plugin goal (@Mojo / extends AbstractMojo)"}, true
	case !inArchive && strings.HasPrefix(h.super, "org/apache/tools/ant/"):
		return Decision{Class: BuildTool, Reason: "Ant task or type (extends an org.apache.tools.ant class)"}, true
	case h.utf8["Lorg/openjdk/jmh/annotations/Benchmark;"]:
		return Decision{Class: Benchmark, Reason: "JMH benchmark class (@Benchmark)"}, true
	case h.super == "junit/framework/TestCase":
		return Decision{Class: Test, Reason: "test class (extends TestCase)"}, true
	}
	for _, s := range testMarks {
		if h.utf8[s] {
			return Decision{Class: Test, Reason: "JUnit/TestNG test class (@Test)"}, true
		}
	}
	return Decision{}, false
}

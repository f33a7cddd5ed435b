package scope

import (
	"strings"
	"testing"
)

// The content readers take bytes from the scanned tree and from archives:
// they must not panic or loop on any input.

func FuzzParseClassHead(f *testing.F) {
	f.Add(classBytes("a/B", "java/lang/Object", "Lorg/junit/Test;"))
	f.Add(classBytes("a/B", "org/apache/tools/ant/Task"))
	f.Add([]byte{0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 52, 0xFF, 0xFF, 6, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		h, ok := parseClassHead(b)
		if !ok && (h.super != "" || len(h.utf8) > 0) {
			t.Fatalf("not a class file, yet read %+v", h)
		}
		classSignals(h)
	})
}

func FuzzParseJavaHead(f *testing.F) {
	f.Add([]byte("package a.b;\nimport org.junit.Test;\nclass C<T extends D<E>> extends junit.framework.TestCase {\n @Test void t() {}\n}\n"))
	f.Add([]byte("/* unterminated"))
	f.Add([]byte("\"\"\" text block \\\"\"\" still"))
	f.Add([]byte("class A<<<<"))
	f.Fuzz(func(t *testing.T, b []byte) {
		h := parseJavaHead(b)
		if strings.ContainsAny(h.pkg, " \n") {
			t.Fatalf("package %q", h.pkg)
		}
		javaSignals(h, false)
		javaSignals(h, true)
		if got := blankCommentsAndLiterals(b); len(got) != len(b) {
			t.Fatalf("blanking changed the length: %d -> %d", len(b), len(got))
		}
	})
}

func FuzzReadPOMBuild(f *testing.F) {
	f.Add([]byte(`<project><build><sourceDirectory>src/java</sourceDirectory><plugins><plugin><artifactId>build-helper-maven-plugin</artifactId><executions><execution><goals><goal>add-test-source</goal></goals><configuration><sources><source>src/t</source></sources></configuration></execution></executions></plugin></plugins></build></project>`))
	f.Add([]byte(`<project><build><testSourceDirectory>../../etc</testSourceDirectory></build></project>`))
	f.Add([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><project><build><plugins><plugin><configuration><mainClass>a.B</mainClass>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		pb := readPOMBuild(b)
		for dir := range pb.roots {
			if dir == "" || strings.HasPrefix(dir, "/") || dir == ".." || strings.HasPrefix(dir, "../") {
				t.Fatalf("declared root %q escapes the module", dir)
			}
		}
	})
}

// identBuilt is ident as it was written first, every name built part by
// part: the reference ident's single-string path must agree with.
func identBuilt(src []byte, i int) (string, int) {
	n := len(src)
	if i >= n || !isIdentStart(src[i]) {
		return "", i
	}
	var b strings.Builder
	for {
		j := i
		for j < n && isIdentPart(src[j]) {
			j++
		}
		b.Write(src[i:j])
		k := skipSpace(src, j)
		if k < n && src[k] == '.' {
			m := skipSpace(src, k+1)
			if m < n && isIdentStart(src[m]) {
				b.WriteByte('.')
				i = m
				continue
			}
		}
		return b.String(), j
	}
}

func FuzzIdent(f *testing.F) {
	for _, s := range []string{"java.util.List", "a . b.c", "a.\n b", "a.", "a..b", "x.y /* c */ . z", "_$a.$b1", "1a"} {
		f.Add([]byte(s), 0)
	}
	f.Fuzz(func(t *testing.T, src []byte, i int) {
		if i < 0 || i > len(src) {
			return
		}
		got, gotEnd := ident(src, i)
		want, wantEnd := identBuilt(src, i)
		if got != want || gotEnd != wantEnd {
			t.Errorf("ident(%q, %d) = %q, %d; want %q, %d", src, i, got, gotEnd, want, wantEnd)
		}
	})
}

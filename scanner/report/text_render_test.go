package report

import (
	"strings"
	"testing"
)

func TestMarkdownToText(t *testing.T) {
	md := "# Title\n\nUse **bold**, *em*, `code` and [a link](https://x.io/a).\n\n* item one\n* item_two\n\n\n\n```java\nint x = 1;\n```\n"
	want := "Title\n\nUse bold, em, code and a link (https://x.io/a).\n\n- item one\n- item_two\n\n    int x = 1;"
	if got := markdownToText(md); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A code span broken over a line leaves no backtick behind.
func TestMarkdownToTextSpanOverLines(t *testing.T) {
	md := "Spring's `getProperty(\"x\",\nBoolean.class, false)` and `y`.\n\nA lone ` stays `z`."
	want := "Spring's getProperty(\"x\",\nBoolean.class, false) and y.\n\nA lone  stays z."
	if got := markdownToText(md); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestCamelCase(t *testing.T) {
	for in, want := range map[string]string{
		"class-forname-caller-loader": "ClassFornameCallerLoader",
		"jdbc":                        "Jdbc",
		"":                            "",
	} {
		if got := camelCase(in); got != want {
			t.Errorf("camelCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTruncate(t *testing.T) {
	long := strings.Repeat("é", 2000)
	got := truncate(long, maxDescription)
	if n := len([]rune(got)); n != maxDescription || !strings.HasSuffix(got, "…") {
		t.Errorf("truncated to %d runes, ends %q", n, got[len(got)-3:])
	}
	if truncate("short", maxDescription) != "short" {
		t.Error("short text changed")
	}
}

func TestURIs(t *testing.T) {
	for in, want := range map[string]string{
		"src/main/java/A.java":          "src/main/java/A.java",
		"./a b/c:d.java":                "a%20b/c%3Ad.java",
		"lib/a.jar!/com/x/C.class":      "lib/a.jar!/com/x/C.class",
		"src/100%/Ü#?.java":             "src/100%25/%C3%9C%23%3F.java",
		"src/main/resources/a+b@c.conf": "src/main/resources/a+b@c.conf",
	} {
		if got := relURI(in); got != want {
			t.Errorf("relURI(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"/":              "file:///",
		"/srv/repo":      "file:///srv/repo/",
		"/srv/my repo/":  "file:///srv/my%20repo/",
		"/srv/a:b/#tmp/": "file:///srv/a%3Ab/%23tmp/",
	} {
		if got := rootURI(in); got != want {
			t.Errorf("rootURI(%q) = %q, want %q", in, got, want)
		}
	}
}

package rules

import (
	"strings"
	"testing"

	"github.com/kscan/kscan/rules/facts"
)

func TestOnlyCallsAt(t *testing.T) {
	const src = `class A {
    static { if (on) { Props.replace(); } }
    public static void replace() { }
    // replace() in a comment
    Object x = new replace();
}`
	call := strings.Index(src, "Props.replace()")
	seen := []facts.Span{{Start: call, End: call + len("Props.replace()")}}
	if !onlyCallsAt([]byte(src), "replace", seen, facts.Span{}) {
		t.Errorf("the one call is seen, the rest are a declaration, a comment and a creation: want true")
	}
	if onlyCallsAt([]byte(src), "replace", nil, facts.Span{}) {
		t.Errorf("a call not among the sites: want false")
	}
	// A call in the method's own body (Runtime's halt in halt) runs only
	// once the method does.
	body := strings.Replace(src, "replace() { }", "replace() { other.replace(); }", 1)
	decl := strings.Index(body, "public static void replace")
	own := facts.Span{Start: decl, End: strings.Index(body, "// replace")}
	if !onlyCallsAt([]byte(body), "replace", seen, own) {
		t.Errorf("a call in the method's own body: want true")
	}
	if onlyCallsAt([]byte(body), "replace", seen, facts.Span{}) {
		t.Errorf("a call in the method's own body, its declaration not known: want false")
	}
	for _, extra := range []string{
		"Runnable r = Props::replace;",
		`Method m = Props.class.getMethod("replace");`,
		"void other() { replace(); }",
	} {
		s := strings.TrimSuffix(src, "}") + "    " + extra + "\n}"
		if onlyCallsAt([]byte(s), "replace", seen, facts.Span{}) {
			t.Errorf("%s: want false", extra)
		}
	}
}

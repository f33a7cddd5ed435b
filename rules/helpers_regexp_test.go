package rules

import (
	"regexp"
	"testing"
)

// Every package-level expression compiles, as regexp.MustCompile at start-up
// used to prove on every run.
func TestLazyRegexps(t *testing.T) {
	if len(lazyRegexps) < 100 {
		t.Fatalf("only %d lazy expressions registered", len(lazyRegexps))
	}
	for _, l := range lazyRegexps {
		if _, err := regexp.Compile(l.expr); err != nil {
			t.Errorf("%q: %v", l.expr, err)
		}
		if l.get().String() != l.expr {
			t.Errorf("%q compiled as %q", l.expr, l.get().String())
		}
	}
}

package bytecode

import (
	"strings"
	"testing"
)

func TestDotted(t *testing.T) {
	for _, s := range []string{"", "Foo", "java/lang/String", "java/util/Map$Entry", "/", "a//b/", "/leading", "naïve/ünïcode/Ω"} {
		if got, want := dotted(s), strings.ReplaceAll(s, "/", "."); got != want {
			t.Errorf("dotted(%q) = %q, want %q", s, got, want)
		}
	}
}

package bytecode

import (
	"slices"
	"testing"
)

// A class only its static initialiser creates (a typesafe enum's
// constants) runs its constructors while it initialises; one a factory
// also creates does not.
func TestInitOnlyConstructors(t *testing.T) {
	for _, tc := range []struct {
		entry string
		want  bool
	}{
		{"static-mutable-state/SwigOp.java/fixtures/state/SwigOp.class", true},
		{"static-mutable-state/SwigTag.java/fixtures/state/SwigTag.class", false},
	} {
		c := fixtureClass(t, tc.entry)
		if got := slices.Contains(initHelpers(c, false), "<init>"); got != tc.want {
			t.Errorf("%s: <init> among initHelpers = %v, want %v", tc.entry, got, tc.want)
		}
	}
}

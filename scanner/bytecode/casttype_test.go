package bytecode

import "testing"

func TestCastType(t *testing.T) {
	x := &Extractor{dotted: map[string]string{}}
	for _, tt := range []struct{ operand, want string }{
		{"java/util/Random", "java.util.Random"},
		{"org/acme/Outer$State", "org.acme.Outer$State"},
		{"[J", "long[]"},
		{"[[I", "int[][]"},
		{"[Ljava/lang/String;", "java.lang.String[]"},
		{"[[Lorg/acme/Node;", "org.acme.Node[][]"},
		{"Plain", "Plain"},
	} {
		if got := x.castType(tt.operand); got != tt.want {
			t.Errorf("castType(%q) = %q, want %q", tt.operand, got, tt.want)
		}
	}
}

package rules

import (
	"testing"

	"github.com/kscan/kscan/rules/facts"
)

// A provider's creation as compiled code gives it: the simple name in the
// text, the class in the type, and no import to resolve it by.
func TestJDKProviderAddedCompiled(t *testing.T) {
	p := &Pass{File: &facts.File{}}
	for _, tt := range []struct {
		text, typ string
		want      bool
	}{
		{"new Sun()", "sun.security.provider.Sun", true},
		{"new Provider()", "com.sun.net.ssl.internal.ssl.Provider", true},
		{"new SunJCE()", "com.sun.crypto.provider.SunJCE", true},
		{"new AcmeProvider()", "org.acme.net.AcmeProvider", false},
		{"new Provider()", "org.acme.Provider", false},
		{"new Sun()", "", false},
	} {
		c := &facts.Call{Owner: "java.security.Security", Name: "addProvider",
			Args: []facts.Expr{{Kind: facts.ExprNew, Text: tt.text, Type: tt.typ}}}
		if got := jdkProviderAdded(p, c); got != tt.want {
			t.Errorf("addProvider(%s of %q) = %v, want %v", tt.text, tt.typ, got, tt.want)
		}
	}
	// A variable holding one is not known to be a new default provider.
	c := &facts.Call{Owner: "java.security.Security", Name: "addProvider",
		Args: []facts.Expr{{Kind: facts.ExprName, Text: "p", Type: "sun.security.provider.Sun"}}}
	if jdkProviderAdded(p, c) {
		t.Error("a variable taken for a new default provider")
	}
}

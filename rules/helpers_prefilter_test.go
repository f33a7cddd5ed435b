package rules

import "testing"

func TestCallNamed(t *testing.T) {
	for src, want := range map[string]bool{
		"t.start();":                  true,
		"t.start\n\t ();":             true,
		"start()":                     true,
		"restart();":                  false,
		"t.started();":                false,
		"int start = 0; // start up":  false,
		"x.startsWith(a); y.start ()": true,
		"":                            false,
	} {
		if got := callNamed([]byte(src), "start"); got != want {
			t.Errorf("callNamed(%q, start) = %v, want %v", src, got, want)
		}
	}
	if !callNamed([]byte("m.computeIfAbsent(k, f)"), "put", "computeIfAbsent") {
		t.Error("callNamed: the second name's call not found")
	}
}

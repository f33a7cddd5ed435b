package scanner

import "testing"

func TestAbsIndex(t *testing.T) {
	java := []input{{abs: "/t/a/B.java", rel: "a/B.java"}, {abs: "/t/a-b/C.java", rel: "a-b/C.java"}, {abs: "/t/a/A.java", rel: "a/A.java"}}
	config := []input{{abs: "/t/x.properties", rel: "x.properties"}, {abs: "/u/a/B.java", rel: "a/B.java"}}
	x := newAbsIndex(java, config)
	for _, c := range []struct {
		rel, abs string
		ok       bool
	}{
		{"a/A.java", "/t/a/A.java", true},
		{"a-b/C.java", "/t/a-b/C.java", true},
		{"a/B.java", "/u/a/B.java", true}, // the last listed wins, as a map filled in order
		{"x.properties", "/t/x.properties", true},
		{"a/C.java", "", false},
		{"", "", false},
		{"z", "", false},
	} {
		if abs, ok := x.get(c.rel); abs != c.abs || ok != c.ok {
			t.Errorf("get(%q) = %q, %v; want %q, %v", c.rel, abs, ok, c.abs, c.ok)
		}
	}
	if _, ok := absIndex(nil).get("a"); ok {
		t.Error("an empty index found a path")
	}
}

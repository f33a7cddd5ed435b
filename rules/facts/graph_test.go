package facts

import "testing"

// CallsOf: a method the graph keeps by name shares its calls with its
// overloads; the argument count picks an overload's own only where the
// graph says the count tells them apart.
func TestCallsOf(t *testing.T) {
	byName := MethodKey{Class: "a.B", Name: "get", Arity: -1}
	call := func(n int) CallSite { return CallSite{Callee: byName, Args: make([]Expr, n)} }
	calls := []CallSite{call(1), call(2), call(2), call(3)}
	cases := []struct {
		name    string
		byCount bool
		m       MethodKey
		want    int
	}{
		{"told by count", true, MethodKey{Class: "a.B", Name: "get", Arity: 2}, 2},
		{"no call of that count", true, MethodKey{Class: "a.B", Name: "get", Arity: 4}, 0},
		{"count tells nothing: every call", false, MethodKey{Class: "a.B", Name: "get", Arity: 2}, 4},
		{"asked by name", true, byName, 4},
		{"another method", true, MethodKey{Class: "a.C", Name: "get", Arity: 2}, 0},
	}
	for _, c := range cases {
		g := &CallGraph{Calls: map[MethodKey][]CallSite{byName: calls}}
		if c.byCount {
			g.ByCount = map[MethodKey]bool{byName: true}
		}
		if got := len(g.CallsOf(c.m)); got != c.want {
			t.Errorf("%s: %d calls, want %d", c.name, got, c.want)
		}
	}
	// Calls kept for the overload itself are its own.
	own := MethodKey{Class: "a.B", Name: "get", Arity: 1}
	g := &CallGraph{Calls: map[MethodKey][]CallSite{byName: calls, own: {call(1)}}}
	if got := len(g.CallsOf(own)); got != 1 {
		t.Errorf("own calls: %d, want 1", got)
	}
	var none *CallGraph
	if none.CallsOf(own) != nil {
		t.Error("nil graph: calls")
	}
}

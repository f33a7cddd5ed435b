package javatext

import "testing"

func TestWordIn(t *testing.T) {
	for _, tc := range []struct {
		text, word string
		want       bool
	}{
		{"private static int x;", "static", true},
		{"staticField = 1;", "static", false},
		{"isStatic()", "static", false},
		{"a.final_b", "final", false},
		{"final", "final", true},
		{"é static", "static", true},
		{"éstatic", "static", false},
	} {
		if got := WordIn([]byte(tc.text), tc.word); got != tc.want {
			t.Errorf("WordIn(%q, %q) = %v", tc.text, tc.word, got)
		}
	}
}

func TestCallAt(t *testing.T) {
	for _, tc := range []struct {
		text, name string
		from, want int
	}{
		{"a = load(x);", "load", 0, 4},
		{"a = load (x);", "load", 0, 4},
		{"a = reload(x); load(y)", "load", 0, 15},
		{"a = loader(x);", "load", 0, -1},
		{"int load; load = 1;", "load", 0, -1},
		{"this.load(x)", "load", 0, 5},
		{"load(a); load(b)", "load", 1, 9},
		{"load", "load", 0, -1},
		{"x()", "", 0, -1},
	} {
		if got := CallAt([]byte(tc.text), tc.name, tc.from); got != tc.want {
			t.Errorf("CallAt(%q, %q, %d) = %d, want %d", tc.text, tc.name, tc.from, got, tc.want)
		}
	}
}

func TestWordCount(t *testing.T) {
	for _, tc := range []struct {
		text, word string
		want       int
	}{
		{"old = x; set(old); f(old);", "old", 3},
		{"older = x; set(bold); old", "old", 1},
		{"$old old_ old", "old", 1},
		{"", "old", 0},
		{"old", "", 0},
	} {
		if got := WordCount([]byte(tc.text), tc.word); got != tc.want {
			t.Errorf("WordCount(%q, %q) = %d, want %d", tc.text, tc.word, got, tc.want)
		}
	}
}

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

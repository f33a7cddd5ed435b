package rules

import "testing"

func TestClosingBracket(t *testing.T) {
	for _, tt := range []struct {
		text string
		open int
		want int
	}{
		{"(a(b)c)", 0, 6},
		{"(a(b)c)", 2, 4},
		{`f(")", ')') + 1`, 1, 10},
		{"{ // }\n }", 0, 8},
		{"{ /* } */ }", 0, 10},
		{"[x[0]]", 0, 5},
		{"(a(b)", 0, -1},
		{"{ /* } ", 0, -1},
		{"x", 0, -1},
		{"()", 5, -1},
	} {
		if got := closingBracket(tt.text, tt.open); got != tt.want {
			t.Errorf("closingBracket(%q, %d) = %d, want %d", tt.text, tt.open, got, tt.want)
		}
		if got := closingBracket([]byte(tt.text), tt.open); got != tt.want {
			t.Errorf("closingBracket([]byte(%q), %d) = %d, want %d", tt.text, tt.open, got, tt.want)
		}
	}
}

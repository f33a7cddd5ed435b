package adapters

import (
	"fmt"
	"testing"
)

func TestCompareOrdering(t *testing.T) {
	// Each pair is a < b unless noted equal.
	tests := []struct {
		a, b string
		want int
	}{
		// trailing zero / release trimming
		{"2.3", "2.3.0", 0},
		{"2.3", "2.3.0.RELEASE", 0},
		{"2.3", "2.3-ga", 0},
		{"2.3", "2.3.final", 0},
		{"2.3.0.RELEASE", "2.3-GA", 0},
		{"2.17", "2.17.0", 0},
		{"1.0.0", "1", 0},
		{"", "0", 0},
		{"", "0.0.0", 0},
		// leading zeros
		{"1.01", "1.1", 0},
		{"1.007", "1.7", 0},
		{"1.00", "1", 0},
		// numbers numerically
		{"5.3.9", "5.3.20", -1},
		{"2.6.5", "2.6.12", -1},
		{"1.9", "1.10", -1},
		// qualifier order
		{"1.0-alpha", "1.0-beta", -1},
		{"1.0-beta", "1.0-milestone", -1},
		{"1.0-milestone", "1.0-rc", -1},
		{"1.0-rc", "1.0-cr", 0},
		{"1.0-RC1", "1.0-cr1", 0},
		{"1.0-rc", "1.0-SNAPSHOT", -1},
		{"1.0-SNAPSHOT", "1.0", -1},
		{"1.0", "1.0-sp", -1},
		{"1.0-sp", "1.0-foo", -1},
		{"1.0-sp1", "1.0-sp2", -1},
		// shorthand a/b/m only when followed by a number
		{"1.0-a1", "1.0-alpha-1", 0},
		{"1.0b2", "1.0-beta-2", 0},
		{"2.0.0.M5", "2.0.0-milestone-5", 0},
		{"1.0-m", "1.0", 1}, // plain "m" is an unknown string, above release
		{"1.0-a", "1.0-alpha", 1},
		// unknown strings: above release, case-insensitive
		{"1.0-foo", "1.0-FOO", 0},
		{"1.0-abc", "1.0-abd", -1},
		{"1.0", "1.0-xyz", -1},
		// pre-releases sort below the release with the same numbers
		{"2.4.0-M1", "2.4.0", -1},
		{"3.2.0-RC1", "3.2.0", -1},
		{"2.7.14-SNAPSHOT", "2.7.14", -1},
		{"2.7.13", "2.7.14-SNAPSHOT", -1},
		// '-' is an ordinary separator in Aether, so 1-1 == 1.1 (Maven's
		// ComparableVersion, which sorts 1-1 < 1.1, does not apply here).
		{"1-1", "1.1", 0},
		{"1-1", "1.1.1", -1},
		// kind order and padding
		{"1.0-1", "1.0.1", 0},
		{"1-SNAPSHOT", "1.1", -1},
		{"1-alpha", "1.0.0-alpha", 0},
		{"1.0.0-alpha", "1.0.1", -1},
		{"1.0.1", "1.0-xyz", 1},
		// min / max as the last token
		{"2.3.min", "2.3", -1},
		{"2.3.min", "2.3.0-alpha", -1},
		{"2.3.max", "2.3.999999", 1},
		{"2.3.max", "2.3.99999999999999999999", 1},
		{"2.3.max", "2.4", -1},
		{"2.3.max", "2.3.x", 1},
		{"2.3.MAX", "2.3.max", 0},
		{"2.max.1", "2.max.0", 1}, // not last: an ordinary string
		{"2.max.1", "2.5", -1},
		// big integers
		{"1.1000000000", "1.999999999", 1},
		{"1.12345678901234567890", "1.12345678901234567891", -1},
		{"1.0000000000000000000001", "1.1", 0},
		{"1.99999999999999999999", "1.100000000000000000000", -1},
		// separators are equivalent
		{"1-2_3", "1.2.3", 0},
		{"1..2", "1.0.2", 0},
		// digit/letter transitions
		{"1.0rc1", "1.0-rc-1", 0},
		{"1.0final", "1.0", 0},
		// non-ASCII decimal digits count as digits in 1.9.x
		{"1.\u0662", "1.2", 0},
	}
	for _, tt := range tests {
		t.Run(tt.a+" vs "+tt.b, func(t *testing.T) {
			a, b := ParseVersion(tt.a), ParseVersion(tt.b)
			if got := Compare(a, b); got != tt.want {
				t.Errorf("Compare(%q, %q) = %d, want %d (items %s vs %s)", tt.a, tt.b, got, tt.want, a.Canonical(), b.Canonical())
			}
			if got := Compare(b, a); got != -tt.want {
				t.Errorf("Compare(%q, %q) = %d, want %d", tt.b, tt.a, got, -tt.want)
			}
		})
	}
}

func TestSortedChain(t *testing.T) {
	chain := []string{
		"1.0.min", "1.0-alpha-1", "1.0-beta", "1.0-M2", "1.0-rc1", "1.0-SNAPSHOT",
		"1.0", "1.0-sp1", "1.0-foo", "1.0.1", "1.0.max", "1.1", "2", "2.0.1000000000",
	}
	for i := 0; i+1 < len(chain); i++ {
		for j := i + 1; j < len(chain); j++ {
			if c := Compare(ParseVersion(chain[i]), ParseVersion(chain[j])); c >= 0 {
				t.Errorf("Compare(%q, %q) = %d, want < 0", chain[i], chain[j], c)
			}
		}
	}
}

func TestCanonical(t *testing.T) {
	tests := map[string]string{
		"2.3.0.RELEASE":   "2.3",
		"1.0-alpha-1":     "1.alpha.1",
		"007":             "7",
		"1.0.0-SNAPSHOT":  "1.snapshot",
		"2.0.0.M5":        "2.milestone.5",
		"1.2.max":         "1.2.max",
		"1.FOO":           "1.foo",
		"1.12345678901":   "1.12345678901",
		"":                "0",
		"1.0-rc-0.0.0":    "1.cr",
		"1.0.0-0.0-1":     "1.0.0.0.0.1", // zeros before a non-zero item are kept
		"1.0-alpha.0.foo": "1.alpha.0.foo",
	}
	for in, want := range tests {
		if got := ParseVersion(in).Canonical(); got != want {
			t.Errorf("ParseVersion(%q).Canonical() = %q, want %q", in, got, want)
		}
		if got := ParseVersion(in).String(); got != in {
			t.Errorf("String() = %q, want the input %q", got, in)
		}
	}
}

func TestZeroVersion(t *testing.T) {
	var zero Version
	if c := Compare(zero, ParseVersion("0")); c != 0 {
		t.Errorf("zero Version vs 0: %d", c)
	}
	if c := Compare(zero, ParseVersion("1")); c != -1 {
		t.Errorf("zero Version vs 1: %d", c)
	}
}

func ExampleCompare() {
	for _, p := range [][2]string{{"2.3", "2.3.0.RELEASE"}, {"2.4.0-M1", "2.4.0"}, {"1-1", "1.1"}, {"2.3.max", "2.3.99"}} {
		fmt.Println(p[0], Compare(ParseVersion(p[0]), ParseVersion(p[1])), p[1])
	}
	// Output:
	// 2.3 0 2.3.0.RELEASE
	// 2.4.0-M1 -1 2.4.0
	// 1-1 0 1.1
	// 2.3.max 1 2.3.99
}

// TestGenericVersionOrderVectors runs the ordering facts of maven-resolver
// 1.9.22's own GenericVersionTest.
func TestGenericVersionOrderVectors(t *testing.T) {
	rows := readTSV(t, "generic_version_order.tsv", 3)
	if len(rows) < 150 {
		t.Fatalf("only %d vectors", len(rows))
	}
	for _, r := range rows {
		a, op, b := r[0], r[1], r[2]
		want := map[string]int{"<": -1, "=": 0, ">": 1}[op]
		va, vb := ParseVersion(a), ParseVersion(b)
		if got := Compare(va, vb); got != want {
			t.Errorf("Compare(%q, %q) = %d, want %s (items %s vs %s)", a, b, got, op, va.Canonical(), vb.Canonical())
		}
		if got := Compare(vb, va); got != -want {
			t.Errorf("Compare(%q, %q) = %d, want %d", b, a, got, -want)
		}
	}
}

package adapters

import (
	"errors"
	"strings"
	"testing"
)

// TestVersionVectors runs every row of version_vectors.tsv: the vectors of
// Koupleless's matcher tests, and more computed with Maven's own version
// splitter and Aether.
func TestVersionVectors(t *testing.T) {
	rows := readTSV(t, "version_vectors.tsv", 3)
	if len(rows) != 139 {
		t.Fatalf("read %d vectors, want 139", len(rows))
	}
	for _, r := range rows {
		rng, ver, want := r[0], r[1], r[2]
		t.Run(rng+" "+ver, func(t *testing.T) {
			u, err := ParseUnion(rng)
			if want == "error" {
				if err == nil {
					t.Fatalf("ParseUnion(%q) = %v, want an error", rng, u)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseUnion(%q): %v", rng, err)
			}
			got := u.Contains(ParseVersion(ver))
			if got != (want == "match") {
				t.Errorf("%q contains %q = %v, want %s (%s)", rng, ver, got, want, u.explain(ParseVersion(ver)))
			}
		})
	}
}

func TestRangeSemantics(t *testing.T) {
	tests := []struct {
		rng  string
		in   []string
		out  []string
		name string
	}{
		{name: "wildcard", rng: "[2.3.*]",
			in:  []string{"2.3", "2.3.0", "2.3.12.RELEASE", "2.3.0-M1", "2.3-SNAPSHOT", "2.3.0-alpha", "2.3.99999999999", "2.3.x"},
			out: []string{"2.30.1", "2.2.13.RELEASE", "2.4.0.RELEASE", "2.4-alpha", "2.2.max"}},
		{name: "comma form is not a wildcard", rng: "[2.3.*,2.5.*]",
			in:  []string{"2.4.0", "2.3.1", "2.5.0", "2.3.x"},
			out: []string{"2.3.0", "2.5.1", "2.3"}},
		{name: "literal x", rng: "[2.3.x]", in: []string{"2.3.x", "2.3.X", "2.3-x"}, out: []string{"2.3.5", "2.3"}},
		{name: "max bound", rng: "[1.0,1.max]", in: []string{"1.9999", "1.0-sp"}, out: []string{"2.0-alpha", "2"}},
		{name: "pre-release below inclusive lower", rng: "[3.2.0,)", in: []string{"3.2.0", "3.2.0.1"}, out: []string{"3.2.0-RC1", "3.2.0-SNAPSHOT", "3.2.0-M1"}},
		{name: "pre-release below exclusive upper", rng: "[2.1.0,2.4.0)", in: []string{"2.4.0-M1", "2.4.0-SNAPSHOT", "2.4-rc-1"}, out: []string{"2.4.0", "2.4.0.RELEASE"}},
		{name: "snapshot of inclusive upper", rng: "[2.5.1,2.7.14]", in: []string{"2.7.14-SNAPSHOT", "2.7.14.RELEASE"}, out: []string{"2.7.14-sp1", "2.7.14.1", "2.5.1-SNAPSHOT"}},
		{name: "equal forms", rng: "[2.17]", in: []string{"2.17.0", "2.17", "2.17-ga"}, out: []string{"2.17.1", "2.17-SNAPSHOT"}},
		{name: "open everything", rng: "(,)", in: []string{"", "0", "1.0-SNAPSHOT", "zzz", "1.max"}},
		{name: "empty sides", rng: "[1.0.0,]", in: []string{"1.0.0", "99"}, out: []string{"0.9"}},
		{name: "whitespace trimmed", rng: "[ 1.0 , 2.0 )", in: []string{"1.0", "1.5"}, out: []string{"2.0"}},
		{name: "union", rng: "(,1.0],[1.2,)", in: []string{"1.0", "1.2", "0.1", "3"}, out: []string{"1.1", "1.0.1"}},
		{name: "bare version matches nothing", rng: "1.2.3", out: []string{"1.2.3", "0"}},
		{name: "leading space makes it bare", rng: " [1.0,2.0)", out: []string{"1.5"}},
		{name: "empty exact version is 0", rng: "[]", in: []string{"0", "", "0.0"}, out: []string{"1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := ParseUnion(tt.rng)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range tt.in {
				if !u.Contains(ParseVersion(v)) {
					t.Errorf("%q should contain %q: %s", tt.rng, v, u.explain(ParseVersion(v)))
				}
			}
			for _, v := range tt.out {
				if u.Contains(ParseVersion(v)) {
					t.Errorf("%q should not contain %q", tt.rng, v)
				}
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in     string
		union  bool // parse with ParseUnion (else ParseRange)
		err    error
		offset int
	}{
		{"(1.2.3)", true, ErrSingleVersion, 0},
		{"[1.0,2.0", true, ErrUnbounded, 0},
		{"[1.0,2.0)x", true, ErrTrailing, 9},
		{"[1.0,2.0) , x", true, ErrTrailing, 12},
		{"[1.0,2.0),[3.0", true, ErrUnbounded, 10},
		{"[2.0,1.0]", true, ErrLowerAboveUpper, 1},
		{"[1,2,3]", true, ErrExtraComma, 4},
		{"[1.0,2.0),(3.0)", true, ErrSingleVersion, 10},
		{"[1.0),2.0]", true, ErrSingleVersion, 0}, // the segment ends at the first ')'
		{"1.0", false, ErrRangeStart, 0},
		{"[1.0", false, ErrRangeEnd, 3},
		{"[", false, ErrRangeEnd, 1},
		{"(1.0]", false, ErrSingleVersion, 0},
		{"[1.0,2.0)x", false, ErrRangeEnd, 9},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var err error
			if tt.union {
				_, err = ParseUnion(tt.in)
			} else {
				_, err = ParseRange(tt.in)
			}
			if !errors.Is(err, tt.err) {
				t.Fatalf("error %v, want %v", err, tt.err)
			}
			var re *RangeError
			if !errors.As(err, &re) {
				t.Fatalf("error %T is not a *RangeError", err)
			}
			if re.Offset != tt.offset || re.Input != tt.in {
				t.Errorf("offset %d input %q, want %d %q (%v)", re.Offset, re.Input, tt.offset, tt.in, err)
			}
			if !strings.Contains(err.Error(), tt.err.Error()) {
				t.Errorf("message %q does not say %q", err, tt.err)
			}
		})
	}
}

func TestTrailingMessage(t *testing.T) {
	_, err := ParseUnion("[1.0,2.0)x")
	if err == nil || !strings.Contains(err.Error(), "expected [ or (: got x") {
		t.Errorf("got %v", err)
	}
}

func TestRangeAcceptsWhatJavaAccepts(t *testing.T) {
	// These are odd but valid for GenericVersionRange.
	for _, s := range []string{"[]", "[,]", "(,)", "[1.*,)", "[*]", "[.*]", "[[1,2]", "[1.0, ]", "[ 1.2.* ]"} {
		if _, err := ParseRange(s); err != nil {
			t.Errorf("ParseRange(%q): %v", s, err)
		}
	}
	// "[1.*,)" has the literal lower bound 1.* (no wildcard in comma form).
	r, _ := ParseRange("[1.*,)")
	if r.Contains(ParseVersion("1.0.0.RELEASE")) || !r.Contains(ParseVersion("2.0.0.M5")) {
		t.Error("[1.*,) should use the literal version 1.* as lower bound")
	}
}

func TestStringRoundTrip(t *testing.T) {
	tests := map[string]string{
		"[2.5.1,2.7.14]":                      "[2.5.1,2.7.14]",
		"[4.4.0,4.4.0]":                       "[4.4.0]",
		"[ 2.3.* ]":                           "[2.3.*]",
		"(,)":                                 "(,)",
		"[1.0.0,]":                            "[1.0.0,)",
		"[,2.0]":                              "(,2.0]",
		"[2.11.0, 2.13.1),(2.13.1, 2.19.0]":   "[2.11.0,2.13.1),(2.13.1,2.19.0]",
		"[1.0,2.0) , [3.0,4.0)":               "[1.0,2.0),[3.0,4.0)",
		"[1.0,2.0),[1.0,2.0)":                 "[1.0,2.0)",
		"[1.*,1.*]":                           "[1.*,1.*]",
		"1.2.3":                               "",
		"[]":                                  "[]",
		"[1.0,1.0.0]":                         "[1.0,1.0.0]",
		"[2.3.*,2.5.*]":                       "[2.3.*,2.5.*]",
		"(2.13.1,2.19.0),[2.13.1.0,2.13.1.0]": "(2.13.1,2.19.0),[2.13.1.0]",
	}
	for in, want := range tests {
		u, err := ParseUnion(in)
		if err != nil {
			t.Fatalf("ParseUnion(%q): %v", in, err)
		}
		if got := u.String(); got != want {
			t.Errorf("ParseUnion(%q).String() = %q, want %q", in, got, want)
		}
		if u.Raw() != in {
			t.Errorf("Raw() = %q, want %q", u.Raw(), in)
		}
		back, err := ParseUnion(u.String())
		if err != nil || !back.Equal(u) {
			t.Errorf("%q -> %q does not re-parse equal (%v)", in, u.String(), err)
		}
	}
}

func TestUnionEqual(t *testing.T) {
	a, _ := ParseUnion("[1.0,2.0),[3.0,4.0)")
	b, _ := ParseUnion("[3.0.0,4),[1,2.0.0)")
	c, _ := ParseUnion("[1.0,2.0]")
	if !a.Equal(b) {
		t.Error("reordered equal unions differ")
	}
	if a.Equal(c) || c.Equal(a) {
		t.Error("different unions are equal")
	}
}

func TestExplainRange(t *testing.T) {
	tests := []struct{ rng, v, want string }{
		{"[2.5.1,2.7.14]", "2.7.15", "2.7.15 is above the upper bound 2.7.14 of [2.5.1,2.7.14]"},
		{"[2.5.1,2.7.14]", "2.5.0", "2.5.0 is below the lower bound 2.5.1 of [2.5.1,2.7.14]"},
		{"(2.13.1,2.19.0)", "2.13.1", "2.13.1 equals the excluded lower bound 2.13.1 of (2.13.1,2.19.0)"},
		{"[2.11.0,2.13.1)", "2.13.1.0", "2.13.1.0 equals the excluded upper bound 2.13.1 of [2.11.0,2.13.1)"},
		{"[1.0,2.0),[3.0,4.0)", "2.5", "2.5 is above the upper bound 2.0 of [1.0,2.0); 2.5 is below the lower bound 3.0 of [3.0,4.0)"},
		{"1.2.3", "1.2.3", `versionRange "1.2.3" holds no bracketed range, so it matches nothing (a bare version is not a range)`},
		{"[2.3.*]", "2.4", "2.4 is above every 2.3.* version of [2.3.*]"},
		{"[2.6.1,2.7.0)", "2.6.5", ""},
	}
	for _, tt := range tests {
		u, err := ParseUnion(tt.rng)
		if err != nil {
			t.Fatal(err)
		}
		if got := u.explain(ParseVersion(tt.v)); got != tt.want {
			t.Errorf("explain(%q, %q) = %q, want %q", tt.rng, tt.v, got, tt.want)
		}
	}
}

package adapters

import (
	"strings"
	"testing"
)

func FuzzParseVersion(f *testing.F) {
	for _, r := range readTSV(f, "version_vectors.tsv", 3) {
		f.Add(r[1], r[0])
	}
	for _, r := range readTSV(f, "generic_version_order.tsv", 3) {
		f.Add(r[0], r[2])
	}
	f.Add("1.max", "1.MIN")
	f.Add("1.\u0660\u0661", "1.01")
	f.Add("1.\u0130x", "1.ix")
	f.Fuzz(func(t *testing.T, a, b string) {
		va, vb := ParseVersion(a), ParseVersion(b)
		if va.String() != a {
			t.Fatalf("String() = %q, want %q", va.String(), a)
		}
		if c := Compare(va, va); c != 0 {
			t.Fatalf("Compare(%q, itself) = %d", a, c)
		}
		if c := Compare(va, ParseVersion(a)); c != 0 {
			t.Fatalf("Compare(%q, reparsed) = %d", a, c)
		}
		ab, ba := Compare(va, vb), Compare(vb, va)
		if ab != -ba || ab < -1 || ab > 1 {
			t.Fatalf("Compare(%q, %q) = %d but Compare(%q, %q) = %d", a, b, ab, b, a, ba)
		}
		_ = va.Canonical()
	})
}

// roundTrips reports whether String() of u is expected to re-parse to an
// equal union. It does not when a bound's text ends in ".*" inside an exact
// form, or contains characters the union splitter treats as syntax.
func roundTrips(u RangeUnion) bool {
	for _, r := range u.Ranges {
		for _, b := range []*Bound{r.Lower, r.Upper} {
			if b != nil && strings.ContainsAny(b.Version.raw, ",)]") {
				return false
			}
		}
	}
	return true
}

func FuzzParseUnion(f *testing.F) {
	for _, r := range readTSV(f, "version_vectors.tsv", 3) {
		f.Add(r[0], r[1])
	}
	for _, s := range []string{"[]", "[,]", "[.*]", "[*]", "[1.*,1.*]", "(,1.0],[1.2,)", "[1,2,3]", "[ 2.3.* ]", "[1.0,2.0),", "[[1,2]", "\x00[1]"} {
		f.Add(s, "1")
	}
	f.Fuzz(func(t *testing.T, s, v string) {
		u, err := ParseUnion(s)
		if err != nil {
			if _, ok := err.(*RangeError); !ok {
				t.Fatalf("error %T is not a *RangeError", err)
			}
			if e := err.(*RangeError); e.Offset < 0 || e.Offset > len(s) || e.Input != s {
				t.Fatalf("bad error position %d in %q", e.Offset, s)
			}
			_ = err.Error()
			return
		}
		ver := ParseVersion(v)
		in := u.Contains(ver)
		if (u.explain(ver) == "") != in {
			t.Fatalf("explain and Contains disagree on %q in %q", v, s)
		}
		if !roundTrips(u) {
			return
		}
		out := u.String()
		back, err := ParseUnion(out)
		if err != nil {
			t.Fatalf("%q -> String %q does not parse: %v", s, out, err)
		}
		if !back.Equal(u) {
			t.Fatalf("%q -> String %q re-parses to %q", s, out, back.String())
		}
		if back.Contains(ver) != in {
			t.Fatalf("%q and its String %q disagree on %q", s, out, v)
		}
	})
}

func FuzzLoad(f *testing.F) {
	f.Add(defaultMapping)
	for _, name := range []string{"mixed-rows.yaml", "no-version.yaml"} {
		f.Add(readTestdata(f, name))
	}
	f.Add([]byte("version: 1\nadapterMappings:\n  - matcher: &a {regexp: '(a'}\n    adapter: *a\n"))
	f.Add([]byte("a: &a [*a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, errs := Load("fuzz.yaml", data)
		if tab == nil {
			t.Fatal("nil table")
		}
		for _, err := range errs {
			if _, ok := err.(*LoadError); !ok {
				t.Fatalf("error %T", err)
			}
			_ = err.Error()
		}
		for i := range tab.Rows {
			r := &tab.Rows[i]
			if r.Line <= 0 || r.Adapter.ArtifactID == "" || r.Adapter.Version == "" {
				t.Fatalf("row %+v", r)
			}
			_ = tab.Explain(Coordinate{GroupID: r.GroupID, ArtifactID: r.ArtifactID, Version: "1.0"})
		}
	})
}

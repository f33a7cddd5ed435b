package adapters

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

func coord(ga, v string) Coordinate {
	g, a, _ := strings.Cut(ga, ":")
	return Coordinate{GroupID: g, ArtifactID: a, Version: v}
}

// TestDefaultTableVectors runs the vectors of Koupleless's own matcher tests
// (testdata/adapters/default_table_vectors.tsv) against the default table:
// each vector says whether a given row (1-based, as in
// testdata/adapters/adapter_table.md) matches.
func TestDefaultTableVectors(t *testing.T) {
	d := Default()
	rows := readTSV(t, "default_table_vectors.tsv", 4)
	if len(rows) != 76 {
		t.Fatalf("%d vectors, want 76", len(rows))
	}
	for _, r := range rows {
		n, err := strconv.Atoi(r[0])
		if err != nil {
			t.Fatal(err)
		}
		c := coord(r[1], r[2])
		t.Run(fmt.Sprintf("#%d %s", n, c), func(t *testing.T) {
			row := &d.Rows[n-1]
			matched := false
			for _, m := range d.Match(c) {
				if m.Row == row {
					matched = true
					if m.By != ByRange || m.Adapter != row.Adapter {
						t.Errorf("match %+v", m)
					}
				}
			}
			if matched != (r[3] == "match") {
				t.Errorf("row #%d %s %q on %s: matched=%v, want %s", n, row.Adapter.ArtifactID, row.VersionRange, c, matched, r[3])
			}
		})
	}
}

// TestDefaultTableAdapters checks whole-table outcomes: coordinates that
// trigger several rows, the same adapter reached by two rows, and versions
// no row covers.
func TestDefaultTableAdapters(t *testing.T) {
	tests := []struct {
		coords []Coordinate
		want   []string // adapter artifactIds, sorted
	}{
		{[]Coordinate{coord("org.springframework.boot:spring-boot", "2.3.12.RELEASE")},
			[]string{"koupleless-adapter-springboot-2.3", "koupleless-adaptor-module-resource-load-spring-boot-2.7.14"}},
		{[]Coordinate{coord("org.springframework.boot:spring-boot", "2.6.5")},
			[]string{"koupleless-adapter-spring-boot-logback-2.7.14", "koupleless-adaptor-module-resource-load-spring-boot-2.7.14"}},
		{[]Coordinate{coord("ch.qos.logback:logback-classic", "1.2.12"), coord("ch.qos.logback:logback-core", "1.2.12")},
			[]string{"koupleless-adapter-logback", "koupleless-adapter-logback-core-1.1.6"}},
		{[]Coordinate{coord("org.springframework.boot:spring-boot-starter-logging", "3.2.4"), coord("ch.qos.logback:logback-core", "1.4.14")},
			[]string{"koupleless-adapter-logback-core-1.4.12", "koupleless-adapter-logback-spring-starter-3.2"}},
		{[]Coordinate{coord("com.alibaba:dubbo", "2.6.12"), coord("com.alibaba:dubbo-dependencies-bom", "2.6.12")},
			[]string{"koupleless-adapter-dubbo-2.6"}},
		{[]Coordinate{coord("org.apache.dubbo:dubbo-common", "3.2.0")}, []string{"koupleless-adapter-dubbo-3.2"}},
		// gaps
		{[]Coordinate{coord("org.apache.logging.log4j:log4j-slf4j-impl", "2.13.1")}, nil},
		{[]Coordinate{coord("org.apache.logging.log4j:log4j-slf4j-impl", "2.19.0")}, nil},
		{[]Coordinate{coord("org.springframework.boot:spring-boot", "2.7.15")}, nil},
		{[]Coordinate{coord("org.apache.dubbo:dubbo", "3.2.0")}, nil},
		{[]Coordinate{coord("org.mybatis:mybatis", "3.5.14")}, nil},
		// coordinates are case-sensitive
		{[]Coordinate{coord("org.MyBatis:mybatis", "3.5.15")}, nil},
	}
	d := Default()
	for _, tt := range tests {
		var ms []Match
		for _, c := range tt.coords {
			ms = append(ms, d.Match(c)...)
		}
		var got []string
		for _, a := range Adapters(ms) {
			if a.GroupID != "com.alipay.sofa.koupleless" {
				t.Errorf("adapter groupId %s", a.GroupID)
			}
			got = append(got, a.ArtifactID)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%v -> %v, want %v", tt.coords, got, tt.want)
		}
	}
}

func TestAdaptersDedupAndSort(t *testing.T) {
	r1 := &Row{Index: 0}
	r2 := &Row{Index: 1}
	ms := []Match{
		{Row: r1, Adapter: Adapter{"g", "b", "1.10"}},
		{Row: r2, Adapter: Adapter{"g", "b", "1.9"}},
		{Row: r2, Adapter: Adapter{"g", "a", "1.0"}},
		{Row: r1, Adapter: Adapter{"g", "b", "1.10"}},
		{Row: r1, Adapter: Adapter{"f", "z", "1.0"}},
	}
	var got []string
	for _, a := range Adapters(ms) {
		got = append(got, a.String())
	}
	if want := "f:z:1.0 g:a:1.0 g:b:1.9 g:b:1.10"; strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
	if Adapters(nil) != nil {
		t.Error("Adapters(nil) should be nil")
	}
}

func TestRegexpRows(t *testing.T) {
	y := `version: 1.0
adapterMappings:
  - matcher: {regexp: ".*regexpArtifactId:1.*"}
    adapter: {groupId: g, artifactId: from-regexp}
  - matcher: {regexp: ".*spring-boot-starter-logging:3\\.(0|1).*"}
    adapter: {groupId: g, artifactId: logback-starter-3.0}
  - matcher: {regexp: "spring-boot"}
    adapter: {groupId: g, artifactId: partial-never-matches}
  - matcher: {regexp: "", groupId: com.x, artifactId: y, versionRange: "[1,2)"}
    adapter: {groupId: g, artifactId: empty-regexp-falls-back-to-range}
  - matcher: {regexp: "a)(b"}
    adapter: {groupId: g, artifactId: unbalanced}
`
	tab, errs := Load("r.yaml", []byte(y))
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "r.yaml:11: adapterMappings[4]: regexp") {
		t.Fatalf("errors %v", errs)
	}
	tests := []struct {
		c    Coordinate
		want string
	}{
		// the KouplelessAdapterConfigTest vector
		{Coordinate{"groupId", "regexpArtifactId", "1.0.0", "type", "classifier"}, "from-regexp"},
		{Coordinate{"groupId", "regexpArtifactId", "2.0.0", "", ""}, ""},
		{Coordinate{"org.springframework.boot", "spring-boot-starter-logging", "3.1.5", "", ""}, "logback-starter-3.0"},
		{Coordinate{"org.springframework.boot", "spring-boot-starter-logging", "3.2.0", "", ""}, ""},
		{Coordinate{"org.springframework.boot", "spring-boot", "2.0", "", ""}, ""},
		{Coordinate{"com.x", "y", "1.5", "", ""}, "empty-regexp-falls-back-to-range"},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range tab.Match(tt.c) {
			got = append(got, m.Adapter.ArtifactID)
		}
		if strings.Join(got, ",") != tt.want {
			t.Errorf("%v -> %v, want %q", tt.c, got, tt.want)
		}
	}
	ms := tab.Match(Coordinate{"groupId", "regexpArtifactId", "1.0.0", "type", "classifier"})
	if len(ms) != 1 || ms[0].By != ByRegexp || ms[0].Reason != `regexp ".*regexpArtifactId:1.*" matches groupId:regexpArtifactId:1.0.0:type:classifier` {
		t.Errorf("match %+v", ms)
	}
	// An empty type is Maven's default "jar".
	if got := (Coordinate{"g", "a", "1", "", ""}).regexpID(); got != "g:a:1:jar" {
		t.Errorf("regexpID %q", got)
	}
}

func TestExplain(t *testing.T) {
	d := Default()
	trials := d.Explain(coord("org.springframework.boot:spring-boot", "2.7.15"))
	var got []string
	for _, tr := range trials {
		got = append(got, fmt.Sprintf("#%d %v %s", tr.Row.Index+1, tr.Matched, tr.Reason))
	}
	want := []string{
		"#24 false 2.7.15 is above the upper bound 2.7.14 of [2.5.1,2.7.14]",
		"#25 false 2.7.15 is above every 2.3.* version of [2.3.*]",
		"#26 false 2.7.15 is above the upper bound 2.7.14 of [2.1.0,2.7.14]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Explain:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	trials = d.Explain(coord("org.springframework.boot:spring-boot", "2.3.5.RELEASE"))
	got = got[:0]
	for _, tr := range trials {
		got = append(got, fmt.Sprintf("#%d %v %v %s", tr.Row.Index+1, tr.Matched, tr.By, tr.Reason))
	}
	want = []string{
		"#24 false none 2.3.5.RELEASE is below the lower bound 2.5.1 of [2.5.1,2.7.14]",
		"#25 true versionRange 2.3.5.RELEASE is in [2.3.*]",
		"#26 true versionRange 2.3.5.RELEASE is in [2.1.0,2.7.14]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Explain:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	if tr := d.Explain(coord("com.example:unknown", "1.0")); len(tr) != 0 {
		t.Errorf("unrelated coordinate has trials %v", tr)
	}

	// Regexp rows are always candidates; a bare versionRange is explained.
	tab, errs := Load("x.yaml", []byte(`version: 1
adapterMappings:
  - matcher: {regexp: ".*:legacy:1\\..*"}
    adapter: {groupId: g, artifactId: legacy}
  - matcher: {groupId: com.example, artifactId: lib, versionRange: "1.2.3"}
    adapter: {groupId: g, artifactId: bare}
  - matcher: {groupId: com.example, artifactId: lib}
    adapter: {groupId: g, artifactId: no-range}
`))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	got = got[:0]
	for _, tr := range tab.Explain(coord("com.example:lib", "1.2.3")) {
		got = append(got, fmt.Sprintf("%s %v %s", tr.Row.Adapter.ArtifactID, tr.Matched, tr.Reason))
	}
	want = []string{
		`legacy false regexp ".*:legacy:1\\..*" does not match com.example:lib:1.2.3:jar`,
		`bare false versionRange "1.2.3" holds no bracketed range, so it matches nothing (a bare version is not a range)`,
		`no-range false the row has no versionRange, so it never matches by version`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Explain:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestNilTable(t *testing.T) {
	var tab *Table
	if tab.Match(Coordinate{}) != nil || tab.Explain(Coordinate{}) != nil {
		t.Error("nil table should match nothing")
	}
}

func ExampleTable_Match() {
	ms := Default().Match(Coordinate{GroupID: "org.springframework.boot", ArtifactID: "spring-boot", Version: "2.6.5"})
	for _, m := range ms {
		fmt.Println(m.Row.Where(), m.Adapter, "-", m.Reason)
	}
	// Output:
	// default-mapping.yaml:95 com.alipay.sofa.koupleless:koupleless-adapter-spring-boot-logback-2.7.14:1.2.3 - 2.6.5 is in [2.5.1,2.7.14]
	// default-mapping.yaml:103 com.alipay.sofa.koupleless:koupleless-adaptor-module-resource-load-spring-boot-2.7.14:1.2.7 - 2.6.5 is in [2.1.0,2.7.14]
}

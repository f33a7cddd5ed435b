package adapters

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "adapters", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestDefaultTableMatchesSpec checks the embedded table row by row against
// the human-readable table in testdata/adapters/adapter_table.md, taken from
// the Koupleless adapter-mapping.yaml files.
func TestDefaultTableMatchesSpec(t *testing.T) {
	d := Default()
	if len(d.Rows) != 26 {
		t.Fatalf("default table has %d rows, want 26", len(d.Rows))
	}
	firstCode := regexp.MustCompile("`([^`]*)`")
	lines := strings.Split(strings.TrimSpace(string(readTestdata(t, "adapter_table.md"))), "\n")
	if len(lines) != 26 {
		t.Fatalf("adapter_table.md has %d rows", len(lines))
	}
	for i, line := range lines {
		cells := strings.Split(line, " | ")
		code := func(c int) string {
			m := firstCode.FindStringSubmatch(cells[c])
			if m == nil {
				t.Fatalf("row %d cell %d: no code in %q", i+1, c, cells[c])
			}
			return m[1]
		}
		row := d.Rows[i]
		want := Row{
			GroupID:      code(1),
			ArtifactID:   code(2),
			VersionRange: strings.Trim(code(3), `"`),
			Adapter:      Adapter{GroupID: "com.alipay.sofa.koupleless", ArtifactID: code(4), Version: strings.TrimSpace(cells[5])},
		}
		if row.GroupID != want.GroupID || row.ArtifactID != want.ArtifactID || row.VersionRange != want.VersionRange || row.Adapter != want.Adapter {
			t.Errorf("row #%d = %s:%s %q -> %v, want %s:%s %q -> %v", i+1,
				row.GroupID, row.ArtifactID, row.VersionRange, row.Adapter,
				want.GroupID, want.ArtifactID, want.VersionRange, want.Adapter)
		}
		if row.Source != DefaultSource || row.Index != i || row.Line != 3+4*i {
			t.Errorf("row #%d position %s index %d, want line %d index %d", i+1, row.Where(), row.Index, 3+4*i, i)
		}
		if !strings.HasSuffix(row.Origin, "/conf/adapter-mapping.yaml") || !strings.HasPrefix(row.Origin, code(4)+"/") {
			t.Errorf("row #%d origin %q", i+1, row.Origin)
		}
		if row.HasRegexp || len(row.Range.Ranges) != 1 {
			t.Errorf("row #%d: regexp %v, %d ranges", i+1, row.HasRegexp, len(row.Range.Ranges))
		}
	}
}

func TestDefaultIsACopy(t *testing.T) {
	a := Default()
	a.Rows[0].GroupID = "changed"
	a.Rows = a.Rows[:1]
	if b := Default(); len(b.Rows) != 26 || b.Rows[0].GroupID != "com.ctrip.framework.apollo" {
		t.Error("Default() shares state between calls")
	}
}

func TestLoadMixedRows(t *testing.T) {
	tab, errs := Load("conf/ark/adapter-mapping.yaml", readTestdata(t, "mixed-rows.yaml"))
	wantErrs := []struct {
		line, index int
		reason      string
	}{
		{14, 1, "lower bound must not be greater than upper bound"},
		{19, 2, "no groupId"},
		{25, 3, "does not compile as RE2"},
		{29, 4, "missing adapter"},
		{42, 6, `unknown matcher key "versionrange"`},
		{48, 8, "expected [ or (: got x"},
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("got %d errors, want %d: %v", len(errs), len(wantErrs), errs)
	}
	for i, w := range wantErrs {
		var le *LoadError
		if !errors.As(errs[i], &le) {
			t.Fatalf("error %d is %T", i, errs[i])
		}
		if le.File != "conf/ark/adapter-mapping.yaml" || le.Line != w.line || le.Index != w.index || !strings.Contains(le.Reason, w.reason) {
			t.Errorf("error %d = %v; want line %d index %d reason containing %q", i, le, w.line, w.index, w.reason)
		}
		if !strings.HasPrefix(le.Error(), "conf/ark/adapter-mapping.yaml:") {
			t.Errorf("error text %q does not start with file:line", le.Error())
		}
	}
	if !errors.Is(errs[0], ErrLowerAboveUpper) || !errors.Is(errs[5], ErrTrailing) {
		t.Errorf("range errors are not reachable with errors.Is: %v", errs)
	}
	// The good rows still load.
	var got []string
	for _, r := range tab.Rows {
		got = append(got, r.Where()+" "+r.Adapter.String())
	}
	want := []string{
		"conf/ark/adapter-mapping.yaml:4 com.example.adapters:good-lib-adapter:2.0.1",
		"conf/ark/adapter-mapping.yaml:33 com.example.adapters:legacy-adapter:0.9.0",
		"conf/ark/adapter-mapping.yaml:46 com.example.adapters:bare-adapter:2.0.1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestLoadNoTopLevelVersion(t *testing.T) {
	tab, errs := Load("no-version.yaml", readTestdata(t, "no-version.yaml"))
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "no-version.yaml:3: adapterMappings[0]: adapter has no version") {
		t.Errorf("errors %v", errs)
	}
	if len(tab.Rows) != 1 || tab.Rows[0].Adapter.Version != "3.1.0" {
		t.Errorf("rows %+v", tab.Rows)
	}
}

func TestLoadFileLevel(t *testing.T) {
	tests := []struct {
		name, yaml string
		rows       int
		err        string
	}{
		{"empty", "", 0, ""},
		{"comment only", "# nothing\n", 0, ""},
		{"null", "~\n", 0, ""},
		{"no mappings", "version: 1.0\n", 0, ""},
		{"null mappings", "version: 1.0\nadapterMappings:\n", 0, ""},
		{"syntax error", "version: 1.0\nadapterMappings: [\n", 0, "f.yaml:2: yaml: line 2:"},
		{"not a mapping", "- a\n- b\n", 0, "f.yaml:1: top level is not a mapping"},
		{"mappings not a list", "adapterMappings: {a: b}\n", 0, "f.yaml:1: adapterMappings is not a list"},
		{"row not a mapping", "version: 1\nadapterMappings:\n  - just text\n", 0, "f.yaml:3: adapterMappings[0]: mapping is not a YAML mapping"},
		{"matcher not a mapping", "version: 1\nadapterMappings:\n  - matcher: x\n    adapter: {groupId: g, artifactId: a}\n", 0, "matcher is not a mapping"},
		{"adapter without artifactId", "version: 1\nadapterMappings:\n  - matcher: {groupId: g, artifactId: a, versionRange: '(,)'}\n    adapter: {groupId: g}\n", 0, "adapter needs groupId and artifactId"},
		{"non-scalar range", "version: 1\nadapterMappings:\n  - matcher: {groupId: g, artifactId: a, versionRange: [1, 2]}\n    adapter: {groupId: g, artifactId: a}\n", 0, "matcher.versionRange is not a scalar"},
		{"aliases", "version: 1\nm: &m {groupId: g, artifactId: a, versionRange: '[1,2)'}\nadapterMappings:\n  - matcher: *m\n    adapter: {groupId: g, artifactId: x}\n", 1, ""},
		{"commonDependencies ignored", "version: 1\ncommonDependencies:\n  - {groupId: g, artifactId: c}\nadapterMappings:\n  - matcher: {groupId: g, artifactId: a, versionRange: '[1,2)'}\n    adapter: {groupId: g, artifactId: x, scope: compile}\n", 1, ""},
		{"numeric version scalars", "version: 1.20\nadapterMappings:\n  - matcher: {groupId: g, artifactId: a, versionRange: '[1,2)'}\n    adapter: {groupId: g, artifactId: x}\n", 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, errs := Load("f.yaml", []byte(tt.yaml))
			if tab == nil {
				t.Fatal("nil table")
			}
			if len(tab.Rows) != tt.rows {
				t.Errorf("%d rows, want %d", len(tab.Rows), tt.rows)
			}
			if tt.err == "" {
				if len(errs) != 0 {
					t.Errorf("unexpected errors %v", errs)
				}
				return
			}
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.err) {
				t.Errorf("errors %v, want one containing %q", errs, tt.err)
			}
		})
	}
	tab, _ := Load("f.yaml", []byte("version: 1.20\nadapterMappings:\n  - matcher: {groupId: g, artifactId: a, versionRange: '[1,2)'}\n    adapter: {groupId: g, artifactId: x}\n"))
	if v := tab.Rows[0].Adapter.Version; v != "1.20" {
		t.Errorf("version %q, want the YAML text 1.20", v)
	}
}

func TestConfigVersionOverridesTopLevel(t *testing.T) {
	y := "version: 1.0.0\nadapterMappings:\n" +
		"  - configVersion: \"1.2.7\"\n    matcher: {groupId: g, artifactId: a, versionRange: '(,)'}\n    adapter: {groupId: g, artifactId: x}\n" +
		"  - matcher: {groupId: g, artifactId: b, versionRange: '(,)'}\n    adapter: {groupId: g, artifactId: y}\n" +
		"  - configVersion: \"1.2.7\"\n    matcher: {groupId: g, artifactId: c, versionRange: '(,)'}\n    adapter: {groupId: g, artifactId: z, version: 9}\n"
	tab, errs := Load("f.yaml", []byte(y))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, r := range tab.Rows {
		got = append(got, r.Adapter.Version)
	}
	if strings.Join(got, " ") != "1.2.7 1.0.0 9" {
		t.Errorf("versions %v", got)
	}
}

func TestUnionTables(t *testing.T) {
	custom, errs := Load("custom.yaml", []byte("version: 5.0\nadapterMappings:\n  - matcher: {groupId: org.springframework.boot, artifactId: spring-boot, versionRange: '[2.0,3.0)'}\n    adapter: {groupId: com.example, artifactId: my-boot-adapter}\n"))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	u := Union(Default(), nil, custom)
	if len(u.Rows) != 27 {
		t.Fatalf("%d rows", len(u.Rows))
	}
	ms := u.Match(Coordinate{GroupID: "org.springframework.boot", ArtifactID: "spring-boot", Version: "2.6.5"})
	var where []string
	for _, m := range ms {
		where = append(where, m.Row.Where())
	}
	want := "default-mapping.yaml:95 default-mapping.yaml:103 custom.yaml:3"
	if strings.Join(where, " ") != want {
		t.Errorf("matched rows %v, want %s", where, want)
	}
}

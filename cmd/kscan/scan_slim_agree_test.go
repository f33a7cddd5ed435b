package main

import (
	"archive/zip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// slimVerdicts runs kscan slim --format json and returns, per module, its
// reported verdicts as "rule level dependency" (and "module-class-unresolvable
// error class" for each class that resolves nowhere), sorted.
func slimVerdicts(t *testing.T, dir string, args ...string) []string {
	t.Helper()
	r := kscan(t, dir, append([]string{"slim", "--format", "json", "--fail-on", "none"}, args...)...)
	if r.code != 0 {
		t.Fatalf("kscan slim %v: exit %d\n%s", args, r.code, r.stderr)
	}
	var plans []struct {
		Dependencies []struct{ Dependency, Rule, Level string }
		Unresolved   []struct{ Class string } `json:"unresolvedClasses"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &plans); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, pl := range plans {
		for _, d := range pl.Dependencies {
			if d.Rule != "" {
				out = append(out, d.Rule+" "+d.Level+" "+d.Dependency)
			}
		}
		for _, u := range pl.Unresolved {
			out = append(out, "module-class-unresolvable error "+u.Class)
		}
	}
	sort.Strings(out)
	return out
}

// scanVerdicts runs kscan scan --format json and returns the slimming
// findings whose place is under module, in slimVerdicts' form.
func scanVerdicts(t *testing.T, dir, module string, args ...string) []string {
	t.Helper()
	r := kscan(t, dir, append([]string{"scan", "--format", "json", "--fail-on", "none"}, args...)...)
	if r.code != 0 {
		t.Fatalf("kscan scan %v: exit %d\n%s", args, r.code, r.stderr)
	}
	var rep struct {
		Findings []struct {
			RuleID, Level, Path string
			Properties          map[string]string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range rep.Findings {
		if !slimRules[f.RuleID] || f.Path != module && !strings.HasPrefix(f.Path, module+"/") {
			continue
		}
		what := f.Properties["dependency"]
		if f.RuleID == "module-class-unresolvable" {
			what = f.Properties["class"]
		}
		if what == "" {
			t.Errorf("%s finding at %s names no dependency or class: %v", f.RuleID, f.Path, f.Properties)
		}
		out = append(out, f.RuleID+" "+f.Level+" "+what)
	}
	sort.Strings(out)
	return out
}

// kscan scan and kscan slim judge a module the same way, dependency by
// dependency, whether the module is a source tree or an ark-biz jar and
// whether its base is given with --base or lies in the scanned tree.
func TestScanAgreesWithSlim(t *testing.T) {
	tests := []struct {
		dir, base string
		modules   []string
		mustHave  []string // verdicts the samples are built to show
	}{
		{"testdata/slim/tree", "base-app", []string{"biz-props", "biz-pom", "biz-declared"},
			[]string{"slimmed-but-missing-in-base", "packaged-but-base-provides"}},
		{"testdata/slim/gradle", "base-app", []string{"biz-groovy", "biz-kts"}, nil},
		{"testdata/slim/jars", "base-app.jar", []string{"biz-wildcard-1.0.0-ark-biz.jar", "biz-clean-1.0.0-ark-biz.jar"},
			[]string{"slimmed-but-missing-in-base", "slimmed-version-skew", "packaged-but-base-provides", "module-class-unresolvable"}},
	}
	for _, tc := range tests {
		var all []string
		for _, m := range tc.modules {
			mod, base := tc.dir+"/"+m, tc.dir+"/"+tc.base
			want := slimVerdicts(t, "", "--base", base, mod)
			all = append(all, want...)
			for _, args := range [][]string{{"--base", base, mod}, {tc.dir}} {
				if got := scanVerdicts(t, "", mod, args...); strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("%s: scan %v:\n got %q\nwant %q (kscan slim)", mod, args, got, want)
				}
			}
		}
		joined := strings.Join(all, "\n")
		for _, rule := range tc.mustHave {
			if !strings.Contains(joined, rule+" ") {
				t.Errorf("%s: kscan slim reports no %s: the comparison proves less than meant\n%s", tc.dir, rule, joined)
			}
		}
	}
}

// A dependency the biz's pom declares that lib/ lacks although no pattern
// removed it: kscan slim cannot tell why it is absent and judges it
// unknown, never slimmed-but-missing-in-base; the scan agrees. Every
// finding from the biz's own pom stays on the jar with no line, and names
// the pom entry and the setting as properties.
func TestScanBizJarAsSlim(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(repoRoot(t), "testdata/slim/jars")
	copyJar(t, filepath.Join(src, "biz-clean-1.0.0-ark-biz.jar"), filepath.Join(dir, "biz-ghost-ark-biz.jar"), func(name string, data []byte) []byte {
		if name != "META-INF/maven/com.acme/biz-clean/pom.xml" {
			return data
		}
		return []byte(strings.Replace(string(data), "<dependencies>", "<dependencies>\n    <dependency>\n      <groupId>com.acme</groupId>\n      <artifactId>ghost</artifactId>\n      <version>1.0</version>\n    </dependency>", 1))
	})
	copyJar(t, filepath.Join(src, "biz-wildcard-1.0.0-ark-biz.jar"), filepath.Join(dir, "biz-wildcard-ark-biz.jar"), nil)
	base := filepath.Join(src, "base-app.jar")

	r := kscan(t, dir, "slim", "--format", "json", "--fail-on", "none", "--base", base, "biz-ghost-ark-biz.jar")
	var plans []struct {
		Dependencies []struct{ Dependency, Verdict string }
	}
	json.Unmarshal([]byte(r.stdout), &plans)
	ghost := ""
	for _, pl := range plans {
		for _, d := range pl.Dependencies {
			if d.Dependency == "com.acme:ghost:1.0" {
				ghost = d.Verdict
			}
		}
	}
	if ghost != "unknown" {
		t.Fatalf("kscan slim does not judge the ghost dependency unknown: the case is not exercised\n%s%s", r.stdout, r.stderr)
	}
	for _, m := range []string{"biz-ghost-ark-biz.jar", "biz-wildcard-ark-biz.jar"} {
		want := slimVerdicts(t, dir, "--base", base, m)
		if got := scanVerdicts(t, dir, m, "--base", base, m); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q (kscan slim)", m, got, want)
		}
	}

	r = kscan(t, dir, "scan", "--format", "sarif", "--fail-on", "none", "--base", base, "biz-wildcard-ark-biz.jar")
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID     string
				Properties map[string]string
				Locations  []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           *struct{ StartLine int }
					}
				}
				RelatedLocations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           *struct{ StartLine int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("sarif: %v\n%s", err, r.stderr)
	}
	seen := map[string]bool{}
	for _, res := range log.Runs[0].Results {
		if res.RuleID != "slimmed-but-missing-in-base" && res.RuleID != "slimmed-version-skew" {
			continue
		}
		seen[res.RuleID] = true
		if len(res.Locations) != 1 || res.Locations[0].PhysicalLocation.ArtifactLocation.URI != "biz-wildcard-ark-biz.jar" || res.Locations[0].PhysicalLocation.Region != nil {
			t.Errorf("%s: location %+v, want the biz jar with no region", res.RuleID, res.Locations)
		}
		for _, rl := range res.RelatedLocations {
			if strings.Contains(rl.PhysicalLocation.ArtifactLocation.URI, ".jar") && rl.PhysicalLocation.Region != nil {
				t.Errorf("%s: a related location claims a line of an archive: %+v", res.RuleID, rl)
			}
		}
		if !strings.HasPrefix(res.Properties["declaredAt"], "biz-wildcard-ark-biz.jar!/META-INF/maven/com.acme/biz-wildcard/pom.xml:") ||
			!strings.HasPrefix(res.Properties["leftToBaseBy"], "biz-wildcard-ark-biz.jar!/META-INF/maven/com.acme/biz-wildcard/pom.xml:51 excludeGroupIds ") {
			t.Errorf("%s: properties %v lack the pom entry and the setting", res.RuleID, res.Properties)
		}
	}
	if !seen["slimmed-but-missing-in-base"] || !seen["slimmed-version-skew"] {
		t.Errorf("the scan of the biz jar misses slimming verdicts: %v", seen)
	}
}

// copyJar copies a zip, passing each entry's bytes through edit (nil: as is).
func copyJar(t *testing.T, from, to string, edit func(name string, data []byte) []byte) {
	t.Helper()
	zr, err := zip.OpenReader(from)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	zw := zip.NewWriter(out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if edit != nil {
			data = edit(f.Name, data)
		}
		// Nested jars are stored, as the plugin writes them.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: f.Method, Modified: f.Modified})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

// On a biz jar with its base given apart, the scan's message for a library
// the base also has is kscan slim's reason, the bytes it would save included.
func TestScanBizJarSizesAsSlim(t *testing.T) {
	const base, biz = "testdata/slim/jars/base-app.jar", "testdata/slim/jars/biz-wildcard-1.0.0-ark-biz.jar"
	r := kscan(t, "", "slim", "--format", "json", "--fail-on", "none", "--base", base, biz)
	var plans []struct {
		Dependencies []struct{ Dependency, Rule, Reason string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &plans); err != nil || len(plans) != 1 {
		t.Fatalf("slim: %v\n%s", err, r.stderr)
	}
	want := map[string]string{}
	for _, d := range plans[0].Dependencies {
		if d.Rule == "packaged-but-base-provides" {
			want[d.Dependency] = d.Reason
		}
	}
	if len(want) == 0 || !strings.Contains(strings.Join(mapValues(want), " "), " MiB") {
		t.Fatalf("slim reports no packaged-but-base-provides with a size: %v", want)
	}
	r = kscan(t, "", "scan", "--format", "json", "--fail-on", "none", "--rule", "packaged-but-base-provides", "--base", base, biz)
	var rep struct {
		Findings []struct {
			Message    string
			Properties map[string]string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range rep.Findings {
		got[f.Properties["dependency"]] = f.Message
	}
	for dep, reason := range want {
		if got[dep] != reason {
			t.Errorf("%s:\n scan %q\n slim %q", dep, got[dep], reason)
		}
	}
}

func mapValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

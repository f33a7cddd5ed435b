package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// baselineInput is richInput compared with a baseline: findings 0 and 2
// were in it, 1 and 3 are new, and three of its entries are gone (one of
// a rule no longer declared, one without a line).
func baselineInput() *Input {
	in := richInput()
	in.Baseline = &Baseline{
		File:   ".kscan-baseline.json",
		States: []string{BaselineUnchanged, BaselineNew, BaselineUnchanged, BaselineNew},
		Absent: []AbsentFinding{
			{RuleID: "static-mutable-state", Path: "src/main/java/com/acme/Old.java", Line: 9, Message: "Static field HITS is written after initialisation.", Fingerprint: "aaaaaaaaaaaaaaaa:1"},
			{RuleID: "retired-rule", Path: "src/main/java/com/acme/Gone Too.java", Line: 2, Message: "from a rule not run today", Fingerprint: "bbbbbbbbbbbbbbbb:2"},
			{RuleID: "class-forname-caller-loader", Path: "lib/old.jar", Message: "in a jar", Fingerprint: "cccccccccccccccc:1"},
		},
	}
	in.DiffBase = &DiffBase{Ref: "origin/main", MergeBase: "0123456789abcdef0123456789abcdef01234567"}
	return in
}

func TestSARIFBaseline(t *testing.T) {
	in := baselineInput()
	out := sarifBytes(t, in)
	if err := validate(t, out); err != nil {
		t.Fatalf("schema: %v", err)
	}
	checkGolden(t, "baseline.sarif", out)
	doc := decode(t, out)
	res := results(doc)
	if len(res) != len(in.Findings)+len(in.Baseline.Absent) {
		t.Fatalf("%d results, want %d findings and %d absent", len(res), len(in.Findings), len(in.Baseline.Absent))
	}
	for i, st := range in.Baseline.States {
		if got := str(res[i], "baselineState"); got != st {
			t.Errorf("result %d: baselineState %q, want %q", i, got, st)
		}
		if _, ok := res[i].(map[string]any)["kind"]; ok {
			t.Errorf("result %d: a finding has a kind (default fail is meant)", i)
		}
	}
	for j, a := range in.Baseline.Absent {
		r := res[len(in.Findings)+j].(map[string]any)
		if str(r, "baselineState") != BaselineAbsent || str(r, "kind") != "pass" || str(r, "level") != "none" ||
			str(r, "ruleId") != a.RuleID || str(r, "message", "text") != a.Message {
			t.Errorf("absent result %d = %v", j, r)
		}
		fp := r["partialFingerprints"].(map[string]any)
		if fp[FingerprintKey] != a.Fingerprint {
			t.Errorf("absent result %d: fingerprints %v", j, fp)
		}
		if _, ok := fp["primaryLocationLineHash"]; ok {
			t.Errorf("absent result %d carries primaryLocationLineHash, which would keep a closed alert open", j)
		}
		loc := r["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
		_, hasRegion := loc["region"]
		if hasRegion != (a.Line > 0) {
			t.Errorf("absent result %d: region %v for line %d", j, loc["region"], a.Line)
		}
		_, hasIndex := r["ruleIndex"]
		if hasIndex != (a.RuleID != "retired-rule") {
			t.Errorf("absent result %d: ruleIndex %v", j, r["ruleIndex"])
		}
	}
	props := run0(doc)["properties"].(map[string]any)
	b := props["kscan.baseline"].(map[string]any)
	if b["file"] != ".kscan-baseline.json" || b["new"] != json.Number("2") || b["unchanged"] != json.Number("2") || b["absent"] != json.Number("3") {
		t.Errorf("kscan.baseline = %v", b)
	}
	if str(props, "kscan.diffBase", "ref") != "origin/main" {
		t.Errorf("kscan.diffBase = %v", props["kscan.diffBase"])
	}
	if _, ok := richInput().Properties["kscan.baseline"]; ok {
		t.Error("the input's properties were changed")
	}
}

// With suppressions, absent results get "suppressions": [] like every
// other result (SARIF §3.27.23), and the whole stays schema-valid.
func TestSARIFBaselineWithSuppressions(t *testing.T) {
	in := baselineInput()
	in.Suppressions = suppressedInput().Suppressions
	out := sarifBytes(t, in)
	if err := validate(t, out); err != nil {
		t.Fatalf("schema: %v", err)
	}
	for i, r := range results(decode(t, out)) {
		if _, ok := r.(map[string]any)["suppressions"]; !ok {
			t.Errorf("result %d has no suppressions array", i)
		}
	}
}

func TestBaselineValidation(t *testing.T) {
	tests := map[string]func(in *Input){
		"too few states":  func(in *Input) { in.Baseline.States = in.Baseline.States[:2] },
		"bad state":       func(in *Input) { in.Baseline.States[0] = "absent" },
		"absent, no path": func(in *Input) { in.Baseline.Absent[0].Path = "" },
	}
	for name, breakIt := range tests {
		t.Run(name, func(t *testing.T) {
			for format, write := range map[string]func(*Input) error{
				"sarif": func(in *Input) error { return SARIF(&bytes.Buffer{}, in) },
				"json":  func(in *Input) error { return JSON(&bytes.Buffer{}, in) },
				"text":  func(in *Input) error { return Text(&bytes.Buffer{}, in, TextOptions{}) },
			} {
				in := baselineInput()
				breakIt(in)
				if err := write(in); err == nil {
					t.Errorf("%s accepted it", format)
				}
			}
		})
	}
}

func TestJSONBaseline(t *testing.T) {
	in := baselineInput()
	out := jsonBytes(t, in)
	checkGolden(t, "baseline.json", out)
	doc := decode(t, out)
	for i, f := range doc["findings"].([]any) {
		if got := str(f, "baselineState"); got != in.Baseline.States[i] {
			t.Errorf("finding %d: baselineState %q", i, got)
		}
	}
	b := doc["baseline"].(map[string]any)
	if b["new"] != json.Number("2") || b["unchanged"] != json.Number("2") || len(b["absent"].([]any)) != 3 {
		t.Errorf("baseline = %v", b)
	}
	if str(doc, "diffBase", "mergeBase") != in.DiffBase.MergeBase {
		t.Errorf("diffBase = %v", doc["diffBase"])
	}
	// Without a baseline there is no state and no baseline object.
	plain := decode(t, jsonBytes(t, richInput()))
	if _, ok := plain["baseline"]; ok {
		t.Error("baseline object without a baseline")
	}
	if strings.Contains(string(jsonBytes(t, richInput())), "baselineState") {
		t.Error("baselineState without a baseline")
	}
}

func TestTextBaseline(t *testing.T) {
	in := baselineInput()
	out := string(textBytes(t, in, TextOptions{}))
	checkGolden(t, "baseline.txt", []byte(out))
	if strings.Contains(out, "Cache.java") || strings.Contains(out, "Ünï Code.java") {
		t.Errorf("unchanged findings listed by default:\n%s", out)
	}
	if !strings.Contains(out, "Loader.java") || !strings.Contains(out, "lib/a.jar") {
		t.Errorf("new findings missing:\n%s", out)
	}
	if strings.Contains(out, "Old.java") {
		t.Errorf("absent findings listed by default:\n%s", out)
	}
	wantTail := "2 new, 2 unchanged (baseline .kscan-baseline.json), 3 absent\n" +
		"2 new findings (1 error, 1 warning) in 2 files on lines changed since origin/main; 120 files scanned (35 parsed) in 0.42s; 2 input problems, 1 notice\n"
	if !strings.HasSuffix(out, wantTail) {
		t.Errorf("summary:\n%s\nwant suffix:\n%s", out, wantTail)
	}

	all := string(textBytes(t, in, TextOptions{ShowUnchanged: true}))
	checkGolden(t, "baseline-all.txt", []byte(all))
	for _, want := range []string{"Cache.java", "(in the baseline)", "Absent since the baseline (.kscan-baseline.json):",
		"src/main/java/com/acme/Old.java:9  static-mutable-state  Static field HITS", "lib/old.jar  class-forname-caller-loader"} {
		if !strings.Contains(all, want) {
			t.Errorf("--show-unchanged output lacks %q:\n%s", want, all)
		}
	}
	if !strings.Contains(all, "\n4 findings (") {
		t.Errorf("--show-unchanged summary counts every listed finding:\n%s", all)
	}

	none := baselineInput()
	none.Baseline.States = []string{BaselineUnchanged, BaselineUnchanged, BaselineUnchanged, BaselineUnchanged}
	none.DiffBase = nil
	out = string(textBytes(t, none, TextOptions{}))
	if !strings.Contains(out, "0 new, 4 unchanged (baseline .kscan-baseline.json), 3 absent\nNo new findings.\n") {
		t.Errorf("all unchanged:\n%s", out)
	}
}

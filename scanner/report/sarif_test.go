package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/kscan/kscan/scanner/finding"
)

const schemaPath = "../../testdata/sarif/sarif-schema-2.1.0.json"

var (
	schemaOnce sync.Once
	schema     *jsonschema.Schema
	schemaErr  error
)

func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	schemaOnce.Do(func() {
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		schema, schemaErr = c.Compile(schemaPath)
	})
	if schemaErr != nil {
		t.Fatalf("compiling the SARIF schema: %v", schemaErr)
	}
	return schema
}

func validate(t *testing.T, doc []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	return sarifSchema(t).Validate(inst)
}

func sarifBytes(t *testing.T, in *Input) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := SARIF(&buf, in); err != nil {
		t.Fatalf("SARIF: %v", err)
	}
	return buf.Bytes()
}

func suppressedInput() *Input {
	in := richInput()
	in.Suppressions = map[int][]Suppression{
		1: {{Kind: SuppressionInSource, Justification: "loader is set by the caller"}},
		3: {{Kind: SuppressionExternal, Status: StatusUnderReview}},
	}
	return in
}

var sarifCases = map[string]func() *Input{
	"rich":       richInput,
	"clean":      cleanInput,
	"suppressed": suppressedInput,
	"no-root-no-rules": func() *Input {
		return &Input{Tool: Tool{Name: "kscan"}}
	},
}

func TestSARIFSchemaValid(t *testing.T) {
	for name, mk := range sarifCases {
		t.Run(name, func(t *testing.T) {
			if err := validate(t, sarifBytes(t, mk())); err != nil {
				t.Errorf("schema: %v", err)
			}
		})
	}
}

// The validator must be able to fail, or the test above proves nothing.
func TestSchemaRejectsBrokenSARIF(t *testing.T) {
	good := sarifBytes(t, richInput())
	breakages := map[string]func(doc map[string]any){
		"null suppression status": func(doc map[string]any) {
			res := results(doc)[0].(map[string]any)
			res["suppressions"] = []any{map[string]any{"kind": "inSource", "status": nil}}
		},
		"null shortDescription": func(doc map[string]any) {
			driverRules(doc)[0].(map[string]any)["shortDescription"] = nil
		},
		"bad level": func(doc map[string]any) {
			results(doc)[0].(map[string]any)["level"] = "fatal"
		},
		"fix without changes": func(doc map[string]any) {
			results(doc)[1].(map[string]any)["fixes"] = []any{map[string]any{"artifactChanges": []any{}}}
		},
		"line zero": func(doc map[string]any) {
			loc := results(doc)[0].(map[string]any)["locations"].([]any)[0].(map[string]any)
			loc["physicalLocation"].(map[string]any)["region"].(map[string]any)["startLine"] = 0
		},
		"no version": func(doc map[string]any) { delete(doc, "version") },
	}
	for name, breakIt := range breakages {
		t.Run(name, func(t *testing.T) {
			var doc map[string]any
			if err := json.Unmarshal(good, &doc); err != nil {
				t.Fatal(err)
			}
			breakIt(doc)
			bad, _ := json.Marshal(doc)
			if err := validate(t, bad); err == nil {
				t.Errorf("schema accepted a document with %s", name)
			}
		})
	}
}

func decode(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var doc map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func run0(doc map[string]any) map[string]any {
	return doc["runs"].([]any)[0].(map[string]any)
}

func results(doc map[string]any) []any {
	r, _ := run0(doc)["results"].([]any)
	return r
}

func driverRules(doc map[string]any) []any {
	return run0(doc)["tool"].(map[string]any)["driver"].(map[string]any)["rules"].([]any)
}

func str(v any, path ...string) string {
	for _, k := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = m[k]
	}
	s, _ := v.(string)
	return s
}

// walk calls fn for every value in v with its JSON path.
func walk(path string, v any, fn func(path string, v any)) {
	fn(path, v)
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			walk(path+"."+k, e, fn)
		}
	case []any:
		for i, e := range x {
			walk(fmt.Sprintf("%s[%d]", path, i), e, fn)
		}
	}
}

func TestSARIFInvariants(t *testing.T) {
	for name, mk := range sarifCases {
		t.Run(name, func(t *testing.T) {
			in := mk()
			out := sarifBytes(t, in)
			doc := decode(t, out)

			if doc["version"] != "2.1.0" || doc["$schema"] != SchemaURI {
				t.Errorf("version %v, $schema %v", doc["version"], doc["$schema"])
			}
			if n := len(doc["runs"].([]any)); n != 1 {
				t.Fatalf("%d runs, want 1", n)
			}
			run := run0(doc)
			if run["columnKind"] != "utf16CodeUnits" {
				t.Errorf("columnKind = %v", run["columnKind"])
			}

			// Rules: all declared, in order, fully described.
			rs := driverRules(doc)
			if len(rs) != len(in.Rules) {
				t.Fatalf("%d rules declared, want %d", len(rs), len(in.Rules))
			}
			ruleAt := map[string]int{}
			for i, r := range rs {
				id := str(r, "id")
				ruleAt[id] = i
				if id != in.Rules[i].ID {
					t.Errorf("rule %d is %q, want %q", i, id, in.Rules[i].ID)
				}
				for _, p := range [][]string{{"name"}, {"shortDescription", "text"}, {"fullDescription", "text"}, {"help", "text"}, {"helpUri"}, {"defaultConfiguration", "level"}} {
					if str(r, p...) == "" {
						t.Errorf("rule %s: %s is empty", id, strings.Join(p, "."))
					}
				}
				if str(r, "properties", "problem.severity") == "" {
					t.Errorf("rule %s: no problem.severity", id)
				}
			}

			// Results: present even when empty, right ruleIndex, balanced suppressions.
			res, ok := run["results"].([]any)
			if !ok {
				t.Fatalf("results is %T, want an array", run["results"])
			}
			if len(res) != len(in.Findings) {
				t.Fatalf("%d results, want %d", len(res), len(in.Findings))
			}
			withSup := 0
			for i, r := range res {
				m := r.(map[string]any)
				id := str(m, "ruleId")
				idx, err := m["ruleIndex"].(json.Number).Int64()
				if err != nil || int(idx) != ruleAt[id] || id != in.Findings[i].RuleID {
					t.Errorf("result %d: ruleId %q ruleIndex %v, want index %d", i, id, m["ruleIndex"], ruleAt[id])
				}
				if str(m, "message", "text") == "" {
					t.Errorf("result %d: empty message", i)
				}
				if locs, _ := m["locations"].([]any); len(locs) != 1 {
					t.Errorf("result %d: %d locations, want 1", i, len(locs))
				}
				if _, ok := m["suppressions"]; ok {
					withSup++
				}
			}
			if withSup != 0 && withSup != len(res) {
				t.Errorf("%d of %d results have suppressions: all or none", withSup, len(res))
			}
			if len(in.Suppressions) > 0 && withSup != len(res) {
				t.Errorf("suppressed input but only %d of %d results carry suppressions", withSup, len(res))
			}

			inv := run["invocations"].([]any)[0].(map[string]any)
			if inv["executionSuccessful"] != true {
				t.Errorf("executionSuccessful = %v", inv["executionSuccessful"])
			}

			// Whole document: no null, every artifactLocation rooted.
			walk("$", doc, func(path string, v any) {
				if v == nil {
					t.Errorf("null at %s", path)
				}
				if strings.HasSuffix(path, ".artifactLocation") {
					m := v.(map[string]any)
					if m["uriBaseId"] != SrcRoot || str(m, "uri") == "" {
						t.Errorf("%s = %v, want a uri with uriBaseId %s", path, m, SrcRoot)
					}
					if u := str(m, "uri"); strings.Contains(u, "://") || strings.HasPrefix(u, "/") {
						t.Errorf("%s: uri %q is not relative", path, u)
					}
				}
			})
		})
	}
}

func TestSARIFDetails(t *testing.T) {
	in := richInput()
	doc := decode(t, sarifBytes(t, in))
	run := run0(doc)

	if got := str(run, "originalUriBaseIds", SrcRoot, "uri"); got != "file:///home/ci/work/my%20app/" {
		t.Errorf("%%SRCROOT%% = %q", got)
	}
	if got := str(run, "properties", "kscan.role"); got != "base" {
		t.Errorf("run.properties[kscan.role] = %q", got)
	}
	rule0 := driverRules(doc)[0].(map[string]any)
	if got := str(rule0, "name"); got != "ClassFornameCallerLoader" {
		t.Errorf("name = %q", got)
	}
	if got := str(rule0, "help", "text"); strings.ContainsAny(got, "`*#") {
		t.Errorf("help.text keeps markup: %q", got)
	}
	if got := str(rule0, "help", "markdown"); got != in.Rules[0].Help {
		t.Errorf("help.markdown = %q", got)
	}

	res := results(doc)
	r1 := res[1].(map[string]any)
	loc := r1["locations"].([]any)[0].(map[string]any)
	if got := str(loc, "physicalLocation", "artifactLocation", "uri"); got != "src/main/java/com/acme/Loader.java" {
		t.Errorf("uri = %q", got)
	}
	ll := loc["logicalLocations"].([]any)[0].(map[string]any)
	if str(ll, "fullyQualifiedName") != "com.acme.Loader.load" || str(ll, "kind") != "function" {
		t.Errorf("logical location = %v", ll)
	}
	fp := r1["partialFingerprints"].(map[string]any)
	if fp["primaryLocationLineHash"] != "3f1c9a2b7d4e5f60:1" || fp[FingerprintKey] != "3f1c9a2b7d4e5f60:1" {
		t.Errorf("partialFingerprints = %v", fp)
	}
	fix := r1["fixes"].([]any)[0].(map[string]any)
	rep := fix["artifactChanges"].([]any)[0].(map[string]any)["replacements"].([]any)[0].(map[string]any)
	if str(rep, "insertedContent", "text") != in.Findings[1].Fixes[0].Edits[0].New {
		t.Errorf("replacement = %v", rep)
	}
	if str(r1, "properties", "role") != "base" || str(r1, "properties", "severity") != "high" {
		t.Errorf("result properties = %v", r1["properties"])
	}

	// Unusable fixes are dropped; a non-ASCII path is percent-encoded.
	r2 := res[2].(map[string]any)
	if _, ok := r2["fixes"]; ok {
		t.Errorf("unusable fixes were emitted: %v", r2["fixes"])
	}
	if str(r2, "level") != "note" {
		t.Errorf("level derived from severity low = %q", str(r2, "level"))
	}
	loc2 := r2["locations"].([]any)[0].(map[string]any)
	if got := str(loc2, "physicalLocation", "artifactLocation", "uri"); got != "src/main/java/com/acme/%C3%9Cn%C3%AF%20Code.java" {
		t.Errorf("uri = %q", got)
	}
	// A finding without a line has no region rather than line 0.
	loc3 := res[3].(map[string]any)["locations"].([]any)[0].(map[string]any)
	if _, ok := loc3["physicalLocation"].(map[string]any)["region"]; ok {
		t.Errorf("region emitted for a finding without a line")
	}

	inv := run["invocations"].([]any)[0].(map[string]any)
	ns := inv["toolExecutionNotifications"].([]any)
	if len(ns) != len(in.Notifications) {
		t.Fatalf("%d notifications", len(ns))
	}
	n0 := ns[0].(map[string]any)
	if str(n0, "descriptor", "id") != "syntax" || !strings.Contains(str(n0, "message", "text"), "Broken.java") {
		t.Errorf("notification = %v", n0)
	}
	nloc := n0["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
	if nloc["region"].(map[string]any)["startLine"] != json.Number("14") {
		t.Errorf("notification region = %v", nloc["region"])
	}
	if _, ok := ns[1].(map[string]any)["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)["region"]; ok {
		t.Errorf("notification without a line has a region")
	}
}

func TestSARIFSuppressions(t *testing.T) {
	doc := decode(t, sarifBytes(t, suppressedInput()))
	res := results(doc)
	sup := res[1].(map[string]any)["suppressions"].([]any)
	s := sup[0].(map[string]any)
	if s["kind"] != "inSource" || s["status"] != "accepted" || s["justification"] != "loader is set by the caller" {
		t.Errorf("suppression = %v", s)
	}
	if got := res[0].(map[string]any)["suppressions"].([]any); len(got) != 0 {
		t.Errorf("unsuppressed result has %v", got)
	}

	in := richInput()
	in.Suppressions = map[int][]Suppression{0: {{Kind: "inline"}}}
	if err := SARIF(&bytes.Buffer{}, in); err == nil {
		t.Error("bad suppression kind accepted")
	}
}

func TestSARIFUnknownRule(t *testing.T) {
	in := richInput()
	in.Findings = append(in.Findings, finding.Finding{RuleID: "no-such-rule", Message: "x", Path: "A.java"})
	err := SARIF(&bytes.Buffer{}, in)
	if err == nil || !strings.Contains(err.Error(), "no-such-rule") {
		t.Errorf("err = %v, want an error naming the undeclared rule", err)
	}

	in = richInput()
	in.Findings[0].Path = ""
	if err := SARIF(&bytes.Buffer{}, in); err == nil {
		t.Error("finding without a path accepted")
	}
	in = richInput()
	in.Findings[0].Level = "fatal"
	if err := SARIF(&bytes.Buffer{}, in); err == nil {
		t.Error("finding with level fatal accepted")
	}
	in = richInput()
	in.Notifications[0].Level = "fatal"
	if err := validate(t, sarifBytes(t, in)); err != nil {
		t.Errorf("odd notification level leaked: %v", err)
	}

	in = richInput()
	in.Rules = append(in.Rules, in.Rules[0])
	if err := SARIF(&bytes.Buffer{}, in); err == nil {
		t.Error("duplicate rule accepted")
	}
	in = richInput()
	in.Rules = append(in.Rules, nil)
	if err := SARIF(&bytes.Buffer{}, in); err == nil {
		t.Error("nil rule accepted")
	}
	if err := SARIF(&bytes.Buffer{}, nil); err == nil {
		t.Error("nil input accepted")
	}
}

func TestSARIFClean(t *testing.T) {
	out := sarifBytes(t, cleanInput())
	if !bytes.Contains(out, []byte(`"results": []`)) {
		t.Errorf("clean run lacks \"results\": []:\n%s", out)
	}
	if bytes.Contains(out, []byte("suppressions")) {
		t.Error("clean run has suppressions")
	}
}

func TestSARIFDeterministic(t *testing.T) {
	for name, mk := range sarifCases {
		a, b := sarifBytes(t, mk()), sarifBytes(t, mk())
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two runs differ", name)
		}
	}
}

func TestSARIFGolden(t *testing.T) {
	checkGolden(t, "golden.sarif", sarifBytes(t, richInput()))
	checkGolden(t, "clean.sarif", sarifBytes(t, cleanInput()))
}

// Descriptors rendered ahead make the same log as those rendered with it,
// and rules or an address other than the log's are not taken from them.
func TestSARIFRulesAhead(t *testing.T) {
	for name, mk := range sarifCases {
		want := sarifBytes(t, mk())
		in := mk()
		in.RulesAhead = PrepareRules(in.Rules, in.HelpURI)
		if got := sarifBytes(t, in); !bytes.Equal(got, want) {
			t.Errorf("%s: the log with descriptors rendered ahead differs", name)
		}
		in = mk()
		in.RulesAhead = PrepareRules(in.Rules, "https://rules.example/{id}")
		if got := sarifBytes(t, in); !bytes.Equal(got, want) {
			t.Errorf("%s: descriptors rendered for another address were used", name)
		}
		if len(in.Rules) > 1 {
			in = mk()
			in.RulesAhead = PrepareRules(in.Rules[1:], in.HelpURI)
			if got := sarifBytes(t, in); !bytes.Equal(got, want) {
				t.Errorf("%s: descriptors rendered for other rules were used", name)
			}
		}
	}
}

package batch

import (
	"strings"
	"testing"
)

func TestCountModules(t *testing.T) {
	src := `{"runs":[{"tool":{"driver":{"name":"kscan"}},
"properties":{"kscan.modules":[{"path":"a/pom.xml","packagedBytes":6291456},{"path":"a/inner/pom.xml","packagedBytes":0,"unknownSizes":2},{"path":"pom.xml","packagedBytes":10}]},
"results":[
 {"ruleId":"slimmed-but-missing-in-base","level":"error","locations":[{"physicalLocation":{"artifactLocation":{"uri":"a/inner/pom.xml"}}}]},
 {"ruleId":"slimmed-but-missing-in-base","level":"error","locations":[{"physicalLocation":{"artifactLocation":{"uri":"a/conf/ark/bootstrap.properties"}}}]},
 {"ruleId":"slimmed-version-skew","level":"warning","locations":[{"physicalLocation":{"artifactLocation":{"uri":"a/pom.xml"}}}]},
 {"ruleId":"system-exit","level":"error","locations":[{"physicalLocation":{"artifactLocation":{"uri":"a/X.java"}}}]},
 {"ruleId":"slimmed-version-skew","level":"error","locations":[{"physicalLocation":{"artifactLocation":{"uri":"b/pom.xml"}}}]}
]}]}`
	log, err := decodeSARIF(strings.NewReader(src), "t.sarif")
	if err != nil {
		t.Fatal(err)
	}
	var st Status
	log.count(&st)
	want := []ModuleSlim{
		{Path: "a/pom.xml", PackagedBytes: 6291456, SlimErrors: 1},
		{Path: "a/inner/pom.xml", UnknownSizes: 2, SlimErrors: 1},
		{Path: "pom.xml", PackagedBytes: 10, SlimErrors: 1}, // b/pom.xml is under the root module
	}
	if len(st.Modules) != len(want) {
		t.Fatalf("modules = %+v", st.Modules)
	}
	for i, w := range want {
		if st.Modules[i] != w {
			t.Errorf("module %d = %+v, want %+v", i, st.Modules[i], w)
		}
	}
	var b strings.Builder
	writeModules(&b, &Summary{Repositories: []Repo{{Status: Status{Repository: "r", Modules: st.Modules}}}})
	for _, w := range []string{"| r | `a/pom.xml` | 6.0 MiB | 1 |", "| r | `a/inner/pom.xml` | unknown | 1 |"} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("markdown lacks %q:\n%s", w, b.String())
		}
	}
}

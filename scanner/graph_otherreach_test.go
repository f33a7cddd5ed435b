package scanner

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kscan/kscan/rules"
)

// A hazard an entry point reaches and that is kept because other code
// reaches it too names that code: the message says which method (and why
// it runs without an entry point), and each call of the chain is a
// related location and a step of the flow, which ends at the hazard. What
// only the launcher reaches is not reported at all (the fixtures' wants).
func TestOtherReachNamed(t *testing.T) {
	for _, tc := range []struct {
		dir  string
		line int
		msg  string
		flow []string // file:line of each step
	}{
		{"system-property-mutation/src/main/java/demo/reach", 8,
			"(Cli.main, an entry point, reaches this method, and so does Embedder.start, which is not one: nothing in the project calls it, so code outside the project may)",
			[]string{"Embedder.java:9", "Engine.java:8"}},
		{"system-property-mutation/src/main/java/demo/reach", 17,
			"and so does Embedder.init, which is not one: nothing in the project calls it, so code outside the project may; through Embedder.load, Engine.prepare)",
			[]string{"Embedder.java:13", "Embedder.java:17", "Engine.java:13", "Engine.java:17"}},
		{"system-property-mutation/src/main/java/demo/reach", 22,
			"and so does Embedder.init, which is not one: nothing in the project calls it, so code outside the project may; through Embedder.load, Engine.prepare, Engine.initNaming)",
			[]string{"Embedder.java:13", "Embedder.java:17", "Engine.java:13", "Engine.java:18", "Engine.java:22"}},
		{"jvm-global-default-mutation/src/main/java/demo/console", 20,
			"(Shell.main, an entry point, reaches this method, and so does Console.attach, which is not one: nothing in the project calls it, so code outside the project may; through Console.open)",
			[]string{"Console.java:12", "Console.java:16", "Console.java:20"}},
		// A helper's finding already has its flow: the chain comes first.
		{"system-exit/reach", 7,
			"(Tool.main, an entry point, reaches this method, and so does Plugin.execute",
			[]string{"Plugin.java:6", "Task.java:7", "Task.java:10", "Task.java:12"}},
	} {
		// Rooted at the rule's directory, where the packages' paths match.
		rule, sub, _ := strings.Cut(tc.dir, "/")
		root, _ := filepath.Abs(filepath.Join("..", "testdata", "rules", rule))
		dir := filepath.Join(root, filepath.FromSlash(sub))
		res, err := Scan(context.Background(), Options{Paths: []string{dir}, Root: root, Rules: rules.All(), Jobs: 2})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range res.Findings {
			if f.Region.StartLine != tc.line || !strings.Contains(f.Message, "reaches this method") {
				continue
			}
			found = true
			if !strings.Contains(f.Message, tc.msg) {
				t.Errorf("%s:%d: message %q, want it to hold %q", tc.dir, tc.line, f.Message, tc.msg)
			}
			var flow []string
			for _, l := range f.Flow {
				flow = append(flow, fmt.Sprintf("%s:%d", filepath.Base(l.Path), l.Region.StartLine))
			}
			if strings.Join(flow, " ") != strings.Join(tc.flow, " ") {
				t.Errorf("%s:%d: flow %v, want %v", tc.dir, tc.line, flow, tc.flow)
			}
			steps := 0
			for _, l := range f.Related {
				if strings.Contains(l.Message, " calls ") && strings.HasSuffix(l.Message, " here") {
					steps++
				}
			}
			if steps == 0 {
				t.Errorf("%s:%d: no call of the chain among the related locations %v", tc.dir, tc.line, f.Related)
			}
		}
		if !found {
			t.Errorf("%s:%d: no finding naming other code that reaches it", tc.dir, tc.line)
		}
	}
}

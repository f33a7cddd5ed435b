package rules_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner"
)

// A package-private setter only a test calls writes nothing at run time:
// the test is set aside by the production scope, so no production caller
// is found. Scanning the tests too (--include non-production) finds the
// test's call, and a setter production code calls is reported either way.
// The rule fixtures cannot show this: they name each file, which includes
// it whatever its scope.
func TestStaticStateTestOnlySetter(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"src/main/java/h/Hooks.java": `package h;
public final class Hooks {
    private static Object ticker;
    private static Object codec;
    static void setTicker(Object t) { ticker = t; }
    static void setCodec(Object c) { codec = c; }
    static String show() { return ticker + " " + codec; }
}
final class Boot {
    static void start(Object c) { Hooks.setCodec(c); }
}`,
		"src/test/java/h/HooksTest.java": `package h;
public class HooksTest {
    public void fake(Object f) {
        Hooks.setTicker(f);
        Hooks.setCodec(f);
    }
}`,
	}
	for p, body := range files {
		abs := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(abs, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, _ := rules.Lookup("static-mutable-state")
	for _, tc := range []struct {
		include bool
		want    []int // lines of Hooks.java reported
	}{
		{false, []int{4}},
		{true, []int{3, 4}},
	} {
		res, err := scanner.Scan(context.Background(), scanner.Options{Paths: []string{root}, Root: root,
			Rules: []*rules.Rule{r}, Jobs: 2, IncludeNonProduction: tc.include})
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		for _, f := range res.Findings {
			if f.Path == "src/main/java/h/Hooks.java" {
				got = append(got, f.Region.StartLine)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("include non-production %v: lines %v, want %v", tc.include, got, tc.want)
		}
	}
}

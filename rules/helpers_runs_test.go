package rules

import (
	"math/rand"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// runNames are the resource names the tests look for: a plain field, one
// with a dollar sign (not a word byte), a one-letter name that occurs
// inside other words.
var runNames = []string{"exec", "pool$1", "x"}

// compiled keeps the tests' expressions compiled once.
var compiled = map[string]*regexp.Regexp{}

func compile(expr string) *regexp.Regexp {
	if re := compiled[expr]; re != nil {
		return re
	}
	re := regexp.MustCompile(expr)
	compiled[expr] = re
	return re
}

// checkRuns compares the run helpers with the whole-text matcher on text,
// for every expression releasesName and fieldAliases build.
func checkRuns(t *testing.T, text string) {
	t.Helper()
	for _, name := range runNames {
		for _, methods := range [][]string{nil, {"shutdown", "shutdownNow", "close"}, {"cancel"}} {
			for _, p := range releasePatterns(name, methods) {
				re := compile(p.expr)
				if got, want := matchInRuns(re, text, name, p.set), re.MatchString(text); got != want {
					t.Fatalf("%s in %q: runs %v, whole text %v", p.expr, text, got, want)
				}
			}
		}
		for _, p := range aliasPatterns(name) {
			re := compile(p.expr)
			if got, want := submatchesInRuns(re, text, name, p.set), re.FindAllStringSubmatch(text, -1); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s in %q: runs %q, whole text %q", p.expr, text, got, want)
			}
		}
	}
}

// runPieces are what the random texts are made of: the names, the
// expressions' words and punctuation, other punctuation that ends a run,
// and characters that (?i) folds to ASCII letters.
var runPieces = []string{
	"exec", "pool$1", "x", "this", "return", "shutdown", "close", "cancel", "ſhutdown", "Kill", "release",
	"Now", "manage", "=", "==", ".", ",", ";", ":", "::", "(", ")", "{", "}", "\"", "+", "!", "$", "_",
	" ", "  ", "\n", "\t", "\r", "é", "a", "b1", "null", "// ",
}

func randomText(rng *rand.Rand) string {
	var b strings.Builder
	for n := rng.Intn(24); n >= 0; n-- {
		b.WriteString(runPieces[rng.Intn(len(runPieces))])
	}
	return b.String()
}

// TestRunsAgreeWithWholeText: looking only at the runs that hold the name
// gives the whole text's answer, on hand-made and random texts.
func TestRunsAgreeWithWholeText(t *testing.T) {
	for _, text := range []string{
		"",
		"exec.shutdown();",
		"this.exec . shutdownNow ( );",
		"closeQuietly(this.exec);",
		"IOUtils.closeQuietly(a, exec);",
		"ſhutdownAll(exec)", "aſhutdown(exec)", // (?i) folds ſ to s
		"terminate(\"exec\", exec)", // the quote ends a run
		"return exec;",
		"return\n\tthis . exec ;",
		"registry.add(exec::close);",
		"Executor e = this.exec; e.shutdown();",
		"exec = pool$1; other = exec;",
		"pool$1.close(); x=y; y = x ; xx = x;",
		"a.x=b;c=x;",
		"stopping(x,", "é(x)", "éclose(x)",
	} {
		checkRuns(t, text)
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		checkRuns(t, randomText(rng))
	}
}

// FuzzRuns compares the run helpers with the whole-text matcher on
// arbitrary text.
func FuzzRuns(f *testing.F) {
	f.Add("IOUtils.closeQuietly(a, this.exec); return x; exec::close")
	f.Add("pool$1 = ſhutdown(pool$1); y = x;")
	f.Fuzz(func(t *testing.T, text string) {
		checkRuns(t, text)
	})
}

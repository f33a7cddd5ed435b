package scanner

import (
	"testing"
)

// TestSourceCopiesReportedOnce: a class the tree defines in several
// source trees (a variant for an old JDK beside src/main/java) holds one
// hazard: one finding, at the main source set's copy, the other copy a
// related location. A class of another name keeps its own finding.
func TestSourceCopiesReportedOnce(t *testing.T) {
	registrar := "package p;\npublic class Registrar {\n    private static Object random;\n" +
		"    public static void setRandom(Object r) { random = r; }\n    public static Object random() { return random; }\n}\n"
	dir := writeTree(t, map[string]string{
		"core/src/main/java/p/Registrar.java":   registrar,
		"core/src/main/jdk1.4/p/Registrar.java": registrar,
		"core/src/main/j2me/p/Registrar.java":   registrar,
		"core/src/main/jdk1.4/p/Other.java": "package p;\npublic class Other {\n    private static Object random;\n" +
			"    public static void setRandom(Object r) { random = r; }\n    public static Object random() { return random; }\n}\n",
	})
	res := scanDir(t, dir, Options{})
	var got []string
	related := map[string][]string{}
	for _, f := range res.Findings {
		if f.RuleID != "static-mutable-state" {
			continue
		}
		got = append(got, f.Path)
		for _, r := range f.Related {
			related[f.Path] = append(related[f.Path], r.Path)
		}
	}
	if len(got) != 2 || got[0] != "core/src/main/java/p/Registrar.java" || got[1] != "core/src/main/jdk1.4/p/Other.java" {
		t.Fatalf("static-mutable-state findings in %v, want the main copy of Registrar and Other", got)
	}
	want := map[string]bool{"core/src/main/jdk1.4/p/Registrar.java": true, "core/src/main/j2me/p/Registrar.java": true}
	n := 0
	for _, p := range related[got[0]] {
		if want[p] {
			n++
		}
	}
	if n != 2 {
		t.Errorf("related locations of the kept finding %v, want both other copies", related[got[0]])
	}
}

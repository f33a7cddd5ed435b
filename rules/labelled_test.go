package rules_test

import (
	"os"
	"path/filepath"
	"testing"
)

// The labelled set: real code sites from real projects, hazards and safe
// look-alikes, each with a comment naming its project and file and saying
// why it is or is not a hazard. It lives in testdata/labelled/<family>/,
// with role sub-directories as in the rule fixtures, and is held to the
// same `// want` standard: a hazard missed or a look-alike flagged fails.
const labelledRoot = "../testdata/labelled"

func TestLabelled(t *testing.T) {
	dirs, err := os.ReadDir(labelledRoot)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if d.IsDir() {
			t.Run(d.Name(), func(t *testing.T) { runFixtureDir(t, filepath.Join(labelledRoot, d.Name())) })
		}
	}
}

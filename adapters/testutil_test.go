package adapters

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readTSV reads ../testdata/adapters/name, skipping '#' comments and the
// header line, and checks every row has cols fields.
func readTSV(t testing.TB, name string, cols int) [][]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "adapters", name))
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	header := true
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != cols {
			t.Fatalf("%s:%d: %d fields, want %d", name, i+1, len(f), cols)
		}
		rows = append(rows, f)
	}
	return rows
}

package archive

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestRealJars walks the jars a Debian system ships in /usr/share/java,
// reading every entry. It skips when there are none.
func TestRealJars(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	paths, _ := filepath.Glob("/usr/share/java/*.jar")
	var jars []string
	for _, p := range paths {
		if fi, err := os.Lstat(p); err == nil && fi.Mode().IsRegular() {
			jars = append(jars, p) // skip version symlinks
		}
	}
	if len(jars) == 0 {
		t.Skip("no jars in /usr/share/java")
	}
	var entries, classes, bytesRead int64
	start := time.Now()
	for _, p := range jars {
		v := VisitorFuncs{
			EntryFunc: func(e *Entry) error {
				entries++
				b, err := e.ReadAll()
				if err != nil {
					return nil // reported through Problem
				}
				bytesRead += int64(len(b))
				if filepath.Ext(e.Name) == ".class" {
					classes++
					if len(b) < 4 || string(b[:4]) != "\xca\xfe\xba\xbe" {
						t.Errorf("%s: not a class file", e.Path)
					}
				}
				return nil
			},
			ProblemFunc: func(p Problem) { t.Errorf("%v", p) },
		}
		if err := Walk(context.Background(), p, Options{}, v); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	d := time.Since(start)
	t.Logf("%d jars, %d entries (%d classes), %.1f MB inflated in %v: %.0f entries/s, %.1f MB/s",
		len(jars), entries, classes, float64(bytesRead)/1e6, d.Round(time.Millisecond),
		float64(entries)/d.Seconds(), float64(bytesRead)/1e6/d.Seconds())
}

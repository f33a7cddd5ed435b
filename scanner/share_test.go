package scanner

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestClassBytesNotKept: a class's facts share memory with the buffer the
// next class is read into, so whatever outlives a class must be a copy.
// Scanning so, with each class's bytes overwritten once it is scanned,
// must give the findings, fingerprints and notifications of a scan whose
// facts are copies. KSCAN_LAZY_JARS
// (colon-separated directories) adds real libraries.
func TestClassBytesNotKept(t *testing.T) {
	dirs := append([]string{"../testdata/bytecode"}, filepath.SplitList(os.Getenv("KSCAN_LAZY_JARS"))...)
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		abs, err := filepath.Abs(dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			copyClassBytes = true
			want := scanDir(t, abs, Options{Jobs: 2})
			copyClassBytes, scribbleClasses = false, true
			defer func() { scribbleClasses = false }()
			got := scanDir(t, abs, Options{Jobs: 2})
			if got.Stats.Classes == 0 {
				t.Fatalf("%s: no class scanned", dir)
			}
			if len(want.Findings) == 0 {
				t.Fatalf("%s: no finding to compare", dir)
			}
			if !reflect.DeepEqual(want.Findings, got.Findings) {
				for i := range want.Findings {
					if i >= len(got.Findings) || !reflect.DeepEqual(want.Findings[i], got.Findings[i]) {
						t.Fatalf("%s: finding %d differs once class bytes are overwritten:\nwant %+v\ngot  %+v", dir, i, want.Findings[i], got.Findings[min(i, len(got.Findings)-1)])
					}
				}
				t.Fatalf("%s: %d findings, then %d", dir, len(want.Findings), len(got.Findings))
			}
			if !reflect.DeepEqual(want.Notifications, got.Notifications) {
				t.Fatalf("%s: notifications differ once class bytes are overwritten", dir)
			}
		})
	}
}

// TestWholeJarRead: an archive read into memory before its walk gives what
// one read where it lies gives, and nothing found keeps pointing into the
// buffer the next archive is read into.
func TestWholeJarRead(t *testing.T) {
	for _, dir := range []string{"../testdata/bytecode", "../testdata/archive", "../testdata/slim/jars"} {
		abs, err := filepath.Abs(dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			old := wholeJar
			defer func() { wholeJar, scribbleClasses = old, false }()
			wholeJar = 0
			want := scanDir(t, abs, Options{Jobs: 2})
			wholeJar, scribbleClasses = old, true
			got := scanDir(t, abs, Options{Jobs: 2})
			if got.Stats.Archives == 0 || len(want.Findings) == 0 {
				t.Fatalf("%s: %d archives, %d findings: nothing to compare", dir, got.Stats.Archives, len(want.Findings))
			}
			if !reflect.DeepEqual(want.Findings, got.Findings) {
				t.Fatalf("%s: %d findings read from the file, %d read from memory", dir, len(want.Findings), len(got.Findings))
			}
			if !reflect.DeepEqual(want.Notifications, got.Notifications) {
				t.Fatalf("%s: notifications differ between the two reads", dir)
			}
		})
	}
}

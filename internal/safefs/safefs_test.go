package safefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small")
	os.WriteFile(small, []byte("hello"), 0o644)
	big := filepath.Join(dir, "big")
	os.WriteFile(big, make([]byte, 100), 0o644)
	sparse := filepath.Join(dir, "sparse")
	f, _ := os.Create(sparse)
	f.Truncate(1 << 30) // 1 GiB of holes: refused from its size, never read
	f.Close()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero")
	os.Symlink("/dev/zero", zero)
	for _, tc := range []struct {
		name, path string
		max        int64
		want       string // "" for success; else a substring of the error
	}{
		{"small", small, 10, ""},
		{"exact", small, 5, ""},
		{"uncapped", small, 0, ""},
		{"over", big, 10, "exceeds the 10 B limit"},
		{"sparse", sparse, 64 << 20, "1 GiB exceeds the 64 MiB limit"},
		{"fifo", fifo, 10, "not a regular file"},
		{"device link", zero, 10, "not a regular file"},
		{"directory", dir, 10, "not a regular file"},
		{"missing", filepath.Join(dir, "nope"), 10, "no such file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan struct{})
			var data []byte
			var err error
			go func() { data, err = ReadFile(tc.path, tc.max); close(done) }()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("ReadFile blocked")
			}
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if len(data) == 0 {
					t.Fatal("no data")
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
			var pe *fs.PathError
			if !errors.As(err, &pe) || pe.Path != tc.path {
				t.Fatalf("error does not name the file: %v", err)
			}
		})
	}
}

// A file that grows while it is read is cut at its cap, and the read
// fails instead of holding more than max+1 bytes.
func TestReadFileGrowing(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("uses /proc/self/fd")
	}
	// /proc files report size 0 but have content: a size that lies.
	data, err := ReadFile("/proc/self/status", 16)
	if err == nil {
		t.Fatalf("read %d bytes of a file larger than its cap", len(data))
	}
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Size != -1 {
		t.Fatalf("err = %v", err)
	}
}

func TestWithin(t *testing.T) {
	t.Chdir(t.TempDir()) // restored after the test
	root := t.TempDir()
	out := t.TempDir()
	os.MkdirAll(filepath.Join(root, "src"), 0o755)
	os.WriteFile(filepath.Join(out, "Secret.java"), []byte("class S {}"), 0o644)
	os.WriteFile(filepath.Join(root, "src", "A.java"), []byte("class A {}"), 0o644)
	os.Symlink(filepath.Join(out, "Secret.java"), filepath.Join(root, "src", "Link.java"))
	os.Symlink("A.java", filepath.Join(root, "src", "Same.java"))
	os.Symlink(out, filepath.Join(root, "outdir"))
	for _, tc := range []struct {
		rel  string
		want bool
	}{
		{"src/A.java", true},
		{"src/Same.java", true},
		{"src/Link.java", false},
		{"outdir/Secret.java", false},
		{"src/New.java", true},     // does not exist yet: judged by its directory
		{"outdir/New.java", false}, // ... which is a link out
		{"../x", false},
	} {
		got, err := Within(root, filepath.Join(root, tc.rel))
		if err != nil {
			t.Fatalf("%s: %v", tc.rel, err)
		}
		if got != tc.want {
			t.Errorf("Within(%s) = %v, want %v", tc.rel, got, tc.want)
		}
	}
	// A relative root means the same as its absolute path.
	if err := os.Chdir(root); err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{".", "src"} {
		if ok, err := Within(rel, "src/A.java"); err != nil || !ok {
			t.Errorf("Within(%q, src/A.java) = %v, %v", rel, ok, err)
		}
		if ok, _ := Within(rel, "src/Link.java"); ok {
			t.Errorf("Within(%q, src/Link.java) followed the link out", rel)
		}
	}
	if _, err := ReadFileIn(root, filepath.Join(root, "src", "Link.java"), 100); !errors.Is(err, ErrOutsideRoot) {
		t.Fatalf("ReadFileIn through a link out: %v", err)
	}
}

// ReadFile and ReadHead give the bytes of the file, whole or its head,
// whatever its size against the buffers they start with.
func TestReadContent(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []int{0, 1, 511, 512, 513, 16 << 10, 1<<20 + 3} {
		want := make([]byte, n)
		for i := range want {
			want[i] = byte(i*7 + n)
		}
		p := filepath.Join(dir, "f")
		if err := os.WriteFile(p, want, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := ReadFile(p, 0)
		if err != nil || string(got) != string(want) {
			t.Fatalf("ReadFile of %d bytes: %d bytes, %v", n, len(got), err)
		}
		got, err = ReadFile(p, int64(n))
		if err != nil || string(got) != string(want) {
			t.Fatalf("ReadFile of %d bytes capped at its size: %d bytes, %v", n, len(got), err)
		}
		for _, h := range []int{1, 100, 16 << 10} {
			got, err := ReadHead(p, h)
			w := want[:min(h, n)]
			if err != nil || string(got) != string(w) {
				t.Fatalf("ReadHead(%d) of %d bytes: %d bytes, %v", h, n, len(got), err)
			}
		}
	}
	// a size that lies (0) is read to the end
	if got, err := ReadHead("/proc/self/status", 1<<20); runtime.GOOS == "linux" && (err != nil || len(got) == 0) {
		t.Fatalf("ReadHead of /proc/self/status: %d bytes, %v", len(got), err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{fifo, dir} {
		if _, err := ReadHead(p, 10); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Fatalf("ReadHead(%s): %v", p, err)
		}
	}
}

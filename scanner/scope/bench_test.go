package scope

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchHeads returns the heads of the Java sources under
// KSCAN_SCOPE_BENCH (a source tree), else of the fixtures.
func benchHeads(b *testing.B) (root string, rels []string, heads [][]byte) {
	root = os.Getenv("KSCAN_SCOPE_BENCH")
	if root == "" {
		root = "testdata"
	}
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".java") {
			return nil
		}
		h, err := readHead(p)
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rels = append(rels, filepath.ToSlash(rel))
		heads = append(heads, h)
		return nil
	})
	if len(heads) == 0 {
		b.Skip("no sources")
	}
	return root, rels, heads
}

// BenchmarkParseJavaHead measures the content reader alone, per source.
func BenchmarkParseJavaHead(b *testing.B) {
	_, _, heads := benchHeads(b)
	var n int64
	for _, h := range heads {
		n += int64(len(h))
	}
	b.SetBytes(n / int64(len(heads)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		parseJavaHead(heads[i%len(heads)])
	}
}

// BenchmarkFile measures File on every source of a tree with a warm
// classifier (directories and build files already read), per source.
func BenchmarkFile(b *testing.B) {
	root, rels, heads := benchHeads(b)
	c := New(root, Options{})
	for i := range rels {
		c.File(rels[i], heads[i])
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % len(rels)
		c.File(rels[k], heads[k])
	}
}

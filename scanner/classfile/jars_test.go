package classfile

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// systemJars returns distinct jars found in well-known places on this
// machine, up to limit (0 for all).
func systemJars(limit int) []string {
	seen := map[string]bool{}
	var out []string
	for _, pattern := range []string{"/usr/share/java/*.jar", "/usr/lib/jvm/*/lib/*.jar"} {
		matches, _ := filepath.Glob(pattern)
		sort.Strings(matches)
		for _, m := range matches {
			real, err := filepath.EvalSymlinks(m)
			if err != nil || seen[real] {
				continue
			}
			seen[real] = true
			out = append(out, real)
			if limit > 0 && len(out) == limit {
				return out
			}
		}
	}
	return out
}

// jarClasses reads every .class entry of a jar into memory.
func jarClasses(tb testing.TB, path string, fn func(name string, data []byte)) {
	tb.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		tb.Logf("skip %s: %v", path, err)
		return
	}
	defer zr.Close()
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".class") || f.UncompressedSize64 > 1<<24 {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			continue
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			continue
		}
		fn(f.Name, data)
	}
}

// TestRealJars parses and decodes every class of the jars installed on the
// machine; it skips when there are none.
func TestRealJars(t *testing.T) {
	limit := 0
	if testing.Short() {
		limit = 5
	}
	jars := systemJars(limit)
	if len(jars) == 0 {
		t.Skip("no jars found under /usr/share/java or /usr/lib/jvm")
	}
	classes, methods, instrs, indys, lambdas := 0, 0, 0, 0, 0
	for _, jar := range jars {
		jarClasses(t, jar, func(name string, data []byte) {
			c, err := Parse(data)
			if err != nil {
				t.Errorf("%s!%s: %v", jar, name, err)
				return
			}
			classes++
			if want := strings.TrimSuffix(name, ".class"); !strings.HasSuffix(want, c.Name) && !strings.HasSuffix(name, "module-info.class") {
				t.Errorf("%s!%s: class name %q", jar, name, c.Name)
			}
			for _, m := range c.Methods {
				if m.Code == nil {
					continue
				}
				methods++
				end := 0
				err := m.Code.Decode(func(in Instr) bool {
					instrs++
					end = in.PC + int(in.Len)
					if in.Op == OpInvokedynamic {
						indys++
						if in.Dyn.IsLambda() {
							lambdas++
						}
					}
					return true
				})
				if err != nil {
					t.Errorf("%s!%s.%s%s: %v", jar, c.Name, m.Name, m.Desc, err)
				} else if end != len(m.Code.Bytecode) {
					t.Errorf("%s!%s.%s: decoded %d of %d bytes", jar, c.Name, m.Name, end, len(m.Code.Bytecode))
				}
			}
		})
	}
	t.Logf("%d jars, %d classes, %d methods, %d instructions, %d invokedynamic (%d lambdas)", len(jars), classes, methods, instrs, indys, lambdas)
}

func readFixtures(tb testing.TB) [][]byte {
	var out [][]byte
	for _, f := range fixtureFiles(tb) {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

func benchParse(b *testing.B, classes [][]byte, decode bool) {
	var size int64
	for _, c := range classes {
		size += int64(len(c))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, data := range classes {
			c, err := Parse(data)
			if err != nil {
				b.Fatal(err)
			}
			if decode {
				for i := range c.Methods {
					if code := c.Methods[i].Code; code != nil {
						if err := code.Decode(func(Instr) bool { return true }); err != nil {
							b.Fatal(err)
						}
					}
				}
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(classes)), "ns/class")
}

// BenchmarkParse parses the fixture classes.
func BenchmarkParse(b *testing.B) { benchParse(b, readFixtures(b), false) }

// BenchmarkParseDecode parses the fixture classes and decodes every method.
func BenchmarkParseDecode(b *testing.B) { benchParse(b, readFixtures(b), true) }

// jarCorpus loads up to 3000 classes from installed jars for the real-world
// benchmarks.
func jarCorpus(b *testing.B) [][]byte {
	var out [][]byte
	for _, jar := range systemJars(0) {
		jarClasses(b, jar, func(_ string, data []byte) {
			if len(out) < 3000 {
				out = append(out, data)
			}
		})
		if len(out) >= 3000 {
			break
		}
	}
	if len(out) == 0 {
		b.Skip("no jars found")
	}
	return out
}

// BenchmarkParseJars parses classes from installed jars (already inflated).
func BenchmarkParseJars(b *testing.B) { benchParse(b, jarCorpus(b), false) }

// BenchmarkParseDecodeJars also decodes every method.
func BenchmarkParseDecodeJars(b *testing.B) { benchParse(b, jarCorpus(b), true) }

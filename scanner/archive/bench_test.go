package archive

import (
	"bytes"
	"context"
	"fmt"
	"testing"
)

// fatJar builds a fat jar of jars stored nested jars of classes classes each.
func fatJar(b testing.TB, jars, classes int) (z []byte, entries int, bytesIn int64) {
	class := bytes.Repeat([]byte("\xca\xfe\xba\xbe constant pool, fields, methods "), 40) // ~1.5 KiB, compressible like a class
	var outer []ent
	for j := range jars {
		var inner []ent
		for c := range classes {
			inner = append(inner, ent{name: fmt.Sprintf("com/acme/lib%d/C%d.class", j, c), data: class})
			bytesIn += int64(len(class))
		}
		outer = append(outer, ent{name: fmt.Sprintf("BOOT-INF/lib/lib%d.jar", j), data: mkzip(b, inner...), store: true})
		entries += classes + 1
	}
	outer = append(outer, ent{name: "BOOT-INF/classes/com/acme/App.class", data: class})
	return mkzip(b, outer...), entries + 1, bytesIn + int64(len(class))
}

// BenchmarkWalk walks a generated fat jar (50 stored nested jars × 200
// classes) and reads every entry: through a reader (archive/zip inflating
// through a section reader) and from the bytes in memory (WalkBytes).
func BenchmarkWalk(b *testing.B) {
	z, entries, classBytes := fatJar(b, 50, 200)
	b.Logf("fat jar: %d bytes, %d entries, %d class bytes", len(z), entries, classBytes)
	for _, read := range []bool{false, true} {
		for _, mem := range []bool{false, true} {
			if mem && !read {
				continue
			}
			b.Run(fmt.Sprintf("read=%v/mem=%v", read, mem), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(classBytes)
				var n int
				v := VisitorFuncs{EntryFunc: func(e *Entry) error {
					n++
					if read && !e.IsArchive {
						_, err := e.ReadAll()
						return err
					}
					return nil
				}}
				for b.Loop() {
					var err error
					if mem {
						err = WalkBytes(context.Background(), "app.jar", z, Options{}, v)
					} else {
						err = WalkReader(context.Background(), "app.jar", bytes.NewReader(z), int64(len(z)), Options{}, v)
					}
					if err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "entries/s")
			})
		}
	}
}

package archive

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
)

const fixtures = "../../testdata/archive"

var cafebabe = []byte{0xCA, 0xFE, 0xBA, 0xBE}

func TestWalkFixtures(t *testing.T) {
	tests := []struct {
		file string
		kind Kind              // of the top archive
		want map[string]Layout // class entries (logical path after the file name) and their layouts
	}{
		{"lib.jar", KindPlain, map[string]Layout{
			"com/acme/lib/Util.class": LayoutPlain,
		}},
		{"fat.jar", KindFatJar, map[string]Layout{
			"BOOT-INF/classes/com/acme/App.class":           LayoutBootInfClasses,
			"BOOT-INF/lib/lib.jar!/com/acme/lib/Util.class": LayoutBootInfLib,
			"BOOT-INF/lib/lib.jar":                          LayoutBootInfLib,
			"BOOT-INF/lib/lib.jar!/META-INF/MANIFEST.MF":    LayoutBootInfLib,
			"META-INF/MANIFEST.MF":                          LayoutPlain,
		}},
		{"app.war", KindWar, map[string]Layout{
			"WEB-INF/classes/com/acme/App.class":           LayoutWebInfClasses,
			"WEB-INF/lib/lib.jar!/com/acme/lib/Util.class": LayoutWebInfLib,
		}},
		{"biz.jar", KindArkBiz, map[string]Layout{
			"com/acme/biz/Module.class":            LayoutArkBizClasses,
			"lib/lib.jar!/com/acme/lib/Util.class": LayoutArkBizLib,
			"com/alipay/sofa/ark/biz/mark":         LayoutArkBizClasses,
		}},
		{"base.jar", KindFatJar, map[string]Layout{
			"BOOT-INF/classes/com/acme/App.class":                                         LayoutBootInfClasses,
			"BOOT-INF/lib/lib.jar!/com/acme/lib/Util.class":                               LayoutBootInfLib,
			"BOOT-INF/classes/SOFA-ARK/biz/biz.jar!/com/acme/biz/Module.class":            LayoutArkBizClasses,
			"BOOT-INF/classes/SOFA-ARK/biz/biz.jar!/lib/lib.jar!/com/acme/lib/Util.class": LayoutArkBizLib,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(fixtures, tt.file)
			c := &collector{read: true}
			if err := Walk(context.Background(), path, Options{}, c); err != nil {
				t.Fatal(err)
			}
			if len(c.problems) != 0 {
				t.Errorf("problems: %v", c.kinds())
			}
			for rel, layout := range tt.want {
				g, ok := c.entry(join(path, rel))
				if !ok {
					t.Errorf("missing %s; have %v", rel, c.paths())
					continue
				}
				if g.layout != layout {
					t.Errorf("%s: layout %v, want %v", rel, g.layout, layout)
				}
				if g.err != nil {
					t.Errorf("%s: %v", rel, g.err)
				}
				if filepath.Ext(rel) == ".class" && !bytes.HasPrefix(g.data, cafebabe) {
					t.Errorf("%s: not a class file: % x", rel, g.data[:min(len(g.data), 8)])
				}
			}
			for _, g := range c.entries {
				if g.depth == 0 && g.kind != tt.kind {
					t.Errorf("%s: archive kind %v, want %v", g.path, g.kind, tt.kind)
				}
			}
		})
	}
}

func TestWalkGenerated(t *testing.T) {
	class := append(slices.Clone(cafebabe), "generated"...)
	lib := mkzip(t, ent{name: "META-INF/"}, ent{name: "com/x/L.class", data: class})
	biz := mkzip(t,
		ent{name: "META-INF/MANIFEST.MF", data: []byte("Manifest-Version: 1.0\r\nArk-Biz-Name: m\r\n\r\n")},
		ent{name: "com/x/M.class", data: class},
		ent{name: "lib/l.jar", data: lib, store: true})
	deep := mkzip(t, ent{name: "a/b.jar", data: biz, store: true})

	type want struct {
		path   string
		layout Layout
		depth  int
	}
	tests := []struct {
		name string
		zip  []byte
		want []want // every non-directory entry, in order
	}{
		{"plain", lib, []want{{"t.jar!/com/x/L.class", LayoutPlain, 0}}},
		{"fat jar, stored nested", mkzip(t,
			ent{name: "BOOT-INF/classes/com/x/A.class", data: class},
			ent{name: "BOOT-INF/lib/l.jar", data: lib, store: true}),
			[]want{
				{"t.jar!/BOOT-INF/classes/com/x/A.class", LayoutBootInfClasses, 0},
				{"t.jar!/BOOT-INF/lib/l.jar", LayoutBootInfLib, 0},
				{"t.jar!/BOOT-INF/lib/l.jar!/com/x/L.class", LayoutBootInfLib, 1},
			}},
		{"fat jar, deflated nested", mkzip(t,
			ent{name: "BOOT-INF/lib/l.jar", data: lib}),
			[]want{
				{"t.jar!/BOOT-INF/lib/l.jar", LayoutBootInfLib, 0},
				{"t.jar!/BOOT-INF/lib/l.jar!/com/x/L.class", LayoutBootInfLib, 1},
			}},
		{"war", mkzip(t,
			ent{name: "WEB-INF/classes/A.class", data: class},
			ent{name: "WEB-INF/lib/l.jar", data: lib}),
			[]want{
				{"t.jar!/WEB-INF/classes/A.class", LayoutWebInfClasses, 0},
				{"t.jar!/WEB-INF/lib/l.jar", LayoutWebInfLib, 0},
				{"t.jar!/WEB-INF/lib/l.jar!/com/x/L.class", LayoutWebInfLib, 1},
			}},
		{"ark-biz by manifest", biz, []want{
			{"t.jar!/META-INF/MANIFEST.MF", LayoutArkBizClasses, 0},
			{"t.jar!/com/x/M.class", LayoutArkBizClasses, 0},
			{"t.jar!/lib/l.jar", LayoutArkBizLib, 0},
			{"t.jar!/lib/l.jar!/com/x/L.class", LayoutArkBizLib, 1},
		}},
		{"ark package", mkzip(t,
			ent{name: "SOFA-ARK/container/c.jar", data: lib, store: true},
			ent{name: "SOFA-ARK/plugin/p.jar", data: lib, store: true},
			ent{name: "SOFA-ARK/biz/b.jar", data: biz, store: true}),
			[]want{
				{"t.jar!/SOFA-ARK/container/c.jar", LayoutArkContainer, 0},
				{"t.jar!/SOFA-ARK/container/c.jar!/com/x/L.class", LayoutArkContainer, 1},
				{"t.jar!/SOFA-ARK/plugin/p.jar", LayoutArkPlugin, 0},
				{"t.jar!/SOFA-ARK/plugin/p.jar!/com/x/L.class", LayoutArkPlugin, 1},
				{"t.jar!/SOFA-ARK/biz/b.jar", LayoutArkBizClasses, 0},
				{"t.jar!/SOFA-ARK/biz/b.jar!/META-INF/MANIFEST.MF", LayoutArkBizClasses, 1},
				{"t.jar!/SOFA-ARK/biz/b.jar!/com/x/M.class", LayoutArkBizClasses, 1},
				{"t.jar!/SOFA-ARK/biz/b.jar!/lib/l.jar", LayoutArkBizLib, 1},
				{"t.jar!/SOFA-ARK/biz/b.jar!/lib/l.jar!/com/x/L.class", LayoutArkBizLib, 2},
			}},
		{"ear", mkzip(t,
			ent{name: "META-INF/application.xml", data: []byte("<application/>")},
			ent{name: "lib/l.jar", data: lib},
			ent{name: "w.war", data: mkzip(t, ent{name: "WEB-INF/lib/l.jar", data: lib})}),
			[]want{
				{"t.jar!/META-INF/application.xml", LayoutPlain, 0},
				{"t.jar!/lib/l.jar", LayoutEarLib, 0},
				{"t.jar!/lib/l.jar!/com/x/L.class", LayoutEarLib, 1},
				{"t.jar!/w.war", LayoutEarModule, 0},
				{"t.jar!/w.war!/WEB-INF/lib/l.jar", LayoutWebInfLib, 1},
				{"t.jar!/w.war!/WEB-INF/lib/l.jar!/com/x/L.class", LayoutWebInfLib, 2},
			}},
		{"three levels, mixed methods", mkzip(t, ent{name: "BOOT-INF/lib/d.jar", data: deep}),
			[]want{
				{"t.jar!/BOOT-INF/lib/d.jar", LayoutBootInfLib, 0},
				{"t.jar!/BOOT-INF/lib/d.jar!/a/b.jar", LayoutBootInfLib, 1},
				{"t.jar!/BOOT-INF/lib/d.jar!/a/b.jar!/META-INF/MANIFEST.MF", LayoutArkBizClasses, 2},
				{"t.jar!/BOOT-INF/lib/d.jar!/a/b.jar!/com/x/M.class", LayoutArkBizClasses, 2},
				{"t.jar!/BOOT-INF/lib/d.jar!/a/b.jar!/lib/l.jar", LayoutArkBizLib, 2},
				{"t.jar!/BOOT-INF/lib/d.jar!/a/b.jar!/lib/l.jar!/com/x/L.class", LayoutArkBizLib, 3},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := walkBytes(t, "t.jar", tt.zip, Options{})
			if len(c.problems) != 0 {
				t.Errorf("problems: %v", c.kinds())
			}
			var have []want
			for _, g := range c.entries {
				have = append(have, want{g.path, g.layout, g.depth})
				if g.err != nil {
					t.Errorf("%s: %v", g.path, g.err)
				}
				if filepath.Ext(g.path) == ".class" && !bytes.Equal(g.data, class) {
					t.Errorf("%s: content %q", g.path, g.data)
				}
			}
			if !slices.Equal(have, tt.want) {
				t.Errorf("entries:\n have %v\n want %v", have, tt.want)
			}
		})
	}
}

func TestEntryFields(t *testing.T) {
	lib := mkzip(t, ent{name: "p/C.class", data: []byte("abc")})
	z := mkzip(t, ent{name: "BOOT-INF/lib/l.jar", data: lib, store: true})
	var seen *Entry
	v := VisitorFuncs{EntryFunc: func(e *Entry) error {
		if e.Name == "p/C.class" {
			seen = e
			rc, err := e.Open()
			if err != nil {
				return err
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil || string(b) != "abc" {
				t.Errorf("Open: %q, %v", b, err)
			}
		}
		return nil
	}}
	if err := WalkReader(context.Background(), "app.jar", bytes.NewReader(z), int64(len(z)), Options{}, v); err != nil {
		t.Fatal(err)
	}
	if seen == nil {
		t.Fatal("entry not seen")
	}
	if seen.Path != "app.jar!/BOOT-INF/lib/l.jar!/p/C.class" || seen.Archive != "app.jar!/BOOT-INF/lib/l.jar" ||
		!slices.Equal(seen.Chain, []string{"app.jar", "BOOT-INF/lib/l.jar"}) || seen.Depth != 1 ||
		seen.Size != 3 || seen.Method != zip.Deflate || seen.ArchiveKind != KindPlain || seen.Layout != LayoutBootInfLib {
		t.Errorf("entry %q %q %v %d %d %d %v %v", seen.Path, seen.Archive, seen.Chain, seen.Depth, seen.Size, seen.Method, seen.ArchiveKind, seen.Layout)
	}
}

// countingReaderAt counts the bytes read through it.
type countingReaderAt struct {
	r     io.ReaderAt
	calls atomic.Int64
	bytes atomic.Int64
}

func (c *countingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	c.calls.Add(1)
	n, err := c.r.ReadAt(p, off)
	c.bytes.Add(int64(n))
	return n, err
}

// A stored nested jar must be read in place: walking it and reading one small
// entry must not read (copy) the nested jar's large stored payload.
func TestStoredNestedReadInPlace(t *testing.T) {
	big := make([]byte, 4<<20)
	for i := range big {
		big[i] = byte(i*7 + i>>8) // incompressible enough not to matter; stored anyway
	}
	lib := mkzip(t, ent{name: "big.bin", data: big, store: true}, ent{name: "p/C.class", data: []byte("small")})
	z := mkzip(t, ent{name: "BOOT-INF/lib/l.jar", data: lib, store: true})
	cr := &countingReaderAt{r: bytes.NewReader(z)}
	var content string
	v := VisitorFuncs{EntryFunc: func(e *Entry) error {
		if e.Name == "p/C.class" {
			b, err := e.ReadAll()
			if err != nil {
				return err
			}
			content = string(b)
		}
		return nil
	}}
	if err := WalkReader(context.Background(), "t.jar", cr, int64(len(z)), Options{}, v); err != nil {
		t.Fatal(err)
	}
	if content != "small" {
		t.Fatalf("content %q", content)
	}
	if n := cr.bytes.Load(); n > 1<<20 {
		t.Errorf("read %d bytes of a %d-byte archive to reach one small nested entry: the nested jar was copied", n, len(z))
	}
	t.Logf("%d ReadAt calls, %d bytes, archive %d bytes", cr.calls.Load(), cr.bytes.Load(), len(z))
}

func TestSkipArchiveAndStop(t *testing.T) {
	lib := mkzip(t, ent{name: "p/C.class", data: []byte("c")})
	z := mkzip(t,
		ent{name: "a.jar", data: lib, store: true},
		ent{name: "b.txt", data: []byte("b")},
		ent{name: "c.txt", data: []byte("c")})
	var seen []string
	v := VisitorFuncs{EntryFunc: func(e *Entry) error {
		seen = append(seen, e.Path)
		switch e.Name {
		case "a.jar", "b.txt":
			return SkipArchive
		}
		return nil
	}}
	if err := WalkReader(context.Background(), "t", bytes.NewReader(z), int64(len(z)), Options{}, v); err != nil {
		t.Fatal(err)
	}
	if want := []string{"t!/a.jar", "t!/b.txt"}; !slices.Equal(seen, want) {
		t.Errorf("seen %v, want %v", seen, want)
	}

	stop := errors.New("stop")
	err := WalkReader(context.Background(), "t", bytes.NewReader(z), int64(len(z)), Options{},
		VisitorFuncs{EntryFunc: func(e *Entry) error { return stop }})
	if err != stop {
		t.Errorf("err %v, want the visitor's", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = WalkReader(ctx, "t", bytes.NewReader(z), int64(len(z)), Options{}, VisitorFuncs{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name string
		ents []ent
		want Kind
	}{
		{"x.jar", []ent{{name: "a/B.class"}}, KindPlain},
		{"x.jar", []ent{{name: "BOOT-INF/classes/a/B.class"}}, KindFatJar},
		{"x.war", []ent{{name: "WEB-INF/web.xml"}}, KindWar},
		{"x.ear", []ent{{name: "a.war"}}, KindEar},
		{"x.jar", []ent{{name: "com/alipay/sofa/ark/biz/mark"}}, KindArkBiz},
		{"x.jar", []ent{{name: "lib/a.jar"}, {name: "META-INF/MANIFEST.MF", data: []byte("Manifest-Version: 1.0\nArk-Biz-Name: x\n")}}, KindArkBiz},
		{"x.jar", []ent{{name: "lib/a.jar"}, {name: "META-INF/MANIFEST.MF", data: []byte("Manifest-Version: 1.0\n\nName: a\nArk-Biz-Name: x\n")}}, KindPlain},
		{"x.jar", []ent{{name: "SOFA-ARK/container/c.jar"}}, KindArkPackage},
	}
	for _, tt := range tests {
		z := mkzip(t, tt.ents...)
		zr, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
		if err != nil {
			t.Fatal(err)
		}
		if k := Classify(tt.name, zr); k != tt.want {
			t.Errorf("%s %v: %v, want %v", tt.name, tt.ents[0].name, k, tt.want)
		}
	}
}

func TestDefaults(t *testing.T) {
	if got := (Options{}).withDefaults(); got != DefaultOptions() {
		t.Errorf("zero options: %+v", got)
	}
	o := Options{MaxDepth: 2, MaxRatio: -1}.withDefaults()
	if o.MaxDepth != 2 || o.MaxRatio != DefaultMaxRatio {
		t.Errorf("%+v", o)
	}
}

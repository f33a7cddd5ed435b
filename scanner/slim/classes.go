package slim

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner/classfile"
)

// RuleUnresolvable is the id of the class check of a slimmed module.
const RuleUnresolvable = "module-class-unresolvable"

// Unresolved is a class the module's code references that resolves
// nowhere after slimming: not in the module, its packaged jars, the base,
// or the JDK.
type Unresolved struct {
	Class string   `json:"class"` // binary name, dotted
	From  []string `json:"from"`  // referencing Class.method, sorted, at most maxFrom
	More  int      `json:"more,omitempty"`
}

const maxFrom = 5

// classIndex is the set of class names a module can load: its own, its
// packaged jars' and the base's. Names only, so memory follows the number
// of classes, not their bytes.
type classIndex map[string]struct{}

func (ix classIndex) addZip(zr *zip.Reader, prefix string) {
	for _, f := range zr.File {
		n, ok := strings.CutPrefix(f.Name, prefix)
		if ok && strings.HasSuffix(n, ".class") && !strings.HasPrefix(n, "META-INF/") {
			ix[strings.TrimSuffix(n, ".class")] = struct{}{}
		}
	}
}

// nested opens a jar inside an outer jar: a stored entry is read in place,
// a compressed one is inflated into memory (capped).
func nested(outer io.ReaderAt, f *zip.File) (*zip.Reader, error) {
	if f.Method == zip.Store {
		off, err := f.DataOffset()
		if err != nil {
			return nil, err
		}
		return zip.NewReader(io.NewSectionReader(outer, off, int64(f.UncompressedSize64)), int64(f.UncompressedSize64))
	}
	if f.UncompressedSize64 > maxNestedJar {
		return nil, fmt.Errorf("over %d MB", maxNestedJar>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxNestedJar))
	if err != nil {
		return nil, err
	}
	return zip.NewReader(bytes.NewReader(data), int64(len(data)))
}

// addJar indexes a jar's own classes under dir/ (e.g. BOOT-INF/classes/)
// and the classes of the jars under libDir/.
func (ix classIndex) addJar(p, classesDir, libDir string) ([]Note, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(f, st.Size())
	if err != nil {
		return nil, err
	}
	ix.addZip(zr, classesDir)
	var notes []Note
	for _, e := range zr.File {
		if !strings.HasPrefix(e.Name, libDir) || strings.Contains(e.Name[len(libDir):], "/") || !strings.HasSuffix(e.Name, ".jar") {
			continue
		}
		nz, err := nested(f, e)
		if err != nil {
			notes = append(notes, Note{File: p + "!/" + e.Name, Kind: "read-error", Level: "warning", Message: "classes not indexed: " + err.Error()})
			continue
		}
		ix.addZip(nz, "")
	}
	return notes, nil
}

// addBase indexes the classes a base's fat jar offers its modules: its
// own (BOOT-INF/classes/) and its libraries' (BOOT-INF/lib/).
func (ix classIndex) addBase(base *Side) ([]Note, error) {
	notes, err := ix.addJar(base.Jar, "BOOT-INF/classes/", "BOOT-INF/lib/")
	if err != nil {
		return notes, fmt.Errorf("%s: %v", base.Jar, err)
	}
	return notes, nil
}

// BaseClasses reads the class names a base offers its modules, for a scan
// that judges modules against a base given apart from the tree. It reports
// whether a class (binary "a.b.C" or internal "a/b/C" name) is in the
// base; nil when the base is not a fat jar (a source tree or a dependency
// list names libraries, not classes).
func BaseClasses(base *Side) (func(class string) bool, []Note, error) {
	if base.Kind != KindFatJar {
		return nil, nil, nil
	}
	ix := classIndex{}
	notes, err := ix.addBase(base)
	if err != nil {
		return nil, notes, inputErr(base.Path, "cannot read the base's classes: %v", err)
	}
	return func(class string) bool {
		_, ok := ix[strings.ReplaceAll(class, ".", "/")]
		return ok
	}, notes, nil
}

// CheckClasses reads the module's own class files (the root of the
// ark-biz) and reports every referenced class that resolves neither in
// the module and its lib/, nor in the base's fat jar, nor in the JDK. It
// needs both jars; otherwise it says why it did not run.
func CheckClasses(mod, base *Side) ([]Unresolved, []Note, error) {
	if mod.Kind != KindBizJar || base.Kind != KindFatJar {
		return nil, nil, fmt.Errorf("it needs the module's ark-biz jar and the base's fat jar (here: a %s and a %s)", mod.Kind, base.Kind)
	}
	ix := classIndex{}
	notes, err := ix.addBase(base)
	if err != nil {
		return nil, notes, err
	}
	ns, err := ix.addJar(mod.Jar, "", "lib/")
	notes = append(notes, ns...)
	if err != nil {
		return nil, notes, fmt.Errorf("%s: %v", mod.Jar, err)
	}
	f, err := os.Open(mod.Jar)
	if err != nil {
		return nil, notes, err
	}
	defer f.Close()
	st, _ := f.Stat()
	zr, err := zip.NewReader(f, st.Size())
	if err != nil {
		return nil, notes, err
	}
	from := map[string]map[string]bool{}
	for _, e := range zr.File {
		if !strings.HasSuffix(e.Name, ".class") || strings.HasPrefix(e.Name, "lib/") || strings.HasPrefix(e.Name, "META-INF/") {
			continue
		}
		data, err := readEntry(e, 64<<20)
		if err != nil {
			notes = append(notes, Note{File: mod.Jar + "!/" + e.Name, Kind: "read-error", Level: "warning", Message: err.Error()})
			continue
		}
		c, err := classfile.Parse(data)
		if err != nil {
			notes = append(notes, Note{File: mod.Jar + "!/" + e.Name, Kind: "syntax", Level: "warning", Message: "not a class file: " + err.Error()})
			continue
		}
		cls := strings.ReplaceAll(c.Name, "/", ".")
		classfile.References(c, func(name, method string) {
			if rules.InJDK(name) {
				return
			}
			where := cls + " (extends or implements)"
			if method != "" {
				where = cls + "." + method
			}
			if _, ok := ix[name]; ok {
				return
			}
			if from[name] == nil {
				from[name] = map[string]bool{}
			}
			from[name][where] = true
		})
	}
	var out []Unresolved
	for _, name := range sortedKeys(from) {
		u := Unresolved{Class: strings.ReplaceAll(name, "/", ".")}
		ws := sortedKeys(from[name])
		if len(ws) > maxFrom {
			u.More = len(ws) - maxFrom
			ws = ws[:maxFrom]
		}
		u.From = ws
		out = append(out, u)
	}
	return out, notes, nil
}

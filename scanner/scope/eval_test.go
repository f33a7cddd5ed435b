package scope

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestCorpusEval classifies every input file of real source trees and
// prints counts per tree and per reason, and a seeded random sample of
// decisions to read against the code. It runs only when asked:
//
//	KSCAN_SCOPE_CORPUS=/work/corpus go test ./scanner/scope/ -run TestCorpusEval -v
//
// KSCAN_SCOPE_CORPUS lists directories separated by the path-list
// separator; each directory is a tree, or holds trees (src/ and eval/ of
// the corpus: every subdirectory of a directory without a build file is a
// tree). KSCAN_SCOPE_SEED (default 1) and KSCAN_SCOPE_SAMPLE (default 50)
// choose the sample; KSCAN_SCOPE_HARD=1 samples only decisions that the
// Maven default layout does not make (reasons other than "src/test/ source
// set" and "main source set src/main/"); KSCAN_SCOPE_OUT writes every
// decision as TSV.
func TestCorpusEval(t *testing.T) {
	env := os.Getenv("KSCAN_SCOPE_CORPUS")
	if env == "" {
		t.Skip("set KSCAN_SCOPE_CORPUS to a corpus directory to run")
	}
	seed := envInt("KSCAN_SCOPE_SEED", 1)
	n := envInt("KSCAN_SCOPE_SAMPLE", 50)
	trees := corpusTrees(t, filepath.SplitList(env))
	type row struct {
		tree, rel string
		d         Decision
	}
	var all []row
	overall := &Tally{}
	fmt.Printf("%-44s %7s %7s  %s\n", "tree", "inputs", "aside", "by class")
	for _, tree := range trees {
		c := New(tree, Options{})
		tally := &Tally{}
		name := filepath.Base(tree)
		for _, rel := range inputFiles(t, tree) {
			d := classifyInput(c, tree, rel)
			tally.Add(d)
			overall.Add(d)
			all = append(all, row{name, rel, d})
		}
		var parts []string
		for _, cc := range tally.Classes() {
			parts = append(parts, fmt.Sprintf("%d %s", cc.N, cc.Class))
		}
		fmt.Printf("%-44s %7d %7d  %s\n", name, tally.Total(), tally.SetAside(), strings.Join(parts, ", "))
	}
	fmt.Println(overall.Summary())
	fmt.Println("\nreasons (non-production):")
	for _, r := range overall.Reasons() {
		if r.Class != Production {
			fmt.Printf("%7d  %-12s %s\n", r.N, r.Class, r.Reason)
		}
	}
	fmt.Println("\nreasons (production):")
	for _, r := range overall.Reasons() {
		if r.Class == Production {
			fmt.Printf("%7d  %s\n", r.N, r.Reason)
		}
	}
	if out := os.Getenv("KSCAN_SCOPE_OUT"); out != "" {
		f, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriter(f)
		for _, r := range all {
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", r.tree, r.rel, r.d.Class, r.d.Reason, r.d.At, strings.Join(r.d.Hints, " | "))
		}
		w.Flush()
		f.Close()
	}
	hard := os.Getenv("KSCAN_SCOPE_HARD") == "1"
	var prod, non []int
	for i, r := range all {
		if hard && (r.d.Reason == "src/test/ source set" || r.d.Reason == "main source set src/main/") {
			continue
		}
		if r.d.Production() {
			prod = append(prod, i)
		} else {
			non = append(non, i)
		}
	}
	rng := rand.New(rand.NewSource(int64(seed)))
	for _, side := range []struct {
		name string
		idx  []int
	}{{"non-production", non}, {"production", prod}} {
		fmt.Printf("\nsample of %d of %d %s decisions (seed %d, hard %v):\n", n, len(side.idx), side.name, seed, hard)
		pick := rng.Perm(len(side.idx))
		if len(pick) > n {
			pick = pick[:n]
		}
		sort.Ints(pick)
		for k, p := range pick {
			r := all[side.idx[p]]
			fmt.Printf("%3d %s/%s\n     %s\n", k+1, r.tree, r.rel, r.d)
		}
	}
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

// corpusTrees expands the given directories into trees.
func corpusTrees(t *testing.T, dirs []string) []string {
	var out []string
	for _, d := range dirs {
		if isTree(d) {
			out = append(out, d)
			continue
		}
		es, err := os.ReadDir(d)
		if err != nil {
			t.Fatal(err)
		}
		sub := false
		for _, e := range es {
			if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
				p := filepath.Join(d, e.Name())
				if isTree(p) || hasDirs(p) {
					out = append(out, p)
					sub = true
				}
			}
		}
		if !sub {
			out = append(out, d)
		}
	}
	sort.Strings(out)
	return out
}

func isTree(d string) bool {
	for _, f := range buildFiles {
		if _, err := os.Stat(filepath.Join(d, f)); err == nil {
			return true
		}
	}
	return false
}

func hasDirs(d string) bool {
	es, _ := os.ReadDir(d)
	for _, e := range es {
		if e.IsDir() {
			return true
		}
	}
	return false
}

// evalSkip mirrors the directories the scanner's walk never enters.
var evalSkip = setOf(".git", ".hg", ".svn", "target", "build", "out", "node_modules", ".gradle", ".idea")

// inputFiles lists the files of a tree the scanner reads: Java sources,
// class files, archives, build files, properties and logging configs.
func inputFiles(t *testing.T, tree string) []string {
	var out []string
	filepath.WalkDir(tree, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != tree && evalSkip[d.Name()] {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !isInput(d.Name()) {
			return nil
		}
		rel, _ := filepath.Rel(tree, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	return out
}

func isInput(name string) bool {
	l := strings.ToLower(name)
	ext := filepath.Ext(l)
	switch {
	case ext == ".java" || ext == ".class" || ext == ".properties" || archiveExts[ext]:
		return true
	case l == "pom.xml" || l == "build.gradle" || l == "build.gradle.kts":
		return true
	case strings.HasPrefix(l, "logback") || strings.HasPrefix(l, "log4j") || strings.HasPrefix(l, "logging"):
		return ext == ".xml" || ext == ".json" || ext == ".yaml" || ext == ".yml" || ext == ".groovy"
	case strings.HasPrefix(l, "application") || strings.HasPrefix(l, "bootstrap"):
		return ext == ".yaml" || ext == ".yml"
	}
	return false
}

func classifyInput(c *Classifier, tree, rel string) Decision {
	abs := filepath.Join(tree, filepath.FromSlash(rel))
	ext := strings.ToLower(filepath.Ext(rel))
	switch {
	case ext == ".java" || ext == ".class":
		head, _ := readHead(abs)
		return c.File(rel, head)
	case archiveExts[ext]:
		return c.Archive(rel, archiveInfo(abs))
	}
	return c.File(rel, nil)
}

func archiveInfo(p string) *ArchiveInfo {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return nil
	}
	defer zr.Close()
	info := &ArchiveInfo{}
	for _, f := range zr.File {
		var data []byte
		if f.Name == "META-INF/MANIFEST.MF" && f.UncompressedSize64 < 1<<20 {
			if rc, err := f.Open(); err == nil {
				data, _ = io.ReadAll(io.LimitReader(rc, 1<<20))
				rc.Close()
			}
		}
		info.Note(f.Name, data)
	}
	return info
}

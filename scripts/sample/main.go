// Command sample draws a seeded random sample of findings from kscan JSON
// reports and prints each with the code around it, for reading against the
// code: the way kscan's precision is measured (see README, "How accurate
// is it").
//
//	go run ./scripts/sample -seed 1 -n 100 -levels error,warning out/*.json > sample.md
//
// Each report must be a kscan JSON report of one tree; the tree's root is
// taken from the report. Findings in archives show their entry and source
// line instead of code.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type report struct {
	Root     string `json:"root"`
	Findings []struct {
		RuleID  string `json:"ruleId"`
		Level   string `json:"level"`
		Message string `json:"message"`
		Path    string `json:"path"`
		Region  struct {
			StartLine int `json:"startLine"`
		} `json:"region"`
		Entry      string `json:"entry"`
		SourceLine int    `json:"sourceLine"`
		Class      string `json:"class"`
		Method     string `json:"method"`
	} `json:"findings"`
}

type item struct {
	root, rule, level, msg, path, entry, where string
	line                                       int
}

func main() {
	seed := flag.Int64("seed", 1, "random seed")
	n := flag.Int("n", 100, "findings to draw")
	levels := flag.String("levels", "error,warning", "levels to draw from (comma-separated)")
	context := flag.Int("context", 8, "lines of code shown before and after")
	perRule := flag.Int("per-rule", 0, "at most this many per rule (0: no limit)")
	only := flag.String("rules", "", "draw only from these rules (comma-separated; default: all)")
	flag.Parse()
	ruleSet := map[string]bool{}
	for _, r := range strings.Split(*only, ",") {
		if r = strings.TrimSpace(r); r != "" {
			ruleSet[r] = true
		}
	}
	want := map[string]bool{}
	for _, l := range strings.Split(*levels, ",") {
		want[strings.TrimSpace(l)] = true
	}
	var all []item
	for _, p := range flag.Args() {
		data, err := os.ReadFile(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, "sample:", err)
			os.Exit(2)
		}
		var r report
		if err := json.Unmarshal(data, &r); err != nil {
			fmt.Fprintf(os.Stderr, "sample: %s: %v\n", p, err)
			os.Exit(2)
		}
		for _, f := range r.Findings {
			if !want[f.Level] || len(ruleSet) > 0 && !ruleSet[f.RuleID] {
				continue
			}
			all = append(all, item{root: r.Root, rule: f.RuleID, level: f.Level, msg: f.Message, path: f.Path,
				entry: f.Entry, line: max(f.Region.StartLine, f.SourceLine), where: f.Class + "." + f.Method})
		}
	}
	// A stable order before shuffling, so a seed always draws the same.
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.root != b.root {
			return a.root < b.root
		}
		if a.path != b.path {
			return a.path < b.path
		}
		if a.line != b.line {
			return a.line < b.line
		}
		return a.rule < b.rule
	})
	rnd := rand.New(rand.NewSource(*seed))
	rnd.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	fmt.Fprintf(w, "# sample: seed %d, %d of %d findings at %s\n\n", *seed, min(*n, len(all)), len(all), *levels)
	count := map[string]int{}
	k := 0
	for _, it := range all {
		if k == *n {
			break
		}
		if *perRule > 0 && count[it.rule] >= *perRule {
			continue
		}
		count[it.rule]++
		k++
		fmt.Fprintf(w, "## %d. %s (%s) %s:%d\n\n%s\n\nin %s\n\n", k, it.rule, it.level, filepath.Join(filepath.Base(it.root), it.path), it.line, it.msg, it.where)
		if it.entry != "" {
			fmt.Fprintf(w, "(compiled code: %s)\n\n", it.entry)
			continue
		}
		src, err := os.ReadFile(filepath.Join(it.root, it.path))
		if err != nil {
			fmt.Fprintf(w, "(cannot read: %v)\n\n", err)
			continue
		}
		lines := strings.Split(string(src), "\n")
		from, to := max(1, it.line-*context), min(len(lines), it.line+*context)
		fmt.Fprintln(w, "```")
		for i := from; i <= to; i++ {
			mark := "  "
			if i == it.line {
				mark = "> "
			}
			fmt.Fprintf(w, "%s%5d %s\n", mark, i, lines[i-1])
		}
		fmt.Fprintln(w, "```")
		fmt.Fprintln(w)
	}
}

package scanner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner/finding"
)

// BenchmarkGraphBuild times the call graph step over a generated tree:
// launchers in packages of their own calling chains of helpers, which
// call a helper that ends the JVM, and entry-sensitive findings in the
// helpers, so that the search goes several rounds deep, counts the
// candidates of public methods beside the launchers and reads the
// launchers no rule parsed. The sources step runs outside the timer.
func BenchmarkGraphBuild(b *testing.B) {
	const launchers, chains, depth = 40, 60, 5
	root := b.TempDir()
	write := func(p, body string) {
		abs := filepath.Join(root, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(abs), 0o755)
		os.WriteFile(abs, []byte(body), 0o644)
	}
	write("src/main/java/u/Exit.java", "package u;\npublic class Exit { public static void now(int c) { System.exit(c); } }\n")
	var sensitive []finding.Finding
	for c := 0; c < chains; c++ {
		for d := 0; d < depth; d++ {
			call := fmt.Sprintf("H%d_%d.step%d(x);", c, d+1, d+1)
			if d == depth-1 {
				call = "u.Exit.now(x);"
			}
			write(fmt.Sprintf("src/main/java/h%d/H%d_%d.java", c%launchers, c, d),
				fmt.Sprintf("package h%d;\npublic class H%d_%d {\n  public static void step%d(int x) {\n    System.setProperty(\"k%d\", \"v\");\n    %s\n  }\n  public void run() { new H%d_%d(); }\n}\n",
					c%launchers, c, d, d, d, call, c, d))
			sensitive = append(sensitive, finding.Finding{RuleID: "system-property-mutation", Class: fmt.Sprintf("h%d.H%d_%d", c%launchers, c, d),
				Method: fmt.Sprintf("step%d", d), EntrySensitive: true})
		}
	}
	for l := 0; l < launchers; l++ {
		write(fmt.Sprintf("src/main/java/h%d/Tool%d.java", l, l),
			fmt.Sprintf("package h%d;\npublic class Tool%d {\n  public static void main(String[] args) { H%d_0.step0(args.length); }\n}\n", l, l, l))
	}
	for i := 0; i < 400; i++ {
		// Bystanders naming the helpers' words without calling them.
		write(fmt.Sprintf("src/main/java/p/P%d.java", i),
			fmt.Sprintf("package p;\npublic class P%d {\n  int step0, step1, step2, step3, step4, now, x;\n  void run() { String s = \"H%d_0\"; }\n}\n", i, i%chains))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		e, err := newEnv(&Options{Paths: []string{root}, Root: root, Rules: rules.All(), Jobs: 2})
		if err != nil {
			b.Fatal(err)
		}
		if err := e.run(context.Background(), newKinds(e.plan), false); err != nil {
			b.Fatal(err)
		}
		fs := append(e.findings, sensitive...)
		b.StartTimer()
		if _, err := e.graphs.build(context.Background(), fs, graphOptions{jobs: 2, timeout: time.Minute,
			maxFileSize: DefaultMaxFileSize, types: e.index.types}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		e.graphs.spill.discard()
		b.StartTimer()
	}
}

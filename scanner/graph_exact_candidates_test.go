package scanner

import (
	"fmt"
	"strings"
	"testing"
)

// A command line's option parser that only its main calls, in a tree of
// large files that name the parser's class: each file's word set (a small
// Bloom filter) holds most words, so by the sets alone a hundred files
// might call the parser, past the bound on the files a search reads. The
// files' text says only the launcher does, and the exit of the parser's
// help is the command line's own.
func TestGraphCountsCandidatesOnText(t *testing.T) {
	files := map[string]string{
		"src/main/java/org/acme/cli/Main.java": `package org.acme.cli;
public class Main {
    public static void main(String[] args) {
        Cli.parseOptions(args);
    }
}`,
		"src/main/java/org/acme/cli/Cli.java": `package org.acme.cli;
public class Cli {
    public static void parseOptions(String[] args) {
        if (args.length == 0) {
            showHelp();
        }
    }

    static void showHelp() {
        System.out.println("usage: main file...");
        System.exit(2);
    }
}`,
	}
	for i := 0; i < 2*maxEntryCandidates; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "package org.acme.cli;\npublic class Big%d {\n    Cli conventions;\n", i)
		for j := 0; j < 3000; j++ {
			fmt.Fprintf(&b, "    int w%d_%d;\n", i, j)
		}
		b.WriteString("}\n")
		files[fmt.Sprintf("src/main/java/org/acme/cli/Big%d.java", i)] = b.String()
	}
	res := scanDir(t, writeTree(t, files), Options{})
	for _, f := range res.Findings {
		if f.RuleID == "system-exit" {
			t.Errorf("%s:%d: %s, want none (only Main.main calls Cli.parseOptions)", f.Path, f.Region.StartLine, f.Message)
		}
	}
}

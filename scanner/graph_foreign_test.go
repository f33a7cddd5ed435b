package scanner

import (
	"path/filepath"
	"testing"
)

// TestForeignWriterEntryOnly: a static another class writes only from a
// command line's argument parsing is not reported, whatever else the tree
// holds. The project pass reports such a field after the call graph is
// built, so the graph is asked about the writers up front; it used to
// answer only when another finding's search had parsed their callers.
func TestForeignWriterEntryOnly(t *testing.T) {
	files := map[string]string{
		"src/main/java/org/acme/grammar/Tool.java": `package org.acme.grammar;
import org.acme.analysis.Limits;
public class Tool {
    public static void main(String[] args) {
        new Tool(args).run();
    }
    public Tool(String[] args) {
        processArgs(args);
    }
    public void processArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-max")) {
                Limits.MAX_STATES = Integer.parseInt(args[++i]);
            }
        }
    }
    void run() {
        System.err.println(Limits.MAX_STATES);
    }
}`,
		"src/main/java/org/acme/analysis/Limits.java": `package org.acme.analysis;
public class Limits {
    public static int MAX_STATES = 10000;
}`,
		// A library class writes a static from an API method: reported.
		"src/main/java/org/acme/analysis/Options.java": `package org.acme.analysis;
public class Options {
    public static void setDepth(int d) {
        Depth.MAX = d;
    }
}`,
		"src/main/java/org/acme/analysis/Depth.java": `package org.acme.analysis;
public class Depth {
    public static int MAX = 4;
}`,
	}
	dir := writeTree(t, files)
	got := map[string]bool{}
	for _, f := range scanDir(t, dir, Options{}).Findings {
		if f.RuleID == "static-mutable-state" {
			got[filepath.Base(f.Path)] = true
		}
	}
	if got["Limits.java"] {
		t.Error("Limits.MAX_STATES is written only from Tool.main's argument parsing: want no finding")
	}
	if !got["Depth.java"] {
		t.Error("Depth.MAX is written by a public setter of the library: want a finding")
	}
}

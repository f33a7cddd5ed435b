package scanner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kscan/kscan/rules"
)

// A file whose rules outrun its time limit (the parse within it) ends with a timeout
// notification and none of its findings, and the other files' findings
// stay. Six thousand statics written in one method cost
// static-mutable-state two expressions over the method per write: minutes
// before its check stopped at the limit (rules.Pass.Until).
func TestRulesStopAtTimeLimit(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("class Fields {\n")
	for i := range 6_000 {
		fmt.Fprintf(&b, "    static int f%d;\n", i)
	}
	b.WriteString("    static void set() {\n")
	for i := range 6_000 {
		fmt.Fprintf(&b, "        f%d = 1;\n", i)
	}
	b.WriteString("    }\n}\n")
	for name, body := range map[string]string{
		"Fields.java": b.String(),
		"Good.java":   "class Good { void f() { System.exit(1); } }\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Scan(context.Background(), Options{Paths: []string{dir}, Root: dir, Rules: rules.All(), Jobs: 2,
		ParseTimeout: 3 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	timedOut := false
	for _, n := range res.Notifications {
		if n.Path == "Fields.java" && n.Kind == "timeout" && strings.Contains(n.Message, "ran out in the rules") {
			timedOut = true
		}
	}
	if !timedOut {
		t.Errorf("no timeout for Fields.java: %+v", res.Notifications)

	}
	good := false
	for _, f := range res.Findings {
		switch f.Path {
		case "Fields.java":
			t.Errorf("a finding of the file whose time ran out: %+v", f)
		case "Good.java":
			good = true
		}
	}
	if !good {
		t.Error("the other file's finding is gone")
	}
}

package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner/finding"
)

func textBytes(t *testing.T, in *Input, opts TextOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Text(&buf, in, opts); err != nil {
		t.Fatalf("Text: %v", err)
	}
	return buf.Bytes()
}

func TestTextGolden(t *testing.T) {
	checkGolden(t, "golden.txt", textBytes(t, richInput(), TextOptions{}))
	checkGolden(t, "golden-verbose.txt", textBytes(t, suppressedInput(), TextOptions{Verbose: true}))
	checkGolden(t, "clean.txt", textBytes(t, cleanInput(), TextOptions{}))
}

func TestTextSummary(t *testing.T) {
	out := string(textBytes(t, richInput(), TextOptions{}))
	want := "4 findings (1 error, 2 warnings, 1 note) in 4 files; 120 files scanned (35 parsed) in 0.42s; 2 input problems, 1 notice\n"
	if !strings.HasSuffix(out, want) {
		t.Errorf("summary:\n%s\nwant suffix %q", out, want)
	}
	if !strings.Contains(out, "  12:9  error    class-forname-caller-loader  Class.forName(name)") {
		t.Errorf("finding line missing:\n%s", out)
	}
	if strings.Contains(out, "Broken.java:14") {
		t.Errorf("a notification in the report; they belong on standard error:\n%s", out)
	}
	var errw bytes.Buffer
	if err := Notifications(&errw, richInput().Notifications, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errw.String(), "kscan: src/main/java/com/acme/Broken.java:14: syntax error; scanned in part") {
		t.Errorf("notification line missing:\n%s", errw.String())
	}
	clean := string(textBytes(t, cleanInput(), TextOptions{}))
	if !strings.HasPrefix(clean, "No findings.\n") {
		t.Errorf("clean report = %q", clean)
	}
}

func TestTextColor(t *testing.T) {
	plain := textBytes(t, richInput(), TextOptions{})
	if bytes.Contains(plain, []byte("\x1b")) {
		t.Error("escape sequences without Color")
	}
	colored := textBytes(t, richInput(), TextOptions{Color: true})
	if !bytes.Contains(colored, []byte(ansiRed+"error  "+ansiReset)) {
		t.Errorf("no red error level:\n%q", colored)
	}
}

// Text from scanned files must not reach the terminal raw.
func TestTextControlCharacters(t *testing.T) {
	in := cleanInput()
	in.Findings = []finding.Finding{{
		RuleID: "static-mutable-state", Severity: rules.SeverityMedium,
		Message: "evil\x1b]0;title\x07", Path: "A\x1b[2J.java",
		Region:  finding.Region{StartLine: 1, StartColumn: 1},
		Snippet: "int x; // \x1b[31mred\nnext",
	}}
	out := textBytes(t, in, TextOptions{})
	if bytes.Contains(out, []byte("\x1b")) || bytes.Contains(out, []byte("\x07")) {
		t.Errorf("control characters leaked:\n%q", out)
	}
}

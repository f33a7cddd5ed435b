package rules_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner"
)

// TestURLHandlerCaughtMessage: a factory installed inside a try that
// catches the "factory already defined" Error is still reported, with a
// message that does not claim the next app fails; one whose catch throws
// keeps the failure message.
func TestURLHandlerCaughtMessage(t *testing.T) {
	dir := filepath.Join("..", "testdata", "rules", "url-stream-handler-factory")
	res, err := scanner.Scan(context.Background(), scanner.Options{Paths: []string{filepath.Join(dir, "Caught.java")}, Root: dir,
		Rules: rules.All(), Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	byLine := map[int]string{}
	for _, f := range res.Findings {
		if f.RuleID == "url-stream-handler-factory" {
			byLine[f.Region.StartLine] = f.Message
		}
	}
	for line, want := range map[int]string{14: "catches the \"factory already defined\" failure", 22: "the next app that calls it fails"} {
		if got := byLine[line]; !strings.Contains(got, want) {
			t.Errorf("line %d: message %q, want it to say %q", line, got, want)
		}
	}
}

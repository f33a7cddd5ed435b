package batch

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/scanner/finding"
	"github.com/kscan/kscan/scanner/report"
)

// Dependencies the scan could not resolve (a missing parent pom or BOM)
// are counted apart: they do not make a repository scan-errors, whose
// inputs could not be read, and the summaries show them.
func TestUnresolvedDependencies(t *testing.T) {
	fixture, err := os.ReadFile(filepath.Join("testdata", "unresolved.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	// The same log with an unreadable jar as well.
	both := bytes.Replace(fixture, []byte(`"toolExecutionNotifications": [`),
		[]byte(`"toolExecutionNotifications": [{"descriptor": {"id": "read-error"}, "level": "error", "message": {"text": "lib/x.jar: truncated zip"}},`), 1)
	if bytes.Equal(both, fixture) {
		t.Fatal("fixture changed: update this test")
	}
	es := localEntries(t, "deps", "broken")
	fs := &fakeScanner{fn: func(ctx context.Context, req ScanRequest) error {
		data := fixture
		if filepath.Base(req.Dir) == "broken" {
			data = both
		}
		return os.WriteFile(req.SARIF, data, 0o644)
	}}
	out := t.TempDir()
	res, err := Run(context.Background(), es, Options{Out: out, Jobs: 1, Scan: fs.scan, KscanVersion: "1", RulesVersion: "r"})
	if err != nil {
		t.Fatal(err)
	}
	deps, broken := res.Statuses[0], res.Statuses[1]
	if deps.State != StateOK || deps.Reason != "" || deps.Notifications != 0 || deps.Unresolved != 3 ||
		deps.Findings != (LevelCounts{Warning: 1}) || len(deps.Adapters) != 1 {
		t.Errorf("unresolved only: %+v", deps)
	}
	if broken.State != StateScanErrors || broken.Notifications != 1 || broken.Unresolved != 3 ||
		broken.Reason != "lib/x.jar: truncated zip" {
		t.Errorf("unresolved and unreadable: %+v", broken)
	}
	// status.json holds the count.
	if data := string(mustReadFile(t, filepath.Join(out, ReposDir, deps.Key, StatusFile))); !strings.Contains(data, `"unresolved": 3`) {
		t.Errorf("status.json lacks the count:\n%s", data)
	}

	s, err := Summarize(out, res.Statuses, "error")
	if err != nil {
		t.Fatal(err)
	}
	if s.Totals.Unresolved != 6 || s.Totals.UnresolvedRepos != 2 || s.Totals.Failed != 0 || s.Totals.States[StateOK] != 1 {
		t.Errorf("totals %+v", s.Totals)
	}
	r := s.Repositories[0]
	if len(r.UnresolvedListed) != 3 || r.UnresolvedUnlisted != 0 ||
		r.UnresolvedListed[0] != "svc/pom.xml: parent com.acme:acme-parent:7 not found (not in the tree, no relativePath match)" {
		t.Errorf("listed %q, %d more", r.UnresolvedListed, r.UnresolvedUnlisted)
	}

	var md, page bytes.Buffer
	if err := WriteMarkdown(&md, s); err != nil {
		t.Fatal(err)
	}
	if err := WriteHTML(&page, s); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"- Unresolved dependencies (missing parent pom or BOM): 6 in 2 repositories\n",
		"| deps |  | unknown | ok | 0 | 1 | 0 | 3 |",
		"| broken |  | unknown | scan-errors: lib/x.jar: truncated zip | 0 | 1 | 0 | 3 |",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("summary.md lacks %q:\n%s", want, md.String())
		}
	}
	toks := tokenizeHTML(page.String())
	var cards strings.Builder
	for _, tk := range within(toks, "div", "total-unresolved") {
		cards.WriteString(tk.text)
	}
	if cards.String() != "6unresolved dependencies" {
		t.Errorf("card reads %q", cards.String())
	}
	rows := tableRows(page.String())
	if len(rows) != 2 || rows[0].cells[6] != "3" || rows[0].cells[2] != "ok" {
		t.Errorf("table rows %q", rows)
	}
	if !strings.Contains(page.String(), "BOM org.springframework.boot:spring-boot-dependencies:3.2.4 not found: managed versions unknown") {
		t.Error("report.html does not list the unresolved BOM")
	}
}

// The SARIF writer and this reader agree on where a notification's kind
// is: a log written by the scanner's own report package is counted.
func TestUnresolvedKindAsWritten(t *testing.T) {
	var b bytes.Buffer
	in := &report.Input{
		Tool: report.Tool{Name: "kscan"},
		Notifications: []finding.Notification{
			{Path: "pom.xml", Line: 5, Level: rules.LevelWarning, Kind: UnresolvedKind, Message: "parent a:b:1 not found"},
			{Path: "lib/x.jar", Level: rules.LevelError, Kind: "read-error", Message: "cannot read"},
		},
	}
	if err := report.SARIF(&b, in); err != nil {
		t.Fatal(err)
	}
	log, err := decodeSARIF(&b, "written.sarif")
	if err != nil {
		t.Fatal(err)
	}
	var st Status
	log.count(&st)
	if st.Unresolved != 1 || st.Notifications != 1 {
		t.Errorf("unresolved %d, unreadable %d; want 1 and 1", st.Unresolved, st.Notifications)
	}
	if got := log.problems(); got != "lib/x.jar: cannot read" {
		t.Errorf("problems %q", got)
	}
	if got, _ := log.unresolved(5); len(got) != 1 || got[0] != "pom.xml: parent a:b:1 not found" {
		t.Errorf("unresolved %q", got)
	}
}

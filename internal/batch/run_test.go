package batch

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// fakeLog is a SARIF log with two findings (one suppressed), one
// adapter-required finding and one unreadable input.
const fakeLog = `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"kscan","rules":[
 {"id":"class-forname-caller-loader","shortDescription":{"text":"Class.forName"},"defaultConfiguration":{"level":"error"}},
 {"id":"adapter-required","shortDescription":{"text":"adapter"},"defaultConfiguration":{"level":"warning"}}]}},
 "properties":{"kscan.roles":[{"dir":".","role":"base","reason":"pom.xml"}]},
 "results":[
  {"ruleId":"class-forname-caller-loader","level":"error","message":{"text":"m1"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/A.java"},"region":{"startLine":7}}}]},
  {"ruleId":"class-forname-caller-loader","level":"error","message":{"text":"m2"},"suppressions":[{"kind":"inSource"}]},
  {"ruleId":"adapter-required","level":"warning","message":{"text":"m3"},"properties":{"adapters":"g:b:2,g:a:1"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"pom.xml"},"region":{"startLine":3}}}]}],
 "invocations":[{"executionSuccessful":true,"toolExecutionNotifications":[{"level":"error","message":{"text":"truncated zip"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"lib/x.jar"}}}]}]}]}]}`

type fakeScanner struct {
	calls atomic.Int32
	fn    func(ctx context.Context, req ScanRequest) error
}

func (f *fakeScanner) scan(ctx context.Context, req ScanRequest) error {
	f.calls.Add(1)
	if f.fn != nil {
		return f.fn(ctx, req)
	}
	return os.WriteFile(req.SARIF, []byte(fakeLog), 0o644)
}

func localEntries(t *testing.T, names ...string) []Entry {
	t.Helper()
	dir := t.TempDir()
	var list strings.Builder
	for _, n := range names {
		os.MkdirAll(filepath.Join(dir, n), 0o755)
		os.WriteFile(filepath.Join(dir, n, "A.java"), []byte("class A {}"), 0o644)
		list.WriteString(n + "\n")
	}
	es, err := ParseList(strings.NewReader(list.String()), dir)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func TestRunStatuses(t *testing.T) {
	es := localEntries(t, "a", "b", "c")
	fs := &fakeScanner{}
	fs.fn = func(ctx context.Context, req ScanRequest) error {
		switch filepath.Base(req.Dir) {
		case "b": // hangs until the timeout
			<-ctx.Done()
			return ctx.Err()
		case "c":
			return errors.New(".kscan.yaml:3: rules: unknown rule \"x\"")
		}
		return os.WriteFile(req.SARIF, []byte(fakeLog), 0o644)
	}
	out := t.TempDir()
	o := Options{Out: out, Jobs: 3, Timeout: 300 * time.Millisecond, Scan: fs.scan, KscanVersion: "1", RulesVersion: "r"}
	res, err := Run(context.Background(), es, o)
	if err != nil {
		t.Fatal(err)
	}
	a, b, c := res.Statuses[0], res.Statuses[1], res.Statuses[2]
	if a.State != StateScanErrors || a.Reason != "lib/x.jar: truncated zip" || a.Findings != (LevelCounts{Error: 1, Warning: 1}) ||
		a.Suppressed != 1 || strings.Join(a.Adapters, " ") != "g:a:1 g:b:2" || strings.Join(a.Roles, " ") != "base" ||
		a.Rules["class-forname-caller-loader"] != 1 || a.SARIF == "" || a.Commit == "" {
		t.Errorf("a: %+v", a)
	}
	if b.State != StateTimedOut || !strings.Contains(b.Reason, "300ms") || b.SARIF != "" {
		t.Errorf("b: %+v", b)
	}
	if c.State != StateScanFailed || !strings.Contains(c.Reason, "unknown rule") {
		t.Errorf("c: %+v", c)
	}
	for _, st := range res.Statuses {
		if _, _, err := loadStatus(out, st.Key); err != nil {
			t.Errorf("%s: no status on disk: %v", st.Key, err)
		}
		if m, _ := filepath.Glob(filepath.Join(out, ReposDir, st.Key, "*.tmp")); len(m) > 0 {
			t.Errorf("%s: temporary files left: %v", st.Key, m)
		}
	}

	// Again: a is current and reused; b and c failed and are tried again.
	fs.calls.Store(0)
	res, err = Run(context.Background(), es, o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Reused != 1 || fs.calls.Load() != 2 {
		t.Errorf("reused %d, scanned %d; want 1 and 2", res.Reused, fs.calls.Load())
	}
	// An edited tree, another rules version or --force: scanned again.
	os.WriteFile(filepath.Join(es[0].Source, "B.java"), []byte("class B {}"), 0o644)
	for _, tc := range []struct {
		name string
		mod  func(*Options)
	}{{"edited", func(*Options) {}}, {"rules", func(o *Options) { o.RulesVersion = "r2" }}, {"force", func(o *Options) { o.Force = true }}} {
		o2 := o
		tc.mod(&o2)
		res, err := Run(context.Background(), es[:1], o2)
		if err != nil || res.Reused != 0 {
			t.Errorf("%s: reused %d, %v", tc.name, res.Reused, err)
		}
	}
}

// TestRunCancelled: a batch stopped from outside writes no status for the
// repositories it did not finish, so the next run does them.
func TestRunCancelled(t *testing.T) {
	es := localEntries(t, "a", "b")
	ctx, cancel := context.WithCancel(context.Background())
	fs := &fakeScanner{fn: func(c context.Context, req ScanRequest) error {
		cancel()
		<-c.Done()
		return c.Err()
	}}
	out := t.TempDir()
	_, err := Run(ctx, es, Options{Out: out, Jobs: 1, Scan: fs.scan})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
	if m, _ := filepath.Glob(filepath.Join(out, ReposDir, "*", StatusFile)); len(m) != 0 {
		t.Errorf("statuses written for unfinished repositories: %v", m)
	}
}

func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	now := time.Unix(0, 0)
	p := &progress{w: &buf, now: func() time.Time { return now }, running: map[string]time.Time{}}
	p.Start(4)
	e1, e2 := &Entry{Raw: "https://h/o/one"}, &Entry{Raw: "https://h/o/two"}
	p.Begin(e1)
	now = now.Add(10 * time.Second)
	p.End(e1, &Status{Repository: e1.Raw, State: StateOK, Findings: LevelCounts{Error: 2}, DurationMS: 10000}, false)
	p.Begin(e2)
	p.End(e2, &Status{Repository: e2.Raw, State: StateCloneFailed, Reason: "no such repository"}, false)
	p.Finish()
	want := "[1/4] ok           https://h/o/one: 2 errors, 0 warnings, 0 notes (10s)\n" +
		"[2/4] clone-failed https://h/o/two: no such repository\n" +
		"2 repositories in 10s: 1 failed, 0 results reused\n"
	if buf.String() != want {
		t.Errorf("lines:\n%s\nwant:\n%s", buf.String(), want)
	}

	// On a terminal: one bar redrawn in place with the current repository
	// and an estimate from the pace so far.
	buf.Reset()
	now = time.Unix(0, 0)
	p = &progress{w: &buf, term: true, now: func() time.Time { return now }, running: map[string]time.Time{}}
	p.total, p.start = 4, now
	p.Begin(e1)
	now = now.Add(20 * time.Second)
	p.End(e1, &Status{Repository: e1.Raw, State: StateOK}, false)
	p.Begin(e2)
	got := buf.String()
	last := got[strings.LastIndex(got, "\r")+1:]
	if !strings.HasPrefix(last, "[======                  ] 1/4  https://h/o/two  elapsed 20s  ETA 1m0s") {
		t.Errorf("bar %q", last)
	}
}

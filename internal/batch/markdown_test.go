package batch

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The report tests share one -update flag with any other golden tests of
// this package: whichever file registers it first wins, the rest look it up.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files under testdata/")
	}
}

func goldenUpdate() bool {
	f := flag.Lookup("update")
	if f == nil {
		return false
	}
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return false
	}
	b, _ := g.Get().(bool)
	return b
}

// checkReportGolden compares got with testdata/name, or rewrites it with -update.
func checkReportGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if goldenUpdate() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/batch -run %s -update to create it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./internal/batch -run %s -update and review the diff.\n--- got:\n%s", name, t.Name(), got)
	}
}

// Strings that break naive HTML and Markdown rendering.
const (
	hostileScript = `</script><img src=x onerror=alert(1)>`
	hostileRepo   = "https://example.com/x/evil" + hostileScript + "|pipe.git"
	hostileReason = "fatal: unable to access '" + hostileRepo + "/':\n| Could not resolve host | example.com\r\n`rm -rf` *now*"
)

// Times that must never be rendered: a merged sharded run has others.
const (
	testDurationMS = 987654321
	testFinished   = "2031-07-19T04:05:06Z"
)

// sampleReportSummary is a batch of nine repositories covering every
// state, detected and given roles, adapters, omitted findings and hostile
// strings. Its totals add up, as a real summary's do.
func sampleReportSummary() *Summary {
	rc := func(rule, level string, n int) RuleCount { return RuleCount{Rule: rule, Level: level, Count: n} }
	const logback = "com.alipay.sofa.koupleless:koupleless-adapter-logback-spring-starter-3.2:2.1.4"
	const dubbo = "com.alipay.sofa.koupleless:koupleless-adapter-dubbo-2.7:2.1.4"
	const orderCommit = "4e1a0c9d2b7f6e5a4c3b2a1908f7e6d5c4b3a291"
	const orderBrowse = "https://github.com/acme/order-service/blob/" + orderCommit + "/"

	repos := []Repo{{
		Status: Status{
			Key: "github.com-acme-order-service", Repository: "https://github.com/acme/order-service.git", Ref: "main",
			Kind: "remote", State: StateOK, Commit: orderCommit, Roles: []string{"base"},
			Findings: LevelCounts{Error: 3, Warning: 5, Note: 1}, Suppressed: 2,
			Rules:    map[string]int{"shutdown-hook": 3, "class-forname-caller-loader": 2, "adapter-required": 2, "jvm-global-default-mutation": 1, "static-logger-in-shared-code": 1},
			Adapters: []string{dubbo, logback},
			SARIF:    "repos/github.com-acme-order-service/result.sarif", BrowseURL: orderBrowse,
			Unresolved: 3,
		},
		TopRules: []RuleCount{
			rc("shutdown-hook", "warning", 3), rc("adapter-required", "warning", 2), rc("class-forname-caller-loader", "error", 2),
			rc("jvm-global-default-mutation", "error", 1), rc("static-logger-in-shared-code", "note", 1),
		},
		Listed: []FindingRef{
			{Rule: "class-forname-caller-loader", Level: "error", Path: "src/main/java/com/acme/order/PluginRegistry.java", Line: 42,
				Message: "Class.forName(name) resolves through the caller's ClassLoader", URL: orderBrowse + "src/main/java/com/acme/order/PluginRegistry.java#L42"},
			{Rule: "class-forname-caller-loader", Level: "error", Path: "src/main/java/com/acme/order/Codec.java", Line: 7,
				Message: "Class.forName(type) resolves through the caller's ClassLoader", URL: orderBrowse + "src/main/java/com/acme/order/Codec.java#L7"},
			{Rule: "jvm-global-default-mutation", Level: "error", Path: "src/main/java/com/acme/order/Boot.java", Line: 19,
				Message: "TimeZone.setDefault changes the default of every app", URL: orderBrowse + "src/main/java/com/acme/order/Boot.java#L19"},
			{Rule: "adapter-required", Level: "warning", Path: "pom.xml", Line: 88,
				Message: "logback-classic 1.4.14 needs " + logback, URL: orderBrowse + "pom.xml#L88"},
			{Rule: "shutdown-hook", Level: "warning", Path: "src/main/java/com/acme/order/Boot.java", Line: 31,
				Message: "Runtime.addShutdownHook in code that can be uninstalled", URL: orderBrowse + "src/main/java/com/acme/order/Boot.java#L31"},
		},
		Unlisted: 4,
		// A missing parent pom: the result stands, the dependencies it
		// would have brought in are unknown.
		UnresolvedListed: []string{
			"pom.xml: parent com.acme:acme-parent:7 not found",
			"pom.xml: BOM org.springframework.boot:spring-boot-dependencies:3.2.4 not found <b>|x|</b>",
		},
		UnresolvedUnlisted: 1,
	}, {
		Status: Status{
			Key: "gitlab.com-acme-payment-module-module", Repository: "https://gitlab.com/acme/payment-module", Role: "module",
			Kind: "remote", State: StateOK, Commit: "9b8a7c6d5e4f30211203f4e5d6c7b8a990817263", Roles: []string{"module"},
			Findings: LevelCounts{Error: 1, Note: 2},
			Rules:    map[string]int{"serviceloader-default-loader": 1, "static-logger-in-shared-code": 2},
			SARIF:    "repos/gitlab.com-acme-payment-module-module/result.sarif",
		},
		TopRules: []RuleCount{rc("static-logger-in-shared-code", "note", 2), rc("serviceloader-default-loader", "error", 1)},
		Listed: []FindingRef{
			{Rule: "serviceloader-default-loader", Level: "error", Path: "src/main/java/pay/Spi.java", Line: 12, Message: "ServiceLoader.load(Codec.class) binds to one ClassLoader"},
			{Rule: "static-logger-in-shared-code", Level: "note", Path: "src/main/java/pay/Ledger.java", Line: 9, Message: "static Logger in shared code"},
			{Rule: "static-logger-in-shared-code", Level: "note", Path: "src/main/java/pay/Audit.java", Line: 5, Message: "static Logger in shared code"},
		},
	}, {
		Status: Status{
			Key: "srv-checkout-inventory", Repository: "/srv/checkout/inventory", Kind: "local", State: StateScanErrors,
			Reason: "lib/broken.jar: zip: not a valid zip file (and 1 more inputs)", Notifications: 2,
			Commit: "sha256:0d4c3b2a", Roles: []string{"base", "module"},
			Findings: LevelCounts{Warning: 4},
			Rules:    map[string]int{"executor-leak": 3, "shutdown-hook": 1},
			SARIF:    "repos/srv-checkout-inventory/result.sarif",
		},
		TopRules: []RuleCount{rc("executor-leak", "warning", 3), rc("shutdown-hook", "warning", 1)},
		Listed: []FindingRef{
			{Rule: "executor-leak", Level: "warning", Path: "stock/src/main/java/inv/Sync.java", Line: 27, Message: "Executors.newFixedThreadPool kept in a static field"},
			{Rule: "executor-leak", Level: "warning", Path: "stock/src/main/java/inv/Sync.java", Line: 28, Message: "Executors.newSingleThreadScheduledExecutor kept in a static field"},
		},
		Unlisted: 2,
	}, {
		Status: Status{
			Key: "github.com-acme-empty-repo", Repository: "https://github.com/acme/empty-repo", Kind: "remote", State: StateEmpty,
			Reason: "the repository has no commits", SARIF: "repos/github.com-acme-empty-repo/result.sarif",
		},
	}, {
		Status: Status{
			Key: "example.com-x-evil-script-img-src-x-onerror-alert-1-pipe-feature-a-b", Repository: hostileRepo,
			Ref: "feature/a|b", Kind: "remote", State: StateCloneFailed, Reason: hostileReason,
		},
	}, {
		Status: Status{
			Key: "github.com-acme-big-monolith", Repository: "https://github.com/acme/big-monolith", Kind: "remote",
			State: StateTimedOut, Reason: "scan exceeded --timeout 10m0s",
		},
	}, {
		Status: Status{
			Key: "invalid-7", Repository: "not a url at all `rm -rf` *bold* [x](y) <b>", Kind: "local", State: StateInvalid,
			Reason: "the list line is not a usable path or URL",
		},
	}, {
		Status: Status{
			Key: "github.com-acme-legacy-batch-private", Repository: "https://github.com/acme/legacy-batch", Role: "private",
			Kind: "remote", State: StateOK, Commit: "0123456789abcdef0123456789abcdef01234567",
			Findings: LevelCounts{Error: 2, Warning: 1}, Suppressed: 1,
			Rules:    map[string]int{"class-forname-caller-loader": 2, "adapter-required": 1},
			Adapters: []string{logback},
			SARIF:    "repos/github.com-acme-legacy-batch-private/result.sarif",
		},
		TopRules: []RuleCount{rc("class-forname-caller-loader", "error", 2), rc("adapter-required", "warning", 1)},
		Listed: []FindingRef{
			{Rule: "class-forname-caller-loader", Level: "error", Path: `src/main/java/"quoted"/Job.java`, Line: 3,
				Message: "<b>bold</b> " + hostileScript, URL: "javascript:alert(1)"},
			{Rule: "class-forname-caller-loader", Level: "error", Path: "src/main/java/Loader.java", Line: 8, Message: "Class.forName(s) & friends"},
			{Rule: "adapter-required", Level: "warning", Path: "pom.xml", Message: "needs " + logback},
		},
	}, {
		Status: Status{
			Key: "github.com-acme-tools", Repository: "https://github.com/acme/tools", Kind: "remote", State: StateScanFailed,
			Reason: "kscan: open build.gradle: permission denied",
		},
	}}
	for i := range repos {
		r := &repos[i]
		r.Line = i + 1
		r.KscanVersion, r.RulesVersion = "1.4.0", "sha256:5f1c"
		r.DurationMS, r.Finished = testDurationMS, testFinished
	}
	return &Summary{
		KscanVersion: "1.4.0", RulesVersion: "sha256:5f1c", FailOn: "error",
		Totals: Totals{
			Repositories: 9,
			States: map[string]int{
				StateOK: 3, StateScanErrors: 1, StateEmpty: 1,
				StateCloneFailed: 1, StateTimedOut: 1, StateInvalid: 1, StateScanFailed: 1,
			},
			Failed:          4,
			Findings:        LevelCounts{Error: 6, Warning: 10, Note: 3},
			Suppressed:      3,
			NeedAdapters:    2,
			Unresolved:      3,
			UnresolvedRepos: 1,
		},
		Rules: []RuleCount{
			{Rule: "class-forname-caller-loader", Level: "error", Title: "Class looked up by name through the caller's ClassLoader", Count: 4, Repos: 2},
			{Rule: "shutdown-hook", Level: "warning", Title: "JVM shutdown hook registered by code that can be uninstalled", Count: 4, Repos: 2},
			{Rule: "adapter-required", Level: "warning", Title: "Base depends on a library that needs a Koupleless adapter", Count: 3, Repos: 2},
			{Rule: "executor-leak", Level: "warning", Title: "Thread pool kept by module code and never shut down", Count: 3, Repos: 1},
			{Rule: "static-logger-in-shared-code", Level: "note", Title: "Static logger in code the base shares with modules", Count: 3, Repos: 2},
			{Rule: "jvm-global-default-mutation", Level: "error", Title: "JVM-wide default changed", Count: 1, Repos: 1},
			{Rule: "serviceloader-default-loader", Level: "error", Title: "ServiceLoader or SpringFactoriesLoader bound to one ClassLoader", Count: 1, Repos: 1},
		},
		Adapters:     []AdapterCount{{Adapter: logback, Repos: 2}, {Adapter: dubbo, Repos: 1}},
		Repositories: repos,
	}
}

func TestWriteMarkdownGolden(t *testing.T) {
	var b bytes.Buffer
	if err := WriteMarkdown(&b, sampleReportSummary()); err != nil {
		t.Fatal(err)
	}
	checkReportGolden(t, "summary.md", b.Bytes())
}

func TestMarkdownText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"plain words, 1.2.3", "plain words, 1.2.3"},
		{"a|b", `a\|b`},
		{`back\slash|pipe`, `back\\slash\|pipe`},
		{"two\nlines\r\nthree", "two lines three"},
		{"tab\tand\x00nul", "tab and nul"},
		{"<script>", `\<script\>`},
		{"*em* _em_ `code` [link](x) ~~s~~ &amp; $x$", `\*em\* \_em\_ \` + "`" + `code\` + "`" + ` \[link\](x) \~\~s\~\~ \&amp; \$x\$`},
		{"line\u2028sep", "line sep"},
	} {
		if got := mdText(tc.in); got != tc.want {
			t.Errorf("mdText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMarkdownIdent(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"class-forname-caller-loader", "`class-forname-caller-loader`"},
		{"com.alipay.sofa.koupleless:koupleless-adapter-dubbo-2.7:2.1.4", "`com.alipay.sofa.koupleless:koupleless-adapter-dubbo-2.7:2.1.4`"},
		// A code span cannot hold these safely: they become escaped text.
		{"a|b", `a\|b`},
		{"a`b", "a\\`b"},
		{`a\|b`, `a\\\|b`},
	} {
		if got := mdIdent(tc.in); got != tc.want {
			t.Errorf("mdIdent(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// gfmCells splits a table row the way GitHub does: at pipes not escaped
// by a backslash (a backslash escapes whatever follows it).
func gfmCells(line string) []string {
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '\\' && i+1 < len(line):
			cur.WriteByte(c)
			cur.WriteByte(line[i+1])
			i++
		case c == '|':
			cells = append(cells, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	cells = append(cells, cur.String())
	// A row starts and ends with a pipe: drop the empty outsides.
	if len(cells) >= 2 && strings.TrimSpace(cells[0]) == "" && strings.TrimSpace(cells[len(cells)-1]) == "" {
		cells = cells[1 : len(cells)-1]
	}
	return cells
}

// Every row of every table keeps its column count, whatever the user data
// holds, and hostile text never reaches the output unescaped.
func TestMarkdownTablesHoldTogether(t *testing.T) {
	s := sampleReportSummary()
	var b bytes.Buffer
	if err := WriteMarkdown(&b, s); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	sections := map[string]int{"## Repositories": 10, "## Rules": 4, "## Adapters": 2}
	rows := map[string]int{}
	section := ""
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "## ") {
			section = line
			continue
		}
		if !strings.HasPrefix(line, "|") {
			continue
		}
		want, ok := sections[section]
		if !ok {
			t.Fatalf("table outside a known section: %q", line)
		}
		if got := len(gfmCells(line)); got != want {
			t.Errorf("%s: row has %d cells, want %d: %q", section, got, want, line)
		}
		rows[section]++
	}
	// Header and delimiter rows, then one per item.
	for sec, want := range map[string]int{
		"## Repositories": 2 + len(s.Repositories), "## Rules": 2 + len(s.Rules), "## Adapters": 2 + len(s.Adapters),
	} {
		if rows[sec] != want {
			t.Errorf("%s has %d table rows, want %d", sec, rows[sec], want)
		}
	}
	// No HTML can start: every < is escaped (and no static text has one).
	if m := regexp.MustCompile(`(^|[^\\])<`).FindString(out); m != "" {
		t.Errorf("summary.md holds an unescaped <: %q", m)
	}
	if strings.Contains(out, "\r") {
		t.Error("summary.md holds a carriage return")
	}
	// The failure reason is shown, on one line.
	if !strings.Contains(out, `| clone-failed: fatal: unable to access 'https://example.com/x/evil\</script\>`) {
		t.Errorf("clone-failed reason missing or not escaped:\n%s", out)
	}
}

func TestMarkdownRolesAndCounts(t *testing.T) {
	for _, tc := range []struct {
		name string
		st   Status
		want string // the row, after the repository cell
	}{
		{"given role wins", Status{Repository: "r", State: StateOK, Role: "module", Roles: []string{"base"}, Findings: LevelCounts{1, 2, 3}},
			" |  | module | ok | 1 | 2 | 3 | 0 |  |  |"},
		{"detected roles", Status{Repository: "r", State: StateOK, Roles: []string{"base", "module"}},
			" |  | base, module | ok | 0 | 0 | 0 | 0 |  |  |"},
		{"nothing known", Status{Repository: "r", State: StateEmpty, Ref: "v1"},
			" | v1 | unknown | empty | 0 | 0 | 0 | 0 |  |  |"},
		{"unresolved dependencies", Status{Repository: "r", State: StateOK, Unresolved: 2, Findings: LevelCounts{Warning: 1}},
			" |  | unknown | ok | 0 | 1 | 0 | 2 |  |  |"},
		// A failure has no counts, which 0 would misreport as clean.
		{"failed", Status{Repository: "r", State: StateTimedOut, Reason: "took too long"},
			" |  | unknown | timed-out: took too long | - | - | - | - |  |  |"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			s := &Summary{Repositories: []Repo{{Status: tc.st}}}
			if err := WriteMarkdown(&b, s); err != nil {
				t.Fatal(err)
			}
			if want := "\n| r" + tc.want + "\n"; !strings.Contains(b.String(), want) {
				t.Errorf("row %q not in\n%s", want, b.String())
			}
		})
	}
}

// Times differ between a sharded and an unsharded run; they must not
// show, and nothing may depend on map order.
func TestReportsAreTimelessAndDeterministic(t *testing.T) {
	for _, tc := range []struct {
		name  string
		write func(io.Writer, *Summary) error
	}{
		{"markdown", WriteMarkdown},
		{"html", WriteHTML},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var first bytes.Buffer
			if err := tc.write(&first, sampleReportSummary()); err != nil {
				t.Fatal(err)
			}
			for _, bad := range []string{testFinished, "2031", strconv.Itoa(testDurationMS)} {
				if strings.Contains(first.String(), bad) {
					t.Errorf("output shows a time: %q", bad)
				}
			}
			// Same summary, other times, maps rebuilt: the same bytes.
			for i := 0; i < 20; i++ {
				s := sampleReportSummary()
				states := map[string]int{}
				for k, v := range s.Totals.States {
					states[k] = v
				}
				s.Totals.States = states
				for j := range s.Repositories {
					s.Repositories[j].DurationMS = int64(j * 1000)
					s.Repositories[j].Finished = "1999-01-01T00:00:00Z"
				}
				var again bytes.Buffer
				if err := tc.write(&again, s); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(first.Bytes(), again.Bytes()) {
					t.Fatal("output differs between renders of the same summary")
				}
			}
		})
	}
}

func TestReportsOfEmptySummary(t *testing.T) {
	for _, tc := range []struct {
		name  string
		write func(io.Writer, *Summary) error
		want  []string
	}{
		{"markdown", WriteMarkdown, []string{"No repositories.", "No findings.", "No adapters needed."}},
		{"html", WriteHTML, []string{"No repositories.", "No findings.", "No adapters needed."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(&b, &Summary{}); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("missing %q in\n%s", w, b.String())
				}
			}
		})
	}
}

package batch

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

func renderHTML(t *testing.T, s *Summary) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteHTML(&b, s); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWriteHTMLGolden(t *testing.T) {
	checkReportGolden(t, "report.html", []byte(renderHTML(t, sampleReportSummary())))
}

// A small HTML tokenizer, enough for the report and for Chromium's
// serialization of it; the module has no HTML parser and gets none for
// tests. Attribute values may hold '>' (quoted); text is unescaped, with
// line ends folded as an HTML parser folds them.

type htmlToken struct {
	end   bool   // a closing tag
	name  string // tag name, lower case; "" for text
	attrs map[string]string
	order []string // attribute names as written
	text  string
}

var (
	tagRE  = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>`)
	attrRE = regexp.MustCompile(`([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>]+)))?`)
)

func tokenizeHTML(doc string) []htmlToken {
	var toks []htmlToken
	last := 0
	for _, m := range tagRE.FindAllStringSubmatchIndex(doc, -1) {
		if m[0] > last {
			toks = append(toks, htmlToken{text: htmlText(doc[last:m[0]])})
		}
		last = m[1]
		tok := htmlToken{end: m[3] > m[2], name: strings.ToLower(doc[m[4]:m[5]]), attrs: map[string]string{}}
		for _, a := range attrRE.FindAllStringSubmatch(doc[m[6]:m[7]], -1) {
			name := strings.ToLower(a[1])
			tok.attrs[name] = html.UnescapeString(a[2] + a[3] + a[4])
			tok.order = append(tok.order, name)
		}
		toks = append(toks, tok)
		// Script and style content is raw text: skip to its end tag.
		if !tok.end && (tok.name == "script" || tok.name == "style") {
			end := strings.Index(doc[last:], "</"+tok.name)
			if end < 0 {
				end = len(doc) - last
			}
			toks = append(toks, htmlToken{text: doc[last : last+end]})
			last += end
		}
	}
	if last < len(doc) {
		toks = append(toks, htmlToken{text: htmlText(doc[last:])})
	}
	return toks
}

func htmlText(s string) string {
	return html.UnescapeString(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"))
}

// within returns the tokens inside the first element named name with
// attribute id, excluding its own tags.
func within(toks []htmlToken, name, id string) []htmlToken {
	for i, tk := range toks {
		if tk.name != name || tk.end || tk.attrs["id"] != id {
			continue
		}
		depth := 1
		for j := i + 1; j < len(toks); j++ {
			if toks[j].name != name {
				continue
			}
			if toks[j].end {
				depth--
			} else {
				depth++
			}
			if depth == 0 {
				return toks[i+1 : j]
			}
		}
		return toks[i+1:]
	}
	return nil
}

type domRow struct {
	key   string
	cells []string
}

// tableRows reads the repository table's body rows in document order.
func tableRows(doc string) []domRow {
	var rows []domRow
	inCell := false
	var cell strings.Builder
	for _, tk := range within(tokenizeHTML(doc), "table", "repos") {
		switch {
		case tk.name == "tr" && !tk.end && tk.attrs["data-key"] != "":
			rows = append(rows, domRow{key: tk.attrs["data-key"]})
		case tk.name == "td" && !tk.end:
			inCell = true
			cell.Reset()
		case tk.name == "td" && tk.end:
			inCell = false
			rows[len(rows)-1].cells = append(rows[len(rows)-1].cells, cell.String())
		case tk.name == "" && inCell:
			cell.WriteString(tk.text)
		}
	}
	return rows
}

// tableSort returns each sortable header's aria-sort ("" when unset).
func tableSort(doc string) map[string]string {
	out := map[string]string{}
	for _, tk := range within(tokenizeHTML(doc), "table", "repos") {
		if tk.name == "th" && !tk.end && tk.attrs["data-key"] != "" {
			out[tk.attrs["data-key"]] = tk.attrs["aria-sort"]
		}
	}
	return out
}

type domBar struct {
	attrs map[string]string
	segs  []map[string]string // rects with a data-level
	title string
}

// chartBars reads the bars (<g class="bar">) of the SVG with this id.
func chartBars(doc, id string) []domBar {
	var bars []domBar
	inTitle := false
	for _, tk := range within(tokenizeHTML(doc), "svg", id) {
		switch {
		case tk.name == "g" && !tk.end && tk.attrs["class"] == "bar":
			bars = append(bars, domBar{attrs: tk.attrs})
		case tk.name == "rect" && !tk.end && tk.attrs["data-level"] != "" && len(bars) > 0:
			b := &bars[len(bars)-1]
			b.segs = append(b.segs, tk.attrs)
		case tk.name == "title":
			inTitle = !tk.end
		case tk.name == "" && inTitle && len(bars) > 0 && bars[len(bars)-1].title == "":
			bars[len(bars)-1].title = tk.text
		}
	}
	return bars
}

// wantCells is what the table shows for r: repository (with ref), role,
// state with its reason, errors, warnings, notes, unresolved dependencies,
// adapters, top rules, SARIF.
func wantCells(r *Repo) []string {
	repo := r.Repository
	if r.Ref != "" {
		repo += " @" + r.Ref
	}
	e, w, n, u := "–", "–", "–", "–"
	if !Failed(r.State) {
		e, w, n = strconv.Itoa(r.Findings.Error), strconv.Itoa(r.Findings.Warning), strconv.Itoa(r.Findings.Note)
		u = strconv.Itoa(r.Unresolved)
	}
	var top []string
	for _, rc := range r.TopRules {
		top = append(top, fmt.Sprintf("%s (%d)", rc.Rule, rc.Count))
	}
	sarif := ""
	if r.SARIF != "" {
		sarif = "SARIF"
	}
	// The reason is in the cell, as text (line ends as an HTML parser
	// reads them), not only in a tooltip.
	state := r.State + strings.ReplaceAll(r.Reason, "\r\n", "\n")
	return []string{repo, reportRole(&r.Status), state, e, w, n, u, strconv.Itoa(len(r.Adapters)), strings.Join(top, ", "), sarif}
}

func checkTable(t *testing.T, doc string, want []*Repo) {
	t.Helper()
	rows := tableRows(doc)
	if len(rows) != len(want) {
		t.Fatalf("table has %d rows, want %d", len(rows), len(want))
	}
	for i, r := range want {
		if rows[i].key != r.Key {
			t.Errorf("row %d is %q, want %q", i, rows[i].key, r.Key)
			continue
		}
		if got, w := rows[i].cells, wantCells(r); fmt.Sprint(got) != fmt.Sprint(w) {
			t.Errorf("row %q:\n got %q\nwant %q", r.Key, got, w)
		}
	}
}

// checkCharts compares the three charts with the summary they show.
func checkCharts(t *testing.T, doc string, s *Summary) {
	t.Helper()
	rules := chartBars(doc, "chart-rules")
	wantRules := s.Rules
	if len(wantRules) > ruleChartN {
		wantRules = wantRules[:ruleChartN]
	}
	if len(rules) != len(wantRules) {
		t.Errorf("rule chart has %d bars, want %d", len(rules), len(wantRules))
	}
	for i := 0; i < len(rules) && i < len(wantRules); i++ {
		got, w := rules[i].attrs, wantRules[i]
		if got["data-rule"] != w.Rule || got["data-count"] != strconv.Itoa(w.Count) {
			t.Errorf("rule bar %d: %s=%s, want %s=%d", i, got["data-rule"], got["data-count"], w.Rule, w.Count)
		}
		if !strings.HasPrefix(rules[i].title, w.Rule+" ") {
			t.Errorf("rule bar %d has title %q", i, rules[i].title)
		}
	}

	var byTotal []*Repo
	for i := range s.Repositories {
		if s.Repositories[i].Findings.Total() > 0 {
			byTotal = append(byTotal, &s.Repositories[i])
		}
	}
	sort.SliceStable(byTotal, func(i, j int) bool { return byTotal[i].Findings.Total() > byTotal[j].Findings.Total() })
	if len(byTotal) > repoChartN {
		byTotal = byTotal[:repoChartN]
	}
	repos := chartBars(doc, "chart-repos")
	if len(repos) != len(byTotal) {
		t.Errorf("repository chart has %d bars, want %d", len(repos), len(byTotal))
	}
	for i := 0; i < len(repos) && i < len(byTotal); i++ {
		got, r := repos[i], byTotal[i]
		if got.attrs["data-repo"] != r.Key || got.attrs["data-count"] != strconv.Itoa(r.Findings.Total()) {
			t.Errorf("repository bar %d: %s=%s, want %s=%d", i, got.attrs["data-repo"], got.attrs["data-count"], r.Key, r.Findings.Total())
		}
		levels := map[string]string{}
		for _, sg := range got.segs {
			levels[sg["data-level"]] = sg["data-count"]
		}
		want := map[string]string{
			"error": strconv.Itoa(r.Findings.Error), "warning": strconv.Itoa(r.Findings.Warning), "note": strconv.Itoa(r.Findings.Note),
		}
		if fmt.Sprint(levels) != fmt.Sprint(want) {
			t.Errorf("repository bar %s: levels %v, want %v", r.Key, levels, want)
		}
	}

	states := chartBars(doc, "chart-states")
	got := map[string]string{}
	for _, b := range states {
		got[b.attrs["data-state"]] = b.attrs["data-count"]
	}
	want := map[string]string{}
	for st, n := range s.Totals.States {
		if n > 0 {
			want[st] = strconv.Itoa(n)
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("state chart %v, want %v", got, want)
	}
}

func TestHTMLTableAndCharts(t *testing.T) {
	s := sampleReportSummary()
	doc := renderHTML(t, s)
	var want []*Repo
	for i := range s.Repositories {
		want = append(want, &s.Repositories[i])
	}
	checkTable(t, doc, want)
	checkCharts(t, doc, s)
	// Unsorted as written: list order, no header claims a sort.
	for key, v := range tableSort(doc) {
		if v != "" {
			t.Errorf("header %s has aria-sort=%q before any sort", key, v)
		}
	}
}

// manySummary has nRules rules and nRepos repositories with findings
// (totals repeating, so ties are tested), for the chart limits.
func manySummary(nRules, nRepos int) *Summary {
	s := &Summary{Totals: Totals{States: map[string]int{}}}
	for i := 0; i < nRules; i++ {
		s.Rules = append(s.Rules, RuleCount{Rule: fmt.Sprintf("rule-%02d", i), Level: []string{"error", "warning", "note"}[i%3], Count: 100 - i, Repos: 1})
	}
	for i := 0; i < nRepos; i++ {
		st := StateOK
		if i%7 == 6 {
			st = StateCloneFailed
		}
		r := Repo{Status: Status{Key: fmt.Sprintf("repo-%03d", i), Repository: fmt.Sprintf("https://git.example/r/%03d", i), State: st}}
		if st == StateOK {
			r.Findings = LevelCounts{Error: i % 4, Warning: (i * 3) % 5, Note: i % 2}
		}
		s.Totals.States[st]++
		s.Repositories = append(s.Repositories, r)
	}
	s.Totals.Repositories = nRepos
	return s
}

func TestHTMLChartLimits(t *testing.T) {
	for _, tc := range []struct {
		rules, repos int
		caption      []string
	}{
		{0, 0, nil},
		{3, 5, nil},
		{ruleChartN, repoChartN + 10, []string{"(the 30 with most findings of 3"}},
		{ruleChartN + 5, 60, []string{"(the 20 most frequent of 25 rules)", "(the 30 with most findings of 5"}},
	} {
		t.Run(fmt.Sprintf("%d-rules-%d-repos", tc.rules, tc.repos), func(t *testing.T) {
			s := manySummary(tc.rules, tc.repos)
			doc := renderHTML(t, s)
			checkCharts(t, doc, s)
			for _, c := range tc.caption {
				if !strings.Contains(doc, c) {
					t.Errorf("caption %q missing", c)
				}
			}
			if tc.rules == 0 && strings.Contains(doc, `id="chart-rules"`) {
				t.Error("empty rule chart drawn")
			}
		})
	}
}

// allowedTags are the elements the report may contain; anything else
// (img, iframe, link, object, use, image, ...) came from unescaped data
// or loads something.
var allowedTags = map[string]bool{
	"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true, "header": true,
	"nav": true, "main": true, "section": true, "h1": true, "h2": true, "h3": true, "p": true, "div": true,
	"b": true, "i": true, "span": true, "small": true, "code": true, "figure": true, "figcaption": true,
	"svg": true, "g": true, "rect": true, "text": true, "a": true, "table": true, "thead": true,
	"tbody": true, "tr": true, "th": true, "td": true, "button": true, "script": true, "ul": true, "li": true,
}

func TestHTMLEscapesUserData(t *testing.T) {
	s := sampleReportSummary()
	doc := renderHTML(t, s)
	toks := tokenizeHTML(doc)
	scripts := 0
	for _, tk := range toks {
		if tk.name == "" {
			continue
		}
		if !allowedTags[tk.name] {
			t.Errorf("unexpected element <%s%s>", map[bool]string{true: "/"}[tk.end], tk.name)
		}
		if tk.name == "script" && !tk.end {
			scripts++
		}
		for _, a := range tk.order {
			if strings.HasPrefix(a, "on") || a == "style" {
				t.Errorf("<%s> has attribute %s", tk.name, a)
			}
		}
	}
	if scripts != 1 {
		t.Errorf("%d script elements, want 1", scripts)
	}
	// The hostile strings come back whole as text: escaped, not dropped.
	var text strings.Builder
	for _, tk := range toks {
		text.WriteString(tk.text)
	}
	for _, want := range []string{
		hostileRepo,
		"@feature/a|b",
		strings.ReplaceAll(hostileReason, "\r\n", "\n"), // as an HTML parser reads it
		"<b>bold</b> " + hostileScript,
		`src/main/java/"quoted"/Job.java:3`,
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text %q not shown", want)
		}
	}
	// A finding link that is not a web address is not linked at all.
	if strings.Contains(doc, "javascript:") || strings.Contains(doc, "ZgotmplZ") {
		t.Error("a javascript: finding URL reached the page")
	}
}

// The page loads nothing: no src anywhere, no stylesheet links, no CSS
// urls; http(s) addresses appear only as <a> links to findings and
// repositories.
func TestHTMLLoadsNothingExternal(t *testing.T) {
	s := sampleReportSummary()
	doc := renderHTML(t, s)
	links := map[string]bool{}
	for i := range s.Repositories {
		r := &s.Repositories[i]
		links[r.Repository] = true
		for _, f := range r.Listed {
			links[f.URL] = true
		}
	}
	web := regexp.MustCompile(`(?i)^\s*(https?:)?//`)
	for _, tk := range tokenizeHTML(doc) {
		for _, a := range tk.order {
			v := tk.attrs[a]
			switch a {
			case "src", "srcset", "poster", "data", "action", "formaction", "xlink:href", "background", "ping", "manifest":
				t.Errorf("<%s %s=%q> loads something", tk.name, a, v)
			case "href":
				if !web.MatchString(v) {
					if strings.Contains(v, ":") {
						t.Errorf("<%s href=%q> has a scheme", tk.name, v)
					}
					continue
				}
				if tk.name != "a" {
					t.Errorf("<%s href=%q> is not a link", tk.name, v)
				}
				if !links[v] && !links[html.UnescapeString(v)] && !strings.HasPrefix(v, "https://example.com/x/evil%3c") {
					t.Errorf("unexpected web link %q", v)
				}
			}
		}
	}
	lower := strings.ToLower(doc)
	for _, bad := range []string{"url(", "@import", "<link", "<base", "fetch(", "xmlhttprequest", "import("} {
		if strings.Contains(lower, bad) {
			t.Errorf("page holds %q", bad)
		}
	}
}

// The policy names the inline style and script by hash: if they drift
// apart, the browser would silently drop both.
func TestHTMLPolicyAllowsItsOwnCode(t *testing.T) {
	doc := renderHTML(t, sampleReportSummary())
	toks := tokenizeHTML(doc)
	var csp string
	inline := map[string]string{}
	for i, tk := range toks {
		if tk.name == "meta" && strings.EqualFold(tk.attrs["http-equiv"], "content-security-policy") {
			csp = tk.attrs["content"]
		}
		if (tk.name == "script" || tk.name == "style") && !tk.end {
			inline[tk.name] = toks[i+1].text
		}
	}
	if !strings.Contains(csp, "default-src 'none'") {
		t.Fatalf("policy %q does not default to none", csp)
	}
	for _, kind := range []string{"script", "style"} {
		sum := sha256.Sum256([]byte(inline[kind]))
		want := kind + "-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		if !strings.Contains(csp, want) {
			t.Errorf("policy %q lacks %q", csp, want)
		}
	}
}

func TestHTMLRepositorySections(t *testing.T) {
	s := sampleReportSummary()
	doc := renderHTML(t, s)
	toks := tokenizeHTML(doc)
	sections := map[string]string{} // id -> text
	cur := ""
	for _, tk := range within(toks, "section", "details") {
		if tk.name == "section" {
			if tk.end {
				cur = ""
			} else {
				cur = tk.attrs["id"]
			}
		} else if tk.name == "" && cur != "" {
			sections[cur] += tk.text
		}
	}
	for i := range s.Repositories {
		r := &s.Repositories[i]
		text, ok := sections[reportAnchor(r.Key)]
		if !ok {
			t.Errorf("no section for %s", r.Key)
			continue
		}
		if r.Reason != "" && !strings.Contains(text, strings.ReplaceAll(r.Reason, "\r\n", "\n")) {
			t.Errorf("section %s lacks its reason", r.Key)
		}
		for _, f := range r.Listed {
			if !strings.Contains(text, f.Message) {
				t.Errorf("section %s lacks finding %q", r.Key, f.Message)
			}
		}
		for _, u := range r.UnresolvedListed {
			if !strings.Contains(text, u) {
				t.Errorf("section %s lacks unresolved dependency %q", r.Key, u)
			}
		}
		if r.Unresolved > 0 && !strings.Contains(text, plural(r.Unresolved, "unresolved dependency", "unresolved dependencies")) {
			t.Errorf("section %s does not count its unresolved dependencies", r.Key)
		}
		if got := strings.Contains(text, fmt.Sprintf("%d more in the SARIF file's notifications", r.UnresolvedUnlisted)); got != (r.UnresolvedUnlisted > 0) {
			t.Errorf("section %s: unresolved dependencies not listed shown=%v", r.Key, got)
		}
		more := fmt.Sprintf("%d more in the SARIF file", r.Unlisted)
		if got := strings.Contains(text, more); got != (r.Unlisted > 0) {
			t.Errorf("section %s: %q shown=%v", r.Key, more, got)
		}
	}
	// The table links each row to its section.
	for _, r := range s.Repositories {
		if !strings.Contains(doc, `<a href="#`+reportAnchor(r.Key)+`">`) {
			t.Errorf("no link to section %s", r.Key)
		}
	}
}

// A thousand repositories, five findings each, stays a page a browser
// opens without effort: the per-row markup is small.
func TestHTMLSizeForManyRepositories(t *testing.T) {
	s := manySummary(30, 1000)
	for i := range s.Repositories {
		r := &s.Repositories[i]
		r.SARIF = "repos/" + r.Key + "/result.sarif"
		r.TopRules = []RuleCount{{Rule: "class-forname-caller-loader", Count: 3}, {Rule: "shutdown-hook", Count: 1}}
		for j := 0; j < 5; j++ {
			r.Listed = append(r.Listed, FindingRef{Rule: "shutdown-hook", Level: "warning", Path: "src/main/java/com/acme/App.java", Line: j + 1,
				Message: "Runtime.addShutdownHook in code that can be uninstalled", URL: r.Repository + "/blob/0123456789abcdef0123456789abcdef01234567/src/main/java/com/acme/App.java#L1"})
		}
	}
	doc := renderHTML(t, s)
	if perRepo := len(doc) / 1000; perRepo > 3500 {
		t.Errorf("%d bytes per repository", perRepo)
	}
	if n := len(tableRows(doc)); n != 1000 {
		t.Errorf("%d rows", n)
	}
}

package batch

import (
	"crypto/sha256"
	"encoding/base64"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// WriteHTML writes report.html: one page that needs nothing else (no
// external scripts, styles, fonts or images), so it opens offline and from
// file://. Charts are inline SVG drawn here, so they show without script;
// the one inline script only sorts the repository table. A
// Content-Security-Policy allows exactly that script and style by hash,
// so nothing else can run or load even if an escape were ever missed.
// Times are left out on purpose, as in summary.md. The page streams to w:
// callers write to a temporary file renamed on success (WriteReports), so
// a failed render leaves no half page, without holding the page in memory.
func WriteHTML(w io.Writer, s *Summary) error {
	return reportTemplate().Execute(w, newReportView(s))
}

// Chart sizes, in SVG user units. The SVGs scale down to the page width.
const (
	chartWidth  = 960
	chartBarH   = 18
	chartRowH   = 24
	chartNumW   = 70 // room right of the longest bar for its count
	ruleChartN  = 20 // rules in the rule chart
	repoChartN  = 30 // repositories in the per-repository chart
	chartLabelW = 300
	stateLabelW = 120
	repoLabelW  = 340
)

type reportView struct {
	S          *Summary
	Versions   string
	Cards      []reportCard
	StateChart reportChart
	RuleChart  reportChart
	RepoChart  reportChart
	Rows       []reportRow
}

type reportCard struct {
	ID, Label, Class string
	N                int
}

// reportChart is a horizontal bar chart; each bar is one row.
type reportChart struct {
	Width, Height int
	BarH          int
	LabelX        int // right edge of the labels
	PlotX         int // left edge of the bars
	Bars          []reportBar
	Shown, Of     int // bars drawn, out of how many candidates
}

type reportBar struct {
	Y, TextY    int
	Label       string // possibly shortened; Title has it whole
	Title       string
	Key         string // data-rule, data-state or data-repo
	Class       string
	Count       int
	NumX        int
	Segs        []reportSeg // stacked parts, for the per-repository chart
	W           int
	Href        string
	LevelCounts LevelCounts
}

type reportSeg struct {
	Level    string
	Count    int
	X, W     int
	Class    string
	Subtitle string
}

type reportRow struct {
	*Repo
	Anchor     string
	RoleText   string
	StateClass string
	HasResult  bool
	TopText    string
	RepoHref   string // the repository's own web address, when it has one
}

func newReportView(s *Summary) *reportView {
	t := &s.Totals
	v := &reportView{S: s, Versions: reportVersions(s)}
	v.Cards = []reportCard{
		{"total-repositories", "repositories", "", t.Repositories},
		{"total-failed", "failed", "c-err", t.Failed},
		{"total-errors", "errors", "c-err", t.Findings.Error},
		{"total-warnings", "warnings", "c-warn", t.Findings.Warning},
		{"total-notes", "notes", "c-note", t.Findings.Note},
		{"total-suppressed", "suppressed", "", t.Suppressed},
		{"total-need-adapters", "need adapters", "", t.NeedAdapters},
		{"total-unresolved", "unresolved dependencies", "", t.Unresolved},
	}

	states := reportStates(t.States)
	var stateBars []reportBar
	for _, st := range states {
		n := t.States[st]
		stateBars = append(stateBars, reportBar{
			Key: st, Label: st, Count: n, Class: reportStateClass(st),
			Title: st + ": " + plural(n, "repository", "repositories"),
		})
	}
	v.StateChart = layoutBars(stateBars, stateLabelW, len(stateBars))

	var ruleBars []reportBar
	for i, rc := range s.Rules {
		if i == ruleChartN {
			break
		}
		title := rc.Rule + " (" + rc.Level + "): " + plural(rc.Count, "finding", "findings") +
			" in " + plural(rc.Repos, "repository", "repositories")
		if rc.Title != "" {
			title += " — " + rc.Title
		}
		ruleBars = append(ruleBars, reportBar{
			Key: rc.Rule, Label: rc.Rule, Count: rc.Count, Class: "lv-" + reportLevel(rc.Level), Title: title,
		})
	}
	v.RuleChart = layoutBars(ruleBars, chartLabelW, len(s.Rules))

	// Repositories with findings, most first; ties keep list order.
	var withFindings []*Repo
	for i := range s.Repositories {
		if r := &s.Repositories[i]; r.Findings.Total() > 0 {
			withFindings = append(withFindings, r)
		}
	}
	sort.SliceStable(withFindings, func(i, j int) bool {
		return withFindings[i].Findings.Total() > withFindings[j].Findings.Total()
	})
	var repoBars []reportBar
	for i, r := range withFindings {
		if i == repoChartN {
			break
		}
		name := reportRepoLabel(&r.Status)
		repoBars = append(repoBars, reportBar{
			Key: r.Key, Label: name, Count: r.Findings.Total(), Href: "#" + reportAnchor(r.Key),
			LevelCounts: r.Findings,
			Title: name + ": " + plural(r.Findings.Error, "error", "errors") + ", " +
				plural(r.Findings.Warning, "warning", "warnings") + ", " + plural(r.Findings.Note, "note", "notes"),
		})
	}
	v.RepoChart = layoutBars(repoBars, repoLabelW, len(withFindings))

	v.Rows = make([]reportRow, len(s.Repositories))
	for i := range s.Repositories {
		r := &s.Repositories[i]
		top := make([]string, len(r.TopRules))
		for j, rc := range r.TopRules {
			top[j] = rc.Rule + " (" + strconv.Itoa(rc.Count) + ")"
		}
		row := reportRow{
			Repo: r, Anchor: reportAnchor(r.Key), RoleText: reportRole(&r.Status),
			StateClass: reportStateClass(r.State), HasResult: !Failed(r.State),
			TopText: strings.Join(top, ", "),
		}
		row.RepoHref = webURL(r.Repository)
		v.Rows[i] = row
	}
	return v
}

// layoutBars places bars one per row and scales them to the largest count;
// stacked bars (with LevelCounts) are split into error, warning and note
// parts whose edges are rounded from running totals so they tile exactly.
func layoutBars(bars []reportBar, labelW, of int) reportChart {
	c := reportChart{Width: chartWidth, BarH: chartBarH, LabelX: labelW - 8, PlotX: labelW, Bars: bars, Shown: len(bars), Of: of}
	c.Height = len(bars)*chartRowH + 4
	plotW := chartWidth - labelW - chartNumW
	max := 0
	for _, b := range bars {
		if b.Count > max {
			max = b.Count
		}
	}
	scale := func(n int) int {
		if max == 0 {
			return 0
		}
		return (n*plotW + max/2) / max
	}
	maxLabel := (labelW - 12) / 7 // about 7 units per character at 12px
	for i := range bars {
		b := &bars[i]
		b.Y = 4 + i*chartRowH
		b.TextY = b.Y + chartBarH - 5 // baseline of 12px text centred on the bar
		b.W = scale(b.Count)
		if b.W == 0 && b.Count > 0 {
			b.W = 1 // a bar that is there must show
		}
		b.NumX = labelW + b.W + 6
		b.Label = shortLeft(b.Label, maxLabel)
		if b.LevelCounts.Total() > 0 {
			lc := b.LevelCounts
			cum := 0
			for _, p := range []struct {
				level string
				n     int
			}{{"error", lc.Error}, {"warning", lc.Warning}, {"note", lc.Note}} {
				x0 := scale(cum)
				cum += p.n
				b.Segs = append(b.Segs, reportSeg{
					Level: p.level, Count: p.n, X: labelW + x0, W: scale(cum) - x0, Class: "lv-" + p.level,
					Subtitle: plural(p.n, p.level, p.level+"s"),
				})
			}
		}
	}
	return c
}

// shortLeft keeps the end of s, where repository names differ, when s is
// longer than n characters.
func shortLeft(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + string(r[len(r)-n+1:])
}

// reportRepoLabel names a repository in the chart: without the scheme
// and ".git", with its ref and given role, which tell apart rows of one
// repository.
func reportRepoLabel(st *Status) string {
	name := st.Repository
	if i := strings.Index(name, "://"); i >= 0 {
		name = name[i+3:]
	}
	name = strings.TrimSuffix(strings.TrimSuffix(name, "/"), ".git")
	if st.Ref != "" {
		name += "@" + st.Ref
	}
	if st.Role != "" {
		name += " (" + st.Role + ")"
	}
	return name
}

// reportAnchor is the id of a repository's section; the prefix keeps keys
// from clashing with the page's own ids.
func reportAnchor(key string) string { return "repo-" + key }

func reportStateClass(state string) string {
	switch state {
	case StateOK:
		return "st-ok"
	case StateScanErrors:
		return "st-partial"
	case StateEmpty:
		return "st-empty"
	}
	return "st-failed"
}

// reportLevel maps a SARIF level to a CSS class suffix.
func reportLevel(level string) string {
	switch level {
	case "error", "warning", "note":
		return level
	}
	return "none"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// The style sheet and script are constants so the policy can name them by
// hash.
const reportCSS = `
:root{--err:#c62828;--warn:#b26200;--note:#1565c0;--ok:#2e7d32;--muted:#5f6368;--line:#dadce0;--bg2:#f6f8fa}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1f2328;background:#fff;margin:0 auto;max-width:1280px;padding:16px 24px 48px}
h1{font-size:22px;margin:0 0 2px}
h2{font-size:18px;margin:32px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:0 0 4px;overflow-wrap:anywhere}
a{color:#0b57d0}
nav a{margin-right:12px}
.meta{color:var(--muted);margin:0 0 8px;overflow-wrap:anywhere}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:120px;background:var(--bg2)}
.card b{display:block;font-size:26px;line-height:1.2}
.card span{color:var(--muted);font-size:12px}
.c-err b{color:var(--err)}.c-warn b{color:var(--warn)}.c-note b{color:var(--note)}
figure{margin:0 0 20px}
figcaption{font-weight:600;margin:4px 0}
figcaption small{font-weight:400;color:var(--muted)}
svg{display:block;width:100%;max-width:960px;height:auto;font-size:12px}
svg text{fill:#1f2328}
svg .lbl{text-anchor:end}
svg .num{fill:var(--muted)}
svg a:hover text{text-decoration:underline}
.lv-error{fill:var(--err)}.lv-warning{fill:var(--warn)}.lv-note{fill:var(--note)}.lv-none{fill:#888}
.st-ok{fill:var(--ok)}.st-partial{fill:var(--warn)}.st-empty{fill:#9aa0a6}.st-failed{fill:var(--err)}
.legend span{display:inline-block;margin-right:14px}
.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:baseline}
.legend .lv-error{background:var(--err)}.legend .lv-warning{background:var(--warn)}.legend .lv-note{background:var(--note)}
table{border-collapse:collapse;width:100%;margin:4px 0 8px}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
thead th{background:var(--bg2);position:sticky;top:0}
.num-col{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer}
th[aria-sort=ascending] button::after{content:" \25B2"}
th[aria-sort=descending] button::after{content:" \25BC"}
td.repo{overflow-wrap:anywhere;min-width:14em}
td.rules{font-size:12px;color:var(--muted)}
.ref{color:var(--muted)}
.state{display:inline-block;padding:0 6px;border-radius:10px;font-size:12px;white-space:nowrap;color:#fff}
.state.st-ok{background:var(--ok)}.state.st-partial{background:var(--warn)}.state.st-empty{background:#9aa0a6}.state.st-failed{background:var(--err)}
.e{color:var(--err);font-weight:600}
.repo-sec{margin:16px 0 24px;padding-top:8px;border-top:1px solid var(--line)}
td.state-col{min-width:9em}
.why{font-size:12px;margin-top:2px;white-space:pre-wrap;overflow-wrap:anywhere;color:var(--err)}
.why.st-partial{color:var(--warn)}.why.st-empty{color:var(--muted)}
.reason{background:#fdecea;border-left:3px solid var(--err);padding:4px 8px;white-space:pre-wrap;overflow-wrap:anywhere}
.reason.st-partial{background:#fff4e5;border-color:var(--warn)}.reason.st-empty{background:var(--bg2);border-color:#9aa0a6}
.findings{table-layout:fixed}.findings td{font-size:13px}
.findings .lvl{width:5em}.findings td.rule{width:18em}
.findings td.loc{width:40%;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;overflow-wrap:anywhere}
.lvl{font-weight:600}.lvl.error{color:var(--err)}.lvl.warning{color:var(--warn)}.lvl.note{color:var(--note)}
.unresolved{background:var(--bg2);border-left:3px solid var(--warn);padding:2px 8px;margin:8px 0}
.unresolved p{margin:4px 0}.unresolved ul{margin:0 0 4px;padding-left:20px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
.top{font-size:12px}
@media print{
body{max-width:none;padding:0;font-size:11px}
nav,.top{display:none}
thead th{position:static}
th button::after{content:none!important}
a{color:inherit;text-decoration:none}
tr,figure,.reason{break-inside:avoid}
h2,h3{break-after:avoid}
*{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
`

// reportJS sorts the repository table: by a click on a column header (a
// second click reverses), or by a fragment such as #sort=errors:desc.
// Numeric cells sort by their data-v value when they have one (failed
// repositories carry -1), so they sort below clean ones; ties keep list
// order in both directions.
const reportJS = `
(function () {
  "use strict";
  var table = document.getElementById("repos");
  if (!table) return;
  var heads = table.tHead.rows[0].cells;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var current = "", currentDir = "";
  function value(row, col, num) {
    var td = row.cells[col];
    var v = td.hasAttribute("data-v") ? td.getAttribute("data-v") : td.textContent;
    return num ? Number(v) : v.trim().toLowerCase();
  }
  function sortBy(name, dir) {
    var col = -1, i;
    for (i = 0; i < heads.length; i++) {
      if (heads[i].getAttribute("data-key") === name) col = i;
    }
    if (col < 0) return false;
    var num = heads[col].getAttribute("data-type") === "num";
    if (dir !== "asc" && dir !== "desc") dir = num ? "desc" : "asc";
    var sign = dir === "desc" ? -1 : 1;
    var keyed = rows.map(function (r, i) { return [value(r, col, num), i, r]; });
    keyed.sort(function (a, b) {
      var c = a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
      return c !== 0 ? c * sign : a[1] - b[1];
    });
    var frag = document.createDocumentFragment();
    keyed.forEach(function (k) { frag.appendChild(k[2]); });
    body.appendChild(frag);
    for (i = 0; i < heads.length; i++) heads[i].removeAttribute("aria-sort");
    heads[col].setAttribute("aria-sort", dir === "asc" ? "ascending" : "descending");
    current = name;
    currentDir = dir;
    return true;
  }
  function fromHash() {
    var m = /^#sort=([a-z-]+)(?::(asc|desc))?$/.exec(location.hash);
    if (m) sortBy(m[1], m[2]);
  }
  table.tHead.addEventListener("click", function (ev) {
    var th = ev.target.closest("th[data-key]");
    if (!th) return;
    var name = th.getAttribute("data-key");
    var dir = name === current ? (currentDir === "asc" ? "desc" : "asc") : "";
    if (!sortBy(name, dir)) return;
    try { history.replaceState(null, "", "#sort=" + current + ":" + currentDir); } catch (e) {}
  });
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
`

func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// reportCSP allows the page's own style and script and nothing else: no
// network, no other inline code.
var reportCSP = "default-src 'none'; style-src " + cspHash(reportCSS) + "; script-src " + cspHash(reportJS) +
	"; base-uri 'none'; form-action 'none'"

// The policy goes into the template's text rather than through an action,
// so it reads as written instead of entity-escaped. Parsed at first use:
// every kscan command links this package, and only a batch's report runs
// the template (parsing it made 2,168 allocations at each command's start).
var reportTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"css":    func() template.CSS { return template.CSS(reportCSS) },
		"js":     func() template.JS { return template.JS(reportJS) },
		"plural": plural,
		"weburl": webURL,
	}).Parse(strings.Replace(reportHTML, "@CSP@", reportCSP, 1)))
})

// webURL returns u when it is a web address, else "": finding and
// repository links are only ever to http(s) pages.
func webURL(u string) string {
	if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		return u
	}
	return ""
}

const reportHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="@CSP@">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kscan batch report</title>
<style>{{css}}</style>
</head>
<body>
<header id="top">
<h1>kscan batch report</h1>
{{with .Versions}}<p class="meta">{{.}}</p>{{end}}
<nav><a href="#charts">Charts</a><a href="#repositories">Repositories</a><a href="#rules">Rules</a><a href="#adapters">Adapters</a><a href="#details">Findings</a></nav>
</header>
<section class="cards" id="totals">
{{- range .Cards}}
<div class="card{{with .Class}} {{.}}{{end}}" id="{{.ID}}"><b>{{.N}}</b><span>{{.Label}}</span></div>
{{- end}}
</section>
<main>
<section id="charts">
<h2>Charts</h2>
{{with .StateChart}}{{if .Bars}}<figure>
<figcaption>Repositories per state</figcaption>
<svg id="chart-states" viewBox="0 0 {{.Width}} {{.Height}}" width="{{.Width}}" height="{{.Height}}" role="img" aria-label="Repositories per state">
{{- range .Bars}}
<g class="bar" data-state="{{.Key}}" data-count="{{.Count}}"><title>{{.Title}}</title><text class="lbl" x="{{$.StateChart.LabelX}}" y="{{.TextY}}">{{.Label}}</text><rect class="{{.Class}}" x="{{$.StateChart.PlotX}}" y="{{.Y}}" width="{{.W}}" height="{{$.StateChart.BarH}}"></rect><text class="num" x="{{.NumX}}" y="{{.TextY}}">{{.Count}}</text></g>
{{- end}}
</svg>
</figure>{{end}}{{end}}
{{with .RuleChart}}<figure>
<figcaption>Findings per rule{{if gt .Of .Shown}} <small>(the {{.Shown}} most frequent of {{.Of}} rules)</small>{{end}}</figcaption>
{{if .Bars}}<svg id="chart-rules" viewBox="0 0 {{.Width}} {{.Height}}" width="{{.Width}}" height="{{.Height}}" role="img" aria-label="Findings per rule">
{{- range .Bars}}
<g class="bar" data-rule="{{.Key}}" data-count="{{.Count}}"><title>{{.Title}}</title><text class="lbl" x="{{$.RuleChart.LabelX}}" y="{{.TextY}}">{{.Label}}</text><rect class="{{.Class}}" x="{{$.RuleChart.PlotX}}" y="{{.Y}}" width="{{.W}}" height="{{$.RuleChart.BarH}}"></rect><text class="num" x="{{.NumX}}" y="{{.TextY}}">{{.Count}}</text></g>
{{- end}}
</svg>{{else}}<p>No findings.</p>{{end}}
</figure>{{end}}
{{with .RepoChart}}<figure>
<figcaption>Findings per repository{{if gt .Of .Shown}} <small>(the {{.Shown}} with most findings of {{.Of}})</small>{{end}}</figcaption>
{{if .Bars}}<p class="legend"><span><i class="lv-error"></i>error</span><span><i class="lv-warning"></i>warning</span><span><i class="lv-note"></i>note</span></p>
<svg id="chart-repos" viewBox="0 0 {{.Width}} {{.Height}}" width="{{.Width}}" height="{{.Height}}" role="img" aria-label="Findings per repository">
{{- range .Bars}}
{{- $b := .}}
<g class="bar" data-repo="{{.Key}}" data-count="{{.Count}}"><title>{{.Title}}</title><a href="{{.Href}}"><text class="lbl" x="{{$.RepoChart.LabelX}}" y="{{.TextY}}">{{.Label}}</text></a>
{{- range .Segs}}<rect class="{{.Class}}" data-level="{{.Level}}" data-count="{{.Count}}" x="{{.X}}" y="{{$b.Y}}" width="{{.W}}" height="{{$.RepoChart.BarH}}"><title>{{.Subtitle}}</title></rect>{{end -}}
<text class="num" x="{{.NumX}}" y="{{.TextY}}">{{.Count}}</text></g>
{{- end}}
</svg>{{else}}<p>No findings.</p>{{end}}
</figure>{{end}}
</section>

<section id="repositories">
<h2>Repositories</h2>
{{if .Rows}}<table id="repos">
<thead><tr>
<th data-key="repository"><button type="button">repository</button></th>
<th data-key="role"><button type="button">role</button></th>
<th data-key="state"><button type="button">state</button></th>
<th data-key="errors" data-type="num" class="num-col"><button type="button">errors</button></th>
<th data-key="warnings" data-type="num" class="num-col"><button type="button">warnings</button></th>
<th data-key="notes" data-type="num" class="num-col"><button type="button">notes</button></th>
<th data-key="unresolved" data-type="num" class="num-col"><button type="button">unresolved</button></th>
<th data-key="adapters" data-type="num" class="num-col"><button type="button">adapters</button></th>
<th>top rules</th>
<th>SARIF</th>
</tr></thead>
<tbody>
{{- range .Rows}}
{{- $row := .}}
<tr data-key="{{.Key}}"><td class="repo"><a href="#{{.Anchor}}">{{.Repository}}</a>{{with .Ref}} <span class="ref">@{{.}}</span>{{end}}</td><td>{{.RoleText}}</td><td class="state-col" data-v="{{.State}}"><span class="state {{.StateClass}}">{{.State}}</span>{{with .Reason}}<div class="why {{$row.StateClass}}">{{.}}</div>{{end}}</td>
{{- if .HasResult}}{{with .Findings}}<td class="num-col{{if .Error}} e{{end}}">{{.Error}}</td><td class="num-col">{{.Warning}}</td><td class="num-col">{{.Note}}</td>{{end}}<td class="num-col">{{.Unresolved}}</td>
{{- else}}<td class="num-col" data-v="-1">–</td><td class="num-col" data-v="-1">–</td><td class="num-col" data-v="-1">–</td><td class="num-col" data-v="-1">–</td>
{{- end}}<td class="num-col">{{len .Adapters}}</td><td class="rules">{{.TopText}}</td><td>{{with .SARIF}}<a href="{{.}}">SARIF</a>{{end}}</td></tr>
{{- end}}
</tbody>
</table>{{else}}<p>No repositories.</p>{{end}}
</section>

<section id="rules">
<h2>Rules</h2>
{{if .S.Rules}}<table>
<thead><tr><th>rule</th><th>level</th><th>title</th><th class="num-col">findings</th><th class="num-col">repositories</th></tr></thead>
<tbody>
{{- range .S.Rules}}
<tr><td><code>{{.Rule}}</code></td><td><span class="lvl {{.Level}}">{{.Level}}</span></td><td>{{.Title}}</td><td class="num-col">{{.Count}}</td><td class="num-col">{{.Repos}}</td></tr>
{{- end}}
</tbody>
</table>{{else}}<p>No findings.</p>{{end}}
</section>

<section id="adapters">
<h2>Adapters</h2>
{{if .S.Adapters}}<table>
<thead><tr><th>adapter</th><th class="num-col">repositories</th></tr></thead>
<tbody>
{{- range .S.Adapters}}
<tr><td><code>{{.Adapter}}</code></td><td class="num-col">{{.Repos}}</td></tr>
{{- end}}
</tbody>
</table>{{else}}<p>No adapters needed.</p>{{end}}
</section>

<section id="details">
<h2>Findings by repository</h2>
{{- range .Rows}}
{{- $r := .}}
<section class="repo-sec" id="{{.Anchor}}">
<h3>{{if .RepoHref}}<a href="{{.RepoHref}}">{{.Repository}}</a>{{else}}{{.Repository}}{{end}}{{with .Ref}} <span class="ref">@{{.}}</span>{{end}} <span class="state {{.StateClass}}">{{.State}}</span></h3>
<p class="meta">role {{.RoleText}}{{with .Commit}} · commit <code>{{.}}</code>{{end}}{{if .HasResult}}{{with .Findings}} · {{plural .Error "error" "errors"}}, {{plural .Warning "warning" "warnings"}}, {{plural .Note "note" "notes"}}{{end}}{{with .Suppressed}}, {{.}} suppressed{{end}}{{end}}{{with .Notifications}} · {{.}} unreadable inputs{{end}}{{with .Unresolved}} · {{plural . "unresolved dependency" "unresolved dependencies"}}{{end}}{{with .SARIF}} · <a href="{{.}}">SARIF</a>{{end}} <a class="top" href="#repositories">↑ table</a></p>
{{- with .Reason}}
<p class="reason {{$r.StateClass}}">{{.}}</p>
{{- end}}
{{- if .UnresolvedListed}}
<div class="unresolved"><p>Unresolved dependencies (the adapter check cannot see what they would bring in):</p>
<ul>
{{- range .UnresolvedListed}}
<li>{{.}}</li>
{{- end}}
{{- with .UnresolvedUnlisted}}
<li>{{.}} more in the SARIF file's notifications</li>
{{- end}}
</ul></div>
{{- end}}
{{- with .Adapters}}
<p>Adapters needed: {{range $i, $a := .}}{{if $i}}, {{end}}<code>{{$a}}</code>{{end}}</p>
{{- end}}
{{- if .Listed}}
<table class="findings">
<tbody>
{{- range .Listed}}
<tr><td class="lvl {{.Level}}">{{.Level}}</td><td class="rule"><code>{{.Rule}}</code></td><td class="loc">{{with weburl .URL}}<a href="{{.}}">{{end}}{{.Path}}{{if .Line}}:{{.Line}}{{end}}{{if weburl .URL}}</a>{{end}}</td><td>{{.Message}}</td></tr>
{{- end}}
</tbody>
</table>
{{- else if .HasResult}}
<p>No findings.</p>
{{- end}}
{{- if .Unlisted}}
<p class="more">{{.Unlisted}} more in the {{if .SARIF}}<a href="{{.SARIF}}">SARIF file</a>{{else}}SARIF file{{end}}.</p>
{{- end}}
</section>
{{- end}}
</section>
</main>
<script>{{js}}</script>
</body>
</html>
`

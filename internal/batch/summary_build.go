package batch

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// FindingsShown is how many findings per repository the HTML report lists;
// the SARIF file has them all. UnresolvedShown is the same for unresolved
// dependencies.
const (
	FindingsShown   = 20
	UnresolvedShown = 5
)

// Summarize builds the summary of the statuses found under out, in list
// order. It reads each repository's SARIF log once, for the findings the
// HTML report lists and the rules' titles and levels.
func Summarize(out string, statuses []Status, failOn string) (*Summary, error) {
	sts := append([]Status(nil), statuses...)
	sortStatuses(sts)
	s := &Summary{FailOn: failOn, Totals: Totals{States: map[string]int{}}}
	meta := map[string]RuleCount{} // rule id -> level and title
	ruleRepos := map[string]*RuleCount{}
	adapterRepos := map[string]int{}
	kv, rv := map[string]bool{}, map[string]bool{}
	for _, st := range sts {
		r := Repo{Status: st}
		kv[st.KscanVersion], rv[st.RulesVersion] = true, true
		if st.SARIF != "" {
			log, err := readResult(out, &st)
			if err != nil {
				return nil, err
			}
			for _, run := range log.Runs {
				for _, d := range run.Tool.Driver.Rules {
					if _, ok := meta[d.ID]; !ok {
						meta[d.ID] = RuleCount{Rule: d.ID, Level: d.DefaultConfiguration.Level, Title: d.ShortDescription.Text}
					}
				}
			}
			r.Listed, r.Unlisted = log.findings(st.BrowseURL, FindingsShown)
			r.UnresolvedListed, r.UnresolvedUnlisted = log.unresolved(UnresolvedShown)
		}
		for id, n := range st.Rules {
			rc := ruleRepos[id]
			if rc == nil {
				rc = &RuleCount{Rule: id}
				ruleRepos[id] = rc
			}
			rc.Count += n
			rc.Repos++
			r.TopRules = append(r.TopRules, RuleCount{Rule: id, Count: n})
		}
		sortRuleCounts(r.TopRules)
		if len(r.TopRules) > 5 {
			r.TopRules = r.TopRules[:5]
		}
		for _, a := range st.Adapters {
			adapterRepos[a]++
		}
		t := &s.Totals
		t.Repositories++
		t.States[st.State]++
		if Failed(st.State) {
			t.Failed++
		}
		t.Findings.Error += st.Findings.Error
		t.Findings.Warning += st.Findings.Warning
		t.Findings.Note += st.Findings.Note
		t.Suppressed += st.Suppressed
		if len(st.Adapters) > 0 {
			t.NeedAdapters++
		}
		t.Unresolved += st.Unresolved
		if st.Unresolved > 0 {
			t.UnresolvedRepos++
		}
		s.Repositories = append(s.Repositories, r)
	}
	for i := range s.Repositories {
		for j := range s.Repositories[i].TopRules {
			tr := &s.Repositories[i].TopRules[j]
			tr.Level, tr.Title = meta[tr.Rule].Level, meta[tr.Rule].Title
		}
	}
	for id, rc := range ruleRepos {
		rc.Level, rc.Title = meta[id].Level, meta[id].Title
		s.Rules = append(s.Rules, *rc)
	}
	sortRuleCounts(s.Rules)
	for a, n := range adapterRepos {
		s.Adapters = append(s.Adapters, AdapterCount{Adapter: a, Repos: n})
	}
	sort.Slice(s.Adapters, func(i, j int) bool {
		if s.Adapters[i].Repos != s.Adapters[j].Repos {
			return s.Adapters[i].Repos > s.Adapters[j].Repos
		}
		return s.Adapters[i].Adapter < s.Adapters[j].Adapter
	})
	s.KscanVersion, s.RulesVersion = joinKeys(kv), joinKeys(rv)
	if s.Rules == nil {
		s.Rules = []RuleCount{}
	}
	if s.Adapters == nil {
		s.Adapters = []AdapterCount{}
	}
	return s, nil
}

// sortStatuses puts records in list order; the key breaks ties between
// lists that were edited between shards.
func sortStatuses(sts []Status) {
	sort.SliceStable(sts, func(i, j int) bool {
		if sts[i].Line != sts[j].Line {
			return sts[i].Line < sts[j].Line
		}
		return sts[i].Key < sts[j].Key
	})
}

func sortRuleCounts(rs []RuleCount) {
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].Count != rs[j].Count {
			return rs[i].Count > rs[j].Count
		}
		return rs[i].Rule < rs[j].Rule
	})
}

func joinKeys(m map[string]bool) string {
	var ks []string
	for k := range m {
		if k != "" {
			ks = append(ks, k)
		}
	}
	sort.Strings(ks)
	return strings.Join(ks, ", ")
}

// Output files of a batch beside repos/.
const (
	SummaryJSON  = "summary.json"
	SummaryMD    = "summary.md"
	ReportHTML   = "report.html"
	CombinedLog  = "results.sarif"
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	automationID = "kscan-batch/"
)

// ReportFiles are the files a batch or merge writes beside repos/: each
// run rewrites all of them, and none survives from an earlier run.
var ReportFiles = []string{SummaryJSON, SummaryMD, ReportHTML, CombinedLog, ManifestFile}

// Prepare readies out for a run: it removes the reports and the manifest
// of an earlier run, which would otherwise stand beside new results if
// this run stopped or failed before writing its own. A directory without a
// manifest is then an unfinished run, which kscan merge refuses.
func Prepare(out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, name := range ReportFiles {
		for _, p := range []string{name, name + ".tmp"} {
			if err := os.Remove(filepath.Join(out, p)); err != nil && !os.IsNotExist(err) {
				return err
			}
		}
	}
	return nil
}

// Finish summarises the statuses of a run or merge into out: the reports
// first, then the manifest (batch.json), last, as a run's mark that it
// finished.
func Finish(out string, statuses []Status, failOn string, m *Manifest) (*Summary, error) {
	s, err := Summarize(out, statuses, failOn)
	if err != nil {
		return nil, err
	}
	if err := WriteReports(out, s); err != nil {
		return nil, err
	}
	if err := WriteManifest(out, m); err != nil {
		return nil, err
	}
	return s, nil
}

// WriteReports writes summary.json, summary.md, report.html and
// results.sarif (every repository's run in one log) into out.
func WriteReports(out string, s *Summary) error {
	for _, w := range []struct {
		name  string
		write func(io.Writer) error
	}{
		{SummaryJSON, func(w io.Writer) error {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(s)
		}},
		{SummaryMD, func(w io.Writer) error { return WriteMarkdown(w, s) }},
		{ReportHTML, func(w io.Writer) error { return WriteHTML(w, s) }},
		{CombinedLog, func(w io.Writer) error { return writeCombined(w, out, s) }},
	} {
		if err := writeFile(filepath.Join(out, w.name), w.write); err != nil {
			return fmt.Errorf("writing %s: %w", w.name, err)
		}
	}
	return nil
}

// writeFile writes through a temporary file and a rename. The temporary
// file is made anew (whatever stood at its name, a link included, is
// removed), so the write lands where the name says.
func writeFile(path string, write func(io.Writer) error) error {
	tmp := path + ".tmp"
	if err := os.Remove(tmp); err != nil && !os.IsNotExist(err) {
		return err
	}
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}

// writeCombined writes one SARIF log with a run per repository, in list
// order, each naming its repository and commit (versionControlProvenance)
// and its repository key (automationDetails). A repository without a result
// gets a run whose invocation failed, with the reason, so every line of the
// list is accounted for. Runs are copied one at a time: memory does not
// grow with the list.
func writeCombined(w io.Writer, out string, s *Summary) error {
	if _, err := fmt.Fprintf(w, `{"$schema":%q,"version":"2.1.0","runs":[`, sarifSchema); err != nil {
		return err
	}
	for i := range s.Repositories {
		st := &s.Repositories[i].Status
		runs, err := repoRuns(out, st)
		if err != nil {
			return err
		}
		for j, run := range runs {
			if i > 0 || j > 0 {
				io.WriteString(w, ",")
			}
			if _, err := w.Write(run); err != nil {
				return err
			}
		}
	}
	_, err := io.WriteString(w, "]}\n")
	return err
}

func repoRuns(out string, st *Status) ([][]byte, error) {
	extra := map[string]any{
		"automationDetails": map[string]any{"id": automationID + st.Key + "/"},
	}
	if uri := repositoryURI(st); uri != "" {
		vcp := map[string]any{"repositoryUri": uri}
		if st.Commit != "" && fullSHA.MatchString(st.Commit) {
			vcp["revisionId"] = st.Commit
		}
		if st.Ref != "" {
			vcp["branch"] = st.Ref
		}
		extra["versionControlProvenance"] = []any{vcp}
	}
	if st.SARIF == "" {
		run := map[string]any{
			"tool": map[string]any{"driver": map[string]any{"name": "kscan", "version": st.KscanVersion}},
			"invocations": []any{map[string]any{
				"executionSuccessful": false,
				"toolExecutionNotifications": []any{map[string]any{
					"level":   "error",
					"message": map[string]any{"text": st.State + ": " + st.Reason},
				}},
			}},
		}
		for k, v := range extra {
			run[k] = v
		}
		b, err := json.Marshal(run)
		return [][]byte{b}, err
	}
	f, err := openResult(out, st)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var doc struct {
		Runs []map[string]json.RawMessage `json:"runs"`
	}
	if err := json.NewDecoder(f).Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: %v", f.Name(), err)
	}
	var outRuns [][]byte
	for _, run := range doc.Runs {
		for k, v := range extra {
			b, err := json.Marshal(v)
			if err != nil {
				return nil, err
			}
			run[k] = b
		}
		b, err := json.Marshal(run)
		if err != nil {
			return nil, err
		}
		outRuns = append(outRuns, b)
	}
	return outRuns, nil
}

// repositoryURI is the list's repository as an absolute URI: a URL as
// written (scp-like forms as ssh://), a local directory as file://.
func repositoryURI(st *Status) string {
	r := st.Repository
	if st.State == StateInvalid || r == "" {
		return ""
	}
	if u, err := url.Parse(r); err == nil && u.Scheme != "" && u.Host != "" || strings.HasPrefix(r, "file://") {
		return r
	}
	if scpLike.MatchString(r) {
		id, _ := remoteURL(r)
		return id
	}
	if filepath.IsAbs(r) {
		return (&url.URL{Scheme: "file", Path: filepath.ToSlash(r)}).String()
	}
	return ""
}

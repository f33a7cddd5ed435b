package batch

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// These tests open report.html in headless Chromium, as a reader would,
// and look at the page after its script ran. Without Chromium they skip,
// unless KSCAN_BROWSER_TESTS=require (set by CI once it installed it).
// KSCAN_REPORT_SCREENSHOT=<file.png> keeps the screenshot for a look.

func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/chromium", "chromium"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	msg := "chromium not installed (apt-get install chromium); the report is not checked in a browser"
	if os.Getenv("KSCAN_BROWSER_TESTS") == "require" {
		t.Fatal(msg + ", and KSCAN_BROWSER_TESTS=require")
	}
	t.Skip(msg)
	return ""
}

// runChromium runs one headless Chromium with its own profile and returns
// its standard output. The flags keep it off the network: on a closed
// network, background fetches fail noisily or stall.
func runChromium(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	all := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(),
	}, args...)
	cmd := exec.CommandContext(ctx, bin, all...)
	// Renderer processes may hold the pipes after the browser exits.
	cmd.WaitDelay = 5 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v (context: %v)\n%s", strings.Join(args, " "), err, ctx.Err(), stderrTail(stderr.String(), 20))
	}
	return stdout.Bytes()
}

// writeReport writes the sample report.html into a fresh directory.
func writeReport(t *testing.T, s *Summary, extra string) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteHTML(&b, s); err != nil {
		t.Fatal(err)
	}
	page := b.Bytes()
	if extra != "" {
		// A test's own script needs the policy gone and goes last.
		page = cspMeta.ReplaceAll(page, nil)
		page = bytes.Replace(page, []byte("</body>"), []byte(extra+"\n</body>"), 1)
	}
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, page, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var cspMeta = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy"[^>]*>\n?`)

func fileURL(path, fragment string) string {
	return (&url.URL{Scheme: "file", Path: path, Fragment: fragment}).String()
}

// sortedRepos is the order the page must show for a sort on a column:
// numbers with failures as -1, text case-folded, ties in list order.
func sortedRepos(s *Summary, key string, desc bool) []*Repo {
	var rs []*Repo
	for i := range s.Repositories {
		rs = append(rs, &s.Repositories[i])
	}
	if key == "" {
		return rs
	}
	num := func(r *Repo) int {
		if Failed(r.State) && key != "adapters" {
			return -1
		}
		switch key {
		case "errors":
			return r.Findings.Error
		case "warnings":
			return r.Findings.Warning
		case "notes":
			return r.Findings.Note
		case "unresolved":
			return r.Unresolved
		case "adapters":
			return len(r.Adapters)
		}
		panic(key)
	}
	text := func(r *Repo) string {
		switch key {
		case "repository":
			return strings.ToLower(wantCells(r)[0])
		case "role":
			return strings.ToLower(reportRole(&r.Status))
		case "state":
			return r.State
		}
		panic(key)
	}
	less := func(a, b *Repo) int {
		switch key {
		case "repository", "role", "state":
			return strings.Compare(text(a), text(b))
		}
		return num(a) - num(b)
	}
	sort.SliceStable(rs, func(i, j int) bool {
		c := less(rs[i], rs[j])
		if desc {
			c = -c
		}
		return c < 0
	})
	return rs
}

func TestBrowserReport(t *testing.T) {
	bin := chromiumPath(t)
	s := sampleReportSummary()
	path := writeReport(t, s, "")

	t.Run("unsorted", func(t *testing.T) {
		doc := string(runChromium(t, bin, "--dump-dom", fileURL(path, "")))
		checkTable(t, doc, sortedRepos(s, "", false))
		for key, v := range tableSort(doc) {
			if v != "" {
				t.Errorf("header %s has aria-sort=%q with no sort asked for", key, v)
			}
		}
		checkCharts(t, doc, s)
		if n := len(chartBars(doc, "chart-rules")); n != len(s.Rules) {
			t.Errorf("rule chart has %d bars after scripts ran, want %d", n, len(s.Rules))
		}
	})

	for _, tc := range []struct {
		fragment, key string
		desc          bool
	}{
		{"sort=errors:desc", "errors", true},
		{"sort=errors:asc", "errors", false},
		{"sort=warnings", "warnings", true}, // numbers default to most first
		{"sort=repository:desc", "repository", true},
		{"sort=state", "state", false},
	} {
		t.Run(tc.fragment, func(t *testing.T) {
			doc := string(runChromium(t, bin, "--dump-dom", fileURL(path, tc.fragment)))
			want := sortedRepos(s, tc.key, tc.desc)
			checkTable(t, doc, want)
			aria := map[bool]string{true: "descending", false: "ascending"}[tc.desc]
			for key, v := range tableSort(doc) {
				if w := map[bool]string{true: aria}[key == tc.key]; v != w {
					t.Errorf("header %s: aria-sort=%q, want %q", key, v, w)
				}
			}
			checkCharts(t, doc, s)
		})
	}
}

// Clicks sort too: a first click on a number column puts most first, a
// second reverses it, and the fragment follows so the view can be linked.
func TestBrowserReportClicks(t *testing.T) {
	bin := chromiumPath(t)
	s := sampleReportSummary()
	for _, tc := range []struct {
		name   string
		clicks []string
		key    string
		desc   bool
	}{
		{"one click on errors", []string{"errors"}, "errors", true},
		{"two clicks on errors", []string{"errors", "errors"}, "errors", false},
		{"notes, then repository", []string{"notes", "repository"}, "repository", false},
		{"three clicks on role", []string{"role", "role", "role"}, "role", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var js strings.Builder
			js.WriteString("<script>\n")
			for _, k := range tc.clicks {
				fmt.Fprintf(&js, "document.querySelector('#repos th[data-key=%q] button').click();\n", k)
			}
			js.WriteString("document.body.setAttribute('data-hash', location.hash);\n</script>")
			path := writeReport(t, s, js.String())
			doc := string(runChromium(t, bin, "--dump-dom", fileURL(path, "")))
			checkTable(t, doc, sortedRepos(s, tc.key, tc.desc))
			dir := map[bool]string{true: "desc", false: "asc"}[tc.desc]
			if want := `data-hash="#sort=` + tc.key + ":" + dir + `"`; !strings.Contains(doc, want) {
				t.Errorf("location not updated: want %s", want)
			}
		})
	}
}

// The screenshot shows the page styled and charted: the policy let the
// style sheet in (the error red is there) and the page is not blank.
func TestBrowserReportScreenshot(t *testing.T) {
	bin := chromiumPath(t)
	path := writeReport(t, sampleReportSummary(), "")
	shot := filepath.Join(t.TempDir(), "report.png")
	runChromium(t, bin, "--screenshot="+shot, "--window-size=1280,2000", "--hide-scrollbars", fileURL(path, ""))
	data, err := os.ReadFile(shot)
	if err != nil {
		t.Fatal(err)
	}
	if keep := os.Getenv("KSCAN_REPORT_SCREENSHOT"); keep != "" {
		if err := os.WriteFile(keep, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 2000 {
		t.Errorf("screenshot is %v, want 1280x2000", b)
	}
	colors := map[color.RGBA]int{}
	ink := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			c := rgba(img, x, y)
			colors[c]++
			if c != (color.RGBA{255, 255, 255, 255}) {
				ink++
			}
		}
	}
	if len(colors) < 50 {
		t.Errorf("screenshot has %d colours: blank or unstyled", len(colors))
	}
	if total := (b.Dx() / 2) * (b.Dy() / 2); ink*20 < total {
		t.Errorf("only %d of %d sampled pixels are not white", ink, total)
	}
	// Bars are solid: thousands of pixels of the error red (#c62828).
	if n := colors[color.RGBA{0xc6, 0x28, 0x28, 0xff}]; n < 1000 {
		t.Errorf("%d sampled pixels of the error red: charts or styles missing", n)
	}
}

func rgba(img image.Image, x, y int) color.RGBA {
	r, g, b, a := img.At(x, y).RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

func stderrTail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

package batch

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// Progress hears about a run as it goes.
type Progress interface {
	Start(total int)
	Begin(e *Entry)
	End(e *Entry, st *Status, reused bool)
	Finish()
}

type nopProgress struct{}

func (nopProgress) Start(int)                 {}
func (nopProgress) Begin(*Entry)              {}
func (nopProgress) End(*Entry, *Status, bool) {}
func (nopProgress) Finish()                   {}

// NewProgress reports to w: a bar redrawn in place on a terminal, or one
// log line per repository otherwise (CI logs, files).
func NewProgress(w io.Writer, terminal bool) Progress {
	p := &progress{w: w, term: terminal, now: time.Now, running: map[string]time.Time{}}
	return p
}

type progress struct {
	mu      sync.Mutex
	w       io.Writer
	term    bool
	now     func() time.Time
	start   time.Time
	total   int
	done    int
	reused  int
	failed  int
	running map[string]time.Time // repository -> when it started
	stop    chan struct{}
	stopped chan struct{}
	width   int // of the last bar drawn, to blank it
}

func (p *progress) Start(total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.start, p.total = p.now(), total
	if p.term {
		p.stop, p.stopped = make(chan struct{}), make(chan struct{})
		go p.tick()
	}
}

// tick redraws the bar so elapsed time moves while a long clone runs.
func (p *progress) tick() {
	defer close(p.stopped)
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			p.mu.Lock()
			p.draw()
			p.mu.Unlock()
		}
	}
}

func (p *progress) Begin(e *Entry) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.running[e.Raw] = p.now()
	if p.term {
		p.draw()
	}
}

func (p *progress) End(e *Entry, st *Status, reused bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.running, e.Raw)
	p.done++
	if reused {
		p.reused++
	}
	if Failed(st.State) {
		p.failed++
	}
	line := describe(st, reused)
	if p.term {
		// Failures stay on screen above the bar; the rest only move it.
		if Failed(st.State) {
			p.clear()
			fmt.Fprintf(p.w, "%s\n", line)
		}
		p.draw()
		return
	}
	fmt.Fprintf(p.w, "[%d/%d] %s\n", p.done, p.total, line)
}

func (p *progress) Finish() {
	if p.term && p.stop != nil {
		close(p.stop)
		<-p.stopped
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.term {
		p.clear()
	}
	fmt.Fprintf(p.w, "%d repositories in %s: %d failed, %d results reused\n",
		p.done, round(p.now().Sub(p.start)), p.failed, p.reused)
}

// describe is one repository's outcome in a log line.
func describe(st *Status, reused bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-12s %s", st.State, st.Repository)
	if st.Ref != "" {
		fmt.Fprintf(&b, " %s", st.Ref)
	}
	if Failed(st.State) || st.State == StateEmpty {
		fmt.Fprintf(&b, ": %s", st.Reason)
		return b.String()
	}
	fmt.Fprintf(&b, ": %d errors, %d warnings, %d notes", st.Findings.Error, st.Findings.Warning, st.Findings.Note)
	if len(st.Adapters) > 0 {
		fmt.Fprintf(&b, ", %d adapters", len(st.Adapters))
	}
	if st.State == StateScanErrors {
		fmt.Fprintf(&b, "; %d inputs unreadable", st.Notifications)
	}
	if st.Unresolved > 0 {
		fmt.Fprintf(&b, "; %d dependencies unresolved", st.Unresolved)
	}
	if reused {
		b.WriteString(" (current, reused)")
	} else {
		fmt.Fprintf(&b, " (%s)", round(time.Duration(st.DurationMS)*time.Millisecond))
	}
	return b.String()
}

// draw writes the bar: done/total, the newest repository in progress,
// elapsed time and the time left at the pace so far.
func (p *progress) draw() {
	const barWidth = 24
	filled := 0
	if p.total > 0 {
		filled = barWidth * p.done / p.total
	}
	elapsed := p.now().Sub(p.start)
	eta := "?"
	if fresh := p.done - p.reused; fresh > 0 && p.done < p.total {
		eta = round(elapsed / time.Duration(fresh) * time.Duration(p.total-p.done)).String()
	} else if p.done == p.total {
		eta = "0s"
	}
	cur, since := "", time.Time{}
	for r, t := range p.running {
		if cur == "" || t.After(since) || (t.Equal(since) && r < cur) {
			cur, since = r, t
		}
	}
	if n := len(p.running); n > 1 {
		cur = fmt.Sprintf("%s (+%d)", cur, n-1)
	}
	s := fmt.Sprintf("[%s%s] %d/%d  %s  elapsed %s  ETA %s",
		strings.Repeat("=", filled), strings.Repeat(" ", barWidth-filled), p.done, p.total,
		shorten(cur, 40), round(elapsed), eta)
	pad := ""
	if len(s) < p.width {
		pad = strings.Repeat(" ", p.width-len(s))
	}
	fmt.Fprintf(p.w, "\r%s%s", s, pad)
	p.width = len(s)
}

func (p *progress) clear() {
	if p.width > 0 {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
		p.width = 0
	}
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "..." + s[len(s)-n+3:]
}

func round(d time.Duration) time.Duration {
	if d > time.Minute {
		return d.Round(time.Second)
	}
	return d.Round(100 * time.Millisecond)
}

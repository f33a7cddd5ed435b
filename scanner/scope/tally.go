package scope

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Tally counts decisions so that a run can say how many files it set
// aside and why ("812 of 3,004 files set aside as non-production: 700 test
// scope, 95 benchmark, 17 example"), and how many entries of the archives
// it scanned ("; 881 archive entries set aside: 881 build tool"). It is
// safe for concurrent use.
type Tally struct {
	mu       sync.Mutex
	total    int
	byClass  [numClasses]int
	entries  [numClasses]int
	byReason map[reasonKey]int
}

type reasonKey struct {
	class  Class
	reason string
	entry  bool
}

// Count is a number of decisions of one class, or of one class and reason;
// Entries marks a count of archive entries rather than files.
type Count struct {
	Class   Class  `json:"class"`
	Reason  string `json:"reason,omitempty"`
	N       int    `json:"n"`
	Entries bool   `json:"entries,omitempty"`
}

// Add counts one decision.
func (t *Tally) Add(d Decision) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.byReason == nil {
		t.byReason = map[reasonKey]int{}
	}
	t.total++
	if d.Class < numClasses {
		t.byClass[d.Class]++
	}
	t.byReason[reasonKey{d.Class, d.Reason, false}]++
}

// Reclass moves one decision counted by Add from one class and reason to
// another: an archive whose content, read after its path was counted, set
// it aside.
func (t *Tally) Reclass(from, to Decision) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.byReason == nil {
		t.byReason = map[reasonKey]int{}
	}
	if k := (reasonKey{from.Class, from.Reason, false}); t.byReason[k] > 0 {
		if t.byReason[k]--; t.byReason[k] == 0 {
			delete(t.byReason, k)
		}
		if from.Class < numClasses {
			t.byClass[from.Class]--
		}
	} else {
		t.total++ // not counted before (an archive named to scan is not)
	}
	if to.Class < numClasses {
		t.byClass[to.Class]++
	}
	t.byReason[reasonKey{to.Class, to.Reason, false}]++
}

// AddEntry counts an entry of a scanned archive that its content set
// aside (a test class in a jar, Apache Ant's classes in ant.jar). The
// entries left in production are not counted: an archive is one input,
// counted by Add, and its entries are not files of the tree.
func (t *Tally) AddEntry(d Decision) {
	if d.Production() {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.byReason == nil {
		t.byReason = map[reasonKey]int{}
	}
	if d.Class < numClasses {
		t.entries[d.Class]++
	}
	t.byReason[reasonKey{d.Class, d.Reason, true}]++
}

// EntriesSetAside is the number of archive entries counted by AddEntry.
func (t *Tally) EntriesSetAside() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := 0
	for _, k := range t.entries {
		n += k
	}
	return n
}

// Total is the number of decisions counted; SetAside the non-production
// ones.
func (t *Tally) Total() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.total
}

func (t *Tally) SetAside() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.total - t.byClass[Production]
}

// Classes returns the non-production classes counted, most first.
func (t *Tally) Classes() []Count {
	t.mu.Lock()
	defer t.mu.Unlock()
	return byClass(&t.byClass, false)
}

// EntryClasses is Classes of the archive entries set aside.
func (t *Tally) EntryClasses() []Count {
	t.mu.Lock()
	defer t.mu.Unlock()
	return byClass(&t.entries, true)
}

func byClass(n *[numClasses]int, entries bool) []Count {
	var out []Count
	for c := Class(1); c < numClasses; c++ {
		if n[c] > 0 {
			out = append(out, Count{Class: c, N: n[c], Entries: entries})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].N > out[j].N })
	return out
}

// Reasons returns every class and reason counted (production included),
// most first, then by class and reason.
func (t *Tally) Reasons() []Count {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]Count, 0, len(t.byReason))
	for k, n := range t.byReason {
		out = append(out, Count{Class: k.class, Reason: k.reason, N: n, Entries: k.entry})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		if out[i].Class != out[j].Class {
			return out[i].Class < out[j].Class
		}
		if out[i].Reason != out[j].Reason {
			return out[i].Reason < out[j].Reason
		}
		return !out[i].Entries && out[j].Entries
	})
	return out
}

// Summary is one line for a report.
func (t *Tally) Summary() string {
	total, aside, n := t.Total(), t.SetAside(), t.EntriesSetAside()
	entries := fmt.Sprintf("%s archive %s set aside", group(n), plural(n, "entry", "entries"))
	if total == 0 && n > 0 {
		// Only archives named to scan, which are not counted as files.
		return entries + " as non-production" + classList(t.EntryClasses())
	}
	s := fmt.Sprintf("%s of %s files set aside as non-production", group(aside), group(total)) + classList(t.Classes())
	if n > 0 {
		s += "; " + entries + classList(t.EntryClasses())
	}
	return s
}

// classList is ": 812 test scope, 95 benchmark", or "" for no classes.
func classList(cs []Count) string {
	if len(cs) == 0 {
		return ""
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = group(c.N) + " " + c.Class.String()
	}
	return ": " + strings.Join(parts, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// group writes n with thousands separators.
func group(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + group(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

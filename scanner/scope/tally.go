package scope

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Tally counts decisions so that a run can say how many files it set
// aside and why ("812 of 3,004 files set aside as non-production: 700 test
// scope, 95 benchmark, 17 example"). It is safe for concurrent use.
type Tally struct {
	mu       sync.Mutex
	total    int
	byClass  [numClasses]int
	byReason map[reasonKey]int
}

type reasonKey struct {
	class  Class
	reason string
}

// Count is a number of decisions of one class, or of one class and reason.
type Count struct {
	Class  Class  `json:"class"`
	Reason string `json:"reason,omitempty"`
	N      int    `json:"n"`
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
	t.byReason[reasonKey{d.Class, d.Reason}]++
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
	var out []Count
	for c := Class(1); c < numClasses; c++ {
		if t.byClass[c] > 0 {
			out = append(out, Count{Class: c, N: t.byClass[c]})
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
		out = append(out, Count{Class: k.class, Reason: k.reason, N: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		if out[i].Class != out[j].Class {
			return out[i].Class < out[j].Class
		}
		return out[i].Reason < out[j].Reason
	})
	return out
}

// Summary is one line for a report.
func (t *Tally) Summary() string {
	cs := t.Classes()
	total, aside := t.Total(), t.SetAside()
	s := fmt.Sprintf("%s of %s files set aside as non-production", group(aside), group(total))
	if len(cs) == 0 {
		return s
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = group(c.N) + " " + c.Class.String()
	}
	return s + ": " + strings.Join(parts, ", ")
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

package gate

import (
	"sort"
	"strconv"
	"strings"

	"github.com/kscan/kscan/scanner/finding"
)

// State is a finding's SARIF baselineState (§3.27.24).
type State string

const (
	StateNew       State = "new"       // not in the baseline
	StateUnchanged State = "unchanged" // in the baseline
	StateAbsent    State = "absent"    // in the baseline, not found today
)

// maxAlign bounds the work spent placing one group of identical findings
// (cells of the alignment table); beyond it they are paired in order.
const maxAlign = 1 << 20

// Compare gives the state of each finding (new or unchanged) and the
// baseline entries that no finding matched and that inScope says today's
// scan looked for (nil: all). Suppressed findings are matched too, so a
// baseline finding suppressed since is unchanged rather than absent.
//
// Findings match entries with the same rule and fingerprint hash. The
// fingerprint's ":N" counter numbers identical findings in a file in line
// order, so when one of two identical findings is removed the survivor is
// renumbered ":1" whichever was removed; matching by the full fingerprint
// would then report the wrong one as absent. Instead each group of
// identical findings is paired with its entries in order, keeping the
// lines as close as possible, and only the surplus on either side is new
// or absent. The counts, and so the gate, are right whatever the lines
// did; which copy is named new or absent is a judgement from lines alone,
// and can name the wrong one when the remaining copies moved exactly onto
// the lines of the removed ones. On a tie the later copies are paired, as
// lines move down below an insertion and up below a deletion.
func Compare(b *Baseline, findings []finding.Finding, inScope func(Entry) bool) ([]State, []Entry) {
	states := make([]State, len(findings))
	today := map[string][]int{}
	for i := range findings {
		k := key(findings[i].RuleID, findings[i].Fingerprint)
		today[k] = append(today[k], i)
	}
	before := map[string][]int{}
	for i, e := range b.Findings {
		k := key(e.RuleID, e.Fingerprint)
		before[k] = append(before[k], i)
	}
	matched := make([]bool, len(b.Findings))
	for k, idx := range today {
		sort.SliceStable(idx, func(x, y int) bool {
			return lessPos(findings[idx[x]].Region.StartLine, findings[idx[x]].Fingerprint,
				findings[idx[y]].Region.StartLine, findings[idx[y]].Fingerprint)
		})
		ents := before[k]
		sort.SliceStable(ents, func(x, y int) bool {
			ex, ey := b.Findings[ents[x]], b.Findings[ents[y]]
			return lessPos(ex.Line, ex.Fingerprint, ey.Line, ey.Fingerprint)
		})
		tl := make([]int, len(idx))
		for i, fi := range idx {
			tl[i] = findings[fi].Region.StartLine
		}
		bl := make([]int, len(ents))
		for i, ei := range ents {
			bl[i] = b.Findings[ei].Line
		}
		for i := range idx {
			states[idx[i]] = StateNew
		}
		for _, p := range align(tl, bl) {
			states[idx[p[0]]] = StateUnchanged
			matched[ents[p[1]]] = true
		}
	}
	var absent []Entry
	for i, e := range b.Findings {
		if !matched[i] && (inScope == nil || inScope(e)) {
			absent = append(absent, e)
		}
	}
	return states, absent
}

// key groups identical findings: the rule and the fingerprint without its
// occurrence counter.
func key(rule, fp string) string {
	return rule + "\x00" + stem(fp)
}

func stem(fp string) string {
	if i := strings.LastIndexByte(fp, ':'); i >= 0 {
		if _, err := strconv.Atoi(fp[i+1:]); err == nil {
			return fp[:i]
		}
	}
	return fp
}

func counter(fp string) int {
	if i := strings.LastIndexByte(fp, ':'); i >= 0 {
		if n, err := strconv.Atoi(fp[i+1:]); err == nil {
			return n
		}
	}
	return 0
}

func lessPos(la int, fa string, lb int, fb string) bool {
	if la != lb {
		return la < lb
	}
	return counter(fa) < counter(fb)
}

// align pairs a[i] with b[j] in order, as many pairs as the shorter side
// has, choosing the pairing with the least total line distance. Pairs are
// (index in a, index in b).
func align(a, b []int) [][2]int {
	n, m := len(a), len(b)
	k := min(n, m)
	out := make([][2]int, 0, k)
	if n == m || (n+1)*(m+1) > maxAlign {
		for i := 0; i < k; i++ {
			out = append(out, [2]int{i, i})
		}
		return out
	}
	swap := n > m // short side first
	s, l := a, b
	if swap {
		s, l = b, a
	}
	ns, nl := len(s), len(l)
	// cost[i][j]: least distance pairing all of s[:i] with some of l[:j].
	const inf = int(^uint(0) >> 2)
	cost := make([][]int, ns+1)
	for i := range cost {
		cost[i] = make([]int, nl+1)
		for j := range cost[i] {
			if j < i {
				cost[i][j] = inf
			}
		}
	}
	for i := 1; i <= ns; i++ {
		for j := i; j <= nl; j++ {
			c := cost[i-1][j-1] + abs(s[i-1]-l[j-1])
			if j > i && cost[i][j-1] < c {
				c = cost[i][j-1]
			}
			cost[i][j] = c
		}
	}
	for i, j := ns, nl; i > 0; j-- {
		if j > i && cost[i][j] == cost[i][j-1] && cost[i][j] != cost[i-1][j-1]+abs(s[i-1]-l[j-1]) {
			continue // l[j-1] is left unpaired
		}
		if j == i || cost[i][j] == cost[i-1][j-1]+abs(s[i-1]-l[j-1]) {
			p := [2]int{i - 1, j - 1}
			if swap {
				p = [2]int{j - 1, i - 1}
			}
			out = append(out, p)
			i--
		}
	}
	sort.Slice(out, func(x, y int) bool { return out[x][0] < out[y][0] })
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Package udiff writes unified diffs (the format git apply and patch read)
// between two versions of a file, with Myers' O(ND) line diff.
package udiff

import (
	"fmt"
	"strings"
)

// Unified returns the diff of old to new for path, with three lines of
// context, or "" when they are equal. Paths are written a/path and b/path
// as git does.
func Unified(path, old, new string) string {
	if old == new {
		return ""
	}
	a, b := splitLines(old), splitLines(new)
	ops := diff(a, b)
	var out strings.Builder
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", path, path)
	const ctx = 3
	// Group edit runs that are within 2*ctx lines of each other into hunks.
	type span struct{ i, j int } // indexes into ops
	var hunks []span
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := i
		end := i
		for k := i; k < len(ops); k++ {
			if ops[k].kind != ' ' {
				end = k
				continue
			}
			// count the run of equal lines
			run := 0
			for k2 := k; k2 < len(ops) && ops[k2].kind == ' '; k2++ {
				run++
			}
			if run > 2*ctx || k+run >= len(ops) {
				break
			}
			k += run - 1
		}
		hunks = append(hunks, span{start, end})
		i = end + 1
	}
	for _, h := range hunks {
		from := max(0, h.i-ctx)
		to := min(len(ops)-1, h.j+ctx)
		oldStart, newStart := ops[from].a, ops[from].b
		oldN, newN := 0, 0
		var body strings.Builder
		for _, o := range ops[from : to+1] {
			line := o.text
			switch o.kind {
			case ' ':
				oldN++
				newN++
			case '-':
				oldN++
			case '+':
				newN++
			}
			body.WriteByte(o.kind)
			body.WriteString(strings.TrimSuffix(line, "\n"))
			body.WriteByte('\n')
			if !strings.HasSuffix(line, "\n") {
				body.WriteString("\\ No newline at end of file\n")
			}
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n%s", rng(oldStart, oldN), rng(newStart, newN), body.String())
	}
	return out.String()
}

func rng(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

type op struct {
	kind byte // ' ', '-', '+'
	text string
	a, b int // 0-based line in old and new where this op starts
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// diff is Myers' greedy algorithm with a trace for the edit script.
func diff(a, b []string) []op {
	n, m := len(a), len(b)
	maxD := n + m
	v := make([]int, 2*maxD+2)
	var trace [][]int
	off := maxD + 1
	for d := 0; d <= maxD; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(trace, a, b, off, d)
			}
		}
	}
	return nil
}

func backtrack(trace [][]int, a, b []string, off, d int) []op {
	x, y := len(a), len(b)
	var rev []op
	for ; d > 0; d-- {
		v := trace[d]
		k := x - y
		var prevK int
		if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := v[off+prevK]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x--
			y--
			rev = append(rev, op{' ', a[x], x, y})
		}
		if x == prevX {
			y--
			rev = append(rev, op{'+', b[y], x, y})
		} else {
			x--
			rev = append(rev, op{'-', a[x], x, y})
		}
	}
	for x > 0 && y > 0 {
		x--
		y--
		rev = append(rev, op{' ', a[x], x, y})
	}
	out := make([]op, len(rev))
	for i := range rev {
		out[i] = rev[len(rev)-1-i]
	}
	return out
}

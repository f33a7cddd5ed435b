package rules

import (
	"regexp"
	"strings"
)

// A regular expression whose every match contains a literal and is made
// of a known set of bytes can only match inside a run of text made of
// those bytes that holds the literal. The helpers built per field name
// (releasesName, fieldAliases) have no literal prefix, so Go's matcher
// steps through the whole class at each byte; looking only at those runs
// gives the same answer in a fraction of the time.
//
// The runs give the same matches as the whole text when:
//   - every match of the expression contains the literal;
//   - every byte of every match is in the run's set;
//   - the expression's only assertions are \b and \B.
//
// The set always holds the ASCII word bytes, so the byte just outside a
// run is a non-word byte, as the edge of the text is to \b; and every byte
// of a multi-byte character, as (?i) folds some of them to ASCII letters
// (ſ to s, the Kelvin sign to k).

// runSet is the bytes a match may hold.
type runSet [256]bool

// newRunSet is the word bytes, ASCII white space (\s), the bytes of
// multi-byte characters, and the bytes of extra.
func newRunSet(extra string) *runSet {
	var s runSet
	for b := 0; b < 256; b++ {
		c := byte(b)
		s[b] = c >= 0x80 || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' ||
			c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
	}
	for i := 0; i < len(extra); i++ {
		s[extra[i]] = true
	}
	return &s
}

// with is the set with the bytes of lit added.
func (s *runSet) with(lit string) *runSet {
	for i := 0; i < len(lit); i++ {
		if !s[lit[i]] {
			c := *s
			for j := i; j < len(lit); j++ {
				c[lit[j]] = true
			}
			return &c
		}
	}
	return s
}

// eachRun calls f, in order, with each longest run of text's bytes in set
// that contains lit (whose bytes must be in set), until f returns false.
func eachRun(text, lit string, set *runSet, f func(run string) bool) {
	if lit == "" {
		f(text)
		return
	}
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], lit)
		if j < 0 {
			return
		}
		start, end := i+j, i+j+len(lit)
		for start > i && set[text[start-1]] {
			start--
		}
		for end < len(text) && set[text[end]] {
			end++
		}
		if !f(text[start:end]) {
			return
		}
		i = end
	}
}

// matchInRuns is re.MatchString(text) for an expression that meets the
// conditions above for lit and set.
func matchInRuns(re *regexp.Regexp, text, lit string, set *runSet) bool {
	found := false
	eachRun(text, lit, set.with(lit), func(run string) bool {
		found = re.MatchString(run)
		return !found
	})
	return found
}

// submatchesInRuns is re.FindAllStringSubmatch(text, -1) for an
// expression that meets the conditions above for lit and set: no match
// spans two runs, and the search enters each run at its start.
func submatchesInRuns(re *regexp.Regexp, text, lit string, set *runSet) [][]string {
	var out [][]string
	eachRun(text, lit, set.with(lit), func(run string) bool {
		out = append(out, re.FindAllStringSubmatch(run, -1)...)
		return true
	})
	return out
}

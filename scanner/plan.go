package scanner

import (
	"bytes"
	"strings"
	"sync/atomic"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/bytecode"
	"github.com/kscan/kscan/scanner/javasrc"
)

// plan is what the enabled rules need, computed once per scan.
type plan struct {
	rules    []*rules.Rule
	keywords []string         // union of the rules' keywords
	byHead   map[string][]int // first keyHead bytes of a keyword -> keyword indexes
	// heads has the bit headBit of each key of byHead: most tokens are
	// passed over without a map look-up.
	heads    *[1 << 10]uint64
	short    []int   // keywords shorter than keyHead
	ruleKeys [][]int // per rule: indexes into keywords
	interest javasrc.Interest
	// classCalls are the call names compiled code is decoded for: the
	// rules' Calls without their WriteCalls, which the bytecode extractor
	// turns into writes on its own.
	classCalls map[string]bool
	// classOwned are the call names compiled code is decoded for only on
	// some owners or in classes that make some calls (rules.Rule.CallOwners
	// and CallsWith). A name in classCalls is decoded on any owner.
	classOwned map[string]*bytecode.Owners
	// resources are the base-name globs of non-Java files some rule reads.
	resources []string
	// mentions are the tokens some rule searches the tree for, and
	// mentionGlobs the non-Java files searched besides sources and build
	// files.
	mentions, mentionGlobs []string
	hasProject             bool
	// classRefs: some rule reads the classes module code references.
	classRefs bool
	// classFacts: some rule reads the facts of class files (per class, or
	// project-wide); without one, an archive's classes are only named.
	classFacts bool
	// candidatesKept: the run leaves out findings below note (Options.
	// MinLevel), so a rule rated hint at a role is not run there; notRun
	// marks, by rule index, those that were left out so.
	candidatesKept bool
	notRun         []atomic.Bool
	index          map[*rules.Rule]int
}

// runs reports whether rule r can report anything at role that the run
// keeps. A rule with no severity at role reports nothing there
// (rules.Rule.rate), and one rated hint reports only candidates, capped
// at hint, which a run above level none leaves out: neither is run, so a
// file only they ask for is not parsed.
func (p *plan) runs(r *rules.Rule, role facts.Role) bool {
	switch r.SeverityFor(role) {
	case rules.SeverityNone:
		return false
	case rules.SeverityHint:
		if !p.candidatesKept {
			// Read first: every worker marks the same few rules, file
			// after file.
			if i, ok := p.index[r]; ok && !p.notRun[i].Load() {
				p.notRun[i].Store(true)
			}
			return false
		}
	}
	return true
}

// keep drops from rs, in place, the rules that do not run at role.
func (p *plan) keep(rs []*rules.Rule, role facts.Role) []*rules.Rule {
	out := rs[:0]
	for _, r := range rs {
		if p.runs(r, role) {
			out = append(out, r)
		}
	}
	return out
}

// leftOut lists the rules some file did not run for their level.
func (p *plan) leftOut() []string {
	var ids []string
	for i := range p.notRun {
		if p.notRun[i].Load() {
			ids = append(ids, p.rules[i].ID)
		}
	}
	return ids
}

// keyHead is how many leading bytes index the keyword table.
const keyHead = 4

func newPlan(rs []*rules.Rule) *plan {
	p := &plan{rules: rs, byHead: map[string][]int{}, heads: new([1 << 10]uint64), interest: javasrc.Interest{Calls: map[string]bool{}, News: map[string]bool{}},
		classCalls: map[string]bool{}, classOwned: map[string]*bytecode.Owners{},
		candidatesKept: true, notRun: make([]atomic.Bool, len(rs)), index: make(map[*rules.Rule]int, len(rs))}
	for i, r := range rs {
		p.index[r] = i
	}
	at := map[string]int{}
	for _, r := range rs {
		var keys []int
		for _, k := range r.Keywords {
			i, ok := at[k]
			if !ok {
				i = len(p.keywords)
				at[k] = i
				p.keywords = append(p.keywords, k)
				if len(k) >= keyHead {
					p.byHead[k[:keyHead]] = append(p.byHead[k[:keyHead]], i)
					b := headBit([]byte(k))
					p.heads[b>>6] |= 1 << (b & 63)
				} else {
					p.short = append(p.short, i)
				}
			}
			keys = append(keys, i)
		}
		p.ruleKeys = append(p.ruleKeys, keys)
		for _, c := range r.Calls {
			p.interest.Calls[c] = true
			owners, byOwner := r.CallOwners[c]
			with, byCall := r.CallsWith[c]
			if !byOwner && !byCall {
				p.classCalls[c] = true
				continue
			}
			o := p.classOwned[c]
			if o == nil {
				o = &bytecode.Owners{Classes: map[string]bool{}}
				p.classOwned[c] = o
			}
			for _, cls := range owners {
				o.Classes[strings.ReplaceAll(cls, ".", "/")] = true
			}
			for _, m := range with {
				i := strings.LastIndexByte(m, '.')
				o.With = append(o.With, bytecode.MethodName{Owner: strings.ReplaceAll(m[:i], ".", "/"), Name: m[i+1:]})
			}
		}
		for _, c := range r.WriteCalls {
			p.interest.Calls[c] = true
		}
		for _, n := range r.News {
			p.interest.News[n] = true
		}
		p.resources = append(p.resources, r.Resources...)
		p.mentions = append(p.mentions, r.Mentions...)
		p.mentionGlobs = append(p.mentionGlobs, r.MentionFiles...)
		p.hasProject = p.hasProject || r.CheckProject != nil
		p.classRefs = p.classRefs || r.ClassRefs
		p.classFacts = p.classFacts || r.Check != nil || r.CheckProject != nil
	}
	return p
}

func withoutLeaks(rs []*rules.Rule) []*rules.Rule {
	var out []*rules.Rule
	for _, r := range rs {
		if !r.Leak {
			out = append(out, r)
		}
	}
	return out
}

// candidates returns the rules that a file's bytes could trigger. Keywords
// are matched as prefixes of identifier tokens (anywhere, strings and
// comments included), in one pass over the file instead of one pass per
// keyword.
func (p *plan) candidates(src []byte) []*rules.Rule { return p.candidatesWords(src, nil) }

// candidatesWords is candidates that also records every identifier of the
// file in words, in the same pass, when words is not nil.
func (p *plan) candidatesWords(src []byte, words *wordSet) []*rules.Rule {
	var hit []bool
	mark := func(i int) {
		if hit == nil {
			hit = make([]bool, len(p.keywords))
		}
		hit[i] = true
	}
	for i := 0; i < len(src); {
		if identClass[src[i]]&classStart == 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(src) && identClass[src[j]]&classPart != 0 {
			j++
		}
		tok := src[i:j]
		if words != nil {
			words.add(tok)
		}
		if len(tok) >= keyHead {
			if b := headBit(tok); p.heads[b>>6]&(1<<(b&63)) != 0 {
				for _, k := range p.byHead[string(tok[:keyHead])] {
					if bytes.HasPrefix(tok, []byte(p.keywords[k])) {
						mark(k)
					}
				}
			}
		}
		for _, k := range p.short {
			if bytes.HasPrefix(tok, []byte(p.keywords[k])) {
				mark(k)
			}
		}
		i = j
	}
	var out []*rules.Rule
	for ri, keys := range p.ruleKeys {
		if r := p.rules[ri]; len(keys) == 0 && r.Prefilter != nil && r.Prefilter(src) {
			out = append(out, r) // no keyword: its own check of every file
			continue
		}
		for _, k := range keys {
			if hit != nil && hit[k] {
				if r := p.rules[ri]; r.Prefilter == nil || r.Prefilter(src) {
					out = append(out, r)
				}
				break
			}
		}
	}
	return out
}

// declared is what a file no rule wants declares for the project-wide
// parts of the rules that run at role (rules.Rule.Declares).
func (p *plan) declared(src []byte, role facts.Role) []string {
	var names []string
	for _, r := range p.declaring(role) {
		names = append(names, r.Declares(src)...)
	}
	return names
}

// declaring is the rules that run at role and whose project-wide part
// a file's declarations serve (rules.Rule.Declares).
func (p *plan) declaring(role facts.Role) []*rules.Rule {
	var out []*rules.Rule
	for _, r := range p.rules {
		if r.Declares != nil && p.runs(r, role) {
			out = append(out, r)
		}
	}
	return out
}

// headBit hashes the first keyHead bytes of a token (at least that
// long) to a bit of plan.heads.
func headBit(tok []byte) uint32 {
	return (uint32(tok[0]) | uint32(tok[1])<<8 | uint32(tok[2])<<16 | uint32(tok[3])<<24) * 0x9E3779B1 >> 16
}

// identClass holds classStart and classPart by byte: identStart and
// identPart in one look-up.
var identClass = func() (t [256]uint8) {
	for c := range 256 {
		if identStart(byte(c)) {
			t[c] |= classStart
		}
		if identPart(byte(c)) {
			t[c] |= classPart
		}
	}
	return t
}()

const (
	classStart uint8 = 1 << iota
	classPart
)

func identStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$'
}

func identPart(c byte) bool {
	return identStart(c) || c >= '0' && c <= '9'
}

// has reports an enabled rule of the id.
func (p *plan) has(id string) bool {
	for _, r := range p.rules {
		if r.ID == id {
			return true
		}
	}
	return false
}

// hasDeps reports an enabled rule that reads dependencies.
func (p *plan) hasDeps() bool {
	for _, r := range p.rules {
		if r.CheckDeps != nil {
			return true
		}
	}
	return false
}

// configGlobs are the base-name globs of the non-Java files some rule reads.
func (p *plan) configGlobs() []string {
	return append(append([]string(nil), p.resources...), p.mentionGlobs...)
}

// hasClassPath reports an enabled rule that reads the class path.
func (p *plan) hasClassPath() bool {
	for _, r := range p.rules {
		if r.CheckClassPath != nil {
			return true
		}
	}
	return false
}

// wordSet is a Bloom filter of a file's identifiers: whether the file may
// name a method or class is answered without reading it again. 2,048 bits
// with two probes keep false positives to a few percent for files of a
// few hundred distinct identifiers, and a false positive costs only a
// read.
type wordSet [32]uint64

func wordHash(w []byte) (uint32, uint32) {
	h := uint32(2166136261)
	for _, c := range w {
		h = (h ^ uint32(c)) * 16777619
	}
	return h & 2047, (h >> 11) & 2047
}

func (s *wordSet) add(w []byte) {
	a, b := wordHash(w)
	s[a>>6] |= 1 << (a & 63)
	s[b>>6] |= 1 << (b & 63)
}

// mayHoldHash reports false only when the file certainly lacks the word
// whose wordHash is h.
func (s *wordSet) mayHoldHash(h [2]uint32) bool {
	if s == nil {
		return true
	}
	a, b := h[0], h[1]
	return s[a>>6]&(1<<(a&63)) != 0 && s[b>>6]&(1<<(b&63)) != 0
}

// hashOf is a word's pair of Bloom hashes, for mayHoldHash.
func hashOf(w []byte) [2]uint32 {
	a, b := wordHash(w)
	return [2]uint32{a, b}
}

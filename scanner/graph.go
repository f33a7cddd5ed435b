package scanner

import (
	"bytes"
	"context"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/kscan/kscan/internal/safefs"
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/callgraph"
	"github.com/kscan/kscan/scanner/finding"
	"github.com/kscan/kscan/scanner/javasrc"
)

// graphIndex is the call graph as the Java kind fills it: the summaries of
// the methods of every parsed file, and the production sources, for the
// search for callers that follows.
type graphIndex struct {
	mu      sync.Mutex
	g       *callgraph.Graph
	sources []source // production Java sources, in no order until build sorts them
	// parsed counts the files the search for callers took to read (it
	// parses only those that may call a wanted method); stopped is set
	// when it reached graphOptions.maxFiles and read no more.
	parsed  int
	stopped bool
	// named are the methods with a finding beside a launcher: a file
	// that calls one by its quoted name through reflection is read too.
	named map[facts.MethodKey]bool
	// spill holds the word sets of the sources while the sources step
	// runs, once there are many (see wordSpill).
	spill wordSpill
	// While build runs: the counts candidates gave, and the classes each
	// source it read creates (by index in sources). The same files were
	// read again for every constructor asked (66,365 reads of 9,070 files,
	// 2.9 GB, on the corpora as one tree).
	counted map[candidateKey]int
	creates map[int]createdSet
	cmu     sync.Mutex // guards counted and creates
	// mentioned keeps mentioning's answers: the verdicts ask for a word
	// at each call site they read.
	mentioned map[mentionKey]mentionSet
	// own knows the tree's main sources: a compiled copy of one of their
	// classes (an older release in lib/) lends the graph nothing, so that
	// a call resolves to what the source's method does. Nil without
	// sources.
	own *ownCopies
}

type candidateKey struct {
	class, name string
	limit       int
}

// createdSet is what created finds in one source, for every class at
// once: the simple names of its creations, sorted. unread: the file
// could not be read (it then counts as a candidate).
type createdSet struct {
	names  []string
	unread bool
}

// source is a production Java source and the identifiers it holds.
type source struct {
	*input // the walk's
	// words is nil when the set waits in graphIndex.spill, at index
	// spilled (-1: not spilled); wordsOf reads it.
	words   *wordSet
	spilled int32
	// launcher: the file declares a main method but no rule parsed it
	// (it holds no hazard), so the graph does not know it yet.
	launcher bool
	// tool: the scope set the file aside as a command-line tool or
	// build-tool code, read for the call graph alone.
	tool bool
	// created: the names the file creates, when the sources step read it.
	created createdFilter
}

func newGraphIndex() *graphIndex { return &graphIndex{g: callgraph.New()} }

// addFile adds the facts f of the source in, read from src; f.Path is
// in's path, the copy the file's facts already hold.
func (x *graphIndex) addFile(in *input, f *facts.File, src []byte) {
	sums := callgraph.FileSummaries(f.Path, f, src) // outside the lock: the other workers go on
	x.mu.Lock()
	x.g.AddSummaries(f.Path, f, src, sums, !in.graphRead)
	in.graphRead = true
	x.mu.Unlock()
}

// addClass is addFile for a class's facts, its summaries made in *buf,
// which the caller keeps for its next class: AddSummaries copies what it
// keeps of them.
func (x *graphIndex) addClass(anchor string, f *facts.File, buf *[]facts.Summary) {
	if x.own != nil && len(f.Types) > 0 && x.own.hasSource(f.Types[0]) {
		return
	}
	sums := callgraph.AppendFileSummaries((*buf)[:0], anchor, f, nil)
	x.mu.Lock()
	x.g.AddSummaries(anchor, f, nil, sums, true)
	x.mu.Unlock()
	clear(sums) // keep no class's summaries alive through the buffer
	*buf = sums
}

func (x *graphIndex) addSource(in *input, words *wordSet, created createdFilter, launcher, tool bool) {
	x.mu.Lock()
	s := source{input: in, words: words, spilled: -1, launcher: launcher, tool: tool, created: created}
	if words != nil && len(x.sources) >= spillAfter {
		if i, ok := x.spill.put(words); ok {
			s.words, s.spilled = nil, i
		}
	}
	x.sources = append(x.sources, s)
	x.mu.Unlock()
}

// layoutWords lays the spilled word sets out in the file in the order of
// the sources, once build has sorted them by path: the passes of the
// search read the file a chunk at a time (see wordsOf) instead of holding
// every set. When the file cannot be rewritten the spilled sources have no
// set, which mayHoldHash takes as holding every word: the search then
// reads those files for their words instead.
func (x *graphIndex) layoutWords() {
	if x.spill.n == 0 {
		return
	}
	var olds []int32
	for i := range x.sources {
		if s := &x.sources[i]; s.spilled >= 0 {
			olds = append(olds, s.spilled)
		}
	}
	if !x.spill.reorder(olds) {
		for i := range x.sources {
			x.sources[i].spilled = -1
		}
		return
	}
	k := int32(0)
	for i := range x.sources {
		if s := &x.sources[i]; s.spilled >= 0 {
			s.spilled = k
			k++
		}
	}
}

// wordsOf is the word set of source i: the one kept in memory, or the
// spilled one copied into *buf; nil when it has none.
func (x *graphIndex) wordsOf(i int, buf *wordSet) *wordSet {
	s := &x.sources[i]
	if s.words != nil || s.spilled < 0 {
		return s.words
	}
	if x.spill.get(s.spilled, buf) {
		return buf
	}
	return nil
}

// reader is a reader of the spilled word sets for one worker of a pass
// that runs beside others (see spillReader); wordsIn reads with it.
func (x *graphIndex) reader() *spillReader { return &spillReader{s: &x.spill} }

// wordsIn is wordsOf through the worker's own reader r.
func (x *graphIndex) wordsIn(i int, r *spillReader, buf *wordSet) *wordSet {
	s := &x.sources[i]
	if s.words != nil || s.spilled < 0 {
		return s.words
	}
	if r.get(s.spilled, buf) {
		return buf
	}
	return nil
}

// mainDeclRE is the declaration of a main method.
var mainDeclRE = regexp.MustCompile(`\bstatic\s+(?:final\s+)?void\s+main\s*\(\s*(?:final\s+)?String\b`)

// declaresMain reports a source that may declare a process entry point.
// The expression runs only on a source with "void", blanks and "main" in
// a row somewhere: "main" alone is in many words ("domain", "remains").
func declaresMain(src []byte) bool {
	return voidMain(src) && mainDeclRE.Match(src)
}

// voidMain reports "void", one or more of mainDeclRE's blanks (\s), and
// "main" in a row in src.
func voidMain(src []byte) bool {
	for i := 0; ; {
		k := bytes.Index(src[i:], []byte("main"))
		if k < 0 {
			return false
		}
		j := i + k
		b := j
		for b > 0 && isREBlank(src[b-1]) {
			b--
		}
		if b < j && b >= 4 && string(src[b-4:b]) == "void" {
			return true
		}
		i = j + len("main")
	}
}

// isREBlank is the \s class of Go's regular expressions.
func isREBlank(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// readLaunchers parses the launchers no rule parsed: which classes declare
// an entry point decides which methods the search follows (those beside a
// launcher) and where it stops, so a command line that does nothing a rule
// looks for must be known too (a launcher calling into its package).
// Every launcher is read, by the rules or here, so these reads do not count
// against the search's bound: counted, how far the search goes would depend
// on how many launchers the rules' pre-filters happened to admit.
func (x *graphIndex) readLaunchers(o graphOptions) {
	var todo []*input
	for _, src := range x.sources {
		if src.launcher {
			todo = append(todo, src.input)
		}
	}
	if len(todo) == 0 {
		return
	}
	interest := javasrc.Interest{Calls: map[string]bool{}, News: map[string]bool{}}
	for _, names := range [][]string{callgraph.Names, callgraph.UseNames, callgraph.ReflectNames} {
		for _, n := range names {
			interest.Calls[n] = true
		}
	}
	// Parsed on the workers a batch at a time, and added to the graph in
	// path order, as one worker would.
	jobs := max(1, min(o.jobs, len(todo)))
	exs := make([]*javasrc.Extractor, jobs)
	for w := range exs {
		ex, err := javasrc.NewExtractor(interest, int(o.timeout/time.Microsecond))
		if err != nil {
			for _, e := range exs[:w] {
				e.Close()
			}
			return
		}
		exs[w] = ex
	}
	defer func() {
		for _, e := range exs {
			e.Close()
		}
	}()
	type parsed struct {
		f    *facts.File
		src  []byte
		sums []facts.Summary
	}
	out := make([]parsed, min(launcherBatch, len(todo)))
	for start := 0; start < len(todo); start += launcherBatch {
		batch := todo[start:min(start+launcherBatch, len(todo))]
		clear(out)
		onWorkers(len(exs), len(batch), func(w, i int) {
			in := batch[i]
			src, err := safefs.ReadFile(in.abs(), o.maxFileSize)
			if err != nil {
				return
			}
			f, _, err := exs[w].Extract(in.rel(), src, o.types)
			if err != nil {
				return
			}
			out[i] = parsed{f, src, callgraph.FileSummaries(f.Path, f, src)}
		})
		for i, in := range batch {
			p := out[i]
			if p.f == nil {
				continue
			}
			x.g.AddSummaries(p.f.Path, p.f, p.src, p.sums, !in.graphRead)
			in.graphRead = true
		}
	}
}

// launcherBatch is how many launchers readLaunchers holds parsed at once.
const launcherBatch = 64

// buildGraph finds the callers the summaries and the entry-sensitive
// findings need, demand-driven: each round reads the production sources
// for the names asked (a byte scan), parses only the files that mention
// one, asking the extractor for those calls alone, and records the calls
// that resolve to a project method. The next round asks for the callers
// of callers, as far as the entry-point search can still decide anything,
// up to callgraph.MaxDepth rounds.
func (x *graphIndex) build(ctx context.Context, sensitive []finding.Finding, o graphOptions) (*facts.CallGraph, error) {
	g := x.g
	x.counted, x.creates = map[candidateKey]int{}, map[int]createdSet{}
	defer func() { x.counted, x.creates = nil, nil }()
	// In path order, so that a search stopped by its budget stops at the
	// same files every run.
	sort.Slice(x.sources, func(i, j int) bool { return relCompare(x.sources[i].input, x.sources[j].input) < 0 })
	x.layoutWords()
	x.readLaunchers(o)
	var classes []string
	for _, f := range sensitive {
		if f.EntrySensitive && f.Class != "" {
			classes = append(classes, f.Class)
		}
	}
	x.readSupers(o, classes)
	x.resolveGuards(sensitive, o)
	x.resolveImageRefs(sensitive, o)
	targets := g.Targets()
	x.markAdjacent(o)
	asked := map[facts.MethodKey]bool{}
	// The methods only the entry-point search needs, public ones beside a
	// launcher, are looked for within a share of the bound: on a tree
	// with launchers in many packages (a language's tools) their common
	// names would otherwise take the bound from the summaries' callers.
	// Nor is one that many files may call: code used that widely is
	// rarely a launcher's alone. One not looked for keeps its findings.
	// The share is a quarter: the summaries' own callers alone take more
	// than a sixteenth on a mid-sized tree (a server's sources), which
	// left a launcher's chains through its public helpers unfollowed.
	share := o.maxFiles / 4
	want := func(class, name string) bool {
		if g.Closed(class, name) && name != "<init>" {
			return true
		}
		return g.Searchable(class, name) && (share == 0 || x.parsed < share) && x.candidates(class, name, maxEntryCandidates+1, o) <= maxEntryCandidates
	}
	// count makes, on the workers, the counts want is about to ask for of
	// the methods keys and their classes' constructors.
	count := func(keys []facts.MethodKey) {
		var ask []facts.MethodKey
		for _, k := range keys {
			names := []string{k.Name}
			if k.Name != "<init>" && k.Name != "<clinit>" && g.Instance(k.Class, k.Name) {
				names = append(names, "<init>")
			}
			for _, name := range names {
				if !(g.Closed(k.Class, name) && name != "<init>") && g.Searchable(k.Class, name) && (share == 0 || x.parsed < share) {
					ask = append(ask, facts.MethodKey{Class: k.Class, Name: name})
				}
			}
		}
		x.countCandidates(ask, maxEntryCandidates+1, o)
	}
	var first []facts.MethodKey
	for _, f := range sensitive {
		if f.EntrySensitive && f.Method != "" {
			first = append(first, facts.MethodKey{Class: f.Class, Name: f.Method})
		}
		if f.EntrySensitive {
			first = append(first, f.EntryGuards...)
		}
	}
	count(first)
	x.named = map[facts.MethodKey]bool{}
	for _, f := range sensitive {
		if f.EntrySensitive && f.Method != "" && want(f.Class, f.Method) {
			k := facts.MethodKey{Class: f.Class, Name: f.Method, Arity: -1}
			targets[k] = true
			x.named[k] = f.Method != "<init>" && g.NearLauncher(f.Class)
		}
		// Who creates the class's instances decides its instance
		// methods too (a Runnable's run, which no call names).
		if f.EntrySensitive && f.Method != "" && f.Method != "<clinit>" && g.Instance(f.Class, f.Method) && want(f.Class, "<init>") {
			targets[facts.MethodKey{Class: f.Class, Name: "<init>", Arity: -1}] = true
		}
		// The writers of the flag guarding the hazard: who reaches them.
		for _, k := range f.EntryGuards {
			if f.EntrySensitive && want(k.Class, k.Name) {
				targets[facts.MethodKey{Class: k.Class, Name: k.Name, Arity: -1}] = true
				if k.Name != "<init>" && k.Name != "<clinit>" && g.Instance(k.Class, k.Name) && want(k.Class, "<init>") {
					targets[facts.MethodKey{Class: k.Class, Name: "<init>", Arity: -1}] = true
				}
			}
		}
	}
	// The setters static fields' findings wait for (facts.Pending.Stores,
	// and a self-registry's Owners) are looked for once, with the first round: their call sites and
	// arguments are kept, and their callers are not followed.
	stores := map[facts.MethodKey]bool{}
	optIn := map[facts.MethodKey]bool{}
	for _, f := range sensitive {
		if f.Pending == nil {
			continue
		}
		for _, s := range append(f.Pending.Stores[:len(f.Pending.Stores):len(f.Pending.Stores)], f.Pending.Owners...) {
			if k := (facts.MethodKey{Class: s.Method.Class, Name: s.Method.Name, Arity: -1}); !targets[k] {
				stores[k] = true
			} else {
				// A setter the entry-point search asks about too (a
				// launcher's field, settled by who reaches its
				// writers): its call sites are kept all the same.
				g.KeepSites(s.Method.Class, s.Method.Name)
			}
		}
		// A loader switch left to its callers: their call sites, kept
		// as a setter's are.
		if s := f.Pending.Switcher; s != nil {
			g.KeepSites(s.Class, s.Name)
			if k := (facts.MethodKey{Class: s.Class, Name: s.Name, Arity: -1}); !targets[k] {
				stores[k] = true
			}
		}
		// A method whose callers may all wait for an opt-in switch:
		// their call sites, with the switch each waits for (searched
		// last, below, unless the entry-point search asks for them).
		if s := f.Pending.OptInCallers; s != nil {
			g.KeepOptInSites(s.Class, s.Name)
			optIn[facts.MethodKey{Class: s.Class, Name: s.Name, Arity: -1}] = true
		}
	}
	search := func(targets, stores map[facts.MethodKey]bool) error {
		for depth := 0; depth < callgraph.MaxDepth && (len(targets) > 0 || depth == 0 && len(stores) > 0); depth++ {
			for k := range targets {
				asked[k] = true
				g.Searched(k.Class, k.Name)
			}
			round := targets
			if depth == 0 && len(stores) > 0 {
				round = map[facts.MethodKey]bool{}
				for k := range targets {
					round[k] = true
				}
				for k := range stores {
					if !round[k] {
						g.StoreOnly(k.Class, k.Name)
						round[k] = true
					}
				}
			}
			callers, err := x.findCallers(ctx, round, o)
			if err != nil {
				return err
			}
			callers = append(callers, x.resolveReflective(targets, o)...)
			var fresh []facts.MethodKey
			for _, c := range callers {
				if !asked[c] {
					fresh = append(fresh, c)
				}
			}
			count(fresh)
			next := map[facts.MethodKey]bool{}
			// Wrappers handing their parameter on to a lookup's name: their
			// callers settle the lookup.
			for _, k := range g.PassOn() {
				if !asked[k] || g.Reask(k) {
					next[k] = true
				}
			}
			for _, c := range callers {
				if !asked[c] && want(c.Class, c.Name) {
					next[c] = true
				}
				// An instance method is reached from its class's
				// constructor too (callgraph.Build): who creates the class
				// decides it where its own name is too common to look for
				// (a thread's run) or calls come through an interface.
				if ik := (facts.MethodKey{Class: c.Class, Name: "<init>", Arity: -1}); c.Name != "<init>" && c.Name != "<clinit>" &&
					!asked[ik] && !next[ik] && g.Instance(c.Class, c.Name) && want(c.Class, "<init>") {
					next[ik] = true
				}
			}
			targets = next
		}
		return nil
	}
	if err := search(targets, stores); err != nil {
		return nil, err
	}
	// The methods that name a class of tool code whose findings' methods
	// have no callers (toolRefs): who reaches them decides the class.
	refs := map[facts.MethodKey]bool{}
	refKeys := append(x.toolRefs(sensitive, o), x.initRefs(sensitive, o)...)
	count(refKeys)
	for _, k := range refKeys {
		if !asked[k] && !g.Entry(k.Class, k.Name) && want(k.Class, k.Name) {
			refs[k] = true
		}
	}
	if err := search(refs, nil); err != nil {
		return nil, err
	}
	x.readSupers(o, classes) // the classes the search parsed may be tasks too
	g.Incomplete = x.stopped
	// The callers of the methods whose findings may wait for opt-in
	// switches in their callers, when the searches above did not ask
	// for them: looked for once and last, within a bound of their own (a
	// quarter of the search's), so that they take none of the
	// entry-point search's bound, nor make it stop. A method that many
	// files may call is not looked for: its findings stay as they are.
	pend := map[facts.MethodKey]bool{}
	for k := range optIn {
		if !asked[k] && !x.stopped && x.candidates(k.Class, k.Name, maxEntryCandidates+1, o) <= maxEntryCandidates {
			pend[k] = true
			g.StoreOnly(k.Class, k.Name) // its callers are not followed
		}
	}
	if len(pend) > 0 {
		own := o
		if o.maxFiles > 0 {
			own.maxFiles = x.parsed + o.maxFiles/4
		}
		if _, err := x.findCallers(ctx, pend, own); err != nil {
			return nil, err
		}
		g.OptInIncomplete, x.stopped = x.stopped, false
	}
	return g.Build(), nil
}

// resolveGuards finds the writers of the flags of other classes that
// findings wait for (finding.GuardRef): the class's source is parsed and
// the methods turning the flag on become the finding's EntryGuards. A
// class with no source here, or a getter returning no private flag of it,
// leaves the finding as it is.
func (x *graphIndex) resolveGuards(fs []finding.Finding, o graphOptions) {
	type result struct {
		keys []facts.MethodKey
		ok   bool
	}
	eachRef(fs, o, func(f *finding.Finding) *facts.GuardRef {
		if !f.EntrySensitive || len(f.EntryGuards) > 0 {
			return nil
		}
		return f.GuardRef
	}, func(e *javasrc.Extractor, ref facts.GuardRef) (r result) {
		r.keys, r.ok = x.guardWriters(e, ref, o)
		return r
	}, func(f *finding.Finding, r result) {
		if r.ok {
			f.EntryGuards = r.keys
		}
	})
}

// resolveImageRefs reads the classes whose getters conditions around
// entry-sensitive findings call (finding.ImageRef): a getter returning a
// native-image test makes its finding ImageOnly. A class with no source
// here leaves the finding as it is.
func (x *graphIndex) resolveImageRefs(fs []finding.Finding, o graphOptions) {
	eachRef(fs, o, func(f *finding.Finding) *facts.GuardRef {
		if !f.EntrySensitive {
			return nil
		}
		return f.ImageRef
	}, func(e *javasrc.Extractor, ref facts.GuardRef) bool {
		_, file, src := x.declaring(e, ref.Class, o)
		return file != nil && rules.ReturnsImageTest(file, src, ref)
	}, func(f *finding.Finding, image bool) {
		f.ImageOnly = image
	})
}

// eachRef answers, once per distinct class reference the findings wait for
// (ref gives nil for a finding that waits for none), what decide reads in
// that class's source, and hands each waiting finding the answer; the
// reading shares one extractor, made only when a reference is there.
func eachRef[T any](fs []finding.Finding, o graphOptions, ref func(*finding.Finding) *facts.GuardRef,
	decide func(*javasrc.Extractor, facts.GuardRef) T, apply func(*finding.Finding, T)) {
	done := map[facts.GuardRef]T{}
	ex := lazyExtractor{interest: plainInterest(), timeout: o.timeout}
	defer ex.Close()
	for i := range fs {
		f := &fs[i]
		r := ref(f)
		if r == nil {
			continue
		}
		v, seen := done[*r]
		if !seen {
			e, err := ex.get()
			if err != nil {
				return
			}
			v = decide(e, *r)
			done[*r] = v
		}
		apply(f, v)
	}
}

// guardWriters reads the source declaring ref's class for the writers of
// the flag its getter returns. The file is found by its name and its
// package (a tree need not mirror packages in directories); two of them,
// or too many files of that name to read, and nothing is decided.
func (x *graphIndex) guardWriters(ex *javasrc.Extractor, ref facts.GuardRef, o graphOptions) ([]facts.MethodKey, bool) {
	_, f, src := x.declaring(ex, ref.Class, o)
	if f == nil {
		return nil, false
	}
	return rules.GuardWriters(f, src, ref)
}

// readSupers reads the declarations of the project's base classes that
// may make a class declaring execute() an Ant task or a Maven goal (its
// superclass chain reaches the build tool's type through them), a level
// at a time up to a bound, found by file name and package as a guard's
// class is.
func (x *graphIndex) readSupers(o graphOptions, classes []string) {
	ex := lazyExtractor{interest: plainInterest(), timeout: o.timeout}
	defer ex.Close()
	budget := maxSuperReads
	for depth := 0; depth < maxSuperDepth && budget > 0; depth++ {
		todo := x.g.UnreadSupers(classes)
		if len(todo) == 0 {
			return
		}
		if len(todo) > budget {
			todo = todo[:budget]
		}
		budget -= len(todo)
		e, err := ex.get()
		if err != nil {
			return
		}
		read := 0
		for _, class := range todo {
			in, f, src := x.declaring(e, class, o)
			if f == nil {
				x.g.NoSource(class) // not asked for again
				continue
			}
			read++
			x.parsed++
			x.g.AddSummaries(f.Path, f, src, callgraph.FileSummaries(f.Path, f, src), !in.graphRead)
			in.graphRead = true
		}
		if read == 0 {
			return
		}
	}
}

// maxSuperDepth bounds the levels of base classes readSupers reads, and
// maxSuperReads the classes it looks for in one call.
const (
	maxSuperDepth = 4
	maxSuperReads = 64
)

// declaring finds and parses the one production source declaring the
// top-level class (by file name and package); nil when there is none, or
// more than one, or too many files of that name to read.
func (x *graphIndex) declaring(ex *javasrc.Extractor, class string, o graphOptions) (*input, *facts.File, []byte) {
	pkg, name := "", class
	if i := strings.LastIndexByte(class, '.'); i >= 0 {
		pkg, name = class[:i], class[i+1:]
	}
	var in *input
	var f *facts.File
	var src []byte
	read := 0
	file := "/" + name + ".java"
	for _, s := range x.sources {
		if !s.slashRelHasSuffix(file) { // the file is name.java at any depth
			continue
		}
		if read++; read > maxGuardFiles {
			return nil, nil, nil
		}
		b, err := safefs.ReadFile(s.abs(), o.maxFileSize)
		if err != nil {
			return nil, nil, nil
		}
		g, _, err := ex.Extract(s.rel(), b, o.types)
		if err != nil || g.Package != pkg {
			continue
		}
		if f != nil {
			return nil, nil, nil
		}
		in, f, src = s.input, g, b
	}
	return in, f, src
}

// maxGuardFiles bounds the files of a guard class's name read for it.
const maxGuardFiles = 8

// maxEntryCandidates bounds the files that may call a public method
// beside a launcher for the entry-point search to look for its callers.
// At 16 a launcher's helpers with common method names (a start-up
// class's run, its options' constructor) kept their output and property
// notes in Jetty's start.jar and Groovy's socket server; at 64 the search
// settles them for a few per cent more time on the trees with launchers.
const maxEntryCandidates = 64

// candidates counts, up to limit, the sources that may call the method of
// class and name (or create the class, for "<init>").
func (x *graphIndex) candidates(class, name string, limit int, o graphOptions) int {
	return x.candidatesIn(nil, class, name, limit, o)
}

// candidatesIn is candidates reading the word sets with r (nil: the
// shared reader of wordsOf). The counts and the creations read are kept
// for the build, under cmu: workers may count at once (countCandidates).
func (x *graphIndex) candidatesIn(r *spillReader, class, name string, limit int, o graphOptions) int {
	return x.countIn(r, class, name, limit, o, nil)
}

// countIn is candidatesIn; with later set, a count the word sets leave at
// limit is not recounted on the files' text here but handed to later (and
// not kept), for exactBatch to recount with the others of its round.
func (x *graphIndex) countIn(r *spillReader, class, name string, limit int, o graphOptions, later func(candidateKey)) int {
	return x.countGroup(r, []facts.MethodKey{{Class: class, Name: name}}, limit, o, later)[0]
}

// countGroup is countIn for several methods at once: each source's word
// set is read once for all of them (a round of the search asks for
// hundreds, and reading the sets was most of the count's time), and each
// method is counted as countIn counts it alone, in path order.
func (x *graphIndex) countGroup(r *spillReader, keys []facts.MethodKey, limit int, o graphOptions, later func(candidateKey)) []int {
	type count struct {
		key     candidateKey
		w       want
		m       *wantMatcher
		n, read int
		done    bool
	}
	ns := make([]int, len(keys))
	cs := make([]count, 0, len(keys))
	at := make([]int, 0, len(keys)) // the index in keys of each of cs
	x.cmu.Lock()
	for i, k := range keys {
		key := candidateKey{k.Class, k.Name, limit}
		if n, ok := x.counted[key]; ok {
			ns[i] = n
			continue
		}
		cs, at = append(cs, count{key: key}), append(at, i)
	}
	x.cmu.Unlock()
	for i := range cs {
		c := &cs[i]
		c.w = wantOf(facts.MethodKey{Class: c.key.class, Name: c.key.name})
		c.m = newWantMatcher([]want{c.w})
	}
	// A class is named by far more files than create it (its users'
	// fields and parameters): for a constructor, the files naming it are
	// read for a creation, a bounded number of them.
	open := len(cs)
	var ws wordSet
	for i := 0; i < len(x.sources) && open > 0; i++ {
		words := x.wordsVia(r, i, &ws)
		for k := range cs {
			c := &cs[k]
			if c.done || !c.m.mayHold(x.sources[i].input, words) {
				continue
			}
			if c.w.ctor {
				if c.read++; c.read > maxCreationReads {
					c.n, c.done = limit, true
					open--
					continue
				}
				if !x.createsClass(i, string(c.w.class), o) {
					continue
				}
			}
			if c.n++; c.n >= limit {
				c.done = true
				open--
			}
		}
	}
	for k := range cs {
		c := &cs[k]
		ns[at[k]] = c.n
		if c.n >= limit && !c.w.ctor {
			if later != nil {
				later(c.key)
				continue
			}
			ns[at[k]] = x.exactCandidates(r, c.m, limit, o)
		}
		x.cmu.Lock()
		if x.counted != nil {
			x.counted[c.key] = ns[at[k]]
		}
		x.cmu.Unlock()
	}
	return ns
}

// wordsVia is the word set of source i, read with r (nil: the shared
// reader of wordsOf).
func (x *graphIndex) wordsVia(r *spillReader, i int, ws *wordSet) *wordSet {
	if r == nil {
		return x.wordsOf(i, ws)
	}
	return x.wordsIn(i, r, ws)
}

// maxExactReads bounds the files exactCandidates reads for one method.
const maxExactReads = 8 * maxEntryCandidates

// exactCandidates counts, up to limit, the sources whose text may call
// m's one wanted method (mayCall), reading those whose word set may hold
// it: a word set is a small Bloom filter, and a large file's holds most
// words, so a name of a few files (FindBugs.processCommandLine) can count
// as one of many. More than maxExactReads such files count as limit.
func (x *graphIndex) exactCandidates(r *spillReader, m *wantMatcher, limit int, o graphOptions) int {
	n, read := 0, 0
	var ws wordSet
	seen := make([]bool, len(m.ids))
	for i := range x.sources {
		words := x.wordsVia(r, i, &ws)
		if !m.mayHold(x.sources[i].input, words) {
			continue
		}
		if read++; read > maxExactReads {
			return limit
		}
		if called(x.sources[i].input.abs(), o.maxFileSize, func(src []byte) bool { return m.mayCall(x.sources[i].input, src, seen) }) {
			if n++; n >= limit {
				return limit
			}
		}
	}
	return n
}

// called reports what call says of the file at path, read into a lent
// buffer; true when it cannot be read (a file unread may call).
func called(path string, max int64, call func(src []byte) bool) bool {
	l, err := safefs.ReadLent(path, max)
	if err != nil {
		return true
	}
	defer l.Release()
	return call(l.Data)
}

// countCandidates counts the candidates of the methods keys on o.jobs
// workers, for candidates to answer from what they kept: the counts do
// not depend on the order they are made in, and the files a count reads
// for creations are many.
func (x *graphIndex) countCandidates(keys []facts.MethodKey, limit int, o graphOptions) {
	var todo []facts.MethodKey
	seen := map[facts.MethodKey]bool{}
	x.cmu.Lock()
	for _, k := range keys {
		k.Arity = 0
		if _, ok := x.counted[candidateKey{k.Class, k.Name, limit}]; !ok && !seen[k] {
			seen[k] = true
			todo = append(todo, k)
		}
	}
	x.cmu.Unlock()
	if len(todo) < 2 || o.jobs < 2 {
		return // candidates counts it when asked, as fast
	}
	// The methods go to the workers in groups, each group counted in one
	// pass over the word sets; four groups or more a worker keep every worker
	// busy to the end.
	size := min(maxCountGroup, (len(todo)+4*o.jobs-1)/(4*o.jobs))
	work := make(chan []facts.MethodKey)
	var wg sync.WaitGroup
	var lmu sync.Mutex
	var later []candidateKey
	defer func() { x.exactBatch(later, o) }()
	for w := 0; w < min(o.jobs, len(todo)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := x.reader()
			for ks := range work {
				x.countGroup(r, ks, limit, o, func(k candidateKey) {
					lmu.Lock()
					later = append(later, k)
					lmu.Unlock()
				})
			}
		}()
	}
	for len(todo) > 0 {
		n := min(size, len(todo))
		work <- todo[:n]
		todo = todo[n:]
	}
	close(work)
	wg.Wait()
}

// maxCountGroup bounds the methods counted in one pass over the word sets.
const maxCountGroup = 64

// exactBatch recounts keys on the files' text as exactCandidates would
// count each (the same files in the same order, the same bounds), reading
// each file the word sets admit once for all of them: a large file, whose
// word set holds most words, is admitted for every key of a round. The
// files of a stretch of the sources are read and matched on the workers
// at once, then counted in order: a key that closes within the stretch
// skips its later files as it would have, and a file read for keys that
// closed before it only costs its read.
func (x *graphIndex) exactBatch(keys []candidateKey, o graphOptions) {
	if len(keys) == 0 {
		return
	}
	slices.SortFunc(keys, func(a, b candidateKey) int { return strings.Compare(a.class+"#"+a.name, b.class+"#"+b.name) })
	wants := make([]want, len(keys))
	ones := make([]*wantMatcher, len(keys))
	for i, k := range keys {
		wants[i] = wantOf(facts.MethodKey{Class: k.class, Name: k.name})
		ones[i] = newWantMatcher(wants[i : i+1])
	}
	m := newWantMatcher(wants)
	n, read := make([]int, len(keys)), make([]int, len(keys))
	open := len(keys)
	type admitted struct {
		i       int
		need    []int // the keys open when the stretch began that admit the file
		matched []int
		failed  bool // unreadable: counts for every key, as a candidate
	}
	jobs := max(1, o.jobs)
	stretch := make([]admitted, 0, exactStretch)
	seens := make([][]bool, jobs)
	for w := range seens {
		seens[w] = make([]bool, len(m.ids))
	}
	var ws wordSet
	for next := 0; next < len(x.sources) && open > 0; {
		stretch = stretch[:0]
		for ; next < len(x.sources) && len(stretch) < exactStretch; next++ {
			words := x.wordsOf(next, &ws)
			var need []int
			for k := range keys {
				if n[k] < keys[k].limit && ones[k].mayHold(x.sources[next].input, words) {
					need = append(need, k)
				}
			}
			if len(need) > 0 {
				stretch = append(stretch, admitted{i: next, need: need})
			}
		}
		onWorkers(jobs, len(stretch), func(w, j int) {
			a := &stretch[j]
			l, err := safefs.ReadLent(x.sources[a.i].input.abs(), o.maxFileSize)
			if a.failed = err != nil; !a.failed {
				a.matched = m.matching(x.sources[a.i].input, l.Data, seens[w], nil, false)
				l.Release()
			}
		})
		for _, a := range stretch {
			if open == 0 {
				break
			}
			for _, k := range a.need {
				if n[k] >= keys[k].limit {
					continue // closed by a file before this one
				}
				if read[k]++; read[k] > maxExactReads {
					n[k] = keys[k].limit
					open--
					continue
				}
				if a.failed || slices.Contains(a.matched, k) {
					if n[k]++; n[k] >= keys[k].limit {
						open--
					}
				}
			}
		}
	}
	x.cmu.Lock()
	if x.counted != nil {
		for k, key := range keys {
			x.counted[key] = min(n[k], key.limit)
		}
	}
	x.cmu.Unlock()
}

// exactStretch is how many admitted files exactBatch reads at once.
const exactStretch = 64

// createsClass reports whether source i creates the class of simple name
// cls (see created), or cannot be read; each source its created filter
// admits is read once a build (but for two workers asking at once).
func (x *graphIndex) createsClass(i int, cls string, o graphOptions) bool {
	if !x.sources[i].created.mayCreate(cls) {
		return false
	}
	x.cmu.Lock()
	c, ok := x.creates[i]
	x.cmu.Unlock()
	if !ok {
		l, err := safefs.ReadLent(x.sources[i].abs(), o.maxFileSize)
		if err != nil {
			c.unread = true
		} else {
			c.names = createdNames(l.Data)
			l.Release()
		}
		x.cmu.Lock()
		if x.creates != nil {
			x.creates[i] = c
		}
		x.cmu.Unlock()
	}
	if c.unread {
		return true
	}
	_, found := slices.BinarySearch(c.names, cls)
	return found
}

// createdNames lists, sorted and once each, every name created reports
// true for in src: each identifier of the (possibly qualified) name that
// follows "new" and blanks. A test holds the two to agree.
func createdNames(src []byte) []string {
	var out []string
	eachCreated(src, func(name []byte) { out = append(out, string(name)) })
	slices.Sort(out)
	return slices.Compact(out)
}

// eachCreated calls fn with each name createdNames lists, in text order,
// repeats included.
func eachCreated(src []byte, fn func(name []byte)) {
	for i := 0; i < len(src); {
		j := bytes.Index(src[i:], []byte("new"))
		if j < 0 {
			break
		}
		j += i
		i = j + 3
		if j > 0 && identPart(src[j-1]) {
			continue
		}
		k := i
		for k < len(src) && isBlank(src[k]) {
			k++
		}
		if k == i {
			continue
		}
		for first := true; ; first = false {
			start := k
			for k < len(src) && identPart(src[k]) {
				k++
			}
			if k > start {
				fn(src[start:k])
			} else if first {
				break
			} // later, an empty segment ("a..b") passes as created's walk back does
			m := k
			for m < len(src) && isBlank(src[m]) {
				m++
			}
			if m >= len(src) || src[m] != '.' {
				break
			}
			m++
			for m < len(src) && isBlank(src[m]) {
				m++
			}
			k = m
		}
	}
}

// createdFilter is a small Bloom filter of the names createdNames lists for
// a source, filled when the sources step reads it: a constructor's count
// reads only the files that may create the class, not every file naming
// it (a class is named by far more files than create it).
// The zero filter, not known, may create any class.
type createdFilter struct {
	bits  [2]uint64
	known bool
}

func newCreatedFilter(src []byte) createdFilter {
	f := createdFilter{known: true}
	eachCreated(src, func(name []byte) {
		a, b := wordHash(name)
		f.bits[a>>6&1] |= 1 << (a & 63)
		f.bits[b>>6&1] |= 1 << (b & 63)
	})
	return f
}

// mayCreate reports false only when the source certainly creates no
// class of simple name cls.
func (f createdFilter) mayCreate(cls string) bool {
	if !f.known {
		return true
	}
	a, b := wordHash([]byte(cls))
	return f.bits[a>>6&1]&(1<<(a&63)) != 0 && f.bits[b>>6&1]&(1<<(b&63)) != 0
}

// maxCreationReads bounds the files read for creations of one class.
const maxCreationReads = 400

// resolveReflective decides the reflective calls by a constant method
// name on a class the calling file does not show: the sources that may
// hold the name are read for a declaration of it, until two classes
// besides the callers' are found (the name is then not guessed).
func (x *graphIndex) resolveReflective(targets map[facts.MethodKey]bool, o graphOptions) []facts.MethodKey {
	names := x.g.PendingNames()
	// Each name's classes are found on the workers, and handed to the
	// graph in the names' order.
	outers := make([][]string, len(names))
	readers := make([]*spillReader, max(1, o.jobs))
	for w := range readers {
		readers[w] = x.reader()
	}
	onWorkers(o.jobs, len(names), func(w, i int) {
		outers[i] = x.declaringClasses(names[i], readers[w], o)
	})
	var found []facts.MethodKey
	for i, name := range names {
		found = append(found, x.g.ResolveReflective(name, outers[i], targets)...)
	}
	return found
}

// declaringClasses lists, in path order, the top-level classes of the
// first sources declaring a method of the name, up to four of them.
func (x *graphIndex) declaringClasses(name string, r *spillReader, o graphOptions) []string {
	h := hashOf([]byte(name))
	seen := map[string]bool{}
	var outers []string
	var ws wordSet
	for i, src := range x.sources {
		if len(outers) > 3 {
			break
		}
		if !x.wordsIn(i, r, &ws).mayHoldHash(h) {
			continue
		}
		l, err := safefs.ReadLent(src.abs(), o.maxFileSize)
		if err != nil {
			continue
		}
		outer := ""
		if declares(l.Data, name) {
			outer = topLevelClass(src.rel(), l.Data)
		}
		l.Release()
		if outer != "" && !seen[outer] {
			seen[outer] = true
			outers = append(outers, outer)
		}
	}
	return outers
}

// declares reports a source holding a method declaration of the name: the
// name, a parameter list, and a body or a throws clause after it.
func declares(src []byte, name string) bool {
	w := []byte(name)
	for i := wordIndex(src, w, 0); i >= 0; i = wordIndex(src, w, i+len(w)) {
		end := i + len(w)
		// A declaration has a type before its name; a call has a dot,
		// an operator or a bracket.
		j := i - 1
		for j >= 0 && (src[j] == ' ' || src[j] == '\t') {
			j--
		}
		if j < 0 || !(identPart(src[j]) || src[j] == '>' || src[j] == ']') || j+1 == i {
			continue
		}
		k := end
		for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
			k++
		}
		if k >= len(src) || src[k] != '(' {
			continue
		}
		close := bytes.IndexByte(src[k:], ')')
		if close < 0 {
			return false
		}
		rest := bytes.TrimLeft(src[k+close+1:], " \t\r\n")
		if len(rest) > 0 && rest[0] == '{' || bytes.HasPrefix(rest, []byte("throws")) {
			return true
		}
	}
	return false
}

// topLevelClass is the binary name of the top-level class a source
// declares: its package and its file's name.
func topLevelClass(rel string, src []byte) string {
	base := rel[strings.LastIndexByte(rel, '/')+1:]
	base = strings.TrimSuffix(base, ".java")
	pkg := ""
	if i := bytes.Index(src, []byte("package ")); i >= 0 && (i == 0 || src[i-1] == '\n') {
		if j := bytes.IndexByte(src[i:], ';'); j > 0 {
			pkg = strings.TrimSpace(string(src[i+len("package ") : i+j]))
		}
	}
	if pkg == "" {
		return base
	}
	return pkg + "." + base
}

// graphOptions are what the search for callers reads and parses with.
type graphOptions struct {
	// maxFiles bounds the files the whole search reads (0: no bound):
	// on a tree where common names make most files candidates, callers
	// further away are then not looked for.
	maxFiles    int
	jobs        int
	timeout     time.Duration
	maxFileSize int64
	types       typeIndex
}

// findCallers parses the production sources that may call one of the
// targets and records their calls to them.
func (x *graphIndex) findCallers(ctx context.Context, targets map[facts.MethodKey]bool, o graphOptions) ([]facts.MethodKey, error) {
	interest := javasrc.Interest{Calls: map[string]bool{}, News: map[string]bool{}}
	var wants []want
	named := map[string]bool{} // the targets' method names
	for k := range targets {
		w := wantOf(k)
		if k.Name == "<init>" {
			// A constructor is called by creating an instance.
			interest.News[string(w.class)] = true
		} else {
			interest.Calls[k.Name] = true
			named[k.Name] = true
		}
		w.reflect = x.named[k]
		wants = append(wants, w)
	}
	for _, n := range callgraph.Names {
		interest.Calls[n] = true
	}
	for _, n := range callgraph.UseNames {
		interest.Calls[n] = true
	}
	for _, n := range callgraph.ReflectNames {
		interest.Calls[n] = true
	}
	// A file the scan parsed has its summaries and declarations in the
	// graph already: parsing it again adds only its calls of the targets
	// it may call, their instance creations and the calls the scan did
	// not ask for (reflective lookups, the uses of a returned loader). A
	// file with no site of those is not parsed again (againFor).
	m := newWantMatcher(wants)
	// The callers of a private target all sit in its own file: past the
	// bound that file is still read, one per such target, so that a chain
	// of private helpers is followed up to its launcher's main however
	// much of the bound the rest of the tree took (the other targets'
	// searches stay stopped).
	var own []want
	for _, w := range wants {
		if k := w.key; x.g.Private(k.Class, k.Name) {
			own = append(own, w)
		}
	}
	var mu sync.Mutex
	var found []facts.MethodKey
	work := make(chan *input)
	g, gctx := errgroup.WithContext(ctx)
	var todo []*input
	var ws wordSet
	for i, src := range x.sources {
		words := x.wordsOf(i, &ws)
		if !m.mayHold(src.input, words) {
			continue // certainly names none of them: not even read
		}
		if o.maxFiles > 0 && x.parsed+len(todo) >= o.maxFiles {
			x.stopped = true
			if len(own) == 0 {
				break
			}
			if !ownFile(src.input, words, own) {
				continue
			}
		}
		todo = append(todo, src.input)
	}
	x.parsed += len(todo)
	g.Go(func() error {
		defer close(work)
		for _, in := range todo {
			select {
			case work <- in:
			case <-gctx.Done():
				return gctx.Err()
			}
		}
		return nil
	})
	for w := 0; w < o.jobs; w++ {
		g.Go(func() error {
			ex, err := javasrc.NewExtractor(interest, int(o.timeout/time.Microsecond))
			if err != nil {
				return err
			}
			defer ex.Close()
			seen := make([]bool, len(m.ids))
			var matched []int
			visit := func(in *input, src []byte) {
				x.mu.Lock()
				scanned := in.graphRead
				x.mu.Unlock()
				if matched = m.matching(in, src, seen, matched[:0], !scanned); len(matched) == 0 {
					return
				}
				if scanned && !javasrc.HasCalls(src, m.againFor(src, matched)) {
					return
				}
				f, _, err := ex.Extract(in.rel(), src, o.types)
				if err != nil {
					return // reported by the Java kind already
				}
				sums := callgraph.FileSummaries(f.Path, f, src)
				x.mu.Lock()
				x.g.AddSummaries(f.Path, f, src, sums, !in.graphRead)
				in.graphRead = true
				cs := x.g.AddCalls(f.Path, f, src, targets)
				x.mu.Unlock()
				mu.Lock()
				found = append(found, cs...)
				mu.Unlock()
			}
			for in := range work {
				l, err := safefs.ReadLent(in.abs(), o.maxFileSize)
				if err != nil {
					continue
				}
				visit(in, l.Data) // the graph keeps strings, not src
				l.Release()
			}
			return gctx.Err()
		})
	}
	return found, g.Wait()
}

// ownFile reports the file of one of the wanted methods' own top-level
// class, naming that method.
func ownFile(in *input, words *wordSet, wants []want) bool {
	for _, w := range wants {
		if in.relHasSuffix(w.file) && words.mayHoldHash(hashOf(w.name)) {
			return true
		}
	}
	return false
}

// want is a method whose callers are searched: its name, its class's
// simple name, and the file its top-level class lives in.
type want struct {
	key         facts.MethodKey
	name, class []byte
	file        string
	// reflect: a call by the name as a string constant is looked for too
	// (a method with a finding beside a launcher, which may call it so).
	reflect bool
	// ctor: a constructor, called only by creating an instance: a file
	// that names the class without "new" before it (its users' fields
	// and parameters, far more than its creators) cannot call it.
	ctor bool
}

// wantOf is what a file that may call the method shows: its name (the
// class's simple name for a constructor), its class's simple name, and
// the file its top-level class lives in.
func wantOf(k facts.MethodKey) want {
	cls := k.Class
	if i := strings.LastIndexAny(cls, ".$"); i >= 0 {
		cls = cls[i+1:]
	}
	outer := k.Class
	if i := strings.IndexByte(outer, '$'); i >= 0 {
		outer = outer[:i]
	}
	name := k.Name
	if name == "<init>" {
		name = cls
	}
	return want{key: k, name: []byte(name), class: []byte(cls), file: strings.ReplaceAll(outer, ".", "/") + ".java", ctor: k.Name == "<init>"}
}

// reflectWords are the lookups a call by a constant method name goes
// through: a file using one may call the wanted method whatever class
// it names.
var reflectWords = [][]byte{[]byte("getMethod"), []byte("getDeclaredMethod")}

// wantMatcher answers mayCall for one round's wanted methods, each file
// read once: the words of a round (thousands, on a large tree) are looked
// up as the file's identifiers go by, not searched for one by one.
type wantMatcher struct {
	wants []want
	// ids numbers the distinct words of the wants and the reflective
	// lookups; name and class are the wants' indices, -1 for a word that
	// is not a plain identifier, which hasWord then looks for.
	ids         map[string]int
	words       [][]byte // by id
	name, class []int
	reflect     []int
	// hashes are the words' Bloom hashes, for the check on the words of a
	// file alone.
	nameHash, classHash, reflectHash [][2]uint32
}

func newWantMatcher(wants []want) *wantMatcher {
	m := &wantMatcher{wants: wants, ids: map[string]int{}}
	id := func(w []byte) int {
		if len(w) == 0 {
			return -1
		}
		for _, c := range w {
			if !identPart(c) {
				return -1
			}
		}
		i, ok := m.ids[string(w)]
		if !ok {
			i = len(m.ids)
			m.ids[string(w)] = i
			m.words = append(m.words, w)
		}
		return i
	}
	hash := func(w []byte) [2]uint32 {
		a, b := wordHash(w)
		return [2]uint32{a, b}
	}
	for _, w := range wants {
		m.name = append(m.name, id(w.name))
		m.class = append(m.class, id(w.class))
		m.nameHash = append(m.nameHash, hash(w.name))
		m.classHash = append(m.classHash, hash(w.class))
	}
	for _, r := range reflectWords {
		m.reflect = append(m.reflect, id(r))
		m.reflectHash = append(m.reflectHash, hash(r))
	}
	return m
}

// mayCall reports whether a source can hold a call to one of the wanted
// methods: it names the method and either is the method's own file (an
// unqualified call reaches its own class and enclosing ones) or names the
// method's class (a call through the type or on a receiver of that type),
// or, for a method beside a launcher, quotes its name beside a reflective
// lookup. A call through a variable of an interface or superclass type is
// not resolved anyway, so it need not be looked for. seen is scratch space
// of len(m.ids).
func (m *wantMatcher) mayCall(in *input, src []byte, seen []bool) bool {
	return len(m.matching(in, src, seen, nil, true)) > 0
}

// matching appends to out the indices of the wanted methods src may
// call (see mayCall), all of them, or only the first when first is set.
func (m *wantMatcher) matching(in *input, src []byte, seen []bool, out []int, first bool) []int {
	// A few words are found faster one by one (bytes.Index) than by
	// looking up every identifier of the file in ids.
	few := len(m.words) <= fewWantWords
	if !few {
		clear(seen)
		// A whole identifier is a maximal run of identifier bytes: the
		// words hasWord would find are exactly these runs.
		for i := 0; i < len(src); {
			if !identPart(src[i]) {
				i++
				continue
			}
			j := i + 1
			for j < len(src) && identPart(src[j]) {
				j++
			}
			if id, ok := m.ids[string(src[i:j])]; ok {
				seen[id] = true
			}
			i = j
		}
	}
	has := func(id int, w []byte) bool {
		if id < 0 || few {
			return hasWord(src, w)
		}
		return seen[id]
	}
	reflect := -1 // not yet looked for
	reflective := func() bool {
		if reflect < 0 {
			reflect = 0
			for k, r := range reflectWords {
				if has(m.reflect[k], r) {
					reflect = 1
					break
				}
			}
		}
		return reflect == 1
	}
	for k, w := range m.wants {
		if !has(m.name[k], w.name) || w.ctor && !created(src, w.class) {
			continue
		}
		if in.relHasSuffix(w.file) || has(m.class[k], w.class) || w.reflect && reflective() && quoted(src, w.name) {
			if out = append(out, k); first {
				return out
			}
		}
	}
	return out
}

// fewWantWords is the most words a matcher finds one by one.
const fewWantWords = 8

// againFor is what a file the scan parsed must show for a parse to add
// anything: a call of one of the wanted methods it may call (matched, from
// matching), or the creation of one's class, or, where one's name is
// quoted, a reflective lookup. Its other calls of the round's names cannot
// reach a target the file does not name (a JDK System.setProperty beside
// a project's own setProperty), and the lookups a returned loader is
// handed to only count at a call of a target.
func (m *wantMatcher) againFor(src []byte, matched []int) javasrc.Interest {
	in := javasrc.Interest{Calls: map[string]bool{}, News: map[string]bool{}}
	for _, k := range matched {
		w := m.wants[k]
		if w.ctor {
			in.News[string(w.class)] = true
		} else {
			in.Calls[string(w.name)] = true
		}
		if quoted(src, w.name) {
			for _, n := range callgraph.ReflectNames {
				in.Calls[n] = true
			}
		}
	}
	return in
}

// created reports an instance creation of the class of simple name cls
// in src: "new" before the name, qualified or not ("new a.b.Cls(",
// "new Outer.Cls(").
func created(src, cls []byte) bool {
	for i := wordIndex(src, cls, 0); i >= 0; i = wordIndex(src, cls, i+len(cls)) {
		j := i
		for {
			// Skip back over "qualifier." segments and blanks.
			k := j - 1
			for k >= 0 && isBlank(src[k]) {
				k--
			}
			if k >= 0 && src[k] == '.' {
				k--
				for k >= 0 && isBlank(src[k]) {
					k--
				}
				for k >= 0 && identPart(src[k]) {
					k--
				}
				j = k + 1
				continue
			}
			if k >= 2 && string(src[k-2:k+1]) == "new" && (k < 3 || !identPart(src[k-3])) && k+1 < j {
				return true
			}
			break
		}
	}
	return false
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// quoted reports the name written as a string literal.
func quoted(src, name []byte) bool {
	q := make([]byte, 0, len(name)+2)
	q = append(append(append(q, '"'), name...), '"')
	return bytes.Contains(src, q)
}

// mayHold is mayCall answered from the words of the file in alone: false
// only when the file certainly cannot call one of the wanted methods.
func (m *wantMatcher) mayHold(in *input, words *wordSet) bool {
	reflect := false
	for k := range reflectWords {
		reflect = reflect || words.mayHoldHash(m.reflectHash[k])
	}
	for k, w := range m.wants {
		if words.mayHoldHash(m.nameHash[k]) && (w.reflect && reflect || in.relHasSuffix(w.file) || words.mayHoldHash(m.classHash[k])) {
			return true
		}
	}
	return false
}

// hasWord reports whether src holds w as a whole identifier.
func hasWord(src, w []byte) bool { return wordIndex(src, w, 0) >= 0 }

// wordIndex is the index of the first whole-identifier w in src at or
// after off, -1 when there is none.
func wordIndex(src, w []byte, off int) int {
	if len(w) == 0 {
		return -1
	}
	for off <= len(src) {
		i := bytes.Index(src[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		end := i + len(w)
		if (i == 0 || !identPart(src[i-1])) && (end == len(src) || !identPart(src[end])) {
			return i
		}
		off = end
	}
	return -1
}

// dropEntryOnly removes the findings whose hazard exists only in a shared
// JVM when only entry points reach their method, or when it waits for a
// getter that tells a native image (ImageOnly). One it keeps although an
// entry point reaches its method says which other code reaches it too.
func dropEntryOnly(fs []finding.Finding, g *facts.CallGraph) []finding.Finding {
	out := fs[:0]
	for _, f := range fs {
		if f.EntrySensitive && (f.ImageOnly || g.OnlyFromEntry(f.Class, f.Method) || guardsEntryOnly(f.EntryGuards, g)) {
			continue
		}
		if f.EntrySensitive && len(f.EntryGuards) == 0 {
			noteOtherReach(&f, g.OtherReachOf(f.Class, f.Method))
		}
		out = append(out, f)
	}
	return out
}

// noteOtherReach names, in a finding's message, related locations and
// flow, the chain by which code other than the entry points reaches its
// method (nil: none to name).
func noteOtherReach(f *finding.Finding, r *facts.OtherReach) {
	note, steps := rules.OtherReachNote(r)
	if note == "" {
		return
	}
	f.Message += note
	var flow []finding.Location
	for _, s := range steps {
		loc := finding.Location{Path: s.Path, Region: finding.Region{StartLine: s.Line}, Message: s.Message}
		f.Related = append(f.Related, loc)
		flow = append(flow, loc)
	}
	if len(flow) == 0 {
		return
	}
	if len(f.Flow) == 0 && f.Region.StartLine > 0 {
		// The chain ends at the hazard itself.
		flow = append(flow, finding.Location{Path: f.Path, Region: f.Region, Message: "the hazard is here"})
	}
	f.Flow = append(flow, f.Flow...)
}

// guardsEntryOnly reports a hazard whose every enabling method only entry
// points reach (none: false).
func guardsEntryOnly(ks []facts.MethodKey, g *facts.CallGraph) bool {
	for _, k := range ks {
		if !g.OnlyFromEntry(k.Class, k.Name) {
			return false
		}
	}
	return len(ks) > 0
}

// maxMentions bounds the files mentioning lists.
const maxMentions = 200

// mentioning lists the production sources (not those set aside as tool
// code) holding w as a whole identifier, by path relative to the scan
// root: the files a settled verdict reads for the creations of a class or
// the calls of a method. More than limit of them, it returns nil, false:
// a name that common decides nothing.
func (x *graphIndex) mentioning(w string, limit int, maxFileSize int64, jobs int) ([]string, bool) {
	x.prefetchMentions([]string{w}, limit, maxFileSize, jobs)
	r := x.mentioned[mentionKey{w, limit}]
	return r.paths, r.ok
}

type mentionKey struct {
	word  string
	limit int
}

type mentionSet struct {
	paths []string
	ok    bool
}

// prefetchMentions answers mentioning for each of words not answered yet,
// in one search: a file that may hold several of them is read once for
// all (the word sets of large files hold most words' hashes by chance, so
// the same files were read for every word).
func (x *graphIndex) prefetchMentions(words []string, limit int, maxFileSize int64, jobs int) {
	if x.mentioned == nil {
		x.mentioned = map[mentionKey]mentionSet{}
	}
	var open []*mentionSearch
	seen := map[string]bool{}
	for _, w := range words {
		if _, done := x.mentioned[mentionKey{w, limit}]; done || seen[w] {
			continue
		}
		seen[w] = true
		open = append(open, &mentionSearch{word: []byte(w), hash: hashOf([]byte(w)), ok: true})
	}
	if len(open) == 0 {
		return
	}
	x.mention(open, limit, maxFileSize, jobs)
	for _, m := range open {
		x.mentioned[mentionKey{string(m.word), limit}] = mentionSet{m.paths, m.ok}
	}
}

// mentionSearch is one word's search: the files holding it, in path
// order; ok is false once more than the limit do (paths is then nil).
type mentionSearch struct {
	word  []byte
	hash  [2]uint32
	paths []string
	ok    bool
}

// mention is prefetchMentions' search: the files the word sets allow for
// any word still open are read on jobs workers a batch at a time and
// taken in path order; a word is closed once more than limit files hold
// it. A word's answer does not depend on the words searched beside it.
func (x *graphIndex) mention(open []*mentionSearch, limit int, maxFileSize int64, jobs int) {
	open = slices.Clone(open) // closed words leave it; the caller's list stays whole
	var ws wordSet
	type cand struct {
		in    *input
		words []*mentionSearch // the open words its word set may hold
		holds []bool
	}
	var batch []cand
	take := func() {
		onWorkers(jobs, len(batch), func(_, i int) {
			c := &batch[i]
			c.holds = make([]bool, len(c.words))
			l, err := safefs.ReadLent(c.in.abs(), maxFileSize)
			if err != nil {
				return
			}
			for k, m := range c.words {
				c.holds[k] = hasWord(l.Data, m.word)
			}
			l.Release()
		})
		for _, c := range batch {
			for k, m := range c.words {
				if !c.holds[k] || !m.ok {
					continue
				}
				if len(m.paths) >= limit {
					m.paths, m.ok = nil, false
					continue
				}
				m.paths = append(m.paths, c.in.rel())
			}
		}
		batch = batch[:0]
		live := open[:0]
		for _, m := range open {
			if m.ok {
				live = append(live, m)
			}
		}
		open = live
	}
	for i, s := range x.sources {
		if len(open) == 0 {
			return
		}
		if s.tool {
			continue
		}
		set := x.wordsOf(i, &ws)
		var words []*mentionSearch
		for _, m := range open {
			if set.mayHoldHash(m.hash) {
				words = append(words, m)
			}
		}
		if len(words) == 0 {
			continue
		}
		if batch = append(batch, cand{in: s.input, words: words}); len(batch) == mentionBatch {
			take()
		}
	}
	take()
}

// mentionBatch is how many files mention reads at once.
const mentionBatch = 64

// lazyExtractor makes its extractor on first use: most passes over the
// findings read no source at all.
type lazyExtractor struct {
	interest javasrc.Interest
	timeout  time.Duration
	ex       *javasrc.Extractor
}

func (l *lazyExtractor) get() (*javasrc.Extractor, error) {
	if l.ex == nil {
		ex, err := javasrc.NewExtractor(l.interest, int(l.timeout/time.Microsecond))
		if err != nil {
			return nil, err
		}
		l.ex = ex
	}
	return l.ex, nil
}

// Close releases the extractor, if one was made.
func (l *lazyExtractor) Close() {
	if l.ex != nil {
		l.ex.Close()
	}
}

// plainInterest asks the extractor for declarations only: no calls or
// creations by name.
func plainInterest() javasrc.Interest {
	return javasrc.Interest{Calls: map[string]bool{}, News: map[string]bool{}}
}

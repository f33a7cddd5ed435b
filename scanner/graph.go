package scanner

import (
	"bytes"
	"context"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/kscan/kscan/internal/safefs"
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
	// parsed counts the files the search for callers parsed; stopped is
	// set when it reached graphOptions.maxFiles and parsed no more.
	parsed  int
	stopped bool
}

// source is a production Java source and the identifiers it holds.
type source struct {
	input
	words *wordSet
}

func newGraphIndex() *graphIndex { return &graphIndex{g: callgraph.New()} }

func (x *graphIndex) addFile(in input, f *facts.File, src []byte) {
	x.mu.Lock()
	x.g.AddFile(in.rel, f, src)
	x.mu.Unlock()
}

func (x *graphIndex) addSource(in input, words *wordSet) {
	x.mu.Lock()
	x.sources = append(x.sources, source{in, words})
	x.mu.Unlock()
}

// buildGraph finds the callers the summaries and the entry-sensitive
// findings need, demand-driven: each round reads the production sources
// for the names asked (a byte scan), parses only the files that mention
// one, asking the extractor for those calls alone, and records the calls
// that resolve to a project method. The next round asks for the callers
// of callers, as far as the entry-point search can still decide anything,
// up to callgraph.MaxDepth rounds.
func (x *graphIndex) build(ctx context.Context, sensitive []finding.Finding, o graphOptions) (*facts.CallGraph, error) {
	g := x.g
	// In path order, so that a search stopped by its budget stops at the
	// same files every run.
	sort.Slice(x.sources, func(i, j int) bool { return x.sources[i].rel < x.sources[j].rel })
	targets := g.Targets()
	asked := map[facts.MethodKey]bool{}
	for _, f := range sensitive {
		if f.EntrySensitive && f.Method != "" && g.Searchable(f.Class, f.Method) {
			targets[facts.MethodKey{Class: f.Class, Name: f.Method, Arity: -1}] = true
		}
	}
	for depth := 0; depth < callgraph.MaxDepth && len(targets) > 0; depth++ {
		for k := range targets {
			asked[k] = true
		}
		callers, err := x.findCallers(ctx, targets, o)
		if err != nil {
			return nil, err
		}
		next := map[facts.MethodKey]bool{}
		for _, c := range callers {
			if !asked[c] && g.Searchable(c.Class, c.Name) {
				next[c] = true
			}
		}
		targets = next
	}
	return g.Build(), nil
}

// graphOptions are what the search for callers reads and parses with.
type graphOptions struct {
	// maxFiles bounds the files the whole search parses (0: no bound):
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
	for k := range targets {
		interest.Calls[k.Name] = true
		cls := k.Class
		if i := strings.LastIndexAny(cls, ".$"); i >= 0 {
			cls = cls[i+1:]
		}
		outer := k.Class
		if i := strings.IndexByte(outer, '$'); i >= 0 {
			outer = outer[:i]
		}
		wants = append(wants, want{name: []byte(k.Name), class: []byte(cls), file: strings.ReplaceAll(outer, ".", "/") + ".java"})
	}
	for _, n := range callgraph.Names {
		interest.Calls[n] = true
	}
	for _, n := range callgraph.UseNames {
		interest.Calls[n] = true
	}
	m := newWantMatcher(wants)
	var mu sync.Mutex
	var found []facts.MethodKey
	work := make(chan input)
	g, gctx := errgroup.WithContext(ctx)
	var todo []input
	for _, src := range x.sources {
		if !m.mayHold(src) {
			continue // certainly names none of them: not even read
		}
		if o.maxFiles > 0 && x.parsed+len(todo) >= o.maxFiles {
			x.stopped = true
			break
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
			for in := range work {
				src, err := safefs.ReadFile(in.abs, o.maxFileSize)
				if err != nil || !m.mayCall(in.rel, src, seen) {
					continue
				}
				f, _, err := ex.Extract(in.rel, src, o.types)
				if err != nil {
					continue // reported by the Java kind already
				}
				x.mu.Lock()
				x.g.AddFile(in.rel, f, src)
				cs := x.g.AddCalls(in.rel, f, targets)
				x.mu.Unlock()
				mu.Lock()
				found = append(found, cs...)
				mu.Unlock()
			}
			return gctx.Err()
		})
	}
	return found, g.Wait()
}

// want is a method whose callers are searched: its name, its class's
// simple name, and the file its top-level class lives in.
type want struct {
	name, class []byte
	file        string
}

// wantMatcher answers mayCall for one round's wanted methods, each file
// read once: the words of a round (thousands, on a large tree) are looked
// up as the file's identifiers go by, not searched for one by one.
type wantMatcher struct {
	wants []want
	// ids numbers the distinct words of the wants; name and class are
	// their indices, -1 for a word that is not a plain identifier, which
	// hasWord then looks for.
	ids         map[string]int
	name, class []int
	// hashes are the words' Bloom hashes, for the check on the words of a
	// file alone.
	nameHash, classHash [][2]uint32
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
	return m
}

// mayCall reports whether a source can hold a call to one of the wanted
// methods: it names the method and either is the method's own file (an
// unqualified call reaches its own class and enclosing ones) or names the
// method's class (a call through the type or on a receiver of that type).
// A call through a variable of an interface or superclass type is not
// resolved anyway, so it need not be looked for. seen is scratch space of
// len(m.ids).
func (m *wantMatcher) mayCall(rel string, src []byte, seen []bool) bool {
	clear(seen)
	// A whole identifier is a maximal run of identifier bytes: the words
	// hasWord would find are exactly these runs.
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
	has := func(id int, w []byte) bool {
		if id < 0 {
			return hasWord(src, w)
		}
		return seen[id]
	}
	for k, w := range m.wants {
		if has(m.name[k], w.name) && (strings.HasSuffix(rel, w.file) || has(m.class[k], w.class)) {
			return true
		}
	}
	return false
}

// mayHold is mayCall answered from the words of the file alone: false
// only when the file certainly cannot call one of the wanted methods.
func (m *wantMatcher) mayHold(s source) bool {
	for k, w := range m.wants {
		if s.words.mayHoldHash(m.nameHash[k]) && (strings.HasSuffix(s.rel, w.file) || s.words.mayHoldHash(m.classHash[k])) {
			return true
		}
	}
	return false
}

// hasWord reports whether src holds w as a whole identifier.
func hasWord(src, w []byte) bool {
	for off := 0; ; {
		i := bytes.Index(src[off:], w)
		if i < 0 {
			return false
		}
		i += off
		end := i + len(w)
		if (i == 0 || !identPart(src[i-1])) && (end == len(src) || !identPart(src[end])) {
			return true
		}
		off = end
	}
}

// dropEntryOnly removes the findings whose hazard exists only in a shared
// JVM when only entry points reach their method.
func dropEntryOnly(fs []finding.Finding, g *facts.CallGraph) []finding.Finding {
	out := fs[:0]
	for _, f := range fs {
		if f.EntrySensitive && g.OnlyFromEntry(f.Class, f.Method) {
			continue
		}
		out = append(out, f)
	}
	return out
}

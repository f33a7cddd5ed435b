// Package callgraph builds the project-wide call graph that rules use to
// see a hazard one call away: what each method of the project does that a
// hazard can hide behind (its summary: it ends the JVM, returns a
// ClassLoader, loads a class named by its parameter), where such methods
// are called, and which methods only a process entry point reaches.
//
// It works from facts alone (rules/facts), so sources and class files feed
// it alike, and it is demand-driven: Summarize reads the facts of files
// already parsed for the rules; the engine then looks for the callers of
// the few methods that matter (Targets), round by round up to a depth
// bound, instead of parsing every file for every call. A callee that
// cannot be resolved is skipped, never guessed.
package callgraph

import (
	"sort"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// MaxDepth bounds how many calls up from a hazard the search for entry
// points goes: a 10,000-deep chain costs at most this many rounds.
const MaxDepth = 8

// Graph accumulates summaries, declarations and call sites, then answers
// for the rules (Build).
type Graph struct {
	methods map[facts.MethodKey]*facts.Summary
	// decls are every method declaration seen (class+name, arity -1): for
	// entry points and visibility of callers.
	decls map[facts.MethodKey]declInfo
	calls map[facts.MethodKey][]facts.CallSite // by callee (with arity)
	// callers by callee class+name (arity -1): for the entry-point search.
	callers map[facts.MethodKey][]facts.MethodKey
	// launchers are classes that declare an entry point.
	launchers map[string]bool
	seenSite  map[siteKey]bool
	// wrappers are methods returning the ClassLoader another project
	// method returns (Summary.Via), until propagate decides them.
	wrappers map[facts.MethodKey]*facts.Summary
}

type declInfo struct {
	private, entry bool
}

type siteKey struct {
	path  string
	start int
	line  int
	name  string
}

// New returns an empty graph.
func New() *Graph {
	return &Graph{methods: map[facts.MethodKey]*facts.Summary{}, decls: map[facts.MethodKey]declInfo{},
		calls: map[facts.MethodKey][]facts.CallSite{}, callers: map[facts.MethodKey][]facts.MethodKey{},
		launchers: map[string]bool{}, seenSite: map[siteKey]bool{}, wrappers: map[facts.MethodKey]*facts.Summary{}}
}

// byName is a method key without its arity: callers are known by class and
// name (a call's enclosing method).
func byName(class, name string) facts.MethodKey {
	return facts.MethodKey{Class: class, Name: name, Arity: -1}
}

// AddFile reads one file's facts (src: its text, nil for compiled code):
// the summaries of its methods and its declarations. It may be called
// again for a file read once more to find callers; a method is summarised
// once.
func (g *Graph) AddFile(path string, f *facts.File, src []byte) {
	if src == nil && len(f.Calls) == 0 {
		// Compiled code keeps only summaries its calls make interesting
		// or wrappers (below): a class without a call adds nothing.
		return
	}
	for _, s := range Summarize(path, f, src) {
		_, known := g.methods[s.Method]
		_, wrapped := g.wrappers[s.Method]
		keep := !known && interesting(&s)
		wrap := !keep && !wrapped && !known && s.Via != nil && s.ReturnsLoader == facts.LoaderNone
		if !keep && !wrap && src == nil {
			// Compiled code is summarised, not searched for callers: only
			// what a source's call may resolve to is kept.
			continue
		}
		// Kept past the file: copies, so that no class's constant pool or
		// source text stays alive through them.
		s.Method.Class, s.Method.Name = strings.Clone(s.Method.Class), strings.Clone(s.Method.Name)
		k := s.Method
		if keep {
			cp := s
			g.methods[k] = &cp
		} else if wrap {
			cp := s
			v := *s.Via
			v.Class, v.Name = strings.Clone(v.Class), strings.Clone(v.Name)
			cp.Via = &v
			g.wrappers[k] = &cp
		}
		bn := byName(k.Class, k.Name)
		d := g.decls[bn]
		// Overloads share a name: the name is private only when every
		// overload is, and an entry when any is.
		if _, seen := g.decls[bn]; !seen {
			d.private = s.Private
		} else {
			d.private = d.private && s.Private
		}
		d.entry = d.entry || s.Entry
		g.decls[bn] = d
		if s.Entry {
			g.launchers[k.Class] = true
		}
	}
}

// interesting reports a summary whose callers are where a hazard one call
// away happens: a loader taken from the thread context first is what the
// rules ask for, so its callers need no look.
func interesting(s *facts.Summary) bool {
	return s.Terminates != nil || s.ReturnsLoader == facts.LoaderOwn || s.ReturnsLoader == facts.LoaderSystem ||
		s.ArgLoader || s.LoadsParam >= 0
}

// propagate gives a wrapper the loader of the project method it returns
// the loader of, through chains of wrappers up to MaxDepth long; the
// loader expression stays the innermost one, Via names the method called.
func (g *Graph) propagate() {
	for round := 0; round < MaxDepth && len(g.wrappers) > 0; round++ {
		changed := false
		for k, w := range g.wrappers {
			t := g.methods[*w.Via]
			if t == nil {
				t = g.methods[facts.MethodKey{Class: w.Via.Class, Name: w.Via.Name, Arity: -1}]
			}
			if t == nil || t.ReturnsLoader != facts.LoaderOwn && t.ReturnsLoader != facts.LoaderSystem {
				continue
			}
			w.ReturnsLoader, w.LoaderAt = t.ReturnsLoader, t.LoaderAt
			g.methods[k] = w
			delete(g.wrappers, k)
			changed = true
		}
		if !changed {
			break
		}
	}
}

// Targets are the methods, by class and name, whose call sites the graph
// needs: the methods with a summary, wrappers of loader helpers included
// (decided here, once every file's summaries are in).
func (g *Graph) Targets() map[facts.MethodKey]bool {
	g.propagate()
	out := map[facts.MethodKey]bool{}
	for k := range g.methods {
		out[byName(k.Class, k.Name)] = true
	}
	return out
}

// AddCalls records the calls in a file's facts to the named methods, when
// the callee resolves to a method of the project: an unqualified call to
// its own class or an enclosing one, a call through a type name, or on a
// receiver whose type is known. It returns the callers found, by class and
// name, for the next round of an entry-point search.
func (g *Graph) AddCalls(path string, f *facts.File, targets map[facts.MethodKey]bool) []facts.MethodKey {
	var found []facts.MethodKey
	for i := range f.Calls {
		c := &f.Calls[i]
		if c.Context.Method == "" {
			continue
		}
		for _, callee := range g.resolve(c) {
			if !targets[byName(callee.Class, callee.Name)] {
				continue
			}
			sk := siteKey{path, c.Span.Start, c.Line, callee.Class + "." + callee.Name}
			if g.seenSite[sk] {
				continue
			}
			g.seenSite[sk] = true
			caller := byName(c.Class, c.Method)
			site := facts.CallSite{Caller: caller, Callee: callee, Site: facts.Site{Path: path, Span: c.Span, Line: c.Line},
				Args: c.Args, Context: c.Context}
			if s := g.methods[callee]; s != nil && (s.ReturnsLoader != facts.LoaderNone || s.ArgLoader || s.LoadsParam >= 0) {
				site.Use = useOf(f, c)
				site.ContextBefore = contextBefore(f, c)
				site.CallerParams = callerParams(f, c)
				site.CallerPrivate = g.decls[caller].private
			}
			if _, ok := g.methods[callee]; ok {
				g.calls[callee] = append(g.calls[callee], site)
			}
			bn := byName(callee.Class, callee.Name)
			g.callers[bn] = append(g.callers[bn], caller)
			found = append(found, caller)
		}
	}
	return found
}

// resolve finds the project methods a call can reach, or none. The
// candidates are the declarations seen with the call's name in the class
// the call resolves to: for an unqualified call, its own class and then
// each enclosing class (the nearest that declares the name wins).
func (g *Graph) resolve(c *facts.Call) []facts.MethodKey {
	var classes []string
	switch {
	case c.Recv.Text == "" || c.Recv.Text == "this":
		for cls := c.Class; cls != ""; {
			classes = append(classes, cls)
			i := strings.LastIndexByte(cls, '$')
			if i < 0 {
				break
			}
			cls = cls[:i]
		}
	case c.Owner != "":
		classes = []string{c.Owner}
	default:
		return nil // a receiver of unknown type: never guessed
	}
	arity := len(c.Args)
	for _, cls := range classes {
		if _, declared := g.decls[byName(cls, c.Name)]; !declared {
			continue
		}
		var out []facts.MethodKey
		for _, a := range []int{arity, -1} {
			k := facts.MethodKey{Class: cls, Name: c.Name, Arity: a}
			if _, ok := g.methods[k]; ok {
				out = append(out, k)
			}
		}
		if len(out) == 0 {
			// Declared but with no summary: still an edge for the
			// entry-point search.
			out = append(out, facts.MethodKey{Class: cls, Name: c.Name, Arity: arity})
		}
		return out
	}
	return nil
}

// Build computes which of the asked methods only entry points reach and
// returns the graph for the rules. A method is entry-only when it is an
// entry point, or when it cannot be called from outside the project (it
// is private, or its class is a launcher that declares an entry point),
// has callers, and every caller is entry-only. Recursion is not a way in:
// the least fixed point is taken, so a cycle with no entry point stays
// reachable.
func (g *Graph) Build() *facts.CallGraph {
	only := map[facts.MethodKey]bool{}
	for k, d := range g.decls {
		if d.entry {
			only[k] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for k, callers := range g.callers {
			if only[k] || len(callers) == 0 {
				continue
			}
			d, declared := g.decls[k]
			if !declared || !d.private && !g.launchers[k.Class] {
				continue
			}
			all := true
			for _, c := range callers {
				if !only[c] {
					all = false
					break
				}
			}
			if all {
				only[k] = true
				changed = true
			}
		}
	}
	calls := map[facts.MethodKey][]facts.CallSite{}
	for k, cs := range g.calls {
		sorted := append([]facts.CallSite(nil), cs...)
		sort.Slice(sorted, func(i, j int) bool {
			a, b := sorted[i].Site, sorted[j].Site
			if a.Path != b.Path {
				return a.Path < b.Path
			}
			return a.Span.Start < b.Span.Start || a.Span.Start == b.Span.Start && a.Line < b.Line
		})
		calls[k] = sorted
	}
	return &facts.CallGraph{Methods: g.methods, Calls: calls, EntryOnly: only, Launchers: g.launchers}
}

// IsEntry reports whether the method of class and name is an entry point
// or known to be declared private or in a launcher class, that is whether
// the search for its callers can decide anything.
func (g *Graph) Searchable(class, name string) bool {
	d, ok := g.decls[byName(class, name)]
	return ok && (d.entry || d.private || g.launchers[class])
}

// useOf finds the call that takes c's value: as its receiver or an
// argument, or through a local variable initialised with it.
func useOf(f *facts.File, c *facts.Call) *facts.Call {
	takes := func(x facts.Expr) bool {
		return x.Span == c.Span || x.Local != nil && x.Local.Span == c.Span
	}
	for i := range f.Calls {
		u := &f.Calls[i]
		if u == c || u.Class != c.Class || u.Method != c.Method {
			continue
		}
		if takes(u.Recv) {
			cp := *u
			return &cp
		}
		for _, a := range u.Args {
			if takes(a) {
				cp := *u
				return &cp
			}
		}
	}
	return nil
}

// contextBefore reports a read of the thread context loader before c in
// its method.
func contextBefore(f *facts.File, c *facts.Call) bool {
	for i := range f.Calls {
		u := &f.Calls[i]
		if u.Class == c.Class && u.Method == c.Method && u.Span.Start < c.Span.Start && strings.Contains(u.Name, "ContextClassLoader") {
			return true
		}
	}
	return false
}

// callerParams are the parameter names of the method enclosing c.
func callerParams(f *facts.File, c *facts.Call) []string {
	for i := range f.Methods {
		m := &f.Methods[i]
		if m.Class == c.Class && m.Name == c.Method && within(c.Span, m.Decl) {
			return ParamNames(m.Params)
		}
	}
	return nil
}

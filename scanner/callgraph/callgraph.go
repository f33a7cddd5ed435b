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
	"bytes"
	"sort"
	"strings"

	"github.com/kscan/kscan/internal/javatext"
	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
)

// MaxDepth bounds how many calls up from a hazard the search for entry
// points goes: a 10,000-deep chain costs at most this many rounds.
const MaxDepth = 8

// Graph accumulates summaries, declarations and call sites, then answers
// for the rules (Build).
type Graph struct {
	methods map[facts.MethodKey]*facts.Summary
	// decls are every method declaration seen (class and name, by
	// their ids in names): for entry points and visibility of callers.
	// Ids, not strings: a large tree declares millions of methods.
	decls map[nameKey]declInfo
	calls map[facts.MethodKey][]facts.CallSite // by callee (with arity)
	// callers by callee class+name (arity -1): for the entry-point search.
	callers map[facts.MethodKey][]facts.MethodKey
	// launchers are classes that declare an entry point.
	launchers map[string]bool
	seenSite  map[siteKey]uint8 // siteEdge or siteKept
	// wrappers are methods returning the ClassLoader another project
	// method returns (Summary.Via), until propagate decides them.
	wrappers map[facts.MethodKey]*facts.Summary
	// reflective are the methods (class+name, arity -1) project code
	// calls by a constant name through reflection; pending are such
	// calls on a class the file does not show, until ResolveReflective.
	reflective map[facts.MethodKey]bool
	pending    []Reflect
	// extended are the classes a parsed class extends: their
	// constructors also run through super(), which is not followed.
	extended map[string]bool
	// storeOnly are setters (class+name, arity -1) whose call sites are
	// kept with their arguments for a static field's finding
	// (facts.Pending.Stores) and nothing else: their calls add no edge
	// to the entry-point search.
	storeOnly map[facts.MethodKey]bool
	// keepSites are methods whose call sites AddCalls keeps although
	// they have no summary, their callers followed as any target's.
	keepSites map[facts.MethodKey]bool
	// optInSites are methods (class+name, arity -1) whose call sites
	// AddCalls keeps with the opt-in switch each waits for
	// (facts.CallSite.OptIn).
	optInSites map[facts.MethodKey]bool
	// Incomplete is set when the search for callers stopped at its
	// bound: a caller list may miss callers, so only a method nothing
	// outside its class or launcher can call is decided entry-only.
	Incomplete bool
	// OptInIncomplete is set when the search for the callers of the
	// methods KeepOptInSites names stopped at its bound.
	OptInIncomplete bool
	// names holds one copy of each class and method name kept, and its
	// id (its index in strs): a class name recurs in the key of each of
	// its methods, and a method name (get, run, toString) in many classes.
	names map[string]int32
	strs  []string
	// lookups tells, by method name (class -1) and by name within a
	// class's nest, whether some body looks a class up context loader
	// first (voteFirst) and whether some body does not (voteOther)
	// (CallGraph.ContextFirst).
	lookups map[nameKey]uint8
	// contextLoaders are the methods (by class and name) that return the
	// thread context loader.
	contextLoaders map[facts.MethodKey]bool
	// accessors are the static no-argument methods returning their own
	// class, by "class.name": the class a call on their value reaches.
	accessors map[string]string
	// supers are the classes whose declaration was read, by binary name,
	// and their superclass as the declaration gives it ("" for none):
	// the chains that make a class an Ant task or a Maven goal through
	// the project's own base classes, in other files.
	supers map[string]string
	// entryTypes are the classes whose execute() the build tool calls
	// (Ant tasks, Maven goals), directly or through their superclasses.
	entryTypes map[string]bool
	// cliTypes are the commands an annotation-driven option parser
	// fills and runs (commandLineClasses), directly or through their
	// superclasses: launchers, whose public methods are the command,
	// not an API.
	cliTypes map[string]bool
	// nested are the binary names of the nested classes read, by their
	// dotted names (a.B.C for a.B$C): how a declaration names them.
	nested map[string]string
	// noSource are base classes UnreadSupers asked for that have no
	// source in the scan.
	noSource map[string]bool
	// subtypes are the classes read that extend a class or implement an
	// interface: their instance methods may be called through a
	// supertype, which no search by name finds.
	subtypes map[string]bool
	// adjacent are top-level classes launchers name, directly or through
	// classes they name (Adjacent): tool code beside its launchers.
	adjacent map[string]bool
	// toolRefs are, by top-level class, the methods of other classes
	// that name it (ToolRefs): when all are entry-only, so are the
	// class's methods no call reaches.
	toolRefs map[string][]facts.MethodKey
	// initRefs are, by top-level class, the methods of other classes
	// that name it (InitRefs): when all are entry-only, so is the
	// class's static initialiser.
	initRefs map[string][]facts.MethodKey
	// impls are the supertypes (superclass and interfaces, as the
	// declaration resolves them) of the classes read, and dispatch the
	// methods of supertypes (class and name) given a name parameter
	// because an implementation's lookup takes it (PassOn): a call
	// through the interface resolves to them although the interface's
	// own declaration may not have been read. overrides maps the
	// implementation's key to those supertype methods.
	impls     map[string][]string
	dispatch  map[facts.MethodKey]bool
	overrides map[facts.MethodKey][]facts.MethodKey
	// edgeSites are the first call seen of each edge of callers: the
	// place a chain kept open by other code names (CallGraph.AlsoReached).
	edgeSites map[edge]facts.Site
	// searched are the methods (class and name) whose callers were looked
	// for (Searched): one with none found is an API, not one unsearched.
	searched map[facts.MethodKey]bool
	// reask are the names (class and name) PassOn gave an overload of
	// its own arity: their calls seen before without a summary must be
	// read again to be kept (Reask).
	reask map[facts.MethodKey]bool
}

// edge is a call from a method to another, by class and name.
type edge struct{ from, to facts.MethodKey }

// nameKey is a class and a method name by their ids in Graph.names.
type nameKey struct{ class, name int32 }

// Votes on a name being a context-first lookup (Graph.lookups).
const (
	voteFirst uint8 = 1 << iota
	voteOther
)

type declInfo struct {
	private, entry bool
	// front: every overload that makes it an entry is a command-line
	// front end (Summary.FrontEnd), which code other than entry points
	// may still reach; hard: some overload is an entry point proper.
	front, hard bool
	// override: some overload carries @Override, so calls through a
	// supertype, which the graph does not resolve, may reach it.
	override bool
	// static: some overload is static (callable without an instance).
	static bool
	// varargs: some overload takes varargs; compiled: some overload was
	// read from a class file, which keeps only the interesting ones.
	// Either way a call's argument count may not tell which overload it
	// reaches (CallGraph.ByCount).
	varargs, compiled bool
}

// What AddCalls did with a call site already seen: added its edge only
// (its callee had no summary then), or kept the site too.
const (
	siteEdge uint8 = 1 + iota
	siteKept
)

type siteKey struct {
	path  string
	start int
	line  int
	name  string
}

// New returns an empty graph.
func New() *Graph {
	return &Graph{methods: map[facts.MethodKey]*facts.Summary{},
		calls: map[facts.MethodKey][]facts.CallSite{}, callers: map[facts.MethodKey][]facts.MethodKey{},
		launchers: map[string]bool{}, seenSite: map[siteKey]uint8{}, wrappers: map[facts.MethodKey]*facts.Summary{},
		reflective: map[facts.MethodKey]bool{}, extended: map[string]bool{}, names: map[string]int32{},
		lookups: map[nameKey]uint8{}, decls: map[nameKey]declInfo{},
		contextLoaders: map[facts.MethodKey]bool{}, accessors: map[string]string{}, storeOnly: map[facts.MethodKey]bool{},
		keepSites: map[facts.MethodKey]bool{}, optInSites: map[facts.MethodKey]bool{}, supers: map[string]string{}, entryTypes: map[string]bool{}, cliTypes: map[string]bool{},
		nested: map[string]string{}, noSource: map[string]bool{}, subtypes: map[string]bool{},
		adjacent: map[string]bool{}, toolRefs: map[string][]facts.MethodKey{}, initRefs: map[string][]facts.MethodKey{},
		impls: map[string][]string{}, dispatch: map[facts.MethodKey]bool{}, overrides: map[facts.MethodKey][]facts.MethodKey{},
		edgeSites: map[edge]facts.Site{}, searched: map[facts.MethodKey]bool{}, reask: map[facts.MethodKey]bool{}}
}

// Searched records that the callers of the method of class and name were
// looked for.
func (g *Graph) Searched(class, name string) { g.searched[g.key(byName(class, name))] = true }

// addEdge records a caller of a callee (both by class and name) found at
// site.
func (g *Graph) addEdge(caller, callee facts.MethodKey, site facts.Site) {
	g.callers[callee] = append(g.callers[callee], caller)
	if e := (edge{caller, callee}); g.edgeSites[e] == (facts.Site{}) {
		site.Path = g.name(site.Path)
		g.edgeSites[e] = site
	}
}

// ToolRefs records the methods of other classes that name a top-level
// class, every mention of it in the project's production code being in
// one of them (the scanner's evidence for tool code; see Build).
func (g *Graph) ToolRefs(class string, refs []facts.MethodKey) {
	ks := make([]facts.MethodKey, len(refs))
	for i, r := range refs {
		ks[i] = g.key(r)
	}
	g.toolRefs[g.name(class)] = ks
}

// InitRefs records the methods of other classes that name a top-level
// class, every mention of it in the project's production code being in
// one of them: its static initialiser runs in the first of them to run
// (for a launcher, or before its main; see Build).
func (g *Graph) InitRefs(class string, refs []facts.MethodKey) {
	ks := make([]facts.MethodKey, len(refs))
	for i, r := range refs {
		ks[i] = g.key(r)
	}
	g.initRefs[g.name(class)] = ks
}

// InitCallers are the classes whose static initialisers the search
// found among the callers, sorted.
func (g *Graph) InitCallers() []string {
	seen := map[string]bool{}
	var out []string
	for _, cs := range g.callers {
		for _, c := range cs {
			if c.Name == "<clinit>" && !seen[c.Class] {
				seen[c.Class] = true
				out = append(out, c.Class)
			}
		}
	}
	sort.Strings(out)
	return out
}

// CallersOf are the callers found of the method of class and name.
func (g *Graph) CallersOf(class, name string) []facts.MethodKey {
	return g.callers[byName(class, name)]
}

// LauncherNest reports a top-level class whose nest declares an entry
// point.
func (g *Graph) LauncherNest(top string) bool {
	for l := range g.launchers {
		if outerOf(l) == top {
			return true
		}
	}
	return false
}

// InLauncherPackage reports a class in a launcher's package or, unless
// exact, below it, by packages alone (not the classes launchers name).
func (g *Graph) InLauncherPackage(class string, exact bool) bool {
	pkg := packageOf(class)
	for l := range g.launchers {
		lp := packageOf(l)
		if pkg == lp || !exact && lp != "" && strings.HasPrefix(pkg, lp+".") {
			return true
		}
	}
	return false
}

// LauncherClasses are the classes that declare an entry point, sorted.
func (g *Graph) LauncherClasses() []string {
	out := make([]string, 0, len(g.launchers))
	for l := range g.launchers {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Adjacent records a top-level class a launcher names, directly or
// through classes it names: tool code, whose public methods the search
// for callers follows as it does those in a launcher's package.
func (g *Graph) Adjacent(class string) { g.adjacent[g.name(class)] = true }

// StoreOnly marks a setter whose call sites AddCalls keeps, with their
// arguments, for CallGraph.Callers alone (facts.Pending.Stores).
func (g *Graph) StoreOnly(class, name string) { g.storeOnly[byName(class, name)] = true }

// KeepSites marks a method whose call sites AddCalls keeps, for
// CallGraph.Callers (facts.Pending.Switcher), also when it is a target of
// the entry-point search.
func (g *Graph) KeepSites(class, name string) { g.keepSites[byName(class, name)] = true }

// KeepOptInSites is KeepSites for a finding's method whose callers may
// all wait for an opt-in switch (facts.Pending.OptInCallers): each site
// keeps the switch it waits for.
func (g *Graph) KeepOptInSites(class, name string) {
	g.KeepSites(class, name)
	g.optInSites[byName(class, name)] = true
}

// byName is a method key without its arity: callers are known by class and
// name (a call's enclosing method).
func byName(class, name string) facts.MethodKey {
	return facts.MethodKey{Class: class, Name: name, Arity: -1}
}

// AddFile reads one file's facts (src: its text, nil for compiled code)
// read for the first time: the summaries of its methods and its
// declarations.
func (g *Graph) AddFile(path string, f *facts.File, src []byte) {
	g.AddSummaries(path, f, src, FileSummaries(path, f, src), true)
}

// FileSummaries is what AddFile summarises of a file: it reads nothing of
// the graph, so a caller that shares one graph between workers can run it
// before taking the graph's lock, and give the result to AddSummaries.
func FileSummaries(path string, f *facts.File, src []byte) []facts.Summary {
	if src == nil && len(f.Calls) == 0 {
		// Compiled code keeps only summaries its calls make interesting
		// or wrappers (below): a class without a call adds nothing.
		return nil
	}
	return Summarize(path, f, src)
}

// AppendFileSummaries is FileSummaries appending to out (AppendSummaries).
func AppendFileSummaries(out []facts.Summary, path string, f *facts.File, src []byte) []facts.Summary {
	if src == nil && len(f.Calls) == 0 {
		return out
	}
	return AppendSummaries(out, path, f, src)
}

// AddSummaries is AddFile with the file's summaries already made by
// FileSummaries. A source may be read again to find callers: a method is
// summarised once, and first is false after the first read of a file, so
// that its bodies count once for ContextFirst (the caller knows which
// files it read, the graph keeps no set of their paths).
func (g *Graph) AddSummaries(path string, f *facts.File, src []byte, sums []facts.Summary, first bool) {
	if src == nil && len(f.Calls) == 0 {
		return
	}
	vote := src == nil || first // compiled code is read once
	for _, s := range sums {
		if vote {
			g.vote(&s)
		}
		if s.ReturnsLoader == facts.LoaderContext {
			g.contextLoaders[byName(g.name(s.Method.Class), g.name(s.Method.Name))] = true
		}
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
		s.Method.Class, s.Method.Name = g.name(s.Method.Class), g.name(s.Method.Name)
		k := s.Method
		if keep {
			cp := s
			if s.Via != nil {
				v := *s.Via
				v.Class, v.Name = g.name(v.Class), g.name(v.Name)
				cp.Via = &v
			}
			cp.Before = g.nameAll(s.Before)
			cp.ExitFlags = g.flags(s.ExitFlags)
			if o := s.OptIn; o != nil {
				c := facts.OptIn{Switch: strings.Clone(o.Switch), Default: o.Default, FieldClass: g.name(o.FieldClass), Field: g.name(o.Field)}
				if o.Helper != nil {
					c.Helper = &facts.MethodKey{Class: g.name(o.Helper.Class), Name: g.name(o.Helper.Name), Arity: o.Helper.Arity}
				}
				cp.OptIn = &c
			}
			g.methods[k] = &cp
		} else if wrap {
			cp := s
			v := *s.Via
			v.Class, v.Name = g.name(v.Class), g.name(v.Name)
			cp.Via = &v
			cp.Before = g.nameAll(s.Before)
			g.wrappers[k] = &cp
		}
		bn := byName(k.Class, k.Name)
		// Overloads share a name: the name is private only when every
		// overload is, and an entry when any is.
		d, seen := g.decl(bn)
		if !seen {
			d.private = s.Private
		} else {
			d.private = d.private && s.Private
		}
		d.entry = d.entry || s.Entry || s.FrontEnd
		d.hard = d.hard || s.Entry
		d.front = d.front || s.FrontEnd
		d.static = d.static || s.Static
		d.varargs = d.varargs || s.Method.Arity < 0
		d.compiled = d.compiled || src == nil
		g.setDecl(bn, d)
		if s.Entry || s.FrontEnd {
			g.launchers[k.Class] = true
		}
	}
	daemons := map[string]bool{}
	for i := range f.Methods {
		m := &f.Methods[i]
		bn := byName(m.Class, m.Name)
		if d, ok := g.decl(bn); ok && !d.override && overrides(m) {
			d.override = true
			g.setDecl(bn, d)
		}
		if d, _ := g.decl(bn); d.entry && m.Name == "main" {
			daemons[m.Class] = true
		}
	}
	// A launcher's init(String[]), start(), stop() and destroy() are the
	// entry points a service wrapper calls instead of main (Commons
	// Daemon's jsvc and procrun look them up by name). So are a class's
	// static start(String[]) and stop(String[]), declared together:
	// procrun's Java mode calls them, main or not.
	wrapped := serviceClasses(f)
	jsvc := daemonClasses(f)
	for i := range f.Methods {
		m := &f.Methods[i]
		if !((daemons[m.Class] || jsvc[m.Class]) && !m.Static && (daemonMethod(m) || jsvc[m.Class] && m.Name == "init")) &&
			!(wrapped[m.Class] && serviceMethod(m)) {
			continue
		}
		bn := byName(m.Class, m.Name)
		if d, ok := g.decl(bn); ok && !d.entry {
			d.entry = true
			g.setDecl(bn, d)
			g.launchers[g.name(m.Class)] = true
		}
	}
	// Static accessors returning their own class (a singleton's
	// getInstance()): a call on what they return resolves to the class.
	for i := range f.Methods {
		m := &f.Methods[i]
		if m.Static && m.Name != "<init>" && m.Name != "<clinit>" && strings.TrimSpace(strings.Trim(strings.TrimSpace(m.Params), "()")) == "" &&
			m.Returns != "" && (m.Returns == m.Class || m.Returns == lastSegment(dotted(m.Class))) {
			g.accessors[g.name(m.Class)+"."+g.name(m.Name)] = g.name(m.Class)
		} else if r := returnedType(f, m); r != "" {
			// A facade's getMonitor() returning the interface the
			// running instance is called through.
			g.accessors[g.name(m.Class)+"."+g.name(m.Name)] = g.name(r)
		}
	}
	for class := range entryClasses(f) {
		g.entryTypes[g.name(class)] = true
	}
	for class := range commandLineClasses(f, optionResolver(f)) {
		n := g.name(class)
		g.cliTypes[n] = true
		g.launchers[n] = true
	}
	for _, t := range f.TypeDecls {
		if t.Kind == "class" || t.Kind == "" {
			g.supers[g.name(t.Name)] = g.name(dotted(t.Super))
			if t.Super != "" || len(t.Interfaces) > 0 {
				g.subtypes[g.name(t.Name)] = true
			}
			if _, ok := g.impls[t.Name]; !ok && (t.Super != "" || len(t.Interfaces) > 0) {
				var sups []string
				for _, n := range append([]string{t.Super}, t.Interfaces...) {
					if n = genericless(n); n != "" && !strings.HasPrefix(n, "java.") && !strings.HasPrefix(n, "javax.") {
						sups = append(sups, g.name(qualifyIn(n, t.Name)))
					}
				}
				g.impls[g.name(t.Name)] = sups
			}
			if strings.Contains(t.Name, "$") {
				g.nested[g.name(dotted(t.Name))] = g.name(t.Name)
			}
		}
		if t.Super != "" {
			// As written when unresolved: the simple name stands for it.
			sup := g.name(dotted(t.Super))
			g.extended[sup] = true
			g.extended[lastSegment(sup)] = true
		}
	}
}

// returnedType is the project type a static no-argument method returns,
// qualified by the file's imports or package: "" for a JDK type, a
// primitive, an array or a generic type.
func returnedType(f *facts.File, m *facts.MethodDecl) string {
	r := m.Returns
	if !m.Static || m.Name == "<init>" || m.Name == "<clinit>" || r == "" || r[0] < 'A' || r[0] > 'Z' || strings.ContainsAny(r, "<[. ") ||
		strings.TrimSpace(strings.Trim(strings.TrimSpace(m.Params), "()")) != "" {
		return ""
	}
	for _, im := range f.Imports {
		if !im.Static && !im.Wildcard && lastSegment(im.Name) == r {
			if strings.HasPrefix(im.Name, "java.") || strings.HasPrefix(im.Name, "javax.") {
				return ""
			}
			return im.Name
		}
	}
	switch r {
	case "String", "Object", "Class", "ClassLoader", "Thread", "Integer", "Long", "Boolean", "Runnable", "Iterable", "Number":
		return ""
	}
	if f.Package == "" {
		return r
	}
	return f.Package + "." + r
}

// daemonMethod reports the methods of the Commons Daemon contract.
func daemonMethod(m *facts.MethodDecl) bool {
	params := strings.TrimSpace(strings.Trim(strings.TrimSpace(m.Params), "()"))
	switch m.Name {
	case "start", "stop", "destroy":
		return params == ""
	case "init":
		// jsvc's init(String[] arguments): one parameter, the arguments
		// (an embedding API's init(source, args) is not it).
		return !strings.Contains(params, ",") && strings.Contains(params, "String") && (strings.Contains(params, "[]") || strings.Contains(params, "..."))
	}
	return false
}

// serviceMethod reports a static start or stop taking the service's
// arguments (String[] or String...).
func serviceMethod(m *facts.MethodDecl) bool {
	params := strings.TrimSpace(strings.Trim(strings.TrimSpace(m.Params), "()"))
	return m.Static && (m.Name == "start" || m.Name == "stop") &&
		strings.Contains(params, "String") && (strings.Contains(params, "[]") || strings.Contains(params, "...")) && !strings.Contains(params, ",")
}

// daemonClasses are the classes of the file implementing Commons
// Daemon's Daemon interface: jsvc creates them and calls init, start,
// stop and destroy, main or not.
func daemonClasses(f *facts.File) map[string]bool {
	out := map[string]bool{}
	for _, t := range f.TypeDecls {
		for _, i := range t.Interfaces {
			i = genericless(i)
			if i == "org.apache.commons.daemon.Daemon" || i == "Daemon" && importsDaemon(f) {
				out[t.Name] = true
			}
		}
	}
	return out
}

// importsDaemon reports a file importing Commons Daemon's Daemon.
func importsDaemon(f *facts.File) bool {
	for _, im := range f.Imports {
		if im.Name == "org.apache.commons.daemon.Daemon" || im.Wildcard && im.Name == "org.apache.commons.daemon" {
			return true
		}
	}
	return false
}

// serviceClasses are the classes of the file declaring both a static
// start and a static stop taking the service's arguments.
func serviceClasses(f *facts.File) map[string]bool {
	seen := map[string]uint8{}
	for i := range f.Methods {
		m := &f.Methods[i]
		if serviceMethod(m) {
			if m.Name == "start" {
				seen[m.Class] |= 1
			} else {
				seen[m.Class] |= 2
			}
		}
	}
	out := map[string]bool{}
	for c, v := range seen {
		if v == 3 {
			out[c] = true
		}
	}
	return out
}

// dotted writes a binary class name as source does (a.B$C as a.B.C).
func dotted(class string) string { return strings.ReplaceAll(class, "$", ".") }

// overrides reports a declaration marked @Override.
func overrides(m *facts.MethodDecl) bool {
	for _, a := range m.Annotations {
		if a == "@Override" || a == "@java.lang.Override" {
			return true
		}
	}
	return false
}

// nameAll is the graph's own copy of xs.
func (g *Graph) nameAll(xs []string) []string {
	if xs == nil {
		return nil
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = g.name(x)
	}
	return out
}

// flags is the graph's own copy of an exit's flags.
func (g *Graph) flags(fs []facts.ExitFlag) []facts.ExitFlag {
	if fs == nil {
		return nil
	}
	out := make([]facts.ExitFlag, len(fs))
	for i, f := range fs {
		out[i] = facts.ExitFlag{Field: g.name(f.Field), Setters: g.nameAll(f.Setters)}
	}
	return out
}

// name is the graph's own copy of s.
func (g *Graph) name(s string) string { return g.strs[g.id(s)] }

// key is a method key with kept names.
func (g *Graph) key(k facts.MethodKey) facts.MethodKey {
	k.Class, k.Name = g.name(k.Class), g.name(k.Name)
	return k
}

// cloneExprs copies expressions kept past their file (a call site's
// arguments), so that they hold none of its text.
func cloneExprs(xs []facts.Expr) []facts.Expr {
	if xs == nil {
		return nil
	}
	out := make([]facts.Expr, len(xs))
	for i := range xs {
		out[i] = cloneExpr(xs[i])
	}
	return out
}

func cloneExpr(x facts.Expr) facts.Expr {
	x.Text, x.Value, x.Type = strings.Clone(x.Text), strings.Clone(x.Value), strings.Clone(x.Type)
	for _, r := range []**facts.CallRef{&x.Call, &x.Field} {
		if *r != nil {
			*r = &facts.CallRef{Owner: strings.Clone((*r).Owner), Name: strings.Clone((*r).Name)}
		}
	}
	if x.Local != nil {
		l := cloneExpr(*x.Local)
		x.Local = &l
	}
	return x
}

// id is the id of a name, kept (a copy) if new.
func (g *Graph) id(s string) int32 {
	if i, ok := g.names[s]; ok {
		return i
	}
	c := strings.Clone(s)
	i := int32(len(g.strs))
	g.strs = append(g.strs, c)
	g.names[c] = i
	return i
}

// declKey is the key of a method's declaration by class and name; ok is
// false when either name was never kept, so nothing declares it.
func (g *Graph) declKey(k facts.MethodKey) (nameKey, bool) {
	c, ok1 := g.names[k.Class]
	n, ok2 := g.names[k.Name]
	return nameKey{c, n}, ok1 && ok2
}

// decl is the declaration of a method by class and name (arity ignored).
func (g *Graph) decl(k facts.MethodKey) (declInfo, bool) {
	nk, ok := g.declKey(k)
	if !ok {
		return declInfo{}, false
	}
	d, ok := g.decls[nk]
	return d, ok
}

func (g *Graph) setDecl(k facts.MethodKey, d declInfo) {
	g.decls[nameKey{g.id(k.Class), g.id(k.Name)}] = d
}

// method is the method key (arity -1) of a declaration's key.
func (g *Graph) method(k nameKey) facts.MethodKey { return byName(g.strs[k.class], g.strs[k.name]) }

// vote counts a method body for or against its name being a context-first
// lookup.
func (g *Graph) vote(s *facts.Summary) {
	if s.NoBody {
		return
	}
	// By name, and by name within the class's nest ("a.B#load"), for an
	// unqualified call.
	nest := s.Method.Class
	if i := strings.IndexByte(nest, '$'); i >= 0 {
		nest = nest[:i]
	}
	v := voteOther
	if s.ContextFirst {
		v = voteFirst
	}
	name := g.id(s.Method.Name)
	for _, key := range []nameKey{{-1, name}, {g.id(nest), name}} {
		g.lookups[key] |= v
	}
}

// interesting reports a summary whose callers are where a hazard one call
// away happens: a loader taken from the thread context first is what the
// rules ask for, so its callers need no look.
func interesting(s *facts.Summary) bool {
	return s.Terminates != nil || s.ReturnsLoader == facts.LoaderOwn || s.ReturnsLoader == facts.LoaderSystem ||
		s.ArgLoader || s.LoadsParam >= 0 || s.NameParam >= 0
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

// PassOn gives each method that hands one of its own parameters on to the
// name parameter of a method with one (a public wrapper of a lookup
// helper: a startSystemModule(factoryInterface) calling
// startModule(..., factoryInterface, ...)) that parameter as its
// NameParam, so that its callers are looked for and settle the lookup in
// turn. It returns the methods given one, by class and name.
func (g *Graph) PassOn() []facts.MethodKey {
	callees := make([]facts.MethodKey, 0, len(g.calls))
	for k := range g.calls {
		callees = append(callees, k)
	}
	sortKeys(callees)
	var out []facts.MethodKey
	for _, callee := range callees {
		s := g.methods[callee]
		if s == nil || s.NameParam < 0 {
			continue
		}
		for _, cs := range g.calls[callee] {
			if s.NameParam >= len(cs.Args) || cs.Caller == byName(callee.Class, callee.Name) && !g.otherOverload(callee, len(cs.CallerParams)) {
				continue // the method calling itself
			}
			i := paramIndex(cs.CallerParams, cs.Args[s.NameParam].Text)
			k := facts.MethodKey{Class: cs.Caller.Class, Name: cs.Caller.Name, Arity: len(cs.CallerParams)}
			private := cs.CallerPrivate
			if i < 0 && cs.Outer != nil {
				// A parameter the inner class captured: the method
				// around it hands it on.
				i = paramIndex(cs.OuterParams, cs.Args[s.NameParam].Text)
				k, private = *cs.Outer, cs.OuterPrivate
			}
			if i < 0 {
				continue
			}
			if _, ok := g.methods[k]; ok {
				continue
			}
			d, ok := g.decl(byName(k.Class, k.Name))
			if !ok {
				continue
			}
			if d.varargs || d.compiled || g.dispatch[byName(k.Class, k.Name)] {
				// By name: the caller's parameter list may end in
				// varargs, which its calls do not match by count.
				k.Arity = -1
				if _, ok := g.methods[k]; ok {
					continue
				}
			} else if _, ok := g.methods[byName(k.Class, k.Name)]; ok {
				continue // an overload known by name already stands for it
			} else {
				// Of its own arity: the calls of its overloads stay
				// theirs. Its name may have been searched already (an
				// overload calling another): its calls are read again.
				g.reask[byName(k.Class, k.Name)] = true
			}
			g.methods[k] = &facts.Summary{Method: k, NameParam: i, LoadsParam: -1, Private: private,
				Decl: facts.Site{Path: cs.Site.Path}}
			out = append(out, byName(k.Class, k.Name))
		}
	}
	return append(out, g.passUp()...)
}

// otherOverload reports a caller of callee, by callee's name in its
// class, with n parameters, that is another overload of it: callee has a
// known arity other than n, and the count tells the name's overloads
// apart (none takes varargs, all declared in a source read).
func (g *Graph) otherOverload(callee facts.MethodKey, n int) bool {
	if callee.Arity < 0 || callee.Arity == n {
		return false
	}
	d, ok := g.decl(byName(callee.Class, callee.Name))
	return ok && !d.varargs && !d.compiled && !g.dispatch[byName(callee.Class, callee.Name)]
}

// Reask reports a method (class and name) whose callers must be looked
// for again although they were before: PassOn gave one of its overloads a
// summary after its calls were read. It reports each once.
func (g *Graph) Reask(k facts.MethodKey) bool {
	k = byName(k.Class, k.Name)
	if !g.reask[k] {
		return false
	}
	delete(g.reask, k)
	return true
}

// sortKeys orders method keys by class, name and arity, so that what is
// derived from a map comes out the same in every run.
func sortKeys(ks []facts.MethodKey) {
	sort.Slice(ks, func(i, j int) bool {
		a, b := ks[i], ks[j]
		return a.Class < b.Class || a.Class == b.Class && (a.Name < b.Name || a.Name == b.Name && a.Arity < b.Arity)
	})
}

// passUp gives the methods of supertypes that an instance method with a
// name parameter implements (a monitor's startModule declared by the
// interface its facade calls it through) the same name parameter: calls
// through the supertype reach the implementation, so its callers settle
// the lookup too (facts.CallGraph.Overrides). It returns the methods
// given one, by class and name.
func (g *Graph) passUp() []facts.MethodKey {
	keys := make([]facts.MethodKey, 0, len(g.methods))
	for k, s := range g.methods {
		if s.NameParam >= 0 && !s.Private && !s.Static && k.Name != "<init>" && k.Name != "<clinit>" && len(g.impls[k.Class]) > 0 {
			keys = append(keys, k)
		}
	}
	sortKeys(keys)
	var out []facts.MethodKey
	for _, k := range keys {
		if d, ok := g.decl(byName(k.Class, k.Name)); ok && (d.static || d.private) {
			continue
		}
		s := g.methods[k]
		for _, sup := range g.impls[k.Class] {
			t := facts.MethodKey{Class: sup, Name: k.Name, Arity: k.Arity}
			if hasKey(g.overrides[k], t) {
				continue
			}
			g.overrides[k] = append(g.overrides[k], t)
			if _, ok := g.methods[t]; ok {
				continue
			}
			g.methods[t] = &facts.Summary{Method: t, NameParam: s.NameParam, LoadsParam: -1, Decl: s.Decl}
			g.dispatch[byName(t.Class, t.Name)] = true
			out = append(out, byName(t.Class, t.Name))
		}
	}
	return out
}

func hasKey(ks []facts.MethodKey, k facts.MethodKey) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// genericless is a type name without its type arguments.
func genericless(t string) string {
	if i := strings.IndexByte(t, '<'); i >= 0 {
		t = t[:i]
	}
	return strings.TrimSpace(t)
}

// qualifyIn is a supertype's name as a class in class's package when the
// declaration left it unqualified.
func qualifyIn(name, class string) string {
	if strings.Contains(name, ".") {
		return name
	}
	if p := packageOf(class); p != "" {
		return p + "." + name
	}
	return name
}

// Targets are the methods, by class and name, whose call sites the graph
// needs: the methods with a summary, wrappers of loader helpers included
// (decided here, once every file's summaries are in).
func (g *Graph) Targets() map[facts.MethodKey]bool {
	g.propagate()
	g.markEntryTypes()
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
// name, for the next round of an entry-point search. src is the file's
// text (nil for compiled code): what a caller did just before a call.
func (g *Graph) AddCalls(path string, f *facts.File, src []byte, targets map[facts.MethodKey]bool) []facts.MethodKey {
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
			bn := byName(callee.Class, callee.Name)
			_, summarized := g.methods[callee]
			keep := summarized || g.storeOnly[bn] || g.keepSites[bn]
			seen := g.seenSite[sk]
			if seen == siteKept || seen == siteEdge && !keep {
				continue
			}
			// A site seen before its overload had a summary (PassOn gave
			// one to an overload of a name already searched) is kept
			// now; its edge is in already.
			g.seenSite[sk] = siteEdge
			if keep {
				g.seenSite[sk] = siteKept
			}
			// Kept past the file: copies (see name).
			caller := g.key(byName(c.Class, c.Method))
			callee = g.key(callee)
			ctx := c.Context
			ctx.Class, ctx.Method = caller.Class, caller.Name
			site := facts.CallSite{Caller: caller, Callee: callee, Site: facts.Site{Path: path, Span: c.Span, Line: c.Line},
				Args: cloneExprs(c.Args), Context: ctx}
			if s := g.methods[callee]; s != nil && (s.ReturnsLoader != facts.LoaderNone || s.ArgLoader || s.LoadsParam >= 0 || s.NameParam >= 0) {
				site.Use = useOf(f, c)
				site.ContextBefore = contextBefore(f, c) || g.contextGetterBefore(f, src, c)
				site.CallerParams = callerParams(f, c)
				d, _ := g.decl(caller)
				site.CallerPrivate = d.private
				if s.NameParam >= 0 && s.NameParam < len(c.Args) {
					g.captured(f, src, c, c.Args[s.NameParam], &site)
					if src != nil {
						site.AbsenceHandled = absenceHandled(f, src, c)
					}
				}
			}
			if s := g.methods[callee]; s != nil && len(s.ExitFlags) > 0 {
				site.GuardOff = rules.TurnedOffBefore(f, src, c, s.ExitFlags)
			}
			if s := g.methods[callee]; src != nil && (g.optInSites[bn] || s != nil && s.Terminates != nil) {
				site.OptIn = rules.OptInAtCall(f, src, c.Span)
			}
			if keep {
				g.calls[callee] = append(g.calls[callee], site)
			}
			if g.storeOnly[bn] || seen == siteEdge {
				continue // a setter's callers are not followed; an edge is in once
			}
			g.addEdge(caller, g.key(bn), facts.Site{Path: path, Span: c.Span, Line: c.Line})
			found = append(found, caller)
		}
	}
	found = g.addNews(path, f, targets, found)
	var names map[string]bool
	refl := Reflective(path, f)
	made := madeByName(refl)
	for _, r := range refl {
		if r.Class == "" {
			// o.getClass().getMethod("load") in a class that creates
			// one project class by a constant name (a launcher making
			// its server, then calling its lifecycle by method names):
			// the method of that class, when it declares one.
			if cs := made[outerOf(r.Caller.Class)]; len(cs) == 1 {
				if _, ok := g.decl(byName(cs[0], r.Name)); ok {
					r.Class = cs[0]
				}
			}
		}
		if r.Class != "" {
			found = g.addReflect(r, targets, found)
			continue
		}
		if names == nil {
			names = map[string]bool{}
			for k := range targets {
				names[k.Name] = true
			}
		}
		if names[r.Name] {
			g.pending = append(g.pending, r)
		}
	}
	return found
}

// madeByName are, by top-level class, the project classes its methods
// create by a constant name through reflection (newInstance), each once.
func madeByName(rs []Reflect) map[string][]string {
	var out map[string][]string
	for _, r := range rs {
		if r.Name != "<init>" || r.Class == "" {
			continue
		}
		if out == nil {
			out = map[string][]string{}
		}
		top := outerOf(r.Caller.Class)
		if !hasString(out[top], r.Class) {
			out[top] = append(out[top], r.Class)
		}
	}
	return out
}

// addNews records the instance creations of classes whose constructors
// are targets, for the entry-point search.
func (g *Graph) addNews(path string, f *facts.File, targets map[facts.MethodKey]bool, found []facts.MethodKey) []facts.MethodKey {
	var ctors map[string]string // dotted class -> binary
	for i := range f.News {
		n := &f.News[i]
		if n.Context.Method == "" {
			continue
		}
		if ctors == nil {
			ctors = map[string]string{}
			for k := range targets {
				if k.Name == "<init>" {
					ctors[dotted(k.Class)] = k.Class
				}
			}
		}
		class, ok := ctors[dotted(n.Type)]
		if !ok && !strings.Contains(n.Type, ".") {
			// Unresolved: a class of the caller's own package.
			class, ok = ctors[packageOf(n.Class)+"."+n.Type]
		}
		if !ok {
			continue
		}
		sk := siteKey{path, n.Span.Start, n.Line, "new " + class}
		if g.seenSite[sk] != 0 {
			continue
		}
		g.seenSite[sk] = siteKept
		caller := g.key(byName(n.Class, n.Method))
		if bn := byName(class, "<init>"); g.storeOnly[bn] || g.keepSites[bn] {
			// A constructor a finding waits for (a typesafe enum's,
			// which registers each instance; a privileged action's that
			// switches the context loader): its creations are call
			// sites, with their arguments.
			k := g.key(facts.MethodKey{Class: class, Name: "<init>", Arity: len(n.Args)})
			g.calls[k] = append(g.calls[k], newSite(path, n, caller, k))
			if g.storeOnly[bn] {
				continue // its callers are not followed
			}
		}
		callee := g.key(byName(class, "<init>"))
		g.addEdge(caller, callee, facts.Site{Path: path, Span: n.Span, Line: n.Line})
		found = append(found, caller)
		// A constructor taking a name it looks up: the creation is a
		// call site its callers' names are read from.
		for _, a := range []int{len(n.Args), -1} {
			k := facts.MethodKey{Class: class, Name: "<init>", Arity: a}
			if s := g.methods[k]; s != nil && s.NameParam >= 0 {
				site := newSite(path, n, caller, g.key(k))
				site.CallerParams = newCallerParams(f, n)
				d, _ := g.decl(caller)
				site.CallerPrivate = d.private
				g.calls[site.Callee] = append(g.calls[site.Callee], site)
				break
			}
		}
	}
	return found
}

// newSite is the call site of an instance creation n in the file at path,
// by caller of callee, with its arguments (copies: kept past the file).
func newSite(path string, n *facts.New, caller, callee facts.MethodKey) facts.CallSite {
	ctx := n.Context
	ctx.Class, ctx.Method = caller.Class, caller.Name
	return facts.CallSite{Caller: caller, Callee: callee, Site: facts.Site{Path: path, Span: n.Span, Line: n.Line},
		Args: cloneExprs(n.Args), Context: ctx}
}

// addReflect records a reflective call of a target as an edge for the
// entry-point search; it is no call site of a summary (the call a
// helper's summary judges is a direct one).
func (g *Graph) addReflect(r Reflect, targets map[facts.MethodKey]bool, found []facts.MethodKey) []facts.MethodKey {
	callee := byName(r.Class, r.Name)
	if !targets[callee] {
		return found
	}
	sk := siteKey{r.Site.Path, r.Site.Span.Start, r.Site.Line, "reflect " + r.Class + "." + r.Name}
	if g.seenSite[sk] != 0 {
		return found
	}
	g.seenSite[sk] = siteKept
	callee, caller := g.key(callee), g.key(r.Caller)
	g.reflective[callee] = true
	g.addEdge(caller, callee, r.Site)
	return append(found, caller)
}

// PendingNames are the method names of reflective calls whose class is
// not known yet.
func (g *Graph) PendingNames() []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range g.pending {
		if !seen[r.Name] {
			seen[r.Name] = true
			out = append(out, r.Name)
		}
	}
	sort.Strings(out)
	return out
}

// ResolveReflective decides the pending reflective calls of a method
// name, given the top-level classes whose sources declare a method of
// that name: a call reaches that method when exactly one class other
// than the caller's own nest declares it (reflection on an object of
// unknown class, `o.getClass().getMethod("stopServer")`, names a method
// of another class; a name many classes declare is not guessed). It
// returns the callers found.
func (g *Graph) ResolveReflective(name string, outers []string, targets map[facts.MethodKey]bool) []facts.MethodKey {
	var found []facts.MethodKey
	rest := g.pending[:0]
	for _, r := range g.pending {
		if r.Name != name {
			rest = append(rest, r)
			continue
		}
		own := outerOf(r.Caller.Class)
		var other []string
		for _, o := range outers {
			if o != own {
				other = append(other, o)
			}
		}
		if len(other) != 1 {
			continue
		}
		var classes []string
		if id, ok := g.names[name]; ok {
			for k := range g.decls {
				if k.name == id && outerOf(g.strs[k.class]) == other[0] {
					classes = append(classes, g.strs[k.class])
				}
			}
		}
		if len(classes) == 1 {
			r.Class = classes[0]
			found = g.addReflect(r, targets, found)
		}
	}
	g.pending = rest
	return found
}

func outerOf(class string) string {
	if i := strings.IndexByte(class, '$'); i >= 0 {
		return class[:i]
	}
	return class
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
		if c.Static && c.Owner != "" && c.Recv.Text == "" && !hasString(classes, c.Owner) {
			// A statically imported method.
			classes = append(classes, c.Owner)
		}
		// A method inherited from a base class read (a subclass calling
		// its base's protected helper), after the nest's own.
		for _, cls := range classes {
			classes = g.appendSupers(classes, cls)
		}
	case c.Owner != "":
		owner := c.Owner
		if simple, ok := strings.CutPrefix(owner, "?"); ok {
			// A variable's type the file did not resolve: a class of
			// the caller's package whose declaration was read.
			owner = ""
			if p := packageOf(c.Class); p != "" && simple != "" && !strings.ContainsAny(simple, ".<[") {
				if _, read := g.supers[p+"."+simple]; read {
					owner = p + "." + simple
				}
			}
			if owner == "" {
				return nil
			}
		}
		// A method the receiver's class inherits from a base class read
		// (new Rats().run(args), run declared by its Tool base): the
		// class's own declaration first, an override.
		classes = g.appendSupers([]string{owner}, owner)
	case c.Recv.Call != nil && g.accessors[c.Recv.Call.Owner+"."+c.Recv.Call.Name] != "":
		// Own.getInstance().m(): the accessor returns its own class.
		classes = []string{g.accessors[c.Recv.Call.Owner+"."+c.Recv.Call.Name]}
	default:
		return nil // a receiver of unknown type: never guessed
	}
	arity := len(c.Args)
	for _, cls := range classes {
		if _, declared := g.decl(byName(cls, c.Name)); !declared && !g.dispatch[byName(cls, c.Name)] {
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
// entry point, or when an entry point reaches it through the calls found
// (direct, creations of instances, or by a constant name through
// reflection) and nothing else does: no method from which it is reached
// may be called from outside what the graph saw. Such an open method is
// one with no callers found but itself (an API; beyond the depth bound) or one whose
// callers the graph cannot see all of: an override (called through its
// supertype), a static initialiser, the constructor of a class another
// class extends, and, when the search for callers stopped at its bound,
// any method but a private one, one of a launcher class or one the
// project calls by name. So a cycle reached from main alone is entry-only
// (a command loop and its commands), a cycle with no entry point is not.
func (g *Graph) Build() *facts.CallGraph {
	g.markEntryTypes()
	only := map[facts.MethodKey]bool{}
	forward := map[facts.MethodKey][]facts.MethodKey{}
	var entries, open []facts.MethodKey
	for nk, d := range g.decls {
		if d.entry {
			k := g.method(nk)
			only[k] = true
			entries = append(entries, k)
		}
	}
	entry := func(k facts.MethodKey) bool { d, _ := g.decl(k); return d.entry }
	// An instance method that may be called through a supertype (a
	// thread's run, a task's call, an override called through its
	// interface) runs on an instance someone created: whoever calls it,
	// it is reached from its class's constructor when the search found
	// who creates the class (or the build tool does). Its own callers
	// found count besides. A method no supertype declares is called by
	// its name: with none found, it is an API, whoever creates the class.
	viaInit := map[facts.MethodKey]bool{}
	for nk, d := range g.decls {
		k := g.method(nk)
		if !g.dispatched(k, d) {
			continue
		}
		ik := byName(k.Class, "<init>")
		if len(g.callers[ik]) > 0 || entry(ik) {
			viaInit[k] = true
			forward[ik] = append(forward[ik], k)
		}
	}
	for k, callers := range g.callers {
		for _, c := range callers {
			forward[c] = append(forward[c], k)
			if !g.calledElsewhere(c) && !entry(c) && !viaInit[c] {
				open = append(open, c)
			}
		}
		if !entry(k) && !g.decidable(k) {
			open = append(open, k)
		}
	}
	// A command-line front end is an entry point unless code that is not
	// one reaches it: the search from open methods goes through it.
	front := func(k facts.MethodKey) bool { d, _ := g.decl(k); return d.front && !d.hard }
	// Entry points are where the search stops: what calls main is not
	// followed, as before.
	reach := func(from []facts.MethodKey, open bool) map[facts.MethodKey]bool {
		seen := map[facts.MethodKey]bool{}
		stack := append([]facts.MethodKey(nil), from...)
		for _, k := range stack {
			seen[k] = true
		}
		for len(stack) > 0 {
			k := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, n := range forward[k] {
				if !seen[n] && (!entry(n) || open && front(n)) {
					seen[n] = true
					stack = append(stack, n)
				}
			}
		}
		return seen
	}
	// Tool code (ToolRefs): a class every mention of which is in
	// entry-only methods has its uncalled methods reached from those
	// entry points too, instead of being an API. Deciding a class may
	// decide the methods naming another: a few rounds.
	tool := map[string]bool{}
	var toolRoots []facts.MethodKey
	isRoot := map[facts.MethodKey]bool{}
	base := only
	// The last round's open methods, what they reach and what the entry
	// points reach: the chains that keep a method open (AlsoReached).
	var opened []facts.MethodKey
	var tainted, fromEntry map[facts.MethodKey]bool
	for round := 0; ; round++ {
		opened = opened[:0]
		for _, k := range open {
			if !isRoot[k] {
				opened = append(opened, k)
			}
		}
		tainted = reach(opened, true)
		only = make(map[facts.MethodKey]bool, len(base))
		for k := range base {
			if !tainted[k] {
				only[k] = true // an entry point, or a front end nothing open reaches
			}
		}
		fromEntry = reach(append(append([]facts.MethodKey(nil), entries...), toolRoots...), false)
		for k := range fromEntry {
			if !tainted[k] {
				only[k] = true
			}
		}
		// An instance method, whoever calls it (a thread's run, a
		// callback), runs on an instance someone created: when only
		// entry-only code creates instances of its class, so is the
		// method.
		for nk, d := range g.decls {
			k := g.method(nk)
			if !only[k] && g.dispatched(k, d) && only[byName(k.Class, "<init>")] {
				only[k] = true
			}
		}
		if round == maxToolRounds {
			break
		}
		// A static initialiser whose class only entry-only code names
		// (a launcher's, when nothing else names it) runs from them.
		inits := false
		for cls, refs := range g.initRefs {
			k := byName(cls, "<clinit>")
			if isRoot[k] {
				continue
			}
			all := true
			for _, r := range refs {
				all = all && only[r]
			}
			if all {
				isRoot[k] = true
				toolRoots = append(toolRoots, k)
				inits = true
			}
		}
		var found []string
		for cls, refs := range g.toolRefs {
			if tool[cls] {
				continue
			}
			all := len(refs) > 0
			for _, r := range refs {
				all = all && only[r]
			}
			if all {
				found = append(found, cls)
			}
		}
		if len(found) == 0 && !inits {
			break
		}
		sort.Strings(found)
		for _, cls := range found {
			tool[cls] = true
		}
		for nk, d := range g.decls {
			k := g.method(nk)
			if tool[outerOf(k.Class)] && !isRoot[k] && g.toolRoot(k, d) {
				isRoot[k] = true
				toolRoots = append(toolRoots, k)
			}
		}
		sort.Slice(toolRoots, func(i, j int) bool {
			a, b := toolRoots[i], toolRoots[j]
			return a.Class < b.Class || a.Class == b.Class && a.Name < b.Name
		})
	}
	also := g.otherReach(opened, entries, toolRoots, forward, tainted, fromEntry, only, entry)
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
	// The methods known by name only whose overloads a call's argument
	// count tells apart: every overload declared in a source read, none
	// taking varargs (a call of n arguments reaches the one of arity n).
	// Constructors are left out: a compiled call of an inner class's
	// constructor passes its outer instance too.
	var byCount map[facts.MethodKey]bool
	for k := range g.calls {
		if k.Arity >= 0 || k.Name == "<init>" {
			continue
		}
		if d, ok := g.decl(k); ok && !d.varargs && !d.compiled && !g.dispatch[k] {
			if byCount == nil {
				byCount = map[facts.MethodKey]bool{}
			}
			byCount[k] = true
		}
	}
	first := map[string]bool{}
	for k, v := range g.lookups {
		if v == voteFirst {
			name := g.strs[k.name]
			if k.class >= 0 {
				name = g.strs[k.class] + "#" + name
			}
			first[name] = true
		}
	}
	return &facts.CallGraph{Methods: g.methods, Calls: calls, EntryOnly: only, AlsoReached: also, Launchers: g.launchers, ContextFirst: first,
		ContextLoaders: g.contextLoaders, Incomplete: g.Incomplete, OptInIncomplete: g.OptInIncomplete, Overrides: g.overrides,
		ByCount: byCount}
}

// otherReach finds, for each method both an entry point (fromEntry) and
// an open method (tainted) reach that is not entry-only, the shortest
// chain of calls from an open method to it, and the nearest entry point
// reaching it: searches from all the open methods (all the entry points)
// at once, in a fixed order, so the ones named are the same every run.
// Nil when there is no such method.
func (g *Graph) otherReach(opened, entries, toolRoots []facts.MethodKey, forward map[facts.MethodKey][]facts.MethodKey,
	tainted, fromEntry, only map[facts.MethodKey]bool, entry func(facts.MethodKey) bool) map[facts.MethodKey]*facts.OtherReach {
	need := false
	for k := range fromEntry {
		if tainted[k] && !only[k] {
			need = true
			break
		}
	}
	if !need {
		return nil
	}
	// First from the methods known to run without an entry point (an API
	// nothing in the project calls, an override, a static initialiser),
	// then from those only not known not to (callers not searched, a
	// search stopped): a chain from a certain root is the one to name.
	var strong, weak []facts.MethodKey
	for _, k := range opened {
		if weakOpen(g.openReason(k)) {
			weak = append(weak, k)
		} else {
			strong = append(strong, k)
		}
	}
	parent := searchFrom(forward, entry, strong, weak)
	byEntry := searchFrom(forward, entry, entries, toolRoots)
	out := map[facts.MethodKey]*facts.OtherReach{}
	for k := range fromEntry {
		p, ok := parent[k]
		if !ok || only[k] || p == k {
			// Not reached from an open method, entry-only, or open
			// itself: a method with no caller names no chain.
			continue
		}
		var steps []facts.ReachStep
		for n := k; parent[n] != n; n = parent[n] { // a tree: ends at its root
			from := parent[n]
			steps = append(steps, facts.ReachStep{Caller: from, Callee: n, Site: g.edgeSites[edge{from, n}]})
		}
		for i, j := 0, len(steps)-1; i < j; i, j = i+1, j-1 {
			steps[i], steps[j] = steps[j], steps[i]
		}
		r := &facts.OtherReach{Open: g.openReason(steps[0].Caller), Steps: steps}
		if e, ok := rootOf(byEntry, k); ok && entry(e) {
			r.Entry = e
		}
		out[k] = r
	}
	return out
}

// searchFrom is a breadth-first search along forward from each tier of
// roots in turn (sorted within a tier), not entering entry points: each
// method reached maps to the method it was reached from, a root to
// itself.
func searchFrom(forward map[facts.MethodKey][]facts.MethodKey, entry func(facts.MethodKey) bool, tiers ...[]facts.MethodKey) map[facts.MethodKey]facts.MethodKey {
	less := func(a, b facts.MethodKey) bool { return a.Class < b.Class || a.Class == b.Class && a.Name < b.Name }
	parent := map[facts.MethodKey]facts.MethodKey{}
	var queue []facts.MethodKey
	for _, tier := range tiers {
		roots := append([]facts.MethodKey(nil), tier...)
		sort.Slice(roots, func(i, j int) bool { return less(roots[i], roots[j]) })
		for _, k := range roots {
			if _, seen := parent[k]; !seen {
				parent[k] = k
				queue = append(queue, k)
			}
		}
		for len(queue) > 0 {
			k := queue[0]
			queue = queue[1:]
			next := append([]facts.MethodKey(nil), forward[k]...)
			sort.Slice(next, func(i, j int) bool { return less(next[i], next[j]) })
			for _, n := range next {
				if _, seen := parent[n]; !seen && !entry(n) {
					parent[n] = k
					queue = append(queue, n)
				}
			}
		}
	}
	return parent
}

// rootOf is the root a search (searchFrom) reached k from.
func rootOf(parent map[facts.MethodKey]facts.MethodKey, k facts.MethodKey) (facts.MethodKey, bool) {
	if _, ok := parent[k]; !ok {
		return facts.MethodKey{}, false
	}
	for parent[k] != k {
		k = parent[k]
	}
	return k, true
}

// weakOpen reports a reason that says only that the graph cannot tell.
func weakOpen(o facts.OpenReason) bool {
	return o == facts.OpenUnsearched || o == facts.OpenIncomplete || o == facts.OpenUndeclared
}

// openReason says why an open method (Build) runs without an entry
// point.
func (g *Graph) openReason(k facts.MethodKey) facts.OpenReason {
	d, ok := g.decl(k)
	if !ok && k.Name == "<init>" {
		_, ok = g.supers[k.Class]
	}
	switch {
	case k.Name == "<clinit>":
		return facts.OpenInit
	case !ok:
		return facts.OpenUndeclared
	case d.override:
		return facts.OpenOverride
	case k.Name == "<init>" && (g.extended[dotted(k.Class)] || g.extended[lastSegment(dotted(k.Class))]):
		return facts.OpenSuperCtor
	case g.calledElsewhere(k) || g.Incomplete:
		// Callers found, yet open, or none found by a search that
		// stopped at its bound.
		return facts.OpenIncomplete
	case !g.searched[k]:
		return facts.OpenUnsearched
	}
	return facts.OpenAPI
}

// calledElsewhere reports a method some call found outside itself: one
// only its own overloads or a recursion call ("init(src) { init(src,
// null); }") is called from nowhere, an API when public.
func (g *Graph) calledElsewhere(k facts.MethodKey) bool {
	for _, c := range g.callers[k] {
		if c != k {
			return true
		}
	}
	return false
}

// maxToolRounds bounds the rounds Build decides tool code in: a class
// named only from another tool class's methods waits for that one.
const maxToolRounds = 4

// toolRoot reports a method of a tool class that its entry points reach
// although no call of it was found: not an entry point itself, no caller
// found, and not one a supertype's call may reach (an override; the
// constructor of a class with a supertype, which a framework may create by
// name). A static initialiser runs where the class is first used.
func (g *Graph) toolRoot(k facts.MethodKey, d declInfo) bool {
	switch {
	case d.entry || d.override || g.calledElsewhere(k):
		return false
	case k.Name == "<init>":
		return !g.subtypes[k.Class]
	}
	return true
}

// Searchable reports whether the search for the callers of the method of
// class and name can decide anything: whether it is an entry point or a
// method Build may decide entry-only.
// The callers of a method that could be called from outside the project
// are searched only for one found beside a launcher (in its package):
// command-line code sits with its launcher, and following
// every public method up would read most of a large tree.
func (g *Graph) Searchable(class, name string) bool {
	k := byName(class, name)
	d, _ := g.decl(k)
	return d.entry || d.private || g.launchers[class] || g.reflective[k] || g.decidable(k) && g.nearLauncher(class)
}

// Closed reports an entry point or a method nothing outside its class,
// its launcher or a call by its name reaches: decided by few callers.
func (g *Graph) Closed(class, name string) bool {
	k := byName(class, name)
	d, _ := g.decl(k)
	return d.entry || d.private || g.launchers[class] || g.reflective[k]
}

// Private reports a method every overload of which is private: all its
// callers sit in the file of its class's nest.
func (g *Graph) Private(class, name string) bool {
	d, _ := g.decl(byName(class, name))
	return d.private
}

// Entry reports an entry point: whoever calls it, its callers are not
// followed.
func (g *Graph) Entry(class, name string) bool {
	d, _ := g.decl(byName(class, name))
	return d.entry
}

// Instance reports a declared method no overload of which is static.
func (g *Graph) Instance(class, name string) bool {
	d, ok := g.decl(byName(class, name))
	return ok && !d.static
}

// NearLauncher reports a class in the package of a launcher:
// where a launcher may call a method by a name it holds in a string.
func (g *Graph) NearLauncher(class string) bool { return g.nearLauncher(class) }

func (g *Graph) nearLauncher(class string) bool {
	// A tool's own packages sit under its launcher's (a start program's
	// config parsers in start.config).
	return g.adjacent[outerOf(class)] || g.InLauncherPackage(class, false)
}

func packageOf(class string) string {
	if i := strings.LastIndexByte(outerOf(class), '.'); i >= 0 {
		return class[:i]
	}
	return ""
}

// decidable reports a declared method whose callers, once found, tell
// whether only entry points reach it (see Build).
func (g *Graph) decidable(k facts.MethodKey) bool {
	d, ok := g.decl(k)
	if !ok && k.Name == "<init>" {
		// The default constructor of a class whose declaration was read.
		_, ok = g.supers[k.Class]
	}
	switch {
	case !ok:
		return false
	case d.private || g.launchers[k.Class] || g.reflective[k]:
		return true
	}
	switch {
	case g.Incomplete || d.override || k.Name == "<clinit>":
		return false
	case k.Name == "<init>":
		// Subclasses' constructors run it through super().
		return !g.extended[dotted(k.Class)] && !g.extended[lastSegment(dotted(k.Class))]
	}
	return true
}

// dispatched reports an instance method that calls through a supertype
// may reach: one marked @Override, or one of a class that extends a class
// or implements an interface (Runnable's run need not say @Override), or
// of a build tool's task, which the tool calls.
func (g *Graph) dispatched(k facts.MethodKey, d declInfo) bool {
	if d.static || k.Name == "<init>" || k.Name == "<clinit>" {
		return false
	}
	return d.override || g.subtypes[k.Class] || g.entryTypes[k.Class]
}

// markEntryTypes finds the Ant tasks and Maven goals whose superclass
// chain reaches the build tool's type through the project's own base
// classes (read in other files), and marks their execute() and their
// constructor entry points: the build tool creates the task and calls it,
// so what only they reach runs in the build's process.
func (g *Graph) markEntryTypes() {
	for class := range g.supers {
		if g.entryTypes[class] && g.cliTypes[class] {
			continue
		}
		c := class
		for depth := 0; depth < maxSuperChain; depth++ {
			sup, ok := g.superOf(c)
			if !ok {
				break
			}
			if !g.entryTypes[class] && (g.entryTypes[sup] || buildToolBase(sup)) {
				g.entryTypes[class] = true
			}
			if !g.cliTypes[class] && g.cliTypes[sup] {
				// A command whose base class declares the options.
				g.cliTypes[class] = true
				g.launchers[class] = true
			}
			c = sup
		}
	}
	for class := range g.entryTypes {
		for _, name := range []string{"execute", "<init>"} {
			k := byName(class, name)
			d, ok := g.decl(k)
			if !ok && name == "execute" {
				continue // inherited: the base's execute is the entry
			}
			if !d.entry {
				d.entry = true
				g.setDecl(k, d)
			}
		}
		g.launchers[class] = true
	}
}

// NoSource records a base class UnreadSupers asked for whose source the
// scan does not hold.
func (g *Graph) NoSource(class string) { g.noSource[g.name(class)] = true }

// maxSuperChain bounds the superclasses followed up from a class.
const maxSuperChain = 8

// appendSupers appends to classes the superclasses of class whose
// declarations were read, nearest first, up to maxSuperChain and stopping
// at one classes holds already.
func (g *Graph) appendSupers(classes []string, class string) []string {
	for i, sup := 0, class; i < maxSuperChain; i++ {
		next, ok := g.superOf(sup)
		if !ok || hasString(classes, next) {
			break
		}
		classes = append(classes, next)
		sup = next
	}
	return classes
}

// superOf is the superclass of a class whose declaration was read: the
// binary name of a class read when it resolves to one (as written, or in
// the class's own package), else the name as its declaration gives it.
func (g *Graph) superOf(class string) (string, bool) {
	sup, ok := g.supers[class]
	if !ok || sup == "" {
		return "", false
	}
	if _, read := g.supers[sup]; read {
		return sup, true
	}
	if !strings.Contains(sup, ".") {
		if p := packageOf(class); p != "" {
			if _, read := g.supers[p+"."+sup]; read {
				return p + "." + sup, true
			}
		}
	}
	if b, ok := g.nested[sup]; ok {
		return b, true // a nested base class
	}
	return sup, true
}

// buildToolBase reports the build tool's own base types of a task or a
// goal, named as a declaration gives them.
func buildToolBase(sup string) bool {
	return sup == "org.apache.maven.plugin.AbstractMojo" || sup == "AbstractMojo" ||
		sup == "org.apache.tools.ant.Task" || strings.HasPrefix(sup, "org.apache.tools.ant.") && lastSegment(sup) == "Task"
}

// UnreadSupers are the superclasses, in the project's own packages, of
// the classes declaring an execute() method, and of the classes given
// (those of findings: a task's hook its base's execute calls), that the
// graph has not read (so which may make them Ant tasks or Maven goals):
// the caller reads their declarations and asks again, up to a bound.
func (g *Graph) UnreadSupers(classes []string) []string {
	seen := map[string]bool{}
	var out []string
	from := append([]string(nil), classes...)
	for nk := range g.decls {
		if k := g.method(nk); k.Name == "execute" {
			from = append(from, k.Class)
		}
	}
	for _, c := range from {
		if g.entryTypes[c] {
			continue
		}
		for depth := 0; depth < maxSuperChain; depth++ {
			sup, ok := g.superOf(c)
			if !ok || buildToolBase(sup) || g.entryTypes[sup] {
				break
			}
			if _, read := g.supers[sup]; read {
				c = sup
				continue
			}
			if !strings.Contains(sup, ".") {
				sup = packageOf(c) + "." + sup
			}
			if !strings.HasPrefix(sup, "java.") && !strings.HasPrefix(sup, "javax.") && !seen[sup] && !g.noSource[sup] {
				seen[sup] = true
				out = append(out, sup)
			}
			break
		}
	}
	sort.Strings(out)
	return out
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

// contextGetterBefore reports a call, earlier in c's method, of a getter
// of c's class (or an enclosing one) that returns the thread context
// loader (getStandardClassLoader()): c is the fallback of a lookup
// through that loader. Read from the text: the extractor keeps only the
// calls the graph follows.
func (g *Graph) contextGetterBefore(f *facts.File, src []byte, c *facts.Call) bool {
	if len(g.contextLoaders) == 0 || len(src) == 0 {
		return false
	}
	var names []string
	for o := c.Class; ; {
		for k := range g.contextLoaders {
			if k.Class == o {
				names = append(names, k.Name)
			}
		}
		i := strings.LastIndexByte(o, '$')
		if i < 0 {
			break
		}
		o = o[:i]
	}
	if len(names) == 0 {
		return false
	}
	for i := range f.Methods {
		m := &f.Methods[i]
		if m.Class != c.Class || m.Name != c.Method || !within(c.Span, m.Decl) || c.Span.Start > len(src) {
			continue
		}
		pre := src[m.Decl.Start:c.Span.Start]
		for _, n := range names {
			if unqualifiedCall(pre, n) {
				return true
			}
		}
	}
	return false
}

// unqualifiedCall reports text calling name( with no receiver, or with
// this or a class name (a capitalised word) as the receiver.
func unqualifiedCall(text []byte, name string) bool {
	for from := 0; ; {
		j := javatext.CallAt(text, name, from)
		if j < 0 {
			return false
		}
		from = j + len(name)
		if j == 0 || text[j-1] != '.' {
			return true
		}
		r := j - 1
		q := r
		for q > 0 && javatext.IsIdentByte(text[q-1]) {
			q--
		}
		if recv := string(text[q:r]); recv == "this" || recv != "" && recv[0] >= 'A' && recv[0] <= 'Z' {
			return true
		}
	}
}

// callerParams are the parameter names of the method enclosing c.
// newCallerParams is callerParams for an instance creation.
func newCallerParams(f *facts.File, n *facts.New) []string {
	for i := range f.Methods {
		m := &f.Methods[i]
		if m.Class == n.Class && m.Name == n.Method && within(n.Span, m.Decl) {
			return ParamNames(m.Params)
		}
	}
	return nil
}

// captured fills site.Outer when the argument arg is not a parameter of
// the method the call sits in but one of the method around that method's
// anonymous or local class (a name the inner class captured), which no
// local of the inner method shadows.
func (g *Graph) captured(f *facts.File, src []byte, c *facts.Call, arg facts.Expr, site *facts.CallSite) {
	name := strings.TrimSpace(arg.Text)
	if arg.Kind != facts.ExprName || arg.Local != nil || !rules.Identifier(name) || hasString(site.CallerParams, name) ||
		!strings.Contains(c.Class, "$") {
		return
	}
	var inner *facts.MethodDecl
	var outer *facts.MethodDecl
	for i := range f.Methods {
		m := &f.Methods[i]
		if !within(c.Span, m.Decl) {
			continue
		}
		if m.Class == c.Class && m.Name == c.Method {
			inner = m
		} else if m.Class != c.Class && strings.HasPrefix(c.Class, m.Class+"$") && (outer == nil || m.Decl.Len() < outer.Decl.Len()) {
			outer = m
		}
	}
	if inner == nil || outer == nil || !within(inner.Decl, outer.Decl) || strings.Contains(outer.Params, "...") {
		return
	}
	params := ParamNames(outer.Params)
	if !hasString(params, name) {
		return
	}
	if src == nil || outer.Decl.End > len(src) || outer.Span.End <= outer.Decl.Start {
		return
	}
	// Past the outer method's parameter list, any declaration of the name
	// (a local of the inner method, a field of the anonymous class)
	// shadows the parameter.
	body := bytes.IndexByte(src[outer.Span.End:outer.Decl.End], '{')
	if body < 0 || rules.DeclaresLocal(string(src[outer.Span.End+body:outer.Decl.End]), name) {
		return
	}
	k := g.key(facts.MethodKey{Class: outer.Class, Name: outer.Name, Arity: len(params)})
	d, _ := g.decl(byName(outer.Class, outer.Name))
	site.Outer, site.OuterParams, site.OuterPrivate = &k, params, d.private
}

// absenceHandled reports a call inside a try of the method around it
// whose catch answers a missing class (rules.AbsenceHandledAt).
func absenceHandled(f *facts.File, src []byte, c *facts.Call) bool {
	for i := range f.Methods {
		m := &f.Methods[i]
		if m.Class == c.Class && m.Name == c.Method && within(c.Span, m.Decl) {
			return rules.AbsenceHandledAt(src, m.Decl, c.Span)
		}
	}
	return false
}

func callerParams(f *facts.File, c *facts.Call) []string {
	for i := range f.Methods {
		m := &f.Methods[i]
		if m.Class == c.Class && m.Name == c.Method && within(c.Span, m.Decl) {
			return ParamNames(m.Params)
		}
	}
	return nil
}

func hasString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

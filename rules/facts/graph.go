package facts

import "strings"

// The project-wide call graph: what the project's own methods do
// (summaries) and where they are called. Built once per scan from the
// facts of every file, sources and class files alike; an unresolved callee
// is never guessed.

// MethodKey names a method of the project: its class's binary name, its
// name, and its number of parameters (-1 when unknown, e.g. varargs).
type MethodKey struct {
	Class string
	Name  string
	Arity int
}

// Site is a place in a file of the scan.
type Site struct {
	Path string // slash-separated, relative to the scan root (the archive for compiled code)
	Span Span   // in a source; zero in compiled code
	Line int
}

// Summary is what one method does that a hazard can hide behind.
type Summary struct {
	Method MethodKey
	Static bool
	// Private reports a method no code outside its class can call.
	Private bool
	// Entry marks a process entry point: main(String[]), premain and
	// agentmain, a Maven Mojo's execute, an Ant Task's execute.
	Entry bool
	// FrontEnd marks a command-line front end: a method whose input is
	// the command line and which reads its flags itself. It is an entry
	// point for what only it reaches, unless code that is not one calls
	// it (an embedder handing it a command line of its own).
	FrontEnd bool
	// Decl is where the method is declared.
	Decl Site

	// Terminates is where the method ends the JVM (System.exit,
	// Runtime.halt or Runtime.exit, directly or through a static
	// functional field that does), nil when it does not.
	Terminates *Site
	// ExitFlags are the instance boolean fields every exit of the method
	// waits for ("if (interactive && exitOnEOF) System.exit(0)"), with
	// the setters storing them: a caller that turns one off on the same
	// object just before the call does not reach the exit
	// (CallSite.GuardOff). nil when an exit waits for none.
	ExitFlags []ExitFlag
	// OptIn is the switch, off by default, every exit of the method waits
	// for ("if (Boolean.getBoolean("x.exit")) System.exit(1)"): its
	// callers' findings are notes. nil when an exit waits for none.
	OptIn *OptIn
	// ReturnsLoader is the ClassLoader the method returns, when it returns
	// one it takes from a fixed place: its own class's (LoaderOwn), the
	// system loader (LoaderSystem), the thread context loader
	// (LoaderContext); LoaderNone otherwise. ArgLoader is set instead when
	// it returns the defining loader of the class (or object) its
	// parameter ArgLoaderParam names: `getClassLoaderOfClass(Foo.class)`.
	ReturnsLoader  Loader
	ArgLoader      bool
	ArgLoaderParam int
	LoaderAt       *Site // the loader expression it returns
	// LoadsParam is the index of a parameter the method loads a class by
	// name with its own (or the system) loader, -1 when none;
	// LoadsAt is that lookup.
	LoadsParam int
	LoadsAt    *Site
	// NameParam is the parameter a lookup with the own loader takes its
	// name from even where LoadsParam is not set (the method also hands
	// the name to other lookups): its callers settle a finding there
	// (Pending). -1 when none.
	NameParam int
	// Via is the helper, if any, a summary was inherited from (the method
	// calls a project method that terminates, ...): for related locations.
	Via *MethodKey
	// Before are the names of the methods called before LoadsAt in the
	// method's text ("#name" for an unqualified call): when one of them is a context-first helper
	// (CallGraph.ContextFirst), the own lookup is its fallback.
	Before []string
	// ContextFirst reports a method that looks a class up by name trying
	// the thread context loader, or a loader its caller supplies, first;
	// NoBody one declared without a body (abstract, an interface's), which
	// says nothing about what its implementations do.
	ContextFirst, NoBody bool
}

// ExitFlag is an instance flag an exit waits for and the methods of its
// class that store their one parameter into it.
type ExitFlag struct {
	Field   string
	Setters []string
}

// OptIn is a switch a hazard waits for that is off unless whoever runs
// the JVM turns it on: a system property or environment variable read as
// false when absent, a setting read with a false default.
type OptIn struct {
	// Switch names it for a message: `system property "x.exit"`.
	Switch string
	// Helper is a project method of another file the switch is read
	// through (Utils.getProperty("x.exit", false)), and Default the index
	// of its parameter the caller passes false at: its source must show it
	// returns the property's value with that default (rules.SettleOptIn).
	// nil when the switch is known as it is.
	Helper  *MethodKey
	Default int
	// Field, when set, is a static final field of FieldClass (another
	// file's, SysProperties.EXIT_ON_ERROR) the hazard tests: its
	// initialiser in that class's source must be such a switch. Switch is
	// then only what the test reads.
	FieldClass, Field string
}

// Clone is a copy of o that shares no string with it: what is kept past
// the file o was read from must not pin that file's text.
func (o *OptIn) Clone() *OptIn {
	c := *o
	c.Switch, c.FieldClass, c.Field = strings.Clone(o.Switch), strings.Clone(o.FieldClass), strings.Clone(o.Field)
	if o.Helper != nil {
		h := *o.Helper
		h.Class, h.Name = strings.Clone(h.Class), strings.Clone(h.Name)
		c.Helper = &h
	}
	return &c
}

// GuardRef is the static getter of another class a hazard waits for
// ("if (Launcher.isNonGui())"): the scanner reads the class's source for
// the methods that turn the flag the getter returns on.
type GuardRef struct {
	Class  string // fully qualified, top-level
	Getter string
}

// Pending is what the verdict on a class lookup waits for: facts known
// only once every file is read and the call graph is built. The scanner
// settles it (rules.Settle) before any report is written.
type Pending struct {
	// Class is the class the lookup sits in; Method its method, and
	// NameParam the index of the method's parameter the name is (-1 when
	// it is not one): every project caller passing a constant name, or
	// calling only after trying the context loader, settles it.
	Class     string
	Method    MethodKey
	NameParam int
	// Before are the names of the methods the lookup's method calls
	// before it ("#name" for an unqualified call): a context-first helper among them settles it.
	Before []string
	// Names are the values the lookup's name may take, as written, when
	// each is built from constants and literals ("PACKAGE + \".Impl\"",
	// "Names.IMPL"): a local assigned in branches, a loop over an array of
	// literals, a private method returning constants. They are resolved
	// against the project's static final fields, and all must name what
	// every loader resolves alike. Scope are the classes a bare constant
	// name may belong to (the lookup's class, the classes enclosing it,
	// the types it extends or implements, static imports).
	Names []string
	Scope []string
	// NamesWithParam marks Names that are only some of the values: the
	// others are the parameter NameParam, so the lookup is settled when
	// every name is fixed and every caller passes a fixed name too.
	NamesWithParam bool
	// EntrySensitive is the finding's (rules.Diagnostic): its hazard
	// exists only in a shared JVM, so a caller only entry points reach
	// settles nothing, whatever name it passes. The scanner sets it.
	EntrySensitive bool
	// Resource marks a resource lookup's name parameter: its callers
	// settle it when each passes a constant path in the library's own
	// package (or one relative to the helper's class).
	Resource bool
	// ResourceFromRoot marks such a name looked up through a ClassLoader,
	// from the root of the class path: a relative name is not the
	// class's own, and a dotted name of one of the library's classes (its
	// .class file) is.
	ResourceFromRoot bool
	// Bundle marks a ResourceBundle's base name (dotted, like a class
	// name): the names its callers pass, or the constant head it is built
	// on, settle it when they are the library's own bundles.
	Bundle bool
	// Default is the declared default of a configurable name, a constant
	// of another file as written: when it names a class of the project or
	// the JDK, the name is the library's extension point, set by whoever
	// configures the library (rated at most low).
	Default string
	// Site is the call of a project helper a finding sits at (the helper
	// loads the name it is handed with its own loader), SiteArg the index
	// of that name among the call's arguments: the caller's text settles
	// it (a context-first helper called before it, a test pinning the name
	// to the library's own package). nil for a lookup itself.
	Site    *CallSite
	SiteArg int
	// LoaderParams are the ClassLoader parameters of the lookup's method
	// the lookup is the fallback of (tried first, or the lookup taken only
	// when it is null): callers that all pass the thread context loader
	// settle it.
	LoaderParams []int
	// AbsenceHandled marks a lookup inside a try whose catch answers a
	// missing class without throwing: settled names that all turn out
	// constants of another library make it an optional feature's probe,
	// which fails nothing (dropped rather than rated info).
	AbsenceHandled bool
	// Tasks are the classes of other files a task handed to a shared
	// pool runs (tccl-not-propagated): read once every file is known, one
	// that sets the context loader itself and restores it clears the
	// finding, and so do all of them reaching nothing that depends on the
	// loader, unless TasksSwitchOnly (the task also runs code that does).
	Tasks           []string
	TasksSwitchOnly bool
	// Stores are the setters a static field's finding waits for: methods
	// that store what their parameters (Params, by index) hand them.
	// When every project caller of each passes values no app chooses
	// (literals, constants, objects built from those), every app stores
	// the same value and the finding is dropped (rules.SettleStores).
	Stores []StoreParams
	// Initial is the initialiser of the field Stores write, as written
	// ("" when none): a caller that only switches the field to another
	// fixed value is an app's choice (rules.SettleStores).
	Initial string
	// Field is the name of the static field Stores write: a caller that
	// only puts back what the field's getter returned earlier (save,
	// set, restore) chooses nothing (rules.SettleStores).
	Field string
	// Switcher is a method that switches the thread context loader
	// without restoring it, for its callers to restore: when the project
	// calls it, each call saving the loader before and setting it back in
	// a finally block after, the finding is dropped
	// (rules.SettleSwitcher). nil otherwise.
	Switcher *MethodKey
	// OptIn is the switch, off by default, the hazard waits for, read
	// through a helper of another file: when that helper's source shows a
	// property read with the default its caller passes, the finding is a
	// note (rules.SettleOptIn).
	OptIn *OptIn
	// OptInCallers is the static method, not private, a hazard that
	// waits for no switch in itself sits in: when the project calls it,
	// and every call waits for an opt-in switch (CallSite.OptIn), the
	// project runs it only for the operator who turns that on, and the
	// finding is a note naming the switch (rules.SettleOptInCallers).
	// OptInPublic says the method is public: a client may call it too.
	// OptInDecl is that method's declaration: a call inside it (the
	// method calling itself, or another method of that name) opens no
	// path of its own.
	OptInCallers *MethodKey
	OptInPublic  bool
	OptInDecl    Site
	// OwnClasses are class names, constants of other files as written,
	// a static field's only app-dependent writes make instances of
	// (Class.forName(Names.DRIVER).newInstance()): when each names a
	// class the project declares, every app stores the library's own
	// class and the finding is dropped (rules.SettleOwnClasses).
	OwnClasses []string
	// OwnerRegistry marks the finding of a static registry each object
	// joins and leaves itself: Owners are the methods, open to other
	// files, by which owners join, leave or look their entry up, and
	// Params the parameter that must be the owner. When every project
	// call of each passes this (or an object it makes there), and, for a
	// field other classes can reach (OwnersOpen), no other file names
	// it, the finding is dropped, or kept as a note when the registry
	// hands its entries out (OwnersNote) (rules.SettleOwners).
	OwnerRegistry, OwnersOpen, OwnersNote bool
	Owners                                []StoreParams
	// Unread is a static field no code of its file reads, open to other
	// classes: when no other source reads it either (Class.field, a
	// static import, a subclass), its writes change nothing anyone sees
	// and the finding is dropped (rules.SettleUnread).
	Unread string
	// PerThreadHolder is the project class, declared in another file, of
	// a static changed only through calls on the object it holds: when
	// that class's source shows its whole state thread-local, each thread
	// has its own value and the finding is dropped (rules.SettlePerThread).
	PerThreadHolder string
}

// StoreParams is one setter of a static field and the parameters whose
// values it stores.
type StoreParams struct {
	Method MethodKey
	Params []int
	// Slot is set when the setter assigns the field (one value at a
	// time, not an entry of a container): its callers must then all
	// pass the same value, or which app called last decides it.
	Slot bool
	// Closed is set when only the project can call the setter (private,
	// or package-private and static: every call of it resolves): when
	// production code calls it nowhere, only tests do, which are set
	// aside, and the finding is dropped.
	Closed bool
	// Direct is set when every write the setter makes stores one of its
	// parameters as it is (field = param), not a value computed from it:
	// what its callers pass is what the field holds (rules.SettleOwnSingleton).
	Direct bool
}

// CallSite is one call of a project method.
type CallSite struct {
	Caller MethodKey // Arity -1: callers are known by class and name
	Callee MethodKey
	Site   Site
	// Args are the call's arguments, as far as the callee's summary needs
	// them (a class literal, a string constant, a name).
	Args []Expr
	// Context is where the call sits.
	Context Context
	// Use is the call that takes this call's value as its receiver or an
	// argument, directly or through a single-assignment local, when the
	// extractor saw one (callgraph.UseNames): what the caller does with a
	// ClassLoader the callee returns. nil otherwise.
	Use *Call
	// ContextBefore reports a read of the thread context loader earlier
	// in the caller's method: the call is the fallback of the
	// context-loader-first idiom.
	ContextBefore bool
	// CallerParams are the parameter names of the caller's method and
	// CallerPrivate whether no code outside its class can call it: an
	// argument that only passes a parameter on is decided by the
	// caller's callers (filled for the calls of loader summaries).
	CallerParams  []string
	CallerPrivate bool
	// Outer is the method around the anonymous or local class the call
	// sits in, OuterParams its parameter names and OuterPrivate whether
	// only its class can call it, when an argument is one of those
	// parameters captured by the inner class (a PrivilegedAction's run
	// handing on its creator's parameter): that method's callers decide
	// the name. nil otherwise.
	Outer        *MethodKey
	OuterParams  []string
	OuterPrivate bool
	// AbsenceHandled reports the call inside a try block one of whose
	// catch clauses answers a missing class without throwing (read from
	// the caller's text, for the calls of name-parameter helpers).
	AbsenceHandled bool
	// OptIn is the opt-in switch the call waits for in its caller's
	// text, for the callees a finding's Pending.OptInCallers names and
	// those that end the JVM; nil when it waits for none (or the callee
	// is not one of those).
	OptIn *OptIn
	// GuardOff reports a call of a method whose exits wait for an
	// instance flag (Summary.ExitFlags) made right after the caller turned
	// that flag off on the same object: the exit is not reached from here.
	GuardOff bool
}

// CallGraph is the project's methods with their summaries and the calls
// between them that a summary made interesting.
type CallGraph struct {
	Methods map[MethodKey]*Summary
	// Calls are the call sites of methods with a summary, by callee.
	Calls map[MethodKey][]CallSite
	// EntryOnly lists the methods (by class and name, Arity -1) that only
	// entry points reach: no other code of the project calls them, and
	// they cannot be called from outside it.
	EntryOnly map[MethodKey]bool
	// AlsoReached are, for the methods (Arity -1) an entry point reaches
	// that are not entry-only, how other code reaches them: the chain that
	// keeps their entry-sensitive findings, for the message to name.
	AlsoReached map[MethodKey]*OtherReach
	// Launchers are the classes that declare an entry point (a main
	// method, ...): command-line classes.
	Launchers map[string]bool
	// ContextFirst are the names of methods that look a class up by name
	// trying the thread context loader or a loader their caller supplies
	// first: every project method of that name with a body does so
	// (through an interface or an override, all implementations agree);
	// "a.b.C#name" when every such method of that name in the nest of
	// a.b.C does (for an unqualified call there).
	ContextFirst map[string]bool
	// ContextLoaders are the methods (by class and name, Arity -1) that
	// return the thread context loader: a getter a caller hands a helper
	// as the loader to try first.
	ContextLoaders map[MethodKey]bool
	// Overrides maps a method with a name parameter (Summary.NameParam) to
	// the methods of its supertypes it implements: calls through those
	// reach it, so their callers are its callers too.
	Overrides map[MethodKey][]MethodKey
	// ByCount are the methods (class and name, Arity -1) whose calls the
	// graph keeps by name, the calls of every overload together, and whose
	// overloads a call's argument count tells apart: none takes varargs
	// and every one was declared in a source read (CallsOf).
	ByCount map[MethodKey]bool
	// Incomplete is set when the search for callers stopped at its bound:
	// a method with no callers found may still have some.
	Incomplete bool
	// OptInIncomplete is set when the search for the callers of the
	// methods findings' Pending.OptInCallers name stopped at its bound.
	OptInIncomplete bool
}

// OtherReach is how code other than the entry points reaches a method:
// Steps are the calls from the first method, one that runs without any
// entry point (Open says why), down to the call of the method itself.
type OtherReach struct {
	Open  OpenReason
	Steps []ReachStep
	// Entry is the entry point nearest the method among those reaching
	// it; zero when what reaches it is code only entry points reach
	// (a launcher's tool classes) rather than one itself.
	Entry MethodKey
}

// ReachStep is one call of a chain.
type ReachStep struct {
	Caller, Callee MethodKey // Arity -1
	// Site is the call (or the creation of the callee's instance); zero
	// when none was seen: an instance method reached from its class's
	// constructor, run on an instance someone created.
	Site Site
}

// OpenReason is why a method may run although no entry point reaches it.
type OpenReason uint8

// The reasons a method is open (callgraph.Build).
const (
	// OpenAPI: no call of it was found in the project, which searched for
	// them; code outside the project may call it.
	OpenAPI OpenReason = iota
	// OpenUnsearched: its callers were not looked for (too common a name,
	// too far from a launcher, or past the search's bounds).
	OpenUnsearched
	// OpenOverride: an override, called through its supertype.
	OpenOverride
	// OpenInit: a static initialiser, run wherever its class is first used.
	OpenInit
	// OpenSuperCtor: the constructor of a class others extend.
	OpenSuperCtor
	// OpenIncomplete: the search for callers stopped at its bound.
	OpenIncomplete
	// OpenUndeclared: its declaration was not read.
	OpenUndeclared
)

// Callers lists the calls of a method.
func (g *CallGraph) Callers(m MethodKey) []CallSite {
	if g == nil {
		return nil
	}
	return g.Calls[m]
}

// CallsOf lists the calls of one overload, m of a known arity: those kept
// for it, or, when the graph keeps the method's calls by name only, those
// of them with m's number of arguments where the count tells the
// overloads apart (ByCount), every call of the name where it does not
// (a varargs overload, a declaration not read).
func (g *CallGraph) CallsOf(m MethodKey) []CallSite {
	if g == nil {
		return nil
	}
	cs := g.Calls[m]
	if len(cs) > 0 || m.Arity < 0 {
		return cs
	}
	n := MethodKey{Class: m.Class, Name: m.Name, Arity: -1}
	cs = g.Calls[n]
	if !g.ByCount[n] {
		return cs
	}
	var out []CallSite
	for _, c := range cs {
		if len(c.Args) == m.Arity {
			out = append(out, c)
		}
	}
	return out
}

// Summary returns a method's summary, nil when it has none.
func (g *CallGraph) Summary(m MethodKey) *Summary {
	if g == nil {
		return nil
	}
	return g.Methods[m]
}

// OnlyFromEntry reports whether only entry points reach the method of
// class and name.
func (g *CallGraph) OnlyFromEntry(class, method string) bool {
	return g != nil && g.EntryOnly[MethodKey{Class: class, Name: method, Arity: -1}]
}

// OtherReachOf is how other code than the entry points reaches the
// method of class and name, when an entry point reaches it too: nil when
// only entry points reach it, or none does.
func (g *CallGraph) OtherReachOf(class, method string) *OtherReach {
	if g == nil {
		return nil
	}
	return g.AlsoReached[MethodKey{Class: class, Name: method, Arity: -1}]
}

// Launcher reports whether the nest of class (its top-level class and the
// classes nested there) declares an entry point: a command-line class, or
// a tool whose launcher is a nested class.
func (g *CallGraph) Launcher(class string) bool {
	if g == nil {
		return false
	}
	outer := class
	for i := 0; i < len(class); i++ {
		if class[i] == '$' {
			outer = class[:i]
			break
		}
	}
	for l := range g.Launchers {
		if l == outer || len(l) > len(outer) && l[:len(outer)] == outer && l[len(outer)] == '$' {
			return true
		}
	}
	return false
}

// Package facts holds the plain data that the parsers extract from Java
// sources (and, later, class files) and that the rules inspect. Facts carry
// no syntax trees, so they outlive the parse and cost nothing to share.
package facts

import "strings"

// Role says where code will run once several apps share one JVM: the base,
// a module, a library the base shares with modules, or a library private to
// one module (see docs/rules.md for what each role means to each rule).
type Role uint8

// Roles. RoleUnknown means no build file told us; rules then use their
// default severity.
const (
	RoleUnknown Role = iota
	RoleBase
	RoleModule
	RoleShared
	RolePrivate
)

var roleNames = [...]string{"unknown", "base", "module", "shared", "private"}

func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "unknown"
}

// Span is a half-open byte range [Start, End) in a file.
type Span struct {
	Start, End int
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Import is one import declaration.
type Import struct {
	Name     string // "java.util.ServiceLoader", or the package/type for wildcards
	Static   bool
	Wildcard bool
}

// ExprKind classifies an expression just enough for the rules.
type ExprKind uint8

// Expression kinds.
const (
	ExprOther       ExprKind = iota
	ExprString               // "literal"
	ExprClass                // Foo.class
	ExprNull                 // null
	ExprLiteral              // numbers, booleans, chars
	ExprName                 // a simple or qualified name
	ExprCall                 // a method call
	ExprNew                  // new Foo(...)
	ExprLambda               // a lambda or method reference
	ExprConcat               // string concatenation or other binary expression
	ExprConditional          // a ? b : c
)

// Loader says which ClassLoader an expression denotes, when it denotes one.
type Loader uint8

// Loader kinds (for class-forname-caller-loader and
// serviceloader-default-loader the "own loader" forms are the hazard, the
// thread context loader is the fix).
const (
	LoaderNone    Loader = iota // not a ClassLoader expression we recognise
	LoaderOwn                   // X.class.getClassLoader(), getClass().getClassLoader()
	LoaderSystem                // ClassLoader.getSystemClassLoader()
	LoaderNull                  // the literal null where a loader is expected
	LoaderContext               // Thread.currentThread().getContextClassLoader()
	LoaderOther                 // a variable, parameter or anything else
)

// Expr is one argument or receiver expression.
type Expr struct {
	Kind   ExprKind
	Text   string // source text as written
	Value  string // string literal value (unescaped) or class literal type
	Type   string // resolved static type when known ("java.lang.String")
	Loader Loader
	Span   Span
	// Call is set when the expression is itself a call whose owner we
	// resolved, e.g. System.getProperties() in System.getProperties().put(..).
	Call *CallRef
	// Field is set when the expression names a static field of a resolved
	// type, e.g. System.out (Owner "java.lang.System", Name "out").
	Field *CallRef
	// Local is the initialiser of the local variable a simple name denotes,
	// when the enclosing method declares that name exactly once, with an
	// initialiser, before this use, and never assigns it again: a value
	// that provably flows through the variable ("ClassLoader cl =
	// getClass().getClassLoader(); ... cl.getResource(n)").
	Local *Expr
	// Reads, in compiled code, lists the local slots holding the method's
	// parameters (and this) whose values flow into the value of a stored
	// expression: through call and constructor arguments and receivers,
	// casts, field reads and every store into a local it reads (a memo's
	// f = get(key); if (f == null) { f = compute(key); put(key, f); }
	// reads only the key). ReadsKnown says Reads is complete; it is false
	// when some part of the value was not followed (arithmetic, a value
	// across a branch) and in sources, which name their inputs instead.
	Reads      []int
	ReadsKnown bool
	// Direct, in compiled code, is Reads without following the locals
	// that are not parameters: the parameters the value names itself, as
	// a source's value text shows them (a value stored under no key is
	// judged by those alone). DirectKnown says Direct is complete.
	Direct      []int
	DirectKnown bool
}

// CallRef names a resolved method.
type CallRef struct {
	Owner string // fully qualified type, e.g. "java.lang.System"
	Name  string
}

// Call is one method invocation.
type Call struct {
	// Owner is the fully qualified static type that declares or receives
	// the call ("java.lang.Class"), or "" when it could not be resolved.
	// Rules match on Owner, never on the simple name, so a user class named
	// like a JDK class does not match.
	Owner string
	Name  string
	// Static reports a call through a type name (Class.forName) or a static
	// import, as opposed to a call on an instance.
	Static bool
	// Recv is the receiver expression; Recv.Kind is ExprOther with empty
	// Text for unqualified calls.
	Recv Expr
	Args []Expr

	Span     Span // the whole invocation
	NameSpan Span // the method name
	ArgsSpan Span // the parenthesised argument list

	Context
	// StoredToStatic is set when the call's value initialises or is
	// assigned to a static field.
	StoredToStatic bool
	// InFinally is set when the call sits in a finally block.
	InFinally bool
	// FinallyCalls lists "Name" of methods called in the finally blocks of
	// try statements whose body encloses this call: a set-and-restore idiom.
	FinallyCalls []string
	// Descriptor is the JVM method descriptor when known (class files).
	Descriptor string
	// ComparedToNull is set for "call() == null" and "call() != null".
	ComparedToNull bool
	// CastTo is the type the returned value is cast to at once, in class
	// files (a checkcast after the call): the binary name ("a.b.C",
	// "a.b.C$D"), or an element type followed by "[]" for an array. Sources
	// leave it empty: their cast is read from the text.
	CastTo string
	// NullBranch, for a call compared to null that decides an if statement
	// or a conditional expression (alone, or through || for == and && for
	// !=), is the span of the branch taken when the call returns null.
	NullBranch *Span
	// InLoop is set when the call sits in a for, while or do loop of its
	// method (not crossing a lambda or class body).
	InLoop bool
	Store
}

// New is one instance creation expression (new Foo(...)).
type New struct {
	Type string // resolved type, or the simple name when unresolved
	Args []Expr
	Span Span
	// Anonymous is set for new Foo() { ... }.
	Anonymous bool
	// InLoop: see Call.InLoop.
	InLoop bool
	Context
	Store
}

// Store names the variable or field that directly keeps a call's or an
// instance creation's value (a declarator's initialiser or an assignment's
// right side, through casts and parentheses), so leak rules can follow a
// resource to its owner.
type Store struct {
	// StoredTo is the name ("pool" for this.pool = ...), "" when the value
	// is not kept directly (an argument, a return value, a receiver).
	StoredTo string
	// StoredToField is set when StoredTo is a field of the enclosing class
	// rather than a local variable.
	StoredToField bool
}

// Context says where a fact sits in its file.
type Context struct {
	Class  string // enclosing top-level or member type, binary-style ("a.b.Outer$Inner")
	Method string // enclosing method; "<clinit>" for static initialisers and static field initialisers, "<init>" for constructors and instance initialisers; "" elsewhere
	// InStaticInit is set inside static initialisers and static field initialisers.
	InStaticInit bool
	// InMain is set inside a static method named main.
	InMain bool
	// InLambda is set inside a lambda's body: code that runs when the
	// lambda is called (a shutdown hook, a task), not when its method runs.
	InLambda bool
	// DebugOnly is set inside the body of an `if` whose condition is a
	// debug switch constant (`if (DEBUG)`, `if (SanityManager.DEBUG)`):
	// diagnostics of a debug build, not of the code that ships running.
	DebugOnly bool
	Line      int // 1-based line of the fact's start
}

// Field is one declared field (one per declarator).
type Field struct {
	Name                    string
	Type                    string // resolved type, or the type as written without generics when unresolved
	TypeText                string // the type as written, generics included: "Map<String, Method>"
	Static, Final, Volatile bool
	// Init is the initialiser, nil when there is none.
	Init        *Expr
	Annotations []string // as written: `@SuppressWarnings("kscan:static-mutable-state")`
	Span        Span     // the declarator's name
	Decl        Span     // the whole declaration, annotations included
	Context
}

// WriteKind says how a write changes its target.
type WriteKind uint8

// Write kinds.
const (
	WriteAssign     WriteKind = iota // x = v
	WriteCompound                    // x += v
	WriteIncrement                   // x++, --x
	WriteArrayStore                  // x[i] = v
	WriteCall                        // x.put(k, v), x.add(v), ...: a mutator call on the field's value
)

// Write is an assignment to, or a mutation of, a field by name. Only
// writes that can reach a static field are recorded: a simple name that is
// a static field of an enclosing class, or a name qualified by a type.
type Write struct {
	Kind WriteKind
	// Owner is the class that declares the field: the enclosing class for a
	// simple name, the resolved qualifier for Type.NAME.
	Owner     string
	Name      string
	Qualified bool   // written as Type.NAME
	Method    string // the mutator for WriteCall
	Args      []Expr // the mutator's arguments for WriteCall
	Value     *Expr  // the assigned value for WriteAssign and WriteCompound
	// NullGuarded is set for an assignment inside "if (NAME == null)": a
	// lazy initialisation.
	NullGuarded bool
	Span        Span
	Context
}

// Mutators are the method names that change a collection, map, atomic or
// builder they are called on; a call of one on a static field is a Write.
var Mutators = map[string]bool{
	"put": true, "putAll": true, "putIfAbsent": true, "add": true, "addAll": true, "remove": true,
	"removeAll": true, "removeIf": true, "retainAll": true, "clear": true, "set": true, "compute": true,
	"computeIfAbsent": true, "computeIfPresent": true, "merge": true, "replace": true, "replaceAll": true,
	"offer": true, "poll": true, "push": true, "pop": true, "addFirst": true, "addLast": true,
	"append": true, "insert": true, "getAndSet": true, "incrementAndGet": true, "getAndIncrement": true,
	"decrementAndGet": true, "getAndDecrement": true, "addAndGet": true, "getAndAdd": true, "lazySet": true,
	"accumulateAndGet": true, "updateAndGet": true, "getAndUpdate": true, "compareAndSet": true, "sort": true,
}

// TypeDecl is a declared class, interface, enum, record or annotation type.
type TypeDecl struct {
	Name        string // binary-style name
	Kind        string // class, interface, enum, record, annotation
	Super       string // resolved superclass, or as written when unresolved
	Interfaces  []string
	Annotations []string
	Span        Span // the name
	Decl        Span // the whole declaration
	Line        int
}

// MethodDecl is a declared method or constructor.
type MethodDecl struct {
	Class       string
	Name        string // "<init>" for constructors
	Static      bool
	Private     bool   // declared private (set from class files; sources: read the declaration's text)
	Params      string // the parameter list as written
	Returns     string // the result type as written; "" for constructors
	Annotations []string
	Span        Span // the name
	Decl        Span // the whole declaration
	Line        int
	// Parameters are the parameters' names and types; filled only when the
	// extractor is asked for every call (javasrc.Interest.AllCalls).
	Parameters []Param
}

// Param is one formal parameter of a method.
type Param struct {
	Name     string
	Type     string // resolved type, or as written without generics when unresolved
	TypeText string // as written: "Map<String, Object>", "String..."
	Varargs  bool
}

// Suppression is a "// kscan:ignore rule-id[,rule-id] -- reason" comment.
type Suppression struct {
	Line    int
	Rules   []string // empty when the comment names no rule
	Reason  string
	OwnLine bool // alone on its line: it also covers the next line
	Span    Span
}

// File is everything extracted from one source file.
type File struct {
	Path         string // slash-separated, relative to the scan root
	Package      string
	Imports      []Import
	Types        []string // fully qualified names of the types declared in the file
	TypeDecls    []TypeDecl
	Methods      []MethodDecl
	Fields       []Field
	Writes       []Write
	Calls        []Call
	News         []New
	Suppressions []Suppression
	// StaticInits are the spans of the file's static initialiser blocks.
	StaticInits []Span
	// InitHelpers are, in a class file, the private static methods of its
	// class that only the static initialiser calls, directly or through
	// one such method: a source's private helpers of a static block,
	// which the rules read from its text. Nil in sources.
	InitHelpers []string
	// Test is set for test sources (src/test/...), which most rules skip.
	Test bool

	methods *methodIndex // IndexMethods
}

// ArchiveRef is one archive as a class path sees it.
type ArchiveRef struct {
	Archive string // logical path of the archive ("app.jar!/BOOT-INF/lib/x.jar")
	Anchor  string // the outermost file in the scanned tree
	Role    Role   // where the archive's code runs
}

// ClassPath is what the scanned archives put on a class path side by side,
// for the rules about what several archives provide at once.
type ClassPath struct {
	// Services maps a service interface (a META-INF/services file name),
	// or "spring.factories KEY", to the archives that provide it.
	Services map[string][]ArchiveRef
	// Classes maps a class name to the archives that hold it; only names
	// held by more than one archive are kept.
	Classes map[string][]ArchiveRef
	// Holders lists every scanned archive that holds a class (binary
	// name); nil when no rule needs it.
	Holders func(class string) []ArchiveRef
	// Bases are the scanned archives that are a Koupleless base (a base
	// fat jar): the outermost files, as ArchiveRef.Anchor names them.
	Bases []string
	// Refs are the classes that a module's own compiled code references,
	// by the code unit that references them (an ark-biz, a module's fat
	// jar), sorted; filled only when a rule asks (Rule.ClassRefs).
	Refs []ClassRefs
}

// ClassRefs is the classes one module code unit references.
type ClassRefs struct {
	Unit ArchiveRef // Archive is the unit: its own classes and the jars nested in it
	// Classes maps a referenced class (binary name) to the places that
	// reference it.
	Classes map[string]*RefSites
	// Packaged, when set, reports a class of the jars the unit packages
	// that are not in the scan: for a module's loose class files
	// (target/classes), the jars of its resolved runtime dependencies, read
	// from the local repository.
	Packaged func(class string) bool
}

// RefSites is where a class is referenced: the first referencing methods
// ("com.acme.Foo.bar", "com.acme.Foo (extends or implements)") in order,
// at most a few, with the number of the others and the class entry of the
// first one.
type RefSites struct {
	From  []string
	More  int
	Entry string // logical path of the first referencing class ("biz.jar!/com/acme/Foo.class")
}

// AnonymousClass reports a binary class name whose last part is a number
// (Outer$1): an anonymous class, as javac names it and the source
// extractor does.
func AnonymousClass(name string) bool {
	i := strings.LastIndexByte(name, '$')
	if i < 0 || i == len(name)-1 {
		return false
	}
	for _, c := range name[i+1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Package facts holds the plain data that the parsers extract from Java
// sources (and, later, class files) and that the rules inspect. Facts carry
// no syntax trees, so they outlive the parse and cost nothing to share.
package facts

// Role says where code will run once several apps share one JVM
// (RULES §0.2): the base, a module, a library the base shares with modules,
// or a library private to one module.
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

// Loader kinds (RULES H04/H07: "own loader" forms are the hazard, the thread
// context loader is the fix).
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
}

// New is one instance creation expression (new Foo(...)).
type New struct {
	Type string // resolved type, or the simple name when unresolved
	Args []Expr
	Span Span
	// Anonymous is set for new Foo() { ... }.
	Anonymous bool
	Context
}

// Context says where a fact sits in its file.
type Context struct {
	Class  string // enclosing top-level or member type, binary-style ("a.b.Outer$Inner")
	Method string // enclosing method; "<clinit>" for static initialisers and static field initialisers, "<init>" for constructors and instance initialisers; "" elsewhere
	// InStaticInit is set inside static initialisers and static field initialisers.
	InStaticInit bool
	// InMain is set inside a static method named main.
	InMain bool
	Line   int // 1-based line of the fact's start
}

// File is everything extracted from one source file.
type File struct {
	Path    string // slash-separated, relative to the scan root
	Package string
	Imports []Import
	Types   []string // fully qualified names of the types declared in the file
	Calls   []Call
	News    []New
	// Test is set for test sources (src/test/...), which most rules skip.
	Test bool
}

// Package bytecode turns a parsed class file (scanner/classfile) into the
// facts the rules read (rules/facts), so that the rules written against
// Java sources run unchanged on compiled code: jars, wars, fat jars and
// exploded class directories.
//
// # Decoding only what a rule can use
//
// A scan reads every class of every jar, and most method bodies hold
// nothing a rule inspects. An Extractor is made for an Interest: the
// method names whose calls and the type names whose creations the enabled
// rules subscribe to (rules.Rule.Calls and News, as the source extractor
// takes them), and whether the static facts are wanted. It marks the
// constant-pool entries the interest names, walks each method's opcodes
// without decoding them, and decodes only the methods that call or create
// something of interest or write a static field; the facts it gives are
// those of a full extraction (Interest.All, Extract) restricted to the
// calls and creations of interest, with the same lines at every span.
// One Extractor per worker keeps its parser, instruction buffer and
// per-method tables from class to class (ExtractClass parses and extracts
// in one call); the facts never share memory with it or with the class
// bytes. Interest.Invokes lists every invoke instruction with its
// enclosing method (Facts.Invokes), for call graphs, without decoding.
//
// # What bytecode shows
//
//   - Calls: owner and name from the Methodref, the descriptor, static or
//     not, and each argument and the receiver classified from the
//     instruction that pushed it (classfile's ArgSource): string and class
//     constants, null, numeric constants, static fields, calls (with the
//     ClassLoader forms of class-forname-caller-loader: X.class.getClassLoader() and
//     this.getClass().getClassLoader() are the own loader,
//     ClassLoader.getSystemClassLoader() the system loader,
//     Thread.getContextClassLoader() the context loader), lambdas, string
//     concatenation, and local variables (with the value of a local stored
//     exactly once, as the source side's Local).
//   - Where: class (binary name), method (a lambda body lambda$m$0 counts
//     as m, lambda$static$0 as <clinit>, lambda$new$0 as <init>), static
//     initialiser, main, loops (a backward branch around the call), the
//     value kept in a static field, a field or a local, a call compared
//     to null, calls in finally blocks (the catch-any handler's code and
//     the lines it shares with the inlined copies) and the calls in the
//     finally blocks that cover a call.
//   - Instance creations (new X paired with its constructor call), fields
//     (flags, type from the descriptor, the initialiser when <clinit>
//     assigns it a constant, a new object or a call's value), writes to
//     static fields (putstatic outside <clinit>, counters x++ and x += n,
//     array stores, and mutator calls such as MAP.put on a static field's
//     value), types, methods and fields with their annotations
//     (retention CLASS or RUNTIME, with the qualified name and the element
//     values: "@a.b.Bean(destroyMethod = \"\")"), generic field types from
//     the Signature attribute, boolean arguments as true/false, and lines
//     from the LineNumberTable.
//
// # What it cannot show
//
// There is no source text, so rules that read text (a fix's replacement,
// a variable's name, a method body, a null branch, a comment) see empty
// text: no finding from bytecode carries a fix, no kscan:ignore comment
// or @SuppressWarnings (source retention) suppresses one, and checks that
// look at a method's text (null-parent branch contents, thread run loops)
// do not fire or do not exempt. A private static method that only the
// static initialiser calls is found from the class's own calls
// (Facts.File.InitHelpers), where no other class file can call it.
// A value that reaches a call over a branch (a ?: operand, a value
// computed on two paths) is unknown. Anonymous classes are their own
// class files, so `new Thread() {...}` is an instance of Outer$1, not of
// Thread. Field declarations carry no line: a finding on a field is
// placed at the line of its initialiser in <clinit> when it has one.
package bytecode

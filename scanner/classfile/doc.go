// Package classfile reads Java class files (JVMS §4, up to Java 21) into the
// facts kscan's bytecode rules need: the class, its fields and methods with
// access flags and descriptors, annotations with their values, inner-class
// relations, line numbers, and a decoder that walks a method's instructions
// with their constant-pool operands resolved (member references, ldc
// constants, class operands, invokedynamic bootstrap methods).
// Code.ArgSource finds the instruction that produced a call's argument in
// straight-line code, e.g. the ClassLoader handed to Class.forName.
//
// The input is untrusted: Parse never panics, checks every length and count
// against the bytes that remain before allocating for it, caps recursion, and
// reports malformed input as a *FormatError carrying the byte offset.
//
// Parsing is cheap by design because it runs over every class of every jar
// a scan reaches. The constant pool is copied once into a single string and
// indexed by offset; names and descriptors are substrings of that copy, so
// the common all-ASCII class costs a handful of allocations. Member
// references are resolved one by one, when a decoded instruction first
// uses each, and bootstrap methods when first asked for. Attributes kscan
// does not use are skipped without decoding.
//
// A Parser parses class after class in the same memory (the Class is valid
// until the next Parse; its strings stay valid). Code.Walk reads a method's
// opcodes and pool operands without decoding them, to decide cheaply
// whether a method is worth decoding; AppendInstructions decodes into a
// reused buffer; Flow answers Source and ArgSource for a whole method
// with its jump targets gathered once.
//
// Code.Bytecode aliases the slice given to Parse, so the caller must not
// modify that slice while the Class is in use.
package classfile

package bytecode

import "github.com/kscan/kscan/scanner/classfile"

// Invoke is one invoke instruction, what a call graph is built from: the
// method it calls and the method it sits in. Names are internal
// ("java/lang/System") and descriptors raw, as the class file has them.
// The strings are substrings of the class's constant-pool copy (never of
// the bytes given to classfile.Parse); a consumer that keeps invokes of
// many classes should intern them so that each class's pool is freed.
type Invoke struct {
	// Caller is the enclosing method, as declared (a lambda body is the
	// synthetic method javac made of it: lambda$run$0).
	Caller, CallerDesc string
	Op                 classfile.Opcode // invokevirtual, invokespecial, invokestatic, invokeinterface or invokedynamic
	// Owner, Name and Desc name the method called. For invokedynamic,
	// Owner is empty and Name and Desc are the call site's; a lambda or
	// method reference names its target in Target.
	Owner, Name, Desc string
	Interface         bool // the reference is an InterfaceMethodref
	// Target is the method a LambdaMetafactory call site binds (the lambda
	// body or the referenced method), nil otherwise.
	Target *classfile.MemberRef
	PC     int
	Line   int // 0 when the method has no line for the pc
}

// invokes appends every invoke instruction of m to the facts, walking the
// code without decoding it; a method that does not walk whole gives the
// invokes before the bad instruction (its problem is reported by the
// decoding, if the interest decodes it).
func (x *Extractor) invokes(m *classfile.Method) {
	pool := x.c.Pool
	_ = m.Code.Walk(func(pc int, op classfile.Opcode, index int) bool {
		if !op.IsInvoke() {
			return true
		}
		in := Invoke{Caller: m.Name, CallerDesc: m.Desc, Op: op, PC: pc, Line: m.Code.LineAt(pc)}
		if op == classfile.OpInvokedynamic {
			d, err := pool.Dynamic(index)
			if err != nil {
				return true
			}
			in.Name, in.Desc, in.Target = d.Name, d.Desc, d.LambdaTarget()
		} else {
			r, err := pool.MemberRef(index)
			if err != nil {
				return true
			}
			in.Owner, in.Name, in.Desc, in.Interface = r.Owner, r.Name, r.Desc, r.Interface
		}
		x.invs = append(x.invs, in)
		return true
	})
}

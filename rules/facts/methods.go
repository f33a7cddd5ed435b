package facts

import (
	"cmp"
	"iter"
	"slices"
)

// methodIndexMin is the number of methods from which IndexMethods builds
// an index: below it a pass over the methods is as fast.
const methodIndexMin = 64

// methodIndex answers MethodsNamed and MethodAround for a file of many
// methods without a pass over all of them per question: the rules ask
// them once per write, and a generated source of thousands of methods has
// thousands of writes.
type methodIndex struct {
	first *MethodDecl // &Methods[0] and
	n     int         // len(Methods) when built: a File whose Methods changed since is answered without the index
	// named are the methods by class, name and position; byStart by
	// declaration start (of equal starts, the longer first, then by
	// position); outer[k] is the position in byStart of the innermost
	// method whose declaration holds byStart[k]'s start, -1 for none.
	// Positions in Methods, as int32: the index holds 12 bytes a method.
	named   []int32
	byStart []int32
	outer   []int32
}

// IndexMethods indexes the file's methods for MethodsNamed and
// MethodAround, when there are enough of them to be worth it. Call it
// once Methods is complete; a File whose Methods change afterwards is
// answered without the index. Declarations that overlap without one
// holding the other (none a parser gives) leave the file unindexed.
func (f *File) IndexMethods() {
	f.methods = nil
	n := len(f.Methods)
	if n < methodIndexMin {
		return
	}
	x := &methodIndex{first: &f.Methods[0], n: n, named: make([]int32, n), byStart: make([]int32, n), outer: make([]int32, n)}
	for i := range f.Methods {
		x.named[i], x.byStart[i] = int32(i), int32(i)
	}
	slices.SortFunc(x.named, func(a, b int32) int {
		ma, mb := &f.Methods[a], &f.Methods[b]
		return cmp.Or(cmp.Compare(ma.Class, mb.Class), cmp.Compare(ma.Name, mb.Name), cmp.Compare(a, b))
	})
	slices.SortFunc(x.byStart, func(a, b int32) int {
		da, db := f.Methods[a].Decl, f.Methods[b].Decl
		return cmp.Or(cmp.Compare(da.Start, db.Start), cmp.Compare(db.End, da.End), cmp.Compare(a, b))
	})
	// The declarations holding the current one's start, innermost last.
	var open []int32
	for k, i := range x.byStart {
		d := f.Methods[i].Decl
		for len(open) > 0 && !f.Methods[x.byStart[open[len(open)-1]]].Decl.Holds(d.Start) {
			open = open[:len(open)-1]
		}
		x.outer[k] = -1
		if len(open) > 0 {
			top := open[len(open)-1]
			if d.End > f.Methods[x.byStart[top]].Decl.End {
				return // overlapping, not nested
			}
			x.outer[k] = top
		}
		open = append(open, int32(k))
	}
	f.methods = x
}

// index is the file's method index, nil when it has none or Methods
// changed since it was built.
func (f *File) index() *methodIndex {
	x := f.methods
	if x == nil || x.n != len(f.Methods) || x.first != &f.Methods[0] {
		return nil
	}
	return x
}

// MethodsNamed yields the methods of class named name, in the order
// Methods lists them.
func (f *File) MethodsNamed(class, name string) iter.Seq[*MethodDecl] {
	return func(yield func(*MethodDecl) bool) {
		if x := f.index(); x != nil {
			k, _ := slices.BinarySearchFunc(x.named, 0, func(i int32, _ int) int {
				m := &f.Methods[i]
				return cmp.Or(cmp.Compare(m.Class, class), cmp.Compare(m.Name, name))
			})
			for ; k < len(x.named); k++ {
				m := &f.Methods[x.named[k]]
				if m.Class != class || m.Name != name || !yield(m) {
					return
				}
			}
			return
		}
		for i := range f.Methods {
			if m := &f.Methods[i]; m.Name == name && m.Class == class {
				if !yield(m) {
					return
				}
			}
		}
	}
}

// MethodAround is the method whose declaration holds offset at, the
// innermost one (the latest start; of equal starts, the first listed);
// nil for none.
func (f *File) MethodAround(at int) *MethodDecl {
	x := f.index()
	if x == nil {
		var best *MethodDecl
		for i := range f.Methods {
			if m := &f.Methods[i]; m.Decl.Holds(at) && (best == nil || m.Decl.Start > best.Decl.Start) {
				best = m
			}
		}
		return best
	}
	// The last declaration starting at or before at: the innermost holding
	// at is it or one of the declarations holding its start.
	k, _ := slices.BinarySearchFunc(x.byStart, at, func(i int32, at int) int {
		if f.Methods[i].Decl.Start <= at {
			return -1
		}
		return 1
	})
	best := int32(-1)
	for k--; k >= 0; k = int(x.outer[k]) {
		i := x.byStart[k]
		d := f.Methods[i].Decl
		if best >= 0 && d.Start != f.Methods[best].Decl.Start {
			break
		}
		if d.Holds(at) && (best < 0 || i < best) {
			best = i
		}
	}
	if best < 0 {
		return nil
	}
	return &f.Methods[best]
}

// Holds reports an offset inside the span.
func (s Span) Holds(at int) bool { return s.Start <= at && at < s.End }

package classfile

import (
	"fmt"
	"reflect"
	"testing"
)

// sameClass says how b differs from a, which Parse made: every field and
// table, every pool entry, and every method's instructions.
func sameClass(a, b *Class) string {
	x, y := *a, *b
	x.Pool, y.Pool = nil, nil
	// Codes point at their pools, whose lazily resolved state differs.
	x.Methods, y.Methods = withoutCode(a.Methods), withoutCode(b.Methods)
	if !reflect.DeepEqual(x, y) {
		return fmt.Sprintf("class\n%+v\nwant\n%+v", y, x)
	}
	for i := range a.Methods {
		ca, cb := a.Methods[i].Code, b.Methods[i].Code
		if (ca == nil) != (cb == nil) || ca != nil && (ca.MaxStack != cb.MaxStack || ca.MaxLocals != cb.MaxLocals ||
			!reflect.DeepEqual(ca.Bytecode, cb.Bytecode) || !reflect.DeepEqual(ca.Handlers, cb.Handlers) ||
			!reflect.DeepEqual(ca.Lines, cb.Lines) || ca.off != cb.off) {
			return fmt.Sprintf("method %s: code differs", a.Methods[i].Name)
		}
	}
	if a.Pool.Len() != b.Pool.Len() {
		return "pool size"
	}
	for i := 0; i < a.Pool.Len(); i++ {
		if a.Pool.Tag(i) != b.Pool.Tag(i) {
			return fmt.Sprintf("pool entry %d", i)
		}
		ca, ea := a.Pool.Constant(i)
		cb, eb := b.Pool.Constant(i)
		if !reflect.DeepEqual(ca, cb) || fmt.Sprint(ea) != fmt.Sprint(eb) {
			return fmt.Sprintf("constant %d: %+v %v, want %+v %v", i, cb, eb, ca, ea)
		}
	}
	if ra, rb := a.Pool.MemberRefs(), b.Pool.MemberRefs(); len(ra) != len(rb) || len(ra) > 0 && !reflect.DeepEqual(ra, rb) {
		return "member references"
	}
	if ba, bb := a.Pool.BootstrapMethods(), b.Pool.BootstrapMethods(); len(ba) != len(bb) || len(ba) > 0 && !reflect.DeepEqual(ba, bb) {
		return "bootstrap methods"
	}
	for i := range a.Methods {
		if a.Methods[i].Code == nil {
			continue
		}
		ia, ea := a.Methods[i].Code.Instructions()
		ib, eb := b.Methods[i].Code.Instructions()
		if !reflect.DeepEqual(comparable(ia), comparable(ib)) || fmt.Sprint(ea) != fmt.Sprint(eb) {
			return fmt.Sprintf("method %s: instructions differ", a.Methods[i].Name)
		}
	}
	return ""
}

// comparable is ins with each ldc's constant read and its pool left out,
// for instructions decoded from two parses of one class.
func comparable(ins []Instr) []any {
	out := make([]any, len(ins))
	for i, in := range ins {
		k := in.Const()
		in.pool = nil
		out[i] = []any{in, k}
	}
	return out
}

// TestParserReuse parses every fixture, twice over, with one Parser and
// holds each class to Parse's; the names of a class stay valid after the
// Parser has moved on.
func TestParserReuse(t *testing.T) {
	var ps Parser
	fixtures := readFixtures(t)
	var names []string
	for round := 0; round < 2; round++ {
		for _, data := range fixtures {
			want, err := Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ps.Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			if d := sameClass(want, got); d != "" {
				t.Fatalf("%s (round %d): %s", want.Name, round, d)
			}
			names = append(names, got.Name)
		}
	}
	for i, n := range names {
		want, _ := Parse(fixtures[i%len(fixtures)])
		if n != want.Name {
			t.Fatalf("name %d is %q after later parses, want %q", i, n, want.Name)
		}
	}
	// A class that fails leaves the Parser fit for the next.
	if _, err := ps.Parse(fixtures[0][:len(fixtures[0])/2]); err == nil {
		t.Fatal("a truncated class parsed")
	}
	want, _ := Parse(fixtures[1])
	got, err := ps.Parse(fixtures[1])
	if err != nil || sameClass(want, got) != "" {
		t.Fatalf("after a failure: %v %s", err, sameClass(want, got))
	}
}

func withoutCode(ms []Method) []Method {
	if ms == nil {
		return nil
	}
	out := append([]Method(nil), ms...)
	for i := range out {
		out[i].Code = nil
	}
	return out
}

// TestRefName: the unresolved owner and name of every member reference
// are the resolved reference's.
func TestRefName(t *testing.T) {
	n := 0
	for _, data := range append(readFixtures(t), everyTagClass()) {
		c, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < c.Pool.Len(); i++ {
			owner, name, ok := c.Pool.RefName(i)
			r, err := c.Pool.MemberRef(i)
			if ok != (err == nil) || ok && (owner != r.Owner || name != r.Name) {
				t.Fatalf("%s entry %d: RefName %q %q %v, MemberRef %+v %v", c.Name, i, owner, name, ok, r, err)
			}
			if ok {
				n++
			}
		}
	}
	if n < 100 {
		t.Fatalf("%d member references checked", n)
	}
}

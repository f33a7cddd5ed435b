package classfile

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
)

// FuzzParse checks that no input panics, that errors are *FormatError, and
// that every method of a class that parses can be decoded without panicking.
func FuzzParse(f *testing.F) {
	for _, data := range readFixtures(f) {
		f.Add(data)
	}
	f.Add(baseBuilder().bytes())
	f.Add(everyTagClass())
	var ps Parser
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data)
		// The reusing Parser, after whatever class it read before, reads
		// the input as Parse does.
		rc, rerr := ps.Parse(data)
		if fmt.Sprint(err) != fmt.Sprint(rerr) {
			t.Fatalf("Parse: %v; Parser.Parse: %v", err, rerr)
		}
		if err != nil {
			var fe *FormatError
			if !errors.As(err, &fe) || c != nil {
				t.Fatalf("error %T %v with class %v", err, err, c != nil)
			}
			return
		}
		if d := sameClass(c, rc); d != "" {
			t.Fatal(d)
		}
		for _, r := range c.Pool.MemberRefs() {
			_ = r.String()
		}
		for i := 0; i < c.Pool.Len(); i++ {
			_, _ = c.Pool.Constant(i)
			_, _ = c.Pool.Utf8(i)
		}
		for _, m := range c.Methods {
			if m.Code == nil {
				continue
			}
			_ = m.Code.Decode(func(in Instr) bool {
				_ = in.String()
				_ = m.Code.LineAt(in.PC)
				if in.Dyn != nil {
					_ = in.Dyn.LambdaTarget()
				}
				return true
			})
		}
	})
}

// FuzzDecode runs the instruction decoder over arbitrary bytecode against
// the constant pool of a real class, which reaches the decoder far more
// often than mutating whole class files does.
func FuzzDecode(f *testing.F) {
	c, err := Parse(everyTagClass())
	if err != nil {
		f.Fatal(err)
	}
	pool := c.Pool
	f.Add(c.Methods[0].Code.Bytecode)
	for _, data := range readFixtures(f) {
		fc, err := Parse(data)
		if err != nil {
			f.Fatal(err)
		}
		for _, m := range fc.Methods {
			if m.Code != nil {
				f.Add(m.Code.Bytecode)
			}
		}
	}
	f.Fuzz(func(t *testing.T, code []byte) {
		end := 0
		err := (&Code{Bytecode: code, pool: pool}).Decode(func(in Instr) bool {
			if in.PC != end || in.Len <= 0 || in.PC+int(in.Len) > len(code) {
				t.Fatalf("instruction %+v after end %d in %d bytes", in, end, len(code))
			}
			end = in.PC + int(in.Len)
			_ = in.String()
			return true
		})
		if err == nil && end != len(code) {
			t.Fatalf("decoded %d of %d bytes without error", end, len(code))
		}
		cd := &Code{Bytecode: code, pool: pool}
		checkWalk(t, cd)
		if err == nil {
			ins, _ := cd.Instructions()
			var fl Flow
			fl.Reset(cd, ins)
			for i := range ins {
				for arg := -1; arg < 3; arg++ {
					j := cd.ArgSource(ins, i, arg)
					if j >= i {
						t.Fatalf("source %d of instruction %d", j, i)
					}
					if k := fl.ArgSource(i, arg); k != j {
						t.Fatalf("Flow.ArgSource(%d, %d) = %d, Code.ArgSource %d", i, arg, k, j)
					}
				}
			}
		}
		var fe *FormatError
		if err != nil && !errors.As(err, &fe) {
			t.Fatalf("error %T", err)
		}
	})
}

// checkWalk holds Walk and AppendInstructions to Decode: the same
// instructions, and an error on the same methods.
func checkWalk(t *testing.T, c *Code) {
	t.Helper()
	var want []Instr
	derr := c.Decode(func(in Instr) bool { want = append(want, in); return true })
	var pcs []int
	werr := c.Walk(func(pc int, op Opcode, index int) bool {
		pcs = append(pcs, pc)
		if k := len(pcs) - 1; k < len(want) && (want[k].PC != pc || want[k].Op != op || int(want[k].Index) != index) {
			t.Fatalf("Walk gave %d %s #%d, Decode %s #%d", pc, op, index, want[k].String(), want[k].Index)
		}
		return true
	})
	if (derr == nil) != (werr == nil) || len(pcs) != len(want) {
		t.Fatalf("Walk: %d instructions, error %v; Decode: %d, error %v", len(pcs), werr, len(want), derr)
	}
	// A dirty buffer must not leak into what is appended.
	buf := make([]Instr, 3, 8)
	for i := range buf {
		buf[i] = Instr{PC: -1, Int: 7, Class: "x", Target: 9}
	}
	got, aerr := c.AppendInstructions(buf[:0])
	if (aerr == nil) != (derr == nil) || len(got) != len(want) {
		t.Fatalf("AppendInstructions: %d instructions, error %v; Decode: %d, error %v", len(got), aerr, len(want), derr)
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("AppendInstructions[%d] = %+v, Decode %+v", i, got[i], want[i])
		}
	}
}

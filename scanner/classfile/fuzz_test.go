package classfile

import (
	"errors"
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
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data)
		if err != nil {
			var fe *FormatError
			if !errors.As(err, &fe) || c != nil {
				t.Fatalf("error %T %v with class %v", err, err, c != nil)
			}
			return
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
			if in.PC != end || in.Len <= 0 || in.PC+in.Len > len(code) {
				t.Fatalf("instruction %+v after end %d in %d bytes", in, end, len(code))
			}
			end = in.PC + in.Len
			_ = in.String()
			return true
		})
		if err == nil && end != len(code) {
			t.Fatalf("decoded %d of %d bytes without error", end, len(code))
		}
		if err == nil {
			cd := &Code{Bytecode: code, pool: pool}
			ins, _ := cd.Instructions()
			for i := range ins {
				for arg := -1; arg < 3; arg++ {
					if j := cd.ArgSource(ins, i, arg); j >= i {
						t.Fatalf("source %d of instruction %d", j, i)
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

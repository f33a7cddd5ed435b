package bytecode

import (
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/kscan/kscan/scanner/classfile"
)

// TestInvokes reads the call graph's raw material from Sample: each
// invoke with its owner, name, descriptor and enclosing method, a lambda's
// call site with the body it binds, and no method decoded for it.
func TestInvokes(t *testing.T) {
	data, err := os.ReadFile("../../testdata/bytecode/classes/demo/Sample.class")
	if err != nil {
		t.Fatal(err)
	}
	c, err := classfile.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	x := NewExtractor(Interest{Invokes: true})
	fx, problems := x.Extract(c, "demo/Sample.class")
	if len(problems) > 0 || x.decoded != 0 {
		t.Fatalf("problems %v, %d methods decoded", problems, x.decoded)
	}
	if len(fx.File.Calls) != 0 || len(fx.File.News) != 0 || len(fx.File.Writes) != 0 {
		t.Errorf("facts beyond the interest: %d calls, %d news, %d writes", len(fx.File.Calls), len(fx.File.News), len(fx.File.Writes))
	}
	has := func(caller, owner, name, desc string, line int) *Invoke {
		for i := range fx.Invokes {
			in := &fx.Invokes[i]
			if in.Caller == caller && in.Owner == owner && in.Name == name && in.Desc == desc && in.Line == line {
				return in
			}
		}
		t.Errorf("no invoke of %s.%s%s at line %d in %s: %+v", owner, name, desc, line, caller, fx.Invokes)
		return nil
	}
	// System.exit sits in main's lambda body; main binds it with an
	// invokedynamic whose target is that body: the edge a summary of
	// main follows.
	site := has("main", "", "run", "()Ljava/lang/Runnable;", 18)
	if site == nil || site.Op != classfile.OpInvokedynamic || site.Target == nil {
		t.Fatalf("main's lambda site %+v", site)
	}
	if exit := has(site.Target.Name, "java/lang/System", "exit", "(I)V", 18); exit != nil && exit.Op != classfile.OpInvokestatic {
		t.Errorf("System.exit by %s", exit.Op)
	}
	has("main", "java/lang/Runnable", "run", "()V", 19)
	has("loaders", "java/lang/Class", "getClassLoader", "()Ljava/lang/ClassLoader;", 24)
	has("<clinit>", "java/lang/System", "setProperty", "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;", 14)
	if in := has("later", "java/lang/Thread", "<init>", "(Ljava/lang/Runnable;)V", 42); in != nil && in.Op != classfile.OpInvokespecial {
		t.Errorf("constructor call by %s", in.Op)
	}
}

// TestInvokesMatchDecoding holds the undecoded invoke list to what the
// decoder gives for every test class: each invoke instruction in order,
// with its method, reference and line.
func TestInvokesMatchDecoding(t *testing.T) {
	x := NewExtractor(Interest{Invokes: true})
	total := 0
	testClasses(t, func(path string, data []byte) {
		c, err := classfile.Parse(data)
		if err != nil {
			return
		}
		fx, _ := x.Extract(c, path)
		var want []Invoke
		for i := range c.Methods {
			m := &c.Methods[i]
			if m.Code == nil {
				continue
			}
			ins, _ := m.Code.Instructions()
			for _, in := range ins {
				if !in.Op.IsInvoke() {
					continue
				}
				w := Invoke{Caller: m.Name, CallerDesc: m.Desc, Op: in.Op, PC: in.PC, Line: m.Code.LineAt(in.PC)}
				if in.Dyn != nil {
					w.Name, w.Desc, w.Target = in.Dyn.Name, in.Dyn.Desc, in.Dyn.LambdaTarget()
				} else {
					w.Owner, w.Name, w.Desc, w.Interface = in.Ref.Owner, in.Ref.Name, in.Ref.Desc, in.Ref.Interface
				}
				want = append(want, w)
			}
		}
		total += len(want)
		if !reflect.DeepEqual(fx.Invokes, want) {
			t.Errorf("%s: invokes\n%s\nwant\n%s", path, fmt.Sprint(fx.Invokes), fmt.Sprint(want))
		}
	})
	if x.decoded != 0 || total < 1000 {
		t.Errorf("%d methods decoded, %d invokes: want none decoded and the test classes' invokes", x.decoded, total)
	}
}

package javasrc

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/kscan/kscan/rules/facts"
)

// TestAllCalls: with Interest.AllCalls every invocation is a Call with its
// name, arguments, receiver and place, resolved where the names allow and
// with an empty owner where they do not; declarations carry parameters.
func TestAllCalls(t *testing.T) {
	src := `package p;
import java.util.List;
class A {
  static final Object O = make(1);
  A(List<String> xs, int... rest) { this.init(xs.size()); }
  void f(Runnable r, String s) {
    helper();
    r.run();
    unknown.call(s, 2);
    new Thread(() -> System.exit(s.length())).start();
    new Object() { void g() { toString(); } };
  }
  static Object make(int n) { return String.valueOf(n); }
  private void init(int n) {}
}`
	e, err := NewExtractor(Interest{AllCalls: true, Calls: setOf("exit")}, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	f, _, err := e.Extract("p/A.java", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range f.Calls {
		var args []string
		for _, a := range c.Args {
			args = append(args, fmt.Sprintf("%d:%s", a.Kind, a.Text))
		}
		got = append(got, fmt.Sprintf("%d %s.%s -> %s.%s(%s) recv=%d:%s", c.Line, c.Class, c.Method, c.Owner, c.Name,
			strings.Join(args, ","), c.Recv.Kind, c.Recv.Text))
	}
	want := []string{
		"4 p.A.<clinit> -> p.A.make(4:1) recv=0:",
		"5 p.A.<init> -> p.A.init(6:xs.size()) recv=5:this",
		"5 p.A.<init> -> java.util.List.size() recv=5:xs",
		"7 p.A.f -> p.A.helper() recv=0:",
		"8 p.A.f -> java.lang.Runnable.run() recv=5:r",
		"9 p.A.f -> .call(5:s,4:2) recv=5:unknown",
		"10 p.A.f -> java.lang.System.exit(6:s.length()) recv=5:System",
		"10 p.A.f -> java.lang.String.length() recv=5:s",
		"10 p.A.f -> java.lang.Thread.start() recv=7:new Thread(() -> System.exit(s.length()))",
		"11 p.A$1.g -> p.A$1.toString() recv=0:",
		"13 p.A.make -> java.lang.String.valueOf(5:n) recv=5:String",
	}
	if g := strings.Join(got, "\n"); g != strings.Join(want, "\n") {
		t.Errorf("calls:\n%s\nwant:\n%s", g, strings.Join(want, "\n"))
	}
	var params []string
	for _, m := range f.Methods {
		var ps []string
		for _, p := range m.Parameters {
			ps = append(ps, fmt.Sprintf("%s %s/%s/%v", p.Name, p.Type, p.TypeText, p.Varargs))
		}
		params = append(params, m.Name+"("+strings.Join(ps, ", ")+")")
	}
	wantParams := "<init>(xs java.util.List/List<String>/false, rest int/int.../true) f(r java.lang.Runnable/Runnable/false, s java.lang.String/String/false) " +
		"g() make(n int/int/false) init(n int/int/false)"
	if p := strings.Join(params, " "); p != wantParams {
		t.Errorf("parameters:\n%s\nwant:\n%s", p, wantParams)
	}
}

// TestAllCallsKeepsSubscribedFacts: asking for every call changes nothing
// about the calls a rule subscribed to, on every fixture.
func TestAllCallsKeepsSubscribedFacts(t *testing.T) {
	names := setOf("forName", "exit", "load", "setProperty", "getProperty", "addShutdownHook", "run",
		"start", "execute", "submit", "println", "getClassLoader", "getResource", "setContextClassLoader", "put", "add")
	some, _ := NewExtractor(Interest{Calls: names, News: setOf("Thread")}, 0)
	defer some.Close()
	all, _ := NewExtractor(Interest{Calls: names, News: setOf("Thread"), AllCalls: true}, 0)
	defer all.Close()
	for path, src := range javaFixtures(t) {
		a, _, errA := some.Extract(path, src, nil)
		b, _, errB := all.Extract(path, src, nil)
		if errA != nil || errB != nil {
			t.Fatalf("%s: %v %v", path, errA, errB)
		}
		var kept []facts.Call
		for _, c := range b.Calls {
			if names[c.Name] {
				kept = append(kept, c)
			}
		}
		b.Calls = kept
		for i := range b.Methods {
			b.Methods[i].Parameters = nil
		}
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Errorf("%s: facts differ with AllCalls:\nsome: %.800s\nall:  %.800s", path, ja, jb)
		}
	}
}

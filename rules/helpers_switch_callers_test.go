package rules

import (
	"strings"
	"testing"

	"github.com/kscan/kscan/rules/facts"
)

// TestRestoredAround reads a switch helper's call site in its caller's
// text: a save before it and a restore in a finally block around or
// after it, within the caller's own method.
func TestRestoredAround(t *testing.T) {
	const head = "class C {\n"
	tests := []struct {
		name, body string
		want       bool
	}{
		{"call inside try", `void a() { ClassLoader o = Thread.currentThread().getContextClassLoader();
			try { h.CALL(); run(); } finally { Thread.currentThread().setContextClassLoader(o); } }`, true},
		{"try after the call", `void a() throws Exception { ClassLoader o = Thread.currentThread().getContextClassLoader();
			h.CALL(); try { run(); } catch (RuntimeException e) { log(e); } finally { Thread.currentThread().setContextClassLoader(o); } }`, true},
		{"value kept", `void a() { ClassLoader o = h.CALL(); try { run(); } finally { Thread.currentThread().setContextClassLoader(o); } }`, true},
		{"no save", `void a() { h.CALL(); try { run(); } finally { Thread.currentThread().setContextClassLoader(null); } }`, false},
		{"restore not in finally", `void a() { ClassLoader o = Thread.currentThread().getContextClassLoader();
			h.CALL(); run(); Thread.currentThread().setContextClassLoader(o); }`, false},
		{"finally of another method", `void a() { ClassLoader o = Thread.currentThread().getContextClassLoader(); h.CALL(); }
			void b() { try { run(); } finally { Thread.currentThread().setContextClassLoader(o); } }`, false},
		{"save in another method", `void b() { Thread.currentThread().getContextClassLoader(); }
			void a() { h.CALL(); try { run(); } finally { Thread.currentThread().setContextClassLoader(o); } }`, false},
		{"inside an if of the method", `void a(boolean x) { ClassLoader o = Thread.currentThread().getContextClassLoader();
			try { if (x) { h.CALL(); } run(); } finally { Thread.currentThread().setContextClassLoader(o); } }`, true},
		// a privileged action that switches: made and run again in finally with the loader saved before
		{"switched back by the same helper", `void a() { final ClassLoader o = run(GetClassLoader.fromContext());
			try { run(h.CALL(mine)); load(); } finally { run(Switch.CALL(o)); } }`, true},
		{"the same helper handed no saved loader", `void a() { try { run(h.CALL(mine)); load(); } finally { run(Switch.CALL(other)); } }`, false},
		{"the call in finally", `void a() { h.setLoader(x); try { run(); } finally { h.CALL(o); } }`, true},
		{"the same helper outside finally", `void a() { final ClassLoader o = run(GetClassLoader.fromContext());
			run(h.CALL(mine)); load(); run(Switch.CALL(o)); }`, false},
	}
	for _, tc := range tests {
		src := head + tc.body + "\n}\n"
		at := strings.Index(src, "h.CALL")
		got := restoredAround([]byte(src), facts.Span{Start: at, End: at + len("h.CALL()")}, "CALL")
		if got != tc.want {
			t.Errorf("%s: restoredAround = %v, want %v", tc.name, got, tc.want)
		}
	}
}

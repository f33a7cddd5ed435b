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
	}
	for _, tc := range tests {
		src := head + tc.body + "\n}\n"
		at := strings.Index(src, "h.CALL")
		got := restoredAround([]byte(src), facts.Span{Start: at, End: at + len("h.CALL()")})
		if got != tc.want {
			t.Errorf("%s: restoredAround = %v, want %v", tc.name, got, tc.want)
		}
	}
}

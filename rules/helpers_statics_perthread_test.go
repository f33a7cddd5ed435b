package rules

import (
	"slices"
	"testing"
)

func TestInstanceFieldTypes(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
		ok, per   bool
	}{
		{"thread-local only", `public class S { private final ThreadLocal<List<T>> local = new ThreadLocal<>(); void push(T t) { int n; local.get().add(t); } }`,
			[]string{"ThreadLocal<List<T>>"}, true, true},
		{"annotated, commented", `class S { /* private int n; */ @SuppressWarnings("x") private transient InheritableThreadLocal<Object> v; // int m;
 }`, []string{"InheritableThreadLocal<Object>"}, true, true},
		{"statics aside", `class S { static int count; private ThreadLocal<Object> v; }`, []string{"ThreadLocal<Object>"}, true, true},
		{"other state", `class S { private ThreadLocal<Object> v; private int pushes; }`, []string{"ThreadLocal<Object>", "int"}, true, false},
		{"nested type's fields aside", `class S { ThreadLocal<Object> v; static class N { int n; } }`, []string{"ThreadLocal<Object>"}, true, true},
		{"no field", `class S { void f() {} }`, nil, true, false},
		{"extends another class", `class S extends Base { ThreadLocal<Object> v; }`, nil, false, false},
		{"extends a ThreadLocal", `class S extends ThreadLocal<Object> { }`, nil, true, false},
		{"another class", `class T { ThreadLocal<Object> v; }`, nil, false, false},
	} {
		code := []byte(javaCode(tc.src))
		got, ok := instanceFieldTypes(code, "S")
		if ok != tc.ok || !slices.Equal(got, tc.want) {
			t.Errorf("%s: instanceFieldTypes = %q, %v; want %q, %v", tc.name, got, ok, tc.want, tc.ok)
		}
		if per := ok && perThreadFields(got); per != tc.per {
			t.Errorf("%s: per thread = %v, want %v", tc.name, per, tc.per)
		}
	}
}

package rules

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A static filled with what a helper of the same class returns, where the
// method's parameter is passed to the helper only as a place to register
// the result (T = makeType(registry, "Name", BASE), the helper doing
// registry.put(name, t) and returning t built from the other arguments),
// does not hold the caller's object: the parameter is a sink, and the
// value is as fixed as the other arguments are. Those are judged as before
// (a parameter among them, or a class found through a loader, is still
// the app's), and must read nothing an app can set: a system property,
// the environment, a resource or file, nor may the helper itself.
//
// Not reported rather than lowered to a note: the helper builds the same
// value whichever app runs first, so a race between two first runs
// stores equal values. A static final read from configuration at class
// initialisation is not taken for a constant: the properties or resource
// seen by whichever app first initialises the class decide it for all.
// A library call with constant arguments (a lookup of the library's own
// module by a fixed name) is taken as the library's own, as the rule
// takes every value that names no parameter.

// sinkCallRE is a call of a method by its simple name, optionally through a
// class name: name(args) or Type.name(args).
var sinkCallRE = lazyRE(`^(?:([A-Z][\w$]*)\s*\.\s*)?([a-z_$][\w$]*)\s*\(`)

// sinkReturnRE is a return statement's expression.
var sinkReturnRE = lazyRE(`\breturn\b([^;]*);`)

// sinkArgsDropped is value v with each argument that names a variable and
// that the called helper only uses as a call's receiver, never reading it
// into what it returns, replaced by null. ok is false when v is not a call
// of exactly one method this source file declares, or no argument drops.
func sinkArgsDropped(file *facts.File, src []byte, v *facts.Expr) (facts.Expr, bool) {
	if v == nil || src == nil || strings.HasSuffix(file.Path, ".class") {
		return facts.Expr{}, false
	}
	t := stripCasts(v.Text)
	m := sinkCallRE.FindStringSubmatch(t)
	if m == nil || !strings.HasSuffix(t, ")") {
		return facts.Expr{}, false
	}
	if m[1] != "" && declaredIn(file, m[1]) == "" {
		return facts.Expr{}, false
	}
	open := len(m[0]) - 1
	if closingBracket(t, open) != len(t)-1 {
		return facts.Expr{}, false // name(a).more(b): the value is not the call's result
	}
	args := splitArgs(t[open+1 : len(t)-1])
	callee := soleCallee(file, src, m[2], len(args))
	if callee == nil {
		return facts.Expr{}, false
	}
	params := paramsOf(callee)
	body := string(src[callee.Decl.Start:callee.Decl.End])
	if i := strings.IndexByte(body, '{'); i >= 0 {
		body = body[i:]
	} else {
		return facts.Expr{}, false // abstract or native: what it returns is unknown
	}
	if outsideReadRE.MatchString(body) {
		return facts.Expr{}, false // the helper reads configuration itself
	}
	returns := sinkReturnRE.FindAllStringSubmatch(body, -1)
	if len(returns) == 0 {
		return facts.Expr{}, false
	}
	read := map[string]bool{}
	for _, r := range returns {
		for id := range inputsOf(r[1], body) {
			read[id] = true
		}
	}
	dropped := false
	for i, a := range args {
		if !sinkIdentRE.MatchString(strings.TrimSpace(a)) {
			continue
		}
		pi := min(i, len(params)-1)
		name := params[pi].name
		if name == "" || read[name] || !onlyReceiver(body, name) {
			continue
		}
		args[i] = "null"
		dropped = true
	}
	if !dropped {
		return facts.Expr{}, false
	}
	out := *v
	out.Text = t[:open+1] + strings.Join(args, ", ") + ")"
	return out, true
}

// sinkIdentRE is a bare variable name.
var sinkIdentRE = lazyRE(`^[A-Za-z_$][\w$]*$`)

// soleCallee is the one method of the file named name that n arguments
// fit (a varargs method takes one fewer or more); nil when none or
// several do, or the file shows no body for it.
func soleCallee(file *facts.File, src []byte, name string, n int) *facts.MethodDecl {
	var found *facts.MethodDecl
	for i := range file.Methods {
		md := &file.Methods[i]
		if md.Name != name {
			continue
		}
		ps := paramsOf(md)
		fits := len(ps) == n
		if len(ps) > 0 && strings.HasSuffix(strings.TrimSpace(ps[len(ps)-1].typ), "...") {
			fits = n >= len(ps)-1
		}
		if !fits {
			continue
		}
		if found != nil || len(ps) == 0 || md.Decl.Start < 0 || md.Decl.End > len(src) {
			return nil
		}
		found = md
	}
	return found
}

// onlyReceiver reports a name every use of which in body is as the
// receiver of a method call (name.put(k, v)): never assigned, passed on,
// or read into another expression.
func onlyReceiver(body, name string) bool {
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b(\s*\.\s*[A-Za-z_$][\w$]*\s*\()?`)
	for _, sm := range re.FindAllStringSubmatchIndex(body, -1) {
		if sm[0] > 0 && body[sm[0]-1] == '.' {
			continue // another object's member of the same name
		}
		if sm[2] < 0 {
			return false
		}
	}
	return true
}

// handedInBeyondSinks is valueHandedIn for a value whose arguments a
// same-file helper only registers its result in are left out: the value
// is handed in when some other input is.
func handedInBeyondSinks(file *facts.File, src []byte, at int, key, v *facts.Expr) bool {
	if !valueHandedIn(file, src, at, key, v) {
		return false
	}
	d, ok := sinkArgsDropped(file, src, v)
	if !ok || valueHandedIn(file, src, at, key, &d) {
		return true
	}
	// What is left must not be read from outside the library either: a
	// property, the environment, a resource or a loader's class is the
	// configuration an app sets, not a constant.
	m := file.MethodAround(at)
	if m == nil || m.Decl.Start < 0 || m.Decl.End > len(src) {
		return true
	}
	return outsideRead(d.Text, string(src[m.Decl.Start:m.Decl.End]))
}

// outsideReadRE is a read of what an app can set or bring: system
// properties, the environment, security properties, resources, files,
// init parameters, a class or service found through a loader.
var outsideReadRE = lazyRE(`\b(?:System\s*\.\s*(?:getProperty|getProperties|getenv)|Integer\s*\.\s*getInteger|Long\s*\.\s*getLong|Boolean\s*\.\s*getBoolean|Security\s*\.\s*getProperty)\s*\(|\bget(?:Resource(?:AsStream|s)?|InitParameter|ContextClassLoader)\s*\(|\bServiceLoader\b|\b(?:forName|loadClass|newInstance)\s*\(|\bProperties\b|\bnew\s+File\w*\s*\(|\bFiles\s*\.|\bPaths?\s*\.\s*(?:get|of)\s*\(`)

// outsideRead reports an expression that, directly or through the locals
// it reads (followed through their assignments in method, a few steps),
// reads something from outside the library (outsideReadRE).
func outsideRead(expr, method string) bool {
	seen := map[string]bool{}
	todo := []string{expr}
	for round := 0; round < 6 && len(todo) > 0; round++ {
		var next []string
		for _, e := range todo {
			if outsideReadRE.MatchString(e) {
				return true
			}
			for _, id := range javaNameRE.FindAllString(e, -1) {
				if seen[id] {
					continue
				}
				seen[id] = true
				if !mayAssign(method, id) {
					continue
				}
				for _, sm := range assignmentsTo(id).FindAllStringSubmatch(method, 8) {
					next = append(next, sm[1])
				}
			}
		}
		todo = next
	}
	return false
}

package rules

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// A lazy memo filled through a helper: `return bitCompiler =
// getAnInstance(PACKAGE + "BitCompiler", bitCompiler, typeId);`, the
// private static helper returning its second argument when set and
// otherwise making an instance of the class named by the first
// (Class.forName(name).getConstructor().newInstance()) and handing the
// rest to its setters. When the name is the library's own (an own-package
// constant plus a literal) and the memo is the field itself, every app
// gets an instance of the same stateless class of the library. A name from
// configuration or a caller, or an instance the caller passes in, keeps
// the finding.

// helperMemo reports such a write of f.
func helperMemo(file *facts.File, src []byte, f *facts.Field, w *facts.Write) bool {
	if src == nil || strings.HasSuffix(file.Path, ".class") || w.Kind != facts.WriteAssign || w.Value == nil {
		return false
	}
	value := w.Value.Text
	for {
		loc := chainedAssignRE.FindStringIndex(value)
		if loc == nil {
			break
		}
		value = value[loc[1]:]
	}
	sm := helperMemoCallRE.FindStringSubmatchIndex(value)
	if sm == nil {
		return false
	}
	args, ok := callArgs(value[sm[1]:])
	if !ok {
		return false
	}
	helper := soleMethod(file, w.Context.Class, value[sm[2]:sm[3]])
	if helper == nil || !helper.Static || !isPrivate(src, helper) || helper.Decl.End > len(src) {
		return false
	}
	params := paramsOf(helper)
	if len(params) != len(args) {
		return false
	}
	memo, name := -1, -1
	for i, a := range args {
		a = strings.TrimSpace(a)
		if a == f.Name || a == simpleName(f.Class)+"."+f.Name {
			memo = i
		}
	}
	if memo < 0 {
		return false // the instance is the caller's
	}
	body := string(src[helper.Decl.Start:helper.Decl.End])
	p := regexp.QuoteMeta(params[memo].name)
	if !regexp.MustCompile(`\bif\s*\(\s*`+p+`\s*==\s*null\s*\)`).MatchString(body) ||
		!regexp.MustCompile(`\breturn\s+`+p+`\s*;\s*\}\s*$`).MatchString(body) {
		return false
	}
	// Whatever else the helper makes, the memo's value is an instance of
	// the class its name parameter names.
	for _, a := range regexp.MustCompile(`(?:^|[^\w$.])`+p+`\s*=[^=]([^;]*);`).FindAllStringSubmatch(body, -1) {
		sm := newInstanceRE.FindStringSubmatch(a[1])
		if sm == nil {
			return false
		}
		if sm[1] != "" {
			name = paramIndex(params, sm[1])
		} else if v := regexp.MustCompile(`\b([\w$]+)\s*=\s*Class\s*\.\s*forName\s*\(\s*([\w$]+)\s*\)`).FindStringSubmatch(body); v != nil && strings.Contains(a[1], v[1]) {
			name = paramIndex(params, v[2])
		} else {
			return false
		}
	}
	if name < 0 || name == memo || !ownPackageName(file, src, args[name]) {
		return false
	}
	// The other arguments only reach the instance's setters and are the
	// library's values, never a loader, a callback or the caller's object.
	for i, a := range args {
		if i == memo || i == name {
			continue
		}
		a = strings.TrimSpace(a)
		if appLoadedRE.MatchString(a) || strings.Contains(a, "getProperty") || strings.Contains(a, "this") {
			return false
		}
		pn := regexp.QuoteMeta(params[i].name)
		if regexp.MustCompile(`(?:^|[^\w$.])`+pn+`\s*=[^=]`).MatchString(body) ||
			callbackTypeRE.MatchString(params[i].typ) {
			return false
		}
		inner := body[strings.IndexByte(body, '{')+1:]
		for _, use := range regexp.MustCompile(`[^\w$.]`+pn+`\b`).FindAllStringIndex(inner, -1) {
			if !setterArgRE.MatchString(inner[:use[0]+1]) {
				return false // used otherwise than handed to a setter
			}
		}
	}
	return true
}

var (
	setterArgRE      = lazyRE(`\.\s*set\w*\s*\(\s*$`)
	helperMemoCallRE = lazyRE(`^\s*([A-Za-z_$][\w$]*)\s*\(`)
	// (Type) Class.forName(name).getConstructor().newInstance(), or
	// (Type) c.getConstructor().newInstance() / c.newInstance().
	newInstanceRE  = lazyRE(`^\s*(?:\([\w.$<>]+\)\s*)?(?:Class\s*\.\s*forName\s*\(\s*([\w$]+)\s*\)|[\w$]+)\s*(?:\.\s*getConstructor\s*\(\s*\))?\s*\.\s*newInstance\s*\(\s*\)\s*$`)
	callbackTypeRE = lazyRE(`^(?:Object|ClassLoader|Class\b.*|Runnable|Callable\b.*|Supplier\b.*|Function\b.*|Consumer\b.*|[\w.$]*(?:Listener|Callback|Handler|Context))$`)
)

func paramIndex(ps []param, name string) int {
	for i, p := range ps {
		if p.name == name {
			return i
		}
	}
	return -1
}

// ownPackageName reports an argument naming a class of the file's own
// package: a literal, or a private static final constant of the file
// holding the package's name, plus a literal.
func ownPackageName(file *facts.File, src []byte, arg string) bool {
	pkg := file.Package + "."
	if file.Package == "" {
		return false
	}
	parts := strings.Split(arg, "+")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	first := parts[0]
	if lit, ok := strings.CutPrefix(first, `"`); ok {
		return strings.HasPrefix(lit, pkg) && allLiterals(parts)
	}
	sm := regexp.MustCompile(`\bprivate\s+static\s+final\s+String\s+` + regexp.QuoteMeta(first) + `\s*=\s*"([^"]*)"\s*;`).FindSubmatch(src)
	return sm != nil && strings.HasPrefix(string(sm[1])+"x", pkg) && allLiterals(parts[1:]) && len(parts) > 1
}

func allLiterals(parts []string) bool {
	for _, p := range parts {
		if !regexp.MustCompile(`^"[\w$.]*"$`).MatchString(p) {
			return false
		}
	}
	return true
}

package rules

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

// Helpers of system-exit's project pass: an exit that runs only while an
// instance flag of its object is on ("if (interactive && exitOnEOF)
// System.exit(0)"), and a caller that turns that flag off on the same
// object just before the call (interp.setExitOnEOF(false); interp.run();):
// the exit is not reached from that call.

// ExitFlags lists the instance boolean fields of m's class that every exit
// of m (exits: the spans of its JVM-ending calls, in src) waits for, each
// with the setters of the class storing their parameter into it. nil when
// m is static, or some exit is not behind such a flag.
func ExitFlags(f *facts.File, src []byte, m *facts.MethodDecl, exits []facts.Span) []facts.ExitFlag {
	if src == nil || m.Static || len(exits) == 0 || m.Decl.Start < 0 || m.Decl.End > len(src) {
		return nil
	}
	code := javaCode(string(src[m.Decl.Start:m.Decl.End]))
	var common map[string]bool
	for _, e := range exits {
		if e.Start < m.Decl.Start || e.Start > m.Decl.End {
			return nil
		}
		here := map[string]bool{}
		for _, cond := range conditionsAround(code, e.Start-m.Decl.Start) {
			for _, term := range splitAnd(cond) {
				if name := instanceFlag(f, src, m.Class, term); name != "" {
					here[name] = true
				}
			}
		}
		if common == nil {
			common = here
			continue
		}
		for n := range common {
			if !here[n] {
				delete(common, n)
			}
		}
	}
	var out []facts.ExitFlag
	for i := range f.Fields {
		fd := &f.Fields[i]
		if fd.Class == m.Class && common[fd.Name] {
			out = append(out, facts.ExitFlag{Field: fd.Name, Setters: flagSetters(f, src, m.Class, fd.Name)})
			delete(common, fd.Name) // once, whatever the file declares twice
		}
	}
	return out
}

// instanceFlag resolves one condition term to a non-static boolean field
// of class: the field itself ("exitOnEOF", "this.exitOnEOF") or a getter
// of the class returning it ("isExitOnEOF()"). "" otherwise.
func instanceFlag(f *facts.File, src []byte, class, term string) string {
	t := guardTerm(term)
	name := strings.TrimPrefix(t, "this.")
	if !isIdentName(name) {
		sub := getterCall.FindStringSubmatch(t)
		if sub == nil || strings.Contains(t, ".") && !strings.HasPrefix(t, "this.") {
			return "" // a static getter of another class
		}
		name = getterField(f, src, sub[1], func(g *facts.MethodDecl) bool { return g.Class == class && !g.Static })
		if name == "" {
			return ""
		}
	}
	for i := range f.Fields {
		fd := &f.Fields[i]
		if fd.Name == name && fd.Class == class {
			if fd.Static || fd.Type != "boolean" && fd.Type != "java.lang.Boolean" && fd.Type != "Boolean" {
				return ""
			}
			return name
		}
	}
	return ""
}

// flagSetters are the methods of class with one parameter that store it
// into field: setExitOnEOF(boolean b) { this.exitOnEOF = b; }.
func flagSetters(f *facts.File, src []byte, class, field string) []string {
	var out []string
	for i := range f.Methods {
		m := &f.Methods[i]
		if m.Class != class || m.Static || m.Name == "<init>" || m.Decl.Start < 0 || m.Decl.End > len(src) {
			continue
		}
		params := paramNames(m.Params)
		if len(params) != 1 {
			continue
		}
		body := javaCode(string(src[m.Decl.Start:m.Decl.End]))
		store := regexp.MustCompile(`(?:^|[^\w.]|\bthis\s*\.\s*)` + regexp.QuoteMeta(field) + `\s*=\s*` + regexp.QuoteMeta(params[0]) + `\s*;`)
		if store.MatchString(body) {
			out = append(out, m.Name)
		}
	}
	return out
}

// TurnedOffBefore reports a call c (in src, the caller's file with facts
// f) of a method whose exits wait for one of flags, where the caller's
// method, earlier in the same block or one enclosing it, turns that flag
// off on the same receiver (recv.setFlag(false), recv.flag = false) and
// neither turns it on again nor rebinds the receiver before the call.
func TurnedOffBefore(f *facts.File, src []byte, c *facts.Call, flags []facts.ExitFlag) bool {
	if len(flags) == 0 || src == nil {
		return false
	}
	var m *facts.MethodDecl
	for i := range f.Methods {
		d := &f.Methods[i]
		if d.Decl.Start <= c.Span.Start && c.Span.End <= d.Decl.End && (m == nil || d.Decl.Len() < m.Decl.Len()) {
			m = d
		}
	}
	if m == nil || m.Decl.Start < 0 || c.Span.Start > len(src) || m.Decl.Start >= c.Span.Start {
		return false
	}
	code := javaCode(string(src[m.Decl.Start:c.Span.Start]))
	recv := strings.Join(strings.Fields(c.Recv.Text), "")
	var prefix string
	switch {
	case recv == "" || recv == "this":
		prefix = `(?:^|[^\w.$]|\bthis\s*\.\s*)`
	case isIdentName(strings.TrimPrefix(recv, "this.")):
		name := strings.TrimPrefix(recv, "this.")
		prefix = `(?:^|[^\w.$]|\bthis\s*\.\s*)` + regexp.QuoteMeta(name) + `\s*\.\s*`
		if regexp.MustCompile(`(?:^|[^\w.$]|\bthis\s*\.\s*)` + regexp.QuoteMeta(name) + `\s*=[^=]`).MatchString(code) {
			// Rebound in the method: which object the setter saw
			// and which one runs is not told without following
			// the order; a local declared with its value is
			// the one case kept (Interp i = new Interp(); ...).
			if !singleBinding(code, name) {
				return false
			}
		}
	default:
		return false // a call's result, an array element: not the same object for sure
	}
	for _, fl := range flags {
		alts := []string{regexp.QuoteMeta(fl.Field) + `\s*=\s*(\w+)\s*;`}
		for _, s := range fl.Setters {
			alts = append(alts, regexp.QuoteMeta(s)+`\s*\(\s*(\w+)\s*\)\s*;`)
		}
		re := regexp.MustCompile(prefix + `(?:` + strings.Join(alts, "|") + `)`)
		all := re.FindAllStringSubmatchIndex(code, -1)
		if len(all) == 0 {
			continue
		}
		last := all[len(all)-1]
		value := ""
		for g := 1; 2*g+1 < len(last); g++ {
			if last[2*g] >= 0 {
				value = code[last[2*g]:last[2*g+1]]
			}
		}
		if value != "false" {
			continue
		}
		if dominates(code, last[0], last[1]) {
			return true
		}
	}
	return false
}

// singleBinding reports a local declared with its value and never
// assigned again: "Interp i = new Interp(...);".
func singleBinding(code, name string) bool {
	assigns := regexp.MustCompile(`(?:^|[^\w.$]|\bthis\s*\.\s*)`+regexp.QuoteMeta(name)+`\s*=[^=]`).FindAllStringIndex(code, -1)
	return len(assigns) == 1 && declaredLocal(code, name)
}

// dominates reports a statement at code[start:end] that runs whenever the
// end of code does: it begins a statement (not the body of a bare if or
// loop), and no block it sits in closes before the end of code.
func dominates(code string, start, end int) bool {
	if start < end && !isIdent(code[start]) {
		start++ // the match begins with the character before the statement
	}
	j := start - 1
	for j >= 0 && (code[j] == ' ' || code[j] == '\t' || code[j] == '\n' || code[j] == '\r') {
		j--
	}
	if j >= 0 && code[j] != ';' && code[j] != '{' && code[j] != '}' {
		return false
	}
	depth := 0
	for i := end; i < len(code); i++ {
		switch code[i] {
		case '{':
			depth++
		case '}':
			if depth--; depth < 0 {
				return false
			}
		}
	}
	return true
}

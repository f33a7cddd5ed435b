package rules

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var nullParentAssumption = register(&Rule{
	ID:     "null-parent-classloader-assumption",
	Hazard: "H10",
	Title:  "getParent() == null taken to mean the JDK's own loader",
	Summary: "Code that treats a ClassLoader whose getParent() is null as the bootstrap or platform loader, and " +
		"substitutes its own loader, misjudges a module's BizClassLoader, which has no parent. The substitute (the " +
		"base's loader) cannot see module types: \"... is not visible from class loader\" (spring-aop 5.3.27, 6.0.8).",
	Tags:      []string{"koupleless", "classloader", "correctness"},
	Precision: "high",
	Default:   SeverityHigh,
	Severity: map[facts.Role]Severity{
		facts.RoleShared: SeverityHigh, facts.RoleBase: SeverityMedium,
	},
	Keywords: []string{"getParent"},
	// A getParent() call compared to null: the call itself one side of
	// == or !=, the other side null, as the check asks (a comparison of a
	// local holding the parent is not one).
	Prefilter: func(src []byte) bool {
		return callNamed(src, "getParent") && wordIn(src, "null") && parentNullRE.Match(src)
	},
	Calls: []string{"getParent"},
	Check: checkNullParent,
})

var (
	// parentNullRE: "x.getParent() == null", "null != this.x.getParent()",
	// with blanks or comments between the tokens.
	parentNullRE = lazyRE(`getParent` + declBlanks + `\(` + declBlanks + `\)` + declBlanks + `[!=]=` + declBlanks + `null\b|\bnull` + declBlanks + `[!=]=` +
		declBlanks + `(?:this` + declBlanks + `\.` + declBlanks + `)?[\w$]+` + declBlanks + `\.` + declBlanks + `getParent` + declBlanks + `\(`)
	substituteLoader = lazyRE(`get(System)?ClassLoader\s*\(\s*\)`)
	returnsLoader    = lazyRE(`return\s[^;]*get(System)?ClassLoader\s*\(\s*\)`)
)

func checkNullParent(p *Pass) {
	calls(p, func(c *facts.Call) {
		if !is(c, "java.lang.ClassLoader", "getParent") || !c.ComparedToNull || c.NullBranch == nil {
			return
		}
		recv := strings.TrimPrefix(strings.Join(strings.Fields(c.Recv.Text), ""), "this.")
		if c.Recv.Kind != facts.ExprName || recv == "" || strings.Contains(recv, ".") {
			return
		}
		branch := p.Text(*c.NullBranch)
		assign := regexp.MustCompile(`(^|[^\w.$])(this\s*\.\s*)?` + regexp.QuoteMeta(recv) + `\s*=[^=]`)
		if m := assign.FindStringIndex(branch); m != nil {
			// Walking up the chain (x = x.getParent()) is no substitution.
			rhs := branch[m[1]-1:]
			if !strings.HasPrefix(strings.TrimSpace(rhs), recv+".getParent(") {
				p.Report(Diagnostic{
					Message: recv + ".getParent() == null is taken to mean a JDK loader and " + recv + " is replaced; a module's BizClassLoader has no parent, so module types become invisible",
					Span:    c.Span, Context: c.Context,
				})
			}
			return
		}
		// A conditional expression, or a branch returning another loader.
		b := strings.TrimSpace(branch)
		isExpr := !strings.HasPrefix(b, "{") && !strings.HasSuffix(b, ";")
		if isExpr && substituteLoader.MatchString(b) || returnsLoader.MatchString(b) {
			p.Report(Diagnostic{
				Message: recv + ".getParent() == null is taken to mean a JDK loader and another loader is used instead; a module's BizClassLoader has no parent, so module types become invisible",
				Span:    c.Span, Context: c.Context,
			})
		}
	})
}

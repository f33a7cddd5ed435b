package rules

import (
	"regexp"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var baseResourceClosedRule = register(&Rule{
	ID:     "base-resource-closed-by-module",
	Hazard: "H25",
	Title:  "Base-owned closeable object registered as a module @Bean",
	Summary: "A module @Bean that returns an object owned by the base (SpringBeanFinder.getBaseBean, " +
		"@AutowiredFromBase) is destroyed with the module's context: uninstalling the module closes the base's " +
		"DataSource, pool or client under the base's feet.",
	Tags:      []string{"koupleless", "lifecycle"},
	Precision: "high",
	Default:   SeverityHigh,
	Severity:  map[facts.Role]Severity{facts.RoleModule: SeverityHigh},
	Keywords:  []string{"getBaseBean", "getBeanOfBundle", "AutowiredFromBase"},
	Calls:     []string{"getBaseBean", "getBeanOfBundle"},
	Check:     checkBaseResourceClosed,
})

// closeableSuffixes are simple type-name endings of objects Spring would
// close or shut down as inferred destroy methods.
var closeableSuffixes = []string{
	"DataSource", "ExecutorService", "Executor", "Pool", "Client", "Connection", "ConnectionFactory",
	"Closeable", "Scheduler", "Producer", "Consumer", "CuratorFramework", "Jedis", "JedisCluster",
}

func closeableType(written string) bool {
	t := written
	if i := strings.IndexByte(t, '<'); i >= 0 {
		t = t[:i]
	}
	t = strings.TrimSpace(t[strings.LastIndexByte(t, '.')+1:])
	for _, s := range closeableSuffixes {
		if strings.HasSuffix(t, s) {
			return true
		}
	}
	return false
}

var noDestroy = lazyRE(`\bdestroyMethod\s*=\s*""`)

func checkBaseResourceClosed(p *Pass) {
	done := map[int]bool{} // per @Bean method, one finding
	for mi := range p.File.Methods {
		m := &p.File.Methods[mi]
		bean := beanAnnotation(m)
		if bean == "" || noDestroy.MatchString(bean) || !closeableType(m.Returns) {
			continue
		}
		body := p.Text(m.Decl)
		report := func(span facts.Span, line int, what string) {
			if done[mi] {
				return
			}
			done[mi] = true
			d := Diagnostic{
				Message: "@Bean method '" + m.Name + "' registers " + what + " in the module's context: when the module is uninstalled Spring closes it and the base loses it; use it without registering it, or set destroyMethod = \"\"",
				Span:    span, Context: facts.Context{Class: m.Class, Method: m.Name, Line: line},
			}
			if fx, ok := beanDestroyFix(p, m, bean); ok {
				d.Fixes = []Fix{fx}
			}
			p.Report(d)
		}
		calls(p, func(c *facts.Call) {
			if c.Class != m.Class || c.Method != m.Name || c.Span.Start < m.Decl.Start || c.Span.End > m.Decl.End || !isBaseBeanLookup(p, c) {
				return
			}
			returned := returnsExpr(p, c.Span.Start, m.Decl.Start)
			if !returned && c.StoredTo != "" && !c.StoredToField {
				returned = regexp.MustCompile(`\breturn\s+` + regexp.QuoteMeta(c.StoredTo) + `\s*;`).MatchString(body)
			}
			if returned {
				report(c.Span, c.Line, "a base-owned "+strings.TrimSpace(m.Returns)+" obtained with "+c.Name)
			}
		})
		for _, f := range p.File.Fields {
			if !sameNest(f.Class, m.Class) || !hasAnnotation(f.Annotations, "AutowiredFromBase") {
				continue
			}
			re := regexp.MustCompile(`\breturn\s+(?:this\s*\.\s*)?` + regexp.QuoteMeta(f.Name) + `\s*;`)
			if loc := re.FindStringIndex(body); loc != nil {
				s := facts.Span{Start: m.Decl.Start + loc[0], End: m.Decl.Start + loc[1]}
				line := m.Line + strings.Count(body[:loc[0]], "\n")
				report(s, line, "the @AutowiredFromBase field '"+f.Name+"'")
			}
		}
	}
}

func hasAnnotation(as []string, simple string) bool {
	for _, a := range as {
		if annotationIs(a, simple) {
			return true
		}
	}
	return false
}

// beanAnnotation returns the method's Spring @Bean annotation as written.
func beanAnnotation(m *facts.MethodDecl) string {
	for _, a := range m.Annotations {
		if annotationIs(a, "Bean") {
			return a
		}
	}
	return ""
}

// isBaseBeanLookup matches the Koupleless lookups of base beans by owner;
// an unresolved owner counts only when the file imports from Koupleless.
func isBaseBeanLookup(p *Pass, c *facts.Call) bool {
	want := map[string]string{"getBaseBean": "SpringBeanFinder", "getBeanOfBundle": "BaseAppUtils"}[c.Name]
	if want == "" {
		return false
	}
	owner := c.Owner
	if owner == "" {
		owner = c.Recv.Text
		if !importsKoupleless(p) {
			return false
		}
	}
	if simpleOwner(owner) != want {
		return false
	}
	return !strings.Contains(owner, ".") || strings.HasPrefix(owner, "com.alipay.sofa.koupleless.") || strings.HasPrefix(owner, "com.alipay.koupleless.")
}

func importsKoupleless(p *Pass) bool {
	for _, im := range p.File.Imports {
		if strings.HasPrefix(im.Name, "com.alipay.sofa.koupleless") || strings.HasPrefix(im.Name, "com.alipay.koupleless") {
			return true
		}
	}
	return false
}

// castPrefix matches what may stand between "return" and the value: casts
// and opening parentheses.
var returnPrefix = lazyRE(`\breturn(?:\s|\(\s*[\w.<>?,\s\[\]]+\)|\()*$`)

// returnsExpr reports whether the expression starting at off is the value
// of a return statement ("return (DataSource) SpringBeanFinder.getBaseBean(..)").
func returnsExpr(p *Pass, off, floor int) bool {
	from := max(floor, off-200)
	return returnPrefix.Match(p.Src[from:off])
}

// beanDestroyFix adds destroyMethod = "" to the @Bean annotation.
func beanDestroyFix(p *Pass, m *facts.MethodDecl, bean string) (Fix, bool) {
	decl := p.Text(m.Decl)
	at := strings.Index(decl, bean)
	if at < 0 || destroyNamedRE.MatchString(bean) {
		// A destroy method the author named is a choice to keep in view,
		// not to overwrite (and a second destroyMethod would not compile).
		return Fix{}, false
	}
	start := m.Decl.Start + at
	open := strings.IndexByte(bean, '(')
	const attr = `destroyMethod = ""`
	desc := `Add destroyMethod = "" so the module context does not close the base's object`
	if open < 0 {
		end := start + len(bean)
		return Fix{Description: desc, Edits: []Edit{{Span: facts.Span{Start: end, End: end}, New: "(" + attr + ")"}}}, true
	}
	inner := strings.TrimSpace(bean[open+1 : len(bean)-1])
	closeAt := start + len(bean) - 1 // the closing parenthesis
	if !strings.HasSuffix(bean, ")") {
		return Fix{}, false
	}
	switch {
	case inner == "":
		return Fix{Description: desc, Edits: []Edit{{Span: facts.Span{Start: closeAt, End: closeAt}, New: attr}}}, true
	case assignmentStartRE.MatchString(inner):
		return Fix{Description: desc, Edits: []Edit{{Span: facts.Span{Start: closeAt, End: closeAt}, New: ", " + attr}}}, true
	default: // a positional value: name it
		valAt := start + open + 1
		return Fix{Description: desc, Edits: []Edit{
			{Span: facts.Span{Start: valAt, End: valAt}, New: "value = "},
			{Span: facts.Span{Start: closeAt, End: closeAt}, New: ", " + attr},
		}}, true
	}
}

var assignmentStartRE = lazyRE(`^\w+\s*=`)

var destroyNamedRE = lazyRE(`\bdestroyMethod\s*=`)

package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var classLoaderChurn = register(&Rule{
	ID:     "classloader-churn",
	Hazard: "H26",
	Title:  "ClassLoaders created per call",
	Summary: "Every new ClassLoader takes Metaspace that is slow to come back, and Metaspace bounds how many modules " +
		"a JVM can host and redeploy. fastjson's new ParserConfig() creates a loader per instance; a URLClassLoader " +
		"created in a loop does the same many times.",
	Tags: []string{"koupleless", "metaspace", "leak", "performance"},
	// Read against the code, none of 7 findings was a real hazard (see the
	// rule's help): a note, but in a module, whose loaders pile up in the
	// Metaspace every redeploy shares.
	Precision: "low",
	Default:   SeverityLow,
	Severity: map[facts.Role]Severity{
		facts.RoleBase: SeverityLow, facts.RoleModule: SeverityMedium,
		facts.RoleShared: SeverityLow, facts.RolePrivate: SeverityLow,
	},
	Leak:     true,
	Keywords: []string{"ParserConfig", "URLClassLoader"},
	Calls:    []string{"newInstance"},
	// The check matches URLClassLoader.newInstance alone (Class and
	// Constructor.newInstance are everywhere in compiled code).
	CallOwners: map[string][]string{"newInstance": {"java.net.URLClassLoader"}},
	News:       []string{"ParserConfig", "URLClassLoader"},
	Check:      checkClassLoaderChurn,
})

func checkClassLoaderChurn(p *Pass) {
	for i := range p.File.News {
		nw := &p.File.News[i]
		switch nw.Type {
		case "com.alibaba.fastjson.parser.ParserConfig":
			if nw.InStaticInit || inFieldInit(p, nw.Span) || storedToStaticField(p, nw.Span) {
				continue
			}
			p.Report(Diagnostic{
				Message: "new ParserConfig() per call creates a fresh ClassLoader each time; Metaspace fills up, most of all when modules are redeployed",
				Span:    nw.Span, Context: nw.Context,
			})
		case "java.net.URLClassLoader":
			if !nw.InLoop || endsLoopAfter(p, nw.Span) {
				continue
			}
			p.Report(Diagnostic{
				Message: "a URLClassLoader created in a loop puts a new loader into Metaspace on every iteration",
				Span:    nw.Span, Context: nw.Context,
			})
		}
	}
	calls(p, func(c *facts.Call) {
		if is(c, "java.net.URLClassLoader", "newInstance") && c.Static && c.InLoop && !endsLoopAfter(p, c.Span) {
			p.Report(Diagnostic{
				Message: "URLClassLoader.newInstance in a loop puts a new loader into Metaspace on every iteration",
				Span:    c.Span, Context: c.Context,
			})
		}
	})
}

// inFieldInit reports whether span is part of a field declaration.
func inFieldInit(p *Pass, s facts.Span) bool {
	for i := range p.File.Fields {
		if d := p.File.Fields[i].Decl; d.Start <= s.Start && s.End <= d.End {
			return true
		}
	}
	return false
}

// storedToStaticField reports a value assigned to a static field (lazy
// singletons: "if (CONFIG == null) CONFIG = new ParserConfig();").
func storedToStaticField(p *Pass, s facts.Span) bool {
	for i := range p.File.Writes {
		w := &p.File.Writes[i]
		if w.Kind == facts.WriteAssign && w.Value != nil && w.Value.Span == s {
			return true
		}
	}
	return false
}

// endsLoopAfter reports a creation followed, in its own block, by a return
// or break: a search that stops at the first loader that works (a list of
// candidate tools.jar paths). The loaders of the failed tries defined no
// class and are collected; the loop does not make one per element.
func endsLoopAfter(p *Pass, at facts.Span) bool {
	m := enclosingMethodDecl(p, at)
	if m == nil {
		return false
	}
	code := javaCode(p.Text(m.Decl))
	i := at.Start - m.Decl.Start
	if i < 0 || i > len(code) {
		return false
	}
	open := strings.LastIndexByte(code[:i], '{')
	for open >= 0 {
		if end := matchClose(code, open); end > i {
			return exitsAtTop(code[i:end])
		}
		open = strings.LastIndexByte(code[:open], '{')
	}
	return false
}

// exitsAtTop reports a return or break outside any nested braces of rest.
func exitsAtTop(rest string) bool {
	depth := 0
	for j := 0; j < len(rest); j++ {
		switch rest[j] {
		case '{':
			depth++
		case '}':
			depth--
		case 'r', 'b':
			if depth == 0 && (j == 0 || !isIdent(rest[j-1])) {
				for _, w := range []string{"return", "break"} {
					if strings.HasPrefix(rest[j:], w) && (j+len(w) == len(rest) || !isIdent(rest[j+len(w)])) {
						return true
					}
				}
			}
		}
	}
	return false
}

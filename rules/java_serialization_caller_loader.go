package rules

import (
	"github.com/kscan/kscan/rules/facts"
)

var javaSerialization = register(&Rule{
	ID:     "java-serialization-caller-loader",
	Hazard: "H11",
	Title:  "Deserialization that resolves classes with the caller's ClassLoader",
	Summary: "A plain java.io.ObjectInputStream resolves classes with the latest user-defined loader on the stack; " +
		"in a framework the base shares that is the base's loader, so module classes fail to deserialize.",
	Tags:      []string{"koupleless", "classloader", "serialization", "correctness"},
	Precision: "high",
	Default:   SeverityHigh,
	Severity: map[facts.Role]Severity{
		facts.RoleShared: SeverityHigh, facts.RoleBase: SeverityMedium,
		facts.RoleModule: SeverityLow, facts.RolePrivate: SeverityLow,
	},
	Keywords: []string{"ObjectInputStream"},
	Calls:    []string{"readObject", "readUnshared"},
	News:     []string{"ObjectInputStream"},
	Check:    checkJavaSerialization,
})

func checkJavaSerialization(p *Pass) {
	for i := range p.File.News {
		nw := &p.File.News[i]
		// Hessian's new SerializerFactory() is not here: it takes the
		// thread context loader itself in current Hessian versions.
		switch {
		case nw.Type == "java.io.ObjectInputStream" && !nw.Anonymous:
			if !readInSameMethod(p, nw) {
				continue
			}
			p.Report(Diagnostic{
				Message: "a plain ObjectInputStream resolves classes with the caller's ClassLoader; in code the base shares, module classes fail to deserialize",
				Span:    nw.Span, Context: nw.Context,
			})
		}
	}
}

// readInSameMethod reports whether the stream created by nw is read in the
// method that creates it: new ObjectInputStream(in).readObject(), or
// through a single-assignment local.
func readInSameMethod(p *Pass, nw *facts.New) bool {
	within := func(outer facts.Span) bool { return outer.Start <= nw.Span.Start && nw.Span.End <= outer.End }
	for i := range p.File.Calls {
		c := &p.File.Calls[i]
		if c.Name != "readObject" && c.Name != "readUnshared" || len(c.Args) != 0 {
			continue
		}
		if c.Recv.Kind == facts.ExprNew && within(c.Recv.Span) {
			return true
		}
		if l := c.Recv.Local; l != nil && l.Kind == facts.ExprNew && within(l.Span) {
			return true
		}
	}
	return false
}

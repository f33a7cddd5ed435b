package rules

import (
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var systemExitRule = register(&Rule{
	ID:     "system-exit",
	Hazard: "H16",
	Title:  "Process terminated from code that shares the JVM",
	Summary: "System.exit, Runtime.exit and Runtime.halt end the whole process: the base and every module " +
		"with it. Only the base owns the process.",
	Tags:      []string{"koupleless", "global-state", "reliability"},
	Precision: "very-high",
	Default:   SeverityCritical,
	Severity: map[facts.Role]Severity{
		facts.RoleModule: SeverityCritical, facts.RoleShared: SeverityCritical, facts.RolePrivate: SeverityCritical,
		facts.RoleBase: SeverityInfo,
	},
	Keywords: []string{"exit", "halt"},
	// A call of exit or halt, or one held as a method reference (the
	// summaries' terminating functional fields).
	Prefilter: func(src []byte) bool {
		return callNamed(src, "exit", "halt") || containsAny(src, "::exit", "::halt")
	},
	Calls: []string{"exit", "halt", "accept", "run", "apply"},
	Check: checkSystemExit,
	// The project pass reports the exits one call away: callers of a
	// helper of the project that ends the JVM.
	CheckProject: checkSystemExitCallers,
})

func checkSystemExit(p *Pass) {
	calls(p, func(c *facts.Call) {
		if !is(c, "java.lang.System", "exit") && !is(c, "java.lang.Runtime", "exit", "halt") {
			return
		}
		if uncalledPrivate(p, c.Span) {
			return // a private method nothing calls: never runs
		}
		image, imageRef := imageGuard(p, c)
		if image {
			return // only inside a native image: one app's own process
		}
		d := Diagnostic{
			Message: simpleOwner(c.Owner) + "." + c.Name + " terminates the JVM, and with it the base and every module",
			Span:    c.Span, Context: c.Context,
			// In code only main (or another entry point) reaches, the
			// process is the command line's own; not an app's main,
			// which the container runs in the shared JVM.
			EntrySensitive: !appEntry(p, c.Class),
			ImageRef:       imageRef,
		}
		if g, ok := guardOf(p, c); ok && g.Ref != nil {
			d.GuardRef = g.Ref // another class's flag: the scanner reads it
		} else if ok {
			if len(g.Writers) == 0 {
				return // its flag is off and nothing turns it on
			}
			// Only where the flag's writers run does the exit: when
			// only a command line reaches them, the process is its own.
			d.EntryGuards = g.Writers
			if g.Setter != "" {
				d.Severity = p.AtMost(SeverityLow)
				needs, def := "on", "off"
				if g.Off {
					needs, def = "off", "on"
				}
				d.Message += " (only when " + g.Field + " is turned " + needs + ", " + def + " by default: " + g.Setter + " lets whoever configures it opt in)"
			}
		}
		switch {
		case c.InMain:
			d.Severity = p.AtMost(SeverityLow)
			d.Message += " (in a main method: harmless only if this entry point never runs inside the shared JVM)"
		case hasMain(p.File, c.Class) && !appEntry(p, c.Class):
			// A command-line class's exits (its usage, its fatal
			// errors) end the command line's own process: a library
			// never calls its launcher.
			return
		}
		applyOptIn(p, &d, c.Span)
		p.Report(d)
	})
	fields := exitingFields(p.File)
	calls(p, func(c *facts.Call) {
		if c.InLambda || !functionalInvoke[c.Name] || fields[fieldName(c)] == "" {
			return
		}
		d := Diagnostic{
			Message: "invokes " + fieldName(c) + ", which holds " + fields[fieldName(c)] + ": it terminates the JVM, and with it the base and every module",
			Span:    c.Span, Context: c.Context, EntrySensitive: !appEntry(p, c.Class),
		}
		applyOptIn(p, &d, c.Span)
		p.Report(d)
	})
}

// functionalInvoke are the methods a functional interface is invoked by.
var functionalInvoke = map[string]bool{"accept": true, "run": true, "apply": true}

// fieldName is the simple name of the field a call's receiver names
// ("procedure", "ServiceUtils.procedure", "this.procedure").
func fieldName(c *facts.Call) string {
	if f := c.Recv.Field; f != nil {
		return f.Name
	}
	t := strings.TrimPrefix(c.Recv.Text, "this.")
	return t[strings.LastIndexByte(t, '.')+1:]
}

// exitingFields maps the static fields of the file that hold a function
// ending the JVM (initialised with System::exit, with a lambda that calls
// it, or with another such field) to what they hold.
func exitingFields(f *facts.File) map[string]string {
	out := map[string]string{}
	for _, fd := range f.Fields {
		if !fd.Static || fd.Init == nil || fd.Init.Kind != facts.ExprLambda {
			continue
		}
		if t := strings.ReplaceAll(fd.Init.Text, " ", ""); t == "System::exit" || t == "java.lang.System::exit" {
			out[fd.Name] = "System::exit"
			continue
		}
		for i := range f.Calls {
			c := &f.Calls[i]
			if (is(c, "java.lang.System", "exit") || is(c, "java.lang.Runtime", "exit", "halt")) && c.Span.Start >= fd.Init.Span.Start && c.Span.End <= fd.Init.Span.End {
				out[fd.Name] = "a function calling " + simpleOwner(c.Owner) + "." + c.Name
				break
			}
		}
	}
	for changed := true; changed; { // one field initialised from another
		changed = false
		for _, fd := range f.Fields {
			if !fd.Static || fd.Init == nil || fd.Init.Kind != facts.ExprName || out[fd.Name] != "" {
				continue
			}
			t := fd.Init.Text
			if v := out[t[strings.LastIndexByte(t, '.')+1:]]; v != "" {
				out[fd.Name] = v
				changed = true
			}
		}
	}
	return out
}

// checkSystemExitCallers reports the calls of project methods that end
// the JVM (a requestSystemExit(code) helper, a method invoking a static
// functional field initialised with System::exit), at the call, with the
// helper and its exit as related locations and flow.
func checkSystemExitCallers(p *ProjectPass) {
	if p.Graph == nil {
		return
	}
	var keys []facts.MethodKey
	for k, s := range p.Graph.Methods {
		if s.Terminates != nil {
			keys = append(keys, k)
		}
	}
	sortKeys(keys)
	for _, k := range keys {
		s := p.Graph.Methods[k]
		helper := simpleOwner(k.Class) + "." + k.Name
		exit := related(s.Terminates, "ends the JVM here")
		decl := related(&s.Decl, helper+" is declared here")
		for _, c := range p.Graph.Callers(k) {
			if c.Site.Path == s.Decl.Path && c.Caller.Class == k.Class && c.Caller.Name == k.Name {
				continue // recursion inside the helper itself
			}
			if c.GuardOff {
				// interp.setExitOnEOF(false); interp.run(): the exit
				// waits for a flag of the object the caller just
				// turned off.
				continue
			}
			d := Diagnostic{
				Message: "calls " + helper + ", which terminates the JVM (and with it the base and every module)",
				Span:    c.Site.Span, Context: c.Context, EntrySensitive: true,
				Related: []Related{local(decl, c.Site.Path), local(exit, c.Site.Path)},
				Flow:    []Related{local(related(&c.Site, "calls "+helper), c.Site.Path), local(decl, c.Site.Path), local(exit, c.Site.Path)},
			}
			if c.Context.InMain || p.Graph.Launcher(c.Caller.Class) {
				if !appEntryFile(p, c.Site.Path, c.Caller.Class) {
					continue // the command line's own process, as above
				}
				d.Severity = SeverityLow
				d.Message += " (in the application's main class: it runs inside the shared JVM)"
			}
			if o := s.OptIn; settledLater(o) {
				d.Pending = &facts.Pending{OptIn: o} // the helper's file decides
			} else if o != nil {
				// The helper ends the JVM only when whoever runs it opts in.
				d.Severity = SeverityLow
				d.Message += OptInNote(o)
			} else if o := c.OptIn; settledLater(o) {
				d.Pending = &facts.Pending{OptIn: o} // the switch's file decides
			} else if o != nil {
				// The call itself waits for an opt-in switch.
				d.Severity = SeverityLow
				d.Message += OptInNote(o)
			}
			p.Report(c.Site.Path, d)
		}
	}
}

// related is a site as a related location: a line of its file.
func related(s *facts.Site, msg string) Related {
	return Related{Path: s.Path, Span: s.Span, Line: s.Line, Message: msg}
}

// local makes a location in the diagnostic's own file (path) a span of
// it, placed exactly; elsewhere a line is all a related location keeps.
func local(r Related, path string) Related {
	if r.Path == path && r.Span.End > 0 {
		r.Path = ""
	}
	return r
}

// appEntryFile is appEntry in a project pass, which has facts and no
// text: a class annotated as a Spring Boot application, or one whose
// nest calls SpringApplication.run.
func appEntryFile(p *ProjectPass, path, class string) bool {
	for _, f := range p.Files {
		if f.Path != path {
			continue
		}
		for _, t := range f.TypeDecls {
			if !sameNest(t.Name, class) {
				continue
			}
			for _, a := range t.Annotations {
				if annotationIs(a, "SpringBootApplication") || annotationIs(a, "EnableAutoConfiguration") || annotationIs(a, "SpringBootConfiguration") {
					return true
				}
			}
		}
		for i := range f.Calls {
			if c := &f.Calls[i]; sameNest(c.Class, class) && is(c, "org.springframework.boot.SpringApplication", "run") {
				return true
			}
		}
	}
	return false
}

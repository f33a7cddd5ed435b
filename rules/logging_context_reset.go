package rules

import (
	"bytes"
	"strings"

	"github.com/kscan/kscan/rules/facts"
)

var loggingContextResetRule = register(&Rule{
	ID:     "logging-context-reset",
	Hazard: "§4",
	Title:  "Logging context reset, stopped or shut down",
	Summary: "Resetting or stopping a logging context, or shutting down a LogManager, tears down the loggers of " +
		"every app that shares that context: from shared or base code that is every module's logging; " +
		"java.util.logging's LogManager is one per JVM.",
	Tags:      []string{"koupleless", "logging"},
	Precision: "high",
	Default:   SeverityHigh,
	Severity: map[facts.Role]Severity{
		facts.RoleShared: SeverityHigh, facts.RoleBase: SeverityMedium, facts.RoleModule: SeverityMedium, facts.RolePrivate: SeverityMedium,
	},
	Keywords: []string{"reset", "stop", "shutdown", "close", "resetConfiguration", "removeHandler", "removeHandlersForRootLogger"},
	// Every owner the check knows is named in the file that calls it: as
	// written, imported, or as the type of the receiver (java.util.logging's
	// root Logger, SLF4JBridgeHandler).
	Prefilter: func(src []byte) bool {
		return containsAny(src, "LoggerContext", "LogManager", "Configurator", "java.util.logging", "SLF4JBridgeHandler")
	},
	Calls: []string{"reset", "stop", "shutdown", "close", "resetConfiguration", "removeHandler", "removeHandlersForRootLogger"},
	// The owners the check matches, name by name.
	CallOwners: map[string][]string{
		"reset":                       {"ch.qos.logback.classic.LoggerContext", "java.util.logging.LogManager"},
		"stop":                        {"ch.qos.logback.classic.LoggerContext", "org.apache.logging.log4j.core.LoggerContext"},
		"close":                       {"org.apache.logging.log4j.core.LoggerContext"},
		"shutdown":                    {"org.apache.logging.log4j.LogManager", "org.apache.logging.log4j.core.config.Configurator", "org.apache.log4j.LogManager"},
		"resetConfiguration":          {"org.apache.log4j.LogManager"},
		"removeHandler":               {"java.util.logging.Logger"},
		"removeHandlersForRootLogger": {"org.slf4j.bridge.SLF4JBridgeHandler"},
	},
	Check: checkLoggingContextReset,
})

// frameworkPackages are the packages of each logging framework: its own
// implementation of the stop and reset API (a context stopping itself, a
// selector dropping a context, its servlet listener) is the API, not a use
// of it; its callers are where the hazard is.
var frameworkPackages = map[string][]string{
	"ch.qos.logback.classic.LoggerContext": {"ch.qos.logback."},
	// log4j 2 ships its log4j 1.2 bridge (org.apache.log4j) too.
	"org.apache.logging.log4j.core.LoggerContext":       {"org.apache.logging.log4j.", "org.apache.log4j."},
	"org.apache.logging.log4j.LogManager":               {"org.apache.logging.log4j.", "org.apache.log4j."},
	"org.apache.logging.log4j.core.config.Configurator": {"org.apache.logging.log4j.", "org.apache.log4j."},
	"org.apache.log4j.LogManager":                       {"org.apache.log4j."},
	"org.slf4j.bridge.SLF4JBridgeHandler":               {"org.slf4j."},
}

// ownAPI reports a call of a framework's stop or reset API from that
// framework's own code.
func ownAPI(owner, pkg string) bool {
	for _, prefix := range frameworkPackages[owner] {
		if strings.HasPrefix(pkg+".", prefix) {
			return true
		}
	}
	return false
}

func checkLoggingContextReset(p *Pass) {
	rootVars := julRootLoggers(p.Src)
	calls(p, func(c *facts.Call) {
		if ownAPI(c.Owner, p.File.Package) {
			return
		}
		d := Diagnostic{Span: c.Span, Context: c.Context}
		switch {
		case is(c, "ch.qos.logback.classic.LoggerContext", "reset", "stop"):
			d.Message = "LoggerContext." + c.Name + "() tears down the logback context: without a per-app context selector that is every app's logging"
		case is(c, "org.apache.logging.log4j.core.LoggerContext", "stop", "close"):
			d.Message = "LoggerContext." + c.Name + "() stops a log4j2 context, which other apps may share through the base's loader"
		case is(c, "org.apache.logging.log4j.LogManager", "shutdown"), is(c, "org.apache.logging.log4j.core.config.Configurator", "shutdown"):
			d.Message = simpleOwner(c.Owner) + ".shutdown stops log4j2 contexts that other apps may share"
		case is(c, "org.apache.log4j.LogManager", "shutdown", "resetConfiguration"):
			d.Message = "log4j 1 LogManager." + c.Name + "() acts on the one hierarchy every app of the base's loader shares"
		case is(c, "java.util.logging.LogManager", "reset"):
			if perLoaderManagerGuard(p, c) {
				return
			}
			d.Message = "java.util.logging.LogManager.reset() removes every handler and level of the one JUL LogManager of the JVM, for the base and every module"
			if p.Role != facts.RoleBase {
				d.Severity = SeverityHigh
			}
		case is(c, "org.slf4j.bridge.SLF4JBridgeHandler", "removeHandlersForRootLogger"):
			d.Message = "SLF4JBridgeHandler.removeHandlersForRootLogger() removes the handlers of the JVM's one java.util.logging root logger, for the base and every module"
		case c.Name == "removeHandler" && julRoot(c, rootVars):
			d.Message = "removing a handler from the java.util.logging root logger changes the one JUL configuration of the JVM, for the base and every module"
		default:
			return
		}
		p.Report(d)
	})
}

// julRootRE is a variable given the java.util.logging root logger.
var julRootRE = lazyRE(`(\w+)\s*=\s*(?:java\.util\.logging\.)?(?:Logger\.getLogger|LogManager\.getLogManager\(\)\s*\.\s*getLogger)\(\s*""\s*\)`)

// julRootLoggers are the names the file gives the JUL root logger.
func julRootLoggers(src []byte) map[string]bool {
	out := map[string]bool{}
	// Every match names getLogger; compiled code's blank text never does,
	// and the regexp would otherwise scan all of it.
	if !bytes.Contains(src, []byte("getLogger")) {
		return out
	}
	for _, m := range julRootRE.FindAllSubmatch(src, -1) {
		out[string(m[1])] = true
	}
	return out
}

// julRoot reports a call on the java.util.logging root logger:
// Logger.getLogger("") (or the LogManager's getLogger("")) directly, a
// local variable initialised with it, or a variable the file assigns it to.
func julRoot(c *facts.Call, vars map[string]bool) bool {
	if c.Owner != "java.util.logging.Logger" && c.Owner != "" {
		return false
	}
	for _, x := range []*facts.Expr{&c.Recv, c.Recv.Local} {
		if x != nil && julRootRE.MatchString("r = "+strings.Join(strings.Fields(x.Text), "")) {
			return true
		}
	}
	return vars[strings.TrimPrefix(c.Recv.Text, "this.")]
}

// instanceofRE is a type test in a condition.
var instanceofRE = lazyRE(`\binstanceof\s+([\w.$]+)`)

// negatedTestRE ends the text before a type test that is negated:
// "!(manager " in !(manager instanceof X).
var negatedTestRE = lazyRE(`!\s*\(\s*[\w.()\s]*$`)

// perLoaderManagerGuard reports a java.util.logging reset that runs only
// when the LogManager is a subclass of it: a container's own manager,
// one per class loader (Tomcat's ClassLoaderLogManager), whose reset ends
// the calling app's loggers, not the JVM's. The call sits in the branch
// of "if (LogManager.getLogManager() instanceof X)", or after "if (!(m
// instanceof X)) return;".
func perLoaderManagerGuard(p *Pass, c *facts.Call) bool {
	m := enclosingMethodDecl(p, c.Span)
	if m == nil {
		return false
	}
	raw := p.Text(m.Decl)
	code := javaCode(raw) // same offsets, literals and comments blanked
	at := c.Span.Start - m.Decl.Start
	if at < 0 || at > len(code) {
		return false
	}
	recv := strings.Join(strings.Fields(c.Recv.Text), "")
	for _, i := range ifRE.FindAllStringIndex(code, -1) {
		open := i[1] - 1
		end := matchClose(code, open)
		if end < 0 || end > at {
			continue
		}
		cond := code[open+1 : end]
		if jdk, ok := jdkManagerTest(raw[open+1 : end]); ok {
			branchEnd := statementEnd(code, end+1)
			if !jdk && at < branchEnd {
				return true // if (manager is not the JDK's) reset();
			}
			if jdk && branchEnd <= at && leavesRE.MatchString(code[end+1:branchEnd]) {
				return true // if (manager is the JDK's) return; reset();
			}
			continue
		}
		t := instanceofRE.FindStringSubmatchIndex(cond)
		if t == nil || simpleName(cond[t[2]:t[3]]) == "LogManager" {
			continue
		}
		subject := cond[:t[0]]
		if !strings.Contains(subject, "getLogManager") && !(isIdentName(recv) && wordIn([]byte(subject), recv)) {
			continue
		}
		branchEnd := statementEnd(code, end+1)
		if negatedTestRE.MatchString(subject) {
			if branchEnd <= at && leavesRE.MatchString(code[end+1:branchEnd]) {
				return true
			}
		} else if at < branchEnd {
			return true
		}
	}
	return false
}

// jdkManagerTest reads a condition that compares the installed
// LogManager's class with the JDK's own (getClass() == LogManager.class, or
// its name equals "java.util.logging.LogManager"): ok when it is one, and
// jdk when it holds for the JDK's manager (false when negated).
func jdkManagerTest(cond string) (jdk, ok bool) {
	c := strings.Join(strings.Fields(cond), "")
	if !strings.Contains(c, "getLogManager()") || !strings.Contains(c, "getClass()") {
		return false, false
	}
	switch {
	case strings.Contains(c, "!=LogManager.class") || strings.Contains(c, "!=java.util.logging.LogManager.class"):
		return false, true
	case strings.Contains(c, "==LogManager.class") || strings.Contains(c, "==java.util.logging.LogManager.class"):
		return true, true
	case strings.Contains(c, `"java.util.logging.LogManager"`) && strings.Contains(c, ".equals("):
		return !strings.HasPrefix(c, "!"), true
	}
	return false, false
}

// leavesRE finds a statement that leaves the method: a branch ending in it
// guards what follows.
var leavesRE = lazyRE(`\b(?:return|throw)\b`)

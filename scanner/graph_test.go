package scanner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kscan/kscan/rules"
	"github.com/kscan/kscan/rules/facts"
	"github.com/kscan/kscan/scanner/callgraph"
	"github.com/kscan/kscan/scanner/finding"
)

// scanned writes a tree and runs the kinds of a scan over it.
func scanned(t *testing.T, files map[string]string) *env {
	t.Helper()
	root := writeTree(t, files)
	e, err := newEnv(&Options{Paths: []string{root}, Root: root, Rules: rules.All(), Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.run(context.Background(), newKinds(e.plan), false); err != nil {
		t.Fatal(err)
	}
	return e
}

// writeTree writes files (slash paths to contents) under a new temporary
// directory and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	fixWriteTree(t, root, files)
	return root
}

// graphOf runs the kinds of a scan over a tree and builds its call graph.
func graphOf(t *testing.T, files map[string]string, sensitive ...finding.Finding) (*env, *facts.CallGraph) {
	t.Helper()
	e := scanned(t, files)
	e.findings = append(e.findings, sensitive...)
	g, err := e.graphs.build(context.Background(), e.findings, graphOptions{jobs: 2, timeout: time.Minute, maxFileSize: DefaultMaxFileSize, types: e.index.types})
	if err != nil {
		t.Fatal(err)
	}
	return e, g
}

func TestGraphSummaries(t *testing.T) {
	_, g := graphOf(t, map[string]string{
		"src/main/java/u/ServiceUtils.java": `package u;
import java.util.function.Consumer;
public abstract class ServiceUtils {
    public static final Consumer<Integer> SYSTEM_EXIT = (code) -> { System.exit(code); };
    private static volatile Consumer<Integer> procedure = SYSTEM_EXIT;
    public static void requestSystemExit(int code) { procedure.accept(code); }
    public static void hook() { Runtime.getRuntime().addShutdownHook(new Thread(() -> System.exit(3))); }
}`,
		"src/main/java/s/Server.java": `package s;
import u.ServiceUtils;
public class Server {
    public void fatal() { ServiceUtils.requestSystemExit(1); }
    void unknown(Object o) { o.requestSystemExit(1); }
}`,
		"src/main/java/l/Loaders.java": `package l;
public final class Loaders {
    public static ClassLoader getClassLoaderOfClass(Class<?> c) { return c.getClassLoader(); }
    public static ClassLoader system() {
        return java.security.AccessController.doPrivileged((java.security.PrivilegedAction<ClassLoader>) () -> ClassLoader.getSystemClassLoader());
    }
    public static ClassLoader contextFirst() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : Loaders.class.getClassLoader();
    }
    public static Class<?> load(String name) throws ClassNotFoundException { return Class.forName(name); }
    // Own loader only for a malformed name; the helper's own loader API otherwise.
    public Class<?> inspect(String className) throws ClassNotFoundException {
        if (className.startsWith("[")) {
            return Class.forName(className);
        }
        return factory.loadApplicationClass(className);
    }
    private Factory factory;
    interface Factory { Class<?> loadApplicationClass(String n) throws ClassNotFoundException; }
}`,
		"src/main/java/l/Use.java": `package l;
public class Use {
    Class<?> a(String n) throws Exception { return Class.forName(n, true, Loaders.getClassLoaderOfClass(Use.class)); }
    Class<?> b(String n) throws Exception { return Loaders.load(n); }
}`,
	})
	want := map[string]func(*facts.Summary) bool{
		"u.ServiceUtils.requestSystemExit": func(s *facts.Summary) bool { return s != nil && s.Terminates != nil },
		"l.Loaders.getClassLoaderOfClass":  func(s *facts.Summary) bool { return s != nil && s.ArgLoader && s.ArgLoaderParam == 0 },
		"l.Loaders.system":                 func(s *facts.Summary) bool { return s != nil && s.ReturnsLoader == facts.LoaderSystem },
		"l.Loaders.contextFirst":           func(s *facts.Summary) bool { return s == nil }, // what the rules ask for: no summary to follow
		"l.Loaders.load":                   func(s *facts.Summary) bool { return s != nil && s.LoadsParam == 0 },
		"l.Loaders.inspect":                func(s *facts.Summary) bool { return s == nil || s.LoadsParam < 0 },
	}
	got := map[string]*facts.Summary{}
	for k, s := range g.Methods {
		got[k.Class+"."+k.Name] = s
	}
	for name, ok := range want {
		s := got[name]
		if !ok(s) {
			t.Errorf("%s: summary %+v", name, s)
		}
	}
	if s := got["u.ServiceUtils.hook"]; s != nil && s.Terminates != nil {
		t.Errorf("a shutdown hook's body ends the JVM when the hook runs, not when hook() does: %+v", s)
	}
	// The callers: Server.fatal resolves through the type name; a call on a
	// receiver of unknown type is never guessed.
	calls := g.Callers(facts.MethodKey{Class: "u.ServiceUtils", Name: "requestSystemExit", Arity: 1})
	if len(calls) != 1 || calls[0].Caller.Class != "s.Server" || calls[0].Caller.Name != "fatal" {
		t.Errorf("callers of requestSystemExit: %+v", calls)
	}
	if calls := g.Callers(facts.MethodKey{Class: "l.Loaders", Name: "getClassLoaderOfClass", Arity: 1}); len(calls) != 1 {
		t.Errorf("callers of getClassLoaderOfClass: %+v", calls)
	}
}

// Code that only main reaches runs in a process of its own: entry-only.
// A public method of a library class, a cycle with no entry, and a helper
// also called from library code are not.
func TestGraphEntryOnly(t *testing.T) {
	e, g := graphOf(t, map[string]string{
		"src/main/java/c/Main.java": `package c;
public class Main {
    public static void main(String[] args) { run(args); }
    private static void run(String[] args) { usage(); System.exit(2); }
    static void usage() { System.setProperty("x", "y"); }
    private void a() { b(); System.exit(1); }
    private void b() { a(); }
}`,
		"src/main/java/c/Lib.java": `package c;
public class Lib {
    public void stop() { System.exit(0); }
    private void helper() { System.exit(4); }
    public void api() { helper(); }
}`,
	}, finding.Finding{RuleID: "system-property-mutation", Class: "c.Main", Method: "usage", EntrySensitive: true})
	for _, tc := range []struct {
		class, method string
		want          bool
	}{
		{"c.Main", "main", true},
		{"c.Main", "run", true},
		{"c.Main", "usage", true}, // package-private, but in a launcher class
		{"c.Main", "a", false},    // only a cycle reaches it
		{"c.Lib", "stop", false},  // public API of a library class
		{"c.Lib", "helper", false},
	} {
		if got := g.OnlyFromEntry(tc.class, tc.method); got != tc.want {
			t.Errorf("%s.%s: entry-only %v, want %v", tc.class, tc.method, got, tc.want)
		}
	}
	// A command-line class is known with its nest; a library class is not.
	for class, want := range map[string]bool{"c.Main": true, "c.Main$Inner": true, "c.Lib": false, "c.Mainly": false} {
		if got := g.Launcher(class); got != want {
			t.Errorf("Launcher(%s) = %v, want %v", class, got, want)
		}
	}
	_ = e
}

// A 10,000-deep chain of private helpers, main at the top, an exit at the
// bottom: the search for callers stops after callgraph.MaxDepth rounds,
// so the exit is not proven entry-only (it stays reported) and the cost is
// bounded by the rounds, not by the chain.
func TestGraphDeepChain(t *testing.T) {
	const n = 10000
	var b strings.Builder
	b.WriteString("package d;\npublic class Chain {\n    public static void main(String[] a) { m0(); }\n")
	for i := 0; i < n-1; i++ {
		fmt.Fprintf(&b, "    private static void m%d() { m%d(); }\n", i, i+1)
	}
	fmt.Fprintf(&b, "    private static void m%d() { System.exit(1); }\n", n-1)
	b.WriteString("    private static void r1() { r2(); System.exit(2); }\n    private static void r2() { r1(); }\n}\n")
	_, g := graphOf(t, map[string]string{"src/main/java/d/Chain.java": b.String()})
	last := fmt.Sprintf("m%d", n-1)
	if s := g.Summary(facts.MethodKey{Class: "d.Chain", Name: last, Arity: 0}); s == nil || s.Terminates == nil {
		t.Fatalf("the exit at the bottom of the chain: %+v", s)
	}
	if g.OnlyFromEntry("d.Chain", last) {
		t.Errorf("%s proven entry-only beyond the depth bound", last)
	}
	if g.OnlyFromEntry("d.Chain", "r1") {
		t.Error("mutual recursion made r1 entry-only")
	}
	if n := len(g.EntryOnly); n > callgraph.MaxDepth+2 {
		t.Errorf("%d methods decided entry-only: the search went past its bound", n)
	}
}

// A wrapper of a loader helper (netty's PlatformDependent over
// PlatformDependent0) inherits its loader, and a caller's call site tells
// the lookup its result feeds, directly or through a local.
func TestGraphLoaderWrappersAndUses(t *testing.T) {
	_, g := graphOf(t, map[string]string{
		"src/main/java/n/PlatformDependent0.java": `package n;
final class PlatformDependent0 {
    static ClassLoader getSystemClassLoader() { return ClassLoader.getSystemClassLoader(); }
}`,
		"src/main/java/n/PlatformDependent.java": `package n;
public final class PlatformDependent {
    public static ClassLoader getSystemClassLoader() { return PlatformDependent0.getSystemClassLoader(); }
    public static ClassLoader getClassLoader(Class<?> c) { return c.getClassLoader(); }
    public static ClassLoader other() { return Helper.getClassLoader(); }
}`,
		"src/main/java/n/Use.java": `package n;
public class Use {
    Class<?> a(String n) throws Exception { return Class.forName(n, true, PlatformDependent.getSystemClassLoader()); }
    Class<?> b(String n) throws Exception {
        ClassLoader cl = PlatformDependent.getClassLoader(Use.class);
        return cl.loadClass(n);
    }
    ClassLoader c() { return PlatformDependent.getSystemClassLoader(); }
}`,
	})
	s := g.Summary(facts.MethodKey{Class: "n.PlatformDependent", Name: "getSystemClassLoader", Arity: 0})
	if s == nil || s.ReturnsLoader != facts.LoaderSystem || s.Via == nil || s.Via.Class != "n.PlatformDependent0" || s.LoaderAt == nil || s.LoaderAt.Path != "src/main/java/n/PlatformDependent0.java" {
		t.Fatalf("wrapper summary: %+v", s)
	}
	if s := g.Summary(facts.MethodKey{Class: "n.PlatformDependent", Name: "other", Arity: 0}); s != nil {
		t.Errorf("a wrapper of an unknown method got a summary: %+v", s)
	}
	uses := map[string]string{}
	for _, k := range []facts.MethodKey{s.Method, {Class: "n.PlatformDependent", Name: "getClassLoader", Arity: 1}} {
		for _, cs := range g.Callers(k) {
			u := "-"
			if cs.Use != nil {
				u = cs.Use.Name
			}
			uses[cs.Caller.Name] = u
		}
	}
	want := map[string]string{"a": "forName", "b": "loadClass", "c": "-"}
	for m, w := range want {
		if uses[m] != w {
			t.Errorf("caller %s: use %q, want %q (all: %v)", m, uses[m], w, uses)
		}
	}
}

// The search for callers stops at its bound of parsed files, at the same
// files every run (in path order), and says so.
func TestGraphSearchBound(t *testing.T) {
	files := map[string]string{
		"src/main/java/u/Exit.java": "package u;\npublic class Exit { public static void now(int c) { System.exit(c); } }\n",
	}
	for i := 0; i < 6; i++ {
		files[fmt.Sprintf("src/main/java/c/C%d.java", i)] = fmt.Sprintf("package c;\npublic class C%d { void f() { u.Exit.now(%d); } }\n", i, i)
	}
	for _, bound := range []int{0, 3} {
		e := scanned(t, files)
		g, err := e.graphs.build(context.Background(), e.findings, graphOptions{jobs: 2, timeout: time.Minute,
			maxFileSize: DefaultMaxFileSize, types: e.index.types, maxFiles: bound})
		if err != nil {
			t.Fatal(err)
		}
		callers := g.Callers(facts.MethodKey{Class: "u.Exit", Name: "now", Arity: 1})
		var got []string
		for _, c := range callers {
			got = append(got, c.Caller.Class)
		}
		switch bound {
		case 0:
			if len(callers) != 6 || e.graphs.stopped {
				t.Errorf("no bound: callers %v, stopped %v", got, e.graphs.stopped)
			}
		default:
			if !e.graphs.stopped || e.graphs.parsed != bound || len(callers) != bound {
				t.Errorf("bound %d: parsed %d, stopped %v, callers %v", bound, e.graphs.parsed, e.graphs.stopped, got)
			}
			for i, c := range got {
				if want := fmt.Sprintf("c.C%d", i); c != want {
					t.Errorf("bound %d: caller %d is %s, want %s (path order)", bound, i, c, want)
				}
			}
		}
	}
}

// The launchers read for the entry points do not count against the
// search's bound: every launcher is read, by a rule or for the graph, and
// counting those no rule parsed would let a pre-filter decide how far the
// search goes.
func TestGraphSearchBoundLaunchers(t *testing.T) {
	files := map[string]string{
		"src/main/java/u/Exit.java": "package u;\npublic class Exit { public static void now(int c) { System.exit(c); } }\n",
	}
	for i := 0; i < 6; i++ {
		files[fmt.Sprintf("src/main/java/c/C%d.java", i)] = fmt.Sprintf("package c;\npublic class C%d { void f() { u.Exit.now(%d); } }\n", i, i)
	}
	for i := 0; i < 4; i++ {
		// Launchers of their own package, calling nothing the search asks for.
		files[fmt.Sprintf("src/main/java/l/Main%d.java", i)] = fmt.Sprintf("package l;\npublic class Main%d { public static void main(String[] a) { int n = a.length; } }\n", i)
	}
	e := scanned(t, files)
	launchers := 0
	for _, s := range e.graphs.sources {
		if s.launcher {
			launchers++
		}
	}
	if launchers != 4 {
		t.Fatalf("%d launchers left to the graph, want the 4 no rule parsed", launchers)
	}
	g, err := e.graphs.build(context.Background(), e.findings, graphOptions{jobs: 2, timeout: time.Minute,
		maxFileSize: DefaultMaxFileSize, types: e.index.types, maxFiles: 3})
	if err != nil {
		t.Fatal(err)
	}
	if callers := g.Callers(facts.MethodKey{Class: "u.Exit", Name: "now", Arity: 1}); len(callers) != 3 || e.graphs.parsed != 3 {
		t.Errorf("bound 3 with 4 launchers read: parsed %d, %d callers; want 3 and 3", e.graphs.parsed, len(callers))
	}
}

// A launcher that drives a class by constant names through reflection
// (Tomcat's Bootstrap over Catalina): the methods it calls by name are
// reached only from main, and so is a public helper only that code calls.
// A reflective call from library code proves nothing, a method with
// another caller or with none stays reachable, and a name several classes
// declare is not guessed.
func TestGraphReflectiveLaunch(t *testing.T) {
	_, g := graphOf(t, map[string]string{
		"src/main/java/b/Bootstrap.java": `package b;
import java.lang.reflect.Method;
public final class Bootstrap {
    private static final String STARTUP = "b.Server";
    private Object daemon;
    public static void main(String[] args) throws Exception {
        Bootstrap b = new Bootstrap();
        b.init();
        b.stopServer(args);
        b.status();
    }
    public void init() throws Exception {
        ClassLoader loader = Bootstrap.class.getClassLoader();
        Class<?> startup = loader.loadClass(STARTUP);
        Object o = startup.getConstructor().newInstance();
        String name = "configure";
        Method m = startup.getMethod(name, String.class);
        m.invoke(o, "x");
        daemon = o;
    }
    public void stopServer(String[] args) throws Exception {
        Method m = daemon.getClass().getMethod("stopServer", String[].class);
        m.invoke(daemon, (Object) args);
    }
    public void status() throws Exception {
        daemon.getClass().getMethod("report").invoke(daemon);
    }
}`,
		"src/main/java/b/Server.java": `package b;
public class Server {
    public void configure(String s) { Options.parse(s); }
    public void stopServer(String[] a) { System.exit(1); }
    public void report() { System.out.println("up"); }
    public void shared() { System.setProperty("a", "b"); }
}`,
		"src/main/java/b/Options.java": `package b;
public class Options {
    public static void parse(String s) { System.setProperty("opt", s); }
    public static void usage() { System.out.println("usage"); }
}`,
		"src/main/java/b/Other.java": `package b;
public class Other {
    public void report() { System.out.println("other"); }
}`,
		"src/main/java/s/Shell.java": `package s;
public class Shell {
    public static void main(String[] args) { new Shell(args).run(); }
    public Shell(String[] args) { connect(args[0]); }
    protected void connect(String host) { System.exit(2); }
    void run() { System.out.println(">"); execute("ls"); }
    // A command loop: execute and process call each other.
    public void execute(String line) { process(line); }
    protected void process(String line) { if (line.isEmpty()) { execute("help"); } System.exit(0); }
    public void start() { System.out.println("started"); }
}`,
		"src/main/java/s/Base.java": `package s;
public class Base {
    public static void main(String[] args) { new Base(); }
    public Base() { System.out.println("base"); }
}`,
		"src/main/java/s/Sub.java": `package s;
public class Sub extends Base {
    public Sub() { }
}`,
		"src/main/java/s/Node.java": `package s;
public class Node implements Runnable {
    private final String name;
    public Node(String name) { this.name = name; }
    public void run() { System.out.println(name); }
    public static void dump() { System.out.println("static"); }
}`,
		"src/main/java/s/NodeServer.java": `package s;
public class NodeServer {
    public static void main(String[] args) { new Thread(new Node(args[0])).start(); }
}`,
		"src/main/java/lib/Task.java": `package lib;
public class Task implements Runnable {
    public Task() { }
    public void run() { System.out.println("task"); }
    public static void main(String[] args) { new Task().run(); }
}`,
		"src/main/java/lib/Pool.java": `package lib;
public class Pool {
    public void submit() { new Thread(new Task()).start(); }
}`,
		"src/main/java/lib/Api.java": `package lib;
public class Api {
    public void handle() throws Exception { Class.forName("lib.Worker").getMethod("work").invoke(null); }
    public void both() { Helper.log(); }
}`,
		"src/main/java/lib/Worker.java": `package lib;
public class Worker {
    public static void work() { System.out.println("w"); }
}`,
		"src/main/java/lib/Helper.java": `package lib;
public class Helper {
    public static void log() { System.out.println("h"); }
    public static void main(String[] a) { log(); }
}`,
	})
	for _, tc := range []struct {
		class, method string
		want          bool
	}{
		{"b.Bootstrap", "stopServer", true},
		{"b.Server", "stopServer", true}, // by name through an object of unknown class: the one other declarer
		{"b.Server", "configure", true},  // by a constant name held in a local, on a class loaded by a constant
		{"b.Options", "parse", true},     // a public helper only entry-only code calls
		{"b.Server", "report", true},     // two classes declare report, one of them the class Bootstrap creates by name
		{"b.Options", "usage", false},    // no callers: an API
		{"b.Server", "shared", false},
		{"s.Shell", "<init>", true},   // created only by main
		{"s.Shell", "connect", true},  // called only by that constructor
		{"s.Shell", "start", true},    // a launcher's service-wrapper entry point (jsvc)
		{"s.Shell", "process", true},  // in a cycle main alone reaches
		{"s.Base", "<init>", false},   // a subclass's constructor runs it too
		{"s.Node", "run", true},       // an instance method of a class only main creates
		{"s.Node", "dump", false},     // static, no callers: an API, whoever creates Nodes
		{"lib.Task", "run", false},    // library code creates Tasks too
		{"lib.Worker", "work", false}, // called by name from library code
		{"lib.Helper", "log", false},  // main calls it, and so does library code
	} {
		if got := g.OnlyFromEntry(tc.class, tc.method); got != tc.want {
			t.Errorf("%s.%s: entry-only %v, want %v", tc.class, tc.method, got, tc.want)
		}
	}
}

// A launcher that does nothing a rule looks for is parsed by no rule; the
// entry-point search must know it all the same, or the public method it
// calls beside it is never followed up and what only main reaches stays
// reported.
func TestGraphQuietLauncher(t *testing.T) {
	_, g := graphOf(t, map[string]string{
		"src/main/java/org/acme/tool/NewDriver.java": `package org.acme.tool;
public final class NewDriver {
    public static void main(String[] args) throws Exception {
        new Tool().start(args);
    }
}`,
		"src/main/java/org/acme/tool/Tool.java": `package org.acme.tool;
public class Tool {
    public void start(String[] args) {
        if (args.length > 0) {
            startNonGui(args);
        }
    }
    private void startNonGui(String[] args) {
        System.setProperty("tool.mode", args[0]);
    }
    public void api(String mode) {
        System.setProperty("tool.mode", mode);
    }
}`,
	}, finding.Finding{RuleID: "system-property-mutation", Class: "org.acme.tool.Tool", Method: "startNonGui", EntrySensitive: true},
		finding.Finding{RuleID: "system-property-mutation", Class: "org.acme.tool.Tool", Method: "api", EntrySensitive: true})
	for _, tc := range []struct {
		method string
		want   bool
	}{{"start", true}, {"startNonGui", true}, {"api", false}} {
		if got := g.OnlyFromEntry("org.acme.tool.Tool", tc.method); got != tc.want {
			t.Errorf("Tool.%s: entry-only %v, want %v", tc.method, got, tc.want)
		}
	}
	if !g.Launcher("org.acme.tool.NewDriver") {
		t.Error("NewDriver is not known as a launcher")
	}
}

// A call on what a static accessor returns (a singleton's getInstance())
// resolves to the accessor's class: the launcher's chain through it is
// followed to main.
func TestGraphSingletonAccessor(t *testing.T) {
	_, g := graphOf(t, map[string]string{
		"src/main/java/org/acme/tool/Main.java": `package org.acme.tool;
public class Main {
    public static void main(String[] args) throws Exception {
        new Main().process(args);
    }
    public void process(String[] args) {
        StartLog.getInstance().initialize(args);
    }
}`,
		"src/main/java/org/acme/tool/StartLog.java": `package org.acme.tool;
public class StartLog {
    private static final StartLog INSTANCE = new StartLog();
    public static StartLog getInstance() { return INSTANCE; }
    public void initialize(String[] args) {
        initLogFile(args[0]);
    }
    public void initLogFile(String f) {
        System.setOut(null);
    }
    public void api(String f) {
        System.setOut(null);
    }
}`,
	}, finding.Finding{RuleID: "jvm-global-default-mutation", Class: "org.acme.tool.StartLog", Method: "initLogFile", EntrySensitive: true},
		finding.Finding{RuleID: "jvm-global-default-mutation", Class: "org.acme.tool.StartLog", Method: "api", EntrySensitive: true})
	for method, want := range map[string]bool{"initialize": true, "initLogFile": true, "api": false} {
		if got := g.OnlyFromEntry("org.acme.tool.StartLog", method); got != want {
			t.Errorf("StartLog.%s: entry-only %v, want %v", method, got, want)
		}
	}
}

// A command-line tool the scope sets aside is not scanned, but its calls
// still make a production method entry-only (Groovy's GroovyStarter and
// the LoaderConfiguration it configures).
func TestGraphSetAsideToolCalls(t *testing.T) {
	e, g := graphOf(t, map[string]string{
		"src/main/java/t/tools/Starter.java": `package t.tools;
public class Starter {
    public static void main(String[] args) {
        if (args.length == 0) {
            System.exit(1);
        }
        new LoaderConfiguration().configure(args[0]);
    }
}`,
		"src/main/java/t/tools/LoaderConfiguration.java": `package t.tools;
public class LoaderConfiguration {
    public void configure(String s) { System.setProperty("t.home", s); }
    public String[] urls() { return new String[0]; }
}`,
		"src/main/java/t/Compiler.java": `package t;
import t.tools.LoaderConfiguration;
public class Compiler {
    String[] path() { return new LoaderConfiguration().urls(); }
}`,
	}, finding.Finding{RuleID: "system-property-mutation", Class: "t.tools.LoaderConfiguration", Method: "configure", EntrySensitive: true})
	var tool int
	for _, c := range e.tally.Reasons() {
		if c.Class.String() == "command-line tool" {
			tool += c.N
		}
	}
	if tool != 1 {
		t.Errorf("command-line tools counted: %d, want 1 (Starter): %v", tool, e.tally.Reasons())
	}
	if !g.OnlyFromEntry("t.tools.LoaderConfiguration", "configure") {
		t.Error("LoaderConfiguration.configure: not entry-only, want entry-only through the set-aside Starter.main")
	}
	for _, f := range dropGraphOnly(append([]finding.Finding{{RuleID: "system-exit", Path: "src/main/java/t/tools/Starter.java"},
		{RuleID: "system-exit", Path: "src/main/java/t/Compiler.java"}}, e.findings...), e.toolOnly) {
		if f.Path == "src/main/java/t/tools/Starter.java" {
			t.Errorf("a finding in the set-aside tool is kept: %+v", f)
		}
	}
}

// A whole scan reports nothing in a set-aside command-line tool, not even
// its calls of the project's terminating helper, and reports them again
// with --include non-production.
func TestScanSetAsideToolNotReported(t *testing.T) {
	dir := t.TempDir()
	for p, body := range map[string]string{
		"src/main/java/t/tools/Dump.java": `package t.tools;
public class Dump {
    public static void main(String[] args) {
        if (args.length == 0) {
            t.Exits.fail(2);
        }
        System.setOut(System.err);
    }
    public Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name);
    }
}`,
		"src/main/java/t/tools/Gen.java": `package t.tools;
public class Gen {
    public static void generateExtend(String[] args) { generate(args); }
    static void generate(String[] args) {
        if (args.length == 0) {
            System.exit(-1);
        }
    }
}`,
		"src/main/java/t/tools/GenMain.java": `package t.tools;
public class GenMain {
    public static void main(String[] args) { Gen.generateExtend(args); }
}`,
		"src/main/java/t/Exits.java": `package t;
public final class Exits {
    public static void fail(int code) { System.exit(code); }
}`,
		"src/main/java/t/Api.java": `package t;
public class Api {
    public void stop() { Exits.fail(1); }
}`,
	} {
		abs := filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(abs), 0o755)
		os.WriteFile(abs, []byte(body), 0o644)
	}
	in := func(res *Result) (tool, api int) {
		for _, f := range res.Findings {
			switch f.Path {
			case "src/main/java/t/tools/Dump.java", "src/main/java/t/tools/Gen.java", "src/main/java/t/tools/GenMain.java":
				tool++
			case "src/main/java/t/Api.java":
				api++
			}
		}
		return
	}
	if tool, api := in(scanDir(t, dir, Options{})); tool != 0 || api == 0 {
		t.Errorf("default scope: %d findings in the tool (want 0), %d in Api (want some)", tool, api)
	}
	if tool, _ := in(scanDir(t, dir, Options{IncludeNonProduction: true})); tool == 0 {
		t.Error("--include non-production: no finding in the tool, want its Class.forName")
	}
}

// An Ant task is set aside as build-tool code but read for the call
// graph: its execute is an entry point, so a class only it creates runs
// inside Ant, and what that class does is the build's process's.
func TestGraphBuildToolLauncher(t *testing.T) {
	e, g := graphOf(t, map[string]string{
		"src/main/java/org/acme/ant/RunTask.java": `package org.acme.ant;
import org.apache.tools.ant.Task;
public class RunTask extends Task {
    public void execute() {
        new ServerProxy().start("8080");
    }
}`,
		"src/main/java/org/acme/ant/ServerProxy.java": `package org.acme.ant;
public class ServerProxy {
    public void start(String port) {
        System.setProperty("acme.port", port);
    }
}`,
		"src/main/java/org/acme/ant/Api.java": `package org.acme.ant;
public class Api {
    public void configure(String port) {
        System.setProperty("acme.port", port);
    }
}`,
	}, finding.Finding{RuleID: "system-property-mutation", Class: "org.acme.ant.ServerProxy", Method: "start", EntrySensitive: true},
		finding.Finding{RuleID: "system-property-mutation", Class: "org.acme.ant.Api", Method: "configure", EntrySensitive: true})
	if !g.OnlyFromEntry("org.acme.ant.ServerProxy", "start") {
		t.Error("ServerProxy.start: not entry-only, want entry-only through the set-aside RunTask.execute")
	}
	if g.OnlyFromEntry("org.acme.ant.Api", "configure") {
		t.Error("Api.configure: entry-only, want open (nothing in the project calls it)")
	}
	if !e.toolOnly["src/main/java/org/acme/ant/RunTask.java"] {
		t.Error("RunTask.java is not read for the graph alone")
	}
}

// A finding whose hazard is turned on by other methods (the writers of the
// flag guarding an exit) is dropped when only entry points reach all of
// them, and kept when one of them is open.
func TestDropEntryOnlyGuards(t *testing.T) {
	_, g := graphOf(t, map[string]string{
		"src/main/java/org/acme/cli/Main.java": `package org.acme.cli;
public class Main {
    public static void main(String[] args) {
        Console.create().setBatch(true);
    }
}`,
		"src/main/java/org/acme/cli/Console.java": `package org.acme.cli;
public class Console {
    private boolean batch;
    private boolean quit;
    public static Console create() { return new Console(); }
    void setBatch(boolean on) { batch = on; }
    public void setQuit(boolean on) { quit = on; }
    public void finish() {
        if (batch) { System.exit(0); }
        if (quit) { System.exit(1); }
    }
}`,
	}, finding.Finding{RuleID: "system-exit", Class: "org.acme.cli.Console", Method: "finish", EntrySensitive: true,
		EntryGuards: []facts.MethodKey{{Class: "org.acme.cli.Console", Name: "setBatch", Arity: -1}}},
		finding.Finding{RuleID: "system-exit", Class: "org.acme.cli.Console", Method: "finish", EntrySensitive: true,
			EntryGuards: []facts.MethodKey{{Class: "org.acme.cli.Console", Name: "setQuit", Arity: -1}}},
		finding.Finding{RuleID: "system-exit", Class: "org.acme.cli.Console", Method: "finish", EntrySensitive: true})
	var fs []finding.Finding
	for _, guard := range []string{"setBatch", "setQuit", ""} {
		f := finding.Finding{RuleID: "system-exit", Class: "org.acme.cli.Console", Method: "finish", EntrySensitive: true, Message: guard}
		if guard != "" {
			f.EntryGuards = []facts.MethodKey{{Class: "org.acme.cli.Console", Name: guard, Arity: -1}}
		}
		fs = append(fs, f)
	}
	var kept []string
	for _, f := range dropEntryOnly(fs, g) {
		kept = append(kept, f.Message)
	}
	if strings.Join(kept, ",") != "setQuit," {
		t.Errorf("kept %q, want the findings guarded by setQuit and unguarded", kept)
	}
}

// An Ant task or a Maven goal through the project's own base class in
// another file is a build-tool entry: its execute, the hooks its base's
// execute calls and what only they reach run in the build's process. A
// class of the same package no task uses keeps its API open.
func TestGraphBuildToolBaseChain(t *testing.T) {
	_, g := graphOf(t, map[string]string{
		"src/main/java/org/acme/ant/BaseProxyTask.java": `package org.acme.ant;
import org.apache.tools.ant.Task;
public abstract class BaseProxyTask extends Task {
    public void execute() { install(); }
    protected abstract void install();
}`,
		"src/main/java/org/acme/ant/ProxyTask.java": `package org.acme.ant;
public class ProxyTask extends BaseProxyTask {
    protected void install() { java.net.Authenticator.setDefault(null); }
}`,
		"src/main/java/org/acme/plugin/BaseMojo.java": `package org.acme.plugin;
public abstract class BaseMojo extends org.apache.maven.plugin.AbstractMojo {
}`,
		"src/main/java/org/acme/plugin/RunMojo.java": `package org.acme.plugin;
public class RunMojo extends BaseMojo {
    public void execute() { Props.apply("8080"); }
}`,
		"src/main/java/org/acme/plugin/Props.java": `package org.acme.plugin;
public class Props {
    static void apply(String port) { System.setProperty("acme.port", port); }
    public void api(String port) { System.setProperty("acme.port", port); }
}`,
	}, finding.Finding{RuleID: "jvm-global-default-mutation", Class: "org.acme.ant.ProxyTask", Method: "install", EntrySensitive: true},
		finding.Finding{RuleID: "system-property-mutation", Class: "org.acme.plugin.Props", Method: "apply", EntrySensitive: true},
		finding.Finding{RuleID: "system-property-mutation", Class: "org.acme.plugin.Props", Method: "api", EntrySensitive: true})
	for _, tc := range []struct {
		class, method string
		want          bool
	}{
		{"org.acme.ant.ProxyTask", "install", true},
		{"org.acme.plugin.RunMojo", "execute", true},
		{"org.acme.plugin.Props", "apply", true},
		{"org.acme.plugin.Props", "api", false},
	} {
		if got := g.OnlyFromEntry(tc.class, tc.method); got != tc.want {
			t.Errorf("%s.%s: entry-only %v, want %v", tc.class, tc.method, got, tc.want)
		}
	}
}

package scanner

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/kscan/kscan/scanner/finding"
)

// A code generator only a command line runs: main calls the generator,
// which calls a utility's three-argument forName, which calls its own
// one-argument overload, which loads the class. Overloads share a name,
// so the chain is followed by name; the utility sits in a package of its
// own, away from the launcher, and is called from nowhere else.
func TestGraphEntryOnlyOverloadChain(t *testing.T) {
	_, g := graphOf(t, map[string]string{
		"src/main/java/org/acme/gen/Main.java": `package org.acme.gen;
import org.acme.codegen.Generator;
public class Main {
    public static void main(String[] args) throws Exception {
        new Generator().generate(args[0], args);
    }
}`,
		"src/main/java/org/acme/codegen/Generator.java": `package org.acme.codegen;
import org.acme.util.ClassUtil;
public class Generator {
    public void generate(String name, String[] imports) throws Exception {
        Class<?> c = ClassUtil.forName(name, imports, new String[0]);
        System.out.println(c);
    }
}`,
		"src/main/java/org/acme/util/ClassUtil.java": `package org.acme.util;
public final class ClassUtil {
    private ClassUtil() { }
    public static Class<?> forName(String name, String[] imports, String[] packages) throws ClassNotFoundException {
        for (String p : packages) {
            try {
                return forName(p + "." + name);
            } catch (ClassNotFoundException e) {
                // next
            }
        }
        return forName(name);
    }
    public static Class<?> forName(String name) throws ClassNotFoundException {
        return Class.forName(name);
    }
}`,
	}, finding.Finding{RuleID: "class-forname-caller-loader", Class: "org.acme.util.ClassUtil", Method: "forName", EntrySensitive: true},
		finding.Finding{RuleID: "stdout-usage", Class: "org.acme.codegen.Generator", Method: "generate", EntrySensitive: true})
	for _, tc := range []struct {
		class, method string
		want          bool
	}{
		{"org.acme.codegen.Generator", "generate", true},
		{"org.acme.util.ClassUtil", "forName", true},
	} {
		if got := g.OnlyFromEntry(tc.class, tc.method); got != tc.want {
			t.Errorf("%s.%s: entry-only %v, want %v", tc.class, tc.method, got, tc.want)
		}
	}
}

// An application's main class started by a tiny launcher through
// reflection: Class.forName of a constant, getMethod("start").invoke. A
// command-line option of start runs a server mode whose class prints.
func TestGraphReflectiveStartServerMode(t *testing.T) {
	_, g := graphOf(t, map[string]string{
		"src/main/java/org/acme/launch/Launch.java": `package org.acme.launch;
import java.lang.reflect.Method;
public final class Launch {
    public static void main(String[] args) throws Exception {
        Class<?> app = Class.forName("org.acme.app.App");
        Method start = app.getMethod("start", String[].class);
        start.invoke(null, (Object) args);
    }
}`,
		"src/main/java/org/acme/app/App.java": `package org.acme.app;
import org.acme.remote.RemoteEngineImpl;
public class App {
    public static void start(String[] args) throws Exception {
        for (String a : args) {
            if (a.equals("-s")) {
                RemoteEngineImpl e = new RemoteEngineImpl(1099);
                e.serve();
            }
        }
    }
}`,
		"src/main/java/org/acme/remote/RemoteEngine.java": `package org.acme.remote;
public interface RemoteEngine {
    void serve() throws Exception;
}`,
		"src/main/java/org/acme/remote/RemoteEngineImpl.java": `package org.acme.remote;
public class RemoteEngineImpl implements RemoteEngine {
    private final int port;
    public RemoteEngineImpl(int port) {
        this.port = port;
        System.out.println("engine on " + port);
    }
    @Override
    public void serve() {
        System.out.println("serving " + port);
    }
}`,
	}, finding.Finding{RuleID: "stdout-usage", Class: "org.acme.remote.RemoteEngineImpl", Method: "<init>", EntrySensitive: true},
		finding.Finding{RuleID: "stdout-usage", Class: "org.acme.remote.RemoteEngineImpl", Method: "serve", EntrySensitive: true})
	for _, tc := range []struct {
		class, method string
		want          bool
	}{
		{"org.acme.app.App", "start", true},
		{"org.acme.remote.RemoteEngineImpl", "<init>", true},
		{"org.acme.remote.RemoteEngineImpl", "serve", true},
	} {
		if got := g.OnlyFromEntry(tc.class, tc.method); got != tc.want {
			t.Errorf("%s.%s: entry-only %v, want %v", tc.class, tc.method, got, tc.want)
		}
	}
}

// A class only tool code names is tool code as a whole: its public
// methods no call reaches are entry-only. A class nothing names, one
// library code names too (even in a field, or only in a comment of
// library code: that is no use), and a public class of a package with no
// launcher are not.
func TestGraphToolOnlyClass(t *testing.T) {
	_, g := graphOf(t, map[string]string{
		// A command-line tool the scope sets aside (a tools package only
		// its main uses).
		"src/main/java/org/acme/tools/ClassLister.java": `package org.acme.tools;
import org.acme.inspect.*;
public class ClassLister {
    public static void main(String[] args) throws Exception {
        ClassInvestigator inv = new ClassInvestigator(args[0]);
        inv.list();
        Shared.describe(args[0]);
        Fielded.describe(args[0]);
        org.acme.api.Codec.decode(args[0]);
        org.acme.inspect.fmt.Format.of(args[0]);
        Hex.of(args[0]);
        Table.of(args[0]);
    }
}`,
		// Public in a package below the launcher's: not enough.
		"src/main/java/org/acme/inspect/fmt/Format.java": `package org.acme.inspect.fmt;
public class Format {
    public static String of(String s) { return s; }
    public static void trace(String s) { System.out.println(s); }
}`,
		"src/main/java/org/acme/inspect/ClassInvestigator.java": `package org.acme.inspect;
public class ClassInvestigator {
    private final String file;
    public ClassInvestigator(String file) { this.file = file; }
    public void list() { System.out.println(file); }
    public void removeAttributes(String name) {
        if (name == null) {
            fail("no name");
        }
        System.out.println("removed " + name);
    }
    private static void fail(String why) {
        System.err.println(why);
        System.exit(1);
    }
}`,
		// Named by the tool and by library code.
		"src/main/java/org/acme/inspect/Shared.java": `package org.acme.inspect;
public class Shared {
    public static void describe(String s) { System.out.println(s); }
    public static void dump(String s) { System.out.println(s); }
}`,
		"src/main/java/org/acme/lib/Engine.java": `package org.acme.lib;
import org.acme.inspect.Shared;
public class Engine {
    /** Like {@link org.acme.inspect.Fielded}, but quiet. */
    public void run(String s) { Shared.describe(s); }
}`,
		// Named by the tool's main, and in a field of another class.
		"src/main/java/org/acme/inspect/Fielded.java": `package org.acme.inspect;
public class Fielded {
    public static void describe(String s) { System.out.println(s); }
    public static void dump(String s) { System.out.println(s); }
}`,
		"src/main/java/org/acme/inspect/Holder.java": `package org.acme.inspect;
class Holder {
    private static final Class<?> KIND = Fielded.class;
}`,
		// Named by no one.
		"src/main/java/org/acme/inspect/Orphan.java": `package org.acme.inspect;
public class Orphan {
    public static void dump(String s) { System.out.println(s); }
}`,
		// A library's API package: only the tool names Codec, yet it is
		// public where no launcher lives.
		"src/main/java/org/acme/api/Codec.java": `package org.acme.api;
public class Codec {
    public static String decode(String s) { return s; }
    public static void trace(String s) { System.out.println(s); }
}`,
		// Named by the tool, and called through a static import by
		// library code.
		"src/main/java/org/acme/inspect/Hex.java": `package org.acme.inspect;
public class Hex {
    public static String of(String s) { return s; }
    public static void dump(String s) { System.out.println(s); }
}`,
		"src/main/java/org/acme/lib/Codes.java": `package org.acme.lib;
import static org.acme.inspect.Hex.of;
public class Codes {
    public String show(String s) { return of(s); }
}`,
		// Named by the tool, and by a library class declared in its own
		// file.
		"src/main/java/org/acme/inspect/Table.java": `package org.acme.inspect;
public class Table {
    public static String of(String s) { return s; }
    public static void dump(String s) { System.out.println(s); }
}
class TableView {
    public String render(String s) { return Table.of(s); }
}`,
		// Only a test names it besides the tool: tests are set aside.
		"src/main/java/org/acme/inspect/Report.java": `package org.acme.inspect;
class Report {
    static void print(String s) { System.out.println(s); }
}`,
		"src/main/java/org/acme/inspect/Lister2.java": `package org.acme.inspect;
public class Lister2 {
    public static void main(String[] args) { new Report(); Summary.of(args[0]); }
}`,
		// Public, and named only by a main the scope keeps as production:
		// it may be the library's API.
		"src/main/java/org/acme/inspect/Summary.java": `package org.acme.inspect;
public class Summary {
    public static String of(String s) { return s; }
    public static void dump(String s) { System.out.println(s); }
}`,
		"src/test/java/org/acme/inspect/ReportTest.java": `package org.acme.inspect;
public class ReportTest {
    public void testPrint() { Report.print("x"); }
}`,
	}, finding.Finding{RuleID: "system-exit", Class: "org.acme.inspect.ClassInvestigator", Method: "fail", EntrySensitive: true, Path: "src/main/java/org/acme/inspect/ClassInvestigator.java"},
		finding.Finding{RuleID: "stdout-usage", Class: "org.acme.inspect.ClassInvestigator", Method: "removeAttributes", EntrySensitive: true, Path: "src/main/java/org/acme/inspect/ClassInvestigator.java"},
		finding.Finding{RuleID: "stdout-usage", Class: "org.acme.inspect.Shared", Method: "dump", EntrySensitive: true, Path: "src/main/java/org/acme/inspect/Shared.java"},
		finding.Finding{RuleID: "stdout-usage", Class: "org.acme.inspect.Fielded", Method: "dump", EntrySensitive: true, Path: "src/main/java/org/acme/inspect/Fielded.java"},
		finding.Finding{RuleID: "stdout-usage", Class: "org.acme.inspect.Orphan", Method: "dump", EntrySensitive: true, Path: "src/main/java/org/acme/inspect/Orphan.java"},
		finding.Finding{RuleID: "stdout-usage", Class: "org.acme.inspect.Summary", Method: "dump", EntrySensitive: true, Path: "src/main/java/org/acme/inspect/Summary.java"},
		finding.Finding{RuleID: "stdout-usage", Class: "org.acme.inspect.Hex", Method: "dump", EntrySensitive: true, Path: "src/main/java/org/acme/inspect/Hex.java"},
		finding.Finding{RuleID: "stdout-usage", Class: "org.acme.inspect.Table", Method: "dump", EntrySensitive: true, Path: "src/main/java/org/acme/inspect/Table.java"},
		finding.Finding{RuleID: "stdout-usage", Class: "org.acme.inspect.fmt.Format", Method: "trace", EntrySensitive: true, Path: "src/main/java/org/acme/inspect/fmt/Format.java"},
		finding.Finding{RuleID: "stdout-usage", Class: "org.acme.api.Codec", Method: "trace", EntrySensitive: true, Path: "src/main/java/org/acme/api/Codec.java"},
		finding.Finding{RuleID: "stdout-usage", Class: "org.acme.inspect.Report", Method: "print", EntrySensitive: true, Path: "src/main/java/org/acme/inspect/Report.java"})
	for _, tc := range []struct {
		class, method string
		want          bool
	}{
		{"org.acme.inspect.ClassInvestigator", "list", true},
		{"org.acme.inspect.ClassInvestigator", "removeAttributes", true}, // uncalled, but only the tool names the class
		{"org.acme.inspect.ClassInvestigator", "fail", true},
		{"org.acme.inspect.Shared", "dump", false},     // library code names Shared too
		{"org.acme.inspect.Fielded", "dump", false},    // named in a field of another class
		{"org.acme.inspect.Orphan", "dump", false},     // named by no one: an API
		{"org.acme.inspect.Hex", "dump", false},        // called through a static import by library code
		{"org.acme.inspect.Table", "dump", false},      // named by a library class in its own file
		{"org.acme.inspect.Summary", "dump", false},    // public, named by a main kept as production
		{"org.acme.api.Codec", "trace", true},          // public, but only the set-aside tool names it
		{"org.acme.inspect.fmt.Format", "trace", true}, // likewise
		{"org.acme.inspect.Report", "print", true},     // a test's call does not count
	} {
		if got := g.OnlyFromEntry(tc.class, tc.method); got != tc.want {
			t.Errorf("%s.%s: entry-only %v, want %v", tc.class, tc.method, got, tc.want)
		}
	}
}

// A command line whose lookup sits at the end of a chain of private
// helpers, on a tree where other files take the search's whole bound
// first: a private method's callers all sit in its own file, which is
// still read past the bound, so the chain is followed up to main and the
// lookup is the command line's. A private helper a public method of a
// class with no entry point calls stays reachable: that method's callers
// are not searched past the bound, and a client may call it.
func TestGraphPrivateChainPastBound(t *testing.T) {
	files := map[string]string{
		"src/main/java/org/acme/tool/Probe.java": `package org.acme.tool;
public final class Probe {
    public static void main(String[] args) throws Exception {
        if (args.length > 1) {
            classpath(args);
        }
    }
    private static void classpath(String[] args) throws Exception {
        Probe.tryAll(args);
    }
    private static void tryAll(String[] args) throws Exception {
        for (String a : args) {
            tryOne(a);
        }
    }
    private static void tryOne(String cn) throws Exception {
        load(cn);
    }
    private static Class<?> load(String cn) throws Exception {
        return Class.forName(cn);
    }
}`,
		"src/main/java/org/acme/lib/Registry.java": `package org.acme.lib;
public final class Registry {
    public static Class<?> find(String cn) throws Exception {
        return resolve(cn);
    }
    private static Class<?> resolve(String cn) throws Exception {
        return lookup(cn);
    }
    private static Class<?> lookup(String cn) throws Exception {
        return Class.forName(cn);
    }
}`,
	}
	// Files before them in path order that name the methods asked for,
	// parsed first until the bound.
	for i := 0; i < 6; i++ {
		files[fmt.Sprintf("src/main/java/org/acme/a/Filler%d.java", i)] = fmt.Sprintf(`package org.acme.a;
public class Filler%d {
    // Probe Registry classpath tryAll tryOne load resolve lookup find
    int f() { return %d; }
}`, i, i)
	}
	e := scanned(t, files)
	e.findings = append(e.findings,
		finding.Finding{RuleID: "class-forname-caller-loader", Class: "org.acme.tool.Probe", Method: "load", EntrySensitive: true},
		finding.Finding{RuleID: "class-forname-caller-loader", Class: "org.acme.lib.Registry", Method: "lookup", EntrySensitive: true})
	g, err := e.graphs.build(context.Background(), e.findings, graphOptions{jobs: 2, timeout: time.Minute,
		maxFileSize: DefaultMaxFileSize, types: e.index.types, maxFiles: 4})
	if err != nil {
		t.Fatal(err)
	}
	if !e.graphs.stopped {
		t.Fatalf("the search did not reach its bound (parsed %d)", e.graphs.parsed)
	}
	for _, tc := range []struct {
		class, method string
		want          bool
	}{
		{"org.acme.tool.Probe", "load", true},
		{"org.acme.tool.Probe", "tryOne", true},
		{"org.acme.tool.Probe", "tryAll", true},
		{"org.acme.tool.Probe", "classpath", true},
		{"org.acme.lib.Registry", "lookup", false},
		{"org.acme.lib.Registry", "resolve", false},
	} {
		if got := g.OnlyFromEntry(tc.class, tc.method); got != tc.want {
			t.Errorf("%s.%s: entry-only %v, want %v", tc.class, tc.method, got, tc.want)
		}
	}
}

package scanner

import (
	"testing"

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

package scanner

import (
	"testing"

	"github.com/kscan/kscan/scanner/finding"
)

// A server's launcher: its static initialiser sets the home directory,
// main creates the server by a constant class name and calls its
// lifecycle by method names on the object it holds in a field; a
// properties class only the launcher uses copies a file into the JVM's
// table in its static initialiser. A second launcher is named by the
// embedding API, and a second properties class by library code: their
// static initialisers run inside the shared JVM.
func TestGraphLauncherStaticInitAndLifecycle(t *testing.T) {
	files := map[string]string{
		"src/main/java/d/Bootstrap.java": `package d;
import java.lang.reflect.Method;
public final class Bootstrap {
    static { System.setProperty("home", "."); }
    private Object daemon;
    public void init() throws Exception {
        ServerProperties.load();
        Class<?> type = Thread.currentThread().getContextClassLoader().loadClass("d.Server");
        daemon = type.getConstructor().newInstance();
    }
    private void load(String[] args) throws Exception {
        String methodName = "load";
        Method method = daemon.getClass().getMethod(methodName, String[].class);
        method.invoke(daemon, (Object) args);
    }
    public void start() throws Exception { daemon.getClass().getMethod("start").invoke(daemon); }
    public static void main(String[] args) throws Exception {
        Bootstrap b = new Bootstrap();
        b.init();
        b.load(args);
        b.start();
    }
}`,
		"src/main/java/d/Server.java": `package d;
public class Server {
    public void load(String[] args) { System.setProperty("naming", "true"); ServerProperties.load(args[0]); }
    public void start() { initNaming(); }
    protected void initNaming() { System.setProperty("started", "true"); }
    public void reconfigure(String c) { System.setProperty("config", c); }
}`,
		"src/main/java/d/ServerProperties.java": `package d;
public final class ServerProperties {
    static { System.setProperty("from.file", "x"); }
    static void load() { }
    public static void load(String name) { }
}`,
		// A launcher whose static field's initialiser calls a helper,
		// which calls a public class's method elsewhere.
		"src/main/java/f/Home.java": `package f;
public final class Home {
    private static final String HOME = home();
    private static String home() { return fu.Dirs.fix("f.home"); }
    public static void main(String[] args) { System.out.println(HOME); }
}`,
		"src/main/java/fu/Dirs.java": `package fu;
public final class Dirs {
    public static String fix(String key) { System.setProperty(key, "."); return "."; }
}`,
		"src/main/java/e/Launcher.java": `package e;
public final class Launcher {
    static { System.setProperty("e.home", "."); }
    public static void main(String[] args) { new Launcher().run(); }
    public void run() { Settings.touch(); }
}`,
		"src/main/java/e/Embedded.java": `package e;
public class Embedded {
    public void start() { new Launcher().run(); }
}`,
		"src/main/java/e/Settings.java": `package e;
public final class Settings {
    static { System.setProperty("e.settings", "x"); }
    public static void touch() { }
}`,
		"src/main/java/e/Lib.java": `package e;
public class Lib {
    public String value() { Settings.touch(); return "v"; }
}`,
		// A launcher creating two classes by name: a method both declare,
		// invoked on an object of unknown class, is not guessed.
		"src/main/java/m/Multi.java": `package m;
public final class Multi {
    public static void main(String[] args) throws Exception {
        Object a = Class.forName("m.A").getConstructor().newInstance();
        Object b = Class.forName("m.B").getConstructor().newInstance();
        Object o = args.length > 0 ? a : b;
        o.getClass().getMethod("halt").invoke(o);
    }
}`,
		"src/main/java/m/A.java": `package m;
public class A { public void halt() { System.exit(1); } }`,
		"src/main/java/m/B.java": `package m;
public class B { public void halt() { System.exit(2); } }`,
		// A service wrapper's class (procrun's Java mode): static start
		// and stop taking the service's arguments, no main.
		"src/main/java/w/Service.java": `package w;
public final class Service {
    static { System.setProperty("w.home", "."); }
    public static void start(String[] args) { Engine.boot(); }
    public static void stop(String[] args) { System.exit(0); }
}`,
		"src/main/java/w/Engine.java": `package w;
public final class Engine {
    static void boot() { System.setProperty("w.booted", "true"); }
}`,
		// Commons Daemon's jsvc creates the daemon and calls its lifecycle.
		"src/main/java/w/JsvcDaemon.java": `package w;
import org.apache.commons.daemon.Daemon;
import org.apache.commons.daemon.DaemonContext;
public class JsvcDaemon implements Daemon {
    public void init(DaemonContext context) { System.setProperty("w.jsvc", "."); }
    public void start() { }
    public void stop() { System.exit(0); }
    public void destroy() { }
}`,
		// An embedding API with a main: its init(source, args) is not
		// jsvc's init(String[]), so it is the API's.
		"src/main/java/t/Embed.java": `package t;
public class Embed {
    public static void main(String[] args) { new Embed().run(); }
    void run() { }
    public void init(Object source, String[] args) { System.setProperty("t.init", "."); }
}`,
		// A static start alone is no service's entry point.
		"src/main/java/w/Half.java": `package w;
public final class Half {
    static { System.setProperty("w.half", "."); }
    public static void start(String[] args) { System.exit(0); }
}`,
	}
	sens := func(class, method string) finding.Finding {
		return finding.Finding{RuleID: "system-property-mutation", Class: class, Method: method, EntrySensitive: true}
	}
	_, g := graphOf(t, files,
		sens("d.Bootstrap", "<clinit>"), sens("d.Server", "load"), sens("d.Server", "initNaming"), sens("d.Server", "reconfigure"),
		sens("d.ServerProperties", "<clinit>"), sens("e.Launcher", "<clinit>"), sens("e.Settings", "<clinit>"),
		sens("m.A", "halt"), sens("m.B", "halt"), sens("w.Service", "<clinit>"), sens("w.Engine", "boot"),
		sens("w.Half", "<clinit>"), sens("w.Half", "start"), sens("w.JsvcDaemon", "init"), sens("w.JsvcDaemon", "stop"),
		sens("fu.Dirs", "fix"), sens("t.Embed", "init"))
	for _, tc := range []struct {
		class, method string
		want          bool
	}{
		{"d.Bootstrap", "<clinit>", true},        // runs with main: nothing else names the launcher
		{"d.Server", "load", true},               // invoked by name on the object the launcher made
		{"d.Server", "start", true},              // likewise
		{"d.Server", "initNaming", true},         // what only those reach
		{"d.Server", "reconfigure", false},       // invoked by no one: the class's API
		{"d.ServerProperties", "<clinit>", true}, // only the launcher and what it alone runs use the class
		{"e.Launcher", "<clinit>", false},        // the embedding API names the launcher
		{"e.Settings", "<clinit>", false},        // library code uses the class too
		{"m.A", "halt", false},                   // two classes made by name declare it
		{"m.B", "halt", false},
		{"w.Service", "stop", true},     // the service wrapper's entry point
		{"w.Service", "<clinit>", true}, // runs with it: nothing names the class
		{"w.Engine", "boot", true},      // only the service's start calls it
		{"w.Half", "start", false},      // a static start alone: an API
		{"w.Half", "<clinit>", false},
		{"w.JsvcDaemon", "init", true}, // jsvc's entry points
		{"w.JsvcDaemon", "stop", true},
		{"t.Embed", "init", false}, // an embedding API's init(source, args), not jsvc's
		{"fu.Dirs", "fix", true},   // only the launcher's static initialiser calls it, through a helper
		{"f.Home", "home", true},
	} {
		if got := g.OnlyFromEntry(tc.class, tc.method); got != tc.want {
			t.Errorf("%s.%s: entry-only %v, want %v", tc.class, tc.method, got, tc.want)
		}
	}
}

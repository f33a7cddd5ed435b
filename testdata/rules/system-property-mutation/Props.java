package fixtures.props;

import java.util.Properties;
import static java.lang.System.setProperty;

public class Props {
    void writes(String appId) throws Exception {
        System.setProperty("app.id", appId); // want "system-property-mutation:high"
        System.clearProperty("apollo.meta"); // want "system-property-mutation"
        System.setProperties(new Properties()); // want "system-property-mutation"
        System.getProperties().put("apollo.cluster", "default"); // want "system-property-mutation"
        System.getProperties().setProperty("k", "v"); // want "system-property-mutation"
        System.getProperties().remove("other"); // want "system-property-mutation"
        System.getProperties().load(getClass().getResourceAsStream("/app.properties")); // want "system-property-mutation"
        setProperty("static.import", "x"); // want "system-property-mutation"
        java.lang.System.setProperty("qualified", "x"); // want "system-property-mutation"
    }

    String reads() {
        String a = System.getProperty("app.id"); // want "system-property-mutation:medium"
        String name = System.getProperty("spring.application.name"); // want "system-property-mutation:info"
        String profile = Boolean.getBoolean("spring.profiles.active") ? "x" : "y"; // want "system-property-mutation:info"
        return a + name + profile;
    }

    // Safe look-alikes.

    String standardReads(String key) {
        String home = System.getProperty("user.home");
        String sep = System.getProperty("line.separator");
        String v = System.getProperty("java.version");
        String os = System.getProperty("os.name", "linux");
        String dynamic = System.getProperty(key);
        return home + sep + v + os + dynamic;
    }

    String librarySwitches() {
        // A library's own switches are JVM-wide by design.
        Integer n = Integer.getInteger("pool.size", 4);
        boolean b = Boolean.getBoolean("org.acme.cache.DISABLED");
        String s = System.getProperty("org.apache.el.BeanELResolver.CACHE_SIZE", "1000");
        return n + s + b;
    }

    void ownProperties(Properties p) {
        p.setProperty("a", "b");
        p.put("c", "d");
        Properties copy = new Properties();
        copy.setProperty("x", "y");
    }

    String env() {
        return System.getenv("APP_ID");
    }
}

// The restoring half of a change is not a second hazard: the key the
// same code set, cleared at shutdown (Spring's WebUtils), and the old value
// put back in finally.
class WebRoot {
    static void set(String param, String root) {
        String key = (param != null ? param : "webapp.root");
        System.setProperty(key, root); // want "system-property-mutation"
    }

    static void remove(String param) {
        String key = (param != null ? param : "webapp.root");
        System.getProperties().remove(key); // want "system-property-mutation" source:-
    }

    void scoped(Runnable r) {
        String old = System.getProperty("javax.xml.parsers.DocumentBuilderFactory");
        System.setProperty("javax.xml.parsers.DocumentBuilderFactory", "x.Factory"); // want "system-property-mutation"
        try {
            r.run();
        } finally {
            System.setProperty("javax.xml.parsers.DocumentBuilderFactory", old);
        }
    }

    void clearOnly() {
        System.clearProperty("some.other.key"); // want "system-property-mutation"
    }
}

// A command line: what only main reaches sets the properties of its own
// process; a public method other code may call still changes the shared
// table.
class Launcher {
    public static void main(String[] args) {
        System.setProperty("launcher.home", args[0]); // want "system-property-mutation" source:-
        configure(args);
    }

    private static void configure(String[] args) {
        System.setProperty("launcher.base", args[1]); // a private helper of a command-line class: the tool's own
    }

    public static void api(String v) {
        System.setProperty("launcher.api", v); // want "system-property-mutation"
    }
}

class Shell {
    public static void main(String[] args) {
    }

    public void configure(String v) {
        System.setProperty("shell.mode", v); // want "system-property-mutation:low"
    }
}

// A command-line client's own connect step: not public, only the tool
// calls it, in its own process.
class Client {
    public static void main(String[] args) {
        new Client().connect(args[0]);
    }

    protected void connect(String host) {
        System.setProperty("client.secure", "true"); // want "system-property-mutation" source:-
    }
}

// A context that takes a property away while it is in force and puts the
// value it saved back when it is done: the put-back is the change's
// undoing, reported where the change is made.
class SavedContext {
    private final String saved;

    SavedContext() {
        this.saved = System.getProperty("mode.class"); // want "system-property-mutation" source:-
        if (saved != null) {
            System.getProperties().remove("mode.class"); // want "system-property-mutation" bytecode:-
        }
    }

    void restore() {
        if (saved != null) {
            System.setProperty("mode.class", this.saved); // want "system-property-mutation" source:-
        }
    }
}

// A value saved from another key is no restore.
class SavedSwap {
    private final String other = System.getProperty("other.class");

    void swap() {
        System.setProperty("swap.class", other); // want "system-property-mutation"
    }
}

// Read, extended and written back: a change, not a put-back; and a
// setter's parameter named as another method's saved local.
class Extended {
    static void register() {
        String pkgs = System.getProperty("java.protocol.handler.pkgs");
        if (pkgs == null) {
            pkgs = "org.acme.protocol";
        } else {
            pkgs += "|org.acme.protocol";
        }
        System.setProperty("java.protocol.handler.pkgs", pkgs); // want "system-property-mutation"
    }

    private String name = "acme.limit";

    int limit() {
        String value = System.getProperty(this.name);
        return value == null ? 0 : Integer.parseInt(value);
    }

    public void set(String value) {
        System.setProperty(this.name, value); // want "system-property-mutation"
    }

    // Saved, changed and put back in one method, without finally.
    void scoped(Runnable r) {
        String old = System.getProperty("acme.mode"); // want "system-property-mutation"
        System.setProperty("acme.mode", "batch"); // want "system-property-mutation"
        r.run();
        System.setProperty("acme.mode", old); // want "system-property-mutation" source:-
    }
}

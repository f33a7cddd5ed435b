package fixtures.state.shared;

import java.util.HashMap;
import java.util.Map;

// What an app hands in (a setter's argument, a registered value, a level)
// is rated high; what the library computes itself (a flag, a cache it
// fills) is not reported: mostly the same for every app.
public class Rated {
    private static String level; // want "static-mutable-state:high" bytecode:0
    private static Object monitor; // want "static-mutable-state:high" bytecode:0
    private static boolean probed;
    private static final Map<String, Object> HANDLERS = new HashMap<>(); // want "static-mutable-state:high"
    private static final Map<String, Object> SEEN = new HashMap<>();

    public static void setLevel(String l) {
        level = l;
    }

    public static void setMonitor(Object m) {
        monitor = m;
    }

    static boolean probe() {
        probed = System.getProperty("x") != null;
        return probed;
    }

    public static void register(String name, Object handler) {
        HANDLERS.put(name, handler);
    }

    static void seen(String name) {
        SEEN.put(name, new Object());
        SEEN.remove("old");
    }
}

package fixtures.state;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

// Lazy initialisation with a value no caller chose runs once: double-checked
// locking through a local, or an early return. A setter, a registry of the
// class's own instances and a cache with unregister are shared state.
public class LazyInit {
    private static volatile LazyInit instance;
    private static SecureRandom random;
    private static volatile LazyInit chosen; // want "static-mutable-state" bytecode:0
    private static final Map<String, LazyInit> ALL = new ConcurrentHashMap<>(); // filled with computed values only
    private static final Map<String, Holder> OPEN = new HashMap<>(); // want "static-mutable-state"

    static final class Holder {
        int uses;
    }

    private final String name;

    private LazyInit(String name) {
        this.name = name;
        ALL.putIfAbsent(name, this);
    }

    static LazyInit get() {
        LazyInit result = instance;
        if (result == null) {
            synchronized (LazyInit.class) {
                result = instance;
                if (result == null) {
                    instance = result = new LazyInit("default");
                }
            }
        }
        return result;
    }

    static synchronized SecureRandom random() {
        if (random != null) {
            return random;
        }
        random = new SecureRandom();
        return random;
    }

    public static void choose(LazyInit l) {
        LazyInit current = chosen;
        if (current == null) {
            chosen = l;
        }
    }

    public static Holder open(String name) {
        Holder h = OPEN.get(name);
        if (h == null) {
            h = new Holder();
            OPEN.put(name, h);
        }
        return h;
    }

    public static void close(String name) {
        OPEN.remove(name);
    }

    static LazyInit forName(String name) {
        return new LazyInit(name);
    }
}

package fixtures.state.consttables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

// Tables filled on first use by a parameterless private init() from the
// library's own enum values, constants and tables only: whichever app
// calls first, the tables (and the flag) hold the same values.
public class ConstTables {
    public enum Kind {
        ALPHA, BETA, GAMMA
    }

    public static final String PREFIX = "k.";
    private static final String[] BASE = {"base", "core"};
    private static final Map<String, Kind> byName = new HashMap<>(); // want "static-mutable-state" source:-
    private static final List<String> names = new ArrayList<>();
    private static Map<Kind, Integer> order;
    private static boolean initialized = false;

    public static Kind kind(String name) {
        if (!initialized) init();
        return byName.get(name);
    }

    public static List<String> names() {
        if (!initialized) {
            init();
        }
        return names;
    }

    public static int order(Kind k) {
        if (!initialized) init();
        return order.get(k);
    }

    private static synchronized void init() {
        Map<Kind, Integer> m = new HashMap<>();
        for (Kind k : Kind.values()) {
            byName.put(k.name().toLowerCase(), k);
            names.add(PREFIX + k.name());
            m.put(k, k.ordinal());
        }
        for (String b : BASE) {
            names.add(b);
        }
        order = m;
        for (Kind k : Kind.values()) {
            alias(k.name(), k);
        }
        for (int i = 0; i < BASE.length; i++) {
            alias(BASE[i], Kind.ALPHA);
        }
        initialized = true;
    }

    private static void alias(String name, Kind k) {
        byName.put(name, k);
        names.add(name);
    }
}

// Look-alikes: the lazy init reads a system property, the loader of the
// thread that calls first, or the first caller's prefix, so the first
// caller decides the tables.
class PropertyTables {
    enum Mode {
        FAST, SAFE
    }

    private static final Map<String, Mode> aliases = new HashMap<>(); // want "static-mutable-state"
    private static boolean loaded = false;

    public static Mode alias(String name) {
        if (!loaded) init();
        return aliases.get(name);
    }

    public static boolean known(String name) {
        if (!loaded) init();
        return aliases.containsKey(name);
    }

    private static void init() {
        for (Mode m : Mode.values()) {
            put(System.getProperty("tables.prefix", "") + m.name(), m);
        }
        loaded = true;
    }

    private static void put(String name, Mode m) {
        aliases.put(name, m);
    }
}

class LoaderTables {
    private static final List<Object> found = new ArrayList<>(); // want "static-mutable-state"
    private static boolean initialized;

    public static List<Object> found() {
        if (!initialized) init();
        return found;
    }

    public static int count() {
        if (!initialized) init();
        return found.size();
    }

    private static void init() {
        found.add(Thread.currentThread().getContextClassLoader());
        initialized = true;
    }
}

class PrefixTables {
    enum Mode {
        FAST, SAFE
    }

    private static final Map<String, Mode> modes = new HashMap<>(); // want "static-mutable-state"
    private static boolean initialized;

    public static Mode mode(String prefix, String name) {
        if (!initialized) init(prefix);
        return modes.get(name);
    }

    public static Mode first(String prefix) {
        if (!initialized) init(prefix);
        return modes.values().iterator().next();
    }

    private static void init(String prefix) {
        for (Mode m : Mode.values()) {
            put(prefix + m.name(), m);
        }
        initialized = true;
    }

    private static void put(String name, Mode m) {
        modes.put(name, m);
    }
}

// The init reads a static an app sets: the first caller's suffix is in
// every app's table.
class SuffixTables {
    enum Mode {
        FAST, SAFE
    }

    private static final Map<String, Mode> modes = new HashMap<>(); // want "static-mutable-state"
    private static String suffix = ""; // want "static-mutable-state"
    private static boolean initialized;

    public static void setSuffix(String s) {
        suffix = s;
    }

    public static Mode mode(String name) {
        if (!initialized) init();
        return modes.get(name);
    }

    public static int count() {
        if (!initialized) init();
        return modes.size();
    }

    private static void init() {
        for (Mode m : Mode.values()) {
            put(m.name() + suffix, m);
        }
        initialized = true;
    }

    private static void put(String name, Mode m) {
        modes.put(name, m);
    }
}

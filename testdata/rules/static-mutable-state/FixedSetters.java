package fixtures.state.setters;

import java.util.HashMap;
import java.util.Map;

// Setters the library calls itself: what every caller passes decides
// whether one app can change what another sees.
public final class FixedSetters {
    // every caller passes true: a once-flag, the same for every app
    private static boolean initialized;
    // every caller passes an instance of the library's own class built from constants
    private static Driver driver;
    // every caller passes a constant
    private static String version;
    // built-in entries registered from the library's own boot code
    private static final Map<String, Driver> DRIVERS = new HashMap<>(); // want "static-mutable-state" source:-
    // one caller passes true, another false: the app that called last decides
    private static boolean mode; // want "static-mutable-state" bytecode:0
    // a public setter no project code calls: the clients' API
    private static String name; // want "static-mutable-state" bytecode:0
    // a caller hands on its own parameter: a value from outside
    private static String label; // want "static-mutable-state" bytecode:0

    public static void setInitialized(boolean v) {
        initialized = v;
    }

    public static void setDriver(Driver d) {
        driver = d;
    }

    public static void setVersion(String v) {
        version = v;
    }

    public static void register(String key, Driver d) {
        DRIVERS.put(key, d);
    }

    public static void setMode(boolean m) {
        mode = m;
    }

    public static void setName(String n) {
        name = n;
    }

    public static void setLabel(String l) {
        label = l;
    }

    static String describe() {
        return initialized + " " + driver + version + DRIVERS + mode + name + label;
    }
}

interface Driver {
}

final class OwnDriver implements Driver {
    OwnDriver(int size) {
    }
}

final class Boot {
    static final String VERSION = "1.0";

    static void start() {
        FixedSetters.setInitialized(true);
        FixedSetters.setDriver(new OwnDriver(16));
        FixedSetters.setVersion(VERSION);
        FixedSetters.register("own", new OwnDriver(8));
        FixedSetters.setMode(true);
    }

    static void stop() {
        FixedSetters.setInitialized(true);
        FixedSetters.setMode(false);
    }

    public static void configure(String s) {
        FixedSetters.setLabel(s);
        FixedSetters.setLabel("default");
    }
}

// Per-type flags, each with its setter and all recomputed by one routine:
// one finding for the class's state, at its first field.
class TypeFlags {
    private static boolean origInt = true; // want "static-mutable-state"
    private static boolean origIntRes = true;
    private static boolean origLong = true;
    private static boolean origLongRes = true;
    private static boolean custom;

    public static void setOrigInt(boolean v) {
        origInt = v;
        origIntRes = !custom && v;
    }

    public static void setOrigLong(boolean v) {
        origLong = v;
        origLongRes = !custom && v;
    }

    public static void setCustom(boolean c) {
        custom = c;
        origIntRes = !c && origInt;
        origLongRes = !c && origLong;
    }

    static boolean read() {
        return origIntRes && origLongRes;
    }
}

// Library-internal values filled while the class initialises, through a
// reconfigure method that only the static initialiser calls.
final class Defaults {
    private static final Map<String, String> VALUES = new HashMap<>(); // want "static-mutable-state" source:-

    static {
        reconfigure(System.getProperty("defaults.prefix", "x"));
    }

    static void reconfigure(String prefix) {
        VALUES.put("A", prefix + "a");
        VALUES.put("B", prefix + "b");
    }

    static String get(String k) {
        return VALUES.get(k);
    }
}

// The same method called at run time with what a caller hands in.
final class Overrides {
    private static final Map<String, String> VALUES = new HashMap<>(); // want "static-mutable-state"

    static {
        reconfigure("x");
    }

    static void reconfigure(String prefix) {
        VALUES.put("A", prefix + "a");
    }

    public static void override(String prefix) {
        reconfigure(prefix);
    }
}

package fixtures.state.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

// Switches an app sets (a flag, an enum of the library's modes) are
// settings every app shares: notes. Values that can name an app (a size, a
// version string, a level, a Locale), objects an app hands in (an
// allocator, a monitor), registries and arrays keep the rule's severity,
// and so does a group of fields one writer sets when one of them holds
// more than a switch.
public final class SharedSettings {
    enum Verbosity { QUIET, LOUD }

    private static boolean cacheEnabled = true; // want "static-mutable-state:low"
    private static int maxBatchSize = 64; // want "static-mutable-state:medium"
    private static Integer poolSize; // want "static-mutable-state:medium" bytecode:0
    private static String serverInfo = "x/1"; // want "static-mutable-state:medium"
    private static Verbosity verbosity = Verbosity.QUIET; // want "static-mutable-state:low"
    private static Locale defaultLocale; // want "static-mutable-state:medium" bytecode:0
    private static final AtomicBoolean TRACE = new AtomicBoolean(); // want "static-mutable-state:low"

    private static Object allocator; // want "static-mutable-state:medium" bytecode:0
    private static final List<Object> LISTENERS = new ArrayList<>(); // want "static-mutable-state:medium"
    private static int[] weights = new int[4]; // want "static-mutable-state:medium"
    private static Duration window; // want "static-mutable-state:medium" bytecode:0

    public static void setCacheEnabled(boolean on) {
        cacheEnabled = on;
    }

    public static void setMaxBatchSize(int n) {
        maxBatchSize = n;
    }

    public static void setPoolSize(Integer n) {
        poolSize = n;
    }

    public static void setServerInfo(String info) {
        serverInfo = info;
    }

    public static void setVerbosity(Verbosity v) {
        verbosity = v;
    }

    public static void setDefaultLocale(Locale l) {
        defaultLocale = l;
    }

    public static void setTrace(boolean on) {
        TRACE.set(on);
    }

    public static void setAllocator(Object a) {
        allocator = a;
    }

    public static void addListener(Object l) {
        LISTENERS.add(l);
    }

    public static void setWeights(int[] w) {
        weights = w;
    }

    public static void setWindow(Duration d) {
        window = d;
    }

    static String describe() {
        return cacheEnabled + " " + maxBatchSize + poolSize + serverInfo + verbosity + defaultLocale + TRACE + allocator
            + LISTENERS + weights + window;
    }
}

// The project's own class named like a JDK value type: an object.
final class Duration {
}

// Three switches one routine writes: one finding, a note.
class TuningGroup {
    private static boolean low; // want "static-mutable-state:low" bytecode:0
    private static boolean high;
    private static Boolean delay;

    public static void configure(boolean l, boolean h, Boolean d) {
        low = l;
        high = h;
        delay = d;
    }

    static String sum() {
        return low + " " + high + delay;
    }
}

// Three fields one routine writes, one of them an app's object: the group
// is rated as its object.
class MixedGroup {
    private static int size; // want "static-mutable-state:medium" bytecode:0
    private static boolean strict;
    private static Object factory;

    public static void install(int s, boolean st, Object f) {
        size = s;
        strict = st;
        factory = f;
    }

    static String show() {
        return size + " " + strict + factory;
    }
}

// A level and a hook of another class, set from here.
class SettingsUser {
    public static void quiet(String level) {
        OtherSettings.level = level;
    }

    public static void hook(Object h) {
        OtherSettings.hook = h;
    }
}

final class OtherSettings {
    static String level; // want "static-mutable-state:medium" bytecode:0
    static Object hook; // want "static-mutable-state:medium" bytecode:0

    static String describe() {
        return level + " " + hook;
    }
}
